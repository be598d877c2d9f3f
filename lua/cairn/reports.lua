-- cairn.reports: recurring report definitions and their runs.
--
--   local reports = require "cairn.reports"
--   reports.list()                                   -- every definition on the search path
--   reports.run("overview", { period = "2026-11", as_of = "2026-11-26", format = "md" })
--   reports.run("survey_results", { each = "school", out = "out/", format = "html" })
--   reports.history("overview")                      -- past runs, newest last
--
-- A definition is reports/NAME.lua on the search path (a district's copy shadows the built-in
-- one) returning { name, description, params, each, build } (docs/report-document.md).
--
-- A run renders every file to its own temporary file beside its destination; only when all of
-- them are ready are they renamed into place and the run recorded (one transaction), so a
-- failure anywhere leaves neither a partial file nor a history entry. Names are predictable:
-- NAME-PERIOD[-GROUP].EXT. Nothing here reads the clock for the documents themselves: as_of is
-- given (or today's date, recorded), so the same workspace and as_of give the same bytes.
local host = require "cairn.host"
local args = require "cairn.args"
local report = require "cairn.report"
local util = require "cairn.util"

local reports = {}

local param_types = { "string", "integer", "number", "boolean", "date", "choice" }
local type_set = {}
for _, t in ipairs(param_types) do type_set[t] = true end

local function usage(msg) args.usage_error(msg, "report") end

-- the as-of date when none is given: the session's day (explicit --as-of, else $CAIRN_TODAY, else today), fixed for the run
local function today() return require("cairn.session").current().as_of end

-- ---- definitions ----------------------------------------------------------------------------

local function check_def(def, path)
  local function bad(fmt, ...) error(path .. ": " .. string.format(fmt, ...), 0) end
  if type(def) ~= "table" then bad("a report definition must return a table, got %s", type(def)) end
  if type(def.name) ~= "string" or not def.name:match("^[%a_][%w_]*$") then
    bad("name must be a word (letters, digits, _), got %s", tostring(def.name))
  end
  if type(def.build) ~= "function" then bad("build must be a function(ctx) returning a document") end
  if def.description ~= nil and type(def.description) ~= "string" then bad("description must be a string") end
  def.params = def.params or {}
  if type(def.params) ~= "table" then bad("params must be a list of {name =, type =}") end
  local seen = {}
  for i, p in ipairs(def.params) do
    local w = string.format("params[%d]", i)
    if type(p) ~= "table" then bad("%s must be a table {name =, type =}", w) end
    if type(p.name) ~= "string" or not p.name:match("^[%a_][%w_]*$") then
      bad("%s: name must be a word, got %s", w, tostring(p.name))
    end
    if seen[p.name] then bad("%s: parameter '%s' is declared twice", w, p.name) end
    seen[p.name] = true
    p.type = p.type or "string"
    if not type_set[p.type] then
      bad("%s (%s): type '%s' is not one of %s", w, p.name, tostring(p.type), table.concat(param_types, ", "))
    end
    if p.type == "choice" and (type(p.choices) ~= "table" or #p.choices == 0) then
      bad("%s (%s): a choice needs choices = { ... }", w, p.name)
    end
  end
  def.each = def.each or {}
  if type(def.each) ~= "table" then bad("each must be a table of grouping functions") end
  for k, fn in pairs(def.each) do
    if type(k) ~= "string" or type(fn) ~= "function" then
      bad("each: '%s' must map a grouping name to a function(db, params) returning the groups", tostring(k))
    end
  end
  return def
end

-- Load the definition at PATH (a fresh copy each time: a district edits files between runs).
local function load_path(path)
  local fn, err = loadfile(path, "t")
  if not fn then error(err, 0) end
  local ok, def = pcall(fn)
  if not ok then error(path .. ": " .. tostring(def), 0) end
  def = check_def(def, path)
  def.path = path
  return def
end

--- reports.list() -> { {name, description, params, each = {names}, path} | {name, path, error} }
function reports.list()
  local out = {}
  for _, f in ipairs(require("cairn.paths").list("reports")) do
    local ok, def = pcall(load_path, f.path)
    if ok then
      local each = {}
      for k in pairs(def.each) do each[#each + 1] = k end
      table.sort(each)
      out[#out + 1] = { name = def.name, description = def.description, params = def.params,
        each = each, path = f.path }
    else
      out[#out + 1] = { name = f.name, path = f.path, error = tostring(def) }
    end
  end
  return out
end

--- reports.load(name) -> definition (raises a usage error for an unknown name)
function reports.load(name)
  if type(name) ~= "string" or not name:match("^[%w_%-]+$") then
    usage(string.format("'%s' is not a report name", tostring(name)))
  end
  local path = require("cairn.paths").find("reports/" .. name .. ".lua")
  if not path then
    local names = {}
    for _, f in ipairs(require("cairn.paths").list("reports")) do names[#names + 1] = f.name end
    usage(string.format("no report '%s' (known: %s; cairn report list shows them)", name,
      #names > 0 and table.concat(names, ", ") or "none"))
  end
  return load_path(path)
end

-- ---- parameters -----------------------------------------------------------------------------

local truthy = { ["true"] = true, yes = true, ["1"] = true, on = true, y = true }
local falsy = { ["false"] = true, no = true, ["0"] = true, off = true, n = true }

local function coerce(def, p, v)
  local function bad(expected)
    usage(string.format("report %s: parameter '%s': %s is not %s", def.name, p.name,
      type(v) == "string" and ("'" .. v .. "'") or tostring(v), expected))
  end
  local t = p.type
  if t == "string" then
    if type(v) == "number" then return tostring(v) end
    if type(v) ~= "string" then bad("a string") end
    return v
  elseif t == "integer" then
    local n = type(v) == "string" and v:match("^%s*[+-]?%d+%s*$") and math.tointeger(tonumber(v))
      or math.tointeger(v)
    if not n then bad("a whole number") end
    if (p.min and n < p.min) or (p.max and n > p.max) then
      bad(string.format("between %s and %s", tostring(p.min or "-"), tostring(p.max or "-")))
    end
    return n
  elseif t == "number" then
    local n = tonumber(v)
    if not n or n ~= n or n == math.huge or n == -math.huge then bad("a number") end
    if (p.min and n < p.min) or (p.max and n > p.max) then
      bad(string.format("between %s and %s", tostring(p.min or "-"), tostring(p.max or "-")))
    end
    return n
  elseif t == "boolean" then
    if type(v) == "boolean" then return v end
    local s = tostring(v):lower()
    if truthy[s] then return true end
    if falsy[s] then return false end
    bad("true or false")
  elseif t == "date" then
    if not util.is_date(v) then bad("a date (YYYY-MM-DD)") end
    return v
  elseif t == "choice" then
    for _, c in ipairs(p.choices) do
      if v == c or tostring(v) == tostring(c) then return c end
    end
    bad("one of " .. table.concat(p.choices, ", "))
  end
end

--- reports.params(def, raw) -> typed params (raw: strings from the command line or values)
function reports.params(def, raw)
  raw = raw or {}
  local out, known = {}, {}
  for _, p in ipairs(def.params) do
    known[p.name] = true
    local v = raw[p.name]
    if v == nil then
      if p.required then
        usage(string.format("report %s: parameter '%s' is required (--param %s=%s)", def.name,
          p.name, p.name, p.type:upper()))
      end
      out[p.name] = p.default
    else
      out[p.name] = coerce(def, p, v)
    end
  end
  local unknown = {}
  for k in pairs(raw) do if not known[k] then unknown[#unknown + 1] = tostring(k) end end
  if #unknown > 0 then
    table.sort(unknown)
    local names = {}
    for _, p in ipairs(def.params) do names[#names + 1] = p.name end
    usage(string.format("report %s: unknown parameter '%s' (%s)", def.name, unknown[1],
      #names > 0 and ("parameters: " .. table.concat(names, ", ")) or "it takes no parameters"))
  end
  return out
end

-- ---- runs -----------------------------------------------------------------------------------

-- util.slug, never empty (a file name needs something)
local function slug(s)
  local r = util.slug(s)
  return r ~= "" and r or "x"
end
reports.slug = slug

local function read_file(path)
  return assert(util.read_file(path))
end

local function has_table(db, name)
  return db:value("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?", name) ~= nil
end

-- The data the last earlier run of REPORT saved for GROUP (nil group: an unbatched run), with
-- that run's period and as_of; nil when there is none. "Earlier" means an earlier period when
-- PERIOD is given (a re-run of the same period does not count), else the latest run.
function reports.previous(name, group, period, db)
  db = db or require("cairn.workspace").db()
  if not has_table(db, "report_run") then return nil end
  local row = db:one([[
    SELECT o.data AS data, r.id AS id, r.period AS period, r.as_of AS as_of
      FROM report_output o JOIN report_run r ON r.id = o.run_id
     WHERE r.report = :report AND o.grp IS :grp AND o.data IS NOT NULL
       AND (:period IS NULL OR r.period IS NULL OR r.period < :period)
     ORDER BY r.period DESC, r.id DESC LIMIT 1]], { report = name, grp = group, period = period })
  if not row then return nil end
  local data = require("cairn.json").decode(row.data, "report_output.data")
  return data, { id = row.id, period = row.period, as_of = row.as_of }
end

-- Normalise what a grouping function returned into { {key =, label =}, ... }.
local function groups_of(def, each, list)
  if type(list) ~= "table" then
    error(string.format("%s: each.%s must return a list of groups, got %s", def.path, each, type(list)), 0)
  end
  local out, seen = {}, {}
  for i, g in ipairs(list) do
    local key, label
    if type(g) == "string" or type(g) == "number" then
      key, label = tostring(g), tostring(g)
    elseif type(g) == "table" then
      key = g.key or g.id or g[1]
      label = g.label or g.name or key
      key, label = key ~= nil and tostring(key) or nil, label ~= nil and tostring(label) or nil
    end
    if not key then
      error(string.format("%s: each.%s: group %d must be a string or {key =, label =}", def.path, each, i), 0)
    end
    if not seen[key] then
      seen[key] = true
      out[#out + 1] = { key = key, label = label }
    end
  end
  return out
end

local function check_period(p)
  if p == nil then return nil end
  p = tostring(p)
  if not p:match("^[%w][%w%-_.]*$") then
    usage(string.format("period '%s' must be letters, digits, '-', '_' or '.' (e.g. 2026-11, 2026-Q2)", p))
  end
  return p
end

-- Where the files go: { dir = "folder" } or { file = "path" } or { stdout = true }.
local function destination(out, format, batch)
  if out == "-" then
    if batch then usage("--out - (standard output) cannot take a batch (--each)") end
    if format == "xlsx" or format == "docx" or format == "pdf" then
      usage(format .. " cannot go to standard output; give --out FILE or a folder")
    end
    return { stdout = true }
  end
  if out == nil then
    if format == "text" and not batch then return { stdout = true } end
    return { dir = "." }
  end
  if out:sub(-1) == "/" or host.file_kind(out) == "dir" then
    local dir = out:gsub("/+$", "")
    if dir == "" then dir = "/" end
    if host.file_kind(dir) ~= "dir" then error(out .. ": folder does not exist", 0) end
    return { dir = dir }
  end
  if batch then usage("--out must be a folder (ending in /) with --each") end
  return { file = out }
end

local temp_beside = util.temp_beside

local function is_document(doc)
  return type(doc) == "table" and doc.type == "document" and getmetatable(doc) == report.Container
end

-- ---- one run, step by step ------------------------------------------------------------------
-- A run is a table R that the steps below fill in: settle (what to make), open_history (the
-- workspace), batch_groups (one document or one per group), then per group build_document and
-- write_files (to temporary files), record (rename into place + history, together), summary.

-- Decide what the run makes: definition, parameters, as_of, period, format.
local function settle(name, opts)
  local def = type(name) == "table" and check_def(name, name.path or "(report)") or reports.load(name)
  local R = { def = def, opts = opts, started = host.clock(), log = opts.log or function() end,
    pending = {}, used_names = {},
    -- shared by every document of one run (ctx.cache): a batch computes what its pages have in
    -- common once; it lives and dies with the run, so nothing is kept between runs
    cache = {} }
  R.params = reports.params(def, opts.params)
  R.as_of = opts.as_of or today()
  if not util.is_date(R.as_of) then usage(string.format("--as-of '%s' is not a date (YYYY-MM-DD)", tostring(R.as_of))) end
  local period = opts.period
  if period == nil and type(def.period) == "function" then period = def.period(R.as_of, R.params) end
  if period == nil then period = R.as_of:sub(1, 7) end
  R.period = check_period(period)
  local out = opts.out
  R.format = util.format_name(opts.format or (out and out ~= "-" and out:match("%.(%w+)$")) or "html")
  if not R.format then
    usage(string.format("unknown format '%s' (expected %s)", tostring(opts.format), table.concat(report.formats, ", ")))
  end
  R.ext = util.extensions[R.format]
  return R
end

-- The database the report reads: the workspace, with the report history tables, or for a
-- state report (def.source = "state") a state database (PostgreSQL) given by opts.from, read
-- only; a state report's runs are not recorded (there is no workspace).
local function open_history(R)
  local def, opts = R.def, R.opts
  R.state = def.source == "state"
  if R.state and not opts.db and not opts.from then
    usage(string.format("report %s reads a state database: give --from URL", def.name))
  elseif opts.from and not R.state then
    usage(string.format("report %s reads a workspace, not a state database (--from)", def.name))
  end
  local db = opts.db or (R.state and require("cairn.state.conn").open_checked(opts.from))
    or require("cairn.workspace").db()
  R.db = db
  if R.state then return end
  if not has_table(db, "report_run") then
    -- only a workspace made by a development build, before migration 004 had its tables
    error(string.format("%s has no report history tables (it was made by an early development "
      .. "build); copy its data into a new workspace", db:path() or "the workspace"), 0)
  end
  R.db = db
end

-- The groups of a batch ({ false }: one document for everything).
local function batch_groups(R)
  local def, each = R.def, R.opts.each
  if not each then return { false } end
  local fn = def.each[each]
  if not fn then
    local names = {}
    for k in pairs(def.each) do names[#names + 1] = k end
    table.sort(names)
    usage(string.format("report %s cannot be split by '%s' (%s)", def.name, each,
      #names > 0 and ("groupings: " .. table.concat(names, ", ")) or "it declares no grouping"))
  end
  local ok, list = pcall(fn, R.db, R.params)
  if not ok then error(string.format("report %s: each.%s failed: %s", def.name, each, tostring(list)), 0) end
  local groups = groups_of(def, each, list)
  if #groups == 0 then error(string.format("report %s: no %s to report on", def.name, each), 0) end
  return groups
end

-- Run the definition's build for group G: the document, what it saved (as JSON) and the words
-- that name this document in messages.
local function build_document(R, g)
  local def = R.def
  local group = g and g.key or nil
  local previous, previous_run
  if not R.state then previous, previous_run = reports.previous(def.name, group, R.period, R.db) end
  local saved
  local ctx = {
    name = def.name, params = R.params, period = R.period, as_of = R.as_of, db = R.db,
    group = group, group_label = g and g.label or nil, each = R.opts.each,
    previous = previous, previous_run = previous_run, format = R.format,
    save = function(data) saved = data end,
    report = report, cache = R.cache,
  }
  function ctx.document(fields)
    fields = fields or {}
    local spec = { title = fields.title or def.title or def.description or def.name,
      subtitle = fields.subtitle, district = fields.district or R.district,
      period = fields.period or R.period, as_of = fields.as_of or R.as_of, theme = fields.theme }
    return report.new(spec)
  end
  local bok, doc = pcall(def.build, ctx)
  local where = group and string.format("report %s (%s %s)", def.name, R.opts.each, g.label) or ("report " .. def.name)
  if not bok then error(where .. ": " .. tostring(doc), 0) end
  if not is_document(doc) then
    error(string.format("%s: build must return a document (ctx.document{...}), got %s", where, type(doc)), 0)
  end
  local saved_json
  if saved ~= nil then
    local jok, s = pcall(require("cairn.json").encode, saved)
    if not jok then error(where .. ": ctx.save: the data cannot be stored as JSON: " .. tostring(s), 0) end
    saved_json = s
  end
  return doc, saved_json, where
end

-- The files DOC becomes: one, or (CSV holds one table) one per table.
local function parts_of(R, doc)
  local tables = R.format == "csv" and doc:tables() or {}
  if #tables <= 1 then return { { suffix = "" } } end
  if R.dest.stdout or R.dest.file then
    local ids = {}
    for _, tb in ipairs(tables) do ids[#ids + 1] = tb.id end
    usage(string.format("report %s has %d tables (%s); CSV holds one: give --out FOLDER/ for one file per table",
      R.def.name, #tables, table.concat(ids, ", ")))
  end
  local parts = {}
  for _, tb in ipairs(tables) do parts[#parts + 1] = { suffix = "-" .. slug(tb.id), table = tb } end
  return parts
end

-- The path without extension of group G's file in the destination folder (NAME-PERIOD[-GROUP],
-- numbered when two groups slug alike), or nil when the destination is not a folder.
local function file_base(R, g)
  local dir = R.dest.dir
  if not dir then return nil end
  local base = R.def.name .. "-" .. slug(R.period)
  if g then base = base .. "-" .. slug(g.label) end
  local candidate, n = base, 1
  while R.used_names[candidate] do
    n = n + 1
    candidate = base .. "-" .. n
  end
  R.used_names[candidate] = true
  return (dir == "." and "" or (dir == "/" and "/" or dir .. "/")) .. candidate
end

-- Render DOC for group G into pending entries: standard output kept in memory, files written
-- to temporary files beside their destination. Returns the last path.
local function write_files(R, g, doc, saved_json, where)
  local group = g and g.key or nil
  local base = file_base(R, g)
  local last_path
  for k, part in ipairs(parts_of(R, doc)) do
    local entry = { group = group, data = k == 1 and saved_json or nil }
    R.pending[#R.pending + 1] = entry
    if R.dest.stdout then
      local s = doc:render(R.format, { width = R.opts.width or 80 })
      entry.path, entry.content = "-", s
      entry.hash, entry.bytes = host.hash(s), #s
    else
      entry.path = R.dest.file or (base .. part.suffix .. "." .. R.ext)
      if host.file_kind(entry.path) == "dir" then
        error(entry.path .. ": a folder is in the way of the report file (move or rename it)", 0)
      end
      entry.tmp = temp_beside(entry.path)
      local pok, perr
      if part.table then
        pok, perr = pcall(function()
          local fh = assert(io.open(entry.tmp, "wb"))
          fh:write((require("cairn.render").csv(part.table)))
          assert(fh:close())
        end)
      else
        pok, perr = pcall(report.produce, doc, entry.tmp, R.format,
          { width = 80, status = R.opts.status, status_name = entry.path })
      end
      if not pok then error(where .. ": " .. tostring(perr), 0) end
      local bytes = read_file(entry.tmp)
      entry.hash, entry.bytes = host.hash(bytes), #bytes
    end
    last_path = entry.path
  end
  return last_path
end

local function remove_temporaries(R)
  for _, p in ipairs(R.pending) do if p.tmp then os.remove(p.tmp) end end
end

-- ---- putting a batch in place, all or nothing ------------------------------------------------
-- Every file is rendered to a temporary file first. Then a journal naming each temporary file,
-- its destination and its hash is written beside them (.cairn-report-NAME.pending), the run is
-- recorded, the files are renamed into place and the journal removed. A run killed on the way
-- is settled by the next run of the report into that folder (settle_pending): if the run was
-- recorded the renames are finished, otherwise the temporary files are removed, so the folder
-- never keeps a mix of two periods and the history always says which files are there.

local function journal_path(R)
  local dir = R.dest.dir or (R.dest.file and (R.dest.file:match("^(.*)/[^/]*$") or "."))
  if not dir then return nil end
  return (dir == "/" and "" or dir) .. "/.cairn-report-" .. slug(R.def.name) .. ".pending"
end

local function write_journal(R)
  local path = journal_path(R)
  if not path or R.state then return nil end
  local lines = {}
  for _, e in ipairs(R.pending) do
    if e.tmp then lines[#lines + 1] = table.concat({ e.hash, e.tmp, e.path }, "\t") end
  end
  local tmp = path .. ".tmp"
  local fh = assert(io.open(tmp, "wb"))
  fh:write(table.concat(lines, "\n"), "\n")
  assert(fh:close())
  assert(os.rename(tmp, path))
  return path
end

-- For tests of all-or-nothing: CAIRN_TEST_KILL_AFTER_RENAMES=N makes cairn SIGKILL itself
-- after the Nth rename into place.
local kill_after = tonumber(os.getenv("CAIRN_TEST_KILL_AFTER_RENAMES") or "")

-- Rename every temporary file into place.
local function put_in_place(R)
  local done = 0
  for _, e in ipairs(R.pending) do
    if e.tmp then
      local r, rerr = os.rename(e.tmp, e.path)
      if not r then error(e.path .. ": " .. tostring(rerr):gsub("^[^:]*: ", ""), 0) end
      e.tmp = nil
      done = done + 1
      if kill_after and done >= kill_after then os.execute("kill -9 $PPID") end
    end
  end
end

-- A journal left by a killed run of this report into this folder: finish it when the run was
-- recorded (its outputs, with these hashes, are in the history), else undo it.
local function settle_pending(R)
  local path = journal_path(R)
  if not path or R.state or host.file_kind(path) ~= "file" then return end
  local entries = {}
  for line in io.lines(path) do
    local hash, tmp, dest = line:match("^([^\t]*)\t([^\t]*)\t(.*)$")
    if hash then entries[#entries + 1] = { hash = hash, tmp = tmp, path = dest } end
  end
  local recorded = #entries > 0
  for _, e in ipairs(entries) do
    local found = R.db:value([[SELECT count(*) FROM report_output o JOIN report_run r ON r.id = o.run_id
      WHERE r.report = ? AND o.path = ? AND o.hash = ?]], R.def.name, e.path, e.hash)
    if found == 0 then recorded = false end
  end
  for _, e in ipairs(entries) do
    if host.file_kind(e.tmp) == "file" then
      if recorded then os.rename(e.tmp, e.path) else os.remove(e.tmp) end
    end
  end
  os.remove(path)
  R.log(string.format("%s: an interrupted run of %s was %s", path, R.def.name,
    recorded and "completed" or "undone"))
end

-- All files are ready: record the run, then put them in place (see above). Returns its id
-- (none for a state report, which only puts its files in place).
local function record(R)
  local db, def = R.db, R.def
  if R.state then return put_in_place(R) end
  local journal = write_journal(R)
  local run_id
  db:transaction(function()
    local params = next(R.params) and R.params or setmetatable({}, { __jsontype = "object" })
    db:exec([[INSERT INTO report_run(report, params, period, as_of, format, each, started_at,
                seconds, cairn_version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)]],
      def.name, require("cairn.json").encode(params), R.period, R.as_of, R.format, R.opts.each,
      require("cairn.date").now(), host.clock() - R.started, host.version)
    run_id = db:last_id()
    for seq, e in ipairs(R.pending) do
      db:exec([[INSERT INTO report_output(run_id, seq, grp, path, hash, bytes, data)
                VALUES (?, ?, ?, ?, ?, ?, ?)]], run_id, seq, e.group, e.path, e.hash, e.bytes, e.data)
    end
  end)
  -- recorded (committed: a scope around the run cannot undo it now)
  put_in_place(R)
  if journal then os.remove(journal) end
  return run_id
end

-- Print what goes to standard output, log the files, and return the run's summary.
local function summary(R, run_id)
  local files = {}
  for _, e in ipairs(R.pending) do
    if e.content then io.stdout:write(e.content) end
    files[#files + 1] = { path = e.path, hash = e.hash, bytes = e.bytes, group = e.group }
    if not e.content then R.log(string.format("wrote %s (%d bytes, %s)", e.path, e.bytes, e.hash)) end
  end
  if R.state then return { files = files, period = R.period, as_of = R.as_of, params = R.params } end
  R.log(string.format("recorded run %d of %s: period %s, as of %s, %d file%s", run_id, R.def.name,
    R.period or "-", R.as_of, #files, #files == 1 and "" or "s"))
  return { id = run_id, files = files, period = R.period, as_of = R.as_of, params = R.params }
end

--- reports.run(name, opts) -> { id =, files = { {path, hash, bytes, group} }, period, as_of }
--- opts: params, period, as_of, format, out, each, db, progress = function(i, n, path),
---       log = function(line) (verbose messages), width (text), status = a cairn.progress_line
---       (says what is being converted while a PDF or Word file is made)
function reports.run(name, opts)
  opts = opts or {}
  local R = settle(name, opts)
  open_history(R)
  local groups = batch_groups(R)
  R.dest = destination(opts.out, R.format, opts.each ~= nil)
  if R.db then settle_pending(R) end
  -- after settling: a killed run's temporaries that its journal named are gone by now
  local folder = R.dest.dir or (R.dest.file and util.folder_and_base(R.dest.file))
  if folder then util.remove_stale_temporaries(folder) end
  local okd, district = false, nil
  if not R.state then okd, district = pcall(require("cairn.workspace").district) end
  R.district = okd and district or nil
  local ok, run_id = pcall(function()
    for i, g in ipairs(groups) do
      if host.interrupted() then error("interrupted", 0) end
      local last_path = write_files(R, g, build_document(R, g))
      if opts.progress then opts.progress(i, #groups, last_path) end
    end
    return record(R)
  end)
  if not ok then
    remove_temporaries(R)
    error(run_id, 0)
  end
  return summary(R, run_id)
end

--- reports.history(name) -> { {id, report, params, period, as_of, format, each, started_at,
---                            seconds, files = { {path, hash, bytes, group} }} }, oldest first
function reports.history(name, db)
  db = db or require("cairn.workspace").db()
  if not has_table(db, "report_run") then return {} end
  local runs, by_id = {}, {}
  for r in db:rows([[SELECT id, report, params, period, as_of, format, each, started_at, seconds
                       FROM report_run WHERE (:name IS NULL OR report = :name) ORDER BY id]], { name = name }) do
    r.params = require("cairn.json").decode(r.params) or {}
    r.files = {}
    runs[#runs + 1] = r
    by_id[r.id] = r
  end
  for o in db:rows([[SELECT o.run_id AS run_id, o.path AS path, o.hash AS hash, o.bytes AS bytes,
                            o.grp AS grp
                       FROM report_output o JOIN report_run r ON r.id = o.run_id
                      WHERE (:name IS NULL OR r.report = :name) ORDER BY o.run_id, o.seq]], { name = name }) do
    local r = by_id[o.run_id]
    if r then r.files[#r.files + 1] = { path = o.path, hash = o.hash, bytes = o.bytes, group = o.grp } end
  end
  return runs
end

do
  local help = require "cairn.help"
  help.module(reports, "reports", {
    list = "reports.list() -> list\nThe report definitions on the search path: name, description, params, each.",
    load = "reports.load(name) -> definition\nThe definition reports/NAME.lua (a district's copy first).",
    run = "reports.run(name, {params=, period=, as_of=, format=, out=, each=}) -> run\nRenders a recurring report (one file per group with each=), writes atomically and records the run.",
    history = "reports.history(name) -> list\nPast runs of a report, oldest first, with their files and hashes.",
    previous = "reports.previous(name, group, period) -> data, run\nWhat the last earlier run saved with ctx.save.",
    params = "reports.params(def, raw) -> params\nChecks and converts parameters by their declared types.",
  })
end

return reports
