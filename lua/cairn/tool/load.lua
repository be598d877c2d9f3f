-- cairn.tool.load: finding a tool on the search path and compiling it (tool.load), and reading
-- an answers file (tool.load_answers). Part of cairn.tool, which re-exports these functions.
local host = require "cairn.host"
local paths = require "cairn.paths"
local util = require "cairn.util"
local form = require "cairn.tool.form"

local M = {}

local cache = {} -- path -> compiled tool, while the file's hash is unchanged

-- Tool ids close to ID, for "did you mean": those containing it (or contained in it), else
-- those a typo away ("fiv_whys").
local function similar(id)
  local names, out = {}, {}
  for _, e in ipairs(paths.list("tools", ".lua")) do
    names[#names + 1] = e.name
    if e.name:find(id, 1, true) or id:find(e.name, 1, true) then out[#out + 1] = e.name end
  end
  if #out == 0 then out = require("cairn.suggest").closest(id, names) end
  return out
end

-- Every file tools/ID.lua along the search path, first (the one used) to last (built in).
function M.candidates(id)
  local out = {}
  for _, root in ipairs(paths.roots()) do
    local p = root .. "/tools/" .. id .. ".lua"
    if host.file_kind(p) == "file" then out[#out + 1] = p end
  end
  return out
end

-- The built-in version of tool ID (scripts/tools/ID.lua), or nil.
function M.builtin_path(id)
  local p = host.datadir() .. "/scripts/tools/" .. id .. ".lua"
  return host.file_kind(p) == "file" and p or nil
end

-- The line of SRC where element NAME is declared (`id = "NAME"`), for a message pointing at it.
local function line_of(src, name)
  if not name then return nil end
  local n = 1
  for line in (src .. "\n"):gmatch("([^\n]*)\n") do
    if line:find("id%s*=%s*[\"']" .. name:gsub("%p", "%%%0") .. "[\"']") then return n end
    n = n + 1
  end
  return nil
end

local loading = {} -- paths being loaded (an extension that extends itself, in a loop)

-- Compile the tool file PATH as tool ID (an `extends = BASE` declaration is merged onto its
-- base: the next file of that id along the path when BASE is ID itself). Raises
-- "PATH:LINE: problem" naming every problem.
function M.load_file(path, id)
  local src, err = util.read_file(path)
  if not src then error(path .. ": " .. tostring(err), 0) end
  local hash = host.hash(src)
  local hit = cache[path]
  if hit and hit.hash == hash then return hit end
  if loading[path] then error(path .. ": extends itself (a loop of extends)", 0) end
  local env = setmetatable({}, { __index = _G })
  local chunk, cerr = load(src, "@" .. path, "t", env)
  if not chunk then error(cerr, 0) end
  loading[path] = true
  local ok, decl = pcall(chunk)
  if ok and type(decl) == "table" and decl.extends ~= nil then
    ok, decl = pcall(function()
      local base_id = decl.extends
      if type(base_id) ~= "string" then error(path .. ": extends must be a tool id", 0) end
      local base
      if base_id == id then
        local later
        for _, p in ipairs(M.candidates(id)) do
          if later then base = M.load_file(p, id) break end
          if p == path then later = true end
        end
        if not base then error(path .. ": extends '" .. id .. "' but no other " .. id .. ".lua is on the search path", 0) end
      else
        base = M.load(base_id)
      end
      local merged = require("cairn.tool.extend").merge(base, decl, path)
      merged.id = decl.id or id
      return merged
    end)
  end
  loading[path] = nil
  if not ok then error(tostring(decl), 0) end
  -- the form as written, before compiling normalises it: what an extension builds on
  if type(decl) == "table" and type(decl.form) == "table" then decl.raw_form = util.deep_copy(decl.form) end
  local cok, problems = pcall(form.compile, decl, id)
  if not cok then problems = { "cannot check the declaration: " .. tostring(problems) } end
  if #problems > 0 then
    local lines = {}
    for i, msg in ipairs(problems) do
      local line = line_of(src, msg:match(".*'([%w_]+)'%)"))
      lines[i] = path .. (line and (":" .. line) or "") .. ": " .. msg
    end
    error(table.concat(lines, "\n"), 0)
  end
  decl.path, decl.hash = path, hash
  if not decl.changes then cache[path] = decl end -- an extension is merged afresh (its base may change)
  return decl
end

-- Warn once per file version that a district copy could not be loaded.
local warned = {}

-- The tool ID, compiled: its declaration with .id, .path (the file used) and .hash (version).
-- A district's copy that cannot be loaded does not take the tool down: the error is printed
-- (file and line) and the next version along the path (in the end the built-in one) is used,
-- with .fallback = { path =, error = } saying why. Raises when no version loads.
function M.load(id)
  if type(id) == "table" and id.hash then return id end
  if type(id) ~= "string" or not id:match("^[%w_%-]+$") then
    error(string.format("'%s' is not a tool id (tools() lists them)", tostring(id)), 0)
  end
  local found = M.candidates(id)
  if #found == 0 then
    local near = similar(id)
    error(string.format("no tool '%s'%s (tools() or cairn tool list shows them)", id,
      #near > 0 and (" (did you mean " .. table.concat(near, ", ") .. "?)") or ""), 0)
  end
  local first_err
  for i, path in ipairs(found) do
    local ok, T = pcall(M.load_file, path, id)
    if ok then
      if first_err then
        local copy = {}
        for k, v in pairs(T) do copy[k] = v end
        copy.fallback = { path = found[1], error = first_err }
        T = copy
        local key = found[1] .. "\0" .. first_err
        if not warned[key] then
          warned[key] = true
          io.stderr:write(string.format("%s\nwarning: %s cannot be used; using %s instead (fix the file, or remove it to use the built-in tool)\n",
            first_err, found[1], path))
        end
      end
      return T
    end
    first_err = first_err or tostring(T)
    if i == #found then error(first_err, 0) end
  end
end

-- Answers from a JSON or Lua file (Lua: `return { ... }`, run in the sandbox). Returns the
-- answers, or nil and "FILE: message" (cairn.tool.answers_file).
function M.load_answers(path)
  return require("cairn.tool.answers_file").load(path)
end

return M
