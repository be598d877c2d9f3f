/* render_xlsx.c: the xlsx renderer (being written). */
#include <lauxlib.h>

#include "render.h"

int render_xlsx(lua_State *L) { return luaL_error(L, "the xlsx renderer is not built yet"); }
