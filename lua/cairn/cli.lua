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

-- Run a script file or a string with the workspace as one unit of work.
local function run_chunk(chunk, ...)
  return ws.scope(chunk, ...)
end

local function script_env()
  return require("cairn.prelude").env()
end

command("run", {
  summary = "run a Lua script (a workflow or a one-off job)",
  usage = "cairn run FILE.lua [ARGS...]",
  help = [[
Runs FILE.lua with the workspace available (require "cairn.workspace", or the globals db, plan,
survey, report). The script gets its arguments in `arg` (arg[0] is the file) and in `...`.
Everything it writes to the workspace is one transaction: if the script fails, nothing it wrote
is kept.]],
  run = function(argv)
    local file = argv[1]
    if not file or file:match("^%-%-?[%a]") and file ~= "-" then
      if file == "--help" then return cli.help_for("run") end
      args.usage_error("expected a script file", "run")
    end
    local script_args = { [0] = file }
    for i = 2, #argv do script_args[i - 1] = argv[i] end
    local env = script_env()
    env.arg = script_args
    local fn, err
    if file == "-" then
      fn, err = load(io.read("a"), "=stdin", "t", env)
    else
      if not host.file_kind(file) then error(file .. ": no such file", 0) end
      fn, err = loadfile(file, "t", env)
    end
    if not fn then error(err, 0) end
    run_chunk(fn, table.unpack(script_args, 1, #script_args))
    return 0
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
    if package.searchpath("cairn.cli." .. n, package.path) then names[#names + 1] = n end
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
    if results.n > 0 then require("cairn.repl").print_results(results) end
    return 0
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

-- The text of an error value: strings and numbers as they are, __tostring honoured.
function cli.error_text(e)
  local mt = getmetatable(e)
  if type(e) == "string" or type(e) == "number" or (type(mt) == "table" and mt.__tostring) then
    return tostring(e)
  end
  return "(error object is a " .. type(e) .. " value)"
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
  if trace_wanted() and traceback then io.stderr:write(traceback, "\n") end
  return 1
end

return cli
