/* render_json.c: the json renderer (being written). */
#include <lauxlib.h>

#include "render.h"

int render_json(lua_State *L) { return luaL_error(L, "the json renderer is not built yet"); }
