/* Unit tests for the streaming CSV reader (src/csv.c). */
#include <stdlib.h>
#include <string.h>

#include "csv.h"
#include "tap.h"

/* Parse TEXT and join the records as "a|b\n" lines; returns the rc of the last csv_next. */
static int parse(const char *text, size_t len, char *out, size_t outsize, csv_reader *r) {
    csv_init_mem(r, text, len);
    int rc;
    size_t o = 0;
    out[0] = 0;
    while ((rc = csv_next(r)) == CSV_RECORD) {
        for (size_t i = 0; i < r->nfields; i++) {
            size_t flen;
            const char *f = csv_field(r, i, &flen);
            if (i && o + 1 < outsize) out[o++] = '|';
            for (size_t k = 0; k < flen && o + 1 < outsize; k++) out[o++] = f[k];
        }
        if (o + 1 < outsize) out[o++] = '\n';
        out[o] = 0;
    }
    return rc;
}

static int parses_to(const char *text, const char *want) {
    char out[1024];
    csv_reader r;
    int rc = parse(text, strlen(text), out, sizeof out, &r);
    csv_free(&r);
    if (rc != CSV_EOF || strcmp(out, want) != 0) {
        printf("#   got rc=%d: [%s]\n", rc, out);
        return 0;
    }
    return 1;
}

static int fails_at(const char *text, size_t len, int err, unsigned long line, unsigned long col) {
    char out[1024];
    csv_reader r;
    if (len == 0) len = strlen(text);
    int rc = parse(text, len, out, sizeof out, &r);
    int good = rc == CSV_ERROR && r.err == err && r.err_line == line && r.err_col == col;
    if (!good) printf("#   got rc=%d err=%d at %lu:%lu\n", rc, r.err, r.err_line, r.err_col);
    csv_free(&r);
    return good;
}

/* a read function that hands out one byte at a time, to cross every buffer boundary */
typedef struct { const char *s; size_t n, pos; } drip;
static size_t drip_read(void *ctx, char *buf, size_t size) {
    drip *d = ctx;
    if (d->pos >= d->n || size == 0) return 0;
    buf[0] = d->s[d->pos++];
    return 1;
}

/* Write fields back as CSV, quoting every field, doubling quotes. */
static size_t serialize(char **fields, size_t *lens, size_t n, char *out) {
    size_t o = 0;
    for (size_t i = 0; i < n; i++) {
        if (i) out[o++] = ',';
        out[o++] = '"';
        for (size_t k = 0; k < lens[i]; k++) {
            if (fields[i][k] == '"') out[o++] = '"';
            out[o++] = fields[i][k];
        }
        out[o++] = '"';
    }
    out[o++] = '\n';
    return o;
}

/* Random inputs over an alphabet of the characters that matter: the reader must stop (with a
 * record, the end or an error) without reading outside its input, every field must lie inside
 * the record, positions must not go backwards, and every record it accepts must come back the
 * same after writing it out quoted and reading it again. */
static void fuzz(void) {
    static const char alphabet[] = {'a', 'b', ',', '"', '\n', '\r', ' ', (char)0xC3, (char)0xA9, (char)0xFF, (char)0xE2, (char)0x80};
    unsigned seed = 12345;
    int bad = 0, records = 0, errors = 0, roundtrips = 0;
    char in[64], re[1024];
    for (int iter = 0; iter < 20000 && !bad; iter++) {
        size_t n = 0;
        seed = seed * 1103515245u + 12345u;
        size_t len = (seed >> 16) % sizeof in;
        for (; n < len; n++) {
            seed = seed * 1103515245u + 12345u;
            in[n] = alphabet[(seed >> 16) % sizeof alphabet];
        }
        char *copy = malloc(len ? len : 1); /* exact size, so ASan sees any overread */
        memcpy(copy, in, len);
        csv_reader r;
        csv_init_mem(&r, copy, len);
        int rc;
        unsigned long last_line = 0;
        while ((rc = csv_next(&r)) == CSV_RECORD) {
            records++;
            if (r.rec_line < last_line) bad = 1;
            last_line = r.rec_line;
            char *fields[64];
            size_t lens[64];
            size_t nf = r.nfields < 64 ? r.nfields : 64;
            for (size_t i = 0; i < nf; i++) {
                if (r.fields[i].off + r.fields[i].len > r.rec_len) bad = 1;
                fields[i] = (char *)csv_field(&r, i, &lens[i]);
                if (csv_utf8_check(fields[i], lens[i]) != lens[i]) bad = 1; /* accepted = UTF-8 */
            }
            size_t m = serialize(fields, lens, nf, re);
            csv_reader r2;
            csv_init_mem(&r2, re, m);
            if (csv_next(&r2) != CSV_RECORD || r2.nfields != nf) bad = 1;
            for (size_t i = 0; !bad && i < nf; i++) {
                size_t l2;
                const char *f2 = csv_field(&r2, i, &l2);
                if (l2 != lens[i] || memcmp(f2, fields[i], l2) != 0) bad = 1;
            }
            csv_free(&r2);
            roundtrips++;
        }
        if (rc == CSV_ERROR) {
            errors++;
            if (r.err == CSV_OK || r.err_line < 1 || r.err_col < 1) bad = 1;
        }
        csv_free(&r);
        free(copy);
    }
    ok(!bad, "fuzz: 20000 random inputs, %d records read back identically, %d errors with positions",
       roundtrips, errors);
    ok(records > 1000 && errors > 1000, "fuzz: both outcomes exercised");
}

int main(void) {
    ok(parses_to("a,b,c\n1,2,3\n", "a|b|c\n1|2|3\n"), "simple records");
    ok(parses_to("a,b\r\n1,2\r\n", "a|b\n1|2\n"), "CRLF line ends");
    ok(parses_to("a,b\r1,2", "a|b\n1|2\n"), "CR line ends and no final newline");
    ok(parses_to("\xEF\xBB\xBFQ1,Q2\n4,3\n", "Q1|Q2\n4|3\n"), "UTF-8 BOM skipped");
    ok(parses_to("\"a,b\",c\n", "a,b|c\n"), "quoted comma");
    ok(parses_to("\"line1\nline2\",x\n", "line1\nline2|x\n"), "quoted newline");
    ok(parses_to("\"say \"\"hi\"\"\",x\n", "say \"hi\"|x\n"), "doubled quotes");
    ok(parses_to("a,,c\n,,\n", "a||c\n||\n"), "blank answers");
    ok(parses_to("\"\",x\n", "|x\n"), "empty quoted field");
    ok(parses_to("", ""), "empty input has no records");
    ok(parses_to("a\n\nb\n", "a\n\nb\n"), "a blank line is a record with one empty field");
    ok(parses_to("caf\xC3\xA9,\xE2\x9C\x93\n", "caf\xC3\xA9|\xE2\x9C\x93\n"), "UTF-8 text kept");

    ok(fails_at("a,b\n1,\"x\n", 0, CSV_EUNTERMINATED, 2, 3), "unterminated quote points at the quote");
    ok(fails_at("a,b\n1,\"x\"y\n", 0, CSV_EAFTERQUOTE, 2, 6), "text after a closing quote");
    ok(fails_at("a,b\n1,x\"y\n", 0, CSV_EQUOTE, 2, 4), "bare quote in an unquoted field");
    ok(fails_at("a,b\n1,ok\xFF\n", 0, CSV_EUTF8, 2, 5), "invalid byte: line and column");
    ok(fails_at("a,\xC3\xA9\xC3\n", 0, CSV_EUTF8, 1, 4), "truncated sequence after a character");
    ok(fails_at("x\n\"multi\nli\xC0\x80ne\"\n", 0, CSV_EUTF8, 3, 3), "overlong inside a quoted multi-line field");
    ok(fails_at("\xED\xA0\x80\n", 0, CSV_EUTF8, 1, 1), "UTF-16 surrogates refused");

    /* positions of fields */
    {
        csv_reader r;
        const char *t = "h1,h2\n\"a\nb\",\xC3\xA9t\xC3\xA9,z\n";
        csv_init_mem(&r, t, strlen(t));
        ok(csv_next(&r) == CSV_RECORD && r.rec_line == 1, "first record on line 1");
        ok(csv_next(&r) == CSV_RECORD && r.rec_line == 2 && r.nfields == 3, "second record on line 2");
        ok(r.fields[1].line == 3 && r.fields[1].col == 4, "field after a quoted newline: line 3 col 4");
        ok(r.fields[2].line == 3 && r.fields[2].col == 8, "columns count characters, not bytes");
        ok(csv_next(&r) == CSV_EOF, "then the end");
        ok(csv_next(&r) == CSV_EOF, "and the end again");
        csv_free(&r);
    }

    /* one byte at a time crosses every buffer boundary, including the BOM and CRLF */
    {
        const char *t = "\xEF\xBB\xBF\"a\"\"b\",c\r\n1,\"2\r\n3\"\r\n";
        drip d = {t, strlen(t), 0};
        csv_reader r;
        csv_init(&r, drip_read, &d);
        int rc1 = csv_next(&r);
        size_t l0;
        const char *f0 = csv_field(&r, 0, &l0);
        int good1 = rc1 == CSV_RECORD && l0 == 3 && memcmp(f0, "a\"b", 3) == 0;
        int rc2 = csv_next(&r);
        size_t l1;
        const char *f1 = csv_field(&r, 1, &l1);
        int good2 = rc2 == CSV_RECORD && l1 == 4 && memcmp(f1, "2\r\n3", 4) == 0;
        ok(good1, "byte-at-a-time: BOM and escaped quote");
        ok(good2, "byte-at-a-time: CRLF inside quotes kept");
        ok(csv_next(&r) == CSV_EOF, "byte-at-a-time: end");
        csv_free(&r);
    }

    /* bounded memory: a record over the limit is refused, not buffered */
    {
        size_t n = CSV_MAX_RECORD + 10;
        char *big = malloc(n);
        memset(big, 'x', n);
        csv_reader r;
        csv_init_mem(&r, big, n);
        ok(csv_next(&r) == CSV_ERROR && r.err == CSV_ETOOLONG, "over-long record refused");
        csv_free(&r);
        free(big);
    }
    {
        size_t n = CSV_MAX_FIELDS + 5;
        char *many = malloc(n);
        memset(many, ',', n);
        csv_reader r;
        csv_init_mem(&r, many, n);
        ok(csv_next(&r) == CSV_ERROR && r.err == CSV_ETOOMANY, "too many fields refused");
        csv_free(&r);
        free(many);
    }
    {
        csv_reader r;
        csv_init_mem(&r, "a;b\n", 4);
        r.delim = ';';
        ok(csv_next(&r) == CSV_RECORD && r.nfields == 2, "other delimiters");
        csv_free(&r);
    }
    ok(csv_utf8_check("ok", 2) == 2 && csv_utf8_check("\xF4\x90\x80\x80", 4) == 0,
       "utf8_check: above U+10FFFF refused");
    ok(strstr(csv_strerror(CSV_EUTF8), "UTF-8") != NULL, "error text says what was expected");
    fuzz();
    return done_testing();
}
