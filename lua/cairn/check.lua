-- cairn.check: `cairn check`. SQLite's integrity and foreign-key checks, then the consistency
-- checks each cairn module offers as module.check(db) -> list of problems.
local check = {}

-- Modules with checks of their own.
check.modules = { "cairn.stored", "cairn.plan", "cairn.tool", "cairn.report", "cairn.survey" }

function check.run(db)
  local problems = {}
  for row in db:rows("PRAGMA integrity_check") do
    local msg = row.integrity_check
    if msg ~= "ok" then problems[#problems + 1] = "integrity: " .. msg end
  end
  for row in db:rows("PRAGMA foreign_key_check") do
    problems[#problems + 1] = string.format("table %s row %s refers to a missing %s row",
      row.table, tostring(row.rowid), row.parent)
  end
  if not db:value("SELECT value FROM meta WHERE key = 'district'") then
    problems[#problems + 1] = "no district name recorded (meta.district)"
  end
  for _, name in ipairs(check.modules) do
    local mod = require(name)
    if type(mod.check) == "function" then
      for _, p in ipairs(mod.check(db) or {}) do problems[#problems + 1] = p end
    end
  end
  return problems
end

return check
