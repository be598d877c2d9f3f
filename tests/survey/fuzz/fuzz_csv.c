/* fuzz_csv.c: a libFuzzer target for the CSV reader (src/csv.c has no Lua inside for this).
 *
 *   clang -g -O1 -fsanitize=fuzzer,address,undefined -Isrc tests/survey/fuzz/fuzz_csv.c src/csv.c \
 *     -o fuzz_csv && ./fuzz_csv -max_total_time=60 tests/survey/fuzz/corpus
 *
 * Each input is read twice: from memory in one piece and through a read function that hands
 * out a few bytes at a time; both must give the same records and the same error at the same
 * position, every field must lie inside its record, and accepted fields must be UTF-8. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "csv.h"

typedef struct { const uint8_t *p; size_t n, pos, step; } chunks;

static size_t chunk_read(void *ctx, char *buf, size_t size) {
    chunks *c = ctx;
    size_t n = c->n - c->pos;
    if (n > c->step) n = c->step;
    if (n > size) n = size;
    memcpy(buf, c->p + c->pos, n);
    c->pos += n;
    return n;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    csv_reader a, b;
    csv_init_mem(&a, (const char *)data, size);
    chunks c = {data, size, 0, 1 + (size % 7)};
    csv_init(&b, chunk_read, &c);
    for (;;) {
        int ra = csv_next(&a), rb = csv_next(&b);
        if (ra != rb) abort();
        if (ra != CSV_RECORD) {
            if (ra == CSV_ERROR && (a.err != b.err || a.err_line != b.err_line || a.err_col != b.err_col)) abort();
            break;
        }
        if (a.nfields != b.nfields || a.rec_line != b.rec_line) abort();
        for (size_t i = 0; i < a.nfields; i++) {
            size_t la, lb;
            const char *fa = csv_field(&a, i, &la), *fb = csv_field(&b, i, &lb);
            if (la != lb || (la && memcmp(fa, fb, la) != 0)) abort();
            if (a.fields[i].line != b.fields[i].line || a.fields[i].col != b.fields[i].col) abort();
            if (csv_utf8_check(fa, la) != la) abort();
        }
    }
    csv_free(&a);
    csv_free(&b);
    return 0;
}
