-- cairn.tool.worksheets: opening and listing saved worksheets, editing one from Lua or on the
-- terminal (tool.edit, tool.resume), and the paths inside answers ("whys[2].evidence") edits
-- use. Part of cairn.tool.
local util = require "cairn.util"
local worksheet = require "cairn.tool.worksheet"
local loader = require "cairn.tool.load"
local validate = require "cairn.tool.validate"
local save = require "cairn.tool.save"

local M = {}

-- "whys[2].evidence" -> { "whys", 2, "evidence" }, or nil.
function M.parse_path(p)
  local out = {}
  local pos = 1
  while pos <= #p do
    local name, after = p:match("^%.?([%a_][%w_]*)()", pos)
    if name then
      out[#out + 1] = name
      pos = after
    else
      local idx, after2 = p:match("^%[(%d+)%]()", pos)
      if not idx then return nil end
      out[#out + 1] = tonumber(idx)
      pos = after2
    end
  end
  return #out > 0 and out or nil
end


-- ---- worksheets ------------------------------------------------------------------------------

function M.open_worksheet(id)
  if getmetatable(id) == worksheet.class then return id end
  return worksheet.get(id)
end

-- Worksheets, newest first; filter { tool =, status = } (a string filter is a tool id).
function M.worksheets(filter)
  if type(filter) == "string" then filter = { tool = filter } end
  return setmetatable(worksheet.list(filter), worksheet.list_mt)
end

-- Edit worksheet W: interactively (CHANGES nil) or with CHANGES from Lua ({ field = value } or
-- { ["table[2].column"] = value }; "" clears). Saves a new revision; returns W, refreshed.
function M.edit(w, changes, opts)
  opts = opts or {}
  w = M.open_worksheet(w)
  local T = loader.load(w.tool)
  -- a tool whose stored shape changed turns an old worksheet's answers into today's shape
  if T.upgrade_answers then w.answers = T.upgrade_answers(util.deep_copy(w.answers)) end
  if changes == nil then
    return require("cairn.tool.interact").edit(T, w, opts)
  end
  if type(changes) ~= "table" then error("edit: expected a table of changes", 2) end
  local answers = util.deep_copy(w.answers)
  local keys = {}
  for k in pairs(changes) do keys[#keys + 1] = k end
  table.sort(keys, function(a, b) return tostring(a) < tostring(b) end)
  for _, k in ipairs(keys) do
    local v = util.deep_copy(changes[k])
    local segs = type(k) == "string" and M.parse_path(k)
    if not segs then error(string.format("edit: '%s' is not a field or path", tostring(k)), 2) end
    local t = answers
    for i = 1, #segs - 1 do
      if type(t[segs[i]]) ~= "table" then t[segs[i]] = {} end
      t = t[segs[i]]
    end
    if v == "" then v = nil end
    t[segs[#segs]] = v
  end
  local status = opts.status or w.status
  local stored, errors, warnings = validate.validate(T, answers,
    { partial = status == "draft", new_people = opts.new_people })
  if #errors > 0 then error(validate.problems_message(T, errors, "worksheet " .. w.id), 0) end
  save.print_warnings(warnings, nil, opts)
  local fresh = save.save(T, stored, { worksheet = w, status = status, title = opts.title,
    by = opts.by, as_of = opts.as_of, plan = opts.plan })
  for k, v in pairs(fresh) do w[k] = v end
  w.warnings = warnings
  return w
end

-- Ask for tool ID on the terminal (offering to resume its latest draft). Returns the worksheet
-- saved, or nil when the facilitator quit without saving.
function M.interactive(id, opts)
  return require("cairn.tool.interact").run(loader.load(id), opts or {})
end

-- Continue a draft worksheet (or edit a final one) on the terminal.
function M.resume(id, opts)
  local w = M.open_worksheet(id)
  return require("cairn.tool.interact").resume(loader.load(w.tool), w, opts or {})
end

return M
