/* l_pg.c: the cairn.pg module, a thin libpq binding in the style of cairn.db (l_db.c).
 *
 *   local pg = require "cairn.pg"
 *   local c = pg.connect("postgresql://host/state" | "service=state" | "state" | "" [, {readonly = true}])
 *   c:exec(sql, ...)            one statement with $1.. parameters (or a script, without any);
 *                               returns the number of rows it changed
 *   for row in c:rows(sql, ...) do ... end     rows as tables keyed by column name
 *   c:one(sql, ...)  c:value(sql, ...)  c:query(sql, ...) -> {columns =, rows =}
 *   c:copy("COPY t(a, b) FROM STDIN", rows, ncols)   bulk load; rows is a list of lists (nil
 *                               = NULL) or a function returning the next row; returns the count
 *   local tx <close> = c:begin()   commits at scope end, rolls back on error or tx:rollback()
 *   c:transaction(fn, ...)     the same around a function
 *
 * Built into cairn-pg.so (libpq is loaded only by the programs that use it, see pg_lazy.c).
 * Parameters are always bound, never spliced (text format; integers as integers, booleans as
 * true/false, nil as NULL). Results come back typed by the column's type: integers, numbers,
 * booleans, nil for NULL, strings for the rest. Errors say what PostgreSQL said (message,
 * detail, hint) and the SQL; connection errors never show the password. */
#include <lauxlib.h>
#include <libpq-fe.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define CONN_TYPE "cairn.pg"
#define TX_TYPE "cairn.pg.tx"
#define RES_TYPE "cairn.pg.result"

/* type OIDs (pg_type.h is a server header; these numbers are fixed) */
#define BOOLOID 16
#define INT8OID 20
#define INT2OID 21
#define INT4OID 23
#define OIDOID 26
#define FLOAT4OID 700
#define FLOAT8OID 701
#define NUMERICOID 1700

typedef struct {
    PGconn *conn;
    int depth; /* open transactions/savepoints made by begin() */
} lpg;

typedef struct {
    lpg *owner;
    int level;
    int done;
} pgtx;

typedef struct {
    PGresult *res;
    int next;
} pgres;

static lpg *check_conn(lua_State *L, int idx) {
    lpg *c = luaL_checkudata(L, idx, CONN_TYPE);
    if (!c->conn)
        luaL_error(L, "attempt to use a closed PostgreSQL connection");
    return c;
}

/* ---- errors ---------------------------------------------------------------------------- */

/* Push "first line of S" without a trailing newline. */
static void push_line(lua_State *L, const char *s) {
    size_t n = strcspn(s ? s : "", "\n");
    lua_pushlstring(L, s ? s : "", n);
}

/* Raise the error of RES (or of the connection when RES says nothing) for SQL. A lost
 * connection says so in words a user can act on. RES is cleared. */
static int pg_error(lua_State *L, lpg *c, PGresult *res, const char *sql) {
    luaL_Buffer b;
    luaL_buffinit(L, &b);
    const char *primary = res ? PQresultErrorField(res, PG_DIAG_MESSAGE_PRIMARY) : NULL;
    const char *state0 = res ? PQresultErrorField(res, PG_DIAG_SQLSTATE) : NULL;
    /* libpq's own errors carry no SQLSTATE; a closed socket is one of them */
    const char *said = primary ? primary : PQerrorMessage(c->conn);
    int lost = PQstatus(c->conn) == CONNECTION_BAD ||
               (!state0 && said && (strstr(said, "closed the connection") ||
                                    strstr(said, "no connection to the server")));
    if (lost) {
        luaL_addstring(&b, "the connection to the PostgreSQL server was lost");
        const char *m = said;
        if (m && *m) {
            luaL_addstring(&b, " (");
            push_line(L, m);
            luaL_addvalue(&b);
            luaL_addstring(&b, ")");
        }
    } else if (primary) {
        const char *sev = PQresultErrorField(res, PG_DIAG_SEVERITY_NONLOCALIZED);
        const char *detail = PQresultErrorField(res, PG_DIAG_MESSAGE_DETAIL);
        const char *hint = PQresultErrorField(res, PG_DIAG_MESSAGE_HINT);
        const char *state = PQresultErrorField(res, PG_DIAG_SQLSTATE);
        if (sev && strcmp(sev, "FATAL") == 0 && state && strncmp(state, "57", 2) == 0)
            luaL_addstring(&b, "the PostgreSQL server is shutting down or restarting: ");
        luaL_addstring(&b, primary);
        if (detail) {
            luaL_addstring(&b, "; ");
            luaL_addstring(&b, detail);
        }
        if (hint) {
            luaL_addstring(&b, " (hint: ");
            luaL_addstring(&b, hint);
            luaL_addstring(&b, ")");
        }
    } else {
        push_line(L, PQerrorMessage(c->conn));
        luaL_addvalue(&b);
    }
    if (sql) {
        size_t n = strlen(sql);
        luaL_addstring(&b, " (SQL: ");
        luaL_addlstring(&b, sql, n > 240 ? 240 : n);
        if (n > 240)
            luaL_addstring(&b, "...");
        luaL_addstring(&b, ")");
    }
    PQclear(res);
    luaL_pushresult(&b);
    return lua_error(L);
}

/* ---- parameters ------------------------------------------------------------------------ */

/* Convert the Lua values FIRST..LAST to text parameters. The strings live on the Lua stack (in
 * a table at the top, so they stay referenced) until the call returns. */
static const char **params_of(lua_State *L, int first, int last, int *n) {
    int count = last - first + 1;
    if (count < 0)
        count = 0;
    *n = count;
    const char **values = lua_newuserdatauv(L, sizeof(char *) * (size_t)(count ? count : 1), 0);
    lua_createtable(L, count, 0); /* keeps the converted strings alive */
    for (int i = 0; i < count; i++) {
        int idx = first + i;
        switch (lua_type(L, idx)) {
        case LUA_TNIL: values[i] = NULL; continue;
        case LUA_TBOOLEAN: lua_pushstring(L, lua_toboolean(L, idx) ? "true" : "false"); break;
        case LUA_TNUMBER:
            if (lua_isinteger(L, idx))
                lua_pushfstring(L, "%I", (LUAI_UACINT)lua_tointeger(L, idx));
            else {
                char buf[64];
                snprintf(buf, sizeof buf, "%.17g", (double)lua_tonumber(L, idx));
                lua_pushstring(L, buf);
            }
            break;
        case LUA_TSTRING: lua_pushvalue(L, idx); break;
        default:
            luaL_error(L, "SQL parameter $%d: expected a string, number, boolean or nil, got %s",
                       i + 1, luaL_typename(L, idx));
        }
        values[i] = lua_tostring(L, -1);
        lua_rawseti(L, -2, i + 1);
    }
    return values;
}

/* Run SQL (index 2) with the parameters from index 3 to LAST; returns a successful result. */
static PGresult *run(lua_State *L, lpg *c, int last) {
    const char *sql = luaL_checkstring(L, 2);
    int n;
    const char **values = params_of(L, 3, last, &n);
    PGresult *res = n == 0 ? PQexecParams(c->conn, sql, 0, NULL, NULL, NULL, NULL, 0)
                           : PQexecParams(c->conn, sql, n, NULL, values, NULL, NULL, 0);
    lua_pop(L, 2);
    ExecStatusType st = PQresultStatus(res);
    if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK)
        pg_error(L, c, res, sql);
    return res;
}

/* ---- values ---------------------------------------------------------------------------- */

static void push_value(lua_State *L, PGresult *res, int r, int col) {
    if (PQgetisnull(res, r, col)) {
        lua_pushnil(L);
        return;
    }
    const char *v = PQgetvalue(res, r, col);
    switch (PQftype(res, col)) {
    case INT2OID: case INT4OID: case INT8OID: case OIDOID:
        lua_pushinteger(L, (lua_Integer)strtoll(v, NULL, 10));
        break;
    case FLOAT4OID: case FLOAT8OID: case NUMERICOID:
        if (!lua_stringtonumber(L, v))
            lua_pushstring(L, v); /* NaN, Infinity */
        break;
    case BOOLOID: lua_pushboolean(L, v[0] == 't'); break;
    default: lua_pushlstring(L, v, (size_t)PQgetlength(res, r, col));
    }
}

static void push_row(lua_State *L, PGresult *res, int r) {
    int n = PQnfields(res);
    lua_createtable(L, 0, n);
    for (int col = 0; col < n; col++) {
        push_value(L, res, r, col);
        lua_setfield(L, -2, PQfname(res, col));
    }
}

/* ---- queries --------------------------------------------------------------------------- */

static int pg_exec(lua_State *L) {
    lpg *c = check_conn(L, 1);
    const char *sql = luaL_checkstring(L, 2);
    PGresult *res;
    if (lua_gettop(L) == 2) {
        /* no parameters: a script of several statements is allowed (schema migrations) */
        res = PQexec(c->conn, sql);
        ExecStatusType st = PQresultStatus(res);
        if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK && st != PGRES_EMPTY_QUERY)
            return pg_error(L, c, res, sql);
    } else {
        res = run(L, c, lua_gettop(L));
    }
    const char *t = PQcmdTuples(res);
    lua_pushinteger(L, t && *t ? (lua_Integer)strtoll(t, NULL, 10) : 0);
    PQclear(res);
    return 1;
}

static int pg_one(lua_State *L) {
    lpg *c = check_conn(L, 1);
    PGresult *res = run(L, c, lua_gettop(L));
    if (PQntuples(res) > 0)
        push_row(L, res, 0);
    else
        lua_pushnil(L);
    PQclear(res);
    return 1;
}

static int pg_value(lua_State *L) {
    lpg *c = check_conn(L, 1);
    PGresult *res = run(L, c, lua_gettop(L));
    if (PQntuples(res) > 0 && PQnfields(res) > 0)
        push_value(L, res, 0, 0);
    else
        lua_pushnil(L);
    PQclear(res);
    return 1;
}

static int pg_query(lua_State *L) {
    lpg *c = check_conn(L, 1);
    PGresult *res = run(L, c, lua_gettop(L));
    int n = PQnfields(res), rows = PQntuples(res);
    /* the result is anchored in a userdata first, so a memory error cannot leak it */
    pgres *h = lua_newuserdatauv(L, sizeof *h, 0);
    h->res = res;
    h->next = 0;
    luaL_setmetatable(L, RES_TYPE);
    lua_createtable(L, 0, 2);
    lua_createtable(L, n, 0);
    for (int col = 0; col < n; col++) {
        lua_pushstring(L, PQfname(res, col));
        lua_rawseti(L, -2, col + 1);
    }
    lua_setfield(L, -2, "columns");
    lua_createtable(L, rows, 0);
    for (int r = 0; r < rows; r++) {
        lua_createtable(L, n, 0);
        for (int col = 0; col < n; col++) {
            push_value(L, res, r, col);
            lua_rawseti(L, -2, col + 1);
        }
        lua_rawseti(L, -2, r + 1);
    }
    lua_setfield(L, -2, "rows");
    return 1;
}

static int res_close(lua_State *L) {
    pgres *h = luaL_checkudata(L, 1, RES_TYPE);
    PQclear(h->res);
    h->res = NULL;
    return 0;
}

static int rows_next(lua_State *L) {
    pgres *h = luaL_checkudata(L, 1, RES_TYPE);
    if (!h->res || h->next >= PQntuples(h->res)) {
        PQclear(h->res);
        h->res = NULL;
        return 0;
    }
    push_row(L, h->res, h->next++);
    return 1;
}

/* rows(): the whole result is fetched at once (libpq's default); the iterator walks it and
 * frees it at the end, on break or on error (to-be-closed). */
static int pg_rows(lua_State *L) {
    lpg *c = check_conn(L, 1);
    int last = lua_gettop(L);
    pgres *h = lua_newuserdatauv(L, sizeof *h, 0);
    h->res = NULL;
    h->next = 0;
    luaL_setmetatable(L, RES_TYPE);
    h->res = run(L, c, last);
    lua_pushcfunction(L, rows_next);
    lua_pushvalue(L, -2);
    lua_pushnil(L);
    lua_pushvalue(L, -2);
    return 4;
}

/* ---- COPY FROM STDIN ------------------------------------------------------------------- */

/* Append V (a Lua value at IDX) in COPY's text format. */
static void copy_field(lua_State *L, luaL_Buffer *b, int idx, int row, int col) {
    switch (lua_type(L, idx)) {
    case LUA_TNIL: luaL_addstring(b, "\\N"); return;
    case LUA_TBOOLEAN: luaL_addstring(b, lua_toboolean(L, idx) ? "t" : "f"); return;
    case LUA_TNUMBER: {
        char buf[64];
        if (lua_isinteger(L, idx))
            snprintf(buf, sizeof buf, LUA_INTEGER_FMT, (LUAI_UACINT)lua_tointeger(L, idx));
        else
            snprintf(buf, sizeof buf, "%.17g", (double)lua_tonumber(L, idx));
        luaL_addstring(b, buf);
        return;
    }
    case LUA_TSTRING: {
        size_t n;
        const char *s = lua_tolstring(L, idx, &n);
        for (size_t i = 0; i < n; i++) {
            char ch = s[i];
            switch (ch) {
            case '\\': luaL_addstring(b, "\\\\"); break;
            case '\t': luaL_addstring(b, "\\t"); break;
            case '\n': luaL_addstring(b, "\\n"); break;
            case '\r': luaL_addstring(b, "\\r"); break;
            default: luaL_addchar(b, ch);
            }
        }
        return;
    }
    default:
        luaL_error(L, "COPY row %d, column %d: expected a string, number, boolean or nil, got %s",
                   row, col, luaL_typename(L, idx));
    }
}

static int copy_fail(lua_State *L, lpg *c, const char *sql) {
    /* abandon the COPY so the connection is usable (the transaction is then aborted) */
    PQputCopyEnd(c->conn, "cairn stopped the COPY");
    PGresult *res;
    while ((res = PQgetResult(c->conn)) != NULL)
        PQclear(res);
    (void)sql;
    return lua_error(L);
}

static int pg_copy(lua_State *L) {
    lpg *c = check_conn(L, 1);
    const char *sql = luaL_checkstring(L, 2);
    int is_fn = lua_type(L, 3) == LUA_TFUNCTION;
    if (!is_fn)
        luaL_checktype(L, 3, LUA_TTABLE);
    int ncols = (int)luaL_checkinteger(L, 4);
    if (ncols < 1)
        return luaL_argerror(L, 4, "the number of columns must be at least 1");
    PGresult *res = PQexec(c->conn, sql);
    if (PQresultStatus(res) != PGRES_COPY_IN)
        return pg_error(L, c, res, sql);
    PQclear(res);
    lua_Integer count = 0;
    for (lua_Integer r = 1;; r++) {
        if (is_fn) {
            lua_pushvalue(L, 3);
            if (lua_pcall(L, 0, 1, 0) != LUA_OK)
                return copy_fail(L, c, sql);
        } else {
            lua_geti(L, 3, r);
        }
        if (lua_isnil(L, -1)) {
            lua_pop(L, 1);
            break;
        }
        if (!lua_istable(L, -1)) {
            lua_pushfstring(L, "COPY row %I: expected a list of values, got %s", (LUAI_UACINT)r,
                            luaL_typename(L, -1));
            return copy_fail(L, c, sql);
        }
        int row = lua_gettop(L);
        luaL_Buffer b;
        luaL_buffinit(L, &b);
        for (int col = 1; col <= ncols; col++) {
            if (col > 1)
                luaL_addchar(&b, '\t');
            lua_geti(L, row, col);
            int vi = lua_gettop(L);
            int t = lua_type(L, vi);
            if (t != LUA_TNIL && t != LUA_TBOOLEAN && t != LUA_TNUMBER && t != LUA_TSTRING) {
                lua_pushfstring(L, "COPY row %I, column %d: expected a string, number, boolean "
                                   "or nil, got %s", (LUAI_UACINT)r, col, luaL_typename(L, vi));
                return copy_fail(L, c, sql);
            }
            /* the field is built in a buffer of its own, then added to the line */
            luaL_Buffer field;
            luaL_buffinit(L, &field);
            copy_field(L, &field, vi, (int)r, col);
            luaL_pushresult(&field);
            lua_remove(L, vi);
            luaL_addvalue(&b);
        }
        luaL_addchar(&b, '\n');
        luaL_pushresult(&b);
        size_t len;
        const char *line = lua_tolstring(L, -1, &len);
        if (PQputCopyData(c->conn, line, (int)len) != 1) {
            lua_pushfstring(L, "COPY failed: %s", PQerrorMessage(c->conn));
            return copy_fail(L, c, sql);
        }
        lua_settop(L, row - 1);
        count++;
    }
    if (PQputCopyEnd(c->conn, NULL) != 1)
        return pg_error(L, c, NULL, sql);
    res = PQgetResult(c->conn);
    if (PQresultStatus(res) != PGRES_COMMAND_OK)
        return pg_error(L, c, res, sql);
    PQclear(res);
    while ((res = PQgetResult(c->conn)) != NULL)
        PQclear(res);
    lua_pushinteger(L, count);
    return 1;
}

/* ---- transactions ---------------------------------------------------------------------- */

static int simple(lua_State *L, lpg *c, const char *sql) {
    PGresult *res = PQexec(c->conn, sql);
    if (PQresultStatus(res) != PGRES_COMMAND_OK)
        return pg_error(L, c, res, sql);
    PQclear(res);
    return 0;
}

static void tx_sql(pgtx *t, int commit, char *buf, size_t n) {
    if (t->level == 1)
        snprintf(buf, n, "%s", commit ? "COMMIT" : "ROLLBACK");
    else if (commit)
        snprintf(buf, n, "RELEASE SAVEPOINT cairn_%d", t->level);
    else
        snprintf(buf, n, "ROLLBACK TO SAVEPOINT cairn_%d; RELEASE SAVEPOINT cairn_%d", t->level,
                 t->level);
}

static int pg_begin(lua_State *L) {
    lpg *c = check_conn(L, 1);
    pgtx *t = lua_newuserdatauv(L, sizeof *t, 1);
    memset(t, 0, sizeof *t);
    t->done = 1;
    luaL_setmetatable(L, TX_TYPE);
    lua_pushvalue(L, 1);
    lua_setiuservalue(L, -2, 1);
    char sql[64];
    if (PQtransactionStatus(c->conn) == PQTRANS_IDLE) {
        c->depth = 0;
        snprintf(sql, sizeof sql, "BEGIN");
    } else {
        snprintf(sql, sizeof sql, "SAVEPOINT cairn_%d", c->depth + 1);
    }
    simple(L, c, sql);
    t->owner = c;
    t->level = ++c->depth;
    t->done = 0;
    return 1;
}

static int tx_finish(lua_State *L, int commit) {
    pgtx *t = luaL_checkudata(L, 1, TX_TYPE);
    if (t->done)
        return 0;
    t->done = 1;
    lpg *c = t->owner;
    if (!c->conn)
        return 0;
    c->depth = t->level - 1;
    PGTransactionStatusType ts = PQtransactionStatus(c->conn);
    if (ts == PQTRANS_IDLE || ts == PQTRANS_UNKNOWN) {
        if (commit && ts == PQTRANS_UNKNOWN)
            return luaL_error(L, "the connection to the PostgreSQL server was lost before the "
                                 "commit; nothing was committed");
        return 0;
    }
    if (commit && ts == PQTRANS_INERROR && t->level == 1) {
        simple(L, c, "ROLLBACK");
        return luaL_error(L, "the PostgreSQL transaction failed earlier; nothing was committed");
    }
    char sql[128];
    tx_sql(t, commit, sql, sizeof sql);
    return simple(L, c, sql);
}

static int tx_commit(lua_State *L) { return tx_finish(L, 1); }
static int tx_rollback(lua_State *L) { return tx_finish(L, 0); }
static int tx_close(lua_State *L) { return tx_finish(L, lua_isnoneornil(L, 2)); }

static int tx_gc(lua_State *L) {
    pgtx *t = luaL_checkudata(L, 1, TX_TYPE);
    if (!t->done && t->owner->conn &&
        PQtransactionStatus(t->owner->conn) != PQTRANS_IDLE) {
        char sql[128];
        tx_sql(t, 0, sql, sizeof sql);
        PQclear(PQexec(t->owner->conn, sql));
        t->owner->depth = t->level - 1;
    }
    t->done = 1;
    return 0;
}

static int pg_transaction(lua_State *L) {
    check_conn(L, 1);
    luaL_checktype(L, 2, LUA_TFUNCTION);
    int nargs = lua_gettop(L) - 2;
    lua_pushcfunction(L, pg_begin);
    lua_pushvalue(L, 1);
    lua_call(L, 1, 1);
    lua_insert(L, 2);
    lua_toclose(L, 2);
    lua_call(L, nargs, LUA_MULTRET);
    int nres = lua_gettop(L) - 2;
    lua_closeslot(L, 2);
    return nres;
}

/* ---- connections ----------------------------------------------------------------------- */

static int pg_close(lua_State *L) {
    lpg *c = luaL_checkudata(L, 1, CONN_TYPE);
    if (c->conn) {
        PQfinish(c->conn);
        c->conn = NULL;
    }
    return 0;
}

static int pg_isopen(lua_State *L) {
    lpg *c = luaL_checkudata(L, 1, CONN_TYPE);
    lua_pushboolean(L, c->conn != NULL && PQstatus(c->conn) == CONNECTION_OK);
    return 1;
}

static int pg_in_transaction(lua_State *L) {
    lpg *c = check_conn(L, 1);
    lua_pushboolean(L, PQtransactionStatus(c->conn) != PQTRANS_IDLE);
    return 1;
}

/* Where the connection went: database, user and host, never the password. */
static int pg_where(lua_State *L) {
    lpg *c = check_conn(L, 1);
    const char *host = PQhost(c->conn);
    lua_pushfstring(L, "%s as %s on %s", PQdb(c->conn), PQuser(c->conn),
                    host && *host ? host : "localhost");
    return 1;
}

static int pg_user(lua_State *L) {
    lua_pushstring(L, PQuser(check_conn(L, 1)->conn));
    return 1;
}

static int pg_server_version(lua_State *L) {
    lua_pushinteger(L, PQserverVersion(check_conn(L, 1)->conn));
    return 1;
}

/* The backend's process id (the fault tests stop that process). */
static int pg_backend_pid(lua_State *L) {
    lua_pushinteger(L, PQbackendPID(check_conn(L, 1)->conn));
    return 1;
}

/* An identifier quoted for SQL (role names cannot be bound as parameters). */
static int pg_quote_ident(lua_State *L) {
    lpg *c = check_conn(L, 1);
    size_t n;
    const char *s = luaL_checklstring(L, 2, &n);
    char *q = PQescapeIdentifier(c->conn, s, n);
    if (!q)
        return pg_error(L, c, NULL, NULL);
    lua_pushstring(L, q);
    PQfreemem(q);
    return 1;
}

static int pg_tostring(lua_State *L) {
    lpg *c = luaL_checkudata(L, 1, CONN_TYPE);
    if (!c->conn)
        lua_pushliteral(L, "cairn.pg (closed)");
    else
        lua_pushfstring(L, "cairn.pg (%s)", PQdb(c->conn));
    return 1;
}

/* Server notices (NOTICE, WARNING) would go to stderr between cairn's own messages. */
static void ignore_notice(void *arg, const char *message) {
    (void)arg;
    (void)message;
}

/* pg.connect(target [, {readonly = true}]): target is a URL (postgresql://...), a conninfo
 * string (key=value ...), a service name (a bare word: service=NAME), or "" / nil for the PG*
 * environment variables. Raises a message naming where it tried and why it failed. */
static int pg_connect(lua_State *L) {
    const char *target = luaL_optstring(L, 1, "");
    int readonly = 0;
    if (lua_istable(L, 2)) {
        lua_getfield(L, 2, "readonly");
        readonly = lua_toboolean(L, -1);
        lua_pop(L, 1);
    }
    const char *conninfo = target;
    if (*target && !strchr(target, '=') && !strstr(target, "://"))
        conninfo = lua_pushfstring(L, "service=%s", target);
    lpg *c = lua_newuserdatauv(L, sizeof *c, 0);
    memset(c, 0, sizeof *c);
    luaL_setmetatable(L, CONN_TYPE);
    /* options are the server-side defaults of this session: read-only for analysts */
    const char *keys[] = {"dbname", "options", "application_name", "fallback_application_name",
                          NULL};
    const char *vals[] = {conninfo, readonly ? "-c default_transaction_read_only=on" : "",
                          NULL, "cairn", NULL};
    /* dbname with expand_dbname=1 parses a URL or conninfo; the later keys add to it */
    c->conn = PQconnectdbParams(keys, vals, 1);
    if (!c->conn)
        return luaL_error(L, "cannot connect to PostgreSQL: out of memory");
    if (PQstatus(c->conn) != CONNECTION_OK) {
        lua_pushstring(L, "cannot connect to PostgreSQL");
        if (*target) {
            /* the target without any password in it */
            PQconninfoOption *opts = PQconninfoParse(conninfo, NULL);
            const char *db = NULL, *host = NULL, *svc = NULL;
            for (PQconninfoOption *o = opts; o && o->keyword; o++) {
                if (!o->val) continue;
                if (!strcmp(o->keyword, "dbname")) db = o->val;
                else if (!strcmp(o->keyword, "host")) host = o->val;
                else if (!strcmp(o->keyword, "service")) svc = o->val;
            }
            if (svc) {
                lua_pushfstring(L, " (service %s)", svc);
                lua_concat(L, 2);
            } else if (db || host) {
                lua_pushfstring(L, " (%s%s%s%s)", db ? "database " : "", db ? db : "",
                                db && host ? " on " : (host ? "host " : ""), host ? host : "");
                lua_concat(L, 2);
            }
            PQconninfoFree(opts);
        }
        lua_pushstring(L, ": ");
        const char *m = PQerrorMessage(c->conn);
        /* libpq's message may span lines ("connection to server ... failed: ..."); keep it on one */
        luaL_Buffer b;
        luaL_buffinit(L, &b);
        for (; m && *m; m++) {
            if (*m == '\n') {
                while (m[1] == '\t' || m[1] == ' ')
                    m++;
                if (m[1]) luaL_addstring(&b, "; ");
            } else {
                luaL_addchar(&b, *m);
            }
        }
        luaL_pushresult(&b);
        lua_concat(L, 3);
        PQfinish(c->conn);
        c->conn = NULL;
        return lua_error(L);
    }
    PQsetClientEncoding(c->conn, "UTF8");
    PQsetNoticeProcessor(c->conn, ignore_notice, NULL);
    return 1;
}

static const luaL_Reg conn_methods[] = {
    {"exec", pg_exec},         {"rows", pg_rows},
    {"one", pg_one},           {"value", pg_value},
    {"query", pg_query},       {"copy", pg_copy},
    {"begin", pg_begin},       {"transaction", pg_transaction},
    {"isopen", pg_isopen},     {"in_transaction", pg_in_transaction},
    {"where", pg_where},       {"user", pg_user},
    {"server_version", pg_server_version}, {"backend_pid", pg_backend_pid},
    {"quote_ident", pg_quote_ident}, {"close", pg_close},
    {NULL, NULL}};

static const luaL_Reg conn_meta[] = {
    {"__gc", pg_close}, {"__close", pg_close}, {"__tostring", pg_tostring}, {NULL, NULL}};

static const luaL_Reg tx_methods[] = {
    {"commit", tx_commit}, {"rollback", tx_rollback}, {"close", tx_commit}, {NULL, NULL}};

static const luaL_Reg tx_meta[] = {{"__gc", tx_gc}, {"__close", tx_close}, {NULL, NULL}};

static const luaL_Reg res_meta[] = {{"__gc", res_close}, {"__close", res_close}, {NULL, NULL}};

static void new_type(lua_State *L, const char *name, const luaL_Reg *meta,
                     const luaL_Reg *methods) {
    if (!luaL_newmetatable(L, name)) {
        lua_pop(L, 1);
        return;
    }
    luaL_setfuncs(L, meta, 0);
    lua_newtable(L);
    luaL_setfuncs(L, methods ? methods : meta, 0);
    lua_setfield(L, -2, "__index");
    lua_pushliteral(L, "locked");
    lua_setfield(L, -2, "__metatable");
    lua_pop(L, 1);
}

int cairn_luaopen_pg(lua_State *L);

int cairn_luaopen_pg(lua_State *L) {
    new_type(L, CONN_TYPE, conn_meta, conn_methods);
    new_type(L, TX_TYPE, tx_meta, tx_methods);
    new_type(L, RES_TYPE, res_meta, NULL);
    lua_createtable(L, 0, 3);
    lua_pushcfunction(L, pg_connect);
    lua_setfield(L, -2, "connect");
    lua_pushinteger(L, PQlibVersion());
    lua_setfield(L, -2, "libpq_version");
    lua_pushliteral(L, "cairn.pg");
    lua_setfield(L, -2, "_NAME");
    return 1;
}
