/* test_sentences.c -- the sentence splitter on news-style text of our own
 * writing (abbreviations, initials, numbers, quotes, headlines, ellipses),
 * and the scored test on UD GUM.
 *
 * Scoring (gum_sentence_f1): for each `# newdoc` document of
 * en_gum-ud-test.conllu the sentences' `# text` lines are joined with a
 * space inside a paragraph and with a newline where a `# newpar` comment
 * starts a new paragraph (GUM headings are paragraphs of their own).  The
 * joined text is segmented; a boundary is the byte offset where a sentence
 * ends (the end of the document is not counted).  F1 compares boundaries. */
#include "testutil.h"

/* Segments s; returns the sentences joined with " || " (malloc'd). */
static char *sents(const char *s) {
    dyad_doc *d = dyad_doc_new("t", NULL, NULL, s, strlen(s));
    assert_int_equal(dyad_segment(d), 0);
    dyad_buf b = {0};
    size_t ntok = 0;
    for (size_t i = 0; i < d->nsentences; i++) {
        const dyad_sentence *x = &d->sentences[i];
        if (i) dyad_buf_puts(&b, " || ");
        dyad_buf_append(&b, d->text + x->start, x->end - x->start);
        assert_int_equal(x->first, ntok);
        assert_int_equal(d->tokens[x->first].start, x->start);
        assert_int_equal(d->tokens[x->first + x->ntokens - 1].end, x->end);
        ntok += x->ntokens;
    }
    assert_int_equal(ntok, d->ntokens);
    dyad_doc_free(d);
    if (!b.data) dyad_buf_puts(&b, "");
    return b.data;
}

#define ASSERT_SENTS(text, expect)                                             \
    do {                                                                       \
        char *got_ = sents(text);                                              \
        if (strcmp(got_, expect)) print_error("got:    %s\nexpect: %s\n", got_, expect); \
        assert_string_equal(got_, expect);                                     \
        free(got_);                                                            \
    } while (0)

static void abbreviations(void **state) {
    ASSERT_SENTS("U.S. forces left Kabul on Sept. 3. Officials said so.",
                 "U.S. forces left Kabul on Sept. 3. || Officials said so.");
    ASSERT_SENTS("Aid arrived in the U.S. The next day it was gone.",
                 "Aid arrived in the U.S. || The next day it was gone.");
    ASSERT_SENTS("Lt. Gen. Smith met Sen. Jones and Gov. Ruiz in St. Paul.",
                 "Lt. Gen. Smith met Sen. Jones and Gov. Ruiz in St. Paul.");
    ASSERT_SENTS("Mr. and Mrs. Diaz met Dr. Lee of Acme Corp. Inc. officials came.",
                 "Mr. and Mrs. Diaz met Dr. Lee of Acme Corp. Inc. officials came.");
    ASSERT_SENTS("The U.N. envoy spoke. The U.K. declined.",
                 "The U.N. envoy spoke. || The U.K. declined.");
}

static void initials_numbers(void **state) {
    ASSERT_SENTS("J. R. R. Tolkien wrote it. George W. Bush read it.",
                 "J. R. R. Tolkien wrote it. || George W. Bush read it.");
    ASSERT_SENTS("Growth was 3.5 percent, or $1.2 million. It fell.",
                 "Growth was 3.5 percent, or $1.2 million. || It fell.");
    ASSERT_SENTS("The talks began at 9 a.m. and ended late.",
                 "The talks began at 9 a.m. and ended late.");
}

static void quotes_ellipses(void **state) {
    ASSERT_SENTS("\"We will not yield,\" he said. \"Never.\" Then he left.",
                 "\"We will not yield,\" he said. || \"Never.\" || Then he left.");
    ASSERT_SENTS("\xe2\x80\x9cWhy now?\xe2\x80\x9d she asked. Nobody answered.",
                 "\xe2\x80\x9cWhy now?\xe2\x80\x9d she asked. || Nobody answered.");
    ASSERT_SENTS("He waited... Nothing happened (as expected.) Later, rain.",
                 "He waited... || Nothing happened (as expected.) || Later, rain.");
    ASSERT_SENTS("Is it over? No! It is not.", "Is it over? || No! || It is not.");
}

static void headlines_and_lines(void **state) {
    ASSERT_SENTS("Rebels Seize Border Town\nGunmen took the town on Monday.",
                 "Rebels Seize Border Town || Gunmen took the town on Monday.");
    ASSERT_SENTS("First paragraph without a stop\n\nsecond one",
                 "First paragraph without a stop || second one");
    /* a wrapped line inside a sentence does not split */
    ASSERT_SENTS("The minister said that the\ngovernment would respond.",
                 "The minister said that the\ngovernment would respond.");
    ASSERT_SENTS("", "");
}

/* ---- scored test on GUM ---- */

typedef DYAD_VEC(size_t) off_vec;

typedef struct score { size_t gold, sys, match; } score;

static void datelines(void **state) {
    ASSERT_SENTS("QUITO -- The minister resigned on Friday.",
                 "QUITO -- || The minister resigned on Friday.");
    ASSERT_SENTS("LIMA, Peru (AP) - Farmers blocked roads.\n\nHAVANA -- Talks ended.",
                 "LIMA, Peru (AP) - || Farmers blocked roads. || HAVANA -- || Talks ended.");
    /* Not a dateline: mid-sentence capitals, or a hyphen inside a word. */
    ASSERT_SENTS("The NATO-led mission -- its third -- ended.",
                 "The NATO-led mission -- its third -- ended.");
    ASSERT_SENTS("NATO said -- again -- that it would stay.",
                 "NATO said -- again -- that it would stay.");
}

static void score_doc(const dyad_buf *text, const off_vec *gold, score *sc) {
    if (!text->len) return;
    dyad_doc *d = dyad_doc_new("g", NULL, NULL, text->data, text->len);
    assert_int_equal(dyad_segment(d), 0);
    size_t g = 0;
    for (size_t i = 0; i + 1 < d->nsentences; i++) {
        size_t e = d->sentences[i].end;
        while (g < gold->len && gold->items[g] < e) g++;
        if (g < gold->len && gold->items[g] == e) sc->match++;
        else if (getenv("DYAD_SHOW_MISSES"))
            fprintf(stderr, "extra: ...%.*s||%.40s\n", (int)(e > 60 ? 60 : e),
                    d->text + (e > 60 ? e - 60 : 0), d->text + e);
        sc->sys++;
    }
    if (getenv("DYAD_SHOW_MISSES")) {
        for (size_t k = 0; k < gold->len; k++) {
            bool found = false;
            for (size_t i = 0; i + 1 < d->nsentences && !found; i++)
                found = d->sentences[i].end == gold->items[k];
            if (!found) {
                size_t e = gold->items[k];
                fprintf(stderr, "missed: ...%.*s||%.40s\n", (int)(e > 60 ? 60 : e),
                        d->text + (e > 60 ? e - 60 : 0), d->text + e);
            }
        }
    }
    sc->gold += gold->len;
    dyad_doc_free(d);
}

static void gum_sentence_f1(void **state) {
    char path[1024];
    SKIP_WITHOUT_SHARED("treebanks/en_gum-ud-test.conllu", path);
    size_t len;
    dyad_error err;
    char *all = dyad_read_file(path, &len, &err);
    assert_non_null(all);
    score sc = {0};
    dyad_buf text = {0};
    off_vec gold = {0};
    bool newpar = false;
    char *save, *line = strtok_r(all, "\n", &save);
    for (; line; line = strtok_r(NULL, "\n", &save)) {
        if (!strncmp(line, "# newdoc", 8)) {
            if (gold.len) gold.len--;            /* the document end */
            score_doc(&text, &gold, &sc);
            dyad_buf_clear(&text);
            gold.len = 0;
            newpar = false;
        } else if (!strncmp(line, "# newpar", 8)) {
            newpar = true;
        } else if (!strncmp(line, "# text = ", 9)) {
            if (text.len) dyad_buf_putc(&text, newpar ? '\n' : ' ');
            dyad_buf_puts(&text, line + 9);
            assert_int_equal(DYAD_VEC_PUSH(gold, text.len), 0);
            newpar = false;
        }
    }
    if (gold.len) gold.len--;
    score_doc(&text, &gold, &sc);
    dyad_buf_free(&text);
    DYAD_VEC_FREE(gold);
    free(all);
    double p = sc.sys ? (double)sc.match / sc.sys : 0, r = sc.gold ? (double)sc.match / sc.gold : 0;
    double f1 = p + r > 0 ? 2 * p * r / (p + r) : 0;
    print_message("GUM test sentence-boundary F1 = %.4f (P %.4f R %.4f; %zu gold, %zu system)\n",
                  f1, p, r, sc.gold, sc.sys);
    assert_true(f1 >= 0.95);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(abbreviations),
        cmocka_unit_test(initials_numbers),
        cmocka_unit_test(quotes_ellipses),
        cmocka_unit_test(headlines_and_lines),
        cmocka_unit_test(datelines),
        cmocka_unit_test(gum_sentence_f1),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
