-- The tool engine's forms: declaration checks, tables (fixed and repeated rows), groups, the
-- tool's own checks, and answers files (JSON and Lua) with every error named by its path.
local t = require "tap"
dofile(os.getenv("CAIRN_TESTS") .. "/tool_engine/setup.lua")
local tool = require "cairn.tool"
local ws = require "cairn.workspace"

local function write(path, s)
  local f = assert(io.open(path, "w"))
  f:write(s)
  f:close()
end
os.execute("mkdir -p tools")

local function count_worksheets() return ws.db():value("SELECT count(*) FROM worksheet") end

-- ---- declaration checks ----
write("tools/bad_decl.lua", [[
return {
  id = "bad_decl", title = "Bad", stage = "Testing",
  form = {
    { id = "a", type = "txt", label = "A" },
    { id = "b", label = "B", requried = true },
    { kind = "table", id = "tb", label = "T", rows = { "1", "2" }, min_rows = 3,
      columns = { { id = "x", label = "X", type = "choice" } } },
    { kind = "group", id = "g", label = "G", min = 2, max = 1, form = { { id = "a", label = "A" } } },
    { id = "a", label = "Again" },
    { kind = "box", id = "k" },
    { id = "s", type = "scale", label = "S", scale = "colours" },
    { id = "d", type = "date", label = "D", default = "2026-02-30" },
  },
}]])
local ok, err = pcall(tool.load, "bad_decl")
t.ok(not ok, "a wrong declaration does not load")
local lines = {}
for l in tostring(err):gmatch("[^\n]+") do lines[#lines + 1] = l end
local function has(pat, what) t.ok(tostring(err):find(pat), what) end
t.ok(#lines >= 8 and lines[1]:find("^%./tools/bad_decl%.lua:4: "), "each problem names the file and line (" .. #lines .. " lines)")
has("form%[1%] %(field 'a'%): unknown type 'txt' %(expected one of text, longtext, number", "unknown type")
has("form%[2%] %(field 'b'%): unknown key 'requried' %(allowed: ", "misspelt key")
has("form%[3%] %(table 'tb'%): min_rows must be a whole number from 0 to 2", "min_rows above the fixed rows")
has("form%[3%] %(table 'tb'%): columns%[1%] %(field 'x'%): a choice field needs choices", "choice without choices")
has("form%[4%] %(group 'g'%): max must be a whole number, at least min", "group max below min")
has("form%[5%] %(field 'a'%): duplicate id %(already used by element 1%)", "duplicate id")
has("form%[6%] %(box 'k'%): unknown kind 'box'", "unknown kind")
has("form%[7%] %(field 's'%): unknown scale 'colours'", "unknown scale")
has("form%[8%] %(field 'd'%): default: '2026%-02%-30' is not a real date", "bad default")

write("tools/misnamed.lua", [[return { id = "other", title = "X", stage = "Y", form = { { id = "a", label = "A" } } }]])
t.raises(function() tool.load("misnamed") end, "id is 'other' but the file is named misnamed%.lua",
  "the id must match the file name")
write("tools/syntax.lua", "return { id = 'syntax',\n title = }")
t.raises(function() tool.load("syntax") end, "tools/syntax%.lua:2:", "a syntax error names file and line")
t.raises(function() tool.load("no_such_tool") end, "no tool 'no_such_tool'", "unknown tool")
t.raises(function() tool.load("engine") end, "did you mean engine_addon, engine_fields, engine_whys", "near names suggested")
t.raises(function() tool.load("../etc/passwd") end, "is not a tool id", "ids cannot be paths")

-- ---- list and show ----
local list = tool.list("testing")
local ids = {}
for _, e in ipairs(list) do ids[#ids + 1] = e.id end
t.ok(#ids >= 2 and ids[1] == "engine_fields" or ids[2] == "engine_fields", "list filters by stage text")
t.is(tool.list("nea: nothing")[1], nil, "a filter matching nothing gives an empty list")
local bad_entry
for _, e in ipairs(tool.list()) do if e.id == "bad_decl" then bad_entry = e end end
t.ok(bad_entry and bad_entry.error and bad_entry.error:find("unknown type"), "list keeps broken tools, with their error")
t.ok(tostring(tool.list("Testing: Tables")):find("engine_whys%s+Test Whys%s+Testing: Tables"), "list prints as a table")
local shown = tool.show("engine_whys")
t.ok(shown:find("Instructions\n  1%. State the problem%.\n  2%. Ask why%."), "show prints the instructions")
t.ok(shown:find("Problem Statement  %[problem%] %(text, required%)"), "show prints fields with type")
t.ok(shown:find("rows: 1%. Why, 2%. Why, 3%. Why, 4%. Why, 5%. Why; at least 2 filled"), "show prints fixed rows")
t.ok(shown:find("repeated rows %(Root cause%): 1 to 3"), "show prints repeated-row limits")
t.ok(shown:find("Repeated: Goal  %[goals%] %(1 to 2%)"), "show prints groups")

-- ---- answers: tables, groups, checks ----
local good = {
  problem = "Ninth-grade absence rose",
  whys = { { reason = "Buses late", evidence = "Route logs" }, { reason = "Drivers short", evidence = "HR" } },
  causes = { { cause = "Driver shortage", prevents = true } },
  goals = { { goal = "Hire drivers", due = "6/30/2027", steps = { { step = "Post jobs", cost = "$1,200" } } } },
}
local stored, errors, warnings = tool.validate("engine_whys", good)
t.is(#errors, 0, "good answers have no errors")
t.is(stored.goals[1].due, "2027-06-30", "nested date stored ISO")
t.is(stored.goals[1].steps[1].cost, 1200, "nested money stored as a number")
t.is(#warnings, 0, "and no warnings")

local function errs_of(answers, opts)
  local _, e, w = tool.validate("engine_whys", answers, opts)
  local out = {}
  for i, x in ipairs(e) do out[i] = tool.form.format_error(x) end
  local wout = {}
  for i, x in ipairs(w) do wout[i] = tool.form.format_error(x) end
  return out, wout
end

local e = errs_of {
  problem = "P",
  whys = { { reason = "a" }, {}, {}, {}, {}, { reason = "six" } },
  causes = { { cause = "a" }, { cause = "b" }, { cause = "c" }, { cause = "d" } },
  goals = { { goal = "g", steps = { { step = "1" }, { step = "2" }, { step = "3" } } }, { goal = "h" }, { goal = "i" } },
}
t.same(e, {
  "whys[6]: at most 5 rows (1. Why, 2. Why, 3. Why, 4. Why, 5. Why)",
  "whys: at least 2 rows must be filled, got 1; empty: row 2 (Why)",
  "causes[4]: at most 3 rows of Root Cause(s)",
  "goals[1].steps[3]: at most 2 rows of Steps",
  "goals[3]: at most 2 (Goal)",
}, "row and group limits, each with its path")

e = errs_of { problem = "P", whys = { { evidence = "x" }, { reason = "b" } }, causes = {}, goals = {} }
t.same(e, {
  "whys[1].reason: required",
  "causes: at least 1 row of Root Cause(s) required, got 0",
  "goals: at least 1 required (Goal), got 0",
}, "required columns of filled rows; minimum counts")

e = errs_of { whys = "five", causes = { "x" }, goals = { { goal = "g", steps = { { step = "s", oops = 1 } } } }, extra = true }
t.same(e, {
  "problem: required",
  "whys: expected a list of rows (each with reason, evidence)",
  "causes[1]: expected a row with columns cause, prevents",
  "goals[1].steps[1].oops: not a column of Steps (columns: step, cost)",
  "extra: not a field of this tool (fields: problem, whys, causes, goals)",
}, "wrong shapes and unknown names")

local e2, w2 = errs_of {
  problem = "Absence rose. Attendance fell.", whys = { { reason = "a" }, { reason = "b", evidence = "e" } },
  causes = { { cause = "c", prevents = false } }, goals = { { goal = "g" } },
}
t.same(e2, { "causes[1].prevents: A root cause must prevent the problem if removed; otherwise it is not a root cause." },
  "the tool's check reports errors in its own words")
t.same(w2, { "problem: The problem statement should be one sentence.", "whys[1].evidence: Each why needs evidence." },
  "and warnings")

e = errs_of({ problem = "P", whys = { { reason = "a" } } }, { partial = true })
t.same(e, {}, "a draft may be incomplete")
e = errs_of({ problem = "P", whys = { { reason = "a", evidence = 5 } }, goals = { { due = "soon" } } }, { partial = true })
t.same(e, { "goals[1].due: 'soon' is not a date (expected e.g. 6/15/2027, 6/15, 2027-06-15 or June 2027)" },
  "but a draft's answers must still parse")

-- fixed rows keep their positions; trailing empty rows and empty repeated rows are dropped
stored = tool.validate("engine_whys", {
  problem = "P", whys = { { reason = "a" }, { reason = "b" }, {}, { reason = "d" }, {} },
  causes = { {}, { cause = "c" }, {} }, goals = { {}, { goal = "g" } } })
t.is(#stored.whys, 4, "fixed rows: trailing empty rows dropped")
t.same(stored.whys[3], {}, "fixed rows: an empty row in the middle keeps its place")
t.same(stored.causes, { { cause = "c" } }, "repeated rows: empty rows dropped")
t.same(stored.goals, { { goal = "g" } }, "groups: empty answer sets dropped")

-- ---- answers files ----
write("good.json", [[{ "problem": "Absence rose", "whys": [ {"reason": "bus", "evidence": "routes"}, {"reason": "late", "evidence": "logs"} ],
  "causes": [ {"cause": "buses", "prevents": "yes"} ],
  "goals": [ {"goal": "Fix it", "due": "30 Nov 2026", "steps": [ {"step": "a", "cost": "$1,200"} ] } ] }]])
local before = count_worksheets()
local w = tool.run("engine_whys", "good.json", { quiet = true })
t.is(count_worksheets(), before + 1, "a good JSON answers file stores a worksheet")
t.is(w.answers.causes[1].prevents, true, "\"yes\" from JSON stored as true")

write("bad.json", [[{ "problem": "", "whys": [ {"reason": "bus"} ], "causes": [ {"cause": "c", "prevents": "maybe"} ],
  "goals": [ {"goal": "g", "due": "31/31/2026", "steps": [ {"step": "1"}, {"step": "2"}, {"step": "3"} ] } ] }]])
before = count_worksheets()
ok, err = pcall(tool.run, "engine_whys", "bad.json")
t.ok(not ok, "a bad JSON answers file fails")
t.is(err, table.concat({
  "bad.json: problem: required",
  "bad.json: whys: at least 2 rows must be filled, got 1; empty: row 2 (Why)",
  "bad.json: causes[1].prevents: 'maybe' is not yes or no (expected y, yes, n, no, true or false)",
  "bad.json: goals[1].due: '31/31/2026' is not a date (expected e.g. 6/15/2027, 6/15, 2027-06-15 or June 2027)",
  "bad.json: goals[1].steps[3]: at most 2 rows of Steps",
}, "\n"), "every error as FILE: path: message")
t.is(count_worksheets(), before, "and nothing is stored")

write("broken.json", '{ "problem": "x",\n  "whys": [ }')
t.raises(function() tool.run("engine_whys", "broken.json") end, "^broken%.json:2:%d+: ", "JSON syntax error with line and column")

write("good.lua", [[
-- answers as Lua
return { problem = "From Lua", whys = { { reason = "a", evidence = "e" }, { reason = "b", evidence = "f" } },
         causes = { { cause = "c" } }, goals = { { goal = "g" } } }]])
w = tool.run("engine_whys", "good.lua")
t.is(w.answers.problem, "From Lua", "a Lua answers file")
write("sneaky.lua", [[return { problem = os.getenv("HOME") }]])
t.raises(function() tool.run("engine_whys", "sneaky.lua") end, "sneaky%.lua, line 1: os%.getenv is not available in a sandboxed script",
  "a Lua answers file runs in the sandbox (no os.getenv)")
write("bad.lua", [[return { problem = "P", whys = { { reason = "a" }, { reason = "b", evidence = "x", when = 1 } } }]])
before = count_worksheets()
t.raises(function() tool.run("engine_whys", "bad.lua") end,
  "^bad%.lua: whys%[2%]%.when: not a column of 5 Whys %(columns: reason, evidence%)\nbad%.lua: causes: at least 1 row",
  "a bad Lua answers file: every error with its path")
t.is(count_worksheets(), before, "and nothing is stored")
write("number.lua", "return 42")
t.raises(function() tool.run("engine_whys", "number.lua") end, "must return a table of answers", "a Lua file must return a table")
t.raises(function() tool.run("engine_whys", "missing.json") end, "missing%.json: cannot read the answers file",
  "a missing answers file")

-- errors from Lua list every problem with its path
t.raises(function() tool.run("engine_whys", { problem = "P" }) end,
  "^engine_whys: 3 problems in the answers:\n  whys: at least 2 rows", "tool.run from Lua lists every problem")

t.done()
