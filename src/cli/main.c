/*
 * main.c -- the dyad command: a table of verbs, each a thin layer over
 * libdyad in its own file cmd_<verb>.c.  `dyad VERB --help` documents each.
 */
#include "cli.h"

#include <stdio.h>
#include <string.h>

typedef struct verb {
    const char *name;
    int (*run)(int argc, char **argv);  /* argv[0] is the verb */
    const char *summary;
} verb;

/* One line per verb: keep sorted by the order a user meets them. */
int cmd_sentences(int argc, char **argv);
int cmd_tokens(int argc, char **argv);
int cmd_actors(int argc, char **argv);
int cmd_parse(int argc, char **argv);
int cmd_train(int argc, char **argv);
int cmd_code(int argc, char **argv);
int cmd_eval(int argc, char **argv);
int cmd_events(int argc, char **argv);
int cmd_trend(int argc, char **argv);
int cmd_report(int argc, char **argv);

static const verb verbs[] = {
    {"sentences", cmd_sentences, "split documents into sentences (JSON Lines)"},
    {"tokens", cmd_tokens, "tokenize documents, one JSON line per sentence"},
    {"actors", cmd_actors, "find actor mentions and their codes (JSON Lines)"},
    {"parse", cmd_parse, "tag and parse documents, print CoNLL-U (--eval scores)"},
    {"train", cmd_train, "train the tagger/parser model from UD treebanks"},
    {"code", cmd_code, "code events (CAMEO/PLOVER) as JSON Lines; store them"},
    {"eval", cmd_eval, "score events against PLOVER or PETRARCH2 gold data"},
    {"events", cmd_events, "query events from the store (JSON Lines, CSV, GDELT, PLOVER)"},
    {"trend", cmd_trend, "relations of a dyad over time, with turning points"},
    {"report", cmd_report, "HTML report of a dyad: timeline chart, events, issues"},
    {"version", NULL, "print the version"},
};

static void usage(FILE *out) {
    fprintf(out,
            "usage: dyad VERB [OPTIONS] [FILE...]\n"
            "\n"
            "dyad codes political events (who did what to whom, when) from news text.\n"
            "Input: plain text (one document per file), JSON Lines (.jsonl: id, title,\n"
            "text, date or published), a directory, or stdin when no FILE is given.\n"
            "\n"
            "Verbs:\n");
    for (size_t i = 0; i < sizeof verbs / sizeof verbs[0]; i++)
        fprintf(out, "  %-10s %s\n", verbs[i].name, verbs[i].summary);
    fprintf(out,
            "\n"
            "Run `dyad VERB --help` for a verb's options.\n"
            "\n"
            "Exit codes: 0 success; 1 some input records were bad (reported on stderr,\n"
            "the rest were processed); 2 usage error; 3 fatal error (input, data files\n"
            "or store could not be opened).\n");
}

int main(int argc, char **argv) {
    if (argc < 2) {
        usage(stderr);
        return EXIT_USAGE;
    }
    if (cli_is_help(argv[1]) || strcmp(argv[1], "help") == 0) {
        usage(stdout);
        return EXIT_OK;
    }
    if (strcmp(argv[1], "--version") == 0 || strcmp(argv[1], "version") == 0) {
        printf("dyad %s\n", DYAD_VERSION);
        return EXIT_OK;
    }
    for (size_t i = 0; i < sizeof verbs / sizeof verbs[0]; i++)
        if (strcmp(argv[1], verbs[i].name) == 0 && verbs[i].run)
            return verbs[i].run(argc - 1, argv + 1);
    cli_error("unknown verb '%s' (see `dyad --help`)", argv[1]);
    return EXIT_USAGE;
}
