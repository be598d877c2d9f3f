-- cairn.workspace: the current session's workspace (the `ws` global of scripts and the REPL).
--
-- The workspace itself (which file, the open handle, read-only or not, the unit of work) is
-- held by the session (cairn.session); these functions forward to the current one, so
-- `ws.db()`, `ws.scope(fn)`, `ws.path()` keep working in every script. The command line sets
-- the path (-w FILE, else $CAIRN_WORKSPACE, else ./cairn.db). Nothing is opened until something
-- asks for the database. Inside ws.scope(fn) every change fn makes is one transaction:
-- committed when fn returns, rolled back when it raises.
local session = require "cairn.session"

local ws = {}

local function current() return session.current() end

function ws.path() return current():path() end
function ws.set_path(path, opts) return current():set_path(path, opts) end
function ws.exists() return current():exists() end
function ws.is_open() return current():is_open() end
function ws.db() return current():db() end

-- Create a new workspace for DISTRICT at PATH (default ws.path()) and make it current.
function ws.create(district, path) return current():create(district, path) end

-- A value from the meta table (district, created_at, ...).
function ws.meta(key)
  return ws.db():value("SELECT value FROM meta WHERE key = ?", key)
end

function ws.district()
  return ws.meta("district")
end

-- A district setting (settings table), with a default when unset.
function ws.setting(key, default)
  local v = ws.db():value("SELECT value FROM settings WHERE key = ?", key)
  if v == nil then return default end
  return v
end

function ws.set_setting(key, value)
  ws.db():exec("INSERT INTO settings(key, value) VALUES (?, ?) "
    .. "ON CONFLICT(key) DO UPDATE SET value = excluded.value", key, value)
end

-- Run fn(...) as one unit of work: its writes commit together when it returns and roll back
-- together when it raises (the error then propagates unchanged).
function ws.scope(fn, ...) return current():scope(fn, ...) end

return ws
