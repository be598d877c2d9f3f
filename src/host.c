/* host.c: the Lua state, its search path, the one protected call, and Ctrl-C. See host.h. */
#define _POSIX_C_SOURCE 200809L
#include "host.h"
#include "store.h"

#include <lauxlib.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <lualib.h>

#include "l_db.h"
#include "modules.h"

#ifndef CAIRN_DATADIR
#define CAIRN_DATADIR "/usr/local/share/cairn"
#endif

static const char TRACEBACK_KEY = 't'; /* registry key: traceback of the last error */

static lua_State *volatile running_state; /* the state a host_pcall is running, for SIGINT */
static volatile sig_atomic_t interrupted;

int host_interrupted(void) { return interrupted; }

/* The hook a SIGINT installs: it runs at the next Lua instruction and raises the error there,
 * where raising is safe (the technique of lua.c's laction/lstop). */
static void stop_hook(lua_State *L, lua_Debug *ar) {
    (void)ar;
    lua_sethook(L, NULL, 0, 0);
    luaL_error(L, "interrupted");
}

static void on_sigint(int sig) {
    (void)sig;
    interrupted = 1;
    if (running_state)
        lua_sethook(running_state, stop_hook, LUA_MASKCALL | LUA_MASKRET | LUA_MASKCOUNT, 1);
    ldb_interrupt_all();
}

/* While a host_pcall runs, every thread looks at the Ctrl-C flag every INTERRUPT_STEP
 * instructions. SIGINT sets a hook on the running state only; a loop inside a coroutine runs on
 * another lua_State, which inherits this hook when it is created (lua_newthread copies it). */
#define INTERRUPT_STEP 10000
static void interrupt_hook(lua_State *L, lua_Debug *ar) {
    (void)ar;
    if (interrupted) {
        lua_sethook(L, NULL, 0, 0);
        luaL_error(L, "interrupted");
    }
}

/* Message handler: turn any error value into a string and keep a traceback beside it. */
static int msghandler(lua_State *L) {
    const char *msg = lua_tostring(L, 1);
    if (msg == NULL) {
        if (luaL_callmeta(L, 1, "__tostring") && lua_type(L, -1) == LUA_TSTRING)
            return 1; /* an error object with its own message */
        lua_pushfstring(L, "(error object is a %s value)", luaL_typename(L, 1));
        lua_replace(L, 1); /* the message is what the caller reports */
    }
    luaL_traceback(L, L, NULL, 1);
    lua_rawsetp(L, LUA_REGISTRYINDEX, &TRACEBACK_KEY);
    lua_settop(L, 1);
    return 1;
}

int host_pcall(lua_State *L, int nargs, int nresults) {
    int base = lua_gettop(L) - nargs;
    lua_pushcfunction(L, msghandler);
    lua_insert(L, base);
    interrupted = 0;
    lua_State *outer = running_state;
    running_state = L;
    struct sigaction sa, old;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_sigint;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, &old);
    lua_sethook(L, interrupt_hook, LUA_MASKCOUNT, INTERRUPT_STEP);
    int status = lua_pcall(L, nargs, nresults, base);
    sigaction(SIGINT, &old, NULL);
    running_state = outer;
    lua_sethook(L, NULL, 0, 0);
    lua_remove(L, base);
    return status;
}

const char *host_last_traceback(lua_State *L) {
    lua_rawgetp(L, LUA_REGISTRYINDEX, &TRACEBACK_KEY);
    const char *tb = lua_tostring(L, -1);
    lua_pop(L, 1); /* the string stays alive in the registry */
    return tb ? tb : "";
}

void host_report(lua_State *L, int status) {
    if (status == LUA_OK)
        return;
    const char *msg = lua_tostring(L, -1);
    fprintf(stderr, "cairn: %s\n", msg ? msg : "(error without a message)");
    const char *trace = getenv("CAIRN_TRACE");
    if (trace && *trace && strcmp(trace, "0") != 0)
        fprintf(stderr, "%s\n", host_last_traceback(L));
    fflush(stderr);
    lua_pop(L, 1);
}

#ifndef CAIRN_LIBDIR
#define CAIRN_LIBDIR "/usr/local/lib/cairn"
#endif

/* The folder of the running binary, or "" when it cannot be known. */
static const char *exe_dir(void) {
    static char dir[PATH_MAX];
    static int done;
    if (done)
        return dir;
    done = 1;
    ssize_t n = readlink("/proc/self/exe", dir, sizeof dir - 1);
    if (n <= 0) {
        dir[0] = '\0';
        return dir;
    }
    dir[n] = '\0';
    char *slash = strrchr(dir, '/');
    if (slash)
        *slash = '\0';
    return dir;
}

/* Built-in lua/ and scripts/: CAIRN_HOME if set; beside the binary when it runs from a source
 * tree (so make and the tests need no install); BINDIR/../share/cairn, so an installed tree
 * works wherever it is moved or staged (DESTDIR); else the compiled data folder. */
const char *host_datadir(void) {
    static char dir[PATH_MAX];
    if (dir[0])
        return dir;
    const char *home = getenv("CAIRN_HOME");
    if (home && *home) {
        snprintf(dir, sizeof dir, "%s", home);
        return dir;
    }
    const char *exe = exe_dir();
    if (exe[0]) {
        const char *tries[] = {"%s", "%s/../share/cairn"};
        for (int i = 0; i < 2; i++) {
            char base[PATH_MAX], probe[PATH_MAX + 32];
            snprintf(base, sizeof base, tries[i], exe);
            snprintf(probe, sizeof probe, "%s/lua/cairn/cli.lua", base);
            if (access(probe, R_OK) == 0) {
                snprintf(dir, sizeof dir, "%s", base);
                return dir;
            }
        }
    }
    snprintf(dir, sizeof dir, "%s", CAIRN_DATADIR);
    return dir;
}

const char *host_libdir(void) { return CAIRN_LIBDIR; }

/* Reads the rest of a compiled chunk's file for lua_load. */
struct chunk_reader {
    FILE *f;
    char buf[BUFSIZ];
};
static const char *read_chunk(lua_State *L, void *ud, size_t *size) {
    (void)L;
    struct chunk_reader *r = ud;
    *size = fread(r->buf, 1, sizeof r->buf, r->f);
    return *size ? r->buf : NULL;
}

int host_load_compiled(lua_State *L, const char *cache_file, const char *source) {
    FILE *f = fopen(cache_file, "rb");
    if (!f)
        return 0;
    char header[PATH_MAX + 128], want[PATH_MAX + 128];
    struct stat sb;
    int ok = fgets(header, sizeof header, f) != NULL && stat(source, &sb) == 0 &&
             S_ISREG(sb.st_mode) &&
             snprintf(want, sizeof want, "cairn-bytecode %lld:%lld:%ld %s\n", (long long)sb.st_size,
                      (long long)sb.st_mtim.tv_sec, (long)sb.st_mtim.tv_nsec, source) < (int)sizeof want &&
             strcmp(header, want) == 0;
    if (ok) {
        static struct chunk_reader reader; /* one load at a time; keeps BUFSIZ off the C stack */
        reader.f = f;
        ok = lua_load(L, read_chunk, &reader, source, "b") == LUA_OK;
        if (!ok)
            lua_pop(L, 1); /* the error message: the source will be compiled instead */
    }
    fclose(f);
    return ok;
}

const char *host_bytecode_folder(void) {
#ifdef CAIRN_BYTECODE_DIR
    static char dir[PATH_MAX];
    static int done;
    if (!done) {
        done = 1;
        const char *exe = exe_dir();
        if (exe[0] && snprintf(dir, sizeof dir, "%s/%s", exe, CAIRN_BYTECODE_DIR) < (int)sizeof dir &&
            access(dir, X_OK) == 0)
            return dir;
        dir[0] = '\0';
    }
    return dir[0] ? dir : NULL;
#else
    return NULL;
#endif
}

int host_libfile(const char *name, char *buf, size_t size) {
    const char *exe = exe_dir();
    const char *fmts[3] = {"%s/%s", "%s/../lib/cairn/%s", "%s/%s"};
    const char *dirs[3] = {exe, exe, CAIRN_LIBDIR};
    for (int i = 0; i < 3; i++) {
        if (!dirs[i][0])
            continue;
        if (snprintf(buf, size, fmts[i], dirs[i], name) < (int)size && access(buf, R_OK) == 0)
            return 1;
    }
    return 0;
}

/* package.path at start-up: cairn's own lua/ and Debian's Lua folders, nothing else (never the
 * current folder). lua/cairn/paths.lua then installs the one search path, which adds the
 * workspace's folder, $CAIRN_PATH and the config folder for district files and modules. */
static void set_search_path(lua_State *L) {
    const char *data = host_datadir();
    lua_getglobal(L, "package");
    lua_pushfstring(L,
                    "%s/lua/?.lua;%s/lua/?/init.lua;"
                    "/usr/local/share/lua/5.4/?.lua;/usr/share/lua/5.4/?.lua;"
                    "/usr/share/lua/5.4/?/init.lua",
                    data, data);
    lua_setfield(L, -2, "path");
    lua_pop(L, 1);
}

static void warn_to_stderr(void *ud, const char *msg, int tocont) {
    (void)ud;
    fputs(msg, stderr);
    if (!tocont)
        fputc('\n', stderr);
}

/* Under a leak checker every block must be freed, or the whole state shows up as lost.
 * -D'LEAK_CHECKED()=0' builds the allocator as released, to count instructions under callgrind. */
#ifndef LEAK_CHECKED
#if defined(__SANITIZE_ADDRESS__)
#define LEAK_CHECKED() 1
#elif defined(__has_include)
#if __has_include(<valgrind/valgrind.h>)
#include <valgrind/valgrind.h>
#define LEAK_CHECKED() RUNNING_ON_VALGRIND
#endif
#endif
#endif
#ifndef LEAK_CHECKED
#define LEAK_CHECKED() 0
#endif

/* Small blocks (most of what Lua allocates: strings, tables, closures, prototypes) come from a
 * pool: a free list per 16-byte size class, carved from 64 KiB chunks. While the heap grows (all
 * of start-up) glibc's malloc costs about 150 instructions a block, the pool about 20: a tenth
 * of a short command's work. A freed small block goes back to its class's list for the next one
 * of that size; the chunks are freed with the state. Lua always gives a block's size when it
 * resizes or frees it, so the pool needs no header: a block is the pool's when that size is at
 * most POOL_MAX. Under a leak checker (ASan, valgrind) every block comes from malloc, so that
 * the checker sees each one. */
#define POOL_STEP 16
#define POOL_MAX 256
#define POOL_CLASSES (POOL_MAX / POOL_STEP)
#define POOL_CHUNK (64 * 1024)

struct pool {
    void *free[POOL_CLASSES]; /* per class, blocks freed (each block's first word: the next) */
    char *next, *end;         /* the current chunk's part not handed out yet */
    void *chunks;             /* every chunk (each chunk's first word: the one before) */
    int off;                  /* leak-checked: plain malloc for every block */
};

/* What lua_getallocf gives: the counts (struct host_alloc, first, so l_sandbox.c and l_db.c
 * read it as one) and the pool. */
struct host_heap {
    struct host_alloc counts;
    struct pool pool;
};

static size_t pool_class(size_t n) { return (n - 1) / POOL_STEP; }

static void *pool_get(struct pool *p, size_t n) {
    size_t c = pool_class(n);
    void *b = p->free[c];
    if (b) {
        p->free[c] = *(void **)b;
        return b;
    }
    size_t size = (c + 1) * POOL_STEP;
    if ((size_t)(p->end - p->next) < size) {
        char *chunk = malloc(POOL_CHUNK);
        if (!chunk)
            return NULL;
        *(void **)chunk = p->chunks;
        p->chunks = chunk;
        p->next = chunk + POOL_STEP; /* the link, then blocks aligned as malloc's are */
        p->end = chunk + POOL_CHUNK;
    }
    b = p->next;
    p->next += size;
    return b;
}

static void pool_put(struct pool *p, void *b, size_t n) {
    size_t c = pool_class(n);
    *(void **)b = p->free[c];
    p->free[c] = b;
}

static void pool_free_all(struct pool *p) {
    while (p->chunks) {
        void *before = *(void **)p->chunks;
        free(p->chunks);
        p->chunks = before;
    }
}

/* realloc for Lua (OLD is 0 for a new block). Never fails to shrink: Lua requires it. */
static void *heap_realloc(struct pool *p, void *ptr, size_t old, size_t n) {
    if (p->off || (old > POOL_MAX && n > POOL_MAX))
        return realloc(ptr, n);
    if (old && old <= POOL_MAX && n <= POOL_MAX && pool_class(old) == pool_class(n))
        return ptr;
    void *b = n <= POOL_MAX ? pool_get(p, n) : malloc(n);
    if (!b)
        /* only a shrink from malloc's block into the pool's can get here with a block: keep
         * the bigger block; freed with this size it joins the pool, lost only at host_close */
        return n < old ? ptr : NULL;
    if (old)
        memcpy(b, ptr, old < n ? old : n);
    if (old > POOL_MAX)
        free(ptr);
    else if (old)
        pool_put(p, ptr, old);
    return b;
}

/* The allocator: the pool and malloc, keeping count of the bytes in use and refusing to grow
 * past a sandbox's limit (shrinking never fails, as Lua requires). */
static void *counting_alloc(void *ud, void *ptr, size_t osize, size_t nsize) {
    struct host_heap *h = ud;
    struct host_alloc *a = &h->counts;
    size_t old = ptr ? osize : 0; /* for a new block osize is the object's type, not a size */
    if (nsize == 0) {
        if (ptr && !a->exiting) {
            if (h->pool.off || old > POOL_MAX)
                free(ptr);
            else
                pool_put(&h->pool, ptr, old);
        }
        a->used -= old;
        return NULL;
    }
    if (a->limit && nsize > old && a->used + (nsize - old) > a->limit) {
        a->refused = 1;
        return NULL;
    }
    void *p = heap_realloc(&h->pool, ptr, old, nsize);
    if (p)
        a->used = a->used - old + nsize;
    return p;
}

static int on_panic(lua_State *L) {
    const char *msg = lua_tostring(L, -1);
    fprintf(stderr, "cairn: unprotected error: %s\n", msg ? msg : "(not a string)");
    return 0; /* then Lua aborts */
}

lua_State *host_new(void) {
    store_setup();
    struct host_heap *h = calloc(1, sizeof *h);
    if (!h)
        return NULL;
    h->pool.off = LEAK_CHECKED();
    lua_State *L = lua_newstate(counting_alloc, h);
    if (!L) {
        pool_free_all(&h->pool);
        free(h);
        return NULL;
    }
    lua_atpanic(L, on_panic);
    lua_setwarnf(L, warn_to_stderr, NULL);
    luaL_openlibs(L);
    set_search_path(L);
    luaL_getsubtable(L, LUA_REGISTRYINDEX, LUA_PRELOAD_TABLE);
#define CAIRN_PRELOAD(name, fn) \
    lua_pushcfunction(L, fn);   \
    lua_setfield(L, -2, name);
    CAIRN_C_MODULES(CAIRN_PRELOAD)
#undef CAIRN_PRELOAD
    lua_pop(L, 1);
    return L;
}

void host_close_for_exit(lua_State *L) {
    if (!L)
        return;
    if (!LEAK_CHECKED()) {
        struct host_alloc *a = NULL;
        lua_getallocf(L, (void **)&a);
        a->exiting = 1;
    }
    host_close(L);
}

void host_close(lua_State *L) {
    if (L) {
        void *ud = NULL;
        lua_getallocf(L, &ud);
        lua_close(L);
        struct host_heap *h = ud;
        pool_free_all(&h->pool);
        free(h);
    }
}
