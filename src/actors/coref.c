/*
 * coref.c -- within-document coreference for actor mentions.
 *
 * How it works.  After a sentence's noun phrases are resolved, each
 * third-person pronoun (he, she, it, they and their object/possessive forms)
 * becomes a mention linked to the closest earlier mention that agrees with
 * it: he/she -> a person or a sector noun in the singular ("the president");
 * it/its -> a country, seat or organisation; they/their -> a plural mention,
 * else a country or organisation.  Candidates are searched in the same
 * sentence first (nearest before the pronoun), then up to three sentences
 * back, taking the first (subject-most) agreeing mention of each sentence.
 * Definite descriptions are linked the same way: "the president" (a sector
 * noun with no country) takes the country of the nearest mention with that
 * sector; "the country"/"the nation" -> the nearest country; "the Colombian
 * leader" keeps its own code and is linked to the nearest mention with the
 * same country and sector; "both governments"/"the two leaders" become TWO
 * mentions over the same tokens and head, one per antecedent.
 * The antecedent index is stored and its code, country and sector copied.
 * Bodies (government, army, party ...) are "it", never "he"; a city named as a
 * location is never the antecedent of it/they; "its spokesman" and "their
 * leader" belong to the possessive's antecedent (a rebel group's leader keeps
 * the group's code); "both countries" is two mentions.  A sector noun still
 * waiting for the story's country can be an antecedent: act_coref_propagate()
 * copies the codes once the document is resolved.
 */
#include "actors/resolve.h"

#include <stdlib.h>

enum agr { AGR_PERSON, AGR_THING, AGR_PLURAL, AGR_COUNTRY };

static const struct { const char *w; int agr; } PRONOUNS[] = {
    {"he", AGR_PERSON}, {"him", AGR_PERSON}, {"his", AGR_PERSON},
    {"she", AGR_PERSON}, {"her", AGR_PERSON},
    {"it", AGR_THING}, {"its", AGR_THING},
    {"they", AGR_PLURAL}, {"them", AGR_PLURAL}, {"their", AGR_PLURAL},
};

/* Sector nouns for a body, not a person: "the government ... it". */
static const char *const COLLECTIVE[] = {
    "government", "administration", "cabinet", "ministry", "regime", "army", "military",
    "police", "navy", "council", "parliament", "court", "party", "junta", "force",
    "commission", "committee", "agency", "assembly", "congress", "senate", "union",
    "group", "movement", "front", "organization", "organisation", "alliance",
    "coalition", "embassy", "presidency", "legislature", "opposition", "company",
    "leadership", "command", "authority", "guard", "service", "bank", "media", NULL};

static bool collective(const act_sent *s, const dyad_mention *m) {
    const dyad_doc *d = s->doc;
    const dyad_token *t = &d->tokens[d->sentences[m->sent].first + m->head];
    for (const char *const *w = COLLECTIVE; *w; w++)
        if (dyad_strcasecmp_ascii(t->form, *w) == 0) return true;
    return false;
}

/* A known person named inside an organisation's phrase: "U.N.
 * Secretary-General Kofi Annan" is coded for the UN but is a "he". */
static bool names_person(const act_sent *s, const dyad_mention *m) {
    const dyad_doc *d = s->doc;
    const dyad_token *t = d->tokens + d->sentences[m->sent].first;
    const char *w[32];
    for (uint32_t i = m->first; i <= m->last;) {
        size_t n = 0;
        for (uint32_t j = i; j <= m->last && n < 32; j++) w[n++] = t[j].form;
        int e = -1;
        size_t len = dyad_kb_match(s->kb, w, n, true, false, &e);
        if (len && dyad_kb_entry(s->kb, e)->kind == KB_PERSON) return true;
        i += len ? (uint32_t)len : 1;
    }
    return false;
}

static bool is_person(const act_sent *s, const dyad_mention *m) {
    if (m->how && strncmp(m->how, "kb:person", 9) == 0) return true;
    if (m->how && !strcmp(m->how, "kb:org")) return !m->plural && names_person(s, m);
    if (m->how && (!strcmp(m->how, "kb:seat") || !strcmp(m->how, "kb:country") ||
                   !strncmp(m->how, "kb:place", 8)))
        return false;
    if (collective(s, m)) return false;
    return m->sector[0] && !m->plural && strcmp(m->sector, "CVL") != 0;
}

/* A city or a seat named as a place ("in Cairo") is where things happen,
 * not who acts: never the antecedent of it/they. */
static bool mere_place(const dyad_mention *m) {
    return m->how && (!strcmp(m->how, "kb:place") || !strcmp(m->how, "kb:seat:place"));
}

/* A sector noun still waiting for the story's country ("the rebels"):
 * an antecedent too; its code is copied once the document is resolved. */
static bool pending(const dyad_mention *m) {
    if (m->code || !m->how) return false;
    return (m->sector[0] && !strcmp(m->how, "sector")) ||
           (m->antecedent >= 0 && !strncmp(m->how, "coref:", 6));
}

static bool agrees(const act_sent *s, const dyad_mention *m, int agr, bool strict) {
    if (!m->code && !pending(m)) return false;
    switch (agr) {
    case AGR_PERSON: return is_person(s, m);
    case AGR_THING: return !m->plural && !is_person(s, m) && !mere_place(m);
    case AGR_PLURAL: return strict ? m->plural : !is_person(s, m) && !mere_place(m);
    case AGR_COUNTRY: return m->code && m->country[0] && !m->sector[0] && !m->plural;
    }
    return false;
}

/* Last words of names that are not people ("Central Command", "Truth
 * Social platform"): such an unknown name does not stand for a "he". */
static const char *const NONPERSON_HEADS[] = {
    "command", "council", "party", "ministry", "university", "institute", "agency",
    "service", "court", "army", "force", "forces", "front", "group", "movement",
    "organization", "organisation", "committee", "commission", "company",
    "corporation", "bank", "news", "times", "post", "platform", "media", "network",
    "fund", "program", "programme", "office", "department", "association", "union",
    "alliance", "coalition", "assembly", "parliament", "congress", "senate",
    "government", "authority", "center", "centre", "foundation", "project", "airport",
    "province", "region", "district", "state", "states", "city", "street", "square",
    "island", "islands", "sea", "river", "desert", "hospital", "school", "prison",
    "club", "league", "act", "law", "agreement", "accord", "express", "hotel",
    "initiative", "watch", "trust", "society", "forum", "brigade", "brigades",
    "division", "guard", "police", "republic", "kingdom", "church", "tribunal",
    "board", "bureau", "airlines", "inc", "ltd", "games", "cup", "day", "war", NULL};

static const dyad_token *mention_tok(const act_sent *s, const dyad_mention *m, uint32_t i) {
    const dyad_doc *d = s->doc;
    return &d->tokens[d->sentences[m->sent].first + i];
}

/* An unknown capitalised name that may be a person ("Blessed Geza",
 * "Mehdiyev"): not headed by an institution word, not after "the". */
static bool unknown_person(const act_sent *s, const dyad_mention *m) {
    if (m->code || !m->how || strcmp(m->how, "unknown") != 0) return false;
    if (m->last - m->first > 3) return false;
    if (m->first > 0 && dyad_strcasecmp_ascii(mention_tok(s, m, m->first - 1)->form, "the") == 0)
        return false;
    for (uint32_t i = m->first; i <= m->last; i++) {
        const char *w = mention_tok(s, m, i)->form;
        if (!(w[0] >= 'A' && w[0] <= 'Z') && !(w[0] & 0x80) && strcmp(w, "-") != 0 &&
            strncmp(w, "al", 2) != 0)
            return false;
    }
    const char *h = mention_tok(s, m, m->last)->form;
    for (const char *const *w = NONPERSON_HEADS; *w; w++)
        if (dyad_strcasecmp_ascii(h, *w) == 0) return false;
    return true;
}

/* A he/she left unresolved: the person it stands for is not known. */
static bool unresolved_person_pronoun(const act_sent *s, const dyad_mention *m) {
    if (m->code || !m->how || strcmp(m->how, "pronoun:unresolved") != 0) return false;
    const char *w = mention_tok(s, m, m->first)->form;
    return dyad_strcasecmp_ascii(w, "it") != 0 && dyad_strcasecmp_ascii(w, "its") != 0 &&
           dyad_strcasecmp_ascii(w, "they") != 0 && dyad_strcasecmp_ascii(w, "them") != 0 &&
           dyad_strcasecmp_ascii(w, "their") != 0;
}

/* A person the KB does not know, nearer than any known one, is the likelier
 * antecedent of he/she: the pronoun then stays uncoded rather than taking
 * the code of someone named earlier. */
static bool person_blocker(const act_sent *s, const dyad_mention *m, int agr,
                           const char *sector) {
    if (agr != AGR_PERSON || sector) return false;
    return unknown_person(s, m) || unresolved_person_pronoun(s, m);
}

/* Nearest agreeing earlier mention; -1 if none (or if an unknown person
 * comes first).  skip: an index to avoid. */
static int find_ante(act_sent *s, uint32_t tokpos, int agr, bool strict, int skip,
                     const char *sector) {
    act_mentions *o = s->out;
    /* same sentence: the nearest mention before (by position, not by
     * creation order: "In his testimony, Mehdiyev said he") */
    int near = -1;
    for (size_t k = o->len; k-- > 0;) {
        const dyad_mention *m = &o->items[k];
        if (m->sent != s->sidx) break;
        if (m->last >= tokpos || (int)k == skip) continue;
        bool block = person_blocker(s, m, agr, sector);
        if (!block && ((sector && strcmp(m->sector, sector) != 0) || !agrees(s, m, agr, strict)))
            continue;
        if (near < 0 || m->last > o->items[near].last) near = (int)k;
    }
    if (near >= 0) return person_blocker(s, &o->items[near], agr, sector) ? -1 : near;
    for (uint32_t back = 1; back <= 3 && back <= s->sidx; back++) {
        uint32_t want = s->sidx - back;
        int best = -1;
        for (size_t k = 0; k < o->len; k++) {
            const dyad_mention *m = &o->items[k];
            if (m->sent != want || (int)k == skip) continue;
            bool block = person_blocker(s, m, agr, sector);
            if (!block && sector && strcmp(m->sector, sector) != 0) continue;
            if ((block || agrees(s, m, agr, strict)) &&
                (best < 0 || m->first < o->items[best].first))
                best = (int)k;
        }
        if (best >= 0) return person_blocker(s, &o->items[best], agr, sector) ? -1 : best;
    }
    return -1;
}

static void copy_from(dyad_mention *m, const dyad_mention *a, int ai, const char *how) {
    m->code = a->code;
    memcpy(m->country, a->country, 4);
    memcpy(m->sector, a->sector, 4);
    m->antecedent = ai;
    m->how = how;
}

/* The first mention of a chain of links ("the court" -> the International
 * Court of Justice): what a possessed noun belongs to. */
static const dyad_mention *chain_root(const act_mentions *o, const dyad_mention *a) {
    for (int hops = 0; hops < 8 && a->antecedent >= 0 && (size_t)a->antecedent < o->len &&
                       a->how && !strncmp(a->how, "coref:", 6);
         hops++)
        a = &o->items[a->antecedent];
    return a;
}

static int pronoun_agr(const dyad_token *t) {
    if (t->upos != DYAD_UPOS_NONE && t->upos != DYAD_PRON && t->upos != DYAD_DET) return -1;
    for (size_t i = 0; i < DYAD_ARRAY_LEN(PRONOUNS); i++)
        if (dyad_strcasecmp_ascii(t->form, PRONOUNS[i].w) == 0) return PRONOUNS[i].agr;
    return -1;
}

static bool is_be(const char *w) {
    static const char *const BE[] = {"is", "was", "'s", "be", "been", "isn't", "wasn't", "remains",
                                     "seems", "appears", "takes", "helps", "depends"};
    for (size_t i = 0; i < DYAD_ARRAY_LEN(BE); i++)
        if (dyad_strcasecmp_ascii(w, BE[i]) == 0) return true;
    return false;
}

/* Verbs whose clause "it" opens as a subject ("said it would"). */
static bool says_verb(const dyad_token *t) {
    static const char *const V[] = {
        "say", "state", "add", "announce", "warn", "insist", "claim", "believe", "think",
        "hope", "argue", "vow", "pledge", "promise", "declare", "confirm", "deny", "stress",
        "indicate", "report", "signal", "suggest", "fear", "know", "expect", "threaten",
        "admit", "acknowledge", "assert", "reiterate", "repeat", "write", "tell"};
    static const char *const FORMS[] = {"said", "says", "added", "warned", "announced",
                                        "claimed", "insisted", "stated", "believes", "thinks",
                                        "hopes", "declared", "confirmed", "denied", "vowed"};
    const char *l = t->lemma ? t->lemma : t->form;
    for (size_t i = 0; i < DYAD_ARRAY_LEN(V); i++)
        if (dyad_strcasecmp_ascii(l, V[i]) == 0) return true;
    for (size_t i = 0; i < DYAD_ARRAY_LEN(FORMS); i++)
        if (dyad_strcasecmp_ascii(t->form, FORMS[i]) == 0) return true;
    return false;
}

/* Adjectives that say something of an actor: "it is willing to withdraw". */
static bool actor_adj(const char *w) {
    static const char *const A[] = {
        "willing", "ready", "prepared", "determined", "committed", "able", "unable", "eager",
        "open", "confident", "concerned", "aware", "keen", "opposed", "unwilling", "reluctant",
        "responsible", "interested", "satisfied", "disappointed", "going", "trying", "seeking",
        "considering", "planning", "working", "not"};
    for (size_t i = 0; i < DYAD_ARRAY_LEN(A); i++)
        if (dyad_strcasecmp_ascii(w, A[i]) == 0) return true;
    return false;
}

/* "it" that stands for no actor: an object ("implementing it", "stop it",
 * "on it": mostly a thing) or the empty subject of "it is clear", "it
 * would be possible", "it helps if"; not "said it would", "it is willing
 * to".  "its" is not affected. */
static bool dummy_it(const act_sent *s, size_t i) {
    if (dyad_strcasecmp_ascii(s->tok[i].form, "it") != 0) return false;
    const dyad_token *p = i > 0 ? &s->tok[i - 1] : NULL;
    if (p && (p->upos == DYAD_VERB || p->upos == DYAD_ADP) && !says_verb(p)) return true;
    size_t b = i + 1;
    if (b + 1 < s->n && s->tok[b].upos == DYAD_AUX && is_be(s->tok[b + 1].form)) b++;
    else if (b >= s->n || !is_be(s->tok[b].form)) return false;
    size_t c = b + 1;
    while (c < s->n && s->tok[c].upos == DYAD_ADV) c++;   /* "is still searching" */
    if (c >= s->n) return true;
    const dyad_token *n = &s->tok[c];
    size_t len = strlen(n->form);
    bool ing = n->xpos ? strcmp(n->xpos, "VBG") == 0
                       : n->upos == DYAD_VERB && len > 4 && !strcmp(n->form + len - 3, "ing");
    return !(actor_adj(n->form) || ing);
}

/* The mention coordinated with mention a ("Jordan and Britain"), or -1. */
static int conjunct_of(act_sent *s, int a) {
    const dyad_mention *ma = &s->out->items[a];
    const dyad_doc *d = s->doc;
    const dyad_sentence *sn = &d->sentences[ma->sent];
    const dyad_token *t = d->tokens + sn->first;
    for (size_t k = 0; k < s->out->len; k++) {
        const dyad_mention *mb = &s->out->items[k];
        if ((int)k == a || mb->sent != ma->sent || !mb->code) continue;
        if (mb->head == ma->head && mb->antecedent < 0 && strcmp(mb->code, ma->code) != 0)
            return (int)k;                      /* coordinated modifiers */
        const dyad_mention *l = mb->first < ma->first ? mb : ma;
        const dyad_mention *r = l == mb ? ma : mb;
        if (r->first != l->last + 2) continue;
        const char *w = t[l->last + 1].form;
        if (dyad_strcasecmp_ascii(w, "and") == 0) return (int)k;
    }
    return -1;
}

/* Mention a opens its sentence, this one or the one before, and is no
 * news medium (a medium "they" is rarely the medium). */
static bool leading_body(const act_sent *s, int a) {
    const dyad_mention *ma = &s->out->items[a];
    if (ma->sent + 1 < s->sidx || !strcmp(ma->sector, "MED")) return false;
    for (size_t k = 0; k < s->out->len; k++) {
        const dyad_mention *m = &s->out->items[k];
        if (m->sent == ma->sent && m->first < ma->first) return false;
    }
    return true;
}

/* '..., it is fair," he added': a he/she right after a closing quotation
 * is the speaker, not someone named inside the quotation. */
static bool after_quotation(const act_sent *s, size_t i) {
    if (i < 2 || strcmp(s->tok[i - 1].form, "\"") != 0) return false;
    const char *p = s->tok[i - 2].form;
    return !strcmp(p, ",") || !strcmp(p, ".") || !strcmp(p, "?") || !strcmp(p, "!");
}

static int add_pronoun(act_sent *s, size_t i, int agr) {
    act_res r = {0};
    r.plural = agr == AGR_PLURAL;
    r.how = "pronoun";
    int mi = act_add(s, i, i, i, &r);
    if (mi < 0) return -1;
    /* the speaker is looked for before the sentence (the quotation) */
    uint32_t from = agr == AGR_PERSON && after_quotation(s, i) ? 0 : (uint32_t)i;
    int a = dummy_it(s, i) ? -1 : find_ante(s, from, agr, true, mi, NULL);
    /* "they" for a single country or body is mostly someone else ("VOA
     * ... their ordeal"); taken only for "Jordan and Britain ... They" (both)
     * and for the subject of this or the last sentence ("Once the rebels
     * keep the promises they made") */
    if (a < 0 && agr == AGR_PLURAL) {
        a = find_ante(s, (uint32_t)i, agr, false, mi, NULL);
        if (a >= 0 && conjunct_of(s, a) < 0 && !leading_body(s, a)) a = -1;
    }
    dyad_mention *m = &s->out->items[mi];
    if (a >= 0) copy_from(m, &s->out->items[a], a, "coref:pronoun");
    else { m->code = NULL; m->how = "pronoun:unresolved"; }
    m->country[0] = a >= 0 ? m->country[0] : '\0';
    if (a < 0 || agr != AGR_PLURAL) return 0;
    /* "Jordan and Britain ... They", "Hungarian and Romanian officials ...
     * their": one pronoun mention per conjunct */
    int b = conjunct_of(s, a);
    if (b < 0) return 0;
    dyad_mention copy = s->out->items[mi];
    copy_from(&copy, &s->out->items[b], b, "coref:pronoun");
    return DYAD_VEC_PUSH(*s->out, copy);
}

static const char *det_before(act_sent *s, uint32_t first) {
    for (uint32_t i = first; i-- > 0;) {
        const dyad_token *t = &s->tok[i];
        if (t->upos == DYAD_DET || dyad_strcasecmp_ascii(t->form, "both") == 0 ||
            dyad_strcasecmp_ascii(t->form, "two") == 0)
            return t->form;
        if (t->upos != DYAD_ADJ && t->upos != DYAD_NUM) return NULL;
    }
    return NULL;
}

/* "both X" or "the/these/those two X" (not an indefinite "two women"). */
static bool starts_with_two(act_sent *s, uint32_t first) {
    for (uint32_t i = first >= 3 ? first - 3 : 0; i <= first && i < s->n; i++) {
        const char *w = s->tok[i].form;
        if (dyad_strcasecmp_ascii(w, "both") == 0) return true;
        if (dyad_strcasecmp_ascii(w, "two") == 0 && i > 0) {
            const char *d = s->tok[i - 1].form;
            if (!dyad_strcasecmp_ascii(d, "the") || !dyad_strcasecmp_ascii(d, "these") ||
                !dyad_strcasecmp_ascii(d, "those"))
                return true;
        }
    }
    return false;
}

/* Candidate k for "both X"/"the two X": earlier, coded, with a country,
 * within three sentences; same sector as X on the first pass. */
static bool both_ok(act_sent *s, const dyad_mention *m, size_t k, bool same_sector) {
    const dyad_mention *c = &s->out->items[k];
    if (!c->code || !c->country[0] || c->sent + 3 < s->sidx) return false;
    if (c->sent == s->sidx && c->last >= m->first) return false;
    if (same_sector && strcmp(c->sector, m->sector) != 0) return false;
    return true;
}

/* "both governments", "the two leaders": the two most recent actors of
 * different countries become two mentions over the same tokens and head. */
static int both(act_sent *s, int mi) {
    int a1 = -1, a2 = -1;
    for (int pass = 0; pass < 2 && a2 < 0; pass++) {
        a1 = a2 = -1;
        for (size_t k = (size_t)mi; k-- > 0;) {
            if (!both_ok(s, &s->out->items[mi], k, pass == 0)) continue;
            const dyad_mention *c = &s->out->items[k];
            if (a1 < 0) { a1 = (int)k; continue; }
            if (strcmp(c->country, s->out->items[a1].country) != 0) { a2 = (int)k; break; }
        }
    }
    if (a2 < 0) return 0;
    dyad_mention *m = &s->out->items[mi];
    char sector[4];
    memcpy(sector, m->sector, 4);
    dyad_mention copy = *m;
    copy_from(m, &s->out->items[a2], a2, "coref:both");
    if (sector[0]) memcpy(m->sector, sector, 4);
    copy_from(&copy, &s->out->items[a1], a1, "coref:both");
    if (sector[0]) memcpy(copy.sector, sector, 4);
    return DYAD_VEC_PUSH(*s->out, copy);
}

/* "the president", "both governments", "the Colombian leader". */
static int description(act_sent *s, int mi) {
    dyad_mention *m = &s->out->items[mi];
    if (strcmp(m->how, "sector") != 0) {
        /* a resolved description: link to an earlier mention of the same actor */
        const char *d = det_before(s, m->first);
        if (!d || dyad_strcasecmp_ascii(d, "the") != 0 || !m->code || !m->sector[0]) return 0;
        for (size_t k = (size_t)mi; k-- > 0;) {
            const dyad_mention *a = &s->out->items[k];
            if (a->code && strcmp(a->code, m->code) == 0 && s->sidx - a->sent <= 3) {
                m->antecedent = (int)k;
                return 0;
            }
        }
        return 0;
    }
    const char *d = det_before(s, m->first);
    if (!d && !starts_with_two(s, m->first)) return 0;
    if (starts_with_two(s, m->first) && m->plural) return both(s, mi);
    if (m->plural) return 0;
    /* "the court" may be the International Court of Justice named before
     * (a named body only: "the government" is better left to the story's
     * country than to the nearest government); "the president" is a person */
    int a = collective(s, m) ? find_ante(s, m->first, AGR_THING, true, mi, m->sector) : -1;
    if (a >= 0 && strcmp(chain_root(s->out, &s->out->items[a])->how, "kb:org") != 0) a = -1;
    if (a < 0) a = find_ante(s, m->first, AGR_PERSON, true, mi, m->sector);
    if (a < 0) return 0;
    char sector[4];
    memcpy(sector, m->sector, 4);
    copy_from(m, &s->out->items[a], a, "coref:description");
    memcpy(m->sector, sector, 4);
    return 0;
}

/* "both countries", "the two nations": two mentions, one per country. */
static int two_countries(act_sent *s) {
    for (size_t i = 1; i < s->n; i++) {
        if (dyad_strcasecmp_ascii(s->tok[i].form, "countries") != 0 &&
            dyad_strcasecmp_ascii(s->tok[i].form, "nations") != 0)
            continue;
        if (!starts_with_two(s, (uint32_t)i)) continue;
        act_res r = {0};
        r.how = "description";
        r.plural = true;
        int mi = act_add(s, i, i, i, &r);
        if (mi < 0) return -1;
        s->out->items[mi].code = NULL;
        if (both(s, mi) < 0) return -1;
        if (!s->out->items[mi].code) s->out->items[mi].how = "description:unresolved";
    }
    return 0;
}

/* "the country", "the nation": not sector nouns, so found here. */
static int country_nouns(act_sent *s) {
    if (two_countries(s) < 0) return -1;
    for (size_t i = 1; i < s->n; i++) {
        if (dyad_strcasecmp_ascii(s->tok[i - 1].form, "the") != 0) continue;
        if (dyad_strcasecmp_ascii(s->tok[i].form, "country") != 0 &&
            dyad_strcasecmp_ascii(s->tok[i].form, "nation") != 0)
            continue;
        act_res r = {0};
        r.how = "description";
        int mi = act_add(s, i, i, i, &r);
        if (mi < 0) return -1;
        int a = find_ante(s, (uint32_t)i, AGR_COUNTRY, true, mi, NULL);
        dyad_mention *m = &s->out->items[mi];
        if (a >= 0) copy_from(m, &s->out->items[a], a, "coref:description");
        else m->how = "description:unresolved";
    }
    return 0;
}

static bool possessive_pronoun(const dyad_token *t) {
    static const char *const P[] = {"its", "their", "his", "her"};
    for (size_t i = 0; i < DYAD_ARRAY_LEN(P); i++)
        if (dyad_strcasecmp_ascii(t->form, P[i]) == 0) return true;
    return false;
}

/* Sectors of groups outside the state: their "leader" or "spokesman" (GOV
 * nouns) speaks for the group, not for a government. */
bool act_nonstate_sector(const char *sec) {
    static const char *const NS[] = {"REB", "INS", "OPP", "PTY", "UAF", "CRM", "SEP", "RAD"};
    for (size_t i = 0; i < DYAD_ARRAY_LEN(NS); i++)
        if (strcmp(sec, NS[i]) == 0) return true;
    return false;
}

/* The code of a mention with sector `sector` that belongs to antecedent a
 * ("its spokesman", "their leader", a pronoun): an organisation's own code,
 * a group's own code for its leaders, else a's country with the sector;
 * NULL while a waits for the story's country. */
static const char *belongs_code(dyad_doc *doc, const dyad_mention *a, const char *sector) {
    if (!a->code) return NULL;
    if (!sector[0] || !strcmp(sector, a->sector) || !strcmp(a->how, "kb:org") ||
        !a->country[0] || (!strcmp(sector, "GOV") && act_nonstate_sector(a->sector)))
        return a->code;
    char buf[16];
    snprintf(buf, sizeof buf, "%.3s%s", a->country, sector);
    return dyad_doc_strndup(doc, buf, strlen(buf));
}

/* The token after which a possessed noun starts: "its" -> its token,
 * "the court 's" -> the 's; 0 when pm is neither a possessive pronoun
 * nor a description followed by 's. */
static uint32_t possessor_end(const act_sent *s, const dyad_mention *pm) {
    if (pm->first == pm->last && possessive_pronoun(&s->tok[pm->first])) return pm->first + 1;
    if (pm->how && !strcmp(pm->how, "coref:description") && pm->sector[0] &&
        pm->last + 1 < s->n &&
        strcmp(s->tok[pm->last + 1].form, "'s") == 0)
        return pm->last + 2;
    return 0;
}

/* "its spokesman", "their leaders", "the court's president": a sector noun
 * right after a resolved possessive pronoun or linked description belongs
 * to its antecedent. */
static void pronoun_possessives(act_sent *s, size_t first) {
    act_mentions *o = s->out;
    for (size_t p = first; p < o->len; p++) {
        const dyad_mention *pm = &o->items[p];
        uint32_t at = pm->antecedent >= 0 ? possessor_end(s, pm) : 0;
        if (!at) continue;
        for (size_t k = first; k < o->len; k++) {
            dyad_mention *m = &o->items[k];
            if (m->first != at || m->code || !m->sector[0] ||
                strcmp(m->how, "sector") != 0)
                continue;
            const dyad_mention *a = &o->items[pm->antecedent];
            if (!possessive_pronoun(&s->tok[pm->first])) a = chain_root(o, a);
            m->code = belongs_code(s->doc, a, m->sector);
            if (a->country[0]) memcpy(m->country, a->country, 4);
            m->antecedent = (int32_t)p;
            m->how = "coref:possessive";
        }
    }
}

int act_coref_sentence(act_sent *s, size_t first) {
    size_t end = s->out->len;
    for (size_t k = first; k < end; k++)
        if (description(s, (int)k) < 0) return -1;
    if (country_nouns(s) < 0) return -1;
    for (size_t i = 0; i < s->n; i++) {
        int agr = pronoun_agr(&s->tok[i]);
        if (agr >= 0 && add_pronoun(s, i, agr) < 0) return -1;
    }
    pronoun_possessives(s, first);
    return 0;
}

/* Copies the code of m's antecedent into m if m has none; true if done. */
static bool propagate_one(dyad_doc *doc, act_mentions *o, size_t i) {
    dyad_mention *m = &o->items[i];
    if (m->code || m->antecedent < 0 || (size_t)m->antecedent >= o->len) return false;
    const dyad_mention *a = &o->items[m->antecedent];
    if (!a->code) return false;
    m->code = belongs_code(doc, a, m->sector);
    if (!m->sector[0] || strcmp(m->code, a->code) == 0) memcpy(m->sector, a->sector, 4);
    memcpy(m->country, a->country, 4);
    if (!strcmp(m->how, "nmod:pending")) m->how = "nmod";
    else if (!strcmp(m->how, "sector") || !strcmp(m->how, "sector:named")) m->how = "appos";
    return true;
}

void act_coref_propagate(dyad_doc *doc, act_mentions *o) {
    /* chains ("the rebels" <- "They" <- "Their leader") may point forward
     * in creation order: repeat while something changes */
    for (int pass = 0; pass < 8; pass++) {
        bool changed = false;
        for (size_t i = 0; i < o->len; i++) changed |= propagate_one(doc, o, i);
        if (!changed) break;
    }
}
