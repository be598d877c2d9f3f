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

-- json.encode(value [, {indent = true}]) -> string
function json.encode(value, opts)
  if not (opts and opts.indent) then
    -- dkjson's bytes, written in C when the value is plain data (src/l_json.c: no __tojson, no
    -- cycle, no number keys in an object); anything else goes to dkjson itself below
    local s = encode_plain(value, dkjson().quotestring)
    if s then return s end
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
