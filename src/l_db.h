/* l_db.h: what other C files need from the cairn.db binding. */
#ifndef CAIRN_L_DB_H
#define CAIRN_L_DB_H

#include <lua.h>
#include <sqlite3.h>

/* Wrap an open connection in a new cairn.db handle (which then owns and closes it) and push it. */
void ldb_push(lua_State *L, sqlite3 *db, const char *path);

/* The connection behind the handle at IDX; raises a Lua error if it is not an open handle. */
sqlite3 *ldb_check(lua_State *L, int idx);

/* Interrupt every running query on every open handle (called from the SIGINT handler). */
void ldb_interrupt_all(void);

#endif
