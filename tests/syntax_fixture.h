/*
 * syntax_fixture.h -- what the tagger and parser tests share: a context
 * with the committed model, and documents made from space-separated words
 * (one sentence each) through dyad_conllu_read, so the tests do not depend
 * on the tokenizer.
 */
#ifndef DYAD_SYNTAX_FIXTURE_H
#define DYAD_SYNTAX_FIXTURE_H

#include "testutil.h"

/* A document of one sentence from space-separated words ("Petro met them ."). */
static inline dyad_doc *words_doc(const char *words) {
    dyad_buf b = {0};
    int id = 1;
    const char *p = words;
    while (*p) {
        while (*p == ' ') p++;
        if (!*p) break;
        const char *e = p;
        while (*e && *e != ' ') e++;
        dyad_buf_printf(&b, "%d\t%.*s\t_\t_\t_\t_\t_\t_\t_\t_\n", id++, (int)(e - p), p);
        p = e;
    }
    dyad_error err = {0};
    dyad_doc *d = dyad_conllu_read(b.data ? b.data : "", b.len, "test", &err);
    dyad_buf_free(&b);
    return d;
}

/* Index of the first token with this form, or -1. */
static inline int tok_index(const dyad_doc *d, const char *form) {
    for (size_t i = 0; i < d->ntokens; i++)
        if (strcmp(d->tokens[i].form, form) == 0) return (int)i;
    return -1;
}

static inline dyad_ctx *model_ctx(void) {
    dyad_error err = {0};
    dyad_ctx *ctx = dyad_open(NULL, &err);
    return ctx;
}

#endif
