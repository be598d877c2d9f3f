-- cairn.state: a state database for analysts' scripts, read-only, with the same calls as a
-- workspace's db (rows, one, value, query; $1.. parameters):
--
--   local state = require("cairn.state").open("postgresql://state.example/state")
--   for r in state:rows("SELECT name FROM cairn.district ORDER BY name") do print(r.name) end
--
-- Every transaction on it is read-only (a write fails with PostgreSQL's message), and it
-- refuses a state schema other than the one this cairn knows.
local M = {}

function M.open(target)
  return require("cairn.state.conn").open_checked(target)
end

return M
