-- cairn.paths: the one search path. Tools, reports, layouts, themes, scales and `require` all
-- look along the same folders, in this order:
--
--   1. the workspace's folder (only when the workspace file is there: the current folder is
--      never searched just because cairn was started in it)
--   2. $CAIRN_PATH (colon-separated)
--   3. the user's config folder ($XDG_CONFIG_HOME/cairn, else ~/.config/cairn)
--   4. the built-in scripts/ and lua/
--   and, for `require` only, Debian's Lua folders before all of them (dkjson and other Lua
--   libraries cairn uses cannot be replaced by a file of the same name in a district folder).
--
-- A district overrides a tool, a report or a theme by putting a file of the same relative name
-- in an earlier folder. cairn's own modules (`cairn.*`) always load from the built-in lua/, so a
-- stray cairn/cli.lua somewhere cannot replace cairn itself; the modules that are district
-- policy by design (paths.overridable) are searched along the whole path.
--
-- The list is built once for a workspace and reused (rebuilt only when the workspace changes).
local host = require "cairn.host"

local paths = {}

-- cairn modules a district may replace by copying them onto its search path.
paths.overridable = {
  ["cairn.theme"] = true,         -- colours, fonts, words of every report
  ["cairn.smart"] = true,         -- SMART criteria in each guidebook's words
  ["cairn.survey.scales"] = true, -- the survey answer scales
}

local debian_lua = { "/usr/local/share/lua/5.4", "/usr/share/lua/5.4" }

-- The workspace file this run uses (the session decides; the default session's path otherwise).
local function workspace_path()
  return require("cairn.workspace").path()
end

local function folder_of(file)
  return file:match("^(.*)/[^/]*$") or "."
end

-- Build the list of roots for WS_PATH: { {dir =, why =}, ... }.
local function build_roots(ws_path)
  local roots = {}
  local function add(dir, why)
    if dir and dir ~= "" then roots[#roots + 1] = { dir = dir, why = why } end
  end
  if ws_path and host.file_kind(ws_path) == "file" then add(folder_of(ws_path), "the workspace's folder") end
  for p in (os.getenv("CAIRN_PATH") or ""):gmatch("[^:]+") do add(p, "$CAIRN_PATH") end
  local xdg, home = os.getenv("XDG_CONFIG_HOME"), os.getenv("HOME")
  if xdg and xdg ~= "" then add(xdg .. "/cairn", "your config folder")
  elseif home and home ~= "" then add(home .. "/.config/cairn", "your config folder") end
  local data = host.datadir()
  add(data .. "/scripts", "built in")
  add(data .. "/lua", "built in")
  return roots
end

local cache = { key = nil, roots = nil }

-- The search path's folders, each {dir =, why =}; built once per workspace and $CAIRN_PATH.
function paths.entries()
  local ws_path = workspace_path()
  local key = ws_path .. "\0" .. (os.getenv("CAIRN_PATH") or "")
  if cache.key ~= key or (cache.ws_exists ~= (host.file_kind(ws_path) == "file")) then
    cache.key, cache.roots = key, build_roots(ws_path)
    cache.ws_exists = host.file_kind(ws_path) == "file"
    paths.install()
  end
  return cache.roots
end

-- The folders alone, in order.
function paths.roots()
  local out = {}
  for i, e in ipairs(paths.entries()) do out[i] = e.dir end
  return out
end

-- The first file REL (e.g. "tools/five_whys.lua") found along the roots, or nil.
function paths.find(rel)
  for _, root in ipairs(paths.roots()) do
    local p = root .. "/" .. rel
    if host.file_kind(p) == "file" then return p end
  end
  return nil
end

-- Every file in folder REL (e.g. "tools") along the roots whose name ends in SUFFIX; earlier
-- roots shadow later ones. Returns a sorted list of {name =, path =}.
function paths.list(rel, suffix)
  suffix = suffix or ".lua"
  local seen, out = {}, {}
  for _, root in ipairs(paths.roots()) do
    local names = host.list_dir(root .. "/" .. rel)
    for _, n in ipairs(names or {}) do
      if n:sub(-#suffix) == suffix and not seen[n] then
        seen[n] = true
        out[#out + 1] = { name = n:sub(1, -#suffix - 1), path = root .. "/" .. rel .. "/" .. n }
      end
    end
  end
  table.sort(out, function(a, b) return a.name < b.name end)
  return out
end

-- The `package.path` template for a list of folders.
local function template(dirs)
  local parts = {}
  for _, d in ipairs(dirs) do
    parts[#parts + 1] = d .. "/?.lua"
    parts[#parts + 1] = d .. "/?/init.lua"
  end
  return table.concat(parts, ";")
end

-- Where `require NAME` looks: cairn's own modules in the built-in lua/ only (unless a district
-- may replace them), everything else along the whole path, then Debian's Lua folders.
function paths.module_template(name)
  if name:match("^cairn%.") and not paths.overridable[name] then
    return template({ host.datadir() .. "/lua" })
  end
  -- Debian's libraries first: a dkjson.lua next to a workspace cannot replace the real one
  local dirs = {}
  for _, d in ipairs(debian_lua) do dirs[#dirs + 1] = d end
  for _, d in ipairs(paths.roots()) do dirs[#dirs + 1] = d end
  return template(dirs)
end

-- The chunk compiled from SOURCE at build time (make writes CACHE_FILE, see
-- src/tools/compile-lua.c), or nil when there is none or it is not verifiably that source's:
-- its header must name SOURCE with the size and modification time SOURCE has now, and the
-- chunk must load. Anything else (stale, missing, damaged, another Lua) means "compile the
-- source", so the cache can only make start-up faster, never change what runs.
function paths.compiled_chunk(cache_file, source)
  return host.load_compiled(cache_file, source) or nil
end

-- cairn's own modules, loaded from the build's compiled chunks when they are current.
local function load_builtin(name, file)
  local dir = host.bytecode_dir()
  local fn = dir and paths.compiled_chunk(dir .. "/" .. name .. ".luac", file)
  if fn then return fn end
  return loadfile(file, "t")
end

-- The searcher that replaces Lua's file searcher: one path for `require` and for files.
local function search(name)
  local file, err = package.searchpath(name, paths.module_template(name))
  if not file then return "\n\t" .. err:gsub("^\n\t", "") end
  local fn, lerr
  if name:match("^cairn%.") then fn, lerr = load_builtin(name, file) else fn, lerr = loadfile(file, "t") end
  if not fn then error(string.format("error loading module '%s' from file '%s':\n\t%s", name, file, lerr), 0) end
  return fn, file
end

-- Make `require` use the search path (and keep package.path saying what it is). Called when
-- the path is built; idempotent.
function paths.install()
  package.searchers[2] = search
  local dirs = {}
  for _, d in ipairs(debian_lua) do dirs[#dirs + 1] = d end
  for _, e in ipairs(cache.roots or {}) do dirs[#dirs + 1] = e.dir end
  package.path = template(dirs)
end

return paths
