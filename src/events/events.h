/*
 * events.h -- internal API of the event coder (src/events/).
 *
 * The lexicon (lexicon.c) holds CAMEO codes (headers) and compiled patterns
 * indexed by trigger lemma; petrarch.c translates PETRARCH2 verb dictionaries
 * into the same patterns (petr_code.c codes them the PETRARCH way instead
 * when they replace the built-ins); coder.c matches the patterns on the dependency
 * tree; dates.c resolves event dates; issues.c tags issues; json.c writes
 * the output format.
 */
#ifndef DYAD_EVENTS_H
#define DYAD_EVENTS_H

#include "internal.h"

/* A set of alternative lemmas ("sanction|embargo"), NULL-terminated. */
typedef struct ev_alts {
    const char **w;     /* lowercase words */
    int n;
} ev_alts;

/* A required dependent word of the trigger (object noun, xcomp verb...). */
typedef struct ev_req {
    ev_alts alts;
    int depth;          /* 0: child of the trigger; k: child of xcomp k */
    bool optional;
} ev_req;

/* Where an actor slot is found. */
enum ev_slot_kind {
    EV_SLOT_NONE = 0,
    EV_SLOT_SUBJ,       /* nsubj (or by-agent of a passive) */
    EV_SLOT_OBJ,        /* obj (or nsubj:pass of a passive) */
    EV_SLOT_PREP,       /* obl/nmod whose case marker is in preps */
    EV_SLOT_POSS,       /* possessor (nmod:poss) of the trigger noun */
    EV_SLOT_POSS_OBJ,   /* possessor of required noun `noun` */
    EV_SLOT_BETWEEN,    /* "between S and T": the conjuncts */
};

typedef struct ev_slot {
    int kind;
    ev_alts preps;      /* case markers for EV_SLOT_PREP */
    bool obj_ok;        /* EV_SLOT_PREP with optional prep: obj also fits */
    bool clause;        /* EV_SLOT_OBJ written "that T": only the subject of a
                           complement clause fits, not an object noun */
    int noun;           /* EV_SLOT_POSS_OBJ: index into reqs */
    int depth;          /* which verb of the xcomp chain it attaches to */
} ev_slot;

typedef struct ev_pattern {
    int code;           /* index into lexicon codes */
    const char *file;   /* file name (basename) */
    int line;
    bool nominal;       /* trigger is a noun */
    ev_alts trigger;
    ev_alts particle;   /* phrasal-verb particle, n == 0 when none */
    ev_alts chain[4];   /* xcomp chain "refuse to meet": chain[0] = meet */
    int nchain;
    ev_req *reqs;
    int nreqs;
    ev_alts trail_prep; /* "S accuse T of": an obl with this case is required */
    ev_slot src, tgt;
    bool recip, nosource, notarget;
    int code2;          /* PETRARCH [a:b]: code of the target->source event, -1 */
    bool foreign;       /* imported (PETRARCH): its codes already encode modality */
    int specificity;    /* more required words -> more specific */
} ev_pattern;

typedef struct ev_code {
    char code[8];
    char root[4];
    double goldstein;
    const char *plover, *mode, *context;
    const char *name;
    int quad;
} ev_code;

/* Hash index: trigger lemma -> list of pattern indexes. */
typedef struct ev_index_entry {
    const char *lemma;
    int *pats;
    int npats, cap;
} ev_index_entry;

/* A synonym set &NAME. */
typedef struct ev_set {
    const char *name;
    ev_alts alts;
} ev_set;

typedef struct ev_lexicon {
    dyad_arena *arena;                  /* owns every string */
    DYAD_VEC(ev_code) codes;
    DYAD_VEC(ev_pattern) pats;
    ev_index_entry *index;              /* open addressing */
    size_t index_cap, index_len;
    /* synonym sets &NAME */
    DYAD_VEC(ev_set) sets;
    /* discard phrases (PETRARCH discards): sentences containing one are
     * not coded; each is a lowercase word sequence */
    DYAD_VEC(const char *) discards;
    int nerrors;                        /* syntax errors reported */
    /* issues (issues.c) */
    void *issues;
    /* PETRARCH verb dictionaries as read by petr_code.c (NULL when none);
     * petr_only: they replace the built-ins, so petr_code.c codes */
    void *petr;
    bool petr_only;
} ev_lexicon;

/* ---- lexicon.c ---- */
ev_lexicon *ev_lexicon_new(void);
void ev_lexicon_free(void *lex);
/* Loads a dyad-format lexicon from text; errors go to errf (may be NULL)
 * as "file:line: msg" and loading goes on.  Returns patterns added or -1. */
int ev_lexicon_load_text(ev_lexicon *lx, const char *text, size_t len,
                         const char *fname, FILE *errf);
int ev_lexicon_load_file(ev_lexicon *lx, const char *path, FILE *errf,
                         dyad_error *err);
/* Finds or adds the header of code (used by importers); -1 if unknown and
 * cannot be derived. */
int ev_lexicon_code(const ev_lexicon *lx, const char *code);
/* Compiles one pattern line (dyad syntax) under code index `code`. */
int ev_lexicon_add_pattern(ev_lexicon *lx, int code, const char *pat,
                           const char *fname, int line, FILE *errf);
/* The patterns triggered by lemma (NULL when none). */
const ev_index_entry *ev_lexicon_lookup(const ev_lexicon *lx, const char *lemma);
/* Quad class from a 2-digit root. */
int ev_quad_of_root(int root);
/* The lexicon of ctx, loaded on first use (built-in + --dict files). */
ev_lexicon *ev_ctx_lexicon(dyad_ctx *ctx);
/* Adds a header for code (copying fields from an existing sibling when
 * needed); returns its index. */
int ev_lexicon_ensure_code(ev_lexicon *lx, const char *code);

/* ---- coder.c ---- */
/* Codes doc with lexicon lx (fills doc->events); fallback_date is used when
 * the document has no date.  Returns 0 or -1. */
int ev_code_doc(const ev_lexicon *lx, dyad_doc *doc, const char *fallback_date);

/* The events a coder collects for a document. */
typedef DYAD_VEC(dyad_event) ev_event_vec;

/* Moves the events of ev into doc (copied into the document's arena; ev is
 * freed either way).  Returns 0, or -1 when out of memory. */
int ev_doc_set_events(dyad_doc *doc, ev_event_vec *ev);

/* ---- repair.c ---- */
/* Repairs frequent misparses in sentence si before coding (date words as
 * objects, participles of statement nouns, adjectival participles read as
 * verbs); returns the number of repairs made. */
int ev_repair_sentence(dyad_doc *doc, uint32_t si);

/* ---- eval.c ---- */
typedef struct ev_plover_hit {
    char gold_type[32];
    bool type, source, target, triple;
} ev_plover_hit;
/* Canonical PLOVER type: gold aliases DISAPPROVE = ACCUSE, DEMAND = REQUEST;
 * unless strict, FIGHT = ASSAULT and INVESTIGATE = ACCUSE (PLOVER 0.5 types
 * merged in the 2021 ontology). */
const char *ev_plover_canon(const char *plover_type, bool strict);
/* 3-letter code of mention m ("" when none). */
void ev_mention_code3(const dyad_doc *doc, int m, char out[4]);
/* record: a jansson json_t* PLOVER gold record.  Returns 0, -1 if the
 * record has no event type. */
int ev_plover_score(const void *record, const dyad_doc *doc, bool strict,
                    ev_plover_hit *out);
typedef struct ev_triple { char s[64], t[64], c[8]; } ev_triple;
int ev_triples(const dyad_doc *doc, ev_triple *out, int cap);
bool ev_triple_in(const ev_triple *set, int n, const ev_triple *x);
bool ev_triples_equal(const ev_triple *a, int na, const ev_triple *b, int nb);
/* The sentence of a Penn-bracketed parse "(ROOT (S (NP (NNP A)) ...))": its
 * leaves joined as text ("A 's" -> "A's", -LRB- -> "("); malloc'd, caller
 * frees.  NULL when the brackets do not balance or no leaf is found (a
 * malformed parse: PETRARCH rejects such a record). */
char *ev_ptb_text(const char *parse);

/* ---- petrarch.c ---- */
/* Kind of dictionary file by name/content: 'v' verbs, 'd' discards,
 * 'a' actors/agents, 'l' dyad lexicon. */
int ev_dict_kind(const char *path, const char *text);
int ev_petrarch_load_verbs(ev_lexicon *lx, const char *text, size_t len,
                           const char *fname, FILE *errf);
int ev_petrarch_load_discards(ev_lexicon *lx, const char *text, size_t len,
                              const char *fname);

/* ---- petr_code.c ---- */
/* Reads a PETRARCH verb dictionary into *dict (created when NULL); bad
 * lines are reported to errf as "file:line: msg" and skipped.  Returns the
 * number of patterns held, -1 on allocation failure. */
int ev_petr_load_verbs(void **dict, const char *text, size_t len, const char *fname,
                       FILE *errf);
void ev_petr_free(void *dict);
/* Sets a PETRARCH option (require_dyad ...): 0 set, 1 unknown name
 * (ignored), -1 bad value. */
int ev_petr_set_option(void *dict, const char *name, const char *value);
/* Codes doc the PETRARCH way with lx->petr (fills doc->events); kb (may
 * be NULL) recodes the actor phrases the PETRARCH way (petr_actors.c). */
struct dyad_kb;
int ev_petr_code_doc(const ev_lexicon *lx, const struct dyad_kb *kb, dyad_doc *doc,
                     const char *fallback_date);
/* ---- petr_actors.c ---- */
/* Recodes the mentions of sentence si the way PETRARCH reads noun phrases
 * (prefix agents, first actor, agents, dated codes at date YYYYMMDD). */
int ev_petr_actors(const struct dyad_kb *kb, dyad_doc *doc, uint32_t si, int date);

/* ---- dates.c ---- */
/* Civil date. */
typedef struct ev_date { int y, m, d; } ev_date;
bool ev_date_parse(const char *s, ev_date *out);
void ev_date_format(ev_date d, char out[11]);
/* Resolves the temporal expression starting at token index i of the
 * sentence (tokens toks[0..n)); returns tokens consumed (0 if none) and
 * sets *out.  future: the event is in the future tense. */
int ev_date_expr(const dyad_token *toks, int n, int i, ev_date ref,
                 bool future, ev_date *out);
/* The event date of a trigger token: expression attached to it, else in
 * the sentence, else the reference date.  out "" when no reference. */
void ev_event_date(const dyad_doc *doc, const dyad_sentence *s, int trig,
                   bool future, const char *docdate, char out[11]);

/* ---- issues.c ---- */
void *ev_issues_load(const char *path, FILE *errf);
void ev_issues_free(void *iss);
/* Issue bits of the words of a sentence. */
uint32_t ev_issues_sentence(const void *iss, const dyad_doc *doc,
                            const dyad_sentence *s);

/* Copies the next line of text[0..len) from *pos into line (cut at size - 1
 * bytes), drops a '#' comment and trailing spaces, advances *pos past the
 * line break; returns the line's length. */
size_t ev_next_line(const char *text, size_t len, size_t *pos, char *line, size_t size);

#endif
