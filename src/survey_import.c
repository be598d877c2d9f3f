/* survey_import.c: streaming import of response rows into survey_response. Lua resolves the
 * header (which column is which item or attribute, which labels mean which level) and hands a
 * column plan; this file reads the data records one at a time, validates every cell, packs the
 * answers and inserts them. The first bad cell stops the import with its exact position; the
 * caller's transaction then rolls everything back. Memory: one record plus the attribute
 * dictionaries, whatever the file size. */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "survey.h"

/* ---- normalised labels ---------------------------------------------------------------------- */

static int is_space(unsigned char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

size_t sv_norm(const char *s, size_t len, char *out) {
    size_t o = 0;
    int pending_space = 0;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        if (is_space(c)) {
            pending_space = o > 0;
            continue;
        }
        if (pending_space) out[o++] = ' ';
        pending_space = 0;
        out[o++] = (char)((c >= 'A' && c <= 'Z') ? c + 32 : c);
    }
    out[o] = 0;
    return o;
}

/* ---- attribute dictionaries: normalised value -> code --------------------------------------- */

struct sv_dict {
    struct entry { char *key; size_t len; int code; } *e;
    size_t cap, n;
    int next_code;
};

static uint64_t fnv(const char *s, size_t len, uint64_t h) {
    for (size_t i = 0; i < len; i++) {
        h ^= (unsigned char)s[i];
        h *= 1099511628211ull;
    }
    return h;
}
#define FNV0 14695981039346656037ull

static int dict_grow(sv_dict *d) {
    size_t cap = d->cap ? d->cap * 2 : 64;
    struct entry *e = calloc(cap, sizeof *e);
    if (!e) return -1;
    for (size_t i = 0; i < d->cap; i++) {
        if (!d->e[i].key) continue;
        size_t h = fnv(d->e[i].key, d->e[i].len, FNV0) & (cap - 1);
        while (e[h].key) h = (h + 1) & (cap - 1);
        e[h] = d->e[i];
    }
    free(d->e);
    d->e = e;
    d->cap = cap;
    return 0;
}

/* The code for KEY, or 0 when absent. */
static int dict_get(const sv_dict *d, const char *key, size_t len) {
    if (!d->cap) return 0;
    size_t h = fnv(key, len, FNV0) & (d->cap - 1);
    while (d->e[h].key) {
        if (d->e[h].len == len && memcmp(d->e[h].key, key, len) == 0) return d->e[h].code;
        h = (h + 1) & (d->cap - 1);
    }
    return 0;
}

static int dict_put(sv_dict *d, const char *key, size_t len, int code) {
    if ((d->n + 1) * 2 > d->cap && dict_grow(d)) return -1;
    size_t h = fnv(key, len, FNV0) & (d->cap - 1);
    while (d->e[h].key) h = (h + 1) & (d->cap - 1);
    d->e[h].key = malloc(len + 1);
    if (!d->e[h].key) return -1;
    memcpy(d->e[h].key, key, len);
    d->e[h].key[len] = 0;
    d->e[h].len = len;
    d->e[h].code = code;
    d->n++;
    if (code >= d->next_code) d->next_code = code + 1;
    return 0;
}

static void dict_free(sv_dict *d) {
    if (!d) return;
    for (size_t i = 0; i < d->cap; i++) free(d->e[i].key);
    free(d->e);
    free(d);
}

void sv_import_free(sv_import *im) {
    for (int p = 0; p <= SV_MAX_ATTRS; p++) {
        dict_free(im->dicts[p]);
        im->dicts[p] = NULL;
    }
}

/* ---- errors --------------------------------------------------------------------------------- */

static int fail(sv_import *im, int problem, const csv_reader *r, size_t field, const char *value,
                size_t len) {
    sv_error *e = &im->err;
    e->problem = problem;
    e->field = field + 1;
    if (r && field < r->nfields) {
        e->line = r->fields[field].line;
        e->col = r->fields[field].col;
    } else if (r) {
        e->line = r->rec_line;
        e->col = 1;
    }
    if (len >= sizeof e->value) {
        len = sizeof e->value - 1;
        while (len > 0 && ((unsigned char)value[len] & 0xC0) == 0x80) len--; /* whole characters */
    }
    if (value) memcpy(e->value, value, len);
    e->value[value ? len : 0] = 0;
    return -1;
}

static int sql_fail(sv_import *im, const csv_reader *r) {
    im->err.problem = SV_ESQL;
    snprintf(im->err.message, sizeof im->err.message, "%s", sqlite3_errmsg(im->db));
    if (r) {
        im->err.line = r->rec_line;
        im->err.col = 1;
    }
    return -1;
}

/* ---- one cell ------------------------------------------------------------------------------- */

static const sv_label *find_label(const sv_column *c, const char *key, size_t len) {
    if (len == 1) { /* the common case of plain files: answers are "1".."5" */
        short i = c->single[(unsigned char)key[0]];
        return i ? &c->labels[i - 1] : NULL;
    }
    for (size_t i = 0; i < c->nlabels; i++)
        if (c->labels[i].len == len && c->labels[i].key[0] == key[0] &&
            memcmp(c->labels[i].key, key, len) == 0)
            return &c->labels[i];
    return NULL;
}

/* Multi-select cells. Google Forms joins the options ticked with ", ", and several option
 * labels contain commas ("Clean, unbroken flooring"), so splitting on separators first would cut
 * labels apart. Instead the known labels and aliases (sorted longest first by the importer) are
 * matched greedily where they start the rest of the cell and end at a separator (';' or ',') or
 * at the end; only text no label covers is split on separators (option numbers such as "3", or
 * anything else), and an unknown part is reported as the exact text left over. */
static int is_sep(unsigned char c) { return c == ';' || c == ','; }

/* The end of label L in S[P..LEN) when it starts there (case and runs of spaces as sv_norm
 * treats them) and is followed by a separator or the end; 0 otherwise. */
static size_t label_at(const char *s, size_t len, size_t p, const sv_label *l) {
    size_t i = p, k = 0;
    while (k < l->len) {
        if (i >= len) return 0;
        unsigned char c = (unsigned char)s[i];
        if (is_space(c)) {
            if (l->key[k] != ' ') return 0;
            while (i < len && is_space((unsigned char)s[i])) i++;
            k++;
            continue;
        }
        if ((c >= 'A' && c <= 'Z' ? c + 32 : c) != (unsigned char)l->key[k]) return 0;
        i++;
        k++;
    }
    size_t e = i;
    while (e < len && is_space((unsigned char)s[e])) e++;
    return (e == len || is_sep((unsigned char)s[e])) ? i : 0;
}

static const sv_label *longest_at(const sv_column *c, const char *s, size_t len, size_t p, size_t *end) {
    for (size_t k = 0; k < c->nlabels; k++) {
        if (c->labels[k].len == 0) continue;
        size_t e = label_at(s, len, p, &c->labels[k]);
        if (e) {
            *end = e;
            return &c->labels[k];
        }
    }
    return NULL;
}

static void set_option(const sv_column *c, const sv_label *l, unsigned char *blob) {
    blob[c->offset + (l->code - 1) / 8] |= (unsigned char)(1u << ((l->code - 1) % 8));
}

static size_t skip_seps(const char *s, size_t len, size_t p) {
    while (p < len && (is_space((unsigned char)s[p]) || is_sep((unsigned char)s[p]))) p++;
    return p;
}

static int set_bits(sv_import *im, const csv_reader *r, size_t fi, const sv_column *c,
                    const char *s, size_t len, char *norm, unsigned char *blob) {
    size_t n = sv_norm(s, len, norm);
    if (n == 0) return 0;
    const sv_label *l = find_label(c, norm, n);
    if (l) { /* the common case: one option, or a plain file's "3" */
        set_option(c, l, blob);
        return 1;
    }
    int any = 0;
    size_t p = skip_seps(s, len, 0);
    while (p < len) {
        size_t end;
        if ((l = longest_at(c, s, len, p, &end))) {
            set_option(c, l, blob);
            any = 1;
            p = skip_seps(s, len, end);
            continue;
        }
        /* no label starts here: the leftover runs to the next separator after which one does */
        size_t stop = len, next = len;
        for (size_t j = p; j < len; j++) {
            if (!is_sep((unsigned char)s[j])) continue;
            size_t q = skip_seps(s, len, j);
            size_t e2;
            if (q < len && longest_at(c, s, len, q, &e2)) {
                stop = j;
                next = q;
                break;
            }
        }
        /* split the leftover on separators; every part must be an option (say its number) */
        size_t bad_from = stop, bad_to = p;
        for (size_t a = p; a < stop;) {
            size_t b = a;
            while (b < stop && !is_sep((unsigned char)s[b])) b++;
            size_t m = sv_norm(s + a, b - a, norm);
            if (m > 0) {
                if ((l = find_label(c, norm, m))) {
                    set_option(c, l, blob);
                    any = 1;
                } else {
                    if (a < bad_from) bad_from = a;
                    bad_to = b;
                }
            }
            a = b + 1;
        }
        if (bad_from < bad_to) {
            while (bad_from < bad_to && is_space((unsigned char)s[bad_from])) bad_from++;
            while (bad_to > bad_from && is_space((unsigned char)s[bad_to - 1])) bad_to--;
            return fail(im, SV_EOPTION, r, fi, s + bad_from, bad_to - bad_from);
        }
        p = next;
    }
    return any;
}

/* ---- the import ----------------------------------------------------------------------------- */

/* The insert of ROWS responses, naming only the attribute columns the instrument has (the
 * others keep their default): parameters 1 and 2 are the wave and the import (shared), then per
 * row key, reference, answers and the attribute codes a1..aN (row_params of them). */
static int row_params(int nattrs) { return 3 + nattrs; }

static char *insert_sql(int nattrs, int rows) {
    size_t size = 200 + (size_t)rows * (size_t)(row_params(nattrs) + 4) * 8;
    char *buf = malloc(size);
    if (!buf) return NULL;
    size_t n = (size_t)snprintf(buf, size, "INSERT INTO survey_response(wave_id, import_id, fingerprint, ref, answers");
    for (int p = 1; p <= nattrs; p++) n += (size_t)snprintf(buf + n, size - n, ", a%d", p);
    n += (size_t)snprintf(buf + n, size - n, ") VALUES ");
    for (int r = 0; r < rows; r++) {
        n += (size_t)snprintf(buf + n, size - n, "%s(?1, ?2", r ? ", " : "");
        for (int j = 0; j < row_params(nattrs); j++)
            n += (size_t)snprintf(buf + n, size - n, ", ?%d", 3 + r * row_params(nattrs) + j);
        n += (size_t)snprintf(buf + n, size - n, ")");
    }
    return buf;
}

static int load_dicts(sv_import *im) {
    for (int p = 1; p <= im->nattrs; p++) {
        im->dicts[p] = calloc(1, sizeof(sv_dict));
        if (!im->dicts[p]) return -1;
        im->dicts[p]->next_code = 1;
    }
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(im->db,
                           "SELECT position, code, value FROM survey_attr_value WHERE wave_id = ?",
                           -1, &st, NULL) != SQLITE_OK)
        return -1;
    sqlite3_bind_int64(st, 1, im->wave_id);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        int p = sqlite3_column_int(st, 0);
        if (p < 1 || p > im->nattrs) continue;
        const char *v = (const char *)sqlite3_column_text(st, 2);
        size_t len = (size_t)sqlite3_column_bytes(st, 2);
        char *norm = malloc(len + 1);
        if (!norm) { rc = SQLITE_NOMEM; break; }
        size_t n = sv_norm(v, len, norm);
        int bad = dict_put(im->dicts[p], norm, n, sqlite3_column_int(st, 1));
        free(norm);
        if (bad) { rc = SQLITE_NOMEM; break; }
    }
    sqlite3_finalize(st);
    return rc == SQLITE_DONE ? 0 : -1;
}

static uint64_t mix(uint64_t x) {
    x ^= x >> 33;
    x *= 0xff51afd7ed558ccdull;
    x ^= x >> 33;
    x *= 0xc4ceb9fe1a85ec53ull;
    x ^= x >> 33;
    return x;
}

static int import_path(sv_import *im, const char *path);

/* ---- one run over a CSV reader, in named steps ----------------------------------------------- */

/* Rows wait in batches of BATCH and go in with one INSERT of that many rows, so a statement's
 * fixed cost (cursors opened and closed, the statement run down and reset) is paid once a batch.
 * Only for files without number or text answers: those rows need their response id at once. */
#define BATCH 32

typedef struct {
    int64_t key;
    char *ref; /* a copy of the reference, or NULL */
    size_t ref_len, ref_cap;
    int has_ref;
    int attrs[SV_MAX_ATTRS + 1];
} staged_row;

/* What a run holds besides IM: prepared statements, the row's packed answers and scratch. */
typedef struct {
    sqlite3_stmt *ins, *num, *txt, *val;
    sqlite3_stmt *ins_batch; /* the insert of BATCH rows at once (see stage_row) */
    staged_row *batch;   /* rows waiting for it, and their answers (BATCH * im->bytes) */
    unsigned char *batch_blobs;
    int nbatch;
    sv_keys *keys;       /* the wave's response keys: the duplicate check */
    unsigned char *blob; /* the row's answers, im->bytes long */
    char *norm;          /* a normalised field (sv_norm) */
    size_t norm_cap;
    sv_counts *counts;   /* tallies kept up to date, when im->lay is set */
    int has_bits;        /* a checklist column exists */
} import_run;

/* What one row gave: attribute codes, its reference, whether anything was answered, and the
 * fingerprint of the columns that identify a response. */
typedef struct {
    int attrs[SV_MAX_ATTRS + 1];
    const char *ref;
    size_t ref_len;
    int answered;
    uint64_t fp;
} import_row;

/* S without leading and trailing white space: *B .. *E. */
static void trim_span(const char *s, size_t len, size_t *b, size_t *e) {
    *b = 0;
    *e = len;
    while (*b < *e && is_space((unsigned char)s[*b])) (*b)++;
    while (*e > *b && is_space((unsigned char)s[*e - 1])) (*e)--;
}

/* Checklist labels longest first (for set_bits; stable, there are few), and the one-character
 * labels of every column in a table for a quick match. */
static void prepare_columns(sv_import *im) {
    for (size_t i = 0; i < im->ncols; i++) {
        sv_column *c = &im->cols[i];
        if (c->kind == SV_COL_BITS)
            for (size_t k = 1; k < c->nlabels; k++)
                for (size_t j = k; j > 0 && c->labels[j].len > c->labels[j - 1].len; j--) {
                    sv_label t = c->labels[j];
                    c->labels[j] = c->labels[j - 1];
                    c->labels[j - 1] = t;
                }
        memset(c->single, 0, sizeof c->single);
        for (size_t k = 0; k < c->nlabels && k < 32767; k++)
            if (c->labels[k].len == 1 && !c->single[(unsigned char)c->labels[k].key[0]])
                c->single[(unsigned char)c->labels[k].key[0]] = (short)(k + 1);
    }
}

static int prepare_statements(sv_import *im, import_run *run) {
    int values = 0; /* number or text columns: no batches */
    for (size_t i = 0; i < im->ncols; i++)
        if (im->cols[i].kind == SV_COL_NUMBER || im->cols[i].kind == SV_COL_TEXT) values = 1;
    char *one = insert_sql(im->nattrs, 1), *many = values ? NULL : insert_sql(im->nattrs, BATCH);
    int bad = !one || (!values && !many) ||
              sqlite3_prepare_v2(im->db, one, -1, &run->ins, NULL) != SQLITE_OK ||
              (many && sqlite3_prepare_v2(im->db, many, -1, &run->ins_batch, NULL) != SQLITE_OK);
    free(one);
    free(many);
    if (!bad && run->ins_batch) {
        run->batch = calloc(BATCH, sizeof *run->batch);
        run->batch_blobs = malloc((size_t)BATCH * (size_t)(im->bytes ? im->bytes : 1));
        if (!run->batch || !run->batch_blobs) return -1;
    }
    if (bad ||
        sqlite3_prepare_v2(im->db, "INSERT INTO survey_number(response_id, item, value) VALUES (?, ?, ?)",
                           -1, &run->num, NULL) != SQLITE_OK ||
        sqlite3_prepare_v2(im->db, "INSERT INTO survey_text(response_id, item, value) VALUES (?, ?, ?)",
                           -1, &run->txt, NULL) != SQLITE_OK ||
        sqlite3_prepare_v2(im->db,
                           "INSERT INTO survey_attr_value(wave_id, position, code, value) VALUES (?, ?, ?, ?)",
                           -1, &run->val, NULL) != SQLITE_OK) {
        sql_fail(im, NULL);
        return -1;
    }
    /* the same for every row: bound once */
    sqlite3_stmt *both[2] = {run->ins, run->ins_batch};
    for (int i = 0; i < 2 && both[i]; i++) {
        sqlite3_bind_int64(both[i], 1, im->wave_id);
        if (im->import_id) sqlite3_bind_int64(both[i], 2, im->import_id);
        else sqlite3_bind_null(both[i], 2);
    }
    return 0;
}

/* A CSV syntax error from the reader, into im->err. */
static void csv_failed(sv_import *im, const csv_reader *r) {
    im->err.problem = SV_ECSV;
    im->err.csv_err = r->err;
    im->err.line = r->err_line;
    im->err.col = r->err_col;
}

static int skip_header(sv_import *im, csv_reader *r) {
    for (int h = 0; h < im->header_records; h++) {
        int rc = csv_next(r);
        if (rc == CSV_RECORD) continue;
        if (rc == CSV_ERROR) csv_failed(im, r);
        else im->err.problem = SV_EHEADER;
        return -1;
    }
    return 0;
}

/* Check the row's shape and make room to normalise its longest field. */
static int start_row(sv_import *im, csv_reader *r, import_run *run) {
    if (r->nfields != im->ncols) {
        im->err.expected_fields = im->ncols;
        im->err.got_fields = r->nfields;
        size_t at = r->nfields < im->ncols ? r->nfields - 1 : im->ncols;
        size_t len;
        const char *v = csv_field(r, at, &len);
        fail(im, SV_EFIELDS, r, at, v, len);
        return -1;
    }
    if (r->rec_len + 1 > run->norm_cap) {
        free(run->norm);
        run->norm_cap = r->rec_len + 64;
        run->norm = malloc(run->norm_cap);
        if (!run->norm) return -1;
    }
    if (im->blank) memcpy(run->blob, im->blank, (size_t)im->bytes);
    else memset(run->blob, 0, (size_t)im->bytes);
    return 0;
}

/* A number answer into the blob (NaN when blank); checks that it reads and is in range. */
static int read_number(sv_import *im, csv_reader *r, size_t i, const sv_column *c,
                       import_run *run, const char *s, size_t len, import_row *row) {
    double v = NAN;
    size_t n = sv_norm(s, len, run->norm);
    if (n > 0) {
        char *end;
        errno = 0;
        v = strtod(run->norm, &end);
        if (*end || errno || isnan(v) || isinf(v)) {
            fail(im, SV_ENUMBER, r, i, run->norm, n);
            return -1;
        }
        if ((c->has_min && v < c->min) || (c->has_max && v > c->max)) {
            fail(im, SV_ERANGE, r, i, run->norm, n);
            return -1;
        }
        row->answered = 1;
    }
    memcpy(run->blob + c->offset, &v, 8);
    return 0;
}

/* Every answer of the row into the blob, its reference and fingerprint into ROW. Attributes
 * wait until the row is known to be answered (store_attributes): a row with none leaves no
 * trace. */
static int read_answers(sv_import *im, csv_reader *r, import_run *run, import_row *row) {
    for (size_t i = 0; i < im->ncols; i++) {
        const sv_column *c = &im->cols[i];
        size_t len;
        const char *s = csv_field(r, i, &len);
        if (c->in_fingerprint) {
            row->fp = fnv(s, len, row->fp);
            row->fp = fnv("\x1f", 1, row->fp);
        }
        switch (c->kind) {
        case SV_COL_LEVEL: {
            size_t n = sv_norm(s, len, run->norm);
            if (n == 0) break;
            const sv_label *l = find_label(c, run->norm, n);
            if (!l) {
                size_t b, e;
                trim_span(s, len, &b, &e);
                fail(im, SV_ELEVEL, r, i, s + b, e - b);
                return -1;
            }
            run->blob[c->offset] = (unsigned char)l->code;
            row->answered = 1;
            break;
        }
        case SV_COL_BITS: {
            int got = set_bits(im, r, i, c, s, len, run->norm, run->blob);
            if (got < 0) return -1;
            if (got) row->answered = 1;
            break;
        }
        case SV_COL_NUMBER:
            if (read_number(im, r, i, c, run, s, len, row)) return -1;
            break;
        case SV_COL_TEXT:
            if (sv_norm(s, len, run->norm) > 0) {
                run->blob[c->offset] = 1;
                row->answered = 1;
            }
            break;
        case SV_COL_REF:
            if (sv_norm(s, len, run->norm) > 0) {
                row->ref = s;
                row->ref_len = len;
            }
            break;
        default: /* SV_COL_ATTR: store_attributes; ignored columns */
            break;
        }
    }
    return 0;
}

/* Does any field of the row hold more than white space? */
static int row_has_text(const sv_import *im, csv_reader *r) {
    for (size_t i = 0; i < im->ncols; i++) {
        size_t len;
        const char *s = csv_field(r, i, &len);
        for (size_t k = 0; k < len; k++)
            if (!is_space((unsigned char)s[k])) return 1;
    }
    return 0;
}

/* The row's attribute values as codes; a value not seen before in this wave gets the next
 * code and is stored as first written, trimmed. */
static int store_attributes(sv_import *im, csv_reader *r, import_run *run, import_row *row) {
    for (size_t i = 0; i < im->ncols; i++) {
        const sv_column *c = &im->cols[i];
        if (c->kind != SV_COL_ATTR) continue;
        size_t len;
        const char *s = csv_field(r, i, &len);
        size_t n = sv_norm(s, len, run->norm);
        if (n == 0) continue;
        sv_dict *d = im->dicts[c->pos];
        int code = dict_get(d, run->norm, n);
        if (!code) {
            code = d->next_code;
            if (dict_put(d, run->norm, n, code)) return -1;
            size_t b, e;
            trim_span(s, len, &b, &e);
            sqlite3_bind_int64(run->val, 1, im->wave_id);
            sqlite3_bind_int(run->val, 2, c->pos);
            sqlite3_bind_int(run->val, 3, code);
            sqlite3_bind_text(run->val, 4, s + b, (int)(e - b), SQLITE_TRANSIENT);
            if (sqlite3_step(run->val) != SQLITE_DONE) { sql_fail(im, r); return -1; }
            sqlite3_reset(run->val);
        }
        row->attrs[c->pos] = code;
    }
    return 0;
}

/* The response's key, from its fingerprint: 1 and *KEY when it is new to the wave, 0 for a
 * duplicate. A key in the wave already, added earlier in this same file, is another respondent
 * who answered identically (the next key is tried); from an earlier import it is a duplicate. */
static int claim_key(sv_import *im, import_run *run, const import_row *row, int64_t *key) {
    for (uint64_t occurrence = 0;; occurrence++) {
        *key = (int64_t)(mix(row->fp + occurrence * 0x9E3779B97F4A7C15ull) >> 1);
        int seen = sv_keys_find(run->keys, *key);
        if (seen == SV_KEY_EARLIER) return 0;
        if (seen == SV_KEY_ABSENT) break;
    }
    /* without an import record, a second identical row is a duplicate, as from an earlier one */
    if (sv_keys_add(run->keys, *key, im->import_id ? SV_KEY_THIS_IMPORT : SV_KEY_EARLIER)) return -1;
    return 1;
}

/* Bind one response's key, reference, answers and attributes from parameter BASE on. */
static void bind_row(sv_import *im, sqlite3_stmt *st, int base, int64_t key, const char *ref,
                     size_t ref_len, const unsigned char *blob, const int *attrs) {
    sqlite3_bind_int64(st, base, key);
    if (ref) sqlite3_bind_text(st, base + 1, ref, (int)ref_len, SQLITE_STATIC);
    else sqlite3_bind_null(st, base + 1);
    sqlite3_bind_blob(st, base + 2, blob, im->bytes, SQLITE_STATIC);
    for (int p = 1; p <= im->nattrs; p++) sqlite3_bind_int(st, base + 2 + p, attrs[p]);
}

static int step_insert(sv_import *im, const csv_reader *r, sqlite3_stmt *st) {
    int src = sqlite3_step(st);
    sqlite3_reset(st);
    return src == SQLITE_DONE ? 0 : sql_fail(im, r);
}

/* Insert the response now: its id in *ID. */
static int insert_now(sv_import *im, csv_reader *r, import_run *run, const import_row *row,
                      int64_t key, int64_t *id) {
    bind_row(im, run->ins, 3, key, row->ref, row->ref_len, run->blob, row->attrs);
    if (step_insert(im, r, run->ins)) return -1;
    *id = sqlite3_last_insert_rowid(im->db);
    return 0;
}

/* The rows waiting: all BATCH with one statement, or (at the end) the few left one by one. */
static int flush_rows(sv_import *im, const csv_reader *r, import_run *run) {
    int full = run->nbatch == BATCH;
    for (int k = 0; k < run->nbatch; k++) {
        const staged_row *b = &run->batch[k];
        sqlite3_stmt *st = full ? run->ins_batch : run->ins;
        bind_row(im, st, full ? 3 + k * row_params(im->nattrs) : 3, b->key, b->has_ref ? b->ref : NULL,
                 b->ref_len, run->batch_blobs + (size_t)k * (size_t)im->bytes, b->attrs);
        if (!full && step_insert(im, r, st)) return -1;
    }
    if (full && step_insert(im, r, run->ins_batch)) return -1;
    run->nbatch = 0;
    return 0;
}

/* Keep the response for the next batch insert (copies of its answers and reference). */
static int stage_row(sv_import *im, csv_reader *r, import_run *run, const import_row *row, int64_t key) {
    staged_row *b = &run->batch[run->nbatch];
    b->key = key;
    b->has_ref = row->ref != NULL;
    if (row->ref) {
        if (row->ref_len + 1 > b->ref_cap) {
            char *p = realloc(b->ref, row->ref_len + 1);
            if (!p) return -1;
            b->ref = p;
            b->ref_cap = row->ref_len + 1;
        }
        memcpy(b->ref, row->ref, row->ref_len);
        b->ref_len = row->ref_len;
    }
    memcpy(b->attrs, row->attrs, sizeof b->attrs);
    memcpy(run->batch_blobs + (size_t)run->nbatch * (size_t)im->bytes, run->blob, (size_t)im->bytes);
    if (++run->nbatch == BATCH) return flush_rows(im, r, run);
    return 0;
}

/* Number and text answers of response ID as rows of their own (text trimmed). */
static int store_values(sv_import *im, csv_reader *r, import_run *run, int64_t id) {
    for (size_t i = 0; i < im->ncols; i++) {
        const sv_column *c = &im->cols[i];
        if (c->kind != SV_COL_NUMBER && c->kind != SV_COL_TEXT) continue;
        size_t len;
        const char *s = csv_field(r, i, &len);
        if (sv_norm(s, len, run->norm) == 0) continue;
        sqlite3_stmt *st = c->kind == SV_COL_NUMBER ? run->num : run->txt;
        sqlite3_bind_int64(st, 1, id);
        sqlite3_bind_text(st, 2, c->item, -1, SQLITE_STATIC);
        if (c->kind == SV_COL_NUMBER) {
            double v;
            memcpy(&v, run->blob + c->offset, 8);
            sqlite3_bind_double(st, 3, v);
        } else {
            size_t b, e;
            trim_span(s, len, &b, &e);
            sqlite3_bind_text(st, 3, s + b, (int)(e - b), SQLITE_STATIC);
        }
        int src = sqlite3_step(st);
        sqlite3_reset(st);
        if (src != SQLITE_DONE) { sql_fail(im, r); return -1; }
    }
    return 0;
}

/* One data row: read, skip when nothing was answered, store, count. */
static int import_one_row(sv_import *im, csv_reader *r, import_run *run) {
    if (start_row(im, r, run)) return -1;
    im->rows++;
    import_row row;
    memset(&row, 0, sizeof row);
    row.fp = FNV0;
    if (read_answers(im, r, run, &row)) return -1;
    /* A returned checklist with nothing ticked is a respondent ("nothing needs to improve"):
     * in a file with a checklist column, any row that is not wholly blank is kept. */
    if (!row.answered && run->has_bits) row.answered = row_has_text(im, r);
    if (!row.answered) {
        im->empty++;
        return 0;
    }
    if (store_attributes(im, r, run, &row)) return -1;
    int64_t key, id;
    int fresh = claim_key(im, run, &row, &key);
    if (fresh < 0) return -1;
    if (!fresh) {
        im->duplicates++;
        return 0;
    }
    im->added++;
    if (run->counts && sv_counts_add(run->counts, row.attrs, run->blob, (size_t)im->bytes)) return -1;
    if (run->ins_batch) return stage_row(im, r, run, &row, key);
    if (insert_now(im, r, run, &row, key, &id)) return -1;
    return store_values(im, r, run, id);
}

/* A CSV error in a data row: where, and what was read of the field, as the offending value. */
static void row_csv_failed(sv_import *im, const csv_reader *r) {
    csv_failed(im, r);
    im->err.field = r->nfields; /* the field being read */
    if (r->nfields > 0) {
        size_t off = r->fields[r->nfields - 1].off, len = r->rec_len - off;
        if (len >= sizeof im->err.value) len = sizeof im->err.value - 1;
        if (len) memcpy(im->err.value, r->rec + off, len);
        im->err.value[len] = 0;
    }
}

static int import_rows(sv_import *im, csv_reader *r, import_run *run) {
    int rc;
    while ((rc = csv_next(r)) == CSV_RECORD) {
        if (r->nfields == 1 && r->fields[0].len == 0) continue; /* a blank line */
        if ((im->rows & 4095) == 0 && im->interrupted && *im->interrupted) {
            im->err.problem = SV_EINTERRUPT;
            return -1;
        }
        if ((im->rows & 4095) == 0 && im->progress &&
            im->progress(im->progress_ctx, im->rows, im->file ? (long long)ftell(im->file) : -1)) {
            im->err.problem = SV_EINTERRUPT;
            return -1;
        }
        if (import_one_row(im, r, run)) return -1;
    }
    if (rc == CSV_ERROR) {
        row_csv_failed(im, r);
        return -1;
    }
    return 0;
}

int sv_import_reader(sv_import *im, csv_reader *r) {
    import_run run;
    memset(&run, 0, sizeof run);
    int result = -1;
    r->delim = im->delim ? im->delim : ',';
    if (im->lay && !(run.counts = sv_counts_new(im->lay, im->nattrs))) goto done;
    if (load_dicts(im)) { sql_fail(im, NULL); goto done; }
    if (!(run.keys = sv_keys_new())) goto done;
    if (sv_keys_load(run.keys, im->db, im->wave_id, im->import_id) != SQLITE_OK) { sql_fail(im, NULL); goto done; }
    prepare_columns(im);
    if (prepare_statements(im, &run)) goto done;
    for (size_t i = 0; i < im->ncols; i++)
        if (im->cols[i].kind == SV_COL_BITS) run.has_bits = 1;
    run.blob = malloc((size_t)im->bytes ? (size_t)im->bytes : 1);
    if (!run.blob) goto done;
    if (skip_header(im, r) || import_rows(im, r, &run) || flush_rows(im, r, &run)) goto done;
    if (run.counts && im->added > 0 &&
        sv_counts_store(run.counts, im->db, im->wave_id, 1) != SQLITE_OK) {
        sql_fail(im, NULL);
        goto done;
    }
    result = 0;
done:
    sv_counts_free(run.counts);
    if (result && !im->err.problem) {
        im->err.problem = SV_ESQL;
        snprintf(im->err.message, sizeof im->err.message, "out of memory");
    }
    sqlite3_finalize(run.ins);
    sqlite3_finalize(run.ins_batch);
    for (int k = 0; run.batch && k < BATCH; k++) free(run.batch[k].ref);
    free(run.batch);
    free(run.batch_blobs);
    sv_keys_free(run.keys);
    sqlite3_finalize(run.num);
    sqlite3_finalize(run.txt);
    sqlite3_finalize(run.val);
    free(run.blob);
    free(run.norm);
    return result;
}

/* The cache SQLite may use while importing (KiB). Every B-tree an import writes grows at its
 * end (survey_response by rowid, its wave index by wave and rowid), so a few pages per tree
 * are all it touches; the memory goes to the keys of the wave instead (sv_keys). */
#define IMPORT_CACHE_KIB 2048

int sv_import_file(sv_import *im, const char *path) {
    sqlite3_stmt *st;
    int old_cache = -2000;
    if (sqlite3_prepare_v2(im->db, "PRAGMA cache_size", -1, &st, NULL) == SQLITE_OK) {
        if (sqlite3_step(st) == SQLITE_ROW) old_cache = sqlite3_column_int(st, 0);
        sqlite3_finalize(st);
    }
    char pragma[64];
    snprintf(pragma, sizeof pragma, "PRAGMA cache_size=%d", -IMPORT_CACHE_KIB);
    sqlite3_exec(im->db, pragma, NULL, NULL, NULL);
    int rc = import_path(im, path);
    snprintf(pragma, sizeof pragma, "PRAGMA cache_size=%d", old_cache);
    sqlite3_exec(im->db, pragma, NULL, NULL, NULL);
    return rc;
}

static int import_path(sv_import *im, const char *path) {
    FILE *fp = fopen(path, "rb");
    if (!fp) {
        im->err.problem = SV_EOPEN;
        snprintf(im->err.message, sizeof im->err.message, "%s", strerror(errno));
        return -1;
    }
    csv_reader r;
    csv_init_file(&r, fp);
    im->file = fp;
    int rc = sv_import_reader(im, &r);
    im->file = NULL;
    csv_free(&r);
    fclose(fp);
    return rc;
}
