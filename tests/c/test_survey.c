/* Unit tests for survey storage and aggregation (src/survey_import.c, src/survey_tally.c):
 * packing and counting one respondent, a streamed import with its validation errors, dedupe,
 * the count tables kept during an import against a full recount, and tallies by group. */
#define _DEFAULT_SOURCE /* mkdtemp */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "store.h"
#include "survey.h"
#include "tap.h"

/* level L1 (4 levels), checklist B1 (3 options), number N1, text T1 */
static sv_slot slots[] = {
    {SV_LEVEL, 0, 4, 0}, {SV_BITS, 1, 3, 6}, {SV_NUMBER, 2, 0, 11}, {SV_TEXT, 10, 0, 17}};
static sv_layout lay = {slots, 4, 11, 19};

static sv_label level_labels[] = {{"strongly disagree", 17, 1}, {"disagree", 8, 2}, {"agree", 5, 3},
                                  {"strongly agree", 14, 4},   {"1", 1, 1},         {"2", 1, 2},
                                  {"3", 1, 3},                 {"4", 1, 4},         {"n/a", 3, SV_NA}};
static sv_label option_labels[] = {{"time", 4, 1}, {"safety, discipline", 18, 2}, {"space", 5, 3}};

static int count_rows(sqlite3 *db, const char *sql) {
    sqlite3_stmt *st;
    int n = -1;
    if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
        n = sqlite3_column_int(st, 0);
    sqlite3_finalize(st);
    return n;
}

static int no_checklist; /* when set, the checklist column B1 is left out (ignored) */

static void setup_columns(sv_column *cols) {
    memset(cols, 0, sizeof(sv_column) * 5);
    cols[0] = (sv_column){.kind = SV_COL_ATTR, .pos = 1, .in_fingerprint = 1};
    cols[1] = (sv_column){.kind = SV_COL_LEVEL, .offset = 0, .labels = level_labels, .nlabels = 9, .in_fingerprint = 1};
    cols[2] = (sv_column){.kind = SV_COL_BITS, .offset = 1, .labels = option_labels, .nlabels = 3, .in_fingerprint = 1};
    cols[3] = (sv_column){.kind = SV_COL_NUMBER, .offset = 2, .item = "N1", .has_min = 1, .min = 0,
                          .has_max = 1, .max = 100, .in_fingerprint = 1};
    cols[4] = (sv_column){.kind = SV_COL_TEXT, .offset = 10, .item = "T1", .in_fingerprint = 1};
    if (no_checklist) cols[2] = (sv_column){.kind = SV_COL_IGNORE, .in_fingerprint = 1};
}

static unsigned char blank[11];

static int run_import(sqlite3 *db, const char *csv, sv_import *im, sv_column *cols, int64_t import_id,
                      const sv_layout *counts) {
    memset(im, 0, sizeof *im);
    setup_columns(cols);
    im->db = db;
    im->wave_id = 1;
    im->import_id = import_id;
    im->bytes = 11;
    im->blank = blank;
    im->cols = cols;
    im->ncols = 5;
    im->header_records = 1;
    im->nattrs = 1;
    im->lay = counts;
    csv_reader r;
    csv_init_mem(&r, csv, strlen(csv));
    int rc = sv_import_reader(im, &r);
    csv_free(&r);
    sv_import_free(im);
    return rc;
}

static void *blob_of(sqlite3 *db, const char *sql, int *len) {
    sqlite3_stmt *st;
    void *out = NULL;
    if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW) {
        *len = sqlite3_column_bytes(st, 0);
        out = malloc((size_t)*len + 1);
        memcpy(out, sqlite3_column_blob(st, 0), (size_t)*len);
    }
    sqlite3_finalize(st);
    return out;
}

typedef struct { int groups; long respondents[8]; double l1_agree[8]; } tally_seen;
static void seen_group(void *p, int a, int b, long respondents, const double *cells) {
    tally_seen *t = p;
    (void)b;
    if (a >= 0 && a < 8) {
        t->respondents[a] = respondents;
        t->l1_agree[a] = cells[0 + 1 + 3];
    }
    t->groups++;
}

int main(void) {
    double nan = NAN;
    memcpy(blank + 2, &nan, 8);

    /* one respondent */
    unsigned char a[11] = {0};
    a[0] = 3;
    a[1] = 0x5; /* options 1 and 3 */
    double v = 12.5;
    memcpy(a + 2, &v, 8);
    a[10] = 1;
    double cells[19] = {0};
    sv_accumulate(&lay, a, 11, cells);
    ok(cells[4] == 1 && cells[0] == 0 && cells[1] == 0, "level 3 counted in its cell");
    ok(cells[6] == 0 && cells[7] == 1 && cells[8] == 1 && cells[9] == 0 && cells[10] == 1, "checklist: answered, options 1 and 3");
    ok(cells[12] == 1 && cells[13] == 12.5 && cells[14] == 156.25 && cells[15] == 12.5 && cells[16] == 12.5,
       "number: n, sum, sum of squares, min, max");
    ok(cells[18] == 1, "text answered");
    unsigned char none[11];
    memcpy(none, blank, 11);
    none[0] = SV_NA;
    sv_accumulate(&lay, none, 11, cells);
    ok(cells[1] == 1 && cells[6] == 1 && cells[11] == 1 && cells[17] == 1, "n/a and missing answers counted apart");

    /* a workspace */
    char dir[] = "/tmp/cairn-test-survey-XXXXXX";
    if (!mkdtemp(dir)) return 1;
    char path[256], err[512];
    snprintf(path, sizeof path, "%s/ws.db", dir);
    sqlite3 *db = NULL;
    ok(store_open(path, STORE_CREATE, &db, err, sizeof err) == 0, "workspace created");
    sqlite3_exec(db,
                 "INSERT INTO survey_instrument VALUES ('t', 1, 'T', '{}', 'now');"
                 "INSERT INTO survey_wave(id, name, instrument, version, created_at) VALUES (1, 'w', 't', 1, 'now');"
                 "INSERT INTO survey_import(id, wave_id, source, rows, added, imported_at) VALUES (1, 1, 'a', 0, 0, 'now'), (2, 1, 'b', 0, 0, 'now');",
                 NULL, NULL, NULL);

    const char *good =
        "school,L1,B1,N1,T1\n"
        "Adams,Agree,\"Time;Space\",10,\"fine, thanks\"\n"
        "adams ,4,\"Safety, discipline\",,\n"
        "Baker,strongly  AGREE,\"Time, Safety, discipline\",99.5,\n"
        "Baker,3,,0,\n"
        "Baker,3,,0,\n"
        ",n/a,,,\n"
        "Cedar,,,,\n"
        " , ,,,\n";
    sv_import im;
    sv_column cols[5];
    ok(run_import(db, good, &im, cols, 1, &lay) == 0, "import runs");
    ok(im.rows == 8 && im.added == 7 && im.empty == 1 && im.duplicates == 0,
       "8 rows: 7 added (identical rows are two respondents; Cedar returned the checklist with "
       "nothing ticked), the wholly blank row skipped");
    ok(count_rows(db, "SELECT count(*) FROM survey_attr_value WHERE wave_id = 1 AND position = 1") == 3,
       "school values coded once each, whatever the case and spaces; Cedar kept");
    ok(count_rows(db, "SELECT count(*) FROM survey_response r JOIN survey_attr_value v ON v.wave_id = 1 "
                      "AND v.position = 1 AND v.code = r.a1 WHERE v.value = 'Cedar' AND hex(substr(r.answers, 2, 1)) = '00'") == 1,
       "Cedar's checklist is stored with nothing ticked");
    ok(count_rows(db, "SELECT count(*) FROM survey_response WHERE a1 = 0") == 1, "a blank school is code 0");
    ok(count_rows(db, "SELECT count(*) FROM survey_number WHERE item = 'N1'") == 4, "numbers stored for SQL");
    ok(count_rows(db, "SELECT count(*) FROM survey_text WHERE value = 'fine, thanks'") == 1, "text stored");
    ok(count_rows(db, "SELECT count(*) FROM survey_response WHERE hex(substr(answers, 2, 1)) = '03'") == 1,
       "'Safety, discipline' kept whole, 'Time, Safety, discipline' split around it");

    /* the count tables kept during the import equal a full recount */
    int len1 = 0, len2 = 0;
    void *during = blob_of(db, "SELECT counts FROM survey_counts WHERE wave_id = 1 AND position = 1 AND code = 2", &len1);
    ok(count_rows(db, "SELECT respondents FROM survey_counts WHERE position = 0") == 7, "whole wave: 7 respondents");
    ok(sv_recount(db, 1, &lay, 1) == SQLITE_OK, "recount");
    void *after = blob_of(db, "SELECT counts FROM survey_counts WHERE wave_id = 1 AND position = 1 AND code = 2", &len2);
    ok(during && after && len1 == len2 && len1 == 19 * 8 && memcmp(during, after, (size_t)len1) == 0,
       "counts kept during the import equal a full recount (Baker)");
    double bk[19];
    if (after) memcpy(bk, after, sizeof bk);
    ok(after && bk[4] == 2 && bk[5] == 1 && bk[12] == 3 && bk[13] == 99.5 && bk[15] == 0 && bk[16] == 99.5,
       "Baker: two agree, one strongly agree; numbers 99.5, 0, 0");
    free(during);
    free(after);

    /* the same rows again: duplicates, nothing added, counts unchanged */
    ok(run_import(db, good, &im, cols, 2, &lay) == 0 && im.added == 0 && im.duplicates == 7,
       "importing the same rows again adds nothing");
    ok(count_rows(db, "SELECT respondents FROM survey_counts WHERE position = 0") == 7, "counts unchanged");

    /* tallies by group */
    tally_seen seen = {0};
    ok(sv_tally(db, 1, &lay, 1, 0, 0, 0, seen_group, &seen) == SQLITE_OK && seen.groups == 4, "tally by school: 4 groups");
    ok(seen.respondents[1] == 2 && seen.respondents[2] == 3 && seen.respondents[0] == 1 && seen.respondents[3] == 1 &&
           seen.l1_agree[2] == 2,
       "tally agrees with the count tables");
    tally_seen one = {0};
    ok(sv_tally(db, 1, &lay, 0, 0, 1, 1, seen_group, &one) == SQLITE_OK && one.groups == 1 && one.respondents[0] == 2,
       "tally filtered to one school");

    /* validation errors: exact positions, nothing past the error read */
    int before = count_rows(db, "SELECT count(*) FROM survey_response");
    ok(run_import(db, "school,L1,B1,N1,T1\nDover,Agree,,,\nDover,Agre,,,\n", &im, cols, 0, NULL) == -1 &&
           im.err.problem == SV_ELEVEL && im.err.line == 3 && im.err.field == 2 && strcmp(im.err.value, "Agre") == 0,
       "a label outside the scale: line 3, column 2, value");
    ok(run_import(db, "school,L1,B1,N1,T1\nDover,,Time;Parking,,\n", &im, cols, 0, NULL) == -1 &&
           im.err.problem == SV_EOPTION && strcmp(im.err.value, "Parking") == 0 && im.err.col == 8,
       "an unknown option names the part that failed");
    ok(run_import(db, "school,L1,B1,N1,T1\nDover,,,101,\n", &im, cols, 0, NULL) == -1 && im.err.problem == SV_ERANGE,
       "a number above its maximum");
    ok(run_import(db, "school,L1,B1,N1,T1\nDover,,,1x,\n", &im, cols, 0, NULL) == -1 && im.err.problem == SV_ENUMBER,
       "not a number");
    ok(run_import(db, "school,L1,B1,N1,T1\nDover,,\n", &im, cols, 0, NULL) == -1 && im.err.problem == SV_EFIELDS &&
           im.err.got_fields == 3 && im.err.expected_fields == 5,
       "a short row");
    ok(run_import(db, "school,L1,B1,N1,T1\nDover,,,,\"x\xff\"\n", &im, cols, 0, NULL) == -1 && im.err.problem == SV_ECSV &&
           im.err.csv_err == CSV_EUTF8 && im.err.field == 5 && strcmp(im.err.value, "x\xff") == 0,
       "invalid UTF-8: the field and the bytes read");
    ok(count_rows(db, "SELECT count(*) FROM survey_response") == before + 1,
       "rows before an error are the caller's to roll back (only 'Dover,Agree' got in)");
    /* multi-select cells: labels with commas matched longest first, separators mixed */
    ok(run_import(db, "school,L1,B1,N1,T1\nFenn,,\"Safety, discipline, Time; Space\",,\n", &im, cols, 0, NULL) == 0 &&
           count_rows(db, "SELECT count(*) FROM survey_response r JOIN survey_attr_value v ON v.wave_id = 1 AND "
                          "v.position = 1 AND v.code = r.a1 WHERE v.value = 'Fenn' AND hex(substr(r.answers, 2, 1)) = '07'") == 1,
       "'Safety, discipline, Time; Space': three options, the label with a comma kept whole");
    ok(run_import(db, "school,L1,B1,N1,T1\nGale,,\"  time ,, SPACE ; \",,\n", &im, cols, 0, NULL) == 0 &&
           count_rows(db, "SELECT count(*) FROM survey_response r JOIN survey_attr_value v ON v.wave_id = 1 AND "
                          "v.position = 1 AND v.code = r.a1 WHERE v.value = 'Gale' AND hex(substr(r.answers, 2, 1)) = '05'") == 1,
       "case, spaces and empty parts between separators do not matter");
    ok(run_import(db, "school,L1,B1,N1,T1\nHale,,\"Time, Parking lot, noise, Space\",,\n", &im, cols, 0, NULL) == -1 &&
           im.err.problem == SV_EOPTION && strcmp(im.err.value, "Parking lot, noise") == 0,
       "an unknown option is reported as the exact text left between known options");
    ok(run_import(db, "school,L1,B1,N1,T1\nHale,,\"Safety, Space\",,\n", &im, cols, 0, NULL) == -1 &&
           im.err.problem == SV_EOPTION && strcmp(im.err.value, "Safety") == 0,
       "the start of a label with a comma is not that label");
    ok(run_import(db, "school,L1,B1,N1,T1\nHale,,\"Time; Safety, discipline and more\",,\n", &im, cols, 0, NULL) == -1 &&
           im.err.problem == SV_EOPTION && strcmp(im.err.value, "Safety, discipline and more") == 0,
       "a label must end at a separator or the end of the cell");

    /* without a checklist column, a row that answers nothing is still skipped */
    no_checklist = 1;
    before = count_rows(db, "SELECT count(*) FROM survey_response");
    ok(run_import(db, "school,L1,B1,N1,T1\nEaston,,Time,,\nEaston,2,,,\n", &im, cols, 0, NULL) == 0 &&
           im.rows == 2 && im.added == 1 && im.empty == 1 &&
           count_rows(db, "SELECT count(*) FROM survey_response") == before + 1,
       "no checklist column: a row with only its school is skipped");
    no_checklist = 0;
    store_close(db);
    unlink(path);
    char wal[300];
    snprintf(wal, sizeof wal, "%s-wal", path);
    unlink(wal);
    snprintf(wal, sizeof wal, "%s-shm", path);
    unlink(wal);
    rmdir(dir);
    return done_testing();
}
