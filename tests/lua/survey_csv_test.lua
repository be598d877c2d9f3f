-- cairn.csv from Lua, Google Forms grid headers, and results of a wave with no responses yet.
local t = require "tap"
local csv = require "cairn.csv"
local ws = require "cairn.workspace"
local survey = require "cairn.survey"

t.same(csv.parse('a,"b ""c""",d\r\n1,"x\ny",\n'), { { "a", 'b "c"', "d" }, { "1", "x\ny", "" } }, "parse: quotes, CRLF, newline inside")
local rec, err = csv.parse("ok\nbad\"q\n")
t.same({ rec, err.code, err.line, err.col, err.field, err.value }, { nil, "quote", 2, 4, 1, "bad" }, "parse: error code, position, field, value read")
t.is(csv.utf8_check("caf\xC3\xA9"), true, "utf8_check: valid")
t.is(csv.utf8_check("ab\xFFc"), 3, "utf8_check: position of the first bad byte")
t.same(csv.parse("a;b\n", { delim = ";" }), { { "a", "b" } }, "another delimiter")
t.raises(function() csv.parse("a", { delim = '"' }) end, "delimiter must be one character", "a quote is not a delimiter")

local f = assert(io.open("grid.csv", "wb"))
f:write("\xEF\xBB\xBFTimestamp,School,Rate each statement [I feel safe.],Rate each statement [Morale is low.]\r\n",
  "2026/10/01,Adams,Agree,Disagree\r\n")
f:close()
local r <close> = assert(csv.open("grid.csv"))
local h = r:read()
t.is(h[1], "Timestamp", "open/read: the BOM is not part of the first header")
t.same({ r:position(3) }, { 1, 18 }, "position of a field (the BOM takes no column)")
local row = r:read()
t.same({ row[4], r:line(), r:read() }, { "Disagree", 2, nil }, "records, their line, then the end")
r:close()
t.raises(function() r:read() end, "closed CSV reader", "a closed reader refuses reads")
local missing, msg = csv.open("nope.csv")
t.ok(missing == nil and msg:find("nope.csv: No such file"), "open: a missing file is nil, message")

ws.create("Riverside Unified", "grid.db")
survey.save_instrument { id = "g", attributes = { "school" }, items = {
  { code = "S", text = "I feel safe." }, { code = "M", text = "Morale is low.", reverse = true } } }
local imp = survey.import { file = "grid.csv", instrument = "g", wave = "w" }
t.same({ imp.columns[3].target, imp.columns[4].target, imp.added }, { "S", "M", 1 }, "Google grid headers match by the [statement]")

survey.wave { name = "empty", instrument = "g" }
local res = survey.results { wave = "empty", by = "school" }
t.same({ #res.groups, res.total.suppressed, res.total.reason }, { 0, true, "fewer than 5 respondents" },
  "a wave with no responses: no groups, the total withheld")
t.raises(function() survey.results { wave = "empty", by = "grade" } end,
  "wave 'empty' has no attribute 'grade' %(instrument g declares: school%)", "an unknown attribute")
t.raises(function() survey.results { wave = "nope" } end, "no survey wave 'nope' %(known: empty, w%)", "an unknown wave")
t.raises(function() survey.results { wave = "w", where = { school = "Zed" } } end,
  "no respondents with school = 'Zed' in wave 'w'", "an unknown group")
-- aliases for header text (attributes too) and answer labels, kept with the stored instrument
survey.save_instrument { id = "al", attributes = { "school" },
  attribute_aliases = { school = { "What school do you work at?" } },
  items = { { code = "S", text = "I feel safe.", answer_aliases = { ["Totally agree"] = "Strongly agree", ["Nope"] = "Strongly disagree" } } } }
local g2 = assert(io.open("al.csv", "w"))
g2:write("What school do you work at?,I feel safe.\nAdams,Totally agree\nAdams,nope\n")
g2:close()
local al = survey.import { file = "al.csv", instrument = "al", wave = "aliases" }
t.same({ al.columns[1].target, al.added }, { "school", 2 }, "an attribute alias names the header")
local db = ws.db()
t.same(db:query("SELECT label FROM survey_answers WHERE wave = 'aliases' ORDER BY value").rows,
  { { "Strongly disagree" }, { "Strongly agree" } }, "answer aliases map to levels")
t.raises(function() survey.instrument { id = "x", items = { { code = "A", text = "t", answer_aliases = "x" } } } end,
  "answer_aliases must be", "answer_aliases checked")
t.done()
