/*
 * report.c -- one self-contained HTML page about a dyad: a summary, the
 * timeline drawn as inline SVG (cooperation bars above the axis, conflict
 * below, the mean-Goldstein index as a line, turning points and the low
 * point marked), then per period the leading issues and the top events with
 * their sentence and the trigger highlighted, and the actors involved.
 * No scripts, fonts or images are fetched: the page works offline.
 */
#include "relations.h"

#include <math.h>
#include <stdio.h>

typedef struct ev_row {
    char *date, *src, *src_text, *tgt, *tgt_text, *cameo, *plover, *sentence, *doc;
    double goldstein;
    long trig_start, trig_end;   /* characters, relative to the sentence */
    int quad;
    char key[32];                /* its period */
} ev_row;

typedef struct rows {
    ev_row *items;
    size_t len, cap;
    dyad_period_kind by;
    int failed;
} rows;

static char *dup_col(sqlite3_stmt *r, int c) {
    const unsigned char *s = sqlite3_column_text(r, c);
    return s ? strdup((const char *)s) : NULL;
}

static int collect(sqlite3_stmt *r, void *user) {
    rows *rs = user;
    if (dyad_grow((void **)&rs->items, &rs->cap, sizeof *rs->items, rs->len + 1) < 0)
        return rs->failed = 1;
    ev_row *e = &rs->items[rs->len++];
    e->date = dup_col(r, COL_EVENT_DATE);
    e->src = dup_col(r, COL_SOURCE_CODE);
    e->src_text = dup_col(r, COL_SOURCE_TEXT);
    e->tgt = dup_col(r, COL_TARGET_CODE);
    e->tgt_text = dup_col(r, COL_TARGET_TEXT);
    e->cameo = dup_col(r, COL_CAMEO);
    e->plover = dup_col(r, COL_PLOVER);
    e->sentence = dup_col(r, COL_SENTENCE);
    e->doc = dup_col(r, COL_DOC);
    e->goldstein = sqlite3_column_double(r, COL_GOLDSTEIN);
    e->quad = sqlite3_column_int(r, COL_QUAD);
    long s0 = sqlite3_column_int64(r, COL_SENTENCE_START);
    e->trig_start = sqlite3_column_int64(r, COL_TRIGGER_START) - s0;
    e->trig_end = sqlite3_column_int64(r, COL_TRIGGER_END) - s0;
    dyad_period_key(e->date ? e->date : "", rs->by, e->key);
    return 0;
}

static void rows_free(rows *rs) {
    for (size_t i = 0; i < rs->len; i++) {
        ev_row *e = &rs->items[i];
        char *f[] = {e->date, e->src, e->src_text, e->tgt, e->tgt_text, e->cameo, e->plover,
                     e->sentence, e->doc};
        for (size_t k = 0; k < sizeof f / sizeof *f; k++) free(f[k]);
    }
    free(rs->items);
}

static void esc_n(FILE *out, const char *s, size_t n) {
    for (size_t i = 0; s && i < n && s[i]; i++) {
        switch (s[i]) {
        case '<': fputs("&lt;", out); break;
        case '>': fputs("&gt;", out); break;
        case '&': fputs("&amp;", out); break;
        case '"': fputs("&quot;", out); break;
        default: fputc(s[i], out);
        }
    }
}

static void esc(FILE *out, const char *s) { esc_n(out, s, s ? strlen(s) : 0); }

/* Byte offset of character `chars` in UTF-8 string s (clamped to its end). */
static size_t byte_at(const char *s, long chars) {
    size_t i = 0;
    for (long c = 0; s[i] && c < chars; c++) {
        i++;
        while (((unsigned char)s[i] & 0xC0) == 0x80) i++;
    }
    return i;
}

static void sentence_marked(FILE *out, const ev_row *e) {
    const char *s = e->sentence ? e->sentence : "";
    size_t a = byte_at(s, e->trig_start), b = byte_at(s, e->trig_end);
    if (e->trig_start < 0 || b < a) a = b = 0;
    esc_n(out, s, a);
    fputs("<mark>", out);
    esc_n(out, s + a, b - a);
    fputs("</mark>", out);
    esc(out, s + b);
}

static const char CSS[] =
    "body{font:15px/1.5 Georgia,'DejaVu Serif',serif;max-width:1000px;margin:2em auto;"
    "padding:0 1em;color:#222}h1{font-size:1.7em;margin-bottom:.2em}"
    "h2{font-size:1.25em;border-bottom:1px solid #ccc;margin-top:1.6em}"
    "h3{font-size:1.05em;margin:1.2em 0 .3em}.sum{color:#444}"
    "table{border-collapse:collapse;font:13px/1.4 'DejaVu Sans',sans-serif}"
    "td,th{padding:3px 8px;border-bottom:1px solid #eee;text-align:left;vertical-align:top}"
    ".ev td.code{white-space:nowrap;color:#555}.coop{color:#1a7f37}.conf{color:#b42318}"
    "mark{background:#ffe08a;padding:0 2px}.issues{font:12px sans-serif;color:#555}"
    "svg text{font:11px 'DejaVu Sans',sans-serif}.turn{font-weight:bold}"
    "@media print{body{margin:0}}";

/* The timeline: one slot per period. */
static void chart(FILE *out, const dyad_trend *t) {
    const double W = 960, H = 380, left = 50, right = 20, top = 30, bottom = 70;
    double mid = top + (H - top - bottom) / 2, half = (H - top - bottom) / 2;
    long maxc = 1;
    for (size_t i = 0; i < t->n; i++) {
        long coop = t->p[i].n[1] + t->p[i].n[2], conf = t->p[i].n[3] + t->p[i].n[4];
        if (coop > maxc) maxc = coop;
        if (conf > maxc) maxc = conf;
    }
    double slot = t->n ? (W - left - right) / (double)t->n : 1, bw = fmin(40, slot * 0.6);
    fprintf(out, "<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 %.0f %.0f' "
                 "width='100%%' role='img' aria-label='timeline'>\n", W, H);
    fprintf(out, "<line x1='%.0f' y1='%.1f' x2='%.0f' y2='%.1f' stroke='#888'/>\n", left, mid,
            W - right, mid);
    fprintf(out, "<text x='4' y='%.0f' fill='#1a7f37'>coop.</text>"
                 "<text x='4' y='%.0f' fill='#b42318'>conflict</text>\n", top + 12, H - bottom - 4);
    fprintf(out, "<text x='%.0f' y='%.0f'>%ld</text><text x='%.0f' y='%.0f'>%ld</text>\n",
            left - 20, top + 4, maxc, left - 20, H - bottom, maxc);
    dyad_buf line = {0};
    for (size_t i = 0; i < t->n; i++) {
        const dyad_period *p = &t->p[i];
        double x = left + slot * (double)i + slot / 2;
        double hc = half * (double)(p->n[1] + p->n[2]) / (double)maxc;
        double hk = half * (double)(p->n[3] + p->n[4]) / (double)maxc;
        fprintf(out, "<rect x='%.1f' y='%.1f' width='%.1f' height='%.1f' fill='#4caf50'>"
                     "<title>%s: %ld cooperative</title></rect>\n",
                x - bw / 2, mid - hc, bw, hc, p->key, p->n[1] + p->n[2]);
        fprintf(out, "<rect x='%.1f' y='%.1f' width='%.1f' height='%.1f' fill='#e5533d'>"
                     "<title>%s: %ld conflictual</title></rect>\n",
                x - bw / 2, mid, bw, hk, p->key, p->n[3] + p->n[4]);
        if ((t->n <= 24 || i % (t->n / 24 + 1) == 0))
            fprintf(out, "<text x='%.1f' y='%.0f' transform='rotate(-45 %.1f %.0f)' "
                         "text-anchor='end'>%s</text>\n", x, H - bottom + 16, x,
                    H - bottom + 16, p->key);
        if (!p->events) continue;
        double y = mid - half * p->index / 10.0;
        dyad_buf_printf(&line, "%s%.1f,%.1f", line.len ? " " : "", x, y);
        fprintf(out, "<circle cx='%.1f' cy='%.1f' r='3' fill='#1f3a93'><title>%s index "
                     "%.2f</title></circle>\n", x, y, p->key, p->index);
        if (p->turn)
            fprintf(out, "<text class='turn' x='%.1f' y='%.1f' text-anchor='middle' "
                         "fill='%s'>%s</text>\n", x, p->turn > 0 ? top - 8 : top - 8,
                    p->turn > 0 ? "#1a7f37" : "#b42318", p->turn > 0 ? "&#9650; thaw"
                                                                      : "&#9660; worse");
        if (p->low_point)
            fprintf(out, "<text class='turn' x='%.1f' y='%.1f' text-anchor='middle' "
                         "fill='#b42318'>low point</text>\n", x, fmin(H - bottom - 2, y + 16));
    }
    if (line.len)
        fprintf(out, "<polyline points='%s' fill='none' stroke='#1f3a93' "
                     "stroke-width='2'/>\n", line.data);
    dyad_buf_free(&line);
    fputs("</svg>\n<p class='issues'>Bars: events per period (green cooperation above the "
          "axis, red conflict below). Line: mean Goldstein score (&minus;10 to +10), the "
          "cooperation&ndash;conflict index. &#9650;/&#9660;: turning points, where the index "
          "shifts by more than 1.645 standard errors of its noise (a 90% test; see docs/store.md).</p>\n", out);
}

static int by_magnitude(const void *a, const void *b) {
    double x = fabs((*(const ev_row *const *)a)->goldstein);
    double y = fabs((*(const ev_row *const *)b)->goldstein);
    return x < y ? 1 : x > y ? -1 : 0;
}

static void event_row(FILE *out, const ev_row *e) {
    fprintf(out, "<tr class='ev'><td class='code'>%s<br><span class='%s'>%s %s %+.1f</span>"
                 "</td><td><b>", e->date ? e->date : "", e->quad <= 2 ? "coop" : "conf",
            e->cameo ? e->cameo : "", e->plover ? e->plover : "", e->goldstein);
    esc(out, e->src_text);
    fprintf(out, "</b> (%s) &rarr; <b>", e->src ? e->src : "?");
    esc(out, e->tgt_text ? e->tgt_text : "&mdash;");
    fprintf(out, "</b> (%s)<br>", e->tgt ? e->tgt : "?");
    sentence_marked(out, e);
    fputs(" <span class='issues'>[", out);
    esc(out, e->doc);
    fputs("]</span></td></tr>\n", out);
}

static void periods(FILE *out, const dyad_trend *t, rows *rs) {
    ev_row **sel = malloc((rs->len ? rs->len : 1) * sizeof *sel);
    if (!sel) return;
    size_t k = 0;       /* rows come ordered by date, so by period too */
    for (size_t i = 0; i < t->n; i++) {
        const dyad_period *p = &t->p[i];
        if (!p->events) continue;
        size_t n = 0;
        while (k < rs->len && strcmp(rs->items[k].key, p->key) < 0) k++;
        while (k < rs->len && strcmp(rs->items[k].key, p->key) == 0) sel[n++] = &rs->items[k++];
        qsort(sel, n, sizeof *sel, by_magnitude);
        fprintf(out, "<h3>%s &mdash; %ld event%s, index %.2f%s%s</h3>\n", p->key, p->events,
                p->events == 1 ? "" : "s", p->index,
                p->turn > 0 ? " &#9650; thaw" : p->turn < 0 ? " &#9660; deterioration" : "",
                p->low_point ? " (low point)" : "");
        int top[3], ni = dyad_period_top_issues(p, top, 3);
        if (ni) {
            fputs("<p class='issues'>Leading issues: ", out);
            for (int k = 0; k < ni; k++)
                fprintf(out, "%s%s", k ? ", " : "", dyad_issue_name(top[k]));
            fputs("</p>\n", out);
        }
        fputs("<table>\n", out);
        for (size_t j = 0; j < n && j < 5; j++) event_row(out, sel[j]);
        fputs("</table>\n", out);
    }
    free(sel);
}

static void actor_table(FILE *out, rows *rs) {
    typedef struct { const char *code, *text; long n; } actor;
    actor *a = calloc(2 * rs->len + 1, sizeof *a);
    size_t na = 0;
    if (!a) return;
    for (size_t i = 0; i < rs->len; i++) {
        const char *codes[2] = {rs->items[i].src, rs->items[i].tgt};
        const char *texts[2] = {rs->items[i].src_text, rs->items[i].tgt_text};
        for (int k = 0; k < 2; k++) {
            if (!codes[k]) continue;
            size_t j = 0;
            while (j < na && strcmp(a[j].code, codes[k]) != 0) j++;
            if (j == na) a[na++] = (actor){codes[k], texts[k], 0};
            a[j].n++;
        }
    }
    fputs("<h2>Actors involved</h2>\n<table><tr><th>code</th><th>events</th>"
          "<th>as written, e.g.</th></tr>\n", out);
    for (size_t j = 0; j < na; j++) {
        fprintf(out, "<tr><td>%s</td><td>%ld</td><td>", a[j].code, a[j].n);
        esc(out, a[j].text);
        fputs("</td></tr>\n", out);
    }
    fputs("</table>\n", out);
    free(a);
}

int dyad_report_write(sqlite3 *db, const dyad_filter *f, dyad_period_kind by, FILE *out,
                      dyad_error *err) {
    dyad_trend t;
    rows rs = {.by = by};
    if (dyad_trend_build(db, f, by, &t, err) < 0) return -1;
    if (dyad_query_events(db, f, collect, &rs, err) < 0 || rs.failed) {
        free(t.p);
        rows_free(&rs);
        return -1;
    }
    const char *x = f->source ? f->source : "*", *y = f->target ? f->target : "*";
    fputs("<!DOCTYPE html>\n<html lang='en'><head><meta charset='utf-8'>\n<title>", out);
    esc(out, x);
    fputs(" &ndash; ", out);
    esc(out, y);
    fprintf(out, " relations (dyad)</title>\n<style>%s</style></head><body>\n<h1>", CSS);
    esc(out, x);
    fputs(f->both_directions ? " &harr; " : " &rarr; ", out);
    esc(out, y);
    fputs(" relations</h1>\n<p class='sum'>", out);
    const dyad_period *low = NULL;
    long coop = 0, conf = 0;
    for (size_t i = 0; i < t.n; i++) {
        if (t.p[i].low_point) low = &t.p[i];
        coop += t.p[i].n[1] + t.p[i].n[2];
        conf += t.p[i].n[3] + t.p[i].n[4];
    }
    fprintf(out, "%zu events coded by dyad (%ld cooperative, %ld conflictual)", rs.len, coop,
            conf);
    if (t.n) fprintf(out, " from %s to %s", t.p[0].key, t.p[t.n - 1].key);
    if (low) fprintf(out, ". Low point: %s (mean Goldstein %.2f)", low->key, low->index);
    int nthaw = 0;
    for (size_t i = 0; i < t.n; i++)
        if (t.p[i].turn > 0 && (!low || strcmp(t.p[i].key, low->key) > 0))
            fprintf(out, "%s%s", nthaw++ ? ", " : ". Thaw from: ", t.p[i].key);
    fputs(".</p>\n<h2>Timeline</h2>\n", out);
    chart(out, &t);
    fputs("<h2>Events by period</h2>\n", out);
    periods(out, &t, &rs);
    actor_table(out, &rs);
    fputs("<p class='issues'>Made by dyad from its event store. Codes: CAMEO and PLOVER; "
          "scores: Goldstein scale.</p>\n</body></html>\n", out);
    free(t.p);
    rows_free(&rs);
    return 0;
}
