/*
 * cli_store.h -- what the verbs over the store share (src/cli/cmd_events.c):
 * the filter options of `events`, `trend` and `report`, and the arguments of
 * the verbs about one dyad.
 */
#ifndef DYAD_CLI_STORE_H
#define DYAD_CLI_STORE_H

#include "cli.h"
#include "relations/relations.h"

/* Parses one filter option at argv[*i] (--db, --source, --target, --dyad X,Y,
 * --both-directions, --from, --to, --cameo, --plover, --issue, --one-a-day,
 * --limit).  Returns 1 when it took the option (advancing *i past its value),
 * 0 when the option is not a filter, -1 on a bad value (reported). */
int cli_filter_option(int argc, char **argv, int *i, dyad_filter *f, const char **db);
extern const char cli_filter_help[];

/* The arguments of the verbs about one dyad (trend, report): filters, --by,
 * and the two actor codes X Y (set as f->source, f->target).  `extra` takes
 * the verb's own options: it returns 1 when it took argv[*i], 2 when it
 * printed --help, 0 when the option is not its own, -1 on a bad value.
 * Returns -1 when the command line is complete, else the exit code to end
 * with (EXIT_OK after --help, EXIT_USAGE). */
typedef int (*cli_extra_fn)(int argc, char **argv, int *i, void *user);
int cli_dyad_args(int argc, char **argv, const char *verb, cli_extra_fn extra, void *user,
                  dyad_filter *f, const char **db, dyad_period_kind *by);

#endif
