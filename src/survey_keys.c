/* survey_keys.c: the response keys of one wave, in memory, for the importer's duplicate check.
 * Keys are 63-bit hashes (survey_response.fingerprint), so they are spread evenly: the set is
 * split by their top bits into parts that grow one at a time (growing one part never holds a
 * second copy of the whole set, which keeps the import's peak memory near 8-16 bytes a key),
 * each an open-addressing table with linear probing. Bit 63, never set in a key, marks the
 * keys this import added. */
#include <stdlib.h>
#include <string.h>

#include "survey.h"

#define PART_BITS 6
#define NPARTS (1 << PART_BITS)
#define THIS_IMPORT (1ull << 63)

typedef struct {
    uint64_t *slot; /* 0 = empty */
    size_t cap, n;
} part;

struct sv_keys {
    part parts[NPARTS];
    int zero; /* the key 0 (it cannot be stored in a slot): 0, SV_KEY_EARLIER or SV_KEY_THIS_IMPORT */
};

sv_keys *sv_keys_new(void) { return calloc(1, sizeof(sv_keys)); }

void sv_keys_free(sv_keys *k) {
    if (!k) return;
    for (int i = 0; i < NPARTS; i++) free(k->parts[i].slot);
    free(k);
}

static part *part_of(sv_keys *k, uint64_t key) { return &k->parts[(key >> (63 - PART_BITS)) & (NPARTS - 1)]; }

int sv_keys_find(sv_keys *k, int64_t key) {
    uint64_t u = (uint64_t)key & ~THIS_IMPORT;
    if (u == 0) return k->zero;
    part *p = part_of(k, u);
    if (!p->cap) return 0;
    for (size_t h = u & (p->cap - 1);; h = (h + 1) & (p->cap - 1)) {
        uint64_t s = p->slot[h];
        if (!s) return 0;
        if ((s & ~THIS_IMPORT) == u) return (s & THIS_IMPORT) ? SV_KEY_THIS_IMPORT : SV_KEY_EARLIER;
    }
}

static void place(uint64_t *slot, size_t cap, uint64_t s) {
    size_t h = (s & ~THIS_IMPORT) & (cap - 1);
    while (slot[h]) h = (h + 1) & (cap - 1);
    slot[h] = s;
}

/* Add KEY (not yet in the set) as SV_KEY_EARLIER or SV_KEY_THIS_IMPORT. -1: out of memory. */
int sv_keys_add(sv_keys *k, int64_t key, int how) {
    uint64_t u = (uint64_t)key & ~THIS_IMPORT;
    if (u == 0) {
        k->zero = how;
        return 0;
    }
    part *p = part_of(k, u);
    if ((p->n + 1) * 4 > p->cap * 3) { /* keep the load under 3/4 */
        size_t cap = p->cap ? p->cap * 2 : 256;
        uint64_t *slot = calloc(cap, sizeof *slot);
        if (!slot) return -1;
        for (size_t i = 0; i < p->cap; i++)
            if (p->slot[i]) place(slot, cap, p->slot[i]);
        free(p->slot);
        p->slot = slot;
        p->cap = cap;
    }
    place(p->slot, p->cap, u | (how == SV_KEY_THIS_IMPORT ? THIS_IMPORT : 0));
    p->n++;
    return 0;
}

int sv_keys_load(sv_keys *k, sqlite3 *db, int64_t wave_id, int64_t import_id) {
    sqlite3_stmt *st;
    int rc = sqlite3_prepare_v2(db, "SELECT fingerprint, import_id FROM survey_response WHERE wave_id = ?",
                                -1, &st, NULL);
    if (rc != SQLITE_OK) return rc;
    sqlite3_bind_int64(st, 1, wave_id);
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        int64_t key = sqlite3_column_int64(st, 0);
        int same = import_id && sqlite3_column_type(st, 1) != SQLITE_NULL && sqlite3_column_int64(st, 1) == import_id;
        if (sv_keys_find(k, key)) continue; /* keys are unique per wave; a repeat changes nothing */
        if (sv_keys_add(k, key, same ? SV_KEY_THIS_IMPORT : SV_KEY_EARLIER)) {
            rc = SQLITE_NOMEM;
            break;
        }
    }
    sqlite3_finalize(st);
    return rc == SQLITE_DONE ? SQLITE_OK : rc;
}
