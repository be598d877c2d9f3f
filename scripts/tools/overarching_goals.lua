-- Overarching Goals Template (NEA, 002, Act: Establish Support Resources).
--
-- The leadership team's partnership goals, each relational or content-based, each with the
-- designated timeframe a goal must state. They go into the plan model as goals tagged
-- "relational" or "content"; a working committee's initiative goal (goals_objectives) links to
-- the overarching goal it serves.
local common = require "cairn.tools_common"

local types = {
  { value = "relational", label = "Relational" },
  { value = "content", label = "Content" },
}

local form = common.form {
  { kind = "section", title = "PARTNERSHIP GOALS",
    help = "A goal is what you hope to achieve within a defined timeframe. It tells you where you "
      .. "want to go. A goal is stated in terms of the desired outcome within the designated timeframe." },
  { id = "team", type = "text", label = "Leadership team",
    help = "For example the District Leadership Team (DLT) or a School Leadership Team (SLT)." },
  { kind = "table", id = "goals", label = "Write your overarching partnership goals here and "
      .. "identify if they are relational or content-based...", min_rows = 1, row_label = "Goal",
    columns = {
      { id = "goal", label = "Goal", type = "longtext", required = true,
        help = "For example, a relational goal for your partnership might read, \"By the end of "
          .. "next year administrators and educators will say they are meeting collaboratively each "
          .. "month as part of their designated focus groups.\"" },
      { id = "type", label = "Relational or content-based?", report_label = "Type",
        type = "choice", choices = types, required = true },
      { id = "by", label = "Designated timeframe (by when?)", report_label = "By", type = "date" },
    } },
}

local tool = {
  id = "overarching_goals",
  title = "Overarching Goals Template",
  source = "NEA, Collaborating for Student Success (2019 draft), Act: Establish Support Resources",
  stage = "Act: Establish Support Resources",
  framework = "NEA",
  summary = "The partnership's overarching relational and content goals, each within a timeframe.",
  instructions = {
    "This tool can help leadership teams identify the overarching goals of their partnership "
      .. "(which may include multiple initiatives/committees). Partnership goals often include both "
      .. "relational goals (stronger, more systemic, and sustainable collaboration processes among "
      .. "stakeholder groups) and content goals (desired initiative outcomes).",
  },
  form = form,
  worksheet_title = function(a) return common.filled(a.team) and ("Overarching goals: " .. a.team) or nil end,
}

function tool.check(a, c)
  local have = {}
  for _, r in ipairs(common.rows(a.goals)) do
    local p = string.format("goals[%d]", r._n)
    if r.type then have[r.type] = true end
    if not common.filled(r.by) and not common.has_timeframe(r.goal) then
      c.warn(p .. ".by", "A goal is stated in terms of the desired outcome within the designated "
        .. "timeframe: by when?")
    end
  end
  if next(have) and not (have.relational and have.content) then
    c.warn("goals", "Partnership goals often include both relational goals and content goals.")
  end
end

function tool.to_plan(a, ctx)
  local p = common.create_plan(ctx, {
    kind = "partnership_goals", level = "district",
    title = common.filled(a.team) and ("Overarching goals: " .. a.team) or "Overarching partnership goals",
    levels = { "goal" },
  })
  for _, r in ipairs(common.rows(a.goals)) do
    p:add { level = "goal", text = r.goal, due = r.by, tags = { r.type } }
  end
  return p
end

function tool.report(w, doc)
  local a = w.answers
  if common.filled(a.team) then doc:keyvalue { { "Leadership team", a.team } } end
  local el = common.element(form, "goals")
  for _, t in ipairs(types) do
    local list = {}
    for _, r in ipairs(a.goals or {}) do
      if r.type == t.value then list[#list + 1] = r end
    end
    local s = doc:section(t.label .. " goals")
    common.form_table(s, el, list, { only = { "goal", "by" },
      empty = "No " .. t.label:lower() .. " goals yet." })
  end
end

return tool
