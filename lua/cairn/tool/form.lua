-- cairn.tool.form: a tool's form. Checks the declaration itself (so a district editing a tool
-- gets "tools/x.lua: form[3] (table 'whys'), columns[2]: unknown type 'txt'"), turns typed or
-- file answers into stored values (dates ISO, money as numbers, names as the workspace spells
-- them), and validates a whole answer set, returning every problem with its field path.
local date = require "cairn.date"

local form = {}

-- ---- field types ------------------------------------------------------------------------

form.type_order = { "text", "longtext", "number", "money", "date", "yesno", "choice",
  "multichoice", "person", "people", "scale" }

-- How each type is named in help and in `cairn tool show`.
form.type_names = {
  text = "text", longtext = "long text", number = "number", money = "money", date = "date",
  yesno = "yes/no", choice = "choice", multichoice = "choices", person = "person",
  people = "people",
  scale = "scale",
}

local is_type = {}
for _, t in ipairs(form.type_order) do is_type[t] = true end

-- Scales known without the survey module (a district may add its own as a list in the tool).
form.scales = {
  agreement = { "Strongly disagree", "Disagree", "Neither agree nor disagree", "Agree",
    "Strongly agree" },
  frequency = { "Never", "Rarely", "Sometimes", "Often", "Always" },
}

local function scale_levels(name)
  local survey = require "cairn.survey" -- here, not at the top: cairn.survey loads this file
  local ok, found = pcall(survey.scale, name) -- an unknown name: the built-in lists below
  if ok and type(found) == "table" then
    local levels = found.levels or found.labels or found
    if type(levels) == "table" and #levels > 0 then
      local out = {}
      for i, l in ipairs(levels) do out[i] = type(l) == "table" and (l.label or l[1]) or l end
      return out
    end
  end
  return form.scales[name]
end

local trim = require("cairn.util").trim

local function join(list, sep) return table.concat(list, sep or ", ") end

-- A list of a choice field's labels, for messages.
local function choice_labels(f)
  local out = {}
  for i, c in ipairs(f.choices) do out[i] = c.label end
  return out
end

-- At most this many choices are named in an error; a long list (31 skills) says how many more.
form.choices_shown = 8

-- A choice field's labels for an error message: "A, B, C" or "A, ..., H, ... (23 more; ...)".
local function choices_text(f)
  local labels = choice_labels(f)
  local n = form.choices_shown
  if #labels <= n + 1 then return join(labels) end
  return string.format("%s, ... (%d more; ? lists them, as does cairn tool show)",
    join({ table.unpack(labels, 1, n) }), #labels - n)
end

local function choice_match(f, s)
  local lower = s:lower()
  for _, c in ipairs(f.choices) do
    if c.value == s then return c.value end
  end
  for _, c in ipairs(f.choices) do
    if c.value:lower() == lower or c.label:lower() == lower then return c.value end
  end
  local n = tonumber(s)
  if n and math.type(n) == "integer" and f.choices[n] then return f.choices[n].value end
  return nil
end

-- Parse a number the way people type one: "1,200", "$1,200.50", " 12 ".
local function to_number(v, money)
  if type(v) == "number" then return v end
  if type(v) ~= "string" then return nil end
  local s = trim(v)
  local neg = false
  if s:match("^%-") then neg, s = true, s:sub(2) end
  if money then s = s:gsub("^%$%s*", "") end
  if s:find(",", 1, true) then
    -- thousands separators must be in the right places: 1,200 or 12,345,678.50
    local int, frac = s:match("^([%d,]+)(%.?%d*)$")
    if not int or not int:match("^%d%d?%d?,") then return nil end
    for group in int:gmatch(",([^,]*)") do
      if not group:match("^%d%d%d$") then return nil end
    end
    s = int:gsub(",", "") .. frac
  end
  if not s:match("^%d+%.?%d*$") and not s:match("^%.%d+$") then return nil end
  local n = tonumber(s)
  if n and math.type(n) == "float" and n == math.floor(n) and not s:find("%.") then
    n = math.tointeger(n) or n
  end
  if n and neg then n = -n end
  return n
end

local function is_empty(v)
  return v == nil or (type(v) == "string" and v:match("^%s*$") ~= nil)
      or (type(v) == "table" and next(v) == nil)
end
form.is_empty = is_empty

-- The names of the people in the workspace (the plan model), sorted.
local function known_people(ctx)
  if ctx.people_list then return ctx.people_list end
  -- a failure here (no workspace, a damaged one) is reported, not taken as "anyone goes"
  local list = {}
  for _, p in ipairs(require("cairn.plan").people()) do list[#list + 1] = p.name end
  table.sort(list)
  ctx.people_list = list
  return list
end
form.known_people = known_people

local function norm_name(s) return (trim(s):gsub("%s+", " "):lower()) end

local coerce = {}

-- A text field with `suggestions` takes any text; a suggestion's number or its words in any
-- case give the suggestion as written (so "monthly" and "3" are stored as "Monthly").
local function suggested(f, v)
  if not f.suggestions then return v end
  local n = math.tointeger(tonumber(v))
  if n and v:match("^%d+$") and f.suggestions[n] then return f.suggestions[n] end
  for _, s in ipairs(f.suggestions) do
    if s:lower() == v:lower() then return s end
  end
  return v
end

function coerce.text(f, v)
  if type(v) == "number" then v = tostring(v) end
  if type(v) ~= "string" then return nil, "expected text, got " .. type(v) end
  v = trim(v)
  if v:find("\n") then return nil, "expected one line of text" end
  return suggested(f, v)
end

function coerce.longtext(f, v)
  if type(v) == "number" then v = tostring(v) end
  if type(v) ~= "string" then return nil, "expected text, got " .. type(v) end
  return (trim(v:gsub("\r\n", "\n")))
end

local function range(f, n, what)
  if f.min and n < f.min then
    return nil, string.format("%s is less than the minimum, %s", what, tostring(f.min))
  end
  if f.max and n > f.max then
    return nil, string.format("%s is more than the maximum, %s", what, tostring(f.max))
  end
  return n
end

function coerce.number(f, v)
  local n = to_number(v, false)
  if not n then return nil, string.format("'%s' is not a number", tostring(v)) end
  return range(f, n, tostring(v))
end

function coerce.money(f, v)
  local n = to_number(v, true)
  if not n then
    return nil, string.format("'%s' is not an amount of money (expected dollars, e.g. 1200 or $1,200.50)",
      tostring(v))
  end
  return range(f, n, tostring(v))
end

-- A date as people type it (see date.read); a field's date_order ("day/month" or the default
-- "month/day") decides 05/06/2027, a day and month without a year is the next one.
function coerce.date(f, v, ctx)
  local d, err = date.read(v, { order = f.date_order, as_of = ctx.as_of })
  if not d then return nil, err end
  if f.min and d < f.min then return nil, string.format("%s is before %s", d, f.min) end
  if f.max and d > f.max then return nil, string.format("%s is after %s", d, f.max) end
  return d
end

local yes = { y = true, yes = true, ["true"] = true }
local no = { n = true, no = true, ["false"] = true }

function coerce.yesno(f, v)
  if type(v) == "boolean" then return v end
  if type(v) == "string" then
    local s = trim(v):lower()
    if yes[s] then return true end
    if no[s] then return false end
  end
  return nil, string.format("'%s' is not yes or no (expected y, yes, n, no, true or false)",
    tostring(v))
end

function coerce.choice(f, v)
  if type(v) == "number" then v = tostring(v) end
  if type(v) ~= "string" then return nil, "expected one of: " .. choices_text(f) end
  local c = choice_match(f, trim(v))
  if not c then
    return nil, string.format("'%s' is not one of the choices (%s)", trim(v), choices_text(f))
  end
  return c
end

function coerce.multichoice(f, v)
  local items = {}
  if type(v) == "string" then
    for part in v:gmatch("[^,;]+") do
      if part:match("%S") then items[#items + 1] = trim(part) end
    end
  elseif type(v) == "table" then
    for i = 1, #v do items[i] = type(v[i]) == "number" and tostring(v[i]) or v[i] end
  else
    return nil, "expected a list of choices from: " .. choices_text(f)
  end
  local chosen = {}
  for _, item in ipairs(items) do
    local c = type(item) == "string" and choice_match(f, item)
    if not c then
      return nil, string.format("'%s' is not one of the choices (%s)", tostring(item), choices_text(f))
    end
    chosen[c] = true
  end
  local out = {}
  for _, c in ipairs(f.choices) do
    if chosen[c.value] then out[#out + 1] = c.value end
  end
  if #out == 0 then return nil end
  return out
end

function coerce.person(f, v, ctx)
  if type(v) ~= "string" then return nil, "expected a person's name, got " .. type(v) end
  local name = trim(v):gsub("%s+", " ")
  local unknown = name
  local people = known_people(ctx)
  local want = norm_name(name)
  for _, p in ipairs(people) do
    if norm_name(p) == want then return p end
  end
  if ctx.new_people and ctx.new_people[want] then return name end
  if #people == 0 then
    return nil, string.format("unknown person '%s' (there are no people in the workspace yet)", name),
      "unknown_person", unknown
  end
  local shown = {}
  for i = 1, math.min(#people, 8) do shown[i] = people[i] end
  if #people > 8 then shown[#shown + 1] = "..." end
  return nil, string.format("unknown person '%s' (known: %s)", name, join(shown)), "unknown_person", unknown
end

-- Several people (a task's leads): a list of names, or text "Ana Ruiz, Lee Park" (commas,
-- semicolons or "and"); one name alone is a list of one, so answers written when the field was
-- a single `person` still read. An unknown name is returned fourth, for the caller to add.
function coerce.people(f, v, ctx)
  local names = {}
  if type(v) == "string" then
    local s = v:gsub("%s+and%s+", ","):gsub("%s*&%s*", ",")
    for part in s:gmatch("[^,;]+") do
      if part:match("%S") then names[#names + 1] = trim(part) end
    end
  elseif type(v) == "table" then
    for i = 1, #v do names[i] = v[i] end
  else
    return nil, "expected people's names (a list, or names separated by commas), got " .. type(v)
  end
  local out, seen = {}, {}
  for _, name in ipairs(names) do
    local who, err, code = coerce.person(f, name, ctx)
    if err then return nil, err, code, type(name) == "string" and trim(name) or nil end
    if not seen[who] then seen[who] = true; out[#out + 1] = who end
  end
  if #out == 0 then return nil end
  return out
end

function coerce.scale(f, v)
  local levels = f.levels
  local n = math.type(v) == "integer" and v or (type(v) == "string" and math.tointeger(tonumber(trim(v))))
  if n then
    if n >= 1 and n <= #levels then return n end
    return nil, string.format("%s is not a level of the scale (1 to %d: %s)", tostring(v), #levels,
      join(levels))
  end
  if type(v) == "string" then
    local lower = trim(v):lower()
    for i, l in ipairs(levels) do
      if l:lower() == lower then return i end
    end
  end
  return nil, string.format("'%s' is not a level of the scale (1 to %d: %s)", tostring(v), #levels,
    join(levels))
end

-- The stored value of field F for input V (a typed line, a file value or a Lua value):
-- value (nil when empty), or nil and a message (and a code for the interactive asker).
function form.coerce(f, v, ctx)
  if is_empty(v) then return nil end
  return coerce[f.type](f, v, ctx or {})
end

-- ---- the declaration --------------------------------------------------------------------

local field_keys = { id = true, label = true, type = true, help = true, required = true,
  default = true, choices = true, scale = true, min = true, max = true, placeholder = true,
  kind = true, report_label = true, suggestions = true, date_order = true,
  offer = true }   -- offer: a value handed on from another tool (cairn.tool.offer)
local table_keys = { kind = true, id = true, label = true, help = true, columns = true, rows = true,
  min_rows = true, max_rows = true, row_label = true }
local group_keys = { kind = true, id = true, label = true, help = true, min = true, max = true,
  form = true }
local section_keys = { kind = true, title = true, help = true,
  when = true,     -- when(answers): ask this section's questions only when true
  on_enter = true } -- on_enter(run): called at the terminal as the section begins (a timer)

local function describe(el)
  local kind = el.kind or "field"
  if kind == "section" then return string.format("section '%s'", tostring(el.title)) end
  return string.format("%s '%s'", kind, tostring(el.id))
end

local function sorted_keys(set)
  local out = {}
  for k in pairs(set) do out[#out + 1] = k end
  table.sort(out)
  return out
end

local compile_elements

local function check_keys(el, allowed, problem)
  for k in pairs(el) do
    if not allowed[k] then
      problem(string.format("unknown key '%s' (allowed: %s)", tostring(k), join(sorted_keys(allowed))))
    end
  end
end

local function compile_field(f, problem, ctx)
  check_keys(f, field_keys, problem)
  if f.offer ~= nil then require("cairn.tool.offer").check_declaration(f.offer, problem) end
  f.kind = "field"
  if f.type == nil then f.type = "text" end
  if not is_type[f.type] then
    problem(string.format("unknown type '%s' (expected one of %s)", tostring(f.type),
      join(form.type_order)))
    return
  end
  if type(f.label) ~= "string" or f.label == "" then
    problem("a label is required (the words shown to the team)")
  end
  if f.help ~= nil and type(f.help) ~= "string" then problem("help must be a string") end
  if f.type == "choice" or f.type == "multichoice" then
    if type(f.choices) ~= "table" or #f.choices == 0 then
      problem("a " .. f.type .. " field needs choices = { ... }")
    else
      local out = {}
      for i, c in ipairs(f.choices) do
        if type(c) == "string" then
          out[i] = { value = c, label = c }
        elseif type(c) == "table" and type(c.value) == "string" then
          out[i] = { value = c.value, label = c.label or c.value }
        else
          problem(string.format("choices[%d] must be a string or { value =, label = }", i))
        end
      end
      f.choices = out
    end
  elseif f.choices ~= nil then
    problem("choices are only for choice and multichoice fields")
  end
  if f.suggestions ~= nil then
    if f.type ~= "text" then
      problem("suggestions are only for text fields (use choices for a closed list)")
    elseif type(f.suggestions) ~= "table" or #f.suggestions == 0 then
      problem("suggestions must be a list of strings")
    else
      for i, x in ipairs(f.suggestions) do
        if type(x) ~= "string" then problem(string.format("suggestions[%d] must be a string", i)) end
      end
    end
  end
  if f.type == "scale" then
    if type(f.scale) == "table" and #f.scale > 0 then
      f.levels = f.scale
    elseif type(f.scale) == "string" then
      f.levels = scale_levels(f.scale)
      if not f.levels then
        problem(string.format("unknown scale '%s' (known: %s; or give the levels as a list)",
          f.scale, join(sorted_keys(form.scales))))
      end
    else
      problem("a scale field needs scale = \"agreement\" or scale = { \"level 1\", ... }")
    end
  end
  if f.date_order ~= nil and (f.type ~= "date" or not date.prompt_forms[f.date_order]) then
    problem("date_order is for date fields: \"day/month\" or \"month/day\"")
  end
  if f.type == "date" then
    for _, k in ipairs { "min", "max" } do
      if f[k] ~= nil then
        local d, err = date.parse(f[k])
        if not d then problem(k .. ": " .. err) else f[k] = d end
      end
    end
  elseif (f.min ~= nil or f.max ~= nil) and f.type ~= "number" and f.type ~= "money" then
    problem("min and max are only for number, money and date fields")
  else
    for _, k in ipairs { "min", "max" } do
      if f[k] ~= nil and type(f[k]) ~= "number" then problem(k .. " must be a number") end
    end
  end
  -- a default must be a valid answer (people are checked when the form is asked: the
  -- workspace may not have them yet)
  local usable = (f.type ~= "choice" and f.type ~= "multichoice"
      or type(f.choices) == "table" and type(f.choices[1]) == "table")
    and (f.type ~= "scale" or f.levels)
  if f.default ~= nil and usable and f.type ~= "person" and f.type ~= "people" then
    local v, err = form.coerce(f, f.default, ctx)
    if err then problem("default: " .. err) else f.default = v end
  end
end

local function compile_table(t, problem, ctx)
  check_keys(t, table_keys, problem)
  if type(t.label) ~= "string" then problem("a label is required") end
  if type(t.columns) ~= "table" or #t.columns == 0 then
    problem("a table needs columns = { fields... }")
    t.columns = {}
  end
  local seen = {}
  for i, c in ipairs(t.columns) do
    local function cp(msg)
      problem(string.format("columns[%d] (%s): %s", i, describe(c), msg))
    end
    if type(c) ~= "table" then
      problem(string.format("columns[%d] must be a field table", i))
    else
      if c.kind ~= nil and c.kind ~= "field" then cp("a column must be a field (no kind)") end
      if type(c.id) ~= "string" or not c.id:match("^[%a_][%w_]*$") then
        cp("an id is required (letters, digits and _)")
      elseif seen[c.id] then
        cp("duplicate id")
      end
      seen[c.id or i] = true
      compile_field(c, cp, ctx)
    end
  end
  if t.rows ~= nil then
    if type(t.rows) ~= "table" or #t.rows == 0 then
      problem("rows must be a list of row labels")
      t.rows = nil
    else
      for i, r in ipairs(t.rows) do
        if type(r) ~= "string" then problem(string.format("rows[%d] must be a string", i)) end
      end
      if t.max_rows ~= nil then problem("max_rows is for repeated rows; fixed rows are limited by rows") end
      t.min_rows = t.min_rows or #t.rows
      if math.type(t.min_rows) ~= "integer" or t.min_rows < 0 or t.min_rows > #t.rows then
        problem(string.format("min_rows must be a whole number from 0 to %d", #t.rows))
      end
      t.max_rows = #t.rows
      t.fixed = true
    end
  end
  if not t.fixed then
    t.min_rows = t.min_rows or 0
    if math.type(t.min_rows) ~= "integer" or t.min_rows < 0 then
      problem("min_rows must be a whole number, 0 or more")
      t.min_rows = 0
    end
    if t.max_rows ~= nil and (math.type(t.max_rows) ~= "integer" or t.max_rows < math.max(1, t.min_rows)) then
      problem("max_rows must be a whole number, at least min_rows and at least 1")
      t.max_rows = nil
    end
    t.row_label = t.row_label or "Row"
    if type(t.row_label) ~= "string" then problem("row_label must be a string") end
  end
end

local function compile_group(g, problem, ctx)
  check_keys(g, group_keys, problem)
  if type(g.label) ~= "string" then problem("a label is required (e.g. \"Goal\")") end
  g.min = g.min or 0
  if math.type(g.min) ~= "integer" or g.min < 0 then
    problem("min must be a whole number, 0 or more")
    g.min = 0
  end
  if g.max ~= nil and (math.type(g.max) ~= "integer" or g.max < math.max(1, g.min)) then
    problem("max must be a whole number, at least min and at least 1")
    g.max = nil
  end
  if type(g.form) ~= "table" or #g.form == 0 then
    problem("a group needs form = { elements... }")
    g.form = {}
  end
  compile_elements(g.form, function(msg) problem("form" .. msg) end, ctx, true)
end

-- Check and normalise ELEMENTS in place; PROBLEM(msg) is called for each problem, msg naming
-- the element ("[3] (table 'whys'): ...").
function compile_elements(elements, problem, ctx, nested)
  local seen = {}
  for i, el in ipairs(elements) do
    local function p(msg)
      problem(string.format("[%d] (%s): %s", i, type(el) == "table" and describe(el) or "?", msg))
    end
    if type(el) ~= "table" then
      problem(string.format("[%d]: expected an element table, got %s", i, type(el)))
    else
      local kind = el.kind or "field"
      if kind ~= "section" then
        if type(el.id) ~= "string" or not el.id:match("^[%a_][%w_]*$") then
          p("an id is required (letters, digits and _)")
        elseif seen[el.id] then
          p("duplicate id (already used by element " .. seen[el.id] .. ")")
        else
          seen[el.id] = i
        end
      end
      if kind == "field" then
        compile_field(el, p, ctx)
      elseif kind == "table" then
        compile_table(el, p, ctx)
      elseif kind == "group" then
        compile_group(el, p, ctx)
      elseif kind == "section" then
        check_keys(el, section_keys, p)
        if type(el.title) ~= "string" then p("a section needs a title") end
        if el.when ~= nil and type(el.when) ~= "function" then p("when must be a function(answers)") end
        if el.on_enter ~= nil and type(el.on_enter) ~= "function" then p("on_enter must be a function(run)") end
      else
        p(string.format("unknown kind '%s' (expected table, group or section, or no kind for a field)",
          tostring(kind)))
      end
    end
  end
  if #elements == 0 and not nested then problem(": the form is empty") end
end

-- Check and normalise a tool declaration; returns a list of problems (strings, each naming
-- the element), empty when the declaration is sound.
function form.compile(decl, id)
  local problems = {}
  local function problem(msg) problems[#problems + 1] = msg end
  if type(decl) ~= "table" then
    return { "the file must return a table (the tool declaration), got " .. type(decl) }
  end
  if decl.id ~= id then
    problem(string.format("id is %s but the file is named %s.lua (they must match)",
      decl.id == nil and "missing" or "'" .. tostring(decl.id) .. "'", id))
  end
  for _, k in ipairs { "title", "stage" } do
    if type(decl[k]) ~= "string" or decl[k] == "" then problem(k .. ": a string is required") end
  end
  for _, k in ipairs { "source", "framework", "summary" } do
    if decl[k] ~= nil and type(decl[k]) ~= "string" then problem(k .. ": must be a string") end
  end
  if type(decl.instructions) == "string" then decl.instructions = { decl.instructions } end
  if decl.instructions ~= nil and type(decl.instructions) ~= "table" then
    problem("instructions: must be a list of strings")
  end
  for _, k in ipairs { "check", "to_plan", "report", "worksheet_title" } do
    if decl[k] ~= nil and type(decl[k]) ~= "function" then problem(k .. ": must be a function") end
  end
  if type(decl.form) ~= "table" then
    problem("form: a list of fields, tables, groups and sections is required")
  else
    compile_elements(decl.form, function(msg) problem("form" .. msg) end, {})
  end
  return problems
end

-- ---- answers ----------------------------------------------------------------------------

local function list_length(v)
  local n = 0
  for k in pairs(v) do
    if math.type(k) ~= "integer" or k < 1 then return nil end
    if k > n then n = k end
  end
  return n
end

local function ids_of(elements)
  local out = {}
  for _, el in ipairs(elements) do
    if el.kind ~= "section" then out[#out + 1] = el.id end
  end
  return out
end

local validate_elements

local function row_labels_text(t, upto)
  local out = {}
  for i = 1, math.min(upto, #t.rows) do out[i] = t.rows[i] end
  return join(out)
end

-- A fixed row's short label for messages: no leading "1." nor trailing ":", at most about 40
-- characters (the NEA's fixed rows are whole sentences).
local function short_row_label(label)
  local s = tostring(label):gsub("^%s*%d+[.)]%s*", ""):gsub("[%s:]+$", "")
  s = s:match("^(.-)[.;]%s") or s
  if #s > 40 then
    local cut = s:sub(1, 41):match("^(.*)%s") or s:sub(1, 40)
    s = cut:gsub("[%s,;:]+$", "") .. "…"
  end
  return s
end

-- The empty fixed rows to fill, by number and short label, as many as are still missing.
local function missing_rows_text(t, rows, missing)
  local out = {}
  for i = 1, #t.rows do
    if #out >= missing then break end
    if not (rows[i] and rows[i].__filled) then
      out[#out + 1] = string.format("row %d (%s)", i, short_row_label(t.rows[i]))
    end
  end
  return table.concat(out, ", ")
end

local function plural(n, word)
  return string.format("%d %s%s", n, word, n == 1 and "" or "s")
end

-- Validate one row of table T; returns the stored row and whether anything was filled.
local function validate_row(t, row, path, st)
  local out, filled = {}, false
  local errs_before = #st.errors
  local pending_required = {}
  for _, c in ipairs(t.columns) do
    local v = row[c.id]
    local value, err, code, unknown = form.coerce(c, v, st.ctx)
    local p = path .. "." .. c.id
    if err then
      st.add(p, err, code, unknown or v)
      filled = true
    elseif value ~= nil then
      out[c.id] = value
      filled = true
    elseif c.required then
      pending_required[#pending_required + 1] = p
    end
  end
  local known = {}
  for _, c in ipairs(t.columns) do known[c.id] = true end
  for k in pairs(row) do
    if not known[k] then
      st.add(path .. "." .. tostring(k), string.format("not a column of %s (columns: %s)", t.label,
        join(ids_of(t.columns))))
    end
  end
  if filled and not st.partial then
    for _, p in ipairs(pending_required) do st.add(p, "required") end
  end
  return out, filled or #st.errors > errs_before
end

local function validate_table(t, v, path, st)
  if v == nil then v = {} end
  local n = type(v) == "table" and list_length(v)
  if not n then
    st.add(path, string.format("expected a list of rows (each with %s)", join(ids_of(t.columns))))
    return nil
  end
  local rows, filled_count = {}, 0
  for r = 1, n do
    local row = v[r]
    local p = string.format("%s[%d]", path, r)
    if row == nil then row = {} end
    if type(row) ~= "table" or (next(row) ~= nil and list_length(row) and #row > 0) then
      st.add(p, string.format("expected a row with columns %s", join(ids_of(t.columns))))
      rows[r] = { __filled = true }
      filled_count = filled_count + 1 -- a row is there, though malformed
    else
      local out, filled = validate_row(t, row, p, st)
      rows[r] = out
      if filled and (not t.max_rows or r <= t.max_rows) then filled_count = filled_count + 1 end
      rows[r].__filled = filled
    end
  end
  local max = t.max_rows
  if max and n > max then
    local extra = 0
    for r = max + 1, n do if rows[r].__filled then extra = extra + 1 end end
    if extra > 0 then
      if t.fixed then
        st.add(string.format("%s[%d]", path, max + 1), string.format("at most %s (%s)",
          plural(max, "row"), row_labels_text(t, max)))
      else
        st.add(string.format("%s[%d]", path, max + 1), string.format("at most %s of %s",
          plural(max, "row"), t.label))
      end
    end
  end
  if not st.partial and filled_count < t.min_rows then
    if t.fixed then
      local missing = missing_rows_text(t, rows, t.min_rows - filled_count)
      if t.min_rows == #t.rows then
        st.add(path, string.format("all %s must be filled, got %d; empty: %s", plural(t.min_rows, "row"),
          filled_count, missing))
      else
        st.add(path, string.format("at least %s must be filled, got %d; empty: %s", plural(t.min_rows, "row"),
          filled_count, missing))
      end
    else
      st.add(path, string.format("at least %s of %s required, got %d", plural(t.min_rows, "row"),
        t.label, filled_count))
    end
  end
  -- stored shape: fixed rows keep their positions (trailing empty rows dropped); repeated rows
  -- drop empty ones
  local out = {}
  if t.fixed then
    local last = 0
    for r = 1, math.min(n, max) do if rows[r].__filled then last = r end end
    for r = 1, last do rows[r].__filled = nil; out[r] = rows[r] end
  else
    for r = 1, n do
      if rows[r].__filled then rows[r].__filled = nil; out[#out + 1] = rows[r] end
    end
  end
  if #out == 0 then return nil end
  return out
end

local function has_value(t)
  if type(t) ~= "table" then return t ~= nil end
  for _, v in pairs(t) do
    if has_value(v) then return true end
  end
  return false
end

local function validate_group(g, v, path, st)
  if v == nil then v = {} end
  local n = type(v) == "table" and list_length(v)
  if not n then
    st.add(path, string.format("expected a list (one set of answers per %s)", g.label))
    return nil
  end
  local out = {}
  for i = 1, n do
    local set = v[i]
    local p = string.format("%s[%d]", path, i)
    if set == nil or (type(set) == "table" and not has_value(set)) then
      -- an empty set is no set
    elseif type(set) ~= "table" then
      st.add(p, string.format("expected the answers for one %s", g.label))
    else
      out[#out + 1] = validate_elements(g.form, set, p .. ".", st, g.label)
    end
  end
  if g.max and #out > g.max then
    st.add(string.format("%s[%d]", path, g.max + 1), string.format("at most %d (%s)", g.max, g.label))
  end
  if not st.partial and #out < g.min then
    st.add(path, string.format("at least %d required (%s), got %d", g.min, g.label, #out))
  end
  if #out == 0 then return nil end
  return out
end

function validate_elements(elements, input, prefix, st, what)
  local out = {}
  if type(input) ~= "table" then
    st.add(prefix:gsub("%.$", ""), "expected a set of answers (an object), got " .. type(input))
    return out
  end
  local known = {}
  for _, el in ipairs(elements) do
    if el.kind ~= "section" then
      known[el.id] = true
      local path = prefix .. el.id
      local v = input[el.id]
      if el.kind == "field" then
        local value, err, code, unknown = form.coerce(el, v, st.ctx)
        if err then
          st.add(path, err, code, unknown or v)
        elseif value == nil and el.required and not st.partial then
          st.add(path, "required")
        else
          out[el.id] = value
        end
      elseif el.kind == "table" then
        out[el.id] = validate_table(el, v, path, st)
      elseif el.kind == "group" then
        out[el.id] = validate_group(el, v, path, st)
      end
    end
  end
  local unknown = {}
  for k in pairs(input) do
    if not known[k] then unknown[#unknown + 1] = tostring(k) end
  end
  table.sort(unknown)
  for _, k in ipairs(unknown) do
    st.add(prefix .. k, string.format("not a field of %s (fields: %s)", what or "this tool",
      join(ids_of(elements))))
  end
  return out
end

-- Validate ANSWERS against the compiled declaration DECL.
-- opts.partial: skip "required" and minimum counts (a draft, or answers still being typed);
-- opts.ctx: { new_people = { [lower name] = true } } names accepted though not yet known.
-- Returns the stored answers and a list of errors { path =, message =, code = }.
function form.validate(decl, answers, opts)
  opts = opts or {}
  local st = { errors = {}, partial = opts.partial, ctx = opts.ctx or {} }
  function st.add(path, message, code, input)
    st.errors[#st.errors + 1] = { path = path, message = message, code = code, input = input }
  end
  local out = validate_elements(decl.form, answers or {}, "", st)
  return out, st.errors
end

function form.format_error(e)
  if e.path == nil or e.path == "" then return e.message end
  return e.path .. ": " .. e.message
end

return form
