/* l_survey.c: the cairn.surveycore module, survey response storage and aggregation in C. */
#include <lauxlib.h>

int luaopen_cairn_surveycore(lua_State *L) {
    lua_newtable(L);
    return 1;
}
