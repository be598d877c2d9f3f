-- cairn.json: JSON in and out, on Debian's dkjson.
--
-- Why dkjson and not lua-cjson: cjson 2.1 decodes every number as a float in Lua 5.4 (4 becomes
-- 4.0) and encodes at most 14 significant digits; answers files and report data need integers
-- to stay integers. Encoding here sorts object keys, so output is byte-for-byte repeatable.
-- dkjson is loaded on the first encode or decode, not with the modules that merely may need
-- JSON (plan, text, ...): compiling it is a good part of a short command's start-up.
local function dkjson() return require "dkjson" end
local encode_plain = require("cairn.jsoncore").encode_plain

local json = {}

-- JSON's null where a Lua nil cannot stand (a table's value): dkjson writes any table whose
-- __tojson says "null" as null, as it does its own json.null.
json.null = setmetatable({}, { __tojson = function() return "null" end })

-- Sorted keys everywhere, for deterministic output.
local function keyorder(t)
  local keys = {}
  for k in pairs(t) do keys[#keys + 1] = k end
  table.sort(keys, function(a, b)
    if type(a) == type(b) then return a < b end
    return type(a) == "number"
  end)
  return keys
end

-- dkjson takes one key order per call: gather every string key used anywhere in VALUE.
local function collect_keys(value, keys, visited)
  if type(value) ~= "table" or visited[value] then return end
  visited[value] = true
  for k, v in pairs(value) do
    if type(k) == "string" then keys[k] = true end
    collect_keys(v, keys, visited)
  end
end

-- The fast path for compact output of plain data (strings, numbers, booleans, tables without
-- JSON metamethods): the bytes dkjson writes with the sorted key order below, without its cost
-- (dkjson walks the whole document's key list for every object; a plan_status run saves 5,000
-- items). Anything else (a __tojson value, a cycle, a function, a key JSON cannot have, a
-- locale's decimal comma) gives up, and json.encode hands the value to dkjson as before.
local GIVE_UP = setmetatable({}, { __tostring = function() return "json: not plain data" end })
local getmeta = debug.getmetatable
local huge, floor = math.huge, math.floor
-- bytes dkjson's quotestring may escape; a string without any is written as it is
local SPECIAL = "[%z\1-\31\"\\\127\194\216\220\225\226\239]"

local function plain_encode(value)
  local quote = dkjson().quotestring
  local buf, n = {}, 0
  local open = {}
  local function str(s)
    if s:find(SPECIAL) then return quote(s) end
    return '"' .. s .. '"'
  end
  local enc
  local function array(t, max)
    n = n + 1; buf[n] = "["
    for i = 1, max do
      if i > 1 then n = n + 1; buf[n] = "," end
      enc(t[i])
    end
    n = n + 1; buf[n] = "]"
  end
  local function object(t)
    local keys, others = {}, nil
    for k in pairs(t) do
      local kt = type(k)
      if kt == "string" then keys[#keys + 1] = k
      elseif kt == "number" then others = others or {}; others[#others + 1] = k
      else error(GIVE_UP) end
    end
    table.sort(keys)
    n = n + 1; buf[n] = "{"
    local first = true
    for _, k in ipairs(keys) do
      if not first then n = n + 1; buf[n] = "," end
      first = false
      n = n + 1; buf[n] = str(k)
      n = n + 1; buf[n] = ":"
      enc(t[k])
    end
    for _, k in ipairs(others or {}) do -- number keys of an object: after the names, as dkjson does
      if not first then n = n + 1; buf[n] = "," end
      first = false
      n = n + 1; buf[n] = quote(k)
      n = n + 1; buf[n] = ":"
      enc(t[k])
    end
    n = n + 1; buf[n] = "}"
  end
  enc = function(v)
    local vt = type(v)
    if vt == "string" then
      n = n + 1; buf[n] = str(v)
    elseif vt == "number" then
      local s
      if v ~= v or v >= huge or -v >= huge then s = "null"
      else
        s = tostring(v)
        if s:find("[^0-9%-%+eE%.]") then error(GIVE_UP) end
      end
      n = n + 1; buf[n] = s
    elseif vt == "boolean" then
      n = n + 1; buf[n] = v and "true" or "false"
    elseif v == nil then
      n = n + 1; buf[n] = "null"
    elseif vt == "table" then
      local mt, jsontype = getmeta(v), nil
      if type(mt) == "table" then
        if mt.__tojson ~= nil or mt.__jsonorder ~= nil then error(GIVE_UP) end
        jsontype = mt.__jsontype
      end
      if open[v] then error(GIVE_UP) end -- a cycle: dkjson says so
      open[v] = true
      -- dkjson's array test: only positive integer keys (and a numeric n), not too sparse
      local max, count, arraylen, is_array = 0, 0, 0, true
      for k, x in pairs(v) do
        if k == "n" and type(x) == "number" then
          arraylen = x
          if x > max then max = x end
        elseif type(k) ~= "number" or k < 1 or floor(k) ~= k then
          is_array = false
          break
        else
          if k > max then max = k end
          count = count + 1
        end
      end
      if is_array and max > 10 and max > arraylen and max > count * 2 then is_array = false end
      if is_array and max == 0 and jsontype == "object" then is_array = false end
      if is_array then array(v, max) else object(v) end
      open[v] = nil
    else
      error(GIVE_UP)
    end
  end
  enc(value)
  return table.concat(buf, "", 1, n)
end

-- json.encode(value [, {indent = true}]) -> string
function json.encode(value, opts)
  if not (opts and opts.indent) then
    -- the same bytes in C when the value is plain enough for it (src/l_json.c), else in Lua
    local s = encode_plain(value, dkjson().quotestring)
    if s then return s end
    local ok
    ok, s = pcall(plain_encode, value)
    if ok then return s end
    if s ~= GIVE_UP then error(s, 0) end
  end
  local keys = {}
  collect_keys(value, keys, {})
  return dkjson().encode(value, { indent = opts and opts.indent or false, keyorder = keyorder(keys) })
end

-- json.decode(text [, name]) -> value, or nil and "name:line:column: message"
function json.decode(text, name)
  local value, pos, err = dkjson().decode(text, 1, nil)
  if err then
    local line, col = 1, 1
    for i = 1, math.min((pos or 1) - 1, #text) do
      if text:byte(i) == 10 then line, col = line + 1, 1 else col = col + 1 end
    end
    return nil, string.format("%s:%d:%d: %s", name or "json", line, col, err)
  end
  return value
end

json.keyorder = keyorder

return json
