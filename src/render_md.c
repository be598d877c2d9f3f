/* render_md.c: render.markdown(doc) -> GitHub-flavoured Markdown that reads well raw.
 *
 * User text (titles, cells, keys, list items, captions, notes) shows as typed: it is escaped
 * only where a character would change the meaning in its position (md_inline_at): emphasis,
 * code, strike-through and link brackets anywhere, "<" before a tag, "&" before an entity, a
 * block starter ("# ", "- ", "1. ", "> ", "---") only at the start of a block, "|" only in a
 * table cell; line breaks become spaces. Paragraph and callout text (and the items of a list
 * with markdown = true) is Markdown by contract and passes through, except that anything that
 * would start raw HTML ("<b", "</", "<!", "<?") is escaped and a link to another scheme than
 * http, https or mailto stays text: the output never carries HTML or script links of its own.
 * Tables are pipe tables with alignment; callouts use GitHub's "> [!NOTE]" alerts; charts show
 * their text alternative, text bars (bar and progress) and their data table. The file ends
 * with one newline. */
#include <lauxlib.h>
#include <ctype.h>
#include <string.h>

#include "render.h"

typedef struct {
    lua_State *L;
    rbuf *b;
    int doc;
} md;

/* Where escaped text goes: what could change its meaning depends on the position. */
typedef enum {
    MD_SPAN,    /* inside a line, after other text (bold captions, keyvalue values) */
    MD_LINE,    /* starts a block: a list item's text, the meta line */
    MD_HEADING, /* after "## ": a trailing " #" would be eaten as a closing sequence */
    MD_CELL     /* a pipe-table cell: "|" ends the cell; nothing can start a block */
} md_where;

static int is_alnum(char c) { return isalnum((unsigned char)c) != 0; }

/* Does S (LEN bytes) start like an HTML entity ("&amp;", "&#60;", "&#x3C;")? S[0] is '&'. */
static int entity_like(const char *s, size_t len) {
    size_t i = 1;
    if (i < len && s[i] == '#') {
        i++;
        int hex = i < len && (s[i] == 'x' || s[i] == 'X');
        if (hex) i++;
        size_t st = i;
        while (i < len && (hex ? isxdigit((unsigned char)s[i]) : isdigit((unsigned char)s[i]))) i++;
        return i > st && i < len && s[i] == ';';
    }
    size_t st = i;
    while (i < len && is_alnum(s[i])) i++;
    return i > st && i < len && s[i] == ';';
}

/* Would the line S start a block other than a paragraph ("# ", "> ", "- ", "+ ", "1. ",
 * "---")? Returns the offset of the character to escape, or -1. */
static long block_starter(const char *s, size_t len) {
    if (len == 0) return -1;
    char c = s[0];
    int spaced = len == 1 || s[1] == ' ' || s[1] == '\t';
    if (c == '#' || c == '>') return 0;
    if ((c == '-' || c == '+') && spaced) return 0;
    if (c == '-') { /* a thematic break: three or more '-' and nothing else but blanks */
        size_t dashes = 0, i;
        for (i = 0; i < len && (s[i] == '-' || s[i] == ' ' || s[i] == '\t'); i++) dashes += s[i] == '-';
        if (i == len && dashes >= 3) return 0;
    }
    if (isdigit((unsigned char)c)) {
        size_t j = 0;
        while (j < len && j < 10 && isdigit((unsigned char)s[j])) j++;
        if (j < len && (s[j] == '.' || s[j] == ')') &&
            (j + 1 == len || s[j + 1] == ' ' || s[j + 1] == '\t'))
            return (long)j;
    }
    return -1;
}

/* User text as Markdown that shows it as typed, escaping only what would change its meaning
 * at WHERE: emphasis, code, strike-through and link brackets anywhere; "<" only before a tag,
 * comment or autolink; "&" only before an entity; "_" only at a word's edge; block starters
 * only at the start of a block; "|" only in a table cell. Line breaks become spaces (one line
 * of Markdown), and blanks at either end go (they would make code or break emphasis). */
static void md_inline_at(rbuf *b, const char *s, size_t len, md_where where) {
    size_t i = 0;
    while (i < len && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r')) i++;
    while (len > i && (s[len - 1] == ' ' || s[len - 1] == '\t' || s[len - 1] == '\n' ||
                       s[len - 1] == '\r'))
        len--;
    long start_esc = where == MD_LINE ? block_starter(s + i, len - i) : -1;
    size_t closing = len; /* MD_HEADING: where a trailing " ###" run starts */
    if (where == MD_HEADING) {
        size_t j = len;
        while (j > i && s[j - 1] == '#') j--;
        if (j < len && (j == i || s[j - 1] == ' ' || s[j - 1] == '\t')) closing = j;
    }
    size_t first = i;
    for (; i < len; i++) {
        char c = s[i];
        int esc = 0;
        switch (c) {
        case '\\': case '`': case '*': case '[': case ']': case '~':
            esc = 1;
            break;
        case '_': /* inside a word ("plan_item") it cannot emphasise */
            esc = !(i > first && is_alnum(s[i - 1]) && i + 1 < len && is_alnum(s[i + 1]));
            break;
        case '<':
            esc = i + 1 < len && (isalpha((unsigned char)s[i + 1]) || s[i + 1] == '/' ||
                                  s[i + 1] == '!' || s[i + 1] == '?');
            break;
        case '&':
            esc = entity_like(s + i, len - i);
            break;
        case '|':
            esc = where == MD_CELL;
            break;
        case '#':
            esc = i == closing;
            break;
        case '\r':
            continue;
        case '\n': case '\t':
            c = ' ';
            break;
        default:
            break;
        }
        if (start_esc >= 0 && i == first + (size_t)start_esc) esc = 1;
        if (esc) rb_addc(b, '\\');
        rb_addc(b, c);
    }
}

static void md_inline(rbuf *b, const char *s, size_t len) { md_inline_at(b, s, len, MD_SPAN); }

/* Is the link destination after "](" or "]:" at S unsafe (javascript:, data:, ...)? It ends
 * at a blank, ")" or ">"; a leading "<" opens it. */
static int unsafe_destination(const char *s, size_t len) {
    size_t i = 0;
    while (i < len && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n')) i++;
    if (i < len && s[i] == '<') i++;
    size_t st = i;
    while (i < len && s[i] != ' ' && s[i] != ')' && s[i] != '>' && s[i] != '\n') i++;
    return !rd_safe_url(s + st, i - st);
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

/* A list item's own Markdown on one line: inline Markdown (emphasis, code, links) is kept,
 * with md_text's safety (no HTML, no unsafe link), but nothing may start a block of its own. */
static void md_line(rbuf *b, const char *s, size_t len) {
    while (len > 0 && (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')) s++, len--;
    while (len > 0 && (s[len - 1] == ' ' || s[len - 1] == '\t' || s[len - 1] == '\n' ||
                       s[len - 1] == '\r'))
        len--;
    long esc = block_starter(s, len);
    if (esc < 0 && len >= 2 && (*s == '*' || *s == '_') && (s[1] == ' ' || s[1] == '\t'))
        esc = 0; /* "* x" would be a nested list */
    if (esc < 0 && len >= 3 && (strncmp(s, "```", 3) == 0 || strncmp(s, "~~~", 3) == 0 ||
                                strncmp(s, "***", 3) == 0 || strncmp(s, "___", 3) == 0))
        esc = 0; /* a fence or a thematic break */
    rbuf *line = rb_new(b->L);
    if (esc >= 0) {
        rb_add(line, s, (size_t)esc);
        rb_addc(line, '\\');
        rb_add(line, s + esc, len - (size_t)esc);
    } else {
        rb_add(line, s, len);
    }
    for (size_t i = 0; i < line->len; i++)
        if (line->data[i] == '\n' || line->data[i] == '\r' || line->data[i] == '\t') line->data[i] = ' ';
    size_t mark = b->len;
    md_text(b, line->data ? line->data : "", line->len, "");
    if (b->len > mark && b->data[b->len - 1] == '\n') b->len--; /* md_text ends the line */
    lua_pop(b->L, 1);
}

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
    rd_col_words(cols, n, rd_label(L, m->doc, "yes"), rd_label(L, m->doc, "no"),
                 rd_label(L, m->doc, "suppressed"));
    if (n == 0) {
        lua_pop(L, 1);
        return;
    }
    rb_addc(b, '|');
    for (int c = 0; c < n; c++) {
        rb_addc(b, ' ');
        md_inline_at(b, cols[c].label, strlen(cols[c].label), MD_CELL);
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
                    md_inline_at(b, cell.text, cell.len, MD_CELL);
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
    const char *note = rd_label(L, m->doc, "note");
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

/* ---- blocks (the walk is rd_walk's; each block ends with an empty line) --------------------- */

static void md_section(void *ctx, int blk, int depth) {
    md *m = ctx;
    (void)depth; /* the builder's level says how deep the heading is */
    size_t len;
    lua_Integer level = rd_int(m->L, blk, "level", 1);
    if (level < 1) level = 1;
    if (level > 5) level = 5;
    const char *s = rd_str(m->L, blk, "title", &len);
    if (s) {
        rb_addrep(m->b, '#', (size_t)level + 1);
        rb_addc(m->b, ' ');
        md_inline_at(m->b, s, len, MD_HEADING);
        rb_adds(m->b, "\n\n");
    }
}

static void md_paragraph(void *ctx, int blk, int depth) {
    md *m = ctx;
    (void)depth;
    size_t len;
    const char *s = rd_str(m->L, blk, "text", &len);
    if (!s) return;
    md_text(m->b, s, len, "");
    rb_addc(m->b, '\n');
}

static void md_keyvalue(void *ctx, int blk, int depth) {
    md *m = ctx;
    lua_State *L = m->L;
    rbuf *b = m->b;
    (void)depth;
    size_t len;
    char num[64];
    const char *s = rd_str(L, blk, "caption", &len);
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
        rb_adds(b, rd_key_colon(k ? k : "", k ? len : 0));
        rb_adds(b, "**");
        int number;
        size_t vl;
        const char *v = rd_kv_value(L, m->doc, it, num, sizeof num, &vl, &number);
        if (v && vl) {
            rb_addc(b, ' ');
            if (number) rb_add(b, v, vl); /* digits, sign, point, exponent: nothing to escape */
            else md_inline(b, v, vl);
        }
        rb_addc(b, '\n');
        lua_pop(L, 1);
    }
    rb_addc(b, '\n');
}

static void md_table_block(void *ctx, int blk, int depth) {
    (void)depth;
    md_table(ctx, blk, 1);
    rb_addc(((md *)ctx)->b, '\n');
}

static void md_list(void *ctx, int blk, int depth) {
    md *m = ctx;
    lua_State *L = m->L;
    rbuf *b = m->b;
    (void)depth;
    size_t len;
    const char *style = rd_str(L, blk, "style", NULL);
    int number = style && strcmp(style, "number") == 0;
    int check = style && strcmp(style, "check") == 0;
    int markdown = rd_bool(L, blk, "markdown");
    size_t n = rd_len(L, blk, "items");
    for (size_t i = 1; i <= n; i++) {
        rd_push_item(L, blk, "items", (lua_Integer)i);
        const char *s = rd_str(L, -1, "text", &len);
        if (number) rb_addf(b, "%zu. ", i);
        else if (check) rb_adds(b, rd_bool(L, -1, "checked") ? "- [x] " : "- [ ] ");
        else rb_adds(b, "- ");
        if (s && markdown) md_line(b, s, len);
        else if (s) md_inline_at(b, s, len, MD_LINE);
        rb_addc(b, '\n');
        lua_pop(L, 1);
    }
    rb_addc(b, '\n');
}

static void md_callout(void *ctx, int blk, int depth) {
    md *m = ctx;
    rbuf *b = m->b;
    (void)depth;
    size_t len;
    const char *style = rd_str(m->L, blk, "style", NULL);
    int warn = style && strcmp(style, "warning") == 0;
    rb_adds(b, warn ? "> [!WARNING]\n" : "> [!NOTE]\n");
    const char *s = rd_str(m->L, blk, "title", &len);
    if (s) {
        rb_adds(b, "> **");
        md_inline(b, s, len);
        rb_adds(b, "**\n>\n");
    }
    s = rd_str(m->L, blk, "text", &len);
    if (s) md_text(b, s, len, "> ");
    rb_addc(b, '\n');
}

static void md_pagebreak(void *ctx, int blk, int depth) {
    (void)blk, (void)depth;
    rb_adds(((md *)ctx)->b, "---\n\n");
}

static void md_chart(void *ctx, int blk, int depth) {
    md *m = ctx;
    lua_State *L = m->L;
    rbuf *b = m->b;
    (void)depth;
    size_t len;
    const char *s = rd_str(L, blk, "title", &len);
    const char *label = rd_label(L, m->doc, "chart");
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
        if (kind == RD_CHART_BAR) {
            rb_addc(b, '\n');
            return;
        }
        rb_addc(b, '\n');
    }
    if (lua_getfield(L, blk, "table") == LUA_TTABLE) md_table(m, lua_gettop(L), 0);
    lua_pop(L, 1);
    rb_addc(b, '\n');
}

/* Title, subtitle and the "District · period P · as of D" line. */
static void md_document(void *ctx, int doc) {
    md *m = ctx;
    lua_State *L = m->L;
    rbuf *b = m->b;
    size_t len;
    const char *s = rd_str(L, doc, "title", &len);
    if (s) {
        rb_adds(b, "# ");
        md_inline_at(b, s, len, MD_HEADING);
        rb_adds(b, "\n\n");
    }
    const char *sub = rd_str(L, doc, "subtitle", &len);
    if (sub) {
        rb_adds(b, "**");
        md_inline(b, sub, len);
        rb_adds(b, "**\n\n");
    }
    rbuf *meta = rb_new(L);
    rd_meta_line(L, doc, meta);
    if (meta->len) {
        md_inline_at(b, meta->data, meta->len, MD_LINE);
        rb_adds(b, "\n\n");
    }
    lua_pop(L, 1);
}

/* The file ends with exactly one newline. */
static void md_document_end(void *ctx, int doc) {
    rbuf *b = ((md *)ctx)->b;
    (void)doc;
    while (b->len > 0 && (b->data[b->len - 1] == '\n' || b->data[b->len - 1] == ' ')) b->len--;
    if (b->len) rb_addc(b, '\n');
}

static const rd_walker md_walker = {
    .document = md_document,   .document_end = md_document_end, .section = md_section,
    .paragraph = md_paragraph, .keyvalue = md_keyvalue,         .table = md_table_block,
    .list = md_list,           .callout = md_callout,           .pagebreak = md_pagebreak,
    .chart = md_chart,         .strict = 0,
};

int render_markdown(lua_State *L) {
    luaL_checktype(L, 1, LUA_TTABLE);
    lua_settop(L, 1);
    md m = {L, rb_new(L), 1};
    rd_walk(L, 1, &md_walker, &m);
    rb_push(m.b);
    return 1;
}
