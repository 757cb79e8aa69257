/*
 * cli.h -- what the dyad command's verbs share: the verb table entry type,
 * exit codes, and a loop over the documents of the input files.
 */
#ifndef DYAD_CLI_H
#define DYAD_CLI_H

#include "dyad.h"

/* Exit codes of every verb (documented in README and `dyad --help`). */
enum {
    EXIT_OK = 0,          /* all input processed */
    EXIT_BADINPUT = 1,    /* some records were bad and skipped; rest done */
    EXIT_USAGE = 2,       /* bad command line */
    EXIT_FATAL = 3,       /* could not open input, data files or store */
};

/* Called for each good document; return 0 to go on, -1 to stop (fatal). */
typedef int (*cli_doc_fn)(dyad_doc *doc, void *user);

/* Reads each path in turn (stdin when npaths is 0), calls fn for each
 * document, prints each bad record's error to stderr and goes on.  Returns
 * an exit code: EXIT_OK, EXIT_BADINPUT if any record was bad, EXIT_FATAL if
 * an input could not be opened or fn asked to stop. */
int cli_foreach_doc(char **paths, int npaths, dyad_format fmt, const char *date,
                    cli_doc_fn fn, void *user);

/* Prints "dyad: <msg>" to stderr. */
void cli_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Reads the value of `--beam N` (the parser's beam width, 1..64) for verb.
 * Returns the width, or -1 after printing an error naming the verb. */
int cli_beam_option(const char *verb, const char *value);

/* True when s is --help or -h. */
int cli_is_help(const char *s);

#endif
