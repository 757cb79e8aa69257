/* test_eval.c -- scoring of events against PLOVER gold records and
 * PETRARCH-style (source, target, code) sets, on fixture documents. */
#include "coder_fixture.h"

#include <jansson.h>

static dyad_doc *coded(const char *spec) {
    dyad_doc *d = fix_doc(spec, "2026-03-04");
    assert_non_null(d);
    fix_auto_mentions(d);
    ev_lexicon *lx = fix_lexicon();
    assert_int_equal(ev_code_doc(lx, d, NULL), 0);
    ev_lexicon_free(lx);
    return d;
}

#define ATTACK "Colombia/Colombia/PROPN/2/nsubj attacked/attack/VERB/0/root " \
               "Peru/Peru/PROPN/2/obj ././PUNCT/2/punct"

static ev_plover_hit score(const char *json, const dyad_doc *d) {
    json_error_t je;
    json_t *r = json_loads(json, 0, &je);
    assert_non_null(r);
    ev_plover_hit h;
    assert_int_equal(ev_plover_score(r, d, true, &h), 0);
    json_decref(r);
    return h;
}

static void plover_triple(void **state) {
    dyad_doc *d = coded(ATTACK);
    assert_int_equal(d->nevents, 1);
    assert_string_equal(d->events[0].plover, "FIGHT");
    ev_plover_hit h = score("{\"event\":\"FIGHT\",\"source\":[{\"code\":\"COL\"}],"
                            "\"target\":[{\"code\":\"PER\",\"sector\":\"GOV\"}]}", d);
    assert_true(h.type && h.source && h.target && h.triple);
    h = score("{\"event\":\"FIGHT\",\"source\":[{\"code\":\"PER\"}],"
              "\"target\":[{\"code\":\"COL\"}]}", d);
    assert_true(h.type);
    assert_false(h.source || h.target || h.triple);
    h = score("{\"event\":\"ASSAULT\",\"source\":[{\"code\":\"COL\"}],\"target\":\"\"}", d);
    assert_false(h.type || h.triple);
    /* empty gold target: matched by a target among the gold sources */
    h = score("{\"event\":\"FIGHT\",\"source\":[{\"code\":\"COL\"},{\"code\":\"PER\"}],"
              "\"target\":\"\"}", d);
    assert_true(h.triple);
    h = score("{\"event\":\"FIGHT\",\"source\":[{\"code\":\"COL\"}],\"target\":\"\"}", d);
    assert_true(h.source);
    assert_false(h.target);
    dyad_doc_free(d);
}

static void plover_aliases(void **state) {
    assert_string_equal(ev_plover_canon("DISAPPROVE", true), "ACCUSE");
    assert_string_equal(ev_plover_canon("DEMAND", true), "REQUEST");
    assert_string_equal(ev_plover_canon("FIGHT", true), "FIGHT");
    assert_string_equal(ev_plover_canon("FIGHT", false), "ASSAULT");
    assert_string_equal(ev_plover_canon("INVESTIGATE", false), "ACCUSE");
    dyad_doc *d = coded("Japan/Japan/PROPN/2/nsubj accused/accuse/VERB/0/root Peru/Peru/PROPN/2/obj "
                        "of/of/ADP/5/case aggression/aggression/NOUN/2/obl ././PUNCT/2/punct");
    assert_int_equal(d->nevents, 1);
    /* fixture codes Japan as "JAP": the gold JPN matches through the alias */
    ev_plover_hit h = score("{\"event\":\"DISAPPROVE\",\"source\":[{\"code\":\"JPN\"}],"
                            "\"target\":[{\"code\":\"PER\"}]}", d);
    assert_true(h.triple);
    dyad_doc_free(d);
}

static void triple_sets(void **state) {
    dyad_doc *d = coded("Colombia/Colombia/PROPN/4/nsubj and/and/CCONJ/3/cc Peru/Peru/PROPN/1/conj "
                        "met/meet/VERB/0/root ././PUNCT/4/punct");
    ev_triple got[8];
    int n = ev_triples(d, got, 8);
    assert_int_equal(n, 2);
    ev_triple exp[2] = {{"PER", "COL", "040"}, {"COL", "PER", "040"}};
    assert_true(ev_triples_equal(exp, 2, got, n));
    assert_false(ev_triples_equal(exp, 1, got, n));
    ev_triple wrong[2] = {{"PER", "COL", "040"}, {"COL", "PER", "042"}};
    assert_false(ev_triples_equal(wrong, 2, got, n));
    dyad_doc_free(d);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(plover_triple),
        cmocka_unit_test(plover_aliases),
        cmocka_unit_test(triple_sets),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
