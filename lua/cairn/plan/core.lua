-- cairn.plan.core: people, plans, items and statuses over the workspace database. The other
-- files of cairn.plan (measure, links, snapshot, query, check) add to the classes defined here;
-- lua/cairn/plan.lua puts them together. See docs/plan-api.md.
local dates = require "cairn.plan.dates"
local rows = require "cairn.plan.rows"
-- cairn.json and cairn.util load when first needed: a query that reads items with no free
-- fields needs neither, and loading them was part of a short script's start-up
local function json() return require "cairn.json" end
local function trim(s) return require("cairn.util").trim(s) end

local core = {}

function core.db() return require("cairn.session").current():db() end

-- The open sync scope of the current session (cairn.plan.sync), or nil: inside one, plans and
-- items a tool's to_plan writes reuse the rows an earlier save made.
function core.sync_scope() return require("cairn.session").current().sync end

local now = require("cairn.date").now
core.now = now

local function fail(fmt, ...) error(string.format(fmt, ...), 0) end
core.fail = fail

-- ---- vocabularies (labels a district may reword) ------------------------------------------

core.statuses = { "not_started", "on_track", "at_risk", "off_track", "done", "dropped" }
core.status_labels = {
  not_started = "not started", on_track = "on track", at_risk = "at risk",
  off_track = "off track", done = "done", dropped = "dropped",
}
-- How bad a status is, for rolling up: the worst active child wins.
core.status_severity = { done = 0, not_started = 1, on_track = 2, at_risk = 3, off_track = 4 }

core.org_kinds = { "district", "association", "school", "community" }
core.org_aliases = { union = "association", ["association/union"] = "association",
                     ["education association"] = "association", family = "community",
                     parent = "community", parents = "community" }

-- Item kinds: benchmark types (Massachusetts), outcome types, logic-model horizons.
core.item_kinds = { "process", "early_evidence", "interim", "final", "short_term", "long_term" }
core.kind_aliases = { early_evidence_of_change = "early_evidence", evidence = "early_evidence",
                      short = "short_term", long = "long_term" }
core.kind_labels = { process = "process", early_evidence = "early evidence of change",
                     interim = "interim", final = "final", short_term = "short-term",
                     long_term = "long-term" }

-- Kept here, not in the modules that use them, so that cairn.plan can offer them (a district
-- may reword or extend them) without loading those modules. Links: canonical relation -> its
-- inverse name (cairn.plan.links); how each kind of change reads (cairn.plan.snapshot); the
-- state of a measure (cairn.plan.measure).
core.relations = {
  addresses = "addressed_by",     -- root cause -> objective / strategy / step that addresses it
  serves = "served_by",           -- action step -> goal it serves
  measured_by = "measures",       -- objective / initiative -> benchmark or outcome
  informs = "informed_by",        -- survey item -> benchmark it informs
  monitors = "monitored_by",      -- monitoring milestone -> step it monitors
  supports = "supported_by",      -- initiative -> objective
  causes = "caused_by",           -- root cause -> problem
  related = "related",
}
core.snapshot_words = {
  added = "added", removed = "removed", redated = "re-dated", reassigned = "re-assigned",
  status = "status", edited = "edited", moved = "moved",
  none = "(no changes since %s)",
}
core.measure_state_labels = {
  on_target = "on target", off_target = "off target", no_data = "no data since a target date",
  not_due = "no target due yet", no_target = "no target set", met = "final target met",
}

local function key_of(s)
  return (trim(tostring(s):lower()):gsub("[%s%-]+", "_"))
end

local function one_of(list, labels)
  local out = {}
  for i, k in ipairs(list) do out[i] = labels and labels[k] or k end
  return table.concat(out, ", ")
end

function core.status_key(s, field)
  field = field or "status"
  if type(s) ~= "string" then fail("%s: expected a status (%s), got %s", field, one_of(core.statuses, core.status_labels), type(s)) end
  local k = key_of(s)
  if core.status_labels[k] then return k end
  fail("%s: '%s' is not a status (expected one of: %s)", field, s, one_of(core.statuses, core.status_labels))
end

function core.kind_key(s, field)
  if s == nil then return nil end
  local k = key_of(s)
  k = core.kind_aliases[k] or k
  if core.kind_labels[k] then return k end
  fail("%s: '%s' is not an item kind (expected one of: %s)", field or "kind", tostring(s), one_of(core.item_kinds))
end

function core.org_key(s, field)
  if s == nil or (type(s) == "string" and not s:match("%S")) then return nil end
  if type(s) ~= "string" then fail("%s: expected an organisation kind, got %s", field or "org", type(s)) end
  local k = trim(s:lower())
  k = core.org_aliases[k] or k
  for _, o in ipairs(core.org_kinds) do if o == k then return k end end
  fail("%s: '%s' is not an organisation kind (expected one of: district, association (union), school, community)",
    field or "org", s)
end

local function check_text(v, field, required)
  if v == nil then
    if required then fail("%s: required", field) end
    return nil
  end
  if type(v) == "number" then v = tostring(v) end
  if type(v) ~= "string" then fail("%s: expected text, got %s", field, type(v)) end
  v = trim(v)
  if v == "" then
    if required then fail("%s: required (got an empty text)", field) end
    return nil
  end
  return v
end
core.check_text = check_text

local function check_number(v, field)
  if v == nil then return nil end
  if type(v) == "string" then
    local n = tonumber((v:gsub("[$,%s]", "")))
    if n then v = n end
  end
  if type(v) ~= "number" then fail("%s: '%s' is not a number", field, tostring(v)) end
  return v
end
core.check_number = check_number

local function encode(t)
  if t == nil or next(t) == nil then return nil end
  return json().encode(t)
end
core.encode = encode

local function decode(s)
  if s == nil then return {} end
  local v = json().decode(s)
  return type(v) == "table" and v or {}
end
core.decode = decode

-- ---- people -------------------------------------------------------------------------------

local Person = { kind = "person" }
Person.__index = Person
core.Person = Person

function Person.__tostring(p)
  local bits = {}
  if p.role then bits[#bits + 1] = p.role end
  if p.org_name then bits[#bits + 1] = p.org_name elseif p.org then bits[#bits + 1] = p.org end
  return string.format("person #%d %s%s", p.id, p.name,
    #bits > 0 and (" (" .. table.concat(bits, ", ") .. ")") or "")
end

local function person_from(r)
  if not r then return nil end
  return setmetatable({ id = r.id, name = r.name, role = r.role, org = r.org,
                        org_name = r.org_name, contact = r.contact }, Person)
end

core.people_mt = rows.kind({ { "id", "id" }, { "name", "name" }, { "role", "role" },
  { "org", "org" }, { "org_name", "organisation" }, { "contact", "contact" } }, "(no people)")

function core.find_person(name)
  if type(name) == "table" and name.id then name = name.id end
  local r
  if math.type(name) == "integer" then
    r = core.db():one("SELECT * FROM person WHERE id = ?", name)
  elseif type(name) == "string" then
    r = core.db():one("SELECT * FROM person WHERE name = ? COLLATE NOCASE",
      trim(name))
  end
  return person_from(r)
end

function core.people(opts)
  opts = opts or {}
  local list = {}
  local sql = "SELECT * FROM person WHERE (:org IS NULL OR org = :org) ORDER BY name COLLATE NOCASE, id"
  for r in core.db():rows(sql, { org = core.org_key(opts.org, "people.org") }) do list[#list + 1] = person_from(r) end
  return rows.new(core.people_mt, list)
end

-- Add a person, or update the one with that name (fields given replace stored ones).
function core.person(spec)
  if type(spec) == "string" then spec = { name = spec } end
  if type(spec) ~= "table" then fail("person: expected a table {name = ..., role = ...}") end
  local name = check_text(spec.name, "person.name", true)
  local v = {
    name = name,
    role = check_text(spec.role or spec.title, "person.role"),
    org = core.org_key(spec.org or spec.organisation_kind, "person.org"),
    org_name = check_text(spec.org_name or spec.organisation, "person.org_name"),
    contact = check_text(spec.contact or spec.email, "person.contact"),
  }
  local db = core.db()
  local old = db:one("SELECT * FROM person WHERE name = ? COLLATE NOCASE", name)
  if old then
    db:exec([[UPDATE person SET role = coalesce(:role, role), org = coalesce(:org, org),
      org_name = coalesce(:org_name, org_name), contact = coalesce(:contact, contact)
      WHERE id = :id]], { role = v.role, org = v.org, org_name = v.org_name, contact = v.contact, id = old.id })
    return core.find_person(old.id)
  end
  db:exec([[INSERT INTO person(name, role, org, org_name, contact, created_at)
    VALUES (:name, :role, :org, :org_name, :contact, :now)]],
    { name = v.name, role = v.role, org = v.org, org_name = v.org_name, contact = v.contact, now = now() })
  return core.find_person(db:last_id())
end

-- A person id from a person, an id or a name; raises naming FIELD for an unknown person.
function core.person_id(who, field)
  if who == nil then return nil end
  local p = core.find_person(who)
  if p then return p.id end
  local known = {}
  for r in core.db():rows("SELECT name FROM person ORDER BY name COLLATE NOCASE LIMIT 11") do
    known[#known + 1] = r.name
  end
  local list = #known == 0 and "no people yet: add them with plan.person{name = ...}"
    or ("known: " .. table.concat(known, ", ", 1, math.min(#known, 10)) .. (#known > 10 and ", ..." or ""))
  fail("%s: unknown person '%s' (%s)", field or "person", tostring(type(who) == "table" and who.name or who), list)
end

-- Stakeholder groups: add or update by name; members are person names (must exist).
local Group = { kind = "group" }
Group.__index = Group
function Group.__tostring(g)
  return string.format("group #%d %s%s: %s", g.id, g.name, g.kind and (" (" .. g.kind .. ")") or "",
    #g.members > 0 and table.concat(g.members, ", ") or "no members")
end

function core.find_group(name)
  local db = core.db()
  local r = math.type(name) == "integer" and db:one("SELECT * FROM stakeholder_group WHERE id = ?", name)
    or db:one("SELECT * FROM stakeholder_group WHERE name = ? COLLATE NOCASE", name)
  if not r then return nil end
  local g = setmetatable({ id = r.id, name = r.name, kind = r.kind, description = r.description, members = {} }, Group)
  for m in db:rows([[SELECT p.name FROM group_member gm JOIN person p ON p.id = gm.person_id
    WHERE gm.group_id = ? ORDER BY p.name COLLATE NOCASE]], r.id) do
    g.members[#g.members + 1] = m.name
  end
  return g
end

function core.group(spec)
  if type(spec) ~= "table" then fail("group: expected a table {name = ..., kind = ..., members = {...}}") end
  local name = check_text(spec.name, "group.name", true)
  local kind = core.org_key(spec.kind, "group.kind")
  local db = core.db()
  local ids = {}
  for i, m in ipairs(spec.members or {}) do ids[i] = core.person_id(m, "group.members[" .. i .. "]") end
  local old = db:one("SELECT id FROM stakeholder_group WHERE name = ? COLLATE NOCASE", name)
  local id
  if old then
    id = old.id
    db:exec("UPDATE stakeholder_group SET kind = coalesce(?, kind), description = coalesce(?, description) WHERE id = ?",
      kind, check_text(spec.description, "group.description"), id)
  else
    db:exec("INSERT INTO stakeholder_group(name, kind, description) VALUES (?, ?, ?)", name, kind,
      check_text(spec.description, "group.description"))
    id = db:last_id()
  end
  for _, pid in ipairs(ids) do
    db:exec("INSERT OR IGNORE INTO group_member(group_id, person_id) VALUES (?, ?)", id, pid)
  end
  return core.find_group(id)
end

function core.groups()
  local list = {}
  for r in core.db():rows("SELECT id FROM stakeholder_group ORDER BY name COLLATE NOCASE") do
    list[#list + 1] = core.find_group(r.id)
  end
  return rows.new(rows.kind({ { "id", "id" }, { "name", "name" }, { "kind", "kind" },
    { "members", "members", function(g) return table.concat(g.members, ", ") end, width = 60 } },
    "(no groups)"), list)
end

-- ---- plans --------------------------------------------------------------------------------

local Plan = { kind = "plan" }
Plan.__index = Plan
core.Plan = Plan

local Item = { kind = "item" }
Item.__index = Item
core.Item = Item

function Plan.__tostring(p)
  return string.format("plan #%d %s (%s%s%s)", p.id, p.title, p.kind,
    p.level and (", " .. p.level) or "", p.period and (", " .. p.period) or "")
end

local function plan_from(r)
  if not r then return nil end
  return setmetatable({
    id = r.id, kind = r.kind, title = r.title, level = r.level, period = r.period,
    levels = decode(r.levels), fields = decode(r.fields),
    source = (r.source_tool or r.source_worksheet) and { tool = r.source_tool, worksheet = r.source_worksheet } or nil,
  }, Plan)
end

function core.plan_by_id(id)
  return plan_from(core.db():one("SELECT * FROM plan WHERE id = ?", id))
end

-- A plan by id or title (case-insensitive); nil when there is none. Two plans with the same
-- title: raises, naming their ids.
function core.get(key)
  if type(key) == "table" and getmetatable(key) == Plan then return core.plan_by_id(key.id) end
  if math.type(key) == "integer" then return core.plan_by_id(key) end
  if type(key) ~= "string" then fail("plan.get: expected a plan id or title, got %s", type(key)) end
  local found = {}
  for r in core.db():rows("SELECT * FROM plan WHERE title = ? COLLATE NOCASE ORDER BY id", key) do
    found[#found + 1] = r
  end
  if #found > 1 then
    local ids = {}
    for i, r in ipairs(found) do ids[i] = "#" .. r.id .. " (" .. r.kind .. ")" end
    fail("plan.get: %d plans are titled '%s': %s; use the id", #found, key, table.concat(ids, ", "))
  end
  return plan_from(found[1])
end

core.plans_mt = rows.kind({ { "id", "id" }, { "kind", "kind" }, { "title", "title", width = 50, name = true },
  { "level", "level" }, { "period", "period" } }, "(no plans)")

function core.list(opts)
  opts = opts or {}
  local list = {}
  for r in core.db():rows("SELECT * FROM plan WHERE (:kind IS NULL OR kind = :kind) ORDER BY id",
    { kind = opts.kind }) do list[#list + 1] = plan_from(r) end
  return rows.new(core.plans_mt, list)
end

-- The checked columns of a plan row from a plan.create spec.
function core.plan_values(spec)
  if type(spec) ~= "table" then fail("plan.create: expected a table {kind = ..., title = ...}") end
  local kind = check_text(spec.kind, "plan.kind", true)
  local title = check_text(spec.title, "plan.title", true)
  local levels = spec.levels
  if levels ~= nil and type(levels) ~= "table" then fail("plan.levels: expected a list of level names") end
  local src = spec.source or {}
  if type(src) ~= "table" then fail("plan.source: expected {tool = ..., worksheet = ...}") end
  local ws_id = src.worksheet
  if type(ws_id) == "table" then ws_id = ws_id.id end
  if ws_id ~= nil and math.type(ws_id) ~= "integer" then fail("plan.source.worksheet: expected a worksheet id") end
  if spec.fields ~= nil and type(spec.fields) ~= "table" then fail("plan.fields: expected a table") end
  return {
    kind = kind, title = title, level = check_text(spec.level, "plan.level"),
    period = check_text(spec.period, "plan.period"),
    levels = levels and #levels > 0 and json().encode(levels) or nil,
    tool = check_text(src.tool, "plan.source.tool"), ws = ws_id,
    fields = encode(spec.fields), now = now() }
end

-- A new plan row (plan.create outside a sync scope; a sync scope's plan with nothing to reuse).
function core.create_new(spec)
  local v = core.plan_values(spec)
  local db = core.db()
  db:exec([[INSERT INTO plan(kind, title, level, period, levels, source_tool, source_worksheet, fields, created_at)
    VALUES (:kind, :title, :level, :period, :levels, :tool, :ws, :fields, :now)]], v)
  return core.plan_by_id(db:last_id())
end

-- Inside a sync scope (cairn.plan.sync: a tool's to_plan re-run for a saved worksheet) plans
-- and items the worksheet wrote before are reused instead of created again.
function core.create(spec)
  local sync = core.sync_scope()
  if sync then return sync:create(spec) end
  return core.create_new(spec)
end

-- Change a plan's title, level, period or fields (fields merge; a key set to false is removed).
function Plan:set(spec)
  local db = core.db()
  local cur = core.plan_by_id(self.id)
  if not cur then fail("plan #%d no longer exists", self.id) end
  local fields = cur.fields
  for k, v in pairs(spec.fields or {}) do if v == false then fields[k] = nil else fields[k] = v end end
  db:exec([[UPDATE plan SET title = :title, level = :level, period = :period, fields = :fields,
    kind = :kind WHERE id = :id]], {
    title = spec.title and check_text(spec.title, "plan.title", true) or cur.title,
    level = spec.level and check_text(spec.level, "plan.level") or cur.level,
    period = spec.period and check_text(spec.period, "plan.period") or cur.period,
    kind = spec.kind and check_text(spec.kind, "plan.kind", true) or cur.kind,
    fields = encode(fields), id = self.id })
  local new = core.plan_by_id(self.id)
  for k, v in pairs(new) do self[k] = v end
  return self
end
Plan.update = Plan.set

-- Delete the plan, its items and every link to them.
function Plan:remove()
  local db = core.db()
  db:transaction(function()
    db:exec([[DELETE FROM link WHERE (from_kind = 'item' AND from_id IN (SELECT id FROM plan_item WHERE plan_id = :p))
      OR (to_kind = 'item' AND to_id IN (SELECT id FROM plan_item WHERE plan_id = :p))
      OR (from_kind = 'plan' AND from_id = :p) OR (to_kind = 'plan' AND to_id = :p)]], { p = self.id })
    db:exec("DELETE FROM plan WHERE id = ?", self.id)
  end)
end

Plan.delete = Plan.remove

-- Delete a plan by id, title or object (see Plan:remove); false when there is none.
function core.delete(key)
  local p = core.get(key)
  if not p then return false end
  p:remove()
  return true
end

local function add_level(plan_id, level)
  local db = core.db()
  local cur = decode(db:value("SELECT levels FROM plan WHERE id = ?", plan_id))
  for _, l in ipairs(cur) do if l == level then return end end
  cur[#cur + 1] = level
  db:exec("UPDATE plan SET levels = ? WHERE id = ?", json().encode(cur), plan_id)
end

-- ---- items --------------------------------------------------------------------------------

-- An item row with its owner's name and its tags (joined by char(31); '' when none), so a
-- list of items costs one query, not one more per item.
local ITEM_SQL = [[SELECT i.*, p.name AS owner_name,
  coalesce((SELECT group_concat(tag, char(31)) FROM item_tag t WHERE t.item_id = i.id), '') AS tag_list
  FROM plan_item i LEFT JOIN person p ON p.id = i.owner_id ]]
core.ITEM_SQL = ITEM_SQL

local function item_from(r)
  if not r then return nil end
  local it = setmetatable({
    id = r.id, plan_id = r.plan_id, parent_id = r.parent_id, position = r.position,
    level = r.level, text = r.text, kind = r.kind, owner = r.owner_name, owner_id = r.owner_id,
    start = r.start, due = r.due, status = r.status, percent = r.percent,
    resources = { available = r.res_available, needed = r.res_needed, cost = r.cost, funding = r.funding },
    fields = decode(r.fields), tags = {},
  }, Item)
  -- a tool's natural key for the item (p:add{key =}), kept with the fields but not one of them
  it.key = it.fields._key
  it.fields._key = nil
  if r.tag_list then
    for tag in r.tag_list:gmatch("[^\31]+") do it.tags[#it.tags + 1] = tag end
    table.sort(it.tags)
  else -- a row from a query without ITEM_SQL's tag_list
    for t in core.db():rows("SELECT tag FROM item_tag WHERE item_id = ? ORDER BY tag", r.id) do
      it.tags[#it.tags + 1] = t.tag
    end
  end
  return it
end
core.item_from = item_from

function core.item(id)
  if type(id) == "table" then id = id.id end
  return item_from(core.db():one(ITEM_SQL .. "WHERE i.id = ?", id))
end

function core.items_where(where, ...)
  local list = {}
  for r in core.db():rows(ITEM_SQL .. where, ...) do list[#list + 1] = item_from(r) end
  return list
end

function Item.__tostring(it)
  local bits = {}
  if it.owner then bits[#bits + 1] = it.owner end
  if it.due then bits[#bits + 1] = "due " .. it.due end
  return string.format("#%d %s [%s] %s%s", it.id, it.level, core.status_labels[it.status] or it.status,
    rows.clip(it.text, 60), #bits > 0 and (" (" .. table.concat(bits, ", ") .. ")") or "")
end

local function plan_title(plan_id, cache)
  if cache and cache[plan_id] then return cache[plan_id] end
  local t = core.db():value("SELECT title FROM plan WHERE id = ?", plan_id)
  if cache then cache[plan_id] = t end
  return t
end

function core.items_mt()
  local cache = {}
  return rows.kind({
    { "id", "id" }, { "plan", "plan", function(i) return plan_title(i.plan_id, cache) end, width = 24,
      name = true },
    { "level", "level" }, { "text", "text", width = 44 }, { "owner", "owner" }, { "due", "due" },
    { "status", "status", function(i) return core.status_labels[i.status] end },
  }, "(no items)")
end

function core.item_list(list) return rows.new(core.items_mt(), list) end

local function resources_of(spec, field)
  local r = spec.resources
  if r == nil then return {} end
  if type(r) == "string" then return { needed = r } end
  if type(r) ~= "table" then fail("%s.resources: expected {available =, needed =, cost =, funding =}", field) end
  return {
    available = check_text(r.available, field .. ".resources.available"),
    needed = check_text(r.needed, field .. ".resources.needed"),
    cost = check_number(r.cost, field .. ".resources.cost"),
    funding = check_text(r.funding or r.funding_source, field .. ".resources.funding"),
  }
end

local function check_percent(v, field)
  v = check_number(v, field)
  if v ~= nil and (v < 0 or v > 100) then fail("%s: %s is not a percentage from 0 to 100", field, tostring(v)) end
  return v
end

local function check_tags(tags, field)
  if tags == nil then return {} end
  if type(tags) == "string" then tags = { tags } end
  if type(tags) ~= "table" then fail("%s.tags: expected a list of tags", field) end
  local out = {}
  for i, t in ipairs(tags) do out[#out + 1] = check_text(t, field .. ".tags[" .. i .. "]", true) end
  return out
end

local function check_dates(start, due, field)
  dates.check(start, field .. ".start")
  dates.check(due, field .. ".due")
  if start and due and due < start then
    fail("%s.due: %s is before the start date %s", field, due, start)
  end
end

local function depth_of(parent_id)
  local d = 1
  local db = core.db()
  while parent_id and d < 1000 do -- the bound only matters for a loop of parents (cairn check)
    d = d + 1
    parent_id = db:value("SELECT parent_id FROM plan_item WHERE id = ?", parent_id)
  end
  return d
end

local function insert_item(plan_id, parent_id, spec)
  if type(spec) == "string" then spec = { text = spec } end
  if type(spec) ~= "table" then fail("item: expected a table {level = ..., text = ...}") end
  local db = core.db()
  local field = "item"
  local text = check_text(spec.text, "item.text", true)
  field = "item '" .. rows.clip(text, 40) .. "'"
  local level = spec.level
  if level == nil then
    local levels = decode(db:value("SELECT levels FROM plan WHERE id = ?", plan_id))
    level = levels[depth_of(parent_id)]
    if not level then fail("%s.level: required (the plan names no level for this depth)", field) end
  end
  level = check_text(level, field .. ".level", true)
  check_dates(spec.start, spec.due, field)
  local owner_id = core.person_id(spec.owner or spec.lead, field .. ".owner")
  local status = spec.status and core.status_key(spec.status, field .. ".status") or "not_started"
  local res = resources_of(spec, field)
  local tags = check_tags(spec.tags, field)
  if spec.fields ~= nil and type(spec.fields) ~= "table" then fail("%s.fields: expected a table", field) end
  local fields = spec.fields
  if spec.key ~= nil then
    fields = {}
    for k, v in pairs(spec.fields or {}) do fields[k] = v end
    fields._key = tostring(spec.key)
  end
  local pos = spec.position
  local maxpos = db:value("SELECT coalesce(max(position), 0) FROM plan_item WHERE plan_id = ? AND parent_id IS ?",
    plan_id, parent_id)
  if pos == nil or pos > maxpos then
    pos = maxpos + 1
  else
    if math.type(pos) ~= "integer" or pos < 1 then fail("%s.position: expected a whole number from 1", field) end
    db:exec("UPDATE plan_item SET position = position + 1 WHERE plan_id = ? AND parent_id IS ? AND position >= ?",
      plan_id, parent_id, pos)
  end
  db:exec([[INSERT INTO plan_item(plan_id, parent_id, position, level, text, kind, owner_id, start, due,
      status, percent, res_available, res_needed, cost, funding, fields, created_at)
    VALUES (:plan, :parent, :pos, :level, :text, :kind, :owner, :start, :due, :status, :percent,
      :avail, :needed, :cost, :funding, :fields, :now)]], {
    plan = plan_id, parent = parent_id, pos = pos, level = level, text = text,
    kind = core.kind_key(spec.kind or spec.type, field .. ".kind"), owner = owner_id,
    start = spec.start, due = spec.due, status = status,
    percent = check_percent(spec.percent, field .. ".percent"),
    avail = res.available, needed = res.needed, cost = res.cost, funding = res.funding,
    fields = encode(fields), now = now() })
  local id = db:last_id()
  for _, t in ipairs(tags) do db:exec("INSERT OR IGNORE INTO item_tag(item_id, tag) VALUES (?, ?)", id, t) end
  if status ~= "not_started" then
    core.record_status(id, { status = status, percent = spec.percent, note = "initial status",
      on = dates.check(spec.status_on, field .. ".status_on") or spec.start or dates.today() })
  end
  add_level(plan_id, level)
  return core.item(id)
end

core.insert_item = insert_item
core.add_level = add_level
core.depth_of = depth_of
core.resources_of = resources_of
core.check_percent = check_percent
core.check_tags = check_tags
core.check_dates = check_dates

function Plan:add(spec)
  local db = core.db()
  local tx <close> = db:begin()
  local it
  local sync = core.sync_scope()
  if sync then it = sync:add(self.id, nil, spec) else it = insert_item(self.id, nil, spec) end
  self.levels = decode(db:value("SELECT levels FROM plan WHERE id = ?", self.id))
  return it
end

function Item:add(spec)
  local db = core.db()
  local tx <close> = db:begin()
  local sync = core.sync_scope()
  if sync then return sync:add(self.plan_id, self.id, spec) end
  return insert_item(self.plan_id, self.id, spec)
end

function Item:plan() return core.plan_by_id(self.plan_id) end
function Item:parent() return self.parent_id and core.item(self.parent_id) or nil end

function Item:children()
  return core.item_list(core.items_where("WHERE i.parent_id = ? ORDER BY i.position, i.id", self.id))
end

-- Every item under this one, depth first in sibling order.
function Item:descendants()
  local out, seen = {}, { [self.id] = true }
  local function walk(it)
    for _, c in ipairs(it:children()) do
      if not seen[c.id] then seen[c.id] = true; out[#out + 1] = c; walk(c) end
    end
  end
  walk(self)
  return core.item_list(out)
end

function Item:depth() return depth_of(self.parent_id) end

local function refresh(it)
  local new = core.item(it.id)
  if not new then fail("item #%d no longer exists", it.id) end
  for k in pairs(it) do it[k] = nil end
  for k, v in pairs(new) do it[k] = v end
  return it
end
core.refresh = refresh

-- Change an item: text, level, kind, owner, start, due, percent, resources (merged), fields
-- (merged; false removes a key), tags (replaced). Status changes go through set_status.
function Item:set(spec)
  if type(spec) ~= "table" then fail("item:set: expected a table of fields to change") end
  if spec.status then fail("item:set: change the status with item:set_status(status, {note =, by =, on =})") end
  local db = core.db()
  local cur = core.item(self.id)
  if not cur then fail("item #%d no longer exists", self.id) end
  local field = "item '" .. rows.clip(cur.text, 40) .. "'"
  local start = spec.start == false and nil or (spec.start or cur.start)
  local due = spec.due == false and nil or (spec.due or cur.due)
  check_dates(start, due, field)
  local owner_id = cur.owner_id
  if spec.owner == false then owner_id = nil
  elseif spec.owner ~= nil then owner_id = core.person_id(spec.owner, field .. ".owner") end
  local res = cur.resources
  if spec.resources ~= nil then
    local r = resources_of(spec, field)
    for _, k in ipairs({ "available", "needed", "cost", "funding" }) do
      if r[k] ~= nil then res[k] = r[k] end
    end
  end
  local fields = cur.fields
  for k, v in pairs(spec.fields or {}) do if v == false then fields[k] = nil else fields[k] = v end end
  fields._key = cur.key
  local percent = cur.percent
  if spec.percent == false then percent = nil
  elseif spec.percent ~= nil then percent = check_percent(spec.percent, field .. ".percent") end
  local tx <close> = db:begin()
  db:exec([[UPDATE plan_item SET text = :text, level = :level, kind = :kind, owner_id = :owner,
      start = :start, due = :due, percent = :percent, res_available = :avail, res_needed = :needed,
      cost = :cost, funding = :funding, fields = :fields WHERE id = :id]], {
    text = spec.text and check_text(spec.text, field .. ".text", true) or cur.text,
    level = spec.level and check_text(spec.level, field .. ".level", true) or cur.level,
    kind = spec.kind == false and nil or (spec.kind and core.kind_key(spec.kind, field .. ".kind") or cur.kind),
    owner = owner_id, start = start, due = due, percent = percent,
    avail = res.available, needed = res.needed, cost = res.cost, funding = res.funding,
    fields = encode(fields), id = self.id })
  if spec.tags ~= nil then
    local tags = check_tags(spec.tags, field)
    db:exec("DELETE FROM item_tag WHERE item_id = ?", self.id)
    for _, t in ipairs(tags) do db:exec("INSERT OR IGNORE INTO item_tag(item_id, tag) VALUES (?, ?)", self.id, t) end
  end
  if spec.level then add_level(cur.plan_id, spec.level) end
  return refresh(self)
end
Item.update = Item.set

function Item:tag(...)
  local db = core.db()
  for i, t in ipairs({ ... }) do
    db:exec("INSERT OR IGNORE INTO item_tag(item_id, tag) VALUES (?, ?)", self.id,
      check_text(t, "tag[" .. i .. "]", true))
  end
  return refresh(self)
end

function Item:untag(...)
  for _, t in ipairs({ ... }) do
    core.db():exec("DELETE FROM item_tag WHERE item_id = ? AND tag = ?", self.id, t)
  end
  return refresh(self)
end

-- Move among siblings to POSITION (1 = first).
function Item:move(position)
  if math.type(position) ~= "integer" or position < 1 then fail("item:move: expected a position from 1") end
  local db = core.db()
  local tx <close> = db:begin()
  local sibs = {}
  for r in db:rows("SELECT id FROM plan_item WHERE plan_id = ? AND parent_id IS ? AND id <> ? ORDER BY position, id",
    self.plan_id, self.parent_id, self.id) do sibs[#sibs + 1] = r.id end
  table.insert(sibs, math.min(position, #sibs + 1), self.id)
  for i, id in ipairs(sibs) do db:exec("UPDATE plan_item SET position = ? WHERE id = ?", i, id) end
  return refresh(self)
end

-- Delete the item, everything under it, and links to any of them.
function Item:remove()
  local db = core.db()
  local tx <close> = db:begin()
  local ids = { self.id }
  for _, d in ipairs(self:descendants()) do ids[#ids + 1] = d.id end
  for _, id in ipairs(ids) do
    db:exec("DELETE FROM link WHERE (from_kind = 'item' AND from_id = ?) OR (to_kind = 'item' AND to_id = ?)", id, id)
  end
  db:exec("DELETE FROM plan_item WHERE id = ?", self.id)
  db:exec([[UPDATE plan_item SET position = position - 1 WHERE plan_id = ? AND parent_id IS ? AND position > ?]],
    self.plan_id, self.parent_id, self.position)
end

Item.delete = Item.remove

-- ---- status -------------------------------------------------------------------------------

-- Record a status change: who (a person), when (an ISO date, default today) and a note.
-- A change may not be dated before the item's latest recorded change.
function Item:set_status(status, opts)
  opts = opts or {}
  if type(opts) == "string" then opts = { note = opts } end
  local field = "item #" .. self.id
  local key = core.status_key(status, field .. ".status")
  local on = opts.on or opts.date or dates.today()
  dates.check(on, field .. ".status.on")
  local by = core.person_id(opts.by, field .. ".status.by")
  local percent = check_percent(opts.percent, field .. ".status.percent")
  local db = core.db()
  local note = check_text(opts.note, field .. ".status.note")
  -- a re-saved worksheet restating a status it already recorded adds nothing to the history
  local sync = core.sync_scope()
  if sync and sync:repeats_status(self, key, note) then return refresh(self) end
  local last = db:value("SELECT max(on_date) FROM status_change WHERE item_id = ?", self.id)
  if sync and last and on < last then on = last end
  if last and on < last then
    fail("%s.status.on: %s is before the latest recorded change (%s); status history must stay in order",
      field, on, last)
  end
  local tx <close> = db:begin()
  core.record_status(self.id, { status = key, percent = percent, on = on, by = by, note = note })
  if key == "done" then percent = 100 end
  if percent == nil and db:value("SELECT status FROM plan_item WHERE id = ?", self.id) == "done" then
    db:exec("UPDATE plan_item SET percent = NULL WHERE id = ?", self.id) -- reopened
  end
  if percent ~= nil then
    db:exec("UPDATE plan_item SET status = ?, percent = ? WHERE id = ?", key, percent, self.id)
  else
    db:exec("UPDATE plan_item SET status = ? WHERE id = ?", key, self.id)
  end
  return refresh(self)
end

-- The one writer of status history: a status_change row for item ID. C: status (a key),
-- percent, on (a checked date), by (a person id or nil), note. Callers (p:add's initial status,
-- item:set_status, a sync scope restating a worksheet's status) decide the values and update
-- plan_item themselves.
function core.record_status(id, c)
  core.db():exec([[INSERT INTO status_change(item_id, status, percent, on_date, by_id, note, recorded_at)
    VALUES (?, ?, ?, ?, ?, ?, ?)]], id, c.status, c.percent, c.on, c.by, c.note, now())
end

core.history_mt = rows.kind({ { "on", "on" },
  { "status", "status", function(h) return core.status_labels[h.status] end },
  { "percent", "%" }, { "by", "by" }, { "note", "note", width = 50 } }, "(no status changes)")

function Item:history()
  local list = {}
  for r in core.db():rows([[SELECT s.status, s.percent, s.on_date, s.note, p.name AS by_name, s.recorded_at
    FROM status_change s LEFT JOIN person p ON p.id = s.by_id WHERE s.item_id = ? ORDER BY s.id]], self.id) do
    list[#list + 1] = { status = r.status, percent = r.percent, on = r.on_date, by = r.by_name,
                        note = r.note, recorded_at = r.recorded_at }
  end
  return rows.new(core.history_mt, list)
end

-- ---- roll-ups -----------------------------------------------------------------------------
-- Percent done: done = 100; an item with active (not dropped) children is the mean of their
-- rolled percents; otherwise its recorded percent, else 0. Dropped items count for nothing.
-- Status: done and dropped items keep their own. Otherwise, among the active children's rolled
-- statuses plus the item's own (when it is not "not started"): any off track -> off track;
-- else any at risk -> at risk; else all done -> done; else all not started -> not started;
-- else on track (work has begun and nothing is in trouble). Items with a measure (benchmarks,
-- outcomes) show progress by their metric: they count toward their parent's status only once a
-- status is set, and toward percent done only once a percent is recorded (or they are done).

local function combine(statuses)
  if #statuses == 0 then return nil end
  local worst, all_done, all_ns = "not_started", true, true
  for _, s in ipairs(statuses) do
    if core.status_severity[s] > core.status_severity[worst] then worst = s end
    if s ~= "done" then all_done = false end
    if s ~= "not_started" then all_ns = false end
  end
  if worst == "off_track" or worst == "at_risk" then return worst end
  if all_done then return "done" end
  if all_ns then return "not_started" end
  return "on_track"
end
core.combine_statuses = combine

-- Rolled {status, percent} for every item of a plan, keyed by item id, from one query.
function core.rollup_plan(plan_id)
  local by_parent, rowsby = {}, {}
  for r in core.db():rows("SELECT id, parent_id, status, percent FROM plan_item WHERE plan_id = ? ORDER BY position, id",
    plan_id) do
    rowsby[r.id] = r
    local k = r.parent_id or 0
    by_parent[k] = by_parent[k] or {}
    table.insert(by_parent[k], r)
  end
  local measured = {}
  for r in core.db():rows("SELECT m.item_id FROM measure m JOIN plan_item i ON i.id = m.item_id WHERE i.plan_id = ?",
    plan_id) do measured[r.item_id] = true end
  local out, visiting = {}, {}
  local function roll(r)
    if out[r.id] then return out[r.id] end
    if visiting[r.id] then return { status = r.status, percent = r.percent or 0 } end -- a loop (cairn check reports it)
    visiting[r.id] = true
    local kids = by_parent[r.id] or {}
    local sts, sum, n = {}, 0, 0
    for _, c in ipairs(kids) do
      local cr = roll(c)
      if c.status ~= "dropped" then
        -- a measured item (benchmark, outcome) shows progress by its metric, not by work done:
        -- it counts only once someone records a status or a percent on it
        if not measured[c.id] or cr.status ~= "not_started" then sts[#sts + 1] = cr.status end
        if not measured[c.id] or c.percent ~= nil or c.status == "done" then
          sum, n = sum + cr.percent, n + 1
        end
      end
    end
    local res
    if r.status == "done" then
      res = { status = "done", percent = 100 }
    elseif r.status == "dropped" then
      res = { status = "dropped", percent = n > 0 and sum / n or (r.percent or 0) }
    else
      local st = sts
      if r.status ~= "not_started" then st[#st + 1] = r.status end
      res = { status = combine(st) or r.status,
              percent = n > 0 and sum / n or (r.percent or 0) }
    end
    res.children = n
    out[r.id] = res
    return res
  end
  for _, r in ipairs(by_parent[0] or {}) do roll(r) end
  -- items whose parent is in another plan (a consistency problem) still get a value
  for id, r in pairs(rowsby) do if not out[id] then roll(r) end end
  return out
end

function Item:rollup()
  local all = core.rollup_plan(self.plan_id)
  local r = all[self.id]
  return { status = r.status, percent = r.percent, label = core.status_labels[r.status] }
end

-- The plan as a whole: its top-level items rolled up the same way.
function Plan:rollup() return core.plan_rollup(self.id) end

-- p:rollup() for plan PLAN_ID; ALL, when given, is core.rollup_plan(plan_id) already computed.
function core.plan_rollup(plan_id, all)
  all = all or core.rollup_plan(plan_id)
  local sts, sum, n = {}, 0, 0
  for r in core.db():rows("SELECT id, status FROM plan_item WHERE plan_id = ? AND parent_id IS NULL", plan_id) do
    if r.status ~= "dropped" then
      sts[#sts + 1] = all[r.id].status
      sum, n = sum + all[r.id].percent, n + 1
    end
  end
  local st = combine(sts) or "not_started"
  return { status = st, percent = n > 0 and sum / n or 0, label = core.status_labels[st], items = all }
end

-- ---- plan item access ---------------------------------------------------------------------

-- All items, depth first in sibling order (the order a plan is read in).
function Plan:items(opts)
  opts = opts or {}
  local list = core.items_where("WHERE i.plan_id = ? ORDER BY i.position, i.id", self.id)
  local kids = {}
  for _, it in ipairs(list) do
    local k = it.parent_id or 0
    kids[k] = kids[k] or {}
    table.insert(kids[k], it)
  end
  local out, seen = {}, {}
  local function walk(k, depth)
    for _, it in ipairs(kids[k] or {}) do
      it.depth = depth
      seen[it.id] = true
      if not opts.level or opts.level == it.level then out[#out + 1] = it end
      walk(it.id, depth + 1)
    end
  end
  walk(0, 1)
  for _, it in ipairs(list) do -- orphans (parent elsewhere) last, so nothing is hidden
    if not seen[it.id] then it.depth = 1; if not opts.level or opts.level == it.level then out[#out + 1] = it end end
  end
  return core.item_list(out)
end

function Plan:roots()
  return core.item_list(core.items_where("WHERE i.plan_id = ? AND i.parent_id IS NULL ORDER BY i.position, i.id", self.id))
end

-- The first item whose text contains PATTERN (plain, case-insensitive), or nil.
function Plan:find(pattern)
  for _, it in ipairs(self:items()) do
    if it.text:lower():find(pattern:lower(), 1, true) then return it end
  end
  return nil
end

-- A printable outline of the plan with rolled-up statuses.
function Plan:tree()
  local roll = core.rollup_plan(self.id)
  local title = string.format("%s (%s%s)", self.title, self.kind, self.period and (", " .. self.period) or "")
  local lines, full = { title }, { title }
  for _, it in ipairs(self:items()) do
    local r = roll[it.id]
    local extra = {}
    if it.owner then extra[#extra + 1] = it.owner end
    if it.due then extra[#extra + 1] = "due " .. it.due end
    local function line(item_text)
      return string.format("%s- %s: %s [%s, %d%%]%s", string.rep("  ", it.depth), it.level,
        item_text, core.status_labels[r.status], require("cairn.host").round(r.percent),
        #extra > 0 and ("  (" .. table.concat(extra, ", ") .. ")") or "")
    end
    lines[#lines + 1] = line(rows.clip(it.text, 60))
    full[#full + 1] = line(it.text)
  end
  -- on a terminal: the full text, wrapped at word boundaries to its width under the item's
  -- bullet (a date or a number is one word, so it is never split); piped: one line per item
  local function render(t)
    local host = require "cairn.host"
    if not host.isatty(1) then return table.concat(t.lines, "\n") end
    local text, width, out = require "cairn.text", host.term_width(), {}
    for i, l in ipairs(t.full) do
      local lead = l:match("^( *)")
      local wrapped = text.wrap(l:sub(#lead + 1), math.max(20, width - 1 - #lead - 4), "")
      out[i] = lead .. wrapped:gsub("\n", "\n" .. lead .. "    ")
    end
    return table.concat(out, "\n")
  end
  return setmetatable({ lines = lines, full = full }, { __tostring = render })
end

return core
