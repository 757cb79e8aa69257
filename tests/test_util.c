/* test_util.c -- arena, buffers, UTF-8 checks and offsets, errors. */
#include "testutil.h"

static void arena_allocates_zeroed_aligned(void **state) {
    dyad_arena *a = dyad_arena_new();
    for (int i = 0; i < 10000; i++) {
        char *p = dyad_arena_alloc(a, (size_t)(i % 97) + 1);
        assert_non_null(p);
        assert_int_equal((uintptr_t)p % 8, 0);
        assert_int_equal(p[0], 0);
        p[0] = 'x';
    }
    char *big = dyad_arena_alloc(a, 1 << 20);
    assert_non_null(big);
    char *s = dyad_arena_strndup(a, "Bogota", 3);
    assert_string_equal(s, "Bog");
    dyad_arena_free(a);
}

static void buf_json_escapes(void **state) {
    dyad_buf b = {0};
    dyad_buf_json_str(&b, "a\"b\\c\n\x01", 7);
    assert_string_equal(b.data, "\"a\\\"b\\\\c\\n\\u0001\"");
    dyad_buf_clear(&b);
    dyad_buf_printf(&b, "%d-%s", 42, "x");
    assert_string_equal(b.data, "42-x");
    dyad_buf_free(&b);
}

static void utf8_check_finds_bad_bytes(void **state) {
    assert_int_equal(dyad_utf8_check("Bogot\xc3\xa1", 7), -1);
    assert_int_equal(dyad_utf8_check("ab\xc3", 3), 2);          /* truncated */
    assert_int_equal(dyad_utf8_check("ab\xff", 3), 2);          /* never valid */
    assert_int_equal(dyad_utf8_check("a\0b", 3), 1);            /* NUL */
    assert_int_equal(dyad_utf8_check("\xc0\xaf", 2), 0);        /* overlong */
    assert_int_equal(dyad_utf8_check("\xed\xa0\x80", 3), 0);    /* surrogate */
    assert_int_equal(dyad_utf8_check("\xf0\x9f\x98\x80", 4), -1); /* emoji */
}

static void doc_char_offsets(void **state) {
    const char *t = "Bogot\xc3\xa1 and Washington";
    dyad_doc *d = dyad_doc_new("d1", NULL, "2026-02-03", t, strlen(t));
    assert_non_null(d);
    assert_int_equal(dyad_doc_char_offset(d, 7), 6);  /* after "Bogota" */
    assert_int_equal(dyad_doc_char_offset(d, 8), 7);
    assert_string_equal(d->date, "2026-02-03");
    dyad_doc_free(d);
}

static void error_str_names_file_line_byte(void **state) {
    dyad_error e;
    char buf[256];
    dyad_error_set(&e, "news.jsonl", 12, 40, "invalid UTF-8");
    assert_string_equal(dyad_error_str(&e, buf, sizeof buf),
                        "news.jsonl:12: byte 40: invalid UTF-8");
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(arena_allocates_zeroed_aligned),
        cmocka_unit_test(buf_json_escapes),
        cmocka_unit_test(utf8_check_finds_bad_bytes),
        cmocka_unit_test(doc_char_offsets),
        cmocka_unit_test(error_str_names_file_line_byte),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
