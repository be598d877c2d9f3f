-- The HTML report in a real browser: headless Chromium driven over the DevTools protocol
-- (--remote-debugging-pipe: NUL-separated JSON on file descriptors 3 and 4, here two FIFOs).
-- Checks: no console errors or exceptions, no network request besides the page itself, the
-- page fits a phone's width (wide tables scroll inside their own box), and a screenshot of
-- the expected size that is not blank. Skipped only when Chromium is not installed.
local browser
for _, name in ipairs { "chromium", "chromium-browser", "google-chrome" } do
  local p = io.popen("command -v " .. name .. " 2>/dev/null")
  browser = p:read("l")
  p:close()
  if browser and browser ~= "" then break end
  browser = nil
end
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
os.execute("rm -f to_chrome from_chrome && mkfifo to_chrome from_chrome")
local proc = assert(io.popen("timeout 90 '" .. browser .. "' --headless --no-sandbox --disable-gpu"
  .. " --disable-background-networking --disable-component-update --disable-sync --no-first-run"
  .. " --disable-extensions --disable-default-apps --user-data-dir=" .. cwd .. "/profile"
  .. " --remote-debugging-pipe 3<to_chrome 4>from_chrome 2>chrome.log", "r"))
local to = assert(io.open("to_chrome", "wb"))
local from = assert(io.open("from_chrome", "rb"))

local events, results, next_id, session = {}, {}, 0, nil
local function recv()
  local buf = {}
  while true do
    local c = from:read(1)
    if not c then return nil end
    if c == "\0" then break end
    buf[#buf + 1] = c
  end
  return assert(json.decode(table.concat(buf)))
end
-- send a command and wait for its answer, keeping the events that arrive meanwhile
local function call(method, params, no_session)
  next_id = next_id + 1
  local msg = { id = next_id, method = method, params = setmetatable(params or {}, { __jsontype = "object" }) }
  if session and not no_session then msg.sessionId = session end
  to:write(json.encode(msg), "\0")
  to:flush()
  while true do
    local m = recv()
    if not m then error("Chromium closed the connection during " .. method) end
    if m.id == next_id then
      if m.error then error(method .. ": " .. tostring(m.error.message)) end
      return m.result
    elseif m.method then
      events[#events + 1] = m
    end
  end
end
-- wait for an event METHOD (optionally one for which TEST is true) among events after FROM
local function wait_for(method, from, test)
  for i = (from or 0) + 1, #events do
    local e = events[i]
    if e.method == method and (not test or test(e)) then return e end
  end
  while true do
    local m = recv()
    if not m then error("Chromium closed the connection waiting for " .. method) end
    if m.method then events[#events + 1] = m end
    if m.method == method and (not test or test(m)) then return m end
  end
end

local b64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
local function unbase64(s)
  local map = {}
  for i = 1, 64 do map[b64:byte(i)] = i - 1 end
  local out, bits, n = {}, 0, 0
  for i = 1, #s do
    local v = map[s:byte(i)]
    if v then
      bits, n = (bits << 6) | v, n + 6
      if n >= 8 then
        n = n - 8
        out[#out + 1] = string.char((bits >> n) & 0xFF)
      end
    end
  end
  return table.concat(out)
end
local function png_info(data)
  if data:sub(1, 8) ~= "\137PNG\r\n\26\n" or data:sub(13, 16) ~= "IHDR" then return nil end
  return string.unpack(">I4", data, 17), string.unpack(">I4", data, 21)
end

local ok, err = pcall(function()
  local target = call("Target.createTarget", { url = "about:blank" }).targetId
  session = call("Target.attachToTarget", { targetId = target, flatten = true }).sessionId
  call("Runtime.enable")
  call("Log.enable")
  call("Network.enable")
  call("Page.enable")
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
  call("Browser.close", nil, true)
end)
if not ok then t.ok(false, "browser session: " .. tostring(err)) end
to:close()
from:close()
proc:close()
t.done()
