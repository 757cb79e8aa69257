/*
 * doc.c -- the document: its text and the arena that owns every sentence,
 * token, mention and event found in it; UTF-8 checks and offset conversion.
 */
#include "internal.h"

dyad_doc *dyad_doc_new(const char *id, const char *title, const char *date,
                       const char *text, size_t len) {
    dyad_arena *a = dyad_arena_new();
    if (!a) return NULL;
    dyad_doc *d = dyad_arena_alloc(a, sizeof *d);
    if (!d) {
        dyad_arena_free(a);
        return NULL;
    }
    d->arena = a;
    d->id = dyad_arena_strdup(a, id ? id : "");
    d->title = title ? dyad_arena_strdup(a, title) : NULL;
    d->date = date && *date ? dyad_arena_strdup(a, date) : NULL;
    d->text = dyad_arena_strndup(a, text ? text : "", text ? len : 0);
    d->len = text ? len : 0;
    if (!d->id || !d->text) {
        dyad_arena_free(a);
        return NULL;
    }
    return d;
}

void dyad_doc_free(dyad_doc *doc) {
    if (doc) dyad_arena_free(doc->arena);
}

void *dyad_doc_alloc(dyad_doc *doc, size_t size) {
    return dyad_arena_alloc(doc->arena, size);
}

char *dyad_doc_strndup(dyad_doc *doc, const char *s, size_t n) {
    return dyad_arena_strndup(doc->arena, s, n);
}

size_t dyad_doc_char_offset(const dyad_doc *doc, size_t byte) {
    if (byte > doc->len) byte = doc->len;
    size_t chars = 0;
    for (size_t i = 0; i < byte; i++)
        if (((unsigned char)doc->text[i] & 0xC0) != 0x80) chars++;
    return chars;
}

long long dyad_utf8_check(const char *s, size_t len) {
    const unsigned char *p = (const unsigned char *)s;
    size_t i = 0;
    while (i < len) {
        unsigned c = p[i];
        if (c == 0) return (long long)i;
        if (c < 0x80) { i++; continue; }
        size_t n;
        unsigned cp;
        if (c >= 0xC2 && c <= 0xDF) { n = 1; cp = c & 0x1F; }
        else if (c >= 0xE0 && c <= 0xEF) { n = 2; cp = c & 0x0F; }
        else if (c >= 0xF0 && c <= 0xF4) { n = 3; cp = c & 0x07; }
        else return (long long)i;
        for (size_t k = 1; k <= n; k++) {
            if (i + k >= len || (p[i + k] & 0xC0) != 0x80) return (long long)i;
            cp = (cp << 6) | (p[i + k] & 0x3F);
        }
        if ((n == 2 && cp < 0x800) || (n == 3 && (cp < 0x10000 || cp > 0x10FFFF)) ||
            (cp >= 0xD800 && cp <= 0xDFFF))
            return (long long)i;
        i += n + 1;
    }
    return -1;
}
