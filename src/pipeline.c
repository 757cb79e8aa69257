/*
 * pipeline.c -- dyad_analyze: runs every stage a document still needs, in
 * order: segment (sentences + tokens), tag, parse, resolve actors, code
 * events.  A stage is skipped when its output is already there (tokens,
 * lemmas/tags, heads/deprels), so gold CoNLL-U documents go straight to
 * the actors and the coder.
 */
#include "internal.h"

static bool tagged(const dyad_doc *doc) {
    return doc->ntokens > 0 && doc->tokens[0].upos != DYAD_UPOS_NONE;
}

static bool parsed(const dyad_doc *doc) {
    return doc->ntokens > 0 && doc->tokens[0].deprel != NULL;
}

int dyad_analyze(dyad_ctx *ctx, dyad_doc *doc) {
    if (!doc->sentences || !doc->tokens) {
        if (dyad_segment(doc) < 0) {
            dyad_error_set(&ctx->err, doc->id, 0, -1, "out of memory while segmenting");
            return -1;
        }
    }
    if (!tagged(doc) && dyad_tag(ctx, doc) < 0) return -1;
    if (!parsed(doc) && dyad_parse(ctx, doc) < 0) return -1;
    if (!doc->mentions && dyad_resolve_actors(ctx, doc) < 0) return -1;
    return dyad_code_events(ctx, doc);
}
