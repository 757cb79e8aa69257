/* test_lexicon.c -- the event lexicon loader and pattern compiler: the
 * shipped data/events/cameo.txt, the compiled frames, syntax errors with
 * file:line, synonym sets, and the PETRARCH2 importers. */
#include "coder_fixture.h"

static const char *data_dir(void) {
    const char *d = getenv("DYAD_DATA");
    return d && *d ? d : "data";
}

static void shipped_lexicon_loads(void **state) {
    char path[1024];
    snprintf(path, sizeof path, "%s/events/cameo.txt", data_dir());
    ev_lexicon *lx = ev_lexicon_new();
    dyad_error err;
    int n = ev_lexicon_load_file(lx, path, stderr, &err);
    print_message("cameo.txt: %d patterns, %zu codes, %zu trigger lemmas, %d errors\n", n,
                  lx->codes.len, lx->index_len, lx->nerrors);
    assert_true(n > 500);
    assert_true(lx->codes.len >= 150);
    for (int r = 1; r <= 20; r++) {
        char root[12];
        snprintf(root, sizeof root, "%02d", r);
        int ci = ev_lexicon_code(lx, root);
        if (ci < 0) continue;       /* the lexicon is written root by root */
        assert_int_equal(lx->codes.items[ci].quad, ev_quad_of_root(r));
    }
    int ci = ev_lexicon_code(lx, "190");
    if (ci >= 0) {
        assert_string_equal(lx->codes.items[ci].root, "19");
        assert_int_equal(lx->codes.items[ci].quad, 4);
        assert_true(lx->codes.items[ci].goldstein < 0);
    }
    ev_lexicon_free(lx);
}

static const ev_pattern *only_pattern(ev_lexicon *lx, const char *pat) {
    int ci = ev_lexicon_ensure_code(lx, "040");
    int pi = ev_lexicon_add_pattern(lx, ci, pat, "t.txt", 1, NULL);
    assert_true(pi >= 0);
    return &lx->pats.items[pi];
}

static void frames_compile(void **state) {
    ev_lexicon *lx = ev_lexicon_new();
    const ev_pattern *p = only_pattern(lx, "S travel to T");
    assert_false(p->nominal);
    assert_string_equal(p->trigger.w[0], "travel");
    assert_int_equal(p->src.kind, EV_SLOT_SUBJ);
    assert_int_equal(p->tgt.kind, EV_SLOT_PREP);
    assert_string_equal(p->tgt.preps.w[0], "to");
    p = only_pattern(lx, "S arrive in|at T");
    assert_int_equal(p->tgt.preps.n, 2);
    p = only_pattern(lx, "S meet (with) T  @recip");
    assert_true(p->recip);
    assert_true(p->tgt.obj_ok);
    p = only_pattern(lx, "S cut off aid to T");
    assert_string_equal(p->particle.w[0], "off");
    assert_int_equal(p->nreqs, 1);
    assert_string_equal(p->reqs[0].alts.w[0], "aid");
    p = only_pattern(lx, "S refuse to meet T");
    assert_int_equal(p->nchain, 1);
    assert_string_equal(p->chain[0].w[0], "meet");
    assert_int_equal(p->tgt.depth, 1);
    p = only_pattern(lx, "S accuse T of");
    assert_string_equal(p->trail_prep.w[0], "of");
    assert_int_equal(p->tgt.kind, EV_SLOT_OBJ);
    p = only_pattern(lx, "S revoke T 's visa|passport");
    assert_int_equal(p->tgt.kind, EV_SLOT_POSS_OBJ);
    assert_int_equal(p->reqs[p->tgt.noun].alts.n, 2);
    p = only_pattern(lx, "S 's visit to T");
    assert_true(p->nominal);
    assert_int_equal(p->src.kind, EV_SLOT_POSS);
    p = only_pattern(lx, "visit by S to T");
    assert_int_equal(p->src.kind, EV_SLOT_PREP);
    p = only_pattern(lx, "talks between S and T  @recip");
    assert_int_equal(p->src.kind, EV_SLOT_BETWEEN);
    p = only_pattern(lx, "S be in talks with T");
    assert_true(p->nominal);
    assert_string_equal(p->trigger.w[0], "talks");
    p = only_pattern(lx, "S protest  @notarget");
    assert_int_equal(p->tgt.kind, EV_SLOT_NONE);
    /* more required words -> more specific */
    const ev_pattern *a = only_pattern(lx, "S impose sanction on T");
    int sa = a->specificity;
    const ev_pattern *b = only_pattern(lx, "S impose T");
    assert_true(sa > b->specificity);
    assert_non_null(ev_lexicon_lookup(lx, "TRAVEL"));
    ev_lexicon_free(lx);
}

static void errors_name_file_and_line(void **state) {
    static const char bad[] =
        "040 1.0 CONSULT Consult\n"
        "  S meet T\n"
        "999x 1 X bad code\n"
        "  T meet S\n"
        "&EMPTY\n"
        "041 1.0 CONSULT/phone Phone\n"
        "  S phone T @weird\n"
        "  S call &NOSUCHSET\n";
    ev_lexicon *lx = ev_lexicon_new();
    char path[64];
    FILE *f = fopen(write_temp(".err", "", 0, path, sizeof path), "w+");
    int n = ev_lexicon_load_text(lx, bad, sizeof bad - 1, "dir/bad.txt", f);
    assert_int_equal(n, 2);            /* "S meet T", "S phone T" */
    rewind(f);
    char all[2048] = "";
    size_t got = fread(all, 1, sizeof all - 1, f);
    all[got] = 0;
    fclose(f);
    unlink(path);
    assert_non_null(strstr(all, "bad.txt:3:"));
    assert_non_null(strstr(all, "bad.txt:4:"));
    assert_non_null(strstr(all, "bad.txt:5:"));
    assert_non_null(strstr(all, "bad.txt:7:"));
    assert_non_null(strstr(all, "bad.txt:8:"));
    ev_lexicon_free(lx);
}

static void petrarch_import(void **state) {
    char path[1024];
    SKIP_WITHOUT_SHARED("eval/petrarch2/CAMEO.2.0.txt", path);
    ev_lexicon *lx = ev_lexicon_new();
    char own[1024];
    snprintf(own, sizeof own, "%s/events/cameo.txt", data_dir());
    dyad_error err;
    ev_lexicon_load_file(lx, own, NULL, &err);
    size_t before = lx->pats.len;
    assert_int_equal(ev_dict_kind(path, NULL), 'v');
    int n = ev_lexicon_load_file(lx, path, NULL, &err);
    print_message("CAMEO.2.0.txt: %d patterns imported\n", n);
    assert_true(n > 2000);
    assert_int_equal(lx->pats.len, before + (size_t)n);
    char dpath[1024];
    SKIP_WITHOUT_SHARED("eval/petrarch2/Phoenix.discards.txt", dpath);
    assert_int_equal(ev_dict_kind(dpath, NULL), 'd');
    assert_true(ev_lexicon_load_file(lx, dpath, NULL, &err) > 100);
    ev_lexicon_free(lx);
}

static void petrarch_verbs_fixture(void **state) {
    static const char verbs[] =
        "&TIES\n+RELATIONS\n+TIES\n\n"
        "--- SEVER [161] ---\nSEVER\n"
        "- * &TIES [161]\n"
        "- * (WITH +) [160] # with target\n"
        "--- HUG [---] ---\n- * + [051]\n";
    ev_lexicon *lx = ev_lexicon_new();
    ev_lexicon_ensure_code(lx, "16");
    int n = ev_petrarch_load_verbs(lx, verbs, sizeof verbs - 1, "x.verbs.txt", NULL);
    assert_int_equal(n, 4);
    const ev_index_entry *e = ev_lexicon_lookup(lx, "sever");
    assert_non_null(e);
    assert_int_equal(e->npats, 3);
    const ev_pattern *p = &lx->pats.items[e->pats[1]];
    assert_int_equal(p->nreqs, 1);
    assert_int_equal(p->reqs[0].alts.n, 2);
    p = &lx->pats.items[e->pats[2]];
    assert_int_equal(p->tgt.kind, EV_SLOT_PREP);
    assert_string_equal(lx->codes.items[p->code].code, "160");
    assert_non_null(ev_lexicon_lookup(lx, "hug"));
    ev_lexicon_free(lx);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(shipped_lexicon_loads),
        cmocka_unit_test(frames_compile),
        cmocka_unit_test(errors_name_file_and_line),
        cmocka_unit_test(petrarch_import),
        cmocka_unit_test(petrarch_verbs_fixture),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
