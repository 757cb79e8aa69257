/*
 * petrarch.c -- imports PETRARCH2/TABARI dictionaries into dyad's lexicon.
 *
 * Verb dictionaries (CAMEO.2.0.txt, PETR.Validate.verbs.txt): a block
 * "--- VERB [code] ---" gives the verb's default code ("S verb T", target
 * optional); pattern lines "- words * words [code] # comment" are translated
 * onto a dependency frame:
 *   - words AFTER '*' become required dependents of the verb (matched on
 *     lemma or form anywhere below the verb); a parenthesised group
 *     "(TO BORDER)" whose first word is a preposition gives T's case marker
 *     when '+' (the target marker) is inside or right after it, else its
 *     words are required dependents;
 *   - '+' alone marks the target: after '*' with no preposition it is the
 *     object; '$' marks the source (the coder takes the subject);
 *   - words BEFORE '*' (the subject side) are dropped (approximation);
 *   - &SYNSET references expand to the synset members when the synset is
 *     defined in the same file ("&NAME" block followed by "+WORD" lines);
 *     multi-word synset members and {..} groups keep their first word;
 *   - codes like [042:043]: 042 for source->target and 043 for the
 *     reciprocal target->source event; "---" codes are skipped.
 * Lines without a leading '-' inside a block (verb forms) are ignored: dyad
 * matches on lemmas.  Discard files (one phrase per line, '+' = story-level)
 * become discard phrases: a sentence containing one (a story, for '+')
 * is not coded.
 */
#include "events.h"

#include <ctype.h>
#include <stdio.h>

int ev_dict_kind(const char *path, const char *text) {
    const char *b = strrchr(path, '/');
    b = b ? b + 1 : path;
    if (strstr(b, ".verbs.") || strstr(b, "CAMEO") || strstr(b, "verbs")) return 'v';
    if (strstr(b, ".discards.") || strstr(b, "discards")) return 'd';
    if (strstr(b, ".actors.") || strstr(b, ".agents.") || strstr(b, "agents")) return 'a';
    if (text && strstr(text, "\n--- ") && strstr(text, "] ---")) return 'v';
    return 'l';
}

static void lower(char *s) {
    for (; *s; s++) *s = (char)tolower((unsigned char)*s);
}

int ev_petrarch_load_discards(ev_lexicon *lx, const char *text, size_t len,
                              const char *fname) {
    DYAD_UNUSED(fname);
    int n = 0;
    size_t pos = 0;
    char line[512];
    while (pos < len) {
        size_t e = pos;
        while (e < len && text[e] != '\n') e++;
        size_t L = e - pos < sizeof line - 1 ? e - pos : sizeof line - 1;
        memcpy(line, text + pos, L);
        line[L] = 0;
        pos = e + 1;
        char *h = strchr(line, '#');
        if (h) *h = 0;
        char *p = line;
        while (isspace((unsigned char)*p)) p++;
        size_t k = strlen(p);
        while (k && isspace((unsigned char)p[k - 1])) p[--k] = 0;
        if (!k) continue;
        for (char *c = p; *c; c++)
            if (*c == '_') *c = ' ';
        lower(p);
        if (DYAD_VEC_PUSH(lx->discards, dyad_arena_strdup(lx->arena, p)) == 0) n++;
    }
    return n;
}

/* PETRARCH synsets of one file: name -> "a|b|c" (first words). */
typedef struct psyn {
    char name[64];
    dyad_buf alts;
} psyn;

static psyn *find_syn(psyn *s, int n, const char *name) {
    for (int i = 0; i < n; i++)
        if (strcmp(s[i].name, name) == 0) return &s[i];
    return NULL;
}

/* Appends a word (first of a multi-word item) to b as an alternative. */
static void word_alt(dyad_buf *b, const char *w, psyn *syn, int nsyn) {
    char tmp[128];
    snprintf(tmp, sizeof tmp, "%s", w);
    char *u = strpbrk(tmp, " _");
    if (u) *u = 0;
    if (!tmp[0]) return;
    if (tmp[0] == '&') {
        psyn *s = find_syn(syn, nsyn, tmp);
        if (s && s->alts.len) {
            if (b->len) dyad_buf_putc(b, '|');
            dyad_buf_append(b, s->alts.data, s->alts.len);
        }
        return;
    }
    lower(tmp);
    for (char *c = tmp; *c; c++)
        if (*c == '|' || *c == '(' || *c == ')' || *c == '@' || *c == '\'') return;
    if (b->len) dyad_buf_putc(b, '|');
    dyad_buf_puts(b, tmp);
}

static bool is_prep_word(const char *w) {
    static const char *const P[] = {"to", "with", "on", "in", "at", "against", "from",
                                    "for", "of", "over", "about", "into", "between",
                                    "by", NULL};
    for (int i = 0; P[i]; i++)
        if (dyad_strcasecmp_ascii(P[i], w) == 0) return true;
    return false;
}

/* Translates the part after '*' of a PETRARCH pattern into a dyad pattern
 * "S verb ..." in out. */
static void translate(const char *verb, char *after, psyn *syn, int nsyn, dyad_buf *out) {
    dyad_buf_clear(out);
    dyad_buf_printf(out, "S %s", verb);
    bool target_done = false, any_plus = strchr(after, '+') != NULL;
    char *save = NULL;
    /* split into items: "(...)" groups or single words */
    char *p = after;
    while (*p) {
        while (isspace((unsigned char)*p)) p++;
        if (!*p) break;
        if (*p == '(' || *p == '{') {
            char close = *p == '(' ? ')' : '}';
            char *e = strchr(p, close);
            if (!e) e = p + strlen(p);
            char grp[256];
            snprintf(grp, sizeof grp, "%.*s", (int)(e - p - 1), p + 1);
            p = *e ? e + 1 : e;
            bool plus = strchr(grp, '+') != NULL;
            char *w = strtok_r(grp, " \t{}", &save);
            if (!w) continue;
            if (close == ')' && is_prep_word(w) && !target_done && (plus || !any_plus)) {
                char prep[32];
                snprintf(prep, sizeof prep, "%s", w);
                lower(prep);
                /* remaining words of the group describe the target: drop */
                dyad_buf_printf(out, " %s T", prep);
                target_done = true;
                continue;
            }
            for (; w; w = strtok_r(NULL, " \t{}", &save)) {
                if (w[0] == '+' || w[0] == '$' || is_prep_word(w)) continue;
                dyad_buf tmp = {0};
                word_alt(&tmp, w, syn, nsyn);
                if (tmp.len) dyad_buf_printf(out, " %s", tmp.data);
                dyad_buf_free(&tmp);
                break;          /* the group's head word is enough */
            }
            continue;
        }
        char *e = p;
        while (*e && !isspace((unsigned char)*e)) e++;
        char w[128];
        snprintf(w, sizeof w, "%.*s", (int)(e - p), p);
        p = e;
        if (strcmp(w, "+") == 0 || (w[0] == '+' && !w[1])) {
            if (!target_done) dyad_buf_puts(out, " T");
            target_done = true;
            continue;
        }
        if (w[0] == '$' || w[0] == '%' || w[0] == '^') continue;
        char *x = w;
        while (*x == '+') x++;
        if (!*x || is_prep_word(x)) continue;
        dyad_buf tmp = {0};
        word_alt(&tmp, x, syn, nsyn);
        if (tmp.len) dyad_buf_printf(out, " %s", tmp.data);
        dyad_buf_free(&tmp);
    }
    if (!target_done) dyad_buf_puts(out, " @notarget");
}

/* "[032:033]": 033 is the code of the target's reciprocal event. */
static void set_code2(ev_lexicon *lx, int pi, const char *code2) {
    lx->pats.items[pi].foreign = true;
    if (!code2 || !*code2 || *code2 == '-') return;
    int c2 = ev_lexicon_ensure_code(lx, code2);
    if (c2 >= 0) lx->pats.items[pi].code2 = c2;
}

int ev_petrarch_load_verbs(ev_lexicon *lx, const char *text, size_t len,
                           const char *fname, FILE *errf) {
    const char *base = strrchr(fname, '/');
    base = dyad_arena_strdup(lx->arena, base ? base + 1 : fname);
    DYAD_VEC(psyn) syn = {0};
    char verb[128] = "";
    int added = 0, ln = 0;
    size_t pos = 0;
    char line[2048];
    dyad_buf pat = {0};
    psyn *cursyn = NULL;
    while (pos < len) {
        ln++;
        size_t k = ev_next_line(text, len, &pos, line, sizeof line);
        if (strncmp(line, "<!--", 4) == 0) continue;
        if (!k) continue;
        if (line[0] == '&') {
            psyn s = {0};
            sscanf(line, "%63s", s.name);
            if (DYAD_VEC_PUSH(syn, s) == 0) cursyn = &syn.items[syn.len - 1];
            verb[0] = 0;
            continue;
        }
        if (line[0] == '+' && cursyn) {
            word_alt(&cursyn->alts, line + 1, syn.items, (int)syn.len);
            continue;
        }
        if (strncmp(line, "---", 3) == 0) {
            cursyn = NULL;
            char v[128] = "", code[32] = "";
            if (sscanf(line, "--- %127s [%31[^]]]", v, code) < 1) continue;
            char *u = strchr(v, '_');
            if (u) *u = 0;
            lower(v);
            snprintf(verb, sizeof verb, "%s", v);
            if (code[0] && code[0] != '-') {
                char *colon = strchr(code, ':');
                if (colon) *colon++ = 0;
                int ci = ev_lexicon_ensure_code(lx, code);
                char dp[200];
                snprintf(dp, sizeof dp, "S %s T @notarget", verb);
                int pi = ci >= 0 ? ev_lexicon_add_pattern(lx, ci, dp, base, ln, errf) : -1;
                if (pi >= 0) {
                    added++;
                    set_code2(lx, pi, colon);
                }
            }
            continue;
        }
        if (line[0] != '-' || !verb[0]) continue;
        char *lb = strrchr(line, '[');
        char *rb = lb ? strchr(lb, ']') : NULL;
        if (!lb || !rb) continue;
        char code[32];
        snprintf(code, sizeof code, "%.*s", (int)(rb - lb - 1), lb + 1);
        char *colon = strchr(code, ':');
        if (colon) *colon++ = 0;
        if (!code[0] || code[0] == '-') continue;
        *lb = 0;
        char *star = strchr(line + 1, '*');
        char *after = star ? star + 1 : line + 1;
        translate(verb, after, syn.items, (int)syn.len, &pat);
        int ci = ev_lexicon_ensure_code(lx, code);
        if (ci < 0) continue;       /* non-CAMEO code (e.g. 075A): skipped */
        int pi = ev_lexicon_add_pattern(lx, ci, pat.data, base, ln, NULL);
        if (pi >= 0) {
            added++;
            set_code2(lx, pi, colon);
        }
    }
    for (size_t i = 0; i < syn.len; i++) dyad_buf_free(&syn.items[i].alts);
    DYAD_VEC_FREE(syn);
    dyad_buf_free(&pat);
    return added;
}
