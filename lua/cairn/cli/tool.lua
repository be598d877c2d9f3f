-- cairn tool: list, show and run the guidebook tools; worksheets and their reports.
-- A thin wrapper over cairn.tool, the same engine the REPL's run "five_whys" uses.
local args = require "cairn.args"
local listing = require "cairn.listing"
local ws = require "cairn.workspace"
local host = require "cairn.host"

local M = {
  summary = "list, show and run the guidebook tools",
  usage = "cairn tool list [FILTER] | show ID | run ID [--answers FILE | --example] [--title T] [--draft]\n"
    .. "       [--format F] [--out PATH] | edit WORKSHEET | resume WORKSHEET | copy ID [DIR] [--force]\n"
    .. "       | worksheets [--tool ID] | history WORKSHEET | report WORKSHEET [--format F] [--out PATH]",
  help = [[
  list [FILTER]        the tools by stage (FILTER: text in the stage, framework or id);
                       --json or --csv for the full values
  show ID              a tool's instructions and form
  run ID               run a tool: with --answers FILE (JSON or Lua) every problem is listed as
                       FILE: field.path: message and nothing is stored; without --answers the
                       tool asks question by question (on a terminal, or reading answers line
                       by line from piped input). --title names the worksheet, --draft keeps it
                       a draft, --by NAME records who (default: $CAIRN_ACTOR, else the
                       facilitator name kept for the workspace, asked once on a terminal,
                       else $USER), --add-people adds names not yet in the workspace as
                       people instead of refusing them, --format/--out also renders its
                       report. --example starts from the guidebook's worked example (for
                       training: the worksheet is marked as training and writes nothing
                       into the plan).
  edit WORKSHEET       change a worksheet's answers (the review screen first); saves a revision
  resume WORKSHEET     continue a draft where it stopped
  copy ID [DIR]        copy the built-in tool to tools/ID.lua beside the workspace (or in DIR),
                       where the district's copy takes precedence; --force overwrites
  worksheets           stored worksheets, newest first (--tool ID, --status draft|final;
                       --json or --csv)
  history WORKSHEET    a worksheet's revisions: who, when, what changed
  report WORKSHEET     render a worksheet: text on the terminal, or --format markdown|html|json|
                       csv|xlsx|docx|pdf (--out PATH; the format follows PATH's extension)

Exit status: 0 done, 1 problems in the answers or nothing saved, 2 usage error.]],
}

local function out(s) io.stdout:write(s) end
local function err(s)
  io.stderr:write(s, "\n")
  require("cairn.cli").log_error(s)
end

local function need_id(rest, what, sub)
  if not rest[1] then args.usage_error("expected " .. what, "tool") end
  if rest[2] then args.usage_error(string.format("unexpected argument '%s' after %s %s", rest[2], sub, rest[1]), "tool") end
  return rest[1]
end

local function worksheet_id(s)
  local n = math.tointeger(tonumber(s))
  if not n or n < 1 then args.usage_error(string.format("'%s' is not a worksheet number", s), "tool") end
  return n
end

-- Who signs what is saved: on a terminal (input and output), with no --by, cairn asks once per
-- workspace and login who is facilitating, as the REPL does (cairn.session decides when: never
-- with $CAIRN_ACTOR, in CI or piped).
local function ask_who(opts)
  if opts.by or not (host.isatty(0) and host.isatty(1)) then return end
  require("cairn.session").current():ask_facilitator(host.readline, function(s) out(s .. "\n") end)
end

local sub = {}

function sub.list(argv)
  local opts, rest = args.parse(argv, listing.spec(), "tool")
  if rest[2] then args.usage_error("expected at most one FILTER", "tool") end
  local tool = require "cairn.tool"
  local list = tool.list(rest[1])
  local rows = {}
  for i, e in ipairs(list) do
    rows[i] = { e.id, e.title or "", e.stage or "", e.framework or "", e.summary or "", e.error }
  end
  if listing.write(opts, { "id", "title", "stage", "framework", "summary", "error" }, rows, "tool") then
    return 0
  end
  out(tostring(list) .. "\n")
  return 0
end

function sub.show(argv)
  local _, rest = args.parse(argv, {}, "tool")
  local id = need_id(rest, "a tool ID", "show")
  out(require("cairn.tool").show(id))
  return 0
end

local function render(w, opts)
  local tool = require "cairn.tool"
  if not opts.format and not opts.out then return end
  local path = tool.report(w, opts.format, { out = opts.out })
  if path then err("wrote " .. path) end
end

function sub.run(argv)
  local opts, rest = args.parse(argv, {
    options = { answers = "FILE", title = "TEXT", format = "FORMAT", out = "PATH", by = "NAME",
      as_of = "DATE" },
    flags = { draft = true, add_people = true, example = true },
  }, "tool")
  local id = need_id(rest, "a tool ID", "run")
  local tool = require "cairn.tool"
  local T = tool.load(id)
  local run_opts = { title = opts.title, by = opts.by, as_of = opts.as_of,
    status = opts.draft and "draft" or nil, example = opts.example }
  if opts.example and opts.answers then
    args.usage_error("--example starts from the tool's worked example; it cannot take --answers too", "tool")
  end
  if opts.answers then
    local answers, lerr = tool.load_answers(opts.answers)
    if not answers then err(lerr); return 1 end
    local added = opts.add_people and {} or nil
    local stored, errors, warnings = tool.validate(T, answers, { partial = opts.draft, add_people = added })
    local form = tool.form
    for _, e in ipairs(errors) do err(opts.answers .. ": " .. form.format_error(e)) end
    if #errors > 0 then
      err(string.format("%s: %d problem%s; nothing was stored", opts.answers, #errors,
        #errors == 1 and "" or "s"))
      for _, e in ipairs(errors) do
        if e.code == "unknown_person" then
          err("(--add-people adds names not yet in the workspace as people)")
          break
        end
      end
      return 1
    end
    for _, e in ipairs(warnings) do err(opts.answers .. ": warning: " .. form.format_error(e)) end
    local w = ws.scope(function()
      tool.add_people(added)
      for _, name in ipairs(added or {}) do err(string.format("added %s to the people of the workspace", name)) end
      local saved = tool.save(T, stored, run_opts)
      render(saved, opts)
      return saved
    end)
    err(string.format("saved worksheet %d (%s, %s): %s", w.id, w.tool, w.status, w.title))
    return 0
  end
  ask_who(opts)
  local w = ws.scope(function()
    local saved = tool.interactive(T, run_opts)
    if saved then render(saved, opts) end
    return saved
  end)
  return w and 0 or 1
end

-- Edit a worksheet (review screen first) or continue a draft where it stopped, on the terminal
-- or from piped lines, as `run` does.
local function converse_on(argv, name, fn)
  local opts, rest = args.parse(argv, { options = { by = "NAME", title = "TEXT", as_of = "DATE" } }, "tool")
  local n = worksheet_id(need_id(rest, "a WORKSHEET number", name))
  local tool = require "cairn.tool"
  local w = ws.scope(function()
    local worksheet = tool.open_worksheet(n) -- a missing worksheet is said before any question
    require("cairn.session").current():unlocked(ask_who, opts)
    return fn(tool, worksheet, { by = opts.by, title = opts.title, as_of = opts.as_of })
  end)
  return w and 0 or 1
end

function sub.edit(argv)
  return converse_on(argv, "edit", function(tool, w, o) return tool.edit(w, nil, o) end)
end

function sub.resume(argv)
  return converse_on(argv, "resume", function(tool, w, o) return tool.resume(w, o) end)
end

function sub.copy(argv)
  local opts, rest = args.parse(argv, { flags = { force = true } }, "tool")
  if not rest[1] then args.usage_error("expected a tool ID", "tool") end
  if rest[3] then args.usage_error("unexpected argument '" .. rest[3] .. "'", "tool") end
  local id = rest[1]
  local tool = require "cairn.tool"
  local builtin = host.datadir() .. "/scripts/tools/" .. id .. ".lua"
  local from = host.file_kind(builtin) == "file" and builtin or tool.load(id).path
  local dir = rest[2]
  if not dir then dir = (ws.path():match("^(.*)/[^/]*$") or ".") .. "/tools"
  elseif not dir:match("/tools/?$") and dir ~= "tools" then dir = dir:gsub("/$", "") .. "/tools" end
  dir = dir:gsub("/$", "")
  local dest = dir .. "/" .. id .. ".lua"
  if host.file_kind(dest) and not opts.force then
    err(string.format("%s already exists (--force replaces it)", dest))
    return 1
  end
  local made, why = host.mkdir(dir)
  if not made then err("cannot create the folder " .. why); return 1 end
  local fin = assert(io.open(from, "rb"))
  local src = fin:read("a")
  fin:close()
  local fout, oerr = io.open(dest, "wb")
  if not fout then err(oerr); return 1 end
  fout:write(src)
  fout:close()
  err(string.format("copied %s to %s; edit it there (cairn tool show %s uses it)", from, dest, id))
  return 0
end

function sub.worksheets(argv)
  local opts, rest = args.parse(argv, listing.spec { options = { tool = "ID", status = "draft|final" } }, "tool")
  if rest[1] then args.usage_error("unexpected argument '" .. rest[1] .. "'", "tool") end
  if opts.status and opts.status ~= "draft" and opts.status ~= "final" then
    args.usage_error("--status is draft or final", "tool")
  end
  ws.set_path(ws.path(), { readonly = true })
  local list = require("cairn.tool").worksheets { tool = opts.tool, status = opts.status }
  local rows = {}
  for i, w in ipairs(list) do
    rows[i] = { w.id, w.tool, w.title, w.status, w.revisions, w.updated_at }
  end
  if listing.write(opts, { "id", "tool", "title", "status", "revisions", "updated_at" }, rows, "tool") then
    return 0
  end
  out(tostring(list) .. "\n")
  return 0
end

function sub.history(argv)
  local _, rest = args.parse(argv, {}, "tool")
  local n = worksheet_id(need_id(rest, "a WORKSHEET number", "history"))
  ws.set_path(ws.path(), { readonly = true })
  local w = require("cairn.tool").open_worksheet(n)
  out(tostring(w) .. "\n" .. tostring(w:history()) .. "\n")
  return 0
end

function sub.report(argv)
  local opts, rest = args.parse(argv, { options = { format = "FORMAT", out = "PATH", as_of = "DATE" } }, "tool")
  local n = worksheet_id(need_id(rest, "a WORKSHEET number", "report"))
  ws.set_path(ws.path(), { readonly = true })
  local tool = require "cairn.tool"
  local w = tool.open_worksheet(n)
  local format = opts.format or (not opts.out and "text") or nil
  if format == "md" then format = "markdown" end
  local to_stdout = { text = true, markdown = true, html = true, json = true, csv = true }
  if not opts.out and to_stdout[format] then
    -- text formats go to standard output (for pipes and cron); files need --out
    local doc = tool.document(w, { as_of = opts.as_of })
    local s = doc:render(format)
    out(s .. (s:sub(-1) == "\n" and "" or "\n"))
    return 0
  end
  local path = tool.report(w, format, { out = opts.out, as_of = opts.as_of })
  err("wrote " .. path)
  return 0
end

local order = { "list", "show", "run", "edit", "resume", "copy", "worksheets", "history", "report" }

function M.run(argv)
  local name = argv[1]
  if not name then args.usage_error("expected a subcommand: " .. table.concat(order, ", "), "tool") end
  local fn = sub[name]
  if not fn then
    args.unknown_subcommand("subcommand", name, order, "tool")
  end
  return fn(table.move(argv, 2, #argv, 1, {}))
end

return M
