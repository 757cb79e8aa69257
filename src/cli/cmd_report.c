/*
 * cmd_report.c -- `dyad report X Y`: the self-contained HTML report of a
 * dyad (src/relations/report.c), to a file or stdout.
 */
#include "cli_store.h"

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

static int report_option(int argc, char **argv, int *i, void *user) {
    if (cli_is_help(argv[*i])) {
        usage(stdout);
        return 2;
    }
    if (strcmp(argv[*i], "--out") != 0 || *i + 1 >= argc) return 0;
    *(const char **)user = argv[++*i];
    return 1;
}

int cmd_report(int argc, char **argv) {
    dyad_filter f = {0};
    const char *db = "dyad.db", *outpath = NULL;
    dyad_period_kind by = BY_MONTH;
    int rc = cli_dyad_args(argc, argv, "report", report_option, &outpath, &f, &db, &by);
    if (rc >= 0) return rc;
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
    rc = dyad_report_write(h, &f, by, out, &err);
    sqlite3_close(h);
    if (outpath && fclose(out) != 0) rc = -1;
    if (rc < 0) {
        cli_error("%s", err.msg[0] ? dyad_error_str(&err, msg, sizeof msg) : "report failed");
        return EXIT_FATAL;
    }
    return EXIT_OK;
}
