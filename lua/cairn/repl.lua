-- cairn.repl: the Lua half of the REPL (src/repl.c owns the terminal and calls in here).
-- Evaluation, printing, prompts, the banner and the history file live here, where a district
-- can change them.
local host = require "cairn.host"
local ws = require "cairn.workspace"
local session = require "cairn.session"
local prelude = require "cairn.prelude"
-- loaded when first used: opening the REPL and quitting needs neither
local function pretty() return require "cairn.pretty" end
local function sql_mode() return require "cairn.repl_sql" end

local repl = {}

local tty_in = host.isatty(0)
local tty_out = host.isatty(1)
local colour = tty_out and not os.getenv("NO_COLOR") and os.getenv("TERM") ~= "dumb"

local function paint(code, s)
  if not colour then return s end
  return "\27[" .. code .. "m" .. s .. "\27[0m"
end

-- Print values as the REPL does (also used by `cairn -e`), and keep the first in `_`.
-- How many earlier results stay reachable as _1 (the last) ... _9.
local KEEP = 9

-- Remember V as the last result: `_` and `_1`, with the earlier ones moving to _2 ... _9.
local function remember(env, v)
  for i = KEEP, 2, -1 do rawset(env, "_" .. i, rawget(env, "_" .. (i - 1))) end
  rawset(env, "_1", v)
  rawset(env, "_", v)
end

function repl.print_results(results)
  local env = prelude.env()
  local opts = { colour = colour, width = tty_out and host.term_width() or nil }
  local parts = {}
  for i = 1, results.n do parts[i] = pretty().format(results[i], opts) end
  -- a result longer than the screen (a report, a long table) goes through the pager
  require("cairn.pager").write(table.concat(parts, "\t") .. "\n")
  remember(env, results[1])
end

local function trace_wanted()
  local t = os.getenv("CAIRN_TRACE")
  return t and t ~= "" and t ~= "0"
end

local function report_error(err, traceback)
  local cli = require "cairn.cli"
  local msg = cli.error_text(err)
  cli.log_error(msg)
  io.stderr:write(paint("31", msg), "\n")
  if traceback and trace_wanted() then io.stderr:write(traceback, "\n") end
  io.stderr:flush()
end

-- Compile a chunk: first as an expression (so `1 + 1` prints 2), then as statements.
-- Returns fn, or nil and "incomplete", or nil and the syntax error. A chunk is incomplete when
-- either reading stops at the end of the input (`1 +`, `for i = 1, 3 do`).
local function compile(chunk, env)
  local code = chunk:gsub("^%s*=", "")
  local fn, experr = load("return " .. code, "=stdin", "t", env)
  if fn then return fn end
  local err
  fn, err = load(code, "=stdin", "t", env)
  if fn then return fn end
  if err:match("<eof>$") or experr:match("<eof>$") then return nil, "incomplete", err end
  return nil, err
end

-- Dot commands: a few sqlite3-shell habits for looking at the workspace.
local dot = {}

function dot.tables()
  local list = {}
  for r in ws.db():rows("SELECT name FROM sqlite_schema WHERE type IN ('table', 'view')"
      .. " AND name NOT LIKE 'sqlite_%' ORDER BY name") do
    list[#list + 1] = r.name
  end
  -- fill lines up to the terminal width, as ls does
  local width, line = tty_out and host.term_width() or 80, ""
  for _, name in ipairs(list) do
    if #line > 0 and #line + 2 + #name > width then
      io.stdout:write(line, "\n")
      line = ""
    end
    line = #line > 0 and line .. "  " .. name or name
  end
  io.stdout:write(line, "\n")
end

function dot.schema(name)
  local sql = "SELECT sql FROM sqlite_schema WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%'"
  local found = false
  for r in ws.db():rows(sql .. (name and " AND (name = ?1 OR tbl_name = ?1)" or "")
      .. " ORDER BY tbl_name, type DESC, name", name) do
    io.stdout:write(r.sql, ";\n")
    found = true
  end
  if not found and name then error("no table or view named '" .. name .. "'", 0) end
end

function dot.sql(sql)
  if not sql then error(".sql expects a statement: .sql SELECT ...", 0) end
  sql_mode().run(sql, tty_out and host.term_width() or nil)
end

function dot.mode(...) return sql_mode().mode(...) end
function dot.timer(...) return sql_mode().timer(...) end

function dot.help()
  io.stdout:write(".tables               the tables and views in the workspace\n",
    ".schema [TABLE]       their CREATE statements\n",
    ".sql STATEMENT        run read-only SQL (a line starting with SELECT, WITH, EXPLAIN,\n",
    "                      PRAGMA or VALUES does the same)\n",
    ".mode table|csv|json  how SQL results print (table: an aligned grid)\n",
    ".timer on|off         print how long each SQL statement took\n",
    ".help                 this list; help() for the Lua side, ?name for one function\n")
end

local function run_dot(line)
  local name, rest = line:match("^%s*%.(%a+)%s*(.-)%s*$")
  local cmd = dot[name]
  if not cmd then
    local names = {}
    for k in pairs(dot) do names[#names + 1] = "." .. k end
    report_error("unknown command ." .. tostring(name)
      .. require("cairn.suggest").hint("." .. tostring(name), names) .. " (.help lists them)")
    return
  end
  local ok, err = pcall(cmd, rest ~= "" and rest or nil)
  if not ok then report_error(err) end
end

-- `?name`, `? name` or `name?` (as in ipython): the name asked about, or nil.
local function help_query(chunk)
  local name = chunk:match("^%s*%?%s*(.-)%s*$")
  if not name then name = chunk:match("^%s*([%a_][%w_%.:]*)%s*%?%s*$") end
  if not name then return nil end
  return (name:gsub("^[\"'](.*)[\"']$", "%1"))
end

-- Run SQL typed at the prompt; "incomplete" while SQLite wants more of the statement.
local function eval_sql(chunk, at_end)
  local ok, unfinished = pcall(sql_mode().incomplete, chunk)
  if ok and unfinished and not at_end then return "incomplete" end
  local run_ok, err = pcall(sql_mode().run, chunk, tty_out and host.term_width() or nil)
  if not run_ok then report_error(err) end
  io.stdout:flush()
  return "done"
end

-- Run one chunk of input. Returns "incomplete" when more lines are needed.
function repl.eval(chunk)
  if chunk:match("^%s*$") then return "done" end
  if chunk:match("^%s*%.%a") then
    run_dot(chunk)
    return "done"
  end
  local asked = help_query(chunk)
  if asked then
    local ok, err = pcall(require("cairn.help").help, asked ~= "" and asked or nil)
    if not ok then report_error(err) end
    io.stdout:flush()
    return "done"
  end
  if sql_mode().is_sql(chunk) then return eval_sql(chunk) end
  local env = prelude.env()
  local quiet = chunk:match(";%s*$") ~= nil
  local fn, err = compile(chunk, env)
  if not fn then
    if err == "incomplete" then return "incomplete" end
    report_error(err)
    return "done"
  end
  local traceback
  local s = session.current()
  s.last_traceback = nil
  local results = table.pack(xpcall(function() return s:scope(fn) end, function(e)
    traceback = s.last_traceback or debug.traceback(nil, 2)
    return e
  end))
  repl.last_traceback = traceback
  if not results[1] then
    report_error(results[2], traceback)
    return "done"
  end
  if results.n > 1 then
    local values = table.pack(table.unpack(results, 2, results.n))
    if quiet then remember(prelude.env(), values[1]) else repl.print_results(values) end
  end
  io.stdout:flush()
  return "done"
end

-- The input ended inside an unfinished chunk: report why it is unfinished.
function repl.finish(chunk)
  if sql_mode().is_sql(chunk) then return eval_sql(chunk, true) end
  local fn, err, detail = compile(chunk, prelude.env())
  if fn then return repl.eval(chunk) end
  report_error(err == "incomplete" and detail or err)
  return "done"
end

function repl.prompt(continuing)
  return continuing and ">> " or "> "
end

function repl.history_file()
  if not tty_in then return nil end
  local path = os.getenv("CAIRN_HISTORY")
  if path then return path ~= "" and path or nil end
  local home = os.getenv("HOME")
  return home and home .. "/.cairn_history" or nil
end

-- Completion: the candidates for the word before the cursor, and where that word starts.
-- Never raises: a failing lookup (say, a workspace that cannot be opened) completes nothing.
function repl.complete(line)
  local ok, list, from = pcall(require("cairn.complete").complete, line, prelude.env())
  if not ok then return {}, #line + 1 end
  return list, from
end

local function banner()
  local name = ws.path()
  local district = "no workspace"
  if ws.exists() then
    local ok, d = pcall(ws.district)
    district = ok and d or "workspace cannot be opened"
  end
  -- the parts joined by " · " while they fit the terminal's width, a new line where they do not
  local text = require "cairn.text"
  local parts = { "cairn " .. host.version, string.format("%s (%s)", district, name),
    "help() for help, tools() for the guidebook tools" }
  local width, line = host.term_width(), parts[1]
  for i = 2, #parts do
    if text.width(line) + 3 + text.width(parts[i]) > width then
      io.stdout:write(line, "\n")
      line = parts[i]
    else
      line = line .. " · " .. parts[i]
    end
  end
  io.stdout:write(line, "\n")
end

-- Offer to create a missing workspace (on a terminal only).
local function offer_create()
  if ws.exists() or not tty_in then return end
  local prompt = string.format("There is no workspace at %s. Create it now? District name (empty to skip): ",
    ws.path())
  -- read with line editing; Ctrl-C (an "interrupted" error) or Ctrl-D skips, as an empty answer does
  local read_ok, name = pcall(host.readline, prompt)
  if not read_ok then name = nil end
  if name and name:match("%S") then
    local ok, err = pcall(ws.create, name)
    if ok then
      io.stdout:write("created ", ws.path(), "\n")
    else
      report_error(err)
    end
  end
end

function repl.start()
  prelude.env()
  if tty_in then
    offer_create()
    if tty_out then
      -- who is facilitating: asked once per workspace and login (cairn.session), so revisions
      -- made in the room are signed with a name
      session.current():ask_facilitator(host.readline, function(s) io.stdout:write(s, "\n") end)
      banner()
    end
  end
  return host.repl()
end

return repl
