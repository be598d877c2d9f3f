-- The guidebooks' worked examples (scripts/tools/examples/ID.lua): each one belongs to a tool,
-- validates against that tool's fields with no errors (warnings are the tool's advice on the
-- guidebook's own wording, shown as comments), and names every person it uses in its people
-- list (the workspace has none). A broken example file is
-- refused with its file named.
local t = require "tap"
local ws = require "cairn.workspace"
local host = require "cairn.host"
local tool = require "cairn.tool"
local examples = require "cairn.tool.examples"
local form = require "cairn.tool.form"

ws.create("Riverside Unified", "examples.db") -- no people: every name must come from the example

local list = examples.list()
t.ok(#list >= 4, "the worked examples are found along the search path (" .. #list .. ")")
for _, e in ipairs(list) do
  local okT, T = pcall(tool.load, e.name)
  t.ok(okT, e.name .. ": the example belongs to a tool")
  if okT then
    local ex = examples.find(e.name)
    local _, errors, warnings = examples.validate(T, ex)
    local msgs = {}
    for _, x in ipairs(errors) do msgs[#msgs + 1] = "error: " .. form.format_error(x) end
    for _, x in ipairs(warnings) do io.write("# ", e.name, " warning: ", form.format_error(x), "\n") end
    t.is(table.concat(msgs, "\n"), "", e.name .. ": the example validates against the tool's fields")
  end
end

-- the examples the issue names are there
for _, id in ipairs { "sample_planning_process", "project_plan", "goals_objectives", "overarching_goals",
    "extending_the_invitation", "ma_district_action_plan" } do
  t.ok(examples.find(id) ~= nil, id .. " has its guidebook's worked example")
end
t.is(examples.find("five_whys"), nil, "a tool whose guidebook has no worked example has none")

-- a district's broken example file: refused, naming the file
host.mkdir("tools/examples")
local f = assert(io.open("tools/examples/bad.lua", "w"))
f:write("return { title = 'x', answers = {}, colour = 'red' }\n")
f:close()
t.raises(function() examples.load_file("tools/examples/bad.lua") end,
  "tools/examples/bad.lua: unknown key 'colour'", "an unknown key in an example names the file")
f = assert(io.open("tools/examples/bad2.lua", "w"))
f:write("return { title = 'x', answers = { os.time() } }\n")
f:close()
t.raises(function() examples.load_file("tools/examples/bad2.lua") end,
  "bad2.lua:1:", "an example is data: it cannot call functions")

-- a district adds its own example beside its workspace: found, and checked like cairn's
f = assert(io.open("tools/examples/five_whys.lua", "w"))
f:write([[return { title = "Riverside attendance", answers = { problem = "Ninth-grade absences rose.",
  whys = { { reason = "Buses arrive late" } }, root_causes = { { cause = "Merged routes" } } } }
]])
f:close()
local own = examples.find("five_whys")
t.is(own and own.title, "Riverside attendance", "a district's tools/examples/ID.lua is found on the search path")
local _, errs = examples.validate(tool.load("five_whys"), own)
t.is(#errs, 0, "the district's example validates against its tool")
t.done()
