-- Identifying Repeatable Processes (NEA, 002, Reflect: Sustain and Expand the Effort to
-- Collaborate).
--
-- The processes the team used in each stage (Prepare, Act, Reflect), whether each was helpful,
-- and then either how to repeat it or what to change next time. The report groups them by
-- stage with the chapter's questions for that stage, and ends with what to keep and what to
-- change.
local common = require "cairn.tools_common"

local stages = { "Prepare", "Act", "Reflect" }
-- The chapter's questions, under the stage headings as printed.
local questions = {
  Prepare = { "Were all team members able to abide by the group norms you established at the outset, "
      .. "and did they allow for equitable member voice and psychological safety?",
    "Did your decision-making guidelines help set proper expectations and move the team along its journey?" },
  Act = { "How did implementation of your collaborative initiative go?",
    "Were you able to monitor your work and adjust your project plan to reflect the needs of the team?",
    "Were you able to complete all the tasks on your plan with the designated resources and within the prescribed timeframes?" },
  Reflect = { "Were you able to effectively communicate group insights, progress, and outcomes within "
      .. "your team and to external stakeholders?" },
}

local form = common.form {
  { kind = "table", id = "processes", label = "Processes", row_label = "Process", min_rows = 1,
    help = "List the processes you implemented during the various stages of collaboration (PREPARE, "
      .. "ACT, and REFLECT). Which ones were helpful, and how can you repeat them for future success? "
      .. "Which ones weren't as helpful, and how can you change them for future use?",
    columns = {
      { id = "stage", label = "Stage", type = "choice", choices = stages, required = true },
      { id = "process", label = "Process", type = "text", required = true },
      { id = "helpful", label = "Was it helpful?", type = "yesno", required = true },
      { id = "next_time", label = "If yes, how can you repeat for the future? If no, what can you change for next time?",
        report_label = "Repeat or change", type = "text" },
    } },
}

local tool = {
  id = "identifying_repeatable_processes",
  title = "Identifying Repeatable Processes",
  source = "NEA, Collaborating for Student Success (2019 draft), Reflect: Sustain and Expand the Effort to Collaborate",
  stage = "Reflect: Sustain and Expand the Effort to Collaborate",
  framework = "NEA",
  summary = "The processes used at each stage: helpful or not, and how to repeat or change them.",
  instructions = {
    "Reflect on the processes you used at different stages of your collaboration, how helpful they "
      .. "were, and what you would change, if anything, for the next iteration.",
    "Using the framework as a guide, reflect on the norms and practices you used to make decisions, "
      .. "noting the ones that worked well (so you can sustain them) and the ones that did not (so you "
      .. "can make a different choice moving forward).",
  },
  form = form,
  questions = questions,
  worksheet_title = function() return "Repeatable processes" end,
}

function tool.check(a, c)
  for _, r in ipairs(common.rows(a.processes)) do
    if r.helpful ~= nil and not common.filled(r.next_time) then
      c.warn(string.format("processes[%d].next_time", r._n), r.helpful
        and "How can you repeat it for the future?" or "What can you change for next time?")
    end
  end
end

function tool.report(w, doc)
  local a = w.answers
  local keep, change = {}, {}
  for _, stage in ipairs(stages) do
    local s = doc:section(stage)
    s:list(questions[stage])
    local rows = {}
    for _, r in ipairs(common.rows(a.processes)) do
      if r.stage == stage then
        rows[#rows + 1] = { process = r.process, helpful = r.helpful and "Yes" or "No", next_time = r.next_time }
        local line = r.process .. (common.filled(r.next_time) and (": " .. r.next_time) or "")
        if r.helpful then keep[#keep + 1] = line else change[#change + 1] = line end
      end
    end
    if #rows > 0 then
      s:table { columns = { { id = "process", label = "Process" }, { id = "helpful", label = "Was it helpful?" },
        { id = "next_time", label = "Repeat or change" } }, rows = rows }
    else
      s:paragraph("No processes listed for this stage.")
    end
  end
  local k = doc:section("Keep and repeat")
  if #keep > 0 then k:list(keep) else k:paragraph("None yet.") end
  local ch = doc:section("Change for next time")
  if #change > 0 then ch:list(change) else ch:paragraph("None.") end
end

return tool
