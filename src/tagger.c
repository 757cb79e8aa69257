/*
 * tagger.c -- part-of-speech tagger: UPOS + Penn XPOS (one class per pair
 * seen in training), FEATS and lemma (via lemma.c), and dyad_tag.
 *
 * A greedy left-to-right averaged perceptron.  Each word's string features
 * (form, lowercase, shape, prefixes and suffixes) are hashed once per
 * sentence into a syn_word; the features of a position combine them with
 * the two previous predicted tags and the neighbouring words, and are
 * scored against the packed sparse weight rows of the model (int16 weights,
 * int32 sums: no floating point, no malloc per token).  Frequent words seen
 * with a single tag in training take it from the tag dictionary directly.
 * A short closed list of prepositions that news uses and the treebanks
 * hardly do (amid, via, ...) is tagged IN/ADP when the tagger says
 * anything but IN; their keys are computed once at model load.
 */
#include "syntax.h"

#include <ctype.h>

enum { F_TAG_NONE = 0x7fff };

size_t syn_normalize(const char *form, char *out, size_t cap) {
    size_t n = 0;
    const unsigned char *s = (const unsigned char *)form;
    while (*s && n + 3 < cap) {
        if (s[0] == 0xE2 && s[1] == 0x80 && s[2]) {
            const char *rep = NULL;
            switch (s[2]) {
            case 0x98: case 0x99: case 0x9B: rep = "'"; break;
            case 0x9C: case 0x9D: case 0x9F: rep = "\""; break;
            case 0x93: case 0x92: rep = "-"; break;
            case 0x94: case 0x95: rep = "--"; break;
            case 0xA6: rep = "..."; break;
            }
            if (rep) {
                size_t k = strlen(rep);
                if (n + k >= cap) break;
                memcpy(out + n, rep, k);
                n += k;
                s += 3;
                continue;
            }
        }
        out[n++] = (char)*s++;
    }
    out[n] = '\0';
    return n;
}

void syn_lower(char *s) {
    for (; *s; s++)
        if (*s >= 'A' && *s <= 'Z') *s = (char)(*s + 32);
}

enum { WF_UPPER = 1, WF_ALLUPPER = 2, WF_DIGIT = 4, WF_HYPHEN = 8, WF_ALPHA = 16 };

void syn_word_init(syn_word *w, const char *form) {
    char buf[256], low[256], shape[16];
    size_t n = syn_normalize(form, buf, sizeof buf);
    memcpy(low, buf, n + 1);
    syn_lower(low);
    w->form = syn_hash_bytes(buf, n, 1);
    w->lower = syn_hash_bytes(low, n, 2);
    size_t sn = 0;
    uint32_t flags = 0;
    int upper = 0, alpha = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)buf[i];
        char k = c >= 'A' && c <= 'Z' ? 'X' : c >= 'a' && c <= 'z' ? 'x'
                 : c >= '0' && c <= '9' ? 'd' : c >= 0x80 ? 'u' : (char)c;
        if (k == 'X') upper++;
        if (k == 'X' || k == 'x') alpha++;
        if (k == 'd') flags |= WF_DIGIT;
        if (c == '-') flags |= WF_HYPHEN;
        if (sn >= 2 && shape[sn - 1] == k && shape[sn - 2] == k) continue;
        if (sn < sizeof shape - 1) shape[sn++] = k;
    }
    if (n && buf[0] >= 'A' && buf[0] <= 'Z') flags |= WF_UPPER;
    if (upper && upper == alpha) flags |= WF_ALLUPPER;
    if (alpha) flags |= WF_ALPHA;
    w->shape = syn_hash_bytes(shape, sn, 3);
    w->lowkey = syn_dict_key(low, n);
    w->amb = w->top = 0;
    w->flags = flags;
    for (size_t k = 0; k < 4; k++) {
        size_t l = k + 1 < n ? k + 1 : n;
        w->pre[k] = syn_hash_bytes(low, l, 10 + k);
        w->suf[k] = syn_hash_bytes(low + n - l, l, 20 + k);
    }
}

#define TF(tmpl, v) syn_combine((uint64_t)(tmpl) * 0x100000001b3ULL, (v))
#define TF2(tmpl, a, b) syn_combine(TF(tmpl, a), (b))

static const syn_word bos = {0xb05b05, 0xb05b05, 0xb05, {1, 1, 1, 1}, {1, 1, 1, 1}, 1, 1, 9999, 0};
static const syn_word eos = {0xe05e05, 0xe05e05, 0xe05, {2, 2, 2, 2}, {2, 2, 2, 2}, 2, 2, 9998, 0};

int syn_tagger_features(const syn_word *w, int n, int i, int p1, int p2, uint64_t *out) {
    const syn_word *c = &w[i];
    const syn_word *m1 = i >= 1 ? &w[i - 1] : &bos, *m2 = i >= 2 ? &w[i - 2] : &bos;
    const syn_word *n1 = i + 1 < n ? &w[i + 1] : &eos, *n2 = i + 2 < n ? &w[i + 2] : &eos;
    uint64_t t1 = p1 < 0 ? F_TAG_NONE : (uint64_t)p1, t2 = p2 < 0 ? F_TAG_NONE : (uint64_t)p2;
    int k = 0;
    out[k++] = TF(0, 0);
    out[k++] = TF(1, c->form);
    out[k++] = TF(2, c->lower);
    for (int j = 0; j < 4; j++) out[k++] = TF(3 + j, c->suf[j]);
    for (int j = 0; j < 3; j++) out[k++] = TF(7 + j, c->pre[j]);
    out[k++] = TF(10, c->shape);
    out[k++] = TF(11, c->flags | (i == 0 ? 256u : 0u));
    out[k++] = TF(12, t1);
    out[k++] = TF(13, t2);
    out[k++] = TF2(14, t1, t2);
    out[k++] = TF2(15, t1, c->lower);
    out[k++] = TF(16, m1->lower);
    out[k++] = TF(17, m1->suf[2]);
    out[k++] = TF(18, m2->lower);
    out[k++] = TF(19, n1->lower);
    out[k++] = TF(20, n1->suf[2]);
    out[k++] = TF(21, n2->lower);
    out[k++] = TF2(22, m1->lower, c->lower);
    out[k++] = TF2(23, c->lower, n1->lower);
    out[k++] = TF(24, n1->shape);
    out[k++] = TF2(25, t1, c->suf[2]);
    out[k++] = TF2(26, n1->suf[0], c->suf[1]);
    out[k++] = TF2(27, t1, n1->lower);
    out[k++] = TF(28, c->amb);
    out[k++] = TF(29, n1->amb);
    out[k++] = TF2(30, c->amb, t1);
    out[k++] = TF(31, n1->top);
    out[k++] = TF(32, n2->amb);
    out[k++] = TF2(33, c->amb, n1->top);
    return k;
}

const char *const syn_rare_preps[SYN_NPREP] = {
    "amid", "amidst", "via", "despite", "amongst", "unlike", "versus", "vs.",
    "atop", "notwithstanding", "beside", "throughout", "toward", "towards", "vs", NULL};

/* Corrects the tag of a rare preposition (see syn_rare_preps). */
static int prep_fix(const dyad_model *m, const syn_word *w, int tag) {
    if (m->tag_in_adp < 0) return tag;
    for (int i = 0; i < SYN_NPREP && m->prep_keys[i]; i++)   /* the rare case first */
        if (m->prep_keys[i] == w->lowkey)
            return strcmp(m->tag_xpos[tag], "IN") == 0 ? tag : m->tag_in_adp;
    return tag;
}

int syn_tag_class(const dyad_model *m, const char *xpos, int upos) {
    if (!xpos) return -1;
    for (uint32_t i = 0; i < m->ntags; i++)
        if ((int)m->tags[i].upos == upos && strcmp(m->tag_xpos[i], xpos) == 0) return (int)i;
    for (uint32_t i = 0; i < m->ntags; i++)
        if (strcmp(m->tag_xpos[i], xpos) == 0) return (int)i;
    return -1;
}

static int best_class(const int32_t *scores, uint32_t n) {
    int best = 0;
    for (uint32_t c = 1; c < n; c++)
        if (scores[c] > scores[best]) best = (int)c;
    return best;
}

int syn_tag_sentence(const dyad_model *m, dyad_doc *doc, dyad_token *t, int n,
                     syn_word *w, int *tags) {
    for (int i = 0; i < n; i++) {
        syn_word_init(&w[i], t[i].form ? t[i].form : "");
        const syn_entry *a = syn_table_get(&m->ambig, w[i].lowkey);
        if (a) {
            w[i].amb = a->a;
            w[i].top = a->b + 1;
        }
    }
    int32_t scores[SYN_MAX_CLASSES];
    uint64_t feats[SYN_TAG_NFEAT];
    for (int i = 0; i < n; i++) {
        int tag = -1;
        char buf[256];
        size_t len = syn_normalize(t[i].form ? t[i].form : "", buf, sizeof buf);
        const syn_entry *d = syn_table_get(&m->tagdict, syn_dict_key(buf, len));
        if (d && d->a < m->ntags) {
            tag = (int)d->a;
        } else {
            int nf = syn_tagger_features(w, n, i, i ? tags[i - 1] : -1,
                                         i > 1 ? tags[i - 2] : -1, feats);
            memset(scores, 0, syn_ncls_pad(m->ntags) * sizeof *scores);
            syn_weights_score(&m->tagger, feats, nf, scores);
            tag = best_class(scores, m->ntags);
        }
        tag = prep_fix(m, &w[i], tag);
        tags[i] = tag;
        t[i].upos = (uint8_t)m->tags[tag].upos;
        t[i].xpos = m->tag_xpos[tag];
        uint32_t fb = 0;
        t[i].lemma = syn_lemma(m, doc, t[i].form ? t[i].form : "", tag, &fb);
        t[i].feats = fb;
        if (!t[i].lemma) return -1;
    }
    return 0;
}

int dyad_tag(dyad_ctx *ctx, dyad_doc *doc) {
    const dyad_model *m = dyad_ctx_model(ctx);
    if (!m) return -1;
    size_t maxn = 1;
    for (size_t s = 0; s < doc->nsentences; s++)
        if (doc->sentences[s].ntokens > maxn) maxn = doc->sentences[s].ntokens;
    syn_word *w = malloc(maxn * sizeof *w);
    int *tags = malloc(maxn * sizeof *tags);
    int rc = w && tags ? 0 : -1;
    for (size_t s = 0; rc == 0 && s < doc->nsentences; s++) {
        const dyad_sentence *se = &doc->sentences[s];
        if (se->first + (size_t)se->ntokens > doc->ntokens) continue;
        rc = syn_tag_sentence(m, doc, doc->tokens + se->first, (int)se->ntokens, w, tags);
    }
    if (rc < 0) dyad_error_set(&ctx->err, doc->id, 0, -1, "out of memory while tagging");
    free(w);
    free(tags);
    return rc;
}
