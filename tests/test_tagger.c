/* test_tagger.c -- tags, lemmas (irregular verbs) and features on sentences
 * written for this test, with the committed model; and a model file that
 * is missing or corrupt gives an error, not a crash. */
#include "syntax_fixture.h"
#include "syntax.h"

static void tags_and_irregular_lemmas(void **state) {
    dyad_ctx *ctx = model_ctx();
    assert_non_null(ctx);
    dyad_doc *d = words_doc("The rebels fled the town after soldiers struck their camp .");
    assert_non_null(d);
    assert_int_equal(dyad_tag(ctx, d), 0);
    const dyad_token *t = d->tokens;
    int fled = tok_index(d, "fled"), struck = tok_index(d, "struck");
    assert_string_equal(t[fled].lemma, "flee");
    assert_string_equal(t[struck].lemma, "strike");
    assert_int_equal(t[fled].upos, DYAD_VERB);
    assert_string_equal(t[fled].xpos, "VBD");
    assert_true(t[fled].feats & DYAD_F_TENSE_PAST);
    int rebels = tok_index(d, "rebels");
    assert_int_equal(t[rebels].upos, DYAD_NOUN);
    assert_string_equal(t[rebels].lemma, "rebel");
    assert_true(t[rebels].feats & DYAD_F_NUM_PLUR);
    assert_int_equal(t[0].upos, DYAD_DET);
    assert_int_equal(t[d->ntokens - 1].upos, DYAD_PUNCT);
    dyad_doc_free(d);

    d = words_doc("Envoys met in Geneva and sought a truce , but the talks were n't held .");
    assert_int_equal(dyad_tag(ctx, d), 0);
    t = d->tokens;
    assert_string_equal(t[tok_index(d, "met")].lemma, "meet");
    assert_string_equal(t[tok_index(d, "sought")].lemma, "seek");
    assert_string_equal(t[tok_index(d, "were")].lemma, "be");
    assert_string_equal(t[tok_index(d, "held")].lemma, "hold");
    assert_string_equal(t[tok_index(d, "talks")].lemma, "talk");
    assert_int_equal(t[tok_index(d, "Geneva")].upos, DYAD_PROPN);
    assert_string_equal(t[tok_index(d, "Geneva")].lemma, "Geneva");
    assert_true(t[tok_index(d, "n't")].feats & DYAD_F_POLARITY_NEG);
    dyad_doc_free(d);
    dyad_close(ctx);
}

static void unseen_words_get_suffix_lemmas(void **state) {
    dyad_ctx *ctx = model_ctx();
    dyad_doc *d = words_doc("The zorbulators were blickering the frondles .");
    assert_int_equal(dyad_tag(ctx, d), 0);
    const dyad_token *t = d->tokens;
    assert_string_equal(t[1].lemma, "zorbulator");
    assert_string_equal(t[3].lemma, "blicker");
    assert_string_equal(t[5].lemma, "frondle");
    assert_int_equal(t[3].upos, DYAD_VERB);
    dyad_doc_free(d);
    dyad_close(ctx);
}

/* Prepositions news uses and the treebanks hardly do are tagged IN/ADP,
 * capitalised too. */
static void rare_prepositions_are_adp(void **state) {
    dyad_ctx *ctx = model_ctx();
    static const char *const sents[][2] = {
        {"Protests continued amid the crisis .", "amid"},
        {"Amid the fighting , aid arrived .", "Amid"},
        {"Aid arrived via Jordan .", "via"},
        {"Talks resumed despite the attack .", "despite"},
        {"Unlike Russia , China abstained .", "Unlike"},
        {"Troops gathered amidst the ruins .", "amidst"},
        {"It was Brazil versus Argentina .", "versus"},
        {"Snipers stood atop the roof .", "atop"},
    };
    for (size_t i = 0; i < DYAD_ARRAY_LEN(sents); i++) {
        dyad_doc *d = words_doc(sents[i][0]);
        assert_int_equal(dyad_tag(ctx, d), 0);
        const dyad_token *t = &d->tokens[tok_index(d, sents[i][1])];
        if (t->upos != DYAD_ADP) print_message("%s: %s\n", sents[i][1], t->xpos);
        assert_int_equal(t->upos, DYAD_ADP);
        assert_string_equal(t->xpos, "IN");
        dyad_doc_free(d);
    }
    dyad_close(ctx);
}

static void bad_model_is_an_error(void **state) {
    dyad_options opt = {0};
    opt.model_path = "/nonexistent/dyad.model";
    dyad_error err = {0};
    dyad_ctx *ctx = dyad_open(&opt, &err);
    assert_non_null(ctx);
    dyad_doc *d = words_doc("Talks resumed .");
    assert_int_equal(dyad_tag(ctx, d), -1);
    assert_int_equal(dyad_parse(ctx, d), -1);
    dyad_close(ctx);
    char path[128];
    const char junk[] = "DYADMDL1\x01\0\0\0\xff\xff\0\0garbage";
    write_temp(".model", junk, sizeof junk, path, sizeof path);
    opt.model_path = path;
    ctx = dyad_open(&opt, &err);
    assert_int_equal(dyad_tag(ctx, d), -1);
    dyad_close(ctx);
    unlink(path);
    dyad_doc_free(d);
}

static void empty_and_long_inputs(void **state) {
    dyad_ctx *ctx = model_ctx();
    dyad_doc *d = words_doc("");
    assert_int_equal(dyad_parse(ctx, d), 0);
    dyad_doc_free(d);
    /* a sentence longer than the parser's window: every word gets a head */
    dyad_buf b = {0};
    for (int i = 0; i < SYN_MAX_SENT + 40; i++) dyad_buf_puts(&b, i % 7 == 6 ? ", " : "word ");
    d = words_doc(b.data);
    dyad_buf_free(&b);
    assert_int_equal(dyad_parse(ctx, d), 0);
    int roots = 0;
    for (size_t i = 0; i < d->ntokens; i++) {
        assert_non_null(d->tokens[i].deprel);
        assert_true(d->tokens[i].head < (int)d->ntokens);
        roots += d->tokens[i].head < 0;
    }
    assert_int_equal(roots, 1);
    dyad_doc_free(d);
    dyad_close(ctx);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(tags_and_irregular_lemmas),
        cmocka_unit_test(unseen_words_get_suffix_lemmas),
        cmocka_unit_test(rare_prepositions_are_adp),
        cmocka_unit_test(bad_model_is_an_error),
        cmocka_unit_test(empty_and_long_inputs),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
