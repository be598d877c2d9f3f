/* render_json.c: render.json(doc [, {indent = false}]) -> the whole document as JSON.
 *
 * Deterministic: object keys sorted bytewise, two-space indentation, integers printed as
 * integers and other numbers as the shortest text that reads back exactly. A table whose keys
 * are exactly 1..n is an array (an empty table is []); any other table is an object. A
 * suppressed cell is written as {"suppressed": true, "reason": ...} whatever else it holds, so
 * no value can leak. Functions, userdata and cycles are errors. */
#include <lauxlib.h>
#include <stdlib.h>
#include <string.h>

#include "render.h"

#define MAX_DEPTH 200

typedef struct {
    rbuf *b;
    int indent; /* pretty-print */
    int depth;
} jw;

static void newline(jw *w) {
    if (!w->indent) return;
    rb_addc(w->b, '\n');
    rb_addrep(w->b, ' ', (size_t)w->depth * 2);
}

static void put_string(jw *w, const char *s, size_t len) {
    rbuf *b = w->b;
    static const char hex[] = "0123456789abcdef";
    rb_addc(b, '"');
    size_t i = 0;
    while (i < len) {
        unsigned char c = (unsigned char)s[i];
        if (c == '"' || c == '\\') {
            rb_addc(b, '\\');
            rb_addc(b, (char)c);
            i++;
        } else if (c < 0x20 || c == 0x7f) {
            switch (c) {
            case '\n': rb_add(b, "\\n", 2); break;
            case '\r': rb_add(b, "\\r", 2); break;
            case '\t': rb_add(b, "\\t", 2); break;
            default:
                rb_add(b, "\\u00", 4);
                rb_addc(b, hex[c >> 4]);
                rb_addc(b, hex[c & 15]);
            }
            i++;
        } else if (c < 0x80) {
            /* "<" escaped too, so the JSON can sit inside an HTML <script> or comment safely */
            if (c == '<') rb_add(b, "\\u003c", 6);
            else rb_addc(b, (char)c);
            i++;
        } else {
            /* copy a valid UTF-8 sequence; replace invalid bytes with U+FFFD */
            size_t k = c >= 0xF0 && c < 0xF5 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 && c < 0xE0 ? 2 : 0;
            int ok = k > 0 && i + k <= len;
            for (size_t j = 1; ok && j < k; j++)
                if (((unsigned char)s[i + j] & 0xC0) != 0x80) ok = 0;
            if (ok && k == 3) {
                unsigned char c1 = (unsigned char)s[i + 1];
                if ((c == 0xE0 && c1 < 0xA0) || (c == 0xED && c1 >= 0xA0)) ok = 0;
            }
            if (ok && k == 4) {
                unsigned char c1 = (unsigned char)s[i + 1];
                if ((c == 0xF0 && c1 < 0x90) || (c == 0xF4 && c1 >= 0x90)) ok = 0;
            }
            if (ok) {
                rb_add(b, s + i, k);
                i += k;
            } else {
                rb_add(b, "\xEF\xBF\xBD", 3);
                i++;
            }
        }
    }
    rb_addc(b, '"');
}

static void put_number(jw *w, lua_State *L, int idx) {
    char buf[64];
    if (lua_isinteger(L, idx)) {
        snprintf(buf, sizeof buf, "%lld", (long long)lua_tointeger(L, idx));
    } else {
        rd_number_exact(buf, sizeof buf, lua_tonumber(L, idx));
    }
    rb_adds(w->b, buf);
}

static int key_cmp(const void *a, const void *b) {
    const char *const *x = a, *const *y = b;
    /* keys are stored as "len:bytes" pointers; compare as byte strings */
    size_t lx, ly;
    memcpy(&lx, *x, sizeof lx);
    memcpy(&ly, *y, sizeof ly);
    int c = memcmp(*x + sizeof lx, *y + sizeof ly, lx < ly ? lx : ly);
    if (c) return c;
    return lx < ly ? -1 : lx > ly;
}

static void put_value(jw *w, lua_State *L, int idx);

/* Is the table at IDX a sequence 1..n with nothing else? Returns n, or -1. */
static lua_Integer sequence_length(lua_State *L, int idx) {
    lua_Integer n = (lua_Integer)lua_rawlen(L, idx), count = 0;
    lua_pushnil(L);
    while (lua_next(L, idx)) {
        lua_pop(L, 1);
        if (!lua_isinteger(L, -1)) {
            lua_pop(L, 1);
            return -1;
        }
        lua_Integer k = lua_tointeger(L, -1);
        if (k < 1 || k > n) {
            lua_pop(L, 1);
            return -1;
        }
        count++;
    }
    return count == n ? n : -1;
}

static void put_object(jw *w, lua_State *L, int idx) {
    /* collect keys as strings in a Lua table (keeps them alive), then sort pointers in C */
    lua_newtable(L);
    int keys = lua_gettop(L);
    int n = 0;
    lua_pushnil(L);
    while (lua_next(L, idx)) {
        lua_pop(L, 1);
        int kt = lua_type(L, -1);
        if (kt == LUA_TSTRING) {
            lua_pushvalue(L, -1);
        } else if (kt == LUA_TNUMBER) {
            char buf[64];
            if (lua_isinteger(L, -1))
                snprintf(buf, sizeof buf, "%lld", (long long)lua_tointeger(L, -1));
            else
                rd_number_exact(buf, sizeof buf, lua_tonumber(L, -1));
            lua_pushstring(L, buf);
        } else if (kt == LUA_TBOOLEAN) {
            lua_pushstring(L, lua_toboolean(L, -1) ? "true" : "false");
        } else {
            luaL_error(L, "render.json: a table key of type %s cannot be written", luaL_typename(L, -1));
        }
        /* entry: "len:bytes" prefix string -> original key */
        size_t len;
        const char *s = lua_tolstring(L, -1, &len);
        luaL_Buffer kb;
        luaL_buffinit(L, &kb);
        luaL_addlstring(&kb, (const char *)&len, sizeof len);
        luaL_addlstring(&kb, s, len);
        luaL_pushresult(&kb);
        lua_remove(L, -2);
        lua_pushvalue(L, -2); /* original key */
        lua_rawset(L, keys);
        n++;
    }
    const char **list = lua_newuserdatauv(L, sizeof *list * (size_t)(n ? n : 1), 0);
    int i = 0;
    lua_pushnil(L);
    while (lua_next(L, keys)) {
        lua_pop(L, 1);
        if (i < n) list[i++] = lua_tostring(L, -1);
    }
    n = i; /* keys 1 and "1" are one JSON key: the later one wins */
    qsort(list, (size_t)n, sizeof *list, key_cmp);
    int suppressed = rd_bool(L, idx, "suppressed");
    rb_addc(w->b, '{');
    w->depth++;
    int first = 1;
    for (i = 0; i < n; i++) {
        size_t len;
        memcpy(&len, list[i], sizeof len);
        const char *name = list[i] + sizeof len;
        if (suppressed && !(len == 10 && memcmp(name, "suppressed", 10) == 0) &&
            !(len == 6 && memcmp(name, "reason", 6) == 0))
            continue; /* a suppressed cell shows only that it is suppressed, and why */
        lua_pushlstring(L, list[i], len + sizeof len);
        lua_rawget(L, keys); /* original key */
        lua_rawget(L, idx);  /* its value */
        if (!first) rb_addc(w->b, ',');
        first = 0;
        newline(w);
        put_string(w, name, len);
        rb_adds(w->b, w->indent ? ": " : ":");
        put_value(w, L, lua_gettop(L));
        lua_pop(L, 1);
    }
    w->depth--;
    if (!first) newline(w);
    rb_addc(w->b, '}');
    lua_pop(L, 2); /* list, keys */
}

static void put_value(jw *w, lua_State *L, int idx) {
    switch (lua_type(L, idx)) {
    case LUA_TNIL: rb_adds(w->b, "null"); break;
    case LUA_TBOOLEAN: rb_adds(w->b, lua_toboolean(L, idx) ? "true" : "false"); break;
    case LUA_TNUMBER: put_number(w, L, idx); break;
    case LUA_TSTRING: {
        size_t len;
        const char *s = lua_tolstring(L, idx, &len);
        put_string(w, s, len);
        break;
    }
    case LUA_TTABLE: {
        if (w->depth >= MAX_DEPTH)
            luaL_error(L, "render.json: the document nests deeper than %d levels (a cycle?)", MAX_DEPTH);
        luaL_checkstack(L, 8, "render.json");
        lua_Integer n = sequence_length(L, idx);
        if (n >= 0) {
            rb_addc(w->b, '[');
            w->depth++;
            for (lua_Integer i = 1; i <= n; i++) {
                if (i > 1) rb_addc(w->b, ',');
                newline(w);
                lua_rawgeti(L, idx, i);
                put_value(w, L, lua_gettop(L));
                lua_pop(L, 1);
            }
            w->depth--;
            if (n > 0) newline(w);
            rb_addc(w->b, ']');
        } else {
            put_object(w, L, idx);
        }
        break;
    }
    default:
        luaL_error(L, "render.json: a %s cannot be written as JSON", luaL_typename(L, idx));
    }
}

int render_json(lua_State *L) {
    luaL_checktype(L, 1, LUA_TTABLE);
    int indent = 1;
    if (lua_type(L, 2) == LUA_TTABLE) {
        lua_getfield(L, 2, "indent");
        if (!lua_isnil(L, -1)) indent = lua_toboolean(L, -1);
        lua_pop(L, 1);
    }
    lua_settop(L, 1);
    jw w = {rb_new(L), indent, 0};
    put_value(&w, L, 1);
    rb_addc(w.b, '\n');
    rb_push(w.b);
    return 1;
}
