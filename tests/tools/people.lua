-- The people of the small demo district the planning-tool answers files refer to
-- (Riverside Unified), from people.json beside this file. Run first (a trusted script):
-- `cairn run $TESTS/tools/people.lua`. The cycles (scripts/workflows/*_cycle.lua) read
-- people.json themselves: a folder of answers is data, never code with the run's rights.
local plan = require "cairn.plan"
local json = require "cairn.json"
local here = debug.getinfo(1, "S").source:match("^@(.*)/[^/]*$") or "."
local src = assert(require("cairn.util").read_file(here .. "/people.json"))
for _, p in ipairs(assert(json.decode(src, here .. "/people.json"))) do plan.person(p) end
print(string.format("%d people in %s", #plan.people(), require("cairn.workspace").district()))
