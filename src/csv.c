/* csv.c: the streaming RFC 4180 reader (see csv.h). A byte-at-a-time state machine over a
 * refillable input buffer; the record is built unescaped in r->rec, fields are offsets into it. */
#include "csv.h"

#include <stdlib.h>
#include <string.h>

#define IN_CHUNK 65536

static size_t file_read(void *ctx, char *buf, size_t size) {
    FILE *fp = ctx;
    size_t n = fread(buf, 1, size, fp);
    if (n == 0 && ferror(fp))
        return (size_t)-1;
    return n;
}

static size_t mem_read(void *ctx, char *buf, size_t size) {
    csv_reader *r = ctx;
    size_t n = r->mem_len - r->mem_pos;
    if (n > size)
        n = size;
    memcpy(buf, r->mem + r->mem_pos, n);
    r->mem_pos += n;
    return n;
}

void csv_init(csv_reader *r, csv_read_fn read, void *ctx) {
    memset(r, 0, sizeof *r);
    r->read = read;
    r->ctx = ctx;
    r->delim = ',';
    r->line = 1;
    r->col = 1;
}

void csv_init_file(csv_reader *r, FILE *fp) { csv_init(r, file_read, fp); }

void csv_init_mem(csv_reader *r, const char *data, size_t len) {
    csv_init(r, mem_read, NULL);
    r->ctx = r;
    r->mem = data;
    r->mem_len = len;
}

void csv_free(csv_reader *r) {
    free(r->in);
    free(r->rec);
    free(r->fields);
    r->in = r->rec = NULL;
    r->fields = NULL;
    r->in_cap = r->rec_cap = r->fields_cap = 0;
}

const char *csv_strerror(int err) {
    switch (err) {
    case CSV_OK: return "no error";
    case CSV_EQUOTE: return "a field that holds a quote to be quoted itself, its quotes doubled (\"5\"\" tall\")";
    case CSV_EAFTERQUOTE: return "a comma or the end of the line after the closing quote";
    case CSV_EUNTERMINATED: return "a closing quote (the file ends inside a quoted field)";
    case CSV_EUTF8: return "UTF-8 text (save the file as CSV UTF-8)";
    case CSV_ETOOLONG: return "a record shorter than 4 MiB";
    case CSV_ETOOMANY: return "at most 4096 fields in a record";
    case CSV_EREAD: return "a readable file";
    case CSV_ENOMEM: return "enough memory";
    }
    return "valid CSV";
}

size_t csv_utf8_check(const char *s, size_t len) {
    const unsigned char *p = (const unsigned char *)s;
    size_t i = 0;
    while (i < len) {
        unsigned c = p[i];
        if (c < 0x80) { i++; continue; }
        size_t n;
        unsigned min;
        if (c >= 0xC2 && c <= 0xDF) { n = 1; min = 0x80; }
        else if (c >= 0xE0 && c <= 0xEF) { n = 2; min = 0x800; }
        else if (c >= 0xF0 && c <= 0xF4) { n = 3; min = 0x10000; }
        else return i;
        if (n >= len - i) return i; /* truncated */
        unsigned cp = c & (0x3F >> n);
        for (size_t k = 1; k <= n; k++) {
            if ((p[i + k] & 0xC0) != 0x80) return i;
            cp = (cp << 6) | (p[i + k] & 0x3F);
        }
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return i;
        i += n + 1;
    }
    return len;
}

/* The next input byte, or -1 at end (-2 on a read error). Does not advance. */
static int peek(csv_reader *r) {
    if (r->in_pos < r->in_len)
        return (unsigned char)r->in[r->in_pos];
    if (r->eof)
        return -1;
    if (!r->in) {
        r->in = malloc(IN_CHUNK);
        if (!r->in) { r->err = CSV_ENOMEM; return -2; }
        r->in_cap = IN_CHUNK;
    }
    size_t n = r->read(r->ctx, r->in, r->in_cap);
    if (n == (size_t)-1) { r->err = CSV_EREAD; return -2; }
    r->in_pos = 0;
    r->in_len = n;
    if (n == 0) { r->eof = 1; return -1; }
    return (unsigned char)r->in[0];
}

/* Advance past the byte peek() returned, keeping line and column (in characters). */
static void advance(csv_reader *r, int c) {
    r->in_pos++;
    if (c == '\n') {
        if (!r->last_cr) { r->line++; }
        r->col = 1;
        r->last_cr = 0;
    } else if (c == '\r') {
        r->line++;
        r->col = 1;
        r->last_cr = 1;
    } else {
        r->last_cr = 0;
        if ((c & 0xC0) != 0x80) r->col++; /* continuation bytes do not start a character */
    }
}

static int put(csv_reader *r, int c) {
    if (r->rec_len + 1 > r->rec_cap) {
        if (r->rec_cap >= CSV_MAX_RECORD) {
            r->err = CSV_ETOOLONG;
            return -1;
        }
        size_t cap = r->rec_cap ? r->rec_cap * 2 : 4096;
        if (cap > CSV_MAX_RECORD) cap = CSV_MAX_RECORD;
        char *p = realloc(r->rec, cap);
        if (!p) { r->err = CSV_ENOMEM; return -1; }
        r->rec = p;
        r->rec_cap = cap;
    }
    r->rec[r->rec_len++] = (char)c;
    r->high |= c >= 0x80;
    return 0;
}

static int start_field(csv_reader *r) {
    if (r->nfields == r->fields_cap) {
        if (r->fields_cap >= CSV_MAX_FIELDS) {
            r->err = CSV_ETOOMANY;
            return -1;
        }
        size_t cap = r->fields_cap ? r->fields_cap * 2 : 64;
        csv_field_pos *p = realloc(r->fields, cap * sizeof *p);
        if (!p) { r->err = CSV_ENOMEM; return -1; }
        r->fields = p;
        r->fields_cap = cap;
    }
    csv_field_pos *f = &r->fields[r->nfields++];
    f->off = r->rec_len;
    f->len = 0;
    f->line = r->line;
    f->col = r->col;
    f->quoted = 0;
    r->high = 0;
    return 0;
}

static int error_at(csv_reader *r, int err, unsigned long line, unsigned long col) {
    if (!r->err) r->err = err;
    r->err_line = line;
    r->err_col = col;
    return CSV_ERROR;
}

/* Check the field just finished is UTF-8; the error points at the bad character. */
static int check_field(csv_reader *r) {
    csv_field_pos *f = &r->fields[r->nfields - 1];
    f->len = r->rec_len - f->off;
    if (!r->high) return 0; /* plain ASCII */
    const char *s = r->rec + f->off;
    size_t bad = csv_utf8_check(s, f->len);
    if (bad == f->len) return 0;
    /* find the position of byte BAD within the field */
    unsigned long line = f->line, col = f->col + (unsigned long)f->quoted;
    for (size_t i = 0; i < bad; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '\n' || (c == '\r' && !(i + 1 < bad && s[i + 1] == '\n'))) { line++; col = 1; }
        else if (c == '\r') { /* CR of a CRLF: the LF ends the line */ }
        else if ((c & 0xC0) != 0x80) col++;
    }
    return error_at(r, CSV_EUTF8, line, col);
}

int csv_next(csv_reader *r) {
    if (r->err) return CSV_ERROR;
    r->rec_len = 0;
    r->nfields = 0;
    int c = peek(r);
    if (c == -2) return error_at(r, r->err, r->line, r->col);
    if (!r->started) {
        r->started = 1;
        /* a UTF-8 byte order mark (Excel's "CSV UTF-8") */
        if (c == 0xEF) {
            /* make sure three bytes are buffered, whatever the read function hands out */
            while (r->in_len - r->in_pos < 3 && !r->eof) {
                memmove(r->in, r->in + r->in_pos, r->in_len - r->in_pos);
                r->in_len -= r->in_pos;
                r->in_pos = 0;
                size_t n = r->read(r->ctx, r->in + r->in_len, r->in_cap - r->in_len);
                if (n == (size_t)-1) { r->err = CSV_EREAD; return error_at(r, r->err, 1, 1); }
                if (n == 0) r->eof = 1;
                r->in_len += n;
            }
            if (r->in_len - r->in_pos >= 3 && (unsigned char)r->in[r->in_pos + 1] == 0xBB &&
                (unsigned char)r->in[r->in_pos + 2] == 0xBF) {
                r->in_pos += 3;
                c = peek(r);
            }
        }
    }
    if (c == -1) return CSV_EOF;
    r->rec_line = r->line;
    if (start_field(r)) return error_at(r, r->err, r->line, r->col);
    for (;;) {
        c = peek(r);
        if (c == -2) return error_at(r, r->err, r->line, r->col);
        csv_field_pos *f = &r->fields[r->nfields - 1];
        if (c == '"' && r->rec_len == f->off && !f->quoted) {
            /* a quoted field */
            unsigned long qline = r->line, qcol = r->col;
            f->quoted = 1;
            advance(r, c);
            for (;;) {
                c = peek(r);
                if (c == -2) return error_at(r, r->err, r->line, r->col);
                if (c == -1) return error_at(r, CSV_EUNTERMINATED, qline, qcol);
                advance(r, c);
                if (c == '"') {
                    int d = peek(r);
                    if (d == -2) return error_at(r, r->err, r->line, r->col);
                    if (d == '"') {
                        advance(r, d);
                        if (put(r, '"')) return error_at(r, r->err, r->line, r->col);
                        continue;
                    }
                    break;
                }
                if (put(r, c)) return error_at(r, r->err, r->line, r->col);
            }
            c = peek(r);
            if (c == -2) return error_at(r, r->err, r->line, r->col);
            if (c != -1 && c != r->delim && c != '\n' && c != '\r')
                return error_at(r, CSV_EAFTERQUOTE, r->line, r->col);
            continue;
        }
        if (c == -1 || c == '\n' || c == '\r') {
            if (check_field(r)) return CSV_ERROR;
            if (c == '\r') {
                advance(r, c);
                if (peek(r) == '\n') advance(r, '\n');
            } else if (c == '\n') {
                advance(r, c);
            }
            r->records++;
            return CSV_RECORD;
        }
        if (c == r->delim) {
            if (check_field(r)) return CSV_ERROR;
            advance(r, c);
            if (start_field(r)) return error_at(r, r->err, r->line, r->col);
            continue;
        }
        if (c == '"') return error_at(r, CSV_EQUOTE, r->line, r->col);
        /* fast path: copy the run of ordinary bytes buffered from here in one go; when a
         * delimiter follows and the next field starts plainly, go straight on with that field
         * (what the general loop does for it, without its checks, for plain ASCII fields) */
        for (;;) {
            const unsigned char *in = (const unsigned char *)r->in;
            const unsigned char d = (unsigned char)r->delim;
            size_t end = r->in_pos;
            unsigned long chars = 0;
            int high = 0;
            while (end < r->in_len) {
                unsigned char b = in[end];
                if (b == d || b == '"' || b == '\n' || b == '\r') break;
                chars += (b & 0xC0) != 0x80;
                high |= b >= 0x80;
                end++;
            }
            r->high |= high;
            size_t run = end - r->in_pos;
            if (r->rec_len + run > r->rec_cap) {
                if (r->rec_len + run > CSV_MAX_RECORD) {
                    r->err = CSV_ETOOLONG;
                    return error_at(r, r->err, r->line, r->col);
                }
                size_t cap = r->rec_cap ? r->rec_cap : 4096;
                while (cap < r->rec_len + run) cap *= 2;
                if (cap > CSV_MAX_RECORD) cap = CSV_MAX_RECORD;
                char *p = realloc(r->rec, cap);
                if (!p) { r->err = CSV_ENOMEM; return error_at(r, r->err, r->line, r->col); }
                r->rec = p;
                r->rec_cap = cap;
            }
            memcpy(r->rec + r->rec_len, r->in + r->in_pos, run);
            r->rec_len += run;
            r->in_pos = end;
            r->col += chars;
            r->last_cr = 0;
            if (r->high || r->nfields >= r->fields_cap || r->in_pos + 1 >= r->in_len ||
                in[r->in_pos] != d || in[r->in_pos + 1] == '"')
                break;
            /* check_field for an ASCII field, advance over the delimiter, start_field */
            csv_field_pos *done = &r->fields[r->nfields - 1];
            done->len = r->rec_len - done->off;
            r->in_pos++;
            r->col++;
            csv_field_pos *next = &r->fields[r->nfields++];
            next->off = r->rec_len;
            next->len = 0;
            next->line = r->line;
            next->col = r->col;
            next->quoted = 0;
        }
    }
}

const char *csv_field(const csv_reader *r, size_t i, size_t *len) {
    if (i >= r->nfields) {
        if (len) *len = 0;
        return "";
    }
    if (len) *len = r->fields[i].len;
    if (!r->rec) return ""; /* only empty fields so far: nothing was buffered */
    return r->rec + r->fields[i].off;
}
