/*
 * test_petr.c -- the PETRARCH-style coder (src/events/petr_code.c) on gold
 * dependency trees with a small verb dictionary of our own: default codes,
 * upper/lower patterns, synsets (nested), '_' adjacency, '+' '$' '%' '^',
 * [a:b] codes, the null code, require_dyad; and bad dictionaries (each bad
 * line reported as file:line and skipped, nothing crashes or hangs).
 * The PETRARCH unit-test figure itself is checked when ../shared is there.
 */
#include "coder_fixture.h"

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
    assert_true(passed >= 0.80);
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
        cmocka_unit_test(petrarch_unit_tests_floor),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
