-- Sample Planning Process (LEA plan, 001): six steps from performance trends to funding.
--
-- Steps 1-6 are sections whose questions are asked verbatim. The answers that are data become
-- tables: performance trends (step 1), root causes with the step 2 flags, action steps with one
-- owner each, their levels of implementation, the step 4 prioritisation criteria, deliverables
-- (step 5) and funding (step 6), and the initiatives to retire. Root causes and action steps go
-- into the plan model, linked: root cause -> the action steps that target it.
local common = require "cairn.tools_common"

local levels = { "District", "Subject", "Grade band", "School", "Classroom" }

-- Step 4: each question is a criterion an action step meets or not.
local criteria = {
  { value = "targets_root_cause", label = "Does the action step target the root cause?" },
  { value = "systemic", label = "Does the action step address systemic root causes of low "
      .. "performance, such as curriculum and assessment quality, implementation fidelity, and/or "
      .. "professional development quality and transfer?" },
  { value = "spreads_positive", label = "What action steps will spread and/or systematize root "
      .. "causes of positive performance?" },
  { value = "cost_benefit", label = "Has the action step been analyzed for effectiveness, "
      .. "including a cost-benefit analysis? Consider high return on investments, new "
      .. "initiatives, current LEA capacity, and resources." },
  { value = "simultaneous", label = "Which of these remaining action steps can be implemented "
      .. "simultaneously with fidelity?" },
  { value = "builds_capacity", label = "Does the action step build institutional knowledge and "
      .. "leadership capacity, especially to support strategies?" },
  { value = "scale", label = "Will the action step increase the scale/fidelity of the strategy?" },
}

local retire_reasons = {
  "They are redundant with other activities",
  "They have not demonstrated effectiveness",
  "They have low-implementation fidelity",
  "They require staff time that can be better directed elsewhere",
  "Other",
}

local form = common.form {
  { kind = "section", title = "Step 1. Examine Performance Trends" },
  { id = "data_sources", type = "longtext", required = true,
    label = "What are the most relevant data sources to use?" },
  { kind = "table", id = "trends", label = "What are the LEA's most promising and most concerning "
      .. "performance trends?", min_rows = 1, row_label = "Trend",
    columns = {
      { id = "trend", label = "Performance trend", type = "text", required = true },
      { id = "kind", label = "Promising or concerning?", report_label = "Kind", type = "choice",
        choices = { "Promising", "Concerning" }, required = true },
      { id = "data", label = "Data source", type = "text" },
    } },
  { id = "connections", type = "longtext", label = "In what ways are these trends connected?" },

  { kind = "section", title = "Step 2. Identify Root Causes",
    help = "Note that there may be nonsystemic root causes that must be addressed as well." },
  { id = "factors", type = "longtext",
    label = "What factors contribute to promising and concerning performance trends?" },
  { kind = "table", id = "root_causes", label = "Root causes", min_rows = 1, row_label = "Root cause",
    columns = {
      { id = "cause", label = "Root cause", type = "text", required = true },
      { id = "trends", label = "Performance trends it contributes to (numbers, e.g. 1, 3)",
        report_label = "Trends", type = "text" },
      { id = "control", label = "Of the root causes identified, which can we control? (Can we control this one?)",
        report_label = "Can we control it?", type = "yesno" },
      { id = "kind", label = "Systemic, symptom of a deeper root cause, or nonsystemic?",
        report_label = "Kind", type = "choice", choices = { "Systemic", "Symptom", "Nonsystemic" } },
      { id = "deeper", label = "What underlying factors contribute to the systemic root causes? "
          .. "(For a symptom: the deeper root cause)", report_label = "Underlying factors", type = "text" },
      { id = "breakdown", label = "For systemic root causes, where does the specific breakdown occur?",
        report_label = "Where the breakdown occurs", type = "text" },
    } },

  { kind = "section", title = "Step 3. Define Action Steps",
    help = "Consider each level of implementation—district, subject, grade band, school, "
      .. "classroom—when planning for high-level action steps." },
  { id = "existing", type = "longtext",
    label = "What knowledge, capacity, systems, and resources already exist to support the "
      .. "strategy, and what is needed in each of these categories?" },
  { id = "structures", type = "longtext",
    label = "What structures and capacity must be built at each level to ensure success?",
    help = "This may include contracting with experts, providing coaches to targeted schools, "
      .. "strategically partnering high- and low-performing schools, etc." },
  { kind = "table", id = "steps", label = "Action steps", min_rows = 1, row_label = "Action step",
    help = "While an action step has only one owner, the LEA should consider who will lead "
      .. "implementation at each level, what knowledge and capacity is currently available, and "
      .. "what additional support will they require.",
    columns = {
      { id = "step", label = "Action step", type = "text", required = true },
      { id = "owner", label = "Owner (an action step has only one owner)", report_label = "Owner",
        type = "person", required = true },
      { id = "root_cause", label = "Root cause it targets (number or text)",
        report_label = "Root cause", type = "text" },
      { id = "levels", label = "Levels of implementation", report_label = "Levels",
        type = "multichoice", choices = levels },
      { id = "level_leads", label = "Who will lead implementation at each level, and what support "
          .. "will they require?", report_label = "Leads at each level", type = "text" },
      { id = "criteria", label = "Step 4. Prioritize Action Steps: which criteria does it meet?",
        report_label = "Criteria met", type = "multichoice", choices = criteria },
      { id = "deliverable", label = "Step 5. Deliverable (concrete and verifiable)",
        report_label = "Deliverable", type = "text" },
      { id = "start", label = "Start", type = "date" },
      { id = "due", label = "End", type = "date" },
      { id = "funding", label = "Step 6. How much funding is necessary to implement this action step?",
        report_label = "Funding", type = "money" },
      { id = "source", label = "Funding source", type = "text" },
    } },
  { id = "monitoring", type = "longtext", label = "How will the LEA and its buildings regularly "
      .. "monitor implementation effectiveness and course-correct if needed?" },
  { id = "risks", type = "longtext",
    label = "What risks and obstacles exist, and how will they be proactively addressed?" },

  { kind = "section", title = "Step 4. Prioritize Action Steps",
    help = "The criteria were answered with each action step; the report ranks the action steps "
      .. "by the number of criteria they meet." },

  { kind = "section", title = "Step 5. Determine Deliverables",
    help = "Deliverables should be concrete and verifiable, providing insight to the quality of "
      .. "implementation. Common formative assessments are a strong deliverable for a professional "
      .. "learning community (PLC) initiative, but \"sign-in\" sheets are not." },
  { id = "work_products", type = "longtext",
    label = "What work products will help in the LEA's efforts to monitor progress and quality?" },
  { id = "time_frames", type = "longtext",
    label = "What time frames for deliverables will allow the LEA to identify implementation "
      .. "issues and course-correct in a timely manner that does not jeopardize overall implementation?",
    help = "Considering the workflow of the school year and the strategies to be implemented, what "
      .. "is the best time to start and end each action step? Which existing initiatives can be "
      .. "retired or streamlined to create resources for prioritized strategies? Has existing staff "
      .. "capacity, instructional cycles, other events during the school year, etc., been taken "
      .. "into account?" },

  { kind = "section", title = "Step 6. Associate Funding" },
  { kind = "table", id = "retire", label = "Are there initiatives currently being funded that do "
      .. "not provide sufficient return on investment that can be retired?",
    min_rows = 0, row_label = "Initiative",
    columns = {
      { id = "initiative", label = "Initiative to retire or streamline", type = "text", required = true },
      { id = "reason", label = "Why", type = "choice", choices = retire_reasons },
      { id = "savings", label = "Funding freed", type = "money" },
    } },
}

local tool = {
  id = "sample_planning_process",
  title = "Sample Planning Process",
  source = "Sample Planning Process for an LEA plan (001)",
  stage = "Whole process: Steps 1–6",
  framework = "LEA",
  summary = "From performance trends and root causes to prioritized, funded action steps with deliverables.",
  instructions = {
    "Consult a broad range of stakeholders, examine data to understand the most pressing needs "
      .. "and their root causes, prioritize needs, then concentrate funding, resources and "
      .. "communication on the chosen strategies.",
    "Step 1. Examine Performance Trends → Step 2. Identify Root Causes → Step 3. Define Action "
      .. "Steps → Step 4. Prioritize Action Steps → Step 5. Determine Deliverables → Step 6. "
      .. "Associate Funding.",
  },
  form = form,
  worksheet_title = function(a)
    local s = (a.steps or {})[1]
    return s and ("LEA plan: " .. s.step .. (#a.steps > 1 and string.format(" and %d more action steps", #a.steps - 1) or "")) or nil
  end,
}

local function trend_refs(s)
  local out = {}
  for n in tostring(s or ""):gmatch("%d+") do out[#out + 1] = tonumber(n) end
  return out
end

function tool.check(a, c)
  local trends = a.trends or {}
  local causes = a.root_causes or {}
  for _, r in ipairs(common.rows(causes)) do
    local p = string.format("root_causes[%d]", r._n)
    for _, n in ipairs(trend_refs(r.trends)) do
      if not common.row_filled(trends[n]) then
        c.error(p .. ".trends", string.format("there is no performance trend %d (%d listed)", n, #trends))
      end
    end
    if r.kind == "Symptom" and not common.filled(r.deeper) then
      c.warn(p .. ".deeper", "A root cause that is a \"symptom\" should point to the deeper/systemic "
        .. "root cause it comes from.")
    end
    if r.kind == "Systemic" and not common.filled(r.breakdown) then
      c.warn(p .. ".breakdown", "For systemic root causes, where does the specific breakdown occur?")
    end
  end
  for _, s in ipairs(common.rows(a.steps)) do
    local p = string.format("steps[%d]", s._n)
    if not common.filled(s.root_cause) then
      c.warn(p .. ".root_cause", "Does the action step target the root cause? Name the root cause it targets.")
    elseif not common.match_row(causes, "cause", s.root_cause) then
      c.error(p .. ".root_cause", string.format("'%s' is not one of the root causes in step 2 "
        .. "(give its number, 1-%d, or its text)", s.root_cause, #causes))
    end
    common.check_dates(c, p .. ".due", s.start, s.due, "the action step ends before it starts")
    if common.filled(s.deliverable) and s.deliverable:lower():find("sign%-?in") then
      c.warn(p .. ".deliverable", "Deliverables should be concrete and verifiable, providing "
        .. "insight to the quality of implementation: \"sign-in\" sheets are not.")
    end
    if s.funding == nil then
      c.warn(p .. ".funding", "How much funding is necessary to implement this action step?")
    end
  end
end

function tool.to_plan(a, ctx)
  local p = common.create_plan(ctx, {
    kind = "lea_plan", level = "district",
    title = "LEA plan: " .. ((a.steps and a.steps[1] and a.steps[1].step) or "action steps"),
    levels = { "trend", "root_cause", "action_step", "deliverable" },
    fields = { data_sources = a.data_sources, monitoring = a.monitoring, risks = a.risks },
  })
  for _, t in ipairs(common.rows(a.trends)) do
    p:add { level = "trend", text = t.trend, tags = { t.kind and t.kind:lower() },
      fields = { data = t.data } }
  end
  local cause_items = {}
  for i, r in ipairs(a.root_causes or {}) do
    if common.row_filled(r) then
      cause_items[i] = p:add { level = "root_cause", text = r.cause,
        tags = { r.kind and r.kind:lower(), r.control and "controllable" or nil },
        fields = { trends = r.trends, deeper = r.deeper, breakdown = r.breakdown } }
    end
  end
  for _, s in ipairs(common.rows(a.steps)) do
    local item = p:add { level = "action_step", text = s.step, owner = s.owner,
      start = s.start, due = s.due,
      resources = { cost = s.funding, funding = s.source },
      tags = s.levels and (function()
        local t = {}
        for _, l in ipairs(s.levels) do t[#t + 1] = l:lower() end
        return t
      end)() or nil,
      fields = { criteria = s.criteria, level_leads = s.level_leads } }
    if common.filled(s.deliverable) then
      item:add { level = "deliverable", text = s.deliverable, due = s.due }
    end
    local _, ci = common.match_row(a.root_causes or {}, "cause", s.root_cause)
    if ci and cause_items[ci] then common.link(ctx, cause_items[ci], item, "addresses") end
  end
  return p
end

function tool.report(w, doc)
  local a = w.answers
  local s1 = doc:section("Step 1. Examine Performance Trends")
  s1:keyvalue(common.pairs_for(form, a, { "data_sources" }))
  common.form_table(s1, common.element(form, "trends"), a.trends,
    { caption = "Performance trends", first = { id = "n", label = "#" } })
  if common.filled(a.connections) then s1:keyvalue(common.pairs_for(form, a, { "connections" })) end

  local s2 = doc:section("Step 2. Identify Root Causes")
  if common.filled(a.factors) then s2:keyvalue(common.pairs_for(form, a, { "factors" })) end
  common.form_table(s2, common.element(form, "root_causes"), a.root_causes,
    { caption = "Root causes", first = { id = "n", label = "#" } })
  local counts = {}
  for _, r in ipairs(common.rows(a.root_causes)) do
    if #trend_refs(r.trends) >= 2 and r.kind == "Systemic" then
      counts[#counts + 1] = string.format("%s (contributes to trends %s)", r.cause, r.trends)
    end
  end
  if #counts > 0 then
    s2:callout("note", "Systemic root causes that contribute to multiple performance trends: "
      .. table.concat(counts, "; "), { title = "Systemic root causes" })
  end

  local s3 = doc:section("Steps 3–6. Prioritized action steps")
  local steps = common.element(form, "steps")
  local rows = {}
  for i, s in ipairs(a.steps or {}) do
    if common.row_filled(s) then
      local r = {}
      for _, col in ipairs(steps.columns) do r[col.id] = common.cell(col, s[col.id]) end
      r.met = #(s.criteria or {})
      r.n = i
      local cause, ci = common.match_row(a.root_causes or {}, "cause", s.root_cause)
      if cause then r.root_cause = string.format("%d. %s", ci, cause.cause) end
      r.criteria = nil
      rows[#rows + 1] = r
    end
  end
  table.sort(rows, function(x, y) if x.met ~= y.met then return x.met > y.met end return x.n < y.n end)
  for rank, r in ipairs(rows) do r.rank = rank end
  local cols = common.columns(steps, { id = "rank", label = "Priority" },
    { "step", "owner", "root_cause", "levels", "deliverable", "start", "due", "funding", "source" })
  table.insert(cols, 2, { id = "met", label = "Criteria met (of 7)", format = "integer", align = "right" })
  s3:table { caption = "Action steps ranked by the Step 4 criteria they meet", columns = cols,
    rows = common.keep(rows, cols), totals = { rank = "Total", funding = common.sum(a.steps, "funding") } }
  s3:keyvalue(common.pairs_for(form, a, { "existing", "structures", "monitoring", "risks",
    "work_products", "time_frames" }))

  local s6 = doc:section("Step 6. Associate Funding")
  common.form_table(s6, common.element(form, "retire"), a.retire, {
    caption = "Initiatives to retire or streamline",
    totals = { initiative = "Total", savings = common.sum(a.retire, "savings") },
    empty = "No initiatives were named for retirement." })
end

return tool
