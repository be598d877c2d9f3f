/* render_xlsx.c: render.xlsx(doc, path) -> true | nil, message (libxlsxwriter).
 *
 * One worksheet per table, in document order (chart data tables included, named after the
 * chart), then an "About" sheet with the title, district, period, as-of date and every
 * key/value block. Cells are typed by the column format: numbers, percentages (fractions with a
 * % format), money (with the column's currency) and ISO dates as real Excel dates. The header
 * row is bold, frozen and filtered; the totals row is bold; captions and notes go under the
 * table. A suppressed cell is left empty with a comment giving the reason.
 *
 * Formula injection: text cells are always written as strings, which Excel never evaluates; on
 * top of that, text starting with = + - @ tab or carriage return gets a leading apostrophe, as
 * in our CSV, so the cell still cannot turn into a formula when someone edits it or copies it
 * into another sheet or program. The apostrophe is visible: the text is marked, not altered in
 * any other way.
 *
 * The workbook goes to a temporary file beside PATH and is renamed over PATH only when
 * complete, so a failure never leaves a partial file. */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <lauxlib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include "render.h"
#include "render_svg.h"

#define XLSX_MT "cairn.render.xlsx"
#define MAX_CELL 32767 /* Excel's limit on characters in a cell */

typedef struct {
    lxw_workbook *wb;
    char *tmp; /* the temporary file, removed unless renamed */
} xlsx_job;

static int job_gc(lua_State *L) {
    xlsx_job *j = luaL_checkudata(L, 1, XLSX_MT);
    if (j->wb) lxw_workbook_free(j->wb);
    j->wb = NULL;
    if (j->tmp) {
        unlink(j->tmp);
        free(j->tmp);
        j->tmp = NULL;
    }
    return 0;
}

typedef struct {
    lua_State *L;
    xlsx_job *job;
    rbuf *text;  /* scratch for cleaned strings */
    int names;   /* stack index: lower-cased sheet names taken */
    lxw_format *header, *bold, *italic, *suppressed;
} xlsx;

/* ---- strings -------------------------------------------------------------------------------- */

/* S as a string Excel accepts: valid UTF-8 (else U+FFFD), no control characters other than
 * tab, newline and carriage return (libxlsxwriter escapes that one), at most MAX_CELL characters; with NEUTRALISE, an apostrophe before a
 * leading = + - @ tab or CR. Returns a NUL-terminated string in x->text. */
static const char *clean(xlsx *x, const char *s, size_t n, int neutralise) {
    rbuf *b = x->text;
    rb_reset(b);
    if (neutralise && n > 0 && strchr("=+-@\t\r", s[0])) rb_addc(b, '\'');
    size_t chars = 0;
    const unsigned char *p = (const unsigned char *)s;
    for (size_t i = 0; i < n && chars < MAX_CELL - 1;) {
        unsigned c = p[i];
        size_t k = c < 0x80 ? 1 : (c & 0xE0) == 0xC0 && c >= 0xC2 ? 2 : (c & 0xF0) == 0xE0 ? 3
                 : (c & 0xF8) == 0xF0 && c <= 0xF4 ? 4 : 0;
        int ok = k > 0 && i + k <= n;
        for (size_t j = 1; ok && j < k; j++)
            if ((p[i + j] & 0xC0) != 0x80) ok = 0;
        if (ok && k == 3) {
            unsigned v = ((c & 0x0F) << 12) | ((p[i + 1] & 0x3F) << 6);
            if (v < 0x800 || (v >= 0xD800 && v <= 0xDFFF)) ok = 0;
        }
        if (ok && k == 4) {
            unsigned v = ((c & 0x07) << 18) | ((p[i + 1] & 0x3F) << 12);
            if (v < 0x10000 || v > 0x10FFFF) ok = 0;
        }
        if (!ok) {
            rb_adds(b, "\xEF\xBF\xBD");
            i++;
        } else if (k == 1 && (c < 0x20 || c == 0x7F) && c != '\t' && c != '\n' && c != '\r') {
            i++; /* XML cannot carry it */
            continue;
        } else {
            rb_add(b, s + i, k);
            i += k;
        }
        chars++;
    }
    rb_addc(b, '\0');
    return b->data;
}

static const char *label(xlsx *x, const char *key) { return rd_label(x->L, 1, key); }

/* theme.colors[KEY] ("#RRGGBB", the document's else the built-in one's) as 0xRRGGBB. */
static int rgb6(const char *s) {
    if (!s || strlen(s) != 7 || s[0] != '#') return 0;
    for (int i = 1; i < 7; i++)
        if (!strchr("0123456789abcdefABCDEF", s[i])) return 0;
    return 1;
}

static lxw_color_t theme_rgb(lua_State *L, const char *key) {
    const char *s = rd_theme_str(L, 1, "colors", key, rgb6);
    if (!s) luaL_error(L, "render: the theme has no colour colors.%s", key);
    return (lxw_color_t)strtoul(s + 1, NULL, 16);
}

/* ---- sheet names ------------------------------------------------------------------------- */

/* A sheet name from BASE: without []:*?/\ and control characters, no leading or trailing
 * apostrophe, at most 31 UTF-16 units (Excel's limit), unique regardless of case, and not
 * "History" (reserved by Excel). Written into OUT (at least 128 bytes). */
static void sheet_name(xlsx *x, const char *base, int n, char *out, size_t size) {
    char clean_name[128];
    size_t o = 0, units = 0;
    const unsigned char *p = (const unsigned char *)(base ? base : "");
    while (*p && o + 5 < sizeof clean_name) {
        unsigned c = *p;
        size_t k = c < 0x80 ? 1 : (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : 4;
        for (size_t j = 1; j < k; j++)
            if ((p[j] & 0xC0) != 0x80) k = 1, c = '?';
        if (k == 1 && (c < 0x20 || strchr("[]:*?/\\", (int)c))) {
            if (o > 0 && clean_name[o - 1] != ' ') clean_name[o++] = ' ', units++;
            p++;
            continue;
        }
        size_t u = k == 4 ? 2 : 1;
        if (units + u > 31) break;
        memcpy(clean_name + o, p, k);
        o += k;
        units += u;
        p += k;
    }
    clean_name[o] = '\0';
    /* trim spaces and apostrophes at both ends */
    char *s = clean_name;
    while (*s == ' ' || *s == '\'') s++;
    size_t len = strlen(s);
    while (len > 0 && (s[len - 1] == ' ' || s[len - 1] == '\'')) s[--len] = '\0';
    if (len == 0) {
        /* no usable name: "Table N" in the district's word, cleaned like any other name (a
         * long translation must still fit); plain "Table N" if even that cleans to nothing */
        char fallback[96];
        snprintf(fallback, sizeof fallback, "%s %d", label(x, "table"), n);
        if (strcmp(base ? base : "", fallback) != 0) {
            sheet_name(x, fallback, n, out, size);
            return;
        }
        snprintf(clean_name, sizeof clean_name, "Table %d", n);
        s = clean_name;
        len = strlen(s);
    }
    lua_State *L = x->L;
    for (int k = 1;; k++) {
        if (k == 1) {
            snprintf(out, size, "%s", s);
        } else {
            /* "Name (2)", shortening the name so the whole stays within 31 units */
            char suffix[16];
            int sl = snprintf(suffix, sizeof suffix, " (%d)", k);
            size_t keep = 0, u = 0;
            const unsigned char *q = (const unsigned char *)s;
            while (q[keep]) {
                size_t ck = q[keep] < 0x80 ? 1 : (q[keep] & 0xE0) == 0xC0 ? 2
                          : (q[keep] & 0xF0) == 0xE0 ? 3 : 4;
                size_t cu = ck == 4 ? 2 : 1;
                if (u + cu + (size_t)sl > 31) break;
                keep += ck;
                u += cu;
            }
            snprintf(out, size, "%.*s%s", (int)keep, s, suffix);
        }
        char low[128];
        size_t i = 0;
        for (; out[i] && i + 1 < sizeof low; i++)
            low[i] = (char)((out[i] >= 'A' && out[i] <= 'Z') ? out[i] + 32 : out[i]);
        low[i] = '\0';
        lua_getfield(L, x->names, low);
        int taken = lua_toboolean(L, -1) || strcmp(low, "history") == 0;
        lua_pop(L, 1);
        if (!taken) {
            lua_pushboolean(L, 1);
            lua_setfield(L, x->names, low);
            return;
        }
    }
}

/* ---- formats ------------------------------------------------------------------------------- */

/* The Excel number format for a column; BUF holds it. NULL for text. */
static const char *num_format_for(const rd_col *c, char *buf, size_t size) {
    char dec[16] = "";
    if (c->decimals > 0) {
        dec[0] = '.';
        memset(dec + 1, '0', (size_t)c->decimals);
        dec[c->decimals + 1] = '\0';
    }
    switch (c->format) {
    case RD_FMT_INTEGER: snprintf(buf, size, "#,##0"); break;
    case RD_FMT_NUMBER: snprintf(buf, size, "#,##0%s", dec); break;
    case RD_FMT_PERCENT: snprintf(buf, size, "0%s%%", dec); break;
    case RD_FMT_MONEY:
        if (c->currency && *c->currency && !strchr(c->currency, '"') && strlen(c->currency) < 8)
            snprintf(buf, size, "\"%s\"#,##0%s;-\"%s\"#,##0%s", c->currency, dec, c->currency, dec);
        else
            snprintf(buf, size, "#,##0%s", dec);
        break;
    case RD_FMT_DATE: snprintf(buf, size, "yyyy-mm-dd"); break;
    default: return NULL;
    }
    return buf;
}

/* ---- tables ------------------------------------------------------------------------------- */

static int iso_date(const char *s, size_t n, lxw_datetime *dt) {
    char iso[11];
    long days;
    if (n != 10) return 0;
    memcpy(iso, s, 10);
    iso[10] = '\0';
    if (!svg_parse_date(iso, &days)) return 0;
    memset(dt, 0, sizeof *dt);
    dt->year = atoi(iso);
    dt->month = atoi(iso + 5);
    dt->day = atoi(iso + 8);
    return 1;
}

static void write_cell(xlsx *x, lxw_worksheet *ws, lxw_row_t r, lxw_col_t c, int row,
                       const rd_col *col, lxw_format *fmt, lxw_format *textfmt, double *width) {
    rd_cell cell;
    rd_cell_read(x->L, row, col, &cell);
    double w = (double)rd_width(cell.text, cell.len);
    lxw_datetime dt;
    switch (cell.kind) {
    case RD_CELL_EMPTY: return;
    case RD_CELL_SUPPRESSED:
        worksheet_write_blank(ws, r, c, x->suppressed);
        worksheet_write_comment(ws, r, c, clean(x, cell.text, cell.len, 0));
        w = 4;
        break;
    case RD_CELL_NUMBER:
        worksheet_write_number(ws, r, c, cell.number, col->format == RD_FMT_TEXT ? textfmt : fmt);
        break;
    case RD_CELL_BOOL:
        worksheet_write_boolean(ws, r, c, (int)cell.number, textfmt);
        break;
    case RD_CELL_TEXT:
        if (col->format == RD_FMT_DATE && iso_date(cell.text, cell.len, &dt)) {
            worksheet_write_datetime(ws, r, c, &dt, fmt);
        } else {
            const char *s = clean(x, cell.text, cell.len, 1);
            worksheet_write_string(ws, r, c, s, textfmt);
            w = (double)rd_width(s, strlen(s));
        }
        break;
    }
    if (w > *width) *width = w;
}

static void write_table(xlsx *x, int t, const char *fallback, int n) {
    lua_State *L = x->L;
    t = lua_absindex(L, t);
    const char *caption = rd_str(L, t, "caption", NULL);
    char name[128];
    sheet_name(x, caption ? caption : fallback, n, name, sizeof name);
    lxw_worksheet *ws = workbook_add_worksheet(x->job->wb, name);
    if (!ws) luaL_error(L, "xlsx: cannot add a worksheet named '%s'", name);
    int ncols;
    rd_col *cols = rd_columns(L, t, &ncols);
    rd_col_words(cols, ncols, label(x, "yes"), label(x, "no"),
                 label(x, "suppressed"));
    if (ncols > 16384) ncols = 16384;
    /* per column: a number format, and the same in bold for the totals row */
    lxw_format **fmts = lua_newuserdatauv(L, sizeof *fmts * 2 * (size_t)(ncols ? ncols : 1), 0);
    double *widths = lua_newuserdatauv(L, sizeof *widths * (size_t)(ncols ? ncols : 1), 0);
    for (int j = 0; j < ncols; j++) {
        char nf[64];
        const char *f = num_format_for(&cols[j], nf, sizeof nf);
        fmts[2 * j] = NULL;
        fmts[2 * j + 1] = x->bold;
        if (f) {
            fmts[2 * j] = workbook_add_format(x->job->wb);
            format_set_num_format(fmts[2 * j], f);
            fmts[2 * j + 1] = workbook_add_format(x->job->wb);
            format_set_num_format(fmts[2 * j + 1], f);
            format_set_bold(fmts[2 * j + 1]);
        }
        if (cols[j].align == RD_RIGHT || cols[j].align == RD_CENTER) {
            lxw_format *a = fmts[2 * j] ? fmts[2 * j] : workbook_add_format(x->job->wb);
            format_set_align(a, cols[j].align == RD_RIGHT ? LXW_ALIGN_RIGHT : LXW_ALIGN_CENTER);
            fmts[2 * j] = a;
        }
        const char *lab = clean(x, cols[j].label, strlen(cols[j].label), 1);
        worksheet_write_string(ws, 0, (lxw_col_t)j, lab, x->header);
        widths[j] = (double)rd_width(lab, strlen(lab)) + 2; /* room for the filter button */
    }
    lxw_row_t r = 1;
    size_t nrows = rd_len(L, t, "rows");
    if (nrows > 1048000) luaL_error(L, "xlsx: table '%s' has more rows than Excel allows", name);
    for (size_t i = 1; i <= nrows; i++, r++) {
        rd_push_item(L, t, "rows", (lua_Integer)i);
        int row = lua_gettop(L);
        for (int j = 0; j < ncols; j++)
            write_cell(x, ws, r, (lxw_col_t)j, row, &cols[j], fmts[2 * j], fmts[2 * j] ? fmts[2 * j] : NULL,
                       &widths[j]);
        lua_pop(L, 1);
    }
    if (ncols > 0) {
        worksheet_freeze_panes(ws, 1, 0);
        worksheet_autofilter(ws, 0, 0, r - 1, (lxw_col_t)(ncols - 1));
    }
    if (lua_getfield(L, t, "totals") == LUA_TTABLE) {
        int row = lua_gettop(L);
        for (int j = 0; j < ncols; j++)
            write_cell(x, ws, r, (lxw_col_t)j, row, &cols[j], fmts[2 * j + 1], x->bold, &widths[j]);
        r++;
    }
    lua_pop(L, 1);
    /* caption and notes under the table */
    r++;
    if (caption) {
        worksheet_write_string(ws, r++, 0, clean(x, caption, strlen(caption), 1), x->italic);
    }
    size_t nn = rd_len(L, t, "notes");
    for (size_t i = 1; i <= nn; i++) {
        rd_push_item(L, t, "notes", (lua_Integer)i);
        size_t l;
        const char *s = lua_type(L, -1) == LUA_TSTRING ? lua_tolstring(L, -1, &l) : NULL;
        if (s) worksheet_write_string(ws, r++, 0, clean(x, s, l, 1), x->italic);
        lua_pop(L, 1);
    }
    for (int j = 0; j < ncols; j++) {
        double w = widths[j] + 1;
        worksheet_set_column(ws, (lxw_col_t)j, (lxw_col_t)j, w < 8 ? 8 : w > 60 ? 60 : w, NULL);
    }
    lua_pop(L, 3); /* columns, formats, widths */
}

/* ---- the document ------------------------------------------------------------------------- */

/* Append every table (and chart data table) under PARENT to the list at LIST as
 * { block, fallback name }, and every key/value block to KV. */
/* What the workbook needs from the tree, gathered by rd_walk: every table with the title of
 * the nearest titled section around it (a sheet name when the table has no caption), every
 * chart's data table with the chart title, and the key/value blocks (for the About sheet). */
typedef struct {
    lua_State *L;
    int list;     /* stack index: { {table, fallback name}, ... } */
    int kv;       /* stack index: { keyvalue block, ... } */
    int sections; /* stack index: [depth + 1] = nearest section title at that depth */
} gather;

static void add_table(gather *g, int table, const char *name) {
    lua_State *L = g->L;
    lua_createtable(L, 2, 0);
    lua_pushvalue(L, table);
    lua_rawseti(L, -2, 1);
    lua_pushstring(L, name ? name : "");
    lua_rawseti(L, -2, 2);
    lua_rawseti(L, g->list, (lua_Integer)lua_rawlen(L, g->list) + 1);
}

static void gather_section(void *ctx, int blk, int depth) {
    gather *g = ctx;
    if (lua_getfield(g->L, blk, "title") != LUA_TSTRING) {
        lua_pop(g->L, 1);
        lua_rawgeti(g->L, g->sections, depth); /* the enclosing one's (nil at the top) */
    }
    lua_rawseti(g->L, g->sections, depth + 1);
}

static void gather_table(void *ctx, int blk, int depth) {
    gather *g = ctx;
    lua_rawgeti(g->L, g->sections, depth);
    add_table(g, blk, lua_tostring(g->L, -1));
    lua_pop(g->L, 1);
}

static void gather_chart(void *ctx, int blk, int depth) {
    gather *g = ctx;
    (void)depth;
    if (lua_getfield(g->L, blk, "table") == LUA_TTABLE)
        add_table(g, lua_gettop(g->L), rd_str(g->L, blk, "title", NULL));
    lua_pop(g->L, 1);
}

static void gather_keyvalue(void *ctx, int blk, int depth) {
    gather *g = ctx;
    (void)depth;
    lua_pushvalue(g->L, blk);
    lua_rawseti(g->L, g->kv, (lua_Integer)lua_rawlen(g->L, g->kv) + 1);
}

static const rd_walker gather_walker = {
    .section = gather_section, .table = gather_table, .chart = gather_chart,
    .keyvalue = gather_keyvalue, .strict = 0,
};

static void collect(lua_State *L, int doc, int list, int kv) {
    lua_newtable(L);
    gather g = {L, list, kv, lua_gettop(L)};
    rd_walk(L, doc, &gather_walker, &g);
    lua_pop(L, 1);
}

static void about_sheet(xlsx *x, int doc, int kv) {
    lua_State *L = x->L;
    char name[128];
    sheet_name(x, label(x, "about"), 0, name, sizeof name);
    lxw_worksheet *ws = workbook_add_worksheet(x->job->wb, name);
    if (!ws) luaL_error(L, "xlsx: cannot add the About sheet");
    lxw_row_t r = 0;
    double w0 = 10, w1 = 20;
    static const struct {
        const char *field, *key;
    } meta[] = {{"title", "meta_title"},       {"subtitle", "meta_subtitle"},
                {"district", "meta_district"}, {"period", "meta_period"},
                {"as_of", "meta_as_of"}};
    for (size_t i = 0; i < sizeof meta / sizeof meta[0]; i++) {
        size_t l;
        const char *v = rd_str(L, doc, meta[i].field, &l);
        if (!v) continue;
        const char *k = label(x, meta[i].key);
        worksheet_write_string(ws, r, 0, clean(x, k, strlen(k), 1), x->bold);
        lxw_datetime dt;
        if (i == 4 && iso_date(v, l, &dt)) {
            lxw_format *df = workbook_add_format(x->job->wb);
            format_set_num_format(df, "yyyy-mm-dd");
            format_set_align(df, LXW_ALIGN_LEFT);
            worksheet_write_datetime(ws, r, 1, &dt, df);
        } else {
            worksheet_write_string(ws, r, 1, clean(x, v, l, 1), NULL);
        }
        if ((double)rd_width(k, strlen(k)) > w0) w0 = (double)rd_width(k, strlen(k));
        if ((double)rd_width(v, l) > w1) w1 = (double)rd_width(v, l);
        r++;
    }
    rd_col col;
    memset(&col, 0, sizeof col);
    col.id = "value";
    col.label = "";
    col.currency = "";
    size_t nkv = lua_rawlen(L, kv);
    for (size_t b = 1; b <= nkv; b++) {
        lua_rawgeti(L, kv, (lua_Integer)b);
        int blk = lua_gettop(L);
        r++;
        const char *cap = rd_str(L, blk, "caption", NULL);
        if (cap) worksheet_write_string(ws, r++, 0, clean(x, cap, strlen(cap), 1), x->header);
        size_t n = rd_len(L, blk, "items");
        for (size_t i = 1; i <= n; i++, r++) {
            rd_push_item(L, blk, "items", (lua_Integer)i);
            int it = lua_gettop(L);
            if (lua_type(L, it) != LUA_TTABLE) {
                lua_pop(L, 1);
                continue;
            }
            size_t kl = 0;
            const char *k = rd_str(L, it, "key", &kl);
            if (!k && lua_rawgeti(L, it, 1) == LUA_TSTRING) k = lua_tolstring(L, -1, &kl);
            if (!rd_str(L, it, "key", NULL)) lua_pop(L, 1);
            if (k) {
                worksheet_write_string(ws, r, 0, clean(x, k, kl, 1), x->bold);
                if ((double)rd_width(k, kl) > w0) w0 = (double)rd_width(k, kl);
            }
            lua_createtable(L, 0, 1);
            if (lua_getfield(L, it, "value") == LUA_TNIL) {
                lua_pop(L, 1);
                lua_rawgeti(L, it, 2);
            }
            lua_setfield(L, -2, "value");
            write_cell(x, ws, r, 1, lua_gettop(L), &col, NULL, NULL, &w1);
            lua_pop(L, 2);
        }
        lua_pop(L, 1);
    }
    worksheet_set_column(ws, 0, 0, w0 + 2 > 40 ? 40 : w0 + 2, NULL);
    worksheet_set_column(ws, 1, 1, w1 + 2 > 80 ? 80 : w1 + 2, NULL);
}

int render_xlsx(lua_State *L) {
    luaL_checktype(L, 1, LUA_TTABLE);
    const char *path = luaL_checkstring(L, 2);
    const char *ty = rd_str(L, 1, "type", NULL);
    if (!ty || strcmp(ty, "document") != 0)
        return luaL_argerror(L, 1, "expected a report document (type = \"document\")");
    lua_settop(L, 2);

    xlsx x;
    memset(&x, 0, sizeof x);
    x.L = L;
    x.job = lua_newuserdatauv(L, sizeof *x.job, 0); /* 3 */
    x.job->wb = NULL;
    x.job->tmp = NULL;
    if (luaL_newmetatable(L, XLSX_MT)) {
        lua_pushcfunction(L, job_gc);
        lua_setfield(L, -2, "__gc");
        lua_pushcfunction(L, job_gc);
        lua_setfield(L, -2, "__close");
    }
    lua_setmetatable(L, -2);
    lua_toclose(L, 3);
    x.text = rb_new(L); /* 4 */
    lua_newtable(L);    /* 5 */
    x.names = 5;
    /* the temporary file, in the same folder so the rename is atomic */
    size_t plen = strlen(path);
    x.job->tmp = malloc(plen + 16);
    if (!x.job->tmp) return luaL_error(L, "out of memory");
    snprintf(x.job->tmp, plen + 16, "%s.tmp-XXXXXX", path);
    int fd = mkstemp(x.job->tmp);
    if (fd < 0) {
        free(x.job->tmp);
        x.job->tmp = NULL;
        luaL_pushfail(L);
        lua_pushfstring(L, "cannot write %s: %s", path, strerror(errno));
        return 2;
    }
    /* mkstemp makes the file private; give it the mode a new file normally gets */
    mode_t mask = umask(0);
    umask(mask);
    fchmod(fd, 0666 & ~mask);
    close(fd);
    x.job->wb = workbook_new(x.job->tmp);
    if (!x.job->wb) {
        luaL_pushfail(L);
        lua_pushfstring(L, "cannot write %s: the workbook could not be created", path);
        return 2;
    }
    /* document properties; the created time is the as-of date, never the clock, so the same
     * document gives the same bytes (docs/report-document.md, determinism) */
    lxw_doc_properties props;
    memset(&props, 0, sizeof props);
    props.title = (char *)rd_str(L, 1, "title", NULL);
    props.subject = (char *)rd_str(L, 1, "subtitle", NULL);
    props.company = (char *)rd_str(L, 1, "district", NULL);
    long days;
    const char *as_of = rd_str(L, 1, "as_of", NULL);
    props.created = as_of && svg_parse_date(as_of, &days) && days > 3653
                        ? (time_t)days * 86400
                        : (time_t)315532800; /* 1980-01-01 when there is no as-of date */
    workbook_set_properties(x.job->wb, &props);
    x.header = workbook_add_format(x.job->wb);
    format_set_bold(x.header);
    format_set_bottom(x.header, LXW_BORDER_THIN);
    format_set_bg_color(x.header, theme_rgb(L, "header_bg"));
    format_set_text_wrap(x.header);
    format_set_align(x.header, LXW_ALIGN_VERTICAL_TOP);
    x.bold = workbook_add_format(x.job->wb);
    format_set_bold(x.bold);
    x.italic = workbook_add_format(x.job->wb);
    format_set_italic(x.italic);
    x.suppressed = workbook_add_format(x.job->wb);
    format_set_bg_color(x.suppressed, theme_rgb(L, "suppressed_bg"));

    lua_newtable(L); /* 6: tables */
    lua_newtable(L); /* 7: key/value blocks */
    collect(L, 1, 6, 7);
    size_t nt = lua_rawlen(L, 6);
    for (size_t i = 1; i <= nt; i++) {
        lua_rawgeti(L, 6, (lua_Integer)i);
        lua_rawgeti(L, -1, 1);
        lua_rawgeti(L, -2, 2);
        const char *fallback = lua_tostring(L, -1);
        write_table(&x, -2, fallback && *fallback ? fallback : NULL, (int)i);
        lua_pop(L, 3);
    }
    about_sheet(&x, 1, 7);

    lxw_error err = workbook_close(x.job->wb); /* writes and frees the workbook */
    x.job->wb = NULL;
    if (err != LXW_NO_ERROR) {
        luaL_pushfail(L);
        lua_pushfstring(L, "cannot write %s: %s", path, lxw_strerror(err));
        return 2; /* the temporary file is removed when the job is closed */
    }
    if (rename(x.job->tmp, path) != 0) {
        luaL_pushfail(L);
        lua_pushfstring(L, "cannot write %s: %s", path, strerror(errno));
        return 2;
    }
    free(x.job->tmp);
    x.job->tmp = NULL;
    lua_pushboolean(L, 1);
    return 1;
}
