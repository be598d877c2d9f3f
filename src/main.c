/* main.c: start the host and hand the command line to lua/cairn/cli.lua, where every
 * subcommand, its usage text and its messages live. The exit status is what cli.main returns:
 * 0 success, 1 failure of the work, 2 usage error. */
#include <lauxlib.h>
#include <stdio.h>
#include <stdlib.h>

#include "host.h"

int main(int argc, char **argv) {
    lua_State *L = host_new();
    if (!L) {
        fputs("cairn: not enough memory to start\n", stderr);
        return 1;
    }
    /* No garbage collection while cairn's own modules load (as lua.c does): start-up makes
     * little garbage, and collecting it costs more than it frees. */
    lua_gc(L, LUA_GCSTOP);
    lua_getglobal(L, "require");
    lua_pushliteral(L, "cairn.cli");
    int status = host_pcall(L, 1, 1);
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
    host_close(L);
    return code;
}
