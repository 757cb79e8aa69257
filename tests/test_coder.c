/* test_coder.c -- the event coder on gold dependency trees: frames, passive,
 * modality, refusal, negation, coordination, reciprocity, possessors,
 * nominal events, conditionals, dedup and the rule/field contents. */
#include "coder_fixture.h"

/* Codes spec with the fixture lexicon; returns the doc (caller frees). */
static dyad_doc *code(const char *spec) {
    dyad_doc *d = fix_doc(spec, "2026-03-04");
    assert_non_null(d);
    fix_auto_mentions(d);
    ev_lexicon *lx = fix_lexicon();
    assert_int_equal(ev_code_doc(lx, d, NULL), 0);
    ev_lexicon_free(lx);
    return d;
}

static const char *src_code(const dyad_doc *d, size_t i) {
    return d->events[i].source >= 0 ? d->mentions[d->events[i].source].code : "-";
}
static const char *tgt_code(const dyad_doc *d, size_t i) {
    return d->events[i].target >= 0 ? d->mentions[d->events[i].target].code : "-";
}

static void active_frame(void **state) {
    dyad_doc *d = code("Colombia/Colombia/PROPN/2/nsubj attacked/attack/VERB/0/root "
                       "Peru/Peru/PROPN/2/obj ././PUNCT/2/punct");
    assert_int_equal(d->nevents, 1);
    assert_string_equal(d->events[0].cameo, "190");
    assert_string_equal(d->events[0].root, "19");
    assert_int_equal(d->events[0].quad, 4);
    assert_string_equal(src_code(d, 0), "COL");
    assert_string_equal(tgt_code(d, 0), "PER");
    assert_string_equal(d->events[0].trigger, "attacked");
    assert_string_equal(d->events[0].rule, "fix.txt:22");
    assert_string_equal(d->events[0].event_date, "2026-03-04");
    assert_false(d->events[0].negated);
    dyad_doc_free(d);
}

static void passive_by_agent(void **state) {
    dyad_doc *d = code("Peru/Peru/PROPN/3/nsubj:pass was/be/AUX/3/aux:pass "
                       "attacked/attack/VERB/0/root by/by/ADP/5/case "
                       "Colombia/Colombia/PROPN/3/obl:agent ././PUNCT/3/punct");
    assert_int_equal(d->nevents, 1);
    assert_string_equal(src_code(d, 0), "COL");
    assert_string_equal(tgt_code(d, 0), "PER");
    dyad_doc_free(d);
}

static void intent_set_to_meet(void **state) {
    /* Colombia is set to meet Peru on Friday . (doc date Wed 2026-03-04) */
    dyad_doc *d = code("Colombia/Colombia/PROPN/3/nsubj is/be/AUX/3/aux:pass set/set/VERB/0/root "
                       "to/to/PART/5/mark meet/meet/VERB/3/xcomp Peru/Peru/PROPN/5/obj "
                       "on/on/ADP/8/case Friday/Friday/PROPN/5/obl ././PUNCT/3/punct");
    /* Friday is a PROPN: give it no mention by removing: fixture codes it FRI;
     * events must not use it as an actor */
    assert_true(d->nevents >= 1);
    int found = 0;
    for (size_t i = 0; i < d->nevents; i++) {
        if (strcmp(d->events[i].cameo, "036") != 0) continue;
        if (strcmp(src_code(d, i), "COL") == 0 && strcmp(tgt_code(d, i), "PER") == 0) {
            found = 1;
            assert_string_equal(d->events[i].event_date, "2026-03-06");
        }
    }
    assert_true(found);
    dyad_doc_free(d);
}

static void refused_to_meet(void **state) {
    dyad_doc *d = code("Colombia/Colombia/PROPN/2/nsubj refused/refuse/VERB/0/root "
                       "to/to/PART/4/mark meet/meet/VERB/2/xcomp Peru/Peru/PROPN/4/obj "
                       "././PUNCT/2/punct");
    assert_int_equal(d->nevents, 1);
    assert_string_equal(d->events[0].cameo, "125");
    assert_true(d->events[0].negated);
    assert_string_equal(src_code(d, 0), "COL");
    assert_string_equal(tgt_code(d, 0), "PER");
    dyad_doc_free(d);
}

static void negation_not_coded(void **state) {
    dyad_doc *d = code("Colombia/Colombia/PROPN/4/nsubj did/do/AUX/4/aux not/not/PART/4/advmod "
                       "attack/attack/VERB/0/root Peru/Peru/PROPN/4/obj ././PUNCT/4/punct");
    assert_int_equal(d->nevents, 0);
    dyad_doc_free(d);
}

static void conditional_and_question(void **state) {
    dyad_doc *d = code("If/if/SCONJ/3/mark Colombia/Colombia/PROPN/3/nsubj attacks/attack/VERB/6/advcl "
                       "Peru/Peru/PROPN/3/obj ,/,/PUNCT/6/punct war/war/NOUN/0/root ././PUNCT/6/punct");
    assert_int_equal(d->nevents, 0);
    dyad_doc_free(d);
    d = code("Did/do/AUX/3/aux Colombia/Colombia/PROPN/3/nsubj attack/attack/VERB/0/root "
             "Peru/Peru/PROPN/3/obj ?/?/PUNCT/3/punct");
    assert_int_equal(d->nevents, 0);
    dyad_doc_free(d);
}

static void coordinated_subjects_recip(void **state) {
    dyad_doc *d = code("Colombia/Colombia/PROPN/4/nsubj and/and/CCONJ/3/cc Peru/Peru/PROPN/1/conj "
                       "met/meet/VERB/0/root ././PUNCT/4/punct");
    assert_int_equal(d->nevents, 2);
    assert_string_equal(d->events[0].cameo, "040");
    assert_string_not_equal(src_code(d, 0), src_code(d, 1));
    assert_string_equal(src_code(d, 0), tgt_code(d, 1));
    dyad_doc_free(d);
}

static void coordinated_targets_and_shared_subject(void **state) {
    /* Colombia met Peru and attacked Chile and Brazil . */
    dyad_doc *d = code("Colombia/Colombia/PROPN/2/nsubj met/meet/VERB/0/root Peru/Peru/PROPN/2/obj "
                       "and/and/CCONJ/5/cc attacked/attack/VERB/2/conj Chile/Chile/PROPN/5/obj "
                       "and/and/CCONJ/8/cc Brazil/Brazil/PROPN/6/conj ././PUNCT/2/punct");
    int meet = 0, att = 0;
    for (size_t i = 0; i < d->nevents; i++) {
        if (strcmp(d->events[i].cameo, "040") == 0) meet++;
        if (strcmp(d->events[i].cameo, "190") == 0) {
            att++;
            assert_string_equal(src_code(d, i), "COL");
        }
    }
    assert_int_equal(meet, 2);      /* COL->PER and PER->COL */
    assert_int_equal(att, 2);       /* COL->CHI, COL->BRA */
    dyad_doc_free(d);
}

static void possessor_of_object(void **state) {
    dyad_doc *d = code("Colombia/Colombia/PROPN/2/nsubj revoked/revoke/VERB/0/root "
                       "Peru/Peru/PROPN/5/nmod:poss 's/'s/PART/3/case visa/visa/NOUN/2/obj "
                       "././PUNCT/2/punct");
    assert_int_equal(d->nevents, 1);
    assert_string_equal(d->events[0].cameo, "166");
    assert_string_equal(tgt_code(d, 0), "PER");
    dyad_doc_free(d);
}

static void specific_pattern_wins(void **state) {
    /* Colombia imposed sanctions on Peru . */
    dyad_doc *d = code("Colombia/Colombia/PROPN/2/nsubj imposed/impose/VERB/0/root "
                       "sanctions/sanction/NOUN/2/obj on/on/ADP/5/case Peru/Peru/PROPN/2/obl "
                       "././PUNCT/2/punct");
    assert_int_equal(d->nevents, 1);
    assert_string_equal(d->events[0].cameo, "163");
    assert_string_equal(tgt_code(d, 0), "PER");
    dyad_doc_free(d);
}

static void nominal_events(void **state) {
    /* Colombia 's visit to Peru ended . */
    dyad_doc *d = code("Colombia/Colombia/PROPN/3/nmod:poss 's/'s/PART/1/case visit/visit/NOUN/6/nsubj "
                       "to/to/ADP/5/case Peru/Peru/PROPN/3/nmod ended/end/VERB/0/root ././PUNCT/6/punct");
    assert_int_equal(d->nevents, 1);
    assert_string_equal(d->events[0].cameo, "042");
    assert_string_equal(src_code(d, 0), "COL");
    assert_string_equal(tgt_code(d, 0), "PER");
    dyad_doc_free(d);
    /* talks between Colombia and Peru resumed . */
    d = code("talks/talk/NOUN/6/nsubj between/between/ADP/3/case Colombia/Colombia/PROPN/1/nmod "
             "and/and/CCONJ/5/cc Peru/Peru/PROPN/3/conj resumed/resume/VERB/0/root ././PUNCT/6/punct");
    assert_int_equal(d->nevents, 2);
    dyad_doc_free(d);
}

static void accuse_requires_of(void **state) {
    dyad_doc *d = code("Colombia/Colombia/PROPN/2/nsubj accused/accuse/VERB/0/root Peru/Peru/PROPN/2/obj "
                       "././PUNCT/2/punct");
    assert_int_equal(d->nevents, 0);
    dyad_doc_free(d);
    d = code("Colombia/Colombia/PROPN/2/nsubj accused/accuse/VERB/0/root Peru/Peru/PROPN/2/obj "
             "of/of/ADP/5/case aggression/aggression/NOUN/2/obl ././PUNCT/2/punct");
    assert_int_equal(d->nevents, 1);
    assert_string_equal(d->events[0].cameo, "112");
    dyad_doc_free(d);
}

static void reported_speech(void **state) {
    /* Brazil said Colombia attacked Peru . */
    dyad_doc *d = code("Brazil/Brazil/PROPN/2/nsubj said/say/VERB/0/root Colombia/Colombia/PROPN/4/nsubj "
                       "attacked/attack/VERB/2/ccomp Peru/Peru/PROPN/4/obj ././PUNCT/2/punct");
    assert_int_equal(d->nevents, 1);
    assert_string_equal(src_code(d, 0), "COL");
    assert_string_equal(tgt_code(d, 0), "PER");
    dyad_doc_free(d);
}

static void intent_conflict_threat(void **state) {
    /* Colombia will attack Peru . -> 1384 */
    dyad_doc *d = code("Colombia/Colombia/PROPN/3/nsubj will/will/AUX/3/aux attack/attack/VERB/0/root "
                       "Peru/Peru/PROPN/3/obj ././PUNCT/3/punct");
    assert_int_equal(d->nevents, 1);
    assert_string_equal(d->events[0].cameo, "1384");
    assert_string_equal(d->events[0].root, "13");
    dyad_doc_free(d);
}

static void irrealis_complement(void **state) {
    /* Brazil demanded that Colombia leave Peru . -> only the demand, aimed
     * at the clause's subject */
    dyad_doc *d = code("Brazil/Brazil/PROPN/2/nsubj demanded/demand/VERB/0/root that/that/SCONJ/5/mark "
                       "Colombia/Colombia/PROPN/5/nsubj leave/leave/VERB/2/ccomp Peru/Peru/PROPN/5/obj "
                       "././PUNCT/2/punct");
    assert_int_equal(d->nevents, 1);
    assert_string_equal(d->events[0].cameo, "100");
    assert_string_equal(src_code(d, 0), "BRA");
    assert_string_equal(tgt_code(d, 0), "COL");
    dyad_doc_free(d);
}

static void negation_spreads_to_conjuncts(void **state) {
    /* Colombia did not meet Peru and attack Chile . */
    dyad_doc *d = code("Colombia/Colombia/PROPN/4/nsubj did/do/AUX/4/aux not/not/PART/4/advmod "
                       "meet/meet/VERB/0/root Peru/Peru/PROPN/4/obj and/and/CCONJ/7/cc "
                       "attack/attack/VERB/4/conj Chile/Chile/PROPN/7/obj ././PUNCT/4/punct");
    assert_int_equal(d->nevents, 0);
    dyad_doc_free(d);
}

static void deontic_clause_is_a_demand(void **state) {
    /* Brazil said Colombia must leave Peru . -> BRA demands of COL; the
     * leaving has not happened */
    dyad_doc *d = code("Brazil/Brazil/PROPN/2/nsubj said/say/VERB/0/root Colombia/Colombia/PROPN/5/nsubj "
                       "must/must/AUX/5/aux leave/leave/VERB/2/ccomp Peru/Peru/PROPN/5/obj "
                       "././PUNCT/2/punct");
    assert_int_equal(d->nevents, 1);
    assert_string_equal(d->events[0].cameo, "100");
    assert_string_equal(src_code(d, 0), "BRA");
    assert_string_equal(tgt_code(d, 0), "COL");
    assert_string_equal(d->events[0].rule, "coder:deontic");
    dyad_doc_free(d);
}

static void many_patterns_per_trigger(void **state) {
    /* more matching patterns than the candidate list holds: the most
     * specific still wins, nothing uninitialised is read */
    ev_lexicon *lx = fix_lexicon();
    int ci = ev_lexicon_code(lx, "190");
    char pat[64];
    for (int i = 0; i < 40; i++) {
        snprintf(pat, sizeof pat, "S attack T @notarget %s", i % 2 ? "@recip" : "");
        assert_true(ev_lexicon_add_pattern(lx, ci, pat, "many.txt", i + 1, NULL) >= 0);
    }
    assert_true(ev_lexicon_add_pattern(lx, ev_lexicon_code(lx, "163"),
                                       "S attack T with sanction", "many.txt", 99, NULL) >= 0);
    dyad_doc *d = fix_doc("Colombia/Colombia/PROPN/2/nsubj attacked/attack/VERB/0/root "
                          "Peru/Peru/PROPN/2/obj with/with/ADP/5/case sanctions/sanction/NOUN/2/obl "
                          "././PUNCT/2/punct", "2026-03-04");
    fix_auto_mentions(d);
    assert_int_equal(ev_code_doc(lx, d, NULL), 0);
    assert_int_equal(d->nevents, 1);
    assert_string_equal(d->events[0].cameo, "163");
    dyad_doc_free(d);
    ev_lexicon_free(lx);
}

static void lexicon_errors_reported(void **state) {
    ev_lexicon *lx = ev_lexicon_new();
    char path[64];
    FILE *f = fopen(write_temp(".err", "", 0, path, sizeof path), "w+");
    ev_lexicon_load_text(lx, FIX_LEXICON, sizeof FIX_LEXICON - 1, "fix.txt", f);
    rewind(f);
    char line[256];
    assert_non_null(fgets(line, sizeof line, f));
    assert_non_null(strstr(line, "fix.txt:"));
    fclose(f);
    unlink(path);
    assert_int_equal(lx->nerrors, 2);
    assert_int_equal(lx->pats.len, 11);
    assert_non_null(ev_lexicon_lookup(lx, "attack"));
    assert_null(ev_lexicon_lookup(lx, "criticise"));
    ev_lexicon_free(lx);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(active_frame),
        cmocka_unit_test(passive_by_agent),
        cmocka_unit_test(intent_set_to_meet),
        cmocka_unit_test(refused_to_meet),
        cmocka_unit_test(negation_not_coded),
        cmocka_unit_test(conditional_and_question),
        cmocka_unit_test(coordinated_subjects_recip),
        cmocka_unit_test(coordinated_targets_and_shared_subject),
        cmocka_unit_test(possessor_of_object),
        cmocka_unit_test(specific_pattern_wins),
        cmocka_unit_test(nominal_events),
        cmocka_unit_test(accuse_requires_of),
        cmocka_unit_test(reported_speech),
        cmocka_unit_test(intent_conflict_threat),
        cmocka_unit_test(irrealis_complement),
        cmocka_unit_test(negation_spreads_to_conjuncts),
        cmocka_unit_test(deontic_clause_is_a_demand),
        cmocka_unit_test(many_patterns_per_trigger),
        cmocka_unit_test(lexicon_errors_reported),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
