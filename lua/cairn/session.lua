-- cairn.session: one run of cairn (a command, a script, a REPL): the only holder of run state.
--
-- A session holds
--   the workspace      which file (path), whether it is read-only, the open handle;
--   the unit of work   s:scope(fn): fn's writes commit together or roll back together;
--   as_of              the day the run works on, decided once when the session is made
--                      (explicit, else $CAIRN_TODAY, else today in UTC);
--   actor              who is acting, the default author of revisions (s.actor; see "the
--                      actor" below: explicit, $CAIRN_ACTOR, the facilitator name kept in
--                      the workspace for this login, else the login name);
--   sync               the open sync scope while a tool's to_plan writes into a plan
--                      (cairn.plan.sync), or nil;
--   serial             a counter for unique temporary file names.
--
-- The edge makes the session (cairn.cli for commands, `cairn run` and -e; cairn.repl; tests)
-- and makes it current with session.use(s). Library code asks session.current() for it, so
-- the modules need no state of their own. s:scope(fn) and s:run(fn) make s current for the
-- length of fn, so two sessions on two workspaces can work in one process without seeing each
-- other's handle, transaction, date, actor or sync scope (tests/lua/session_test.lua).
--
-- The REPL and script globals (db, ws, plan, survey, tool, run, ...) are conveniences over the
-- current session: `ws` is cairn.workspace, whose functions forward to it.
local host = require "cairn.host"
local date = require "cairn.date"

local session = {}

local Session = {} -- methods; s.plan etc. are bound on first use (see the end of the file)
session.Session = Session

-- The session library code works on. Set by the edge (session.use) and, for the length of
-- s:scope(fn) / s:run(fn), by s itself. This is the one module-level variable of a run.
local active

-- The fixed day of a run: AS_OF when given (checked), else $CAIRN_TODAY, else today (UTC).
function session.decide_as_of(as_of)
  if as_of == nil then return date.today() end
  if not date.is_iso(as_of) then
    error(string.format("as_of: %s is not a date (expected YYYY-MM-DD)",
      type(as_of) == "string" and ("'" .. as_of .. "'") or tostring(as_of)), 0)
  end
  return as_of
end

-- session.new{ path =, readonly =, as_of =, actor = } -> a session; nothing is opened yet.
-- path nil means $CAIRN_WORKSPACE, else ./cairn.db (looked up when the file is first needed).
function session.new(opts)
  opts = opts or {}
  return setmetatable({
    chosen_path = opts.path,
    readonly = opts.readonly or false,
    as_of = session.decide_as_of(opts.as_of),
    explicit_actor = opts.actor, -- s.actor is decided on first use (see "the actor")
    handle = nil,   -- the open workspace database, or nil
    depth = 0,      -- how many s:scope calls are running
    tx = nil,       -- the unit of work's transaction, once the database is used inside it
    locked = false, -- whether that transaction holds the write lock yet
    sync = nil,     -- the open cairn.plan.sync scope, or nil
    serial = 0,
  }, Session)
end

-- The current session; the first call without one makes a default session (a library used
-- from a plain Lua test gets the same behaviour the command line gives).
function session.current()
  if not active then active = session.new() end
  return active
end

-- Make S the current session (the edge does this once); returns the one it replaces.
function session.use(s)
  local before = active
  active = s
  return before
end

-- Run fn(...) with S current, then restore the session that was current before.
function Session:run(fn, ...)
  local before = active
  active = self
  local function restore(ok, ...)
    active = before
    if not ok then error((...), 0) end
    return ...
  end
  return restore(pcall(fn, ...))
end

-- ---- the workspace ------------------------------------------------------------------------

-- The workspace path: explicit, then $CAIRN_WORKSPACE, then ./cairn.db.
function Session:path()
  return self.chosen_path or os.getenv("CAIRN_WORKSPACE") or "cairn.db"
end

-- Leave the current workspace. Inside a unit of work, what it wrote there so far is committed
-- first: switching workspaces ends the unit's work on that file (closing would roll it back).
function Session:close()
  local handle = self.handle
  if self.tx then
    local tx = self.tx
    self.tx = nil
    if handle and handle:isopen() then tx:commit() end
  end
  if handle and handle:isopen() then handle:close() end
  self.handle = nil
end

function Session:set_path(path, opts)
  self:close()
  rawset(self, "actor", nil) -- another workspace may know another facilitator name
  self.chosen_path = path
  self.readonly = opts and opts.readonly or false
end

function Session:exists()
  return host.file_kind(self:path()) ~= nil
end

function Session:is_open()
  return self.handle ~= nil and self.handle:isopen()
end

-- Inside s:scope the unit of work takes the write lock the first time it asks for the
-- database, before it reads anything: a second cairn then waits for the first (busy timeout)
-- instead of failing when its read snapshot cannot be upgraded to a write. A unit that never
-- touches the database (a REPL line like 1 + 1) takes no lock and never waits.
local function lock_for_scope(s, db)
  if s.tx and not s.locked and not s.readonly then
    s.locked = true
    -- a write that changes nothing: it takes the lock (waiting for another writer) and keeps it
    db:exec("UPDATE meta SET value = value WHERE 0")
  end
end

-- The open workspace database; opens (and migrates) it on first use. Raises a message that
-- names the file and says what to do when it cannot be opened.
function Session:db()
  local handle = self.handle
  if handle and handle:isopen() then
    lock_for_scope(self, handle)
    return handle
  end
  local db, err = host.open_workspace(self:path(), self.readonly and "readonly" or "open")
  if not db then error(err, 0) end
  self.handle = db
  if self.depth > 0 and not self.tx then
    self.tx, self.locked = db:begin { deferred = true }, false
  end
  lock_for_scope(self, db)
  return db
end

-- Create a new workspace for DISTRICT at PATH (default s:path()) and make it the session's.
function Session:create(district, path)
  path = path or self:path()
  assert(type(district) == "string" and district:match("%S"), "a district name is required")
  local db, err = host.open_workspace(path, "create")
  if not db then error(err, 0) end
  db:transaction(function()
    local put = "INSERT INTO meta(key, value) VALUES (?, ?)"
    db:exec(put, "district", district)
    db:exec(put, "created_at", date.now())
    db:exec(put, "created_by", "cairn " .. host.version)
  end)
  self:close()
  rawset(self, "actor", nil)
  self.chosen_path, self.handle, self.readonly = path, db, false
  if self.depth > 0 then
    self.tx, self.locked = db:begin { deferred = true }, false
  end
  return db
end

-- ---- the unit of work ---------------------------------------------------------------------

-- Run fn(...) as one unit of work with S current: its writes commit together when it returns
-- and roll back together when it raises (the error then propagates unchanged).
function Session:scope(fn, ...)
  local before = active
  active = self
  self.depth = self.depth + 1
  local handle = self.handle
  if self.depth == 1 and handle and handle:isopen() and not handle:in_transaction() then
    -- deferred: no lock yet; s:db() takes it on first use (see above). A handle kept from an
    -- earlier unit still writes inside this transaction, so a failure undoes its writes too.
    self.tx, self.locked = handle:begin { deferred = true }, false
  end
  local function finish(ok, ...)
    self.depth = self.depth - 1
    if self.depth == 0 and self.tx then
      local tx = self.tx
      self.tx, self.locked = nil, false
      if ok then tx:commit() else tx:rollback() end
    end
    active = before
    if not ok then error((...), 0) end
    return ...
  end
  return finish(xpcall(fn, function(e)
    -- where the error happened, for CAIRN_TRACE (the message itself is left as it is)
    self.last_traceback = debug.traceback(nil, 2)
    return e
  end, ...))
end

-- Run fn(...) with no unit of work open: for stretches paced by a person (a tool waiting at a
-- question). Nothing may hold the write lock while a facilitator thinks, or every other writer
-- (a cron report, an import, a colleague's `cairn -e`) fails with "the workspace is busy". So
-- what the unit wrote so far is committed first; inside fn each database use commits on its own
-- and fn wraps what must stay together in s:scope (a short transaction); when fn ends, the unit
-- of work goes on in a fresh transaction.
function Session:unlocked(fn, ...)
  local depth, tx, handle = self.depth, self.tx, self.handle
  if tx then
    self.tx, self.locked = nil, false
    if handle and handle:isopen() then tx:commit() end
  end
  self.depth = 0
  local function finish(ok, ...)
    self.depth = depth
    local h = self.handle
    if depth > 0 and not self.tx and h and h:isopen() and not h:in_transaction() then
      self.tx, self.locked = h:begin { deferred = true }, false
    end
    if not ok then error((...), 0) end
    return ...
  end
  return finish(pcall(fn, ...))
end

-- ---- the actor -------------------------------------------------------------------------------
--
-- Who is acting, written as `by` on every revision: the name given to session.new{actor =},
-- else $CAIRN_ACTOR (scripts, cron, CI), else the facilitator name this login keeps in this
-- workspace (a settings row "facilitator.LOGIN", written by `cairn whoami NAME`, facilitator
-- "Name" or the REPL's first-run question), else the login name, else "unknown".

local FACILITATOR = "facilitator."

-- The login name: $USER, $LOGNAME, else the password database (cron and containers may set
-- neither variable).
function session.login()
  local u = os.getenv("USER")
  if u and u ~= "" then return u end
  u = os.getenv("LOGNAME")
  if u and u ~= "" then return u end
  return host.login_name() or "unknown"
end

function session.facilitator_key(login)
  return FACILITATOR .. (login or session.login())
end

-- The facilitator name this login keeps in S's workspace, or nil (no workspace file yet, or
-- one that cannot be read: the login name then stands in).
function Session:stored_facilitator()
  if not self:exists() then return nil end
  local ok, v = pcall(function()
    return self:db():value("SELECT value FROM settings WHERE key = ?", session.facilitator_key())
  end)
  if ok and type(v) == "string" and v:match("%S") then return v end
  return nil
end

-- The actor and where it came from: "given", "CAIRN_ACTOR", "workspace" or "login".
function Session:actor_source()
  if self.explicit_actor then return self.explicit_actor, "given" end
  local env = os.getenv("CAIRN_ACTOR")
  if env and env:match("%S") then return env, "CAIRN_ACTOR" end
  local stored = self:stored_facilitator()
  if stored then return stored, "workspace" end
  return session.login(), "login"
end

-- Keep NAME as this login's facilitator name in the workspace (nil forgets it) and act as it.
function Session:set_facilitator(name)
  local key = session.facilitator_key()
  self:scope(function()
    if name == nil then
      self:db():exec("DELETE FROM settings WHERE key = ?", key)
    else
      self:db():exec("INSERT INTO settings(key, value) VALUES (?, ?) "
        .. "ON CONFLICT(key) DO UPDATE SET value = excluded.value", key, name)
    end
  end)
  rawset(self, "actor", nil)
end

-- The first-run question of the REPL and of `cairn tool run/edit/resume`, on a terminal only
-- (scripts, cron and CI never see it): asked once per workspace and login, when no name is kept
-- there yet and neither $CAIRN_ACTOR nor $CI is set.
-- READLINE(prompt) reads the answer; empty keeps the login name (and is not asked again),
-- Ctrl-C or Ctrl-D leaves the question for next time. Returns the name kept, or nil.
session.words = {
  ask_facilitator = "Who is facilitating? Changes made here are signed with this name (Enter for %s): ",
  facilitator_kept = "Changes made here are signed %s (facilitator \"Name\" changes it).",
}

function Session:ask_facilitator(readline, say)
  if self.explicit_actor or (os.getenv("CAIRN_ACTOR") or ""):match("%S") then return nil end
  local ci = os.getenv("CI") -- set by CI services ("false" and "0" mean not)
  if ci and ci ~= "" and ci ~= "0" and ci:lower() ~= "false" then return nil end
  if not self:exists() or self.readonly or self:stored_facilitator() then return nil end
  local login = session.login()
  local ok, name = pcall(readline, string.format(session.words.ask_facilitator, login))
  if not ok or name == nil then return nil end
  name = name:match("^%s*(.-)%s*$")
  if name == "" then name = login end
  if not pcall(self.set_facilitator, self, name) then return nil end
  if say then say(string.format(session.words.facilitator_kept, name)) end
  return name
end

-- ---- small things a run needs ---------------------------------------------------------------

-- A number not handed out before in this session (unique temporary file names).
function Session:next_serial()
  self.serial = self.serial + 1
  return self.serial
end

-- The session's modules, bound lazily: s.plan, s.survey, s.tool, s.report (and s.ws) are the
-- modules with S current for every call made through them, e.g. s.plan.create{...}.
local bindable = {
  plan = "cairn.plan", survey = "cairn.survey", tool = "cairn.tool", report = "cairn.report",
  ws = "cairn.workspace",
}

local function bind(s, mod)
  return setmetatable({}, {
    __index = function(t, k)
      local v = mod[k]
      if type(v) == "function" then
        local f = function(...) return s:run(v, ...) end
        rawset(t, k, f)
        return f
      end
      return v
    end,
  })
end

Session.__index = function(s, k)
  local m = rawget(Session, k)
  if m ~= nil then return m end
  if k == "actor" then -- decided on first use, when the workspace can be asked
    local actor = s:actor_source()
    rawset(s, "actor", actor)
    return actor
  end
  local name = bindable[k]
  if name then
    local b = bind(s, require(name))
    rawset(s, k, b)
    return b
  end
  return nil
end

return session
