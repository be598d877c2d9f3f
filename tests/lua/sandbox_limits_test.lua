-- The mechanism under sandboxed scripts (src/l_sandbox.c, src/l_db.c's guard): instruction
-- and memory limits that pcall and coroutines cannot get past, and SQL a guarded call may not run.
local t = require "tap"
local sandbox = require "cairn.sandbox"

local function limited(limits, fn)
  return sandbox.call(limits, fn)
end

local ok, err, why = limited({ instructions = 1e6 }, function() while true do end end)
t.ok(not ok and why == "instructions", "an endless loop stops at the instruction limit")
ok, err, why = limited({ instructions = 1e6 }, function()
  while true do pcall(function() while true do end end) end
end)
t.ok(not ok and why == "instructions", "a loop that catches the limit with pcall still stops")
ok, err, why = limited({ instructions = 1e6 }, function()
  local co = coroutine.wrap(function() while true do end end)
  co()
end)
t.ok(not ok and why == "instructions", "a loop inside a coroutine stops")
ok, err, why = limited({ instructions = 1e6 }, function()
  local co = coroutine.create(function() while true do pcall(coroutine.yield) end end)
  while true do coroutine.resume(co) end
end)
t.ok(not ok and why == "instructions", "resuming a coroutine forever stops")
ok, err, why = limited({ memory = 1 << 20 }, function() return #(("x"):rep(1 << 30)) end)
t.ok(not ok and why == "memory", "a string of 1 GiB is refused at a 1 MiB limit")
ok, err, why = limited({ memory = 1 << 20 }, function()
  local keep = {}
  while true do pcall(function() keep[#keep + 1] = ("y"):rep(1000) .. #keep end) end
end)
t.ok(not ok and why == "memory", "growing a table inside pcall stops at the memory limit")
ok, err, why = limited({ memory = 1 << 20 }, function() local t2 = {} for i = 1, 1e7 do t2[i] = i end end)
t.ok(not ok and why == "memory", "a big table is refused")
local before = sandbox.memory_in_use()
collectgarbage()
t.ok(sandbox.memory_in_use() <= before, "memory is given back after the limit (the host goes on)")
t.same({ sandbox.call({}, function(a, b) return a + b, "x" end, 2, 3) }, { true, 5, "x" },
  "a chunk within its limits returns its results")
ok, err, why = sandbox.call({}, function() error("plain", 0) end)
t.same({ ok, err, why }, { false, "plain" }, "an ordinary error is an ordinary error (no why)")
t.is(select(2, sandbox.call({}, function()
  return select(2, sandbox.call({}, function() end))
end)):match("already inside a sandbox") ~= nil, true, "no sandbox inside a sandbox (it says so)")
t.raises(function() sandbox.call({ instructions = -1 }, function() end) end, "positive number",
  "limits must be positive numbers")
ok = limited({ instructions = 1e6 }, function() local x = 0 for i = 1, 1000 do x = x + i end return x end)
t.ok(ok, "the host runs normally after limits were hit")

-- the SQL guard
local cdb = require "cairn.db"
local d = cdb.open("guard.db")
d:exec("CREATE TABLE meta(key, value)")
d:exec("CREATE TABLE person(name)")
d:exec("INSERT INTO person VALUES (?)", "Ann")
d:exec("INSERT INTO meta VALUES ('district', 'X')")
t.is(d:value("SELECT value FROM meta"), "X", "cairn's own code reads its tables (and caches the statement)")
d:guard { writes = false, hidden = { "meta" } }
local function as_script(sql, ...)
  local args = table.pack(...)
  return pcall(d.guarded, d, function() return d:value(sql, table.unpack(args, 1, args.n)) end)
end
t.same({ as_script("SELECT name FROM person") }, { true, "Ann" }, "a guarded script reads ordinary tables")
local function refused(sql, pattern, what)
  local okr, e = as_script(sql)
  t.ok(not okr and tostring(e):find(pattern, 1, true), what .. ": " .. tostring(e))
end
refused("SELECT value FROM meta", "cairn's internal tables", "a hidden table, even after cairn cached the same SQL")
refused("SELECT * FROM person, (SELECT value FROM meta)", "cairn's internal tables", "a hidden table in a subquery")
refused("INSERT INTO person VALUES ('Bo')", "not granted writes", "no writes unless granted")
refused("ATTACH DATABASE 'other.db' AS other", "ATTACH", "no ATTACH")
refused("DROP TABLE person", "changing the schema", "no DROP")
refused("CREATE TABLE x(y)", "changing the schema", "no CREATE")
refused("PRAGMA writable_schema = 1", "PRAGMA", "no PRAGMA")
refused("COMMIT", "transaction control", "no COMMIT")
refused("SELECT load_extension('x')", "", "no load_extension")
t.is(d:value("SELECT count(*) FROM person"), 1, "nothing was written")
t.is(d:value("SELECT value FROM meta"), "X", "outside db:guarded cairn's code is unaffected")
d:guard { writes = true, hidden = { "meta" } }
t.same({ as_script("INSERT INTO person VALUES ('Bo') RETURNING name") }, { true, "Bo" }, "writes when granted")
refused("UPDATE meta SET value = 'Y'", "cairn's internal tables", "granted writes still cannot touch hidden tables")
d:guard(nil)
t.raises(function() d:guarded(function() end) end, "no policy", "db:guarded needs a policy")
d:close()
os.remove("guard.db")
t.done()
