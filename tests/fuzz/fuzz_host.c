/* fuzz_host.c: see fuzz_host.h. */
#define _POSIX_C_SOURCE 200809L
#include "fuzz_host.h"

#include <lauxlib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "host.h"

#ifndef CAIRN_FUZZ_HOME
#define CAIRN_FUZZ_HOME "."
#endif

static lua_State *state;
static int entry_ref = LUA_NOREF;

lua_State *fuzz_state(const char *setup) {
    if (state) return state;
    setenv("CAIRN_HOME", CAIRN_FUZZ_HOME, 0);
    /* no workspace, no district folders: only what the target itself hands in */
    unsetenv("CAIRN_WORKSPACE");
    unsetenv("CAIRN_PATH");
    state = host_new();
    if (!state) fuzz_finding("host_new: out of memory", NULL, 0);
    lua_State *L = state;
    if (luaL_loadstring(L, "require('cairn.paths').install()") != LUA_OK || host_pcall(L, 0, 0) != LUA_OK ||
        luaL_loadstring(L, setup) != LUA_OK || host_pcall(L, 0, 1) != LUA_OK ||
        lua_type(L, -1) != LUA_TFUNCTION) {
        const char *msg = lua_tostring(L, -1);
        fuzz_finding("the fuzz target's setup failed", msg, msg ? strlen(msg) : 0);
    }
    entry_ref = luaL_ref(L, LUA_REGISTRYINDEX);
    return L;
}

void fuzz_push_entry(lua_State *L) { lua_rawgeti(L, LUA_REGISTRYINDEX, entry_ref); }

void fuzz_finding(const char *what, const char *detail, size_t len) {
    fprintf(stderr, "FINDING: %s\n", what);
    if (detail) {
        if (len > 2000) len = 2000;
        fprintf(stderr, "  %.*s\n", (int)len, detail);
    }
    fflush(stderr);
    abort();
}
