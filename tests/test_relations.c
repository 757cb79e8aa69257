/* test_relations.c -- queries, trend arithmetic, turning points and the HTML
 * report, on stores made by hand (rows inserted with SQL), and the report
 * rendered by headless Chromium. */
#include "testutil.h"
#include "relations/relations.h"

#include <math.h>
#include <sqlite3.h>

static char dbpath[256];

/* A store with six hand-made events between USA and COL (and one other). */
static int make_store(void **state) {
    snprintf(dbpath, sizeof dbpath, "/tmp/dyadrel-%d.db", (int)getpid());
    unlink(dbpath);
    dyad_error err;
    dyad_store *st = dyad_store_open(dbpath, &err);
    if (!st) return -1;
    dyad_store_close(st);
    sqlite3 *db;
    sqlite3_open(dbpath, &db);
    const char *sql =
        "INSERT INTO documents VALUES ('d','t','2025-01-01',NULL,'0',6,'now');"
        "INSERT INTO events (doc,sent,event_date,cameo,root,plover,quad,goldstein,"
        " source_code,source_text,target_code,target_text,trigger,trigger_start,trigger_end,"
        " sentence_start,issues,negated,sentence,duplicate_of,json) VALUES"
        " ('d',0,'2025-01-10','111','11','ACCUSE',3,-2,'USAGOV','Washington','COLGOV','Bogota',"
        "  'criticised',11,21,0,'NARCOTICS',0,'Washington criticised Bogota <today>.',NULL,'{}'),"
        " ('d',1,'2025-01-20','172','17','COERCE',4,-5,'COLGOV','Bogota','USAMIL','planes',"
        "  'refused',7,14,0,'MIGRATION,SECURITY',0,'Bogota refused planes.',NULL,'{}'),"
        " ('d',2,'2025-01-20','172','17','COERCE',4,-5,'COLGOV','Bogota','USAMIL','planes',"
        "  'refused',7,14,0,'MIGRATION',0,'Bogota refused planes again.',2,'{}'),"
        " ('d',3,'2025-03-05','040','04','CONSULT',1,1,'USA','US','COL','Colombia',"
        "  'met',3,6,0,'',0,'US met Colombia.',NULL,'{}'),"
        " ('d',4,'2025-03-15','057','05','SUPPORT',2,8,'COLGOV','Bogota','USAGOV','Washington',"
        "  'signed',7,13,0,'TRADE',0,'Bogota signed a deal with Washington.',NULL,'{}'),"
        " ('d',5,'2025-03-15','190','19','ASSAULT',4,-10,'PERMIL','army','ECUREB','rebels',"
        "  'attacked',5,13,0,'SECURITY',0,'Army attacked rebels.',NULL,'{}');"
        "INSERT INTO event_issues SELECT e.id, i.name FROM events e, (SELECT 'NARCOTICS' AS"
        " name UNION SELECT 'MIGRATION' UNION SELECT 'SECURITY' UNION SELECT 'TRADE') i"
        " WHERE ',' || e.issues || ',' LIKE '%,' || i.name || ',%';";
    int rc = sqlite3_exec(db, sql, NULL, NULL, NULL);
    sqlite3_close(db);
    return rc == SQLITE_OK ? 0 : -1;
}

static int drop_store(void **state) {
    unlink(dbpath);
    return 0;
}

static int count_row(sqlite3_stmt *r, void *user) {
    (*(int *)user)++;
    return 0;
}

static int query_count(const dyad_filter *f) {
    dyad_error err;
    sqlite3 *db = dyad_store_open_readonly(dbpath, &err);
    assert_non_null(db);
    int n = 0;
    assert_int_equal(dyad_query_events(db, f, count_row, &n, &err), 0);
    sqlite3_close(db);
    return n;
}

static void query_filters(void **state) {
    assert_int_equal(query_count(&(dyad_filter){0}), 6);
    assert_int_equal(query_count(&(dyad_filter){.source = "USA"}), 2);        /* prefix */
    assert_int_equal(query_count(&(dyad_filter){.source = "USA", .target = "COL"}), 2);
    assert_int_equal(query_count(&(dyad_filter){.source = "USA", .target = "COL",
                                                .both_directions = true}), 5);
    assert_int_equal(query_count(&(dyad_filter){.from = "2025-01-15", .to = "2025-03-10"}), 3);
    assert_int_equal(query_count(&(dyad_filter){.cameo = "17"}), 2);
    assert_int_equal(query_count(&(dyad_filter){.plover = "SUPPORT"}), 1);
    assert_int_equal(query_count(&(dyad_filter){.issue = "MIGRATION"}), 2);
    assert_int_equal(query_count(&(dyad_filter){.issue = "MIGRATION", .one_a_day = true}), 1);
    assert_int_equal(query_count(&(dyad_filter){.source = "U_A"}), 0);   /* '_' is literal */
    assert_int_equal(query_count(&(dyad_filter){.limit = 4}), 4);
}

static void period_keys(void **state) {
    char k[32];
    dyad_period_key("2025-01-01", BY_WEEK, k);
    assert_string_equal(k, "2025-W01");
    dyad_period_key("2024-12-30", BY_WEEK, k);   /* ISO week of the next year */
    assert_string_equal(k, "2025-W01");
    dyad_period_key("2025-08-31", BY_QUARTER, k);
    assert_string_equal(k, "2025-Q3");
    dyad_period_key("2025-08-31", BY_MONTH, k);
    assert_string_equal(k, "2025-08");
    dyad_period_key("2025-08-31", BY_YEAR, k);
    assert_string_equal(k, "2025");
}

static void trend_arithmetic(void **state) {
    dyad_error err;
    sqlite3 *db = dyad_store_open_readonly(dbpath, &err);
    dyad_trend t;
    dyad_filter f = {.source = "USA", .target = "COL", .both_directions = true};
    assert_int_equal(dyad_trend_build(db, &f, BY_MONTH, &t, &err), 0);
    assert_int_equal(t.n, 3);                       /* Jan, Feb (empty), Mar */
    assert_string_equal(t.p[0].key, "2025-01");
    assert_string_equal(t.p[1].key, "2025-02");
    assert_int_equal(t.p[0].events, 3);
    assert_int_equal(t.p[0].n[3], 1);
    assert_int_equal(t.p[0].n[4], 2);
    assert_true(fabs(t.p[0].goldstein_sum - -12.0) < 1e-9);
    assert_true(fabs(t.p[0].index - -4.0) < 1e-9);
    assert_int_equal(t.p[1].events, 0);
    assert_int_equal(t.p[2].n[1] + t.p[2].n[2], 2);
    assert_true(fabs(t.p[2].index - 4.5) < 1e-9);
    assert_true(t.p[0].low_point);
    int top[3];
    assert_int_equal(dyad_period_top_issues(&t.p[0], top, 3), 3);
    assert_string_equal(dyad_issue_name(top[0]), "MIGRATION");     /* 2 of 3 */
    free(t.p);
    f.one_a_day = true;
    assert_int_equal(dyad_trend_build(db, &f, BY_QUARTER, &t, &err), 0);
    assert_int_equal(t.n, 1);
    assert_int_equal(t.p[0].events, 4);
    free(t.p);
    sqlite3_close(db);
}

/* A flat noisy series flags nothing; a drop then a recovery flags both. */
static void turning_points(void **state) {
    double flat[] = {1.0, 1.2, 0.9, 1.1, 1.0, 0.8, 1.1, 1.0};
    double shift[] = {3, 3.2, 2.8, 3.1, -4, -4.2, -3.9, -4.1, 2.9, 3.1, 3.0};
    dyad_period p[16];
    dyad_trend t = {.p = p};
    memset(p, 0, sizeof p);
    t.n = 8;
    for (size_t i = 0; i < t.n; i++) p[i].events = 1, p[i].goldstein_sum = flat[i];
    dyad_trend_turns(&t);
    for (size_t i = 0; i < t.n; i++) assert_int_equal(p[i].turn, 0);
    memset(p, 0, sizeof p);
    t.n = 11;
    for (size_t i = 0; i < t.n; i++) p[i].events = 1, p[i].goldstein_sum = shift[i];
    dyad_trend_turns(&t);
    for (size_t i = 0; i < t.n; i++) {
        int want = i == 4 ? -1 : i == 8 ? 1 : 0;
        if (p[i].turn != want) print_error("period %zu: turn %d, want %d\n", i, p[i].turn, want);
        assert_int_equal(p[i].turn, want);
    }
    assert_true(p[5].low_point);
}

/* Sets period p to n events of Goldstein mean `mean`, half at mean - spread and
 * half at mean + spread. */
static void fill_period(dyad_period *p, int n, double mean, double spread) {
    p->events = n;
    p->goldstein_sum = n * mean;
    p->goldstein_sumsq = n * (mean * mean + spread * spread);
}

/* Short series (< 8 periods) are tested against the events' own spread: a
 * low spell then a clear recovery is a thaw; the same period means with a
 * spread as wide as the Goldstein scale are noise. */
static void turning_points_short_series(void **state) {
    double means[] = {-3.5, 0.8, -5.9, 2.7, 3.5, 8.0};
    dyad_period p[6];
    dyad_trend t = {.p = p, .n = 6};
    memset(p, 0, sizeof p);
    for (size_t i = 0; i < t.n; i++) fill_period(&p[i], 8, means[i], 3.0);
    dyad_trend_turns(&t);
    assert_true(p[2].low_point);
    assert_int_equal(p[4].turn, 1);
    for (size_t i = 0; i < t.n; i++)
        if (i != 4) assert_int_equal(p[i].turn, 0);
    memset(p, 0, sizeof p);
    for (size_t i = 0; i < t.n; i++) fill_period(&p[i], 2, means[i], 9.0);
    dyad_trend_turns(&t);
    for (size_t i = 0; i < t.n; i++) assert_int_equal(p[i].turn, 0);
}

static char *report_html(void) {
    dyad_error err;
    sqlite3 *db = dyad_store_open_readonly(dbpath, &err);
    char *buf = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&buf, &len);
    dyad_filter f = {.source = "USA", .target = "COL", .both_directions = true};
    assert_int_equal(dyad_report_write(db, &f, BY_MONTH, out, &err), 0);
    fclose(out);
    sqlite3_close(db);
    return buf;
}

static void report_structure(void **state) {
    char *html = report_html();
    assert_non_null(strstr(html, "<svg"));
    assert_non_null(strstr(html, "Washington <mark>criticised</mark> Bogota &lt;today&gt;."));
    assert_non_null(strstr(html, "low point"));
    assert_non_null(strstr(html, "Actors involved"));
    assert_null(strstr(html, "rebels"));           /* another dyad */
    assert_null(strstr(html, "<script"));
    assert_null(strstr(html, "http://") ? strstr(strstr(html, "http://") + 1, "http://") : NULL);
    free(html);
}

/* Renders the page in headless Chromium and checks the DOM it built. */
static void report_renders_in_chromium(void **state) {
    if (system("command -v chromium >/dev/null 2>&1") != 0) {
        print_message("skipped: chromium is not installed (scripts/setup.sh --test installs it)\n");
        skip();
    }
    char *html = report_html(), path[256], cmd[1024];
    write_temp(".html", html, strlen(html), path, sizeof path);
    free(html);
    snprintf(cmd, sizeof cmd,
             "timeout 90 chromium --headless --no-sandbox --disable-gpu --disable-quic "
             "--no-first-run --disable-background-networking --disable-component-update "
             "--disable-sync --user-data-dir=$(mktemp -d) --dump-dom file://%s 2>/dev/null",
             path);
    char *dom = NULL;
    int rc = run_capture(cmd, &dom);
    unlink(path);
    assert_int_equal(rc, 0);
    assert_non_null(strstr(dom, "<svg"));
    assert_non_null(strstr(dom, "<polyline"));
    assert_non_null(strstr(dom, "<mark>criticised</mark>"));
    assert_non_null(strstr(dom, "Events by period"));
    free(dom);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(query_filters),
        cmocka_unit_test(period_keys),
        cmocka_unit_test(trend_arithmetic),
        cmocka_unit_test(turning_points),
        cmocka_unit_test(turning_points_short_series),
        cmocka_unit_test(report_structure),
        cmocka_unit_test(report_renders_in_chromium),
    };
    return cmocka_run_group_tests(tests, make_store, drop_store);
}
