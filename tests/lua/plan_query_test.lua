-- Facilitator queries with a fixed as_of: overdue, due within N days, by owner/status/tag,
-- unowned and undated work, plan-scoped versions, and how the lists print.
local t = require "tap"
local ws = require "cairn.workspace"
ws.create("Riverside Unified", "plan_query.db")
local plan = require "cairn.plan"

plan.person { name = "Ana Ruiz", org = "district" }
plan.person { name = "Lee Park", org = "association" }
local p = plan.create { kind = "project_plan", title = "Literacy", levels = { "goal", "task" } }
local g = p:add { text = "Grade 3 reading at 54% by June 2027" }
local late = g:add { text = "Order books", owner = "Ana Ruiz", due = "2026-11-01", tags = { "Resources" } }
local late_done = g:add { text = "Pick curriculum", owner = "Ana Ruiz", due = "2026-10-01" }
late_done:set_status("done", { on = "2026-10-01" })
local late_dropped = g:add { text = "Posters", due = "2026-10-10" }
late_dropped:set_status("dropped", { on = "2026-10-11" })
local today = g:add { text = "Train teachers", owner = "Lee Park", due = "2026-11-26", tags = { "Roles", "Resources" } }
local soon = g:add { text = "Family night", owner = "Lee Park", due = "2026-12-10" }
local edge = g:add { text = "Report to board", due = "2026-12-10" }
local later = g:add { text = "Summer school", owner = "Ana Ruiz", due = "2027-06-01" }
local undated = g:add { text = "Newsletter", owner = "Lee Park" }
later:set_status("at risk", { on = "2026-11-20" })

local q2 = plan.create { kind = "action_plan", title = "Other" }
local other_late = q2:add { level = "step", text = "Other plan late step", owner = "Lee Park", due = "2026-09-01" }

local function ids(list) local o = {} for i, it in ipairs(list) do o[i] = it.id end return o end
local as_of = "2026-11-26"

local od = plan.overdue { as_of = as_of }
t.same(ids(od), { other_late.id, late.id }, "overdue: past due, not done or dropped, oldest first")
t.same({ od[1].days_late, od[2].days_late }, { 86, 25 }, "days late counted from as_of")
t.same(ids(p:overdue { as_of = as_of }), { late.id }, "plan-scoped overdue")
t.same(ids(plan.overdue { as_of = as_of, plan = "Other" }), { other_late.id }, "overdue in a plan named by title")
t.same(ids(plan.overdue { as_of = "2026-11-27" }), { other_late.id, late.id, today.id }, "due today is overdue tomorrow")
t.raises(function() plan.overdue { as_of = "26/11/2026" } end, "as_of: '26/11/2026' is not a date", "bad as_of")
t.raises(function() plan.overdue { plan = "Nope" } end, "plan: no plan titled 'Nope'", "unknown plan")

t.same(ids(plan.due_within(14, { as_of = as_of })), { today.id, soon.id, edge.id }, "due within 14 days, both ends included")
t.same(ids(plan.due_within(13, { as_of = as_of })), { today.id }, "13 days stops before 10 Dec")
t.same(ids(plan.due_within(0, { as_of = as_of })), { today.id }, "0 days: due today")
t.raises(function() plan.due_within("two weeks") end, "due_within: expected a number of days", "bad day count")

t.same(ids(plan.by_owner("lee park")), { other_late.id, today.id, soon.id, undated.id }, "by owner (any case), by due date")
t.same(ids(p:by_owner("Lee Park")), { today.id, soon.id, undated.id }, "by owner in one plan")
t.raises(function() plan.by_owner("J. Smith") end, "by_owner: unknown person 'J. Smith' %(known: Ana Ruiz, Lee Park%)", "unknown owner")
t.same(ids(plan.by_status("at_risk")), { later.id }, "by status")
t.same(ids(plan.by_status("done")), { late_done.id }, "by status done")
t.same(ids(plan.by_status("at risk", { rolled = true })), { later.id, g.id }, "by rolled-up status includes the goal (undated last)")
t.same(ids(plan.by_tag("resources")), { late.id, today.id }, "by tag, any case")
t.same(ids(plan.unowned()), { edge.id }, "unowned: active leaves without an owner")
t.same(ids(plan.unowned { all = true }), { edge.id, g.id }, "unowned{all = true} includes the goal")
t.same(ids(plan.undated()), { undated.id }, "undated: active leaves without a due date")

local counts = p:status_counts()
t.same({ counts.total, counts.not_started, counts.done, counts.dropped, counts.at_risk },
  { 9, 6, 1, 1, 1 }, "status counts")

-- printing
local shown = tostring(plan.overdue { as_of = as_of })
t.ok(shown:find("^id%s+plan%s+level%s+text%s+owner%s+due%s+days late%s+status\n"), "overdue prints a header")
t.ok(shown:find("Order books%s+Ana Ruiz%s+2026%-11%-01%s+25%s+not started"), "overdue row")
t.ok(shown:find("%(2 rows%)$"), "row count")
t.is(tostring(plan.overdue { as_of = "2026-01-01" }), "(nothing overdue)", "empty list prints a word")
t.is(require("cairn.pretty").format(plan.unowned()), tostring(plan.unowned()), "the REPL printer uses the table view")
t.is(tostring(late), "#" .. late.id .. " task [not started] Order books (Ana Ruiz, due 2026-11-01)", "an item prints on one line")
t.ok(tostring(plan.list()):find("Literacy"), "plans print as a table")

t.done()
