-- Goals & Objectives Template (NEA, 002, Act: Define Content for Collaboration).
--
-- A working committee's initiative goal (desired result + designated timeframe, aligned with an
-- overarching goal) and up to five objectives, each checked against the guidebook's criteria:
-- Specific, Pertinent, Realistic, Data-informed, Time-bound. The goal and objectives go into the
-- plan model; the goal is linked to the overarching goal it serves, and to the root cause it
-- addresses when one is named.
local common = require "cairn.tools_common"

local criteria = {
  { value = "Specific", label = "Specific" },
  { value = "Pertinent", label = "Pertinent" },
  { value = "Realistic", label = "Realistic" },
  { value = "Data-informed", label = "Data-informed" },
  { value = "Time-bound", label = "Time-bound" },
}
local criteria_help = "When writing objectives, try to make them: Specific: clearly identify what "
  .. "will be done, and what you want to accomplish. Pertinent: the objective is based on current "
  .. "conditions and needs. Realistic: ensure that the results can realistically be achieved given "
  .. "available resources. Data-informed: ensure your result can be evaluated against a standard, in "
  .. "terms like quantity, quality, frequency, etc. Time-bound: specify when the result(s) can be achieved."

local form = common.form {
  { id = "committee", type = "text", label = "Working committee" },
  { kind = "section", title = "INITIATIVE GOAL",
    help = "A goal should be stated in terms of your desired result and a designated timeframe. It "
      .. "should align with the leadership team's overarching goals. For example, a goal related to "
      .. "language arts achievement might read, \"By the end of this year, we will have selected a "
      .. "new language arts instructional program to be implemented next year in targeted schools.\"" },
  { id = "goal", type = "longtext", label = "Write your initiative's goal here...",
    report_label = "Initiative goal", required = true },
  { id = "by", type = "date", label = "Designated timeframe (by when?)", report_label = "By" },
  { id = "overarching", type = "text", label = "Which of the leadership team's overarching goals does it align with?",
    report_label = "Aligns with overarching goal",
    help = "The text of the overarching goal (or its start), as written with the Overarching Goals Template." },
  { id = "root_cause", type = "text", label = "Root cause it addresses (from the fishbone diagram)",
    report_label = "Root cause addressed" },
  { kind = "section", title = "INITIATIVE OBJECTIVES",
    help = "If goals tell you where you want to go, objectives tell you exactly how to get there. "
      .. "Objectives specify what you must do to achieve your goal in the associated timeframe, "
      .. "being realistic about available resources. Because objectives are measurable, they are "
      .. "used to evaluate progress towards goal achievement." },
  { kind = "table", id = "objectives", label = "INITIATIVE OBJECTIVES",
    rows = { "Objective 1:", "Objective 2:", "Objective 3:", "Objective 4:", "Objective 5:" },
    min_rows = 1,
    columns = {
      { id = "objective", label = "Objective", type = "longtext", required = true },
      { id = "by", label = "By when (milestone date)?", report_label = "By", type = "date" },
      { id = "owner", label = "Who leads it?", report_label = "Lead", type = "person" },
      { id = "criteria", label = "Which criteria does it meet?", report_label = "Criteria met",
        type = "multichoice", choices = criteria, help = criteria_help },
    } },
}

local tool = {
  id = "goals_objectives",
  title = "Goals & Objectives Template",
  source = "NEA, Collaborating for Student Success (2019 draft), Act: Define Content for Collaboration",
  stage = "Act: Define Content for Collaboration",
  framework = "NEA",
  summary = "An initiative goal with a timeframe and up to five measurable objectives.",
  instructions = {
    "This tool can help collaborative groups select a goal for their work, and identify objectives toward that goal.",
    "When writing objectives, try to make them: Specific, Pertinent, Realistic, Data-informed and Time-bound.",
    "If the team has not met a milestone by the designated date, they should either make "
      .. "adjustments to accelerate their work or adjust their objective. Once the team has met all "
      .. "of its objectives, it is likely that it has realized its goal.",
  },
  form = form,
  worksheet_title = function(a) return common.filled(a.committee) and ("Goals and objectives: " .. a.committee) or nil end,
}

function tool.check(a, c)
  if common.filled(a.goal) and not common.filled(a.by) and not common.has_timeframe(a.goal) then
    c.warn("by", "A goal should be stated in terms of your desired result and a designated timeframe: by when?")
  end
  if not common.filled(a.overarching) then
    c.warn("overarching", "The initiative goal should align with the leadership team's overarching goals.")
  end
  for _, r in ipairs(common.rows(a.objectives)) do
    local p = string.format("objectives[%d]", r._n)
    -- the objective's own date answers "Time-bound"
    local failed = common.smart(c, p .. ".objective", r.objective, "NEA",
      common.filled(r.by) and { ["Time-bound"] = true } or nil)
    if common.filled(r.by) then failed["Time-bound"] = true end
    local have, missing = {}, {}
    for _, v in ipairs(r.criteria or {}) do have[v] = true end
    for _, cr in ipairs(criteria) do
      if not have[cr.value] and not failed[cr.value] then missing[#missing + 1] = cr.value end
    end
    if r.criteria and #missing > 0 then
      c.warn(p .. ".criteria", "Try to make the objective " .. common.join(missing, " and ") .. ".")
    end
    if type(r.by) == "string" and type(a.by) == "string" and r.by > a.by then
      c.warn(p .. ".by", "The objective is due after the goal's timeframe (" .. a.by .. ").")
    end
  end
end

function tool.to_plan(a, ctx)
  local p = common.create_plan(ctx, {
    kind = "initiative", level = "committee", title = a.goal,
    levels = { "goal", "objective" },
    fields = { committee = a.committee },
  })
  local goal = p:add { level = "goal", text = a.goal, due = a.by }
  local over = common.find_item(ctx, "goal", a.overarching, { "partnership_goals" })
  common.link(ctx, goal, over, "serves")
  local cause = common.find_item(ctx, "root_cause", a.root_cause)
  common.link(ctx, cause, goal, "addresses")
  for _, r in ipairs(common.rows(a.objectives)) do
    goal:add { level = "objective", text = r.objective, due = r.by, owner = r.owner,
      tags = (r.criteria and #r.criteria == #criteria) and { "meets_criteria" } or nil,
      fields = { criteria = r.criteria } }
  end
  return p
end

function tool.report(w, doc)
  local a = w.answers
  local kv = common.pairs_for(form, a, { "committee", "goal", "by", "overarching", "root_cause" })
  doc:keyvalue(kv)
  local el = common.element(form, "objectives")
  local s = doc:section("Initiative objectives")
  common.form_table(s, el, a.objectives, { first = { id = "n", label = "#" },
    labels = { "Objective 1", "Objective 2", "Objective 3", "Objective 4", "Objective 5" },
    only = { "objective", "by", "owner" } })
  local checks = {}
  for i, r in ipairs(a.objectives or {}) do
    if common.row_filled(r) then
      local have = {}
      for _, v in ipairs(r.criteria or {}) do have[v] = true end
      for _, cr in ipairs(criteria) do
        checks[#checks + 1] = { text = string.format("Objective %d is %s", i, cr.value),
          checked = have[cr.value] == true }
      end
    end
  end
  if #checks > 0 then
    local cs = doc:section("Objective criteria")
    cs:checklist(checks)
  end
end

return tool
