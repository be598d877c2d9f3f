/* l_db.c: the cairn.db module, the SQL primitive for scripts.
 *
 *   local db = require("cairn.db").open("file.db" [, {readonly = true}])
 *   db:exec(sql, ...)          run one statement (or a script, without parameters); changes
 *   for row in db:rows(sql, ...) do ... end   rows as tables keyed by column name
 *   db:one(sql, ...)           first row or nil;    db:value(sql, ...)  first column of it
 *   db:query(sql, ...)         {columns = {...}, rows = {{...}, ...}} in column order
 *   local tx <close> = db:begin()   commits at scope end, rolls back on error or tx:rollback()
 *   db:transaction(fn, ...)    the same around a function
 *   db:guard{writes =, hidden = {...}}   a policy for SQL run through db:guarded (nil: none)
 *   db:guarded(fn, ...)        run fn with that policy in force (sandboxed scripts' SQL)
 *
 * Parameters are always bound, never spliced: positional (...), or one table for named
 * parameters (:name, @name, $name) and positional ones (t[1], t[2], ...). Errors carry the
 * SQL text. Handles, statements and transactions close by close(), __close and __gc alike:
 * one idempotent function each. Statements are cached per handle and reset after use. */
#include "l_db.h"

#include <errno.h>
#include <lauxlib.h>
#include <stdlib.h>
#include <string.h>

#include "host.h"
#include "store.h"

#define DB_TYPE "cairn.db"
#define STMT_TYPE "cairn.stmt"
#define TX_TYPE "cairn.tx"
#define CACHE_SIZE 24

typedef struct stmt stmt;

typedef struct {
    sqlite3 *db;
    stmt *live;                  /* statements handed to Lua (rows iterators), closed with us */
    sqlite3_stmt *cache[CACHE_SIZE];
    unsigned long cache_used[CACHE_SIZE];
    unsigned long clock;
    int depth;                   /* open transactions/savepoints made by begin() */
    /* the guard (db:guard / db:guarded): what SQL a sandboxed script may run */
    int guarded;                 /* a db:guarded call is running: the policy applies */
    int guard_set;               /* a policy is installed */
    int guard_writes;            /* the policy allows INSERT/UPDATE/DELETE */
    char *guard_hidden;          /* tables it may not touch: names, each ended by NUL, then NUL */
    const char *guard_why;       /* why the last statement was refused, for the message */
} ldb;

struct stmt {
    sqlite3_stmt *st;
    ldb *owner;
    stmt *next, *prev;
};

typedef struct {
    ldb *owner;
    int level;    /* 1 = BEGIN ... COMMIT, >1 = a SAVEPOINT inside it */
    int done;
} tx;

/* ---- the registry of open connections, for Ctrl-C ------------------------------------- */

#define MAX_OPEN 64
static sqlite3 *volatile open_dbs[MAX_OPEN];

static void track(sqlite3 *db, int on) {
    for (int i = 0; i < MAX_OPEN; i++) {
        if (on ? open_dbs[i] == NULL : open_dbs[i] == db) {
            open_dbs[i] = on ? db : NULL;
            return;
        }
    }
}

void ldb_interrupt_all(void) {
    for (int i = 0; i < MAX_OPEN; i++)
        if (open_dbs[i])
            sqlite3_interrupt(open_dbs[i]);
}

/* ---- handles ------------------------------------------------------------------------------ */

static ldb *check_db(lua_State *L, int idx) {
    ldb *d = luaL_checkudata(L, idx, DB_TYPE);
    if (!d->db)
        luaL_error(L, "attempt to use a closed database");
    return d;
}

sqlite3 *ldb_check(lua_State *L, int idx) { return check_db(L, idx)->db; }

static void register_types(lua_State *L);

/* Ctrl-C sets host_interrupted(); a statement started just after the signal (when
 * sqlite3_interrupt found nothing running to stop) sees it here and stops too. */
static int on_progress(void *ud) {
    /* inside a sandbox, SQLite's steps spend the chunk's instruction budget too: a recursive
     * query cannot run for ever where the Lua hook does not reach (l_sandbox.c) */
    struct host_alloc *a = ud;
    if (a && a->sandboxed) {
        if (a->exhausted)
            return 1;
        a->budget -= 1000;
        if (a->budget <= 0) {
            a->exhausted = 1;
            return 1;
        }
    }
    return host_interrupted();
}

void ldb_push(lua_State *L, sqlite3 *db, const char *path) {
    register_types(L); /* the host may wrap a connection before require "cairn.db" ran */
    ldb *d = lua_newuserdatauv(L, sizeof *d, 1);
    memset(d, 0, sizeof *d);
    d->db = db;
    luaL_setmetatable(L, DB_TYPE);
    lua_pushstring(L, path ? path : "");
    lua_setiuservalue(L, -2, 1);
    track(db, 1);
    void *alloc = NULL;
    lua_getallocf(L, &alloc);
    sqlite3_progress_handler(db, 1000, on_progress, alloc);
}

static void stmt_release(stmt *s);

static int db_close(lua_State *L) {
    ldb *d = luaL_checkudata(L, 1, DB_TYPE);
    if (!d->db)
        return 0;
    while (d->live)
        stmt_release(d->live);
    for (int i = 0; i < CACHE_SIZE; i++) {
        sqlite3_finalize(d->cache[i]);
        d->cache[i] = NULL;
    }
    track(d->db, 0);
    store_close(d->db);
    d->db = NULL;
    free(d->guard_hidden);
    d->guard_hidden = NULL;
    return 0;
}

/* Raise a Lua error for the last failure on D, with the SQL that caused it. */
static int sql_error(lua_State *L, ldb *d, const char *sql) {
    int code = sqlite3_extended_errcode(d->db);
    const char *msg = sqlite3_errmsg(d->db);
    if ((code & 0xff) == SQLITE_INTERRUPT) {
        void *ud = NULL;
        lua_getallocf(L, &ud);
        struct host_alloc *a = ud;
        if (a && a->sandboxed && a->exhausted)
            return luaL_error(L, "sandbox: instruction limit");
        return luaL_error(L, "interrupted");
    }
    if ((code & 0xff) == SQLITE_AUTH && d->guard_why)
        return luaL_error(L, "not allowed in a sandboxed script: %s (SQL: %s)", d->guard_why, sql);
    switch (code & 0xff) {
    case SQLITE_BUSY: case SQLITE_LOCKED: case SQLITE_READONLY: case SQLITE_FULL:
    case SQLITE_IOERR: case SQLITE_CORRUPT: case SQLITE_NOTADB: case SQLITE_CANTOPEN:
        msg = store_error_words(d->db, code); /* the workspace file's troubles: one wording */
        break;
    default: break;
    }
    return luaL_error(L, "%s (SQL: %s)", msg, sql);
}

/* A prepared statement for SQL, from the cache when one is free. The caller gives it back
 * with give_back(), which resets it. */
static sqlite3_stmt *acquire(lua_State *L, ldb *d, const char *sql, size_t len,
                             const char **tail) {
    /* under a guard every statement is prepared afresh, so the authorizer sees it (a cached
     * statement was authorized for cairn's own code, not for the script) */
    for (int i = 0; i < CACHE_SIZE && !d->guarded; i++) {
        sqlite3_stmt *st = d->cache[i];
        if (st && strncmp(sqlite3_sql(st), sql, len) == 0 && sqlite3_sql(st)[len] == '\0') {
            d->cache[i] = NULL;
            *tail = sql + len;
            return st;
        }
    }
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v3(d->db, sql, (int)len, SQLITE_PREPARE_PERSISTENT, &st, tail) !=
        SQLITE_OK)
        sql_error(L, d, sql);
    return st;
}

static void give_back(ldb *d, sqlite3_stmt *st) {
    if (!st)
        return;
    sqlite3_reset(st);
    sqlite3_clear_bindings(st);
    int slot = 0;
    for (int i = 0; i < CACHE_SIZE; i++) {
        if (!d->cache[i]) { slot = i; break; }
        if (d->cache_used[i] < d->cache_used[slot]) slot = i;
    }
    sqlite3_finalize(d->cache[slot]);
    d->cache[slot] = st;
    d->cache_used[slot] = ++d->clock;
}

/* ---- the guard ---------------------------------------------------------------------------- */

static int hidden_table(const ldb *d, const char *table) {
    if (!table || !d->guard_hidden)
        return 0;
    for (const char *n = d->guard_hidden; *n; n += strlen(n) + 1)
        if (sqlite3_stricmp(n, table) == 0)
            return 1;
    return 0;
}

/* The authorizer: outside db:guarded everything is allowed (cairn's own code); inside, no
 * ATTACH, no schema change, no PRAGMA, no hidden table, and no write unless granted. */
static int authorize(void *ud, int action, const char *a1, const char *a2, const char *db_name,
                     const char *trigger) {
    (void)a2; (void)db_name;
    ldb *d = ud;
    if (!d->guarded || trigger) /* triggers belong to the schema cairn made */
        return SQLITE_OK;
    const char *why = NULL;
    switch (action) {
    case SQLITE_ATTACH: case SQLITE_DETACH: why = "ATTACH and DETACH"; break;
    case SQLITE_PRAGMA: why = "PRAGMA"; break;
    case SQLITE_CREATE_INDEX: case SQLITE_CREATE_TABLE: case SQLITE_CREATE_TEMP_INDEX:
    case SQLITE_CREATE_TEMP_TABLE: case SQLITE_CREATE_TEMP_TRIGGER: case SQLITE_CREATE_TEMP_VIEW:
    case SQLITE_CREATE_TRIGGER: case SQLITE_CREATE_VIEW: case SQLITE_DROP_INDEX:
    case SQLITE_DROP_TABLE: case SQLITE_DROP_TEMP_INDEX: case SQLITE_DROP_TEMP_TABLE:
    case SQLITE_DROP_TEMP_TRIGGER: case SQLITE_DROP_TEMP_VIEW: case SQLITE_DROP_TRIGGER:
    case SQLITE_DROP_VIEW: case SQLITE_ALTER_TABLE: case SQLITE_REINDEX: case SQLITE_ANALYZE:
    case SQLITE_CREATE_VTABLE: case SQLITE_DROP_VTABLE:
        why = "changing the schema";
        break;
    case SQLITE_INSERT: case SQLITE_UPDATE: case SQLITE_DELETE:
        if (a1 && sqlite3_strnicmp(a1, "sqlite_", 7) == 0) why = "changing the schema";
        else if (hidden_table(d, a1)) why = "cairn's internal tables";
        else if (!d->guard_writes) why = "writing (the script was not granted writes)";
        break;
    case SQLITE_READ:
        if (hidden_table(d, a1)) why = "cairn's internal tables";
        break;
    case SQLITE_TRANSACTION: case SQLITE_SAVEPOINT:
        why = "transaction control (cairn runs the script as one unit of work)";
        break;
    case SQLITE_FUNCTION:
        if (a2 && (sqlite3_stricmp(a2, "load_extension") == 0 || sqlite3_stricmp(a2, "fts3_tokenizer") == 0))
            why = "that function";
        break;
    default: break;
    }
    if (why) {
        d->guard_why = why;
        return SQLITE_DENY;
    }
    return SQLITE_OK;
}

/* db:guard{writes = bool, hidden = {table, ...}} installs the policy; db:guard(nil) removes it. */
static int db_guard(lua_State *L) {
    ldb *d = check_db(L, 1);
    if (d->guarded)
        return luaL_error(L, "db:guard: not inside db:guarded");
    free(d->guard_hidden);
    d->guard_hidden = NULL;
    d->guard_set = !lua_isnoneornil(L, 2);
    if (!d->guard_set) {
        sqlite3_set_authorizer(d->db, NULL, NULL);
        return 0;
    }
    luaL_checktype(L, 2, LUA_TTABLE);
    lua_getfield(L, 2, "writes");
    d->guard_writes = lua_toboolean(L, -1);
    lua_pop(L, 1);
    luaL_Buffer b;
    luaL_buffinit(L, &b);
    if (lua_getfield(L, 2, "hidden") == LUA_TTABLE) {
        for (lua_Integer i = 1; lua_geti(L, -1, i) == LUA_TSTRING; i++) {
            luaL_addstring(&b, lua_tostring(L, -1));
            luaL_addchar(&b, '\0');
            lua_pop(L, 1);
        }
        lua_pop(L, 1);
    }
    luaL_addchar(&b, '\0');
    luaL_pushresult(&b);
    size_t len;
    const char *names = lua_tolstring(L, -1, &len);
    d->guard_hidden = malloc(len);
    if (!d->guard_hidden)
        return luaL_error(L, "out of memory");
    memcpy(d->guard_hidden, names, len);
    sqlite3_set_authorizer(d->db, authorize, d);
    return 0;
}

/* db:guarded(fn, ...) -> fn(...)'s results, with the guard's policy in force while it runs. */
static int db_guarded(lua_State *L) {
    ldb *d = check_db(L, 1);
    luaL_checktype(L, 2, LUA_TFUNCTION);
    if (!d->guard_set)
        return luaL_error(L, "db:guarded: no policy (call db:guard first)");
    int outer = d->guarded;
    d->guarded = 1;
    d->guard_why = NULL;
    int status = lua_pcall(L, lua_gettop(L) - 2, LUA_MULTRET, 0);
    d->guarded = outer;
    if (status != LUA_OK)
        return lua_error(L);
    return lua_gettop(L) - 1;
}

/* ---- binding ------------------------------------------------------------------------------ */

static void bind_one(lua_State *L, ldb *d, sqlite3_stmt *st, int i, int idx, const char *what) {
    int rc;
    switch (lua_type(L, idx)) {
    case LUA_TNIL: rc = sqlite3_bind_null(st, i); break;
    case LUA_TBOOLEAN: rc = sqlite3_bind_int(st, i, lua_toboolean(L, idx)); break;
    case LUA_TNUMBER:
        rc = lua_isinteger(L, idx) ? sqlite3_bind_int64(st, i, lua_tointeger(L, idx))
                                   : sqlite3_bind_double(st, i, lua_tonumber(L, idx));
        break;
    case LUA_TSTRING: {
        size_t len;
        const char *s = lua_tolstring(L, idx, &len);
        rc = sqlite3_bind_text64(st, i, s, len, SQLITE_TRANSIENT, SQLITE_UTF8);
        break;
    }
    default:
        give_back(d, st);
        luaL_error(L, "SQL parameter %s: expected a string, number, boolean or nil, got %s",
                   what, luaL_typename(L, idx));
        return;
    }
    if (rc != SQLITE_OK) {
        const char *sql = lua_pushstring(L, sqlite3_sql(st));
        give_back(d, st);
        sql_error(L, d, sql);
    }
}

/* Bind the Lua values from FIRST to the top of the stack to ST. */
static void bind_params(lua_State *L, ldb *d, sqlite3_stmt *st, int first, int last) {
    int want = sqlite3_bind_parameter_count(st);
    int given = last - first + 1;
    if (given == 1 && lua_type(L, first) == LUA_TTABLE) {
        for (int i = 1; i <= want; i++) {
            const char *name = sqlite3_bind_parameter_name(st, i);
            if (name && name[0] != '?') {
                if (lua_getfield(L, first, name + 1) == LUA_TNIL) {
                    lua_pop(L, 1); /* absent named parameters bind NULL */
                    lua_getfield(L, first, name);
                }
                bind_one(L, d, st, i, -1, name);
                lua_pop(L, 1);
            } else {
                lua_geti(L, first, i);
                char what[16];
                snprintf(what, sizeof what, "#%d", i);
                bind_one(L, d, st, i, -1, what);
                lua_pop(L, 1);
            }
        }
        return;
    }
    if (given != want) {
        const char *sql = lua_pushstring(L, sqlite3_sql(st));
        give_back(d, st);
        luaL_error(L, "SQL expects %d parameter%s, got %d (SQL: %s)", want, want == 1 ? "" : "s",
                   given, sql);
    }
    for (int i = 1; i <= want; i++) {
        char what[16];
        snprintf(what, sizeof what, "#%d", i);
        bind_one(L, d, st, i, first + i - 1, what);
    }
}

static void push_column(lua_State *L, sqlite3_stmt *st, int c) {
    switch (sqlite3_column_type(st, c)) {
    case SQLITE_INTEGER: lua_pushinteger(L, sqlite3_column_int64(st, c)); break;
    case SQLITE_FLOAT: lua_pushnumber(L, sqlite3_column_double(st, c)); break;
    case SQLITE_NULL: lua_pushnil(L); break;
    default: {
        const void *p = sqlite3_column_blob(st, c);
        lua_pushlstring(L, p ? p : "", (size_t)sqlite3_column_bytes(st, c));
    }
    }
}

static void push_row(lua_State *L, sqlite3_stmt *st) {
    int n = sqlite3_column_count(st);
    lua_createtable(L, 0, n);
    for (int c = 0; c < n; c++) {
        push_column(L, st, c);
        lua_setfield(L, -2, sqlite3_column_name(st, c));
    }
}

/* Prepare SQL at index 2 with the parameters from index 3 to LAST, ready to step. */
static sqlite3_stmt *prepare_bound_to(lua_State *L, ldb *d, int last) {
    size_t len;
    const char *sql = luaL_checklstring(L, 2, &len);
    const char *tail = NULL;
    sqlite3_stmt *st = acquire(L, d, sql, len, &tail);
    if (!st)
        luaL_error(L, "no SQL statement in %s", sql);
    while (tail && (*tail == ' ' || *tail == '\n' || *tail == '\t' || *tail == '\r' ||
                    *tail == ';'))
        tail++;
    if (tail && *tail) {
        sqlite3_finalize(st);
        luaL_error(L, "only one SQL statement is allowed here, found more after: %s", tail);
    }
    bind_params(L, d, st, 3, last);
    return st;
}

static sqlite3_stmt *prepare_bound(lua_State *L, ldb *d) {
    return prepare_bound_to(L, d, lua_gettop(L));
}

static int step_or_raise(lua_State *L, ldb *d, sqlite3_stmt *st) {
    int rc = sqlite3_step(st);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
        const char *sql = lua_pushstring(L, sqlite3_sql(st));
        give_back(d, st);
        sql_error(L, d, sql);
    }
    return rc;
}

/* ---- queries -------------------------------------------------------------------------------*/

static int db_exec(lua_State *L) {
    ldb *d = check_db(L, 1);
    size_t len;
    const char *sql = luaL_checklstring(L, 2, &len);
    if (lua_gettop(L) == 2) {
        /* No parameters: allow a script of several statements (schema set-up, for example). */
        const char *p = sql;
        int changes = 0;
        while (*p) {
            sqlite3_stmt *st = NULL;
            const char *tail;
            if (sqlite3_prepare_v2(d->db, p, -1, &st, &tail) != SQLITE_OK)
                return sql_error(L, d, p);
            if (st && sqlite3_bind_parameter_count(st) > 0) {
                int want = sqlite3_bind_parameter_count(st);
                lua_pushstring(L, sqlite3_sql(st));
                sqlite3_finalize(st);
                return luaL_error(L, "SQL expects %d parameter%s, got 0 (SQL: %s)", want,
                                  want == 1 ? "" : "s", lua_tostring(L, -1));
            }
            if (st) {
                int rc;
                while ((rc = sqlite3_step(st)) == SQLITE_ROW) {}
                if (rc != SQLITE_DONE) {
                    lua_pushstring(L, p);
                    sqlite3_finalize(st);
                    return sql_error(L, d, lua_tostring(L, -1));
                }
                changes += sqlite3_changes(d->db);
                sqlite3_finalize(st);
            }
            p = tail;
        }
        lua_pushinteger(L, changes);
        return 1;
    }
    sqlite3_stmt *st = prepare_bound(L, d);
    while (step_or_raise(L, d, st) == SQLITE_ROW) {}
    give_back(d, st);
    lua_pushinteger(L, sqlite3_changes(d->db));
    return 1;
}

static int db_one(lua_State *L) {
    ldb *d = check_db(L, 1);
    sqlite3_stmt *st = prepare_bound(L, d);
    if (step_or_raise(L, d, st) == SQLITE_ROW)
        push_row(L, st);
    else
        lua_pushnil(L);
    give_back(d, st);
    return 1;
}

static int db_value(lua_State *L) {
    ldb *d = check_db(L, 1);
    sqlite3_stmt *st = prepare_bound(L, d);
    if (step_or_raise(L, d, st) == SQLITE_ROW)
        push_column(L, st, 0);
    else
        lua_pushnil(L);
    give_back(d, st);
    return 1;
}

static int db_query(lua_State *L) {
    ldb *d = check_db(L, 1);
    sqlite3_stmt *st = prepare_bound(L, d);
    int n = sqlite3_column_count(st);
    lua_createtable(L, 0, 2);
    lua_createtable(L, n, 0);
    for (int c = 0; c < n; c++) {
        lua_pushstring(L, sqlite3_column_name(st, c));
        lua_rawseti(L, -2, c + 1);
    }
    lua_setfield(L, -2, "columns");
    lua_newtable(L);
    lua_Integer r = 0;
    while (step_or_raise(L, d, st) == SQLITE_ROW) {
        lua_createtable(L, n, 0);
        for (int c = 0; c < n; c++) {
            push_column(L, st, c);
            lua_rawseti(L, -2, c + 1);
        }
        lua_rawseti(L, -2, ++r);
    }
    lua_setfield(L, -2, "rows");
    give_back(d, st);
    return 1;
}

/* ---- rows(): an iterator whose statement closes on break, on error, or at the end ---------- */

static void stmt_release(stmt *s) {
    if (!s->st)
        return;
    give_back(s->owner, s->st);
    s->st = NULL;
    if (s->prev) s->prev->next = s->next;
    else s->owner->live = s->next;
    if (s->next) s->next->prev = s->prev;
    s->next = s->prev = NULL;
}

static int stmt_close(lua_State *L) {
    stmt *s = luaL_checkudata(L, 1, STMT_TYPE);
    stmt_release(s);
    return 0;
}

static int rows_next(lua_State *L) {
    stmt *s = luaL_checkudata(L, 1, STMT_TYPE);
    if (!s->st)
        return 0;
    int rc = sqlite3_step(s->st);
    if (rc == SQLITE_ROW) {
        push_row(L, s->st);
        return 1;
    }
    if (rc == SQLITE_DONE) {
        stmt_release(s);
        return 0;
    }
    const char *sql = lua_pushstring(L, sqlite3_sql(s->st));
    ldb *d = s->owner;
    stmt_release(s);
    return sql_error(L, d, sql);
}

static int db_rows(lua_State *L) {
    ldb *d = check_db(L, 1);
    int last = lua_gettop(L);
    /* The userdata exists before the statement, so no error can leak a prepared statement. */
    stmt *s = lua_newuserdatauv(L, sizeof *s, 1);
    memset(s, 0, sizeof *s);
    luaL_setmetatable(L, STMT_TYPE);
    lua_pushvalue(L, 1);
    lua_setiuservalue(L, -2, 1); /* the statement keeps its database alive */
    s->st = prepare_bound_to(L, d, last);
    s->owner = d;
    s->next = d->live;
    if (d->live)
        d->live->prev = s;
    d->live = s;
    lua_pushcfunction(L, rows_next);
    lua_pushvalue(L, -2); /* state */
    lua_pushnil(L);       /* initial control value */
    lua_pushvalue(L, -2); /* to-be-closed value: break or an error finalizes at once */
    return 4;
}

/* ---- transactions -------------------------------------------------------------------------- */

static int run_sql(lua_State *L, ldb *d, const char *sql) {
    if (sqlite3_exec(d->db, sql, NULL, NULL, NULL) != SQLITE_OK)
        return sql_error(L, d, sql);
    return 0;
}

static void tx_sql(tx *t, int commit, char *buf, size_t n) {
    if (t->level == 1)
        snprintf(buf, n, "%s", commit ? "COMMIT" : "ROLLBACK");
    else if (commit)
        snprintf(buf, n, "RELEASE cairn_%d", t->level);
    else
        snprintf(buf, n, "ROLLBACK TO cairn_%d; RELEASE cairn_%d", t->level, t->level);
}

/* Begin a transaction, or a savepoint inside an open one. {deferred = true} starts a read
 * transaction that becomes a write one on first write; the default takes the write lock at
 * once, which in WAL mode avoids a failed upgrade when another process writes meanwhile. */
static int db_begin(lua_State *L) {
    ldb *d = check_db(L, 1);
    int deferred = 0;
    if (lua_istable(L, 2)) {
        lua_getfield(L, 2, "deferred");
        deferred = lua_toboolean(L, -1);
        lua_pop(L, 1);
    }
    tx *t = lua_newuserdatauv(L, sizeof *t, 1);
    memset(t, 0, sizeof *t);
    t->done = 1;
    luaL_setmetatable(L, TX_TYPE);
    lua_pushvalue(L, 1);
    lua_setiuservalue(L, -2, 1);
    char sql[64];
    if (sqlite3_get_autocommit(d->db)) {
        d->depth = 0;
        snprintf(sql, sizeof sql, "%s",
                 deferred || sqlite3_db_readonly(d->db, "main") == 1 ? "BEGIN" : "BEGIN IMMEDIATE");
    } else {
        snprintf(sql, sizeof sql, "SAVEPOINT cairn_%d", d->depth + 1);
    }
    run_sql(L, d, sql);
    t->owner = d;
    t->level = ++d->depth;
    t->done = 0;
    return 1;
}

static int tx_finish(lua_State *L, int commit) {
    tx *t = luaL_checkudata(L, 1, TX_TYPE);
    if (t->done)
        return 0;
    t->done = 1;
    ldb *d = t->owner;
    if (!d->db)
        return 0;
    d->depth = t->level - 1;
    if (sqlite3_get_autocommit(d->db))
        return 0; /* already ended (SQLite rolls back by itself on some errors) */
    char sql[96];
    tx_sql(t, commit, sql, sizeof sql);
    return run_sql(L, d, sql);
}

static int tx_commit(lua_State *L) { return tx_finish(L, 1); }
static int tx_rollback(lua_State *L) { return tx_finish(L, 0); }

/* __close(tx, err): commit at a normal end of scope, roll back when leaving by an error. */
static int tx_close(lua_State *L) { return tx_finish(L, lua_isnoneornil(L, 2)); }

/* __gc: a transaction nobody closed was abandoned; roll it back. */
static int tx_gc(lua_State *L) {
    tx *t = luaL_checkudata(L, 1, TX_TYPE);
    if (!t->done && t->owner->db) {
        char sql[96];
        tx_sql(t, 0, sql, sizeof sql);
        sqlite3_exec(t->owner->db, sql, NULL, NULL, NULL);
        t->owner->depth = t->level - 1;
        t->done = 1;
    }
    return 0;
}

/* db:transaction(fn, ...): fn's results, committed; any error rolls back and propagates with
 * its original traceback (the transaction is a to-be-closed slot, not a nested pcall). */
static int db_transaction(lua_State *L) {
    check_db(L, 1);
    luaL_checktype(L, 2, LUA_TFUNCTION);
    int nargs = lua_gettop(L) - 2;
    lua_pushcfunction(L, db_begin);
    lua_pushvalue(L, 1);
    lua_call(L, 1, 1);
    lua_insert(L, 2);
    lua_toclose(L, 2);
    lua_call(L, nargs, LUA_MULTRET);
    int nres = lua_gettop(L) - 2;
    lua_closeslot(L, 2);
    return nres;
}

/* ---- small accessors ------------------------------------------------------------------------ */

static int db_changes(lua_State *L) {
    lua_pushinteger(L, sqlite3_changes(check_db(L, 1)->db));
    return 1;
}

static int db_last_id(lua_State *L) {
    lua_pushinteger(L, sqlite3_last_insert_rowid(check_db(L, 1)->db));
    return 1;
}

static int db_isopen(lua_State *L) {
    ldb *d = luaL_checkudata(L, 1, DB_TYPE);
    lua_pushboolean(L, d->db != NULL);
    return 1;
}

static int db_path(lua_State *L) {
    luaL_checkudata(L, 1, DB_TYPE);
    lua_getiuservalue(L, 1, 1);
    return 1;
}

static int db_readonly(lua_State *L) {
    lua_pushboolean(L, sqlite3_db_readonly(check_db(L, 1)->db, "main") == 1);
    return 1;
}

static int db_in_transaction(lua_State *L) {
    lua_pushboolean(L, !sqlite3_get_autocommit(check_db(L, 1)->db));
    return 1;
}

/* A read-only statement? Used by `cairn sql` to refuse writes before running anything. */
static int db_is_readonly_sql(lua_State *L) {
    ldb *d = check_db(L, 1);
    size_t len;
    const char *sql = luaL_checklstring(L, 2, &len);
    const char *tail;
    sqlite3_stmt *st = acquire(L, d, sql, len, &tail);
    lua_pushboolean(L, st == NULL || sqlite3_stmt_readonly(st));
    give_back(d, st);
    return 1;
}

static int db_tostring(lua_State *L) {
    ldb *d = luaL_checkudata(L, 1, DB_TYPE);
    lua_getiuservalue(L, 1, 1);
    lua_pushfstring(L, "cairn.db (%s%s)", lua_tostring(L, -1), d->db ? "" : ", closed");
    return 1;
}

static int db_open(lua_State *L) {
    const char *path = luaL_checkstring(L, 1);
    int readonly = 0;
    if (lua_istable(L, 2)) {
        lua_getfield(L, 2, "readonly");
        readonly = lua_toboolean(L, -1);
        lua_pop(L, 1);
    }
    sqlite3 *db = NULL;
    int flags = readonly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
    if (sqlite3_open_v2(path, &db, flags, NULL) != SQLITE_OK) {
        luaL_pushfail(L);
        lua_pushfstring(L, "%s: %s", path, db ? sqlite3_errmsg(db) : "out of memory");
        sqlite3_close(db);
        return 2;
    }
    store_configure(db);
    ldb_push(L, db, path);
    return 1;
}

static const luaL_Reg db_methods[] = {
    {"exec", db_exec},           {"rows", db_rows},
    {"one", db_one},             {"value", db_value},
    {"query", db_query},         {"begin", db_begin},
    {"transaction", db_transaction}, {"changes", db_changes},
    {"last_id", db_last_id},     {"isopen", db_isopen},
    {"path", db_path},           {"readonly", db_readonly},
    {"in_transaction", db_in_transaction}, {"is_readonly_sql", db_is_readonly_sql},
    {"guard", db_guard},         {"guarded", db_guarded},
    {"close", db_close},         {NULL, NULL}};

static const luaL_Reg db_meta[] = {
    {"__gc", db_close}, {"__close", db_close}, {"__tostring", db_tostring}, {NULL, NULL}};

static const luaL_Reg stmt_meta[] = {
    {"__gc", stmt_close}, {"__close", stmt_close}, {"close", stmt_close}, {NULL, NULL}};

static const luaL_Reg tx_methods[] = {
    {"commit", tx_commit}, {"rollback", tx_rollback}, {"close", tx_commit}, {NULL, NULL}};

static const luaL_Reg tx_meta[] = {{"__gc", tx_gc}, {"__close", tx_close}, {NULL, NULL}};

static void new_type(lua_State *L, const char *name, const luaL_Reg *meta,
                     const luaL_Reg *methods) {
    luaL_newmetatable(L, name);
    luaL_setfuncs(L, meta, 0);
    lua_newtable(L);
    luaL_setfuncs(L, methods ? methods : meta, 0);
    lua_setfield(L, -2, "__index");
    lua_pushliteral(L, "locked");
    lua_setfield(L, -2, "__metatable");
    lua_pop(L, 1);
}

static void register_types(lua_State *L) {
    int known = luaL_getmetatable(L, DB_TYPE) != LUA_TNIL;
    lua_pop(L, 1);
    if (known)
        return;
    new_type(L, DB_TYPE, db_meta, db_methods);
    new_type(L, STMT_TYPE, stmt_meta, NULL);
    new_type(L, TX_TYPE, tx_meta, tx_methods);
}

int luaopen_cairn_db(lua_State *L) {
    register_types(L);
    lua_createtable(L, 0, 2);
    lua_pushcfunction(L, db_open);
    lua_setfield(L, -2, "open");
    lua_pushliteral(L, "cairn.db");
    lua_setfield(L, -2, "_NAME");
    return 1;
}
