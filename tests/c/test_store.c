/* test_store.c: the workspace file (src/store.c): creation, migrations, refusals that leave the
 * file untouched, and a backup taken while another process keeps writing. */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include "store.h"
#include "tap.h"

static char dir[] = "/tmp/cairn-store-XXXXXX";
static char err[1024];

static const char *path_in(const char *name) {
    static char buf[8][512];
    static int next;
    char *p = buf[next++ % 8];
    snprintf(p, 512, "%s/%s", dir, name);
    return p;
}

/* The whole file, for "left byte-identical" checks; *len gets its size. Caller frees. */
static char *slurp(const char *path, size_t *len) {
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *buf = malloc((size_t)n + 1);
    *len = fread(buf, 1, (size_t)n, f);
    fclose(f);
    return buf;
}

static void write_file(const char *path, const char *text, size_t len) {
    FILE *f = fopen(path, "wb");
    fwrite(text, 1, len, f);
    fclose(f);
}

static int int_query(sqlite3 *db, const char *sql) {
    sqlite3_stmt *st;
    int v = -1;
    if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK) return -1;
    if (sqlite3_step(st) == SQLITE_ROW) v = sqlite3_column_int(st, 0);
    sqlite3_finalize(st);
    return v;
}

static const char *text_query(sqlite3 *db, const char *sql, char *out, size_t n) {
    sqlite3_stmt *st;
    out[0] = '\0';
    if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK) return out;
    if (sqlite3_step(st) == SQLITE_ROW)
        snprintf(out, n, "%s", (const char *)sqlite3_column_text(st, 0));
    sqlite3_finalize(st);
    return out;
}

/* Opening PATH in MODE must fail with a message containing WANT and leave the file as it was. */
static void refused(const char *path, enum store_mode mode, const char *want, const char *what) {
    size_t before_len = 0, after_len = 0;
    char *before = slurp(path, &before_len);
    sqlite3 *db = (sqlite3 *)1;
    int rc = store_open(path, mode, &db, err, sizeof err);
    ok(rc == 1 && db == NULL, "%s: refused", what);
    ok(strstr(err, want) != NULL && strstr(err, path) != NULL, "%s: message names the file: %s",
       what, err);
    char *after = slurp(path, &after_len);
    ok(before && after && before_len == after_len && memcmp(before, after, before_len) == 0,
       "%s: file left byte-identical", what);
    char wal[600];
    snprintf(wal, sizeof wal, "%s-wal", path);
    ok(access(wal, F_OK) != 0, "%s: no journal left behind", what);
    free(before);
    free(after);
}

static void test_create(void) {
    const char *p = path_in("new.db");
    sqlite3 *db = NULL;
    ok(store_open(p, STORE_CREATE, &db, err, sizeof err) == 0 && db, "create a workspace");
    ok(int_query(db, "PRAGMA user_version") == store_schema_version(),
       "user_version is the current schema (%d)", store_schema_version());
    char buf[64];
    ok(strcmp(text_query(db, "PRAGMA journal_mode", buf, sizeof buf), "wal") == 0, "WAL mode");
    ok(int_query(db, "PRAGMA foreign_keys") == 1, "foreign keys on");
    ok(int_query(db, "SELECT count(*) FROM sqlite_schema WHERE name = 'meta'") == 1,
       "meta table made by migration 1");
    store_close(db);

    db = (sqlite3 *)1;
    ok(store_open(p, STORE_CREATE, &db, err, sizeof err) == 1 && db == NULL &&
           strstr(err, "already exists"),
       "create refuses an existing file: %s", err);
    ok(store_open(p, STORE_OPEN, &db, err, sizeof err) == 0, "reopen");
    store_close(db);
    ok(store_open(p, STORE_READONLY, &db, err, sizeof err) == 0 &&
           sqlite3_db_readonly(db, "main") == 1,
       "open read-only");
    store_close(db);

    ok(store_open(path_in("missing.db"), STORE_OPEN, &db, err, sizeof err) == 1 &&
           strstr(err, "no workspace here") && strstr(err, "cairn init"),
       "missing file: says how to make one: %s", err);
    ok(store_open(dir, STORE_OPEN, &db, err, sizeof err) == 1 && strstr(err, "is a folder"),
       "a folder is refused: %s", err);
    ok(store_open(path_in("nope/x.db"), STORE_CREATE, &db, err, sizeof err) == 1 &&
           strstr(err, "does not exist"),
       "create in a missing folder: %s", err);

    /* the embedded migrations are numbered 1, 2, 3, ... */
    int in_order = store_migration_count > 0;
    for (int i = 0; i < store_migration_count; i++)
        if (store_migrations[i].version != i + 1) in_order = 0;
    ok(in_order, "embedded migrations are numbered 1..%d", store_migration_count);
}

/* Migrations from a test list: applied in order, each in its own transaction. */
static const struct store_migration good[] = {
    {1, "one", "CREATE TABLE a(x INTEGER);"},
    {2, "two", "INSERT INTO a VALUES (1); CREATE TABLE b(y INTEGER REFERENCES a(x));"},
};
static const struct store_migration failing[] = {
    {1, "one", "CREATE TABLE a(x INTEGER);"},
    {2, "two", "INSERT INTO a VALUES (1); CREATE TABLE b(y INTEGER REFERENCES a(x));"},
    {3, "three", "CREATE TABLE c(z); INSERT INTO a VALUES (2); INSERT INTO nowhere VALUES (3);"},
};

static void test_migrations(void) {
    sqlite3 *db = NULL;
    const char *p = path_in("mig.db");
    sqlite3_open(p, &db);
    ok(store_migrate_list(db, p, good, 1, err, sizeof err) == 0, "migration 1 applied");
    ok(int_query(db, "PRAGMA user_version") == 1, "user_version 1");
    ok(store_migrate_list(db, p, good, 2, err, sizeof err) == 0, "migration 2 applied on top");
    ok(int_query(db, "PRAGMA user_version") == 2 && int_query(db, "SELECT count(*) FROM a") == 1,
       "user_version 2, migration 1 not run twice");
    ok(store_migrate_list(db, p, good, 2, err, sizeof err) == 0 &&
           int_query(db, "SELECT count(*) FROM a") == 1,
       "migrating a current workspace does nothing");
    ok(store_migrate_list(db, p, failing, 3, err, sizeof err) == 1, "a failing migration fails");
    ok(strstr(err, "schema 3 (step 3, three)") && strstr(err, "nowhere"),
       "message names the migration and the cause: %s", err);
    ok(int_query(db, "PRAGMA user_version") == 2, "user_version stays 2");
    ok(int_query(db, "SELECT count(*) FROM sqlite_schema WHERE name = 'c'") == 0 &&
           int_query(db, "SELECT count(*) FROM a") == 1,
       "the failed migration's earlier statements are rolled back");
    ok(sqlite3_get_autocommit(db), "no transaction left open");
    sqlite3_close(db);

    /* a fresh file takes all of them in order */
    p = path_in("mig2.db");
    sqlite3_open(p, &db);
    ok(store_migrate_list(db, p, good, 2, err, sizeof err) == 0 &&
           int_query(db, "PRAGMA user_version") == 2,
       "1 and 2 applied in order on a fresh file");
    sqlite3_close(db);

    /* an older workspace opened normally is brought up to date */
    p = path_in("old.db");
    sqlite3_open(p, &db);
    sqlite3_exec(db, store_migrations[0].sql, NULL, NULL, NULL);
    sqlite3_exec(db, "PRAGMA user_version=1", NULL, NULL, NULL);
    sqlite3_close(db);
    ok(store_open(p, STORE_READONLY, &db, err, sizeof err) == 1 && strstr(err, "older cairn"),
       "an old workspace is not migrated read-only: %s", err);
    ok(store_open(p, STORE_OPEN, &db, err, sizeof err) == 0 &&
           int_query(db, "PRAGMA user_version") == store_schema_version(),
       "an old workspace is migrated on open");
    store_close(db);
}

/* A workspace at schema HAVE made from the embedded migrations, as an older cairn left it (WAL
 * mode, a district recorded). */
static void make_old_workspace(const char *p, int have) {
    sqlite3 *db = NULL;
    sqlite3_open(p, &db);
    sqlite3_exec(db, "PRAGMA journal_mode=WAL", NULL, NULL, NULL);
    for (int i = 0; i < have; i++)
        sqlite3_exec(db, store_migrations[i].sql, NULL, NULL, NULL);
    sqlite3_exec(db, "INSERT INTO meta VALUES ('district', 'Riverside')", NULL, NULL, NULL);
    char pragma[64];
    snprintf(pragma, sizeof pragma, "PRAGMA user_version=%d", have);
    sqlite3_exec(db, pragma, NULL, NULL, NULL);
    sqlite3_close(db);
}

/* An upgrade is all or nothing and keeps a copy: a schema-3 workspace whose step 5 fails is
 * left at schema 3 byte for byte, with the copy beside it; the real upgrade then succeeds. */
static void test_upgrade(void) {
    if (store_migration_count < 4) {
        ok(1, "# skip fewer than 4 migrations");
        return;
    }
    const char *p = path_in("old3.db");
    make_old_workspace(p, 3);
    size_t before_len = 0, after_len = 0;
    char *before = slurp(p, &before_len);

    struct store_migration list[8];
    for (int i = 0; i < 4; i++)
        list[i] = store_migrations[i];
    list[4] = (struct store_migration){5, "broken", "CREATE TABLE half(x); INSERT INTO nowhere VALUES (1);"};
    sqlite3 *db = NULL;
    sqlite3_open(p, &db);
    store_configure(db);
    ok(store_migrate_list(db, p, list, 5, err, sizeof err) == 1, "an upgrade whose step 5 fails fails");
    ok(strstr(err, "step 5, broken") && strstr(err, "nowhere") && strstr(err, "still at schema 3") &&
           strstr(err, "before-schema-5.bak"),
       "the message names the step, the cause, the schema kept and the copy: %s", err);
    ok(int_query(db, "PRAGMA user_version") == 3, "user_version stays 3 (step 4 rolled back too)");
    ok(int_query(db, "SELECT count(*) FROM sqlite_schema WHERE name IN ('half', 'report_run')") == 0,
       "no table of step 4 or 5 is left");
    ok(sqlite3_get_autocommit(db), "no transaction left open");
    sqlite3_close(db);
    char *after = slurp(p, &after_len);
    ok(before && after && before_len == after_len && memcmp(before, after, before_len) == 0,
       "the workspace file is byte-identical to before");
    free(after);

    sqlite3 *copy = NULL;
    char buf[64];
    ok(sqlite3_open_v2(path_in("old3.db.before-schema-5.bak"), &copy, SQLITE_OPEN_READONLY, NULL) ==
               SQLITE_OK &&
           int_query(copy, "PRAGMA user_version") == 3 &&
           strcmp(text_query(copy, "PRAGMA integrity_check", buf, sizeof buf), "ok") == 0 &&
           int_query(copy, "SELECT count(*) FROM meta WHERE value = 'Riverside'") == 1,
       "the copy is kept: schema 3, intact, with the data");
    sqlite3_close(copy);

    /* the real upgrade: every step at once, a copy named for the schema it goes to */
    ok(store_open(p, STORE_OPEN, &db, err, sizeof err) == 0 &&
           int_query(db, "PRAGMA user_version") == store_schema_version(),
       "the real upgrade brings it to schema %d", store_schema_version());
    store_close(db);
    char bak[600];
    snprintf(bak, sizeof bak, "old3.db.before-schema-%d.bak", store_schema_version());
    ok(sqlite3_open_v2(path_in(bak), &copy, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK &&
           int_query(copy, "PRAGMA user_version") == 3,
       "a copy at schema 3 is beside it (%s)", bak);
    sqlite3_close(copy);
    ok(memcmp(before, "SQLite format 3", 16) == 0, "fixture is a SQLite file");
    free(before);

    /* a new workspace has nothing to keep: no copy */
    p = path_in("fresh.db");
    store_open(p, STORE_CREATE, &db, err, sizeof err);
    store_close(db);
    snprintf(bak, sizeof bak, "fresh.db.before-schema-%d.bak", store_schema_version());
    ok(access(path_in(bak), F_OK) != 0, "creating a workspace takes no copy");
}

static void test_refusals(void) {
    /* a newer schema */
    const char *p = path_in("newer.db");
    sqlite3 *db = NULL;
    store_open(p, STORE_CREATE, &db, err, sizeof err);
    store_close(db);
    sqlite3_open(p, &db);
    sqlite3_exec(db, "PRAGMA user_version=999", NULL, NULL, NULL);
    sqlite3_close(db);
    refused(p, STORE_OPEN, "made by a newer cairn (schema 999", "newer schema");
    refused(p, STORE_READONLY, "made by a newer cairn", "newer schema, read-only");

    p = path_in("letter.txt");
    const char *letter = "Dear board, please find attached the plan.\n";
    write_file(p, letter, strlen(letter));
    refused(p, STORE_OPEN, "not a cairn workspace (expected a SQLite database file)",
            "not a database");

    p = path_in("empty.db");
    write_file(p, "", 0);
    refused(p, STORE_OPEN, "found an empty file", "empty file");

    p = path_in("foreign.db");
    sqlite3_open(p, &db);
    sqlite3_exec(db, "CREATE TABLE customers(id, name); INSERT INTO customers VALUES (1, 'x')",
                 NULL, NULL, NULL);
    sqlite3_close(db);
    refused(p, STORE_OPEN, "a SQLite database, but not a cairn workspace", "foreign SQLite db");

    p = path_in("frozen.db");
    store_open(p, STORE_CREATE, &db, err, sizeof err);
    store_close(db);
    chmod(p, 0444);
    refused(p, STORE_OPEN, "the workspace is read-only", "read-only file");
    ok(store_open(p, STORE_READONLY, &db, err, sizeof err) == 0, "a read-only file opens read-only");
    store_close(db);
    chmod(p, 0644);

    /* a read-only folder: SQLite must write its journal beside the file */
    char sub[600];
    snprintf(sub, sizeof sub, "%s/locked", dir);
    mkdir(sub, 0755);
    char in_sub[700];
    snprintf(in_sub, sizeof in_sub, "%s/ws.db", sub);
    store_open(in_sub, STORE_CREATE, &db, err, sizeof err);
    store_close(db);
    chmod(sub, 0555);
    refused(in_sub, STORE_OPEN, "is read-only", "read-only folder");
    ok(store_open(path_in("locked/new.db"), STORE_CREATE, &db, err, sizeof err) == 1 &&
           strstr(err, "read-only"),
       "create in a read-only folder: %s", err);
    chmod(sub, 0755);
}

/* A child process keeps adding batches of 10 rows, each batch one transaction, while the parent
 * backs up. The copy must be complete, intact and a whole number of batches. */
static void test_backup(void) {
    const char *p = path_in("busy.db");
    sqlite3 *db = NULL;
    store_open(p, STORE_CREATE, &db, err, sizeof err);
    sqlite3_exec(db,
                 "CREATE TABLE t(batch INTEGER, pad BLOB);"
                 "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3000)"
                 " INSERT INTO t SELECT 0, randomblob(1000) FROM n;",
                 NULL, NULL, NULL);
    int pipefd[2];
    if (pipe(pipefd) != 0) { ok(0, "pipe"); return; }
    pid_t pid = fork();
    if (pid == 0) {
        close(pipefd[0]);
        sqlite3 *w = NULL;
        char e[256];
        if (store_open(p, STORE_OPEN, &w, e, sizeof e) != 0) _exit(2);
        for (int batch = 1;; batch++) {
            sqlite3_exec(w, "BEGIN IMMEDIATE", NULL, NULL, NULL);
            for (int i = 0; i < 10; i++) {
                char sql[128];
                snprintf(sql, sizeof sql, "INSERT INTO t VALUES (%d, randomblob(500))", batch);
                sqlite3_exec(w, sql, NULL, NULL, NULL);
            }
            sqlite3_exec(w, "COMMIT", NULL, NULL, NULL);
            if (batch == 5) { /* tell the parent writing has started */
                if (write(pipefd[1], "x", 1) != 1) _exit(3);
                close(pipefd[1]);
            }
        }
    }
    close(pipefd[1]);
    char c;
    ok(read(pipefd[0], &c, 1) == 1, "writer started");
    close(pipefd[0]);
    const char *dest = path_in("copy.db");
    int rc = store_backup(db, dest, err, sizeof err);
    int rc2 = store_backup(db, dest, err, sizeof err); /* over an existing copy */
    kill(pid, SIGKILL);
    waitpid(pid, NULL, 0);
    ok(rc == 0 && rc2 == 0, "backup while another process writes: %s", rc ? err : "done");

    sqlite3 *copy = NULL;
    sqlite3_open_v2(dest, &copy, SQLITE_OPEN_READONLY, NULL);
    char buf[64];
    ok(strcmp(text_query(copy, "PRAGMA integrity_check", buf, sizeof buf), "ok") == 0,
       "the copy passes the integrity check");
    ok(int_query(copy, "SELECT count(*) FROM t WHERE batch = 0") == 3000, "the copy is complete");
    ok(int_query(copy, "SELECT count(*) % 10 FROM t WHERE batch > 0") == 0,
       "the copy holds whole transactions only");
    ok(int_query(copy, "PRAGMA user_version") == store_schema_version(),
       "the copy keeps user_version");
    ok(strcmp(text_query(copy, "PRAGMA journal_mode", buf, sizeof buf), "delete") == 0,
       "the copy is a single file (journal_mode delete)");
    sqlite3_close(copy);

    char tmpname[600];
    snprintf(tmpname, sizeof tmpname, "%s.tmp-%ld", dest, (long)getpid());
    ok(access(tmpname, F_OK) != 0, "no temporary file left");

    ok(store_backup(db, path_in("nope/copy.db"), err, sizeof err) == 1 &&
           strstr(err, "backup failed"),
       "backup into a missing folder fails clearly: %s", err);
    store_close(db);
}

int main(void) {
    if (!mkdtemp(dir)) {
        perror("mkdtemp");
        return 1;
    }
    test_create();
    test_migrations();
    test_upgrade();
    test_refusals();
    test_backup();
    char cmd[600];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    if (system(cmd) != 0) fprintf(stderr, "could not remove %s\n", dir);
    return done_testing();
}
