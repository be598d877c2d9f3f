-- Every REPL global, every function of the modules behind them and every worksheet method has a
-- help text, found by value and by name (help(x), help "x" and ?x share the same lookup).
local t = require "tap"
local help = require "cairn.help"
local prelude = require "cairn.prelude"
help.load_builtin()

local function undocumented(tbl)
  local missing = {}
  for k, v in pairs(tbl) do
    if type(v) == "function" and not k:match("^__") and not help.lookup(v) then missing[#missing + 1] = k end
  end
  table.sort(missing)
  return missing
end

for _, name in ipairs { "tools", "run", "resume", "worksheets", "help" } do
  local v = prelude.env()[name]
  t.ok(help.lookup(v), "help(" .. name .. ") has a text")
  t.ok(help.lookup(name), "help \"" .. name .. "\" has a text")
end
for _, name in ipairs { "db", "ws", "json", "plan", "tool", "survey", "report", "team" } do
  t.ok(help.lookup(name), "help \"" .. name .. "\" has a text")
end
for _, name in ipairs { "plan", "tool", "survey", "report", "team" } do
  t.same(undocumented(require("cairn." .. name)), {}, "cairn." .. name .. ": every function has a help text")
  t.ok(help.lookup(require("cairn." .. name)), "help(" .. name .. ") finds the module")
end
t.same(undocumented(require("cairn.tool").worksheet_class), {}, "every worksheet method has a help text")
t.ok(help.lookup("worksheet:edit"), "worksheet methods by name")

local suggest = require "cairn.suggest"
t.same(suggest.closest("reprot", { "report", "run", "sql" }), { "report" }, "a swap of two letters")
t.same(suggest.closest("lsit", { "list", "show", "run" }), { "list" }, "lsit -> list")
t.same(suggest.closest("result", { "results", "import" }), { "results" }, "a prefix")
t.same(suggest.closest("zzz", { "list", "show" }), {}, "nothing close: no suggestion")
t.is(suggest.hint("fromat", { "format", "json", "out" }), " (did you mean format?)", "the hint text")
t.done()
