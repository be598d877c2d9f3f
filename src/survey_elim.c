/* survey_elim.c: the exact elimination behind cairn.survey.audit (docs/survey-privacy.md),
 * in C because the suppression search runs it thousands of times per wave.
 *
 *   local S = core.elim_system(system)   system = { atoms = {value per atom},
 *                                          cells = { {atoms = {...}, value =}, ... } }
 *   local B = S:basis(cells)      the null space of the cells not withheld (cells[i].withheld)
 *   S:check(B, cells, protection, min [, only])
 *       -> { {cell =, kind = "determined"|"narrow"|"small_union", width = [, line =]} }
 *       (ONLY: that cell alone, and no lines; system.lines as audit.lua describes them)
 *   B:vectors()                   the basis as dense integer vectors (for tests)
 *
 * The basis is the canonical one that audit.lua's null_space_columns builds, vector for vector:
 * for each free column f (ascending) the unique null vector that is 0 on the other free
 * columns, in whole numbers with no common factor and a positive f entry. The steps below are
 * the Lua ones (same fixing of columns, same row order, same column-by-column reduction), so
 * every intermediate number is the same too; arithmetic is exact 64-bit integers, and an
 * overflow is an error, never a wrapped value. The atom lists and values are read once (S);
 * only the withheld flags are read at each call. */
#include "survey_elim.h"

#include <lauxlib.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define SYSTEM_TYPE "cairn.elim.system"
#define BASIS_TYPE "cairn.elim.basis"
#define UNBOUNDED INT64_MAX

static const char too_large[] =
    "survey audit: numbers grew too large for exact arithmetic (too many attribute combinations)";

typedef struct {
    int n;          /* atoms */
    int ncells;
    int64_t *x;     /* value of each atom */
    int *off;       /* cell i's atoms are atoms[off[i] .. off[i + 1]), 0-based */
    int *atoms;
    int64_t *value; /* each cell's value */
    int nlines;     /* lines "parent = members": line l's parent is parent[l], its members */
    int *parent;    /* members[line_off[l] .. line_off[l + 1]) (cell indices, 0-based) */
    int *line_off;
    int *members;
} esystem;

typedef struct {
    int n;       /* atoms (the length of a dense vector) */
    int count;   /* vectors */
    int *off;    /* vector k: cols[off[k] .. off[k + 1]) ascending, with vals alongside */
    int *cols;
    int64_t *vals;
} ebasis;

/* a sparse vector: ascending indices with their non-zero values */
typedef struct {
    int len, cap;
    int *idx;
    int64_t *val;
} svec;

enum { OK = 0, E_MEMORY, E_OVERFLOW };

static int svec_reserve(svec *v, int need) {
    if (need <= v->cap) return OK;
    int cap = v->cap ? v->cap : 8;
    while (cap < need) cap *= 2;
    int *idx = realloc(v->idx, (size_t)cap * sizeof *idx);
    if (!idx) return E_MEMORY;
    v->idx = idx;
    int64_t *val = realloc(v->val, (size_t)cap * sizeof *val);
    if (!val) return E_MEMORY;
    v->val = val;
    v->cap = cap;
    return OK;
}

static void svec_free(svec *v) {
    free(v->idx);
    free(v->val);
    v->idx = NULL;
    v->val = NULL;
    v->len = v->cap = 0;
}

static int64_t gcd64(int64_t a, int64_t b) {
    if (a < 0) a = -a;
    if (b < 0) b = -b;
    while (b != 0) {
        int64_t t = a % b;
        a = b;
        b = t;
    }
    return a;
}

/* OUT = A * p - B * f (entries that become 0 dropped) */
static int combine(svec *out, const svec *a, const svec *b, int64_t p, int64_t f) {
    if (svec_reserve(out, a->len + b->len)) return E_MEMORY;
    int i = 0, j = 0, k = 0;
    while (i < a->len || j < b->len) {
        int64_t v, t;
        int at;
        if (j >= b->len || (i < a->len && a->idx[i] < b->idx[j])) {
            at = a->idx[i];
            if (__builtin_mul_overflow(a->val[i], p, &v)) return E_OVERFLOW;
            i++;
        } else if (i >= a->len || b->idx[j] < a->idx[i]) {
            at = b->idx[j];
            if (__builtin_mul_overflow(b->val[j], f, &t) || __builtin_sub_overflow((int64_t)0, t, &v))
                return E_OVERFLOW;
            j++;
        } else {
            at = a->idx[i];
            int64_t u;
            if (__builtin_mul_overflow(a->val[i], p, &u) || __builtin_mul_overflow(b->val[j], f, &t) ||
                __builtin_sub_overflow(u, t, &v))
                return E_OVERFLOW;
            i++;
            j++;
        }
        if (v != 0) {
            out->idx[k] = at;
            out->val[k] = v;
            k++;
        }
    }
    out->len = k;
    return OK;
}

static void swap_svec(svec *a, svec *b) {
    svec t = *a;
    *a = *b;
    *b = t;
}

/* ---- the null space (audit.lua's null_space_columns) ---------------------------------- */

typedef struct {
    const int *list; /* atoms of a live row, ascending, without the fixed ones */
    int len;
} rowlist;

static int rowlist_cmp(const void *pa, const void *pb) {
    const rowlist *x = pa, *y = pb;
    if (x->len != y->len) return x->len < y->len ? -1 : 1;
    for (int i = 0; i < x->len; i++)
        if (x->list[i] != y->list[i]) return x->list[i] < y->list[i] ? -1 : 1;
    return 0;
}

static int int_cmp(const void *pa, const void *pb) {
    int a = *(const int *)pa, b = *(const int *)pb;
    return (a > b) - (a < b);
}

typedef struct {
    svec v, c; /* the reduced column (over row indices) and its combination of columns */
} stored;

/* The null space of the rows given by ROW_OFF/ROW_ATOMS (NROWS rows over N atoms) into B. */
static int null_space(int n, int nrows, const int *row_off, const int *row_atoms, ebasis *B) {
    int status = E_MEMORY;
    char *fixed = calloc((size_t)n + 1, 1);
    int *live = malloc(((size_t)nrows + 1) * sizeof *live);
    int *lists = malloc(((size_t)row_off[nrows] + 1) * sizeof *lists);
    rowlist *rl = malloc(((size_t)nrows + 1) * sizeof *rl);
    int *cr_off = calloc((size_t)n + 2, sizeof *cr_off);
    int *cr = NULL;
    stored *st = NULL;
    char *have = NULL; /* have[r]: a stored column has lowest row r */
    int *fill = NULL;
    svec v = {0}, c = {0}, tmp = {0};
    int nlive = 0, nlists = 0, used = 0;
    B->n = n;
    B->count = 0;
    B->off = NULL;
    B->cols = NULL;
    B->vals = NULL;
    if (!fixed || !live || !lists || !rl || !cr_off) goto done;

    /* 1. a row with one unfixed atom fixes it at 0, until none does */
    for (int r = 0; r < nrows; r++) live[nlive++] = r;
    for (int changed = 1; changed;) {
        changed = 0;
        int keep = 0;
        for (int i = 0; i < nlive; i++) {
            int r = live[i], only = -1, count = 0;
            for (int k = row_off[r]; k < row_off[r + 1]; k++) {
                int a = row_atoms[k];
                if (!fixed[a]) {
                    count++;
                    only = a;
                    if (count > 1) break;
                }
            }
            if (count == 1) {
                fixed[only] = 1;
                changed = 1;
            } else if (count > 1) {
                live[keep++] = r;
            }
        }
        nlive = keep;
    }
    /* rows over the unfixed atoms, sorted (shorter first, then by atoms), duplicates dropped */
    for (int i = 0; i < nlive; i++) {
        int r = live[i], len = 0;
        int *list = lists + used;
        for (int k = row_off[r]; k < row_off[r + 1]; k++)
            if (!fixed[row_atoms[k]]) list[len++] = row_atoms[k];
        qsort(list, (size_t)len, sizeof *list, int_cmp);
        int u = 0;
        for (int k = 0; k < len; k++)
            if (u == 0 || list[u - 1] != list[k]) list[u++] = list[k];
        rl[nlists].list = list;
        rl[nlists].len = u;
        nlists++;
        used += len;
    }
    qsort(rl, (size_t)nlists, sizeof *rl, rowlist_cmp);
    int distinct = 0;
    for (int i = 0; i < nlists; i++)
        if (distinct == 0 || rowlist_cmp(&rl[distinct - 1], &rl[i]) != 0) rl[distinct++] = rl[i];
    nlists = distinct;
    /* the rows each column lies in, ascending */
    for (int i = 0; i < nlists; i++)
        for (int k = 0; k < rl[i].len; k++) cr_off[rl[i].list[k] + 1]++;
    for (int a = 0; a < n; a++) cr_off[a + 1] += cr_off[a];
    cr = malloc(((size_t)cr_off[n] + 1) * sizeof *cr);
    st = calloc((size_t)nlists + 1, sizeof *st);
    have = calloc((size_t)nlists + 1, 1);
    fill = malloc(((size_t)n + 1) * sizeof *fill);
    if (!cr || !st || !have || !fill) goto done;
    memcpy(fill, cr_off, (size_t)n * sizeof *fill);
    for (int i = 0; i < nlists; i++)
        for (int k = 0; k < rl[i].len; k++) cr[fill[rl[i].list[k]]++] = i;

    /* 2. each column reduced against the stored ones (keyed by their lowest row); a column
     * that reduces to nothing is free, and its combination is its null vector */
    size_t bcap = 64, bused = 0;
    int vcap = 16;
    B->cols = malloc(bcap * sizeof *B->cols);
    B->vals = malloc(bcap * sizeof *B->vals);
    B->off = malloc(((size_t)vcap + 1) * sizeof *B->off);
    if (!B->cols || !B->vals || !B->off) goto done;
    B->off[0] = 0;
    for (int col = 0; col < n; col++) {
        if (fixed[col]) continue;
        int ncr = cr_off[col + 1] - cr_off[col];
        if (ncr > 0) {
            if (svec_reserve(&v, ncr) || svec_reserve(&c, 1)) goto done;
            for (int k = 0; k < ncr; k++) {
                v.idx[k] = cr[cr_off[col] + k];
                v.val[k] = 1;
            }
            v.len = ncr;
            c.idx[0] = col;
            c.val[0] = 1;
            c.len = 1;
            int is_free = 0;
            for (;;) {
                if (v.len == 0) {
                    is_free = 1;
                    break;
                }
                int lo = v.idx[0];
                if (!have[lo]) {
                    /* stored: the vectors move into the slot, fresh ones are made next time */
                    st[lo].v = v;
                    st[lo].c = c;
                    have[lo] = 1;
                    memset(&v, 0, sizeof v);
                    memset(&c, 0, sizeof c);
                    break;
                }
                int64_t p = st[lo].v.val[0], f = v.val[0];
                int e = combine(&tmp, &v, &st[lo].v, p, f);
                if (e) {
                    status = e;
                    goto done;
                }
                swap_svec(&v, &tmp);
                e = combine(&tmp, &c, &st[lo].c, p, f);
                if (e) {
                    status = e;
                    goto done;
                }
                swap_svec(&c, &tmp);
                int64_t g = 0;
                for (int k = 0; k < v.len && g != 1; k++) g = gcd64(g, v.val[k]);
                for (int k = 0; k < c.len && g != 1; k++) g = gcd64(g, c.val[k]);
                if (g > 1) {
                    for (int k = 0; k < v.len; k++) v.val[k] /= g;
                    for (int k = 0; k < c.len; k++) c.val[k] /= g;
                }
            }
            if (!is_free) continue; /* stored: a pivot column */
        } else {
            /* in no published row: free, alone */
            if (svec_reserve(&c, 1)) goto done;
            c.idx[0] = col;
            c.val[0] = 1;
            c.len = 1;
        }
        /* a free column: its combination C, without common factor, positive at COL (last) */
        int64_t g = 0;
        for (int k = 0; k < c.len; k++) g = gcd64(g, c.val[k]);
        if (c.val[c.len - 1] < 0) g = -g;
        if (B->count + 1 > vcap) {
            vcap *= 2;
            int *o = realloc(B->off, ((size_t)vcap + 1) * sizeof *o);
            if (!o) goto done;
            B->off = o;
        }
        if (bused + (size_t)c.len > bcap) {
            while (bused + (size_t)c.len > bcap) bcap *= 2;
            int *cc = realloc(B->cols, bcap * sizeof *cc);
            if (!cc) goto done;
            B->cols = cc;
            int64_t *vv = realloc(B->vals, bcap * sizeof *vv);
            if (!vv) goto done;
            B->vals = vv;
        }
        for (int k = 0; k < c.len; k++) {
            B->cols[bused] = c.idx[k];
            B->vals[bused] = c.val[k] / g;
            bused++;
        }
        B->count++;
        B->off[B->count] = (int)bused;
    }
    status = OK;
done:
    free(have);
    free(fill);
    if (st)
        for (int i = 0; i < nlists; i++) {
            svec_free(&st[i].v);
            svec_free(&st[i].c);
        }
    free(st);
    svec_free(&v);
    svec_free(&c);
    svec_free(&tmp);
    free(fixed);
    free(live);
    free(lists);
    free(rl);
    free(cr_off);
    free(cr);
    if (status != OK) {
        free(B->off);
        free(B->cols);
        free(B->vals);
        B->off = NULL;
        B->cols = NULL;
        B->vals = NULL;
        B->count = 0;
    }
    return status;
}

/* ---- Lua side --------------------------------------------------------------------------- */

static int system_gc(lua_State *L) {
    esystem *S = luaL_checkudata(L, 1, SYSTEM_TYPE);
    free(S->x);
    free(S->off);
    free(S->atoms);
    free(S->value);
    free(S->parent);
    free(S->line_off);
    free(S->members);
    memset(S, 0, sizeof *S);
    return 0;
}

static int basis_gc(lua_State *L) {
    ebasis *B = luaL_checkudata(L, 1, BASIS_TYPE);
    free(B->off);
    free(B->cols);
    free(B->vals);
    memset(B, 0, sizeof *B);
    return 0;
}

static int64_t int_field(lua_State *L, int t, const char *k) {
    lua_getfield(L, t, k);
    int ok;
    lua_Integer v = lua_tointegerx(L, -1, &ok);
    if (!ok) luaL_error(L, "elim_system: cell field '%s' must be a whole number", k);
    lua_pop(L, 1);
    return (int64_t)v;
}

/* a cell index of S (1-based in Lua) at the top of the stack, popped, as 0-based */
static int cell_index(lua_State *L, const esystem *S) {
    lua_Integer ci = lua_tointeger(L, -1);
    if (ci < 1 || ci > S->ncells) luaL_error(L, "elim_system: a line names cell %d of %d", (int)ci, S->ncells);
    lua_pop(L, 1);
    return (int)ci - 1;
}

/* system.lines (at stack index T) into S */
static void read_lines(lua_State *L, esystem *S, int t) {
    int nlines = (int)luaL_len(L, t), total = 0;
    for (int l = 1; l <= nlines; l++) {
        lua_rawgeti(L, t, l);
        lua_getfield(L, -1, "members");
        total += (int)luaL_len(L, -1);
        lua_pop(L, 2);
    }
    S->parent = malloc(((size_t)nlines + 1) * sizeof *S->parent);
    S->line_off = malloc(((size_t)nlines + 1) * sizeof *S->line_off);
    S->members = malloc(((size_t)total + 1) * sizeof *S->members);
    if (!S->parent || !S->line_off || !S->members) luaL_error(L, "elim_system: out of memory");
    int used = 0;
    for (int l = 0; l < nlines; l++) {
        lua_rawgeti(L, t, l + 1);
        int line = lua_gettop(L);
        lua_getfield(L, line, "parent");
        S->parent[l] = cell_index(L, S);
        S->line_off[l] = used;
        lua_getfield(L, line, "members");
        int k = (int)luaL_len(L, -1);
        for (int j = 1; j <= k && used < total; j++) {
            lua_rawgeti(L, -1, j);
            S->members[used++] = cell_index(L, S);
        }
        lua_settop(L, line - 1);
    }
    S->line_off[nlines] = used;
    S->nlines = nlines;
}

/* core.elim_system(system) */
static int l_elim_system(lua_State *L) {
    luaL_checktype(L, 1, LUA_TTABLE);
    esystem *S = lua_newuserdatauv(L, sizeof *S, 0);
    memset(S, 0, sizeof *S);
    luaL_setmetatable(L, SYSTEM_TYPE);
    int top = lua_gettop(L);
    if (lua_getfield(L, 1, "atoms") != LUA_TTABLE) return luaL_error(L, "elim_system: atoms must be a list");
    int xs = lua_gettop(L);
    if (lua_getfield(L, 1, "cells") != LUA_TTABLE) return luaL_error(L, "elim_system: cells must be a list");
    int cs = lua_gettop(L);
    S->n = (int)luaL_len(L, xs);
    S->ncells = (int)luaL_len(L, cs);
    S->x = malloc(((size_t)S->n + 1) * sizeof *S->x);
    S->off = malloc(((size_t)S->ncells + 1) * sizeof *S->off);
    S->value = malloc(((size_t)S->ncells + 1) * sizeof *S->value);
    if (!S->x || !S->off || !S->value) return luaL_error(L, "elim_system: out of memory");
    for (int i = 0; i < S->n; i++) {
        lua_rawgeti(L, xs, i + 1);
        int ok;
        S->x[i] = (int64_t)lua_tointegerx(L, -1, &ok);
        if (!ok) return luaL_error(L, "elim_system: atom %d has no whole-number value", i + 1);
        lua_pop(L, 1);
    }
    int total = 0, cap = 64;
    S->atoms = malloc((size_t)cap * sizeof *S->atoms);
    if (!S->atoms) return luaL_error(L, "elim_system: out of memory");
    for (int i = 0; i < S->ncells; i++) {
        lua_rawgeti(L, cs, i + 1);
        int cell = lua_gettop(L);
        S->value[i] = int_field(L, cell, "value");
        if (lua_getfield(L, cell, "atoms") != LUA_TTABLE) return luaL_error(L, "elim_system: cell %d has no atoms", i + 1);
        int k = (int)luaL_len(L, -1);
        S->off[i] = total;
        if (total + k > cap) {
            while (total + k > cap) cap *= 2;
            int *a = realloc(S->atoms, (size_t)cap * sizeof *a);
            if (!a) return luaL_error(L, "elim_system: out of memory");
            S->atoms = a;
        }
        for (int j = 1; j <= k; j++) {
            lua_rawgeti(L, -1, j);
            lua_Integer a = lua_tointeger(L, -1);
            if (a < 1 || a > S->n) return luaL_error(L, "elim_system: cell %d names atom %d of %d", i + 1, (int)a, S->n);
            S->atoms[total++] = (int)a - 1;
            lua_pop(L, 1);
        }
        lua_settop(L, cell - 1);
    }
    S->off[S->ncells] = total;
    lua_settop(L, top);
    if (lua_getfield(L, 1, "lines") == LUA_TTABLE) read_lines(L, S, lua_gettop(L));
    lua_settop(L, top);
    return 1;
}

/* withheld[i] = cells[i].withheld is truthy (CELLS at stack index T) */
static char *read_withheld(lua_State *L, const esystem *S, int t) {
    luaL_checktype(L, t, LUA_TTABLE);
    char *w = malloc((size_t)S->ncells + 1);
    if (!w) return NULL;
    int top = lua_gettop(L);
    for (int i = 0; i < S->ncells; i++) {
        lua_rawgeti(L, t, i + 1);
        w[i] = lua_istable(L, -1) && lua_getfield(L, -1, "withheld") != LUA_TNIL && lua_toboolean(L, -1);
        lua_settop(L, top);
    }
    return w;
}

/* S:basis(cells) */
static int l_basis(lua_State *L) {
    esystem *S = luaL_checkudata(L, 1, SYSTEM_TYPE);
    ebasis *B = lua_newuserdatauv(L, sizeof *B, 0);
    memset(B, 0, sizeof *B);
    luaL_setmetatable(L, BASIS_TYPE);
    char *withheld = read_withheld(L, S, 2);
    int *row_off = malloc(((size_t)S->ncells + 1) * sizeof *row_off);
    int *row_atoms = malloc(((size_t)S->off[S->ncells] + 1) * sizeof *row_atoms);
    int status = E_MEMORY;
    if (withheld && row_off && row_atoms) {
        int nrows = 0, used = 0;
        row_off[0] = 0;
        for (int i = 0; i < S->ncells; i++) {
            if (withheld[i] || S->off[i + 1] == S->off[i]) continue;
            for (int k = S->off[i]; k < S->off[i + 1]; k++) row_atoms[used++] = S->atoms[k];
            row_off[++nrows] = used;
        }
        status = null_space(S->n, nrows, row_off, row_atoms, B);
    }
    free(withheld);
    free(row_off);
    free(row_atoms);
    if (status == E_OVERFLOW) return luaL_error(L, "%s", too_large);
    if (status != OK) return luaL_error(L, "survey audit: out of memory");
    return 1;
}

/* the width of the range cell CI can move along vector K while every atom stays a
 * non-negative whole number (UNBOUNDED: no limit), 0 when K does not move it; MARK[a] == CI
 * for the cell's atoms */
static int64_t width_along(const ebasis *B, int k, const int *mark, int ci, const int64_t *x, int *err) {
    int64_t s = 0;
    for (int e = B->off[k]; e < B->off[k + 1]; e++)
        if (mark[B->cols[e]] == ci && __builtin_add_overflow(s, B->vals[e], &s)) *err = E_OVERFLOW;
    if (s == 0) return 0;
    int64_t up = UNBOUNDED, down = UNBOUNDED;
    for (int e = B->off[k]; e < B->off[k + 1]; e++) {
        int64_t d = B->vals[e], xj = x[B->cols[e]];
        if (d < 0) {
            int64_t q = xj / -d;
            if (q < up) up = q;
        } else if (d > 0) {
            int64_t q = xj / d;
            if (q < down) down = q;
        }
    }
    if (up == UNBOUNDED || down == UNBOUNDED) return UNBOUNDED;
    int64_t w;
    if (s < 0) s = -s;
    if (__builtin_add_overflow(up, down, &w) || __builtin_mul_overflow(w, s, &w)) return UNBOUNDED;
    return w;
}

/* S:check(B, cells, protection, min [, only]) */
static int l_check(lua_State *L) {
    esystem *S = luaL_checkudata(L, 1, SYSTEM_TYPE);
    ebasis *B = luaL_checkudata(L, 2, BASIS_TYPE);
    int64_t protection = (int64_t)luaL_checkinteger(L, 4);
    int64_t min = (int64_t)luaL_checkinteger(L, 5);
    int only = (int)luaL_optinteger(L, 6, 0);
    if (B->n != S->n) return luaL_error(L, "elim check: the basis is not of this system");
    char *withheld = read_withheld(L, S, 3);
    int *touch_off = calloc((size_t)S->n + 2, sizeof *touch_off);
    int *mark = malloc(((size_t)S->n + 1) * sizeof *mark);
    int *tried = malloc(((size_t)B->count + 1) * sizeof *tried);
    int nent = B->count ? B->off[B->count] : 0;
    int *touch = malloc(((size_t)nent + 1) * sizeof *touch);
    if (!withheld || !touch_off || !mark || !tried || !touch) {
        free(withheld);
        free(touch_off);
        free(mark);
        free(tried);
        free(touch);
        return luaL_error(L, "survey audit: out of memory");
    }
    /* the vectors touching each atom: only those can move a cell over it */
    for (int e = 0; e < nent; e++) touch_off[B->cols[e] + 1]++;
    for (int a = 0; a < S->n; a++) touch_off[a + 1] += touch_off[a];
    int *fill = mark; /* borrowed until the marks are needed */
    memcpy(fill, touch_off, (size_t)S->n * sizeof *fill);
    for (int k = 0; k < B->count; k++)
        for (int e = B->off[k]; e < B->off[k + 1]; e++) touch[fill[B->cols[e]]++] = k;
    for (int a = 0; a < S->n; a++) mark[a] = -1;
    for (int k = 0; k < B->count; k++) tried[k] = -1;
    lua_newtable(L);
    int out = lua_gettop(L), nout = 0, err = OK;
    for (int ci = 0; ci < S->ncells && err == OK; ci++) {
        if (!withheld[ci] || S->off[ci + 1] == S->off[ci] || (only && only != ci + 1)) continue;
        for (int e = S->off[ci]; e < S->off[ci + 1]; e++) mark[S->atoms[e]] = ci;
        int64_t best = 0;
        for (int e = S->off[ci]; e < S->off[ci + 1] && best < protection; e++) {
            int a = S->atoms[e];
            for (int t = touch_off[a]; t < touch_off[a + 1] && best < protection; t++) {
                int k = touch[t];
                if (tried[k] == ci) continue;
                tried[k] = ci;
                int64_t w = width_along(B, k, mark, ci, S->x, &err);
                if (w > best) best = w;
            }
        }
        const char *kind = NULL;
        if (best == 0) kind = "determined";
        else if (best < protection && S->value[ci] > 0) kind = "narrow";
        if (kind) {
            lua_createtable(L, 0, 3);
            lua_pushinteger(L, ci + 1);
            lua_setfield(L, -2, "cell");
            lua_pushstring(L, kind);
            lua_setfield(L, -2, "kind");
            lua_pushinteger(L, (lua_Integer)best);
            lua_setfield(L, -2, "width");
            lua_rawseti(L, out, ++nout);
        }
    }
    /* a published line whose withheld members add up to more than 0 and less than the
     * minimum gives their combined group away */
    for (int l = 0; l < S->nlines && !only && err == OK; l++) {
        if (withheld[S->parent[l]]) continue;
        int64_t hidden = 0;
        int count = 0;
        for (int e = S->line_off[l]; e < S->line_off[l + 1]; e++) {
            int mi = S->members[e];
            if (withheld[mi] && S->value[mi] > 0) {
                if (__builtin_add_overflow(hidden, S->value[mi], &hidden)) err = E_OVERFLOW;
                count++;
            }
        }
        if (count > 1 && hidden < min) {
            lua_createtable(L, 0, 4);
            lua_pushinteger(L, S->parent[l] + 1);
            lua_setfield(L, -2, "cell");
            lua_pushstring(L, "small_union");
            lua_setfield(L, -2, "kind");
            lua_pushinteger(L, l + 1);
            lua_setfield(L, -2, "line");
            lua_pushinteger(L, (lua_Integer)hidden);
            lua_setfield(L, -2, "width");
            lua_rawseti(L, out, ++nout);
        }
    }
    free(withheld);
    free(touch_off);
    free(mark);
    free(tried);
    free(touch);
    if (err != OK) return luaL_error(L, "%s", too_large);
    return 1;
}

/* B:vectors() -> { {dense vector}, ... } */
static int l_vectors(lua_State *L) {
    ebasis *B = luaL_checkudata(L, 1, BASIS_TYPE);
    lua_createtable(L, B->count, 0);
    for (int k = 0; k < B->count; k++) {
        lua_createtable(L, B->n, 0);
        for (int j = 1; j <= B->n; j++) {
            lua_pushinteger(L, 0);
            lua_rawseti(L, -2, j);
        }
        for (int e = B->off[k]; e < B->off[k + 1]; e++) {
            lua_pushinteger(L, (lua_Integer)B->vals[e]);
            lua_rawseti(L, -2, B->cols[e] + 1);
        }
        lua_rawseti(L, -2, k + 1);
    }
    return 1;
}

static int l_count(lua_State *L) {
    ebasis *B = luaL_checkudata(L, 1, BASIS_TYPE);
    lua_pushinteger(L, B->count);
    return 1;
}

void survey_elim_register(lua_State *L) {
    static const luaL_Reg system_methods[] = {{"basis", l_basis}, {"check", l_check}, {NULL, NULL}};
    static const luaL_Reg basis_methods[] = {{"vectors", l_vectors}, {"count", l_count}, {NULL, NULL}};
    if (luaL_newmetatable(L, SYSTEM_TYPE)) {
        lua_pushcfunction(L, system_gc);
        lua_setfield(L, -2, "__gc");
        luaL_newlib(L, system_methods);
        lua_setfield(L, -2, "__index");
    }
    lua_pop(L, 1);
    if (luaL_newmetatable(L, BASIS_TYPE)) {
        lua_pushcfunction(L, basis_gc);
        lua_setfield(L, -2, "__gc");
        luaL_newlib(L, basis_methods);
        lua_setfield(L, -2, "__index");
    }
    lua_pop(L, 1);
    lua_pushcfunction(L, l_elim_system);
    lua_setfield(L, -2, "elim_system");
}
