/* render_svg.c: the eight chart kinds of docs/report-document.md as inline SVG.
 *
 * Sizes come from the data (rows, label lengths, columns); text is measured with a rough
 * average glyph width and wrapped, and the chart grows to hold the lines: labels are not cut
 * (only past MAX_LINES lines, or a logic-model header past four, ends with an ellipsis, the full
 * text then in a <title>, which browsers show as a tooltip and screen readers read). A number
 * too wide for its bar segment is drawn below the bar, clear of its neighbours.
 * Every colour comes from the theme (colors.palette, status, diverging, likert, chart; see
 * docs/report-document.md), by default Okabe & Ito's colour-blind-safe set; every value is
 * also written as text, so nothing relies on colour alone.
 * Output is deterministic: coordinates are printed with a fixed number of decimals. */
#include "render_svg.h"

#include <lauxlib.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "numfmt.h"

#define W 640.0        /* default chart width (viewBox units; the SVG scales to its box) */
#define FS 12.0        /* font size */
#define CHAR_W 6.6     /* average glyph width at FS, for layout */
#define LINE_H 15.0    /* line height at FS */
#define MAX_LINES 16   /* a label wraps onto at most this many lines (then it is cut) */

/* ---- text ------------------------------------------------------------------------------------ */

/* Index after the UTF-8 character at S[I] (render.c decodes it). */
static size_t u8_next(const unsigned char *s, size_t n, size_t i, unsigned *cp) {
    return i + rd_utf8_next((const char *)s + i, n - i, cp);
}

static double text_w(const char *s, size_t n) { return (double)rd_width(s, n) * CHAR_W; }

typedef struct {
    const char *p;
    size_t n;
    int ellipsis;
} line;

/* Split S into at most MAXLINES lines of at most MAXW columns, breaking at spaces; returns the
 * line count and sets *CUT when text was dropped (the last line then ends with an ellipsis). */
static int wrap(const char *s, size_t n, size_t maxw, int maxlines, line *out, int *cut) {
    const unsigned char *p = (const unsigned char *)s;
    int k = 0;
    size_t pos = 0;
    *cut = 0;
    if (maxw < 4) maxw = 4;
    while (pos < n && k < maxlines) {
        while (pos < n && p[pos] == ' ') pos++;
        if (pos >= n) break;
        /* walk characters while they fit; remember the last space */
        size_t i = pos, w = 0, last_space = 0, fit = pos;
        while (i < n) {
            unsigned cp;
            size_t nx = u8_next(p, n, i, &cp);
            size_t cw = rd_width(s + i, nx - i);
            if (cp == '\n') break;
            if (w + cw > maxw) break;
            w += cw;
            if (cp == ' ') last_space = i;
            i = nx;
            fit = i;
        }
        size_t end;
        if (fit >= n || p[fit] == '\n') end = fit;
        else if (p[fit] == ' ') end = fit;
        else if (last_space > pos) end = last_space;
        else end = fit; /* one long word: cut it */
        if (end == pos) end = u8_next(p, n, pos, &(unsigned){0});
        size_t after = end;
        while (after < n && (p[after] == ' ' || p[after] == '\n')) after++;
        if (k == maxlines - 1 && after < n) {
            /* last line and text remains: shorten to leave room for the ellipsis */
            size_t j = pos, ww = 0, stop = pos;
            while (j < n) {
                unsigned cp;
                size_t nx = u8_next(p, n, j, &cp);
                size_t cw = rd_width(s + j, nx - j);
                if (cp == '\n' || ww + cw > maxw - 1) break;
                ww += cw;
                j = nx;
                stop = j;
            }
            while (stop > pos && p[stop - 1] == ' ') stop--;
            out[k].p = s + pos;
            out[k].n = stop - pos;
            out[k].ellipsis = 1;
            *cut = 1;
            return k + 1;
        }
        size_t e = end;
        while (e > pos && p[e - 1] == ' ') e--;
        out[k].p = s + pos;
        out[k].n = e - pos;
        out[k].ellipsis = 0;
        k++;
        pos = after;
    }
    return k;
}

/* Lines that S takes when wrapped to MAXW columns (at most MAXLINES). */
static int wrap_count(const char *s, size_t n, size_t maxw, int maxlines) {
    line ls[16];
    int cut;
    if (maxlines > 16) maxlines = 16;
    int k = wrap(s, n, maxw, maxlines, ls, &cut);
    return k ? k : 1;
}

/* <text> with S wrapped into lines starting at baseline Y; ATTRS is added to the element.
 * Returns the number of lines drawn. */
static int text_block(rbuf *b, double x, double y, const char *anchor, const char *s, size_t n,
                      size_t maxw, int maxlines, const char *attrs) {
    line ls[16];
    int cut;
    if (maxlines > 16) maxlines = 16;
    int k = wrap(s, n, maxw, maxlines, ls, &cut);
    rb_addf(b, "<text x=\"%.1f\" y=\"%.1f\"", x, y);
    if (anchor && strcmp(anchor, "start") != 0) rb_addf(b, " text-anchor=\"%s\"", anchor);
    if (attrs && *attrs) rb_addf(b, " %s", attrs);
    rb_adds(b, ">");
    if (cut) {
        rb_adds(b, "<title>");
        rd_html_esc(b, s, n);
        rb_adds(b, "</title>");
    }
    if (k <= 1) {
        if (k == 1) {
            rd_html_esc(b, ls[0].p, ls[0].n);
            if (ls[0].ellipsis) rb_adds(b, "\xE2\x80\xA6");
        }
    } else {
        for (int i = 0; i < k; i++) {
            rb_addf(b, "<tspan x=\"%.1f\" dy=\"%s\">", x, i == 0 ? "0" : "1.25em");
            rd_html_esc(b, ls[i].p, ls[i].n);
            if (ls[i].ellipsis) rb_adds(b, "\xE2\x80\xA6");
            rb_adds(b, "</tspan>");
        }
    }
    rb_adds(b, "</text>");
    return k ? k : 1;
}

/* ---- values ---------------------------------------------------------------------------------- */

/* days since 1970-01-01 of a proleptic Gregorian date */
static long ymd_days(long y, long m, long d) {
    long yy = y - (m <= 2);
    long era = (yy >= 0 ? yy : yy - 399) / 400;
    long yoe = yy - era * 400;
    long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

int svg_parse_date(const char *s, long *days) {
    int y, m, d;
    if (!s || strlen(s) != 10 || s[4] != '-' || s[7] != '-') return 0;
    for (int i = 0; i < 10; i++)
        if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9')) return 0;
    y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
    m = (s[5] - '0') * 10 + (s[6] - '0');
    d = (s[8] - '0') * 10 + (s[9] - '0');
    static const int mdays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m < 1 || m > 12 || d < 1) return 0;
    int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    if (d > mdays[m - 1] + (m == 2 && leap)) return 0;
    *days = ymd_days(y, m, d);
    return 1;
}

static void civil(long z, int *y, int *m, int *d) {
    z += 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = (int)(yoe + era * 400 + (*m <= 2));
}

/* The chart's number format: chart.format / chart.decimals as a column would have them. */
static rd_col chart_col(lua_State *L, int chart, int integers) {
    rd_col col;
    memset(&col, 0, sizeof col);
    static const char *const fmts[] = {"text", "integer", "number", "percent", "money", "date", NULL};
    const char *f = rd_str(L, chart, "format", NULL);
    col.format = integers ? RD_FMT_INTEGER : RD_FMT_NUMBER;
    for (int i = 0; f && fmts[i]; i++)
        if (strcmp(f, fmts[i]) == 0) col.format = (rd_format)i;
    if (col.format == RD_FMT_TEXT || col.format == RD_FMT_DATE) col.format = RD_FMT_NUMBER;
    int def = col.format == RD_FMT_INTEGER ? 0 : col.format == RD_FMT_MONEY ? 2 : 1;
    col.decimals = (int)rd_int(L, chart, "decimals", def);
    if (col.decimals < 0) col.decimals = 0;
    if (col.decimals > 9) col.decimals = 9;
    col.currency = rd_str(L, chart, "currency", NULL);
    if (!col.currency) col.currency = "";
    return col;
}

static void value_text(char *buf, size_t size, double v, const rd_col *col, const char *unit) {
    char num[96];
    rd_format_number(num, sizeof num, v, 0, col);
    if (unit && *unit)
        snprintf(buf, size, "%s%s%s", num, strcmp(unit, "%") == 0 ? "" : " ", unit);
    else
        snprintf(buf, size, "%s", num);
}

/* Black or white text, whichever reads better on the fill colour "#RRGGBB". */
static const char *ink_on(const char *fill) {
    unsigned r = 0, g = 0, bl = 0;
    if (!fill || sscanf(fill, "#%2x%2x%2x", &r, &g, &bl) != 3) return "#000000";
    double lum = 0.2126 * r + 0.7152 * g + 0.0722 * bl;
    return lum < 140 ? "#FFFFFF" : "#000000";
}

/* A chart colour from the theme must be "#RRGGBB" (it goes into attributes as is). */
static int hex6(const char *s) {
    if (!s || strlen(s) != 7 || s[0] != '#') return 0;
    for (int i = 1; i < 7; i++)
        if (!strchr("0123456789abcdefABCDEF", s[i])) return 0;
    return 1;
}

/* A colour of what charts draw besides data: theme.colors.chart[KEY] (ink, muted, track, ...). */
static const char *ink(lua_State *L, const svg_ctx *c, const char *key) {
    const char *s = rd_theme_str(L, c->doc, "colors.chart", key, hex6);
    if (!s) luaL_error(L, "render: the theme has no colour colors.chart.%s", key);
    return s;
}

/* Colour I (0-based, wrapping) of theme.colors.palette. */
static const char *palette(lua_State *L, const svg_ctx *c, int i) {
    /* the longer of the document's and the built-in list: a short list borrows the rest */
    size_t n = rd_theme_len(L, c->doc, "colors", "palette");
    size_t nb = rd_theme_len(L, 0, "colors", "palette");
    if (nb > n) n = nb;
    const char *s = n ? rd_theme_item(L, c->doc, "colors", "palette", (lua_Integer)(i % (int)n) + 1, hex6)
                      : NULL;
    return s ? s : ink(L, c, "bar");
}

/* Status colours: theme.colors.status[name] (as written, then in lower case), else the
 * palette by position. */
static const char *status_colour(lua_State *L, const svg_ctx *c, const char *name, int index) {
    if (name) {
        const char *s = rd_theme_str(L, c->doc, "colors.status", name, hex6);
        if (s) return s;
        char low[64];
        size_t n = strlen(name);
        if (n < sizeof low) {
            for (size_t i = 0; i <= n; i++)
                low[i] = (char)((name[i] >= 'A' && name[i] <= 'Z') ? name[i] + 32 : name[i]);
            s = rd_theme_str(L, c->doc, "colors.status", low, hex6);
            if (s) return s;
        }
    }
    return palette(L, c, index);
}

/* ---- shared pieces ------------------------------------------------------------------------- */

static const char *chart_title(lua_State *L, int chart) {
    const char *t = rd_str(L, chart, "title", NULL);
    return t ? t : "chart";
}

static void data_error(lua_State *L, int chart, lua_Integer item, const char *what) {
    if (item > 0)
        luaL_error(L, "chart '%s' (%s): data item %d: %s", chart_title(L, chart),
                   rd_str(L, chart, "kind", NULL), (int)item, what);
    luaL_error(L, "chart '%s' (%s): %s", chart_title(L, chart), rd_str(L, chart, "kind", NULL),
               what);
}

/* The label of an item: item.label, else item[1]. */
static const char *item_label(lua_State *L, int item, size_t *n) {
    const char *s = rd_str(L, item, "label", n);
    if (!s && lua_type(L, item) == LUA_TTABLE) {
        if (lua_rawgeti(L, item, 1) == LUA_TSTRING) s = lua_tolstring(L, -1, n);
        lua_pop(L, 1);
    }
    if (!s) {
        s = "";
        *n = 0;
    }
    return s;
}

/* Width of the label column: fits the longest label up to 30 columns (then labels wrap). */
static double label_col(lua_State *L, int chart, const char *field) {
    size_t rows = rd_len(L, chart, field);
    double w = 40;
    for (size_t i = 1; i <= rows; i++) {
        rd_push_item(L, chart, field, (lua_Integer)i);
        size_t n;
        const char *s = item_label(L, lua_gettop(L), &n);
        double tw = text_w(s, n);
        if (tw > w) w = tw;
        lua_pop(L, 1);
    }
    return w > 30 * CHAR_W ? 30 * CHAR_W : w;
}

/* A legend of swatches in rows starting at Y; returns the height used. */
static double legend(rbuf *b, double x0, double y, double width, const char *const *names,
                     const size_t *lens, const char *const *colours, int n) {
    double x = x0, h = 0;
    if (n == 0) return 0;
    rb_adds(b, "<g class=\"legend\">");
    for (int i = 0; i < n; i++) {
        size_t shown = lens[i] > 40 ? 40 : lens[i];
        double iw = 14 + 4 + text_w(names[i], shown) + 16;
        if (x > x0 && x + iw > x0 + width) {
            x = x0;
            h += 18;
        }
        rb_addf(b, "<rect x=\"%.1f\" y=\"%.1f\" width=\"12\" height=\"12\" fill=\"%s\"/>", x,
                y + h, colours[i]);
        text_block(b, x + 16, y + h + 10.5, "start", names[i], lens[i], 40, 1, NULL);
        x += iw;
    }
    rb_adds(b, "</g>");
    return h + 22;
}

/* ---- bar ------------------------------------------------------------------------------------- */

static double chart_bar(lua_State *L, int chart, rbuf *b, svg_ctx *c) {
    size_t rows = rd_len(L, chart, "data");
    double lw = label_col(L, chart, "data");
    size_t lchars = (size_t)(lw / CHAR_W);
    int present;
    double max = rd_num(L, chart, "max", 0, &present);
    int integers = 1;
    for (size_t i = 1; i <= rows; i++) {
        rd_push_item(L, chart, "data", (lua_Integer)i);
        int it = lua_gettop(L);
        if (lua_type(L, it) != LUA_TTABLE) data_error(L, chart, (lua_Integer)i, "expected a table");
        if (!rd_bool(L, it, "suppressed")) {
            int has;
            lua_getfield(L, it, "value");
            if (lua_type(L, -1) == LUA_TNUMBER && !lua_isinteger(L, -1)) integers = 0;
            lua_pop(L, 1);
            double v = rd_num(L, it, "value", 0, &has);
            if (!has) {
                lua_rawgeti(L, it, 2);
                has = lua_type(L, -1) == LUA_TNUMBER;
                v = lua_tonumber(L, -1);
                lua_pop(L, 1);
                if (!has) data_error(L, chart, (lua_Integer)i, "expected a number in 'value'");
            }
            if (!isfinite(v)) data_error(L, chart, (lua_Integer)i, "'value' is not a finite number");
            if (!present && v > max) max = v;
        }
        lua_pop(L, 1);
    }
    if (max <= 0) max = 1;
    rd_col col = chart_col(L, chart, integers);
    const char *unit = rd_str(L, chart, "unit", NULL);
    double x0 = lw + 12, x1 = W - 80, y = 8;
    const char *bar_fill = palette(L, c, 0);
    for (size_t i = 1; i <= rows; i++) {
        rd_push_item(L, chart, "data", (lua_Integer)i);
        int it = lua_gettop(L);
        size_t ln;
        const char *label = item_label(L, it, &ln);
        int lines = wrap_count(label, ln, lchars, MAX_LINES);
        double rh = lines > 1 ? lines * LINE_H + 6 : 24;
        text_block(b, lw + 4, y + rh / 2 + 4 - (lines - 1) * 7.5, "end", label, ln, lchars, MAX_LINES, NULL);
        if (rd_bool(L, it, "suppressed")) {
            const char *why = rd_str(L, it, "reason", NULL);
            rb_addf(b, "<text x=\"%.1f\" y=\"%.1f\" font-style=\"italic\" fill=\"%s\">", x0 + 6,
                    y + rh / 2 + 4, ink(L, c, "muted"));
            rd_html_escs(b, why ? why : rd_label(L, c->doc, "suppressed"));
            rb_adds(b, "</text>");
        } else {
            double v = rd_num(L, it, "value", 0, &present);
            if (!present) {
                lua_rawgeti(L, it, 2);
                v = lua_tonumber(L, -1);
                lua_pop(L, 1);
            }
            double bw = v <= 0 ? 0 : (v >= max ? 1 : v / max) * (x1 - x0);
            char vt[128];
            value_text(vt, sizeof vt, v, &col, unit);
            rb_addf(b, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\">"
                       "<title>", x0, y + (rh - 16) / 2, bw, 16.0, bar_fill);
            rd_html_esc(b, label, ln);
            rb_adds(b, ": ");
            rd_html_escs(b, vt);
            rb_adds(b, "</title></rect>");
            rb_addf(b, "<text x=\"%.1f\" y=\"%.1f\">", x0 + bw + 4, y + rh / 2 + 4);
            rd_html_escs(b, vt);
            rb_adds(b, "</text>");
        }
        lua_pop(L, 1);
        y += rh;
    }
    rb_addf(b, "<line x1=\"%.1f\" y1=\"4\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\"/>", x0, x0,
            y + 4, ink(L, c, "muted"));
    return y + 8;
}

/* ---- likert and status: stacked bars ------------------------------------------------------ */

/* Colours for Likert levels: theme.colors.diverging (unfavourable ... neutral ... favourable,
 * an odd count) when it has a shade for every level on each side, else theme.colors.likert's
 * ramps (outermost first) and its neutral. */
static const char *likert_colour(lua_State *L, const svg_ctx *c, int level, int nlev,
                                 int fav_from, int neutral) {
    size_t nd = rd_theme_len(L, c->doc, "colors", "diverging");
    int half = nd ? (int)(nd - 1) / 2 : 0;
    int left = neutral ? neutral - 1 : fav_from - 1;
    int right = neutral ? nlev - neutral : nlev - fav_from + 1;
    if (nd >= 3 && nd % 2 == 1 && left <= half && right <= half) {
        int idx = level == neutral ? half + 1
                : level <= left    ? half - (left - level) /* nearest the centre: half */
                                   : half + 1 + (level - (nlev - right)); /* favourable */
        const char *t = rd_theme_item(L, c->doc, "colors", "diverging", idx, hex6);
        if (t) return t;
    }
    const char *s = NULL;
    if (neutral && level == neutral) {
        s = rd_theme_str(L, c->doc, "colors.likert", "neutral", hex6);
    } else {
        if (neutral) fav_from = neutral + 1;
        const char *ramp = level < fav_from ? "unfavourable" : "favourable";
        int k = level < fav_from ? level - 1 : nlev - level; /* 0 = outermost */
        size_t n = rd_theme_len(L, c->doc, "colors.likert", ramp);
        if (n) s = rd_theme_item(L, c->doc, "colors.likert", ramp, (lua_Integer)k >= (lua_Integer)n ? (lua_Integer)n : k + 1, hex6);
    }
    return s ? s : ink(L, c, "empty");
}

/* A stacked-bar chart's layout: its levels (names and colours), the sides of the centre line
 * and the horizontal scale, shared by the steps below. */
typedef struct {
    int likert;            /* likert (diverging round a centre line) or status (left to right) */
    int nlev, fav_from, neutral;
    const char *names[12];
    size_t lens[12];
    const char *colours[12];
    double lw, x0, x1;     /* label column width, bar area */
    size_t lchars;         /* label column in characters */
    double scale, centre;  /* pixels per share; x of the centre line (likert) */
} stacked;

/* Levels, favourable side and colours from the chart, checked. */
static void stacked_levels(lua_State *L, int chart, svg_ctx *c, stacked *s) {
    size_t nlev = rd_len(L, chart, "levels");
    if (nlev == 0) data_error(L, chart, 0, "'levels' is missing or empty");
    if (nlev > 12) data_error(L, chart, 0, "at most 12 levels");
    int fav_from = (int)rd_int(L, chart, "favorable_from", (lua_Integer)(nlev / 2 + 1));
    if (fav_from < 1) fav_from = 1;
    if (fav_from > (int)nlev + 1) fav_from = (int)nlev + 1;
    /* neutral = k: that level straddles the centre line (half on each side) */
    int neutral = s->likert ? (int)rd_int(L, chart, "neutral", 0) : 0;
    if (neutral < 0 || neutral > (int)nlev) data_error(L, chart, 0, "'neutral' is not a level");
    if (neutral) fav_from = neutral + 1;
    s->nlev = (int)nlev;
    s->fav_from = fav_from;
    s->neutral = neutral;
    for (size_t l = 1; l <= nlev; l++) {
        rd_push_item(L, chart, "levels", (lua_Integer)l);
        s->names[l - 1] = lua_type(L, -1) == LUA_TSTRING ? lua_tolstring(L, -1, &s->lens[l - 1]) : NULL;
        lua_pop(L, 1); /* anchored in the levels table */
        if (!s->names[l - 1]) data_error(L, chart, 0, "'levels' must be strings");
        s->colours[l - 1] = s->likert ? likert_colour(L, c, (int)l, (int)nlev, fav_from, neutral)
                                      : status_colour(L, c, s->names[l - 1], (int)l - 1);
    }
}

/* Checks every row's counts and sets the scale: a likert chart is as wide as its widest
 * unfavourable side plus its widest favourable side; a status chart runs 0..100%. */
static void stacked_scale(lua_State *L, int chart, stacked *s) {
    size_t rows = rd_len(L, chart, "data");
    double umax = 0, fmax = 0;
    for (size_t i = 1; i <= rows; i++) {
        rd_push_item(L, chart, "data", (lua_Integer)i);
        int it = lua_gettop(L);
        if (lua_type(L, it) != LUA_TTABLE) data_error(L, chart, (lua_Integer)i, "expected a table");
        if (!rd_bool(L, it, "suppressed")) {
            size_t nc = rd_len(L, it, "counts");
            if (nc != (size_t)s->nlev) {
                char msg[96];
                snprintf(msg, sizeof msg, "'counts' has %zu numbers, expected %zu (one per level)",
                         nc, (size_t)s->nlev);
                data_error(L, chart, (lua_Integer)i, msg);
            }
            double tot = 0, un = 0;
            for (size_t l = 1; l <= (size_t)s->nlev; l++) {
                rd_push_item(L, it, "counts", (lua_Integer)l);
                if (lua_type(L, -1) != LUA_TNUMBER || !(lua_tonumber(L, -1) >= 0) ||
                    !isfinite(lua_tonumber(L, -1)))
                    data_error(L, chart, (lua_Integer)i, "'counts' must be numbers >= 0");
                double v = lua_tonumber(L, -1);
                lua_pop(L, 1);
                tot += v;
                if ((int)l < s->fav_from) un += (int)l == s->neutral ? v / 2 : v;
            }
            if (tot > 0) {
                if (un / tot > umax) umax = un / tot;
                if ((tot - un) / tot > fmax) fmax = (tot - un) / tot;
            }
        }
        lua_pop(L, 1);
    }
    if (!s->likert) {
        umax = 0;
        fmax = 1;
    }
    if (umax + fmax <= 0) fmax = 1;
    s->scale = (s->x1 - s->x0) / (umax + fmax);
    s->centre = s->x0 + umax * s->scale;
}

/* A row without numbers: a dashed outline with the reason in it. */
static void stacked_gap(lua_State *L, int it, rbuf *b, svg_ctx *c, const stacked *s, double by,
                        double bh) {
    const char *why = rd_str(L, it, "reason", NULL);
    if (!why) why = rd_bool(L, it, "suppressed") ? rd_label(L, c->doc, "suppressed")
                                                 : rd_label(L, c->doc, "no_data");
    rb_addf(b, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"none\" "
               "stroke=\"%s\" stroke-dasharray=\"4 3\"/>",
            s->x0, by, s->x1 - s->x0, bh, ink(L, c, "empty"));
    rb_addf(b, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" font-style=\"italic\" "
               "fill=\"%s\">", (s->x0 + s->x1) / 2, by + 14, ink(L, c, "muted"));
    rd_html_escs(b, why);
    rb_adds(b, "</text>");
}

/* Width of a segment's number ("43%", "1,200") in a sans-serif at FS: digits are 0.56 em,
 * "%" 0.89 em, separators 0.28 em. */
static double number_w(const char *s) {
    double w = 0;
    for (; *s; s++) w += (*s >= '0' && *s <= '9') ? 0.56 : *s == '%' ? 0.89 : *s == ',' || *s == '.' ? 0.28 : 0.6;
    return w * FS;
}

/* A segment's number drawn below the bar because the segment is too narrow to hold it. */
typedef struct {
    double cx, w, left; /* the segment's centre, the text's width, where the text starts */
    char text[40];
} outside_label;

/* Numbers of narrow segments in a lane below the bar, left to right without overlapping
 * (pushed right, then back left at the chart's edge), each tied to its segment by a tick. */
static void stacked_outside(lua_State *L, rbuf *b, svg_ctx *c, outside_label *o, int n, double by,
                            double bh) {
    for (int i = 0; i < n; i++) {
        o[i].left = o[i].cx - o[i].w / 2;
        if (i > 0 && o[i].left < o[i - 1].left + o[i - 1].w + 8) o[i].left = o[i - 1].left + o[i - 1].w + 8;
    }
    for (int i = n - 1; i >= 0; i--) {
        double limit = i == n - 1 ? W - 4 : o[i + 1].left - 8;
        if (o[i].left + o[i].w > limit) o[i].left = limit - o[i].w;
    }
    for (int i = 0; i < n; i++) {
        double mid = o[i].left + o[i].w / 2;
        rb_addf(b, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\"/>",
                o[i].cx, by + bh, mid, by + bh + 3, ink(L, c, "muted"));
        rb_addf(b, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" fill=\"%s\">%s</text>",
                mid, by + bh + 14, ink(L, c, "ink"), o[i].text);
    }
}

/* The segments of row IT (total TOT), each with a tooltip and its number: inside the segment
 * when it fits with a margin, else below the bar. Returns the height the numbers below take. */
static double stacked_segments(lua_State *L, int it, rbuf *b, svg_ctx *c, const stacked *s,
                               const char *label, size_t ln, double tot, double by, double bh) {
    double un = 0;
    for (int l = 1; l < s->fav_from && l <= s->nlev; l++) {
        rd_push_item(L, it, "counts", l);
        un += l == s->neutral ? lua_tonumber(L, -1) / 2 : lua_tonumber(L, -1);
        lua_pop(L, 1);
    }
    outside_label out[12];
    int nout = 0;
    double x = s->likert ? s->centre - un / tot * s->scale : s->x0;
    for (int l = 1; l <= s->nlev; l++) {
        rd_push_item(L, it, "counts", (lua_Integer)l);
        double v = lua_tonumber(L, -1);
        lua_pop(L, 1);
        double sw = v / tot * s->scale;
        if (v > 0) {
            char pct[32], cnt[32];
            num_format(pct, sizeof pct, v / tot * 100, 0, 0);
            num_format(cnt, sizeof cnt, v, 0, 1);
            rb_addf(b, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\">"
                       "<title>", x, by, sw, bh, s->colours[l - 1]);
            rd_html_esc(b, label, ln);
            rb_adds(b, ", ");
            rd_html_esc(b, s->names[l - 1], s->lens[l - 1]);
            rb_addf(b, ": %s (%s%%)</title></rect>", cnt, pct);
            char shown[40];
            snprintf(shown, sizeof shown, "%s%s", s->likert ? pct : cnt, s->likert ? "%" : "");
            double tw = number_w(shown);
            if (sw >= tw + 6) {
                rb_addf(b, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" fill=\"%s\">%s"
                           "</text>", x + sw / 2, by + 14, ink_on(s->colours[l - 1]), shown);
            } else {
                out[nout].cx = x + sw / 2;
                out[nout].w = tw;
                memcpy(out[nout].text, shown, sizeof shown);
                nout++;
            }
        }
        x += sw;
    }
    if (nout == 0) return 0;
    stacked_outside(L, b, c, out, nout, by, bh);
    return 16;
}

/* Row IT at Y: its label, its bar (or gap) and its n; returns the row's height. */
static double stacked_row(lua_State *L, int it, rbuf *b, svg_ctx *c, const stacked *s, double y) {
    size_t ln;
    const char *label = item_label(L, it, &ln);
    /* a long label wraps: the row grows to hold it, the bar stays centred on it */
    int lines = wrap_count(label, ln, s->lchars, MAX_LINES);
    double rh = lines > 1 ? lines * LINE_H + 8 : 28, bh = 20, by = y + (rh - bh) / 2;
    text_block(b, s->lw + 4, y + rh / 2 + 4 - (lines - 1) * 7.5, "end", label, ln, s->lchars,
               MAX_LINES, NULL);
    double tot = 0;
    size_t nc = rd_len(L, it, "counts");
    for (size_t l = 1; l <= nc; l++) {
        rd_push_item(L, it, "counts", (lua_Integer)l);
        tot += lua_tonumber(L, -1);
        lua_pop(L, 1);
    }
    if (rd_bool(L, it, "suppressed") || tot <= 0) {
        /* a labelled gap: the row is there, its numbers are not */
        stacked_gap(L, it, b, c, s, by, bh);
        return rh;
    }
    double below = stacked_segments(L, it, b, c, s, label, ln, tot, by, bh);
    if (by + bh + below > y + rh) rh = by + bh + below - y;
    /* n at the right */
    char nt[48];
    double nval = rd_num(L, it, "n", tot, NULL);
    num_format(nt, sizeof nt, nval, 0, 1);
    rb_addf(b, "<text x=\"%.1f\" y=\"%.1f\" fill=\"%s\">", s->x1 + 6, by + 14, ink(L, c, "muted"));
    rd_html_escs(b, rd_label(L, c->doc, "n"));
    rb_addf(b, " = %s</text>", nt);
    return rh;
}

static double chart_stacked(lua_State *L, int chart, rbuf *b, svg_ctx *c, int likert) {
    stacked s;
    memset(&s, 0, sizeof s);
    s.likert = likert;
    stacked_levels(L, chart, c, &s);
    s.lw = label_col(L, chart, "data");
    s.lchars = (size_t)(s.lw / CHAR_W);
    s.x0 = s.lw + 12;
    s.x1 = W - 64;
    double y = 6;
    y += legend(b, s.x0, y, s.x1 - s.x0 + 56, s.names, s.lens, s.colours, s.nlev);
    stacked_scale(L, chart, &s);
    double top = y;
    size_t rows = rd_len(L, chart, "data");
    for (size_t i = 1; i <= rows; i++) {
        rd_push_item(L, chart, "data", (lua_Integer)i);
        y += stacked_row(L, lua_gettop(L), b, c, &s, y);
        lua_pop(L, 1);
    }
    if (likert)
        rb_addf(b, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" "
                   "stroke-width=\"1.5\"/>", s.centre, top - 2, s.centre, y + 2, ink(L, c, "ink"));
    return y + 8;
}

/* ---- progress -------------------------------------------------------------------------------- */

/* One benchmark of a progress chart: its numbers, checked, and as text. */
typedef struct {
    double actual, target, base;
    int has_b, down, met;
    char at[96], tt[96], bt[96]; /* actual, target, baseline with their unit */
} benchmark;

static void progress_read(lua_State *L, int chart, int it, lua_Integer i, const rd_col *col0,
                          benchmark *m) {
    int has_a, has_t;
    m->actual = rd_num(L, it, "actual", 0, &has_a);
    m->target = rd_num(L, it, "target", 0, &has_t);
    m->base = rd_num(L, it, "baseline", 0, &m->has_b);
    if (!has_a) data_error(L, chart, i, "expected a number in 'actual'");
    if (!isfinite(m->actual) || !isfinite(m->target) || !isfinite(m->base))
        data_error(L, chart, i, "'actual', 'target' and 'baseline' must be finite");
    if (!has_t) data_error(L, chart, i, "expected a number in 'target'");
    const char *dir = rd_str(L, it, "direction", NULL);
    m->down = dir && strcmp(dir, "down") == 0;
    if (dir && !m->down && strcmp(dir, "up") != 0)
        data_error(L, chart, i, "'direction' must be \"up\" or \"down\"");
    const char *unit = rd_str(L, it, "unit", NULL);
    if (!unit) unit = rd_str(L, chart, "unit", NULL);
    /* decimals: whole numbers show none unless the chart says otherwise */
    rd_col col = *col0;
    if (!rd_str(L, chart, "format", NULL) && m->actual == floor(m->actual) &&
        m->target == floor(m->target) && (!m->has_b || m->base == floor(m->base)))
        col.format = RD_FMT_INTEGER, col.decimals = 0;
    value_text(m->at, sizeof m->at, m->actual, &col, unit);
    value_text(m->tt, sizeof m->tt, m->target, &col, unit);
    value_text(m->bt, sizeof m->bt, m->base, &col, unit);
    m->met = m->down ? m->actual <= m->target : m->actual >= m->target;
}

/* The track, the actual bar, the baseline and target marks, at Y. */
static void progress_bar(lua_State *L, rbuf *b, svg_ctx *c, const benchmark *m, double y) {
    double lo = 0, hi = fmax(fmax(m->actual, m->target), m->has_b ? m->base : 0);
    double mn = fmin(fmin(m->actual, m->target), m->has_b ? m->base : 0);
    if (mn < 0) lo = mn;
    hi = lo + (hi - lo) * 1.1;
    if (hi <= lo) hi = lo + 1;
    double x0 = 4, x1 = W - 8, bh = 18;
#define PX(v) (x0 + ((v) - lo) / (hi - lo) * (x1 - x0))
    rb_addf(b, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"/>", x0,
            y, x1 - x0, bh, ink(L, c, "track"));
    const char *fill = ink(L, c, m->met ? "met" : "not_met");
    rb_addf(b, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\">"
               "<title>", x0, y, PX(m->actual) - x0, bh, fill);
    rd_html_escs(b, rd_label(L, c->doc, "actual"));
    rb_adds(b, " ");
    rd_html_escs(b, m->at);
    rb_adds(b, "</title></rect>");
    if (m->has_b) {
        rb_addf(b, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" "
                   "stroke-width=\"2\" stroke-dasharray=\"3 2\"><title>",
                PX(m->base), y - 4, PX(m->base), y + bh + 4, ink(L, c, "ink"));
        rd_html_escs(b, rd_label(L, c->doc, "baseline"));
        rb_adds(b, " ");
        rd_html_escs(b, m->bt);
        rb_adds(b, "</title></line>");
    }
    rb_addf(b, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" "
               "stroke-width=\"3\"><title>", PX(m->target), y - 6, PX(m->target), y + bh + 6,
            ink(L, c, "ink"));
    rd_html_escs(b, rd_label(L, c->doc, "target"));
    rb_adds(b, " ");
    rd_html_escs(b, m->tt);
    rb_adds(b, "</title></line>");
#undef PX
}

/* The numbers as a sentence-like line at baseline Y: nothing depends on reading the marks. */
static void progress_caption(lua_State *L, rbuf *b, svg_ctx *c, const benchmark *m, double y) {
    rb_addf(b, "<text x=\"4\" y=\"%.1f\">", y);
    rb_addf(b, "<tspan font-weight=\"bold\" fill=\"%s\">", ink(L, c, m->met ? "met_text" : "not_met_text"));
    rd_html_escs(b, rd_label(L, c->doc, "actual"));
    rb_adds(b, " ");
    rd_html_escs(b, m->at);
    rb_adds(b, "</tspan> \xC2\xB7 ");
    rd_html_escs(b, rd_label(L, c->doc, "target"));
    rb_adds(b, " ");
    rd_html_escs(b, m->tt);
    if (m->has_b) {
        rb_adds(b, " \xC2\xB7 ");
        rd_html_escs(b, rd_label(L, c->doc, "baseline"));
        rb_adds(b, " ");
        rd_html_escs(b, m->bt);
    }
    rb_adds(b, " \xC2\xB7 ");
    rd_html_escs(b, m->down ? rd_label(L, c->doc, "lower_better")
                            : rd_label(L, c->doc, "higher_better"));
    rb_adds(b, " \xC2\xB7 ");
    rd_html_escs(b, m->met ? rd_label(L, c->doc, "met") : rd_label(L, c->doc, "not_met"));
    rb_adds(b, "</text>");
}

static double chart_progress(lua_State *L, int chart, rbuf *b, svg_ctx *c) {
    size_t rows = rd_len(L, chart, "data");
    double y = 6;
    rd_col col0 = chart_col(L, chart, 0);
    for (size_t i = 1; i <= rows; i++) {
        rd_push_item(L, chart, "data", (lua_Integer)i);
        int it = lua_gettop(L);
        if (lua_type(L, it) != LUA_TTABLE) data_error(L, chart, (lua_Integer)i, "expected a table");
        benchmark m;
        progress_read(L, chart, it, (lua_Integer)i, &col0, &m);
        size_t ln;
        const char *label = item_label(L, it, &ln);
        rb_adds(b, "<g>");
        int lines = text_block(b, 4, y + 12, "start", label, ln, (size_t)((W - 8) / CHAR_W),
                               MAX_LINES, "font-weight=\"bold\"");
        y += 20 + (lines - 1) * LINE_H;
        progress_bar(L, b, c, &m, y);
        y += 18 + 20;
        progress_caption(L, b, c, &m, y - 2);
        rb_adds(b, "</g>");
        y += 14;
        lua_pop(L, 1);
    }
    return y + 4;
}

/* ---- timeline -------------------------------------------------------------------------------- */

/* A timeline's extent and layout: the dates it covers, the statuses it names (legend order),
 * the month axis and the drawing area, shared by the steps below. */
typedef struct {
    long dmin, dmax;       /* first and last day of any item */
    int any;               /* there is at least one item */
    const char *snames[12];
    const char *scol[12];
    size_t slen[12];
    int nstat;
    long asof, start, end; /* as-of day; axis from START to END (first days of months) */
    int has_asof, show_asof;
    int y0, m0, months;    /* the axis's first month and how many months it spans */
    double lw, x0, x1;     /* label column width, plotting area */
    size_t lchars;
    double top, rowsy, bottom;
} timeline;

/* Lines of a timeline row's label, and the row's height (24, more for a wrapped label). */
static int timeline_label_lines(lua_State *L, int it, const timeline *t, double *rh) {
    size_t ln;
    const char *label = item_label(L, it, &ln);
    int lines = wrap_count(label, ln, t->lchars, MAX_LINES);
    *rh = lines > 1 ? lines * LINE_H + 9 : 24;
    return lines;
}

/* Pass 1: checks every item's dates and collects the date range and statuses. */
static void timeline_extent(lua_State *L, int chart, timeline *t) {
    size_t rows = rd_len(L, chart, "data");
    for (size_t i = 1; i <= rows; i++) {
        rd_push_item(L, chart, "data", (lua_Integer)i);
        int it = lua_gettop(L);
        if (lua_type(L, it) != LUA_TTABLE) data_error(L, chart, (lua_Integer)i, "expected a table");
        long d, e;
        const char *ds = rd_str(L, it, "date", NULL);
        if (!svg_parse_date(ds, &d)) {
            char msg[96];
            snprintf(msg, sizeof msg, "'date' %s%.20s%s is not a date (expected YYYY-MM-DD)",
                     ds ? "'" : "", ds ? ds : "is missing and", ds ? "'" : "");
            data_error(L, chart, (lua_Integer)i, msg);
        }
        const char *es = rd_str(L, it, "end_date", NULL);
        e = d;
        if (es && !svg_parse_date(es, &e))
            data_error(L, chart, (lua_Integer)i, "'end_date' is not a date (expected YYYY-MM-DD)");
        if (e < d) data_error(L, chart, (lua_Integer)i, "'end_date' is before 'date'");
        if (!t->any || d < t->dmin) t->dmin = d;
        if (!t->any || e > t->dmax) t->dmax = e;
        t->any = 1;
        const char *st = rd_str(L, it, "status", NULL);
        if (st) {
            int seen = 0;
            for (int k = 0; k < t->nstat; k++)
                if (strcmp(t->snames[k], st) == 0) seen = 1;
            if (!seen && t->nstat < 12) t->snames[t->nstat++] = st;
        }
        lua_pop(L, 1);
    }
}

/* The axis: from the first of dmin's month to the first of the month after dmax, widened to
 * hold the as-of date when it is within a month of the items. Returns 0 when there is
 * nothing to draw. */
static int timeline_axis_range(timeline *t, const svg_ctx *c) {
    t->has_asof = c->as_of && svg_parse_date(c->as_of, &t->asof);
    if (!t->any) {
        if (!t->has_asof) return 0;
        t->dmin = t->dmax = t->asof;
    }
    if (t->has_asof && t->asof >= t->dmin - 31 && t->asof <= t->dmax + 31) {
        if (t->asof < t->dmin) t->dmin = t->asof;
        if (t->asof > t->dmax) t->dmax = t->asof;
    }
    int d0, y1, m1, d1;
    civil(t->dmin, &t->y0, &t->m0, &d0);
    civil(t->dmax, &y1, &m1, &d1);
    t->start = ymd_days(t->y0, t->m0, 1);
    int ey = m1 == 12 ? y1 + 1 : y1, em = m1 == 12 ? 1 : m1 + 1;
    t->end = ymd_days(ey, em, 1);
    t->months = (ey - t->y0) * 12 + (em - t->m0);
    return 1;
}

/* x of day DD */
static double timeline_x(const timeline *t, long dd) {
    return t->x0 + (double)(dd - t->start) / (double)(t->end - t->start) * (t->x1 - t->x0);
}

/* Month grid lines and labels (every STEP months when they would crowd), and the base line. */
static void timeline_months(lua_State *L, rbuf *b, svg_ctx *c, const timeline *t) {
    int step = 1;
    while ((t->x1 - t->x0) / ((double)t->months / step) < 52) step++;
    int yy = t->y0, mm = t->m0;
    for (int k = 0; k <= t->months; k++) {
        double x = timeline_x(t, ymd_days(yy, mm, 1));
        if (k % step != 0 && step > 3) { /* many years: only the labelled months get a line */
            if (++mm > 12) mm = 1, yy++;
            continue;
        }
        rb_addf(b, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\"/>", x, t->top,
                x, t->bottom, ink(L, c, k % step == 0 ? "grid" : "grid_minor"));
        if (k < t->months && k % step == 0) {
            char key[8];
            snprintf(key, sizeof key, "m%d", mm);
            const char *mname = rd_label(L, c->doc, key);
            rb_addf(b, "<text x=\"%.1f\" y=\"%.1f\" fill=\"%s\">", x + 3, t->bottom + 14, ink(L, c, "muted"));
            rd_html_escs(b, mname);
            if (k == 0 || mm == 1) rb_addf(b, " %d", yy);
            rb_adds(b, "</text>");
        }
        if (++mm > 12) mm = 1, yy++;
    }
    rb_addf(b, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\"/>", t->x0, t->bottom,
            t->x1, t->bottom, ink(L, c, "muted"));
}

/* Item IT in the row starting at ROW_Y: its label, then a bar (a span) or a diamond (a day),
 * with a tooltip. Returns the row's height. */
static double timeline_row(lua_State *L, int it, double row_y, rbuf *b, svg_ctx *c, const timeline *t) {
    size_t ln;
    const char *label = item_label(L, it, &ln);
    const char *ds = rd_str(L, it, "date", NULL), *es = rd_str(L, it, "end_date", NULL);
    const char *st = rd_str(L, it, "status", NULL);
    long d, e;
    svg_parse_date(ds, &d);
    if (!es || !svg_parse_date(es, &e)) e = d;
    int si = 0;
    for (int k = 0; k < t->nstat; k++)
        if (st && strcmp(t->snames[k], st) == 0) si = k;
    const char *fill = st ? t->scol[si] : ink(L, c, "bar");
    double rh;
    int lines = timeline_label_lines(L, it, t, &rh);
    double cy = row_y + rh / 2;
    text_block(b, t->lw + 8, cy + 4 - (lines - 1) * 7.5, "end", label, ln, t->lchars, MAX_LINES, NULL);
    rb_adds(b, "<g>");
    if (e > d) {
        double xa = timeline_x(t, d), xb = timeline_x(t, e + 1);
        rb_addf(b, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"12\" rx=\"3\" "
                   "fill=\"%s\" stroke=\"%s\"/>", xa, cy - 6, xb - xa < 3 ? 3 : xb - xa, fill,
                ink(L, c, "ink"));
    } else {
        double x = timeline_x(t, d) + 0.5 * (t->x1 - t->x0) / (double)(t->end - t->start);
        rb_addf(b, "<path d=\"M%.1f %.1fl6 6l-6 6l-6 -6z\" fill=\"%s\" stroke=\"%s\"/>", x,
                cy - 6, fill, ink(L, c, "ink"));
    }
    rb_adds(b, "<title>");
    rd_html_esc(b, label, ln);
    rb_adds(b, ": ");
    rd_html_escs(b, ds);
    if (es && e > d) {
        rb_adds(b, " \xE2\x80\x93 ");
        rd_html_escs(b, es);
    }
    if (st) {
        rb_adds(b, " (");
        rd_html_escs(b, st);
        rb_adds(b, ")");
    }
    rb_adds(b, "</title></g>");
    return rh;
}

/* The as-of line across the rows, labelled above them. */
static void timeline_asof(lua_State *L, rbuf *b, svg_ctx *c, const timeline *t) {
    double x = timeline_x(t, t->asof) + 0.5 * (t->x1 - t->x0) / (double)(t->end - t->start);
    rb_addf(b, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" "
               "stroke-width=\"1.5\" stroke-dasharray=\"4 3\"/>", x, t->top - 2, x, t->bottom,
            ink(L, c, "highlight"));
    rb_addf(b, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\" fill=\"%s\">", x,
            t->top - 5, x > t->x1 - 80 ? "end" : "middle", ink(L, c, "highlight_text"));
    rd_html_escs(b, rd_label(L, c->doc, "as_of"));
    rb_adds(b, " ");
    rd_html_escs(b, c->as_of);
    rb_adds(b, "</text>");
}

static double chart_timeline(lua_State *L, int chart, rbuf *b, svg_ctx *c) {
    timeline t;
    memset(&t, 0, sizeof t);
    timeline_extent(L, chart, &t);
    if (!timeline_axis_range(&t, c)) return 20;
    size_t rows = rd_len(L, chart, "data");
    t.lw = label_col(L, chart, "data");
    t.lchars = (size_t)(t.lw / CHAR_W);
    t.x0 = t.lw + 16;
    t.x1 = W - 16;
    double y = 6;
    for (int k = 0; k < t.nstat; k++) {
        t.scol[k] = status_colour(L, c, t.snames[k], k);
        t.slen[k] = strlen(t.snames[k]);
    }
    y += legend(b, t.x0, y, t.x1 - t.x0, t.snames, t.slen, t.scol, t.nstat);
    t.show_asof = t.has_asof && t.asof >= t.start && t.asof < t.end;
    t.top = y + (t.show_asof ? 18 : 4);
    t.rowsy = t.top + 6;
    double rows_h = 0;
    for (size_t i = 1; i <= rows; i++) {
        rd_push_item(L, chart, "data", (lua_Integer)i);
        double rh;
        timeline_label_lines(L, lua_gettop(L), &t, &rh);
        rows_h += rh;
        lua_pop(L, 1);
    }
    t.bottom = t.rowsy + rows_h + 4;
    timeline_months(L, b, c, &t);
    double row_y = t.rowsy;
    for (size_t i = 1; i <= rows; i++) {
        rd_push_item(L, chart, "data", (lua_Integer)i);
        row_y += timeline_row(L, lua_gettop(L), row_y, b, c, &t);
        lua_pop(L, 1);
    }
    if (t.show_asof) timeline_asof(L, b, c, &t);
    return t.bottom + 22;
}

/* ---- fishbone -------------------------------------------------------------------------------- */

/* The text of a cause: a string, or a table with text (and rank). */
static const char *cause_text(lua_State *L, int idx, size_t *n, lua_Integer *rank) {
    *rank = 0;
    if (lua_type(L, idx) == LUA_TSTRING) return lua_tolstring(L, idx, n);
    if (lua_type(L, idx) == LUA_TTABLE) {
        *rank = rd_int(L, idx, "rank", 0);
        const char *s = rd_str(L, idx, "text", n);
        if (s) return s;
    }
    *n = 0;
    return NULL;
}

#define CAUSE_CHARS 38 /* causes wrap at this many columns */

/* A cause as drawn: "1. text" when it is ranked (the rank as text as well as by colour). */
static const char *cause_shown(char *buf, size_t size, const char *s, size_t *n, lua_Integer rank) {
    if (rank <= 0) return s;
    snprintf(buf, size, "%lld. %.*s", (long long)rank, (int)(*n > 500 ? 500 : *n), s);
    *n = strlen(buf);
    return buf;
}

/* Lines a cause takes on its bone. */
static int cause_lines(const char *s, size_t n, lua_Integer rank) {
    char buf[600];
    s = cause_shown(buf, sizeof buf, s, &n, rank);
    return wrap_count(s, n, CAUSE_CHARS, MAX_LINES);
}

/* A bone's label: "Transportation (rank 1)". */
static const char *category_label(lua_State *L, int it, svg_ctx *c, char *buf, size_t size,
                                  size_t *n) {
    size_t catl;
    const char *cat = rd_str(L, it, "category", &catl);
    lua_Integer rank = rd_int(L, it, "rank", 0);
    if (rank > 0)
        snprintf(buf, size, "%.*s (%.40s %lld)", (int)(catl > 500 ? 500 : catl), cat,
                 rd_label(L, c->doc, "rank"), (long long)rank);
    else
        snprintf(buf, size, "%.*s", (int)(catl > 500 ? 500 : catl), cat);
    *n = strlen(buf);
    return buf;
}

/* A fishbone's layout: bone columns (two bones, one up and one down, per column), the spine
 * and the head box, shared by the steps below. */
typedef struct {
    size_t n, ncols;       /* bones, columns of bones */
    double textw;          /* widest cause text (capped) */
    size_t most;           /* the most cause lines on one bone (causes wrap at CAUSE_CHARS) */
    int has_focus;         /* some bone is marked focus = true (else rank 1 is highlighted) */
    size_t cat_chars;      /* category label width in characters */
    int up_lines, down_lines; /* the most category label lines above and below the spine */
    double bh, slant, colw;/* bone height (spine to category label), its slant, column width */
    double spine, height, head_x, headw, headh, width;
    size_t fit;            /* cause text width in characters */
    const char *problem;
    size_t pl;
} fishbone;

/* Pass 1: checks every bone and measures the widest cause and the most causes on a bone. */
static void fishbone_measure(lua_State *L, int chart, fishbone *f) {
    f->textw = 10 * CHAR_W;
    f->most = 1;
    for (size_t i = 1; i <= f->n; i++) {
        rd_push_item(L, chart, "data", (lua_Integer)i);
        int it = lua_gettop(L);
        if (lua_type(L, it) != LUA_TTABLE || !rd_str(L, it, "category", NULL))
            data_error(L, chart, (lua_Integer)i, "expected { category = ..., causes = {...} }");
        if (rd_bool(L, it, "focus")) f->has_focus = 1;
        size_t nc = rd_len(L, it, "causes"), lines = 0;
        for (size_t k = 1; k <= nc; k++) {
            rd_push_item(L, it, "causes", (lua_Integer)k);
            size_t cl;
            lua_Integer rank;
            const char *s = cause_text(L, lua_gettop(L), &cl, &rank);
            if (!s) data_error(L, chart, (lua_Integer)i, "each cause must be a string");
            double w = text_w(s, cl) + (rank > 0 ? 4 * CHAR_W : 0);
            if (w > f->textw) f->textw = w;
            lines += (size_t)cause_lines(s, cl, rank);
            lua_pop(L, 1);
        }
        if (lines > f->most) f->most = lines;
        lua_pop(L, 1);
    }
    if (f->textw > CAUSE_CHARS * CHAR_W) f->textw = CAUSE_CHARS * CHAR_W;
}

/* Sizes from the measures: bones tall enough for their causes, columns wide enough for the
 * causes' text, the head after the last column; at least the default width. */
static void fishbone_layout(fishbone *f) {
    f->bh = 16.0 * (double)f->most + 26;
    if (f->bh < 70) f->bh = 70;
    f->slant = f->bh * 0.45;
    f->colw = f->textw + f->slant + 28;
    f->headw = 160;
    line hl[MAX_LINES];
    int cut;
    int hlines = wrap(f->problem, f->pl, 19, MAX_LINES, hl, &cut);
    f->headh = hlines * LINE_H + 16;
    f->spine = 24 + f->bh;
    f->height = 2 * f->bh + 48;
    if (f->headh + 20 > f->height) f->height = f->headh + 20;
    f->head_x = 12 + (double)f->ncols * f->colw + 8;
    f->width = f->head_x + f->headw + 8;
    if (f->width < W) {
        f->head_x += W - f->width;
        f->colw += (W - f->width) / (f->ncols ? (double)f->ncols : 1);
        f->width = W;
    }
    /* causes wrap at a fixed width, which the column was sized for */
    f->fit = CAUSE_CHARS;
    /* category labels wrap within their column (the next bone's label is a column away) */
    f->cat_chars = (size_t)((f->colw - 12) / CHAR_W);
}

/* Category label lines above and below the spine; the chart grows to hold them (and the
 * head box, centred on the spine). */
static void fishbone_label_room(lua_State *L, int chart, svg_ctx *c, fishbone *f) {
    f->up_lines = f->down_lines = 1;
    for (size_t i = 1; i <= f->n; i++) {
        rd_push_item(L, chart, "data", (lua_Integer)i);
        char buf[600];
        size_t n;
        const char *s = category_label(L, lua_gettop(L), c, buf, sizeof buf, &n);
        int k = wrap_count(s, n, f->cat_chars, MAX_LINES);
        int *side = (i % 2) == 1 ? &f->up_lines : &f->down_lines;
        if (k > *side) *side = k;
        lua_pop(L, 1);
    }
    double up_extra = (f->up_lines - 1) * LINE_H, down_extra = (f->down_lines - 1) * LINE_H;
    f->spine += up_extra;
    f->height += up_extra + down_extra;
    if (f->spine < f->headh / 2 + 10) {
        f->height += f->headh / 2 + 10 - f->spine;
        f->spine = f->headh / 2 + 10;
    }
    if (f->height < f->spine + f->headh / 2 + 10) f->height = f->spine + f->headh / 2 + 10;
}

/* The spine and the head box with the problem in it. */
static void fishbone_head(lua_State *L, rbuf *b, svg_ctx *c, const fishbone *f) {
    rb_addf(b, "<line x1=\"12\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" "
               "stroke-width=\"3\"/>", f->spine, f->head_x, f->spine, ink(L, c, "ink"));
    rb_addf(b, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" rx=\"6\" fill=\"%s\"/>",
            f->head_x, f->spine - f->headh / 2, f->headw, f->headh, ink(L, c, "head"));
    char head_attrs[64];
    snprintf(head_attrs, sizeof head_attrs, "fill=\"%s\" font-weight=\"bold\"", ink(L, c, "head_text"));
    text_block(b, f->head_x + f->headw / 2, f->spine - f->headh / 2 + 8 + 11, "middle", f->problem,
               f->pl, 19, MAX_LINES, head_attrs);
}

/* The category label at the tip of bone IT ("Transportation (rank 1)"), wrapped within its
 * column and growing away from the spine, on a highlight when HOT. */
static void fishbone_category(lua_State *L, int it, rbuf *b, svg_ctx *c, const fishbone *f,
                              int hot, int up, double tip_x, double tip_y) {
    char buf[600];
    size_t n;
    const char *s = category_label(L, it, c, buf, sizeof buf, &n);
    line ls[MAX_LINES];
    int cut;
    int k = wrap(s, n, f->cat_chars, MAX_LINES, ls, &cut);
    if (k < 1) k = 1;
    /* the line nearest the bone's tip stays where a one-line label would be */
    double ly = up ? tip_y - 8 - (k - 1) * LINE_H : tip_y + 16;
    if (hot) {
        double lwid = 0;
        for (int i = 0; i < k; i++)
            if (text_w(ls[i].p, ls[i].n) > lwid) lwid = text_w(ls[i].p, ls[i].n);
        lwid += 12;
        rb_addf(b, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.0f\" rx=\"3\" "
                   "fill=\"%s\"/>", tip_x - lwid / 2, ly - 13, lwid, 18 + (k - 1) * LINE_H,
                ink(L, c, "highlight_bg"));
    }
    char attrs[64];
    if (hot)
        snprintf(attrs, sizeof attrs, "font-weight=\"bold\" fill=\"%s\"", ink(L, c, "highlight_text"));
    else
        snprintf(attrs, sizeof attrs, "font-weight=\"bold\"");
    text_block(b, tip_x, ly, "middle", s, n, f->cat_chars, MAX_LINES, attrs);
}

/* The causes of bone IT, nearest the spine first, each on a short rib touching the bone; a
 * long cause wraps onto more lines, and the causes after it move along. */
static void fishbone_causes(lua_State *L, int it, rbuf *b, svg_ctx *c, const fishbone *f, int up,
                            double attach) {
    size_t nc = rd_len(L, it, "causes"), total = 0, before = 0;
    for (size_t k = 1; k <= nc; k++) {
        rd_push_item(L, it, "causes", (lua_Integer)k);
        size_t cl;
        lua_Integer crank;
        const char *s = cause_text(L, lua_gettop(L), &cl, &crank);
        total += (size_t)cause_lines(s, cl, crank);
        lua_pop(L, 1);
    }
    for (size_t k = 1; k <= nc; k++) {
        rd_push_item(L, it, "causes", (lua_Integer)k);
        size_t cl;
        lua_Integer crank;
        const char *s = cause_text(L, lua_gettop(L), &cl, &crank);
        int lines = cause_lines(s, cl, crank);
        /* read top to bottom in the given order on both sides of the spine; a cause's first
         * line is on its rib, the others below it */
        double dist = 16.0 * (double)(up ? total - before : before + 1); /* from the spine */
        double cy = up ? f->spine - dist : f->spine + dist;
        double bx = attach - f->slant * (dist / f->bh);
        /* below the spine the bone slants left as it goes down: clear it at the last line */
        double tx = up ? bx : attach - f->slant * ((dist + 16.0 * (lines - 1)) / f->bh);
        rb_addf(b, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\"/>",
                bx - 14, cy, bx, cy, ink(L, c, "empty"));
        char attrs[64] = "";
        if (crank == 1)
            snprintf(attrs, sizeof attrs, "font-weight=\"bold\" fill=\"%s\"", ink(L, c, "highlight_text"));
        char buf[600];
        s = cause_shown(buf, sizeof buf, s, &cl, crank);
        text_block(b, tx - 16, cy + 4, "end", s, cl, f->fit, MAX_LINES, attrs);
        before += (size_t)lines;
        lua_pop(L, 1);
    }
}

/* Bone I (odd bones above the spine, even below): the bone, its category, its causes. */
static void fishbone_bone(lua_State *L, int it, size_t i, rbuf *b, svg_ctx *c, const fishbone *f) {
    size_t col = (i - 1) / 2;
    int up = (i % 2) == 1;
    /* the focus bone (the Pareto focus) is highlighted; without one, the bone ranked first */
    int hot = f->has_focus ? rd_bool(L, it, "focus") : rd_int(L, it, "rank", 0) == 1;
    double attach = 12 + (double)(col + 1) * f->colw; /* where the bone meets the spine */
    double tip_x = attach - f->slant, tip_y = up ? f->spine - f->bh : f->spine + f->bh;
    rb_adds(b, "<g>");
    rb_addf(b, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" "
               "stroke-width=\"%s\"/>", attach, f->spine, tip_x, tip_y,
            hot ? ink(L, c, "highlight") : ink(L, c, "muted"), hot ? "3" : "2");
    fishbone_category(L, it, b, c, f, hot, up, tip_x, tip_y);
    fishbone_causes(L, it, b, c, f, up, attach);
    rb_adds(b, "</g>");
}

static double chart_fishbone(lua_State *L, int chart, rbuf *b, svg_ctx *c, double *width) {
    fishbone f;
    memset(&f, 0, sizeof f);
    f.n = rd_len(L, chart, "data");
    f.problem = rd_str(L, chart, "problem", &f.pl);
    if (!f.problem) data_error(L, chart, 0, "'problem' is missing");
    f.ncols = (f.n + 1) / 2;
    fishbone_measure(L, chart, &f);
    fishbone_layout(&f);
    fishbone_label_room(L, chart, c, &f);
    *width = f.width;
    fishbone_head(L, b, c, &f);
    for (size_t i = 1; i <= f.n; i++) {
        rd_push_item(L, chart, "data", (lua_Integer)i);
        fishbone_bone(L, lua_gettop(L), i, b, c, &f);
        lua_pop(L, 1);
    }
    return f.height;
}

/* ---- logic model ----------------------------------------------------------------------------- */

static const char *item_text(lua_State *L, int idx, size_t *n) {
    if (lua_type(L, idx) == LUA_TSTRING) return lua_tolstring(L, idx, n);
    if (lua_type(L, idx) == LUA_TTABLE) {
        const char *s = rd_str(L, idx, "text", n);
        if (!s) s = rd_str(L, idx, "label", n);
        if (s) return s;
        if (lua_rawgeti(L, idx, 1) == LUA_TSTRING) s = lua_tolstring(L, -1, n);
        lua_pop(L, 1);
        if (s) return s;
    }
    *n = 0;
    return NULL;
}

/* Headers are bold, often capitals ("INPUTS/RESOURCES"): measured per character (widths of a
 * bold sans-serif, in em) rather than by the average glyph, so that their boxes hold them. */
static double bold_w(const char *s, size_t n) {
    double w = 0;
    for (size_t i = 0; i < n;) {
        unsigned cp;
        size_t k = rd_utf8_next(s + i, n - i, &cp);
        double e;
        if (cp == ' ') e = 0.28;
        else if (cp >= 'A' && cp <= 'Z') e = cp == 'M' || cp == 'W' ? 0.95 : cp == 'I' ? 0.30 : 0.78;
        else if (cp >= 'a' && cp <= 'z')
            e = cp == 'm' || cp == 'w' ? 0.89 : cp == 'i' || cp == 'j' || cp == 'l' ? 0.28
              : cp == 'f' || cp == 't' || cp == 'r' ? 0.40 : 0.62;
        else if (cp >= '0' && cp <= '9') e = 0.56;
        else if (cp < 0x80) e = 0.40;
        else e = (double)rd_width(s + i, k) * 0.65;
        w += e * FS;
        i += k;
    }
    return w;
}

/* The widest piece of header S that cannot be broken (breaks: spaces, after "/" or "-"). */
static double widest_piece(const char *s, size_t n) {
    double best = 0;
    size_t st = 0;
    for (size_t i = 0; i <= n; i++) {
        int brk_before = i == n || s[i] == ' ' || s[i] == '\n';
        int brk_after = i < n && (s[i] == '/' || s[i] == '-');
        if (brk_before || brk_after) {
            size_t e = brk_after ? i + 1 : i;
            double w = bold_w(s + st, e - st);
            if (w > best) best = w;
            st = e + (brk_before ? 1 : 0);
            if (brk_after) i = e - 1;
        }
    }
    return best;
}

/* Split header S into at most MAXL lines of at most MAXW (bold_w) breaking at spaces and
 * after "/" or "-"; the last line ends with an ellipsis when text remains (*CUT set). */
static int head_wrap(const char *s, size_t n, double maxw, int maxl, line *out, int *cut) {
    int k = 0;
    size_t pos = 0;
    double ell = bold_w("\xE2\x80\xA6", 3);
    *cut = 0;
    while (pos < n && k < maxl) {
        while (pos < n && (s[pos] == ' ' || s[pos] == '\n')) pos++;
        if (pos >= n) break;
        size_t i = pos, brk = 0, fit = pos;
        double w = 0;
        while (i < n && s[i] != '\n') {
            unsigned cp;
            size_t nx = i + rd_utf8_next(s + i, n - i, &cp);
            double cw = bold_w(s + i, nx - i);
            if (w + cw > maxw && i > pos) break;
            w += cw;
            if (cp == ' ') brk = i;
            i = nx;
            fit = i;
            if ((cp == '/' || cp == '-') && i < n && s[i] != ' ') brk = i;
        }
        size_t end = (fit >= n || s[fit] == '\n' || s[fit] == ' ' || brk <= pos) ? fit : brk;
        size_t after = end;
        while (after < n && (s[after] == ' ' || s[after] == '\n')) after++;
        size_t e = end;
        while (e > pos && s[e - 1] == ' ') e--;
        out[k].p = s + pos;
        out[k].ellipsis = 0;
        if (k == maxl - 1 && after < n) {
            while (e > pos && bold_w(s + pos, e - pos) + ell > maxw) {
                e--;
                while (e > pos && ((unsigned char)s[e] & 0xC0) == 0x80) e--;
            }
            while (e > pos && s[e - 1] == ' ') e--;
            out[k].ellipsis = 1;
            *cut = 1;
        }
        out[k].n = e - pos;
        k++;
        pos = after;
    }
    return k ? k : 1;
}

/* A logic model's layout: equal columns joined by arrows, header boxes of one height. */
typedef struct {
    size_t m;              /* columns */
    double gap, colw, headw;
    size_t chars;          /* item text width in characters */
    int head_lines;        /* lines of the tallest header */
    double top, tallest;   /* where columns start; the tallest column's height */
} logic_model;

/* Column width: the default share of the chart, at least 120, and at least as wide as every
 * header's longest unbreakable piece (up to 220); the header lines of the tallest header. */
static void logic_columns(lua_State *L, int chart, logic_model *g) {
    g->gap = 30;
    g->colw = (W - 8 - g->gap * (double)(g->m - 1)) / (double)g->m;
    if (g->colw < 120) g->colw = 120;
    for (size_t j = 1; j <= g->m; j++) {
        rd_push_item(L, chart, "columns", (lua_Integer)j);
        size_t hl;
        const char *h = rd_str(L, -1, "label", &hl);
        double need = h ? widest_piece(h, hl) + 16 : 0;
        if (need > g->colw) g->colw = need > 220 ? 220 : need;
        lua_pop(L, 1);
    }
    g->chars = (size_t)((g->colw - 14) / CHAR_W);
    g->headw = g->colw - 16;
    line hls[4];
    int hcut;
    g->head_lines = 1;
    /* every header box gets the height of the tallest, so that the items line up */
    for (size_t j = 1; j <= g->m; j++) {
        rd_push_item(L, chart, "columns", (lua_Integer)j);
        size_t hl;
        const char *h = rd_str(L, -1, "label", &hl);
        int hn = h ? head_wrap(h, hl, g->headw, 4, hls, &hcut) : 1;
        if (hn > g->head_lines) g->head_lines = hn;
        lua_pop(L, 1);
    }
}

/* Checks every column and finds the tallest (header and items), where the arrows point. */
static void logic_heights(lua_State *L, int chart, logic_model *g) {
    g->tallest = 0;
    for (size_t j = 1; j <= g->m; j++) {
        rd_push_item(L, chart, "columns", (lua_Integer)j);
        int cj = lua_gettop(L);
        if (lua_type(L, cj) != LUA_TTABLE)
            data_error(L, chart, (lua_Integer)j, "expected { label = ..., items = {...} }");
        size_t hl;
        const char *h = rd_str(L, cj, "label", &hl);
        if (!h) data_error(L, chart, (lua_Integer)j, "column 'label' is missing");
        double hgt = g->head_lines * LINE_H + 14 + 8;
        size_t ni = rd_len(L, cj, "items");
        for (size_t k = 1; k <= ni; k++) {
            rd_push_item(L, cj, "items", (lua_Integer)k);
            size_t tl;
            const char *s = item_text(L, lua_gettop(L), &tl);
            if (!s) data_error(L, chart, (lua_Integer)j, "column items must be strings");
            hgt += wrap_count(s, tl, g->chars, MAX_LINES) * LINE_H + 12 + 8;
            lua_pop(L, 1);
        }
        if (hgt > g->tallest) g->tallest = hgt;
        lua_pop(L, 1);
    }
}

/* The header box of column CJ at X, Y; returns its height. */
static double logic_header(lua_State *L, int cj, rbuf *b, svg_ctx *c, const logic_model *g,
                           double x, double y) {
    size_t hl;
    const char *h = rd_str(L, cj, "label", &hl);
    line hls[4];
    int hcut;
    int hn = head_wrap(h, hl, g->headw, 4, hls, &hcut);
    double hh = g->head_lines * LINE_H + 14;
    rb_addf(b, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" rx=\"4\" "
               "fill=\"%s\"/>", x, y, g->colw, hh, ink(L, c, "head"));
    rb_addf(b, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" fill=\"%s\" "
               "font-weight=\"bold\">", x + g->colw / 2, y + 7 + 11 + (g->head_lines - hn) * LINE_H / 2,
            ink(L, c, "head_text"));
    if (hcut) {
        rb_adds(b, "<title>");
        rd_html_esc(b, h, hl);
        rb_adds(b, "</title>");
    }
    for (int i = 0; i < hn; i++) {
        if (hn > 1) rb_addf(b, "<tspan x=\"%.1f\" dy=\"%s\">", x + g->colw / 2, i ? "1.25em" : "0");
        rd_html_esc(b, hls[i].p, hls[i].n);
        if (hls[i].ellipsis) rb_adds(b, "\xE2\x80\xA6");
        if (hn > 1) rb_adds(b, "</tspan>");
    }
    rb_adds(b, "</text>");
    return hh;
}

/* Column J (at index CJ): its header, then its items in boxes, top to bottom. */
static void logic_column(lua_State *L, int cj, size_t j, rbuf *b, svg_ctx *c, const logic_model *g) {
    double x = 4 + (double)(j - 1) * (g->colw + g->gap), y = g->top;
    rb_adds(b, "<g>");
    y += logic_header(L, cj, b, c, g, x, y) + 8;
    size_t ni = rd_len(L, cj, "items");
    for (size_t k = 1; k <= ni; k++) {
        rd_push_item(L, cj, "items", (lua_Integer)k);
        size_t tl;
        const char *s = item_text(L, lua_gettop(L), &tl);
        int tn = wrap_count(s, tl, g->chars, MAX_LINES);
        double ih = tn * LINE_H + 12;
        rb_addf(b, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" rx=\"4\" "
                   "fill=\"%s\" stroke=\"%s\"/>", x, y, g->colw, ih, ink(L, c, "item_bg"),
                ink(L, c, "item_border"));
        text_block(b, x + 7, y + 6 + 11, "start", s, tl, g->chars, MAX_LINES, NULL);
        y += ih + 8;
        lua_pop(L, 1);
    }
    rb_adds(b, "</g>");
}

/* The arrow from column J to the next, at mid-height of the tallest column. */
static void logic_arrow(lua_State *L, size_t j, rbuf *b, svg_ctx *c, const logic_model *g) {
    double x = 4 + (double)(j - 1) * (g->colw + g->gap);
    double ax0 = x + g->colw + 4, ax1 = x + g->colw + g->gap - 4, ay = g->top + g->tallest / 2;
    rb_addf(b, "<path d=\"M%.1f %.1fH%.1f\" stroke=\"%s\" stroke-width=\"2\"/>"
               "<path d=\"M%.1f %.1fl-8 -5v10z\" fill=\"%s\"/>",
            ax0, ay, ax1 - 6, ink(L, c, "ink"), ax1, ay, ink(L, c, "ink"));
}

static double chart_logic(lua_State *L, int chart, rbuf *b, svg_ctx *c, double *width) {
    logic_model g;
    memset(&g, 0, sizeof g);
    g.m = rd_len(L, chart, "columns");
    if (g.m == 0) data_error(L, chart, 0, "'columns' is missing or empty");
    logic_columns(L, chart, &g);
    *width = 8 + (double)g.m * g.colw + g.gap * (double)(g.m - 1);
    logic_heights(L, chart, &g);
    g.top = 6;
    for (size_t j = 1; j <= g.m; j++) {
        rd_push_item(L, chart, "columns", (lua_Integer)j);
        logic_column(L, lua_gettop(L), j, b, c, &g);
        if (j < g.m) logic_arrow(L, j, b, c, &g);
        lua_pop(L, 1);
    }
    return g.top + g.tallest + 4;
}

/* ---- organisation chart ---------------------------------------------------------------------- */

/* Boxes in rows, top-down; the builder (report.lua chart.org_chart) has placed each one: its
 * row (from the top; depth, its level in the tree, when absent) and slot (column, fractional when
 * centred over its boxes or indented), and its parent's index. Here: every box of a row is as
 * tall as the row's tallest text, lines run from a box's bottom down to a bus half-way to the
 * next row and across to each box under it. A stacked box (stacked = true: the chart was too
 * wide to read on a phone, so its parent's boxes are in an indented column below it) is joined
 * by a line down its parent's indent and across to its left side. A dashed box (dashed = true)
 * is one that is not there yet (planned). */
#define ORG_BOXW 150.0
#define ORG_GAPX 16.0
#define ORG_GAPY 28.0
#define ORG_LABEL_LINES 6
#define ORG_NOTE_LINES 2

static size_t org_chars(void) { return (size_t)((ORG_BOXW - 14) / CHAR_W); }

/* Lines the box at index IT takes: its label, then its note. */
static int org_lines(lua_State *L, int it, int *label_lines) {
    size_t ll, nl;
    const char *label = rd_str(L, it, "label", &ll);
    const char *note = rd_str(L, it, "note", &nl);
    int a = label ? wrap_count(label, ll, org_chars(), ORG_LABEL_LINES) : 1;
    int n = note ? wrap_count(note, nl, org_chars(), ORG_NOTE_LINES) : 0;
    if (label_lines) *label_lines = a;
    return a + n;
}

static double org_x(double slot) { return 4 + slot * (ORG_BOXW + ORG_GAPX); }

/* The row of the box at index IT: its row, or its depth when the builder gave no row. */
static lua_Integer org_row(lua_State *L, int it) { return rd_int(L, it, "row", rd_int(L, it, "depth", -1)); }

static double chart_org(lua_State *L, int chart, rbuf *b, svg_ctx *c, double *width) {
    size_t n = rd_len(L, chart, "data");
    if (n == 0) data_error(L, chart, 0, "'data' is missing or empty");
    lua_Integer depths = rd_int(L, chart, "depths", 1);
    double slots = rd_num(L, chart, "slots", 1, NULL);
    if (depths < 1 || depths > 4096) data_error(L, chart, 0, "'depths' (the rows) must be 1 to 4096");
    if (slots < 1) slots = 1;
    double *rowh = lua_newuserdatauv(L, sizeof *rowh * 2 * (size_t)depths, 0);
    double *rowy = rowh + depths;
    for (lua_Integer d = 0; d < depths; d++) rowh[d] = 0;
    for (size_t i = 1; i <= n; i++) {
        rd_push_item(L, chart, "data", (lua_Integer)i);
        int it = lua_gettop(L);
        if (lua_type(L, it) != LUA_TTABLE || !rd_str(L, it, "label", NULL))
            data_error(L, chart, (lua_Integer)i, "expected { label = ..., depth = ..., slot = ... }");
        lua_Integer d = org_row(L, it);
        if (d < 0 || d >= depths) data_error(L, chart, (lua_Integer)i, "'row' is outside the chart's rows");
        double h = org_lines(L, it, NULL) * LINE_H + 12;
        if (h > rowh[d]) rowh[d] = h;
        lua_pop(L, 1);
    }
    double y = 4;
    for (lua_Integer d = 0; d < depths; d++) {
        rowy[d] = y;
        y += rowh[d] + ORG_GAPY;
    }
    *width = 8 + slots * ORG_BOXW + (slots - 1) * ORG_GAPX;
    const char *line_ink = ink(L, c, "muted");
    /* the lines first, so that the boxes are drawn over their ends */
    for (size_t i = 1; i <= n; i++) {
        rd_push_item(L, chart, "data", (lua_Integer)i);
        int it = lua_gettop(L);
        lua_Integer p = rd_int(L, it, "parent", 0);
        if (p >= 1 && (size_t)p <= n) {
            rd_push_item(L, chart, "data", p);
            int pt = lua_gettop(L);
            lua_Integer pd = org_row(L, pt), d = org_row(L, it);
            if (pd >= 0 && pd < depths && d > pd && d < depths && rd_bool(L, it, "stacked")) {
                /* down the parent's indent, across to the box's left side */
                double pl = org_x(rd_num(L, pt, "slot", 0, NULL)), cl = org_x(rd_num(L, it, "slot", 0, NULL));
                rb_addf(b, "<path d=\"M%.1f %.1fV%.1fH%.1f\" fill=\"none\" stroke=\"%s\" "
                           "stroke-width=\"1.5\"/>", (pl + cl) / 2, rowy[pd] + rowh[pd],
                        rowy[d] + rowh[d] / 2, cl, line_ink);
            } else if (pd >= 0 && pd < depths && d > pd && d < depths) {
                double px = org_x(rd_num(L, pt, "slot", 0, NULL)) + ORG_BOXW / 2;
                double cx = org_x(rd_num(L, it, "slot", 0, NULL)) + ORG_BOXW / 2;
                double bottom = rowy[pd] + rowh[pd], top = rowy[d], bus = top - ORG_GAPY / 2;
                rb_addf(b, "<path d=\"M%.1f %.1fV%.1fH%.1fV%.1f\" fill=\"none\" stroke=\"%s\" "
                           "stroke-width=\"1.5\"/>", px, bottom, bus, cx, top, line_ink);
            }
            lua_pop(L, 1);
        }
        lua_pop(L, 1);
    }
    for (size_t i = 1; i <= n; i++) {
        rd_push_item(L, chart, "data", (lua_Integer)i);
        int it = lua_gettop(L);
        lua_Integer d = org_row(L, it);
        double x = org_x(rd_num(L, it, "slot", 0, NULL)), top = rowy[d];
        int dashed = rd_bool(L, it, "dashed");
        int label_lines;
        int lines = org_lines(L, it, &label_lines);
        rb_adds(b, "<g>");
        if (dashed)
            rb_addf(b, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" rx=\"4\" "
                       "fill=\"none\" stroke=\"%s\" stroke-width=\"1.5\" stroke-dasharray=\"6 4\"/>",
                    x, top, ORG_BOXW, rowh[d], ink(L, c, "ink"));
        else
            rb_addf(b, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" rx=\"4\" "
                       "fill=\"%s\" stroke=\"%s\" stroke-width=\"1.5\"/>",
                    x, top, ORG_BOXW, rowh[d], ink(L, c, "item_bg"), ink(L, c, "item_border"));
        /* the text block is centred in the box's height */
        double ty = top + (rowh[d] - lines * LINE_H) / 2 + 11;
        size_t ll, nl;
        const char *label = rd_str(L, it, "label", &ll);
        const char *note = rd_str(L, it, "note", &nl);
        text_block(b, x + ORG_BOXW / 2, ty, "middle", label, ll, org_chars(), ORG_LABEL_LINES,
                   dashed ? NULL : "font-weight=\"bold\"");
        if (note) {
            char attrs[80];
            snprintf(attrs, sizeof attrs, "font-style=\"italic\" fill=\"%s\"", ink(L, c, "muted"));
            text_block(b, x + ORG_BOXW / 2, ty + label_lines * LINE_H, "middle", note, nl, org_chars(),
                       ORG_NOTE_LINES, attrs);
        }
        rb_adds(b, "</g>");
        lua_pop(L, 1);
    }
    lua_pop(L, 1); /* rowh */
    return y - ORG_GAPY + 4;
}

/* ---- the chart ------------------------------------------------------------------------------ */

void svg_chart(lua_State *L, int chart, rbuf *b, svg_ctx *c, const char *id) {
    chart = lua_absindex(L, chart);
    rd_chart_kind kind = rd_chart(L, chart);
    if (kind == RD_CHART_UNKNOWN) {
        const char *k = rd_str(L, chart, "kind", NULL);
        luaL_error(L, "chart '%s': unknown kind '%s' (expected bar, likert, status, progress, "
                      "timeline, fishbone, logic_model or org_chart)", chart_title(L, chart), k ? k : "nil");
    }
    rbuf *body = rb_new(L); /* drawn first: the height is known only afterwards */
    double width = W, height = 0;
    switch (kind) {
    case RD_CHART_BAR: height = chart_bar(L, chart, body, c); break;
    case RD_CHART_LIKERT: height = chart_stacked(L, chart, body, c, 1); break;
    case RD_CHART_STATUS: height = chart_stacked(L, chart, body, c, 0); break;
    case RD_CHART_PROGRESS: height = chart_progress(L, chart, body, c); break;
    case RD_CHART_TIMELINE: height = chart_timeline(L, chart, body, c); break;
    case RD_CHART_FISHBONE: height = chart_fishbone(L, chart, body, c, &width); break;
    case RD_CHART_LOGIC_MODEL: height = chart_logic(L, chart, body, c, &width); break;
    case RD_CHART_ORG_CHART: height = chart_org(L, chart, body, c, &width); break;
    default: break;
    }
    size_t tl, al;
    const char *title = rd_str(L, chart, "title", &tl);
    const char *alt = rd_str(L, chart, "alt", &al);
    rb_addf(b, "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart-svg\" viewBox=\"0 0 %.0f "
               "%.0f\" width=\"%.0f\" height=\"%.0f\" role=\"img\" aria-labelledby=\"%s-t\"",
            ceil(width), ceil(height), ceil(width), ceil(height), id);
    if (alt) rb_addf(b, " aria-describedby=\"%s-d\"", id);
    /* no minimum width: the chart scales to its box (viewBox, CSS max-width:100%, height:auto)
     * so that nothing is cut off on a phone or a printed page; its data table has the words */
    rb_adds(b, " font-size=\"12\">");
    rb_addf(b, "<title id=\"%s-t\">", id);
    if (title) rd_html_esc(b, title, tl);
    rb_adds(b, "</title>");
    if (alt) {
        rb_addf(b, "<desc id=\"%s-d\">", id);
        rd_html_esc(b, alt, al);
        rb_adds(b, "</desc>");
    }
    rb_add(b, body->data ? body->data : "", body->len);
    rb_adds(b, "</svg>");
    lua_pop(L, 1); /* body */
}
