/*
 * petr_actors.c -- PETRARCH's reading of actor noun phrases, applied to the
 * mentions the actor stage found (used only by the PETRARCH coder,
 * petr_code.c, when PETRARCH dictionaries replace the built-ins).
 *
 * The actor stage codes a phrase the dyad way (country + leftmost sector).
 * PETRARCH instead reads the words of the noun phrase left to right, taking
 * the longest actor or agent dictionary phrase at each word, and builds:
 *   prefix agents ("MSF [NGO~]") + the first actor + the other agents in
 *   order, each 3-letter part of an agent code left out when the code built
 *   so far already holds it at a 3-letter boundary ("White House [USAGOV]
 *   officials [~GOV]" -> USAGOV, but "West German [GMWGOV] world government
 *   [~WGO]" -> GMWGOVWGO).
 * A possessor ("A's minister B") is part of the phrase and comes first, so
 * its actor wins.  A phrase without an actor of its own takes the actor of
 * the phrase it was resolved from ("activists of X", "officials in X").
 * "former" turns the next agent into ELI (the TABARI conversion the unit
 * tests expect).  In a coordination whose later conjunct has no actor
 * ("Danish media and government"), that conjunct is read with the words
 * before the first conjunct's head ("Danish government").
 * Codes are taken at the document date (dated dictionary codes).
 * Ownership: new codes are allocated in the document.
 */
#include "events.h"
#include "actors/actors.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>

enum { PA_MAXW = 24, PA_CODE = 64 };

/* The parts of one phrase, in text order. */
typedef struct np_parts {
    char actor[PA_CODE];        /* first actor code, "" none */
    char prefix[PA_CODE];       /* prefix agents, concatenated */
    char agents[8][32];         /* suffix agents in order */
    int nagents;
    bool former;                /* "former" with no agent after it */
} np_parts;

static bool ieq(const char *a, const char *b) {
    return a && dyad_strcasecmp_ascii(a, b) == 0;
}

/* Words of the phrase: token indexes in *idx (possessive marks left out). */
static int phrase_words(const dyad_token *t, int a, int b, int *idx, int cap) {
    int n = 0;
    for (int j = a; j <= b && n < cap; j++) {
        const char *f = t[j].form;
        if (!f || ieq(f, "'s") || strcmp(f, "'") == 0 || strcmp(f, ",") == 0) continue;
        idx[n++] = j;
    }
    return n;
}

static void add_agent(np_parts *p, const char *code, bool prefix, bool *former) {
    if (*former) {
        code = "ELI";
        *former = false;
    }
    if (prefix) {
        size_t l = strlen(p->prefix);
        snprintf(p->prefix + l, sizeof p->prefix - l, "%s", code);
    } else if (p->nagents < 8) {
        snprintf(p->agents[p->nagents++], sizeof p->agents[0], "%s", code);
    }
}

/* Reads the tokens idx[0..n) of a sentence into p. */
static void read_parts(const dyad_kb *kb, const dyad_token *t, const int *idx, int n, int date,
                       np_parts *p) {
    memset(p, 0, sizeof *p);
    bool former = false;
    /* The knowledge base splits names at hyphens as the tokenizer does
     * ("Barad-dur" -> "Barad" "-" "dur"), so the tokens match as they are. */
    const char *all[PA_MAXW], *w[PA_MAXW];
    if (n > PA_MAXW) n = PA_MAXW;
    for (int k = 0; k < n; k++) all[k] = t[idx[k]].form;
    for (int i = 0; i < n;) {
        const char *f = all[i];
        if (ieq(f, "former")) {
            former = true;
            i++;
            continue;
        }
        int m = 0;
        for (int k = i; k < n && m < PA_MAXW; k++) w[m++] = all[k];
        /* "the" may open a name ("THE_SHIRE"): names need a capital */
        if (ieq(w[0], "the")) w[0] = "The";
        int entry = -1;
        size_t len = dyad_kb_match(kb, w, (size_t)m, true, true, &entry);
        if (len == 0 || entry < 0) {
            i++;
            continue;
        }
        const kb_entry *e = dyad_kb_entry(kb, entry);
        kb_code c = dyad_kb_code(kb, entry, date);
        if (e && c.code[0]) {
            if (e->kind == KB_AGENT) add_agent(p, c.code, e->agent_prefix, &former);
            else if (!p->actor[0]) snprintf(p->actor, sizeof p->actor, "%s", c.code);
        }
        i += (int)len;
    }
    p->former = former;
}

/* True when the 3-letter part x is in code at a 3-letter boundary. */
static bool has_part(const char *code, const char *x) {
    size_t n = strlen(code);
    for (size_t i = 0; i + 3 <= n; i += 3)
        if (strncmp(code + i, x, 3) == 0) return true;
    return false;
}

/* The code of parts p over the actor base (p->actor when it has one);
 * false when there is no actor. */
static bool compose(const np_parts *p, const char *base, char *out, size_t size) {
    const char *actor = p->actor[0] ? p->actor : base;
    if (!actor || !actor[0] || strcmp(actor, "---") == 0) return false;
    if (strchr(actor, '/')) {
        /* several actors ("FRO/BIL/SAM"): split later, no agents added */
        if (p->nagents || p->prefix[0]) return false;
        snprintf(out, size, "%s", actor);
        return true;
    }
    char body[PA_CODE];
    snprintf(body, sizeof body, "%s", actor);
    for (int a = 0; a < p->nagents; a++)
        for (const char *x = p->agents[a]; strlen(x) >= 3; x += 3) {
            char part[4];
            snprintf(part, sizeof part, "%.3s", x);
            size_t l = strlen(body);
            if (!has_part(body, part) && l + 3 < sizeof body)
                snprintf(body + l, sizeof body - l, "%s", part);
        }
    if (p->former && !has_part(body, "ELI")) {
        size_t l = strlen(body);
        if (l + 3 < sizeof body) snprintf(body + l, sizeof body - l, "ELI");
    }
    snprintf(out, size, "%s%s", p->prefix, body);
    return true;
}

static bool rel_is(const dyad_token *t, const char *r) {
    return t->deprel && strncmp(t->deprel, r, strlen(r)) == 0;
}

/* The mention of sentence si whose head is token h, -1 when none. */
static int mention_at(const dyad_doc *doc, uint32_t si, int h) {
    for (size_t m = 0; m < doc->nmentions; m++)
        if (doc->mentions[m].sent == si && (int)doc->mentions[m].head == h) return (int)m;
    return -1;
}

/* The actor of the mention a phrase was resolved from: a coded mention
 * under an nmod/nmod:poss dependent of head h ("officials in X"). */
static const char *dependent_actor(const dyad_doc *doc, uint32_t si, const dyad_token *t,
                                   int n, int h, const char *const *orig) {
    for (int j = 0; j < n; j++) {
        if (t[j].head != h || !rel_is(&t[j], "nmod")) continue;
        int m = mention_at(doc, si, j);
        if (m >= 0 && orig[m] && strcmp(orig[m], "---") != 0) return orig[m];
    }
    return NULL;
}

/* The possessor mention of a word of mention mm ("A's minister"), -1
 * when none. */
static int possessor(const dyad_doc *doc, uint32_t si, const dyad_token *t, int n,
                     const dyad_mention *mm) {
    /* "X 's Y" in the words, whatever the parse made of it */
    int f = (int)mm->first;
    if (f >= 2 && (ieq(t[f - 1].form, "'s") || strcmp(t[f - 1].form ? t[f - 1].form : "", "'") == 0))
        for (size_t m = 0; m < doc->nmentions; m++) {
            const dyad_mention *x = &doc->mentions[m];
            if (x->sent == si && (int)x->last == f - 2 && x->code &&
                !(x->how && strncmp(x->how, "coref", 5) == 0))
                return (int)m;
        }
    for (int j = 0; j < n; j++)
        if (t[j].head >= (int)mm->first && t[j].head <= (int)mm->last && j < (int)mm->first &&
            rel_is(&t[j], "nmod:poss")) {
            int m = mention_at(doc, si, j);
            if (m >= 0) return m;
        }
    return -1;
}

static void set_code(dyad_doc *doc, dyad_mention *mm, const char *code) {
    if (mm->code && strcmp(mm->code, code) == 0) return;
    mm->code = dyad_doc_strndup(doc, code, strlen(code));
    snprintf(mm->country, sizeof mm->country, "%.3s", code);
    mm->how = "petrarch:np";
}

/* The first conjunct mention m of which mention c is a later conjunct:
 * c has no actor, so it is read with the words before m's head. */
static bool conjunct_code(const dyad_kb *kb, const dyad_doc *doc, const dyad_token *t, int n,
                          const dyad_mention *first, const dyad_mention *c, int date, char *out,
                          size_t size) {
    int idx[PA_MAXW * 2];
    int k = 0;
    for (int j = (int)first->first; j < (int)first->head && k < PA_MAXW; j++) {
        if (t[j].form && (ieq(t[j].form, "the") || ieq(t[j].form, "a") || ieq(t[j].form, "an")))
            continue;
        idx[k++] = j;
    }
    if (k == 0) return false;
    k += phrase_words(t, (int)c->first, (int)c->last, idx + k, PA_MAXW * 2 - k);
    np_parts p;
    read_parts(kb, t, idx, k, date, &p);
    DYAD_UNUSED(doc);
    DYAD_UNUSED(n);
    return compose(&p, NULL, out, size);
}

int ev_petr_actors(const dyad_kb *kb, dyad_doc *doc, uint32_t si, int date) {
    if (!kb || si >= doc->nsentences) return 0;
    const dyad_sentence *se = &doc->sentences[si];
    const dyad_token *t = doc->tokens + se->first;
    int n = (int)se->ntokens;
    const char **orig = calloc(doc->nmentions ? doc->nmentions : 1, sizeof *orig);
    if (!orig) return -1;
    for (size_t m = 0; m < doc->nmentions; m++) orig[m] = doc->mentions[m].code;
    for (size_t m = 0; m < doc->nmentions; m++) {
        dyad_mention *mm = &doc->mentions[m];
        if (mm->sent != si || (mm->how && strncmp(mm->how, "coref", 5) == 0)) continue;
        if (mm->code && (strcmp(mm->code, "---") == 0 || strchr(mm->code, '/'))) continue;
        int a = (int)mm->first, h = (int)mm->head;
        if (a > 0 && ieq(t[a - 1].form, "the")) a--;    /* a name may start with it */
        int pm = possessor(doc, si, t, n, mm);
        if (pm >= 0 && (int)doc->mentions[pm].first < a) a = (int)doc->mentions[pm].first;
        int idx[PA_MAXW * 2];
        int k = phrase_words(t, a, (int)mm->last, idx, PA_MAXW * 2);
        np_parts p;
        read_parts(kb, t, idx, k, date, &p);
        if (!p.actor[0] && !p.nagents && !p.prefix[0] && !p.former) continue;
        /* only where the actor stage itself took the actor from there */
        const char *base = p.actor[0] || !orig[m] ? NULL : dependent_actor(doc, si, t, n, h, orig);
        char code[PA_CODE];
        if (compose(&p, base, code, sizeof code)) {
            set_code(doc, mm, code);
            continue;
        }
        /* a later conjunct without an actor: the first conjunct's modifiers */
        if (h < n && rel_is(&t[h], "conj") && t[h].head >= 0) {
            int fm = mention_at(doc, si, t[h].head);
            if (fm >= 0 && orig[fm] && conjunct_code(kb, doc, t, n, &doc->mentions[fm], mm, date,
                                                     code, sizeof code))
                set_code(doc, mm, code);
        }
    }
    free(orig);
    return 0;
}
