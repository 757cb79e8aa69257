/*
 * parser.c -- labeled dependency parser: arc-eager transitions scored by an
 * averaged perceptron with Zhang & Nivre (2011) style features, and
 * dyad_parse.
 *
 * The state is a stack (the root, index 0, at its bottom), a buffer front
 * and the arcs made so far, with each word's two leftmost and two
 * rightmost children, valencies and label sets kept up to date so features
 * cost nothing to look up.  Actions: SHIFT, REDUCE, LEFT-l, RIGHT-l (l a UD
 * relation with its subtype).  The root takes a single child; words left
 * without a head at the end attach to that child as "dep".  Every step
 * scores all actions with one pass over the features' sparse weight rows.
 *
 * Decoding is a beam search (width from the model, or dyad_options.beam):
 * each of the k best partial parses is extended by every legal action, and
 * the k best (parse score + action score) extensions are kept.  Every parse
 * of n words takes exactly 2n transitions (each word is pushed once and
 * popped once), so the items of a beam always have the same length and
 * their scores compare directly.  Width 1 is greedy decoding.  The beam's
 * states live in one scratch block per dyad_parse call; copying a state
 * copies only its first n + 2 entries (syn_state_copy).
 *
 * Sentences longer than SYN_MAX_SENT words are parsed in their first
 * SYN_MAX_SENT words; the rest are chained to the previous word as "dep".
 */
#include "syntax.h"

void syn_state_init(syn_parse_state *s, int n) {
    s->n = n;
    s->sp = 1;
    s->stack[0] = 0;
    s->b = 1;
    s->root_child = -1;
    for (int i = 0; i <= n; i++) {
        s->head[i] = -1;
        s->label[i] = -1;
        s->lc1[i] = s->lc2[i] = s->rc1[i] = s->rc2[i] = -1;
        s->nl[i] = s->nr[i] = 0;
        s->lset[i] = s->rset[i] = 0;
    }
}

void syn_state_copy(syn_parse_state *d, const syn_parse_state *s) {
    size_t m = (size_t)s->n + 2;
    d->n = s->n;
    d->sp = s->sp;
    d->b = s->b;
    d->root_child = s->root_child;
    memcpy(d->stack, s->stack, (size_t)s->sp * sizeof *s->stack);
    memcpy(d->head, s->head, m * sizeof *s->head);
    memcpy(d->label, s->label, m * sizeof *s->label);
    memcpy(d->lc1, s->lc1, m * sizeof *s->lc1);
    memcpy(d->lc2, s->lc2, m * sizeof *s->lc2);
    memcpy(d->rc1, s->rc1, m * sizeof *s->rc1);
    memcpy(d->rc2, s->rc2, m * sizeof *s->rc2);
    memcpy(d->nl, s->nl, m * sizeof *s->nl);
    memcpy(d->nr, s->nr, m * sizeof *s->nr);
    memcpy(d->lset, s->lset, m * sizeof *s->lset);
    memcpy(d->rset, s->rset, m * sizeof *s->rset);
}

int syn_state_done(const syn_parse_state *s) { return s->b > s->n && s->sp <= 1; }

int syn_action_legal(const syn_parse_state *s, int a) {
    int s0 = s->stack[s->sp - 1];
    int buf = s->b <= s->n;
    if (a == SYN_SHIFT) return buf;
    if (a == SYN_REDUCE) return s->sp > 1 && (s->head[s0] >= 0 || !buf);
    if (!buf) return 0;
    if (a & 1) return s0 != 0 || s->root_child < 0;     /* RIGHT */
    return s0 != 0 && s->head[s0] < 0;                 /* LEFT */
}

static void add_arc(syn_parse_state *s, int h, int d, int l) {
    s->head[d] = h;
    s->label[d] = l;
    if (d < h) {
        if (s->lc1[h] < 0 || d < s->lc1[h]) {
            s->lc2[h] = s->lc1[h];
            s->lc1[h] = d;
        } else if (s->lc2[h] < 0 || d < s->lc2[h]) {
            s->lc2[h] = d;
        }
        s->nl[h]++;
        s->lset[h] |= 1ULL << (l & 63);
    } else {
        if (d > s->rc1[h]) {
            s->rc2[h] = s->rc1[h];
            s->rc1[h] = d;
        } else if (d > s->rc2[h]) {
            s->rc2[h] = d;
        }
        s->nr[h]++;
        s->rset[h] |= 1ULL << (l & 63);
    }
    if (h == 0) s->root_child = d;
}

void syn_apply(syn_parse_state *s, int a) {
    int s0 = s->stack[s->sp - 1];
    if (a == SYN_SHIFT) {
        s->stack[s->sp++] = s->b++;
    } else if (a == SYN_REDUCE) {
        s->sp--;
    } else if (a & 1) {
        add_arc(s, s0, s->b, (a - 3) / 2);
        s->stack[s->sp++] = s->b++;
    } else {
        add_arc(s, s->b, s0, (a - 2) / 2);
        s->sp--;
    }
}

void syn_state_finish(syn_parse_state *s, int dep_label) {
    for (int i = 1; i <= s->n; i++) {
        if (s->head[i] >= 0) continue;
        if (s->root_child < 0) {
            s->head[i] = 0;
            s->root_child = i;
            s->label[i] = -1; /* the caller names it root */
        } else {
            s->head[i] = s->root_child;
            s->label[i] = dep_label;
        }
    }
}

/* ---- features ---- */

#define NONE_V 0x7fffffffULL
#define PF(t, a, b, c)                                                         \
    syn_mix(((uint64_t)(t) * 0x9E3779B97F4A7C15ULL) ^ ((a) * 0xC2B2AE3D27D4EB4FULL) ^ \
            ((b) * 0x165667B19E3779F9ULL + 0x27D4EB2F165667C5ULL) ^                \
            ((c) * 0xFF51AFD7ED558CCDULL + 0x85EBCA77C2B2AE63ULL))

int syn_parser_features(const syn_parse_state *s, const syn_ptok *tk, uint64_t *out) {
    int s0 = s->stack[s->sp - 1];
    int s1 = s->sp > 1 ? s->stack[s->sp - 2] : -1;
    int n0 = s->b <= s->n ? s->b : -1;
    int n1 = s->b + 1 <= s->n ? s->b + 1 : -1;
    int n2 = s->b + 2 <= s->n ? s->b + 2 : -1;
    int s0h = s0 > 0 ? s->head[s0] : -1;
    int s0h2 = s0h > 0 ? s->head[s0h] : -1;
    int s0l = s->lc1[s0], s0l2 = s->lc2[s0], s0r = s->rc1[s0], s0r2 = s->rc2[s0];
    int n0l = n0 >= 0 ? s->lc1[n0] : -1, n0l2 = n0 >= 0 ? s->lc2[n0] : -1;
#define W(i) ((i) >= 0 ? tk[i].w : NONE_V)
#define P(i) ((i) >= 0 ? (uint64_t)tk[i].t : NONE_V)
#define L(i) ((i) >= 0 ? (uint64_t)(s->label[i] + 1) : NONE_V)
    uint64_t s0w = W(s0), s0p = P(s0), n0w = W(n0), n0p = P(n0);
    uint64_t n1w = W(n1), n1p = P(n1), n2w = W(n2), n2p = P(n2);
    uint64_t s0wp = s0w ^ (s0p << 48), n0wp = n0w ^ (n0p << 48);
    uint64_t d = (s0 > 0 && n0 >= 0) ? (uint64_t)(n0 - s0 > 7 ? (n0 - s0 > 12 ? 9 : 8) : n0 - s0)
                                     : 0;
    uint64_t s0vl = (uint64_t)s->nl[s0], s0vr = (uint64_t)s->nr[s0];
    uint64_t n0vl = n0 >= 0 ? (uint64_t)s->nl[n0] : 0;
    int k = 0;
    /* single words */
    out[k++] = PF(1, s0w, 0, 0);
    out[k++] = PF(2, s0p, 0, 0);
    out[k++] = PF(3, s0wp, 0, 0);
    out[k++] = PF(4, n0w, 0, 0);
    out[k++] = PF(5, n0p, 0, 0);
    out[k++] = PF(6, n0wp, 0, 0);
    out[k++] = PF(7, n1w, 0, 0);
    out[k++] = PF(8, n1p, 0, 0);
    out[k++] = PF(9, n1w, n1p, 0);
    out[k++] = PF(10, n2w, 0, 0);
    out[k++] = PF(11, n2p, 0, 0);
    out[k++] = PF(12, n2w, n2p, 0);
    /* pairs */
    out[k++] = PF(13, s0wp, n0wp, 0);
    out[k++] = PF(14, s0wp, n0w, 0);
    out[k++] = PF(15, s0w, n0wp, 0);
    out[k++] = PF(16, s0wp, n0p, 0);
    out[k++] = PF(17, s0p, n0wp, 0);
    out[k++] = PF(18, s0w, n0w, 0);
    out[k++] = PF(19, s0p, n0p, 0);
    out[k++] = PF(20, n0p, n1p, 0);
    /* triples of tags */
    out[k++] = PF(21, n0p, n1p, n2p);
    out[k++] = PF(22, s0p, n0p, n1p);
    out[k++] = PF(23, P(s0h), s0p, n0p);
    out[k++] = PF(24, s0p, P(s0l), n0p);
    out[k++] = PF(25, s0p, P(s0r), n0p);
    out[k++] = PF(26, s0p, n0p, P(n0l));
    /* distance */
    out[k++] = PF(27, s0w, d, 0);
    out[k++] = PF(28, s0p, d, 0);
    out[k++] = PF(29, n0w, d, 0);
    out[k++] = PF(30, n0p, d, 0);
    out[k++] = PF(31, s0w, n0w, d);
    out[k++] = PF(32, s0p, n0p, d);
    /* valency */
    out[k++] = PF(33, s0w, s0vr, 0);
    out[k++] = PF(34, s0p, s0vr, 0);
    out[k++] = PF(35, s0w, s0vl, 0);
    out[k++] = PF(36, s0p, s0vl, 0);
    out[k++] = PF(37, n0w, n0vl, 0);
    out[k++] = PF(38, n0p, n0vl, 0);
    /* second order: heads and children */
    out[k++] = PF(39, W(s0h), 0, 0);
    out[k++] = PF(40, P(s0h), 0, 0);
    out[k++] = PF(41, L(s0), 0, 0);
    out[k++] = PF(42, W(s0l), 0, 0);
    out[k++] = PF(43, P(s0l), 0, 0);
    out[k++] = PF(44, L(s0l), 0, 0);
    out[k++] = PF(45, W(s0r), 0, 0);
    out[k++] = PF(46, P(s0r), 0, 0);
    out[k++] = PF(47, L(s0r), 0, 0);
    out[k++] = PF(48, W(n0l), 0, 0);
    out[k++] = PF(49, P(n0l), 0, 0);
    out[k++] = PF(50, L(n0l), 0, 0);
    /* third order */
    out[k++] = PF(51, W(s0h2), 0, 0);
    out[k++] = PF(52, P(s0h2), 0, 0);
    out[k++] = PF(53, L(s0h), 0, 0);
    out[k++] = PF(54, W(s0l2), 0, 0);
    out[k++] = PF(55, P(s0l2), 0, 0);
    out[k++] = PF(56, L(s0l2), 0, 0);
    out[k++] = PF(57, W(s0r2), 0, 0);
    out[k++] = PF(58, P(s0r2), 0, 0);
    out[k++] = PF(59, L(s0r2), 0, 0);
    out[k++] = PF(60, W(n0l2), 0, 0);
    out[k++] = PF(61, P(n0l2), 0, 0);
    out[k++] = PF(62, L(n0l2), 0, 0);
    out[k++] = PF(63, s0p, P(s0l), P(s0l2));
    out[k++] = PF(64, s0p, P(s0r), P(s0r2));
    out[k++] = PF(65, s0p, P(s0h), P(s0h2));
    out[k++] = PF(66, n0p, P(n0l), P(n0l2));
    /* label sets */
    out[k++] = PF(67, s0w, s->rset[s0], 0);
    out[k++] = PF(68, s0p, s->rset[s0], 0);
    out[k++] = PF(69, s0w, s->lset[s0], 0);
    out[k++] = PF(70, s0p, s->lset[s0], 0);
    out[k++] = PF(71, n0w, n0 >= 0 ? s->lset[n0] : 0, 0);
    out[k++] = PF(72, n0p, n0 >= 0 ? s->lset[n0] : 0, 0);
    /* the word under s0, and whether s0 has a head */
    out[k++] = PF(73, P(s1), s0p, n0p);
    out[k++] = PF(74, W(s1), P(s1), 0);
    out[k++] = PF(75, s0p, n0p, s0 > 0 && s->head[s0] >= 0 ? 1 : 2);
    out[k++] = PF(76, (uint64_t)tk[s0 > 0 ? s0 : 0].u, n0 >= 0 ? (uint64_t)tk[n0].u : NONE_V,
                  s->root_child >= 0);
    out[k++] = PF(77, 0, 0, 0);
#undef W
#undef P
#undef L
    return k;
}

/* ---- dyad_parse ---- */

/* Inserts candidate c into the list best[0..*nb) kept sorted by score
 * (highest first, ties to the earlier candidate), at most k long. */
void syn_beam_insert(syn_cand *best, int *nb, int k, syn_cand c) {
    int i = *nb < k ? (*nb)++ : k;
    if (i == k) {
        if (c.score <= best[k - 1].score) return;
        i = k - 1;
    }
    while (i > 0 && best[i - 1].score < c.score) {
        best[i] = best[i - 1];
        i--;
    }
    best[i] = c;
}

int syn_beam_expand(const syn_weights *w, const syn_parse_state *items, const double *scores,
                    int nitems, const syn_ptok *tk, int k, syn_cand *best) {
    int32_t sc[SYN_MAX_CLASSES];
    uint64_t feats[SYN_PARSE_NFEAT];
    int ncls = (int)w->nclasses, nb = 0;
    for (int j = 0; j < nitems; j++) {
        const syn_parse_state *st = &items[j];
        int nf = syn_parser_features(st, tk, feats);
        memset(sc, 0, syn_ncls_pad((uint32_t)ncls) * sizeof *sc);
        syn_weights_score(w, feats, nf, sc);
        /* only actions that can enter the beam are checked for legality */
        for (int a = 0; a < ncls; a++) {
            double v = scores[j] + (double)sc[a];
            if (nb == k && v <= best[k - 1].score) continue;
            if (!syn_action_legal(st, a)) continue;
            syn_beam_insert(best, &nb, k, (syn_cand){v, j, a});
        }
    }
    return nb;
}

int syn_beam_width(const dyad_ctx *ctx, const dyad_model *m) {
    int k = ctx->opt.beam > 0 ? ctx->opt.beam : (int)m->beam;
    if (k < 1) k = 1;
    return k > SYN_MAX_BEAM ? SYN_MAX_BEAM : k;
}

/* Parses n words with beam width k; tk[1..n] filled; the best parse ends
 * in bm->st[0] (the states of bm hold 2k parses). */
static void parse_words(const dyad_model *m, syn_beam *bm, const syn_ptok *tk, int n, int k) {
    syn_parse_state *cur = bm->st, *next = bm->st + k;
    double sc[SYN_MAX_BEAM], nsc[SYN_MAX_BEAM];
    syn_cand best[SYN_MAX_BEAM];
    int nitems = 1;
    syn_state_init(&cur[0], n);
    sc[0] = 0;
    while (!syn_state_done(&cur[0])) {
        int nb = syn_beam_expand(&m->parser, cur, sc, nitems, tk, k, best);
        if (nb == 0) break;
        for (int j = 0; j < nb; j++) {
            syn_state_copy(&next[j], &cur[best[j].item]);
            syn_apply(&next[j], best[j].action);
            nsc[j] = best[j].score;
        }
        syn_parse_state *t = cur;
        cur = next;
        next = t;
        memcpy(sc, nsc, (size_t)nb * sizeof *sc);
        nitems = nb;
    }
    if (cur != bm->st) syn_state_copy(&bm->st[0], cur);
    syn_state_finish(&bm->st[0], m->label_dep);
}

static void store_sentence(const dyad_model *m, const syn_parse_state *st, dyad_token *t,
                           int n, int total) {
    for (int i = 0; i < n; i++) {
        int h = st->head[i + 1];
        int l = st->label[i + 1];
        if (h == 0) {
            t[i].head = -1;
            t[i].deprel = "root";
        } else {
            t[i].head = h - 1;
            t[i].deprel = l >= 0 && l < (int)m->nlabels ? m->labels[l] : "dep";
            if (strcmp(t[i].deprel, "root") == 0) t[i].deprel = "dep";
        }
    }
    for (int i = n; i < total; i++) {
        t[i].head = i - 1;
        t[i].deprel = "dep";
    }
    for (int i = 0; i < total; i++)
        if (t[i].head >= 0 && t[i].deprel && strcmp(t[i].deprel, "aux:pass") == 0)
            t[t[i].head].feats |= DYAD_F_VOICE_PASS;
}

int dyad_parse(dyad_ctx *ctx, dyad_doc *doc) {
    const dyad_model *m = dyad_ctx_model(ctx);
    if (!m) return -1;
    size_t maxn = 1;
    int tagged = 1;
    for (size_t s = 0; s < doc->nsentences; s++)
        if (doc->sentences[s].ntokens > maxn) maxn = doc->sentences[s].ntokens;
    for (size_t i = 0; i < doc->ntokens; i++)
        if (!doc->tokens[i].xpos) tagged = 0;
    int k = syn_beam_width(ctx, m);
    syn_beam bm = {malloc(2 * (size_t)k * sizeof *bm.st)};
    syn_parse_state *st = bm.st;
    syn_word *w = malloc(maxn * sizeof *w);
    int *tags = malloc(maxn * sizeof *tags);
    syn_ptok *tk = malloc((maxn + 1) * sizeof *tk);
    int rc = st && w && tags && tk ? 0 : -1;
    for (size_t s = 0; rc == 0 && s < doc->nsentences; s++) {
        const dyad_sentence *se = &doc->sentences[s];
        if (se->ntokens == 0 || se->first + (size_t)se->ntokens > doc->ntokens) continue;
        dyad_token *t = doc->tokens + se->first;
        int total = (int)se->ntokens;
        if (!tagged) {
            rc = syn_tag_sentence(m, doc, t, total, w, tags);
            if (rc < 0) break;
        } else {
            for (int i = 0; i < total; i++) {
                syn_word_init(&w[i], t[i].form ? t[i].form : "");
                int c = syn_tag_class(m, t[i].xpos, t[i].upos);
                tags[i] = c < 0 ? (int)m->ntags : c;
            }
        }
        int n = total < SYN_MAX_SENT ? total : SYN_MAX_SENT;
        tk[0].w = 0x4007;
        tk[0].t = (int)m->ntags + 1;
        tk[0].u = 0;
        for (int i = 0; i < n; i++) {
            tk[i + 1].w = w[i].lower;
            tk[i + 1].t = tags[i];
            tk[i + 1].u = t[i].upos;
        }
        parse_words(m, &bm, tk, n, k);
        store_sentence(m, st, t, n, total);
    }
    if (rc < 0) dyad_error_set(&ctx->err, doc->id, 0, -1, "out of memory while parsing");
    free(st);
    free(w);
    free(tags);
    free(tk);
    return rc;
}
