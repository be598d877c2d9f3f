-- District Plan (multi-year) with Multi-Year Plan Components (Massachusetts, 003).
--
-- The outline of the District Plan, in order: I. mission, vision, core values; II. data analysis
-- and theory of action (an "if…then" statement); III. 3-5 strategic objectives, the strategic
-- initiatives that achieve each (with their professional development), teacher induction and
-- mentoring; IV. interim and final outcomes with how they are measured and when. The plan model
-- gets the objective -> initiative tree and the outcomes with their measures (baseline and
-- targets); the report is the District Plan as a school board reads it.
local common = require "cairn.tools_common"

local definitions = {
  mission = "Your purpose: why the organization exists.",
  core_values = "What you believe in: the principles that guide decision making and action.",
  vision = "Your aspirations for students: what you value and why, and what future success will look like.",
  theory = "The beliefs and assumptions you hold about why certain actions will lead to the vision "
    .. "you seek. Framed as an \"if…then\" statement.",
  objectives = "The coherent group of overarching goals and key levers for improvement that will "
    .. "achieve the vision (the \"what\" and \"why\").",
  initiatives = "The projects and programs that support and will achieve the strategic objectives (the \"how\").",
  outcomes = "The expected results: what they will be, how they will be measured, when they will "
    .. "occur. Outcomes are SMART goals: specific and strategic; measurable; action-oriented; "
    .. "rigorous, realistic, results-focused; timed and tracked. Final outcomes set targets for "
    .. "improvement achieved at the end of plan implementation. For example: By 2021, decrease "
    .. "chronic absenteeism by 2.8 percentage points to 12%. Interim outcomes set targets for "
    .. "improvement during plan implementation.",
}

local form = common.form {
  { id = "period", type = "text", label = "Plan years", required = true, placeholder = "2026-2029",
    help = "The District Plan covers three years." },
  { kind = "section", title = "I. District Mission, Vision, Core Values",
    help = "An effective District Plan is developed with input from staff, families, students, and "
      .. "community partners." },
  { id = "core_values", type = "longtext", label = "a. The district's core values", report_label = "Core Values",
    required = true, help = definitions.core_values },
  { id = "mission", type = "longtext", label = "b. The district's mission", report_label = "Mission",
    required = true, help = definitions.mission },
  { id = "vision", type = "longtext", label = "c. The district's vision", report_label = "Vision",
    required = true, help = definitions.vision },
  { kind = "section", title = "II. Data analysis and theory of action for improvement" },
  { id = "data_analysis", type = "longtext", required = true,
    label = "a. Data analysis of student achievement and gaps between student groups in core subjects",
    report_label = "Data analysis" },
  { id = "theory", type = "longtext", label = "b. The district's theory of action for improvement",
    report_label = "Theory of Action", required = true, help = definitions.theory },
  { kind = "section", title = "III. Strategic Objectives and Initiatives",
    help = "a. Strategic objectives for improvement (3-5 recommended, to support focus)" },
  { kind = "group", id = "objectives", label = "Strategic objective", min = 1,
    help = definitions.objectives, form = {
      { id = "objective", type = "longtext", label = "Strategic objective", required = true,
        help = definitions.objectives },
      { kind = "table", id = "initiatives", label = "b. The strategic initiatives that will achieve this objective",
        min_rows = 1, row_label = "Strategic initiative", help = definitions.initiatives,
        columns = {
          { id = "initiative", label = "Strategic initiative", type = "text", required = true },
          { id = "lead", label = "Lead", type = "person" },
          { id = "pd", label = "c. The professional development that will support this initiative",
            report_label = "Professional development", type = "longtext" },
        } },
    } },
  { id = "induction", type = "longtext",
    label = "d. Teacher induction and mentoring activities that support successful implementation",
    report_label = "Teacher induction and mentoring" },
  { kind = "section", title = "IV. Outcomes",
    help = "a. Performance benchmarks—interim and final outcomes—and processes for evaluating "
      .. "initiative effectiveness. " .. definitions.outcomes },
  { kind = "table", id = "outcomes", label = "Outcomes", min_rows = 1, row_label = "Outcome",
    help = definitions.outcomes,
    columns = {
      { id = "outcome", label = "Outcome (what it will be)", report_label = "Outcome", type = "longtext", required = true },
      { id = "kind", label = "Interim or final?", report_label = "Type", type = "choice", required = true,
        choices = { { value = "interim", label = "Interim" }, { value = "final", label = "Final" } } },
      { id = "objective", label = "Strategic objective it measures (its number)", report_label = "Objective",
        type = "number", min = 1 },
      { id = "metric", label = "How it will be measured", report_label = "Measure", type = "text" },
      { id = "unit", label = "Unit (%, students, points...)", report_label = "Unit", type = "text" },
      { id = "direction", label = "Is an increase or a decrease the improvement?", report_label = "Improvement",
        type = "choice", choices = { { value = "up", label = "Increase" }, { value = "down", label = "Decrease" } } },
      { id = "baseline", label = "Baseline value", report_label = "Baseline", type = "number" },
      { id = "baseline_date", label = "Baseline date", report_label = "As of", type = "date" },
      { id = "target", label = "Target value", report_label = "Target", type = "number" },
      { id = "due", label = "When it will occur", report_label = "By", type = "date", required = true },
    } },
  { id = "evaluation", type = "longtext", label = "Processes for evaluating initiative effectiveness",
    report_label = "Evaluating initiative effectiveness" },
}

local tool = {
  id = "ma_district_plan",
  title = "District Plan (multi-year) with Multi-Year Plan Components",
  source = "Massachusetts DESE, Planning for Success: District Plan",
  stage = "Create, Align",
  framework = "Massachusetts",
  summary = "The multi-year District Plan: mission, values, vision, theory of action, objectives, initiatives, outcomes.",
  instructions = {
    "An effective District Plan is developed with input from staff, families, students, and "
      .. "community partners. The outline below identifies a proposed structure for the multi-year "
      .. "District Plan. These components reflect legislative requirements, educator evaluation "
      .. "expectations, and best practices in planning.",
    "Mission, Core Values and Vision are the foundation of the Theory of Action, which leads to the "
      .. "development of the Strategic Objectives, which will be achieved by the Strategic "
      .. "Initiatives. The success of the plan as a whole will be measured by the Outcomes.",
  },
  form = form,
  worksheet_title = function(a) return "District Plan " .. a.period end,
}

function tool.check(a, c)
  local n = #(a.objectives or {})
  if n > 0 and (n < 3 or n > 5) then
    c.warn("objectives", string.format("%d strategic objectives: 3-5 are recommended, to support focus.", n))
  end
  if common.filled(a.theory) then
    local t = " " .. a.theory:lower() .. " "
    if not (t:find("%f[%a]if%f[%A]") and t:find("%f[%a]then%f[%A]")) then
      c.warn("theory", "The theory of action is framed as an \"if…then\" statement.")
    end
  end
  for i, o in ipairs(a.objectives or {}) do
    for _, r in ipairs(common.rows(o.initiatives)) do
      if not common.filled(r.pd) then
        c.warn(string.format("objectives[%d].initiatives[%d].pd", i, r._n),
          "Name the professional development that will support each initiative.")
      end
    end
  end
  local final = false
  for _, r in ipairs(common.rows(a.outcomes)) do
    local p = string.format("outcomes[%d]", r._n)
    if r.kind == "final" then final = true end
    if r.objective and not (a.objectives or {})[r.objective] then
      c.error(p .. ".objective", string.format("there is no strategic objective %d (%d listed)",
        math.tointeger(r.objective) or r.objective, n))
    end
    if type(r.baseline_date) == "string" and type(r.due) == "string" and r.due < r.baseline_date then
      c.error(p .. ".due", string.format("the outcome's date %s is before its baseline date %s", r.due, r.baseline_date))
    end
    if r.target ~= nil and not r.direction then
      c.error(p .. ".direction", "say whether an increase or a decrease is the improvement")
    end
    if r.target ~= nil and r.baseline ~= nil and r.direction then
      if (r.direction == "up" and r.target <= r.baseline) or (r.direction == "down" and r.target >= r.baseline) then
        c.warn(p .. ".target", "The target does not improve on the baseline.")
      end
    end
    if r.target == nil or not common.filled(r.metric) then
      c.warn(p .. ".metric", "Outcomes say how they will be measured: give the measure and the target.")
    end
    common.smart(c, p .. ".outcome", r.outcome, "Massachusetts")
  end
  if not final and #common.rows(a.outcomes) > 0 then
    c.warn("outcomes", "Final outcomes set targets for improvement achieved at the end of plan implementation: add one.")
  end
end

function tool.to_plan(a, ctx)
  local p = common.create_plan(ctx, {
    kind = "district_plan", level = "district", period = a.period,
    title = "District Plan " .. a.period,
    levels = { "strategic_objective", "strategic_initiative", "outcome" },
    fields = { mission = a.mission, core_values = a.core_values, vision = a.vision,
               data_analysis = a.data_analysis, theory_of_action = a.theory,
               induction = a.induction, evaluation = a.evaluation },
  })
  local objectives = {}
  for i, o in ipairs(a.objectives or {}) do
    local obj = p:add { level = "strategic_objective", text = o.objective }
    objectives[i] = obj
    for _, r in ipairs(common.rows(o.initiatives)) do
      obj:add { level = "strategic_initiative", text = r.initiative, owner = r.lead,
        fields = { professional_development = r.pd } }
    end
  end
  for _, r in ipairs(common.rows(a.outcomes)) do
    local out = p:add { level = "outcome", text = r.outcome, kind = r.kind, due = r.due }
    if r.target ~= nil and r.direction then
      out:measure { metric = common.filled(r.metric) and r.metric or r.outcome, unit = r.unit,
        direction = r.direction,
        baseline = r.baseline ~= nil and { value = r.baseline, date = r.baseline_date } or nil,
        targets = { { value = r.target, date = r.due, kind = r.kind } } }
    end
    if r.objective and objectives[r.objective] then
      common.link(ctx, objectives[r.objective], out, "measured_by")
    end
  end
  return p
end

function tool.report(w, doc)
  local a = w.answers
  local intro = doc:section("About this plan")
  intro:paragraph("This three-year plan (" .. a.period .. ") was developed with input from staff, families, students, and "
    .. "community partners. Its mission, core values and vision are the foundation of the theory of "
    .. "action, which leads to the strategic objectives; the strategic initiatives achieve them, and "
    .. "the success of the plan as a whole is measured by its outcomes.")

  local s1 = doc:section("I. District Mission, Vision, Core Values")
  for _, id in ipairs { "mission", "core_values", "vision" } do
    local sub = s1:section(common.label(common.element(form, id)))
    sub:paragraph(a[id])
  end

  local s2 = doc:section("II. Data Analysis and Theory of Action")
  s2:section("Data analysis"):paragraph(a.data_analysis)
  s2:section("Theory of Action"):paragraph(a.theory)

  local s3 = doc:section("III. Strategic Objectives and Initiatives")
  for i, o in ipairs(a.objectives or {}) do
    local so = s3:section(string.format("Strategic Objective %d", i))
    so:paragraph(o.objective)
    local rows = {}
    for _, r in ipairs(common.rows(o.initiatives)) do
      rows[#rows + 1] = { initiative = r.initiative, lead = r.lead, pd = r.pd }
    end
    so:table { caption = "Strategic initiatives",
      columns = { { id = "initiative", label = "Strategic initiative" }, { id = "lead", label = "Lead" },
                  { id = "pd", label = "Professional development" } },
      rows = rows }
  end
  if common.filled(a.induction) then
    s3:section("Teacher Induction and Mentoring"):paragraph(a.induction)
  end

  local s4 = doc:section("IV. Outcomes")
  local el = common.element(form, "outcomes")
  for _, kind in ipairs { "final", "interim" } do
    local list = {}
    for _, r in ipairs(a.outcomes or {}) do
      if r.kind == kind then list[#list + 1] = r end
    end
    if #list > 0 then
      common.form_table(s4, el, list, { caption = kind == "final" and "Final outcomes" or "Interim outcomes",
        only = { "outcome", "metric", "baseline", "baseline_date", "target", "unit", "due", "objective" } })
    end
  end
  if common.filled(a.evaluation) then
    s4:section("Evaluating Initiative Effectiveness"):paragraph(a.evaluation)
  end
end

return tool
