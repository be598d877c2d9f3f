-- Measures: baseline, interim and final targets, observations, the expected line and the
-- off-target rule, with a fixed as_of.
local t = require "tap"
local ws = require "cairn.workspace"
ws.create("Riverside Unified", "plan_measure.db")
local plan = require "cairn.plan"

local p = plan.create { kind = "district_plan", title = "District Plan", levels = { "objective", "outcome" } }
local o = p:add { text = "Every student attends" }

-- down is good: chronic absence 21% -> 18% (interim, 31 Jan) -> 15% (final, 30 Jun)
local down = o:add { level = "outcome", kind = "final", text = "Chronic absence below 15%" }
local m = down:measure { metric = "chronic absence rate", unit = "%", direction = "down",
  baseline = { value = 21, date = "2026-06-01" },
  targets = { { value = 18, date = "2027-01-31" }, { value = 15, date = "2027-06-30" } } }
t.same({ m.targets[1].kind, m.targets[2].kind }, { "interim", "final" }, "last target is final by default")
t.is(m:expected("2026-06-01"), 21, "expected on the baseline date is the baseline")
t.is(m:expected("2026-01-01"), 21, "before the baseline: the baseline")
t.is(m:expected("2027-01-31"), 18, "on a target date: the target")
t.is(m:expected("2030-01-01"), 15, "after the last target: the last target")
local mid = plan.dates.diff("2026-10-01", "2026-06-01") / plan.dates.diff("2027-01-31", "2026-06-01")
t.is(m:expected("2026-10-01"), 21 - 3 * mid, "between points: on the straight line")

t.is(m:assess("2026-11-26").state, "not_due", "no observation and no target due yet: not due")
down:observe { value = 20.5, date = "2026-11-01", source = "SIS export" }
local a = m and down:measurement():assess("2026-11-26")
t.is(a.state, "off_target", "20.5 on 1 Nov is above the line (down is good)")
t.is(a.actual, 20.5, "actual is the latest observation")
t.ok(math.abs(a.expected - (21 - 3 * 153 / 244)) < 1e-9, "expected on the observation's date (about 19.1)")
t.ok(not a.stale, "fresh data is not stale")
down:observe { value = 18.8, date = "2026-11-20", source = "SIS export" }
t.is(down:measurement():assess("2026-11-26").state, "on_target", "18.8 on 20 Nov is below the line (18.9): on target")
t.is(down:measurement():assess("2026-11-10").state, "off_target", "as_of before the newer observation uses the older one")
down:observe { value = 14.8, date = "2027-07-01", source = "SIS export" }
t.is(down:measurement():assess("2027-07-15").state, "met", "final target met after its date")
t.ok(math.abs(down:measurement():assess("2027-07-15").progress - (21 - 14.8) / 6) < 1e-9, "progress from baseline to final")

-- up is good, no baseline: nothing is expected before the first target date
local up = o:add { level = "outcome", kind = "interim", text = "80% of classrooms show oral language gains" }
up:measure { metric = "classrooms", unit = "%", direction = "up", targets = { { value = 80, date = "2027-05-31", kind = "final" } } }
up:observe { value = 30, date = "2026-12-01" }
t.is(up:measurement():assess("2026-12-15").state, "not_due", "no baseline, first target not yet due: not due")
t.is(up:measurement():assess("2027-06-01").state, "off_target", "a target came due after the last data, which is below it")
t.ok(up:measurement():assess("2027-06-01").stale, "data older than a target that came due is flagged stale")
t.is(up:measurement():assess("2027-06-01").expected, 80, "held to the target that came due")
t.is(down:measurement():assess("2027-02-15").state, "off_target", "18.8 from November against the 18 due in January")
t.is(down:measurement():assess("2027-02-15").expected, 18, "stale data is compared with the target due")

-- a target date passes with no data at all
local nodata = o:add { level = "outcome", text = "Staff voice at 75%" }
nodata:measure { metric = "staff agreeing", direction = "up", baseline = { value = 58, date = "2026-05-15" },
  target = { value = 75, date = "2026-11-01" } }
t.is(nodata:measurement():assess("2026-11-26").state, "no_data", "no data since a target date")

-- off_target lists both kinds of trouble, in plan and item order
local off = plan.off_target { as_of = "2027-06-01" }
local got = {}
for i, r in ipairs(off) do got[i] = { r.item.id, r.state } end
t.same(got, { { down.id, "off_target" }, { up.id, "off_target" }, { nodata.id, "no_data" } }, "off_target on 1 Jun 2027")
t.ok(tostring(off):find("80%% of classrooms show oral language ga…%s+classrooms%s+30%.0%%%s+80%.0%%%s+off target"),
  "off_target prints a table")
t.is(#p:measures { as_of = "2027-06-01" }, 3, "every measure of a plan")

-- errors
t.raises(function() up:measure { metric = "x", direction = "sideways" } end,
  "direction: 'sideways' is not a direction %(expected up or down", "bad direction")
t.raises(function() up:measure { metric = "x", targets = { { value = 1 } } } end, "targets%[1%]%.date: required", "target needs a date")
t.raises(function() up:measure { metric = "x", targets = { { value = 1, date = "2027-02-30" } } } end,
  "targets%[1%]%.date: '2027%-02%-30' is not a date", "target date checked")
t.raises(function() up:measure { metric = "x", baseline = { value = 1, date = "2027-01-01" },
  targets = { { value = 2, date = "2026-01-01" } } } end, "is before the baseline date", "target before baseline")
t.raises(function() o:observe { value = 3 } end, "has no measure yet", "observe needs a measure")
t.raises(function() up:observe { value = "lots" } end, "value: 'lots' is not a number", "observation must be a number")
t.raises(function() up:observe { value = 3, date = "yesterday" } end, "date: 'yesterday' is not a date", "observation date checked")
t.is(#up:measurement().targets, 1, "failed re-measures left the targets alone")

t.done()
