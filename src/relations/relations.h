/*
 * relations.h -- internal interface of the query, trend and report stages
 * (src/relations/): reading events back from the SQLite store.
 */
#ifndef DYAD_RELATIONS_H
#define DYAD_RELATIONS_H

#include "internal.h"

#include <sqlite3.h>

/* Which events a query selects.  NULL / 0 fields select everything. */
typedef struct dyad_filter {
    const char *source;      /* code prefix: "USA" matches USAGOV, USAMIL */
    const char *target;
    bool both_directions;    /* source/target also match the other way round */
    const char *from, *to;   /* event_date range, inclusive, YYYY-MM-DD */
    const char *cameo;       /* code prefix: "12" matches 12x */
    const char *plover;
    const char *issue;
    bool one_a_day;          /* drop events marked as duplicates */
    long limit;              /* 0: no limit */
} dyad_filter;

/* The columns every events query returns, in this order. */
enum {
    COL_ID, COL_DOC, COL_SENT, COL_DATE, COL_EVENT_DATE, COL_CAMEO, COL_ROOT, COL_PLOVER,
    COL_MODE, COL_CONTEXT, COL_QUAD, COL_GOLDSTEIN, COL_SOURCE_CODE, COL_SOURCE_COUNTRY,
    COL_SOURCE_SECTOR, COL_SOURCE_TEXT, COL_TARGET_CODE, COL_TARGET_COUNTRY,
    COL_TARGET_SECTOR, COL_TARGET_TEXT, COL_TRIGGER, COL_TRIGGER_START, COL_TRIGGER_END,
    COL_SENTENCE_START, COL_ISSUES, COL_NEGATED, COL_SENTENCE, COL_RULE, COL_DUPLICATE_OF,
    COL_JSON, COL_COUNT
};
extern const char *const dyad_event_columns[COL_COUNT];

/* Called with each selected row (a stepped statement); return 0 to go on. */
typedef int (*dyad_row_fn)(sqlite3_stmt *row, void *user);

/* Opens the store read-only.  NULL and err filled when it cannot. */
sqlite3 *dyad_store_open_readonly(const char *path, dyad_error *err);

/* Runs the filter over the events, ordered by event_date then id. */
int dyad_query_events(sqlite3 *db, const dyad_filter *f, dyad_row_fn fn, void *user,
                      dyad_error *err);

/* ---- trend (src/relations/trend.c) ---- */
typedef enum { BY_DAY, BY_WEEK, BY_MONTH, BY_QUARTER, BY_YEAR } dyad_period_kind;
int dyad_period_kind_from(const char *s, dyad_period_kind *out);  /* 0 or -1 */
/* The period key of a date: "2025-03-04", "2025-W10", "2025-03", "2025-Q1", "2025". */
void dyad_period_key(const char *date, dyad_period_kind by, char out[32]);

typedef struct dyad_period {
    char key[32];
    long n[5];               /* n[1..4]: events by quad class */
    long events;
    double goldstein_sum;
    double goldstein_sumsq;  /* sum of squared Goldstein values (spread) */
    double index;            /* mean Goldstein of the period (0 when empty) */
    int issue_count[DYAD_ISSUE_COUNT];
    int turn;                /* +1 thaw, -1 deterioration, 0 none */
    bool low_point;
} dyad_period;

typedef struct dyad_trend {
    dyad_period *p;
    size_t n;
    double sd;               /* standard deviation of the index over non-empty periods */
    double noise;            /* robust noise level used for turning points (trend.c) */
} dyad_trend;

/* Buckets the filter's events by period (empty periods between the first and
 * the last included) and flags turning points.  Caller frees t->p. */
int dyad_trend_build(sqlite3 *db, const dyad_filter *f, dyad_period_kind by,
                     dyad_trend *t, dyad_error *err);
/* Marks turning points and the low point of an already bucketed series. */
void dyad_trend_turns(dyad_trend *t);
/* Leading issues of a period: up to n issue bit indexes, most frequent first. */
int dyad_period_top_issues(const dyad_period *p, int *out, int n);


/* ---- report (src/relations/report.c) ---- */
/* Writes the self-contained HTML report of the filter's dyad to out. */
int dyad_report_write(sqlite3 *db, const dyad_filter *f, dyad_period_kind by, FILE *out,
                      dyad_error *err);

#endif
