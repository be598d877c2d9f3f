-- cairn.survey.linked: one suppression pattern per wave, decided for all its tables together
-- (docs/survey-privacy.md).
--
-- The published tables of a wave are the total, the breakdown by each attribute, and the
-- breakdown by each pair of attributes (results, where=, margins, rates, reports and exports
-- all read from these). They are margins of one hypercube: the full cross-classification of
-- the wave's attributes. A pattern is chosen for the respondent counts, then for each item
-- (starting from the withheld groups), by primary suppression (above zero, below the minimum)
-- and then secondary suppression until cairn.survey.audit finds nothing: no withheld cell is
-- determined by the published ones, each withheld cell's range is at least the protection
-- level wide, and no published line leaves a small group of withheld cells recoverable as a
-- whole. Complements are the cheapest published cell (smallest count) on a line through the
-- problem cell, as in the hypercube method.
local core = require "cairn.surveycore"
local model = require "cairn.survey.model"
local audit = require "cairn.survey.audit"
local session = require "cairn.session"

local M = {}

M.reasons = {
  small = function(min) return string.format("fewer than %d respondents", min) end,
  small_item = function(min) return string.format("fewer than %d answers to this item", min) end,
  complementary = "withheld so that a smaller group cannot be worked out by subtraction",
}

-- The n of each item in a counts vector (same rule as results: the n that suppression counts).
function M.item_ns(lay, cells)
  local ns = {}
  for i, s in ipairs(lay.items) do
    local c = s.cell + 1
    if s.kind == "level" then
      local n = 0
      for k = 1, s.k do n = n + cells[c + 1 + k] end
      ns[i] = n
    elseif s.kind == "bits" then
      ns[i] = cells[c] + cells[c + 1]
    else
      ns[i] = cells[c + 1]
    end
  end
  return ns
end

-- Table keys: "" (total), "1" (by attribute 1), "1,2" (attributes 1 and 2; lower first).
-- Cell keys: the codes at those positions joined by ":" ("" for the total).
function M.table_key(positions)
  local p = {}
  for i, v in ipairs(positions) do p[i] = v end
  table.sort(p)
  return table.concat(p, ","), p
end

function M.cell_key(codes) return table.concat(codes, ":") end

-- The hypercube of a wave: atoms (attribute codes, respondents, item n's) and every published
-- cell with the atoms it sums.
function M.cube(db, w)
  local lay = model.layout(w.inst)
  local m = #w.inst.attributes
  local atoms, by_key = {}, {}
  local cols = {}
  for p = 1, m do cols[p] = "a" .. p end
  local sql = "SELECT " .. (m > 0 and table.concat(cols, ", ") .. ", " or "")
    .. "answers FROM survey_response WHERE wave_id = ? ORDER BY "
    .. (m > 0 and table.concat(cols, ", ") .. ", " or "") .. "id"
  for r in db:rows(sql, w.id) do
    local codes = {}
    for p = 1, m do codes[p] = r["a" .. p] end
    local key = M.cell_key(codes)
    local a = by_key[key]
    if not a then
      a = { codes = codes, respondents = 0, cells = nil }
      atoms[#atoms + 1] = a
      by_key[key] = a
    end
    a.respondents = a.respondents + 1
    a.cells = core.accumulate(lay, r.answers, a.cells)
  end
  for _, a in ipairs(atoms) do a.ns = M.item_ns(lay, a.cells or {}) end
  -- tables: total, each attribute, each pair
  local tables = { { key = "", positions = {} } }
  for p = 1, m do tables[#tables + 1] = { key = tostring(p), positions = { p } } end
  for p = 1, m do
    for q = p + 1, m do tables[#tables + 1] = { key = p .. "," .. q, positions = { p, q } } end
  end
  local cells, index = {}, {}
  for _, t in ipairs(tables) do
    index[t.key] = {}
    local groups, order = {}, {}
    for ai, a in ipairs(atoms) do
      local codes = {}
      for i, p in ipairs(t.positions) do codes[i] = a.codes[p] end
      local ck = M.cell_key(codes)
      if not groups[ck] then
        groups[ck] = { table = t.key, positions = t.positions, codes = codes, key = ck, atoms = {} }
        order[#order + 1] = ck
      end
      table.insert(groups[ck].atoms, ai)
    end
    if #t.positions == 0 and not groups[""] then
      groups[""] = { table = "", positions = {}, codes = {}, key = "", atoms = {} }
      order[1] = ""
    end
    for _, ck in ipairs(order) do
      cells[#cells + 1] = groups[ck]
      index[t.key][ck] = #cells
    end
  end
  -- lines: a cell of a table and its members in each table one attribute finer. The cells of
  -- the finer table are grouped once by their codes at the coarser table's positions.
  local groups_of = {} -- "finer table|coarser table" -> {coarser cell key -> member cell indices}
  local function members_of(c, fk, fpos)
    local gk = fk .. "|" .. c.table
    local groups = groups_of[gk]
    if not groups then
      groups = {}
      for _, mi in pairs(index[fk]) do
        local codes = {}
        for i, q in ipairs(c.positions) do
          for j, fq in ipairs(fpos) do if fq == q then codes[i] = cells[mi].codes[j] end end
        end
        local k = M.cell_key(codes)
        local list = groups[k]
        if not list then list = {}; groups[k] = list end
        list[#list + 1] = mi
      end
      groups_of[gk] = groups
    end
    return groups[c.key] or {}
  end
  local lines = {}
  for ci, c in ipairs(cells) do
    if #c.positions < 2 then
      for p = 1, m do
        local has = false
        for _, q in ipairs(c.positions) do if q == p then has = true end end
        if not has then
          local fk, fpos = M.table_key({ p, table.unpack(c.positions) })
          local members = members_of(c, fk, fpos)
          table.sort(members)
          lines[#lines + 1] = { parent = ci, members = members }
        end
      end
    end
  end
  return { atoms = atoms, cells = cells, index = index, lines = lines, tables = tables, lay = lay }
end

-- The system of one figure family: VALUE_OF(atom) is the family's count in an atom.
local function system_of(cube, value_of)
  local x = {}
  for i, a in ipairs(cube.atoms) do x[i] = value_of(a) end
  local cells = {}
  for i, c in ipairs(cube.cells) do
    local v = 0
    for _, ai in ipairs(c.atoms) do v = v + x[ai] end
    cells[i] = { atoms = c.atoms, value = v }
  end
  return { atoms = x, cells = cells, lines = cube.lines }
end

-- Do two cells lie on one line (same table differing in one code, or one is the other's
-- parent)? Used to pick complements near the problem.
local function on_line(cube, a, b)
  local ca, cb = cube.cells[a], cube.cells[b]
  if ca.table == cb.table then
    local diff = 0
    for i = 1, #ca.codes do if ca.codes[i] ~= cb.codes[i] then diff = diff + 1 end end
    return diff == 1
  end
  local small, big = ca, cb
  if #small.positions > #big.positions then small, big = big, small end
  if #big.positions - #small.positions ~= 1 then return false end
  for i, q in ipairs(small.positions) do
    for j, p in ipairs(big.positions) do
      if p == q and big.codes[j] ~= small.codes[i] then return false end
    end
  end
  return true
end

-- How near each cell of the cube is to cell PI, when nearer than "any other" (4): 1 on a line
-- through it in its own table, 2 its parent or child, 3 sharing respondents with it. Worked
-- out once per problem cell and kept on the cube: the same cells come up round after round
-- and item after item.
local function nearness(cube, pi)
  cube.near = cube.near or {}
  local near = cube.near[pi]
  if near then return near end
  near = {}
  local pc = cube.cells[pi]
  local patoms = {}
  for _, a in ipairs(pc.atoms) do patoms[a] = true end
  for ci, cc in ipairs(cube.cells) do
    if on_line(cube, pi, ci) then
      near[ci] = cc.table == pc.table and 1 or 2
    else
      for _, a in ipairs(cc.atoms) do if patoms[a] then near[ci] = 3; break end end
    end
  end
  cube.near[pi] = near
  return near
end

-- Does candidate (class, value, ci) come before candidate E?
local function precedes(class, value, ci, e)
  if class ~= e.class then return class < e.class end
  if value ~= e.value then return value < e.value end
  return ci < e.ci
end

-- The first K published cells that could be withheld for problem cell PI, cheapest first:
-- cells of its own table on a line through it (the hypercube's choice), then its parents and
-- children, then cells sharing respondents with it, then any other; within each, by count;
-- the total, and cells with a count of zero, last. (The order is total, ties broken by cell
-- index, so keeping the K first while scanning gives the first K of the whole sorted list.)
local function candidates(cube, sys, pi, k)
  local near = nearness(cube, pi)
  local cells = cube.cells
  local list, n = {}, 0
  for ci, c in ipairs(sys.cells) do
    if not c.withheld and #c.atoms > 0 then
      local class = near[ci] or 4
      if #cells[ci].positions == 0 then class = class + 10 end
      local value = c.value
      if value == 0 then class = class + 20 end
      if n < k or precedes(class, value, ci, list[n]) then
        local i = n < k and n + 1 or n
        n = i
        while i > 1 and precedes(class, value, ci, list[i - 1]) do
          list[i] = list[i - 1]
          i = i - 1
        end
        list[i] = { ci = ci, class = class, value = value }
      end
    end
  end
  return list
end

-- Is the problem PR resolved when the cells currently withheld stay withheld?
-- Also returns the null space it computed (the next round's, when this complement is taken).
local function resolved(sys, pr, opts)
  local problems, basis = audit.check(sys, opts, pr.kind ~= "small_union" and pr.cell or nil)
  for _, p in ipairs(problems) do
    if p.cell == pr.cell and p.kind == pr.kind then return false, basis end
  end
  return true, basis
end

M.tries = 6

-- Choose the pattern of one family. INITIAL: cell index -> reason already withheld.
function M.search(cube, sys, opts, initial)
  for ci, c in ipairs(sys.cells) do
    if initial and initial[ci] then
      c.withheld = initial[ci]
    elseif c.value > 0 and c.value < opts.min then
      c.withheld = opts.primary
    end
  end
  local known -- the null space of the current pattern, when a trial below already computed it
  while true do
    local problems = audit.check(sys, opts, nil, known)
    known = nil
    if #problems == 0 then break end
    -- one complement per round, for the first problem: the first candidate (cheapest first)
    -- that resolves it, else the cheapest
    local pr = problems[1]
    local pick
    if pr.kind == "small_union" then
      local line = sys.lines[pr.line]
      for _, mi in ipairs(line.members) do
        local m = sys.cells[mi]
        if not m.withheld and m.value > 0 and (not pick or m.value < sys.cells[pick].value) then pick = mi end
      end
      pick = pick or line.parent
    else
      local list = candidates(cube, sys, pr.cell, math.max(M.tries, 1))
      for i = 1, math.min(M.tries, #list) do
        local c = sys.cells[list[i].ci]
        c.withheld = M.reasons.complementary
        local ok, basis = resolved(sys, pr, opts)
        c.withheld = nil
        if ok then pick, known = list[i].ci, basis; break end
      end
      pick = pick or (list[1] and list[1].ci)
    end
    if not pick or sys.cells[pick].withheld then
      error("survey suppression: no cell left to withhold (please report this as a bug)", 0)
    end
    sys.cells[pick].withheld = M.reasons.complementary
  end
  return sys
end

-- The whole wave: { respondents = {tkey = {ckey = reason}}, items = {[ii] = {tkey = {ckey = reason}}},
--   cube =, systems = {respondents = sys, [ii] = sys} }
function M.compute(db, w, min, protection)
  local cube = M.cube(db, w)
  local opts = { min = min, protection = protection, primary = M.reasons.small(min) }
  local rsys = M.search(cube, system_of(cube, function(a) return a.respondents end), opts)
  local function as_map(sys)
    local map = {}
    for tkey, cellsof in pairs(cube.index) do
      map[tkey] = {}
      for ckey, ci in pairs(cellsof) do map[tkey][ckey] = sys.cells[ci].withheld end
    end
    return map
  end
  local out = { respondents = as_map(rsys), items = {}, cube = cube, systems = { respondents = rsys },
    min = min, protection = protection }
  local initial = {}
  for ci, c in ipairs(rsys.cells) do initial[ci] = c.withheld end
  local iopts = { min = min, protection = protection, primary = M.reasons.small_item(min) }
  local memo = {}
  for ii in ipairs(cube.lay.items) do
    local sys = system_of(cube, function(a) return a.ns[ii] end)
    local key = table.concat(sys.atoms, ",")
    if memo[key] then
      out.items[ii] = memo[key].map
      out.systems[ii] = memo[key].sys
    else
      M.search(cube, sys, iopts, initial)
      local map = as_map(sys)
      memo[key] = { map = map, sys = sys }
      out.items[ii], out.systems[ii] = map, sys
    end
  end
  return out
end

-- The pattern for listing an open-text item's comments: starts from the item's own pattern (so
-- a group whose answers to it are withheld shows no comments, and no comment count) and
-- searches the respondent counts with the comment threshold as the minimum.
-- Returns {tkey = {ckey = reason}}.
function M.comment_pattern(db, w, ii, min, threshold, protection, reason)
  local base = M.pattern(db, w, min, protection)
  local cube = base.cube or M.cube(db, w)
  local initial = {}
  for tkey, cellsof in pairs(cube.index) do
    local item_map = base.items[ii][tkey] or {}
    for ckey, ci in pairs(cellsof) do
      if item_map[ckey] then initial[ci] = reason end
    end
  end
  local sys = system_of(cube, function(a) return a.respondents end)
  M.search(cube, sys, { min = threshold, protection = protection, primary = reason }, initial)
  for _, c in ipairs(sys.cells) do
    if c.withheld then c.withheld = reason end
  end
  local map = {}
  for tkey, cellsof in pairs(cube.index) do
    map[tkey] = {}
    for ckey, ci in pairs(cellsof) do map[tkey][ckey] = sys.cells[ci].withheld end
  end
  return map
end

-- ---- the stored pattern (migration 007_survey_pattern) -----------------------------------

-- What the pattern depends on, read from small tables (never a scan of the responses):
-- responses are only added, by imports and entries, each of which writes a survey_import row
-- and updates the wave's stored tallies.
function M.stamp(db, w, min, protection)
  local imp = db:one("SELECT count(*) AS n, coalesce(max(id), 0) AS last, coalesce(sum(added), 0) AS added, "
    .. "coalesce(sum(rows), 0) AS rows FROM survey_import WHERE wave_id = ?", w.id)
  -- (the one-way tallies only, positions 0..8: the pair tallies of src/survey.h lie above)
  local tot = db:one("SELECT coalesce(sum(respondents), 0) AS n, count(*) AS groups FROM survey_counts "
    .. "WHERE wave_id = ? AND position <= 8", w.id)
  return table.concat({ w.id, w.instrument, w.version, min, protection, imp.n, imp.last, imp.added,
    imp.rows, tot.n, tot.groups }, "|")
end

local reason_codes = { s = "small", i = "small_item", c = "complementary" }

function M.encode_pattern(p)
  local function code_of(reason)
    if reason == M.reasons.complementary then return "c" end
    if reason == M.reasons.small(p.min) then return "s" end
    if reason == M.reasons.small_item(p.min) then return "i" end
    error("survey suppression: unknown reason " .. tostring(reason), 0)
  end
  local out = {}
  -- an item's map holds every withheld respondent cell with the same reason (the search starts
  -- from them): only the cells it adds are written
  local function family(name, map, floor)
    local tkeys = {}
    for tkey in pairs(map) do tkeys[#tkeys + 1] = tkey end
    table.sort(tkeys)
    for _, tkey in ipairs(tkeys) do
      local ckeys = {}
      for ckey in pairs(map[tkey]) do ckeys[#ckeys + 1] = ckey end
      table.sort(ckeys)
      for _, ckey in ipairs(ckeys) do
        if not (floor and floor[tkey] and floor[tkey][ckey] == map[tkey][ckey]) then
        out[#out + 1] = name .. "\t" .. tkey .. "\t" .. ckey .. "\t" .. code_of(map[tkey][ckey])
        end
      end
    end
  end
  family("r", p.respondents)
  for ii, map in ipairs(p.items) do family(tostring(ii), map, p.respondents) end
  return table.concat(out, "\n")
end

-- The table keys of a wave with M attributes, each with an empty map.
local function empty_map(m)
  local map = { [""] = {} }
  for a = 1, m do
    map[tostring(a)] = {}
    for b = a + 1, m do map[a .. "," .. b] = {} end
  end
  return map
end

function M.decode_pattern(text, w, min, protection)
  local m = #w.inst.attributes
  local p = { respondents = empty_map(m), items = {}, min = min, protection = protection }
  -- an item's map falls back on the respondents' (lookups only: these maps are never iterated)
  for ii in ipairs(model.layout(w.inst).items) do
    local map = empty_map(m)
    for tkey, cells in pairs(map) do setmetatable(cells, { __index = p.respondents[tkey] }) end
    p.items[ii] = map
  end
  local reason = { s = M.reasons.small(min), i = M.reasons.small_item(min), c = M.reasons.complementary }
  for fam, tkey, ckey, code in text:gmatch("([^\t\n]+)\t([^\t\n]*)\t([^\t\n]*)\t(%a)") do
    local map = fam == "r" and p.respondents or p.items[tonumber(fam)]
    if not map or not map[tkey] or not reason_codes[code] then return nil end
    map[tkey][ckey] = reason[code]
  end
  return p
end

-- The wave's pattern: from the session's memo, else the workspace's stored copy when its stamp
-- is current, else computed and stored. The memo lives in the current session (a run's state),
-- keyed by database handle and stamp.
function M.pattern(db, w, min, protection)
  local stamp = M.stamp(db, w, min, protection)
  local s = session.current and session.current()
  local memo
  if s then
    s.survey_patterns = s.survey_patterns or setmetatable({}, { __mode = "k" })
    memo = s.survey_patterns[db]
    if not memo then memo = {}; s.survey_patterns[db] = memo end
    if memo[stamp] then return memo[stamp] end
  end
  local p
  local row = db:one("SELECT stamp, pattern FROM survey_pattern WHERE wave_id = ?", w.id)
  if row and row.stamp == stamp then p = M.decode_pattern(row.pattern, w, min, protection) end
  if not p then
    p = M.compute(db, w, min, protection)
    if not (s and s.readonly) then
      local ok = pcall(db.exec, db, "INSERT OR REPLACE INTO survey_pattern(wave_id, stamp, pattern) VALUES (?, ?, ?)",
        w.id, stamp, M.encode_pattern(p))
      -- a read-only workspace (or one made before migration 007) keeps working, uncached
      local _ = ok
    end
  end
  if memo then memo[stamp] = p end
  return p
end

return M
