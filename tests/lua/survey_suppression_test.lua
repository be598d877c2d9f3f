-- The suppression attack: for waves full of small groups, collect every number that any result
-- API publishes (whole wave, by school, by role, school x role with its margins, each school
-- alone, each school by role, top areas, response rates) as linear equations over the true
-- counts of the atomic cells (school x role), and check by Gaussian elimination that no
-- withheld group's count (respondents, or any answer level of any item) can be worked out from
-- any combination of them. Also checks that a withheld entry carries no numbers at all.
local t = require "tap"
local ws = require "cairn.workspace"
local survey = require "cairn.survey"

ws.create("Riverside Unified", "attack.db")
local db = ws.db()
survey.save_instrument {
  id = "att", version = 1, title = "Attack", attributes = { "school", "role" },
  items = {
    { code = "S1", text = "One", scale = "agreement" },
    { code = "S2", text = "Two", scale = "frequency", reverse = true },
    { code = "N1", text = "Needs", type = "checklist", options = { "Time", "Safety", "Space" } },
  },
}
local MIN = 5

-- a wave from a table of group sizes { {school, role, n}, ... }; answers random (seeded)
local function make_wave(name, sizes, seed)
  math.randomseed(seed)
  survey.wave { name = name, instrument = "att", roster = { school = { Adams = 30, Baker = 30 } } }
  local rows = {}
  for _, s in ipairs(sizes) do
    for _ = 1, s[3] do
      local r = { school = s[1], role = s[2] }
      if math.random() < 0.9 then r.S1 = math.random(1, 4) end
      if math.random() < 0.7 then r.S2 = math.random(1, 4) end
      if math.random() < 0.8 then
        local pick = {}
        for _, o in ipairs { "Time", "Safety", "Space" } do if math.random() < 0.5 then pick[#pick + 1] = o end end
        r.N1 = pick
      end
      if not r.S1 and not r.S2 and not r.N1 then r.S1 = 3 end
      rows[#rows + 1] = r
    end
  end
  survey.add_responses(name, rows)
end

-- measures published per group: respondents and, per item, n, missing, n/a and each level count
local function measures(g)
  local m = { respondents = g.respondents }
  for code, r in pairs(g.items or {}) do
    if not r.suppressed then
      m[code .. ".n"] = r.n
      m[code .. ".missing"] = r.missing
      if r.na then m[code .. ".na"] = r.na end
      for k, c in ipairs(r.counts or {}) do m[code .. "." .. k] = c end
    end
  end
  return m
end

-- ---- linear algebra: is vector v in the span of rows? ------------------------------------
local function in_span(rows, v, n)
  local basis = {} -- reduced rows with pivot columns
  local function reduce(x)
    x = { table.unpack(x, 1, n) }
    for _, b in ipairs(basis) do
      local f = x[b.pivot]
      if math.abs(f) > 1e-9 then
        for j = 1, n do x[j] = x[j] - f * b.row[j] end
      end
    end
    return x
  end
  for _, r in ipairs(rows) do
    local x = reduce(r)
    local p
    for j = 1, n do if math.abs(x[j]) > 1e-9 then p = j break end end
    if p then
      local f = x[p]
      for j = 1, n do x[j] = x[j] / f end
      for _, b in ipairs(basis) do
        local g = b.row[p]
        if math.abs(g) > 1e-9 then for j = 1, n do b.row[j] = b.row[j] - g * x[j] end end
      end
      basis[#basis + 1] = { pivot = p, row = x }
    end
  end
  local rest = reduce(v)
  for j = 1, n do if math.abs(rest[j]) > 1e-9 then return false end end
  return true
end

local function attack(wave)
  -- atomic cells: every (school, role) pair that exists, blanks included
  local schools, roles = {}, {}
  for r in db:rows("SELECT DISTINCT value FROM survey_attr_value v JOIN survey_wave w ON w.id = v.wave_id WHERE w.name = ? AND position = 1", wave) do schools[#schools + 1] = r.value end
  for r in db:rows("SELECT DISTINCT value FROM survey_attr_value v JOIN survey_wave w ON w.id = v.wave_id WHERE w.name = ? AND position = 2", wave) do roles[#roles + 1] = r.value end
  schools[#schools + 1] = "(not given)"
  roles[#roles + 1] = "(not given)"
  local cells = {}
  for _, s in ipairs(schools) do for _, r in ipairs(roles) do cells[#cells + 1] = { school = s, role = r } end end
  local n = #cells
  local function vec(key)
    local v = {}
    for i, c in ipairs(cells) do
      v[i] = ((not key.school or key.school == c.school) and (not key.role or key.role == c.role)) and 1 or 0
    end
    return v
  end
  local published = {} -- measure -> list of vectors
  local withheld = {}  -- list of { key, measure or nil (all) }
  local bare = true
  local function publish(g)
    local key = g.key or {}
    if g.suppressed then
      for k in pairs(g) do if k ~= "suppressed" and k ~= "reason" and k ~= "key" and k ~= "label" then bare = false end end
      withheld[#withheld + 1] = { key = key }
      return
    end
    for m, value in pairs(measures(g)) do
      published[m] = published[m] or {}
      table.insert(published[m], vec(key))
      assert(type(value) == "number")
    end
    for code, r in pairs(g.items or {}) do
      if r.suppressed then
        for k in pairs(r) do if k ~= "suppressed" and k ~= "reason" then bare = false end end
        withheld[#withheld + 1] = { key = key, item = code }
      end
    end
  end
  local function all(res)
    for _, g in ipairs(res.groups) do publish(g) end
    if res.total then publish(res.total) end
    for _, list in pairs(res.margins or {}) do for _, g in ipairs(list) do publish(g) end end
  end
  all(survey.results { wave = wave })
  all(survey.results { wave = wave, by = "school" })
  all(survey.results { wave = wave, by = "role" })
  all(survey.results { wave = wave, by = { "school", "role" } })
  all(survey.results { wave = wave, by = { "role", "school" } })
  for _, s in ipairs(schools) do
    if s ~= "(not given)" then
      all(survey.results { wave = wave, where = { school = s } })
      all(survey.results { wave = wave, where = { school = s }, by = "role" })
    end
  end
  for _, r in ipairs(roles) do
    if r ~= "(not given)" then all(survey.results { wave = wave, where = { role = r } }) end
  end
  local top = survey.top_areas { wave = wave, item = "N1", by = "school" }
  for _, g in ipairs(top.groups) do
    if not g.suppressed then
      -- ranked counts are N1 level counts of that group
      for _, x in ipairs(g.ranked) do
        local m = "N1." .. ({ Time = 1, Safety = 2, Space = 3 })[x.option]
        published[m] = published[m] or {}
        table.insert(published[m], vec(g.key))
      end
    end
  end
  local rr = survey.response_rates { wave = wave, by = "school" }
  for _, g in ipairs(rr.groups) do
    if not g.suppressed then
      published.respondents = published.respondents or {}
      table.insert(published.respondents, vec(g.key))
    end
  end
  -- every withheld group: none of its measures may lie in the span of what is published
  local leaks = {}
  local measure_names = { "respondents" }
  for _, code in ipairs { "S1", "S2", "N1" } do
    for _, suffix in ipairs { "n", "missing", "na", "1", "2", "3", "4" } do measure_names[#measure_names + 1] = code .. "." .. suffix end
  end
  local checked = 0
  for _, w in ipairs(withheld) do
    local v = vec(w.key)
    local nonzero = false
    for _, x in ipairs(v) do if x ~= 0 then nonzero = true end end
    if nonzero then
      for _, m in ipairs(measure_names) do
        if (not w.item or m:sub(1, #w.item + 1) == w.item .. ".") and published[m] then
          checked = checked + 1
          if in_span(published[m], v, n) then
            leaks[#leaks + 1] = string.format("%s %s/%s via %s", w.item or "group", tostring(w.key.school), tostring(w.key.role), m)
          end
        end
      end
    end
  end
  return leaks, checked, bare, #withheld
end

local scenarios = {
  { name = "fixed", seed = 1, sizes = {
    { "Adams", "Teacher", 9 }, { "Adams", "Aide", 3 }, { "Baker", "Teacher", 4 }, { "Baker", "Aide", 3 },
    { "Cedar", "Teacher", 3 }, { "Dover", "Aide", 1 }, { "Elm", "Teacher", 15 }, { "Elm", "Aide", 4 },
    { "Elm", nil, 1 }, { nil, "Teacher", 2 } } },
  { name = "one small school", seed = 2, sizes = {
    { "Adams", "Teacher", 20 }, { "Baker", "Teacher", 18 }, { "Cedar", "Teacher", 2 } } },
  { name = "all small", seed = 3, sizes = {
    { "Adams", "Teacher", 2 }, { "Baker", "Aide", 3 }, { "Cedar", "Teacher", 4 } } },
}
-- and random layouts
math.randomseed(7)
for k = 1, 12 do
  local sizes = {}
  for s = 1, math.random(2, 6) do
    for _, role in ipairs { "Teacher", "Aide", "Counselor" } do
      if math.random() < 0.8 then sizes[#sizes + 1] = { "S" .. s, role, math.random(1, 12) } end
    end
  end
  scenarios[#scenarios + 1] = { name = "random " .. k, seed = 100 + k, sizes = sizes }
end

for i, sc in ipairs(scenarios) do
  local wave = "w" .. i
  make_wave(wave, sc.sizes, sc.seed)
  local leaks, checked, bare, nwithheld = attack(wave)
  t.ok(bare, sc.name .. ": withheld entries carry no numbers")
  t.ok(#leaks == 0, string.format("%s: %d withheld cells, %d measures attacked, none recovered%s", sc.name,
    nwithheld, checked, #leaks > 0 and (": " .. table.concat(leaks, "; ")) or ""))
  if sc.name == "fixed" then t.ok(nwithheld > 10 and checked > 50, "the fixed scenario does withhold and attack") end
end

-- controls: the attack finds what primary suppression alone would leave open
t.ok(in_span({ { 1, 1, 1 }, { 0, 1, 0 }, { 0, 0, 1 } }, { 1, 0, 0 }, 3),
  "control: total and two shown groups give the third away")
t.ok(not in_span({ { 1, 1, 1 }, { 0, 0, 1 } }, { 1, 0, 0 }, 3), "control: two hidden groups stay hidden")
local suppress = require "cairn.survey.suppress"
local cells = { { value = 2 }, { value = 20 }, { value = 22 } }
suppress.apply(cells, { { members = { 1, 2 }, total = 3 } }, 5)
t.ok(cells[1].suppressed and cells[2].suppressed and not cells[3].suppressed,
  "one small group and a shown total: the other group is withheld too")
local c2 = { { value = 2 }, { value = 2 }, { value = 30 }, { value = 34 } }
suppress.apply(c2, { { members = { 1, 2, 3 }, total = 4 } }, 5)
t.ok(c2[3].suppressed, "two small groups adding to fewer than 5: a third is withheld")
local c3 = { { value = 0 }, { value = 6 }, { value = 9 }, { value = 15, suppressed = "x", fixed = true } }
suppress.apply(c3, { { members = { 1, 2, 3 }, total = 4 } }, 5)
t.ok(c3[2].suppressed and not c3[3].suppressed and not c3[1].suppressed,
  "a withheld total with every member shown: the smallest member above zero is withheld")
t.done()
