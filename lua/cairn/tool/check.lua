-- cairn.tool.check: the worksheet checks `cairn check` runs. Part of cairn.tool.
local paths = require "cairn.paths"
local json = require "cairn.json"

local M = {}

-- Problems for `cairn check`: worksheets whose tool is gone, whose answers are not JSON, or
-- whose revisions are missing or out of order.
function M.check(db)
  local problems = {}
  local ok = pcall(db.value, db, "SELECT count(*) FROM worksheet")
  if not ok then return problems end
  local known = {}
  for r in db:rows([[SELECT id, tool, status, answers,
                       (SELECT count(*) FROM worksheet_revision v WHERE v.worksheet = w.id) AS revs,
                       (SELECT max(n) FROM worksheet_revision v WHERE v.worksheet = w.id) AS maxn
                     FROM worksheet w ORDER BY id]]) do
    if known[r.tool] == nil then known[r.tool] = paths.find("tools/" .. r.tool .. ".lua") ~= nil end
    if not known[r.tool] then
      problems[#problems + 1] = string.format("worksheet %d: tool '%s' is not on the search path", r.id, r.tool)
    end
    local v, err = json.decode(r.answers, "answers")
    if v == nil and err then
      problems[#problems + 1] = string.format("worksheet %d: answers are not valid JSON (%s)", r.id, err)
    end
    if r.revs == 0 and r.status ~= "draft" then -- a draft only autosaved so far has none yet
      problems[#problems + 1] = string.format("worksheet %d: has no revisions", r.id)
    elseif r.revs > 0 and r.maxn ~= r.revs then
      problems[#problems + 1] = string.format("worksheet %d: revisions are numbered 1 to %d but there are %d",
        r.id, r.maxn, r.revs)
    end
  end
  return problems
end

return M
