/*
 * petr_code.c -- a PETRARCH2-style verb-pattern coder on dyad's parse.
 *
 * Used when PETRARCH verb dictionaries replace the built-in lexicon
 * (`dyad eval` on a PETRARCH validation file, `dyad code --dict F
 * --replace-dicts`).  It reads the verb dictionaries into their own
 * structure (petr_dict, owned by the lexicon) and codes sentences the way
 * PETRARCH reads its patterns, instead of translating them onto dyad's
 * dependency frames (petrarch.c does that for --dict without replace).
 *
 * Dictionary (CAMEO.2.0.txt format):
 *   &NAME / +PHRASE      synsets; members may name other synsets (matched
 *                        recursively, never expanded, so nesting cannot blow
 *                        up); a label ending in '_' is the same name;
 *   --- VERB [code] ---  a block; the lines without '-' are its verbs (own
 *                        [code] optional; {..} irregular forms; multi-word
 *                        verbs "+CORDON_OFF", "WIRE_+TAP": '+' marks the verb);
 *   - upper * lower [code] patterns, shared by the verbs of the block.
 * Pattern items: words (a blank allows words in between, '_' requires the
 * next word to follow at once, also around '*'), &SYNSET, '+' target
 * actor, '$' source actor, '%' compound actor (coded among its members when
 * before '*'), '^' skip; {..} and (..) groups are read as their words.
 * Codes "[a:b]": a for source->target, b for the reverse event; "---" is the
 * null code (the pattern matches and blocks the verb's default).
 *
 * Pattern words match as written; synset members also in their regular
 * plurals (not when the member or the label ends in '_').
 *
 * Coding: actor phrases are first recoded the PETRARCH way (petr_actors.c,
 * with the actor KB).  For every verb token (found by form, lemma or the
 * regular forms PETRARCH generates; also a dictionary verb the tagger took
 * for a noun/adjective where a verb must stand) the upper part is matched
 * on the words before the verb and the lower part on the verb's phrase
 * after it (its dependency subtree, plus the words up to the next comma
 * when the parse is off); the pattern with the most items wins (ties: file
 * order), else the verb's default code.  Source: '$', else the subject
 * (nsubj, inherited along xcomp/conj/advcl, the noun of a relative clause,
 * the subject above for a pronoun subject or when '+' took the verb's own
 * subject, the by-agent of a passive; none in "after leaving X"; the actor
 * before a verb without one); target: '+', else the passive subject, else
 * the first actor in the lower words.  Conjoined actors give one event
 * each; agents and places combine ("lawmakers and officials in A and B");
 * "A/B/C" actor codes are three actors; agent-only mentions are coded
 * "---" + agent.  Options (PETRARCH <Config>): require_dyad (default true:
 * both actors needed), new_actor_length (noun phrases without an actor
 * named by their words).  Matching has a step budget and a depth limit, so
 * no pattern or synset nesting can make it hang.
 */
#include "events.h"
#include "actors/actors.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>

enum { PE_WORD, PE_SYN, PE_TARGET, PE_SOURCE, PE_COMPOUND, PE_SKIP };

/* One pattern item. */
typedef struct pelem {
    int kind;
    const char *w;      /* PE_WORD: lowercase word */
    int syn;            /* PE_SYN: synset index */
    bool adj;           /* must follow the previous item (or the verb) at once */
    bool plural;        /* PE_WORD: regular plurals match too (synset members) */
} pelem;

typedef struct prange { int start, n; } prange;

typedef struct psynset {
    const char *name;   /* "&NAME" without a trailing '_', uppercase */
    int first, n;       /* its phrases: ranges in d->phrases */
    bool noplural;      /* the label ended in '_': no plurals for its phrases */
} psynset;

typedef struct ppat {
    prange up, low;     /* items in d->elems */
    bool up_adj_verb;   /* "IN_*": the last upper item touches the verb */
    char code[8], code2[8];
    const char *file;
    int line;
    int size;           /* items, for specificity */
} ppat;

typedef struct pblock {
    char code[8], code2[8];
    int first, n;       /* patterns */
} pblock;

typedef struct pverb {
    const char *word;   /* lowercase verb word */
    const char *pre, *post;  /* multi-word verb: words before / after, or NULL */
    int block;
    char code[8], code2[8];  /* own code ("" = the block's) */
    bool form;          /* an irregular form: matched on the token form only */
} pverb;

typedef struct petr_dict {
    dyad_arena *arena;
    DYAD_VEC(pelem) elems;
    DYAD_VEC(prange) phrases;
    DYAD_VEC(psynset) syns;
    DYAD_VEC(ppat) pats;
    DYAD_VEC(pblock) blocks;
    DYAD_VEC(pverb) verbs;
    bool sorted;
    /* options */
    bool require_dyad;
    int new_actor_length;   /* words of a noun phrase named as a new actor, 0 off */
} petr_dict;

/* ------------------------------------------------------------------ */
/* loading                                                              */

static petr_dict *dict_new(void) {
    petr_dict *d = calloc(1, sizeof *d);
    if (!d) return NULL;
    d->arena = dyad_arena_new();
    if (!d->arena) {
        free(d);
        return NULL;
    }
    d->require_dyad = true;
    return d;
}

void ev_petr_free(void *p) {
    petr_dict *d = p;
    if (!d) return;
    DYAD_VEC_FREE(d->elems);
    DYAD_VEC_FREE(d->phrases);
    DYAD_VEC(psynset) *s = (void *)&d->syns;
    DYAD_VEC_FREE(*s);
    DYAD_VEC_FREE(d->pats);
    DYAD_VEC_FREE(d->blocks);
    DYAD_VEC_FREE(d->verbs);
    dyad_arena_free(d->arena);
    free(d);
}

static void lower_str(char *s) {
    for (; *s; s++) *s = (char)tolower((unsigned char)*s);
}

static int find_syn(const petr_dict *d, const char *name) {
    char n[128];
    snprintf(n, sizeof n, "%s", name);
    size_t k = strlen(n);
    while (k > 1 && n[k - 1] == '_') n[--k] = 0;
    for (size_t i = 0; i < d->syns.len; i++)
        if (dyad_strcasecmp_ascii(d->syns.items[i].name, n) == 0) return (int)i;
    return -1;
}

/* A code is letters and digits ("042", "174K"), or the null code "---". */
static bool code_chars_ok(const char *c) {
    if (strcmp(c, "---") == 0) return true;
    for (; *c; c++)
        if (!isalnum((unsigned char)*c)) return false;
    return true;
}

/* The next line of text into line (at most size - 1 bytes; *cut set when
 * longer), without a '#' comment outside [..] and without surrounding
 * blanks; returns its length. */
static size_t petr_line(const char *text, size_t len, size_t *pos, char *line, size_t size,
                        bool *cut) {
    size_t e = *pos;
    while (e < len && text[e] != '\n') e++;
    size_t n = e - *pos;
    *cut = n >= size;
    if (n >= size) n = size - 1;
    memcpy(line, text + *pos, n);
    line[n] = 0;
    *pos = e < len ? e + 1 : e;
    int depth = 0;
    for (size_t i = 0; i < n; i++) {
        if (line[i] == '[') depth++;
        else if (line[i] == ']' && depth) depth--;
        else if (line[i] == '#' && !depth) {
            line[i] = 0;
            n = i;
            break;
        }
    }
    for (size_t i = 0; i < n; i++)
        if (line[i] == '\r' || line[i] == '\t') line[i] = ' ';
    while (n && line[n - 1] == ' ') line[--n] = 0;
    size_t b = 0;
    while (line[b] == ' ') b++;
    if (b) memmove(line, line + b, n - b + 1);
    return n - b;
}

/* A code "[042]" / "[042:043]" into code/code2; false when malformed. */
static bool parse_code(const char *s, char code[8], char code2[8]) {
    code[0] = code2[0] = 0;
    const char *lb = strchr(s, '[');
    const char *rb = lb ? strchr(lb, ']') : NULL;
    if (!lb || !rb) return false;
    char tmp[64];
    size_t n = (size_t)(rb - lb - 1);
    if (n >= sizeof tmp) return false;
    memcpy(tmp, lb + 1, n);
    tmp[n] = 0;
    char *a = tmp;
    while (isspace((unsigned char)*a)) a++;
    char *colon = strchr(a, ':');
    if (colon) *colon++ = 0;
    size_t la = strlen(a);
    while (la && isspace((unsigned char)a[la - 1])) a[--la] = 0;
    /* "[:173]": only the reverse (target -> source) event */
    if ((!la && !colon) || la > 7 || (la && !code_chars_ok(a))) return false;
    memcpy(code, a, la + 1);        /* la <= 7 */
    if (colon) {
        while (isspace((unsigned char)*colon)) colon++;
        size_t lc = strlen(colon);
        while (lc && isspace((unsigned char)colon[lc - 1])) colon[--lc] = 0;
        if (lc > 7 || (lc && !code_chars_ok(colon)) || (!lc && !la)) return false;
        memcpy(code2, colon, lc + 1);   /* lc <= 7 */
    }
    return true;
}

typedef struct items_out {
    int nstar;          /* '*' seen */
    bool star_adj_before, star_adj_after;
    bool bad;           /* undefined synset */
    char why[160];
} items_out;

/* Splits s into items appended to d->elems; '*' is returned as a split
 * point: items before it go to [start, mid), after it to [mid, end). */
static int read_items(petr_dict *d, char *s, int *mid, items_out *io) {
    int count = 0;
    bool next_adj = false;
    *mid = -1;
    char *p = s;
    while (*p) {
        if (isspace((unsigned char)*p) || *p == '{' || *p == '}' || *p == '(' || *p == ')') {
            if (isspace((unsigned char)*p)) next_adj = false;
            p++;
            continue;
        }
        if (*p == '_') {
            next_adj = true;
            p++;
            continue;
        }
        char *e = p + 1;        /* '*' stands alone even when attached: "*SCEPTICAL" */
        if (*p != '*')
            while (*e && !isspace((unsigned char)*e) && *e != '_' && *e != '{' && *e != '}' &&
                   *e != '(' && *e != ')' && *e != '*')
                e++;
        char w[128];
        size_t n = (size_t)(e - p) < sizeof w - 1 ? (size_t)(e - p) : sizeof w - 1;
        memcpy(w, p, n);
        w[n] = 0;
        /* "&SYN" may end in '_' that belongs to it: "&PREPOSIT1_" */
        p = e;
        if (strcmp(w, "*") == 0) {
            io->nstar++;
            io->star_adj_before = next_adj;
            io->star_adj_after = *p == '_';
            *mid = count;
            next_adj = false;
            continue;
        }
        pelem el = {0};
        el.adj = next_adj;
        next_adj = false;
        if (strcmp(w, "+") == 0) el.kind = PE_TARGET;
        else if (strcmp(w, "$") == 0) el.kind = PE_SOURCE;
        else if (strcmp(w, "%") == 0) el.kind = PE_COMPOUND;
        else if (strcmp(w, "^") == 0) el.kind = PE_SKIP;
        else if (w[0] == '&') {
            el.kind = PE_SYN;
            el.syn = find_syn(d, w);
            if (el.syn < 0) {
                io->bad = true;
                snprintf(io->why, sizeof io->why, "undefined synset %s", w);
            }
        } else {
            char *x = w;
            while (*x == '+' || *x == '$') x++;      /* "+RST" in verb forms */
            if (!*x) continue;
            lower_str(x);
            el.kind = PE_WORD;
            el.w = dyad_arena_strdup(d->arena, x);
        }
        if (DYAD_VEC_PUSH(d->elems, el) != 0) return -1;
        count++;
    }
    return count;
}

/* "- upper * lower [code] # comment" */
static void load_pattern(petr_dict *d, int block, char *line, const char *file,
                         const char *path, int ln,
                         FILE *errf, int *nerr) {
    char code[8], code2[8];
    char *lb = strrchr(line, '[');
    if (!lb || !parse_code(lb, code, code2)) {
        if (errf) fprintf(errf, "dyad: %s:%d: pattern without a valid [code] (line skipped)\n", path, ln);
        (*nerr)++;
        return;
    }
    *lb = 0;
    size_t start = d->elems.len;
    int mid;
    items_out io = {0};
    int n = read_items(d, line + 1, &mid, &io);
    if (n < 0) return;
    if (io.nstar != 1 || io.bad) {
        d->elems.len = start;
        if (errf) fprintf(errf, "dyad: %s:%d: %s (line skipped)\n", path, ln,
                          io.bad ? io.why : io.nstar ? "more than one '*'" : "pattern without '*'");
        (*nerr)++;
        return;
    }
    ppat pt = {0};
    pt.up.start = (int)start;
    pt.up.n = mid;
    pt.low.start = (int)start + mid;
    pt.low.n = n - mid;
    pt.up_adj_verb = io.star_adj_before;
    if (pt.low.n > 0 && io.star_adj_after) d->elems.items[pt.low.start].adj = true;
    if (pt.low.n > 0 && !io.star_adj_after) d->elems.items[pt.low.start].adj = false;
    if (pt.up.n > 0) d->elems.items[pt.up.start].adj = false;
    snprintf(pt.code, sizeof pt.code, "%s", code);
    snprintf(pt.code2, sizeof pt.code2, "%s", code2);
    pt.file = file;
    pt.line = ln;
    pt.size = n;
    pblock *b = &d->blocks.items[block];
    if (b->n == 0) b->first = (int)d->pats.len;
    if (b->first + b->n != (int)d->pats.len) return;   /* cannot happen: blocks are sequential */
    if (DYAD_VEC_PUSH(d->pats, pt) == 0) b->n++;
}

/* One verb form "WIRE_+TAP", "+CORDON_OFF", "LASH OUT", "BAN". */
static void add_verb_form(petr_dict *d, int block, const char *form, const char *code,
                          const char *code2, bool irregular) {
    char buf[256];
    snprintf(buf, sizeof buf, "%s", form);
    lower_str(buf);
    for (char *c = buf; *c; c++)
        if (*c == ' ') *c = '_';
    char *words[8];
    int nw = 0, vi = -1;
    char *save = NULL;
    for (char *w = strtok_r(buf, "_", &save); w && nw < 8; w = strtok_r(NULL, "_", &save)) {
        if (w[0] == '+') {
            w++;
            vi = nw;
        }
        if (*w) words[nw++] = w;
    }
    if (!nw) return;
    if (vi < 0) vi = 0;
    pverb v = {0};
    v.word = dyad_arena_strdup(d->arena, words[vi]);
    char pre[128] = "", post[128] = "";
    for (int i = 0; i < vi; i++)
        snprintf(pre + strlen(pre), sizeof pre - strlen(pre), "%s%s", i ? " " : "", words[i]);
    for (int i = vi + 1; i < nw; i++)
        snprintf(post + strlen(post), sizeof post - strlen(post), "%s%s", i > vi + 1 ? " " : "",
                 words[i]);
    v.pre = pre[0] ? dyad_arena_strdup(d->arena, pre) : NULL;
    v.post = post[0] ? dyad_arena_strdup(d->arena, post) : NULL;
    v.block = block;
    snprintf(v.code, sizeof v.code, "%s", code ? code : "");
    snprintf(v.code2, sizeof v.code2, "%s", code2 ? code2 : "");
    v.form = irregular;
    DYAD_VEC_PUSH(d->verbs, v);
    d->sorted = false;
}

/* A verb line of a block: "DOWNPLAY [014]", "BAN {BANS BANNED}". */
static void load_verb_line(petr_dict *d, int block, char *line, const char *path, int ln,
                           FILE *errf, int *nerr) {
    char code[8] = "", code2[8] = "";
    char *lb = strchr(line, '[');
    if (lb) {
        if (!parse_code(lb, code, code2)) {
            if (errf) fprintf(errf, "dyad: %s:%d: bad verb code (line skipped)\n", path, ln);
            (*nerr)++;
            return;
        }
        *lb = 0;
    }
    char *br = strchr(line, '{');
    char *forms = NULL;
    if (br) {
        char *cb = strchr(br, '}');
        if (!cb) {
            if (errf) fprintf(errf, "dyad: %s:%d: '{' without '}' (line skipped)\n", path, ln);
            (*nerr)++;
            return;
        }
        *cb = 0;
        *br = 0;
        forms = br + 1;
    }
    char *p = line;
    while (isspace((unsigned char)*p)) p++;
    size_t k = strlen(p);
    while (k && isspace((unsigned char)p[k - 1])) p[--k] = 0;
    if (!k) return;
    add_verb_form(d, block, p, code, code2, false);
    if (forms) {
        char *save = NULL;
        for (char *f = strtok_r(forms, " \t", &save); f; f = strtok_r(NULL, " \t", &save))
            add_verb_form(d, block, f, code, code2, true);
    }
}

static int cmp_verb(const void *a, const void *b) {
    const pverb *x = a, *y = b;
    int c = strcmp(x->word, y->word);
    if (c) return c;
    return x->block - y->block;
}

int ev_petr_load_verbs(void **dictp, const char *text, size_t len, const char *fname,
                       FILE *errf) {
    if (!*dictp) *dictp = dict_new();
    petr_dict *d = *dictp;
    if (!d) return -1;
    const char *base = strrchr(fname, '/');
    base = dyad_arena_strdup(d->arena, base ? base + 1 : fname);
    int block = -1, cursyn = -1, ln = 0, nerr = 0;
    size_t pos = 0;
    char line[2048];
    while (pos < len) {
        ln++;
        bool cut = false;
        size_t k = petr_line(text, len, &pos, line, sizeof line, &cut);
        if (cut && line[0] != '<') {
            if (errf) fprintf(errf, "dyad: %s:%d: line longer than %zu bytes (line skipped)\n", fname,
                              ln, sizeof line - 1);
            nerr++;
            continue;
        }
        if (!k || strncmp(line, "<", 1) == 0) continue;
        if (line[0] == '&') {
            psynset s = {0};
            char name[128];
            sscanf(line, "%127s", name);
            size_t nl = strlen(name);
            s.noplural = nl > 1 && name[nl - 1] == '_';
            while (nl > 1 && name[nl - 1] == '_') name[--nl] = 0;
            s.name = dyad_arena_strdup(d->arena, name);
            s.first = (int)d->phrases.len;
            if (DYAD_VEC_PUSH(d->syns, s) == 0) cursyn = (int)d->syns.len - 1;
            block = -1;
            continue;
        }
        if (line[0] == '+' && cursyn >= 0) {
            size_t start_el = d->elems.len;
            /* regular plurals of the last word unless the phrase or the
             * label ends in '_' */
            bool plural = !d->syns.items[cursyn].noplural && line[k - 1] != '_';
            int mid;
            items_out io = {0};
            int n = read_items(d, line + 1, &mid, &io);
            if (n <= 0 || io.bad || io.nstar) {
                d->elems.len = start_el;
                if (n != 0) {
                    if (errf) fprintf(errf, "dyad: %s:%d: %s (line skipped)\n", fname, ln,
                                      io.bad ? io.why : "bad synset member");
                    nerr++;
                }
                continue;
            }
            /* members are phrases: consecutive words; no actor markers */
            bool ok = true;
            for (int i = 0; i < n; i++) {
                pelem *e = &d->elems.items[start_el + (size_t)i];
                if (e->kind != PE_WORD && e->kind != PE_SYN) ok = false;
                if (e->kind == PE_SYN && e->syn == cursyn) ok = false;
                e->adj = i > 0;
                e->plural = plural && i == n - 1 && e->kind == PE_WORD;
            }
            if (!ok) {
                d->elems.len = start_el;
                if (errf) fprintf(errf, "dyad: %s:%d: synset member with an actor marker or itself "
                                        "(line skipped)\n", fname, ln);
                nerr++;
                continue;
            }
            prange r = {(int)start_el, n};
            psynset *s = &d->syns.items[cursyn];
            if (s->first + s->n == (int)d->phrases.len && DYAD_VEC_PUSH(d->phrases, r) == 0)
                s->n++;
            continue;
        }
        if (strncmp(line, "---", 3) == 0) {
            cursyn = -1;
            pblock b = {0};
            char *lb = strchr(line, '[');
            if (!lb || !parse_code(lb, b.code, b.code2)) {
                if (errf) fprintf(errf, "dyad: %s:%d: verb block without a valid [code] "
                                        "(the verbs get the null code ---)\n", fname, ln);
                nerr++;
                snprintf(b.code, sizeof b.code, "---");
                b.code2[0] = 0;
            }
            /* block name = first verb (the verb lines follow) */
            if (DYAD_VEC_PUSH(d->blocks, b) == 0) block = (int)d->blocks.len - 1;
            continue;
        }
        if (block < 0) {
            if (cursyn < 0 && line[0] != '#') {
                if (errf) fprintf(errf, "dyad: %s:%d: line outside a verb block or synset (skipped)\n",
                                  fname, ln);
                nerr++;
            }
            continue;
        }
        if (line[0] == '-') load_pattern(d, block, line, base, fname, ln, errf, &nerr);
        else if (line[0] == '~') continue;       /* transformations: not supported */
        else load_verb_line(d, block, line, fname, ln, errf, &nerr);
    }
    if (!d->sorted && d->verbs.len) {
        qsort(d->verbs.items, d->verbs.len, sizeof *d->verbs.items, cmp_verb);
        d->sorted = true;
    }
    return (int)d->pats.len;
}

int ev_petr_set_option(void *dictp, const char *name, const char *value) {
    petr_dict *d = dictp;
    if (!d || !name || !value) return -1;
    bool t = dyad_strcasecmp_ascii(value, "true") == 0 || strcmp(value, "1") == 0;
    bool f = dyad_strcasecmp_ascii(value, "false") == 0 || strcmp(value, "0") == 0;
    if (dyad_strcasecmp_ascii(name, "new_actor_length") == 0) {
        char *e = NULL;
        long v = strtol(value, &e, 10);
        if (!e || e == value || *e || v < 0 || v > 64) return -1;
        d->new_actor_length = (int)v;
        return 0;
    }
    if (dyad_strcasecmp_ascii(name, "require_dyad") == 0) {
        if (!t && !f) return -1;
        d->require_dyad = t;
        return 0;
    }
    return 1;       /* known to PETRARCH, not used by dyad */
}

/* ------------------------------------------------------------------ */
/* matching                                                             */

typedef struct sent {
    const ev_lexicon *lx;
    const petr_dict *d;
    dyad_doc *doc;
    uint32_t si;
    const dyad_token *t;
    int n;
    int *mention;       /* per token: coded mention covering it, -1 */
    const int *sib;     /* per mention: next mention of the same phrase, -1 */
    int nsib;           /* mentions sib covers (later ones are derived) */
    const struct dyad_kb *kb;   /* actor/agent names, NULL when none */
} sent;

/* A match in progress. */
typedef struct mstate {
    const sent *s;
    const int *seq;     /* candidate token indexes, increasing */
    int nseq;
    long budget;
    int src, tgt;       /* mention of '$' / '+' / '%' */
    bool comp_src, comp_tgt;
    int last_tok;       /* last token matched */
    bool upper;         /* matching before the verb */
    bool need_adj_end;  /* upper: the last item touches the verb */
    int verb;
    unsigned char *used;    /* tokens matched by words (lower side) */
} mstate;

typedef struct cont {
    const pelem *el;
    int n, k;
    const struct cont *up;
} cont;

static bool word_is(const char *form, const char *w) {
    if (!form) return false;
    if (dyad_strcasecmp_ascii(form, w) == 0) return true;
    size_t lf = strlen(form), lw = strlen(w);
    /* regular plurals of the pattern word */
    if (lf == lw + 1 && (form[lf - 1] == 's' || form[lf - 1] == 'S') &&
        strncasecmp(form, w, lw) == 0)
        return true;
    if (lf == lw + 2 && strncasecmp(form, w, lw) == 0 && strcasecmp(form + lw, "es") == 0)
        return true;
    if (lw > 1 && w[lw - 1] == 'y' && lf == lw + 2 && strncasecmp(form, w, lw - 1) == 0 &&
        strcasecmp(form + lw - 1, "ies") == 0)
        return true;
    return false;
}

static bool tok_is(const dyad_token *t, const char *w) {
    return word_is(t->form, w) || (t->lemma && dyad_strcasecmp_ascii(t->lemma, w) == 0);
}

static bool is_noun_tok(const dyad_token *t) {
    const char *x = t->xpos && t->xpos[0] && strcmp(t->xpos, "_") != 0 ? t->xpos : NULL;
    if (!x)
        return t->upos == DYAD_NOUN || t->upos == DYAD_PROPN || t->upos == DYAD_PRON ||
               t->upos == DYAD_NUM;
    return x[0] == 'N' || strncmp(x, "PRP", 3) == 0 || strcmp(x, "CD") == 0;
}

static bool finish(mstate *m, int p);
static bool mseq(mstate *m, const pelem *el, int n, int k, int p, bool tight, const cont *up,
                 int depth);

/* Continues after the items of one level are done. */
static bool mnext(mstate *m, int p, const cont *up, int depth) {
    if (!up) return finish(m, p);
    return mseq(m, up->el, up->n, up->k, p, up->el[up->k < up->n ? up->k : 0].adj, up->up,
                depth - 1);
}

/* Candidate positions for an item at p: all from p (gap allowed), or only
 * the one right after the last matched token. */
static bool cand_ok(const mstate *m, int q, bool tight) {
    return !tight || m->seq[q] == m->last_tok + 1;
}

static bool mseq(mstate *m, const pelem *el, int n, int k, int p, bool tight, const cont *up,
                 int depth) {
    if (--m->budget < 0 || depth > 16) return false;
    if (k == n) return mnext(m, p, up, depth);
    const pelem *e = &el[k];
    bool tg = k == 0 ? tight : e->adj;
    if (k == 0 && up == NULL && !m->upper && e->adj) tg = true;
    int save_last = m->last_tok;
    switch (e->kind) {
    case PE_SKIP: {
        /* '^' skips a noun phrase: words up to the first noun (a whole
         * actor when the noun is in one) */
        int q = p;
        while (q < m->nseq && !is_noun_tok(&m->s->t[m->seq[q]])) q++;
        if (q >= m->nseq) return false;
        int mi = m->s->mention[m->seq[q]];
        if (mi >= 0)
            while (q + 1 < m->nseq && m->seq[q + 1] <= (int)m->s->doc->mentions[mi].last) q++;
        m->last_tok = m->seq[q];
        if (mseq(m, el, n, k + 1, q + 1, false, up, depth)) return true;
        m->last_tok = save_last;
        return false;
    }
    case PE_WORD:
        for (int q = p; q < m->nseq; q++) {
            if (!cand_ok(m, q, tg)) {
                if (tg && m->seq[q] > m->last_tok + 1) break;
                continue;
            }
            /* PETRARCH matches pattern words as written; synset members
             * also in their regular plurals */
            const char *f = m->s->t[m->seq[q]].form;
            if (!(e->plural ? word_is(f, e->w) : f && dyad_strcasecmp_ascii(f, e->w) == 0))
                continue;
            m->last_tok = m->seq[q];
            /* the next item of this level: its own adj flag */
            if (mseq(m, el, n, k + 1, q + 1, k + 1 < n ? el[k + 1].adj : false, up, depth)) {
                if (m->used && !m->upper) m->used[m->seq[q]] = 1;
                return true;
            }
            m->last_tok = save_last;
        }
        return false;
    case PE_SYN: {
        const psynset *s = &m->s->d->syns.items[e->syn];
        cont c = {el, n, k + 1, up};
        for (int i = 0; i < s->n; i++) {
            const prange *r = &m->s->d->phrases.items[s->first + i];
            if (mseq(m, m->s->d->elems.items + r->start, r->n, 0, p, tg, &c, depth + 1))
                return true;
            m->last_tok = save_last;
        }
        return false;
    }
    default: {   /* an actor slot */
        for (int q = p; q < m->nseq; q++) {
            if (!cand_ok(m, q, tg)) {
                if (tg && m->seq[q] > m->last_tok + 1) break;
                continue;
            }
            int tok = m->seq[q];
            int mi = m->s->mention[tok];
            if (mi < 0) continue;
            if (q > p && m->s->mention[m->seq[q - 1]] == mi) continue;
            int last = (int)m->s->doc->mentions[mi].last;
            int q2 = q;
            while (q2 < m->nseq && m->seq[q2] <= last) q2++;
            int os = m->src, ot = m->tgt;
            bool ocs = m->comp_src, oct = m->comp_tgt;
            if (e->kind == PE_SOURCE) m->src = mi;
            else if (e->kind == PE_TARGET) m->tgt = mi;
            else if (m->upper) {
                m->src = mi;
                m->comp_src = true;
            } else {
                m->tgt = mi;
                m->comp_tgt = true;
            }
            m->last_tok = m->seq[q2 - 1];
            if (mseq(m, el, n, k + 1, q2, k + 1 < n ? el[k + 1].adj : false, up, depth))
                return true;
            m->src = os;
            m->tgt = ot;
            m->comp_src = ocs;
            m->comp_tgt = oct;
            m->last_tok = save_last;
        }
        return false;
    }
    }
}

static bool finish(mstate *m, int p) {
    DYAD_UNUSED(p);
    if (m->upper && m->verb >= 0 && m->need_adj_end && m->last_tok != m->verb - 1) return false;
    return true;
}

/* ------------------------------------------------------------------ */
/* the sentence                                                         */

static bool rel_starts(const dyad_token *t, const char *r) {
    return t->deprel && strncmp(t->deprel, r, strlen(r)) == 0;
}

/* Penn tag of t, or NULL when the tagger gave none (then UPOS decides). */
static const char *penn(const dyad_token *t) {
    return t->xpos && t->xpos[0] && strcmp(t->xpos, "_") != 0 ? t->xpos : NULL;
}

static bool is_verb_tok(const dyad_token *t) {
    const char *x = penn(t);
    return x ? x[0] == 'V' && x[1] == 'B' : t->upos == DYAD_VERB;
}

static bool is_punct_tok(const dyad_token *t) {
    const char *x = penn(t);
    return x ? strchr(",;:", x[0]) && x[1] == 0
             : t->upos == DYAD_PUNCT && t->form && strchr(",;:", t->form[0]);
}

static bool in_subtree(const sent *s, int j, int v) {
    for (int g = 0; j >= 0 && g <= s->n; g++) {
        if (j == v) return true;
        j = s->t[j].head;
    }
    return false;
}

/* Words of a multi-word verb ("wire", "off") around token i. */
static bool words_at(const sent *s, const char *words, int i, int dir, int *end) {
    char buf[128];
    snprintf(buf, sizeof buf, "%s", words);
    char *w[8];
    int nw = 0;
    char *save = NULL;
    for (char *x = strtok_r(buf, " ", &save); x && nw < 8; x = strtok_r(NULL, " ", &save))
        w[nw++] = x;
    if (dir < 0) {
        for (int k = nw - 1, j = i - 1; k >= 0; k--, j--)
            if (j < 0 || !tok_is(&s->t[j], w[k])) return false;
        *end = i - nw;
        return true;
    }
    int j = i + 1;
    for (int k = 0; k < nw; k++, j++)
        if (j >= s->n || !tok_is(&s->t[j], w[k])) {
            /* a single particle may stand apart: "cordoned the roads off" */
            if (nw == 1) {
                for (int q = i + 1; q < s->n; q++)
                    if (s->t[q].head == i && rel_starts(&s->t[q], "compound:prt") &&
                        tok_is(&s->t[q], w[0])) {
                        *end = i;
                        return true;
                    }
            }
            return false;
        }
    *end = j - 1;
    return true;
}

/* Adds to keys the stems a regular English verb form w may come from:
 * -s/-es/-ies, -ed/-ied (with a final e or a doubled consonant), -ing. */
static int regular_stems(const char *form, char keys[][64], int n, int cap) {
    char w[64];
    snprintf(w, sizeof w, "%s", form);
    size_t L = strlen(w);
    struct { const char *suf; const char *add; int dbl; } R[] = {
        {"ies", "y", 0}, {"es", "", 0}, {"s", "", 0}, {"ied", "y", 0}, {"ed", "", 0},
        {"ed", "e", 0}, {"ed", "", 1}, {"ing", "", 0}, {"ing", "e", 0}, {"ing", "", 1}};
    for (size_t r = 0; r < sizeof R / sizeof R[0] && n < cap; r++) {
        size_t ls = strlen(R[r].suf);
        if (L <= ls + 1 || L - ls >= 60 || strcmp(w + L - ls, R[r].suf) != 0) continue;
        size_t stem = L - ls;
        if (R[r].dbl && (stem < 3 || w[stem - 1] != w[stem - 2])) continue;
        /* -es only after a sibilant or o: "pushes", not "departes" */
        if (strcmp(R[r].suf, "es") == 0 && !strchr("sxzo", w[stem - 1]) &&
            !(stem >= 2 && w[stem - 1] == 'h' && strchr("cs", w[stem - 2])))
            continue;
        if (R[r].dbl) stem--;
        snprintf(keys[n++], 64, "%.*s%s", (int)stem, w, R[r].add);
    }
    return n;
}

static bool is_pronoun(const dyad_token *t);

/* A word the tagger did not take for a verb standing where a verb must
 * be: right after an actor, a subject pronoun, a modal or "to", outside
 * any actor phrase, and not followed by a verb of its own ("Gondor forces
 * attacked" keeps "forces" a noun).  Only noun/adjective tags qualify. */
static bool fallback_verb(const sent *s, int i) {
    const dyad_token *t = &s->t[i];
    if (i == 0 || !t->form) return false;
    const char *px = penn(&s->t[i - 1]);
    bool after_modal = px && (strcmp(px, "MD") == 0 || strcmp(px, "TO") == 0);
    /* "would acting now": an adverb only right after a modal */
    if (!(t->upos == DYAD_NOUN || t->upos == DYAD_ADJ || (after_modal && t->upos == DYAD_ADV)))
        return false;
    int mi = s->mention[i];
    if (mi >= 0) {
        /* the last or first word of an actor phrase that is no name
         * itself: "<actor> departs from", "it deplored <actor>" read as
         * one noun phrase */
        const dyad_mention *mm = &s->doc->mentions[mi];
        int e = -1;
        const char *w[1] = {t->form};
        if (mm->first == mm->last || !s->kb || dyad_kb_match(s->kb, w, 1, true, true, &e) > 0)
            return false;
        if ((int)mm->last != i && (int)mm->first != i) return false;
    }
    if (i + 1 < s->n && (is_verb_tok(&s->t[i + 1]) || s->t[i + 1].upos == DYAD_AUX)) return false;
    const dyad_token *p = &s->t[i - 1];
    if (after_modal) return true;
    if (is_pronoun(p) && p->form &&
        (dyad_strcasecmp_ascii(p->form, "it") == 0 || dyad_strcasecmp_ascii(p->form, "he") == 0 ||
         dyad_strcasecmp_ascii(p->form, "she") == 0 || dyad_strcasecmp_ascii(p->form, "they") == 0 ||
         dyad_strcasecmp_ascii(p->form, "we") == 0))
        return true;
    int m = s->mention[i - 1];
    return m >= 0 && ((int)s->doc->mentions[m].last == i - 1 || m == mi);
}

/* The dictionary verbs for token i, best match first, into ents (count;
 * 0 if none): one verb may have several blocks; [*vs, *ve] its words. */
static int verb_entries(const sent *s, int i, int *vs, int *ve, int *ents, int cap) {
    const petr_dict *d = s->d;
    const dyad_token *t = &s->t[i];
    if (!t->form || (!is_verb_tok(t) && !fallback_verb(s, i))) return 0;
    /* keys: the form, the lemma, then the stems the regular endings allow
     * (PETRARCH generates regular verb forms; this also survives a wrong
     * lemma: "boycotted" -> boycott) */
    char keys[10][64];
    int nkeys = 0;
    snprintf(keys[nkeys++], sizeof keys[0], "%s", t->form);
    snprintf(keys[nkeys++], sizeof keys[0], "%s", t->lemma ? t->lemma : "");
    lower_str(keys[0]);
    lower_str(keys[1]);
    nkeys = regular_stems(keys[0], keys, nkeys, 10);
    int best = -1, bscore = 0, nents = 0;
    for (int k = 0; k < nkeys; k++) {
        bool dup = !keys[k][0];
        for (int q = 0; q < k && !dup; q++) dup = strcmp(keys[q], keys[k]) == 0;
        if (dup) continue;
        size_t lo = 0, hi = d->verbs.len;
        while (lo < hi) {
            size_t mid = (lo + hi) / 2;
            if (strcmp(d->verbs.items[mid].word, keys[k]) < 0) lo = mid + 1;
            else hi = mid;
        }
        for (size_t e = lo; e < d->verbs.len && strcmp(d->verbs.items[e].word, keys[k]) == 0; e++) {
            const pverb *v = &d->verbs.items[e];
            if (v->form && k >= 1) continue;
            int a = i, b = i;
            if (v->pre && !words_at(s, v->pre, i, -1, &a)) continue;
            if (v->post && !words_at(s, v->post, i, 1, &b)) continue;
            int score = 1 + (k == 0 ? 2 : 0) + 4 * ((v->pre != NULL) + (v->post != NULL));
            if (score > bscore) {
                bscore = score;
                best = (int)e;
                *vs = a;
                *ve = b;
                nents = 0;
            }
            if (score == bscore && nents < cap && (a == *vs && b == *ve)) ents[nents++] = (int)e;
        }
    }
    DYAD_UNUSED(best);
    return nents;
}

static bool has_child_rel(const sent *s, int h, const char *rel) {
    for (int j = 0; j < s->n; j++)
        if (s->t[j].head == h && rel_starts(&s->t[j], rel)) return true;
    return false;
}

static bool is_pronoun(const dyad_token *t) {
    const char *x = penn(t);
    return x ? strcmp(x, "PRP") == 0 : t->upos == DYAD_PRON;
}

/* The subject token of verb v (inherited along xcomp/conj/advcl; a
 * pronoun subject of a complement clause stands for the subject above:
 * "X said it would ..."); -1 when none is found, -2 when the verb has no
 * subject of its own by construction (a passive complement). */
static int subject_tok(const sent *s, int v) {
    int pron = -1;
    for (int g = 0; v >= 0 && g < 12; g++) {
        int subj = -1;
        for (int j = 0; j < s->n && subj < 0; j++)
            if (s->t[j].head == v && (rel_starts(&s->t[j], "nsubj") || rel_starts(&s->t[j], "csubj")))
                subj = j;
        const dyad_token *t = &s->t[v];
        if (subj >= 0 && !(is_pronoun(&s->t[subj]) && s->mention[subj] < 0)) return subj;
        if (subj >= 0) {
            if (pron < 0) pron = subj;
            if (!rel_starts(t, "ccomp") && !rel_starts(t, "xcomp") && !rel_starts(t, "advcl") &&
                !rel_starts(t, "conj"))
                return pron;
            v = t->head;
            continue;
        }
        bool gerund = penn(t) ? strcmp(penn(t), "VBG") == 0
                              : t->form && strlen(t->form) > 4 &&
                                    strcmp(t->form + strlen(t->form) - 3, "ing") == 0;
        if (g == 0 && rel_starts(t, "advcl") && gerund &&
            (has_child_rel(s, v, "mark") || has_child_rel(s, v, "case")))
            return -2;  /* "after leaving X": PETRARCH finds no subject in it */
        if ((rel_starts(t, "xcomp") || rel_starts(t, "advcl")) && has_child_rel(s, v, "aux:pass")) {
            /* "called on X to be allowed": a passive complement is about the
             * higher verb's object, not its subject */
            int h = t->head;
            for (int j = 0; j < s->n; j++)
                if (s->t[j].head == h && (rel_starts(&s->t[j], "obj") || rel_starts(&s->t[j], "iobj")))
                    return j;
            return pron >= 0 ? pron : -2;
        }
        if (rel_starts(t, "xcomp") || rel_starts(t, "conj") || rel_starts(t, "advcl") ||
            (pron >= 0 && rel_starts(t, "ccomp")))
            v = t->head;
        else if (rel_starts(t, "acl")) return t->head;
        else return pron;
    }
    return pron;
}

/* The by-agent of a passive verb v, -1 when none. */
static int agent_tok(const sent *s, int v) {
    bool passive = false;
    int agent = -1;
    for (int j = 0; j < s->n; j++) {
        if (s->t[j].head != v) continue;
        if (rel_starts(&s->t[j], "nsubj:pass") || rel_starts(&s->t[j], "aux:pass")) passive = true;
        if (rel_starts(&s->t[j], "obl:agent")) agent = j;
        else if (agent < 0 && rel_starts(&s->t[j], "obl"))
            for (int k = 0; k < s->n; k++)
                if (s->t[k].head == j && rel_starts(&s->t[k], "case") && s->t[k].form &&
                    dyad_strcasecmp_ascii(s->t[k].form, "by") == 0)
                    agent = j;
    }
    return passive ? agent : -1;
}

static bool has_case_child(const sent *s, int h) {
    for (int k = 0; k < s->n; k++)
        if (s->t[k].head == h && rel_starts(&s->t[k], "case") && s->t[k].form &&
            strcmp(s->t[k].form, "'s") != 0 && strcmp(s->t[k].form, "'") != 0)
            return true;
    return false;
}

static int group_at(const sent *s, int tok, int *out, int cap);
static void add_unique(int *out, int *n, int cap, int m);
static int mention_below(const sent *s, int c, int depth);

/* The actors of subject st, with those of other subjects of the same verb
 * (a coordination the parser split). */
static int subject_group(const sent *s, int st, int *out) {
    int n = group_at(s, st, out, 16);
    int h = s->t[st].head;
    if (h < 0 || !rel_starts(&s->t[st], "nsubj")) return n;
    /* "A, B and C verb" parsed with the verb as a conjunct of A: A and
     * its conjuncts are subjects too */
    int hh = s->t[h].head;
    if (rel_starts(&s->t[h], "conj") && hh >= 0 && !is_verb_tok(&s->t[hh]) && hh < st &&
        s->mention[hh] >= 0) {
        int more[16];
        int k = group_at(s, hh, more, 16);
        for (int q = 0; q < k; q++) add_unique(out, &n, 16, more[q]);
    }
    for (int j = 0; j < s->n; j++) {
        if (j == st || s->t[j].head != h || !rel_starts(&s->t[j], "nsubj")) continue;
        /* a name the parser cut in two: its start is inside the first
         * subject's phrase ("X of a row between Radagast | the Brown") */
        int mj = mention_below(s, j, 0);
        if (mj >= 0 && in_subtree(s, (int)s->doc->mentions[mj].first, st)) continue;
        int more[16];
        int k = group_at(s, j, more, 16);
        for (int q = 0; q < k; q++) add_unique(out, &n, 16, more[q]);
    }
    return n;
}

/* A verb without any subject (parse trouble): the nearest actor before it
 * that is not inside a prepositional phrase. */
static int preceding_actor(const sent *s, int vs, int *out) {
    for (int j = vs - 1; j >= 0; j--) {
        int m = s->mention[j];
        if (m < 0) continue;
        int h = (int)s->doc->mentions[m].head;
        if (has_case_child(s, h)) {
            j = (int)s->doc->mentions[m].first;
            continue;
        }
        /* a later conjunct: the coordination from its first member */
        for (int g = 0; g < 8 && rel_starts(&s->t[h], "conj") && s->t[h].head >= 0 &&
                        s->t[h].head < h && !is_verb_tok(&s->t[s->t[h].head]);
             g++)
            h = s->t[h].head;
        return group_at(s, h, out, 16);
    }
    return 0;
}

static bool clause_rel(const dyad_token *t) {
    return rel_starts(t, "acl") || rel_starts(t, "advcl") || rel_starts(t, "ccomp") ||
           rel_starts(t, "parataxis") || rel_starts(t, "conj") || rel_starts(t, "xcomp") ||
           rel_starts(t, "punct");
}

/* The coded mention of token c or, failing that, the first one below it
 * (not crossing into clauses). */
static int mention_below(const sent *s, int c, int depth) {
    if (s->mention[c] >= 0) return s->mention[c];
    if (depth > 6) return -1;
    for (int j = 0; j < s->n; j++)
        if (s->t[j].head == c && !clause_rel(&s->t[j])) {
            int m = mention_below(s, j, depth + 1);
            if (m >= 0) return m;
        }
    return -1;
}

static void add_unique(int *out, int *n, int cap, int m) {
    for (int i = 0; i < *n; i++)
        if (out[i] == m) return;
    if (*n < cap) out[(*n)++] = m;
}

/* A mention with the span of base coded country + sector (appended to the
 * document's mentions once); -1 on allocation failure. */
static int derived_mention(const sent *s, int base, const char *country, const char *sector) {
    dyad_doc *doc = s->doc;
    char code[40];
    snprintf(code, sizeof code, "%s%s", country, sector);
    for (size_t m = 0; m < doc->nmentions; m++) {
        const dyad_mention *x = &doc->mentions[m];
        if (x->sent == doc->mentions[base].sent && x->first == doc->mentions[base].first &&
            x->last == doc->mentions[base].last && x->code && strcmp(x->code, code) == 0)
            return (int)m;
    }
    dyad_mention *ms = dyad_doc_alloc(doc, (doc->nmentions + 1) * sizeof *ms);
    if (!ms) return -1;
    memcpy(ms, doc->mentions, doc->nmentions * sizeof *ms);
    dyad_mention *x = &ms[doc->nmentions];
    *x = doc->mentions[base];
    x->code = dyad_doc_strndup(doc, code, strlen(code));
    snprintf(x->country, sizeof x->country, "%.3s", country);
    snprintf(x->sector, sizeof x->sector, "%s", sector);
    x->how = "petrarch:agent";
    doc->mentions = ms;
    return (int)doc->nmentions++;
}

/* PETRARCH gives the agent of a compound to each of its actors:
 * "lawmakers in A and B" -> ALEG, BLEG.  m was coded from the country of
 * one dependent (how "nmod" / "possessive"); its conjuncts get the sector
 * too. */
static void distribute_agent(const sent *s, int m, int *out, int *n, int cap) {
    const dyad_mention *mm = &s->doc->mentions[m];
    if (!mm->sector[0] || !mm->how || !mm->code ||
        (strcmp(mm->how, "nmod") != 0 && strcmp(mm->how, "possessive") != 0))
        return;
    char sector[4];
    snprintf(sector, sizeof sector, "%s", mm->sector);
    int h = (int)mm->head;
    for (int c = 0; c < s->n; c++) {
        if (s->t[c].head != h || !(rel_starts(&s->t[c], "nmod"))) continue;
        int cm = s->mention[c];
        if (cm < 0 || cm == m) continue;
        const char *cc = s->doc->mentions[cm].code;
        if (strncmp(s->doc->mentions[m].code, cc, strlen(cc)) != 0) continue;
        for (int j = 0; j < s->n; j++) {
            if (s->t[j].head != c || !rel_starts(&s->t[j], "conj")) continue;
            int jm = s->mention[j];
            if (jm < 0 || s->doc->mentions[jm].sector[0]) continue;
            int dm = derived_mention(s, jm, s->doc->mentions[jm].code, sector);
            if (dm >= 0) add_unique(out, n, cap, dm);
        }
    }
}

/* The coded places of head h: "X in/of/from A and B" -> the mentions of
 * A and B (into pl, count). */
static int nmod_places(const sent *s, int h, int *pl, int cap) {
    int n = 0;
    for (int c = h + 1; c < s->n; c++) {
        if (s->t[c].head != h || !s->t[c].deprel || strcmp(s->t[c].deprel, "nmod") != 0) continue;
        bool place_case = false;
        for (int k = h + 1; k < c; k++)
            if (s->t[k].head == c && rel_starts(&s->t[k], "case") && s->t[k].form &&
                (dyad_strcasecmp_ascii(s->t[k].form, "in") == 0 ||
                 dyad_strcasecmp_ascii(s->t[k].form, "of") == 0 ||
                 dyad_strcasecmp_ascii(s->t[k].form, "from") == 0))
                place_case = true;
        if (!place_case) continue;
        for (int j = c; j < s->n; j++) {
            if (j != c && (s->t[j].head != c || !rel_starts(&s->t[j], "conj"))) continue;
            int m = s->mention[j];
            const char *code = m >= 0 ? s->doc->mentions[m].code : NULL;
            if (!code || strncmp(code, "---", 3) == 0) continue;
            add_unique(pl, &n, cap, m);
        }
    }
    return n;
}

/* PETRARCH reads "lawmakers and officials in A and B" as each agent with
 * each place: an agent-only mention m (or one coded from a place), under
 * a head (or the first conjunct of its coordination) with places, becomes
 * one derived mention per place.  Returns how many were added to out (0:
 * m is left as it is). */
static int shared_places(const sent *s, int m, int *out, int *n, int cap) {
    const dyad_mention *mm = &s->doc->mentions[m];
    if (!mm->sector[0]) return 0;
    bool agent_only = !mm->code || strncmp(mm->code, "---", 3) == 0;
    if (!agent_only && !(mm->how && strcmp(mm->how, "nmod") == 0)) return 0;
    int h = (int)mm->head;
    int pl[16];
    int np = nmod_places(s, h, pl, 16);
    if (np == 0 && rel_starts(&s->t[h], "conj") && s->t[h].head >= 0)
        np = nmod_places(s, s->t[h].head, pl, 16);
    if (np == 0 || (!agent_only && np < 2)) return 0;
    char sector[4];
    snprintf(sector, sizeof sector, "%s", mm->sector);
    int added = 0;
    for (int k = 0; k < np; k++) {
        const char *pc = s->doc->mentions[pl[k]].code;
        size_t lp = strlen(pc);
        bool has = lp >= 6 && strcmp(pc + lp - 3, sector) == 0;
        int dm = derived_mention(s, m, pc, has ? "" : sector);
        if (dm < 0) continue;
        add_unique(out, n, cap, dm);
        added++;
    }
    return added;
}

/* Actors of token tok and its conjuncts. */
static int group_at(const sent *s, int tok, int *out, int cap) {
    int n = 0;
    int stack[64], ns = 0;
    stack[ns++] = tok;
    bool seen[512] = {0};
    while (ns > 0) {
        int c = stack[--ns];
        if (c < 0 || c >= s->n || (c < 512 && seen[c])) continue;
        if (c < 512) seen[c] = true;
        int m = mention_below(s, c, 0);
        int a = c, b = c;
        if (m >= 0 && shared_places(s, m, out, &n, cap) == 0) {
            for (int x = m, g = 0; x >= 0 && g < 16; x = s->sib && x < s->nsib ? s->sib[x] : -1, g++)
                add_unique(out, &n, cap, x);
            distribute_agent(s, m, out, &n, cap);
        }
        if (m >= 0) {
            if ((int)s->doc->mentions[m].first <= c && c <= (int)s->doc->mentions[m].last) {
                a = (int)s->doc->mentions[m].first;
                b = (int)s->doc->mentions[m].last;
            }
        }
        for (int j = s->n - 1; j >= 0; j--)
            if (s->t[j].head >= a && s->t[j].head <= b && rel_starts(&s->t[j], "conj") && ns < 64)
                stack[ns++] = j;
    }
    /* keep sentence order */
    for (int i = 1; i < n; i++)
        for (int k = i; k > 0 && s->doc->mentions[out[k]].first < s->doc->mentions[out[k - 1]].first; k--) {
            int x = out[k];
            out[k] = out[k - 1];
            out[k - 1] = x;
        }
    return n;
}

static const char *mcode(const sent *s, int m) {
    return m >= 0 ? s->doc->mentions[m].code : NULL;
}


static void emit(const sent *s, ev_event_vec *ev, int trig_a, int trig_b, const char *code,
                 int src, int tgt, const char *rule, const char *docdate) {
    if (!code[0] || strcmp(code, "---") == 0) return;
    if (s->d->require_dyad && (src < 0 || tgt < 0)) return;
    if (src < 0 && tgt < 0) return;
    const char *sc = mcode(s, src), *tc = mcode(s, tgt);
    if (sc && tc && strcmp(sc, tc) == 0) return;
    for (size_t i = 0; i < ev->len; i++) {
        const dyad_event *o = &ev->items[i];
        if (o->sent == s->si && o->source == src && o->target == tgt && strcmp(o->cameo, code) == 0)
            return;
    }
    dyad_event e = {0};
    e.sent = s->si;
    snprintf(e.cameo, sizeof e.cameo, "%s", code);
    int ci = ev_lexicon_code(s->lx, code);
    if (ci >= 0) {
        const ev_code *c = &s->lx->codes.items[ci];
        snprintf(e.root, sizeof e.root, "%s", c->root);
        e.plover = c->plover ? dyad_doc_strndup(s->doc, c->plover, strlen(c->plover)) : NULL;
        e.mode = c->mode ? dyad_doc_strndup(s->doc, c->mode, strlen(c->mode)) : NULL;
        e.context = c->context ? dyad_doc_strndup(s->doc, c->context, strlen(c->context)) : NULL;
        e.quad = c->quad;
        e.goldstein = c->goldstein;
    } else {
        snprintf(e.root, sizeof e.root, "%.2s", code);
    }
    e.source = src;
    e.target = tgt;
    e.trigger_start = s->t[trig_a].start;
    e.trigger_end = s->t[trig_b].end;
    e.trigger = dyad_doc_strndup(s->doc, s->doc->text + e.trigger_start,
                                 e.trigger_end - e.trigger_start);
    e.issues = ev_issues_sentence(s->lx->issues, s->doc, &s->doc->sentences[s->si]);
    ev_event_date(s->doc, &s->doc->sentences[s->si], trig_a, false, docdate, e.event_date);
    e.rule = dyad_doc_strndup(s->doc, rule, strlen(rule));
    DYAD_VEC_PUSH(*ev, e);
}

/* Codes the verb at token i (its words [vs, ve]); marks tokens used by the
 * lower side of the winning pattern. */
static void code_verb(const sent *s, ev_event_vec *ev, int i, const int *ents, int nents,
                      int vs, int ve, unsigned char *used, const char *docdate) {
    const petr_dict *d = s->d;
    /* the last definition of the verb gives the default code */
    const pverb *v = &d->verbs.items[ents[nents - 1]];
    const pblock *b = &d->blocks.items[v->block];
    int *low = malloc(sizeof(int) * (size_t)s->n), *up = malloc(sizeof(int) * (size_t)s->n);
    unsigned char *u = calloc((size_t)s->n, 1), *ubest = calloc((size_t)s->n, 1);
    if (!low || !up || !u || !ubest) goto done;
    int nlow = 0, nup = 0;
    /* the verb's subtree after it, plus the words up to the next
     * punctuation (PETRARCH's verb phrase, kept when the parse is off) */
    bool linear = true;
    for (int j = ve + 1; j < s->n; j++) {
        if (is_punct_tok(&s->t[j])) linear = false;
        if (linear || in_subtree(s, j, i)) low[nlow++] = j;
    }
    for (int j = 0; j < vs; j++) up[nup++] = j;
    int best = -1, bsize = -1;
    mstate bm = {0};
    for (int en = 0; en < nents; en++) {
    const pblock *pb = &d->blocks.items[d->verbs.items[ents[en]].block];
    bool dup = false;
    for (int q = 0; q < en; q++) dup |= d->verbs.items[ents[q]].block == d->verbs.items[ents[en]].block;
    if (dup) continue;
    for (int pi = pb->first; pi < pb->first + pb->n; pi++) {
        const ppat *p = &d->pats.items[pi];
        if (p->size <= bsize) continue;
        mstate m = {0};
        m.s = s;
        m.src = m.tgt = -1;
        m.budget = 20000;
        m.verb = vs;
        memset(u, 0, (size_t)s->n);
        m.used = u;
        /* upper: before the verb */
        if (p->up.n) {
            m.seq = up;
            m.nseq = nup;
            m.upper = true;
            m.need_adj_end = p->up_adj_verb;
            m.last_tok = -2;
            if (!mseq(&m, d->elems.items + p->up.start, p->up.n, 0, 0, false, NULL, 0)) continue;
        } else if (p->up_adj_verb) {
            continue;
        }
        if (p->low.n) {
            m.seq = low;
            m.nseq = nlow;
            m.upper = false;
            m.need_adj_end = false;
            m.last_tok = ve;
            if (!mseq(&m, d->elems.items + p->low.start, p->low.n, 0, 0,
                      d->elems.items[p->low.start].adj, NULL, 0))
                continue;
        }
        best = pi;
        bsize = p->size;
        bm = m;
        memcpy(ubest, u, (size_t)s->n);
    }
    }
    const char *code = v->code[0] ? v->code : b->code;
    const char *code2 = v->code[0] ? v->code2 : b->code2;
    char rule[300];
    snprintf(rule, sizeof rule, "petrarch:%s", v->word);
    if (best >= 0) {
        const ppat *p = &d->pats.items[best];
        code = p->code;
        code2 = p->code2;
        snprintf(rule, sizeof rule, "%s:%d", p->file, p->line);
        for (int j = 0; j < s->n; j++)
            if (ubest[j]) used[j] = 1;
    } else {
        bm.src = bm.tgt = -1;
    }
    if ((!code[0] || strcmp(code, "---") == 0) && (!code2[0] || strcmp(code2, "---") == 0))
        goto done;
    int srcs[16], tgts[16], ns = 0, nt = 0;
    int agent = agent_tok(s, i), psubj = -1;
    if (bm.src >= 0) ns = group_at(s, (int)s->doc->mentions[bm.src].head, srcs, 16);
    else if (agent >= 0) {
        /* passive with a by-agent: the agent acts on the subject */
        ns = group_at(s, agent, srcs, 16);
        psubj = subject_tok(s, i);
    } else if (!is_verb_tok(&s->t[i])) {
        /* a verb the tagger missed: its tree is not a verb's */
        ns = preceding_actor(s, vs, srcs);
    } else {
        int st = subject_tok(s, i);
        if (st >= 0) ns = subject_group(s, st, srcs);
        /* no subject, or a clause on a noun that is no actor while the
         * pattern's upper words tie the verb to the words before it
         * ("inching nearer to accord"): the actor before the verb */
        bool upper = best >= 0 && d->pats.items[best].up.n > 0;
        if (st == -1 || (st >= 0 && ns == 0 && upper && rel_starts(&s->t[i], "acl")))
            ns = preceding_actor(s, vs, srcs);
    }
    if (bm.tgt >= 0 && ns > 0 && s->t[i].head >= 0 && !bm.comp_src) {
        /* "noted + *": the pattern took the verb's own subject as target;
         * the source is the subject of the clause above */
        bool same = false;
        for (int a = 0; a < ns; a++) same |= srcs[a] == bm.tgt;
        int st2 = same ? subject_tok(s, s->t[i].head) : -1;
        if (st2 >= 0) ns = subject_group(s, st2, srcs);
    }
    if (bm.comp_src) {
        /* a compound source: events among its members */
        for (int a = 0; a < ns; a++)
            for (int c = 0; c < ns; c++)
                if (a != c) emit(s, ev, vs, ve, code, srcs[a], srcs[c], rule, docdate);
        goto done;
    }
    if (bm.tgt >= 0) nt = group_at(s, (int)s->doc->mentions[bm.tgt].head, tgts, 16);
    else if (psubj >= 0) nt = group_at(s, psubj, tgts, 16);
    if (bm.tgt < 0 && nt == 0) {
        for (int k = 0; k < nlow && nt == 0; k++) {
            int m = s->mention[low[k]];
            if (m < 0) continue;
            bool is_src = false;
            for (int a = 0; a < ns; a++) is_src |= srcs[a] == m;
            if (is_src) continue;
            nt = group_at(s, (int)s->doc->mentions[m].head, tgts, 16);
            if (nt == 0) tgts[nt++] = m;
        }
    }
    for (int a = 0; a < (ns ? ns : 1); a++)
        for (int c = 0; c < (nt ? nt : 1); c++) {
            int sm = ns ? srcs[a] : -1, tm = nt ? tgts[c] : -1;
            emit(s, ev, vs, ve, code, sm, tm, rule, docdate);
            if (code2[0] && sm >= 0 && tm >= 0) emit(s, ev, vs, ve, code2, tm, sm, rule, docdate);
        }
done:
    free(low);
    free(up);
    free(u);
    free(ubest);
}

/* A discard phrase in the token forms of tokens [a, b) (" x y " match). */
static bool has_phrase(const dyad_token *t, int n, const char *phrase) {
    char buf[4096];
    size_t k = 0;
    buf[k++] = ' ';
    for (int i = 0; i < n && k + 70 < sizeof buf; i++) {
        for (const char *f = t[i].form ? t[i].form : ""; *f && k + 2 < sizeof buf; f++)
            buf[k++] = (char)tolower((unsigned char)*f);
        buf[k++] = ' ';
    }
    buf[k] = 0;
    char pat[600];
    snprintf(pat, sizeof pat, " %s ", phrase);
    return strstr(buf, pat) != NULL;
}

static bool discarded(const ev_lexicon *lx, const dyad_doc *doc, const dyad_sentence *se,
                      bool story) {
    for (size_t d = 0; d < lx->discards.len; d++) {
        const char *ph = lx->discards.items[d];
        bool st = ph[0] == '+';
        if (st != story) continue;
        if (st) ph++;
        if (story) {
            for (size_t i = 0; i < doc->nsentences; i++) {
                const dyad_sentence *x = &doc->sentences[i];
                if (has_phrase(doc->tokens + x->first, (int)x->ntokens, ph)) return true;
            }
        } else if (has_phrase(doc->tokens + se->first, (int)se->ntokens, ph)) {
            return true;
        }
    }
    return false;
}

/* PETRARCH codes an agent without a known actor as "---" + agent
 * ("a senior official": ---GOV) and does not guess the country from the
 * rest of the document: such mentions of sentence si get that code. */
static void petr_sector_codes(dyad_doc *doc, uint32_t si) {
    for (size_t m = 0; m < doc->nmentions; m++) {
        dyad_mention *mm = &doc->mentions[m];
        if (mm->sent != si || !mm->sector[0] || !mm->how) continue;
        if (strcmp(mm->how, "context") != 0 && strncmp(mm->how, "sector", 6) != 0) continue;
        char code[16];
        snprintf(code, sizeof code, "---%s", mm->sector);
        mm->code = dyad_doc_strndup(doc, code, strlen(code));
    }
}

/* A mention coded "FRO/BIL/SAM" (one phrase, several actors) becomes one
 * mention per code: copies appended to doc->mentions, chained in *sibp
 * (malloc'd, per mention: the next copy or -1). */
static int split_multi_codes(dyad_doc *doc, int **sibp) {
    size_t extra = 0;
    for (size_t m = 0; m < doc->nmentions; m++) {
        const char *c = doc->mentions[m].code;
        for (; c && *c; c++) extra += *c == '/';
    }
    size_t total = doc->nmentions + extra;
    int *sib = malloc(sizeof(int) * (total ? total : 1));
    if (!sib) return -1;
    for (size_t m = 0; m < total; m++) sib[m] = -1;
    *sibp = sib;
    if (!extra) return 0;
    dyad_mention *ms = dyad_doc_alloc(doc, total * sizeof *ms);
    if (!ms) return -1;
    memcpy(ms, doc->mentions, doc->nmentions * sizeof *ms);
    size_t k = doc->nmentions, n0 = doc->nmentions;
    for (size_t m = 0; m < n0; m++) {
        const char *c = ms[m].code;
        if (!c || !strchr(c, '/')) continue;
        const char *slash = strchr(c, '/');
        ms[m].code = dyad_doc_strndup(doc, c, (size_t)(slash - c));
        size_t prev = m;
        for (const char *p = slash + 1; *p;) {
            const char *e = strchr(p, '/');
            size_t len = e ? (size_t)(e - p) : strlen(p);
            ms[k] = ms[m];
            ms[k].code = dyad_doc_strndup(doc, p, len);
            snprintf(ms[k].country, sizeof ms[k].country, "%.3s", ms[k].code);
            sib[prev] = (int)k;
            prev = k++;
            p = e ? e + 1 : p + len;
        }
    }
    doc->mentions = ms;
    doc->nmentions = k;
    return 0;
}

/* ---- new actors (option new_actor_length) ---- */

static bool np_rel(const dyad_token *t) {
    static const char *const R[] = {"det", "amod", "compound", "nmod:poss", "flat", "appos",
                                    "nummod"};
    for (size_t i = 0; i < sizeof R / sizeof R[0]; i++)
        if (t->deprel && strcmp(t->deprel, R[i]) == 0) return true;
    return false;
}

static bool has_case(const sent *s, int h, const char *w) {
    for (int k = 0; k < s->n; k++)
        if (s->t[k].head == h && rel_starts(&s->t[k], "case") && s->t[k].form &&
            dyad_strcasecmp_ascii(s->t[k].form, w) == 0)
            return true;
    return false;
}

/* The words of the noun phrase of h as PETRARCH's parser would bracket it:
 * determiners, modifiers, possessors, names, appositions and "of" phrases
 * (not other prepositional phrases or clauses); widens [*a, *b]. */
static void np_span(const sent *s, int h, int *a, int *b, int depth) {
    if (h < *a) *a = h;
    if (h > *b) *b = h;
    if (depth > 8) return;
    for (int j = 0; j < s->n; j++) {
        if (s->t[j].head != h) continue;
        bool of = s->t[j].deprel && strcmp(s->t[j].deprel, "nmod") == 0 && has_case(s, j, "of");
        if (np_rel(&s->t[j]) || of) np_span(s, j, a, b, depth + 1);
    }
}

/* A coded actor anywhere in the phrase of h (clauses left out). */
static bool np_has_actor(const sent *s, int h, int depth) {
    if (s->mention[h] >= 0) return true;
    if (depth > 8) return false;
    for (int j = 0; j < s->n; j++)
        if (s->t[j].head == h && !clause_rel(&s->t[j]) && np_has_actor(s, j, depth + 1))
            return true;
    return false;
}

/* A mention of tokens [a, b] of the sentence coded code; -1 on failure. */
static int new_mention(sent *s, int a, int b, int h, const char *code) {
    dyad_doc *doc = s->doc;
    dyad_mention *ms = dyad_doc_alloc(doc, (doc->nmentions + 1) * sizeof *ms);
    if (!ms) return -1;
    memcpy(ms, doc->mentions, doc->nmentions * sizeof *ms);
    dyad_mention *x = &ms[doc->nmentions];
    memset(x, 0, sizeof *x);
    x->sent = s->si;
    x->head = (uint32_t)h;
    x->first = (uint32_t)a;
    x->last = (uint32_t)b;
    x->start = s->t[a].start;
    x->end = s->t[b].end;
    x->text = dyad_doc_strndup(doc, doc->text + x->start, x->end - x->start);
    x->code = dyad_doc_strndup(doc, code, strlen(code));
    x->how = "petrarch:new";
    x->antecedent = -1;
    doc->mentions = ms;
    return (int)doc->nmentions++;
}

/* PETRARCH's new_actor_length: a subject, object or prepositional noun
 * phrase with no actor in it and at most maxw words is an actor named by
 * its words, '"' + upper-case text + '"' ("the Ministry of Magic" ->
 * "THE MINISTRY OF MAGIC"). */
static void new_actors(sent *s, int maxw) {
    for (int h = 0; h < s->n; h++) {
        const dyad_token *t = &s->t[h];
        if (!(t->upos == DYAD_NOUN || t->upos == DYAD_PROPN) || !t->deprel) continue;
        bool rel = rel_starts(t, "nsubj") || strcmp(t->deprel, "obj") == 0 ||
                   strcmp(t->deprel, "iobj") == 0 || strcmp(t->deprel, "obl") == 0 ||
                   (rel_starts(t, "conj") && t->head >= 0 && !is_verb_tok(&s->t[t->head]));
        if (!rel || np_has_actor(s, h, 0)) continue;
        int a = h, b = h;
        np_span(s, h, &a, &b, 0);
        char code[256] = "\"";
        size_t k = 1;
        int words = 0;
        bool taken = false;
        for (int j = a; j <= b; j++) {
            taken |= s->mention[j] >= 0;
            const char *f = s->t[j].form;
            if (!f || strcmp(f, "'s") == 0 || strcmp(f, "'") == 0 || is_punct_tok(&s->t[j]) ||
                (s->t[j].xpos && strcmp(s->t[j].xpos, "POS") == 0))
                continue;
            words++;
            for (const char *c = f; *c && k + 3 < sizeof code; c++)
                code[k++] = (char)toupper((unsigned char)*c);
            if (k + 3 < sizeof code) code[k++] = ' ';
        }
        if (taken || words == 0 || words > maxw) continue;
        code[k - 1] = '"';
        code[k] = 0;
        int m = new_mention(s, a, b, h, code);
        for (int j = a; m >= 0 && j <= b; j++) s->mention[j] = m;
    }
}

int ev_petr_code_doc(const ev_lexicon *lx, const struct dyad_kb *kb, dyad_doc *doc,
                     const char *fallback_date) {
    const petr_dict *d = lx->petr;
    doc->events = NULL;
    doc->nevents = 0;
    if (!d || discarded(lx, doc, NULL, true)) return 0;
    const char *docdate = doc->date ? doc->date : fallback_date;
    if (kb) {
        int date = dyad_kb_parse_date(docdate);
        for (uint32_t si = 0; si < doc->nsentences; si++)
            if (ev_petr_actors(kb, doc, si, date) < 0) return -1;
    }
    int *sib = NULL;
    if (split_multi_codes(doc, &sib) < 0) {
        free(sib);
        return -1;
    }
    int nsib = (int)doc->nmentions;
    ev_event_vec ev = {0};
    for (uint32_t si = 0; si < doc->nsentences; si++) {
        const dyad_sentence *se = &doc->sentences[si];
        if (se->ntokens == 0 || discarded(lx, doc, se, false)) continue;
        sent s = {lx, d, doc, si, doc->tokens + se->first, (int)se->ntokens, NULL, sib, nsib, kb};
        s.mention = malloc(sizeof(int) * (size_t)s.n);
        unsigned char *used = calloc((size_t)s.n, 1);
        if (!s.mention || !used) {
            free(s.mention);
            free(used);
            free(sib);
            DYAD_VEC_FREE(ev);
            return -1;
        }
        for (int j = 0; j < s.n; j++) s.mention[j] = -1;
        petr_sector_codes(doc, si);
        for (size_t m = 0; m < doc->nmentions; m++) {
            const dyad_mention *mm = &doc->mentions[m];
            if (mm->sent != si || !mm->code || !mm->code[0] || strcmp(mm->code, "---") == 0)
                continue;
            /* PETRARCH does not resolve pronouns or descriptions */
            if (mm->how && strncmp(mm->how, "coref", 5) == 0) continue;
            for (uint32_t j = mm->first; j <= mm->last && (int)j < s.n; j++) {
                int o = s.mention[j];
                if (o < 0 || doc->mentions[o].last - doc->mentions[o].first > mm->last - mm->first)
                    s.mention[j] = (int)m;
            }
        }
        if (d->new_actor_length > 0) new_actors(&s, d->new_actor_length);
        for (int i = 0; i < s.n; i++) {
            if (used[i]) continue;
            int vs = i, ve = i, ents[8];
            int nents = verb_entries(&s, i, &vs, &ve, ents, 8);
            if (nents == 0) continue;
            if (!is_verb_tok(&s.t[i])) s.mention[i] = -1;     /* a missed verb */
            code_verb(&s, &ev, i, ents, nents, vs, ve, used, docdate);
        }
        free(s.mention);
        free(used);
    }
    free(sib);
    return ev_doc_set_events(doc, &ev);
}
