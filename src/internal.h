/*
 * internal.h -- helpers shared by the stages of libdyad (not public).
 *
 * An arena allocator for per-document memory, a growable byte buffer, a
 * growable array macro, and error helpers.  Everything here is reentrant:
 * no globals.
 */
#ifndef DYAD_INTERNAL_H
#define DYAD_INTERNAL_H

#include "dyad.h"
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#define DYAD_UNUSED(x) ((void)(x))
#define DYAD_ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))

/* ---- arena: bump allocator in chunks; freed all at once ---- */
dyad_arena *dyad_arena_new(void);
void dyad_arena_free(dyad_arena *a);
void *dyad_arena_alloc(dyad_arena *a, size_t size);      /* zeroed, 8-aligned */
char *dyad_arena_strndup(dyad_arena *a, const char *s, size_t n);
char *dyad_arena_strdup(dyad_arena *a, const char *s);
size_t dyad_arena_used(const dyad_arena *a);

/* ---- buf: growable byte string, always NUL-terminated when len > 0 ---- */
typedef struct dyad_buf {
    char *data;
    size_t len, cap;
} dyad_buf;

int dyad_buf_reserve(dyad_buf *b, size_t extra);      /* 0 or -1 (ENOMEM) */
int dyad_buf_append(dyad_buf *b, const void *p, size_t n);
int dyad_buf_puts(dyad_buf *b, const char *s);
int dyad_buf_putc(dyad_buf *b, char c);
int dyad_buf_printf(dyad_buf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* Appends s as a JSON string literal (quotes and escapes included). */
int dyad_buf_json_str(dyad_buf *b, const char *s, size_t n);
void dyad_buf_clear(dyad_buf *b);                     /* len = 0, keeps memory */
void dyad_buf_free(dyad_buf *b);

/* ---- vec: growable array of any type, e.g. DYAD_VEC(int) v = {0}; ---- */
#define DYAD_VEC(T) struct { T *items; size_t len, cap; }
/* Pushes x; evaluates to 0 or -1 on out-of-memory. */
#define DYAD_VEC_PUSH(v, x)                                                   \
    (((v).len < (v).cap || dyad_grow((void **)&(v).items, &(v).cap,           \
                                     sizeof(*(v).items), (v).len + 1) == 0)   \
         ? ((v).items[(v).len++] = (x), 0)                                    \
         : -1)
#define DYAD_VEC_FREE(v) (free((v).items), (v).items = NULL, (v).len = (v).cap = 0)
int dyad_grow(void **items, size_t *cap, size_t elem, size_t need);

/* ---- errors ---- */
void dyad_error_set(dyad_error *err, const char *file, long line,
                    long long byte, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));

/* ---- context internals (src/context.c) ---- */
/* A resource a stage loads once per context and frees at dyad_close. */
typedef struct dyad_resource {
    void *ptr;
    void (*free)(void *);
} dyad_resource;

struct dyad_ctx {
    dyad_options opt;
    char data_dir[1024];
    char date[11];              /* opt->date copied, "" if none */
    const char **dicts;         /* copies of opt->dicts, NULL-ended */
    size_t ndicts;
    dyad_resource model;        /* struct dyad_model  (src/model.c) */
    dyad_resource kb;           /* struct dyad_kb     (src/actors/) */
    dyad_resource lexicon;      /* struct dyad_lexicon (src/events/) */
    dyad_error err;             /* last error */
};

/* Joins data_dir and rel into out; returns out. */
const char *dyad_data_path(const dyad_ctx *ctx, const char *rel,
                           char *out, size_t size);

/* ---- small string helpers ---- */
int dyad_strcasecmp_ascii(const char *a, const char *b);
/* Reads a whole file into a malloc'd NUL-terminated buffer. */
char *dyad_read_file(const char *path, size_t *len, dyad_error *err);

#endif
