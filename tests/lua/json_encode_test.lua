-- json.encode's C fast path (src/l_json.c, cairn.jsoncore) writes dkjson's exact bytes: random
-- plain data (strings with the bytes dkjson escapes, integers, floats, sparse arrays, empty
-- tables, __jsontype, nesting) compared with dkjson given the same sorted key order; values
-- that are not plain enough give nil (json.lua then encodes them in Lua), never other bytes.
local t = require "tap"
local json = require "cairn.json"
local dkjson = require "dkjson"
local encode_plain = require("cairn.jsoncore").encode_plain
local quote = dkjson.quotestring

-- what json.encode writes without its fast paths: dkjson, keys sorted
local function reference(value)
  local keys, seen = {}, {}
  local function collect(v)
    if type(v) ~= "table" or seen[v] then return end
    seen[v] = true
    for k, x in pairs(v) do
      if type(k) == "string" then keys[k] = true end
      collect(x)
    end
  end
  collect(value)
  local order = {}
  for k in pairs(keys) do order[#order + 1] = k end
  table.sort(order)
  return dkjson.encode(value, { keyorder = order })
end

local pieces = { "a", "plan", "Ünïcode", "é", "\"", "\\", "\n", "\t", "\0", "\127", "<b>",
  "\226\128\168", "\226\128\148", "\239\187\191", "\194\160", "\194\173", "\216\128", "\220\143",
  "\225\158\180", "\226\129\160", " ", "x y", "1", "" }
local seed = 20261126
local function rand(n) -- a small deterministic generator (the same cases every run)
  seed = (seed * 1103515245 + 12345) % 2147483648
  return seed % n + 1
end
local function rstring()
  local s = {}
  for i = 1, rand(4) - 1 do s[i] = pieces[rand(#pieces)] end
  return table.concat(s)
end
local numbers = { 0, 1, -1, 42, 2 ^ 53, -7.25, 0.1, 1e300, 1 / 3, math.maxinteger, math.mininteger,
  3.0, -0.0, 1e-9 }
local function rvalue(depth)
  local kind = rand(depth > 3 and 4 or 7)
  if kind == 1 then return rstring()
  elseif kind == 2 then return numbers[rand(#numbers)]
  elseif kind == 3 then return rand(2) == 1
  elseif kind == 4 then return rstring() .. "!"
  elseif kind == 5 then -- an array, sometimes with holes
    local a = {}
    for i = 1, rand(6) - 1 do a[i] = rvalue(depth + 1) end
    if rand(4) == 1 then a[rand(30)] = rvalue(depth + 1) end
    return a
  elseif kind == 6 then -- an object
    local o = {}
    for _ = 1, rand(6) - 1 do o[rstring() .. pieces[rand(3)]] = rvalue(depth + 1) end
    if rand(5) == 1 then setmetatable(o, { __jsontype = "object" }) end
    return o
  else
    return {}
  end
end

local same, fast = 0, 0
for _ = 1, 3000 do
  local v = rvalue(0)
  local got = encode_plain(v, quote)
  local want = reference(v)
  if got == nil then
    same = same + 1
  elseif got == want then
    same, fast = same + 1, fast + 1
  else
    t.ok(false, "same bytes as dkjson for " .. want .. " (got " .. got .. ")")
    break
  end
end
t.is(same, 3000, "3000 random plain values: the C path writes dkjson's bytes or gives nil")
t.ok(fast > 2500, "and gives nil only rarely (" .. fast .. " of 3000 written in C)")

-- empty tables, __jsontype, numbers, the byte order of keys
t.is(encode_plain({}, quote), "[]", "an empty table is an array")
t.is(encode_plain(setmetatable({}, { __jsontype = "object" }), quote), "{}", "unless __jsontype says object")
t.is(encode_plain({ b = 1, a = { 1, 2.5, true }, ["Z"] = "x" }, quote), '{"Z":"x","a":[1,2.5,true],"b":1}',
  "keys sorted, integers and floats as tostring writes them")
t.is(encode_plain({ 0 / 0, math.huge }, quote), "[null,null]", "NaN and infinity as null")
t.is(encode_plain({ [1] = 1, [3] = 3 }, quote), "[1,null,3]", "a hole in a short array as null")

-- not plain: nil, and json.encode still gives dkjson's bytes through the Lua paths
local cycle = {}
cycle.self = cycle
local not_plain = {
  { json.null, "json.null (__tojson)" },
  { { n = 2, 1, 2 }, "a count field n" },
  { { [1.5] = "x" }, "a fractional key" },
  { { [0] = "x", a = 1 }, "a number key in an object" },
  { { f = print }, "a function" },
  { setmetatable({}, { __pairs = function() return next, {}, nil end }), "__pairs" },
}
for _, case in ipairs(not_plain) do
  t.is(encode_plain(case[1], quote), nil, "not plain: " .. case[2])
end
t.is(encode_plain(cycle, quote), nil, "not plain: a cycle")
t.is(json.encode({ a = json.null, b = { n = 1, 5 } }), reference({ a = json.null, b = { n = 1, 5 } }),
  "json.encode of what C gives up on: dkjson's bytes")
local deep = {}
local cur = deep
for _ = 1, 300 do cur[1] = {}; cur = cur[1] end
t.is(encode_plain(deep, quote), nil, "nesting past 200 levels is left to Lua")
t.is(json.encode(deep), reference(deep), "and json.encode writes it as dkjson does")

t.done()
