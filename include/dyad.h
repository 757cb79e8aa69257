/*
 * dyad.h -- the public API of libdyad, a political event coder.
 *
 * dyad reads news text and answers who did what to whom, when, where and
 * about what.  Data flows through these stages, each one a source file (or
 * folder) under src/ named for it:
 *
 *   text -> sentences -> tokens -> tags -> dependency tree -> actors
 *        -> events -> store -> reports
 *
 * Usage, in short:
 *
 *   dyad_ctx *ctx = dyad_open(NULL, &err);          // loads model, KB, lexicon
 *   dyad_reader *r = dyad_reader_open("news.jsonl", DYAD_FMT_AUTO, &err);
 *   dyad_doc *doc;
 *   while ((rc = dyad_reader_next(r, &doc, &err)) != 0) {
 *       if (rc < 0) { report(err); continue; }       // bad record: go on
 *       dyad_segment(doc);                           // sentences + tokens
 *       dyad_analyze(ctx, doc);                      // tags, tree, actors, events
 *       ... read doc->events ...
 *       dyad_doc_free(doc);
 *   }
 *   dyad_reader_close(r);
 *   dyad_close(ctx);
 *
 * Threads: nothing in libdyad is global and mutable.  A dyad_ctx belongs to
 * one thread at a time; open one context per thread (the model file is
 * mmap'd, so the pages are shared between them).
 *
 * Memory: every string and array hanging off a dyad_doc lives in the
 * document's arena and is freed by dyad_doc_free().  Functions that return a
 * heap string say so; the caller frees it with free().
 *
 * Offsets: the `start`/`end` fields of tokens, sentences, mentions and
 * triggers are BYTE offsets into dyad_doc.text (the original UTF-8 text, not
 * the normalised token forms).  Output formats (JSON) report CHARACTER
 * offsets (Unicode code points), converted with dyad_doc_char_offset().
 */
#ifndef DYAD_H
#define DYAD_H

#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

#define DYAD_VERSION "0.1.0"

/* ------------------------------------------------------------------------ */
/* Errors                                                                   */
/* ------------------------------------------------------------------------ */

/* A recoverable error: which file, which line (1-based, 0 if none) and which
 * byte offset (-1 if none), with a message.  Functions that can fail take a
 * dyad_error* (may be NULL) and fill it. */
typedef struct dyad_error {
    char file[256];
    long line;
    long long byte;
    char msg[512];
} dyad_error;

/* Formats "file:line: byte N: msg" into buf; returns buf. */
const char *dyad_error_str(const dyad_error *err, char *buf, size_t size);

/* ------------------------------------------------------------------------ */
/* Documents, sentences, tokens                                             */
/* ------------------------------------------------------------------------ */

/* Universal POS tags, in the order of the UD documentation. */
enum dyad_upos {
    DYAD_UPOS_NONE = 0,
    DYAD_ADJ, DYAD_ADP, DYAD_ADV, DYAD_AUX, DYAD_CCONJ, DYAD_DET, DYAD_INTJ,
    DYAD_NOUN, DYAD_NUM, DYAD_PART, DYAD_PRON, DYAD_PROPN, DYAD_PUNCT,
    DYAD_SCONJ, DYAD_SYM, DYAD_VERB, DYAD_X,
    DYAD_UPOS_COUNT
};
const char *dyad_upos_name(int upos);
int dyad_upos_from_name(const char *name);          /* 0 if unknown */

/* Morphological features the coder needs, as bits of dyad_token.feats. */
enum dyad_feat {
    DYAD_F_TENSE_PAST  = 1u << 0,
    DYAD_F_TENSE_PRES  = 1u << 1,
    DYAD_F_VOICE_PASS  = 1u << 2,
    DYAD_F_NUM_SING    = 1u << 3,
    DYAD_F_NUM_PLUR    = 1u << 4,
    DYAD_F_VF_FIN      = 1u << 5,
    DYAD_F_VF_INF      = 1u << 6,
    DYAD_F_VF_PART     = 1u << 7,
    DYAD_F_VF_GER      = 1u << 8,
    DYAD_F_MOOD_IMP    = 1u << 9,
    DYAD_F_POLARITY_NEG= 1u << 10,
    DYAD_F_PERSON_1    = 1u << 11,
    DYAD_F_PERSON_2    = 1u << 12,
    DYAD_F_PERSON_3    = 1u << 13,
    DYAD_F_POSS        = 1u << 14,
    DYAD_F_DEGREE_CMP  = 1u << 15,
    DYAD_F_DEGREE_SUP  = 1u << 16,
};

typedef struct dyad_token {
    uint32_t start, end;    /* byte span in dyad_doc.text */
    const char *form;       /* normalised form: NFC, ASCII quotes/dashes */
    const char *lemma;      /* set by the tagger; NULL before */
    const char *xpos;       /* Penn tag, e.g. "VBD"; NULL before tagging */
    uint8_t upos;           /* enum dyad_upos */
    bool space_after;       /* whitespace follows in the original text */
    uint32_t feats;         /* enum dyad_feat bits */
    int32_t head;           /* index of the head token within the sentence,
                               -1 for the root; set by the parser */
    const char *deprel;     /* UD relation, e.g. "nsubj:pass"; NULL before */
} dyad_token;

typedef struct dyad_sentence {
    uint32_t start, end;    /* byte span in dyad_doc.text */
    uint32_t first;         /* index of its first token in dyad_doc.tokens */
    uint32_t ntokens;
} dyad_sentence;

/* An actor mention: a noun phrase resolved (or not) to an actor code. */
typedef struct dyad_mention {
    uint32_t sent;          /* sentence index */
    uint32_t head;          /* head token, index within the sentence */
    uint32_t first, last;   /* token range within the sentence (inclusive) */
    uint32_t start, end;    /* byte span in dyad_doc.text */
    const char *text;       /* surface text of the phrase */
    const char *code;       /* e.g. "COLGOV"; NULL when unresolved */
    char country[4];        /* "COL", "IGO" ...; "" when none */
    char sector[4];         /* "GOV", "MIL" ...; "" when none */
    const char *how;        /* how it was resolved: "kb:name", "possessive",
                               "appos", "coref:pronoun", "unknown" ... */
    int32_t antecedent;     /* mention index it corefers with, -1 if none */
    bool plural;
} dyad_mention;

/* Issues an event concerns, as bits. */
enum dyad_issue {
    DYAD_ISSUE_NARCOTICS    = 1u << 0,
    DYAD_ISSUE_MIGRATION    = 1u << 1,
    DYAD_ISSUE_SECURITY     = 1u << 2,
    DYAD_ISSUE_TRADE        = 1u << 3,
    DYAD_ISSUE_TERRORISM    = 1u << 4,
    DYAD_ISSUE_HUMAN_RIGHTS = 1u << 5,
    DYAD_ISSUE_ENVIRONMENT  = 1u << 6,
    DYAD_ISSUE_ELECTIONS    = 1u << 7,
    DYAD_ISSUE_NUCLEAR      = 1u << 8,
    DYAD_ISSUE_ENERGY       = 1u << 9,
    DYAD_ISSUE_HEALTH       = 1u << 10,
    DYAD_ISSUE_ECONOMY      = 1u << 11,
    DYAD_ISSUE_DIPLOMACY    = 1u << 12,
    DYAD_ISSUE_CORRUPTION   = 1u << 13,
    DYAD_ISSUE_COUNT        = 14
};
const char *dyad_issue_name(int bit_index);   /* "NARCOTICS" for 0 ... */

/* A coded event. */
typedef struct dyad_event {
    uint32_t sent;          /* sentence index */
    char cameo[8];          /* "125" */
    char root[4];           /* "12" */
    const char *plover;     /* "REJECT" */
    const char *mode;       /* PLOVER mode or NULL */
    const char *context;    /* PLOVER context or NULL */
    int quad;               /* 1 verbal coop, 2 material coop,
                               3 verbal conflict, 4 material conflict */
    double goldstein;
    int32_t source;         /* index into dyad_doc.mentions, -1 if none */
    int32_t target;         /* index into dyad_doc.mentions, -1 if none */
    uint32_t trigger_start, trigger_end;  /* byte span of the trigger */
    const char *trigger;    /* trigger text, e.g. "refused" */
    uint32_t issues;        /* enum dyad_issue bits */
    char event_date[11];    /* YYYY-MM-DD */
    bool negated;
    const char *rule;       /* which lexicon entry / pattern coded it */
} dyad_event;

typedef struct dyad_arena dyad_arena;

typedef struct dyad_doc {
    const char *id;         /* document id (or file name) */
    const char *title;      /* may be NULL */
    const char *date;       /* YYYY-MM-DD, may be NULL */
    const char *source;     /* where it came from: file name; may be NULL */
    const char *text;       /* the body, valid UTF-8, NUL-terminated */
    size_t len;             /* bytes in text */

    dyad_sentence *sentences; size_t nsentences;
    dyad_token *tokens;       size_t ntokens;
    dyad_mention *mentions;   size_t nmentions;
    dyad_event *events;       size_t nevents;

    dyad_arena *arena;      /* owns everything above */
} dyad_doc;

/* Makes a document from its parts; all strings are copied.  text must be
 * valid UTF-8 (see dyad_utf8_check).  Returns NULL on out-of-memory. */
dyad_doc *dyad_doc_new(const char *id, const char *title, const char *date,
                       const char *text, size_t len);
void dyad_doc_free(dyad_doc *doc);

/* Allocates from the document's arena (freed with the document). */
void *dyad_doc_alloc(dyad_doc *doc, size_t size);
char *dyad_doc_strndup(dyad_doc *doc, const char *s, size_t n);

/* Character (code point) offset of byte offset `byte` in doc->text. */
size_t dyad_doc_char_offset(const dyad_doc *doc, size_t byte);

/* Returns the byte offset of the first invalid UTF-8 sequence (or NUL byte)
 * in s[0..len), or -1 when s is valid. */
long long dyad_utf8_check(const char *s, size_t len);

/* ------------------------------------------------------------------------ */
/* Input readers (src/reader.c)                                             */
/* ------------------------------------------------------------------------ */

typedef enum dyad_format {
    DYAD_FMT_AUTO = 0,      /* by extension: .jsonl/.json -> JSONL, else text;
                               a directory -> every file in it */
    DYAD_FMT_TEXT,          /* one document per file; first line may be a
                               title (when followed by a blank line or when it
                               has no final punctuation) */
    DYAD_FMT_JSONL,         /* one JSON object per line: id, title, text,
                               date or published */
} dyad_format;

typedef struct dyad_reader dyad_reader;

/* path NULL or "-" reads stdin.  Returns NULL and fills err on failure. */
dyad_reader *dyad_reader_open(const char *path, dyad_format fmt,
                              dyad_error *err);
/* Returns 1 and sets *doc (caller frees it) when a document was read; 0 at
 * the end of input; -1 when a record was bad (err says where and why) --
 * the caller may call again to go on with the next record. */
int dyad_reader_next(dyad_reader *r, dyad_doc **doc, dyad_error *err);
void dyad_reader_close(dyad_reader *r);

/* ------------------------------------------------------------------------ */
/* Sentences and tokens (src/sentences.c, src/tokens.c)                     */
/* ------------------------------------------------------------------------ */

/* Splits doc->text into sentences and tokens (fills doc->sentences and
 * doc->tokens).  Returns 0, or -1 on out-of-memory. */
int dyad_segment(dyad_doc *doc);

/* ------------------------------------------------------------------------ */
/* Context: loaded resources (src/context.c)                                */
/* ------------------------------------------------------------------------ */

typedef struct dyad_ctx dyad_ctx;

typedef struct dyad_options {
    const char *data_dir;      /* NULL: $DYAD_DATA, else the built-in path */
    const char *model_path;    /* NULL: <data_dir>/model/dyad.model */
    const char *const *dicts;  /* extra PETRARCH/dyad dictionaries, NULL-ended;
                                  the caller keeps the strings alive */
    bool replace_builtin;      /* dicts replace (not add to) the built-ins */
    const char *date;          /* document date to use when a doc has none */
    const char *const *petrarch_options;  /* "NAME=VALUE" PETRARCH <Config>
                                  options (require_dyad=false ...) for the
                                  PETRARCH coder, NULL-ended, may be NULL;
                                  kept alive by the caller like dicts */
    int beam;                  /* parser beam width; 0: the model's (its
                                  training width), 1: greedy */
} dyad_options;

/* Loads what the options ask for.  Returns NULL and fills err on failure. */
dyad_ctx *dyad_open(const dyad_options *opt, dyad_error *err);
void dyad_close(dyad_ctx *ctx);

/* The data directory in use (model, knowledge base, lexicon). */
const char *dyad_data_dir(const dyad_ctx *ctx);

/* ------------------------------------------------------------------------ */
/* Syntax: tagger, lemmatizer, dependency parser (src/tagger.c, lemma.c,    */
/* parser.c, model.c, conllu.c)                                             */
/* ------------------------------------------------------------------------ */

/* Sets upos, xpos, feats and lemma of every token.  Returns 0 or -1. */
int dyad_tag(dyad_ctx *ctx, dyad_doc *doc);
/* Sets head and deprel of every token (tags first when not yet tagged). */
int dyad_parse(dyad_ctx *ctx, dyad_doc *doc);

/* Reads CoNLL-U text (one or more sentences) into a new document whose text
 * is the sentences' words joined by their SpaceAfter; gold columns that are
 * present (UPOS, XPOS, lemma, feats, head, deprel) are kept.  Returns NULL
 * and fills err on malformed input. */
dyad_doc *dyad_conllu_read(const char *conllu, size_t len, const char *id,
                           dyad_error *err);
/* Writes the document's sentences as CoNLL-U. */
int dyad_conllu_write(const dyad_doc *doc, FILE *out);

/* ------------------------------------------------------------------------ */
/* Actors (src/actors/)                                                     */
/* ------------------------------------------------------------------------ */

/* Finds the actor mentions of a parsed document (fills doc->mentions):
 * noun phrases resolved against the knowledge base with the document date,
 * unknown capitalised names kept with code NULL, pronouns and definite
 * descriptions linked to their antecedents (antecedent, and code copied).
 * A coordination of modifiers ("Hungarian and Romanian officials") gives
 * one mention per modifier, all with the same head token; coordinated noun
 * phrases ("Jordan and Britain") give one mention per conjunct. */
int dyad_resolve_actors(dyad_ctx *ctx, dyad_doc *doc);

/* ------------------------------------------------------------------------ */
/* Events (src/events/)                                                     */
/* ------------------------------------------------------------------------ */

/* Codes the events of a document with resolved actors (fills doc->events). */
int dyad_code_events(dyad_ctx *ctx, dyad_doc *doc);

/* Every stage a document still needs: segment, tag, parse, resolve actors,
 * code events.  Returns 0 or -1 (ctx's last error says why). */
int dyad_analyze(dyad_ctx *ctx, dyad_doc *doc);

/* The event as one line of JSON (no newline), in the documented output
 * format (README "Output").  The caller frees the string. */
char *dyad_event_to_json(const dyad_doc *doc, const dyad_event *ev);

/* ------------------------------------------------------------------------ */
/* Store (src/store.c): documents and events in SQLite                     */
/* ------------------------------------------------------------------------ */

typedef struct dyad_store dyad_store;

/* Opens (creating when needed) the SQLite store at path, in WAL mode. */
dyad_store *dyad_store_open(const char *path, dyad_error *err);
/* Adds a coded document and its events.  Documents are written in
 * transactions of a batch of documents; a document already stored (same id
 * and text hash) is skipped unless replace is true.  Returns 1 stored,
 * 0 skipped, -1 error. */
int dyad_store_put(dyad_store *st, const dyad_doc *doc, bool replace,
                   dyad_error *err);
/* Commits the open batch.  Returns 0 or -1. */
int dyad_store_flush(dyad_store *st, dyad_error *err);
/* Flushes and closes. */
void dyad_store_close(dyad_store *st);

#ifdef __cplusplus
}
#endif
#endif /* DYAD_H */
