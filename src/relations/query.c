/*
 * query.c -- selecting events from the store by actor, date, code, type and
 * issue.  Actor and CAMEO filters match by prefix (USA matches USAGOV and
 * USAMIL; 12 matches 120..129), the way analysts ask for "all US actors".
 * The SQL is built from bound parameters only, never from user text.
 */
#include "relations.h"

#include <stdio.h>

const char *const dyad_event_columns[COL_COUNT] = {
    "id", "doc", "sent", "date", "event_date", "cameo", "root", "plover", "mode", "context",
    "quad", "goldstein", "source_code", "source_country", "source_sector", "source_text",
    "target_code", "target_country", "target_sector", "target_text", "trigger",
    "trigger_start", "trigger_end", "sentence_start", "issues", "negated", "sentence",
    "rule", "duplicate_of", "json",
};

sqlite3 *dyad_store_open_readonly(const char *path, dyad_error *err) {
    sqlite3 *db = NULL;
    if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK) {
        dyad_error_set(err, path, 0, -1, "cannot open store: %s",
                       db ? sqlite3_errmsg(db) : "out of memory");
        sqlite3_close(db);
        return NULL;
    }
    sqlite3_busy_timeout(db, 5000);
    return db;
}

/* Appends "AND <clause>" and remembers the values to bind. */
typedef struct sql_build {
    dyad_buf sql;
    const char *vals[24];
    int nvals;
} sql_build;

static void where(sql_build *b, const char *clause, const char *val) {
    dyad_buf_printf(&b->sql, " AND %s", clause);
    if (val && b->nvals < 24) b->vals[b->nvals++] = val;
}

/* A prefix match as a range, so that SQLite uses the column's index:
 * codes are ASCII capitals and digits, and '~' sorts after all of them. */
static void prefix(sql_build *b, const char *col, const char *val, const char *conj) {
    dyad_buf_printf(&b->sql, "%s(%s >= ? AND %s < ? || '~')", conj, col, col);
    if (b->nvals + 2 > 24) return;
    b->vals[b->nvals++] = val;
    b->vals[b->nvals++] = val;
}

int dyad_query_events(sqlite3 *db, const dyad_filter *f, dyad_row_fn fn, void *user,
                      dyad_error *err) {
    sql_build b = {0};
    dyad_buf_puts(&b.sql, "SELECT ");
    for (int i = 0; i < COL_COUNT; i++)
        dyad_buf_printf(&b.sql, "%s%s", i ? ", " : "", dyad_event_columns[i]);
    dyad_buf_puts(&b.sql, " FROM events WHERE 1");
    if (f->both_directions && f->source && f->target) {
        prefix(&b, "source_code", f->source, " AND ((");
        prefix(&b, "target_code", f->target, " AND ");
        prefix(&b, "source_code", f->target, ") OR (");
        prefix(&b, "target_code", f->source, " AND ");
        dyad_buf_puts(&b.sql, "))");
    } else {
        if (f->source) prefix(&b, "source_code", f->source, " AND ");
        if (f->target) prefix(&b, "target_code", f->target, " AND ");
    }
    if (f->from) where(&b, "event_date >= ?", f->from);
    if (f->to) where(&b, "event_date <= ?", f->to);
    if (f->cameo) prefix(&b, "cameo", f->cameo, " AND ");
    if (f->plover) where(&b, "plover = ?", f->plover);
    if (f->issue)
        where(&b, "id IN (SELECT event FROM event_issues WHERE issue = ?)", f->issue);
    if (f->one_a_day) where(&b, "duplicate_of IS NULL", NULL);
    dyad_buf_puts(&b.sql, " ORDER BY event_date, id");
    if (f->limit > 0) dyad_buf_printf(&b.sql, " LIMIT %ld", f->limit);

    sqlite3_stmt *q = NULL;
    int rc = -1;
    if (sqlite3_prepare_v2(db, b.sql.data, -1, &q, NULL) != SQLITE_OK) {
        dyad_error_set(err, sqlite3_db_filename(db, "main"), 0, -1, "query failed: %s",
                       sqlite3_errmsg(db));
        goto out;
    }
    for (int i = 0; i < b.nvals; i++) sqlite3_bind_text(q, i + 1, b.vals[i], -1, SQLITE_STATIC);
    int step;
    while ((step = sqlite3_step(q)) == SQLITE_ROW)
        if (fn(q, user) != 0) break;
    if (step != SQLITE_ROW && step != SQLITE_DONE) {
        dyad_error_set(err, sqlite3_db_filename(db, "main"), 0, -1, "query failed: %s",
                       sqlite3_errmsg(db));
        goto out;
    }
    rc = 0;
out:
    sqlite3_finalize(q);
    dyad_buf_free(&b.sql);
    return rc;
}
