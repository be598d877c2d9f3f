/* survey_elim.h: the exact elimination behind cairn.survey.audit (survey_elim.c), added to
 * the cairn.surveycore module by l_survey.c. */
#ifndef CAIRN_SURVEY_ELIM_H
#define CAIRN_SURVEY_ELIM_H

#include <lua.h>

/* Sets elim_system (and the metatables it needs) in the module table on top of the stack. */
void survey_elim_register(lua_State *L);

#endif
