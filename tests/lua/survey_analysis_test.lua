-- Analysis against hand-computed values: n, distribution, percent favorable, mean and sample
-- standard deviation, reverse coding, checklist ranking, numbers, yes/no, missing and n/a,
-- breakdowns (one and two attributes), change since a previous wave, comments, response rates.
local t = require "tap"
local ws = require "cairn.workspace"
local host = require "cairn.host"
local survey = require "cairn.survey"

ws.create("Riverside Unified", "analysis.db")
local function r4(x) return host.round(x, 4) end

survey.save_instrument {
  id = "climate", version = 1, title = "Climate", attributes = { "school", "role" },
  items = {
    { code = "S1", text = "I feel safe.", scale = "agreement" },
    { code = "S2", text = "Bullying is a problem.", scale = "agreement", reverse = true },
    { code = "N1", text = "Needs", type = "checklist", options = { "Time", "Safety", "Space" } },
    { code = "H", text = "Hours", type = "number" },
    { code = "Y", text = "Trained?", type = "yesno" },
    { code = "O", text = "Comments", type = "text" },
  },
}
survey.wave { name = "fall", instrument = "climate", starts = "2026-10-01",
  roster = { school = { A = 8, B = 10, C = 4 } } }
local rows = {}
local A = {
  { "T", 4, 1, { "Time", "Safety" }, 10, "Yes" }, { "T", 4, 2, { "Time" }, 20, "Yes" },
  { "T", 3, 2, nil, 30, "No" }, { "S", 2, 4, { "Space" }, 40, "Yes" },
  { "S", 1, 3, { "Time", "Space" }, 50, "No" }, { "S", 3, 1, { "Safety" }, 60, "Yes" },
}
for i, a in ipairs(A) do
  rows[#rows + 1] = { school = "A", role = a[1], S1 = a[2], S2 = a[3], N1 = a[4], H = a[5], Y = a[6],
    O = "comment " .. i }
end
for _, v in ipairs { 3, 3, 4, 4, 2 } do rows[#rows + 1] = { school = "B", role = "T", S1 = v } end
rows[#rows + 1] = { school = "C", role = "T", S1 = 1 }
rows[#rows + 1] = { school = "C", role = "S", S1 = 2, S2 = "Not applicable" }
survey.add_responses("fall", rows)

t.is(survey.results { wave = "fall" }.min_group_size, 5, "default minimum group size is 5 (settings table)")
-- the statistics first, with nothing withheld (privacy is checked below at the default of 5)
ws.set_setting("survey.min_group_size", 1)
local res = survey.results { wave = "fall", by = "school" }
local g = {}
for _, x in ipairs(res.groups) do g[x.label] = x end
t.same({ res.groups[1].label, res.groups[2].label, res.groups[3].label }, { "A", "B", "C" }, "groups sorted")
local s1 = g.A.items.S1
t.same({ s1.n, s1.missing, s1.na, s1.counts }, { 6, 0, 0, { 1, 1, 2, 2 } }, "S1 at A: n, missing, n/a, distribution")
t.is(r4(s1.favorable), 66.6667, "S1 at A: percent favorable 4/6")
t.is(r4(s1.mean), 2.8333, "S1 at A: mean 17/6")
t.is(r4(s1.sd), 1.169, "S1 at A: sample standard deviation")
t.same({ r4(s1.percents[1]), r4(s1.percents[3]) }, { 16.6667, 33.3333 }, "S1 at A: percents of n")
local s2 = g.A.items.S2
t.same(s2.counts, { 2, 2, 1, 1 }, "S2 at A: counts are of the answers as given")
t.same({ r4(s2.mean), r4(s2.favorable), r4(s2.sd) }, { 2.8333, 66.6667, 1.169 },
  "S2 reverse coded: 1,2,2,4,3,1 scored 4,3,3,1,2,4")
t.same(res.items[2].favorable_levels, { 1, 2 }, "reverse coded: disagreeing is favorable")
local n1 = g.A.items.N1
t.same({ n1.n, n1.missing, n1.none, n1.counts }, { 6, 0, 1, { 3, 2, 2 } },
  "checklist: a respondent who ticked nothing counts in n (none = 1), never as missing")
t.same({ n1.ranked[1].option, n1.ranked[1].count, n1.ranked[1].percent, n1.ranked[2].option, n1.ranked[3].option },
  { "Time", 3, 50.0, "Safety", "Space" }, "checklist ranked, ties in option order, percents of every respondent")
local h = g.A.items.H
t.same({ h.n, h.mean, r4(h.sd), h.min, h.max }, { 6, 35.0, 18.7083, 10, 60 }, "number item")
local y = g.A.items.Y
t.same({ y.counts, r4(y.favorable), r4(y.mean) }, { { 2, 4 }, 66.6667, 0.6667 }, "yes/no item")
t.is(g.A.items.O.n, 6, "text item: only n")
t.is(r4(g.A.response_rate), 0.75, "response rate from the roster (6 of 8)")

local tot = res.total.items.S1
t.same({ res.total.respondents, tot.n, r4(tot.mean), r4(tot.sd), r4(tot.favorable) }, { 13, 13, 2.7692, 1.0919, 61.5385 },
  "whole wave S1: 13 answers")
t.same({ tot.na, res.total.items.S2.n }, { 0, 6 }, "n/a is not in n")
t.same({ r4(res.total.items.S2.mean), res.total.items.S2.na }, { 2.8333, 1 }, "whole wave S2: A's six answers and C's n/a")

local a_only = survey.results { wave = "fall", where = { school = "a" }, items = { "S1" } }
t.is(a_only.groups[1].items.S1.n, 6, "A alone, case-insensitive")
t.same(a_only.items[1].code, "S1", "items = {...} selects items")

-- suppression at the default minimum of 5, one pattern for every table of the wave. C has 2
-- (primary). The school table alone would let C = total - A - B; B is a single cell B/T of
-- the school x role table, so withholding B would need B/T too: withholding A (6) is cheaper.
ws.set_setting("survey.min_group_size", 5)
res = survey.results { wave = "fall", by = "school" }
g = {}
for _, x in ipairs(res.groups) do g[x.label] = x end
t.same({ g.C.suppressed, g.C.reason }, { true, "fewer than 5 respondents" }, "C withheld: too few")
t.same({ g.A.suppressed, g.A.reason }, { true, "withheld so that a smaller group cannot be worked out by subtraction" },
  "A withheld so C cannot be worked out from the total")
t.is(g.A.respondents, nil, "a withheld group carries no numbers at all")
t.is(g.A.response_rate, nil, "nor a response rate")
t.same({ g.B.respondents, g.B.items.S1.n }, { 5, 5 }, "B shown")
t.is(res.total.respondents, 13, "the total is shown")

-- one school: the same decisions as the breakdown
local one = survey.results { wave = "fall", where = { school = "A" } }
t.same({ #one.groups, one.groups[1].suppressed }, { 1, true }, "A alone is withheld too (same pattern as the breakdown)")

-- two attributes: school x role
local two = survey.results { wave = "fall", by = { "school", "role" }, items = { "S1" } }
local cells = {}
for _, x in ipairs(two.groups) do cells[x.label] = x end
t.ok(cells["A / T"].suppressed and cells["A / S"].suppressed, "A/T (3) and A/S (3) both withheld")
t.is(cells["B / T"].respondents, 5, "B/T shown, as its margin B is (the same five people)")
t.is(#two.margins.school, 3, "school margins")
t.ok(two.margins.school[1].suppressed and two.margins.school[2].items.S1.n == 5,
  "margins as in the one-way result")
t.ok(two.margins.role[1].suppressed and two.margins.role[2].suppressed,
  "roles S (4) and T (9 = 13 - 4) withheld")
local audit = require("cairn.survey.audit_wave").run { wave = "fall" }
t.same(audit.problems, {}, "the audit finds nothing recoverable")

-- comments: only groups of 10 or more, never with attributes
local cm = survey.comments { wave = "fall", item = "O" }
t.same(cm.all.comments, { "comment 1", "comment 2", "comment 3", "comment 4", "comment 5", "comment 6" },
  "comments listed sorted when the wave has 10+ respondents")
local cb = survey.comments { wave = "fall", item = "O", by = "school" }
t.ok(cb.groups[1].suppressed and cb.groups[1].reason:find("10 or more"), "A's comments withheld (6 < 10)")
for _, c in ipairs(cm.all.comments) do t.ok(type(c) == "string", "a comment is just text") break end

-- change since a previous wave, through the crosswalk of a new version
survey.save_instrument {
  id = "climate", version = 2, title = "Climate", attributes = { "school", "role" },
  items = { { code = "SAFE", text = "I feel safe at my school.", scale = "agreement" } },
  crosswalk = { SAFE = "S1" },
}
survey.wave { name = "spring", instrument = "climate" }
local rows2 = {}
for _, v in ipairs { 4, 4, 4, 3, 3, 2 } do rows2[#rows2 + 1] = { school = "A", role = "T", SAFE = v } end
for _, v in ipairs { 4, 4, 4, 4, 4 } do rows2[#rows2 + 1] = { school = "B", role = "T", SAFE = v } end
for _, v in ipairs { 4, 4 } do rows2[#rows2 + 1] = { school = "C", role = "T", SAFE = v } end
survey.add_responses("spring", rows2)
ws.set_setting("survey.min_group_size", 1)
local ch = survey.results { wave = "spring", by = "school", compare = "fall" }
local A2 = ch.groups[1].items.SAFE
t.same({ r4(A2.favorable), r4(A2.change.favorable), r4(A2.change.mean), A2.change.previous_n },
  { 83.3333, 16.6667, 0.5, 6 }, "A: favorable 83.3 (+16.7), mean +0.5 since fall, via the crosswalk SAFE <- S1")
t.same({ r4(ch.total.items.SAFE.change.favorable) }, { r4(12 / 13 * 100 - 61.5385) }, "whole wave change")
ws.set_setting("survey.min_group_size", 5)
ch = survey.results { wave = "spring", by = "school", compare = "fall" }
t.ok(ch.groups[2].suppressed and ch.groups[3].suppressed, "spring: B and C withheld (B is its one cell B/T, A is not)")
t.same(ch.groups[1].items.SAFE.change, { suppressed = true, reason = "the previous wave's result is withheld or missing" },
  "A's change: compared only with what the previous wave's pattern published (A was withheld in fall)")

-- the minimum is a workspace setting
ws.set_setting("survey.min_group_size", 2)
local low = survey.results { wave = "fall", by = "school", items = { "S1" } }
t.ok(not low.groups[2].suppressed and not low.groups[3].suppressed, "with a minimum of 2 every school is shown")
local rr = survey.response_rates { wave = "fall", by = "school" }
t.same({ rr.groups[3].respondents, r4(rr.groups[3].response_rate) }, { 2, 0.5 }, "response rates")
t.done()
