-- The plan reports on the demo district (scripts/workflows/demo_plan.lua), as of fixed dates,
-- compared with golden files in tests/plan/ (UPDATE=1 tests/run plan_reports rewrites them).
local t = require "tap"
local ws = require "cairn.workspace"
local json = require "cairn.json"
ws.create("Riverside Unified", "plan_reports.db")
local plan = require "cairn.plan"
local report = require "cairn.report"
local paths = require "cairn.paths"

local demo = dofile(assert(paths.find("workflows/demo_plan.lua"), "demo_plan.lua on the search path"))
t.ok(demo.district_plan and demo.action_plan, "the demo plans load")
t.same(plan.check(ws.db()), {}, "the demo is consistent")

local function load_report(name)
  local path = assert(paths.find("reports/" .. name .. ".lua"))
  return assert(loadfile(path))()
end

-- A ctx the way the recurring-report runner builds it (docs/report-document.md).
local function run(def, as_of, params, previous)
  local saved
  local ctx = {
    params = params or {}, as_of = as_of, period = as_of:sub(1, 7), db = ws.db(),
    previous = previous,
    save = function(d) saved = json.decode(json.encode(d)) end,   -- stored as JSON between runs
    document = function(spec)
      spec.district = spec.district or ws.district()
      spec.as_of = spec.as_of or as_of
      spec.period = spec.period or as_of:sub(1, 7)
      return report.new(spec)
    end,
  }
  local doc = def.build(ctx)
  return doc, saved
end

-- HTML goldens hold the body only: the theme's CSS in <head> belongs to the renderer.
local function render_ok(doc, fmt)
  local ok, out = pcall(doc.render, doc, fmt)
  if not ok then return nil, out end
  return out:match("<body.*$") or out
end

-- district plan ----------------------------------------------------------------------------------
local dp = load_report("district_plan")
t.is(dp.name, "district_plan", "district_plan declares its name")
local ddoc = run(dp, "2026-11-26")
t.golden(ddoc:render("markdown"), "plan/district_plan.md", "district_plan markdown")
t.golden(ddoc:render("text"), "plan/district_plan.txt", "district_plan text")
local dhtml = render_ok(ddoc, "html")
if dhtml then t.golden(dhtml, "plan/district_plan.html", "district_plan html") end
t.raises(function() run(dp, "2026-11-26", { plan = "Strategic Plan" }) end,
  "%-%-param plan: no district plan 'Strategic Plan'", "unknown district plan named")

-- p:report: one plan's status report from the REPL
local one_md = demo.action_plan:report("markdown", { as_of = "2026-11-26" })
t.ok(one_md:find("## District Action Plan 2026%-27") and not one_md:find("## Riverside Unified District Plan"),
  "p:report renders the plan's own status report")
t.ok(tostring(demo.action_plan:report { as_of = "2026-11-26" }):find("Overdue %(2%)"), "p:report prints as text")
demo.action_plan:report("html", "ap.html", { as_of = "2026-11-26" })
t.ok(t.read("ap.html"):find("<h2[^>]*>District Action Plan 2026%-27</h2>"), "p:report writes a file")

-- plan status --------------------------------------------------------------------------------
local status = load_report("plan_status")
t.is(status.name, "plan_status", "plan_status declares its name")
local doc, saved = run(status, "2026-11-26")
t.golden(doc:render("markdown"), "plan/plan_status.md", "plan_status markdown (first run, 26 Nov 2026)")
t.golden(doc:render("text"), "plan/plan_status.txt", "plan_status text")
local html = render_ok(doc, "html")
if html then t.golden(html, "plan/plan_status.html", "plan_status html") end
t.ok(saved and saved.plans and saved.plans[tostring(demo.action_plan.id)], "the run saves the plans' state for the next run")

-- a week later: progress, a slip, a new step
local ap = demo.action_plan
local launch = ap:find("Launch an attendance team")
launch:set_status("done", { on = "2026-11-30", by = "Ana Ruiz", note = "Last two teams formed" })
local libraries = ap:find("Order classroom libraries")
libraries:set { owner = "Dana Whitfield", due = "2026-12-18" }
local survey = ap:find("Survey staff")
survey:set_status("on_track", { on = "2026-12-01", by = "Lee Park", percent = 30 })
ap:find("A joint district-association"):add { kind = "process", text = "Share survey results with all staff",
  owner = "Sam Patel", due = "2027-01-20" }
local doc2, saved2 = run(status, "2026-12-03", {}, saved)
t.golden(doc2:render("markdown"), "plan/plan_status_next.md", "plan_status a week later: what changed")
t.is(saved2.as_of, "2026-12-03", "the second run saves its own date")
local doc3 = run(status, "2026-12-03", {}, saved2)
t.ok(doc3:render("markdown"):find("No changes since the last run %(3 Dec 2026%)"), "a third run with no changes says so")

local one = run(status, "2026-11-26", { plan = "District Action Plan 2026-27", days = 30 })
local md = one:render("markdown")
t.ok(md:find("## District Action Plan 2026%-27") and not md:find("## Riverside Unified District Plan"), "--plan limits to one plan")
t.ok(md:find("Due in the next 30 days"), "--days changes the window")
t.raises(function() run(status, "2026-11-26", { plan = "Nope" }) end,
  "%-%-param plan: no plan 'Nope' %(plans: Riverside Unified District Plan 2026%-2029;", "unknown plan named")

t.done()
