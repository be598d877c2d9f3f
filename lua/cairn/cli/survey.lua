-- cairn survey: instruments, waves, imports, data entry and quick results. A thin wrapper over
-- cairn.survey (docs/survey-api.md); every write is one transaction.
local args = require "cairn.args"
local ws = require "cairn.workspace"
local host = require "cairn.host"
local text = require "cairn.text"

local M = {
  summary = "survey instruments, response imports and results",
  usage = "cairn survey import FILE.csv --wave NAME [--instrument ID] [--map FILE] [--check] [-q]\n"
    .. "       | instruments | show ID | load FILE.lua|FILE.csv | bank [export] ID FILE.csv\n"
    .. "       | bank import FILE.csv\n"
    .. "       | waves | wave NAME --instrument ID [--starts D] [--ends D] [--audience T] [--mode M]\n"
    .. "       | entry --wave NAME [--instrument ID] | results WAVE [--by ATTR[,ATTR]] [--item CODE]\n"
    .. "       | audit WAVE | min-group-size [N] | draft EXPORT.csv [--id ID] [--out PREFIX]",
  help = [[
  import FILE.csv      import responses (Google Forms, Qualtrics, LimeSurvey or plain CSV) into
                       wave NAME, created for --instrument ID if new. Columns are matched to
                       items by code, question text or alias, to attributes by name; --map FILE
                       (CSV column,target) names the rest. Any problem stops the import with
                       FILE:LINE:COLUMN (header): "value": what was expected, and nothing is
                       stored. --check validates and reports without storing. Importing the
                       same rows again adds nothing. On a terminal a progress line on standard
                       error shows how far the import has got (not when piped, in CI or -q).
  instruments          the instruments in the workspace
  show ID              an instrument's sections, items, types and scales
  load FILE            store an instrument from a Lua file (return { id =, sections = ... })
                       or a CSV question bank
  bank [export] ID FILE.csv   write an instrument as a CSV question bank to edit in a
                       spreadsheet; bank import FILE.csv stores it back (as load does)
  waves                the waves with their response counts
  wave NAME            create or update a wave (--instrument, --starts, --ends, --audience,
                       --mode anonymous|confidential)
  entry                type paper forms, one line per respondent, from the terminal or a pipe
  results WAVE         results by school (or --by ATTR, or --by A,B), with small groups
                       withheld (settings survey.min_group_size, default 5); --json, --csv
  audit WAVE           prove that no withheld figure of the wave can be worked out from the
                       published ones (docs/survey-privacy.md); exit 1 when one can
  draft EXPORT.csv     draft an instrument from a form export: PREFIX.lua and PREFIX.csv
                       (question bank) with items from the headers, scales guessed from the
                       answers, checkbox questions and attribute columns; review, then load
  min-group-size [N]   show or set the minimum group size (a positive whole number; under 5
                       warns)

Exit status: 0 done, 1 a problem in the input (nothing stored), 2 usage error.]],
}

local function out(s) io.stdout:write(s) end
local function fmt(x, d) return host.format_number(x, d or 0) end

local function survey() return require "cairn.survey" end

local sub = {}

-- The progress line of an import (a terminal, not CI, not -q): how far into the file, and the
-- rows read.
local function import_progress(file, quiet)
  local line = require("cairn.progress_line").new { quiet = quiet }
  if not line then return nil end
  local f = io.open(file, "rb")
  local size = f and f:seek("end")
  if f then f:close() end
  local name = file:match("[^/]*$")
  return line, function(rows, bytes)
    if rows == 0 then return end
    local label = string.format("%s rows of %s", require("cairn.host").format_number(rows, 0, true), name)
    line:bar(size and size > 0 and bytes >= 0 and bytes / size or nil, label)
  end
end

function sub.import(argv)
  local opts, rest = args.parse(argv, { options = { instrument = "ID", wave = "NAME", map = "FILE" },
    flags = { check = true, quiet = true }, short = { q = "quiet" } }, "survey")
  if not rest[1] then args.usage_error("expected a CSV FILE to import", "survey") end
  if rest[2] then args.usage_error("unexpected argument '" .. rest[2] .. "'", "survey") end
  if not opts.wave then args.usage_error("--wave NAME is required", "survey") end
  local line, progress = import_progress(rest[1], opts.quiet)
  local ok, r = pcall(survey().import, { file = rest[1], instrument = opts.instrument, wave = opts.wave,
    map = opts.map, check = opts.check, progress = progress })
  if line then line:clear() end
  if not ok then error(r, 0) end
  out(string.format("%s: %s export, %d row%s%s\n", rest[1], r.style, r.rows, r.rows == 1 and "" or "s",
    r.empty > 0 and string.format(" (%d with no answers, skipped)", r.empty) or ""))
  local rows = {}
  for i, c in ipairs(r.columns) do rows[i] = { i, c.header, c.target } end
  out(text.table({ "column", "header", "stored as" }, rows, { count = false }))
  if r.checked then
    out(string.format("checked: %d new response%s, %d already imported; nothing stored (--check)\n",
      r.added, r.added == 1 and "" or "s", r.duplicates))
  else
    out(string.format("imported %d new response%s into wave '%s'%s\n", r.added, r.added == 1 and "" or "s",
      r.wave, r.duplicates > 0 and string.format(" (%d already imported, skipped)", r.duplicates) or ""))
  end
  return 0
end

function sub.instruments(argv)
  local _, rest = args.parse(argv, {}, "survey")
  if rest[1] then return sub.show(rest) end
  local rows = {}
  for _, i in ipairs(survey().instruments()) do
    rows[#rows + 1] = { i.id, i.version, i.title, i.items, table.concat(i.attributes, ", ") }
  end
  out(text.table({ "id", "version", "title", "items", "attributes" }, rows))
  return 0
end

function sub.show(argv)
  local _, rest = args.parse(argv, {}, "survey")
  if not rest[1] then args.usage_error("expected an instrument ID", "survey") end
  local inst = survey().get_instrument(rest[1])
  out(string.format("%s (version %d): %s\n", inst.id, inst.version, inst.title))
  out("attributes: " .. (#inst.attributes > 0 and table.concat(inst.attributes, ", ") or "none") .. "\n")
  for _, sec in ipairs(inst.sections) do
    out("\n" .. sec.title .. "\n")
    local rows = {}
    for _, code in ipairs(sec.items) do
      local it = inst.by_code[code]
      local answers
      if it.scale then
        local l = {}
        for _, x in ipairs(it.scale.levels) do l[#l + 1] = x.label end
        answers = it.scale.name .. ": " .. table.concat(l, " / ")
      elseif it.options then
        local l = {}
        for _, x in ipairs(it.options) do l[#l + 1] = x.label end
        answers = table.concat(l, " / ")
      end
      rows[#rows + 1] = { it.code, it.text, it.type .. (it.reverse and " (reversed)" or ""), answers }
    end
    out(text.table({ "code", "text", "type", "answers" }, rows, { count = false }))
  end
  return 0
end

function sub.load(argv)
  local _, rest = args.parse(argv, {}, "survey")
  local file = rest[1]
  if not file then args.usage_error("expected an instrument FILE (.lua or .csv)", "survey") end
  if not host.file_kind(file) then error(file .. ": no such file", 0) end
  local inst
  if file:match("%.csv$") then
    inst = survey().load_bank(file)
  else
    -- an instrument file is data anyone may hand a district: sandboxed with limits unless
    -- trusted, like scales and answers files (cairn.trust.load_data_file)
    local def = require("cairn.trust").load_data_file(file)
    local ok, v = pcall(survey().instrument, def)
    if not ok then error(file .. ": " .. tostring(v), 0) end
    inst = v
  end
  local db = ws.db()
  db:transaction(function() inst = survey().save_instrument(inst) end)
  out(string.format("stored instrument %s version %d (%d items)\n", inst.id, inst.version, #inst.items))
  return 0
end

function sub.bank(argv)
  local _, rest = args.parse(argv, {}, "survey")
  if rest[1] == "import" then
    if not rest[2] or rest[3] then args.usage_error("expected one bank FILE.csv to import", "survey") end
    return sub.load { rest[2] }
  end
  if rest[1] == "export" then table.remove(rest, 1) end
  if not rest[1] or not rest[2] then args.usage_error("expected an instrument ID and a FILE.csv", "survey") end
  survey().save_bank(rest[1], rest[2])
  out(string.format("wrote %s\n", rest[2]))
  return 0
end

function sub.waves(argv)
  local opts = args.parse(argv, { options = { instrument = "ID" } }, "survey")
  local rows = {}
  for _, w in ipairs(survey().waves(opts.instrument)) do
    rows[#rows + 1] = { w.name, w.instrument, w.version, w.starts, w.ends, w.mode, w.responses }
  end
  out(text.table({ "wave", "instrument", "version", "starts", "ends", "mode", "responses" }, rows))
  return 0
end

function sub.wave(argv)
  local opts, rest = args.parse(argv, { options = { instrument = "ID", starts = "DATE", ends = "DATE",
    audience = "TEXT", mode = "MODE" } }, "survey")
  if not rest[1] then args.usage_error("expected a wave NAME", "survey") end
  local db = ws.db()
  local w
  db:transaction(function()
    local existing = db:one("SELECT instrument FROM survey_wave WHERE name = ?", rest[1])
    if not existing and not opts.instrument then
      args.usage_error("--instrument ID is required for a new wave", "survey")
    end
    w = survey().wave { name = rest[1], instrument = opts.instrument or existing.instrument,
      starts = opts.starts, ends = opts.ends, audience = opts.audience, mode = opts.mode }
  end)
  out(string.format("wave '%s' (%s, %s)\n", w.name, w.instrument, w.mode))
  return 0
end

function sub.entry(argv)
  local opts = args.parse(argv, { options = { instrument = "ID", wave = "NAME" } }, "survey")
  if not opts.wave then args.usage_error("--wave NAME is required", "survey") end
  local r = survey().entry { wave = opts.wave, instrument = opts.instrument }
  return #r.errors > 0 and 1 or 0
end

-- Quick text results: one row per group and item (cairn.survey.format, which the REPL uses too).
-- --json / --csv: one row per group and item with every column filled (the group on each row),
-- plain numbers (percentages 0-100, rounded as the text shows them), and why a cell is withheld.
local result_columns = { "group", "respondents", "response_rate", "item", "question", "n",
  "favorable", "mean", "change", "withheld" }

local function result_rows(res)
  local rows = {}
  local function r1(x) return x and host.round(x, 1) end
  local function add(g)
    local rate = g.response_rate and r1(g.response_rate * 100)
    if g.suppressed then
      rows[#rows + 1] = { g.label, nil, rate, nil, nil, nil, nil, nil, nil, g.reason or "withheld" }
      return
    end
    for _, it in ipairs(res.items) do
      local r = g.items[it.code] or {}
      local change = r.change and r.change.favorable and r1(r.change.favorable) or nil
      rows[#rows + 1] = { g.label, g.respondents, rate, it.code, it.text,
        not r.suppressed and r.n or nil, not r.suppressed and r1(r.favorable) or nil,
        not r.suppressed and r.mean and host.round(r.mean, 2) or nil, change,
        r.suppressed and (r.reason or "withheld") or nil }
    end
  end
  for _, g in ipairs(res.groups) do add(g) end
  if res.total then add(res.total) end
  return rows
end

function sub.results(argv)
  local listing = require "cairn.listing"
  local opts, rest = args.parse(argv, listing.spec { options = { by = "ATTR", item = "CODE", compare = "WAVE" } }, "survey")
  if not rest[1] then args.usage_error("expected a WAVE name", "survey") end
  local by = opts.by
  if by and by:find(",") then
    local a, b = by:match("^%s*([^,]-)%s*,%s*([^,]-)%s*$")
    by = { a, b }
  end
  local s = survey()
  local w = s.get_wave(rest[1])
  if by == nil and #w.inst.attributes > 0 then by = w.inst.attributes[1] end
  local q = { wave = rest[1], by = by, items = opts.item and { opts.item } or nil, compare = opts.compare }
  if not opts.json and not opts.csv then
    -- the text, each group's items worked out as it is printed (a table by school and role
    -- would otherwise hold tens of thousands of item results at once)
    out(require("cairn.survey.results").text(q))
    return 0
  end
  listing.write(opts, result_columns, result_rows(s.results(q)), "survey")
  return 0
end

function sub.audit(argv)
  local _, rest = args.parse(argv, {}, "survey")
  if not rest[1] then args.usage_error("expected a WAVE name", "survey") end
  if rest[2] then args.usage_error("unexpected argument '" .. rest[2] .. "'", "survey") end
  local audit = require "cairn.survey.audit_wave"
  local r = audit.run { wave = rest[1] }
  out(audit.format(r))
  return #r.problems == 0 and 0 or 1
end

function sub.draft(argv)
  local opts, rest = args.parse(argv, { options = { id = "ID", out = "PREFIX", title = "TEXT" } }, "survey")
  if not rest[1] then args.usage_error("expected an EXPORT.csv to draft from", "survey") end
  if rest[2] then args.usage_error("unexpected argument '" .. rest[2] .. "'", "survey") end
  if not host.file_kind(rest[1]) then error(rest[1] .. ": no such file", 0) end
  local draft = require "cairn.survey.draft"
  local def, notes, style = draft.draft { file = rest[1], id = opts.id, title = opts.title }
  local prefix = opts.out or (rest[1]:match("([^/]*)$"):gsub("%.[Cc][Ss][Vv]$", "") .. "_instrument")
  if prefix .. ".csv" == rest[1] or prefix .. ".lua" == rest[1] then
    error(string.format("%s: the draft would overwrite the export; choose another --out PREFIX", rest[1]), 0)
  end
  local inst = draft.write(def, prefix)
  out(string.format("%s: %s export; drafted instrument %s: %d items, attributes %s\n", rest[1], style,
    inst.id, #inst.items, #inst.attributes > 0 and table.concat(inst.attributes, ", ") or "none"))
  for _, n in ipairs(notes) do out("  " .. n .. "\n") end
  out(string.format("wrote %s.lua and %s.csv: review them, then cairn survey load %s.lua\n", prefix, prefix, prefix))
  return 0
end

sub["min-group-size"] = function(rest)
  -- no option parsing: "-3" is a value to refuse with the rule, not an unknown option
  local results = require "cairn.survey.results"
  if rest[2] then args.usage_error("unexpected argument '" .. rest[2] .. "'", "survey") end
  if rest[1] then
    local warning
    ws.db():transaction(function() warning = results.set_min_group_size(rest[1]) end)
    if warning then io.stderr:write(warning .. "\n") end
  end
  out(string.format("minimum group size: %d\n", results.min_group_size()))
  return 0
end

function M.run(argv)
  local name = argv[1]
  if not name or name == "--help" or name == "help" then
    out("usage: " .. M.usage .. "\n\n" .. M.help .. "\n")
    return name and 0 or 2
  end
  local f = sub[name]
  if not f then
    local names = {}
    for k in pairs(sub) do names[#names + 1] = k end
    table.sort(names)
    args.unknown_subcommand("survey command", name, names, "survey")
  end
  local rest = {}
  for i = 2, #argv do rest[#rest + 1] = argv[i] end
  return f(rest)
end

return M
