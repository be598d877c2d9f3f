/* host.h: the Lua state cairn runs in.
 *
 * The host creates the state (with an allocator that counts its bytes), registers cairn's C
 * modules in package.preload, sets the start-up search path (the built-in lua/ and Debian's Lua
 * folders; lua/cairn/paths.lua then installs the district search path), and owns the one
 * protected path from C into Lua: host_pcall(). Ctrl-C during a call stops the Lua code (in
 * coroutines too) through a hook and any running query through sqlite3_interrupt. */
#ifndef CAIRN_HOST_H
#define CAIRN_HOST_H

#include <lua.h>
#include <stddef.h>

#define CAIRN_VERSION "0.1.0"

/* Every state host_new makes counts the bytes it has allocated, so that cairn.sandbox
 * (l_sandbox.c) can cap a sandboxed chunk's memory and instructions. */
struct host_alloc {
    size_t used;         /* bytes allocated now */
    size_t limit;        /* 0: none; else growth past this many bytes is refused */
    lua_Integer budget;  /* instructions a sandboxed chunk may still execute */
    int sandboxed;       /* a sandbox.call is running */
    int exhausted;       /* its instruction budget is spent */
    int refused;         /* an allocation was refused at the limit */
    int exiting;         /* host_close_for_exit: blocks are left to the process's exit */
};

/* Create the state with standard libraries, C modules and search path. NULL when out of memory. */
lua_State *host_new(void);
void host_close(lua_State *L);
/* host_close for a process about to exit: every finalizer runs as in host_close (databases
 * close, files flush), but the memory blocks are left to the exit instead of being freed one
 * by one (a tenth of a short command's work). Frees them all under ASan or valgrind. */
void host_close_for_exit(lua_State *L);

/* Call the function below NARGS arguments on the stack, in protected mode, with a message
 * handler that adds a traceback and with Ctrl-C armed. On error leaves the message on the stack
 * and keeps the traceback for host_last_traceback(). Returns a lua_pcall status. */
int host_pcall(lua_State *L, int nargs, int nresults);

/* Print the error message on top of the stack to stderr (and its traceback when CAIRN_TRACE is
 * set), then pop it. */
void host_report(lua_State *L, int status);

/* The traceback of the last error caught by host_pcall (empty if none). */
const char *host_last_traceback(lua_State *L);

/* True once Ctrl-C was pressed since the last host_pcall started. */
int host_interrupted(void);

/* Where the built-in lua/ and scripts/ folders are: beside the binary in a source tree, else the
 * installed data folder. */
const char *host_datadir(void);

/* Where cairn's loadable modules (cairn-xlsx.so) are: beside the binary in a source tree, else
 * the installed library folder. host_libfile fills BUF with the path of NAME and returns 1 when
 * that file exists. */
const char *host_libdir(void);
int host_libfile(const char *name, char *buf, size_t size);

/* The folder of compiled built-in modules that make writes (CAIRN_BYTECODE_DIR, relative to
 * the binary's folder), or NULL when there is none: an installed cairn loads the sources. */
const char *host_bytecode_folder(void);

/* Pushes the chunk compiled from SOURCE that CACHE_FILE holds (src/tools/compile-lua.c) and
 * returns 1, when its header names SOURCE with the size and modification time SOURCE has now and
 * the chunk loads; else pushes nothing and returns 0 (the caller compiles the source). */
int host_load_compiled(lua_State *L, const char *cache_file, const char *source);

/* The REPL, in repl.c: reads chunks (libedit on a terminal, plain reads otherwise), runs them
 * through the Lua side (cairn.repl) and never dies on a Lua error. Returns an exit status. */
int repl_run(lua_State *L);

/* host.readline(prompt [, text]) -> line | nil at end of input; raises "interrupted" on Ctrl-C.
 * One answer read with libedit on a terminal (repl.c), for questions scripts and tools ask;
 * TEXT starts the line already typed, to be changed. */
int repl_readline(lua_State *L);

#endif
