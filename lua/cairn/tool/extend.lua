-- cairn.tool.extend: a tool that builds on another instead of copying it whole.
--
--   return {
--     extends = "five_whys",                 -- the base tool (its built-in version if same id)
--     id = "five_whys_riverside",            -- optional: defaults to the file's name
--     title = "...",                         -- any top-level key replaces the base's
--     relabel = { problem = "Problem of Practice", ["root_causes.cause"] = "Root cause" },
--     add = { { after = "problem", id = "school", type = "text", label = "School" },
--             { into = "root_causes", id = "owner", type = "person", label = "Lead" } },
--     drop = { "whys.evidence" },
--     limits = { root_causes = { max_rows = 3 }, problem = { required = false } },
--     check = function(a, c) ... end,        -- runs after the base tool's check
--     report = function(w, doc, base) base(w, doc) ... end,  -- optional: base = the base layout
--   }
--
-- or, the same in code: `return require("cairn.tool").extend("five_whys", { relabel = ... })`.
--
-- Paths name elements by id, a dot stepping into a table's columns or a group's form. The
-- engine merges the declaration (this file) and keeps what it changed (T.changes) so that
-- reports the base lays out by hand still show the district's labels and added fields
-- (apply_to_report below). A district's copy of a tool (no `extends`) is compared with the
-- built-in version in the same way (changes_between).
local util = require "cairn.util"

local M = {}

-- Keys an extension may carry besides the base tool's own top-level keys.
M.keys = { extends = true, relabel = true, add = true, drop = true, limits = true }

-- `require("cairn.tool").extend(base, spec)`: the declarative form, built in code.
function M.extend(base, spec)
  if type(base) ~= "string" then error("tool.extend: the first argument is the base tool's id", 2) end
  spec = spec or {}
  if type(spec) ~= "table" then error("tool.extend: the second argument is a table of changes", 2) end
  spec.extends = base
  return spec
end

-- The list holding the element at PATH ("whys.evidence") in FORM, and its index; or nil and a
-- message. A dot steps into a table's columns or a group's form.
local function locate(form, path)
  local list = form
  local parts = {}
  for p in tostring(path):gmatch("[^%.]+") do parts[#parts + 1] = p end
  for i, id in ipairs(parts) do
    local found
    for j, el in ipairs(list) do
      if el.id == id then found = j break end
    end
    if not found then
      local ids = {}
      for _, el in ipairs(list) do if el.id then ids[#ids + 1] = el.id end end
      return nil, string.format("'%s': no element '%s' (there: %s)", path, id, table.concat(ids, ", "))
    end
    if i == #parts then return list, found end
    local el = list[found]
    list = el.columns or el.form
    if not list then return nil, string.format("'%s': '%s' has no columns or form to step into", path, id) end
  end
  return nil, string.format("'%s': an empty path", tostring(path))
end

-- Shallow copies of the base's elements (nested lists copied too), so the merge never changes
-- the base tool, which stays usable on its own.
local function copy_elements(list)
  local out = {}
  for i, el in ipairs(list) do
    local c = {}
    for k, v in pairs(el) do c[k] = v end
    if el.columns then c.columns = copy_elements(el.columns) end
    if el.form then c.form = copy_elements(el.form) end
    if el.rows then c.rows = util.deep_copy(el.rows) end
    out[i] = c
  end
  return out
end

-- Merge extension SPEC (from PATH) onto base declaration BASE. Returns the merged declaration
-- or raises one message listing every problem (each naming PATH and the change).
function M.merge(base, spec, path)
  local problems = {}
  local function problem(fmt, ...) problems[#problems + 1] = path .. ": " .. string.format(fmt, ...) end
  local T = {}
  for k, v in pairs(base) do
    if k ~= "path" and k ~= "hash" and k ~= "changes" and k ~= "base" and k ~= "raw_form" and k ~= "fallback" then T[k] = v end
  end
  for k, v in pairs(spec) do
    if not M.keys[k] and k ~= "check" and k ~= "report" then T[k] = v end
  end
  T.form = copy_elements(base.raw_form or base.form)
  local changes = { relabel = {}, added = {}, dropped = {} }

  for p, label in pairs(spec.relabel or {}) do
    local list, i = locate(T.form, p)
    if not list then problem("relabel %s", i)
    elseif type(label) ~= "string" then problem("relabel '%s': the new label must be a string", p)
    else
      local el = list[i]
      local bl, bi = locate(base.form, p)
      local old = el.kind == "section" and el.title or el.label
      if el.kind == "section" then el.title = label else el.label = label end
      el.report_label = nil
      changes.relabel[#changes.relabel + 1] = { path = p, old = old, new = label, kind = el.kind,
        old_report = bl and require("cairn.tools_common").label(bl[bi]) or nil }
    end
  end
  for _, p in ipairs(spec.drop or {}) do
    local list, i = locate(T.form, p)
    if not list then problem("drop %s", i)
    else
      local el = list[i]
      changes.dropped[#changes.dropped + 1] = { path = p, label = el.label or el.title,
        kind = el.kind or "field" }
      table.remove(list, i)
    end
  end
  for p, limits in pairs(spec.limits or {}) do
    local list, i = locate(T.form, p)
    if not list then problem("limits %s", i)
    elseif type(limits) ~= "table" then problem("limits '%s': a table such as { max_rows = 3 }", p)
    else
      for k, v in pairs(limits) do list[i][k] = v end
    end
  end
  for n, el in ipairs(spec.add or {}) do
    if type(el) ~= "table" then problem("add[%d]: expected an element table", n)
    else
      local new = {}
      for k, v in pairs(el) do if k ~= "after" and k ~= "into" and k ~= "before" then new[k] = v end end
      local list, at = T.form, #T.form + 1
      if el.into then
        local l, i = locate(T.form, el.into)
        if not l then problem("add[%d] into %s", n, i) list = nil
        else
          list = l[i].columns or l[i].form
          if not list then problem("add[%d]: '%s' is not a table or group", n, el.into) end
          at = list and #list + 1
        end
      elseif el.after or el.before then
        local l, i = locate(T.form, el.after or el.before)
        if not l then problem("add[%d] %s %s", n, el.after and "after" or "before", i) list = nil
        else list, at = l, el.after and i + 1 or i end
      end
      if list then
        table.insert(list, at, new)
        changes.added[#changes.added + 1] = { element = new, into = el.into }
      end
    end
  end

  local base_check, own_check = base.check, spec.check
  if own_check ~= nil and type(own_check) ~= "function" then problem("check: must be a function") end
  if base_check and own_check then
    T.check = function(a, c) base_check(a, c) own_check(a, c) end
  else
    T.check = own_check or base_check
  end
  local base_report = base.report
  if spec.report ~= nil then
    if type(spec.report) ~= "function" then problem("report: must be a function")
    else
      local layout = require "cairn.tool.layout"
      local function base_layout(w, doc)
        if base_report then return base_report(w, doc) end
        return layout.default(T, w, doc)
      end
      T.report = function(w, doc) return spec.report(w, doc, base_layout) end
      changes.own_report = true
    end
  end
  if #problems > 0 then error(table.concat(problems, "\n"), 0) end
  T.changes = changes
  T.base = base
  return T
end

-- ---- copies: what a district's copy changed against the built-in version ------------------

local function index(list, prefix, out)
  for _, el in ipairs(list) do
    if el.id then
      local p = prefix and (prefix .. "." .. el.id) or el.id
      out[p] = el
      if el.columns then index(el.columns, p, out) end
      if el.form then index(el.form, p, out) end
    end
  end
  return out
end

-- The changes COPY makes to BUILTIN's form: labels changed, elements added (in copy order).
function M.changes_between(builtin, copy)
  local old, new = index(builtin.form, nil, {}), index(copy.form, nil, {})
  local changes = { relabel = {}, added = {}, dropped = {} }
  local order = {}
  local function walk(list, prefix)
    for _, el in ipairs(list) do
      if el.id then
        local p = prefix and (prefix .. "." .. el.id) or el.id
        order[#order + 1] = p
        if el.columns then walk(el.columns, p) end
        if el.form then walk(el.form, p) end
      end
    end
  end
  walk(copy.form)
  for _, p in ipairs(order) do
    local el, was = new[p], old[p]
    if not was then
      local parent = p:match("^(.*)%.[^%.]+$")
      if not (parent and not old[parent]) then -- an element inside an added one comes with it
        changes.added[#changes.added + 1] = { element = el, into = parent }
      end
    elseif was.label and el.label and was.label ~= el.label then
      changes.relabel[#changes.relabel + 1] = { path = p, old = was.label, new = el.label, kind = el.kind }
    end
  end
  return changes
end

-- ---- reports ----------------------------------------------------------------------------

-- Replace the words OLD by NEW where a report shows the label of an element of KIND: a field's
-- in key/value keys and column headings (a column of a table, COLUMN, only there), a table's or
-- a group's in section titles and captions (never in running text).
local function relabel_blocks(blocks, old, new, kind, column)
  local heading = kind == "table" or kind == "group" or kind == "section"
  for _, b in ipairs(blocks) do
    if b.type == "section" then
      if heading and b.title == old then b.title = new end
      relabel_blocks(b.blocks, old, new, kind, column)
    elseif b.type == "keyvalue" and not heading and not column then
      for _, item in ipairs(b.items or {}) do
        if item[1] == old then item[1] = new end
        if item.key == old then item.key = new end
      end
    elseif b.type == "table" then
      if heading and b.caption == old then b.caption = new end
      for _, col in ipairs(b.columns or {}) do -- a table's label heads its row-label column
        if col.label == old then col.label = new end
      end
    end
  end
end

local function shown_keys(blocks, out)
  for _, b in ipairs(blocks) do
    if b.type == "section" then shown_keys(b.blocks, out)
    elseif b.type == "keyvalue" then
      for _, item in ipairs(b.items or {}) do out[item[1] or item.key or ""] = true end
    elseif b.type == "table" then
      if b.caption then out[b.caption] = true end
    end
  end
  return out
end

-- Take out of BLOCKS what shows a dropped element: a key LABEL, or a column headed LABEL in the
-- tables of its table (those captioned, or whose row-label column is headed, TABLE_LABEL).
local function drop_blocks(blocks, label, column, table_label)
  for _, b in ipairs(blocks) do
    if b.type == "section" then drop_blocks(b.blocks, label, column, table_label)
    elseif b.type == "keyvalue" and not column then
      for i = #b.items, 1, -1 do
        if (b.items[i].key or b.items[i][1]) == label then table.remove(b.items, i) end
      end
    elseif b.type == "table" and column and #(b.columns or {}) > 1
        and (b.caption == table_label or b.columns[1].label == table_label) then
      for i = #b.columns, 1, -1 do
        if b.columns[i].label == label then table.remove(b.columns, i) end
      end
    end
  end
end

-- After a base tool's own report ran on DOC: show the district's labels and the answers to
-- the fields it added (those the layout did not show already), in a section titled
-- T.additions_title (default "District additions").
function M.apply_to_report(T, w, doc, changes)
  local layout = require "cairn.tool.layout"
  for _, r in ipairs(changes.relabel) do
    local kind, column = r.kind or "field", r.path:find(".", 1, true) ~= nil
    relabel_blocks(doc.blocks, r.old, r.new, kind, column)
    if r.old_report and r.old_report ~= r.old then relabel_blocks(doc.blocks, r.old_report, r.new, kind, column) end
  end
  for _, d in ipairs(changes.dropped) do
    if d.kind == "field" and d.label then
      local bl, bi = locate(T.base and (T.base.form) or {}, d.path)
      local shown = bl and require("cairn.tools_common").label(bl[bi]) or d.label
      local parent = d.path:match("^(.*)%.[^%.]+$")
      local pl, pi
      if parent then pl, pi = locate(T.form, parent) end
      local table_label = pl and pl[pi].label
      drop_blocks(doc.blocks, shown, parent ~= nil, table_label)
      if shown ~= d.label then drop_blocks(doc.blocks, d.label, parent ~= nil, table_label) end
    end
  end
  if #changes.added == 0 then return end
  local shown = shown_keys(doc.blocks, {})
  local answers = w.answers or {}
  local top, columns = {}, {}
  for _, a in ipairs(changes.added) do
    local el = a.element
    if a.into then
      columns[a.into] = columns[a.into] or {}
      table.insert(columns[a.into], el)
    elseif not shown[el.label] and answers[el.id] ~= nil then
      top[#top + 1] = el
    end
  end
  local intos = {}
  for p in pairs(columns) do intos[#intos + 1] = p end
  table.sort(intos)
  if #top == 0 and #intos == 0 then return end
  local s = doc:section(T.additions_title or "District additions")
  if #top > 0 then layout.default({ form = top }, { answers = answers }, s) end
  for _, p in ipairs(intos) do
    -- added columns of a table the base lays out by hand: the row label and the new columns
    local container = answers
    local el
    local list = T.form
    for id in p:gmatch("[^%.]+") do
      for _, e in ipairs(list) do if e.id == id then el = e end end
      list = el and (el.columns or el.form) or {}
    end
    if el and el.kind == "table" and p:find("^[^%.]+$") then
      local rows = {}
      for i, row in ipairs(container[el.id] or {}) do
        local any = false
        for _, c in ipairs(columns[p]) do if row[c.id] ~= nil then any = true end end
        if any then
          local r = { __row = layout.row_label(el, i) }
          for _, c in ipairs(columns[p]) do r[c.id] = layout.display(c, row[c.id]) end
          rows[#rows + 1] = r
        end
      end
      if #rows > 0 then
        local cols = { { id = "__row", label = el.label } }
        for _, c in ipairs(columns[p]) do cols[#cols + 1] = { id = c.id, label = c.label } end
        s:table { caption = el.label, columns = cols, rows = rows }
      end
    end
  end
end

return M
