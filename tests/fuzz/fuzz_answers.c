/* fuzz_answers.c: a libFuzzer target for the answers-file loader (lua/cairn/tool/answers_file.lua),
 * JSON and sandboxed Lua, run inside the host as `cairn tool run --answers FILE` runs it.
 *
 * The first byte picks the kind (even: JSON, odd: Lua); the rest is the file's text. A finding
 * is a crash or sanitizer report, an error escaping answers_file.parse (it must return nil and
 * a message), a message that does not name the file or shows an internal `.lua:NN` location,
 * or accepted answers that are not plain data (text in UTF-8, numbers, booleans, tables).
 * The sandbox's limits are lowered (200,000 instructions, 8 MiB) so that loops cost little. */
#include <lauxlib.h>
#include <string.h>

#include "fuzz_host.h"
#include "host.h"

static const char SETUP[] =
    "local answers_file = require 'cairn.tool.answers_file'\n"
    "local json = require 'cairn.json'\n"
    "answers_file.limits = { instructions = 200000, memory = 8 << 20 }\n"
    "local NAME = 'fuzz-answers'\n"
    "local function plain(v, depth)\n"
    "  local tv = type(v)\n"
    "  if tv == 'string' then\n"
    "    if not utf8.len(v) then error('accepted text that is not UTF-8', 0) end\n"
    "  elseif tv == 'table' then\n"
    "    if depth > answers_file.max_depth + 1 then error('accepted answers nested past the limit', 0) end\n"
    "    local mt = getmetatable(v)\n"
    "    if mt ~= nil and v ~= json.null and not rawget(mt, '__jsontype') then\n"
    "      error('accepted a table with a metatable', 0)\n"
    "    end\n"
    "    for k, item in next, v do\n"
    "      if type(k) ~= 'string' and type(k) ~= 'number' then error('accepted a ' .. type(k) .. ' key', 0) end\n"
    "      plain(k, depth + 1); plain(item, depth + 1)\n"
    "    end\n"
    "  elseif tv ~= 'number' and tv ~= 'boolean' then\n"
    "    error('accepted a ' .. tv .. ' as an answer', 0)\n"
    "  end\n"
    "end\n"
    "return function(src, is_lua)\n"
    "  local ok, data, err = pcall(answers_file.parse, src, NAME, is_lua)\n"
    "  if not ok then error('an error escaped answers_file.parse: ' .. tostring(data), 0) end\n"
    "  if data == nil then\n"
    "    if type(err) ~= 'string' then error('no message for a refused file', 0) end\n"
    "    if not err:find(NAME, 1, true) then error('the message does not name the file: ' .. err, 0) end\n"
    "    if err:find('%.lua:%d') and not src:find('.lua:', 1, true) then\n"
    "      error('the message shows an internal Lua location: ' .. err, 0)\n"
    "    end\n"
    "    return\n"
    "  end\n"
    "  if type(data) ~= 'table' then error('the answers are a ' .. type(data) .. ', not a table', 0) end\n"
    "  plain(data, 1)\n"
    "end\n";

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (size == 0) return 0;
    lua_State *L = fuzz_state(SETUP);
    fuzz_push_entry(L);
    lua_pushlstring(L, (const char *)data + 1, size - 1);
    lua_pushboolean(L, data[0] & 1);
    if (host_pcall(L, 2, 0) != LUA_OK) {
        size_t len;
        const char *msg = lua_tolstring(L, -1, &len);
        fuzz_finding(msg ? msg : "(no message)", (const char *)data, size);
    }
    lua_settop(L, 0);
    return 0;
}
