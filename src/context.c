/*
 * context.c -- dyad_ctx: the per-thread object that holds loaded resources
 * (parser model, actor knowledge base, event lexicon) and options.
 *
 * Each stage loads its resource into its slot on first use (or eagerly in
 * dyad_open), and registers how to free it; dyad_close frees every slot.
 */
#include "internal.h"

#include <stdio.h>

#ifndef DYAD_DATADIR
#define DYAD_DATADIR "data"
#endif

static void resource_free(dyad_resource *r) {
    if (r->ptr && r->free) r->free(r->ptr);
    r->ptr = NULL;
}

dyad_ctx *dyad_open(const dyad_options *opt, dyad_error *err) {
    dyad_ctx *ctx = calloc(1, sizeof *ctx);
    if (!ctx) {
        dyad_error_set(err, NULL, 0, -1, "out of memory");
        return NULL;
    }
    if (opt) ctx->opt = *opt;
    const char *dir = ctx->opt.data_dir;
    if (!dir || !*dir) dir = getenv("DYAD_DATA");
    if (!dir || !*dir) dir = DYAD_DATADIR;
    snprintf(ctx->data_dir, sizeof ctx->data_dir, "%s", dir);
    ctx->opt.data_dir = ctx->data_dir;
    if (ctx->opt.date) snprintf(ctx->date, sizeof ctx->date, "%s", ctx->opt.date);
    ctx->opt.date = ctx->date[0] ? ctx->date : NULL;

    size_t n = 0;
    while (opt && opt->dicts && opt->dicts[n]) n++;
    ctx->dicts = calloc(n + 1, sizeof *ctx->dicts);
    if (!ctx->dicts) {
        free(ctx);
        dyad_error_set(err, NULL, 0, -1, "out of memory");
        return NULL;
    }
    for (size_t i = 0; i < n; i++) ctx->dicts[i] = opt->dicts[i];
    ctx->ndicts = n;
    ctx->opt.dicts = ctx->dicts;
    return ctx;
}

void dyad_close(dyad_ctx *ctx) {
    if (!ctx) return;
    resource_free(&ctx->lexicon);
    resource_free(&ctx->kb);
    resource_free(&ctx->model);
    free(ctx->dicts);
    free(ctx);
}

const char *dyad_data_dir(const dyad_ctx *ctx) { return ctx->data_dir; }

const char *dyad_data_path(const dyad_ctx *ctx, const char *rel, char *out,
                           size_t size) {
    snprintf(out, size, "%s/%s", ctx->data_dir, rel);
    return out;
}
