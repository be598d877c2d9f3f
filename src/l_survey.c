/* l_survey.c: the cairn.surveycore module, survey response storage and aggregation in C.
 *
 *   core.import(db, path, spec)   -> {rows, added, duplicates, empty} | nil, err
 *       (spec.progress = function(rows, bytes_read): called every 4096 rows when given)
 *   core.recount(db, wave_id, layout, nattrs)     rebuild survey_counts for the wave
 *   core.tally(db, wave_id, layout, pa, pb [, filter_pos, filter_code])
 *       -> { {a =, b =, respondents =, cells = {...}}, ... }  sorted by a, b
 *   core.cells(blob)              -> list of the doubles in a survey_counts blob
 *   core.accumulate(layout, answers [, cells]) -> cells (one respondent added; for tests)
 *   core.grid(columns, rows)      -> the aligned text table of cairn.survey.format.grid
 *   core.grid_rows(columns)       -> rows; rows:add(cell, ...) per row; rows:text() is the
 *       text core.grid(columns, {all the rows}) makes, without a Lua table per row
 *   core.level_result(cells, c, k [, eff, fav [, bare]]) -> the result of one scale/choice
 *       item (cairn.survey.results.item_result; the Lua arithmetic, integers and floats
 *       alike); BARE leaves out the counts and percents lists (for printing)
 *
 * layout = { bytes =, cells =, items = { {kind = "level"|"bits"|"number"|"text", offset =,
 * k =, cell =}, ... } } as made by cairn.survey.model.layout. The import spec is described in
 * cairn/survey/import.lua. Strings in SPEC are used in place (SPEC stays on the stack). */
#include <lauxlib.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "l_db.h"
#include "survey.h"
#include "survey_elim.h"

static int opt_int_field(lua_State *L, int t, const char *k, int def) {
    int ty = lua_getfield(L, t, k);
    int v = ty == LUA_TNIL ? def : (int)luaL_checkinteger(L, -1);
    lua_pop(L, 1);
    return v;
}

static int kind_of(lua_State *L, int t, const char *const names[], const char *what) {
    lua_getfield(L, t, "kind");
    const char *k = luaL_optstring(L, -1, names[0]);
    for (int i = 0; names[i]; i++) {
        if (strcmp(k, names[i]) == 0) {
            lua_pop(L, 1);
            return i;
        }
    }
    return luaL_error(L, "%s: unknown kind '%s'", what, k);
}

/* Reads a layout table at IDX into LAY; the slots live in a userdata pushed on the stack. */
static void check_layout(lua_State *L, int idx, sv_layout *lay) {
    static const char *const kinds[] = {"none", "level", "bits", "number", "text", NULL};
    idx = lua_absindex(L, idx);
    luaL_checktype(L, idx, LUA_TTABLE);
    lay->bytes = opt_int_field(L, idx, "bytes", 0);
    lay->cells = opt_int_field(L, idx, "cells", 0);
    lua_getfield(L, idx, "items");
    luaL_checktype(L, -1, LUA_TTABLE);
    int n = (int)luaL_len(L, -1);
    lay->slots = lua_newuserdatauv(L, sizeof(sv_slot) * (size_t)(n ? n : 1), 0);
    lay->nslots = n;
    for (int i = 0; i < n; i++) {
        lua_rawgeti(L, -2, i + 1);
        int t = lua_gettop(L);
        sv_slot *s = &lay->slots[i];
        s->kind = kind_of(L, t, kinds, "layout item");
        s->offset = opt_int_field(L, t, "offset", 0);
        s->k = opt_int_field(L, t, "k", 0);
        s->cell = opt_int_field(L, t, "cell", 0);
        int need = s->kind == SV_NUMBER ? 8 : s->kind == SV_BITS ? (s->k + 7) / 8 : 1;
        int ncells = s->kind == SV_NUMBER ? 6 : s->kind == SV_TEXT ? 2 : 2 + s->k;
        if (s->kind == 0 || s->offset < 0 || s->offset + need > lay->bytes || s->cell < 0 ||
            s->cell + ncells > lay->cells || s->k < 0 || s->k > 250)
            luaL_error(L, "layout item %d does not fit the layout", i + 1);
        lua_pop(L, 1);
    }
    lua_remove(L, -2); /* items; the slots userdata stays */
}

/* spec.progress: a Lua function(rows, bytes) called every few thousand rows, for a progress
 * line. It runs in a protected call: an error in it (or Ctrl-C, raised inside it) stops the
 * import, and is raised again once the import has cleaned up. */
typedef struct {
    lua_State *L;
    int fn;       /* stack index of the function */
    int error;    /* stack index of the slot that receives an error */
    int failed;
} import_progress;

static int call_progress(void *ctx, long rows, long long bytes) {
    import_progress *p = ctx;
    lua_State *L = p->L;
    lua_pushvalue(L, p->fn);
    lua_pushinteger(L, rows);
    lua_pushinteger(L, bytes);
    if (lua_pcall(L, 2, 0, 0) != LUA_OK) {
        lua_replace(L, p->error);
        p->failed = 1;
        return 1;
    }
    return 0;
}

static int l_import(lua_State *L) {
    static const char *const kinds[] = {"ignore", "attr", "level", "bits", "number", "text", "ref", NULL};
    sqlite3 *db = ldb_check(L, 1);
    const char *path = luaL_checkstring(L, 2);
    luaL_checktype(L, 3, LUA_TTABLE);
    sv_import im;
    memset(&im, 0, sizeof im);
    im.db = db;
    lua_getfield(L, 3, "wave_id");
    im.wave_id = luaL_checkinteger(L, -1);
    lua_getfield(L, 3, "import_id");
    im.import_id = luaL_optinteger(L, -1, 0);
    lua_pop(L, 2);
    im.bytes = opt_int_field(L, 3, "bytes", 0);
    im.header_records = opt_int_field(L, 3, "header_records", 1);
    im.nattrs = opt_int_field(L, 3, "nattrs", 0);
    if (im.nattrs < 0 || im.nattrs > SV_MAX_ATTRS) return luaL_error(L, "nattrs out of range");
    lua_getfield(L, 3, "delim");
    im.delim = lua_isstring(L, -1) ? lua_tostring(L, -1)[0] : ',';
    lua_pop(L, 1);
    lua_getfield(L, 3, "blank");
    if (!lua_isnil(L, -1)) {
        size_t len;
        const char *b = luaL_checklstring(L, -1, &len);
        if ((int)len != im.bytes) return luaL_error(L, "blank answers must be %d bytes", im.bytes);
        im.blank = (const unsigned char *)b; /* kept alive by SPEC */
    }
    lua_pop(L, 1);
    sv_layout lay;
    lua_getfield(L, 3, "layout");
    if (!lua_isnil(L, -1)) {
        check_layout(L, -1, &lay); /* pushes its slots, kept until we return */
        if (lay.bytes != im.bytes) return luaL_error(L, "layout and answers size differ");
        im.lay = &lay;
    }
    lua_getfield(L, 3, "columns");
    luaL_checktype(L, -1, LUA_TTABLE);
    int cols_idx = lua_gettop(L);
    im.ncols = (size_t)luaL_len(L, cols_idx);
    if (im.ncols == 0) return luaL_error(L, "an import needs at least one column");
    im.cols = lua_newuserdatauv(L, sizeof(sv_column) * im.ncols, 0);
    memset(im.cols, 0, sizeof(sv_column) * im.ncols);
    for (size_t i = 0; i < im.ncols; i++) {
        lua_rawgeti(L, cols_idx, (lua_Integer)i + 1);
        int t = lua_gettop(L);
        luaL_checktype(L, t, LUA_TTABLE);
        sv_column *c = &im.cols[i];
        c->kind = kind_of(L, t, kinds, "import column");
        c->pos = opt_int_field(L, t, "pos", 0);
        c->offset = opt_int_field(L, t, "offset", 0);
        lua_getfield(L, t, "fingerprint");
        c->in_fingerprint = lua_isnil(L, -1) || lua_toboolean(L, -1);
        lua_pop(L, 1);
        if (c->kind == SV_COL_ATTR && (c->pos < 1 || c->pos > im.nattrs))
            return luaL_error(L, "column %d: attribute position out of range", (int)i + 1);
        int need = c->kind == SV_COL_NUMBER ? 8 : c->kind == SV_COL_LEVEL || c->kind == SV_COL_TEXT ? 1 : 0;
        if (c->offset < 0 || c->offset + need > im.bytes)
            return luaL_error(L, "column %d: offset outside the answers", (int)i + 1);
        lua_getfield(L, t, "item");
        c->item = lua_isstring(L, -1) ? (char *)lua_tostring(L, -1) : NULL; /* alive in SPEC */
        lua_pop(L, 1);
        if ((c->kind == SV_COL_NUMBER || c->kind == SV_COL_TEXT) && !c->item)
            return luaL_error(L, "column %d: item code required", (int)i + 1);
        lua_getfield(L, t, "min");
        if ((c->has_min = !lua_isnil(L, -1))) c->min = luaL_checknumber(L, -1);
        lua_getfield(L, t, "max");
        if ((c->has_max = !lua_isnil(L, -1))) c->max = luaL_checknumber(L, -1);
        lua_pop(L, 2);
        if (c->kind == SV_COL_LEVEL || c->kind == SV_COL_BITS) {
            lua_getfield(L, t, "labels");
            luaL_checktype(L, -1, LUA_TTABLE);
            int lt = lua_gettop(L);
            size_t n = 0;
            lua_pushnil(L);
            while (lua_next(L, lt)) { n++; lua_pop(L, 1); }
            c->labels = lua_newuserdatauv(L, sizeof(sv_label) * (n ? n : 1), 0);
            lua_setfield(L, t, "_labels"); /* keep it alive with the column table */
            c->nlabels = 0;
            lua_pushnil(L);
            while (lua_next(L, lt)) {
                size_t len;
                if (lua_type(L, -2) != LUA_TSTRING)
                    return luaL_error(L, "column %d: labels are keyed by normalised text", (int)i + 1);
                const char *k = lua_tolstring(L, -2, &len);
                int code = (int)luaL_checkinteger(L, -1);
                int max = c->kind == SV_COL_BITS ? 64 : 255;
                if (code < 1 || code > max || (c->kind == SV_COL_BITS && (code - 1) / 8 >= (im.bytes - c->offset)))
                    return luaL_error(L, "column %d: label code %d out of range", (int)i + 1, code);
                c->labels[c->nlabels++] = (sv_label){(char *)k, len, code};
                lua_pop(L, 1);
            }
            lua_pop(L, 1);
        }
        lua_pop(L, 1);
    }
    import_progress progress = {L, 0, 0, 0};
    if (lua_getfield(L, 3, "progress") == LUA_TFUNCTION) {
        progress.fn = lua_gettop(L);
        lua_pushnil(L);
        progress.error = lua_gettop(L);
        im.progress = call_progress;
        im.progress_ctx = &progress;
    }
    int rc = sv_import_file(&im, path);
    sv_import_free(&im);
    if (progress.failed) {
        lua_pushvalue(L, progress.error);
        return lua_error(L);
    }
    if (rc == 0) {
        lua_createtable(L, 0, 4);
        lua_pushinteger(L, im.rows);
        lua_setfield(L, -2, "rows");
        lua_pushinteger(L, im.added);
        lua_setfield(L, -2, "added");
        lua_pushinteger(L, im.duplicates);
        lua_setfield(L, -2, "duplicates");
        lua_pushinteger(L, im.empty);
        lua_setfield(L, -2, "empty");
        return 1;
    }
    static const char *const problems[] = {"ok", "csv", "fields", "level", "option", "number",
                                           "range", "sql", "header", "open", "interrupted"};
    lua_pushnil(L);
    lua_createtable(L, 0, 8);
    lua_pushstring(L, im.err.problem >= 0 && im.err.problem <= SV_EINTERRUPT ? problems[im.err.problem] : "error");
    lua_setfield(L, -2, "problem");
    lua_pushinteger(L, (lua_Integer)im.err.line);
    lua_setfield(L, -2, "line");
    lua_pushinteger(L, (lua_Integer)im.err.col);
    lua_setfield(L, -2, "col");
    lua_pushinteger(L, (lua_Integer)im.err.field);
    lua_setfield(L, -2, "field");
    lua_pushstring(L, im.err.value);
    lua_setfield(L, -2, "value");
    if (im.err.problem == SV_ECSV) {
        lua_pushstring(L, csv_strerror(im.err.csv_err));
        lua_setfield(L, -2, "expected");
        static const char *const codes[] = {"ok", "quote", "after_quote", "unterminated", "utf8",
                                            "too_long", "too_many", "read", "memory"};
        lua_pushstring(L, im.err.csv_err >= 0 && im.err.csv_err <= CSV_ENOMEM ? codes[im.err.csv_err] : "csv");
        lua_setfield(L, -2, "csv");
    }
    if (im.err.problem == SV_EFIELDS) {
        lua_pushinteger(L, (lua_Integer)im.err.expected_fields);
        lua_setfield(L, -2, "expected_fields");
        lua_pushinteger(L, (lua_Integer)im.err.got_fields);
        lua_setfield(L, -2, "got_fields");
    }
    if (im.err.message[0]) {
        lua_pushstring(L, im.err.message);
        lua_setfield(L, -2, "message");
    }
    lua_pushinteger(L, im.rows);
    lua_setfield(L, -2, "rows");
    return 2;
}

static int l_recount(lua_State *L) {
    sqlite3 *db = ldb_check(L, 1);
    lua_Integer wave = luaL_checkinteger(L, 2);
    int nattrs = (int)luaL_checkinteger(L, 4);
    lua_settop(L, 4);
    sv_layout lay;
    check_layout(L, 3, &lay);
    if (nattrs < 0 || nattrs > SV_MAX_ATTRS) return luaL_error(L, "nattrs out of range");
    int rc = sv_recount(db, wave, &lay, nattrs);
    if (rc != SQLITE_OK) return luaL_error(L, "recounting survey answers: %s", sqlite3_errmsg(db));
    return 0;
}

static void push_cells(lua_State *L, const double *cells, int n) {
    lua_createtable(L, n, 0);
    for (int i = 0; i < n; i++) {
        double v = cells[i];
        if (v == floor(v) && fabs(v) < 9007199254740992.0) lua_pushinteger(L, (lua_Integer)v);
        else lua_pushnumber(L, v);
        lua_rawseti(L, -2, i + 1);
    }
}

typedef struct {
    lua_State *L;
    int list, n, cells;
} tally_ctx;

static void push_group(void *p, int a, int b, long respondents, const double *cells) {
    tally_ctx *t = p;
    lua_State *L = t->L;
    lua_createtable(L, 0, 4);
    lua_pushinteger(L, a);
    lua_setfield(L, -2, "a");
    lua_pushinteger(L, b);
    lua_setfield(L, -2, "b");
    lua_pushinteger(L, respondents);
    lua_setfield(L, -2, "respondents");
    push_cells(L, cells, t->cells);
    lua_setfield(L, -2, "cells");
    lua_rawseti(L, t->list, ++t->n);
}

static int l_tally(lua_State *L) {
    sqlite3 *db = ldb_check(L, 1);
    lua_Integer wave = luaL_checkinteger(L, 2);
    int pa = (int)luaL_optinteger(L, 4, 0), pb = (int)luaL_optinteger(L, 5, 0);
    int fp = (int)luaL_optinteger(L, 6, 0), fc = (int)luaL_optinteger(L, 7, 0);
    lua_settop(L, 3); /* check_layout pushes the slots above the arguments */
    sv_layout lay;
    check_layout(L, 3, &lay);
    if (pa < 0 || pa > SV_MAX_ATTRS || pb < 0 || pb > SV_MAX_ATTRS || fp < 0 || fp > SV_MAX_ATTRS)
        return luaL_error(L, "attribute position out of range");
    luaL_checkstack(L, 8, NULL);
    lua_newtable(L);
    tally_ctx t = {L, lua_gettop(L), 0, lay.cells};
    int rc = sv_tally(db, wave, &lay, pa, pb, fp, fc, push_group, &t);
    if (rc != SQLITE_OK) return luaL_error(L, "tallying survey answers: %s", sqlite3_errmsg(db));
    return 1;
}

static int l_cells(lua_State *L) {
    size_t len;
    const char *b = luaL_checklstring(L, 1, &len);
    int n = (int)(len / sizeof(double));
    double *cells = lua_newuserdatauv(L, len ? len : 1, 0); /* aligned copy */
    memcpy(cells, b, (size_t)n * sizeof(double));
    push_cells(L, cells, n);
    return 1;
}

static int l_accumulate(lua_State *L) {
    lua_settop(L, 3);
    sv_layout lay;
    check_layout(L, 1, &lay);
    size_t len;
    const char *a = luaL_checklstring(L, 2, &len);
    double *cells = lua_newuserdatauv(L, sizeof(double) * (size_t)(lay.cells ? lay.cells : 1), 0);
    memset(cells, 0, sizeof(double) * (size_t)lay.cells);
    if (lua_istable(L, 3)) {
        for (int i = 0; i < lay.cells; i++) {
            lua_rawgeti(L, 3, i + 1);
            cells[i] = lua_tonumber(L, -1);
            lua_pop(L, 1);
        }
    }
    sv_accumulate(&lay, (const unsigned char *)a, len, cells);
    push_cells(L, cells, lay.cells);
    return 1;
}

static int l_norm(lua_State *L) {
    size_t len;
    const char *s = luaL_checklstring(L, 1, &len);
    luaL_Buffer b;
    char *out = luaL_buffinitsize(L, &b, len + 1);
    size_t n = sv_norm(s, len, out);
    luaL_pushresultsize(&b, n);
    return 1;
}


/* ---- core.grid: the aligned text table of cairn.survey.format ------------------------------ */

/* Display width as cairn.text.width counts it: UTF-8 characters (Lua's utf8.len, strict), or
 * bytes when S is not valid UTF-8. */
static size_t display_width(const char *s, size_t len) {
    static const unsigned long least[] = {0, 0x80, 0x800, 0x10000};
    size_t n = 0;
    for (size_t i = 0; i < len; n++) {
        unsigned c = (unsigned char)s[i];
        if (c < 0x80) { i++; continue; }
        int more = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : c >= 0xC0 ? 1 : -1;
        if (more < 0 || c > 0xF7 || i + (size_t)more >= len) return len;
        unsigned long cp = c & (0x3Fu >> more);
        for (int k = 1; k <= more; k++) {
            unsigned cc = (unsigned char)s[i + (size_t)k];
            if ((cc & 0xC0) != 0x80) return len;
            cp = (cp << 6) | (cc & 0x3F);
        }
        if (cp < least[more] || cp > 0x10FFFFu || (cp >= 0xD800 && cp <= 0xDFFF)) return len;
        i += (size_t)more + 1;
    }
    return n;
}

static int is_space(int c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

/* Replace the value on top of the stack by its cell text, as cairn.text.cell makes it (floats
 * %.15g, anything else as tostring; grid_line turns tabs and line breaks into spaces). Returns
 * it, or NULL for nil and "" (an empty cell). */
static const char *cell_text(lua_State *L, size_t *len) {
    *len = 0;
    if (lua_isnil(L, -1)) return NULL;
    if (lua_type(L, -1) == LUA_TNUMBER && !lua_isinteger(L, -1)) {
        char buf[64];
        snprintf(buf, sizeof buf, "%.15g", lua_tonumber(L, -1));
        lua_pop(L, 1);
        lua_pushstring(L, buf);
    } else if (lua_type(L, -1) != LUA_TSTRING) {
        luaL_tolstring(L, -1, NULL);
        lua_remove(L, -2);
    }
    const char *s = lua_tolstring(L, -1, len);
    return *len ? s : NULL;
}

typedef struct {
    int ncol;
    int *right;    /* per column: right-aligned (data rows only) */
    int *used;     /* per column: some row has a cell there */
    size_t *width; /* per column */
    char *out;     /* one line, with room for it at its widest */
    size_t len;
} grid_state;

/* One line into g->out (g->len bytes): the cells TEXT[0..ncol) (NULL = empty), padded, two
 * spaces apart, without trailing white space. */
static void grid_line(grid_state *g, const char *const *text, const size_t *lens, int header) {
    int last = -1;
    for (int c = g->ncol - 1; c >= 0 && last < 0; c--) {
        if (!g->used[c] || !text[c]) continue;
        for (size_t i = 0; i < lens[c]; i++)
            if (!is_space((unsigned char)text[c][i])) { last = c; break; }
    }
    char *o = g->out;
    int first = 1;
    for (int c = 0; c <= last; c++) {
        if (!g->used[c]) continue;
        const char *s = text[c] ? text[c] : "";
        size_t len = text[c] ? lens[c] : 0;
        size_t w = display_width(s, len);
        size_t gap = g->width[c] > w ? g->width[c] - w : 0;
        size_t keep = len;
        if (c == last)
            while (keep > 0 && is_space((unsigned char)s[keep - 1])) keep--;
        if (!first) { *o++ = ' '; *o++ = ' '; }
        first = 0;
        int right = !header && g->right[c];
        if (right) { memset(o, ' ', gap); o += gap; }
        for (size_t i = 0; i < keep; i++) {
            char ch = s[i];
            *o++ = (ch == '\r' || ch == '\n' || ch == '\t') ? ' ' : ch;
        }
        if (!right && c < last) { memset(o, ' ', gap); o += gap; }
    }
    *o++ = '\n';
    g->len = (size_t)(o - g->out);
}

/* core.grid(columns, rows) -> text: columns = { {title, "right"|nil}, ... }, rows = lists of
 * cells (nil = empty). A header line, a rule of dashes, one line per row; columns with no
 * cell in any row are left out. */
static int l_grid(lua_State *L) {
    luaL_checktype(L, 1, LUA_TTABLE);
    luaL_checktype(L, 2, LUA_TTABLE);
    lua_settop(L, 2);
    int ncol = (int)luaL_len(L, 1);
    lua_Integer nrows = luaL_len(L, 2);
    if (ncol < 0 || ncol > 1000) return luaL_error(L, "grid: too many columns");
    size_t n1 = (size_t)ncol + 1;
    grid_state g = {ncol, NULL, NULL, NULL, NULL, 0};
    /* scratch, all on the stack (freed by the collector whatever happens): slot 3 */
    char *scratch = lua_newuserdatauv(L, n1 * (2 * sizeof(int) + 3 * sizeof(size_t) + sizeof(char *)), 0);
    g.width = (size_t *)(void *)scratch;
    size_t *lens = g.width + n1;
    size_t *maxlen = lens + n1; /* per column: the longest cell text, in bytes */
    const char **text = (const char **)(void *)(maxlen + n1);
    g.right = (int *)(void *)(text + n1);
    g.used = g.right + n1;
    luaL_checkstack(L, ncol + 8, NULL);
    for (int c = 0; c < ncol; c++) {
        lua_rawgeti(L, 1, c + 1);
        luaL_checktype(L, -1, LUA_TTABLE);
        lua_rawgeti(L, -1, 1);
        size_t len;
        const char *t = luaL_checklstring(L, -1, &len);
        g.width[c] = display_width(t, len);
        maxlen[c] = len;
        lua_rawgeti(L, -2, 2);
        g.right[c] = lua_type(L, -1) == LUA_TSTRING && strcmp(lua_tostring(L, -1), "right") == 0;
        g.used[c] = 0;
        lua_pop(L, 3);
    }
    /* widths and used columns */
    for (lua_Integer r = 1; r <= nrows; r++) {
        lua_rawgeti(L, 2, r);
        luaL_checktype(L, -1, LUA_TTABLE);
        for (int c = 0; c < ncol; c++) {
            /* as format.grid measured it: the width of tostring(value), which for a float
             * is not the width of its cell (2.0 is shown as 2) */
            if (lua_rawgeti(L, -1, c + 1) != LUA_TNIL &&
                !(lua_type(L, -1) == LUA_TSTRING && lua_rawlen(L, -1) == 0)) {
                size_t len;
                const char *s = luaL_tolstring(L, -1, &len);
                g.used[c] = 1;
                size_t w = display_width(s, len);
                if (w > g.width[c]) g.width[c] = w;
                lua_pop(L, 1);
                cell_text(L, &len);
                if (len > maxlen[c]) maxlen[c] = len;
            }
            lua_pop(L, 1);
        }
        lua_pop(L, 1);
    }
    /* room for a line at its widest: a cell takes at most its column's width in padding and
     * its own bytes, which the first pass measured */
    size_t line = 1;
    for (int c = 0; c < ncol; c++) line += g.width[c] + maxlen[c] + 2;
    g.out = lua_newuserdatauv(L, line, 0); /* slot 4 */
    char *dashes = lua_newuserdatauv(L, line, 0); /* slot 5 */
    memset(dashes, '-', line);
    luaL_Buffer b;
    luaL_buffinit(L, &b);
    /* the buffer may keep a box on the stack: each line's cells are pushed above it and popped
     * before the line is added, so the stack is as the buffer left it at every buffer call */
    int base = lua_gettop(L);
    for (int c = 0; c < ncol; c++) {
        lua_rawgeti(L, 1, c + 1);
        lua_rawgeti(L, -1, 1);
        text[c] = lua_tolstring(L, -1, &lens[c]);
    }
    grid_line(&g, text, lens, 1);
    lua_settop(L, base);
    luaL_addlstring(&b, g.out, g.len);
    base = lua_gettop(L);
    for (int c = 0; c < ncol; c++) {
        text[c] = dashes;
        lens[c] = g.width[c];
    }
    grid_line(&g, text, lens, 1);
    luaL_addlstring(&b, g.out, g.len);
    base = lua_gettop(L);
    for (lua_Integer r = 1; r <= nrows; r++) {
        lua_rawgeti(L, 2, r);
        int row = lua_gettop(L);
        for (int c = 0; c < ncol; c++) {
            lua_rawgeti(L, row, c + 1);
            text[c] = cell_text(L, &lens[c]);
        }
        grid_line(&g, text, lens, 0);
        lua_settop(L, base);
        luaL_addlstring(&b, g.out, g.len);
        base = lua_gettop(L);
    }
    luaL_pushresult(&b);
    return 1;
}

/* ---- core.grid_rows: the same table, its rows added one at a time --------------------------
 * For a table of tens of thousands of rows (survey results by school and role): each row's
 * cells are kept as their text in one buffer instead of a Lua table per row. Widths are
 * measured as core.grid measures them; text() writes what core.grid(columns, rows) would. */
#define GRID_ROWS_MT "cairn.grid_rows"
#define GRID_EMPTY 0xFFFFFFFFu

typedef struct {
    int ncol;
    int *right, *used;
    size_t *width, *maxlen;
    char **title;
    size_t *title_len;
    char *data; /* per row, per column: a uint32 length (GRID_EMPTY: no cell), then the bytes */
    size_t len, cap;
    size_t nrows;
} grid_rows;

static grid_rows *check_grid_rows(lua_State *L) { return luaL_checkudata(L, 1, GRID_ROWS_MT); }

static int grid_rows_gc(lua_State *L) {
    grid_rows *g = check_grid_rows(L);
    for (int c = 0; g->title && c < g->ncol; c++) free(g->title[c]);
    free(g->title);
    free(g->title_len);
    free(g->right);
    free(g->used);
    free(g->width);
    free(g->maxlen);
    free(g->data);
    memset(g, 0, sizeof *g);
    return 0;
}

static int grid_put(grid_rows *g, const void *p, size_t n) {
    if (g->len + n > g->cap) {
        size_t cap = g->cap ? g->cap : 65536;
        while (cap < g->len + n) cap *= 2;
        char *d = realloc(g->data, cap);
        if (!d) return -1;
        g->data = d;
        g->cap = cap;
    }
    memcpy(g->data + g->len, p, n);
    g->len += n;
    return 0;
}

/* core.grid_rows(columns) -> a table to add rows to (columns as for core.grid) */
static int l_grid_rows(lua_State *L) {
    luaL_checktype(L, 1, LUA_TTABLE);
    int ncol = (int)luaL_len(L, 1);
    if (ncol < 0 || ncol > 1000) return luaL_error(L, "grid: too many columns");
    grid_rows *g = lua_newuserdatauv(L, sizeof *g, 0);
    memset(g, 0, sizeof *g);
    luaL_setmetatable(L, GRID_ROWS_MT);
    size_t n1 = (size_t)ncol + 1;
    g->right = calloc(n1, sizeof(int));
    g->used = calloc(n1, sizeof(int));
    g->width = calloc(n1, sizeof(size_t));
    g->maxlen = calloc(n1, sizeof(size_t));
    g->title = calloc(n1, sizeof(char *));
    g->title_len = calloc(n1, sizeof(size_t));
    if (!g->right || !g->used || !g->width || !g->maxlen || !g->title || !g->title_len)
        return luaL_error(L, "grid: out of memory");
    g->ncol = ncol;
    for (int c = 0; c < ncol; c++) {
        lua_rawgeti(L, 1, c + 1);
        luaL_checktype(L, -1, LUA_TTABLE);
        lua_rawgeti(L, -1, 1);
        size_t len;
        const char *t = luaL_checklstring(L, -1, &len);
        g->title[c] = malloc(len + 1);
        if (!g->title[c]) return luaL_error(L, "grid: out of memory");
        memcpy(g->title[c], t, len + 1);
        g->title_len[c] = len;
        g->width[c] = display_width(t, len);
        g->maxlen[c] = len;
        lua_rawgeti(L, -2, 2);
        g->right[c] = lua_type(L, -1) == LUA_TSTRING && strcmp(lua_tostring(L, -1), "right") == 0;
        lua_pop(L, 3);
    }
    return 1;
}

/* rows:add(cell1, ..., cellN): one row (nil or "" = an empty cell) */
static int grid_rows_add(lua_State *L) {
    grid_rows *g = check_grid_rows(L);
    lua_settop(L, g->ncol + 1);
    luaL_checkstack(L, 4, NULL);
    for (int c = 0; c < g->ncol; c++) {
        uint32_t n = GRID_EMPTY;
        size_t len = 0;
        const char *s = NULL;
        lua_pushvalue(L, c + 2);
        if (!lua_isnil(L, -1) && !(lua_type(L, -1) == LUA_TSTRING && lua_rawlen(L, -1) == 0)) {
            /* measured as core.grid measures it: the width of tostring(value) */
            const char *t = luaL_tolstring(L, -1, &len);
            g->used[c] = 1;
            size_t w = display_width(t, len);
            if (w > g->width[c]) g->width[c] = w;
            lua_pop(L, 1);
            s = cell_text(L, &len);
            if (len > g->maxlen[c]) g->maxlen[c] = len;
            if (len > 0xFFFFFFF0u) return luaL_error(L, "grid: cell too long");
            if (s) n = (uint32_t)len;
        }
        if (grid_put(g, &n, sizeof n) || (s && grid_put(g, s, len)))
            return luaL_error(L, "grid: out of memory");
        lua_pop(L, 1);
    }
    g->nrows++;
    return 0;
}

/* rows:text() -> the table as core.grid makes it */
static int grid_rows_text(lua_State *L) {
    grid_rows *g = check_grid_rows(L);
    lua_settop(L, 1);
    int ncol = g->ncol;
    size_t n1 = (size_t)ncol + 1;
    size_t line = 1;
    for (int c = 0; c < ncol; c++) line += g->width[c] + g->maxlen[c] + 2;
    /* scratch on the stack (the collector frees it whatever happens) */
    char *scratch = lua_newuserdatauv(L, n1 * (sizeof(size_t) + sizeof(char *)) + 2 * line, 0);
    size_t *lens = (size_t *)(void *)scratch;
    const char **text = (const char **)(void *)(lens + n1);
    char *out = (char *)(text + n1), *dashes = out + line;
    memset(dashes, '-', line);
    grid_state gs = {ncol, g->right, g->used, g->width, out, 0};
    luaL_Buffer b;
    luaL_buffinit(L, &b);
    for (int c = 0; c < ncol; c++) {
        text[c] = g->title[c];
        lens[c] = g->title_len[c];
    }
    grid_line(&gs, text, lens, 1);
    luaL_addlstring(&b, out, gs.len);
    for (int c = 0; c < ncol; c++) {
        text[c] = dashes;
        lens[c] = g->width[c];
    }
    grid_line(&gs, text, lens, 1);
    luaL_addlstring(&b, out, gs.len);
    size_t at = 0;
    for (size_t r = 0; r < g->nrows; r++) {
        for (int c = 0; c < ncol; c++) {
            uint32_t n;
            memcpy(&n, g->data + at, sizeof n);
            at += sizeof n;
            if (n == GRID_EMPTY) {
                text[c] = NULL;
                lens[c] = 0;
            } else {
                text[c] = g->data + at;
                lens[c] = n;
                at += n;
            }
        }
        grid_line(&gs, text, lens, 0);
        luaL_addlstring(&b, out, gs.len);
    }
    luaL_pushresult(&b);
    return 1;
}

static const luaL_Reg grid_rows_methods[] = {{"add", grid_rows_add}, {"text", grid_rows_text}, {NULL, NULL}};

/* ---- one level item's result ----------------------------------------------------------------
 * The statistics cairn.survey.results used to work out in Lua, with Lua's own arithmetic: a sum
 * of integers stays an integer, anything with a float becomes one, / is always a float. The
 * numbers (and whether each is an integer) are those of the Lua code, so output is unchanged;
 * a results table by school and role has tens of thousands of these. */
typedef struct {
    int isint;
    lua_Integer i;
    double d;
} lnum;

static double ln_d(lnum a) { return a.isint ? (double)a.i : a.d; }
static lnum ln_int(lua_Integer i) { return (lnum){1, i, 0}; }
static lnum ln_float(double d) { return (lnum){0, 0, d}; }
static lnum ln_add(lnum a, lnum b) {
    if (a.isint && b.isint) return ln_int((lua_Integer)((lua_Unsigned)a.i + (lua_Unsigned)b.i));
    return ln_float(ln_d(a) + ln_d(b));
}
static lnum ln_mul(lnum a, lnum b) {
    if (a.isint && b.isint) return ln_int((lua_Integer)((lua_Unsigned)a.i * (lua_Unsigned)b.i));
    return ln_float(ln_d(a) * ln_d(b));
}
static lnum ln_sub(lnum a, lnum b) {
    if (a.isint && b.isint) return ln_int((lua_Integer)((lua_Unsigned)a.i - (lua_Unsigned)b.i));
    return ln_float(ln_d(a) - ln_d(b));
}
static lnum ln_at(lua_State *L, int t, lua_Integer k) {
    lnum v;
    lua_rawgeti(L, t, k);
    if (lua_isinteger(L, -1)) v = ln_int(lua_tointeger(L, -1));
    else if (lua_type(L, -1) == LUA_TNUMBER) v = ln_float(lua_tonumber(L, -1));
    else { luaL_error(L, "level_result: cell %d is not a number", (int)k); v = ln_int(0); }
    lua_pop(L, 1);
    return v;
}
static void ln_push(lua_State *L, lnum v) {
    if (v.isint) lua_pushinteger(L, v.i);
    else lua_pushnumber(L, v.d);
}

#define LEVEL_MAX 255
static int l_level_result(lua_State *L) {
    luaL_checktype(L, 1, LUA_TTABLE);
    lua_Integer c = luaL_checkinteger(L, 2);
    int k = (int)luaL_checkinteger(L, 3);
    int scale = lua_istable(L, 4) && lua_istable(L, 5), bare = lua_toboolean(L, 6);
    if (k < 0 || k > LEVEL_MAX) return luaL_error(L, "level_result: %d levels", k);
    lnum counts[LEVEL_MAX + 1], n = ln_int(0);
    for (int i = 1; i <= k; i++) {
        counts[i] = ln_at(L, 1, c + 1 + i);
        n = ln_add(n, counts[i]);
    }
    lua_createtable(L, 0, 9);
    int out = lua_gettop(L);
    lua_rawgeti(L, 1, c);
    lua_setfield(L, out, "missing");
    ln_push(L, n);
    lua_setfield(L, out, "n");
    lua_rawgeti(L, 1, c + 1);
    lua_setfield(L, out, "na");
    double nd = ln_d(n);
    if (!bare) {
        lua_createtable(L, k, 0);
        for (int i = 1; i <= k; i++) {
            ln_push(L, counts[i]);
            lua_rawseti(L, -2, i);
        }
        lua_setfield(L, out, "counts");
        lua_createtable(L, nd > 0 ? k : 0, 0);
        if (nd > 0)
            for (int i = 1; i <= k; i++) {
                lua_pushnumber(L, ln_d(ln_mul(counts[i], ln_int(100))) / nd);
                lua_rawseti(L, -2, i);
            }
        lua_setfield(L, out, "percents");
    }
    if (scale && nd > 0) {
        lnum sum = ln_int(0), sumsq = ln_int(0), favn = ln_int(0);
        for (int i = 1; i <= k; i++) {
            lnum e = ln_at(L, 4, i);
            sum = ln_add(sum, ln_mul(e, counts[i]));
            sumsq = ln_add(sumsq, ln_mul(ln_mul(e, e), counts[i]));
            lua_rawgeti(L, 5, i);
            if (lua_toboolean(L, -1)) favn = ln_add(favn, counts[i]);
            lua_pop(L, 1);
        }
        lua_pushnumber(L, ln_d(sum) / nd);
        lua_setfield(L, out, "mean");
        if (nd > 1) {
            double v = ln_d(ln_sub(sumsq, ln_float(ln_d(ln_mul(sum, sum)) / nd))) / ln_d(ln_sub(n, ln_int(1)));
            lua_pushnumber(L, v > 0 ? sqrt(v) : 0.0);
        } else {
            lua_pushinteger(L, 0);
        }
        lua_setfield(L, out, "sd");
        lua_pushnumber(L, ln_d(ln_mul(favn, ln_int(100))) / nd);
        lua_setfield(L, out, "favorable");
        ln_push(L, favn);
        lua_setfield(L, out, "favorable_count");
    }
    return 1;
}

static const luaL_Reg funcs[] = {{"import", l_import}, {"recount", l_recount}, {"tally", l_tally},
                                 {"cells", l_cells},   {"accumulate", l_accumulate},
                                 {"norm", l_norm},     {"grid", l_grid},
                                 {"level_result", l_level_result}, {"grid_rows", l_grid_rows},
                                 {NULL, NULL}};

int luaopen_cairn_surveycore(lua_State *L) {
    if (luaL_newmetatable(L, GRID_ROWS_MT)) {
        luaL_newlib(L, grid_rows_methods);
        lua_setfield(L, -2, "__index");
        lua_pushcfunction(L, grid_rows_gc);
        lua_setfield(L, -2, "__gc");
    }
    lua_pop(L, 1);
    luaL_newlib(L, funcs);
    survey_elim_register(L); /* core.elim_system: the privacy audit's elimination */
    return 1;
}
