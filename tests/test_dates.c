/* test_dates.c -- event dates: relative expressions against a document
 * date, tense, attachment to the trigger, and the fallback. */
#include "coder_fixture.h"

/* Resolves the expression at the start of `words` (space-separated forms)
 * against ref; returns the date or "" when nothing was recognised. */
static const char *resolve(const char *words, const char *ref, bool future, char out[11]) {
    char buf[512];
    snprintf(buf, sizeof buf, "%s", words);
    dyad_token t[32];
    memset(t, 0, sizeof t);
    int n = 0;
    char *save = NULL;
    for (char *w = strtok_r(buf, " ", &save); w && n < 32; w = strtok_r(NULL, " ", &save))
        t[n++].form = strdup(w);
    ev_date r, d;
    assert_true(ev_date_parse(ref, &r));
    out[0] = 0;
    int used = 0;
    for (int i = 0; i < n && !used; i++) used = ev_date_expr(t, n, i, r, future, &d);
    if (used) ev_date_format(d, out);
    for (int i = 0; i < n; i++) free((char *)t[i].form);
    return out;
}

/* 2026-03-04 is a Wednesday. */
#define REF "2026-03-04"

static void days_and_weekdays(void **state) {
    char o[11];
    assert_string_equal(resolve("yesterday", REF, false, o), "2026-03-03");
    assert_string_equal(resolve("today", REF, false, o), "2026-03-04");
    assert_string_equal(resolve("tomorrow", REF, true, o), "2026-03-05");
    assert_string_equal(resolve("on Monday", REF, false, o), "2026-03-02");
    assert_string_equal(resolve("on Wednesday", REF, false, o), "2026-03-04");
    assert_string_equal(resolve("on Friday", REF, false, o), "2026-02-27");
    assert_string_equal(resolve("on Friday", REF, true, o), "2026-03-06");
    assert_string_equal(resolve("last Wednesday", REF, false, o), "2026-02-25");
    assert_string_equal(resolve("next Monday", REF, true, o), "2026-03-09");
}

static void periods_first_day(void **state) {
    char o[11];
    assert_string_equal(resolve("last year", REF, false, o), "2025-01-01");
    assert_string_equal(resolve("next year", REF, true, o), "2027-01-01");
    assert_string_equal(resolve("last month", REF, false, o), "2026-02-01");
    assert_string_equal(resolve("last month", "2026-01-15", false, o), "2025-12-01");
    assert_string_equal(resolve("next week", REF, true, o), "2026-03-09");
    assert_string_equal(resolve("last week", REF, false, o), "2026-02-23");
    assert_string_equal(resolve("earlier this month", REF, false, o), "2026-03-01");
    assert_string_equal(resolve("in early 2025", REF, false, o), "2025-01-01");
    assert_string_equal(resolve("in late 2025", REF, false, o), "2025-09-01");
    assert_string_equal(resolve("in 2024", REF, false, o), "2024-01-01");
}

static void months_and_ago(void **state) {
    char o[11];
    assert_string_equal(resolve("in March", REF, false, o), "2026-03-01");
    assert_string_equal(resolve("in May", REF, false, o), "2025-05-01");
    assert_string_equal(resolve("in May", REF, true, o), "2026-05-01");
    assert_string_equal(resolve("on March 3", REF, false, o), "2026-03-03");
    assert_string_equal(resolve("on March 10", REF, false, o), "2025-03-10");
    assert_string_equal(resolve("on 3 March", REF, false, o), "2026-03-03");
    assert_string_equal(resolve("on March 3 , 2020", REF, false, o), "2020-03-03");
    assert_string_equal(resolve("Dec. 24", REF, false, o), "2025-12-24");
    assert_string_equal(resolve("two weeks ago", REF, false, o), "2026-02-18");
    assert_string_equal(resolve("3 days ago", REF, false, o), "2026-03-01");
    assert_string_equal(resolve("a year ago", REF, false, o), "2025-03-04");
    assert_string_equal(resolve("the talks", REF, false, o), "");
    assert_string_equal(resolve("2024", REF, false, o), "");   /* bare number */
}

static void leap_and_year_edges(void **state) {
    char o[11];
    assert_string_equal(resolve("yesterday", "2024-03-01", false, o), "2024-02-29");
    assert_string_equal(resolve("tomorrow", "2025-12-31", true, o), "2026-01-01");
    assert_string_equal(resolve("on Sunday", "2026-01-01", false, o), "2025-12-28");
}

static void attached_to_trigger(void **state) {
    /* Colombia attacked Peru on Monday after talks last year . */
    dyad_doc *d = fix_doc("Colombia/Colombia/PROPN/2/nsubj attacked/attack/VERB/0/root "
                          "Peru/Peru/PROPN/2/obj on/on/ADP/5/case Monday/Monday/PROPN/2/obl "
                          "././PUNCT/2/punct", REF);
    assert_non_null(d);
    char o[11];
    ev_event_date(d, &d->sentences[0], 1, false, d->date, o);
    assert_string_equal(o, "2026-03-02");
    ev_event_date(d, &d->sentences[0], 1, false, NULL, o);
    assert_string_equal(o, "");
    dyad_doc_free(d);
    d = fix_doc("Colombia/Colombia/PROPN/2/nsubj attacked/attack/VERB/0/root "
                "Peru/Peru/PROPN/2/obj ././PUNCT/2/punct", REF);
    ev_event_date(d, &d->sentences[0], 1, false, d->date, o);
    assert_string_equal(o, REF);
    dyad_doc_free(d);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(days_and_weekdays),
        cmocka_unit_test(periods_first_day),
        cmocka_unit_test(months_and_ago),
        cmocka_unit_test(leap_and_year_edges),
        cmocka_unit_test(attached_to_trigger),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
