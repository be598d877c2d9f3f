/* store.h: the workspace, one SQLite file per district.
 *
 * The store opens a workspace file with cairn's connection settings (WAL, foreign keys, busy
 * timeout), refuses files that are not cairn workspaces or that a newer cairn made, and brings
 * older workspaces up to date with numbered migrations, all pending ones in one transaction after
 * a copy of the workspace was written beside it (PATH.before-schema-N.bak). It has no
 * Lua in it, so it is unit-tested directly (tests/c/test_store.c). */
#ifndef CAIRN_STORE_H
#define CAIRN_STORE_H

#include <sqlite3.h>
#include <stddef.h>

enum store_mode {
    STORE_OPEN,      /* an existing workspace, read-write, migrated to the current schema */
    STORE_READONLY,  /* an existing workspace, read-only; must already be current */
    STORE_CREATE     /* a new workspace; refuses to overwrite an existing file */
};

/* One embedded migration: version N turns a workspace at N-1 into one at N. */
struct store_migration {
    int version;
    const char *name;
    const char *sql;
};

extern const struct store_migration store_migrations[]; /* generated from src/migrations/ */
extern const int store_migration_count;

/* The schema version this cairn writes (the highest migration). */
int store_schema_version(void);

/* Open PATH in MODE. On success returns 0 and sets *out. On failure returns an exit-style code
 * (1) and writes a complete, human-readable message naming the file into err. Nothing in the
 * file is changed when opening fails. */
int store_open(const char *path, enum store_mode mode, sqlite3 **out, char *err, size_t errlen);

/* Apply the settings every cairn connection uses (foreign keys, busy timeout, defensive mode). */
void store_configure(sqlite3 *db);
/* Library-wide SQLite settings; call before the first connection opens (host_new does). */
void store_setup(void);

/* Bring DB up to the current schema: a copy first (named on stderr), then every pending
 * migration in one transaction. Returns 0, or 1 with a message in err; on failure the
 * workspace is left at its old schema, unchanged, and the copy is kept. */
int store_migrate(sqlite3 *db, const char *path, char *err, size_t errlen);

/* The same with an explicit list of COUNT migrations (unit tests use their own). */
int store_migrate_list(sqlite3 *db, const char *path, const struct store_migration *list,
                       int count, char *err, size_t errlen);

/* Copy the open workspace DB to DEST consistently (SQLite's online backup API), through a
 * temporary file renamed into place, so DEST is never left half-written. */
int store_backup(sqlite3 *db, const char *dest, char *err, size_t errlen);

/* Close with the WAL checkpointed; safe on NULL. */
void store_close(sqlite3 *db);

/* What went wrong, in words people read: the disk is full, the workspace is busy, read-only,
 * damaged... (SQLite's own message for anything else). RC is a SQLite result code. */
const char *store_error_words(sqlite3 *db, int rc);

#endif
