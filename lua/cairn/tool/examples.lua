-- cairn.tool.examples: the guidebooks' worked examples (District A, the NEA example project plan,
-- ...) as answers a facilitator can look at (`?` during a tool) or start from for training
-- (`cairn tool run ID --example`, `run("ID", {example = true})`).
--
-- An example is a data file tools/examples/ID.lua along the search path (a district's own file
-- wins over cairn's), read as plain data: no functions, no globals. It returns
--   { title =, source =, summary =, people = { names the answers use }, answers = { ... } }
-- where answers have the shape of the tool's form (what an answers file holds).
local host = require "cairn.host"
local paths = require "cairn.paths"
local util = require "cairn.util"

local M = {}

local cache = {} -- path -> { hash =, example = }

-- Check the example's own keys; every problem names the file.
local function check_shape(ex, path)
  local function need(cond, msg) if not cond then error(path .. ": " .. msg, 0) end end
  need(type(ex) == "table", "an example file returns a table { title =, answers = { ... } }")
  need(type(ex.title) == "string" and ex.title:match("%S"), "title must be text (the example's name)")
  need(type(ex.answers) == "table", "answers must be a table in the shape of the tool's form")
  for _, k in ipairs { "source", "summary" } do
    need(ex[k] == nil or type(ex[k]) == "string", k .. " must be text")
  end
  need(ex.people == nil or type(ex.people) == "table", "people must be a list of names")
  for i, p in ipairs(ex.people or {}) do need(type(p) == "string", "people[" .. i .. "] must be a name") end
  local known = { title = true, source = true, summary = true, people = true, answers = true }
  for k in pairs(ex) do need(known[k], string.format("unknown key '%s' (expected title, source, "
    .. "summary, people, answers)", tostring(k))) end
end

-- Read example file PATH (cached while unchanged).
function M.load_file(path)
  local src, err = util.read_file(path)
  if not src then error(path .. ": " .. tostring(err), 0) end
  local hash = host.hash(src)
  local hit = cache[path]
  if hit and hit.hash == hash then return hit.example end
  local chunk, cerr = load(src, "@" .. path, "t", {}) -- data only: an empty environment
  if not chunk then error(cerr, 0) end
  local ok, ex = pcall(chunk)
  if not ok then error(tostring(ex), 0) end
  check_shape(ex, path)
  ex.path = path
  cache[path] = { hash = hash, example = ex }
  return ex
end

-- The worked example of tool ID, or nil when its guidebook has none.
function M.find(id)
  local p = type(id) == "string" and id:match("^[%w_%-]+$") and paths.find("tools/examples/" .. id .. ".lua")
  if not p then return nil end
  return M.load_file(p)
end

-- Every example on the search path: a sorted list of { id =, path = }.
function M.list()
  return paths.list("tools/examples", ".lua")
end

-- The people an example names, as validation's new_people ({ [lower name] = name }): names the
-- workspace need not have, so a training run adds nobody to it.
function M.people(ex)
  local out = {}
  for _, p in ipairs(ex.people or {}) do out[util.squash(p):lower()] = util.squash(p) end
  return out
end

-- Validate example EX against tool T: stored answers, errors, warnings (cairn.tool.validate).
function M.validate(T, ex)
  return require("cairn.tool.validate").validate(T, ex.answers, { new_people = M.people(ex) })
end

-- The example's answer at question PATH ("objectives[2].objective"), or nil.
function M.answer_at(ex, path)
  local keys = require("cairn.tool.worksheets").parse_path(path or "")
  if not keys then return nil end
  local v = ex.answers
  for _, k in ipairs(keys) do
    if type(v) ~= "table" then return nil end
    v = v[k]
  end
  return v
end

-- An answer as one line of text (a list joined with commas; a table of rows counted).
function M.show(v, f)
  if type(v) == "table" then
    if #v > 0 and type(v[1]) ~= "table" then
      local parts = {}
      for i, x in ipairs(v) do parts[i] = tostring(x) end
      return table.concat(parts, ", ")
    end
    return string.format("(%d rows)", #v)
  end
  if type(v) == "boolean" then return v and "yes" or "no" end
  if f and f.type == "scale" and math.type(v) == "integer" and f.levels and f.levels[v] then
    return f.levels[v]
  end
  return tostring(v)
end

-- The example in a few lines: its name and source, its summary, how to start from it.
function M.summary(T, ex)
  local lines = { "Worked example: " .. ex.title }
  if ex.source then lines[#lines + 1] = "  (" .. ex.source .. ")" end
  if ex.summary then lines[#lines + 1] = ex.summary end
  lines[#lines + 1] = string.format("Start from it for training: run(\"%s\", {example = true}) or "
    .. "cairn tool run %s --example.", T.id, T.id)
  return table.concat(lines, "\n")
end

-- The tools that have a worked example and those that have none (ids, sorted).
function M.coverage()
  local have, none = {}, {}
  local ex = {}
  for _, e in ipairs(M.list()) do ex[e.name] = true end
  for _, e in ipairs(paths.list("tools", ".lua")) do
    if ex[e.name] then have[#have + 1] = e.name else none[#none + 1] = e.name end
  end
  return have, none
end

return M
