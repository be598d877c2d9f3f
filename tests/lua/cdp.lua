-- Headless Chromium driven over the DevTools protocol for browser tests
-- (--remote-debugging-pipe: NUL-separated JSON on file descriptors 3 and 4, here two FIFOs in
-- the test's scratch folder). No script is ever put in a report: measurements are made with
-- Runtime.evaluate from outside the page.
--
--   local cdp = require "cdp"
--   local browser = cdp.find()            -- nil when Chromium is not installed (skip)
--   local c = cdp.start(browser)          -- one tab, Runtime/Log/Network/Page enabled
--   c:call("Page.navigate", { url = ... }); c:wait_for("Page.loadEventFired")
--   c:eval("document.title")              -- the value, by JSON
--   c:close()
local json = require "cairn.json"

local M = {}

function M.find()
  for _, name in ipairs { "chromium", "chromium-browser", "google-chrome" } do
    local p = io.popen("command -v " .. name .. " 2>/dev/null")
    local path = p:read("l")
    p:close()
    if path and path ~= "" then return path end
  end
end

local C = {}
C.__index = C

local function recv(c)
  local buf = {}
  while true do
    local ch = c.from:read(1)
    if not ch then return nil end
    if ch == "\0" then break end
    buf[#buf + 1] = ch
  end
  return assert(json.decode(table.concat(buf)))
end

-- Send a command and wait for its answer, keeping the events that arrive meanwhile.
function C:call(method, params, no_session)
  self.next_id = self.next_id + 1
  local msg = { id = self.next_id, method = method, params = setmetatable(params or {}, { __jsontype = "object" }) }
  if self.session and not no_session then msg.sessionId = self.session end
  self.to:write(json.encode(msg), "\0")
  self.to:flush()
  while true do
    local m = recv(self)
    if not m then error("Chromium closed the connection during " .. method) end
    if m.id == self.next_id then
      if m.error then error(method .. ": " .. tostring(m.error.message)) end
      return m.result
    elseif m.method then
      self.events[#self.events + 1] = m
    end
  end
end

-- Wait for an event METHOD (optionally one for which TEST is true) among events after FROM.
function C:wait_for(method, from, test)
  for i = (from or 0) + 1, #self.events do
    local e = self.events[i]
    if e.method == method and (not test or test(e)) then return e end
  end
  while true do
    local m = recv(self)
    if not m then error("Chromium closed the connection waiting for " .. method) end
    if m.method then self.events[#self.events + 1] = m end
    if m.method == method and (not test or test(m)) then return m end
  end
end

-- The value of a JavaScript expression evaluated in the page.
function C:eval(expression)
  local r = self:call("Runtime.evaluate", { expression = expression, returnByValue = true })
  if r.exceptionDetails then error("evaluate: " .. tostring(r.exceptionDetails.text)) end
  return r.result.value
end

-- Load URL in the tab and wait until it has loaded.
function C:open(url)
  local n = #self.events
  self:call("Page.navigate", { url = url })
  self:wait_for("Page.loadEventFired", n)
end

function C:close()
  pcall(self.call, self, "Browser.close", nil, true)
  self.to:close()
  self.from:close()
  self.proc:close()
end

-- Start BROWSER headless in the current folder with a fresh profile; attach to a blank tab.
function M.start(browser)
  local cwd = os.getenv("PWD")
  os.execute("rm -f to_chrome from_chrome && mkfifo to_chrome from_chrome")
  local c = setmetatable({ events = {}, next_id = 0 }, C)
  c.proc = assert(io.popen("timeout 120 '" .. browser .. "' --headless --no-sandbox --disable-gpu"
    .. " --disable-background-networking --disable-component-update --disable-sync --no-first-run"
    .. " --disable-extensions --disable-default-apps --user-data-dir=" .. cwd .. "/profile"
    .. " --remote-debugging-pipe 3<to_chrome 4>from_chrome 2>chrome.log", "r"))
  c.to = assert(io.open("to_chrome", "wb"))
  c.from = assert(io.open("from_chrome", "rb"))
  local target = c:call("Target.createTarget", { url = "about:blank" }).targetId
  c.session = c:call("Target.attachToTarget", { targetId = target, flatten = true }).sessionId
  c:call("Runtime.enable")
  c:call("Log.enable")
  c:call("Network.enable")
  c:call("Page.enable")
  return c
end

local b64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
function M.unbase64(s)
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

return M
