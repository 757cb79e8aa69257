/*
 * syntax.h -- internals shared by the syntax stage (conllu.c, tagger.c,
 * lemma.c, parser.c, model.c, train.c): feature hashing, the model file
 * layout in memory, and the entry points the trainer uses.  Not public.
 */
#ifndef DYAD_SYNTAX_H
#define DYAD_SYNTAX_H

#include "internal.h"

#include <stdint.h>

/* ---- FEATS <-> bits (conllu.c) ---- */
/* Parses a CoNLL-U FEATS string ("Number=Sing|Tense=Past"); unknown
 * features are ignored. */
uint32_t dyad_feats_from_string(const char *s, size_t n);
/* Writes the bits as a FEATS string ("_" when none); returns out. */
const char *dyad_feats_to_string(uint32_t feats, char *out, size_t size);

/* ---- hashing ---- */
static inline uint64_t syn_mix(uint64_t h) {
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdULL;
    h ^= h >> 33;
    h *= 0xc4ceb9fe1a85ec53ULL;
    h ^= h >> 33;
    return h;
}
static inline uint64_t syn_hash_bytes(const void *p, size_t n, uint64_t seed) {
    const unsigned char *s = p;
    uint64_t h = 0xcbf29ce484222325ULL ^ seed;
    for (size_t i = 0; i < n; i++) {
        h ^= s[i];
        h *= 0x100000001b3ULL;
    }
    return syn_mix(h);
}
static inline uint64_t syn_combine(uint64_t a, uint64_t b) {
    return syn_mix(a * 0x9E3779B97F4A7C15ULL + b + 0x632BE59BD9B4E019ULL);
}

/* ---- model file sections (model.c writes them, train.c fills them) ---- */
enum {
    SEC_STRINGS = 1, SEC_TAGS, SEC_LABELS, SEC_TAGGER_INDEX, SEC_TAGGER_ROWS,
    SEC_TAGGER_META, SEC_PARSER_INDEX, SEC_PARSER_ROWS, SEC_PARSER_META,
    SEC_TAGDICT, SEC_LEXICON, SEC_LEXLOWER, SEC_SUFFIX, SEC_META, SEC_AMBIG, SEC_COUNT
};
typedef struct syn_section {
    uint32_t id;
    const void *data;
    size_t size;
} syn_section;
int syn_model_write(const char *path, const syn_section *secs, int n, dyad_error *err);
/* Tag table entry in SEC_TAGS (after a uint32 count). */
typedef struct syn_tag_rec {
    uint32_t xpos_off;  /* into SEC_STRINGS */
    uint32_t upos;
    uint32_t feats;     /* the tag's most frequent FEATS bits */
    uint32_t pad;
} syn_tag_rec;
/* Weight matrix metadata (SEC_*_META). */
typedef struct syn_wmeta {
    float scale;
    uint32_t nclasses;
} syn_wmeta;

/* ---- the model in memory (model.c) ---- */

/* An open-addressing hash table stored in the model file: cap is a power
 * of two, an entry with key 0 is empty. */
typedef struct syn_entry {
    uint64_t key;
    uint32_t a, b;
} syn_entry;

typedef struct syn_table {
    const syn_entry *e;
    uint64_t mask;      /* cap - 1; cap 0 means an empty table */
} syn_table;

/* Finds key (never 0); NULL when absent. */
static inline const syn_entry *syn_table_get(const syn_table *t, uint64_t key) {
    if (!t->e) return NULL;
    key |= 1;
    for (uint64_t i = key & t->mask;; i = (i + 1) & t->mask) {
        const syn_entry *e = &t->e[i];
        if (e->key == key) return e;
        if (e->key == 0) return NULL;
    }
}

/* A weight matrix: feature hash -> row of weights.  The index is open
 * addressing of {check, offset}: the slot comes from the low bits of the
 * 64-bit feature hash, check is its high 32 bits (never 0).  rows[offset]
 * is the row's header.  A sparse row (header = count) is followed by count
 * uint32 words: class in the high 16 bits, int16 weight in the low 16.  A
 * dense row (header = SYN_ROW_DENSE | count of its non-zero weights) is
 * followed by syn_ncls_pad(nclasses) int16 weights, one per class, zero
 * padded: rows that most classes use are summed with vector adds. */
#define SYN_ROW_DENSE 0x80000000u
typedef struct syn_windex {
    uint32_t check, off;
} syn_windex;

typedef struct syn_weights {
    const syn_windex *index;
    uint64_t mask;
    const uint32_t *rows;
    uint64_t nrows;
    float scale;            /* real weight = int16 * scale */
    uint32_t nclasses;
} syn_weights;

static inline uint32_t syn_wcheck(uint64_t key) { return (uint32_t)(key >> 32) | 1u; }

/* Classes rounded up to a multiple of 16: the length of a dense row, and
 * how many score counters the scoring functions touch (callers zero them). */
static inline uint32_t syn_ncls_pad(uint32_t n) { return (n + 15) & ~15u; }

/* uint32 words a row takes after its header. */
static inline uint32_t syn_row_words(uint32_t header, uint32_t nclasses) {
    return header & SYN_ROW_DENSE ? syn_ncls_pad(nclasses) / 2 : header;
}

/* Functions that sum weight rows are compiled twice on x86-64 with GCC,
 * for AVX2 and for the baseline, and the loader picks one by CPU (~10%
 * faster parsing where AVX2 is there). */
#if defined(__GNUC__) && !defined(__clang__) && defined(__x86_64__) && \
    !defined(__SANITIZE_ADDRESS__)
#define SYN_VECTOR_CLONES __attribute__((target_clones("avx2", "default")))
#else
#define SYN_VECTOR_CLONES
#endif

/* s[0..16) += d[0..16): a loop the compiler turns into vector adds. */
static inline void syn_add16(int32_t *restrict s, const int16_t *restrict d) {
    for (int i = 0; i < 16; i++) s[i] += d[i];
}

/* Adds row r into scores (syn_ncls_pad(ncls) counters). */
static inline void syn_row_add(const uint32_t *r, uint32_t ncls, int32_t *scores) {
    uint32_t h = r[0];
    if (h & SYN_ROW_DENSE) {
        const int16_t *d = (const int16_t *)(r + 1);
        uint32_t np = syn_ncls_pad(ncls);
        for (uint32_t c = 0; c < np; c += 16) syn_add16(scores + c, d + c);
        return;
    }
    for (uint32_t k = 1; k <= h; k++) scores[r[k] >> 16] += (int16_t)(r[k] & 0xFFFF);
}

/* Adds the row of feature key into scores (int accumulators). */
static inline void syn_weights_add(const syn_weights *w, uint64_t key, int32_t *scores) {
    if (!w->index) return;
    key |= 1; /* as the trainer's tables store it */
    uint32_t check = syn_wcheck(key);
    for (uint64_t i = key & w->mask;; i = (i + 1) & w->mask) {
        const syn_windex *e = &w->index[i];
        if (e->check == check) {
            syn_row_add(w->rows + e->off, w->nclasses, scores);
            return;
        }
        if (e->check == 0) return;
    }
}

/* Scores n features at once: prefetches every index slot, then every row,
 * then sums, so the cache misses of the lookups overlap.  scores must hold
 * syn_ncls_pad(w->nclasses) zeroed counters.  (model.c) */
void syn_weights_score(const syn_weights *w, const uint64_t *keys, int n, int32_t *scores);

#define SYN_MAX_CLASSES 512

/* Rare prepositions (tagger.c): nearly absent from the treebanks, common
 * in news; tagged IN/ADP whatever the tagger says (unless it says IN). */
#define SYN_NPREP 16
extern const char *const syn_rare_preps[SYN_NPREP];

typedef struct dyad_model {
    /* the mapping when the model came from a file (NULL when built) */
    void *map;
    size_t map_size;

    /* tag classes: "XPOS UPOS" pairs */
    uint32_t ntags;
    const char **tag_xpos;          /* ntags strings */
    const syn_tag_rec *tags;        /* ntags */
    /* dependency labels */
    uint32_t nlabels;
    const char **labels;
    int label_root, label_dep, label_auxpass, label_punct;

    syn_weights tagger;             /* classes: tags */
    syn_weights parser;             /* classes: 2 + 2 * nlabels */

    syn_table tagdict;   /* hash(form) -> a: tag (unambiguous frequent words) */
    syn_table lexicon;   /* hash(form, tag) -> a: lemma string offset, b: feats */
    syn_table lexlower;  /* hash(lowercase form, tag) -> same */
    syn_table ambig;     /* hash(lowercase form) -> a: hash of the set of tags
                            seen with it, b: its most frequent tag */
    syn_table suffix;    /* hash(tag, suffix) -> a: chars to strip, b: offset of
                            string to append */
    const char *strings; /* blob of NUL-terminated strings */
    uint32_t strings_len;
    uint32_t suffix_max; /* longest suffix in the suffix table */
    uint32_t beam;       /* beam width the parser was trained with */
    int tag_in_adp;      /* tag class "IN ADP", -1 if none */
    uint64_t prep_keys[SYN_NPREP]; /* syn_dict_key of the rare prepositions */
} dyad_model;

/* Loads (mmap) a model file.  NULL and err filled on failure. */
dyad_model *dyad_model_load(const char *path, dyad_error *err);
void dyad_model_free(void *model);
/* The context's model, loaded on first use.  NULL (ctx->err set) on failure. */
dyad_model *dyad_ctx_model(dyad_ctx *ctx);

/* ---- tagger / lemma / parser internals ---- */

/* Per-sentence token features precomputed once (no malloc per token). */
typedef struct syn_word {
    uint64_t form, lower, shape, pre[4], suf[4];
    uint64_t lowkey;        /* syn_dict_key of the lowercase form */
    uint32_t amb, top;      /* ambiguity class and most frequent tag + 1
                               (0 when the word is unknown) */
    uint32_t flags;
} syn_word;

#define SYN_TAG_NFEAT 40
/* Computes the hashed tagger features of token i (prev tags p1, p2 are
 * class ids, -1 before the start); returns how many. */
int syn_tagger_features(const syn_word *w, int n, int i, int p1, int p2,
                        uint64_t *out);
void syn_word_init(syn_word *w, const char *form);

/* Tags n tokens with the model (upos, xpos, feats, lemma). */
int syn_tag_sentence(const dyad_model *m, dyad_doc *doc, dyad_token *t, int n,
                     syn_word *scratch, int *tags);
/* Lemma of form with tag class; returns a string in the model or in doc's
 * arena. */
const char *syn_lemma(const dyad_model *m, dyad_doc *doc, const char *form,
                      int tag, uint32_t *feats);
/* Normalises a form for lookups (curly quotes and dashes to ASCII); writes
 * at most cap-1 bytes and a NUL; returns the length. */
size_t syn_normalize(const char *form, char *out, size_t cap);
/* Lowercases ASCII letters in place. */
void syn_lower(char *s);
/* Keys of the lexicon tables. */
static inline uint64_t syn_lex_key(const char *form, size_t n, int tag) {
    return syn_combine(syn_hash_bytes(form, n, 0x1e1), (uint64_t)tag);
}
static inline uint64_t syn_suffix_key(const char *suf, size_t n, int tag) {
    return syn_combine(syn_hash_bytes(suf, n, 0x5f5), (uint64_t)tag + 1000);
}
static inline uint64_t syn_dict_key(const char *form, size_t n) {
    return syn_hash_bytes(form, n, 0xd1c7);
}
/* Tag class of an (xpos, upos) pair; -1 when the model has none. */
int syn_tag_class(const dyad_model *m, const char *xpos, int upos);

/* The parser state and features (parser.c), shared with training. */
#define SYN_MAX_SENT 1024
typedef struct syn_parse_state {
    int n;                   /* words, plus root at index 0 */
    int stack[SYN_MAX_SENT + 2];
    int sp;
    int b;                   /* buffer front */
    int head[SYN_MAX_SENT + 2];
    int label[SYN_MAX_SENT + 2];
    int lc1[SYN_MAX_SENT + 2], lc2[SYN_MAX_SENT + 2];  /* leftmost children */
    int rc1[SYN_MAX_SENT + 2], rc2[SYN_MAX_SENT + 2];  /* rightmost children */
    int nl[SYN_MAX_SENT + 2], nr[SYN_MAX_SENT + 2];    /* valencies */
    uint64_t lset[SYN_MAX_SENT + 2], rset[SYN_MAX_SENT + 2]; /* label sets */
    int root_child;
} syn_parse_state;

enum { SYN_SHIFT = 0, SYN_REDUCE = 1 };
#define SYN_LEFT(l) (2 + 2 * (l))
#define SYN_RIGHT(l) (3 + 2 * (l))

/* Per-token inputs of the parser: word hash and tag ids (index 0 = root). */
typedef struct syn_ptok {
    uint64_t w;
    int t;      /* tag class */
    int u;      /* upos */
} syn_ptok;

void syn_state_init(syn_parse_state *s, int n);
/* Copies s into d (only the entries of its n words). */
void syn_state_copy(syn_parse_state *d, const syn_parse_state *s);
int syn_state_done(const syn_parse_state *s);
int syn_action_legal(const syn_parse_state *s, int action);
void syn_apply(syn_parse_state *s, int action);
#define SYN_PARSE_NFEAT 96
int syn_parser_features(const syn_parse_state *s, const syn_ptok *tk,
                        uint64_t *out);
/* Finishes: headless words attach to the root's child (or become root). */
void syn_state_finish(syn_parse_state *s, int dep_label);

/* Beam search (parser.c; train.c trains with the same expansion). */
#define SYN_MAX_BEAM 64
typedef struct syn_cand {
    double score;   /* the parse's score after the action */
    int item;       /* the beam item it extends */
    int action;
} syn_cand;
/* Scratch states of a beam: 2 x width parses. */
typedef struct syn_beam {
    syn_parse_state *st;
} syn_beam;
/* Scores every legal action of the nitems states (with scores[] so far)
 * and writes the k best extensions into best, highest first; returns how
 * many (0 when no state has a legal action). */
/* Inserts c into best[0..*nb) (sorted, highest first, at most k). */
void syn_beam_insert(syn_cand *best, int *nb, int k, syn_cand c);
int syn_beam_expand(const syn_weights *w, const syn_parse_state *items, const double *scores,
                    int nitems, const syn_ptok *tk, int k, syn_cand *best);
/* Beam width for parsing: dyad_options.beam, else the model's. */
int syn_beam_width(const dyad_ctx *ctx, const dyad_model *m);

/* ---- training (train.c) ---- */
#define SYN_TRAIN_EPOCHS 18
#define SYN_TRAIN_BEAM 8
/* Trains and writes the model; epochs and beam 0 take the defaults above;
 * beam 1 trains a greedy parser (dynamic oracle with exploration), wider
 * beams a beam parser with max-violation updates. */
int dyad_train(const char *treebank_dir, const char *out_path, int epochs, int beam,
               FILE *log, dyad_error *err);

#endif
