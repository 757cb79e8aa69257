/*
 * coder_fixture.h -- helpers for the event coder tests: gold trees written
 * compactly ("form/lemma/UPOS/head/deprel" tokens separated by spaces, head
 * 1-based, 0 = root) turned into CoNLL-U and read with dyad_conllu_read;
 * actor mentions added by hand (the actor stage is not involved); a small
 * lexicon of our own.
 */
#ifndef CODER_FIXTURE_H
#define CODER_FIXTURE_H

#include "testutil.h"
#include "events/events.h"

static const char FIX_LEXICON[] =
    "# test lexicon\n"
    "&VISA = visa | passport\n"
    "04   1.0  CONSULT          Consult\n"
    "036  4.0  AGREE/-/diplomatic  Express intent to meet or negotiate\n"
    "040  1.0  CONSULT          Consult\n"
    "  S meet (with) T  @recip\n"
    "  talks between S and T  @recip\n"
    "042  1.9  CONSULT/visit    Make a visit\n"
    "  S visit T\n"
    "  S 's visit to T\n"
    "12   -4.0 REJECT           Reject\n"
    "125  -5.0 REJECT           Reject proposal to meet\n"
    "16   -4.0 REDUCE           Reduce relations\n"
    "163  -8.0 REDUCE/-/economic Impose embargo, boycott or sanctions\n"
    "  S impose sanction|embargo on T\n"
    "166  -7.0 REDUCE           Expel or withdraw\n"
    "  S revoke T 's &VISA\n"
    "13   -4.4 THREATEN         Threaten\n"
    "1384 -7.0 THREATEN         Threaten conventional attack\n"
    "19   -10  FIGHT            Fight\n"
    "190  -10  FIGHT            Use conventional military force\n"
    "  S attack T\n"
    "  S 's attack on T\n"
    "11   -2.0 ACCUSE           Disapprove\n"
    "112  -2.0 ACCUSE           Accuse\n"
    "  S accuse T of\n"
    "  S\n"                            /* syntax error: reported, loading goes on */
    "  T criticise\n"                 /* error: must start with S or a noun */
    "100  -5.0 REQUEST          Demand\n"
    "  S demand T\n"
    "0874 -1.0 RETREAT          Withdraw\n"
    "  S leave T\n";

/* Builds a CoNLL-U sentence from "form/lemma/UPOS/head/deprel ..." */
static inline void fix_conllu(dyad_buf *b, const char *spec) {
    char buf[2048];
    snprintf(buf, sizeof buf, "%s", spec);
    char *save = NULL;
    int id = 1;
    for (char *t = strtok_r(buf, " ", &save); t; t = strtok_r(NULL, " ", &save), id++) {
        char *f[5] = {0};
        char *s2 = NULL;
        int k = 0;
        for (char *x = strtok_r(t, "/", &s2); x && k < 5; x = strtok_r(NULL, "/", &s2)) f[k++] = x;
        const char *feats = "_";
        if (strcmp(f[2], "VERB") == 0 && strstr(f[4], "pass")) feats = "_";
        dyad_buf_printf(b, "%d\t%s\t%s\t%s\t_\t%s\t%s\t%s\t_\t_\n", id, f[0], f[1], f[2], feats,
                        f[3], f[4]);
    }
    dyad_buf_putc(b, '\n');
}

/* Adds a mention for token `tok` (0-based in sentence `sent`). */
static inline void fix_mention(dyad_doc *d, uint32_t sent, uint32_t tok, const char *code) {
    size_t n = d->nmentions;
    dyad_mention *m = dyad_doc_alloc(d, (n + 1) * sizeof *m);
    if (n) memcpy(m, d->mentions, n * sizeof *m);
    dyad_mention *x = &m[n];
    memset(x, 0, sizeof *x);
    const dyad_sentence *s = &d->sentences[sent];
    const dyad_token *t = &d->tokens[s->first + tok];
    x->sent = sent;
    x->head = x->first = x->last = tok;
    x->start = t->start;
    x->end = t->end;
    x->text = t->form;
    x->code = code;
    snprintf(x->country, sizeof x->country, "%.3s", code);
    if (strlen(code) >= 6) snprintf(x->sector, sizeof x->sector, "%.3s", code + 3);
    x->antecedent = -1;
    d->mentions = m;
    d->nmentions = n + 1;
}

/* Mentions for every PROPN token, coded by its form's first 3 letters
 * uppercased (Colombia -> COL, Peru -> PER). */
static inline void fix_auto_mentions(dyad_doc *d) {
    for (uint32_t s = 0; s < d->nsentences; s++) {
        const dyad_sentence *se = &d->sentences[s];
        for (uint32_t i = 0; i < se->ntokens; i++) {
            const dyad_token *t = &d->tokens[se->first + i];
            if (t->upos != DYAD_PROPN) continue;
            char *code = dyad_doc_alloc(d, 4);
            for (int k = 0; k < 3 && t->form[k]; k++)
                code[k] = (char)((t->form[k] >= 'a' && t->form[k] <= 'z') ? t->form[k] - 32 : t->form[k]);
            fix_mention(d, s, i, code);
        }
    }
}

static inline dyad_doc *fix_doc(const char *spec, const char *date) {
    dyad_buf b = {0};
    fix_conllu(&b, spec);
    dyad_error err;
    dyad_doc *d = dyad_conllu_read(b.data, b.len, "t", &err);
    dyad_buf_free(&b);
    if (d && date) d->date = dyad_doc_strndup(d, date, strlen(date));
    return d;
}

static inline ev_lexicon *fix_lexicon(void) {
    ev_lexicon *lx = ev_lexicon_new();
    FILE *devnull = fopen("/dev/null", "w");
    ev_lexicon_load_text(lx, FIX_LEXICON, sizeof FIX_LEXICON - 1, "fix.txt", devnull);
    fclose(devnull);
    return lx;
}

#endif
