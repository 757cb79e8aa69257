/*
 * conllu.c -- CoNLL-U reading and writing, UPOS names, FEATS strings.
 *
 * dyad_conllu_read turns CoNLL-U sentences into a dyad_doc: the document
 * text is the words joined by their SpaceAfter (sentences separated by one
 * space), every word becomes a token with its byte span in that text, and
 * the gold columns present (LEMMA, UPOS, XPOS, FEATS, HEAD, DEPREL) are
 * kept.  Multiword tokens ("2-3 didn't") are represented by their words;
 * the range line's SpaceAfter applies to its last word and the words inside
 * are joined without spaces.  Empty nodes ("8.1") are skipped.  Malformed
 * lines give an error naming the line and byte.
 *
 * dyad_conllu_write prints the document's sentences with # doc_id,
 * # sent_id and # text comments; unset columns are "_".
 */
#include "syntax.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const upos_names[DYAD_UPOS_COUNT] = {
    "_",     "ADJ",  "ADP",   "ADV",  "AUX",   "CCONJ", "DET", "INTJ", "NOUN",
    "NUM",   "PART", "PRON",  "PROPN", "PUNCT", "SCONJ", "SYM", "VERB", "X",
};

const char *dyad_upos_name(int upos) {
    if (upos <= 0 || upos >= DYAD_UPOS_COUNT) return "_";
    return upos_names[upos];
}

int dyad_upos_from_name(const char *name) {
    if (!name) return 0;
    for (int i = 1; i < DYAD_UPOS_COUNT; i++)
        if (strcmp(name, upos_names[i]) == 0) return i;
    return 0;
}

/* ---- FEATS ---- */

typedef struct feat_name {
    const char *name;   /* "Tense=Past" */
    uint32_t bit;
} feat_name;

/* Sorted as CoNLL-U wants (by feature name, case-insensitively). */
static const feat_name feat_names[] = {
    {"Degree=Cmp", DYAD_F_DEGREE_CMP},  {"Degree=Sup", DYAD_F_DEGREE_SUP},
    {"Mood=Imp", DYAD_F_MOOD_IMP},      {"Number=Plur", DYAD_F_NUM_PLUR},
    {"Number=Sing", DYAD_F_NUM_SING},   {"Person=1", DYAD_F_PERSON_1},
    {"Person=2", DYAD_F_PERSON_2},      {"Person=3", DYAD_F_PERSON_3},
    {"Polarity=Neg", DYAD_F_POLARITY_NEG}, {"Poss=Yes", DYAD_F_POSS},
    {"Tense=Past", DYAD_F_TENSE_PAST},  {"Tense=Pres", DYAD_F_TENSE_PRES},
    {"VerbForm=Fin", DYAD_F_VF_FIN},    {"VerbForm=Ger", DYAD_F_VF_GER},
    {"VerbForm=Inf", DYAD_F_VF_INF},    {"VerbForm=Part", DYAD_F_VF_PART},
    {"Voice=Pass", DYAD_F_VOICE_PASS},
};

uint32_t dyad_feats_from_string(const char *s, size_t n) {
    uint32_t bits = 0;
    size_t i = 0;
    while (i < n) {
        size_t j = i;
        while (j < n && s[j] != '|') j++;
        for (size_t k = 0; k < DYAD_ARRAY_LEN(feat_names); k++) {
            size_t len = strlen(feat_names[k].name);
            if (len == j - i && memcmp(s + i, feat_names[k].name, len) == 0)
                bits |= feat_names[k].bit;
        }
        i = j + 1;
    }
    return bits;
}

const char *dyad_feats_to_string(uint32_t feats, char *out, size_t size) {
    size_t n = 0;
    out[0] = '\0';
    for (size_t k = 0; k < DYAD_ARRAY_LEN(feat_names); k++) {
        if (!(feats & feat_names[k].bit)) continue;
        int w = snprintf(out + n, size - n, "%s%s", n ? "|" : "", feat_names[k].name);
        if (w < 0 || (size_t)w >= size - n) break;
        n += (size_t)w;
    }
    if (n == 0) snprintf(out, size, "_");
    return out;
}

/* ---- reading ---- */

typedef DYAD_VEC(dyad_token) token_vec;
typedef DYAD_VEC(dyad_sentence) sent_vec;

typedef struct reader {
    dyad_doc *doc;
    dyad_buf text;
    token_vec toks;
    sent_vec sents;
    const char *id;
    size_t line_no;
    size_t line_start;  /* byte offset of the line in the input */
    uint32_t sent_first;
    long expect_id;     /* next word id expected in this sentence */
    long mwt_last;      /* last word id of the open multiword range, 0 none */
    bool mwt_space;     /* SpaceAfter of that range */
    dyad_error *err;
} reader;

static int fail(reader *r, size_t col, const char *msg) {
    dyad_error_set(r->err, r->id, (long)r->line_no, (long long)(r->line_start + col),
                   "CoNLL-U: %s", msg);
    return -1;
}

static bool misc_space_after(const char *misc, size_t n) {
    static const char key[] = "SpaceAfter=No";
    size_t k = sizeof key - 1;
    for (size_t i = 0; i + k <= n; i++)
        if (memcmp(misc + i, key, k) == 0 && (i == 0 || misc[i - 1] == '|') &&
            (i + k == n || misc[i + k] == '|'))
            return false;
    return true;
}

static const char *field_str(reader *r, const char *s, size_t n) {
    if (n == 1 && s[0] == '_') return NULL;
    return dyad_doc_strndup(r->doc, s, n);
}

static int close_sentence(reader *r) {
    uint32_t n = (uint32_t)r->toks.len - r->sent_first;
    if (n == 0) return 0;
    if (r->mwt_last) return fail(r, 0, "multiword token range runs past the sentence");
    dyad_token *first = &r->toks.items[r->sent_first];
    dyad_token *last = &r->toks.items[r->toks.len - 1];
    dyad_sentence s = {first->start, last->end, r->sent_first, n};
    if (DYAD_VEC_PUSH(r->sents, s) < 0) return fail(r, 0, "out of memory");
    /* Check heads point inside the sentence. */
    for (uint32_t i = 0; i < n; i++)
        if (first[i].head >= (int32_t)n) return fail(r, 0, "HEAD points outside the sentence");
    r->sent_first = (uint32_t)r->toks.len;
    r->expect_id = 1;
    if (!last->space_after) {
        last->space_after = true;
        if (dyad_buf_putc(&r->text, ' ') < 0) return fail(r, 0, "out of memory");
    }
    return 0;
}

/* Splits a token line into its 10 columns. */
static int split_cols(const char *line, size_t n, const char **col, size_t *len) {
    int k = 0;
    size_t i = 0, start = 0;
    for (; i <= n; i++) {
        if (i == n || line[i] == '\t') {
            if (k == 10) return -1;
            col[k] = line + start;
            len[k] = i - start;
            k++;
            start = i + 1;
        }
    }
    return k == 10 ? 0 : -1;
}

static int parse_long(const char *s, size_t n, long *out) {
    if (n == 0 || n > 9) return -1;
    long v = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9') return -1;
        v = v * 10 + (s[i] - '0');
    }
    *out = v;
    return 0;
}

static int word_line(reader *r, const char **col, size_t *len) {
    const char *id = col[0];
    size_t idn = len[0];
    const char *dash = memchr(id, '-', idn);
    if (dash) {
        long a, b;
        if (parse_long(id, (size_t)(dash - id), &a) < 0 ||
            parse_long(dash + 1, idn - (size_t)(dash - id) - 1, &b) < 0 || b < a ||
            a != r->expect_id)
            return fail(r, 0, "bad multiword token range");
        r->mwt_last = b;
        r->mwt_space = misc_space_after(col[9], len[9]);
        return 0;
    }
    if (memchr(id, '.', idn)) return 0; /* empty node */
    long wid;
    if (parse_long(id, idn, &wid) < 0) return fail(r, 0, "bad word ID");
    if (wid != r->expect_id) return fail(r, 0, "word IDs out of sequence");
    if (len[1] == 0) return fail(r, len[0] + 1, "empty FORM");
    r->expect_id++;

    dyad_token t = {0};
    t.start = (uint32_t)r->text.len;
    if (dyad_buf_append(&r->text, col[1], len[1]) < 0) return fail(r, 0, "out of memory");
    t.end = (uint32_t)r->text.len;
    t.form = dyad_doc_strndup(r->doc, col[1], len[1]);
    t.lemma = field_str(r, col[2], len[2]);
    if (!(len[3] == 1 && col[3][0] == '_')) {
        char up[16];
        snprintf(up, sizeof up, "%.*s", (int)(len[3] < 15 ? len[3] : 15), col[3]);
        t.upos = (uint8_t)dyad_upos_from_name(up);
    }
    t.xpos = field_str(r, col[4], len[4]);
    t.feats = dyad_feats_from_string(col[5], len[5]);
    t.head = -1;
    if (!(len[6] == 1 && col[6][0] == '_')) {
        long h;
        if (parse_long(col[6], len[6], &h) < 0) return fail(r, 0, "bad HEAD");
        t.head = (int32_t)h - 1;
    }
    t.deprel = field_str(r, col[7], len[7]);
    bool space = misc_space_after(col[9], len[9]);
    if (r->mwt_last) {
        space = wid == r->mwt_last ? r->mwt_space : false;
        if (wid == r->mwt_last) r->mwt_last = 0;
    }
    t.space_after = space;
    if (space && dyad_buf_putc(&r->text, ' ') < 0) return fail(r, 0, "out of memory");
    if (!t.form || DYAD_VEC_PUSH(r->toks, t) < 0) return fail(r, 0, "out of memory");
    return 0;
}

static int read_lines(reader *r, const char *s, size_t n) {
    size_t i = 0;
    while (i < n) {
        size_t j = i;
        while (j < n && s[j] != '\n') j++;
        size_t ln = j - i;
        if (ln && s[i + ln - 1] == '\r') ln--;
        r->line_no++;
        r->line_start = i;
        const char *line = s + i;
        int rc = 0;
        if (ln == 0) {
            rc = close_sentence(r);
        } else if (line[0] != '#') {
            const char *col[10];
            size_t len[10];
            if (split_cols(line, ln, col, len) < 0)
                rc = fail(r, 0, "a word line needs 10 tab-separated columns");
            else
                rc = word_line(r, col, len);
        }
        if (rc < 0) return -1;
        i = j + 1;
    }
    r->line_no++;
    return close_sentence(r);
}

dyad_doc *dyad_conllu_read(const char *conllu, size_t len, const char *id,
                           dyad_error *err) {
    reader r = {0};
    r.id = id ? id : "conllu";
    r.err = err;
    r.expect_id = 1;
    r.doc = dyad_doc_new(r.id, NULL, NULL, "", 0);
    if (!r.doc) {
        dyad_error_set(err, r.id, 0, -1, "out of memory");
        return NULL;
    }
    long long bad = dyad_utf8_check(conllu, len);
    int rc = bad >= 0 ? -1 : read_lines(&r, conllu, len);
    if (bad >= 0) dyad_error_set(err, r.id, 0, bad, "CoNLL-U: invalid UTF-8 or NUL byte");
    /* Drop the separator space after the last sentence. */
    if (rc == 0 && r.text.len && r.text.data[r.text.len - 1] == ' ') r.text.len--;
    dyad_doc *doc = r.doc;
    if (rc == 0) {
        doc->text = dyad_doc_strndup(doc, r.text.data ? r.text.data : "", r.text.len);
        doc->len = r.text.len;
        doc->ntokens = r.toks.len;
        doc->tokens = dyad_doc_alloc(doc, (r.toks.len + 1) * sizeof *doc->tokens);
        doc->nsentences = r.sents.len;
        doc->sentences = dyad_doc_alloc(doc, (r.sents.len + 1) * sizeof *doc->sentences);
        if (!doc->text || !doc->tokens || !doc->sentences) {
            dyad_error_set(err, r.id, 0, -1, "out of memory");
            rc = -1;
        } else {
            if (r.toks.len) memcpy(doc->tokens, r.toks.items, r.toks.len * sizeof *doc->tokens);
            if (r.sents.len)
                memcpy(doc->sentences, r.sents.items, r.sents.len * sizeof *doc->sentences);
        }
    }
    dyad_buf_free(&r.text);
    DYAD_VEC_FREE(r.toks);
    DYAD_VEC_FREE(r.sents);
    if (rc < 0) {
        dyad_doc_free(doc);
        return NULL;
    }
    return doc;
}

/* ---- writing ---- */

/* Prints s[0..n) with tabs and line breaks turned into spaces. */
static void put_clean(FILE *out, const char *s, size_t n) {
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        fputc(c == '\t' || c == '\n' || c == '\r' ? ' ' : c, out);
    }
}

static void put_field(FILE *out, const char *s) {
    if (!s || !*s) {
        fputc('_', out);
        return;
    }
    put_clean(out, s, strlen(s));
}

int dyad_conllu_write(const dyad_doc *doc, FILE *out) {
    for (size_t si = 0; si < doc->nsentences; si++) {
        const dyad_sentence *s = &doc->sentences[si];
        if (si == 0) fprintf(out, "# doc_id = %s\n", doc->id ? doc->id : "");
        fprintf(out, "# sent_id = %s-%zu\n# text = ", doc->id ? doc->id : "", si + 1);
        if (s->end <= doc->len && s->start <= s->end)
            put_clean(out, doc->text + s->start, s->end - s->start);
        fputc('\n', out);
        for (uint32_t i = 0; i < s->ntokens; i++) {
            const dyad_token *t = &doc->tokens[s->first + i];
            char feats[256];
            fprintf(out, "%u\t", i + 1);
            put_field(out, t->form);
            fputc('\t', out);
            put_field(out, t->lemma);
            fprintf(out, "\t%s\t", dyad_upos_name(t->upos));
            put_field(out, t->xpos);
            fprintf(out, "\t%s\t", dyad_feats_to_string(t->feats, feats, sizeof feats));
            if (t->deprel)
                fprintf(out, "%d\t", t->head < 0 ? 0 : t->head + 1);
            else
                fputs("_\t", out);
            put_field(out, t->deprel);
            fputs("\t_\t", out);
            fputs(t->space_after ? "_" : "SpaceAfter=No", out);
            fputc('\n', out);
        }
        fputc('\n', out);
    }
    return ferror(out) ? -1 : 0;
}
