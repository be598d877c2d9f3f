-- cairn.paths: the folders cairn searches for district files, in order: the workspace's folder,
-- $CAIRN_PATH (colon-separated), the user's config folder, then the built-in scripts/ and lua/.
-- A district overrides a tool, a report or a theme by putting a file of the same relative name
-- in one of the earlier folders.
local host = require "cairn.host"

local paths = {}

function paths.roots()
  local roots = {}
  local ws_path = require("cairn.workspace").path()
  local dir = ws_path:match("^(.*)/[^/]*$") or "."
  roots[#roots + 1] = dir
  for p in (os.getenv("CAIRN_PATH") or ""):gmatch("[^:]+") do roots[#roots + 1] = p end
  local xdg = os.getenv("XDG_CONFIG_HOME")
  local home = os.getenv("HOME")
  if xdg and xdg ~= "" then roots[#roots + 1] = xdg .. "/cairn"
  elseif home and home ~= "" then roots[#roots + 1] = home .. "/.config/cairn" end
  local data = host.datadir()
  roots[#roots + 1] = data .. "/scripts"
  roots[#roots + 1] = data .. "/lua"
  return roots
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

return paths
