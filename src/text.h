/*
 * text.h -- internals shared by the text stages (src/tokens.c,
 * src/sentences.c): UTF-8 decoding, character classes and the tokenizer.
 */
#ifndef DYAD_TEXT_H
#define DYAD_TEXT_H

#include "internal.h"

typedef DYAD_VEC(dyad_token) dyad_tokvec;

/* Decodes the code point at s[i] (s valid UTF-8, i < len); sets *n to its
 * byte length. */
static inline uint32_t dyad_text_decode(const char *s, size_t len, size_t i, size_t *n) {
    const unsigned char *p = (const unsigned char *)s + i;
    if (p[0] < 0x80) { *n = 1; return p[0]; }
    if (p[0] < 0xE0 && i + 1 < len) { *n = 2; return ((p[0] & 0x1Fu) << 6) | (p[1] & 0x3Fu); }
    if (p[0] < 0xF0 && i + 2 < len) {
        *n = 3;
        return ((p[0] & 0x0Fu) << 12) | ((p[1] & 0x3Fu) << 6) | (p[2] & 0x3Fu);
    }
    if (i + 3 < len) {
        *n = 4;
        return ((p[0] & 0x07u) << 18) | ((p[1] & 0x3Fu) << 12) | ((p[2] & 0x3Fu) << 6) |
               (p[3] & 0x3Fu);
    }
    *n = 1;
    return 0xFFFD;
}

/* Whitespace: ASCII blanks, Unicode space/line/paragraph separators
 * (no-break spaces included), zero-width space and the BOM. */
bool dyad_text_is_space_u(uint32_t cp);
/* Letters, marks and digits (Unicode L*, M*, N*). */
bool dyad_text_is_alnum_u(uint32_t cp);
/* Upper- or titlecase letter. */
bool dyad_text_is_upper_u(uint32_t cp);

/* The same with an inline ASCII fast path (src/normalize.c does the rest). */
static inline bool dyad_text_is_space(uint32_t cp) {
    return cp < 0x80 ? (cp == ' ' || (cp >= '\t' && cp <= '\r')) : dyad_text_is_space_u(cp);
}
static inline bool dyad_text_is_alnum(uint32_t cp) {
    if (cp < 0x80)
        return (cp | 0x20) - 'a' < 26u || cp - '0' < 10u;
    return dyad_text_is_alnum_u(cp);
}
static inline bool dyad_text_is_upper(uint32_t cp) {
    return cp < 0x80 ? cp - 'A' < 26u : dyad_text_is_upper_u(cp);
}

/* The normalised form of s[0..n) in the document's arena: NFC, curly
 * quotes -> ' and ", em dash -> --, en dash and minus -> -, ellipsis
 * character -> ...  (src/normalize.c).  NULL on out-of-memory. */
const char *dyad_text_form(dyad_doc *doc, const char *s, size_t n);

/* Tokenizes doc->text into out (appends).  Forms are allocated in the
 * document's arena.  Returns 0 or -1 on out-of-memory. */
int dyad_text_tokenize(dyad_doc *doc, dyad_tokvec *out);

/* Groups tokens into sentences: appends to out the index one past the last
 * token of each sentence.  Returns 0 or -1. */
typedef DYAD_VEC(uint32_t) dyad_u32vec;
int dyad_text_split(const dyad_doc *doc, const dyad_token *toks, size_t n,
                    dyad_u32vec *ends);

#endif
