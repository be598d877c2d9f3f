-- cairn publish: send this district's changes to the state database (lua/cairn/publish.lua).
local args = require "cairn.args"

local cmd = {
  summary = "send this district's plans and survey aggregates to a state database",
  usage = "cairn publish [--to URL|SERVICE] [--verbose]",
  help = [[
Sends what changed since the last publish to the state's PostgreSQL database, as one
transaction: people's names and roles (no contact details), plans with their items, owners,
dates, statuses and status history, measures, targets and observations, final worksheets,
report runs, and survey results as suppressed aggregates only (at the larger of the district's
and the state's minimum group size). Raw survey responses never leave the workspace.

A publish that fails (network, server restart, interrupted) changes nothing on the state side;
run it again. Publishing twice sends nothing the second time.

--to takes a URL (postgresql://host/db?user=ROLE), a service name or key=value settings;
without it $CAIRN_STATE, else the PG* environment variables. Passwords come from ~/.pgpass
or the service file and are never stored in the workspace. You publish as your district's
role (the state creates it with cairn state add-district).]],
}

function cmd.run(argv)
  local opts, rest = args.parse(argv, { flags = { verbose = true }, options = { to = "URL" } }, "publish")
  if rest[1] then args.usage_error("unexpected argument '" .. rest[1] .. "'", "publish") end
  local function say(line) io.stderr:write(line, "\n") end
  local s = require("cairn.publish").run { to = opts.to, log = say }
  if not s.publish_id then
    say(string.format("%s: nothing new to publish", s.district))
    return 0
  end
  say(string.format("%s: published %d row%s%s (publish %d%s)", s.district, s.sent, s.sent == 1 and "" or "s",
    s.deleted > 0 and string.format(", deleted %d", s.deleted) or "", s.publish_id,
    s.full and (s.first and ", first publish" or ", everything resent") or ""))
  if opts.verbose then
    for _, t in ipairs(require("cairn.publish").tables) do
      local c = s.tables[t.name]
      if c and (c.sent > 0 or c.deleted > 0) then
        say(string.format("  %-15s %d sent, %d deleted", t.name, c.sent, c.deleted))
      end
    end
    say(string.format("  survey results suppressed below %d respondents", s.min_group_size))
  end
  return 0
end

return cmd
