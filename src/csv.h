/* csv.h: a streaming RFC 4180 reader. No Lua inside (a fuzz target; unit-tested in
 * tests/c/test_csv.c); cairn.csv (l_csv.c) and the survey importer (survey_import.c) use it.
 *
 *   csv_reader r;
 *   csv_init(&r, read_fn, ctx);             // or csv_init_file(&r, fp), csv_init_mem(&r, p, n)
 *   while ((rc = csv_next(&r)) == CSV_RECORD) {
 *       for (size_t i = 0; i < r.nfields; i++) use(csv_field(&r, i, &len), r.fields[i].line, ...);
 *   }
 *   if (rc != CSV_EOF) report(r.err, r.err_line, r.err_col);
 *   csv_free(&r);
 *
 * Accepts a UTF-8 byte order mark, CRLF, LF or CR line ends, quoted fields with "" escapes,
 * commas and line breaks inside quotes. Stops at the first problem with its code and exact
 * position: line (1-based, physical) and column (1-based, in characters). Memory is bounded:
 * one record at a time, at most CSV_MAX_RECORD bytes and CSV_MAX_FIELDS fields. */
#ifndef CAIRN_CSV_H
#define CAIRN_CSV_H

#include <stddef.h>
#include <stdio.h>

#define CSV_MAX_RECORD (4u << 20)
#define CSV_MAX_FIELDS 4096

enum {
    CSV_EOF = 0,
    CSV_RECORD = 1,
    CSV_ERROR = -1
};

/* error codes (r.err) */
enum {
    CSV_OK = 0,
    CSV_EQUOTE,     /* a quote inside an unquoted field */
    CSV_EAFTERQUOTE,/* something other than a comma or line end after a closing quote */
    CSV_EUNTERMINATED, /* end of file inside a quoted field */
    CSV_EUTF8,      /* bytes that are not UTF-8 */
    CSV_ETOOLONG,   /* a record over CSV_MAX_RECORD bytes */
    CSV_ETOOMANY,   /* more than CSV_MAX_FIELDS fields */
    CSV_EREAD,      /* the read function failed */
    CSV_ENOMEM
};

/* Returns bytes read into BUF (0 at end of input, (size_t)-1 on error). */
typedef size_t (*csv_read_fn)(void *ctx, char *buf, size_t size);

typedef struct {
    size_t off, len;       /* in r.rec */
    unsigned long line, col; /* where the field starts */
    int quoted;
} csv_field_pos;

typedef struct {
    csv_read_fn read;
    void *ctx;
    char delim;
    /* input buffer */
    char *in;
    size_t in_len, in_pos, in_cap;
    int eof, started;
    /* position of the next input byte */
    unsigned long line, col;
    int last_cr;           /* the previous byte was a CR (for CRLF) */
    /* the current record */
    char *rec;
    size_t rec_len, rec_cap;
    csv_field_pos *fields;
    size_t nfields, fields_cap;
    unsigned long rec_line; /* line where the record starts */
    unsigned long records;  /* records returned so far */
    int high;               /* the current field has a byte >= 0x80 (so needs a UTF-8 check) */
    /* the error */
    int err;
    unsigned long err_line, err_col;
    /* memory: where mem input points */
    const char *mem;
    size_t mem_len, mem_pos;
} csv_reader;

void csv_init(csv_reader *r, csv_read_fn read, void *ctx);
void csv_init_file(csv_reader *r, FILE *fp);
void csv_init_mem(csv_reader *r, const char *data, size_t len);
int csv_next(csv_reader *r);
const char *csv_field(const csv_reader *r, size_t i, size_t *len);
const char *csv_strerror(int err);
void csv_free(csv_reader *r);

/* Checks that S[0..LEN) is UTF-8; returns the offset of the first bad byte, or LEN. */
size_t csv_utf8_check(const char *s, size_t len);

#endif
