-- Importing responses: each export style, dedupe, --check, anonymous and confidential waves,
-- --map, the SQL views, and add_responses.
local t = require "tap"
local ws = require "cairn.workspace"
local survey = require "cairn.survey"

local tests = os.getenv("CAIRN_TESTS")
local fx = tests .. "/survey/fixtures/"
ws.create("Riverside Unified", "import.db")
local db = ws.db()
survey.save_instrument(dofile(fx .. "staff_instrument.lua"))

local function answers(wave)
  local out = {}
  for r in db:rows("SELECT respondent, item, value, label FROM survey_answers WHERE wave = ? ORDER BY respondent, item, value", wave) do
    out[#out + 1] = string.format("%s=%s", r.item, r.label or tostring(r.value))
  end
  return table.concat(out, " ")
end

-- Google Forms: question-text headers, labels, "A;B" and "A, B" multi-select, a quoted newline
local g = survey.import { file = fx .. "google.csv", instrument = "staff_climate", wave = "google" }
t.is(g.style, "google", "Google Forms export recognised")
t.same({ g.rows, g.added, g.duplicates }, { 5, 5, 0 }, "five rows, five responses")
t.is(g.columns[1].target, "(not stored)", "Timestamp is not stored")
t.is(g.created_wave, true, "the wave was created for the instrument")
local first = db:query("SELECT item, value FROM survey_answers WHERE wave = 'google' AND respondent = "
  .. "(SELECT min(respondent) FROM survey_answers WHERE wave = 'google') ORDER BY item, value").rows
local got = {}
for _, r in ipairs(first) do got[#got + 1] = r[1] .. "=" .. tostring(r[2]) end
t.is(table.concat(got, " "), "C1=4 C2=2 C3=3 H1=12.0 N1=1 N1=2 Y1=1",
  "first row: labels to values, 'Communication;Safety, discipline' to two options")
t.is(db:value("SELECT value FROM survey_answers WHERE wave = 'google' AND item = 'O1' AND value LIKE 'Line%'"),
  "Line one\r\nline two", "a quoted line break inside an answer is kept")
t.is(db:value("SELECT count(*) FROM survey_answers WHERE wave = 'google' AND item = 'C1' AND label = 'Not applicable'"), 1,
  "'Not applicable' stored as the n/a level")
t.same(db:query("SELECT attribute, value, count(*) FROM survey_respondents WHERE wave = 'google' GROUP BY 1, 2 ORDER BY 1, 2").rows,
  { { "role", "Aide", 1 }, { "role", "Teacher", 4 }, { "school", "Adams", 3 }, { "school", "Baker", 2 } },
  "attributes through the survey_respondents view")

-- the same file again adds nothing; --check stores nothing
local again = survey.import { file = fx .. "google.csv", wave = "google" }
t.same({ again.added, again.duplicates }, { 0, 5 }, "importing the same file twice does not duplicate")
local before = db:value("SELECT count(*) FROM survey_import")
local chk = survey.import { file = fx .. "plain.csv", wave = "google", check = true }
t.same({ chk.checked, chk.added }, { true, 3 }, "--check reports what would be added")
t.is(db:value("SELECT count(*) FROM survey_response WHERE wave_id = (SELECT id FROM survey_wave WHERE name = 'google')"), 5,
  "--check stored no response")
t.is(db:value("SELECT count(*) FROM survey_import"), before, "--check left no import record")

-- Qualtrics: three header rows, codes in row 1, question text in row 2, ids dropped
local q = survey.import { file = fx .. "qualtrics.csv", instrument = "staff_climate", wave = "qualtrics" }
t.same({ q.style, q.rows, q.added }, { "qualtrics", 3, 3 }, "Qualtrics: three header rows skipped")
t.is(q.columns[9].target, "(identifying; dropped: anonymous wave)", "ResponseId dropped in an anonymous wave")
t.is(db:value("SELECT count(*) FROM survey_response WHERE ref IS NOT NULL"), 0, "no respondent id kept")
t.is(answers("qualtrics"):sub(1, 84), "C1=Strongly agree C2=Disagree C3=Often H1=12.0 N1=Communication N1=Facilities Y1=Yes",
  "Qualtrics 'Communication,Facilities' split on the comma")

-- LimeSurvey: codes, one Y column per checklist option
local l = survey.import { file = fx .. "limesurvey.csv", instrument = "staff_climate", wave = "lime" }
t.same({ l.style, l.added }, { "limesurvey", 4 }, "LimeSurvey export")
t.is(l.columns[11].target, "N1 = Communication", "N1[SQ001] is option 1 of N1")
t.is(db:value("SELECT count(*) FROM survey_answers WHERE wave = 'lime' AND item = 'N1'"), 8, "eight options ticked in all (2 + 1 + 1 + 4)")

-- plain: codes and numbers
local p = survey.import { file = fx .. "plain.csv", instrument = "staff_climate", wave = "plain" }
t.same({ p.style, p.added }, { "plain", 3 }, "plain file with codes and numbers")
t.is(db:value("SELECT count(*) FROM survey_answers WHERE wave = 'plain' AND item = 'C1'"), 2, "a blank answer is no answer")

-- confidential wave keeps the id; identical rows in one file are two respondents
survey.wave { name = "conf", instrument = "staff_climate", mode = "confidential" }
local c = survey.import { file = fx .. "qualtrics.csv", wave = "conf" }
t.is(c.columns[9].target, "(respondent id)", "ResponseId is the respondent id of a confidential wave")
t.same(db:query("SELECT ref FROM survey_response r JOIN survey_wave w ON w.id = r.wave_id WHERE w.name = 'conf' ORDER BY ref").rows,
  { { "R_1abc" }, { "R_2def" }, { "R_3ghi" } }, "ids kept")
local twin = os.tmpname()
local f = assert(io.open(twin, "w"))
f:write("school,role,C1\nAdams,Teacher,4\nAdams,Teacher,4\nAdams,Teacher,3\n")
f:close()
local tw = survey.import { file = twin, instrument = "staff_climate", wave = "twins" }
t.same({ tw.added, tw.duplicates }, { 3, 0 }, "two identical rows in one file are two respondents")
local tw2 = survey.import { file = twin, wave = "twins" }
t.same({ tw2.added, tw2.duplicates }, { 0, 3 }, "and importing that file again adds neither")
os.remove(twin)

-- --map: a header the instrument does not know
local odd = os.tmpname()
f = assert(io.open(odd, "w"))
f:write("Which building?,Q1,Extra notes\nAdams,SA,hello\n")
f:close()
local mapf = os.tmpname()
f = assert(io.open(mapf, "w"))
f:write("column,target\nWhich building?,school\nExtra notes,ignore\n")
f:close()
t.raises(function() survey.import { file = odd, instrument = "staff_climate", wave = "mapped" } end,
  "%(Which building%?%): \"Which building%?\": expected a question", "without the map the column is unknown")
local m = survey.import { file = odd, instrument = "staff_climate", wave = "mapped", map = mapf }
t.same({ m.added, m.columns[1].target, m.columns[2].target, m.columns[3].target }, { 1, "school", "C1", "(not stored)" },
  "--map names the column; alias Q1 and answer alias SA resolve")
local m2 = survey.import { file = odd, wave = "mapped2", instrument = "staff_climate",
  map = { ["Which building?"] = "school", ["Extra notes"] = "ignore" } }
t.is(m2.added, 1, "a map can be a Lua table")
os.remove(odd); os.remove(mapf)

-- add_responses (tools and data entry use it)
survey.wave { name = "lua", instrument = "staff_climate" }
local a = survey.add_responses("lua", {
  { school = "Adams", role = "Teacher", C1 = "Agree", C2 = 4, N1 = { "Facilities", "Communication" }, H1 = 3, O1 = "ok" },
  { school = "adams ", role = "Teacher", C1 = 3 },
})
t.same({ a.added, a.duplicates }, { 2, 0 }, "add_responses adds")
t.is(db:value("SELECT count(DISTINCT value) FROM survey_respondents WHERE wave = 'lua' AND attribute = 'school'"), 1,
  "attribute values match without regard to case and spaces")
t.same(survey.add_responses("lua", { { school = "Adams", role = "Teacher", C1 = "Agree", C2 = 4,
  N1 = { "Facilities", "Communication" }, H1 = 3, O1 = "ok" }, { school = "adams ", role = "Teacher", C1 = 3 } }),
  { added = 0, duplicates = 2 }, "the same batch again adds nothing")
t.raises(function() survey.add_responses("lua", { { school = "Adams", C1 = "Sort of" } }) end,
  "response 1: C1: \"Sort of\": expected one of Strongly disagree", "a bad value names the response and item")
t.raises(function() survey.add_responses("lua", { { building = "Adams" } }) end,
  "unknown field 'building'", "an unknown field is refused")

-- counts tables agree with a plain SQL count
t.is(db:value("SELECT respondents FROM survey_counts c JOIN survey_wave w ON w.id = c.wave_id WHERE w.name = 'google' AND position = 0"), 5,
  "precomputed counts: whole wave")
t.same(survey.check(db), {}, "survey.check finds nothing wrong")
db:exec("DELETE FROM survey_response WHERE id = (SELECT max(id) FROM survey_response)")
t.ok(#survey.check(db) == 1 and survey.check(db)[1]:find("count tables say"), "survey.check notices stale counts")
t.done()
