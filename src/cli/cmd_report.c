/*
 * cmd_report.c -- `dyad report X Y`: the self-contained HTML report of a
 * dyad (src/relations/report.c), to a file or stdout.
 */
#include "cli.h"
#include "relations/relations.h"

#include <stdio.h>
#include <string.h>

static void usage(FILE *out) {
    fprintf(out,
            "usage: dyad report X Y [--out FILE.html] [--by month] [OPTIONS]\n\n"
            "Writes one self-contained HTML page: the timeline chart (SVG), the top\n"
            "events of each period with the trigger highlighted, leading issues and the\n"
            "actors involved.  Without --out the page goes to stdout.\n\n"
            "  --out FILE         write the page to FILE\n"
            "  --by P             day, week, month (default), quarter or year\n%s",
            cli_filter_help);
}

int cmd_report(int argc, char **argv) {
    dyad_filter f = {0};
    const char *db = "dyad.db", *outpath = NULL, *actors[2] = {NULL, NULL};
    dyad_period_kind by = BY_MONTH;
    int nactors = 0;
    for (int i = 1; i < argc; i++) {
        int took = cli_filter_option(argc, argv, &i, &f, &db);
        if (took < 0) return EXIT_USAGE;
        if (took) continue;
        const char *a = argv[i];
        if (cli_is_help(a)) {
            usage(stdout);
            return EXIT_OK;
        } else if (strcmp(a, "--out") == 0 && i + 1 < argc) {
            outpath = argv[++i];
        } else if (strcmp(a, "--by") == 0 && i + 1 < argc) {
            if (dyad_period_kind_from(argv[++i], &by) < 0) {
                cli_error("report: --by wants day, week, month, quarter or year");
                return EXIT_USAGE;
            }
        } else if (a[0] != '-' && nactors < 2) {
            actors[nactors++] = a;
        } else {
            cli_error("report: unexpected '%s' (see `dyad report --help`)", a);
            return EXIT_USAGE;
        }
    }
    if (nactors != 2) {
        cli_error("report: needs two actor codes, e.g. `dyad report USA COL`");
        return EXIT_USAGE;
    }
    f.source = actors[0];
    f.target = actors[1];
    dyad_error err = {0};
    char msg[1024];
    sqlite3 *h = dyad_store_open_readonly(db, &err);
    if (!h) {
        cli_error("%s", dyad_error_str(&err, msg, sizeof msg));
        return EXIT_FATAL;
    }
    FILE *out = outpath ? fopen(outpath, "w") : stdout;
    if (!out) {
        cli_error("report: cannot write %s", outpath);
        sqlite3_close(h);
        return EXIT_FATAL;
    }
    int rc = dyad_report_write(h, &f, by, out, &err);
    sqlite3_close(h);
    if (outpath && fclose(out) != 0) rc = -1;
    if (rc < 0) {
        cli_error("%s", err.msg[0] ? dyad_error_str(&err, msg, sizeof msg) : "report failed");
        return EXIT_FATAL;
    }
    return EXIT_OK;
}
