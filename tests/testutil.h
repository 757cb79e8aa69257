/*
 * testutil.h -- what the cmocka test programs share: the includes cmocka
 * needs, where ../shared and the dyad binary are, and running the CLI.
 *
 * The Makefile sets DYAD_SHARED, DYAD_BIN and DYAD_DATA.  Tests that read
 * ../shared call SKIP_WITHOUT_SHARED() first: a user's clone has no
 * ../shared, and those tests then skip with a message saying so.
 */
#ifndef DYAD_TESTUTIL_H
#define DYAD_TESTUTIL_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "dyad.h"
#include "internal.h"

/* Path of a file in ../shared, or NULL when ../shared is absent. */
static inline const char *shared_path(const char *rel, char *out, size_t size) {
    const char *dir = getenv("DYAD_SHARED");
    if (!dir || !*dir) dir = "../shared";
    snprintf(out, size, "%s/%s", dir, rel);
    struct stat st;
    return stat(out, &st) == 0 ? out : NULL;
}

#define SKIP_WITHOUT_SHARED(rel, buf)                                            \
    do {                                                                         \
        if (!shared_path((rel), (buf), sizeof(buf))) {                           \
            print_message("skipped: ../shared/%s is absent (set DYAD_SHARED)\n", \
                          (rel));                                                \
            skip();                                                              \
        }                                                                        \
    } while (0)

static inline const char *dyad_bin(void) {
    const char *b = getenv("DYAD_BIN");
    return b && *b ? b : "./dyad";
}

/* Runs a shell command line; captures stdout (malloc'd, NUL-terminated) and
 * returns the exit status (or -1 when the command could not run / crashed). */
static inline int run_capture(const char *cmdline, char **out) {
    FILE *p = popen(cmdline, "r");
    if (!p) return -1;
    dyad_buf b = {0};
    char chunk[8192];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, p)) > 0) dyad_buf_append(&b, chunk, n);
    int st = pclose(p);
    if (!b.data) {
        dyad_buf_reserve(&b, 0);
        b.data[0] = '\0';
    }
    if (out) *out = b.data; else free(b.data);
    return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

/* Writes len bytes to a new temporary file; returns its path (static buf). */
static inline const char *write_temp(const char *suffix, const void *data, size_t len,
                                     char *path, size_t size) {
    snprintf(path, size, "/tmp/dyadtest-XXXXXX%s", suffix);
    int fd = mkstemps(path, (int)strlen(suffix));
    if (fd < 0) return NULL;
    FILE *f = fdopen(fd, "wb");
    fwrite(data, 1, len, f);
    fclose(f);
    return path;
}

#endif
