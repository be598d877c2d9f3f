-- cairn.tool.load: finding a tool on the search path and compiling it (tool.load), and reading
-- an answers file (tool.load_answers). Part of cairn.tool, which re-exports these functions.
local host = require "cairn.host"
local paths = require "cairn.paths"
local util = require "cairn.util"
local form = require "cairn.tool.form"

local M = {}

local cache = {} -- path -> compiled tool, while the file's hash is unchanged

-- Tool ids close to ID, for "did you mean".
local function similar(id)
  local out = {}
  for _, e in ipairs(paths.list("tools", ".lua")) do
    if e.name:find(id, 1, true) or id:find(e.name, 1, true) then out[#out + 1] = e.name end
  end
  return out
end

-- The tool ID, compiled: its declaration with .id, .path (the file used) and .hash (version).
-- Raises an error naming the file and element when the declaration is wrong.
function M.load(id)
  if type(id) == "table" and id.hash then return id end
  if type(id) ~= "string" or not id:match("^[%w_%-]+$") then
    error(string.format("'%s' is not a tool id (tools() lists them)", tostring(id)), 0)
  end
  local path = paths.find("tools/" .. id .. ".lua")
  if not path then
    local near = similar(id)
    error(string.format("no tool '%s'%s (tools() or cairn tool list shows them)", id,
      #near > 0 and (" (did you mean " .. table.concat(near, ", ") .. "?)") or ""), 0)
  end
  local src, err = util.read_file(path)
  if not src then error(path .. ": " .. tostring(err), 0) end
  local hash = host.hash(src)
  local hit = cache[path]
  if hit and hit.hash == hash then return hit end
  local env = setmetatable({}, { __index = _G })
  local chunk, cerr = load(src, "@" .. path, "t", env)
  if not chunk then error(cerr, 0) end
  local ok, decl = pcall(chunk)
  if not ok then error(tostring(decl), 0) end
  local cok, problems = pcall(form.compile, decl, id)
  if not cok then problems = { "cannot check the declaration: " .. tostring(problems) } end
  if #problems > 0 then
    error(path .. ": " .. table.concat(problems, "\n" .. path .. ": "), 0)
  end
  decl.path, decl.hash = path, hash
  cache[path] = decl
  return decl
end


-- Answers from a JSON or Lua file (Lua: `return { ... }`, run in the sandbox). Returns the
-- answers, or nil and "FILE: message" (cairn.tool.answers_file).
function M.load_answers(path)
  return require("cairn.tool.answers_file").load(path)
end

return M
