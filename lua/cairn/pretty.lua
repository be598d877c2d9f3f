-- cairn.pretty: the REPL's printer. Tables with sorted keys, lists shown as lists, nesting and
-- width limits, cycle markers, __tostring honoured, strings quoted, functions shown by where
-- they were defined (not by address, so output is repeatable).
--
--   pretty.format(v [, {colour = bool, width = n}])
local pretty = {}

pretty.max_depth = 4   -- deeper tables print as {...}
pretty.max_items = 40  -- more entries print as "... (N more)"
pretty.width = 80      -- a table printed on one line must fit; else one entry per line

local colours = { string = "32", number = "36", boolean = "35", ["nil"] = "35", other = "33" }

local function is_identifier(k)
  return type(k) == "string" and k:match("^[%a_][%w_]*$") ~= nil
    and not ({ ["and"] = 1, ["end"] = 1, ["for"] = 1, ["function"] = 1, ["if"] = 1, ["in"] = 1,
      ["local"] = 1, ["nil"] = 1, ["not"] = 1, ["or"] = 1, ["repeat"] = 1, ["return"] = 1,
      ["then"] = 1, ["true"] = 1, ["false"] = 1, ["until"] = 1, ["while"] = 1, ["do"] = 1,
      ["else"] = 1, ["elseif"] = 1, ["break"] = 1, ["goto"] = 1 })[k]
end

-- "q2" before "q10": compare runs of digits as numbers
local function natural_less(a, b)
  local i, j = 1, 1
  while i <= #a and j <= #b do
    local da, db = a:match("^%d+", i), b:match("^%d+", j)
    if da and db then
      local na, nb = tonumber(da), tonumber(db)
      if na ~= nb then return na < nb end
      if #da ~= #db then return #da < #db end
      i, j = i + #da, j + #db
    else
      local ca, cb = a:sub(i, i), b:sub(j, j)
      if ca ~= cb then return ca < cb end
      i, j = i + 1, j + 1
    end
  end
  return #a - i < #b - j
end

local function key_less(a, b)
  local ta, tb = type(a), type(b)
  if ta ~= tb then
    if ta == "number" then return true end
    if tb == "number" then return false end
    return ta < tb
  end
  if ta == "string" then return natural_less(a, b) end
  if ta == "number" then return a < b end
  if ta == "boolean" then return (not a) and b end
  return tostring(a) < tostring(b)
end

local function has_tostring(v)
  local mt = getmetatable(v)
  return type(mt) == "table" and mt.__tostring ~= nil
end

local function number_text(v)
  if math.type(v) == "float" then
    if v ~= v then return "nan" end
    if v == math.huge then return "inf" elseif v == -math.huge then return "-inf" end
    -- the shortest form that reads back as the same number
    local s
    for digits = 14, 17 do
      s = string.format("%." .. digits .. "g", v)
      if tonumber(s) == v then break end
    end
    if not s:find("[%.eni]") then s = s .. ".0" end
    return s
  end
  return tostring(v)
end

local function function_text(f)
  local info = debug.getinfo(f, "S")
  if info.what == "C" then return "<function builtin>" end
  return string.format("<function %s:%d>", info.short_src, info.linedefined)
end

-- The text of a non-table value (or a table with __tostring), and its colour class.
local function scalar(v)
  local t = type(v)
  if t == "string" then return (string.format("%q", v):gsub("\\\n", "\\n")), "string" end
  if t == "number" then return number_text(v), "number" end
  if t == "boolean" or t == "nil" then return tostring(v), t end
  if has_tostring(v) then
    -- a value that prints itself (a report, survey results) is shown as it chose: no colour
    local ok, s = pcall(tostring, v)
    return ok and tostring(s) or "<__tostring failed>", "plain"
  end
  if t == "function" then return function_text(v), "other" end
  if t == "table" then return "<table>", "other" end
  return "<" .. t .. ">", "other"
end

local function render(v, depth, seen, indent, o)
  if type(v) ~= "table" or has_tostring(v) then
    local s, class = scalar(v)
    local width = #s
    if o.colour and colours[class] then s = "\27[" .. colours[class] .. "m" .. s .. "\27[0m" end
    return s, width
  end
  if seen[v] then return "<cycle>", 7 end
  if depth > pretty.max_depth then return "{...}", 5 end
  seen[v] = true
  -- the list part: 1..n without holes; everything else is a map entry
  local n = 0
  while rawget(v, n + 1) ~= nil do n = n + 1 end
  local keys = {}
  for k in pairs(v) do
    if not (math.type(k) == "integer" and k >= 1 and k <= n) then keys[#keys + 1] = k end
  end
  table.sort(keys, key_less)
  local parts, widths = {}, {}
  local total, shown = n + #keys, 0
  local function add(prefix, value)
    shown = shown + 1
    if shown > pretty.max_items then return end
    local s, w = render(value, depth + 1, seen, indent .. "  ", o)
    parts[#parts + 1] = prefix .. s
    widths[#widths + 1] = #prefix + w
  end
  for i = 1, n do add("", rawget(v, i)) end
  for _, k in ipairs(keys) do
    local ks = is_identifier(k) and k or "[" .. scalar(k) .. "]"
    add(ks .. " = ", rawget(v, k))
  end
  seen[v] = nil
  if total > pretty.max_items then
    local more = string.format("... (%d more)", total - pretty.max_items)
    parts[#parts + 1], widths[#widths + 1] = more, #more
  end
  if #parts == 0 then return "{}", 2 end
  local flat_width = 2
  local multiline = false
  for i, w in ipairs(widths) do
    flat_width = flat_width + w + 2
    if parts[i]:find("\n") then multiline = true end
  end
  if not multiline and flat_width + #indent <= o.width then
    return "{ " .. table.concat(parts, ", ") .. " }", flat_width
  end
  local short = true
  for _, w in ipairs(widths) do if w > 12 then short = false; break end end
  if not multiline and (#keys == 0 or short) then
    -- a long list, or many short entries: fill lines instead of one entry per line
    local lines, line, lw = {}, {}, #indent + 2
    for i, p in ipairs(parts) do
      if #line > 0 and lw + widths[i] + 2 > o.width then
        lines[#lines + 1] = table.concat(line, ", ")
        line, lw = {}, #indent + 2
      end
      line[#line + 1] = p
      lw = lw + widths[i] + 2
    end
    lines[#lines + 1] = table.concat(line, ", ")
    parts = lines
  end
  return "{\n" .. indent .. "  " .. table.concat(parts, ",\n" .. indent .. "  ") .. "\n"
    .. indent .. "}", o.width + 1
end

-- Is V what db:query returns ({columns = {names}, rows = {{...}, ...}} and nothing else)? The
-- REPL prints it as a grid, as the sqlite3 shell would.
function pretty.is_query_result(v)
  if type(v) ~= "table" or getmetatable(v) ~= nil then return false end
  if type(v.columns) ~= "table" or type(v.rows) ~= "table" then return false end
  for k in pairs(v) do
    if k ~= "columns" and k ~= "rows" then return false end
  end
  for _, c in ipairs(v.columns) do
    if type(c) ~= "string" then return false end
  end
  if #v.columns == 0 then return false end
  for _, r in ipairs(v.rows) do
    if type(r) ~= "table" then return false end
  end
  return true
end

-- A printable string for any value. opts.colour adds ANSI colours (the REPL asks for them on a
-- terminal only); opts.width is the line width (default pretty.width).
function pretty.format(v, opts)
  if pretty.is_query_result(v) then
    return (require("cairn.text").table(v.columns, v.rows, { max_width = opts and opts.width })
      :gsub("\n$", ""))
  end
  local o = { colour = opts and opts.colour or false, width = opts and opts.width or pretty.width }
  return (render(v, 1, {}, "", o))
end

return pretty
