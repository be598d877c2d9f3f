-- cairn.workspace: which workspace file this run uses, opened on first use.
--
-- The command line sets the path (-w FILE, else $CAIRN_WORKSPACE, else ./cairn.db). Nothing is
-- opened until something asks for the database, so scripts that never touch it start fast and
-- work without a workspace. Inside ws.scope(fn) every change fn makes is one transaction:
-- committed when fn returns, rolled back when it raises, so a failing script or REPL line
-- never leaves a half-written workspace.
local host = require "cairn.host"

local ws = {}

local chosen_path, handle, readonly_mode
local scope_depth, scope_tx = 0, nil

-- The workspace path: explicit, then $CAIRN_WORKSPACE, then ./cairn.db.
function ws.path()
  return chosen_path or os.getenv("CAIRN_WORKSPACE") or "cairn.db"
end

-- Leave the current workspace. Inside a unit of work, what it wrote there so far is committed
-- first: switching workspaces ends the unit's work on that file (closing would roll it back).
local function leave_current()
  if scope_tx then
    local tx = scope_tx
    scope_tx = nil
    if handle and handle:isopen() then tx:commit() end
  end
  if handle and handle:isopen() then handle:close() end
  handle = nil
end

function ws.set_path(path, opts)
  leave_current()
  chosen_path = path
  readonly_mode = opts and opts.readonly or false
end

function ws.exists()
  return host.file_kind(ws.path()) ~= nil
end

function ws.is_open()
  return handle ~= nil and handle:isopen()
end

-- The open workspace database; opens (and migrates) it on first use. Raises a message that
-- names the file and says what to do when it cannot be opened.
--
-- Inside ws.scope the unit of work takes the write lock the first time it asks for the
-- database, before it reads anything: a second cairn then waits for the first (busy timeout)
-- instead of failing when its read snapshot cannot be upgraded to a write. A unit that never
-- touches the database (a REPL line like 1 + 1) takes no lock and never waits.
local scope_locked = false

local function lock_for_scope(db)
  if scope_tx and not scope_locked and not readonly_mode then
    scope_locked = true
    -- a write that changes nothing: it takes the lock (waiting for another writer) and keeps it
    db:exec("UPDATE meta SET value = value WHERE 0")
  end
end

function ws.db()
  if handle and handle:isopen() then
    lock_for_scope(handle)
    return handle
  end
  local db, err = host.open_workspace(ws.path(), readonly_mode and "readonly" or "open")
  if not db then error(err, 0) end
  handle = db
  if scope_depth > 0 and not scope_tx then
    scope_tx, scope_locked = db:begin { deferred = true }, false
  end
  lock_for_scope(db)
  return db
end

-- Create a new workspace for DISTRICT at PATH (default ws.path()) and make it current.
function ws.create(district, path)
  path = path or ws.path()
  assert(type(district) == "string" and district:match("%S"), "a district name is required")
  local db, err = host.open_workspace(path, "create")
  if not db then error(err, 0) end
  db:transaction(function()
    local put = "INSERT INTO meta(key, value) VALUES (?, ?)"
    db:exec(put, "district", district)
    db:exec(put, "created_at", require("cairn.date").now())
    db:exec(put, "created_by", "cairn " .. host.version)
  end)
  leave_current()
  chosen_path, handle, readonly_mode = path, db, false
  if scope_depth > 0 then
    scope_tx, scope_locked = db:begin { deferred = true }, false
  end
  return db
end

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
function ws.scope(fn, ...)
  scope_depth = scope_depth + 1
  if scope_depth == 1 and handle and handle:isopen() and not handle:in_transaction() then
    -- deferred: no lock yet; ws.db() takes it on first use (see above). A handle kept from an
    -- earlier unit still writes inside this transaction, so a failure undoes its writes too.
    scope_tx, scope_locked = handle:begin { deferred = true }, false
  end
  local function finish(ok, ...)
    scope_depth = scope_depth - 1
    if scope_depth == 0 and scope_tx then
      local tx = scope_tx
      scope_tx, scope_locked = nil, false
      if ok then tx:commit() else tx:rollback() end
    end
    if not ok then error((...), 0) end
    return ...
  end
  return finish(xpcall(fn, function(e)
    -- where the error happened, for CAIRN_TRACE (the message itself is left as it is)
    ws.last_traceback = debug.traceback(nil, 2)
    return e
  end, ...))
end

return ws
