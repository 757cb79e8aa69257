/*
 * cmd_parse.c -- `dyad parse`: tags and parses documents and prints
 * CoNLL-U; `dyad parse --eval GOLD.conllu` scores the tagger, lemmatizer
 * and parser on gold-tokenized sentences.
 *
 * Evaluation reads the gold file with dyad_conllu_read, keeps the gold
 * columns aside, clears them, runs dyad_parse (which tags first) and
 * counts UPOS, XPOS, lemma, UAS and LAS over all words, punctuation
 * included (as the CoNLL 2018 shared task evaluation does).
 * --count (with or without --tag-only) prints only totals and timings:
 * what bench/bench_parse.sh measures.
 */
#include "cli.h"
#include "../internal.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

typedef struct parse_opts {
    const char *eval;
    const char *write;
    const char *model;
    const char *date;
    dyad_format fmt;
    int beam;
    bool json, count, tag_only, gold_tags;
} parse_opts;

typedef struct parse_state {
    dyad_ctx *ctx;
    parse_opts o;
    unsigned long long docs, sents, toks;
    double secs;
} parse_state;

static void usage(FILE *f) {
    fputs("usage: dyad parse [--model FILE] [--format auto|text|jsonl] [--date YYYY-MM-DD]\n"
          "                  [--count] [--tag-only] [FILE...]\n"
          "       dyad parse --eval GOLD.conllu [--json] [--write OUT.conllu] [--model FILE]\n"
          "                  [--gold-tags] [--beam N]\n"
          "\n"
          "Segments each document, tags it (UPOS, Penn XPOS, FEATS, lemma) and parses\n"
          "it (UD dependency relations); prints CoNLL-U with # doc_id, # sent_id and\n"
          "# text comments.\n"
          "\n"
          "--eval parses the sentences of a CoNLL-U file from their gold tokens and\n"
          "prints UPOS, XPOS and lemma accuracy, UAS and LAS over all words\n"
          "(punctuation included, as the CoNLL 2018 evaluation does); with --json, one\n"
          "object {\"upos\",\"xpos\",\"lemma\",\"uas\",\"las\",\"words\"} of fractions;\n"
          "--write saves the predicted CoNLL-U there; --gold-tags parses from the\n"
          "gold tags (scores the parser alone).\n"
          "--beam N sets the parser's beam width (default: the model's; 1 is greedy).\n"
          "--count prints only totals and the time spent tagging/parsing;\n"
          "--tag-only stops after tagging.  The model is <data>/model/dyad.model\n"
          "unless --model is given.\n",
          f);
}

static double now_s(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static int parse_args(int argc, char **argv, parse_opts *o) {
    int i = 1;
    for (; i < argc; i++) {
        const char *a = argv[i];
        if (cli_is_help(a)) {
            usage(stdout);
            return -2;
        }
        if (a[0] != '-' || strcmp(a, "-") == 0) break;
        if (strcmp(a, "--") == 0) {
            i++;
            break;
        }
        int need = strcmp(a, "--eval") == 0 || strcmp(a, "--write") == 0 || strcmp(a, "--model") == 0 ||
                   strcmp(a, "--format") == 0 || strcmp(a, "--date") == 0 ||
                   strcmp(a, "--beam") == 0;
        if (need && i + 1 >= argc) {
            cli_error("parse: %s needs a value", a);
            return -1;
        }
        if (strcmp(a, "--eval") == 0) o->eval = argv[++i];
        else if (strcmp(a, "--write") == 0) o->write = argv[++i];
        else if (strcmp(a, "--model") == 0) o->model = argv[++i];
        else if (strcmp(a, "--date") == 0) o->date = argv[++i];
        else if (strcmp(a, "--beam") == 0) {
            if ((o->beam = cli_beam_option("parse", argv[++i])) < 0) return -1;
        }
        else if (strcmp(a, "--format") == 0) {
            const char *f = argv[++i];
            if (strcmp(f, "auto") == 0) o->fmt = DYAD_FMT_AUTO;
            else if (strcmp(f, "text") == 0) o->fmt = DYAD_FMT_TEXT;
            else if (strcmp(f, "jsonl") == 0) o->fmt = DYAD_FMT_JSONL;
            else {
                cli_error("parse: unknown format '%s'", f);
                return -1;
            }
        } else if (strcmp(a, "--json") == 0) o->json = true;
        else if (strcmp(a, "--count") == 0) o->count = true;
        else if (strcmp(a, "--tag-only") == 0) o->tag_only = true;
        else if (strcmp(a, "--gold-tags") == 0) o->gold_tags = true;
        else {
            cli_error("parse: unknown option '%s' (see dyad parse --help)", a);
            return -1;
        }
    }
    return i;
}

static int parse_one(dyad_doc *doc, void *user) {
    parse_state *st = user;
    if (dyad_segment(doc) < 0) {
        cli_error("%s: out of memory", doc->id);
        return -1;
    }
    double t0 = now_s();
    int rc = st->o.tag_only ? dyad_tag(st->ctx, doc) : dyad_parse(st->ctx, doc);
    st->secs += now_s() - t0;
    if (rc < 0) {
        char msg[1024];
        dyad_error e = {0};
        cli_error("%s: %s", doc->id, dyad_error_str(&e, msg, sizeof msg));
        return -1;
    }
    st->docs++;
    st->sents += doc->nsentences;
    st->toks += doc->ntokens;
    if (!st->o.count) dyad_conllu_write(doc, stdout);
    return 0;
}

typedef struct gold_tok {
    const char *lemma, *xpos, *deprel;
    int32_t head;
    uint8_t upos;
} gold_tok;

static int run_eval(parse_state *st) {
    dyad_error err = {0};
    char msg[1024];
    size_t len;
    char *text = dyad_read_file(st->o.eval, &len, &err);
    if (!text) {
        cli_error("%s", dyad_error_str(&err, msg, sizeof msg));
        return EXIT_FATAL;
    }
    dyad_doc *doc = dyad_conllu_read(text, len, st->o.eval, &err);
    free(text);
    if (!doc) {
        cli_error("%s", dyad_error_str(&err, msg, sizeof msg));
        return EXIT_BADINPUT;
    }
    size_t n = doc->ntokens;
    gold_tok *g = malloc((n + 1) * sizeof *g);
    if (!g) {
        dyad_doc_free(doc);
        cli_error("out of memory");
        return EXIT_FATAL;
    }
    for (size_t i = 0; i < n; i++) {
        dyad_token *t = &doc->tokens[i];
        g[i] = (gold_tok){t->lemma, t->xpos, t->deprel, t->head, t->upos};
        t->deprel = NULL;
        t->head = -1;
        if (st->o.gold_tags) continue; /* dyad_parse keeps tags it is given */
        t->lemma = t->xpos = NULL;
        t->upos = 0;
        t->feats = 0;
    }
    double t0 = now_s();
    int rc = dyad_parse(st->ctx, doc);
    double secs = now_s() - t0;
    if (rc < 0) {
        dyad_error e = *(&err);
        (void)e;
        cli_error("%s: cannot parse (is the model there? see dyad train --help)", st->o.eval);
        free(g);
        dyad_doc_free(doc);
        return EXIT_FATAL;
    }
    size_t upos = 0, xpos = 0, lemma = 0, uas = 0, las = 0;
    for (size_t i = 0; i < n; i++) {
        const dyad_token *t = &doc->tokens[i];
        upos += t->upos == g[i].upos;
        xpos += t->xpos && g[i].xpos && strcmp(t->xpos, g[i].xpos) == 0;
        lemma += t->lemma && g[i].lemma && strcmp(t->lemma, g[i].lemma) == 0;
        if (t->head == g[i].head) {
            uas++;
            if (t->deprel && g[i].deprel && strcmp(t->deprel, g[i].deprel) == 0) las++;
        }
    }
    if (st->o.write) {
        FILE *f = fopen(st->o.write, "w");
        if (!f || dyad_conllu_write(doc, f) < 0) cli_error("%s: cannot write", st->o.write);
        if (f) fclose(f);
    }
    double d = n ? (double)n : 1.0;
    if (st->o.json)
        printf("{\"upos\":%.4f,\"xpos\":%.4f,\"lemma\":%.4f,\"uas\":%.4f,\"las\":%.4f,"
               "\"words\":%zu}\n",
               upos / d, xpos / d, lemma / d, uas / d, las / d, n);
    else
        printf("%s: %zu words (punctuation included, as in the CoNLL 2018 evaluation)\n"
               "UPOS  %.4f\nXPOS  %.4f\nlemma %.4f\nUAS   %.4f\nLAS   %.4f\n"
               "time  %.3f s (%.0f words/s, tag+lemma+parse)\n",
               st->o.eval, n, upos / d, xpos / d, lemma / d, uas / d, las / d, secs,
               secs > 0 ? (double)n / secs : 0.0);
    free(g);
    dyad_doc_free(doc);
    return EXIT_OK;
}

int cmd_parse(int argc, char **argv) {
    parse_state st = {0};
    st.o.fmt = DYAD_FMT_AUTO;
    int first = parse_args(argc, argv, &st.o);
    if (first == -2) return EXIT_OK;
    if (first < 0) return EXIT_USAGE;
    dyad_options opt = {0};
    opt.model_path = st.o.model;
    opt.beam = st.o.beam;
    dyad_error err = {0};
    char msg[1024];
    double t0 = now_s();
    st.ctx = dyad_open(&opt, &err);
    if (!st.ctx) {
        cli_error("%s", dyad_error_str(&err, msg, sizeof msg));
        return EXIT_FATAL;
    }
    /* Load the model now so that a missing model is reported once. */
    dyad_doc *probe = dyad_doc_new("probe", NULL, NULL, "", 0);
    int ok = probe && dyad_tag(st.ctx, probe) == 0;
    dyad_doc_free(probe);
    double load = now_s() - t0;
    if (!ok) {
        cli_error("cannot load the model: %s", dyad_error_str(&st.ctx->err, msg, sizeof msg));
        dyad_close(st.ctx);
        return EXIT_FATAL;
    }
    int rc;
    if (st.o.eval) {
        rc = run_eval(&st);
    } else {
        rc = cli_foreach_doc(argv + first, argc - first, st.o.fmt, st.o.date, parse_one, &st);
        if (st.o.count)
            printf("docs %llu sentences %llu tokens %llu seconds %.3f tokens/s %.0f "
                   "load_ms %.2f\n",
                   st.docs, st.sents, st.toks, st.secs,
                   st.secs > 0 ? (double)st.toks / st.secs : 0.0, load * 1000.0);
    }
    dyad_close(st.ctx);
    return rc;
}
