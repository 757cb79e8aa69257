/*
 * actors.h -- internal API of the actor stage (src/actors/): the knowledge
 * base (KB) that holds every actor and agent name, and the lookups the
 * resolver and the event coder use.
 *
 * The KB is one in-memory index built from the dyad files
 * (the .txt files of <data_dir>/actors: countries, orgs, people, sectors) and from
 * PETRARCH actor/agent dictionaries given with --dict.  Names are token
 * sequences; they are hashed on their first token's normalised form
 * (lower case, periods removed, accents folded) and the longest match wins.
 * Ties go to the entry loaded last, so user dictionaries override built-ins.
 *
 * Ownership: the KB owns all its memory (one arena plus arrays); it lives in
 * ctx->kb and is freed by dyad_close.
 */
#ifndef DYAD_ACTORS_H
#define DYAD_ACTORS_H

#include "internal.h"

/* What a name denotes. */
enum kb_kind {
    KB_COUNTRY = 1, /* a country name: code is the 3-letter country */
    KB_ADJ,         /* a demonym/adjective of a country ("Colombian(s)") */
    KB_SEAT,        /* a seat of government ("Washington"): code CCCSSS */
    KB_ORG,         /* an organisation (dyad org or PETRARCH actor) */
    KB_PERSON,      /* a person with dated roles */
    KB_AGENT,       /* a sector noun ("president", "troops"): code is SSS.. */
    KB_PLACE,       /* a city or region ("Basra", "Darfur"): code is its country,
                     * possibly dated ("Juba": SDN until 2011-07-08, then SSD) */
};

/* A code valid from `from` to `to` (YYYYMMDD ints; 0 = open end). */
typedef struct kb_role {
    const char *code;
    int from, to;
} kb_role;

typedef struct kb_entry {
    int kind;                 /* enum kb_kind */
    const char *code;         /* default (undated) code, NULL if none */
    const kb_role *roles;     /* dated codes, tried in order */
    size_t nroles;
    const char *name;         /* first name given, for messages */
    bool agent_prefix;        /* PETRARCH "NGO~": code goes before country */
    const char *also;         /* seat/place: other countries with a place of
                               * this name ("LBN" for Tripoli), space-separated
                               * 3-letter codes; NULL if none */
} kb_entry;

typedef struct dyad_kb dyad_kb;

/* The result of resolving an entry at a date. */
typedef struct kb_code {
    char code[32];            /* full code, "" when none applies */
    char country[4];          /* first three letters of code, or "" */
    char sector[4];           /* letters 4-6 of code (or agent code), or "" */
    bool out_of_role;         /* person: no role covers the date (see docs) */
} kb_code;

/* Creates an empty KB.  Returns NULL on out-of-memory. */
dyad_kb *dyad_kb_new(void);
void dyad_kb_free(void *kb);

/* Loads one file, sniffing its format: PETRARCH actors (name says .actors.
 * or content has "[CODE]" records), PETRARCH agents (.agents. or "[~CODE]"),
 * dyad sectors (sectors.txt) or the dyad KB format.  Bad lines are reported
 * to stderr as file:line and skipped.  Returns the number of bad lines, or
 * -1 when the file cannot be read (err filled). */
int dyad_kb_load(dyad_kb *kb, const char *path, dyad_error *err);
/* Loads the built-in data (every .txt of <data_dir>/actors, sorted). */
int dyad_kb_load_builtin(dyad_kb *kb, const char *data_dir, dyad_error *err);

/* The context's KB, loaded on first use from the built-ins and ctx->opt.dicts
 * (replace_builtin drops the built-ins).  NULL on failure (ctx->err set). */
dyad_kb *dyad_kb_get(dyad_ctx *ctx);

size_t dyad_kb_nnames(const dyad_kb *kb);
size_t dyad_kb_nentries(const dyad_kb *kb);
const kb_entry *dyad_kb_entry(const dyad_kb *kb, int idx);

/* Longest name matching the words w[0..n) from the start.  proper_ok allows
 * actor names (they need a capitalised first word), agents_ok allows agent
 * nouns.  Returns the number of words matched (0 if none); *entry is the
 * entry index. */
size_t dyad_kb_match(const dyad_kb *kb, const char *const *w, size_t n,
                     bool proper_ok, bool agents_ok, int *entry);

/* The code of an entry at a date (YYYYMMDD int). */
kb_code dyad_kb_code(const dyad_kb *kb, int entry, int date);

/* The code of entry's dated role with sector `sector` ("GOV") nearest to
 * date (the one holding at date if any): what a title in the text ("President
 * Reagan" in a later story) says the person is.  code "" when the entry has
 * no role with that sector. */
kb_code dyad_kb_code_sector(const dyad_kb *kb, int entry, int date, const char *sector);

/* Normalises a word for lookup into out (lower case, periods dropped,
 * accents folded); returns out. */
const char *dyad_kb_norm(const char *word, char *out, size_t size);

/* "2024-05-01" -> 20240501; 0 when malformed. */
int dyad_kb_parse_date(const char *s);

#endif
