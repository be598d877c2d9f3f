/* render_md.c: render.markdown(doc) -> GitHub-flavoured Markdown.
 *
 * User text (titles, cells, keys, list items, captions, notes) is escaped so it shows as
 * typed: Markdown specials get a backslash, a leading "#", "-", "+", "1." cannot start a
 * heading or a list, line breaks become spaces, and "|" cannot end a table cell. Paragraph and
 * callout text is Markdown by contract and passes through, except that anything that would
 * start raw HTML ("<b", "</", "<!", "<?") is escaped: the output never carries HTML of its own.
 * Tables are pipe tables with alignment; callouts use GitHub's "> [!NOTE]" alerts; charts show
 * their text alternative, text bars (bar and progress) and their data table. */
#include <lauxlib.h>
#include <ctype.h>
#include <string.h>
#include <strings.h>

#include "render.h"

typedef struct {
    lua_State *L;
    rbuf *b;
    int doc;
} md;

/* Escape S for inline Markdown. */
static void md_inline(rbuf *b, const char *s, size_t len) {
    size_t i = 0;
    /* leading blanks would make an indented code block or be lost */
    while (i < len && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r')) i++;
    /* block starters at the beginning of the text */
    if (i < len && (s[i] == '-' || s[i] == '+' || s[i] == '=')) /* # and > are escaped below */
        rb_addc(b, '\\');
    else if (i < len && isdigit((unsigned char)s[i])) {
        size_t j = i;
        while (j < len && isdigit((unsigned char)s[j])) j++;
        if (j < len && (s[j] == '.' || s[j] == ')')) {
            rb_add(b, s + i, j - i);
            rb_addc(b, '\\');
            i = j;
        }
    }
    for (; i < len; i++) {
        char c = s[i];
        switch (c) {
        case '\\': case '`': case '*': case '_': case '[': case ']': case '<': case '>':
        case '|': case '~': case '#':
            rb_addc(b, '\\');
            rb_addc(b, c);
            break;
        case '&':
            /* only an entity-looking & needs it, but escaping all is harmless */
            rb_add(b, "\\&", 2);
            break;
        case '!':
            rb_addc(b, '\\');
            rb_addc(b, c);
            break;
        case '\r':
            break;
        case '\n': case '\t':
            rb_addc(b, ' ');
            break;
        default:
            rb_addc(b, c);
        }
    }
}

/* Does the link destination after "](" or "]:" at S start with a scheme other than http,
 * https or mailto (javascript:, data:, vbscript: ...)? Relative links and #anchors are fine. */
static int unsafe_destination(const char *s, size_t len) {
    size_t i = 0;
    while (i < len && (s[i] == ' ' || s[i] == '\t' || s[i] == '<')) i++;
    size_t st = i;
    if (i >= len || !isalpha((unsigned char)s[i])) return 0;
    while (i < len && (isalnum((unsigned char)s[i]) || s[i] == '+' || s[i] == '.' || s[i] == '-')) i++;
    if (i >= len || s[i] != ':') return 0;
    size_t n = i - st;
    if ((n == 4 && strncasecmp(s + st, "http", 4) == 0) || (n == 5 && strncasecmp(s + st, "https", 5) == 0) ||
        (n == 6 && strncasecmp(s + st, "mailto", 6) == 0))
        return 0;
    return 1;
}

/* Markdown text from the author: kept, but HTML tag openers are escaped, and a link whose
 * destination has an unsafe scheme loses its "]" so it stays text. PREFIX starts every line
 * (for block quotes). */
static void md_text(rbuf *b, const char *s, size_t len, const char *prefix) {
    rb_adds(b, prefix);
    for (size_t i = 0; i < len; i++) {
        char c = s[i];
        if (c == ']' && i + 1 < len && (s[i + 1] == '(' || s[i + 1] == ':') &&
            unsafe_destination(s + i + 2, len - i - 2)) {
            rb_add(b, "\\]", 2);
        } else if (c == '<' && i + 1 < len &&
            (isalpha((unsigned char)s[i + 1]) || s[i + 1] == '/' || s[i + 1] == '!' ||
             s[i + 1] == '?')) {
            rb_add(b, "\\<", 2);
        } else if (c == '\r') {
            continue;
        } else if (c == '\n') {
            rb_addc(b, '\n');
            if (i + 1 < len) rb_adds(b, prefix);
        } else {
            rb_addc(b, c);
        }
    }
    rb_addc(b, '\n');
}

static void md_blocks(md *m, int container);

static void md_table(md *m, int t, int show_caption) {
    lua_State *L = m->L;
    rbuf *b = m->b;
    t = lua_absindex(L, t);
    size_t len;
    const char *cap = rd_str(L, t, "caption", &len);
    if (cap && show_caption) {
        rb_adds(b, "**");
        md_inline(b, cap, len);
        rb_adds(b, "**\n\n");
    }
    int n;
    rd_col *cols = rd_columns(L, t, &n);
    if (n == 0) {
        lua_pop(L, 1);
        return;
    }
    rb_addc(b, '|');
    for (int c = 0; c < n; c++) {
        rb_addc(b, ' ');
        md_inline(b, cols[c].label, strlen(cols[c].label));
        rb_adds(b, " |");
    }
    rb_addc(b, '\n');
    rb_addc(b, '|');
    for (int c = 0; c < n; c++)
        rb_adds(b, cols[c].align == RD_RIGHT    ? " ---: |"
                   : cols[c].align == RD_CENTER ? " :---: |"
                                                : " --- |");
    rb_addc(b, '\n');
    size_t rows = rd_len(L, t, "rows");
    int has_totals = lua_getfield(L, t, "totals") == LUA_TTABLE;
    lua_pop(L, 1);
    for (size_t r = 1; r <= rows + (size_t)has_totals; r++) {
        int totals = r > rows;
        if (!totals) rd_push_item(L, t, "rows", (lua_Integer)r);
        else lua_getfield(L, t, "totals");
        int row = lua_type(L, -1) == LUA_TTABLE ? lua_gettop(L) : 0;
        rb_addc(b, '|');
        for (int c = 0; c < n; c++) {
            rd_cell cell;
            rd_cell_read(L, row, &cols[c], &cell);
            rb_addc(b, ' ');
            if (cell.len) {
                if (totals) rb_adds(b, "**");
                if (cell.kind == RD_CELL_SUPPRESSED) rb_addc(b, '(');
                if (cell.kind == RD_CELL_NUMBER && !cell.has_display)
                    rb_add(b, cell.text, cell.len); /* formatted by cairn: nothing to escape */
                else
                    md_inline(b, cell.text, cell.len);
                if (cell.kind == RD_CELL_SUPPRESSED) rb_addc(b, ')');
                if (totals) rb_adds(b, "**");
            }
            rb_adds(b, " |");
        }
        rb_addc(b, '\n');
        lua_pop(L, 1);
    }
    lua_pop(L, 1); /* cols */
    size_t nn = rd_len(L, t, "notes");
    const char *note = rd_label(L, m->doc, "note", "Note");
    for (size_t i = 1; i <= nn; i++) {
        rd_push_item(L, t, "notes", (lua_Integer)i);
        const char *s = lua_tolstring(L, -1, &len);
        if (s) {
            rb_adds(b, i == 1 ? "\n_" : "_");
            md_inline(b, note, strlen(note));
            rb_adds(b, ":_ ");
            md_inline(b, s, len);
            rb_adds(b, i < nn ? "  \n" : "\n");
        }
        lua_pop(L, 1);
    }
}

static void md_block(md *m, int blk) {
    lua_State *L = m->L;
    rbuf *b = m->b;
    size_t len;
    const char *s;
    char num[64];
    switch (rd_block(L, blk)) {
    case RD_SECTION: {
        lua_Integer level = rd_int(L, blk, "level", 1);
        if (level < 1) level = 1;
        if (level > 5) level = 5;
        s = rd_str(L, blk, "title", &len);
        if (s) {
            rb_addrep(b, '#', (size_t)level + 1);
            rb_addc(b, ' ');
            md_inline(b, s, len);
            rb_adds(b, "\n\n");
        }
        md_blocks(m, blk);
        return;
    }
    case RD_PARAGRAPH:
        s = rd_str(L, blk, "text", &len);
        if (!s) return;
        md_text(b, s, len, "");
        break;
    case RD_KEYVALUE: {
        s = rd_str(L, blk, "caption", &len);
        if (s) {
            rb_adds(b, "**");
            md_inline(b, s, len);
            rb_adds(b, "**\n\n");
        }
        size_t n = rd_len(L, blk, "items");
        for (size_t i = 1; i <= n; i++) {
            rd_push_item(L, blk, "items", (lua_Integer)i);
            int it = lua_gettop(L);
            const char *k = rd_str(L, it, "key", &len);
            rb_adds(b, "- **");
            if (k) md_inline(b, k, len);
            rb_adds(b, ":**");
            int number = lua_getfield(L, it, "value") == LUA_TNUMBER;
            const char *v = NULL;
            size_t vl = 0;
            if (lua_isboolean(L, -1)) {
                v = rd_label(L, m->doc, lua_toboolean(L, -1) ? "yes" : "no",
                             lua_toboolean(L, -1) ? "yes" : "no");
                vl = strlen(v);
            } else {
                v = rd_text(L, it, "value", num, sizeof num, &vl);
            }
            lua_pop(L, 1);
            if (v && vl) {
                rb_addc(b, ' ');
                if (number) rb_add(b, v, vl); /* digits, sign, point, exponent: nothing to escape */
                else md_inline(b, v, vl);
            }
            rb_addc(b, '\n');
            lua_pop(L, 1);
        }
        break;
    }
    case RD_TABLE:
        md_table(m, blk, 1);
        break;
    case RD_LIST: {
        const char *style = rd_str(L, blk, "style", NULL);
        int number = style && strcmp(style, "number") == 0;
        int check = style && strcmp(style, "check") == 0;
        size_t n = rd_len(L, blk, "items");
        for (size_t i = 1; i <= n; i++) {
            rd_push_item(L, blk, "items", (lua_Integer)i);
            s = rd_str(L, -1, "text", &len);
            if (number) rb_addf(b, "%zu. ", i);
            else if (check) rb_adds(b, rd_bool(L, -1, "checked") ? "- [x] " : "- [ ] ");
            else rb_adds(b, "- ");
            if (s) md_inline(b, s, len);
            rb_addc(b, '\n');
            lua_pop(L, 1);
        }
        break;
    }
    case RD_CALLOUT: {
        const char *style = rd_str(L, blk, "style", NULL);
        int warn = style && strcmp(style, "warning") == 0;
        rb_adds(b, warn ? "> [!WARNING]\n" : "> [!NOTE]\n");
        s = rd_str(L, blk, "title", &len);
        if (s) {
            rb_adds(b, "> **");
            md_inline(b, s, len);
            rb_adds(b, "**\n>\n");
        }
        s = rd_str(L, blk, "text", &len);
        if (s) md_text(b, s, len, "> ");
        break;
    }
    case RD_PAGEBREAK:
        rb_adds(b, "---\n");
        break;
    case RD_CHART: {
        s = rd_str(L, blk, "title", &len);
        const char *label = rd_label(L, m->doc, "chart", "Chart");
        rb_adds(b, "**");
        md_inline(b, label, strlen(label));
        rb_adds(b, ": ");
        if (s) md_inline(b, s, len);
        rb_adds(b, "**\n\n");
        s = rd_str(L, blk, "alt", &len);
        if (s) {
            rb_addc(b, '_');
            md_inline(b, s, len);
            rb_adds(b, "_\n\n");
        }
        rd_chart_kind kind = rd_chart(L, blk);
        /* an indented code block, not a fence: no label can close it */
        if (rd_chart_bars(L, blk, b, 84, "    ")) {
            if (kind == RD_CHART_BAR) break;
            rb_addc(b, '\n');
        }
        if (lua_getfield(L, blk, "table") == LUA_TTABLE) md_table(m, lua_gettop(L), 0);
        lua_pop(L, 1);
        break;
    }
    default:
        return;
    }
    rb_addc(b, '\n');
}

static void md_blocks(md *m, int container) {
    lua_State *L = m->L;
    container = lua_absindex(L, container);
    luaL_checkstack(L, 10, "render.markdown");
    size_t n = rd_len(L, container, "blocks");
    for (size_t i = 1; i <= n; i++) {
        if (rd_push_item(L, container, "blocks", (lua_Integer)i) == LUA_TTABLE)
            md_block(m, lua_gettop(L));
        lua_pop(L, 1);
    }
}

int render_markdown(lua_State *L) {
    luaL_checktype(L, 1, LUA_TTABLE);
    lua_settop(L, 1);
    md m = {L, rb_new(L), 1};
    rbuf *b = m.b;
    size_t len;
    char num[64];
    const char *s = rd_str(L, 1, "title", &len);
    if (s) {
        rb_adds(b, "# ");
        md_inline(b, s, len);
        rb_adds(b, "\n\n");
    }
    const char *sub = rd_str(L, 1, "subtitle", &len);
    if (sub) {
        rb_adds(b, "**");
        md_inline(b, sub, len);
        rb_adds(b, "**\n\n");
    }
    size_t mark = b->len;
    const char *d = rd_str(L, 1, "district", &len);
    int any = 0;
    if (d && !(sub && strcmp(sub, d) == 0)) {
        md_inline(b, d, len);
        any = 1;
    }
    const char *p = rd_text(L, 1, "period", num, sizeof num, &len);
    if (p) {
        if (any) rb_adds(b, " · ");
        md_inline(b, rd_label(L, 1, "period", "period"), strlen(rd_label(L, 1, "period", "period")));
        rb_addc(b, ' ');
        md_inline(b, p, len);
        any = 1;
    }
    const char *a = rd_str(L, 1, "as_of", &len);
    if (a) {
        if (any) rb_adds(b, " · ");
        const char *l = rd_label(L, 1, "as_of", "as of");
        md_inline(b, l, strlen(l));
        rb_addc(b, ' ');
        md_inline(b, a, len);
        any = 1;
    }
    if (any) rb_adds(b, "\n\n");
    else b->len = mark;
    md_blocks(&m, 1);
    while (b->len > 1 && b->data[b->len - 1] == '\n' && b->data[b->len - 2] == '\n') b->len--;
    rb_push(b);
    return 1;
}
