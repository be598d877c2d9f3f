-- Renderers over one document that uses every block type and chart kind: goldens for text,
-- Markdown, CSV and JSON, plus the properties goldens cannot show (determinism, escaping,
-- suppressed cells never leaking, exact numbers).
local t = require "tap"
local report = require "cairn.report"
local render = require "cairn.render"
local json = require "cairn.json"

local build = dofile(os.getenv("CAIRN_TESTS") .. "/report/sample_doc.lua")
local doc = build(report)

-- goldens
t.golden(doc:render("text"), "report/golden/sample.txt", "text golden")
t.golden(doc:render("text", { width = 50 }), "report/golden/sample-50.txt", "text golden at 50 columns")
t.golden(doc:render("markdown"), "report/golden/sample.md", "markdown golden")
t.golden(doc:render("csv", { table = "t-overdue-action-steps" }), "report/golden/sample.csv", "csv golden")
t.golden(doc:render("json"), "report/golden/sample.json", "json golden")
for _, c in ipairs { "bar", "likert", "status", "progress", "timeline", "fishbone", "logic_model" } do
  local found
  for _, b in ipairs(doc.blocks[3].blocks) do if b.type == "chart" and b.kind == c then found = b end end
  t.ok(found and found.alt and #found.alt > 20 and found.table and #found.table.rows > 0,
    c .. " chart has a text alternative and a data table")
  t.golden(render.csv(found.table), "report/golden/chart-" .. c .. ".csv", c .. " chart data as csv")
end

-- determinism: a second build renders byte for byte the same
local again = build(report)
for _, f in ipairs { "text", "markdown", "json" } do
  t.is(again:render(f), doc:render(f), f .. " output is deterministic")
end

-- JSON: valid, complete, exact
local decoded, err = json.decode(doc:render("json"))
t.ok(decoded, "json parses" .. (err and (": " .. err) or ""))
t.is(decoded.title, "Plan status", "json has the title")
t.is(decoded.blocks[1].blocks[3].blocks[1].rows[1].cost, 12500.5, "json numbers are exact")
t.is(math.type(decoded.blocks[1].blocks[3].blocks[1].rows[1].n), "integer", "json integers stay integers")
local j = render.json { type = "document", title = "x", blocks = { { type = "paragraph", text = "a\"b\\c\n\1</script>" } },
  n = 0.1 + 0.2, big = 2 ^ 53, neg = -0.0 }
t.ok(j:find('"a\\"b\\\\c\\n\\u0001\\u003c/script>"', 1, true), "json escapes quotes, backslashes, controls and <")
t.ok(j:find('"n": 0.30000000000000004', 1, true), "json floats round-trip exactly")
t.ok(j:find('"big": 9007199254740992', 1, true), "json large integral floats have no exponent")
t.ok(render.json({ type = "x", s = "\255\254ok" }):find("\xEF\xBF\xBD\xEF\xBF\xBDok", 1, true), "invalid UTF-8 becomes U+FFFD")
t.raises(function() render.json { f = print } end, "cannot be written", "functions are refused")
local cyc = {}
cyc.self = cyc
t.raises(function() render.json(cyc) end, "deeper than", "cycles are refused")
t.ok(render.json({ [1] = "x", ["1"] = "y", [2.5] = "z" }):find('"1": "[xy]"'), "keys 1 and \"1\" collapse into one")
local keys = render.json { b = 1, a = 2, ["10"] = 3, ["9"] = 4 }
t.ok(keys:find('"10".-"9".-"a".-"b"'), "json keys are sorted bytewise")

-- suppressed cells: the reason shows, the value never does, in any format
local secret = report.new { title = "Suppression", theme = {} }
secret:table { id = "s", columns = { { id = "school" }, { id = "pct", format = "percent" } },
  rows = { { school = "Adams", pct = { suppressed = true, reason = "fewer than 5 responses", value = 0.987654 } } } }
for _, f in ipairs { "text", "markdown", "json", "csv" } do
  local out = secret:render(f)
  t.ok(not out:find("987654", 1, true) and not out:find("98.8", 1, true) and not out:find("99%", 1, true),
    f .. ": a suppressed value never reaches the output")
end
t.ok(secret:render("text"):find("fewer than 5 responses", 1, true), "text shows the suppression reason")
local csv, notes, suppressed = render.csv(secret.blocks[1])
t.is(csv, "school,pct\r\nAdams,\r\n", "csv leaves a suppressed cell empty")
t.same(notes, {}, "the table has no notes of its own")
t.same(suppressed, { { row = 1, column = "pct", reason = "fewer than 5 responses" } },
  "csv names each suppressed cell as data (row, column, reason), worded by the caller")

-- formats
local f = report.new { title = "Formats", theme = { currency = "€" } }
f:table { id = "f", columns = { { id = "i", format = "integer" }, { id = "n", format = "number", decimals = 2 },
  { id = "p", format = "percent" }, { id = "m", format = "money" }, { id = "d", format = "date" }, { id = "b" } },
  rows = { { i = 1234567, n = 2.675, p = 0.5625, m = -1234.5, d = "2026-02-28", b = true },
           { i = -3, n = 1.005, p = 1, m = 0.004, b = false } } }
local md = f:render("markdown")
t.ok(md:find("| 1,234,567 | 2.68 | 56.3% | -€1,234.50 | 2026-02-28 | yes |", 1, true),
  "numbers round half away from zero with grouping; money sign before currency")
t.ok(md:find("| -3 | 1.01 | 100.0% | €0.00 |  | no |", 1, true), "tiny money is not -0.00; booleans show yes/no")
t.is(render.csv(f.blocks[1]), "i,n,p,m,d,b\r\n1234567,2.675,0.5625,-1234.5,2026-02-28,true\r\n-3,1.005,1,0.004,,false\r\n",
  "csv writes the data, not the display")
t.is(render.csv(f.blocks[1], { display = true }):match("\r\n(.-)\r\n"), "\"1,234,567\",2.68,56.3%,\"'-€1,234.50\",2026-02-28,yes",
  "csv with display = true writes what people see (a leading - is neutralised as text)")

local empty = report.new { title = "E", theme = {} }
empty:table { columns = { "a", "b" }, rows = { { a = "1" }, {}, { a = "3" } } }
t.is(select(2, empty:render("text"):gsub("\n", "\n")), 8, "an all-empty row keeps its line")

-- text layout: wide content wraps inside its column and never passes the width
local w = report.new { title = "Wide", theme = {} }
w:table { columns = { { id = "a", label = "Description" }, { id = "b", label = "Owner" } },
  rows = { { a = string.rep("word ", 40), b = "Ruiz" } } }
local maxw = 0
for line in w:render("text", { width = 60 }):gmatch("[^\n]+") do maxw = math.max(maxw, utf8.len(line)) end
t.ok(maxw <= 60, "text tables fit the width (widest line " .. maxw .. ")")

-- at 60, 80 and 120 columns: titles and headings wrap at word boundaries; a wide table fits by
-- narrowing its free-text columns first, never cutting a date or a number; one that cannot fit
-- shows each row as a block
local function widest(s)
  local m = 0
  for line in s:gmatch("[^\n]+") do m = math.max(m, utf8.len(line)) end
  return m
end
local long_title = "District and Charter Collaboration: Chronic Absence Action Plan for the 2026-27 School Year"
local fit = report.new { title = long_title, theme = {} }
local sec = fit:section("Overdue action steps in every school of the district, by owner and date")
local rows = {}
for i = 1, 4 do
  rows[i] = { step = "Call the families of every ninth grader absent more than three days in "
    .. "September and invite them to the morning club", owner = "Ana Diaz", due = "2026-12-1" .. i,
    cost = 123456.75 * i, students = 1234567 * i, pct = i / 4, note = "See the attendance office's "
    .. "weekly list, shared on Mondays with the counsellors" }
end
sec:table { columns = { { id = "step", label = "Action step" }, { id = "owner", label = "Owner" },
  { id = "due", label = "Due", format = "date" }, { id = "cost", label = "Cost", format = "money" },
  { id = "students", label = "Students", format = "integer" },
  { id = "pct", label = "Done", format = "percent", decimals = 0 }, { id = "note", label = "Note" } },
  rows = rows }
for _, width in ipairs { 60, 80, 120 } do
  local out = fit:render("text", { width = width })
  t.ok(widest(out) <= width, width .. " columns: nothing passes the width (widest line " .. widest(out) .. ")")
  local words_whole = true
  for word in (long_title .. " Overdue action steps in every school of the district, by owner and date")
      :gmatch("%S+") do
    if not out:find(word, 1, true) then words_whole = false end
  end
  t.ok(words_whole, width .. " columns: the title and the heading wrap at word boundaries")
  local title_lines = out:match("^(.-)\n=+\n")
  t.ok(title_lines and #title_lines > 0 and widest(title_lines) <= width
    and #out:match("\n(=+)\n") == widest(title_lines), width .. " columns: the title's rule is as long as its widest line")
  local whole = true
  for _, v in ipairs { "2026-12-11", "2026-12-14", "1,234,567", "4,938,268", "$123,456.75", "$493,827.00" } do
    if not out:find(v, 1, true) then whole = false; io.write("# cut: ", v, "\n") end
  end
  t.ok(whole, width .. " columns: every date and number is shown whole")
end
local at120 = fit:render("text", { width = 120 })
t.ok(at120:find("Action step +Owner +Due +Cost +Students +Done +Note\n") ~= nil,
  "120 columns: the table stays a grid, the long text columns narrowed")
local at60 = fit:render("text", { width = 60 })
t.ok(at60:find("\nAction step: Call the families", 1) ~= nil and at60:find("\nDue: +2026%-12%-11\n") ~= nil,
  "60 columns: a table that cannot fit shows each row as a block")

t.done()
