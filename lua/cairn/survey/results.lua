-- cairn.survey.results: private results. Counts come from C (precomputed per attribute value and
-- per pair of values in survey_counts, else a scan by cairn.surveycore.tally); this file turns
-- counts into n, distributions, percent favorable, mean and standard deviation, and applies the
-- suppression rule (cairn.survey.suppress) before anything is returned: a suppressed cell's
-- numbers are never put in the result at all.
local ws = require "cairn.workspace"
local core = require "cairn.surveycore"
local model = require "cairn.survey.model"
local linked = require "cairn.survey.linked"
local format = require "cairn.survey.format"

local M = {}

local function fail(fmt, ...) error(string.format(fmt, ...), 0) end

-- A whole-number setting: positive whole numbers only, anything else is an error naming the
-- setting (a typo must not quietly weaken privacy).
local function setting(db, key, default)
  local v = db:value("SELECT value FROM settings WHERE key = ?", key)
  if v == nil then return default end
  local n = math.tointeger(tonumber(v))
  if not n or n < 1 or not tostring(v):match("^%s*%d+%s*$") then
    fail("setting %s = %q: expected a positive whole number (like 5)", key, tostring(v))
  end
  return n
end

M.recommended_min_group_size = 5

function M.min_group_size(db)
  db = db or ws.db()
  return setting(db, "survey.min_group_size", M.recommended_min_group_size)
end

function M.min_comment_group_size(db)
  db = db or ws.db()
  return math.max(setting(db, "survey.min_comment_group_size", 10), M.min_group_size(db))
end

-- How wide the range of every withheld count must stay (docs/survey-privacy.md): the setting
-- survey.protection_level, by default 3 (or the minimum group size when that is smaller).
function M.protection_level(db)
  db = db or ws.db()
  return setting(db, "survey.protection_level", math.min(3, M.min_group_size(db)))
end

-- Set the minimum group size; returns a warning when it is below the recommended 5.
function M.set_min_group_size(value, db)
  db = db or ws.db()
  local n = math.tointeger(tonumber(value))
  if not n or n < 1 or not tostring(value):match("^%s*%d+%s*$") then
    fail("minimum group size %q: expected a positive whole number (like 5)", tostring(value))
  end
  db:exec("INSERT INTO settings(key, value) VALUES ('survey.min_group_size', ?) "
    .. "ON CONFLICT(key) DO UPDATE SET value = excluded.value", tostring(n))
  if n < M.recommended_min_group_size then
    return string.format("warning: a minimum group size of %d is below the recommended %d; "
      .. "small groups of staff can be identified from their answers", n, M.recommended_min_group_size)
  end
  return nil
end

M.not_given = "(not given)"

-- ---- item statistics from counts ----------------------------------------------------------

-- What the statistics of a scale item need from its scale, worked out once per item: the
-- value of each stored level (reverse coding applied) and whether it counts as favorable.
local function scale_meta(item, s)
  local levels, fav = item.scale.levels, {}
  for _, v in ipairs(item.scale.favorable) do fav[v] = true end
  local eff, favk = {}, {}
  for k = 1, s.k do
    eff[k] = item.reverse and levels[s.k + 1 - k].value or levels[k].value
    favk[k] = fav[eff[k]] or false
  end
  return { eff = eff, fav = favk }
end

-- META: scale_meta(item, s), when the caller keeps it (else worked out here). BARE: only what
-- cairn.survey.format prints (a level item without its counts and percents lists).
local function item_result(item, s, cells, meta, bare)
  local c = s.cell + 1
  if s.kind == "level" then
    -- missing, n, na, counts, percents and, for a scale, mean, sd, favorable and
    -- favorable_count: worked out in C (a results table by school and role builds tens of
    -- thousands of these), with the same arithmetic the Lua code had
    if item.scale then
      meta = meta or scale_meta(item, s)
      return core.level_result(cells, c, s.k, meta.eff, meta.fav, bare)
    end
    return core.level_result(cells, c, s.k, nil, nil, bare)
  end
  local r = { missing = cells[c] }
  if s.kind == "bits" then
    -- Every stored respondent returned the checklist: ticking nothing is an answer ("nothing
    -- here needs to improve"), and a form export cannot tell it from skipping the question. The
    -- count tables keep the two apart (cells c and c+1), so workspaces counted before this rule
    -- read the same way without a recount.
    local counts = {}
    local n = cells[c] + cells[c + 1]
    for k = 1, s.k do counts[k] = cells[c + 1 + k] end
    r.n, r.missing, r.none, r.counts = n, 0, cells[c], counts
    local percents, ranked = {}, {}
    for k = 1, s.k do
      percents[k] = n > 0 and counts[k] * 100 / n or nil
      ranked[k] = { option = item.options[k].label, count = counts[k], percent = percents[k], position = k }
    end
    table.sort(ranked, function(a, b)
      if a.count ~= b.count then return a.count > b.count end
      return a.position < b.position
    end)
    r.percents, r.ranked = percents, ranked
  elseif s.kind == "number" then
    local n, sum, sumsq = cells[c + 1], cells[c + 2], cells[c + 3]
    r.n = n
    if n > 0 then
      r.mean = sum / n
      r.sd = n > 1 and math.sqrt(math.max(0, (sumsq - sum * sum / n) / (n - 1))) or 0
      r.min, r.max = cells[c + 4], cells[c + 5]
    end
  else
    r.n = cells[c + 1]
  end
  return r
end
M.item_result = item_result

-- ---- groups --------------------------------------------------------------------------------

local function attr_values(db, w, pos)
  local labels = {}
  for r in db:rows("SELECT code, value FROM survey_attr_value WHERE wave_id = ? AND position = ?", w.id, pos) do
    labels[r.code] = r.value
  end
  labels[0] = M.not_given
  return labels
end

local function position_of(w, name)
  local p = model.attribute_position(w.inst, name)
  if not p then
    fail("wave '%s' has no attribute '%s' (instrument %s declares: %s)", w.name, tostring(name),
      w.inst.id, #w.inst.attributes > 0 and table.concat(w.inst.attributes, ", ") or "none")
  end
  return p
end

-- Counts rows of survey_counts for POSITION: list of {code, respondents, cells}.
local function stored_counts(db, w, pos, code)
  local out = {}
  local sql = "SELECT code, respondents, counts FROM survey_counts WHERE wave_id = ? AND position = ?"
  local params = { w.id, pos }
  if code then sql = sql .. " AND code = ?"; params[3] = code end
  for r in db:rows(sql .. " ORDER BY code", table.unpack(params)) do
    out[#out + 1] = { code = r.code, respondents = r.respondents, blob = r.counts }
  end
  return out
end

local function empty_cells(lay)
  local c = {}
  for i = 1, lay.cells do c[i] = 0 end
  return c
end

-- The wave's one suppression pattern (cairn.survey.linked): every table reads from it.
local function pattern_of(db, w, min)
  return linked.pattern(db, w, min, M.protection_level(db))
end

-- The suppression state of a one-way breakdown by POS (0: the whole wave only): per group
-- {respondents, cells, sup, isup} where sup is the group's reason and isup[i] an item's reason,
-- all read from the wave's pattern, so every table makes the same decisions.
local function one_way_state(db, w, pos, min, rows)
  local lay = model.layout(w.inst)
  local pat = pattern_of(db, w, min)
  rows = rows or stored_counts(db, w, pos)
  local total = stored_counts(db, w, 0, 0)[1]
  local total_cells = total and core.cells(total.blob) or empty_cells(lay)
  local total_resp = total and total.respondents or 0
  local state = { groups = {}, by_code = {}, total = { respondents = total_resp, cells = total_cells } }
  local tkey = pos == 0 and "" or tostring(pos)
  local function decisions(g, ck)
    g.sup = pat.respondents[tkey] and pat.respondents[tkey][ck]
    g.isup = {}
    if not g.sup then
      for ii in ipairs(lay.items) do
        local r = pat.items[ii][tkey] and pat.items[ii][tkey][ck]
        if r then g.isup[ii] = r end
      end
    end
  end
  for _, r in ipairs(rows) do
    local cells = r.cells or core.cells(r.blob)
    local g = { code = r.code, respondents = r.respondents, cells = cells }
    decisions(g, tostring(r.code))
    state.groups[#state.groups + 1] = g
    state.by_code[r.code] = g
  end
  local t = state.total
  t.sup = pat.respondents[""][""]
  t.isup = {}
  if not t.sup then
    for ii in ipairs(lay.items) do t.isup[ii] = pat.items[ii][""][""] end
  end
  return state
end

-- The results of the selected items of group G (counts and suppression decisions). SEL (from
-- selected_items) also keeps each item's scale_meta, worked out for the first group. BARE: see
-- item_result.
local function group_items(w, sel, g, bare)
  local lay = model.layout(w.inst)
  local metas = sel.metas
  local items = {}
  for _, ii in ipairs(sel) do
    local item = w.inst.items[ii]
    if g.isup[ii] then
      items[item.code] = { suppressed = true, reason = g.isup[ii] }
    else
      local s = lay.items[ii]
      local meta
      if item.scale and s.kind == "level" then
        meta = metas[ii]
        if not meta then meta = scale_meta(item, s); metas[ii] = meta end
      end
      items[item.code] = item_result(item, s, g.cells, meta, bare)
    end
  end
  return items
end

-- Build the public result of one group from its counts and suppression decisions. With LATER
-- (a table), the items are left out and LATER[result] keeps what group_items needs to work them
-- out when they are printed (M.text), so a table of thousands of groups is never held at once.
local function group_result(w, sel, g, label, key, rates, later)
  if g.sup then
    return { key = key, label = label, suppressed = true, reason = g.sup }
  end
  local out = { key = key, label = label, respondents = g.respondents }
  if later then later[out] = g else out.items = group_items(w, sel, g) end
  if rates then out.response_rate = rates(out) end
  return out
end

local function selected_items(w, items)
  local sel = { metas = {} }
  if items then
    for _, code in ipairs(items) do
      local i = model.item_index(w.inst, code)
      if not i then fail("instrument %s has no item %s", w.inst.id, tostring(code)) end
      sel[#sel + 1] = i
    end
  else
    for i in ipairs(w.inst.items) do sel[i] = i end
  end
  return sel
end

local function item_list(w, sel)
  local list = {}
  for _, ii in ipairs(sel) do
    local item = w.inst.items[ii]
    local levels
    if item.scale then
      levels = {}
      for k, l in ipairs(item.scale.levels) do levels[k] = l.label end
    elseif item.options then
      levels = {}
      for k, o in ipairs(item.options) do levels[k] = o.label end
    end
    list[#list + 1] = { code = item.code, text = item.text, type = item.type, section = item.section,
      levels = levels, reverse = item.reverse or nil,
      favorable_levels = item.scale and (function()
        local f, fav = {}, {}
        for _, v in ipairs(item.scale.favorable) do fav[v] = true end
        for k in ipairs(item.scale.levels) do
          local eff = item.reverse and item.scale.levels[#item.scale.levels + 1 - k].value or item.scale.levels[k].value
          if fav[eff] then f[#f + 1] = k end
        end
        return f
      end)() or nil }
  end
  return list
end

local function roster_rate(w, attr)
  local roster = w.roster and attr and w.roster[attr]
  if not roster then return nil end
  local lookup = {}
  for k, v in pairs(roster) do lookup[model.norm(k)] = v end
  return function(g)
    local n = g.key and lookup[model.norm(g.key[attr] or "")]
    if n and n > 0 then return g.respondents / n end
    return nil
  end
end

-- The whole wave's response rate: respondents over the sum of the roster counts of ATTR (any
-- attribute with a roster when ATTR is nil). Nothing new is revealed: both numbers are shown.
local function total_rate(w, total, attr)
  if not w.roster or total.suppressed or not total.respondents then return nil end
  local roster = attr and w.roster[attr]
  if not roster and not attr then
    local names = {}
    for k in pairs(w.roster) do names[#names + 1] = k end
    table.sort(names)
    roster = names[1] and w.roster[names[1]]
  end
  if not roster then return nil end
  local sum = 0
  for _, v in pairs(roster) do sum = sum + (tonumber(v) or 0) end
  if sum <= 0 then return nil end
  return total.respondents / sum
end

-- ---- two-way tables --------------------------------------------------------------------------

-- The stored tallies of attributes PA < PB (src/survey.h: position 10 * pa + pb, code
-- a * 2^32 + b), as core.tally returns them; nil unless they cover all TOTAL respondents (a
-- workspace counted before pairs were kept, or a pair with too many groups to keep).
local pair_code = 4294967296
local function stored_pairs(db, w, pa, pb, total)
  local groups, sum = {}, 0
  for r in db:rows("SELECT code, respondents, counts FROM survey_counts WHERE wave_id = ? AND position = ? "
      .. "ORDER BY code", w.id, 10 * pa + pb) do
    groups[#groups + 1] = { a = r.code // pair_code, b = r.code % pair_code, respondents = r.respondents,
      cells = core.cells(r.counts) }
    sum = sum + r.respondents
  end
  if sum ~= total or total == 0 then return nil end
  return groups
end

local function two_way(db, w, pa, pb, min)
  local lay = model.layout(w.inst)
  local pat = pattern_of(db, w, min)
  local sa = one_way_state(db, w, pa, min)
  local sb = one_way_state(db, w, pb, min)
  local groups = stored_pairs(db, w, pa, pb, sa.total.respondents) or core.tally(db, w.id, lay, pa, pb)
  local tkey = pa .. "," .. pb
  for _, g in ipairs(groups) do
    local ck = g.a .. ":" .. g.b
    g.sup = pat.respondents[tkey][ck]
    g.isup = {}
    if not g.sup then
      for ii in ipairs(lay.items) do g.isup[ii] = pat.items[ii][tkey][ck] end
    end
  end
  return groups, sa, sb
end

-- ---- the API -------------------------------------------------------------------------------

-- An attribute as the instrument spells it ("School" finds school), so keys and labels match.
local function canonical(w, name)
  if type(name) ~= "string" then return name end
  for _, a in ipairs(w.inst.attributes) do
    if model.norm(a) == model.norm(name) then return a end
  end
  return name
end

local function normalize_by(by, w)
  if by == nil then return {} end
  if type(by) == "string" then return { canonical(w, by) } end
  if type(by) == "table" and #by <= 2 then
    local out = {}
    for i, a in ipairs(by) do out[i] = canonical(w, a) end
    return out
  end
  fail("by: expected an attribute name or a list of two")
end

-- survey.results("2026 fall") reads as survey.results{wave = "2026 fall"}
local function options(opts)
  if type(opts) == "string" then return { wave = opts } end
  return opts
end

local function compare_into(db, res, prev_name, opts)
  local prev = M.results { wave = prev_name, by = opts.by, where = opts.where, db = db, _no_compare = true }
  local w = model.get_wave(res.wave, db)
  local cur_inst = w.inst
  local prev_w = model.get_wave(prev_name, db)
  -- item code in the previous wave: same code for the same instrument version, else crosswalk
  local function prev_code(code)
    if prev_w.instrument == w.instrument and prev_w.version == w.version then return code end
    local c = cur_inst.crosswalk[code] or code
    if prev_w.inst.by_code[c] then return c end
    return nil
  end
  local by_label = {}
  for _, g in ipairs(prev.groups) do by_label[g.label] = g end
  local function diff(cur, old)
    for code, r in pairs(cur.items or {}) do
      local pc = prev_code(code)
      local o = pc and old and old.items and old.items[pc]
      if not r.suppressed then
        if not pc then
          r.change = nil
        elseif not old or old.suppressed or not o or o.suppressed then
          r.change = { suppressed = true, reason = "the previous wave's result is withheld or missing" }
        else
          r.change = { previous_n = o.n }
          if r.favorable and o.favorable then r.change.favorable = r.favorable - o.favorable end
          if r.mean and o.mean then r.change.mean = r.mean - o.mean end
        end
      end
    end
  end
  for _, g in ipairs(res.groups) do diff(g, by_label[g.label]) end
  if res.total then diff(res.total, prev.total) end
  res.compare = prev_name
end

-- The results table (see survey.results); LATER: see group_result. Returns it, the wave and the
-- selected items.
local function build(opts, later)
  opts = options(opts)
  if type(opts) ~= "table" or not opts.wave then
    fail("survey.results: expected { wave = \"2026 fall\" [, by = \"school\"] [, where = {school = \"Adams\"}] }")
  end
  local db = opts.db or ws.db()
  local w = model.get_wave(opts.wave, db)
  local min = M.min_group_size(db)
  local lay = model.layout(w.inst)
  local sel = selected_items(w, opts.items)
  local by = normalize_by(opts.by, w)
  local res = { wave = w.name, instrument = w.instrument, version = w.version, min_group_size = min,
    by = by, items = item_list(w, sel), groups = {} }
  local where_attr, where_value
  if opts.where then
    for k, v in pairs(opts.where) do
      if where_attr then fail("where: one attribute at a time (use by = for a breakdown)") end
      where_attr, where_value = canonical(w, k), v
    end
  end
  local function total_result(state)
    local t = state.total
    local g = { respondents = t.respondents, cells = t.cells, sup = t.sup, isup = t.isup }
    if t.respondents < min then g.sup = linked.reasons.small(min) end
    return group_result(w, sel, g, "All respondents", {}, nil, later)
  end
  if #by == 0 and not where_attr then
    local state = one_way_state(db, w, 0, min, {})
    res.total = total_result(state)
    res.total.response_rate = total_rate(w, res.total, nil)
    res.groups = {}
  elseif #by == 1 and not where_attr then
    local attr = by[1]
    local pos = position_of(w, attr)
    local labels = attr_values(db, w, pos)
    local state = one_way_state(db, w, pos, min)
    local rate = roster_rate(w, attr)
    for _, g in ipairs(state.groups) do
      local label = labels[g.code] or tostring(g.code)
      res.groups[#res.groups + 1] = group_result(w, sel, g, label, { [attr] = label }, rate, later)
    end
    table.sort(res.groups, function(a, b) return a.label < b.label end)
    res.total = total_result(state)
    res.total.response_rate = total_rate(w, res.total, attr)
  elseif #by == 0 and where_attr then
    -- one group: the decisions of the whole breakdown, counts of that group only
    local pos = position_of(w, where_attr)
    local labels = attr_values(db, w, pos)
    local code
    for c, l in pairs(labels) do if model.norm(l) == model.norm(where_value) then code = c end end
    if not code then
      fail("no respondents with %s = '%s' in wave '%s'", where_attr, tostring(where_value), w.name)
    end
    local state = one_way_state(db, w, pos, min)
    local g = state.by_code[code]
    if g then
      local label = labels[code]
      res.groups[1] = group_result(w, sel, g, label, { [where_attr] = label }, roster_rate(w, where_attr), later)
    end
    res.total = total_result(state)
  else
    -- two attributes (by = {a, b}, or where a = x with by = b): a two-way table
    local a, b
    if where_attr then a, b = where_attr, by[1] else a, b = by[1], by[2] end
    if #by == 2 and where_attr then fail("where with a two-way breakdown is not supported") end
    local pa, pb = position_of(w, a), position_of(w, b)
    if pa == pb then fail("by: the two attributes must differ") end
    local la, lb = attr_values(db, w, pa), attr_values(db, w, pb)
    -- computed with the attributes in declaration order whatever the order asked for, so
    -- school x role and role x school withhold the same cells
    local groups, sa, sb
    if pa < pb then
      groups, sa, sb = two_way(db, w, pa, pb, min)
    else
      groups, sb, sa = two_way(db, w, pb, pa, min)
      for _, g in ipairs(groups) do g.a, g.b = g.b, g.a end
    end
    local want
    if where_attr then
      for c, l in pairs(la) do if model.norm(l) == model.norm(where_value) then want = c end end
      if not want then fail("no respondents with %s = '%s' in wave '%s'", a, tostring(where_value), w.name) end
    end
    for _, g in ipairs(groups) do
      if not want or g.a == want then
        local key = { [a] = la[g.a], [b] = lb[g.b] }
        res.groups[#res.groups + 1] = group_result(w, sel, g, la[g.a] .. " / " .. lb[g.b], key, nil, later)
      end
    end
    table.sort(res.groups, function(x, y) return x.label < y.label end)
    res.margins = { [a] = {}, [b] = {} }
    local function margins(attr, st, labels)
      local list = {}
      for _, g in ipairs(st.groups) do
        if not want or attr ~= a or g.code == want then
          list[#list + 1] = group_result(w, sel, g, labels[g.code], { [attr] = labels[g.code] }, roster_rate(w, attr), later)
        end
      end
      table.sort(list, function(x, y) return x.label < y.label end)
      return list
    end
    res.margins[a] = margins(a, sa, la)
    res.margins[b] = margins(b, sb, lb)
    if want then
      -- the total of what is shown: everyone with a = x (X's margin), labelled as such
      local g = sa.by_code[want]
      res.total = group_result(w, sel, g, string.format("All respondents (%s = %s)", a, la[want]),
        { [a] = la[want] }, nil, later)
    else
      res.total = total_result(sa)
    end
  end
  if opts.compare and not opts._no_compare then compare_into(db, res, opts.compare, opts) end
  return format.attach("results", res), w, sel
end

function M.results(opts)
  return (build(opts))
end

-- The results as cairn.survey.format.results prints them (what `cairn survey results` shows),
-- each group's items worked out as its rows are written and then let go: the same text as
-- format.results(M.results(opts)) in a fraction of the memory.
function M.text(opts)
  opts = options(opts)
  if type(opts) == "table" and opts.compare then return format.results(M.results(opts)) end
  local later = {}
  local res, w, sel = build(opts, later)
  return format.results(res, function(g) return group_items(w, sel, later[g], true) end)
end

function M.compare(opts)
  local o = {}
  for k, v in pairs(opts) do o[k] = v end
  o.compare = opts.previous or opts.compare
  if not o.compare then fail("survey.compare: expected previous = \"wave name\"") end
  return M.results(o)
end

-- Ranked options of a checklist item, district-wide and per group.
function M.top_areas(opts)
  if type(opts) ~= "table" or not opts.wave or not opts.item then
    fail("survey.top_areas: expected { wave =, item = \"N1\" [, by = \"school\"] [, limit = 5] }")
  end
  local db = opts.db or ws.db()
  local w = model.get_wave(opts.wave, db)
  local item = w.inst.by_code[opts.item]
  if not item then fail("instrument %s has no item %s", w.inst.id, tostring(opts.item)) end
  if item.type ~= "checklist" then fail("item %s is a %s item; top areas need a checklist item", item.code, item.type) end
  local res = M.results { wave = opts.wave, by = opts.by, items = { opts.item }, db = db }
  local limit = opts.limit or #item.options
  local function cut(r)
    if not r or r.suppressed then return nil end
    local it = r.items[opts.item]
    if it.suppressed then return { suppressed = true, reason = it.reason } end
    local ranked = {}
    for i = 1, math.min(limit, #it.ranked) do ranked[i] = it.ranked[i] end
    return { n = it.n, none = it.none, ranked = ranked }
  end
  local out = { wave = w.name, item = item.code, text = item.text, min_group_size = res.min_group_size, groups = {} }
  local d = cut(res.total)
  out.district = d or { suppressed = true, reason = res.total.reason }
  for _, g in ipairs(res.groups) do
    if g.suppressed then
      out.groups[#out.groups + 1] = { key = g.key, label = g.label, suppressed = true, reason = g.reason }
    else
      local c = cut(g)
      c.key, c.label = g.key, g.label
      out.groups[#out.groups + 1] = c
    end
  end
  return format.attach("top_areas", out)
end

-- Open-text answers: only for groups with at least survey.min_comment_group_size respondents
-- (and complementary withholding), sorted, never with attributes or respondent ids.
function M.comments(opts)
  if type(opts) ~= "table" or not opts.wave or not opts.item then
    fail("survey.comments: expected { wave =, item = \"O1\" [, by = \"school\"] }")
  end
  local db = opts.db or ws.db()
  local w = model.get_wave(opts.wave, db)
  local item = w.inst.by_code[opts.item]
  if not item or item.type ~= "text" then fail("instrument %s has no open-text item %s", w.inst.id, tostring(opts.item)) end
  local threshold = M.min_comment_group_size(db)
  local reason = string.format("comments are shown only for groups of %d or more respondents", threshold)
  local function texts(pos, code)
    local list = {}
    local sql = "SELECT t.value FROM survey_text t JOIN survey_response r ON r.id = t.response_id "
      .. "WHERE r.wave_id = ? AND t.item = ?"
    local params = { w.id, item.code }
    for i, p in ipairs(pos or {}) do
      sql = sql .. " AND r.a" .. math.tointeger(p) .. " = ?"
      params[#params + 1] = code[i]
    end
    for r in db:rows(sql, table.unpack(params)) do list[#list + 1] = r.value end
    table.sort(list)
    return list
  end
  -- the comment pattern: the wave's pattern for this item, then the same search over the
  -- respondent counts with the comment threshold as the minimum (cairn.survey.linked)
  local pat = linked.comment_pattern(db, w, model.item_index(w.inst, item.code), M.min_group_size(db),
    threshold, M.protection_level(db), reason)
  local out = { wave = w.name, item = item.code, text = item.text, threshold = threshold, groups = {} }
  local total_reason = pat[""][""]
  out.all = total_reason and { suppressed = true, reason = total_reason } or { comments = texts() }
  if not opts.by then return format.attach("comments", out) end
  local by = normalize_by(opts.by, w)
  if #by == 1 then
    local pos = position_of(w, by[1])
    local labels = attr_values(db, w, pos)
    for _, r in ipairs(stored_counts(db, w, pos)) do
      local label = labels[r.code]
      local why = pat[tostring(pos)][tostring(r.code)]
      if why then
        out.groups[#out.groups + 1] = { label = label, suppressed = true, reason = why }
      else
        out.groups[#out.groups + 1] = { label = label, comments = texts({ pos }, { r.code }) }
      end
    end
  elseif #by == 2 then
    local pa, pb = position_of(w, by[1]), position_of(w, by[2])
    if pa == pb then fail("by: the two attributes must differ") end
    local la, lb = attr_values(db, w, pa), attr_values(db, w, pb)
    local lo, hi = math.min(pa, pb), math.max(pa, pb)
    for r in db:rows("SELECT DISTINCT a" .. pa .. " AS x, a" .. pb .. " AS y FROM survey_response WHERE wave_id = ?", w.id) do
      local ck = pa < pb and (r.x .. ":" .. r.y) or (r.y .. ":" .. r.x)
      local label = la[r.x] .. " / " .. lb[r.y]
      local why = pat[lo .. "," .. hi][ck]
      if why then
        out.groups[#out.groups + 1] = { label = label, suppressed = true, reason = why }
      else
        out.groups[#out.groups + 1] = { label = label, comments = texts({ pa, pb }, { r.x, r.y }) }
      end
    end
  end
  table.sort(out.groups, function(a, b) return a.label < b.label end)
  return format.attach("comments", out)
end

function M.response_rates(opts)
  opts = options(opts)
  if type(opts) ~= "table" or not opts.wave then
    fail("survey.response_rates: expected { wave = \"2026 fall\" [, by = \"school\"] }")
  end
  local res = M.results { wave = opts.wave, by = opts.by, items = {}, db = opts.db }
  local out = { wave = res.wave, min_group_size = res.min_group_size, groups = {} }
  for _, g in ipairs(res.groups) do
    if g.suppressed then
      out.groups[#out.groups + 1] = { label = g.label, key = g.key, suppressed = true, reason = g.reason }
    else
      out.groups[#out.groups + 1] = { label = g.label, key = g.key, respondents = g.respondents, response_rate = g.response_rate }
    end
  end
  out.total = res.total.suppressed and { suppressed = true, reason = res.total.reason }
    or { respondents = res.total.respondents }
  return format.attach("response_rates", out)
end

return M
