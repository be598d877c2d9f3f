/* compile-lua: the build step that precompiles cairn's built-in Lua modules (make's rule for
 * $(B)/luac). Not part of the binary.
 *
 *   compile-lua OUTDIR DATADIR lua/cairn/x.lua ...
 *
 * For each source file, writes OUTDIR/<module>.luac (cairn.plan.core for lua/cairn/plan/core.lua):
 * one header line, "cairn-bytecode <stamp> <path>\n", then the chunk as lua_dump writes it, with
 * its debug information (line numbers in errors and tracebacks stay as they are). <path> is
 * where the running cairn finds the source (DATADIR/lua/...), which is also the chunk's name, so
 * errors name the same file either way; <stamp> is the source's size and modification time.
 * lua/cairn/paths.lua uses a compiled chunk only when both still match the source it found
 * (see paths.compiled_chunk); otherwise it compiles the source as before. */
#define _POSIX_C_SOURCE 200809L
#include <lauxlib.h>
#include <lua.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* The stamp of a file: size, modification seconds and nanoseconds (l_host.c's file_stamp
 * formats it the same way). */
static int stamp_of(const char *path, char *out, size_t n) {
    struct stat sb;
    if (stat(path, &sb) != 0)
        return 1;
    snprintf(out, n, "%lld:%lld:%ld", (long long)sb.st_size, (long long)sb.st_mtim.tv_sec,
             (long)sb.st_mtim.tv_nsec);
    return 0;
}

static int write_chunk(lua_State *L, const void *p, size_t size, void *ud) {
    (void)L;
    return fwrite(p, 1, size, ud) == size ? 0 : 1;
}

/* "lua/cairn/plan/core.lua" -> "cairn.plan.core"; "lua/cairn/x/init.lua" -> "cairn.x" */
static void module_name(const char *rel, char *out, size_t n) {
    const char *s = strncmp(rel, "lua/", 4) == 0 ? rel + 4 : rel;
    snprintf(out, n, "%s", s);
    size_t len = strlen(out);
    if (len > 4 && strcmp(out + len - 4, ".lua") == 0)
        out[len -= 4] = '\0';
    if (len > 5 && strcmp(out + len - 5, "/init") == 0)
        out[len -= 5] = '\0';
    for (char *c = out; *c; c++)
        if (*c == '/')
            *c = '.';
}

static char *read_all(const char *path, size_t *len) {
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap);
    size_t got;
    while (buf && (got = fread(buf + n, 1, cap - n, f)) > 0) {
        n += got;
        if (n == cap) {
            char *bigger = realloc(buf, cap *= 2);
            if (!bigger) {
                free(buf);
                buf = NULL;
                break;
            }
            buf = bigger;
        }
    }
    fclose(f);
    *len = n;
    return buf;
}

static int compile_one(lua_State *L, const char *outdir, const char *datadir, const char *rel) {
    char name[512], path[4096], chunkname[4200], stamp[128], out[4096], tmp[4200];
    module_name(rel, name, sizeof name);
    snprintf(path, sizeof path, "%s/%s", datadir, rel);
    snprintf(chunkname, sizeof chunkname, "@%s", path);
    snprintf(out, sizeof out, "%s/%s.luac", outdir, name);
    snprintf(tmp, sizeof tmp, "%s.tmp", out);
    size_t len;
    char *src = read_all(rel, &len);
    if (!src || stamp_of(rel, stamp, sizeof stamp)) {
        fprintf(stderr, "compile-lua: cannot read %s\n", rel);
        free(src);
        return 1;
    }
    int rc = luaL_loadbufferx(L, src, len, chunkname, "t");
    free(src);
    if (rc != LUA_OK) {
        /* not a build failure: without a compiled chunk cairn loads the source, and reports
         * the error where it always did */
        fprintf(stderr, "compile-lua: %s (left uncompiled)\n", lua_tostring(L, -1));
        lua_pop(L, 1);
        remove(out);
        return 0;
    }
    FILE *f = fopen(tmp, "wb");
    int bad = !f;
    if (f) {
        bad = fprintf(f, "cairn-bytecode %s %s\n", stamp, path) < 0;
        bad = bad || lua_dump(L, write_chunk, f, 0) != 0;
        bad = fclose(f) != 0 || bad;
    }
    lua_pop(L, 1);
    if (bad || rename(tmp, out) != 0) {
        fprintf(stderr, "compile-lua: cannot write %s\n", out);
        remove(tmp);
        return 1;
    }
    return 0;
}

int main(int argc, char **argv) {
    if (argc < 3) {
        fputs("usage: compile-lua OUTDIR DATADIR lua/cairn/x.lua ...\n", stderr);
        return 2;
    }
    lua_State *L = luaL_newstate();
    if (!L)
        return 1;
    int failed = 0;
    for (int i = 3; i < argc; i++)
        failed |= compile_one(L, argv[1], argv[2], argv[i]);
    lua_close(L);
    return failed;
}
