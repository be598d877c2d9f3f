-- Results Analysis Template (NEA, 002, Reflect: Evaluate Process and Content Outcomes).
--
-- "Fill out a copy of this form for each major task (or group of related tasks)": a repeated
-- group, each with what we did, the results (with data) and the choice of how to proceed:
-- adopt, adapt or abandon (the Carnegie Foundation's options the chapter describes). When the
-- task names a task or action step in a plan, the decision is recorded on it: adopt marks it
-- done, abandon marks it dropped, adapt leaves its status and adds the note.
local common = require "cairn.tools_common"

local decisions = {
  { value = "adopt", label = "Adopt" },
  { value = "adapt", label = "Adapt" },
  { value = "abandon", label = "Abandon" },
}
local short = { adopt = "Adopt", adapt = "Adapt", abandon = "Abandon" }

local form = common.form {
  { id = "initiative", type = "text", label = "Initiative" },
  { kind = "group", id = "tasks", label = "Task", min = 1,
    help = "As a team, fill out a copy of this form for each major task (or group of related tasks) "
      .. "your team attempted, to help you gain clarity about how it went and what you want to do about it.",
    form = {
      { id = "task", type = "text", label = "Task (or group of related tasks)", required = true,
        -- the monitoring plan's milestones in order, the n-th to the n-th task (cairn.tool.offer)
        offer = { from = "monitoring_plan", say = "From the monitoring plan of {date}, milestone:",
          pick = function(w, at)
            local m = (w.answers.milestones or {})[at.index or 1]
            return m and m.milestone
          end } },
      { id = "what", type = "longtext", label = "WHAT DID WE DO?", required = true },
      { id = "results", type = "longtext", label = "WHAT WERE THE RESULTS? (HINT: USE DATA!)",
        required = true },
      { id = "data_kind", type = "choice", label = "What kind of data are these?",
        choices = { "Outputs/process data (documents implementation)", "Impact data (shows outcomes)", "Both" } },
      { id = "decision", type = "choice", label = "BASED ON YOUR RESULTS, CHOOSE HOW TO PROCEED:",
        choices = decisions, required = true,
        help = "Adopt: if the completed task led you to your objective, it's likely a strategy worth "
          .. "keeping; determine how to repeat it or make it a permanent part of how your "
          .. "district/school handles similar issues. Adapt: if the task(s) resulted in some positive "
          .. "change, but not enough to get you to your objectives or goal, adapt your strategy and try "
          .. "again. Abandon: if the task did not get you closer to your objective and/or resulted in "
          .. "negative unintended consequences, abandon that idea and move on to other ideas." },
      { id = "next", type = "longtext", label = "What will we do next?" },
    } },
}

local tool = {
  id = "results_analysis",
  title = "Results Analysis Template",
  source = "NEA, Collaborating for Student Success (2019 draft), Reflect: Evaluate Process and Content Outcomes",
  stage = "Reflect: Evaluate Process and Content Outcomes",
  framework = "NEA",
  summary = "For each major task: what we did, the results (with data), and adopt, adapt or abandon.",
  instructions = {
    "This tool will help your team analyze the success of your work, and allow you to consider "
      .. "whether to continue the activities, modify them going forward, or stop doing them altogether.",
    "As a team, fill out a copy of this form for each major task (or group of related tasks) your "
      .. "team attempted, to help you gain clarity about how it went and what you want to do about it.",
  },
  form = form,
  worksheet_title = function(a) return common.filled(a.initiative) and ("Results analysis: " .. a.initiative) or nil end,
}

function tool.check(a, c)
  for i, t in ipairs(a.tasks or {}) do
    local p = string.format("tasks[%d]", i)
    if common.filled(t.results) and not common.has_number(t.results) then
      c.warn(p .. ".results", "HINT: USE DATA! The results cite no number.")
    end
    if t.decision == "adapt" and not common.filled(t.next) then
      c.warn(p .. ".next", "What tweaks can you make to your planned tasks that might result in a better outcome?")
    end
  end
end

local kinds = { "project_plan", "action_plan", "lea_plan", "sfss_plan", "initiative" }
local levels = { "task", "action_step", "subtask", "implementation_step", "objective" }

function tool.to_plan(a, ctx)
  for _, t in ipairs(a.tasks or {}) do
    local item
    for _, level in ipairs(levels) do
      item = common.find_item(ctx, level, t.task, kinds)
      if item then break end
    end
    local note = string.format("Results analysis: %s. %s", short[t.decision], t.results)
    -- saving the worksheet again does not repeat a decision already recorded: the engine runs
    -- to_plan in a sync scope, where a status with a note the item's history holds is skipped
    if item then
      if t.decision == "adopt" then
        item:set_status("done", { note = note, on = ctx.as_of })
      elseif t.decision == "abandon" then
        item:set_status("dropped", { note = note, on = ctx.as_of })
      else
        item:set_status(item.status, { note = note, on = ctx.as_of })
      end
    end
  end
end

function tool.report(w, doc)
  local a = w.answers
  if common.filled(a.initiative) then doc:keyvalue { { "Initiative", a.initiative } } end
  local rows, counts = {}, { adopt = 0, adapt = 0, abandon = 0 }
  for _, t in ipairs(a.tasks or {}) do
    rows[#rows + 1] = { task = t.task, what = t.what, results = t.results,
      decision = short[t.decision], next = t.next }
    counts[t.decision] = (counts[t.decision] or 0) + 1
  end
  doc:table { caption = "Results analysis",
    columns = { { id = "task", label = "Task" }, { id = "what", label = "What did we do?" },
                { id = "results", label = "What were the results?" },
                { id = "decision", label = "How to proceed" }, { id = "next", label = "Next" } },
    rows = rows }
  doc:chart { kind = "bar", title = "Decisions",
    data = { { label = "Adopt", value = counts.adopt }, { label = "Adapt", value = counts.adapt },
             { label = "Abandon", value = counts.abandon } } }
end

return tool
