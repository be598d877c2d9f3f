-- cairn.text: small text helpers shared by the command line and the REPL: display width of
-- UTF-8 text, aligned tables, CSV quoting.
local text = {}

-- Display width: UTF-8 characters, not bytes (combining marks and wide CJK are rare in district
-- data; they count as one).
function text.width(s)
  s = tostring(s)
  local ok, n = pcall(utf8.len, s)
  return (ok and n) or #s
end

-- S cut to at most N characters with "…" when longer, its spaces kept as they are.
function text.cut(s, n)
  if text.width(s) <= n then return s end
  local out, w = {}, 0
  for _, c in utf8.codes(s) do
    if w >= n - 1 then break end
    out[#out + 1] = utf8.char(c)
    w = w + 1
  end
  return table.concat(out) .. "…"
end

-- S on one line, cut to at most N characters with "…" when longer (nil stays nil).
function text.clip(s, n)
  if s == nil then return nil end
  return text.cut((tostring(s):gsub("%s+", " ")), n)
end

-- S wrapped at word boundaries to lines of at most WIDTH characters, each starting with INDENT;
-- a word longer than the line stands alone rather than being cut. Line breaks in S are kept.
function text.wrap(s, width, indent)
  indent = indent or ""
  local out = {}
  for para in (tostring(s) .. "\n"):gmatch("(.-)\n") do
    local line = indent
    for word in para:gmatch("%S+") do
      if line ~= indent and text.width(line) + 1 + text.width(word) > width then
        out[#out + 1] = line
        line = indent .. word
      else
        line = line == indent and indent .. word or line .. " " .. word
      end
    end
    out[#out + 1] = line == indent and "" or line
  end
  return table.concat(out, "\n")
end

function text.pad(s, width, align)
  s = tostring(s)
  local gap = width - text.width(s)
  if gap <= 0 then return s end
  if align == "right" then return string.rep(" ", gap) .. s end
  return s .. string.rep(" ", gap)
end

local function cell(v)
  if v == nil then return "" end
  if math.type(v) == "float" then
    return (string.format("%.15g", v))
  end
  return (tostring(v):gsub("[\r\n\t]", " "))
end
text.cell = cell

-- An aligned table: columns = {"a", "b"}, rows = {{1, "x"}, ...}. Numbers align right.
-- opts.count = false leaves out the "(N rows)" line; opts.max_width fits it to a terminal.
function text.table(columns, rows, opts)
  opts = opts or {}
  local widths, numeric = {}, {}
  for c, name in ipairs(columns) do
    widths[c] = text.width(name)
    numeric[c] = #rows > 0
  end
  for _, row in ipairs(rows) do
    for c = 1, #columns do
      local v = row[c]
      widths[c] = math.max(widths[c], text.width(cell(v)))
      if v ~= nil and type(v) ~= "number" then numeric[c] = false end
    end
  end
  -- opts.max_width (a terminal's width): narrow the widest text columns, never below 8
  -- characters, and cut their cells with "…", so rows do not wrap on the screen; a column of
  -- 12 characters or fewer (a date, a status) is never cut. Columns in
  -- opts.keep (names and titles: {[c] = true}) shrink only when the free-text ones are down to
  -- opts.floor (default 8) characters; then the free-text ones go on down to 8.
  local limit = {}
  local keep = opts.keep or {}
  if opts.max_width then
    local total = 2 * (#columns - 1)
    for c = 1, #columns do total = total + widths[c] end
    -- short columns (dates, statuses, names of people: 12 characters or fewer) are never cut
    local short = {}
    for c = 1, #columns do short[c] = widths[c] <= 12 end
    local function widest_of(kept, min)
      local widest
      for c = 1, #columns do
        if not numeric[c] and not short[c] and (keep[c] or false) == kept and widths[c] > min
            and (not widest or widths[c] > widths[widest]) then
          widest = c
        end
      end
      return widest, min
    end
    local floor = math.max(8, opts.floor or 8)
    while total > opts.max_width do
      local widest, min = widest_of(false, floor)
      if not widest then widest, min = widest_of(true, 8) end
      if not widest then widest, min = widest_of(false, 8) end
      if not widest then break end
      local new = math.max(min, widths[widest] - (total - opts.max_width))
      total = total - (widths[widest] - new)
      widths[widest], limit[widest] = new, new
    end
  end
  if opts.max_width and opts.records ~= false then
    local total = 2 * (#columns - 1)
    for c = 1, #columns do total = total + widths[c] end
    -- still wider than the terminal once every long column is down to its floor (too many
    -- short columns: dates, statuses, numbers, which are never cut): one block per row, as
    -- psql's \x does, each value whole and wrapped at word boundaries
    if total > opts.max_width then return text.records(columns, rows, opts) end
  end
  local out = {}
  local function line(values, is_header)
    local parts = {}
    for c = 1, #columns do
      local align = (not is_header and numeric[c]) and "right" or "left"
      local v = values[c]
      if limit[c] then v = text.clip(v, limit[c]) end
      parts[c] = text.pad(v, widths[c], align)
    end
    out[#out + 1] = (table.concat(parts, "  "):gsub("%s+$", ""))
  end
  local header = {}
  for c, name in ipairs(columns) do header[c] = name end
  line(header, true)
  local rule = {}
  for c = 1, #columns do rule[c] = string.rep("-", widths[c]) end
  out[#out + 1] = table.concat(rule, "  ")
  for _, row in ipairs(rows) do
    local vals = {}
    for c = 1, #columns do vals[c] = cell(row[c]) end
    line(vals)
  end
  if opts.count ~= false then
    out[#out + 1] = string.format("(%d row%s)", #rows, #rows == 1 and "" or "s")
  end
  return table.concat(out, "\n") .. "\n"
end

-- The rows as blocks, one line per column ("name  value"), a value wrapped at word boundaries
-- to opts.max_width (default 80) under itself; a rule "-[ N ]---" before each row, as psql's \x.
function text.records(columns, rows, opts)
  opts = opts or {}
  local width = opts.max_width or 80
  local namew = 0
  for _, name in ipairs(columns) do namew = math.max(namew, text.width(name)) end
  local indent = string.rep(" ", namew + 2)
  local out = {}
  for i, row in ipairs(rows) do
    local head = "-[ " .. i .. " ]"
    out[#out + 1] = head .. string.rep("-", math.max(0, math.min(width, namew + 2 + 20) - text.width(head)))
    for c, name in ipairs(columns) do
      local v = cell(row[c])
      local wrapped = text.wrap(v, width, indent):gsub("^" .. indent, "")
      out[#out + 1] = (text.pad(name, namew) .. "  " .. wrapped):gsub("%s+$", "")
    end
  end
  if opts.count ~= false then
    out[#out + 1] = string.format("(%d row%s)", #rows, #rows == 1 and "" or "s")
  end
  return table.concat(out, "\n") .. "\n"
end

-- RFC 4180 quoting for one field.
function text.csv_field(v)
  local s = cell(v)
  if v ~= nil and type(v) ~= "number" then s = tostring(v) end
  if s:find('[",\r\n]') then s = '"' .. s:gsub('"', '""') .. '"' end
  return s
end

function text.csv(columns, rows)
  local out = {}
  local function line(vals)
    local parts = {}
    for c = 1, #columns do parts[c] = text.csv_field(vals[c]) end
    out[#out + 1] = table.concat(parts, ",")
  end
  line(columns)
  for _, row in ipairs(rows) do line(row) end
  return table.concat(out, "\r\n") .. "\r\n"
end

-- Rows as a JSON array of objects, one row per line, keys in column order, NULL as null.
function text.json(columns, rows)
  local json = require "cairn.json"
  local dkjson = require "dkjson"
  local lines = {}
  for r, row in ipairs(rows) do
    local obj = {}
    for c, name in ipairs(columns) do
      if row[c] == nil then obj[name] = json.null else obj[name] = row[c] end
    end
    lines[r] = dkjson.encode(obj, { keyorder = columns })
  end
  if #lines == 0 then return "[]\n" end
  return "[\n  " .. table.concat(lines, ",\n  ") .. "\n]\n"
end

return text
