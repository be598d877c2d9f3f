-- A test tool shaped like the 5 Whys: fixed rows, repeated rows, a group, checks, to_plan.
return {
  id = "engine_whys",
  title = "Test Whys",
  stage = "Testing: Tables",
  framework = "NEA",
  instructions = { "State the problem.", "Ask why." },
  form = {
    { id = "problem", type = "text", label = "Problem Statement",
      help = "(one-sentence description of the problem)", required = true },
    { kind = "table", id = "whys", label = "5 Whys",
      rows = { "1. Why", "2. Why", "3. Why", "4. Why", "5. Why" }, min_rows = 2,
      columns = {
        { id = "reason", label = "Reason why problem is occurring", type = "longtext", required = true },
        { id = "evidence", label = "How do we know?", type = "text" },
      } },
    { kind = "section", title = "Root Cause(s)", help = "Record the root causes." },
    { kind = "table", id = "causes", label = "Root Cause(s)", min_rows = 1, max_rows = 3,
      row_label = "Root cause",
      columns = {
        { id = "cause", label = "Root cause", required = true },
        { id = "prevents", label = "Would removing it prevent the problem?", type = "yesno" },
      } },
    { kind = "group", id = "goals", label = "Goal", min = 1, max = 2, form = {
      { id = "goal", label = "Goal", required = true },
      { id = "due", label = "Due", type = "date" },
      { kind = "table", id = "steps", label = "Steps", max_rows = 2, row_label = "Step",
        columns = { { id = "step", label = "Action step", required = true },
                    { id = "cost", label = "Cost", type = "money" } } },
    } },
  },
  check = function(a, c)
    if a.problem and select(2, a.problem:gsub("[.!?]%s+%u", "")) > 0 then
      c.warn("problem", "The problem statement should be one sentence.")
    end
    for i, r in ipairs(a.whys or {}) do
      if r.reason and not r.evidence then
        c.warn(string.format("whys[%d].evidence", i), "Each why needs evidence.")
      end
    end
    for i, r in ipairs(a.causes or {}) do
      if r.prevents == false then
        c.error(string.format("causes[%d].prevents", i),
          "A root cause must prevent the problem if removed; otherwise it is not a root cause.")
      end
    end
  end,
  to_plan = function(a, ctx)
    local p = ctx.plan.create { kind = "root_cause_analysis", title = a.problem, levels = { "root_cause" } }
    for _, r in ipairs(a.causes or {}) do p:add { level = "root_cause", text = r.cause } end
    local log = rawget(_G, "ENGINE_TO_PLAN")
    if log and not ctx.replay then -- replays (to learn the earlier save's links) are rolled back
      log[#log + 1] = { problem = a.problem, worksheet = ctx.worksheet.id, as_of = ctx.as_of,
        plan = p.id }
    end
  end,
}
