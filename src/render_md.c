/* render_md.c: the markdown renderer (being written). */
#include <lauxlib.h>

#include "render.h"

int render_markdown(lua_State *L) { return luaL_error(L, "the markdown renderer is not built yet"); }
