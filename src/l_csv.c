/* l_csv.c: the cairn.csv module, Lua access to the streaming CSV reader in csv.c.
 *
 *   local csv = require "cairn.csv"
 *   local r <close> = csv.open("file.csv" [, {delim = ";"}])   -- nil, message if unreadable
 *   local fields = r:read()          -- list of strings; nil at the end; nil, err on bad input
 *   r:position(i) --> line, col      where field i of the last record starts
 *   r:line()                         the line the last record starts on
 *   csv.parse(text)                  -> list of records, or nil, err (for small texts)
 *   err = { code = "utf8", line =, col =, expected = "..." }
 */
#include <errno.h>
#include <lauxlib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csv.h"

#define READER_TYPE "cairn.csv.reader"

typedef struct {
    csv_reader r;
    FILE *fp;
    int open;
} lreader;

static const char *const code_names[] = {
    "ok", "quote", "after_quote", "unterminated", "utf8", "too_long", "too_many", "read", "memory"};

static void push_error(lua_State *L, const csv_reader *r) {
    lua_createtable(L, 0, 4);
    lua_pushstring(L, r->err >= 0 && r->err <= CSV_ENOMEM ? code_names[r->err] : "csv");
    lua_setfield(L, -2, "code");
    lua_pushinteger(L, (lua_Integer)r->err_line);
    lua_setfield(L, -2, "line");
    lua_pushinteger(L, (lua_Integer)r->err_col);
    lua_setfield(L, -2, "col");
    lua_pushstring(L, csv_strerror(r->err));
    lua_setfield(L, -2, "expected");
    /* the field being read (1-based) and what was read of it */
    lua_pushinteger(L, (lua_Integer)r->nfields);
    lua_setfield(L, -2, "field");
    if (r->nfields > 0) {
        size_t off = r->fields[r->nfields - 1].off;
        lua_pushlstring(L, r->rec ? r->rec + off : "", r->rec ? r->rec_len - off : 0);
    } else {
        lua_pushliteral(L, "");
    }
    lua_setfield(L, -2, "value");
}

static void push_record(lua_State *L, const csv_reader *r) {
    lua_createtable(L, (int)r->nfields, 0);
    for (size_t i = 0; i < r->nfields; i++) {
        size_t len;
        const char *s = csv_field(r, i, &len);
        lua_pushlstring(L, s, len);
        lua_rawseti(L, -2, (lua_Integer)i + 1);
    }
}

static char opt_delim(lua_State *L, int idx) {
    char delim = ',';
    if (lua_istable(L, idx)) {
        lua_getfield(L, idx, "delim");
        if (!lua_isnil(L, -1)) {
            size_t len;
            const char *d = luaL_checklstring(L, -1, &len);
            if (len != 1 || d[0] == '"' || d[0] == '\n' || d[0] == '\r')
                luaL_error(L, "csv delimiter must be one character other than a quote or line end");
            delim = d[0];
        }
        lua_pop(L, 1);
    }
    return delim;
}

static int l_open(lua_State *L) {
    const char *path = luaL_checkstring(L, 1);
    char delim = opt_delim(L, 2);
    lreader *lr = lua_newuserdatauv(L, sizeof *lr, 0);
    memset(lr, 0, sizeof *lr);
    luaL_setmetatable(L, READER_TYPE);
    lr->fp = fopen(path, "rb");
    if (!lr->fp) {
        lua_pushnil(L);
        lua_pushfstring(L, "%s: %s", path, strerror(errno));
        return 2;
    }
    csv_init_file(&lr->r, lr->fp);
    lr->r.delim = delim;
    lr->open = 1;
    return 1;
}

static lreader *check_reader(lua_State *L) {
    lreader *lr = luaL_checkudata(L, 1, READER_TYPE);
    if (!lr->open) luaL_error(L, "attempt to use a closed CSV reader");
    return lr;
}

static int l_read(lua_State *L) {
    lreader *lr = check_reader(L);
    int rc = csv_next(&lr->r);
    if (rc == CSV_RECORD) {
        push_record(L, &lr->r);
        return 1;
    }
    lua_pushnil(L);
    if (rc == CSV_EOF) return 1;
    push_error(L, &lr->r);
    return 2;
}

static int l_position(lua_State *L) {
    lreader *lr = check_reader(L);
    lua_Integer i = luaL_checkinteger(L, 2);
    if (i < 1 || (size_t)i > lr->r.nfields) return 0;
    lua_pushinteger(L, (lua_Integer)lr->r.fields[i - 1].line);
    lua_pushinteger(L, (lua_Integer)lr->r.fields[i - 1].col);
    return 2;
}

static int l_line(lua_State *L) {
    lreader *lr = check_reader(L);
    lua_pushinteger(L, (lua_Integer)lr->r.rec_line);
    return 1;
}

static int l_close(lua_State *L) {
    lreader *lr = luaL_checkudata(L, 1, READER_TYPE);
    if (!lr->open) return 0;
    csv_free(&lr->r);
    if (lr->fp) fclose(lr->fp);
    lr->fp = NULL;
    lr->open = 0;
    return 0;
}

static int l_parse(lua_State *L) {
    size_t len;
    const char *s = luaL_checklstring(L, 1, &len);
    char delim = opt_delim(L, 2);
    csv_reader r;
    csv_init_mem(&r, s, len);
    r.delim = delim;
    lua_newtable(L);
    int rc;
    lua_Integer n = 0;
    while ((rc = csv_next(&r)) == CSV_RECORD) {
        push_record(L, &r);
        lua_rawseti(L, -2, ++n);
    }
    if (rc != CSV_EOF) {
        lua_pushnil(L);
        push_error(L, &r);
        csv_free(&r);
        return 2;
    }
    csv_free(&r);
    return 1;
}

static int l_utf8_check(lua_State *L) {
    size_t len;
    const char *s = luaL_checklstring(L, 1, &len);
    size_t bad = csv_utf8_check(s, len);
    if (bad == len) lua_pushboolean(L, 1);
    else lua_pushinteger(L, (lua_Integer)bad + 1);
    return 1;
}

static const luaL_Reg reader_methods[] = {
    {"read", l_read}, {"position", l_position}, {"line", l_line}, {"close", l_close}, {NULL, NULL}};

static const luaL_Reg funcs[] = {
    {"open", l_open}, {"parse", l_parse}, {"utf8_check", l_utf8_check}, {NULL, NULL}};

int luaopen_cairn_csv(lua_State *L) {
    if (luaL_newmetatable(L, READER_TYPE)) {
        luaL_newlib(L, reader_methods);
        lua_setfield(L, -2, "__index");
        lua_pushcfunction(L, l_close);
        lua_setfield(L, -2, "__gc");
        lua_pushcfunction(L, l_close);
        lua_setfield(L, -2, "__close");
    }
    lua_pop(L, 1);
    luaL_newlib(L, funcs);
    return 1;
}
