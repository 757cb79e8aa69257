/*
 * tokens.c -- the tokenizer, following UD English (EWT) conventions.
 *
 * The text is cut at whitespace (Unicode spaces included) into chunks; each
 * chunk is then scanned left to right:
 *   - URLs (http://, https://, www.) and e-mail addresses are one token,
 *     minus surrounding punctuation;
 *   - a word is a run of letters, marks and digits, joined across an inner
 *     '.' (3.5, U.S, a.m), ',' or ':' or '/' between digits (1,000 10:30
 *     3/4), '-' between digits (2026-02-03), '&' between capitals (AT&T)
 *     and an apostrophe between letters (O'Brien, don't);
 *   - a following '.' joins the word when it is an abbreviation: the word
 *     has an inner '.', or is a single letter (initials), or is in the
 *     abbreviation table (Mr, Gen, Sept, Inc ...);
 *   - clitics are split off as EWT does: n't (do|n't, ca|n't, wo|n't),
 *     's 're 've 'll 'd 'm, cannot -> can|not, gonna -> gon|na ...;
 *   - hyphens between words are separate tokens (EWT writes "long - term"),
 *     except after a one-letter prefix (e-mail, x-ray);
 *   - any other character is a punctuation token of its own, except runs of
 *     dots (...), of hyphens (--) and of the same quote ('' ``).
 * Every token records its byte span in doc->text and space_after.
 */
#include "text.h"

#include <ctype.h>

/* Abbreviations that keep their period (compared case-sensitively, without
 * the period).  Written for news text: titles, ranks, months, companies. */
static const char *const abbrevs[] = {
    "Mr", "Mrs", "Ms", "Dr", "Prof", "Sr", "Jr", "St", "Rev", "Hon", "Gen",
    "Lt", "Col", "Maj", "Capt", "Cmdr", "Sgt", "Adm", "Brig", "Cpl", "Pvt",
    "Sen", "Rep", "Gov", "Pres", "Amb", "Supt", "Insp", "Fr", "Msgr",
    "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct",
    "Nov", "Dec", "Mon", "Tue", "Tues", "Wed", "Thu", "Thur", "Thurs", "Fri",
    "Inc", "Corp", "Co", "Ltd", "Bros", "Dept", "Univ", "Assn", "Ave", "Blvd",
    "Mt", "Ft", "Ont", "Sask", "Alta", "etc", "vs", "cf", "al", "approx", "est", "Gov", "Govt",
    "Ariz", "Calif", "Colo", "Conn", "Fla", "Ill", "Ind", "Kan", "Mass", "Mich",
    "Minn", "Miss", "Nev", "Okla", "Ore", "Penn", "Tenn", "Tex", "Va", "Wash",
    "Wis", "Ala", "Ark", "Del", "Ga", "Ky", "La", "Md", "Mo", "Neb", "Vt",
    "No", "Nos", "Vol", "pp", "Fig", "Gens", "Reps", "Sens",
};

/* Clitic splits done as a whole word (EWT multiword tokens). */
#define SPLIT(w, k) {w, sizeof(w) - 1, k}
static const struct { const char *word; size_t len, split; } whole_splits[] = {
    SPLIT("cannot", 3), SPLIT("gonna", 3), SPLIT("wanna", 3), SPLIT("gotta", 3), SPLIT("gimme", 3),
    SPLIT("dunno", 2), SPLIT("lemme", 3),
    /* contractions written without the apostrophe (web and forum text) */
    SPLIT("dont", 2), SPLIT("doesnt", 4), SPLIT("didnt", 3), SPLIT("cant", 2), SPLIT("wont", 2),
    SPLIT("isnt", 2), SPLIT("arent", 3), SPLIT("wasnt", 3), SPLIT("werent", 4), SPLIT("couldnt", 5),
    SPLIT("wouldnt", 5), SPLIT("shouldnt", 6), SPLIT("havent", 4), SPLIT("hasnt", 3), SPLIT("hadnt", 3),
    SPLIT("aint", 2), SPLIT("ive", 1), SPLIT("thats", 4), SPLIT("theres", 5), SPLIT("youre", 3),
    SPLIT("theyre", 4), SPLIT("alot", 1),
};

/* Emoticons, kept as one token each. */
static const char *const emoticons[] = {
    ":-)", ":-(", ";-)", ":-D", ":-P", ":)", ":(", ";)", ":D", ":P", "=)", ":/",
};

typedef struct tk {
    dyad_doc *doc;
    dyad_tokvec *out;
    const char *s;
    size_t len;
    bool apos;          /* the last scan_word met an inner apostrophe */
} tk;

static uint32_t cp_at(const tk *t, size_t i, size_t *n) {
    return dyad_text_decode(t->s, t->len, i, n);
}

static bool is_digit(char c) { return c >= '0' && c <= '9'; }
static bool is_alpha_ascii(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

static int emit(tk *t, size_t a, size_t b) {
    if (b <= a) return 0;
    dyad_token tok = {0};
    tok.start = (uint32_t)a;
    tok.end = (uint32_t)b;
    tok.head = -1;
    tok.form = dyad_text_form(t->doc, t->s + a, b - a);
    if (!tok.form) return -1;
    return DYAD_VEC_PUSH(*t->out, tok);
}

/* Is the code point at i an apostrophe (' or U+2019)?  Sets *n. */
static bool apos_at(const tk *t, size_t i, size_t end, size_t *n) {
    if (i >= end) return false;
    if (t->s[i] == '\'') { *n = 1; return true; }
    const unsigned char *p = (const unsigned char *)t->s + i;
    if (i + 3 <= end && p[0] == 0xE2 && p[1] == 0x80 && p[2] == 0x99) {
        *n = 3;
        return true;
    }
    return false;
}

static bool alnum_at(const tk *t, size_t i, size_t end) {
    if (i >= end) return false;
    size_t n;
    return dyad_text_is_alnum(cp_at(t, i, &n));
}

static bool letter_at(const tk *t, size_t i, size_t end) {
    if (i >= end) return false;
    size_t n;
    uint32_t cp = cp_at(t, i, &n);
    return dyad_text_is_alnum(cp) && !(cp >= '0' && cp <= '9');
}

/* Prefixes EWT writes joined to the rest of a hyphenated word
 * (anti-war, co-founder, e-mail); other hyphens are tokens of their own. */
static const char *const hyphen_prefixes[] = {
    "anti", "co", "counter", "cross", "de", "e", "ex", "extra", "inter", "intra",
    "mid", "multi", "neo", "non", "over", "post", "pre", "pro", "re", "semi",
    "sub", "super", "trans", "ultra", "un", "under", "vice", "x",
};

static bool keeps_hyphen(const char *s, size_t n) {
    for (size_t k = 0; k < DYAD_ARRAY_LEN(hyphen_prefixes); k++)
        if (strlen(hyphen_prefixes[k]) == n && strncasecmp(hyphen_prefixes[k], s, n) == 0)
            return true;
    return false;
}

/* Scans a word from i (an alnum character); returns its end. */
static size_t scan_word(tk *t, size_t i, size_t end) {
    size_t seg_start = i, word_start = i;
    t->apos = false;   /* start of the part after the last inner '.' */
    while (i < end) {
        size_t n;
        uint32_t cp = cp_at(t, i, &n);
        if (dyad_text_is_alnum(cp)) { i += n; continue; }
        char c = t->s[i];
        bool prev_digit = i > 0 && is_digit(t->s[i - 1]);
        bool next_digit = i + 1 < end && is_digit(t->s[i + 1]);
        if (c == '.' && alnum_at(t, i + 1, end) &&
            ((prev_digit && next_digit) || i - seg_start <= 3)) {
            i++;
            seg_start = i;
            continue;
        }
        if ((c == ',' || c == ':' || c == '/' || c == '-') && prev_digit && next_digit) {
            if (c == ',' && !(i + 3 < end && is_digit(t->s[i + 2]) && is_digit(t->s[i + 3]) &&
                              !(i + 4 < end && is_digit(t->s[i + 4]))))
                break;
            i++;
            continue;
        }
        if ((c == '&' || (c == '/' && i - word_start == 1)) && i > word_start &&
            is_alpha_ascii(t->s[i - 1]) && i + 1 < end && is_alpha_ascii(t->s[i + 1]) &&
            !(i + 2 < end && is_alpha_ascii(t->s[i + 2]) && c == '/')) {
            /* AT&T, p&l; b/c, w/o, L/C */
            i++;
            continue;
        }
        size_t an;
        if (apos_at(t, i, end, &an) && i > 0 && letter_at(t, i + an, end) &&
            (is_alpha_ascii(t->s[i - 1]) || (unsigned char)t->s[i - 1] >= 0x80)) {
            t->apos = true;
            i += an;
            continue;
        }
        if (c == '-' && letter_at(t, i + 1, end) && i > word_start &&
            keeps_hyphen(t->s + word_start, i - word_start)) {
            i++;                      /* e-mail, anti-war: prefix kept */
            continue;
        }
        if (c == '@' && i > word_start && alnum_at(t, i + 1, end)) {
            i++;                      /* user@host (e-mail without TLD) */
            continue;
        }
        if (c == '.' && i + 1 < end && t->s[i + 1] >= 'a' && t->s[i + 1] <= 'z' &&
            i > word_start) {
            i++;                      /* file.doc, example.org */
            seg_start = i;
            continue;
        }
        break;
    }
    return i;
}

static bool is_abbrev(const char *s, size_t n) {
    if (n == 1 && isalpha((unsigned char)s[0])) return true;   /* initial */
    if (memchr(s, '.', n)) {                                   /* U.S, a.m */
        for (size_t i = 0; i < n; i++)
            if (is_digit(s[i])) return false;                  /* 83.5 */
        return true;
    }
    if (n > 6) return false;                      /* longest entry: "approx" */
    for (size_t k = 0; k < DYAD_ARRAY_LEN(abbrevs); k++)
        if (abbrevs[k][0] == s[0] && strlen(abbrevs[k]) == n && memcmp(abbrevs[k], s, n) == 0)
            return true;
    return false;
}

/* "No" keeps its period only before a number (No. 10). */
static bool is_number_abbrev(const char *s, size_t n) {
    return (n == 2 && !strncmp(s, "No", 2)) || (n == 3 && !strncmp(s, "Nos", 3));
}

static bool digit_follows(const tk *t, size_t i) {
    while (i < t->len && t->s[i] == ' ') i++;
    return i < t->len && is_digit(t->s[i]);
}

/* Length of the clitic at the end of word [a,b) (0: none). */
static size_t clitic_len(const tk *t, size_t a, size_t b) {
    const char *s = t->s;
    size_t n = b - a;
    /* find the last apostrophe */
    for (size_t i = b; i > a; i--) {
        size_t an;
        size_t p = i - 1;
        if (s[p] == '\'') an = 1;
        else if (p >= a + 2 && (unsigned char)s[p] == 0x99 && (unsigned char)s[p - 1] == 0x80 &&
                 (unsigned char)s[p - 2] == 0xE2) { an = 3; p -= 2; }
        else continue;
        size_t after = b - (p + an);
        const char *suf = s + p + an;
        if (p == a) return 0;
        /* n't: the 'n' before the apostrophe goes with the clitic */
        if (after == 1 && (suf[0] == 't' || suf[0] == 'T') && p > a + 1 &&
            (s[p - 1] == 'n' || s[p - 1] == 'N'))
            return b - (p - 1);
        if (after == 1 && (suf[0] == 's' || suf[0] == 'S') && is_digit(s[p - 1]))
            return 0;                                      /* the 80's */
        if (after == 1 && strchr("sSdDmM", suf[0])) return b - p;
        if (after == 2 && (!strncasecmp(suf, "re", 2) || !strncasecmp(suf, "ve", 2) ||
                           !strncasecmp(suf, "ll", 2)))
            return b - p;
        return 0;
    }
    (void)n;
    return 0;
}

/* Cheap filter before the whole_splits table: every entry ends in one of
 * these letters. */
static bool may_split_whole(const char *s, size_t n) {
    if (n < 3 || n > 8) return false;
    switch (s[n - 1] | 0x20) {
    case 't': case 'a': case 'e': case 'o': case 's': return true;
    default: return false;
    }
}

static int emit_word(tk *t, size_t a, size_t b) {
    size_t n = b - a;
    for (size_t k = 0; may_split_whole(t->s + a, n) && k < DYAD_ARRAY_LEN(whole_splits); k++) {
        if (whole_splits[k].len == n && (t->s[a] | 0x20) == whole_splits[k].word[0] &&
            strncasecmp(whole_splits[k].word, t->s + a, n) == 0) {
            size_t m = a + whole_splits[k].split;
            return emit(t, a, m) < 0 ? -1 : emit(t, m, b);
        }
    }
    size_t cl = t->apos ? clitic_len(t, a, b) : 0;
    if (cl && cl < n) return emit(t, a, b - cl) < 0 ? -1 : emit(t, b - cl, b);
    return emit(t, a, b);
}

static bool starts_with_ci(const char *s, size_t n, const char *p) {
    size_t m = strlen(p);
    return n >= m && strncasecmp(s, p, m) == 0;
}

/* If chunk [a,b) holds a URL or e-mail, sets [*ua,*ub) to it. */
static bool find_url(const tk *t, size_t a, size_t b, size_t *ua, size_t *ub) {
    const char *s = t->s;
    if (b - a < 5 || (!memchr(s + a, '@', b - a) && !memchr(s + a, ':', b - a) &&
                      !((s[a] | 0x20) == 'w' || (s[a + 1] | 0x20) == 'w')))
        return false;                 /* fast path: most chunks are words */
    while (a < b && strchr("([{<\"'", s[a])) a++;
    while (b > a && strchr(".,;:!?)]}>\"'", s[b - 1])) b--;
    if (b <= a) return false;
    bool url = starts_with_ci(s + a, b - a, "http://") || starts_with_ci(s + a, b - a, "https://") ||
               starts_with_ci(s + a, b - a, "www.") || starts_with_ci(s + a, b - a, "mailto:") ||
               starts_with_ci(s + a, b - a, "ftp://");
    if (!url) {
        const char *at = memchr(s + a, '@', b - a);
        if (at && at > s + a && memchr(at, '.', (size_t)(s + b - at)) && s[b - 1] != '.' &&
            isalnum((unsigned char)at[1]))
            url = true;
        for (size_t i = a; url && i < b; i++)
            if (!(isalnum((unsigned char)s[i]) || strchr("@._-+", s[i]))) url = false;
        if (url && !(isalnum((unsigned char)s[a]))) url = false;
    }
    if (!url) return false;
    *ua = a;
    *ub = b;
    return true;
}

static size_t emoticon_at(const tk *t, size_t i, size_t b) {
    if (t->s[i] != ':' && t->s[i] != ';' && t->s[i] != '=') return 0;
    for (size_t k = 0; k < DYAD_ARRAY_LEN(emoticons); k++) {
        size_t m = strlen(emoticons[k]);
        if (i + m <= b && memcmp(t->s + i, emoticons[k], m) == 0 &&
            (i + m == b || !alnum_at(t, i + m, b)))
            return m;
    }
    return 0;
}

/* The code point before byte i (i > 0). */
static uint32_t prev_cp(const tk *t, size_t i) {
    size_t j = i - 1, n;
    while (j > 0 && ((unsigned char)t->s[j] & 0xC0) == 0x80) j--;
    return cp_at(t, j, &n);
}

static int tokenize_range(tk *t, size_t a, size_t b) {
    const char *s = t->s;
    size_t i = a;
    while (i < b) {
        size_t n;
        uint32_t cp = cp_at(t, i, &n);
        if (dyad_text_is_alnum(cp)) {
            size_t e = scan_word(t, i, b);
            if (e < b && s[e] == '.' && !(e + 1 < b && s[e + 1] == '.') &&
                is_abbrev(s + i, e - i) && !(is_number_abbrev(s + i, e - i) &&
                                             !digit_follows(t, e + 1)))
                e++;
            if (emit_word(t, i, e) < 0) return -1;
            i = e;
            continue;
        }
        size_t e = i + n;
        size_t emo = emoticon_at(t, i, b);
        if (emo) {
            if (emit(t, i, i + emo) < 0) return -1;
            i += emo;
            continue;
        }
        if ((s[i] == '\'' || (s[i] == '-' && (i == 0 || dyad_text_is_space(prev_cp(t, i))))) &&
            i + 2 < b + 1 && e < b && is_digit(s[e])) {
            /* '67 (a year), -6,363 (a negative number) */
            size_t w = scan_word(t, e, b);
            if (s[i] == '-' || (w - e == 2 && (w == b || !alnum_at(t, w, b)))) {
                if (emit(t, i, w) < 0) return -1;
                i = w;
                continue;
            }
        }
        if (s[i] > 0 && s[i] < 0x7f && strchr(".-`'!?_*=~#+^/<>", s[i])) {
            char c = s[i];
            while (e < b && s[e] == c) e++;
            if (c == '\'' && e - i == 1 && e < b && letter_at(t, e, b)) {
                /* 's at chunk start after a closing quote/paren: clitic */
                size_t w = scan_word(t, e, b);
                if ((w - e == 1 && strchr("sSdDmM", s[e])) ||
                    (w - e == 2 && (!strncasecmp(s + e, "re", 2) || !strncasecmp(s + e, "ve", 2) ||
                                    !strncasecmp(s + e, "ll", 2))))
                    e = w;
            }
        }
        if (emit(t, i, e) < 0) return -1;
        i = e;
    }
    return 0;
}

static int tokenize_chunk(tk *t, size_t a, size_t b) {
    size_t ua, ub;
    if (find_url(t, a, b, &ua, &ub)) {
        if (tokenize_range(t, a, ua) < 0 || emit(t, ua, ub) < 0) return -1;
        return tokenize_range(t, ub, b);
    }
    return tokenize_range(t, a, b);
}

int dyad_text_tokenize(dyad_doc *doc, dyad_tokvec *out) {
    tk t = {doc, out, doc->text, doc->len, false};
    size_t first = out->len;
    size_t i = 0;
    while (i < t.len) {
        size_t n;
        uint32_t cp = cp_at(&t, i, &n);
        if (dyad_text_is_space(cp)) {
            i += n;
            continue;
        }
        size_t j = i + n;
        while (j < t.len) {
            if ((unsigned char)t.s[j] < 0x80) {
                char c = t.s[j];
                if (c == ' ' || (c >= '\t' && c <= '\r')) break;
                j++;
                continue;
            }
            cp = cp_at(&t, j, &n);
            if (dyad_text_is_space(cp)) break;
            j += n;
        }
        if (tokenize_chunk(&t, i, j) < 0) return -1;
        i = j;
    }
    for (size_t k = first; k < out->len; k++) {
        size_t e = out->items[k].end, n;
        out->items[k].space_after = e >= t.len || dyad_text_is_space(cp_at(&t, e, &n));
    }
    return 0;
}
