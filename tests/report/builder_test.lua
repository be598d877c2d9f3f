-- Builders: the tree they make, the errors they raise (naming the caller's line, the builder,
-- the field and what was expected), themes and atomic writes.
local t = require "tap"
local report = require "cairn.report"
local host = require "cairn.host"

local doc = report.new { title = "T", period = "2026-11", as_of = "2026-11-26", theme = {} }
local s1 = doc:section("One")
local s2 = s1:section("Two")
local s3 = s2:section("Three")
local s4 = s3:section("Four")
t.same({ s1.level, s2.level, s3.level, s4.level }, { 1, 2, 3, 4 }, "sections nest and know their level")
t.raises(function() s4:section("Five") end, "at most 4 levels", "a fifth level is refused")
t.is(s1.id, "s-one", "sections get ids from their titles")
t.is(doc:section("One").id, "s-one-2", "ids stay unique")
t.is(getmetatable(doc.blocks[1]), getmetatable(doc), "sections have the document's builders")

-- errors name this file and line, the builder and the field
local line = debug.getinfo(1, "l").currentline + 1
local ok, err = pcall(function() doc:table { columns = { { id = "a", format = "pct" } } } end)
t.ok(not ok and err:find("builder_test.lua:" .. line .. ": table: column 1 (a): format \"pct\" is not one of text, integer, number, percent, money, date", 1, true),
  "a bad format names the caller's line, the column and the formats: " .. tostring(err))
local cases = {
  { function() report.new {} end, "report.new: title must be a string, got nothing" },
  { function() report.new { title = "x", as_of = "2026-02-30" } end, "as_of \"2026%-02%-30\" is not a date" },
  { function() report.new { title = "x", colour = "red" } end, "unknown field 'colour'" },
  { function() doc:paragraph(nil) end, "paragraph: text must be a string, got nothing" },
  { function() doc:keyvalue { { 1, "x" } } end, "keyvalue: item 1: key must be a string" },
  { function() doc:keyvalue { { "k", {} } } end, "item 1 %(k%) value must be a string or number" },
  { function() doc:table { columns = {} } end, "columns must be a non%-empty list" },
  { function() doc:table { columns = { "a", "a" } } end, "column 2: id 'a' is used twice" },
  { function() doc:table { columns = { "a" }, rows = { { b = 1 } } } end, "row 1: no column 'b' %(columns: a%)" },
  { function() doc:table { columns = { { id = "d", format = "date" } }, rows = { { d = "11/30/2026" } } } end,
    "row 1.d: \"11/30/2026\" is not a date %(expected YYYY%-MM%-DD%)" },
  { function() doc:table { columns = { { id = "n", decimals = 12 } } } end, "decimals must be an integer from 0 to 9" },
  { function() doc:table { columns = { { id = "n", align = "middle" } } } end, "align \"middle\" is not one of left, right, center" },
  { function() doc:table { columns = { "a" }, rows = { { a = 0 / 0 } } } end, "is not a finite number" },
  { function() doc:table { columns = { "a", "b" }, rows = { { a = 1 }, { b = 1 / 0 } } } end, "row 2%.b: inf is not a finite number" },
  { function() doc:table { columns = { { id = "d", format = "date" } }, rows = { { d = { value = "soon" } } } } end,
    "row 1%.d%.value: \"soon\" is not a date" },
  { function() doc:table { columns = { "a" }, rows = { { a = 1 } }, totals = { a = print } } end,
    "totals%.a: expected a string, number, boolean or cell table, got function" },
  { function() doc:table { columns = { "a" }, rows = { { a = 1 }, 7 } } end, "row 2 must be a table, got number" },
  { function() doc:table { columns = { "a" }, rows = { { a = { foo = 1 } } } } end, "a cell table needs value, display or suppressed" },
  { function() doc:table { columns = { "a" }, caption = 3 } end, "caption must be a string" },
  { function() doc:table { columns = { "a" }, totls = {} } end, "unknown field 'totls'" },
  { function() doc:list({ "a" }, { style = "roman" }) end, "list: style \"roman\" is not one of bullet, number, check" },
  { function() doc:callout("tip", "x") end, "callout: style \"tip\" is not one of note, warning" },
  { function() doc:chart { kind = "pie", title = "x" } end, "chart: kind \"pie\" is not one of bar, likert, status, progress, timeline, fishbone, logic_model" },
  { function() doc:chart { kind = "bar", title = "x", data = { { label = "a", value = "7" } } } end, "chart %(bar%): data%[1%].value must be a number, got string" },
  { function() doc:chart { kind = "likert", title = "x", levels = { "a", "b", "c" }, data = { { label = "q", counts = { 1, 2 } } } } end,
    "data%[1%] %(q%): 2 counts for 3 levels" },
  { function() doc:chart { kind = "likert", title = "x", levels = { "a", "b" }, data = { { label = "q", counts = { 1, 1.5 } } } } end,
    "counts%[2%] must be a whole number" },
  { function() doc:chart { kind = "progress", title = "x", data = { { label = "a", actual = 1, target = 2, direction = "left" } } } end,
    "data%[1%].direction must be \"up\" or \"down\"" },
  { function() doc:chart { kind = "timeline", title = "x", data = { { label = "a", date = "2026-13-01" } } } end,
    "data%[1%].date \"2026%-13%-01\" is not a date" },
  { function() doc:chart { kind = "timeline", title = "x", data = { { label = "a", date = "2026-03-01", end_date = "2026-02-01" } } } end,
    "end_date 2026%-02%-01 is before date 2026%-03%-01" },
  { function() doc:chart { kind = "fishbone", title = "x", data = {} } end, "chart %(fishbone%): problem must be a string" },
  { function() doc:chart { kind = "logic_model", title = "x", columns = {} } end, "at least one stage" },
  { function() doc:chart { kind = "bar", data = {} } end, "title must be a string" },
}
for i, c in ipairs(cases) do
  t.raises(c[1], c[2], "error " .. i .. ": " .. c[2]:gsub("%%", ""))
end

-- normalisation
local d = report.new { title = "N", theme = { currency = "£" } }
d:table { columns = { "a", { id = "m", format = "money" } }, rows = { { "x", 3 } } }
local tb = d.blocks[1]
t.same(tb.rows[1], { a = "x", m = 3 }, "positional rows are keyed by column id")
t.is(tb.columns[2].currency, "£", "money columns take the theme's currency")
t.is(tb.columns[2].align, "right", "numeric columns align right by default")
d:table { columns = { "v" }, rows = { { v = { suppressed = true, reason = "small", value = 42 } } } }
t.same(d.blocks[2].rows[1].v, { suppressed = true, reason = "small" }, "a suppressed cell drops its value at build time")
d:chart { kind = "bar", title = "Explicit", data = { { "a", 1 } }, alt = "My own words." }
t.is(d.blocks[3].alt, "My own words.", "a given alt is kept")
t.is(d.blocks[3].table.caption, "Explicit", "a chart's data table is captioned with its title")
d:chart { kind = "bar", title = "Rates", format = "percent", data = { { "a", 0.5 } } }
t.is(d.blocks[4].max, 1, "percent bars scale to 100% unless max is given")
table.remove(d.blocks, 4)
d:chart { kind = "likert", title = "L", levels = { "No", "Yes" }, data = { { label = "q", counts = { 1, 3 } } } }
t.is(d.blocks[4].favorable_from, 2, "two-point scales: the upper level is favourable")
t.ok(d.blocks[4].alt:find("75%", 1, true), "likert alt gives the favourable share")

-- themes: the built-in theme, merged with a district's cairn/theme.lua on the search path
local th = report.theme()
t.is(#th.colors.palette, 8, "the built-in theme has an 8-colour colour-blind-safe palette")
os.execute("mkdir -p district/cairn")
local f = assert(io.open("district/cairn/theme.lua", "w"))
f:write('return { header = "Riverside USD - internal", colors = { accent = "#123456" } }\n')
f:close()
-- the workspace's folder is on the search path when the workspace is there
assert(os.execute("cairn init --district Riverside -w district/cairn.db 2>/dev/null"))
local w = require "cairn.workspace"
w.set_path("district/cairn.db")
th = report.theme()
t.is(th.header, "Riverside USD - internal", "a district theme beside the workspace is used")
t.is(th.colors.accent, "#123456", "district colours override")
t.is(th.colors.warning, "#D55E00", "colours the district does not set stay")
t.is(report.new { title = "x" }.theme.header, "Riverside USD - internal", "documents take the theme")
os.execute("mkdir -p district/layouts")
f = assert(io.open("district/layouts/board_summary.lua", "w"))
f:write('return function(doc, data) doc:paragraph("Board summary for " .. data.school) end\n')
f:close()
local layout = report.layout("board_summary")
local ld = report.new { title = "L", theme = {} }
layout(ld, { school = "Adams" })
t.is(ld.blocks[1].text, "Board summary for Adams", "report.layout loads a district layout from the search path")
t.is(report.layout("no_such_layout"), nil, "report.layout gives nil when there is none")
w.set_path("cairn.db")

-- atomic writes
local doc2 = report.new { title = "Write", theme = {} }
doc2:paragraph("hello")
t.is(doc2:write("out.md"), "out.md", "write returns the path")
t.is(t.read("out.md"), doc2:render("markdown"), "the file holds the rendered document")
t.is(t.read("out.md"):sub(1, 7), "# Write", "the format comes from the extension")
doc2:write("out.txt")
t.is(t.read("out.txt"), doc2:render("text"), "txt is the text renderer")
t.raises(function() doc2:write("no/such/dir/x.md") end, "does not exist", "a missing folder is an error")
t.raises(function() doc2:write("x.weird") end, "cannot tell the format", "an unknown extension is an error")
local listing = host.list_dir(".")
local tmp = false
for _, n in ipairs(listing) do if n:match("%.tmp$") then tmp = true end end
t.ok(not tmp, "no temporary file is left behind")
-- a failure while rendering leaves the old file untouched and no temporary
local before = t.read("out.md")
t.raises(function()
  report.write_atomic("out.md", function(p)
    local fh = io.open(p, "w"); fh:write("partial"); fh:close()
    error("renderer blew up", 0)
  end)
end, "renderer blew up", "a failing writer raises")
t.is(t.read("out.md"), before, "the previous file is untouched after a failure")
tmp = false
for _, n in ipairs(host.list_dir(".")) do if n:match("%.tmp$") then tmp = true end end
t.ok(not tmp, "and the partial temporary file is removed")
-- csv: several tables need a choice, or a folder
local two = report.new { title = "Two", theme = {} }
two:table { id = "a", columns = { "x" }, rows = { { "1" } } }
two:table { id = "b", columns = { "y" }, rows = { { "2" } } }
t.raises(function() two:render("csv") end, "has 2 tables; choose one with {table = ID} %(a, b%)", "csv with two tables asks which")
t.is(two:render("csv", { table = "b" }), "y\r\n2\r\n", "csv picks a table by id")
os.execute("mkdir -p tables")
two:write("tables/", "csv")
t.is(t.read("tables/a.csv") .. t.read("tables/b.csv"), "x\r\n1\r\ny\r\n2\r\n", "a folder gets one csv per table")
t.raises(function() two:render("xlsx") end, "written to a file", "xlsx is not a string format")

t.done()
