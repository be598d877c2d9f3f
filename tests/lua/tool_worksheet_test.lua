-- Worksheets: storing a run, revisions and what changed, w:edit(changes), drafts, plan content
-- through to_plan (replaced on edit), the default report layout, a district's copy of a tool
-- winning on the search path, and `cairn check`'s consistency checks.
local t = require "tap"
dofile(os.getenv("CAIRN_TESTS") .. "/tool_engine/setup.lua")
local tool = require "cairn.tool"
local ws = require "cairn.workspace"
local plan = require "cairn.plan"
local db = ws.db()

ENGINE_TO_PLAN = {}

local answers = {
  problem = "Ninth-grade absence rose",
  whys = { { reason = "Buses late", evidence = "Route logs" }, { reason = "Drivers short", evidence = "HR" } },
  causes = { { cause = "Driver shortage", prevents = true }, { cause = "Low pay", prevents = true } },
  goals = { { goal = "Hire drivers", due = "6/30/2027", steps = { { step = "Post jobs", cost = "$1,200" } } } },
}

local w = tool.run("engine_whys", answers, { by = "ana", as_of = "2026-11-26" })
t.is(getmetatable(w), tool.worksheet_class, "run returns a worksheet object")
t.is(w.tool, "engine_whys", "with its tool id")
t.is(w.tool_version, tool.load("engine_whys").hash, "the hash of the tool file that produced it")
t.is(#w.tool_version, 16, "a 16-hex-digit version")
t.is(w.title, "Ninth-grade absence rose", "the title defaults to the first text answer")
t.is(w.status, "final", "final")
t.is(w.created_by, "ana", "who made it")
t.is(w.answers.goals[1].due, "2027-06-30", "answers stored in their parsed form")
t.ok(tostring(w):find("^worksheet %d+ · engine_whys · Ninth%-grade absence rose %(final, 1 revision, updated %d%d%d%d"),
  "prints as a one-line summary")

-- plan content through to_plan
t.is(#ENGINE_TO_PLAN, 1, "to_plan ran once")
local call = ENGINE_TO_PLAN[1]
t.is(call.worksheet, w.id, "ctx.worksheet is the stored worksheet")
t.is(call.as_of, "2026-11-26", "ctx.as_of from the options")
local p = plan.get(call.plan)
t.ok(p and p.title == "Ninth-grade absence rose", "ctx.plan wrote a plan")
t.same(tool.worksheet_class and require("cairn.tool.worksheet").plans(w.id), { call.plan },
  "the worksheet remembers the plans it wrote")

-- reopen
local w2 = tool.open_worksheet(w.id)
t.same(w2.answers, w.answers, "open_worksheet reads the same answers back")
t.raises(function() tool.open_worksheet(999) end, "there is no worksheet 999", "an unknown worksheet")

-- edit from Lua: a new revision, a summary of what changed, plan content replaced
local before_plans = db:value("SELECT count(*) FROM plan")
w:edit({ ["whys[2].evidence"] = "HR vacancy report", causes = { { cause = "Driver shortage", prevents = true } },
  ["goals[1].steps[2]"] = { step = "Raise pay", cost = 5000 } }, { by = "lee", as_of = "2026-11-27" })
t.is(w.revisions, 2, "edit adds a revision")
t.is(w.answers.whys[2].evidence, "HR vacancy report", "a path edit")
t.is(#w.answers.causes, 1, "a whole-table edit")
t.is(w.answers.goals[1].steps[2].cost, 5000, "a new nested row")
local h = w:history()
t.is(#h, 2, "history lists both revisions")
t.is(h[1].summary, "created", "first revision: created")
t.is(h[1].by, "ana", "by whom")
t.is(h[2].by, "lee", "second revision by another person")
t.is(h[2].summary, "removed causes[2]; added goals[1].steps[2]; changed whys[2].evidence",
  "what changed, in a line")
t.is(h[1].answers.whys[2].evidence, "HR", "each revision keeps its answers")
t.ok(tostring(h):find("rev%s+when %(UTC%)%s+by%s+status%s+what changed"), "history prints as a table")
t.is(#ENGINE_TO_PLAN, 2, "to_plan ran again after the edit")
t.is(db:value("SELECT count(*) FROM plan"), before_plans, "the plan written before was replaced, not duplicated")
t.is(ENGINE_TO_PLAN[2].plan, ENGINE_TO_PLAN[1].plan, "the plan written before is kept and updated (same id)")

-- items added to a plan another worksheet made are replaced on edit too
local function items_in(pid) return db:value("SELECT count(*) FROM plan_item WHERE plan_id = ?", pid) end
local target = ENGINE_TO_PLAN[2].plan
local n_items = items_in(target)
local addon = tool.run("engine_addon", { plan_title = w.title, note = "first" })
t.is(items_in(target), n_items + 2, "an add-on tool adds items to an existing plan")
addon:edit { note = "second" }
t.is(items_in(target), n_items + 2, "editing it replaces those items instead of adding more")
t.is(db:value("SELECT count(*) FROM plan_item WHERE plan_id = ? AND text = 'Add-on: second'", target), 1,
  "with the new answers")
t.same(require("cairn.tool.worksheet").outputs(addon.id)[1].kind, "item", "the worksheet records the items it added")

t.raises(function() w:edit { ["whys[1].reason"] = "" } end, "^worksheet %d+: engine_whys: 1 problem in the answers:\n  whys%[1%]%.reason: required",
  "an edit is validated like a run")
t.is(tool.open_worksheet(w.id).revisions, 2, "and a failed edit stores nothing")
t.raises(function() w:edit { ["whys[1]."] = "x" } end, "is not a field or path", "a bad path")

-- drafts
local d = tool.run("engine_whys", { problem = "Half done", whys = { { reason = "a" } } }, { status = "draft" })
t.is(d.status, "draft", "an incomplete run can be kept as a draft")
t.is(#ENGINE_TO_PLAN, 2, "a draft writes no plan content")
t.is(d:history()[1].summary, "draft started", "a draft's first revision")
d:edit({ ["whys[2]"] = { reason = "b" }, causes = { { cause = "c" } }, goals = { { goal = "g" } } }, { status = "final" })
t.is(d.status, "final", "a draft becomes final when its answers are complete")
t.is(d:history()[2].summary, "added causes[1]; added goals[1]; added whys[2]; saved as final", "and says so")
t.is(#ENGINE_TO_PLAN, 3, "saving it final writes plan content")

-- listing
local all = tool.worksheets()
t.is(#all, 3, "worksheets() lists them all (two engine_whys, one engine_addon)")
t.is(#tool.worksheets { tool = "engine_fields" }, 0, "filtered by tool")
t.is(#tool.worksheets "engine_whys", 2, "a string filter is a tool id")
t.ok(tostring(all):find("id%s+tool%s+title%s+status%s+revs%s+updated"), "prints as a table")

-- report: the default layout renders the form in order
local doc = tool.document(w, { as_of = "2026-11-26" })
local md = doc:render("markdown")
t.golden(md, "tool_engine/default_layout.md", "default layout rendered as Markdown")
local txt = tool.report(w, "text", { string = true, as_of = "2026-11-26" })
t.ok(txt:find("Problem Statement:%s+Ninth%-grade absence rose"), "text report has the fields")
local path = w:report("html", { out = "w.html", as_of = "2026-11-26" })
t.is(path, "w.html", "report(html) returns the file it wrote")
t.ok(t.read("w.html"):find("<table", 1, true), "an HTML file with tables")
t.raises(function() w:report("rtf") end, "unknown report format 'rtf'", "unknown formats are refused")

-- a district copy on the search path wins, and new worksheets record its version
os.execute("mkdir -p tools")
local src = t.read(tool.load("engine_whys").path)
local f = assert(io.open("tools/engine_whys.lua", "w"))
f:write((src:gsub('title = "Test Whys"', 'title = "Our Whys"')))
f:close()
local T = tool.load("engine_whys")
t.is(T.path, "./tools/engine_whys.lua", "the workspace folder's copy is found first")
t.is(T.title, "Our Whys", "and used")
local w3 = tool.run("engine_whys", answers)
t.ok(w3.tool_version == T.hash and w3.tool_version ~= w.tool_version, "a worksheet records which version made it")
os.remove("tools/engine_whys.lua")

-- consistency checks
t.same(tool.check(db), {}, "no problems in a sound workspace")
db:exec("INSERT INTO worksheet(tool, tool_version, title, status, answers, created_at, created_by, updated_at) "
  .. "VALUES ('gone_tool', 'x', 't', 'final', '{bad', 'now', 'me', 'now')")
local id = db:last_id()
local problems = tool.check(db)
t.same(problems, {
  string.format("worksheet %d: tool 'gone_tool' is not on the search path", id),
  string.format("worksheet %d: answers are not valid JSON (answers:1:2: no valid JSON value at line 1, column 2)", id),
  string.format("worksheet %d: has no revisions", id),
}, "check finds a missing tool, bad JSON and missing revisions")

t.done()
