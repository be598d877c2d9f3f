-- Reports fit every page (issue 12), checked in headless Chromium: the demo district's
-- survey_results report (eight item columns by school, suppressed rows), a 12-column table with
-- long headers and cells, and the fixture document with every chart kind.
--
-- Method (robust, no script in any report): Chromium is driven over the DevTools protocol
-- (tests/lua/cdp.lua) and the layout is measured from outside the page with Runtime.evaluate:
--   * screen at 1280 px: no table wrapper and no chart figure scrolls sideways (every column
--     and the whole chart are in view);
--   * a phone, 390 px: no chart figure scrolls and every chart lies inside its figure, and the
--     page is no wider than the screen (a wide table may scroll inside its own box there);
--   * print: with print media emulated and the viewport set to the content width of an A4
--     portrait page (182 mm = 688 px, narrower than Letter), every table that is not on the
--     named landscape page "wide" fits, and every chart fits; then at the content width of a
--     Letter landscape page (965 px, narrower than A4 landscape) every table on "wide" pages
--     fits. Print layout is the same CSS at the same width, so a table that fits here is not
--     clipped on paper;
--   * Page.printToPDF with the CSS page sizes gives portrait and landscape pages (the named
--     page reaches the PDF).
-- Skipped only when Chromium is not installed.
local cdp = require "cdp"
local browser = cdp.find()
if not browser then
  io.write("ok 1 # skip chromium is not installed (Debian package chromium)\n1..1\n")
  return
end

local t = require "tap"
local render = require "cairn.render"
local report = require "cairn.report"
local TESTS = os.getenv("CAIRN_TESTS")
local ROOT = TESTS .. "/.."
local cwd = os.getenv("PWD")

local function write(path, s)
  local f = assert(io.open(path, "wb"))
  f:write(s)
  f:close()
end

-- 1. the demo district's survey results (as `make demo` renders them)
local made = os.execute(table.concat({
  "cairn -w demo.db init --district 'Riverside Unified' >/dev/null",
  "cairn -w demo.db run '" .. ROOT .. "/scripts/workflows/demo_data.lua' >/dev/null",
  "cairn -w demo.db run '" .. ROOT .. "/scripts/workflows/demo_survey.lua' >/dev/null",
  "cairn -w demo.db report survey_results --param 'wave=2026 fall' --as-of 2026-11-26 --format html --out survey.html",
}, " && "))
t.ok(made, "the demo survey_results report is rendered")

-- 2. a wide table: 12 columns, long headers, long words, suppressed cells
local cols, rows = { { id = "school", label = "School" } }, {}
for i = 1, 11 do
  cols[#cols + 1] = { id = "q" .. i, label = "Item " .. i .. ": adults at this school listen to families",
    format = "percent", decimals = 0 }
end
for r = 1, 4 do
  local row = { school = ({ "Adams Elementary", "Harbor Alternative High School", "Cedar", "Douglas Middle" })[r] }
  for i = 1, 11 do
    row["q" .. i] = r == 2 and { suppressed = true, reason = "fewer than 5 respondents" } or (40 + i + r) / 100
  end
  rows[#rows + 1] = row
end
local d = report.new { title = "Wide table", theme = report.theme() }
d:table { caption = "Percent favorable by school, every item", columns = cols, rows = rows }
write("wide.html", d:render("html"))

-- 3. every chart kind
local fx = dofile(TESTS .. "/report_html/fixture.lua")
write("charts.html", render.html(fx.document()))

local pages = { "survey.html", "wide.html", "charts.html" }

local function json_list(v) return v == "[]" and "" or tostring(v) end

local ok, err = pcall(function()
  local c = cdp.start(browser)
  local function at(width, mobile)
    c:call("Emulation.setDeviceMetricsOverride", { width = width, height = 1000, deviceScaleFactor = 1, mobile = mobile })
  end
  local scrolling_tables = [[JSON.stringify(Array.from(document.querySelectorAll('.table-wrap'))
    .filter(w => w.scrollWidth > w.clientWidth + 1)
    .map(w => (w.querySelector('caption') || w.querySelector('th')).textContent))]]
  local cut_charts = [[JSON.stringify(Array.from(document.querySelectorAll('figure.chart')).filter(f => {
      const s = f.querySelector('svg').getBoundingClientRect(), b = f.getBoundingClientRect();
      return f.scrollWidth > f.clientWidth + 1 || s.right > b.right + 1 || s.left < b.left - 1; })
    .map(f => f.querySelector('figcaption').textContent))]]
  -- tables that overflow their wrapper, among those on the named page PAGE (or not on it)
  local function overflowing(on_wide)
    return string.format([[JSON.stringify(Array.from(document.querySelectorAll('.table-wrap'))
      .filter(w => (getComputedStyle(w).page === 'wide') === %s)
      .filter(w => w.querySelector('table').getBoundingClientRect().width > w.clientWidth + 1)
      .map(w => (w.querySelector('caption') || w.querySelector('th')).textContent))]], on_wide and "true" or "false")
  end

  for _, p in ipairs(pages) do
    c:call("Emulation.setEmulatedMedia", { media = "screen" })
    at(1280, false)
    c:open("file://" .. cwd .. "/" .. p)
    t.is(json_list(c:eval(scrolling_tables)), "", p .. " at 1280 px: every table shows all its columns")
    t.is(json_list(c:eval(cut_charts)), "", p .. " at 1280 px: every chart is whole")

    at(390, true)
    t.is(json_list(c:eval(cut_charts)), "", p .. " at 390 px: no chart is cut off")
    t.ok(c:eval("document.documentElement.scrollWidth <= window.innerWidth + 1"),
      p .. " at 390 px: the page is no wider than the phone")

    c:call("Emulation.setEmulatedMedia", { media = "print" })
    at(688, false)
    c:open("file://" .. cwd .. "/" .. p) -- a fresh layout for print
    t.is(json_list(c:eval(overflowing(false))), "", p .. " printed: every portrait-page table fits an A4 page")
    t.is(json_list(c:eval(cut_charts)), "", p .. " printed: every chart fits the page")
    at(965, false)
    t.is(json_list(c:eval(overflowing(true))), "", p .. " printed: every landscape-page table fits a Letter page")
    if p ~= "charts.html" then
      t.ok(c:eval("Array.from(document.querySelectorAll('.table-wrap')).some(w => getComputedStyle(w).page === 'wide')"),
        p .. " printed: its widest table is on a landscape page")
    end
  end

  -- the survey report as a PDF: portrait pages and the landscape page(s) of the wide tables
  c:call("Emulation.setEmulatedMedia", { media = "" })
  c:open("file://" .. cwd .. "/survey.html")
  local pdf = cdp.unbase64(c:call("Page.printToPDF", { preferCSSPageSize = true }).data)
  write("survey.pdf", pdf)
  local portrait, landscape = 0, 0
  for w, h in pdf:gmatch("/MediaBox%s*%[%s*0 0 ([%d.]+) ([%d.]+)%s*%]") do
    if tonumber(w) > tonumber(h) then landscape = landscape + 1 else portrait = portrait + 1 end
  end
  t.ok(portrait > 0 and landscape > 0,
    string.format("survey PDF: %d portrait and %d landscape pages", portrait, landscape))
  c:close()
end)
if not ok then t.ok(false, "browser session: " .. tostring(err)) end
t.done()
