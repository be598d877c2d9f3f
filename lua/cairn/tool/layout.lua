-- cairn.tool.layout: how answers look to people (review screens, reports), and the default
-- report layout, which renders a worksheet's form in order: a key/value block for each run of
-- fields, a table for each table, a section for each section and for each repeated group.
local host = require "cairn.host"
local date = require "cairn.date"

local layout = {}

-- The answer V of field F as text ("" when unanswered).
function layout.display(f, v)
  if v == nil then return "" end
  local t = f.type
  if t == "yesno" then return v and "Yes" or "No" end
  if t == "money" then
    return (v < 0 and "-$" or "$") .. host.format_number(math.abs(v), 2, true)
  end
  if t == "number" then
    if math.type(v) == "integer" then return host.format_number(v, 0, true) end
    return tostring(v)
  end
  if t == "date" then return date.format(v) end
  if t == "choice" or t == "multichoice" then
    local labels = {}
    for _, c in ipairs(f.choices) do labels[c.value] = c.label end
    if t == "choice" then return labels[v] or tostring(v) end
    local out = {}
    for i, x in ipairs(v) do out[i] = labels[x] or tostring(x) end
    return table.concat(out, ", ")
  end
  if t == "people" then
    return type(v) == "table" and table.concat(v, ", ") or tostring(v)   -- a worksheet saved with one lead
  end
  if t == "scale" then
    local l = f.levels and f.levels[v]
    return l and string.format("%s (%d of %d)", l, v, #f.levels) or tostring(v)
  end
  return tostring(v)
end

-- The label of row R of table T: "1. Why" for fixed rows, "Root cause 2" for repeated rows.
function layout.row_label(t, r)
  if t.fixed then return t.rows[r] or string.format("Row %d", r) end
  return string.format("%s %d", t.row_label or "Row", r)
end

local function table_block(t, rows)
  local columns, out = {}, {}
  columns[1] = { id = "__row", label = t.fixed and t.label or "No." }
  for _, c in ipairs(t.columns) do
    local col = { id = c.id, label = c.report_label or c.label }
    if c.type == "money" then
      col.format, col.align = "money", "right"
    elseif c.type == "date" then
      col.format = "date"
    elseif c.type == "number" then
      local all_int = true
      for _, r in ipairs(rows) do
        if r[c.id] ~= nil and math.type(r[c.id]) ~= "integer" then all_int = false end
      end
      col.format, col.align = all_int and "integer" or "number", "right"
    end
    columns[#columns + 1] = col
  end
  for i, r in ipairs(rows) do
    local row = { __row = t.fixed and t.rows[i] or i }
    for _, c in ipairs(t.columns) do
      local v = r[c.id]
      if c.type == "money" or c.type == "date" or c.type == "number" then
        row[c.id] = v
      elseif v ~= nil then
        row[c.id] = layout.display(c, v)
      end
    end
    out[i] = row
  end
  return { id = t.id, caption = t.label, columns = columns, rows = out }
end

local function render(elements, answers, container)
  local target = container
  local kv = nil
  local function flush()
    if kv and #kv > 0 then target:keyvalue(kv) end
    kv = nil
  end
  for _, el in ipairs(elements) do
    if el.kind == "section" then
      flush()
      target = container:section(el.title)
    elseif el.kind == "field" then
      kv = kv or {}
      kv[#kv + 1] = { el.report_label or el.label, layout.display(el, answers[el.id]) }
    elseif el.kind == "table" then
      flush()
      local rows = answers[el.id] or {}
      if #rows > 0 then
        target:table(table_block(el, rows))
      else
        target:keyvalue { { el.label, "(none)" } }
      end
    elseif el.kind == "group" then
      flush()
      for i, set in ipairs(answers[el.id] or {}) do
        render(el.form, set, target:section(string.format("%s %d", el.label, i)))
      end
    end
  end
  flush()
end

-- The default layout: the form in order.
function layout.default(T, w, doc)
  render(T.form, w.answers or {}, doc)
end

return layout
