-- Standing Meeting Worksheet (NEA, 002, Act: Identify Collaborative Teams and Functions).
--
-- Only the guidebook's example page survives (ABC Unified's pairings of district administrators
-- with their union counterparts); the worksheet itself is cairn's reading of it: each row pairs
-- a district administration role with its association/union counterpart, how often they meet,
-- from when, and on what. Each pair becomes a standing meeting in a plan with its meetings as
-- dated milestones (first meeting, then every week/two weeks/month/quarter through the date
-- the worksheet gives), so the meetings show up in `plan.due_within` like any other work.
local common = require "cairn.tools_common"

local frequencies = { "Weekly", "Bi-weekly", "Monthly", "Quarterly" }
local MAX_MEETINGS = 60 -- per pair: a school year of weekly meetings, and then some

-- The ABC Unified example (the pairings are partly inferred from a scrambled print).
local example = {
  { "Superintendent", "Union President" }, { "Chief Financial Officer", "Chief Negotiator" },
  { "Asst. Superintendent, HR", "Union President & Chief Negotiator" },
  { "Asst. Superintendent, Academic / Curriculum & Professional Dev.", "PASS Coordinator & VP Elem; VP HS & VP MS" },
  { "Special Education", "VP Special Ed. & Special Ed. Advisory Cmte." },
  { "Information Technology Coordinator", "Union President" }, { "Child Development", "VP Child Development" },
  { "Director of Schools", "Recording Secretary" }, { "ABC Management", "All Labor Unions" },
  { "District Cabinet", "ABCFT Exec. Board" }, { "Principals", "Site Reps" },
}

local form = common.form {
  { kind = "table", id = "pairs", label = "Partnership standing meetings", row_label = "Pair", min_rows = 1,
    help = "Pair each district administrator with their association/union counterpart, e.g. "
      .. "Superintendent with Union President, Chief Financial Officer with Chief Negotiator, "
      .. "Principals with Site Reps (ABC Unified's example).",
    columns = {
      { id = "district_role", label = "District Administration", type = "text", required = true },
      { id = "district_person", label = "District person", type = "person" },
      { id = "union_role", label = "Union/Association", type = "text", required = true },
      { id = "union_person", label = "Union/Association person", type = "person" },
      { id = "frequency", label = "How often do they meet?", report_label = "Meets", type = "choice",
        choices = frequencies },
      { id = "first", label = "First meeting", type = "date" },
      { id = "topics", label = "Topics", type = "text" },
    } },
  { id = "through", type = "date", label = "Schedule the meetings through", report_label = "Scheduled through",
    help = "e.g. the end of the school year" },
}

local function add_months(iso, n)
  local y, m, d = iso:match("^(%d+)-(%d+)-(%d+)$")
  y, m, d = tonumber(y), tonumber(m) + n, tonumber(d)
  while m > 12 do y, m = y + 1, m - 12 end
  local dim = require("cairn.date").days_in_month(y, m)
  return string.format("%04d-%02d-%02d", y, m, math.min(d, dim))
end

-- The meeting dates of a pair: FIRST, then every FREQUENCY through THROUGH.
local function meetings(first, frequency, through)
  if not first then return {} end
  local out = { first }
  if not (frequency and through) then return out end
  local date = require "cairn.date"
  local n = 0
  while #out < MAX_MEETINGS do
    n = n + 1
    local nxt
    if frequency == "Weekly" then nxt = date.add_days(first, 7 * n)
    elseif frequency == "Bi-weekly" then nxt = date.add_days(first, 14 * n)
    elseif frequency == "Monthly" then nxt = add_months(first, n)
    else nxt = add_months(first, 3 * n) end
    if nxt > through then break end
    out[#out + 1] = nxt
  end
  return out
end

local tool = {
  id = "standing_meeting_worksheet",
  title = "Standing Meeting Worksheet",
  source = "NEA, Collaborating for Student Success (2019 draft), Act: Identify Collaborative Teams and Functions",
  stage = "Act: Identify Collaborative Teams and Functions",
  framework = "NEA",
  summary = "Pair district and association/union leaders and schedule their standing meetings.",
  instructions = {
    "This worksheet helps district administrators and education association/union leaders explore "
      .. "possibilities for aligning the leadership structures between the partners and establishing "
      .. "regularly scheduled meetings between key individuals throughout the system, beyond just the "
      .. "superintendent and association/union president.",
    "(The printed worksheet is missing from the guidebook; its ABC Unified example survives, and "
      .. "these columns are cairn's reading of it.)",
  },
  form = form,
  example = example,
  meetings = meetings,
  worksheet_title = function() return "Standing meetings" end,
}

function tool.check(a, c)
  for _, r in ipairs(common.rows(a.pairs)) do
    local p = string.format("pairs[%d]", r._n)
    if not r.frequency then c.warn(p .. ".frequency", "How often will this pair meet?") end
    if a.through and r.first and r.first > a.through then
      c.error(p .. ".first", string.format("the first meeting is after the scheduling end (%s)", a.through))
    end
  end
end

function tool.to_plan(a, ctx)
  local p = common.create_plan(ctx, { kind = "standing_meetings", title = "Partnership standing meetings",
    level = "district", levels = { "standing_meeting", "milestone" } })
  for _, r in ipairs(common.rows(a.pairs)) do
    local name = r.district_role .. " and " .. r.union_role
    local m = p:add { level = "standing_meeting", text = name .. (r.frequency and (" (" .. r.frequency:lower() .. ")") or ""),
      key = common.norm(name), owner = r.district_person, tags = { "recurring" },
      fields = { frequency = r.frequency, topics = r.topics, counterpart = r.union_person } }
    for _, d in ipairs(meetings(r.first, r.frequency, a.through)) do
      m:add { level = "milestone", text = "Meeting " .. d, key = d, due = d }
    end
  end
  return p
end

function tool.report(w, doc)
  local a = w.answers
  if a.through then doc:keyvalue { { "Scheduled through", a.through } } end
  local rows = {}
  for _, r in ipairs(common.rows(a.pairs)) do
    local n = #meetings(r.first, r.frequency, a.through)
    rows[#rows + 1] = { district = r.district_role .. (r.district_person and (" (" .. r.district_person .. ")") or ""),
      union = r.union_role .. (r.union_person and (" (" .. r.union_person .. ")") or ""),
      frequency = r.frequency, first = r.first, count = n > 0 and n or nil, topics = r.topics }
  end
  doc:section("Partnership standing meetings"):table {
    columns = { { id = "district", label = "District Administration" }, { id = "union", label = "Union/Association" },
      { id = "frequency", label = "Meets" }, { id = "first", label = "First meeting", format = "date" },
      { id = "count", label = "Meetings scheduled", format = "integer", align = "right" },
      { id = "topics", label = "Topics" } },
    rows = rows }
end

return tool
