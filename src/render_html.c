/* render_html.c: render.html(doc [, opts]) -> one self-contained HTML5 page.
 *
 * Inline CSS and inline SVG charts (render_svg.c), no scripts and nothing fetched: the only
 * image allowed is a data: URI (the theme's logo, or a data:image in Markdown). Paragraph text
 * is Markdown through cmark-gfm with raw HTML off; on top of cmark's own safe mode we keep only
 * http(s)/mailto/tel/relative links, drop remote images (they would be network requests; their
 * alt text stays), show raw HTML as literal text, and nest Markdown headings under the
 * section's heading so the page keeps one h1. Everything else is escaped by rd_html_esc.
 *
 * opts.section_breaks = true starts every top-level section after the first on a new printed
 * page; a table of contents lists the top-level sections when there are three or more
 * (opts.toc = false leaves it out). Words the page itself writes ("District", "Period", "As of", "Data table", ...) come
 * from doc.labels (or doc.theme.labels) so Lua can reword them; colours, font, logo, header and
 * footer from doc.theme (see lua/cairn/theme.lua). */
#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>
#include <lauxlib.h>
#include <stdlib.h>
#include <string.h>

#include "render.h"
#include "render_svg.h"

typedef struct {
    lua_State *L;
    rbuf *b;
    svg_ctx svg;
    int ids;           /* stack index of a table of ids used so far */
    int seq;           /* counter for generated ids */
    int charts;        /* counter for chart ids (chart-1, chart-2, ... in document order) */
    int section_breaks;
    int top_sections;  /* top-level sections seen */
    int secids;        /* stack index: section table -> id given by the table of contents */
    int theme;         /* stack index of doc.theme, or 0 */
} html;

static const char *label(html *h, const char *key) { return rd_label(h->L, 1, key); }

static void esc(html *h, const char *s, size_t n) { rd_html_esc(h->b, s, n); }
static void escs(html *h, const char *s) { rd_html_escs(h->b, s); }
static void put(html *h, const char *s) { rb_adds(h->b, s); }

/* ---- theme ------------------------------------------------------------------------------------ */

/* A CSS colour we can paste into the stylesheet: #rgb, #rrggbb (with optional alpha) or a
 * plain colour name. Anything else is ignored, so a theme cannot break out of the style. */
static int css_colour(const char *s) {
    if (!s) return 0;
    size_t n = strlen(s);
    if (s[0] == '#') {
        if (n != 4 && n != 5 && n != 7 && n != 9) return 0;
        for (size_t i = 1; i < n; i++)
            if (!strchr("0123456789abcdefABCDEF", s[i])) return 0;
        return 1;
    }
    if (n == 0 || n > 30) return 0;
    for (size_t i = 0; i < n; i++)
        if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z'))) return 0;
    return 1;
}

/* A font-family list: letters, digits, spaces, commas, hyphens and quotes only. */
static int css_font(const char *s) {
    if (!s || !*s || strlen(s) > 200) return 0;
    for (const char *p = s; *p; p++)
        if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
              strchr(" ,-'\"_", *p)))
            return 0;
    return 1;
}

/* The logo must be an inline raster or SVG image in base64: nothing is fetched, and an SVG
 * inside <img> cannot run scripts. */
static int data_image(const char *s, int allow_svg) {
    static const char *const types[] = {"png", "jpeg", "gif", "webp", "svg+xml", NULL};
    if (!s || strncmp(s, "data:image/", 11) != 0) return 0;
    const char *p = s + 11;
    int ok = 0;
    for (int i = 0; types[i]; i++) {
        size_t n = strlen(types[i]);
        if (strncmp(p, types[i], n) == 0 && strncmp(p + n, ";base64,", 8) == 0) {
            if (i == 4 && !allow_svg) return 0;
            p += n + 8;
            ok = 1;
            break;
        }
    }
    if (!ok) return 0;
    for (; *p; p++)
        if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
              *p == '+' || *p == '/' || *p == '='))
            return 0;
    return 1;
}

/* Append the UTF-8 character at P (N > 0 bytes left), an invalid sequence as U+FFFD (the
 * fuzz target found theme text written into the page as it was); returns the bytes read. */
static size_t put_char(html *h, const char *p, size_t n) {
    unsigned cp;
    size_t k = rd_utf8_next(p, n, &cp);
    if (cp == 0xFFFD) rb_adds(h->b, "\xEF\xBF\xBD");
    else rb_add(h->b, p, k);
    return k;
}

/* The theme's stylesheet (theme.css), with "<" written as the CSS escape \3C so that no
 * stylesheet can end the <style> element. */
static void stylesheet(html *h, const char *css) {
    size_t n = strlen(css);
    for (size_t i = 0; i < n;) {
        if (css[i] == '<') {
            put(h, "\\3C ");
            i++;
        } else {
            i += put_char(h, css + i, n - i);
        }
    }
}

/* S as a CSS string literal: quotes, backslashes, markup characters and controls become CSS
 * escapes, so nothing can end the string or the <style> element. */
static void css_string(html *h, const char *s) {
    size_t n = strlen(s);
    rb_addc(h->b, '"');
    for (size_t i = 0; i < n;) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x20 || c == 0x7F || strchr("\"\\<>&'()@;{}", c)) {
            rb_addf(h->b, "\\%X ", c);
            i++;
        } else {
            i += put_char(h, s + i, n - i);
        }
    }
    rb_addc(h->b, '"');
}

/* Printed pages carry the header and footer text and "page N / M" in their margins, in the
 * theme's muted colour. */
static void page_margins(html *h, const char *header, const char *footer) {
    char style[64];
    snprintf(style, sizeof style, ";font-size:8pt;color:%s}",
             rd_theme_str(h->L, 1, "colors", "muted", css_colour));
    put(h, "@media print{@page{");
    if (header) {
        put(h, "@top-left{content:");
        css_string(h, header);
        put(h, style);
    }
    if (footer) {
        put(h, "@bottom-left{content:");
        css_string(h, footer);
        put(h, style);
    }
    put(h, "@bottom-right{content:");
    css_string(h, label(h, "page"));
    put(h, " \" \" counter(page) \" / \" counter(pages)");
    put(h, style);
    put(h, "}}\n");
}

static void head(html *h, int doc, int theme) {
    lua_State *L = h->L;
    const char *title = rd_str(L, doc, "title", NULL);
    const char *district = rd_str(L, doc, "district", NULL);
    const char *lang = rd_str(L, doc, "lang", NULL);
    if (!lang) lang = rd_str(L, theme, "lang", NULL);
    /* a BCP 47 tag: letters, digits and hyphens */
    int lang_ok = lang && *lang && strlen(lang) < 36;
    for (const char *p = lang; lang_ok && *p; p++)
        if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
              *p == '-'))
            lang_ok = 0;
    rb_addf(h->b, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n<meta charset=\"utf-8\">\n"
                  "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                  "<meta name=\"generator\" content=\"cairn\">\n"
                  "<meta name=\"referrer\" content=\"no-referrer\">\n<title>",
            lang_ok ? lang : "en");
    escs(h, title ? title : label(h, "report"));
    if (district) {
        put(h, " \xE2\x80\x94 ");
        escs(h, district);
    }
    put(h, "</title>\n<style>\n:root{");
    /* theme colours and font, each checked before it goes into the stylesheet: the
     * document's (or the colour named as its stand-in), else the built-in theme's */
    static const struct {
        const char *key, *alt, *var;
    } vars[] = {{"primary", "accent", "primary"}, {"accent", NULL, "accent"},
                {"text", NULL, "text"},          {"muted", NULL, "muted"},
                {"background", NULL, "bg"},      {"rule", NULL, "rule"},
                {"header_bg", "header", "head"}, {"note", "accent", "note"},
                {"warning", NULL, "warning"}};
    int colours = 0;
    if (theme) {
        lua_getfield(L, theme, "colors");
        if (lua_istable(L, -1)) colours = lua_gettop(L);
        else lua_pop(L, 1);
    }
    for (size_t i = 0; i < sizeof vars / sizeof vars[0]; i++) {
        const char *v = colours ? rd_str(L, colours, vars[i].key, NULL) : NULL;
        if (!css_colour(v) && vars[i].alt && colours) v = rd_str(L, colours, vars[i].alt, NULL);
        if (!css_colour(v)) v = rd_theme_str(L, 0, "colors", vars[i].key, css_colour);
        if (!v) luaL_error(L, "render: the theme has no colour colors.%s", vars[i].key);
        rb_addf(h->b, "--%s:%s;", vars[i].var, v);
    }
    if (colours) lua_pop(L, 1);
    const char *font = rd_theme_str(L, doc, NULL, "font", css_font);
    rb_addf(h->b, "--font:%s}\n", font ? font : "sans-serif");
    const char *css = rd_theme_str(L, doc, NULL, "css", NULL);
    if (css) stylesheet(h, css);
    const char *hdr = theme ? rd_str(L, theme, "header", NULL) : NULL;
    if (!hdr) hdr = district;
    const char *foot = theme ? rd_str(L, theme, "footer", NULL) : NULL;
    if (!foot) foot = title;
    page_margins(h, hdr, foot);
    put(h, "</style>\n</head>\n<body>\n");
}

/* ---- ids -------------------------------------------------------------------------------------- */

/* An id for an element: the given one reduced to [A-Za-z0-9_-] (prefixed so it cannot clash
 * with generated ids), or PREFIX-N; made unique within the page. Written into OUT. */
static void make_id(html *h, const char *given, const char *prefix, char *out, size_t size) {
    size_t o = 0;
    if (given && *given) {
        o = (size_t)snprintf(out, size, "s-");
        for (const char *p = given; *p && o + 1 < size - 8; p++) {
            char ch = *p;
            if ((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') ||
                ch == '_' || ch == '-')
                out[o++] = ch;
            else if (o > 2 && out[o - 1] != '-')
                out[o++] = '-';
        }
        out[o] = '\0';
    }
    if (o <= 2)
        o = (size_t)snprintf(out, size, "%s-%d", prefix,
                             strcmp(prefix, "chart") == 0 ? ++h->charts : ++h->seq);
    /* unique: add -2, -3, ... when taken */
    lua_State *L = h->L;
    char base[128];
    snprintf(base, sizeof base, "%s", out);
    for (int k = 2;; k++) {
        lua_getfield(L, h->ids, out);
        int taken = lua_toboolean(L, -1);
        lua_pop(L, 1);
        if (!taken) break;
        snprintf(out, size, "%.100s-%d", base, k);
    }
    lua_pushboolean(L, 1);
    lua_setfield(L, h->ids, out);
}

/* ---- Markdown --------------------------------------------------------------------------------- */

/* The node after NODE in document order, NODE's children skipped: its next sibling, else the
 * next sibling of its nearest ancestor below ROOT that has one; NULL at the end. */
static cmark_node *md_after(cmark_node *node, cmark_node *root) {
    while (node && node != root) {
        cmark_node *next = cmark_node_next(node);
        if (next) return next;
        node = cmark_node_parent(node);
    }
    return NULL;
}

/* Make the tree under ROOT safe for the page: heading levels shifted by BASE, unsafe link
 * targets emptied, remote images replaced by their alt text, raw HTML shown as typed. A loop,
 * not a recursion: text nested 200,000 block quotes deep ran the C stack out (found by
 * tests/fuzz/fuzz_render.c). */
static void md_clean(cmark_node *root, int base) {
    cmark_node *node = cmark_node_first_child(root);
    while (node) {
        cmark_node_type ty = cmark_node_get_type(node);
        if (ty == CMARK_NODE_HEADING) {
            int lv = cmark_node_get_heading_level(node) + base;
            cmark_node_set_heading_level(node, lv > 6 ? 6 : lv);
        } else if (ty == CMARK_NODE_LINK) {
            const char *url = cmark_node_get_url(node);
            if (url && !rd_safe_url(url, strlen(url))) cmark_node_set_url(node, "");
        } else if (ty == CMARK_NODE_IMAGE && !data_image(cmark_node_get_url(node), 0)) {
            /* a remote image would be fetched: keep its alt text instead (cleaned next) */
            cmark_node *first = cmark_node_first_child(node), *k;
            cmark_node *next = first ? first : md_after(node, root);
            while ((k = cmark_node_first_child(node)) != NULL) {
                cmark_node_unlink(k);
                cmark_node_insert_before(node, k);
            }
            cmark_node_free(node);
            node = next;
            continue;
        } else if (ty == CMARK_NODE_HTML_INLINE || ty == CMARK_NODE_HTML_BLOCK) {
            /* raw HTML is shown as the text that was typed */
            cmark_node *t = cmark_node_new(CMARK_NODE_TEXT);
            cmark_node_set_literal(t, cmark_node_get_literal(node));
            if (ty == CMARK_NODE_HTML_BLOCK) {
                cmark_node *para = cmark_node_new(CMARK_NODE_PARAGRAPH);
                cmark_node_append_child(para, t);
                t = para;
            }
            cmark_node_replace(node, t);
            cmark_node_free(node);
            node = md_after(t, root);
            continue;
        }
        cmark_node *child = cmark_node_first_child(node);
        node = child ? child : md_after(node, root);
    }
}

/* Markdown S rendered into the page; BASE is added to heading levels. */
static void markdown(html *h, const char *s, size_t n, int base) {
    lua_State *L = h->L;
    rd_md *m = rd_md_parse(L, s, n);
    md_clean(m->doc, base);
    /* CMARK_OPT_DEFAULT is cmark's safe mode: no raw HTML, dangerous URLs dropped */
    m->out = cmark_render_html(m->doc, CMARK_OPT_DEFAULT,
                               cmark_parser_get_syntax_extensions(m->parser));
    if (m->out) rb_adds(h->b, m->out);
    lua_pop(L, 1); /* frees the parser, tree and output now */
}

/* A list item's inline Markdown: the inside of its one paragraph; text that is not one
 * paragraph of Markdown (it would start a heading or a list of its own) is shown as typed. */
static void markdown_inline(html *h, const char *s, size_t n) {
    lua_State *L = h->L;
    rd_md *m = rd_md_parse(L, s, n);
    md_clean(m->doc, 0);
    cmark_node *para = cmark_node_first_child(m->doc);
    if (para && !cmark_node_next(para) && cmark_node_get_type(para) == CMARK_NODE_PARAGRAPH)
        m->out = cmark_render_html(para, CMARK_OPT_DEFAULT,
                                   cmark_parser_get_syntax_extensions(m->parser));
    size_t k = m->out ? strlen(m->out) : 0;
    if (k >= 8 && strncmp(m->out, "<p>", 3) == 0 && strcmp(m->out + k - 5, "</p>\n") == 0)
        rb_add(h->b, m->out + 3, k - 8);
    else
        esc(h, s, n);
    lua_pop(L, 1);
}

/* ---- tables ----------------------------------------------------------------------------------- */

static const char *align_class(rd_align a) {
    return a == RD_RIGHT ? " class=\"r\"" : a == RD_CENTER ? " class=\"c\"" : "";
}

static void cell_html(html *h, int row, const rd_col *col, int as_th) {
    rd_cell cell;
    rd_cell_read(h->L, row, col, &cell);
    const char *tag = as_th ? "th" : "td";
    rb_addf(h->b, "<%s", tag);
    if (as_th) put(h, " scope=\"row\"");
    const char *cls = col->align == RD_RIGHT ? "r" : col->align == RD_CENTER ? "c" : NULL;
    if (cell.kind == RD_CELL_SUPPRESSED) {
        rb_addf(h->b, " class=\"suppressed%s%s\">", cls ? " " : "", cls ? cls : "");
        esc(h, cell.text, cell.len);
    } else if (cell.kind == RD_CELL_EMPTY) {
        if (cls) rb_addf(h->b, " class=\"%s\"", cls);
        put(h, ">");
    } else {
        if (cls) rb_addf(h->b, " class=\"%s\"", cls);
        put(h, ">");
        long days;
        char iso[11];
        if (col->format == RD_FMT_DATE && cell.kind == RD_CELL_TEXT && !cell.has_display &&
            cell.len == 10) {
            memcpy(iso, cell.text, 10);
            iso[10] = '\0';
            if (svg_parse_date(iso, &days)) {
                rb_addf(h->b, "<time datetime=\"%s\">%s</time>", iso, iso);
                rb_addf(h->b, "</%s>", tag);
                return;
            }
        }
        esc(h, cell.text, cell.len);
    }
    rb_addf(h->b, "</%s>", tag);
}

/* Whether the cells of ROW from column FROM on are all suppressed for one reason (then the row
 * says it once, across them, instead of repeating it in every column of a wide table). */
static int suppressed_row(html *h, int row, const rd_col *cols, int from, int ncols, rd_cell *first) {
    if (ncols - from < 2) return 0;
    rd_cell_read(h->L, row, &cols[from], first);
    if (first->kind != RD_CELL_SUPPRESSED) return 0;
    for (int j = from + 1; j < ncols; j++) {
        rd_cell c;
        rd_cell_read(h->L, row, &cols[j], &c);
        if (c.kind != RD_CELL_SUPPRESSED || c.len != first->len ||
            memcmp(c.text, first->text, c.len) != 0)
            return 0;
    }
    return 1;
}

static void table_block(html *h, int t, const char *caption_override) {
    lua_State *L = h->L;
    t = lua_absindex(L, t);
    int ncols;
    rd_col *cols = rd_columns(L, t, &ncols);
    rd_col_words(cols, ncols, label(h, "yes"), label(h, "no"), label(h, "suppressed"));
    size_t cl;
    const char *caption = caption_override ? caption_override : rd_str(L, t, "caption", &cl);
    if (caption_override) cl = strlen(caption_override);
    char id[160];
    make_id(h, rd_str(L, t, "id", NULL), "table", id, sizeof id);
    /* tabindex: a table wider than a phone scrolls, and a keyboard must reach it too */
    if (caption)
        rb_addf(h->b, "<div class=\"table-wrap\" role=\"region\" aria-labelledby=\"%s-cap\" "
                      "tabindex=\"0\">\n", id);
    else
        put(h, "<div class=\"table-wrap\" tabindex=\"0\">\n");
    rb_addf(h->b, "<table id=\"%s\">\n", id);
    if (caption) {
        rb_addf(h->b, "<caption id=\"%s-cap\">", id);
        esc(h, caption, cl);
        put(h, "</caption>\n");
    }
    /* the first column heads its row when it holds text (a name, a step, a school) */
    int row_headers = ncols > 1 && cols[0].format == RD_FMT_TEXT;
    put(h, "<thead><tr>");
    for (int j = 0; j < ncols; j++) {
        rb_addf(h->b, "<th scope=\"col\"%s>", align_class(cols[j].align));
        escs(h, cols[j].label);
        put(h, "</th>");
    }
    put(h, "</tr></thead>\n<tbody>\n");
    size_t nrows = rd_len(L, t, "rows");
    for (size_t i = 1; i <= nrows; i++) {
        if (rd_push_item(L, t, "rows", (lua_Integer)i) != LUA_TTABLE)
            luaL_error(L, "table '%s': row %d is not a table", caption ? caption : id, (int)i);
        int row = lua_gettop(L);
        put(h, "<tr>");
        int from = row_headers ? 1 : 0;
        rd_cell why;
        if (suppressed_row(h, row, cols, from, ncols, &why)) {
            if (row_headers) cell_html(h, row, &cols[0], 1);
            rb_addf(h->b, "<td colspan=\"%d\" class=\"suppressed\">", ncols - from);
            esc(h, why.text, why.len);
            put(h, "</td>");
        } else {
            for (int j = 0; j < ncols; j++) cell_html(h, row, &cols[j], row_headers && j == 0);
        }
        put(h, "</tr>\n");
        lua_pop(L, 1);
    }
    if (nrows == 0) {
        rb_addf(h->b, "<tr><td colspan=\"%d\" class=\"empty\">", ncols ? ncols : 1);
        escs(h, label(h, "no_rows"));
        put(h, "</td></tr>\n");
    }
    put(h, "</tbody>\n");
    if (lua_getfield(L, t, "totals") == LUA_TTABLE) {
        int row = lua_gettop(L);
        put(h, "<tfoot><tr>");
        for (int j = 0; j < ncols; j++) cell_html(h, row, &cols[j], row_headers && j == 0);
        put(h, "</tr></tfoot>\n");
    }
    lua_pop(L, 1);
    put(h, "</table>\n</div>\n");
    size_t nn = rd_len(L, t, "notes");
    if (nn) {
        put(h, "<ul class=\"notes\">");
        for (size_t i = 1; i <= nn; i++) {
            rd_push_item(L, t, "notes", (lua_Integer)i);
            size_t l;
            const char *s = lua_type(L, -1) == LUA_TSTRING ? lua_tolstring(L, -1, &l) : NULL;
            if (s) {
                put(h, "<li>");
                esc(h, s, l);
                put(h, "</li>");
            }
            lua_pop(L, 1);
        }
        put(h, "</ul>\n");
    }
    lua_pop(L, 1); /* columns */
}

/* ---- blocks ----------------------------------------------------------------------------------- */

/* Each kind of block is a member of html_walker (rd_walk in render.c walks the tree); DEPTH is
 * 0 for the document's own blocks, so a section's heading is h(DEPTH + 2). */

/* Text of a list item or key: a string, t.text / t.key, or t[1]. */
static const char *pick(lua_State *L, int idx, const char *field, int pos, size_t *n) {
    if (lua_type(L, idx) == LUA_TSTRING) return lua_tolstring(L, idx, n);
    if (lua_type(L, idx) != LUA_TTABLE) return NULL;
    const char *s = rd_str(L, idx, field, n);
    if (s) return s;
    if (lua_rawgeti(L, idx, pos) == LUA_TSTRING) s = lua_tolstring(L, -1, n);
    lua_pop(L, 1);
    return s;
}

static void keyvalue(void *ctx, int blk, int depth) {
    html *h = ctx;
    (void)depth;
    lua_State *L = h->L;
    size_t cl;
    const char *caption = rd_str(L, blk, "caption", &cl);
    put(h, "<div class=\"table-wrap\">\n<table class=\"kv\">\n");
    if (caption) {
        put(h, "<caption>");
        esc(h, caption, cl);
        put(h, "</caption>\n");
    }
    put(h, "<tbody>\n");
    size_t n = rd_len(L, blk, "items");
    rd_col col;
    memset(&col, 0, sizeof col);
    col.id = "value";
    col.label = "";
    col.currency = "";
    for (size_t i = 1; i <= n; i++) {
        rd_push_item(L, blk, "items", (lua_Integer)i);
        int it = lua_gettop(L);
        if (lua_type(L, it) != LUA_TTABLE) {
            lua_pop(L, 1);
            continue;
        }
        size_t kl = 0;
        const char *key = pick(L, it, "key", 1, &kl);
        put(h, "<tr><th scope=\"row\">");
        if (key) esc(h, key, kl);
        put(h, "</th>");
        /* the value: item.value or item[2], read as a one-cell row */
        lua_createtable(L, 0, 1);
        if (lua_getfield(L, it, "value") == LUA_TNIL) {
            lua_pop(L, 1);
            lua_rawgeti(L, it, 2);
        }
        lua_setfield(L, -2, "value");
        rd_cell cell;
        rd_cell_read(L, lua_gettop(L), &col, &cell);
        if (cell.kind == RD_CELL_EMPTY) {
            put(h, "<td class=\"empty\">\xE2\x80\x94</td>");
        } else {
            put(h, cell.kind == RD_CELL_SUPPRESSED ? "<td class=\"suppressed\">" : "<td>");
            esc(h, cell.text, cell.len);
            put(h, "</td>");
        }
        put(h, "</tr>\n");
        lua_pop(L, 2);
    }
    put(h, "</tbody>\n</table>\n</div>\n");
}

static void list(void *ctx, int blk, int depth) {
    html *h = ctx;
    (void)depth;
    lua_State *L = h->L;
    const char *style = rd_str(L, blk, "style", NULL);
    int check = style && strcmp(style, "check") == 0;
    int number = style && strcmp(style, "number") == 0;
    int markdown = rd_bool(L, blk, "markdown");
    put(h, check ? "<ul class=\"checklist\">\n" : number ? "<ol>\n" : "<ul>\n");
    size_t n = rd_len(L, blk, "items");
    for (size_t i = 1; i <= n; i++) {
        rd_push_item(L, blk, "items", (lua_Integer)i);
        int it = lua_gettop(L);
        size_t tl = 0;
        const char *text = pick(L, it, "text", 1, &tl);
        put(h, "<li>");
        if (check) {
            int done = lua_type(L, it) == LUA_TTABLE && rd_bool(L, it, "checked");
            put(h, done ? "<label><input type=\"checkbox\" disabled checked> "
                        : "<label><input type=\"checkbox\" disabled> ");
            if (text && markdown) markdown_inline(h, text, tl);
            else if (text) esc(h, text, tl);
            put(h, "</label>");
        } else if (text && markdown) {
            markdown_inline(h, text, tl);
        } else if (text) {
            esc(h, text, tl);
        }
        put(h, "</li>\n");
        lua_pop(L, 1);
    }
    put(h, check ? "</ul>\n" : number ? "</ol>\n" : "</ul>\n");
}

static void callout(void *ctx, int blk, int depth) {
    html *h = ctx;
    (void)depth;
    lua_State *L = h->L;
    const char *style = rd_str(L, blk, "style", NULL);
    int warning = style && strcmp(style, "warning") == 0;
    size_t tl, xl;
    const char *title = rd_str(L, blk, "title", &tl);
    const char *text = rd_str(L, blk, "text", &xl);
    rb_addf(h->b, "<aside class=\"callout %s\" role=\"note\">\n<p class=\"callout-title\">",
            warning ? "warning" : "note");
    if (title) esc(h, title, tl);
    else escs(h, warning ? label(h, "warning") : label(h, "note"));
    put(h, "</p>\n");
    if (text) {
        /* blank lines separate paragraphs */
        put(h, "<p>");
        size_t start = 0;
        for (size_t i = 0; i <= xl; i++) {
            if (i == xl || (text[i] == '\n' && i + 1 < xl && text[i + 1] == '\n')) {
                esc(h, text + start, i - start);
                if (i < xl) {
                    put(h, "</p>\n<p>");
                    while (i + 1 < xl && text[i + 1] == '\n') i++;
                }
                start = i + 1;
            }
        }
        put(h, "</p>\n");
    }
    put(h, "</aside>\n");
}

static void chart(void *ctx, int blk, int depth) {
    html *h = ctx;
    (void)depth;
    lua_State *L = h->L;
    char id[160];
    make_id(h, NULL, "chart", id, sizeof id);
    const char *kind = rd_str(L, blk, "kind", NULL);
    size_t tl;
    const char *title = rd_str(L, blk, "title", &tl);
    rb_addf(h->b, "<figure class=\"chart chart-");
    /* the kind is checked by svg_chart; only [a-z_] reaches the class */
    for (const char *p = kind ? kind : ""; *p; p++)
        if ((*p >= 'a' && *p <= 'z') || *p == '_') rb_addc(h->b, *p);
    rb_addf(h->b, "\" id=\"%s\">\n", id);
    if (title) {
        put(h, "<figcaption>");
        esc(h, title, tl);
        put(h, "</figcaption>\n");
    }
    svg_chart(L, blk, h->b, &h->svg, id);
    put(h, "\n");
    if (lua_getfield(L, blk, "table") == LUA_TTABLE) {
        put(h, "<details>\n<summary>");
        escs(h, label(h, "data_table"));
        put(h, "</summary>\n");
        const char *cap = rd_str(L, -1, "caption", NULL);
        table_block(h, lua_gettop(L), cap ? NULL : (title ? title : ""));
        put(h, "</details>\n");
    }
    lua_pop(L, 1);
    put(h, "</figure>\n");
}

static void section(void *ctx, int blk, int depth) {
    html *h = ctx;
    lua_State *L = h->L;
    char id[160];
    lua_pushvalue(L, blk);
    if (lua_rawget(L, h->secids) == LUA_TSTRING) snprintf(id, sizeof id, "%s", lua_tostring(L, -1));
    else make_id(h, rd_str(L, blk, "id", NULL), "sec", id, sizeof id);
    lua_pop(L, 1);
    size_t tl;
    const char *title = rd_str(L, blk, "title", &tl);
    int hl = depth + 2 > 6 ? 6 : depth + 2;
    int brk = depth == 0 && h->section_breaks && h->top_sections++ > 0;
    rb_addf(h->b, "<section id=\"%s\"%s", id, brk ? " class=\"break-before\"" : "");
    if (title) rb_addf(h->b, " aria-labelledby=\"%s-h\">\n<h%d id=\"%s-h\">", id, hl, id);
    else put(h, ">\n");
    if (title) {
        esc(h, title, tl);
        rb_addf(h->b, "</h%d>\n", hl);
    }
}

static void section_end(void *ctx, int blk, int depth) {
    (void)blk, (void)depth;
    put(ctx, "</section>\n");
}

/* Markdown headings inside the text sit below the section's own heading. */
static void paragraph(void *ctx, int blk, int depth) {
    html *h = ctx;
    size_t tl;
    const char *text = rd_str(h->L, blk, "text", &tl);
    if (!text) return;
    put(h, "<div class=\"md\">\n");
    markdown(h, text, tl, depth + 1);
    put(h, "</div>\n");
}

static void table(void *ctx, int blk, int depth) {
    (void)depth;
    table_block(ctx, blk, NULL);
}

static void pagebreak(void *ctx, int blk, int depth) {
    (void)blk, (void)depth;
    put(ctx, "<hr class=\"pagebreak\">\n");
}

/* A table of contents of the top-level sections, when there are at least three with titles
 * (opts.toc = false turns it off). Their ids are fixed here and reused by section(). */
static void contents(html *h, int doc) {
    lua_State *L = h->L;
    size_t n = rd_len(L, doc, "blocks"), titled = 0;
    for (size_t i = 1; i <= n; i++) {
        rd_push_item(L, doc, "blocks", (lua_Integer)i);
        if (lua_istable(L, -1) && rd_block(L, -1) == RD_SECTION && rd_str(L, -1, "title", NULL)) titled++;
        lua_pop(L, 1);
    }
    if (titled < 3) return;
    put(h, "<nav class=\"toc\" aria-labelledby=\"toc-h\">\n<h2 id=\"toc-h\">");
    escs(h, label(h, "contents"));
    put(h, "</h2>\n<ol>\n");
    for (size_t i = 1; i <= n; i++) {
        rd_push_item(L, doc, "blocks", (lua_Integer)i);
        int blk = lua_gettop(L);
        const char *title = lua_istable(L, blk) && rd_block(L, blk) == RD_SECTION
                                ? rd_str(L, blk, "title", NULL) : NULL;
        if (title) {
            char id[160];
            make_id(h, rd_str(L, blk, "id", NULL), "sec", id, sizeof id);
            lua_pushvalue(L, blk);
            lua_pushstring(L, id);
            lua_rawset(L, h->secids);
            rb_addf(h->b, "<li><a href=\"#%s\">", id);
            escs(h, title);
            put(h, "</a></li>\n");
        }
        lua_pop(L, 1);
    }
    put(h, "</ol>\n</nav>\n");
}

static void meta_item(html *h, const char *key, const char *value, int is_date) {
    if (!value) return;
    put(h, "<div><dt>");
    escs(h, label(h, key));
    put(h, "</dt><dd>");
    long days;
    if (is_date && svg_parse_date(value, &days)) rb_addf(h->b, "<time datetime=\"%s\">", value);
    escs(h, value);
    if (is_date && svg_parse_date(value, &days)) put(h, "</time>");
    put(h, "</dd></div>");
}

/* The page up to the first block: head and stylesheet, header, title, facts, contents. */
static void document(void *ctx, int doc) {
    html *h = ctx;
    lua_State *L = h->L;
    int theme = h->theme;
    head(h, doc, theme);

    const char *hdr = theme ? rd_str(L, theme, "header", NULL) : NULL;
    if (!hdr) hdr = rd_str(L, doc, "district", NULL);
    const char *logo = theme ? rd_str(L, theme, "logo", NULL) : NULL;
    if (!data_image(logo, 1)) logo = NULL;
    if (hdr || logo) {
        put(h, "<header class=\"doc-header\">");
        if (logo) {
            put(h, "<img src=\"");
            escs(h, logo);
            put(h, "\" alt=\"\">");
        }
        if (hdr) {
            put(h, "<span>");
            escs(h, hdr);
            put(h, "</span>");
        }
        put(h, "</header>\n");
    }
    put(h, "<main class=\"page\">\n<h1>");
    const char *title = rd_str(L, doc, "title", NULL);
    escs(h, title ? title : label(h, "report"));
    put(h, "</h1>\n");
    const char *sub = rd_str(L, doc, "subtitle", NULL);
    if (sub) {
        put(h, "<p class=\"subtitle\">");
        escs(h, sub);
        put(h, "</p>\n");
    }
    const char *district = rd_str(L, doc, "district", NULL);
    const char *period = rd_str(L, doc, "period", NULL);
    if (district || period || h->svg.as_of) {
        put(h, "<dl class=\"meta\">");
        meta_item(h, "meta_district", district, 0);
        meta_item(h, "meta_period", period, 0);
        meta_item(h, "meta_as_of", h->svg.as_of, 1);
        put(h, "</dl>\n");
    }
    if (!(lua_istable(L, 2) && lua_getfield(L, 2, "toc") == LUA_TBOOLEAN && !lua_toboolean(L, -1)))
        contents(h, doc);
    if (lua_istable(L, 2)) lua_pop(L, 1);
}

/* The footer: theme.footer, else the title and the as-of date. */
static void document_end(void *ctx, int doc) {
    html *h = ctx;
    lua_State *L = h->L;
    int theme = h->theme;
    const char *title = rd_str(L, doc, "title", NULL);
    put(h, "</main>\n");
    const char *foot = theme ? rd_str(L, theme, "footer", NULL) : NULL;
    put(h, "<footer class=\"doc-footer\">");
    if (foot) {
        escs(h, foot);
    } else { /* the default: title, as of DATE */
        escs(h, title ? title : label(h, "report"));
        if (h->svg.as_of) {
            put(h, " \xC2\xB7 ");
            escs(h, label(h, "as_of"));
            put(h, " ");
            escs(h, h->svg.as_of);
        }
    }
    put(h, "</footer>\n");
    put(h, "</body>\n</html>\n");
}

static const rd_walker html_walker = {
    .document = document,   .document_end = document_end, .section = section,
    .section_end = section_end, .paragraph = paragraph,   .keyvalue = keyvalue,
    .table = table,         .list = list,                 .callout = callout,
    .pagebreak = pagebreak, .chart = chart,
    .strict = 1, /* an unknown block is an error: a page must not silently lose content */
};

int render_html(lua_State *L) {
    luaL_checktype(L, 1, LUA_TTABLE);
    const char *ty = rd_str(L, 1, "type", NULL);
    if (!ty || strcmp(ty, "document") != 0)
        return luaL_argerror(L, 1, "expected a report document (type = \"document\")");
    lua_settop(L, 2);
    html h;
    memset(&h, 0, sizeof h);
    h.L = L;
    h.section_breaks = lua_istable(L, 2) && rd_bool(L, 2, "section_breaks");
    int theme = 0;
    if (lua_getfield(L, 1, "theme") == LUA_TTABLE) theme = lua_gettop(L); /* slot 3 */
    else {
        lua_pop(L, 1);
        lua_pushnil(L);
    }
    /* words come from doc.labels and colours from doc.theme, through rd_label and
     * rd_theme_str (the built-in theme fills what they lack) */
    h.svg.doc = 1;
    if (theme && !rd_bool(L, 2, "section_breaks") && rd_bool(L, theme, "section_breaks"))
        h.section_breaks = 1;
    lua_newtable(L);
    h.ids = lua_gettop(L);
    lua_newtable(L);
    h.secids = lua_gettop(L);
    h.b = rb_new(L);
    h.svg.as_of = rd_str(L, 1, "as_of", NULL);
    h.theme = theme;
    rd_walk(L, 1, &html_walker, &h);
    rb_push(h.b);
    return 1;
}
