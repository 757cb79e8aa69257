/* test_store.c -- the SQLite store: round trip, idempotence, --replace,
 * duplicate marking across documents, and crash safety (a writer killed
 * in the middle of a batch loses no committed document and leaves no
 * half-written one). Documents are built by hand from our own sentences. */
#include "testutil.h"

#include <sys/prctl.h>
#include <signal.h>
#include <sqlite3.h>

/* A document "Peru criticised Chile. Chile rejected the claim." with two
 * events (PER->CHL 111, CHL->PER 120) dated `date`. */
static dyad_doc *make_doc(const char *id, const char *date, const char *extra) {
    char text[256];
    snprintf(text, sizeof text, "Peru criticised Chile. Chile rejected the claim.%s", extra);
    dyad_doc *d = dyad_doc_new(id, "A title", date, text, strlen(text));
    assert_int_equal(dyad_segment(d), 0);
    d->mentions = dyad_doc_alloc(d, 2 * sizeof *d->mentions);
    d->nmentions = 2;
    const char *names[2] = {"PER", "CHL"};
    uint32_t starts[2] = {0, 16};
    for (int i = 0; i < 2; i++) {
        dyad_mention *m = &d->mentions[i];
        m->start = starts[i];
        m->end = starts[i] + (uint32_t)(i ? 5 : 4);
        m->text = dyad_doc_strndup(d, text + m->start, m->end - m->start);
        m->code = names[i];
        memcpy(m->country, names[i], 4);
        m->antecedent = -1;
    }
    d->events = dyad_doc_alloc(d, 2 * sizeof *d->events);
    d->nevents = 2;
    const char *codes[2] = {"111", "120"};
    for (int i = 0; i < 2; i++) {
        dyad_event *e = &d->events[i];
        e->sent = (uint32_t)i;
        snprintf(e->cameo, sizeof e->cameo, "%s", codes[i]);
        snprintf(e->root, sizeof e->root, "%.2s", codes[i]);
        e->plover = i ? "REJECT" : "ACCUSE";
        e->quad = 3;
        e->goldstein = i ? -4.0 : -2.0;
        e->source = i;
        e->target = 1 - i;
        e->trigger_start = i ? 29 : 5;
        e->trigger_end = i ? 37 : 15;
        e->trigger = i ? "rejected" : "criticised";
        e->issues = i ? 0 : DYAD_ISSUE_TRADE;
        snprintf(e->event_date, sizeof e->event_date, "%s", date);
    }
    return d;
}

/* The first column of the first row of `sql`, or -1 when the database cannot
 * be read (yet): a concurrent writer may hold its schema lock for a moment. */
static long try_count(const char *path, const char *sql) {
    sqlite3 *db;
    long n = -1;
    if (sqlite3_open(path, &db) != SQLITE_OK) {
        sqlite3_close(db);
        return -1;
    }
    sqlite3_busy_timeout(db, 2000);
    sqlite3_stmt *q;
    if (sqlite3_prepare_v2(db, sql, -1, &q, NULL) == SQLITE_OK) {
        if (sqlite3_step(q) == SQLITE_ROW) n = sqlite3_column_int64(q, 0);
        sqlite3_finalize(q);
    }
    sqlite3_close(db);
    return n;
}

static long count(const char *path, const char *sql) {
    long n = try_count(path, sql);
    assert_true(n >= 0);
    return n;
}

static void temp_db(char *path, size_t size) {
    snprintf(path, size, "/tmp/dyadstore-%d-%ld.db", (int)getpid(), (long)random());
}

static void remove_db(const char *path) {
    char p[600];
    unlink(path);
    snprintf(p, sizeof p, "%s-wal", path);
    unlink(p);
    snprintf(p, sizeof p, "%s-shm", path);
    unlink(p);
}

static void round_trip_and_idempotence(void **state) {
    char path[256];
    temp_db(path, sizeof path);
    dyad_error err;
    dyad_store *st = dyad_store_open(path, &err);
    assert_non_null(st);
    dyad_doc *d = make_doc("d1", "2025-03-04", "");
    assert_int_equal(dyad_store_put(st, d, false, &err), 1);
    assert_int_equal(dyad_store_put(st, d, false, &err), 0);   /* same id, same text */
    dyad_store_close(st);
    assert_int_equal(count(path, "SELECT count(*) FROM documents"), 1);
    assert_int_equal(count(path, "SELECT count(*) FROM events"), 2);
    assert_int_equal(count(path, "SELECT count(*) FROM events WHERE source_code='PER' AND "
                                 "target_code='CHL' AND cameo='111' AND trigger='criticised'"
                                 " AND trigger_start=5 AND sentence='Peru criticised Chile.'"),
                     1);
    assert_int_equal(count(path, "SELECT count(*) FROM event_issues WHERE issue='TRADE'"), 1);
    assert_int_equal(count(path, "SELECT n_events FROM actors WHERE code='PER'"), 2);

    /* Reopen: replace recodes (no growth); a new text under the same id
     * replaces the old version. */
    st = dyad_store_open(path, &err);
    assert_int_equal(dyad_store_put(st, d, true, &err), 1);
    dyad_doc *d2 = make_doc("d1", "2025-03-04", " More.");
    assert_int_equal(dyad_store_put(st, d2, false, &err), 1);
    dyad_store_close(st);
    assert_int_equal(count(path, "SELECT count(*) FROM events"), 2);
    assert_int_equal(count(path, "SELECT count(*) FROM documents"), 1);
    dyad_doc_free(d);
    dyad_doc_free(d2);
    remove_db(path);
}

static void duplicates_are_marked(void **state) {
    char path[256];
    temp_db(path, sizeof path);
    dyad_error err;
    dyad_store *st = dyad_store_open(path, &err);
    dyad_doc *a = make_doc("a", "2025-05-01", ""), *b = make_doc("b", "2025-05-01", " Again.");
    dyad_doc *c = make_doc("c", "2025-05-02", "");
    assert_int_equal(dyad_store_put(st, a, false, &err), 1);
    assert_int_equal(dyad_store_put(st, b, false, &err), 1);
    assert_int_equal(dyad_store_put(st, c, false, &err), 1);
    dyad_store_close(st);
    assert_int_equal(count(path, "SELECT count(*) FROM events WHERE duplicate_of IS NOT NULL"), 2);
    assert_int_equal(count(path, "SELECT count(*) FROM events WHERE doc='b' AND "
                                 "duplicate_of IN (SELECT id FROM events WHERE doc='a')"), 2);
    dyad_doc_free(a);
    dyad_doc_free(b);
    dyad_doc_free(c);
    remove_db(path);
}

/* The child writes documents (for far longer than the parent waits); the
 * parent kills it mid-batch. */
enum { WRITER_MAX_DOCS = 2000000 };
static void killed_writer_loses_nothing_committed(void **state) {
    char path[256];
    temp_db(path, sizeof path);
    pid_t parent = getpid();
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        /* The writer must never outlive the test: an interrupted run would
         * otherwise leave it filling the disk.  It dies with its parent and
         * stops by itself after a bounded number of documents. */
        prctl(PR_SET_PDEATHSIG, SIGKILL);
        if (getppid() != parent) _exit(4);
        dyad_error err;
        dyad_store *st = dyad_store_open(path, &err);
        for (int i = 0; i < WRITER_MAX_DOCS; i++) {
            char id[32];
            snprintf(id, sizeof id, "doc%d", i);
            dyad_doc *d = make_doc(id, "2025-06-01", "");
            if (dyad_store_put(st, d, false, &err) < 0) _exit(3);
            dyad_doc_free(d);
        }
        _exit(0);
    }
    /* Wait until some batches are committed, then kill without warning. */
    for (int tries = 0; tries < 200; tries++) {
        usleep(20000);
        struct stat s;
        if (stat(path, &s) == 0 && try_count(path, "SELECT count(*) FROM documents") >= 128) break;
    }
    kill(pid, SIGKILL);
    int status;
    waitpid(pid, &status, 0);
    long docs = count(path, "SELECT count(*) FROM documents");
    assert_true(docs >= 64);
    assert_int_equal(docs % 64, 0);   /* whole batches only */
    assert_int_equal(count(path, "SELECT count(*) FROM events"), 2 * docs);
    assert_int_equal(count(path, "SELECT count(*) FROM documents d WHERE n_events <> "
                                 "(SELECT count(*) FROM events e WHERE e.doc = d.id)"), 0);
    dyad_error err;
    dyad_store *st = dyad_store_open(path, &err);   /* reopens after the crash */
    assert_non_null(st);
    dyad_store_close(st);
    remove_db(path);
}

static void open_error_names_the_file(void **state) {
    dyad_error err = {0};
    dyad_store *st = dyad_store_open("/nonexistent-dir/x/dyad.db", &err);
    assert_null(st);
    assert_non_null(strstr(err.file, "/nonexistent-dir/x/dyad.db"));
}

int main(void) {
    srandom((unsigned)getpid());
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(round_trip_and_idempotence),
        cmocka_unit_test(duplicates_are_marked),
        cmocka_unit_test(killed_writer_loses_nothing_committed),
        cmocka_unit_test(open_error_names_the_file),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
