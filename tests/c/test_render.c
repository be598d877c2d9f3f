/* test_render.c: the shared renderer helpers (src/render.c): output buffer, column defaults,
 * cell formatting, suppressed cells, display width, exact numbers. */
#define _POSIX_C_SOURCE 200809L /* setenv */
#include <lauxlib.h>
#include <lualib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "render.h"
#include "tap.h"

/* Run Lua CODE that leaves one table on the stack. */
static int push_lua(lua_State *L, const char *code) {
    if (luaL_loadstring(L, code) != LUA_OK || lua_pcall(L, 0, 1, 0) != LUA_OK) {
        printf("# lua: %s\n", lua_tostring(L, -1));
        return 0;
    }
    return 1;
}

static int buffer_grows(lua_State *L) {
    rbuf *b = rb_new(L);
    for (int i = 0; i < 1000; i++) rb_addf(b, "%04d,", i);
    rb_addrep(b, '-', 3);
    rb_addc(b, '!');
    rb_adds(b, "end");
    rb_push(b);
    return 1;
}

int main(void) {
    /* the helpers read words from the built-in theme (lua/cairn/theme.lua): find the source
     * tree from the tests folder tests/run names, else run from the tree itself */
    const char *tests = getenv("CAIRN_TESTS");
    char home[4096];
    snprintf(home, sizeof home, "%s/..", tests ? tests : ".");
    if (!tests) snprintf(home, sizeof home, ".");
    setenv("CAIRN_HOME", home, 1);
    lua_State *L = luaL_newstate();
    luaL_openlibs(L);

    /* buffer */
    lua_pushcfunction(L, buffer_grows);
    ok(lua_pcall(L, 0, 1, 0) == LUA_OK, "the buffer grows past its first block");
    size_t len;
    const char *s = lua_tolstring(L, -1, &len);
    ok(len == 5000 + 7 && memcmp(s, "0000,0001,", 10) == 0 && memcmp(s + len - 7, "---!end", 7) == 0,
       "the buffer holds everything in order (%zu bytes)", len);
    lua_pop(L, 1);

    /* columns and cells */
    ok(push_lua(L, "return { type = 'table', columns = {"
                   " { id = 'a' }, { id = 'n', format = 'number' }, { id = 'p', format = 'percent', decimals = 0 },"
                   " { id = 'm', format = 'money', currency = '$' }, { id = 'i', format = 'integer', label = 'Count' },"
                   " { id = 'c', align = 'center' }, { label = 'no id' } },"
                   " rows = { { a = 'x', n = 2.25, p = 0.125, m = -1234.5, i = 1234567, c = true },"
                   "          { a = { suppressed = true, value = 99, reason = 'n < 5' }, n = { value = 3, display = 'three' },"
                   "            p = { suppressed = true } } } }"),
       "a table block to read");
    int t = lua_gettop(L);
    ok(rd_block(L, t) == RD_TABLE, "rd_block reads the type");
    int n;
    rd_col *cols = rd_columns(L, t, &n);
    ok(n == 6, "columns without an id are skipped (%d)", n);
    ok(strcmp(cols[0].label, "a") == 0 && cols[0].align == RD_LEFT && cols[0].format == RD_FMT_TEXT,
       "a bare column: label = id, left, text");
    ok(cols[1].align == RD_RIGHT && cols[1].decimals == 1, "number: right, 1 decimal by default");
    ok(cols[2].decimals == 0 && cols[3].decimals == 2 && cols[4].decimals == 0, "percent/money/integer decimals");
    ok(strcmp(cols[4].label, "Count") == 0 && cols[5].align == RD_CENTER, "labels and explicit alignment");

    rd_push_item(L, t, "rows", 1);
    int row = lua_gettop(L);
    rd_cell c;
    const char *want[] = {"x", "2.3", "13%", "-$1,234.50", "1,234,567", "yes"};
    for (int i = 0; i < 6; i++) {
        rd_cell_read(L, row, &cols[i], &c);
        ok(strcmp(c.text, want[i]) == 0 && c.len == strlen(want[i]), "row 1 %s shows '%s' (got '%s')",
           cols[i].id, want[i], c.text);
    }
    rd_cell_read(L, row, &cols[1], &c);
    ok(c.kind == RD_CELL_NUMBER && c.number == 2.25 && !c.is_integer, "the raw number stays available");
    rd_cell_read(L, row, &cols[4], &c);
    ok(c.is_integer, "integers are marked");
    lua_pop(L, 1);

    rd_push_item(L, t, "rows", 2);
    row = lua_gettop(L);
    rd_cell_read(L, row, &cols[0], &c);
    ok(c.kind == RD_CELL_SUPPRESSED && strcmp(c.text, "n < 5") == 0 && c.number == 0,
       "a suppressed cell gives its reason and no value");
    rd_cell_read(L, row, &cols[2], &c);
    ok(c.kind == RD_CELL_SUPPRESSED && strcmp(c.text, "suppressed") == 0, "a suppressed cell without reason says so");
    rd_cell_read(L, row, &cols[1], &c);
    ok(c.kind == RD_CELL_NUMBER && c.has_display && strcmp(c.text, "three") == 0 && c.number == 3,
       "display overrides the text, the value stays");
    rd_cell_read(L, row, &cols[3], &c);
    ok(c.kind == RD_CELL_EMPTY && c.text && c.len == 0, "an absent value is empty, text never NULL");
    rd_cell_read(L, 0, &cols[3], &c);
    ok(c.kind == RD_CELL_EMPTY, "no row reads as empty");
    lua_pop(L, 3); /* row, cols, table */

    /* fields */
    ok(push_lua(L, "return { title = 'T', n = 7, f = 2.5, labels = { total = 'Summe' }, blocks = { {}, {} } }"),
       "a document to read");
    char buf[32];
    size_t l;
    ok(rd_str(L, -1, "n", NULL) == NULL && strcmp(rd_text(L, -1, "n", buf, sizeof buf, &l), "7") == 0,
       "rd_str wants a string; rd_text converts integers");
    ok(strcmp(rd_text(L, -1, "f", buf, sizeof buf, &l), "2.5") == 0, "rd_text converts floats exactly");
    ok(rd_len(L, -1, "blocks") == 2 && rd_len(L, -1, "title") == 0, "rd_len counts lists only");
    ok(strcmp(rd_label(L, -1, "total"), "Summe") == 0 && strcmp(rd_label(L, -1, "note"), "Note") == 0,
       "rd_label reads doc.labels, else the built-in theme's");
    ok(strcmp(rd_label(L, -1, "no_such_word"), "no_such_word") == 0, "a word no theme has shows its key");
    ok(strcmp(rd_theme_str(L, -1, "colors.chart", "ink", NULL), "#222222") == 0 &&
       rd_theme_str(L, -1, "colors", "nothing", NULL) == NULL,
       "rd_theme_str reads a nested group of the built-in theme; NULL when absent");
    ok(lua_gettop(L) == 1, "helpers leave the stack as they found it");
    lua_pop(L, 1);

    /* width and numbers */
    ok(rd_width("abc", 3) == 3 && rd_width("Nguyễn", strlen("Nguyễn")) == 6, "UTF-8 counts characters");
    ok(rd_width("日本", strlen("日本")) == 4, "wide characters count two columns");
    ok(rd_width("e\xCC\x81", 3) == 1, "combining marks take no column");
    ok(rd_width("\xFF\xFE", 2) == 2, "invalid bytes count one each");
    {
        unsigned cp = 0;
        ok(rd_utf8_next("\xE2\x80\xA6", 3, &cp) == 3 && cp == 0x2026, "utf8_next decodes a 3-byte character");
        ok(rd_utf8_next("\xC0\xAF", 2, &cp) == 1 && cp == 0xFFFD, "an overlong form is one invalid byte");
        ok(rd_utf8_next("\xED\xA0\x80", 3, &cp) == 1 && cp == 0xFFFD, "a UTF-16 surrogate is invalid");
        ok(rd_utf8_next("\xF4\x90\x80\x80", 4, &cp) == 1 && cp == 0xFFFD, "past U+10FFFF is invalid");
        ok(rd_utf8_next("\xE2\x80", 2, &cp) == 1 && cp == 0xFFFD, "a truncated sequence is invalid");
        ok(rd_width("\xC0\xAF", 2) == 2, "width counts an overlong form as two invalid bytes (as the SVG escaper does)");
        ok(rd_safe_url("https://x.org/a", 15) && rd_safe_url("page.html", 9) && rd_safe_url("#top", 4) &&
           rd_safe_url("mailto:a@b.org", 14) && rd_safe_url("a/b:c", 5),
           "web, mail and relative links are safe");
        ok(!rd_safe_url("javascript:alert(1)", 19) && !rd_safe_url(" JavaScript:x", 13) &&
           !rd_safe_url("java\tscript:x", 13) && !rd_safe_url("data:text/html,x", 16),
           "script and data links are not (tabs inside the scheme too)");
        ok(rd_safe_url("javascript:x", 4), "only LEN bytes are read (\"java\" alone is relative)");
        ok(strcmp(rd_key_colon("Done?", 5), "") == 0 && strcmp(rd_key_colon("Owner", 5), ":") == 0,
           "a key ending in ? gets no extra colon");
    }
    rd_number_exact(buf, sizeof buf, 0.1);
    ok(strcmp(buf, "0.1") == 0, "0.1 is shortest (%s)", buf);
    rd_number_exact(buf, sizeof buf, 0.1 + 0.2);
    ok(strcmp(buf, "0.30000000000000004") == 0, "0.1 + 0.2 keeps every digit (%s)", buf);
    rd_number_exact(buf, sizeof buf, -0.0);
    ok(strcmp(buf, "0") == 0, "-0 prints as 0");
    rd_number_exact(buf, sizeof buf, 1e300);
    ok(strcmp(buf, "1e+300") == 0, "huge numbers use an exponent (%s)", buf);

    lua_close(L);
    return done_testing();
}
