-- cairn.help: short docs for the functions a facilitator or script writer meets in the REPL.
--
--   help()                the overview: globals and where to look next
--   help(fn)              the doc of a function (or of a module table: its documented functions)
--   help "db:exec"        the same by name
--
-- Docs are registered by the module that owns the function, keyed both by the function value
-- (so help(plan.create) works whatever it is called) and by a display name:
--
--   local help = require "cairn.help"
--   help.register(plan.create, "plan.create", "plan.create{kind=, title=, ...} -> plan\n...")
--   help.module(plan, "plan", { create = "...", get = "...", ... })   -- many at once
--   help.topic("plan", "People, plans and their items. See help(plan.create) ...")
--
-- Docs: the first line is the call signature, then one to a few lines on what it does.
-- cairn's own host modules are documented at the bottom of this file, loaded on first use.
local help = {}

local by_value = setmetatable({}, { __mode = "k" }) -- function/table -> name
local by_name = {}                                  -- name -> doc
local topics, topic_order = {}, {}

-- Register DOC for TARGET (a function or table; may be nil when only the name matters) under
-- NAME ("db:exec", "plan.create").
function help.register(target, name, doc)
  assert(type(name) == "string", "help.register: expected a name")
  assert(type(doc) == "string", "help.register: expected a doc string")
  by_name[name] = doc
  if target ~= nil and by_value[target] == nil then by_value[target] = name end
end

-- Register docs for many fields of module table MOD: DOCS maps field name -> doc. SEP is "."
-- (functions) or ":" (methods); names become PREFIX .. SEP .. field.
function help.module(mod, prefix, docs, sep)
  sep = sep or "."
  for field, doc in pairs(docs) do
    help.register(mod and mod[field], prefix .. sep .. field, doc)
  end
end

-- A topic for help(): a word the overview lists (a global or a subject) and a few lines on it.
function help.topic(name, text)
  if not topics[name] then topic_order[#topic_order + 1] = name end
  topics[name] = text
end

-- The doc for a function, table or name, or nil.
function help.lookup(x)
  help.load_builtin()
  if type(x) == "string" then
    local doc = by_name[x] or by_name[x:gsub(":", ".")] or by_name[x:gsub("%.", ":")]
    if doc then return doc, x end
    if topics[x] then return topics[x], x end
    return nil
  end
  local name = by_value[x]
  if name then return by_name[name] or topics[name], name end
  return nil
end

-- The value a name such as "plan.overdue" or "w:report" stands for among the globals of the
-- REPL (so help "x" also finds a documented value under another name), or nil.
local function resolve(name)
  if not name:match("^[%a_][%w_]*$") and not name:match("^[%a_][%w_]*[%.:][%a_][%w_%.:]*$") then
    return nil
  end
  local v = require("cairn.prelude").env()
  for part in name:gmatch("[^%.:]+") do
    if type(v) ~= "table" and type(v) ~= "userdata" then return nil end
    local ok, nv = pcall(function() return v[part] end)
    if not ok or nv == nil then return nil end
    v = nv
  end
  return v
end

-- Every name help knows, for "did you mean".
local function known_names()
  local list = {}
  for n in pairs(by_name) do list[#list + 1] = n end
  for n in pairs(topics) do list[#list + 1] = n end
  return list
end

-- Help text: on a terminal, wrapped at word boundaries to its width; plain lines when piped.
local function write(s)
  local host = require "cairn.host"
  if host.isatty(1) then s = require("cairn.text").wrap(s, host.term_width() - 1) end
  require("cairn.pager").write(s .. "\n")   -- longer than the screen: through the pager
end
local out = write

-- The documented functions whose name starts with PREFIX.
local function names_under(prefix)
  local list = {}
  for name in pairs(by_name) do
    local rest = name:sub(#prefix + 1)
    if name:sub(1, #prefix) == prefix and rest:match("^[%.:][%w_]+$") then
      list[#list + 1] = name
    end
  end
  table.sort(list)
  return list
end

local function first_line(doc) return doc:match("^[^\n]*") end

local function overview()
  help.load_builtin()
  -- collected, then written at once, so a screen too short for it gets the pager
  local lines = {}
  local function out(l) lines[#lines + 1] = l end
  out("cairn " .. require("cairn.host").version .. ": Lua with a district workspace.")
  out("Type an expression to see its value, a statement to run it. A trailing ; hides the value.")
  out("_ and _1 hold the last value, _2 ... _9 the ones before. Tab completes names, fields,")
  out("tool ids and file names. Ctrl-C stops, Ctrl-D quits.")
  out("")
  out("globals:")
  local w = 8
  for _, name in ipairs(topic_order) do w = math.max(w, #name) end
  for _, name in ipairs(topic_order) do
    local summary = first_line(topics[name]):gsub("; try .*$", "")
    out(string.format("  %-" .. w .. "s %s", name, summary))
  end
  out("")
  out("help(x), help \"name\" or ?name shows the doc of a function or module, e.g. help(run),")
  out("help \"db:exec\", ?plan.overdue. SQL: a line starting with SELECT (or .sql ...) runs")
  out("read-only SQL. Dot commands: .tables  .schema [TABLE]  .mode  .timer  .help")
  write(table.concat(lines, "\n"))
end

local function describe_function(fn)
  local info = debug.getinfo(fn, "S")
  if info.what == "C" then return "a built-in function with no help text" end
  return string.format("a Lua function defined at %s:%d (no help text)", info.short_src,
    info.linedefined)
end

-- help([x]): print the overview, or the doc of x.
function help.help(x)
  if x == nil then
    overview()
    return
  end
  if type(x) == "userdata" and tostring(x):match("^cairn%.db ") then x = "db" end
  local doc, name = help.lookup(x)
  if not doc and type(x) == "string" then
    local v = resolve(x)
    if v ~= nil and type(v) ~= "string" then doc, name = help.lookup(v) end
    if not doc and v ~= nil and type(v) ~= "string" then return help.help(v) end
  end
  if doc then
    out(doc)
    do -- a module or topic: its documented functions too
      local list = names_under(name)
      if #list > 0 then
        out("")
        for _, n in ipairs(list) do out("  " .. first_line(by_name[n])) end
      end
    end
    return
  end
  if type(x) == "table" then
    -- an undocumented table: list what is documented among its fields
    local found = {}
    for k, v in pairs(x) do
      local n = by_value[v]
      if n then found[#found + 1] = first_line(by_name[n]) end
      if type(k) ~= "string" then break end
    end
    table.sort(found)
    if #found > 0 then
      for _, l in ipairs(found) do out("  " .. l) end
      return
    end
  end
  if type(x) == "function" then
    out(describe_function(x))
  elseif type(x) == "string" then
    out("no help for '" .. x .. "'" .. require("cairn.suggest").hint(x, known_names())
      .. "; help() lists what there is")
  else
    out("no help for a " .. type(x) .. " value; help() lists what there is")
  end
end

-- ---- cairn's own modules -------------------------------------------------------------------

local loaded = false

function help.load_builtin()
  if loaded then return end
  loaded = true

  help.topic("db", "the workspace database (cairn.db handle): db:exec, db:rows, db:one, ...")
  help.topic("ws", "the workspace: path, district, settings (cairn.workspace)")
  help.topic("json", "JSON encode/decode with sorted keys (cairn.json)")
  help.topic("help", "help() this text; help(fn) the doc of a function")
  help.topic("plan", "people, plans, items, measures (cairn.plan)")
  help.topic("tool", "the guidebook tools engine (cairn.tool)")
  help.topic("survey", "survey instruments, responses, results (cairn.survey)")
  help.topic("report", "report documents and renderers (cairn.report)")
  help.register(help.help, "help", "help([x]) -- the overview, or the doc of function/module x")

  local dbdocs = {
    exec = "db:exec(sql, ...) -> changes\nRun one statement with bound parameters (positional "
      .. "..., or one table for :name). Without parameters, sql may hold several statements.",
    rows = "for row in db:rows(sql, ...) do ... end\nRows as tables keyed by column name; the "
      .. "statement closes on break and on error.",
    one = "db:one(sql, ...) -> row or nil\nThe first row as a table keyed by column name.",
    value = "db:value(sql, ...) -> value or nil\nThe first column of the first row.",
    query = "db:query(sql, ...) -> {columns = {...}, rows = {{...}, ...}}\nAll rows, in column "
      .. "order (for tables and CSV).",
    begin = "local tx <close> = db:begin([{deferred = true}])\nA transaction (a savepoint when "
      .. "nested): commits at the end of the scope, rolls back on error or tx:rollback().",
    transaction = "db:transaction(fn, ...) -> fn's results\nRun fn in a transaction: committed "
      .. "when it returns, rolled back when it raises (the error propagates).",
    changes = "db:changes() -> rows changed by the last statement",
    last_id = "db:last_id() -> rowid of the last INSERT",
    isopen = "db:isopen() -> true until db:close()",
    path = "db:path() -> the file this handle is on",
    readonly = "db:readonly() -> true for a read-only connection",
    in_transaction = "db:in_transaction() -> true inside BEGIN ... COMMIT",
    guard = "db:guard{writes = bool, hidden = {table, ...}} | db:guard(nil)\n"
      .. "The policy for SQL run through db:guarded: no ATTACH, schema change or PRAGMA, no hidden table.",
    guarded = "db:guarded(fn, ...) -> fn(...)\nRun fn with the guard's policy in force (a sandboxed script's SQL).",
    is_readonly_sql = "db:is_readonly_sql(sql) -> true if the statement cannot change data",
    close = "db:close()\nClose the handle and its statements (also done by <close> and the GC).",
  }
  -- the methods are shared by every handle: reach them through a throwaway one
  local cdb = require "cairn.db"
  local probe = cdb.open(":memory:")
  local methods = probe and debug.getmetatable(probe).__index
  if probe then probe:close() end
  help.module(methods, "db", dbdocs, ":")
  help.register(cdb.open, "cairn.db.open", "require(\"cairn.db\").open(path [, {readonly = "
    .. "true}]) -> db | nil, message\nOpen any SQLite file (the workspace is `db`).")

  local host = require "cairn.host"
  help.register(host, "cairn.host", "cairn.host: what the Lua side needs from the process "
    .. "(rounding, workspace files, terminal facts).")
  help.module(host, "cairn.host", {
    round = "host.round(x [, decimals]) -> number\nRound half away from zero (56.25 -> 56.3): "
      .. "the one rounding every cairn number uses.",
    format_number = "host.format_number(x, decimals [, grouping]) -> string\n\"1,234.5\" with "
      .. "grouping; never \"-0.0\".",
    hash = "host.hash(s) -> 16 hex digits (FNV-1a); tells versions apart, not cryptographic",
    term_width = "host.term_width() -> columns of the terminal (80 when not a terminal)",
    term_height = "host.term_height() -> rows of the terminal (24 when not a terminal)",
    open_workspace = "host.open_workspace(path, \"open\"|\"readonly\"|\"create\") -> db | nil, "
      .. "message\nOpen a workspace with cairn's checks and migrations.",
    backup = "host.backup(db, dest) -> true | nil, message\nA consistent copy, even while the "
      .. "workspace is in use.",
    schema_version = "host.schema_version() -> the workspace schema this cairn writes",
    isatty = "host.isatty(fd) -> is fd 0/1/2 a terminal?",
    datadir = "host.datadir() -> the folder holding the built-in lua/ and scripts/",
    repl = "host.repl() -> status\nRun the interactive loop (what `cairn` with no command does).",
    readline = "host.readline(prompt [, text]) -> line | nil at end of input\nOne answer read with line "
      .. "editing on a terminal (Up recalls earlier answers), TEXT already typed to change; raises "
      .. "\"interrupted\" on Ctrl-C.",
    traceback = "host.traceback() -> the traceback of the last error caught by the host",
    file_kind = "host.file_kind(path) -> \"file\" | \"dir\" | \"other\" | nil",
    load_compiled = "host.load_compiled(cache_file, source) -> function | nil\nThe chunk make compiled from source, only while its header names source with its current size and modification time.",
    bytecode_dir = "host.bytecode_dir() -> the folder of the build's compiled modules | nil",
    list_dir = "host.list_dir(path) -> sorted names | nil, message",
    clock = "host.clock() -> seconds on a monotonic clock (for timings)",
    mkdir = "host.mkdir(path) -> true | nil, message\nMake a folder and its parents (as mkdir -p).",
    interrupted = "host.interrupted() -> true once Ctrl-C was pressed during this call",
    login_name = "host.login_name() -> the login name from the password database | nil",
    wait_key = "host.wait_key(seconds) -> key | nil (no key in time) | \"\" (end of input)\nOne "
      .. "key press, read without echo on a terminal (Ctrl-C is \"\\3\"); cairn present polls with it.",
  })

  local ws = require "cairn.workspace"
  help.register(ws, "ws", "cairn.workspace: the workspace this run uses (-w FILE, "
    .. "$CAIRN_WORKSPACE or ./cairn.db), opened on first use.")
  help.module(ws, "ws", {
    path = "ws.path() -> the workspace file name",
    set_path = "ws.set_path(path [, {readonly = true}])\nSwitch to another workspace file.",
    exists = "ws.exists() -> is there a file at ws.path()?",
    is_open = "ws.is_open() -> has the workspace been opened yet?",
    db = "ws.db() -> the workspace database (the global `db`)",
    create = "ws.create(district [, path]) -> db\nCreate a new workspace for a district.",
    meta = "ws.meta(key) -> value from the meta table (district, created_at, ...)",
    district = "ws.district() -> the district's name",
    setting = "ws.setting(key [, default]) -> a district setting",
    set_setting = "ws.set_setting(key, value)\nChange a district setting (e.g. "
      .. "survey.min_group_size).",
    scope = "ws.scope(fn, ...) -> fn's results\nfn's writes as one unit: kept when it returns, "
      .. "all undone when it raises.",
  })

  local json = require "cairn.json"
  help.register(json, "json", "cairn.json: JSON with sorted keys.")
  help.module(json, "json", {
    encode = "json.encode(value [, {indent = true}]) -> string (keys sorted)",
    decode = "json.decode(text [, name]) -> value | nil, \"name:line:column: message\"",
    keyorder = "json.keyorder(t) -> the keys of t sorted (numbers first), as encode orders them",
  })

  help.register(require "cairn.text", "cairn.text", "cairn.text: aligned tables and CSV.")
  help.register(require "cairn.paths", "cairn.paths", "cairn.paths: the one search path "
    .. "(workspace folder, $CAIRN_PATH, ~/.config/cairn, built-in) for tools, reports, themes and require.")
  help.register(require "cairn.args", "cairn.args", "cairn.args: command-line options for "
    .. "subcommands.")
  help.register(require "cairn.pretty", "cairn.pretty", "cairn.pretty: the REPL's printer.")
  help.register(cdb, "cairn.db", "cairn.db: SQLite for scripts; the workspace is `db`.")
  help.module(require "cairn.text", "cairn.text", {
    width = "text.width(s) -> display width in characters",
    pad = "text.pad(s, width [, \"right\"]) -> s padded with spaces",
    clip = "text.clip(s, n) -> s on one line, cut to n characters with \"…\" when longer",
    cut = "text.cut(s, n) -> s cut to n characters with \"…\" when longer, spaces kept",
    table = "text.table(columns, rows [, {count = false, max_width = n}]) -> an aligned text table\n"
      .. "With max_width, long text columns shrink to fit; when even that is too wide, one block per row (text.records).",
    records = "text.records(columns, rows [, {max_width = n}]) -> one block per row, a line per column, values wrapped",
    csv = "text.csv(columns, rows) -> RFC 4180 CSV text",
    csv_field = "text.csv_field(v) -> v quoted for CSV when needed",
    cell = "text.cell(v) -> v as one line of table text (nil as \"\")",
    json = "text.json(columns, rows) -> a JSON array of objects, keys in column order",
    wrap = "text.wrap(s, width [, indent]) -> s wrapped at word boundaries (words never cut)",
  })
  help.module(require "cairn.paths", "cairn.paths", {
    roots = "paths.roots() -> the search folders, first wins",
    find = "paths.find(rel) -> the first file rel (e.g. \"tools/five_whys.lua\") on the path",
    compiled_chunk = "paths.compiled_chunk(cache_file, source) -> function | nil\nA built-in module's compiled chunk, when it is verifiably source's (else nil: compile the source).",
    list = "paths.list(rel [, suffix]) -> {{name =, path =}, ...} in folder rel",
    entries = "paths.entries() -> {{dir =, why =}, ...}: the search path with why each folder is on it",
    module_template = "paths.module_template(name) -> where require(name) looks (cairn.* built in only)",
    install = "paths.install()\nMake require use the search path (cairn's command line does this).",
  })
  help.module(require "cairn.args", "cairn.args", {
    parse = "args.parse(argv, spec, command) -> opts, rest\nParse --options (flags, options, "
      .. "multi, short); unknown ones are usage errors.",
    usage_error = "args.usage_error(message [, command])\nStop with exit status 2 and the usage.",
    pairs_list = "args.pairs_list(list, what, command) -> {k = v} from \"k=v\" strings",
    is_usage_error = "args.is_usage_error(e) -> true for an error raised by args.usage_error",
    unknown_subcommand = "args.unknown_subcommand(what, name, names, command)\nA usage error "
      .. "with \"did you mean\" (or the list of NAMES when none is close).",
    take_global_options = "args.take_global_options(argv, command, stop_at_positional) -> workspace, rest\n"
      .. "Take -w FILE / --workspace wherever it stands in a command's arguments.",
  })
  help.module(require "cairn.pretty", "cairn.pretty", {
    format = "pretty.format(v [, {colour = true, width = n}]) -> the REPL's rendering of v",
    is_query_result = "pretty.is_query_result(v) -> true for what db:query returns (printed as a grid)",
  })

  -- in the room: the projector view, the facilitator's name, meetings
  help.topic("present", "the running tool in large type for a projector (or cairn present)")
  help.topic("facilitator", "who signs the changes made here: facilitator \"Name\"")
  help.topic("meeting", "a meeting's start and report: meeting.start(), meeting.export{}")
  local present = require "cairn.present"
  help.register(present.repl, "present", "present([worksheet])\nThe tool being run, in large "
    .. "plain type for a projector: the question asked now and the answers so far, redrawn as "
    .. "each answer is autosaved; q, Ctrl-C or Ctrl-D returns to the prompt. It follows the "
    .. "newest draft, or the worksheet given. To run a tool and show it at the same time, open "
    .. "a second terminal or pane on the projector and run `cairn present` there (tmux: "
    .. "split-window -h 'cairn present'); this terminal stays the facilitator's.")
  local meeting = require "cairn.meeting"
  help.register(meeting.facilitator, "facilitator", "facilitator([name | false]) -> name\nWho "
    .. "signs revisions made here (the `by` of history, reports and meeting exports). "
    .. "facilitator \"Ana Diaz\" keeps the name for your login in this workspace (as `cairn whoami "
    .. "NAME`); facilitator(false) forgets it. $CAIRN_ACTOR, when set, wins (scripts, cron, CI).")
  help.register(meeting.repl, "meeting", "meeting: a meeting's start and its report (cairn meeting)")
  help.module(meeting.repl, "meeting", {
    start = "meeting.start([title]) -> start time\nRecord that a meeting starts now; "
      .. "meeting.export reports from here (without a start: from the last pause of over 2 hours).",
    export = "meeting.export{since =, out =, format =, title =} -> path\nWrite what the meeting "
      .. "produced (worksheets touched, answers, revisions, plan changes, by whom) as one report; "
      .. "format md (default) or html; out \"-\" prints it. As `cairn meeting export`.",
    document = "meeting.document{since =, title =} -> report document\nThe meeting's report as "
      .. "a document (doc:render \"text\" prints it).",
    current_start = "meeting.current_start() -> time, \"recorded\" | \"gap\"\nWhere the current "
      .. "meeting starts, and which rule said so.",
  })

  -- the guidebook tools, their globals and worksheet methods; cairn.team
  require("cairn.tool.help")(help)
  -- the module globals: help(plan) shows the topic and the documented functions
  for _, name in ipairs { "plan", "survey", "report" } do
    local ok, mod = pcall(require, "cairn." .. name)
    if ok and name == "plan" then require("cairn.plan.help")(help, mod, require "cairn.plan.core") end
    if ok and by_value[mod] == nil then by_value[mod] = name end
  end
end

return help
