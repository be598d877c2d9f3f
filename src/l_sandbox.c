/* l_sandbox.c: cairn.sandboxcore, the limits a sandboxed chunk runs under.
 *
 *   local sandbox = require "cairn.sandboxcore"   -- (cairn.sandbox re-exports call and memory_in_use)
 *   local ok, err, why = sandbox.call({ instructions = 1e7, memory = 32 << 20 }, fn, ...)
 *
 * Like pcall, but FN (and every coroutine it creates) may execute at most INSTRUCTIONS Lua
 * instructions and allocate at most MEMORY bytes more than it started with. When a limit is
 * reached the call ends with ok = false and WHY = "instructions" or "memory" (the words people
 * read are Lua's: lua/cairn/sandbox.lua). A chunk cannot get past a limit with pcall: once the
 * budget is spent every further instruction raises again, and the memory cap stays until the
 * call returns, so the error reaches sandbox.call whatever the chunk catches.
 *
 * Memory is counted by the state's allocator (host.c: every state cairn makes counts its bytes);
 * instructions by a count hook, which Lua copies into coroutines created while it is set.
 * Mechanism only: which functions a sandbox offers is policy, in Lua. */
#include <lauxlib.h>
#include <lua.h>

#include "host.h"

#define HOOK_STEP 1000 /* instructions between two looks at the budget */

/* The sandbox in force, kept with the state's allocator data (one per state). */
static struct host_alloc *alloc_of(lua_State *L) {
    void *ud = NULL;
    lua_getallocf(L, &ud);
    return (struct host_alloc *)ud;
}

/* The count hook: spends the budget; once it is gone, raises at every instruction. */
static void budget_hook(lua_State *L, lua_Debug *ar) {
    (void)ar;
    struct host_alloc *a = alloc_of(L);
    if (host_interrupted()) { /* Ctrl-C inside a sandboxed coroutine */
        lua_sethook(L, NULL, 0, 0);
        luaL_error(L, "interrupted");
    }
    if (!a || !a->sandboxed)
        return;
    if (!a->exhausted && !a->refused) {
        a->budget -= HOOK_STEP;
        if (a->budget > 0)
            return;
        a->exhausted = 1;
    }
    /* a spent budget or a refused allocation ends the chunk: no instruction runs without
     * raising again, so a pcall inside cannot carry on */
    lua_sethook(L, budget_hook, LUA_MASKCOUNT, 1);
    luaL_error(L, a->refused ? "sandbox: memory limit" : "sandbox: instruction limit");
}

static lua_Integer limit_field(lua_State *L, int t, const char *name, lua_Integer dflt) {
    lua_getfield(L, t, name);
    lua_Integer v = dflt;
    if (!lua_isnil(L, -1)) {
        int isnum = 0;
        lua_Number n = lua_tonumberx(L, -1, &isnum);
        if (!isnum || n < 1)
            luaL_error(L, "sandbox.call: %s must be a positive number", name);
        v = n > (lua_Number)LUA_MAXINTEGER / 2 ? LUA_MAXINTEGER / 2 : (lua_Integer)n;
    }
    lua_pop(L, 1);
    return v;
}

/* sandbox.call(limits, fn, ...) -> true, results... | false, message, why */
static int l_call(lua_State *L) {
    luaL_checktype(L, 1, LUA_TTABLE);
    luaL_checktype(L, 2, LUA_TFUNCTION);
    struct host_alloc *a = alloc_of(L);
    if (!a)
        return luaL_error(L, "sandbox.call: this state does not count its memory");
    if (a->sandboxed)
        return luaL_error(L, "sandbox.call: already inside a sandbox");
    lua_Integer instructions = limit_field(L, 1, "instructions", 100000000);
    lua_Integer memory = limit_field(L, 1, "memory", 64 << 20);
    int nargs = lua_gettop(L) - 2;

    /* arm: the budget, the memory ceiling, the hook (saved to restore: Ctrl-C uses hooks too) */
    lua_Hook old_hook = lua_gethook(L);
    int old_mask = lua_gethookmask(L), old_count = lua_gethookcount(L);
    a->sandboxed = 1;
    a->exhausted = 0;
    a->budget = instructions;
    a->limit = a->used + (size_t)memory;
    a->refused = 0;
    lua_sethook(L, budget_hook, LUA_MASKCOUNT, HOOK_STEP);

    int status = lua_pcall(L, nargs, LUA_MULTRET, 0);

    int spent = a->exhausted, refused = a->refused;
    a->sandboxed = 0;
    a->limit = 0;
    if (lua_gethook(L) == budget_hook)
        lua_sethook(L, old_hook, old_mask, old_count);
    if (status == LUA_OK) { /* the results are at 2..top, where fn was */
        lua_pushboolean(L, 1);
        lua_insert(L, 2);
        return lua_gettop(L) - 1;
    }
    lua_pushboolean(L, 0);
    lua_insert(L, -2);
    if (refused || status == LUA_ERRMEM)
        lua_pushliteral(L, "memory");
    else if (spent)
        lua_pushliteral(L, "instructions");
    else
        lua_pushnil(L);
    return 3;
}

/* sandbox.memory_in_use() -> bytes the state has allocated now */
static int l_memory_in_use(lua_State *L) {
    struct host_alloc *a = alloc_of(L);
    lua_pushinteger(L, a ? (lua_Integer)a->used : 0);
    return 1;
}

int luaopen_cairn_sandboxcore(lua_State *L) {
    static const luaL_Reg fns[] = {
        {"call", l_call},
        {"memory_in_use", l_memory_in_use},
        {NULL, NULL},
    };
    luaL_newlib(L, fns);
    return 1;
}
