/* test_actors.c -- actor resolution on tagged sentences (CoNLL-U fixtures
 * built from compact "form/UPOS" specs), coreference, and the CLI. */
#include "testutil.h"
#include "actors/actors.h"

/* Floors reached on ../shared/eval/plover/plover_gsr_dev.jsonl (see
 * docs/actors.md); the test fails if a change makes them worse. */
#define ACTOR_ACC_FLOOR 0.95
#define SECTOR_ACC_FLOOR 0.82

/* A small KB of our own, so these tests do not move when the shipped KB
 * grows; the shipped sector vocabulary is added with opt.dicts. */
static const char *TEST_KB =
    "country COL    Colombia | Republic of Colombia\n"
    "  adj          Colombian | Colombians\n"
    "  seat GOV     Bogota | Casa de Nariño\n"
    "country USA    United States | US | U.S. | America\n"
    "  adj          American | Americans\n"
    "  seat GOV     Washington | White House\n"
    "country HUN    Hungary\n"
    "  adj          Hungarian | Hungarians\n"
    "country ROU    Romania\n"
    "  adj          Romanian | Romanians\n"
    "country JOR    Jordan\n"
    "  adj          Jordanian\n"
    "country GBR    Britain | United Kingdom | UK\n"
    "  adj          British\n"
    "country ARM    Armenia\n"
    "country LBY    Libya\n"
    "  seat GOV     Tripoli\n"
    "  also LBN\n"
    "country LBN    Lebanon\n"
    "  adj          Lebanese\n"
    "org IGOUNO     United Nations | UN | U.N.\n"
    "org IGOUNOJUDICJ International Court of Justice | ICJ\n"
    "org SLEREB     Revolutionary United Front | RUF\n"
    "org PSEREBHMS  Hamas\n"
    "place UGA      Gulu | Kitgum\n"
    "place SSD      Juba\n"
    "  SDN  -  2011-07-08\n"
    "person Ronald Reagan | Reagan\n"
    "  USAGOV  1981-01-20  1989-01-20\n"
    "  USAELI  1989-01-21  2004-06-05\n"
    "person Ana Quimera | Quimera\n"
    "  COLOPP  2010-01-01  2019-12-31\n"
    "  COLGOV  2020-01-01  -\n"
    "person Gustavo Petro | Petro\n"
    "  COLGOV  2022-08-07  2026-08-07\n"
    "person Donald Trump | Trump\n"
    "  USAGOV  2017-01-20  2021-01-20\n"
    "  USAELI  2021-01-21  2025-01-19\n"
    "  USAGOV  2025-01-20  -\n";

typedef struct fx {
    char dir[64];
    char sectors[1024];
    const char *dicts[2];
    dyad_ctx *ctx;
} fx;

static int setup(void **state) {
    fx *f = calloc(1, sizeof *f);
    snprintf(f->dir, sizeof f->dir, "/tmp/dyadact-XXXXXX");
    if (!mkdtemp(f->dir)) return -1;
    char p[256];
    snprintf(p, sizeof p, "%s/actors", f->dir);
    mkdir(p, 0700);
    snprintf(p, sizeof p, "%s/actors/test.txt", f->dir);
    FILE *o = fopen(p, "w");
    fputs(TEST_KB, o);
    fclose(o);
    const char *data = getenv("DYAD_DATA");
    snprintf(f->sectors, sizeof f->sectors, "%s/actors/sectors.txt", data && *data ? data : "data");
    f->dicts[0] = f->sectors;
    dyad_options opt = {0};
    opt.data_dir = f->dir;
    opt.dicts = f->dicts;
    opt.date = "2024-03-01";
    dyad_error err = {0};
    f->ctx = dyad_open(&opt, &err);
    *state = f;
    return f->ctx ? 0 : -1;
}

static int teardown(void **state) {
    fx *f = *state;
    char p[256];
    snprintf(p, sizeof p, "%s/actors/test.txt", f->dir);
    unlink(p);
    snprintf(p, sizeof p, "%s/actors", f->dir);
    rmdir(p);
    rmdir(f->dir);
    dyad_close(f->ctx);
    free(f);
    return 0;
}

/* "Colombia/PROPN 's/PART president/NOUN:p" -> a tagged document.
 * Sentences are separated by " || "; ":p" marks Number=Plur. */
static bool glued(const char *next) {
    return next && (strncmp(next, "'s/", 3) == 0 || strncmp(next, ",/", 2) == 0 ||
                    strncmp(next, "./", 2) == 0 || strncmp(next, "-/", 2) == 0);
}

static dyad_doc *mk(const char *spec, const char *date) {
    dyad_buf b = {0};
    char *s = strdup(spec), *save = NULL;
    char *w[256];
    size_t n = 0;
    for (char *t = strtok_r(s, " ", &save); t && n < 256; t = strtok_r(NULL, " ", &save))
        w[n++] = t;
    int id = 1;
    for (size_t i = 0; i < n; i++) {
        if (strcmp(w[i], "||") == 0) { dyad_buf_puts(&b, "\n"); id = 1; continue; }
        char *slash = strrchr(w[i], '/');
        assert_non_null(slash);
        *slash = '\0';
        char *upos = slash + 1, *feat = "_";
        char *colon = strchr(upos, ':');
        if (colon) { *colon = '\0'; feat = "Number=Plur"; }
        const char *next = i + 1 < n ? w[i + 1] : NULL;
        dyad_buf_printf(&b, "%d\t%s\t_\t%s\t_\t%s\t_\t_\t_\t%s\n", id++, w[i], upos, feat,
                        glued(next) || strcmp(w[i], "-") == 0 ? "SpaceAfter=No" : "_");
    }
    dyad_buf_puts(&b, "\n");
    dyad_error err = {0};
    dyad_doc *d = dyad_conllu_read(b.data, b.len, "t", &err);
    if (!d) fprintf(stderr, "%s\n", err.msg);
    assert_non_null(d);
    if (date) d->date = dyad_doc_strndup(d, date, strlen(date));
    free(s);
    dyad_buf_free(&b);
    return d;
}

/* The mention whose text is `text` (n-th if several). */
static const dyad_mention *find(const dyad_doc *d, const char *text, int nth) {
    for (size_t i = 0; i < d->nmentions; i++)
        if (strcmp(d->mentions[i].text, text) == 0 && nth-- == 0) return &d->mentions[i];
    for (size_t i = 0; i < d->nmentions; i++)
        print_message("  have: '%s' %s %s\n", d->mentions[i].text,
                      d->mentions[i].code ? d->mentions[i].code : "NULL", d->mentions[i].how);
    fail_msg("no mention '%s'", text);
    return NULL;
}

/* The first mention whose text contains sub (for parser-dependent spans). */
static const dyad_mention *find_sub(const dyad_doc *d, const char *sub) {
    for (size_t i = 0; i < d->nmentions; i++)
        if (strstr(d->mentions[i].text, sub)) return &d->mentions[i];
    fail_msg("no mention containing '%s'", sub);
    return NULL;
}

static void code_is(const dyad_mention *m, const char *code) {
    if (code && !m->code) print_message("  '%s' has no code (%s)\n", m->text, m->how);
    if (!code) { assert_null(m->code); return; }
    assert_non_null(m->code);
    assert_string_equal(m->code, code);
}

static dyad_doc *run(fx *f, const char *spec, const char *date) {
    dyad_doc *d = mk(spec, date);
    assert_int_equal(dyad_resolve_actors(f->ctx, d), 0);
    return d;
}

static void possessive_and_appos(void **state) {
    dyad_doc *d = run(*state, "Colombia/PROPN 's/PART president/NOUN ,/PUNCT Gustavo/PROPN "
                              "Petro/PROPN ,/PUNCT rejected/VERB the/DET plan/NOUN ./PUNCT", NULL);
    const dyad_mention *m = find(d, "Colombia's president", 0);
    code_is(m, "COLGOV");
    assert_string_equal(m->how, "possessive");
    code_is(find(d, "Gustavo Petro", 0), "COLGOV");
    dyad_doc_free(d);
}

static void title_with_name(void **state) {
    dyad_doc *d = run(*state, "U.S./PROPN President/PROPN Donald/PROPN Trump/PROPN "
                              "spoke/VERB ./PUNCT", "2025-06-01");
    code_is(find(d, "U.S. President Donald Trump", 0), "USAGOV");
    dyad_doc_free(d);
}

static void dated_roles(void **state) {
    dyad_doc *d = run(*state, "Trump/PROPN spoke/VERB ./PUNCT", "2023-05-01");
    const dyad_mention *m = find(d, "Trump", 0);
    code_is(m, "USAELI");
    dyad_doc_free(d);
    d = run(*state, "Petro/PROPN spoke/VERB ./PUNCT", "2024-05-01");
    code_is(find(d, "Petro", 0), "COLGOV");
    dyad_doc_free(d);
    /* before any role: the title picks the role of its sector */
    d = run(*state, "President/PROPN Petro/PROPN spoke/VERB ./PUNCT", "2001-05-01");
    m = find(d, "President Petro", 0);
    code_is(m, "COLGOV");
    assert_string_equal(m->how, "kb:person:title");
    dyad_doc_free(d);
    /* without a title, out of role: the country only */
    d = run(*state, "Petro/PROPN spoke/VERB ./PUNCT", "2001-05-01");
    m = find(d, "Petro", 0);
    code_is(m, "COL");
    assert_string_equal(m->how, "kb:person:out-of-role");
    dyad_doc_free(d);
    /* an ex-president called "President" in the text: the text's role */
    d = run(*state, "President/PROPN Trump/PROPN spoke/VERB ./PUNCT", "2023-05-01");
    code_is(find(d, "President Trump", 0), "USAGOV");
    dyad_doc_free(d);
    d = run(*state, "former/ADJ President/PROPN Trump/PROPN spoke/VERB ./PUNCT", "2023-05-01");
    code_is(find_sub(d, "Trump"), "USAELI");
    dyad_doc_free(d);
}

static void coordinated_modifiers(void **state) {
    dyad_doc *d = run(*state, "Senior/ADJ Hungarian/ADJ and/CCONJ Romanian/ADJ officials/NOUN:p "
                              "agreed/VERB ./PUNCT", NULL);
    const dyad_mention *h = find(d, "Hungarian", 0), *r = find(d, "Romanian officials", 0);
    code_is(h, "HUNGOV");
    code_is(r, "ROUGOV");
    assert_int_equal(h->head, r->head);
    assert_true(h->plural);
    dyad_doc_free(d);
}

static void coordinated_nps(void **state) {
    dyad_doc *d = run(*state, "Jordan/PROPN and/CCONJ Britain/PROPN have/AUX agreed/VERB ./PUNCT", NULL);
    code_is(find(d, "Jordan", 0), "JOR");
    code_is(find(d, "Britain", 0), "GBR");
    dyad_doc_free(d);
}

static void modifiers_and_demonyms(void **state) {
    dyad_doc *d = run(*state, "U.S./PROPN military/ADJ aircraft/NOUN struck/VERB ./PUNCT || "
                              "Deported/VERB Colombians/PROPN:p arrived/VERB ./PUNCT || "
                              "Washington/PROPN said/VERB no/INTJ ./PUNCT || "
                              "The/DET White/PROPN House/PROPN said/VERB no/INTJ ./PUNCT", NULL);
    code_is(find(d, "U.S. military aircraft", 0), "USAMIL");
    const dyad_mention *c = find(d, "Colombians", 0);
    code_is(c, "COLCVL");
    assert_true(c->plural);
    code_is(find(d, "Washington", 0), "USAGOV");
    dyad_doc *d2 = run(*state, "Petro/PROPN arrived/VERB in/ADP Washington/PROPN ./PUNCT", NULL);
    code_is(find(d2, "Washington", 0), "USA");        /* a place, not the government */
    dyad_doc_free(d2);
    code_is(find(d, "White House", 0), "USAGOV");
    dyad_doc_free(d);
}

static void head_sector_beats_adjective(void **state) {
    dyad_doc *d = run(*state, "Radical/ADJ Colombian/ADJ farmers/NOUN:p protested/VERB ./PUNCT || "
                              "Colombian/ADJ army/NOUN officers/NOUN:p today/NOUN left/VERB ./PUNCT", NULL);
    code_is(find(d, "Radical Colombian farmers", 0), "COLAGR");
    code_is(find(d, "Colombian army officers", 0), "COLMIL");   /* noun modifier wins */
    dyad_doc_free(d);
}

static void of_phrase_and_unknown(void **state) {
    dyad_doc *d = run(*state, "Zorblax/PROPN Quennet/PROPN met/VERB the/DET president/NOUN "
                              "of/ADP Armenia/PROPN ./PUNCT", NULL);
    const dyad_mention *u = find(d, "Zorblax Quennet", 0);
    code_is(u, NULL);
    assert_string_equal(u->how, "unknown");
    code_is(find(d, "president", 0), "ARMGOV");
    dyad_doc_free(d);
    d = run(*state, "The/DET leader/NOUN of/ADP the/DET UN/PROPN spoke/VERB ./PUNCT || "
                    "Gunmen/NOUN:p killed/VERB two/NUM women/NOUN:p ./PUNCT", NULL);
    code_is(find(d, "leader", 0), "IGOUNO");         /* an organisation's code */
    code_is(find(d, "two women", 0), NULL);          /* indefinite: not "both" */
    dyad_doc_free(d);
}

static void org_with_sector(void **state) {
    dyad_doc *d = run(*state, "U.N./PROPN helicopters/NOUN:p evacuated/VERB the/DET wounded/ADJ ./PUNCT", NULL);
    const dyad_mention *m = find(d, "U.N. helicopters", 0);
    code_is(m, "IGOUNOMIL");
    assert_string_equal(m->country, "IGO");
    assert_string_equal(m->sector, "MIL");
    dyad_doc_free(d);
}

static void title_takes_document_country(void **state) {
    dyad_doc *d = run(*state, "President/PROPN Zorblax/PROPN Quennet/PROPN visited/VERB "
                              "Armenia/PROPN ./PUNCT || the/DET police/NOUN "
                              "left/VERB ./PUNCT", NULL);
    const dyad_mention *m = find(d, "President Zorblax Quennet", 0);
    code_is(m, "ARMGOV");
    assert_string_equal(m->how, "context");
    m = find(d, "police", 0);                 /* a plain sector noun: the story's country */
    code_is(m, "ARMCOP");
    assert_string_equal(m->how, "context:story");
    dyad_doc_free(d);
    /* an ethnic minority belongs to the country of the story, not the kin state */
    d = run(*state, "Romania/PROPN arrested/VERB ethnic/ADJ Hungarians/PROPN:p ./PUNCT", NULL);
    m = find(d, "ethnic Hungarians", 0);
    code_is(m, "ROUCVL");
    assert_string_equal(m->how, "context");
    dyad_doc_free(d);
}

/* A city or region gives its country (no sector), dated where borders moved;
 * it also sets the story's country. */
static void places_give_their_country(void **state) {
    dyad_doc *d = run(*state, "Rebels/NOUN:p shelled/VERB Gulu/PROPN ./PUNCT", NULL);
    const dyad_mention *m = find(d, "Gulu", 0);
    code_is(m, "UGACVL");                    /* a town as a target: its people */
    assert_string_equal(m->how, "kb:place");
    code_is(find(d, "Rebels", 0), "UGAREB");
    dyad_doc_free(d);
    d = run(*state, "Rebels/NOUN:p met/VERB in/ADP Gulu/PROPN ./PUNCT", NULL);
    m = find(d, "Gulu", 0);
    code_is(m, "UGA");                       /* a location: the country only */
    assert_string_equal(m->sector, "");
    dyad_doc_free(d);
    d = run(*state, "Fighting/NOUN began/VERB in/ADP Juba/PROPN ./PUNCT", "2005-03-01");
    code_is(find(d, "Juba", 0), "SDN");
    dyad_doc_free(d);
    d = run(*state, "Fighting/NOUN began/VERB in/ADP Juba/PROPN ./PUNCT", "2015-03-01");
    code_is(find(d, "Juba", 0), "SSD");
    dyad_doc_free(d);
    /* "rebels in Kitgum": the sector noun takes the place's country */
    d = run(*state, "rebels/NOUN:p in/ADP Kitgum/PROPN attacked/VERB ./PUNCT", NULL);
    code_is(find(d, "rebels", 0), "UGAREB");
    dyad_doc_free(d);
}

/* People of older news: the role at the document date; a title in the text
 * picks the role of its sector ("President Reagan" after 1989). */
static void historical_roles(void **state) {
    dyad_doc *d = run(*state, "Reagan/PROPN spoke/VERB ./PUNCT", "1985-06-01");
    code_is(find(d, "Reagan", 0), "USAGOV");
    dyad_doc_free(d);
    d = run(*state, "Reagan/PROPN spoke/VERB ./PUNCT", "1995-06-01");
    code_is(find(d, "Reagan", 0), "USAELI");
    dyad_doc_free(d);
    d = run(*state, "President/PROPN Reagan/PROPN spoke/VERB ./PUNCT", "1995-06-01");
    const dyad_mention *m = find(d, "President Reagan", 0);
    code_is(m, "USAGOV");
    assert_string_equal(m->how, "kb:person:title");
    dyad_doc_free(d);
    /* "former" in the phrase: the text says the role is over */
    d = run(*state, "former/ADJ American/ADJ president/NOUN Reagan/PROPN spoke/VERB ./PUNCT",
            "1995-06-01");
    code_is(find_sub(d, "Reagan"), "USAELI");
    dyad_doc_free(d);
    /* an office named outright beats another current role; a vague title does not */
    d = run(*state, "President/PROPN Quimera/PROPN spoke/VERB ./PUNCT", "2015-06-01");
    code_is(find(d, "President Quimera", 0), "COLGOV");
    dyad_doc_free(d);
    d = run(*state, "the/DET leader/NOUN Quimera/PROPN spoke/VERB ./PUNCT", "2015-06-01");
    code_is(find_sub(d, "Quimera"), "COLOPP");
    dyad_doc_free(d);
    d = run(*state, "Reagan/PROPN spoke/VERB ./PUNCT", "2010-06-01");
    m = find(d, "Reagan", 0);
    code_is(m, "USA");                       /* after every role: the country */
    assert_true(m->how && strcmp(m->how, "kb:person:out-of-role") == 0);
    dyad_doc_free(d);
}

/* Plain sector nouns take the story's country; with no country in the
 * story they stay uncoded. */
static void sector_nouns_take_story_country(void **state) {
    dyad_doc *d = run(*state, "Colombia/PROPN closed/VERB the/DET border/NOUN ./PUNCT || "
                              "The/DET military/NOUN said/VERB protesters/NOUN:p "
                              "threw/VERB stones/NOUN:p ./PUNCT", NULL);
    const dyad_mention *m = find(d, "military", 0);
    code_is(m, "COLMIL");
    assert_string_equal(m->how, "context:story");
    code_is(find(d, "protesters", 0), "COLOPP");
    dyad_doc_free(d);
    d = run(*state, "The/DET police/NOUN arrested/VERB protesters/NOUN:p ./PUNCT", NULL);
    code_is(find(d, "police", 0), NULL);
    code_is(find(d, "protesters", 0), NULL);
    dyad_doc_free(d);
}

/* With --replace the user's dictionaries alone decide, as in PETRARCH: no
 * story country for plain sector nouns, no NGO guessed from a name. */
static void replace_keeps_petrarch_semantics(void **state) {
    fx *f = *state;
    char kbpath[256];
    snprintf(kbpath, sizeof kbpath, "%s/actors/test.txt", f->dir);
    const char *dicts[3] = {kbpath, f->sectors, NULL};
    dyad_options opt = {0};
    opt.data_dir = f->dir;
    opt.dicts = dicts;
    opt.replace_builtin = true;
    opt.date = "2024-03-01";
    dyad_error err = {0};
    dyad_ctx *ctx = dyad_open(&opt, &err);
    assert_non_null(ctx);
    dyad_doc *d = mk("Colombia/PROPN closed/VERB the/DET border/NOUN ./PUNCT || "
                     "The/DET police/NOUN thanked/VERB the/DET Zorblax/PROPN Institute/PROPN "
                     "./PUNCT", NULL);
    assert_int_equal(dyad_resolve_actors(ctx, d), 0);
    code_is(find(d, "police", 0), NULL);
    code_is(find(d, "Zorblax Institute", 0), NULL);
    dyad_doc_free(d);
    dyad_close(ctx);
}

/* Coreference: a government is "it", not "he"; "its spokesman" and "their
 * leader" belong to the antecedent; a city after "in" is not "it"; pronouns
 * linked to sector nouns get the story's country. */
static void coref_bodies_and_possessives(void **state) {
    dyad_doc *d = run(*state,
        "The/DET Colombian/ADJ government/NOUN said/VERB it/PRON would/AUX act/VERB ./PUNCT || "
        "Its/PRON spokesman/NOUN spoke/VERB in/ADP Gulu/PROPN ./PUNCT || "
        "It/PRON denied/VERB everything/PRON ./PUNCT", NULL);
    const dyad_mention *it = find(d, "it", 0);
    code_is(it, "COLGOV");
    assert_string_equal(d->mentions[it->antecedent].text, "Colombian government");
    const dyad_mention *sp = find(d, "spokesman", 0);
    code_is(sp, "COLGOV");
    assert_string_equal(sp->how, "coref:possessive");
    code_is(find(d, "It", 0), "COLGOV");     /* not the city of Gulu */
    dyad_doc_free(d);
    d = run(*state,
        "Rebels/NOUN:p attacked/VERB Kitgum/PROPN ./PUNCT || "
        "They/PRON fled/VERB ./PUNCT || "
        "Their/PRON leader/NOUN spoke/VERB ./PUNCT", NULL);
    code_is(find(d, "They", 0), "UGAREB");
    dyad_doc_free(d);
    d = run(*state, "Jordan/PROPN and/CCONJ Britain/PROPN signed/VERB ./PUNCT || "
                    "Both/DET countries/NOUN:p agreed/VERB ./PUNCT", NULL);
    const dyad_mention *c0 = find(d, "countries", 0), *c1 = find(d, "countries", 1);
    assert_string_equal(c0->how, "coref:both");
    assert_true(c0->code && c1->code && strcmp(c0->code, c1->code) != 0);
    assert_int_equal(c0->head, c1->head);
    dyad_doc_free(d);
    d = run(*state,
        "Rebels/NOUN:p attacked/VERB Kitgum/PROPN ./PUNCT || "
        "They/PRON fled/VERB ./PUNCT || "
        "Their/PRON leader/NOUN spoke/VERB ./PUNCT", NULL);
    const dyad_mention *l = find(d, "leader", 0);
    code_is(l, "UGAREB");                    /* a rebel leader, not the government */
    dyad_doc_free(d);
}

/* "the leaders of the opposition", "a spokesman for the rebels": the group
 * gets the story's country at the end; its leader or spokesman takes the
 * group's code, not the government's. */
static void of_a_pending_group(void **state) {
    dyad_doc *d = run(*state, "Colombia/PROPN closed/VERB the/DET border/NOUN ./PUNCT || "
                              "A/DET spokesman/NOUN for/ADP the/DET rebels/NOUN:p "
                              "spoke/VERB ./PUNCT", NULL);
    const dyad_mention *m = find(d, "spokesman", 0);
    code_is(m, "COLREB");
    assert_string_equal(m->how, "nmod");
    dyad_doc_free(d);
}

/* "Vietnamese-led forces": a country-led phrase is the leader's; "-backed"
 * is not. */
static void led_and_backed(void **state) {
    dyad_doc *d = run(*state, "Colombian/ADJ -/PUNCT led/VERB forces/NOUN:p attacked/VERB "
                              "./PUNCT", NULL);
    code_is(find_sub(d, "forces"), "COLMIL");
    dyad_doc_free(d);
}

/* Group and part nouns stand for their actor. */
static void group_nouns(void **state) {
    dyad_doc *d = run(*state, "Members/NOUN:p of/ADP the/DET RUF/PROPN attacked/VERB "
                              "./PUNCT", NULL);
    const dyad_mention *m = find(d, "Members", 0);
    code_is(m, "SLEREB");
    assert_string_equal(m->how, "group");
    dyad_doc_free(d);
    d = run(*state, "Hamas/PROPN 's/PART supporters/NOUN:p marched/VERB ./PUNCT", NULL);
    m = find(d, "Hamas's supporters", 0);
    code_is(m, "PSEREBHMS");
    assert_string_equal(m->how, "possessive:group");
    dyad_doc_free(d);
    /* an organisation's sector noun keeps the organisation's code */
    d = run(*state, "Hamas/PROPN 's/PART leaders/NOUN:p met/VERB ./PUNCT", NULL);
    code_is(find(d, "Hamas's leaders", 0), "PSEREBHMS");
    dyad_doc_free(d);
    /* a person's supporters: the person's country */
    d = run(*state, "Supporters/NOUN:p of/ADP Petro/PROPN marched/VERB ./PUNCT", "2024-05-01");
    code_is(find(d, "Supporters", 0), "COL");
    dyad_doc_free(d);
}

/* An unnamed NGO is NGO, not the story's country; a sector word that only
 * modifies a thing ("military equipment") is no actor; "deputy minister" is
 * a minister, not a legislator. */
static void ngo_things_and_deputies(void **state) {
    dyad_doc *d = run(*state, "Colombia/PROPN received/VERB military/ADJ equipment/NOUN "
                              "./PUNCT || A/DET human/ADJ rights/NOUN group/NOUN "
                              "protested/VERB ./PUNCT || The/DET deputy/NOUN minister/NOUN "
                              "resigned/VERB ./PUNCT", NULL);
    code_is(find(d, "human rights group", 0), "NGO");
    dyad_doc_free(d);
    /* an unknown name headed by Institute, Forum, Foundation ... is an NGO */
    d = run(*state, "Colombia/PROPN thanked/VERB the/DET Zorblax/PROPN Institute/PROPN ./PUNCT",
            NULL);
    const dyad_mention *ngo = find(d, "Zorblax Institute", 0);
    code_is(ngo, "NGO");
    assert_string_equal(ngo->how, "unknown:ngo");
    dyad_doc_free(d);
    d = run(*state, "Colombia/PROPN received/VERB military/ADJ equipment/NOUN "
                    "./PUNCT || A/DET human/ADJ rights/NOUN group/NOUN "
                    "protested/VERB ./PUNCT || The/DET deputy/NOUN minister/NOUN "
                    "resigned/VERB ./PUNCT", NULL);
    for (size_t i = 0; i < d->nmentions; i++)
        assert_true(strstr(d->mentions[i].text, "equipment") == NULL);
    const dyad_mention *m = find(d, "deputy minister", 0);
    code_is(m, "COLGOV");
    dyad_doc_free(d);
    /* a former official is an elite; "by force" is no armed force */
    d = run(*state, "Colombia/PROPN said/VERB a/DET former/ADJ leader/NOUN took/VERB power/NOUN "
                    "by/ADP force/NOUN ./PUNCT", NULL);
    code_is(find(d, "former leader", 0), "COLELI");
    for (size_t i = 0; i < d->nmentions; i++)
        assert_true(strcmp(d->mentions[i].text, "force") != 0 || !d->mentions[i].code);
    dyad_doc_free(d);
}

static void acronym_case(void **state) {
    dyad_doc *d = run(*state, "The/DET UN/PROPN told/VERB us/PRON ./PUNCT", NULL);
    code_is(find(d, "UN", 0), "IGOUNO");
    for (size_t i = 0; i < d->nmentions; i++)
        assert_true(strcmp(d->mentions[i].text, "us") != 0 || !d->mentions[i].code ||
                    strcmp(d->mentions[i].code, "USA") != 0);
    dyad_doc_free(d);
}

static void pronouns_and_descriptions(void **state) {
    dyad_doc *d = run(*state,
        "Gustavo/PROPN Petro/PROPN criticized/VERB Washington/PROPN ./PUNCT || "
        "He/PRON said/VERB it/PRON would/AUX fail/VERB ./PUNCT || "
        "The/DET Colombian/ADJ leader/NOUN left/VERB ./PUNCT", "2024-05-01");
    const dyad_mention *he = find(d, "He", 0), *it = find(d, "it", 0);
    code_is(he, "COLGOV");
    assert_string_equal(he->how, "coref:pronoun");
    assert_true(he->antecedent >= 0);
    assert_string_equal(d->mentions[he->antecedent].text, "Gustavo Petro");
    code_is(it, "USAGOV");
    const dyad_mention *l = find(d, "Colombian leader", 0);
    code_is(l, "COLGOV");
    assert_true(l->antecedent >= 0);
    dyad_doc_free(d);
}

static void the_president_and_both(void **state) {
    dyad_doc *d = run(*state,
        "Colombia/PROPN and/CCONJ the/DET United/PROPN States/PROPN signed/VERB ./PUNCT || "
        "Both/DET governments/NOUN:p praised/VERB the/DET deal/NOUN ./PUNCT || "
        "Petro/PROPN spoke/VERB ./PUNCT || The/DET president/NOUN smiled/VERB ./PUNCT",
        "2024-05-01");
    const dyad_mention *g1 = find(d, "governments", 0), *g2 = find(d, "governments", 1);
    assert_non_null(g1->code);
    assert_non_null(g2->code);
    assert_string_not_equal(g1->code, g2->code);
    assert_int_equal(g1->head, g2->head);
    assert_string_equal(g1->sector, "GOV");
    const dyad_mention *p = find(d, "president", 0);
    code_is(p, "COLGOV");
    assert_string_equal(p->how, "coref:description");
    dyad_doc_free(d);
}

/* A person the KB does not know stands between "he" and an earlier known
 * person: the pronoun stays uncoded (an unknown body does not block). */
static void unknown_person_blocks_pronoun(void **state) {
    dyad_doc *d = run(*state,
        "Petro/PROPN spoke/VERB ./PUNCT || "
        "Zorblax/PROPN Quennet/PROPN said/VERB he/PRON would/AUX leave/VERB ./PUNCT || "
        "He/PRON left/VERB ./PUNCT", "2024-05-01");
    code_is(find(d, "he", 0), NULL);
    code_is(find(d, "He", 0), NULL);         /* the same unknown person again */
    dyad_doc_free(d);
    d = run(*state,
        "Petro/PROPN spoke/VERB ./PUNCT || "
        "Zorblax/PROPN Quennet/PROPN met/VERB him/PRON ./PUNCT", "2024-05-01");
    code_is(find(d, "him", 0), NULL);
    dyad_doc_free(d);
    /* the nearest by position, not the pronoun created last */
    d = run(*state,
        "Petro/PROPN spoke/VERB ./PUNCT || In/ADP his/PRON speech/NOUN ,/PUNCT Zorblax/PROPN "
        "Quennet/PROPN said/VERB he/PRON would/AUX stay/VERB ./PUNCT", "2024-05-01");
    code_is(find(d, "his", 0), "COLGOV");
    code_is(find(d, "he", 0), NULL);
    dyad_doc_free(d);
    /* ', he said' after a quotation: the speaker, not someone quoted */
    d = run(*state,
        "Petro/PROPN spoke/VERB ./PUNCT || \"/PUNCT Trump/PROPN is/AUX wrong/ADJ ,/PUNCT \"/PUNCT "
        "he/PRON said/VERB ./PUNCT", "2024-05-01");
    code_is(find(d, "he", 0), "COLGOV");
    dyad_doc_free(d);
    d = run(*state,
        "Petro/PROPN met/VERB Trump/PROPN and/CCONJ praised/VERB him/PRON ./PUNCT", "2024-05-01");
    code_is(find(d, "him", 0), "USAELI");   /* Trump between his terms */
    dyad_doc_free(d);
    d = run(*state,
        "Petro/PROPN spoke/VERB ./PUNCT || "
        "He/PRON praised/VERB the/DET Zorblax/PROPN Command/PROPN ./PUNCT || "
        "He/PRON left/VERB ./PUNCT", "2024-05-01");
    code_is(find(d, "He", 0), "COLGOV");
    code_is(find(d, "He", 1), "COLGOV");     /* a body is no "he" */
    dyad_doc_free(d);
}

/* "the court" after a named court is that court, and so is "the court's
 * president, Judge X"; "the government" is not linked to a named body. */
static void the_court_is_the_named_court(void **state) {
    dyad_doc *d = run(*state,
        "Colombia/PROPN sued/VERB Colombia/PROPN at/ADP the/DET International/PROPN "
        "Court/PROPN of/ADP Justice/PROPN ./PUNCT || "
        "The/DET court/NOUN 's/PART president/NOUN ,/PUNCT Judge/PROPN Zorblax/PROPN "
        "Quennet/PROPN ,/PUNCT spoke/VERB ./PUNCT", "2024-05-01");
    const dyad_mention *c = find(d, "court", 0);
    code_is(c, "IGOUNOJUDICJ");
    assert_string_equal(c->how, "coref:description");
    code_is(find(d, "president", 0), "IGOUNOJUDICJ");
    const dyad_mention *j = find(d, "Judge Zorblax Quennet", 0);
    assert_non_null(j->code);
    assert_string_equal(j->country, "IGO");  /* not Colombia's judge */
    dyad_doc_free(d);
    d = run(*state,
        "Colombia/PROPN and/CCONJ Colombia/PROPN spoke/VERB at/ADP the/DET United/PROPN "
        "Nations/PROPN ./PUNCT || The/DET government/NOUN agreed/VERB ./PUNCT", "2024-05-01");
    code_is(find(d, "government", 0), "COLGOV");
    dyad_doc_free(d);
}

/* A name that places of several countries share takes the country the
 * story names most; its own country by default; a tie leaves it uncoded. */
static void shared_place_takes_story_country(void **state) {
    dyad_doc *d = run(*state,
        "Lebanese/ADJ troops/NOUN:p fought/VERB in/ADP Tripoli/PROPN ./PUNCT || "
        "Lebanon/PROPN mourned/VERB ./PUNCT", NULL);
    const dyad_mention *t = find(d, "Tripoli", 0);
    code_is(t, "LBN");
    assert_string_equal(t->how, "kb:place");
    dyad_doc_free(d);
    d = run(*state, "Tripoli/PROPN said/VERB no/INTJ ./PUNCT", NULL);
    code_is(find(d, "Tripoli", 0), "LBYGOV");
    dyad_doc_free(d);
    d = run(*state,
        "Libya/PROPN and/CCONJ Lebanon/PROPN met/VERB in/ADP Tripoli/PROPN ./PUNCT", NULL);
    code_is(find(d, "Tripoli", 0), NULL);
    dyad_doc_free(d);
}

/* "they" for a single country or body only when it opens this or the last
 * sentence; a coordinated pair is both. */
static void they_for_a_single_body(void **state) {
    dyad_doc *d = run(*state,
        "Hamas/PROPN said/VERB they/PRON would/AUX fight/VERB ./PUNCT", "2024-05-01");
    code_is(find(d, "they", 0), "PSEREBHMS");
    dyad_doc_free(d);
    d = run(*state,
        "Zorblax/PROPN Quennet/PROPN told/VERB the/DET United/PROPN Nations/PROPN about/ADP "
        "their/PRON ordeal/NOUN ./PUNCT", "2024-05-01");
    code_is(find(d, "their", 0), NULL);      /* not the UN, named second */
    dyad_doc_free(d);
    d = run(*state,
        "Hamas/PROPN spoke/VERB ./PUNCT || Nobody/PRON listened/VERB ./PUNCT || "
        "Then/ADV they/PRON left/VERB ./PUNCT", "2024-05-01");
    code_is(find(d, "they", 0), NULL);       /* two sentences back: too far */
    dyad_doc_free(d);
}

/* "it" as an object or as the empty subject of "it is clear" is no actor;
 * "said it would", "it is willing to" and "it is still searching" are. */
static void dummy_it_is_no_actor(void **state) {
    dyad_doc *d = run(*state,
        "Colombia/PROPN signed/VERB the/DET deal/NOUN and/CCONJ implemented/VERB it/PRON ./PUNCT || "
        "It/PRON is/AUX clear/ADJ that/SCONJ Petro/PROPN won/VERB ./PUNCT || "
        "Colombia/PROPN said/VERB it/PRON would/AUX be/AUX possible/ADJ ./PUNCT", "2024-05-01");
    code_is(find(d, "it", 0), NULL);
    code_is(find(d, "It", 0), NULL);
    code_is(find(d, "it", 1), NULL);
    dyad_doc_free(d);
    d = run(*state,
        "Colombia/PROPN said/VERB it/PRON would/AUX act/VERB ./PUNCT || "
        "The/DET United/PROPN Nations/PROPN says/VERB it/PRON is/AUX willing/ADJ to/PART help/VERB ./PUNCT || "
        "It/PRON is/AUX still/ADV searching/VERB ./PUNCT", "2024-05-01");
    code_is(find(d, "it", 0), "COL");
    code_is(find(d, "it", 1), "IGOUNO");
    code_is(find(d, "It", 0), "IGOUNO");
    dyad_doc_free(d);
}

/* A known person inside an organisation's phrase ("U.N. envoy Ana
 * Quimera") is a "he"/"she"; the organisation alone is not. */
static void person_inside_org_phrase(void **state) {
    dyad_doc *d = run(*state,
        "U.N./PROPN envoy/NOUN Ana/PROPN Quimera/PROPN said/VERB she/PRON would/AUX "
        "stay/VERB ./PUNCT", "2024-05-01");
    code_is(find(d, "she", 0), "IGOUNOGOV");
    dyad_doc_free(d);
    d = run(*state,
        "The/DET United/PROPN Nations/PROPN said/VERB she/PRON would/AUX stay/VERB ./PUNCT",
        "2024-05-01");
    code_is(find(d, "she", 0), NULL);
    dyad_doc_free(d);
}

/* A surname the KB knows, after a first name it does not know, is someone
 * else; so is the surname alone in a story that names only that other
 * person.  Titles and honorifics are no first names. */
static void surname_of_someone_else(void **state) {
    dyad_doc *d = run(*state,
        "Liri/PROPN Quimera/PROPN spoke/VERB ./PUNCT || Quimera/PROPN left/VERB ./PUNCT",
        "2024-05-01");
    code_is(find(d, "Liri Quimera", 0), NULL);
    code_is(find(d, "Quimera", 0), NULL);
    dyad_doc_free(d);
    d = run(*state,
        "Ana/PROPN Quimera/PROPN and/CCONJ Liri/PROPN Quimera/PROPN spoke/VERB ./PUNCT || "
        "Quimera/PROPN left/VERB ./PUNCT", "2024-05-01");
    code_is(find(d, "Ana Quimera", 0), "COLGOV");
    code_is(find(d, "Quimera", 0), "COLGOV");   /* the KB's person is named in full */
    dyad_doc_free(d);
    d = run(*state, "Gen./PROPN Quimera/PROPN spoke/VERB ./PUNCT", "2024-05-01");
    code_is(find(d, "Gen. Quimera", 0), "COLGOV");
    dyad_doc_free(d);
}

/* In a story of several sentences a plain sector noun takes the story's
 * country only when that country is named at least twice as often as any
 * other; an unknown university never takes it. */
static void story_country_must_dominate(void **state) {
    const char *two =
        "Colombia/PROPN met/VERB Armenia/PROPN ./PUNCT || "
        "Armenia/PROPN and/CCONJ Colombia/PROPN talked/VERB ./PUNCT || "
        "The/DET police/NOUN left/VERB ./PUNCT";
    dyad_doc *d = run(*state, two, NULL);
    code_is(find(d, "police", 0), NULL);       /* two countries, equally named */
    dyad_doc_free(d);
    d = run(*state,
        "Colombia/PROPN met/VERB Armenia/PROPN ./PUNCT || "
        "Colombia/PROPN and/CCONJ Colombia/PROPN talked/VERB ./PUNCT || "
        "The/DET police/NOUN left/VERB ./PUNCT", NULL);
    code_is(find(d, "police", 0), "COLCOP");   /* Colombia three times, Armenia once */
    dyad_doc_free(d);
    d = run(*state,
        "Colombia/PROPN voted/VERB ./PUNCT || A/DET professor/NOUN at/ADP Zorblax/PROPN "
        "University/PROPN spoke/VERB ./PUNCT", NULL);
    code_is(find(d, "Zorblax University", 0), NULL);
    dyad_doc_free(d);
}

/* "Colombian Americans" are Americans of Colombian origin: a demonym
 * right after another one gives the country; coordinated ones do not. */
static void hyphenated_nationality(void **state) {
    dyad_doc *d = run(*state,
        "Colombian/ADJ Americans/PROPN:p protested/VERB ./PUNCT", "2024-05-01");
    code_is(find(d, "Colombian Americans", 0), "USACVL");
    dyad_doc_free(d);
    d = run(*state,
        "Colombian/ADJ and/CCONJ American/ADJ officials/NOUN:p met/VERB ./PUNCT", "2024-05-01");
    code_is(find(d, "Colombian", 0), "COLGOV");
    dyad_doc_free(d);
    /* "a Colombian-proposed plan": the demonym only modifies; "a Colombian" is one */
    d = run(*state,
        "Petro/PROPN backed/VERB a/DET Colombian/ADJ -/PUNCT proposed/VERB plan/NOUN ./PUNCT || "
        "A/DET Colombian/PROPN spoke/VERB ./PUNCT", "2024-05-01");
    code_is(find(d, "Colombian", 0), "COL");
    code_is(find(d, "Colombian", 1), "COLCVL");
    dyad_doc_free(d);
}

/* A place is its people (CVL) only where an actor or a target stands: not
 * in "Gulu, Kitgum" or "a lawmaker of Kitgum", but in "the town of Kitgum". */
static void place_named_as_location(void **state) {
    dyad_doc *d = run(*state,
        "Rebels/NOUN:p shelled/VERB Kitgum/PROPN ./PUNCT || "
        "A/DET lawmaker/NOUN of/ADP Kitgum/PROPN spoke/VERB ./PUNCT || "
        "They/PRON went/VERB to/ADP Juba/PROPN ,/PUNCT Gulu/PROPN ,/PUNCT on/ADP Monday/PROPN ./PUNCT || "
        "Rebels/NOUN:p attacked/VERB the/DET town/NOUN of/ADP Gulu/PROPN ./PUNCT", "2024-05-01");
    code_is(find(d, "Kitgum", 0), "UGACVL");
    code_is(find(d, "Kitgum", 1), "UGA");
    code_is(find(d, "Gulu", 0), "UGA");
    code_is(find(d, "Gulu", 1), "UGACVL");
    dyad_doc_free(d);
}

/* A country's name inside a sea's name is no actor of that country. */
static void seas_are_not_countries(void **state) {
    dyad_doc *d = run(*state,
        "Ships/NOUN:p sailed/VERB the/DET Colombian/ADJ Sea/PROPN and/CCONJ the/DET Gulf/PROPN "
        "of/ADP Armenia/PROPN ./PUNCT || Colombia/PROPN protested/VERB ./PUNCT", "2024-05-01");
    code_is(find(d, "Colombian Sea", 0), NULL);
    code_is(find(d, "Armenia", 0), NULL);
    code_is(find(d, "Colombia", 0), "COL");
    dyad_doc_free(d);
}

static void they_after_coordination(void **state) {
    dyad_doc *d = run(*state, "Jordan/PROPN and/CCONJ Britain/PROPN signed/VERB ./PUNCT || "
                              "They/PRON met/VERB ./PUNCT", NULL);
    const dyad_mention *t1 = find(d, "They", 0), *t2 = find(d, "They", 1);
    assert_non_null(t1->code);
    assert_non_null(t2->code);
    assert_string_not_equal(t1->code, t2->code);
    assert_string_equal(t1->how, "coref:pronoun");
    dyad_doc_free(d);
}

/* With gold heads, a mention's head is the syntactic head of the phrase. */
static void head_from_the_tree(void **state) {
    const char *conllu =
        "1\tPresident\t_\tPROPN\t_\t_\t2\tcompound\t_\t_\n"
        "2\tPetro\t_\tPROPN\t_\t_\t3\tnsubj\t_\t_\n"
        "3\tspoke\t_\tVERB\t_\t_\t0\troot\t_\tSpaceAfter=No\n"
        "4\t.\t_\tPUNCT\t_\t_\t3\tpunct\t_\t_\n\n"
        "1\tGustavo\t_\tPROPN\t_\t_\t3\tnsubj\t_\t_\n"
        "2\tPetro\t_\tPROPN\t_\t_\t1\tflat\t_\t_\n"
        "3\tspoke\t_\tVERB\t_\t_\t0\troot\t_\tSpaceAfter=No\n"
        "4\t.\t_\tPUNCT\t_\t_\t3\tpunct\t_\t_\n\n";
    dyad_error err = {0};
    dyad_doc *d = dyad_conllu_read(conllu, strlen(conllu), "t", &err);
    assert_non_null(d);
    d->date = "2024-05-01";
    assert_int_equal(dyad_resolve_actors(((fx *)*state)->ctx, d), 0);
    const dyad_mention *m = find(d, "President Petro", 0);
    code_is(m, "COLGOV");
    assert_int_equal(m->head, 1);
    m = find(d, "Gustavo Petro", 0);
    assert_int_equal(m->head, 0);
    dyad_doc_free(d);
}

static void bad_tokens_no_crash(void **state) {
    dyad_doc *d = run(*state, "'s/PART 's/PART ,/PUNCT and/CCONJ of/ADP ./PUNCT", NULL);
    dyad_doc_free(d);
    d = mk("x/X", NULL);
    d->nsentences = 0;
    assert_int_equal(dyad_resolve_actors(((fx *)*state)->ctx, d), 0);
    assert_int_equal(d->nmentions, 0);
    dyad_doc_free(d);
}

/* ---- through the real segmenter, tagger and parser, with the shipped KB ---- */

static void real_parser_sentences(void **state) {
    const char *data = getenv("DYAD_DATA");
    char model[1024];
    struct stat st;
    snprintf(model, sizeof model, "%s/model/dyad.model", data && *data ? data : "data");
    if (stat(model, &st) != 0) {
        print_message("skipped: no parser model at %s\n", model);
        skip();
    }
    dyad_error err = {0};
    dyad_ctx *ctx = dyad_open(NULL, &err);
    assert_non_null(ctx);
    const char *text = "Colombia's president, Gustavo Petro, criticized U.S. military aircraft "
                       "on Monday. He said Washington had ignored the deported Colombians.";
    dyad_doc *d = dyad_doc_new("real", NULL, "2025-02-01", text, strlen(text));
    assert_int_equal(dyad_segment(d), 0);
    assert_int_equal(dyad_parse(ctx, d), 0);
    assert_int_equal(dyad_resolve_actors(ctx, d), 0);
    code_is(find_sub(d, "president"), "COLGOV");
    code_is(find_sub(d, "Gustavo Petro"), "COLGOV");
    code_is(find_sub(d, "aircraft"), "USAMIL");
    code_is(find(d, "He", 0), "COLGOV");
    code_is(find_sub(d, "Washington"), "USAGOV");
    code_is(find_sub(d, "Colombians"), "COLCVL");
    dyad_doc_free(d);
    dyad_close(ctx);
}

/* ---- the CLI ---- */

static void cli_help_and_usage(void **state) {
    char cmd[512], *out = NULL;
    snprintf(cmd, sizeof cmd, "%s actors --help", dyad_bin());
    assert_int_equal(run_capture(cmd, &out), 0);
    assert_non_null(strstr(out, "--unknown"));
    free(out);
    snprintf(cmd, sizeof cmd, "%s actors --bogus 2>/dev/null", dyad_bin());
    assert_int_equal(run_capture(cmd, NULL), 2);
    snprintf(cmd, sizeof cmd, "%s actors --date 2024-99-99 2>/dev/null </dev/null", dyad_bin());
    assert_int_equal(run_capture(cmd, NULL), 2);
}

static void cli_mentions_and_unknown(void **state) {
    const char *text = "Colombia's president met Zorblax Quennet. Washington praised the "
                       "meeting. Zorblax Quennet said Colombia would wait.\n";
    char path[128], cmd[512], *out = NULL;
    assert_non_null(write_temp(".txt", text, strlen(text), path, sizeof path));
    snprintf(cmd, sizeof cmd, "%s actors --date 2024-05-01 %s 2>/dev/null", dyad_bin(), path);
    assert_int_equal(run_capture(cmd, &out), 0);
    assert_non_null(strstr(out, "\"code\":\"COL"));
    assert_non_null(strstr(out, "\"code\":\"USAGOV\""));
    assert_non_null(strstr(out, "\"span\":[0,"));
    free(out);
    snprintf(cmd, sizeof cmd, "%s actors --unknown %s 2>/dev/null", dyad_bin(), path);
    assert_int_equal(run_capture(cmd, &out), 0);
    assert_non_null(strstr(out, "Zorblax Quennet\t2\t"));
    free(out);
    unlink(path);
}

static void cli_dict_and_replace(void **state) {
    const char *kb = "country ZZZ    Zorbland\n  adj   Zorblandian\nbroken line\n";
    const char *text = "Zorblandian officials met Colombia.\n";
    char kpath[128], tpath[128], cmd[600], *out = NULL;
    assert_non_null(write_temp(".kb.txt", kb, strlen(kb), kpath, sizeof kpath));
    assert_non_null(write_temp(".txt", text, strlen(text), tpath, sizeof tpath));
    snprintf(cmd, sizeof cmd, "%s actors --dict %s %s 2>/dev/null", dyad_bin(), kpath, tpath);
    assert_int_equal(run_capture(cmd, &out), 0);
    assert_non_null(strstr(out, "\"code\":\"ZZZGOV\""));
    assert_non_null(strstr(out, "\"code\":\"COL\""));
    free(out);
    snprintf(cmd, sizeof cmd, "%s actors --replace --dict %s %s 2>&1 >/dev/null", dyad_bin(),
             kpath, tpath);
    assert_int_equal(run_capture(cmd, &out), 0);
    assert_non_null(strstr(out, ":3: unknown keyword"));      /* file:line of the bad line */
    free(out);
    snprintf(cmd, sizeof cmd, "%s actors --replace --dict %s %s 2>/dev/null", dyad_bin(), kpath, tpath);
    assert_int_equal(run_capture(cmd, &out), 0);
    assert_non_null(strstr(out, "\"code\":\"ZZZ"));
    assert_null(strstr(out, "\"code\":\"COL\""));              /* built-ins dropped */
    free(out);
    unlink(kpath);
    unlink(tpath);
}

static void cli_eval_plover(void **state) {
    char gold[1024], cmd[1400], *out = NULL;
    SKIP_WITHOUT_SHARED("eval/plover/plover_gsr_dev.jsonl", gold);
    snprintf(cmd, sizeof cmd, "%s actors --eval %s --json 2>/dev/null", dyad_bin(), gold);
    assert_int_equal(run_capture(cmd, &out), 0);
    double acc = -1, sacc = -1;
    const char *p = strstr(out, "\"accuracy\":");
    const char *q = strstr(out, "\"sector_accuracy\":");
    assert_non_null(p);
    assert_non_null(q);
    acc = atof(p + 11);
    sacc = atof(q + 18);
    print_message("PLOVER dev gold actors: code accuracy %.4f, sector accuracy %.4f\n", acc, sacc);
    assert_true(acc >= ACTOR_ACC_FLOOR);
    assert_true(sacc >= SECTOR_ACC_FLOOR);
    free(out);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(possessive_and_appos),
        cmocka_unit_test(title_with_name),
        cmocka_unit_test(dated_roles),
        cmocka_unit_test(coordinated_modifiers),
        cmocka_unit_test(coordinated_nps),
        cmocka_unit_test(modifiers_and_demonyms),
        cmocka_unit_test(head_sector_beats_adjective),
        cmocka_unit_test(of_phrase_and_unknown),
        cmocka_unit_test(org_with_sector),
        cmocka_unit_test(title_takes_document_country),
        cmocka_unit_test(places_give_their_country),
        cmocka_unit_test(historical_roles),
        cmocka_unit_test(sector_nouns_take_story_country),
        cmocka_unit_test(replace_keeps_petrarch_semantics),
        cmocka_unit_test(coref_bodies_and_possessives),
        cmocka_unit_test(group_nouns),
        cmocka_unit_test(of_a_pending_group),
        cmocka_unit_test(led_and_backed),
        cmocka_unit_test(ngo_things_and_deputies),
        cmocka_unit_test(acronym_case),
        cmocka_unit_test(pronouns_and_descriptions),
        cmocka_unit_test(the_president_and_both),
        cmocka_unit_test(they_after_coordination),
        cmocka_unit_test(they_for_a_single_body),
        cmocka_unit_test(dummy_it_is_no_actor),
        cmocka_unit_test(person_inside_org_phrase),
        cmocka_unit_test(surname_of_someone_else),
        cmocka_unit_test(story_country_must_dominate),
        cmocka_unit_test(hyphenated_nationality),
        cmocka_unit_test(place_named_as_location),
        cmocka_unit_test(seas_are_not_countries),
        cmocka_unit_test(unknown_person_blocks_pronoun),
        cmocka_unit_test(the_court_is_the_named_court),
        cmocka_unit_test(shared_place_takes_story_country),
        cmocka_unit_test(head_from_the_tree),
        cmocka_unit_test(bad_tokens_no_crash),
        cmocka_unit_test(real_parser_sentences),
        cmocka_unit_test(cli_help_and_usage),
        cmocka_unit_test(cli_mentions_and_unknown),
        cmocka_unit_test(cli_dict_and_replace),
        cmocka_unit_test(cli_eval_plover),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
