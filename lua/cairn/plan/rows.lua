-- cairn.plan.rows: lists that print well in the REPL. A list keeps its elements (items,
-- people, plans: objects you can call methods on) and prints as an aligned table through
-- cairn.text. `columns` = { {key, heading [, fn(element) -> value]} ... }.
local text = require "cairn.text"

local rows = {}

local clip = text.clip
rows.clip = clip

local List = {}
List.__index = List

function List.__tostring(self)
  local mt = getmetatable(self)
  local cols = mt.columns
  if #self == 0 then return mt.empty or "(none)" end
  local heads, body = {}, {}
  for i, c in ipairs(cols) do heads[i] = c[2] end
  for _, e in ipairs(self) do
    local r = {}
    for i, c in ipairs(cols) do
      local v
      if c[3] then v = c[3](e) else v = e[c[1]] end
      if type(v) == "string" then v = clip(v, c.width or 40) end
      r[i] = v
    end
    body[#body + 1] = r
  end
  -- on a terminal, fit the table to its width instead of letting rows wrap
  local host = require "cairn.host"
  local width = host.isatty(1) and host.term_width() or nil
  return (text.table(heads, body, { max_width = width }):gsub("\n$", ""))
end

List.__len = nil

-- Plain rows for reports and JSON: each element as {key = value} for the columns.
function List:data()
  local cols = getmetatable(self).columns
  local out = {}
  for _, e in ipairs(self) do
    local r = {}
    for _, c in ipairs(cols) do
      if c[3] then r[c[1]] = c[3](e) else r[c[1]] = e[c[1]] end
    end
    out[#out + 1] = r
  end
  return out
end

-- A metatable for lists of one shape; methods available on every list.
function rows.kind(columns, empty)
  local mt = { columns = columns, empty = empty, __tostring = List.__tostring }
  mt.__index = function(_, k) return List[k] end
  return mt
end

function rows.new(mt, list)
  return setmetatable(list or {}, mt)
end

return rows
