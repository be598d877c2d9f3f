/* survey_tally.c: counting answers. One pass over the packed responses of a wave adds each
 * respondent into the counts of every group it belongs to; survey_counts keeps the result per
 * attribute value so that results by school read one small blob per school. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "survey.h"

void sv_accumulate(const sv_layout *lay, const unsigned char *a, size_t len, double *cells) {
    for (int i = 0; i < lay->nslots; i++) {
        const sv_slot *s = &lay->slots[i];
        double *c = cells + s->cell;
        switch (s->kind) {
        case SV_LEVEL: {
            unsigned b = (size_t)s->offset < len ? a[s->offset] : 0;
            if (b == 0) c[0] += 1;
            else if (b == SV_NA) c[1] += 1;
            else if ((int)b <= s->k) c[1 + b] += 1;
            else c[0] += 1; /* a code the layout does not know counts as no answer */
            break;
        }
        case SV_BITS: {
            int width = (s->k + 7) / 8, any = 0;
            for (int byte = 0; byte < width; byte++) {
                unsigned b = (size_t)(s->offset + byte) < len ? a[s->offset + byte] : 0;
                for (int bit = 0; b && bit < 8; bit++, b >>= 1) {
                    int opt = byte * 8 + bit;
                    if ((b & 1) && opt < s->k) {
                        c[2 + opt] += 1;
                        any = 1;
                    }
                }
            }
            c[any ? 1 : 0] += 1;
            break;
        }
        case SV_NUMBER: {
            double v = NAN;
            if ((size_t)s->offset + 8 <= len) memcpy(&v, a + s->offset, 8);
            if (isnan(v)) { c[0] += 1; break; }
            if (c[1] == 0 || v < c[4]) c[4] = v;
            if (c[1] == 0 || v > c[5]) c[5] = v;
            c[1] += 1;
            c[2] += v;
            c[3] += v * v;
            break;
        }
        case SV_TEXT: {
            unsigned b = (size_t)s->offset < len ? a[s->offset] : 0;
            c[b ? 1 : 0] += 1;
            break;
        }
        default:
            break;
        }
    }
}

/* ---- groups: counts per (a, b) code pair ---------------------------------------------------- */

typedef struct {
    int a, b, used;
    long respondents;
    double *cells;
} group;

typedef struct {
    group *g;
    size_t cap, n;
    int cells;
} groups;

static group *find_group(groups *gs, int a, int b) {
    if (gs->n * 2 >= gs->cap) {
        size_t cap = gs->cap ? gs->cap * 2 : 64;
        group *ng = calloc(cap, sizeof *ng);
        if (!ng) return NULL;
        for (size_t i = 0; i < gs->cap; i++) {
            if (!gs->g[i].used) continue;
            size_t h = ((size_t)gs->g[i].a * 2654435761u ^ (size_t)gs->g[i].b * 40503u) & (cap - 1);
            while (ng[h].used) h = (h + 1) & (cap - 1);
            ng[h] = gs->g[i];
        }
        free(gs->g);
        gs->g = ng;
        gs->cap = cap;
    }
    size_t h = ((size_t)a * 2654435761u ^ (size_t)b * 40503u) & (gs->cap - 1);
    while (gs->g[h].used) {
        if (gs->g[h].a == a && gs->g[h].b == b) return &gs->g[h];
        h = (h + 1) & (gs->cap - 1);
    }
    double *cells = calloc((size_t)gs->cells ? (size_t)gs->cells : 1, sizeof(double));
    if (!cells) return NULL;
    gs->g[h] = (group){a, b, 1, 0, cells};
    gs->n++;
    return &gs->g[h];
}

static void free_groups(groups *gs) {
    for (size_t i = 0; i < gs->cap; i++)
        if (gs->g[i].used) free(gs->g[i].cells);
    free(gs->g);
    gs->g = NULL;
    gs->cap = gs->n = 0;
}

static int cmp_group(const void *x, const void *y) {
    const group *p = x, *q = y;
    if (p->used != q->used) return q->used - p->used;
    if (p->a != q->a) return p->a < q->a ? -1 : 1;
    if (p->b != q->b) return p->b < q->b ? -1 : 1;
    return 0;
}

/* attribute code of column a<pos> (1..8) from a row whose a1..a8 are columns 0..7 */
static int attr_of(sqlite3_stmt *st, int pos) { return pos ? sqlite3_column_int(st, pos - 1) : 0; }

static const char *select_sql =
    "SELECT a1, a2, a3, a4, a5, a6, a7, a8, answers FROM survey_response WHERE wave_id = ?";

int sv_tally(sqlite3 *db, int64_t wave_id, const sv_layout *lay, int pa, int pb, int filter_pos,
             int filter_code, sv_group_fn each, void *ctx) {
    sqlite3_stmt *st = NULL;
    int rc = sqlite3_prepare_v2(db, select_sql, -1, &st, NULL);
    if (rc != SQLITE_OK) return rc;
    sqlite3_bind_int64(st, 1, wave_id);
    groups gs = {NULL, 0, 0, lay->cells};
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        if (filter_pos && attr_of(st, filter_pos) != filter_code) continue;
        group *g = find_group(&gs, attr_of(st, pa), attr_of(st, pb));
        if (!g) { rc = SQLITE_NOMEM; break; }
        g->respondents++;
        sv_accumulate(lay, sqlite3_column_blob(st, 8), (size_t)sqlite3_column_bytes(st, 8), g->cells);
    }
    sqlite3_finalize(st);
    if (rc == SQLITE_DONE) {
        rc = SQLITE_OK;
        if (gs.cap) qsort(gs.g, gs.cap, sizeof *gs.g, cmp_group);
        for (size_t i = 0; i < gs.n; i++)
            each(ctx, gs.g[i].a, gs.g[i].b, gs.g[i].respondents, gs.g[i].cells);
    }
    free_groups(&gs);
    return rc;
}

/* ---- survey_counts: tallies per attribute value -------------------------------------------- */

typedef struct {
    long respondents;
    double *cells;
} slot_counts;

typedef struct {
    slot_counts *v; /* indexed by code */
    size_t n;
} by_code;

/* Pair tallies take at most this much memory (doubles) in all; a pair whose groups would go
 * over it is dropped (and not stored), and its two-way tables are counted by a scan instead. */
#define PAIR_BUDGET_BYTES (8u << 20)

struct sv_counts {
    const sv_layout *lay;
    int nattrs;
    /* With two attributes or more, a respondent is added to the group of each pair only: the
     * whole wave and the one-way groups are sums of a pair's groups, worked out once when the
     * tallies are stored (derive_one_way), not once per respondent. Until a pair is dropped:
     * then the sums so far are made and counting goes on directly. */
    int derived;
    by_code bc[SV_MAX_ATTRS + 1];
    groups pairs[SV_PAIRS];  /* per pair of attributes p < q (sv_pair_index) */
    int pair_dropped[SV_PAIRS];
    size_t pair_bytes;       /* cells of all pair groups */
    int *inc;     /* scratch: the cells one respondent adds 1 to */
    double *num;  /* scratch: number answers per slot (NaN = none) */
};

static slot_counts *at(by_code *bc, int code, int cells) {
    if (code < 0) return NULL;
    if ((size_t)code >= bc->n) {
        size_t n = bc->n ? bc->n : 16;
        while (n <= (size_t)code) n *= 2;
        slot_counts *v = realloc(bc->v, n * sizeof *v);
        if (!v) return NULL;
        memset(v + bc->n, 0, (n - bc->n) * sizeof *v);
        bc->v = v;
        bc->n = n;
    }
    slot_counts *s = &bc->v[code];
    if (!s->cells) {
        s->cells = calloc((size_t)cells ? (size_t)cells : 1, sizeof(double));
        if (!s->cells) return NULL;
    }
    return s;
}

sv_counts *sv_counts_new(const sv_layout *lay, int nattrs) {
    if (nattrs < 0 || nattrs > SV_MAX_ATTRS) return NULL;
    sv_counts *c = calloc(1, sizeof *c);
    if (!c) return NULL;
    c->lay = lay;
    c->nattrs = nattrs;
    int max_inc = 0;
    for (int i = 0; i < lay->nslots; i++) max_inc += 1 + lay->slots[i].k;
    c->inc = malloc(sizeof(int) * (size_t)(max_inc + 1));
    c->num = malloc(sizeof(double) * (size_t)(lay->nslots + 1));
    for (int i = 0; i < SV_PAIRS; i++) c->pairs[i].cells = lay->cells;
    /* (sums of number answers would be added up in another order: not for those) */
    c->derived = nattrs >= 2;
    for (int i = 0; i < lay->nslots; i++)
        if (lay->slots[i].kind == SV_NUMBER) c->derived = 0;
    if (!c->inc || !c->num || !at(&c->bc[0], 0, lay->cells)) {
        sv_counts_free(c);
        return NULL;
    }
    return c;
}

void sv_counts_free(sv_counts *c) {
    if (!c) return;
    for (int p = 0; p <= SV_MAX_ATTRS; p++) {
        for (size_t i = 0; i < c->bc[p].n; i++) free(c->bc[p].v[i].cells);
        free(c->bc[p].v);
    }
    for (int i = 0; i < SV_PAIRS; i++) free_groups(&c->pairs[i]);
    free(c->inc);
    free(c->num);
    free(c);
}

/* Add the respondent whose cells are in c->inc (N of them) and numbers in c->num to CELLS. */
static void add_respondent(sv_counts *c, int n, int has_num, double *cells) {
    const sv_layout *lay = c->lay;
    for (int k = 0; k < n; k++) cells[c->inc[k]] += 1;
    if (!has_num) return;
    for (int i = 0; i < lay->nslots; i++) {
        double v = c->num[i];
        if (isnan(v)) continue;
        double *x = cells + lay->slots[i].cell;
        if (x[1] == 0 || v < x[4]) x[4] = v;
        if (x[1] == 0 || v > x[5]) x[5] = v;
        x[1] += 1;
        x[2] += v;
        x[3] += v * v;
    }
}

static void merge_cells(const sv_layout *lay, double *dst, const double *src);

/* The whole wave and every one-way group as sums of the groups of a pair (attribute 1 with 2
 * for attributes 1 and 2, attribute 1 with P for the others), when they were not counted
 * directly (c->derived); from then on they are. -1: out of memory. */
static int derive_one_way(sv_counts *c) {
    if (!c->derived) return 0;
    c->derived = 0;
    const sv_layout *lay = c->lay;
    for (int p = 1; p <= c->nattrs; p++) {
        int q = p == 1 ? 2 : 1;
        groups *gs = &c->pairs[p < q ? sv_pair_index(p, q) : sv_pair_index(q, p)];
        for (size_t k = 0; k < gs->cap; k++) {
            group *g = &gs->g[k];
            if (!g->used) continue;
            slot_counts *one = at(&c->bc[p], p < q ? g->a : g->b, lay->cells);
            if (!one) return -1;
            one->respondents += g->respondents;
            merge_cells(lay, one->cells, g->cells);
            if (p == 1) { /* the pair's groups cover the whole wave once */
                slot_counts *all = at(&c->bc[0], 0, lay->cells);
                if (!all) return -1;
                all->respondents += g->respondents;
                merge_cells(lay, all->cells, g->cells);
            }
        }
    }
    return 0;
}

/* The group (A, B) of pair I. A new group that takes the pair tallies over their budget drops
 * the pair: NO_GROUP (no cells) is returned and the pair is neither counted nor stored.
 * NULL: out of memory. */
static group no_group;
static group *pair_group(sv_counts *c, int i, int a, int b) {
    groups *gs = &c->pairs[i];
    size_t before = gs->n;
    group *g = find_group(gs, a, b);
    if (!g) return NULL;
    if (gs->n != before) {
        c->pair_bytes += (size_t)gs->cells * sizeof(double);
        if (c->pair_bytes > PAIR_BUDGET_BYTES) {
            /* the one-way groups were sums of pairs: make them now, before this pair goes */
            if (derive_one_way(c)) return NULL;
            c->pair_bytes -= gs->n * (size_t)gs->cells * sizeof(double);
            free_groups(gs);
            c->pair_dropped[i] = 1;
            return &no_group;
        }
    }
    return g;
}

/* Add one respondent: the cells it adds 1 to are worked out once, then added to the whole
 * wave and to the group of each of its attribute values. */
int sv_counts_add(sv_counts *c, const int *attrs, const unsigned char *a, size_t len) {
    const sv_layout *lay = c->lay;
    int n = 0, has_num = 0;
    for (int i = 0; i < lay->nslots; i++) {
        const sv_slot *s = &lay->slots[i];
        c->num[i] = NAN;
        switch (s->kind) {
        case SV_LEVEL: {
            unsigned b = (size_t)s->offset < len ? a[s->offset] : 0;
            if (b == SV_NA) c->inc[n++] = s->cell + 1;
            else if (b >= 1 && (int)b <= s->k) c->inc[n++] = s->cell + 1 + (int)b;
            else c->inc[n++] = s->cell;
            break;
        }
        case SV_BITS: {
            int width = (s->k + 7) / 8, any = 0;
            for (int byte = 0; byte < width; byte++) {
                unsigned b = (size_t)(s->offset + byte) < len ? a[s->offset + byte] : 0;
                for (int bit = 0; b && bit < 8; bit++, b >>= 1) {
                    int opt = byte * 8 + bit;
                    if ((b & 1) && opt < s->k) {
                        c->inc[n++] = s->cell + 2 + opt;
                        any = 1;
                    }
                }
            }
            c->inc[n++] = s->cell + (any ? 1 : 0);
            break;
        }
        case SV_NUMBER: {
            double v = NAN;
            if ((size_t)s->offset + 8 <= len) memcpy(&v, a + s->offset, 8);
            if (isnan(v)) c->inc[n++] = s->cell;
            else { c->num[i] = v; has_num = 1; }
            break;
        }
        case SV_TEXT: {
            unsigned b = (size_t)s->offset < len ? a[s->offset] : 0;
            c->inc[n++] = s->cell + (b ? 1 : 0);
            break;
        }
        default:
            break;
        }
    }
    /* the respondent's pair groups first: finding one may drop a pair (over the budget), which
     * makes the one-way sums so far and ends c->derived before this respondent is added */
    group *pg[SV_PAIRS];
    int npg = 0;
    for (int p = 1; p <= c->nattrs; p++)
        for (int q = p + 1; q <= c->nattrs; q++) {
            int i = sv_pair_index(p, q);
            if (c->pair_dropped[i]) continue;
            group *g = pair_group(c, i, attrs[p], attrs[q]);
            if (!g) return -1;
            if (g->cells) pg[npg++] = g;
        }
    if (!c->derived)
        for (int p = 0; p <= c->nattrs; p++) {
            slot_counts *g = at(&c->bc[p], p ? attrs[p] : 0, lay->cells);
            if (!g) return -1;
            g->respondents++;
            add_respondent(c, n, has_num, g->cells);
        }
    for (int k = 0; k < npg; k++) {
        pg[k]->respondents++;
        add_respondent(c, n, has_num, pg[k]->cells);
    }
    return 0;
}

/* DST += SRC, cell by cell, except min and max of number items. */
static void merge_cells(const sv_layout *lay, double *dst, const double *src) {
    for (int i = 0; i < lay->nslots; i++) {
        const sv_slot *sl = &lay->slots[i];
        double *d = dst + sl->cell;
        const double *x = src + sl->cell;
        if (sl->kind == SV_NUMBER) {
            d[0] += x[0];
            if (x[1] > 0) {
                if (d[1] == 0 || x[4] < d[4]) d[4] = x[4];
                if (d[1] == 0 || x[5] > d[5]) d[5] = x[5];
                d[1] += x[1];
                d[2] += x[2];
                d[3] += x[3];
            }
        } else {
            int n = sl->kind == SV_TEXT ? 2 : 2 + sl->k;
            for (int k = 0; k < n; k++) d[k] += x[k];
        }
    }
}

int sv_counts_store(sv_counts *c, sqlite3 *db, int64_t wave_id, int merge) {
    const sv_layout *lay = c->lay;
    sqlite3_stmt *st = NULL, *del = NULL, *ins = NULL;
    int rc = SQLITE_OK;
    long old_total = 0, old_pair[SV_PAIRS] = {0};
    if (derive_one_way(c)) return SQLITE_NOMEM;
    if (merge) {
        rc = sqlite3_prepare_v2(db, "SELECT position, code, respondents, counts FROM survey_counts WHERE wave_id = ?",
                                -1, &st, NULL);
        if (rc != SQLITE_OK) goto done;
        sqlite3_bind_int64(st, 1, wave_id);
        while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
            int p = sqlite3_column_int(st, 0);
            double *cells;
            long respondents = (long)sqlite3_column_int64(st, 2);
            if (p >= 0 && p <= c->nattrs) {
                slot_counts *g = at(&c->bc[p], sqlite3_column_int(st, 1), lay->cells);
                if (!g) { rc = SQLITE_NOMEM; goto done; }
                g->respondents += respondents;
                cells = g->cells;
                if (p == 0) old_total += respondents;
            } else {
                int pp = p / 10, pq = p % 10;
                if (pp < 1 || pq <= pp || pq > c->nattrs) continue;
                int i = sv_pair_index(pp, pq);
                if (c->pair_dropped[i]) continue;
                sqlite3_int64 code = sqlite3_column_int64(st, 1);
                group *g = pair_group(c, i, (int)(code / SV_PAIR_CODE), (int)(code % SV_PAIR_CODE));
                if (!g) { rc = SQLITE_NOMEM; goto done; }
                if (!g->cells) continue;
                g->respondents += respondents;
                old_pair[i] += respondents;
                cells = g->cells;
            }
            if (sqlite3_column_bytes(st, 3) != lay->cells * (int)sizeof(double)) {
                rc = SQLITE_CORRUPT;
                goto done;
            }
            double *old = malloc((size_t)lay->cells * sizeof(double) + 1);
            if (!old) { rc = SQLITE_NOMEM; goto done; }
            memcpy(old, sqlite3_column_blob(st, 3), (size_t)lay->cells * sizeof(double));
            merge_cells(lay, cells, old);
            free(old);
        }
        if (rc != SQLITE_DONE) goto done;
        /* a pair whose stored rows did not cover the wave stays incomplete: not stored */
        for (int i = 0; i < SV_PAIRS; i++)
            if (old_pair[i] != old_total) {
                c->pair_bytes -= c->pairs[i].n * (size_t)c->pairs[i].cells * sizeof(double);
                free_groups(&c->pairs[i]);
                c->pair_dropped[i] = 1;
            }
    }
    rc = sqlite3_prepare_v2(db, "DELETE FROM survey_counts WHERE wave_id = ?", -1, &del, NULL);
    if (rc != SQLITE_OK) goto done;
    sqlite3_bind_int64(del, 1, wave_id);
    if ((rc = sqlite3_step(del)) != SQLITE_DONE) goto done;
    rc = sqlite3_prepare_v2(db,
                            "INSERT INTO survey_counts(wave_id, position, code, respondents, counts) "
                            "VALUES (?, ?, ?, ?, ?)",
                            -1, &ins, NULL);
    if (rc != SQLITE_OK) goto done;
    for (int p = 0; p <= c->nattrs; p++) {
        for (size_t code = 0; code < c->bc[p].n; code++) {
            slot_counts *s = &c->bc[p].v[code];
            if (!s->cells || (p > 0 && s->respondents == 0)) continue;
            sqlite3_bind_int64(ins, 1, wave_id);
            sqlite3_bind_int(ins, 2, p);
            sqlite3_bind_int(ins, 3, (int)code);
            sqlite3_bind_int64(ins, 4, s->respondents);
            sqlite3_bind_blob(ins, 5, s->cells, lay->cells * (int)sizeof(double), SQLITE_STATIC);
            if ((rc = sqlite3_step(ins)) != SQLITE_DONE) goto done;
            sqlite3_reset(ins);
        }
    }
    for (int p = 1; p <= c->nattrs; p++)
        for (int q = p + 1; q <= c->nattrs; q++) {
            groups *gs = &c->pairs[sv_pair_index(p, q)];
            if (c->pair_dropped[sv_pair_index(p, q)]) continue;
            for (size_t k = 0; k < gs->cap; k++) {
                group *g = &gs->g[k];
                if (!g->used || g->respondents == 0) continue;
                sqlite3_bind_int64(ins, 1, wave_id);
                sqlite3_bind_int(ins, 2, SV_PAIR_POSITION(p, q));
                sqlite3_bind_int64(ins, 3, (sqlite3_int64)g->a * SV_PAIR_CODE + g->b);
                sqlite3_bind_int64(ins, 4, g->respondents);
                sqlite3_bind_blob(ins, 5, g->cells, lay->cells * (int)sizeof(double), SQLITE_STATIC);
                if ((rc = sqlite3_step(ins)) != SQLITE_DONE) goto done;
                sqlite3_reset(ins);
            }
        }
    rc = SQLITE_OK;
done:
    sqlite3_finalize(st);
    sqlite3_finalize(del);
    sqlite3_finalize(ins);
    return rc;
}

int sv_recount(sqlite3 *db, int64_t wave_id, const sv_layout *lay, int nattrs) {
    sv_counts *c = sv_counts_new(lay, nattrs);
    if (!c) return SQLITE_NOMEM;
    sqlite3_stmt *st = NULL;
    int rc = sqlite3_prepare_v2(db, select_sql, -1, &st, NULL);
    if (rc == SQLITE_OK) {
        sqlite3_bind_int64(st, 1, wave_id);
        int attrs[SV_MAX_ATTRS + 1] = {0};
        while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
            for (int p = 1; p <= nattrs; p++) attrs[p] = sqlite3_column_int(st, p - 1);
            if (sv_counts_add(c, attrs, sqlite3_column_blob(st, 8), (size_t)sqlite3_column_bytes(st, 8))) {
                rc = SQLITE_NOMEM;
                break;
            }
        }
        sqlite3_finalize(st);
        if (rc == SQLITE_DONE) rc = sv_counts_store(c, db, wave_id, 0);
    }
    sv_counts_free(c);
    return rc;
}
