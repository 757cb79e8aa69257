/*
 * repair.c -- tree repairs applied to a sentence before the event coder
 * matches its patterns (ev_repair_sentence).
 *
 * The parser makes a few frequent, systematic mistakes that cost events.
 * Each repair below looks for one such configuration and rewrites heads and
 * relations in place (tokens keep their forms, tags and lemmas); a repair
 * fires only when the configuration cannot be a correct reading:
 *
 *   1. Date words as objects.  A weekday, "today", "yesterday", a month
 *      with its day, "last week"... attached as obj or iobj of a verb is a
 *      temporal modifier ("rejected Monday a plan", "declared Tuesday that
 *      ..."): it becomes obl:tmod of the verb.  When the real object was
 *      hung under the date (as its appos: "lifted Friday a blockade", or as
 *      a compound with the article: "issued a warning Friday"), that noun
 *      takes the obj slot and keeps its own dependents.  With an "as"
 *      phrase the date is a true object ("declared Monday as a holiday").
 *   2. Participles of statement nouns.  "issued a statement demanding ..."
 *      parsed with the participle as acl of the noun: the demand is made by
 *      the issuer, so the participle becomes advcl of the verb (and takes
 *      its subject, as the coder does for adverbial clauses).
 *   3. Adjectival participles read as verbs.  "met visiting minister X",
 *      "attacked the outgoing premier" parsed with the participle as xcomp
 *      of the verb and the noun as its object: the noun becomes the verb's
 *      object and the participle its amod.  Only participles that are
 *      adjectives in news usage are listed.
 *   4. "up to" before a number.  "allowed up to 500 refugees to ..."
 *      parsed with "up" as the verb's particle and "to 500 refugees" as an
 *      oblique: the noun is the verb's object (or its subject when it
 *      stands before a verb that has none), "up to" modifies the number.
 *   5. Infinitives stranded in a relative clause.  "urged the states that
 *      signed the pact to respect it" parsed with "to respect" under the
 *      relative clause: when an object-control verb has no xcomp of its
 *      own, the infinitive after its object's relative clause is its xcomp.
 *   6. Compound heads read as verbs.  "rejected a UN appeal for talks"
 *      tagged with "appeal" as a present-tense verb whose subject is "a UN":
 *      a singular article cannot open the subject of a plural present
 *      verb, so the "verb" is the head noun of that phrase and becomes the
 *      object of the verb before it (when that verb has none).
 *   7. Counted people.  "hundreds of thousands of students" parses as a
 *      chain of "of" phrases: the people are attached to the first number
 *      noun too, so that they are one step from the head of the phrase as
 *      in "thousands of students".
 *   8. Main verbs swallowed by a noun root.  "Rebel units using mortars
 *      shelled the town" parsed with the noun as root and "shelled" as acl
 *      of "mortars": a past-tense (not participle) verb with an object
 *      cannot modify a noun, so it becomes the root and the noun root its
 *      subject.
 *
 * Everything works on the token array of one sentence; no state is kept.
 */
#include "events.h"

#include <string.h>

/* ---- token helpers ---- */

static bool rel_eq(const dyad_token *t, const char *r) {
    return t->deprel && strcmp(t->deprel, r) == 0;
}

static bool word_in(const char *w, const char *const *list) {
    if (!w) return false;
    for (int i = 0; list[i]; i++)
        if (dyad_strcasecmp_ascii(w, list[i]) == 0) return true;
    return false;
}

static bool verbal(const dyad_token *t) {
    return t->upos == DYAD_VERB || (t->xpos && t->xpos[0] == 'V');
}

static bool nominal(const dyad_token *t) {
    return t->upos == DYAD_NOUN || t->upos == DYAD_PROPN;
}

/* First dependent of h with relation r, -1 when none. */
static int child(const dyad_token *t, int n, int h, const char *r) {
    for (int k = 0; k < n; k++)
        if (t[k].head == h && rel_eq(&t[k], r)) return k;
    return -1;
}

/* k is anc or lies in its subtree. */
static bool under(const dyad_token *t, int n, int k, int anc) {
    for (int steps = 0; k >= 0 && steps < n; steps++, k = t[k].head)
        if (k == anc) return true;
    return false;
}

/* ---- 1. date words as objects ---- */

static const char *const DAY_WORDS[] = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "today", "yesterday", "tomorrow", "tonight", NULL};
static const char *const PERIOD_WORDS[] = {"week", "weekend", "month", "year", NULL};
static const char *const PERIOD_MODS[] = {"last", "next", "this", "past", "coming", NULL};

/* Token i is a date word: a weekday, "today"..., a date expression
 * starting at it ("June 5"), or "last/next week" headed by the unit. */
static bool date_word(const dyad_token *t, int n, int i) {
    if (!nominal(&t[i])) return false;
    if (word_in(t[i].form, DAY_WORDS)) return true;
    if (word_in(t[i].lemma, PERIOD_WORDS)) {
        for (int k = 0; k < n; k++)
            if (t[k].head == i && (rel_eq(&t[k], "amod") || rel_eq(&t[k], "det")) &&
                word_in(t[k].form, PERIOD_MODS))
                return true;
        return false;
    }
    ev_date ref = {2000, 1, 1}, d;
    return t[i].upos == DYAD_PROPN && ev_date_expr(t, n, i, ref, false, &d) > 1;
}

/* The real object hung under date word d: a common-noun compound right
 * before it with the article ("a warning Friday"), else an appos right
 * after it ("Friday a new ban"); -1 when none. */
static int object_under_date(const dyad_token *t, int n, int d) {
    int comp = -1;
    bool article = false;
    for (int k = 0; k < d; k++) {
        if (t[k].head != d) continue;
        if (rel_eq(&t[k], "det")) article = true;
        if (rel_eq(&t[k], "compound") && t[k].upos == DYAD_NOUN) comp = k;
    }
    if (article && comp == d - 1) return comp;
    /* the appos must follow the date at once ("Friday a new ban"), not
     * close a place phrase ("Tuesday near X, Y") */
    int a = child(t, n, d, "appos");
    if (a <= d || !nominal(&t[a]) || date_word(t, n, a)) return -1;
    for (int k = d + 1; k < a; k++)
        if (!under(t, n, k, a)) return -1;
    return a;
}

/* Moves the dependents of `from` that lie before it (article, adjectives,
 * other compounds) to `to`, which takes the place of `from` in the tree. */
static void move_left_dependents(dyad_token *t, int n, int from, int to) {
    for (int k = 0; k < from; k++)
        if (t[k].head == from && k != to) t[k].head = to;
}

/* v has an "as" phrase: "declared Tuesday as a day of mourning" makes
 * the date a true object. */
static bool has_as_phrase(const dyad_token *t, int n, int v) {
    for (int k = 0; k < n; k++) {
        if (t[k].head != v || verbal(&t[k])) continue;     /* not "as scheduled" */
        for (int q = 0; q < k; q++)
            if (t[q].head == k && rel_eq(&t[q], "case") &&
                t[q].form && dyad_strcasecmp_ascii(t[q].form, "as") == 0)
                return true;
    }
    return false;
}

static int repair_date_objects(dyad_token *t, int n) {
    int fixed = 0;
    for (int d = 0; d < n; d++) {
        int v = t[d].head;
        if (v < 0 || !verbal(&t[v]) || !(rel_eq(&t[d], "obj") || rel_eq(&t[d], "iobj")))
            continue;
        if (!date_word(t, n, d) || child(t, n, d, "case") >= 0) continue;
        int o = object_under_date(t, n, d);
        if (o < 0 && has_as_phrase(t, n, v)) continue;
        if (o >= 0) {
            if (o < d) move_left_dependents(t, n, d, o);
            t[o].head = v;
            t[o].deprel = "obj";
        }
        t[d].head = v;
        t[d].deprel = "obl:tmod";
        fixed++;
    }
    return fixed;
}

/* ---- 2. participles of statement nouns ---- */

static const char *const STATEMENT_NOUNS[] = {
    "statement", "declaration", "communique", "communiqué", "letter", "message", "note",
    "memorandum", "manifesto", "appeal", "ultimatum", NULL};

static int repair_statement_participles(dyad_token *t, int n) {
    int fixed = 0;
    for (int p = 0; p < n; p++) {
        int noun = t[p].head;
        if (noun < 0 || !rel_eq(&t[p], "acl") || !t[p].xpos || strcmp(t[p].xpos, "VBG") != 0)
            continue;
        if (!word_in(t[noun].lemma, STATEMENT_NOUNS) || !rel_eq(&t[noun], "obj")) continue;
        int v = t[noun].head;
        if (v < 0 || !verbal(&t[v]) || p != noun + 1) continue;
        t[p].head = v;
        t[p].deprel = "advcl";
        fixed++;
    }
    return fixed;
}

/* ---- 3. adjectival participles read as verbs ---- */

static const char *const ADJ_PARTICIPLES[] = {
    "outgoing", "incoming", "ruling", "governing", "visiting", "warring", "reigning",
    "retiring", "neighboring", "neighbouring", "ailing", NULL};

static int repair_adjectival_participles(dyad_token *t, int n) {
    int fixed = 0;
    for (int p = 0; p < n; p++) {
        int v = t[p].head;
        if (v < 0 || !rel_eq(&t[p], "xcomp") || !word_in(t[p].form, ADJ_PARTICIPLES)) continue;
        int o = child(t, n, p, "obj");
        if (o <= p || child(t, n, v, "obj") >= 0 || !nominal(&t[o])) continue;
        /* only modifiers of the noun may stand between them */
        bool adjacent = true;
        for (int k = p + 1; k < o; k++)
            if (t[k].head != o && (t[k].head < 0 || t[t[k].head].head != o)) adjacent = false;
        if (!adjacent) continue;
        for (int k = 0; k < n; k++)   /* its other dependents belong to the clause */
            if (t[k].head == p && k != o) t[k].head = v;
        t[o].head = v;
        t[o].deprel = "obj";
        t[p].head = o;
        t[p].deprel = "amod";
        fixed++;
    }
    return fixed;
}

/* ---- 4. "up to" before a number ---- */

static bool word_is(const dyad_token *t, const char *w) {
    return t->form && dyad_strcasecmp_ascii(t->form, w) == 0;
}

static int repair_up_to(dyad_token *t, int n) {
    int fixed = 0;
    for (int u = 0; u + 2 < n; u++) {
        if (!word_is(&t[u], "up") || !word_is(&t[u + 1], "to") || t[u + 2].upos != DYAD_NUM)
            continue;
        int v = t[u].head, noun = t[u + 1].head, num = u + 2;
        if (v < 0 || !verbal(&t[v]) || !rel_eq(&t[u], "compound:prt")) continue;
        if (noun < 0 || t[noun].head != v || !nominal(&t[noun]) ||
            !(rel_eq(&t[noun], "obl") || rel_eq(&t[noun], "obl:npmod")) || t[num].head != noun)
            continue;
        if (noun > v && child(t, n, v, "obj") < 0) t[noun].deprel = "obj";
        else if (noun < v && child(t, n, v, "nsubj") < 0 && child(t, n, v, "nsubj:pass") < 0)
            t[noun].deprel = "nsubj";
        else continue;
        t[u].head = num;
        t[u].deprel = "advmod";
        t[u + 1].head = u;
        t[u + 1].deprel = "fixed";
        fixed++;
    }
    return fixed;
}

/* ---- 5. infinitives stranded in a relative clause ---- */

static const char *const OBJ_CONTROL_VERBS[] = {
    "allow", "permit", "urge", "ask", "order", "force", "persuade", "invite", "encourage",
    "press", "pressure", "help", "require", "instruct", "advise", "authorize", "authorise",
    "compel", "convince", "enable", "oblige", "forbid", NULL};

/* The to-infinitive clause (advcl/xcomp with mark "to") hanging under
 * relative clause r after it, -1 when none. */
static int stranded_infinitive(const dyad_token *t, int n, int r) {
    for (int k = r + 1; k < n; k++) {
        if (t[k].head != r || !verbal(&t[k]) ||
            !(rel_eq(&t[k], "advcl") || rel_eq(&t[k], "xcomp")))
            continue;
        int m = child(t, n, k, "mark");
        if (m >= 0 && m == k - 1 && word_is(&t[m], "to")) return k;
    }
    return -1;
}

static int repair_stranded_infinitives(dyad_token *t, int n) {
    int fixed = 0;
    for (int v = 0; v < n; v++) {
        if (!verbal(&t[v]) || !word_in(t[v].lemma, OBJ_CONTROL_VERBS) ||
            child(t, n, v, "xcomp") >= 0)
            continue;
        int o = child(t, n, v, "obj");
        int r = o >= 0 ? child(t, n, o, "acl:relcl") : -1;
        int inf = r > o ? stranded_infinitive(t, n, r) : -1;
        if (inf < 0) continue;
        t[inf].head = v;
        t[inf].deprel = "xcomp";
        fixed++;
    }
    return fixed;
}

/* ---- 6. compound heads read as verbs ---- */

static bool indefinite(const dyad_token *t) {
    return t->upos == DYAD_DET && (word_is(t, "a") || word_is(t, "an"));
}

/* The indefinite article opening the subject s of v, -1 when none. */
static int subject_article(const dyad_token *t, int n, int s) {
    for (int k = 0; k < s; k++)
        if (t[k].head == s && rel_eq(&t[k], "det") && indefinite(&t[k])) return k;
    return -1;
}

static int repair_noun_as_verb(dyad_token *t, int n) {
    int fixed = 0;
    for (int v = 1; v < n; v++) {
        int p = t[v].head, s = v - 1;
        if (p < 0 || p >= v || !t[v].xpos || strcmp(t[v].xpos, "VBP") != 0) continue;
        if (!(rel_eq(&t[v], "parataxis") || rel_eq(&t[v], "ccomp") || rel_eq(&t[v], "dep")))
            continue;
        if (!verbal(&t[p]) || child(t, n, p, "obj") >= 0 || t[s].head != v ||
            !rel_eq(&t[s], "nsubj") || !nominal(&t[s]))
            continue;
        int art = subject_article(t, n, s);
        if (art < 0) continue;
        t[art].head = v;                    /* the article goes to the noun */
        t[s].deprel = "compound";
        t[v].head = p;
        t[v].deprel = "obj";
        t[v].upos = DYAD_NOUN;
        t[v].xpos = "NN";
        fixed++;
    }
    return fixed;
}

/* ---- 7. counted people ---- */

static const char *const NUMBER_NOUNS[] = {
    "ten", "dozen", "score", "hundred", "thousand", "million", NULL};

static bool has_case_of(const dyad_token *t, int n, int k) {
    int c = child(t, n, k, "case");
    return c >= 0 && word_is(&t[c], "of");
}

/* The "of" phrase under number noun k, -1 when none. */
static int counted(const dyad_token *t, int n, int k) {
    if (!word_in(t[k].lemma, NUMBER_NOUNS) && !word_in(t[k].form, NUMBER_NOUNS)) return -1;
    for (int q = k + 1; q < n; q++)
        if (t[q].head == k && rel_eq(&t[q], "nmod") && has_case_of(t, n, q)) return q;
    return -1;
}

static int repair_counted_people(dyad_token *t, int n) {
    int fixed = 0;
    for (int a = 0; a < n; a++) {
        int b = counted(t, n, a);
        int x = b >= 0 ? counted(t, n, b) : -1;
        if (x < 0 || counted(t, n, x) >= 0) continue;
        t[x].head = a;
        fixed++;
    }
    return fixed;
}

/* ---- 8. main verbs swallowed by a noun root ---- */

static int repair_swallowed_verb(dyad_token *t, int n) {
    int root = -1;
    for (int k = 0; k < n && root < 0; k++)
        if (t[k].head < 0) root = k;
    if (root < 0 || !nominal(&t[root]) || child(t, n, root, "cop") >= 0 ||
        child(t, n, root, "nsubj") >= 0)
        return 0;
    for (int v = root + 1; v < n; v++) {
        if (!rel_eq(&t[v], "acl") || !t[v].xpos || strcmp(t[v].xpos, "VBD") != 0 ||
            child(t, n, v, "obj") < 0 || child(t, n, v, "nsubj") >= 0 || !under(t, n, v, root))
            continue;
        for (int k = v + 1; k < n; k++)     /* the final punctuation follows the verb */
            if (t[k].head == root && rel_eq(&t[k], "punct")) t[k].head = v;
        t[v].head = -1;
        t[v].deprel = "root";
        t[root].head = v;
        t[root].deprel = "nsubj";
        return 1;
    }
    return 0;
}

int ev_repair_sentence(dyad_doc *doc, uint32_t si) {
    if (!doc || si >= doc->nsentences) return 0;
    const dyad_sentence *s = &doc->sentences[si];
    dyad_token *t = doc->tokens + s->first;
    int n = (int)s->ntokens;
    if (n == 0 || !t[0].deprel) return 0;
    int fixed = repair_date_objects(t, n) + repair_up_to(t, n);
    fixed += repair_statement_participles(t, n) + repair_adjectival_participles(t, n);
    fixed += repair_stranded_infinitives(t, n) + repair_noun_as_verb(t, n);
    fixed += repair_counted_people(t, n);
    return fixed + repair_swallowed_verb(t, n);
}
