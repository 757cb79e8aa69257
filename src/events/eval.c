/*
 * eval.c -- scoring dyad's events against gold records (used by `dyad
 * eval`, tested in tests/test_eval.c).
 *
 * PLOVER: ev_plover_score compares the events of one coded document with
 * one gold record (jansson object): type = some event has the gold PLOVER
 * type (DISAPPROVE = ACCUSE, DEMAND = REQUEST; unless strict, also the 0.5
 * types FIGHT = ASSAULT and INVESTIGATE = ACCUSE); source = some event of that
 * type has a source whose 3-letter code is among the gold source codes
 * (JAP = JPN); target likewise (an empty gold target is matched by no
 * target or by a target among the gold sources); triple = one event
 * satisfies all three.
 * PETRARCH: ev_triples collects the (source, target, code) set of a doc;
 * ev_triples_equal compares two sets.
 */
#include "events.h"

#include <jansson.h>

const char *ev_plover_canon(const char *t, bool strict) {
    if (!t) return "";
    if (strcmp(t, "DISAPPROVE") == 0) return "ACCUSE";
    if (strcmp(t, "DEMAND") == 0) return "REQUEST";
    /* PLOVER 0.5 types merged in the 2021 ontology the lexicon follows:
     * FIGHT is ASSAULT (CAMEO 19), INVESTIGATE is ACCUSE/investigate (09) */
    if (!strict && strcmp(t, "FIGHT") == 0) return "ASSAULT";
    if (!strict && strcmp(t, "INVESTIGATE") == 0) return "ACCUSE";
    return t;
}

static void canon_code(const char *in, char out[4]) {
    snprintf(out, 4, "%.3s", in ? in : "");
    if (strcmp(out, "JAP") == 0) strcpy(out, "JPN");
}

void ev_mention_code3(const dyad_doc *doc, int m, char out[4]) {
    out[0] = 0;
    if (m < 0 || (size_t)m >= doc->nmentions) return;
    const dyad_mention *mm = &doc->mentions[m];
    if (mm->country[0]) canon_code(mm->country, out);
    else canon_code(mm->code, out);
}

typedef struct codes { char c[16][4]; int n; } codes;

static void gold_codes(const json_t *v, codes *out) {
    out->n = 0;
    if (!json_is_array(v)) return;
    size_t i;
    json_t *x;
    json_array_foreach(v, i, x) {
        const char *c = json_string_value(json_object_get(x, "code"));
        if (c && out->n < 16) canon_code(c, out->c[out->n++]);
    }
}

static bool in_codes(const codes *cs, const char *c) {
    for (int i = 0; i < cs->n; i++)
        if (c[0] && strcmp(cs->c[i], c) == 0) return true;
    return false;
}

int ev_plover_score(const void *record, const dyad_doc *doc, bool strict,
                    ev_plover_hit *out) {
    const json_t *r = record;
    memset(out, 0, sizeof *out);
    const char *gtype = ev_plover_canon(json_string_value(json_object_get(r, "event")), strict);
    if (!*gtype) return -1;
    snprintf(out->gold_type, sizeof out->gold_type, "%s", gtype);
    codes gs, gt;
    gold_codes(json_object_get(r, "source"), &gs);
    gold_codes(json_object_get(r, "target"), &gt);
    for (size_t e = 0; doc && e < doc->nevents; e++) {
        const dyad_event *ev = &doc->events[e];
        if (strcmp(ev_plover_canon(ev->plover, strict), gtype) != 0) continue;
        out->type = true;
        char sc[4], tc[4];
        ev_mention_code3(doc, ev->source, sc);
        ev_mention_code3(doc, ev->target, tc);
        bool so = in_codes(&gs, sc);
        bool to = gt.n ? in_codes(&gt, tc) : (ev->target < 0 || in_codes(&gs, tc));
        out->source |= so;
        out->target |= to;
        out->triple |= so && to;
    }
    return 0;
}

int ev_triples(const dyad_doc *doc, ev_triple *out, int cap) {
    int n = 0;
    for (size_t e = 0; e < doc->nevents && n < cap; e++) {
        const dyad_event *ev = &doc->events[e];
        ev_triple t;
        memset(&t, 0, sizeof t);
        const char *sc = ev->source >= 0 ? doc->mentions[ev->source].code : NULL;
        const char *tc = ev->target >= 0 ? doc->mentions[ev->target].code : NULL;
        snprintf(t.s, sizeof t.s, "%s", sc ? sc : "---");
        snprintf(t.t, sizeof t.t, "%s", tc ? tc : "---");
        snprintf(t.c, sizeof t.c, "%s", ev->cameo);
        if (!ev_triple_in(out, n, &t)) out[n++] = t;
    }
    return n;
}

bool ev_triple_in(const ev_triple *set, int n, const ev_triple *x) {
    for (int i = 0; i < n; i++)
        if (strcmp(set[i].s, x->s) == 0 && strcmp(set[i].t, x->t) == 0 &&
            strcmp(set[i].c, x->c) == 0)
            return true;
    return false;
}

bool ev_triples_equal(const ev_triple *a, int na, const ev_triple *b, int nb) {
    if (na != nb) return false;
    for (int i = 0; i < na; i++)
        if (!ev_triple_in(b, nb, &a[i])) return false;
    return true;
}

/* Leaf token w of a bracketed parse as text: bracket escapes decoded. */
static const char *ptb_word(const char *w) {
    static const struct { const char *tag, *txt; } E[] = {
        {"-LRB-", "("}, {"-RRB-", ")"}, {"-LCB-", "{"}, {"-RCB-", "}"}, {"``", "\""},
        {"''", "\""}};
    for (size_t i = 0; i < sizeof E / sizeof E[0]; i++)
        if (strcmp(w, E[i].tag) == 0) return E[i].txt;
    return w;
}

/* True when leaf w attaches to the word before it ("," "'s" "n't" ")"). */
static bool ptb_attaches(const char *w) {
    static const char *const A[] = {",", ".", ";", ":", "?", "!", "'s", "'S", "'", "n't",
                                    ")", "}", "%"};
    for (size_t i = 0; i < sizeof A / sizeof A[0]; i++)
        if (strcmp(w, A[i]) == 0) return true;
    return false;
}

/* Appends leaf w to out (*n bytes used, cap); *glue: the next leaf
 * attaches to this one ("(" opens). */
static void ptb_append(char *out, size_t *n, size_t cap, const char *w, bool *glue) {
    const char *t = ptb_word(w);
    size_t lt = strlen(t);
    if (*n && !*glue && !ptb_attaches(t)) out[(*n)++] = ' ';
    if (*n + lt + 2 > cap) return;
    memcpy(out + *n, t, lt);
    *n += lt;
    out[*n] = 0;
    *glue = strcmp(t, "(") == 0 || strcmp(t, "{") == 0;
}

char *ev_ptb_text(const char *parse) {
    if (!parse) return NULL;
    size_t cap = strlen(parse) + 2, n = 0;
    char *out = malloc(cap);
    if (!out) return NULL;
    out[0] = 0;
    long depth = 0;
    bool glue = false, any = false;
    for (const char *p = parse; *p;) {
        if (*p == '(') {
            depth++;
            p++;
            /* "(TAG word)": a leaf when the tag is followed by a word and ')' */
            const char *tag = p;
            while (*tag == ' ' || *tag == '\t' || *tag == '\n' || *tag == '\r') tag++;
            const char *te = tag;
            while (*te && *te != ' ' && *te != '\t' && *te != '\n' && *te != '\r' && *te != '(' &&
                   *te != ')')
                te++;
            const char *w = te;
            while (*w == ' ' || *w == '\t' || *w == '\n' || *w == '\r') w++;
            const char *we = w;
            while (*we && *we != ' ' && *we != '\t' && *we != '\n' && *we != '\r' && *we != '(' &&
                   *we != ')')
                we++;
            const char *after = we;
            while (*after == ' ' || *after == '\t' || *after == '\n' || *after == '\r') after++;
            if (te > tag && we > w && *after == ')' && we - w < 256) {
                char word[256];
                memcpy(word, w, (size_t)(we - w));
                word[we - w] = 0;
                ptb_append(out, &n, cap, word, &glue);
                any = true;
                p = after;
            } else {
                p = te;
            }
            continue;
        }
        if (*p == ')') {
            if (--depth < 0) break;
        }
        p++;
    }
    if (depth != 0 || !any) {
        free(out);
        return NULL;
    }
    return out;
}
