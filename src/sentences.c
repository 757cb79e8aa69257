/*
 * sentences.c -- the sentence splitter for news text, and dyad_segment().
 *
 * dyad_segment tokenizes the whole document (src/tokens.c), then decides
 * after which tokens a sentence ends, looking at the tokens and at the
 * whitespace between them:
 *   1. a blank line always ends a sentence;
 *   2. a single line break ends one when the line before ends in . ! ? or
 *      when it is a headline: it lacks final punctuation, does not end in a
 *      comma-like token or a lowercase function word, and the next line
 *      starts with a capital letter, digit, quote or bullet;
 *   3. . ! ? ... end a sentence (together with closing quotes and brackets
 *      right after them, `said." Next`) when the next token starts with a
 *      capital letter, a digit or an opening quote/bracket, or is the end;
 *   4. an abbreviation that keeps its period (U.S., Inc., Sept.) ends a
 *      sentence only when the next word is a frequent sentence starter (the
 *      table below) -- "U.S. forces" stays whole, "in the U.S. The next day"
 *      splits; titles (Mr., Gen., Sen. ...) and initials (George W. Bush)
 *      never end one;
 *   5. a news dateline opening a paragraph ("BOGOTA --", "LIMA, Peru (AP) -")
 *      is a unit of its own, so that its place name does not become the
 *      subject of the first sentence.
 * Sentences and tokens are stored in the document's arena.
 */
#include "text.h"

/* Frequent sentence-initial words of English news, written from the
 * pronouns, determiners, conjunctions and adverbs that open sentences in
 * UD EWT/GUM training data (counted at development time; no treebank text
 * is copied).  A capitalised word in this list after an abbreviation marks
 * a new sentence. */
static const char *const starters[] = {
    "A", "About", "According", "After", "Also", "Although", "An", "And", "Another",
    "As", "At", "Because", "Before", "Both", "But", "By", "During", "Each",
    "Earlier", "Even", "Every", "For", "From", "He", "Her", "Here", "His", "How",
    "However", "I", "If", "In", "It", "Its", "Last", "Later", "Many", "Meanwhile",
    "More", "Most", "My", "No", "Not", "Now", "On", "One", "Only", "Other", "Our",
    "She", "Since", "So", "Some", "Still", "Such", "That", "The", "Their", "Then",
    "There", "These", "They", "This", "Those", "Thus", "To", "Today", "Two",
    "Under", "We", "What", "When", "Where", "While", "Who", "Why", "With", "Yet",
    "You", "Your", "Yesterday",
};

/* Abbreviations that precede a name and so never end a sentence. */
static const char *const titles[] = {
    "Mr.", "Mrs.", "Ms.", "Dr.", "Prof.", "Rev.", "Hon.", "Gen.", "Lt.", "Col.",
    "Maj.", "Capt.", "Cmdr.", "Sgt.", "Adm.", "Brig.", "Cpl.", "Pvt.", "Sen.",
    "Rep.", "Gov.", "Pres.", "Amb.", "Fr.", "Msgr.", "St.", "Mt.", "Ft.", "No.",
    "Gens.", "Sens.", "Reps.", "Supt.", "Insp.",
};

/* Lowercase words a wrapped line may end with (no headline ends so). */
static const char *const continuations[] = {
    "a", "an", "the", "of", "to", "in", "on", "at", "for", "and", "or", "but",
    "with", "by", "from", "that", "as", "is", "was", "are", "were", "be", "has",
    "have", "had", "said", "its", "their", "his", "her", "than", "into", "not",
};

static bool in_list(const char *const *list, size_t n, const char *s) {
    for (size_t i = 0; i < n; i++)
        if (strcmp(list[i], s) == 0) return true;
    return false;
}

static bool is_terminal(const char *f) {
    if (!*f) return false;
    for (const char *p = f; *p; p++)
        if (*p != '.' && *p != '!' && *p != '?') return false;
    return true;
}

static bool is_closer(const char *f) {
    return !strcmp(f, "\"") || !strcmp(f, "'") || !strcmp(f, ")") || !strcmp(f, "]") ||
           !strcmp(f, "''") || !strcmp(f, "}");
}

static bool is_opener(const char *f) {
    return !strcmp(f, "\"") || !strcmp(f, "'") || !strcmp(f, "(") || !strcmp(f, "[") ||
           !strcmp(f, "``") || !strcmp(f, "-") || !strcmp(f, "--") || !strcmp(f, "*");
}

/* Does the token start a new sentence-like unit (capital, digit, opener)? */
static bool starts_unit(const dyad_doc *d, const dyad_token *t) {
    size_t n;
    uint32_t cp = dyad_text_decode(d->text, d->len, t->start, &n);
    return dyad_text_is_upper(cp) || (cp >= '0' && cp <= '9') || is_opener(t->form) ||
           cp == 0x2022;
}

/* 0: no line break between a and b; 1: one; 2: a blank line. */
static int breaks_between(const dyad_doc *d, size_t a, size_t b) {
    int nl = 0;
    for (size_t i = a; i < b; i++) {
        if (d->text[i] == '\n') {
            if (++nl >= 2) return 2;
        }
    }
    return nl;
}

static bool ends_headline(const dyad_token *t) {
    const char *f = t->form;
    if (!strcmp(f, ",") || !strcmp(f, "-") ||
        !strcmp(f, "--") || !strcmp(f, "(") || !strcmp(f, "&"))
        return false;
    return !in_list(continuations, DYAD_ARRAY_LEN(continuations), f);
}

/* A bracketed citation after the final stop ("... research. [1 - 3]")
 * belongs to the sentence: returns the index after it, or `end`. */
static size_t after_citation(const dyad_doc *d, const dyad_token *t, size_t n, size_t end) {
    if (end >= n || strcmp(t[end].form, "[") != 0) return end;
    for (size_t k = end + 1; k < n && k < end + 8; k++) {
        const char *f = t[k].form;
        if (!strcmp(f, "]"))
            return breaks_between(d, t[end - 1].end, t[k].end) == 0 ? k + 1 : end;
        if (!(f[0] >= '0' && f[0] <= '9') && strcmp(f, "-") && strcmp(f, ","))
            return end;
    }
    return end;
}

/* Is the token a word written in capitals only ("BOGOTA", "D.C.")? */
static bool all_caps_word(const char *f) {
    int letters = 0;
    for (const unsigned char *p = (const unsigned char *)f; *p; p++) {
        if (*p >= 'a' && *p <= 'z') return false;
        if (*p >= 'A' && *p <= 'Z') letters++;
    }
    return letters >= 2;
}

/* When tokens from i on are a dateline -- capitalised place words (the first
 * in capitals), commas, a parenthesised agency, then a dash -- returns the
 * index after the dash; else 0.  Used only where a paragraph starts. */
static size_t dateline_end(const dyad_token *t, size_t n, size_t i) {
    if (i >= n || !all_caps_word(t[i].form)) return 0;
    bool in_paren = false;
    for (size_t k = i + 1; k < n && k < i + 10; k++) {
        const char *f = t[k].form;
        if (!strcmp(f, "--") || (!strcmp(f, "-") && t[k].start > t[k - 1].end))
            return in_paren ? 0 : k + 1;
        if (!strcmp(f, "(")) { in_paren = true; continue; }
        if (!strcmp(f, ")")) { in_paren = false; continue; }
        if (!strcmp(f, ",") || in_paren) continue;
        if (!(f[0] >= 'A' && f[0] <= 'Z')) return 0;
    }
    return 0;
}

int dyad_text_split(const dyad_doc *d, const dyad_token *t, size_t n, dyad_u32vec *ends) {
    size_t i = 0;
    while (i < n) {
        size_t dl;
        bool para_start = i == 0 || breaks_between(d, t[i - 1].end, t[i].start) > 0;
        if (para_start && (i == 0 || (ends->len && ends->items[ends->len - 1] == i)) &&
            (dl = dateline_end(t, n, i)) != 0 && dl < n) {
            if (DYAD_VEC_PUSH(*ends, (uint32_t)dl) < 0) return -1;
            i = dl;
            continue;
        }
        size_t end = i + 1;          /* candidate: sentence ends after token i */
        bool split = false;
        const char *f = t[i].form;
        size_t flen = t[i].end - t[i].start;   /* bytes; forms of '.'-words are ASCII */
        if (is_terminal(f) || (flen > 1 && d->text[t[i].end - 1] == '.')) {
            bool abbrev = !is_terminal(f);
            while (end < n && is_closer(t[end].form) &&
                   (t[end - 1].end == t[end].start || strchr(")]}", t[end].form[0])) &&
                   breaks_between(d, t[end - 1].end, t[end].start) == 0)
                end++;
            end = after_citation(d, t, n, end);
            if (end >= n) {
                split = true;
            } else if (breaks_between(d, t[end - 1].end, t[end].start) > 0 &&
                       starts_unit(d, &t[end])) {
                split = !abbrev || !in_list(titles, DYAD_ARRAY_LEN(titles), f);
            } else if (!abbrev) {
                split = starts_unit(d, &t[end]);
            } else {
                bool initial = strlen(f) == 2;
                split = !initial && !in_list(titles, DYAD_ARRAY_LEN(titles), f) &&
                        in_list(starters, DYAD_ARRAY_LEN(starters), t[end].form);
            }
        } else if (end < n) {
            int br = breaks_between(d, t[i].end, t[end].start);
            split = br == 2 || (br == 1 && ends_headline(&t[i]) && starts_unit(d, &t[end]));
        }
        if (!split && end < n && breaks_between(d, t[end - 1].end, t[end].start) == 2)
            split = true;
        if (split || end >= n) {
            if (DYAD_VEC_PUSH(*ends, (uint32_t)end) < 0) return -1;
        }
        i = end;
    }
    return 0;
}

int dyad_segment(dyad_doc *doc) {
    dyad_tokvec toks = {0};
    dyad_u32vec ends = {0};
    int rc = -1;
    if (dyad_text_tokenize(doc, &toks) < 0) goto out;
    if (dyad_text_split(doc, toks.items, toks.len, &ends) < 0) goto out;
    dyad_token *tk = toks.len ? dyad_doc_alloc(doc, toks.len * sizeof *tk) : NULL;
    dyad_sentence *ss = ends.len ? dyad_doc_alloc(doc, ends.len * sizeof *ss) : NULL;
    if ((toks.len && !tk) || (ends.len && !ss)) goto out;
    if (toks.len) memcpy(tk, toks.items, toks.len * sizeof *tk);
    uint32_t first = 0;
    for (size_t k = 0; k < ends.len; k++) {
        ss[k].first = first;
        ss[k].ntokens = ends.items[k] - first;
        ss[k].start = tk[first].start;
        ss[k].end = tk[ends.items[k] - 1].end;
        first = ends.items[k];
    }
    doc->tokens = tk;
    doc->ntokens = toks.len;
    doc->sentences = ss;
    doc->nsentences = ends.len;
    rc = 0;
out:
    DYAD_VEC_FREE(toks);
    DYAD_VEC_FREE(ends);
    return rc;
}
