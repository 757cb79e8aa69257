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


/* ---- mechanisms of the coder (stand-in actors, modality, guards) on a
 * lexicon of their own ---- */

static const char MECH_LEXICON[] =
    "030  4.0  AGREE/-/diplomatic  Express intent to cooperate\n"
    "036  4.0  AGREE/-/diplomatic  Express intent to meet or negotiate\n"
    "040  1.0  CONSULT  Consult\n"
    "  S meet (with) T  @recip\n"
    "  S argue with T  @recip\n"
    "041  1.0  CONSULT/phone  Discuss by telephone\n"
    "  S call T  @recip\n"
    "042  1.9  CONSULT/visit  Make a visit\n"
    "  S visit T\n"
    "043  2.8  CONSULT/visit  Host a visit\n"
    "  S receive T\n"
    "0874 -1.0 RETREAT  Retreat\n"
    "  S leave T\n"
    "1246 -4.0 REJECT  Refuse to de-escalate\n"
    "074  8.5  AID/-/peacekeeping  Provide peacekeeping\n"
    "0861 9.0  RETREAT/access/peacekeeping  Receive deployment of peacekeepers\n"
    "080  5.0  CONCEDE  Yield\n"
    "  S give in to T\n"
    "100  -5.0 REQUEST  Demand\n"
    "  S demand T\n"
    "  S insist  @notarget\n"
    "111  -2.0 ACCUSE  Criticise\n"
    "  S criticise T\n"
    "112  -2.0 ACCUSE  Accuse\n"
    "  S claim that T\n"
    "114  -2.0 ACCUSE  Complain officially\n"
    "  S complain about|over T\n"
    "  S complain to T\n"
    "120  -4.0 REJECT  Reject\n"
    "  S reject T\n"
    "  S refuse to allow T\n"
    "  S decline  @notarget\n"
    "  S refuse  @notarget\n"
    "  S dismiss T 's appeal\n"
    "13   -4.4 THREATEN  Threaten\n"
    "1384 -7.0 THREATEN  Threaten conventional attack\n"
    "172  -5.0 COERCE  Impose administrative sanctions\n"
    "  S dismiss T from\n"
    "173  -5.0 COERCE  Arrest or detain\n"
    "  S arrest T\n"
    "185  -8.0 ASSAULT  Attempt to assassinate\n"
    "  S try to attack T\n"
    "190  -10  ASSAULT  Use conventional military force\n"
    "  S attack T\n"
    "  S 's attack on T\n"
    "141  -6.5 PROTEST  Demonstrate or rally\n"
    "  S march  @notarget\n"
    "163  -8.0 SANCTION  Impose embargo, boycott or sanctions\n"
    "  S impose tariff|tariffs on T\n"
    "193  -10  ASSAULT  Fight with small arms\n"
    "  S open fire  @notarget\n";

/* Codes spec with MECH_LEXICON; extra = "tok:CODE ..." mentions added to
 * the automatic PROPN ones (0-based token indexes). */
static dyad_doc *code_mech(const char *spec, const char *extra) {
    dyad_doc *d = fix_doc(spec, "2026-03-04");
    assert_non_null(d);
    fix_auto_mentions(d);
    char buf[256];
    snprintf(buf, sizeof buf, "%s", extra ? extra : "");
    char *save = NULL;
    for (char *t = strtok_r(buf, " ", &save); t; t = strtok_r(NULL, " ", &save)) {
        char *colon = strchr(t, ':');
        assert_non_null(colon);
        *colon = 0;
        fix_mention(d, 0, (uint32_t)atoi(t), dyad_doc_strndup(d, colon + 1, strlen(colon + 1)));
    }
    ev_lexicon *lx = ev_lexicon_new();
    FILE *devnull = fopen("/dev/null", "w");
    ev_lexicon_load_text(lx, MECH_LEXICON, sizeof MECH_LEXICON - 1, "mech.txt", devnull);
    fclose(devnull);
    assert_int_equal(ev_code_doc(lx, d, NULL), 0);
    ev_lexicon_free(lx);
    return d;
}

/* index of the first event with this CAMEO code, -1 if none */
static int find_event(const dyad_doc *d, const char *cameo) {
    for (size_t i = 0; i < d->nevents; i++)
        if (strcmp(d->events[i].cameo, cameo) == 0) return (int)i;
    return -1;
}

/* Codes spec with the mechanism lexicon and checks that it gives no event. */
static void expect_none(const char *spec, const char *extra) {
    dyad_doc *d = code_mech(spec, extra);
    assert_int_equal(d->nevents, 0);
    dyad_doc_free(d);
}

/* Codes spec and checks the number of events and the code, source and
 * target of the first (NULL: not checked). */
static void expect_first(const char *spec, const char *extra, size_t nevents, const char *cameo,
                         const char *src, const char *tgt) {
    dyad_doc *d = code_mech(spec, extra);
    assert_int_equal(d->nevents, nevents);
    if (cameo) assert_string_equal(d->events[0].cameo, cameo);
    if (src) assert_string_equal(src_code(d, 0), src);
    if (tgt) assert_string_equal(tgt_code(d, 0), tgt);
    dyad_doc_free(d);
}

static void group_nouns_stand_for_their_actor(void **state) {
    /* Members of Colombia attacked Peru . */
    expect_first("Members/member/NOUN/4/nsubj of/of/ADP/3/case Colombia/Colombia/PROPN/1/nmod "
                 "attacked/attack/VERB/0/root Peru/Peru/PROPN/4/obj ././PUNCT/4/punct", NULL,
                 1, NULL, "COL", "PER");
    /* Roads of Colombia attacked Peru . -- "road" is no group of people */
    expect_none("Roads/road/NOUN/4/nsubj of/of/ADP/3/case Colombia/Colombia/PROPN/1/nmod "
                "attacked/attack/VERB/0/root Peru/Peru/PROPN/4/obj ././PUNCT/4/punct", NULL);
    /* A handful of Colombian soldiers attacked Peru . -- "a NOUN of" people
     * or forces is a part of them, whatever the noun */
    expect_first("A/a/DET/2/det handful/handful/NOUN/6/nsubj of/of/ADP/5/case "
                 "Colombian/Colombian/ADJ/5/amod soldiers/soldier/NOUN/2/nmod "
                 "attacked/attack/VERB/0/root Peru/Peru/PROPN/6/obj ././PUNCT/6/punct", "4:COLMIL",
                 1, NULL, "COLMIL", NULL);
    /* The arrival of Colombian soldiers attacked Peru . -- no indefinite part */
    expect_none("The/the/DET/2/det arrival/arrival/NOUN/6/nsubj of/of/ADP/5/case "
                "Colombian/Colombian/ADJ/5/amod soldiers/soldier/NOUN/2/nmod "
                "attacked/attack/VERB/0/root Peru/Peru/PROPN/6/obj ././PUNCT/6/punct", "4:COLMIL");
    /* Colombia attacked a camp for Peruvian refugees . -- a thing's owner */
    expect_first("Colombia/Colombia/PROPN/2/nsubj attacked/attack/VERB/0/root a/a/DET/4/det "
                 "camp/camp/NOUN/2/obj for/for/ADP/7/case Peruvian/Peruvian/ADJ/7/amod "
                 "refugees/refugee/NOUN/4/nmod ././PUNCT/2/punct", "6:PERREF",
                 1, NULL, NULL, "PERREF");
}

static void stative_and_expletive_subjects(void **state) {
    /* Colombia is committed to meet Peru . */
    dyad_doc *d = code_mech("Colombia/Colombia/PROPN/3/nsubj:pass is/be/AUX/3/aux:pass "
                            "committed/commit/VERB/0/root to/to/PART/5/mark meet/meet/VERB/3/xcomp "
                            "Peru/Peru/PROPN/5/obj ././PUNCT/3/punct", NULL);
    int i = find_event(d, "036");
    assert_true(i >= 0);
    assert_string_equal(src_code(d, (size_t)i), "COL");
    assert_string_equal(tgt_code(d, (size_t)i), "PER");
    dyad_doc_free(d);
    /* Colombia says it is willing to meet Peru . ("it" as expletive) */
    d = code_mech("Colombia/Colombia/PROPN/2/nsubj says/say/VERB/0/root it/it/PRON/5/expl "
                  "is/be/AUX/5/cop willing/willing/ADJ/2/ccomp to/to/PART/7/mark "
                  "meet/meet/VERB/5/xcomp Peru/Peru/PROPN/7/obj ././PUNCT/2/punct", "2:COL");
    i = find_event(d, "036");
    assert_true(i >= 0);
    assert_string_equal(src_code(d, (size_t)i), "COL");
    dyad_doc_free(d);
}

static void intention_nouns(void **state) {
    /* Colombia expressed readiness to meet Peru . */
    expect_first("Colombia/Colombia/PROPN/2/nsubj expressed/express/VERB/0/root "
                 "readiness/readiness/NOUN/2/obj to/to/PART/5/mark meet/meet/VERB/3/acl "
                 "Peru/Peru/PROPN/5/obj ././PUNCT/2/punct", NULL,
                 2, "036", "COL", "PER");
    /* Colombia rejected a plan to meet Peru . -- the meeting is not intended */
    dyad_doc *d = code_mech("Colombia/Colombia/PROPN/2/nsubj rejected/reject/VERB/0/root a/a/DET/4/det "
                  "plan/plan/NOUN/2/obj to/to/PART/6/mark meet/meet/VERB/4/acl "
                  "Peru/Peru/PROPN/6/obj ././PUNCT/2/punct", NULL);
    assert_int_equal(find_event(d, "036"), -1);
    assert_int_equal(find_event(d, "040"), -1);
    dyad_doc_free(d);
}

static void agreed_that_should(void **state) {
    /* Colombia and Peru agreed that they should cooperate . */
    dyad_doc *d = code_mech("Colombia/Colombia/PROPN/4/nsubj and/and/CCONJ/3/cc Peru/Peru/PROPN/1/conj "
                            "agreed/agree/VERB/0/root that/that/SCONJ/8/mark they/they/PRON/8/nsubj "
                            "should/should/AUX/8/aux cooperate/cooperate/VERB/4/ccomp "
                            "././PUNCT/4/punct", NULL);
    assert_int_equal(d->nevents, 2);
    assert_string_equal(d->events[0].cameo, "030");
    assert_string_equal(d->events[0].rule, "coder:agreed-clause");
    assert_string_equal(src_code(d, 0), "COL");
    assert_string_equal(tgt_code(d, 0), "PER");
    assert_string_equal(src_code(d, 1), "PER");
    dyad_doc_free(d);
    /* Colombia said that Peru should cooperate . -- a demand, not an agreement */
    d = code_mech("Colombia/Colombia/PROPN/2/nsubj said/say/VERB/0/root that/that/SCONJ/6/mark "
                  "Peru/Peru/PROPN/6/nsubj should/should/AUX/6/aux cooperate/cooperate/VERB/2/ccomp "
                  "././PUNCT/2/punct", NULL);
    assert_int_equal(find_event(d, "030"), -1);
    dyad_doc_free(d);
}

static void repaired_verb_lemmas(void **state) {
    /* Colombia criticised Peru . with the lemma cut to "criticis" */
    expect_first("Colombia/Colombia/PROPN/2/nsubj criticised/criticis/VERB/0/root "
                 "Peru/Peru/PROPN/2/obj ././PUNCT/2/punct", NULL,
                 1, "111", NULL, NULL);
    /* the repair is for inflected forms only: "criticis" as a bare form */
    expect_none("Colombia/Colombia/PROPN/2/nsubj criticis/criticis/VERB/0/root "
                "Peru/Peru/PROPN/2/obj ././PUNCT/2/punct", NULL);
}

static void complaint_targets_what_it_is_about(void **state) {
    /* Colombia complained to Brazil over Peruvian raids . ("over" misparsed
     * as an adverb of the phrase) */
    expect_first("Colombia/Colombia/PROPN/2/nsubj complained/complain/VERB/0/root "
                 "to/to/ADP/4/case Brazil/Brazil/PROPN/2/obl over/over/ADV/7/advmod "
                 "Peruvian/Peruvian/ADJ/7/amod raids/raid/NOUN/2/obl ././PUNCT/2/punct",
                 "5:PER",
                 1, "114", NULL, "PER");
    /* Colombia complained to Brazil . -- the addressee without a topic */
    expect_first("Colombia/Colombia/PROPN/2/nsubj complained/complain/VERB/0/root "
                 "to/to/ADP/4/case Brazil/Brazil/PROPN/2/obl ././PUNCT/2/punct", NULL,
                 1, NULL, NULL, "BRA");
}

static void fronted_reported_clause(void **state) {
    /* Colombia rejects Peru , Chile said . ("Colombia" misattached to "said") */
    expect_first("Colombia/Colombia/PROPN/6/nsubj rejects/reject/VERB/6/ccomp "
                 "Peru/Peru/PROPN/2/obj ,/,/PUNCT/2/punct Chile/Chile/PROPN/6/nsubj "
                 "said/say/VERB/0/root ././PUNCT/6/punct", NULL,
                 1, "120", "COL", "PER");
}

static void proposals_and_requests_are_not_events(void **state) {
    /* Peru rejected a call for attacking Chile . */
    dyad_doc *d = code_mech("Peru/Peru/PROPN/2/nsubj rejected/reject/VERB/0/root a/a/DET/4/det "
                            "call/call/NOUN/2/obj for/for/SCONJ/6/mark attacking/attack/VERB/4/acl "
                            "Chile/Chile/PROPN/6/obj ././PUNCT/2/punct", NULL);
    assert_int_equal(find_event(d, "190"), -1);
    dyad_doc_free(d);
    /* Colombia demanded Peru 's attack on Chile . -- the attack is asked for */
    d = code_mech("Colombia/Colombia/PROPN/2/nsubj demanded/demand/VERB/0/root "
                  "Peru/Peru/PROPN/5/nmod:poss 's/'s/PART/3/case attack/attack/NOUN/2/obj "
                  "on/on/ADP/7/case Chile/Chile/PROPN/5/nmod ././PUNCT/2/punct", NULL);
    assert_true(find_event(d, "100") >= 0);
    assert_int_equal(find_event(d, "190"), -1);
    dyad_doc_free(d);
    /* Brazil dismissed an appeal from Peru . -- no dismissal from office */
    expect_first("Brazil/Brazil/PROPN/2/nsubj dismissed/dismiss/VERB/0/root an/a/DET/4/det "
                 "appeal/appeal/NOUN/2/obj from/from/ADP/6/case Peru/Peru/PROPN/2/obl "
                 "././PUNCT/2/punct", NULL,
                 1, "120", NULL, "PER");
}

static void naming_call_and_partners(void **state) {
    /* Colombia called Peru a threat . -- naming, not a phone call */
    expect_none("Colombia/Colombia/PROPN/2/nsubj called/call/VERB/0/root "
                "Peru/Peru/PROPN/2/obj a/a/DET/5/det threat/threat/NOUN/2/xcomp "
                "././PUNCT/2/punct", NULL);
    /* Colombia called Peru . */
    expect_first("Colombia/Colombia/PROPN/2/nsubj called/call/VERB/0/root Peru/Peru/PROPN/2/obj "
                 "././PUNCT/2/punct", NULL,
                 2, "041", NULL, NULL);
    /* Colombia argued . -- a reciprocal frame needs a partner */
    expect_none("Colombia/Colombia/PROPN/2/nsubj argued/argue/VERB/0/root ././PUNCT/2/punct", NULL);
}

static void purpose_clause_target(void **state) {
    /* Colombia opened fire to disperse Peruvian protesters . */
    expect_first("Colombia/Colombia/PROPN/2/nsubj opened/open/VERB/0/root "
                 "fire/fire/NOUN/2/obj to/to/PART/5/mark disperse/disperse/VERB/2/advcl "
                 "Peruvian/Peruvian/ADJ/7/amod protesters/protester/NOUN/5/obj "
                 "././PUNCT/2/punct", "5:PER",
                 1, "193", "COL", "PER");
}

static void reported_pronoun_and_chains(void **state) {
    /* Colombia announced that it will attack Peru . ("it" unresolved) */
    expect_first("Colombia/Colombia/PROPN/2/nsubj announced/announce/VERB/0/root "
                 "that/that/SCONJ/6/mark it/it/PRON/6/nsubj will/will/AUX/6/aux "
                 "attack/attack/VERB/2/ccomp Peru/Peru/PROPN/6/obj ././PUNCT/2/punct", NULL,
                 1, "1384", "COL", "PER");
    /* Colombia tried to attack Peru . -- the attempt frame covers "attack" */
    expect_first("Colombia/Colombia/PROPN/2/nsubj tried/try/VERB/0/root to/to/PART/4/mark "
                 "attack/attack/VERB/2/xcomp Peru/Peru/PROPN/4/obj ././PUNCT/2/punct", NULL,
                 1, "185", NULL, "PER");
}

static void visits_of_states_only(void **state) {
    /* Colombian tourists visited Peru . */
    expect_none("Colombian/Colombian/ADJ/2/amod tourists/tourist/NOUN/3/nsubj "
                "visited/visit/VERB/0/root Peru/Peru/PROPN/3/obj ././PUNCT/3/punct",
                "1:COLCVL");
    /* Colombian peacekeepers visited Peru . -> a peacekeeping deployment,
     * received by the host */
    dyad_doc *d = code_mech("Colombian/Colombian/ADJ/2/amod peacekeepers/peacekeeper/NOUN/3/nsubj "
                  "visited/visit/VERB/0/root Peru/Peru/PROPN/3/obj ././PUNCT/3/punct", "1:COLMIL");
    assert_int_equal(d->nevents, 2);
    assert_string_equal(d->events[0].cameo, "074");
    assert_string_equal(tgt_code(d, 0), "PER");
    assert_string_equal(d->events[1].cameo, "0861");
    assert_string_equal(src_code(d, 1), "PER");
    assert_string_equal(tgt_code(d, 1), "COLMIL");
    dyad_doc_free(d);
    /* the Colombian minister returning home: no visit */
    expect_none("Colombian/Colombian/ADJ/2/amod minister/minister/NOUN/3/nsubj "
                "visited/visit/VERB/0/root Colombia/Colombia/PROPN/3/obj ././PUNCT/3/punct",
                "1:COLGOV");
    /* Colombia visited Peru . */
    expect_first("Colombia/Colombia/PROPN/2/nsubj visited/visit/VERB/0/root Peru/Peru/PROPN/2/obj "
                 "././PUNCT/2/punct", NULL,
                 1, "042", NULL, NULL);
}


static void non_assertions(void **state) {
    /* Colombia has yet to criticise Peru . */
    expect_none("Colombia/Colombia/PROPN/2/nsubj has/have/VERB/0/root yet/yet/ADV/2/advmod "
                "to/to/PART/5/mark criticise/criticise/VERB/2/xcomp Peru/Peru/PROPN/5/obj "
                "././PUNCT/2/punct", NULL);
    /* Colombia was supposed to meet Peru . */
    expect_none("Colombia/Colombia/PROPN/3/nsubj:pass was/be/AUX/3/aux:pass supposed/suppose/VERB/0/root "
                "to/to/PART/5/mark meet/meet/VERB/3/xcomp Peru/Peru/PROPN/5/obj ././PUNCT/3/punct", NULL);
    /* Colombia will no longer attack Peru . */
    expect_none("Colombia/Colombia/PROPN/5/nsubj will/will/AUX/5/aux no/no/ADV/4/advmod "
                "longer/longer/ADV/5/advmod attack/attack/VERB/0/root Peru/Peru/PROPN/5/obj "
                "././PUNCT/5/punct", NULL);
    /* Colombia has criticised Peru . -- still coded */
    expect_first("Colombia/Colombia/PROPN/3/nsubj has/have/AUX/3/aux criticised/criticise/VERB/0/root "
                 "Peru/Peru/PROPN/3/obj ././PUNCT/3/punct", NULL,
                 1, NULL, NULL, NULL);
}

static void withheld_comment_and_figurative_force(void **state) {
    /* Colombia refused to comment . */
    expect_none("Colombia/Colombia/PROPN/2/nsubj refused/refuse/VERB/0/root "
                "to/to/PART/4/mark comment/comment/VERB/2/xcomp ././PUNCT/2/punct", NULL);
    /* Colombia refused . -- a bare refusal stays */
    expect_first("Colombia/Colombia/PROPN/2/nsubj refused/refuse/VERB/0/root ././PUNCT/2/punct", NULL,
                 1, "120", NULL, NULL);
    /* Colombia declined . -- a bare "declined" is no rejection */
    expect_none("Colombia/Colombia/PROPN/2/nsubj declined/decline/VERB/0/root ././PUNCT/2/punct", NULL);
    /* Colombia 's trade attack on Peru . */
    expect_none("Colombia/Colombia/PROPN/4/nmod:poss 's/'s/PART/1/case trade/trade/NOUN/4/compound "
                "attack/attack/NOUN/0/root on/on/ADP/6/case Peru/Peru/PROPN/4/nmod ././PUNCT/4/punct",
                NULL);
    /* Colombia 's price-and-tariff attack on Peru . -- by the first part */
    expect_none("Colombia/Colombia/PROPN/4/nmod:poss 's/'s/PART/1/case "
                "price-and-tariff/price-and-tariff/NOUN/4/compound attack/attack/NOUN/0/root "
                "on/on/ADP/6/case Peru/Peru/PROPN/4/nmod ././PUNCT/4/punct", NULL);
    /* Colombia 's attack on Peru . */
    expect_first("Colombia/Colombia/PROPN/3/nmod:poss 's/'s/PART/1/case attack/attack/NOUN/0/root "
                 "on/on/ADP/5/case Peru/Peru/PROPN/3/nmod ././PUNCT/3/punct", NULL,
                 1, "190", NULL, NULL);
}

static void refused_permission(void **state) {
    /* Colombia refused to allow Peru to land . */
    expect_first("Colombia/Colombia/PROPN/2/nsubj refused/refuse/VERB/0/root "
                 "to/to/PART/4/mark allow/allow/VERB/2/xcomp Peru/Peru/PROPN/4/obj "
                 "to/to/PART/7/mark land/land/VERB/4/xcomp ././PUNCT/2/punct", NULL,
                 1, "120", "COL", "PER");
}


static void places_agencies_and_appositions(void **state) {
    /* Thousands of people marched in Colombia . -- protesters coded by place */
    expect_first("Thousands/thousand/NOUN/4/nsubj of/of/ADP/3/case people/people/NOUN/1/nmod "
                 "marched/march/VERB/0/root in/in/ADP/6/case Colombia/Colombia/PROPN/4/obl "
                 "././PUNCT/4/punct", NULL,
                 1, "141", "COL", NULL);
    /* Thousands of people attacked Peru in Colombia . -- only protests */
    expect_none("Thousands/thousand/NOUN/4/nsubj of/of/ADP/3/case people/people/NOUN/1/nmod "
                "attacked/attack/VERB/0/root Peru/Peru/PROPN/4/obj in/in/ADP/7/case "
                "Colombia/Colombia/PROPN/4/obl ././PUNCT/4/punct", NULL);
    /* The Colombian government imposed tariffs on Colombian exports . --
     * a country and its own government are one side */
    dyad_doc *d = code_mech("The/the/DET/3/det Colombian/Colombian/ADJ/3/amod government/government/NOUN/4/nsubj "
                  "imposed/impose/VERB/0/root tariffs/tariff/NOUN/4/obj on/on/ADP/8/case "
                  "Colombian/Colombian/ADJ/8/amod exports/export/NOUN/4/obl ././PUNCT/4/punct",
                  "2:COLGOV 6:COL");
    assert_int_equal(d->nevents, 1);
    assert_string_equal(src_code(d, 0), "COLGOV");
    assert_int_equal(d->events[0].target, -1);
    dyad_doc_free(d);
    /* Pedro , the Colombian envoy , criticised Peru . (the name unresolved) */
    expect_first("Pedro/pedro/NOUN/7/nsubj ,/,/PUNCT/5/punct the/the/DET/5/det "
                 "Colombian/Colombian/ADJ/5/amod envoy/envoy/NOUN/1/appos ,/,/PUNCT/5/punct "
                 "criticised/criticise/VERB/0/root Peru/Peru/PROPN/7/obj ././PUNCT/7/punct", "4:COLGOV",
                 1, NULL, "COLGOV", "PER");
}

static void measures_and_instruments(void **state) {
    /* Colombia used harsh words to criticise Peru . */
    expect_first("Colombia/Colombia/PROPN/2/nsubj used/use/VERB/0/root harsh/harsh/ADJ/4/amod "
                 "words/word/NOUN/2/obj to/to/PART/6/mark criticise/criticise/VERB/4/acl "
                 "Peru/Peru/PROPN/6/obj ././PUNCT/2/punct", NULL,
                 1, "111", "COL", "PER");
    /* Colombia rejected words to criticise Peru . -- no instrument used */
    dyad_doc *d = code_mech("Colombia/Colombia/PROPN/2/nsubj rejected/reject/VERB/0/root "
                  "words/word/NOUN/2/obj to/to/PART/5/mark criticise/criticise/VERB/3/acl "
                  "Peru/Peru/PROPN/5/obj ././PUNCT/2/punct", NULL);
    assert_int_equal(find_event(d, "111"), -1);
    dyad_doc_free(d);
}


static void statements_and_reasons(void **state) {
    /* Colombia insists it is peaceful . -- a statement of fact */
    expect_none("Colombia/Colombia/PROPN/2/nsubj insists/insist/VERB/0/root it/it/PRON/5/nsubj "
                "is/be/AUX/5/cop peaceful/peaceful/ADJ/2/ccomp ././PUNCT/2/punct", "2:COL");
    /* Colombia insists that Peru must leave . -- a demand */
    dyad_doc *d = code_mech("Colombia/Colombia/PROPN/2/nsubj insists/insist/VERB/0/root that/that/SCONJ/6/mark "
                  "Peru/Peru/PROPN/6/nsubj must/must/AUX/6/aux leave/leave/VERB/2/ccomp "
                  "././PUNCT/2/punct", NULL);
    assert_true(find_event(d, "100") >= 0);
    dyad_doc_free(d);
    /* Brazil criticised Colombia for attacking Peru . -- the reason is alleged */
    expect_first("Brazil/Brazil/PROPN/2/nsubj criticised/criticise/VERB/0/root Colombia/Colombia/PROPN/2/obj "
                 "for/for/SCONJ/5/mark attacking/attack/VERB/2/advcl Peru/Peru/PROPN/5/obj "
                 "././PUNCT/2/punct", NULL,
                 1, "111", NULL, "COL");
}


static void both_sides(void **state) {
    /* Both governments met Colombia 's envoy . -- one country only: no pair */
    dyad_doc *d = code_mech("Both/both/DET/2/det governments/government/NOUN/3/nsubj met/meet/VERB/0/root "
                            "Colombia/Colombia/PROPN/6/nmod:poss 's/'s/PART/4/case envoy/envoy/NOUN/3/obj "
                            "././PUNCT/3/punct", NULL);
    assert_int_equal(find_event(d, "040"), -1);
    dyad_doc_free(d);
    /* Peru and Colombia : both governments met . -- the two countries */
    d = code_mech("Peru/Peru/PROPN/5/nmod and/and/CCONJ/3/cc Colombia/Colombia/PROPN/1/conj "
                  "both/both/DET/5/det governments/government/NOUN/6/nsubj met/meet/VERB/0/root "
                  "././PUNCT/6/punct", NULL);
    assert_int_equal(d->nevents, 2);
    assert_string_equal(d->events[0].cameo, "040");
    assert_string_not_equal(src_code(d, 0), src_code(d, 1));
    assert_string_equal(src_code(d, 0), tgt_code(d, 1));
    dyad_doc_free(d);
}


static void rejection_idioms(void **state) {
    /* Brazil said meeting Peru is out of the question . */
    dyad_doc *d = code_mech("Brazil/Brazil/PROPN/2/nsubj said/say/VERB/0/root meeting/meet/VERB/9/csubj "
                            "Peru/Peru/PROPN/3/obj is/be/AUX/9/cop out/out/ADP/9/case of/of/ADP/9/case "
                            "the/the/DET/9/det question/question/NOUN/2/ccomp ././PUNCT/2/punct", NULL);
    int i = find_event(d, "120");
    assert_true(i >= 0);
    assert_string_equal(src_code(d, (size_t)i), "BRA");
    assert_string_equal(tgt_code(d, (size_t)i), "PER");
    assert_string_equal(d->events[i].rule, "coder:rejection-idiom");
    dyad_doc_free(d);
    /* Brazil said the question is open . -- no idiom */
    d = code_mech("Brazil/Brazil/PROPN/2/nsubj said/say/VERB/0/root the/the/DET/4/det "
                  "question/question/NOUN/6/nsubj is/be/AUX/6/cop open/open/ADJ/2/ccomp ././PUNCT/2/punct",
                  NULL);
    assert_int_equal(find_event(d, "120"), -1);
    dyad_doc_free(d);
}


static void misparsed_subjects(void **state) {
    /* Colombia opened fire to disperse protesters , arresting 12 . -- the
     * participle's subject is that of the verb of "fire" */
    dyad_doc *d = code_mech("Colombia/Colombia/PROPN/2/nsubj opened/open/VERB/0/root fire/fire/NOUN/2/obj "
                            "to/to/PART/5/mark disperse/disperse/VERB/3/acl protesters/protester/NOUN/5/obj "
                            ",/,/PUNCT/8/punct arresting/arrest/VERB/5/advcl 12/12/NUM/8/obj "
                            "././PUNCT/2/punct", NULL);
    assert_true(find_event(d, "193") >= 0);
    int i = find_event(d, "173");       /* "arresting 12": counted people */
    assert_true(i >= 0);
    assert_string_equal(src_code(d, (size_t)i), "COL");
    assert_int_equal(d->events[i].target, -1);
    dyad_doc_free(d);
    /* Peru Union officials criticised Chile . with the union as the root */
    expect_first("Peru/Peru/PROPN/2/compound Union/union/NOUN/0/root officials/official/NOUN/4/nsubj "
                 "criticised/criticise/VERB/2/dep Chile/Chile/PROPN/4/obj ././PUNCT/2/punct", "1:PERLAB",
                 1, NULL, "PERLAB", "CHI");
}


static void particle_before_preposition(void **state) {
    /* Colombia gave in to Peru . */
    expect_first("Colombia/Colombia/PROPN/2/nsubj gave/give/VERB/0/root in/in/ADP/2/compound:prt "
                 "to/to/ADP/5/case Peru/Peru/PROPN/2/obl ././PUNCT/2/punct", NULL,
                 1, "080", NULL, "PER");
    /* Colombia gave Peru a loan . -- no yielding */
    expect_none("Colombia/Colombia/PROPN/2/nsubj gave/give/VERB/0/root Peru/Peru/PROPN/2/iobj "
                "a/a/DET/5/det loan/loan/NOUN/2/obj ././PUNCT/2/punct", NULL);
}


static void background_events_happened(void **state) {
    /* Colombia will meet Peru after Chile 's attack on Brazil . */
    dyad_doc *d = code_mech("Colombia/Colombia/PROPN/3/nsubj will/will/AUX/3/aux meet/meet/VERB/0/root "
                            "Peru/Peru/PROPN/3/obj after/after/ADP/8/case Chile/Chile/PROPN/8/nmod:poss "
                            "'s/'s/PART/6/case attack/attack/NOUN/3/obl on/on/ADP/10/case "
                            "Brazil/Brazil/PROPN/8/nmod ././PUNCT/3/punct", NULL);
    assert_true(find_event(d, "036") >= 0);      /* the meeting is intended */
    int i = find_event(d, "190");                /* the attack happened */
    assert_true(i >= 0);
    assert_string_equal(src_code(d, (size_t)i), "CHI");
    assert_string_equal(tgt_code(d, (size_t)i), "BRA");
    assert_int_equal(find_event(d, "1384"), -1);
    dyad_doc_free(d);
}


static void clause_slots_and_other_senses(void **state) {
    /* Colombia claimed that Peru attacked . -- a claim about Peru */
    dyad_doc *d = code_mech("Colombia/Colombia/PROPN/2/nsubj claimed/claim/VERB/0/root that/that/SCONJ/5/mark "
                            "Peru/Peru/PROPN/5/nsubj attacked/attack/VERB/2/ccomp ././PUNCT/2/punct", NULL);
    int i = find_event(d, "112");
    assert_true(i >= 0);
    assert_string_equal(tgt_code(d, (size_t)i), "PER");
    dyad_doc_free(d);
    /* Colombia claimed the islands . -- a territorial claim is no accusation */
    expect_none("Colombia/Colombia/PROPN/2/nsubj claimed/claim/VERB/0/root the/the/DET/4/det "
                "islands/island/NOUN/2/obj ././PUNCT/2/punct", NULL);
    /* Colombia hopes to see Peru visit Chile . -- perception, no meeting */
    d = code_mech("Colombia/Colombia/PROPN/2/nsubj hopes/hope/VERB/0/root to/to/PART/4/mark "
                  "see/see/VERB/2/xcomp Peru/Peru/PROPN/4/obj visit/visit/VERB/4/xcomp "
                  "Chile/Chile/PROPN/6/obj ././PUNCT/2/punct", NULL);
    assert_int_equal(find_event(d, "036"), -1);
    assert_int_equal(find_event(d, "040"), -1);
    dyad_doc_free(d);
    /* Colombia marched the prisoners to Peru . -- no protest march */
    d = code_mech("Colombia/Colombia/PROPN/2/nsubj marched/march/VERB/0/root the/the/DET/4/det "
                  "prisoners/prisoner/NOUN/2/obj to/to/ADP/6/case Peru/Peru/PROPN/2/obl "
                  "././PUNCT/2/punct", NULL);
    assert_int_equal(find_event(d, "141"), -1);
    dyad_doc_free(d);
}


static void more_senses(void **state) {
    /* Colombia received an award from Peru . -- no audience */
    expect_none("Colombia/Colombia/PROPN/2/nsubj received/receive/VERB/0/root an/a/DET/4/det "
                "award/award/NOUN/2/obj from/from/ADP/6/case Peru/Peru/PROPN/2/obl "
                "././PUNCT/2/punct", NULL);
    /* Colombia received Peru . */
    expect_first("Colombia/Colombia/PROPN/2/nsubj received/receive/VERB/0/root Peru/Peru/PROPN/2/obj "
                 "././PUNCT/2/punct", NULL,
                 1, "043", NULL, NULL);
    /* Colombia is not allowed to leave Peru . -- nobody's refusal named */
    expect_none("Colombia/Colombia/PROPN/4/nsubj:pass is/be/AUX/4/aux:pass not/not/PART/4/advmod "
                "allowed/allow/VERB/0/root to/to/PART/6/mark leave/leave/VERB/4/xcomp "
                "Peru/Peru/PROPN/6/obj ././PUNCT/4/punct", NULL);
}

static void hedged_and_rare_events(void **state) {
    /* Colombia might attack Peru . -- a possibility, not an event */
    expect_none("Colombia/Colombia/PROPN/3/nsubj might/might/AUX/3/aux attack/attack/VERB/0/root "
                "Peru/Peru/PROPN/3/obj ././PUNCT/3/punct", NULL);
    /* Colombia could attack Peru . */
    expect_none("Colombia/Colombia/PROPN/3/nsubj could/could/AUX/3/aux attack/attack/VERB/0/root "
                "Peru/Peru/PROPN/3/obj ././PUNCT/3/punct", NULL);
    /* Colombia probably attacked Peru . -- a guess */
    expect_none("Colombia/Colombia/PROPN/3/nsubj probably/probably/ADV/3/advmod "
                "attacked/attack/VERB/0/root Peru/Peru/PROPN/3/obj ././PUNCT/3/punct", NULL);
    /* Colombia seldom attacked Peru . -- "seldom" negates like "never" */
    expect_none("Colombia/Colombia/PROPN/3/nsubj seldom/seldom/ADV/3/advmod "
                "attacked/attack/VERB/0/root Peru/Peru/PROPN/3/obj ././PUNCT/3/punct", NULL);
    /* Colombia often attacked Peru . -- other adverbs keep the event */
    expect_first("Colombia/Colombia/PROPN/3/nsubj often/often/ADV/3/advmod "
                 "attacked/attack/VERB/0/root Peru/Peru/PROPN/3/obj ././PUNCT/3/punct", NULL,
                 1, "190", "COL", "PER");
    /* Colombia will attack Peru . -- "will" stays an intent */
    expect_first("Colombia/Colombia/PROPN/3/nsubj will/will/AUX/3/aux attack/attack/VERB/0/root "
                 "Peru/Peru/PROPN/3/obj ././PUNCT/3/punct", NULL,
                 1, NULL, "COL", "PER");
}

static void purpose_clauses(void **state) {
    /* Colombia sent troops to attack Peru . -- the aim, not an attack */
    expect_none("Colombia/Colombia/PROPN/2/nsubj sent/send/VERB/0/root troops/troop/NOUN/2/obj "
                "to/to/PART/5/mark attack/attack/VERB/2/advcl Peru/Peru/PROPN/5/obj "
                "././PUNCT/2/punct", NULL);
    /* Colombia used force to attack Peru . -- the instrument's purpose is the act */
    expect_first("Colombia/Colombia/PROPN/2/nsubj used/use/VERB/0/root force/force/NOUN/2/obj "
                 "to/to/PART/5/mark attack/attack/VERB/2/advcl Peru/Peru/PROPN/5/obj "
                 "././PUNCT/2/punct", NULL, 1, "190", "COL", "PER");
    /* Colombia resorted to attacking Peru . -- a gerund after "to" */
    expect_first("Colombia/Colombia/PROPN/2/nsubj resorted/resort/VERB/0/root to/to/SCONJ/4/mark "
                 "attacking/attack/VERB/2/advcl Peru/Peru/PROPN/4/obj ././PUNCT/2/punct", NULL,
                 1, "190", "COL", "PER");
    /* Colombia marched to demand Peru ... -- a purpose the act performs:
     * the march and the demand */
    dyad_doc *d = code_mech("Colombia/Colombia/PROPN/2/nsubj marched/march/VERB/0/root "
                            "to/to/PART/4/mark demand/demand/VERB/2/advcl Peru/Peru/PROPN/4/obj "
                            "././PUNCT/2/punct", NULL);
    assert_int_equal(d->nevents, 2);
    assert_string_equal(d->events[1].cameo, "100");
    dyad_doc_free(d);
}

/* Codes spec with the shipped lexicon (data/events/cameo.txt). */
static dyad_doc *code_shipped_how(const char *spec, uint32_t tok, const char *mention,
                                  const char *how) {
    dyad_doc *d = fix_doc(spec, "2026-03-04");
    assert_non_null(d);
    if (mention) fix_mention(d, 0, tok, mention);
    fix_auto_mentions(d);
    for (size_t i = 0; how && i < d->nmentions; i++) d->mentions[i].how = how;
    const char *dir = getenv("DYAD_DATA");
    char path[1024];
    snprintf(path, sizeof path, "%s/events/cameo.txt", dir && *dir ? dir : "data");
    ev_lexicon *lx = ev_lexicon_new();
    dyad_error err;
    FILE *devnull = fopen("/dev/null", "w");
    assert_true(ev_lexicon_load_file(lx, path, devnull, &err) > 500);
    fclose(devnull);
    assert_int_equal(ev_code_doc(lx, d, NULL), 0);
    ev_lexicon_free(lx);
    return d;
}

static dyad_doc *code_shipped_with(const char *spec, uint32_t tok, const char *mention) {
    return code_shipped_how(spec, tok, mention, NULL);
}

static dyad_doc *code_shipped(const char *spec) {
    return code_shipped_with(spec, 0, NULL);
}

/* True when d has an event with this CAMEO code. */
static bool has_cameo(const dyad_doc *d, const char *cameo) {
    for (size_t i = 0; i < d->nevents; i++)
        if (strcmp(d->events[i].cameo, cameo) == 0) return true;
    return false;
}

/* Shipped frames that were too broad: each sentence, coded with the shipped
 * lexicon, must (want = true) or must not have an event of that code. */
static void narrowed_frames(void **state) {
    static const struct { const char *spec; const char *cameo; bool want; } cases[] = {
        /* Colombia claimed that Peru won . -- a claim is no accusation */
        {"Colombia/Colombia/PROPN/2/nsubj claimed/claim/VERB/0/root that/that/SCONJ/5/mark "
         "Peru/Peru/PROPN/5/nsubj won/win/VERB/2/ccomp ././PUNCT/2/punct", "112", false},
        /* Colombia accused Peru . */
        {"Colombia/Colombia/PROPN/2/nsubj accused/accuse/VERB/0/root Peru/Peru/PROPN/2/obj "
         "././PUNCT/2/punct", "112", true},
        /* Colombia examined Peru 's position . -- studying is no investigation */
        {"Colombia/Colombia/PROPN/2/nsubj examined/examine/VERB/0/root Peru/Peru/PROPN/5/nmod:poss "
         "'s/'s/PART/3/case position/position/NOUN/2/obj ././PUNCT/2/punct", "090", false},
        /* Colombia investigated Peru . */
        {"Colombia/Colombia/PROPN/2/nsubj investigated/investigate/VERB/0/root "
         "Peru/Peru/PROPN/2/obj ././PUNCT/2/punct", "090", true},
        /* Colombia nominated Peru . -- a nomination is no support */
        {"Colombia/Colombia/PROPN/2/nsubj nominated/nominate/VERB/0/root Peru/Peru/PROPN/2/obj "
         "././PUNCT/2/punct", "050", false},
        /* Colombia removed Peru . -- removing is no change of leadership */
        {"Colombia/Colombia/PROPN/2/nsubj removed/remove/VERB/0/root Peru/Peru/PROPN/2/obj "
         "././PUNCT/2/punct", "0831", false},
        /* Colombia removed Peru from office . */
        {"Colombia/Colombia/PROPN/2/nsubj removed/remove/VERB/0/root Peru/Peru/PROPN/2/obj "
         "from/from/ADP/5/case office/office/NOUN/2/obl ././PUNCT/2/punct", "0831", true},
        /* Colombia works under rules . -- no work-to-rule strike */
        {"Colombia/Colombia/PROPN/2/nsubj works/work/VERB/0/root under/under/ADP/4/case "
         "rules/rule/NOUN/2/obl ././PUNCT/2/punct", "143", false},
    };
    for (size_t i = 0; i < DYAD_ARRAY_LEN(cases); i++) {
        dyad_doc *d = code_shipped(cases[i].spec);
        if (has_cameo(d, cases[i].cameo) != cases[i].want) print_error("case %zu\n", i);
        assert_true(has_cameo(d, cases[i].cameo) == cases[i].want);
        dyad_doc_free(d);
    }
}

/* Codes spec with the mechanism lexicon after tagging token `tok` with
 * the Penn tag xpos (the fixture's trees carry none). */
static dyad_doc *code_tagged(const char *spec, int tok, const char *xpos) {
    dyad_doc *d = fix_doc(spec, "2026-03-04");
    assert_non_null(d);
    fix_auto_mentions(d);
    d->tokens[d->sentences[0].first + (uint32_t)tok].xpos = xpos;
    ev_lexicon *lx = ev_lexicon_new();
    FILE *devnull = fopen("/dev/null", "w");
    ev_lexicon_load_text(lx, MECH_LEXICON, sizeof MECH_LEXICON - 1, "mech.txt", devnull);
    fclose(devnull);
    assert_int_equal(ev_code_doc(lx, d, NULL), 0);
    ev_lexicon_free(lx);
    return d;
}

static void habitual_present(void **state) {
    /* Colombia attacks Peru . -- a material act in the simple present with
     * no time: a habit or general truth */
    dyad_doc *d = code_tagged("Colombia/Colombia/PROPN/2/nsubj attacks/attack/VERB/0/root "
                              "Peru/Peru/PROPN/2/obj ././PUNCT/2/punct", 1, "VBZ");
    assert_int_equal(d->nevents, 0);
    dyad_doc_free(d);
    /* Colombia attacked Peru . -- the past is an event */
    d = code_tagged("Colombia/Colombia/PROPN/2/nsubj attacked/attack/VERB/0/root "
                    "Peru/Peru/PROPN/2/obj ././PUNCT/2/punct", 1, "VBD");
    assert_int_equal(d->nevents, 1);
    dyad_doc_free(d);
    /* Colombia routinely attacks Peru . -- acts said to recur are events */
    d = code_tagged("Colombia/Colombia/PROPN/3/nsubj routinely/routinely/ADV/3/advmod "
                    "attacks/attack/VERB/0/root Peru/Peru/PROPN/3/obj ././PUNCT/3/punct", 2, "VBZ");
    assert_int_equal(d->nevents, 1);
    dyad_doc_free(d);
    /* Colombia criticises Peru . -- a statement in the present is an event */
    d = code_tagged("Colombia/Colombia/PROPN/2/nsubj criticises/criticise/VERB/0/root "
                    "Peru/Peru/PROPN/2/obj ././PUNCT/2/punct", 1, "VBZ");
    assert_int_equal(d->nevents, 1);
    dyad_doc_free(d);
}

static void officials_do_not_demonstrate(void **state) {
    /* Students marched . -- a demonstration */
    dyad_doc *d = code_mech("Students/student/NOUN/2/nsubj marched/march/VERB/0/root "
                            "././PUNCT/2/punct", "0:COLEDU");
    assert_int_equal(d->nevents, 1);
    dyad_doc_free(d);
    /* Troops marched . -- officials of a state make no demonstration */
    expect_none("Troops/troop/NOUN/2/nsubj marched/march/VERB/0/root ././PUNCT/2/punct",
                "0:COLMIL");
    /* Students marched the teachers . -- a subject that leads others */
    expect_none("Students/student/NOUN/2/nsubj marched/march/VERB/0/root the/the/DET/4/det "
                "teachers/teacher/NOUN/2/obj ././PUNCT/2/punct", "0:COLEDU");
}

static void passive_participles(void **state) {
    /* Peru mourned Colombian soldiers attacked in the north . -- the
     * soldiers were attacked: they are no attacker */
    dyad_doc *d = code_tagged("Peru/Peru/PROPN/2/nsubj mourned/mourn/VERB/0/root "
                              "Colombian/Colombian/PROPN/4/amod soldiers/soldier/NOUN/2/obj "
                              "attacked/attack/VERB/4/acl in/in/ADP/8/case the/the/DET/8/det "
                              "north/north/NOUN/5/obl ././PUNCT/2/punct", 4, "VBN");
    for (size_t i = 0; i < d->nevents; i++) assert_string_not_equal(src_code(d, i), "COL");
    dyad_doc_free(d);
    /* Peru mourned soldiers attacked by Colombia . -- the by-agent attacked */
    d = code_tagged("Peru/Peru/PROPN/2/nsubj mourned/mourn/VERB/0/root "
                    "soldiers/soldier/NOUN/2/obj attacked/attack/VERB/3/acl by/by/ADP/6/case "
                    "Colombia/Colombia/PROPN/4/obl:agent ././PUNCT/2/punct", 3, "VBN");
    assert_int_equal(d->nevents, 1);
    assert_string_equal(src_code(d, 0), "COL");
    dyad_doc_free(d);
    /* Colombia , the state that attacked Peru . -- a relative clause keeps
     * its noun as the subject */
    d = code_tagged("Colombia/Colombia/PROPN/0/root that/that/PRON/3/nsubj "
                    "attacked/attack/VERB/1/acl:relcl Peru/Peru/PROPN/3/obj ././PUNCT/1/punct",
                    2, "VBD");
    assert_int_equal(d->nevents, 1);
    assert_string_equal(src_code(d, 0), "COL");
    dyad_doc_free(d);
}

static void announced_speech_acts(void **state) {
    /* Colombia will criticise Peru . -- no intent code for a speech act:
     * said in advance, it has not happened */
    expect_none("Colombia/Colombia/PROPN/3/nsubj will/will/AUX/3/aux "
                "criticise/criticise/VERB/0/root Peru/Peru/PROPN/3/obj ././PUNCT/3/punct", NULL);
    /* Colombia plans to demand Peru . */
    expect_none("Colombia/Colombia/PROPN/2/nsubj plans/plan/VERB/0/root to/to/PART/4/mark "
                "demand/demand/VERB/2/xcomp Peru/Peru/PROPN/4/obj ././PUNCT/2/punct", NULL);
    /* Colombia will meet Peru . -- an intent to meet (036) */
    expect_first("Colombia/Colombia/PROPN/3/nsubj will/will/AUX/3/aux meet/meet/VERB/0/root "
                 "Peru/Peru/PROPN/3/obj ././PUNCT/3/punct", NULL, 2, "036", "COL", "PER");
}

static void interviews_are_no_statements(void **state) {
    /* Colombia spoke about Peru . -- a statement about Peru */
    dyad_doc *d = code_shipped("Colombia/Colombia/PROPN/2/nsubj spoke/speak/VERB/0/root "
                               "about/about/ADP/4/case Peru/Peru/PROPN/2/obl ././PUNCT/2/punct");
    assert_true(has_cameo(d, "010"));
    dyad_doc_free(d);
    /* Colombia spoke about Reuters . -- talking to a news outlet: an interview */
    d = code_shipped_with("Colombia/Colombia/PROPN/2/nsubj spoke/speak/VERB/0/root "
                          "about/about/ADP/4/case Reuters/Reuters/NOUN/2/obl ././PUNCT/2/punct",
                          3, "GBRMED");
    assert_false(has_cameo(d, "010"));
    dyad_doc_free(d);
}

static void gatherings_are_not_coerced(void **state) {
    /* Colombia held a summit in Peru . -- no detention */
    dyad_doc *d = code_shipped("Colombia/Colombia/PROPN/2/nsubj held/hold/VERB/0/root "
                               "a/a/DET/4/det summit/summit/NOUN/2/obj in/in/ADP/6/case "
                               "Peru/Peru/PROPN/2/obl ././PUNCT/2/punct");
    assert_false(has_cameo(d, "173"));
    dyad_doc_free(d);
    /* Colombia held Peru . -- a detention */
    d = code_shipped("Colombia/Colombia/PROPN/2/nsubj held/hold/VERB/0/root "
                     "Peru/Peru/PROPN/2/obj ././PUNCT/2/punct");
    assert_true(has_cameo(d, "173"));
    dyad_doc_free(d);
}

static void endangered_states_and_requirements(void **state) {
    /* Colombia threatened the stability of Peru . -- endangering, no threat */
    dyad_doc *d = code_shipped("Colombia/Colombia/PROPN/2/nsubj threatened/threaten/VERB/0/root "
                               "the/the/DET/4/det stability/stability/NOUN/2/obj of/of/ADP/6/case "
                               "Peru/Peru/PROPN/4/nmod ././PUNCT/2/punct");
    assert_false(has_cameo(d, "130"));
    dyad_doc_free(d);
    /* Colombia threatened Peru . */
    d = code_shipped("Colombia/Colombia/PROPN/2/nsubj threatened/threaten/VERB/0/root "
                     "Peru/Peru/PROPN/2/obj ././PUNCT/2/punct");
    assert_true(has_cameo(d, "130"));
    dyad_doc_free(d);
    /* The treaty requires Colombia to attack Peru . -- a requirement, not an
     * attack */
    expect_none("The/the/DET/2/det treaty/treaty/NOUN/3/nsubj requires/require/VERB/0/root "
                "Colombia/Colombia/PROPN/3/obj to/to/PART/6/mark attack/attack/VERB/3/xcomp "
                "Peru/Peru/PROPN/6/obj ././PUNCT/3/punct", NULL);
}

static void gerund_misattached_to_finite_verb(void **state) {
    /* Colombia accuses Peru of lying and attacking Ecuador . -- "attacking"
     * parsed as a conjunct of "accuses": it is alleged, not asserted */
    dyad_doc *d = code_mech("Colombia/Colombia/PROPN/2/nsubj accuses/accuse/VERB/0/root "
                            "Peru/Peru/PROPN/2/obj of/of/ADP/5/case lying/lying/NOUN/3/nmod "
                            "and/and/CCONJ/7/cc attacking/attack/VERB/2/conj "
                            "Ecuador/Ecuador/PROPN/7/obj ././PUNCT/2/punct", NULL);
    assert_int_equal(find_event(d, "190"), -1);
    dyad_doc_free(d);
    /* Colombia criticised Peru and attacked Ecuador . -- a finite conjunct */
    d = code_mech("Colombia/Colombia/PROPN/2/nsubj criticised/criticise/VERB/0/root "
                  "Peru/Peru/PROPN/2/obj and/and/CCONJ/5/cc attacked/attack/VERB/2/conj "
                  "Ecuador/Ecuador/PROPN/5/obj ././PUNCT/2/punct", NULL);
    assert_true(find_event(d, "190") >= 0);
    dyad_doc_free(d);
}

static void comparisons_questions_and_tendencies(void **state) {
    /* Colombia praised Peru rather than attack Ecuador . -- a comparison */
    dyad_doc *d = code_mech("Colombia/Colombia/PROPN/2/nsubj praised/praise/VERB/0/root "
                            "Peru/Peru/PROPN/2/obj rather/rather/ADV/5/advmod than/than/SCONJ/6/mark "
                            "attack/attack/VERB/2/advcl Ecuador/Ecuador/PROPN/6/obj ././PUNCT/2/punct",
                            NULL);
    assert_int_equal(find_event(d, "190"), -1);
    dyad_doc_free(d);
    /* It is unclear how far Colombia will go to attack Peru . -- a question */
    expect_none("It/it/PRON/3/nsubj is/be/AUX/3/cop unclear/unclear/ADJ/0/root how/how/ADV/5/advmod "
                "far/far/ADV/8/advmod Colombia/Colombia/PROPN/8/nsubj will/will/AUX/8/aux "
                "go/go/VERB/3/ccomp to/to/PART/10/mark attack/attack/VERB/8/xcomp "
                "Peru/Peru/PROPN/10/obj ././PUNCT/3/punct", NULL);
    /* Colombia tends to attack Peru . -- a tendency, not an event */
    expect_none("Colombia/Colombia/PROPN/2/nsubj tends/tend/VERB/0/root to/to/PART/4/mark "
                "attack/attack/VERB/2/xcomp Peru/Peru/PROPN/4/obj ././PUNCT/2/punct", NULL);
    /* Colombia went far to attack Peru . -- no question: coded */
    d = code_mech("Colombia/Colombia/PROPN/2/nsubj went/go/VERB/0/root far/far/ADV/2/advmod "
                  "to/to/PART/5/mark attack/attack/VERB/2/xcomp Peru/Peru/PROPN/5/obj "
                  "././PUNCT/2/punct", NULL);
    assert_true(d->nevents >= 1);
    dyad_doc_free(d);
}

static void quarrels_of_persons(void **state) {
    /* The clash between Colombia and Peru ended . -- states fight */
    static const char spec[] =
        "The/the/DET/2/det clash/clash/NOUN/7/nsubj between/between/ADP/4/case "
        "Colombia/Colombia/PROPN/2/nmod and/and/CCONJ/6/cc Peru/Peru/PROPN/4/conj "
        "ended/end/VERB/0/root ././PUNCT/7/punct";
    dyad_doc *d = code_shipped(spec);
    assert_true(has_cameo(d, "190"));
    dyad_doc_free(d);
    /* the same with two persons ("the clash between Petro and Boluarte"):
     * a quarrel, no battle */
    d = code_shipped_how(spec, 0, NULL, "kb:person");
    assert_false(has_cameo(d, "190"));
    dyad_doc_free(d);
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
        cmocka_unit_test(group_nouns_stand_for_their_actor),
        cmocka_unit_test(stative_and_expletive_subjects),
        cmocka_unit_test(intention_nouns),
        cmocka_unit_test(agreed_that_should),
        cmocka_unit_test(repaired_verb_lemmas),
        cmocka_unit_test(complaint_targets_what_it_is_about),
        cmocka_unit_test(fronted_reported_clause),
        cmocka_unit_test(proposals_and_requests_are_not_events),
        cmocka_unit_test(naming_call_and_partners),
        cmocka_unit_test(purpose_clause_target),
        cmocka_unit_test(reported_pronoun_and_chains),
        cmocka_unit_test(visits_of_states_only),
        cmocka_unit_test(non_assertions),
        cmocka_unit_test(withheld_comment_and_figurative_force),
        cmocka_unit_test(refused_permission),
        cmocka_unit_test(places_agencies_and_appositions),
        cmocka_unit_test(measures_and_instruments),
        cmocka_unit_test(statements_and_reasons),
        cmocka_unit_test(both_sides),
        cmocka_unit_test(rejection_idioms),
        cmocka_unit_test(misparsed_subjects),
        cmocka_unit_test(particle_before_preposition),
        cmocka_unit_test(background_events_happened),
        cmocka_unit_test(clause_slots_and_other_senses),
        cmocka_unit_test(more_senses),
        cmocka_unit_test(hedged_and_rare_events),
        cmocka_unit_test(purpose_clauses),
        cmocka_unit_test(narrowed_frames),
        cmocka_unit_test(habitual_present),
        cmocka_unit_test(officials_do_not_demonstrate),
        cmocka_unit_test(passive_participles),
        cmocka_unit_test(announced_speech_acts),
        cmocka_unit_test(interviews_are_no_statements),
        cmocka_unit_test(gatherings_are_not_coerced),
        cmocka_unit_test(endangered_states_and_requirements),
        cmocka_unit_test(gerund_misattached_to_finite_verb),
        cmocka_unit_test(comparisons_questions_and_tendencies),
        cmocka_unit_test(quarrels_of_persons),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
