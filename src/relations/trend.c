/*
 * trend.c -- the relations of a dyad over time: events bucketed by period,
 * counts by quad class, Goldstein sum and mean, leading issues, and turning
 * points.
 *
 * The cooperation-conflict index of a period is the mean Goldstein score of
 * its events (-10 .. +10): it weighs a military attack more than a verbal
 * criticism, and a signed agreement more than a meeting.
 *
 * Turning points (dyad_trend_turns) are a two-window mean-shift test over
 * the non-empty periods: for each period t, d(t) = mean index of t and the
 * period after it minus the mean index of the two periods before t (windows
 * shrink at the edges, at least one period each side).  The noise level
 * sigma of the series is estimated robustly from the median absolute
 * difference of successive periods (sigma = MAD / (0.6745 * sqrt 2)), so a
 * real shift does not inflate it.  A period is a turning point when
 * |d(t)| > 1.645 * sigma * sqrt(1/na + 1/nb) -- a two-sided test at the 90%
 * level that the shift is more than noise, the same rule for every dyad
 * (SHIFT_Z below) -- and |d(t)| is
 * the largest among its neighbours.  d > 0 is a thaw, d < 0 a
 * deterioration.  The low point is the non-empty period with the lowest
 * index.
 *
 * A short series (fewer than SHORT_SERIES non-empty periods) has too few
 * successive differences for their median to be noise: with five of them,
 * most are the very shifts the test should find.  There the noise of each
 * window mean comes from the events themselves: the pooled spread s of the
 * Goldstein values within periods gives a period mean the variance s^2/n
 * (n its events), and a window of periods the mean of those over its
 * periods, so sqrt(var(after) + var(before)) replaces sigma *
 * sqrt(1/na + 1/nb).  When there is no spread to pool (one event a period)
 * the median rule stays.
 */
#include "relations.h"

#include <math.h>
#include <stdio.h>
#include <time.h>

/* z value of the turning-point test: two-sided, 90%. */
#define SHIFT_Z 1.645
/* Below this many non-empty periods the test uses the events' own spread. */
#define SHORT_SERIES 8

int dyad_period_kind_from(const char *s, dyad_period_kind *out) {
    static const char *const names[] = {"day", "week", "month", "quarter", "year"};
    for (int i = 0; i < 5; i++)
        if (strcmp(s, names[i]) == 0) {
            *out = (dyad_period_kind)i;
            return 0;
        }
    return -1;
}

void dyad_period_key(const char *date, dyad_period_kind by, char out[32]) {
    int y = 0, m = 1, d = 1;
    sscanf(date, "%d-%d-%d", &y, &m, &d);
    switch (by) {
    case BY_DAY: snprintf(out, 32, "%04d-%02d-%02d", y, m, d); break;
    case BY_MONTH: snprintf(out, 32, "%04d-%02d", y, m); break;
    case BY_QUARTER: snprintf(out, 32, "%04d-Q%d", y, (m - 1) / 3 + 1); break;
    case BY_YEAR: snprintf(out, 32, "%04d", y); break;
    case BY_WEEK: {
        struct tm tm = {.tm_year = y - 1900, .tm_mon = m - 1, .tm_mday = d, .tm_hour = 12};
        timegm(&tm);                       /* fills tm_wday, tm_yday */
        strftime(out, 32, "%G-W%V", &tm);
        break;
    }
    }
}

/* The key of the period after `key` (keys of one kind sort by time). */
static void next_key(const char *key, dyad_period_kind by, char out[32]) {
    int y = 0, a = 1, b = 1;
    struct tm tm = {.tm_hour = 12};
    char date[16];
    switch (by) {
    case BY_DAY:
    case BY_WEEK:
        if (by == BY_DAY) {
            sscanf(key, "%d-%d-%d", &y, &a, &b);
            tm.tm_year = y - 1900, tm.tm_mon = a - 1, tm.tm_mday = b + 1;
        } else {   /* Thursday of ISO week a of year y, plus 7 days */
            sscanf(key, "%d-W%d", &y, &a);
            tm.tm_year = y - 1900, tm.tm_mon = 0, tm.tm_mday = 4;
            timegm(&tm);
            tm.tm_mday += (a - 1) * 7 - ((tm.tm_wday + 6) % 7) + 3 + 7;
        }
        timegm(&tm);
        strftime(date, sizeof date, "%Y-%m-%d", &tm);
        dyad_period_key(date, by, out);
        return;
    case BY_MONTH:
        sscanf(key, "%d-%d", &y, &a);
        snprintf(out, 32, "%04d-%02d", a == 12 ? y + 1 : y, a == 12 ? 1 : a + 1);
        return;
    case BY_QUARTER:
        sscanf(key, "%d-Q%d", &y, &a);
        snprintf(out, 32, "%04d-Q%d", a == 4 ? y + 1 : y, a == 4 ? 1 : a + 1);
        return;
    case BY_YEAR:
        sscanf(key, "%d", &y);
        snprintf(out, 32, "%04d", y + 1);
        return;
    }
}

typedef struct trend_build {
    dyad_trend *t;
    size_t cap;
    dyad_period_kind by;
    int failed;
} trend_build;

static dyad_period *push_period(trend_build *b, const char *key) {
    if (dyad_grow((void **)&b->t->p, &b->cap, sizeof *b->t->p, b->t->n + 1) < 0) return NULL;
    dyad_period *p = &b->t->p[b->t->n++];
    memset(p, 0, sizeof *p);
    snprintf(p->key, sizeof p->key, "%s", key);
    return p;
}

/* Rows arrive ordered by date: the period is the last one, or new ones are
 * appended (empty ones too) until its key is reached. */
static int add_row(sqlite3_stmt *row, void *user) {
    trend_build *b = user;
    char key[32];
    const char *date = (const char *)sqlite3_column_text(row, COL_EVENT_DATE);
    dyad_period_key(date ? date : "", b->by, key);
    dyad_period *p = b->t->n ? &b->t->p[b->t->n - 1] : NULL;
    while (!p || strcmp(p->key, key) < 0) {
        char nk[32];
        if (p) next_key(p->key, b->by, nk);
        /* the next key must move forward: anything else ends the gap */
        p = push_period(b, p && strcmp(nk, key) < 0 && strcmp(nk, p->key) > 0 ? nk : key);
        if (!p) return b->failed = 1;
    }
    int quad = sqlite3_column_int(row, COL_QUAD);
    if (quad >= 1 && quad <= 4) p->n[quad]++;
    p->events++;
    double g = sqlite3_column_double(row, COL_GOLDSTEIN);
    p->goldstein_sum += g;
    p->goldstein_sumsq += g * g;
    const char *issues = (const char *)sqlite3_column_text(row, COL_ISSUES);
    for (int i = 0; issues && i < DYAD_ISSUE_COUNT; i++) {
        const char *name = dyad_issue_name(i), *hit = strstr(issues, name);
        size_t n = strlen(name);
        if (hit && (hit == issues || hit[-1] == ',') && (hit[n] == ',' || !hit[n]))
            p->issue_count[i]++;
    }
    return 0;
}

static int cmp_double(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

/* Robust noise level of the index: median |x(k) - x(k-1)| / (0.6745 sqrt 2). */
static double noise_level(const dyad_trend *t, const size_t *idx, size_t m) {
    if (m < 2) return 0;
    double *diff = malloc((m - 1) * sizeof *diff);
    if (!diff) return 0;
    for (size_t k = 1; k < m; k++) diff[k - 1] = fabs(t->p[idx[k]].index - t->p[idx[k - 1]].index);
    qsort(diff, m - 1, sizeof *diff, cmp_double);
    size_t h = (m - 1) / 2;
    double med = (m - 1) % 2 ? diff[h] : (diff[h - 1] + diff[h]) / 2;
    free(diff);
    return med / (0.6745 * sqrt(2.0));
}

/* Pooled within-period variance of the Goldstein values of the non-empty
 * periods idx[0..m); 0 when no period has two events or nothing varies. */
static double pooled_variance(const dyad_trend *t, const size_t *idx, size_t m) {
    double ss = 0;
    long events = 0;
    for (size_t k = 0; k < m; k++) {
        const dyad_period *p = &t->p[idx[k]];
        ss += p->goldstein_sumsq - p->goldstein_sum * p->goldstein_sum / (double)p->events;
        events += p->events;
    }
    long df = events - (long)m;
    return df > 0 && ss > 1e-9 ? ss / (double)df : 0;
}

void dyad_trend_turns(dyad_trend *t) {
    size_t m = 0;
    size_t *idx = malloc((t->n ? t->n : 1) * sizeof *idx);
    double *d = calloc(t->n ? t->n : 1, sizeof *d), *z = calloc(t->n ? t->n : 1, sizeof *z);
    if (!idx || !d || !z) goto out;
    double sum = 0, sq = 0;
    for (size_t i = 0; i < t->n; i++) {
        dyad_period *p = &t->p[i];
        p->index = p->events ? p->goldstein_sum / (double)p->events : 0;
        p->turn = 0;
        p->low_point = false;
        if (!p->events) continue;
        idx[m++] = i;
        sum += p->index;
        sq += p->index * p->index;
    }
    if (m == 0) goto out;
    double mean = sum / (double)m;
    t->sd = m > 1 ? sqrt(fmax(0, (sq - (double)m * mean * mean) / (double)(m - 1))) : 0;
    t->noise = noise_level(t, idx, m);
    size_t low = idx[0];
    for (size_t k = 0; k < m; k++)
        if (t->p[idx[k]].index < t->p[low].index) low = idx[k];
    t->p[low].low_point = true;
    double s2 = m < SHORT_SERIES ? pooled_variance(t, idx, m) : 0;
    for (size_t k = 1; k < m; k++) {           /* d(k): after-window minus before-window */
        double before = 0, after = 0, var_b = 0, var_a = 0;
        size_t nb = 0, na = 0;
        for (size_t j = k >= 2 ? k - 2 : 0; j < k; j++, nb++) {
            before += t->p[idx[j]].index;
            var_b += s2 / (double)t->p[idx[j]].events;
        }
        for (size_t j = k; j < m && j < k + 2; j++, na++) {
            after += t->p[idx[j]].index;
            var_a += s2 / (double)t->p[idx[j]].events;
        }
        d[k] = after / (double)na - before / (double)nb;
        if (s2 > 0)   /* var of a window mean: sum of its periods' variances / count^2 */
            z[k] = SHIFT_Z * sqrt(var_a / (double)(na * na) + var_b / (double)(nb * nb));
        else
            z[k] = SHIFT_Z * t->noise * sqrt(1.0 / (double)na + 1.0 / (double)nb);
    }
    for (size_t k = 1; k < m; k++) {
        bool peak = fabs(d[k]) > z[k] && fabs(d[k]) > 1e-9 &&
                    (k + 1 >= m || fabs(d[k]) >= fabs(d[k + 1])) &&
                    (k < 2 || fabs(d[k]) > fabs(d[k - 1]));
        if (peak) t->p[idx[k]].turn = d[k] > 0 ? 1 : -1;
    }
out:
    free(idx);
    free(d);
    free(z);
}

int dyad_trend_build(sqlite3 *db, const dyad_filter *f, dyad_period_kind by,
                     dyad_trend *t, dyad_error *err) {
    memset(t, 0, sizeof *t);
    trend_build b = {.t = t, .by = by};
    if (dyad_query_events(db, f, add_row, &b, err) < 0 || b.failed) {
        if (b.failed) dyad_error_set(err, NULL, 0, -1, "out of memory");
        free(t->p);
        t->p = NULL;
        t->n = 0;
        return -1;
    }
    dyad_trend_turns(t);
    return 0;
}

int dyad_period_top_issues(const dyad_period *p, int *out, int n) {
    int k = 0;
    bool used[DYAD_ISSUE_COUNT] = {0};
    while (k < n) {
        int best = -1;
        for (int i = 0; i < DYAD_ISSUE_COUNT; i++)
            if (!used[i] && p->issue_count[i] > 0 &&
                (best < 0 || p->issue_count[i] > p->issue_count[best]))
                best = i;
        if (best < 0) break;
        used[best] = true;
        out[k++] = best;
    }
    return k;
}
