/* l_csv.c: the cairn.csv module, Lua access to the streaming CSV reader in csv.c. */
#include <lauxlib.h>

int luaopen_cairn_csv(lua_State *L) {
    lua_newtable(L);
    return 1;
}
