-- cairn.survey.audit_wave: `cairn survey audit WAVE`. Asks the public API for every table it
-- publishes for a wave (the total, by each attribute, by each pair, comments by each
-- attribute), records which cells carry numbers, and runs the exact check of
-- cairn.survey.audit on what was actually published, figure family by figure family. It does
-- not trust the pattern it checks: it reads the results as a user would.
local ws = require "cairn.workspace"
local model = require "cairn.survey.model"
local results = require "cairn.survey.results"
local linked = require "cairn.survey.linked"
local audit = require "cairn.survey.audit"

local M = {}

-- attribute label -> code, per position
local function codes_of(db, w)
  local out = {}
  for p = 1, #w.inst.attributes do
    out[p] = { [results.not_given] = 0 }
    for r in db:rows("SELECT code, value FROM survey_attr_value WHERE wave_id = ? AND position = ?", w.id, p) do
      out[p][r.value] = r.code
    end
  end
  return out
end

-- The cube cell of a published group (its key names attribute labels).
local function cell_of(cube, w, codes, key)
  local positions, cs = {}, {}
  for attr, label in pairs(key or {}) do
    local p = model.attribute_position(w.inst, attr)
    positions[#positions + 1] = p
    cs[p] = codes[p][label]
  end
  local tkey, sorted = linked.table_key(positions)
  local list = {}
  for i, p in ipairs(sorted) do list[i] = cs[p] end
  return cube.index[tkey] and cube.index[tkey][linked.cell_key(list)]
end

-- run{ wave = NAME [, db =] } -> { wave =, min =, protection =, families = n, cells = n,
--   withheld = n, problems = { {family =, cell = "label", kind =, width =} } }
function M.run(opts)
  local db = opts.db or ws.db()
  local w = model.get_wave(opts.wave, db)
  local min = results.min_group_size(db)
  local protection = results.protection_level(db)
  local cube = linked.cube(db, w)
  local codes = codes_of(db, w)
  local attrs = w.inst.attributes
  local lay = cube.lay
  -- published[family][cell index] = true; family "respondents", an item index, or "comments:ii"
  -- (where= views are covered: they show cells of these same tables, from the same pattern)
  local published = { respondents = {} }
  for ii in ipairs(lay.items) do published[ii] = {} end
  local function record(g)
    if not g or g.suppressed then return end
    local ci = cell_of(cube, w, codes, g.key)
    if not ci then return end
    if g.respondents then published.respondents[ci] = true end
    for ii, item in ipairs(w.inst.items) do
      local r = g.items and g.items[item.code]
      if r and not r.suppressed then published[ii][ci] = true end
    end
  end
  local function publish(res)
    for _, g in ipairs(res.groups) do record(g) end
    for _, list in pairs(res.margins or {}) do for _, g in ipairs(list) do record(g) end end
    record(res.total)
  end
  publish(results.results { wave = w.name, db = db })
  for i, a in ipairs(attrs) do
    publish(results.results { wave = w.name, by = a, db = db })
    for j = i + 1, #attrs do
      publish(results.results { wave = w.name, by = { a, attrs[j] }, db = db })
    end
  end
  -- comments: a listed group publishes its texts; checked as respondent counts at the
  -- comment threshold
  local threshold = results.min_comment_group_size(db)
  for ii, item in ipairs(w.inst.items) do
    if item.type == "text" then
      local fam = "comments:" .. ii
      published[fam] = {}
      local all = results.comments { wave = w.name, item = item.code, db = db }
      if not all.all.suppressed then published[fam][cell_of(cube, w, codes, {})] = true end
      for i, a in ipairs(attrs) do
        local c = results.comments { wave = w.name, item = item.code, by = a, db = db }
        for _, g in ipairs(c.groups) do
          if not g.suppressed then published[fam][cell_of(cube, w, codes, { [a] = g.label })] = true end
        end
        for j = i + 1, #attrs do
          local b = attrs[j]
          local c2 = results.comments { wave = w.name, item = item.code, by = { a, b }, db = db }
          for _, g in ipairs(c2.groups) do
            local x, y = g.label:match("^(.-) / (.*)$")
            if not g.suppressed then published[fam][cell_of(cube, w, codes, { [a] = x, [b] = y })] = true end
          end
        end
      end
    end
  end
  local report = { wave = w.name, min = min, protection = protection, comment_min = threshold,
    families = 0, cells = #cube.cells, withheld = 0, problems = {} }
  local function label(ci)
    local c = cube.cells[ci]
    if #c.positions == 0 then return "all respondents" end
    local parts = {}
    for i, p in ipairs(c.positions) do
      local name = results.not_given
      for l, code in pairs(codes[p]) do if code == c.codes[i] and l ~= results.not_given then name = l end end
      parts[#parts + 1] = attrs[p] .. " = " .. name
    end
    return table.concat(parts, ", ")
  end
  local function check(family, value_of, fmin)
    local x = {}
    for i, a in ipairs(cube.atoms) do x[i] = value_of(a) end
    local cells = {}
    for ci, c in ipairs(cube.cells) do
      local v = 0
      for _, ai in ipairs(c.atoms) do v = v + x[ai] end
      cells[ci] = { atoms = c.atoms, value = v, withheld = not published[family][ci] and #c.atoms > 0 or nil }
      if cells[ci].withheld then report.withheld = report.withheld + 1 end
    end
    report.families = report.families + 1
    local problems = audit.check({ atoms = x, cells = cells, lines = cube.lines }, { min = fmin, protection = protection })
    for _, p in ipairs(problems) do
      report.problems[#report.problems + 1] = { family = type(family) == "number" and w.inst.items[family].code
        or (family:match("^comments:(%d+)") and ("comments " .. w.inst.items[tonumber(family:match("%d+"))].code))
        or family, cell = label(p.cell), kind = p.kind, width = p.width, value = cells[p.cell].value }
    end
  end
  check("respondents", function(a) return a.respondents end, min)
  for ii in ipairs(lay.items) do check(ii, function(a) return a.ns[ii] end, min) end
  for ii, item in ipairs(w.inst.items) do
    if item.type == "text" then check("comments:" .. ii, function(a) return a.respondents end, threshold) end
  end
  return report
end

-- The report as text.
function M.format(r)
  local out = { string.format("%s: minimum group size %d, comments %d, protection level %d\n",
    r.wave, r.min, r.comment_min, r.protection) }
  out[#out + 1] = string.format("checked %d figure families over %d table cells each: %d of %d withheld\n",
    r.families, r.cells, r.withheld, r.families * r.cells)
  local what = {
    determined = "is determined by the published figures",
    narrow = "can be narrowed to a range %d wide",
    small_union = "leaves withheld groups totalling %d, fewer than the minimum",
  }
  for _, p in ipairs(r.problems) do
    out[#out + 1] = string.format("  %s: %s %s\n", p.family, p.cell, string.format(what[p.kind], p.width))
  end
  if #r.problems == 0 then
    out[#out + 1] = "no withheld figure can be worked out from the published ones\n"
  else
    out[#out + 1] = string.format("%d problem%s found\n", #r.problems, #r.problems == 1 and "" or "s")
  end
  return table.concat(out)
end

return M
