-- SMART prompts in each guidebook's words: warnings for what text can show is missing, prompts
-- for what only the team can judge; never errors.
local t = require "tap"
local plan = require "cairn.plan"
local smart = require "cairn.smart"

local function keys(r, severity)
  local o = {}
  for _, c in ipairs(r) do if c.severity == severity then o[#o + 1] = c.criterion end end
  return o
end

local good = plan.smart_check("By June 2027, increase the attendance rate at Adams Middle from 88% to 92%.", "WestEd")
t.ok(good.ok, "a goal with a number, a result and a date has no warnings")
t.same(keys(good, "prompt"), { "strategic", "measurable", "attainable", "results", "timebound" }, "WestEd asks all five in order")
t.ok(tostring(good):find("^SMART goal %(WestEd%): Strategic, Measurable, Attainable, Results%-Oriented, and Timebound"),
  "WestEd wording")

local vague = plan.smart_check("Attendance matters", "wested")
t.same(keys(vague, "warning"), { "measurable", "results", "timebound" }, "vague goal: measurable, results, timebound warnings")
t.ok(vague[1].message:find("^Measurable: the goal has no number"), "warning names the criterion first")
t.ok(vague[3].message:find("^Timebound: the goal has no date or year"), "timebound warning")
t.is(vague.ok, false, "not ok with warnings")

local ma = plan.smart_check("Chronic absenteeism", "Massachusetts")
t.same(keys(ma, "warning"), { "specific", "measurable", "action", "timed" }, "Massachusetts criteria")
t.ok(ma.title:find("specific and strategic; measurable; action%-oriented; rigorous, realistic, results%-focused; timed and tracked"),
  "Massachusetts wording")
t.ok(plan.smart_check("By 2021, decrease chronic absenteeism by 2.8 percentage points to 12%", "MA").ok,
  "the guidebook's own example passes")

local nea = plan.smart_check("Select a new language arts program", "NEA")
t.same(keys(nea, "warning"), { "data", "timebound" }, "NEA: data-informed and time-bound missing")
t.is(nea[1].message, "Data-informed: ensure your result can be evaluated against a standard, in terms like quantity, quality, frequency, etc.",
  "NEA wording from the guidebook")
t.same(keys(nea, "prompt"), { "specific", "pertinent", "realistic" }, "NEA prompts")
t.ok(plan.smart_check("By the end of this year, we will have selected a new language arts instructional program for two schools", "NEA").ok,
  "'by the end of this year' is a time")

t.raises(function() plan.smart_check("x", "ISO") end, "unknown framework 'ISO' %(expected one of: Massachusetts, NEA, WestEd%)",
  "unknown framework named")

-- wording lives in an editable Lua table
local saved = smart.frameworks.WestEd.criteria[2].warning
smart.frameworks.WestEd.criteria[2].warning = "Measurable: add a number."
t.is(plan.smart_check("Attendance matters")[1].message, "Measurable: add a number.", "a district can reword a warning")
smart.frameworks.WestEd.criteria[2].warning = saved

t.done()
