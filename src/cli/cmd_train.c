/*
 * cmd_train.c -- `dyad train --treebanks DIR --out FILE [--epochs N]`:
 * trains the tagger, lemmatizer and parser from the UD treebanks in DIR
 * (every *-ud-train.conllu) and writes the model file (src/train.c).
 */
#include "cli.h"
#include "../syntax.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void usage(FILE *f) {
    fputs("usage: dyad train --treebanks DIR --out FILE [--epochs N] [--beam N] [--quiet]\n"
          "\n"
          "Trains the part-of-speech tagger, lemmatizer and dependency parser on every\n"
          "*-ud-train.conllu file in DIR and writes the model to FILE (the one dyad\n"
          "loads is data/model/dyad.model).  --epochs sets the parser's passes over\n"
          "the data (default 18; the tagger uses at most 8); --beam the parser's beam\n"
          "width (default 8: global training with max-violation updates; 1 trains a\n"
          "greedy parser with the dynamic oracle).  Training is\n"
          "deterministic: the same data and options give the same model.\n",
          f);
}

int cmd_train(int argc, char **argv) {
    const char *dir = NULL, *out = NULL;
    int epochs = 0, beam = 0;
    int quiet = 0;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (cli_is_help(a)) {
            usage(stdout);
            return EXIT_OK;
        }
        if (strcmp(a, "--quiet") == 0) {
            quiet = 1;
            continue;
        }
        if (i + 1 >= argc) {
            cli_error("train: %s needs a value (see dyad train --help)", a);
            return EXIT_USAGE;
        }
        if (strcmp(a, "--treebanks") == 0) dir = argv[++i];
        else if (strcmp(a, "--out") == 0) out = argv[++i];
        else if (strcmp(a, "--epochs") == 0) {
            char *end;
            long e = strtol(argv[++i], &end, 10);
            if (*end || e <= 0 || e > 100) {
                cli_error("train: --epochs needs a number from 1 to 100");
                return EXIT_USAGE;
            }
            epochs = (int)e;
        } else if (strcmp(a, "--beam") == 0) {
            if ((beam = cli_beam_option("train", argv[++i])) < 0) return EXIT_USAGE;
        } else {
            cli_error("train: unknown option '%s' (see dyad train --help)", a);
            return EXIT_USAGE;
        }
    }
    if (!dir || !out) {
        cli_error("train: --treebanks and --out are required");
        usage(stderr);
        return EXIT_USAGE;
    }
    dyad_error err = {0};
    if (dyad_train(dir, out, epochs, beam, quiet ? NULL : stderr, &err) < 0) {
        char msg[1024];
        cli_error("train: %s", dyad_error_str(&err, msg, sizeof msg));
        return EXIT_FATAL;
    }
    return EXIT_OK;
}
