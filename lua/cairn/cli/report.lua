-- cairn report: recurring reports from the command line, a thin wrapper over cairn.reports.
--
--   cairn report list
--   cairn report NAME [--param k=v ...] [--period P] [--as-of DATE] [--format F] [--out PATH]
--                     [--each GROUP] [--verbose]
--   cairn report history NAME
--
-- Safe for cron: never prompts, prints the files written (nothing with -q), exits 0 on
-- success, 1 when the report failed (no file is left and no run recorded), 2 for a usage
-- error. A batch, and a PDF or Word file being made, show a progress line on standard error
-- only when that is a terminal (not in CI, not with -q).
local host = require "cairn.host"
local args = require "cairn.args"
local listing = require "cairn.listing"

local cmd = {
  summary = "render reports and recurring report runs",
  usage = "cairn report list | history [NAME] | NAME [--param K=V ...] [--period P] [--as-of DATE]\n"
    .. "       [--format text|md|html|csv|json|xlsx|docx|pdf] [--out FILE|FOLDER/|-] [--each GROUP] [-q | --verbose]\n"
    .. "       list and history take --json or --csv",
  help = [[
Runs a report definition (reports/NAME.lua on the search path: next to the workspace, on
$CAIRN_PATH, in ~/.config/cairn, or built in) and writes NAME-PERIOD.EXT in the current folder,
or FILE / FOLDER/ given with --out (--out - prints to standard output; --format text prints
there by default). --each GROUP writes one file per group, NAME-PERIOD-GROUP.EXT. Files are
written atomically; if any file fails, none is written and the run is not recorded. On a
terminal a progress line on standard error shows a batch and the PDF or Word file being made
(none when piped, in CI, or with -q or --verbose).

  --param K=V    a declared parameter (repeatable); cairn report list shows them
  --period P     the reporting period in the file name and history (default: the as-of month)
  --as-of DATE   the date the report is computed for (default: today); the same workspace and
                 --as-of give byte-identical files
  --format F     text, md, html, csv, json, xlsx, docx, pdf (default: from --out, else html)
  -q, --quiet    print nothing (otherwise the files written are listed, more than ten as a
                 count; a missing output folder is created)
  --verbose      say what was written, step by step
  --from URL     a state report (state_*) reads this state database (PostgreSQL URL, service
                 or key=value settings), read-only; its runs are not recorded

cairn report history [NAME] lists past runs (of NAME, or of every report) with their files;
--verbose adds each file's fingerprint. list and history take --json or --csv.]],
}

local function out(s) io.stdout:write(s) end

local function list(opts)
  local reports = require "cairn.reports"
  local defs = reports.list()
  do -- --json / --csv: one row per report, its parameters as text
    local rows = {}
    for i, d in ipairs(defs) do
      local params = {}
      for _, p in ipairs(d.params or {}) do params[#params + 1] = p.name end
      rows[i] = { d.name, d.description or "", table.concat(params, " "),
        table.concat(d.each or {}, " "), d.error }
    end
    if listing.write(opts, { "name", "description", "params", "each", "error" }, rows, "report") then
      return 0
    end
  end
  if #defs == 0 then
    out("no reports found (put reports/NAME.lua next to the workspace or on $CAIRN_PATH)\n")
    return 0
  end
  local w = 0
  for _, d in ipairs(defs) do w = math.max(w, #d.name) end
  local broken = 0
  for _, d in ipairs(defs) do
    if d.error then
      broken = broken + 1
      out(string.format("%-" .. w .. "s  (cannot load: %s)\n", d.name, d.error))
    else
      out(string.format("%-" .. w .. "s  %s\n", d.name, d.description or ""))
      for _, p in ipairs(d.params) do
        local t = p.type == "choice" and table.concat(p.choices, "|") or p.type:upper()
        local extra = {}
        if p.required then extra[#extra + 1] = "required" end
        if p.default ~= nil then extra[#extra + 1] = "default " .. tostring(p.default) end
        out(string.format("%s  --param %s=%s%s%s\n", string.rep(" ", w), p.name, t,
          #extra > 0 and ("  (" .. table.concat(extra, ", ") .. ")") or "",
          p.help and ("  " .. p.help) or ""))
      end
      if #d.each > 0 then
        out(string.format("%s  --each %s\n", string.rep(" ", w), table.concat(d.each, " | ")))
      end
    end
  end
  return broken > 0 and 1 or 0
end

local function history(argv)
  local opts, rest = args.parse(argv, listing.spec { flags = { verbose = true } }, "report")
  local name = rest[1]
  if rest[2] then args.usage_error("expected: cairn report history [NAME]", "report") end
  local reports = require "cairn.reports"
  require("cairn.workspace").set_path(require("cairn.workspace").path(), { readonly = true })
  local runs = reports.history(name)
  if opts.json or opts.csv then
    local json = require "cairn.json"
    local rows = {}
    for i, r in ipairs(runs) do
      local files = {}
      for _, f in ipairs(r.files) do files[#files + 1] = f.path end
      rows[i] = { r.id, r.report, r.started_at, r.period, r.as_of, r.format, r.each,
        table.concat(files, " "), json.encode(r.params) }
    end
    listing.write(opts, { "run", "report", "started_at", "period", "as_of", "format", "each",
      "files", "params" }, rows, "report")
    return 0
  end
  if #runs == 0 then
    out(name and string.format("no runs of %s\n", name) or "no report runs yet\n")
    return 0
  end
  local json = require "cairn.json"
  local rows = {}
  for _, r in ipairs(runs) do
    local p = json.encode(r.params)
    if p == "[]" or p == "{}" then p = "" end
    local row = { r.id, r.started_at, r.period or "", r.as_of, r.format, r.each or "", #r.files, p }
    if not name then table.insert(row, 2, r.report) end
    rows[#rows + 1] = row
  end
  local cols = { "run", "started (UTC)", "period", "as of", "format", "each", "files", "params" }
  if not name then table.insert(cols, 2, "report") end
  out(require("cairn.text").table(cols, rows))
  if opts.verbose then
    for _, r in ipairs(runs) do
      for _, f in ipairs(r.files) do
        out(string.format("run %d  %s  %s  %d bytes%s\n", r.id, f.hash, f.path, f.bytes,
          f.group and ("  (" .. f.group .. ")") or ""))
      end
    end
  end
  return 0
end

-- The progress line on standard error (cairn.progress_line: a terminal, not CI, not -q): a
-- bar for batches, and what is being converted while a PDF or Word file is made.
local function batch_progress(line)
  if not line then return nil end
  return function(i, n, path)
    if n >= 2 then line:bar(i / n, string.format("%d/%d %s", i, n, (path or ""):match("[^/]*$"))) end
    if i == n then line:clear() end
  end
end

-- --out DIR/ (or --each, always a folder) that does not exist yet is created, parents and all;
-- for --out FILE, its folder. Nothing is made when no --out is given.
local function make_out_folder(path, is_folder)
  if not path then return end
  local dir = path
  if not (is_folder or path:sub(-1) == "/") then dir = path:match("^(.*)/[^/]*$") end
  if not dir or dir == "" or host.file_kind(dir) then return end
  local ok, err = host.mkdir(dir)
  if not ok then error(string.format("cannot create the output folder %s: %s", dir, tostring(err)), 0) end
end

function cmd.run(argv)
  local sub = argv[1]
  if sub == nil then args.usage_error("expected a report name, list or history", "report") end
  if sub == "list" then
    local opts, rest = args.parse(table.move(argv, 2, #argv, 1, {}), listing.spec(), "report")
    if rest[1] then args.usage_error("unexpected argument '" .. rest[1] .. "'", "report") end
    return list(opts)
  end
  if sub == "history" then return history(table.move(argv, 2, #argv, 1, {})) end
  local opts, rest = args.parse(argv, {
    flags = { verbose = true, quiet = true },
    options = { period = "P", as_of = "DATE", format = "F", out = "PATH", each = "GROUP", from = "URL" },
    multi = { param = "K=V" },
    short = { q = "quiet" },
  }, "report")
  local name = rest[1]
  if not name then args.usage_error("expected a report name", "report") end
  if rest[2] then args.usage_error("unexpected argument '" .. rest[2] .. "'", "report") end
  local verbose = opts.verbose
  make_out_folder(opts.out, opts.each ~= nil)
  local line = not verbose and require("cairn.progress_line").new { quiet = opts.quiet } or nil
  local r = require("cairn.reports").run(name, {
    params = args.pairs_list(opts.param, "--param", "report"),
    period = opts.period, as_of = opts.as_of, format = opts.format, out = opts.out,
    each = opts.each, from = opts.from,
    width = opts.out == nil and host.isatty(1) and host.term_width() or 80,
    progress = batch_progress(line), status = line,
    log = verbose and function(msg) io.stderr:write(msg, "\n") end or nil,
  })
  if line then line:clear() end
  -- say what was written (a file per line, as `cp -v` would), unless -q or --verbose said it,
  -- or the report went to standard output (a large batch: how many files and where)
  local files = r and r.files or {}
  local to_stdout = #files > 0 and files[1].path == "-"
  if r and not to_stdout and not opts.quiet and not verbose then
    if #files > 10 then
      out(string.format("%d files in %s\n", #files, opts.out or "the current folder"))
    else
      for _, f in ipairs(files) do out(f.path .. "\n") end
    end
  end
  return r and 0 or 1
end

return cmd
