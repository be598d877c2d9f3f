-- cairn.plan.measure: metrics on outcomes and benchmarks: baseline, interim and final targets,
-- dated observations, and whether the latest observation is on target.
--
-- The on-target rule (docs/plan-api.md): the expected value on a date is read off the line
-- through the baseline and the targets in date order (linear between two points, the first
-- point's value before it, the last target's value after it). The latest observation on or
-- before as_of is compared with the value expected on that observation's date, except when a
-- target has come due (its date <= as_of) after that observation: then it is compared with
-- that target's value and marked stale. It is off target when it is worse than expected in the
-- metric's direction (below for "up", above for "down"). No observation yet while a target date
-- has passed: "no data", listed as off target too. With no baseline, nothing is expected before
-- the first target date: "not due". The final target reached on or after its date: "met".
local core = require "cairn.plan.core"
local dates = require "cairn.plan.dates"
local rows = require "cairn.plan.rows"

local measure = {}
local Item = core.Item
local fail = core.fail

measure.state_labels = core.measure_state_labels -- a district may reword these

local function check_point(p, field, need_date)
  if type(p) ~= "table" then fail("%s: expected {value = ..., date = ...}", field) end
  local v = core.check_number(p.value, field .. ".value")
  if v == nil then fail("%s.value: required", field) end
  if need_date and p.date == nil then fail("%s.date: required", field) end
  dates.check(p.date, field .. ".date")
  return v, p.date
end

-- Set (or replace) the item's metric: b:measure{metric, unit, direction, baseline = {value, date},
-- targets = {{value, date, kind = "interim"|"final"}, ...}} (or target = {...} for one final).
function Item:measure(spec)
  local field = "item #" .. self.id .. ".measure"
  if type(spec) ~= "table" then fail("%s: expected a table {metric = ..., direction = ...}", field) end
  local metric = core.check_text(spec.metric, field .. ".metric", true)
  local dir = spec.direction or "up"
  if dir == "higher" or dir == "increase" then dir = "up" elseif dir == "lower" or dir == "decrease" then dir = "down" end
  if dir ~= "up" and dir ~= "down" then
    fail("%s.direction: '%s' is not a direction (expected up or down: which way is good)", field, tostring(dir))
  end
  local bv, bd
  if spec.baseline ~= nil then bv, bd = check_point(spec.baseline, field .. ".baseline", false) end
  local targets = spec.targets or (spec.target and { spec.target }) or {}
  local checked = {}
  for i, t in ipairs(targets) do
    local tf = field .. ".targets[" .. i .. "]"
    local v, d = check_point(t, tf, true)
    local kind = t.kind
    if kind == nil then kind = (i == #targets) and "final" or "interim" end
    if kind ~= "interim" and kind ~= "final" then fail("%s.kind: '%s' is not a target kind (expected interim or final)", tf, tostring(kind)) end
    if bd and d < bd then fail("%s.date: %s is before the baseline date %s", tf, d, bd) end
    checked[#checked + 1] = { value = v, date = d, kind = kind }
  end
  local db = core.db()
  local tx <close> = db:begin()
  db:exec([[INSERT INTO measure(item_id, metric, unit, direction, baseline_value, baseline_date)
    VALUES (:id, :metric, :unit, :dir, :bv, :bd)
    ON CONFLICT(item_id) DO UPDATE SET metric = excluded.metric, unit = excluded.unit,
      direction = excluded.direction, baseline_value = excluded.baseline_value,
      baseline_date = excluded.baseline_date]],
    { id = self.id, metric = metric, unit = core.check_text(spec.unit, field .. ".unit"), dir = dir, bv = bv, bd = bd })
  db:exec("DELETE FROM measure_target WHERE item_id = ?", self.id)
  for _, t in ipairs(checked) do
    db:exec("INSERT INTO measure_target(item_id, kind, value, date) VALUES (?, ?, ?, ?)", self.id, t.kind, t.value, t.date)
  end
  return self:measurement()
end

-- Record a dated observation: b:observe{value, date (default today), source, note}.
function Item:observe(spec)
  local field = "item #" .. self.id .. ".observe"
  if type(spec) == "number" then spec = { value = spec } end
  if type(spec) ~= "table" then fail("%s: expected {value = ..., date = ..., source = ...}", field) end
  local db = core.db()
  if not db:one("SELECT 1 FROM measure WHERE item_id = ?", self.id) then
    fail("%s: item '%s' has no measure yet (give it one with item:measure{metric = ..., direction = ...})",
      field, rows.clip(self.text, 40))
  end
  local v = core.check_number(spec.value, field .. ".value")
  if v == nil then fail("%s.value: required", field) end
  local d = dates.check(spec.date or dates.today(), field .. ".date")
  local source = core.check_text(spec.source, field .. ".source")
  if core.sync_scope() then -- a worksheet saved again does not record the same observation twice
    local same = db:one("SELECT id FROM observation WHERE item_id = ? AND value = ? AND date = ? AND source IS ?",
      self.id, v, d, source)
    if same then return { id = same.id, value = v, date = d, source = spec.source, note = spec.note } end
  end
  db:exec("INSERT INTO observation(item_id, value, date, source, note) VALUES (?, ?, ?, ?, ?)",
    self.id, v, d, source, core.check_text(spec.note, field .. ".note"))
  return { id = db:last_id(), value = v, date = d, source = spec.source, note = spec.note }
end

-- The expected value on DATE from the baseline and targets (see the rule at the top).
function measure.expected(m, date)
  local pts = {}
  if m.baseline and m.baseline.value and m.baseline.date then pts[1] = m.baseline end
  for _, t in ipairs(m.targets) do pts[#pts + 1] = t end
  if #pts == 0 then return nil end
  local first = pts[1]
  if date <= first.date then
    if first == m.baseline then return first.value end
    -- no baseline: nothing is expected before the first target date
    if date < first.date then return nil end
    return first.value
  end
  for i = 2, #pts do
    local a, b = pts[i - 1], pts[i]
    if date <= b.date then
      local span = dates.diff(b.date, a.date)
      if span <= 0 then return b.value end
      return a.value + (b.value - a.value) * dates.diff(date, a.date) / span
    end
  end
  return pts[#pts].value
end

local function better_or_equal(dir, actual, expected)
  local eps = 1e-9
  if dir == "up" then return actual >= expected - eps end
  return actual <= expected + eps
end

-- Assess a measurement as of a date: state, actual, expected, next target, gap.
function measure.assess(m, as_of)
  local latest
  for _, o in ipairs(m.observations) do if o.date <= as_of then latest = o end end
  local final
  for _, t in ipairs(m.targets) do if t.kind == "final" then final = t end end
  final = final or m.targets[#m.targets]
  local next_target
  for _, t in ipairs(m.targets) do if t.date >= as_of then next_target = t; break end end
  local r = { latest = latest, final = final, next_target = next_target or final }
  if #m.targets == 0 then r.state = "no_target"; return r end
  local due_passed = m.targets[1].date <= as_of
  if not latest then
    r.state = due_passed and "no_data" or "not_due"
    return r
  end
  r.actual, r.actual_date = latest.value, latest.date
  local due
  for _, t in ipairs(m.targets) do if t.date <= as_of then due = t end end
  local exp
  if due and latest.date < due.date then
    -- the newest data predates the target that has come due: hold it to that target
    exp, r.stale = due.value, true
  else
    exp = measure.expected(m, latest.date)
  end
  r.expected = exp
  if exp == nil then r.state = "not_due"; return r end
  r.gap = latest.value - exp
  if final and final.date <= as_of and better_or_equal(m.direction, latest.value, final.value) then
    r.state = "met"
  elseif better_or_equal(m.direction, latest.value, exp) then
    r.state = "on_target"
  else
    r.state = "off_target"
  end
  -- progress from baseline toward the final target, as a fraction (for progress bars)
  if m.baseline and m.baseline.value and final and final.value ~= m.baseline.value then
    r.progress = (latest.value - m.baseline.value) / (final.value - m.baseline.value)
  end
  return r
end

local obs_mt = rows.kind({ { "date", "date" }, { "value", "value" }, { "source", "source", width = 40 },
  { "note", "note" } }, "(no observations)")

local Measurement = {}
Measurement.__index = Measurement
function Measurement.__tostring(m)
  local parts = { string.format("%s (%s is better%s)", m.metric, m.direction == "up" and "higher" or "lower",
    m.unit and (", " .. m.unit) or "") }
  if m.baseline then parts[#parts + 1] = string.format("  baseline %s on %s", tostring(m.baseline.value), tostring(m.baseline.date)) end
  for _, t in ipairs(m.targets) do
    parts[#parts + 1] = string.format("  %s target %s by %s", t.kind, tostring(t.value), t.date)
  end
  for _, o in ipairs(m.observations) do
    parts[#parts + 1] = string.format("  observed %s on %s%s", tostring(o.value), o.date, o.source and (" (" .. o.source .. ")") or "")
  end
  return table.concat(parts, "\n")
end

function Measurement:assess(as_of) return measure.assess(self, as_of or dates.today()) end
function Measurement:expected(date) return measure.expected(self, dates.check(date, "date")) end

-- The item's metric with its targets and observations (nil when it has none).
function measure.load(item_id)
  local db = core.db()
  local r = db:one("SELECT * FROM measure WHERE item_id = ?", item_id)
  if not r then return nil end
  local m = setmetatable({ item_id = item_id, metric = r.metric, unit = r.unit, direction = r.direction,
    baseline = r.baseline_value and { value = r.baseline_value, date = r.baseline_date } or nil,
    targets = {}, observations = rows.new(obs_mt, {}) }, Measurement)
  for t in db:rows("SELECT kind, value, date FROM measure_target WHERE item_id = ? ORDER BY date, id", item_id) do
    m.targets[#m.targets + 1] = { kind = t.kind, value = t.value, date = t.date }
  end
  for o in db:rows("SELECT id, value, date, source, note FROM observation WHERE item_id = ? ORDER BY date, id", item_id) do
    m.observations[#m.observations + 1] = { id = o.id, value = o.value, date = o.date, source = o.source, note = o.note }
  end
  return m
end

function Item:measurement() return measure.load(self.id) end

local function fmt(v)
  if v == nil then return nil end
  local host = require "cairn.host"
  return host.format_number(v, 1)
end

measure.rows_mt = rows.kind({
  { "id", "id", function(r) return r.item.id end },
  { "plan", "plan", width = 24 },
  { "benchmark", "benchmark / outcome", function(r) return r.item.text end, width = 40 },
  { "metric", "metric", width = 24 },
  { "actual", "actual", function(r) return r.actual and fmt(r.actual) .. (r.unit == "%" and "%" or "") or "-" end },
  { "expected", "expected", function(r) return r.expected and fmt(r.expected) .. (r.unit == "%" and "%" or "") or "-" end },
  { "state", "state", function(r) return measure.state_labels[r.state] end },
}, "(no benchmarks off target)")

-- Every measure (optionally of one plan) assessed as of a date, in plan and tree order.
function measure.all(opts)
  opts = opts or {}
  local as_of = dates.check(opts.as_of or dates.today(), "as_of")
  local db = core.db()
  local list = {}
  local sql = [[SELECT m.item_id, p.title FROM measure m JOIN plan_item i ON i.id = m.item_id
    JOIN plan p ON p.id = i.plan_id WHERE (:plan IS NULL OR p.id = :plan) ORDER BY p.id, i.id]]
  local plan_id = opts.plan and (type(opts.plan) == "table" and opts.plan.id or opts.plan) or nil
  if type(plan_id) == "string" then
    local p = core.get(plan_id)
    if not p then fail("plan: no plan titled '%s'", plan_id) end
    plan_id = p.id
  end
  local ids = {}
  for r in db:rows(sql, { plan = plan_id }) do ids[#ids + 1] = r end
  for _, r in ipairs(ids) do
    local m = measure.load(r.item_id)
    local a = measure.assess(m, as_of)
    a.item = core.item(r.item_id)
    a.plan = r.title
    a.metric, a.unit, a.direction, a.baseline, a.targets = m.metric, m.unit, m.direction, m.baseline, m.targets
    a.label = measure.state_labels[a.state]
    list[#list + 1] = a
  end
  return rows.new(measure.rows_mt, list)
end

-- Benchmarks and outcomes off target (or with no data since a target came due).
function measure.off_target(opts)
  local out = {}
  for _, a in ipairs(measure.all(opts)) do
    if a.state == "off_target" or a.state == "no_data" then out[#out + 1] = a end
  end
  return rows.new(measure.rows_mt, out)
end

return measure
