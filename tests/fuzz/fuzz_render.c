/* fuzz_render.c: a libFuzzer target for the renderers (src/render*.c): Markdown and HTML, and
 * on the way text and JSON, over a report document built from the fuzz bytes.
 *
 * The bytes are decoded, not parsed: each byte picks what comes next (a block type, a field, a
 * value), so every input is some document: sections nested past any limit (and sections that
 * contain themselves), tables with thousands of rows, every chart kind with odd data, themes
 * and labels, and strings that are raw bytes (invalid UTF-8 and NULs included), Markdown
 * fragments repeated thousands of times and joined (deep block quotes, emphasis, lists, links) or
 * markup that must not survive into a page.
 *
 * A finding is a crash or sanitizer report, or HTML output that is not UTF-8 or shows a tag
 * that came from the input: every string may contain "<fz" and the page must never. A Lua
 * error from a renderer (a bad document refused with a message) is not a finding. */
#define _GNU_SOURCE /* memmem */
#include <lauxlib.h>
#include <string.h>

#include "fuzz_host.h"
#include "host.h"
#include "render.h"

typedef struct {
    const uint8_t *p;
    size_t n, pos;
    int nodes; /* tables made so far: every input stays quick to render */
} input;

static unsigned byte(input *in) { return in->pos < in->n ? in->p[in->pos++] : 0; }
static int more(input *in) { return in->pos < in->n && in->nodes < 3000; }

/* Markup and text the renderers must treat with care. */
static const char *const dict[] = {
    "<fz>", "<fz onclick=x>", "</p><fz>", "<script>", "&amp;", "&#60;fz", "**", "*", "_", "~~",
    "> ", "- ", "1. ", "# ", "###### ", "```", "    ", "\n", "\r\n", "\t", "|a|b|\n|-|-|\n|<fz|d|\n",
    "[", "](", ")", "[x](javascript:alert(1))", "[x](<fz>)", "![i](http://e.org/i.png)",
    "![i](data:image/png;base64,AAAA)", "<http://e.org/<fz>", "www.e.org", "\\", "`", "\"", "'",
    "\xff", "\xc3", "\xe2\x82", "\xed\xa0\x80", "\xf4\x90\x80\x80", "\xc0\xbc", "\xe2\x80\xae",
    "\x00", "\x1b[31m", "=cmd|' /C calc'!A0", "+1", "-1", "@x", "1e308", "-0", "NaN",
    "2026-13-45", "2026-02-29", "#fff", "#12345g", "red;}</style><fz>", "data:image/svg+xml,<fz>",
    "\xc3\xa9", "\xe4\xb8\xad\xe6\x96\x87", "\xf0\x9f\x98\x80", "\xcc\x81",
};
#define NDICT (sizeof dict / sizeof dict[0])

/* Push a string: raw bytes, a dictionary entry, one of those repeated up to 4,300 times, or
 * two strings joined (chains of joins make text 100,000 levels deep from a few hundred bytes). */
static void push_string(lua_State *L, input *in) {
    unsigned b = byte(in);
    switch (b >> 6) {
    case 0: { /* raw bytes, up to 63 */
        size_t len = b & 63;
        if (len > in->n - in->pos) len = in->n - in->pos;
        lua_pushlstring(L, (const char *)in->p + in->pos, len);
        in->pos += len;
        break;
    }
    case 1:
        lua_pushstring(L, dict[(b & 63) % NDICT]);
        break;
    case 2: { /* a dictionary entry repeated */
        const char *s = dict[byte(in) % NDICT];
        unsigned times = (b & 63) * 64 + byte(in) + 1;
        luaL_Buffer buf;
        luaL_buffinit(L, &buf);
        for (unsigned i = 0; i < times; i++) luaL_addstring(&buf, s);
        luaL_pushresult(&buf);
        break;
    }
    default: { /* two strings joined */
        luaL_checkstack(L, 4, "fuzz_render: joins");
        push_string(L, in);
        push_string(L, in);
        lua_concat(L, 2);
    }
    }
}

static void set_string(lua_State *L, input *in, const char *field) {
    push_string(L, in);
    lua_setfield(L, -2, field);
}

/* Push a value: a string, a number, a boolean, nil, or a cell table. */
static void push_value(lua_State *L, input *in) {
    unsigned b = byte(in);
    switch (b % 9) {
    case 0: case 1: push_string(L, in); break;
    case 2: lua_pushinteger(L, (lua_Integer)(int8_t)byte(in) * (lua_Integer)(byte(in) + 1) * (b & 0x80 ? 1000003 : 1)); break;
    case 3: {
        static const double odd[] = {0.5, 0.04999, 1e308, -1e308, 1e-320, 0.0 / 0.0, 1.0 / 0.0,
                                     -1.0 / 0.0, -0.0, 9007199254740993.0, 0.125, 2.5e15};
        lua_pushnumber(L, odd[byte(in) % (sizeof odd / sizeof odd[0])]);
        break;
    }
    case 4: lua_pushinteger(L, b & 0x80 ? LUA_MININTEGER : LUA_MAXINTEGER); break;
    case 5: lua_pushboolean(L, b & 0x10); break;
    case 6: lua_pushnil(L); break;
    case 7:
        lua_createtable(L, 0, 2);
        push_value(L, in);
        lua_setfield(L, -2, "value");
        set_string(L, in, "display");
        break;
    default:
        lua_createtable(L, 0, 2);
        lua_pushboolean(L, 1);
        lua_setfield(L, -2, "suppressed");
        if (b & 0x40) set_string(L, in, "reason");
    }
}

/* A list of COUNT strings (or values when VALUES). */
static void push_list(lua_State *L, input *in, int count, int values) {
    lua_createtable(L, count, 0);
    for (int i = 1; i <= count && more(in); i++) {
        if (values) push_value(L, in); else push_string(L, in);
        lua_rawseti(L, -2, i);
    }
}

static const char *const formats[] = {"text", "integer", "number", "percent", "money", "date", "bogus"};
static const char *const aligns[] = {"left", "right", "center", "middle"};

/* A table block's fields into the table on top: columns, rows (a few, or thousands of copies),
 * totals and notes. */
static void fill_table(lua_State *L, input *in) {
    int ncols = (int)(byte(in) % 12);
    lua_createtable(L, ncols, 0);
    for (int c = 1; c <= ncols; c++) {
        lua_createtable(L, 0, 6);
        unsigned b = byte(in);
        if (b & 1) { lua_pushfstring(L, "c%d", (int)(b >> 4)); lua_setfield(L, -2, "id"); }
        else set_string(L, in, "id");
        if (b & 2) set_string(L, in, "label");
        lua_pushstring(L, formats[byte(in) % 7]);
        lua_setfield(L, -2, "format");
        if (b & 4) { lua_pushstring(L, aligns[byte(in) % 4]); lua_setfield(L, -2, "align"); }
        if (b & 8) { lua_pushinteger(L, (int8_t)byte(in)); lua_setfield(L, -2, "decimals"); }
        if (b & 16) set_string(L, in, "currency");
        lua_rawseti(L, -2, c);
        in->nodes++;
    }
    lua_setfield(L, -2, "columns");
    int nrows = (int)(byte(in) % 8);
    int copies = byte(in) & 0x80 ? (int)(byte(in) + 1) * 2 : 1; /* up to 512 of each row */
    lua_createtable(L, nrows * copies, 0);
    int k = 0;
    for (int r = 0; r < nrows && more(in); r++) {
        lua_createtable(L, 0, 4);
        int cells = (int)(byte(in) % 8);
        for (int c = 0; c < cells; c++) {
            unsigned b = byte(in);
            if (b & 1) lua_pushfstring(L, "c%d", (int)(b >> 4)); else push_string(L, in);
            push_value(L, in);
            if (lua_type(L, -2) == LUA_TSTRING) lua_rawset(L, -3); else lua_pop(L, 2);
        }
        for (int i = 0; i < copies; i++) {
            lua_pushvalue(L, -1);
            lua_rawseti(L, -3, ++k);
        }
        lua_pop(L, 1);
        in->nodes++;
    }
    lua_setfield(L, -2, "rows");
    if (byte(in) & 1) {
        lua_createtable(L, 0, 2);
        lua_pushstring(L, "c1");
        push_value(L, in);
        lua_rawset(L, -3);
        lua_setfield(L, -2, "totals");
    }
    if (byte(in) & 1) {
        push_list(L, in, (int)(byte(in) % 4), 0);
        lua_setfield(L, -2, "notes");
    }
    if (byte(in) & 1) set_string(L, in, "caption");
    if (byte(in) & 1) set_string(L, in, "id");
}

static const char *const kinds[] = {"bar", "likert", "status", "progress", "timeline", "fishbone",
                                    "logic_model", "pie"};

/* A chart's fields into the table on top: its kind's data with odd values, levels, columns. */
static void fill_chart(lua_State *L, input *in) {
    lua_pushstring(L, kinds[byte(in) % 8]);
    lua_setfield(L, -2, "kind");
    set_string(L, in, "title");
    if (byte(in) & 1) set_string(L, in, "alt");
    static const char *const fields[] = {"label", "value", "n", "date", "end_date", "status",
                                         "baseline", "actual", "target", "unit", "direction",
                                         "share", "category", "rank", "focus", "suppressed",
                                         "reason"};
    int items = (int)(byte(in) % 10);
    lua_createtable(L, items, 0);
    for (int i = 1; i <= items && more(in); i++) {
        lua_createtable(L, 0, 6);
        int nf = (int)(byte(in) % 8);
        for (int f = 0; f < nf; f++) {
            push_value(L, in);
            lua_setfield(L, -2, fields[byte(in) % (sizeof fields / sizeof fields[0])]);
        }
        if (byte(in) & 1) { push_list(L, in, (int)(byte(in) % 8), 1); lua_setfield(L, -2, "counts"); }
        if (byte(in) & 1) { push_list(L, in, (int)(byte(in) % 5), 0); lua_setfield(L, -2, "causes"); }
        lua_rawseti(L, -2, i);
        in->nodes++;
    }
    lua_setfield(L, -2, "data");
    if (byte(in) & 1) { push_list(L, in, (int)(byte(in) % 8), 0); lua_setfield(L, -2, "levels"); }
    if (byte(in) & 1) { push_value(L, in); lua_setfield(L, -2, "favorable_from"); }
    if (byte(in) & 1) { push_value(L, in); lua_setfield(L, -2, "max"); }
    if (byte(in) & 1) { lua_pushstring(L, formats[byte(in) % 7]); lua_setfield(L, -2, "format"); }
    if (byte(in) & 1) set_string(L, in, "problem");
    if (byte(in) & 1) {
        int n = (int)(byte(in) % 5);
        lua_createtable(L, n, 0);
        for (int c = 1; c <= n; c++) {
            lua_createtable(L, 0, 2);
            set_string(L, in, "label");
            push_list(L, in, (int)(byte(in) % 4), 0);
            lua_setfield(L, -2, "items");
            lua_rawseti(L, -2, c);
        }
        lua_setfield(L, -2, "columns");
    }
    if (byte(in) & 1) {
        lua_createtable(L, 0, 4);
        lua_pushstring(L, "table");
        lua_setfield(L, -2, "type");
        fill_table(L, in);
        lua_setfield(L, -2, "table");
    }
}

static void push_blocks(lua_State *L, input *in, int depth);

static const char *const block_types[] = {"section", "paragraph", "keyvalue", "table", "list",
                                          "callout", "pagebreak", "chart"};

/* Push one block (a table, or now and then something that is not one). */
static void push_block(lua_State *L, input *in, int depth) {
    luaL_checkstack(L, 12, "fuzz_render: nesting");
    unsigned b = byte(in);
    in->nodes++;
    if (b == 0xff) { push_value(L, in); return; }          /* not a table */
    lua_createtable(L, 0, 6);
    if (b >= 0xf0) { set_string(L, in, "type"); return; } /* an unknown type */
    int ty = (int)(b % 8);
    lua_pushstring(L, block_types[ty]);
    lua_setfield(L, -2, "type");
    switch (ty) {
    case 0: { /* section, or a chain of sections DEEP long */
        set_string(L, in, "title");
        if (b & 0x80) set_string(L, in, "id");
        if (b & 0x40) { lua_pushinteger(L, (int8_t)byte(in)); lua_setfield(L, -2, "level"); }
        if ((b & 0x30) == 0x30) {
            /* a section inside itself */
            lua_createtable(L, 1, 0);
            lua_pushvalue(L, -2);
            lua_rawseti(L, -2, 1);
            lua_setfield(L, -2, "blocks");
        } else if (b & 0x20) {
            int deep = (int)byte(in) + 1; /* up to 256 sections in a chain */
            lua_pushvalue(L, -1);
            for (int i = 0; i < deep; i++) {
                lua_createtable(L, 0, 3);
                lua_pushstring(L, "section");
                lua_setfield(L, -2, "type");
                lua_createtable(L, 1, 0);
                lua_pushvalue(L, -2);
                lua_rawseti(L, -2, 1);
                lua_setfield(L, -3, "blocks");
                lua_remove(L, -2);
            }
            push_blocks(L, in, depth + 1);
            lua_setfield(L, -2, "blocks");
            lua_pop(L, 1);
        } else {
            push_blocks(L, in, depth + 1);
            lua_setfield(L, -2, "blocks");
        }
        break;
    }
    case 1: set_string(L, in, "text"); break;
    case 2: {
        if (b & 0x80) set_string(L, in, "caption");
        int n = (int)(byte(in) % 8);
        lua_createtable(L, n, 0);
        for (int i = 1; i <= n && more(in); i++) {
            lua_createtable(L, 2, 2);
            if (byte(in) & 1) { /* {key =, value =} */
                set_string(L, in, "key");
                push_value(L, in);
                lua_setfield(L, -2, "value");
            } else { /* {key, value} */
                push_string(L, in);
                lua_rawseti(L, -2, 1);
                push_value(L, in);
                lua_rawseti(L, -2, 2);
            }
            lua_rawseti(L, -2, i);
        }
        lua_setfield(L, -2, "items");
        break;
    }
    case 3: fill_table(L, in); break;
    case 4: {
        static const char *const styles[] = {"bullet", "number", "check", "stars"};
        lua_pushstring(L, styles[byte(in) % 4]);
        lua_setfield(L, -2, "style");
        if (b & 0x80) { lua_pushboolean(L, 1); lua_setfield(L, -2, "markdown"); }
        int n = (int)(byte(in) % 8);
        lua_createtable(L, n, 0);
        for (int i = 1; i <= n && more(in); i++) {
            if (byte(in) & 1) {
                push_string(L, in);
            } else {
                lua_createtable(L, 0, 2);
                set_string(L, in, "text");
                push_value(L, in);
                lua_setfield(L, -2, "checked");
            }
            lua_rawseti(L, -2, i);
        }
        lua_setfield(L, -2, "items");
        break;
    }
    case 5:
        lua_pushstring(L, b & 0x80 ? "warning" : (b & 0x40 ? "note" : "shout"));
        lua_setfield(L, -2, "style");
        if (b & 0x20) set_string(L, in, "title");
        set_string(L, in, "text");
        break;
    case 6: break;
    default: fill_chart(L, in);
    }
}

static void push_blocks(lua_State *L, input *in, int depth) {
    int n = (int)(byte(in) % 6);
    lua_createtable(L, n, 0);
    if (depth > 12) return;
    for (int i = 1; i <= n && more(in); i++) {
        push_block(L, in, depth);
        lua_rawseti(L, -2, i);
    }
}

/* The document: its facts, now and then labels and a theme of fuzz strings, and blocks. */
static void push_document(lua_State *L, input *in) {
    lua_createtable(L, 0, 10);
    lua_pushstring(L, "document");
    lua_setfield(L, -2, "type");
    unsigned b = byte(in);
    set_string(L, in, "title");
    if (b & 1) set_string(L, in, "subtitle");
    if (b & 2) set_string(L, in, "district");
    if (b & 4) set_string(L, in, "period");
    if (b & 8) set_string(L, in, "as_of");
    static const char *const label_keys[] = {"as_of", "period", "total", "note", "yes", "no",
                                             "suppressed", "contents", "n", "target"};
    if (b & 16) {
        lua_createtable(L, 0, 4);
        for (int i = byte(in) % 4; i > 0; i--) set_string(L, in, label_keys[byte(in) % 10]);
        lua_setfield(L, -2, "labels");
    }
    if (b & 32) {
        static const char *const theme_keys[] = {"font", "css", "logo", "header", "footer", "currency"};
        static const char *const colour_keys[] = {"primary", "text", "background", "warning", "suppressed_bg"};
        lua_createtable(L, 0, 6);
        for (int i = byte(in) % 4; i > 0; i--) set_string(L, in, theme_keys[byte(in) % 6]);
        lua_createtable(L, 0, 4);
        for (int i = byte(in) % 3; i > 0; i--) set_string(L, in, colour_keys[byte(in) % 5]);
        if (byte(in) & 1) { push_list(L, in, (int)(byte(in) % 4), 0); lua_setfield(L, -2, "palette"); }
        lua_setfield(L, -2, "colors");
        if (byte(in) & 1) {
            lua_createtable(L, 0, 2);
            for (int i = byte(in) % 3; i > 0; i--) set_string(L, in, label_keys[byte(in) % 10]);
            lua_setfield(L, -2, "labels");
        }
        lua_setfield(L, -2, "theme");
    }
    push_blocks(L, in, 0);
    lua_setfield(L, -2, "blocks");
}

/* The offset of the first byte of S that is not UTF-8, or N when all of it is. */
static size_t utf8_bad(const char *s, size_t n) {
    for (size_t i = 0; i < n;) {
        unsigned cp;
        size_t k = rd_utf8_next(s + i, n - i, &cp);
        if (cp == 0xFFFD && !(k == 3 && (unsigned char)s[i] == 0xEF)) return i;
        i += k;
    }
    return n;
}

/* A finding in the output OUT at offset AT: show the output around it. */
static void output_finding(const char *what, const char *out, size_t len, size_t at) {
    size_t from = at > 120 ? at - 120 : 0, to = at + 60 < len ? at + 60 : len;
    fuzz_finding(what, out + from, to - from);
}

/* render.html, render.markdown, render.text and render.json on the document at index 1. */
static void render_all(lua_State *L) {
    static const lua_CFunction renderers[] = {render_html, render_markdown, render_text, render_json};
    for (int r = 0; r < 4; r++) {
        lua_pushcfunction(L, renderers[r]);
        lua_pushvalue(L, 1);
        if (host_pcall(L, 1, 1) != LUA_OK) {
            lua_pop(L, 1); /* a refused document: its message is the renderer's business */
            continue;
        }
        size_t len;
        const char *out = lua_tolstring(L, -1, &len);
        if (r == 0 && out) {
            const char *tag = memmem(out, len, "<fz", 3);
            if (tag) output_finding("HTML output shows markup from the input (<fz)", out, len, (size_t)(tag - out));
            size_t bad = utf8_bad(out, len);
            if (bad < len) output_finding("HTML output is not UTF-8", out, len, bad);
        }
        lua_pop(L, 1);
    }
}

/* The protected part: decode the input (a Lua error while building is the host's limits,
 * e.g. out of memory, and still not a crash), then render. */
static int build_and_render(lua_State *L) {
    input *in = lua_touserdata(L, 1);
    lua_settop(L, 0);
    push_document(L, in);
    render_all(L);
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    lua_State *L = fuzz_state("return function() end");
    input in = {data, size, 0, 0};
    lua_pushcfunction(L, build_and_render);
    lua_pushlightuserdata(L, &in);
    if (host_pcall(L, 1, 0) != LUA_OK) {
        const char *msg = lua_tostring(L, -1);
        if (!msg || !strstr(msg, "not enough memory"))
            fuzz_finding(msg ? msg : "(an error without a message)", (const char *)data, size);
    }
    lua_settop(L, 0);
    return 0;
}
