-- Plan content a tool wrote stays the same plans and items when its worksheet is edited and
-- saved again (cairn.plan.sync; docs/plan-api.md "Sync scopes", docs/tool-format.md to_plan):
-- ids, status history, links from other plans and the "baseline" snapshot survive; a removed
-- row's item goes with its links; a reworded item keeps its id, a rewritten one is new; the
-- SFSS Four R's rows in the SFSS plan follow the same rule; re-saving results_analysis does not
-- repeat its status notes.
local t = require "tap"
local ws = require "cairn.workspace"
local json = require "cairn.json"
local tool = require "cairn.tool"
local plan = require "cairn.plan"
local sync = require "cairn.plan.sync"

local TESTS = os.getenv("CAIRN_TESTS")
ws.create("Riverside Unified", "sync.db")
dofile(TESTS .. "/tools/people.lua")
local db = ws.db()

local function answers(id)
  local f = assert(io.open(TESTS .. "/tools/" .. id .. "/answers.json", "rb"))
  local a = assert(json.decode(f:read("a")))
  f:close()
  return a
end

local function find(p, text)
  for _, it in ipairs(p:items()) do if it.text == text then return it end end
  return nil
end

local function count(sql, ...) return db:value(sql, ...) end

-- ---- the key rule on its own -------------------------------------------------------------------
t.ok(sync.similar("Schedule monthly meetings", "Schedule the monthly team meetings"), "a reworded text is similar")
t.ok(not sync.similar("Schedule monthly meetings", "Book the auditorium"), "a rewritten text is not")
t.ok(not sync.similar("", "Book the auditorium"), "an empty text is similar to nothing")

-- ---- project plan: first save ---------------------------------------------------------------------
local a = answers("project_plan")
local w = tool.run("project_plan", a, { as_of = "2026-11-26", quiet = true })
local p = assert(plan.list { kind = "project_plan" }[1], "project_plan wrote a plan")
local plan_id = p.id
t.is(#p:snapshots(), 1, "the first save takes the baseline snapshot")
local baseline_taken = p:snapshots()[1].taken_on

local dash = assert(find(p, "Share the attendance dashboard with advisors"))
local team = assert(find(p, "Form the joint attendance team"))
local train = assert(find(p, "Train advisors in the check-in protocol"))
local sched = assert(find(p, "Schedule monthly meetings"))
local invite = assert(find(p, "Invite association members"))
-- work happens between saves: a status update, links from another plan
dash:set_status("on_track", { note = "Access granted to 10 advisors", by = "Kim Nguyen", on = "2026-12-20" })
local mon = plan.create { kind = "monitoring_plan", title = "Monitoring by hand" }
local m1 = mon:add { level = "milestone", text = "Dashboard in use" }
local m2 = mon:add { level = "milestone", text = "Training done" }
plan.link(m1, dash, "monitors")
plan.link(m2, train, "monitors")
local items_before = count("SELECT count(*) FROM plan_item WHERE plan_id = ?", plan_id)

-- ---- the edit: a new due date, a new owner, a removed row, a reworded and a rewritten subtask --------
local tasks = a.goals[1].objectives[1].tasks
tasks[2].due = "2027-01-25"                     -- Share the dashboard: re-dated
tasks[1].lead = "Lee Park"                      -- Form the team: re-assigned
tasks[1].subtasks[2].subtask = "Schedule the monthly team meetings"  -- reworded (same place)
tasks[1].subtasks[1].subtask = "Book the library for kickoff"         -- rewritten
table.remove(tasks, 3)                          -- Train advisors: removed
w:edit({ goals = a.goals }, { by = "ana", as_of = "2026-12-21" })

p = plan.get(plan_id)
t.ok(p ~= nil, "the plan keeps its id")
t.is(#plan.list { kind = "project_plan" }, 1, "no second project plan")
local dash2 = find(p, "Share the attendance dashboard with advisors")
t.is(dash2 and dash2.id, dash.id, "a re-dated item keeps its id")
t.is(dash2 and dash2.due, "2027-01-25", "... and has the new date")
t.is(dash2 and dash2.status, "on_track", "... and its status")
local hist = dash2 and dash2:history() or {}
t.is(#hist, 1, "... and its status history")
t.is(hist[1] and hist[1].note, "Access granted to 10 advisors", "... with the note")
local team2 = find(p, "Form the joint attendance team")
t.is(team2 and team2.id, team.id, "a re-assigned item keeps its id")
t.is(team2 and team2.owner, "Lee Park", "... and has the new owner")
t.is(find(p, "Train advisors in the check-in protocol"), nil, "a removed row's item is gone")
t.is(count("SELECT count(*) FROM plan_item WHERE id = ?", train.id), 0, "... from the workspace")
t.is(count("SELECT count(*) FROM link WHERE to_kind = 'item' AND to_id = ?", train.id), 0, "... with its links")
t.is(count("SELECT count(*) FROM link WHERE to_kind = 'item' AND to_id = ?", dash.id), 1,
  "a link another plan made to a kept item survives")
t.is(#plan.walk(m1, { "monitors" }), 1, "... and walks")
local sched2 = find(p, "Schedule the monthly team meetings")
t.is(sched2 and sched2.id, sched.id, "a reworded item (same place, most words kept) keeps its id")
local book = find(p, "Book the library for kickoff")
t.ok(book and book.id ~= invite.id, "a rewritten item is a new item")
t.is(count("SELECT count(*) FROM plan_item WHERE id = ?", invite.id), 0, "... and the old one is gone")
t.is(count("SELECT count(*) FROM plan_item WHERE plan_id = ?", plan_id), items_before - 1,
  "one item fewer, nothing duplicated")
-- sibling order follows the answers
local order = {}
for _, c in ipairs(team2:children()) do order[#order + 1] = c.text end
t.same(order, { "Book the library for kickoff", "Schedule the monthly team meetings" }, "children in answer order")

-- the baseline is the first save's
local snaps = p:snapshots()
t.is(#snaps, 1, "still one snapshot")
t.is(snaps[1].taken_on, baseline_taken, "the baseline is not re-taken")
local d = p:diff("baseline")
local by = {}
for _, c in ipairs(d) do by[c.change] = (by[c.change] or 0) + 1 end
t.is(by.redated, 1, "diff: the re-dated task is re-dated")
t.is(by.reassigned, 1, "diff: the re-assigned task is re-assigned")
t.is(by.edited, 1, "diff: the reworded subtask is edited")
t.is(by.status, 1, "diff: the status update shows")
t.is(by.added, 1, "diff: only the rewritten subtask is added")
t.is(by.removed, 2, "diff: the removed task and the rewritten subtask's old item are removed")
local redated_item, reassigned_item
for _, c in ipairs(d) do
  if c.change == "redated" then redated_item = c.item end
  if c.change == "reassigned" then reassigned_item = c.item end
end
t.is(redated_item, dash.id, "diff names the re-dated item by its id")
t.is(reassigned_item, team.id, "diff names the re-assigned item by its id")

-- several saves with no change write nothing new
local sc_before = count("SELECT count(*) FROM status_change")
local max_item = count("SELECT max(id) FROM plan_item")
for i = 1, 3 do w:edit({ committee = a.committee }, { by = "ana", as_of = "2026-12-2" .. (1 + i) }) end
t.is(count("SELECT count(*) FROM status_change"), sc_before, "re-saves add no status history")
t.is(count("SELECT max(id) FROM plan_item"), max_item, "re-saves add no items")
t.is(#plan.get(plan_id):snapshots(), 1, "re-saves take no snapshot")

-- a to_plan that fails after the sync began leaves everything as it was
local ok = pcall(function()
  db:transaction(function()
    w:edit({ committee = "Renamed committee" }, { by = "ana" })
    error("abort")
  end)
end)
t.ok(not ok and plan.get(plan_id).title == "Project plan: " .. a.committee, "a rolled-back save changes nothing")
t.is(require("cairn.plan.core").scope, nil, "no sync scope left open")

-- ---- worksheet titles: one made from the answers follows them, one given stays ---------------------
local tw = tool.run("results_analysis", { initiative = "Title test", tasks = { { task = "Nothing matches this",
  what = "x", results = "1 of 2", decision = "adapt" } } }, { quiet = true })
t.is(tw.title, "Results analysis: Title test", "a title from the answers")
tw:edit({ initiative = "Renamed initiative" })
t.is(tw.title, "Results analysis: Renamed initiative", "follows an edit of the answer it came from")
tw:edit({}, { title = "Our own title" })
tw:edit({ initiative = "Renamed again" })
t.is(tw.title, "Our own title", "a title someone gave stays")

-- ---- results_analysis: status notes once ---------------------------------------------------------
local ra = answers("results_analysis")
ra.tasks[2].task = "Share the attendance dashboard with advisors"
local rw = tool.run("results_analysis", ra, { as_of = "2026-12-22", quiet = true })
local function notes(item)
  local n = 0
  for _, h in ipairs(plan.item(item.id):history()) do
    if (h.note or ""):find("^Results analysis") then n = n + 1 end
  end
  return n
end
t.is(plan.item(team.id).status, "done", "adopt marks the task done")
t.is(notes(team), 1, "... with one note")
t.is(notes(dash), 1, "adapt adds one note")
for i = 1, 3 do
  rw:edit({ initiative = "Ninth-grade attendance " .. i }, { as_of = "2026-12-23" })
end
t.is(notes(team), 1, "three re-saves: still one note on the adopted task")
t.is(notes(dash), 1, "... and on the adapted one")
t.is(#plan.item(team.id):history(), 1, "... and no other history")
-- someone reopens the task; re-saving the analysis does not close it again
plan.item(team.id):set_status("on_track", { note = "Reopened for spring", on = "2026-12-24" })
rw:edit({ initiative = "Ninth-grade attendance" }, { as_of = "2026-12-24" })
t.is(plan.item(team.id).status, "on_track", "a re-save does not undo a later status change")
plan.item(dash.id):set_status("at_risk", { note = "Two advisors left", on = "2026-12-24" })
rw:edit({ initiative = "Ninth-grade attendance" }, { as_of = "2026-12-24" })
t.is(notes(dash), 1, "an adapted item whose status changed since gets no second note")
t.is(plan.item(dash.id).status, "at_risk", "... and keeps its new status")
-- changed results are a new statement: recorded once
rw:edit({ ["tasks[2].results"] = "22 of 24 advisors hold check-ins weekly." }, { as_of = "2026-12-24" })
t.is(notes(dash), 2, "changed results add one note")
rw:edit({ initiative = "Ninth-grade attendance (spring)" }, { as_of = "2026-12-24" })
t.is(notes(dash), 2, "... once")

-- ---- a status the worksheet sets (`status =`) ------------------------------------------------------
local sp = plan.create { kind = "scratch", title = "Status from answers" }
local s1 = sp:add { level = "step", text = "A step" }
local function run_scope(status, on)
  local sc = sync.begin { plans = { sp.id } }
  plan.create { kind = "scratch", title = "Status from answers" }:add { level = "step", text = "A step",
    status = status, status_on = on }
  return sync.finish(sc)
end
run_scope("on_track", "2026-12-01")
t.is(#plan.item(s1.id):history(), 1, "a status the answers give is recorded")
run_scope("on_track", "2026-12-02")
t.is(#plan.item(s1.id):history(), 1, "... once")
plan.item(s1.id):set_status("at_risk", { note = "Slipping", on = "2026-12-03" })
run_scope("on_track", "2026-12-02")
t.is(plan.item(s1.id).status, "at_risk", "an unchanged answer does not undo a later update")
run_scope("done", "2026-12-01")
local h = plan.item(s1.id):history()
t.is(plan.item(s1.id).status, "done", "a changed answer is recorded")
t.is(h[#h].on, "2026-12-03", "... dated no earlier than the latest change")
t.is(plan.item(s1.id).percent, 100, "... done is 100%")
t.is(plan.item(s1.id).id, s1.id, "the item kept its id throughout")

-- explicit keys: a keyed item keeps its id whatever its text
local kp = plan.create { kind = "scratch", title = "Keys" }
local k1 = kp:add { level = "row", text = "First wording", key = "r1" }
local sc = sync.begin { plans = { kp.id } }
plan.create { kind = "scratch", title = "Keys" }:add { level = "row", text = "Completely new words", key = "r1" }
sync.finish(sc)
t.is(plan.item(k1.id) and plan.item(k1.id).text, "Completely new words", "a key keeps the id across any rewording")

-- ---- SFSS: items added to a plan another worksheet made ---------------------------------------------
local sw = tool.run("sfss_action_plan", answers("sfss_action_plan"), { as_of = "2026-11-26", quiet = true })
local sfss = plan.list { kind = "sfss_plan" }[1]
local fr = answers("sfss_four_rs")
local fw = tool.run("sfss_four_rs", fr, { as_of = "2026-11-26", quiet = true })
local head = assert(find(sfss, "Section 2: Resource Alignment & Infrastructure/System Management"))
local drivers = assert(find(sfss, "Two bus drivers"))
local n_sfss = count("SELECT count(*) FROM plan_item WHERE plan_id = ?", sfss.id)
fr.resources[1].cost = 70000
table.remove(fr.resources, 3)
fw:edit({ resources = fr.resources }, { as_of = "2026-11-27" })
local drivers2 = find(plan.get(sfss.id), "Two bus drivers")
t.is(drivers2 and drivers2.id, drivers.id, "a Four R's row keeps its id in the SFSS plan")
t.is(drivers2 and drivers2.resources.cost, 70000, "... with the new cost")
t.is(find(plan.get(sfss.id), "Section 2: Resource Alignment & Infrastructure/System Management").id, head.id,
  "the Section 2 heading keeps its id")
t.is(find(plan.get(sfss.id), "Interpretation for family council meetings"), nil, "a removed Four R's row is gone")
t.is(count("SELECT count(*) FROM plan_item WHERE plan_id = ?", sfss.id), n_sfss - 1, "nothing else changed")
-- the SFSS action plan saved again keeps the Four R's rows it does not own
sw:edit({ district = "Riverside Unified" }, { as_of = "2026-11-28" })
t.is(plan.get(sfss.id) and plan.get(sfss.id).id, sfss.id, "the SFSS plan keeps its id")
t.is(count("SELECT count(*) FROM plan_item WHERE id = ?", head.id), 1,
  "re-saving the SFSS action plan keeps the Four R's section another worksheet added")
t.is(count("SELECT count(*) FROM plan_item WHERE plan_id = ?", sfss.id), n_sfss - 1, "... and every item")

-- ---- links the worksheet made: the earlier save's links it no longer makes go ---------------------
local ma = {
  initiative = "Ninth-grade attendance", monitor = "James Okafor",
  milestones = {
    { milestone = "Dashboard in advisors' hands", feedback = "Advisor log-ins", frequency = "Monthly",
      source = "Dashboard usage", due = "2027-01-25", step = "Share the attendance dashboard with advisors" },
  },
}
local mw = tool.run("monitoring_plan", ma, { as_of = "2026-12-01", quiet = true })
local mp = plan.list { kind = "monitoring_plan" }
mp = mp[#mp]
local ms = assert(find(mp, "Dashboard in advisors' hands"))
local function monitors(item)
  local out = {}
  for _, path in ipairs(plan.walk(plan.item(item.id), { "monitors" })) do out[#out + 1] = path[2].id end
  table.sort(out)
  return out
end
t.same(monitors(ms), { dash.id }, "the milestone monitors the task its answers name")
local watcher = mon:add { level = "milestone", text = "Watch the watchers" }
plan.link(watcher, ms, "related")                      -- someone else's link to the milestone
ma.milestones[1].step = "Form the joint attendance team"
mw:edit({ milestones = ma.milestones }, { as_of = "2026-12-02" })
t.is(find(plan.get(mp.id), "Dashboard in advisors' hands").id, ms.id, "the milestone keeps its id")
t.same(monitors(ms), { team.id }, "an answer that names another step moves the link (the old one is gone)")
t.is(count("SELECT count(*) FROM link WHERE relation = 'related' AND to_id = ?", ms.id), 1,
  "a link someone else made to the milestone is kept")
t.is(count("SELECT count(*) FROM link WHERE to_kind = 'item' AND to_id = ? AND relation = 'monitors'", dash.id), 1,
  "the hand-made link to the old step is kept too")
mw:edit({ monitor = "James Okafor" }, { as_of = "2026-12-03" })
t.same(monitors(ms), { team.id }, "a save with no change keeps the link")

t.done()
