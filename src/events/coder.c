/*
 * coder.c -- codes events by matching lexicon patterns on the dependency
 * tree (ev_code_doc).  When PETRARCH verb dictionaries replace the
 * built-ins, petr_code.c codes instead.
 *
 * Per sentence (sentences with a discard phrase are skipped), every token
 * whose lemma triggers patterns is tried (verbs for verb frames, nouns for
 * nominal frames; a lemma the lemmatizer cut wrongly is repaired, see
 * repair_lemma).  code_trigger first drops triggers that are no event in
 * context: the complement already covered by a chain frame ("tried to
 * attack"), naming "call", participles used as adjectives, withheld
 * comment, figurative force, insisting on a fact.  The matching patterns
 * are then tried most specific first (particle, xcomp chain, required
 * dependents, trailing preposition, source and target slots; try_pattern);
 * the first whose actors make an event wins (emit_match returns TRY_NEXT
 * to pass to the next).  Slots map to actor mentions of doc->mentions:
 * coordinated actors give one event each, @recip codes both directions.
 *
 * Linguistic treatment (general, not in the lexicon):
 *   - subjects (subject_of): the by-agent of a passive (also of a past
 *     participle on a noun, "soldiers killed by X", whose noun is the
 *     target, never the source: passive_participle), shared subjects of
 *     conj/xcomp/advcl, object control ("urge", "ask", "call on" hand down
 *     their object), relative clauses, infinitives of intention and
 *     measure nouns, and repairs of common misparses (misattached_subject);
 *   - stand-in actors (stand_in): group, part and organisation nouns
 *     ("members of X", "a batch of X troops", "a Peruvian union"),
 *     appositions, reported pronouns, owners of things for targets; the
 *     place of a protest by people with no actor; "both sides" for the
 *     document's two countries (pair_mentions); fallback targets from the
 *     trigger's other dependents and purpose clauses (fallback_targets);
 *   - modality (modality): "will" and xcomp under intention heads turn the
 *     code into its intent code (table intent_code; speech acts, 01, 02
 *     and 09-12, have none and are not coded); refusals and negated
 *     cooperation (03, 05-08) into the CAMEO 12 rejection codes (table
 *     reject_code, negated = true); other negated events (also "seldom",
 *     "rarely"), conditionals, comparisons ("rather than"), embedded
 *     questions of degree ("how far X will go"), hedges ("may", "might",
 *     "could", "probably", "will likely", "tends to"),
 *     obligations, questions, purpose clauses ("sent troops to protect";
 *     not an instrument's, a measure's or a performed purpose: "marched to
 *     protest"), what proposals ask for, wishes about another
 *     actor, allegations (also a gerund of the alleged list misparsed as
 *     a conjunct of the finite verb) and other unasserted clauses are not
 *     coded;
 *   - precision guards in emit_match: material acts told in the simple
 *     present with no time ("works with universities"; habitual),
 *     officials "gathering" or "marching" (no_demonstration), talking
 *     to or by news media (an interview, drop_media), coercion of a
 *     gathering ("held a summit"), threats to a state of affairs
 *     ("threatened the stability of"), a named fight between two persons
 *     (a quarrel: all_persons), general
 *     frames whose object is a thing (thing_object), reciprocal frames without a partner, visits
 *     that are no state travel (visit_code), a country and its own
 *     agencies (own_agency), the same actor on both sides;
 *   - rules of the coder's own, with no lexicon line: obligations reported
 *     by a speaker are demands ("coder:deontic"), agreeing that both should
 *     act is an intent to cooperate ("coder:agreed-clause"), "X said Y is
 *     out of the question" is a rejection ("coder:rejection-idiom").
 * docs/events.md lists these with examples.
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

/* ---- word classes ----
 *
 * Every word list the coder consults, in one place.  Lemmas; a list of
 * heads lists the words whose dependents the rule looks at. */

/* Object control: the object is the subject of the xcomp ("urged X to"). */
static const char *const OBJ_CONTROL[] = {
    "urge", "ask", "call", "order", "force", "persuade", "tell", "invite", "encourage", "press",
    "pressure", "push", "allow", "permit", "help", "require", "request", "instruct", "warn",
    "advise", "authorize", "authorise", "compel", "convince", "see", "watch", "hear", "let",
    "make", "want", "need", "expect", "enable", NULL};
/* Purpose verbs whose clause is carried out by the act it completes:
 * "rallied to protest", "opened the border to allow" (purpose_clause). */
static const char *const PERFORMED_PURPOSES[] = {
    "protest", "demonstrate", "denounce", "condemn", "mark", "commemorate", "express", "voice",
    "show", "demand", "allow", "permit", "enable", "let", NULL};
/* Adverbs of acts that recur or go on now (habitual). */
static const char *const REPEATED_ADVERBS[] = {
    "routinely", "regularly", "repeatedly", "often", "frequently", "constantly", "continually",
    "daily", "again", "still", "now", "currently", "increasingly", NULL};
/* Adverbs of a guess (modality). */
static const char *const HEDGE_ADVERBS[] = {
    "likely", "probably", "possibly", "perhaps", "maybe", "presumably", NULL};
/* Verbs of talking: with the news media, an interview (drop_media). */
static const char *const TALK_VERBS[] = {
    "speak", "talk", "tell", "chat", NULL};
/* Gatherings: no object of coercion (thing_object). */
static const char *const GATHERING_NOUNS[] = {
    "summit", "meeting", "talks", "conference", "session", "election", "vote", "referendum",
    "ceremony", "exercise", "drill", "hearing", "debate", "dialogue", "forum", "parade",
    "festival", "celebration", "congress", "convention", "consultation", NULL};
/* States of affairs that can be endangered, not threatened (emit_match). */
static const char *const STATE_OF_AFFAIRS_NOUNS[] = {
    "integrity", "stability", "security", "peace", "sovereignty", "unity", "existence", "future", "safety", "independence", "order", "health", "livelihood",
    "economy", "environment", NULL};
/* Relative pronouns: the subject of a relative clause is its noun. */
static const char *const REL_PRONOUNS[] = {
    "who", "which", "that", "whom", NULL};
/* Adjectival predicates and stative participles whose grammatical
 * subject is their agent ("X is committed / prepared / opposed to"). */
static const char *const STATIVE_HEADS[] = {
    "commit", "prepare", "oppose", "determine", "resolve", "poise", "dedicate", "willing",
    "ready", "prepared", "committed", "opposed", "determined", "eager", "keen", "unwilling",
    "reluctant", NULL};
/* Nouns whose clause says what is asked or proposed, not what happened. */
static const char *const DIRECTIVE_NOUNS[] = {
    "appeal", "call", "demand", "request", "plea", "proposal", "plan", "bid", "push",
    "pressure", "campaign", "order", "ultimatum", "resolution", "initiative", "motion", "idea",
    "suggestion", "offer", NULL};
/* Nouns of intention: "showed a readiness to talk", "X's plan to". */
static const char *const INTENT_NOUNS[] = {
    "readiness", "willingness", "intention", "intent", "plan", "commitment", "pledge",
    "promise", "offer", "decision", "determination", "resolve", "desire", "wish", "proposal",
    "agreement", NULL};
/* Heads whose xcomp is an intention of the subject ("plans to attack"). */
static const char *const INTENT_HEADS[] = {
    "set", "plan", "intend", "expect", "offer", "promise", "vow", "pledge", "prepare", "want",
    "hope", "seek", "aim", "threaten", "propose", "schedule", "due", "likely", "ready",
    "willing", "go", "try", "attempt", "wish", "agree", "commit", "committed", "prepared",
    "determine", "determined", "resolve", "eager", "keen", NULL};
/* Verbs that assert the intention noun they take as object ("expressed
 * readiness to", "announced plans to"): its infinitive is an intent. */
static const char *const INTENT_NOUN_VERBS[] = {
    "express", "signal", "show", "announce", "reaffirm", "confirm", "unveil", "voice",
    "declare", "state", "reiterate", "indicate", "demonstrate", "outline", "make", "have",
    "repeat", "renew", "stress", "underline", "emphasise", "emphasize", NULL};
/* Obligations: "Y must leave" is no event (a demand when reported). */
static const char *const DEONTIC[] = {
    "must", "should", "ought", NULL};
/* Heads whose complement is not asserted: "interested in talking",
 * "supposed to sign", "it is necessary for X to engage". */
static const char *const NONASSERT_HEADS[] = {
    "interested", "interest", "suppose", "supposed", "necessary", "important", "essential",
    "vital", "crucial", "imperative", "tend", NULL};
/* Allegations: "suspected of blowing up", "accused of killing": the
 * complement is what is alleged, not an event the coder can assert. */
static const char *const ALLEGATION_HEADS[] = {
    "suspect", "accuse", "charge", "allege", "blame", "convict", "indict", "deny", "arrest",
    "detain", "sentence", "try", "investigate", "probe", "condemn", "sanction", "punish",
    "jail", "fine", "criticise", "criticize", NULL};
/* Heads whose xcomp is refused ("refused to meet"). */
static const char *const REFUSE_HEADS[] = {
    "refuse", "decline", "reject", "resist", "unwilling", NULL};
/* Negation. */
static const char *const NEG_WORDS[] = {
    "not", "never", "n't", "no", "seldom", "rarely", "hardly", "scarcely", NULL};
/* Permission: "X is not allowed to V" is the permission giver's refusal. */
static const char *const PERMIT_HEADS[] = {
    "allow", "permit", "let", "authorise", "authorize", NULL};
/* Directive/irrealis verbs: what their complement clause describes has not
 * happened ("demanded that Israel leave", "urged Iran to stop"); the
 * complement is not coded (the directive itself is, from the lexicon). */
static const char *const IRREALIS_HEADS[] = {
    "demand", "urge", "ask", "request", "call", "insist", "suggest", "order", "tell",
    "encourage", "press", "pressure", "push", "appeal", "advise", "recommend", "wish", "want",
    "hope", "need", "deny", "consider", "discuss", "fear", "warn", "require", NULL};
/* "took steps / measures to V" and "used force to V": the infinitive is the
 * act (measure_noun_verb). */
static const char *const MEASURE_NOUNS[] = {
    "step", "measure", "action", NULL};
static const char *const MEASURE_VERBS[] = {
    "take", "adopt", "introduce", "implement", NULL};
static const char *const INSTRUMENT_VERBS[] = {
    "use", "employ", NULL};
/* Quantity nouns: "with a wave of strikes" reaches the strikes (find_dep). */
static const char *const QUANTITY_NOUNS[] = {
    "range", "series", "wave", "number", "set", "package", "round", "spate", "string", "host",
    "raft", "batch", "list", "flurry", "barrage", "volley", "lot", "couple", "dozen", NULL};
/* Light and aspectual verbs whose subject is the agent of their object
 * event noun ("held talks", "launched an attack", "resumed negotiations"). */
static const char *const LIGHT_VERBS[] = {
    "hold", "have", "launch", "conduct", "carry", "stage", "make", "begin", "start", "resume",
    "continue", "renew", "undertake", "open", "pay", "give", "mount", "step", "intensify",
    "escalate", "announce", "declare", "complete", "finish", "end", "host", "speed",
    "accelerate", "order", "lead", "plan", "propose", "offer", "call", "issue", "deliver",
    "extend", "take", "sign", "reach", "conclude", "initiate", "perform", NULL};
/* Verbs that report speech: their complement clause is what was said. */
static const char *const SPEECH_VERBS[] = {
    "say", "declare", "conclude", "insist", "state", "tell", "warn", "stress", "write",
    "announce", "argue", "add", "reiterate", "remind", "urge", "claim", "confirm", "report",
    NULL};
/* Group, part and organisation nouns stand for the actor they belong to
 * ("members of X", "a group of X leaders", "thousands of X", "a unit of
 * X's army"); the list is of nouns that name a part or a number of people. */
static const char *const GROUP_NOUNS[] = {
    "member", "group", "delegation", "leader", "leadership", "official", "representative",
    "team", "wing", "faction", "supporter", "contingent", "deployment", "batch", "element",
    "unit", "part", "majority", "some", "most", "many", "hundred", "thousand", "dozen",
    "million", "number", "band", "crowd", "cell", "branch", "section", "activist", "worker",
    "body", "envoy", "spokesman", "spokeswoman", "head", "chief", "one", "detachment", "convoy",
    "squad", "column", "company", "battalion", "brigade", NULL};
/* Organisation nouns: with a national modifier they stand for that
 * country's actor when the actor base does not know the organisation
 * ("a Chilean appeals court", "a Peruvian union"). */
static const char *const ORG_NOUNS[] = {
    "union", "party", "association", "council", "committee", "court", "ministry", "agency",
    "movement", "front", "coalition", "alliance", "federation", "organisation", "organization",
    "commission", "parliament", "assembly", "authority", "administration", "cabinet",
    "government", "guerrilla", "rebel", "militia", "force", "army", "police", "tribunal",
    "congress", "senate", "office", "department", "service", "institute", "syndicate", "league",
    "bloc", "community", "opposition", NULL};
/* People and armed forces: "a NOUN of" them names a part or a number of
 * them ("a handful of soldiers", "a first batch of troops"). */
static const char *const PEOPLE_NOUNS[] = {
    "people", "protester", "demonstrator", "crowd", "resident", "worker", "student", "villager",
    "citizen", "activist", "supporter", "farmer", "youth", "woman", "man", "marcher", "rioter",
    NULL};
static const char *const FORCE_NOUNS[] = {
    "troop", "troops", "soldier", "force", "army", "unit", "battalion", "contingent", "warship",
    "vessel", "ship", "tanker", "aircraft", "plane", "peacekeeper", NULL};
/* Words that tie a group noun to its actor through a clause ("workers
 * affiliated with X", "militants loyal to X"). */
static const char *const AFFILIATION[] = {
    "affiliate", "affiliated", "loyal", "link", "linked", "belong", "close", "allied", "ally",
    "base", "based", NULL};
/* Pronoun subjects of reported clauses that stand for the reporter. */
static const char *const PERSONAL_PRONOUNS[] = {
    "he", "she", "it", "they", "we", NULL};
/* "what it called a victory": naming "call" (naming_call). */
static const char *const NAMING_WH[] = {
    "what", "which", "whom", NULL};
/* Other senses of frame verbs told by a thing object or a complement
 * (other_sense): protest, yield, perception and meeting verbs. */
static const char *const SHOW_VERBS[] = {
    "demonstrate", "march", "rally", NULL};
static const char *const YIELD_VERBS[] = {
    "submit", "yield", "bow", "surrender", "concede", NULL};
static const char *const PERCEPTION_VERBS[] = {
    "see", "watch", "hear", NULL};
static const char *const ACTOR_OBJECT_VERBS[] = {
    "see", "receive", "recognise", "recognize", NULL};
/* Adjuncts whose event happened ("following the clash"; background_noun). */
static const char *const BACKGROUND_PREPS[] = {
    "after", "following", "before", "amid", "despite", "since", "during", "over", NULL};
/* A country's own state agencies (own_agency). */
static const char *const STATE_SECTORS[] = {
    "GOV", "MIL", "COP", "JUD", "LEG", "SPY", "ELI", NULL};
/* Sectors of officials, who do not demonstrate in the street
 * (no_demonstration). */
static const char *const OFFICIAL_SECTORS[] = {
    "GOV", "MIL", "COP", "JUD", "SPY", NULL};
/* "both governments", "the two sides" (pair_mentions). */
static const char *const PAIR_NOUNS[] = {
    "side", "government", "country", "leader", "capital", "nation", "president",
    "administration", "party", NULL};
/* Visits by peacekeepers are deployments (visit_code). */
static const char *const PEACEKEEPER_NOUNS[] = {
    "peacekeeper", "peace-keeper", "blue-helmet", NULL};
/* Places: occupation and blockade need one as object. */
static const char *const PLACE_NOUNS[] = {
    "town", "city", "village", "base", "territory", "area", "region", "airport", "port",
    "capital", "province", "district", "island", "islands", "hill", "border", "position",
    "stronghold", "outpost", "camp", "enclave", "zone", "land", "valley", "road", "highway",
    "bridge", "crossing", "field", "oilfield", "mine", "building", "headquarters", "compound",
    "palace", "parliament", "ministry", "station", "embassy", "consulate", "neighbourhood",
    "neighborhood", "suburb", "strip", "bank", "peninsula", "coast", "sea", "waters", NULL};
/* Withheld comment is no rejection (withheld_comment). */
static const char *const WITHHOLD_VERBS[] = {
    "refuse", "decline", "ignore", "reject", "deny", NULL};
static const char *const COMMENT_WORDS[] = {
    "comment", "respond", "answer", "elaborate", "speak", "confirm", NULL};
/* Force words and the modifiers, objects and subjects that make them
 * figurative (figurative_force). */
static const char *const FORCE_WORDS[] = {
    "war", "fight", "battle", "attack", "target", "strike", "combat", "assault", "bombard", NULL};
static const char *const FIGURATIVE_WORDS[] = {
    "trade", "tariff", "price", "culture", "word", "words", "propaganda", "information",
    "legal", "court", "political", "verbal", "currency", "bidding", "turf", "tax", "media",
    "fire", "blaze", "flame", "wildfire", "disease", "virus", "cancer", "poverty", "corruption",
    "drug", NULL};
static const char *const THING_NOUNS[] = {
    "tariff", "tax", "levy", "duty", "measure", "policy", "law", "rule", "sanction", "effort",
    "campaign", "ad", "program", "programme", "plan", "bill", NULL};
/* Auxiliaries of a stated fact: "insists it is" (insisted_fact). */
static const char *const FINITE_AUX[] = {
    "be", "have", "do", "will", "would", "can", NULL};
/* Question words are no target to look for (thing_object). */
static const char *const QUESTION_WORDS[] = {
    "who", "what", "whom", NULL};
/* Heads of "agreed that both should V" (code_agreed_clause). */
static const char *const AGREE_CLAUSE_HEADS[] = {
    "agree", "decide", "resolve", "concur", "consent", NULL};
/* Messages that carry an obligation: "issued a warning to X that it must"
 * (code_deontic). */
static const char *const MESSAGE_VERBS[] = {
    "issue", "send", "deliver", "give", NULL};
static const char *const MESSAGE_NOUNS[] = {
    "reminder", "warning", "message", "statement", "declaration", "communique", "note",
    "letter", "signal", "demand", "ultimatum", NULL};

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

static void repair_lemma(const dyad_token *t, char *out, size_t size);

static bool lemma_is(const dyad_token *t, const char *w) {
    if (t->lemma && dyad_strcasecmp_ascii(t->lemma, w) == 0) return true;
    /* "signall" for "signalled": the doubled consonant kept by the
     * lemmatizer (the other repairs are tried on triggers only) */
    size_t n = t->lemma ? strlen(t->lemma) : 0;
    if (n >= 4 && t->upos == DYAD_VERB && t->lemma[n - 1] == t->lemma[n - 2]) {
        char buf[64];
        repair_lemma(t, buf, sizeof buf);
        if (buf[0] && strlen(buf) + 1 == n && dyad_strcasecmp_ascii(buf, w) == 0) return true;
    }
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

static bool word_in_list(const char *w, const char *const *list) {
    for (int i = 0; list[i]; i++)
        if (strcmp(w, list[i]) == 0) return true;
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
    /* "over two raids" with the preposition misparsed as an adverb of the
     * phrase's first word: the first token of the phrase */
    for (int k = 0; k < c->n; k++) {
        if (c->t[k].head < 0 || k >= i || !rel_is(&c->t[k], "advmod") || !lemma_in(&c->t[k], a))
            continue;
        int h = c->t[k].head;
        if (h == i || (c->t[h].head == i && k < h)) return c->t[k].upos == DYAD_ADP ||
                                                          c->t[k].upos == DYAD_ADV;
    }
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

/* "soldiers killed in the raid": a past participle modifying a noun, with
 * no object or subject of its own, is passive; the noun is what was done
 * to.  Only when the sentence has a verb for its root: a sentence parsed
 * around a noun ("groups this week called for") has its main verb there. */
static bool passive_participle(const sctx *c, int v) {
    const dyad_token *tv = &c->t[v];
    if (!tv->xpos || (strcmp(tv->xpos, "VBN") != 0 && strcmp(tv->xpos, "VBD") != 0) ||
        child_rel(c, v, "obj") >= 0 || child_rel(c, v, "nsubj") >= 0)
        return false;
    for (int k = 0; k < c->n; k++)
        if (c->t[k].head < 0) return is_verbal(&c->t[k]);
    return false;
}

static bool is_passive(const sctx *c, int v) {
    if (child_rel(c, v, "aux:pass") >= 0) return true;
    /* "X lifted on Monday the ban": a passive subject with an
     * object and no passive auxiliary is an active clause misparsed */
    if (child_rel(c, v, "nsubj:pass") >= 0)
        return child_rel(c, v, "obj") < 0 || child_rel(c, v, "cop") >= 0;
    return ((c->t[v].feats & DYAD_F_VOICE_PASS) && child_rel(c, v, "nsubj") < 0 &&
            rel_is(&c->t[v], "acl")) ||
           (rel_is(&c->t[v], "acl") && passive_participle(c, v));
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

/* "it" misparsed as an expletive of an adjectival predicate ("it is
 * willing to go"): the pronoun is the subject when it has a coded
 * mention and the predicate is one of intention. */
static int expl_subject(const sctx *c, int v);

static int measure_noun_verb(const sctx *c, int n);

/* The holder of an intention noun: its possessor or the subject of the
 * verb it is the object of ("X showed a readiness to ..."). */
static int intent_noun_holder(const sctx *c, int noun, int depth);

static bool is_temporal(const sctx *c, int i);

/* The subject of verb v when the parser attached it elsewhere; -1 when
 * none of these misparses applies. */
static int misattached_subject(const sctx *c, int v) {
    int h = c->t[v].head;
    if (h < 0) return -1;
    const dyad_token *tv = &c->t[v];
    /* "X reject the plan, Y said" with X misattached to "said": the
     * reporting verb has a subject before the clause and one after it */
    if (rel_is(tv, "ccomp") && h > v) {
        int before = -1, after = -1;
        for (int k = 0; k < c->n; k++)
            if (c->t[k].head == h && rel_is(&c->t[k], "nsubj")) {
                if (k < v && before < 0) before = k;
                if (k > v) after = k;
            }
        if (before >= 0 && after >= 0) return before;
    }
    /* "X planes, flying low, hit the bridge" parsed with the verb as a dep
     * of the noun: the noun is its subject */
    if ((rel_is(tv, "dep") || rel_is(tv, "parataxis")) && is_nominal(&c->t[h]) &&
        c->t[h].head < 0)
        return h;
    /* "X was indicted ... and will resign": an active conjunct of a
     * passive verb shares its passive subject, not its agent */
    if (rel_is(tv, "conj") && is_verbal(&c->t[h]) && is_passive(c, h) &&
        child_rel(c, h, "nsubj:pass") >= 0)
        return child_rel(c, h, "nsubj:pass");
    /* "The movement, Friends of X, said": the name parsed as a nominal
     * predicate with the group as its subject and the verb as conjunct */
    if (rel_is(tv, "conj") && !is_verbal(&c->t[h]) && c->t[h].head < 0 &&
        child_rel(c, h, "nsubj") >= 0 && child_rel(c, h, "cop") < 0)
        return child_rel(c, h, "nsubj");
    return -1;
}

/* The subject (agent) of verb v, following conj/xcomp/advcl/relcl. */
static int subject_of(const sctx *c, int v, int depth) {
    if (v < 0 || depth > 8) return -1;
    if (is_passive(c, v)) {
        int a = agent_of(c, v);
        if (a >= 0) return a;
        int sp = child_rel(c, v, "nsubj:pass");
        /* "X is committed to": a stative participle with a copula */
        if (sp >= 0 && lemma_in_list(&c->t[v], STATIVE_HEADS) &&
            (child_rel(c, v, "cop") >= 0 || child_rel(c, v, "aux:pass") >= 0))
            return sp;
        if (sp >= 0) return -1;
        int s = child_rel(c, v, "nsubj");
        if (s >= 0) return s;
    } else if (child_rel(c, v, "nsubj") < 0 && child_rel(c, v, "csubj") < 0 &&
               expl_subject(c, v) >= 0) {
        return expl_subject(c, v);
    } else {
        int s = child_rel(c, v, "nsubj");
        if (s < 0) s = child_rel(c, v, "csubj");
        if (s < 0) s = child_rel(c, v, "nsubj:pass");     /* see is_passive */
        if (s >= 0) {
            if (lemma_in_list(&c->t[s], REL_PRONOUNS) && rel_starts(&c->t[v], "acl") &&
                c->t[v].head >= 0)
                return c->t[v].head;
            return s;
        }
    }
    /* "Up to 100 protesters marched" with the counted subject parsed as an
     * oblique before the verb */
    for (int k = 0; k < v; k++)
        if (c->t[k].head == v && rel_starts(&c->t[k], "obl") && child_rel(c, k, "nummod") >= 0 &&
            is_nominal(&c->t[k]) && !is_temporal(c, k) && child_rel(c, v, "obj") < 0 &&
            child_rel(c, v, "nsubj:pass") < 0)
            return k;
    int h = c->t[v].head;
    if (h < 0) return -1;
    const dyad_token *tv = &c->t[v];
    int ms = misattached_subject(c, v);
    if (ms >= 0) return ms;
    if (rel_is(tv, "conj") || rel_is(tv, "advcl") || rel_is(tv, "parataxis") ||
        (rel_is(tv, "dep") && is_verbal(&c->t[h]))) {
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
    /* "X expressed readiness to V", "X fired tear gas to scatter ...": the
     * infinitive of an object noun has the subject of the noun's verb */
    if (rel_is(tv, "acl") && has_case_word(c, v, "to") &&
        (lemma_in_list(&c->t[h], INTENT_NOUNS) || measure_noun_verb(c, h) >= 0 ||
         (rel_is(&c->t[h], "obj") && !lemma_in_list(&c->t[h], DIRECTIVE_NOUNS))))
        return intent_noun_holder(c, h, depth + 1);
    if (rel_starts(tv, "acl") && !rel_is(tv, "acl:relcl") && is_nominal(&c->t[h]) &&
        !(tv->feats & DYAD_F_VOICE_PASS) && !passive_participle(c, v))
        return h;
    return -1;
}

static int expl_subject(const sctx *c, int v) {
    int e = child_rel(c, v, "expl");
    if (e < 0 || !lemma_is(&c->t[e], "it") || !lemma_in_list(&c->t[v], STATIVE_HEADS))
        return -1;
    for (size_t m = 0; m < c->doc->nmentions; m++)
        if (c->doc->mentions[m].sent == c->si && (int)c->doc->mentions[m].head == e &&
            c->doc->mentions[m].code && c->doc->mentions[m].code[0])
            return e;
    return -1;
}

static int intent_noun_holder(const sctx *c, int noun, int depth) {
    int p = child_rel(c, noun, "nmod:poss");
    if (p >= 0) return p;
    int h = c->t[noun].head;
    if (h >= 0 && rel_is(&c->t[noun], "obj") && is_verbal(&c->t[h])) return subject_of(c, h, depth);
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

/* "X took steps/measures to V", "X used force to V": the verb that takes
 * measure or instrument noun n, or -1. */
static int measure_noun_verb(const sctx *c, int n) {
    int h = c->t[n].head;
    if (h < 0 || !rel_is(&c->t[n], "obj")) return -1;
    /* "used harsh words / water cannon to V": the instrument's purpose */
    if (lemma_in_list(&c->t[h], INSTRUMENT_VERBS)) return h;
    if (!lemma_in_list(&c->t[n], MEASURE_NOUNS) || !lemma_in_list(&c->t[h], MEASURE_VERBS))
        return -1;
    return h;
}

/* "X expressed readiness to V": the asserting verb of intention noun n,
 * or -1 when n is no intention noun held that way. */
static int intent_noun_verb(const sctx *c, int n) {
    int h = c->t[n].head;
    if (!lemma_in_list(&c->t[n], INTENT_NOUNS) || h < 0 || !rel_is(&c->t[n], "obj") ||
        !lemma_in_list(&c->t[h], INTENT_NOUN_VERBS))
        return -1;
    return h;
}

/* A gerund: tagged VBG, or an untagged -ing form. */
static bool is_gerund(const dyad_token *t) {
    if ((t->feats & DYAD_F_VF_GER) || (t->xpos && strcmp(t->xpos, "VBG") == 0)) return true;
    if (t->xpos && strcmp(t->xpos, "_") != 0) return false;
    size_t n = strlen(t->form);
    return n > 4 && strcmp(t->form + n - 3, "ing") == 0;
}

static int modality(const sctx *c, int v, int *mhead);

/* Modality of clause x completing a noun: what a proposal asks for ("an
 * appeal for deploying troops") is not asserted, a measure's infinitive
 * is the act ("took steps to ease controls"), an intention noun's is an
 * intent ("expressed readiness to talk"), other nouns' are not asserted
 * ("an appeal to end the strike", "plans to attack").  -1 when x completes no noun. */
static int noun_clause_modality(const sctx *c, int x, int *mhead) {
    const dyad_token *tx = &c->t[x];
    int h = tx->head;
    if ((rel_is(tx, "acl") || rel_is(tx, "advcl")) && lemma_in_list(&c->t[h], DIRECTIVE_NOUNS) &&
        (is_nominal(&c->t[h]) || rel_starts(&c->t[h], "obj") || rel_starts(&c->t[h], "nsubj") ||
         rel_starts(&c->t[h], "obl")))
        return 'c';
    if (!rel_is(tx, "acl") || !has_case_word(c, x, "to")) return -1;
    if (measure_noun_verb(c, h) >= 0)
        return modality(c, measure_noun_verb(c, h), mhead) == 'n' ? 'n' : 0;
    int gv = intent_noun_verb(c, h);
    if (gv < 0) return 'c';
    int m2;
    int hm = modality(c, gv, &m2);
    if (hm == 'n' || hm == 'c') return hm;
    *mhead = gv;
    return 'i';
}

/* Clause x is not asserted by its head: "have yet to comment", "are
 * interested in talking", "were supposed to sign", "no sign(s) that X
 * ...", "no evidence that". */
static bool unasserted_clause(const sctx *c, int x) {
    const dyad_token *tx = &c->t[x];
    int h = tx->head;
    if ((rel_is(tx, "xcomp") || rel_is(tx, "advcl") || rel_is(tx, "ccomp")) &&
        lemma_in_list(&c->t[h], NONASSERT_HEADS))
        return true;
    if ((rel_starts(tx, "acl") || rel_is(tx, "ccomp")) && !rel_is(tx, "acl:relcl") &&
        child_rel(c, h, "det") >= 0 && lemma_is(&c->t[child_rel(c, h, "det")], "no"))
        return true;
    return (rel_is(tx, "xcomp") || rel_is(tx, "advcl")) && lemma_is(&c->t[h], "have") &&
           child_rel(c, h, "advmod") >= 0 && lemma_is(&c->t[child_rel(c, h, "advmod")], "yet");
}

/* Purpose clause x: "sent troops to protect the border" says what the act
 * was for, not that it happened.  Not the infinitive of an instrument
 * ("used force to disperse") or of a measure ("took steps to ease"), which
 * is the act itself, nor a purpose the act performs ("marched to
 * protest"; PERFORMED_PURPOSES). */
static bool purpose_clause(const sctx *c, int x) {
    const dyad_token *tx = &c->t[x];
    int h = tx->head;
    if (!rel_is(tx, "advcl") || !has_case_word(c, x, "to") || !is_verbal(&c->t[h]) ||
        lemma_in_list(tx, PERFORMED_PURPOSES) || lemma_in_list(&c->t[h], INTENT_HEADS) ||
        lemma_in_list(&c->t[h], INSTRUMENT_VERBS))
        return false;
    /* "resorted to throwing stones": a gerund after "to" is no purpose */
    if (is_gerund(tx)) return false;
    int o = child_rel(c, h, "obj");
    return !(o >= 0 && measure_noun_verb(c, o) >= 0);
}

/* Clause x is an embedded question of degree ("how far X will go to
 * silence", "to what extent Y will defend"): "how" on an adverb of x, or
 * an oblique determined by "what".  A plain "how" or "why" ("described how
 * troops fired") reports what happened and stays. */
static bool wh_question(const sctx *c, int x) {
    for (int k = 0; k < c->n; k++) {
        if (c->t[k].head != x) continue;
        const dyad_token *d = &c->t[k];
        if (rel_starts(d, "advmod") && child_rel(c, k, "advmod") >= 0 &&
            lemma_is(&c->t[child_rel(c, k, "advmod")], "how"))
            return true;
        if (rel_starts(d, "obl") && child_rel(c, k, "det") >= 0 &&
            lemma_is(&c->t[child_rel(c, k, "det")], "what"))
            return true;
    }
    return false;
}

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
        /* "will no longer grant" */
        if (rel_is(d, "advmod") && lemma_is(d, "longer") && child_rel(c, k, "advmod") >= 0 &&
            lemma_is(&c->t[child_rel(c, k, "advmod")], "no"))
            return 'n';
        /* "will likely attack", "probably met": a guess, not an event */
        if (rel_is(d, "advmod") && lemma_in_list(d, HEDGE_ADVERBS)) return 'c';
        /* "Y must/should withdraw": an obligation, not an event */
        if (rel_starts(d, "aux") && lemma_in_list(d, DEONTIC)) return 'c';
        /* "than in protecting", "rather than attack": a comparison */
        if (rel_is(d, "mark") && (lemma_is(d, "if") || lemma_is(d, "unless") ||
                                  lemma_is(d, "whether") || lemma_is(d, "than")))
            return 'c';
    }
    /* "accuses X of killing, looting and displacing civilians" with the
     * last gerund parsed as a conjunct of "accuses": a bare gerund does
     * not coordinate with a finite verb; it belongs to the list under it */
    if (rel_is(&c->t[v], "conj") && c->t[v].head >= 0 && is_gerund(&c->t[v]) &&
        !is_gerund(&c->t[c->t[v].head]) &&
        is_verbal(&c->t[c->t[v].head]) && child_rel(c, v, "nsubj") < 0 &&
        child_rel(c, v, "aux") < 0)
        return 'c';
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
            mode = mode ? mode : 'h';   /* a possibility: not asserted */
    }
    int x = v;
    for (int depth = 0; depth < 4 && x >= 0; depth++) {
        const dyad_token *tx = &c->t[x];
        int h = tx->head;
        if (h < 0) break;
        /* a gerund or clause as subject ("talking now is out of the
         * question") is not asserted */
        if (rel_starts(tx, "csubj")) return 'c';
        if (!rel_is(tx, "acl:relcl") && wh_question(c, x)) return 'c';
        int nm = noun_clause_modality(c, x, mhead);
        if (nm >= 0) return nm;
        if (unasserted_clause(c, x)) return 'c';
        /* purpose and manner clauses share the modality of their head:
         * "must ease controls to allow ...", "should respond by
         * committing ..." */
        if (purpose_clause(c, x)) return 'c';
        if (rel_is(tx, "advcl") && (has_case_word(c, x, "to") || has_case_word(c, x, "by")) &&
            !lemma_in_list(&c->t[h], INTENT_HEADS)) {
            int m2;
            int hm = modality(c, h, &m2);
            if (hm == 'n' || hm == 'c') return hm;
        }
        if ((rel_is(tx, "advcl") || rel_starts(tx, "acl") || rel_is(tx, "xcomp") ||
             rel_is(tx, "ccomp")) && !rel_is(tx, "acl:relcl") &&
            lemma_in_list(&c->t[h], ALLEGATION_HEADS) &&
            (has_case_word(c, x, "of") || has_case_word(c, x, "for")))
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
        /* "expects Y to deny", "wants Y to leave": the wish of another
         * actor about Y, not Y's intent */
        if (xc && lemma_in_list(th, INTENT_HEADS) && child_rel(c, h, "obj") >= 0 &&
            child_rel(c, h, "obj") < x)
            return 'c';
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
            /* "X is not permitted to travel": the refusal is the permission
             * giver's, not X's */
            if (hm == 'n' && lemma_in_list(th, PERMIT_HEADS) && is_passive(c, h)) return 'c';
            if (hm == 'n' || hm == 'c' || hm == 'r') {
                *mhead = m2 >= 0 ? m2 : h;
                return hm;
            }
            /* "hopes to see / make Y do": another actor's intent about Y */
            if (hm == 'i' && child_rel(c, h, "obj") >= 0 && child_rel(c, h, "obj") < x &&
                lemma_in_list(th, OBJ_CONTROL))
                return 'c';
        }
        x = h;
        if (rel_is(tx, "ccomp")) break;
    }
    return mode == 'h' ? 'c' : mode;
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
        /* under an oblique only through a quantity noun ("with a wave of
         * strikes"), not "at the end of a strike" */
        bool via = rel_starts(&c->t[hh], "obj") || rel_is(&c->t[hh], "xcomp") ||
                   (rel_starts(&c->t[hh], "obl") && lemma_in_list(&c->t[hh], QUANTITY_NOUNS));
        if (via &&
            (rel_starts(&c->t[k], "nmod") || rel_is(&c->t[k], "compound") ||
             rel_is(&c->t[k], "conj")) && lemma_in(&c->t[k], a))
            return k;
    }
    return -1;
}

static bool has_coded(const sctx *c, int tok);

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
        if (s->clause) {     /* "S claim that T": the clause's subject only */
            int cc = child_rel(c, head, "ccomp");
            if (cc >= 0) r = is_verbal(&c->t[cc]) ? child_rel(c, cc, "nsubj") : cc;
            break;
        }
        if (head == trig && is_passive(c, head) && !p->nominal)
            r = child_rel(c, head, "nsubj:pass");
        /* "soldiers attacked by X": the noun of a passive participle */
        if (r < 0 && head == trig && !p->nominal && rel_is(&c->t[trig], "acl") &&
            passive_participle(c, trig))
            r = c->t[trig].head;
        if (r < 0) r = child_rel(c, head, "obj");
        if (r >= 0 && is_temporal(c, r)) {         /* "demanded Friday that" */
            int r2 = -1;                           /* "rejected Friday a plan" */
            for (int k = r + 1; k < c->n && r2 < 0; k++)
                if (c->t[k].head == head && rel_is(&c->t[k], "obj")) r2 = k;
            r = r2;
        }
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
        /* "withdrawal of forces from T": the phrase hangs one level down */
        for (int k = 0; r < 0 && p->nominal && k < c->n; k++)
            if (c->t[k].head == head && k != src && rel_starts(&c->t[k], "nmod") &&
                has_case_word(c, k, "of"))
                r = find_prep(c, k, &s->preps, src);
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
        /* "an appeal from X", "the offer by X" for "X's appeal" */
        for (int k = 0; noun >= 0 && r < 0 && k < c->n; k++)
            if (c->t[k].head == noun && rel_starts(&c->t[k], "nmod") &&
                (has_case_word(c, k, "from") || has_case_word(c, k, "by")) && has_coded(c, k))
                r = k;
        for (int k = noun + 1; noun >= 0 && r < 0 && k < c->n; k++)   /* attached to the verb */
            if (c->t[k].head == head && rel_starts(&c->t[k], "obl") &&
                (has_case_word(c, k, "from") || has_case_word(c, k, "by")) && has_coded(c, k))
                r = k;
        /* "French mediation" for "France's mediation" */
        for (int k = 0; noun >= 0 && r < 0 && k < c->n; k++)
            if (c->t[k].head == noun && (rel_is(&c->t[k], "amod") || rel_is(&c->t[k], "compound")) &&
                has_coded(c, k))
                r = k;
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
        /* "forced X out of the country": the particle opens an oblique,
         * followed there by the preposition proper */
        for (int k = 0; k + 1 < c->n && !ok; k++) {
            int h = c->t[k].head;
            if (h >= 0 && c->t[h].head == trig && rel_starts(&c->t[h], "obl") &&
                rel_is(&c->t[k], "case") && lemma_in(&c->t[k], &p->particle) &&
                c->t[k + 1].head == h && rel_is(&c->t[k + 1], "case"))
                ok = true;
        }
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
        /* "allow families who fled the war to come back": the infinitive
         * misattached to the relative clause of the object */
        for (int j = 0; j < c->n && found < 0; j++) {
            if (!lemma_in(&c->t[j], &p->chain[k]) || !has_case_word(c, j, "to") ||
                !(rel_is(&c->t[j], "advcl") || rel_is(&c->t[j], "acl")))
                continue;
            /* an ancestor within three steps is the object's relative clause */
            for (int r = c->t[j].head, steps = 0; r >= 0 && steps < 3; r = c->t[r].head, steps++)
                if (rel_is(&c->t[r], "acl:relcl") && c->t[r].head >= 0 &&
                    c->t[c->t[r].head].head == h && rel_is(&c->t[c->t[r].head], "obj") && j > r) {
                    found = j;
                    break;
                }
        }
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
    /* "Chilean and Peruvian ships": the first adjective of coordinated
     * national adjectives */
    for (int k = 0; k < c->n && nt < 16; k++)
        if (c->t[k].head == tok && rel_is(&c->t[k], "amod") && child_rel(c, k, "conj") >= 0)
            toks[nt++] = k;
    /* "leader X and President Y" with the conjunct under the name */
    for (int k = 0; k < c->n && nt < 16; k++) {
        int h = c->t[k].head;
        if (h < 0 || c->t[h].head != tok || !rel_is(&c->t[k], "conj") || !is_nominal(&c->t[k]))
            continue;
        if (rel_is(&c->t[h], "appos") || rel_is(&c->t[h], "flat")) toks[nt++] = k;
    }
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


/* match.pat of events coded by the coder's own rules */
#define RULE_DEONTIC (-1)
#define RULE_AGREED_CLAUSE (-2)
#define RULE_REJECTION_IDIOM (-3)

static bool same_event(const dyad_event *a, const dyad_event *b) {
    return a->sent == b->sent && strcmp(a->cameo, b->cameo) == 0 &&
           a->source == b->source && a->target == b->target;
}

static int emit(const sctx *c, ev_event_vec *ev, const ev_code *code, const match *m,
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
    else if (m->pat == RULE_AGREED_CLAUSE)
        snprintf(rule, sizeof rule, "coder:agreed-clause");
    else if (m->pat == RULE_REJECTION_IDIOM)
        snprintf(rule, sizeof rule, "coder:rejection-idiom");
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

static bool has_coded(const sctx *c, int tok) {
    int tmp[16];
    return tok >= 0 && coded_mentions(c, tok, tmp, 16) > 0;
}

static bool is_plural(const dyad_token *t) {
    if ((t->feats & DYAD_F_NUM_PLUR) || lemma_is(t, "people")) return true;
    if (t->xpos && (strcmp(t->xpos, "NNS") == 0 || strcmp(t->xpos, "NNPS") == 0)) return true;
    /* no tag: an -s form of another lemma ("soldiers/soldier") */
    size_t n = t->form ? strlen(t->form) : 0;
    return n > 1 && t->lemma && (t->form[n - 1] == 's' || t->form[n - 1] == 'S') &&
           dyad_strcasecmp_ascii(t->form, t->lemma) != 0;
}

/* "a first batch of troops", "a handful of protesters": a noun with an
 * indefinite article whose of-phrase is plural people or forces names a
 * part of them, whatever the noun. */
static bool partitive(const sctx *c, int tok) {
    int det = child_rel(c, tok, "det");
    if (det < 0 || !(lemma_is(&c->t[det], "a") || lemma_is(&c->t[det], "an"))) return false;
    for (int k = 0; k < c->n; k++) {
        const dyad_token *d = &c->t[k];
        if (d->head == tok && rel_starts(d, "nmod") && has_case_word(c, k, "of") &&
            is_plural(d) &&
            (lemma_in_list(d, PEOPLE_NOUNS) || lemma_in_list(d, FORCE_NOUNS)))
            return true;
    }
    return false;
}

/* The token that stands for the actor of tok when tok itself has no coded
 * mention; -1 when none.  Sources: group nouns only.  Targets: also the
 * actor a thing belongs to or is done by ("a camp for X refugees", "X's
 * border", "Israeli raids"). */
static int stand_in(const sctx *c, int tok, bool target) {
    if (tok < 0) return -1;
    const dyad_token *t = &c->t[tok];
    /* "from neighboring X" with the participle parsed as a clause head */
    if (is_verbal(t) && t->xpos && strcmp(t->xpos, "VBG") == 0 &&
        (rel_is(t, "advcl") || rel_starts(t, "acl")) && child_rel(c, tok, "nsubj") < 0) {
        int o = child_rel(c, tok, "obj");
        if (has_coded(c, o)) return o;
    }
    /* "X announced that he will ...": an unresolved pronoun subject of a
     * reported clause is the reporter */
    if (!target && t->upos == DYAD_PRON && lemma_in_list(t, PERSONAL_PRONOUNS) &&
        rel_starts(t, "nsubj")) {
        int v = t->head;
        int h = v >= 0 && rel_is(&c->t[v], "ccomp") ? c->t[v].head : -1;
        if (h >= 0 && lemma_in_list(&c->t[h], SPEECH_VERBS)) {
            int r = subject_of(c, h, 0);
            if (has_coded(c, r)) return r;
            if (r >= 0 && r != tok && c->t[r].upos != DYAD_PRON) return stand_in(c, r, false);
        }
        return -1;
    }
    if (!is_nominal(t)) return -1;
    /* "X, the UN relief coordinator, demanded": the coded apposition */
    int ap = child_rel(c, tok, "appos");
    if (ap >= 0 && has_coded(c, ap)) return ap;
    bool group = lemma_in_list(t, GROUP_NOUNS) || t->upos == DYAD_NUM || partitive(c, tok);
    /* "the X Association officials demanded" with the organisation parsed
     * as the root and the verb hanging from it */
    if (group && rel_starts(t, "nsubj") && t->head >= 0) {
        int v = t->head, h = c->t[v].head;
        if (h >= 0 && h < tok && (rel_is(&c->t[v], "dep") || rel_is(&c->t[v], "parataxis")) &&
            is_nominal(&c->t[h]) && has_coded(c, h))
            return h;
    }
    /* "workers affiliated with X" with "affiliated" parsed as the verb */
    if (group && rel_starts(t, "nsubj") && t->head >= 0 && lemma_in_list(&c->t[t->head], AFFILIATION))
        for (int q = 0; q < c->n; q++)
            if (c->t[q].head == t->head && rel_starts(&c->t[q], "obl") && has_coded(c, q)) return q;
    bool org = lemma_in_list(t, ORG_NOUNS);
    if (!group && !org && !target) return -1;
    int p = child_rel(c, tok, "nmod:poss");
    if (has_coded(c, p)) return p;
    for (int k = 0; k < c->n; k++) {
        const dyad_token *d = &c->t[k];
        if (d->head != tok) continue;
        if (rel_starts(d, "nmod") && !rel_is(d, "nmod:poss") &&
            (has_case_word(c, k, "of") || has_case_word(c, k, "from") ||
             has_case_word(c, k, "within") || has_case_word(c, k, "among") ||
             (target && (has_case_word(c, k, "for") || has_case_word(c, k, "by")))) &&
            has_coded(c, k))
            return k;
        if (rel_starts(d, "acl") && lemma_in_list(d, AFFILIATION))
            for (int q = 0; q < c->n; q++)
                if (c->t[q].head == k && rel_starts(&c->t[q], "obl") && has_coded(c, q)) return q;
        if ((target || org) && (rel_is(d, "amod") || rel_is(d, "compound")) && has_coded(c, k))
            return k;
        /* "its demand that X withdraw": whom a demand is addressed to */
        if (target && (rel_starts(d, "acl") || rel_is(d, "ccomp")) && !rel_is(d, "acl:relcl") &&
            lemma_in_list(t, DIRECTIVE_NOUNS) && has_case_word(c, k, "that") &&
            has_coded(c, child_rel(c, k, "nsubj")))
            return child_rel(c, k, "nsubj");
        /* "an EU appeal" with the owner misparsed as subject */
        if (target && rel_is(d, "nsubj") && k < tok && has_coded(c, k)) return k;
    }
    return -1;
}

/* When the pattern's frame gave no actor target, the trigger's other
 * dependents may name it: indirect object, object, the subject of a
 * complement clause ("demanded that Y cancel"), a to/against/with/on
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
    /* "threatened to stop talks if Y goes ahead": the
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
    /* purpose: "fired tear gas to scatter X", "began a strike to protest X's
     * decision", "sent arms to help defend X": the purpose clause's object */
    for (int k = 0; k < c->n && nc < 14; k++) {
        int h = c->t[k].head;
        bool purpose = h == trig && rel_is(&c->t[k], "advcl");
        /* "began a sweep to drive out X" */
        purpose |= h >= 0 && h == obj && rel_is(&c->t[k], "acl");
        if (!purpose || !has_case_word(c, k, "to")) continue;
        for (int depth = 0, v = k; depth < 3 && v >= 0 && nc < 14; depth++) {
            int o = child_rel(c, v, "obj");
            if (o >= 0) {
                cands[nc++] = o;
                int si = stand_in(c, o, true);
                if (si >= 0 && nc < 14) cands[nc++] = si;
                break;
            }
            v = child_rel(c, v, "xcomp");     /* "to help defend X" */
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

/* Lemmas of inflected verbs the lemmatizer got wrong: a doubled final
 * consonant kept ("signall" for "signalled") or an "e" added ("riote" for
 * "rioted").  Tried only when the lemma triggers nothing. */
static void repair_lemma(const dyad_token *t, char *out, size_t size) {
    out[0] = 0;
    size_t n = strlen(t->lemma);
    const char *f = t->form ? t->form : "";
    size_t fn = strlen(f);
    bool inflected = (fn > 2 && strcmp(f + fn - 2, "ed") == 0) ||
                     (fn > 3 && strcmp(f + fn - 3, "ing") == 0);
    if (!inflected || n < 4 || n + 1 > size) return;
    memcpy(out, t->lemma, n + 1);
    for (size_t i = 0; i < n; i++) out[i] = (char)tolower((unsigned char)out[i]);
    if (out[n - 1] == out[n - 2] && strchr("lnprt", out[n - 1])) out[n - 1] = 0;
    else if (out[n - 1] == 'e') out[n - 1] = 0;
    else if (n + 2 <= size && strchr("cdgsvz", out[n - 1])) {
        out[n] = 'e';     /* "conced" for "conceded" */
        out[n + 1] = 0;
    } else out[0] = 0;
}

static const ev_index_entry *lookup_repaired(const ev_lexicon *lx, const dyad_token *t) {
    char buf[64];
    repair_lemma(t, buf, sizeof buf);
    return buf[0] ? ev_lexicon_lookup(lx, buf) : NULL;
}

/* "call" that names rather than phones or appeals: "what it called a
 * victory", "called the plan a disgrace", "the so-called line". */
static bool naming_call(const sctx *c, int v) {
    if (!lemma_is(&c->t[v], "call")) return false;
    if (v > 0 && (lemma_is(&c->t[v - 1], "so") ||
                  (c->t[v - 1].form && strcmp(c->t[v - 1].form, "-") == 0)))
        return true;
    int nobj = 0;
    for (int k = 0; k < c->n; k++) {
        const dyad_token *d = &c->t[k];
        if (d->head != v) continue;
        if (rel_is(d, "xcomp") && !has_case_word(c, k, "to")) return true;
        if (rel_is(d, "obj") || rel_is(d, "iobj")) {
            nobj++;
            if (lemma_in_list(d, NAMING_WH)) return true;
            /* "calls X 'a dear friend'" with the name parsed as apposition */
            int ap = child_rel(c, k, "appos");
            if (ap >= 0 && c->t[ap].upos == DYAD_NOUN) return true;
        }
        if (rel_starts(d, "nsubj") && lemma_in_list(d, NAMING_WH)) return true;
    }
    if (rel_is(&c->t[v], "acl:relcl") && c->t[v].head >= 0 &&
        lemma_in_list(&c->t[c->t[v].head], NAMING_WH))
        return true;
    return nobj >= 2;
}

/* Other senses of frame verbs, told by their dependents: "demonstrates a
 * disregard" (no protest), "submitted documents to" and "yielded results"
 * (no yielding), "hope to see X come" (no meeting). */
static bool other_sense(const sctx *c, int v, const ev_code *code) {
    const dyad_token *t = &c->t[v];
    if (!is_verbal(t)) return false;
    bool obj = child_rel(c, v, "obj") >= 0 && !has_coded(c, child_rel(c, v, "obj"));
    if (!strncmp(code->code, "14", 2) && lemma_in_list(t, SHOW_VERBS) && obj) return true;
    if (!strncmp(code->code, "08", 2) && lemma_in_list(t, YIELD_VERBS) && obj) return true;
    if (lemma_in_list(t, PERCEPTION_VERBS) &&
        (child_rel(c, v, "xcomp") >= 0 || child_rel(c, v, "ccomp") >= 0))
        return true;
    /* "received an award from X", "sees the need to", "does not recognise
     * the results as valid": meeting and recognition verbs with a thing */
    if ((!strncmp(code->code, "04", 2) || !strncmp(code->code, "05", 2)) &&
        lemma_in_list(t, ACTOR_OBJECT_VERBS) && obj && c->t[child_rel(c, v, "obj")].upos == DYAD_NOUN)
        return true;
    return false;
}

static bool background_noun(const sctx *c, int noun) {
    if (!rel_starts(&c->t[noun], "obl") && !rel_starts(&c->t[noun], "nmod")) return false;
    for (int k = 0; k < c->n; k++)
        if (c->t[k].head == noun && rel_is(&c->t[k], "case") &&
            lemma_in_list(&c->t[k], BACKGROUND_PREPS))
            return true;
    return false;
}

/* "demanded the resignation of X", "called for the withdrawal": a nominal
 * event that is the object of a directive verb has not happened. */
static bool requested_noun(const sctx *c, int noun) {
    int h = c->t[noun].head;
    if (h < 0 || !is_verbal(&c->t[h]) || !lemma_in_list(&c->t[h], IRREALIS_HEADS)) return false;
    return rel_is(&c->t[noun], "obj") || rel_starts(&c->t[noun], "obl");
}

static bool own_agency(const sctx *c, int s, int t) {
    const dyad_mention *a = &c->doc->mentions[s], *b = &c->doc->mentions[t];
    if (!a->country[0] || strcmp(a->country, b->country) != 0) return false;
    if (strcmp(a->country, "IGO") == 0 || strcmp(a->country, "NGO") == 0) return false;
    const char *other = !a->sector[0] ? b->sector : !b->sector[0] ? a->sector : NULL;
    if (!other) return false;
    for (int i = 0; STATE_SECTORS[i]; i++)
        if (strcmp(other, STATE_SECTORS[i]) == 0) return true;
    return false;
}

/* "both governments", "the two sides": the two countries the document is
 * about so far (the most mentioned ones up to this sentence), each by its
 * latest mention, a government one when there is one.  Fills out[0..2);
 * returns 2, or 0 when tok is no such pair or the document has no two
 * countries. */
static int pair_mentions(const sctx *c, int tok, int *out) {
    if (tok < 0 || !lemma_in_list(&c->t[tok], PAIR_NOUNS)) return 0;
    bool pair = false;
    for (int k = 0; k < c->n; k++)
        if (c->t[k].head == tok && ((rel_is(&c->t[k], "det") && lemma_is(&c->t[k], "both")) ||
                                    (rel_is(&c->t[k], "nummod") && lemma_is(&c->t[k], "two"))))
            pair = true;
    if (!pair) return 0;
    char cc[32][4];
    int cnt[32], ncc = 0;
    for (size_t m = 0; m < c->doc->nmentions; m++) {
        const dyad_mention *mm = &c->doc->mentions[m];
        if (mm->sent > c->si || !coded(c->doc, (int)m) || !mm->country[0] ||
            strcmp(mm->country, "IGO") == 0 || strcmp(mm->country, "NGO") == 0)
            continue;
        int i = 0;
        while (i < ncc && strcmp(cc[i], mm->country) != 0) i++;
        if (i == ncc) {
            if (ncc == 32) continue;
            snprintf(cc[ncc], sizeof cc[ncc], "%s", mm->country);
            cnt[ncc++] = 0;
        }
        cnt[i]++;
    }
    int a = -1, b = -1;
    for (int i = 0; i < ncc; i++) {
        if (a < 0 || cnt[i] > cnt[a]) {
            b = a;
            a = i;
        } else if (b < 0 || cnt[i] > cnt[b]) {
            b = i;
        }
    }
    if (a < 0 || b < 0) return 0;
    int pick[2] = {a, b};
    for (int j = 0; j < 2; j++) {
        out[j] = -1;
        for (size_t m = 0; m < c->doc->nmentions; m++) {
            const dyad_mention *mm = &c->doc->mentions[m];
            if (mm->sent > c->si || !coded(c->doc, (int)m) || strcmp(mm->country, cc[pick[j]]) != 0)
                continue;
            if (out[j] < 0 || strcmp(mm->sector, "GOV") == 0 ||
                strcmp(c->doc->mentions[out[j]].sector, "GOV") != 0)
                out[j] = (int)m;
        }
        if (out[j] < 0) return 0;
    }
    return 2;
}

/* Protesters with no actor of their own ("thousands of people marched in
 * X", "demonstrators protesting in X") are coded by the place of the
 * protest, as event data usually does: the coded "in" phrase of the
 * trigger.  Returns that token or -1. */
static int protest_place(const sctx *c, int trig, int src) {
    if (src < 0 || !is_nominal(&c->t[src])) return -1;
    bool people = lemma_in_list(&c->t[src], PEOPLE_NOUNS);
    /* "hundreds of thousands of people": follow the of-chain */
    for (int x = src, steps = 0; !people && steps < 3 && lemma_in_list(&c->t[x], GROUP_NOUNS); steps++) {
        int n = -1;
        for (int k = 0; k < c->n && n < 0; k++)
            if (c->t[k].head == x && rel_starts(&c->t[k], "nmod") && has_case_word(c, k, "of")) n = k;
        if (n < 0) break;
        x = n;
        people = lemma_in_list(&c->t[x], PEOPLE_NOUNS);
    }
    if (!people) return -1;
    for (int k = 0; k < c->n; k++)
        if (c->t[k].head == trig && rel_starts(&c->t[k], "obl") && has_case_word(c, k, "in") &&
            has_coded(c, k))
            return k;
    return -1;
}

/* Visits (042 make, 043 host) are travel of states and organisations:
 * returning home or travelling inside one's own country, private
 * travellers (civilians, refugees), a pronoun "it" (vessels, "when it
 * comes to") and troops are no visits; peacekeepers arriving are a
 * peacekeeping deployment (074).  Returns the code to use or NULL. */
static const ev_code *visit_code(const sctx *c, const ev_code *code, int s, int t) {
    const dyad_mention *ms = s >= 0 ? &c->doc->mentions[s] : NULL;
    /* civilians and refugees entering a country do not occupy it */
    if (ms && strcmp(code->code, "192") == 0 &&
        (strcmp(ms->sector, "CVL") == 0 || strcmp(ms->sector, "REF") == 0))
        return NULL;
    if (strcmp(code->code, "042") != 0 && strcmp(code->code, "043") != 0) return code;
    if (!ms) return code;
    if (t >= 0 && ms->country[0] && strcmp(ms->country, c->doc->mentions[t].country) == 0)
        return NULL;
    if (strcmp(ms->sector, "CVL") == 0 || strcmp(ms->sector, "REF") == 0) return NULL;
    const dyad_token *h = &c->t[ms->head];
    if (lemma_is(h, "it")) return NULL;
    bool pk = lemma_in_list(h, PEACEKEEPER_NOUNS);
    for (int k = 0; k < c->n && !pk; k++)     /* "peacekeeping troops" */
        pk = c->t[k].head == (int)ms->head && lemma_is(&c->t[k], "peacekeeping");
    if (pk) {
        int ci = ev_lexicon_code(c->lx, "074");
        return ci >= 0 ? &c->lx->codes.items[ci] : NULL;
    }
    if (lemma_in_list(h, FORCE_NOUNS)) return NULL;
    return code;
}

/* Withheld comment is no rejection: "refused to comment", "declined to
 * comment", "ignored requests for comment"; a bare "declined" is a
 * decrease or a withheld answer. */
static bool withheld_comment(const sctx *c, int v) {
    if (!lemma_in_list(&c->t[v], WITHHOLD_VERBS)) return false;
    /* "the population continued to decline": only "declined to V" or
     * "declined an offer" refuse */
    if (lemma_is(&c->t[v], "decline") && child_rel(c, v, "xcomp") < 0 && child_rel(c, v, "obj") < 0)
        return true;
    bool compl = false;
    for (int k = 0; k < c->n; k++) {
        const dyad_token *d = &c->t[k];
        if (d->head != v) continue;
        if (rel_is(d, "xcomp") || rel_is(d, "advcl") || rel_is(d, "ccomp")) {
            /* "refused to respond to an ultimatum" is a rejection of it */
            if (rel_is(d, "xcomp") && lemma_in_list(d, COMMENT_WORDS) &&
                (lemma_is(d, "comment") || lemma_is(d, "elaborate") ||
                 (child_rel(c, k, "obj") < 0 && child_rel(c, k, "obl") < 0)))
                return true;
            compl = true;
        }
        if (rel_is(d, "obj") || rel_starts(d, "obl") || rel_is(d, "nsubj:pass")) {
            compl = true;
            /* "requests for comment", "comment requests" */
            if (lemma_in_list(d, COMMENT_WORDS)) return true;
            for (int q = 0; q < c->n; q++)
                if (c->t[q].head == k && lemma_in_list(&c->t[q], COMMENT_WORDS)) return true;
        }
    }
    return lemma_is(&c->t[v], "decline") && !compl;
}

/* The part of a hyphenated lemma before its first hyphen is in list. */
static bool first_part_in_list(const dyad_token *t, const char *const *list) {
    const char *dash = t->lemma ? strchr(t->lemma, '-') : NULL;
    if (!dash || dash == t->lemma) return false;
    size_t n = (size_t)(dash - t->lemma);
    for (int i = 0; list[i]; i++)
        if (strlen(list[i]) == n && strncasecmp(t->lemma, list[i], n) == 0) return true;
    return false;
}

/* Force verbs and nouns used figuratively: "tariff wars", "a trade
 * fight", "tariffs targeting X", "fighting for independence". */
static bool figurative_force(const sctx *c, int v) {
    const dyad_token *t = &c->t[v];
    if (!lemma_in_list(t, FORCE_WORDS)) return false;
    for (int k = 0; k < c->n; k++) {
        const dyad_token *d = &c->t[k];
        /* "trade war", also "trade-and-tariff war" by its first part */
        if (d->head == v && (rel_is(d, "compound") || rel_is(d, "amod")) &&
            (lemma_in_list(d, FIGURATIVE_WORDS) || first_part_in_list(d, FIGURATIVE_WORDS)))
            return true;
        /* "battled blazes", "fighting corruption": the object is not an actor */
        if (d->head == v && rel_is(d, "obj") && lemma_in_list(d, FIGURATIVE_WORDS)) return true;
    }
    /* "tariffs targeting X": a participle whose subject is a thing */
    if (is_verbal(t) && rel_starts(t, "acl") && t->head >= 0 && lemma_in_list(&c->t[t->head], THING_NOUNS))
        return true;
    int sj = child_rel(c, v, "nsubj");
    if (is_verbal(t) && sj >= 0 && lemma_in_list(&c->t[sj], THING_NOUNS)) return true;
    /* "fighting for independence": a cause, no enemy */
    if (is_verbal(t) && child_rel(c, v, "obj") < 0) {
        for (int k = 0; k < c->n; k++)
            if (c->t[k].head == v && rel_starts(&c->t[k], "obl") && has_case_word(c, k, "for") &&
                !has_coded(c, k))
                return true;
    }
    return false;
}

/* "X insists (that) it is ready for talks": insisting on a fact is a
 * statement, not a demand; "insists that Y must / should leave" and
 * "insists on" stay demands. */
static bool insisted_fact(const sctx *c, int v) {
    if (!lemma_is(&c->t[v], "insist")) return false;
    int cc = child_rel(c, v, "ccomp");
    if (cc < 0) return false;
    for (int k = 0; k < c->n; k++)
        if (c->t[k].head == cc && (rel_starts(&c->t[k], "aux") || rel_is(&c->t[k], "cop"))) {
            if (lemma_in_list(&c->t[k], DEONTIC)) return false;
            if (lemma_in_list(&c->t[k], FINITE_AUX)) return true;
        }
    return false;
}

/* The header of code, else of its root ("030" -> "03"); NULL when the
 * lexicon has neither. */
static const ev_code *code_or_root(const ev_lexicon *lx, const char *code) {
    int ci = ev_lexicon_code(lx, code);
    if (ci < 0) {
        char root[3];
        snprintf(root, sizeof root, "%.2s", code);
        ci = ev_lexicon_code(lx, root);
    }
    return ci >= 0 ? &lx->codes.items[ci] : NULL;
}

#define TRY_NEXT (-100)

/* Keeps the mentions among m[0..n) that have an actor code; returns how
 * many. */
static int keep_coded(const sctx *c, int *m, int n) {
    int k = 0;
    for (int i = 0; i < n; i++)
        if (coded(c->doc, m[i])) m[k++] = m[i];
    return k;
}

/* The source actors of token src (up to 16): its coded mentions, else a
 * stand-in actor (group nouns, reporters, appositions), for protests the
 * place, or the document's two sides ("both governments"). */
static int source_mentions(const sctx *c, const ev_code *code, int trig, int src, int *srcs) {
    int ns = keep_coded(c, srcs, mentions_for(c, src, srcs, 16));
    if (ns == 0) ns = coded_mentions(c, stand_in(c, src, false), srcs, 16);
    if (ns == 0 && atoi(code->root) == 14)
        ns = coded_mentions(c, protest_place(c, trig, src), srcs, 16);
    if (ns == 0) ns = pair_mentions(c, src, srcs);
    return ns;
}

/* The target actors of token tgt (up to 16): its coded mentions, else a
 * stand-in that is not of the sources' own side. */
static int target_mentions(const sctx *c, int tgt, const int *srcs, int ns, int *tgts) {
    int nt = keep_coded(c, tgts, mentions_for(c, tgt, tgts, 16));
    if (nt > 0) return nt;
    nt = coded_mentions(c, stand_in(c, tgt, true), tgts, 16);
    int k = 0;
    for (int i = 0; i < nt; i++) {
        bool own = false;
        for (int q = 0; q < ns; q++)
            own |= strcmp(c->doc->mentions[srcs[q]].code, c->doc->mentions[tgts[i]].code) == 0;
        if (!own) tgts[k++] = tgts[i];
    }
    return k;
}

/* Verbal conflict (09-13) is often about a proposition ("rejected the
 * plan", "demanded the withdrawal") and violence (18-20) may hit places
 * ("shelled the village"): their general frames keep an event whose
 * object is no actor; other general frames need an actor object ("saw
 * the film", "held a session" is no arrest). */
static bool thing_object_ok(int root) {
    return (root >= 9 && root <= 13) || (root >= 18 && root <= 20);
}

/* A general frame of code (the pattern's code after modality) whose object
 * obj has no actor: 1 to go on (fallback targets), 0 for no event,
 * TRY_NEXT for another reading of the trigger. */
static int thing_object(const sctx *c, const ev_pattern *p, const ev_code *code, int trig,
                        int obj) {
    /* a frame whose object must be the actor ("dismiss T from") met a
     * thing ("dismissed a plea from X"): another reading may fit */
    if (p->trail_prep.n && !p->notarget && !thing_object_ok(atoi(code->root))) return TRY_NEXT;
    /* occupying or blockading needs a place: "took steps", "took part",
     * "it will take time" */
    const char *pcode = c->lx->codes.items[p->code].code;
    if (!p->notarget && (strcmp(pcode, "191") == 0 || strcmp(pcode, "192") == 0) &&
        !lemma_in_list(&c->t[obj], PLACE_NOUNS) && c->t[obj].upos != DYAD_PROPN)
        return 0;
    /* "held a summit", "closed the session": coercion (17) is done to
     * people, places and things, not to gatherings */
    if (atoi(code->root) == 17 && lemma_in_list(&c->t[obj], GATHERING_NOUNS)) return 0;
    /* "to see who will ...": a question word is no partner to look for */
    if (lemma_in_list(&c->t[obj], QUESTION_WORDS) && !rel_is(&c->t[trig], "acl:relcl")) return 0;
    return 1;
}

/* A material act (cooperation, aid, coercion, force: roots 06, 07, 17-20)
 * told in the simple present with no time of its own is a habit or a
 * general truth, not an event: "the ministry works with universities",
 * "the sector imports eggs".  Statements and stances in the present
 * ("supports the proposal", "denies the report") are events and stay, and
 * so are acts said to recur or to go on now ("routinely beat detainees"). */
static bool habitual(const sctx *c, int v, int root) {
    const dyad_token *tv = &c->t[v];
    if (!(root == 6 || root == 7 || (root >= 17 && root <= 20)) || !is_verbal(tv) || !tv->xpos ||
        (strcmp(tv->xpos, "VBZ") != 0 && strcmp(tv->xpos, "VBP") != 0))
        return false;
    for (int k = 0; k < c->n; k++)
        if (c->t[k].head == v && (rel_starts(&c->t[k], "aux") || rel_is(&c->t[k], "cop") ||
                                  is_temporal(c, k) || lemma_in_list(&c->t[k], REPEATED_ADVERBS)))
            return false;
    return true;
}

/* Officials of a state or an international body gathering or marching
 * ("military chiefs gathered in Paris", "troops marched") and a subject
 * that gathers others ("gathered 30 reporters in", where the frame has no
 * object) make no demonstration:
 * a general frame (no required words) of demonstration (140, 141) needs a
 * subject that takes to the street itself. */
static bool no_demonstration(const sctx *c, const ev_pattern *p, const ev_code *code, int trig,
                             const int *srcs, int ns) {
    if (strcmp(code->code, "140") != 0 && strcmp(code->code, "141") != 0) return false;
    if (p->nreqs || p->nchain || p->particle.n || !is_verbal(&c->t[trig])) return false;
    if (p->tgt.kind != EV_SLOT_OBJ && child_rel(c, trig, "obj") >= 0) return true;
    for (int i = 0; i < ns; i++) {
        const dyad_mention *m = &c->doc->mentions[srcs[i]];
        if (strcmp(m->country, "IGO") != 0 && !word_in_list(m->sector, OFFICIAL_SECTORS))
            return false;
    }
    return ns > 0;
}

/* Mentions m[0..n) without the news media: talking to or by a news
 * outlet ("spoke to VOA", "VOA spoke with X"; TALK_VERBS) is an interview, the
 * reporting itself, not a political statement (CAMEO 01).  Returns the
 * new count. */
static int drop_media(const sctx *c, int *m, int n) {
    int k = 0;
    for (int i = 0; i < n; i++)
        if (strcmp(c->doc->mentions[m[i]].sector, "MED") != 0) m[k++] = m[i];
    return k;
}

/* Every mention of m[0..n) is a person (resolved through the people of
 * the actor base). */
static bool all_persons(const sctx *c, const int *m, int n) {
    for (int i = 0; i < n; i++) {
        const char *how = c->doc->mentions[m[i]].how;
        if (!how || strncmp(how, "kb:person", 9) != 0) return false;
    }
    return n > 0;
}

/* consumed[] marks: the trigger's events are dropped (a modal head whose
 * complement was coded), or the trigger is the complement of a frame with
 * an xcomp chain and is not coded again, or the trigger coded such a
 * frame and keeps its events */
enum { DROPPED = 1, COVERED = 2, KEPT = 3 };
static int emit_match(const sctx *c, ev_event_vec *ev, int trig, const match *bm,
                      const char *docdate, uint32_t doc_issues, unsigned char *consumed);

/* Codes one trigger token; pushes events. */
static int code_trigger(const sctx *c, ev_event_vec *ev, int trig, const char *docdate,
                        uint32_t doc_issues, unsigned char *consumed) {
    const dyad_token *tt = &c->t[trig];
    const ev_index_entry *e = ev_lexicon_lookup(c->lx, tt->lemma ? tt->lemma : tt->form);
    if (!e && tt->form) e = ev_lexicon_lookup(c->lx, tt->form);
    if (!e && tt->lemma && is_verbal(tt)) e = lookup_repaired(c->lx, tt);
    if (!e && tt->lemma && strchr(tt->lemma, '-')) {
        char buf[64];
        size_t n = 0;
        for (const char *q = tt->lemma; *q && n + 1 < sizeof buf; q++)
            if (*q != '-') buf[n++] = *q;
        buf[n] = 0;
        e = ev_lexicon_lookup(c->lx, buf);
    }
    if (!e) return 0;
    /* the verb is the complement of a frame already coded ("tried to
     * assassinate", "agreed to cooperate"): that frame said it */
    if (consumed[trig] == COVERED) return 0;
    if (naming_call(c, trig)) return 0;
    /* "visiting minister", "ruling party": a participle used as adjective */
    if (rel_is(tt, "amod") && is_verbal(tt)) return 0;
    if (withheld_comment(c, trig) || figurative_force(c, trig) || insisted_fact(c, trig)) return 0;
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
static int emit_match(const sctx *c, ev_event_vec *ev, int trig, const match *bm,
                      const char *docdate, uint32_t doc_issues, unsigned char *consumed) {
    const dyad_token *tt = &c->t[trig];
    match best = *bm;
    const ev_pattern *p = &c->lx->pats.items[best.pat];
    const ev_code *code = &c->lx->codes.items[p->code];
    int mhead = -1;
    int mod = modality(c, is_verbal(tt) ? trig : clause_head(c, trig), &mhead);
    /* "would cut aid following the clash": an event named in a temporal or
     * causal adjunct happened; it does not take the clause's intent */
    if (mod == 'i' && !is_verbal(tt) && background_noun(c, trig)) {
        mod = 0;
        mhead = -1;
    }
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
    if (mod == 0 && habitual(c, trig, atoi(code->root))) return 0;
    if (!is_verbal(tt) && requested_noun(c, trig)) return 0;
    if (other_sense(c, trig, &c->lx->codes.items[p->code])) return TRY_NEXT;
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
        /* "plans to urge", "will criticise": CAMEO has no intent code for
         * speech acts (01, 02, 09-12); said in advance they have not
         * happened */
        else if (ic == code->code && (root <= 2 || (root >= 9 && root <= 12))) return 0;
        const ev_code *icode = strcmp(ic, code->code) != 0 ? code_or_root(c->lx, ic) : NULL;
        if (icode) code = icode;
        DYAD_UNUSED(root);
        consume = mhead;
    } else if (mod == 'r') {
        const char *rc = reject_code(code->code);
        if (!rc) return 0;
        code = code_or_root(c->lx, rc);     /* reject codes are all 12x */
        if (!code) return 0;
        negated = true;
        consume = mhead;
    }
    if (c->doc->nmentions == 0) return 0;
    int srcs[16], tgts[16];
    int ns = source_mentions(c, code, trig, best.src, srcs);
    if (ns == 0 && !p->nosource) return TRY_NEXT;
    if (no_demonstration(c, p, code, trig, srcs, ns)) return 0;
    int nt = target_mentions(c, best.tgt, srcs, ns, tgts);
    /* A general frame (no required words) whose object is not an actor is
     * usually not a political event ("saw the film", "treat them with
     * respect"): cooperation codes need an actor there; conflict codes
     * keep the event with no target. */
    bool general = p->nreqs == 0 && p->nchain == 0 && p->particle.n == 0;
    /* "threatened the country's stability": endangering a state of
     * affairs (even one of an actor) is no threat of action */
    if (general && best.tgt >= 0 && atoi(code->root) == 13 &&
        lemma_in_list(&c->t[best.tgt], STATE_OF_AFFAIRS_NOUNS))
        return 0;
    if (best.tgt >= 0 && nt == 0 && general) {
        int r = thing_object(c, p, code, trig, best.tgt);
        if (r != 1) return r;
    }
    if (nt == 0 && !p->recip) nt = fallback_targets(c, trig, srcs, ns, tgts, 16);
    int rootn = atoi(code->root);
    /* "the clash between President X and Prime Minister Y": two persons do
     * not fight a battle; a named fight between them is a quarrel */
    if (rootn == 19 && !is_verbal(tt) && nt > 0 && all_persons(c, srcs, ns) &&
        all_persons(c, tgts, nt))
        return 0;
    /* "detained 30": a number of people, coded without a target */
    bool counted = best.tgt >= 0 && rootn == 17 &&
                   (c->t[best.tgt].upos == DYAD_NUM || child_rel(c, best.tgt, "nummod") >= 0);
    if (best.tgt >= 0 && nt == 0 && general && !p->notarget && !counted &&
        !thing_object_ok(rootn))
        return 0;
    /* CAMEO 01 (statements) only with a target: "announced that ..." is
     * coded through its clause */
    if (strcmp(code->root, "01") == 0 && lemma_in_list(tt, TALK_VERBS)) {
        nt = drop_media(c, tgts, nt);
        if (drop_media(c, srcs, ns) == 0) return TRY_NEXT;
    }
    if (strcmp(code->root, "01") == 0 && nt == 0) return TRY_NEXT;
    /* a reciprocal frame needs a partner: "X argued" alone is no dispute */
    if (p->recip && nt == 0 && ns < 2) return TRY_NEXT;
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
            const ev_code *vc = visit_code(c, code, s, t);
            if (!vc) continue;
            /* a country paired with its own state agencies ("the Peruvian
             * government ... Peruvian exports") is one side, not a dyad: the
             * event keeps no target */
            if (s >= 0 && t >= 0 && own_agency(c, s, t)) t = -1;
            emit(c, ev, vc, &best, trig, s, t, negated, future, docdate, doc_issues, c->lx);
            /* peacekeepers arriving: the host receives them (0861) */
            if (vc != code && strcmp(vc->code, "074") == 0 && t >= 0 && mod == 0) {
                int hc = ev_lexicon_code(c->lx, "0861");
                if (hc >= 0)
                    emit(c, ev, &c->lx->codes.items[hc], &best, trig, t, s, negated, future,
                         docdate, doc_issues, c->lx);
            }
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
    if ((int)ev->len > before && consume >= 0 && !consumed[consume]) consumed[consume] = DROPPED;
    if ((int)ev->len > before && p->nchain > 0 && best.last > trig) {
        if (!consumed[best.last]) consumed[best.last] = COVERED;
        if (!consumed[trig]) consumed[trig] = KEPT;
    }
    /* only pairs of one side: another reading of the trigger may do better */
    if ((int)ev->len == before && ns > 0 && srcs[0] >= 0 && tgts[0] >= 0) return TRY_NEXT;
    return (int)ev->len - before;
}

/* Events of the coder's own rules from source mention s to each of
 * tgts[0..nt) with another actor code; returns how many were emitted. */
static int emit_to_others(const sctx *c, ev_event_vec *ev, const ev_code *code, const match *m,
                          int trig, int s, const int *tgts, int nt, bool negated, bool future,
                          const char *docdate, uint32_t doc_issues) {
    int n = 0;
    for (int j = 0; j < nt; j++)
        if (strcmp(c->doc->mentions[s].code, c->doc->mentions[tgts[j]].code) != 0) {
            emit(c, ev, code, m, trig, s, tgts[j], negated, future, docdate, doc_issues, c->lx);
            n++;
        }
    return n;
}

/* "X and Y agreed that they should cooperate": the agreement itself is an
 * intent to cooperate (CAMEO 030) of the agreeing side, towards the
 * "with" partner when there is one (coordinated sides code each other). */
static void code_agreed_clause(const sctx *c, ev_event_vec *ev, int h, const char *docdate,
                               uint32_t doc_issues) {
    int mh;
    int hm = modality(c, h, &mh);
    if (hm == 'n' || hm == 'c') return;
    const ev_code *code = code_or_root(c->lx, "030");
    if (!code) return;
    int srcs[16], tgts[16];
    int ns = coded_mentions(c, subject_of(c, h, 0), srcs, 16);
    if (ns == 0) ns = coded_mentions(c, stand_in(c, subject_of(c, h, 0), false), srcs, 16);
    ev_alts with = {(const char *[]){"with"}, 1};
    int nt = coded_mentions(c, find_prep(c, h, &with, -1), tgts, 16);
    match m = {RULE_AGREED_CLAUSE, -1, -1, -1, h};
    for (int i = 0; i < ns; i++) {
        if (nt == 0 && ns == 1)
            emit(c, ev, code, &m, h, srcs[i], -1, false, true, docdate, doc_issues, c->lx);
        /* with no partner, coordinated sides agree with each other */
        if (nt > 0)
            emit_to_others(c, ev, code, &m, h, srcs[i], tgts, nt, false, true, docdate,
                           doc_issues);
        else
            emit_to_others(c, ev, code, &m, h, srcs[i], srcs, ns, false, true, docdate,
                           doc_issues);
    }
}

/* "X said (that) talks with Y are out of the question / not an
 * option / off the table": X rejects (CAMEO 120) what the subject clause
 * proposes; the target is the first actor in that subject. */
static bool rejection_predicate(const sctx *c, int v) {
    const dyad_token *t = &c->t[v];
    /* ("unacceptable" judges what was done more often than it rejects) */
    if (lemma_is(t, "non-starter") || lemma_is(t, "nonstarter")) return true;
    if (lemma_is(t, "question")) return has_case_word(c, v, "out");
    if (lemma_is(t, "table")) return has_case_word(c, v, "off");
    if (lemma_is(t, "option"))
        for (int k = 0; k < c->n; k++)
            if (c->t[k].head == v && lemma_in_list(&c->t[k], NEG_WORDS)) return true;
    return false;
}

/* First coded actor in the subtree of tok, breadth first. */
static int first_actor_below(const sctx *c, int tok) {
    int queue[64], qn = 0;
    if (tok < 0) return -1;
    queue[qn++] = tok;
    for (int i = 0; i < qn; i++) {
        if (has_coded(c, queue[i]) && queue[i] != tok) return queue[i];
        for (int k = 0; k < c->n && qn < 64; k++)
            if (c->t[k].head == queue[i]) queue[qn++] = k;
    }
    return -1;
}

static void code_rejection_idiom(const sctx *c, ev_event_vec *ev, const char *docdate,
                                 uint32_t doc_issues) {
    const ev_code *code = code_or_root(c->lx, "120");
    if (!code) return;
    for (int v = 0; v < c->n; v++) {
        if (!rel_is(&c->t[v], "ccomp") || !rejection_predicate(c, v)) continue;
        int h = c->t[v].head;
        if (h < 0 || !lemma_in_list(&c->t[h], SPEECH_VERBS)) continue;
        int mh;
        int hm = modality(c, h, &mh);
        if (hm == 'n' || hm == 'c') continue;
        int subj = child_rel(c, v, "csubj");
        if (subj < 0) subj = child_rel(c, v, "nsubj");
        int srcs[16], tgts[16];
        int ns = coded_mentions(c, subject_of(c, h, 0), srcs, 16);
        int nt = coded_mentions(c, first_actor_below(c, subj), tgts, 16);
        match m = {RULE_REJECTION_IDIOM, -1, -1, -1, v};
        for (int i = 0; i < ns; i++)
            if (emit_to_others(c, ev, code, &m, v, srcs[i], tgts, nt, true, false, docdate,
                               doc_issues) == 0)
                emit(c, ev, code, &m, v, srcs[i], -1, true, false, docdate, doc_issues, c->lx);
    }
}

/* "X said (that) Y must/should VERB": X demands of Y (CAMEO 100, or the
 * root 10).  The obligation clause itself is not coded (modality). */
static void code_deontic(const sctx *c, ev_event_vec *ev, const char *docdate,
                         uint32_t doc_issues) {
    const ev_code *code = code_or_root(c->lx, "100");
    if (!code) return;
    for (int v = 0; v < c->n; v++) {
        bool content = rel_is(&c->t[v], "ccomp") ||
                       (rel_is(&c->t[v], "acl") && has_case_word(c, v, "that") &&
                        c->t[v].head >= 0 && lemma_in_list(&c->t[c->t[v].head], MESSAGE_NOUNS));
        if (!is_verbal(&c->t[v]) || !content) continue;
        bool deontic = false;
        for (int k = 0; k < c->n; k++)
            if (c->t[k].head == v && rel_starts(&c->t[k], "aux") &&
                lemma_in_list(&c->t[k], DEONTIC))
                deontic = true;
        int h = c->t[v].head;
        /* "issued a warning/reminder to X that it must ...": the clause of a
         * message noun belongs to the verb that conveys the message */
        if (deontic && h >= 0 && lemma_in_list(&c->t[h], MESSAGE_NOUNS) && c->t[h].head >= 0 &&
            rel_is(&c->t[h], "obj") && is_verbal(&c->t[c->t[h].head]))
            h = c->t[h].head;
        if (deontic && h >= 0 && lemma_in_list(&c->t[h], AGREE_CLAUSE_HEADS)) {
            code_agreed_clause(c, ev, h, docdate, doc_issues);
            continue;
        }
        if (!deontic || h < 0 ||
            !(lemma_in_list(&c->t[h], SPEECH_VERBS) || lemma_in_list(&c->t[h], MESSAGE_VERBS)))
            continue;
        int mh;
        int hm = modality(c, h, &mh);
        if (hm == 'n' || hm == 'c') continue;
        int srcs[16], tgts[16];
        int ns = coded_mentions(c, subject_of(c, h, 0), srcs, 16);
        int nt = coded_mentions(c, child_rel(c, v, "nsubj"), tgts, 16);
        match m = {-1, -1, -1, -1, h};
        for (int i = 0; i < ns; i++)
            emit_to_others(c, ev, code, &m, h, srcs[i], tgts, nt, false, false, docdate,
                           doc_issues);
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
    ev_event_vec ev = {0};
    const char *docdate = doc->date ? doc->date : fallback_date;
    uint32_t doc_issues = doc->nmentions ? document_issues(lx, doc) : 0;
    unsigned char *consumed = NULL;
    for (uint32_t si = 0; si < doc->nsentences; si++) {
        sctx c = {doc, lx, si, &doc->sentences[si], doc->tokens + doc->sentences[si].first,
                  (int)doc->sentences[si].ntokens, NULL};
        if (c.n == 0 || is_question(&c) || sentence_discarded(&c)) continue;
        ev_repair_sentence(doc, si);
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
        code_rejection_idiom(&c, &ev, docdate, doc_issues);
        while (trigs.len < ev.len - first_ev) DYAD_VEC_PUSH(trigs, -1);
        /* drop events of modal heads whose complement was coded as intent */
        size_t w = first_ev;
        for (size_t k = first_ev; k < ev.len; k++) {
            int tk = trigs.items[k - first_ev];
            if (tk >= 0 && consumed[tk] == DROPPED) continue;
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
    return ev_doc_set_events(doc, &ev);
}

int ev_doc_set_events(dyad_doc *doc, ev_event_vec *ev) {
    doc->events = NULL;
    doc->nevents = 0;
    if (ev->len) {
        doc->events = dyad_doc_alloc(doc, ev->len * sizeof *doc->events);
        if (!doc->events) {
            DYAD_VEC_FREE(*ev);
            return -1;
        }
        memcpy(doc->events, ev->items, ev->len * sizeof *doc->events);
        doc->nevents = ev->len;
    }
    DYAD_VEC_FREE(*ev);
    return 0;
}

int dyad_code_events(dyad_ctx *ctx, dyad_doc *doc) {
    ev_lexicon *lx = ev_ctx_lexicon(ctx);
    if (!lx) return -1;
    if (lx->petr_only)
        return ev_petr_code_doc(lx, dyad_kb_get(ctx), doc, ctx->date[0] ? ctx->date : NULL);
    return ev_code_doc(lx, doc, ctx->date[0] ? ctx->date : NULL);
}
