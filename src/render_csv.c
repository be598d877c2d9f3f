/* render_csv.c: the csv renderer (being written). */
#include <lauxlib.h>

#include "render.h"

int render_csv(lua_State *L) { return luaL_error(L, "the csv renderer is not built yet"); }
