/*
 * lexicon.c -- loads the dyad event lexicon (data/events/cameo.txt and
 * --dict files) and compiles its patterns.
 *
 * The format is documented in docs/events.md: CODE headers at column 0
 * ("042  1.9  CONSULT/visit  Make a visit"), indented pattern lines under
 * them ("S travel to T", "S 's visit to T  @recip"), synonym sets
 * ("&SANCTION = sanction | embargo").  A pattern is compiled into an
 * ev_pattern: the trigger lemma(s), an optional particle, an xcomp chain
 * ("refuse to meet"), required dependent words, an optional trailing
 * preposition, and where the source and target slots attach.  Patterns are
 * indexed by trigger lemma in an open-addressing hash table.  Syntax errors
 * are reported as "file:line: msg" and loading goes on.
 */
#include "events.h"

#include <ctype.h>
#include <stdio.h>

/* ---- small helpers ---- */

static uint64_t hash_str(const char *s) {
    uint64_t h = 1469598103934665603ull;
    for (; *s; s++) h = (h ^ (unsigned char)tolower((unsigned char)*s)) * 1099511628211ull;
    return h;
}

int ev_quad_of_root(int root) {
    if (root >= 1 && root <= 4) return 1;
    if (root >= 5 && root <= 8) return 2;
    if (root >= 9 && root <= 13) return 3;
    if (root >= 14 && root <= 20) return 4;
    return 0;
}

static char *lower_dup(dyad_arena *a, const char *s, size_t n) {
    char *d = dyad_arena_strndup(a, s, n);
    for (char *p = d; *p; p++) *p = (char)tolower((unsigned char)*p);
    return d;
}

ev_lexicon *ev_lexicon_new(void) {
    ev_lexicon *lx = calloc(1, sizeof *lx);
    if (!lx) return NULL;
    lx->arena = dyad_arena_new();
    if (!lx->arena) {
        free(lx);
        return NULL;
    }
    return lx;
}

void ev_lexicon_free(void *p) {
    ev_lexicon *lx = p;
    if (!lx) return;
    for (size_t i = 0; i < lx->index_cap; i++) free(lx->index[i].pats);
    free(lx->index);
    for (size_t i = 0; i < lx->pats.len; i++) free(lx->pats.items[i].reqs);
    DYAD_VEC_FREE(lx->pats);
    DYAD_VEC_FREE(lx->codes);
    DYAD_VEC_FREE(lx->sets);
    DYAD_VEC_FREE(lx->discards);
    ev_issues_free(lx->issues);
    ev_petr_free(lx->petr);
    dyad_arena_free(lx->arena);
    free(lx);
}

/* ---- index ---- */

static ev_index_entry *index_slot(ev_index_entry *tab, size_t cap, const char *lemma) {
    size_t i = hash_str(lemma) & (cap - 1);
    while (tab[i].lemma && dyad_strcasecmp_ascii(tab[i].lemma, lemma) != 0)
        i = (i + 1) & (cap - 1);
    return &tab[i];
}

static int index_grow(ev_lexicon *lx) {
    size_t ncap = lx->index_cap ? lx->index_cap * 2 : 1024;
    ev_index_entry *nt = calloc(ncap, sizeof *nt);
    if (!nt) return -1;
    for (size_t i = 0; i < lx->index_cap; i++) {
        if (!lx->index[i].lemma) continue;
        *index_slot(nt, ncap, lx->index[i].lemma) = lx->index[i];
    }
    free(lx->index);
    lx->index = nt;
    lx->index_cap = ncap;
    return 0;
}

static int index_add(ev_lexicon *lx, const char *lemma, int pat) {
    if ((lx->index_len + 1) * 2 > lx->index_cap && index_grow(lx) < 0) return -1;
    ev_index_entry *e = index_slot(lx->index, lx->index_cap, lemma);
    if (!e->lemma) {
        e->lemma = lemma;
        lx->index_len++;
    }
    for (int i = 0; i < e->npats; i++)
        if (e->pats[i] == pat) return 0;
    if (e->npats == e->cap) {
        int nc = e->cap ? e->cap * 2 : 4;
        int *np = realloc(e->pats, (size_t)nc * sizeof *np);
        if (!np) return -1;
        e->pats = np;
        e->cap = nc;
    }
    e->pats[e->npats++] = pat;
    return 0;
}

const ev_index_entry *ev_lexicon_lookup(const ev_lexicon *lx, const char *lemma) {
    if (!lx->index_cap || !lemma) return NULL;
    const ev_index_entry *e = index_slot(lx->index, lx->index_cap, lemma);
    return e->lemma ? e : NULL;
}

/* ---- codes ---- */

int ev_lexicon_code(const ev_lexicon *lx, const char *code) {
    for (size_t i = 0; i < lx->codes.len; i++)
        if (strcmp(lx->codes.items[i].code, code) == 0) return (int)i;
    return -1;
}

int ev_lexicon_ensure_code(ev_lexicon *lx, const char *code) {
    int i = ev_lexicon_code(lx, code);
    if (i >= 0) return i;
    size_t n = strlen(code);
    if (n < 2 || n > 4) return -1;
    for (size_t k = 0; k < n; k++)
        if (!isdigit((unsigned char)code[k])) return -1;
    ev_code c = {0};
    snprintf(c.code, sizeof c.code, "%s", code);
    memcpy(c.root, code, 2);
    c.quad = ev_quad_of_root(atoi(c.root));
    /* inherit from the closest ancestor that has a header */
    for (size_t k = n - 1; k >= 2; k--) {
        char pre[8];
        memcpy(pre, code, k);
        pre[k] = 0;
        int j = ev_lexicon_code(lx, pre);
        if (j < 0 && k == 3) {
            char z[8];
            snprintf(z, sizeof z, "%.2s0", code);
            j = ev_lexicon_code(lx, z);
        }
        if (j >= 0) {
            ev_code *p = &lx->codes.items[j];
            c.goldstein = p->goldstein;
            c.plover = p->plover;
            c.mode = p->mode;
            c.context = p->context;
            c.name = p->name;
            break;
        }
    }
    if (DYAD_VEC_PUSH(lx->codes, c) < 0) return -1;
    return (int)lx->codes.len - 1;
}

static void lex_error(ev_lexicon *lx, FILE *errf, const char *fname, int line,
                      const char *msg, const char *what) {
    lx->nerrors++;
    if (errf) fprintf(errf, "%s:%d: %s%s%s\n", fname, line, msg, what ? ": " : "",
                      what ? what : "");
}

/* "042  1.9  CONSULT/visit  Make a visit" */
static int parse_header(ev_lexicon *lx, char *line, const char *fname, int ln,
                        FILE *errf) {
    char *save = NULL;
    char *code = strtok_r(line, " \t", &save);
    char *gold = strtok_r(NULL, " \t", &save);
    char *plv = strtok_r(NULL, " \t", &save);
    char *name = save;
    if (!code || !gold || !plv) {
        lex_error(lx, errf, fname, ln, "incomplete code header", code);
        return -1;
    }
    size_t n = strlen(code);
    for (size_t k = 0; k < n; k++)
        if (!isdigit((unsigned char)code[k])) n = 0;
    char *end;
    double g = strtod(gold, &end);
    if (n < 2 || n > 4 || *end || g < -10 || g > 10) {
        lex_error(lx, errf, fname, ln, "bad code header", code);
        return -1;
    }
    int idx = ev_lexicon_code(lx, code);
    if (idx < 0) {
        ev_code c = {0};
        if (DYAD_VEC_PUSH(lx->codes, c) < 0) return -1;
        idx = (int)lx->codes.len - 1;
    }
    ev_code *c = &lx->codes.items[idx];
    snprintf(c->code, sizeof c->code, "%s", code);
    memcpy(c->root, code, 2);
    c->root[2] = 0;
    c->quad = ev_quad_of_root(atoi(c->root));
    c->goldstein = g;
    char *m = strchr(plv, '/');
    char *ctxs = NULL;
    if (m) {
        *m++ = 0;
        ctxs = strchr(m, '/');
        if (ctxs) *ctxs++ = 0;
    }
    /* "-": no PLOVER equivalent (CAMEO 01 statements) */
    c->plover = strcmp(plv, "-") == 0 ? NULL : dyad_arena_strdup(lx->arena, plv);
    c->mode = (m && *m && strcmp(m, "-") != 0) ? dyad_arena_strdup(lx->arena, m) : NULL;
    c->context = (ctxs && *ctxs && strcmp(ctxs, "-") != 0)
                     ? dyad_arena_strdup(lx->arena, ctxs) : NULL;
    while (name && isspace((unsigned char)*name)) name++;
    c->name = name && *name ? dyad_arena_strdup(lx->arena, name) : "";
    return idx;
}

/* ---- synonym sets ---- */

static const ev_alts *find_set(const ev_lexicon *lx, const char *name) {
    for (size_t i = 0; i < lx->sets.len; i++)
        if (dyad_strcasecmp_ascii(lx->sets.items[i].name, name) == 0)
            return &lx->sets.items[i].alts;
    return NULL;
}

/* Splits "a|b|c" (or "a | b | c") into alts; &SET expands. */
static int make_alts(ev_lexicon *lx, const char *s, ev_alts *out) {
    const char *w[256];
    int n = 0;
    while (*s && n < 255) {
        while (*s == '|' || isspace((unsigned char)*s)) s++;
        if (!*s) break;
        const char *e = s;
        while (*e && *e != '|' && !isspace((unsigned char)*e)) e++;
        if (*s == '&') {
            char nm[128];
            snprintf(nm, sizeof nm, "%.*s", (int)(e - s - 1), s + 1);
            const ev_alts *set = find_set(lx, nm);
            if (!set) return -1;
            for (int k = 0; k < set->n && n < 255; k++) w[n++] = set->w[k];
        } else {
            w[n++] = lower_dup(lx->arena, s, (size_t)(e - s));
        }
        s = e;
    }
    if (n == 0) return -1;
    out->w = dyad_arena_alloc(lx->arena, (size_t)(n + 1) * sizeof *out->w);
    memcpy(out->w, w, (size_t)n * sizeof *w);
    out->n = n;
    return 0;
}

static int parse_set(ev_lexicon *lx, char *line, const char *fname, int ln, FILE *errf) {
    char *eq = strchr(line, '=');
    if (!eq) {
        lex_error(lx, errf, fname, ln, "synonym set without '='", NULL);
        return -1;
    }
    char *e = eq;
    while (e > line + 1 && isspace((unsigned char)e[-1])) e--;
    char *name = dyad_arena_strndup(lx->arena, line + 1, (size_t)(e - line - 1));
    ev_alts a;
    if (make_alts(lx, eq + 1, &a) < 0) {
        lex_error(lx, errf, fname, ln, "empty or unknown synonym set", name);
        return -1;
    }
    ev_set st = {name, a};
    return DYAD_VEC_PUSH(lx->sets, st);
}

/* ---- pattern compiler ---- */

static const char *const PREPS[] = {
    "to", "with", "on", "in", "at", "against", "from", "for", "of", "over",
    "about", "into", "between", "by", "onto", "toward", "towards", "upon",
    "across", "through", "under", "within", "among", "amid", "near", NULL};
static const char *const PARTICLES[] = {"up", "off", "out", "down", "away", "back",
                                        "ahead", NULL};

static bool in_list(const char *const *list, const char *w) {
    for (int i = 0; list[i]; i++)
        if (dyad_strcasecmp_ascii(list[i], w) == 0) return true;
    return false;
}

/* True when every alternative of token s (a|b) is a preposition. */
static bool is_prep_tok(const char *s) {
    char buf[256];
    snprintf(buf, sizeof buf, "%s", s);
    if (buf[0] == '(') {
        size_t n = strlen(buf);
        if (n > 2 && buf[n - 1] == ')') {
            memmove(buf, buf + 1, n - 2);
            buf[n - 2] = 0;
        }
    }
    char *save = NULL;
    int n = 0;
    for (char *t = strtok_r(buf, "|", &save); t; t = strtok_r(NULL, "|", &save), n++)
        if (!in_list(PREPS, t)) return false;
    return n > 0;
}

static bool is_slot(const char *s) { return strcmp(s, "S") == 0 || strcmp(s, "T") == 0; }

static bool is_optional(const char *s) {
    size_t n = strlen(s);
    return n > 2 && s[0] == '(' && s[n - 1] == ')';
}

static int strip_alts(ev_lexicon *lx, const char *s, ev_alts *a) {
    char buf[512];
    snprintf(buf, sizeof buf, "%s", s);
    if (is_optional(buf)) {
        size_t n = strlen(buf);
        memmove(buf, buf + 1, n - 2);
        buf[n - 2] = 0;
    }
    return make_alts(lx, buf, a);
}

static int add_req(ev_pattern *p, ev_alts a, int depth, bool optional) {
    ev_req *nr = realloc(p->reqs, (size_t)(p->nreqs + 1) * sizeof *nr);
    if (!nr) return -1;
    p->reqs = nr;
    p->reqs[p->nreqs].alts = a;
    p->reqs[p->nreqs].depth = depth;
    p->reqs[p->nreqs].optional = optional;
    return p->nreqs++;
}

#define MAXTOK 48

/* Compiles the tokens of a pattern into p; returns NULL or an error text. */
static const char *compile(ev_lexicon *lx, char **tok, int n, ev_pattern *p) {
    int i = 0;
    if (n == 0) return "empty pattern";
    if (strcmp(tok[0], "S") == 0) {
        if (n >= 3 && strcmp(tok[1], "'s") == 0) {
            p->nominal = true;
            p->src.kind = EV_SLOT_POSS;
            if (strip_alts(lx, tok[2], &p->trigger) < 0) return "bad trigger";
            i = 3;
        } else if (n >= 2 && strcmp(tok[1], "be") == 0) {
            /* copular: "S be in talks with T": the noun is the trigger */
            i = 2;
            while (i < n && is_prep_tok(tok[i])) i++;
            if (i >= n || is_slot(tok[i])) return "copular pattern without a noun";
            p->nominal = true;
            p->src.kind = EV_SLOT_SUBJ;
            if (strip_alts(lx, tok[i], &p->trigger) < 0) return "bad trigger";
            i++;
        } else {
            if (n < 2 || is_slot(tok[1])) return "no trigger word after S";
            p->src.kind = EV_SLOT_SUBJ;
            if (strip_alts(lx, tok[1], &p->trigger) < 0) return "bad trigger";
            i = 2;
        }
    } else {
        if (is_slot(tok[0]) || tok[0][0] == '\'') return "pattern must start with S or a noun";
        p->nominal = true;
        if (strip_alts(lx, tok[0], &p->trigger) < 0) return "bad trigger";
        i = 1;
    }
    int depth = 0;
    bool after_trigger = true;       /* particle position */
    ev_alts pending = {0};
    bool pending_opt = false;
    bool between = false;
    for (; i < n; i++) {
        const char *t = tok[i];
        bool opt = is_optional(t);
        if (strcmp(t, "S") == 0) {
            if (p->src.kind != EV_SLOT_NONE) return "two S slots";
            if (between) p->src.kind = EV_SLOT_BETWEEN;
            else if (pending.n) {
                p->src.kind = EV_SLOT_PREP;
                p->src.preps = pending;
            } else return "S slot without a preposition in a nominal frame";
            pending.n = 0;
            continue;
        }
        if (strcmp(t, "T") == 0) {
            if (p->tgt.kind != EV_SLOT_NONE) {
                /* a second T ("accuse T of arming T"): the first one is the
                 * target; the second is not constrained */
                pending.n = 0;
                continue;
            }
            p->tgt.depth = depth;
            if (between) {
                p->tgt.kind = EV_SLOT_BETWEEN;
            } else if (i + 2 < n && strcmp(tok[i + 1], "'s") == 0) {
                ev_alts a;
                if (strip_alts(lx, tok[i + 2], &a) < 0) return "bad word after 's";
                p->tgt.kind = EV_SLOT_POSS_OBJ;
                p->tgt.noun = add_req(p, a, depth, false);
                i += 2;
            } else if (i + 1 == n - 1 && strcmp(tok[i + 1], "'s") == 0) {
                /* "S protest T 's": T is the possessor of the object */
                p->tgt.kind = EV_SLOT_POSS_OBJ;
                p->tgt.noun = -1;
                i += 1;
            } else if (pending.n) {
                p->tgt.kind = EV_SLOT_PREP;
                p->tgt.preps = pending;
                p->tgt.obj_ok = pending_opt;
            } else {
                p->tgt.kind = EV_SLOT_OBJ;
            }
            pending.n = 0;
            after_trigger = false;
            continue;
        }
        if (strcmp(t, "and") == 0 && between) continue;
        /* "S demand that T": T is the subject of the complement clause,
         * which the coder takes when the trigger has no object */
        if (strcmp(t, "that") == 0 && i + 1 < n && strcmp(tok[i + 1], "T") == 0) {
            p->tgt.clause = true;
            continue;
        }
        if (strcmp(t, "'s") == 0) return "misplaced 's";
        /* "S give in to T", "S cave in to T": a preposition right after the
         * trigger and before the slot's own preposition is a particle */
        if (is_prep_tok(t) && after_trigger && depth == 0 && !opt && p->particle.n == 0 &&
            i + 2 < n && is_prep_tok(tok[i + 1]) && is_slot(tok[i + 2])) {
            if (strip_alts(lx, t, &p->particle) < 0) return "bad particle";
            continue;
        }
        /* preposition followed by a slot: the slot's case marker */
        if (is_prep_tok(t) && i + 1 < n && is_slot(tok[i + 1])) {
            if (strcmp(t, "between") == 0) {
                between = true;
                continue;
            }
            if (strip_alts(lx, t, &pending) < 0) return "bad preposition";
            pending_opt = opt;
            continue;
        }
        /* trailing preposition */
        if (is_prep_tok(t) && i + 1 == n && !opt) {
            if (strip_alts(lx, t, &p->trail_prep) < 0) return "bad preposition";
            continue;
        }
        /* "to VERB": xcomp chain */
        if (strcmp(t, "to") == 0 && !p->nominal && i + 1 < n && !is_slot(tok[i + 1]) &&
            !is_prep_tok(tok[i + 1]) && tok[i + 1][0] != '(') {
            if (p->nchain >= 4) return "xcomp chain too long";
            if (strip_alts(lx, tok[i + 1], &p->chain[p->nchain]) < 0) return "bad verb";
            p->nchain++;
            depth = p->nchain;
            i++;
            after_trigger = true;
            continue;
        }
        if (is_prep_tok(t)) continue;   /* preposition before a word: its case */
        ev_alts a;
        if (strip_alts(lx, t, &a) < 0) return "bad word";
        if (after_trigger && depth == 0 && !opt && in_list(PARTICLES, a.w[0]) &&
            p->particle.n == 0) {
            p->particle = a;
            continue;
        }
        after_trigger = false;
        if (opt) continue;               /* optional words do not constrain */
        if (add_req(p, a, depth, false) < 0) return "out of memory";
    }
    if (pending.n) return "preposition without slot";
    if (p->src.kind == EV_SLOT_NONE && !p->nosource) return "no S slot";
    p->specificity = 3 * p->nreqs + 3 * p->nchain + 2 * (p->particle.n > 0) +
                     (p->tgt.kind != EV_SLOT_NONE) + (p->tgt.kind == EV_SLOT_PREP) +
                     2 * (p->trail_prep.n > 0);
    return NULL;
}

int ev_lexicon_add_pattern(ev_lexicon *lx, int code, const char *pat,
                           const char *fname, int line, FILE *errf) {
    char buf[1024];
    snprintf(buf, sizeof buf, "%s", pat);
    char *tok[MAXTOK];
    int n = 0;
    ev_pattern p = {0};
    p.code = code;
    p.code2 = -1;
    p.file = fname;
    p.line = line;
    char *save = NULL;
    for (char *t = strtok_r(buf, " \t\r\n", &save); t; t = strtok_r(NULL, " \t\r\n", &save)) {
        if (t[0] == '@') {
            if (strcmp(t, "@recip") == 0) p.recip = true;
            else if (strcmp(t, "@nosource") == 0) p.nosource = true;
            else if (strcmp(t, "@notarget") == 0) p.notarget = true;
            else lex_error(lx, errf, fname, line, "unknown flag (ignored)", t);
            continue;
        }
        if (n == MAXTOK) {
            lex_error(lx, errf, fname, line, "pattern too long", NULL);
            return -1;
        }
        /* "S's" / "T's" written together */
        size_t L = strlen(t);
        if (L == 3 && (t[0] == 'S' || t[0] == 'T') && strcmp(t + 1, "'s") == 0 && n + 1 < MAXTOK) {
            tok[n++] = t[0] == 'S' ? "S" : "T";
            tok[n++] = "'s";
            continue;
        }
        tok[n++] = t;
    }
    const char *e = compile(lx, tok, n, &p);
    if (e) {
        free(p.reqs);
        lex_error(lx, errf, fname, line, e, pat);
        return -1;
    }
    if (DYAD_VEC_PUSH(lx->pats, p) < 0) {
        free(p.reqs);
        return -1;
    }
    int idx = (int)lx->pats.len - 1;
    for (int k = 0; k < p.trigger.n; k++)
        if (index_add(lx, p.trigger.w[k], idx) < 0) return -1;
    return idx;
}

size_t ev_next_line(const char *text, size_t len, size_t *pos, char *line, size_t size) {
    size_t e = *pos;
    while (e < len && text[e] != '\n') e++;
    size_t n = e - *pos < size - 1 ? e - *pos : size - 1;
    memcpy(line, text + *pos, n);
    line[n] = 0;
    *pos = e + 1;
    char *hash = strchr(line, '#');
    if (hash) *hash = 0;
    n = strlen(line);
    while (n > 0 && isspace((unsigned char)line[n - 1])) line[--n] = 0;
    return n;
}

int ev_lexicon_load_text(ev_lexicon *lx, const char *text, size_t len,
                         const char *fname, FILE *errf) {
    const char *base = strrchr(fname, '/');
    base = dyad_arena_strdup(lx->arena, base ? base + 1 : fname);
    int added = 0, cur = -1, ln = 0;
    size_t pos = 0;
    char line[2048];
    while (pos < len) {
        ln++;
        size_t k = ev_next_line(text, len, &pos, line, sizeof line);
        if (k == 0) continue;
        if (line[0] == '&') {
            parse_set(lx, line, base, ln, errf);
        } else if (!isspace((unsigned char)line[0])) {
            cur = parse_header(lx, line, base, ln, errf);
        } else {
            char *p = line;
            while (isspace((unsigned char)*p)) p++;
            if (cur < 0) {
                lex_error(lx, errf, base, ln, "pattern without a valid code header", p);
                continue;
            }
            if (ev_lexicon_add_pattern(lx, cur, p, base, ln, errf) >= 0) added++;
        }
    }
    return added;
}

int ev_lexicon_load_file(ev_lexicon *lx, const char *path, FILE *errf, dyad_error *err) {
    size_t len = 0;
    char *text = dyad_read_file(path, &len, err);
    if (!text) return -1;
    int kind = ev_dict_kind(path, text);
    int rc;
    if (kind == 'v') {
        rc = ev_petrarch_load_verbs(lx, text, len, path, NULL);
        if (rc >= 0 && ev_petr_load_verbs(&lx->petr, text, len, path, errf) < 0) rc = -1;
    }
    else if (kind == 'd') rc = ev_petrarch_load_discards(lx, text, len, path);
    else if (kind == 'a') rc = 0;     /* actors/agents: the actors loader's */
    else rc = ev_lexicon_load_text(lx, text, len, path, errf);
    free(text);
    return rc;
}

static void ctx_lexicon_free(void *p) { ev_lexicon_free(p); }

ev_lexicon *ev_ctx_lexicon(dyad_ctx *ctx) {
    if (ctx->lexicon.ptr) return ctx->lexicon.ptr;
    ev_lexicon *lx = ev_lexicon_new();
    if (!lx) {
        dyad_error_set(&ctx->err, NULL, 0, -1, "out of memory");
        return NULL;
    }
    char path[1200];
    /* The built-in code headers are always read (PETRARCH verb files name
     * codes only); with --replace, its patterns are dropped afterwards. */
    dyad_data_path(ctx, "events/cameo.txt", path, sizeof path);
    if (ev_lexicon_load_file(lx, path, stderr, &ctx->err) < 0) {
        ev_lexicon_free(lx);
        return NULL;
    }
    if (ctx->opt.replace_builtin && ctx->ndicts > 0) {
        for (size_t i = 0; i < lx->index_cap; i++) lx->index[i].npats = 0;
    }
    for (size_t i = 0; i < ctx->ndicts; i++) {
        if (ev_lexicon_load_file(lx, ctx->dicts[i], stderr, &ctx->err) < 0) {
            ev_lexicon_free(lx);
            return NULL;
        }
    }
    lx->petr_only = lx->petr && ctx->opt.replace_builtin;
    for (size_t i = 0; lx->petr && ctx->opt.petrarch_options &&
                       ctx->opt.petrarch_options[i]; i++) {
        const char *o = ctx->opt.petrarch_options[i], *eq = strchr(o, '=');
        char name[64];
        snprintf(name, sizeof name, "%.*s", eq ? (int)(eq - o) : 0, o);
        if (!eq || ev_petr_set_option(lx->petr, name, eq + 1) < 0)
            fprintf(stderr, "dyad: bad PETRARCH option '%s' (ignored)\n", o);
    }
    dyad_data_path(ctx, "events/issues.txt", path, sizeof path);
    lx->issues = ev_issues_load(path, stderr);
    ctx->lexicon.ptr = lx;
    ctx->lexicon.free = ctx_lexicon_free;
    return lx;
}
