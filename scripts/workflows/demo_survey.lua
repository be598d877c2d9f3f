-- Demo survey data for `make demo`: a staff climate survey on the 4-point agreement scale with
-- two waves (so reports show change), roster counts for response rates, six schools x two roles
-- of generated responses (fixed random seed: the same numbers every time), one school too small
-- to report; and an Opportunity Checklist round entered by building representatives as
-- worksheets, with one school too small to show on its own.
--
--   cairn run scripts/workflows/demo_survey.lua
--   cairn report survey_results --param "wave=2026 fall" --each school
--   cairn report checklist_priorities --param "wave=Fall 2026"
--   cairn report team_summary --param tool=strengthening_partnerships_reflection --param "session=DLT mid-year 2026"
local survey = require "cairn.survey"
local tool = require "cairn.tool"

-- xoshiro256** with a fixed seed: Lua 5.4's generator, identical on every platform.
math.randomseed(20261126)

survey.save_instrument {
  id = "staff_climate", version = 1, title = "Staff climate survey",
  attributes = { "school", "role" },
  sections = {
    { title = "School culture", items = {
      { code = "CUL01", text = "Staff at this school share a vision for student success.", scale = "agreement" },
      { code = "CUL02", text = "Staff at this school collaborate to improve teaching and learning.", scale = "agreement" },
      { code = "CUL03", text = "Communication among staff at this school is open and timely.", scale = "agreement" },
    } },
    { title = "Voice and support", items = {
      { code = "VOI01", text = "My ideas are heard when decisions are made at this school.", scale = "agreement" },
      { code = "VOI02", text = "Administrators provide the leadership and support I need.", scale = "agreement" },
      { code = "VOI03", text = "I receive the professional development and training I need.", scale = "agreement" },
    } },
    { title = "Safety", items = {
      { code = "SAF01", text = "Students treat each other with respect.", scale = "agreement" },
      { code = "SAF02", text = "My work environment is safe.", scale = "agreement" },
    } },
  },
}

-- school -> { roster counts by role, how favourable its staff tend to be (0..1) }
local schools = {
  { name = "Adams Elementary", teacher = 26, support = 12, climate = 0.78 },
  { name = "Baker Elementary", teacher = 22, support = 10, climate = 0.62 },
  { name = "Cedar Middle", teacher = 34, support = 14, climate = 0.55 },
  { name = "Douglas Middle", teacher = 30, support = 12, climate = 0.70 },
  { name = "Eastside High", teacher = 48, support = 18, climate = 0.48 },
  { name = "Harbor Alternative", teacher = 4, support = 2, climate = 0.60 },   -- too small to show
}
local item_shift = { CUL01 = 0.08, CUL02 = 0.05, CUL03 = -0.05, VOI01 = -0.12, VOI02 = 0.0,
                     VOI03 = -0.08, SAF01 = -0.03, SAF02 = 0.10 }
local codes = { "CUL01", "CUL02", "CUL03", "VOI01", "VOI02", "VOI03", "SAF01", "SAF02" }

local function answer(p)
  if math.random() < 0.02 then return nil end                   -- a skipped question
  if math.random() < p then return math.random() < 0.35 and 4 or 3 end
  return math.random() < 0.3 and 1 or 2
end

local function wave(name, starts, ends, rate, lift)
  local roster = {}
  for _, s in ipairs(schools) do roster[s.name] = s.teacher + s.support end
  survey.wave { instrument = "staff_climate", name = name, starts = starts, ends = ends,
                audience = "all school staff", mode = "anonymous", roster = { school = roster } }
  local rows = {}
  for _, s in ipairs(schools) do
    for _, role in ipairs { "teacher", "support" } do
      local n = s[role]
      -- most staff answer; the tiny school answers in full so its group is real but small
      local answered = s.name == "Harbor Alternative" and (role == "teacher" and 3 or 1)
        or math.floor(n * rate + math.random() * 3)
      for _ = 1, math.min(answered, n) do
        local row = { school = s.name, role = role == "teacher" and "Teacher" or "Support staff" }
        for _, c in ipairs(codes) do
          local p = s.climate + item_shift[c] + lift + (role == "support" and -0.04 or 0)
          row[c] = answer(math.max(0.05, math.min(0.95, p)))
        end
        rows[#rows + 1] = row
      end
    end
  end
  survey.add_responses(name, rows)
  return #rows
end

local n1 = wave("2025 fall", "2025-10-01", "2025-10-24", 0.70, 0.0)
local n2 = wave("2026 fall", "2026-10-01", "2026-10-23", 0.78, 0.04)

-- Opportunity Checklist, "Fall 2026" round: building representatives enter the paper checklists.
local checklist = tool.load("opportunity_checklist")
local favourites = {            -- what each school's educators tend to check
  ["Adams Elementary"] = { "healthy_8", "educators_8", "community_2", "curriculum_2" },
  ["Cedar Middle"] = { "climate_5", "educators_8", "healthy_5", "educators_9" },
  ["Eastside High"] = { "healthy_8", "climate_4", "curriculum_7", "educators_9", "healthy_3" },
  ["Harbor Alternative"] = { "healthy_3", "climate_3" },
}
local per_school = { ["Adams Elementary"] = 7, ["Cedar Middle"] = 6, ["Eastside High"] = 9,
                     ["Harbor Alternative"] = 2 }
local entered = 0
for _, school in ipairs { "Adams Elementary", "Cedar Middle", "Eastside High", "Harbor Alternative" } do
  for _ = 1, per_school[school] do
    local a = { school = school, respondent = "educator", session = "Fall 2026" }
    for _, cat in ipairs(checklist.categories) do a[cat.id] = {} end
    local chosen = {}
    for _, code in ipairs(favourites[school]) do
      if math.random() < 0.6 then chosen[code] = true end
    end
    for _ = 1, 2 do                                    -- and a couple of other areas
      local cat = checklist.categories[math.random(#checklist.categories)]
      chosen[cat.id .. "_" .. math.random(#cat.items)] = true
    end
    for _, cat in ipairs(checklist.categories) do
      for i = 1, #cat.items do
        if chosen[cat.id .. "_" .. i] then table.insert(a[cat.id], cat.id .. "_" .. i) end
      end
    end
    tool.run("opportunity_checklist", a, { quiet = true, by = "building representative" })
    entered = entered + 1
  end
end
require("cairn.team").sync("opportunity_checklist", "Fall 2026")

-- A District Leadership Team session: five members rate the partnership's key components.
local ratings = { { 3, 3, 2, 2, 1, 1 }, { 3, 2, 2, 2, 1, 2 }, { 3, 3, 3, 2, 1, 1 },
                  { 2, 3, 2, 1, 1, 2 }, { 3, 3, 2, 2, 2, 1 } }
for i, r in ipairs(ratings) do
  local comps = {}
  for j, v in ipairs(r) do comps[j] = { rating = v } end
  tool.run("strengthening_partnerships_reflection", { team = "District Leadership Team",
    member = "DLT member " .. i, session = "DLT mid-year 2026", date = "2026-11-20",
    components = comps }, { quiet = true })
end

print(string.format("demo survey: staff_climate waves '2025 fall' (%d responses) and '2026 fall' "
  .. "(%d responses); %d Opportunity Checklists in round 'Fall 2026'; 5 partnership reflections "
  .. "in session 'DLT mid-year 2026'", n1, n2, entered))
