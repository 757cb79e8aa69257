/*
 * cmd_actors.c -- `dyad actors`: the actor mentions of documents as JSON
 * Lines, the most frequent unresolved names (--unknown), and the accuracy
 * against gold actors of PLOVER records (--eval).
 *
 * Pipeline per document: dyad_segment, dyad_parse (tags first), then
 * dyad_resolve_actors.  Offsets in the output are character offsets.
 */
#include "cli.h"
#include "../internal.h"
#include "../actors/actors.h"

#include <jansson.h>
#include <stdio.h>
#include <string.h>

typedef struct uname { char *name, *example; long count; } uname;

typedef struct actx {
    dyad_ctx *ctx;
    bool json;
    bool unknown;
    DYAD_VEC(uname) names;
    int *slots;             /* hash of names: index+1, 0 empty */
    size_t nslots;
    dyad_buf line;
    bool warned;            /* the no-parser warning was printed */
} actx;

static void usage(FILE *out) {
    fprintf(out,
        "usage: dyad actors [--date YYYY-MM-DD] [--dict FILE]... [--replace] [FILE...]\n"
        "       dyad actors --unknown [--json] [FILE...]\n"
        "       dyad actors --eval GOLD.jsonl [--json] [--misses]\n"
        "\n"
        "Finds the actor mentions of each document (noun phrases resolved to CAMEO\n"
        "actor codes with the knowledge base at the document date) and prints one JSON\n"
        "object per mention: doc, sent, code, country, sector, text, span [start,end]\n"
        "(character offsets), how, antecedent (mention index or -1).\n"
        "\n"
        "  --date D       date for documents without one (default: today)\n"
        "  --dict FILE    add a PETRARCH .actors./.agents. dictionary or a dyad KB file\n"
        "                 (repeatable)\n"
        "  --replace      the --dict files replace the built-in knowledge base\n"
        "  --unknown      rank the unresolved capitalised names by frequency: TSV\n"
        "                 name, count, example (JSON Lines with --json)\n"
        "  --eval GOLD    accuracy on PLOVER gold records: share of gold actors found as\n"
        "                 an overlapping mention with the right 3-letter code, and the\n"
        "                 sector accuracy where gold has a sector\n"
        "  --misses       with --eval: print each missed gold actor to stderr\n");
}

/* Segments, parses and resolves.  Without a usable parser model the actors
 * are still resolved, on untagged tokens (capitalisation), with one warning. */
static int analyse(dyad_ctx *ctx, dyad_doc *doc, bool *warned) {
    char msg[1024];
    if (dyad_segment(doc) < 0) {
        cli_error("%s: out of memory", doc->id);
        return -1;
    }
    if (dyad_parse(ctx, doc) < 0) {
        if (!*warned) {
            dyad_error e;
            memcpy(&e, &ctx->err, sizeof e);
            cli_error("warning: %s; resolving actors on untagged tokens",
                      dyad_error_str(&e, msg, sizeof msg));
            *warned = true;
        }
        for (size_t i = 0; i < doc->ntokens; i++) doc->tokens[i].upos = DYAD_UPOS_NONE;
    }
    if (dyad_resolve_actors(ctx, doc) < 0) {
        dyad_error e;
        memcpy(&e, &ctx->err, sizeof e);
        cli_error("%s: %s", doc->id, dyad_error_str(&e, msg, sizeof msg));
        return -1;
    }
    return 0;
}

static void print_mention(actx *a, const dyad_doc *doc, const dyad_mention *m) {
    dyad_buf *b = &a->line;
    dyad_buf_clear(b);
    dyad_buf_puts(b, "{\"doc\":");
    dyad_buf_json_str(b, doc->id, strlen(doc->id));
    dyad_buf_printf(b, ",\"sent\":%u,\"code\":", m->sent);
    if (m->code) dyad_buf_json_str(b, m->code, strlen(m->code));
    else dyad_buf_puts(b, "null");
    dyad_buf_puts(b, ",\"country\":");
    dyad_buf_json_str(b, m->country, strlen(m->country));
    dyad_buf_puts(b, ",\"sector\":");
    dyad_buf_json_str(b, m->sector, strlen(m->sector));
    dyad_buf_puts(b, ",\"text\":");
    dyad_buf_json_str(b, m->text, strlen(m->text));
    dyad_buf_printf(b, ",\"span\":[%zu,%zu],\"how\":", dyad_doc_char_offset(doc, m->start),
                    dyad_doc_char_offset(doc, m->end));
    dyad_buf_json_str(b, m->how, strlen(m->how));
    dyad_buf_printf(b, ",\"antecedent\":%d}\n", (int)m->antecedent);
    fputs(b->data, stdout);
}

static uint64_t hash_s(const char *s) {
    uint64_t h = 1469598103934665603ULL;
    for (; *s; s++) h = (h ^ (unsigned char)*s) * 1099511628211ULL;
    return h;
}

static int count_unknown(actx *a, const char *name, const dyad_doc *doc) {
    if (a->names.len * 2 >= a->nslots) {
        size_t ns = a->nslots ? a->nslots * 2 : 1024;
        int *sl = calloc(ns, sizeof *sl);
        if (!sl) return -1;
        for (size_t i = 0; i < a->names.len; i++) {
            size_t h = hash_s(a->names.items[i].name) & (ns - 1);
            while (sl[h]) h = (h + 1) & (ns - 1);
            sl[h] = (int)i + 1;
        }
        free(a->slots);
        a->slots = sl;
        a->nslots = ns;
    }
    size_t h = hash_s(name) & (a->nslots - 1);
    while (a->slots[h]) {
        uname *u = &a->names.items[a->slots[h] - 1];
        if (strcmp(u->name, name) == 0) { u->count++; return 0; }
        h = (h + 1) & (a->nslots - 1);
    }
    uname u = {strdup(name), strdup(doc->id), 1};
    if (!u.name || !u.example || DYAD_VEC_PUSH(a->names, u) < 0) {
        free(u.name);
        free(u.example);
        return -1;
    }
    a->slots[h] = (int)a->names.len;
    return 0;
}

static int on_doc(dyad_doc *doc, void *user) {
    actx *a = user;
    if (analyse(a->ctx, doc, &a->warned) < 0) return 0;    /* reported; go on */
    for (size_t i = 0; i < doc->nmentions; i++) {
        const dyad_mention *m = &doc->mentions[i];
        if (!a->unknown) print_mention(a, doc, m);
        else if (!m->code && strcmp(m->how, "unknown") == 0 && count_unknown(a, m->text, doc) < 0)
            return -1;
    }
    return 0;
}

static int cmp_count(const void *x, const void *y) {
    const uname *a = x, *b = y;
    if (a->count != b->count) return a->count < b->count ? 1 : -1;
    return strcmp(a->name, b->name);
}

static void print_unknown(actx *a) {
    qsort(a->names.items, a->names.len, sizeof *a->names.items, cmp_count);
    for (size_t i = 0; i < a->names.len; i++) {
        uname *u = &a->names.items[i];
        if (a->json) {
            dyad_buf_clear(&a->line);
            dyad_buf_puts(&a->line, "{\"name\":");
            dyad_buf_json_str(&a->line, u->name, strlen(u->name));
            dyad_buf_printf(&a->line, ",\"count\":%ld,\"example\":", u->count);
            dyad_buf_json_str(&a->line, u->example, strlen(u->example));
            dyad_buf_puts(&a->line, "}\n");
            fputs(a->line.data, stdout);
        } else {
            printf("%s\t%ld\t%s\n", u->name, u->count, u->example);
        }
        free(u->name);
        free(u->example);
    }
}

/* ---- --eval ---- */

typedef struct evalstat {
    long gold, found, sgold, sright, unlocated, records, bad;
} evalstat;

/* Byte span of the gold text in the record text; false if not found. */
static bool locate(const char *text, const char *gold, size_t *s, size_t *e) {
    char buf[512];
    size_t n = 0;
    for (const char *p = gold; *p && n + 1 < sizeof buf; p++) {
        if (*p == ' ' && n && buf[n - 1] == ' ') continue;   /* collapse spaces */
        buf[n++] = *p;
    }
    buf[n] = '\0';
    char *dots = strstr(buf, "...");
    if (dots) *dots = '\0';
    for (int tries = 0; tries < 3; tries++) {
        size_t len = strlen(buf);
        while (len && buf[len - 1] == ' ') buf[--len] = '\0';
        if (!len) return false;
        const char *hit = strstr(text, buf);
        if (hit) {
            *s = (size_t)(hit - text);
            *e = *s + len;
            return true;
        }
        /* drop the last word and try again ("Revolutionary United Front (RUF") */
        char *sp = strrchr(buf, ' ');
        if (!sp) return false;
        *sp = '\0';
    }
    return false;
}

static void alias(char *c) {
    if (strcmp(c, "JAP") == 0) memcpy(c, "JPN", 4);
}

static void eval_actor(actx *a, const dyad_doc *doc, json_t *act, evalstat *st, bool misses) {
    const char *text = json_string_value(json_object_get(act, "actorText"));
    const char *code = json_string_value(json_object_get(act, "code"));
    const char *sector = json_string_value(json_object_get(act, "sector"));
    if (!text || !code || !*code) return;
    st->gold++;
    char want[4] = "", wsec[4] = "";
    snprintf(want, sizeof want, "%.3s", code);
    alias(want);
    bool has_sec = sector && strlen(sector) >= 3 && sector[0] != '*';
    if (has_sec) {
        for (int i = 0; i < 3; i++) wsec[i] = (char)((sector[i] >= 'a' && sector[i] <= 'z') ? sector[i] - 32 : sector[i]);
        st->sgold++;
    }
    size_t s, e;
    if (!locate(doc->text, text, &s, &e)) {
        st->unlocated++;
        if (misses) fprintf(stderr, "unlocated\t%s\t%s\t%s\n", doc->id, code, text);
        return;
    }
    bool ok = false, sok = false;
    for (size_t i = 0; i < doc->nmentions; i++) {
        const dyad_mention *m = &doc->mentions[i];
        if (m->end <= s || m->start >= e) continue;
        char got[4] = "";
        if (m->code) snprintf(got, sizeof got, "%.3s", m->code);
        alias(got);
        if (strcmp(got, want) == 0) ok = true;
        if (has_sec && strcmp(m->sector, wsec) == 0) sok = true;
    }
    st->found += ok;
    st->sright += sok;
    if (misses && !ok) {
        fprintf(stderr, "miss\t%s\t%s\t%s\t|", doc->id, code, text);
        for (size_t i = 0; i < doc->nmentions; i++) {
            const dyad_mention *m = &doc->mentions[i];
            if (m->end > s && m->start < e)
                fprintf(stderr, " [%s %s %s]", m->text, m->code ? m->code : "NULL", m->how);
        }
        fputc('\n', stderr);
    }
    if (misses && ok && has_sec && !sok)
        fprintf(stderr, "sector\t%s\t%s/%s\t%s\n", doc->id, code, sector, text);
}

static void eval_side(actx *a, const dyad_doc *doc, json_t *side, evalstat *st, bool misses) {
    if (json_is_object(side)) eval_actor(a, doc, side, st, misses);
    if (!json_is_array(side)) return;
    size_t i;
    json_t *v;
    json_array_foreach(side, i, v) if (json_is_object(v)) eval_actor(a, doc, v, st, misses);
}

static int run_eval(actx *a, const char *path, bool misses) {
    FILE *f = fopen(path, "r");
    if (!f) {
        cli_error("%s: cannot open", path);
        return EXIT_FATAL;
    }
    evalstat st = {0};
    char *line = NULL;
    size_t cap = 0;
    long ln = 0;
    ssize_t n;
    while ((n = getline(&line, &cap, f)) > 0) {
        ln++;
        json_error_t je;
        json_t *r = json_loadb(line, (size_t)n, 0, &je);
        const char *text = r ? json_string_value(json_object_get(r, "text")) : NULL;
        if (!text) {
            if (r || strspn(line, " \t\r\n") != (size_t)n) {
                cli_error("%s:%ld: not a record with text (skipped)", path, ln);
                st.bad++;
            }
            json_decref(r);
            continue;
        }
        const char *id = json_string_value(json_object_get(r, "id"));
        const char *date = json_string_value(json_object_get(r, "date"));
        dyad_doc *doc = dyad_doc_new(id ? id : "", NULL, date, text, strlen(text));
        if (doc && analyse(a->ctx, doc, &a->warned) == 0) {
            st.records++;
            eval_side(a, doc, json_object_get(r, "source"), &st, misses);
            eval_side(a, doc, json_object_get(r, "target"), &st, misses);
        }
        dyad_doc_free(doc);
        json_decref(r);
    }
    free(line);
    fclose(f);
    double acc = st.gold ? (double)st.found / (double)st.gold : 0;
    double sacc = st.sgold ? (double)st.sright / (double)st.sgold : 0;
    if (a->json)
        printf("{\"records\":%ld,\"gold\":%ld,\"found\":%ld,\"accuracy\":%.4f,"
               "\"sector_gold\":%ld,\"sector_right\":%ld,\"sector_accuracy\":%.4f,"
               "\"unlocated\":%ld}\n",
               st.records, st.gold, st.found, acc, st.sgold, st.sright, sacc, st.unlocated);
    else
        printf("records %ld\ngold actors %ld\nfound with the right code %ld\naccuracy %.4f\n"
               "gold sectors %ld\nright sector %ld\nsector accuracy %.4f\n"
               "gold text not located %ld\n",
               st.records, st.gold, st.found, acc, st.sgold, st.sright, sacc, st.unlocated);
    return st.bad ? EXIT_BADINPUT : EXIT_OK;
}

int cmd_actors(int argc, char **argv) {
    const char *date = NULL, *gold = NULL;
    const char *dicts[64];
    size_t nd = 0;
    bool replace = false, misses = false;
    actx a = {0};
    char **paths = calloc((size_t)argc + 1, sizeof *paths);
    int np = 0;
    if (!paths) return EXIT_FATAL;
    for (int i = 1; i < argc; i++) {
        const char *o = argv[i];
        bool more = i + 1 < argc;
        if (cli_is_help(o)) { usage(stdout); free(paths); return EXIT_OK; }
        else if (!strcmp(o, "--date") && more) date = argv[++i];
        else if (!strcmp(o, "--dict") && more && nd < 63) dicts[nd++] = argv[++i];
        else if (!strcmp(o, "--replace")) replace = true;
        else if (!strcmp(o, "--unknown")) a.unknown = true;
        else if (!strcmp(o, "--json")) a.json = true;
        else if (!strcmp(o, "--misses")) misses = true;
        else if (!strcmp(o, "--eval") && more) gold = argv[++i];
        else if (o[0] == '-' && o[1]) {
            cli_error("actors: unknown or incomplete option '%s' (see --help)", o);
            free(paths);
            return EXIT_USAGE;
        } else paths[np++] = argv[i];
    }
    if (date && !dyad_kb_parse_date(date)) {
        cli_error("actors: --date wants YYYY-MM-DD, not '%s'", date);
        free(paths);
        return EXIT_USAGE;
    }
    dicts[nd] = NULL;
    dyad_options opt = {0};
    opt.dicts = dicts;
    opt.replace_builtin = replace;
    opt.date = date;
    dyad_error err = {0};
    char msg[1024];
    a.ctx = dyad_open(&opt, &err);
    if (!a.ctx || !dyad_kb_get(a.ctx)) {
        if (a.ctx) memcpy(&err, &a.ctx->err, sizeof err);
        cli_error("%s", dyad_error_str(&err, msg, sizeof msg));
        dyad_close(a.ctx);
        free(paths);
        return EXIT_FATAL;
    }
    int rc = gold ? run_eval(&a, gold, misses)
                  : cli_foreach_doc(paths, np, DYAD_FMT_AUTO, date, on_doc, &a);
    if (a.unknown && !gold) print_unknown(&a);
    DYAD_VEC_FREE(a.names);
    free(a.slots);
    dyad_buf_free(&a.line);
    dyad_close(a.ctx);
    free(paths);
    return rc;
}
