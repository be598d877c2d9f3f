/* xlsx_lazy.c: render_xlsx() for the binary, loading the real renderer on first use.
 *
 * libxlsxwriter brings libminizip and libcrypto with it; loading them at every start costs
 * more than all the rest of cairn's start-up (bench/startup.sh). So src/render_xlsx.c is built
 * as a module of its own (cairn-xlsx.so, see the Makefile) and opened here the first time a
 * report is written as XLSX. The module finds the render helpers (render.c) in the binary,
 * which exports them. */
#define _POSIX_C_SOURCE 200809L
#include <dlfcn.h>
#include <lauxlib.h>
#include <limits.h>
#include <stdio.h>

#include "host.h"
#include "render.h"

int render_xlsx(lua_State *L) {
    static lua_CFunction impl;
    if (!impl) {
        char path[PATH_MAX];
        if (!host_libfile("cairn-xlsx.so", path, sizeof path))
            return luaL_error(L, "XLSX output is not available: cairn-xlsx.so is not installed "
                                 "(looked beside the cairn binary and in %s)", host_libdir());
        void *h = dlopen(path, RTLD_NOW | RTLD_LOCAL);
        if (!h)
            return luaL_error(L, "XLSX output is not available: %s", dlerror());
        /* the module stays loaded for the life of the process */
        void *sym = dlsym(h, "cairn_render_xlsx");
        if (!sym)
            return luaL_error(L, "XLSX output is not available: %s: no cairn_render_xlsx", path);
        *(void **)&impl = sym;
    }
    return impl(L);
}
