-- cairn.tool.answers_file: reading an answers file (JSON or Lua) as data.
--
-- An answers file comes from anyone (a colleague, another district, a cycle folder), so:
--   * a Lua answers file runs in the sandbox (cairn.sandbox): no files, no commands, no db, at
--     most `limits.instructions` instructions and `limits.memory` bytes;
--   * what it returns is copied into plain tables (no functions, no metatables: nothing of the
--     file's code runs after it returned);
--   * nesting deeper than `max_depth` is refused naming the file and the limit (before JSON
--     decoding, which recurses), and every string must be UTF-8 ("FILE: field.path: not valid
--     UTF-8", as the survey import says it).
local json = require "cairn.json"
local util = require "cairn.util"

local answers_file = {}

answers_file.max_depth = 64
answers_file.limits = { instructions = 20000000, memory = 32 << 20 }

-- The deepest nesting of [ and { in JSON text SRC (outside strings).
local function json_depth(src)
  local depth, deepest, in_string, escaped = 0, 0, false, false
  for c in src:gmatch('[%[%]{}"\\]') do
    -- a rough scan is enough: inside strings only " and \ matter
    if in_string then
      if escaped then escaped = false
      elseif c == "\\" then escaped = true
      elseif c == '"' then in_string = false end
    elseif c == '"' then in_string = true
    elseif c == "[" or c == "{" then
      depth = depth + 1
      if depth > deepest then deepest = depth end
    elseif c == "]" or c == "}" then depth = depth - 1 end
  end
  return deepest
end

local function too_deep(path)
  return string.format("%s: the answers are nested more than %d levels deep (the limit for an answers file)",
    path, answers_file.max_depth)
end

-- Check V's types, depth and UTF-8; raises "FILE: field.path: ...". FROM_CODE (a Lua file's
-- result): refuse metatables and return a plain copy; otherwise V itself (dkjson's tables carry
-- its __jsontype metatables, which cairn's JSON writer uses).
local function plain(v, file, where, depth, from_code)
  local tv = type(v)
  local function fail(msg)
    error(string.format("%s: %s%s", file, where ~= "" and (where .. ": ") or "", msg), 0)
  end
  if tv == "string" then
    if not utf8.len(v) then fail("not valid UTF-8") end
    return v
  elseif tv == "number" or tv == "boolean" then
    return v
  elseif v == json.null then
    return v
  elseif tv ~= "table" then
    fail("a " .. tv .. " is not an answer (answers are text, numbers, true/false and tables)")
  end
  if depth > answers_file.max_depth then error(too_deep(file), 0) end
  if from_code and getmetatable(v) ~= nil then fail("a table with a metatable is not an answer") end
  local out = from_code and {} or v
  local k, item = next(v)
  while k ~= nil do
    if type(k) == "string" and not utf8.len(k) then fail("a field name is not valid UTF-8") end
    if type(k) ~= "string" and type(k) ~= "number" then fail("a " .. type(k) .. " key is not a field name") end
    local name = tostring(k)
    local copy = plain(item, file, where == "" and name or (where .. "." .. name), depth + 1, from_code)
    if from_code then out[k] = copy end
    k, item = next(v, k)
  end
  return out
end

-- Answers from SRC, the text of an answers file NAME (used in messages): Lua when IS_LUA, else
-- JSON. Returns the answers, or nil and a message naming NAME. (tests/fuzz/fuzz_answers.c
-- feeds it arbitrary bytes.)
function answers_file.parse(src, name, is_lua)
  local v
  if is_lua then
    local sandbox = require "cairn.sandbox"
    local res = table.pack(sandbox.run(src, { name = name, limits = answers_file.limits }))
    if not res[1] then return nil, res[2] end
    v = res[2]
    if type(v) ~= "table" then
      return nil, string.format("%s: the file must return a table of answers, got %s", name, type(v))
    end
  else
    if json_depth(src) > answers_file.max_depth then return nil, too_deep(name) end
    local jerr
    v, jerr = json.decode(src, name)
    if jerr then return nil, jerr end
    if type(v) ~= "table" then
      return nil, string.format("%s: expected a JSON object of answers", name)
    end
  end
  local ok, data = pcall(plain, v, name, "", 1, is_lua)
  if not ok then return nil, tostring(data) end
  return data
end

-- Answers from the file at PATH (Lua when it ends in .lua, or starts with `return` and does
-- not end in .json). Returns the answers, or nil and a message naming the file.
function answers_file.load(path)
  local src, err = util.read_file(path)
  if not src then return nil, string.format("%s: cannot read the answers file (%s)", path, err) end
  local is_lua = path:match("%.lua$") or (not path:match("%.json$") and src:match("^%s*return"))
  return answers_file.parse(src, path, is_lua and true or false)
end

return answers_file
