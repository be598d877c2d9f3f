/* store.c: open, configure, migrate and back up a workspace. See store.h. */
#define _POSIX_C_SOURCE 200809L
#include "store.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <unistd.h>

/* How long a connection waits for another cairn process to finish writing. */
#define STORE_BUSY_MS 10000

static int fail(char *err, size_t errlen, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err, errlen, fmt, ap);
    va_end(ap);
    return 1;
}

int store_schema_version(void) {
    return store_migration_count ? store_migrations[store_migration_count - 1].version : 0;
}

/* Library-wide settings, before SQLite initializes (the first connection opened): no memory
 * statistics (nothing reads them; keeping them takes a mutex around every allocation: a
 * twentieth of a short query's start-up, most of it parsing the schema). */
void store_setup(void) {
    static int done;
    if (done)
        return;
    done = 1;
    sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}

void store_configure(sqlite3 *db) {
    sqlite3_busy_timeout(db, STORE_BUSY_MS);
    sqlite3_exec(db, "PRAGMA foreign_keys=ON", NULL, NULL, NULL);
    sqlite3_db_config(db, SQLITE_DBCONFIG_DEFENSIVE, 1, (int *)0);
    sqlite3_db_config(db, SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, 0, (int *)0);
    sqlite3_extended_result_codes(db, 1);
}

/* A workspace must be a SQLite file: read its 16-byte header before SQLite touches it, so a
 * stray document is refused instead of being turned into a database. Empty files are refused
 * too: SQLite would happily treat them as a new database. */
static int check_header(const char *path, char *err, size_t errlen) {
    FILE *f = fopen(path, "rb");
    if (!f)
        return fail(err, errlen, "%s: cannot read workspace: %s", path, strerror(errno));
    unsigned char head[100] = {0};
    size_t n = fread(head, 1, sizeof head, f);
    fclose(f);
    if (n < 16 || memcmp(head, "SQLite format 3", 16) != 0)
        return fail(err, errlen,
                    "%s: not a cairn workspace (expected a SQLite database file%s)", path,
                    n == 0 ? ", found an empty file" : "");
    /* user_version is stored big-endian at offset 60 of the header: a workspace from a newer
     * cairn is refused here, before SQLite opens it and creates journal files beside it. */
    if (n == sizeof head) {
        long v = (long)head[60] << 24 | (long)head[61] << 16 | (long)head[62] << 8 | head[63];
        if (v > store_schema_version())
            return fail(err, errlen,
                        "%s: this workspace was made by a newer cairn (schema %ld; this cairn "
                        "knows up to %d). Upgrade cairn to open it; the file was not changed.",
                        path, v, store_schema_version());
    }
    return 0;
}

/* The folder of PATH, for the journal files SQLite writes beside the workspace. */
static void folder_of(const char *path, char *dir, size_t n) {
    const char *slash = strrchr(path, '/');
    if (!slash)
        snprintf(dir, n, ".");
    else if (slash == path)
        snprintf(dir, n, "/");
    else
        snprintf(dir, n, "%.*s", (int)(slash - path), path);
}

/* Writable means: the system lets us write (access(2), which also sees read-only mounts) and
 * the permission bits say so. The bits matter because root passes access(2) on a file its
 * owner marked read-only (chmod a-w), and a workspace someone froze must stay frozen. */
static int writable_node(const char *path, const struct stat *sb) {
    return access(path, W_OK) == 0 && (sb->st_mode & (S_IWUSR | S_IWGRP | S_IWOTH)) != 0;
}

static int check_folder(const char *path, char *err, size_t errlen) {
    char dir[4096];
    struct stat db;
    folder_of(path, dir, sizeof dir);
    if (stat(dir, &db) != 0)
        return fail(err, errlen, "%s: the folder %s does not exist", path, dir);
    errno = 0;
    if (!writable_node(dir, &db))
        return fail(err, errlen,
                    "%s: the folder %s is read-only (%s); cairn needs to write its journal "
                    "there; nothing was changed",
                    path, dir, errno == EROFS ? "read-only file system" : "permission denied");
    return 0;
}

static int check_writable(const char *path, const struct stat *sb, char *err, size_t errlen) {
    errno = 0;
    if (!writable_node(path, sb))
        return fail(err, errlen,
                    "%s: the workspace is read-only (%s); nothing was changed (cairn sql can "
                    "still read it)",
                    path, errno == EROFS ? "read-only file system" : "permission denied");
    return check_folder(path, err, errlen);
}

/* Is PATH on a read-only file system with no WAL left to apply? */
static int read_only_media(const char *path) {
    struct statvfs vfs;
    char wal[4200];
    snprintf(wal, sizeof wal, "%s-wal", path);
    return statvfs(path, &vfs) == 0 && (vfs.f_flag & ST_RDONLY) && access(wal, F_OK) != 0;
}

/* "file:PATH?immutable=1" with PATH percent-encoded where URIs need it. */
static int immutable_uri(const char *path, char *out, size_t n) {
    size_t o = 0;
    o += (size_t)snprintf(out, n, "file:");
    for (const unsigned char *p = (const unsigned char *)path; *p; p++) {
        if (o + 4 >= n)
            return 0;
        if (*p == '?' || *p == '#' || *p == '%' || *p < 0x20)
            o += (size_t)snprintf(out + o, n - o, "%%%02X", *p);
        else
            out[o++] = (char)*p;
    }
    out[o] = '\0';
    return snprintf(out + o, n - o, "?immutable=1") < (int)(n - o);
}

static int user_version(sqlite3 *db, int *v) {
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &st, NULL) != SQLITE_OK)
        return sqlite3_errcode(db);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW)
        *v = sqlite3_column_int(st, 0);
    sqlite3_finalize(st);
    return rc == SQLITE_ROW ? SQLITE_OK : rc;
}

/* A cairn workspace has the meta table; a SQLite file without it (and with other tables) is
 * someone else's database and is left alone. */
static int is_foreign(sqlite3 *db) {
    sqlite3_stmt *st;
    int foreign = 0;
    if (sqlite3_prepare_v2(db,
                           "SELECT (SELECT count(*) FROM sqlite_schema),"
                           " (SELECT count(*) FROM sqlite_schema WHERE name='meta')",
                           -1, &st, NULL) != SQLITE_OK)
        return 1;
    if (sqlite3_step(st) == SQLITE_ROW)
        foreign = sqlite3_column_int(st, 0) > 0 && sqlite3_column_int(st, 1) == 0;
    sqlite3_finalize(st);
    return foreign;
}

/* The words for a SQLite failure, the one place cairn says what went wrong with the
 * workspace file (store.c and l_db.c both use it). */
const char *store_error_words(sqlite3 *db, int rc) {
    /* SQLite reports a failed write of its shared-memory or journal file as an I/O error;
     * the system's errno says what really happened. */
    int sys = db ? sqlite3_system_errno(db) : 0;
    if (sys == ENOSPC || sys == EDQUOT)
        return "the disk is full";
    if (sys == EROFS)
        return "the file system is read-only";
    switch (rc & 0xff) {
    case SQLITE_READONLY: return "the workspace file or its folder is read-only";
    case SQLITE_FULL: return "the disk is full";
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB: return "the file is damaged or not a SQLite database";
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        return "the workspace is busy: another program kept it locked for longer than cairn "
               "waits (10 s); try again when it has finished";
    case SQLITE_CANTOPEN: return "it cannot be opened (missing, or a read-only folder)";
    default: return db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
    }
}

int store_migrate(sqlite3 *db, const char *path, char *err, size_t errlen) {
    return store_migrate_list(db, path, store_migrations, store_migration_count, err, errlen);
}

/* Where the copy taken before an upgrade goes: beside the workspace, named for the schema it
 * is upgraded to, so a failed or regretted upgrade can be undone by hand. */
static int upgrade_backup_name(const char *path, int want, char *out, size_t n) {
    return snprintf(out, n, "%s.before-schema-%d.bak", path, want) < (int)n;
}

/* The copy is read through a second, read-only connection: the backup API cannot read from a
 * connection that holds a write transaction, and ours holds one so that nobody commits between
 * the copy and the upgrade (readers are still let in, in WAL and rollback mode alike). */
static int copy_before_upgrade(const char *file, const char *bak, char *err, size_t errlen) {
    sqlite3 *src = NULL;
    int rc = sqlite3_open_v2(file, &src, SQLITE_OPEN_READONLY, NULL);
    if (rc != SQLITE_OK) {
        fail(err, errlen, "%s", store_error_words(src, rc));
        sqlite3_close(src);
        return 1;
    }
    store_configure(src);
    rc = store_backup(src, bak, err, errlen);
    sqlite3_close(src);
    return rc;
}

static void rollback(sqlite3 *db) {
    if (!sqlite3_get_autocommit(db))
        sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
}

/* All pending migrations run in ONE transaction, taken before the version is read (so two
 * cairns opening an old workspace at once cannot both upgrade it): the workspace is either at
 * its old schema, byte for byte, or at the new one. Before the first step, a consistent copy of
 * the workspace as it was is written beside it (inside the same transaction, so nobody writes
 * between the copy and the upgrade) and named on stderr. A fresh file (schema 0) has nothing
 * to keep and gets no copy. */
int store_migrate_list(sqlite3 *db, const char *path, const struct store_migration *list,
                       int count, char *err, size_t errlen) {
    int have = 0, rc = user_version(db, &have);
    if (rc != SQLITE_OK)
        return fail(err, errlen, "%s: cannot read the workspace: %s", path, store_error_words(db, rc));
    int want = count ? list[count - 1].version : 0;
    if (have > want)
        return fail(err, errlen,
                    "%s: this workspace was made by a newer cairn (schema %d; this cairn knows up "
                    "to %d). Upgrade cairn to open it; the file was not changed.",
                    path, have, want);
    if (have == want)
        return 0;
    char *msg = NULL;
    rc = sqlite3_exec(db, "BEGIN IMMEDIATE", NULL, NULL, &msg);
    sqlite3_free(msg);
    msg = NULL;
    if (rc != SQLITE_OK)
        return fail(err, errlen, "%s: cannot update the workspace: %s", path,
                    store_error_words(db, sqlite3_extended_errcode(db)));
    rc = user_version(db, &have); /* another cairn may have upgraded it meanwhile */
    if (rc != SQLITE_OK || have >= want) {
        rollback(db);
        return rc == SQLITE_OK ? 0 : fail(err, errlen, "%s: cannot read the workspace: %s", path,
                                          store_error_words(db, rc));
    }
    char bak[4200] = ""; /* the copy, when one was made */
    const char *file = sqlite3_db_filename(db, "main");
    if (have > 0 && file && *file) {
        char why[1024];
        if (!upgrade_backup_name(path, want, bak, sizeof bak)) {
            rollback(db);
            return fail(err, errlen, "%s: path too long", path);
        }
        if (copy_before_upgrade(file, bak, why, sizeof why) != 0) {
            rollback(db);
            return fail(err, errlen,
                        "%s: cannot update the workspace to schema %d: the copy taken first "
                        "could not be made (%s); the workspace was not changed",
                        path, want, why);
        }
        fprintf(stderr,
                "cairn: updating %s from schema %d to %d; a copy of it as it was is in %s\n",
                path, have, want, bak);
    }
    const struct store_migration *failed = NULL;
    for (int i = 0; i < count && rc == SQLITE_OK; i++) {
        if (list[i].version <= have)
            continue;
        rc = sqlite3_exec(db, list[i].sql, NULL, NULL, &msg);
        if (rc != SQLITE_OK)
            failed = &list[i];
    }
    char pragma[64];
    snprintf(pragma, sizeof pragma, "PRAGMA user_version=%d", want);
    if (rc == SQLITE_OK)
        rc = sqlite3_exec(db, pragma, NULL, NULL, &msg);
    if (rc == SQLITE_OK)
        rc = sqlite3_exec(db, "COMMIT", NULL, NULL, &msg);
    if (rc == SQLITE_OK)
        return 0;
    int ext = sqlite3_extended_errcode(db);
    char cause[600];
    snprintf(cause, sizeof cause, "%s",
             (ext & 0xff) == SQLITE_ERROR && msg ? msg : store_error_words(db, ext));
    sqlite3_free(msg);
    rollback(db);
    char step[200] = "";
    if (failed)
        snprintf(step, sizeof step, " (step %d, %s)", failed->version, failed->name);
    return fail(err, errlen,
                "%s: cannot update the workspace to schema %d%s: %s. Nothing was changed: it is "
                "still at schema %d%s%s",
                path, want, step, cause, have, *bak ? "; the copy taken first is " : "", bak);
}

int store_open(const char *path, enum store_mode mode, sqlite3 **out, char *err, size_t errlen) {
    *out = NULL;
    struct stat sb;
    int exists = stat(path, &sb) == 0;
    if (mode == STORE_CREATE && exists)
        return fail(err, errlen, "%s: already exists; cairn will not overwrite it", path);
    if (mode != STORE_CREATE) {
        if (!exists)
            return fail(err, errlen,
                        "%s: no workspace here (create one with: cairn init --district NAME)",
                        path);
        if (S_ISDIR(sb.st_mode))
            return fail(err, errlen, "%s: is a folder, expected a workspace file", path);
        if (check_header(path, err, errlen))
            return 1;
    }
    int writable = mode != STORE_READONLY;
    if (mode == STORE_OPEN && check_writable(path, &sb, err, errlen))
        return 1;
    if (mode == STORE_CREATE && check_folder(path, err, errlen))
        return 1;

    int flags = writable ? SQLITE_OPEN_READWRITE : SQLITE_OPEN_READONLY;
    if (mode == STORE_CREATE)
        flags |= SQLITE_OPEN_CREATE;
    sqlite3 *db = NULL;
    char uri[4200];
    const char *name = path;
    if (!writable && read_only_media(path)) {
        /* On read-only media SQLite cannot make the WAL index it needs to read; a file that
         * nobody can change may be opened as immutable instead. */
        if (immutable_uri(path, uri, sizeof uri)) {
            name = uri;
            flags |= SQLITE_OPEN_URI;
        }
    }
    int rc = sqlite3_open_v2(name, &db, flags | SQLITE_OPEN_NOFOLLOW, NULL);
    if (rc != SQLITE_OK) {
        fail(err, errlen, "%s: cannot open the workspace: %s", path, store_error_words(db, rc));
        sqlite3_close(db);
        return 1;
    }
    store_configure(db);

    int version = 0;
    rc = user_version(db, &version);
    if (rc != SQLITE_OK) {
        fail(err, errlen, "%s: cannot read the workspace: %s", path, store_error_words(db, rc));
        goto bad;
    }
    /* A file at this cairn's schema version was made or upgraded by cairn: reading
     * sqlite_schema would make SQLite parse the whole schema (most of a short command's
     * start-up), so only a file that would be upgraded is checked for being someone else's. */
    if (mode != STORE_CREATE && version != store_schema_version() && is_foreign(db)) {
        fail(err, errlen, "%s: a SQLite database, but not a cairn workspace; nothing was changed",
             path);
        goto bad;
    }
    if (version > store_schema_version()) {
        store_migrate(db, path, err, errlen); /* writes the "newer cairn" message */
        goto bad;
    }
    if (!writable) {
        if (version < store_schema_version()) {
            fail(err, errlen,
                 "%s: the workspace is from an older cairn and must be updated; open it once "
                 "read-write (for example with: cairn check)", path);
            goto bad;
        }
        *out = db;
        return 0;
    }
    if (mode == STORE_CREATE || version < store_schema_version()) {
        char *msg = NULL;
        rc = sqlite3_exec(db, "PRAGMA journal_mode=WAL", NULL, NULL, &msg);
        sqlite3_free(msg);
        if (rc != SQLITE_OK) {
            fail(err, errlen, "%s: cannot prepare the workspace: %s", path, store_error_words(db, rc));
            goto bad;
        }
    }
    if (store_migrate(db, path, err, errlen))
        goto bad;
    *out = db;
    return 0;
bad:
    sqlite3_close(db);
    if (mode == STORE_CREATE)
        unlink(path); /* a workspace we failed to create is not left behind */
    return 1;
}

int store_backup(sqlite3 *db, const char *dest, char *err, size_t errlen) {
    /* A backup onto the live workspace itself would replace it with a copy made while it is
     * open: refused (same device and inode, whatever the spelling of the path). */
    const char *live = sqlite3_db_filename(db, "main");
    struct stat live_st, dest_st;
    if (live && stat(live, &live_st) == 0 && stat(dest, &dest_st) == 0 &&
        live_st.st_dev == dest_st.st_dev && live_st.st_ino == dest_st.st_ino)
        return fail(err, errlen, "%s: this is the workspace itself; back it up to another file",
                    dest);
    char tmp[4096];
    if (snprintf(tmp, sizeof tmp, "%s.tmp-%ld", dest, (long)getpid()) >= (int)sizeof tmp)
        return fail(err, errlen, "%s: path too long", dest);
    sqlite3 *out = NULL;
    int rc = sqlite3_open_v2(tmp, &out, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
    if (rc == SQLITE_OK) {
        sqlite3_backup *b = sqlite3_backup_init(out, "main", db, "main");
        if (!b) {
            rc = sqlite3_errcode(out);
        } else {
            /* Copy all pages in one step: in WAL mode that is one read transaction, a
             * snapshot, and writers in other processes carry on meanwhile. Copying in small
             * steps would restart after every foreign write and could never finish while
             * someone keeps writing. */
            int tries = 0;
            do {
                rc = sqlite3_backup_step(b, -1);
                if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
                    sqlite3_sleep(20);
            } while ((rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED) &&
                     ++tries < 500);
            sqlite3_backup_finish(b);
            rc = rc == SQLITE_DONE ? SQLITE_OK : rc;
        }
    }
    if (rc == SQLITE_OK)
        rc = sqlite3_exec(out, "PRAGMA journal_mode=DELETE", NULL, NULL, NULL);
    const char *msg = store_error_words(out, rc);
    char saved[256];
    snprintf(saved, sizeof saved, "%s", msg);
    if (sqlite3_close(out) != SQLITE_OK && rc == SQLITE_OK)
        rc = SQLITE_IOERR;
    if (rc == SQLITE_OK && rename(tmp, dest) != 0) {
        snprintf(saved, sizeof saved, "%s", strerror(errno));
        rc = SQLITE_IOERR;
    }
    if (rc != SQLITE_OK) {
        unlink(tmp);
        return fail(err, errlen, "%s: backup failed: %s", dest, saved);
    }
    return 0;
}

void store_close(sqlite3 *db) {
    if (db)
        sqlite3_close_v2(db);
}
