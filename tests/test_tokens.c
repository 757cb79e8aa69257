/* test_tokens.c -- the tokenizer and normalisation: news-style cases of our
 * own writing, offsets and space_after, and the scored test against UD EWT.
 *
 * Scoring (ewt_token_f1): every `# text` line of en_ewt-ud-test.conllu is
 * tokenized as a document; gold spans are the character spans of the gold
 * WORDS.  A multiword token (e.g. "don't" = do + n't) is cut into its words'
 * spans when the words spell the surface form exactly, else the surface
 * token's span is the gold unit.  F1 counts exact (start, end) matches. */
#include "testutil.h"
#include "text.h"

/* Tokenizes s; returns forms joined with '|' (malloc'd). */
static char *forms(const char *s) {
    dyad_doc *d = dyad_doc_new("t", NULL, NULL, s, strlen(s));
    assert_int_equal(dyad_segment(d), 0);
    dyad_buf b = {0};
    for (size_t i = 0; i < d->ntokens; i++) {
        if (i) dyad_buf_putc(&b, '|');
        dyad_buf_puts(&b, d->tokens[i].form);
        /* offsets always point into the original text */
        assert_true(d->tokens[i].start < d->tokens[i].end);
        assert_true(d->tokens[i].end <= d->len);
    }
    dyad_doc_free(d);
    if (!b.data) dyad_buf_puts(&b, "");
    return b.data;
}

#define ASSERT_TOKENS(text, expect)                                            \
    do {                                                                       \
        char *got_ = forms(text);                                              \
        if (strcmp(got_, expect)) print_error("got:    %s\nexpect: %s\n", got_, expect); \
        assert_string_equal(got_, expect);                                     \
        free(got_);                                                            \
    } while (0)

static void clitics(void **state) {
    ASSERT_TOKENS("Venezuela's minister didn't say it.",
                  "Venezuela|'s|minister|did|n't|say|it|.");
    ASSERT_TOKENS("They can't and won't; I'm sure we'll see.",
                  "They|ca|n't|and|wo|n't|;|I|'m|sure|we|'ll|see|.");
    ASSERT_TOKENS("they've gone, he'd said, cannot stop",
                  "they|'ve|gone|,|he|'d|said|,|can|not|stop");
    ASSERT_TOKENS("O'Brien met the rebels' leaders",
                  "O'Brien|met|the|rebels|'|leaders");
    /* curly apostrophes: same split, ASCII forms */
    ASSERT_TOKENS("Peru\xe2\x80\x99s envoy isn\xe2\x80\x99t here",
                  "Peru|'s|envoy|is|n't|here");
}

static void abbreviations_numbers(void **state) {
    ASSERT_TOKENS("U.S. and U.N. troops met Lt. Gen. Ruiz at 10:30 a.m.",
                  "U.S.|and|U.N.|troops|met|Lt.|Gen.|Ruiz|at|10:30|a.m.");
    ASSERT_TOKENS("It cost $5.5 million, up 10% from 1,000 in 2019.",
                  "It|cost|$|5.5|million|,|up|10|%|from|1,000|in|2019|.");
    ASSERT_TOKENS("George W. Bush flew to Texas.", "George|W.|Bush|flew|to|Texas|.");
    ASSERT_TOKENS("Room No. 5 said no.", "Room|No.|5|said|no|.");
    ASSERT_TOKENS("on 2024-03-05 (Tuesday)...", "on|2024-03-05|(|Tuesday|)|...");
}

static void urls_hyphens_quotes(void **state) {
    ASSERT_TOKENS("See https://example.org/a?b=1, or mail info@example.org.",
                  "See|https://example.org/a?b=1|,|or|mail|info@example.org|.");
    ASSERT_TOKENS("a long-term, well-known e-mail",
                  "a|long|-|term|,|well|-|known|e-mail");
    ASSERT_TOKENS("\xe2\x80\x9cNo,\xe2\x80\x9d he said \xe2\x80\x94 twice \xe2\x80\x93 maybe",
                  "\"|No|,|\"|he|said|--|twice|-|maybe");
}

static void offsets_and_space_after(void **state) {
    /* no-break space is whitespace; offsets are bytes of the original */
    const char *s = "Caf\xc3\xa9\xc2\xa0talks, Bogot\xc3\xa1.";
    dyad_doc *d = dyad_doc_new("t", NULL, NULL, s, strlen(s));
    assert_int_equal(dyad_segment(d), 0);
    assert_int_equal(d->ntokens, 5);
    assert_string_equal(d->tokens[0].form, "Caf\xc3\xa9");
    assert_int_equal(d->tokens[0].start, 0);
    assert_int_equal(d->tokens[0].end, 5);
    assert_true(d->tokens[0].space_after);
    assert_int_equal(d->tokens[1].start, 7);
    assert_false(d->tokens[1].space_after);       /* "talks" then "," */
    assert_string_equal(d->tokens[3].form, "Bogot\xc3\xa1");
    assert_false(d->tokens[3].space_after);
    /* decomposed e + combining acute -> NFC form, original offsets */
    const char *nfd = "Jose\xcc\x81 spoke";
    dyad_doc *d2 = dyad_doc_new("t", NULL, NULL, nfd, strlen(nfd));
    assert_int_equal(dyad_segment(d2), 0);
    assert_string_equal(d2->tokens[0].form, "Jos\xc3\xa9");
    assert_int_equal(d2->tokens[0].end, 6);
    dyad_doc_free(d2);
    dyad_doc_free(d);
}

static void empty_and_space_only(void **state) {
    dyad_doc *d = dyad_doc_new("t", NULL, NULL, " \n\t ", 4);
    assert_int_equal(dyad_segment(d), 0);
    assert_int_equal(d->ntokens, 0);
    assert_int_equal(d->nsentences, 0);
    dyad_doc_free(d);
}

/* ---- scored test against EWT ---- */

typedef DYAD_VEC(uint64_t) span_vec;   /* start << 32 | end, in bytes */

static void add_span(span_vec *v, size_t a, size_t b) {
    assert_int_equal(DYAD_VEC_PUSH(*v, ((uint64_t)a << 32) | b), 0);
}

/* Finds form in text from *pos (skipping whitespace); returns its start. */
static long find_form(const char *text, size_t len, size_t *pos, const char *form) {
    size_t n = strlen(form);
    size_t p = *pos;
    while (p < len && (text[p] == ' ' || text[p] == '\t')) p++;
    if (p + n <= len && memcmp(text + p, form, n) == 0) {
        *pos = p + n;
        return (long)p;
    }
    const char *hit = n ? memmem(text + *pos, len - *pos, form, n) : NULL;
    if (!hit) return -1;
    *pos = (size_t)(hit - text) + n;
    return (long)(hit - text);
}

typedef struct score { size_t gold, sys, match; } score;

static void score_sentence(const char *text, char **lines, size_t nlines, score *sc) {
    size_t len = strlen(text), pos = 0;
    span_vec gold = {0};
    for (size_t i = 0; i < nlines; i++) {
        char *f[4] = {0};
        char *save, *l = strdup(lines[i]);
        f[0] = strtok_r(l, "\t", &save);
        f[1] = strtok_r(NULL, "\t", &save);
        if (!f[0] || !f[1] || strchr(f[0], '.')) { free(l); continue; }
        char *dash = strchr(f[0], '-');
        long start = find_form(text, len, &pos, f[1]);
        if (start < 0) { free(l); continue; }
        if (dash) {
            int a = atoi(f[0]), b = atoi(dash + 1);
            size_t nw = (size_t)(b - a + 1);
            /* do the words spell the surface? */
            dyad_buf cat = {0};
            char *words[16];
            size_t nwords = 0;
            for (size_t k = 1; k <= nw && i + k < nlines && nwords < 16; k++) {
                char *w = strdup(lines[i + k]);
                char *s2;
                strtok_r(w, "\t", &s2);
                char *form = strtok_r(NULL, "\t", &s2);
                words[nwords++] = strdup(form ? form : "");
                dyad_buf_puts(&cat, form ? form : "");
                free(w);
            }
            if (cat.data && strcmp(cat.data, f[1]) == 0) {
                size_t p = (size_t)start;
                for (size_t k = 0; k < nwords; k++) {
                    add_span(&gold, p, p + strlen(words[k]));
                    p += strlen(words[k]);
                }
            } else {
                add_span(&gold, (size_t)start, (size_t)start + strlen(f[1]));
            }
            for (size_t k = 0; k < nwords; k++) free(words[k]);
            dyad_buf_free(&cat);
            i += nw;
        } else {
            add_span(&gold, (size_t)start, (size_t)start + strlen(f[1]));
        }
        free(l);
    }
    dyad_doc *d = dyad_doc_new("s", NULL, NULL, text, len);
    assert_int_equal(dyad_segment(d), 0);
    size_t g = 0;
    for (size_t i = 0; i < d->ntokens; i++) {
        uint64_t s = ((uint64_t)d->tokens[i].start << 32) | d->tokens[i].end;
        while (g < gold.len && gold.items[g] < s) g++;
        if (g < gold.len && gold.items[g] == s) sc->match++;
        else if (getenv("DYAD_SHOW_MISSES"))
            fprintf(stderr, "miss: %s  [%.*s]\n", text, (int)(d->tokens[i].end - d->tokens[i].start),
                    text + d->tokens[i].start);
    }
    sc->sys += d->ntokens;
    sc->gold += gold.len;
    dyad_doc_free(d);
    DYAD_VEC_FREE(gold);
}

static void ewt_token_f1(void **state) {
    char path[1024];
    SKIP_WITHOUT_SHARED("treebanks/en_ewt-ud-test.conllu", path);
    size_t len;
    dyad_error err;
    char *all = dyad_read_file(path, &len, &err);
    assert_non_null(all);
    score sc = {0};
    char *text = NULL;
    DYAD_VEC(char *) lines = {0};
    char *save, *line = strtok_r(all, "\n", &save);
    for (; line; line = strtok_r(NULL, "\n", &save)) {
        if (!strncmp(line, "# text = ", 9)) {
            if (text) score_sentence(text, lines.items, lines.len, &sc);
            text = line + 9;
            lines.len = 0;
        } else if (line[0] != '#' && line[0]) {
            assert_int_equal(DYAD_VEC_PUSH(lines, line), 0);
        }
    }
    if (text) score_sentence(text, lines.items, lines.len, &sc);
    DYAD_VEC_FREE(lines);
    free(all);
    double p = sc.sys ? (double)sc.match / sc.sys : 0, r = sc.gold ? (double)sc.match / sc.gold : 0;
    double f1 = p + r > 0 ? 2 * p * r / (p + r) : 0;
    print_message("EWT test token F1 = %.4f (P %.4f R %.4f; %zu gold, %zu system)\n",
                  f1, p, r, sc.gold, sc.sys);
    assert_true(f1 >= 0.99);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(clitics),
        cmocka_unit_test(abbreviations_numbers),
        cmocka_unit_test(urls_hyphens_quotes),
        cmocka_unit_test(offsets_and_space_after),
        cmocka_unit_test(empty_and_space_only),
        cmocka_unit_test(ewt_token_f1),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
