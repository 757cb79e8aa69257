/*
 * cmd_tokens.c -- `dyad tokens [FILE...]`: tokenizes documents and prints
 * one JSON line per sentence:
 *   {"doc":ID,"sent":N,"tokens":[{"form":F,"start":C,"end":C},...]}
 * with CHARACTER offsets (one forward walk over the text: linear time).
 * The hidden option --count prints only totals (documents, sentences,
 * tokens, bytes) -- what bench/bench_text.sh times.
 */
#include "cli.h"
#include "../internal.h"

#include <stdio.h>
#include <string.h>

int cli_text_options(int argc, char **argv, dyad_format *fmt, const char **date,
                     bool *count, void (*help)(FILE *));

typedef struct tok_state {
    dyad_buf out;
    bool count;
    unsigned long long docs, sents, toks, bytes;
} tok_state;

static int print_tokens(dyad_doc *doc, void *user) {
    tok_state *st = user;
    if (dyad_segment(doc) < 0) {
        cli_error("%s: out of memory", doc->id);
        return -1;
    }
    st->docs++;
    st->sents += doc->nsentences;
    st->toks += doc->ntokens;
    st->bytes += doc->len;
    if (st->count) return 0;
    const unsigned char *t = (const unsigned char *)doc->text;
    size_t byte = 0, chars = 0;
    for (size_t k = 0; k < doc->nsentences; k++) {
        const dyad_sentence *s = &doc->sentences[k];
        dyad_buf *o = &st->out;
        dyad_buf_clear(o);
        dyad_buf_puts(o, "{\"doc\":");
        dyad_buf_json_str(o, doc->id, strlen(doc->id));
        dyad_buf_printf(o, ",\"sent\":%zu,\"tokens\":[", k);
        for (uint32_t j = 0; j < s->ntokens; j++) {
            const dyad_token *tk = &doc->tokens[s->first + j];
            size_t ends[2] = {tk->start, tk->end}, ch[2];
            for (int e = 0; e < 2; e++) {
                for (; byte < ends[e]; byte++)
                    if ((t[byte] & 0xC0) != 0x80) chars++;
                ch[e] = chars;
            }
            dyad_buf_puts(o, j ? ",{\"form\":" : "{\"form\":");
            dyad_buf_json_str(o, tk->form, strlen(tk->form));
            dyad_buf_printf(o, ",\"start\":%zu,\"end\":%zu}", ch[0], ch[1]);
        }
        dyad_buf_puts(o, "]}\n");
        fwrite(o->data, 1, o->len, stdout);
    }
    return 0;
}

static void usage(FILE *f) {
    fputs("usage: dyad tokens [--format auto|text|jsonl] [--date YYYY-MM-DD] [FILE...]\n"
          "\n"
          "Tokenizes each document (UD English conventions: clitics and punctuation\n"
          "split, abbreviations keep their period); prints one JSON line per sentence:\n"
          "  {\"doc\":ID,\"sent\":N,\"tokens\":[{\"form\":F,\"start\":C,\"end\":C},...]}\n"
          "start/end are character (code point) offsets into the document text.\n"
          "--count prints only totals (documents, sentences, tokens, bytes).\n",
          f);
}

int cmd_tokens(int argc, char **argv) {
    tok_state st = {{0}, false, 0, 0, 0, 0};
    dyad_format fmt = DYAD_FMT_AUTO;
    const char *date = NULL;
    int first = cli_text_options(argc, argv, &fmt, &date, &st.count, usage);
    if (first == -2) return EXIT_OK;
    if (first < 0) return EXIT_USAGE;
    int rc = cli_foreach_doc(argv + first, argc - first, fmt, date, print_tokens, &st);
    if (st.count)
        printf("{\"docs\":%llu,\"sentences\":%llu,\"tokens\":%llu,\"bytes\":%llu}\n",
               st.docs, st.sents, st.toks, st.bytes);
    dyad_buf_free(&st.out);
    return rc;
}
