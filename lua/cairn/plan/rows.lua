-- cairn.plan.rows: lists that print well in the REPL. A list keeps its elements (items,
-- people, plans: objects you can call methods on) and prints as an aligned table through
-- cairn.text. `columns` = { {key, heading [, fn(element) -> value]} ... }.
-- cairn.text is loaded when a list is first printed, not with the plan model
local function text() return require "cairn.text" end

local rows = {}

local function clip(s, width) return text().clip(s, width) end
rows.clip = clip

local List = {}
List.__index = List

-- A column marked `name = true` (a plan's title, an item's plan) is kept whole as long as the
-- free-text columns can give up room; `width` cuts a free-text value when not on a terminal
-- (a name is never cut there).
function List.__tostring(self)
  local mt = getmetatable(self)
  local cols = mt.columns
  if #self == 0 then return mt.empty or "(none)" end
  -- on a terminal, fit the table to its width instead of letting rows wrap (the free-text
  -- columns shrink first); piped, each text column is cut at its own width
  local host = require "cairn.host"
  local width = host.isatty(1) and host.term_width() or nil
  local heads, body, keep = {}, {}, {}
  for i, c in ipairs(cols) do
    heads[i] = c[2]
    keep[i] = c.name or nil
  end
  for _, e in ipairs(self) do
    local r = {}
    for i, c in ipairs(cols) do
      local v
      if c[3] then v = c[3](e) else v = e[c[1]] end
      if type(v) == "string" and not width and not c.name then v = clip(v, c.width or 40) end
      r[i] = v
    end
    body[#body + 1] = r
  end
  return (text().table(heads, body, { max_width = width, keep = keep, floor = 16 }):gsub("\n$", ""))
end

-- list:show(n): every column of row N (default 1) in full, one per line, wrapped to the
-- terminal: what the table cut short.
function List:show(n)
  n = n or 1
  local e = self[n]
  if e == nil then error(string.format("show: no row %s (the list has %d)", tostring(n), #self), 2) end
  local cols = getmetatable(self).columns
  local host = require "cairn.host"
  local hw = 0
  for _, c in ipairs(cols) do hw = math.max(hw, text().width(c[2])) end
  local lines = {}
  for _, c in ipairs(cols) do
    local v
    if c[3] then v = c[3](e) else v = e[c[1]] end
    local head = text().pad(c[2], hw) .. "  "
    local body = text().wrap(v == nil and "" or tostring(v), host.term_width() - hw - 2)
    body = body:gsub("\n$", ""):gsub("\n", "\n" .. string.rep(" ", hw + 2))
    lines[#lines + 1] = head .. body
  end
  io.stdout:write(table.concat(lines, "\n"), "\n")
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

rows.List = List   -- for help("list:show")

function rows.new(mt, list)
  return setmetatable(list or {}, mt)
end

return rows
