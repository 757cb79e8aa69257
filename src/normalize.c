/*
 * normalize.c -- character classes and token-form normalisation for the
 * text stages, on top of utf8proc (no hand-written Unicode tables).
 *
 * Token forms are the token's bytes, NFC-normalised, with typographic
 * punctuation written the way UD English EWT writes it in ASCII: curly
 * single quotes and primes -> ', curly double quotes -> ", em dash and
 * horizontal bar -> --, en dash, minus sign and Unicode hyphens -> -, the
 * ellipsis character -> ...  ASCII tokens (the common case) are copied as
 * they are, without calling utf8proc.
 */
#include "text.h"

#include <utf8proc.h>

bool dyad_text_is_space_u(uint32_t cp) {
    if (cp < 0x80) return cp == ' ' || (cp >= '\t' && cp <= '\r');
    if (cp == 0x85 || cp == 0x200B || cp == 0xFEFF || cp == 0x180E) return true;
    utf8proc_category_t c = utf8proc_category((utf8proc_int32_t)cp);
    return c == UTF8PROC_CATEGORY_ZS || c == UTF8PROC_CATEGORY_ZL ||
           c == UTF8PROC_CATEGORY_ZP;
}

bool dyad_text_is_alnum_u(uint32_t cp) {
    if (cp < 0x80)
        return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') ||
               (cp >= '0' && cp <= '9');
    utf8proc_category_t c = utf8proc_category((utf8proc_int32_t)cp);
    return c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_NO;
}

bool dyad_text_is_upper_u(uint32_t cp) {
    if (cp < 0x80) return cp >= 'A' && cp <= 'Z';
    utf8proc_category_t c = utf8proc_category((utf8proc_int32_t)cp);
    return c == UTF8PROC_CATEGORY_LU || c == UTF8PROC_CATEGORY_LT;
}

/* ASCII replacement of a typographic character, or NULL to keep it. */
static const char *ascii_for(uint32_t cp) {
    switch (cp) {
    case 0x2018: case 0x2019: case 0x201A: case 0x201B: case 0x2032:
        return "'";
    case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0x2033:
        return "\"";
    case 0x2014: case 0x2015:
        return "--";
    case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2212:
        return "-";
    case 0x2026:
        return "...";
    default:
        return NULL;
    }
}

const char *dyad_text_form(dyad_doc *doc, const char *s, size_t n) {
    size_t i = 0;
    while (i < n && (unsigned char)s[i] < 0x80) i++;
    if (i == n) return dyad_doc_strndup(doc, s, n);
    dyad_buf b = {0};
    int rc = 0;
    for (i = 0; i < n && rc == 0;) {
        size_t k;
        uint32_t cp = dyad_text_decode(s, n, i, &k);
        const char *rep = ascii_for(cp);
        rc = rep ? dyad_buf_puts(&b, rep) : dyad_buf_append(&b, s + i, k);
        i += k;
    }
    if (rc < 0 || !b.data) {
        dyad_buf_free(&b);
        return NULL;
    }
    const char *out = NULL;
    utf8proc_uint8_t *nfc = utf8proc_NFC((const utf8proc_uint8_t *)b.data);
    if (nfc) {
        out = dyad_doc_strndup(doc, (const char *)nfc, strlen((const char *)nfc));
        free(nfc);
    } else {
        out = dyad_doc_strndup(doc, b.data, b.len);
    }
    dyad_buf_free(&b);
    return out;
}
