/* test_cli_code.c -- `dyad code` and `dyad eval` end to end: help, usage
 * errors, JSON Lines output with the documented keys, threads giving the
 * same output in the same order, bad records, and the PLOVER / PETRARCH
 * figures on ../shared (floors asserted, figures printed). */
#include "testutil.h"

#include <jansson.h>

/* Floors measured with the model and lexicon of this commit (figures are
 * printed; see docs/events.md for the commands). */
#define PLOVER_TYPE_FLOOR 0.52
#define PLOVER_TRIPLE_FLOOR 0.39
#define PETRARCH_FLOOR 0.40

static void code_help_and_usage(void **state) {
    char cmd[1024], *out = NULL;
    snprintf(cmd, sizeof cmd, "%s code --help", dyad_bin());
    assert_int_equal(run_capture(cmd, &out), 0);
    assert_non_null(strstr(out, "usage: dyad code"));
    free(out);
    snprintf(cmd, sizeof cmd, "%s code --bogus 2>/dev/null", dyad_bin());
    assert_int_equal(run_capture(cmd, NULL), 2);
    snprintf(cmd, sizeof cmd, "%s code --date 2026-13-45 2>/dev/null </dev/null", dyad_bin());
    assert_int_equal(run_capture(cmd, NULL), 2);
    snprintf(cmd, sizeof cmd, "%s eval --help", dyad_bin());
    assert_int_equal(run_capture(cmd, NULL), 0);
    snprintf(cmd, sizeof cmd, "%s eval 2>/dev/null", dyad_bin());
    assert_int_equal(run_capture(cmd, NULL), 2);
}

static const char STORIES[] =
    "{\"id\":\"a1\",\"date\":\"2026-03-04\",\"text\":\"France sharply criticized Germany on "
    "Monday. Troops from Chad attacked rebels near the border. The president of Brazil will "
    "visit Argentina next week.\"}\n"
    "{\"id\":\"a2\",\"date\":\"2026-03-05\",\"text\":\"Police arrested 30 protesters in Kenya "
    "yesterday. Japan and China agreed to hold talks.\"}\n"
    "not json at all\n"
    "{\"id\":\"a3\",\"date\":\"2026-03-06\",\"text\":\"Russia expelled two British diplomats.\"}\n";

static void code_outputs_json_lines(void **state) {
    char path[64], cmd[1024], *out = NULL, *out2 = NULL;
    write_temp(".jsonl", STORIES, sizeof STORIES - 1, path, sizeof path);
    snprintf(cmd, sizeof cmd, "%s code --no-db %s 2>/dev/null", dyad_bin(), path);
    int rc = run_capture(cmd, &out);
    assert_int_equal(rc, 1);            /* one bad record, the rest coded */
    int n = 0;
    const char *docs[64];
    for (char *line = strtok(out, "\n"); line; line = strtok(NULL, "\n")) {
        json_error_t je;
        json_t *e = json_loads(line, 0, &je);
        assert_non_null(e);
        static const char *const KEYS[] = {"doc", "sent", "date", "event_date", "cameo", "root",
                                           "plover", "quad", "goldstein", "source", "target",
                                           "trigger", "issues", "negated", "sentence", "mode",
                                           "context", "rule"};
        for (size_t k = 0; k < sizeof KEYS / sizeof KEYS[0]; k++)
            assert_non_null(json_object_get(e, KEYS[k]));
        const char *cameo = json_string_value(json_object_get(e, "cameo"));
        assert_true(strlen(cameo) >= 2);
        assert_int_equal(strncmp(cameo, json_string_value(json_object_get(e, "root")), 2), 0);
        json_t *span = json_object_get(json_object_get(e, "trigger"), "span");
        assert_true(json_is_array(span) && json_array_size(span) == 2);
        if (n < 64) docs[n] = json_string_value(json_object_get(e, "doc")) ? "x" : NULL;
        n++;
        json_decref(e);
    }
    print_message("dyad code: %d events from 3 good stories\n", n);
    assert_true(n >= 2);
    free(out);
    /* threads: same bytes */
    snprintf(cmd, sizeof cmd, "%s code --no-db %s 2>/dev/null", dyad_bin(), path);
    run_capture(cmd, &out);
    snprintf(cmd, sizeof cmd, "%s code --no-db -j 2 %s 2>/dev/null", dyad_bin(), path);
    run_capture(cmd, &out2);
    assert_string_equal(out, out2);
    free(out);
    free(out2);
    unlink(path);
    DYAD_UNUSED(docs);
}

static double jnum(json_t *o, const char *k) { return json_number_value(json_object_get(o, k)); }

static void plover_dev_floor(void **state) {
    char gold[1024], cmd[2048], *out = NULL;
    SKIP_WITHOUT_SHARED("eval/plover/plover_gsr_dev.jsonl", gold);
    snprintf(cmd, sizeof cmd, "%s eval %s --json 2>/dev/null", dyad_bin(), gold);
    assert_int_equal(run_capture(cmd, &out), 0);
    json_error_t je;
    json_t *r = json_loads(out, 0, &je);
    assert_non_null(r);
    print_message("PLOVER dev: records %d type %.3f source %.3f target %.3f triple %.3f "
                  "events/record %.2f\n", (int)jnum(r, "records"), jnum(r, "type"),
                  jnum(r, "source"), jnum(r, "target"), jnum(r, "triple"),
                  jnum(r, "events_per_record"));
    assert_true(jnum(r, "records") > 200);
    assert_true(jnum(r, "type") >= PLOVER_TYPE_FLOOR);
    assert_true(jnum(r, "triple") >= PLOVER_TRIPLE_FLOOR);
    json_decref(r);
    free(out);
}

static void petrarch_unit_floor(void **state) {
    char gold[1024], cmd[2048], *out = NULL;
    SKIP_WITHOUT_SHARED("eval/petrarch2/PETR.UnitTest.records.xml", gold);
    snprintf(cmd, sizeof cmd, "%s eval %s --json 2>/dev/null", dyad_bin(), gold);
    assert_int_equal(run_capture(cmd, &out), 0);
    json_error_t je;
    json_t *r = json_loads(out, 0, &je);
    assert_non_null(r);
    print_message("PETRARCH2 unit tests: records %d passed %.3f\n", (int)jnum(r, "records"),
                  jnum(r, "passed"));
    assert_true(jnum(r, "records") > 200);
    assert_true(jnum(r, "passed") >= PETRARCH_FLOOR);
    json_decref(r);
    free(out);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(code_help_and_usage),
        cmocka_unit_test(code_outputs_json_lines),
        cmocka_unit_test(plover_dev_floor),
        cmocka_unit_test(petrarch_unit_floor),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
