/*
 * cmd_events.c -- `dyad events`: events from the store, filtered, as JSON
 * Lines, CSV, TSV, the GDELT 1.0 event-table layout or PLOVER JSON.  Also
 * the filter options that `trend` and `report` share.
 */
#include "cli_store.h"

#include <stdio.h>
#include <string.h>

const char cli_filter_help[] =
    "  --db PATH          the store (default ./dyad.db)\n"
    "  --source X         source code prefix (USA matches USAGOV, USAMIL)\n"
    "  --target Y         target code prefix\n"
    "  --dyad X,Y         source X and target Y\n"
    "  --both-directions  also Y -> X\n"
    "  --from D, --to D   event dates, inclusive (YYYY-MM-DD)\n"
    "  --cameo C          CAMEO code prefix (12 matches 120-129)\n"
    "  --plover TYPE      PLOVER event type (e.g. REJECT)\n"
    "  --issue NAME       issue (e.g. NARCOTICS)\n"
    "  --one-a-day        drop duplicate reports of the same event\n"
    "  --limit N          at most N events\n";

int cli_filter_option(int argc, char **argv, int *i, dyad_filter *f, const char **db) {
    const char *a = argv[*i];
    static const char *const valued[] = {"--db", "--source", "--target", "--dyad", "--from",
                                         "--to", "--cameo", "--plover", "--issue", "--limit"};
    if (strcmp(a, "--both-directions") == 0) return f->both_directions = true, 1;
    if (strcmp(a, "--one-a-day") == 0) return f->one_a_day = true, 1;
    size_t k = 0;
    while (k < sizeof valued / sizeof *valued && strcmp(a, valued[k]) != 0) k++;
    if (k == sizeof valued / sizeof *valued) return 0;
    if (*i + 1 >= argc) {
        cli_error("%s needs a value", a);
        return -1;
    }
    char *v = argv[++*i];
    switch (k) {
    case 0: *db = v; break;
    case 1: f->source = v; break;
    case 2: f->target = v; break;
    case 3: {
        char *comma = strchr(v, ',');
        if (!comma || comma == v || !comma[1]) {
            cli_error("--dyad wants X,Y, not '%s'", v);
            return -1;
        }
        *comma = '\0';
        f->source = v;
        f->target = comma + 1;
        break;
    }
    case 4: f->from = v; break;
    case 5: f->to = v; break;
    case 6: f->cameo = v; break;
    case 7: f->plover = v; break;
    case 8: f->issue = v; break;
    case 9:
        f->limit = atol(v);
        if (f->limit <= 0) {
            cli_error("--limit wants a positive number, not '%s'", v);
            return -1;
        }
        break;
    }
    return 1;
}

int cli_dyad_args(int argc, char **argv, const char *verb, cli_extra_fn extra, void *user,
                  dyad_filter *f, const char **db, dyad_period_kind *by) {
    const char *actors[2] = {NULL, NULL};
    int nactors = 0;
    for (int i = 1; i < argc; i++) {
        int took = cli_filter_option(argc, argv, &i, f, db);
        if (took < 0) return EXIT_USAGE;
        if (took) continue;
        took = extra(argc, argv, &i, user);
        if (took < 0) return EXIT_USAGE;
        if (took > 1) return EXIT_OK;          /* --help was printed */
        if (took) continue;
        const char *a = argv[i];
        if (strcmp(a, "--by") == 0 && i + 1 < argc) {
            if (dyad_period_kind_from(argv[++i], by) < 0) {
                cli_error("%s: --by wants day, week, month, quarter or year", verb);
                return EXIT_USAGE;
            }
        } else if (a[0] != '-' && nactors < 2) {
            actors[nactors++] = a;
        } else {
            cli_error("%s: unexpected '%s' (see `dyad %s --help`)", verb, a, verb);
            return EXIT_USAGE;
        }
    }
    if (nactors != 2) {
        cli_error("%s: needs two actor codes, e.g. `dyad %s USA COL`", verb, verb);
        return EXIT_USAGE;
    }
    f->source = actors[0];
    f->target = actors[1];
    return -1;
}

typedef enum { FMT_JSONL, FMT_CSV, FMT_TSV, FMT_GDELT, FMT_PLOVER } out_format;

static const char *col(sqlite3_stmt *r, int c) {
    const unsigned char *s = sqlite3_column_text(r, c);
    return s ? (const char *)s : "";
}

/* A CSV field: quoted when it holds a comma, quote or line break. */
static void csv_field(const char *s, FILE *out) {
    if (!strpbrk(s, ",\"\r\n")) {
        fputs(s, out);
        return;
    }
    fputc('"', out);
    for (; *s; s++) {
        if (*s == '"') fputc('"', out);
        fputc(*s, out);
    }
    fputc('"', out);
}

/* A TSV field: tabs and line breaks become spaces (TSV has no quoting). */
static void tsv_field(const char *s, FILE *out) {
    for (; *s; s++) fputc(*s == '\t' || *s == '\n' || *s == '\r' ? ' ' : *s, out);
}

/* GDELT 1.0 event table: 57 tab-separated columns.  dyad fills the event id,
 * dates, actor code/name/country/type (sector), the CAMEO codes, quad class,
 * Goldstein score, NumMentions = NumSources = NumArticles = 1; the ethnic,
 * religion, known-group, tone and geography columns are left empty. */
static void gdelt_row(sqlite3_stmt *r, FILE *out) {
    const char *d = col(r, COL_EVENT_DATE);
    char sqldate[16] = "", month[16] = "", year[16] = "";
    int y = 0, m = 0, dd = 0;
    if (sscanf(d, "%d-%d-%d", &y, &m, &dd) == 3) {
        snprintf(sqldate, sizeof sqldate, "%04d%02d%02d", y % 10000, m % 100, dd % 100);
        snprintf(month, sizeof month, "%04d%02d", y % 10000, m % 100);
        snprintf(year, sizeof year, "%04d", y % 10000);
    }
    fprintf(out, "%lld\t%s\t%s\t%s\t%.4f", (long long)sqlite3_column_int64(r, COL_ID), sqldate,
            month, year, y + (m - 1) / 12.0 + (dd - 1) / 365.0);
    for (int a = 0; a < 2; a++) {
        int base = a ? COL_TARGET_CODE : COL_SOURCE_CODE;
        fputc('\t', out);
        fputs(col(r, base), out);                              /* ActorCode */
        fputc('\t', out);
        tsv_field(col(r, base + 3), out);                      /* ActorName */
        fprintf(out, "\t%s\t\t\t\t\t%s\t\t", col(r, base + 1), col(r, base + 2));
    }
    const char *cameo = col(r, COL_CAMEO);
    fprintf(out, "\t1\t%s\t%.3s\t%s\t%d\t%.1f\t1\t1\t1\t", cameo, cameo, col(r, COL_ROOT),
            sqlite3_column_int(r, COL_QUAD), sqlite3_column_double(r, COL_GOLDSTEIN));
    for (int g = 0; g < 21; g++) fputc('\t', out);             /* 3 x 7 geo columns */
    fprintf(out, "%s\t", sqldate);                             /* DATEADDED */
    tsv_field(col(r, COL_DOC), out);                           /* SOURCEURL: doc id */
    fputc('\n', out);
}

static void plover_row(sqlite3_stmt *r, FILE *out) {
    dyad_buf b = {0};
    dyad_buf_printf(&b, "{\"id\":\"%lld\",\"date\":", (long long)sqlite3_column_int64(r, COL_ID));
    dyad_buf_json_str(&b, col(r, COL_EVENT_DATE), strlen(col(r, COL_EVENT_DATE)));
    for (int a = 0; a < 2; a++) {
        int base = a ? COL_TARGET_CODE : COL_SOURCE_CODE;
        dyad_buf_puts(&b, a ? ",\"target\":" : ",\"source\":");
        if (sqlite3_column_type(r, base + 3) == SQLITE_NULL) {
            dyad_buf_puts(&b, "null");
            continue;
        }
        dyad_buf_puts(&b, "{\"actorText\":");
        dyad_buf_json_str(&b, col(r, base + 3), strlen(col(r, base + 3)));
        dyad_buf_puts(&b, ",\"code\":");
        dyad_buf_json_str(&b, col(r, base + 1), strlen(col(r, base + 1)));
        dyad_buf_puts(&b, ",\"sector\":");
        dyad_buf_json_str(&b, col(r, base + 2), strlen(col(r, base + 2)));
        dyad_buf_puts(&b, "}");
    }
    const char *keys[] = {"event", "mode", "context", "eventText", "text", "cameo", "doc"};
    int cols[] = {COL_PLOVER, COL_MODE, COL_CONTEXT, COL_TRIGGER, COL_SENTENCE, COL_CAMEO,
                  COL_DOC};
    for (size_t k = 0; k < sizeof keys / sizeof *keys; k++) {
        dyad_buf_printf(&b, ",\"%s\":", keys[k]);
        dyad_buf_json_str(&b, col(r, cols[k]), strlen(col(r, cols[k])));
    }
    dyad_buf_puts(&b, "}\n");
    fputs(b.data, out);
    dyad_buf_free(&b);
}

typedef struct print_state {
    out_format fmt;
    long rows;
} print_state;

/* The columns of CSV and TSV output: all but the stored JSON line. */
static void header(out_format fmt) {
    for (int c = 0; c < COL_JSON; c++)
        printf("%s%s", c ? (fmt == FMT_CSV ? "," : "\t") : "", dyad_event_columns[c]);
    putchar('\n');
}

static int print_row(sqlite3_stmt *r, void *user) {
    print_state *ps = user;
    if (ps->rows++ == 0 && (ps->fmt == FMT_CSV || ps->fmt == FMT_TSV)) header(ps->fmt);
    switch (ps->fmt) {
    case FMT_JSONL: printf("%s\n", col(r, COL_JSON)); break;
    case FMT_GDELT: gdelt_row(r, stdout); break;
    case FMT_PLOVER: plover_row(r, stdout); break;
    case FMT_CSV:
    case FMT_TSV:
        for (int c = 0; c < COL_JSON; c++) {
            if (c) putchar(ps->fmt == FMT_CSV ? ',' : '\t');
            if (ps->fmt == FMT_CSV) csv_field(col(r, c), stdout);
            else tsv_field(col(r, c), stdout);
        }
        putchar('\n');
        break;
    }
    return 0;
}

static void usage(FILE *out) {
    fprintf(out, "usage: dyad events [OPTIONS]\n\n"
                 "Prints events from the store, ordered by event date.\n\n%s"
                 "  --format F         jsonl (default; the lines `dyad code` printed), csv,\n"
                 "                     tsv (both with a header line), gdelt (the GDELT 1.0\n"
                 "                     event-table columns), plover (PLOVER-style JSON)\n",
            cli_filter_help);
}

int cmd_events(int argc, char **argv) {
    dyad_filter f = {0};
    const char *db = "dyad.db";
    print_state ps = {FMT_JSONL, 0};
    static const char *const formats[] = {"jsonl", "csv", "tsv", "gdelt", "plover"};
    for (int i = 1; i < argc; i++) {
        int took = cli_filter_option(argc, argv, &i, &f, &db);
        if (took < 0) return EXIT_USAGE;
        if (took) continue;
        if (cli_is_help(argv[i])) {
            usage(stdout);
            return EXIT_OK;
        }
        if (strcmp(argv[i], "--format") == 0 && i + 1 < argc) {
            const char *v = argv[++i];
            size_t k = 0;
            while (k < 5 && strcmp(v, formats[k]) != 0) k++;
            if (k == 5) {
                cli_error("events: unknown format '%s' (jsonl, csv, tsv, gdelt, plover)", v);
                return EXIT_USAGE;
            }
            ps.fmt = (out_format)k;
            continue;
        }
        cli_error("events: unknown option '%s' (see `dyad events --help`)", argv[i]);
        return EXIT_USAGE;
    }
    dyad_error err = {0};
    char msg[1024];
    sqlite3 *h = dyad_store_open_readonly(db, &err);
    if (!h) {
        cli_error("%s", dyad_error_str(&err, msg, sizeof msg));
        return EXIT_FATAL;
    }
    int rc = dyad_query_events(h, &f, print_row, &ps, &err);
    sqlite3_close(h);
    if (rc < 0) {
        cli_error("%s", dyad_error_str(&err, msg, sizeof msg));
        return EXIT_FATAL;
    }
    return EXIT_OK;
}
