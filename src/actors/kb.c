/*
 * kb.c -- the actor knowledge base: loading the dyad KB files and PETRARCH
 * actor/agent dictionaries into one in-memory index, and looking names up.
 *
 * How it works.  Every name (country, demonym, seat, organisation, person,
 * PETRARCH actor phrase, agent noun, sector noun) is split into words the
 * way the tokenizer splits text ("Colombia's" -> "Colombia" "'s"), each word
 * is normalised (lower case, periods dropped so "U.S." = "US", accents
 * folded) and the name is chained into a hash table keyed on its first
 * word.  A lookup normalises the first text word, walks that chain and keeps
 * the longest name whose words all match.  Acronyms written in upper case in
 * a dyad file ("US", "UN") only match upper-case text ("us" is a pronoun),
 * and actor names need a capitalised first word in the text; agent nouns
 * match in any case; at equal length an actor name beats an agent noun.
 * Names are split like the tokenizer splits text: possessives and hyphens
 * ("Guinea-Bissau" -> Guinea - Bissau) become words of their own.  Places
 * ("place CCC names" lines) are cities and regions coded with their country,
 * possibly dated.  All strings live in the KB's arena.
 *
 * File formats: the dyad format is described in data/actors/countries.txt
 * and people.txt; sectors.txt in its own header; PETRARCH actors and agents
 * in ../shared/eval/petrarch2/dictionaries.rst.  See docs/actors.md.
 */
#include "actors/actors.h"

#include <ctype.h>
#include <strings.h>
#include <dirent.h>
#include <stdio.h>
#include <time.h>
#include <utf8proc.h>

#define KB_MAXW 24            /* longest name, in words */

typedef struct kb_name {
    const char **w;           /* normalised words */
    uint32_t acro;            /* bit j: word j must be upper case in text */
    uint8_t n;
    bool proper;              /* actor name: first text word capitalised */
    int entry;
    int next;                 /* next name in the hash chain, -1 at end */
} kb_name;

struct dyad_kb {
    dyad_arena *arena;
    DYAD_VEC(kb_entry) entries;
    DYAD_VEC(kb_name) names;
    int *buckets;             /* heads of chains, -1 empty */
    size_t nbuckets;          /* power of two */
};

/* ---- small helpers ---- */

static uint64_t hash_str(const char *s) {
    uint64_t h = 0xcbf29ce484222325ULL;
    for (; *s; s++) {
        h ^= (unsigned char)*s;
        h *= 0x100000001b3ULL;
    }
    return h ^ (h >> 29);
}

const char *dyad_kb_norm(const char *word, char *out, size_t size) {
    size_t j = 0;
    bool wide = false;
    for (const char *p = word; *p && j + 1 < size; p++) {
        unsigned char c = (unsigned char)*p;
        if (c == '.' && word[1]) continue;          /* "U.S." -> "us" */
        if (c >= 0x80) wide = true;
        out[j++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
    }
    out[j] = '\0';
    if (j == 0) snprintf(out, size, "%s", word);
    if (!wide) return out;
    utf8proc_uint8_t *m = NULL;
    utf8proc_ssize_t r = utf8proc_map((const utf8proc_uint8_t *)out, 0, &m,
                                      UTF8PROC_NULLTERM | UTF8PROC_STABLE |
                                          UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD |
                                          UTF8PROC_STRIPMARK);
    if (r >= 0 && m) {
        /* typographic apostrophe -> ASCII */
        char *s = (char *)m, *d = out, *end = out + size - 1;
        while (*s && d < end) {
            if ((unsigned char)s[0] == 0xE2 && (unsigned char)s[1] == 0x80 &&
                ((unsigned char)s[2] == 0x99 || (unsigned char)s[2] == 0x98)) {
                *d++ = '\'';
                s += 3;
            } else {
                *d++ = *s++;
            }
        }
        *d = '\0';
    }
    free(m);
    return out;
}

int dyad_kb_parse_date(const char *s) {
    int y, m, d;
    if (!s || sscanf(s, "%4d-%2d-%2d", &y, &m, &d) != 3) return 0;
    if (y < 1 || m < 1 || m > 12 || d < 1 || d > 31) return 0;
    return y * 10000 + m * 100 + d;
}

/* PETRARCH dates: YYMMDD (two-digit years below 30 are 20xx) or YYYYMMDD. */
static int petr_date(const char *s, size_t n) {
    for (size_t i = 0; i < n; i++)
        if (!isdigit((unsigned char)s[i])) return 0;
    int v = 0;
    for (size_t i = 0; i < n; i++) v = v * 10 + (s[i] - '0');
    if (n == 6) {
        int yy = v / 10000;
        return (yy < 30 ? 20000000 : 19000000) + v;
    }
    return n == 8 ? v : 0;
}

/* ---- building ---- */

dyad_kb *dyad_kb_new(void) {
    dyad_kb *kb = calloc(1, sizeof *kb);
    if (!kb) return NULL;
    kb->arena = dyad_arena_new();
    if (!kb->arena) {
        free(kb);
        return NULL;
    }
    return kb;
}

void dyad_kb_free(void *p) {
    dyad_kb *kb = p;
    if (!kb) return;
    DYAD_VEC_FREE(kb->entries);
    DYAD_VEC_FREE(kb->names);
    free(kb->buckets);
    dyad_arena_free(kb->arena);
    free(kb);
}

size_t dyad_kb_nnames(const dyad_kb *kb) { return kb->names.len; }
size_t dyad_kb_nentries(const dyad_kb *kb) { return kb->entries.len; }
const kb_entry *dyad_kb_entry(const dyad_kb *kb, int idx) {
    return idx >= 0 && (size_t)idx < kb->entries.len ? &kb->entries.items[idx] : NULL;
}

static int rehash(dyad_kb *kb, size_t nb) {
    int *b = malloc(nb * sizeof *b);
    if (!b) return -1;
    for (size_t i = 0; i < nb; i++) b[i] = -1;
    for (size_t i = 0; i < kb->names.len; i++) {
        kb_name *nm = &kb->names.items[i];
        size_t h = hash_str(nm->w[0]) & (nb - 1);
        nm->next = b[h];
        b[h] = (int)i;
    }
    free(kb->buckets);
    kb->buckets = b;
    kb->nbuckets = nb;
    return 0;
}

static int add_entry(dyad_kb *kb, int kind, const char *code, const char *name) {
    kb_entry e = {0};
    e.kind = kind;
    e.code = code && *code ? dyad_arena_strdup(kb->arena, code) : NULL;
    e.name = dyad_arena_strdup(kb->arena, name ? name : "");
    if (DYAD_VEC_PUSH(kb->entries, e) < 0) return -1;
    return (int)kb->entries.len - 1;
}

static bool is_acronym(const char *w) {
    int up = 0;
    for (const char *p = w; *p; p++) {
        if (*p >= 'a' && *p <= 'z') return false;
        if (*p >= 'A' && *p <= 'Z') up++;
    }
    return up >= 2 && up <= 6;
}

/* Prefixes the tokenizer keeps joined to a hyphenated word (src/tokens.c:
 * "anti-war", "Vice-President"); every other hyphen between letters is a
 * token of its own ("Guinea - Bissau", "al - Shabab"). */
static const char *const HYPHEN_PREFIXES[] = {
    "anti", "co", "counter", "cross", "de", "e", "ex", "extra", "inter", "intra",
    "mid", "multi", "neo", "non", "over", "post", "pre", "pro", "re", "semi",
    "sub", "super", "trans", "ultra", "un", "under", "vice", "x",
};

static bool split_hyphen_at(const char *w, size_t i, size_t len) {
    if (w[i] != '-' || i == 0 || i + 1 >= len) return false;
    bool dl = w[i - 1] >= '0' && w[i - 1] <= '9', dr = w[i + 1] >= '0' && w[i + 1] <= '9';
    if (dl && dr) return false;                           /* 2026-02-03 */
    unsigned char nx = (unsigned char)w[i + 1];
    bool letter = (nx >= 'A' && nx <= 'Z') || (nx >= 'a' && nx <= 'z') || nx >= 0x80;
    if (!letter) return true;
    for (size_t k = 0; k < DYAD_ARRAY_LEN(HYPHEN_PREFIXES); k++)
        if (strlen(HYPHEN_PREFIXES[k]) == i && strncasecmp(HYPHEN_PREFIXES[k], w, i) == 0)
            return false;                                  /* anti-war */
    return true;
}

/* The words of a name being split: output buffer and word pointers. */
typedef struct name_words {
    char *buf;
    size_t size, used;
    char **w;
    size_t n, max;
} name_words;

static bool push_word(name_words *nw, const char *s, size_t len) {
    if (nw->n >= nw->max || nw->used + len + 1 > nw->size) return false;
    memcpy(nw->buf + nw->used, s, len);
    nw->buf[nw->used + len] = '\0';
    nw->w[nw->n++] = nw->buf + nw->used;
    nw->used += len + 1;
    return true;
}

/* One blank-separated word: hyphens and a trailing possessive split off. */
static bool push_split_word(name_words *nw, const char *start, size_t len) {
    size_t poss = len;                    /* where a trailing possessive starts */
    if (len > 2 && start[len - 2] == '\'' && (start[len - 1] == 's' || start[len - 1] == 'S'))
        poss = len - 2;
    else if (len > 1 && start[len - 1] == '\'')
        poss = len - 1;
    size_t from = 0;
    for (size_t i = 0; i < poss; i++) {
        if (!split_hyphen_at(start, i, poss)) continue;
        if (!push_word(nw, start + from, i - from) || !push_word(nw, "-", 1)) return false;
        from = i + 1;
    }
    if (!push_word(nw, start + from, poss - from)) return false;
    return poss == len || push_word(nw, start + poss, len - poss);
}

/* Splits a name into words like the tokenizer does ("Colombia's" ->
 * "Colombia" "'s", "Guinea-Bissau" -> "Guinea" "-" "Bissau"); the words are
 * written NUL-terminated into buf (size bytes, owned by the caller) and
 * pointed to by w.  The name itself is not modified, so a possessive inside
 * it ("People's Republic") never runs over the next word.  Returns the
 * count; a name too long for buf or max words is cut at a word boundary. */
static size_t split_name(const char *s, char *buf, size_t size, char **w, size_t max) {
    name_words nw = {buf, size, 0, w, 0, max};
    const char *p = s;
    while (*p) {
        while (*p == ' ' || *p == '_' || *p == '\t') p++;
        if (!*p) break;
        const char *start = p;
        while (*p && *p != ' ' && *p != '_' && *p != '\t') p++;
        const char *end = p;
        while (start < end && (*start == '(' || *start == '"')) start++;
        while (end > start && (end[-1] == ')' || end[-1] == ',' || end[-1] == '"')) end--;
        if (end == start) continue;
        size_t keep = nw.n, used = nw.used;
        if (!push_split_word(&nw, start, (size_t)(end - start))) {
            nw.n = keep;                  /* a word that does not fit: drop it whole */
            nw.used = used;
            break;
        }
    }
    return nw.n;
}

/* Adds one name for entry; exact_case: the source writes case (dyad files). */
static int add_name(dyad_kb *kb, const char *name, int entry, bool proper,
                    bool exact_case) {
    char buf[1100];
    char *w[KB_MAXW];
    size_t n = split_name(name, buf, sizeof buf, w, KB_MAXW);
    if (n == 0) return 0;
    kb_name nm = {0};
    nm.w = dyad_arena_alloc(kb->arena, n * sizeof *nm.w);
    if (!nm.w) return -1;
    for (size_t j = 0; j < n; j++) {
        char norm[256];
        nm.w[j] = dyad_arena_strdup(kb->arena, dyad_kb_norm(w[j], norm, sizeof norm));
        if (!nm.w[j]) return -1;
        if (exact_case && is_acronym(w[j])) nm.acro |= 1u << j;
    }
    nm.n = (uint8_t)n;
    nm.proper = proper;
    nm.entry = entry;
    if (DYAD_VEC_PUSH(kb->names, nm) < 0) return -1;
    if (kb->names.len > kb->nbuckets)
        return rehash(kb, kb->nbuckets ? kb->nbuckets * 4 : 4096);
    kb_name *last = &kb->names.items[kb->names.len - 1];
    size_t h = hash_str(last->w[0]) & (kb->nbuckets - 1);
    last->next = kb->buckets[h];
    kb->buckets[h] = (int)kb->names.len - 1;
    return 0;
}

static int add_role(dyad_kb *kb, int entry, const char *code, int from, int to) {
    kb_entry *e = &kb->entries.items[entry];
    kb_role *r = dyad_arena_alloc(kb->arena, (e->nroles + 1) * sizeof *r);
    if (!r) return -1;
    if (e->nroles) memcpy(r, e->roles, e->nroles * sizeof *r);
    r[e->nroles].code = dyad_arena_strdup(kb->arena, code);
    r[e->nroles].from = from;
    r[e->nroles].to = to;
    e->roles = r;
    e->nroles++;
    return 0;
}

/* ---- lookup ---- */

static bool capitalised(const char *w) {
    unsigned char c = (unsigned char)w[0];
    return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0x80;
}

static bool has_lower(const char *w) {
    for (; *w; w++)
        if (*w >= 'a' && *w <= 'z') return true;
    return false;
}

size_t dyad_kb_match(const dyad_kb *kb, const char *const *w, size_t n,
                     bool proper_ok, bool agents_ok, int *entry) {
    if (!kb->nbuckets || n == 0) return 0;
    if (n > KB_MAXW) n = KB_MAXW;
    char norm[KB_MAXW][128];
    size_t have = 0;
    dyad_kb_norm(w[0], norm[0], sizeof norm[0]);
    have = 1;
    size_t best = 0;
    bool best_agent = false;
    int h = kb->buckets[hash_str(norm[0]) & (kb->nbuckets - 1)];
    for (; h >= 0; h = kb->names.items[h].next) {
        const kb_name *nm = &kb->names.items[h];
        /* equal length: a capitalised actor name beats a sector noun
         * ("Security Council" the UN body, not any council) */
        if (nm->n > n || nm->n < best || (nm->n == best && !(best_agent && nm->proper)))
            continue;
        if (nm->proper ? !proper_ok : !agents_ok) continue;
        if (nm->proper && !capitalised(w[0])) continue;
        size_t j = 0;
        for (; j < nm->n; j++) {
            while (have <= j) {
                dyad_kb_norm(w[have], norm[have], sizeof norm[have]);
                have++;
            }
            if (strcmp(nm->w[j], norm[j]) != 0) break;
            if ((nm->acro >> j & 1u) && has_lower(w[j])) break;
        }
        if (j < nm->n) continue;
        best = nm->n;
        best_agent = !nm->proper;
        *entry = nm->entry;
    }
    return best;
}

static const char *const SECTORS[] = {
    "GOV", "MIL", "REB", "OPP", "PTY", "COP", "JUD", "SPY", "MED", "EDU", "BUS",
    "CRM", "CVL", "LEG", "HLH", "LAB", "REF", "ELI", "AGR", "ENV", "HRI", "INS",
    "UAF", "DEV", "MOD", "RAD", "REL", "SEP", "IRC", "NGM", "PPL", "PRO", "SOC",
    "MUS", "CHR", "JEW", "HIN", "BUD",
};

static bool is_sector(const char *s) {
    for (size_t i = 0; i < DYAD_ARRAY_LEN(SECTORS); i++)
        if (strncmp(s, SECTORS[i], 3) == 0) return true;
    return false;
}

/* Fills country/sector of c from c->code. */
static void split_code(kb_code *c, int kind) {
    size_t n = strlen(c->code);
    if (kind == KB_AGENT) {
        if (n >= 3) memcpy(c->sector, c->code, 3);
        return;
    }
    if (n >= 3) memcpy(c->country, c->code, 3);
    for (size_t i = 3; i + 3 <= n; i += 3)
        if (is_sector(c->code + i)) {
            memcpy(c->sector, c->code + i, 3);
            break;
        }
}

static long day_num(int d) { return (d / 10000) * 372L + (d / 100 % 100) * 31L + d % 100; }

kb_code dyad_kb_code(const dyad_kb *kb, int entry, int date) {
    kb_code c = {0};
    const kb_entry *e = dyad_kb_entry(kb, entry);
    if (!e) return c;
    const char *code = NULL;
    for (size_t i = 0; i < e->nroles && !code; i++) {
        const kb_role *r = &e->roles[i];
        if ((r->from == 0 || date >= r->from) && (r->to == 0 || date <= r->to))
            code = r->code;
    }
    if (!code) code = e->code;
    if (code) {
        snprintf(c.code, sizeof c.code, "%s", code);
        split_code(&c, e->kind);
        return c;
    }
    if (e->nroles == 0) return c;
    /* Out of every role: keep the country of the nearest role, no sector. */
    long best = -1;
    const kb_role *near = NULL;
    for (size_t i = 0; i < e->nroles; i++) {
        const kb_role *r = &e->roles[i];
        long d = r->from && date < r->from ? day_num(r->from) - day_num(date)
               : r->to && date > r->to   ? day_num(date) - day_num(r->to) : 0;
        if (best < 0 || d < best) {
            best = d;
            near = r;
        }
    }
    if (near && strlen(near->code) >= 3) {
        memcpy(c.country, near->code, 3);
        memcpy(c.code, near->code, 3);
        c.out_of_role = true;
    }
    return c;
}

static long role_distance(const kb_role *r, int date) {
    if (r->from && date < r->from) return day_num(r->from) - day_num(date);
    if (r->to && date > r->to) return day_num(date) - day_num(r->to);
    return 0;
}

kb_code dyad_kb_code_sector(const dyad_kb *kb, int entry, int date, const char *sector) {
    kb_code best = {0};
    const kb_entry *e = dyad_kb_entry(kb, entry);
    if (!e || !sector || !sector[0]) return best;
    long bestd = -1;
    for (size_t i = 0; i < e->nroles; i++) {
        kb_code c = {0};
        snprintf(c.code, sizeof c.code, "%s", e->roles[i].code);
        split_code(&c, e->kind);
        if (strcmp(c.sector, sector) != 0) continue;
        long d = role_distance(&e->roles[i], date);
        if (bestd < 0 || d < bestd) {
            bestd = d;
            best = c;
        }
    }
    return best;
}

/* ---- loaders ---- */

static void bad_line(const char *path, long line, const char *what, int *nbad) {
    fprintf(stderr, "dyad: %s:%ld: %s (line skipped)\n", path, line, what);
    (*nbad)++;
}

static char *trim(char *s) {
    while (*s == ' ' || *s == '\t' || *s == '\r') s++;
    char *e = s + strlen(s);
    while (e > s && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\r' || e[-1] == '\n'))
        *--e = '\0';
    return s;
}

static void strip_comment(char *s) {
    char *h = strchr(s, '#');
    if (h) *h = '\0';
}

/* Adds each " | "-separated name of list to entry. */
static int add_name_list(dyad_kb *kb, char *list, int entry, bool proper) {
    char *p = list;
    while (p) {
        char *bar = strstr(p, " | ");
        if (bar) *bar = '\0';
        char *nm = trim(p);
        if (*nm && add_name(kb, nm, entry, proper, true) < 0) return -1;
        p = bar ? bar + 3 : NULL;
    }
    return 0;
}

/* Next space-separated field of *s (NUL-terminated in place), or NULL. */
static char *next_field(char **s) {
    char *p = *s;
    while (*p == ' ' || *p == '\t') p++;
    if (!*p) return NULL;
    char *f = p;
    while (*p && *p != ' ' && *p != '\t') p++;
    if (*p) *p++ = '\0';
    *s = p;
    return f;
}

static bool is_code(const char *s) {
    size_t n = strlen(s);
    if (n < 3 || n > 30) return false;
    for (const char *p = s; *p; p++)
        if (!((*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9'))) return false;
    return true;
}

/* PETRARCH "FRO/BIL/SAM": a phrase naming several actors at once. */
static bool is_code_list(const char *s) {
    char buf[64];
    if (strlen(s) >= sizeof buf) return false;
    snprintf(buf, sizeof buf, "%s", s);
    for (char *p = buf, *slash; p; p = slash ? slash + 1 : NULL) {
        slash = strchr(p, '/');
        if (slash) *slash = '\0';
        if (!is_code(p)) return false;
    }
    return true;
}

/* Indented line of a dyad block: adj / seat / role. */
/* "also CCC [CCC ...]" under a seat or place line: the names of that line
 * also name places of those countries ("Tripoli": Libya's seat and a city
 * of Lebanon); the resolver picks the country the document speaks of.
 * Applies to the entry added last.  0, or -1 on out-of-memory. */
static int dyad_also_line(dyad_kb *kb, char *rest, const char *path, long ln, int *nbad) {
    kb_entry *e = kb->entries.len ? &kb->entries.items[kb->entries.len - 1] : NULL;
    if (!e || (e->kind != KB_SEAT && e->kind != KB_PLACE)) {
        bad_line(path, ln, "'also' must follow a seat or place line", nbad);
        return 0;
    }
    char buf[64] = "";
    size_t n = 0;
    for (char *c; (c = next_field(&rest));) {
        if (strlen(c) != 3 || !is_code(c) || n + 4 >= sizeof buf) {
            bad_line(path, ln, "'also' needs 3-letter country codes", nbad);
            return 0;
        }
        n += (size_t)snprintf(buf + n, sizeof buf - n, "%s%s", n ? " " : "", c);
    }
    if (!n) { bad_line(path, ln, "'also' without a country code", nbad); return 0; }
    e->also = dyad_arena_strdup(kb->arena, buf);
    return e->also ? 0 : -1;
}

static int dyad_subline(dyad_kb *kb, char *s, int entry, const char *ccode,
                        const char *path, long ln, int *nbad) {
    char *rest = s;
    char *kw = next_field(&rest);
    if (!kw) return 0;
    if (strcmp(kw, "adj") == 0) {
        if (!ccode) { bad_line(path, ln, "'adj' outside a country block", nbad); return 0; }
        int e = add_entry(kb, KB_ADJ, ccode, rest);
        return e < 0 ? -1 : add_name_list(kb, rest, e, true);
    }
    if (strcmp(kw, "seat") == 0) {
        char *sec = next_field(&rest);
        if (!ccode || !sec || !is_code(sec)) {
            bad_line(path, ln, "'seat' needs a country block and a sector", nbad);
            return 0;
        }
        char code[40];
        snprintf(code, sizeof code, "%s%s", ccode, sec);
        int e = add_entry(kb, KB_SEAT, code, rest);
        return e < 0 ? -1 : add_name_list(kb, rest, e, true);
    }
    if (strcmp(kw, "also") == 0) return dyad_also_line(kb, rest, path, ln, nbad);
    if (entry < 0 || !is_code(kw)) {
        bad_line(path, ln, "expected adj, seat, also or a role 'CODE FROM TO'", nbad);
        return 0;
    }
    char *f = next_field(&rest), *t = next_field(&rest);
    int from = 0, to = 0;
    if (f && strcmp(f, "-") != 0 && !(from = dyad_kb_parse_date(f))) {
        bad_line(path, ln, "bad FROM date (want YYYY-MM-DD or -)", nbad);
        return 0;
    }
    if (t && strcmp(t, "-") != 0 && !(to = dyad_kb_parse_date(t))) {
        bad_line(path, ln, "bad TO date (want YYYY-MM-DD or -)", nbad);
        return 0;
    }
    return add_role(kb, entry, kw, from, to);
}

/* "place CCC  City | Region ...": a place named in news for its country
 * (data/actors/places.txt).  Indented role lines may date the country
 * ("SDN - 2011-07-08" for Juba).  Returns the entry, -2 for a bad line
 * (reported), -1 on out-of-memory. */
static int dyad_place_entry(dyad_kb *kb, char **rest, const char *path, long ln,
                            int *nbad) {
    char *code = next_field(rest);
    if (!code || strlen(code) != 3 || !is_code(code)) {
        bad_line(path, ln, "'place' needs a 3-letter country code", nbad);
        return -2;
    }
    if (!*trim(*rest)) {
        bad_line(path, ln, "'place' without a name", nbad);
        return -2;
    }
    return add_entry(kb, KB_PLACE, code, *rest);
}

static int load_dyad(dyad_kb *kb, char *text, const char *path) {
    int nbad = 0, entry = -1;
    char ccode[8] = "";
    long ln = 0;
    for (char *line = text, *nl; line; line = nl) {
        nl = strchr(line, '\n');
        if (nl) *nl++ = '\0';
        ln++;
        strip_comment(line);
        bool indented = line[0] == ' ' || line[0] == '\t';
        char *s = trim(line);
        if (!*s || s[0] == '<') continue;      /* blank, <!-- comment --> */
        if (indented) {
            if (dyad_subline(kb, s, entry, ccode[0] ? ccode : NULL, path, ln, &nbad) < 0)
                return -1;
            continue;
        }
        char *rest = s;
        char *kw = next_field(&rest);
        entry = -1;
        ccode[0] = '\0';
        if (strcmp(kw, "country") == 0 || strcmp(kw, "org") == 0) {
            char *code = next_field(&rest);
            if (!code || !is_code(code)) {
                bad_line(path, ln, "expected a CODE after the keyword", &nbad);
                continue;
            }
            bool country = kw[0] == 'c';
            if (country) snprintf(ccode, sizeof ccode, "%.3s", code);
            entry = add_entry(kb, country ? KB_COUNTRY : KB_ORG, code, rest);
        } else if (strcmp(kw, "person") == 0) {
            entry = add_entry(kb, KB_PERSON, NULL, rest);
        } else if (strcmp(kw, "place") == 0) {
            entry = dyad_place_entry(kb, &rest, path, ln, &nbad);
            if (entry == -2) { entry = -1; continue; }
        } else {
            bad_line(path, ln, "unknown keyword (want country, org, person or place)", &nbad);
            continue;
        }
        if (entry < 0 || add_name_list(kb, rest, entry, true) < 0) return -1;
    }
    return nbad;
}

/* sectors.txt: "SECTOR  noun | noun phrase | ..." with regular plurals. */
static int add_agent_phrase(dyad_kb *kb, const char *phrase, int entry, bool plural);

static int load_sectors(dyad_kb *kb, char *text, const char *path) {
    int nbad = 0;
    long ln = 0;
    for (char *line = text, *nl; line; line = nl) {
        nl = strchr(line, '\n');
        if (nl) *nl++ = '\0';
        ln++;
        strip_comment(line);
        char *s = trim(line);
        if (!*s) continue;
        char *rest = s;
        char *code = next_field(&rest);
        if (!is_code(code) || !*trim(rest)) {
            bad_line(path, ln, "expected 'SECTOR  noun | noun ...'", &nbad);
            continue;
        }
        int e = add_entry(kb, KB_AGENT, code, rest);
        if (e < 0) return -1;
        char *p = rest;
        while (p) {
            char *bar = strstr(p, " | ");
            if (bar) *bar = '\0';
            char *nm = trim(p);
            if (*nm && add_agent_phrase(kb, nm, e, true) < 0) return -1;
            p = bar ? bar + 3 : NULL;
        }
    }
    return nbad;
}

/* Regular plural of the last word (PETRARCH rules: +S, Y->IES, SS->SES). */
static void regular_plural(const char *phrase, char *out, size_t size) {
    size_t n = strlen(phrase);
    if (n == 0) { out[0] = '\0'; return; }
    char last = (char)tolower((unsigned char)phrase[n - 1]);
    char prev = n > 1 ? (char)tolower((unsigned char)phrase[n - 2]) : 0;
    if (last == 'y' && prev && !strchr("aeiou", prev))
        snprintf(out, size, "%.*sies", (int)(n - 1), phrase);
    else if (last == 's' || last == 'x' || (last == 'h' && (prev == 'c' || prev == 's')))
        snprintf(out, size, "%ses", phrase);
    else
        snprintf(out, size, "%ss", phrase);
}

static int add_agent_phrase(dyad_kb *kb, const char *phrase, int entry, bool plural) {
    if (add_name(kb, phrase, entry, false, false) < 0) return -1;
    if (!plural) return 0;
    char pl[512];
    regular_plural(phrase, pl, sizeof pl);
    return add_name(kb, pl, entry, false, false);
}

/* PETRARCH agents: "PHRASE {PLURALS} [~CODE]", "!SET! = A, B". */
typedef struct subst { char name[32]; char *items[16]; size_t n; } subst;

static int petr_agent_line(dyad_kb *kb, char *s, subst *subs, size_t nsubs,
                           const char *path, long ln, int *nbad) {
    char *lb = strchr(s, '['), *rb = lb ? strchr(lb, ']') : NULL;
    if (!lb) rb = NULL;
    if (!rb) {
        /* "[~LEG}" typo in the docs: accept '}' as closing too */
        rb = lb ? strchr(lb, '}') : NULL;
    }
    if (!lb || !rb) { bad_line(path, ln, "agent line without [CODE]", nbad); return 0; }
    *rb = '\0';
    char *code = trim(lb + 1);
    *lb = '\0';
    bool prefix = false;
    if (code[0] == '~') code++;
    else if (*code && code[strlen(code) - 1] == '~') { code[strlen(code) - 1] = '\0'; prefix = true; }
    if (!is_code(code)) { bad_line(path, ln, "bad agent code", nbad); return 0; }
    char *plurals = NULL;
    char *lc = strchr(s, '{');
    bool auto_plural = true;
    if (lc) {
        char *rc = strchr(lc, '}');
        if (!rc) { bad_line(path, ln, "unclosed {", nbad); return 0; }
        *rc = '\0';
        *lc = '\0';
        plurals = trim(lc + 1);
        auto_plural = false;
    }
    char *phrase = trim(s);
    if (!*phrase) { bad_line(path, ln, "agent line without a phrase", nbad); return 0; }
    int e = add_entry(kb, KB_AGENT, code, phrase);
    if (e < 0) return -1;
    kb->entries.items[e].agent_prefix = prefix;
    /* substitution set? */
    char *b1 = strchr(phrase, '!'), *b2 = b1 ? strchr(b1 + 1, '!') : NULL;
    if (b1 && b2) {
        size_t ln2 = (size_t)(b2 - b1 + 1);
        for (size_t k = 0; k < nsubs; k++) {
            if (strlen(subs[k].name) != ln2 || strncmp(subs[k].name, b1, ln2) != 0) continue;
            for (size_t j = 0; j < subs[k].n; j++) {
                char buf[512];
                snprintf(buf, sizeof buf, "%.*s%s%s", (int)(b1 - phrase), phrase,
                         subs[k].items[j], b2 + 1);
                if (add_agent_phrase(kb, buf, e, false) < 0) return -1;
            }
            return 0;
        }
        bad_line(path, ln, "unknown !substitution! set", nbad);
        return 0;
    }
    if (add_agent_phrase(kb, phrase, e, auto_plural) < 0) return -1;
    if (plurals) {
        char *rest = plurals, *f;
        while ((f = next_field(&rest)) != NULL)
            if (add_agent_phrase(kb, f, e, false) < 0) return -1;
    }
    return 0;
}

static int load_petr_agents(dyad_kb *kb, char *text, const char *path) {
    int nbad = 0;
    long ln = 0;
    subst subs[8];
    size_t nsubs = 0;
    for (char *line = text, *nl; line; line = nl) {
        nl = strchr(line, '\n');
        if (nl) *nl++ = '\0';
        ln++;
        strip_comment(line);
        char *s = trim(line);
        if (!*s || strncmp(s, "<!--", 4) == 0) continue;
        char *eq = strchr(s, '=');
        if (s[0] == '!' && eq) {
            if (nsubs == DYAD_ARRAY_LEN(subs)) { bad_line(path, ln, "too many sets", &nbad); continue; }
            *eq = '\0';
            subst *st = &subs[nsubs];
            snprintf(st->name, sizeof st->name, "%s", trim(s));
            st->n = 0;
            char *p = eq + 1;
            for (char *tok = strtok(p, ","); tok && st->n < 16; tok = strtok(NULL, ","))
                st->items[st->n++] = dyad_arena_strdup(kb->arena, trim(tok));
            nsubs++;
            continue;
        }
        if (petr_agent_line(kb, s, subs, nsubs, path, ln, &nbad) < 0) return -1;
    }
    return nbad;
}

/* One "[CODE restriction]" of a PETRARCH actor record. */
static int petr_code(dyad_kb *kb, int entry, char *c, const char *path, long ln,
                     int *nbad) {
    char *rest = c;
    char *code = next_field(&rest);
    /* the restriction, spaces dropped ("> 140608" = ">140608") */
    char rbuf[64];
    size_t rn = 0;
    for (char *q = rest; *q && rn + 1 < sizeof rbuf; q++)
        if (*q != ' ' && *q != '\t') rbuf[rn++] = *q;
    rbuf[rn] = '\0';
    char *restr = rn ? rbuf : NULL;
    if (!code) { bad_line(path, ln, "empty [ ]", nbad); return 0; }
    bool null_code = strcmp(code, "---") == 0;
    if (!null_code && !is_code_list(code)) { bad_line(path, ln, "bad actor code", nbad); return 0; }
    if (!restr) {
        kb_entry *e = &kb->entries.items[entry];
        if (!e->code && !null_code) e->code = dyad_arena_strdup(kb->arena, code);
        return 0;
    }
    int from = 0, to = 0;
    char *dash = strchr(restr, '-');
    if (restr[0] == '<') to = petr_date(restr + 1, strlen(restr + 1));
    else if (restr[0] == '>') from = petr_date(restr + 1, strlen(restr + 1));
    else if (dash) {
        from = petr_date(restr, (size_t)(dash - restr));
        to = petr_date(dash + 1, strlen(dash + 1));
        if (!from || !to) from = to = 0;
    } else {
        from = petr_date(restr, strlen(restr));   /* a bare date: from then on */
    }
    if (!from && !to) { bad_line(path, ln, "bad date restriction", nbad); return 0; }
    return add_role(kb, entry, null_code ? "---" : code, from, to);
}

/* All "[...]" groups in s: codes of entry. */
static int petr_codes(dyad_kb *kb, int entry, char *s, const char *path, long ln,
                      int *nbad) {
    char *p = s;
    while ((p = strchr(p, '[')) != NULL) {
        char *q = strchr(p, ']');
        if (!q) { bad_line(path, ln, "unclosed [", nbad); return 0; }
        *q = '\0';
        if (petr_code(kb, entry, p + 1, path, ln, nbad) < 0) return -1;
        p = q + 1;
    }
    return 0;
}

/* A PETRARCH record whose only code is a bare country ("SERBIA_ [SRB]",
 * "+SERBIAN_") names a country: it then combines with sector nouns like
 * the dyad country entries do ("Serbian president" -> SRBGOV). */
static void petr_kind(dyad_kb *kb, int entry) {
    kb_entry *e = &kb->entries.items[entry];
    if (e->code && strlen(e->code) == 3 && e->nroles == 0) e->kind = KB_COUNTRY;
}

static int load_petr_actors(dyad_kb *kb, char *text, const char *path) {
    int nbad = 0, entry = -1;
    long ln = 0;
    /* Names are added once the block is complete, so a block whose code
     * comes on its restriction lines is known when its names are indexed. */
    DYAD_VEC(char *) pending = {0};
    int rc = 0;
    for (char *line = text, *nl; line && rc == 0; line = nl) {
        nl = strchr(line, '\n');
        if (nl) *nl++ = '\0';
        ln++;
        strip_comment(line);
        char *semi = strchr(line, ';');
        if (semi) *semi = '\0';
        bool indented = line[0] == ' ' || line[0] == '\t';
        char *s = trim(line);
        if (!*s || s[0] == '<') continue;      /* blank, <!-- comment --> */
        if (s[0] == '+' || (indented && s[0] == '[')) {
            if (entry < 0) { bad_line(path, ln, "synonym or code before any actor", &nbad); continue; }
            if (s[0] == '+') {
                char *lb = strchr(s, '[');
                if (lb) { rc = petr_codes(kb, entry, lb, path, ln, &nbad); *lb = '\0'; }
                char *nm = trim(s + 1);
                if (*nm && DYAD_VEC_PUSH(pending, nm) < 0) rc = -1;
            } else {
                rc = petr_codes(kb, entry, s, path, ln, &nbad);
            }
            continue;
        }
        /* a new primary phrase: flush the previous block */
        if (entry >= 0) {
            petr_kind(kb, entry);
            const kb_entry *e = &kb->entries.items[entry];
            bool coded = e->code || e->nroles;
            for (size_t i = 0; coded && i < pending.len && rc == 0; i++)
                rc = add_name(kb, pending.items[i], entry, true, false);
        }
        pending.len = 0;
        char *lb = strchr(s, '[');
        if (lb) *lb = '\0';
        char *nm = trim(s);
        if (!*nm) { bad_line(path, ln, "actor line without a phrase", &nbad); entry = -1; continue; }
        entry = add_entry(kb, KB_ORG, NULL, nm);
        if (entry < 0 || DYAD_VEC_PUSH(pending, nm) < 0) { rc = -1; break; }
        if (lb) {
            *lb = '[';
            rc = petr_codes(kb, entry, lb, path, ln, &nbad);
        }
    }
    if (rc == 0 && entry >= 0) {
        petr_kind(kb, entry);
        const kb_entry *e = &kb->entries.items[entry];
        if (e->code || e->nroles)
            for (size_t i = 0; i < pending.len && rc == 0; i++)
                rc = add_name(kb, pending.items[i], entry, true, false);
    }
    DYAD_VEC_FREE(pending);
    return rc < 0 ? -1 : nbad;
}

enum { FMT_NONE, FMT_DYAD, FMT_SECTORS, FMT_PETR_ACTORS, FMT_PETR_AGENTS };

/* The format of a file, by its name, else by its content; FMT_NONE for a
 * dictionary that is not about actors (verbs, issues, discards). */
static int sniff(const char *path, const char *text) {
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    if (strstr(base, "agents")) return FMT_PETR_AGENTS;
    if (strstr(base, "actors")) return FMT_PETR_ACTORS;
    if (strncmp(base, "sectors", 7) == 0) return FMT_SECTORS;
    if (strstr(base, "verbs") || strstr(base, "ssue") || strstr(base, "discards"))
        return FMT_NONE;
    int guess = FMT_NONE;
    for (const char *p = text; p && *p;) {
        const char *nl = strchr(p, '\n');
        size_t n = nl ? (size_t)(nl - p) : strlen(p);
        if (!strncmp(p, "country ", 8) || !strncmp(p, "org ", 4) || !strncmp(p, "person ", 7) ||
            !strncmp(p, "place ", 6))
            return FMT_DYAD;
        if (!strncmp(p, "- ", 2) || !strncmp(p, "--- ", 4) || !strncmp(p, "<ISSUE", 6))
            return FMT_NONE;
        const char *lb = memchr(p, '[', n);
        if (guess == FMT_NONE && *p != '#' && lb)
            guess = lb[1] == '~' ? FMT_PETR_AGENTS
                  : (lb[1] >= 'A' && lb[1] <= 'Z') ? FMT_PETR_ACTORS : FMT_NONE;
        p = nl ? nl + 1 : NULL;
    }
    return guess;
}

int dyad_kb_load(dyad_kb *kb, const char *path, dyad_error *err) {
    size_t len;
    char *text = dyad_read_file(path, &len, err);
    if (!text) return -1;
    int rc;
    switch (sniff(path, text)) {
    case FMT_PETR_AGENTS: rc = load_petr_agents(kb, text, path); break;
    case FMT_PETR_ACTORS: rc = load_petr_actors(kb, text, path); break;
    case FMT_SECTORS: rc = load_sectors(kb, text, path); break;
    case FMT_DYAD: rc = load_dyad(kb, text, path); break;
    default: rc = 0; break;   /* not an actor dictionary: nothing to take */
    }
    free(text);
    if (rc < 0) dyad_error_set(err, path, 0, -1, "out of memory");
    return rc;
}

static int cmp_str(const void *a, const void *b) {
    return strcmp(*(char *const *)a, *(char *const *)b);
}

int dyad_kb_load_builtin(dyad_kb *kb, const char *data_dir, dyad_error *err) {
    char dir[1100];
    snprintf(dir, sizeof dir, "%s/actors", data_dir);
    DIR *d = opendir(dir);
    if (!d) {
        dyad_error_set(err, dir, 0, -1, "cannot open the actor data directory");
        return -1;
    }
    DYAD_VEC(char *) files = {0};
    struct dirent *de;
    while ((de = readdir(d)) != NULL) {
        size_t n = strlen(de->d_name);
        if (n > 4 && strcmp(de->d_name + n - 4, ".txt") == 0) {
            char *f = strdup(de->d_name);
            if (!f || DYAD_VEC_PUSH(files, f) < 0) { free(f); break; }
        }
    }
    closedir(d);
    qsort(files.items, files.len, sizeof *files.items, cmp_str);
    int bad = 0, rc = 0;
    for (size_t i = 0; i < files.len; i++) {
        char path[1400];
        snprintf(path, sizeof path, "%s/%s", dir, files.items[i]);
        int r = rc < 0 ? 0 : dyad_kb_load(kb, path, err);
        if (r < 0) rc = -1; else bad += r;
        free(files.items[i]);
    }
    DYAD_VEC_FREE(files);
    return rc < 0 ? -1 : bad;
}

dyad_kb *dyad_kb_get(dyad_ctx *ctx) {
    if (ctx->kb.ptr) return ctx->kb.ptr;
    dyad_kb *kb = dyad_kb_new();
    if (!kb) {
        dyad_error_set(&ctx->err, NULL, 0, -1, "out of memory");
        return NULL;
    }
    if (!ctx->opt.replace_builtin &&
        dyad_kb_load_builtin(kb, ctx->data_dir, &ctx->err) < 0) {
        dyad_kb_free(kb);
        return NULL;
    }
    for (size_t i = 0; i < ctx->ndicts; i++) {
        const char *p = ctx->dicts[i];
        if (dyad_kb_load(kb, p, &ctx->err) < 0) {
            dyad_kb_free(kb);
            return NULL;
        }
    }
    ctx->kb.ptr = kb;
    ctx->kb.free = dyad_kb_free;
    return kb;
}
