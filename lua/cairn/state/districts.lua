-- cairn.state.districts: the districts a state database knows and the role each publishes as.
-- Run by the state (the database owner): a district's role is created here, member of
-- cairn_district, so row-level security gives it its own rows only.
local M = {}

local function fail(fmt, ...) error(string.format(fmt, ...), 0) end

-- Add district NAME; opts.role names its role (default cairn_district_<id>), opts.login lets
-- that role log in (a password or certificate is then set by the state's administrator).
-- Returns {district_id, name, role_name}; an existing district is returned unchanged.
function M.add(c, name, opts)
  opts = opts or {}
  if type(name) ~= "string" or not name:match("%S") then fail("a district name is required") end
  local d
  c:transaction(function()
    c:exec("SELECT pg_advisory_xact_lock(hashtext('cairn.state.districts'))")
    d = c:one("SELECT district_id, name, role_name FROM cairn.district WHERE name = $1", name)
    if d then return end
    local id = c:value("SELECT coalesce(max(district_id), 0) + 1 FROM cairn.district")
    local role = opts.role or ("cairn_district_" .. id)
    if not role:match("^[%a_][%w_]*$") or #role > 63 then
      fail("role '%s' must be a word of letters, digits and _ (at most 63)", role)
    end
    local exists = c:value("SELECT 1 FROM pg_roles WHERE rolname = $1", role)
    local q = c:quote_ident(role)
    if not exists then
      c:exec("CREATE ROLE " .. q .. (opts.login and " LOGIN" or " NOLOGIN"))
    end
    c:exec("GRANT cairn_district TO " .. q)
    c:exec("INSERT INTO cairn.district(district_id, name, role_name) VALUES ($1, $2, $3)", id, name, role)
    d = { district_id = id, name = name, role_name = role }
  end)
  return d
end

function M.list(c)
  return c:query([[
    SELECT d.district_id AS id, d.name, d.role_name AS role,
           (SELECT max(published_at) FROM cairn.publish p WHERE p.district_id = d.district_id)::text
             AS last_published
      FROM cairn.district d ORDER BY d.district_id]])
end

return M
