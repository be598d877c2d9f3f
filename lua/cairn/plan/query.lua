-- cairn.plan.query: the lists a facilitator asks for. Every query takes opts.plan (a plan, id or
-- title) to stay inside one plan, and opts.as_of (default today) where dates matter. Done and
-- dropped items are never "overdue", "due soon", "unowned" or "undated".
local core = require "cairn.plan.core"
local dates = require "cairn.plan.dates"
local rows = require "cairn.plan.rows"

local query = {}
local fail = core.fail

local function plan_id(opts)
  local p = opts and opts.plan
  if p == nil then return nil end
  if type(p) == "table" then return p.id end
  if math.type(p) == "integer" then return p end
  local found = core.get(p)
  if not found then fail("plan: no plan titled '%s'", tostring(p)) end
  return found.id
end

local ACTIVE = " AND i.status NOT IN ('done', 'dropped')"
local ORDER = " ORDER BY i.due IS NULL, i.due, i.plan_id, i.id"

local function select(where, params, opts)
  local pid = plan_id(opts)
  params.plan = pid
  local sql = "WHERE (:plan IS NULL OR i.plan_id = :plan) AND " .. where
  if opts and opts.level then sql = sql .. " AND i.level = :level"; params.level = opts.level end
  return core.items_where(sql .. ORDER, params)
end

local function as_of(opts)
  return dates.check(opts and opts.as_of or dates.today(), "as_of")
end

local function late_mt()
  local base = core.items_mt()
  local cols = {}
  for _, c in ipairs(base.columns) do cols[#cols + 1] = c end
  table.insert(cols, 7, { "days_late", "days late" })
  return rows.kind(cols, "(nothing overdue)")
end

-- Items past their due date and not done or dropped, oldest first; each has days_late.
function query.overdue(opts)
  opts = opts or {}
  local d = as_of(opts)
  local list = select("i.due < :as_of" .. ACTIVE, { as_of = d }, opts)
  for _, it in ipairs(list) do it.days_late = dates.diff(d, it.due) end
  return query.late_list(list)
end

-- A list of overdue items (each with days_late) that prints as query.overdue's does.
function query.late_list(list) return rows.new(late_mt(), list) end

-- Items due from as_of to as_of + N days (inclusive), not done or dropped.
function query.due_within(n, opts)
  if type(n) == "table" then opts, n = n, n.days end
  opts = opts or {}
  if math.type(n) ~= "integer" or n < 0 then fail("due_within: expected a number of days, got %s", tostring(n)) end
  local d = as_of(opts)
  return core.item_list(select("i.due >= :as_of AND i.due <= :until" .. ACTIVE,
    { as_of = d, ["until"] = dates.add(d, n) }, opts))
end

function query.by_owner(who, opts)
  local id = core.person_id(who, "by_owner")
  return core.item_list(select("i.owner_id = :owner", { owner = id }, opts))
end

-- Items whose own (recorded) status is STATUS; opts.rolled uses the rolled-up status instead.
function query.by_status(status, opts)
  opts = opts or {}
  local key = core.status_key(status, "by_status")
  if not opts.rolled then return core.item_list(select("i.status = :st", { st = key }, opts)) end
  local out, rolled = {}, {}
  for _, it in ipairs(select("1", {}, opts)) do
    rolled[it.plan_id] = rolled[it.plan_id] or core.rollup_plan(it.plan_id)
    if rolled[it.plan_id][it.id].status == key then out[#out + 1] = it end
  end
  return core.item_list(out)
end

function query.by_tag(tag, opts)
  return core.item_list(select("i.id IN (SELECT item_id FROM item_tag WHERE tag = :tag COLLATE NOCASE)",
    { tag = tag }, opts))
end

-- Levels that describe the situation rather than work to do: never "unowned" or "undated".
-- A district adds its own level names here.
query.not_work = { "problem", "why", "root_cause", "cause", "category", "issue", "challenge",
                   "mission", "vision", "core_value", "value", "theory_of_action", "assumption",
                   "input", "external_factor", "context", "data", "resource" }

local function not_work_clause(params)
  local names = {}
  for i, l in ipairs(query.not_work) do
    params["nw" .. i] = l
    names[#names + 1] = ":nw" .. i
  end
  if #names == 0 then return "" end
  return " AND i.level NOT IN (" .. table.concat(names, ", ") .. ")"
end

-- Work with no one responsible: items without children (the steps people actually do), not done
-- or dropped, whose level is work (see query.not_work), with no owner. opts.all = true looks at
-- every item.
local LEAF = " AND NOT EXISTS (SELECT 1 FROM plan_item c WHERE c.parent_id = i.id)"
function query.unowned(opts)
  opts = opts or {}
  local params = {}
  local where = "i.owner_id IS NULL" .. ACTIVE
  if not opts.all then where = where .. LEAF .. not_work_clause(params) end
  return core.item_list(select(where, params, opts))
end

-- The same for items with no due date; measured items (outcomes, benchmarks with targets) are
-- dated by their targets and are not listed.
function query.undated(opts)
  opts = opts or {}
  local params = {}
  local where = "i.due IS NULL" .. ACTIVE
  if not opts.all then
    where = where .. LEAF .. not_work_clause(params)
      .. " AND NOT EXISTS (SELECT 1 FROM measure_target t WHERE t.item_id = i.id)"
  end
  return core.item_list(select(where, params, opts))
end

-- Counts by recorded status: { not_started = n, ... } plus total.
function query.status_counts(opts)
  local counts = { total = 0 }
  for _, s in ipairs(core.statuses) do counts[s] = 0 end
  for _, it in ipairs(select("1", {}, opts)) do
    counts[it.status] = counts[it.status] + 1
    counts.total = counts.total + 1
  end
  return counts
end

-- Plan-scoped shortcuts: p:overdue{as_of = ...}, p:due_within(14), ...
local Plan = core.Plan
local function scoped(opts, self)
  local o = {}
  for k, v in pairs(opts or {}) do o[k] = v end
  o.plan = self.id
  return o
end
function Plan:overdue(opts) return query.overdue(scoped(opts, self)) end
function Plan:due_within(n, opts) return query.due_within(n, scoped(opts, self)) end
function Plan:by_owner(who, opts) return query.by_owner(who, scoped(opts, self)) end
function Plan:by_status(st, opts) return query.by_status(st, scoped(opts, self)) end
function Plan:by_tag(tag, opts) return query.by_tag(tag, scoped(opts, self)) end
function Plan:unowned(opts) return query.unowned(scoped(opts, self)) end
function Plan:undated(opts) return query.undated(scoped(opts, self)) end
function Plan:status_counts(opts) return query.status_counts(scoped(opts, self)) end

return query
