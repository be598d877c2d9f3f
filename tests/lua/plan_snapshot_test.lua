-- Snapshots and diffs: what was added, removed, re-dated, re-assigned, changed status, edited.
local t = require "tap"
local ws = require "cairn.workspace"
ws.create("Riverside Unified", "plan_snapshot.db")
local plan = require "cairn.plan"

plan.person { name = "Ana Ruiz" }
plan.person { name = "Lee Park" }
local p = plan.create { kind = "project_plan", title = "Attendance project", levels = { "goal", "task" } }
local g = p:add { text = "Raise attendance to 92% by June 2027" }
local a = g:add { text = "Train coaches", owner = "Ana Ruiz", due = "2026-10-15" }
local b = g:add { text = "Call families", owner = "Lee Park", due = "2026-12-15" }
local c = g:add { text = "Print posters", due = "2026-10-01" }
local snap = p:snapshot("baseline", { on = "2026-09-01" })
t.same({ snap.name, snap.taken_on, snap.items }, { "baseline", "2026-09-01", 4 }, "snapshot taken")

t.is(#p:diff("baseline"), 0, "nothing changed yet")
t.is(tostring(p:diff("baseline")), "(no changes since 2026-09-01)", "an empty diff says so")

a:set_status("done", { on = "2026-10-10" })
b:set { owner = "Ana Ruiz", due = "2027-01-10" }
c:remove()
local d = g:add { text = "Text families", owner = "Lee Park", due = "2026-11-30" }
g:set { text = "Raise attendance to 93% by June 2027" }

local diff = p:diff("baseline")
t.same(diff.counts, { added = 1, removed = 1, redated = 1, reassigned = 1, status = 1, edited = 1 }, "counts by kind of change")
t.is(tostring(diff), table.concat({
  "added #" .. d.id .. " task 'Text families' (Lee Park, due 2026-11-30)",
  "removed #" .. c.id .. " task 'Print posters' (due 2026-10-01)",
  "re-dated #" .. b.id .. " task 'Call families': due 2026-12-15 -> 2027-01-10",
  "re-assigned #" .. b.id .. " task 'Call families': Lee Park -> Ana Ruiz",
  "status #" .. a.id .. " task 'Train coaches': not started -> done",
  "edited #" .. g.id .. ": 'Raise attendance to 92% by June 2027' -> 'Raise attendance to 93% by June 2027'",
}, "\n"), "readable lines")
t.same({ diff[3].change, diff[3].field, diff[3].from, diff[3].to }, { "redated", "due", "2026-12-15", "2027-01-10" }, "changes as data")

-- a second snapshot, and the diff between two snapshots
p:snapshot("q2", { on = "2026-12-01" })
t.is(#p:diff("q2"), 0, "nothing changed since q2")
local between = p:diff("baseline", "q2")
t.is(#between, #diff, "baseline -> q2 is what changed before q2")
d:set_status("at_risk", { on = "2026-12-02" })
t.same(p:diff("q2").lines, { "status #" .. d.id .. " task 'Text families': not started -> at risk" }, "since q2")
t.same({ p:snapshots()[1].name, p:snapshots()[2].name }, { "baseline", "q2" }, "snapshots listed in date order")

t.raises(function() p:snapshot("baseline") end,
  "plan 'Attendance project' already has a snapshot named 'baseline' %(taken 2026%-09%-01%)", "a snapshot name is not reused silently")
p:snapshot("baseline", { replace = true, on = "2026-12-03" })
t.is(#p:diff("baseline"), 0, "replace = true re-takes it")
t.raises(function() p:diff("final") end, "has no snapshot named 'final' %(it has: baseline, q2%)", "unknown snapshot named")
t.raises(function() p:snapshot("x", { on = "soon" }) end, "snapshot.on: 'soon' is not a date", "snapshot date checked")

t.done()
