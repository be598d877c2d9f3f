/* l_host.c: the cairn.host module, what the Lua half of cairn needs from the process.
 *
 * The command line, the REPL's printing and completion, help texts and every message live in
 * Lua (lua/cairn/); this module gives them the mechanisms: opening a workspace through the store
 * (with its checks and migrations), backups, terminal facts, the REPL loop, and the data folder. */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <lauxlib.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "host.h"
#include "l_db.h"
#include "numfmt.h"
#include "store.h"

static const char *const mode_names[] = {"open", "readonly", "create", NULL};

/* host.open_workspace(path, mode) -> db | nil, message */
static int host_open_workspace(lua_State *L) {
    const char *path = luaL_checkstring(L, 1);
    enum store_mode mode = (enum store_mode)luaL_checkoption(L, 2, "open", mode_names);
    sqlite3 *db = NULL;
    char err[1024];
    if (store_open(path, mode, &db, err, sizeof err) != 0) {
        luaL_pushfail(L);
        lua_pushstring(L, err);
        return 2;
    }
    ldb_push(L, db, path);
    return 1;
}

/* host.backup(db, dest) -> true | nil, message */
static int host_backup(lua_State *L) {
    sqlite3 *db = ldb_check(L, 1);
    const char *dest = luaL_checkstring(L, 2);
    char err[1024];
    if (store_backup(db, dest, err, sizeof err) != 0) {
        luaL_pushfail(L);
        lua_pushstring(L, err);
        return 2;
    }
    lua_pushboolean(L, 1);
    return 1;
}

static int host_schema_version(lua_State *L) {
    lua_pushinteger(L, store_schema_version());
    return 1;
}

/* host.isatty(fd): is standard input (0), output (1) or error (2) a terminal? */
static int host_isatty(lua_State *L) {
    lua_pushboolean(L, isatty((int)luaL_checkinteger(L, 1)));
    return 1;
}

static int host_datadir_l(lua_State *L) {
    lua_pushstring(L, host_datadir());
    return 1;
}

static int host_repl(lua_State *L) {
    lua_pushinteger(L, repl_run(L));
    return 1;
}

static int host_traceback(lua_State *L) {
    lua_pushstring(L, host_last_traceback(L));
    return 1;
}

/* host.file_kind(path) -> "file" | "dir" | "other" | nil */
static int host_file_kind(lua_State *L) {
    struct stat sb;
    if (stat(luaL_checkstring(L, 1), &sb) != 0) {
        luaL_pushfail(L);
        return 1;
    }
    lua_pushstring(L, S_ISREG(sb.st_mode) ? "file" : S_ISDIR(sb.st_mode) ? "dir" : "other");
    return 1;
}

/* host.load_compiled(cache_file, source) -> function | nil: see host_load_compiled */
static int host_load_compiled_l(lua_State *L) {
    if (!host_load_compiled(L, luaL_checkstring(L, 1), luaL_checkstring(L, 2)))
        luaL_pushfail(L);
    return 1;
}

/* host.bytecode_dir() -> the folder of compiled built-in modules make writes beside the
 * binary (CAIRN_BYTECODE_DIR, relative to it), or nil when cairn is not run from a build. */
static int host_bytecode_dir(lua_State *L) {
    const char *dir = host_bytecode_folder();
    if (!dir)
        luaL_pushfail(L);
    else
        lua_pushstring(L, dir);
    return 1;
}

/* host.list_dir(path) -> sorted array of names (no . and ..), or nil, message */
#include <dirent.h>
#include <stdlib.h>
static int cmp_str(const void *a, const void *b) {
    return strcmp(*(char *const *)a, *(char *const *)b);
}
static int host_list_dir(lua_State *L) {
    const char *path = luaL_checkstring(L, 1);
    DIR *d = opendir(path);
    if (!d) {
        luaL_pushfail(L);
        lua_pushfstring(L, "%s: %s", path, strerror(errno));
        return 2;
    }
    lua_newtable(L);
    int n = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
            continue;
        lua_pushstring(L, e->d_name);
        lua_rawseti(L, -2, ++n);
    }
    closedir(d);
    /* sort in Lua's table.sort would need a call; do it here for a stable listing */
    const char **names = malloc(sizeof *names * (size_t)(n ? n : 1));
    if (!names)
        return luaL_error(L, "out of memory");
    for (int i = 0; i < n; i++) {
        lua_rawgeti(L, -1, i + 1);
        names[i] = lua_tostring(L, -1); /* stays valid: the table still holds the string */
        lua_pop(L, 1);
    }
    qsort(names, (size_t)n, sizeof *names, cmp_str);
    lua_createtable(L, n, 0);
    for (int i = 0; i < n; i++) {
        lua_pushstring(L, names[i]);
        lua_rawseti(L, -2, i + 1);
    }
    free(names);
    return 1;
}

/* host.mkdir(path) -> true | nil, message: the folder and its parents, as mkdir -p */
static int host_mkdir(lua_State *L) {
    const char *path = luaL_checkstring(L, 1);
    size_t len = strlen(path);
    char *p = malloc(len + 1);
    if (!p)
        return luaL_error(L, "out of memory");
    memcpy(p, path, len + 1);
    int ok = 1;
    for (size_t i = 1; i <= len && ok; i++) {
        if (p[i] != '/' && p[i] != '\0')
            continue;
        char saved = p[i];
        p[i] = '\0';
        struct stat sb;
        if (stat(p, &sb) != 0) {
            if (mkdir(p, 0777) != 0 && errno != EEXIST)
                ok = 0;
        } else if (!S_ISDIR(sb.st_mode)) {
            errno = ENOTDIR;
            ok = 0;
        }
        p[i] = saved;
    }
    free(p);
    if (!ok) {
        luaL_pushfail(L);
        lua_pushfstring(L, "%s: %s", path, strerror(errno));
        return 2;
    }
    lua_pushboolean(L, 1);
    return 1;
}

/* host.clock() -> seconds from a monotonic clock, for timings */
static int host_clock(lua_State *L) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    lua_pushnumber(L, (lua_Number)ts.tv_sec + (lua_Number)ts.tv_nsec / 1e9);
    return 1;
}

static int host_interrupted_l(lua_State *L) {
    lua_pushboolean(L, host_interrupted());
    return 1;
}

/* host.round(x, decimals) -> number, halves away from zero (numfmt.h) */
static int host_round(lua_State *L) {
    lua_pushnumber(L, num_round(luaL_checknumber(L, 1), (int)luaL_optinteger(L, 2, 0)));
    return 1;
}

/* host.format_number(x, decimals [, grouping]) -> string */
static int host_format_number(lua_State *L) {
    char buf[96];
    num_format(buf, sizeof buf, luaL_checknumber(L, 1), (int)luaL_optinteger(L, 2, 0),
               lua_toboolean(L, 3));
    lua_pushstring(L, buf);
    return 1;
}

/* host.hash(s) -> 16 hex digits (FNV-1a, 64 bit): tool versions, report file fingerprints.
 * Not cryptographic; it tells versions apart. */
static int host_hash(lua_State *L) {
    size_t len;
    const unsigned char *s = (const unsigned char *)luaL_checklstring(L, 1, &len);
    unsigned long long h = 1469598103934665603ULL;
    for (size_t i = 0; i < len; i++) {
        h ^= s[i];
        h *= 1099511628211ULL;
    }
    char hex[17];
    snprintf(hex, sizeof hex, "%016llx", h);
    lua_pushstring(L, hex);
    return 1;
}

/* host.term_width() -> columns of the terminal on stdout, or 80 */
#include <sys/ioctl.h>
static int host_term_width(lua_State *L) {
    struct winsize w;
    int cols = 80;
    if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &w) == 0 && w.ws_col > 0)
        cols = w.ws_col;
    lua_pushinteger(L, cols);
    return 1;
}

/* host.term_height() -> rows of the terminal on stdout, or 24 (the pager decides with it) */
static int host_term_height(lua_State *L) {
    struct winsize w;
    int rows = 24;
    if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &w) == 0 && w.ws_row > 0)
        rows = w.ws_row;
    lua_pushinteger(L, rows);
    return 1;
}

/* host.login_name() -> the name of the user running cairn (the password database, as `id -un`),
 * or nil: the default actor when $USER and $LOGNAME are not set (cron, containers). */
#include <pwd.h>
static int host_login_name(lua_State *L) {
    struct passwd *pw = getpwuid(geteuid());
    if (pw && pw->pw_name && pw->pw_name[0])
        lua_pushstring(L, pw->pw_name);
    else
        luaL_pushfail(L);
    return 1;
}

/* host.wait_key(seconds) -> the bytes of one key press, or nil when SECONDS pass with none, or
 * "" at the end of input. On a terminal, input is read a key at a time without echo while this
 * waits (ICANON, ECHO and ISIG off, so Ctrl-C arrives as "\3"), and the terminal is put back
 * before it returns: nothing is left changed if the caller then fails. Not a terminal: whatever
 * the pipe holds next (up to 64 bytes). A live display polls with it (cairn present). */
#include <poll.h>
#include <termios.h>
static int host_wait_key(lua_State *L) {
    lua_Number seconds = luaL_checknumber(L, 1);
    int ms = seconds <= 0 ? 0 : seconds > 3600 ? 3600000 : (int)(seconds * 1000);
    struct termios saved, raw;
    int tty = isatty(STDIN_FILENO) && tcgetattr(STDIN_FILENO, &saved) == 0;
    if (tty) {
        raw = saved;
        raw.c_lflag &= ~(tcflag_t)(ICANON | ECHO | ISIG);
        raw.c_cc[VMIN] = 1;
        raw.c_cc[VTIME] = 0;
        tcsetattr(STDIN_FILENO, TCSANOW, &raw);
    }
    struct pollfd pfd = {.fd = STDIN_FILENO, .events = POLLIN};
    int ready = poll(&pfd, 1, ms);
    char buf[64];
    ssize_t got = -1;
    if (ready > 0)
        got = read(STDIN_FILENO, buf, sizeof buf);
    if (tty)
        tcsetattr(STDIN_FILENO, TCSANOW, &saved);
    if (ready > 0 && got >= 0)
        lua_pushlstring(L, buf, (size_t)got); /* 0 bytes: the end of input */
    else if (ready > 0 || (ready < 0 && errno != EINTR))
        lua_pushliteral(L, ""); /* a closed or failing input ends the wait for good */
    else
        luaL_pushfail(L);
    return 1;
}

static const luaL_Reg host_funcs[] = {
    {"round", host_round},
    {"format_number", host_format_number},
    {"hash", host_hash},
    {"term_width", host_term_width},
    {"term_height", host_term_height},
    {"open_workspace", host_open_workspace},
    {"backup", host_backup},
    {"schema_version", host_schema_version},
    {"isatty", host_isatty},
    {"datadir", host_datadir_l},
    {"repl", host_repl},
    {"readline", repl_readline},
    {"traceback", host_traceback},
    {"file_kind", host_file_kind},
    {"load_compiled", host_load_compiled_l},
    {"bytecode_dir", host_bytecode_dir},
    {"list_dir", host_list_dir},
    {"clock", host_clock},
    {"mkdir", host_mkdir},
    {"interrupted", host_interrupted_l},
    {"login_name", host_login_name},
    {"wait_key", host_wait_key},
    {NULL, NULL}};

int luaopen_cairn_host(lua_State *L) {
    luaL_newlib(L, host_funcs);
    lua_pushliteral(L, CAIRN_VERSION);
    lua_setfield(L, -2, "version");
    lua_pushstring(L, sqlite3_libversion());
    lua_setfield(L, -2, "sqlite_version");
    return 1;
}
