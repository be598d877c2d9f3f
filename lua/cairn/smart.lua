-- cairn.smart: SMART checks for goals, objectives and outcomes, in each guidebook's own words.
-- Checks are prompts and warnings, never errors: a goal a team agreed on is stored as written.
--
-- A district rewords or adds criteria by copying this file to cairn/smart.lua on its search
-- path (next to the workspace, or on $CAIRN_PATH). Each framework lists criteria in the
-- guidebook's order; a criterion with `test` warns with `warning` when the test fails; one
-- without a test is always shown as a `prompt` (a question only the team can answer).
local smart = {}

-- Small text tests the criteria share.
local number_words = { "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
                       "twenty", "half", "all", "every", "percent", "majority" }

local function has_number(s)
  if s:find("%d") then return true end
  local l = s:lower()
  for _, w in ipairs(number_words) do
    if l:find("%f[%a]" .. w .. "%f[%A]") then return true end
  end
  return false
end

local months = { "january", "february", "march", "april", "may", "june", "july", "august",
                 "september", "october", "november", "december", "jan", "feb", "mar", "apr", "jun",
                 "jul", "aug", "sep", "sept", "oct", "nov", "dec" }
local time_words = { "by the end of", "end of the year", "end of the school year", "this year", "next year",
                     "semester", "quarter", "by fall", "by spring", "by winter", "by summer",
                     "within", "each year", "annually", "weekly", "monthly", "school year" }

local function has_time(s)
  local l = s:lower()
  if l:find("%f[%d]%d%d%d%d%f[%D]") or l:find("%d+/%d+") then return true end
  for _, m in ipairs(months) do
    if l:find("%f[%a]" .. m .. "%f[%A]") then return true end
  end
  for _, w in ipairs(time_words) do if l:find(w, 1, true) then return true end end
  return false
end

local change_words = { "increase", "decrease", "reduce", "raise", "improve", "grow", "lower", "close",
                       "eliminate", "achieve", "reach", "attain", "meet", "exceed", "double", "halve",
                       "perform", "graduate", "complete", "rise", "drop", "fall", "gain", "at least",
                       "no more than", "fewer", "more", "will" }

local function has_result(s)
  local l = s:lower()
  for _, w in ipairs(change_words) do
    if l:find("%f[%a]" .. w) then return true end
  end
  return false
end

local function word_count(s)
  local n = 0
  for _ in s:gmatch("%S+") do n = n + 1 end
  return n
end

local function specific(s) return word_count(s) >= 6 end

smart.tests = { has_number = has_number, has_time = has_time, has_result = has_result, specific = specific }

smart.frameworks = {
  WestEd = {
    title = "SMART goal (WestEd): Strategic, Measurable, Attainable, Results-Oriented, and Timebound",
    source = "WestEd, Action Planning Template",
    criteria = {
      { key = "strategic", label = "Strategic",
        prompt = "Strategic: does the goal address the root causes you identified and matter to what the partnership is trying to achieve?" },
      { key = "measurable", label = "Measurable", test = has_number,
        warning = "Measurable: the goal has no number. Say how much change you want (a percentage, a count, a rate) so you can tell when it is reached.",
        prompt = "Measurable: how will you measure it, and from what data?" },
      { key = "attainable", label = "Attainable",
        prompt = "Attainable: can the team reach this with the time, people and resources available?" },
      { key = "results", label = "Results-Oriented", test = has_result,
        warning = "Results-Oriented: the goal does not name a result. Say what will change for students (increase, reduce, improve ...), not only what the team will do.",
        prompt = "Results-Oriented: is this the result you want, not only an activity?" },
      { key = "timebound", label = "Timebound", test = has_time,
        warning = "Timebound: the goal has no date or year. Say by when it will be reached (for example 'by June 2027').",
        prompt = "Timebound: is the date realistic for the work involved?" },
    },
  },

  Massachusetts = {
    title = "SMART outcome (Massachusetts): specific and strategic; measurable; action-oriented; rigorous, realistic, results-focused; timed and tracked",
    source = "Massachusetts DESE, The District Planning Process",
    criteria = {
      { key = "specific", label = "Specific and strategic", test = specific,
        warning = "Specific and strategic: the outcome is very short. Say what the result will be and for whom.",
        prompt = "Specific and strategic: does it follow from the strategic objectives and the theory of action?" },
      { key = "measurable", label = "Measurable", test = has_number,
        warning = "Measurable: the outcome has no number. Say how it will be measured (for example 'decrease chronic absenteeism by 2.8 percentage points to 12%').",
        prompt = "Measurable: which data source will measure it?" },
      { key = "action", label = "Action-oriented", test = has_result,
        warning = "Action-oriented: the outcome does not say what will change (increase, decrease, improve ...).",
        prompt = "Action-oriented: does it say what will change?" },
      { key = "rigorous", label = "Rigorous, realistic, results-focused",
        prompt = "Rigorous, realistic, results-focused: is the target ambitious yet achievable, and about results for students?" },
      { key = "timed", label = "Timed and tracked", test = has_time,
        warning = "Timed and tracked: the outcome has no date. Say when it will occur (for example 'By 2021') and set interim outcomes to track it.",
        prompt = "Timed and tracked: are there interim outcomes and benchmarks to track progress?" },
    },
  },

  NEA = {
    title = "Objectives (NEA): Specific, Pertinent, Realistic, Data-informed, Time-bound",
    source = "NEA, collaborative partnership guidebook (Goals and Objectives)",
    criteria = {
      { key = "specific", label = "Specific", test = specific,
        warning = "Specific: clearly identify what will be done, and what you want to accomplish.",
        prompt = "Specific: does it clearly identify what will be done, and what you want to accomplish?" },
      { key = "pertinent", label = "Pertinent",
        prompt = "Pertinent: is the objective based on current conditions and needs?" },
      { key = "realistic", label = "Realistic",
        prompt = "Realistic: can the results realistically be achieved given available resources?" },
      { key = "data", label = "Data-informed", test = has_number,
        warning = "Data-informed: ensure your result can be evaluated against a standard, in terms like quantity, quality, frequency, etc.",
        prompt = "Data-informed: what standard will the result be evaluated against?" },
      { key = "timebound", label = "Time-bound", test = has_time,
        warning = "Time-bound: specify when the result(s) can be achieved.",
        prompt = "Time-bound: is the timeframe the committee can commit to?" },
    },
  },
}

-- Names people type for each framework.
smart.aliases = { wested = "WestEd", ma = "Massachusetts", massachusetts = "Massachusetts",
                  dese = "Massachusetts", nea = "NEA", lea = "WestEd" }
smart.default = "WestEd"

local Result = {}
Result.__index = Result
function Result.__tostring(r)
  local out = { r.title }
  for _, c in ipairs(r) do
    out[#out + 1] = string.format("  %s %s", c.severity == "warning" and "!" or "?", c.message)
  end
  if r.ok then out[#out + 1] = "  (no warnings; the questions are for the team)" end
  return table.concat(out, "\n")
end

-- Check TEXT against FRAMEWORK. Returns a list of {criterion, label, severity = "warning" |
-- "prompt", message}, warnings first then prompts in the guidebook's order; .ok is true when
-- there are no warnings, .met lists the criteria whose test passed.
function smart.check(text, framework)
  local name = framework or smart.default
  local fw = smart.frameworks[name] or smart.frameworks[smart.aliases[tostring(name):lower()] or ""]
  if not fw then
    local names = {}
    for k in pairs(smart.frameworks) do names[#names + 1] = k end
    table.sort(names)
    error(string.format("smart_check: unknown framework '%s' (expected one of: %s)", tostring(name),
      table.concat(names, ", ")), 0)
  end
  text = tostring(text or "")
  local warnings, prompts, met = {}, {}, {}
  for _, c in ipairs(fw.criteria) do
    if c.test and not c.test(text) then
      warnings[#warnings + 1] = { criterion = c.key, label = c.label, severity = "warning", message = c.warning }
    else
      if c.test then met[#met + 1] = c.key end
      prompts[#prompts + 1] = { criterion = c.key, label = c.label, severity = "prompt", message = c.prompt }
    end
  end
  local r = setmetatable({ title = fw.title, framework = name, met = met, ok = #warnings == 0 }, Result)
  for _, w in ipairs(warnings) do r[#r + 1] = w end
  for _, p in ipairs(prompts) do r[#r + 1] = p end
  return r
end

return smart
