/* render_html.c: the html renderer (being written). */
#include <lauxlib.h>

#include "render.h"

int render_html(lua_State *L) { return luaL_error(L, "the html renderer is not built yet"); }
