-- cairn.state.schema: the state database's numbered migrations (scripts/state/migrations/
-- NNN_name.sql, docs/state.md), applied by `cairn state init`, and the version check every
-- other use of a state database makes first.
local host = require "cairn.host"

local M = {}

local function fail(fmt, ...) error(string.format(fmt, ...), 0) end

-- The migrations this cairn knows: { {version =, name =, path =} } in order, without gaps.
function M.migrations()
  local dir = host.datadir() .. "/scripts/state/migrations"
  local list = {}
  for _, f in ipairs(host.list_dir(dir) or {}) do
    local num, name = f:match("^(%d+)_([%w_]+)%.sql$")
    if num then list[#list + 1] = { version = tonumber(num), name = name, path = dir .. "/" .. f } end
  end
  table.sort(list, function(a, b) return a.version < b.version end)
  for i, m in ipairs(list) do
    if m.version ~= i then fail("%s: expected state migration %d", m.path, i) end
  end
  if #list == 0 then fail("no state migrations found in %s", dir) end
  return list
end

function M.known_version()
  local list = M.migrations()
  return list[#list].version
end

-- The version of the state database on C (0 when it has no cairn schema yet).
function M.version(c)
  local has = c:value("SELECT to_regclass('cairn.migration') IS NOT NULL")
  if not has then return 0 end
  return c:value("SELECT coalesce(max(version), 0) FROM cairn.migration")
end

-- Raise unless the state database on C is exactly the schema this cairn knows.
function M.check(c)
  local have, know = M.version(c), M.known_version()
  if have == 0 then
    fail("%s has no cairn state schema; the state runs `cairn state init --to URL` first", c:where())
  elseif have > know then
    fail("the state database %s is at schema version %d, newer than this cairn knows (%d); "
      .. "update cairn to publish or report there", c:where(), have, know)
  elseif have < know then
    fail("the state database %s is at schema version %d, older than this cairn (%d); "
      .. "the state runs `cairn state init --to URL` to migrate it", c:where(), have, know)
  end
  return have
end

local function read(path)
  local f = assert(io.open(path, "rb"))
  local s = f:read("a")
  f:close()
  return s
end

-- Apply every migration C does not have yet, all in one transaction (a failure leaves the
-- database as it was). Returns the versions applied.
function M.migrate(c)
  local applied = {}
  c:transaction(function()
    -- one migrating cairn at a time
    c:exec("SELECT pg_advisory_xact_lock(hashtext('cairn.state.migrate'))")
    local have, know = M.version(c), M.known_version()
    if have > know then
      fail("the state database %s is at schema version %d, newer than this cairn knows (%d)",
        c:where(), have, know)
    end
    for _, m in ipairs(M.migrations()) do
      if m.version > have then
        local ok, err = pcall(c.exec, c, read(m.path))
        if not ok then fail("state migration %03d_%s: %s", m.version, m.name, tostring(err)) end
        c:exec("INSERT INTO cairn.migration(version, name) VALUES ($1, $2)", m.version, m.name)
        applied[#applied + 1] = m.version
      end
    end
  end)
  return applied
end

return M
