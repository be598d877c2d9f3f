-- What `make demo` shows when there is no terminal: what a facilitator would look at first.
-- Each step is an ordinary Lua call; in the REPL you type the same thing.
local ws = require "cairn.workspace"
local tool = require "cairn.tool"
local plan = require "cairn.plan"

local as_of = "2026-11-26"
local function heading(s) io.write("\n== ", s, " ==\n") end

io.write(string.format("cairn demo: %s (%s), as of %s\n", ws.district(), ws.path(), as_of))

heading("The guidebook tools (tools())")
local n = 0
for _ in pairs(tool.list()) do n = n + 1 end
print(string.format("%d tools; for example:", n))
print(tools and tools("wested") or "")

heading("Where the district stands in each framework (progress())")
print(require("cairn.progress").status { as_of = as_of })

heading("Overdue work (plan.overdue{as_of = ...})")
print(plan.overdue { as_of = as_of })

heading("Reports written by make demo")
for _, f in ipairs(require("cairn.host").list_dir("demo/reports") or {}) do print("  demo/reports/" .. f) end
