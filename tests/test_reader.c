/* test_reader.c -- input readers through the API: plain text and the title
 * rule, JSON Lines fields, directories, and bad input (invalid UTF-8, NUL
 * bytes, truncated JSON, binary junk, empty files, a 50 MB single line):
 * each bad record gives rc -1 with file, line and byte, and reading goes on. */
#include "testutil.h"

#include <dirent.h>

static const char *tmp(const char *suffix, const char *data, size_t len) {
    static char paths[8][256];
    static int k;
    char *p = paths[k++ % 8];
    assert_non_null(write_temp(suffix, data, len, p, 256));
    return p;
}

/* Reads every record of path; counts docs and errors; keeps the first doc's
 * fields and the first error. */
typedef struct readout {
    int docs, errors;
    char id[128], title[256], date[16], text[256];
    dyad_error err;
} readout;

static void read_all(const char *path, dyad_format fmt, readout *o) {
    memset(o, 0, sizeof *o);
    dyad_error err;
    dyad_reader *r = dyad_reader_open(path, fmt, &err);
    assert_non_null(r);
    dyad_doc *doc;
    int rc;
    while ((rc = dyad_reader_next(r, &doc, &err)) != 0) {
        if (rc < 0) {
            if (!o->errors++) o->err = err;
            continue;
        }
        if (!o->docs++) {
            snprintf(o->id, sizeof o->id, "%s", doc->id);
            snprintf(o->title, sizeof o->title, "%s", doc->title ? doc->title : "");
            snprintf(o->date, sizeof o->date, "%s", doc->date ? doc->date : "");
            snprintf(o->text, sizeof o->text, "%s", doc->text);
        }
        assert_int_equal(dyad_utf8_check(doc->text, doc->len), -1);
        dyad_doc_free(doc);
    }
    dyad_reader_close(r);
}

static void text_title_rule(void **state) {
    readout o;
    const char *a = "Troops Withdraw From Border\nSoldiers left the area on Monday.\n";
    read_all(tmp(".txt", a, strlen(a)), DYAD_FMT_AUTO, &o);
    assert_int_equal(o.docs, 1);
    assert_string_equal(o.title, "Troops Withdraw From Border");
    assert_string_equal(o.text, "Soldiers left the area on Monday.\n");
    assert_non_null(strstr(o.id, "dyadtest-"));
    /* first line with final punctuation and no blank line: no title */
    const char *b = "Soldiers left.\nThey went home.\n";
    read_all(tmp(".txt", b, strlen(b)), DYAD_FMT_TEXT, &o);
    assert_string_equal(o.title, "");
    assert_string_equal(o.text, b);
    /* followed by a blank line: a title even with punctuation */
    const char *c = "Talks end.\n\nThe talks ended.";
    read_all(tmp(".txt", c, strlen(c)), DYAD_FMT_TEXT, &o);
    assert_string_equal(o.title, "Talks end.");
    assert_string_equal(o.text, "The talks ended.");
    /* a UTF-8 byte order mark is skipped (text and JSON Lines) */
    const char *bom = "\xef\xbb\xbfPeace Talks Resume\nThe talks resumed.";
    read_all(tmp(".txt", bom, strlen(bom)), DYAD_FMT_TEXT, &o);
    assert_string_equal(o.title, "Peace Talks Resume");
    const char *bomj = "\xef\xbb\xbf{\"id\":\"b1\",\"text\":\"Body.\"}\n";
    read_all(tmp(".jsonl", bomj, strlen(bomj)), DYAD_FMT_AUTO, &o);
    assert_int_equal(o.docs, 1);
    assert_int_equal(o.errors, 0);
    assert_string_equal(o.id, "b1");
    /* a single line is the body */
    read_all(tmp(".txt", "Just one line", 13), DYAD_FMT_TEXT, &o);
    assert_string_equal(o.title, "");
    assert_string_equal(o.text, "Just one line");
}

static void jsonl_fields(void **state) {
    const char *j =
        "{\"id\":\"a1\",\"title\":\"T\",\"text\":\"Body one.\",\"published\":\"2025-03-14 20:30:26Z\"}\n"
        "\n"
        "{\"id\":42,\"text\":\"Body two.\",\"date\":\"2024-01-02\"}\n"
        "{\"text\":\"No id here.\"}";
    const char *p = tmp(".jsonl", j, strlen(j));
    readout o;
    read_all(p, DYAD_FMT_AUTO, &o);
    assert_int_equal(o.docs, 3);
    assert_int_equal(o.errors, 0);
    assert_string_equal(o.id, "a1");
    assert_string_equal(o.title, "T");
    assert_string_equal(o.date, "2025-03-14");
    /* numeric id and the fallback id */
    dyad_error err;
    dyad_reader *r = dyad_reader_open(p, DYAD_FMT_AUTO, &err);
    dyad_doc *d;
    assert_int_equal(dyad_reader_next(r, &d, &err), 1);
    dyad_doc_free(d);
    assert_int_equal(dyad_reader_next(r, &d, &err), 1);
    assert_string_equal(d->id, "42");
    assert_string_equal(d->date, "2024-01-02");
    dyad_doc_free(d);
    assert_int_equal(dyad_reader_next(r, &d, &err), 1);
    char want[300];
    snprintf(want, sizeof want, "%s:4", p);
    assert_string_equal(d->id, want);
    dyad_doc_free(d);
    assert_int_equal(dyad_reader_next(r, &d, &err), 0);
    dyad_reader_close(r);
}

static void jsonl_bad_records_go_on(void **state) {
    /* line 1 good; 2 invalid UTF-8; 3 truncated JSON; 4 no text; 5 empty
     * text; 6 not an object; 7 NUL byte; 8 good */
    const char j[] =
        "{\"id\":\"g1\",\"text\":\"Good.\"}\n"
        "{\"id\":\"b\",\"text\":\"bad \xff byte\"}\n"
        "{\"id\":\"t\",\"text\":\"cut off\n"
        "{\"id\":\"n\"}\n"
        "{\"id\":\"e\",\"text\":\"  \"}\n"
        "[1,2]\n"
        "{\"id\":\"z\",\"text\":\"a\0b\"}\n"
        "{\"id\":\"g2\",\"text\":\"Good again.\"}\n";
    const char *p = tmp(".jsonl", j, sizeof j - 1);
    dyad_error err;
    dyad_reader *r = dyad_reader_open(p, DYAD_FMT_AUTO, &err);
    assert_non_null(r);
    int rcs[16], n = 0, rc;
    long lines[16];
    long long bytes[16];
    dyad_doc *d;
    while ((rc = dyad_reader_next(r, &d, &err)) != 0 && n < 16) {
        lines[n] = err.line;
        bytes[n] = err.byte;
        rcs[n++] = rc;
        if (rc > 0) dyad_doc_free(d);
        else assert_string_equal(err.file, p);
    }
    dyad_reader_close(r);
    assert_int_equal(n, 8);
    int want[8] = {1, -1, -1, -1, -1, -1, -1, 1};
    for (int i = 0; i < 8; i++) assert_int_equal(rcs[i], want[i]);
    assert_int_equal(lines[1], 2);
    assert_int_equal(bytes[1], strchr(j, 0xff) - j);   /* offset of \xff in the file */
    assert_int_equal(lines[2], 3);
    assert_int_equal(lines[6], 7);
}

static void empty_binary_and_missing(void **state) {
    readout o;
    read_all(tmp(".jsonl", "", 0), DYAD_FMT_AUTO, &o);
    assert_int_equal(o.docs + o.errors, 0);
    read_all(tmp(".txt", "", 0), DYAD_FMT_AUTO, &o);
    assert_int_equal(o.docs + o.errors, 0);
    read_all(tmp(".txt", "\n \n", 3), DYAD_FMT_AUTO, &o);
    assert_int_equal(o.docs + o.errors, 0);
    unsigned char junk[4096];
    for (size_t i = 0; i < sizeof junk; i++) junk[i] = (unsigned char)(i * 131 + 7);
    read_all(tmp(".bin", (const char *)junk, sizeof junk), DYAD_FMT_AUTO, &o);
    assert_int_equal(o.docs, 0);
    assert_int_equal(o.errors, 1);
    assert_true(o.err.byte >= 0);
    read_all(tmp(".jsonl", (const char *)junk, sizeof junk), DYAD_FMT_AUTO, &o);
    assert_int_equal(o.docs, 0);
    assert_true(o.errors >= 1);
    dyad_error err;
    assert_null(dyad_reader_open("/nonexistent/dyad/file.txt", DYAD_FMT_AUTO, &err));
    assert_non_null(strstr(err.msg, "cannot open"));
}

static void big_single_line(void **state) {
    size_t n = 50u << 20;
    char *j = malloc(n + 64);
    assert_non_null(j);
    strcpy(j, "{\"id\":\"big\",\"text\":\"");
    size_t k = strlen(j);
    for (size_t i = 0; i < n; i++) j[k + i] = (i % 8 == 7) ? ' ' : 'a';
    k += n;
    strcpy(j + k, "\"}\n{\"id\":\"small\",\"text\":\"x\"}\n");
    const char *p = tmp(".jsonl", j, strlen(j));
    free(j);
    readout o;
    read_all(p, DYAD_FMT_AUTO, &o);
    assert_int_equal(o.docs, 2);
    assert_string_equal(o.id, "big");
    /* with a 1 MiB cap it is skipped with an error, and the next goes on */
    setenv("DYAD_MAX_RECORD_MB", "1", 1);
    read_all(p, DYAD_FMT_AUTO, &o);
    unsetenv("DYAD_MAX_RECORD_MB");
    assert_int_equal(o.docs, 1);
    assert_int_equal(o.errors, 1);
    assert_int_equal(o.err.line, 1);
    assert_non_null(strstr(o.err.msg, "longer than"));
    unlink(p);
}

static void directory_sorted_recursive(void **state) {
    char dir[] = "/tmp/dyadtest-dirXXXXXX";
    assert_non_null(mkdtemp(dir));
    char p[512];
    snprintf(p, sizeof p, "%s/sub", dir);
    assert_int_equal(mkdir(p, 0700), 0);
    const char *files[][2] = {
        {"b.txt", "Second file body."},
        {"a.jsonl", "{\"id\":\"j1\",\"text\":\"First.\"}\n{\"id\":\"j2\",\"text\":\"Also.\"}\n"},
        {"sub/c.txt", "Third file body."},
    };
    for (size_t i = 0; i < 3; i++) {
        snprintf(p, sizeof p, "%s/%s", dir, files[i][0]);
        FILE *f = fopen(p, "w");
        fputs(files[i][1], f);
        fclose(f);
    }
    dyad_error err;
    dyad_reader *r = dyad_reader_open(dir, DYAD_FMT_AUTO, &err);
    assert_non_null(r);
    const char *want[] = {"j1", "j2", "b.txt", "sub/c.txt"};
    dyad_doc *d;
    for (int i = 0; i < 4; i++) {
        assert_int_equal(dyad_reader_next(r, &d, &err), 1);
        assert_string_equal(d->id, want[i]);
        dyad_doc_free(d);
    }
    assert_int_equal(dyad_reader_next(r, &d, &err), 0);
    dyad_reader_close(r);
    for (size_t i = 0; i < 3; i++) {
        snprintf(p, sizeof p, "%s/%s", dir, files[i][0]);
        unlink(p);
    }
    snprintf(p, sizeof p, "%s/sub", dir);
    rmdir(p);
    rmdir(dir);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(text_title_rule),
        cmocka_unit_test(jsonl_fields),
        cmocka_unit_test(jsonl_bad_records_go_on),
        cmocka_unit_test(empty_binary_and_missing),
        cmocka_unit_test(big_single_line),
        cmocka_unit_test(directory_sorted_recursive),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
