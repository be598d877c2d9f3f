-- Where Are You Going Next? (NEA, 002, Reflect: Sustain and Expand the Effort to Collaborate).
--
-- The team's three questions at the end of an improvement cycle: how close it got to its goal,
-- how it might scale up to spread its successes, and its next steps. The next steps go into a
-- plan (with owners and dates when given), each marked with the chapter's kind of next step
-- (test elsewhere, scale up, a more ambitious goal, or move on with a new needs assessment).
local common = require "cairn.tools_common"

local kinds = {
  { value = "test", label = "Test whether it works in another context" },
  { value = "scale", label = "Scale up across more staff or schools" },
  { value = "ambitious", label = "Set a more ambitious goal on the same topic" },
  { value = "move_on", label = "Move on: a new needs assessment" },
}

local form = common.form {
  { id = "team", type = "text", label = "Team" },
  { id = "goal", type = "text", label = "The goal you worked toward", report_label = "Goal" },
  { id = "how_close", type = "longtext", label = "How close did you get to your goal?", required = true },
  { id = "scale", type = "longtext", label = "How might you scale up to spread your successes?",
    help = "Do you need to test whether what worked in one context will work in another? Do you need "
      .. "to scale up, and implement similar interventions across a broader population of staff or "
      .. "schools? Do you need to set a more ambitious goal and try for even greater success on the "
      .. "same topic? Or is this issue fully resolved everywhere within your system, indicating that "
      .. "it's time to move to other needs?" },
  { kind = "table", id = "next_steps", label = "What are your next steps?", row_label = "Next step", min_rows = 1,
    columns = {
      { id = "step", label = "Next step", type = "text", required = true },
      { id = "kind", label = "Kind of next step", report_label = "Kind", type = "choice", choices = kinds },
      { id = "owner", label = "Who", type = "person" },
      { id = "due", label = "By when", type = "date" },
    } },
}

local tool = {
  id = "where_are_you_going_next",
  title = "Where Are You Going Next?",
  source = "NEA, Collaborating for Student Success (2019 draft), Reflect: Sustain and Expand the Effort to Collaborate",
  stage = "Reflect: Sustain and Expand the Effort to Collaborate",
  framework = "NEA",
  summary = "How close you got to your goal, how to scale up your successes, and your next steps.",
  instructions = {
    "This tool asks your team to identify its successes and consider your next steps: reflect upon "
      .. "the issue(s) you addressed, the lessons learned, and your group's next steps, and consider "
      .. "how to grow and expand your collaborative efforts.",
  },
  form = form,
  worksheet_title = function(a)
    return "Where are we going next" .. (common.filled(a.team) and (": " .. a.team) or "")
  end,
}

function tool.check(a, c)
  for _, r in ipairs(common.rows(a.next_steps)) do
    if r.kind == "move_on" and not r.step:lower():find("needs assessment", 1, true) then
      c.warn(string.format("next_steps[%d].step", r._n), "Moving on to other needs: perhaps it's time for "
        .. "a new needs assessment to re-evaluate the most pressing needs in your system.")
    end
  end
end

function tool.to_plan(a, ctx)
  local p = common.create_plan(ctx, { kind = "next_steps",
    title = "Next steps" .. (common.filled(a.team) and (": " .. a.team) or ""), level = "district",
    levels = { "action_step" }, fields = { goal = a.goal } })
  for _, r in ipairs(common.rows(a.next_steps)) do
    p:add { level = "action_step", text = r.step, owner = r.owner, due = r.due, tags = r.kind and { r.kind } or nil }
  end
  return p
end

function tool.report(w, doc)
  local a = w.answers
  doc:keyvalue(common.pairs_for(form, a, { "team", "goal", "how_close", "scale" }))
  common.form_table(doc:section("Our next steps"), common.element(form, "next_steps"), common.rows(a.next_steps))
end

return tool
