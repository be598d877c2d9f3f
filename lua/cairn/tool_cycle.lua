-- cairn.tool_cycle: run a framework's tools in order from a folder of answers files, the way a
-- planning team works through a cycle (NEA Prepare -> Act -> Reflect, Massachusetts
-- Create -> Align -> Implement). scripts/workflows/*_cycle.lua declare the steps and what to
-- show at the end; this module does the running, so both cycles (and a district's own) behave
-- the same way.
--
--   local cycle = require "cairn.tool_cycle"
--   cycle.run {
--     name = "NEA Collaborating for Student Success",
--     steps = { { stage = "Prepare", chapter = "Discover Shared Goals", tool = "discovering_shared_goals" }, ... },
--     args = arg,                        -- FOLDER [--as-of DATE] [--out DIR] [--format md|html|...]
--     after = function(ctx) ... end,    -- optional: print what the cycle produced
--   }
--
-- For each step the answers are FOLDER/ID.json, FOLDER/ID.lua or FOLDER/ID/answers.json (the
-- layout of tests/tools/); a step without answers is skipped and said so. The people the answers
-- name come first, from FOLDER/people.json or FOLDER/people.lua: a list of people
-- ({ name =, role =, org =, org_name =, contact = }), read like any answers file (a Lua file runs
-- in the sandbox: it returns the list and cannot touch files, commands or the workspace). Any
-- error stops the cycle and, as with every `cairn run`, nothing it wrote is kept.
local host = require "cairn.host"
local tool = require "cairn.tool"
local worksheet = require "cairn.tool.worksheet"

local cycle = {}

local usage = "usage: cairn run %s FOLDER [--as-of YYYY-MM-DD] [--out DIR] [--format md|html|txt|json]"

local function parse(args, script)
  local opts = { format = "md" }
  local i = 1
  while args[i] do
    local a = args[i]
    if a == "--as-of" or a == "--out" or a == "--format" then
      local v = args[i + 1]
      if not v then error(string.format("%s needs a value\n" .. usage, a, script), 0) end
      opts[a:sub(3):gsub("%-", "_")] = v
      i = i + 2
    elseif a:match("^%-") then
      error(string.format("unknown option '%s'\n" .. usage, a, script), 0)
    elseif not opts.folder then
      opts.folder = a
      i = i + 1
    else
      error(string.format("unexpected argument '%s'\n" .. usage, a, script), 0)
    end
  end
  if not opts.folder then error(string.format("expected a folder of answers files\n" .. usage, script), 0) end
  if host.file_kind(opts.folder) ~= "dir" then error(opts.folder .. ": not a folder", 0) end
  if opts.out and host.file_kind(opts.out) ~= "dir" then error(opts.out .. ": not a folder", 0) end
  if opts.as_of and not require("cairn.date").is_iso(opts.as_of) then
    error(string.format("--as-of: '%s' is not a date (expected YYYY-MM-DD)", opts.as_of), 0)
  end
  return opts
end

-- The answers file for tool ID in FOLDER, or nil.
function cycle.answers_file(folder, id)
  for _, rel in ipairs { id .. ".json", id .. ".lua", id .. "/answers.json", id .. "/answers.lua" } do
    local p = folder .. "/" .. rel
    if host.file_kind(p) == "file" then return p end
  end
  return nil
end

local irregular = { person = "people" }
local function plural(n, word)
  return string.format("%d %s", n, n == 1 and word or (irregular[word] or (word .. "s")))
end

-- Run SPEC (see the top of this file). Returns the context: { opts, worksheets = { id = w } }.
function cycle.run(spec)
  local script = spec.args and spec.args[0] or "CYCLE.lua"
  local opts = parse(spec.args or {}, script)
  local plan = require "cairn.plan"
  local out = io.stdout
  out:write(spec.name, "\n")
  local people_file = cycle.answers_file(opts.folder, "people")
  if people_file then
    local people, err = require("cairn.tool.answers_file").load(people_file)
    if not people then error(err, 0) end
    for i, p in ipairs(people) do
      if type(p) ~= "table" or type(p.name) ~= "string" then
        error(string.format("%s: %d: expected a person with a name (name =, role =, org =, contact =)", people_file, i), 0)
      end
      plan.person(p)
    end
    out:write(string.format("people: %s from %s\n", plural(#plan.people(), "person"), people_file))
  end
  local ctx = { opts = opts, worksheets = {}, plan = plan }
  local last
  for n, step in ipairs(spec.steps) do
    local heading = step.stage .. (step.chapter and (": " .. step.chapter) or "")
    if heading ~= last then out:write("\n", heading, "\n"); last = heading end
    local file = cycle.answers_file(opts.folder, step.tool)
    local T = tool.load(step.tool)
    if not file then
      out:write(string.format("  %d. %s: no answers in %s, skipped\n", n, T.title, opts.folder))
    else
      local w = tool.run(step.tool, file, { quiet = true, as_of = opts.as_of })
      ctx.worksheets[step.tool] = w
      local plans, items = worksheet.plans(w.id), 0
      for _, pid in ipairs(plans) do items = items + #plan.get(pid):items() end
      out:write(string.format("  %d. %s\n     worksheet %d: %s\n     %s%s\n", n, T.title, w.id, w.title,
        #plans > 0 and string.format("%s, %s in the plan model", plural(#plans, "plan"), plural(items, "item"))
          or "no plan content",
        #(w.warnings or {}) > 0 and ("; " .. plural(#w.warnings, "warning") .. " (cairn tool run shows them)") or ""))
      if step.note then out:write("     ", step.note, "\n") end
      if opts.out then
        local path = string.format("%s/%02d-%s.%s", opts.out, n, step.tool, opts.format)
        tool.report(w, opts.format, { out = path, as_of = opts.as_of })
      end
    end
  end
  if spec.after then
    out:write("\n")
    spec.after(ctx)
  end
  if opts.out then out:write(string.format("\nreports written to %s\n", opts.out)) end
  return ctx
end

return cycle
