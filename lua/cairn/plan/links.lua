-- cairn.plan.links: links between things, stored generically as
-- (from_kind, from_id, relation, to_kind, to_id), and walks along them.
--
-- Relations have a direction; each known one has an inverse name that reads the link the other
-- way ("addresses" / "addressed_by"). A link given with an inverse name is stored the canonical
-- way round. A district may add relations to link.relations.
local core = require "cairn.plan.core"

local links = {}
local fail = core.fail

-- canonical relation -> its inverse name. Wording a district may extend (defined in core).
links.relations = core.relations

local inverse = {}
local function rebuild()
  inverse = {}
  for k, v in pairs(links.relations) do inverse[v] = k end
end

-- canonical name and whether FROM/TO must be swapped
local function canonical(rel)
  rebuild()
  if links.relations[rel] then return rel, false end
  if inverse[rel] then return inverse[rel], true end
  return rel, false
end

-- (kind, id) of an item, plan, person, group, or a {kind =, id =} reference.
function links.ref(x, field)
  field = field or "link"
  if type(x) == "table" then
    local mt = getmetatable(x)
    if type(mt) == "table" and mt.kind and x.id then return mt.kind, x.id end
    if x.kind and math.type(x.id) == "integer" and getmetatable(x) == nil then return x.kind, x.id end
  end
  fail("%s: expected an item, plan, person or {kind = ..., id = ...}, got %s", field, type(x) == "table" and "a table without kind and id" or type(x))
end

local function exists(kind, id)
  local db = core.db()
  if kind == "item" then return db:one("SELECT 1 FROM plan_item WHERE id = ?", id) ~= nil end
  if kind == "plan" then return db:one("SELECT 1 FROM plan WHERE id = ?", id) ~= nil end
  if kind == "person" then return db:one("SELECT 1 FROM person WHERE id = ?", id) ~= nil end
  if kind == "group" then return db:one("SELECT 1 FROM stakeholder_group WHERE id = ?", id) ~= nil end
  return true -- survey items, worksheets, ...: other modules' things, checked by them
end
links.exists = exists

-- The object for a reference: items, plans and people load; other kinds stay references.
function links.resolve(kind, id)
  if kind == "item" then return core.item(id) end
  if kind == "plan" then return core.plan_by_id(id) end
  if kind == "person" then return core.find_person(id) end
  if kind == "group" then return core.find_group(id) end
  return setmetatable({ kind = kind, id = id }, { __tostring = function(r) return r.kind .. " #" .. r.id end })
end

function links.link(from, to, relation, note)
  if type(relation) ~= "string" or not relation:match("^[%a_][%w_]*$") then
    fail("link: relation: expected a name like 'addresses', got %s", tostring(relation))
  end
  local fk, fi = links.ref(from, "link.from")
  local tk, ti = links.ref(to, "link.to")
  local rel, swap = canonical(relation)
  if swap then fk, fi, tk, ti = tk, ti, fk, fi end
  if not exists(fk, fi) then fail("link.from: %s #%d does not exist", fk, fi) end
  if not exists(tk, ti) then fail("link.to: %s #%d does not exist", tk, ti) end
  if fk == tk and fi == ti then fail("link: a %s cannot be linked to itself", fk) end
  local db = core.db()
  db:exec([[INSERT INTO link(from_kind, from_id, relation, to_kind, to_id, note) VALUES (?, ?, ?, ?, ?, ?)
    ON CONFLICT(from_kind, from_id, relation, to_kind, to_id) DO UPDATE SET note = coalesce(excluded.note, note)]],
    fk, fi, rel, tk, ti, note)
  local sync = core.sync_scope()
  if sync then sync:linked(fk, fi, rel, tk, ti) end
  return { from_kind = fk, from_id = fi, relation = rel, to_kind = tk, to_id = ti, note = note }
end

function links.unlink(from, to, relation)
  local fk, fi = links.ref(from, "unlink.from")
  local tk, ti = links.ref(to, "unlink.to")
  local rel, swap = canonical(relation)
  if swap then fk, fi, tk, ti = tk, ti, fk, fi end
  return core.db():exec([[DELETE FROM link WHERE from_kind = ? AND from_id = ? AND relation = ?
    AND to_kind = ? AND to_id = ?]], fk, fi, rel, tk, ti)
end

-- One step from a node: the nodes reached over RELATION. Special steps: "children",
-- "descendants", "parent". A relation name (or "<name" for the reverse) follows links.
local function step(kind, id, relation)
  local out = {}
  local db = core.db()
  if relation == "children" or relation == "descendants" or relation == "parent" then
    if kind ~= "item" and not (kind == "plan" and relation ~= "parent") then return out end
    if relation == "parent" then
      local p = db:value("SELECT parent_id FROM plan_item WHERE id = ?", id)
      if p then out[1] = { "item", p } end
      return out
    end
    local sql = kind == "plan" and "SELECT id FROM plan_item WHERE plan_id = ? AND parent_id IS NULL ORDER BY position, id"
      or "SELECT id FROM plan_item WHERE parent_id = ? ORDER BY position, id"
    local direct = {}
    for r in db:rows(sql, id) do direct[#direct + 1] = r.id end
    for _, c in ipairs(direct) do
      out[#out + 1] = { "item", c }
      if relation == "descendants" then
        for _, d in ipairs(step("item", c, "descendants")) do out[#out + 1] = d end
      end
    end
    return out
  end
  local reverse = false
  if relation:sub(1, 1) == "<" then relation, reverse = relation:sub(2), true end
  local rel, swap = canonical(relation)
  if swap then reverse = not reverse end
  local sql = reverse
    and "SELECT from_kind AS k, from_id AS i FROM link WHERE to_kind = ? AND to_id = ? AND relation = ? ORDER BY from_kind, from_id"
    or "SELECT to_kind AS k, to_id AS i FROM link WHERE from_kind = ? AND from_id = ? AND relation = ? ORDER BY to_kind, to_id"
  for r in db:rows(sql, kind, id, rel) do out[#out + 1] = { r.k, r.i } end
  return out
end

local Path = {}
Path.__index = Path
function Path.__tostring(p)
  local parts = {}
  for i, node in ipairs(p) do
    local s
    local mt = getmetatable(node)
    if mt == core.Item then s = string.format("%s #%d '%s'", node.level, node.id, node.text)
    elseif mt == core.Plan then s = string.format("plan #%d '%s'", node.id, node.title)
    else s = tostring(node) end
    parts[i] = (i > 1 and (p.relations[i - 1] .. " -> ") or "") .. s
  end
  return table.concat(parts, " ")
end

local Paths = {}
Paths.__index = Paths
function Paths.__tostring(ps)
  if #ps == 0 then return "(no paths)" end
  local out = {}
  for i, p in ipairs(ps) do out[i] = tostring(p) end
  return table.concat(out, "\n")
end

-- Walk from START (an item, plan or reference, or a list of them) along RELATIONS in order,
-- e.g. { "addresses", "children", "measured_by" }. Returns the list of paths (each a list of
-- nodes, starting node first) that go the whole way; opts.partial keeps paths that stop early.
-- Without RELATIONS every outgoing link and child is followed until nothing is left.
function links.walk(start, relations, opts)
  opts = opts or {}
  local starts = {}
  if type(start) == "table" and getmetatable(start) ~= core.Item and getmetatable(start) ~= core.Plan
    and start[1] ~= nil then
    for _, s in ipairs(start) do starts[#starts + 1] = s end
  else
    starts[1] = start
  end
  local results = setmetatable({}, Paths)
  local function emit(nodes, rels)
    local p = setmetatable({ relations = rels }, Path)
    for i, n in ipairs(nodes) do p[i] = links.resolve(n[1], n[2]) end
    results[#results + 1] = p
  end
  local function go(nodes, rels, depth)
    local last = nodes[#nodes]
    if relations then
      if depth > #relations then emit(nodes, rels); return end
      local rel = relations[depth]
      local next_nodes = step(last[1], last[2], rel)
      if #next_nodes == 0 then
        if opts.partial then emit(nodes, rels) end
        return
      end
      for _, n in ipairs(next_nodes) do
        local nn = { table.unpack(nodes) }
        nn[#nn + 1] = n
        local rr = { table.unpack(rels) }
        rr[#rr + 1] = rel
        go(nn, rr, depth + 1)
      end
    else
      -- follow everything outgoing, without revisiting a node on this path
      local nexts = {}
      for _, c in ipairs(step(last[1], last[2], "children")) do nexts[#nexts + 1] = { c, "children" } end
      for r in core.db():rows("SELECT to_kind, to_id, relation FROM link WHERE from_kind = ? AND from_id = ? ORDER BY relation, to_kind, to_id",
        last[1], last[2]) do
        nexts[#nexts + 1] = { { r.to_kind, r.to_id }, r.relation }
      end
      local went = false
      for _, x in ipairs(nexts) do
        local seen = false
        for _, n in ipairs(nodes) do if n[1] == x[1][1] and n[2] == x[1][2] then seen = true end end
        if not seen and depth <= 20 then
          local nn = { table.unpack(nodes) }
          nn[#nn + 1] = x[1]
          local rr = { table.unpack(rels) }
          rr[#rr + 1] = x[2]
          went = true
          go(nn, rr, depth + 1)
        end
      end
      if not went and #nodes > 1 then emit(nodes, rels) end
    end
  end
  for i, s in ipairs(starts) do
    local k, id = links.ref(s, "walk.start[" .. i .. "]")
    go({ { k, id } }, {}, 1)
  end
  return results
end

local links_mt = require("cairn.plan.rows").kind({
  { "relation", "relation" },
  { "other", "linked to", function(l) return tostring(l.other) end, width = 60 },
}, "(no links)")

-- The links of a thing, both directions, each with the relation as read from it.
function links.of(x, opts)
  opts = opts or {}
  rebuild()
  local k, id = links.ref(x, "links")
  local out = {}
  for r in core.db():rows("SELECT * FROM link WHERE from_kind = ? AND from_id = ? ORDER BY relation, id", k, id) do
    if not opts.relation or opts.relation == r.relation then
      out[#out + 1] = { relation = r.relation, other = links.resolve(r.to_kind, r.to_id), note = r.note }
    end
  end
  for r in core.db():rows("SELECT * FROM link WHERE to_kind = ? AND to_id = ? ORDER BY relation, id", k, id) do
    local name = links.relations[r.relation] or ("<" .. r.relation)
    if not opts.relation or opts.relation == name then
      out[#out + 1] = { relation = name, other = links.resolve(r.from_kind, r.from_id), note = r.note }
    end
  end
  return require("cairn.plan.rows").new(links_mt, out)
end

function core.Item:link(to, relation, note) return links.link(self, to, relation, note) end
function core.Item:links(opts) return links.of(self, opts) end
function core.Item:walk(relations, opts) return links.walk(self, relations, opts) end

return links
