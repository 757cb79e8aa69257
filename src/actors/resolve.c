/*
 * resolve.c -- noun phrases to actor codes: dyad_resolve_actors().
 *
 * How it works, per sentence:
 *  1. KB names are found left to right, longest match first (kb.c).
 *  2. Noun phrases are chunks of nominal tokens (DET at the start, ADJ, NOUN,
 *     PROPN, NUM, possessive 's, or tokens inside a KB name).  The head is
 *     the last token; the tags come from the tagger (or gold CoNLL-U).
 *  3. Each chunk (or each side of a possessive 's) is resolved: a person or
 *     organisation gives a full code at the document date; else a country,
 *     demonym or seat gives the country; sector nouns (sectors.txt, agent
 *     dictionaries) give the sector, the leftmost one winning.  "Colombia's
 *     president" -> one mention COLGOV; a demonym used as a plural head
 *     ("deported Colombians") -> civilians of that country.
 *  4. Links between chunks: coordinated modifiers ("Hungarian and Romanian
 *     officials") share the sector and head of the last conjunct; a sector
 *     noun followed by of/in/from + a country ("the president of Armenia")
 *     takes that country; an apposition ("Colombia's president, Gustavo
 *     Petro,") links the two and shares the code.
 *  5. Unknown capitalised names are kept with code NULL and how="unknown"
 *     (names headed by Institute, Forum, Foundation ... are coded NGO).
 *  6. Pronouns and definite descriptions are linked in coref.c.
 *  7. At the end of the document, sector nouns left without a country take
 *     the country the document names most ("the military" -> story's MIL),
 *     and links to them (pronouns, "its spokesman") get their codes.
 * Also: places (cities, regions) give their country, CVL when named as an
 * actor or target; a title picks a known person's role of that sector
 * ("President Reagan" in a later story); group nouns ("members of X",
 * "X's supporters") stand for X; a sector word modifying a thing ("military
 * equipment") is no actor.
 */
#include "actors/actors.h"
#include "actors/resolve.h"

#include <ctype.h>
#include <stdio.h>
#include <time.h>

static bool word_in(const char *w, const char *const *list) {
    for (; *list; list++)
        if (dyad_strcasecmp_ascii(w, *list) == 0) return true;
    return false;
}

/* Nouns of time that the tagger leaves inside a phrase ("officers today"). */
static const char *const TIME_WORDS[] = {
    "today", "yesterday", "tomorrow", "tonight", "now", "overnight",
    "amid", "despite", "via",          /* prepositions the tagger takes for nouns */
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", NULL};

static bool is_poss(const dyad_token *t) {
    return strcmp(t->form, "'s") == 0 || strcmp(t->form, "'") == 0 ||
           strcmp(t->form, "\xe2\x80\x99s") == 0 || strcmp(t->form, "'S") == 0;
}

static bool is_cap(const char *w) {
    unsigned char c = (unsigned char)w[0];
    return (c >= 'A' && c <= 'Z') || c >= 0xC0;
}

static bool tagged(const dyad_token *t) { return t->upos != DYAD_UPOS_NONE; }

/* Could this token be inside a noun phrase? */
static bool nominal(const dyad_token *t, bool in_hit) {
    if (in_hit) return true;
    if (word_in(t->form, TIME_WORDS)) return false;
    if (is_poss(t)) return true;
    if (!tagged(t)) return is_cap(t->form);
    switch (t->upos) {
    case DYAD_ADJ: case DYAD_NOUN: case DYAD_PROPN: case DYAD_NUM: case DYAD_DET:
        return true;
    default:
        return false;
    }
}

static const char *const PRONOUN_WORDS[] = {
    "he", "him", "his", "she", "her", "it", "its", "they", "them", "their",
    "we", "us", "our", "i", "me", "my", "you", "your", NULL};

/* Lower-case particles inside personal names ("Omar al-Bashir"). */
static const char *const NAME_PARTICLES[] = {
    "al", "el", "bin", "ibn", "abu", "de", "del", "da", "dos", "van", "von", "la", "le", NULL};

/* Capitalised words that are never actors. */
static const char *const NOT_NAMES[] = {
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
    "January", "February", "March", "April", "May", "June", "July", "August",
    "September", "October", "November", "December", "The", "A", "An", "Mr", "Mr.",
    "Mrs", "Mrs.", "Ms", "Ms.", "Dr", "Dr.", NULL};

static bool is_propn(const dyad_token *t) {
    if (word_in(t->form, NOT_NAMES)) return false;
    if (!tagged(t)) return is_cap(t->form) && isalpha((unsigned char)t->form[0]);
    return t->upos == DYAD_PROPN;
}

int act_date_of(dyad_ctx *ctx, const dyad_doc *doc) {
    int d = dyad_kb_parse_date(doc->date);
    if (!d && ctx) d = dyad_kb_parse_date(ctx->opt.date);
    if (!d) {
        time_t now = time(NULL);
        struct tm tm;
        gmtime_r(&now, &tm);
        d = (tm.tm_year + 1900) * 10000 + (tm.tm_mon + 1) * 100 + tm.tm_mday;
    }
    return d;
}

/* Finds KB hits in a sentence: hit_len[i] > 0 starts a hit of that entry. */
static void find_hits(const dyad_kb *kb, const dyad_token *tok, size_t n,
                      int *hit_entry, int *hit_len, int *cover) {
    const char *w[32];
    for (size_t i = 0; i < n; i++) { hit_len[i] = 0; cover[i] = -1; }
    for (size_t i = 0; i < n;) {
        size_t m = n - i < 32 ? n - i : 32;
        for (size_t j = 0; j < m; j++) w[j] = tok[i + j].form;
        int e = -1;
        size_t len = dyad_kb_match(kb, w, m, true, true, &e);
        if (!len && strchr(tok[i].form, '-') && tok[i].form[0] != '-') {
            /* "NATO-member", "Vietnamese-led": the part before the hyphen */
            char part[128];
            snprintf(part, sizeof part, "%.*s", (int)strcspn(tok[i].form, "-"), tok[i].form);
            const char *pw[1] = {part};
            if (dyad_kb_match(kb, pw, 1, true, false, &e)) len = 1;
        }
        if (!len) { i++; continue; }
        hit_entry[i] = e;
        hit_len[i] = (int)len;
        for (size_t j = i; j < i + len; j++) cover[j] = (int)i;
        i += len;
    }
}

/* Nouns for a group or part of an actor: "members of the RUF", "Hamas's
 * supporters", "the PKK's military wing" stand for the actor itself. */
static const char *const GROUP_NOUNS[] = {
    "member", "members", "supporter", "supporters", "follower", "followers",
    "loyalist", "loyalists", "fighter", "fighters", "partisan", "partisans",
    "sympathizer", "sympathizers", "sympathiser", "sympathisers", "operative",
    "operatives", "cadre", "cadres", "ranks", "wing", "faction", "factions",
    "elements", "unit", "units", NULL};

static bool group_head(const act_sent *s, size_t b) {
    return word_in(s->tok[b].form, GROUP_NOUNS);
}

/* Heads that make a phrase a thing, not an actor, whatever sector word
 * modifies them ("military equipment", "police station", "army bases"). */
static const char *const THING_HEADS[] = {
    "equipment", "weapon", "weapons", "aid", "exercise", "exercises", "operation",
    "operations", "base", "bases", "station", "stations", "post", "posts", "policy",
    "policies", "budget", "spending", "plan", "plans", "supplies", "assistance",
    "cooperation", "ties", "relations", "presence", "intervention", "hardware",
    "installation", "installations", "facility", "facilities", "stronghold",
    "strongholds", "positions", "headquarters", "barracks", "uniform", "uniforms",
    "reform", "reforms", "talks", "offensive", "security", "freedom", "freedoms",
    "platform", "platforms", "trial", "trials", "law", "laws", "bill", "system",
    "systems", "semester", "election", "elections", "campaign", "vote", "meeting",
    "meetings", "session", "sessions", "conference", "briefing", "environment", "branch",
    "branches", "attack", "attacks", "use", "report", "reports", "estimate", "estimates",
    "assets", "drill", "drills", "day", "emergency", "statement", "statements",
    "decision", "decisions", NULL};

/* "military equipment", "police station", "government policy": a sector
 * word that only modifies a thing is not an actor; the sector is dropped (a
 * country named in the phrase stays: "Iraqi army bases" is still about
 * Iraq).  A closed list of heads: tagger errors make an open rule risky. */
static void drop_modifier_sector(const act_sent *s, size_t a, size_t b, act_res *r) {
    /* "by force", "the use of force": the bare noun is no armed force */
    if (a == b && !strcmp(r->sector, "MIL") && dyad_strcasecmp_ascii(s->tok[b].form, "force") == 0) {
        r->sector[0] = '\0';
        r->agent[0] = '\0';
        return;
    }
    if (r->full[0] || r->person || s->cover[b] >= 0) return;
    if (!word_in(s->tok[b].form, THING_HEADS)) return;
    r->sector[0] = '\0';
    r->agent[0] = '\0';
    r->thing = true;
}

static const char *const FORMER_WORDS[] = {
    "former", "ex", "ousted", "deposed", "exiled", "late", "then", "onetime", NULL};

/* "former leader", "ex-officials" (no known person): a former official is
 * an elite (ELI), not the government. */
static void former_official(const act_sent *s, size_t a, size_t b, act_res *r) {
    if (r->person || r->full[0] || strcmp(r->sector, "GOV") != 0) return;
    for (size_t i = a > 0 ? a - 1 : a; i <= b; i++)
        if (word_in(s->tok[i].form, FORMER_WORDS)) {
            memcpy(r->sector, "ELI", 4);
            r->agent[0] = '\0';
            return;
        }
}

/* Heads of organisation names that are, without more knowledge, non-
 * governmental: "Hudson Institute", "Third World Water Forum". */
static const char *const NGO_HEADS[] = {
    "Forum", "Foundation", "Institute", "Association", "Society", "Network", "Watch",
    "Center", "Centre", "Trust", "Initiative", "Committee", NULL};

/* An unknown capitalised name with such a head, no country and no sector is
 * coded NGO (how = "unknown:ngo"). */
static void ngo_by_head(const act_sent *s, size_t b, act_res *r) {
    if (!s->news || !r->unknown || r->country[0] || r->full[0] || r->sector[0] || r->person) return;
    const dyad_token *h = &s->tok[b];
    if (s->cover[b] >= 0 || !is_cap(h->form)) return;
    for (const char *const *w = NGO_HEADS; *w; w++)
        if (strcmp(h->form, *w) == 0) {
            memcpy(r->sector, "NGO", 4);
            memcpy(r->agent, "NGO", 4);
            r->how = "unknown:ngo";
            return;
        }
}

/* The sector of a title noun inside a KB name of len words starting at
 * token i ("President Bush", "Bush administration"), into out ("" if none). */
static void title_in_name(const act_sent *s, size_t i, size_t len, char out[4]) {
    out[0] = '\0';
    const char *w[32];
    if (len > 32) len = 32;
    for (size_t k = 0; k < len; k++) w[k] = s->tok[i + k].form;
    for (size_t k = 0; k < len; k++) {
        int e = -1;
        if (!dyad_kb_match(s->kb, w + k, len - k, false, true, &e)) continue;
        kb_code c = dyad_kb_code(s->kb, e, s->date);
        if (c.sector[0]) {
            memcpy(out, c.sector, 4);
            return;
        }
    }
}

/* A title says what a known person is in the text: "President Reagan" in a
 * story dated after his term is the government, not an ex-president, and a
 * person outside every role takes the role of the title's sector nearest in
 * time.  "former President Reagan" keeps ELI (the title is ELI). */
static bool word_is(const dyad_token *t, const char *w) {
    return dyad_strcasecmp_ascii(t->form, w) == 0;
}

/* Titles that name an office outright, not a vague "leader" or "official". */
static const char *const OFFICE_WORDS[] = {
    "president", "premier", "chancellor", "king", "queen", "emir", "sultan", NULL};

static bool names_office(const act_sent *s, size_t a, size_t b) {
    for (size_t i = a; i <= b; i++) {
        if (word_in(s->tok[i].form, OFFICE_WORDS)) return true;
        if (i < b && word_is(&s->tok[i], "prime") && word_is(&s->tok[i + 1], "minister"))
            return true;
    }
    return false;
}

static void apply_title(const act_sent *s, size_t a, size_t b, act_res *r) {
    if (r->person_entry < 0) return;
    /* "former Syrian president X": the text says the role is over */
    for (size_t i = a > 0 ? a - 1 : a; i <= b; i++)
        if (word_in(s->tok[i].form, FORMER_WORDS)) return;
    const char *t = r->sector[0] ? r->sector : r->name_title;
    if (!t[0]) return;
    bool out = !r->full[0];
    bool eli = strcmp(r->full_sector, "ELI") == 0 && strcmp(t, "ELI") != 0;
    /* an office named outright ("President X") beats another current role
     * (the opposition leader of the KB has become president in the story) */
    bool office = strcmp(r->full_sector, t) != 0 && !strcmp(t, "GOV") && names_office(s, a, b);
    if (!out && !eli && !office) return;
    kb_code k = dyad_kb_code_sector(s->kb, r->person_entry, s->date, t);
    if (k.code[0]) {
        snprintf(r->full, sizeof r->full, "%s", k.code);
        memcpy(r->full_sector, k.sector, 4);
        memcpy(r->sector, k.sector, 4);
        r->how = "kb:person:title";
    } else if (out && !r->sector[0]) {
        memcpy(r->sector, t, 4);
    }
}

/* How often the document names country cc: its names, demonyms, seats
 * and places, leaving out names shared by several countries. */
static int doc_country_count(const act_sent *s, const char *cc) {
    const dyad_doc *d = s->doc;
    const char *w[32];
    int count = 0;
    for (size_t i = 0; i < d->ntokens;) {
        size_t m = d->ntokens - i < 32 ? d->ntokens - i : 32;
        for (size_t j = 0; j < m; j++) w[j] = d->tokens[i + j].form;
        int e = -1;
        size_t len = dyad_kb_match(s->kb, w, m, true, false, &e);
        if (!len) { i++; continue; }
        const kb_entry *ke = dyad_kb_entry(s->kb, e);
        if (ke && !ke->also && (ke->kind == KB_COUNTRY || ke->kind == KB_ADJ ||
                                ke->kind == KB_SEAT || ke->kind == KB_PLACE) &&
            strcmp(dyad_kb_code(s->kb, e, s->date).country, cc) == 0)
            count++;
        i += len;
    }
    return count;
}

/* A seat or place whose name other countries share ("Tripoli"): the
 * country the document names most among them.  Returns 0 to keep the
 * entry's own country, 1 when *alt (4 bytes) is another country's, -1
 * when two countries are named equally often (left uncoded). */
static int shared_place(const act_sent *s, const kb_entry *e, const char *own, char *alt) {
    int own_n = doc_country_count(s, own), best = own_n, tie = 0, pick = 0;
    for (const char *p = e->also; p && *p; p += p[3] ? 4 : 3) {
        char cc[4];
        memcpy(cc, p, 3);
        cc[3] = '\0';
        int n = doc_country_count(s, cc);
        if (n > best) { best = n; pick = 1; memcpy(alt, cc, 4); tie = 0; }
        else if (n == best && n > 0) tie = 1;
    }
    return tie ? -1 : pick;
}

/* Honorifics and ranks that may stand before a surname without being a
 * first name ("Gen. Akar", "Sheikh Hasina"). */
static const char *const HONORIFICS[] = {
    "Gen", "Gen.", "Col", "Col.", "Lt", "Lt.", "Maj", "Maj.", "Capt", "Capt.", "Sen",
    "Sen.", "Rep", "Rep.", "Gov", "Gov.", "Prof", "Prof.", "Sir", "Dame", "Lord", "Lady",
    "Sheikh", "Sheik", "Emir", "King", "Queen", "Prince", "Princess", "Pope", "Imam",
    "Ayatollah", "Mullah", "Mawlawi", "Rev", "Rev.", "Father", "Justice", "Judge", "St.",
    /* the last word of a title: "Secretary of State Rubio" */
    "State", "Defense", "Defence", "Affairs", "Interior", "Treasury", "Commerce", "Security",
    "Staff", "General", "Finance", "Health", "Energy", NULL};

/* "Liri Berisha" when the KB knows "Berisha" as Sali Berisha: a person
 * matched by one word right after an unknown capitalised word is someone
 * else of that name (the KB lists full names where it knows them). */
static bool other_first_name(const act_sent *s, size_t a, size_t i) {
    if (s->hit_len[i] != 1 || i == a || i == 0) return false;
    const dyad_token *p = &s->tok[i - 1];
    if (s->cover[i - 1] >= 0 || !is_propn(p) || word_in(p->form, HONORIFICS)) return false;
    return is_cap(p->form) && isalpha((unsigned char)p->form[0]);
}

/* Whether token j of the document lies inside a KB name that starts at
 * one of the three tokens before it (within sentence tokens [lo, j]). */
static bool inside_longer_name(const act_sent *s, const dyad_token *t, size_t lo, size_t j) {
    const char *w[8];
    for (size_t st = j >= lo + 3 ? j - 3 : lo; st < j; st++) {
        size_t n = 0;
        for (size_t k = st; k <= j + 3 && n < 8 && k < s->doc->ntokens; k++) w[n++] = t[k].form;
        int e = -1;
        size_t len = dyad_kb_match(s->kb, w, n, true, false, &e);
        if (len > j - st) return true;
    }
    return false;
}

/* "Abdul Wajeed Sadat ... Sadat said": the document names someone else
 * with the surname the KB knows (an unknown first name before it, no KB
 * name covering both) and never names the KB's person in full, so the
 * surname alone is that other person. */
static bool doc_names_other(const act_sent *s, size_t i) {
    const dyad_doc *d = s->doc;
    const char *sur = s->tok[i].form;
    bool other = false;
    for (size_t si = 0; si < d->nsentences; si++) {
        const dyad_sentence *sn = &d->sentences[si];
        const dyad_token *t = d->tokens;
        for (size_t j = sn->first + 1; j < sn->first + sn->ntokens; j++) {
            if (strcmp(t[j].form, sur) != 0) continue;
            const dyad_token *p = &t[j - 1];
            if (!is_propn(p) || !is_cap(p->form) || !isalpha((unsigned char)p->form[0]) ||
                word_in(p->form, HONORIFICS))
                continue;
            if (inside_longer_name(s, t, sn->first, j)) return false;   /* "Sali Berisha" */
            int e = -1;
            const char *pw[1] = {p->form};
            if (!dyad_kb_match(s->kb, pw, 1, true, true, &e)) other = true;  /* not "President" */
        }
    }
    return other;
}

/* "South China Sea", "Indian Ocean", "Taiwan Strait", "Gulf of Mexico":
 * a country's name inside the name of a sea is no actor of it. */
static bool names_water(const act_sent *s, size_t i) {
    static const char *const WATER[] = {"Sea", "Seas", "Ocean", "Gulf", "Strait", "Straits",
                                        "Channel", NULL};
    size_t end = i + (size_t)s->hit_len[i];
    if (end < s->n && word_in(s->tok[end].form, WATER) && is_cap(s->tok[end].form)) return true;
    return i >= 2 && word_is(&s->tok[i - 1], "of") && word_in(s->tok[i - 2].form, WATER) &&
           is_cap(s->tok[i - 2].form);
}

/* "Chinese Americans", "Asian American students", "Turkish Cypriots": a
 * demonym right after another one names the nationality, the first one
 * the origin, so the second gives the country. */
static bool after_demonym(const act_sent *s, size_t a, size_t i) {
    if (i == a || dyad_kb_entry(s->kb, s->hit_entry[i])->kind != KB_ADJ) return false;
    int p = s->cover[i - 1];
    return p >= 0 && (size_t)p >= a && dyad_kb_entry(s->kb, s->hit_entry[p])->kind == KB_ADJ;
}

/* Resolves tokens [a,b] of a sentence. */
static void resolve_part(act_sent *s, size_t a, size_t b, act_res *r) {
    memset(r, 0, sizeof *r);
    r->person_entry = -1;
    char seat_sector[4] = "";
    for (size_t i = a; i <= b; i++) {
        if (s->cover[i] < 0) {
            /* a capitalised adjective inside the sentence ("Tamil", "Hutu")
             * is a name too */
            const dyad_token *t = &s->tok[i];
            if (is_propn(t) || (i > 0 && t->upos == DYAD_ADJ && is_cap(t->form) &&
                                !word_in(t->form, NOT_NAMES)))
                r->unknown = true;
            continue;
        }
        if ((size_t)s->cover[i] != i) continue;
        const kb_entry *e = dyad_kb_entry(s->kb, s->hit_entry[i]);
        kb_code c = dyad_kb_code(s->kb, s->hit_entry[i], s->date);
        char alt[4] = "";
        int shared = e->also && s->news ? shared_place(s, e, c.country, alt) : 0;
        if (shared < 0) { r->unknown = true; continue; }
        if (shared > 0) {
            /* "Tripoli" in a story about Lebanon: a city there */
            if (!r->country[0]) memcpy(r->country, alt, 4);
            if (!r->how) r->how = "kb:place";
            r->place = true;
            continue;
        }
        switch (e->kind) {
        case KB_AGENT:
            /* the leftmost sector noun wins ("army officers" -> MIL), but an
             * adjective ("radical farmers", "civilian refugees") loses to a
             * sector noun at the head */
            if (c.sector[0] && (!r->sector[0] || (r->sector_adj && i + s->hit_len[i] - 1 == b))) {
                memcpy(r->sector, c.sector, 4);
                snprintf(r->agent, sizeof r->agent, "%s", c.code);
                r->sector_adj = s->hit_len[i] == 1 && s->tok[i].upos == DYAD_ADJ;
            }
            break;
        case KB_PERSON: case KB_ORG:
            if (!c.code[0]) break;
            if (e->kind == KB_PERSON &&
                (other_first_name(s, a, i) || (s->hit_len[i] == 1 && doc_names_other(s, i)))) {
                r->unknown = true;
                break;
            }
            if (e->kind == KB_PERSON && r->person_entry < 0) {
                char nt[4];
                r->person_entry = s->hit_entry[i];
                title_in_name(s, i, (size_t)s->hit_len[i], nt);
                if (nt[0]) memcpy(r->name_title, nt, 4);
            }
            if (c.out_of_role) {
                if (!r->country[0]) memcpy(r->country, c.country, 4);
                if (!r->how) r->how = "kb:person:out-of-role";
                r->person = true;
                break;
            }
            if (!r->full[0]) {
                r->full_at = (int)i;
                snprintf(r->full, sizeof r->full, "%s", c.code);
                r->how = e->kind == KB_PERSON ? "kb:person" : "kb:org";
                r->person = e->kind == KB_PERSON;
                memcpy(r->full_sector, c.sector, 4);
                /* "Security Council", "UN peacekeepers": an organisation whose
                 * code has no sector shows the sector its name says */
                if (e->kind == KB_ORG && !c.sector[0])
                    title_in_name(s, i, (size_t)s->hit_len[i], r->name_title);
            }
            break;
        case KB_PLACE:
            /* a city or region: its country, never a sector */
            if (!r->country[0]) memcpy(r->country, c.country, 4);
            if (!r->how) r->how = "kb:place";
            r->place = true;
            break;
        case KB_COUNTRY: case KB_ADJ: case KB_SEAT:
            if (names_water(s, i)) { r->unknown = true; break; }
            if (!r->country[0] || after_demonym(s, a, i)) memcpy(r->country, c.country, 4);
            if (e->kind == KB_SEAT && !seat_sector[0]) memcpy(seat_sector, c.sector, 4);
            /* "Pentagon officials", "FBI agents": an institution (a seat that
             * is not the government's) gives the sector like a leftmost
             * sector noun; a capital ("Baghdad residents") does not */
            if (e->kind == KB_SEAT && c.sector[0] && strcmp(c.sector, "GOV") != 0 &&
                !r->sector[0]) {
                memcpy(r->sector, c.sector, 4);
                r->agent[0] = '\0';
                r->sector_adj = false;
            }
            if (!r->how) r->how = e->kind == KB_COUNTRY ? "kb:country"
                                : e->kind == KB_ADJ ? "kb:adj" : "kb:seat";
            if (i == b && e->kind == KB_ADJ) r->demonym_head = true;
            r->place = true;
            break;
        }
    }
    /* "ethnic Albanians": a minority, not the Albanian state */
    for (size_t i = a > 0 ? a - 1 : a; i < b && r->demonym_head; i++)
        if (dyad_strcasecmp_ascii(s->tok[i].form, "ethnic") == 0) {
            r->country[0] = '\0';
            r->unknown = true;
            r->how = NULL;
            r->place = false;
            if (!r->sector[0]) memcpy(r->sector, "CVL", 4);
        }
    apply_title(s, a, b, r);
    drop_modifier_sector(s, a, b, r);
    former_official(s, a, b, r);
    /* "NATO-member Norway": a country heading the phrase wins over an
     * organisation that only modifies it */
    int hh = s->cover[b];
    if (r->full[0] && !r->person && hh >= 0 && hh != r->full_at &&
        dyad_kb_entry(s->kb, s->hit_entry[hh])->kind == KB_COUNTRY) {
        r->full[0] = '\0';
        r->full_sector[0] = '\0';
        r->how = "kb:country";
    }
    const dyad_token *h = &s->tok[b];
    r->plural = (h->feats & DYAD_F_NUM_PLUR) ||
                (!(h->feats & DYAD_F_NUM_SING) && h->form[0] && h->form[strlen(h->form) - 1] == 's' &&
                 (tagged(h) ? h->upos == DYAD_NOUN || r->demonym_head : !is_cap(h->form) || r->demonym_head));
    /* "Colombians" as a head: the country's people */
    ngo_by_head(s, b, r);
    /* "an Egyptian", "a Palestinian": one of the country's people too */
    bool one = b > a && (word_is(&s->tok[b - 1], "a") || word_is(&s->tok[b - 1], "an") ||
                         word_is(&s->tok[b - 1], "one"));
    /* "a U.S.-proposed ceasefire": the demonym only modifies */
    if (b + 1 < s->n && strcmp(s->tok[b + 1].form, "-") == 0) one = false;
    if (r->demonym_head && !r->sector[0] && (r->plural || one)) memcpy(r->sector, "CVL", 4);
    if (!r->sector[0] && seat_sector[0] && !r->full[0] && !r->thing)
        memcpy(r->sector, seat_sector, 4);
    if (r->full[0]) {
        memcpy(r->country, r->full, 3);
        r->country[3] = '\0';
        if (r->full_sector[0]) memcpy(r->sector, r->full_sector, 4);
        else if (!r->sector[0] && !r->person && r->name_title[0])
            memcpy(r->sector, r->name_title, 4);
        else if (r->agent[0] && !r->person) {
            /* an organisation plus a sector noun: "Arab League Secretary General" */
            char joined[sizeof r->full];
            snprintf(joined, sizeof joined, "%.*s%.*s", 20, r->full, 16, r->agent);
            memcpy(r->full, joined, sizeof joined);
        }
    }
}

/* An agent code that is an actor without a country ("a human rights
 * group" -> NGO): non-governmental and intergovernmental bodies. */
static bool transnational(const char *agent) {
    return strncmp(agent, "NGO", 3) == 0 || strncmp(agent, "IGO", 3) == 0;
}

/* The code string of a resolution (arena), or NULL. */
static const char *res_code(dyad_doc *doc, const act_res *r) {
    char buf[64];
    if (r->full[0]) snprintf(buf, sizeof buf, "%s", r->full);
    else if (r->country[0]) snprintf(buf, sizeof buf, "%s%s", r->country, r->agent[0] ? r->agent : r->sector);
    else if (transnational(r->agent)) snprintf(buf, sizeof buf, "%s", r->agent);
    else return NULL;
    return dyad_doc_strndup(doc, buf, strlen(buf));
}

static bool worth(const act_res *r) {
    return r->full[0] || r->country[0] || r->sector[0] || r->unknown;
}

/* Adds a mention for tokens [a,b] with resolution r; returns its index. */
int act_add(act_sent *s, size_t a, size_t b, size_t head, const act_res *r) {
    dyad_doc *doc = s->doc;
    const dyad_token *t = s->tok;
    /* leading determiners are not part of the name */
    while (a < b && s->cover[a] < 0 && tagged(&t[a]) && t[a].upos == DYAD_DET) a++;
    dyad_mention m = {0};
    m.sent = s->sidx;
    m.head = (uint32_t)head;
    /* parsed: the head is the phrase's token whose head lies outside it */
    if (t[head].deprel && head == b) {
        for (size_t i = a; i <= b; i++)
            if (t[i].head < (int32_t)a || t[i].head > (int32_t)b) {
                m.head = (uint32_t)i;
                break;
            }
    }
    m.first = (uint32_t)a;
    m.last = (uint32_t)b;
    m.start = t[a].start;
    m.end = t[b].end;
    m.text = dyad_doc_strndup(doc, doc->text + m.start, m.end - m.start);
    m.code = res_code(doc, r);
    memcpy(m.country, r->country, 4);
    if (!m.country[0] && m.code && transnational(m.code)) memcpy(m.country, m.code, 3);
    memcpy(m.sector, r->sector, 4);
    m.how = r->how ? r->how : r->country[0] ? "kb" : r->sector[0] ? "sector" : "unknown";
    if (!r->full[0] && !r->country[0] && r->sector[0] && !(r->how && !strcmp(r->how, "unknown:ngo")))
        m.how = r->unknown ? "sector:named" : "sector";
    m.antecedent = -1;
    m.plural = r->plural;
    if (DYAD_VEC_PUSH(*s->out, m) < 0) return -1;
    return (int)s->out->len - 1;
}


/* Participles after a hyphen that keep a country's or a group's phrase
 * going ("Saudi-led coalition"); "-backed" does not (the backed are others). */
static const char *const LED_WORDS[] = {"led", "based", "run", "controlled", "dominated", NULL};

/* Chunks the sentence into noun phrases. */
static size_t chunk(act_sent *s, act_chunk *ch, size_t max) {
    size_t n = 0;
    const dyad_token *t = s->tok;
    for (size_t i = 0; i < s->n && n < max;) {
        bool in_hit = s->cover[i] >= 0;
        if (!nominal(&t[i], in_hit) || is_poss(&t[i]) ||
            (tagged(&t[i]) && t[i].upos == DYAD_PRON) ||
            (!in_hit && word_in(t[i].form, PRONOUN_WORDS))) { i++; continue; }
        size_t a = i++;
        while (i < s->n) {
            bool h = s->cover[i] >= 0;
            /* "Secretary - General", "al - Bashir": a hyphen glued on both sides */
            if (!h && strcmp(t[i].form, "-") == 0 && i + 1 < s->n && !t[i - 1].space_after &&
                !t[i].space_after && nominal(&t[i + 1], s->cover[i + 1] >= 0)) {
                i++;
                continue;
            }
            /* "Vietnamese-led forces", "NATO-led troops", "a Trinidad-based
             * group": the phrase is the leader's or the base's */
            if (!h && strcmp(t[i].form, "-") == 0 && i + 2 < s->n && !t[i - 1].space_after &&
                !t[i].space_after && word_in(t[i + 1].form, LED_WORDS) &&
                nominal(&t[i + 2], s->cover[i + 2] >= 0)) {
                i += 2;
                continue;
            }
            if (!h && i + 2 < s->n && word_in(t[i].form, NAME_PARTICLES) &&
                is_cap(t[i - 1].form) && (is_cap(t[i + 1].form) || is_cap(t[i + 2].form))) {
                i++;
                continue;
            }
            if (!nominal(&t[i], h)) break;
            if (!h && tagged(&t[i]) && t[i].upos == DYAD_DET) break;
            /* a KB name that starts right after a complete name: new phrase */
            if (h && s->cover[i] == (int)i && s->cover[i - 1] >= 0 &&
                dyad_kb_entry(s->kb, s->hit_entry[s->cover[i - 1]])->kind == KB_COUNTRY &&
                dyad_kb_entry(s->kb, s->hit_entry[i])->kind == KB_COUNTRY)
                break;
            i++;
        }
        size_t b = i - 1;
        while (b > a && is_poss(&t[b])) b--;   /* trailing 's: keep possessor */
        ch[n].a = a;
        ch[n].b = b;
        ch[n].mention = -1;
        n++;
    }
    return n;
}

static const char *const PLACE_PREPS[] = {
    "in", "to", "at", "from", "into", "near", "outside", "inside", "around", "across", NULL};

/* A place in the position of an actor or a target: the object of a verb
 * ("shelled Juba") or a subject ("Juba fell"); not "Quetta, Balochistan",
 * "a congressman of Michigan" or a dateline ("BLANTYRE --"). */
static bool place_as_actor(const act_sent *s, const act_chunk *c) {
    static const char *const PLACE_NOUNS[] = {"town", "city", "village", "district",
                                              "province", "region", "area", NULL};
    const dyad_token *p = c->a > 0 ? &s->tok[c->a - 1] : NULL;
    const dyad_token *n = c->b + 1 < s->n ? &s->tok[c->b + 1] : NULL;
    if (p && (p->upos == DYAD_VERB || !tagged(p))) return true;
    /* "the town of Cizre" is the town */
    if (p && word_is(p, "of")) return c->a >= 2 && word_in(s->tok[c->a - 2].form, PLACE_NOUNS);
    if (p && !strcmp(p->form, ",")) return false;
    return n && (n->upos == DYAD_VERB || n->upos == DYAD_AUX);
}

/* The resolution of "P's R" where R has no country of its own: a sector
 * noun takes the possessor's country ("Colombia's president" -> COLGOV)
 * or, for an organisation, its code ("the Taliban's leaders" -> AFGREB);
 * a group noun ("Hamas's supporters") stands for the possessor itself (a
 * person's supporters: the person's country only). */
static act_res possessed(const act_res *pr, const act_res *rr, bool group) {
    act_res m = *rr;
    m.unknown = false;
    m.how = group ? "possessive:group" : "possessive";
    if (pr->full[0] && !pr->person) {
        memcpy(m.full, pr->full, sizeof m.full);
        memcpy(m.full_sector, pr->full_sector, 4);
        if (pr->full_sector[0] || group) memcpy(m.sector, pr->full_sector, 4);
    } else if (group) {
        m.sector[0] = '\0';
        m.agent[0] = '\0';
    }
    memcpy(m.country, pr->full[0] ? pr->full : pr->country, 3);
    m.country[3] = '\0';
    return m;
}

/* Resolves one chunk into 1-2 mentions (possessive split). */
static void do_chunk(act_sent *s, act_chunk *c) {
    size_t p = SIZE_MAX;
    for (size_t i = c->a; i < c->b; i++)
        if (is_poss(&s->tok[i]) && s->cover[i] < 0) p = i;
    if (p == SIZE_MAX || p == c->a) {
        resolve_part(s, c->a, c->b, &c->res);
        /* a seat after "in"/"to"... is a place, not the government acting */
        if (c->res.how && !strcmp(c->res.how, "kb:seat") && !c->res.agent[0] && c->a > 0 &&
            word_in(s->tok[c->a - 1].form, PLACE_PREPS)) {
            c->res.sector[0] = '\0';
            c->res.how = "kb:seat:place";
        }
        /* a town named as an actor or a target ("rebels shelled Juba"), not
         * as a location ("in Juba"): its people, as "the town" is (CVL) */
        if (c->res.how && !strcmp(c->res.how, "kb:place") && !c->res.sector[0] &&
            !c->res.thing && s->cover[c->b] >= 0 &&
            dyad_kb_entry(s->kb, s->hit_entry[s->cover[c->b]])->kind == KB_PLACE &&
            !(c->a > 0 && word_in(s->tok[c->a - 1].form, PLACE_PREPS)) && place_as_actor(s, c))
            memcpy(c->res.sector, "CVL", 4);
        if (worth(&c->res)) c->mention = act_add(s, c->a, c->b, c->b, &c->res);
        return;
    }
    act_res pr, rr;
    resolve_part(s, c->a, p - 1, &pr);
    resolve_part(s, p + 1, c->b, &rr);
    bool bare = !rr.country[0] && !rr.full[0];
    bool group = bare && !rr.sector[0] && group_head(s, c->b);
    if ((rr.sector[0] || group) && bare && (pr.country[0] || pr.full[0])) {
        c->res = possessed(&pr, &rr, group);
        c->mention = act_add(s, c->a, c->b, c->b, &c->res);
        return;
    }
    if (worth(&pr)) act_add(s, c->a, p - 1, p - 1, &pr);
    c->res = rr;
    if (worth(&rr)) c->mention = act_add(s, p + 1, c->b, c->b, &rr);
}

static dyad_mention *mention(act_sent *s, int idx) {
    return idx >= 0 ? &s->out->items[idx] : NULL;
}

/* Refreshes a mention after its resolution changed. */
static void refresh(act_sent *s, act_chunk *c, const char *how) {
    dyad_mention *m = mention(s, c->mention);
    if (!m) return;
    m->code = res_code(s->doc, &c->res);
    memcpy(m->country, c->res.country, 4);
    memcpy(m->sector, c->res.sector, 4);
    m->how = how;
}

/* "members of the RUF", "supporters of Hamas": a group noun with no code
 * of its own followed by "of" + a coded actor stands for that actor (a
 * person's supporters: the person's country).  0 or -1 (out of memory). */
static int group_of(act_sent *s, act_chunk *c, act_chunk *d) {
    if (!group_head(s, c->b) || c->res.country[0] || c->res.full[0] || c->res.sector[0] ||
        d->mention < 0 || !(d->res.full[0] || d->res.country[0]))
        return 0;
    act_res g = d->res;
    g.how = "group";
    g.plural = c->res.plural;
    g.unknown = false;
    if (d->res.person) {
        g.full[0] = '\0';
        g.sector[0] = '\0';
        g.agent[0] = '\0';
    }
    if (c->mention >= 0) {
        c->res = g;
        refresh(s, c, "group");
        return 0;
    }
    c->res = g;
    c->mention = act_add(s, c->a, c->b, c->b, &g);
    if (c->mention < 0) return -1;
    mention(s, c->mention)->antecedent = -1;
    return 0;
}

/* Coordination, of/in attachment, apposition between chunks. */
static void link_chunks(act_sent *s, act_chunk *ch, size_t n) {
    const dyad_token *t = s->tok;
    /* right to left so "French, British and German troops" chains */
    for (size_t k = n - 1; k-- > 0;) {
        act_chunk *c = &ch[k], *d = &ch[k + 1];
        if (d->a != c->b + 2) continue;
        const dyad_token *mid = &t[c->b + 1];
        bool coord = word_is(mid, "and") || word_is(mid, "or") || strcmp(mid->form, ",") == 0;
        int hs = s->cover[c->b];
        bool only_place = c->res.country[0] && !c->res.sector[0] && !c->res.full[0] &&
                          !c->res.unknown && hs >= 0 &&
                          c->b + 1 == (size_t)hs + (size_t)s->hit_len[hs];
        if (coord && only_place && d->res.sector[0] && d->res.country[0] && c->mention >= 0 &&
            (d->res.place || d->res.full[0])) {
            memcpy(c->res.sector, d->res.sector, 4);
            memcpy(c->res.agent, d->res.agent, sizeof c->res.agent);
            c->res.plural = true;
            refresh(s, c, "coord");
            dyad_mention *m = mention(s, c->mention);
            m->head = d->mention >= 0 ? mention(s, d->mention)->head : (uint32_t)d->b;
            m->plural = true;
            /* the mention is the modifier itself: "Senior Hungarian" -> "Hungarian" */
            m->first = (uint32_t)hs;
            m->start = t[hs].start;
            m->text = dyad_doc_strndup(s->doc, s->doc->text + m->start, m->end - m->start);
        }
    }
    for (size_t k = 0; k + 1 < n; k++) {
        act_chunk *c = &ch[k], *d = &ch[k + 1];
        if (d->a == c->b + 2 && word_is(&t[c->b + 1], "of") && group_of(s, c, d) < 0) return;
        if (d->a != c->b + 2 || c->mention < 0) continue;
        const dyad_token *mid = &t[c->b + 1];
        bool of = word_is(mid, "of");
        /* "a spokesman for the rebels", "an envoy for the UN" */
        bool for_ = word_is(mid, "for") && !c->res.plural && !strcmp(c->res.sector, "GOV");
        bool bare = c->res.sector[0] && !c->res.country[0] && !c->res.full[0];
        if ((of || for_ || ((word_is(mid, "in") || word_is(mid, "from")) && !c->res.unknown)) &&
            bare && d->res.country[0]) {
            memcpy(c->res.country, d->res.country, 4);
            /* "the leader of ISIS": the organisation's code; "the leaders of
             * the Kurdish rebels": the group's */
            if (d->res.full[0] && !d->res.person)
                memcpy(c->res.full, d->res.full, sizeof c->res.full);
            else if (!strcmp(c->res.sector, "GOV") && act_nonstate_sector(d->res.sector))
                snprintf(c->res.full, sizeof c->res.full, "%s%s", d->res.country,
                         d->res.agent[0] ? d->res.agent : d->res.sector);
            refresh(s, c, "nmod");
            continue;
        }
        /* "the leaders of the opposition", "a spokesman for the rebels": the
         * group gets the story's country only at the end of the document;
         * the link is kept and the code copied then (coref.c) */
        if ((of || for_) && bare && d->mention >= 0 && !d->res.country[0] &&
            !d->res.full[0] && d->res.sector[0]) {
            dyad_mention *mc = mention(s, c->mention);
            mc->antecedent = d->mention;
            mc->how = "nmod:pending";
            continue;
        }
        if (strcmp(mid->form, ",") == 0 && d->mention >= 0 &&
            (d->b + 1 >= s->n || strcmp(t[d->b + 1].form, ",") == 0 ||
             word_is(&t[d->b + 1], "said") || t[d->b + 1].upos == DYAD_PUNCT)) {
            dyad_mention *mc = mention(s, c->mention), *md = mention(s, d->mention);
            if (mc->code && !md->code && d->res.unknown && !d->res.sector[0]) {
                d->res = c->res;
                refresh(s, d, "appos");
                md->antecedent = c->mention;
            } else if (!mc->code && !md->code && c->res.sector[0] && d->res.sector[0] &&
                       !c->res.country[0] && !d->res.country[0]) {
                /* "the court's president, Judge X,": one person; X gets
                 * what "the court's president" turns out to be */
                md->antecedent = c->mention;
            } else if (!mc->code && md->code && c->res.sector[0] && !c->res.country[0]) {
                c->res.country[0] = '\0';
                memcpy(c->res.full, d->res.full, sizeof c->res.full);
                memcpy(c->res.country, d->res.country, 4);
                refresh(s, c, "appos");
                mc->antecedent = d->mention;
            }
        }
    }
}

/* Non-state first letters of codes: not a country for the context rule. */
static bool state_code(const char *c) {
    static const char *const NONSTATE[] = {"IGO", "NGO", "IMG", "MNC", "UAF", "PPL", NULL};
    return c[0] && !word_in(c, NONSTATE);
}

/* A plain sector noun left without a country ("the military", "police",
 * "protesters", "the government" with no antecedent): in a news story it
 * is an actor of the story's country. */
static bool story_sector(const dyad_mention *m) {
    return strcmp(m->how, "sector") == 0 || strcmp(m->how, "description:unresolved") == 0;
}

/* A sector noun with an unknown name and no country ("President Yoweri
 * Museveni" when the KB does not know him, "Hutu rebels", "ethnic
 * Albanians") takes the country the document mentions most (how =
 * "context"); nothing when the document names no country. */
static void context_country(dyad_doc *doc, act_mentions *o, bool story) {
    char best[4] = "";
    int bestn = 0, second = 0;
    for (size_t i = 0; i < o->len; i++) {
        const char *c = o->items[i].country;
        if (!o->items[i].code || !state_code(c) || o->items[i].antecedent >= 0) continue;
        int n = 0;
        for (size_t j = 0; j < o->len; j++)
            if (o->items[j].code && o->items[j].antecedent < 0 && strcmp(o->items[j].country, c) == 0) n++;
        if (n > bestn) {
            if (strcmp(c, best) != 0) second = bestn;
            bestn = n;
            memcpy(best, c, 4);
        } else if (n > second && strcmp(c, best) != 0) {
            second = n;
        }
    }
    /* in a story of several sentences, the story's country only when the
     * story is mostly about it: twice as often named as any other (in a
     * sentence or two, the country named is the immediate context) */
    if (!best[0] || (doc->nsentences > 2 && bestn < 2 * second)) return;
    for (size_t i = 0; i < o->len; i++) {
        dyad_mention *m = &o->items[i];
        if (m->code || !m->sector[0]) continue;
        bool named = strcmp(m->how, "sector:named") == 0;
        if (!named && !(story && story_sector(m))) continue;
        /* "a professor at Zorblax University": experts are quoted from
         * universities of any country */
        if (named && !strcmp(m->sector, "EDU")) continue;
        char code[16];
        snprintf(code, sizeof code, "%s%s", best, m->sector);
        m->code = dyad_doc_strndup(doc, code, strlen(code));
        memcpy(m->country, best, 4);
        m->how = named ? "context" : "context:story";
    }
}

/* Sorts mentions by position (sentence, start, creation order) and remaps
 * the antecedent indices. */
static int sort_mentions(act_mentions *o) {
    size_t n = o->len;
    if (n < 2) return 0;
    size_t *order = malloc(n * sizeof *order), *where = malloc(n * sizeof *where);
    dyad_mention *tmp = malloc(n * sizeof *tmp);
    if (!order || !where || !tmp) {
        free(order); free(where); free(tmp);
        return -1;
    }
    for (size_t i = 0; i < n; i++) order[i] = i;
    for (size_t i = 1; i < n; i++) {           /* insertion sort: stable, nearly sorted */
        size_t x = order[i], j = i;
        const dyad_mention *mx = &o->items[x];
        while (j > 0) {
            const dyad_mention *my = &o->items[order[j - 1]];
            if (my->sent < mx->sent || (my->sent == mx->sent && my->start <= mx->start)) break;
            order[j] = order[j - 1];
            j--;
        }
        order[j] = x;
    }
    for (size_t i = 0; i < n; i++) where[order[i]] = i;
    for (size_t i = 0; i < n; i++) {
        tmp[i] = o->items[order[i]];
        if (tmp[i].antecedent >= 0) tmp[i].antecedent = (int32_t)where[tmp[i].antecedent];
    }
    memcpy(o->items, tmp, n * sizeof *tmp);
    free(order); free(where); free(tmp);
    return 0;
}

int dyad_resolve_actors(dyad_ctx *ctx, dyad_doc *doc) {
    dyad_kb *kb = dyad_kb_get(ctx);
    if (!kb) return -1;
    act_mentions out = {0};
    int date = act_date_of(ctx, doc);
    size_t maxn = 0;
    for (size_t si = 0; si < doc->nsentences; si++)
        if (doc->sentences[si].ntokens > maxn) maxn = doc->sentences[si].ntokens;
    int *ibuf = malloc((maxn * 3 + 1) * sizeof *ibuf);
    act_chunk *ch = malloc((maxn + 1) * sizeof *ch);
    int rc = ibuf && ch ? 0 : -1;
    for (size_t si = 0; si < doc->nsentences && rc == 0; si++) {
        const dyad_sentence *sn = &doc->sentences[si];
        act_sent s = {kb, doc, doc->tokens + sn->first, sn->ntokens, (uint32_t)si, date,
                      ibuf, ibuf + maxn, ibuf + 2 * maxn, &out, !ctx->opt.replace_builtin};
        if (s.n == 0) continue;
        find_hits(kb, s.tok, s.n, s.hit_entry, s.hit_len, s.cover);
        size_t first = out.len;
        size_t nch = chunk(&s, ch, maxn + 1);
        for (size_t k = 0; k < nch; k++) do_chunk(&s, &ch[k]);
        if (nch) link_chunks(&s, ch, nch);
        if (act_coref_sentence(&s, first) < 0) rc = -1;
    }
    free(ibuf);
    free(ch);
    /* links first: a mention linked to a coded one needs no story country */
    if (rc == 0) act_coref_propagate(doc, &out);
    if (rc == 0) context_country(doc, &out, !ctx->opt.replace_builtin);
    if (rc == 0) act_coref_propagate(doc, &out);
    if (rc == 0) rc = sort_mentions(&out);
    if (rc == 0 && out.len) {
        doc->mentions = dyad_doc_alloc(doc, out.len * sizeof *doc->mentions);
        if (!doc->mentions) rc = -1;
        else memcpy(doc->mentions, out.items, out.len * sizeof *doc->mentions);
    }
    doc->nmentions = rc == 0 ? out.len : 0;
    DYAD_VEC_FREE(out);
    if (rc < 0) dyad_error_set(&ctx->err, doc->id, 0, -1, "out of memory");
    return rc;
}
