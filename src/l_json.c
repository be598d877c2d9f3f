/* l_json.c: cairn.jsoncore, the C half of lua/cairn/json.lua's fast path.
 *
 *   jsoncore.encode_plain(value, quote) -> compact JSON text, or nil
 *
 * Writes exactly the bytes json.lua's plain_encode (and so dkjson) writes for plain data:
 * object keys sorted as table.sort sorts strings (strcoll), dkjson's array test, numbers as
 * tostring writes them, strings as they are unless they hold a byte dkjson may escape (those
 * go through QUOTE, dkjson's quotestring). Anything less plain (a key that is not a string, a
 * metatable with __tojson, __jsonorder, __pairs or __index, an "n" field, a cycle, a locale's
 * decimal comma, deep nesting, a function) gives nil, and json.lua encodes the value in Lua as
 * before. A plan_status run saves 5,000 items: a quarter of its time was this in Lua. */
#include <lauxlib.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "modules.h"

#define MAX_DEPTH 200

/* The text so far, in a userdata so that a memory error while writing cannot leak it. */
typedef struct {
    char *p;
    size_t n, cap;
    int failed; /* out of memory */
} jbuf;

typedef struct {
    lua_State *L;
    jbuf *b;
    int quote;   /* stack index of dkjson's quotestring */
    int open;    /* stack index of the set of tables being written (cycles) */
    int depth;
} enc;

static int jbuf_gc(lua_State *L) {
    jbuf *b = lua_touserdata(L, 1);
    free(b->p);
    b->p = NULL;
    return 0;
}

static void put(jbuf *b, const char *s, size_t len) {
    if (b->failed) return;
    if (b->n + len > b->cap) {
        size_t cap = b->cap ? b->cap : 4096;
        while (cap < b->n + len) cap *= 2;
        char *p = realloc(b->p, cap);
        if (!p) {
            b->failed = 1;
            return;
        }
        b->p = p;
        b->cap = cap;
    }
    memcpy(b->p + b->n, s, len);
    b->n += len;
}

static void putc1(jbuf *b, char c) { put(b, &c, 1); }

/* Bytes dkjson's quotestring may change: controls, '"', '\\', DEL and the lead bytes of the
 * Unicode characters it escapes (json.lua's SPECIAL). */
static int special(unsigned char c) {
    return c < 32 || c == '"' || c == '\\' || c == 127 || c == 194 || c == 216 || c == 220 ||
           c == 225 || c == 226 || c == 239;
}

static int encode_value(enc *e, int idx);

static int encode_string(enc *e, int idx) {
    size_t len;
    const char *s = lua_tolstring(e->L, idx, &len);
    for (size_t i = 0; i < len; i++) {
        if (special((unsigned char)s[i])) {
            lua_pushvalue(e->L, e->quote);
            lua_pushvalue(e->L, idx);
            lua_call(e->L, 1, 1);
            size_t qlen;
            const char *q = lua_tolstring(e->L, -1, &qlen);
            if (!q) return 0;
            put(e->b, q, qlen);
            lua_pop(e->L, 1);
            return 1;
        }
    }
    putc1(e->b, '"');
    put(e->b, s, len);
    putc1(e->b, '"');
    return 1;
}

static int encode_number(enc *e, int idx) {
    lua_State *L = e->L;
    if (!lua_isinteger(L, idx)) {
        lua_Number v = lua_tonumber(L, idx);
        if (v != v || v >= HUGE_VAL || -v >= HUGE_VAL) {
            put(e->b, "null", 4);
            return 1;
        }
    }
    lua_pushvalue(L, idx);
    size_t len;
    const char *s = lua_tolstring(L, -1, &len); /* tostring's text */
    int ok = strspn(s, "0123456789-+eE.") == len;
    if (ok) put(e->b, s, len);
    lua_pop(L, 1);
    return ok;
}

/* table.sort's order for strings: strcoll (keys with a NUL byte were refused before). */
static int by_strcoll(const void *a, const void *b) {
    return strcoll(*(const char *const *)a, *(const char *const *)b);
}

static int encode_object(enc *e, int t) {
    lua_State *L = e->L;
    size_t count = 0;
    lua_pushnil(L);
    while (lua_next(L, t)) {
        lua_pop(L, 1);
        size_t len;
        if (lua_type(L, -1) != LUA_TSTRING) {
            lua_pop(L, 1);
            return 0;
        }
        const char *k = lua_tolstring(L, -1, &len);
        if (strlen(k) != len) {
            lua_pop(L, 1);
            return 0;
        }
        count++;
    }
    /* the keys stay alive in T while they are written (nothing here changes T) */
    const char **keys = lua_newuserdatauv(L, (count ? count : 1) * sizeof *keys, 0);
    int keys_idx = lua_gettop(L);
    size_t i = 0;
    lua_pushnil(L);
    while (lua_next(L, t)) {
        lua_pop(L, 1);
        keys[i++] = lua_tostring(L, -1);
    }
    qsort(keys, count, sizeof *keys, by_strcoll);
    putc1(e->b, '{');
    for (i = 0; i < count; i++) {
        if (i) putc1(e->b, ',');
        lua_pushstring(L, keys[i]);
        int k = lua_gettop(L);
        if (!encode_string(e, k)) return 0;
        putc1(e->b, ':');
        lua_pushvalue(L, k);
        lua_rawget(L, t);
        if (!encode_value(e, lua_gettop(L))) return 0;
        lua_pop(L, 2);
    }
    putc1(e->b, '}');
    lua_remove(L, keys_idx);
    return 1;
}

static int encode_table(enc *e, int t) {
    lua_State *L = e->L;
    int has_index = 0, as_object = 0;
    if (lua_getmetatable(L, t)) {
        int mt = lua_gettop(L);
        if (lua_getfield(L, mt, "__tojson") != LUA_TNIL || lua_getfield(L, mt, "__jsonorder") != LUA_TNIL ||
            lua_getfield(L, mt, "__pairs") != LUA_TNIL)
            return 0;
        has_index = lua_getfield(L, mt, "__index") != LUA_TNIL;
        lua_getfield(L, mt, "__jsontype");
        as_object = lua_type(L, -1) == LUA_TSTRING && strcmp(lua_tostring(L, -1), "object") == 0;
        lua_settop(L, mt - 1);
    }
    if (e->depth >= MAX_DEPTH) return 0;
    lua_pushvalue(L, t);
    if (lua_rawget(L, e->open) != LUA_TNIL) return 0; /* a cycle: dkjson says so */
    lua_pop(L, 1);
    lua_pushvalue(L, t);
    lua_pushboolean(L, 1);
    lua_rawset(L, e->open);
    e->depth++;

    /* dkjson's array test: only positive integer keys, not too sparse */
    lua_Integer max = 0, count = 0;
    int is_array = 1;
    lua_pushnil(L);
    while (lua_next(L, t)) {
        lua_pop(L, 1);
        if (lua_type(L, -1) == LUA_TSTRING && strcmp(lua_tostring(L, -1), "n") == 0) {
            lua_pop(L, 1);
            return 0; /* a count field: json.lua's rules */
        }
        if (!lua_isinteger(L, -1) || lua_tointeger(L, -1) < 1) {
            if (lua_type(L, -1) == LUA_TNUMBER) {
                lua_pop(L, 1);
                return 0; /* a fractional or non-positive number key */
            }
            lua_pop(L, 1);
            is_array = 0;
            break;
        }
        lua_Integer k = lua_tointeger(L, -1);
        if (k > max) max = k;
        count++;
    }
    if (is_array && max > 10 && max > count * 2) is_array = 0;
    if (is_array && max == 0 && as_object) is_array = 0;
    if (is_array) {
        if (has_index && count < max) return 0; /* a hole would ask __index */
        putc1(e->b, '[');
        for (lua_Integer i = 1; i <= max; i++) {
            if (i > 1) putc1(e->b, ',');
            lua_rawgeti(L, t, i);
            if (!encode_value(e, lua_gettop(L))) return 0;
            lua_pop(L, 1);
        }
        putc1(e->b, ']');
    } else if (!encode_object(e, t)) {
        return 0;
    }
    e->depth--;
    lua_pushvalue(L, t);
    lua_pushnil(L);
    lua_rawset(L, e->open);
    return 1;
}

static int encode_value(enc *e, int idx) {
    luaL_checkstack(e->L, 8, "json: nested too deeply");
    switch (lua_type(e->L, idx)) {
    case LUA_TSTRING: return encode_string(e, idx);
    case LUA_TNUMBER: return encode_number(e, idx);
    case LUA_TBOOLEAN:
        if (lua_toboolean(e->L, idx)) put(e->b, "true", 4);
        else put(e->b, "false", 5);
        return 1;
    case LUA_TNIL: put(e->b, "null", 4); return 1;
    case LUA_TTABLE: return encode_table(e, idx);
    default: return 0;
    }
}

static int l_encode_plain(lua_State *L) {
    luaL_checkany(L, 1);
    luaL_checktype(L, 2, LUA_TFUNCTION);
    lua_settop(L, 2);
    jbuf *b = lua_newuserdatauv(L, sizeof *b, 0);
    memset(b, 0, sizeof *b);
    lua_newtable(L); /* the metatable that frees the text */
    lua_pushcfunction(L, jbuf_gc);
    lua_setfield(L, -2, "__gc");
    lua_setmetatable(L, -2);
    lua_newtable(L); /* open tables */
    enc e = {L, b, 2, 4, 0};
    int ok = encode_value(&e, 1);
    if (b->failed) return luaL_error(L, "not enough memory");
    if (!ok) {
        lua_pushnil(L);
        return 1;
    }
    lua_pushlstring(L, b->p ? b->p : "", b->n);
    return 1;
}

static const luaL_Reg funcs[] = {{"encode_plain", l_encode_plain}, {NULL, NULL}};

int luaopen_cairn_jsoncore(lua_State *L) {
    luaL_newlib(L, funcs);
    return 1;
}
