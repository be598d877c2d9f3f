-- A test tool whose to_plan adds items to a plan another worksheet created (as the SFSS
-- Section 2 tool adds to the Section 1 plan): edits must replace those items, not add more.
return {
  id = "engine_addon",
  title = "Test Add-on",
  stage = "Testing: Plans",
  form = {
    { id = "plan_title", label = "Plan to add to", required = true },
    { id = "note", label = "Note", required = true },
  },
  to_plan = function(a, ctx)
    local p = ctx.plan.get(a.plan_title)
    local head = p:add { level = "root_cause", text = "Add-on: " .. a.note }
    head:add { level = "root_cause", text = "Detail of " .. a.note }
  end,
}
