/*
 * cmd_code.c -- `dyad code`: codes the events of the input documents and
 * prints them as JSON Lines (one object per event, docs/events.md), and by
 * default stores documents and events into ./dyad.db.
 *
 * With -j N (--threads N) documents are copied into batches; N worker
 * threads, each with its own dyad_ctx, analyse a batch in parallel, then the
 * main thread prints (and stores) the batch in input order.
 */
#include "cli.h"
#include "../internal.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_DICTS 32
#define BATCH 256

typedef struct code_opts {
    const char *date;
    const char *dicts[MAX_DICTS + 1];
    int ndicts;
    bool replace_dicts;   /* --dict files replace the built-ins */
    const char *petr_opts[MAX_DICTS + 1];   /* --petrarch-option NAME=VALUE */
    int npetr_opts;
    bool recode;          /* --replace: recode documents already stored */
    const char *db;
    int threads;
    int beam;             /* --beam N; 0: the model's width */
} code_opts;

typedef struct worker {
    dyad_ctx *ctx;
    dyad_doc **docs;
    size_t ndocs, first, step;
    int failed;
} worker;

typedef struct code_run {
    code_opts *o;
    worker *w;
    int nw;
    dyad_doc *batch[BATCH];
    size_t nbatch;
    dyad_store *st;
    long docs, events, bad;
    int fatal;
} code_run;

static void usage(FILE *out) {
    fprintf(out,
            "usage: dyad code [--date YYYY-MM-DD] [--dict FILE]... [--replace-dicts]\n"
            "                 [--petrarch-option NAME=VALUE]...\n"
            "                 [--db PATH | --no-db] [--replace] [-j N] [--beam N] [FILE...]\n"
            "\n"
            "Codes political events (CAMEO/PLOVER, Goldstein, actors, dates, issues)\n"
            "and prints one JSON object per event (JSON Lines) to stdout.\n"
            "\n"
            "  --date D      document date for documents that have none (YYYY-MM-DD)\n"
            "  --dict FILE   add a dictionary: dyad lexicon, PETRARCH verbs (.verbs./CAMEO),\n"
            "                discards (.discards.), actors/agents (.actors./.agents.);\n"
            "                repeatable\n"
            "  --replace-dicts  the --dict files replace the built-in event patterns\n"
            "                (PETRARCH verb dictionaries are then coded the PETRARCH way)\n"
            "  --petrarch-option NAME=VALUE  a PETRARCH <Config> option for that coder,\n"
            "                e.g. require_dyad=false (events with one actor); repeatable\n"
            "  --db PATH     store documents and events in PATH (default ./dyad.db);\n"
            "                a document already stored (same id and text) is skipped\n"
            "  --replace     recode documents already in the store\n"
            "  --no-db       do not store\n"
            "  -j, --threads N  analyse with N threads (output stays in input order)\n"
            "  --beam N      parser beam width, 1..64 (default: the model's, 8); 1 is\n"
            "                greedy: about 4x faster parsing, a little less accurate\n");
}

static void *work(void *arg) {
    worker *w = arg;
    for (size_t i = w->first; i < w->ndocs; i += w->step)
        if (dyad_analyze(w->ctx, w->docs[i]) < 0) {
            char msg[1024];
            cli_error("%s: %s", w->docs[i]->id ? w->docs[i]->id : "?",
                      dyad_error_str(&w->ctx->err, msg, sizeof msg));
            w->docs[i]->nevents = 0;
            w->failed++;
        }
    return NULL;
}

static void flush_batch(code_run *r) {
    pthread_t th[64];
    int nt = r->nw;
    for (int i = 0; i < nt; i++) {
        r->w[i].docs = r->batch;
        r->w[i].ndocs = r->nbatch;
        r->w[i].first = (size_t)i;
        r->w[i].step = (size_t)nt;
        r->w[i].failed = 0;
    }
    if (nt == 1) {
        work(&r->w[0]);
    } else {
        for (int i = 0; i < nt; i++) pthread_create(&th[i], NULL, work, &r->w[i]);
        for (int i = 0; i < nt; i++) pthread_join(th[i], NULL);
    }
    for (int i = 0; i < nt; i++) r->bad += r->w[i].failed;
    for (size_t d = 0; d < r->nbatch; d++) {
        dyad_doc *doc = r->batch[d];
        for (size_t e = 0; e < doc->nevents; e++) {
            char *js = dyad_event_to_json(doc, &doc->events[e]);
            if (js) {
                fputs(js, stdout);
                fputc('\n', stdout);
                free(js);
            }
        }
        r->events += (long)doc->nevents;
        r->docs++;
        if (r->st) {
            dyad_error err = {0};
            if (dyad_store_put(r->st, doc, r->o->recode, &err) < 0) {
                char msg[1024];
                cli_error("%s", dyad_error_str(&err, msg, sizeof msg));
                r->fatal = 1;
            }
        }
        dyad_doc_free(doc);
    }
    r->nbatch = 0;
}

static int on_doc(dyad_doc *doc, void *user) {
    code_run *r = user;
    dyad_doc *copy = dyad_doc_new(doc->id, doc->title, doc->date, doc->text, doc->len);
    if (!copy) return -1;
    r->batch[r->nbatch++] = copy;
    if (r->nbatch == (r->nw > 1 ? BATCH : 1)) flush_batch(r);
    return r->fatal ? -1 : 0;
}

static bool valid_date(const char *s) {
    int y, m, d;
    return strlen(s) == 10 && sscanf(s, "%4d-%2d-%2d", &y, &m, &d) == 3 && m >= 1 &&
           m <= 12 && d >= 1 && d <= 31;
}

int cmd_code(int argc, char **argv) {
    code_opts o = {.db = "dyad.db", .threads = 1};
    char **files = calloc((size_t)argc, sizeof *files);
    int nfiles = 0;
    if (!files) return EXIT_FATAL;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        bool more = i + 1 < argc;
        if (cli_is_help(a)) {
            usage(stdout);
            free(files);
            return EXIT_OK;
        } else if (strcmp(a, "--date") == 0 && more) {
            o.date = argv[++i];
            if (!valid_date(o.date)) {
                cli_error("code: --date wants YYYY-MM-DD, not '%s'", o.date);
                free(files);
                return EXIT_USAGE;
            }
        } else if (strcmp(a, "--dict") == 0 && more) {
            if (o.ndicts == MAX_DICTS) {
                cli_error("code: at most %d --dict files", MAX_DICTS);
                free(files);
                return EXIT_USAGE;
            }
            o.dicts[o.ndicts++] = argv[++i];
        } else if (strcmp(a, "--petrarch-option") == 0 && more) {
            const char *v = argv[++i];
            if (!strchr(v, '=') || v[0] == '=' || o.npetr_opts == MAX_DICTS) {
                cli_error("code: --petrarch-option wants NAME=VALUE, not '%s'", v);
                free(files);
                return EXIT_USAGE;
            }
            o.petr_opts[o.npetr_opts++] = v;
        } else if (strcmp(a, "--replace-dicts") == 0) {
            o.replace_dicts = true;
        } else if (strcmp(a, "--replace") == 0) {
            o.recode = true;
        } else if (strcmp(a, "--db") == 0 && more) {
            o.db = argv[++i];
        } else if (strcmp(a, "--no-db") == 0) {
            o.db = NULL;
        } else if (strcmp(a, "--beam") == 0 && more) {
            if ((o.beam = cli_beam_option("code", argv[++i])) < 0) {
                free(files);
                return EXIT_USAGE;
            }
        } else if ((strcmp(a, "-j") == 0 || strcmp(a, "--threads") == 0) && more) {
            o.threads = atoi(argv[++i]);
            if (o.threads < 1 || o.threads > 64) {
                cli_error("code: -j wants 1..64");
                free(files);
                return EXIT_USAGE;
            }
        } else if (a[0] == '-' && a[1]) {
            cli_error("code: unknown option '%s' (see `dyad code --help`)", a);
            free(files);
            return EXIT_USAGE;
        } else {
            files[nfiles++] = argv[i];
        }
    }
    dyad_options dopt = {0};
    dopt.dicts = o.dicts;
    dopt.replace_builtin = o.replace_dicts;
    dopt.petrarch_options = o.petr_opts;
    dopt.date = o.date;
    dopt.beam = o.beam;
    code_run r = {0};
    r.o = &o;
    r.nw = o.threads;
    r.w = calloc((size_t)r.nw, sizeof *r.w);
    int rc = EXIT_OK;
    for (int i = 0; r.w && i < r.nw; i++) {
        dyad_error err = {0};
        r.w[i].ctx = dyad_open(&dopt, &err);
        if (!r.w[i].ctx) {
            char msg[1024];
            cli_error("%s", dyad_error_str(&err, msg, sizeof msg));
            rc = EXIT_FATAL;
            break;
        }
    }
    if (rc == EXIT_OK && o.db) {
        dyad_error err = {0};
        r.st = dyad_store_open(o.db, &err);
        if (!r.st) {
            char msg[1024];
            cli_error("%s", dyad_error_str(&err, msg, sizeof msg));
            rc = EXIT_FATAL;
        }
    }
    if (rc == EXIT_OK && r.w) {
        rc = cli_foreach_doc(files, nfiles, DYAD_FMT_AUTO, o.date, on_doc, &r);
        if (r.nbatch) flush_batch(&r);
        if (r.fatal) rc = EXIT_FATAL;
        else if (rc == EXIT_OK && r.bad) rc = EXIT_BADINPUT;
    }
    if (r.st) dyad_store_close(r.st);
    fflush(stdout);
    for (int i = 0; r.w && i < r.nw; i++) dyad_close(r.w[i].ctx);
    free(r.w);
    free(files);
    return rc;
}
