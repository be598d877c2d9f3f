-- cairn.plan.sync: what a tool's to_plan wrote stays the same plans and items when its worksheet
-- is saved again, so status history, measures' observations, snapshots, ids and the links other
-- plans made to them survive an edit (docs/plan-api.md, "Sync scopes").
--
-- sync.begin{worksheet =, plans = {ids}, items = {ids}} opens a scope over what the worksheet
-- wrote before (the plans it created, the items it added to other plans, and everything under
-- them). While it is open, plan.create, p:add and item:add reuse those rows instead of making
-- new ones; sync.finish(scope) deletes what the run did not write again and returns the new
-- list of outputs. Everything happens inside the caller's transaction.
local core = require "cairn.plan.core"
local dates = require "cairn.plan.dates"
local rows = require "cairn.plan.rows"

local sync = {}

-- Notes on the status changes a worksheet records with `status =` (a district may reword them;
-- the first is the one insert_item writes for a new item's initial status).
sync.initial_note = "initial status"
sync.restated_note = "status changed in the worksheet"

-- Share of words two texts must have in common (Dice coefficient) for an item whose text
-- changed to keep its identity when it stays at the same place among its siblings.
sync.similarity = 0.5

local Scope = {}
Scope.__index = Scope

local function norm(s)
  return (tostring(s or ""):lower():gsub("%s+", " "):gsub("^ ", ""):gsub(" $", ""))
end

local function words(s)
  local set, n = {}, 0
  for w in norm(s):gmatch("[%w']+") do
    if not set[w] then set[w] = true; n = n + 1 end
  end
  return set, n
end

-- Whether texts A and B share enough words to be the same item reworded.
function sync.similar(a, b)
  local sa, na = words(a)
  local sb, nb = words(b)
  if na == 0 or nb == 0 then return false end
  local both = 0
  for w in pairs(sa) do if sb[w] then both = both + 1 end end
  return 2 * both / (na + nb) >= sync.similarity
end

local copy = require("cairn.util").copy

function Scope:own(id)
  if not self.mine[id] then
    self.mine[id] = true
    self.mine_list[#self.mine_list + 1] = id
  end
end

function Scope:touch(id, plan_id)
  if not self.touched[id] then
    self.touched[id] = true
    self.touched_list[#self.touched_list + 1] = id
  end
  self.used_plans[plan_id] = true
end

-- Open a scope. OPTS: worksheet (id), plans (ids it created before), items (ids it added to
-- plans it did not create), others (ids other worksheets added, maybe to this one's plans).
function sync.begin(opts)
  opts = opts or {}
  local owner = require("cairn.session").current()
  if owner.sync then core.fail("plan sync: a sync scope is already open") end
  local db = core.db()
  local s = setmetatable({
    worksheet = opts.worksheet, prior = {}, prior_list = {}, claimed = {}, created = {},
    mine = {}, mine_list = {}, touched = {}, touched_list = {}, used_plans = {},
    candidates = {}, ordinals = {}, counters = {}, kind_count = {}, links = {},
  }, Scope)
  -- items other worksheets added to this worksheet's plans stay theirs (the SFSS Four R's rows
  -- in the SFSS plan): they are neither reused nor deleted here
  local theirs = {}
  for _, iid in ipairs(opts.others or {}) do
    local it = core.item(iid)
    if it then
      theirs[iid] = true
      for _, d in ipairs(it:descendants()) do theirs[d.id] = true end
    end
  end
  for _, pid in ipairs(opts.plans or {}) do
    if not s.prior[pid] and db:one("SELECT 1 FROM plan WHERE id = ?", pid) then
      s.prior[pid] = true
      s.prior_list[#s.prior_list + 1] = pid
      for r in db:rows("SELECT id FROM plan_item WHERE plan_id = ? ORDER BY id", pid) do
        if not theirs[r.id] then s:own(r.id) end
      end
    end
  end
  for _, iid in ipairs(opts.items or {}) do
    local it = core.item(iid)
    if it then
      s:own(iid)
      for _, d in ipairs(it:descendants()) do s:own(d.id) end
    end
  end
  s.session = owner -- the scope lives in this session, not in the module
  owner.sync = s
  return s
end

local function close(s)
  if s.session and s.session.sync == s then s.session.sync = nil end
end

-- Close the scope without finishing (to_plan raised: the caller's transaction rolls back).
function sync.abort(s)
  close(s)
end

-- ---- plans ----------------------------------------------------------------------------------

-- plan.create in a scope: the worksheet's plan of that kind and title (any case), else the one
-- of that kind it made in the same order, else its first of that kind not yet reused, is updated (title, level, period, levels, source, fields)
-- and returned; otherwise a new plan is created.
function Scope:create(spec)
  local v = core.plan_values(spec)
  local db = core.db()
  local same_kind = {}
  for _, pid in ipairs(self.prior_list) do
    local r = db:one("SELECT kind, title FROM plan WHERE id = ?", pid)
    if r and r.kind == v.kind then same_kind[#same_kind + 1] = { id = pid, title = r.title } end
  end
  self.kind_count[v.kind] = (self.kind_count[v.kind] or 0) + 1
  local pick
  for _, c in ipairs(same_kind) do
    if not self.claimed[c.id] and norm(c.title) == norm(v.title) then pick = c.id; break end
  end
  -- a renamed plan: the one made in the same order, else the first of the kind left
  local nth = same_kind[self.kind_count[v.kind]]
  if not pick and nth and not self.claimed[nth.id] then pick = nth.id end
  for _, c in ipairs(same_kind) do
    if not pick and not self.claimed[c.id] then pick = c.id end
  end
  if not pick then
    local p = core.create_new(spec)
    self.claimed[p.id] = true
    self.created[p.id] = true
    return p
  end
  self.claimed[pick] = true
  db:exec([[UPDATE plan SET title = :title, level = :level, period = :period,
      levels = coalesce(:levels, levels), source_tool = :tool, source_worksheet = :ws, fields = :fields
    WHERE id = :id]], { title = v.title, level = v.level, period = v.period, levels = v.levels,
      tool = v.tool, ws = v.ws, fields = v.fields, id = pick })
  return core.plan_by_id(pick)
end

-- ---- items ----------------------------------------------------------------------------------

-- The worksheet's earlier items under PARENT_ID at LEVEL, in sibling order as they were before
-- this run touched that level (reusing and inserting keep the relative order of the others).
function Scope:olds(plan_id, parent_id, level)
  local k = string.format("%d:%s:%s", plan_id, tostring(parent_id or 0), level)
  local c = self.candidates[k]
  if not c then
    c = {}
    for r in core.db():rows([[SELECT id, text, fields FROM plan_item
        WHERE plan_id = ? AND parent_id IS ? AND level = ? ORDER BY position, id]], plan_id, parent_id, level) do
      if self.mine[r.id] then
        c[#c + 1] = { id = r.id, text = r.text, key = core.decode(r.fields)._key }
      end
    end
    self.candidates[k] = c
  end
  local n = (self.ordinals[k] or 0) + 1
  self.ordinals[k] = n
  return c, n
end

-- The earlier item this add stands for: same plan, parent and level, then the same `key`, else
-- the same text (any case and spacing), else the one at the same place among the level's
-- siblings when the texts share enough words (a reworded item). nil: a new item.
function Scope:match(plan_id, parent_id, level, key, text)
  local olds, n = self:olds(plan_id, parent_id, level)
  local function free(o) return not self.touched[o.id] and (key == nil or o.key == nil or o.key == key) end
  if key ~= nil then
    for _, o in ipairs(olds) do
      if not self.touched[o.id] and o.key == key then return o.id end
    end
  end
  local want = norm(text)
  for _, o in ipairs(olds) do
    if free(o) and o.key == nil and norm(o.text) == want then return o.id end
  end
  local o = olds[n]
  if o and free(o) and o.key == nil and sync.similar(o.text, text) then return o.id end
  return nil
end

-- Record what the worksheet says the status is, unless it says what it said before or what the
-- item already shows (someone may have updated the item since: the worksheet does not undo it).
function Scope:restate(id, key, spec, field)
  local db = core.db()
  local cur = db:value("SELECT status FROM plan_item WHERE id = ?", id)
  local said = db:value([[SELECT status FROM status_change WHERE item_id = ? AND note IN (?, ?)
    ORDER BY id DESC LIMIT 1]], id, sync.initial_note, sync.restated_note)
  if key == nil then
    if said == nil then return end -- the worksheet never set one: leave the item's own
    key = "not_started"
  end
  if key == cur or key == said then return end
  local on = dates.check(spec.status_on, field .. ".status_on") or spec.start or dates.today()
  local last = db:value("SELECT max(on_date) FROM status_change WHERE item_id = ?", id)
  if last and on < last then on = last end
  core.record_status(id, { status = key, percent = spec.percent, on = on, note = sync.restated_note })
  db:exec("UPDATE plan_item SET status = ? WHERE id = ?", key, id)
  if key == "done" then db:exec("UPDATE plan_item SET percent = 100 WHERE id = ?", id) end
end

-- Rewrite item ID from SPEC as p:add would have written it: text, level, kind, owner, dates,
-- resources, tags and fields are replaced; percent only when given; status as Scope:restate.
function Scope:update(id, spec, text, level, key)
  local db = core.db()
  local field = "item '" .. rows.clip(text, 40) .. "'"
  core.check_dates(spec.start, spec.due, field)
  local owner_id = core.person_id(spec.owner or spec.lead, field .. ".owner")
  local res = core.resources_of(spec, field)
  local tags = core.check_tags(spec.tags, field)
  if spec.fields ~= nil and type(spec.fields) ~= "table" then core.fail("%s.fields: expected a table", field) end
  local fields = copy(spec.fields)
  fields._key = key
  local cur = db:one("SELECT plan_id, percent FROM plan_item WHERE id = ?", id)
  local percent = cur.percent
  if spec.percent ~= nil then percent = core.check_percent(spec.percent, field .. ".percent") end
  local status = spec.status and core.status_key(spec.status, field .. ".status") or nil
  db:exec([[UPDATE plan_item SET text = :text, level = :level, kind = :kind, owner_id = :owner,
      start = :start, due = :due, percent = :percent, res_available = :avail, res_needed = :needed,
      cost = :cost, funding = :funding, fields = :fields WHERE id = :id]], {
    text = text, level = level, kind = core.kind_key(spec.kind or spec.type, field .. ".kind"),
    owner = owner_id, start = spec.start, due = spec.due, percent = percent,
    avail = res.available, needed = res.needed, cost = res.cost, funding = res.funding,
    fields = core.encode(fields), id = id })
  db:exec("DELETE FROM item_tag WHERE item_id = ?", id)
  for _, t in ipairs(tags) do db:exec("INSERT OR IGNORE INTO item_tag(item_id, tag) VALUES (?, ?)", id, t) end
  core.add_level(cur.plan_id, level)
  self:restate(id, status, spec, field)
end

-- p:add / item:add in a scope.
function Scope:add(plan_id, parent_id, spec)
  if type(spec) == "string" then spec = { text = spec } end
  if type(spec) ~= "table" then return core.insert_item(plan_id, parent_id, spec) end -- raises
  local db = core.db()
  local text = core.check_text(spec.text, "item.text", true)
  local level = spec.level
  if level == nil then
    level = core.decode(db:value("SELECT levels FROM plan WHERE id = ?", plan_id))[core.depth_of(parent_id)]
  end
  local key = spec.key ~= nil and tostring(spec.key) or nil
  -- under the worksheet's own plans and items the run decides the order; in someone else's
  -- plan its items keep their place and new ones go last
  local ordered = self.prior[plan_id] or (parent_id ~= nil and (self.mine[parent_id] or self.touched[parent_id]))
  local pos
  if ordered then
    local pk = string.format("%d:%s", plan_id, tostring(parent_id or 0))
    pos = (self.counters[pk] or 0) + 1
    self.counters[pk] = pos
  end
  local id = type(level) == "string" and self:match(plan_id, parent_id, level, key, text) or nil
  if not id then
    local s = spec
    if pos and s.position == nil then s = copy(spec); s.position = pos end
    local it = core.insert_item(plan_id, parent_id, s)
    self:touch(it.id, plan_id)
    return it
  end
  level = core.check_text(level, "item '" .. rows.clip(text, 40) .. "'.level", true)
  self:update(id, spec, text, level, key)
  self:touch(id, plan_id)
  local it = core.item(id)
  if pos and it.position ~= pos then it:move(pos) end
  return core.item(id)
end

-- Whether set_status(KEY, {note = NOTE}) on IT repeats what is recorded: without a note, the
-- item already has that status; with one, its history already holds that note (the worksheet
-- said it before; a status someone set since, e.g. reopening an adopted task, is not undone).
function Scope:repeats_status(it, key, note)
  local db = core.db()
  if note == nil then return db:value("SELECT status FROM plan_item WHERE id = ?", it.id) == key end
  return db:one("SELECT 1 FROM status_change WHERE item_id = ? AND note = ?", it.id, note) ~= nil
end

-- plan.link in a scope: remember the link (canonical ends), so links an earlier save made and
-- this one does not can go.
function Scope:linked(fk, fi, rel, tk, ti)
  self.links[string.format("%s:%d:%s:%s:%d", fk, fi, rel, tk, ti)] =
    { from_kind = fk, from_id = fi, relation = rel, to_kind = tk, to_id = ti }
end

-- ---- the end ----------------------------------------------------------------------------------

-- Close scope S: delete the earlier items and plans the run did not write again (with their
-- links), and the links of OLD_LINKS (what the earlier save linked: Scope.links of a run over
-- its answers) the run did not make again; return the worksheet's outputs,
-- { {kind = "plan" | "item", ref = id}, ... }, and counts of what was removed.
function sync.finish(s, old_links)
  close(s)
  local db = core.db()
  local removed_links = 0
  for k, l in pairs(old_links or {}) do
    if not s.links[k] then
      removed_links = removed_links + db:exec([[DELETE FROM link WHERE from_kind = ? AND from_id = ?
        AND relation = ? AND to_kind = ? AND to_id = ?]], l.from_kind, l.from_id, l.relation, l.to_kind, l.to_id)
    end
  end
  local keep = {}
  for pid in pairs(s.claimed) do keep[pid] = true end
  -- a plan the worksheet made before and now only added to (found it instead of creating it)
  for _, pid in ipairs(s.prior_list) do if s.used_plans[pid] then keep[pid] = true end end
  local removed = { items = 0, plans = 0, links = removed_links }
  for _, id in ipairs(s.mine_list) do
    if not s.touched[id] then
      local r = db:one("SELECT plan_id FROM plan_item WHERE id = ?", id)
      if r and (keep[r.plan_id] or not s.prior[r.plan_id]) then
        core.item(id):remove()
        removed.items = removed.items + 1
      end
    end
  end
  for _, pid in ipairs(s.prior_list) do
    if not keep[pid] then
      local p = core.plan_by_id(pid)
      if p then p:remove(); removed.plans = removed.plans + 1 end
    end
  end
  local out, plans = {}, {}
  for pid in pairs(keep) do plans[#plans + 1] = pid end
  table.sort(plans)
  for _, pid in ipairs(plans) do out[#out + 1] = { kind = "plan", ref = pid } end
  for _, id in ipairs(s.touched_list) do
    local r = db:one("SELECT plan_id, parent_id FROM plan_item WHERE id = ?", id)
    if r and not keep[r.plan_id] and (r.parent_id == nil or not s.touched[r.parent_id]) then
      out[#out + 1] = { kind = "item", ref = id }
    end
  end
  return out, removed
end

return sync
