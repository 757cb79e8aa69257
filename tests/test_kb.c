/* test_kb.c -- the actor knowledge base: dyad files, dated roles, bad lines,
 * PETRARCH actor/agent import (the Phoenix files, timed), name matching. */
#include "testutil.h"
#include "actors/actors.h"

#include <time.h>

static const char *data_dir(void) {
    const char *d = getenv("DYAD_DATA");
    return d && *d ? d : "data";
}

static double now_s(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/* Code of the longest match of a space-separated phrase, "" if none. */
static const char *lookup(dyad_kb *kb, const char *phrase, int date, char *out) {
    char buf[256];
    snprintf(buf, sizeof buf, "%s", phrase);
    const char *w[16];
    size_t n = 0;
    for (char *t = strtok(buf, " "); t && n < 16; t = strtok(NULL, " ")) w[n++] = t;
    int e = -1;
    out[0] = '\0';
    if (dyad_kb_match(kb, w, n, true, true, &e) == n) {
        kb_code c = dyad_kb_code(kb, e, date);
        strcpy(out, c.code);
    }
    return out;
}

static dyad_kb *load_text(const char *name, const char *text, int *bad) {
    char path[256];
    snprintf(path, sizeof path, "/tmp/dyadkb-%d-%s", (int)getpid(), name);
    FILE *f = fopen(path, "w");
    fputs(text, f);
    fclose(f);
    dyad_kb *kb = dyad_kb_new();
    dyad_error err = {0};
    *bad = dyad_kb_load(kb, path, &err);
    unlink(path);
    return kb;
}

static void shipped_people_dated_roles(void **state) {
    dyad_kb *kb = dyad_kb_new();
    dyad_error err = {0};
    assert_true(dyad_kb_load_builtin(kb, data_dir(), &err) >= 0);
    char c[64];
    assert_string_not_equal(lookup(kb, "Donald Trump", 20230601, c), "USAGOV");
    assert_string_equal(lookup(kb, "Donald Trump", 20180601, c), "USAGOV");
    assert_string_equal(lookup(kb, "Gustavo Petro", 20240601, c), "COLGOV");
    assert_string_equal(lookup(kb, "Petro", 20240601, c), "COLGOV");
    /* the sector vocabulary is built in too */
    int e = -1;
    const char *w[] = {"troops"};
    assert_int_equal(dyad_kb_match(kb, w, 1, false, true, &e), 1);
    assert_string_equal(dyad_kb_code(kb, e, 20240101).sector, "MIL");
    print_message("built-in KB: %zu names, %zu entries\n", dyad_kb_nnames(kb),
                  dyad_kb_nentries(kb));
    dyad_kb_free(kb);
}

static void dyad_format_and_bad_lines(void **state) {
    int bad = 0;
    dyad_kb *kb = load_text("kb.txt",
        "# test\n"
        "country COL    Colombia | Republic of Colombia\n"
        "  adj          Colombian | Colombians\n"
        "  seat GOV     Bogota | Bogotá\n"
        "country USA    United States | US | U.S.\n"
        "org AFGREB     Taliban\n"
        "  AFGGOV 2021-08-15 -          # dated alternative\n"
        "bogus line here\n"
        "person Ana Example | Example\n"
        "  COLGOV 2020-13-01 2021-01-01\n"      /* bad month */
        "  COLLEG 2010-01-01 2014-01-01\n", &bad);
    assert_int_equal(bad, 2);
    char c[64];
    assert_string_equal(lookup(kb, "Republic of Colombia", 20200101, c), "COL");
    assert_string_equal(lookup(kb, "Bogotá", 20200101, c), "COLGOV");
    assert_string_equal(lookup(kb, "BOGOTA", 20200101, c), "COLGOV");
    assert_string_equal(lookup(kb, "Taliban", 20200101, c), "AFGREB");
    assert_string_equal(lookup(kb, "Taliban", 20220101, c), "AFGGOV");
    assert_string_equal(lookup(kb, "US", 20200101, c), "USA");
    assert_string_equal(lookup(kb, "U.S.", 20200101, c), "USA");
    assert_string_equal(lookup(kb, "us", 20200101, c), "");       /* acronym: exact case */
    assert_string_equal(lookup(kb, "Us", 20200101, c), "");
    assert_string_equal(lookup(kb, "colombia", 20200101, c), "");  /* names need a capital */
    /* out of every role: the country is kept, no sector */
    kb_code k;
    int e = -1;
    const char *w[] = {"Example"};
    assert_int_equal(dyad_kb_match(kb, w, 1, true, false, &e), 1);
    k = dyad_kb_code(kb, e, 20200101);
    assert_true(k.out_of_role);
    assert_string_equal(k.country, "COL");
    k = dyad_kb_code(kb, e, 20120101);
    assert_string_equal(k.code, "COLLEG");
    dyad_kb_free(kb);
}

/* "place CCC  names" lines: a city or region gives its country, possibly
 * dated; bad place lines are reported and skipped. */
static void places_and_bad_place_lines(void **state) {
    int bad = 0;
    dyad_kb *kb = load_text("places.txt",
        "place UGA   Gulu | Kitgum\n"
        "place SSD   Juba\n"
        "  SDN  -  2011-07-08     # dated: Sudan until independence\n"
        "place ZZ    Nowhere\n"                 /* code not 3 letters */
        "place UGA\n"                           /* no name */
        "place KEN   Mombasa\n"
        "  ABC 2011-99-01 -\n", &bad);          /* bad date */
    assert_int_equal(bad, 3);
    char c[64];
    assert_string_equal(lookup(kb, "Gulu", 20000101, c), "UGA");
    assert_string_equal(lookup(kb, "Kitgum", 20000101, c), "UGA");
    assert_string_equal(lookup(kb, "Juba", 20050101, c), "SDN");
    assert_string_equal(lookup(kb, "Juba", 20150101, c), "SSD");
    assert_string_equal(lookup(kb, "Mombasa", 20150101, c), "KEN");
    assert_string_equal(lookup(kb, "Nowhere", 20150101, c), "");
    int e = -1;
    const char *w[] = {"Gulu"};
    assert_int_equal(dyad_kb_match(kb, w, 1, true, false, &e), 1);
    assert_int_equal(dyad_kb_entry(kb, e)->kind, KB_PLACE);
    dyad_kb_free(kb);
}

/* "also CCC" under a seat or place line: the other countries that have a
 * place of that name; bad codes and a misplaced "also" are reported. */
static void shared_place_names(void **state) {
    int bad = 0;
    dyad_kb *kb = load_text("shared.txt",
        "country LBY  Libya\n"
        "  seat GOV   Tripoli\n"
        "  also LBN\n"
        "place IND   Hyderabad\n"
        "  also PAK BGD\n"
        "place UGA   Gulu\n"
        "  also ZZ\n"                             /* bad code */
        "person Ana Quimera\n"
        "  also COL\n", &bad);                    /* not after a seat or place */
    assert_int_equal(bad, 2);
    int e = -1;
    const char *w[] = {"Tripoli"};
    assert_int_equal(dyad_kb_match(kb, w, 1, true, false, &e), 1);
    assert_string_equal(dyad_kb_entry(kb, e)->also, "LBN");
    const char *h[] = {"Hyderabad"};
    assert_int_equal(dyad_kb_match(kb, h, 1, true, false, &e), 1);
    assert_string_equal(dyad_kb_entry(kb, e)->also, "PAK BGD");
    const char *g[] = {"Gulu"};
    assert_int_equal(dyad_kb_match(kb, g, 1, true, false, &e), 1);
    assert_null(dyad_kb_entry(kb, e)->also);
    dyad_kb_free(kb);
}

/* A possessive inside a name written unsplit ("People's Republic of X")
 * is split like the tokenizer does and the words after it are kept. */
static void inner_possessive_name(void **state) {
    int bad = 0;
    dyad_kb *kb = load_text("poss.txt",
        "country QQQ    People's Republic of Qualia | Qualia\n"
        "org QQQREB     Workers' Front of Qualia | Lord's Army of the Long Name That Goes On\n",
        &bad);
    assert_int_equal(bad, 0);
    char c[64];
    assert_string_equal(lookup(kb, "People 's Republic of Qualia", 20000101, c), "QQQ");
    assert_string_equal(lookup(kb, "Workers ' Front of Qualia", 20000101, c), "QQQREB");
    assert_string_equal(lookup(kb, "Lord 's Army of the Long Name That Goes On", 20000101, c),
                        "QQQREB");
    /* "People 's" alone is not the country: the name did not end there */
    assert_string_equal(lookup(kb, "People 's", 20000101, c), "");
    dyad_kb_free(kb);
    /* hyphens split like the tokenizer splits them, prefixes kept */
    kb = load_text("hy.txt", "country QQQ    Qualia-Bissau\n"
                             "  seat GOV     Port-au-Qualia | Vice-Regency\n", &bad);
    assert_int_equal(bad, 0);
    assert_string_equal(lookup(kb, "Qualia - Bissau", 20000101, c), "QQQ");
    assert_string_equal(lookup(kb, "Port - au - Qualia", 20000101, c), "QQQGOV");
    assert_string_equal(lookup(kb, "Vice-Regency", 20000101, c), "QQQGOV");
    dyad_kb_free(kb);
}

/* A capitalised actor name beats a sector noun of the same length. */
static void name_beats_sector_noun(void **state) {
    int bad = 0;
    dyad_kb *kb = load_text("names.txt", "org IGOUNO     Security Council | UN\n", &bad);
    char sec[64];
    snprintf(sec, sizeof sec, "%s/actors/sectors.txt", data_dir());
    dyad_error err = {0};
    assert_true(dyad_kb_load(kb, sec, &err) >= 0);   /* loaded last: would win ties */
    char c[64];
    assert_string_equal(lookup(kb, "Security Council", 20000101, c), "IGOUNO");
    int e = -1;
    const char *w[] = {"security", "council"};
    assert_int_equal(dyad_kb_match(kb, w, 2, true, true, &e), 2);   /* lower case: the noun */
    assert_int_equal(dyad_kb_entry(kb, e)->kind, KB_AGENT);
    dyad_kb_free(kb);
}

/* A title picks the role of its sector nearest in time. */
static void role_of_sector(void **state) {
    int bad = 0;
    dyad_kb *kb = load_text("roles.txt",
        "person Ana Example | Example\n"
        "  QQQGOV 1980-01-01 1989-12-31\n"
        "  QQQELI 1990-01-01 -\n"
        "  RRRGOV 1995-01-01 1999-12-31\n", &bad);
    assert_int_equal(bad, 0);
    int e = -1;
    const char *w[] = {"Example"};
    assert_int_equal(dyad_kb_match(kb, w, 1, true, false, &e), 1);
    assert_string_equal(dyad_kb_code(kb, e, 19920101).code, "QQQELI");
    assert_string_equal(dyad_kb_code_sector(kb, e, 19920101, "GOV").code, "QQQGOV");
    assert_string_equal(dyad_kb_code_sector(kb, e, 19980101, "GOV").code, "RRRGOV");
    assert_string_equal(dyad_kb_code_sector(kb, e, 20100101, "GOV").code, "RRRGOV");
    assert_string_equal(dyad_kb_code_sector(kb, e, 19920101, "MIL").code, "");
    dyad_kb_free(kb);
}

static void petrarch_formats(void **state) {
    int bad = 0;
    dyad_kb *kb = load_text("x.actors.txt",
        "AFGHANISTAN_  [AFG]\n"
        "+AFGHAN_\n"
        "+KABUL_\n"
        "\n"
        "MOHAMMAD_ZAHIR_SHAH_  ; CountryInfo.txt\n"
        "\t[AFGELI 320101-331108]\n"
        "\t[AFGGOV 331108-730717]\n"
        "\t[AFGELI]\n"
        "BAN_KI-MOON\n"
        "+SECRETARY-GENERAL_BAN_KI-MOON\n"
        "\t[IGOUNO >20070101]\n"
        "\t[KORGOV 2004017-20061201]\n"       /* bad date: reported */
        "ANN_VENEMAN_\t[USAGOV 010120-050120] [IGOUNOKID >050501]\n"
        "U.N._\n", &bad);
    assert_int_equal(bad, 1);
    char c[64];
    assert_string_equal(lookup(kb, "Kabul", 20000101, c), "AFG");
    assert_string_equal(lookup(kb, "Mohammad Zahir Shah", 19500101, c), "AFGGOV");
    assert_string_equal(lookup(kb, "Mohammad Zahir Shah", 19900101, c), "AFGELI");
    /* hyphens are tokens of their own, as the tokenizer writes them */
    assert_string_equal(lookup(kb, "Ban Ki - moon", 20100101, c), "IGOUNO");
    assert_string_equal(lookup(kb, "Ann Veneman", 20030101, c), "USAGOV");
    assert_string_equal(lookup(kb, "Ann Veneman", 20060101, c), "IGOUNOKID");
    assert_string_equal(lookup(kb, "U.N.", 20060101, c), "");   /* no code: not indexed */
    dyad_kb_free(kb);

    kb = load_text("x.agents.txt",
        "!PERSON! = MAN, MEN, WOMAN, WOMEN, PERSON\n"
        "!MINIST! = MINISTER, MINISTERS, MINISTRY, MINISTRIES\n"
        "POLICE {} [~COP]\n"
        "ATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~GOVATG]\n"
        "CONGRESS!PERSON! [~LEG}\n"
        "FOREIGN_!MINIST! [~GOV]\n"
        "REFUGEE [~REF]\n"
        "HUMAN_RIGHTS_BODY  [NGO~]\n"
        "NO_CODE_HERE\n", &bad);
    assert_int_equal(bad, 1);
    const struct { const char *p, *code; } want[] = {
        {"police", "COP"}, {"polices", ""}, {"attorneys general", "GOVATG"},
        {"congresswomen", "LEG"}, {"foreign ministry", "GOV"}, {"refugees", "REF"},
        {"Refugee", "REF"}, {"human rights body", "NGO"},
    };
    for (size_t i = 0; i < DYAD_ARRAY_LEN(want); i++)
        assert_string_equal(lookup(kb, want[i].p, 20200101, c), want[i].code);
    dyad_kb_free(kb);
}

static void phoenix_import_is_fast(void **state) {
    char p[4][1024];
    SKIP_WITHOUT_SHARED("eval/petrarch2/Phoenix.Countries.actors.txt", p[0]);
    SKIP_WITHOUT_SHARED("eval/petrarch2/Phoenix.International.actors.txt", p[1]);
    SKIP_WITHOUT_SHARED("eval/petrarch2/Phoenix.MilNonState.actors.txt", p[2]);
    SKIP_WITHOUT_SHARED("eval/petrarch2/Phoenix.agents.txt", p[3]);
    double t0 = now_s();
    dyad_kb *kb = dyad_kb_new();
    dyad_error err = {0};
    assert_true(dyad_kb_load_builtin(kb, data_dir(), &err) >= 0);
    for (int i = 0; i < 4; i++) assert_true(dyad_kb_load(kb, p[i], &err) >= 0);
    double dt = now_s() - t0;
    print_message("Phoenix actors+agents + built-in KB: %zu names, %zu entries, loaded in %.3f s\n",
                  dyad_kb_nnames(kb), dyad_kb_nentries(kb), dt);
    assert_true(dyad_kb_nnames(kb) > 40000);
    char c[64];
    assert_string_equal(lookup(kb, "Vladimir Putin", 20050101, c), "RUSGOV");
    assert_string_equal(lookup(kb, "Afghanistan", 20050101, c), "AFG");
    int e = -1;
    const char *w[] = {"Afghan"};
    assert_int_equal(dyad_kb_match(kb, w, 1, true, false, &e), 1);
    assert_int_equal(dyad_kb_entry(kb, e)->kind, KB_COUNTRY);   /* combines with sectors */
    assert_string_equal(lookup(kb, "riot police", 20050101, c), "COP");
    /* a generous bound even under sanitizers on a loaded machine */
    assert_true(dt < 5.0);
    dyad_kb_free(kb);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(shipped_people_dated_roles),
        cmocka_unit_test(dyad_format_and_bad_lines),
        cmocka_unit_test(places_and_bad_place_lines),
        cmocka_unit_test(shared_place_names),
        cmocka_unit_test(inner_possessive_name),
        cmocka_unit_test(name_beats_sector_noun),
        cmocka_unit_test(role_of_sector),
        cmocka_unit_test(petrarch_formats),
        cmocka_unit_test(phoenix_import_is_fast),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
