-- cairn state: set up and look after a state database (PostgreSQL), docs/state.md.
--
--   cairn state init [--to URL]                       create or migrate the schema
--   cairn state add-district NAME [--role R] [--login] [--to URL]
--   cairn state districts [--to URL]                  the districts and their last publish
--   cairn state set KEY VALUE [--to URL]              a state setting (survey.min_group_size)
local args = require "cairn.args"

local cmd = {
  summary = "create, migrate and look after a state database (PostgreSQL)",
  usage = "cairn state init | add-district NAME [--role R] [--login] | districts | set KEY VALUE\n"
    .. "       [--to URL|SERVICE]",
  help = [[
The state side of publishing: one PostgreSQL database holds every district's published plans,
measures and survey aggregates (docs/state.md). Run these as the database's owner.

  init            create the cairn schema, or apply the migrations it lacks (one transaction)
  add-district    register a district and create its role (cairn_district_N, or --role R);
                  --login lets the role log in. A district publishes as its role and row-level
                  security lets it read and change only its own rows.
  districts       list the districts with their last publish
  set KEY VALUE   a state setting: survey.min_group_size (districts publish survey results
                  at the larger of theirs and this)

--to takes a URL (postgresql://host/db), a service name or key=value settings; without it
$CAIRN_STATE, else the PG* environment variables. Passwords come from ~/.pgpass or the
service file, never from cairn.]],
}

local function out(s) io.stdout:write(s) end

local settable = { ["survey.min_group_size"] = "a whole number of at least 1" }

function cmd.run(argv)
  local sub = argv[1]
  if not sub then args.usage_error("expected init, add-district, districts or set", "state") end
  local opts, rest = args.parse(table.move(argv, 2, #argv, 1, {}), {
    flags = { login = true }, options = { to = "URL", role = "R" } }, "state")
  local conn = require "cairn.state.conn"
  local schema = require "cairn.state.schema"
  if sub == "init" then
    if rest[1] then args.usage_error("unexpected argument '" .. rest[1] .. "'", "state") end
    local c <close> = conn.open(opts.to)
    local applied = schema.migrate(c)
    if #applied == 0 then
      out(string.format("%s: the state schema is up to date (version %d)\n", c:where(), schema.version(c)))
    else
      out(string.format("%s: applied state migration%s %s (now version %d)\n", c:where(),
        #applied == 1 and "" or "s", table.concat(applied, ", "), schema.version(c)))
    end
    return 0
  elseif sub == "add-district" then
    local name = rest[1]
    if not name or rest[2] then args.usage_error("expected one district NAME", "state") end
    local c <close> = conn.open(opts.to)
    schema.check(c)
    local d = require("cairn.state.districts").add(c, name, { role = opts.role, login = opts.login })
    out(string.format("district %d %s publishes as role %s\n", d.district_id, d.name, d.role_name))
    return 0
  elseif sub == "districts" then
    if rest[1] then args.usage_error("unexpected argument '" .. rest[1] .. "'", "state") end
    local c <close> = conn.open(opts.to)
    schema.check(c)
    local r = require("cairn.state.districts").list(c)
    out(require("cairn.text").table(r.columns, r.rows))
    return 0
  elseif sub == "set" then
    local key, value = rest[1], rest[2]
    if not key or not value or rest[3] then args.usage_error("expected KEY VALUE", "state") end
    if not settable[key] then args.usage_error("unknown state setting '" .. key .. "' (known: survey.min_group_size)", "state") end
    local n = math.tointeger(tonumber(value))
    if not n or n < 1 then error(string.format("%s: '%s' is not %s", key, value, settable[key]), 0) end
    local c <close> = conn.open(opts.to)
    schema.check(c)
    c:exec("UPDATE cairn.state_setting SET value = $2 WHERE key = $1", key, tostring(n))
    out(string.format("%s = %d\n", key, n))
    return 0
  end
  args.unknown_subcommand("state command", sub, { "init", "add-district", "districts", "set" }, "state")
end

return cmd
