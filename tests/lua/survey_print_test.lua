-- Survey results in the REPL: results, top_areas, comments, response_rates and compare print as
-- an aligned summary (their __tostring, which the REPL's pretty printer honours), the tables stay
-- plain data, and the printed form shows nothing of a withheld group.
local t = require "tap"
local ws = require "cairn.workspace"
local survey = require "cairn.survey"
local pretty = require "cairn.pretty"
local json = require "cairn.json"

-- t.ok on a Lua pattern, showing the text when it does not match
function t.like(got, pattern, what)
  local ok = type(got) == "string" and got:find(pattern) ~= nil
  if not ok then io.stdout:write("# expected to match: ", pattern, "\n# got:\n# ", (tostring(got):gsub("\n", "\n# ")), "\n") end
  return t.ok(ok, what)
end

ws.create("Riverside Unified", "print.db")
survey.save_instrument {
  id = "climate", version = 1, title = "Climate", attributes = { "school" },
  items = {
    { code = "S1", text = "I feel safe.", scale = "agreement" },
    { code = "B1", text = "Bullying is a problem.", scale = "agreement", reverse = true },
    { code = "N1", text = "Needs", type = "checklist", options = { "Time", "Safety, discipline", "Space" } },
    { code = "Y", text = "Trained?", type = "yesno" },
    { code = "O", text = "Comments", type = "text" },
  },
}
survey.wave { name = "fall", instrument = "climate", roster = { school = { Adams = 8, Baker = 10 } } }
survey.wave { name = "spring", instrument = "climate" }
local rows = {}
-- Adams 6, Baker 7, Cedar 3 (withheld: too small); Adams is then withheld too (complementary)
for i = 1, 6 do rows[#rows + 1] = { school = "Adams", S1 = 1 + i % 4, N1 = i % 2 == 0 and { "Time" } or {}, Y = "Yes", O = "adams " .. i } end
for i = 1, 7 do rows[#rows + 1] = { school = "Baker", S1 = 4, N1 = i <= 5 and { "Safety, discipline" } or {}, Y = "Yes", O = "baker " .. i } end
for _ = 1, 3 do rows[#rows + 1] = { school = "Cedar", S1 = 2, N1 = { "Space" }, Y = "No" } end
survey.add_responses("fall", rows)
survey.add_responses("spring", rows)

local res = survey.results { wave = "fall", by = "school" }
local s = tostring(res)
t.ok(not s:find("table: 0x", 1, true), "results print as a summary, not a table address")
t.is(pretty.format(res), s, "the REPL's printer shows the same summary")
t.like(s, "^fall: climate, by school; groups under 5 respondents withheld\n", "first line: wave, instrument, breakdown, rule")
t.like(s, "\ngroup%s+respondents%s+response rate%s+item%s+n%s+favorable%s+mean%s+note\n", "column headings")
t.like(s, "\nBaker%s+7%s+70%.0%%%s+S1%s+7%s+100%.0%%%s+4%.00\n", "a group's first row: name, respondents, rate, first item")
t.like(s, "\n%s+N1%s+7%s+most checked %(71%.4%%%): Safety, discipline\n", "a checklist row: n counts who ticked nothing, most checked option")
t.like(s, "\n%s+Y%s+7%s+100%.0%%\n", "a yes/no row: percent yes, no mean")
t.like(s, "\nAll respondents%s+16%s+[%d.]*%%?%s*S1%s+16", "the whole wave last")
t.like(s, "\nitem%s+question%s+favorable answers\n", "a legend of item codes")
t.like(s, "\nS1%s+I feel safe%.%s+Agree, Strongly agree\n", "legend: code, question and the answers counted favorable")
t.like(s, "\nB1%s+Bullying is a problem%.%s+Strongly disagree, Disagree\n", "legend: a reverse-coded item's favorable answers")
t.like(s, "\nN1%s+Needs\n", "legend: a checklist has no favorable answers")
t.like(s, "help%(survey%.results%)%)$", "a hint that it is still a table")

-- privacy in the printed form: the withheld groups' lines carry their reason and nothing else
local cedar = s:match("\n(Cedar[^\n]*)")
t.like(cedar or "", "^Cedar%s+withheld: fewer than 5 respondents$", "Cedar: the reason only")
local adams = s:match("\n(Adams[^\n]*)")
t.like(adams or "", "^Adams%s+withheld so that a smaller group cannot be worked out by subtraction$",
  "Adams: the reason only, no respondents, rate or items")
local after = s:match("\nAdams[^\n]*\n([^\n]*)")
t.like(after or "", "^Baker", "no item rows under a withheld group")
t.ok(not s:find("75.0%", 1, true) and not s:find("%s6%s"), "Adams' 6 respondents and 75% rate appear nowhere")

-- still plain data: fields as documented, JSON as before
t.is(res.groups[2].items.S1.n, 7, "fields unchanged")
t.is(getmetatable(res.groups[1]), nil, "nested tables have no metatable")
local decoded = json.decode(json.encode(res))
t.is(decoded.groups[1].label, "Adams", "encodes to JSON as data")
t.is(getmetatable(res).__name, "cairn.survey.results", "the metatable names the kind of result")

-- a facilitator's shortcuts: the wave name alone, an attribute in any case
t.is(tostring(survey.results("fall")), tostring(survey.results { wave = "fall" }), "survey.results(\"fall\") is results{wave = \"fall\"}")
local cased = survey.results { wave = "fall", by = "School" }
t.same({ cased.by[1], cased.groups[2].key.school }, { "school", "Baker" }, "by = \"School\" finds the attribute school")
t.is(tostring(survey.response_rates("fall")), tostring(survey.response_rates { wave = "fall" }), "response_rates(\"fall\")")

-- two-way and a single item
local two = tostring(survey.results { wave = "fall", by = "school", items = { "S1" } })
t.ok(not two:find("N1", 1, true), "items = {...}: only those items, in rows and legend")

survey.save_instrument {
  id = "climate2", version = 1, title = "Climate", attributes = { "school", "role" },
  items = { { code = "S1", text = "I feel safe.", scale = "agreement" } } }
survey.wave { name = "two", instrument = "climate2" }
local trows = {}
for i = 1, 12 do trows[i] = { school = i <= 6 and "Adams" or "Baker", role = i % 2 == 0 and "Aide" or "Teacher", S1 = 3 } end
survey.add_responses("two", trows)
local tw = tostring(survey.results { wave = "two", by = { "school", "role" } })
t.like(tw, "\nAdams / Aide%s+withheld: fewer than 5 respondents\n", "two-way: cells labelled school / role")
t.like(tw, "%(res%.margins%.role and res%.margins%.school hold the one%-way results%)$", "two-way: where the margins are")

-- compare: change in points since the previous wave
local cmp = tostring(survey.compare { wave = "spring", previous = "fall" })
t.like(cmp, "\nAll respondents%s+16%s+[%d.]*%%?%s*S1%s+16%s+%S+%s+%S+%s+%+?0%.0 points since fall\n", "change since the previous wave")

-- top areas: district then groups, withheld groups with their reason
local top = survey.top_areas { wave = "fall", item = "N1", by = "school" }
local ts = tostring(top)
t.like(ts, "^fall: most checked options of N1 %(\"Needs\"%); groups under 5 respondents withheld\n", "top areas heading")
t.like(ts, "\nAll respondents%s+16%s+1%s+Safety, discipline%s+5%s+31%.3%%\n", "district ranking first, percents of respondents")
t.like(ts, "\nBaker%s+7%s+1%s+Safety, discipline%s+5%s+71%.4%%\n", "each group's ranking")
t.like(ts, "\nAdams%s+withheld so that", "a group withheld by complementary suppression")
t.like(ts, "\nCedar%s+withheld: fewer than 5 respondents\n", "a withheld group: its reason")
t.is(pretty.format(top), ts, "top areas in the REPL")

-- comments: only groups large enough, one per line
local com = tostring(survey.comments { wave = "fall", item = "O" })
t.like(com, "^fall: O \"Comments\"; comments shown only for groups of 10 or more respondents\n", "comments heading")
t.like(com, "\nAll respondents %(13 comments%)\n  %- adams 1\n", "the comments, sorted")
local comb = tostring(survey.comments { wave = "fall", item = "O", by = "school" })
t.like(comb, "\nBaker: withheld: comments are shown only for groups of 10 or more respondents\n", "a group too small for comments")
t.is(select(2, comb:gsub("baker 1", "")), 1, "Baker's comments only in the whole list")

-- response rates
local rr = tostring(survey.response_rates { wave = "fall", by = "school" })
t.like(rr, "\nBaker%s+7%s+70%.0%%\n", "respondents and rate")
t.like(rr, "\nAdams%s+withheld so that", "withheld rates say why")
t.ok(not rr:find("75.0%", 1, true), "no rate of a withheld group")

t.done()
