-- A district's labels reach table cells: yes/no for true/false and the word for a suppressed
-- cell without a reason, in every renderer that shows cells (no English left in C).
local t = require "tap"
local report = require "cairn.report"

local function doc()
  local d = report.new { title = "T", as_of = "2026-11-26" }
  d.labels.yes, d.labels.no, d.labels.suppressed = "sí", "no (es)", "oculto"
  d:table { columns = { "a", "b" }, rows = { { true, { suppressed = true } }, { false, 1 } } }
  return d
end

for _, fmt in ipairs { "text", "markdown", "html" } do
  local out = doc():render(fmt)
  t.ok(out:find("sí", 1, true), fmt .. ": true shows the district's yes")
  t.ok(out:find("no (es)", 1, true), fmt .. ": false shows the district's no")
  t.ok(out:find("oculto", 1, true), fmt .. ": a suppressed cell shows the district's word")
  -- (HTML keeps "suppressed" as a CSS class name and in its stylesheet, which nobody reads)
  local shown = fmt == "html" and out:gsub('class="[^"]*"', ""):gsub("<style>.-</style>", "") or out
  t.ok(not shown:find("suppressed", 1, true), fmt .. ": no English 'suppressed' left")
end
local plain = report.new { title = "T", as_of = "2026-11-26" }
plain:table { columns = { "a" }, rows = { { true } } }
t.ok(plain:render("text"):find("\nyes\n", 1, true), "without labels the English default stays")
-- a long translated "Table" still makes valid sheet names (at most 31 characters, unique)
local x = report.new { title = "T", as_of = "2026-11-26" }
x.labels.table = "Una tabla con un nombre muy largo en español"
x:table { caption = "[]", columns = { "a" }, rows = { { 1 } } }
x:table { columns = { "a" }, rows = { { 2 } } }
t.ok(pcall(x.write, x, "long.xlsx"), "XLSX with a long translated table label is written")
local names = io.popen("unzip -p long.xlsx xl/workbook.xml"):read("a")
local ok = true
for name in names:gmatch('<sheet name="([^"]*)"') do if utf8.len(name) > 31 then ok = false end end
t.ok(ok and names:find("(2)", 1, true), "sheet names fit Excel's 31 characters and stay unique")
t.done()
