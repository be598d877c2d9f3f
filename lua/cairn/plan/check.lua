-- cairn.plan.check: consistency problems in the plan tables, for `cairn check`. Things the API
-- never writes but a hand-made SQL change or an older version might: items whose parent is in
-- another plan, loops in the tree, status history out of order or disagreeing with the item,
-- dates that are not dates, links to things that no longer exist, damaged snapshots.
local dates = require "cairn.plan.dates"
local json = require "cairn.json"

return function(db)
  local problems = {}
  local function add(fmt, ...) problems[#problems + 1] = "plan: " .. string.format(fmt, ...) end
  if not db:one("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'plan_item'") then return problems end

  for r in db:rows([[SELECT i.id, i.plan_id, p.plan_id AS parent_plan, i.parent_id FROM plan_item i
    JOIN plan_item p ON p.id = i.parent_id WHERE p.plan_id <> i.plan_id ORDER BY i.id]]) do
    add("item #%d (plan #%d) has parent #%d in another plan (#%d)", r.id, r.plan_id, r.parent_id, r.parent_plan)
  end

  -- loops: walk up from every item; more steps than items means a cycle
  local parent, n = {}, 0
  for r in db:rows("SELECT id, parent_id FROM plan_item") do parent[r.id] = r.parent_id; n = n + 1 end
  local reported = {}
  for id in pairs(parent) do
    local cur, steps = parent[id], 0
    while cur and steps <= n do cur, steps = parent[cur], steps + 1 end
    if cur and not reported[id] then reported[id] = true end
  end
  local looped = {}
  for id in pairs(reported) do looped[#looped + 1] = id end
  table.sort(looped)
  for _, id in ipairs(looped) do add("item #%d is inside a loop of parents", id) end

  for r in db:rows("SELECT id, start, due FROM plan_item ORDER BY id") do
    if r.start and not dates.valid(r.start) then add("item #%d: start '%s' is not a date", r.id, r.start) end
    if r.due and not dates.valid(r.due) then add("item #%d: due '%s' is not a date", r.id, r.due) end
    if r.start and r.due and dates.valid(r.start) and dates.valid(r.due) and r.due < r.start then
      add("item #%d: due %s is before start %s", r.id, r.due, r.start)
    end
  end

  -- status history: dates valid and in the order recorded; the latest matches the item
  local last = {}
  for r in db:rows("SELECT id, item_id, status, on_date FROM status_change ORDER BY item_id, id") do
    if not dates.valid(r.on_date) then
      add("status change #%d of item #%d: '%s' is not a date", r.id, r.item_id, r.on_date)
    else
      local prev = last[r.item_id]
      if prev and r.on_date < prev.on_date then
        add("item #%d: status history out of order (change #%d on %s after change #%d on %s)",
          r.item_id, r.id, r.on_date, prev.id, prev.on_date)
      end
    end
    last[r.item_id] = r
  end
  for r in db:rows("SELECT id, status FROM plan_item ORDER BY id") do
    local l = last[r.id]
    if l and l.status ~= r.status then
      add("item #%d: status is '%s' but its latest recorded change says '%s'", r.id, r.status, l.status)
    end
  end

  for r in db:rows("SELECT item_id, baseline_date FROM measure WHERE baseline_date IS NOT NULL") do
    if not dates.valid(r.baseline_date) then add("measure of item #%d: baseline date '%s' is not a date", r.item_id, r.baseline_date) end
  end
  for r in db:rows("SELECT id, item_id, date FROM measure_target UNION ALL SELECT id, item_id, date FROM observation") do
    if not dates.valid(r.date) then add("measure of item #%d: '%s' is not a date", r.item_id, r.date) end
  end

  local tables = { item = "plan_item", plan = "plan", person = "person", group = "stakeholder_group" }
  for r in db:rows("SELECT * FROM link ORDER BY id") do
    for _, side in ipairs({ "from", "to" }) do
      local kind, id = r[side .. "_kind"], r[side .. "_id"]
      local t = tables[kind]
      if t and not db:one("SELECT 1 FROM " .. t .. " WHERE id = ?", id) then
        add("link #%d (%s): %s #%d no longer exists", r.id, r.relation, kind, id)
      end
    end
  end

  for r in db:rows("SELECT id, plan_id, name, data FROM plan_snapshot ORDER BY id") do
    local d = json.decode(r.data)
    if type(d) ~= "table" or type(d.items) ~= "table" then
      add("snapshot '%s' of plan #%d is damaged (not the expected JSON)", r.name, r.plan_id)
    end
  end
  return problems
end
