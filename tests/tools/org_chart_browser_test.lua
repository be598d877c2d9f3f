-- The collaborative structure worksheet's organisation chart in headless Chromium: its report
-- (the answers of tests/tools/collaborative_structure_worksheet) and a wide one (a District
-- Leadership Team over seven committees and two School Leadership Teams with their own, a long
-- name, planned boxes) are not cut off at 1280 px nor on a 390 px phone: the chart lies inside
-- its figure, the figure does not scroll sideways, the page is no wider than the screen, and the
-- SVG keeps its proportions (it scales down, it is not cropped), every box and word lies
-- inside the drawing, and on the phone no word is drawn smaller than 9 px (the wide chart
-- stacks its boxes in indented columns rather than shrinking). Measured from outside the page
-- over the DevTools protocol (tests/lua/cdp.lua), as tests/lua/report_fit_browser_test.lua does.
-- Skipped only when Chromium is not installed.
local cdp = require "cdp"
local browser = cdp.find()
if not browser then
  io.write("ok 1 # skip chromium is not installed (Debian package chromium)\n1..1\n")
  return
end
local t = require "tap"
local ws = require "cairn.workspace"
local tool = require "cairn.tool"
local report = require "cairn.report"
local TESTS = os.getenv("CAIRN_TESTS")
local cwd = os.getenv("PWD")

ws.create("Riverside Unified", "org.db")
local w = tool.run("collaborative_structure_worksheet",
  TESTS .. "/tools/collaborative_structure_worksheet/answers.json", { quiet = true })
t.ok(tool.report(w, "html", { out = "structures.html" }), "the worksheet's report is written as HTML")

local structures = { { name = "District Leadership Team (PAL Council: superintendent and cabinet, "
  .. "association president and executive board)", status = "Existing" } }
for _, c in ipairs { "Elementary schools", "Middle schools", "High schools", "Adult education",
  "Special education", "Child development", "Attendance" } do
  structures[#structures + 1] = { name = c .. " committee", status = c == "Attendance" and "Planned" or "Existing",
    reports_to = structures[1].name, type = "Working committee" }
end
for _, s in ipairs { "Adams High SLT", "Baker Elementary SLT" } do
  structures[#structures + 1] = { name = s, status = "Existing", reports_to = structures[1].name }
  for k = 1, 3 do
    structures[#structures + 1] = { name = s:gsub(" SLT", "") .. " grade team " .. k,
      status = k == 3 and "Planned" or "Existing", reports_to = s }
  end
end
local wide = tool.run("collaborative_structure_worksheet", { structures = structures }, { quiet = true })
tool.report(wide, "html", { out = "wide.html" })

local pages = { "structures.html", "wide.html" }
local ok, err = pcall(function()
  local c = cdp.start(browser)
  local function at(width, mobile)
    c:call("Emulation.setDeviceMetricsOverride", { width = width, height = 1000, deviceScaleFactor = 1, mobile = mobile })
  end
  local org = "document.querySelector('figure.chart-org_chart')"
  local cut = [[(() => { const f = ]] .. org .. [[, s = f.querySelector('svg'),
      r = s.getBoundingClientRect(), b = f.getBoundingClientRect();
    return JSON.stringify({ scrolls: f.scrollWidth > f.clientWidth + 1,
      outside: r.right > b.right + 1 || r.left < b.left - 1,
      ratio: Math.abs(r.width / r.height - s.viewBox.baseVal.width / s.viewBox.baseVal.height) < 0.02,
      drawn: Array.from(s.querySelectorAll('rect, text')).every(x => { const q = x.getBoundingClientRect();
        return q.left >= r.left - 1 && q.right <= r.right + 1 && q.top >= r.top - 1 && q.bottom <= r.bottom + 1; }) }); })()]]
  -- the smallest drawn text size: the text's font size times the SVG's scale on the page
  local smallest_text = [[(() => { const s = ]] .. org .. [[.querySelector('svg'),
      k = s.getBoundingClientRect().width / s.viewBox.baseVal.width;
    return String(Math.min(...Array.from(s.querySelectorAll('text')).map(x =>
      parseFloat(getComputedStyle(x).fontSize) * k))); })()]]
  for _, p in ipairs(pages) do
    for _, width in ipairs { 1280, 390 } do
      at(width, width < 500)
      c:open("file://" .. cwd .. "/" .. p)
      t.ok(c:eval(org .. " !== null"), p .. " at " .. width .. " px: the organisation chart is drawn")
      t.is(c:eval(cut), '{"scrolls":false,"outside":false,"ratio":true,"drawn":true}',
        p .. " at " .. width .. " px: the chart is whole (inside its figure, not scrolled, not cropped)")
      t.ok(c:eval("document.documentElement.scrollWidth <= window.innerWidth + 1"),
        p .. " at " .. width .. " px: the page is no wider than the screen")
      local smallest = tonumber(c:eval(smallest_text))
      if width < 500 then
        t.ok(smallest and smallest >= 9, string.format("%s at %d px: every word is drawn at 9 px or more "
          .. "(smallest %.1f px)", p, width, smallest or -1))
      end
    end
  end
  c:close()
end)
if not ok then t.ok(false, "browser session: " .. tostring(err)) end
t.done()
