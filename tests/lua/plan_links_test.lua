-- Links between things and walks along them, end to end: a 5 Whys root cause -> the action
-- plan step that addresses it -> the monitoring milestone that monitors that step, all built
-- with the plan API; and problem -> root cause -> objective -> initiative -> benchmark.
local t = require "tap"
local ws = require "cairn.workspace"
ws.create("Riverside Unified", "plan_links.db")
local plan = require "cairn.plan"
local db = ws.db()

plan.person { name = "James Okafor" }
plan.person { name = "Kim Nguyen" }

-- 5 Whys
local rca = plan.create { kind = "root_cause_analysis", title = "Ninth-grade absenteeism", levels = { "problem", "why", "root_cause" } }
local problem = rca:add { text = "Ninth-grade chronic absenteeism rose from 14% to 21%." }
local why1 = problem:add { text = "Students miss the first bus" }
local cause = why1:add { text = "No one contacts families after the first absences" }
local cause2 = why1:add { text = "Bus routes changed without notice" }

-- action plan
local ap = plan.create { kind = "action_plan", title = "Attendance action plan", levels = { "goal", "action_step" } }
local goal = ap:add { text = "Cut chronic absence to 15% by June 2027" }
local step = goal:add { text = "Coaches call families after the second absence", owner = "James Okafor", due = "2026-12-15" }
plan.link(cause, step, "addresses")
plan.link(step, goal, "serves")

-- monitoring plan
local mp = plan.create { kind = "monitoring_plan", title = "Monitoring", levels = { "milestone" } }
local ms = mp:add { text = "Contact log reviewed monthly", owner = "Kim Nguyen", due = "2026-12-18" }
plan.link(ms, step, "monitors")

local paths = plan.walk(cause, { "addresses", "monitored_by" })
t.is(#paths, 1, "one path from the root cause to the milestone")
t.same({ paths[1][1].id, paths[1][2].id, paths[1][3].id }, { cause.id, step.id, ms.id }, "root cause -> step -> milestone")
t.same(paths[1].relations, { "addresses", "monitored_by" }, "the relations walked")
t.is(tostring(paths[1]), "root_cause #" .. cause.id .. " 'No one contacts families after the first absences'"
  .. " addresses -> action_step #" .. step.id .. " 'Coaches call families after the second absence'"
  .. " monitored_by -> milestone #" .. ms.id .. " 'Contact log reviewed monthly'", "a path prints as a chain")

-- and back again, starting from the milestone
local back = plan.walk(ms, { "monitors", "addressed_by", "parent", "parent" })
t.same({ back[1][2].id, back[1][3].id, back[1][4].id, back[1][5].id }, { step.id, cause.id, why1.id, problem.id },
  "milestone -> step -> root cause -> why -> problem")

-- inverse names store the canonical direction
plan.link(goal, step, "served_by")
t.is(db:value("SELECT count(*) FROM link WHERE relation = 'serves'"), 1, "served_by is serves the other way (no duplicate)")
t.is(#step:links { relation = "addressed_by" }, 1, "a link read from its far end has the inverse name")
t.is(step:links { relation = "addressed_by" }[1].other.id, cause.id, "and leads back")
t.same({ step:links()[1].relation, goal:links()[1].relation }, { "serves", "served_by" }, "links read from each end")

-- the whole chain: problem -> root cause -> objective -> initiative -> benchmark
local dp = plan.create { kind = "district_plan", title = "District plan", levels = { "strategic_objective", "initiative", "benchmark" } }
local obj = dp:add { text = "Every student attends regularly" }
local ini = obj:add { text = "Tiered attendance supports" }
local bm = ini:add { text = "Contacts within a week for 90% of students", kind = "early_evidence" }
local bm2 = dp:add { level = "benchmark", text = "Chronic absence at 18% by January", kind = "process" }
plan.link(cause, obj, "addresses")
plan.link(ini, bm2, "measured_by")
local chain = plan.walk(problem, { "descendants", "addresses", "children", "measured_by" })
t.same({ chain[1][1].id, chain[1][2].id, chain[1][3].id, chain[1][4].id, chain[1][5].id },
  { problem.id, cause.id, obj.id, ini.id, bm2.id }, "problem -> root cause -> objective -> initiative -> benchmark")
t.is(#chain, 1, "only the complete chains")
local partial = plan.walk(problem, { "descendants", "addresses", "children", "children" }, { partial = true })
local ends = {}
for _, path in ipairs(partial) do ends[#ends + 1] = path[#path].id end
t.same(ends, { why1.id, step.id, bm.id, cause2.id },
  "partial = true keeps chains that stop early (why1 and cause2 address nothing, the step has no children)")

-- walk from several starts, and without relations (everything reachable)
local many = plan.walk(rca:items { level = "root_cause" }, { "addresses" })
t.is(#many, 2, "from a list of items: cause -> step and cause -> objective")
local all = plan.walk(cause)
t.ok(#all >= 2, "with no relations every outgoing link and child is followed")

-- links to other modules' things are stored generically
plan.link({ kind = "survey_item", id = 42 }, bm, "informs")
t.is(db:value("SELECT count(*) FROM link WHERE from_kind = 'survey_item' AND relation = 'informs' AND to_id = ?", bm.id), 1,
  "survey item -> benchmark")
t.is(plan.walk(bm, { "informed_by" })[1][2].kind, "survey_item", "walk reaches a survey item as a reference")

-- errors
t.raises(function() plan.link(step, { kind = "item", id = 9999 }, "serves") end, "link.to: item #9999 does not exist", "missing target")
t.raises(function() plan.link(step, step, "serves") end, "cannot be linked to itself", "self link")
t.raises(function() plan.link("step", goal, "serves") end, "link.from: expected an item, plan, person", "bad reference")
t.raises(function() plan.link(step, goal, "is part of") end, "relation: expected a name like 'addresses'", "bad relation")

-- removing an item removes its links
step:remove()
t.is(db:value("SELECT count(*) FROM link WHERE (from_kind = 'item' AND from_id = ?) OR (to_kind = 'item' AND to_id = ?)",
  step.id, step.id), 0, "links of a removed item are gone")
t.same(plan.check(db), {}, "no dangling links")
db:exec("INSERT INTO link(from_kind, from_id, relation, to_kind, to_id) VALUES ('item', 777, 'serves', 'item', ?)", goal.id)
t.ok(plan.check(db)[1]:find("link #%d+ %(serves%): item #777 no longer exists"), "check finds dangling links")

t.done()
