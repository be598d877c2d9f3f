-- cairn.repl_sql: SQL typed at the REPL prompt, as in the sqlite3 shell.
--
--   > SELECT count(*) FROM person            a line starting with a SQL keyword runs as SQL
--   > .sql SELECT ...                        the same, said explicitly
--   > .mode csv | json | table               how results print (table: an aligned grid)
--   > .timer on | off                        print the time each statement took
--
-- Only read-only statements run here (SELECT, WITH, EXPLAIN, VALUES, read-only PRAGMA); data
-- changes go through db:exec, where a script's writes are scoped and undoable. A statement runs
-- when its line completes it (no `;` needed); a line SQLite finds unfinished (ending in FROM,
-- a comma, an open bracket...) asks for the next one. The settings
-- belong to the REPL's session (session.current().sql), not to this module.
local host = require "cairn.host"
local text = require "cairn.text"
local ws = require "cairn.workspace"
local session = require "cairn.session"

local M = {}

local KEYWORDS = { select = true, with = true, explain = true, pragma = true, values = true,
  -- statements that change data: recognised so that they get a clear refusal, not a Lua error
  insert = true, update = true, delete = true, replace = true, create = true, drop = true,
  alter = true, attach = true, detach = true, vacuum = true, reindex = true, analyze = true }

-- Does CHUNK read as SQL? The first word is a SQL keyword followed by a word, `*` or a number:
-- never valid Lua (`select(2, ...)`, `values = {}` stay Lua).
function M.is_sql(chunk)
  local word, after = chunk:match("^%s*(%a+)%s+([%w_%*%-'\"])")
  if not word or not KEYWORDS[word:lower()] then return false end
  -- `select "x"` and `select 'x'` are Lua calls with a string argument in lowercase
  if (after == '"' or after == "'") and word == word:lower() then return false end
  return true
end

local function settings()
  local s = session.current()
  s.sql = s.sql or { mode = "table", timer = false }
  return s.sql
end

local MODES = { table = true, csv = true, json = true }

-- .mode [table|csv|json]: set or show the output mode.
function M.mode(arg)
  local st = settings()
  if not arg then
    io.stdout:write("current output mode: ", st.mode, "\n")
    return
  end
  arg = arg:lower()
  if not MODES[arg] then
    error("unknown mode '" .. arg .. "'" .. require("cairn.suggest").hint(arg, { "table", "csv", "json" })
      .. "; expected table, csv or json", 0)
  end
  st.mode = arg
end

-- .timer on|off
function M.timer(arg)
  local st = settings()
  if arg == "on" or arg == "off" then
    st.timer = arg == "on"
  else
    error(".timer expects on or off", 0)
  end
end

-- Why a statement failed, without the Lua position inside cairn.
local function clean(err)
  return (tostring(err):gsub("^[^\n]-%.lua:%d+: ", ""))
end

-- Is the SQL unfinished (more lines wanted)? SQLite says "incomplete input".
function M.incomplete(sql)
  local db = ws.db()
  local ok, err = pcall(db.is_readonly_sql, db, sql)
  return not ok and tostring(err):find("incomplete input", 1, true) ~= nil
end

-- The rows of a query as the current mode prints them.
function M.render(columns, rows, opts)
  local mode = (opts and opts.mode) or settings().mode
  if mode == "csv" then return text.csv(columns, rows):gsub("\r\n", "\n") end
  if mode == "json" then return text.json(columns, rows) end
  return text.table(columns, rows, { max_width = opts and opts.width })
end

-- Run SQL read-only and print the result. WIDTH is the terminal's width (nil when piped).
function M.run(sql, width)
  sql = sql:gsub("^%s+", ""):gsub("[%s;]+$", "")
  if sql == "" then return end
  local db = ws.db()
  local ok, ro = pcall(db.is_readonly_sql, db, sql)
  if not ok then error(clean(ro), 0) end
  if not ro then
    error("the prompt runs read-only SQL; change data with db:exec(\"...\")", 0)
  end
  local started = host.clock()
  local result
  ok, result = pcall(db.query, db, sql)
  if not ok then error(clean(result), 0) end
  local took = host.clock() - started
  local out = M.render(result.columns, result.rows, { width = width })
  require("cairn.pager").write(out)
  if settings().timer then
    io.stdout:write(string.format("Run Time: real %.3f\n", took))
  end
end

return M
