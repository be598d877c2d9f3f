/* render_text.c: render.text(doc [, {width = 80}]) -> plain text for the terminal and the REPL.
 *
 * Headings are underlined, paragraphs and list items wrap to the width, tables are aligned
 * (columns shrink and cells wrap when the table is wider than the width), charts show their
 * text alternative, text bars for bar and progress charts, and their data table. Suppressed
 * cells show their reason. No colour, no escapes: the output is safe to pipe and diff. */
#include <cmark-gfm.h>
#include <lauxlib.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "numfmt.h"
#include "render.h"

typedef struct {
    lua_State *L;
    rbuf *b;
    int width;
    int doc; /* stack index of the document */
} tx;

/* ---- wrapping ----------------------------------------------------------------------------- */

/* Byte length of the UTF-8 character at S. */
static size_t char_len(const char *s, size_t left) {
    unsigned cp;
    return rd_utf8_next(s, left, &cp);
}

/* The next line of S (from *POS) that fits WIDTH columns: whole words when possible, a long
 * word broken. Newlines in S end lines. Returns 0 when nothing is left. */
static int next_line(const char *s, size_t len, size_t *pos, size_t width, size_t *start,
                     size_t *n) {
    size_t p = *pos;
    if (p >= len) return 0;
    while (p < len && s[p] == ' ') p++;
    *start = p;
    size_t w = 0, end = p, last_break = 0, has_break = 0;
    while (end < len && s[end] != '\n') {
        size_t k = char_len(s + end, len - end);
        size_t cw = rd_width(s + end, k);
        if (s[end] == ' ') {
            last_break = end;
            has_break = 1;
        }
        if (w + cw > width && end > p) {
            if (has_break && s[end] != ' ') end = last_break;
            break;
        }
        w += cw;
        end += k;
    }
    size_t e = end;
    while (e > p && s[e - 1] == ' ') e--;
    *n = e - p;
    if (end < len && s[end] == '\n') end++;
    *pos = end;
    if (end >= len && *n == 0 && p >= len) return 0;
    return 1;
}

/* Drop trailing spaces from the line just written (before its '\n'). */
static void trim_line(rbuf *b) {
    while (b->len > 0 && b->data[b->len - 1] == ' ') b->len--;
}

/* Write S wrapped to WIDTH, the first line after FIRST, the next ones after REST. */
static void wrap(rbuf *b, const char *s, size_t len, int width, const char *first,
                 const char *rest) {
    size_t pos = 0, st, n;
    int line = 0;
    size_t pw = rd_width(first, strlen(first));
    size_t avail = width > (int)pw + 10 ? (size_t)width - pw : 10;
    if (len == 0) {
        rb_adds(b, first);
        trim_line(b);
        rb_addc(b, '\n');
        return;
    }
    while (next_line(s, len, &pos, avail, &st, &n)) {
        rb_adds(b, line ? rest : first);
        rb_add(b, s + st, n);
        rb_addc(b, '\n');
        line++;
    }
    if (!line) {
        rb_adds(b, first);
        rb_addc(b, '\n');
    }
}

static void pad(rbuf *b, const char *s, size_t len, size_t width, rd_align align) {
    size_t w = rd_width(s, len);
    size_t gap = w < width ? width - w : 0;
    size_t left = align == RD_RIGHT ? gap : align == RD_CENTER ? gap / 2 : 0;
    rb_addrep(b, ' ', left);
    /* a line break inside a cell or label would break the layout: it becomes a space */
    size_t st = 0;
    for (size_t i = 0; i < len; i++) {
        if (s[i] == '\n' || s[i] == '\r' || s[i] == '\t') {
            rb_add(b, s + st, i - st);
            rb_addc(b, ' ');
            st = i + 1;
        }
    }
    rb_add(b, s + st, len - st);
    rb_addrep(b, ' ', gap - left);
}

/* Terminal safety: control characters from user text (ESC sequences, C1 controls such as
 * CSI, backspace, bell) could move the cursor, retitle the window or hide text. Every one but
 * the line feed becomes a space (tab) or "?" before the text leaves the renderer. */
static void strip_controls(rbuf *b) {
    unsigned char *p = (unsigned char *)b->data;
    for (size_t i = 0; i < b->len; i++) {
        if (p[i] == '\t') p[i] = ' ';
        else if ((p[i] < 0x20 && p[i] != '\n') || p[i] == 0x7f) p[i] = '?';
        else if (p[i] == 0xC2 && i + 1 < b->len && p[i + 1] >= 0x80 && p[i + 1] <= 0x9F) {
            p[i] = '?';
            p[i + 1] = '?';
            i++;
        }
    }
}


/* ---- Markdown as plain text --------------------------------------------------------------- */

/* Paragraph and callout text is Markdown (docs/report-document.md): the terminal shows what it
 * means, not how it was typed. Emphasis markers go, a link reads "text (url)", an image its
 * alt text, lists keep their markers and nesting, line breaks stay, and every paragraph wraps
 * to the width. Raw HTML is shown as typed (it is never interpreted). */

typedef struct {
    tx *x;
    rbuf *line; /* the inline text of the paragraph being written */
} plain;

/* Does URL only repeat the link text TEXT (an autolink: "www.x.org" -> "http://www.x.org")? */
static int url_repeats(const char *url, const char *text, size_t tl) {
    static const char *const schemes[] = {"", "http://", "https://", "mailto:", NULL};
    for (int i = 0; schemes[i]; i++) {
        size_t sl = strlen(schemes[i]);
        if (strncmp(url, schemes[i], sl) == 0 && strlen(url + sl) == tl &&
            strncmp(url + sl, text, tl) == 0)
            return 1;
    }
    return 0;
}

/* The words of the inlines under PARENT, a link followed by its target when that adds
 * something. A loop over cmark's iterator, not a recursion: emphasis nested 300,000 deep ran
 * the C stack out (found by tests/fuzz/fuzz_render.c). Links never contain links, so a few
 * open ones are all there can be. */
#define PLAIN_MAX_LINKS 8
static void plain_inlines(rbuf *t, cmark_node *parent) {
    size_t link_start[PLAIN_MAX_LINKS];
    int links = 0;
    cmark_iter *it = cmark_iter_new(parent);
    cmark_event_type ev;
    while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
        cmark_node *n = cmark_iter_get_node(it);
        if (n == parent) continue;
        switch (cmark_node_get_type(n)) {
        case CMARK_NODE_TEXT:
        case CMARK_NODE_CODE:
        case CMARK_NODE_HTML_INLINE: {
            const char *lit = cmark_node_get_literal(n);
            if (lit) rb_adds(t, lit);
            break;
        }
        case CMARK_NODE_SOFTBREAK:
        case CMARK_NODE_LINEBREAK:
            rb_addc(t, '\n');
            break;
        case CMARK_NODE_LINK:
            if (ev == CMARK_EVENT_ENTER) {
                if (links < PLAIN_MAX_LINKS) link_start[links] = t->len;
                links++;
            } else if (--links < PLAIN_MAX_LINKS) {
                size_t start = link_start[links];
                const char *url = cmark_node_get_url(n);
                if (url && *url && !url_repeats(url, t->data + start, t->len - start)) {
                    rb_add(t, t->len > start ? " (" : "(", t->len > start ? 2 : 1);
                    rb_adds(t, url);
                    rb_addc(t, ')');
                }
            }
            break;
        default: /* emphasis, strong, strike-through, image (its alt text): the words inside */
            break;
        }
    }
    cmark_iter_free(it);
}

static int is_ext(cmark_node *n, const char *name) {
    const char *ty = cmark_node_get_type_string(n);
    return ty && strcmp(ty, name) == 0;
}

/* Write LIT line by line, FIRST before the first line and REST before the others (not wrapped:
 * code keeps its layout). */
static void plain_lines(rbuf *b, const char *lit, const char *first, const char *rest) {
    size_t len = lit ? strlen(lit) : 0, st = 0;
    while (len > 0 && lit[len - 1] == '\n') len--;
    int k = 0;
    for (size_t i = 0; i <= len; i++) {
        if (i == len || lit[i] == '\n') {
            rb_adds(b, k++ ? rest : first);
            rb_add(b, lit + st, i - st);
            trim_line(b);
            rb_addc(b, '\n');
            st = i + 1;
        }
    }
}

/* The blocks under PARENT; FIRST starts the first line written, REST every other line. Blocks
 * are separated by a blank line unless TIGHT (the items of a tight list). */
static void plain_blocks(plain *p, cmark_node *parent, const char *first, const char *rest,
                         int tight, int depth) {
    rbuf *b = p->x->b;
    int k = 0;
    for (cmark_node *n = cmark_node_first_child(parent); n; n = cmark_node_next(n), k++) {
        const char *pre = k ? rest : first;
        if (k && !tight) {
            rb_adds(b, rest);
            trim_line(b);
            rb_addc(b, '\n');
        }
        char f[160], r[160];
        switch (cmark_node_get_type(n)) {
        case CMARK_NODE_PARAGRAPH:
        case CMARK_NODE_HEADING:
            rb_reset(p->line);
            plain_inlines(p->line, n);
            wrap(b, p->line->data ? p->line->data : "", p->line->len, p->x->width, pre, rest);
            break;
        case CMARK_NODE_CODE_BLOCK:
            snprintf(f, sizeof f, "%s    ", pre);
            snprintf(r, sizeof r, "%s    ", rest);
            plain_lines(b, cmark_node_get_literal(n), f, r);
            break;
        case CMARK_NODE_HTML_BLOCK:
            plain_lines(b, cmark_node_get_literal(n), pre, rest);
            break;
        case CMARK_NODE_THEMATIC_BREAK:
            rb_adds(b, pre);
            rb_addrep(b, '-', 10);
            rb_addc(b, '\n');
            break;
        case CMARK_NODE_BLOCK_QUOTE:
            snprintf(f, sizeof f, "%s> ", pre);
            snprintf(r, sizeof r, "%s> ", rest);
            if (depth < 16) plain_blocks(p, n, f, r, 0, depth + 1);
            break;
        case CMARK_NODE_LIST: {
            int ordered = cmark_node_get_list_type(n) == CMARK_ORDERED_LIST;
            int num = cmark_node_get_list_start(n), items = 0;
            int ltight = cmark_node_get_list_tight(n);
            for (cmark_node *it = cmark_node_first_child(n); it; it = cmark_node_next(it)) items++;
            int digits = snprintf(f, sizeof f, "%d", num + (items ? items - 1 : 0));
            int i = 0;
            for (cmark_node *it = cmark_node_first_child(n); it; it = cmark_node_next(it), i++) {
                if (i && !ltight) {
                    rb_adds(b, rest);
                    trim_line(b);
                    rb_addc(b, '\n');
                }
                char marker[32];
                if (ordered) snprintf(marker, sizeof marker, "%*d. ", digits, num + i);
                else snprintf(marker, sizeof marker, "- ");
                snprintf(f, sizeof f, "%s%s", i ? rest : pre, marker);
                snprintf(r, sizeof r, "%s%*s", rest, (int)strlen(marker), "");
                if (depth < 16) plain_blocks(p, it, f, r, ltight, depth + 1);
            }
            break;
        }
        default:
            if (is_ext(n, "table")) {
                /* a GFM table in a paragraph: one line per row, cells between " | " */
                int row = 0;
                for (cmark_node *tr = cmark_node_first_child(n); tr; tr = cmark_node_next(tr), row++) {
                    rb_reset(p->line);
                    int c = 0;
                    for (cmark_node *td = cmark_node_first_child(tr); td; td = cmark_node_next(td)) {
                        if (c++) rb_add(p->line, " | ", 3);
                        plain_inlines(p->line, td);
                    }
                    wrap(b, p->line->data ? p->line->data : "", p->line->len, p->x->width,
                         row ? rest : pre, rest);
                }
            } else if (depth < 16) {
                plain_blocks(p, n, pre, rest, tight, depth + 1);
            }
        }
    }
}

/* Markdown S as plain text wrapped to the width, FIRST before the first line, REST before the
 * others. */
static void plain_markdown(tx *x, const char *s, size_t len, const char *first, const char *rest) {
    lua_State *L = x->L;
    plain p = {x, rb_new(L)};
    size_t mark = x->b->len;
    rd_md *m = rd_md_parse(L, s, len);
    plain_blocks(&p, m->doc, first, rest, 0, 0);
    lua_pop(L, 2); /* the tree (freed now), the line buffer */
    if (x->b->len == mark) wrap(x->b, "", 0, x->width, first, rest); /* nothing but blanks */
}

/* A list item's inline Markdown as plain text; text that is not one paragraph of Markdown
 * (it would start a heading or a list of its own) is shown as typed. */
static void plain_item(tx *x, const char *s, size_t len, const char *first, const char *rest) {
    lua_State *L = x->L;
    rbuf *line = rb_new(L);
    rd_md *m = rd_md_parse(L, s, len);
    cmark_node *para = cmark_node_first_child(m->doc);
    int one = para && !cmark_node_next(para) && cmark_node_get_type(para) == CMARK_NODE_PARAGRAPH;
    if (one) plain_inlines(line, para);
    lua_pop(L, 1); /* the tree */
    if (one) {
        for (size_t i = 0; i < line->len; i++)
            if (line->data[i] == '\n') line->data[i] = ' ';
        wrap(x->b, line->data ? line->data : "", line->len, x->width, first, rest);
    } else {
        wrap(x->b, s, len, x->width, first, rest);
    }
    lua_pop(L, 1); /* the line */
}

/* ---- tables ------------------------------------------------------------------------------- */

/* Is S[0..LEN) a number or a date as people write them ("1,234", "$2.50", "21%", "2026-12-15",
 * "15/06/2027")? Such a word is never broken across lines. */
static int number_like(const char *s, size_t len) {
    int digits = 0;
    for (size_t i = 0; i < len; i++) {
        unsigned char ch = (unsigned char)s[i];
        if (ch >= '0' && ch <= '9') digits++;
        else if (!strchr("-+/.,:%$()", ch)) return 0;
    }
    return digits > 0;
}

/* Width of the widest number-like word of S (0 when none). */
static size_t widest_number(const char *s, size_t len) {
    size_t best = 0, st = 0;
    for (size_t i = 0; i <= len; i++) {
        if (i == len || s[i] == ' ' || s[i] == '\n') {
            if (i > st && number_like(s + st, i - st)) {
                size_t w = rd_width(s + st, i - st);
                if (w > best) best = w;
            }
            st = i + 1;
        }
    }
    return best;
}

/* Narrow the widest of the columns that ELIGIBLE allows, one column of text at a time, never
 * below FLOOR, until *TOTAL fits WIDTH or none can give more. */
static void shrink_columns(size_t *w, const size_t *floor, const unsigned char *eligible, int n,
                           size_t *total, size_t width) {
    while (*total > width) {
        int widest = -1;
        for (int c = 0; c < n; c++)
            if (eligible[c] && w[c] > floor[c] && (widest < 0 || w[c] > w[widest])) widest = c;
        if (widest < 0) return;
        w[widest]--;
        (*total)--;
    }
}

/* Width of the longest word of S, at most 12 (and at least 4). */
static size_t longest_word(const char *s, size_t len) {
    size_t best = 4, st = 0;
    for (size_t i = 0; i <= len; i++) {
        if (i == len || s[i] == ' ' || s[i] == '\n') {
            size_t w = rd_width(s + st, i - st);
            if (w > best) best = w;
            st = i + 1;
        }
    }
    return best > 12 ? 12 : best;
}

static void table_rule(rbuf *b, const size_t *w, int n, size_t gap) {
    for (int c = 0; c < n; c++) {
        if (c) rb_addrep(b, ' ', gap);
        rb_addrep(b, '-', w[c]);
    }
    rb_addc(b, '\n');
}

/* Write one row whose cell texts are TEXTS/LENS, wrapping each cell in its column. */
static void table_line(rbuf *b, const char **texts, const size_t *lens, const size_t *w,
                       const rd_col *cols, int n, size_t *pos, size_t gap) {
    for (int c = 0; c < n; c++) pos[c] = 0;
    for (int line = 0;; line++) {
        int any = 0;
        size_t mark = b->len;
        for (int c = 0; c < n; c++) {
            size_t st = 0, k = 0;
            if (c) rb_addrep(b, ' ', gap);
            if (next_line(texts[c], lens[c], &pos[c], w[c], &st, &k)) any = 1;
            pad(b, texts[c] + st, k, w[c], cols[c].align);
        }
        if (!any && line > 0) { /* an empty row still gets its one line */
            b->len = mark;
            break;
        }
        trim_line(b);
        rb_addc(b, '\n');
        int more = 0;
        for (int c = 0; c < n; c++)
            if (pos[c] < lens[c]) more = 1;
        if (!more) break;
    }
}

/* The notes under the table at T. */
static void table_notes(tx *x, int t) {
    lua_State *L = x->L;
    size_t nn = rd_len(L, t, "notes");
    const char *note = rd_label(L, x->doc, "note");
    char first[64];
    snprintf(first, sizeof first, "%s: ", note);
    for (size_t i = 1; i <= nn; i++) {
        rd_push_item(L, t, "notes", (lua_Integer)i);
        size_t len;
        const char *s = lua_tolstring(L, -1, &len);
        if (s) wrap(x->b, s, len, x->width, first, "  ");
        lua_pop(L, 1);
    }
}

/* A table too wide for the width even with every column narrowed: each row as a block of
 * "Column: value" lines (values wrapped under themselves), rows apart by a blank line, the
 * totals after a rule. Empty cells are left out. */
static void table_records(tx *x, int t, const rd_col *cols, int n, rd_cell *cells, size_t nrows,
                          int has_totals) {
    lua_State *L = x->L;
    rbuf *b = x->b;
    size_t kw = 0;
    for (int c = 0; c < n; c++) {
        size_t k = rd_width(cols[c].label, strlen(cols[c].label)) + 1;
        if (k > kw) kw = k;
    }
    if (kw > (size_t)x->width / 3) kw = (size_t)x->width / 3;
    rbuf *first = rb_new(L);
    rbuf *hang = rb_new(L);
    rb_addrep(hang, ' ', kw + 1);
    rb_addc(hang, '\0');
    for (size_t r = 1; r <= nrows + (size_t)has_totals; r++) {
        if (r > 1) rb_addc(b, '\n');
        if (r <= nrows) rd_push_item(L, t, "rows", (lua_Integer)r);
        else {
            rb_addrep(b, '-', 10);
            rb_addc(b, '\n');
            lua_getfield(L, t, "totals");
        }
        int row = lua_type(L, -1) == LUA_TTABLE ? lua_gettop(L) : 0;
        for (int c = 0; c < n; c++) {
            rd_cell_read(L, row, &cols[c], &cells[c]);
            if (cells[c].len == 0) continue;
            rb_reset(first);
            rb_adds(first, cols[c].label);
            rb_addc(first, ':');
            size_t lw = rd_width(first->data, first->len);
            rb_addrep(first, ' ', lw < kw + 1 ? kw + 1 - lw : 1);
            rb_addc(first, '\0');
            if (lw >= kw + 1) { /* a label longer than the key column: the value on its own lines */
                wrap(b, first->data, first->len - 1, x->width, "", "");
                wrap(b, cells[c].text, cells[c].len, x->width, hang->data, hang->data);
            } else {
                wrap(b, cells[c].text, cells[c].len, x->width, first->data, hang->data);
            }
        }
        lua_pop(L, 1);
    }
    lua_pop(L, 2); /* first, hang */
}

/* Render the table block at index T. */
static void text_table(tx *x, int t, int show_caption) {
    lua_State *L = x->L;
    t = lua_absindex(L, t);
    rbuf *b = x->b;
    size_t caplen;
    const char *cap = rd_str(L, t, "caption", &caplen);
    if (cap && show_caption) wrap(b, cap, caplen, x->width, "", "");
    int n;
    rd_col *cols = rd_columns(L, t, &n);
    rd_col_words(cols, n, rd_label(L, x->doc, "yes"), rd_label(L, x->doc, "no"),
                 rd_label(L, x->doc, "suppressed"));
    if (n == 0) {
        lua_pop(L, 1);
        return;
    }
    size_t nrows = rd_len(L, t, "rows");
    int has_totals = lua_getfield(L, t, "totals") == LUA_TTABLE;
    lua_pop(L, 1);
    /* scratch: widths, positions, texts, lens, floors, and cells for one row */
    size_t *w = lua_newuserdatauv(L, (sizeof(size_t) * 5 + 1) * (size_t)n, 0);
    size_t *pos = w + n, *lens = w + 2 * n, *minw = w + 3 * n, *numw = w + 4 * n;
    unsigned char *is_text = (unsigned char *)(w + 5 * n);
    rd_cell *cells = lua_newuserdatauv(L, sizeof(rd_cell) * (size_t)n, 0);
    const char **texts = lua_newuserdatauv(L, sizeof(char *) * (size_t)n, 0);
    for (int c = 0; c < n; c++) {
        w[c] = rd_width(cols[c].label, strlen(cols[c].label));
        minw[c] = longest_word(cols[c].label, strlen(cols[c].label));
        numw[c] = 0;
        is_text[c] = cols[c].format == RD_FMT_TEXT;
    }
    for (size_t r = 1; r <= nrows + (size_t)has_totals; r++) {
        if (r <= nrows) rd_push_item(L, t, "rows", (lua_Integer)r);
        else lua_getfield(L, t, "totals");
        int row = lua_type(L, -1) == LUA_TTABLE ? lua_gettop(L) : 0;
        for (int c = 0; c < n; c++) {
            rd_cell_read(L, row, &cols[c], &cells[c]);
            /* a long text cell measures by its longest line */
            size_t ww = 0, st = 0, cur = 0;
            for (size_t i = 0; i <= cells[c].len; i++) {
                if (i == cells[c].len || cells[c].text[i] == '\n') {
                    size_t lw = rd_width(cells[c].text + st, i - st);
                    if (lw > ww) ww = lw;
                    st = i + 1;
                }
            }
            (void)cur;
            if (ww > w[c]) w[c] = ww;
            size_t lw = longest_word(cells[c].text, cells[c].len);
            if (lw > minw[c]) minw[c] = lw;
            /* numbers, money, percents and dates are shown whole: their column never gets
             * narrower than its widest value; in a text column, a number or date word */
            int whole = !cells[c].has_display &&
                        ((cells[c].kind == RD_CELL_NUMBER && !is_text[c]) ||
                         (cells[c].kind == RD_CELL_TEXT && cols[c].format == RD_FMT_DATE));
            size_t nw = whole ? ww : widest_number(cells[c].text, cells[c].len);
            if (nw > numw[c]) numw[c] = nw;
        }
        lua_pop(L, 1);
    }
    /* Fit the width: first the long free-text columns give way (widest first), down to their
     * longest word (up to 12 columns), so words break only when they must; then the headings
     * of number and date columns wrap; then text columns break long words. A number or a
     * date is never cut. A table that still does not fit is shown as one block per row. */
    size_t width = (size_t)x->width;
    size_t total = 0, narrowest = 0, gap = 2;
    for (int c = 0; c < n; c++) {
        if (minw[c] < numw[c]) minw[c] = numw[c];
        total += w[c];
        narrowest += w[c] < minw[c] ? w[c] : minw[c];
    }
    /* one space between columns when two would leave words to break */
    if (narrowest + 2 * (size_t)(n - 1) > width) gap = 1;
    total += gap * (size_t)(n - 1);
    /* free text: a text column, or a column with words beside its numbers (a suppression
     * reason, a display text) */
    unsigned char *free_text = lua_newuserdatauv(L, (size_t)n, 0);
    for (int c = 0; c < n; c++) free_text[c] = is_text[c] || w[c] > numw[c];
    shrink_columns(w, minw, free_text, n, &total, width);
    lua_pop(L, 1);
    if (total > width) {
        unsigned char *every = lua_newuserdatauv(L, (size_t)n, 0);
        memset(every, 1, (size_t)n);
        shrink_columns(w, minw, every, n, &total, width);
        lua_pop(L, 1);
    }
    if (total > width) {
        /* words break, but not into pieces too short to read (8 columns) */
        for (int c = 0; c < n; c++)
            if (is_text[c] && minw[c] > 8) minw[c] = numw[c] > 8 ? numw[c] : 8;
        shrink_columns(w, minw, is_text, n, &total, width);
    }
    if (total > width) {
        table_records(x, t, cols, n, cells, nrows, has_totals);
        lua_pop(L, 4); /* cols, w, cells, texts */
        table_notes(x, t);
        return;
    }
    for (int c = 0; c < n; c++) {
        texts[c] = cols[c].label;
        lens[c] = strlen(cols[c].label);
    }
    table_line(b, texts, lens, w, cols, n, pos, gap);
    table_rule(b, w, n, gap);
    for (size_t r = 1; r <= nrows + (size_t)has_totals; r++) {
        if (r <= nrows) rd_push_item(L, t, "rows", (lua_Integer)r);
        else {
            table_rule(b, w, n, gap);
            lua_getfield(L, t, "totals");
        }
        int row = lua_type(L, -1) == LUA_TTABLE ? lua_gettop(L) : 0;
        for (int c = 0; c < n; c++) {
            rd_cell_read(L, row, &cols[c], &cells[c]);
            texts[c] = cells[c].text;
            lens[c] = cells[c].len;
        }
        table_line(b, texts, lens, w, cols, n, pos, gap);
        lua_pop(L, 1);
    }
    lua_pop(L, 4); /* cols, w, cells, texts */
    table_notes(x, t);
}

/* ---- chart bars ----------------------------------------------------------------------------- */

/* A number as people read it in a bar label: integers plain, else one decimal. */
static void plain_number(char *buf, size_t size, double v) {
    if (v == floor(v) && fabs(v) < 1e15) num_format(buf, size, v, 0, 1);
    else num_format(buf, size, v, 1, 1);
}

/* "actual / target unit (share%)" for the progress item at ITEM; returns its width. */
static size_t progress_value(lua_State *L, int item, char *val, size_t size) {
    double share = rd_num(L, item, "share", 0, NULL);
    double actual = rd_num(L, item, "actual", 0, NULL);
    double target = rd_num(L, item, "target", 0, NULL);
    const char *unit = rd_str(L, item, "unit", NULL);
    char a[48], tg[48], pct[48];
    plain_number(a, sizeof a, actual);
    plain_number(tg, sizeof tg, target);
    num_format(pct, sizeof pct, share * 100, 0, 0);
    snprintf(val, size, "%s / %s%s%s (%s%%)", a, tg, unit && strcmp(unit, "%") != 0 ? " " : "",
             unit ? unit : "", pct);
    return rd_width(val, strlen(val));
}

/* LABEL in a column of LW terminal columns: padded, or cut with "…" when longer, so that the
 * bars after it line up. */
static void label_cell(rbuf *b, const char *label, size_t len, size_t lw) {
    if (!label) len = 0;
    if (rd_width(label ? label : "", len) <= lw) {
        pad(b, label ? label : "", len, lw, RD_LEFT);
        return;
    }
    size_t shown = 0, sw = 0;
    while (shown < len) {
        size_t cl = char_len(label + shown, len - shown);
        size_t cw = rd_width(label + shown, cl);
        if (sw + cw > lw - 1) break;
        sw += cw;
        shown += cl;
    }
    while (shown > 0 && label[shown - 1] == ' ') {
        shown--;
        sw--;
    }
    pad(b, label, shown, sw, RD_LEFT);
    rb_adds(b, "\u2026");
    rb_addrep(b, ' ', lw - sw - 1);
}

int rd_chart_bars(lua_State *L, int chart, rbuf *b, int width, const char *prefix) {
    chart = lua_absindex(L, chart);
    rd_chart_kind kind = rd_chart(L, chart);
    if (kind != RD_CHART_BAR && kind != RD_CHART_PROGRESS) return 0;
    size_t n = rd_len(L, chart, "data");
    if (n == 0) return 0;
    size_t plen = strlen(prefix);
    /* label width */
    size_t lw = 0;
    for (size_t i = 1; i <= n; i++) {
        rd_push_item(L, chart, "data", (lua_Integer)i);
        size_t len = 0;
        const char *s = rd_str(L, -1, "label", &len);
        if (s && rd_width(s, len) > lw) lw = rd_width(s, len);
        lua_pop(L, 1);
    }
    /* the label column: the longest label, at most a third of the line (and 24 columns) */
    size_t cap = width > (int)plen ? ((size_t)width - plen) / 3 : 8;
    if (cap > 24) cap = 24;
    if (cap < 8) cap = 8;
    if (lw > cap) lw = cap;
    char val[160];
    if (kind == RD_CHART_BAR) {
        /* values formatted by the chart's data table (its second column) */
        lua_getfield(L, chart, "table");
        int t = lua_gettop(L);
        int nc;
        rd_col *cols = rd_columns(L, t, &nc);
        double max = rd_num(L, chart, "max", 0, NULL);
        for (size_t i = 1; i <= n; i++) {
            rd_push_item(L, chart, "data", (lua_Integer)i);
            double v = rd_num(L, -1, "value", 0, NULL);
            if (v > max) max = v;
            lua_pop(L, 1);
        }
        size_t vw = 0;
        rd_cell cell;
        for (size_t i = 1; i <= n && nc >= 2; i++) {
            rd_push_item(L, t, "rows", (lua_Integer)i);
            rd_cell_read(L, lua_type(L, -1) == LUA_TTABLE ? lua_gettop(L) : 0, &cols[1], &cell);
            if (cell.len > vw) vw = cell.len;
            lua_pop(L, 1);
        }
        int bw = width - (int)plen - (int)lw - (int)vw - 4;
        if (bw > 40) bw = 40;
        if (bw < 10) bw = 10;
        for (size_t i = 1; i <= n; i++) {
            rd_push_item(L, chart, "data", (lua_Integer)i);
            size_t len = 0;
            const char *label = rd_str(L, -1, "label", &len);
            double v = rd_num(L, -1, "value", 0, NULL);
            lua_pop(L, 1);
            int fill = max > 0 && v > 0 ? (int)num_round(v / max * bw, 0) : 0;
            if (fill > bw) fill = bw;
            rd_push_item(L, t, "rows", (lua_Integer)i);
            if (nc >= 2)
                rd_cell_read(L, lua_type(L, -1) == LUA_TTABLE ? lua_gettop(L) : 0, &cols[1], &cell);
            lua_pop(L, 1);
            rb_adds(b, prefix);
            label_cell(b, label, len, lw);
            rb_add(b, "  ", 2);
            rb_addrep(b, '#', (size_t)fill);
            rb_addrep(b, ' ', (size_t)(bw - fill));
            rb_add(b, "  ", 2);
            if (nc >= 2) pad(b, cell.text, cell.len, vw, RD_RIGHT);
            trim_line(b);
            rb_addc(b, '\n');
        }
        lua_pop(L, 2); /* cols, table */
        return 1;
    }
    /* progress: [#####.....] actual / target (share) */
    size_t vw = 0;
    for (size_t i = 1; i <= n; i++) {
        rd_push_item(L, chart, "data", (lua_Integer)i);
        size_t k = progress_value(L, lua_gettop(L), val, sizeof val);
        if (k > vw) vw = k;
        lua_pop(L, 1);
    }
    int bw = width - (int)plen - (int)lw - 30;
    if (bw > 30) bw = 30;
    int room = width - (int)plen - (int)lw - 6 - (int)vw; /* "  [" bar "]  " value */
    if (bw > room) bw = room;
    if (bw < 10) bw = room < 10 ? room : 10;
    if (bw < 10) { /* narrow: the label column gives way before the bar does */
        size_t give = (size_t)(10 - bw);
        lw = lw > 6 + give ? lw - give : lw > 6 ? 6 : lw;
        bw = 10;
    }
    for (size_t i = 1; i <= n; i++) {
        rd_push_item(L, chart, "data", (lua_Integer)i);
        int item = lua_gettop(L);
        size_t len = 0;
        const char *label = rd_str(L, item, "label", &len);
        double share = rd_num(L, item, "share", 0, NULL);
        int fill = (int)num_round(share * bw, 0);
        if (fill < 0) fill = 0;
        if (fill > bw) fill = bw;
        progress_value(L, item, val, sizeof val);
        rb_adds(b, prefix);
        label_cell(b, label, len, lw);
        rb_add(b, "  [", 3);
        rb_addrep(b, '#', (size_t)fill);
        rb_addrep(b, '.', (size_t)(bw - fill));
        rb_add(b, "]  ", 3);
        rb_adds(b, val);
        rb_addc(b, '\n');
        lua_pop(L, 1);
    }
    return 1;
}

/* ---- blocks --------------------------------------------------------------------------------- */

/* A title wrapped at word boundaries to the width, then a rule under it as long as its widest
 * line. */
static void underline(rbuf *b, const char *s, size_t len, char c, int width) {
    size_t from = b->len;
    wrap(b, s, len, width, "", "");
    size_t widest = 0, st = from;
    for (size_t i = from; i < b->len; i++) {
        if (b->data[i] == '\n') {
            size_t w = rd_width(b->data + st, i - st);
            if (w > widest) widest = w;
            st = i + 1;
        }
    }
    rb_addrep(b, c, widest < (size_t)width ? widest : (size_t)width);
    rb_addc(b, '\n');
}

/* Each block ends with an empty line; the walk is rd_walk's. */

static void text_section(void *ctx, int blk, int depth) {
    tx *x = ctx;
    rbuf *b = x->b;
    (void)depth; /* the builder's level says how the heading looks */
    size_t len;
    const char *s = rd_str(x->L, blk, "title", &len);
    lua_Integer level = rd_int(x->L, blk, "level", 1);
    if (s) {
        if (level <= 1) underline(b, s, len, '-', x->width);
        else if (level == 2) underline(b, s, len, '.', x->width);
        else wrap(b, s, len, x->width, "", "");
        rb_addc(b, '\n');
    }
}

static void text_paragraph(void *ctx, int blk, int depth) {
    tx *x = ctx;
    (void)depth;
    size_t len;
    const char *s = rd_str(x->L, blk, "text", &len);
    if (s) plain_markdown(x, s, len, "", "");
    rb_addc(x->b, '\n');
}

static void text_keyvalue(void *ctx, int blk, int depth) {
    tx *x = ctx;
    lua_State *L = x->L;
    rbuf *b = x->b;
    (void)depth;
    size_t len;
    char num[64];
    const char *s = rd_str(L, blk, "caption", &len);
    if (s) wrap(b, s, len, x->width, "", "");
    size_t n = rd_len(L, blk, "items"), kw = 0;
    for (size_t i = 1; i <= n; i++) {
        rd_push_item(L, blk, "items", (lua_Integer)i);
        const char *k = rd_str(L, -1, "key", &len);
        size_t w = k ? rd_width(k, len) + strlen(rd_key_colon(k, len)) : 0;
        if (w > kw) kw = w;
        lua_pop(L, 1);
    }
    if (kw > (size_t)x->width / 3) kw = (size_t)x->width / 3;
    rbuf *line = rb_new(L);
    rbuf *hang = rb_new(L);
    rb_addrep(hang, ' ', kw + 2);
    rb_addc(hang, '\0');
    for (size_t i = 1; i <= n; i++) {
        rd_push_item(L, blk, "items", (lua_Integer)i);
        const char *k = rd_str(L, -1, "key", &len);
        rb_reset(line);
        rb_add(line, k ? k : "", k ? len : 0);
        rb_adds(line, rd_key_colon(k ? k : "", k ? len : 0));
        size_t lw = rd_width(line->data, line->len);
        if (lw < kw + 2) rb_addrep(line, ' ', kw + 2 - lw);
        else rb_addc(line, ' ');
        rb_addc(line, '\0');
        size_t vl;
        const char *v = rd_kv_value(L, x->doc, -1, num, sizeof num, &vl, NULL);
        wrap(b, v ? v : "", v ? vl : 0, x->width, line->data, hang->data);
        trim_line(b);
        lua_pop(L, 1);
    }
    lua_pop(L, 2);
    rb_addc(b, '\n');
}

static void text_table_block(void *ctx, int blk, int depth) {
    (void)depth;
    text_table(ctx, blk, 1);
    rb_addc(((tx *)ctx)->b, '\n');
}

static void text_list(void *ctx, int blk, int depth) {
    tx *x = ctx;
    lua_State *L = x->L;
    (void)depth;
    size_t len;
    char num[64];
    const char *style = rd_str(L, blk, "style", NULL);
    int number = style && strcmp(style, "number") == 0;
    int check = style && strcmp(style, "check") == 0;
    int markdown = rd_bool(L, blk, "markdown");
    size_t n = rd_len(L, blk, "items");
    int digits = snprintf(num, sizeof num, "%zu", n);
    char first[64], rest[64];
    for (size_t i = 1; i <= n; i++) {
        rd_push_item(L, blk, "items", (lua_Integer)i);
        const char *s = rd_str(L, -1, "text", &len);
        if (number) {
            snprintf(first, sizeof first, "%*zu. ", digits, i);
            snprintf(rest, sizeof rest, "%*s", digits + 2, "");
        } else if (check) {
            snprintf(first, sizeof first, "[%c] ", rd_bool(L, -1, "checked") ? 'x' : ' ');
            snprintf(rest, sizeof rest, "    ");
        } else {
            snprintf(first, sizeof first, "- ");
            snprintf(rest, sizeof rest, "  ");
        }
        if (s && markdown) plain_item(x, s, len, first, rest);
        else wrap(x->b, s ? s : "", s ? len : 0, x->width, first, rest);
        lua_pop(L, 1);
    }
    rb_addc(x->b, '\n');
}

static void text_callout(void *ctx, int blk, int depth) {
    tx *x = ctx;
    lua_State *L = x->L;
    rbuf *b = x->b;
    (void)depth;
    size_t len;
    const char *style = rd_str(L, blk, "style", NULL);
    int warn = style && strcmp(style, "warning") == 0;
    const char *label = rd_label(L, x->doc, warn ? "warning" : "note");
    const char *title = rd_str(L, blk, "title", &len);
    const char *s = rd_str(L, blk, "text", NULL);
    size_t tl = s ? strlen(s) : 0;
    char first[128];
    if (title) {
        rbuf *head = rb_new(L);
        rb_adds(head, warn ? "! " : "i ");
        rb_adds(head, label);
        rb_add(head, ": ", 2);
        rb_add(head, title, len);
        wrap(b, head->data, head->len, x->width, "", "  ");
        lua_pop(L, 1);
        if (s) plain_markdown(x, s, tl, "  ", "  ");
    } else {
        snprintf(first, sizeof first, "%s%s: ", warn ? "! " : "i ", label);
        plain_markdown(x, s ? s : "", tl, first, "  ");
    }
    rb_addc(b, '\n');
}

static void text_chart(void *ctx, int blk, int depth) {
    tx *x = ctx;
    lua_State *L = x->L;
    rbuf *b = x->b;
    (void)depth;
    size_t len;
    const char *s = rd_str(L, blk, "title", &len);
    rbuf *head = rb_new(L);
    rb_adds(head, rd_label(L, x->doc, "chart"));
    rb_add(head, ": ", 2);
    if (s) rb_add(head, s, len);
    wrap(b, head->data, head->len, x->width, "", "");
    lua_pop(L, 1);
    s = rd_str(L, blk, "alt", &len);
    if (s) wrap(b, s, len, x->width, "", "");
    rb_addc(b, '\n');
    rd_chart_kind kind = rd_chart(L, blk);
    if (!(rd_chart_bars(L, blk, b, x->width, "  ") && kind == RD_CHART_BAR)) {
        if (kind == RD_CHART_PROGRESS) rb_addc(b, '\n');
        if (lua_getfield(L, blk, "table") == LUA_TTABLE) {
            /* the chart title is already shown: no caption */
            text_table(x, lua_gettop(L), 0);
        }
        lua_pop(L, 1);
    }
    rb_addc(b, '\n');
}

/* Title, subtitle and the "District · period P · as of D" line. */
static void text_document(void *ctx, int doc) {
    tx *x = ctx;
    lua_State *L = x->L;
    rbuf *b = x->b;
    size_t len;
    const char *s = rd_str(L, doc, "title", &len);
    if (s) underline(b, s, len, '=', x->width);
    s = rd_str(L, doc, "subtitle", &len);
    if (s) wrap(b, s, len, x->width, "", "");
    rbuf *meta = rb_new(L);
    rd_meta_line(L, doc, meta);
    if (meta->len) wrap(b, meta->data, meta->len, x->width, "", "");
    lua_pop(L, 1);
    if (b->len) rb_addc(b, '\n');
}

/* One trailing newline, and no control characters a terminal would act on. */
static void text_document_end(void *ctx, int doc) {
    rbuf *b = ((tx *)ctx)->b;
    (void)doc;
    while (b->len > 1 && b->data[b->len - 1] == '\n' && b->data[b->len - 2] == '\n') b->len--;
    strip_controls(b);
}

/* A page break shows nothing in a terminal: no member for it. */
static const rd_walker text_walker = {
    .document = text_document,   .document_end = text_document_end, .section = text_section,
    .paragraph = text_paragraph, .keyvalue = text_keyvalue,         .table = text_table_block,
    .list = text_list,           .callout = text_callout,           .chart = text_chart,
    .strict = 0,
};

int render_text(lua_State *L) {
    luaL_checktype(L, 1, LUA_TTABLE);
    int width = 80;
    if (lua_type(L, 2) == LUA_TTABLE) width = (int)rd_int(L, 2, "width", 80);
    if (width < 30) width = 30;
    if (width > 1000) width = 1000;
    lua_settop(L, 1);
    tx x = {L, rb_new(L), width, 1};
    rd_walk(L, 1, &text_walker, &x);
    rb_push(x.b);
    return 1;
}
