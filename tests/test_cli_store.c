/* test_cli_store.c -- end to end through the dyad binary: code the bundled
 * sample articles into a fresh store, then query it with events, trend and
 * report; coding twice adds nothing. */
#include "testutil.h"

static char db[256], cmd[2048];

static int setup(void **state) {
    snprintf(db, sizeof db, "/tmp/dyadcli-%d.db", (int)getpid());
    unlink(db);
    const char *data = getenv("DYAD_DATA");
    snprintf(cmd, sizeof cmd, "%s code --db %s %s/samples >/dev/null 2>&1", dyad_bin(), db,
             data ? data : "data");
    return run_capture(cmd, NULL) == 0 ? 0 : -1;
}

static int teardown(void **state) {
    char p[300];
    unlink(db);
    snprintf(p, sizeof p, "%s-wal", db);
    unlink(p);
    snprintf(p, sizeof p, "%s-shm", db);
    unlink(p);
    return 0;
}

static long lines(const char *s) {
    long n = 0;
    for (; *s; s++) n += *s == '\n';
    return n;
}

static void events_formats(void **state) {
    char *out;
    snprintf(cmd, sizeof cmd, "%s events --db %s --dyad USA,COL --both-directions", dyad_bin(), db);
    assert_int_equal(run_capture(cmd, &out), 0);
    long all = lines(out);
    assert_true(all >= 10);
    assert_non_null(strstr(out, "\"cameo\":"));
    free(out);
    snprintf(cmd, sizeof cmd, "%s events --db %s --dyad USA,COL --both-directions --format csv",
             dyad_bin(), db);
    assert_int_equal(run_capture(cmd, &out), 0);
    assert_int_equal(lines(out), all + 1);                       /* header line */
    assert_true(strncmp(out, "id,doc,sent,date,event_date,cameo", 33) == 0);
    free(out);
    snprintf(cmd, sizeof cmd, "%s events --db %s --source COL --format gdelt --limit 1",
             dyad_bin(), db);
    assert_int_equal(run_capture(cmd, &out), 0);
    long tabs = 0;
    for (char *p = out; *p; p++) tabs += *p == '\t';
    assert_int_equal(tabs, 56);                                  /* 57 GDELT columns */
    free(out);
    snprintf(cmd, sizeof cmd, "%s events --db %s --format bogus 2>/dev/null", dyad_bin(), db);
    assert_int_equal(run_capture(cmd, NULL), 2);
    snprintf(cmd, sizeof cmd, "%s events --db /nonexistent/x.db 2>/dev/null", dyad_bin());
    assert_int_equal(run_capture(cmd, NULL), 3);
}

static void coding_twice_adds_nothing(void **state) {
    char *before = NULL, *after = NULL;
    snprintf(cmd, sizeof cmd, "%s events --db %s --format tsv | wc -l", dyad_bin(), db);
    assert_int_equal(run_capture(cmd, &before), 0);
    const char *data = getenv("DYAD_DATA");
    char again[2048];
    snprintf(again, sizeof again, "%s code --db %s %s/samples >/dev/null 2>&1", dyad_bin(), db,
             data ? data : "data");
    assert_int_equal(run_capture(again, NULL), 0);
    assert_int_equal(run_capture(cmd, &after), 0);
    assert_string_equal(before, after);
    free(before);
    free(after);
}

static void trend_and_report(void **state) {
    char *out;
    snprintf(cmd, sizeof cmd, "%s trend --db %s USA COL --both-directions --json", dyad_bin(), db);
    assert_int_equal(run_capture(cmd, &out), 0);
    assert_non_null(strstr(out, "\"periods\":["));
    assert_non_null(strstr(out, "\"low_point\":true"));
    free(out);
    char html[300];
    snprintf(html, sizeof html, "%s.html", db);
    snprintf(cmd, sizeof cmd, "%s report --db %s USA COL --both-directions --out %s", dyad_bin(),
             db, html);
    assert_int_equal(run_capture(cmd, NULL), 0);
    size_t len;
    char *page = dyad_read_file(html, &len, NULL);
    assert_non_null(page);
    assert_non_null(strstr(page, "<svg"));
    assert_non_null(strstr(page, "<mark>"));
    free(page);
    unlink(html);
    snprintf(cmd, sizeof cmd, "%s trend --db %s USA 2>/dev/null", dyad_bin(), db);
    assert_int_equal(run_capture(cmd, NULL), 2);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(events_formats),
        cmocka_unit_test(coding_twice_adds_nothing),
        cmocka_unit_test(trend_and_report),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
