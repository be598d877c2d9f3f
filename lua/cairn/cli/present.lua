-- cairn present: the live view of a running tool for a projector (lua/cairn/present.lua).
--
--   cairn present [WORKSHEET] [--once]
local args = require "cairn.args"

return {
  summary = "show the tool being run in large type, for a projector",
  usage = "cairn present [WORKSHEET] [--once]",
  help = [[
Follows the tool a facilitator is running (in the REPL or with cairn tool run) from a second
terminal or tmux pane: the question being asked and the answers so far, in large, plain type
wrapped to the terminal's width, redrawn as each answer is autosaved. It follows the most
recently updated draft, or worksheet WORKSHEET; with no tool running it says so and waits.
q, Ctrl-C or Ctrl-D quits. Make the type bigger with the terminal's own zoom (Ctrl-+).

It opens the workspace read-only and holds no lock: it asks SQLite a few times a second
whether anything changed (PRAGMA data_version), so the tool and every other writer go on as
if it were not there. Words and colours come from the theme (`present` in cairn/theme.lua).

  --once    print the view once as plain lines and exit (for scripts and tests)

For example, beside the REPL: tmux split-window -h 'cairn present']],
  run = function(argv)
    local opts, rest = args.parse(argv, { flags = { once = true } }, "present")
    if rest[2] then args.usage_error("unexpected argument '" .. rest[2] .. "'", "present") end
    local ws = require "cairn.workspace"
    ws.set_path(ws.path(), { readonly = true })
    require("cairn.present").run { which = rest[1], once = opts.once }
    return 0
  end,
}
