/*
 * cmd_eval.c -- `dyad eval GOLD`: scores dyad's events against gold data.
 *
 * Two gold formats, told apart by content:
 *   - PLOVER gold records (JSON Lines, one record per line with "event",
 *     "source", "target", "text"): per record, `type` = some event has the
 *     gold PLOVER type (DISAPPROVE = ACCUSE, DEMAND = REQUEST); `source` =
 *     some event of that type has a source whose 3-letter code is a gold
 *     source code (JAP = JPN); `target` likewise (an empty gold target is
 *     matched by no target or by a target among the gold sources); `triple`
 *     = one event satisfies all three.  Also events per record and per-type
 *     precision/recall.  Misses are listed with what dyad produced.
 *   - PETRARCH2 validation XML (<Validation>): the dictionaries named in
 *     <Environment> (relative to the XML) replace the built-ins; a record
 *     passes when dyad's set of (source, target, code) equals the expected
 *     <EventCoding> set (noevents="True": the empty set).
 * The XML is read with a small tolerant scanner (tags and attributes only;
 * no DTDs, entities &amp; &lt; &gt; &quot; &apos; decoded).
 */
#include "cli.h"
#include "../internal.h"
#include "../events/events.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_DICTS 32

static void usage(FILE *out) {
    fprintf(out,
            "usage: dyad eval GOLD [--dict FILE]... [--json] [--strict] [--beam N]\n"
            "\n"
            "Scores dyad's events against GOLD: PLOVER gold records (JSON Lines) or\n"
            "a PETRARCH2 validation file (PETR.UnitTest.records.xml).\n"
            "\n"
            "  --dict FILE  add a dictionary (as in `dyad code`); repeatable\n"
            "  --json       print the figures as one JSON object; without it, print\n"
            "               every miss with what dyad produced, then the figures\n"
            "  --strict     PLOVER types: only the aliases DISAPPROVE=ACCUSE and\n"
            "               DEMAND=REQUEST (by default the PLOVER 0.5 types FIGHT and\n"
            "               INVESTIGATE also count as the 2021 ASSAULT and ACCUSE)\n"
            "  --beam N     parser beam width (default: the model's; 1 is greedy)\n");
}

/* ---- PLOVER ---- */

typedef struct type_stat { char type[32]; int gold, pred, hit; } type_stat;

static type_stat *stat_of(type_stat *ts, int *n, const char *t) {
    for (int i = 0; i < *n; i++)
        if (strcmp(ts[i].type, t) == 0) return &ts[i];
    if (*n == 64) return NULL;
    type_stat *s = &ts[(*n)++];
    memset(s, 0, sizeof *s);
    snprintf(s->type, sizeof s->type, "%s", t);
    return s;
}

static void print_codes(const json_t *v) {
    size_t i;
    json_t *x;
    if (!json_is_array(v)) return;
    json_array_foreach(v, i, x) {
        const char *c = json_string_value(json_object_get(x, "code"));
        printf("%s%s", i ? "," : " ", c ? c : "?");
    }
}

static void print_events(const dyad_doc *doc) {
    if (doc->nevents == 0) printf("    dyad: no event\n");
    for (size_t e = 0; e < doc->nevents; e++) {
        const dyad_event *ev = &doc->events[e];
        printf("    dyad: %s %s %s -> %s (\"%s\", %s)\n", ev->cameo,
               ev->plover ? ev->plover : "-",
               ev->source >= 0 && doc->mentions[ev->source].code ? doc->mentions[ev->source].code : "-",
               ev->target >= 0 && doc->mentions[ev->target].code ? doc->mentions[ev->target].code : "-",
               ev->trigger ? ev->trigger : "", ev->rule ? ev->rule : "");
    }
}

static int eval_plover(dyad_ctx *ctx, const char *path, bool json_out, bool strict) {
    FILE *f = fopen(path, "r");
    if (!f) {
        cli_error("eval: cannot open %s", path);
        return EXIT_FATAL;
    }
    char *line = NULL;
    size_t cap = 0;
    long ln = 0;
    int records = 0, n_type = 0, n_src = 0, n_tgt = 0, n_triple = 0, bad = 0;
    long nevents = 0;
    type_stat ts[64];
    int nts = 0;
    while (getline(&line, &cap, f) > 0) {
        ln++;
        json_error_t je;
        json_t *r = json_loads(line, 0, &je);
        if (!r) {
            if (line[0] != '\n') {
                cli_error("%s:%ld: byte %d: %s (skipped)", path, ln, je.position, je.text);
                bad++;
            }
            continue;
        }
        const char *text = json_string_value(json_object_get(r, "text"));
        const char *gtype = ev_plover_canon(json_string_value(json_object_get(r, "event")), strict);
        const char *id = json_string_value(json_object_get(r, "id"));
        const char *date = json_string_value(json_object_get(r, "date"));
        if (!text || !*gtype) {
            cli_error("%s:%ld: record without text or event (skipped)", path, ln);
            json_decref(r);
            bad++;
            continue;
        }
        dyad_doc *doc = dyad_doc_new(id ? id : "", NULL, date, text, strlen(text));
        if (!doc || dyad_analyze(ctx, doc) < 0) {
            char msg[1024];
            cli_error("%s:%ld: %s", path, ln, dyad_error_str(&ctx->err, msg, sizeof msg));
            if (doc) doc->nevents = 0;
        }
        records++;
        nevents += doc ? (long)doc->nevents : 0;
        ev_plover_hit hit;
        ev_plover_score(r, doc, strict, &hit);
        bool t_ok = hit.type, s_ok = hit.source, g_ok = hit.target, all = hit.triple;
        type_stat *gst = stat_of(ts, &nts, gtype);
        if (gst) gst->gold++;
        char seen[64][32];
        int nseen = 0;
        for (size_t e = 0; doc && e < doc->nevents; e++) {
            const char *pt = ev_plover_canon(doc->events[e].plover, strict);
            bool dup = false;
            for (int k = 0; k < nseen; k++) dup |= strcmp(seen[k], pt) == 0;
            if (dup || nseen == 64) continue;
            snprintf(seen[nseen++], 32, "%s", pt);
            type_stat *pst = stat_of(ts, &nts, pt);
            if (pst) pst->pred++;
        }
        if (t_ok && gst) gst->hit++;
        n_type += t_ok;
        n_src += s_ok;
        n_tgt += g_ok;
        n_triple += all;
        if (!json_out && !all) {
            printf("MISS %s [%s%s%s] gold %s", id ? id : "?", t_ok ? "" : "type ",
                   s_ok ? "" : "source ", g_ok ? "" : "target", gtype);
            print_codes(json_object_get(r, "source"));
            printf(" ->");
            print_codes(json_object_get(r, "target"));
            printf("\n    %s\n", text);
            if (doc) print_events(doc);
        }
        dyad_doc_free(doc);
        json_decref(r);
    }
    free(line);
    fclose(f);
    double R = records ? records : 1;
    if (json_out) {
        printf("{\"records\":%d,\"type\":%.4f,\"source\":%.4f,\"target\":%.4f,"
               "\"triple\":%.4f,\"events_per_record\":%.4f}\n",
               records, n_type / R, n_src / R, n_tgt / R, n_triple / R, nevents / R);
    } else {
        printf("\nrecords %d  type %.3f  source %.3f  target %.3f  triple %.3f  "
               "events/record %.2f\n",
               records, n_type / R, n_src / R, n_tgt / R, n_triple / R, nevents / R);
        printf("%-14s %6s %6s %9s %7s\n", "type", "gold", "pred", "precision", "recall");
        for (int i = 0; i < nts; i++)
            printf("%-14s %6d %6d %9.3f %7.3f\n", ts[i].type, ts[i].gold, ts[i].pred,
                   ts[i].pred ? (double)ts[i].hit / ts[i].pred : 0.0,
                   ts[i].gold ? (double)ts[i].hit / ts[i].gold : 0.0);
    }
    return bad ? EXIT_BADINPUT : EXIT_OK;
}

/* ---- PETRARCH XML ---- */

/* Value of attribute name inside the tag text [p, end); copies to out. */
static bool xml_attr(const char *p, const char *end, const char *name, char *out,
                     size_t size) {
    size_t nl = strlen(name);
    for (const char *q = p; q + nl + 2 < end; q++) {
        if (strncmp(q, name, nl) != 0 || q[nl] != '=' || (q > p && q[-1] != ' ' &&
                                                         q[-1] != '\t' && q[-1] != '\n'))
            continue;
        char quote = q[nl + 1];
        if (quote != '"' && quote != '\'') continue;
        const char *v = q + nl + 2, *e = v;
        while (e < end && *e != quote) e++;
        snprintf(out, size, "%.*s", (int)(e - v), v);
        return true;
    }
    return false;
}

/* Decodes the 5 predefined entities and collapses whitespace, in place. */
static void xml_text(char *s) {
    static const struct { const char *ent; char c; } E[] = {
        {"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'}, {"&apos;", '\''}};
    char *w = s;
    bool sp = true;
    for (char *r = s; *r;) {
        bool done = false;
        for (size_t k = 0; k < 5 && !done; k++)
            if (strncmp(r, E[k].ent, strlen(E[k].ent)) == 0) {
                *w++ = E[k].c;
                r += strlen(E[k].ent);
                sp = false;
                done = true;
            }
        if (done) continue;
        if (*r == ' ' || *r == '\n' || *r == '\t' || *r == '\r') {
            if (!sp) *w++ = ' ';
            sp = true;
            r++;
            continue;
        }
        *w++ = *r++;
        sp = false;
    }
    while (w > s && w[-1] == ' ') w--;
    *w = 0;
}

/* Content of the first <tag>...</tag> in [p, end), copied (malloc'd). */
static char *xml_elem(const char *p, const char *end, const char *tag) {
    char open[64], close[64];
    snprintf(open, sizeof open, "<%s>", tag);
    snprintf(close, sizeof close, "</%s>", tag);
    const char *a = strstr(p, open);
    if (!a || a >= end) return NULL;
    a += strlen(open);
    const char *b = strstr(a, close);
    if (!b || b > end) return NULL;
    return strndup(a, (size_t)(b - a));
}

/* Applies the <Config option=".." value=".."> elements found before the
 * next <Sentence (they hold for the records after them) and returns that
 * sentence, NULL when none is left. */
static const char *next_sentence(ev_lexicon *lx, const char *p) {
    const char *s = strstr(p, "<Sentence ");
    for (const char *c = p; (c = strstr(c, "<Config")) != NULL && (!s || c < s); c++) {
        const char *ce = strchr(c, '>');
        if (!ce) break;
        char name[64] = "", value[64] = "";
        if (lx && lx->petr && xml_attr(c, ce, "option", name, sizeof name) &&
            xml_attr(c, ce, "value", value, sizeof value) &&
            ev_petr_set_option(lx->petr, name, value) < 0)
            cli_error("eval: bad value '%s' for PETRARCH option %s (ignored)", value, name);
    }
    return s;
}

static int eval_petrarch(const char *path, char *xml, const char *const *extra, int nextra, int beam,
                         bool json_out) {
    /* dictionaries of <Environment>, relative to the XML */
    char dir[1024];
    snprintf(dir, sizeof dir, "%s", path);
    char *slash = strrchr(dir, '/');
    if (slash) slash[1] = 0;
    else strcpy(dir, "./");
    static const char *const DICT_TAGS[] = {"Verbfile", "Actorfile", "Agentfile",
                                            "Discardfile"};
    char paths[4][1200];
    const char *dicts[MAX_DICTS + 8];
    int nd = 0;
    const char *envs = strstr(xml, "<Environment>");
    const char *enve = envs ? strstr(envs, "</Environment>") : NULL;
    for (int k = 0; k < 4 && envs && enve; k++) {
        char *v = xml_elem(envs, enve, DICT_TAGS[k]);
        if (!v) continue;
        xml_text(v);
        snprintf(paths[k], sizeof paths[k], "%s%s", dir, v);
        free(v);
        dicts[nd++] = paths[k];
    }
    for (int k = 0; k < nextra; k++) dicts[nd++] = extra[k];
    dicts[nd] = NULL;
    dyad_options opt = {0};
    opt.dicts = dicts;
    opt.replace_builtin = true;
    opt.beam = beam;
    dyad_error err = {0};
    dyad_ctx *ctx = dyad_open(&opt, &err);
    if (!ctx) {
        char msg[1024];
        cli_error("%s", dyad_error_str(&err, msg, sizeof msg));
        return EXIT_FATAL;
    }
    int records = 0, passed = 0;
    ev_lexicon *lx = ev_ctx_lexicon(ctx);
    const char *p = xml;
    while ((p = next_sentence(lx, p)) != NULL) {
        const char *tagend = strchr(p, '>');
        const char *end = strstr(p, "</Sentence>");
        if (!tagend || !end) break;
        char date[32] = "", id[128] = "";
        xml_attr(p, tagend, "date", date, sizeof date);
        xml_attr(p, tagend, "id", id, sizeof id);
        char *text = xml_elem(p, end, "Text");
        if (!text) {
            p = end;
            continue;
        }
        xml_text(text);
        /* PETRARCH codes the given <Parse>: its leaves are the sentence
         * (they may differ from <Text>); a parse whose brackets do not
         * balance is bad input and the record is coded as nothing */
        bool bad_parse = false;
        char *parse = xml_elem(p, end, "Parse");
        if (parse) {
            xml_text(parse);
            char *leaves = ev_ptb_text(parse);
            if (leaves) {
                free(text);
                text = leaves;
            } else {
                bad_parse = true;
            }
            free(parse);
        }
        ev_triple exp[32];
        int nexp = 0;
        for (const char *q = p; (q = strstr(q, "<EventCoding")) && q < end; q++) {
            const char *qe = strchr(q, '>');
            if (!qe) break;
            ev_triple t;
            memset(&t, 0, sizeof t);
            char noev[16] = "";
            xml_attr(q, qe, "noevents", noev, sizeof noev);
            if (noev[0] == 'T' || noev[0] == 't') continue;
            xml_attr(q, qe, "sourcecode", t.s, sizeof t.s);
            xml_attr(q, qe, "targetcode", t.t, sizeof t.t);
            xml_attr(q, qe, "eventcode", t.c, sizeof t.c);
            /* an EventCoding with no codes at all means "no event" */
            if (!t.s[0] && !t.t[0] && !t.c[0]) continue;
            if (nexp < 32 && !ev_triple_in(exp, nexp, &t)) exp[nexp++] = t;
        }
        char iso[11] = "";
        if (strlen(date) == 8)
            snprintf(iso, sizeof iso, "%.4s-%.2s-%.2s", date, date + 4, date + 6);
        dyad_doc *doc = dyad_doc_new(id, NULL, iso[0] ? iso : NULL, text, strlen(text));
        ev_triple got[64];
        int ngot = 0;
        if (doc && !bad_parse && dyad_analyze(ctx, doc) == 0) ngot = ev_triples(doc, got, 64);
        bool ok = ev_triples_equal(exp, nexp, got, ngot);
        records++;
        passed += ok;
        if (!json_out && !ok) {
            printf("MISS %s: %s\n  expected:", id, text);
            for (int i = 0; i < nexp; i++) printf(" (%s %s %s)", exp[i].s, exp[i].t, exp[i].c);
            if (!nexp) printf(" no event");
            printf("\n  dyad:    ");
            for (int i = 0; i < ngot; i++) printf(" (%s %s %s)", got[i].s, got[i].t, got[i].c);
            if (!ngot) printf(bad_parse ? " no event (unbalanced <Parse>)" : " no event");
            printf("\n");
        }
        dyad_doc_free(doc);
        free(text);
        p = end;
    }
    dyad_close(ctx);
    if (json_out)
        printf("{\"records\":%d,\"passed\":%.4f}\n", records, records ? (double)passed / records : 0.0);
    else
        printf("\nrecords %d  passed %d (%.3f)\n", records, passed,
               records ? (double)passed / records : 0.0);
    return EXIT_OK;
}

int cmd_eval(int argc, char **argv) {
    const char *gold = NULL;
    const char *dicts[MAX_DICTS + 1] = {0};
    int nd = 0;
    bool json_out = false, strict = false;
    int beam = 0;
    for (int i = 1; i < argc; i++) {
        if (cli_is_help(argv[i])) {
            usage(stdout);
            return EXIT_OK;
        } else if (strcmp(argv[i], "--json") == 0) {
            json_out = true;
        } else if (strcmp(argv[i], "--strict") == 0) {
            strict = true;
        } else if (strcmp(argv[i], "--beam") == 0 && i + 1 < argc) {
            if ((beam = cli_beam_option("eval", argv[++i])) < 0) return EXIT_USAGE;
        } else if (strcmp(argv[i], "--dict") == 0 && i + 1 < argc) {
            if (nd == MAX_DICTS) {
                cli_error("eval: too many --dict files");
                return EXIT_USAGE;
            }
            dicts[nd++] = argv[++i];
        } else if (argv[i][0] == '-' && argv[i][1]) {
            cli_error("eval: unknown option '%s' (see `dyad eval --help`)", argv[i]);
            return EXIT_USAGE;
        } else if (!gold) {
            gold = argv[i];
        } else {
            cli_error("eval: one GOLD file only");
            return EXIT_USAGE;
        }
    }
    if (!gold) {
        usage(stderr);
        return EXIT_USAGE;
    }
    dyad_error err = {0};
    size_t len = 0;
    char *text = dyad_read_file(gold, &len, &err);
    if (!text) {
        char msg[1024];
        cli_error("%s", dyad_error_str(&err, msg, sizeof msg));
        return EXIT_FATAL;
    }
    int rc;
    if (strstr(text, "<Validation") || strstr(text, "<Sentence ")) {
        rc = eval_petrarch(gold, text, dicts, nd, beam, json_out);
    } else {
        dyad_options opt = {0};
        opt.dicts = dicts;
        opt.beam = beam;
        dyad_ctx *ctx = dyad_open(&opt, &err);
        if (!ctx) {
            char msg[1024];
            cli_error("%s", dyad_error_str(&err, msg, sizeof msg));
            free(text);
            return EXIT_FATAL;
        }
        rc = eval_plover(ctx, gold, json_out, strict);
        dyad_close(ctx);
    }
    free(text);
    return rc;
}
