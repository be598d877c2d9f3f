-- cairn.report: build a report document (docs/report-document.md) and render it.
--
--   local report = require "cairn.report"
--   local doc = report.new { title = "Plan status", period = "2026-11", as_of = "2026-11-26" }
--   local s = doc:section("Overdue items")
--   s:table { columns = {...}, rows = {...} }
--   print(doc:render("text"));  doc:write("out/status.html")
--
-- Builders check their arguments and raise errors that name the caller's file and line, the
-- builder, the field and what was expected. The tree they build is plain data (methods live in
-- metatables), so every renderer and the JSON output see exactly the same thing.
local host = require "cairn.host"
local util = require "cairn.util"

local report = {}

local Container = {}
Container.__index = Container

local root_of = setmetatable({}, { __mode = "k" }) -- section -> its document
local ids_of = setmetatable({}, { __mode = "k" })  -- document -> ids in use (kept out of the tree)

-- ---- errors ---------------------------------------------------------------------------------

-- "file:line: " of the first caller outside this module, so builder errors point at the
-- layout code that made the mistake.
local this_file = debug.getinfo(1, "S").source
local function where()
  for level = 3, 20 do
    local info = debug.getinfo(level, "Sl")
    if not info then break end
    if info.source ~= this_file and info.currentline and info.currentline > 0 then
      return info.short_src .. ":" .. info.currentline .. ": "
    end
  end
  return ""
end

local function fail(builder, fmt, ...)
  error(where() .. builder .. ": " .. string.format(fmt, ...), 0)
end

local function show(v)
  if type(v) == "string" then return string.format("%q", v) end
  return tostring(v)
end

local function one_of(list)
  return table.concat(list, ", ")
end

local function set_of(list)
  local s = {}
  for _, v in ipairs(list) do s[v] = true end
  return s
end

local is_date = util.is_date
report.is_date = is_date

local function opt_string(builder, field, v)
  if v ~= nil and type(v) ~= "string" then
    fail(builder, "%s must be a string, got %s", field, type(v))
  end
  return v
end

local function req_string(builder, field, v)
  if type(v) ~= "string" then
    fail(builder, "%s must be a string, got %s", field, v == nil and "nothing" or type(v))
  end
  return v
end

local function text_value(builder, field, v)
  if type(v) == "number" then return v end
  if v == nil or type(v) == "boolean" then return v end
  if type(v) ~= "string" then fail(builder, "%s must be a string or number, got %s", field, type(v)) end
  return v
end

local function fmt_num(x, decimals)
  if math.type(x) == "integer" then return tostring(x) end
  local s = host.format_number(x, decimals or 1)
  return (s:gsub("%.0+$", ""))
end

-- ---- the theme ------------------------------------------------------------------------------

local function merge(base, over)
  local out = {}
  for k, v in pairs(base) do out[k] = v end
  for k, v in pairs(over or {}) do
    if type(v) == "table" and type(out[k]) == "table" and #v == 0 then
      out[k] = merge(out[k], v)
    else
      out[k] = v
    end
  end
  return out
end

local deep_copy = util.deep_copy

-- The built-in theme, with the district's cairn/theme.lua (first on the search path) merged
-- over it, run in the sandbox unless trusted (cairn.trust.load_data_file). Loaded afresh each
-- call so a changed theme file applies to the next report.
function report.theme()
  local data = host.datadir()
  local builtin_path = data .. "/lua/cairn/theme.lua"
  local base = dofile(builtin_path)
  local found = require("cairn.paths").find("cairn/theme.lua")
  if found and found ~= builtin_path then
    -- a district's theme is data anyone may hand it: run in the sandbox, like scales files
    local t = require("cairn.trust").load_data_file(found)
    if type(t) ~= "table" then error(found .. ": a theme must return a table", 0) end
    base = merge(base, t)
  end
  return base
end

-- ---- document and sections ------------------------------------------------------------------

local function add(self, block)
  self.blocks[#self.blocks + 1] = block
  return block
end

local function root(self)
  return self.type == "document" and self or root_of[self]
end

--- report.new{title=, subtitle=, district=, period=, as_of=, theme=} -> document
function report.new(spec)
  if type(spec) == "string" then spec = { title = spec } end
  if type(spec) ~= "table" then fail("report.new", "expected a table {title = ...}, got %s", type(spec)) end
  local known = set_of { "title", "subtitle", "district", "period", "as_of", "theme", "id" }
  for k in pairs(spec) do
    if not known[k] then fail("report.new", "unknown field '%s' (expected title, subtitle, district, period, as_of, theme)", tostring(k)) end
  end
  req_string("report.new", "title", spec.title)
  opt_string("report.new", "subtitle", spec.subtitle)
  opt_string("report.new", "district", spec.district)
  if spec.period ~= nil then opt_string("report.new", "period", tostring(spec.period)) end
  if spec.as_of ~= nil and not is_date(spec.as_of) then
    fail("report.new", "as_of %s is not a date (expected YYYY-MM-DD)", show(spec.as_of))
  end
  local theme = spec.theme
  if theme == nil then theme = report.theme() end
  if type(theme) ~= "table" then fail("report.new", "theme must be a table") end
  local doc = setmetatable({
    type = "document", title = spec.title, subtitle = spec.subtitle, district = spec.district,
    period = spec.period and tostring(spec.period), as_of = spec.as_of,
    theme = deep_copy(theme), labels = deep_copy(theme.labels or {}), blocks = {},
  }, Container)
  root_of[doc] = doc
  return doc
end

-- A file-safe name: lower-case ASCII letters and digits joined by single dashes.
local slug = util.slug
report.slug = slug

local function next_id(self, prefix, title)
  local doc = root(self)
  ids_of[doc] = ids_of[doc] or {}
  local used = ids_of[doc]
  local base = prefix .. "-" .. (title and slug(title) ~= "" and slug(title) or "1")
  local id, n = base, 1
  while used[id] do
    n = n + 1
    id = base .. "-" .. n
  end
  used[id] = true
  return id
end

--- container:section(title [, {id=}]) -> section (sections nest up to 4 levels)
function Container:section(title, opts)
  req_string("section", "title", title)
  opts = opts or {}
  local level = (self.type == "section" and self.level or 0) + 1
  if level > 4 then fail("section", "sections nest at most 4 levels deep ('%s' would be level %d)", title, level) end
  local s = setmetatable({ type = "section", title = title, level = level,
    id = opt_string("section", "id", opts.id) or next_id(self, "s", title), blocks = {} }, Container)
  root_of[s] = root(self)
  add(self, s)
  return s
end

--- container:paragraph(text) -- Markdown text (raw HTML is shown as text)
function Container:paragraph(text)
  if type(text) == "number" then text = tostring(text) end
  req_string("paragraph", "text", text)
  add(self, { type = "paragraph", text = text })
  return self
end

--- container:keyvalue({ {key, value}, ... } [, {caption=}])
function Container:keyvalue(items, opts)
  if type(items) ~= "table" then fail("keyvalue", "expected a list of {key, value} pairs, got %s", type(items)) end
  opts = opts or {}
  local caption = opt_string("keyvalue", "caption", opts.caption or items.caption)
  local list = items.items or items
  local out = {}
  for i, item in ipairs(list) do
    if type(item) ~= "table" then fail("keyvalue", "item %d must be a {key, value} pair, got %s", i, type(item)) end
    local k = item.key or item[1]
    local v = item.value
    if v == nil then v = item[2] end
    if type(k) ~= "string" then fail("keyvalue", "item %d: key must be a string, got %s", i, type(k)) end
    out[i] = { key = k, value = text_value("keyvalue", "item " .. i .. " (" .. k .. ") value", v) }
  end
  add(self, { type = "keyvalue", caption = caption, items = out })
  return self
end

-- ---- tables ---------------------------------------------------------------------------------

local formats = { "text", "integer", "number", "percent", "money", "date" }
local format_set = set_of(formats)
local aligns = { "left", "right", "center" }
local align_set = set_of(aligns)

-- A cell's place in messages ("row 3.due", "totals.count"), made only when it is needed: a
-- report of 5,000 rows checks tens of thousands of cells. ROW is a row number or "totals";
-- FIELD a column id, with ".value" for the value of a cell table.
local function cell_where(row, field)
  return (math.type(row) == "integer" and "row " .. row or row) .. "." .. field
end

-- DATES: the date strings this table has already found valid (a plan's items share dates)
local function check_value(builder, row, field, v, col, dates)
  local t = type(v)
  if t == "string" then
    if col.format == "date" and not dates[v] then
      if not is_date(v) then
        fail(builder, "%s: %s is not a date (expected YYYY-MM-DD)", cell_where(row, field), show(v))
      end
      dates[v] = true
    end
    return v
  end
  if v == nil or t == "boolean" then return v end
  if t == "number" then
    if v ~= v or v == math.huge or v == -math.huge then
      fail(builder, "%s: %s is not a finite number", cell_where(row, field), tostring(v))
    end
    return v
  end
  local where_ = cell_where(row, field)
  if t == "table" then
    if v.suppressed then
      -- keep only what may be shown: a suppressed cell never carries its value
      return { suppressed = true, reason = opt_string(builder, where_ .. ".reason", v.reason) }
    end
    local val = v.value
    if val ~= nil and type(val) ~= "string" and type(val) ~= "number" and type(val) ~= "boolean" then
      fail(builder, "%s.value must be a string, number or boolean, got %s", where_, type(val))
    end
    if val == nil and v.display == nil then
      fail(builder, "%s: a cell table needs value, display or suppressed = true", where_)
    end
    return { value = check_value(builder, row, field .. ".value", val, col, dates),
             display = opt_string(builder, where_ .. ".display", v.display) }
  end
  fail(builder, "%s: expected a string, number, boolean or cell table, got %s", where_, t)
end

-- WHICH: the row's number, or "totals"
local function row_what(which) return math.type(which) == "integer" and "row " .. which or which end

local function check_row(builder, which, row, cols, by_id, dates)
  if type(row) ~= "table" then fail(builder, "%s must be a table, got %s", row_what(which), type(row)) end
  local out = {}
  local positional = row[1] ~= nil and row[cols[1].id] == nil and not by_id["1"]
  for k, v in pairs(row) do
    local col
    if positional and math.type(k) == "integer" then
      col = cols[k]
      if not col then fail(builder, "%s has %d values but there are %d columns", row_what(which), #row, #cols) end
    else
      col = by_id[k]
      if not col then
        local ids = {}
        for _, c in ipairs(cols) do ids[#ids + 1] = c.id end
        fail(builder, "%s: no column '%s' (columns: %s)", row_what(which), tostring(k), one_of(ids))
      end
    end
    out[col.id] = check_value(builder, which, col.id, v, col, dates)
  end
  return out
end

local function normalize_table(builder, self, spec)
  if type(spec) ~= "table" then fail(builder, "expected a table {columns = ..., rows = ...}, got %s", type(spec)) end
  local known = set_of { "id", "caption", "columns", "rows", "totals", "notes" }
  for k in pairs(spec) do
    if not known[k] then fail(builder, "unknown field '%s' (expected id, caption, columns, rows, totals, notes)", tostring(k)) end
  end
  if type(spec.columns) ~= "table" or #spec.columns == 0 then
    fail(builder, "columns must be a non-empty list of {id =, label =, format =}")
  end
  local theme = root(self) and root(self).theme or {}
  local cols, by_id = {}, {}
  for i, c in ipairs(spec.columns) do
    if type(c) == "string" then c = { id = c } end
    if type(c) ~= "table" then fail(builder, "column %d must be a table {id =, label =}, got %s", i, type(c)) end
    local id = c.id
    if type(id) ~= "string" or id == "" then fail(builder, "column %d: id must be a non-empty string", i) end
    if by_id[id] then fail(builder, "column %d: id '%s' is used twice", i, id) end
    local fmt = c.format or "text"
    if not format_set[fmt] then
      fail(builder, "column %d (%s): format %s is not one of %s", i, id, show(fmt), one_of(formats))
    end
    local numeric = fmt == "integer" or fmt == "number" or fmt == "percent" or fmt == "money"
    local align = c.align or (numeric and "right" or "left")
    if not align_set[align] then
      fail(builder, "column %d (%s): align %s is not one of %s", i, id, show(align), one_of(aligns))
    end
    local decimals = c.decimals
    if decimals == nil then
      decimals = (fmt == "integer" or fmt == "text" or fmt == "date") and 0 or fmt == "money" and 2 or 1
    elseif math.type(decimals) ~= "integer" or decimals < 0 or decimals > 9 then
      fail(builder, "column %d (%s): decimals must be an integer from 0 to 9", i, id)
    end
    local col = { id = id, label = opt_string(builder, "column " .. i .. " label", c.label) or id,
      align = align, format = fmt, decimals = decimals }
    if fmt == "money" then col.currency = c.currency or theme.currency or "$" end
    cols[i] = col
    by_id[id] = col
  end
  if spec.rows ~= nil and type(spec.rows) ~= "table" then fail(builder, "rows must be a list of rows") end
  local rows, dates = {}, {}
  for r, row in ipairs(spec.rows or {}) do
    rows[r] = check_row(builder, r, row, cols, by_id, dates)
  end
  local totals
  if spec.totals ~= nil then totals = check_row(builder, "totals", spec.totals, cols, by_id, dates) end
  local notes
  if spec.notes ~= nil then
    if type(spec.notes) == "string" then spec.notes = { spec.notes } end
    notes = {}
    for i, n in ipairs(spec.notes) do notes[i] = req_string(builder, "notes[" .. i .. "]", n) end
  end
  return { type = "table", id = opt_string(builder, "id", spec.id) or next_id(self, "t", spec.caption),
    caption = opt_string(builder, "caption", spec.caption), columns = cols, rows = rows,
    totals = totals, notes = notes }
end

--- container:table{caption=, columns=, rows=, totals=, notes=, id=}
function Container:table(spec)
  add(self, normalize_table("table", self, spec))
  return self
end

-- ---- lists, callouts, page breaks -----------------------------------------------------------

local list_styles = { "bullet", "number", "check" }

--- container:list({ "a", "b" } [, {style = "bullet"|"number"|"check", markdown = true}])
function Container:list(items, opts)
  if type(items) ~= "table" then fail("list", "expected a list of strings, got %s", type(items)) end
  local style = (opts and opts.style) or items.style or "bullet"
  if not set_of(list_styles)[style] then
    fail("list", "style %s is not one of %s", show(style), one_of(list_styles))
  end
  local out = {}
  for i, item in ipairs(items) do
    if type(item) == "string" or type(item) == "number" then
      out[i] = { text = tostring(item) }
      if style == "check" then out[i].checked = false end
    elseif type(item) == "table" then
      local text = item.text or item[1]
      out[i] = { text = req_string("list", "item " .. i .. " text", text) }
      if style == "check" then out[i].checked = not not item.checked end
    else
      fail("list", "item %d must be a string or {text =, checked =}, got %s", i, type(item))
    end
  end
  -- markdown = true: the items are inline Markdown, like paragraph text (written by the
  -- author, not typed by users: user text stays plain and shows as typed)
  local markdown = (opts and opts.markdown) or items.markdown
  if markdown ~= nil and type(markdown) ~= "boolean" then
    fail("list", "markdown must be true or false, got %s", type(markdown))
  end
  add(self, { type = "list", style = style, items = out, markdown = markdown or nil })
  return self
end

--- container:checklist{ {text=, checked=}, ... }
function Container:checklist(items)
  return self:list(items, { style = "check" })
end

--- container:callout("note"|"warning", text [, {title=}])
function Container:callout(style, text, opts)
  if style ~= "note" and style ~= "warning" then
    fail("callout", "style %s is not one of note, warning", show(style))
  end
  req_string("callout", "text", text)
  add(self, { type = "callout", style = style, text = text,
    title = opt_string("callout", "title", opts and opts.title) })
  return self
end

--- container:pagebreak()
function Container:pagebreak()
  add(self, { type = "pagebreak" })
  return self
end

-- ---- charts ---------------------------------------------------------------------------------

local chart = {} -- kind -> function(spec, self) -> normalized chart fields, alt, table spec

local function num(builder, what, v, optional)
  if v == nil and optional then return nil end
  if type(v) ~= "number" or v ~= v then
    fail(builder, "%s must be a number, got %s", what, v == nil and "nothing" or type(v))
  end
  return v
end

local function list_of(builder, what, v)
  if type(v) ~= "table" then fail(builder, "%s must be a list, got %s", what, v == nil and "nothing" or type(v)) end
  return v
end

function chart.bar(b, spec)
  local data = {}
  local fmt = spec.format
  if fmt == nil then
    fmt = "integer"
    for _, d in ipairs(type(spec.data) == "table" and spec.data or {}) do
      local v = type(d) == "table" and (d.value or d[2])
      if math.type(v) ~= "integer" then fmt = "number" end
    end
  end
  if not format_set[fmt] then fail(b, "format %s is not one of %s", show(fmt), one_of(formats)) end
  for i, d in ipairs(list_of(b, "data", spec.data)) do
    if type(d) ~= "table" then fail(b, "data[%d] must be {label =, value =}", i) end
    local label = d.label or d[1]
    local value = d.value
    if value == nil then value = d[2] end
    data[i] = { label = req_string(b, "data[" .. i .. "].label", label),
                value = num(b, "data[" .. i .. "].value", value) }
  end
  local out = { data = data, format = fmt, unit = opt_string(b, "unit", spec.unit),
    max = num(b, "max", spec.max, true) }
  -- percentages are drawn against the whole (100%) unless told otherwise
  if out.max == nil and fmt == "percent" then out.max = 1 end
  local decimals = fmt == "percent" and 0 or (fmt == "integer" and 0) or 1
  local rows, hi, lo = {}, nil, nil
  for i, d in ipairs(data) do
    rows[i] = { label = d.label, value = d.value }
    if not hi or d.value > hi.value then hi = d end
    if not lo or d.value < lo.value then lo = d end
  end
  local function v(x)
    if fmt == "percent" then return fmt_num(x * 100, 0) .. "%" end
    return fmt_num(x, decimals) .. (out.unit and (" " .. out.unit) or "")
  end
  local alt
  if #data == 0 then
    alt = "Bar chart with no data."
  elseif #data == 1 then
    alt = string.format("Bar chart: %s %s.", hi.label, v(hi.value))
  elseif hi.value == lo.value then
    alt = string.format("Bar chart of %d items, all at %s.", #data, v(hi.value))
  else
    alt = string.format("Bar chart of %d items. Highest: %s (%s); lowest: %s (%s).", #data,
      hi.label, v(hi.value), lo.label, v(lo.value))
  end
  return out, alt, {
    columns = { { id = "label", label = spec.label_heading or "Item" },
                { id = "value", label = spec.value_heading or (out.unit and ("Value (" .. out.unit .. ")") or "Value"),
                  format = fmt, decimals = fmt == "integer" and 0 or (fmt == "percent" and 0 or nil) } },
    rows = rows }
end

function chart.likert(b, spec)
  local levels = list_of(b, "levels", spec.levels)
  if #levels < 2 then fail(b, "levels must list at least 2 scale points") end
  for i, l in ipairs(levels) do req_string(b, "levels[" .. i .. "]", l) end
  -- default: the upper half, above the neutral middle of an odd scale (5 points: 4 and 5)
  local fav = spec.favorable_from or (#levels // 2 + 1 + #levels % 2)
  if math.type(fav) ~= "integer" or fav < 1 or fav > #levels then
    fail(b, "favorable_from must be a level number from 1 to %d", #levels)
  end
  local data, rows = {}, {}
  local best, worst
  for i, d in ipairs(list_of(b, "data", spec.data)) do
    if type(d) ~= "table" then fail(b, "data[%d] must be {label =, counts = {...}}", i) end
    local label = req_string(b, "data[" .. i .. "].label", d.label or d[1])
    local row = { label = label }
    if d.suppressed then
      data[i] = { label = label, suppressed = true, reason = opt_string(b, "data[" .. i .. "].reason", d.reason) }
      local cell = { suppressed = true, reason = d.reason }
      for l = 1, #levels do row["l" .. l] = cell end
      row.n = cell
      row.fav = cell
    else
      local counts = list_of(b, "data[" .. i .. "].counts", d.counts)
      if #counts ~= #levels then
        fail(b, "data[%d] (%s): %d counts for %d levels", i, label, #counts, #levels)
      end
      local total, favn = 0, 0
      local cs = {}
      for l, c in ipairs(counts) do
        if math.type(c) ~= "integer" or c < 0 then
          fail(b, "data[%d] (%s): counts[%d] must be a whole number >= 0, got %s", i, label, l, show(c))
        end
        cs[l] = c
        total = total + c
        if l >= fav then favn = favn + c end
        row["l" .. l] = c
      end
      local n = d.n or total
      if math.type(n) ~= "integer" or n < total then
        fail(b, "data[%d] (%s): n must be a whole number >= the sum of counts (%d)", i, label, total)
      end
      data[i] = { label = label, counts = cs, n = n }
      row.n = n
      local share = total > 0 and favn / total or nil
      row.fav = share
      if share then
        if not best or share > best[2] then best = { label, share } end
        if not worst or share < worst[2] then worst = { label, share } end
      end
    end
    rows[i] = row
  end
  local cols = { { id = "label", label = "Item" } }
  for l, name in ipairs(levels) do cols[#cols + 1] = { id = "l" .. l, label = name, format = "integer" } end
  cols[#cols + 1] = { id = "n", label = "n", format = "integer" }
  cols[#cols + 1] = { id = "fav", label = "% favorable", format = "percent", decimals = 0 }
  local alt = string.format("Diverging stacked bars for %d item%s on a %d-point scale from %s to %s",
    #data, #data == 1 and "" or "s", #levels, levels[1], levels[#levels])
  if best and best[1] ~= worst[1] then
    alt = alt .. string.format(". Most favorable: %s (%s%%); least favorable: %s (%s%%).",
      best[1], fmt_num(best[2] * 100, 0), worst[1], fmt_num(worst[2] * 100, 0))
  elseif best then
    alt = alt .. string.format(". %s: %s%% favorable.", best[1], fmt_num(best[2] * 100, 0))
  else
    alt = alt .. "."
  end
  return { levels = levels, favorable_from = fav, data = data }, alt, { columns = cols, rows = rows }
end

local default_status = { "not started", "on track", "at risk", "off track", "done", "dropped" }

function chart.status(b, spec)
  local levels = spec.levels or default_status
  list_of(b, "levels", levels)
  for i, l in ipairs(levels) do req_string(b, "levels[" .. i .. "]", l) end
  local data, rows, totals = {}, {}, {}
  for l = 1, #levels do totals[l] = 0 end
  for i, d in ipairs(list_of(b, "data", spec.data)) do
    if type(d) ~= "table" then fail(b, "data[%d] must be {label =, counts = {...}}", i) end
    local label = req_string(b, "data[" .. i .. "].label", d.label or d[1])
    local counts = list_of(b, "data[" .. i .. "].counts", d.counts)
    local cs, row, sum = {}, { label = label }, 0
    if #counts ~= #levels then fail(b, "data[%d] (%s): %d counts for %d levels", i, label, #counts, #levels) end
    for l = 1, #levels do
      local c = counts[l]
      if math.type(c) ~= "integer" or c < 0 then
        fail(b, "data[%d] (%s): counts[%d] must be a whole number >= 0, got %s", i, label, l, show(c))
      end
      cs[l] = c
      row["s" .. l] = c
      totals[l] = totals[l] + c
      sum = sum + c
    end
    row.total = sum
    data[i] = { label = label, counts = cs }
    rows[i] = row
  end
  local cols = { { id = "label", label = "Item" } }
  for l, name in ipairs(levels) do cols[#cols + 1] = { id = "s" .. l, label = name, format = "integer" } end
  cols[#cols + 1] = { id = "total", label = "Total", format = "integer" }
  local parts = {}
  for l, name in ipairs(levels) do
    if totals[l] > 0 then parts[#parts + 1] = totals[l] .. " " .. name end
  end
  local alt = string.format("Stacked status bars for %d item%s", #data, #data == 1 and "" or "s")
  alt = alt .. (#parts > 0 and (". In all: " .. table.concat(parts, ", ") .. ".") or ".")
  return { levels = levels, data = data }, alt, { columns = cols, rows = rows }
end

function chart.progress(b, spec)
  local data, rows, parts = {}, {}, {}
  for i, d in ipairs(list_of(b, "data", spec.data)) do
    if type(d) ~= "table" then fail(b, "data[%d] must be {label =, actual =, target =}", i) end
    local w = "data[" .. i .. "]"
    local item = {
      label = req_string(b, w .. ".label", d.label or d[1]),
      baseline = num(b, w .. ".baseline", d.baseline, true),
      actual = num(b, w .. ".actual", d.actual),
      target = num(b, w .. ".target", d.target),
      unit = opt_string(b, w .. ".unit", d.unit),
      direction = d.direction or "up",
    }
    if item.direction ~= "up" and item.direction ~= "down" then
      fail(b, "%s.direction must be \"up\" or \"down\", got %s", w, show(item.direction))
    end
    -- share of the way from baseline (or zero) to target, 0..1 clamped for drawing
    local from = item.baseline or 0
    local share
    if item.target ~= from then share = (item.actual - from) / (item.target - from) end
    item.share = share and math.max(0, math.min(1, share)) or (item.actual == item.target and 1 or 0)
    data[i] = item
    local u = item.unit and ((item.unit == "%" and "" or " ") .. item.unit) or ""
    rows[i] = { label = item.label, baseline = item.baseline, actual = item.actual,
      target = item.target, share = share }
    parts[#parts + 1] = string.format("%s: %s%s against a target of %s%s%s", item.label,
      fmt_num(item.actual, 1), u, fmt_num(item.target, 1), u,
      share and string.format(" (%s%% of the way)", fmt_num(share * 100, 0)) or "")
  end
  local alt = "Progress toward targets. " .. (#parts > 0 and (table.concat(parts, "; ") .. ".") or "No measures.")
  return { data = data }, alt, {
    columns = { { id = "label", label = "Measure" }, { id = "baseline", label = "Baseline", format = "number" },
      { id = "actual", label = "Actual", format = "number" }, { id = "target", label = "Target", format = "number" },
      { id = "share", label = "Progress", format = "percent", decimals = 0 } },
    rows = rows }
end

function chart.timeline(b, spec)
  local data, rows = {}, {}
  local first, last
  for i, d in ipairs(list_of(b, "data", spec.data)) do
    if type(d) ~= "table" then fail(b, "data[%d] must be {label =, date =}", i) end
    local w = "data[" .. i .. "]"
    local item = { label = req_string(b, w .. ".label", d.label or d[1]), date = d.date or d[2],
      end_date = d.end_date, status = opt_string(b, w .. ".status", d.status) }
    if not is_date(item.date) then fail(b, "%s.date %s is not a date (expected YYYY-MM-DD)", w, show(item.date)) end
    if item.end_date ~= nil then
      if not is_date(item.end_date) then fail(b, "%s.end_date %s is not a date (expected YYYY-MM-DD)", w, show(item.end_date)) end
      if item.end_date < item.date then fail(b, "%s: end_date %s is before date %s", w, item.end_date, item.date) end
    end
    data[i] = item
    rows[i] = { label = item.label, date = item.date, end_date = item.end_date, status = item.status }
    if not first or item.date < first then first = item.date end
    local e = item.end_date or item.date
    if not last or e > last then last = e end
  end
  local alt = #data == 0 and "Timeline with no items." or
    string.format("Timeline of %d item%s from %s to %s.", #data, #data == 1 and "" or "s", first, last)
  return { data = data }, alt, {
    columns = { { id = "label", label = "Item" }, { id = "date", label = "Date", format = "date" },
      { id = "end_date", label = "End", format = "date" }, { id = "status", label = "Status" } },
    rows = rows }
end

function chart.fishbone(b, spec)
  local problem = req_string(b, "problem", spec.problem)
  local data, rows, ncauses = {}, {}, 0
  local top, focus
  for i, d in ipairs(list_of(b, "data", spec.data)) do
    if type(d) ~= "table" then fail(b, "data[%d] must be {category =, causes = {...}}", i) end
    local w = "data[" .. i .. "]"
    local cat = req_string(b, w .. ".category", d.category or d[1])
    local causes = {}
    for j, c in ipairs(list_of(b, w .. ".causes", d.causes or {})) do
      causes[j] = req_string(b, w .. ".causes[" .. j .. "]", c)
      rows[#rows + 1] = { category = cat, cause = c, rank = d.rank }
      ncauses = ncauses + 1
    end
    if #causes == 0 then rows[#rows + 1] = { category = cat, rank = d.rank } end
    if d.rank ~= nil and math.type(d.rank) ~= "integer" then fail(b, "%s.rank must be a whole number", w) end
    if d.focus ~= nil and type(d.focus) ~= "boolean" then fail(b, "%s.focus must be true or false", w) end
    data[i] = { category = cat, causes = causes, rank = d.rank, focus = d.focus or nil }
    if d.rank and (not top or d.rank < top.rank) then top = data[i] end
    if d.focus then focus = data[i] end
  end
  local alt = string.format("Fishbone diagram for the problem \"%s\": %d categor%s, %d cause%s.",
    problem, #data, #data == 1 and "y" or "ies", ncauses, ncauses == 1 and "" or "s")
  if top then alt = alt .. string.format(" Ranked first: %s.", top.category) end
  if focus and focus ~= top then alt = alt .. string.format(" Focus: %s.", focus.category) end
  return { problem = problem, data = data }, alt, {
    columns = { { id = "category", label = "Category" }, { id = "cause", label = "Cause" },
      { id = "rank", label = "Rank", format = "integer" } },
    rows = rows }
end

function chart.logic_model(b, spec)
  local columns, cols, rows = {}, {}, {}
  local parts = {}
  for i, c in ipairs(list_of(b, "columns", spec.columns)) do
    if type(c) ~= "table" then fail(b, "columns[%d] must be {label =, items = {...}}", i) end
    local w = "columns[" .. i .. "]"
    local label = req_string(b, w .. ".label", c.label)
    local items = {}
    for j, it in ipairs(list_of(b, w .. ".items", c.items or {})) do
      items[j] = req_string(b, w .. ".items[" .. j .. "]", it)
      rows[j] = rows[j] or {}
      rows[j]["c" .. i] = it
    end
    columns[i] = { label = label, items = items }
    cols[i] = { id = "c" .. i, label = label }
    parts[#parts + 1] = string.format("%s (%d)", label, #items)
  end
  if #columns == 0 then fail(b, "columns must list at least one stage {label =, items =}") end
  local alt = "Logic model, left to right: " .. table.concat(parts, ", then ") .. "."
  return { columns = columns }, alt, { columns = cols, rows = rows }
end

-- The organisation chart's layout, in slots (a box and the gap after it: 166 px in render_svg.c).
-- ORG_MAX_SLOTS keeps the chart at most 464 px wide, so that its 12 px text is still 9 px or more
-- on a 390 px phone (about 348 px for the drawing); ORG_INDENT is one step of a stacked column.
local ORG_MAX_SLOTS, ORG_INDENT = 2.8, 0.15

-- Place every box: row (from the top) and slot (from the left, fractional when centred over its
-- boxes or indented). Boxes at depth STACK_FROM or deeper put the boxes under them in an indented
-- column below them (each marked stacked); above that, side by side in the next row, the parent
-- centred over them. STACK_FROM -1 stacks the top boxes too. Returns the width in slots and the
-- number of rows.
local function org_layout(data, kids, roots, stack_from)
  local next_slot, last_row = 0, 0
  local function column(i, row, x) -- I and everything under it, one box a row; the next free row
    local d = data[i]
    d.row, d.slot = row, x
    last_row = math.max(last_row, row)
    local r, right = row + 1, x
    for _, c in ipairs(kids[i] or {}) do
      data[c].stacked = true
      local cr
      r, cr = column(c, r, x + ORG_INDENT)
      right = math.max(right, cr)
    end
    return r, right
  end
  local function place(i, row)
    local d = data[i]
    d.stacked = nil
    local list = kids[i] or {}
    if #list > 0 and d.depth >= stack_from then
      local _, right = column(i, row, next_slot)
      next_slot = right + 1
    elseif #list == 0 then
      d.row, d.slot = row, next_slot
      last_row = math.max(last_row, row)
      next_slot = next_slot + 1
    else
      d.row = row
      for _, c in ipairs(list) do place(c, row + 1) end
      d.slot = (data[list[1]].slot + data[list[#list]].slot) / 2
    end
  end
  for _, d in ipairs(data) do d.stacked = nil end
  if stack_from < 0 then
    local r, right = 0, 0
    for _, i in ipairs(roots) do
      local cr
      r, cr = column(i, r, 0)
      right = math.max(right, cr)
    end
    next_slot = right + 1
  else
    for _, i in ipairs(roots) do place(i, 0) end
  end
  return next_slot, last_row + 1
end

-- An organisation chart: boxes joined top-down, each under the box it reports to.
--   data = { { label =, parent = label of the box above (nil at the top), note = a second line
--              ("planned"), dashed = true (a box not there yet) }, ... }
-- The layout is computed here (org_layout), in slots and rows: side by side while the chart
-- stays readable on a phone, stacked in indented columns beyond that; depth counts levels of the
-- tree. The renderer only draws (render_svg.c); its data table shows the tree as indented text
-- (the text and Markdown fallback).
function chart.org_chart(b, spec)
  local data, index = {}, {}
  for i, d in ipairs(list_of(b, "data", spec.data)) do
    if type(d) ~= "table" then fail(b, "data[%d] must be {label =, parent =, note =, dashed =}", i) end
    local w = "data[" .. i .. "]"
    local label = req_string(b, w .. ".label", d.label or d[1])
    local key = label:lower()
    if index[key] then fail(b, "%s.label: '%s' is already data[%d]", w, label, index[key]) end
    index[key] = i
    data[i] = { label = label, note = opt_string(b, w .. ".note", d.note),
      dashed = d.dashed == true or nil, parent_label = opt_string(b, w .. ".parent", d.parent) }
  end
  if #data == 0 then fail(b, "data must list at least one box {label =}") end
  local kids, roots = {}, {}
  for i, d in ipairs(data) do
    local p = d.parent_label and index[d.parent_label:lower()]
    if d.parent_label and not p then
      fail(b, "data[%d].parent: '%s' is not one of the boxes", i, d.parent_label)
    end
    if p == i then fail(b, "data[%d].parent: a box cannot be under itself", i) end
    d.parent = p
    if p then kids[p] = kids[p] or {}; table.insert(kids[p], i) else roots[#roots + 1] = i end
  end
  local placed, rows = {}, {}
  local depth_max = 0
  -- the tree (depth and the data table's indented rows), refusing a loop
  local function walk(i, depth, prefix, last, top)
    if placed[i] then fail(b, "data[%d].parent: the boxes are under each other in a loop", i) end
    placed[i] = true
    local d = data[i]
    d.depth = depth
    depth_max = math.max(depth_max, depth)
    rows[#rows + 1] = { box = top and d.label or (prefix .. (last and "└─ " or "├─ ") .. d.label),
      parent = d.parent and data[d.parent].label or nil, note = d.note }
    local list = kids[i] or {}
    local inner = top and "" or (prefix .. (last and "   " or "│  "))
    for k, c in ipairs(list) do walk(c, depth + 1, inner, k == #list, false) end
  end
  for _, r in ipairs(roots) do walk(r, 0, "", true, true) end
  for i in ipairs(data) do
    if not placed[i] then fail(b, "data[%d].parent: the boxes are under each other in a loop", i) end
  end
  for _, d in ipairs(data) do d.parent_label = nil end
  -- Side by side while the chart stays readable; beyond that the deepest parents stack their
  -- boxes in an indented column, then the next level up, and at last the top boxes themselves.
  local slots, nrows
  for stack_from = depth_max + 1, -1, -1 do
    slots, nrows = org_layout(data, kids, roots, stack_from)
    if slots <= ORG_MAX_SLOTS then break end
  end
  local dashed = 0
  for _, d in ipairs(data) do if d.dashed then dashed = dashed + 1 end end
  local tops = {}
  for _, r in ipairs(roots) do tops[#tops + 1] = data[r].label end
  local alt = string.format("Organisation chart of %d box%s in %d row%s; at the top: %s.", #data,
    #data == 1 and "" or "es", depth_max + 1, depth_max == 0 and "" or "s", table.concat(tops, ", "))
  if dashed > 0 then alt = alt .. string.format(" %d drawn dashed.", dashed) end
  return { data = data, slots = slots, depths = nrows }, alt, {
    columns = { { id = "box", label = spec.box_label or "Box" },
      { id = "parent", label = spec.parent_label or "Under" }, { id = "note", label = spec.note_label or "Note" } },
    rows = rows }
end

local chart_kinds = { "bar", "likert", "status", "progress", "timeline", "fishbone", "logic_model",
  "org_chart" }

--- container:chart{kind=, title=, data=..., alt=?, table=?}
function Container:chart(spec)
  if type(spec) ~= "table" then fail("chart", "expected a table {kind =, title =, data =}, got %s", type(spec)) end
  local kind = spec.kind
  if not chart[kind] then fail("chart", "kind %s is not one of %s", show(kind), one_of(chart_kinds)) end
  local b = "chart (" .. kind .. ")"
  local title = req_string(b, "title", spec.title)
  local fields, alt, tspec = chart[kind](b, spec)
  local block = { type = "chart", kind = kind, title = title, id = spec.id or next_id(self, "c", title),
    alt = opt_string(b, "alt", spec.alt) or alt }
  for k, v in pairs(fields) do block[k] = v end
  if spec.table ~= nil then
    if type(spec.table) ~= "table" then fail(b, "table must be a table block spec") end
    tspec = spec.table
    if tspec.type == "table" then tspec = { columns = tspec.columns, rows = tspec.rows, caption = tspec.caption, notes = tspec.notes, totals = tspec.totals } end
  end
  tspec.caption = tspec.caption or title
  tspec.id = block.id .. "-data"
  block.table = normalize_table(b .. " table", self, tspec)
  add(self, block)
  return self
end

-- ---- rendering and writing ------------------------------------------------------------------

report.formats = { "text", "markdown", "html", "csv", "json", "xlsx", "docx", "pdf" }
report.extensions = util.extensions
report.format_name = util.format_name

-- Every table block of the document (charts' data tables excluded), in order.
local function tables_of(c, out)
  out = out or {}
  for _, b in ipairs(c.blocks or {}) do
    if b.type == "table" then out[#out + 1] = b end
    if b.type == "section" then tables_of(b, out) end
  end
  return out
end

local function chart_tables(c, out)
  out = out or {}
  for _, b in ipairs(c.blocks or {}) do
    if b.type == "chart" then out[#out + 1] = b.table end
    if b.type == "section" then chart_tables(b, out) end
  end
  return out
end

function Container:tables()
  return tables_of(root(self))
end

-- The table a CSV shows: opts.table (an id or a position), else the only table.
local function pick_table(doc, which)
  local all = tables_of(doc)
  if which == nil then
    if #all == 1 then return all[1] end
    if #all == 0 then
      local ct = chart_tables(doc)
      if #ct == 1 then return ct[1] end
      error("csv: the document has no table", 0)
    end
    local ids = {}
    for _, t in ipairs(all) do ids[#ids + 1] = t.id end
    error("csv: the document has " .. #all .. " tables; choose one with {table = ID} ("
      .. one_of(ids) .. ") or write a folder (a path ending in /)", 0)
  end
  if math.type(which) == "integer" then
    return all[which] or error("csv: no table number " .. which .. " (there are " .. #all .. ")", 0)
  end
  for _, t in ipairs(all) do if t.id == which then return t end end
  for _, t in ipairs(chart_tables(doc)) do if t.id == which then return t end end
  error("csv: no table with id '" .. tostring(which) .. "'", 0)
end

--- doc:render(format [, opts]) -> string ("text", "markdown", "html", "csv", "json")
function Container:render(format, opts)
  local doc = root(self)
  local f = report.format_name(format or "text")
  if not f then error("render: unknown format " .. show(format) .. " (expected " .. one_of(report.formats) .. ")", 2) end
  local render = require "cairn.render"
  opts = opts or {}
  if f == "text" then
    return render.text(doc, { width = opts.width or 80 })
  elseif f == "markdown" then
    return render.markdown(doc, opts)
  elseif f == "html" then
    return render.html(doc, opts)
  elseif f == "csv" then
    return (render.csv(pick_table(doc, opts.table), opts))
  elseif f == "json" then
    -- data, not presentation: the theme (colours, CSS, fonts) stays out of the JSON
    local data = {}
    for k, v in pairs(doc) do if k ~= "theme" then data[k] = v end end
    return render.json(data, opts)
  end
  error("render: " .. f .. " is written to a file: use doc:write(path)", 2)
end

-- Write CONTENT (a string, or a function(tmp_path) that writes the file) to PATH atomically:
-- a temporary file in the same folder, then rename. Nothing is left behind on failure.
function report.write_atomic(path, content)
  local tmp = util.temp_beside(path)
  util.remove_stale_temporaries((util.folder_and_base(path)))
  local ok, err = pcall(function()
    if type(content) == "function" then
      local r, e = content(tmp)
      if r == nil and e then error(e, 0) end
      if host.file_kind(tmp) ~= "file" then error(path .. ": nothing was written", 0) end
    else
      local f, e = io.open(tmp, "wb")
      if not f then error(e, 0) end
      local w, we = f:write(content)
      local c, ce = f:close()
      if not w then error(tmp .. ": " .. tostring(we), 0) end
      if not c then error(tmp .. ": " .. tostring(ce), 0) end
    end
  end)
  if ok then
    local r, e = os.rename(tmp, path)
    if not r then ok, err = false, e end
  end
  if not ok then
    os.remove(tmp)
    error(err, 0)
  end
  return path
end

-- Write the file at PATH in FORMAT (without renaming); used by write and by the batch runner,
-- which renames many files only once all of them are ready.
function report.produce(doc, tmp, f, opts)
  opts = opts or {}
  if f == "xlsx" then
    local ok, err = require("cairn.render").xlsx(doc, tmp, opts)
    if not ok then error(err or "xlsx: could not write the workbook", 0) end
    return
  elseif f == "docx" or f == "pdf" then
    local r, err = require("cairn.convert").write(doc, tmp, f, opts)
    if not r then error(err or (f .. ": conversion failed"), 0) end
    return
  end
  local s = doc:render(f, opts)
  local fh, e = io.open(tmp, "wb")
  if not fh then error(e, 0) end
  local w, we = fh:write(s)
  local c, ce = fh:close()
  if not w or not c then error(tmp .. ": " .. tostring(we or ce), 0) end
end

--- doc:write(path [, format [, opts]]) -> path; atomic; a path ending in / with csv writes
--- one file per table (ID.csv) into that folder
function Container:write(path, format, opts)
  local doc = root(self)
  if type(path) ~= "string" or path == "" then error("write: expected a file path", 2) end
  if type(format) == "table" then format, opts = nil, format end
  local f = report.format_name(format or path:match("%.([%w]+)$"))
  if not f then
    error("write: cannot tell the format of " .. path .. " (give one of " .. one_of(report.formats) .. ")", 2)
  end
  opts = opts or {}
  if f == "csv" and path:sub(-1) == "/" then
    local dir = path:sub(1, -2)
    if host.file_kind(dir) ~= "dir" then error(path .. ": folder does not exist", 0) end
    local written = {}
    for _, t in ipairs(tables_of(doc)) do
      written[#written + 1] = report.write_atomic(dir .. "/" .. t.id .. ".csv",
        require("cairn.render").csv(t, opts))
    end
    return written
  end
  return report.write_atomic(path, function(tmp) report.produce(doc, tmp, f, opts) end)
end

-- ---- district layouts -----------------------------------------------------------------------

--- report.layout(name) -> function from layouts/NAME.lua on the search path (a district's copy
--- first), or nil when there is none
function report.layout(name)
  local p = require("cairn.paths").find("layouts/" .. name .. ".lua")
  if not p then return nil end
  local fn, err = loadfile(p, "t")
  if not fn then error(err, 0) end
  local layout = fn()
  if type(layout) ~= "function" then error(p .. ": a layout must return a function(doc, data)", 0) end
  return layout
end

-- In the REPL a document (or a section) shows as its terminal rendering.
Container.__tostring = function(self)
  local doc = root(self)
  local width = host.term_width()
  if self == doc or not doc then return require("cairn.render").text(self, { width = width }) end
  return require("cairn.render").text({ type = "document", labels = doc.labels, theme = doc.theme,
    blocks = { self } }, { width = width })
end

report.Container = Container

-- Recurring reports, from the same module (cairn.reports does the work; loaded on first use).
--- report.run(name, {params=, period=, as_of=, format=, out=, each=}) -> run
function report.run(name, opts) return require("cairn.reports").run(name, opts) end
--- report.list() -> the report definitions on the search path
function report.list() return require("cairn.reports").list() end
--- report.history(name) -> past runs, oldest first
function report.history(name) return require("cairn.reports").history(name) end

-- help docs
do
  local help = require "cairn.help"
  do
    local docs = {
      new = "report.new{title=, subtitle=, district=, period=, as_of=} -> document\nA new report document; build it with doc:section, doc:table, doc:chart ... and doc:render or doc:write it.",
      theme = "report.theme() -> table\nThe theme in use: the built-in one with the district's cairn/theme.lua merged over it.",
      layout = "report.layout(name) -> function | nil\nA district layout from layouts/NAME.lua on the search path.",
      write_atomic = "report.write_atomic(path, content) -> path\nWrites a string (or function(tmp)) to a temporary file beside PATH, then renames it into place.",
      run = "report.run(name, {params=, period=, as_of=, format=, out=, each=}) -> run\nRuns the recurring report reports/NAME.lua: writes its files atomically and records the run (see report.history).",
      list = "report.list() -> list\nThe recurring report definitions on the search path, with their parameters.",
      history = "report.history(name) -> list\nPast runs of a recurring report with their files and hashes.",
    }
    help.module(report, "report", docs)
    local methods = {
      section = "doc:section(title) -> section\nA heading; sections nest (up to 4 levels) and have the same builders as the document.",
      paragraph = "doc:paragraph(text)\nA paragraph of Markdown text (raw HTML is shown as text).",
      keyvalue = "doc:keyvalue{ {key, value}, ... }\nA filled-in form: labels and their values.",
      table = "doc:table{caption=, columns={ {id=, label=, format=, align=, decimals=} }, rows=, totals=, notes=}\nA table; formats: text, integer, number, percent (fractions), money, date. A cell may be {suppressed=true, reason=}.",
      list = "doc:list({...}, {style = \"bullet\"|\"number\"|\"check\", markdown = true})\nA bullet, numbered or check list. Items show as typed; markdown = true makes them inline Markdown (emphasis, code, links), for text the author wrote.",
      checklist = "doc:checklist{ {text=, checked=}, ... }\nA check list.",
      callout = "doc:callout(\"note\"|\"warning\", text, {title=})\nA highlighted note or warning.",
      pagebreak = "doc:pagebreak()\nA page break in print, PDF and DOCX.",
      chart = "doc:chart{kind=, title=, data=...}\nA chart: bar, likert, status, progress, timeline, fishbone, logic_model, org_chart. Its text alternative and data table are filled in.",
      render = "doc:render(format [, opts]) -> string\nformat: text, markdown, html, csv ({table = id}), json.",
      write = "doc:write(path [, format]) -> path\nWrites the file atomically; the format comes from the extension (html, md, txt, csv, json, xlsx, docx, pdf).",
    }
    help.module(Container, "doc", methods, ":")
  end
end

return report
