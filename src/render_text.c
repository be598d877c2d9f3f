/* render_text.c: the text renderer (being written). */
#include <lauxlib.h>

#include "render.h"

int render_text(lua_State *L) { return luaL_error(L, "the text renderer is not built yet"); }
