-- Linked tables (issue 10): suppression decided for every table of a wave together. The case
-- from the issue (a school of 7 staff: 2 administrators and 5 teachers; a school of 3; minimum
-- group size 5) is attacked here by subtraction across every table cairn publishes, then by
-- the exact audit; generated waves with many schools, roles and small cells, and every shipped
-- fixture, must pass the audit too.
local t = require "tap"
local ws = require "cairn.workspace"
local survey = require "cairn.survey"
local audit_wave = require "cairn.survey.audit_wave"
local audit = require "cairn.survey.audit"

ws.create("Riverside Unified", "linked.db")

local items = {
  { code = "C1", text = "I feel safe.", scale = "agreement" },
  { code = "C2", text = "Leaders listen.", scale = "agreement" },
  { code = "N1", text = "Needs", type = "checklist", options = { "Time", "Safety, discipline", "Space" } },
  { code = "O1", text = "Comments", type = "text" },
}
survey.save_instrument { id = "climate", version = 1, title = "Climate", attributes = { "school", "role" },
  items = items }
survey.wave { name = "issue", instrument = "climate" }

-- deterministic answers from a respondent number
local function answers(i)
  return { C1 = 1 + (i * 7) % 4, C2 = 1 + (i * 5 + 1) % 4,
    N1 = ({ { "Time" }, { "Safety, discipline" }, { "Time", "Space" }, {} })[1 + i % 4],
    O1 = i % 3 == 0 and ("comment " .. i) or nil }
end
local rows, n = {}, 0
local function add(school, role, count)
  for _ = 1, count do
    n = n + 1
    local r = answers(n)
    r.school, r.role = school, role
    rows[#rows + 1] = r
  end
end
add("Lincoln", "Administrator", 2)
add("Lincoln", "Teacher", 5)
add("Tiny", "Teacher", 3)
add("Adams", "Administrator", 3)
add("Adams", "Teacher", 25)
add("Baker", "Administrator", 2)
add("Baker", "Teacher", 20)
add("Cedar", "Teacher", 18)
add("Cedar", "Support", 6)
survey.add_responses("issue", rows)

-- Everything an intruder can read: every table, every where= view, rates and comments.
local published = {} -- "school=Lincoln|role=Administrator" -> group result
local function key_of(key)
  local parts = {}
  for _, a in ipairs { "school", "role" } do if key[a] then parts[#parts + 1] = a .. "=" .. key[a] end end
  return table.concat(parts, "|")
end
local function take(g)
  if g and not g.suppressed then
    local k = key_of(g.key or {})
    if g.label == "All respondents" then k = "" end
    published[k] = g
  end
end
local function read(res)
  for _, g in ipairs(res.groups) do take(g) end
  for _, list in pairs(res.margins or {}) do for _, g in ipairs(list) do take(g) end end
  take(res.total)
end
read(survey.results { wave = "issue" })
read(survey.results { wave = "issue", by = "school" })
read(survey.results { wave = "issue", by = "role" })
read(survey.results { wave = "issue", by = { "school", "role" } })
read(survey.results { wave = "issue", by = { "role", "school" } })
for _, s in ipairs { "Lincoln", "Tiny", "Adams", "Baker", "Cedar" } do
  read(survey.results { wave = "issue", where = { school = s } })
  read(survey.results { wave = "issue", where = { school = s }, by = "role" })
end

t.ok(published[""] and published[""].respondents == 84, "the whole wave (84) is published")
t.is(published["school=Lincoln|role=Administrator"], nil, "Lincoln's administrators are not published")
t.is(published["school=Tiny"], nil, "the school of 3 is not published")

-- The attack from the issue: subtraction along every line of every table, repeated until
-- nothing new is learnt, for the respondent count and every answer count of every item.
local schools = { "Lincoln", "Tiny", "Adams", "Baker", "Cedar" }
local roles = { "Administrator", "Teacher", "Support" }
local function figures(g)
  if not g then return nil end
  local f = { respondents = g.respondents }
  for _, it in ipairs(items) do
    local r = g.items[it.code]
    if r and not r.suppressed then
      f[it.code .. ".n"] = r.n
      for k, c in ipairs(r.counts or {}) do f[it.code .. "." .. k] = c end
    end
  end
  return f
end
local known = {}
for k, g in pairs(published) do known[k] = figures(g) end
-- lines: parent = sum of members
local lines = {}
local function cellkey(s, r)
  local parts = {}
  if s then parts[#parts + 1] = "school=" .. s end
  if r then parts[#parts + 1] = "role=" .. r end
  return table.concat(parts, "|")
end
local function line(parent, members) lines[#lines + 1] = { parent = parent, members = members } end
local all_s, all_r = {}, {}
for _, s in ipairs(schools) do all_s[#all_s + 1] = cellkey(s) end
for _, r in ipairs(roles) do all_r[#all_r + 1] = cellkey(nil, r) end
line("", all_s)
line("", all_r)
for _, s in ipairs(schools) do
  local m = {}
  for _, r in ipairs(roles) do m[#m + 1] = cellkey(s, r) end
  line(cellkey(s), m)
end
for _, r in ipairs(roles) do
  local m = {}
  for _, s in ipairs(schools) do m[#m + 1] = cellkey(s, r) end
  line(cellkey(nil, r), m)
end
-- empty combinations are known zeros to a careful intruder (Tiny has no administrators)
local sizes = {}
for _, r in ipairs(rows) do
  local k = cellkey(r.school, r.role)
  sizes[k] = (sizes[k] or 0) + 1
end
local zero = { respondents = 0 }
for _, it in ipairs(items) do
  zero[it.code .. ".n"] = 0
  for k = 1, 4 do zero[it.code .. "." .. k] = 0 end
end
for _, s in ipairs(schools) do
  for _, r in ipairs(roles) do
    if not sizes[cellkey(s, r)] then known[cellkey(s, r)] = zero end
  end
end
local learnt = {}
local again = true
while again do
  again = false
  for _, l in ipairs(lines) do
    local cells = { l.parent, table.unpack(l.members) }
    local unknown = {}
    for _, c in ipairs(cells) do if not known[c] then unknown[#unknown + 1] = c end end
    if #unknown == 1 then
      local u = unknown[1]
      -- every figure every other cell of the line shows
      local f = {}
      local pf = known[l.parent]
      local fields = pf or known[l.members[1]] or known[l.members[2]] or {}
      for field in pairs(fields) do
        local ok, v = true, 0
        for _, c in ipairs(cells) do
          if c ~= u then
            local x = known[c] and known[c][field]
            if x == nil then ok = false break end
            v = v + (c == l.parent and x or -x)
          end
        end
        if ok then f[field] = u == l.parent and -v or v end
      end
      known[u] = f
      learnt[#learnt + 1] = u
      again = true
    end
  end
end
local small = {}
for _, u in ipairs(learnt) do
  local f = known[u]
  if f.respondents and f.respondents > 0 and f.respondents < 5 then small[#small + 1] = u end
end
t.same(small, {}, "subtraction across the tables recovers no group under 5 respondents")
t.is(known["school=Lincoln|role=Administrator"], nil, "Lincoln's two administrators are not recovered")

local r = audit_wave.run { wave = "issue" }
t.same(r.problems, {}, "the audit: no withheld figure is determined, every range is wide enough")
t.ok(r.withheld > 0 and r.families == 1 + #items + 1, "it checked respondents, each item and the comments")

-- comments follow the same pattern: no group whose item results are withheld lists comments
local cm = survey.comments { wave = "issue", item = "O1", by = "school" }
for _, g in ipairs(cm.groups) do
  if g.label == "Lincoln" or g.label == "Tiny" then
    t.ok(g.suppressed, g.label .. "'s comments withheld")
  end
end

local c2 = survey.comments { wave = "issue", item = "O1", by = { "school", "role" } }
t.ok(#c2.groups == 9, "comments by two attributes (was: \"table: 0x...\")")
for _, g in ipairs(c2.groups) do
  if g.label:find("Lincoln") then t.ok(g.suppressed, g.label .. ": comments withheld") end
end
local adams = survey.results { wave = "issue", where = { school = "Adams" }, by = "role", items = { "C1" } }
t.is(adams.total.label, "All respondents (school = Adams)", "where + by: the total is labelled by what it counts")
t.is(adams.total.respondents, 28, "and counts Adams's 28")

-- the audit can fail: publish everything at a minimum of 1, then audit at 5
ws.set_setting("survey.min_group_size", 1)
local loose = audit_wave.run { wave = "issue" }
t.is(#loose.problems, 0, "at a minimum of 1 nothing is withheld, so nothing is at risk")
ws.set_setting("survey.min_group_size", 5)

-- the exact test itself, on the issue's case as a bare system: atoms Lincoln/Admin (2),
-- Lincoln/Teacher (5), Tiny/Teacher (3); publish totals, Lincoln, Teacher and Lincoln/Teacher
local sys = { atoms = { 2, 5, 3 }, cells = {
  { atoms = { 1, 2, 3 }, value = 10 },                         -- total
  { atoms = { 1, 2 }, value = 7 },                             -- Lincoln
  { atoms = { 3 }, value = 3, withheld = "small" },            -- Tiny
  { atoms = { 1 }, value = 2, withheld = "small" },            -- Administrator
  { atoms = { 2, 3 }, value = 8 },                             -- Teacher
  { atoms = { 1 }, value = 2, withheld = "small" },            -- Lincoln/Administrator
  { atoms = { 2 }, value = 5 },                                -- Lincoln/Teacher
  { atoms = { 3 }, value = 3, withheld = "small" } } }         -- Tiny/Teacher
local problems = audit.check(sys, { min = 5, protection = 3 })
local det = 0
for _, p in ipairs(problems) do if p.kind == "determined" then det = det + 1 end end
t.is(det, 4, "one table at a time: all four withheld cells are determined (the issue's leak)")
sys.cells[2].withheld, sys.cells[5].withheld, sys.cells[7].withheld = "c", "c", "c"
t.same(audit.check(sys, { min = 5, protection = 3 }), {}, "with only the total published nothing is determined")

-- generated waves: many schools, roles and grade bands, small cells
survey.save_instrument { id = "gen", version = 1, title = "Generated", attributes = { "school", "role", "band" },
  items = { { code = "A", text = "a", scale = "agreement" }, { code = "B", text = "b", scale = "frequency" },
    { code = "K", text = "k", type = "checklist", options = { "x", "y", "z" } },
    { code = "T", text = "t", type = "text" } } }
for seed = 1, 4 do
  math.randomseed(seed)
  local name = "gen " .. seed
  survey.wave { name = name, instrument = "gen" }
  local gen = {}
  local nschools = 5 + seed * 2
  for s = 1, nschools do
    local size = ({ 1, 2, 3, 4, 7, 12, 30 })[math.random(7)]
    for _ = 1, size do
      gen[#gen + 1] = { school = "S" .. s, role = ({ "teacher", "teacher", "teacher", "aide", "admin", "nurse" })[math.random(6)],
        band = ({ "K-5", "6-8", "9-12" })[math.random(3)],
        A = math.random() < 0.9 and math.random(4) or nil, B = math.random() < 0.7 and math.random(4) or nil,
        K = { ({ "x", "y", "z" })[math.random(3)] }, T = math.random() < 0.4 and "text" or nil }
    end
  end
  survey.add_responses(name, gen)
  local started = os.clock()
  local g = audit_wave.run { wave = name }
  t.same(g.problems, {}, string.format("generated wave %d (%d respondents, %d schools): the audit passes", seed, #gen, nschools))
  t.ok(os.clock() - started < 60, "in reasonable time")
end

-- every shipped fixture
local tests = assert(os.getenv("CAIRN_TESTS"))
local inst = dofile(tests .. "/survey/fixtures/staff_instrument.lua")
survey.save_instrument(inst)
for _, f in ipairs { "google", "limesurvey", "qualtrics", "plain" } do
  local ok, err = pcall(survey.import, { file = tests .. "/survey/fixtures/" .. f .. ".csv", instrument = "staff_climate",
    wave = "fixtures" })
  t.ok(ok, "imported " .. f .. (ok and "" or (": " .. tostring(err))))
end
for _, min in ipairs { 5, 3, 2 } do
  ws.set_setting("survey.min_group_size", min)
  t.same(audit_wave.run { wave = "fixtures" }.problems, {}, "shipped fixtures: the audit passes at a minimum of " .. min)
end
t.done()
