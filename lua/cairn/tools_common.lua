-- cairn.tools_common: small helpers the planning tool scripts (scripts/tools/*.lua) share, so
-- eighteen tools do not each carry their own copy of "rank the causes 1..n", "find the root cause
-- this step addresses" or "turn a form table into a report table".
--
-- Wording stays in the tool scripts: every helper that reports a problem takes the message from
-- its caller (a district edits the tool, not this file). The helpers only do the mechanics.
local util = require "cairn.util"

local common = {}

-- ---- answers ------------------------------------------------------------------------------

-- Is V an answer (a non-blank string, a number, a boolean, a non-empty list)?
function common.filled(v)
  if v == nil then return false end
  if type(v) == "string" then return v:match("%S") ~= nil end
  if type(v) == "table" then return next(v) ~= nil end
  return true
end

-- Is a table row filled in (any of its values answered)?
function common.row_filled(row)
  if type(row) ~= "table" then return false end
  for _, v in pairs(row) do
    if common.filled(v) then return true end
  end
  return false
end

-- The filled rows of a table answer, each with its 1-based position in the answer (`_n`), so a
-- message can name `whys[3]` even when rows 1-2 were left blank.
function common.rows(list)
  local out = {}
  for i, row in ipairs(list or {}) do
    if common.row_filled(row) then
      local r = {}
      for k, v in pairs(row) do r[k] = v end
      r._n = i
      out[#out + 1] = r
    end
  end
  return out
end

-- How many sentences a piece of text has ("Rates rose. Why?" is two). Abbreviations such as
-- "e.g." and decimals such as "21.5%" are not sentence ends.
function common.sentences(text)
  if not common.filled(text) then return 0 end
  local s = " " .. text:gsub("%s+", " "):gsub("%f[%a](%a)%.(%a)%.", "%1%2") .. " "
  local n = 0
  for _ in s:gmatch("[%.!?]+[\"')%]]*%s+%S") do n = n + 1 end
  return n + 1
end

-- Does the text cite a number (a count, a rate, a year)? Used for "include data" advice.
function common.has_number(text)
  return type(text) == "string" and text:match("%d") ~= nil
end

-- Does TEXT mention a time frame: a year, a month, a date, or "by the end of ..."?
local months = { "january", "february", "march", "april", "may", "june", "july", "august",
  "september", "october", "november", "december", "quarter", "semester", "year", "month", "week" }
function common.has_timeframe(text)
  if type(text) ~= "string" then return false end
  local t = text:lower()
  if t:match("%f[%d]%d%d%d%d%f[%D]") or t:match("%d+/%d+") then return true end
  for _, m in ipairs(months) do
    if t:find("%f[%a]" .. m) then return true end
  end
  return false
end

-- A list of words such as { "Ana", "Lee", "Kim" } as "Ana, Lee and Kim".
function common.join(list, last)
  last = last or " and "
  if #list <= 1 then return list[1] or "" end
  return table.concat(list, ", ", 1, #list - 1) .. last .. list[#list]
end

-- How often a communication goes out or a milestone is checked: the words the NEA templates use
-- in their examples ("Monthly", "Bi-weekly") and the usual others. Shared by the communication
-- and monitoring plans; a district may extend the list.
common.frequencies = { "Weekly", "Bi-weekly", "Monthly", "Quarterly", "Each semester", "Annually",
  "At each milestone", "As needed" }

-- ---- checks -------------------------------------------------------------------------------

-- Ranks in ROWS[FIELD] must be 1..n, each used once. MESSAGES = { range = fn(n), twice = fn(r),
-- missing = fn(list) } gives the tool's wording. Errors go to c.error at PREFIX[i].FIELD.
function common.check_ranks(c, prefix, rows, field, messages)
  local seen, n = {}, #rows
  for _, r in ipairs(rows) do
    local v = r[field]
    if v ~= nil then
      local path = string.format("%s[%d].%s", prefix, r._n, field)
      if math.type(v) ~= "integer" and not (type(v) == "number" and v == math.floor(v)) or v < 1 or v > n then
        c.error(path, messages.range(n, v))
      elseif seen[v] then
        c.error(path, messages.twice(v, seen[v]))
      else
        seen[v] = r._n
      end
    end
  end
  local missing = {}
  for i = 1, n do
    if not seen[i] then missing[#missing + 1] = tostring(i) end
  end
  if #missing > 0 and #missing < n and messages.missing then
    c.error(prefix, messages.missing(missing))
  end
end

-- START must not be after DUE (both ISO dates, either may be nil).
function common.check_dates(c, path, start, due, message)
  if type(start) == "string" and type(due) == "string" and start > due then
    c.error(path, string.format("%s (starts %s, due %s)", message, start, due))
  end
end

-- The plan model's SMART warnings for TEXT in FRAMEWORK's own wording ("WestEd",
-- "Massachusetts", "NEA"), each given to c.warn at PATH. The plan model owns the wording
-- (cairn.plan.smart_check).
-- SKIP (optional) is a set of criterion labels the tool answers otherwise (a due date field
-- answers "Time-bound"). Returns the set of criterion labels warned about.
function common.smart(c, path, text, framework, skip)
  if not common.filled(text) then return {} end
  local plan = require "cairn.plan"
  local failed = {}
  -- Only the criteria the text fails become warnings; the questions only the team can answer
  -- (severity "prompt") would bury them.
  for _, p in ipairs(plan.smart_check(text, framework) or {}) do
    if type(p) == "table" and p.severity == "warning" and p.message and not (skip and skip[p.label]) then
      c.warn(path, p.message)
      failed[p.label or p.criterion or p.message] = true
    end
  end
  return failed
end

-- ---- references between rows and to the plan model ----------------------------------------

local function norm(s)
  return (tostring(s):lower():gsub("[%p%s]+", " "):gsub("^ ", ""):gsub(" $", ""))
end
common.norm = norm

-- An error on every row of table TABLE_ID whose FIELD repeats an earlier row's (case, spacing
-- and punctuation ignored). SAY(value, first_row_number) words the message in the tool's terms.
function common.check_unique(c, table_id, rows, field, say)
  local seen = {}
  for i, r in ipairs(rows or {}) do
    local v = r[field]
    local key = v ~= nil and norm(v) or nil
    if key and seen[key] then
      c.error(string.format("%s[%d].%s", table_id, i, field), say(v, seen[key]))
    elseif key then
      seen[key] = i
    end
  end
end

-- Find the row of ROWS that REF names: its number ("2"), its letter ("B", for rows labelled
-- A, B, C, ...), its label, or its text in FIELD (exact, then as a prefix; case and punctuation
-- ignored). Returns the row and its index, or nil.
function common.match_row(rows, field, ref, labels)
  if not common.filled(ref) then return nil end
  local r = util.trim(tostring(ref))
  local n = tonumber(r:match("^#?(%d+)%.?$") or r:match("^%a+ ?#?(%d+)$"))
  if n and rows[n] then return rows[n], n end
  local letter = r:match("^(%a)$") or r:match("^[Rr]oot [Cc]ause (%a)$")
  if letter then
    local i = letter:upper():byte() - 64
    if rows[i] then return rows[i], i end
  end
  local want = norm(r)
  if labels then
    for i, l in ipairs(labels) do
      if norm(l) == want and rows[i] then return rows[i], i end
    end
  end
  for i, row in ipairs(rows) do
    if row[field] and norm(row[field]) == want then return row, i end
  end
  if #want >= 8 then
    for i, row in ipairs(rows) do
      if row[field] and norm(row[field]):sub(1, #want) == want then return row, i end
    end
  end
  return nil
end

-- The plan model (ctx.plan when the engine passes it, else the module).
function common.plan(ctx)
  return (ctx and ctx.plan) or require "cairn.plan"
end

-- Create the plan a worksheet writes, remembering which tool and worksheet made it.
function common.create_plan(ctx, spec)
  local plan = common.plan(ctx)
  spec.source = spec.source or {
    tool = ctx and (ctx.tool_id or (ctx.tool and ctx.tool.id)),
    worksheet = ctx and (ctx.worksheet_id or (type(ctx.worksheet) == "table" and ctx.worksheet.id)
      or (type(ctx.worksheet) == "number" and ctx.worksheet)),
  }
  return plan.create(spec)
end

-- Which kinds of plan hold items of a level, when a tool does not say (the plans the planning
-- tools write).
common.kinds_for = {
  root_cause = { "root_cause_analysis", "lea_plan", "sfss_plan" },
  action_step = { "action_plan", "lea_plan" },
  task = { "project_plan" },
  goal = { "partnership_goals", "initiative", "action_plan", "project_plan" },
  strategic_initiative = { "district_plan" },
}

-- The items of the plans of KINDS at LEVEL, newest plan first: a list of items.
function common.items(ctx, level, kinds)
  local plan = common.plan(ctx)
  local out = {}
  local plans = {}
  for _, k in ipairs(kinds or common.kinds_for[level] or {}) do
    for _, p in ipairs(plan.list { kind = k } or {}) do plans[#plans + 1] = p end
  end
  table.sort(plans, function(a, b) return (a.id or 0) > (b.id or 0) end)
  for _, p in ipairs(plans) do
    for _, it in ipairs(p:items { level = level } or {}) do out[#out + 1] = it end
  end
  return out
end

-- The item at LEVEL (in plans of KINDS) whose text REF names (exact, then prefix), or nil.
function common.find_item(ctx, level, ref, kinds)
  if not common.filled(ref) then return nil end
  local want = norm(ref)
  local items = common.items(ctx, level, kinds)
  for _, it in ipairs(items) do
    if norm(it.text) == want then return it end
  end
  if #want >= 8 then
    for _, it in ipairs(items) do
      if norm(it.text):sub(1, #want) == want then return it end
    end
  end
  return nil
end

-- plan.link, tolerating a link that already exists.
function common.link(ctx, from, to, relation)
  if not (from and to) then return end
  local plan = common.plan(ctx)
  local ok, err = pcall(plan.link, from, to, relation)
  if not ok and not tostring(err):find("UNIQUE", 1, true) then error(err, 0) end
end

-- ---- reports ------------------------------------------------------------------------------

-- Shorter column headings for reports, by element. The engine refuses keys it does not know in
-- a form, so a tool writes `report_label = "..."` next to the label and wraps its form in
-- common.form{...}, which moves those words here before the engine sees the form (and sets a
-- short help off in parentheses, since the engine prints it right after the question).
local report_labels = setmetatable({}, { __mode = "k" })

function common.form(elements)
  local function strip(list)
    for _, el in ipairs(list) do
      if type(el) == "table" then
        -- a short help is shown after the question on the same line: set it off as the printed
        -- templates do, "Problem Statement (one-sentence description of the problem)"
        if type(el.help) == "string" and #el.help <= 60 and not el.help:match("^%(") then
          el.help = "(" .. el.help .. ")"
        end
        if el.report_label then
          report_labels[el] = el.report_label
          el.report_label = nil
        end
        if el.columns then strip(el.columns) end
        if el.form then strip(el.form) end
      end
    end
  end
  strip(elements)
  return elements
end

-- The heading a report uses for a form element: its report_label, else its label.
function common.label(el)
  return report_labels[el] or el.label
end

local formats = { date = "date", money = "money", number = "number", scale = "integer" }

-- The element with id ID anywhere in FORM (tables and groups nest).
function common.element(form, id)
  for _, e in ipairs(form) do
    if e.id == id then return e end
    if e.form then
      local found = common.element(e.form, id)
      if found then return found end
    end
  end
  return nil
end

-- Report columns for a form table: each column's label (its header in the guidebook) and a
-- format from its type. FIRST = { id =, label = } adds a leading column (row labels).
-- ONLY = list of column ids to keep, in that order.
function common.columns(element, first, only)
  local cols = {}
  if first then cols[#cols + 1] = { id = first.id, label = first.label } end
  local by_id = {}
  for _, col in ipairs(element.columns) do by_id[col.id] = col end
  local list = element.columns
  if only then
    list = {}
    for _, id in ipairs(only) do list[#list + 1] = by_id[id] or { id = id, label = id } end
  end
  for _, col in ipairs(list) do
    local f = formats[col.type]
    cols[#cols + 1] = { id = col.id, label = common.label(col), format = f,
      decimals = col.type == "number" and 0 or nil,
      align = (f == "money" or f == "number") and "right" or nil }
  end
  return cols
end

-- A cell value for the report: yes/no as words, choice lists joined, choices as their labels.
function common.cell(col, v)
  if v == nil then return nil end
  if type(v) == "boolean" then return v and "Yes" or "No" end
  if type(v) == "table" then
    local parts = {}
    for _, x in ipairs(v) do parts[#parts + 1] = common.choice_label(col, x) end
    return table.concat(parts, "; ")
  end
  if col and col.choices then return common.choice_label(col, v) end
  return v
end

function common.choice_label(col, v)
  for _, ch in ipairs(col and col.choices or {}) do
    if type(ch) == "table" and ch.value == v then return ch.label end
  end
  return tostring(v)
end

-- The report rows of a table answer: filled rows only, cells shaped by common.cell. LABELS
-- (the fixed row labels) fill FIRST_ID.
function common.report_rows(element, list, first_id, labels)
  local out = {}
  for i, row in ipairs(list or {}) do
    if common.row_filled(row) then
      local r = {}
      for _, col in ipairs(element.columns) do r[col.id] = common.cell(col, row[col.id]) end
      if first_id then r[first_id] = labels and labels[i] or tostring(i) end
      out[#out + 1] = r
    end
  end
  return out
end

-- Add a table block for a form table's answer. OPTS: caption, first = { id, label } for the
-- row labels column (fixed rows use element.rows), only = column ids, notes, totals, empty
-- (text when no row is filled).
function common.form_table(doc, element, list, opts)
  opts = opts or {}
  local rows = common.report_rows(element, list, opts.first and opts.first.id,
    opts.labels or element.rows)
  if #rows == 0 and opts.empty then
    doc:paragraph(opts.empty)
    return nil
  end
  local columns = common.columns(element, opts.first, opts.only)
  return doc:table {
    caption = opts.caption, columns = columns,
    rows = common.keep(rows, columns), totals = opts.totals, notes = opts.notes,
  }
end

-- ROWS with only the cells of COLUMNS (the report builder refuses cells of unknown columns).
function common.keep(rows, columns)
  local out = {}
  for i, row in ipairs(rows) do
    local r = {}
    for _, col in ipairs(columns) do r[col.id] = row[col.id] end
    out[i] = r
  end
  return out
end

-- Key/value pairs from fields of FORM answered in A: { {label, value}, ... } for IDS.
function common.pairs_for(form, a, ids)
  local items = {}
  for _, id in ipairs(ids) do
    local e = common.element(form, id)
    local v = a[id]
    if common.filled(v) then
      items[#items + 1] = { e and common.label(e) or id, common.cell(e, v) }
    end
  end
  return items
end

-- Sum of FIELD over filled rows (money and number columns).
function common.sum(list, field)
  local total, any = 0, false
  for _, row in ipairs(list or {}) do
    if type(row[field]) == "number" then total, any = total + row[field], true end
  end
  return any and total or nil
end

return common
