/* test_cli_text.c -- `dyad sentences` and `dyad tokens` end to end: output
 * format and character offsets, options, and bad input through the CLI
 * (each bad record is reported on stderr with file:line, the run goes on,
 * exit code 1). */
#include "testutil.h"

static char *run(const char *args, int *rc) {
    char cmd[2048];
    snprintf(cmd, sizeof cmd, "%s %s", dyad_bin(), args);
    char *out = NULL;
    *rc = run_capture(cmd, &out);
    return out;
}

static const char *tmpfile_with(const char *suffix, const void *data, size_t len) {
    static char paths[4][256];
    static int k;
    char *p = paths[k++ % 4];
    assert_non_null(write_temp(suffix, data, len, p, 256));
    return p;
}

static int count_lines(const char *s) {
    int n = 0;
    for (; *s; s++) n += *s == '\n';
    return n;
}

static void help_and_usage(void **state) {
    int rc;
    char *out = run("sentences --help", &rc);
    assert_int_equal(rc, 0);
    assert_non_null(strstr(out, "usage: dyad sentences"));
    free(out);
    out = run("tokens --help", &rc);
    assert_int_equal(rc, 0);
    assert_non_null(strstr(out, "usage: dyad tokens"));
    free(out);
    out = run("tokens --format xml 2>/dev/null", &rc);
    assert_int_equal(rc, 2);
    free(out);
    out = run("sentences --bogus 2>/dev/null", &rc);
    assert_int_equal(rc, 2);
    free(out);
    out = run("sentences /nonexistent/dyad.txt 2>/dev/null", &rc);
    assert_int_equal(rc, 3);
    free(out);
}

static void sentences_char_offsets(void **state) {
    const char *j = "{\"id\":\"d1\",\"text\":\"Bogot\xc3\xa1 talks ended. The U.N. envoy left.\"}\n";
    const char *p = tmpfile_with(".jsonl", j, strlen(j));
    char args[512];
    snprintf(args, sizeof args, "sentences %s", p);
    int rc;
    char *out = run(args, &rc);
    assert_int_equal(rc, 0);
    assert_string_equal(out,
        "{\"doc\":\"d1\",\"sent\":0,\"start\":0,\"end\":19,\"text\":\"Bogot\xc3\xa1 talks ended.\"}\n"
        "{\"doc\":\"d1\",\"sent\":1,\"start\":20,\"end\":40,\"text\":\"The U.N. envoy left.\"}\n");
    free(out);
    unlink(p);
}

static void tokens_from_stdin_text(void **state) {
    int rc;
    char *out = run("tokens < /dev/null", &rc);
    assert_int_equal(rc, 0);
    assert_string_equal(out, "");
    free(out);
    const char *t = "Peru\xe2\x80\x99s envoy didn't come.";
    const char *p = tmpfile_with(".txt", t, strlen(t));
    char args[512];
    snprintf(args, sizeof args, "tokens --format text - < %s", p);
    out = run(args, &rc);
    assert_int_equal(rc, 0);
    assert_non_null(strstr(out, "{\"doc\":\"stdin\",\"sent\":0,\"tokens\":["
                                "{\"form\":\"Peru\",\"start\":0,\"end\":4},"
                                "{\"form\":\"'s\",\"start\":4,\"end\":6},"));
    assert_non_null(strstr(out, "{\"form\":\"n't\",\"start\":16,\"end\":19}"));
    free(out);
    unlink(p);
    /* stdin in auto mode: a leading '{' means JSON Lines */
    const char *j = "\n{\"id\":7,\"text\":\"Talks began. They ended.\"}\n";
    p = tmpfile_with(".in", j, strlen(j));
    snprintf(args, sizeof args, "sentences < %s", p);
    out = run(args, &rc);
    assert_int_equal(rc, 0);
    assert_int_equal(count_lines(out), 2);
    assert_non_null(strstr(out, "{\"doc\":\"7\",\"sent\":1,\"start\":13,\"end\":24,"));
    free(out);
    unlink(p);
}

static void bad_records_go_on(void **state) {
    const char j[] =
        "{\"id\":\"a\",\"text\":\"First good one.\"}\n"
        "{\"id\":\"b\",\"text\":\"bad \xc3\x28 utf8\"}\n"
        "{\"id\":\"c\",\"text\":\"trunc\n"
        "{\"id\":\"d\",\"text\":\"nul\0byte\"}\n"
        "\x01\x02\xfe\xff junk\n"
        "{\"id\":\"e\",\"text\":\"Last good one.\"}\n";
    const char *p = tmpfile_with(".jsonl", j, sizeof j - 1);
    char errp[256];
    snprintf(errp, sizeof errp, "%s.err", p);
    char args[1024];
    snprintf(args, sizeof args, "sentences %s 2>%s", p, errp);
    int rc;
    char *out = run(args, &rc);
    assert_int_equal(rc, 1);
    assert_int_equal(count_lines(out), 2);
    assert_non_null(strstr(out, "\"doc\":\"e\""));
    free(out);
    size_t len;
    dyad_error err;
    char *msgs = dyad_read_file(errp, &len, &err);
    assert_non_null(msgs);
    assert_int_equal(count_lines(msgs), 4);
    char want[300];
    snprintf(want, sizeof want, "%s:2: byte", p);
    assert_non_null(strstr(msgs, want));
    snprintf(want, sizeof want, "%s:5: byte", p);
    assert_non_null(strstr(msgs, want));
    free(msgs);
    unlink(errp);
    unlink(p);
}

static void binary_and_empty_files(void **state) {
    unsigned char junk[2048];
    for (size_t i = 0; i < sizeof junk; i++) junk[i] = (unsigned char)(i * 37 + 11);
    const char *bin = tmpfile_with(".dat", junk, sizeof junk);
    const char *empty = tmpfile_with(".txt", "", 0);
    const char *good = tmpfile_with(".txt", "Talks resumed.", 14);
    char args[1024];
    snprintf(args, sizeof args, "tokens --count %s %s %s 2>/dev/null", bin, empty, good);
    int rc;
    char *out = run(args, &rc);
    assert_int_equal(rc, 1);
    assert_string_equal(out, "{\"docs\":1,\"sentences\":1,\"tokens\":3,\"bytes\":14}\n");
    free(out);
    unlink(bin);
    unlink(empty);
    unlink(good);
}

static void fifty_mb_line(void **state) {
    size_t n = 50u << 20;
    char *j = malloc(n + 64);
    assert_non_null(j);
    strcpy(j, "{\"id\":\"big\",\"text\":\"");
    size_t k = strlen(j);
    for (size_t i = 0; i < n; i++) j[k + i] = (i % 10 == 9) ? (i % 100 == 99 ? '.' : ' ') : 'a';
    strcpy(j + k + n, "\"}\n");
    const char *p = tmpfile_with(".jsonl", j, strlen(j));
    free(j);
    char args[512];
    snprintf(args, sizeof args, "tokens --count %s", p);
    int rc;
    char *out = run(args, &rc);
    assert_int_equal(rc, 0);
    assert_non_null(strstr(out, "{\"docs\":1,"));
    assert_non_null(strstr(out, "\"bytes\":52428800}"));
    free(out);
    unlink(p);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(help_and_usage),
        cmocka_unit_test(sentences_char_offsets),
        cmocka_unit_test(tokens_from_stdin_text),
        cmocka_unit_test(bad_records_go_on),
        cmocka_unit_test(binary_and_empty_files),
        cmocka_unit_test(fifty_mb_line),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
