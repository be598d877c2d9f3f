/* render.h: C renderers over a report document (docs/report-document.md).
 * Each takes the document (or, for CSV, one table block) at stack index 1 and returns its
 * output as a Lua string (XLSX writes a file: index 2 is the path). */
#ifndef CAIRN_RENDER_H
#define CAIRN_RENDER_H

#include <lua.h>

int render_text(lua_State *L);     /* render_text.c */
int render_markdown(lua_State *L); /* render_md.c */
int render_csv(lua_State *L);      /* render_csv.c */
int render_json(lua_State *L);     /* render_json.c */
int render_html(lua_State *L);     /* render_html.c (charts in render_svg.c) */
int render_xlsx(lua_State *L);     /* render_xlsx.c */

#endif
