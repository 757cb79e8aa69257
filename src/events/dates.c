/*
 * dates.c -- event dates from temporal expressions, relative to the
 * document date.
 *
 * Recognised (case-insensitive, on token forms): "today", "yesterday",
 * "tomorrow", "tonight", "[on|last|next|this] Monday", "[in|last|next]
 * March", "[on] March 3" / "3 March", "[in] 2025", "in early|mid|late 2025",
 * "last|next|this week|month|year", "N days|weeks|months|years ago",
 * "earlier|later this week|month|year".
 *
 * Convention: the date is the FIRST DAY of the period the expression names
 * ("last year" -> Jan 1 of the previous year, "last month" -> the 1st of
 * the previous month, "last week" -> Monday of the previous week, "in
 * late 2025" -> 2025-09-01, "in mid 2025" -> 2025-05-01, "in early 2025"
 * -> 2025-01-01).  Bare weekdays and months point to the most recent one on
 * or before the document date for past/present tense and the next one on or
 * after it for the future tense.  The expression attached to the trigger
 * (obl:tmod, obl, nmod:tmod, advmod, obl:npmod dependents) wins; else the
 * first expression of the sentence; else the document date.
 */
#include "events.h"

#include <ctype.h>
#include <stdio.h>

static const char *const MONTHS[] = {"january", "february", "march", "april", "may",
                                     "june", "july", "august", "september", "october",
                                     "november", "december"};
static const char *const MON3[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                   "jul", "aug", "sep", "oct", "nov", "dec"};
static const char *const DAYS[] = {"monday", "tuesday", "wednesday", "thursday",
                                   "friday", "saturday", "sunday"};

bool ev_date_parse(const char *s, ev_date *out) {
    int y, m, d;
    if (!s || sscanf(s, "%4d-%2d-%2d", &y, &m, &d) != 3) return false;
    if (m < 1 || m > 12 || d < 1 || d > 31) return false;
    out->y = y;
    out->m = m;
    out->d = d;
    return true;
}

void ev_date_format(ev_date d, char out[11]) {
    snprintf(out, 11, "%04d-%02d-%02d", (d.y % 10000 + 10000) % 10000,
             (d.m % 100 + 100) % 100 % 13, (d.d % 100 + 100) % 100 % 32);
}

/* Days since 1970-01-01 (civil calendar; H. Hinnant's algorithm). */
static long days_from_civil(int y, int m, int d) {
    y -= m <= 2;
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

static ev_date civil_from_days(long z) {
    z += 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long y = yoe + era * 400;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    long d = doy - (153 * mp + 2) / 5 + 1;
    long m = mp + (mp < 10 ? 3 : -9);
    ev_date r = {(int)(y + (m <= 2)), (int)m, (int)d};
    return r;
}

static ev_date add_days(ev_date d, long n) {
    return civil_from_days(days_from_civil(d.y, d.m, d.d) + n);
}

/* 0 = Monday .. 6 = Sunday */
static int weekday(ev_date d) {
    long z = days_from_civil(d.y, d.m, d.d);
    return (int)(((z % 7) + 7 + 3) % 7);   /* 1970-01-01 was a Thursday */
}

static ev_date add_months(ev_date d, int n) {
    int m = d.y * 12 + (d.m - 1) + n;
    ev_date r = {m / 12, m % 12 + 1, 1};
    return r;
}

static bool word_is(const dyad_token *t, const char *w) {
    return t->form && dyad_strcasecmp_ascii(t->form, w) == 0;
}

static int find_word(const char *const *list, int n, const char *form) {
    if (!form) return -1;
    for (int i = 0; i < n; i++)
        if (dyad_strcasecmp_ascii(list[i], form) == 0) return i;
    return -1;
}

static int month_of(const char *form) {
    int m = find_word(MONTHS, 12, form);
    if (m < 0) {
        char b[8];
        snprintf(b, sizeof b, "%s", form ? form : "");
        size_t n = strlen(b);
        if (n && b[n - 1] == '.') b[n - 1] = 0;
        if (strlen(b) == 3 && dyad_strcasecmp_ascii(b, "may") != 0) m = find_word(MON3, 12, b);
        if (dyad_strcasecmp_ascii(b, "sept") == 0) m = 8;
    }
    return m;
}

static int number_of(const char *form) {
    static const char *const NUMS[] = {"zero", "one", "two", "three", "four", "five",
                                       "six", "seven", "eight", "nine", "ten", "eleven",
                                       "twelve"};
    if (!form) return -1;
    if (isdigit((unsigned char)form[0])) {
        char *e;
        long v = strtol(form, &e, 10);
        if ((*e == 0 || strcmp(e, "st") == 0 || strcmp(e, "nd") == 0 ||
             strcmp(e, "rd") == 0 || strcmp(e, "th") == 0) && v >= 0 && v < 100000)
            return (int)v;
        return -1;
    }
    if (dyad_strcasecmp_ascii(form, "a") == 0 || dyad_strcasecmp_ascii(form, "an") == 0)
        return 1;
    if (dyad_strcasecmp_ascii(form, "several") == 0) return 3;
    if (dyad_strcasecmp_ascii(form, "few") == 0) return 3;
    return find_word(NUMS, 13, form);
}

static int unit_of(const char *form) {
    static const char *const U[] = {"day", "days", "week", "weeks", "month", "months",
                                    "year", "years"};
    int u = find_word(U, 8, form);
    return u < 0 ? -1 : u / 2;   /* 0 day 1 week 2 month 3 year */
}

static ev_date period_start(ev_date ref, int unit, int shift) {
    switch (unit) {
    case 0: return add_days(ref, shift);
    case 1: return add_days(ref, -weekday(ref) + 7L * shift);
    case 2: return add_months(ref, shift);
    default: {
        ev_date r = {ref.y + shift, 1, 1};
        return r;
    }
    }
}

static bool valid_year(int y) { return y >= 1800 && y <= 2200; }

int ev_date_expr(const dyad_token *t, int n, int i, ev_date ref, bool future,
                 ev_date *out) {
    if (i >= n || !t[i].form) return 0;
    const char *f = t[i].form;
    if (dyad_strcasecmp_ascii(f, "today") == 0 || dyad_strcasecmp_ascii(f, "tonight") == 0) {
        *out = ref;
        return 1;
    }
    if (dyad_strcasecmp_ascii(f, "yesterday") == 0) {
        *out = add_days(ref, -1);
        return 1;
    }
    if (dyad_strcasecmp_ascii(f, "tomorrow") == 0) {
        *out = add_days(ref, 1);
        return 1;
    }
    /* N units ago */
    int num = number_of(f);
    if (num >= 0 && i + 2 < n && unit_of(t[i + 1].form) >= 0 && word_is(&t[i + 2], "ago")) {
        int u = unit_of(t[i + 1].form);
        if (u == 0) *out = add_days(ref, -num);
        else if (u == 1) *out = add_days(ref, -7L * num);
        else if (u == 2) {
            *out = add_months(ref, -num);
            out->d = ref.d;
        } else *out = (ev_date){ref.y - num, ref.m, ref.d};
        if (out->d > 28) out->d = 28;
        return 3;
    }
    /* last/next/this/earlier this/later this + unit|weekday|month */
    int shift = 0, used = 0;
    bool rel = false;
    if (dyad_strcasecmp_ascii(f, "last") == 0 || dyad_strcasecmp_ascii(f, "past") == 0) {
        shift = -1; used = 1; rel = true;
    } else if (dyad_strcasecmp_ascii(f, "next") == 0 || dyad_strcasecmp_ascii(f, "coming") == 0) {
        shift = 1; used = 1; rel = true;
    } else if (dyad_strcasecmp_ascii(f, "this") == 0) {
        shift = 0; used = 1; rel = true;
    } else if ((dyad_strcasecmp_ascii(f, "earlier") == 0 || dyad_strcasecmp_ascii(f, "later") == 0) &&
               i + 1 < n && word_is(&t[i + 1], "this")) {
        shift = 0; used = 2; rel = true;
    }
    if (rel && i + used < n) {
        const char *w = t[i + used].form;
        int u = unit_of(w);
        if (u >= 0 && u != 0) {
            *out = period_start(ref, u, shift);
            return used + 1;
        }
        int wd = find_word(DAYS, 7, w);
        if (wd >= 0) {
            int cur = weekday(ref);
            long delta = wd - cur;
            if (shift < 0) { if (delta >= 0) delta -= 7; }
            else if (shift > 0) { if (delta <= 0) delta += 7; }
            *out = add_days(ref, delta);
            return used + 1;
        }
        int m = month_of(w);
        if (m >= 0) {
            int y = ref.y + shift;
            if (shift == 0) y = ref.y;
            else if (shift < 0 && m + 1 < ref.m) y = ref.y;
            else if (shift > 0 && m + 1 > ref.m) y = ref.y;
            *out = (ev_date){y, m + 1, 1};
            return used + 1;
        }
        return 0;
    }
    /* weekday */
    int wd = find_word(DAYS, 7, f);
    if (wd >= 0) {
        long delta = wd - weekday(ref);
        if (future) { if (delta < 0) delta += 7; }
        else if (delta > 0) delta -= 7;
        *out = add_days(ref, delta);
        return 1;
    }
    /* early|mid|late YEAR */
    if ((dyad_strcasecmp_ascii(f, "early") == 0 || dyad_strcasecmp_ascii(f, "mid") == 0 ||
         dyad_strcasecmp_ascii(f, "late") == 0) && i + 1 < n) {
        int y = number_of(t[i + 1].form);
        int m0 = f[0] == 'e' || f[0] == 'E' ? 1 : (f[0] == 'm' || f[0] == 'M') ? 5 : 9;
        if (valid_year(y)) {
            *out = (ev_date){y, m0, 1};
            return 2;
        }
        int m = month_of(t[i + 1].form);
        if (m >= 0) {
            int r = ev_date_expr(t, n, i + 1, ref, future, out);
            if (r) out->d = m0 == 1 ? 1 : m0 == 5 ? 10 : 20;
            return r ? r + 1 : 0;
        }
        return 0;
    }
    /* month [day] [, year] */
    int m = month_of(f);
    if (m >= 0) {
        if (dyad_strcasecmp_ascii(f, "may") == 0 && t[i].upos == DYAD_AUX) return 0;
        if (dyad_strcasecmp_ascii(f, "march") == 0 && t[i].upos == DYAD_VERB) return 0;
        int k = 1, day = 1;
        if (i + 1 < n) {
            int d = number_of(t[i + 1].form);
            if (d >= 1 && d <= 31 && isdigit((unsigned char)t[i + 1].form[0])) {
                day = d;
                k = 2;
            }
        }
        int y = -1;
        int j = i + k;
        if (j < n && word_is(&t[j], ",")) j++;
        if (j < n && valid_year(number_of(t[j].form)) && isdigit((unsigned char)t[j].form[0])) {
            y = number_of(t[j].form);
            k = j - i + 1;
        }
        if (y < 0) {
            y = ref.y;
            if (!future && (m + 1 > ref.m || (m + 1 == ref.m && day > ref.d))) y--;
            if (future && (m + 1 < ref.m || (m + 1 == ref.m && day < ref.d))) y++;
        }
        *out = (ev_date){y, m + 1, day};
        return k;
    }
    /* DAY MONTH [YEAR] */
    int d = number_of(f);
    if (d >= 1 && d <= 31 && isdigit((unsigned char)f[0]) && i + 1 < n &&
        month_of(t[i + 1].form) >= 0 && !(t[i + 1].form && dyad_strcasecmp_ascii(t[i + 1].form, "may") == 0)) {
        int r = ev_date_expr(t, n, i + 1, ref, future, out);
        if (r) out->d = d;
        return r ? r + 1 : 0;
    }
    /* a bare year after "in"/"since" */
    if (valid_year(d) && isdigit((unsigned char)f[0]) && strlen(f) == 4 && i > 0 &&
        (word_is(&t[i - 1], "in") || word_is(&t[i - 1], "during") ||
         word_is(&t[i - 1], "of"))) {
        *out = (ev_date){d, 1, 1};
        return 1;
    }
    return 0;
}

static bool is_tmod_rel(const char *r) {
    return r && (strncmp(r, "obl", 3) == 0 || strncmp(r, "nmod:tmod", 9) == 0 ||
                 strcmp(r, "advmod") == 0 || strncmp(r, "nmod:npmod", 10) == 0);
}

/* First expression within the subtree rooted at token `root` (sentence
 * tokens t[0..n)); limits the scan to tokens whose head is root or which
 * hang (via one level) below such a token. */
static bool expr_under(const dyad_token *t, int n, int root, ev_date ref, bool future,
                       ev_date *out) {
    for (int c = 0; c < n; c++) {
        if (t[c].head != root || !is_tmod_rel(t[c].deprel)) continue;
        /* scan the child's small subtree: from its leftmost dependent */
        int lo = c, hi = c;
        for (int k = 0; k < n; k++)
            if (t[k].head == c) {
                if (k < lo) lo = k;
                if (k > hi) hi = k;
            }
        for (int k = lo; k <= hi; k++)
            if (ev_date_expr(t, n, k, ref, future, out)) return true;
    }
    return false;
}

void ev_event_date(const dyad_doc *doc, const dyad_sentence *s, int trig, bool future,
                   const char *docdate, char out[11]) {
    out[0] = 0;
    ev_date ref;
    if (!ev_date_parse(docdate, &ref)) return;
    const dyad_token *t = doc->tokens + s->first;
    int n = (int)s->ntokens;
    ev_date d;
    if (trig >= 0 && trig < n && expr_under(t, n, trig, ref, future, &d)) {
        ev_date_format(d, out);
        return;
    }
    for (int i = 0; i < n; i++)
        if (ev_date_expr(t, n, i, ref, future, &d)) {
            ev_date_format(d, out);
            return;
        }
    ev_date_format(ref, out);
}
