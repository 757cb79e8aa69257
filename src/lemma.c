/*
 * lemma.c -- lemmatizer: form + tag -> lemma and FEATS bits.
 *
 * 1. the lexicon learned from the treebanks: (exact form, tag), then
 *    (lowercase form, tag) -> most frequent lemma and FEATS (irregular
 *    forms such as met/meet, fled/flee come from here);
 * 2. punctuation, proper nouns, symbols, unknown words with digits and
 *    unknown capitalised adjectives (Colombian) keep their form;
 * 3. otherwise the suffix rules learned from the treebanks: the longest
 *    suffix of the lowercase form known for the tag gives "strip k bytes,
 *    append s" (studies -> study, stopped -> stop); FEATS are the tag's
 *    most frequent ones.
 * Past forms of English irregular verbs (a written table: fled -> flee,
 * sought -> seek) take precedence over the lexicon for VBD/VBN, which
 * guards against annotation slips in the treebanks.
 * Voice=Pass is not taken from here: the parser sets it (a participle with
 * an aux:pass dependent).
 */
#include "syntax.h"

typedef struct irregular {
    const char *form, *lemma;
} irregular;

/* Past tense and participle -> base form; sorted by form. */
static const irregular irregulars[] = {
    {"arisen", "arise"}, {"arose", "arise"}, {"ate", "eat"}, {"awoke", "awake"},
    {"awoken", "awake"}, {"beat", "beat"}, {"beaten", "beat"}, {"became", "become"},
    {"become", "become"}, {"been", "be"}, {"began", "begin"}, {"begun", "begin"},
    {"bent", "bend"}, {"bet", "bet"}, {"bid", "bid"}, {"bit", "bite"}, {"bitten", "bite"},
    {"bled", "bleed"}, {"blew", "blow"}, {"blown", "blow"}, {"bore", "bear"},
    {"borne", "bear"}, {"bought", "buy"}, {"bound", "bind"}, {"bred", "breed"},
    {"broadcast", "broadcast"}, {"broke", "break"}, {"broken", "break"},
    {"brought", "bring"}, {"built", "build"}, {"burnt", "burn"}, {"came", "come"},
    {"caught", "catch"}, {"chose", "choose"}, {"chosen", "choose"}, {"clung", "cling"},
    {"come", "come"}, {"cost", "cost"}, {"crept", "creep"}, {"cut", "cut"},
    {"dealt", "deal"}, {"did", "do"}, {"done", "do"}, {"drank", "drink"},
    {"drawn", "draw"}, {"drew", "draw"}, {"driven", "drive"}, {"drove", "drive"},
    {"drunk", "drink"}, {"dug", "dig"}, {"eaten", "eat"}, {"fallen", "fall"},
    {"fed", "feed"}, {"fell", "fall"}, {"felt", "feel"}, {"fled", "flee"},
    {"flew", "fly"}, {"flown", "fly"}, {"flung", "fling"}, {"forbade", "forbid"},
    {"forbidden", "forbid"}, {"forecast", "forecast"}, {"foresaw", "foresee"},
    {"foreseen", "foresee"}, {"forgave", "forgive"}, {"forgiven", "forgive"},
    {"forgot", "forget"}, {"forgotten", "forget"}, {"fought", "fight"}, {"found", "find"},
    {"froze", "freeze"}, {"frozen", "freeze"}, {"gave", "give"}, {"given", "give"},
    {"gone", "go"}, {"got", "get"}, {"gotten", "get"}, {"grew", "grow"},
    {"ground", "grind"}, {"grown", "grow"}, {"had", "have"}, {"heard", "hear"},
    {"held", "hold"}, {"hid", "hide"}, {"hidden", "hide"}, {"hit", "hit"},
    {"hung", "hang"}, {"hurt", "hurt"}, {"kept", "keep"}, {"knew", "know"},
    {"known", "know"}, {"laid", "lay"}, {"lain", "lie"}, {"lay", "lie"},
    {"leant", "lean"}, {"led", "lead"}, {"left", "leave"}, {"lent", "lend"},
    {"let", "let"}, {"lit", "light"}, {"lost", "lose"}, {"made", "make"},
    {"meant", "mean"}, {"met", "meet"}, {"misled", "mislead"}, {"overcame", "overcome"},
    {"overcome", "overcome"}, {"overthrew", "overthrow"}, {"overthrown", "overthrow"},
    {"paid", "pay"}, {"proved", "prove"}, {"proven", "prove"}, {"put", "put"},
    {"quit", "quit"}, {"ran", "run"}, {"rang", "ring"}, {"read", "read"},
    {"rebuilt", "rebuild"}, {"rid", "rid"}, {"ridden", "ride"}, {"risen", "rise"},
    {"rode", "ride"}, {"rose", "rise"}, {"run", "run"}, {"rung", "ring"}, {"said", "say"},
    {"sang", "sing"}, {"sank", "sink"}, {"sat", "sit"}, {"saw", "see"}, {"seen", "see"},
    {"sent", "send"}, {"set", "set"}, {"shaken", "shake"}, {"shed", "shed"},
    {"shone", "shine"}, {"shook", "shake"}, {"shot", "shoot"}, {"showed", "show"},
    {"shown", "show"}, {"shrank", "shrink"}, {"shrunk", "shrink"}, {"shut", "shut"},
    {"slain", "slay"}, {"slept", "sleep"}, {"slew", "slay"}, {"slid", "slide"},
    {"sold", "sell"}, {"sought", "seek"}, {"sped", "speed"}, {"spent", "spend"},
    {"split", "split"}, {"spoke", "speak"}, {"spoken", "speak"}, {"sprang", "spring"},
    {"spread", "spread"}, {"sprung", "spring"}, {"spun", "spin"}, {"stole", "steal"},
    {"stolen", "steal"}, {"stood", "stand"}, {"stridden", "stride"},
    {"striven", "strive"}, {"strode", "stride"}, {"strove", "strive"},
    {"struck", "strike"}, {"stuck", "stick"}, {"stung", "sting"}, {"sung", "sing"},
    {"sunk", "sink"}, {"swam", "swim"}, {"swept", "sweep"}, {"swore", "swear"},
    {"sworn", "swear"}, {"swum", "swim"}, {"swung", "swing"}, {"taken", "take"},
    {"taught", "teach"}, {"thought", "think"}, {"threw", "throw"}, {"thrown", "throw"},
    {"thrust", "thrust"}, {"told", "tell"}, {"took", "take"}, {"tore", "tear"},
    {"torn", "tear"}, {"trod", "tread"}, {"trodden", "tread"}, {"undergone", "undergo"},
    {"understood", "understand"}, {"undertaken", "undertake"}, {"undertook", "undertake"},
    {"underwent", "undergo"}, {"upheld", "uphold"}, {"upset", "upset"}, {"was", "be"},
    {"went", "go"}, {"wept", "weep"}, {"were", "be"}, {"withdrawn", "withdraw"},
    {"withdrew", "withdraw"}, {"withheld", "withhold"}, {"withstood", "withstand"},
    {"woke", "wake"}, {"woken", "wake"}, {"won", "win"}, {"wore", "wear"},
    {"worn", "wear"}, {"wound", "wind"}, {"written", "write"}, {"wrote", "write"},
};

static const char *irregular_lemma(const char *low) {
    size_t lo = 0, hi = DYAD_ARRAY_LEN(irregulars);
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        int c = strcmp(low, irregulars[mid].form);
        if (c == 0) return irregulars[mid].lemma;
        if (c < 0) hi = mid;
        else lo = mid + 1;
    }
    return NULL;
}

static int is_past_verb(const dyad_model *m, int tag) {
    const char *x = m->tag_xpos[tag];
    int u = (int)m->tags[tag].upos;
    return (u == DYAD_VERB || u == DYAD_AUX) && (strcmp(x, "VBD") == 0 || strcmp(x, "VBN") == 0);
}

const char *syn_lemma(const dyad_model *m, dyad_doc *doc, const char *form, int tag,
                      uint32_t *feats) {
    char buf[256];
    int upos = (int)m->tags[tag].upos;
    if (upos == DYAD_PUNCT) {
        /* UD English: punctuation is its own lemma, curly double quotes
         * become straight ones */
        *feats = 0;
        if (strcmp(form, "\xe2\x80\x9c") == 0 || strcmp(form, "\xe2\x80\x9d") == 0) return "\"";
        return form;
    }
    size_t n = syn_normalize(form, buf, sizeof buf);
    const syn_entry *e = syn_table_get(&m->lexicon, syn_lex_key(buf, n, tag));
    char low[256];
    memcpy(low, buf, n + 1);
    syn_lower(low);
    if (!e) e = syn_table_get(&m->lexlower, syn_lex_key(low, n, tag));
    const char *irr = is_past_verb(m, tag) ? irregular_lemma(low) : NULL;
    if (e && e->a < m->strings_len) {
        *feats = e->b & ~(uint32_t)DYAD_F_VOICE_PASS;
        /* a lexical past verb's person and number come from its subject,
         * not from the form (met: I met / they met) */
        if (upos == DYAD_VERB && strcmp(m->tag_xpos[tag], "VBD") == 0)
            *feats &= ~(uint32_t)(DYAD_F_PERSON_1 | DYAD_F_PERSON_2 | DYAD_F_PERSON_3 |
                                  DYAD_F_NUM_SING | DYAD_F_NUM_PLUR);
        return irr ? irr : m->strings + e->a;
    }
    *feats = m->tags[tag].feats & ~(uint32_t)DYAD_F_VOICE_PASS;
    if (irr) return irr;
    if (upos == DYAD_PROPN || upos == DYAD_SYM) return form;
    /* unknown capitalised adjectives are names of peoples and places
     * (Colombian, Sunni): keep the form */
    if (upos == DYAD_ADJ && form[0] >= 'A' && form[0] <= 'Z' && n > 1 && low[1] == form[1]) return form;
    /* unknown numbers, dates, codes: keep the form */
    if (strpbrk(form, "0123456789")) return form;
    size_t maxl = m->suffix_max < n ? m->suffix_max : n;
    for (size_t l = maxl + 1; l-- > 0;) {
        const syn_entry *r = syn_table_get(&m->suffix, syn_suffix_key(low + n - l, l, tag));
        if (!r || r->a > n || r->b >= m->strings_len) continue;
        const char *app = m->strings + r->b;
        size_t keep = n - r->a, al = strlen(app);
        if (keep == 0 && al == 0) break;
        char *out = dyad_doc_alloc(doc, keep + al + 1);
        if (!out) return NULL;
        memcpy(out, low, keep);
        memcpy(out + keep, app, al + 1);
        return out;
    }
    return dyad_doc_strndup(doc, low, n);
}
