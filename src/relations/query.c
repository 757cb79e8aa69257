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

/* Appends "AND <clause>" and remembers the value to bind. */
typedef struct sql_build {
    dyad_buf sql;
    const char *vals[16];
    int nvals;
} sql_build;

static void where(sql_build *b, const char *clause, const char *val) {
    dyad_buf_printf(&b->sql, " AND %s", clause);
    if (val && b->nvals < 16) b->vals[b->nvals++] = val;
}

/* "<col> LIKE ? || '%'" matches by prefix; ESCAPE keeps '_' literal. */
#define PREFIX(col) col " LIKE replace(?, '_', '\\_') || '%' ESCAPE '\\'"

int dyad_query_events(sqlite3 *db, const dyad_filter *f, dyad_row_fn fn, void *user,
                      dyad_error *err) {
    sql_build b = {0};
    dyad_buf_puts(&b.sql, "SELECT ");
    for (int i = 0; i < COL_COUNT; i++)
        dyad_buf_printf(&b.sql, "%s%s", i ? ", " : "", dyad_event_columns[i]);
    dyad_buf_puts(&b.sql, " FROM events WHERE 1");
    if (f->both_directions && f->source && f->target) {
        dyad_buf_puts(&b.sql, " AND ((" PREFIX("source_code") " AND " PREFIX("target_code")
                              ") OR (" PREFIX("source_code") " AND " PREFIX("target_code") "))");
        b.vals[b.nvals++] = f->source;
        b.vals[b.nvals++] = f->target;
        b.vals[b.nvals++] = f->target;
        b.vals[b.nvals++] = f->source;
    } else {
        if (f->source) where(&b, PREFIX("source_code"), f->source);
        if (f->target) where(&b, PREFIX("target_code"), f->target);
    }
    if (f->from) where(&b, "event_date >= ?", f->from);
    if (f->to) where(&b, "event_date <= ?", f->to);
    if (f->cameo) where(&b, PREFIX("cameo"), f->cameo);
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
