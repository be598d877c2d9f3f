-- Action Planning Template (WestEd, 000).
--
-- "Each goal should have its own action plan": a repeated group, one per goal, with the goal
-- (SMART), its outcomes, five action-step rows with the eight printed columns, the evidence of
-- success (benchmarks) and the evaluation process (measures). Each goal may name the root
-- cause(s) it addresses (from a 5 Whys or fishbone worksheet); the plan model then links the
-- root cause to the goal's action steps, which monitoring milestones can follow.
local common = require "cairn.tools_common"

local smart = { "Strategic", "Measurable", "Attainable", "Results-Oriented", "Timebound" }

local goal_form = common.form {
  { id = "goal", type = "longtext", label = "Goal", required = true,
    help = "It is always best to identify a goal that is Strategic, Measurable, Attainable, "
      .. "Results-Oriented, and Timebound (SMART)." },
  { id = "smart", type = "multichoice", label = "Which SMART criteria does the goal meet?",
    report_label = "SMART", choices = smart },
  { id = "root_causes", type = "text", label = "Root cause(s) this goal addresses",
    help = "Once partners have identified root causes of the problem they are committing to "
      .. "address, they can begin to develop action plans. Name a root cause recorded with the 5 "
      .. "Whys or the fishbone diagram (its text, or the start of it); separate several with ';'.",
    -- the 5 Whys' root causes, offered (never forced: cairn.tool.offer)
    offer = { from = "five_whys", say = "From the 5 Whys of {date}, its root causes:",
      pick = function(w)
        local causes = {}
        for _, r in ipairs(w.answers.root_causes or {}) do causes[#causes + 1] = r.cause end
        return #causes > 0 and table.concat(causes, "; ") or nil
      end } },
  { id = "outcomes", type = "longtext", label = "Outcomes",
    help = "Statements that describe the observable, measurable changes that will be achieved as "
      .. "the result of this work." },
  { kind = "table", id = "steps", label = "Action Steps",
    rows = { "Step 1:", "Step 2:", "Step 3:", "Step 4:", "Step 5:" }, min_rows = 1,
    columns = {
      { id = "step", label = "Action Steps", help = "What will be done to achieve the goal?",
        type = "longtext", required = true },
      { id = "owner", label = "Responsibilities", help = "Who will do it?", type = "person" },
      { id = "due", label = "Timeline", help = "By when?", type = "date", date_order = "day/month" },
      { id = "available", label = "Resources Available", type = "text" },
      { id = "needed", label = "Resources Needed", help = "Financial, human, political & other",
        type = "text" },
      { id = "resisters", label = "Potential Barriers",
        help = "What individuals or organizations might resist?", type = "text",
        report_label = "Who might resist?" },
      { id = "resistance", label = "Potential Barriers", help = "How might there be resistance?",
        type = "text", report_label = "How might there be resistance?" },
      { id = "communication", label = "Communications Plan",
        help = "Who is involved? What methods to communicate? How often?", type = "text" },
    } },
  { id = "evidence", type = "longtext", label = "Evidence of Success",
    help = "(How will you know that you are making progress toward your goal? What are your benchmarks?)" },
  { id = "evaluation", type = "longtext", label = "Evaluation Process",
    help = "(How will you determine that your goal has been reached? What are your measures?)" },
}

local form = common.form {
  { id = "title", type = "text", label = "Name of this action plan",
    help = "(for example the collaboration or the problem it addresses)" },
  { kind = "group", id = "goals", label = "Goal", min = 1,
    help = "Each goal should have its own action plan.", form = goal_form },
}

local tool = {
  id = "action_planning_template",
  title = "Action Planning Template",
  source = "WestEd, Fostering Collaboration Between District and Charter Schools (2019), C. Planning",
  stage = "Planning: Creating a Plan of Action",
  framework = "WestEd",
  summary = "Turn each goal into owned, dated action steps with resources, barriers and communications.",
  instructions = {
    "Once partners have identified root causes of the problem they are committing to address, "
      .. "they can begin to develop action plans to accomplish their goals. Each goal should have "
      .. "its own action plan.",
    "Action Steps: What specific steps will be taken?",
    "Responsibilities: Who will do what?",
    "Timeline: When will the tasks be completed?",
    "Resources: What resources are needed? What do you have? What do you need?",
    "Potential Barriers: What barriers do you anticipate? Think about actions needed to address them.",
    "Communications Plan: An oft-forgotten and very important question to ask consistently is: "
      .. "With whom do we need to communicate about this — how and when?",
    "Evidence of Success: How will you know that you are making progress? What are your benchmarks?",
    "Evaluation Process: How will you determine that your goal has been reached? What are your measures?",
  },
  form = form,
  worksheet_title = function(a) return common.filled(a.title) and ("Action plan: " .. a.title) or nil end,
}

local function split(s)
  local out = {}
  for part in tostring(s or ""):gmatch("[^;]+") do
    part = part:match("^%s*(.-)%s*$")
    if part ~= "" then out[#out + 1] = part end
  end
  return out
end

function tool.check(a, c)
  for gi, g in ipairs(a.goals or {}) do
    local gp = string.format("goals[%d]", gi)
    local failed = common.smart(c, gp .. ".goal", g.goal, "WestEd")
    local have, missing = {}, {}
    for _, s in ipairs(g.smart or {}) do have[s] = true end
    for _, s in ipairs(smart) do if not have[s] and not failed[s] then missing[#missing + 1] = s end end
    if common.filled(g.goal) and g.smart and #missing > 0 then
      c.warn(gp .. ".smart", "The goal is not yet " .. common.join(missing, " or ")
        .. ": it is always best to identify a goal that is SMART.")
    end
    for _, s in ipairs(common.rows(g.steps)) do
      local sp = string.format("%s.steps[%d]", gp, s._n)
      if not common.filled(s.owner) then
        c.warn(sp .. ".owner", "Responsibilities: who will do it? Name one person responsible.")
      end
      if not common.filled(s.due) then
        c.warn(sp .. ".due", "Timeline: by when will this step be done?")
      end
    end
    if not common.filled(g.evidence) then
      c.warn(gp .. ".evidence", "Evidence of Success: how will you know that you are making "
        .. "progress toward your goal? What are your benchmarks?")
    end
    if not common.filled(g.evaluation) then
      c.warn(gp .. ".evaluation", "Evaluation Process: how will you determine that your goal has "
        .. "been reached? What are your measures?")
    end
  end
end

function tool.to_plan(a, ctx)
  local goals = a.goals or {}
  local p = common.create_plan(ctx, {
    kind = "action_plan", level = "district",
    title = common.filled(a.title) and a.title or (goals[1] and goals[1].goal) or "Action plan",
    levels = { "goal", "action_step" },
  })
  for _, g in ipairs(goals) do
    local goal = p:add { level = "goal", text = g.goal,
      tags = (g.smart and #g.smart == #smart) and { "smart" } or nil,
      fields = { outcomes = g.outcomes, evidence_of_success = g.evidence,
                 evaluation_process = g.evaluation, smart = g.smart } }
    local causes = {}
    for _, ref in ipairs(split(g.root_causes)) do
      causes[#causes + 1] = common.find_item(ctx, "root_cause", ref)
    end
    for _, cause in ipairs(causes) do common.link(ctx, cause, goal, "addresses") end
    for _, s in ipairs(common.rows(g.steps)) do
      local step = goal:add { level = "action_step", text = s.step, owner = s.owner, due = s.due,
        resources = { available = s.available, needed = s.needed },
        fields = { resisters = s.resisters, resistance = s.resistance,
                   communication = s.communication } }
      for _, cause in ipairs(causes) do common.link(ctx, cause, step, "addresses") end
    end
  end
  return p
end

function tool.report(w, doc)
  local a = w.answers
  local steps = common.element(form, "steps")
  local all = {}
  for gi, g in ipairs(a.goals or {}) do
    local s = doc:section(#a.goals > 1 and string.format("Goal %d", gi) or "Goal")
    s:paragraph(g.goal)
    local kv = common.pairs_for(goal_form, g, { "smart", "root_causes", "outcomes" })
    if #kv > 0 then s:keyvalue(kv) end
    common.form_table(s, steps, g.steps, {
      caption = "Action steps", first = { id = "n", label = "Step" },
      labels = { "Step 1", "Step 2", "Step 3", "Step 4", "Step 5" } })
    s:keyvalue(common.pairs_for(goal_form, g, { "evidence", "evaluation" }))
    for i, st in ipairs(g.steps or {}) do
      if common.row_filled(st) then
        all[#all + 1] = { goal = gi, step = i, text = st.step, owner = st.owner, due = st.due,
                          who = st.resisters, how = st.resistance, comm = st.communication }
      end
    end
  end
  if #all > 0 then
    local r = doc:section("Timeline and responsibilities")
    table.sort(all, function(x, y)
      if (x.due or "9999") ~= (y.due or "9999") then return (x.due or "9999") < (y.due or "9999") end
      return x.goal * 100 + x.step < y.goal * 100 + y.step
    end)
    local rows = {}
    for _, st in ipairs(all) do
      rows[#rows + 1] = { due = st.due, owner = st.owner, step = st.text,
                          where = string.format("Goal %d, step %d", st.goal, st.step) }
    end
    r:table { caption = "All action steps by date",
      columns = { { id = "due", label = "By when", format = "date" },
                  { id = "owner", label = "Who" },
                  { id = "step", label = "Action step" },
                  { id = "where", label = "Plan" } },
      rows = rows }
  end
end

return tool
