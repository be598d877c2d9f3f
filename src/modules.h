/* modules.h: cairn's C modules, registered in package.preload by host.c so that
 * require "cairn.db" etc. find them before any file on the search path. One line per module;
 * each is defined in the l_*.c file of the same name. */
#ifndef CAIRN_MODULES_H
#define CAIRN_MODULES_H

#include <lua.h>

#define CAIRN_C_MODULES(X)                   \
    X("cairn.host", luaopen_cairn_host)      \
    X("cairn.db", luaopen_cairn_db)          \
    X("cairn.render", luaopen_cairn_render)  \
    X("cairn.csv", luaopen_cairn_csv)        \
    X("cairn.jsoncore", luaopen_cairn_jsoncore) \
    X("cairn.surveycore", luaopen_cairn_surveycore) \
    X("cairn.sandboxcore", luaopen_cairn_sandboxcore)\
    X("cairn.pg", luaopen_cairn_pg) /* pg_lazy.c: opens cairn-pg.so on first use */

#define CAIRN_DECLARE_OPENER(name, fn) int fn(lua_State *L);
CAIRN_C_MODULES(CAIRN_DECLARE_OPENER)
#undef CAIRN_DECLARE_OPENER

#endif
