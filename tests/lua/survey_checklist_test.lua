-- Checklists: a checklist returned with nothing ticked is a respondent (add_responses and
-- import; a wholly blank row is still skipped), and multi-select cells of a Google Forms export
-- (options joined with ", ", several labels containing commas) are split by matching the known
-- labels, longest first, with an unknown option reported as the exact text left over.
local t = require "tap"
local ws = require "cairn.workspace"
local survey = require "cairn.survey"
local tool = require "cairn.tool"

ws.create("Riverside Unified", "checklist.db")
local db = ws.db()
ws.set_setting("survey.min_group_size", 1) -- small fixtures; privacy has its own tests

-- the Opportunity Checklist's own instrument and labels
local def = tool.load("opportunity_checklist")
local labels = {}
for _, it in ipairs(def.items()) do labels[#labels + 1] = it.text end
survey.save_instrument(def.survey.instrument())
local function write(path, text)
  local f = assert(io.open(path, "w"))
  f:write(text)
  f:close()
end
local function q(s) return '"' .. s:gsub('"', '""') .. '"' end

-- ---- nothing ticked --------------------------------------------------------------------------
survey.wave { name = "lua", instrument = "opportunity_checklist" }
local r = survey.add_responses("lua", {
  { school = "Adams", role = "educator", areas = { labels[1], labels[9] } },
  { school = "Adams", role = "educator", areas = {} },          -- returned, nothing ticked
  { school = "Adams", role = "parent", areas = {} },
  { school = "Adams", role = "parent", areas = { labels[9] } },
  { school = "Adams", role = "educator", areas = { labels[32] } },
  {},                                                            -- nothing at all: not a response
})
t.same({ r.added, r.duplicates }, { 5, 0 }, "add_responses: checklists with nothing ticked are stored; an empty table is not")
local res = survey.results { wave = "lua" }
local areas = res.total.items.areas
t.same({ res.total.respondents, areas.n, areas.missing, areas.none }, { 5, 5, 0, 2 },
  "nothing ticked counts in n, not as missing (none = 2)")
t.is(areas.percents[9], 40.0, "percents are of every respondent: 2 of 5")
local top = survey.top_areas { wave = "lua", item = "areas" }
t.same({ top.district.n, top.district.none, top.district.ranked[1].option, top.district.ranked[1].percent },
  { 5, 2, labels[9], 40.0 }, "top_areas: same base, and how many ticked nothing")

-- an import: a row with nothing ticked is a respondent, a blank row is not
write("none.csv", "Timestamp,school,role,areas\n"
  .. "2026/10/01 9:00:00,Baker,educator," .. q(labels[4]) .. "\n"
  .. "2026/10/01 9:01:00,Baker,educator,\n"            -- a submitted form, no box ticked
  .. "2026/10/01 9:02:00,,,\n"                        -- still a submitted form
  .. ",,,\n"                                          -- a wholly blank row
  .. "\n"                                             -- a blank line
  .. "2026/10/01 9:03:00,Baker,parent," .. q(labels[4] .. ", " .. labels[5]) .. "\n")
local imp = survey.import { file = "none.csv", wave = "csv", instrument = "opportunity_checklist" }
t.same({ imp.rows, imp.added, imp.empty }, { 5, 4, 1 }, "import: rows with nothing ticked stored, the blank row skipped")
local cres = survey.results { wave = "csv" }
t.same({ cres.total.respondents, cres.total.items.areas.n, cres.total.items.areas.none }, { 4, 4, 2 },
  "imported: 4 respondents, 2 ticked nothing")
t.is(survey.import { file = "none.csv", wave = "csv" }.added, 0, "importing again adds nothing (empty checklists dedupe too)")

-- a staff survey without a checklist: a row that answers nothing is still skipped
survey.save_instrument { id = "scales", version = 1, title = "Scales", attributes = { "school" },
  items = { { code = "S1", text = "Safe", scale = "agreement" } } }
write("scales.csv", "Timestamp,school,S1\n2026/10/01,Adams,Agree\n2026/10/01,Adams,\n")
local si = survey.import { file = "scales.csv", wave = "scales", instrument = "scales" }
t.same({ si.added, si.empty }, { 1, 1 }, "no checklist: a row with no answer is skipped as before")

-- ---- Google Forms multi-select -----------------------------------------------------------------
-- every area ticked, joined with ", " as Google Forms does; labels 2, 8, 9, 10, 13, 14, 19, 29, 32
-- contain commas themselves
write("google.csv", "Timestamp,School,Role,Top areas where school needs to improve\n"
  .. "2026/10/01 10:00:00,Cedar,educator," .. q(table.concat(labels, ", ")) .. "\n"
  .. "2026/10/01 10:01:00,Cedar,educator," .. q(labels[9] .. ", " .. labels[10] .. "; " .. labels[32]) .. "\n"
  .. "2026/10/01 10:02:00,Cedar,educator," .. q(labels[32] .. ", 5, " .. labels[9]:upper()) .. "\n")
local gi = survey.import { file = "google.csv", wave = "google", instrument = "opportunity_checklist" }
t.is(gi.added, 3, "Google Forms export: all three rows")
local function ticked(n)
  local list = {}
  for row in db:rows("SELECT value FROM survey_answers WHERE wave = 'google' AND respondent = "
    .. "(SELECT respondent FROM survey_answers WHERE wave = 'google' GROUP BY respondent ORDER BY respondent LIMIT 1 OFFSET ?) "
    .. "ORDER BY value", n - 1) do
    list[#list + 1] = row.value
  end
  return table.concat(list, ",")
end
local all = {}
for i = 1, 32 do all[i] = i end
t.is(ticked(1), table.concat(all, ","), "all 32 areas, commas inside labels kept whole")
t.is(ticked(2), "9,10,32", "'Clean, unbroken flooring, Ample ... ; Relevant, timely ...': three areas, separators mixed")
t.is(ticked(3), "5,9,32", "an option number and a label in capitals")

-- add_responses with the options as text splits them the same way
survey.wave { name = "text", instrument = "opportunity_checklist" }
t.is(survey.add_responses("text", { { school = "Dover", areas = labels[9] .. ", " .. labels[28] .. "; 5" } }).added, 1,
  "add_responses: options as text")
local tres = survey.results { wave = "text" }.total.items.areas
t.same({ tres.counts[5], tres.counts[9], tres.counts[28], tres.counts[10] }, { 1, 1, 1, 0 }, "add_responses: the same split as an import")
local ok, err = pcall(survey.add_responses, "text", { { school = "Dover", areas = labels[9] .. ", Swimming pool, Ice rink" } })
t.ok(not ok and tostring(err):find('response 1: areas: "Swimming pool, Ice rink": expected', 1, true),
  "add_responses: the exact leftover text in the error")

-- an unknown option: the exact text left between the known ones
local function import_error(cell)
  write("bad.csv", "Timestamp,School,Role,Top areas where school needs to improve\n"
    .. "2026/10/01,Dover,educator," .. q(cell) .. "\n")
  local ok, err = pcall(survey.import, { file = "bad.csv", wave = "google" })
  return not ok and tostring(err) or "no error"
end
local typo = "Fine Arts (music, art, and theater, for example)"
local e = import_error(labels[4] .. ", " .. typo .. ", " .. labels[32])
t.ok(e:find('bad.csv:2:4 (Top areas where school needs to improve): "' .. typo .. '": expected options of areas', 1, true),
  "a misspelt label with commas is reported whole, with file, line and column")
e = import_error(labels[4] .. ", Swimming pool, Ice rink")
t.ok(e:find('"Swimming pool, Ice rink": expected', 1, true), "two unknown options at the end: the leftover text")
e = import_error("Clean, " .. labels[4])
t.ok(e:find(': "Clean": expected', 1, true), "the start of a label is not the label")
t.is(db:value("SELECT count(*) FROM survey_response r JOIN survey_wave w ON w.id = r.wave_id WHERE w.name = 'google'"), 3,
  "nothing stored by the failed imports")

t.done()
