-- cairn.continuum: the relationship continuum's levels (Relationship Continuum Self-Assessment),
-- read from cairn/relationship_continuum.lua along the search path: a district's file wins over
-- cairn's default. Checked when read; every problem names the file.
--
--   local c = require("cairn.continuum").read()
--   c.levels   {"Adversarial", ..., "Partner"}   weakest first
--   c.goal     {Cooperative = true, Partner = true}
--   c.source   "cairn" (cairn's default) or the district's words; c.path the file
--   c.ours     true when the levels are cairn's default, not the guidebook's nor the district's
local paths = require "cairn.paths"
local util = require "cairn.util"

local M = {}

M.file = "cairn/relationship_continuum.lua"

-- The levels the tool stored positions against before it stored labels (the guidebook's two
-- surviving levels): an old worksheet's level 1 is Cooperative, 2 is Partner.
M.legacy_levels = { "Cooperative", "Partner" }

local cache = {} -- path -> { src =, continuum = }

local function check(c, path)
  local function need(cond, msg) if not cond then error(path .. ": " .. msg, 0) end end
  need(type(c) == "table", "expected the file to return { levels = { ... }, goal = { ... } }")
  need(type(c.levels) == "table" and #c.levels >= 2, "levels must list at least two levels, weakest first")
  local seen = {}
  for i, l in ipairs(c.levels) do
    need(type(l) == "string" and l:match("%S"), string.format("levels[%d] must be a level's name", i))
    need(not seen[l:lower()], string.format("levels[%d]: '%s' is listed twice", i, l))
    seen[l:lower()] = l
  end
  need(c.goal == nil or type(c.goal) == "table", "goal must list the levels a relationship should reach")
  local goal = {}
  for i, g in ipairs(c.goal or {}) do
    need(type(g) == "string" and seen[g:lower()], string.format("goal[%d]: '%s' is not one of the levels (%s)",
      i, tostring(g), table.concat(c.levels, ", ")))
    goal[seen[g:lower()]] = true
  end
  if next(goal) == nil then goal[c.levels[#c.levels]] = true end -- the strongest level, by default
  need(c.source == nil or type(c.source) == "string", "source must say whose continuum it is")
  return { levels = c.levels, goal = goal, source = c.source or "district", path = path,
    ours = (c.source or "") == "cairn" }
end

-- The continuum in use (the first cairn/relationship_continuum.lua along the search path).
function M.read()
  local path = paths.find(M.file)
  if not path then error("no " .. M.file .. " on the search path (cairn paths shows it)", 0) end
  local src, err = util.read_file(path)
  if not src then error(path .. ": " .. tostring(err), 0) end
  local hit = cache[path]
  if hit and hit.src == src then return hit.continuum end
  local chunk, cerr = load(src, "@" .. path, "t", {})
  if not chunk then error(cerr, 0) end
  local ok, c = pcall(chunk)
  if not ok then error(tostring(c), 0) end
  local continuum = check(c, path)
  cache[path] = { src = src, continuum = continuum }
  return continuum
end

-- The label of a stored level: a label (what worksheets store) as it is; a position (what
-- worksheets stored before labels) read against the legacy levels.
function M.label(v)
  if math.type(v) == "integer" then return M.legacy_levels[v] or tostring(v) end
  if type(v) == "table" then return v.label end -- { label =, position = } if ever stored so
  return v
end

-- The position of label L in continuum C (1 = weakest), or nil when C has no such level.
function M.position(c, l)
  l = M.label(l)
  if type(l) ~= "string" then return nil end
  for i, x in ipairs(c.levels) do if x:lower() == l:lower() then return i end end
  return nil
end

return M
