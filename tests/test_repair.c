/* test_repair.c -- the tree repairs made before coding (src/events/repair.c):
 * each misparse is written by hand, repaired, and the new heads and
 * relations checked; configurations that are correct parses stay as they
 * are. */
#include "coder_fixture.h"

static dyad_doc *tree(const char *spec) {
    dyad_doc *d = fix_doc(spec, "2026-03-04");
    assert_non_null(d);
    return d;
}

static int head(const dyad_doc *d, int i) { return d->tokens[i].head; }
static const char *rel(const dyad_doc *d, int i) { return d->tokens[i].deprel; }

static void date_object_becomes_tmod(void **state) {
    /* Chile rejected Monday the plan . -> "Monday" misparsed as obj with
     * the real object as its appos */
    dyad_doc *d = tree("Chile/Chile/PROPN/2/nsubj rejected/reject/VERB/0/root "
                       "Monday/Monday/PROPN/2/obj the/the/DET/5/det plan/plan/NOUN/3/appos "
                       "././PUNCT/2/punct");
    assert_int_equal(ev_repair_sentence(d, 0), 1);
    assert_string_equal(rel(d, 2), "obl:tmod");
    assert_int_equal(head(d, 2), 1);
    assert_string_equal(rel(d, 4), "obj");
    assert_int_equal(head(d, 4), 1);
    assert_int_equal(head(d, 3), 4);
    dyad_doc_free(d);
}

static void date_iobj_before_clause(void **state) {
    /* Chile declared Tuesday that Peru must pay . */
    dyad_doc *d = tree("Chile/Chile/PROPN/2/nsubj declared/declare/VERB/0/root "
                       "Tuesday/Tuesday/PROPN/2/iobj that/that/SCONJ/7/mark Peru/Peru/PROPN/7/nsubj "
                       "must/must/AUX/7/aux pay/pay/VERB/2/ccomp ././PUNCT/2/punct");
    assert_int_equal(ev_repair_sentence(d, 0), 1);
    assert_string_equal(rel(d, 2), "obl:tmod");
    dyad_doc_free(d);
}

static void date_heading_the_object_phrase(void **state) {
    /* Chile issued a firm warning Sunday to Peru . -> "warning" takes the
     * obj slot and the article */
    dyad_doc *d = tree("Chile/Chile/PROPN/2/nsubj issued/issue/VERB/0/root a/a/DET/6/det "
                       "firm/firm/ADJ/5/amod warning/warning/NOUN/6/compound "
                       "Sunday/Sunday/PROPN/2/obj to/to/ADP/8/case Peru/Peru/PROPN/2/obl "
                       "././PUNCT/2/punct");
    assert_int_equal(ev_repair_sentence(d, 0), 1);
    assert_string_equal(rel(d, 4), "obj");
    assert_int_equal(head(d, 4), 1);
    assert_int_equal(head(d, 2), 4);
    assert_string_equal(rel(d, 5), "obl:tmod");
    dyad_doc_free(d);
}

static void place_appos_of_date_not_an_object(void **state) {
    /* Chile shelled Monday near Tacna , Peru . -- "Peru" closes the place */
    dyad_doc *d = tree("Chile/Chile/PROPN/2/nsubj shelled/shell/VERB/0/root "
                       "Monday/Monday/PROPN/2/obj near/near/ADP/5/case Tacna/Tacna/PROPN/3/nmod "
                       ",/,/PUNCT/7/punct Peru/Peru/PROPN/3/appos ././PUNCT/2/punct");
    assert_int_equal(ev_repair_sentence(d, 0), 1);
    assert_string_equal(rel(d, 2), "obl:tmod");
    assert_string_equal(rel(d, 6), "appos");
    assert_int_equal(head(d, 6), 2);
    dyad_doc_free(d);
}

static void real_objects_untouched(void **state) {
    /* Chile attacked Peru on Monday . -- nothing to repair */
    dyad_doc *d = tree("Chile/Chile/PROPN/2/nsubj attacked/attack/VERB/0/root "
                       "Peru/Peru/PROPN/2/obj on/on/ADP/5/case Monday/Monday/PROPN/2/obl "
                       "././PUNCT/2/punct");
    assert_int_equal(ev_repair_sentence(d, 0), 0);
    assert_string_equal(rel(d, 2), "obj");
    assert_string_equal(rel(d, 4), "obl");
    dyad_doc_free(d);
}

static void repaired_object_is_coded(void **state) {
    /* Colombia attacked Friday the Peru border post . */
    dyad_doc *d = tree("Colombia/Colombia/PROPN/2/nsubj attacked/attack/VERB/0/root "
                       "Friday/Friday/PROPN/2/obj the/the/DET/5/det Peru/Peru/PROPN/3/appos "
                       "././PUNCT/2/punct");
    fix_mention(d, 0, 0, "COL");
    fix_mention(d, 0, 4, "PER");
    ev_lexicon *lx = fix_lexicon();
    assert_int_equal(ev_code_doc(lx, d, NULL), 0);
    ev_lexicon_free(lx);
    assert_int_equal(d->nevents, 1);
    assert_string_equal(d->events[0].cameo, "190");
    assert_int_equal(d->events[0].target, 1);
    dyad_doc_free(d);
}

static void statement_participle_becomes_advcl(void **state) {
    /* The union issued a statement demanding that Chile resign . */
    dyad_doc *d = tree("The/the/DET/2/det union/union/NOUN/3/nsubj issued/issue/VERB/0/root "
                       "a/a/DET/5/det statement/statement/NOUN/3/obj "
                       "demanding/demand/VERB/5/acl that/that/SCONJ/9/mark "
                       "Chile/Chile/PROPN/9/nsubj resign/resign/VERB/6/ccomp ././PUNCT/3/punct");
    d->tokens[5].xpos = "VBG";
    assert_int_equal(ev_repair_sentence(d, 0), 1);
    assert_int_equal(head(d, 5), 2);
    assert_string_equal(rel(d, 5), "advcl");
    dyad_doc_free(d);
}

static void adjectival_participle(void **state) {
    /* Chile met visiting minister Ruiz . */
    dyad_doc *d = tree("Chile/Chile/PROPN/2/nsubj met/meet/VERB/0/root "
                       "visiting/visit/VERB/2/xcomp minister/minister/NOUN/5/compound "
                       "Ruiz/Ruiz/PROPN/3/obj ././PUNCT/2/punct");
    assert_int_equal(ev_repair_sentence(d, 0), 1);
    assert_int_equal(head(d, 4), 1);
    assert_string_equal(rel(d, 4), "obj");
    assert_int_equal(head(d, 2), 4);
    assert_string_equal(rel(d, 2), "amod");
    dyad_doc_free(d);
}

static void up_to_a_number(void **state) {
    /* Peru admitted up to 300 migrants . */
    dyad_doc *d = tree("Peru/Peru/PROPN/2/nsubj admitted/admit/VERB/0/root "
                       "up/up/ADP/2/compound:prt to/to/ADP/6/case 300/300/NUM/6/nummod "
                       "migrants/migrant/NOUN/2/obl ././PUNCT/2/punct");
    assert_int_equal(ev_repair_sentence(d, 0), 1);
    assert_string_equal(rel(d, 5), "obj");
    assert_int_equal(head(d, 2), 4);
    assert_string_equal(rel(d, 3), "fixed");
    dyad_doc_free(d);
}

static void up_to_a_bare_number_untouched(void **state) {
    /* Prices went up to 300 . -- no noun: nothing to repair */
    dyad_doc *d = tree("Prices/price/NOUN/2/nsubj went/go/VERB/0/root up/up/ADP/2/compound:prt "
                       "to/to/ADP/5/case 300/300/NUM/2/obl ././PUNCT/2/punct");
    assert_int_equal(ev_repair_sentence(d, 0), 0);
    dyad_doc_free(d);
}

static void stranded_infinitive(void **state) {
    /* Chile urged states that signed the pact to respect it . */
    dyad_doc *d = tree("Chile/Chile/PROPN/2/nsubj urged/urge/VERB/0/root "
                       "states/state/NOUN/2/obj that/that/PRON/5/nsubj signed/sign/VERB/3/acl:relcl "
                       "the/the/DET/7/det pact/pact/NOUN/5/obj to/to/PART/9/mark "
                       "respect/respect/VERB/5/advcl it/it/PRON/9/obj ././PUNCT/2/punct");
    assert_int_equal(ev_repair_sentence(d, 0), 1);
    assert_int_equal(head(d, 8), 1);
    assert_string_equal(rel(d, 8), "xcomp");
    dyad_doc_free(d);
}

static void compound_head_read_as_verb(void **state) {
    /* Peru rejected a Chile proposal for talks . -> "proposal" tagged VBP */
    dyad_doc *d = tree("Peru/Peru/PROPN/2/nsubj rejected/reject/VERB/0/root a/a/DET/4/det "
                       "Chile/Chile/PROPN/5/nsubj proposal/propose/VERB/2/parataxis "
                       "for/for/ADP/7/case talks/talk/NOUN/5/obl ././PUNCT/2/punct");
    d->tokens[4].xpos = "VBP";
    assert_int_equal(ev_repair_sentence(d, 0), 1);
    assert_int_equal(head(d, 4), 1);
    assert_string_equal(rel(d, 4), "obj");
    assert_int_equal(d->tokens[4].upos, DYAD_NOUN);
    assert_string_equal(rel(d, 3), "compound");
    assert_int_equal(head(d, 2), 4);
    dyad_doc_free(d);
}

static void plural_subject_verb_untouched(void **state) {
    /* Peru said the talks continue . -- a correct present-tense verb */
    dyad_doc *d = tree("Peru/Peru/PROPN/2/nsubj said/say/VERB/0/root the/the/DET/4/det "
                       "talks/talk/NOUN/5/nsubj continue/continue/VERB/2/ccomp ././PUNCT/2/punct");
    d->tokens[4].xpos = "VBP";
    assert_int_equal(ev_repair_sentence(d, 0), 0);
    assert_string_equal(rel(d, 4), "ccomp");
    dyad_doc_free(d);
}

static void counted_people(void **state) {
    /* Tens of thousands of farmers marched . */
    dyad_doc *d = tree("Tens/ten/NOUN/6/nsubj of/of/ADP/3/case thousands/thousand/NOUN/1/nmod "
                       "of/of/ADP/5/case farmers/farmer/NOUN/3/nmod marched/march/VERB/0/root "
                       "././PUNCT/6/punct");
    assert_int_equal(ev_repair_sentence(d, 0), 1);
    assert_int_equal(head(d, 4), 0);
    assert_string_equal(rel(d, 4), "nmod");
    assert_int_equal(head(d, 2), 0);
    dyad_doc_free(d);
}

static void swallowed_main_verb(void **state) {
    /* Rebel units using mortars shelled the town . */
    dyad_doc *d = tree("Rebel/rebel/NOUN/2/compound units/unit/NOUN/0/root using/use/VERB/2/acl "
                       "mortars/mortar/NOUN/3/obj shelled/shell/VERB/4/acl the/the/DET/7/det "
                       "town/town/NOUN/5/obj ././PUNCT/2/punct");
    d->tokens[4].xpos = "VBD";
    assert_int_equal(ev_repair_sentence(d, 0), 1);
    assert_int_equal(head(d, 4), -1);
    assert_string_equal(rel(d, 4), "root");
    assert_int_equal(head(d, 1), 4);
    assert_string_equal(rel(d, 1), "nsubj");
    assert_int_equal(head(d, 7), 4);
    dyad_doc_free(d);
}

static void reduced_relative_untouched(void **state) {
    /* Soldiers killed in the raid . -- a participle heading a noun phrase */
    dyad_doc *d = tree("Soldiers/soldier/NOUN/0/root killed/kill/VERB/1/acl in/in/ADP/5/case "
                       "the/the/DET/5/det raid/raid/NOUN/2/obl ././PUNCT/1/punct");
    d->tokens[1].xpos = "VBN";
    assert_int_equal(ev_repair_sentence(d, 0), 0);
    assert_int_equal(head(d, 0), -1);
    dyad_doc_free(d);
}

static void date_as_predicate_untouched(void **state) {
    /* Chile declared Monday as a holiday . -- the date is the object */
    dyad_doc *d = tree("Chile/Chile/PROPN/2/nsubj declared/declare/VERB/0/root "
                       "Monday/Monday/PROPN/2/obj as/as/ADP/6/case a/a/DET/6/det "
                       "holiday/holiday/NOUN/2/obl ././PUNCT/2/punct");
    assert_int_equal(ev_repair_sentence(d, 0), 0);
    assert_string_equal(rel(d, 2), "obj");
    dyad_doc_free(d);
}

static void as_phrase_with_common_possessor_untouched(void **state) {
    /* Peru described as the rebel group 's main body the council . is not
     * touched: "the rebel group 's main body" is one phrase */
    dyad_doc *d = tree("Peru/Peru/PROPN/2/nsubj described/describe/VERB/0/root as/as/ADP/9/case "
                       "the/the/DET/5/det rebel/rebel/NOUN/5/compound group/group/NOUN/9/nmod:poss "
                       "'s/'s/PART/5/case main/main/ADJ/9/amod body/body/NOUN/2/obl "
                       "././PUNCT/2/punct");
    assert_int_equal(ev_repair_sentence(d, 0), 0);
    assert_string_equal(rel(d, 8), "obl");
    dyad_doc_free(d);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(date_object_becomes_tmod),
        cmocka_unit_test(date_iobj_before_clause),
        cmocka_unit_test(date_heading_the_object_phrase),
        cmocka_unit_test(place_appos_of_date_not_an_object),
        cmocka_unit_test(real_objects_untouched),
        cmocka_unit_test(repaired_object_is_coded),
        cmocka_unit_test(statement_participle_becomes_advcl),
        cmocka_unit_test(adjectival_participle),
        cmocka_unit_test(up_to_a_number),
        cmocka_unit_test(up_to_a_bare_number_untouched),
        cmocka_unit_test(stranded_infinitive),
        cmocka_unit_test(compound_head_read_as_verb),
        cmocka_unit_test(plural_subject_verb_untouched),
        cmocka_unit_test(counted_people),
        cmocka_unit_test(swallowed_main_verb),
        cmocka_unit_test(reduced_relative_untouched),
        cmocka_unit_test(date_as_predicate_untouched),
        cmocka_unit_test(as_phrase_with_common_possessor_untouched),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
