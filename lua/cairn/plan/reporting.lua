-- cairn.plan.reporting: the plan data the plan reports show (scripts/reports/plan_status.lua,
-- district_plan.lua), shaped for cairn.report's builders. Wording stays in the report scripts;
-- this file only gathers and counts.
local core = require "cairn.plan.core"
local query = require "cairn.plan.query"
local measure = require "cairn.plan.measure"
local snapshot = require "cairn.plan.snapshot"
local dates = require "cairn.plan.dates"

local R = {}

-- "district_action_plan" -> "District action plan"
function R.kind_label(kind)
  local s = tostring(kind or ""):gsub("_", " ")
  return (s:gsub("^%l", string.upper))
end

function R.status_levels()
  local out = {}
  for i, s in ipairs(core.statuses) do out[i] = core.status_labels[s] end
  return out
end

local function is_work(level)
  for _, l in ipairs(query.not_work) do if l == level then return false end end
  return true
end
R.is_work = is_work

-- The plan's items in reading order with outline numbers ("1", "1.2", ...), depth, rolled
-- status and percent, whether each is a leaf, and whether it has a measure. ROLL, when given,
-- is core.rollup_plan(p.id) already computed.
function R.outline(p, roll)
  roll = roll or core.rollup_plan(p.id)
  local items = p:items()
  local counters, out = {}, {}
  local has_kids = {}
  for _, it in ipairs(items) do if it.parent_id then has_kids[it.parent_id] = true end end
  local not_work = {} -- query.not_work as a set, read once (a district may change the list)
  for _, l in ipairs(query.not_work) do not_work[l] = true end
  local measured = {}
  for r in core.db():rows("SELECT m.item_id FROM measure m JOIN plan_item i ON i.id = m.item_id WHERE i.plan_id = ?", p.id) do
    measured[r.item_id] = true
  end
  for _, it in ipairs(items) do
    local d = it.depth
    counters[d] = (counters[d] or 0) + 1
    for k = d + 1, #counters do counters[k] = nil end
    local parts = {}
    for k = 1, d do parts[k] = tostring(counters[k] or 1) end
    it.number = table.concat(parts, ".")
    it.rolled = roll[it.id].status
    it.rolled_percent = roll[it.id].percent
    it.leaf = not has_kids[it.id]
    it.measured = measured[it.id] or false
    -- work: the leaves people do; a measured leaf is work when it has a due date (a process
    -- benchmark "20 teachers complete an ESL course by June"), not when it is an outcome
    it.work = it.leaf and not not_work[it.level] and (not it.measured or it.due ~= nil)
    out[#out + 1] = it
  end
  return out
end

-- Does the plan track work (owners, dates, statuses or measures)? Analyses such as a 5 Whys do not.
function R.tracks_work(p)
  return core.db():value([[SELECT count(*) FROM plan_item i WHERE i.plan_id = ? AND (i.owner_id IS NOT NULL
    OR i.due IS NOT NULL OR i.status <> 'not_started' OR EXISTS (SELECT 1 FROM measure m WHERE m.item_id = i.id))]],
    p.id) > 0
end

-- Counts of work items by status: a list in core.statuses order, and the total.
function R.count(items)
  local idx = {}
  for i, s in ipairs(core.statuses) do idx[s] = i end
  local counts, n = {}, 0
  for i = 1, #core.statuses do counts[i] = 0 end
  for _, it in ipairs(items) do
    counts[idx[it.status]] = counts[idx[it.status]] + 1
    n = n + 1
  end
  return counts, n
end

-- For each top-level item: {label, counts} over the work items under it (itself when a leaf).
function R.by_top(outline)
  local rows, current = {}, nil
  for _, it in ipairs(outline) do
    if it.depth == 1 then
      current = { label = it.number .. ". " .. it.text, items = {} }
      rows[#rows + 1] = current
    end
    if it.work and current then table.insert(current.items, it) end
  end
  local out = {}
  for _, r in ipairs(rows) do
    if #r.items > 0 then out[#out + 1] = { label = r.label, counts = (R.count(r.items)) } end
  end
  return out
end

function R.overdue(p, as_of) return query.overdue { plan = p.id, as_of = as_of } end
function R.due_within(p, days, as_of) return query.due_within(days, { plan = p.id, as_of = as_of }) end
function R.unowned(p) return query.unowned { plan = p.id } end
function R.undated(p) return query.undated { plan = p.id } end
function R.measures(p, as_of) return measure.all { plan = p.id, as_of = as_of } end

-- Per owner: items, done, overdue, in trouble (at risk or off track); unowned work last.
function R.owners(outline, as_of)
  local by, order = {}, {}
  for _, it in ipairs(outline) do
    if it.work or (it.owner and it.leaf) then
      local k = it.owner or ""
      if not by[k] then by[k] = { owner = it.owner, items = 0, done = 0, overdue = 0, trouble = 0 }; order[#order + 1] = k end
      local o = by[k]
      o.items = o.items + 1
      if it.status == "done" then o.done = o.done + 1 end
      if it.due and it.due < as_of and it.status ~= "done" and it.status ~= "dropped" then o.overdue = o.overdue + 1 end
      if it.status == "at_risk" or it.status == "off_track" then o.trouble = o.trouble + 1 end
    end
  end
  table.sort(order, function(a, b)
    if (a == "") ~= (b == "") then return b == "" end
    return a:lower() < b:lower()
  end)
  local out = {}
  for _, k in ipairs(order) do out[#out + 1] = by[k] end
  return out
end

-- What a run saves for the next one: every plan's item states, keyed by plan id (strings, for JSON).
-- VIEWS, when given, is R.view's memo for the same as_of (the plans' items are read once a run).
function R.state(plans, as_of, views)
  local saved = { as_of = as_of, plans = {} }
  for _, p in ipairs(plans) do
    local items = views and R.view(p, as_of, views).outline or nil
    saved.plans[tostring(p.id)] = { title = p.title, items = snapshot.state(p, items).items }
  end
  return saved
end

-- Changes per plan since a saved state: { {plan = p, changes = diff}, ... } and whether the
-- saved state knew the plan at all.
function R.changes_since(previous, plans, as_of, views)
  local out = {}
  for _, p in ipairs(plans) do
    local before = previous and previous.plans and previous.plans[tostring(p.id)]
    if before then
      local items = views and R.view(p, as_of, views).outline or nil
      out[#out + 1] = { plan = p, changes = snapshot.compare(before.items or {}, snapshot.state(p, items).items) }
    else
      out[#out + 1] = { plan = p, new = true }
    end
  end
  return out
end

-- ---- one plan, computed once a run ---------------------------------------------------------
-- A report shows the same plan in several places (the summary, its own section, the state it
-- saves). R.view(p, as_of, memo) reads the plan once and computes each list the first time it
-- is asked for: view.outline, view.rollup (p:rollup()), view.overdue, view:due_within(days),
-- view.measures, view.unowned, view.undated. MEMO is a table that lives as long as the run
-- (ctx.cache): nothing is kept between runs. The lists are the ones R.outline, p:rollup(),
-- R.overdue, ... return, in the same order.
local View = {}

local function active(it) return it.status ~= "done" and it.status ~= "dropped" end

-- The outline's items that pass KEEP, ordered as the plan queries order them (by due date,
-- then id; cairn.plan.query).
local function by_due(outline, keep)
  local out = {}
  for _, it in ipairs(outline) do if keep(it) then out[#out + 1] = it end end
  table.sort(out, function(a, b)
    if a.due ~= b.due then return a.due < b.due end
    return a.id < b.id
  end)
  return out
end

local lazy = {
  roll = function(v) return core.rollup_plan(v.plan.id) end,
  outline = function(v) return R.outline(v.plan, v.roll) end,
  rollup = function(v) return core.plan_rollup(v.plan.id, v.roll) end,
  -- query.overdue: due before as_of, not done or dropped, each with days_late
  overdue = function(v)
    local as_of = v.as_of
    local list = by_due(v.outline, function(it) return it.due ~= nil and it.due < as_of and active(it) end)
    local late, days_late = {}, {} -- due date -> days late (many items share a due date)
    for i, it in ipairs(list) do
      local row = {}
      for k, x in pairs(it) do row[k] = x end
      local d = days_late[it.due]
      if not d then
        d = dates.diff(as_of, it.due)
        days_late[it.due] = d
      end
      row.days_late = d
      late[i] = setmetatable(row, getmetatable(it))
    end
    return query.late_list(late)
  end,
  measures = function(v) return R.measures(v.plan, v.as_of) end,
  unowned = function(v) return R.unowned(v.plan) end,
  undated = function(v) return R.undated(v.plan) end,
}

View.__index = function(v, k)
  local make = lazy[k]
  if make then
    local value = make(v)
    rawset(v, k, value)
    return value
  end
  return View[k]
end

-- query.due_within: due from as_of to as_of + DAYS (inclusive), not done or dropped.
function View:due_within(days)
  self.soon = self.soon or {}
  if not self.soon[days] then
    local from, to = self.as_of, dates.add(self.as_of, days)
    self.soon[days] = core.item_list(by_due(self.outline, function(it)
      return it.due ~= nil and it.due >= from and it.due <= to and active(it)
    end))
  end
  return self.soon[days]
end

function R.view(p, as_of, memo)
  if not memo then return setmetatable({ plan = p, as_of = as_of }, View) end
  memo.plan_views = memo.plan_views or {}
  local key = p.id .. "@" .. as_of
  local v = memo.plan_views[key]
  if not v then
    v = setmetatable({ plan = p, as_of = as_of }, View)
    memo.plan_views[key] = v
  end
  return v
end

R.dates = dates
R.status_labels = core.status_labels
R.kind_labels = core.kind_labels
R.state_labels = measure.state_labels

return R
