-- Monitoring Plan Template (NEA, 002, Act: Implement Collaboration).
--
-- The milestones that show the team is getting closer to its goal, and for each the feedback
-- data that shows it was met, how often that data is monitored and where it comes from. Each
-- milestone may name the project-plan task or action step it follows; the plan model then links
-- milestone -> step ("monitors"), which completes the chain root cause -> action step ->
-- monitoring milestone.
local common = require "cairn.tools_common"

local statuses = {
  { value = "not_started", label = "Not yet due" },
  { value = "on_track", label = "On track" },
  { value = "at_risk", label = "At risk" },
  { value = "done", label = "Met" },
  { value = "off_track", label = "Not met" },
}

local form = common.form {
  { id = "initiative", type = "text", label = "Initiative", required = true },
  { id = "monitor", type = "person", label = "Who will monitor progress for your team?",
    report_label = "Monitored by",
    help = "A designated member manages monitoring on a set schedule: open, transparent, and routine." },
  { id = "report_to", type = "text", label = "How often will progress be reported, and to whom?",
    report_label = "Progress reported" },
  { kind = "table", id = "milestones", label = "Milestones", min_rows = 1, row_label = "Milestone",
    help = "A milestone is a significant event or accomplishment that brings you closer towards "
      .. "your goal. Write down the milestones that indicate you're getting closer to your goal.",
    columns = {
      { id = "milestone", label = "Milestone", type = "text", required = true },
      { id = "feedback", label = "Feedback Data", type = "text",
        help = "What feedback data will you gather to show that this milestone has been met?" },
      { id = "frequency", label = "Frequency", type = "choice", choices = common.frequencies,
        help = "How frequently will you monitor the feedback data?" },
      { id = "source", label = "Source", type = "text", help = "Where will you get the data?" },
      { id = "due", label = "Target date", type = "date" },
      { id = "step", label = "Task or action step it follows (its text, or the start of it)",
        report_label = "Follows", type = "text",
        -- the action plan's steps in order, the n-th offered to the n-th milestone (cairn.tool.offer)
        offer = { from = "action_planning_template", say = "From the action plan of {date}, step:",
          pick = function(w, at)
            local steps = {}
            for _, g in ipairs(w.answers.goals or {}) do
              for _, r in ipairs(g.steps or {}) do steps[#steps + 1] = r.step end
            end
            return steps[at.index or 1]
          end } },
      { id = "status", label = "Status", type = "choice", choices = statuses, default = "not_started" },
    } },
}

local tool = {
  id = "monitoring_plan",
  title = "Monitoring Plan Template",
  source = "NEA, Collaborating for Student Success (2019 draft), Act: Implement Collaboration",
  stage = "Act: Implement Collaboration",
  framework = "NEA",
  summary = "Milestones with the feedback data, frequency and source that show progress.",
  instructions = {
    "Take a moment to consider your work and objectives, and think about important milestones. A "
      .. "milestone is a significant event or accomplishment that brings you closer towards your goal. "
      .. "Monitoring milestones allows you to see progress towards your goal and make adjustments as needed.",
    "When creating your monitoring plan, write down the milestones that indicate you're getting "
      .. "closer to your goal. Then ask yourself the following questions: What feedback data will you "
      .. "gather to show that this milestone has been met? How frequently will you monitor the "
      .. "feedback data? Where will you get the data? Use the following table to help with your "
      .. "planning. Also use your communications plan to communicate your progress to others.",
  },
  form = form,
  worksheet_title = function(a) return "Monitoring plan: " .. a.initiative end,
}

local step_kinds = { "action_plan", "project_plan", "lea_plan", "sfss_plan", "initiative" }
local step_levels = { "action_step", "task", "subtask", "implementation_step", "objective" }

local function find_step(ctx, ref)
  for _, level in ipairs(step_levels) do
    local it = common.find_item(ctx, level, ref, step_kinds)
    if it then return it end
  end
end

function tool.check(a, c)
  for _, r in ipairs(common.rows(a.milestones)) do
    local p = string.format("milestones[%d]", r._n)
    if not common.filled(r.feedback) then
      c.warn(p .. ".feedback", "What feedback data will you gather to show that this milestone has been met?")
    end
    if not common.filled(r.frequency) then
      c.warn(p .. ".frequency", "How frequently will you monitor the feedback data?")
    end
    if not common.filled(r.source) then
      c.warn(p .. ".source", "Where will you get the data?")
    end
  end
  if not common.filled(a.monitor) then
    c.warn("monitor", "Who will monitor progress for your team?")
  end
end

function tool.to_plan(a, ctx)
  local p = common.create_plan(ctx, {
    kind = "monitoring_plan", level = "committee", title = "Monitoring plan: " .. a.initiative,
    levels = { "milestone" },
    fields = { monitor = a.monitor, report_to = a.report_to },
  })
  for _, r in ipairs(common.rows(a.milestones)) do
    local m = p:add { level = "milestone", text = r.milestone, owner = a.monitor, due = r.due,
      status = r.status ~= "not_started" and r.status or nil, status_on = ctx.as_of,
      fields = { feedback = r.feedback, frequency = r.frequency, source = r.source } }
    common.link(ctx, m, find_step(ctx, r.step), "monitors")
  end
  return p
end

function tool.report(w, doc)
  local a = w.answers
  doc:keyvalue(common.pairs_for(form, a, { "initiative", "monitor", "report_to" }))
  local el = common.element(form, "milestones")
  common.form_table(doc, el, a.milestones, { caption = "Monitoring plan",
    only = { "milestone", "feedback", "frequency", "source", "due", "status", "step" } })
  local met, total, dated = 0, 0, {}
  for _, r in ipairs(common.rows(a.milestones)) do
    total = total + 1
    if r.status == "done" then met = met + 1 end
    if r.due then
      dated[#dated + 1] = { label = r.milestone, date = r.due,
        status = common.choice_label(el.columns[7], r.status or "not_started") }
    end
  end
  doc:paragraph(string.format("Milestones met: %d of %d.", met, total))
  if #dated > 0 then
    table.sort(dated, function(x, y) return x.date < y.date end)
    doc:chart { kind = "timeline", title = "Milestones", data = dated }
  end
end

return tool
