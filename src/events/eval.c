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
