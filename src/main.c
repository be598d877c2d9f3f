/* main.c: start the host and hand the command line to lua/cairn/cli.lua, where every
 * subcommand, its usage text and its messages live. The exit status is what cli.main returns:
 * 0 success, 1 failure of the work, 2 usage error. */
#include <lauxlib.h>
#include <stdio.h>
#include <stdlib.h>

#include "host.h"

static void preload_compiled_paths(lua_State *L) {
    const char *dir = host_bytecode_folder();
    char cache[4200], source[4200];
    if (!dir || snprintf(cache, sizeof cache, "%s/cairn.paths.luac", dir) >= (int)sizeof cache ||
        snprintf(source, sizeof source, "%s/lua/cairn/paths.lua", host_datadir()) >= (int)sizeof source ||
        !host_load_compiled(L, cache, source))
        return;
    lua_getglobal(L, "package");
    lua_getfield(L, -1, "preload");
    lua_pushvalue(L, -3);
    lua_setfield(L, -2, "cairn.paths");
    lua_pop(L, 3);
}

int main(int argc, char **argv) {
    lua_State *L = host_new();
    if (!L) {
        fputs("cairn: not enough memory to start\n", stderr);
        return 1;
    }
    /* No garbage collection while cairn's own modules load (as lua.c does): start-up makes
     * little garbage, and collecting it costs more than it frees. */
    lua_gc(L, LUA_GCSTOP);
    /* The one search path's searcher first, so that cairn.cli and everything after it load
     * from the build's compiled chunks when they are current (lua/cairn/paths.lua); the
     * searcher's own module comes from there too when it can. */
    preload_compiled_paths(L);
    int status = luaL_loadstring(L, "require('cairn.paths').install() return require('cairn.cli')");
    if (status == LUA_OK)
        status = host_pcall(L, 0, 1);
    lua_gc(L, LUA_GCRESTART);
    lua_gc(L, LUA_GCGEN, 0, 0);
    int code = 1;
    if (status == LUA_OK) {
        lua_getfield(L, -1, "main");
        lua_createtable(L, argc, 0);
        for (int i = 1; i < argc; i++) {
            lua_pushstring(L, argv[i]);
            lua_rawseti(L, -2, i);
        }
        status = host_pcall(L, 1, 1);
        if (status == LUA_OK)
            code = (int)luaL_optinteger(L, -1, 0);
    }
    host_report(L, status);
    fflush(stdout);
    host_close_for_exit(L);
    return code;
}
