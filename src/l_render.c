/* l_render.c: the cairn.render module, C renderers over a report document (see
 * docs/report-document.md). Each renderer is in its own render_*.c file. */
#include <lauxlib.h>

#include "render.h"

static const luaL_Reg render_funcs[] = {
    {"text", render_text}, {"markdown", render_markdown}, {"csv", render_csv},
    {"json", render_json}, {"html", render_html},         {"xlsx", render_xlsx},
    {NULL, NULL}};

int luaopen_cairn_render(lua_State *L) {
    luaL_newlib(L, render_funcs);
    return 1;
}
