-- cairn.sandbox: what a sandboxed chunk may do (policy; the mechanism is src/l_sandbox.c,
-- cairn.sandboxcore, and the SQL guard in src/l_db.c).
--
--   local sandbox = require "cairn.sandbox"
--   local env = sandbox.env { name = "shared/report.lua", db = real_db, writes = false }
--   local ok, result_or_message = sandbox.run(fn_or_source, { name = ..., env = env, ... })
--
-- A sandboxed chunk (a script run with `cairn run --sandbox` or not listed as trusted, a Lua
-- answers file, a people.lua in a cycle folder, a district's cairn/survey/scales.lua) gets:
--   * the safe base functions (assert, error, ipairs, pairs, next, pcall, xpcall, select,
--     tonumber, tostring, type, rawequal, rawlen, rawget, print, setmetatable, getmetatable,
--     load with text chunks only), and read-only copies of string, table, math, utf8 and
--     coroutine; os.time, os.date and os.clock only. No io, no debug, no package, no dofile or
--     loadfile, no string.dump, no binary chunks, no collectgarbage beyond "count", "collect"
--     and "step".
--   * `require` of the modules in `sandbox.modules` only, each behind a read-only proxy.
--   * `db` (scripts only): a proxy whose every call runs under db:guarded: no ATTACH, no schema
--     change, no PRAGMA, no transaction control, none of `sandbox.hidden_tables`, and no
--     writes unless granted (--allow-writes, or the setting scripts.allow_writes = "yes").
--   * limits: `instructions` Lua instructions (SQLite's steps count too) and `memory` bytes,
--     for the chunk and every coroutine it makes; pcall cannot swallow them.
--   * protected metatables: getmetatable of a string or of anything cairn hands in gives
--     "protected"; setmetatable refuses them and refuses a __gc (a finalizer would run later,
--     outside the limits). Error objects are turned into text inside the limits.
--
-- Pattern matching runs in C, where the instruction hook does not look, so string.find, match,
-- gmatch and gsub (as functions and as string methods) check their cost first. The rule: let n
-- be the length of the subject (from the start position) and k the number of backtracking
-- items in the pattern (`*`, `+`, `-`, `?` and `%b`); the estimated work is n^(k+1), or n^k when
-- the pattern is anchored with `^`. Work above `sandbox.pattern_budget` (1e9) is refused with
-- a message saying so. Plain finds and patterns without backtracking items are always allowed.
local core = require "cairn.sandboxcore"

local sandbox = {}

sandbox.call = core.call
sandbox.memory_in_use = core.memory_in_use

-- Default limits; a workspace may change them (scripts.instructions, scripts.memory_mb).
sandbox.limits = { instructions = 200000000, memory = 64 << 20 }

-- Limits for district data files written in Lua that are not listed as trusted (a
-- cairn/survey/scales.lua on the search path, see cairn.trust.load_data_file): the numbers
-- answers files get (cairn.tool.answers_file).
sandbox.data_limits = { instructions = 20000000, memory = 32 << 20 }

sandbox.pattern_budget = 1e9

-- cairn's internal tables, hidden from sandboxed SQL: the schema version and district
-- settings (meta, settings), the state-publishing bookkeeping (publish_*, matched by prefix so
-- later ones are hidden too) and the record of report runs (report_run, report_output).
-- Worksheets, drafts included, are the district's data and stay readable.
sandbox.hidden_tables = { "meta", "settings", "report_run", "report_output" }
sandbox.hidden_prefixes = { "publish_" }

-- cairn modules a sandboxed chunk may require: pure functions, no files, no processes.
sandbox.modules = {
  ["cairn.json"] = true,
  ["cairn.date"] = true,
}

-- Names a script might reach for, with what to say.
local unavailable = {
  io = "io is not available in a sandboxed script (no files)",
  debug = "debug is not available in a sandboxed script",
  package = "package is not available in a sandboxed script",
  dofile = "dofile is not available in a sandboxed script",
  loadfile = "loadfile is not available in a sandboxed script",
  loadstring = "loadstring is not available in a sandboxed script",
  rawset = "rawset is not available in a sandboxed script",
}

local function refuse(msg, level)
  error(msg, level or 3)
end

-- A read-only view of table T: reads go through, writes raise, the metatable is protected.
-- WHAT names it in messages (e.g. "string"); MISSING(k) may explain an absent field.
local function readonly(t, what, missing)
  return setmetatable({}, {
    __index = function(_, k)
      local v = t[k]
      if v == nil and missing then
        local r = missing(k) -- not a tail call: its messages point at the script's line
        return r
      end
      return v
    end,
    __newindex = function(_, k)
      refuse(string.format("%s is read-only in a sandboxed script (cannot set %s)", what, tostring(k)))
    end,
    __pairs = function()
      local keys = {}
      for k in pairs(t) do keys[#keys + 1] = k end
      local i = 0
      return function()
        i = i + 1
        local k = keys[i]
        if k ~= nil then return k, t[k] end
      end
    end,
    __len = function() return #t end,
    __metatable = "protected",
  })
end

-- A read-only proxy of a module, recursively (tables inside are proxied too).
local function module_proxy(mod, name, seen)
  seen = seen or {}
  if seen[mod] then return seen[mod] end
  local view = {}
  local p = readonly(view, name)
  seen[mod] = p
  for k, v in pairs(mod) do
    if type(v) == "table" then view[k] = module_proxy(v, name .. "." .. tostring(k), seen)
    else view[k] = v end
  end
  return p
end

-- ---- pattern cost guard ----------------------------------------------------------------

-- The number of backtracking items in PATTERN and whether it is anchored.
local function pattern_shape(pattern)
  local k, i, n = 0, 1, #pattern
  local anchored = pattern:sub(1, 1) == "^"
  if anchored then i = 2 end
  while i <= n do
    local c = pattern:sub(i, i)
    if c == "%" then
      if pattern:sub(i + 1, i + 1) == "b" then k = k + 1; i = i + 4 else i = i + 2 end
    elseif c == "[" then
      i = i + 1
      if pattern:sub(i, i) == "^" then i = i + 1 end
      if pattern:sub(i, i) == "]" then i = i + 1 end
      while i <= n and pattern:sub(i, i) ~= "]" do
        if pattern:sub(i, i) == "%" then i = i + 1 end
        i = i + 1
      end
      i = i + 1
    else
      if c == "*" or c == "+" or c == "-" or c == "?" then k = k + 1 end
      i = i + 1
    end
  end
  return k, anchored
end

local function check_pattern(fname, s, pattern, init, plain, always_unanchored)
  if plain or type(s) ~= "string" or type(pattern) ~= "string" then return end
  local k, anchored = pattern_shape(pattern)
  if k == 0 then return end
  local n = #s
  if type(init) == "number" then
    if init < 0 then init = math.max(n + init + 1, 1) end
    n = math.max(n - init + 1, 0)
  end
  if n < 2 then return end
  local exponent = k + ((anchored and not always_unanchored) and 0 or 1)
  if exponent * math.log(n) > math.log(sandbox.pattern_budget) then
    refuse(string.format("string.%s: the pattern is too costly for a sandboxed script " ..
      "(%d backtracking items over %d characters; see cairn.sandbox for the rule)", fname, k, n), 4)
  end
end

local function guarded_string()
  local s = {}
  for k, v in pairs(string) do s[k] = v end
  s.dump = nil
  s.find = function(str, pattern, init, plain)
    check_pattern("find", str, pattern, init, plain)
    return string.find(str, pattern, init, plain)
  end
  s.match = function(str, pattern, init)
    check_pattern("match", str, pattern, init)
    return string.match(str, pattern, init)
  end
  s.gmatch = function(str, pattern, init)
    check_pattern("gmatch", str, pattern, init, false, true)
    return string.gmatch(str, pattern, init)
  end
  s.gsub = function(str, pattern, repl, n)
    check_pattern("gsub", str, pattern)
    return string.gsub(str, pattern, repl, n)
  end
  return s
end

-- ---- the database proxy -----------------------------------------------------------------

-- The hidden tables of DB: the fixed list and every table with a hidden prefix.
function sandbox.hidden_of(db)
  local hidden = {}
  for _, t in ipairs(sandbox.hidden_tables) do hidden[#hidden + 1] = t end
  for _, row in ipairs(db:query("SELECT name FROM sqlite_master WHERE type = 'table'").rows) do
    for _, p in ipairs(sandbox.hidden_prefixes) do
      if row[1]:sub(1, #p) == p then hidden[#hidden + 1] = row[1] end
    end
  end
  return hidden
end

-- The results of a pcall of cairn's own code, or its error raised at the script's line without
-- the position inside cairn (the message names the SQL; cairn's line would only confuse).
local function unplaced(ok, ...)
  if ok then return ... end
  local e = tostring((...)):gsub("^[^\n]-%.lua:%d+: ", "")
  refuse(e, 4)
end

local db_methods = { "exec", "rows", "one", "value", "query", "changes", "last_id", "is_readonly_sql" }

-- A db proxy for a sandboxed script: every call runs under db:guarded with POLICY.
local function db_proxy(real, policy)
  local methods, proxy = {}, nil
  for _, m in ipairs(db_methods) do
    methods[m] = function(self, ...)
      if self ~= proxy then refuse("call db:" .. m .. "(...) with a colon") end
      real:guard(policy)
      if m == "rows" then
        -- read every row under the guard, then hand out an iterator over the copy
        local rows = unplaced(pcall(real.guarded, real, function(...)
          local out = {}
          for row in real:rows(...) do out[#out + 1] = row end
          return out
        end, ...))
        local i = 0
        return function() i = i + 1; return rows[i] end
      end
      local res = table.pack(unplaced(pcall(real.guarded, real, real[m], real, ...)))
      return table.unpack(res, 1, res.n)
    end
  end
  proxy = readonly(methods, "db", function(k)
    refuse("db:" .. tostring(k) .. " is not available in a sandboxed script " ..
      "(exec, query, rows, one, value, changes and last_id are)", 4)
  end)
  return proxy
end

-- ---- the environment --------------------------------------------------------------------

-- The environment for a sandboxed chunk. OPTS: name (for messages), db (a real handle: the
-- chunk gets a guarded proxy as the global db), writes (grant writes), globals (extra values).
function sandbox.env(opts)
  opts = opts or {}
  local env = {}
  for _, k in ipairs { "assert", "error", "ipairs", "next", "pairs", "pcall", "select", "tonumber",
    "tostring", "type", "xpcall", "rawequal", "rawlen", "rawget", "print", "_VERSION" } do
    env[k] = _G[k]
  end
  local str = guarded_string()
  local str_view = readonly(str, "string", function(k)
    if k == "dump" then refuse("string.dump is not available in a sandboxed script (no binary chunks)", 4) end
  end)
  env.string = str_view
  for _, lib in ipairs { "table", "math", "utf8", "coroutine" } do
    local copy = {}
    for k, v in pairs(_G[lib]) do copy[k] = v end
    env[lib] = readonly(copy, lib)
  end
  env.os = readonly({ time = os.time, date = os.date, clock = os.clock }, "os", function(k)
    refuse("os." .. tostring(k) .. " is not available in a sandboxed script (only os.time, os.date and os.clock)", 4)
  end)
  local protected = setmetatable({}, { __mode = "k" })
  protected[env.string], protected[env.os] = true, true
  env.getmetatable = function(v)
    if type(v) ~= "table" then return v == nil and nil or "protected" end
    return getmetatable(v)
  end
  env.setmetatable = function(t, mt)
    if type(t) ~= "table" then refuse("setmetatable: expected a table", 3) end
    if type(mt) == "table" and rawget(mt, "__gc") ~= nil then
      refuse("setmetatable: __gc is not allowed in a sandboxed script", 3)
    end
    local ok, err = pcall(setmetatable, t, mt)
    if not ok then refuse((tostring(err):gsub("^[^\n]-%.lua:%d+: ", "")), 3) end
    return t
  end
  env.collectgarbage = function(what, ...)
    what = what or "collect"
    if what == "collect" or what == "count" or what == "step" then return collectgarbage(what, ...) end
    refuse("collectgarbage(\"" .. tostring(what) .. "\") is not available in a sandboxed script", 3)
  end
  env.load = function(chunk, name, mode, chunk_env)
    if mode ~= nil and mode ~= "t" then
      refuse("load: only text chunks in a sandboxed script (mode \"t\")", 3)
    end
    if type(chunk) == "string" and chunk:byte(1) == 27 then
      return nil, "load: binary chunks are not allowed in a sandboxed script"
    end
    return load(chunk, name, "t", chunk_env == nil and env or chunk_env)
  end
  local loaded = {}
  env.require = function(name)
    if type(name) ~= "string" or not sandbox.modules[name] then
      local allowed = {}
      for m in pairs(sandbox.modules) do allowed[#allowed + 1] = m end
      table.sort(allowed)
      refuse(string.format("require \"%s\": not allowed in a sandboxed script (allowed: %s)",
        tostring(name), table.concat(allowed, ", ")), 3)
    end
    loaded[name] = loaded[name] or module_proxy(require(name), name)
    return loaded[name]
  end
  if opts.db then
    local policy = { writes = opts.writes and true or false, hidden = sandbox.hidden_of(opts.db) }
    env.db = db_proxy(opts.db, policy)
  end
  for k, v in pairs(opts.globals or {}) do env[k] = v end
  env._G = env
  setmetatable(env, {
    __index = function(_, k)
      if unavailable[k] then refuse(unavailable[k], 3) end
      return nil
    end,
    __metatable = "protected",
  })
  return env, str_view
end

-- ---- running ----------------------------------------------------------------------------

-- "NAME:12: msg" -> "NAME, line 12: msg" (a user's file and line, not read as cairn's own).
local function tidy(msg, name)
  msg = tostring(msg)
  if name then
    -- Lua shortens a long chunk name to its first 59 characters: any prefix of NAME counts
    msg = msg:gsub("^([^\n]-):(%d+): ", function(prefix, line)
      if #prefix > 0 and name:sub(1, #prefix) == prefix then return name .. ", line " .. line .. ": " end
    end)
    -- errors passed up through nested coroutine.wrap calls gain the same "NAME:12: " once per
    -- level: keep the first position only
    local repeated = true
    while repeated do
      repeated = false
      msg = msg:gsub("(, line %d+: )([^\n]-):%d+: ", function(head, prefix)
        if #prefix > 0 and name:sub(1, #prefix) == prefix then repeated = true; return head end
      end, 1)
    end
  end
  return msg
end

local function mib(n) return string.format("%d MiB", n // (1 << 20)) end

-- Run CHUNK (a function, or source text compiled as NAME) in ENV under LIMITS, with the
-- string methods guarded. Returns true, results... or false, message (clear, naming NAME,
-- without an internal Lua location).
--   opts: name (shown in messages), env (from sandbox.env), limits ({instructions, memory})
function sandbox.run(chunk, opts, ...)
  local name = opts.name or "sandboxed chunk"
  local env, str_view = opts.env, nil
  if not env then env, str_view = sandbox.env(opts) else str_view = env.string end
  local limits = opts.limits or sandbox.limits
  if type(chunk) == "string" then
    if chunk:byte(1) == 27 then return false, name .. ": binary chunks are not allowed" end
    local fn, err = load(chunk, "=" .. name, "t", env)
    if not fn then return false, tidy(err, name) end
    chunk = fn
  end
  local string_mt = getmetatable("")
  local real_index = string_mt.__index
  string_mt.__index = str_view
  local res = table.pack(core.call(limits, chunk, ...))
  string_mt.__index = real_index
  if res[1] then return table.unpack(res, 1, res.n) end
  local err, why = res[2], res[3]
  if why == "instructions" then
    return false, string.format("%s: stopped: it ran more than %d instructions (the sandbox's limit)",
      name, limits.instructions or sandbox.limits.instructions)
  elseif why == "memory" then
    return false, string.format("%s: stopped: it used more than %s of memory (the sandbox's limit)",
      name, mib(limits.memory or sandbox.limits.memory))
  end
  if type(err) ~= "string" and type(err) ~= "number" then
    -- an error object: its __tostring runs inside small limits, never freely in the host
    string_mt.__index = str_view
    local ok, text = core.call({ instructions = 1e6, memory = 1 << 20 }, function()
      local t = tostring(err)
      return type(t) == "string" and t or nil
    end)
    string_mt.__index = real_index
    err = ok and text or ("(an error object of type " .. type(err) .. ")")
  end
  err = tidy(err, name)
  if not err:find(name, 1, true) then err = name .. ": " .. err end
  return false, err
end

return sandbox
