/* render.c: helpers shared by the renderers (see render.h). */
#include "render.h"

#include <lauxlib.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>

#include "host.h"
#include "numfmt.h"

/* ---- output buffer ---------------------------------------------------------------------- */

#define RBUF_MT "cairn.render.buffer"

static int rb_gc(lua_State *L) {
    rbuf *b = luaL_checkudata(L, 1, RBUF_MT);
    free(b->data);
    b->data = NULL;
    b->len = b->cap = 0;
    return 0;
}

rbuf *rb_new(lua_State *L) {
    rbuf *b = lua_newuserdatauv(L, sizeof *b, 0);
    b->L = L;
    b->data = NULL;
    b->len = b->cap = 0;
    if (luaL_newmetatable(L, RBUF_MT)) {
        lua_pushcfunction(L, rb_gc);
        lua_setfield(L, -2, "__gc");
        lua_pushcfunction(L, rb_gc);
        lua_setfield(L, -2, "__close");
    }
    lua_setmetatable(L, -2);
    return b;
}

static void rb_grow(rbuf *b, size_t extra) {
    if (b->len + extra + 1 <= b->cap) return;
    size_t cap = b->cap ? b->cap : 256;
    while (cap < b->len + extra + 1) {
        if (cap > ((size_t)-1) / 2) luaL_error(b->L, "out of memory");
        cap *= 2;
    }
    char *p = realloc(b->data, cap);
    if (!p) luaL_error(b->L, "out of memory");
    b->data = p;
    b->cap = cap;
}

void rb_add(rbuf *b, const char *s, size_t len) {
    if (len == 0) return;
    rb_grow(b, len);
    memcpy(b->data + b->len, s, len);
    b->len += len;
}

void rb_adds(rbuf *b, const char *s) { rb_add(b, s, strlen(s)); }

void rb_addc(rbuf *b, char c) {
    rb_grow(b, 1);
    b->data[b->len++] = c;
}

void rb_addrep(rbuf *b, char c, size_t n) {
    if (n == 0) return;
    rb_grow(b, n);
    memset(b->data + b->len, c, n);
    b->len += n;
}

void rb_addf(rbuf *b, const char *fmt, ...) {
    char small[256];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(small, sizeof small, fmt, ap);
    va_end(ap);
    if (n < 0) return;
    if ((size_t)n < sizeof small) {
        rb_add(b, small, (size_t)n);
        return;
    }
    rb_grow(b, (size_t)n);
    va_start(ap, fmt);
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
}

void rb_push(rbuf *b) { lua_pushlstring(b->L, b->data ? b->data : "", b->len); }

void rb_reset(rbuf *b) { b->len = 0; }

/* ---- reading fields ----------------------------------------------------------------------- */

const char *rd_str(lua_State *L, int t, const char *field, size_t *len) {
    t = lua_absindex(L, t);
    if (lua_type(L, t) != LUA_TTABLE) return NULL;
    const char *s = NULL;
    if (lua_getfield(L, t, field) == LUA_TSTRING) s = lua_tolstring(L, -1, len);
    lua_pop(L, 1); /* the string stays alive in the table */
    return s;
}

static int number_text(lua_State *L, int idx, char *buf, size_t size) {
    if (lua_isinteger(L, idx))
        return snprintf(buf, size, "%lld", (long long)lua_tointeger(L, idx));
    return rd_number_exact(buf, size, lua_tonumber(L, idx));
}

const char *rd_text(lua_State *L, int t, const char *field, char *buf, size_t bufsize,
                    size_t *len) {
    t = lua_absindex(L, t);
    if (lua_type(L, t) != LUA_TTABLE) return NULL;
    const char *s = NULL;
    size_t n = 0;
    int ty = lua_getfield(L, t, field);
    if (ty == LUA_TSTRING) {
        s = lua_tolstring(L, -1, &n);
    } else if (ty == LUA_TNUMBER && bufsize > 0) {
        int k = number_text(L, -1, buf, bufsize);
        n = k < 0 ? 0 : (size_t)k < bufsize ? (size_t)k : bufsize - 1;
        s = buf;
    }
    lua_pop(L, 1);
    if (len) *len = n;
    return s;
}

lua_Integer rd_int(lua_State *L, int t, const char *field, lua_Integer def) {
    t = lua_absindex(L, t);
    if (lua_type(L, t) != LUA_TTABLE) return def;
    lua_Integer v = def;
    if (lua_getfield(L, t, field) == LUA_TNUMBER) {
        int isint;
        lua_Integer i = lua_tointegerx(L, -1, &isint);
        v = isint ? i : (lua_Integer)lua_tonumber(L, -1);
    }
    lua_pop(L, 1);
    return v;
}

double rd_num(lua_State *L, int t, const char *field, double def, int *present) {
    t = lua_absindex(L, t);
    double v = def;
    int ok = 0;
    if (lua_type(L, t) == LUA_TTABLE) {
        if (lua_getfield(L, t, field) == LUA_TNUMBER) {
            v = lua_tonumber(L, -1);
            ok = 1;
        }
        lua_pop(L, 1);
    }
    if (present) *present = ok;
    return v;
}

int rd_bool(lua_State *L, int t, const char *field) {
    t = lua_absindex(L, t);
    if (lua_type(L, t) != LUA_TTABLE) return 0;
    lua_getfield(L, t, field);
    int v = lua_toboolean(L, -1);
    lua_pop(L, 1);
    return v;
}

size_t rd_len(lua_State *L, int t, const char *field) {
    t = lua_absindex(L, t);
    if (lua_type(L, t) != LUA_TTABLE) return 0;
    size_t n = 0;
    if (lua_getfield(L, t, field) == LUA_TTABLE) n = (size_t)lua_rawlen(L, -1);
    lua_pop(L, 1);
    return n;
}

int rd_push_item(lua_State *L, int t, const char *field, lua_Integer i) {
    t = lua_absindex(L, t);
    if (lua_type(L, t) != LUA_TTABLE) {
        lua_pushnil(L);
        return LUA_TNIL;
    }
    if (lua_getfield(L, t, field) != LUA_TTABLE) {
        lua_pop(L, 1);
        lua_pushnil(L);
        return LUA_TNIL;
    }
    int ty = lua_rawgeti(L, -1, i);
    lua_remove(L, -2);
    return ty;
}

/* ---- blocks ------------------------------------------------------------------------------- */

static int lookup(const char *s, const char *const *names) {
    if (!s) return 0;
    for (int i = 0; names[i]; i++)
        if (strcmp(s, names[i]) == 0) return i + 1;
    return 0;
}

rd_block_type rd_block(lua_State *L, int t) {
    static const char *const names[] = {"section",  "paragraph", "keyvalue", "table", "list",
                                        "callout",  "pagebreak", "chart",    NULL};
    return (rd_block_type)lookup(rd_str(L, t, "type", NULL), names);
}

rd_chart_kind rd_chart(lua_State *L, int t) {
    static const char *const names[] = {"bar",      "likert",   "status",      "progress",
                                        "timeline", "fishbone", "logic_model", "org_chart",
                                        NULL};
    return (rd_chart_kind)lookup(rd_str(L, t, "kind", NULL), names);
}

/* ---- columns and cells ------------------------------------------------------------------ */

rd_col *rd_columns(lua_State *L, int t, int *n) {
    t = lua_absindex(L, t);
    size_t total = rd_len(L, t, "columns");
    rd_col *cols = lua_newuserdatauv(L, sizeof *cols * (total ? total : 1), 0);
    memset(cols, 0, sizeof *cols * (total ? total : 1)); /* fields not read below stay NULL */
    int k = 0;
    for (size_t i = 1; i <= total; i++) {
        if (rd_push_item(L, t, "columns", (lua_Integer)i) != LUA_TTABLE) {
            lua_pop(L, 1);
            continue;
        }
        int c = lua_gettop(L);
        rd_col *col = &cols[k];
        col->id = rd_str(L, c, "id", NULL);
        if (!col->id) {
            lua_pop(L, 1);
            continue;
        }
        static const char *const fmts[] = {"text", "integer", "number", "percent",
                                           "money", "date", NULL};
        int f = lookup(rd_str(L, c, "format", NULL), fmts);
        col->format = f ? (rd_format)(f - 1) : RD_FMT_TEXT;
        col->label = rd_str(L, c, "label", NULL);
        if (!col->label) col->label = col->id;
        col->currency = rd_str(L, c, "currency", NULL);
        if (!col->currency) col->currency = "";
        static const char *const aligns[] = {"left", "right", "center", NULL};
        int a = lookup(rd_str(L, c, "align", NULL), aligns);
        int numeric = col->format != RD_FMT_TEXT && col->format != RD_FMT_DATE;
        col->align = a ? (rd_align)(a - 1) : numeric ? RD_RIGHT : RD_LEFT;
        int def = col->format == RD_FMT_INTEGER ? 0 : col->format == RD_FMT_MONEY ? 2 : 1;
        lua_Integer d = rd_int(L, c, "decimals", def);
        col->decimals = (int)(d < 0 ? 0 : d > 9 ? 9 : d);
        if (col->format == RD_FMT_INTEGER) col->decimals = 0;
        lua_pop(L, 1);
        k++;
    }
    /* the built-in theme's words; a renderer with a document gives its own (rd_col_words) */
    rd_col_words(cols, k, rd_label(L, 0, "yes"), rd_label(L, 0, "no"), rd_label(L, 0, "suppressed"));
    *n = k;
    return cols;
}

void rd_col_words(rd_col *cols, int n, const char *yes, const char *no, const char *suppressed) {
    for (int i = 0; i < n; i++) {
        if (yes) cols[i].yes = yes;
        if (no) cols[i].no = no;
        if (suppressed) cols[i].suppressed = suppressed;
    }
}

int rd_format_number(char *buf, size_t size, double x, int is_integer, const rd_col *col) {
    char num[80];
    switch (col ? col->format : RD_FMT_TEXT) {
    case RD_FMT_INTEGER:
        num_format(buf, size, x, 0, 1);
        break;
    case RD_FMT_NUMBER:
        num_format(buf, size, x, col->decimals, 1);
        break;
    case RD_FMT_PERCENT:
        num_format(num, sizeof num, x * 100, col->decimals, 0);
        snprintf(buf, size, "%s%%", num);
        break;
    case RD_FMT_MONEY:
        num_format(num, sizeof num, fabs(x), col->decimals, 1);
        /* -$1,234.50: the sign goes before the currency symbol */
        snprintf(buf, size, "%s%s%s", (x < 0 && num_round(x, col->decimals) != 0) ? "-" : "",
                 col->currency, num);
        break;
    default: /* text, date: plain */
        if (is_integer && fabs(x) < 9.2e18)
            snprintf(buf, size, "%lld", (long long)x);
        else
            rd_number_exact(buf, size, x);
        break;
    }
    return (int)strlen(buf);
}

/* Fill CELL from the value at stack index V. */
static void cell_from_value(lua_State *L, int v, const rd_col *col, rd_cell *cell) {
    switch (lua_type(L, v)) {
    case LUA_TSTRING:
        cell->kind = RD_CELL_TEXT;
        cell->text = lua_tolstring(L, v, &cell->len);
        break;
    case LUA_TNUMBER:
        cell->kind = RD_CELL_NUMBER;
        cell->is_integer = lua_isinteger(L, v);
        cell->integer = cell->is_integer ? (long long)lua_tointeger(L, v) : 0;
        cell->number = lua_tonumber(L, v);
        cell->len = (size_t)rd_format_number(cell->buf, sizeof cell->buf, cell->number,
                                             cell->is_integer, col);
        cell->text = cell->buf;
        break;
    case LUA_TBOOLEAN:
        cell->kind = RD_CELL_BOOL;
        cell->number = lua_toboolean(L, v);
        cell->text = cell->number ? (col && col->yes ? col->yes : rd_label(L, 0, "yes"))
                                  : (col && col->no ? col->no : rd_label(L, 0, "no"));
        cell->len = strlen(cell->text);
        break;
    default:
        break;
    }
}

void rd_cell_read(lua_State *L, int row, const rd_col *col, rd_cell *cell) {
    memset(cell, 0, sizeof *cell);
    cell->kind = RD_CELL_EMPTY;
    cell->text = "";
    if (row == 0 || !col || !col->id) return;
    row = lua_absindex(L, row);
    if (lua_type(L, row) != LUA_TTABLE) return;
    int ty = lua_getfield(L, row, col->id);
    int v = lua_gettop(L);
    if (ty == LUA_TTABLE) {
        if (rd_bool(L, v, "suppressed")) {
            cell->kind = RD_CELL_SUPPRESSED;
            cell->text = rd_str(L, v, "reason", &cell->len);
            if (!cell->text) {
                cell->text = col->suppressed ? col->suppressed : rd_label(L, 0, "suppressed");
                cell->len = strlen(cell->text);
            }
        } else {
            lua_getfield(L, v, "value");
            cell_from_value(L, lua_gettop(L), col, cell);
            lua_pop(L, 1);
            size_t dl;
            const char *d = rd_str(L, v, "display", &dl);
            if (d) {
                if (cell->kind == RD_CELL_EMPTY) cell->kind = RD_CELL_TEXT;
                cell->text = d;
                cell->len = dl;
                cell->has_display = 1;
            }
        }
    } else {
        cell_from_value(L, v, col, cell);
    }
    lua_pop(L, 1); /* strings stay alive in the row */
}

/* ---- text ------------------------------------------------------------------------------------ */

size_t rd_utf8_next(const char *str, size_t n, unsigned *cp) {
    const unsigned char *s = (const unsigned char *)str;
    unsigned c = s[0];
    size_t k;
    unsigned v;
    if (c < 0x80) {
        *cp = c;
        return 1;
    } else if ((c & 0xE0) == 0xC0 && c >= 0xC2) {
        k = 2;
        v = c & 0x1F;
    } else if ((c & 0xF0) == 0xE0) {
        k = 3;
        v = c & 0x0F;
    } else if ((c & 0xF8) == 0xF0 && c <= 0xF4) {
        k = 4;
        v = c & 0x07;
    } else {
        *cp = 0xFFFD;
        return 1;
    }
    if (k > n) {
        *cp = 0xFFFD;
        return 1;
    }
    for (size_t i = 1; i < k; i++) {
        if ((s[i] & 0xC0) != 0x80) {
            *cp = 0xFFFD;
            return 1;
        }
        v = (v << 6) | (s[i] & 0x3F);
    }
    /* overlong forms, surrogates and values past U+10FFFF are invalid */
    if ((k == 3 && v < 0x800) || (k == 4 && (v < 0x10000 || v > 0x10FFFF)) ||
        (v >= 0xD800 && v <= 0xDFFF)) {
        *cp = 0xFFFD;
        return 1;
    }
    *cp = v;
    return k;
}

static int is_wide(unsigned c) {
    return (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0x303E) ||
           (c >= 0x3041 && c <= 0x33FF) || (c >= 0x3400 && c <= 0x4DBF) ||
           (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xA000 && c <= 0xA4CF) ||
           (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0xF900 && c <= 0xFAFF) ||
           (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFF60) ||
           (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x1F300 && c <= 0x1F64F) ||
           (c >= 0x1F900 && c <= 0x1F9FF) || (c >= 0x20000 && c <= 0x3FFFD);
}

static int is_zero_width(unsigned c) {
    return (c >= 0x0300 && c <= 0x036F) || (c >= 0x200B && c <= 0x200F) ||
           (c >= 0xFE00 && c <= 0xFE0F) || c == 0x20E3;
}

size_t rd_width(const char *s, size_t len) {
    size_t w = 0, i = 0;
    while (i < len) {
        unsigned cp;
        i += rd_utf8_next(s + i, len - i, &cp);
        if (cp < 0x20 || is_zero_width(cp)) continue;
        w += is_wide(cp) ? 2 : 1;
    }
    return w;
}

int rd_number_exact(char *buf, size_t size, double x) {
    if (!isfinite(x)) return snprintf(buf, size, "null");
    if (x == floor(x) && fabs(x) < 1e15) return snprintf(buf, size, "%.0f", x == 0 ? 0.0 : x);
    for (int prec = 15; prec <= 17; prec++) {
        int n = snprintf(buf, size, "%.*g", prec, x);
        if (strtod(buf, NULL) == x) return n;
    }
    return (int)strlen(buf);
}

/* ---- HTML and XML text (the one escaper: render_html.c and render_svg.c) ------------------- */

void rd_html_esc(rbuf *b, const char *s, size_t len) {
    const unsigned char *p = (const unsigned char *)s;
    size_t i = 0, run = 0; /* run: start of bytes to copy unchanged */
    while (i < len) {
        unsigned c = p[i];
        const char *rep = NULL;
        size_t next = i + 1;
        if (c < 0x80) {
            switch (c) {
            case '&': rep = "&amp;"; break;
            case '<': rep = "&lt;"; break;
            case '>': rep = "&gt;"; break;
            case '"': rep = "&quot;"; break;
            case '\'': rep = "&#39;"; break;
            case '\t': case '\n': break;
            case '\r': rep = ""; break;
            default:
                if (c < 0x20 || c == 0x7F) rep = "";
            }
        } else {
            unsigned cp;
            next = i + rd_utf8_next(s + i, len - i, &cp);
            if (cp == 0xFFFD && next == i + 1) rep = "\xEF\xBF\xBD";
            else if (cp >= 0x80 && cp < 0xA0) rep = ""; /* C1 controls */
        }
        if (rep) {
            rb_add(b, s + run, i - run);
            rb_adds(b, rep);
            run = next;
        }
        i = next;
    }
    rb_add(b, s + run, len - run);
}

void rd_html_escs(rbuf *b, const char *s) {
    if (s) rd_html_esc(b, s, strlen(s));
}

/* ---- the theme ------------------------------------------------------------------------------ */

#define THEME_KEY "cairn.render.builtin_theme"

void rd_theme_builtin(lua_State *L) {
    if (lua_getfield(L, LUA_REGISTRYINDEX, THEME_KEY) == LUA_TTABLE) return;
    lua_pop(L, 1);
    lua_pushfstring(L, "%s/lua/cairn/theme.lua", host_datadir());
    const char *path = lua_tostring(L, -1);
    if (luaL_loadfilex(L, path, "t") != LUA_OK || lua_pcall(L, 0, 1, 0) != LUA_OK)
        luaL_error(L, "render: cannot load the built-in theme: %s", lua_tostring(L, -1));
    if (!lua_istable(L, -1)) luaL_error(L, "render: %s does not return a table", path);
    lua_remove(L, -2); /* the path */
    lua_pushvalue(L, -1);
    lua_setfield(L, LUA_REGISTRYINDEX, THEME_KEY);
}

/* Push T[GROUP] (T itself when GROUP is NULL) when it is a table, else nil; T may be 0. */
static int push_group(lua_State *L, int t, const char *group) {
    if (t == 0 || lua_type(L, t) != LUA_TTABLE) {
        lua_pushnil(L);
        return 0;
    }
    if (!group) {
        lua_pushvalue(L, t);
        return 1;
    }
    /* GROUP may be a path: "colors.chart" is T.colors.chart */
    lua_pushvalue(L, t);
    for (const char *p = group; *p;) {
        size_t n = strcspn(p, ".");
        lua_pushlstring(L, p, n);
        int ty = lua_gettable(L, -2);
        lua_remove(L, -2);
        if (ty != LUA_TTABLE) {
            lua_pop(L, 1);
            lua_pushnil(L);
            return 0;
        }
        p += n + (p[n] == '.');
    }
    return 1;
}

/* The string KEY (or, when KEY is NULL, item I) of THEME[GROUP], if VALID accepts it. */
static const char *theme_lookup(lua_State *L, int theme, const char *group, const char *key,
                                lua_Integer i, int (*valid)(const char *)) {
    const char *s = NULL;
    if (push_group(L, theme, group)) {
        int ty = key ? lua_getfield(L, -1, key) : lua_rawgeti(L, -1, i);
        if (ty == LUA_TSTRING) s = lua_tostring(L, -1);
        lua_pop(L, 1); /* anchored in the theme */
    }
    lua_pop(L, 1);
    return s && (!valid || valid(s)) ? s : NULL;
}

/* Index of doc.theme (pushed) or 0 (nil pushed). */
static int push_doc_theme(lua_State *L, int doc) {
    if (doc && lua_type(L, doc) == LUA_TTABLE && lua_getfield(L, doc, "theme") == LUA_TTABLE)
        return lua_gettop(L);
    if (doc && lua_type(L, doc) == LUA_TTABLE) lua_pop(L, 1);
    lua_pushnil(L);
    return 0;
}

static const char *theme_get(lua_State *L, int doc, const char *group, const char *key,
                             lua_Integer i, int (*valid)(const char *)) {
    doc = doc ? lua_absindex(L, doc) : 0;
    int theme = push_doc_theme(L, doc);
    const char *s = theme_lookup(L, theme, group, key, i, valid);
    lua_pop(L, 1);
    if (s) return s;
    rd_theme_builtin(L);
    s = theme_lookup(L, lua_gettop(L), group, key, i, valid);
    lua_pop(L, 1); /* the built-in theme stays alive in the registry */
    return s;
}

const char *rd_theme_str(lua_State *L, int doc, const char *group, const char *key,
                         int (*valid)(const char *)) {
    return theme_get(L, doc, group, key, 0, valid);
}

const char *rd_theme_item(lua_State *L, int doc, const char *group, const char *list,
                          lua_Integer i, int (*valid)(const char *)) {
    doc = doc ? lua_absindex(L, doc) : 0;
    const char *s = NULL;
    for (int pass = 0; pass < 2 && !s; pass++) {
        int theme = pass == 0 ? push_doc_theme(L, doc) : (rd_theme_builtin(L), lua_gettop(L));
        int top = lua_gettop(L);
        if (push_group(L, theme, group) && lua_getfield(L, -1, list) == LUA_TTABLE) {
            if (lua_rawgeti(L, -1, i) == LUA_TSTRING) s = lua_tostring(L, -1);
            lua_pop(L, 1);
            if (s && valid && !valid(s)) s = NULL;
        }
        lua_settop(L, top - 1); /* the theme, its group and the list are anchored elsewhere */
    }
    return s;
}

size_t rd_theme_len(lua_State *L, int doc, const char *group, const char *list) {
    doc = doc ? lua_absindex(L, doc) : 0;
    size_t n = 0;
    for (int pass = 0; pass < 2 && !n; pass++) {
        int theme = pass == 0 ? push_doc_theme(L, doc) : (rd_theme_builtin(L), lua_gettop(L));
        int top = lua_gettop(L);
        if (push_group(L, theme, group) && lua_getfield(L, -1, list) == LUA_TTABLE)
            n = lua_rawlen(L, -1);
        lua_settop(L, top - 1);
    }
    return n;
}

const char *rd_label(lua_State *L, int doc, const char *key) {
    doc = doc ? lua_absindex(L, doc) : 0;
    const char *s = NULL;
    if (doc && lua_type(L, doc) == LUA_TTABLE) {
        if (lua_getfield(L, doc, "labels") == LUA_TTABLE) s = rd_str(L, -1, key, NULL);
        lua_pop(L, 1);
    }
    if (!s) s = rd_theme_str(L, doc, "labels", key, NULL);
    return s ? s : key;
}

/* ---- shared pieces of output ----------------------------------------------------------------- */

int rd_safe_url(const char *url, size_t len) {
    char scheme[16];
    size_t n = 0, i = 0;
    const unsigned char *p = (const unsigned char *)url;
    while (i < len && p[i] <= 0x20) i++;
    for (; i < len; i++) {
        if (p[i] == '\t' || p[i] == '\n' || p[i] == '\r') continue; /* browsers drop them */
        if (p[i] == ':') break;
        if (p[i] == '/' || p[i] == '?' || p[i] == '#') return 1; /* relative */
        if (!((p[i] >= 'a' && p[i] <= 'z') || (p[i] >= 'A' && p[i] <= 'Z') ||
              (p[i] >= '0' && p[i] <= '9') || p[i] == '+' || p[i] == '-' || p[i] == '.'))
            return 0; /* not a URL we understand */
        if (n + 1 >= sizeof scheme) return 0;
        scheme[n++] = (char)((p[i] >= 'A' && p[i] <= 'Z') ? p[i] + 32 : p[i]);
    }
    if (i >= len) return 1; /* no scheme: relative */
    scheme[n] = '\0';
    return strcmp(scheme, "http") == 0 || strcmp(scheme, "https") == 0 ||
           strcmp(scheme, "mailto") == 0 || strcmp(scheme, "tel") == 0;
}

const char *rd_kv_value(lua_State *L, int doc, int item, char *buf, size_t size, size_t *len,
                        int *is_number) {
    item = lua_absindex(L, item);
    int ty = lua_getfield(L, item, "value");
    const char *v;
    if (ty == LUA_TBOOLEAN) {
        const char *key = lua_toboolean(L, -1) ? "yes" : "no";
        v = rd_label(L, doc, key);
        *len = strlen(v);
    } else {
        v = rd_text(L, item, "value", buf, size, len);
    }
    lua_pop(L, 1);
    if (is_number) *is_number = ty == LUA_TNUMBER;
    if (!v) *len = 0;
    return v;
}

void rd_meta_line(lua_State *L, int doc, rbuf *out) {
    size_t len;
    char num[64];
    const char *d = rd_str(L, doc, "district", &len);
    const char *sub = rd_str(L, doc, "subtitle", NULL);
    if (d && !(sub && strcmp(sub, d) == 0)) rb_add(out, d, len);
    const char *p = rd_text(L, doc, "period", num, sizeof num, &len);
    if (p) {
        if (out->len) rb_adds(out, " \xC2\xB7 ");
        rb_adds(out, rd_label(L, doc, "period"));
        rb_addc(out, ' ');
        rb_add(out, p, len);
    }
    const char *a = rd_str(L, doc, "as_of", &len);
    if (a) {
        if (out->len) rb_adds(out, " \xC2\xB7 ");
        rb_adds(out, rd_label(L, doc, "as_of"));
        rb_addc(out, ' ');
        rb_add(out, a, len);
    }
}

/* Sections nest at most 4 deep through cairn.report; a hand-made tree (or one whose section
 * contains itself) is refused well before the C stack could run out (found by
 * tests/fuzz/fuzz_render.c: 200,000 nested sections crashed every renderer). */
#define RD_MAX_DEPTH 100

/* The blocks of CONTAINER at DEPTH; a section's own blocks one deeper. */
static void walk_blocks(lua_State *L, int container, int depth, const rd_walker *w, void *ctx) {
    if (depth >= RD_MAX_DEPTH)
        luaL_error(L, "render: sections nest more than %d levels deep (a section inside itself?)",
                   RD_MAX_DEPTH);
    luaL_checkstack(L, 10, "render: blocks nested too deeply");
    size_t n = rd_len(L, container, "blocks");
    for (size_t i = 1; i <= n; i++) {
        if (rd_push_item(L, container, "blocks", (lua_Integer)i) != LUA_TTABLE) {
            if (w->strict) luaL_error(L, "block %d is not a table", (int)i);
            lua_pop(L, 1);
            continue;
        }
        int blk = lua_gettop(L);
        void (*fn)(void *, int, int) = NULL;
        switch (rd_block(L, blk)) {
        case RD_SECTION:
            if (w->section) w->section(ctx, blk, depth);
            walk_blocks(L, blk, depth + 1, w, ctx);
            fn = w->section_end;
            break;
        case RD_PARAGRAPH: fn = w->paragraph; break;
        case RD_KEYVALUE: fn = w->keyvalue; break;
        case RD_TABLE: fn = w->table; break;
        case RD_LIST: fn = w->list; break;
        case RD_CALLOUT: fn = w->callout; break;
        case RD_PAGEBREAK: fn = w->pagebreak; break;
        case RD_CHART: fn = w->chart; break;
        default:
            if (w->strict) {
                const char *ty = rd_str(L, blk, "type", NULL);
                luaL_error(L, "block %d: unknown type '%s' (expected section, paragraph, keyvalue, "
                              "table, list, callout, pagebreak or chart)", (int)i, ty ? ty : "nil");
            }
        }
        if (fn) fn(ctx, blk, depth);
        lua_pop(L, 1);
    }
}

void rd_walk(lua_State *L, int doc, const rd_walker *w, void *ctx) {
    doc = lua_absindex(L, doc);
    if (w->document) w->document(ctx, doc);
    walk_blocks(L, doc, 0, w, ctx);
    if (w->document_end) w->document_end(ctx, doc);
}

const char *rd_key_colon(const char *key, size_t len) {
    while (len > 0 && (key[len - 1] == ' ' || key[len - 1] == '\t')) len--;
    if (len == 0) return ":";
    char c = key[len - 1];
    return (c == '?' || c == '!' || c == ':' || c == '.') ? "" : ":";
}

/* ---- Markdown ---------------------------------------------------------------------------- */

#define RD_MD_MT "cairn.render.cmark"

static cmark_syntax_extension *md_ext[3];

static int md_gc(lua_State *L) {
    rd_md *m = luaL_checkudata(L, 1, RD_MD_MT);
    if (m->doc) cmark_node_free(m->doc);
    if (m->parser) cmark_parser_free(m->parser);
    free(m->out);
    m->doc = NULL;
    m->parser = NULL;
    m->out = NULL;
    return 0;
}

rd_md *rd_md_parse(lua_State *L, const char *s, size_t n) {
    if (!md_ext[0]) {
        cmark_gfm_core_extensions_ensure_registered();
        md_ext[0] = cmark_find_syntax_extension("table");
        md_ext[1] = cmark_find_syntax_extension("strikethrough");
        md_ext[2] = cmark_find_syntax_extension("autolink");
    }
    rd_md *m = lua_newuserdatauv(L, sizeof *m, 0);
    memset(m, 0, sizeof *m);
    if (luaL_newmetatable(L, RD_MD_MT)) {
        lua_pushcfunction(L, md_gc);
        lua_setfield(L, -2, "__gc");
        lua_pushcfunction(L, md_gc);
        lua_setfield(L, -2, "__close");
    }
    lua_setmetatable(L, -2);
    lua_toclose(L, -1);
    m->parser = cmark_parser_new(CMARK_OPT_VALIDATE_UTF8);
    if (!m->parser) luaL_error(L, "out of memory");
    for (int i = 0; i < 3; i++)
        if (md_ext[i]) cmark_parser_attach_syntax_extension(m->parser, md_ext[i]);
    cmark_parser_feed(m->parser, s, n);
    m->doc = cmark_parser_finish(m->parser);
    if (!m->doc) luaL_error(L, "out of memory");
    return m;
}
