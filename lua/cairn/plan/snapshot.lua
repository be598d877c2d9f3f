-- cairn.plan.snapshot: freeze a plan under a name ("baseline") and list what changed since:
-- items added, removed, re-dated, re-assigned, with a changed status, or reworded.
local core = require "cairn.plan.core"
local dates = require "cairn.plan.dates"
local json = require "cairn.json"
local rows = require "cairn.plan.rows"

local snapshot = {}
local Plan = core.Plan
local fail = core.fail

-- How each kind of change reads; a district may reword these (defined in core).
snapshot.words = core.snapshot_words
local order = { added = 1, removed = 2, redated = 3, reassigned = 4, status = 5, edited = 6, moved = 7 }

-- The plan's current state as plain data (what a snapshot stores). ITEMS, when given, is
-- p:items() already read.
function snapshot.state(p, list)
  local items = {}
  for _, it in ipairs(list or p:items()) do
    items[#items + 1] = { id = it.id, parent_id = it.parent_id, position = it.position, level = it.level,
      text = it.text, owner = it.owner, start = it.start, due = it.due, status = it.status,
      percent = it.percent, kind = it.kind }
  end
  return { plan = { id = p.id, title = p.title, kind = p.kind, period = p.period }, items = items }
end

function Plan:snapshot(name, opts)
  opts = opts or {}
  name = core.check_text(name or "baseline", "snapshot name", true)
  local on = dates.check(opts.on or dates.today(), "snapshot.on")
  local db = core.db()
  local old = db:one("SELECT taken_on, data FROM plan_snapshot WHERE plan_id = ? AND name = ?", self.id, name)
  if old and core.sync_scope() then
    -- a worksheet saved again keeps the snapshot its first save took ("baseline" stays the baseline)
    local d = json.decode(old.data) or { items = {} }
    return { plan = self.id, name = name, taken_on = old.taken_on, items = #(d.items or {}), kept = true }
  end
  if old and not opts.replace then
    fail("snapshot: plan '%s' already has a snapshot named '%s' (taken %s); choose another name or pass {replace = true}",
      self.title, name, old.taken_on)
  end
  local data = json.encode(snapshot.state(self))
  db:exec([[INSERT INTO plan_snapshot(plan_id, name, taken_on, data) VALUES (?, ?, ?, ?)
    ON CONFLICT(plan_id, name) DO UPDATE SET taken_on = excluded.taken_on, data = excluded.data]],
    self.id, name, on, data)
  return { plan = self.id, name = name, taken_on = on, items = #json.decode(data).items }
end

local snaps_mt = rows.kind({ { "name", "name" }, { "taken_on", "taken on" }, { "items", "items" } }, "(no snapshots)")

function Plan:snapshots()
  local list = {}
  for r in core.db():rows("SELECT name, taken_on, data FROM plan_snapshot WHERE plan_id = ? ORDER BY taken_on, id", self.id) do
    local d = json.decode(r.data) or { items = {} }
    list[#list + 1] = { name = r.name, taken_on = r.taken_on, items = #d.items }
  end
  return rows.new(snaps_mt, list)
end

local function load(p, name)
  local r = core.db():one("SELECT taken_on, data FROM plan_snapshot WHERE plan_id = ? AND name = ?", p.id, name)
  if not r then
    local names = {}
    for s in core.db():rows("SELECT name FROM plan_snapshot WHERE plan_id = ? ORDER BY id", p.id) do names[#names + 1] = s.name end
    fail("diff: plan '%s' has no snapshot named '%s' (%s)", p.title, tostring(name),
      #names > 0 and ("it has: " .. table.concat(names, ", ")) or "take one with p:snapshot \"baseline\"")
  end
  local d = json.decode(r.data)
  if not d then fail("diff: snapshot '%s' of plan '%s' is damaged (not JSON)", name, p.title) end
  return d, r.taken_on
end

local Diff = {}
Diff.__index = Diff
function Diff.__tostring(d)
  if #d == 0 then return string.format(snapshot.words.none, d.since or "then") end
  return table.concat(d.lines, "\n")
end

local function label(st) return core.status_labels[st] or tostring(st) end
local function show(v) return v == nil and "none" or tostring(v) end

-- What changed in the plan since snapshot NAME (or between two snapshots, NAME then OTHER).
-- Returns a list of changes {change, item, text, field, from, to}, with .lines (readable) and
-- counts by change; prints as the lines.
function Plan:diff(name, other)
  name = name or "baseline"
  local before, since = load(self, name)
  local after = other and load(self, other) or snapshot.state(self)
  local changes = snapshot.compare(before.items, after.items)
  changes.since, changes.snapshot = since, name
  return changes
end

-- The changes from one list of item states (snapshot.state(p).items) to another.
function snapshot.compare(before_items, after_items)
  local before, after = { items = before_items }, { items = after_items }
  local old, new = {}, {}
  for _, it in ipairs(before.items) do old[it.id] = it end
  for _, it in ipairs(after.items) do new[it.id] = it end
  local changes = {}
  local function add(kind, it, field, from, to)
    changes[#changes + 1] = { change = kind, item = it.id, text = it.text, level = it.level,
                              field = field, from = from, to = to }
  end
  for _, it in ipairs(after.items) do
    local o = old[it.id]
    if not o then
      add("added", it)
    else
      if o.start ~= it.start then add("redated", it, "start", o.start, it.start) end
      if o.due ~= it.due then add("redated", it, "due", o.due, it.due) end
      if o.owner ~= it.owner then add("reassigned", it, "owner", o.owner, it.owner) end
      if o.status ~= it.status then add("status", it, "status", o.status, it.status) end
      if o.text ~= it.text then add("edited", it, "text", o.text, it.text) end
      if o.parent_id ~= it.parent_id then add("moved", it, "parent", o.parent_id, it.parent_id) end
    end
  end
  for _, it in ipairs(before.items) do
    if not new[it.id] then add("removed", it) end
  end
  table.sort(changes, function(a, b)
    if order[a.change] ~= order[b.change] then return order[a.change] < order[b.change] end
    if a.item ~= b.item then return a.item < b.item end
    return tostring(a.field) < tostring(b.field)
  end)
  local w = snapshot.words
  local lines, counts = {}, {}
  for _, c in ipairs(changes) do
    counts[c.change] = (counts[c.change] or 0) + 1
    local what = string.format("#%d %s '%s'", c.item, c.level, rows.clip(c.text, 50))
    local line
    if c.change == "added" or c.change == "removed" then
      local it = c.change == "added" and new[c.item] or old[c.item]
      local extra = {}
      if it.owner then extra[#extra + 1] = it.owner end
      if it.due then extra[#extra + 1] = "due " .. it.due end
      line = string.format("%s %s%s", w[c.change], what, #extra > 0 and (" (" .. table.concat(extra, ", ") .. ")") or "")
    elseif c.change == "status" then
      line = string.format("%s %s: %s -> %s", w.status, what, label(c.from), label(c.to))
    elseif c.change == "redated" then
      line = string.format("%s %s: %s %s -> %s", w.redated, what, c.field, show(c.from), show(c.to))
    elseif c.change == "reassigned" then
      line = string.format("%s %s: %s -> %s", w.reassigned, what, show(c.from), show(c.to))
    elseif c.change == "edited" then
      line = string.format("%s #%d: '%s' -> '%s'", w.edited, c.item, rows.clip(c.from, 40), rows.clip(c.to, 40))
    else
      line = string.format("%s %s: under #%s -> #%s", w.moved, what, show(c.from), show(c.to))
    end
    c.line = line
    lines[#lines + 1] = line
  end
  changes.lines, changes.counts = lines, counts
  return setmetatable(changes, Diff)
end

return snapshot
