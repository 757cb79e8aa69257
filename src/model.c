/*
 * model.c -- the syntax model file: writing it (for the trainer) and
 * loading it by mmap (for the tagger and parser).
 *
 * Layout (all integers little-endian, every section 8-byte aligned):
 *   header:  char magic[8] = "DYADMDL1"; uint32 version; uint32 nsections;
 *   table:   nsections x { uint32 id; uint32 pad; uint64 offset; uint64 size }
 *   sections, each an array of fixed-size records (see syntax.h and
 *   docs/syntax.md): strings blob, tag table, label table, weight hash
 *   tables (open addressing of {uint64 key; uint32 a, b}) and packed sparse
 *   weight rows, lexicon and suffix tables.
 * Loading maps the file read-only and points into it: apart from two small
 * arrays of string pointers (tags and labels) nothing is parsed or copied.
 * syn_weights_score, the scoring loop of the tagger and the parser, is here
 * too (compiled for AVX2 and the baseline on x86-64, see syntax.h).
 */
#include "syntax.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#define MODEL_MAGIC "DYADMDL1"
#define MODEL_VERSION 2 /* 2: dense rows; version 1 files still load */

typedef struct file_header {
    char magic[8];
    uint32_t version;
    uint32_t nsections;
} file_header;

typedef struct file_section {
    uint32_t id;
    uint32_t pad;
    uint64_t offset;
    uint64_t size;
} file_section;

int syn_model_write(const char *path, const syn_section *secs, int n, dyad_error *err) {
    FILE *f = fopen(path, "wb");
    if (!f) {
        dyad_error_set(err, path, 0, -1, "cannot create: %s", strerror(errno));
        return -1;
    }
    file_header h = {{0}, MODEL_VERSION, (uint32_t)n};
    memcpy(h.magic, MODEL_MAGIC, 8);
    fwrite(&h, sizeof h, 1, f);
    uint64_t off = sizeof h + (uint64_t)n * sizeof(file_section);
    for (int i = 0; i < n; i++) {
        file_section s = {secs[i].id, 0, off, secs[i].size};
        fwrite(&s, sizeof s, 1, f);
        off += (secs[i].size + 7) & ~(uint64_t)7;
    }
    static const char zeros[8] = {0};
    for (int i = 0; i < n; i++) {
        if (secs[i].size) fwrite(secs[i].data, 1, secs[i].size, f);
        size_t padn = ((secs[i].size + 7) & ~(size_t)7) - secs[i].size;
        fwrite(zeros, 1, padn, f);
    }
    int bad = ferror(f);
    if (fclose(f) != 0 || bad) {
        dyad_error_set(err, path, 0, -1, "write error");
        return -1;
    }
    return 0;
}

typedef struct sec_view {
    const void *p;
    uint64_t size;
} sec_view;

static int table_from(sec_view v, syn_table *t) {
    uint64_t cap = v.size / sizeof(syn_entry);
    t->e = NULL;
    t->mask = 0;
    if (cap == 0) return 0;
    if (cap & (cap - 1)) return -1;
    t->e = v.p;
    t->mask = cap - 1;
    return 0;
}

static int weights_from(sec_view idx, sec_view rows, sec_view meta, syn_weights *w) {
    if (meta.size < sizeof(syn_wmeta)) return -1;
    const syn_wmeta *m = meta.p;
    w->scale = m->scale;
    w->nclasses = m->nclasses;
    w->rows = rows.p;
    w->nrows = rows.size / 4;
    uint64_t cap = idx.size / sizeof(syn_windex);
    w->index = cap ? idx.p : NULL;
    w->mask = cap ? cap - 1 : 0;
    if (cap & (cap - 1)) return -1;
    if (w->nclasses == 0 || w->nclasses > SYN_MAX_CLASSES) return -1;
    /* Check that every row lies inside the rows section. */
    for (uint64_t i = 0; i < cap; i++) {
        const syn_windex *e = &w->index[i];
        if (!e->check) continue;
        if (e->off >= w->nrows ||
            (uint64_t)e->off + 1 + syn_row_words(w->rows[e->off], w->nclasses) > w->nrows)
            return -1;
    }
    return 0;
}

SYN_VECTOR_CLONES
void syn_weights_score(const syn_weights *w, const uint64_t *keys, int n, int32_t *scores) {
    const uint32_t *rows[128];
    if (!w->index || n > 128) {
        for (int f = 0; f < n; f++) syn_weights_add(w, keys[f], scores);
        return;
    }
    for (int f = 0; f < n; f++) __builtin_prefetch(&w->index[(keys[f] | 1) & w->mask]);
    for (int f = 0; f < n; f++) {
        uint64_t key = keys[f] | 1;
        uint32_t check = syn_wcheck(key);
        rows[f] = NULL;
        for (uint64_t i = key & w->mask;; i = (i + 1) & w->mask) {
            const syn_windex *e = &w->index[i];
            if (e->check == check) {
                rows[f] = w->rows + e->off;
                __builtin_prefetch(rows[f]);
                break;
            }
            if (e->check == 0) break;
        }
    }
    for (int f = 0; f < n; f++)
        if (rows[f]) syn_row_add(rows[f], w->nclasses, scores);
}

static const char *str_at(const dyad_model *m, uint32_t off) {
    return off < m->strings_len ? m->strings + off : "";
}

static int model_from_sections(dyad_model *m, const sec_view *sv) {
    m->strings = sv[SEC_STRINGS].p;
    m->strings_len = (uint32_t)sv[SEC_STRINGS].size;
    if (!m->strings || m->strings_len == 0 || m->strings[m->strings_len - 1] != '\0')
        return -1;
    if (sv[SEC_TAGS].size < 8 || sv[SEC_LABELS].size < 4) return -1;
    m->ntags = *(const uint32_t *)sv[SEC_TAGS].p;
    if (sv[SEC_TAGS].size < 8 + (uint64_t)m->ntags * sizeof(syn_tag_rec)) return -1;
    m->tags = (const syn_tag_rec *)((const char *)sv[SEC_TAGS].p + 8);
    m->nlabels = *(const uint32_t *)sv[SEC_LABELS].p;
    if (sv[SEC_LABELS].size < 4 + (uint64_t)m->nlabels * 4) return -1;
    const uint32_t *loff = (const uint32_t *)sv[SEC_LABELS].p + 1;
    if (m->ntags == 0 || m->ntags > SYN_MAX_CLASSES || m->nlabels == 0 ||
        2 + 2 * m->nlabels > SYN_MAX_CLASSES)
        return -1;
    m->tag_xpos = calloc(m->ntags, sizeof *m->tag_xpos);
    m->labels = calloc(m->nlabels, sizeof *m->labels);
    if (!m->tag_xpos || !m->labels) return -1;
    for (uint32_t i = 0; i < m->ntags; i++) m->tag_xpos[i] = str_at(m, m->tags[i].xpos_off);
    m->label_root = m->label_dep = m->label_auxpass = m->label_punct = -1;
    for (uint32_t i = 0; i < m->nlabels; i++) {
        const char *l = m->labels[i] = str_at(m, loff[i]);
        if (strcmp(l, "root") == 0) m->label_root = (int)i;
        if (strcmp(l, "dep") == 0) m->label_dep = (int)i;
        if (strcmp(l, "aux:pass") == 0) m->label_auxpass = (int)i;
        if (strcmp(l, "punct") == 0) m->label_punct = (int)i;
    }
    if (m->label_root < 0) return -1;
    if (m->label_dep < 0) m->label_dep = m->label_root;
    if (weights_from(sv[SEC_TAGGER_INDEX], sv[SEC_TAGGER_ROWS], sv[SEC_TAGGER_META],
                     &m->tagger) < 0 ||
        weights_from(sv[SEC_PARSER_INDEX], sv[SEC_PARSER_ROWS], sv[SEC_PARSER_META],
                     &m->parser) < 0)
        return -1;
    if (m->tagger.nclasses != m->ntags || m->parser.nclasses != 2 + 2 * m->nlabels) return -1;
    if (table_from(sv[SEC_TAGDICT], &m->tagdict) < 0 ||
        table_from(sv[SEC_LEXICON], &m->lexicon) < 0 ||
        table_from(sv[SEC_LEXLOWER], &m->lexlower) < 0 ||
        table_from(sv[SEC_SUFFIX], &m->suffix) < 0 || table_from(sv[SEC_AMBIG], &m->ambig) < 0)
        return -1;
    if (sv[SEC_META].size >= 4) m->suffix_max = *(const uint32_t *)sv[SEC_META].p;
    m->beam = sv[SEC_META].size >= 8 ? ((const uint32_t *)sv[SEC_META].p)[1] : 1;
    if (m->beam < 1 || m->beam > SYN_MAX_BEAM) m->beam = 1;
    m->tag_in_adp = syn_tag_class(m, "IN", DYAD_ADP);
    for (int i = 0; i < SYN_NPREP; i++)
        m->prep_keys[i] = syn_rare_preps[i] ? syn_dict_key(syn_rare_preps[i],
                                                           strlen(syn_rare_preps[i]))
                                            : 0;
    return 0;
}

void dyad_model_free(void *p) {
    dyad_model *m = p;
    if (!m) return;
    if (m->map) munmap(m->map, m->map_size);
    free(m->tag_xpos);
    free(m->labels);
    free(m);
}

dyad_model *dyad_model_load(const char *path, dyad_error *err) {
    int fd = open(path, O_RDONLY);
    if (fd < 0) {
        dyad_error_set(err, path, 0, -1, "cannot open model: %s", strerror(errno));
        return NULL;
    }
    struct stat st;
    if (fstat(fd, &st) < 0 || st.st_size < (off_t)sizeof(file_header)) {
        close(fd);
        dyad_error_set(err, path, 0, -1, "not a dyad model (too short)");
        return NULL;
    }
    void *map = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
    close(fd);
    /* ask the kernel to read the model ahead (asynchronously): the weight
     * lookups are random, and faulting pages in one at a time is slow */
    if (map != MAP_FAILED) madvise(map, (size_t)st.st_size, MADV_WILLNEED);
    if (map == MAP_FAILED) {
        dyad_error_set(err, path, 0, -1, "cannot map model: %s", strerror(errno));
        return NULL;
    }
    dyad_model *m = calloc(1, sizeof *m);
    if (!m) {
        munmap(map, (size_t)st.st_size);
        dyad_error_set(err, path, 0, -1, "out of memory");
        return NULL;
    }
    m->map = map;
    m->map_size = (size_t)st.st_size;
    const file_header *h = map;
    uint64_t fsize = (uint64_t)st.st_size;
    if (memcmp(h->magic, MODEL_MAGIC, 8) != 0 || (h->version != MODEL_VERSION && h->version != 1) ||
        sizeof *h + (uint64_t)h->nsections * sizeof(file_section) > fsize) {
        dyad_model_free(m);
        dyad_error_set(err, path, 0, 0, "not a dyad model (bad magic or version)");
        return NULL;
    }
    sec_view sv[SEC_COUNT] = {{0}};
    const file_section *fs = (const file_section *)(h + 1);
    for (uint32_t i = 0; i < h->nsections; i++) {
        if (fs[i].offset > fsize || fs[i].size > fsize - fs[i].offset || fs[i].offset % 8) {
            dyad_model_free(m);
            dyad_error_set(err, path, 0, (long long)fs[i].offset, "model section out of range");
            return NULL;
        }
        if (fs[i].id > 0 && fs[i].id < SEC_COUNT) {
            sv[fs[i].id].p = (const char *)map + fs[i].offset;
            sv[fs[i].id].size = fs[i].size;
        }
    }
    if (model_from_sections(m, sv) < 0) {
        dyad_model_free(m);
        dyad_error_set(err, path, 0, -1, "corrupt model file");
        return NULL;
    }
    return m;
}

dyad_model *dyad_ctx_model(dyad_ctx *ctx) {
    if (ctx->model.ptr) return ctx->model.ptr;
    char path[1200];
    const char *p = ctx->opt.model_path;
    if (!p || !*p) p = dyad_data_path(ctx, "model/dyad.model", path, sizeof path);
    dyad_model *m = dyad_model_load(p, &ctx->err);
    if (!m) return NULL;
    ctx->model.ptr = m;
    ctx->model.free = dyad_model_free;
    return m;
}
