/* render_csv.c: render.csv(table_block [, opts]) -> csv text, notes, suppressed cells
 *
 * RFC 4180: CRLF line ends, fields quoted when they hold a comma, quote, CR or LF (or start or
 * end with a space), quotes doubled. One header line of column labels, then the rows, then the
 * totals row when there is one (opts.totals = false leaves it out).
 *
 * Values are the data, not the display: numbers are written exactly (0.4, not "40%"), so a
 * spreadsheet computes with them; opts.display = true writes what people see instead.
 *
 * Formula injection: a text field starting with = + - @ TAB or CR would run as a formula in
 * Excel, LibreOffice or Google Sheets; it gets a leading apostrophe, which spreadsheets show as
 * text. Numbers written by cairn are never neutralised (-5 stays a number).
 *
 * A suppressed cell is written empty. The second result is the table's own notes; the third
 * lists the suppressed cells as data, {row = 3 (or "totals"), column = "Agree", reason = ...},
 * for the caller to word (wording lives in Lua).
 * opts.bom = true starts the file with a UTF-8 byte order mark (Excel on Windows wants it). */
#include <lauxlib.h>
#include <string.h>

#include "render.h"

static int needs_neutralising(const char *s, size_t len) {
    if (len == 0) return 0;
    return s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@' || s[0] == '\t' ||
           s[0] == '\r';
}

/* One field; TEXT marks user text (neutralised when formula-like). */
static void put_field(rbuf *b, const char *s, size_t len, int text) {
    int quote = 0;
    for (size_t i = 0; i < len; i++) {
        char c = s[i];
        if (c == ',' || c == '"' || c == '\r' || c == '\n') {
            quote = 1;
            break;
        }
    }
    if (len > 0 && (s[0] == ' ' || s[len - 1] == ' ')) quote = 1;
    int neutral = text && needs_neutralising(s, len);
    if (neutral && (s[0] == '\t' || s[0] == '\r')) quote = 1;
    if (quote) rb_addc(b, '"');
    if (neutral) rb_addc(b, '\'');
    for (size_t i = 0; i < len; i++) {
        if (s[i] == '"') rb_addc(b, '"');
        rb_addc(b, s[i]);
    }
    if (quote) rb_addc(b, '"');
}

/* Push a row's name for the suppressed list: its number, or "totals". */
static void push_row_name(lua_State *L, lua_Integer row_number) {
    if (row_number > 0) lua_pushinteger(L, row_number);
    else lua_pushliteral(L, "totals");
}

static void put_row(lua_State *L, rbuf *b, int row, const rd_col *cols, int n, int display,
                    lua_Integer row_number, int suppressed, int *nsuppressed) {
    for (int c = 0; c < n; c++) {
        if (c) rb_addc(b, ',');
        rd_cell cell;
        rd_cell_read(L, row, &cols[c], &cell);
        switch (cell.kind) {
        case RD_CELL_EMPTY: break;
        case RD_CELL_SUPPRESSED:
            lua_createtable(L, 0, 3);
            push_row_name(L, row_number);
            lua_setfield(L, -2, "row");
            lua_pushstring(L, cols[c].label);
            lua_setfield(L, -2, "column");
            lua_pushstring(L, cell.text);
            lua_setfield(L, -2, "reason");
            lua_rawseti(L, suppressed, ++*nsuppressed);
            break;
        case RD_CELL_NUMBER:
            if (display || cell.has_display) {
                /* display text is text to a spreadsheet: "-$75.00" must not start a formula */
                put_field(b, cell.text, cell.len, 1);
            } else {
                char buf[64];
                int k;
                if (cell.is_integer)
                    k = snprintf(buf, sizeof buf, "%lld", cell.integer);
                else
                    k = rd_number_exact(buf, sizeof buf, cell.number);
                put_field(b, buf, (size_t)k, 0);
            }
            break;
        case RD_CELL_BOOL:
            if (display)
                put_field(b, cell.text, cell.len, 0);
            else
                rb_adds(b, cell.number ? "true" : "false");
            break;
        default:
            put_field(b, cell.text, cell.len, 1);
        }
    }
    rb_add(b, "\r\n", 2);
}

int render_csv(lua_State *L) {
    luaL_checktype(L, 1, LUA_TTABLE);
    if (rd_block(L, 1) == RD_CHART) {
        lua_getfield(L, 1, "table");
        lua_replace(L, 1);
        luaL_checktype(L, 1, LUA_TTABLE);
    }
    if (rd_block(L, 1) != RD_TABLE)
        return luaL_error(L, "render.csv: expected a table block (type = \"table\")");
    int display = 0, totals = 1, bom = 0;
    if (lua_type(L, 2) == LUA_TTABLE) {
        display = rd_bool(L, 2, "display");
        bom = rd_bool(L, 2, "bom");
        lua_getfield(L, 2, "totals");
        if (lua_isboolean(L, -1)) totals = lua_toboolean(L, -1);
        lua_pop(L, 1);
    }
    lua_settop(L, 1);
    lua_newtable(L); /* 2: notes */
    int notes = 2, nnotes = 0;
    size_t tn = rd_len(L, 1, "notes");
    for (size_t i = 1; i <= tn; i++) {
        rd_push_item(L, 1, "notes", (lua_Integer)i);
        if (lua_type(L, -1) == LUA_TSTRING)
            lua_rawseti(L, notes, ++nnotes);
        else
            lua_pop(L, 1);
    }
    lua_newtable(L); /* 3: suppressed cells */
    int suppressed = 3, nsuppressed = 0;
    rbuf *b = rb_new(L); /* 4 */
    int n;
    rd_col *cols = rd_columns(L, 1, &n); /* 5 */
    if (bom) rb_add(b, "\xEF\xBB\xBF", 3);
    for (int c = 0; c < n; c++) {
        if (c) rb_addc(b, ',');
        put_field(b, cols[c].label, strlen(cols[c].label), 1);
    }
    rb_add(b, "\r\n", 2);
    size_t rows = rd_len(L, 1, "rows");
    for (size_t r = 1; r <= rows; r++) {
        rd_push_item(L, 1, "rows", (lua_Integer)r);
        put_row(L, b, lua_type(L, -1) == LUA_TTABLE ? lua_gettop(L) : 0, cols, n, display,
                (lua_Integer)r, suppressed, &nsuppressed);
        lua_pop(L, 1);
    }
    if (totals) {
        lua_getfield(L, 1, "totals");
        if (lua_type(L, -1) == LUA_TTABLE)
            put_row(L, b, lua_gettop(L), cols, n, display, 0, suppressed, &nsuppressed);
        lua_pop(L, 1);
    }
    rb_push(b);
    lua_pushvalue(L, notes);
    lua_pushvalue(L, suppressed);
    return 3;
}
