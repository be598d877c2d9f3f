-- cairn.state.conn: connecting to a state database. The target is what the user gave (--to or
-- --from URL, a service name, a key=value conninfo), else $CAIRN_STATE, else "" (libpq then
-- reads the PG* environment variables, ~/.pgpass and the service file). Credentials are
-- never stored by cairn.
local M = {}

function M.target(given)
  if given and given ~= "" then return given end
  return os.getenv("CAIRN_STATE") or ""
end

-- A connection to TARGET; opts.readonly makes every transaction read-only (analysts, reports).
function M.open(given, opts)
  local pg = require "cairn.pg"
  local ok, c = pcall(pg.connect, M.target(given), opts)
  if not ok then error(tostring(c), 0) end
  return c
end

-- A read-only connection whose schema is the one this cairn knows (state reports, scripts).
function M.open_checked(given)
  local c = M.open(given, { readonly = true })
  require("cairn.state.schema").check(c)
  return c
end

return M
