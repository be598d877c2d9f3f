/* l_render.c: the cairn.render module, C renderers over a report document (see
 * docs/report-document.md). Each renderer is in its own render_*.c file. */
#include <lauxlib.h>

int luaopen_cairn_render(lua_State *L) {
    lua_newtable(L);
    return 1;
}
