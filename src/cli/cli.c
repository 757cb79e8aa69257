/*
 * cli.c -- shared plumbing of the dyad verbs: the document loop and errors.
 */
#include "cli.h"
#include "../internal.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void cli_error(const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    fputs("dyad: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
}

int cli_beam_option(const char *verb, const char *value) {
    char *end;
    long b = strtol(value, &end, 10);
    if (end == value || *end || b < 1 || b > 64) {
        cli_error("%s: --beam needs a number from 1 to 64, not '%s'", verb, value);
        return -1;
    }
    return (int)b;
}

int cli_is_help(const char *s) {
    return strcmp(s, "--help") == 0 || strcmp(s, "-h") == 0;
}

static int each_in(const char *path, dyad_format fmt, const char *date,
                   cli_doc_fn fn, void *user, int *bad) {
    dyad_error err = {0};
    char msg[1024];
    dyad_reader *r = dyad_reader_open(path, fmt, &err);
    if (!r) {
        cli_error("%s", dyad_error_str(&err, msg, sizeof msg));
        return -1;
    }
    int rc, stop = 0;
    dyad_doc *doc = NULL;
    while ((rc = dyad_reader_next(r, &doc, &err)) != 0) {
        if (rc < 0) {
            cli_error("%s (skipped)", dyad_error_str(&err, msg, sizeof msg));
            (*bad)++;
            continue;
        }
        if (!doc->date && date) doc->date = dyad_doc_strndup(doc, date, strlen(date));
        stop = fn(doc, user) < 0;
        dyad_doc_free(doc);
        if (stop) break;
    }
    dyad_reader_close(r);
    return stop ? -1 : 0;
}

int cli_foreach_doc(char **paths, int npaths, dyad_format fmt, const char *date,
                    cli_doc_fn fn, void *user) {
    int bad = 0, fatal = 0;
    if (npaths == 0) {
        fatal = each_in(NULL, fmt, date, fn, user, &bad) < 0;
    }
    for (int i = 0; i < npaths && !fatal; i++)
        fatal = each_in(paths[i], fmt, date, fn, user, &bad) < 0;
    fflush(stdout);
    if (fatal) return EXIT_FATAL;
    return bad ? EXIT_BADINPUT : EXIT_OK;
}
