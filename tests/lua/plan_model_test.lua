-- The plan model: people, plans, items, validation errors, status history, roll-ups, check.
local t = require "tap"
local ws = require "cairn.workspace"
ws.create("Riverside Unified", "plan_model.db")
local plan = require "cairn.plan"
local db = ws.db()

-- people ---------------------------------------------------------------------------------
local ana = plan.person { name = "Ana Ruiz", role = "Principal", org = "school", org_name = "Adams Middle",
                          contact = "aruiz@example.org" }
t.is(ana.name, "Ana Ruiz", "person added")
t.is(ana.org, "school", "organisation kind stored")
local lee = plan.person { name = "Lee Park", role = "President", org = "union", org_name = "Riverside EA" }
t.is(lee.org, "association", "'union' is the association/union kind")
local again = plan.person { name = "ana ruiz", role = "Assistant superintendent" }
t.is(again.id, ana.id, "same name (any case) updates the person")
t.is(again.role, "Assistant superintendent", "role updated")
t.is(again.contact, "aruiz@example.org", "fields not given are kept")
t.is(plan.find_person("ANA RUIZ").id, ana.id, "find_person ignores case")
t.is(plan.find_person("Nobody"), nil, "find_person of an unknown name is nil")
t.raises(function() plan.person { name = "X", org = "church" } end,
  "person.org: 'church' is not an organisation kind", "bad organisation kind named")
t.raises(function() plan.person { role = "Coach" } end, "person.name: required", "a person needs a name")
plan.person { name = "Mia Chen", role = "Attendance coach", org = "district" }
t.same((function() local n = {} for _, p in ipairs(plan.people()) do n[#n + 1] = p.name end return n end)(),
  { "Ana Ruiz", "Lee Park", "Mia Chen" }, "people sorted by name")
t.is(#plan.people { org = "district" }, 1, "people filtered by organisation kind")
t.ok(tostring(plan.people()):find("Ana Ruiz%s+Assistant superintendent%s+school%s+Adams Middle"), "people print as a table")

local g = plan.group { name = "Family advisory council", kind = "community", members = { "Ana Ruiz", "Mia Chen" } }
t.same(g.members, { "Ana Ruiz", "Mia Chen" }, "group members by name")
t.raises(function() plan.group { name = "G", members = { "J. Smith" } } end,
  "group.members%[1%]: unknown person 'J. Smith' %(known: Ana Ruiz, Lee Park, Mia Chen%)", "unknown member named with the known ones")

-- plans and items --------------------------------------------------------------------------
local p = plan.create { kind = "action_plan", title = "Attendance", level = "district", period = "2026-27",
                        levels = { "goal", "action_step" }, source = { tool = "action_planning_template", worksheet = 12 } }
t.is(p.id, 1, "first plan id")
t.same(p.source, { tool = "action_planning_template", worksheet = 12 }, "source kept")
t.is(plan.get("attendance").id, p.id, "get by title, any case")
t.is(plan.get(p.id).title, "Attendance", "get by id")
t.is(plan.get("Nope"), nil, "get of an unknown title is nil")
t.raises(function() plan.create { title = "x" } end, "plan.kind: required", "a plan needs a kind")

local goal = p:add { text = "Raise attendance to 92% by June 2027", tags = { "smart", "Relationships" },
                     fields = { outcomes = "Fewer chronically absent ninth graders" } }
t.is(goal.level, "goal", "level defaults to the plan's level for the depth")
t.same(goal.tags, { "Relationships", "smart" }, "tags stored, sorted")
t.is(goal.fields.outcomes, "Fewer chronically absent ninth graders", "free fields kept")
local s1 = goal:add { text = "Train attendance coaches", owner = "Ana Ruiz", start = "2026-09-01", due = "2026-10-15",
                      resources = { available = "2 coaches", needed = "training", cost = "$1,200", funding = "Title I" } }
t.is(s1.level, "action_step", "second level from the plan's levels")
t.is(s1.owner, "Ana Ruiz", "owner by name")
t.is(s1.owner_id, ana.id, "item stores the person id")
t.is(s1.resources.cost, 1200, "money text read as a number")
t.is(s1.resources.funding, "Title I", "funding source")
local s2 = goal:add { text = "Call families of absent students", owner = "mia chen", due = "2026-12-15" }
local s0 = goal:add { text = "Review last year's data", position = 1 }
local kids = goal:children()
t.same({ kids[1].id, kids[2].id, kids[3].id }, { s0.id, s1.id, s2.id }, "position 1 inserts first")
s2:move(1)
kids = goal:children()
t.same({ kids[1].id, kids[2].id, kids[3].id }, { s2.id, s0.id, s1.id }, "move reorders siblings")
local b = goal:add { level = "benchmark", text = "Chronic absence below 15%", kind = "early evidence of change" }
t.is(b.kind, "early_evidence", "benchmark kind from its words")
t.same(plan.get(p.id).levels, { "goal", "action_step", "benchmark" }, "a new level joins the plan's levels")
t.raises(function() goal:add { text = "x", kind = "urgent" } end,
  "kind: 'urgent' is not an item kind %(expected one of: process, early_evidence", "bad item kind")

-- validation errors are clear and change nothing
local before = db:value("SELECT count(*) FROM plan_item")
t.raises(function() goal:add { text = "Bad date", due = "2026-02-30" } end,
  "item 'Bad date'.due: '2026%-02%-30' is not a date %(expected YYYY%-MM%-DD%)", "impossible date refused")
t.raises(function() goal:add { text = "US date", start = "11/30/2026" } end,
  "start: '11/30/2026' is not a date", "non-ISO date refused")
t.raises(function() goal:add { text = "Backwards", start = "2026-10-01", due = "2026-09-01" } end,
  "due: 2026%-09%-01 is before the start date 2026%-10%-01", "due before start refused")
t.raises(function() goal:add { text = "Who", owner = "J. Smith" } end,
  "item 'Who'.owner: unknown person 'J. Smith' %(known: Ana Ruiz, Lee Park, Mia Chen%)", "unknown owner named")
t.raises(function() goal:add { text = "" } end, "item.text: required", "empty text refused")
t.raises(function() s1:set { due = "2026-13-01" } end, "due: '2026%-13%-01' is not a date", "set checks dates")
t.is(db:value("SELECT count(*) FROM plan_item"), before, "failed adds wrote nothing")
t.ok(plan.dates.valid("2028-02-29") and not plan.dates.valid("2027-02-29"), "leap years")

s1:set { owner = "Lee Park", due = "2026-10-31", fields = { barriers = "bus schedule" } }
t.is(s1.owner, "Lee Park", "set re-assigns")
t.is(s1.due, "2026-10-31", "set re-dates")
t.is(s1.fields.barriers, "bus schedule", "set merges fields")
s1:set { owner = false }
t.is(s1.owner, nil, "owner = false clears the owner")
s1:set { owner = "Ana Ruiz" }

-- status history -------------------------------------------------------------------------------
s1:set_status("on track", { note = "Coaches hired", by = "Ana Ruiz", on = "2026-09-20" })
t.is(s1.status, "on_track", "status label accepted")
s1:set_status("at_risk", { note = "One coach left", by = "Lee Park", on = "2026-10-05", percent = 40 })
local h = s1:history()
t.is(#h, 2, "two changes recorded")
t.same({ h[1].status, h[1].on, h[1].by, h[1].note }, { "on_track", "2026-09-20", "Ana Ruiz", "Coaches hired" }, "who, when, note")
t.same({ h[2].status, h[2].percent, h[2].by }, { "at_risk", 40, "Lee Park" }, "second change with percent")
t.ok(tostring(h):find("2026%-10%-05%s+at risk%s+40%s+Lee Park%s+One coach left"), "history prints as a table")
t.raises(function() s1:set_status("done", { on = "2026-10-01" }) end,
  "2026%-10%-01 is before the latest recorded change %(2026%-10%-05%)", "history stays in date order")
t.raises(function() s1:set_status("finished") end,
  "'finished' is not a status %(expected one of: not started, on track, at risk, off track, done, dropped%)", "unknown status named")
t.raises(function() s1:set_status("done", { by = "Nobody", on = "2026-11-01" }) end, "status.by: unknown person 'Nobody'", "unknown 'by'")
t.is(#s1:history(), 2, "refused changes are not recorded")

-- roll-ups ---------------------------------------------------------------------------------------
-- goal children: s2 (not started), s0 (not started), s1 (at risk, 40%), b (measured benchmark)
b:measure { metric = "chronic absence rate", unit = "%", direction = "down", target = { value = 15, date = "2027-06-30" } }
local r = goal:rollup()
t.is(r.status, "at_risk", "worst active child: at risk")
t.is(r.percent, 40 / 3, "percent = mean of children (benchmark not counted)")
s0:set_status("done", { on = "2026-09-10" })
s1:set_status("on_track", { on = "2026-10-20", percent = 50 })
r = goal:rollup()
t.is(r.status, "on_track", "some done, some started: on track")
t.is(r.percent, (0 + 100 + 50) / 3, "done counts 100")
s2:set_status("dropped", { on = "2026-11-01", note = "Replaced by texts" })
r = goal:rollup()
t.is(r.percent, 75, "dropped items are excluded")
s1:set_status("done", { on = "2026-11-02" })
t.is(goal:rollup().status, "done", "all active children done: done")
t.is(goal:rollup().percent, 100, "all done: 100%")
b:set_status("off_track", { on = "2026-11-03" })
t.is(goal:rollup().status, "off_track", "a measured item counts once its status is set")
t.is(goal:rollup().percent, 100, "measured items never count toward percent")
local sub = s1:add { level = "task", text = "Book the trainer" }
t.is(s1:rollup().status, "done", "a done item stays done whatever its children say")
t.is(p:rollup().status, "off_track", "the plan rolls up its top-level items")
t.ok(tostring(p:tree()):find("%- goal: Raise attendance to 92%% by June 2027 %[off track, 100%%%]"), "tree shows rolled status and percent")
sub:remove()
t.is(db:value("SELECT count(*) FROM plan_item WHERE id = ?", sub.id), 0, "remove deletes the item")

-- check ---------------------------------------------------------------------------------------------
t.same(plan.check(db), {}, "a plan written through the API has no problems")
local other = plan.create { kind = "project_plan", title = "Other" }
local stray = other:add { level = "task", text = "Stray" }
db:exec("UPDATE plan_item SET parent_id = ? WHERE id = ?", s0.id, stray.id)
db:exec("INSERT INTO status_change(item_id, status, on_date, recorded_at) VALUES (?, 'on_track', '2026-01-01', 'x')", s0.id)
local problems = plan.check(db)
t.ok(problems[1] and problems[1]:find("item #" .. stray.id .. " %(plan #2%) has parent #" .. s0.id .. " in another plan %(#1%)"),
  "check: parent in another plan")
local joined = table.concat(problems, "\n")
t.ok(joined:find("item #" .. s0.id .. ": status history out of order"), "check: history out of order")
t.ok(joined:find("status is 'done' but its latest recorded change says 'on_track'"), "check: status disagrees with history")
do -- a loop of parents made by hand: check names it, roll-ups and outlines still finish
  local lp = plan.create { kind = "project_plan", title = "Loop" }
  local x = lp:add { level = "task", text = "X" }
  local y = x:add { level = "task", text = "Y" }
  db:exec("UPDATE plan_item SET parent_id = ? WHERE id = ?", y.id, x.id)
  t.ok(table.concat(plan.check(db), "\n"):find("item #" .. x.id .. " is inside a loop of parents"), "check: loop of parents")
  t.is(#lp:items(), 2, "items of a looped plan still list")
  t.ok(lp:rollup() ~= nil and #x:descendants() == 1, "roll-ups and descendants finish")
  lp:remove()
end
local cli = require("cairn.check").run(db)
t.ok(table.concat(cli, "\n"):find("has parent #" .. s0.id, 1, true), "cairn check includes plan problems")

-- delete -----------------------------------------------------------------------------------------------
t.ok(plan.delete("Other"), "delete by title")
t.is(plan.get("Other"), nil, "deleted plan is gone")
t.is(db:value("SELECT count(*) FROM plan_item WHERE id = ?", stray.id), 0, "its items went with it")

-- help texts --------------------------------------------------------------------------------------------
local help = require "cairn.help"
t.ok((help.lookup(plan.overdue) or ""):find("^plan%.overdue{as_of=, plan=, level=} %-> items"), "help(plan.overdue)")
t.ok((help.lookup(goal.set_status) or ""):find("^item:set_status%(status, {by=, on=, note=, percent=}%)"), "help for an item method")

t.done()
