/* fuzz_host.h: the Lua state the Lua-side fuzz targets share (tests/fuzz/fuzz_*.c).
 *
 * One state for the whole run, made as the cairn binary makes it (host_new: the counting
 * allocator, cairn's C modules, the search path), with cairn's Lua modules read from the source
 * tree (CAIRN_HOME, set to it at build time unless already set). Inputs are run through
 * host_pcall, the one protected path from C into Lua. */
#ifndef CAIRN_FUZZ_HOST_H
#define CAIRN_FUZZ_HOST_H

#include <lua.h>
#include <stddef.h>
#include <stdint.h>

/* The shared state; on first use also runs SETUP (Lua source whose one result, a function, is
 * kept) and returns the state with nothing on its stack. Aborts when the setup fails. */
lua_State *fuzz_state(const char *setup);

/* Push the function SETUP returned. */
void fuzz_push_entry(lua_State *L);

/* Report a finding: print WHAT (and DETAIL, the input or output that shows it) and abort, so
 * that libFuzzer writes the input as a crash file and the replay driver stops on it. */
void fuzz_finding(const char *what, const char *detail, size_t len);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#endif
