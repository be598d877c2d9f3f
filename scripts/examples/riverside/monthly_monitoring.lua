-- Riverside's monthly monitoring check-in, run on the first Monday of each month:
--
--   cairn run monthly_monitoring.lua [--as-of 2026-12-01] [--out reports/]
--
-- It reads the monitoring plans the monitoring_plan tool wrote, lists the milestones that are
-- overdue and those due within the month, and writes the check-in as a report in the district's
-- theme (Markdown and HTML) for the District Leadership Team.
local plan = require "cairn.plan"
local report = require "cairn.report"
local date = require "cairn.date"

local as_of, out = nil, "."
local args = arg or {}
local i = 1
while args[i] do
  if args[i] == "--as-of" then as_of = args[i + 1]; i = i + 2
  elseif args[i] == "--out" then out = args[i + 1]; i = i + 2
  else error(string.format("%s: unknown argument '%s' (expected --as-of DATE or --out DIR)",
    args[0] or "monthly_monitoring.lua", args[i]), 0) end
end
as_of = as_of or os.date("%Y-%m-%d")
if not date.is_iso(as_of) then error(string.format("--as-of: '%s' is not a date (expected YYYY-MM-DD)", as_of), 0) end

local month = date.format(as_of):match("%a+ %d+$") or as_of:sub(1, 7)
local doc = report.new { title = "Monthly monitoring: " .. month, subtitle = "Milestone check-in",
  district = require("cairn.workspace").district(), as_of = as_of }

local function milestones(list)
  local rows = {}
  for _, it in ipairs(list) do
    if it.level == "milestone" then
      local f = it.fields or {}
      rows[#rows + 1] = { milestone = it.text, due = it.due, owner = it.owner or "",
        status = it.status or "", evidence = f.feedback or "", source = f.source or "" }
    end
  end
  return rows
end
local columns = {
  { id = "milestone", label = "Milestone" }, { id = "due", label = "Due", format = "date" },
  { id = "owner", label = "Monitor" }, { id = "status", label = "Status" },
  { id = "evidence", label = "Evidence of progress" }, { id = "source", label = "Data source" },
}

local plans = plan.list { kind = "monitoring_plan" }
if #plans == 0 then
  print("No monitoring plan yet: run the monitoring_plan tool first (cairn tool run monitoring_plan).")
  return
end
local overdue = milestones(plan.overdue { as_of = as_of })
local due = milestones(plan.due_within(31, { as_of = as_of }))
print(string.format("%s: %d monitoring plan%s, %d milestone%s overdue, %d due within the month",
  month, #plans, #plans == 1 and "" or "s", #overdue, #overdue == 1 and "" or "s", #due))
for _, r in ipairs(overdue) do print("  overdue  " .. r.due .. "  " .. r.milestone) end
for _, r in ipairs(due) do print("  due      " .. r.due .. "  " .. r.milestone) end

local s = doc:section("Overdue")
if #overdue > 0 then s:table { columns = columns, rows = overdue } else s:paragraph("Nothing is overdue.") end
s = doc:section("Due this month")
if #due > 0 then s:table { columns = columns, rows = due } else s:paragraph("Nothing falls due this month.") end
doc:section("For the team"):list {
  "Which milestone needs help, and from whom?",
  "Is each data source still the right evidence?",
  "What goes to the school board this quarter?",
}
for _, fmt in ipairs { "markdown", "html" } do
  local path = string.format("%s/monthly-monitoring-%s.%s", out, as_of:sub(1, 7), fmt == "markdown" and "md" or "html")
  doc:write(path, fmt)
  print("wrote " .. path)
end
