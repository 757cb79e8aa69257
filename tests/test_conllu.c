/* test_conllu.c -- CoNLL-U reading (text, offsets, multiword tokens, gold
 * columns, errors) and writing. */
#include "testutil.h"
#include "syntax.h"

static const char two_sents[] =
    "# sent_id = a-1\n"
    "# text = Petro didn't meet them.\n"
    "1\tPetro\tPetro\tPROPN\tNNP\tNumber=Sing\t4\tnsubj\t_\t_\n"
    "2-3\tdidn't\t_\t_\t_\t_\t_\t_\t_\t_\n"
    "2\tdid\tdo\tAUX\tVBD\tMood=Ind|Tense=Past|VerbForm=Fin\t4\taux\t_\t_\n"
    "3\tn't\tnot\tPART\tRB\tPolarity=Neg\t4\tadvmod\t_\t_\n"
    "4\tmeet\tmeet\tVERB\tVB\tVerbForm=Inf\t0\troot\t_\t_\n"
    "5\tthem\tthey\tPRON\tPRP\tCase=Acc|Number=Plur|Person=3\t4\tobj\t_\tSpaceAfter=No\n"
    "6\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_\n"
    "\n"
    "1\tTalks\ttalk\tNOUN\tNNS\tNumber=Plur\t2\tnsubj:pass\t_\t_\n"
    "2\tended\tend\tVERB\tVBD\tTense=Past|VerbForm=Fin\t0\troot\t_\tSpaceAfter=No\n"
    "3\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n";

static void reads_text_offsets_and_gold(void **state) {
    dyad_error err = {0};
    dyad_doc *d = dyad_conllu_read(two_sents, strlen(two_sents), "a", &err);
    assert_non_null(d);
    assert_string_equal(d->text, "Petro didn't meet them. Talks ended.");
    assert_int_equal(d->nsentences, 2);
    assert_int_equal(d->ntokens, 9);
    const dyad_sentence *s1 = &d->sentences[1];
    assert_int_equal(s1->first, 6);
    assert_int_equal(s1->ntokens, 3);
    assert_int_equal(s1->start, 24);
    assert_int_equal(s1->end, strlen(d->text));
    for (size_t i = 0; i < d->ntokens; i++) {
        const dyad_token *t = &d->tokens[i];
        assert_int_equal(t->end - t->start, strlen(t->form));
        assert_memory_equal(d->text + t->start, t->form, strlen(t->form));
    }
    const dyad_token *did = &d->tokens[1], *nt = &d->tokens[2];
    assert_false(did->space_after);
    assert_true(nt->space_after);
    assert_string_equal(nt->lemma, "not");
    assert_true(nt->feats & DYAD_F_POLARITY_NEG);
    assert_int_equal(did->upos, DYAD_AUX);
    assert_string_equal(did->xpos, "VBD");
    assert_true(did->feats & DYAD_F_TENSE_PAST);
    assert_int_equal(d->tokens[3].head, -1);
    assert_string_equal(d->tokens[3].deprel, "root");
    assert_int_equal(d->tokens[0].head, 3);
    assert_string_equal(d->tokens[6].deprel, "nsubj:pass");
    assert_int_equal(d->tokens[7].head, -1);
    assert_int_equal(d->tokens[8].head, 1);
    dyad_doc_free(d);
}

static void round_trips_through_write(void **state) {
    dyad_error err = {0};
    dyad_doc *d = dyad_conllu_read(two_sents, strlen(two_sents), "a", &err);
    assert_non_null(d);
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    assert_int_equal(dyad_conllu_write(d, f), 0);
    fclose(f);
    assert_non_null(strstr(buf, "# text = Petro didn't meet them.\n"));
    assert_non_null(strstr(buf, "5\tthem\tthey\tPRON\tPRP\tNumber=Plur|Person=3\t4\tobj\t_\tSpaceAfter=No\n"));
    dyad_doc *d2 = dyad_conllu_read(buf, len, "b", &err);
    assert_non_null(d2);
    assert_string_equal(d2->text, d->text);
    assert_int_equal(d2->ntokens, d->ntokens);
    for (size_t i = 0; i < d->ntokens; i++) {
        assert_int_equal(d2->tokens[i].head, d->tokens[i].head);
        assert_string_equal(d2->tokens[i].deprel, d->tokens[i].deprel);
        assert_int_equal(d2->tokens[i].upos, d->tokens[i].upos);
    }
    free(buf);
    dyad_doc_free(d);
    dyad_doc_free(d2);
}

static void bad_input_names_line(void **state) {
    dyad_error err = {0};
    const char *bad = "1\tA\ta\tDET\tDT\t_\t0\troot\t_\t_\n3\tB\n";
    assert_null(dyad_conllu_read(bad, strlen(bad), "x.conllu", &err));
    assert_int_equal(err.line, 2);
    assert_string_equal(err.file, "x.conllu");
    const char *seq = "1\tA\ta\tDET\tDT\t_\t0\troot\t_\t_\n3\tB\tb\tX\tX\t_\t1\tdep\t_\t_\n";
    assert_null(dyad_conllu_read(seq, strlen(seq), "y", &err));
    assert_int_equal(err.line, 2);
    const char *head = "1\tA\ta\tDET\tDT\t_\t7\troot\t_\t_\n";
    assert_null(dyad_conllu_read(head, strlen(head), "z", &err));
    const char *utf = "1\t\xff\ta\tDET\tDT\t_\t0\troot\t_\t_\n";
    assert_null(dyad_conllu_read(utf, strlen(utf), "u", &err));
    assert_int_equal(err.byte, 2);
    dyad_doc *empty = dyad_conllu_read("", 0, "e", &err);
    assert_non_null(empty);
    assert_int_equal(empty->ntokens, 0);
    dyad_doc_free(empty);
}

static void feats_and_upos_names(void **state) {
    char buf[128];
    uint32_t f = dyad_feats_from_string("Mood=Ind|Number=Sing|Person=3|Tense=Pres|VerbForm=Fin",
                                        strlen("Mood=Ind|Number=Sing|Person=3|Tense=Pres|VerbForm=Fin"));
    assert_int_equal(f, DYAD_F_NUM_SING | DYAD_F_PERSON_3 | DYAD_F_TENSE_PRES | DYAD_F_VF_FIN);
    assert_string_equal(dyad_feats_to_string(f, buf, sizeof buf),
                        "Number=Sing|Person=3|Tense=Pres|VerbForm=Fin");
    assert_string_equal(dyad_feats_to_string(0, buf, sizeof buf), "_");
    assert_int_equal(dyad_upos_from_name("PROPN"), DYAD_PROPN);
    assert_string_equal(dyad_upos_name(DYAD_VERB), "VERB");
    assert_int_equal(dyad_upos_from_name("BOGUS"), 0);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(reads_text_offsets_and_gold),
        cmocka_unit_test(round_trips_through_write),
        cmocka_unit_test(bad_input_names_line),
        cmocka_unit_test(feats_and_upos_names),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
