-- The HTML report in a real browser: headless Chromium driven over the DevTools protocol
-- (tests/lua/cdp.lua).
-- Checks: no console errors or exceptions, no network request besides the page itself, the
-- page fits a phone's width (wide tables scroll inside their own box), and a screenshot of
-- the expected size that is not blank. Skipped only when Chromium is not installed.
local cdp = require "cdp"
local browser = cdp.find()
if not browser then
  io.write("ok 1 # skip chromium is not installed (Debian package chromium)\n1..1\n")
  return
end

local t = require "tap"
local json = require "cairn.json"
local render = require "cairn.render"
local fx = dofile(os.getenv("CAIRN_TESTS") .. "/report_html/fixture.lua")

local cwd = os.getenv("PWD")
local page = render.html(fx.document())
local f = assert(io.open("report.html", "wb"))
f:write(page)
f:close()
local svgs = {}
for svg in page:gmatch("<svg .-</svg>") do svgs[#svgs + 1] = svg end
local c = cdp.start(browser)
local events = c.events
local function call(...) return c:call(...) end
local function wait_for(...) return c:wait_for(...) end
local unbase64 = cdp.unbase64
local function png_info(data)
  if data:sub(1, 8) ~= "\137PNG\r\n\26\n" or data:sub(13, 16) ~= "IHDR" then return nil end
  return string.unpack(">I4", data, 17), string.unpack(">I4", data, 21)
end

local ok, err = pcall(function()
  -- a phone: 390 CSS pixels wide
  call("Emulation.setDeviceMetricsOverride", { width = 390, height = 844, deviceScaleFactor = 1, mobile = true })
  local url = "file://" .. cwd .. "/report.html"
  call("Page.navigate", { url = url })
  wait_for("Page.loadEventFired")
  local fits = call("Runtime.evaluate", { expression = "document.documentElement.scrollWidth <= window.innerWidth + 1",
    returnByValue = true }).result.value
  t.ok(fits, "on a phone the page is no wider than the screen (wide tables scroll in their box)")
  local scrolls = call("Runtime.evaluate", { expression = [[
    Array.from(document.querySelectorAll('.table-wrap')).filter(w => w.scrollWidth > w.clientWidth).length]],
    returnByValue = true }).result.value
  t.ok(scrolls and scrolls >= 1, "the widest table scrolls horizontally inside its wrapper (" .. tostring(scrolls) .. ")")
  local shot = unbase64(call("Page.captureScreenshot", { format = "png" }).data)
  local w, h = png_info(shot)
  t.is(w, 390, "phone screenshot is 390 pixels wide")
  t.is(h, 844, "and 844 high")

  -- desktop, then a blank page for comparison
  call("Emulation.setDeviceMetricsOverride", { width = 1024, height = 1400, deviceScaleFactor = 1, mobile = false })
  shot = unbase64(call("Page.captureScreenshot", { format = "png" }).data)
  w, h = png_info(shot)
  t.is(w, 1024, "desktop screenshot is 1024 pixels wide")
  t.is(h, 1400, "and 1400 high")
  local counts = call("Runtime.evaluate", { expression = [[
    JSON.stringify([document.querySelectorAll('svg').length, document.querySelectorAll('h1').length,
      document.querySelectorAll('script').length, Array.from(document.querySelectorAll('svg'))
        .filter(s => s.getBoundingClientRect().height > 40).length])]], returnByValue = true }).result.value
  t.is(counts, "[7,1,0,7]", "the browser sees 7 drawn charts, one h1, no script")

  -- events: every request and every console message or exception
  local requests, problems = {}, {}
  for _, e in ipairs(events) do
    if e.method == "Network.requestWillBeSent" then
      local u = e.params.request.url
      if u ~= url and not u:find("^data:") then requests[#requests + 1] = u end
    elseif e.method == "Runtime.exceptionThrown" then
      problems[#problems + 1] = "exception: " .. tostring(e.params.exceptionDetails.text)
    elseif e.method == "Runtime.consoleAPICalled" then
      problems[#problems + 1] = "console." .. e.params.type
    elseif e.method == "Log.entryAdded" and (e.params.entry.level == "error" or e.params.entry.level == "warning") then
      problems[#problems + 1] = e.params.entry.level .. ": " .. tostring(e.params.entry.text)
    end
  end
  t.is(table.concat(requests, " "), "", "no network request besides the page")
  t.is(table.concat(problems, "; "), "", "no console errors, warnings or exceptions")

  -- each chart is also a well-formed standalone SVG (XML) document
  local parsed = call("Runtime.evaluate", { expression = "JSON.stringify(" .. json.encode(svgs) .. [[.map(s => {
      const d = new DOMParser().parseFromString(s, 'image/svg+xml');
      return d.getElementsByTagName('parsererror').length === 0 && d.documentElement.localName === 'svg'; }))]],
    returnByValue = true }).result.value
  t.is(parsed, "[true,true,true,true,true,true,true]", "every chart parses as a standalone SVG document")

  -- control: the listener does see a request when the page makes one
  local n_before = #events
  call("Runtime.evaluate", { expression =
    "document.body.insertAdjacentHTML('beforeend', '<img src=\"http://127.0.0.1:9/control.png\">')" })
  local seen = wait_for("Network.requestWillBeSent", n_before,
    function(e) return e.params.request.url:find("control.png", 1, true) end)
  t.ok(seen, "control: a request the page makes is detected")

  -- the same page emptied, for comparison
  call("Runtime.evaluate", { expression = "document.documentElement.innerHTML = ''" })
  local blank = unbase64(call("Page.captureScreenshot", { format = "png" }).data)
  t.ok(#shot > 8 * #blank, string.format("the screenshot is not blank (%d bytes, a blank page %d)", #shot, #blank))
  local fw = io.open("report.png", "wb")
  fw:write(shot)
  fw:close()
end)
if not ok then t.ok(false, "browser session: " .. tostring(err)) end
c:close()
t.done()
