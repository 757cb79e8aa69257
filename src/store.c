/*
 * store.c -- the SQLite event store: documents, their events and the actors
 * seen, so that a dyad's relations can be queried over time.
 *
 * Schema (PRAGMA user_version = 1; documented in docs/store.md):
 *   documents(id, title, date, source, text_hash, n_events, coded_at)
 *   events(id, doc, sent, date, event_date, cameo, root, plover, mode, context,
 *          quad, goldstein, source_code/country/sector/text/start/end,
 *          target_..., trigger, trigger_start, trigger_end, sentence_start,
 *          issues, negated, sentence, rule, duplicate_of, json)
 *   event_issues(event, issue)
 *   actors(code, country, sector, first_seen, last_seen, n_events)
 * Spans are character offsets, as in the JSON output; `json` is the event's
 * line exactly as `dyad code` prints it.
 *
 * Writes go in transactions of a batch of documents (DYAD_STORE_BATCH); a
 * document and all its events are always in the same transaction, so a
 * killed process leaves either the whole document or none of it.  The
 * database runs in WAL mode.  A document already stored with the same id
 * and text hash is skipped; `replace` deletes and rewrites it.  An event
 * that repeats one of another document (same event_date, source code,
 * target code and CAMEO code) is stored with duplicate_of set to the first
 * report's id, so queries can keep one a day.
 */
#include "internal.h"

#include <sqlite3.h>
#include <stdio.h>
#include <time.h>

#define DYAD_STORE_BATCH 64

static const char SCHEMA[] =
    "PRAGMA journal_mode=WAL;"
    "PRAGMA synchronous=NORMAL;"
    "PRAGMA foreign_keys=ON;"
    "CREATE TABLE IF NOT EXISTS documents ("
    "  id TEXT PRIMARY KEY, title TEXT, date TEXT, source TEXT,"
    "  text_hash TEXT NOT NULL, n_events INTEGER NOT NULL, coded_at TEXT NOT NULL);"
    "CREATE TABLE IF NOT EXISTS events ("
    "  id INTEGER PRIMARY KEY,"
    "  doc TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,"
    "  sent INTEGER NOT NULL, date TEXT, event_date TEXT NOT NULL,"
    "  cameo TEXT NOT NULL, root TEXT NOT NULL, plover TEXT, mode TEXT, context TEXT,"
    "  quad INTEGER NOT NULL, goldstein REAL NOT NULL,"
    "  source_code TEXT, source_country TEXT, source_sector TEXT, source_text TEXT,"
    "  source_start INTEGER, source_end INTEGER,"
    "  target_code TEXT, target_country TEXT, target_sector TEXT, target_text TEXT,"
    "  target_start INTEGER, target_end INTEGER,"
    "  trigger TEXT, trigger_start INTEGER, trigger_end INTEGER, sentence_start INTEGER,"
    "  issues TEXT NOT NULL, negated INTEGER NOT NULL, sentence TEXT NOT NULL, rule TEXT,"
    "  duplicate_of INTEGER REFERENCES events(id) ON DELETE SET NULL,"
    "  json TEXT NOT NULL);"
    "CREATE TABLE IF NOT EXISTS event_issues ("
    "  event INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE, issue TEXT NOT NULL);"
    "CREATE TABLE IF NOT EXISTS actors ("
    "  code TEXT PRIMARY KEY, country TEXT, sector TEXT,"
    "  first_seen TEXT, last_seen TEXT, n_events INTEGER NOT NULL);"
    "CREATE INDEX IF NOT EXISTS events_date ON events(event_date);"
    "CREATE INDEX IF NOT EXISTS events_source ON events(source_code);"
    "CREATE INDEX IF NOT EXISTS events_target ON events(target_code);"
    "CREATE INDEX IF NOT EXISTS events_cameo ON events(cameo);"
    "CREATE INDEX IF NOT EXISTS events_plover ON events(plover);"
    "CREATE INDEX IF NOT EXISTS events_doc ON events(doc);"
    "CREATE INDEX IF NOT EXISTS events_dupkey"
    "  ON events(event_date, source_code, target_code, cameo);"
    "CREATE INDEX IF NOT EXISTS event_issues_issue ON event_issues(issue, event);"
    "PRAGMA user_version=1;";

enum {
    Q_FIND_DOC, Q_DELETE_DOC, Q_INSERT_DOC, Q_FIND_DUP, Q_INSERT_EVENT,
    Q_INSERT_ISSUE, Q_UPSERT_ACTOR, Q_COUNT
};

static const char *const SQL[Q_COUNT] = {
    [Q_FIND_DOC] = "SELECT text_hash FROM documents WHERE id = ?1",
    [Q_DELETE_DOC] = "DELETE FROM documents WHERE id = ?1",
    [Q_INSERT_DOC] = "INSERT INTO documents (id, title, date, source, text_hash, n_events,"
                     " coded_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    [Q_FIND_DUP] = "SELECT id FROM events WHERE event_date = ?1 AND source_code IS ?2"
                   " AND target_code IS ?3 AND cameo = ?4 AND doc <> ?5"
                   " AND duplicate_of IS NULL ORDER BY id LIMIT 1",
    [Q_INSERT_EVENT] =
        "INSERT INTO events (doc, sent, date, event_date, cameo, root, plover, mode, context,"
        " quad, goldstein, source_code, source_country, source_sector, source_text,"
        " source_start, source_end, target_code, target_country, target_sector, target_text,"
        " target_start, target_end, trigger, trigger_start, trigger_end, sentence_start,"
        " issues, negated, sentence, rule, duplicate_of, json) VALUES (?1, ?2, ?3, ?4, ?5,"
        " ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22,"
        " ?23, ?24, ?25, ?26, ?27, ?28, ?29, ?30, ?31, ?32, ?33)",
    [Q_INSERT_ISSUE] = "INSERT INTO event_issues (event, issue) VALUES (?1, ?2)",
    [Q_UPSERT_ACTOR] =
        "INSERT INTO actors (code, country, sector, first_seen, last_seen, n_events)"
        " VALUES (?1, ?2, ?3, ?4, ?4, 1) ON CONFLICT(code) DO UPDATE SET"
        " n_events = n_events + 1, first_seen = min(first_seen, ?4),"
        " last_seen = max(last_seen, ?4)",
};

struct dyad_store {
    sqlite3 *db;
    sqlite3_stmt *q[Q_COUNT];
    int in_batch;           /* documents written in the open transaction */
    char path[512];
};

static int db_error(dyad_store *st, dyad_error *err, const char *what) {
    dyad_error_set(err, st->path, 0, -1, "%s: %s", what, sqlite3_errmsg(st->db));
    return -1;
}

dyad_store *dyad_store_open(const char *path, dyad_error *err) {
    dyad_store *st = calloc(1, sizeof *st);
    if (!st) {
        dyad_error_set(err, path, 0, -1, "out of memory");
        return NULL;
    }
    snprintf(st->path, sizeof st->path, "%s", path);
    if (sqlite3_open(path, &st->db) != SQLITE_OK) {
        db_error(st, err, "cannot open store");
        dyad_store_close(st);
        return NULL;
    }
    sqlite3_busy_timeout(st->db, 5000);
    char *msg = NULL;
    if (sqlite3_exec(st->db, SCHEMA, NULL, NULL, &msg) != SQLITE_OK) {
        dyad_error_set(err, path, 0, -1, "cannot create schema: %s", msg ? msg : "?");
        sqlite3_free(msg);
        dyad_store_close(st);
        return NULL;
    }
    for (int i = 0; i < Q_COUNT; i++) {
        if (sqlite3_prepare_v2(st->db, SQL[i], -1, &st->q[i], NULL) != SQLITE_OK) {
            db_error(st, err, "cannot prepare statement");
            dyad_store_close(st);
            return NULL;
        }
    }
    return st;
}

/* 64-bit FNV-1a of the text, as 16 hex digits. */
static void text_hash(const dyad_doc *doc, char out[17]) {
    uint64_t h = 1469598103934665603ULL;
    for (size_t i = 0; i < doc->len; i++) {
        h ^= (unsigned char)doc->text[i];
        h *= 1099511628211ULL;
    }
    snprintf(out, 17, "%016llx", (unsigned long long)h);
}

static int exec(dyad_store *st, const char *sql, dyad_error *err) {
    if (sqlite3_exec(st->db, sql, NULL, NULL, NULL) != SQLITE_OK)
        return db_error(st, err, sql);
    return 0;
}

static void bind_text(sqlite3_stmt *q, int i, const char *s) {
    if (s) sqlite3_bind_text(q, i, s, -1, SQLITE_TRANSIENT);
    else sqlite3_bind_null(q, i);
}

/* Runs a prepared statement that returns no row; resets it. */
static int step_done(dyad_store *st, sqlite3_stmt *q, dyad_error *err) {
    int rc = sqlite3_step(q);
    sqlite3_reset(q);
    sqlite3_clear_bindings(q);
    return rc == SQLITE_DONE ? 0 : db_error(st, err, "write failed");
}

/* Binds an actor's six columns (code .. end) from index i on. */
static void bind_actor(sqlite3_stmt *q, int i, const dyad_doc *doc, int32_t m) {
    if (m < 0 || (size_t)m >= doc->nmentions) {
        for (int k = 0; k < 6; k++) sqlite3_bind_null(q, i + k);
        return;
    }
    const dyad_mention *mn = &doc->mentions[m];
    bind_text(q, i, mn->code);
    bind_text(q, i + 1, mn->country[0] ? mn->country : NULL);
    bind_text(q, i + 2, mn->sector[0] ? mn->sector : NULL);
    bind_text(q, i + 3, mn->text);
    sqlite3_bind_int64(q, i + 4, (sqlite3_int64)dyad_doc_char_offset(doc, mn->start));
    sqlite3_bind_int64(q, i + 5, (sqlite3_int64)dyad_doc_char_offset(doc, mn->end));
}

/* The first report of the same event in another document, or 0. */
static sqlite3_int64 find_duplicate(dyad_store *st, const dyad_doc *doc,
                                    const dyad_event *ev, const char *src,
                                    const char *tgt) {
    sqlite3_stmt *q = st->q[Q_FIND_DUP];
    bind_text(q, 1, ev->event_date);
    bind_text(q, 2, src);
    bind_text(q, 3, tgt);
    bind_text(q, 4, ev->cameo);
    bind_text(q, 5, doc->id);
    sqlite3_int64 id = sqlite3_step(q) == SQLITE_ROW ? sqlite3_column_int64(q, 0) : 0;
    sqlite3_reset(q);
    sqlite3_clear_bindings(q);
    return id;
}

static const char *mention_code(const dyad_doc *doc, int32_t m) {
    return m >= 0 && (size_t)m < doc->nmentions ? doc->mentions[m].code : NULL;
}

static int put_actor(dyad_store *st, const dyad_doc *doc, int32_t m,
                     const char *date, dyad_error *err) {
    const char *code = mention_code(doc, m);
    if (!code) return 0;
    const dyad_mention *mn = &doc->mentions[m];
    sqlite3_stmt *q = st->q[Q_UPSERT_ACTOR];
    bind_text(q, 1, code);
    bind_text(q, 2, mn->country[0] ? mn->country : NULL);
    bind_text(q, 3, mn->sector[0] ? mn->sector : NULL);
    bind_text(q, 4, date);
    return step_done(st, q, err);
}

static int put_event(dyad_store *st, const dyad_doc *doc, const dyad_event *ev,
                     dyad_error *err) {
    char *json = dyad_event_to_json(doc, ev);
    if (!json) {
        dyad_error_set(err, st->path, 0, -1, "out of memory");
        return -1;
    }
    dyad_buf issues = {0};
    for (int b = 0; b < DYAD_ISSUE_COUNT; b++) {
        if (!(ev->issues & (1u << b))) continue;
        if (issues.len) dyad_buf_putc(&issues, ',');
        dyad_buf_puts(&issues, dyad_issue_name(b));
    }
    const char *src = mention_code(doc, ev->source), *tgt = mention_code(doc, ev->target);
    const dyad_sentence *s = ev->sent < doc->nsentences ? &doc->sentences[ev->sent] : NULL;
    sqlite3_int64 dup = find_duplicate(st, doc, ev, src, tgt);
    sqlite3_stmt *q = st->q[Q_INSERT_EVENT];
    bind_text(q, 1, doc->id);
    sqlite3_bind_int(q, 2, (int)ev->sent);
    bind_text(q, 3, doc->date);
    bind_text(q, 4, ev->event_date[0] ? ev->event_date : (doc->date ? doc->date : ""));
    bind_text(q, 5, ev->cameo);
    bind_text(q, 6, ev->root);
    bind_text(q, 7, ev->plover);
    bind_text(q, 8, ev->mode);
    bind_text(q, 9, ev->context);
    sqlite3_bind_int(q, 10, ev->quad);
    sqlite3_bind_double(q, 11, ev->goldstein);
    bind_actor(q, 12, doc, ev->source);
    bind_actor(q, 18, doc, ev->target);
    bind_text(q, 24, ev->trigger);
    sqlite3_bind_int64(q, 25, (sqlite3_int64)dyad_doc_char_offset(doc, ev->trigger_start));
    sqlite3_bind_int64(q, 26, (sqlite3_int64)dyad_doc_char_offset(doc, ev->trigger_end));
    sqlite3_bind_int64(q, 27, s ? (sqlite3_int64)dyad_doc_char_offset(doc, s->start) : 0);
    bind_text(q, 28, issues.data ? issues.data : "");
    sqlite3_bind_int(q, 29, ev->negated);
    if (s) sqlite3_bind_text(q, 30, doc->text + s->start, (int)(s->end - s->start),
                             SQLITE_TRANSIENT);
    else bind_text(q, 30, "");
    bind_text(q, 31, ev->rule);
    if (dup) sqlite3_bind_int64(q, 32, dup);
    else sqlite3_bind_null(q, 32);
    bind_text(q, 33, json);
    free(json);
    int rc = step_done(st, q, err);
    sqlite3_int64 id = sqlite3_last_insert_rowid(st->db);
    for (int b = 0; rc == 0 && b < DYAD_ISSUE_COUNT; b++) {
        if (!(ev->issues & (1u << b))) continue;
        sqlite3_bind_int64(st->q[Q_INSERT_ISSUE], 1, id);
        bind_text(st->q[Q_INSERT_ISSUE], 2, dyad_issue_name(b));
        rc = step_done(st, st->q[Q_INSERT_ISSUE], err);
    }
    const char *when = ev->event_date[0] ? ev->event_date : doc->date;
    if (rc == 0) rc = put_actor(st, doc, ev->source, when, err);
    if (rc == 0) rc = put_actor(st, doc, ev->target, when, err);
    dyad_buf_free(&issues);
    return rc;
}

/* Is the document stored?  1 same text, 2 other text, 0 no, -1 error. */
static int stored(dyad_store *st, const dyad_doc *doc, const char *hash, dyad_error *err) {
    sqlite3_stmt *q = st->q[Q_FIND_DOC];
    bind_text(q, 1, doc->id);
    int rc = sqlite3_step(q), found = 0;
    if (rc == SQLITE_ROW)
        found = strcmp((const char *)sqlite3_column_text(q, 0), hash) == 0 ? 1 : 2;
    else if (rc != SQLITE_DONE)
        found = db_error(st, err, "lookup failed");
    sqlite3_reset(q);
    sqlite3_clear_bindings(q);
    return found;
}

static int put_document(dyad_store *st, const dyad_doc *doc, const char *hash,
                        dyad_error *err) {
    char now[32];
    time_t t = time(NULL);
    struct tm tm;
    gmtime_r(&t, &tm);
    strftime(now, sizeof now, "%Y-%m-%dT%H:%M:%SZ", &tm);
    sqlite3_stmt *q = st->q[Q_INSERT_DOC];
    bind_text(q, 1, doc->id);
    bind_text(q, 2, doc->title);
    bind_text(q, 3, doc->date);
    bind_text(q, 4, doc->source);
    bind_text(q, 5, hash);
    sqlite3_bind_int64(q, 6, (sqlite3_int64)doc->nevents);
    bind_text(q, 7, now);
    if (step_done(st, q, err) < 0) return -1;
    for (size_t i = 0; i < doc->nevents; i++)
        if (put_event(st, doc, &doc->events[i], err) < 0) return -1;
    return 0;
}

int dyad_store_put(dyad_store *st, const dyad_doc *doc, bool replace, dyad_error *err) {
    char hash[17];
    text_hash(doc, hash);
    if (sqlite3_get_autocommit(st->db) && exec(st, "BEGIN IMMEDIATE", err) < 0) return -1;
    int found = stored(st, doc, hash, err);
    if (found < 0) return -1;
    if (found == 1 && !replace) return 0;
    /* The document's rows go in under a savepoint: on failure the batch
     * keeps the documents before it and this one leaves no trace. */
    if (exec(st, "SAVEPOINT doc", err) < 0) return -1;
    if (found) {
        sqlite3_bind_text(st->q[Q_DELETE_DOC], 1, doc->id, -1, SQLITE_TRANSIENT);
        if (step_done(st, st->q[Q_DELETE_DOC], err) < 0) goto undo;
    }
    if (put_document(st, doc, hash, err) < 0) goto undo;
    if (exec(st, "RELEASE doc", err) < 0) return -1;
    if (++st->in_batch >= DYAD_STORE_BATCH && dyad_store_flush(st, err) < 0) return -1;
    return 1;
undo:
    sqlite3_exec(st->db, "ROLLBACK TO doc; RELEASE doc", NULL, NULL, NULL);
    return -1;
}

int dyad_store_flush(dyad_store *st, dyad_error *err) {
    if (!sqlite3_get_autocommit(st->db) && exec(st, "COMMIT", err) < 0) return -1;
    st->in_batch = 0;
    return 0;
}

void dyad_store_close(dyad_store *st) {
    if (!st) return;
    if (st->db) {
        dyad_store_flush(st, NULL);
        for (int i = 0; i < Q_COUNT; i++) sqlite3_finalize(st->q[i]);
        sqlite3_close(st->db);
    }
    free(st);
}
