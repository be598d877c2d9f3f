-- The Project Plan Template (NEA, 002, Act: Define Content for Collaboration).
--
-- Goal -> objective -> task -> subtask, each task with its lead, due date (or date range) and
-- product/output/metrics. A task whose output is "Milestone" (or marked as one) is a milestone the
-- monitoring plan can follow. A task may have several leads and names the resources it needs, as
-- the guidebook's example plan does; a worksheet saved with one lead per task still reads. The plan goes into the plan model with a "baseline" snapshot, as
-- the guidebook asks: "Keep a copy of your original project plan so that later, you can use it
-- as a baseline to evaluate plan modifications."
local common = require "cairn.tools_common"

local subtask_columns = {
  { id = "subtask", label = "Subtask", type = "text", required = true },
  { id = "lead", label = "Lead(s)", report_label = "Lead", type = "people" },
  { id = "due", label = "Due Date", type = "date" },
  { id = "output", label = "Product/Output/Metrics", type = "text" },
}

local task_form = common.form {
  { id = "task", type = "text", label = "Task", required = true },
  { id = "lead", type = "people", label = "Lead(s)", report_label = "Lead",
    help = "One or more people, separated by commas." },
  { id = "start", type = "date", label = "Start date (for a date range)", report_label = "Start" },
  { id = "due", type = "date", label = "Due Date" },
  { id = "output", type = "text", label = "Product/Output/Metrics",
    help = "Each task should include the resources needed to do the task, the time-frame to "
      .. "accomplish it, and any output or metrics associated with the task." },
  { id = "resources", type = "text", label = "Resources needed", report_label = "Resources",
    help = "The people, time, money or materials the task needs." },
  { id = "milestone", type = "yesno", label = "Is this a milestone?", default = false,
    help = "A milestone is a significant event or accomplishment that brings you closer towards your goal." },
  { kind = "table", id = "subtasks", label = "Subtasks", min_rows = 0, row_label = "Subtask",
    help = "(Remember, some tasks require subtasks too!)", columns = subtask_columns },
}

local form = common.form {
  { id = "committee", type = "text", label = "Working committee" },
  { id = "manager", type = "person", label = "Who manages the plan and reports progress to the leadership team?",
    report_label = "Plan manager" },
  { kind = "group", id = "goals", label = "Goal", min = 1, form = {
    { id = "goal", type = "longtext", label = "Goal", required = true },
    { kind = "group", id = "objectives", label = "Objective", min = 1, form = {
      { id = "objective", type = "longtext", label = "Objective", required = true },
      { kind = "group", id = "tasks", label = "Task", min = 1,
        help = "A set of activities and tasks are grouped under each objective.", form = task_form },
    } },
  } },
}

local tool = {
  id = "project_plan",
  title = "The Project Plan Template",
  source = "NEA, Collaborating for Student Success (2019 draft), Act: Define Content for Collaboration",
  stage = "Act: Define Content for Collaboration",
  framework = "NEA",
  summary = "Goals, objectives, tasks and subtasks with lead, due date and product/output/metrics.",
  instructions = {
    "This tool helps guide your team's project planning by offering a customizable project planning template.",
    "Use this template to create your project plan with the goals, objectives, tasks, and subtasks "
      .. "related to your group's work, according to your project's size, scope, and requirements. "
      .. "(Remember, some tasks require subtasks too!)",
    "Keep a copy of your original project plan so that later, you can use it as a baseline to "
      .. "evaluate plan modifications.",
  },
  form = form,
  worksheet_title = function(a) return common.filled(a.committee) and ("Project plan: " .. a.committee) or nil end,
}

-- Leads as a list: stored answers from before a task could have several leads hold one name.
local function leads(v)
  if type(v) == "string" then return { v } end
  return v or {}
end

local function leads_text(v)
  local l = leads(v)
  return #l > 0 and table.concat(l, ", ") or nil
end

local function is_milestone(t)
  return t.milestone == true or (type(t.output) == "string" and t.output:lower():match("^%s*milestone%s*$") ~= nil)
end

-- Every task with its path and numbers, in plan order.
local function each_task(a, fn)
  for gi, g in ipairs(a.goals or {}) do
    for oi, o in ipairs(g.objectives or {}) do
      for ti, t in ipairs(o.tasks or {}) do
        fn(t, string.format("goals[%d].objectives[%d].tasks[%d]", gi, oi, ti), gi, oi, ti, g, o)
      end
    end
  end
end

function tool.check(a, c)
  each_task(a, function(t, p)
    if not common.filled(t.lead) then c.warn(p .. ".lead", "Who leads this task?") end
    if not common.filled(t.due) then c.warn(p .. ".due", "When is this task due?") end
    if not common.filled(t.output) then
      c.warn(p .. ".output", "What product, output or metrics are associated with the task?")
    end
    common.check_dates(c, p .. ".due", t.start, t.due, "the task is due before it starts")
    for _, s in ipairs(common.rows(t.subtasks)) do
      if type(s.due) == "string" and type(t.due) == "string" and s.due > t.due then
        c.warn(string.format("%s.subtasks[%d].due", p, s._n),
          "The subtask is due after its task (" .. t.due .. ").")
      end
    end
  end)
end

function tool.to_plan(a, ctx)
  local p = common.create_plan(ctx, {
    kind = "project_plan", level = "committee",
    title = common.filled(a.committee) and ("Project plan: " .. a.committee)
      or ((a.goals or {})[1] or {}).goal or "Project plan",
    levels = { "goal", "objective", "task", "subtask" },
    fields = { committee = a.committee, manager = a.manager },
  })
  for _, g in ipairs(a.goals or {}) do
    local goal = p:add { level = "goal", text = g.goal }
    for _, o in ipairs(g.objectives or {}) do
      local obj = goal:add { level = "objective", text = o.objective }
      for _, t in ipairs(o.tasks or {}) do
        -- the first lead owns the item; all of them are in fields.leads when there are several
        local tl = leads(t.lead)
        local task = obj:add { level = "task", text = t.task, owner = tl[1], start = t.start,
          due = t.due, tags = is_milestone(t) and { "milestone" } or nil,
          resources = common.filled(t.resources) and { needed = t.resources } or nil,
          fields = { output = t.output, leads = #tl > 1 and tl or nil } }
        for _, s in ipairs(common.rows(t.subtasks)) do
          local sl = leads(s.lead)
          task:add { level = "subtask", text = s.subtask, owner = sl[1], due = s.due,
            fields = { output = s.output, leads = #sl > 1 and sl or nil } }
        end
      end
    end
  end
  -- the first save's: saving the worksheet again (a sync scope) keeps the existing baseline
  if p.snapshot then p:snapshot("baseline") end
  return p
end

function tool.report(w, doc)
  local a = w.answers
  local kv = common.pairs_for(form, a, { "committee", "manager" })
  if #kv > 0 then doc:keyvalue(kv) end
  local rows, timeline, people = {}, {}, {}
  for gi, g in ipairs(a.goals or {}) do
    rows[#rows + 1] = { item = string.format("Goal %d: %s", gi, g.goal) }
    for oi, o in ipairs(g.objectives or {}) do
      rows[#rows + 1] = { item = string.format("Objective %d.%d: %s", gi, oi, o.objective) }
      for ti, t in ipairs(o.tasks or {}) do
        local out = t.output
        if is_milestone(t) and not (out or ""):lower():match("milestone") then
          out = (common.filled(out) and (out .. " (milestone)") or "Milestone")
        end
        rows[#rows + 1] = { item = string.format("Task %d.%d.%d: %s", gi, oi, ti, t.task), lead = leads_text(t.lead),
          due = common.filled(t.start) and (t.start .. " to " .. (t.due or "?")) or t.due, output = out,
          resources = t.resources }
        if common.filled(t.due) then
          timeline[#timeline + 1] = { label = t.task, date = t.start or t.due,
            end_date = common.filled(t.start) and t.due or nil }
        end
        for _, who in ipairs(leads(t.lead)) do
          people[who] = people[who] or {}
          table.insert(people[who], { task = t.task, due = t.due, output = t.output })
        end
        for si, s in ipairs(common.rows(t.subtasks)) do
          rows[#rows + 1] = { item = string.format("Subtask %d.%d.%d.%s: %s", gi, oi, ti, string.char(96 + si), s.subtask), lead = leads_text(s.lead), due = s.due,
            output = s.output }
          for _, who in ipairs(leads(s.lead)) do
            people[who] = people[who] or {}
            table.insert(people[who], { task = s.subtask, due = s.due, output = s.output })
          end
        end
      end
    end
  end
  doc:table { caption = "Project plan",
    columns = { { id = "item", label = "Goal / Objective / Task / Subtask" },
                { id = "lead", label = "Lead" }, { id = "due", label = "Due Date" },
                { id = "output", label = "Product/Output/Metrics" }, { id = "resources", label = "Resources" } },
    rows = rows }
  if #timeline > 0 then
    doc:chart { kind = "timeline", title = "Timeline of tasks", data = timeline }
  end
  local names = {}
  for n in pairs(people) do names[#names + 1] = n end
  table.sort(names)
  if #names > 0 then
    local s = doc:section("Tasks by lead")
    for _, n in ipairs(names) do
      local list = people[n]
      table.sort(list, function(x, y) return (x.due or "9999") < (y.due or "9999") end)
      s:table { caption = n,
        columns = { { id = "task", label = "Task" }, { id = "due", label = "Due Date", format = "date" },
                    { id = "output", label = "Product/Output/Metrics" } },
        rows = list }
    end
  end
end

return tool
