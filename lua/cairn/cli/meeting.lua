-- cairn meeting: mark the start of a planning meeting, export what it produced
-- (lua/cairn/meeting.lua).
--
--   cairn meeting start [TITLE]
--   cairn meeting export [--since TIME] [--out FILE|-] [--format md|html] [--title TEXT]
local args = require "cairn.args"

local function say(s) io.stderr:write(s, "\n") end

return {
  summary = "start a meeting, or export what one produced as a report",
  usage = "cairn meeting start [TITLE]\n"
    .. "       cairn meeting export [--since TIME] [--out FILE|-] [--format md|html] [--title TEXT]",
  help = [[
A meeting is the stretch of work a report of the room covers. `cairn meeting start [TITLE]`
(meeting.start "Title" in the REPL) records its start; with no start recorded, the meeting is
the latest run of changes without a pause of more than two hours.

`cairn meeting export` writes what the meeting produced as one report: the worksheets touched
(created, updated, completed) and who saved them, the answers and revisions of each, and the
plan changes (plans and items created, statuses recorded). Names are those revisions were
signed with (cairn whoami).

  --since TIME   from TIME instead of the meeting's start: 2026-11-26, 2026-11-26 09:30 (UTC)
                 or a length of time back from now (90m, 2h, 1d)
  --out FILE     the file to write (default meeting-YYYY-MM-DD-HHMM.EXT here; - prints it)
  --format F     md (default) or html; any report format works (text, json, xlsx, ...)
  --title TEXT   the report's title (default: the recorded meeting title, or Meeting record)]],
  run = function(argv)
    local sub = argv[1]
    local rest_argv = table.move(argv, 2, #argv, 1, {})
    local meeting = require "cairn.meeting"
    if sub == "start" then
      local _, rest = args.parse(rest_argv, {}, "meeting")
      if rest[2] then args.usage_error("expected one TITLE (quote a title with spaces)", "meeting") end
      local at = meeting.start(rest[1])
      say(string.format("meeting started at %s UTC%s", at:gsub("T", " "):gsub("Z$", ""),
        rest[1] and (": " .. rest[1]) or ""))
      return 0
    elseif sub == "export" then
      local opts, rest = args.parse(rest_argv, { options = { since = "TIME", out = "FILE",
        format = "md|html", title = "TEXT" }, short = { o = "out" } }, "meeting")
      if rest[1] then args.usage_error("unexpected argument '" .. rest[1] .. "'", "meeting") end
      if opts.format and not require("cairn.util").format_name(opts.format) then
        args.usage_error(string.format("unknown format '%s' (expected md or html)", opts.format), "meeting")
      end
      if opts.since and not meeting.parse_time(opts.since) then
        args.usage_error("--since: " .. select(2, meeting.parse_time(opts.since)), "meeting")
      end
      local ws = require "cairn.workspace"
      if not ws.exists() then error("there is no workspace at " .. ws.path(), 0) end
      local path = meeting.export(opts)
      if path ~= "-" then say("wrote " .. path) end
      return 0
    elseif sub == nil then
      args.usage_error("expected start or export", "meeting")
    end
    args.unknown_subcommand("meeting command", sub, { "start", "export" }, "meeting")
  end,
}
