# help() and help(x): docs for the host functions and modules.
$ cairn init --district "Riverside" 2>/dev/null
$ cairn <<'IN'
> help()
> IN
cairn 0.1.0: Lua with a district workspace.
Type an expression to see its value, a statement to run it. A trailing ; hides the value.
_ and _1 hold the last value, _2 ... _9 the ones before. Tab completes names, fields,
tool ids and file names. Ctrl-C stops, Ctrl-D quits.

globals:
  db          the workspace database (cairn.db handle): db:exec, db:rows, db:one, ...
  ws          the workspace: path, district, settings (cairn.workspace)
  json        JSON encode/decode with sorted keys (cairn.json)
  help        help() this text; help(fn) the doc of a function
  plan        people, plans, items, statuses, measures, links, snapshots (cairn.plan)
  tool        the guidebook tools engine (cairn.tool)
  survey      survey instruments, responses, results (cairn.survey)
  report      report documents and renderers (cairn.report)
  present     the running tool in large type for a projector (or cairn present)
  facilitator who signs the changes made here: facilitator "Name"
  meeting     a meeting's start and report: meeting.start(), meeting.export{}
  tools       the guidebook tools by stage: tools(), tools "prepare", tools{full = true}
  run         fill in a tool on the terminal: run "five_whys"
  resume      continue a draft worksheet: resume(), resume(3)
  worksheets  the saved worksheets: worksheets(), worksheets{tool = "five_whys"}
  team        team self-assessments summarised like a survey (cairn.team)

help(x), help "name" or ?name shows the doc of a function or module, e.g. help(run),
help "db:exec", ?plan.overdue. SQL: a line starting with SELECT (or .sql ...) runs
read-only SQL. Dot commands: .tables  .schema [TABLE]  .mode  .timer  .help
$ cairn <<'IN'
> help(db.exec)
> help "db:rows"
> help("db.one")
> help(ws.district)
> help(require("cairn.host").round)
> help(json.encode)
> help(help)
> IN
db:exec(sql, ...) -> changes
Run one statement with bound parameters (positional ..., or one table for :name). Without parameters, sql may hold several statements.
for row in db:rows(sql, ...) do ... end
Rows as tables keyed by column name; the statement closes on break and on error.
db:one(sql, ...) -> row or nil
The first row as a table keyed by column name.
ws.district() -> the district's name
host.round(x [, decimals]) -> number
Round half away from zero (56.25 -> 56.3): the one rounding every cairn number uses.
json.encode(value [, {indent = true}]) -> string (keys sorted)
help([x]) -- the overview, or the doc of function/module x
$ cairn <<'IN'
> help(ws)
> IN
cairn.workspace: the workspace this run uses (-w FILE, $CAIRN_WORKSPACE or ./cairn.db), opened on first use.

  ws.create(district [, path]) -> db
  ws.db() -> the workspace database (the global `db`)
  ws.district() -> the district's name
  ws.exists() -> is there a file at ws.path()?
  ws.is_open() -> has the workspace been opened yet?
  ws.meta(key) -> value from the meta table (district, created_at, ...)
  ws.path() -> the workspace file name
  ws.scope(fn, ...) -> fn's results
  ws.set_path(path [, {readonly = true}])
  ws.set_setting(key, value)
  ws.setting(key [, default]) -> a district setting
$ cairn <<'IN'
> help(db)
> IN
the workspace database (cairn.db handle): db:exec, db:rows, db:one, ...

  local tx <close> = db:begin([{deferred = true}])
  db:changes() -> rows changed by the last statement
  db:close()
  db:exec(sql, ...) -> changes
  db:guard{writes = bool, hidden = {table, ...}} | db:guard(nil)
  db:guarded(fn, ...) -> fn(...)
  db:in_transaction() -> true inside BEGIN ... COMMIT
  db:is_readonly_sql(sql) -> true if the statement cannot change data
  db:isopen() -> true until db:close()
  db:last_id() -> rowid of the last INSERT
  db:one(sql, ...) -> row or nil
  db:path() -> the file this handle is on
  db:query(sql, ...) -> {columns = {...}, rows = {{...}, ...}}
  db:readonly() -> true for a read-only connection
  for row in db:rows(sql, ...) do ... end
  db:transaction(fn, ...) -> fn's results
  db:value(sql, ...) -> value or nil
$ cairn <<'IN'
> help(function() end)
> help(print)
> help "no.such"
> help(42)
> IN
a Lua function defined at stdin:1 (no help text)
a built-in function with no help text
no help for 'no.such'; help() lists what there is
no help for a number value; help() lists what there is
# Other modules register their docs with cairn.help
$ cat > reg.lua <<'LUA'
> local h = require "cairn.help"
> local m = { go = function() end }
> h.register(m.go, "mymod.go", "mymod.go(x) -> y\nDoes the thing.")
> h.module(m, "mymod", { stop = "mymod.stop() halts" })
> h.help(m.go)
> h.help "mymod.go"
> LUA
> cairn run reg.lua
mymod.go(x) -> y
Does the thing.
mymod.go(x) -> y
Does the thing.
# Dot commands
$ cairn <<'IN'
> .help
> .schema meta
> .schema nothing_here
> .frob
> IN
.tables               the tables and views in the workspace
.schema [TABLE]       their CREATE statements
.sql STATEMENT        run read-only SQL (a line starting with SELECT, WITH, EXPLAIN,
                      PRAGMA or VALUES does the same)
.mode table|csv|json  how SQL results print (table: an aligned grid)
.timer on|off         print how long each SQL statement took
.help                 this list; help() for the Lua side, ?name for one function
CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) STRICT;
no table or view named 'nothing_here'
unknown command .frob (.help lists them)
$ echo .tables | cairn | tr -s ' ' '\n' | grep -x -e meta -e settings
meta
settings
# Module docs by name list their functions
$ echo 'help "cairn.host"' | cairn
cairn.host: what the Lua side needs from the process (rounding, workspace files, terminal facts).

  host.backup(db, dest) -> true | nil, message
  host.bytecode_dir() -> the folder of the build's compiled modules | nil
  host.clock() -> seconds on a monotonic clock (for timings)
  host.datadir() -> the folder holding the built-in lua/ and scripts/
  host.file_kind(path) -> "file" | "dir" | "other" | nil
  host.format_number(x, decimals [, grouping]) -> string
  host.hash(s) -> 16 hex digits (FNV-1a); tells versions apart, not cryptographic
  host.interrupted() -> true once Ctrl-C was pressed during this call
  host.isatty(fd) -> is fd 0/1/2 a terminal?
  host.list_dir(path) -> sorted names | nil, message
  host.load_compiled(cache_file, source) -> function | nil
  host.login_name() -> the login name from the password database | nil
  host.mkdir(path) -> true | nil, message
  host.open_workspace(path, "open"|"readonly"|"create") -> db | nil, message
  host.readline(prompt [, text]) -> line | nil at end of input
  host.repl() -> status
  host.round(x [, decimals]) -> number
  host.schema_version() -> the workspace schema this cairn writes
  host.term_height() -> rows of the terminal (24 when not a terminal)
  host.term_width() -> columns of the terminal (80 when not a terminal)
  host.traceback() -> the traceback of the last error caught by the host
  host.wait_key(seconds) -> key | nil (no key in time) | "" (end of input)
