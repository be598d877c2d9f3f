-- Scales, instruments (validation, versions, crosswalk), waves, the CSV question bank and
-- paper-form entry.
local t = require "tap"
local ws = require "cairn.workspace"
local survey = require "cairn.survey"

ws.create("Riverside Unified", "model.db")
local db = ws.db()

-- scales
t.same(survey.scales(), { "agreement", "agreement5", "frequency", "quality", "rating", "yesno" }, "shipped scales")
local ag = survey.scale("agreement")
t.same({ #ag.levels, ag.levels[1].label, ag.levels[4].value, ag.favorable, ag.na }, { 4, "Strongly disagree", 4, { 3, 4 }, "Not applicable" },
  "agreement: 4 levels, favorable 3 and 4, not applicable")
t.same({ survey.scale("rating").levels[3].label, survey.scale("rating").favorable }, { "Strong", { 3 } },
  "the Strong / Adequate / Needs Work rating")
t.raises(function() survey.scale("likert7") end, "unknown scale 'likert7' %(known: agreement, agreement5", "unknown scale")
survey.define_scale { name = "readiness", levels = { "Not yet", "Partly", "Ready" }, favorable = { 3 } }
t.is(survey.scale("readiness").levels[2].value, 2, "a district scale; plain labels get values 1..n")
t.raises(function() survey.define_scale { name = "bad", levels = { "A", "A" } } end, "level label 'A' appears twice", "duplicate labels")
t.raises(function() survey.define_scale { name = "bad", levels = { "A", "B" }, favorable = { 5 } } end,
  "favorable value 5 is not one of the level values", "favorable must be a level")

-- instruments
local def = {
  id = "staff", version = 1, title = "Staff survey", attributes = { "school", "role" },
  sections = {
    { title = "Climate", items = {
      { code = "C1", text = "I feel safe.", scale = "agreement", aliases = { "Safety" } },
      { code = "C2", text = "Morale is low.", scale = "agreement", reverse = true } } },
    { title = "More", items = {
      { code = "R", text = "Your role", type = "choice", options = { "Teacher", "Aide" } },
      { code = "N", text = "Needs", type = "checklist", options = { "Time", { label = "Space", aliases = { "Room" } } } },
      { code = "H", text = "Hours", type = "number", min = 0 },
      { code = "O", text = "Comments", type = "text" } } },
  },
}
local inst = survey.save_instrument(def)
t.same({ inst.id, inst.version, #inst.items, inst.items[3].section, inst.by_code.C2.reverse }, { "staff", 1, 6, "More", true },
  "validated: items flattened in order, sections kept")
t.same({ inst.layout.bytes, inst.layout.cells }, { 13, 6 + 6 + 4 + 4 + 6 + 2 }, "layout: bytes and count cells")
t.is(survey.save_instrument(def).version, 1, "saving the same definition again is a no-op")
local changed = { id = "staff", version = 1, title = "Staff survey", items = { { code = "C1", text = "Changed" } } }
t.raises(function() survey.save_instrument(changed) end, "already stored with a different definition; save the change as version 2",
  "a change needs a new version")
local bad_cases = {
  { { id = "x", items = { { code = "1a", text = "t" } } }, "code must be like C1" },
  { { id = "x", items = { { code = "A", text = "t" }, { code = "A", text = "u" } } }, "item A: code appears twice" },
  { { id = "x", items = { { code = "A", text = "t", type = "slider" } } }, "type 'slider' is not one of scale, checklist" },
  { { id = "x", items = { { code = "A", text = "t", type = "choice" } } }, "a choice item needs options" },
  { { id = "x", items = { { code = "A", text = "t", type = "number", reverse = true } } }, "only scale items can be reverse coded" },
  { { id = "x", items = { { code = "A", text = "" } } }, "item A: text is required" },
  { { id = "x", items = { { code = "A", text = "t", scale = "nope" } } }, "unknown scale 'nope'" },
  { { id = "x", attributes = { "school", "school" }, items = { { code = "A", text = "t" } } }, "attribute 'school' appears twice" },
  { { id = "x", items = { { code = "A", text = "t" } }, crosswalk = { B = "A0" } }, "crosswalk names item B" },
}
for _, c in ipairs(bad_cases) do
  t.raises(function() survey.instrument(c[1]) end, c[2]:gsub("%p", "%%%0"), "instrument error: " .. c[2])
end
local v2 = survey.save_instrument { id = "staff", version = 2, title = "Staff survey v2", attributes = { "school", "role" },
  items = { { code = "SAFE", text = "I feel safe at school.", scale = "agreement" } }, crosswalk = { SAFE = "C1" } }
t.same({ survey.get_instrument("staff").version, survey.get_instrument("staff", 1).version, v2.crosswalk.SAFE }, { 2, 1, "C1" },
  "versions: latest by default; crosswalk kept")
t.same(#survey.instruments(), 2, "instruments lists every version")
t.raises(function() survey.get_instrument("nope") end, "no instrument 'nope' in this workspace %(known: staff%)", "unknown instrument")

-- waves
local w = survey.wave { name = "2026 fall", instrument = "staff", version = 1, starts = "2026-10-01", ends = "2026-10-31",
  audience = "all staff", mode = "confidential", roster = { school = { Adams = 20 } } }
t.same({ w.name, w.instrument, w.version, w.mode, w.roster.school.Adams }, { "2026 fall", "staff", 1, "confidential", 20 }, "a wave")
t.raises(function() survey.wave { name = "x", instrument = "staff", starts = "10/01/2026" } end,
  "starts '10/01/2026' is not a date %(expected YYYY%-MM%-DD%)", "dates checked")
t.raises(function() survey.wave { name = "x", instrument = "staff", mode = "open" } end, "must be anonymous or confidential", "mode checked")
t.raises(function() survey.wave { name = "x", instrument = "staff", roster = { grade = { ["9"] = 3 } } } end,
  "roster names attribute 'grade'", "roster attributes checked")
t.is(#survey.waves(), 1, "waves")

-- question bank: save, load back, identical
local csvtext = survey.save_bank("staff", "bank.csv")
t.ok(csvtext:find("instrument,version,title,attributes,section,code,text,type,scale,options", 1, true) == 1, "bank header")
local back = survey.load_bank("bank.csv")
t.same({ back.id, back.version, #back.items, back.by_code.SAFE.scale.name, back.crosswalk.SAFE }, { "staff", 2, 1, "agreement", "C1" },
  "the latest version round-trips")
survey.save_bank(survey.get_instrument("staff", 1), "bank1.csv")
local b1 = survey.load_bank("bank1.csv")
t.same({ #b1.items, b1.by_code.N.options[2].label, b1.by_code.C2.reverse, b1.attributes, b1.items[3].section },
  { 6, "Space", true, { "school", "role" }, "More" }, "version 1 round-trips through the bank")
local function bank(text)
  local g = assert(io.open("b.csv", "w"))
  g:write(text)
  g:close()
  local ok, err = pcall(survey.load_bank, "b.csv")
  return ok and err or tostring(err)
end
t.is(bank("code,text,type\nQ1,Hello,slider\n"), 'b.csv:2:3 (type): "slider": expected one of scale, checklist, choice, yesno, number, text',
  "bank: a bad type names line and column")
t.is(bank("code,text,colour\nQ1,Hello,red\n"), 'b.csv:1:3 (colour): "colour": expected one of the bank columns instrument, version, title, attributes, section, code, text, type, scale, options, reverse, aliases, previous_code, min, max',
  "bank: an unknown column")
t.is(bank("code,text,scale\nQ1,Hello,likert\n"), 'b.csv:2:3 (scale): "likert": expected one of the scales agreement, agreement5, frequency, quality, rating, readiness, yesno',
  "bank: an unknown scale")
t.is(bank("code,text\nQ1,Hello\nQ1,Again\n"), "b.csv:3: instrument b: item Q1: code appears twice", "bank: duplicate code points at its row")
t.is(bank("code,text,type,options\nQ1,Pick,Multi-select,Red|Green\n").by_code.Q1.type, "checklist", "bank: spreadsheet words for types")

-- paper-form entry
survey.wave { name = "paper", instrument = "staff", version = 1 }
local out = {}
local sink = { write = function(_, ...) for _, s in ipairs { ... } do out[#out + 1] = s end end, flush = function() end }
local r = survey.entry { wave = "paper", quiet = false, output = sink, input = table.concat({
  "Adams Teacher 4 1 1 1+2 12 \"Needs more planning time\"",
  "# a note",
  "Adams Aide SA - 2 Room - -",
  "Baker Teacher 5 1 1 - - -",
  "Baker Teacher 3 2",
  "Baker Teacher 3 2 1 3 - -",
  "Baker Teacher 3 2 1 - -1 -",
  "Cedar Teacher 2 2 1 - 3 -",
  "undo",
  "\"Dover Elementary\" Teacher 2 2 1 Time 0 -",
  "done",
  "Ignored 1 1 1 - - -",
}, "\n") }
local text = table.concat(out)
t.same({ r.kept, r.added, #r.errors }, { 3, 3, 4 }, "entry: three forms kept, four lines refused, one undone")
t.ok(text:find('line 4: C1: "5": expected one of Strongly disagree, Disagree, Agree, Strongly agree', 1, true),
  "entry: a value outside the scale")
t.ok(text:find("line 5: 4 values: expected 8 (school role C1 C2 R N H O", 1, true), "entry: a short line")
t.ok(text:find("line 6: N: option 3: expected 1-2", 1, true), "entry: a checklist option out of range")
t.ok(text:find('line 7: H: "-1": expected a number of at least 0', 1, true), "entry: a number below its minimum")
t.ok(text:find("line 9: dropped the last form (2 kept)", 1, true), "entry: undo")
t.ok(text:find("stored 3 forms in wave 'paper' (4 lines not kept)", 1, true), "entry: summary")
t.same(db:query("SELECT value FROM survey_respondents WHERE wave = 'paper' AND attribute = 'school' ORDER BY respondent").rows,
  { { "Adams" }, { "Adams" }, { "Dover Elementary" } }, "entry: quoted values with spaces")
t.same(db:query("SELECT item, label FROM survey_answers WHERE wave = 'paper' AND respondent = (SELECT min(respondent) FROM survey_answers WHERE wave = 'paper') AND label IS NOT NULL ORDER BY item, label").rows,
  { { "C1", "Strongly agree" }, { "C2", "Strongly disagree" }, { "N", "Space" }, { "N", "Time" }, { "R", "Teacher" } },
  "entry: numbers, positions and + lists stored as labels")
t.done()
