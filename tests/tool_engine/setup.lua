-- Shared set-up for the tool engine's unit tests (tests/lua/tool_*_test.lua): puts
-- tests/tool_engine on the search path (after the workspace folder, so a district copy in
-- ./tools still wins) and creates a scratch workspace in the current folder.
local tests = assert(os.getenv("CAIRN_TESTS"), "CAIRN_TESTS is not set (run through tests/run)")
local paths = require "cairn.paths"
local roots = paths.roots
paths.roots = function()
  local r = roots()
  table.insert(r, 2, tests .. "/tool_engine")
  return r
end
local ws = require "cairn.workspace"
os.remove("ws.db")
ws.create("Riverside Unified", "ws.db")
return { tests = tests, dir = tests .. "/tool_engine" }
