/*
 * util.c -- arena, growable buffer and array, errors, file reading.
 *
 * The arena hands out memory from chunks of 64 KiB (or bigger for a large
 * request) and frees them all at once: a document's tokens, strings and
 * events live in one arena, so freeing a document is one call.
 */
#include "internal.h"

#include <errno.h>
#include <stdio.h>

/* ---- arena ---- */

typedef struct arena_chunk {
    struct arena_chunk *next;
    size_t used, size;
    max_align_t data[];
} arena_chunk;

struct dyad_arena {
    arena_chunk *head;
    size_t total;
};

#define ARENA_CHUNK 65536

dyad_arena *dyad_arena_new(void) { return calloc(1, sizeof(dyad_arena)); }

void dyad_arena_free(dyad_arena *a) {
    if (!a) return;
    arena_chunk *c = a->head;
    while (c) {
        arena_chunk *next = c->next;
        free(c);
        c = next;
    }
    free(a);
}

void *dyad_arena_alloc(dyad_arena *a, size_t size) {
    size = (size + 7) & ~(size_t)7;
    if (size == 0) size = 8;
    arena_chunk *c = a->head;
    if (!c || c->size - c->used < size) {
        size_t cs = size > ARENA_CHUNK ? size : ARENA_CHUNK;
        c = malloc(sizeof(arena_chunk) + cs);
        if (!c) return NULL;
        c->used = 0;
        c->size = cs;
        /* Keep a partly used head chunk in front when the new one is a
         * one-off big block, so small allocations keep filling it. */
        if (a->head && size > ARENA_CHUNK) {
            c->next = a->head->next;
            a->head->next = c;
        } else {
            c->next = a->head;
            a->head = c;
        }
    }
    void *p = (char *)c->data + c->used;
    c->used += size;
    a->total += size;
    memset(p, 0, size);
    return p;
}

char *dyad_arena_strndup(dyad_arena *a, const char *s, size_t n) {
    char *p = dyad_arena_alloc(a, n + 1);
    if (!p) return NULL;
    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

char *dyad_arena_strdup(dyad_arena *a, const char *s) {
    return s ? dyad_arena_strndup(a, s, strlen(s)) : NULL;
}

size_t dyad_arena_used(const dyad_arena *a) { return a->total; }

/* ---- growable arrays ---- */

int dyad_grow(void **items, size_t *cap, size_t elem, size_t need) {
    if (need <= *cap) return 0;
    size_t ncap = *cap ? *cap * 2 : 16;
    while (ncap < need) ncap *= 2;
    void *p = realloc(*items, ncap * elem);
    if (!p) return -1;
    *items = p;
    *cap = ncap;
    return 0;
}

/* ---- buf ---- */

int dyad_buf_reserve(dyad_buf *b, size_t extra) {
    if (b->len + extra + 1 <= b->cap) return 0;
    size_t ncap = b->cap ? b->cap * 2 : 256;
    while (ncap < b->len + extra + 1) ncap *= 2;
    char *p = realloc(b->data, ncap);
    if (!p) return -1;
    b->data = p;
    b->cap = ncap;
    return 0;
}

int dyad_buf_append(dyad_buf *b, const void *p, size_t n) {
    if (dyad_buf_reserve(b, n) < 0) return -1;
    memcpy(b->data + b->len, p, n);
    b->len += n;
    b->data[b->len] = '\0';
    return 0;
}

int dyad_buf_puts(dyad_buf *b, const char *s) { return dyad_buf_append(b, s, strlen(s)); }

int dyad_buf_putc(dyad_buf *b, char c) { return dyad_buf_append(b, &c, 1); }

int dyad_buf_printf(dyad_buf *b, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0 || dyad_buf_reserve(b, (size_t)n) < 0) return -1;
    va_start(ap, fmt);
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
    return 0;
}

int dyad_buf_json_str(dyad_buf *b, const char *s, size_t n) {
    if (dyad_buf_reserve(b, n + 2) < 0) return -1;
    b->data[b->len++] = '"';
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        const char *esc = NULL;
        char tmp[8];
        switch (c) {
        case '"': esc = "\\\""; break;
        case '\\': esc = "\\\\"; break;
        case '\n': esc = "\\n"; break;
        case '\r': esc = "\\r"; break;
        case '\t': esc = "\\t"; break;
        default:
            if (c < 0x20) {
                snprintf(tmp, sizeof tmp, "\\u%04x", c);
                esc = tmp;
            }
        }
        if (esc) {
            if (dyad_buf_puts(b, esc) < 0) return -1;
        } else if (dyad_buf_putc(b, (char)c) < 0) {
            return -1;
        }
    }
    return dyad_buf_putc(b, '"');
}

void dyad_buf_clear(dyad_buf *b) {
    b->len = 0;
    if (b->data) b->data[0] = '\0';
}

void dyad_buf_free(dyad_buf *b) {
    free(b->data);
    b->data = NULL;
    b->len = b->cap = 0;
}

/* ---- errors ---- */

void dyad_error_set(dyad_error *err, const char *file, long line,
                    long long byte, const char *fmt, ...) {
    if (!err) return;
    snprintf(err->file, sizeof err->file, "%s", file ? file : "");
    err->line = line;
    err->byte = byte;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err->msg, sizeof err->msg, fmt, ap);
    va_end(ap);
}

const char *dyad_error_str(const dyad_error *err, char *buf, size_t size) {
    size_t n = 0;
    buf[0] = '\0';
    if (err->file[0]) n += (size_t)snprintf(buf + n, size - n, "%s:", err->file);
    if (n < size && err->line > 0)
        n += (size_t)snprintf(buf + n, size - n, "%ld:", err->line);
    if (n < size && err->byte >= 0)
        n += (size_t)snprintf(buf + n, size - n, " byte %lld:", err->byte);
    if (n < size) snprintf(buf + n, size - n, "%s%s", n ? " " : "", err->msg);
    return buf;
}

/* ---- strings and files ---- */

int dyad_strcasecmp_ascii(const char *a, const char *b) {
    for (;; a++, b++) {
        int ca = (unsigned char)*a, cb = (unsigned char)*b;
        if (ca >= 'A' && ca <= 'Z') ca += 32;
        if (cb >= 'A' && cb <= 'Z') cb += 32;
        if (ca != cb || !ca) return ca - cb;
    }
}

char *dyad_read_file(const char *path, size_t *len, dyad_error *err) {
    FILE *f = fopen(path, "rb");
    if (!f) {
        dyad_error_set(err, path, 0, -1, "cannot open: %s", strerror(errno));
        return NULL;
    }
    dyad_buf b = {0};
    char chunk[65536];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) {
        if (dyad_buf_append(&b, chunk, n) < 0) {
            dyad_error_set(err, path, 0, -1, "out of memory");
            dyad_buf_free(&b);
            fclose(f);
            return NULL;
        }
    }
    int bad = ferror(f);
    fclose(f);
    if (bad) {
        dyad_error_set(err, path, 0, -1, "read error");
        dyad_buf_free(&b);
        return NULL;
    }
    if (!b.data && dyad_buf_reserve(&b, 0) == 0) b.data[0] = '\0';
    if (len) *len = b.len;
    return b.data;
}
