/* test_db.c: the cairn.db binding (src/l_db.c) seen from C: statements really finalized or reset
 * on break, error and close; abandoned transactions rolled back by the collector; the statement
 * cache bounded; Ctrl-C's sqlite3_interrupt path; handles refusing the wrong userdata. */
#define _POSIX_C_SOURCE 200809L
#include <lauxlib.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "host.h"
#include "l_db.h"
#include "store.h"
#include "tap.h"

static lua_State *L;
static sqlite3 *raw; /* the connection behind the global `db` */

/* Run Lua CODE; returns 1 if it ran without error (the error is printed as a TAP comment). */
static int run(const char *code) {
    if (luaL_loadstring(L, code) != LUA_OK || host_pcall(L, 0, 0) != LUA_OK) {
        printf("#   lua: %s\n", lua_tostring(L, -1));
        lua_pop(L, 1);
        return 0;
    }
    return 1;
}

/* Run Lua CODE that must raise; returns 1 if the message contains WANT. */
static int raises(const char *code, const char *want) {
    if (luaL_loadstring(L, code) != LUA_OK) return 0;
    if (host_pcall(L, 0, 0) == LUA_OK) return 0;
    const char *msg = lua_tostring(L, -1);
    int found = msg && strstr(msg, want) != NULL;
    if (!found) printf("#   error was: %s\n", msg ? msg : "(none)");
    lua_pop(L, 1);
    return found;
}

static lua_Integer int_global(const char *name) {
    lua_getglobal(L, name);
    lua_Integer v = lua_tointeger(L, -1);
    lua_pop(L, 1);
    return v;
}

static int busy_statements(void) {
    int n = 0;
    for (sqlite3_stmt *st = sqlite3_next_stmt(raw, NULL); st; st = sqlite3_next_stmt(raw, st))
        if (sqlite3_stmt_busy(st)) n++;
    return n;
}

static int prepared_statements(void) {
    int n = 0;
    for (sqlite3_stmt *st = sqlite3_next_stmt(raw, NULL); st; st = sqlite3_next_stmt(raw, st)) n++;
    return n;
}

static int get_raw(lua_State *l) {
    raw = ldb_check(l, 1);
    return 0;
}

static int check_other(lua_State *l) {
    ldb_check(l, 1);
    return 0;
}

/* Ctrl-C arriving before a query starts: sqlite3_interrupt finds nothing to stop, so the
 * query must see the flag through the progress handler. */
static int late_query_rc;
static int sigint_then_query(lua_State *l) {
    raise(SIGINT);             /* host_pcall's handler: flag, Lua hook, sqlite3_interrupt */
    lua_sethook(l, NULL, 0, 0); /* leave only the SQL path to notice it */
    late_query_rc = sqlite3_exec(raw,
                                 "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c"
                                 " WHERE x < 2000000) SELECT count(*) FROM c",
                                 NULL, NULL, NULL);
    return 0;
}

static int steps;
static int interrupt_soon(void *ud) {
    (void)ud;
    if (++steps == 50) ldb_interrupt_all(); /* what the SIGINT handler does */
    return 0;
}

int main(void) {
    char path[] = "/tmp/cairn-db-XXXXXX";
    int fd = mkstemp(path);
    if (fd < 0) return 1;
    close(fd);
    unlink(path);
    L = host_new();
    lua_pushcfunction(L, get_raw);
    lua_setglobal(L, "get_raw");
    lua_pushcfunction(L, check_other);
    lua_setglobal(L, "check_other");
    lua_pushstring(L, path);
    lua_setglobal(L, "path");

    ok(run("db = assert(require('cairn.db').open(path))\n"
           "get_raw(db)\n"
           "db:exec('CREATE TABLE t(id INTEGER PRIMARY KEY, v TEXT)')\n"
           "for i = 1, 20 do db:exec('INSERT INTO t(v) VALUES (?)', 'row' .. i) end"),
       "open a database and fill a table");
    ok(raw != NULL, "ldb_check gives the connection");
    ok(raises("check_other({})", "cairn.db expected"), "ldb_check refuses a table");
    ok(raises("check_other(io.stdout)", "cairn.db expected"), "ldb_check refuses other userdata");

    ok(run("for r in db:rows('SELECT * FROM t') do if r.id == 3 then break end end"),
       "break out of rows()");
    ok(busy_statements() == 0, "break resets the statement (none left running)");

    ok(raises("for r in db:rows('SELECT * FROM t') do error('inside the loop') end",
              "inside the loop"),
       "an error inside rows() propagates");
    ok(busy_statements() == 0, "an error inside rows() resets the statement");

    ok(run("local it, s = db:rows('SELECT * FROM t') it(s)"), "an abandoned iterator");
    ok(busy_statements() == 1, "its statement is running until collected");
    ok(run("collectgarbage() collectgarbage()") && busy_statements() == 0,
       "the collector resets an abandoned iterator's statement");

    ok(run("local tx = db:begin() db:exec(\"INSERT INTO t(v) VALUES ('abandoned')\")"),
       "a transaction nobody closes");
    ok(!sqlite3_get_autocommit(raw), "it is open");
    ok(run("collectgarbage() collectgarbage()") && sqlite3_get_autocommit(raw),
       "the collector rolls it back");
    ok(run("n = db:value(\"SELECT count(*) FROM t WHERE v = 'abandoned'\")") &&
           int_global("n") == 0,
       "its write is gone");

    ok(run("for i = 1, 200 do db:value('SELECT v FROM t WHERE id = ?', i % 20 + 1) end"),
       "the same statement 200 times");
    int same = prepared_statements();
    ok(run("for i = 1, 100 do db:value('SELECT ' .. i .. ' + ?', i) end"),
       "100 different statements");
    int many = prepared_statements();
    ok(same <= 24 && many <= 24, "the statement cache stays bounded (%d, %d prepared)", same,
       many);

    lua_pushcfunction(L, sigint_then_query);
    lua_setglobal(L, "sigint_then_query");
    ok(run("sigint_then_query()") && late_query_rc == SQLITE_INTERRUPT,
       "a query started after Ctrl-C is interrupted too (rc %d)", late_query_rc);

    sqlite3_progress_handler(raw, 100, interrupt_soon, NULL);
    ok(raises("db:value('WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) "
              "SELECT count(*) FROM c')",
              "interrupted"),
       "sqlite3_interrupt from ldb_interrupt_all stops a running query with 'interrupted'");
    sqlite3_progress_handler(raw, 0, NULL, NULL);
    ok(run("n = db:value('SELECT count(*) FROM t')") && int_global("n") == 20,
       "the connection works after the interrupt");

    ok(run("it, st = db:rows('SELECT id FROM t ORDER BY id') db:close()"),
       "close with a live iterator");
    ok(run("assert(it(st) == nil)"), "the iterator of a closed handle ends");
    ok(raises("db:exec('SELECT 1')", "closed database"), "a closed handle refuses work");
    ok(run("db:close() it, st = nil, nil collectgarbage()"), "closing twice, then collecting");

    ok(run("db2 = assert(require('cairn.db').open(path)) get_raw(db2)"), "reopen");
    ok(run("local h <close> = require('cairn.db').open(path) keep = h"), "a <close> handle");
    ok(raises("keep:value('SELECT 1')", "closed database"), "<close> closed it at scope end");
    ok(raises("local d = require('cairn.db').open(path) d:exec('INSERT INTO nope VALUES (1)')",
              "no such table: nope (SQL: INSERT INTO nope VALUES (1))"),
       "SQL errors carry the SQL text");

    host_close(L); /* closes db2 through __gc */
    unlink(path);
    return done_testing();
}
