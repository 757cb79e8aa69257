/*
 * coder.c -- codes events by matching lexicon patterns on the dependency
 * tree (dyad_code_events).
 *
 * For every token whose lemma triggers patterns (verbs for verb frames,
 * nouns for nominal frames) each pattern is tried: particle, xcomp chain,
 * required dependents, trailing preposition, then the source and target
 * slots.  The most specific matching pattern wins (one event per trigger).
 * Slots map to actor mentions of doc->mentions (every mention whose head is
 * the slot token, plus the conjuncts of that token): coordinated actors give
 * one event each, @recip codes both directions.
 *
 * Linguistic treatment (general, not in the lexicon):
 *   - passive: the by-agent (obl:agent / obl "by") is the source and the
 *     passive subject the object-target;
 *   - shared subjects: a verb without a subject takes the one of the verb
 *     it is conj/xcomp/advcl of (subject control); object-control verbs
 *     ("urge", "ask", "call on", "order"...) hand their object down instead;
 *     relative clauses take the noun they modify;
 *   - modality: "will", and xcomp under set/plan/intend/expect/offer/
 *     promise/vow/pledge/prepare/want/hope/seek/aim/threaten turn the code
 *     into its intent code (table `intent_code` below);
 *   - refusal: xcomp under refuse/decline/reject turns cooperation into the
 *     CAMEO 12 rejection codes (table `reject_code`), negated = true;
 *   - negation ("not", "never", "n't"): negated cooperation (03, 05-08:
 *     "will not accept refugees") is coded as the CAMEO 12 rejection like a
 *     refusal; other negated events are not coded (CAMEO codes what
 *     happened, not what did not);
 *   - conditionals ("if"/"unless" clauses) and questions are not coded;
 *   - reported speech: the embedded clause is coded on its own; the saying
 *     verb codes only when the lexicon has a pattern for it with a target.
 * Sentences containing a discard phrase (PETRARCH discards) are skipped.
 */
#include "events.h"
#include "actors/actors.h"

#include <ctype.h>
#include <stdio.h>

/* The sentence being coded. */
typedef struct sctx {
    dyad_doc *doc;
    const ev_lexicon *lx;
    uint32_t si;
    const dyad_sentence *s;
    const dyad_token *t;
    int n;
    int *mention_of;    /* per mention: -- unused */
} sctx;

/* ---- token helpers ---- */

/* a equals b ignoring ASCII case and hyphens ("re-open" = "reopen"). */
static bool eq_nohyphen(const char *a, const char *b) {
    for (;;) {
        while (*a == '-') a++;
        while (*b == '-') b++;
        if (!*a || !*b) return !*a && !*b;
        char x = *a >= 'A' && *a <= 'Z' ? (char)(*a + 32) : *a;
        char y = *b >= 'A' && *b <= 'Z' ? (char)(*b + 32) : *b;
        if (x != y) return false;
        a++;
        b++;
    }
}

static bool lemma_is(const dyad_token *t, const char *w) {
    if (t->lemma && dyad_strcasecmp_ascii(t->lemma, w) == 0) return true;
    if (t->form && dyad_strcasecmp_ascii(t->form, w) == 0) return true;
    return t->lemma && strchr(t->lemma, '-') && eq_nohyphen(t->lemma, w);
}

static bool lemma_in(const dyad_token *t, const ev_alts *a) {
    for (int i = 0; i < a->n; i++)
        if (lemma_is(t, a->w[i])) return true;
    return false;
}

static bool lemma_in_list(const dyad_token *t, const char *const *list) {
    for (int i = 0; list[i]; i++)
        if (lemma_is(t, list[i])) return true;
    return false;
}

static bool rel_is(const dyad_token *t, const char *r) {
    return t->deprel && strcmp(t->deprel, r) == 0;
}

static bool rel_starts(const dyad_token *t, const char *r) {
    return t->deprel && strncmp(t->deprel, r, strlen(r)) == 0;
}

static int child_rel(const sctx *c, int h, const char *rel) {
    for (int i = 0; i < c->n; i++)
        if (c->t[i].head == h && rel_is(&c->t[i], rel)) return i;
    return -1;
}

/* The case marker (or mark) of token i: child with deprel case/mark. */
static bool has_case(const sctx *c, int i, const ev_alts *a) {
    for (int k = 0; k < c->n; k++)
        if (c->t[k].head == i && (rel_is(&c->t[k], "case") || rel_is(&c->t[k], "mark")) &&
            lemma_in(&c->t[k], a))
            return true;
    return false;
}

static bool has_case_word(const sctx *c, int i, const char *w) {
    for (int k = 0; k < c->n; k++)
        if (c->t[k].head == i && (rel_is(&c->t[k], "case") || rel_is(&c->t[k], "mark")) &&
            lemma_is(&c->t[k], w))
            return true;
    return false;
}

static bool is_verbal(const dyad_token *t) {
    return t->upos == DYAD_VERB || (t->xpos && t->xpos[0] == 'V');
}

static bool is_nominal(const dyad_token *t) {
    return t->upos == DYAD_NOUN || t->upos == DYAD_PROPN || t->upos == DYAD_PRON ||
           (t->xpos && t->xpos[0] == 'N');
}

static bool is_passive(const sctx *c, int v) {
    if (child_rel(c, v, "nsubj:pass") >= 0 || child_rel(c, v, "aux:pass") >= 0) return true;
    return (c->t[v].feats & DYAD_F_VOICE_PASS) && child_rel(c, v, "nsubj") < 0 &&
           rel_is(&c->t[v], "acl");
}

/* by-agent of a passive verb */
static int agent_of(const sctx *c, int v) {
    int a = child_rel(c, v, "obl:agent");
    if (a >= 0) return a;
    for (int k = 0; k < c->n; k++)
        if (c->t[k].head == v && rel_starts(&c->t[k], "obl") && has_case_word(c, k, "by"))
            return k;
    return -1;
}

static const char *const OBJ_CONTROL[] = {
    "urge", "ask", "call", "order", "force", "persuade", "tell", "invite", "encourage",
    "press", "pressure", "push", "allow", "permit", "help", "require", "request",
    "instruct", "warn", "advise", "authorize", "authorise", "compel", "convince", NULL};
static const char *const REL_PRONOUNS[] = {"who", "which", "that", "whom", NULL};

/* The subject (agent) of verb v, following conj/xcomp/advcl/relcl. */
static int subject_of(const sctx *c, int v, int depth) {
    if (v < 0 || depth > 8) return -1;
    if (is_passive(c, v)) {
        int a = agent_of(c, v);
        if (a >= 0) return a;
        if (child_rel(c, v, "nsubj:pass") >= 0) return -1;
        int s = child_rel(c, v, "nsubj");
        if (s >= 0) return s;
    } else {
        int s = child_rel(c, v, "nsubj");
        if (s < 0) s = child_rel(c, v, "csubj");
        if (s >= 0) {
            if (lemma_in_list(&c->t[s], REL_PRONOUNS) && rel_starts(&c->t[v], "acl") &&
                c->t[v].head >= 0)
                return c->t[v].head;
            return s;
        }
    }
    int h = c->t[v].head;
    if (h < 0) return -1;
    const dyad_token *tv = &c->t[v];
    if (rel_is(tv, "conj") || rel_is(tv, "advcl") || rel_is(tv, "parataxis")) {
        if (rel_is(tv, "conj") && !is_verbal(&c->t[h])) return -1;
        return subject_of(c, h, depth + 1);
    }
    if (rel_is(tv, "xcomp")) {
        /* raising/passive control: "X is set/expected to meet" */
        int sp = child_rel(c, h, "nsubj:pass");
        if (sp >= 0) return sp;
        if (lemma_in_list(&c->t[h], OBJ_CONTROL)) {
            int o = child_rel(c, h, "obj");
            if (o < 0) o = child_rel(c, h, "iobj");
            if (o >= 0) return o;
            /* "call on X to": X is an obl */
            for (int k = 0; k < c->n; k++)
                if (c->t[k].head == h && rel_starts(&c->t[k], "obl") && k < v) return k;
        }
        return subject_of(c, h, depth + 1);
    }
    if (rel_starts(tv, "acl") && !rel_is(tv, "acl:relcl") && is_nominal(&c->t[h]) &&
        !(tv->feats & DYAD_F_VOICE_PASS))
        return h;
    /* "British aircraft ... killed 4 Iraqis" parsed with the verb as a dep
     * of the noun: the noun is its subject */
    if ((rel_is(tv, "dep") || rel_is(tv, "parataxis")) && is_nominal(&c->t[h]) &&
        c->t[h].head < 0)
        return h;
    return -1;
}

/* ---- intent / rejection tables ----
 *
 * intent_code: the code of "X will/plans to/is set to VERB" from the code of
 * VERB (CAMEO 03x "express intent to ..." and 13x threats):
 *   01,02,03,09..13 (already verbal)  -> unchanged
 *   04x consult/meet/visit/negotiate  -> 036 (intent to meet or negotiate)
 *   045/046 mediate                   -> 039 / 036
 *   05x diplomatic cooperation        -> 032 (057 sign agreement -> 037? no:
 *                                        CAMEO puts intent to sign under 030)
 *   06x material cooperation          -> 031 (061->0311, 062->0312,
 *                                        063->0313, 064->0314)
 *   07x provide aid                   -> 033 (071->0331, 072->0332,
 *                                        073->0333, 074->0334)
 *   08x yield                         -> 035 (081->0351, 082->0352,
 *                                        083->034, 084->0353, 085->0354,
 *                                        086->0355, 087->0356)
 *   14x protest                       -> 133 (threaten political dissent)
 *   15x force posture                 -> 138 (threaten military force)
 *   16x reduce relations              -> 131 (threaten non-force)
 *   17x coerce                        -> 137 (threaten repression); 172->132
 *   18x assault                       -> 1383 (unconventional violence)
 *   19x fight                         -> 1384 (conventional attack)
 *   20x mass violence                 -> 1385 (WMD)
 */
static const char *intent_code(const char *code) {
    static const struct { const char *from, *to; } T[] = {
        {"045", "039"}, {"046", "036"}, {"057", "030"},
        {"061", "0311"}, {"062", "0312"}, {"063", "0313"}, {"064", "0314"},
        {"071", "0331"}, {"072", "0332"}, {"073", "0333"}, {"074", "0334"},
        {"081", "0351"}, {"082", "0352"}, {"083", "034"}, {"084", "0353"},
        {"085", "0354"}, {"086", "0355"}, {"087", "0356"}, {"172", "132"},
        {"04", "036"}, {"05", "032"}, {"06", "031"}, {"07", "033"}, {"08", "035"},
        {"14", "133"}, {"15", "138"}, {"16", "131"}, {"17", "137"}, {"18", "1383"},
        {"19", "1384"}, {"20", "1385"}};
    for (size_t i = 0; i < DYAD_ARRAY_LEN(T); i++)
        if (strncmp(code, T[i].from, strlen(T[i].from)) == 0) return T[i].to;
    return code;
}

/* reject_code: "X refused to VERB": CAMEO 12 from the code of VERB.
 *   01,02,03 -> 120; 04x meet/negotiate -> 125 (045 mediate -> 126? no:
 *   CAMEO 1 26 is "reject mediation" -> 126); 057 sign -> 127 (reject
 *   plan/agreement); other 05x -> 120; 06x -> 121 (061->1211, 062->1212);
 *   07x -> 122; 08x -> 124 (081->1241, 082->1242, 083->123 reject reform,
 *   084->1243, 085->1244, 086->1245, 087->1246).  Conflict codes refused
 *   ("refused to attack") are not coded: NULL. */
static const char *reject_code(const char *code) {
    static const struct { const char *from, *to; } T[] = {
        {"045", "126"}, {"057", "127"}, {"061", "1211"}, {"062", "1212"},
        {"081", "1241"}, {"082", "1242"}, {"083", "123"}, {"084", "1243"},
        {"085", "1244"}, {"086", "1245"}, {"087", "1246"},
        {"01", "120"}, {"02", "120"}, {"03", "120"}, {"04", "125"}, {"05", "120"},
        {"06", "121"}, {"07", "122"}, {"08", "124"}};
    for (size_t i = 0; i < DYAD_ARRAY_LEN(T); i++)
        if (strncmp(code, T[i].from, strlen(T[i].from)) == 0) return T[i].to;
    return NULL;
}

static const char *const INTENT_HEADS[] = {
    "set", "plan", "intend", "expect", "offer", "promise", "vow", "pledge", "prepare",
    "want", "hope", "seek", "aim", "threaten", "propose", "schedule", "due", "likely",
    "ready", "willing", "go", "try", "attempt", "wish", "agree", "decide", NULL};
static const char *const DEONTIC[] = {"must", "should", "ought", NULL};
/* Allegations: "suspected of blowing up", "accused of killing": the
 * complement is what is alleged, not an event the coder can assert. */
static const char *const ALLEGATION_HEADS[] = {
    "suspect", "accuse", "charge", "allege", "blame", "convict", "indict", "deny",
    "arrest", "detain", "sentence", "try", "investigate", "probe", "condemn", NULL};
static const char *const REFUSE_HEADS[] = {"refuse", "decline", "reject", "resist", NULL};
static const char *const NEG_WORDS[] = {"not", "never", "n't", "no", NULL};
/* Directive/irrealis verbs: what their complement clause describes has not
 * happened ("demanded that Israel leave", "urged Iran to stop"); the
 * complement is not coded (the directive itself is, from the lexicon). */
static const char *const IRREALIS_HEADS[] = {
    "demand", "urge", "ask", "request", "call", "insist", "suggest", "order", "tell",
    "encourage", "press", "pressure", "push", "appeal", "advise", "recommend", "wish",
    "want", "hope", "need", "deny", "consider", "discuss", "fear", "warn", NULL};

/* Modality of verb v: 0 none, 'i' intent, 'r' refusal, 'n' negated,
 * 'c' conditional/hypothetical.  *mhead = the modal head token or -1. */
static int modality(const sctx *c, int v, int *mhead) {
    *mhead = -1;
    for (int k = 0; k < c->n; k++) {
        if (c->t[k].head != v) continue;
        const dyad_token *d = &c->t[k];
        if ((rel_is(d, "advmod") || rel_is(d, "neg") || rel_is(d, "det")) &&
            lemma_in_list(d, NEG_WORDS) && (rel_is(d, "advmod") || rel_is(d, "neg")))
            return 'n';
        if (d->feats & DYAD_F_POLARITY_NEG && rel_is(d, "advmod")) return 'n';
        /* "Y must/should withdraw": an obligation, not an event */
        if (rel_starts(d, "aux") && lemma_in_list(d, DEONTIC)) return 'c';
        if (rel_is(d, "mark") && (lemma_is(d, "if") || lemma_is(d, "unless") ||
                                  lemma_is(d, "whether")))
            return 'c';
    }
    /* "did not call X and arrest Y": a conjunct without its own subject or
     * auxiliary shares the modality of the first conjunct */
    if (rel_is(&c->t[v], "conj") && c->t[v].head >= 0 && child_rel(c, v, "nsubj") < 0 &&
        child_rel(c, v, "aux") < 0 && is_verbal(&c->t[c->t[v].head])) {
        int hm = modality(c, c->t[v].head, mhead);
        if (hm) return hm;
    }
    /* conditional/negated ancestors through advcl/xcomp/ccomp */
    int mode = 0;
    for (int k = 0; k < c->n; k++) {
        const dyad_token *d = &c->t[k];
        if (d->head == v && rel_starts(d, "aux") &&
            (lemma_is(d, "will") || lemma_is(d, "shall") || lemma_is(d, "'ll") ||
             lemma_is(d, "would") || lemma_is(d, "'d")))
            mode = 'i';     /* "would": the past of "will" in reported speech;
                               real conditionals have an "if" clause (above) */
        if (d->head == v && rel_starts(d, "aux") &&
            (lemma_is(d, "could") || lemma_is(d, "might") ||
             lemma_is(d, "should") || lemma_is(d, "may")))
            mode = mode ? mode : 'h';
    }
    int x = v;
    for (int depth = 0; depth < 4 && x >= 0; depth++) {
        const dyad_token *tx = &c->t[x];
        int h = tx->head;
        if (h < 0) break;
        /* a gerund or clause as subject ("removing the sanctions is out of
         * the question") and an infinitive completing a noun ("an appeal to
         * lay down their arms", "plans to attack") are not asserted */
        if (rel_starts(tx, "csubj")) return 'c';
        if (rel_is(tx, "acl") && has_case_word(c, x, "to")) return 'c';
        /* purpose clauses share the modality of their head: "must ensure
         * security to allow ..." */
        if (rel_is(tx, "advcl") && has_case_word(c, x, "to") &&
            !lemma_in_list(&c->t[h], INTENT_HEADS)) {
            int m2;
            int hm = modality(c, h, &m2);
            if (hm == 'n' || hm == 'c') return hm;
        }
        if ((rel_is(tx, "advcl") || rel_starts(tx, "acl") || rel_is(tx, "xcomp") ||
             rel_is(tx, "ccomp")) && !rel_is(tx, "acl:relcl") &&
            lemma_in_list(&c->t[h], ALLEGATION_HEADS) && has_case_word(c, x, "of"))
            return 'c';
        if (!(rel_is(tx, "xcomp") || rel_is(tx, "ccomp") || rel_is(tx, "advcl"))) break;
        /* a to-infinitive parsed as advcl ("is set to meet" with "set" an
         * adjective) counts as an xcomp; other adverbial clauses stop */
        bool xc = rel_is(tx, "xcomp") ||
                  (rel_is(tx, "advcl") && has_case_word(c, x, "to") &&
                   lemma_in_list(&c->t[h], INTENT_HEADS));
        if (rel_is(tx, "advcl") && !xc) break;
        const dyad_token *th = &c->t[h];
        if (rel_is(tx, "ccomp") && lemma_in_list(th, IRREALIS_HEADS)) return 'c';
        if (xc && lemma_in_list(th, IRREALIS_HEADS) &&
            !lemma_in_list(th, INTENT_HEADS))
            return 'c';
        if (xc && lemma_in_list(th, REFUSE_HEADS)) {
            *mhead = h;
            return 'r';
        }
        if (xc && lemma_in_list(th, INTENT_HEADS)) {
            *mhead = h;
            /* "did not plan to attack": negated head */
            int m2;
            int hm = modality(c, h, &m2);
            if (hm == 'n' || hm == 'c') return hm;
            return 'i';
        }
        if (xc) {
            int m2;
            int hm = modality(c, h, &m2);
            if (hm == 'n' || hm == 'c' || hm == 'r') {
                *mhead = m2 >= 0 ? m2 : h;
                return hm;
            }
        }
        x = h;
        if (rel_is(tx, "ccomp")) break;
    }
    return mode == 'h' ? 0 : mode;
}

/* ---- slot search ---- */

/* Children of h (and of its obj/obl nouns) whose lemma is in a. */
static int find_dep(const sctx *c, int h, const ev_alts *a, int exclude) {
    for (int k = 0; k < c->n; k++)
        if (c->t[k].head == h && k != exclude && lemma_in(&c->t[k], a) &&
            !rel_starts(&c->t[k], "nsubj") && !rel_is(&c->t[k], "case"))
            return k;
    /* one level down: "impose new sanctions" vs "impose a range of sanctions" */
    for (int k = 0; k < c->n; k++) {
        int hh = c->t[k].head;
        if (hh < 0 || hh == h || c->t[hh].head != h || k == exclude) continue;
        if ((rel_starts(&c->t[hh], "obj") || rel_starts(&c->t[hh], "obl") ||
             rel_is(&c->t[hh], "xcomp")) &&
            (rel_starts(&c->t[k], "nmod") || rel_is(&c->t[k], "compound") ||
             rel_is(&c->t[k], "conj")) && lemma_in(&c->t[k], a))
            return k;
    }
    return -1;
}

/* Token with an obl/nmod relation under h whose case is in preps. */
static int find_prep(const sctx *c, int h, const ev_alts *preps, int exclude) {
    for (int k = 0; k < c->n; k++) {
        const dyad_token *d = &c->t[k];
        if (d->head != h || k == exclude) continue;
        if (!(rel_starts(d, "obl") || rel_starts(d, "nmod") || rel_is(d, "advcl") ||
              rel_is(d, "obj") || rel_is(d, "iobj") || rel_is(d, "xcomp") ||
              rel_is(d, "ccomp")))
            continue;
        if (rel_is(d, "nmod:poss")) continue;
        if (has_case(c, k, preps)) return k;
    }
    return -1;
}

typedef struct match {
    int pat;
    int src, tgt;       /* tokens, -1 if none */
    int src2;           /* "between S and T": second */
    int last;           /* last verb of the xcomp chain */
} match;

/* Light and aspectual verbs whose subject is the agent of their object
 * event noun ("held talks", "launched an attack", "resumed negotiations"). */
static const char *const LIGHT_VERBS[] = {
    "hold", "have", "launch", "conduct", "carry", "stage", "make", "begin", "start",
    "resume", "continue", "renew", "undertake", "open", "pay", "give", "mount", "step",
    "intensify", "escalate", "announce", "declare", "complete", "finish", "end", "host",
    "speed", "accelerate", "order", "lead", "plan", "propose", "offer", "call", "issue",
    "deliver", "extend", "take", "sign", "reach", "conclude", "initiate", "perform", NULL};

/* The governing light verb of a noun via obj (for nominal triggers). */
static int governing_verb(const sctx *c, int noun) {
    int h = c->t[noun].head;
    if (h < 0) return -1;
    if ((rel_is(&c->t[noun], "obj") || rel_starts(&c->t[noun], "nsubj:pass")) &&
        is_verbal(&c->t[h]) && lemma_in_list(&c->t[h], LIGHT_VERBS))
        return h;
    return -1;
}

/* A date word misparsed as an object ("demanded Friday that ..."). */
static bool is_temporal(const sctx *c, int i) {
    ev_date ref = {2000, 1, 1}, d;
    return ev_date_expr(c->t, c->n, i, ref, false, &d) > 0;
}

/* The possessor of a noun: its nmod:poss, or one hanging from a compound
 * or amod dependent ("North Korea's consistent demand" parsed with the
 * possessor under "consistent"). */
static int possessor_of(const sctx *c, int noun) {
    int r = child_rel(c, noun, "nmod:poss");
    for (int k = 0; r < 0 && k < c->n; k++)
        if (c->t[k].head == noun && (rel_is(&c->t[k], "compound") || rel_is(&c->t[k], "amod")))
            r = child_rel(c, k, "nmod:poss");
    return r;
}

static int find_target(const sctx *c, const ev_pattern *p, int head, int trig,
                       const int *req_tok, int src) {
    const ev_slot *s = &p->tgt;
    int r = -1;
    switch (s->kind) {
    case EV_SLOT_OBJ:
        if (head == trig && is_passive(c, head) && !p->nominal)
            r = child_rel(c, head, "nsubj:pass");
        if (r < 0) r = child_rel(c, head, "obj");
        if (r >= 0 && is_temporal(c, r)) r = -1;   /* "demanded Friday that" */
        if (r < 0) r = child_rel(c, head, "iobj");
        if (r < 0 && !p->nominal) {
            /* "demanded that Israel leave": the clause's subject */
            int cc = child_rel(c, head, "ccomp");
            if (cc >= 0) r = is_verbal(&c->t[cc]) ? child_rel(c, cc, "nsubj") : cc;
        }
        break;
    case EV_SLOT_PREP:
        r = find_prep(c, head, &s->preps, src);
        for (int i = 0; r < 0 && i < p->nreqs; i++)
            if (req_tok[i] >= 0) r = find_prep(c, req_tok[i], &s->preps, src);
        if (r < 0 && head == trig && !p->nominal) {
            /* "gave Y aid" for "give aid to T" */
            for (int i = 0; i < s->preps.n; i++)
                if (strcmp(s->preps.w[i], "to") == 0 || strcmp(s->preps.w[i], "for") == 0)
                    r = child_rel(c, head, "iobj");
        }
        if (r < 0) {
            /* "hand over T": the "preposition" is the verb's particle and T
             * its object */
            for (int k = 0; k < c->n && r < 0; k++)
                if (c->t[k].head == head && rel_is(&c->t[k], "compound:prt") &&
                    lemma_in(&c->t[k], &s->preps))
                    r = child_rel(c, head, "obj");
        }
        if (r < 0 && s->obj_ok) {
            if (head == trig && is_passive(c, head)) r = child_rel(c, head, "nsubj:pass");
            if (r < 0) r = child_rel(c, head, "obj");
        }
        if (r < 0 && p->nominal) {
            /* nominal event whose target is the object noun's possessor is
             * not a prep; also allow compound modifiers "the Iraq attack" */
        }
        break;
    case EV_SLOT_POSS_OBJ: {
        int noun = s->noun >= 0 ? req_tok[s->noun] : child_rel(c, head, "obj");
        if (noun < 0 && s->noun < 0 && is_passive(c, head))
            noun = child_rel(c, head, "nsubj:pass");
        if (noun >= 0) r = possessor_of(c, noun);
        break;
    }
    default:
        break;
    }
    return r;
}

static int find_source(const sctx *c, const ev_pattern *p, int trig) {
    const ev_slot *s = &p->src;
    int r = -1;
    switch (s->kind) {
    case EV_SLOT_SUBJ:
        if (p->nominal) {
            r = child_rel(c, trig, "nsubj");
            if (r < 0) {
                int gv = governing_verb(c, trig);
                if (gv >= 0) r = subject_of(c, gv, 0);
            }
        } else {
            r = subject_of(c, trig, 0);
        }
        break;
    case EV_SLOT_POSS:
        r = possessor_of(c, trig);
        if (r < 0) {
            ev_alts by = {(const char *[]){"by"}, 1};
            r = find_prep(c, trig, &by, -1);
        }
        if (r < 0) {
            int gv = governing_verb(c, trig);
            if (gv >= 0) r = subject_of(c, gv, 0);
        }
        break;
    case EV_SLOT_PREP:
        r = find_prep(c, trig, &s->preps, -1);
        if (r < 0) r = child_rel(c, trig, "nmod:poss");
        if (r < 0) {
            int gv = governing_verb(c, trig);
            if (gv >= 0) r = subject_of(c, gv, 0);
        }
        break;
    case EV_SLOT_BETWEEN: {
        ev_alts bw = {(const char *[]){"between", "among"}, 2};
        r = find_prep(c, trig, &bw, -1);
        break;
    }
    default:
        break;
    }
    return r;
}

/* Tries pattern p at trigger token trig; fills m on success. */
static bool try_pattern(const sctx *c, const ev_pattern *p, int pi, int trig, match *m) {
    const dyad_token *tt = &c->t[trig];
    if (p->nominal) {
        if (!is_nominal(tt) && tt->upos != DYAD_ADJ) return false;
    } else if (!is_verbal(tt)) {
        return false;
    }
    if (p->particle.n) {
        bool ok = false;
        for (int k = 0; k < c->n && !ok; k++)
            if (c->t[k].head == trig && lemma_in(&c->t[k], &p->particle) &&
                (rel_is(&c->t[k], "compound:prt") || rel_starts(&c->t[k], "advmod") ||
                 rel_is(&c->t[k], "case") || rel_starts(&c->t[k], "obl")))
                ok = true;
        if (!ok && trig + 1 < c->n && lemma_in(&c->t[trig + 1], &p->particle)) ok = true;
        if (!ok) return false;
    }
    int heads[5] = {trig, -1, -1, -1, -1};
    for (int k = 0; k < p->nchain; k++) {
        int h = heads[k], found = -1;
        for (int j = 0; j < c->n && found < 0; j++)
            if (c->t[j].head == h && lemma_in(&c->t[j], &p->chain[k]) &&
                (rel_is(&c->t[j], "xcomp") || rel_is(&c->t[j], "ccomp") ||
                 rel_starts(&c->t[j], "obl") || rel_is(&c->t[j], "obj") ||
                 rel_is(&c->t[j], "advcl")))
                found = j;
        if (found < 0) return false;
        heads[k + 1] = found;
    }
    int req_tok[32];
    for (int i = 0; i < p->nreqs && i < 32; i++) {
        int d = p->reqs[i].depth;
        int h = heads[d < 5 ? d : 0];
        req_tok[i] = find_dep(c, h, &p->reqs[i].alts, -1);
        if (req_tok[i] < 0 && p->nominal == false && d == 0 && h == trig) {
            /* copular/adjectival complements */
        }
        if (req_tok[i] < 0) return false;
    }
    int last = heads[p->nchain];
    if (p->trail_prep.n && find_prep(c, last, &p->trail_prep, -1) < 0) {
        /* "accuse X of VERBing": advcl with mark "of" found by find_prep;
         * also the prep on the object noun */
        bool ok = false;
        for (int i = 0; i < p->nreqs && !ok; i++)
            ok = find_prep(c, req_tok[i], &p->trail_prep, -1) >= 0;
        if (!ok) return false;
    }
    m->pat = pi;
    m->last = last;
    m->src2 = -1;
    m->src = find_source(c, p, trig);
    if (p->src.kind == EV_SLOT_BETWEEN) {
        if (m->src < 0) return false;
        m->tgt = child_rel(c, m->src, "conj");
        return m->tgt >= 0;
    }
    m->tgt = -1;
    if (p->tgt.kind != EV_SLOT_NONE) {
        int th = heads[p->tgt.depth < 5 ? p->tgt.depth : 0];
        m->tgt = find_target(c, p, th, trig, req_tok, m->src);
        /* reciprocal frames need no target: "X and Y met" */
        if (m->tgt < 0 && !p->notarget && !p->recip) return false;
    }
    if (m->src < 0 && !p->nosource) {
        /* a nominal trigger without a possessor can still code from the
         * governing verb's subject; otherwise no source: fail */
        return false;
    }
    if (m->tgt >= 0 && m->tgt == m->src) return false;
    return true;
}

/* ---- mentions ---- */

/* Mentions (indexes) for token tok of the current sentence, with its
 * conjuncts; returns count (max cap). */
static int mentions_for(const sctx *c, int tok, int *out, int cap) {
    int n = 0;
    if (tok < 0) return 0;
    int toks[16];
    int nt = 0;
    toks[nt++] = tok;
    for (int k = 0; k < c->n && nt < 16; k++)
        if (c->t[k].head == tok && rel_is(&c->t[k], "conj") && is_nominal(&c->t[k]))
            toks[nt++] = k;
    for (int j = 0; j < nt && n < cap; j++) {
        int found = 0;
        for (size_t m = 0; m < c->doc->nmentions && n < cap; m++) {
            const dyad_mention *mm = &c->doc->mentions[m];
            if (mm->sent != c->si || (int)mm->head != toks[j]) continue;
            bool dup = false;
            for (int q = 0; q < n; q++) dup |= out[q] == (int)m;
            if (!dup) out[n++] = (int)m;
            found = 1;
        }
        if (found) continue;
        /* the smallest mention covering the token */
        int best = -1;
        uint32_t bestw = UINT32_MAX;
        for (size_t m = 0; m < c->doc->nmentions; m++) {
            const dyad_mention *mm = &c->doc->mentions[m];
            if (mm->sent != c->si || (int)mm->first > toks[j] || (int)mm->last < toks[j])
                continue;
            if (mm->last - mm->first < bestw) {
                bestw = mm->last - mm->first;
                best = (int)m;
            }
        }
        if (best >= 0 && n < cap) out[n++] = best;
    }
    return n;
}

static bool coded(const dyad_doc *doc, int m) {
    return m >= 0 && doc->mentions[m].code && doc->mentions[m].code[0];
}

/* ---- event output ---- */

typedef DYAD_VEC(dyad_event) event_vec;

static bool same_event(const dyad_event *a, const dyad_event *b) {
    return a->sent == b->sent && strcmp(a->cameo, b->cameo) == 0 &&
           a->source == b->source && a->target == b->target;
}

static int emit(const sctx *c, event_vec *ev, const ev_code *code, const match *m,
                int trig, int src, int tgt, bool negated, bool future,
                const char *docdate, uint32_t doc_issues, const ev_lexicon *lx) {
    dyad_event e = {0};
    e.sent = c->si;
    snprintf(e.cameo, sizeof e.cameo, "%s", code->code);
    snprintf(e.root, sizeof e.root, "%s", code->root);
    /* copied: the event must outlive the lexicon (owned by the context) */
    e.plover = code->plover ? dyad_doc_strndup(c->doc, code->plover, strlen(code->plover)) : NULL;
    e.mode = code->mode ? dyad_doc_strndup(c->doc, code->mode, strlen(code->mode)) : NULL;
    e.context = code->context ? dyad_doc_strndup(c->doc, code->context, strlen(code->context))
                              : NULL;
    e.quad = code->quad;
    e.goldstein = code->goldstein;
    e.source = src;
    e.target = tgt;
    const dyad_token *tt = &c->t[trig];
    e.trigger_start = tt->start;
    e.trigger_end = tt->end;
    if (m->last != trig && m->last >= 0 && c->t[m->last].end > tt->end)
        e.trigger_end = c->t[m->last].end;
    e.trigger = dyad_doc_strndup(c->doc, c->doc->text + e.trigger_start,
                                 e.trigger_end - e.trigger_start);
    e.issues = ev_issues_sentence(lx->issues, c->doc, c->s) | doc_issues;
    ev_event_date(c->doc, c->s, trig, future, docdate, e.event_date);
    e.negated = negated;
    char rule[300];
    if (m->pat >= 0)
        snprintf(rule, sizeof rule, "%s:%d", lx->pats.items[m->pat].file,
                 lx->pats.items[m->pat].line);
    else
        snprintf(rule, sizeof rule, "coder:deontic");
    e.rule = dyad_doc_strndup(c->doc, rule, strlen(rule));
    return DYAD_VEC_PUSH(*ev, e);     /* duplicates go after the modal filter */
}

static bool sentence_discarded(const sctx *c) {
    if (!c->lx->discards.len) return false;
    char buf[4096];
    size_t n = 0;
    buf[n++] = ' ';
    for (int i = 0; i < c->n && n + 64 < sizeof buf; i++) {
        const char *f = c->t[i].form ? c->t[i].form : "";
        for (; *f && n + 2 < sizeof buf; f++) buf[n++] = (char)tolower((unsigned char)*f);
        buf[n++] = ' ';
    }
    buf[n] = 0;
    for (size_t d = 0; d < c->lx->discards.len; d++) {
        const char *ph = c->lx->discards.items[d];
        if (ph[0] == '+') ph++;
        char pat[600];
        snprintf(pat, sizeof pat, " %s ", ph);
        if (strstr(buf, pat)) return true;
    }
    return false;
}

static bool is_question(const sctx *c) {
    return c->n > 0 && c->t[c->n - 1].form && strcmp(c->t[c->n - 1].form, "?") == 0;
}

/* Coded mentions of token tok (with conjuncts) into out; count. */
static int coded_mentions(const sctx *c, int tok, int *out, int cap) {
    int n = mentions_for(c, tok, out, cap), k = 0;
    for (int i = 0; i < n; i++)
        if (coded(c->doc, out[i])) out[k++] = out[i];
    return k;
}

/* When the pattern's frame gave no actor target, the trigger's other
 * dependents may name it: indirect object, object, the subject of a
 * complement clause ("demanded that the US cancel"), a to/against/with/on
 * phrase, or the possessor or by/of/from phrase of the object noun ("an
 * admission by Moscow").  Mentions that are sources are skipped. */
static int fallback_targets(const sctx *c, int trig, const int *srcs, int ns, int *out,
                            int cap) {
    static const char *const PREPS[] = {"to", "against", "with", "on", "at", "from", "for",
                                        "toward", "towards", "into", NULL};
    static const char *const NPREPS[] = {"by", "of", "from", "to", "against", "with", "on",
                                         "for", NULL};
    int cands[16], nc = 0;
    int obj = child_rel(c, trig, "obj");
    int iobj = child_rel(c, trig, "iobj");
    if (iobj >= 0) cands[nc++] = iobj;
    if (obj >= 0 && !is_temporal(c, obj)) cands[nc++] = obj;
    for (int k = 0; k < c->n && nc < 14; k++) {
        if (c->t[k].head != trig) continue;
        if (rel_is(&c->t[k], "ccomp")) {     /* verbal or copular clause */
            int sj = child_rel(c, k, "nsubj");
            if (sj >= 0) cands[nc++] = sj;
        }
    }
    /* "threatened to stop talks if the United States goes ahead": the
     * subject of a condition on the trigger or on its complement */
    for (int k = 0; k < c->n && nc < 14; k++) {
        int h = c->t[k].head;
        if (h < 0 || !rel_is(&c->t[k], "advcl")) continue;
        if (h != trig && !(c->t[h].head == trig && rel_is(&c->t[h], "xcomp"))) continue;
        if (!has_case_word(c, k, "if") && !has_case_word(c, k, "unless")) continue;
        int sj = child_rel(c, k, "nsubj");
        if (sj >= 0) cands[nc++] = sj;
    }
    for (int k = 0; k < c->n && nc < 14; k++) {
        if (c->t[k].head != trig || !(rel_starts(&c->t[k], "obl") || rel_starts(&c->t[k], "nmod")))
            continue;
        for (int q = 0; PREPS[q]; q++)
            if (has_case_word(c, k, PREPS[q])) {
                cands[nc++] = k;
                break;
            }
    }
    if (obj >= 0) {
        int po = possessor_of(c, obj);
        if (po >= 0 && nc < 15) cands[nc++] = po;
        for (int k = 0; k < c->n && nc < 16; k++) {
            if (c->t[k].head != obj || !rel_starts(&c->t[k], "nmod")) continue;
            for (int q = 0; NPREPS[q]; q++)
                if (has_case_word(c, k, NPREPS[q])) {
                    cands[nc++] = k;
                    break;
                }
        }
    }
    /* last resort: the first actor below the trigger through nominal and
     * oblique relations (not inside another clause) */
    for (int k = trig + 1; k < c->n && nc < 16; k++) {
        int x = k, steps = 0;
        while (x >= 0 && x != trig && steps < 6) {
            const dyad_token *tx = &c->t[x];
            if (!(rel_starts(tx, "obj") || rel_starts(tx, "obl") || rel_starts(tx, "nmod") ||
                  rel_is(tx, "iobj") || rel_is(tx, "conj") || rel_is(tx, "appos") ||
                  rel_is(tx, "compound") || rel_is(tx, "flat") || rel_is(tx, "xcomp")))
                break;
            x = tx->head;
            steps++;
        }
        if (x == trig && is_nominal(&c->t[k])) cands[nc++] = k;
    }
    for (int i = 0; i < nc; i++) {
        int got = coded_mentions(c, cands[i], out, cap), k = 0;
        for (int j = 0; j < got; j++) {
            bool is_src = false;
            for (int q = 0; q < ns; q++)
                is_src |= srcs[q] == out[j] ||
                          strcmp(c->doc->mentions[srcs[q]].code, c->doc->mentions[out[j]].code) == 0;
            if (!is_src) out[k++] = out[j];
        }
        if (k) return k;
    }
    return 0;
}

/* The predicate of the clause a nominal trigger belongs to ("a ceasefire
 * could take place" -> "take"): its modality is the event's. */
static int clause_head(const sctx *c, int noun) {
    int x = noun;
    for (int steps = 0; steps < 8; steps++) {
        int h = c->t[x].head;
        if (h < 0) return x;
        if (rel_starts(&c->t[x], "acl") || rel_is(&c->t[x], "parataxis")) return noun;
        x = h;
        if (is_verbal(&c->t[x])) return x;
    }
    return noun;
}

#define TRY_NEXT (-100)
static int emit_match(const sctx *c, event_vec *ev, int trig, const match *bm,
                      const char *docdate, uint32_t doc_issues, unsigned char *consumed);

/* Codes one trigger token; pushes events. */
static int code_trigger(const sctx *c, event_vec *ev, int trig, const char *docdate,
                        uint32_t doc_issues, unsigned char *consumed) {
    const dyad_token *tt = &c->t[trig];
    const ev_index_entry *e = ev_lexicon_lookup(c->lx, tt->lemma ? tt->lemma : tt->form);
    if (!e && tt->form) e = ev_lexicon_lookup(c->lx, tt->form);
    if (!e && tt->lemma && strchr(tt->lemma, '-')) {
        char buf[64];
        size_t n = 0;
        for (const char *q = tt->lemma; *q && n + 1 < sizeof buf; q++)
            if (*q != '-') buf[n++] = *q;
        buf[n] = 0;
        e = ev_lexicon_lookup(c->lx, buf);
    }
    if (!e) return 0;
    /* every matching pattern, most specific first; the first whose actors
     * make an event wins */
    match cand[32];
    int spec[32], nc = 0;
    for (int i = 0; i < e->npats; i++) {
        const ev_pattern *p = &c->lx->pats.items[e->pats[i]];
        match m;
        if (!try_pattern(c, p, e->pats[i], trig, &m)) continue;
        int sp = p->specificity * 4 + (m.tgt >= 0 ? 2 : 0) + (m.src >= 0 ? 1 : 0);
        int k;
        if (nc < 32) {
            k = nc++;
        } else {
            if (spec[31] >= sp) continue;     /* full: keep the 32 best */
            k = 31;
        }
        while (k > 0 && spec[k - 1] < sp) {
            cand[k] = cand[k - 1];
            spec[k] = spec[k - 1];
            k--;
        }
        cand[k] = m;
        spec[k] = sp;
    }
    for (int i = 0; i < nc; i++) {
        int r = emit_match(c, ev, trig, &cand[i], docdate, doc_issues, consumed);
        if (r != TRY_NEXT) return r;
    }
    return 0;
}

/* Codes match `best` at trigger trig: modality, actors, events.  Returns
 * events added, or TRY_NEXT when the match's actors do not make an event. */
static int emit_match(const sctx *c, event_vec *ev, int trig, const match *bm,
                      const char *docdate, uint32_t doc_issues, unsigned char *consumed) {
    const dyad_token *tt = &c->t[trig];
    match best = *bm;
    const ev_pattern *p = &c->lx->pats.items[best.pat];
    const ev_code *code = &c->lx->codes.items[p->code];
    int mhead = -1;
    int mod = modality(c, is_verbal(tt) ? trig : clause_head(c, trig), &mhead);
    bool negated = false, future = false;
    int consume = -1;     /* modal head whose own event this one replaces */
    /* "will not accept/allow/provide ...": negated cooperation (03, 05-08)
     * is a rejection in CAMEO; other negated events are not coded */
    if (mod == 'n') {
        int r = atoi(code->root);
        if (r == 3 || (r >= 5 && r <= 8)) mod = 'r';
        else return 0;
    }
    if (mod == 'c') return 0;
    if (mod == 'i' && p->foreign) {
        /* PETRARCH dictionaries code the verb as written ("will break
         * relations" keeps the code of "break relations") */
        future = true;
    } else if (mod == 'i') {
        future = true;
        int root = atoi(code->root);
        /* the pattern itself may already name the modal verb */
        const char *ic = intent_code(code->code);
        /* "threatened to withdraw/cut ...": a threat, not an intent to
         * cooperate (CAMEO 130); conflict verbs keep their 13x code */
        if (mhead >= 0 && lemma_is(&c->t[mhead], "threaten") && root <= 13) ic = "130";
        if (strcmp(ic, code->code) != 0) {
            int ci = ev_lexicon_code(c->lx, ic);
            if (ci < 0) {
                char r2[4];
                snprintf(r2, sizeof r2, "%.2s", ic);
                ci = ev_lexicon_code(c->lx, r2);
            }
            if (ci >= 0) code = &c->lx->codes.items[ci];
        }
        DYAD_UNUSED(root);
        consume = mhead;
    } else if (mod == 'r') {
        const char *rc = reject_code(code->code);
        if (!rc) return 0;
        int ci = ev_lexicon_code(c->lx, rc);
        if (ci < 0) ci = ev_lexicon_code(c->lx, "12");
        if (ci < 0) return 0;
        code = &c->lx->codes.items[ci];
        negated = true;
        consume = mhead;
    }
    if (c->doc->nmentions == 0) return 0;
    int srcs[16], tgts[16];
    int ns = mentions_for(c, best.src, srcs, 16);
    int nt = mentions_for(c, best.tgt, tgts, 16);
    if (ns == 0 && !p->nosource) return TRY_NEXT;
    /* keep the coded mentions */
    int k = 0;
    for (int i = 0; i < ns; i++)
        if (coded(c->doc, srcs[i])) srcs[k++] = srcs[i];
    ns = k;
    if (ns == 0 && !p->nosource) return TRY_NEXT;
    k = 0;
    for (int i = 0; i < nt; i++)
        if (coded(c->doc, tgts[i])) tgts[k++] = tgts[i];
    nt = k;
    /* A general frame (no required words) whose object is not an actor is
     * usually not a political event ("saw the film", "treat them with
     * respect"): cooperation codes need an actor there; conflict codes
     * keep the event with no target. */
    bool general = p->nreqs == 0 && p->nchain == 0 && p->particle.n == 0;
    if (nt == 0 && !p->recip) nt = fallback_targets(c, trig, srcs, ns, tgts, 16);
    /* Verbal conflict (09-13) is often about a proposition ("rejected the
     * plan", "demanded the withdrawal") and violence (18-20) may hit places
     * ("shelled the village"); other general frames need an actor object
     * ("saw the film", "held a session" is no arrest). */
    int rootn = atoi(code->root);
    if (best.tgt >= 0 && nt == 0 && general && !p->notarget &&
        !(rootn >= 9 && rootn <= 13) && !(rootn >= 18 && rootn <= 20))
        return 0;
    /* CAMEO 01 (statements) only with a target: "announced that ..." is
     * coded through its clause */
    if (strcmp(code->root, "01") == 0 && nt == 0) return TRY_NEXT;
    if (ns == 0) srcs[ns++] = -1;
    if (nt == 0) tgts[nt++] = -1;
    int before = (int)ev->len;
    for (int i = 0; i < ns; i++)
        for (int j = 0; j < nt; j++) {
            int s = srcs[i], t = tgts[j];
            if (s >= 0 && s == t) continue;
            /* the same actor code on both sides is nearly always a
             * coreference slip ("X ... his country"): not coded */
            if (s >= 0 && t >= 0 &&
                strcmp(c->doc->mentions[s].code, c->doc->mentions[t].code) == 0)
                continue;
            emit(c, ev, code, &best, trig, s, t, negated, future, docdate, doc_issues, c->lx);
            if (p->recip && t >= 0 && mod != 'r')
                emit(c, ev, code, &best, trig, t, s, negated, future, docdate, doc_issues, c->lx);
            else if (p->code2 >= 0 && t >= 0 && s >= 0 && mod == 0)
                emit(c, ev, &c->lx->codes.items[p->code2], &best, trig, t, s, negated, future,
                     docdate, doc_issues, c->lx);
        }
    /* "X and Y met": coordinated subjects of a reciprocal event, no target */
    if (p->recip && tgts[0] < 0 && ns > 1 && mod != 'r') {
        ev->len = (size_t)before;
        for (int i = 0; i < ns; i++)
            for (int j = 0; j < ns; j++)
                if (i != j)
                    emit(c, ev, code, &best, trig, srcs[i], srcs[j], negated, future,
                         docdate, doc_issues, c->lx);
    }
    if ((int)ev->len > before && consume >= 0) consumed[consume] = 1;
    return (int)ev->len - before;
}

/* "X said (that) Y must/should VERB": X demands of Y (CAMEO 100, or the
 * root 10).  The obligation clause itself is not coded (modality). */
static const char *const SPEECH_VERBS[] = {
    "say", "declare", "conclude", "insist", "state", "tell", "warn", "stress",
    "write", "announce", "argue", "add", "reiterate", "remind", "urge", NULL};

static void code_deontic(const sctx *c, event_vec *ev, const char *docdate,
                         uint32_t doc_issues) {
    int ci = ev_lexicon_code(c->lx, "100");
    if (ci < 0) ci = ev_lexicon_code(c->lx, "10");
    if (ci < 0) return;
    const ev_code *code = &c->lx->codes.items[ci];
    for (int v = 0; v < c->n; v++) {
        if (!is_verbal(&c->t[v]) || !rel_is(&c->t[v], "ccomp")) continue;
        bool deontic = false;
        for (int k = 0; k < c->n; k++)
            if (c->t[k].head == v && rel_starts(&c->t[k], "aux") &&
                lemma_in_list(&c->t[k], DEONTIC))
                deontic = true;
        int h = c->t[v].head;
        if (!deontic || h < 0 || !lemma_in_list(&c->t[h], SPEECH_VERBS)) continue;
        int mh;
        int hm = modality(c, h, &mh);
        if (hm == 'n' || hm == 'c') continue;
        int srcs[16], tgts[16];
        int ns = coded_mentions(c, subject_of(c, h, 0), srcs, 16);
        int nt = coded_mentions(c, child_rel(c, v, "nsubj"), tgts, 16);
        match m = {-1, -1, -1, -1, h};
        for (int i = 0; i < ns; i++)
            for (int j = 0; j < nt; j++)
                if (srcs[i] != tgts[j] &&
                    strcmp(c->doc->mentions[srcs[i]].code, c->doc->mentions[tgts[j]].code) != 0)
                    emit(c, ev, code, &m, h, srcs[i], tgts[j], false, false, docdate,
                         doc_issues, c->lx);
    }
}

/* Issues of the whole document that occur in at least 3 sentences. */
static uint32_t document_issues(const ev_lexicon *lx, const dyad_doc *doc) {
    int count[DYAD_ISSUE_COUNT] = {0};
    for (size_t s = 0; s < doc->nsentences; s++) {
        uint32_t b = ev_issues_sentence(lx->issues, doc, &doc->sentences[s]);
        for (int i = 0; i < DYAD_ISSUE_COUNT; i++)
            if (b & (1u << i)) count[i]++;
    }
    uint32_t bits = 0;
    for (int i = 0; i < DYAD_ISSUE_COUNT; i++)
        if (count[i] >= 3) bits |= 1u << i;
    return bits;
}

int ev_code_doc(const ev_lexicon *lx, dyad_doc *doc, const char *fallback_date) {
    if (lx->petr_only) return ev_petr_code_doc(lx, NULL, doc, fallback_date);
    event_vec ev = {0};
    const char *docdate = doc->date ? doc->date : fallback_date;
    uint32_t doc_issues = doc->nmentions ? document_issues(lx, doc) : 0;
    unsigned char *consumed = NULL;
    for (uint32_t si = 0; si < doc->nsentences; si++) {
        sctx c = {doc, lx, si, &doc->sentences[si], doc->tokens + doc->sentences[si].first,
                  (int)doc->sentences[si].ntokens, NULL};
        if (c.n == 0 || is_question(&c) || sentence_discarded(&c)) continue;
        free(consumed);
        consumed = calloc((size_t)c.n, 1);
        if (!consumed) break;
        size_t first_ev = ev.len;
        int *trig_of = NULL;
        DYAD_VEC(int) trigs = {0};
        for (int i = 0; i < c.n; i++) {
            size_t before = ev.len;
            code_trigger(&c, &ev, i, docdate, doc_issues, consumed);
            for (size_t k = before; k < ev.len; k++) DYAD_VEC_PUSH(trigs, i);
        }
        code_deontic(&c, &ev, docdate, doc_issues);
        while (trigs.len < ev.len - first_ev) DYAD_VEC_PUSH(trigs, -1);
        /* drop events of modal heads whose complement was coded as intent */
        size_t w = first_ev;
        for (size_t k = first_ev; k < ev.len; k++) {
            int tk = trigs.items[k - first_ev];
            if (tk >= 0 && consumed[tk]) continue;
            bool dup = false;     /* one event per (code, source, target) */
            for (size_t q = first_ev; q < w && !dup; q++) dup = same_event(&ev.items[q], &ev.items[k]);
            if (dup) continue;
            ev.items[w++] = ev.items[k];
        }
        ev.len = w;
        DYAD_VEC_FREE(trigs);
        DYAD_UNUSED(trig_of);
    }
    free(consumed);
    doc->events = NULL;
    doc->nevents = 0;
    if (ev.len) {
        doc->events = dyad_doc_alloc(doc, ev.len * sizeof *doc->events);
        if (!doc->events) {
            DYAD_VEC_FREE(ev);
            return -1;
        }
        memcpy(doc->events, ev.items, ev.len * sizeof *doc->events);
        doc->nevents = ev.len;
    }
    DYAD_VEC_FREE(ev);
    return 0;
}

int dyad_code_events(dyad_ctx *ctx, dyad_doc *doc) {
    ev_lexicon *lx = ev_ctx_lexicon(ctx);
    if (!lx) return -1;
    if (lx->petr_only)
        return ev_petr_code_doc(lx, dyad_kb_get(ctx), doc, ctx->date[0] ? ctx->date : NULL);
    return ev_code_doc(lx, doc, ctx->date[0] ? ctx->date : NULL);
}
