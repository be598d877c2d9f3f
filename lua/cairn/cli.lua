-- cairn.cli: the command line. main.c hands argv here; every subcommand is a thin wrapper over
-- the same Lua API a script or the REPL uses. Exit status: 0 success, 1 failure, 2 usage error.
--
-- Subcommands beyond the built-in ones live in lua/cairn/cli/NAME.lua (report, tool, survey):
-- each returns { summary =, usage =, help =, run = function(argv) -> status }.
local host = require "cairn.host"
local args = require "cairn.args"
local ws = require "cairn.workspace"
local session = require "cairn.session"

local cli = {}

local commands = {}
local order = {}

local function command(name, def)
  def.name = name
  commands[name] = def
  order[#order + 1] = name
end

-- Extension subcommands, loaded only when named (start-up stays small).
local extensions = {
  report = "render reports and recurring report runs",
  tool = "list, show and run the guidebook tools",
  survey = "survey instruments, response imports and results",
  publish = "send this district's plans and survey aggregates to a state database",
  state = "create, migrate and look after a state database (PostgreSQL)",
  present = "show the tool being run in large type, for a projector",
  meeting = "start a meeting, or export what one produced as a report",
  whoami = "show or set who is facilitating (the name on revisions)",
}

local function find_command(name)
  if commands[name] then return commands[name] end
  if extensions[name] then
    local ok, mod = pcall(require, "cairn.cli." .. name)
    if ok then
      mod.name = name
      return mod
    end
    if not tostring(mod):find("module 'cairn.cli." .. name .. "' not found", 1, true) then
      error(mod, 0)
    end
  end
  return nil
end

local function out(s) io.stdout:write(s) end

local function say(quiet, ...)
  if not quiet then io.stderr:write(string.format(...), "\n") end
end

-- ---- built-in commands ------------------------------------------------------------------

command("init", {
  summary = "create a workspace for a district",
  usage = "cairn init --district NAME [-w FILE]",
  help = [[
Creates a new, empty workspace file (./cairn.db unless -w FILE or $CAIRN_WORKSPACE says
otherwise). An existing file is never overwritten.]],
  run = function(argv)
    local opts, rest = args.parse(argv, { options = { district = "NAME" } }, "init")
    if #rest > 0 then args.usage_error("unexpected argument '" .. rest[1] .. "'", "init") end
    if not opts.district or not opts.district:match("%S") then
      args.usage_error("--district NAME is required", "init")
    end
    ws.create(opts.district)
    say(false, "created %s for %s", ws.path(), opts.district)
    return 0
  end,
})

-- os.exit inside a script ends the script, not cairn behind its back: while a script runs,
-- os.exit raises an exit object that run_chunk catches. os.exit(), os.exit(0) and
-- os.exit(true) commit the unit of work, then cairn exits 0; os.exit(false) or a non-zero
-- code rolls it back, says so on stderr and exits with that code (false: 1).
local Exit = { __name = "cairn exit", __tostring = function(e) return "os.exit(" .. tostring(e.code) .. ")" end }

local function exit_status(code)
  if code == nil or code == true then return 0 end
  if code == false then return 1 end
  return math.tointeger(tonumber(code)) or 1
end

-- Run a script file or a string with the workspace as one unit of work. Returns the exit
-- status first (0 unless the script called os.exit), then the chunk's results.
local function run_chunk(chunk, ...)
  local real_exit = os.exit
  os.exit = function(code) error(setmetatable({ code = code }, Exit), 0) end
  local s, traceback = session.current(), nil
  local function body(...)
    local r = table.pack(xpcall(chunk, function(e)
      -- where the script failed (for CAIRN_TRACE), taken before the error is caught here
      if getmetatable(e) ~= Exit then traceback = debug.traceback(nil, 2) end
      return e
    end, ...))
    if r[1] then return 0, table.unpack(r, 2, r.n) end
    local e = r[2]
    if getmetatable(e) == Exit and exit_status(e.code) == 0 then return 0 end -- commit
    error(e, 0)
  end
  local r = table.pack(pcall(ws.scope, body, ...))
  os.exit = real_exit
  if r[1] then return table.unpack(r, 2, r.n) end
  local e = r[2]
  s.last_traceback = traceback or s.last_traceback
  if getmetatable(e) == Exit then
    local status = exit_status(e.code)
    io.stdout:flush()
    io.stderr:write(string.format("cairn: the script called os.exit(%s): nothing it wrote was kept\n",
      tostring(e.code)))
    return status
  end
  error(e, 0)
end

local function script_env()
  return require("cairn.prelude").env()
end

-- Run FILE's source SRC sandboxed (cairn.sandbox): its own environment, the guarded db, limits.
local function run_sandboxed(file, src, writes, limits, script_args)
  local sandbox = require "cairn.sandbox"
  local name = file == "-" and "stdin" or file
  return run_chunk(function()
    local db
    if host.file_kind(ws.path()) == "file" then db = ws.db() end
    local env = sandbox.env { name = name, db = db, writes = writes, globals = { arg = script_args } }
    local res = table.pack(sandbox.run(src, { name = name, env = env, limits = limits },
      table.unpack(script_args, 1, #script_args)))
    if not res[1] then error(res[2], 0) end
  end)
end

command("run", {
  summary = "run a Lua script (a workflow or a one-off job)",
  usage = "cairn run [--sandbox [--allow-writes]] FILE.lua [ARGS...]",
  help = [[
Runs FILE.lua with the workspace available (require "cairn.workspace", or the globals db, plan,
survey, report). The script gets its arguments in `arg` (arg[0] is the file) and in `...`.
Everything it writes to the workspace is one transaction: if the script fails, nothing it wrote
is kept. os.exit(), os.exit(0) or os.exit(true) keeps what it wrote and exits 0;
os.exit(false) or os.exit(N) with N not 0 keeps nothing and exits 1 or N.

--sandbox runs it in the sandbox (README, "Shared scripts"): no files, no commands, a guarded
`db` that only reads unless --allow-writes, and limits on time and memory. The setting
scripts.sandbox = all-untrusted sandboxes every script not listed in scripts.trusted.]],
  run = function(argv)
    local flags = {}
    while argv[1] == "--sandbox" or argv[1] == "--allow-writes" do
      flags[argv[1] == "--sandbox" and "sandbox" or "allow_writes"] = true
      table.remove(argv, 1)
    end
    local file = argv[1]
    if not file or file:match("^%-%-?[%a]") and file ~= "-" then
      if file == "--help" then return cli.help_for("run") end
      args.usage_error("expected a script file", "run")
    end
    local script_args = { [0] = file }
    for i = 2, #argv do script_args[i - 1] = argv[i] end
    local src
    if file == "-" then
      src = io.read("a")
    else
      if not host.file_kind(file) then error(file .. ": no such file", 0) end
      local err
      src, err = require("cairn.util").read_file(file)
      if not src then error(file .. ": " .. tostring(err), 0) end
    end
    if src:sub(1, 1) == "#" then src = src:gsub("^[^\n]*", "", 1) end -- a #! line, as loadfile skips it
    local sandboxed, writes, limits = require("cairn.trust").decide(file, src, flags)
    if sandboxed then return run_sandboxed(file, src, writes, limits, script_args) or 0 end
    local env = script_env()
    env.arg = script_args
    local fn, err
    if file == "-" then
      fn, err = load(src, "=stdin", "t", env)
    else
      fn, err = load(src, "@" .. file, "t", env)
    end
    if not fn then error(err, 0) end
    return (run_chunk(fn, table.unpack(script_args, 1, #script_args)))
  end,
})

command("sql", {
  summary = "run a read-only SQL query on the workspace",
  usage = "cairn sql [--csv | --json] \"SELECT ...\" [PARAM...]",
  help = [[
Runs one read-only statement (SELECT, WITH, read-only PRAGMA) and prints an aligned table, or
CSV or JSON with --csv / --json. Extra arguments bind to ? parameters in order. The workspace
is opened read-only, so nothing can change.]],
  run = function(argv)
    local opts, rest = args.parse(argv, { flags = { csv = true, json = true } }, "sql")
    local sql = rest[1]
    if not sql then args.usage_error("expected a SQL statement", "sql") end
    if opts.csv and opts.json then args.usage_error("choose one of --csv and --json", "sql") end
    ws.set_path(ws.path(), { readonly = true })
    local db = ws.db()
    local ok, ro = pcall(db.is_readonly_sql, db, sql)
    if not ok then error((tostring(ro):gsub("^[^\n]-%.lua:%d+: ", "")), 0) end
    if not ro then
      error("cairn sql runs read-only statements only; change data with cairn run or the REPL", 0)
    end
    local params = {}
    for i = 2, #rest do params[#params + 1] = tonumber(rest[i]) or rest[i] end
    local ok, result = pcall(db.query, db, sql, table.unpack(params))
    -- the SQL error names the statement; the Lua position inside cairn would only confuse
    if not ok then error((tostring(result):gsub("^[^\n]-%.lua:%d+: ", "")), 0) end
    local text = require "cairn.text"
    if opts.csv then
      out(text.csv(result.columns, result.rows))
    elseif opts.json then
      out(text.json(result.columns, result.rows))
    else
      out(text.table(result.columns, result.rows))
    end
    return 0
  end,
})

-- A backup killed on the way leaves DEST.tmp-PID (and its -journal): remove those whose
-- process is gone (no /proc/PID), so a later backup cleans up after it.
local function remove_stale_backup_temporaries(dest)
  local dir, base = dest:match("^(.*)/([^/]*)$")
  if not dir then dir, base = ".", dest end
  if dir == "" then dir = "/" end
  local ok, names = pcall(host.list_dir, dir)
  if not ok or type(names) ~= "table" then return end
  local prefix = base .. ".tmp-"
  for _, name in ipairs(names) do
    if name:sub(1, #prefix) == prefix then
      local pid = name:sub(#prefix + 1):match("^(%d+)")
      if pid and not host.file_kind("/proc/" .. pid) then os.remove(dir .. "/" .. name) end
    end
  end
end

command("backup", {
  summary = "copy the workspace safely, even while it is in use",
  usage = "cairn backup FILE",
  help = [[
Writes a consistent copy of the workspace to FILE using SQLite's online backup, through a
temporary file that is renamed into place, so FILE is never half-written. Other cairn
processes may keep working meanwhile.]],
  run = function(argv)
    local _, rest = args.parse(argv, {}, "backup")
    local dest = rest[1]
    if not dest or rest[2] then args.usage_error("expected one destination FILE", "backup") end
    ws.set_path(ws.path(), { readonly = true })
    remove_stale_backup_temporaries(dest)
    local ok, err = host.backup(ws.db(), dest)
    if not ok then error(err, 0) end
    say(false, "backed up %s to %s", ws.path(), dest)
    return 0
  end,
})

command("check", {
  summary = "check the workspace for damage and inconsistencies",
  usage = "cairn check",
  help = [[
Runs SQLite's integrity and foreign-key checks and cairn's own consistency checks (plans,
worksheets, surveys). Prints each problem and exits 1 if there is any.]],
  run = function(argv)
    local _, rest = args.parse(argv, {}, "check")
    if rest[1] then args.usage_error("unexpected argument '" .. rest[1] .. "'", "check") end
    local problems = require("cairn.check").run(ws.db())
    if #problems == 0 then
      out(string.format("%s: ok\n", ws.path()))
      return 0
    end
    for _, p in ipairs(problems) do out(string.format("%s: %s\n", ws.path(), p)) end
    return 1
  end,
})

command("status", {
  summary = "where the district stands in each planning framework",
  usage = "cairn status [--as-of DATE]",
  help = [[
For the NEA cycle (Prepare -> Act -> Reflect, by chapter), the Massachusetts cycle (Create ->
Align -> Implement) and the six-step sample planning process: the tools done (a final
worksheet), the drafts open, what comes next, and the plan items overdue on DATE (default
today). The REPL's progress() returns the same.]],
  run = function(argv)
    local opts, rest = args.parse(argv, { options = { as_of = "DATE" } }, "status")
    if rest[1] then args.usage_error("unexpected argument '" .. rest[1] .. "'", "status") end
    local as_of = opts.as_of
    if as_of and not require("cairn.date").is_iso(as_of) then
      args.usage_error("--as-of: '" .. as_of .. "' is not a date (expected YYYY-MM-DD)", "status")
    end
    out(tostring(require("cairn.progress").status { as_of = as_of }) .. "\n")
    return 0
  end,
})

command("help", {
  summary = "show help for cairn or for one command",
  usage = "cairn help [COMMAND]",
  run = function(argv)
    if argv[1] then return cli.help_for(argv[1]) end
    out(cli.overview())
    return 0
  end,
})

command("paths", {
  summary = "show the search path for tools, reports, themes and modules",
  usage = "cairn paths",
  help = [[
Lists the folders cairn searches, first wins: the workspace's folder (when the workspace is
there), $CAIRN_PATH, your config folder, then the built-in ones. A district overrides a tool, a
report, a layout or a theme by putting a file of the same name (tools/five_whys.lua,
reports/plan_status.lua, cairn/theme.lua) in an earlier folder. cairn's own modules always
load from the built-in folder, except the ones listed as replaceable.]],
  run = function(argv)
    if #argv > 0 then args.usage_error("unexpected argument '" .. argv[1] .. "'", "paths") end
    local paths = require "cairn.paths"
    for i, e in ipairs(paths.entries()) do
      local kind = require("cairn.host").file_kind(e.dir)
      out(string.format("%d. %s  (%s%s)\n", i, e.dir, e.why, kind == "dir" and "" or "; not there"))
    end
    local names = {}
    for n in pairs(paths.overridable) do names[#names + 1] = n end
    table.sort(names)
    out("replaceable cairn modules: " .. table.concat(names, ", ") .. "\n")
    return 0
  end,
})

-- ---- help texts -------------------------------------------------------------------------

function cli.overview()
  local lines = {
    "cairn " .. host.version .. ": a planning workbench for school districts",
    "",
    "usage: cairn [-w FILE] [COMMAND [ARGS...]]",
    "       cairn [-w FILE] -e CODE",
    "",
    "With no command, cairn starts the interactive REPL on the workspace.",
    "",
    "commands:",
  }
  local names = {}
  for _, n in ipairs(order) do names[#names + 1] = n end
  for n in pairs(extensions) do
    -- only the extensions that are installed
    local mod = "cairn.cli." .. n
    if package.searchpath(mod, require("cairn.paths").module_template(mod)) then
      names[#names + 1] = n
    end
  end
  table.sort(names)
  for _, n in ipairs(names) do
    local summary = commands[n] and commands[n].summary or extensions[n]
    lines[#lines + 1] = string.format("  %-8s %s", n, summary)
  end
  lines[#lines + 1] = ""
  lines[#lines + 1] = "options:"
  lines[#lines + 1] = "  -w FILE, --workspace FILE   the workspace (default $CAIRN_WORKSPACE or ./cairn.db)"
  lines[#lines + 1] = "  -e CODE                     run Lua CODE on the workspace and exit"
  lines[#lines + 1] = "  --version                   print the version"
  lines[#lines + 1] = "  -h, --help                  this text; `cairn help COMMAND` for one command"
  lines[#lines + 1] = ""
  return table.concat(lines, "\n") .. "\n"
end

function cli.help_for(name)
  local def = find_command(name)
  if not def then
    args.usage_error("no command '" .. name .. "' (see cairn help)")
  end
  out("usage: " .. (def.usage or ("cairn " .. name)) .. "\n")
  if def.summary then out("\n" .. def.summary:gsub("^%l", string.upper) .. ".\n") end
  if def.help then out("\n" .. def.help:gsub("\n*$", "") .. "\n") end
  return 0
end

-- ---- main ---------------------------------------------------------------------------------

local function dispatch(argv)
  local i = 1
  local code_to_run
  while argv[i] do
    local a = argv[i]
    if a == "-w" or a == "--workspace" then
      if not argv[i + 1] then args.usage_error("option " .. a .. " needs a FILE") end
      ws.set_path(argv[i + 1])
      i = i + 2
    elseif a:match("^%-%-workspace=") then
      ws.set_path(a:match("=(.*)"))
      i = i + 1
    elseif a == "-e" then
      if not argv[i + 1] then args.usage_error("option -e needs Lua CODE") end
      code_to_run = argv[i + 1]
      i = i + 2
    elseif a == "--version" or a == "-v" then
      out(string.format("cairn %s (Lua %s, SQLite %s, workspace schema %d)\n", host.version,
        _VERSION:match("%d.*"), host.sqlite_version, host.schema_version()))
      return 0
    elseif a == "-h" or a == "--help" then
      out(cli.overview())
      return 0
    elseif a:match("^%-") then
      args.usage_error("unknown option '" .. a .. "'")
    else
      break
    end
  end
  if code_to_run then
    if argv[i] then args.usage_error("-e takes no command after it") end
    local fn, err = load(code_to_run, "=(command line)", "t", script_env())
    if not fn then error(err, 0) end
    local results = table.pack(run_chunk(fn))
    if results.n > 1 then
      require("cairn.repl").print_results(table.pack(table.unpack(results, 2, results.n)))
    end
    return results[1]
  end
  local name = argv[i]
  if not name then
    return require("cairn.repl").start()
  end
  local def = find_command(name)
  if not def then
    local names = {}
    for _, n in ipairs(order) do names[#names + 1] = n end
    for n in pairs(extensions) do names[#names + 1] = n end
    args.usage_error("unknown command '" .. name .. "'" .. require("cairn.suggest").hint(name, names)
      .. " (see cairn help)")
  end
  local workspace, rest = args.take_global_options(table.move(argv, i + 1, #argv, 1, {}), name,
    name == "run")
  if workspace then ws.set_path(workspace) end
  for _, a in ipairs(rest) do
    if a == "--help" or a == "-h" then return cli.help_for(name) end
  end
  return def.run(rest) or 0
end

-- A position inside cairn's own Lua files or a Lua library ("/.../lua/cairn/workspace.lua:133: ",
-- "...cairn/cli.lua:130: ", "/usr/share/lua/5.4/dkjson.lua:403: ") means nothing to the person
-- reading: it is dropped at the edge (a user's own file and line are kept).
local function without_internal_position(msg)
  local patterns = {
    "^[^\n]-lua/cairn/[%w_/]+%.lua:%d+: ",
    "^[^\n]-/lua/5%.4/[%w_/]+%.lua:%d+: ",
    "^%.%.%.[^\n:]-%.lua:%d+: ",
  }
  local changed = true
  while changed do
    changed = false
    for _, p in ipairs(patterns) do
      local n
      msg, n = msg:gsub(p, "", 1)
      if n > 0 then changed = true end
    end
  end
  return msg
end
cli.without_internal_position = without_internal_position

-- The text of an error value: strings and numbers as they are, __tostring honoured.
function cli.error_text(e)
  local mt = getmetatable(e)
  if type(e) == "string" or type(e) == "number" or (type(mt) == "table" and mt.__tostring) then
    return without_internal_position(tostring(e))
  end
  return "(error object is a " .. type(e) .. " value)"
end

-- $CAIRN_ERROR_LOG (set by tests/run): every error message a user saw is appended there, so
-- the suite can check that none shows an internal Lua location.
function cli.log_error(text)
  local log = os.getenv("CAIRN_ERROR_LOG")
  if not log or log == "" then return end
  local f = io.open(log, "a")
  if f then f:write(text:gsub("\n", "\n\t"), "\n"); f:close() end
end

local function trace_wanted()
  local t = os.getenv("CAIRN_TRACE")
  return t ~= nil and t ~= "" and t ~= "0"
end

-- The edge: one session for this run (the workspace, the unit of work, as_of, the actor),
-- current for everything the command does; `ws` and the script globals forward to it.
function cli.main(argv)
  require("cairn.paths").install()
  local traceback
  local s = session.new()
  session.use(s)
  local ok, result = xpcall(dispatch, function(e)
    if not args.is_usage_error(e) then
      traceback = s.last_traceback or debug.traceback(nil, 2)
    end
    return e
  end, argv)
  if ok then return result end
  if args.is_usage_error(result) then
    io.stderr:write("cairn: ", result.message, "\n")
    local def = result.command and find_command(result.command)
    io.stderr:write("usage: ", def and def.usage or "cairn [-w FILE] [COMMAND [ARGS...]]",
      "\n")
    if not result.command then io.stderr:write("(cairn help lists the commands)\n") end
    return 2
  end
  -- a failure of the work: the message says what and where; CAIRN_TRACE=1 adds the traceback
  io.stdout:flush()
  io.stderr:write("cairn: ", cli.error_text(result), "\n")
  cli.log_error(cli.error_text(result))
  if trace_wanted() and traceback then io.stderr:write(traceback, "\n") end
  return 1
end

return cli
