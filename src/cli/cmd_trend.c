/*
 * cmd_trend.c -- `dyad trend X Y`: the relations of a dyad per period, as a
 * table or JSON (method in src/relations/trend.c and docs/store.md).
 */
#include "cli_store.h"

#include <stdio.h>
#include <string.h>

static void usage(FILE *out) {
    fprintf(out,
            "usage: dyad trend X Y [--by day|week|month|quarter|year] [--json] [OPTIONS]\n\n"
            "Per period: events by quad class (1 verbal cooperation, 2 material\n"
            "cooperation, 3 verbal conflict, 4 material conflict), sum and mean Goldstein\n"
            "(the mean is the cooperation-conflict index), leading issues, and turning\n"
            "points: periods where the mean index of a two-period window shifts from the\n"
            "two periods before by more than 1.645 standard errors (a 90%% test; noise\n"
            "level from successive differences) (+ thaw, - deterioration); LOW\n"
            "marks the lowest period.\n\n%s",
            cli_filter_help);
}

static void print_json(const dyad_trend *t, const char *x, const char *y) {
    printf("{\"source\":\"%s\",\"target\":\"%s\",\"sd\":%.3f,\"noise\":%.3f,\"periods\":[", x,
           y, t->sd, t->noise);
    for (size_t i = 0; i < t->n; i++) {
        const dyad_period *p = &t->p[i];
        printf("%s{\"period\":\"%s\",\"events\":%ld,\"quad\":[%ld,%ld,%ld,%ld],"
               "\"goldstein_sum\":%.2f,\"goldstein_mean\":%.3f,\"index\":%.3f,"
               "\"turning_point\":%s,\"low_point\":%s,\"issues\":[",
               i ? "," : "", p->key, p->events, p->n[1], p->n[2], p->n[3], p->n[4],
               p->goldstein_sum, p->index, p->index,
               p->turn > 0 ? "\"thaw\"" : p->turn < 0 ? "\"deterioration\"" : "null",
               p->low_point ? "true" : "false");
        int top[3], n = dyad_period_top_issues(p, top, 3);
        for (int k = 0; k < n; k++) printf("%s\"%s\"", k ? "," : "", dyad_issue_name(top[k]));
        printf("]}");
    }
    printf("]}\n");
}

static void print_table(const dyad_trend *t) {
    printf("%-10s %6s %5s %5s %5s %5s %8s %7s  %-5s %s\n", "period", "events", "q1", "q2",
           "q3", "q4", "gold_sum", "index", "turn", "issues");
    for (size_t i = 0; i < t->n; i++) {
        const dyad_period *p = &t->p[i];
        char turn[8] = "";
        snprintf(turn, sizeof turn, "%s%s", p->turn > 0 ? "+" : p->turn < 0 ? "-" : "",
                 p->low_point ? "LOW" : "");
        printf("%-10s %6ld %5ld %5ld %5ld %5ld %8.1f %7.2f  %-5s ", p->key, p->events, p->n[1],
               p->n[2], p->n[3], p->n[4], p->goldstein_sum, p->index, turn);
        int top[3], n = dyad_period_top_issues(p, top, 3);
        for (int k = 0; k < n; k++) printf("%s%s", k ? "," : "", dyad_issue_name(top[k]));
        putchar('\n');
    }
}

static int trend_option(int argc, char **argv, int *i, void *user) {
    if (cli_is_help(argv[*i])) {
        usage(stdout);
        return 2;
    }
    if (strcmp(argv[*i], "--json") != 0) return 0;
    *(bool *)user = true;
    return 1;
}

int cmd_trend(int argc, char **argv) {
    dyad_filter f = {0};
    const char *db = "dyad.db";
    dyad_period_kind by = BY_MONTH;
    bool json = false;
    int rc = cli_dyad_args(argc, argv, "trend", trend_option, &json, &f, &db, &by);
    if (rc >= 0) return rc;
    dyad_error err = {0};
    char msg[1024];
    sqlite3 *h = dyad_store_open_readonly(db, &err);
    dyad_trend t;
    if (!h || dyad_trend_build(h, &f, by, &t, &err) < 0) {
        cli_error("%s", dyad_error_str(&err, msg, sizeof msg));
        sqlite3_close(h);
        return EXIT_FATAL;
    }
    sqlite3_close(h);
    if (json) print_json(&t, f.source, f.target);
    else print_table(&t);
    free(t.p);
    return EXIT_OK;
}
