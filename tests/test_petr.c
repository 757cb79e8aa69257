/*
 * test_petr.c -- the PETRARCH-style coder (src/events/petr_code.c) on gold
 * dependency trees with a small verb dictionary of our own: default codes,
 * upper/lower patterns, synsets (nested), '_' adjacency, '+' '$' '%' '^',
 * [a:b] codes, the null code, require_dyad; and bad dictionaries (each bad
 * line reported as file:line and skipped, nothing crashes or hangs).
 * PETRARCH's reading of actor phrases (petr_actors.c) with small actor and
 * agent dictionaries of our own: prefix agents, first actor, redundant
 * agent parts, "former", possessors, dated codes, a bare conjunct; agents
 * shared over places; new_actor_length; verbs the tagger missed; plurals;
 * subjects across clauses and cut names; hyphenated names; the leaves of a
 * bracketed parse (eval reader).
 * The PETRARCH unit-test figure itself is checked when ../shared is there.
 */
#include "coder_fixture.h"
#include "actors/actors.h"

#include <unistd.h>

#include <time.h>

static const char VERBS[] =
    "<!-- test verbs -->\n"
    "&KIND_\n"
    "+ECONOMIC\n"
    "+MILITARY\n"
    "&OUTER\n"
    "+&KIND\n"
    "+CULTURAL\n"
    "\n"
    "--- RESTORE [064] ---\n"
    "RESTORE\n"
    "- * &KIND RELATIONS [065]\n"
    "- * FULL_RELATIONS [066]\n"
    "- REFUSED_TO * [112]   # adjacent to the verb\n"
    "- * HOSTAGES [---]\n"
    "\n"
    "--- MEET [031:032] ---\n"
    "MEET {MET}\n"
    "\n"
    "--- AGREE [081] ---\n"
    "AGREE\n"
    "- % * [030:030]\n"
    "\n"
    "--- FREE [066] ---\n"
    "FREE\n"
    "- + * FROM $ [067]\n"
    "\n"
    "--- CRITICIZE [121] ---\n"
    "CRITICIZE\n"
    "- * AT ^ + [122]\n"
    "\n"
    "--- WELCOME [041] ---\n"
    "WELCOME\n"
    "- * &OUTER TIES [042]\n"
    "\n"
    "--- CORDON [---] ---\n"
    "+CORDON_OFF [1721]\n";

/* A lexicon holding only VERBS (loaded the PETRARCH way). */
static ev_lexicon *petr_lexicon(const char *text, size_t len, FILE *errf) {
    ev_lexicon *lx = ev_lexicon_new();
    assert_non_null(lx);
    assert_true(ev_petr_load_verbs(&lx->petr, text, len, "t.verbs.txt", errf) >= 0);
    lx->petr_only = true;
    return lx;
}

static dyad_doc *code_with(ev_lexicon *lx, const char *spec) {
    dyad_doc *d = fix_doc(spec, "2026-03-04");
    assert_non_null(d);
    fix_auto_mentions(d);
    assert_int_equal(ev_code_doc(lx, d, NULL), 0);
    return d;
}

static dyad_doc *code(const char *spec) {
    ev_lexicon *lx = petr_lexicon(VERBS, sizeof VERBS - 1, NULL);
    dyad_doc *d = code_with(lx, spec);
    ev_lexicon_free(lx);
    return d;
}

/* "SRC TGT CODE" of event i. */
static const char *ev_str(const dyad_doc *d, size_t i, char *buf, size_t size) {
    const dyad_event *e = &d->events[i];
    snprintf(buf, size, "%s %s %s", e->source >= 0 ? d->mentions[e->source].code : "---",
             e->target >= 0 ? d->mentions[e->target].code : "---", e->cameo);
    return buf;
}

static bool has_event(const dyad_doc *d, const char *want) {
    char buf[64];
    for (size_t i = 0; i < d->nevents; i++)
        if (strcmp(ev_str(d, i, buf, sizeof buf), want) == 0) return true;
    return false;
}

static void default_code_and_lower_synset(void **state) {
    dyad_doc *d = code("Chile/Chile/PROPN/2/nsubj restored/restore/VERB/0/root "
                       "relations/relation/NOUN/2/obj with/with/ADP/5/case "
                       "Peru/Peru/PROPN/3/nmod ././PUNCT/2/punct");
    assert_int_equal(d->nevents, 1);
    assert_true(has_event(d, "CHI PER 064"));
    assert_string_equal(d->events[0].rule, "petrarch:restore");
    dyad_doc_free(d);
    /* nested synset member (&OUTER -> &KIND -> MILITARY) */
    d = code("Chile/Chile/PROPN/2/nsubj welcomed/welcome/VERB/0/root "
             "military/military/ADJ/4/amod ties/tie/NOUN/2/obj with/with/ADP/6/case "
             "Peru/Peru/PROPN/4/nmod ././PUNCT/2/punct");
    assert_int_equal(d->nevents, 1);
    assert_true(has_event(d, "CHI PER 042"));
    dyad_doc_free(d);
    d = code("Chile/Chile/PROPN/2/nsubj restored/restore/VERB/0/root "
             "economic/economic/ADJ/4/amod relations/relation/NOUN/2/obj with/with/ADP/6/case "
             "Peru/Peru/PROPN/4/nmod ././PUNCT/2/punct");
    assert_true(has_event(d, "CHI PER 065"));
    assert_string_equal(d->events[0].rule, "t.verbs.txt:11");
    dyad_doc_free(d);
}

static void underscore_needs_adjacent_words(void **state) {
    /* "full relations" adjacent: 066; "full diplomatic relations": not */
    dyad_doc *d = code("Chile/Chile/PROPN/2/nsubj restored/restore/VERB/0/root "
                       "full/full/ADJ/4/amod relations/relation/NOUN/2/obj with/with/ADP/6/case "
                       "Peru/Peru/PROPN/4/nmod ././PUNCT/2/punct");
    assert_true(has_event(d, "CHI PER 066"));
    dyad_doc_free(d);
    d = code("Chile/Chile/PROPN/2/nsubj restored/restore/VERB/0/root full/full/ADJ/5/amod "
             "diplomatic/diplomatic/ADJ/5/amod relations/relation/NOUN/2/obj "
             "with/with/ADP/7/case Peru/Peru/PROPN/5/nmod ././PUNCT/2/punct");
    assert_true(has_event(d, "CHI PER 064"));
    dyad_doc_free(d);
    /* upper side: "refused to" right before the verb */
    d = code("Chile/Chile/PROPN/2/nsubj refused/refuse/VERB/0/root to/to/PART/4/mark "
             "restore/restore/VERB/2/xcomp relations/relation/NOUN/4/obj with/with/ADP/7/case "
             "Peru/Peru/PROPN/5/nmod ././PUNCT/2/punct");
    assert_true(has_event(d, "CHI PER 112"));
    dyad_doc_free(d);
}

static void null_code_blocks_the_default(void **state) {
    dyad_doc *d = code("Chile/Chile/PROPN/2/nsubj restored/restore/VERB/0/root "
                       "hostages/hostage/NOUN/2/obj to/to/ADP/5/case Peru/Peru/PROPN/2/obl "
                       "././PUNCT/2/punct");
    assert_int_equal(d->nevents, 0);
    dyad_doc_free(d);
}

static void paired_codes_and_irregular_form(void **state) {
    dyad_doc *d = code("Chile/Chile/PROPN/2/nsubj met/meet/VERB/0/root Peru/Peru/PROPN/2/obj "
                       "././PUNCT/2/punct");
    assert_int_equal(d->nevents, 2);
    assert_true(has_event(d, "CHI PER 031"));
    assert_true(has_event(d, "PER CHI 032"));
    dyad_doc_free(d);
}

static void compound_subject_codes_among_members(void **state) {
    dyad_doc *d = code("Chile/Chile/PROPN/4/nsubj and/and/CCONJ/3/cc Peru/Peru/PROPN/1/conj "
                       "agreed/agree/VERB/0/root ././PUNCT/4/punct");
    assert_int_equal(d->nevents, 2);
    assert_true(has_event(d, "CHI PER 030"));
    assert_true(has_event(d, "PER CHI 030"));
    dyad_doc_free(d);
}

static void target_and_source_markers(void **state) {
    /* "+ * FROM $": Peru was freed from Chile -> Chile frees Peru */
    dyad_doc *d = code("Peru/Peru/PROPN/3/nsubj:pass was/be/AUX/3/aux:pass "
                       "freed/free/VERB/0/root from/from/ADP/5/case Chile/Chile/PROPN/3/obl "
                       "././PUNCT/3/punct");
    assert_int_equal(d->nevents, 1);
    assert_true(has_event(d, "CHI PER 067"));
    dyad_doc_free(d);
    /* "* AT ^ +": the noun phrase after AT is skipped, the next actor is T */
    d = code("Chile/Chile/PROPN/2/nsubj criticized/criticize/VERB/0/root at/at/ADP/4/case "
             "Brazil/Brazil/PROPN/2/obl the/the/DET/6/det Peru/Peru/PROPN/4/nmod "
             "././PUNCT/2/punct");
    assert_int_equal(d->nevents, 1);
    assert_true(has_event(d, "CHI PER 122"));
    dyad_doc_free(d);
}

static void multiword_verb(void **state) {
    dyad_doc *d = code("Chile/Chile/PROPN/2/nsubj cordoned/cordon/VERB/0/root "
                       "off/off/ADP/2/compound:prt Peru/Peru/PROPN/2/obj ././PUNCT/2/punct");
    assert_int_equal(d->nevents, 1);
    assert_true(has_event(d, "CHI PER 1721"));
    dyad_doc_free(d);
    d = code("Chile/Chile/PROPN/2/nsubj cordoned/cordon/VERB/0/root Peru/Peru/PROPN/2/obj "
             "././PUNCT/2/punct");
    assert_int_equal(d->nevents, 0);      /* the block's own code is --- */
    dyad_doc_free(d);
}

static void require_dyad_option(void **state) {
    const char *spec = "Chile/Chile/PROPN/2/nsubj criticized/criticize/VERB/0/root "
                       "the/the/DET/4/det plan/plan/NOUN/2/obj ././PUNCT/2/punct";
    ev_lexicon *lx = petr_lexicon(VERBS, sizeof VERBS - 1, NULL);
    dyad_doc *d = code_with(lx, spec);
    assert_int_equal(d->nevents, 0);
    dyad_doc_free(d);
    assert_int_equal(ev_petr_set_option(lx->petr, "require_dyad", "False"), 0);
    d = code_with(lx, spec);
    assert_int_equal(d->nevents, 1);
    assert_true(has_event(d, "CHI --- 121"));
    dyad_doc_free(d);
    assert_int_equal(ev_petr_set_option(lx->petr, "require_dyad", "maybe"), -1);
    assert_int_equal(ev_petr_set_option(lx->petr, "comma_max", "0"), 1);
    ev_lexicon_free(lx);
}

/* Bad lines: reported as file:line, skipped; the rest loads. */
static void bad_dictionary_lines_are_reported(void **state) {
    static const char BAD[] =
        "&SELF\n"
        "+&SELF\n"                              /* 2: a synset in itself */
        "--- SEND [060 ---\n"                   /* 3: unclosed code */
        "SEND\n"
        "- * AID [070]\n"
        "- * HELP\n"                            /* 6: no code */
        "- + [071]\n"                           /* 7: no '*' */
        "- * &NOPE [072]\n"                     /* 8: undefined synset */
        "- * * [073]\n"                         /* 9: two '*' */
        "- * GIFT [07#3]\n"                     /* 10: bad code */
        "BAN {BANS\n"                           /* 11: '{' without '}' */
        "- * + [074]\n";                        /* fine: '+' alone after '*' */
    char *out = NULL;
    size_t outlen = 0;
    FILE *errf = open_memstream(&out, &outlen);
    ev_lexicon *lx = petr_lexicon(BAD, sizeof BAD - 1, errf);
    fclose(errf);
    for (int ln = 2; ln <= 11; ln++) {
        if (ln == 4 || ln == 5) continue;
        char want[64];
        snprintf(want, sizeof want, "t.verbs.txt:%d:", ln);
        if (!strstr(out, want)) fail_msg("no report for line %d in:\n%s", ln, out);
    }
    assert_null(strstr(out, "t.verbs.txt:5:"));
    free(out);
    /* the good patterns work: send + aid */
    dyad_doc *d = code_with(lx, "Chile/Chile/PROPN/2/nsubj sent/send/VERB/0/root aid/aid/NOUN/2/obj "
                                "to/to/ADP/5/case Peru/Peru/PROPN/2/obl ././PUNCT/2/punct");
    assert_true(has_event(d, "CHI PER 070"));
    dyad_doc_free(d);
    d = code_with(lx, "Chile/Chile/PROPN/2/nsubj sent/send/VERB/0/root Peru/Peru/PROPN/2/obj "
                      "././PUNCT/2/punct");
    assert_true(has_event(d, "CHI PER 074"));
    dyad_doc_free(d);
    ev_lexicon_free(lx);
}

/* 40 nested synsets of two members each would be 2^40 phrases if expanded;
 * garbage and overlong lines must not crash.  All within a second. */
static void nested_synsets_and_garbage_do_not_hang(void **state) {
    dyad_buf b = {0};
    dyad_buf_puts(&b, "&S0\n+ALPHA\n+BETA\n");
    for (int i = 1; i < 40; i++) dyad_buf_printf(&b, "&S%d\n+&S%d &S%d\n+GAMMA_&S%d\n", i, i - 1, i - 1, i - 1);
    dyad_buf_puts(&b, "--- PRAISE [051] ---\nPRAISE\n- * &S39 PLAN [052]\n- ");
    for (int i = 0; i < 5000; i++) dyad_buf_puts(&b, "WORD_");
    dyad_buf_puts(&b, " * [053]\n\x01\xff\xfe [[[ ]]] {{{\n- * ^ ^ ^ ^ ^ ^ $ + % [054]\n");
    FILE *devnull = fopen("/dev/null", "w");
    clock_t t0 = clock();
    ev_lexicon *lx = petr_lexicon(b.data, b.len, devnull);
    fclose(devnull);
    dyad_doc *d = code_with(lx, "Chile/Chile/PROPN/2/nsubj praised/praise/VERB/0/root "
                                "alpha/alpha/NOUN/4/compound beta/beta/NOUN/5/compound "
                                "alpha/alpha/NOUN/6/compound beta/beta/NOUN/2/obj "
                                "of/of/ADP/8/case Peru/Peru/PROPN/6/nmod ././PUNCT/2/punct");
    assert_true(has_event(d, "CHI PER 051"));
    dyad_doc_free(d);
    assert_true((double)(clock() - t0) / CLOCKS_PER_SEC < 5.0);
    ev_lexicon_free(lx);
    dyad_buf_free(&b);
}

/* ---- actor phrases the PETRARCH way ---- */

static const char ACTORS[] =
    "CHILE [CHL]\n"
    "+CHILEAN\n"
    "PERU [PER]\n"
    "SANTIAGO_PALACE [CHLGOV]\n"
    "OLD_FORT\n"
    "\t[CHLMIL <20000101]\n"
    "\t[CHLREB]\n"
    "THE_ISLES [ISA/ISB]\n";

static const char AGENTS[] =
    "MINISTER [~GOV]\n"
    "OFFICIAL [~GOV]\n"
    "LAWMAKER [~LEG]\n"
    "AID_AGENCY [NGO~]\n"
    "MEDIA {} [~MED]\n"
    "GOVERNMENT [~GOV]\n"
    "PLANNING_COUNCIL [~PLN]\n"
    "ZEALOT [~REL]\n";

/* A KB from ACTORS and AGENTS (temporary files, removed again). */
static dyad_kb *test_kb(void) {
    dyad_kb *kb = dyad_kb_new();
    assert_non_null(kb);
    const char *texts[2] = {ACTORS, AGENTS};
    const char *names[2] = {"actors", "agents"};
    for (int i = 0; i < 2; i++) {
        char path[256];
        snprintf(path, sizeof path, "/tmp/dyad-petr-%d.%s.txt", (int)getpid(), names[i]);
        FILE *f = fopen(path, "w");
        assert_non_null(f);
        fputs(texts[i], f);
        fclose(f);
        dyad_error err = {0};
        assert_int_equal(dyad_kb_load(kb, path, &err), 0);
        unlink(path);
    }
    return kb;
}

/* Mention over tokens [a, b] with head h, coded code (NULL: agent only
 * with sector sector). */
static void span_mention(dyad_doc *d, uint32_t a, uint32_t b, uint32_t h, const char *code,
                         const char *sector) {
    fix_mention(d, 0, h, code ? code : "---");
    dyad_mention *m = &d->mentions[d->nmentions - 1];
    m->first = a;
    m->last = b;
    m->code = code;
    m->how = code ? "kb" : "sector";
    snprintf(m->sector, sizeof m->sector, "%s", sector ? sector : "");
    if (!code) m->country[0] = 0;
}

static const char *mention_code(const dyad_doc *d, size_t m) {
    return d->mentions[m].code ? d->mentions[m].code : "(null)";
}

static void actor_phrases_read_the_petrarch_way(void **state) {
    dyad_kb *kb = test_kb();
    /* aid agency Chile minister: prefix agent, actor, agent */
    dyad_doc *d = fix_doc("aid/aid/NOUN/2/compound agency/agency/NOUN/4/compound "
                          "Chile/Chile/PROPN/4/compound minister/minister/NOUN/5/nsubj "
                          "spoke/speak/VERB/0/root ././PUNCT/5/punct", "2026-03-04");
    span_mention(d, 0, 3, 3, "CHLGOV", "GOV");
    assert_int_equal(ev_petr_actors(kb, d, 0, 20260304), 0);
    assert_string_equal(mention_code(d, 0), "NGOCHLGOV");
    dyad_doc_free(d);
    /* an agent part the actor code already holds is left out; one that is
     * not at a 3-letter boundary is kept; "former" makes the agent ELI */
    d = fix_doc("Santiago/Santiago/PROPN/2/compound Palace/Palace/PROPN/3/compound "
                "officials/official/NOUN/4/nsubj spoke/speak/VERB/0/root ././PUNCT/4/punct",
                "2026-03-04");
    span_mention(d, 0, 2, 2, "CHLGOV", "GOV");
    ev_petr_actors(kb, d, 0, 20260304);
    assert_string_equal(mention_code(d, 0), "CHLGOV");
    dyad_doc_free(d);
    d = fix_doc("Chile/Chile/PROPN/3/compound former/former/ADJ/3/amod "
                "ministers/minister/NOUN/4/nsubj spoke/speak/VERB/0/root ././PUNCT/4/punct",
                "2026-03-04");
    span_mention(d, 0, 2, 2, "CHLGOV", "GOV");
    ev_petr_actors(kb, d, 0, 20260304);
    assert_string_equal(mention_code(d, 0), "CHLELI");
    dyad_doc_free(d);
    /* the possessor's actor comes first: "Peru's Chilean minister" */
    d = fix_doc("Peru/Peru/PROPN/4/nmod:poss 's/'s/PART/1/case Chilean/Chilean/ADJ/4/amod "
                "minister/minister/NOUN/5/nsubj spoke/speak/VERB/0/root ././PUNCT/5/punct",
                "2026-03-04");
    span_mention(d, 0, 0, 0, "PER", NULL);
    span_mention(d, 2, 3, 3, "CHLGOV", "GOV");
    ev_petr_actors(kb, d, 0, 20260304);
    assert_string_equal(mention_code(d, 1), "PERGOV");
    dyad_doc_free(d);
    /* dated codes at the document date */
    const char *fort = "Old/Old/PROPN/2/compound Fort/Fort/PROPN/3/nsubj "
                       "spoke/speak/VERB/0/root ././PUNCT/3/punct";
    d = fix_doc(fort, "1999-05-05");
    span_mention(d, 0, 1, 1, "CHLREB", NULL);
    ev_petr_actors(kb, d, 0, 19990505);
    assert_string_equal(mention_code(d, 0), "CHLMIL");
    dyad_doc_free(d);
    /* a bare later conjunct takes the first one's modifiers */
    d = fix_doc("Chilean/Chilean/ADJ/3/amod zealot/zealot/NOUN/3/compound media/media/NOUN/6/nsubj "
                "and/and/CCONJ/5/cc government/government/NOUN/3/conj spoke/speak/VERB/0/root "
                "././PUNCT/6/punct", "2026-03-04");
    span_mention(d, 0, 2, 2, "CHLMED", "MED");
    span_mention(d, 4, 4, 4, NULL, "GOV");
    ev_petr_actors(kb, d, 0, 20260304);
    assert_string_equal(mention_code(d, 0), "CHLRELMED");
    assert_string_equal(mention_code(d, 1), "CHLRELGOV");
    dyad_doc_free(d);
    /* "the Isles" is a name with its article; several actors kept */
    d = fix_doc("the/the/DET/2/det Isles/Isles/PROPN/3/nsubj spoke/speak/VERB/0/root "
                "././PUNCT/3/punct", "2026-03-04");
    span_mention(d, 1, 1, 1, "XXX", NULL);
    ev_petr_actors(kb, d, 0, 20260304);
    assert_string_equal(mention_code(d, 0), "ISA/ISB");
    dyad_doc_free(d);
    dyad_kb_free(kb);
}

static void agents_shared_over_places(void **state) {
    /* lawmakers and officials in Chile and Peru restored relations with X */
    ev_lexicon *lx = petr_lexicon(VERBS, sizeof VERBS - 1, NULL);
    dyad_doc *d = fix_doc("lawmakers/lawmaker/NOUN/8/nsubj and/and/CCONJ/3/cc "
                          "officials/official/NOUN/1/conj in/in/ADP/5/case Chile/Chile/PROPN/1/nmod "
                          "and/and/CCONJ/7/cc Peru/Peru/PROPN/5/conj restored/restore/VERB/0/root "
                          "relations/relation/NOUN/8/obj with/with/ADP/11/case "
                          "Brazil/Brazil/PROPN/9/nmod ././PUNCT/8/punct", "2026-03-04");
    span_mention(d, 0, 0, 0, NULL, "LEG");
    span_mention(d, 2, 2, 2, "CHLGOV", "GOV");
    d->mentions[1].how = "nmod";
    span_mention(d, 4, 4, 4, "CHL", NULL);
    span_mention(d, 6, 6, 6, "PER", NULL);
    span_mention(d, 10, 10, 10, "BRA", NULL);
    assert_int_equal(ev_petr_code_doc(lx, NULL, d, NULL), 0);
    assert_true(has_event(d, "CHLLEG BRA 064"));
    assert_true(has_event(d, "PERLEG BRA 064"));
    assert_true(has_event(d, "CHLGOV BRA 064"));
    assert_true(has_event(d, "PERGOV BRA 064"));
    assert_int_equal(d->nevents, 4);
    dyad_doc_free(d);
    ev_lexicon_free(lx);
}

static void new_actor_length_option(void **state) {
    ev_lexicon *lx = petr_lexicon(VERBS, sizeof VERBS - 1, NULL);
    const char *spec = "the/the/DET/3/det harbour/harbour/NOUN/3/compound board/board/NOUN/4/nsubj "
                       "met/meet/VERB/0/root Peru/Peru/PROPN/4/obj ././PUNCT/4/punct";
    dyad_doc *d = code_with(lx, spec);
    assert_int_equal(d->nevents, 0);
    dyad_doc_free(d);
    assert_int_equal(ev_petr_set_option(lx->petr, "new_actor_length", "3"), 0);
    d = code_with(lx, spec);
    assert_true(has_event(d, "\"THE HARBOUR BOARD\" PER 031"));
    assert_true(has_event(d, "PER \"THE HARBOUR BOARD\" 032"));
    dyad_doc_free(d);
    assert_int_equal(ev_petr_set_option(lx->petr, "new_actor_length", "2"), 0);
    d = code_with(lx, spec);
    assert_int_equal(d->nevents, 0);          /* three words are too many */
    dyad_doc_free(d);
    assert_int_equal(ev_petr_set_option(lx->petr, "new_actor_length", "many"), -1);
    ev_lexicon_free(lx);
}

static void verb_tagged_as_noun_is_coded(void **state) {
    /* "Chile restores relations with Peru" with "restores" taken for a noun */
    dyad_doc *d = code("Chile/Chile/PROPN/2/compound restores/restore/NOUN/0/root "
                       "relations/relation/NOUN/2/nmod with/with/ADP/5/case "
                       "Peru/Peru/PROPN/3/nmod ././PUNCT/2/punct");
    assert_true(has_event(d, "CHI PER 064"));
    dyad_doc_free(d);
    /* a noun followed by its verb stays a noun: "Chile restores" is no verb
     * when "met" follows */
    d = code("Chile/Chile/PROPN/2/compound restores/restore/NOUN/3/nsubj met/meet/VERB/0/root "
             "Peru/Peru/PROPN/3/obj ././PUNCT/3/punct");
    assert_false(has_event(d, "CHI PER 064"));
    dyad_doc_free(d);
}

static void pattern_words_and_synset_plurals(void **state) {
    static const char V[] =
        "&THING\n+PLAN\n&FIXED_\n+TREATY\n"
        "--- PRAISE [051] ---\nPRAISE\n"
        "- * ACCORD [052]\n- * &THING [053]\n- * &FIXED [054]\n";
    ev_lexicon *lx = petr_lexicon(V, sizeof V - 1, NULL);
    const char *fmt = "Chile/Chile/PROPN/2/nsubj praised/praise/VERB/0/root %s/%s/NOUN/2/obj "
                      "of/of/ADP/5/case Peru/Peru/PROPN/3/nmod ././PUNCT/2/punct";
    static const struct { const char *w, *lemma, *want; } C[] = {
        {"accord", "accord", "CHI PER 052"},
        {"accords", "accord", "CHI PER 051"},     /* pattern words as written */
        {"plans", "plan", "CHI PER 053"},         /* synset members: plurals too */
        {"treaties", "treaty", "CHI PER 051"},    /* not when the label ends in '_' */
    };
    for (size_t i = 0; i < sizeof C / sizeof C[0]; i++) {
        char spec[512];
        snprintf(spec, sizeof spec, fmt, C[i].w, C[i].lemma);
        dyad_doc *d = code_with(lx, spec);
        if (!has_event(d, C[i].want)) fail_msg("%s: no %s", C[i].w, C[i].want);
        dyad_doc_free(d);
    }
    ev_lexicon_free(lx);
}

static void gerund_after_clause_has_no_subject(void **state) {
    /* "Chile praised Peru after restoring relations with Brazil": no event
     * for restoring (PETRARCH finds no subject there) */
    dyad_doc *d = code("Chile/Chile/PROPN/2/nsubj praised/praise/VERB/0/root Peru/Peru/PROPN/2/obj "
                       "after/after/SCONJ/5/mark restoring/restore/VERB/2/advcl "
                       "relations/relation/NOUN/5/obj with/with/ADP/8/case Brazil/Brazil/PROPN/6/nmod "
                       "././PUNCT/2/punct");
    for (size_t i = 0; i < d->nevents; i++) assert_string_not_equal(d->events[i].cameo, "064");
    dyad_doc_free(d);
}

static void subjects_across_clauses(void **state) {
    static const char V[] =
        "&NEAR\n+CLOSER\n"
        "--- REGRET [111] ---\nREGRET\n- NOTED + * [115]\n"
        "--- ACCORD [---] ---\nACCORD\n- EDGING &NEAR * [083]\n"
        "--- STOP [190] ---\nSTOP\n";
    ev_lexicon *lx = petr_lexicon(V, sizeof V - 1, NULL);
    /* "Chile noted that Peru regretted it": '+' is regret's own subject,
     * the source is the subject of "noted" */
    dyad_doc *d = code_with(lx, "Chile/Chile/PROPN/2/nsubj noted/note/VERB/0/root "
                                "that/that/SCONJ/5/mark Peru/Peru/PROPN/5/nsubj "
                                "regretted/regret/VERB/2/ccomp it/it/PRON/5/obj ././PUNCT/2/punct");
    assert_true(has_event(d, "CHI PER 115"));
    assert_int_equal(d->nevents, 1);
    dyad_doc_free(d);
    /* a clause on a noun: the actor before it only when the pattern's
     * upper words matched ("edging closer to accord" vs "efforts to stop") */
    d = code_with(lx, "Chile/Chile/PROPN/3/nsubj is/be/AUX/3/aux edging/edge/VERB/0/root "
                      "closer/closer/NOUN/3/obj to/to/PART/6/mark accord/accord/VERB/4/acl "
                      "with/with/ADP/8/case Peru/Peru/PROPN/6/obl ././PUNCT/3/punct");
    assert_true(has_event(d, "CHI PER 083"));
    dyad_doc_free(d);
    d = code_with(lx, "Chile/Chile/PROPN/2/nsubj praised/praise/VERB/0/root efforts/effort/NOUN/2/obj "
                      "to/to/PART/5/mark stop/stop/VERB/3/acl Peru/Peru/PROPN/5/obj "
                      "././PUNCT/2/punct");
    assert_false(has_event(d, "CHI PER 190"));
    dyad_doc_free(d);
    ev_lexicon_free(lx);
    /* a name the parser cut in two ("a row between Santiago | Palace"):
     * the second piece is no co-subject */
    lx = petr_lexicon(VERBS, sizeof VERBS - 1, NULL);
    d = fix_doc("Chile/Chile/PROPN/2/compound envoy/envoy/NOUN/8/nsubj of/of/ADP/4/case "
                "row/row/NOUN/2/nmod with/with/ADP/6/case Santiago/Santiago/PROPN/4/nmod "
                "Palace/Palace/PROPN/8/nsubj met/meet/VERB/0/root Peru/Peru/PROPN/8/obj "
                "././PUNCT/8/punct", "2026-03-04");
    span_mention(d, 0, 1, 1, "CHI", NULL);
    span_mention(d, 5, 6, 6, "BRA", NULL);
    span_mention(d, 8, 8, 8, "PER", NULL);
    assert_int_equal(ev_petr_code_doc(lx, NULL, d, NULL), 0);
    assert_true(has_event(d, "CHI PER 031"));
    assert_false(has_event(d, "BRA PER 031"));
    dyad_doc_free(d);
    ev_lexicon_free(lx);
}

static void hyphenated_name_is_one_word(void **state) {
    static const char A[] = "OLD_FORT [CHLMIL]\n+FORT-NOIR\n";
    dyad_kb *kb = dyad_kb_new();
    char path[256];
    snprintf(path, sizeof path, "/tmp/dyad-petr-%d.actors.txt", (int)getpid());
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(A, f);
    fclose(f);
    dyad_error err = {0};
    assert_int_equal(dyad_kb_load(kb, path, &err), 0);
    unlink(path);
    dyad_doc *d = fix_doc("Fort/Fort/PROPN/4/nsubj -/-/PUNCT/3/punct Noir/Noir/PROPN/1/flat "
                          "spoke/speak/VERB/0/root ././PUNCT/4/punct", "2026-03-04");
    d->tokens[0].space_after = false;
    d->tokens[1].space_after = false;
    span_mention(d, 0, 2, 0, NULL, NULL);
    ev_petr_actors(kb, d, 0, 20260304);
    assert_string_equal(mention_code(d, 0), "CHLMIL");
    dyad_doc_free(d);
    /* overlong hyphenated pieces: cut, no overflow */
    char spec[1024], w[101];
    memset(w, 'x', 100);
    w[100] = 0;
    snprintf(spec, sizeof spec, "%s/%s/PROPN/6/nsubj -/-/PUNCT/3/punct %s/%s/PROPN/1/flat "
             "-/-/PUNCT/5/punct %s/%s/PROPN/1/flat spoke/speak/VERB/0/root", w, w, w, w, w, w);
    d = fix_doc(spec, "2026-03-04");
    assert_non_null(d);
    for (int i = 0; i < 4; i++) d->tokens[i].space_after = false;
    span_mention(d, 0, 4, 0, NULL, NULL);
    ev_petr_actors(kb, d, 0, 20260304);
    assert_null(d->mentions[0].code);
    dyad_doc_free(d);
    dyad_kb_free(kb);
}

static void parse_leaves_are_the_sentence(void **state) {
    char *t = ev_ptb_text("(ROOT (S (NP (NNP Chile) (POS 's) (NN envoy)) (VP (VBD met) "
                          "(NP (-LRB- -LRB-) (NNP Peru) (-RRB- -RRB-))) (. .)))");
    assert_non_null(t);
    assert_string_equal(t, "Chile's envoy met (Peru).");
    free(t);
    assert_null(ev_ptb_text("(ROOT (S (NP (NNP Chile)) (VP (VBD met)) (. .))"));   /* unbalanced */
    assert_null(ev_ptb_text("(ROOT (S (NP (NNP Chile))))) (("));
    assert_null(ev_ptb_text("no brackets"));
    assert_null(ev_ptb_text(""));
}

/* The PETRARCH2 unit-test records (needs ../shared). */
static void petrarch_unit_tests_floor(void **state) {
    char xml[1024];
    SKIP_WITHOUT_SHARED("eval/petrarch2/PETR.UnitTest.records.xml", xml);
    const char *bin = getenv("DYAD_BIN");
    if (!bin) skip();
    char cmd[2400];
    snprintf(cmd, sizeof cmd, "%s eval %s --json 2>/dev/null", bin, xml);
    FILE *p = popen(cmd, "r");
    assert_non_null(p);
    char line[256] = "";
    if (!fgets(line, sizeof line, p)) line[0] = 0;
    pclose(p);
    const char *q = strstr(line, "\"passed\":");
    assert_non_null(q);
    double passed = atof(q + 9);
    print_message("PETRARCH unit tests passed %.4f\n", passed);
    assert_true(passed >= 0.88);    /* 0.926 when written; parse changes may move it a little */
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(default_code_and_lower_synset),
        cmocka_unit_test(underscore_needs_adjacent_words),
        cmocka_unit_test(null_code_blocks_the_default),
        cmocka_unit_test(paired_codes_and_irregular_form),
        cmocka_unit_test(compound_subject_codes_among_members),
        cmocka_unit_test(target_and_source_markers),
        cmocka_unit_test(multiword_verb),
        cmocka_unit_test(require_dyad_option),
        cmocka_unit_test(bad_dictionary_lines_are_reported),
        cmocka_unit_test(nested_synsets_and_garbage_do_not_hang),
        cmocka_unit_test(actor_phrases_read_the_petrarch_way),
        cmocka_unit_test(agents_shared_over_places),
        cmocka_unit_test(new_actor_length_option),
        cmocka_unit_test(verb_tagged_as_noun_is_coded),
        cmocka_unit_test(pattern_words_and_synset_plurals),
        cmocka_unit_test(gerund_after_clause_has_no_subject),
        cmocka_unit_test(subjects_across_clauses),
        cmocka_unit_test(hyphenated_name_is_one_word),
        cmocka_unit_test(parse_leaves_are_the_sentence),
        cmocka_unit_test(petrarch_unit_tests_floor),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
