-- cairn.complete: Tab completion for the REPL: keywords, globals, fields and methods
-- (following __index tables, never calling functions), and file names inside strings.
local host = require "cairn.host"

local complete = {}

local keywords = { "and", "break", "do", "else", "elseif", "end", "false", "for", "function",
  "goto", "if", "in", "local", "nil", "not", "or", "repeat", "return", "then", "true", "until",
  "while" }

-- Keys of t and of the tables its __index chain leads to (never calling a function).
local function keys_of(t, into, depth)
  depth = depth or 0
  if depth > 8 then return end
  if type(t) == "table" then
    for k in pairs(t) do
      if type(k) == "string" then into[k] = type(t[k]) end
    end
  end
  local mt = debug.getmetatable(t)
  if type(mt) == "table" and type(rawget(mt, "__index")) == "table" then
    keys_of(rawget(mt, "__index"), into, depth + 1)
  end
end

-- Walk a dotted path like "plan.items" without calling anything.
local function resolve(env, path)
  local v = env
  for part in path:gmatch("[^%.:]+") do
    if type(v) ~= "table" and type(v) ~= "userdata" then return nil end
    local ok, nv
    if type(v) == "table" then
      ok, nv = true, rawget(v, part)
      if nv == nil then
        local mt = debug.getmetatable(v)
        if mt and type(rawget(mt, "__index")) == "table" then nv = rawget(mt, "__index")[part] end
        if nv == nil and v == env then nv = require("cairn.prelude").env()[part] end
      end
    else
      local mt = debug.getmetatable(v)
      ok = mt and type(rawget(mt, "__index")) == "table"
      nv = ok and rawget(mt, "__index")[part] or nil
    end
    v = nv
  end
  return v
end

local function files(prefix)
  local dir, base = prefix:match("^(.*/)([^/]*)$")
  dir = dir or ""
  base = base or prefix
  local names = host.list_dir(dir == "" and "." or dir) or {}
  local out = {}
  for _, n in ipairs(names) do
    if n:sub(1, #base) == base and (base:sub(1, 1) == "." or n:sub(1, 1) ~= ".") then
      local full = dir .. n
      if host.file_kind(full) == "dir" then full = full .. "/" end
      out[#out + 1] = full
    end
  end
  return out
end

-- complete(line, env) -> candidates (full words), 1-based start of the word they replace
function complete.complete(line, env)
  -- inside an unfinished string: file names
  local quote_start = nil
  local i, in_str = 1, nil
  while i <= #line do
    local c = line:sub(i, i)
    if in_str then
      if c == "\\" then i = i + 1
      elseif c == in_str then in_str = nil end
    elseif c == '"' or c == "'" then
      in_str, quote_start = c, i
    end
    i = i + 1
  end
  if in_str then
    local prefix = line:sub(quote_start + 1)
    local before = line:sub(1, quote_start - 1)
    -- the string names a tool (run "five_w<Tab>, tool.show("lo<Tab>, resume("...): tool ids
    if before:match("run%s*%(?%s*$") or before:match("tool%.[%w_]+%s*%(?%s*$")
        or before:match("resume%s*%(?%s*$") then
      local ok, list = pcall(function() return require("cairn.tool").list() end)
      local ids = {}
      for _, t in ipairs(ok and list or {}) do
        local id = type(t) == "table" and t.id or nil
        if id and id:sub(1, #prefix) == prefix then ids[#ids + 1] = id end
      end
      table.sort(ids)
      if #ids > 0 then return ids, quote_start + 1 end
    end
    return files(prefix), quote_start + 1
  end

  local word_start = #line + 1
  while word_start > 1 and line:sub(word_start - 1, word_start - 1):match("[%w_%.:]") do
    word_start = word_start - 1
  end
  local word = line:sub(word_start)
  local candidates, seen = {}, {}
  local function add(s)
    if not seen[s] then seen[s] = true; candidates[#candidates + 1] = s end
  end
  local base, sep, partial = word:match("^(.*)([%.:])([%w_]*)$")
  if base then
    local target = resolve(env, base)
    local names = {}
    keys_of(target, names)
    for k, t in pairs(names) do
      if k:sub(1, #partial) == partial and k:match("^[%a_][%w_]*$")
          and (sep == "." or t == "function") then
        add(base .. sep .. k)
      end
    end
  else
    for _, k in ipairs(keywords) do if k:sub(1, #word) == word then add(k) end end
    local names = {}
    keys_of(env, names)
    for _, k in ipairs(require("cairn.prelude").lazy_names()) do names[k] = true end
    for k in pairs(names) do
      if k:sub(1, #word) == word and k:match("^[%a_][%w_]*$") then add(k) end
    end
  end
  table.sort(candidates)
  return candidates, word_start
end

return complete
