-- The XLSX renderer (src/render_xlsx.c): the workbook is unzipped and its XML read back.
local t = require "tap"
local render = require "cairn.render"
local fx = dofile(os.getenv("CAIRN_TESTS") .. "/report_html/fixture.lua")
local corpus = dofile(os.getenv("CAIRN_TESTS") .. "/report_html/formula.lua")

local function sh(cmd)
  local p = assert(io.popen(cmd .. " 2>&1"))
  local out = p:read("a")
  p:close()
  return out
end
local function part(file, name) return sh("unzip -p " .. file .. " " .. name) end
local function exists(path) local f = io.open(path, "rb") if f then f:close() end return f ~= nil end

local ok, err = render.xlsx(fx.document(), "status.xlsx")
t.is(ok, true, "render.xlsx returns true")
t.is(err, nil, "and no message")
t.ok(sh("unzip -t status.xlsx"):find("No errors detected", 1, true), "the file is a valid zip")

local core = part("status.xlsx", "docProps/core.xml")
t.ok(core:find('<dcterms:created xsi:type="dcterms:W3CDTF">2026-11-26T00:00:00Z</dcterms:created>', 1, true),
  "the created time is the as-of date, not the clock")
t.ok(core:find("<dc:title>Plan status</dc:title>", 1, true), "the title is a document property")
os.execute("sleep 1.1")
assert(render.xlsx(fx.document(), "again.xlsx"))
t.is(t.read("again.xlsx"), t.read("status.xlsx"), "deterministic: the same document gives the same bytes")

local wb = part("status.xlsx", "xl/workbook.xml")
local names = {}
for n in wb:gmatch('<sheet name="([^"]*)"') do names[#names + 1] = n end
t.same(names, { "Overdue action steps", "Open items by owner", "I feel safe at school (counts)",
  "Action steps by status", "Benchmarks", "Milestones", "Why is ninth-grade absenteeism",
  "Attendance logic model", "Empty", "About" }, "a sheet per table and chart data table, then About")

local s1 = part("status.xlsx", "xl/worksheets/sheet1.xml")
local sst = part("status.xlsx", "xl/sharedStrings.xml")
local styles = part("status.xlsx", "xl/styles.xml")
local strings = {}
for si in sst:gmatch("<si>(.-)</si>") do strings[#strings + 1] = si:match("<t[^>]*>(.-)</t>") end
local function cell(sheet, ref)
  local attrs, body = sheet:match('<c r="' .. ref .. '"([^>]-)/>'), nil
  if not attrs then attrs, body = sheet:match('<c r="' .. ref .. '"([^>]*)>(.-)</c>') end
  if not attrs then return nil end
  local c = { style = tonumber(attrs:match(' s="(%d+)"') or 0), type = attrs:match(' t="(%w+)"') }
  c.v = body and body:match("<v>(.-)</v>")
  if c.type == "s" and c.v then c.text = strings[tonumber(c.v) + 1] end
  return c
end
-- the number format code of a cell style (xf index), and whether its font is bold
local xfs, fonts, numfmts = {}, {}, {}
for xf in (styles:match("<cellXfs[^>]*>(.-)</cellXfs>") or ""):gmatch("<xf [^>]*>") do xfs[#xfs + 1] = xf end
for f in (styles:match("<fonts[^>]*>(.-)</fonts>") or ""):gmatch("<font>(.-)</font>") do fonts[#fonts + 1] = f end
for id, code in styles:gmatch('<numFmt numFmtId="(%d+)" formatCode="([^"]*)"') do numfmts[tonumber(id)] = code end
local function fmt_of(c) local xf = xfs[c.style + 1] or "" return numfmts[tonumber(xf:match('numFmtId="(%d+)"'))] or xf:match('numFmtId="(%d+)"') end
local function bold(c) local xf = xfs[c.style + 1] or "" local f = fonts[tonumber(xf:match('fontId="(%d+)"')) + 1] or "" return f:find("<b/>", 1, true) ~= nil end

t.ok(s1:find('<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>', 1, true), "header row frozen")
t.ok(s1:find('<autoFilter ref="A1:G4"/>', 1, true), "filter on the header row")
local a1 = cell(s1, "A1")
t.is(a1.text, "Action step", "header text")
t.ok(bold(a1), "header is bold")
local c2, d2, e2, f2, g2 = cell(s1, "C2"), cell(s1, "D2"), cell(s1, "E2"), cell(s1, "F2"), cell(s1, "G2")
t.is(c2.type, nil, "a date is a number cell") ; t.is(c2.v, "46296", "2026-10-01 as an Excel date serial")
t.is(fmt_of(c2), "yyyy-mm-dd", "with a date format")
t.is(d2.v, "0.4", "percent stays a fraction") ; t.is(fmt_of(d2), "0%", "with a % format (0 decimals)")
t.is(e2.v, "1234.5", "money is a number") ; t.is(fmt_of(e2), '&quot;$&quot;#,##0.00;-&quot;$&quot;#,##0.00', "with a currency format")
t.is(f2.v, "1200", "integer") ; t.is(fmt_of(f2), "#,##0", "with a thousands format")
t.is(fmt_of(g2), "#,##0.00", "number with its decimals")
local g3 = cell(s1, "G3")
t.ok(g3 and g3.v == nil and g3.type == nil, "a suppressed cell is empty")
t.ok(part("status.xlsx", "xl/comments1.xml"):find("fewer than 5 responses", 1, true), "with a comment giving the reason")
t.ok(not s1:find("3.14159</v></c><c r=\"G3\"", 1, true) and not sst:find("fewer than 5 responses", 1, true),
  "the reason is not a cell value")
t.is(cell(s1, "B3").text, "Chen (acting)", "a cell's display text")
local a5 = cell(s1, "A5")
t.is(a5.text, "Total", "totals row")
t.ok(bold(a5) and bold(cell(s1, "F5")), "totals row is bold")
t.is(fmt_of(cell(s1, "F5")), "#,##0", "totals keep the column format")
t.is(cell(s1, "A7").text, "Overdue action steps", "caption under the table")
t.is(cell(s1, "A8").text, "Percent done rolls up from sub-steps.", "notes under the table")
local widths = {}
for min, w in s1:gmatch('<col min="(%d+)" max="%d+" width="([%d.]+)"') do widths[tonumber(min)] = tonumber(w) end
t.ok(widths[1] and widths[1] >= 14 and widths[3] >= 10 and widths[3] < 20, "column widths fit the content")

local about = part("status.xlsx", "xl/worksheets/sheet10.xml")
t.ok(about:find("<v>46352</v>", 1, true), "About: the as-of date is a date")
t.ok(sst:find("<t>Ninth-grade absenteeism rose</t>", 1, true), "About: key/value items")

-- sheet names
local function tdoc(captions)
  local blocks = {}
  for i, c in ipairs(captions) do
    blocks[i] = { type = "table", caption = c, columns = { { id = "x", label = "X" } }, rows = { { x = i } } }
  end
  return { type = "document", title = "Names", blocks = blocks }
end
assert(render.xlsx(tdoc { "a/b:c*d?e[f]g\\h", "A very long caption that will not fit in a sheet name",
  "Scores", "scores", "SCORES", "History", "'quoted'", "", "Élèves par école — résumé général", "[]:*?/\\",
  "A very long caption that will not fit in a sheet tab" }, "names.xlsx"))
names = {}
for n in part("names.xlsx", "xl/workbook.xml"):gmatch('<sheet name="([^"]*)"') do names[#names + 1] = n end
t.same(names, { "a b c d e f g h", "A very long caption that will n", "Scores", "scores (2)", "SCORES (3)",
  "History (2)", "quoted", "Table 8", "Élèves par école — résumé génér", "Table 10", "A very long caption that wi (2)",
  "About" }, "sheet names: no []:*?/\\, at most 31 characters, unique, not History")

-- the About sheet's words come from doc.labels (cairn.report copies them from the theme)
assert(render.xlsx({ type = "document", title = "T", district = "D", labels = { about = "Acerca de", meta_district = "Distrito" },
  blocks = {} }, "labels.xlsx"))
t.ok(part("labels.xlsx", "xl/workbook.xml"):find('<sheet name="Acerca de"', 1, true), "labels rename the About sheet")
t.ok(part("labels.xlsx", "xl/sharedStrings.xml"):find("<t>Distrito</t>", 1, true), "and its row labels")

-- formula injection
local rows = {}
for i, p in ipairs(corpus) do rows[i] = { text = p, n = i } end
local fdoc = { type = "document", title = "Formulas", blocks = {
  { type = "table", caption = "Injection", columns = { { id = "text", label = "=Label" }, { id = "n", label = "N", format = "integer" } },
    rows = rows, notes = { "=1+2" } },
  { type = "table", caption = "Plain", columns = { { id = "text", label = "Text" } },
    rows = { { text = "a=b" }, { text = "1+1" }, { text = "x@y.org" }, { text = -5 } } } } }
assert(render.xlsx(fdoc, "formula.xlsx"))
local fs1 = part("formula.xlsx", "xl/worksheets/sheet1.xml")
local fsst = part("formula.xlsx", "xl/sharedStrings.xml")
local fstrings = {}
for si in fsst:gmatch("<si>(.-)</si>") do fstrings[#fstrings + 1] = si:match("<t[^>]*>(.-)</t>") end
local function unxml(s) return (s:gsub("&quot;", '"'):gsub("&lt;", "<"):gsub("&gt;", ">"):gsub("_x000D_", "\r"):gsub("&amp;", "&")) end
t.ok(not fs1:find("<f>", 1, true) and not fs1:find('t="str"', 1, true), "no formula cells")
local bad = {}
for i, p in ipairs(corpus) do
  local c = cell(fs1, "A" .. (i + 1))
  local got = c and c.type == "s" and unxml(fstrings[tonumber(c.v) + 1] or "")
  if got ~= "'" .. p then bad[#bad + 1] = string.format("%q -> %q", p, tostring(got)) end
end
t.is(table.concat(bad, "; "), "", #corpus .. " formula-looking cells are strings with a leading apostrophe")
t.is(unxml(fstrings[1]), "'=Label", "a formula-looking header is neutralised too")
t.ok(fsst:find("<t>'=1+2</t>", 1, true), "and a note")
local ps = part("formula.xlsx", "xl/worksheets/sheet2.xml")
local pstr = {}
for si in fsst:gmatch("<si>(.-)</si>") do pstr[#pstr + 1] = si:match("<t[^>]*>(.-)</t>") end
t.same({ pstr[tonumber(cell(ps, "A2").v) + 1], pstr[tonumber(cell(ps, "A3").v) + 1], pstr[tonumber(cell(ps, "A4").v) + 1] },
  { "a=b", "1+1", "x@y.org" }, "ordinary text is unchanged")
t.is(cell(ps, "A5").v, "-5", "a negative number stays a number")

-- atomic writes and failures
local before = t.read("status.xlsx")
local boom = fx.document()
boom.blocks[2].blocks[4].blocks[1].rows[2] = setmetatable({}, { __index = function() error("boom in row 2") end })
t.raises(function() render.xlsx(boom, "status.xlsx") end, "boom in row 2", "an error while writing is raised")
t.is(t.read("status.xlsx"), before, "and the existing file is untouched")
t.is(sh("ls -a | grep -c tmp-"), "0\n", "no temporary file is left behind")
local r1, r2 = render.xlsx(fx.document(), "no/such/folder/x.xlsx")
t.is(r1, nil, "an unwritable path gives nil")
t.ok(r2 and r2:find("^cannot write no/such/folder/x.xlsx: No such file or directory"), "and a message naming the path")
t.ok(not exists("no/such/folder/x.xlsx"), "and no file")
t.raises(function() render.xlsx({ type = "table" }, "x.xlsx") end, "expected a report document", "not a document")
t.is(sh("stat -c %a status.xlsx"), sh("touch plain.txt && stat -c %a plain.txt"), "the file gets the usual permissions")

t.done()
