-- Every host function and every method of the workspace handle has a help text, and the
-- registry that other modules use works by value and by name.
local t = require "tap"
local help = require "cairn.help"

local function undocumented(tbl)
  local missing = {}
  for k, v in pairs(tbl) do
    if type(v) == "function" and not help.lookup(v) then missing[#missing + 1] = k end
  end
  table.sort(missing)
  return missing
end

for _, name in ipairs { "cairn.host", "cairn.workspace", "cairn.json", "cairn.text", "cairn.paths",
  "cairn.args", "cairn.pretty" } do
  t.same(undocumented(require(name)), {}, name .. ": every function has a help text")
end
local db = require("cairn.db").open(":memory:")
t.same(undocumented(debug.getmetatable(db).__index), {}, "cairn.db: every method has a help text")
t.ok(help.lookup(require("cairn.db").open), "cairn.db.open has a help text")
db:close()

-- the registry as other modules use it
local mod = { go = function() end, stop = function() end }
help.register(mod.go, "mod.go", "mod.go(x) -> y\nGoes.")
help.module(mod, "mod", { stop = "mod.stop() stops" })
help.topic("mod", "a test module")
t.is(help.lookup(mod.go), "mod.go(x) -> y\nGoes.", "lookup by value")
t.is(help.lookup("mod.stop"), "mod.stop() stops", "lookup by name")
t.is(help.lookup("mod:stop"), "mod.stop() stops", "':' and '.' are the same in names")
t.is(help.lookup("mod"), "a test module", "a topic")
t.is(help.lookup(function() end), nil, "an unknown function has none")
t.raises(function() help.register(mod.go, nil, "x") end, "expected a name", "register checks its name")
t.raises(function() help.register(mod.go, "x") end, "expected a doc", "register checks its doc")

-- help() prints; capture it
local out = {}
local real = io.stdout
io.stdout = { write = function(_, ...) for _, s in ipairs { ... } do out[#out + 1] = s end end }
local ok = pcall(help.help)
io.stdout = real
local text = table.concat(out)
t.ok(ok and text:find("globals:", 1, true) and text:find("\n  mod +a test module"),
  "help() lists the topics, including registered ones")
t.done()
