/* test_host.c: the state's allocator (src/host.c): small blocks from the pool and large ones
 * from malloc keep their contents when they grow and shrink across the two, the byte count
 * is the same after the same work once its garbage is collected, and a sandbox's limit is still
 * enforced. Under ASan or valgrind the pool is off and the same checks cover plain malloc. */
#include <lauxlib.h>
#include <string.h>

#include "host.h"
#include "tap.h"

static lua_State *L;

static size_t used(void) {
    void *ud = NULL;
    lua_getallocf(L, &ud);
    return ((struct host_alloc *)ud)->used;
}

/* Run Lua CODE returning one boolean; 1 if it ran and returned true. */
static int lua_true(const char *code) {
    if (luaL_loadstring(L, code) != LUA_OK || host_pcall(L, 0, 1) != LUA_OK) {
        printf("#   lua: %s\n", lua_tostring(L, -1));
        lua_pop(L, 1);
        return 0;
    }
    int t = lua_toboolean(L, -1);
    lua_pop(L, 1);
    return t;
}

int main(void) {
    L = host_new();
    ok(L != NULL, "host_new makes a state");

    /* strings of every size around the pool's limit (256 bytes), kept and checked */
    ok(lua_true("local keep = {}\n"
                "for n = 1, 600 do keep[n] = string.rep(string.char(65 + n % 26), n) end\n"
                "for n = 1, 600 do\n"
                "  local s = keep[n]\n"
                "  if #s ~= n or s:sub(-1) ~= string.char(65 + n % 26) then return false end\n"
                "end\n"
                "return true"),
       "strings from 1 to 600 bytes keep their contents");

    /* a table's array grows from pool-sized blocks into malloc'd ones and shrinks back */
    ok(lua_true("local t = {}\n"
                "for i = 1, 5000 do t[i] = i * 3 end\n"
                "for i = 5000, 5, -1 do t[i] = nil end\n"
                "collectgarbage()\n"
                "for i = 1, 4 do if t[i] ~= i * 3 then return false end end\n"
                "local h = {}\n"
                "for i = 1, 2000 do h['k' .. i] = i end\n"
                "for i = 1, 2000 do if h['k' .. i] ~= i then return false end end\n"
                "return true"),
       "tables growing and shrinking across the pool's limit keep their contents");

    ok(lua_true("local t = {}\n"
                "for i = 1, 20000 do t[i] = { i, tostring(i), string.rep('x', i % 300) } end\n"
                "return #t == 20000"),
       "twenty thousand small tables and strings");
    lua_gc(L, LUA_GCCOLLECT);
    lua_gc(L, LUA_GCCOLLECT);
    size_t before = used();

    /* the same work again, once its garbage is collected, leaves the same count: what is freed
     * is given back (to the pool or to malloc), none of it counted twice */
    ok(lua_true("local t = {}\n"
                "for i = 1, 20000 do t[i] = { i, tostring(i), string.rep('x', i % 300) } end\n"
                "return t[12345][2] == '12345' and #t[299][3] == 299"),
       "the same work again reads back what it wrote");
    lua_gc(L, LUA_GCCOLLECT);
    lua_gc(L, LUA_GCCOLLECT);
    ok(used() <= before + 4096, "and leaves the same byte count once collected (%zu -> %zu)", before,
       used());

    /* a sandbox's limit: growth past it is refused, the state stays usable */
    void *ud = NULL;
    lua_getallocf(L, &ud);
    struct host_alloc *a = ud;
    a->limit = used() + 64 * 1024;
    ok(!lua_true("local t = {} for i = 1, 1e6 do t[i] = tostring(i) end return true"),
       "allocation past the limit fails");
    ok(a->refused, "and is recorded as refused");
    a->limit = 0;
    a->refused = 0;
    lua_gc(L, LUA_GCCOLLECT);
    ok(lua_true("return string.rep('ab', 100) == ('ab'):rep(100)"), "the state works after it");

    host_close(L);
    ok(1, "host_close frees the state");
    return done_testing();
}
