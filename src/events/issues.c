/*
 * issues.c -- issue tags of events (NARCOTICS, MIGRATION, ...): keyword
 * lemmas and phrases per issue, read from data/events/issues.txt (format in
 * that file and docs/events.md), matched against the lemmas and lowercased
 * forms of an event's sentence.  Also dyad_issue_name().
 */
#include "events.h"

#include <ctype.h>
#include <stdio.h>

static const char *const ISSUE_NAMES[DYAD_ISSUE_COUNT] = {
    "NARCOTICS", "MIGRATION", "SECURITY", "TRADE", "TERRORISM", "HUMAN_RIGHTS",
    "ENVIRONMENT", "ELECTIONS", "NUCLEAR", "ENERGY", "HEALTH", "ECONOMY",
    "DIPLOMACY", "CORRUPTION"};

const char *dyad_issue_name(int bit) {
    return bit >= 0 && bit < DYAD_ISSUE_COUNT ? ISSUE_NAMES[bit] : NULL;
}

/* One keyword: up to 4 lowercase words. */
typedef struct issue_kw {
    char w[4][32];
    int nw;
    int bit;
} issue_kw;

typedef struct issue_set {
    DYAD_VEC(issue_kw) kws;
} issue_set;

void ev_issues_free(void *p) {
    issue_set *s = p;
    if (!s) return;
    DYAD_VEC_FREE(s->kws);
    free(s);
}

static void add_kw(issue_set *s, const char *phrase, int bit) {
    issue_kw k = {0};
    k.bit = bit;
    char buf[256];
    snprintf(buf, sizeof buf, "%s", phrase);
    char *save = NULL;
    for (char *t = strtok_r(buf, " \t", &save); t && k.nw < 4; t = strtok_r(NULL, " \t", &save)) {
        snprintf(k.w[k.nw], sizeof k.w[0], "%s", t);
        for (char *c = k.w[k.nw]; *c; c++) *c = (char)tolower((unsigned char)*c);
        k.nw++;
    }
    if (k.nw) DYAD_VEC_PUSH(s->kws, k);
}

/* Keywords are kept sorted by their first word, so a sentence is matched by
 * one binary search per token and word form instead of a scan of them all. */
static int kw_cmp(const void *a, const void *b) {
    return strcmp(((const issue_kw *)a)->w[0], ((const issue_kw *)b)->w[0]);
}

void *ev_issues_load(const char *path, FILE *errf) {
    size_t len = 0;
    dyad_error err;
    char *text = dyad_read_file(path, &len, &err);
    if (!text) return NULL;     /* issues are optional */
    issue_set *s = calloc(1, sizeof *s);
    if (!s) {
        free(text);
        return NULL;
    }
    int bit = -1, ln = 0;
    char *save = NULL;
    for (char *line = strtok_r(text, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
        ln++;
        char *h = strchr(line, '#');
        if (h) *h = 0;
        if (strncmp(line, "ISSUE ", 6) == 0) {
            char nm[64];
            if (sscanf(line + 6, "%63s", nm) != 1) continue;
            bit = -1;
            for (int i = 0; i < DYAD_ISSUE_COUNT; i++)
                if (strcmp(nm, ISSUE_NAMES[i]) == 0) bit = i;
            if (bit < 0 && errf) fprintf(errf, "%s: unknown issue %s\n", path, nm);
            continue;
        }
        if (!isspace((unsigned char)line[0]) || bit < 0) continue;
        char *s2 = NULL;
        for (char *ph = strtok_r(line, "|", &s2); ph; ph = strtok_r(NULL, "|", &s2)) {
            while (isspace((unsigned char)*ph)) ph++;
            size_t n = strlen(ph);
            while (n && isspace((unsigned char)ph[n - 1])) ph[--n] = 0;
            if (n) add_kw(s, ph, bit);
        }
    }
    free(text);
    qsort(s->kws.items, s->kws.len, sizeof *s->kws.items, kw_cmp);
    return s;
}

static bool tok_is(const dyad_token *t, const char *w) {
    if (t->lemma && dyad_strcasecmp_ascii(t->lemma, w) == 0) return true;
    return t->form && dyad_strcasecmp_ascii(t->form, w) == 0;
}

/* Index of the first keyword whose first word is w (any case), or len. */
static size_t kw_first(const issue_set *is, const char *w) {
    size_t lo = 0, hi = is->kws.len;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (dyad_strcasecmp_ascii(w, is->kws.items[mid].w[0]) > 0) lo = mid + 1;
        else hi = mid;
    }
    return lo;
}

/* Adds the issues of the keywords starting with word w at token i. */
static uint32_t match_from(const issue_set *is, const dyad_token *t, uint32_t i,
                           uint32_t n, const char *w, uint32_t bits) {
    for (size_t k = kw_first(is, w); k < is->kws.len; k++) {
        const issue_kw *kw = &is->kws.items[k];
        if (dyad_strcasecmp_ascii(w, kw->w[0]) != 0) break;
        if ((bits & (1u << kw->bit)) || i + (uint32_t)kw->nw > n) continue;
        int j = 1;
        while (j < kw->nw && tok_is(&t[i + (uint32_t)j], kw->w[j])) j++;
        if (j == kw->nw) bits |= 1u << kw->bit;
    }
    return bits;
}

uint32_t ev_issues_sentence(const void *p, const dyad_doc *doc, const dyad_sentence *s) {
    const issue_set *is = p;
    if (!is) return 0;
    uint32_t bits = 0;
    const dyad_token *t = doc->tokens + s->first;
    for (uint32_t i = 0; i < s->ntokens; i++) {
        if (t[i].lemma) bits = match_from(is, t, i, s->ntokens, t[i].lemma, bits);
        if (t[i].form && (!t[i].lemma || dyad_strcasecmp_ascii(t[i].form, t[i].lemma)))
            bits = match_from(is, t, i, s->ntokens, t[i].form, bits);
    }
    return bits;
}
