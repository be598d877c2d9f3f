-- bench/plan/gen.lua: an action plan of N items for the plan_status benchmark, deterministic:
-- a goal every 25 items, action steps under it with start and due dates, owners and a status.
--   cairn -w WS run gen.lua N
local plan = require "cairn.plan"
local n = assert(tonumber(arg[1]), "usage: cairn run gen.lua N")
local owners = { "Ana Ruiz", "Lee Park", "Maria Chen", "Kim Nguyen" }
for _, name in ipairs(owners) do plan.person { name = name } end
local p = plan.create { kind = "action_plan", title = "Bench action plan", level = "district",
  period = "2026-27", levels = { "goal", "action_step" } }
local statuses = { "not_started", "on_track", "at_risk", "off_track", "done" }
local goal
for i = 1, n do
  if i % 25 == 1 then
    goal = p:add { text = "Goal " .. i, owner = owners[1 + i % #owners] }
  else
    goal:add { text = "Action step " .. i, owner = owners[1 + i % #owners], start = "2026-01-01",
      due = string.format("2026-%02d-%02d", 1 + i % 12, 1 + i % 28),
      status = statuses[1 + i % #statuses], status_on = "2026-01-02" }
  end
end
