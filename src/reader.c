/*
 * reader.c -- input readers: plain text, JSON Lines, directories and stdin.
 *
 * A dyad_reader yields one dyad_doc per call of dyad_reader_next().
 *
 *  - TEXT: the whole file is one document (id = the file name).  Its first
 *    line is taken as the title when (a) it is followed by a blank line, or
 *    (b) it lacks final punctuation (. ! ? : ; or a closing quote after one)
 *    and more text follows; the title is at most 300 bytes.  doc->text is the
 *    body after the title (offsets refer to it).
 *  - JSONL: one JSON object per line, parsed with jansson.  Fields: "id"
 *    (string or number; missing -> "<file>:<line>"), "title", "text"
 *    (required, non-empty), "date" or "published" (its YYYY-MM-DD prefix).
 *    Lines are read through our own buffer (constant memory whatever the file
 *    size); a record longer than the cap (64 MiB, or $DYAD_MAX_RECORD_MB) is
 *    skipped with an error naming file:line.  Blank lines are ignored.
 *  - A directory: every regular file below it, sorted by path, recursing;
 *    .jsonl/.json files read as JSONL, others as text.
 *  - stdin (path NULL or "-"): with DYAD_FMT_AUTO the first non-blank byte
 *    decides: '{' -> JSONL, else one text document with id "stdin".
 *
 * Errors (dyad_reader_next returns -1, the next call goes on): invalid UTF-8
 * or NUL bytes (byte = offset in the file of the bad byte), malformed or
 * truncated JSON, a record that is not an object, missing or empty text.
 */
#include "internal.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <sys/stat.h>

#include <jansson.h>

#define READ_CHUNK (1u << 16)
#define DEFAULT_MAX_RECORD ((size_t)64 << 20)
#define MAX_TITLE 300

struct dyad_reader {
    dyad_format fmt;          /* TEXT or JSONL once resolved */
    char *path;               /* display name (file path or "stdin") */
    FILE *f;                  /* open stream (JSONL, or TEXT before reading) */
    bool own_f;               /* close f at the end */
    bool done;                /* no more documents from this stream */
    /* JSONL line buffering */
    char *rbuf;               /* READ_CHUNK bytes of input */
    size_t rpos, rend;
    bool eof;
    dyad_buf line;            /* the current record */
    long lineno;              /* 1-based line of the current record */
    long long line_off;       /* file offset of the current record */
    long long off;            /* file offset of the next unread byte */
    size_t max_record;
    /* directory mode */
    char **files;             /* sorted paths, malloc'd */
    size_t nfiles, ifile;
    struct dyad_reader *sub;  /* reader of files[ifile - 1] */
    char *id_prefix_root;     /* directory root, for relative ids */
};

/* ---- small helpers ---- */

static const char *base_name(const char *p) {
    const char *s = strrchr(p, '/');
    return s ? s + 1 : p;
}

static bool has_ext(const char *p, const char *ext) {
    size_t n = strlen(p), e = strlen(ext);
    return n >= e && dyad_strcasecmp_ascii(p + n - e, ext) == 0;
}

static size_t max_record_size(void) {
    const char *s = getenv("DYAD_MAX_RECORD_MB");
    if (s && *s) {
        long mb = strtol(s, NULL, 10);
        if (mb > 0 && mb < 1L << 20) return (size_t)mb << 20;
    }
    return DEFAULT_MAX_RECORD;
}

static dyad_reader *reader_new(const char *path) {
    dyad_reader *r = calloc(1, sizeof *r);
    if (!r) return NULL;
    r->path = strdup(path);
    r->max_record = max_record_size();
    if (!r->path) {
        free(r);
        return NULL;
    }
    return r;
}

/* A UTF-8 byte order mark at the start of a file is skipped. */
static bool has_bom(const char *s, size_t n) {
    return n >= 3 && (unsigned char)s[0] == 0xEF && (unsigned char)s[1] == 0xBB &&
           (unsigned char)s[2] == 0xBF;
}

/* ---- buffered input ---- */

static int fill(dyad_reader *r) {
    if (r->eof) return 0;
    if (!r->rbuf && !(r->rbuf = malloc(READ_CHUNK))) return -1;
    r->rpos = 0;
    r->rend = fread(r->rbuf, 1, READ_CHUNK, r->f);
    if (r->rend == 0) r->eof = true;
    return r->rend > 0;
}

/* Reads the next line into r->line (without '\n' or '\r').  Returns 1 line
 * read, 0 end of input, -2 line too long (skipped), -1 out of memory. */
static int read_line(dyad_reader *r) {
    dyad_buf_clear(&r->line);
    r->line_off = r->off;
    r->lineno++;
    bool got = false, too_long = false;
    for (;;) {
        if (r->rpos >= r->rend) {
            int f = fill(r);
            if (f < 0) return -1;
            if (f == 0) break;
        }
        char *p = r->rbuf + r->rpos;
        size_t avail = r->rend - r->rpos;
        char *nl = memchr(p, '\n', avail);
        size_t n = nl ? (size_t)(nl - p) : avail;
        got = true;
        if (!too_long) {
            if (r->line.len + n > r->max_record) {
                too_long = true;
                dyad_buf_free(&r->line);
            } else if (dyad_buf_append(&r->line, p, n) < 0) {
                return -1;
            }
        }
        r->rpos += n + (nl ? 1 : 0);
        r->off += (long long)(n + (nl ? 1 : 0));
        if (nl) break;
    }
    if (!got) return 0;
    if (too_long) return -2;
    if (r->line.len && r->line.data[r->line.len - 1] == '\r')
        r->line.data[--r->line.len] = '\0';
    if (!r->line.data && dyad_buf_reserve(&r->line, 1) < 0) return -1;
    r->line.data[r->line.len] = '\0';
    return 1;
}

/* ---- JSONL ---- */

static bool blank(const char *s, size_t n) {
    for (size_t i = 0; i < n; i++)
        if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r' && s[i] != '\f' && s[i] != '\v')
            return false;
    return true;
}

/* The YYYY-MM-DD prefix of s into out[11]; false when s has none. */
static bool date_prefix(const char *s, char out[11]) {
    static const char pat[] = "dddd-dd-dd";
    for (int i = 0; i < 10; i++) {
        if (pat[i] == 'd' ? !(s[i] >= '0' && s[i] <= '9') : s[i] != '-') return false;
    }
    memcpy(out, s, 10);
    out[10] = '\0';
    return true;
}

static int json_to_doc(dyad_reader *r, json_t *obj, dyad_doc **out, dyad_error *err) {
    json_t *jt = json_object_get(obj, "text");
    if (!jt || !json_is_string(jt)) {
        dyad_error_set(err, r->path, r->lineno, r->line_off,
                       jt ? "\"text\" is not a string" : "record has no \"text\"");
        return -1;
    }
    const char *text = json_string_value(jt);
    size_t len = json_string_length(jt);
    if (blank(text, len) || len == 0) {
        dyad_error_set(err, r->path, r->lineno, r->line_off, "empty \"text\"");
        return -1;
    }
    /* The raw line was checked for valid UTF-8 and NUL bytes, and jansson
     * rejects \u0000 and lone surrogates, so the decoded text is valid. */
    char idbuf[64];
    const char *id = NULL;
    json_t *jid = json_object_get(obj, "id");
    if (json_is_string(jid)) id = json_string_value(jid);
    else if (json_is_integer(jid)) {
        snprintf(idbuf, sizeof idbuf, "%" JSON_INTEGER_FORMAT, json_integer_value(jid));
        id = idbuf;
    } else if (json_is_real(jid)) {
        snprintf(idbuf, sizeof idbuf, "%.17g", json_real_value(jid));
        id = idbuf;
    }
    char *fallback = NULL;
    if (!id || !*id) {
        size_t n = strlen(r->path) + 32;
        if (!(fallback = malloc(n))) return -1;
        snprintf(fallback, n, "%s:%ld", r->path, r->lineno);
        id = fallback;
    }
    json_t *jtitle = json_object_get(obj, "title");
    const char *title = json_is_string(jtitle) ? json_string_value(jtitle) : NULL;
    if (title && dyad_utf8_check(title, json_string_length(jtitle)) >= 0) title = NULL;
    char date[11] = "";
    const char *keys[] = {"date", "published"};
    for (size_t i = 0; i < 2 && !*date; i++) {
        json_t *jd = json_object_get(obj, keys[i]);
        if (json_is_string(jd) && json_string_length(jd) >= 10 &&
            !date_prefix(json_string_value(jd), date))
            date[0] = '\0';
    }
    *out = dyad_doc_new(id, title, *date ? date : NULL, text, len);
    free(fallback);
    if (!*out) {
        dyad_error_set(err, r->path, r->lineno, r->line_off, "out of memory");
        return -1;
    }
    (*out)->source = dyad_doc_strndup(*out, r->path, strlen(r->path));
    return 1;
}

static int next_jsonl(dyad_reader *r, dyad_doc **out, dyad_error *err) {
    for (;;) {
        int rc = read_line(r);
        if (rc == 0) {
            r->done = true;
            return 0;
        }
        if (rc == -1) {
            dyad_error_set(err, r->path, r->lineno, r->line_off, "out of memory");
            return -1;
        }
        if (rc == -2) {
            dyad_error_set(err, r->path, r->lineno, r->line_off,
                           "record longer than %zu MiB (set DYAD_MAX_RECORD_MB)",
                           r->max_record >> 20);
            return -1;
        }
        if (r->lineno == 1 && has_bom(r->line.data, r->line.len)) {
            memmove(r->line.data, r->line.data + 3, r->line.len - 2);  /* with NUL */
            r->line.len -= 3;
            r->line_off += 3;
        }
        if (blank(r->line.data, r->line.len)) continue;
        long long bad = dyad_utf8_check(r->line.data, r->line.len);
        if (bad >= 0) {
            dyad_error_set(err, r->path, r->lineno, r->line_off + bad,
                           r->line.data[bad] ? "invalid UTF-8" : "NUL byte");
            return -1;
        }
        json_error_t jerr;
        json_t *obj = json_loadb(r->line.data, r->line.len, 0, &jerr);
        if (!obj) {
            dyad_error_set(err, r->path, r->lineno, r->line_off + jerr.position,
                           "malformed JSON: %s", jerr.text);
            return -1;
        }
        if (!json_is_object(obj)) {
            json_decref(obj);
            dyad_error_set(err, r->path, r->lineno, r->line_off,
                           "record is not a JSON object");
            return -1;
        }
        rc = json_to_doc(r, obj, out, err);
        json_decref(obj);
        return rc;
    }
}

/* ---- TEXT ---- */

/* Reads the rest of r->f (including what is buffered) into a malloc'd
 * string.  Returns NULL on out-of-memory. */
static char *slurp(dyad_reader *r, size_t *len) {
    dyad_buf b = {0};
    if (r->rpos < r->rend && dyad_buf_append(&b, r->rbuf + r->rpos, r->rend - r->rpos) < 0)
        return NULL;
    r->rpos = r->rend;
    char chunk[READ_CHUNK];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, r->f)) > 0)
        if (dyad_buf_append(&b, chunk, n) < 0) {
            dyad_buf_free(&b);
            return NULL;
        }
    if (!b.data && dyad_buf_reserve(&b, 1) < 0) return NULL;
    b.data[b.len] = '\0';
    *len = b.len;
    return b.data;
}

static bool ends_sentence(const char *s, size_t n) {
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r')) n--;
    while (n && (s[n - 1] == '"' || s[n - 1] == '\'' || s[n - 1] == ')')) n--;
    if (n >= 3 && (unsigned char)s[n - 3] == 0xE2 && (unsigned char)s[n - 2] == 0x80 &&
        ((unsigned char)s[n - 1] == 0x9D || (unsigned char)s[n - 1] == 0x99))
        return ends_sentence(s, n - 3);
    return n && strchr(".!?:;", s[n - 1]) != NULL;
}

/* Splits off the title line (see the rule at the top).  Sets *title_len
 * (0: no title) and returns the offset where the body starts. */
static size_t split_title(const char *t, size_t len, size_t *title_len) {
    *title_len = 0;
    size_t i = 0;
    while (i < len && (t[i] == ' ' || t[i] == '\t' || t[i] == '\r' || t[i] == '\n')) i++;
    const char *nl = memchr(t + i, '\n', len - i);
    if (!nl) return 0;
    size_t line_end = (size_t)(nl - t);
    size_t n = line_end - i;
    if (n == 0 || n > MAX_TITLE) return 0;
    size_t j = line_end + 1;
    while (j < len && (t[j] == ' ' || t[j] == '\t' || t[j] == '\r')) j++;
    bool blank_after = j >= len || t[j] == '\n';
    size_t body = j;
    while (body < len && (t[body] == ' ' || t[body] == '\t' || t[body] == '\r' || t[body] == '\n'))
        body++;
    if (body >= len) return 0;                      /* nothing after: no title */
    if (!blank_after && ends_sentence(t + i, n)) return 0;
    size_t tl = n;
    while (tl && (t[i + tl - 1] == '\r' || t[i + tl - 1] == ' ')) tl--;
    *title_len = tl;
    return body;
}

static long line_of(const char *t, size_t off) {
    long line = 1;
    for (size_t i = 0; i < off; i++) line += t[i] == '\n';
    return line;
}

static int next_text(dyad_reader *r, dyad_doc **out, dyad_error *err) {
    r->done = true;
    size_t len = 0;
    char *t = slurp(r, &len);
    if (!t) {
        dyad_error_set(err, r->path, 0, -1, "out of memory");
        return -1;
    }
    size_t bom = has_bom(t, len) ? 3 : 0;
    if (bom) {
        memmove(t, t + 3, len - 2);                 /* with the NUL */
        len -= 3;
    }
    if (strspn(t, " \t\r\n\f\v") == len) {
        free(t);
        return 0;                                   /* empty: no document */
    }
    long long bad = dyad_utf8_check(t, len);
    if (bad >= 0) {
        dyad_error_set(err, r->path, line_of(t, (size_t)bad), bad + (long long)bom,
                       t[bad] ? "invalid UTF-8 (binary file?)" : "NUL byte (binary file?)");
        free(t);
        return -1;
    }
    size_t title_len, body = split_title(t, len, &title_len);
    char *title = NULL;
    if (title_len) {
        size_t i = strspn(t, " \t\r\n");
        title = strndup(t + i, title_len);
    }
    const char *id = r->id_prefix_root ? r->path + strlen(r->id_prefix_root)
                                       : base_name(r->path);
    while (*id == '/') id++;
    *out = dyad_doc_new(id, title, NULL, t + body, len - body);
    free(title);
    free(t);
    if (!*out) {
        dyad_error_set(err, r->path, 0, -1, "out of memory");
        return -1;
    }
    (*out)->source = dyad_doc_strndup(*out, r->path, strlen(r->path));
    return 1;
}

/* ---- directories ---- */

typedef DYAD_VEC(char *) path_vec;

static int cmp_str(const void *a, const void *b) {
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static int collect(const char *dir, path_vec *v, int depth) {
    if (depth > 64) return 0;
    DIR *d = opendir(dir);
    if (!d) return 0;
    struct dirent *e;
    int rc = 0;
    while ((e = readdir(d)) && rc == 0) {
        if (e->d_name[0] == '.') continue;          /* ., .., hidden files */
        size_t n = strlen(dir) + strlen(e->d_name) + 2;
        char *p = malloc(n);
        if (!p) { rc = -1; break; }
        snprintf(p, n, "%s/%s", dir, e->d_name);
        struct stat st;
        if (stat(p, &st) == 0 && S_ISDIR(st.st_mode)) {
            rc = collect(p, v, depth + 1);
            free(p);
        } else if (stat(p, &st) == 0 && S_ISREG(st.st_mode)) {
            if (DYAD_VEC_PUSH(*v, p) < 0) { free(p); rc = -1; }
        } else {
            free(p);
        }
    }
    closedir(d);
    return rc;
}

static int open_file(dyad_reader *r, const char *path, dyad_format fmt, dyad_error *err) {
    r->f = fopen(path, "rb");
    if (!r->f) {
        dyad_error_set(err, path, 0, -1, "cannot open: %s", strerror(errno));
        return -1;
    }
    r->own_f = true;
    if (fmt == DYAD_FMT_AUTO)
        fmt = has_ext(path, ".jsonl") || has_ext(path, ".json") ? DYAD_FMT_JSONL : DYAD_FMT_TEXT;
    r->fmt = fmt;
    return 0;
}

/* Peeks the first non-blank byte of stdin to choose the format. */
static dyad_format sniff(dyad_reader *r) {
    for (;;) {
        if (r->rpos >= r->rend && fill(r) <= 0) return DYAD_FMT_TEXT;
        while (r->rpos < r->rend) {
            char c = r->rbuf[r->rpos];
            if (c == '{') return DYAD_FMT_JSONL;
            if (!strchr(" \t\r\n", c)) return DYAD_FMT_TEXT;
            /* keep blank bytes in the buffer: they belong to the input */
            size_t k = r->rpos;
            while (k < r->rend && strchr(" \t\r\n", r->rbuf[k])) k++;
            if (k < r->rend) return r->rbuf[k] == '{' ? DYAD_FMT_JSONL : DYAD_FMT_TEXT;
            break;
        }
        /* all buffered bytes are blank: nothing else to decide on cheaply */
        return DYAD_FMT_TEXT;
    }
}

dyad_reader *dyad_reader_open(const char *path, dyad_format fmt, dyad_error *err) {
    bool is_stdin = !path || strcmp(path, "-") == 0;
    dyad_reader *r = reader_new(is_stdin ? "stdin" : path);
    if (!r) {
        dyad_error_set(err, path ? path : "stdin", 0, -1, "out of memory");
        return NULL;
    }
    if (is_stdin) {
        r->f = stdin;
        r->fmt = fmt == DYAD_FMT_AUTO ? sniff(r) : fmt;
        return r;
    }
    struct stat st;
    if (stat(path, &st) != 0) {
        dyad_error_set(err, path, 0, -1, "cannot open: %s", strerror(errno));
        dyad_reader_close(r);
        return NULL;
    }
    if (S_ISDIR(st.st_mode)) {
        path_vec v = {0};
        if (collect(path, &v, 0) < 0) {
            for (size_t i = 0; i < v.len; i++) free(v.items[i]);
            DYAD_VEC_FREE(v);
            dyad_error_set(err, path, 0, -1, "out of memory");
            dyad_reader_close(r);
            return NULL;
        }
        qsort(v.items, v.len, sizeof *v.items, cmp_str);
        r->files = v.items;
        r->nfiles = v.len;
        r->fmt = fmt;
        r->done = false;
        return r;
    }
    if (open_file(r, path, fmt, err) < 0) {
        dyad_reader_close(r);
        return NULL;
    }
    return r;
}

static int next_dir(dyad_reader *r, dyad_doc **out, dyad_error *err) {
    for (;;) {
        if (r->sub) {
            int rc = dyad_reader_next(r->sub, out, err);
            if (rc != 0) return rc;
            dyad_reader_close(r->sub);
            r->sub = NULL;
        }
        if (r->ifile >= r->nfiles) {
            r->done = true;
            return 0;
        }
        const char *p = r->files[r->ifile++];
        dyad_reader *s = reader_new(p);
        if (!s) {
            dyad_error_set(err, p, 0, -1, "out of memory");
            return -1;
        }
        if (open_file(s, p, r->fmt, err) < 0) {
            dyad_reader_close(s);
            return -1;
        }
        s->id_prefix_root = strdup(r->path);
        r->sub = s;
    }
}

int dyad_reader_next(dyad_reader *r, dyad_doc **doc, dyad_error *err) {
    *doc = NULL;
    if (!r) return 0;
    if (r->files || (r->nfiles == 0 && !r->f)) return r->files ? next_dir(r, doc, err) : 0;
    if (r->done) return 0;
    return r->fmt == DYAD_FMT_JSONL ? next_jsonl(r, doc, err) : next_text(r, doc, err);
}

void dyad_reader_close(dyad_reader *r) {
    if (!r) return;
    if (r->sub) dyad_reader_close(r->sub);
    for (size_t i = 0; i < r->nfiles; i++) free(r->files[i]);
    free(r->files);
    if (r->f && r->own_f) fclose(r->f);
    free(r->rbuf);
    dyad_buf_free(&r->line);
    free(r->id_prefix_root);
    free(r->path);
    free(r);
}
