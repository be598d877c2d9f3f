-- cairn.tool.validate: checking answers against a tool's form and its own check function
-- (tool.validate), and the message listing every problem. Part of cairn.tool.
local date = require "cairn.date"
local util = require "cairn.util"
local form = require "cairn.tool.form"
local loader = require "cairn.tool.load"

local M = {}

-- Validate ANSWERS for tool ID. Returns the stored answers, errors and warnings (lists of
-- { path =, message = }). opts.partial: a draft (no "required" or minimum counts);
-- opts.new_people: names accepted though not yet in the workspace.
function M.validate(id, answers, opts)
  opts = opts or {}
  local T = loader.load(id)
  local ctx = { new_people = opts.new_people }
  local stored, errors = form.validate(T, answers, { partial = opts.partial, ctx = ctx })
  if opts.add_people then
    -- names not yet in the workspace become new people (listed in opts.add_people)
    local again = false
    for _, e in ipairs(errors) do
      if e.code == "unknown_person" and type(e.input) == "string" then
        local name = util.squash(e.input)
        ctx.new_people = ctx.new_people or {}
        if not ctx.new_people[name:lower()] then
          ctx.new_people[name:lower()] = name
          if type(opts.add_people) == "table" then table.insert(opts.add_people, name) end
        end
        again = true
      end
    end
    if again then stored, errors = form.validate(T, answers, { partial = opts.partial, ctx = ctx }) end
  end
  local warnings = {}
  if T.check and (#errors == 0 or opts.partial) then
    local c = {
      error = function(path, msg) errors[#errors + 1] = { path = path or "", message = msg, check = true } end,
      warn = function(path, msg) warnings[#warnings + 1] = { path = path or "", message = msg } end,
      partial = opts.partial or false,
      date = date,
    }
    local ok, err = pcall(T.check, stored, c)
    if not ok and not opts.partial then
      errors[#errors + 1] = { path = "", message = string.format("%s: the tool's check failed: %s",
        T.path, tostring(err)) }
    end
  end
  return stored, errors, warnings
end

function M.problems_message(T, errors, where)
  local lines = { string.format("%s%s: %d problem%s in the answers:", where and (where .. ": ") or "",
    T.id, #errors, #errors == 1 and "" or "s") }
  for _, e in ipairs(errors) do lines[#lines + 1] = "  " .. form.format_error(e) end
  return table.concat(lines, "\n")
end

return M
