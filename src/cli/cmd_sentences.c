/*
 * cmd_sentences.c -- `dyad sentences [FILE...]`: splits documents into
 * sentences and prints one JSON line per sentence:
 *   {"doc":ID,"sent":N,"start":C,"end":C,"text":"..."}
 * start/end are CHARACTER offsets (code points) into the document text; they
 * are computed with one forward walk over the text (linear time), since
 * sentence spans come in text order.
 */
#include "cli.h"
#include "../internal.h"

#include <stdio.h>
#include <string.h>

/* Converts increasing byte offsets to character offsets in one pass. */
typedef struct char_cursor {
    const dyad_doc *doc;
    size_t byte, chars;
} char_cursor;

static size_t cursor_chars(char_cursor *c, size_t byte) {
    if (byte < c->byte) {   /* not increasing: restart (never in practice) */
        c->byte = 0;
        c->chars = 0;
    }
    const unsigned char *t = (const unsigned char *)c->doc->text;
    for (; c->byte < byte && c->byte < c->doc->len; c->byte++)
        if ((t[c->byte] & 0xC0) != 0x80) c->chars++;
    return c->chars;
}

typedef struct sent_opts {
    dyad_buf out;
} sent_opts;

static int print_sentences(dyad_doc *doc, void *user) {
    sent_opts *o = user;
    if (dyad_segment(doc) < 0) {
        cli_error("%s: out of memory", doc->id);
        return -1;
    }
    char_cursor cur = {doc, 0, 0};
    for (size_t k = 0; k < doc->nsentences; k++) {
        const dyad_sentence *s = &doc->sentences[k];
        dyad_buf_clear(&o->out);
        dyad_buf_puts(&o->out, "{\"doc\":");
        dyad_buf_json_str(&o->out, doc->id, strlen(doc->id));
        size_t a = cursor_chars(&cur, s->start);
        size_t b = cursor_chars(&cur, s->end);
        dyad_buf_printf(&o->out, ",\"sent\":%zu,\"start\":%zu,\"end\":%zu,\"text\":", k, a, b);
        dyad_buf_json_str(&o->out, doc->text + s->start, s->end - s->start);
        dyad_buf_puts(&o->out, "}\n");
        fwrite(o->out.data, 1, o->out.len, stdout);
    }
    return 0;
}

static void usage(FILE *f) {
    fputs("usage: dyad sentences [--format auto|text|jsonl] [--date YYYY-MM-DD] [FILE...]\n"
          "\n"
          "Splits each document into sentences; prints one JSON line per sentence:\n"
          "  {\"doc\":ID,\"sent\":N,\"start\":C,\"end\":C,\"text\":\"...\"}\n"
          "start/end are character (code point) offsets into the document text.\n"
          "Input: text files, JSON Lines (.jsonl), directories, or stdin.\n",
          f);
}

/* Parses the options shared by the text verbs; returns the index of the
 * first file argument, or -1 (usage error, reported) or -2 (--help done). */
int cli_text_options(int argc, char **argv, dyad_format *fmt, const char **date,
                     bool *count, void (*help)(FILE *)) {
    int i = 1;
    for (; i < argc; i++) {
        const char *a = argv[i];
        if (cli_is_help(a)) {
            help(stdout);
            return -2;
        } else if (!strcmp(a, "--format") && i + 1 < argc) {
            const char *v = argv[++i];
            if (!strcmp(v, "auto")) *fmt = DYAD_FMT_AUTO;
            else if (!strcmp(v, "text")) *fmt = DYAD_FMT_TEXT;
            else if (!strcmp(v, "jsonl")) *fmt = DYAD_FMT_JSONL;
            else {
                cli_error("--format must be auto, text or jsonl, not '%s'", v);
                return -1;
            }
        } else if (!strcmp(a, "--date") && i + 1 < argc) {
            *date = argv[++i];
            if (strlen(*date) != 10 || (*date)[4] != '-' || (*date)[7] != '-') {
                cli_error("--date must be YYYY-MM-DD, not '%s'", *date);
                return -1;
            }
        } else if (count && !strcmp(a, "--count")) {
            *count = true;
        } else if (!strcmp(a, "--")) {
            return i + 1;
        } else if (a[0] == '-' && a[1]) {
            cli_error("unknown option '%s' (see `dyad %s --help`)", a, argv[0]);
            return -1;
        } else {
            break;
        }
    }
    return i;
}

int cmd_sentences(int argc, char **argv) {
    dyad_format fmt = DYAD_FMT_AUTO;
    const char *date = NULL;
    int first = cli_text_options(argc, argv, &fmt, &date, NULL, usage);
    if (first == -2) return EXIT_OK;
    if (first < 0) return EXIT_USAGE;
    sent_opts o = {{0}};
    int rc = cli_foreach_doc(argv + first, argc - first, fmt, date, print_sentences, &o);
    dyad_buf_free(&o.out);
    return rc;
}
