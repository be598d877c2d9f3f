-- tap: a tiny TAP library for Lua tests run inside the host (tests/lua/*_test.lua).
--   local t = require "tap"
--   t.ok(cond, "what");  t.is(got, want, "what");  t.same(got_table, want_table, "what")
--   t.raises(fn, "pattern", "what");  t.skip(count, "reason");  t.done()
local t = {}
local n, failed = 0, 0

local function report(pass, what, detail)
  n = n + 1
  io.write(pass and "ok " or "not ok ", n, " - ", what or "", "\n")
  if not pass then
    failed = failed + 1
    local info = debug.getinfo(3, "Sl")
    io.write("#   at ", info.short_src, ":", info.currentline, "\n")
    if detail then io.write("#   ", (detail:gsub("\n", "\n#   ")), "\n") end
  end
  return pass
end

local function show(v, seen)
  seen = seen or {}
  if type(v) == "string" then return string.format("%q", v) end
  if type(v) ~= "table" then return tostring(v) end
  if seen[v] then return "<cycle>" end
  seen[v] = true
  local keys = {}
  for k in pairs(v) do keys[#keys + 1] = k end
  table.sort(keys, function(a, b) return tostring(a) < tostring(b) end)
  local parts = {}
  for _, k in ipairs(keys) do parts[#parts + 1] = "[" .. show(k) .. "]=" .. show(v[k], seen) end
  return "{" .. table.concat(parts, ", ") .. "}"
end
t.show = show

local function deep_equal(a, b)
  if type(a) ~= type(b) then return false end
  if type(a) ~= "table" then
    if type(a) == "number" and math.type(a) ~= math.type(b) then return a == b end
    return a == b
  end
  for k, v in pairs(a) do if not deep_equal(v, b[k]) then return false end end
  for k in pairs(b) do if a[k] == nil then return false end end
  return true
end

function t.ok(cond, what) return report(not not cond, what) end

-- Skip COUNT tests (as many as the skipped branch would run, so the plan never depends on what
-- is installed): TAP "ok N # skip REASON", counted as skips by tests/run, not as passes.
function t.skip(count, reason)
  for _ = 1, count do
    n = n + 1
    io.write("ok ", n, " # skip ", reason, "\n")
  end
end

function t.is(got, want, what)
  return report(got == want, what, "got:  " .. show(got) .. "\nwant: " .. show(want))
end

function t.same(got, want, what)
  return report(deep_equal(got, want), what, "got:  " .. show(got) .. "\nwant: " .. show(want))
end

function t.raises(fn, pattern, what)
  local ok, err = pcall(fn)
  if ok then return report(false, what, "no error was raised") end
  local msg = tostring(type(err) == "table" and (err.message or show(err)) or err)
  return report(pattern == nil or msg:find(pattern) ~= nil, what,
    "error: " .. msg .. "\nwanted to find: " .. tostring(pattern))
end

-- Read a whole file (for goldens).
function t.read(path)
  local f = assert(io.open(path, "rb"))
  local s = f:read("a")
  f:close()
  return s
end

-- Compare text with a golden file under tests/; UPDATE=1 rewrites the golden.
function t.golden(got, rel, what)
  local path = os.getenv("CAIRN_TESTS") .. "/" .. rel
  if os.getenv("UPDATE") then
    local f = assert(io.open(path, "wb"))
    f:write(got)
    f:close()
  end
  local f = io.open(path, "rb")
  local want = f and f:read("a")
  if f then f:close() end
  if got == want then return report(true, what or rel) end
  -- show the first differing line
  local gl, wl, line = {}, {}, 1
  for l in (got .. "\n"):gmatch("(.-)\n") do gl[#gl + 1] = l end
  for l in ((want or "") .. "\n"):gmatch("(.-)\n") do wl[#wl + 1] = l end
  while gl[line] == wl[line] and line <= #gl do line = line + 1 end
  return report(false, what or rel, string.format(
    "differs from %s at line %d\n got:  %s\n want: %s\n(UPDATE=1 tests/run ... rewrites goldens)",
    rel, line, tostring(gl[line]), tostring(wl[line])))
end

function t.done()
  io.write("1..", n, "\n")
  if failed > 0 then os.exit(1) end
end

return t
