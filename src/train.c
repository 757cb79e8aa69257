/*
 * train.c -- trains the syntax model from UD treebanks and writes it
 * (`dyad train`).
 *
 * Steps, all deterministic (fixed-seed xorshift for shuffling and
 * exploration):
 *  1. read every *-ud-train.conllu of the directory (EWT and GUM);
 *  2. tag classes ("XPOS UPOS" pairs) and relation labels seen;
 *  3. tag dictionary (frequent words with one tag), lemma lexicon and
 *     suffix rules (lemma.c), most frequent FEATS per tag; words of the
 *     first treebank (by file name: EWT) count double in the lexicon, so
 *     its lemma conventions win over GUM's (people/people, not person);
 *  4. tagger: averaged perceptron, greedy, a few epochs over shuffled
 *     sentences; then the training sentences are tagged with it in two
 *     folds (jackknifing: each half tagged by a tagger trained on the other
 *     half) so the parser learns from realistic tags;
 *  5. parser: arc-eager with the dynamic oracle of Goldberg & Nivre (2012)
 *     and exploration from the second epoch; non-projective trees are
 *     projectivized by lifting arcs;
 *  6. weights averaged, small ones pruned, quantised to int16 and written
 *     as packed sparse rows behind open-addressing hash tables (model.c).
 */
#include "syntax.h"

#include <dirent.h>
#include <math.h>
#include <stdio.h>
#include <time.h>

/* ---- small deterministic RNG ---- */
typedef struct rng { uint64_t s; } rng;
static uint64_t rng_next(rng *r) {
    uint64_t x = r->s;
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    return r->s = x;
}
static double rng_unit(rng *r) { return (double)(rng_next(r) >> 11) / 9007199254740992.0; }

/* ---- hash map uint64 -> uint32 (growable, open addressing) ---- */
typedef struct hmap {
    uint64_t *keys;
    uint32_t *vals;
    size_t cap, len;
} hmap;

static int hmap_grow(hmap *m) {
    size_t ncap = m->cap ? m->cap * 2 : 1024;
    uint64_t *k = calloc(ncap, sizeof *k);
    uint32_t *v = malloc(ncap * sizeof *v);
    if (!k || !v) {
        free(k);
        free(v);
        return -1;
    }
    for (size_t i = 0; i < m->cap; i++) {
        if (!m->keys[i]) continue;
        size_t j = m->keys[i] & (ncap - 1);
        while (k[j]) j = (j + 1) & (ncap - 1);
        k[j] = m->keys[i];
        v[j] = m->vals[i];
    }
    free(m->keys);
    free(m->vals);
    m->keys = k;
    m->vals = v;
    m->cap = ncap;
    return 0;
}

/* Returns a pointer to the value of key (inserting `def` when absent and
 * insert is set), or NULL. */
static uint32_t *hmap_get(hmap *m, uint64_t key, int insert, uint32_t def) {
    key |= 1;
    if (insert && (m->len + 1) * 2 > m->cap && hmap_grow(m) < 0) return NULL;
    if (!m->cap) return NULL;
    size_t j = key & (m->cap - 1);
    while (m->keys[j]) {
        if (m->keys[j] == key) return &m->vals[j];
        j = (j + 1) & (m->cap - 1);
    }
    if (!insert) return NULL;
    m->keys[j] = key;
    m->vals[j] = def;
    m->len++;
    return &m->vals[j];
}

static void hmap_free(hmap *m) {
    free(m->keys);
    free(m->vals);
    memset(m, 0, sizeof *m);
}

/* ---- averaged perceptron with sparse rows ---- */
typedef struct pent {
    uint32_t cls;
    float w;
    double tot;
    uint64_t stamp;
} pent;

typedef struct prow {
    pent *e;
    uint32_t n, cap;
} prow;

typedef struct percep {
    hmap idx;
    DYAD_VEC(prow) rows;
    uint32_t ncls;
    uint64_t now;
} percep;

static void percep_score(const percep *p, const uint64_t *f, int nf, float *scores) {
    memset(scores, 0, p->ncls * sizeof *scores);
    for (int i = 0; i < nf; i++) {
        uint32_t *r = hmap_get((hmap *)&p->idx, f[i], 0, 0);
        if (!r) continue;
        const prow *row = &p->rows.items[*r];
        for (uint32_t k = 0; k < row->n; k++) scores[row->e[k].cls] += row->e[k].w;
    }
}

static int row_update(percep *p, prow *row, uint32_t cls, float delta) {
    pent *e = NULL;
    for (uint32_t k = 0; k < row->n; k++)
        if (row->e[k].cls == cls) {
            e = &row->e[k];
            break;
        }
    if (!e) {
        if (row->n == row->cap) {
            uint32_t nc = row->cap ? row->cap * 2 : 2;
            pent *ne = realloc(row->e, nc * sizeof *ne);
            if (!ne) return -1;
            row->e = ne;
            row->cap = nc;
        }
        e = &row->e[row->n++];
        e->cls = cls;
        e->w = 0;
        e->tot = 0;
        e->stamp = p->now;
    }
    e->tot += (double)e->w * (double)(p->now - e->stamp);
    e->stamp = p->now;
    e->w += delta;
    return 0;
}

/* The weight row of feature key, added empty when new; NULL when out of
 * memory.  The pointer is valid until the next row is added. */
static prow *percep_row(percep *p, uint64_t key) {
    uint32_t *r = hmap_get(&p->idx, key, 1, (uint32_t)p->rows.len);
    if (!r) return NULL;
    if (*r == p->rows.len) {
        prow empty = {0};
        if (DYAD_VEC_PUSH(p->rows, empty) < 0) return NULL;
    }
    return &p->rows.items[*r];
}

static int percep_update(percep *p, const uint64_t *f, int nf, int gold, int pred) {
    if (gold == pred) return 0;
    for (int i = 0; i < nf; i++) {
        prow *row = percep_row(p, f[i]);
        if (!row || row_update(p, row, (uint32_t)gold, 1.0f) < 0 ||
            row_update(p, row, (uint32_t)pred, -1.0f) < 0)
            return -1;
    }
    return 0;
}

/* Adds delta to the weights of class cls for the features f. */
static int percep_add(percep *p, const uint64_t *f, int nf, int cls, float delta) {
    for (int i = 0; i < nf; i++) {
        prow *row = percep_row(p, f[i]);
        if (!row || row_update(p, row, (uint32_t)cls, delta) < 0) return -1;
    }
    return 0;
}

/* Replaces every weight by its average (training is over afterwards). */
static void percep_average(percep *p) {
    double now = p->now ? (double)p->now : 1.0;
    for (size_t r = 0; r < p->rows.len; r++) {
        prow *row = &p->rows.items[r];
        for (uint32_t k = 0; k < row->n; k++) {
            pent *e = &row->e[k];
            double tot = e->tot + (double)e->w * (double)(p->now - e->stamp);
            e->w = (float)(tot / now);
            e->tot = 0;
            e->stamp = p->now;
        }
    }
}

static void percep_free(percep *p) {
    for (size_t r = 0; r < p->rows.len; r++) free(p->rows.items[r].e);
    DYAD_VEC_FREE(p->rows);
    hmap_free(&p->idx);
}

/* ---- output tables ---- */
/* A row is written dense when count * SYN_DENSE_FACTOR >= the padded
 * number of classes (8: when an eighth of the classes have weights). */
#define SYN_DENSE_FACTOR 8
typedef DYAD_VEC(syn_entry) entry_vec;

/* Builds an open-addressing table (load <= 0.5) from entries. */
static syn_entry *table_build(const entry_vec *v, size_t *bytes) {
    size_t cap = 16;
    while (cap < v->len * 2) cap *= 2;
    syn_entry *t = calloc(cap, sizeof *t);
    if (!t) return NULL;
    for (size_t i = 0; i < v->len; i++) {
        uint64_t key = v->items[i].key | 1;
        size_t j = key & (cap - 1);
        while (t[j].key && t[j].key != key) j = (j + 1) & (cap - 1);
        t[j] = v->items[i];
        t[j].key = key;
    }
    *bytes = cap * sizeof *t;
    return t;
}

typedef struct packed {
    syn_windex *index;
    size_t index_bytes;
    uint32_t *rows;
    size_t nrows;
    size_t nfeat;
    syn_wmeta meta;
} packed;

/* Averaged weights -> quantised rows; drops |w| < prune (for tiny
 * training sets: under a hundredth of the largest weight).  Rows with
 * many classes are written dense (see syn_row_add). */
static int percep_pack(const percep *p, float prune, packed *out) {
    float maxw = 0;
    for (size_t r = 0; r < p->rows.len; r++)
        for (uint32_t k = 0; k < p->rows.items[r].n; k++)
            if (fabsf(p->rows.items[r].e[k].w) > maxw) maxw = fabsf(p->rows.items[r].e[k].w);
    if (maxw == 0) maxw = 1;
    float scale = maxw / 32000.0f;
    /* models trained on tiny treebanks (under 100,000 examples) have small
     * weights: prune them relative to the largest instead */
    if (p->now < 100000 && prune > maxw * 1e-2f) prune = maxw * 1e-2f;
    uint32_t npad = syn_ncls_pad(p->ncls);
    DYAD_VEC(uint64_t) keys = {0};
    DYAD_VEC(uint32_t) offs = {0};
    DYAD_VEC(uint32_t) words = {0};
    DYAD_VEC(uint32_t) cw = {0}; /* the row's sparse words */
    for (size_t i = 0; i < p->idx.cap; i++) {
        if (!p->idx.keys[i]) continue;
        const prow *row = &p->rows.items[p->idx.vals[i]];
        cw.len = 0;
        for (uint32_t k = 0; k < row->n; k++) {
            float w = row->e[k].w;
            if (fabsf(w) < prune) continue;
            long q = lroundf(w / scale);
            if (q == 0) continue;
            if (q > 32767) q = 32767;
            if (q < -32767) q = -32767;
            uint32_t word = (row->e[k].cls << 16) | ((uint32_t)(int16_t)q & 0xFFFF);
            if (DYAD_VEC_PUSH(cw, word) < 0) return -1;
        }
        uint32_t cnt = (uint32_t)cw.len;
        if (!cnt) continue;
        uint32_t start = (uint32_t)words.len;
        int dense = cnt * SYN_DENSE_FACTOR >= npad;
        if (DYAD_VEC_PUSH(words, dense ? cnt | SYN_ROW_DENSE : cnt) < 0) return -1;
        if (dense) {
            for (uint32_t k = 0; k < npad / 2; k++)
                if (DYAD_VEC_PUSH(words, 0) < 0) return -1;
            int16_t *d = (int16_t *)(words.items + start + 1);
            for (uint32_t k = 0; k < cnt; k++)
                d[cw.items[k] >> 16] = (int16_t)(cw.items[k] & 0xFFFF);
        } else {
            for (uint32_t k = 0; k < cnt; k++)
                if (DYAD_VEC_PUSH(words, cw.items[k]) < 0) return -1;
        }
        if (DYAD_VEC_PUSH(keys, p->idx.keys[i]) < 0 || DYAD_VEC_PUSH(offs, start) < 0) return -1;
    }
    DYAD_VEC_FREE(cw);
    size_t cap = 16;
    while (cap * 3 < keys.len * 4) cap *= 2;
    out->index = calloc(cap, sizeof *out->index);
    if (!out->index) return -1;
    for (size_t i = 0; i < keys.len; i++) {
        uint64_t key = keys.items[i];
        size_t j = key & (cap - 1);
        while (out->index[j].check) j = (j + 1) & (cap - 1);
        out->index[j].check = syn_wcheck(key);
        out->index[j].off = offs.items[i];
    }
    out->index_bytes = cap * sizeof *out->index;
    out->rows = words.items;
    out->nrows = words.len;
    out->nfeat = keys.len;
    out->meta.scale = scale;
    out->meta.nclasses = p->ncls;
    DYAD_VEC_FREE(keys);
    DYAD_VEC_FREE(offs);
    return 0;
}

/* ---- training data ---- */
typedef struct tsent {
    dyad_token *t;
    int n;
    int *gold_tag;      /* class per word */
    int *pred_tag;      /* jackknifed prediction */
    int *gold_head;     /* 1-based words, 0 root; projectivized */
    int *gold_label;
    syn_word *w;
    int primary;        /* from the first treebank: counts double in the lexicon */
} tsent;

typedef struct trainer {
    DYAD_VEC(dyad_doc *) docs;
    DYAD_VEC(tsent) sents;
    /* classes */
    DYAD_VEC(const char *) tag_x;
    DYAD_VEC(int) tag_u;
    DYAD_VEC(const char *) labels;
    dyad_buf strings;
    hmap strmap;        /* hash(string) -> offset in strings */
    rng r;
    FILE *log;
    dyad_error *err;
    size_t nwords;
    int beam;           /* parser beam width (1: greedy, dynamic oracle) */
} trainer;

static int tag_id(trainer *T, const char *x, int u, int add) {
    for (size_t i = 0; i < T->tag_x.len; i++)
        if (T->tag_u.items[i] == u && strcmp(T->tag_x.items[i], x) == 0) return (int)i;
    if (!add) return -1;
    if (DYAD_VEC_PUSH(T->tag_x, x) < 0 || DYAD_VEC_PUSH(T->tag_u, u) < 0) return -1;
    return (int)T->tag_x.len - 1;
}

static int label_id(trainer *T, const char *l, int add) {
    for (size_t i = 0; i < T->labels.len; i++)
        if (strcmp(T->labels.items[i], l) == 0) return (int)i;
    if (!add) return -1;
    if (DYAD_VEC_PUSH(T->labels, l) < 0) return -1;
    return (int)T->labels.len - 1;
}

/* Interns s in the strings blob; returns its offset. */
static uint32_t intern(trainer *T, const char *s) {
    size_t n = strlen(s);
    uint64_t h = syn_hash_bytes(s, n, 77);
    uint32_t *v = hmap_get(&T->strmap, h, 1, UINT32_MAX);
    if (!v) return 0;
    if (*v != UINT32_MAX) return *v;
    uint32_t off = (uint32_t)T->strings.len;
    dyad_buf_append(&T->strings, s, n + 1);
    /* dyad_buf keeps a NUL after len; the +1 above stores ours inside */
    *v = off;
    return off;
}

static int is_ancestor(const int *head, int n, int a, int k) {
    for (int steps = 0; k > 0 && steps <= n; steps++) {
        k = head[k];
        if (k == a) return 1;
    }
    return a == 0;
}

/* Lifts non-projective arcs (shortest first) until the tree is projective. */
static void projectivize(int *head, int n) {
    for (int iter = 0; iter < 4 * n; iter++) {
        int best = -1, bestlen = 1 << 30;
        for (int d = 1; d <= n; d++) {
            int h = head[d];
            int lo = h < d ? h : d, hi = h < d ? d : h;
            for (int k = lo + 1; k < hi; k++) {
                if (!is_ancestor(head, n, h, k)) {
                    if (hi - lo < bestlen) {
                        bestlen = hi - lo;
                        best = d;
                    }
                    break;
                }
            }
        }
        if (best < 0 || head[best] == 0) return;
        head[best] = head[head[best]];
    }
}

static int load_treebanks(trainer *T, const char *dir) {
    DIR *d = opendir(dir);
    if (!d) {
        dyad_error_set(T->err, dir, 0, -1, "cannot open treebank directory");
        return -1;
    }
    DYAD_VEC(char *) names = {0};
    struct dirent *de;
    while ((de = readdir(d)) != NULL) {
        size_t l = strlen(de->d_name);
        if (l > 16 && strcmp(de->d_name + l - 16, "-ud-train.conllu") == 0)
            DYAD_VEC_PUSH(names, strdup(de->d_name));
    }
    closedir(d);
    /* sort names for a reproducible order */
    for (size_t i = 1; i < names.len; i++)
        for (size_t j = i; j > 0 && strcmp(names.items[j - 1], names.items[j]) > 0; j--) {
            char *t = names.items[j];
            names.items[j] = names.items[j - 1];
            names.items[j - 1] = t;
        }
    int rc = names.len ? 0 : -1;
    if (rc < 0) dyad_error_set(T->err, dir, 0, -1, "no *-ud-train.conllu files");
    for (size_t i = 0; i < names.len && rc == 0; i++) {
        char path[2048];
        snprintf(path, sizeof path, "%s/%s", dir, names.items[i]);
        size_t len;
        char *text = dyad_read_file(path, &len, T->err);
        if (!text) {
            rc = -1;
            break;
        }
        dyad_doc *doc = dyad_conllu_read(text, len, path, T->err);
        free(text);
        if (!doc || DYAD_VEC_PUSH(T->docs, doc) < 0) {
            rc = -1;
            break;
        }
        if (T->log) fprintf(T->log, "train: %s: %zu sentences, %zu words\n", names.items[i],
                            doc->nsentences, doc->ntokens);
    }
    for (size_t i = 0; i < names.len; i++) free(names.items[i]);
    DYAD_VEC_FREE(names);
    return rc;
}

static int build_sentences(trainer *T) {
    for (size_t di = 0; di < T->docs.len; di++) {
        dyad_doc *doc = T->docs.items[di];
        for (size_t si = 0; si < doc->nsentences; si++) {
            const dyad_sentence *se = &doc->sentences[si];
            int n = (int)se->ntokens;
            if (n == 0 || n > SYN_MAX_SENT) continue;
            tsent s = {0};
            s.t = doc->tokens + se->first;
            s.n = n;
            s.primary = di == 0;
            s.gold_tag = dyad_doc_alloc(doc, (size_t)n * sizeof(int));
            s.pred_tag = dyad_doc_alloc(doc, (size_t)n * sizeof(int));
            s.gold_head = dyad_doc_alloc(doc, (size_t)(n + 1) * sizeof(int));
            s.gold_label = dyad_doc_alloc(doc, (size_t)(n + 1) * sizeof(int));
            s.w = dyad_doc_alloc(doc, (size_t)n * sizeof(syn_word));
            if (!s.gold_tag || !s.pred_tag || !s.gold_head || !s.gold_label || !s.w) return -1;
            int ok = 1;
            for (int i = 0; i < n; i++) {
                dyad_token *t = &s.t[i];
                if (!t->xpos || !t->upos || !t->deprel) ok = 0;
                if (!ok) break;
                s.gold_tag[i] = tag_id(T, t->xpos, t->upos, 1);
                s.gold_head[i + 1] = t->head + 1;
                s.gold_label[i + 1] = label_id(T, t->deprel, 1);
                syn_word_init(&s.w[i], t->form);
            }
            if (!ok) continue;
            s.gold_head[0] = -1;
            projectivize(s.gold_head, n);
            if (DYAD_VEC_PUSH(T->sents, s) < 0) return -1;
            T->nwords += (size_t)n;
        }
    }
    if (T->log)
        fprintf(T->log, "train: %zu sentences, %zu words, %zu tags, %zu labels\n",
                T->sents.len, T->nwords, T->tag_x.len, T->labels.len);
    if (T->tag_x.len > SYN_MAX_CLASSES || 2 + 2 * T->labels.len > SYN_MAX_CLASSES) return -1;
    return 0;
}

/* ---- lexicon, tag dictionary, suffix rules ---- */
typedef struct lexrec {
    uint64_t key;
    const char *lemma;
    uint32_t feats;
    int tag;
    uint32_t n;     /* form length (suffix rules) */
    const char *low;
} lexrec;

static int cmp_lexrec(const void *a, const void *b) {
    const lexrec *x = a, *y = b;
    if (x->key != y->key) return x->key < y->key ? -1 : 1;
    int c = strcmp(x->lemma, y->lemma);
    if (c) return c;
    return x->feats < y->feats ? -1 : x->feats > y->feats;
}

/* Most frequent (lemma, feats) per key -> table entries. */
static int lex_table(trainer *T, lexrec *r, size_t n, entry_vec *out) {
    qsort(r, n, sizeof *r, cmp_lexrec);
    size_t i = 0;
    while (i < n) {
        size_t j = i, best = i, bestc = 0;
        while (j < n && r[j].key == r[i].key) {
            size_t k = j;
            while (k < n && r[k].key == r[j].key && strcmp(r[k].lemma, r[j].lemma) == 0 &&
                   r[k].feats == r[j].feats)
                k++;
            if (k - j > bestc) {
                bestc = k - j;
                best = j;
            }
            j = k;
        }
        syn_entry e = {r[i].key, intern(T, r[best].lemma), r[best].feats};
        if (DYAD_VEC_PUSH(*out, e) < 0) return -1;
        i = j;
    }
    return 0;
}

typedef struct dictrec {
    uint64_t key;
    int tag;
} dictrec;

static int cmp_dictrec(const void *a, const void *b) {
    const dictrec *x = a, *y = b;
    if (x->key != y->key) return x->key < y->key ? -1 : 1;
    return x->tag - y->tag;
}

static int build_tagdict(trainer *T, entry_vec *out) {
    dictrec *r = malloc(T->nwords * sizeof *r);
    if (!r) return -1;
    size_t n = 0;
    char buf[256];
    for (size_t s = 0; s < T->sents.len; s++)
        for (int i = 0; i < T->sents.items[s].n; i++) {
            size_t l = syn_normalize(T->sents.items[s].t[i].form, buf, sizeof buf);
            r[n].key = syn_dict_key(buf, l);
            r[n++].tag = T->sents.items[s].gold_tag[i];
        }
    qsort(r, n, sizeof *r, cmp_dictrec);
    size_t i = 0;
    while (i < n) {
        size_t j = i, best = 0, bestc = 0;
        while (j < n && r[j].key == r[i].key) {
            size_t k = j;
            while (k < n && r[k].key == r[j].key && r[k].tag == r[j].tag) k++;
            if (k - j > bestc) {
                bestc = k - j;
                best = (size_t)r[j].tag;
            }
            j = k;
        }
        size_t total = j - i;
        if (total >= 20 && (double)bestc / (double)total >= 0.97) {
            syn_entry e = {r[i].key, (uint32_t)best, 0};
            if (DYAD_VEC_PUSH(*out, e) < 0) {
                free(r);
                return -1;
            }
        }
        i = j;
    }
    free(r);
    return 0;
}

/* Ambiguity classes: for each lowercase form seen at least twice, the set
 * of tags it takes (tags under 5% of its uses left out) and its most
 * frequent tag; the training words get them too. */
static int build_ambig(trainer *T, entry_vec *out) {
    dictrec *r = malloc((T->nwords + 1) * sizeof *r);
    if (!r) return -1;
    size_t n = 0;
    for (size_t s = 0; s < T->sents.len; s++)
        for (int i = 0; i < T->sents.items[s].n; i++) {
            r[n].key = T->sents.items[s].w[i].lowkey;
            r[n++].tag = T->sents.items[s].gold_tag[i];
        }
    qsort(r, n, sizeof *r, cmp_dictrec);
    size_t i = 0;
    while (i < n) {
        size_t j = i;
        while (j < n && r[j].key == r[i].key) j++;
        size_t total = j - i, bestc = 0;
        int best = 0;
        uint64_t h = 0x9e37;
        for (size_t k = i; k < j;) {
            size_t e = k;
            while (e < j && r[e].tag == r[k].tag) e++;
            if (e - k > bestc) {
                bestc = e - k;
                best = r[k].tag;
            }
            if ((e - k) * 20 >= total) h = syn_combine(h, (uint64_t)r[k].tag);
            k = e;
        }
        if (total >= 2) {
            syn_entry en = {r[i].key, (uint32_t)h | 1u, (uint32_t)best};
            if (DYAD_VEC_PUSH(*out, en) < 0) {
                free(r);
                return -1;
            }
        }
        i = j;
    }
    free(r);
    hmap pos = {0};
    for (size_t k = 0; k < out->len; k++)
        if (!hmap_get(&pos, out->items[k].key, 1, (uint32_t)k)) return -1;
    for (size_t s = 0; s < T->sents.len; s++)
        for (int k = 0; k < T->sents.items[s].n; k++) {
            syn_word *w = &T->sents.items[s].w[k];
            uint32_t *v = hmap_get(&pos, w->lowkey, 0, 0);
            if (v) {
                w->amb = out->items[*v].a;
                w->top = out->items[*v].b + 1;
            }
        }
    hmap_free(&pos);
    return 0;
}

#define SUFFIX_MAX 6

typedef struct sufrec {
    uint64_t key, parent;
    uint32_t strip;
    const char *app;
} sufrec;

static int cmp_sufrec(const void *a, const void *b) {
    const sufrec *x = a, *y = b;
    if (x->key != y->key) return x->key < y->key ? -1 : 1;
    if (x->strip != y->strip) return x->strip < y->strip ? -1 : 1;
    return strcmp(x->app, y->app);
}

/* lowrecs: one per (lowercase form, tag) type with its lemma (lowercased,
 * in the arena of the first doc). */
static int build_suffix(trainer *T, const lexrec *types, size_t ntypes, entry_vec *out) {
    sufrec *r = malloc(ntypes * (SUFFIX_MAX + 1) * sizeof *r);
    if (!r) return -1;
    size_t n = 0;
    dyad_doc *arena = T->docs.items[0];
    for (size_t i = 0; i < ntypes; i++) {
        const lexrec *t = &types[i];
        if (T->tag_u.items[t->tag] == DYAD_PROPN) continue;
        size_t fl = t->n;
        char *lem = dyad_doc_strndup(arena, t->lemma, strlen(t->lemma));
        if (!lem) break;
        syn_lower(lem);
        size_t p = 0;
        while (p < fl && lem[p] && lem[p] == t->low[p]) p++;
        uint32_t strip = (uint32_t)(fl - p);
        const char *app = lem + p;
        for (size_t L = 0; L <= SUFFIX_MAX && L <= fl; L++) {
            r[n].key = syn_suffix_key(t->low + fl - L, L, t->tag);
            r[n].parent = L ? syn_suffix_key(t->low + fl - L + 1, L - 1, t->tag) : 0;
            r[n].strip = strip;
            r[n].app = app;
            n++;
        }
    }
    qsort(r, n, sizeof *r, cmp_sufrec);
    /* best rule per key */
    typedef struct best { uint64_t key, parent; uint32_t strip; const char *app; } best;
    DYAD_VEC(best) bests = {0};
    hmap where = {0};
    size_t i = 0;
    while (i < n) {
        size_t j = i, bi = i, bc = 0;
        while (j < n && r[j].key == r[i].key) {
            size_t k = j;
            while (k < n && r[k].key == r[j].key && r[k].strip == r[j].strip &&
                   strcmp(r[k].app, r[j].app) == 0)
                k++;
            if (k - j > bc) {
                bc = k - j;
                bi = j;
            }
            j = k;
        }
        best b = {r[bi].key, r[bi].parent, r[bi].strip, r[bi].app};
        uint32_t *v = hmap_get(&where, b.key, 1, (uint32_t)bests.len);
        if (!v || DYAD_VEC_PUSH(bests, b) < 0) break;
        i = j;
    }
    for (size_t k = 0; k < bests.len; k++) {
        const best *b = &bests.items[k];
        if (b->parent) {
            uint32_t *pv = hmap_get(&where, b->parent, 0, 0);
            if (pv) {
                const best *pb = &bests.items[*pv];
                if (pb->strip == b->strip && strcmp(pb->app, b->app) == 0) continue;
            }
        }
        syn_entry e = {b->key, b->strip, intern(T, b->app)};
        DYAD_VEC_PUSH(*out, e);
    }
    DYAD_VEC_FREE(bests);
    hmap_free(&where);
    free(r);
    return 0;
}

static int build_lexicons(trainer *T, entry_vec *lex, entry_vec *lexlow, entry_vec *suf,
                          uint32_t *tagfeats) {
    lexrec *r = malloc(2 * T->nwords * sizeof *r);
    lexrec *rl = malloc(2 * T->nwords * sizeof *rl);
    if (!r || !rl) {
        free(r);
        free(rl);
        return -1;
    }
    dyad_doc *arena = T->docs.items[0];
    size_t n = 0;
    char buf[256];
    size_t ntags = T->tag_x.len;
    uint32_t *fcount = calloc(ntags * 32, sizeof *fcount);
    uint32_t *tcount = calloc(ntags, sizeof *tcount);
    for (size_t s = 0; s < T->sents.len && fcount && tcount; s++) {
        const tsent *se = &T->sents.items[s];
        for (int i = 0; i < se->n; i++) {
            const dyad_token *t = &se->t[i];
            int tag = se->gold_tag[i];
            tcount[tag]++;
            for (int b = 0; b < 32; b++)
                if (t->feats & (1u << b)) fcount[(size_t)tag * 32 + (size_t)b]++;
            if (!t->lemma) continue;
            size_t l = syn_normalize(t->form, buf, sizeof buf);
            r[n] = (lexrec){syn_lex_key(buf, l, tag), t->lemma, t->feats, tag, 0, NULL};
            syn_lower(buf);
            char *low = dyad_doc_strndup(arena, buf, l);
            rl[n] = (lexrec){syn_lex_key(buf, l, tag), t->lemma, t->feats, tag, (uint32_t)l, low};
            n++;
            if (se->primary) {
                /* the first treebank's conventions win ties and near-ties */
                r[n] = r[n - 1];
                rl[n] = rl[n - 1];
                n++;
            }
        }
    }
    /* per tag: features present on more than half its words */
    for (size_t t = 0; t < ntags && fcount && tcount; t++) {
        tagfeats[t] = 0;
        for (int b = 0; b < 32; b++)
            if (fcount[t * 32 + (size_t)b] * 2 > tcount[t]) tagfeats[t] |= 1u << b;
    }
    free(fcount);
    free(tcount);
    int rc = lex_table(T, r, n, lex);
    if (rc == 0) rc = lex_table(T, rl, n, lexlow);
    /* suffix rules from types: rl is sorted by key; take the first of each
     * key with the chosen lemma */
    if (rc == 0) {
        size_t nt = 0;
        for (size_t i = 0; i < n; i++) {
            if (i && rl[i].key == rl[i - 1].key) continue;
            rl[nt++] = rl[i];
        }
        /* use the most frequent lemma of each type: look it up in lexlow */
        hmap pos = {0};
        for (size_t k = 0; k < lexlow->len; k++)
            hmap_get(&pos, lexlow->items[k].key, 1, (uint32_t)k);
        for (size_t i = 0; i < nt; i++) {
            uint32_t *v = hmap_get(&pos, rl[i].key, 0, 0);
            if (v) rl[i].lemma = T->strings.data + lexlow->items[*v].a;
        }
        hmap_free(&pos);
        rc = build_suffix(T, rl, nt, suf);
    }
    free(r);
    free(rl);
    return rc;
}

/* ---- tagger training ---- */
static int tag_train_pass(percep *p, const trainer *T, const size_t *order, size_t norder,
                          const hmap *dict, int update, int write_pred, size_t *correct) {
    uint64_t f[SYN_TAG_NFEAT];
    float scores[SYN_MAX_CLASSES];
    int prev[SYN_MAX_SENT];
    char buf[256];
    for (size_t oi = 0; oi < norder; oi++) {
        tsent *s = &T->sents.items[order[oi]];
        for (int i = 0; i < s->n; i++) {
            size_t l = syn_normalize(s->t[i].form, buf, sizeof buf);
            uint32_t *d = hmap_get((hmap *)dict, syn_dict_key(buf, l), 0, 0);
            int pred;
            if (d) {
                pred = (int)*d;
            } else {
                int nf = syn_tagger_features(s->w, s->n, i, i ? prev[i - 1] : -1,
                                             i > 1 ? prev[i - 2] : -1, f);
                percep_score(p, f, nf, scores);
                pred = 0;
                for (uint32_t c = 1; c < p->ncls; c++)
                    if (scores[c] > scores[pred]) pred = (int)c;
                if (update) {
                    p->now++;
                    if (percep_update(p, f, nf, s->gold_tag[i], pred) < 0) return -1;
                }
            }
            if (pred == s->gold_tag[i]) (*correct)++;
            prev[i] = pred;
            if (write_pred) s->pred_tag[i] = pred;
        }
    }
    return 0;
}

static void shuffle(size_t *a, size_t n, rng *r) {
    for (size_t i = n; i > 1; i--) {
        size_t j = (size_t)(rng_next(r) % i);
        size_t t = a[i - 1];
        a[i - 1] = a[j];
        a[j] = t;
    }
}

static int train_tagger(trainer *T, percep *p, const size_t *idx, size_t n, const hmap *dict,
                        int epochs, const char *what) {
    size_t *order = malloc((n ? n : 1) * sizeof *order);
    if (!order) return -1;
    memcpy(order, idx, n * sizeof *order);
    for (int e = 0; e < epochs; e++) {
        shuffle(order, n, &T->r);
        size_t correct = 0, words = 0;
        for (size_t i = 0; i < n; i++) words += (size_t)T->sents.items[order[i]].n;
        if (tag_train_pass(p, T, order, n, dict, 1, 0, &correct) < 0) {
            free(order);
            return -1;
        }
        if (T->log)
            fprintf(T->log, "train: tagger%s epoch %d: %.4f on training words\n", what, e + 1,
                    words ? (double)correct / (double)words : 0.0);
    }
    percep_average(p);
    free(order);
    return 0;
}

/* ---- parser training (dynamic oracle) ---- */
typedef struct oracle_ctx {
    const int *gh, *gl;
} oracle_ctx;

static int in_stack(const syn_parse_state *s, int k) {
    for (int i = 0; i < s->sp; i++)
        if (s->stack[i] == k) return 1;
    return 0;
}

/* Unlabeled costs of SHIFT, REDUCE, LEFT, RIGHT (arc-eager). */
static void base_costs(const syn_parse_state *s, const int *gh, int c[4]) {
    int s0 = s->stack[s->sp - 1], b0 = s->b, n = s->n;
    c[0] = c[1] = c[2] = c[3] = 0;
    if (b0 <= n) {
        /* SHIFT: b0 loses heads and headless dependents in the stack */
        if (gh[b0] >= 0 && in_stack(s, gh[b0])) c[0]++;
        for (int i = 0; i < s->sp; i++) {
            int k = s->stack[i];
            if (k > 0 && s->head[k] < 0 && gh[k] == b0) c[0]++;
        }
        /* LEFT: s0 loses its dependents in the buffer and heads beyond b0 */
        if (s0 > 0) {
            for (int k = b0; k <= n; k++) {
                if (gh[k] == s0) c[2]++;
                if (k > b0 && gh[s0] == k) c[2]++;
            }
        }
        /* RIGHT: b0 loses other heads and headless dependents in the stack */
        if (gh[b0] != s0 && (gh[b0] > b0 || in_stack(s, gh[b0]))) c[3]++;
        for (int i = 0; i < s->sp; i++) {
            int k = s->stack[i];
            if (k > 0 && s->head[k] < 0 && gh[k] == b0) c[3]++;
        }
    }
    /* REDUCE: s0 loses its dependents in the buffer */
    for (int k = b0; k <= n; k++)
        if (gh[k] == s0) c[1]++;
}

static int action_cost(const syn_parse_state *s, const int *gh, const int *gl, const int c[4],
                       int a) {
    if (a == SYN_SHIFT) return c[0];
    if (a == SYN_REDUCE) return c[1];
    int s0 = s->stack[s->sp - 1], b0 = s->b;
    if (a & 1) return c[3] + (gh[b0] == s0 && gl[b0] != (a - 3) / 2);
    return c[2] + (gh[s0] == b0 && gl[s0] != (a - 2) / 2);
}

/* The parser's input tokens of training sentence s: tk[0] the root, then
 * each word with its jackknifed predicted tag. */
static void fill_ptoks(const trainer *T, const tsent *s, syn_ptok *tk) {
    tk[0].w = 0x4007;
    tk[0].t = (int)T->tag_x.len + 1;
    tk[0].u = 0;
    for (int i = 0; i < s->n; i++) {
        tk[i + 1].w = s->w[i].lower;
        tk[i + 1].t = s->pred_tag[i];
        tk[i + 1].u = T->tag_u.items[s->pred_tag[i]];
    }
}

static int train_parser_epoch(trainer *T, percep *p, const size_t *order, size_t n, int epoch,
                              syn_parse_state *st, syn_ptok *tk, size_t *correct,
                              size_t *total) {
    uint64_t f[SYN_PARSE_NFEAT];
    float scores[SYN_MAX_CLASSES];
    int ncls = (int)p->ncls;
    for (size_t oi = 0; oi < n; oi++) {
        const tsent *s = &T->sents.items[order[oi]];
        fill_ptoks(T, s, tk);
        syn_state_init(st, s->n);
        while (!syn_state_done(st)) {
            int nf = syn_parser_features(st, tk, f);
            percep_score(p, f, nf, scores);
            int c[4];
            base_costs(st, s->gold_head, c);
            int pred = -1, gold = -1, gcost = 1 << 30;
            for (int a = 0; a < ncls; a++) {
                if (!syn_action_legal(st, a)) continue;
                if (pred < 0 || scores[a] > scores[pred]) pred = a;
                int cost = action_cost(st, s->gold_head, s->gold_label, c, a);
                if (cost < gcost || (cost == gcost && scores[a] > scores[gold])) {
                    gcost = cost;
                    gold = a;
                }
            }
            if (pred < 0) break;
            int pcost = action_cost(st, s->gold_head, s->gold_label, c, pred);
            p->now++;
            (*total)++;
            if (pcost > gcost) {
                if (percep_update(p, f, nf, gold, pred) < 0) return -1;
            } else {
                (*correct)++;
            }
            int next = gold;
            if (pcost > gcost && epoch > 0 && rng_unit(&T->r) < 0.9) next = pred;
            syn_apply(st, next);
        }
    }
    return 0;
}

/* ---- parser training: beam search, max-violation updates ---- */

/* One beam item's last step: the item it extends and the action. */
typedef struct bhist {
    int parent, action;
} bhist;

/* Scratch of beam training, sized for the longest sentence. */
typedef struct btrain {
    int k;                   /* beam width */
    syn_parse_state *st;     /* 2k states: current and next beam */
    syn_parse_state *gold;   /* the gold parse */
    syn_parse_state *rep;    /* 2 states to replay sequences for updates */
    bhist *hist;             /* [step * k + item] */
    double sc[2 * SYN_MAX_BEAM];
    long cost[2 * SYN_MAX_BEAM];
    int *gact;               /* the gold parse's actions */
    int *vact;               /* gold actions at the worst violation */
    int *pact;               /* predicted actions at the worst violation */
} btrain;

static void btrain_free(btrain *b) {
    free(b->st);
    free(b->gold);
    free(b->rep);
    free(b->hist);
    free(b->gact);
    free(b->vact);
    free(b->pact);
}

static int btrain_init(btrain *b, int k) {
    size_t steps = 2 * (size_t)SYN_MAX_SENT + 2;
    memset(b, 0, sizeof *b);
    b->k = k;
    b->st = malloc(2 * (size_t)k * sizeof *b->st);
    b->gold = malloc(sizeof *b->gold);
    b->rep = malloc(2 * sizeof *b->rep);
    b->hist = malloc(steps * (size_t)k * sizeof *b->hist);
    b->gact = malloc(steps * sizeof *b->gact);
    b->vact = malloc(steps * sizeof *b->vact);
    b->pact = malloc(steps * sizeof *b->pact);
    if (b->st && b->gold && b->rep && b->hist && b->gact && b->vact && b->pact) return 0;
    btrain_free(b);
    return -1;
}

/* Candidate extensions of the beam under the current (not averaged)
 * weights, k best, highest first. */
static int btrain_expand(const percep *p, const btrain *b, const syn_parse_state *items,
                         const double *sc, int nitems, const syn_ptok *tk, syn_cand *best) {
    uint64_t f[SYN_PARSE_NFEAT];
    float s[SYN_MAX_CLASSES];
    int nb = 0, ncls = (int)p->ncls;
    for (int j = 0; j < nitems; j++) {
        int nf = syn_parser_features(&items[j], tk, f);
        percep_score(p, f, nf, s);
        for (int a = 0; a < ncls; a++) {
            double v = sc[j] + (double)s[a];
            if (nb == b->k && v <= best[b->k - 1].score) continue;
            if (!syn_action_legal(&items[j], a)) continue;
            syn_beam_insert(best, &nb, b->k, (syn_cand){v, j, a});
        }
    }
    return nb;
}

/* The gold parse's next action: least cost, then best score; its score
 * into *score and its cost into *cost. */
static int gold_step(const percep *p, const syn_parse_state *g, const tsent *s,
                     const syn_ptok *tk, double *score, int *cost) {
    uint64_t f[SYN_PARSE_NFEAT];
    float sc[SYN_MAX_CLASSES];
    int nf = syn_parser_features(g, tk, f);
    percep_score(p, f, nf, sc);
    int c[4], best = -1, bcost = 1 << 30;
    base_costs(g, s->gold_head, c);
    for (int a = 0; a < (int)p->ncls; a++) {
        if (!syn_action_legal(g, a)) continue;
        int ac = action_cost(g, s->gold_head, s->gold_label, c, a);
        if (ac < bcost || (ac == bcost && sc[a] > sc[best])) {
            bcost = ac;
            best = a;
        }
    }
    if (best >= 0) *score = sc[best];
    *cost = bcost;
    return best;
}

/* Actions of beam item j at step t, from the history. */
static void beam_actions(const btrain *b, int t, int j, int *out) {
    for (; t >= 0; t--) {
        const bhist *h = &b->hist[(size_t)t * (size_t)b->k + (size_t)j];
        out[t] = h->action;
        j = h->parent;
    }
}

/* Perceptron update for steps 0..t: + the gold sequence, - the predicted
 * one (their common prefix cancels and is skipped). */
static int max_violation_update(percep *p, btrain *b, const tsent *s, const syn_ptok *tk,
                                int t) {
    uint64_t f[SYN_PARSE_NFEAT];
    syn_parse_state *g = &b->rep[0], *q = &b->rep[1];
    syn_state_init(g, s->n);
    int i = 0;
    while (i <= t && b->vact[i] == b->pact[i]) syn_apply(g, b->vact[i++]);
    syn_state_copy(q, g);
    for (; i <= t; i++) {
        int nf = syn_parser_features(g, tk, f);
        if (percep_add(p, f, nf, b->vact[i], 1.0f) < 0) return -1;
        nf = syn_parser_features(q, tk, f);
        if (percep_add(p, f, nf, b->pact[i], -1.0f) < 0) return -1;
        syn_apply(g, b->vact[i]);
        syn_apply(q, b->pact[i]);
    }
    return 0;
}

/* Costs of the chosen extensions: parent's cost + the action's. */
static void cand_costs(btrain *b, const syn_parse_state *cur, const long *ccost,
                       const syn_cand *best, int nb, const tsent *s, long *ncost) {
    int c[4], last = -1;
    for (int j = 0; j < nb; j++) {
        const syn_parse_state *st = &cur[best[j].item];
        if (best[j].item != last) base_costs(st, s->gold_head, c);
        last = best[j].item;
        ncost[j] = ccost[best[j].item] + action_cost(st, s->gold_head, s->gold_label, c,
                                                     best[j].action);
    }
}

/* One sentence: beam search under the current weights beside the gold
 * parse (which follows the least-cost actions, and becomes the best beam
 * item with its cost when there is one); at the step where the best item
 * beats the gold parse by the most, update.  Returns 1 when the final best
 * parse had the gold parse's cost, 0 when not, -1 on error. */
static int train_beam_sentence(trainer *T, percep *p, btrain *b, const tsent *s,
                               const syn_ptok *tk) {
    int k = b->k, n = s->n, nitems = 1;
    syn_parse_state *cur = b->st, *next = b->st + k;
    double *sc = b->sc, *nsc = b->sc + k;
    long *cc = b->cost, *nc = b->cost + k;
    syn_cand best[SYN_MAX_BEAM];
    double gs = 0, maxv = 0;
    long gc = 0;
    int vt = -1, t = 0, ok = 0;
    syn_state_init(&cur[0], n);
    syn_state_init(b->gold, n);
    sc[0] = 0;
    cc[0] = 0;
    for (; !syn_state_done(&cur[0]); t++) {
        int nb = btrain_expand(p, b, cur, sc, nitems, tk, best);
        double gsc = 0;
        int gcost = 0;
        int ga = gold_step(p, b->gold, s, tk, &gsc, &gcost);
        if (nb == 0 || ga < 0) break;
        cand_costs(b, cur, cc, best, nb, s, nc);
        long gcn = gc + gcost;
        int gj = -1;
        for (int j = 0; j < nb; j++) {
            syn_state_copy(&next[j], &cur[best[j].item]);
            syn_apply(&next[j], best[j].action);
            nsc[j] = best[j].score;
            b->hist[(size_t)t * (size_t)k + (size_t)j] = (bhist){best[j].item, best[j].action};
            if (gj < 0 && nc[j] <= gcn) gj = j;
        }
        if (gj >= 0) { /* the gold parse is in the beam: take its best one */
            syn_state_copy(b->gold, &next[gj]);
            gs = nsc[gj];
            gc = nc[gj];
            beam_actions(b, t, gj, b->gact);
        } else {
            syn_apply(b->gold, ga);
            gs += gsc;
            gc = gcn;
            b->gact[t] = ga;
        }
        double v = nsc[0] - gs;
        if (gj != 0 && v >= 0 && (vt < 0 || v >= maxv)) { /* the best item is wrong */
            maxv = v;
            vt = t;
            memcpy(b->vact, b->gact, (size_t)(t + 1) * sizeof *b->vact);
            beam_actions(b, t, 0, b->pact);
        }
        syn_parse_state *tmp = cur;
        cur = next;
        next = tmp;
        double *ts = sc;
        sc = nsc;
        nsc = ts;
        long *tc = cc;
        cc = nc;
        nc = tc;
        nitems = nb;
    }
    ok = cc[0] <= gc;
    (void)T;
    p->now++;
    if (vt >= 0 && max_violation_update(p, b, s, tk, vt) < 0) return -1;
    return ok;
}

static int train_beam_epoch(trainer *T, percep *p, btrain *b, const size_t *order, size_t n,
                            syn_ptok *tk, size_t *correct) {
    for (size_t oi = 0; oi < n; oi++) {
        const tsent *s = &T->sents.items[order[oi]];
        fill_ptoks(T, s, tk);
        int r = train_beam_sentence(T, p, b, s, tk);
        if (r < 0) return -1;
        *correct += (size_t)r;
    }
    return 0;
}

static int train_parser(trainer *T, percep *p, int epochs, int beam) {
    size_t n = T->sents.len;
    size_t *order = malloc((n ? n : 1) * sizeof *order);
    syn_parse_state *st = malloc(sizeof *st);
    syn_ptok *tk = malloc((SYN_MAX_SENT + 2) * sizeof *tk);
    btrain b = {0};
    int rc = order && st && tk ? 0 : -1;
    if (rc == 0 && beam > 1) rc = btrain_init(&b, beam);
    for (size_t i = 0; i < n && order; i++) order[i] = i;
    for (int e = 0; e < epochs && rc == 0; e++) {
        shuffle(order, n, &T->r);
        size_t correct = 0, total = 0;
        clock_t t0 = clock();
        if (beam > 1) {
            rc = train_beam_epoch(T, p, &b, order, n, tk, &correct);
            total = n;
        } else {
            rc = train_parser_epoch(T, p, order, n, e, st, tk, &correct, &total);
        }
        if (T->log)
            fprintf(T->log, "train: parser epoch %d: %.4f of %s right, %zu features, %.1fs\n",
                    e + 1, total ? (double)correct / (double)total : 0.0,
                    beam > 1 ? "sentences" : "transitions", p->rows.len,
                    (double)(clock() - t0) / CLOCKS_PER_SEC);
    }
    if (rc == 0) percep_average(p);
    if (beam > 1) btrain_free(&b);
    free(order);
    free(st);
    free(tk);
    return rc;
}

/* ---- writing ---- */
static int write_model(trainer *T, const char *out, const packed *tg, const packed *pa,
                       const entry_vec *dict, const entry_vec *lex, const entry_vec *lexlow,
                       const entry_vec *suf, const entry_vec *amb, const uint32_t *tagfeats) {
    size_t ntags = T->tag_x.len, nl = T->labels.len;
    size_t tags_bytes = 8 + ntags * sizeof(syn_tag_rec);
    char *tags = calloc(1, tags_bytes);
    uint32_t *labels = calloc(nl + 1, sizeof *labels);
    size_t b1 = 0, b2 = 0, b3 = 0, b4 = 0;
    syn_entry *td = table_build(dict, &b1), *tl = table_build(lex, &b2);
    syn_entry *tll = table_build(lexlow, &b3), *ts = table_build(suf, &b4);
    size_t b5 = 0;
    syn_entry *ta = table_build(amb, &b5);
    int rc = -1;
    if (tags && labels && td && tl && tll && ts && ta) {
        *(uint32_t *)tags = (uint32_t)ntags;
        syn_tag_rec *tr = (syn_tag_rec *)(tags + 8);
        for (size_t i = 0; i < ntags; i++) {
            tr[i].xpos_off = intern(T, T->tag_x.items[i]);
            tr[i].upos = (uint32_t)T->tag_u.items[i];
            tr[i].feats = tagfeats[i];
        }
        labels[0] = (uint32_t)nl;
        for (size_t i = 0; i < nl; i++) labels[i + 1] = intern(T, T->labels.items[i]);
        uint32_t meta[2] = {SUFFIX_MAX, (uint32_t)T->beam};
        syn_section secs[] = {
            {SEC_STRINGS, T->strings.data, T->strings.len},
            {SEC_TAGS, tags, tags_bytes},
            {SEC_LABELS, labels, (nl + 1) * 4},
            {SEC_TAGGER_INDEX, tg->index, tg->index_bytes},
            {SEC_TAGGER_ROWS, tg->rows, tg->nrows * 4},
            {SEC_TAGGER_META, &tg->meta, sizeof tg->meta},
            {SEC_PARSER_INDEX, pa->index, pa->index_bytes},
            {SEC_PARSER_ROWS, pa->rows, pa->nrows * 4},
            {SEC_PARSER_META, &pa->meta, sizeof pa->meta},
            {SEC_TAGDICT, td, b1},
            {SEC_LEXICON, tl, b2},
            {SEC_LEXLOWER, tll, b3},
            {SEC_SUFFIX, ts, b4},
            {SEC_META, meta, sizeof meta},
            {SEC_AMBIG, ta, b5},
        };
        rc = syn_model_write(out, secs, (int)DYAD_ARRAY_LEN(secs), T->err);
        if (T->log && rc == 0)
            fprintf(T->log,
                    "train: wrote %s: tagger %zu features / %zu weights, parser %zu / %zu, "
                    "lexicon %zu, suffix rules %zu\n",
                    out, tg->nfeat, tg->nrows, pa->nfeat, pa->nrows, lex->len, suf->len);
    } else {
        dyad_error_set(T->err, out, 0, -1, "out of memory");
    }
    free(tags);
    free(labels);
    free(td);
    free(tl);
    free(tll);
    free(ts);
    free(ta);
    return rc;
}

static void packed_free(packed *p) {
    free(p->index);
    free(p->rows);
}

static int dict_to_hmap(const entry_vec *dict, hmap *h) {
    for (size_t i = 0; i < dict->len; i++)
        if (!hmap_get(h, dict->items[i].key, 1, dict->items[i].a)) return -1;
    return 0;
}

/* Tags half of the sentences with a tagger trained on the other half. */
static int jackknife(trainer *T, const hmap *dict, int epochs) {
    size_t n = T->sents.len;
    size_t *a = malloc((n + 1) * sizeof *a), *b = malloc((n + 1) * sizeof *b);
    if (!a || !b) {
        free(a);
        free(b);
        return -1;
    }
    size_t na = 0, nb = 0;
    for (size_t i = 0; i < n; i++) {
        if (i % 2) a[na++] = i;
        else b[nb++] = i;
    }
    int rc = 0;
    for (int fold = 0; fold < 2 && rc == 0; fold++) {
        percep p = {0};
        p.ncls = (uint32_t)T->tag_x.len;
        const size_t *tr = fold ? b : a, *te = fold ? a : b;
        size_t ntr = fold ? nb : na, nte = fold ? na : nb;
        rc = train_tagger(T, &p, tr, ntr, dict, epochs, " (jackknife)");
        size_t correct = 0, words = 0;
        for (size_t i = 0; i < nte; i++) words += (size_t)T->sents.items[te[i]].n;
        if (rc == 0) rc = tag_train_pass(&p, T, te, nte, dict, 0, 1, &correct);
        if (T->log)
            fprintf(T->log, "train: jackknife fold %d: %.4f tag accuracy on held-out half\n",
                    fold + 1, words ? (double)correct / (double)words : 0.0);
        percep_free(&p);
    }
    free(a);
    free(b);
    return rc;
}

int dyad_train(const char *treebank_dir, const char *out_path, int epochs, int beam,
               FILE *log, dyad_error *err) {
    trainer T = {0};
    T.r.s = 0x2545F4914F6CDD1DULL;
    T.log = log;
    T.err = err;
    if (epochs <= 0) epochs = SYN_TRAIN_EPOCHS;
    if (beam <= 0) beam = SYN_TRAIN_BEAM;
    if (beam > SYN_MAX_BEAM) beam = SYN_MAX_BEAM;
    T.beam = beam;
    int tag_epochs = epochs < 8 ? epochs : 8;
    intern(&T, "");
    entry_vec dict = {0}, lex = {0}, lexlow = {0}, suf = {0}, amb = {0};
    percep tp = {0}, pp = {0};
    packed tg = {0}, pa = {0};
    hmap dh = {0};
    uint32_t *tagfeats = NULL;
    int rc = load_treebanks(&T, treebank_dir);
    if (rc == 0 && (rc = build_sentences(&T)) < 0)
        dyad_error_set(err, treebank_dir, 0, -1, "cannot build the training sentences");
    if (rc == 0) {
        label_id(&T, "root", 1);
        label_id(&T, "dep", 1);
        tagfeats = calloc(T.tag_x.len + 1, sizeof *tagfeats);
        rc = tagfeats ? 0 : -1;
    }
    if (rc == 0) rc = build_tagdict(&T, &dict);
    if (rc == 0) rc = dict_to_hmap(&dict, &dh);
    if (rc == 0) rc = build_ambig(&T, &amb);
    if (rc == 0) rc = build_lexicons(&T, &lex, &lexlow, &suf, tagfeats);
    if (rc == 0 && log)
        fprintf(log, "train: tag dictionary %zu words, lexicon %zu, suffix rules %zu\n",
                dict.len, lex.len, suf.len);
    if (rc == 0) rc = jackknife(&T, &dh, tag_epochs);
    if (rc == 0) {
        size_t *all = malloc((T.sents.len + 1) * sizeof *all);
        rc = all ? 0 : -1;
        for (size_t i = 0; all && i < T.sents.len; i++) all[i] = i;
        tp.ncls = (uint32_t)T.tag_x.len;
        if (rc == 0) rc = train_tagger(&T, &tp, all, T.sents.len, &dh, tag_epochs, "");
        free(all);
    }
    if (rc == 0) {
        pp.ncls = (uint32_t)(2 + 2 * T.labels.len);
        rc = train_parser(&T, &pp, epochs, beam);
    }
    if (rc == 0) rc = percep_pack(&tp, 0.05f, &tg);
    if (rc == 0) rc = percep_pack(&pp, 1.0f, &pa);
    if (rc == 0)
        rc = write_model(&T, out_path, &tg, &pa, &dict, &lex, &lexlow, &suf, &amb, tagfeats);
    if (rc < 0 && !err->msg[0]) dyad_error_set(err, out_path, 0, -1, "training failed");
    percep_free(&tp);
    percep_free(&pp);
    packed_free(&tg);
    packed_free(&pa);
    hmap_free(&dh);
    DYAD_VEC_FREE(dict);
    DYAD_VEC_FREE(lex);
    DYAD_VEC_FREE(lexlow);
    DYAD_VEC_FREE(suf);
    DYAD_VEC_FREE(amb);
    free(tagfeats);
    for (size_t i = 0; i < T.docs.len; i++) dyad_doc_free(T.docs.items[i]);
    DYAD_VEC_FREE(T.docs);
    DYAD_VEC_FREE(T.sents);
    DYAD_VEC_FREE(T.tag_x);
    DYAD_VEC_FREE(T.tag_u);
    DYAD_VEC_FREE(T.labels);
    dyad_buf_free(&T.strings);
    hmap_free(&T.strmap);
    return rc;
}
