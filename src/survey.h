/* survey.h: survey response storage and aggregation (no Lua inside; l_survey.c binds it as
 * cairn.surveycore). The layout of the answers blob and of the counts blob is decided in Lua
 * (cairn.survey.model.layout) and described to C by sv_layout; see 005_survey.sql. */
#ifndef CAIRN_SURVEY_H
#define CAIRN_SURVEY_H

#include <sqlite3.h>
#include <stddef.h>
#include <stdint.h>

#include "csv.h"

#define SV_MAX_ATTRS 8

/* survey_counts also keeps tallies per pair of attribute values (two-way tables): attributes
 * P < Q are stored at position SV_PAIR_POSITION(P, Q) (10 * P + Q, so "12" is attributes 1
 * and 2; always above SV_MAX_ATTRS) with code A * SV_PAIR_CODE + B for the values A of P and
 * B of Q. A pair's rows are complete when their respondents add up to the whole wave's; when
 * they do not (a workspace counted before pairs were kept, or a pair with too many groups to
 * keep), the two-way table is counted by a scan of the responses instead. */
#define SV_PAIR_POSITION(p, q) (10 * (p) + (q))
#define SV_PAIR_CODE 4294967296LL
#define SV_PAIRS (SV_MAX_ATTRS * SV_MAX_ATTRS)
static inline int sv_pair_index(int p, int q) { return (p - 1) * SV_MAX_ATTRS + (q - 1); }
#define SV_NA 255

enum { SV_LEVEL = 1, SV_BITS, SV_NUMBER, SV_TEXT };

typedef struct {
    int kind;   /* SV_LEVEL ... */
    int offset; /* byte offset in the answers blob */
    int k;      /* levels or options */
    int cell;   /* first cell in the counts array */
} sv_slot;

typedef struct {
    sv_slot *slots;
    int nslots;
    int bytes; /* answers blob size */
    int cells; /* counts array size */
} sv_layout;

/* Add one respondent's answers to CELLS (layout->cells doubles). Cells per item:
 * level: missing, na, c1..ck; bits: missing, answered, c1..ck;
 * number: missing, n, sum, sumsq, min, max; text: missing, n. */
void sv_accumulate(const sv_layout *lay, const unsigned char *answers, size_t len, double *cells);

/* ---- the importer -------------------------------------------------------------------------- */

enum { SV_COL_IGNORE = 0, SV_COL_ATTR, SV_COL_LEVEL, SV_COL_BITS, SV_COL_NUMBER, SV_COL_TEXT, SV_COL_REF };

/* problems (sv_import.err.problem) */
enum {
    SV_OK = 0,
    SV_ECSV,      /* csv.h error in err.csv_err */
    SV_EFIELDS,   /* wrong number of fields: err.expected_fields */
    SV_ELEVEL,    /* not a level of the scale / an option */
    SV_EOPTION,   /* one part of a multi-select cell is not an option */
    SV_ENUMBER,   /* not a number */
    SV_ERANGE,    /* number outside min..max */
    SV_ESQL,      /* SQLite failed: err.message */
    SV_EHEADER,   /* fewer header records than expected */
    SV_EOPEN,     /* the file cannot be opened: err.message */
    SV_EINTERRUPT
};

typedef struct {
    char *key; /* normalised (trimmed, spaces collapsed, ASCII lower case) */
    size_t len;
    int code;  /* level code, or option number 1..64 */
} sv_label;

typedef struct {
    int kind;
    int pos;           /* attribute position 1..8 */
    int offset, width; /* in the answers blob */
    sv_label *labels;
    size_t nlabels;
    int has_min, has_max;
    double min, max;
    char *item;        /* item code (number and text tables) */
    int in_fingerprint;
    short single[256]; /* code of each one-character label ("3", "y"); filled by the importer */
} sv_column;

typedef struct sv_dict sv_dict;

/* The response keys (survey_response.fingerprint) of one wave, in memory (survey_keys.c): the
 * importer's duplicate check, so that survey_response needs no index on its keys and its
 * B-trees only ever grow at their end while rows go in. */
typedef struct sv_keys sv_keys;
enum { SV_KEY_ABSENT = 0, SV_KEY_EARLIER, SV_KEY_THIS_IMPORT };
sv_keys *sv_keys_new(void);
/* Every key of WAVE_ID; those of rows from IMPORT_ID count as this import's. SQLite code. */
int sv_keys_load(sv_keys *k, sqlite3 *db, int64_t wave_id, int64_t import_id);
int sv_keys_find(sv_keys *k, int64_t key); /* SV_KEY_* */
int sv_keys_add(sv_keys *k, int64_t key, int how); /* how: SV_KEY_EARLIER or _THIS_IMPORT; -1 no memory */
void sv_keys_free(sv_keys *k);

typedef struct {
    int problem;
    unsigned long line, col; /* 1-based */
    size_t field;            /* 1-based column (field) number */
    int csv_err;
    size_t expected_fields, got_fields;
    char value[512];         /* the offending value (or part), truncated */
    char message[512];
} sv_error;

typedef struct {
    sqlite3 *db;
    int64_t wave_id, import_id;
    int bytes;
    const unsigned char *blank; /* the answers blob of a respondent who answered nothing
                                 * (NaN in number slots); NULL = all zero */
    sv_column *cols;
    size_t ncols;
    int header_records;
    char delim;
    int nattrs;
    volatile int *interrupted; /* optional: checked every 4096 rows */
    /* optional: called every 4096 rows with the rows read so far and how far into the file
     * the reading is (bytes; -1 when not known), for a progress line; non-zero stops the
     * import as interrupted */
    int (*progress)(void *ctx, long rows, long long bytes);
    void *progress_ctx;
    FILE *file; /* private: the file being read (sv_import_file), for progress */
    const sv_layout *lay;      /* optional: keep survey_counts up to date with the rows added */
    /* results */
    long rows, added, duplicates, empty;
    sv_error err;
    /* private */
    sv_dict *dicts[SV_MAX_ATTRS + 1];
} sv_import;

/* Normalise S into OUT (at least LEN+1 bytes); returns the new length. */
size_t sv_norm(const char *s, size_t len, char *out);

/* Import the data records of PATH (after header_records records). Returns 0, or -1 with
 * im->err filled. Runs no transaction of its own: the caller wraps it. */
int sv_import_file(sv_import *im, const char *path);
int sv_import_reader(sv_import *im, csv_reader *r);
void sv_import_free(sv_import *im);

/* Tallies per attribute value, built one respondent at a time (the importer keeps one for the
 * rows it adds, so the count tables need no second pass over the wave). */
typedef struct sv_counts sv_counts;
sv_counts *sv_counts_new(const sv_layout *lay, int nattrs);
/* ATTRS[1..nattrs] are the respondent's attribute codes (0 = blank). Returns -1 out of memory. */
int sv_counts_add(sv_counts *c, const int *attrs, const unsigned char *answers, size_t len);
/* Write the tallies to survey_counts for WAVE_ID; MERGE adds the rows already there first. */
int sv_counts_store(sv_counts *c, sqlite3 *db, int64_t wave_id, int merge);
void sv_counts_free(sv_counts *c);

/* Rebuild survey_counts for WAVE_ID: the whole wave (position 0) and every value of attributes
 * 1..NATTRS. Returns SQLITE_OK or an SQLite error code. */
int sv_recount(sqlite3 *db, int64_t wave_id, const sv_layout *lay, int nattrs);

/* A tally over the responses of WAVE_ID grouped by attributes PA and PB (0 = not grouped),
 * keeping only responses whose attribute FILTER_POS has code FILTER_CODE (FILTER_POS 0 = all).
 * Calls EACH for every group with its counts. */
typedef void (*sv_group_fn)(void *ctx, int a, int b, long respondents, const double *cells);
int sv_tally(sqlite3 *db, int64_t wave_id, const sv_layout *lay, int pa, int pb, int filter_pos,
             int filter_code, sv_group_fn each, void *ctx);

#endif
