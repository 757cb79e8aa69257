/*
 * resolve.h -- what resolve.c and coref.c share (internal to src/actors/):
 * the per-sentence working state and the resolution of a noun phrase.
 */
#ifndef DYAD_ACTORS_RESOLVE_H
#define DYAD_ACTORS_RESOLVE_H

#include "actors/actors.h"

typedef DYAD_VEC(dyad_mention) act_mentions;

/* A noun phrase resolved. */
typedef struct act_res {
    char full[40];        /* full code of a person/organisation, "" if none */
    char full_sector[4];
    int full_at;          /* token where the full code's name starts */
    char country[4];
    char sector[4];
    char agent[32];       /* the sector noun's full agent code ("GOVMED") */
    const char *how;
    bool unknown;         /* has capitalised words not in the KB */
    bool person;          /* a known person */
    bool place;           /* a country, demonym or seat */
    bool demonym_head;
    bool sector_adj;      /* the sector came from an adjective */
    bool plural;
    bool thing;           /* the head is a thing ("military equipment") */
    int person_entry;     /* KB entry of the person named, -1 if none */
    char name_title[4];   /* sector of a title inside the person's name
                           * ("President Bush" -> GOV), "" if none */
} act_res;

typedef struct act_chunk {
    size_t a, b;          /* token range in the sentence */
    act_res res;
    int mention;          /* index in the output, -1 if none */
} act_chunk;

typedef struct act_sent {
    const dyad_kb *kb;
    dyad_doc *doc;
    const dyad_token *tok;
    size_t n;
    uint32_t sidx;
    int date;
    int *hit_entry, *hit_len, *cover;
    act_mentions *out;
    bool news;            /* dyad's own coding rules on top of the KB (story
                           * country, unknown NGOs); false with --replace,
                           * where the user's dictionaries alone decide, as
                           * in PETRARCH */
} act_sent;

/* Adds a mention for tokens [a,b]; returns its index or -1. */
int act_add(act_sent *s, size_t a, size_t b, size_t head, const act_res *r);
/* The date to resolve a document at (YYYYMMDD): doc, ctx option, today. */
int act_date_of(dyad_ctx *ctx, const dyad_doc *doc);
/* Links pronouns and definite descriptions of sentence s (its mentions
 * start at index first of s->out) to earlier mentions.  0 or -1. */
int act_coref_sentence(act_sent *s, size_t first);
/* Sectors of groups outside the state (REB, INS, OPP, PTY ...): their
 * leader or spokesman speaks for the group, not for a government. */
bool act_nonstate_sector(const char *sector);
/* After the story's country is given to pending sector nouns: mentions
 * linked to them (pronouns, "its spokesman") copy the code they now have.
 * Works on the mentions in creation order (before sorting). */
void act_coref_propagate(dyad_doc *doc, act_mentions *o);

#endif
