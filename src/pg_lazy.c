/* pg_lazy.c: require "cairn.pg" for the binary, loading the real binding on first use.
 *
 * libpq (with its TLS, Kerberos and LDAP libraries) would cost every cairn start a large share
 * of its start-up time, and only `cairn publish`, `cairn state` and state reports need it. So
 * src/l_pg.c is built as a module of its own (cairn-pg.so, see the Makefile) and opened here the
 * first time a script requires cairn.pg, the way xlsx_lazy.c opens cairn-xlsx.so. */
#define _POSIX_C_SOURCE 200809L
#include <dlfcn.h>
#include <lauxlib.h>
#include <limits.h>

#include "host.h"
#include "modules.h"

int luaopen_cairn_pg(lua_State *L) {
    static lua_CFunction open;
    if (!open) {
        char path[PATH_MAX];
        if (!host_libfile("cairn-pg.so", path, sizeof path))
            return luaL_error(L, "PostgreSQL is not available: cairn-pg.so is not installed "
                                 "(looked beside the cairn binary and in %s)", host_libdir());
        void *h = dlopen(path, RTLD_NOW | RTLD_LOCAL);
        if (!h)
            return luaL_error(L, "PostgreSQL is not available: %s", dlerror());
        /* the module stays loaded for the life of the process */
        void *sym = dlsym(h, "cairn_luaopen_pg");
        if (!sym)
            return luaL_error(L, "PostgreSQL is not available: %s: no cairn_luaopen_pg", path);
        *(void **)&open = sym;
    }
    return open(L);
}
