-- cairn.survey.draft: `cairn survey draft EXPORT.csv`, an instrument drafted from a form export
-- for the data person to review, edit and then import with. Every guess is stated in the
-- returned notes. Items come from the headers (Qualtrics: the code row and the question row);
-- the scale is the shipped scale whose labels cover every answer found (labels before numbers);
-- checkbox questions are found by cells made of several options (options containing commas are
-- handled as the importer handles them: known options are matched first, longest first); the
-- attribute columns (school, role, grade, ...) are guessed from header wording, or from a
-- handful of distinct values that fit no scale.
local csv = require "cairn.csv"
local model = require "cairn.survey.model"
local import = require "cairn.survey.import"

local M = {}
local norm = model.norm

local function fail(fmt, ...) error(string.format(fmt, ...), 0) end

-- header words that name an attribute, and the attribute name they give
local attribute_words = {
  { "school", "school" }, { "building", "school" }, { "campus", "school" }, { "site", "school" },
  { "role", "role" }, { "position", "role" }, { "job", "role" },
  { "grade", "grade" }, { "department", "department" }, { "subject", "subject" },
  { "years", "experience" }, { "experience", "experience" },
}

local function attribute_name(header)
  local h = norm(header)
  for _, w in ipairs(attribute_words) do
    if h == w[1] or h:find("%f[%a]" .. w[1] .. "%f[%A]") then return w[2] end
  end
  return nil
end

-- The shipped scale that covers every distinct value, preferring labels over numbers.
local scale_order = { "agreement", "agreement5", "frequency", "quality", "rating", "yesno" }
local function guess_scale(values)
  local best
  for _, name in ipairs(scale_order) do
    local ok, scale = pcall(model.scale, name)
    if ok then
      local item = { scale = scale }
      local labels = import.labels_for(item)
      local named = {}
      for _, l in ipairs(scale.levels) do
        named[norm(l.label)] = true
        for _, a in ipairs(l.aliases or {}) do named[norm(a)] = true end
      end
      if scale.na then named[norm(scale.na)] = true end
      for _, a in ipairs(scale.na_aliases or {}) do named[norm(a)] = true end
      local covers, by_label = true, 0
      for v in pairs(values) do
        if labels[v] == nil then covers = false break end
        if named[v] then by_label = by_label + 1 end
      end
      if covers and (not best or by_label > best.by_label) then
        best = { name = name, by_label = by_label }
      end
    end
  end
  return best
end

-- Options of a checkbox column. Cells split on ";" and on a "," with no space after it (how
-- Qualtrics and most tools join picks); a piece holding ", " splits there only when every part
-- is itself a piece seen on its own somewhere (Google Forms joins with ", ", and labels such as
-- "Safety, discipline" contain it). Returns the options and whether any cell held several.
local function checkbox_options(cells)
  local pieces_of, alone = {}, {}
  for _, cell in pairs(cells) do
    local pieces = {}
    for part in (cell .. ";"):gmatch("(.-);") do
      local start = 1
      for i = 1, #part do
        if part:sub(i, i) == "," and not part:sub(i + 1, i + 1):match("%s") then
          pieces[#pieces + 1] = part:sub(start, i - 1)
          start = i + 1
        end
      end
      pieces[#pieces + 1] = part:sub(start)
    end
    local clean = {}
    for _, p in ipairs(pieces) do
      p = p:gsub("^%s+", ""):gsub("%s+$", "")
      if p ~= "" then clean[#clean + 1] = p end
    end
    pieces_of[cell] = clean
    for _, p in ipairs(clean) do alone[norm(p)] = true end
  end
  local options, known, several = {}, {}, false
  local function add(o)
    if not known[norm(o)] then known[norm(o)] = true; options[#options + 1] = o end
  end
  local cells_sorted = {}
  for _, cell in pairs(cells) do cells_sorted[#cells_sorted + 1] = cell end
  table.sort(cells_sorted)
  for _, cell in ipairs(cells_sorted) do
    local picked = {}
    for _, p in ipairs(pieces_of[cell]) do
      local parts, all_alone = {}, true
      for q in (p .. ", "):gmatch("(.-), ") do
        parts[#parts + 1] = q
        if not alone[norm(q)] then all_alone = false end
      end
      if #parts > 1 and all_alone then
        for _, q in ipairs(parts) do picked[#picked + 1] = q end
      else
        picked[#picked + 1] = p
      end
    end
    if #picked > 1 then several = true end
    for _, o in ipairs(picked) do add(o) end
  end
  table.sort(options)
  return options, several
end

-- Read the export: header, the question row (Qualtrics), data rows.
local function read_export(file)
  local r, err = csv.open(file)
  if not r then error(err, 0) end
  local records = {}
  while true do
    local rec, e = r:read()
    if e then
      r:close()
      fail("%s:%d: malformed CSV at character %d: expected %s", file, e.line, e.col, e.expected)
    end
    if not rec then break end
    records[#records + 1] = rec
  end
  r:close()
  if #records == 0 then fail("%s: the file is empty (expected a header row)", file) end
  local style, header_records = import.detect_style(records[1], records[2], records[3])
  local texts = style == "qualtrics" and records[2] or nil
  local data = {}
  for i = header_records + 1, #records do
    local rec = records[i]
    if not (#rec == 1 and rec[1] == "") then data[#data + 1] = rec end
  end
  if #data == 0 then fail("%s: no responses (the file has a header but no rows of answers)", file) end
  return records[1], texts, data, style
end

local function valid_code(s) return type(s) == "string" and s:match("^[%a][%w_.]*$") ~= nil end

-- draft{ file =, id = } -> def (an instrument definition), notes (list of lines), style
function M.draft(opts)
  local file = opts.file
  local header, texts, data, style = read_export(file)
  local id = opts.id or (file:match("([^/]*)$"):gsub("%.[Cc][Ss][Vv]$", ""):gsub("[^%w_.-]", "_"))
  if not id:match("^%a") then id = "survey_" .. id end
  local def = { id = id, version = 1, title = opts.title or id, attributes = {}, attribute_aliases = {},
    sections = { { title = "Questions", items = {} } } }
  local items = def.sections[1].items
  local notes = {}
  local used_codes, used_attrs = {}, {}
  local groups = {} -- LimeSurvey "N1[SQ001]" columns, by stem
  local n = 0
  for col, h in ipairs(header) do
    local k = norm(h)
    local text = texts and texts[col] or h
    local values, distinct, answered = {}, 0, 0
    for _, rec in ipairs(data) do
      local v = rec[col]
      if v and v:match("%S") then
        answered = answered + 1
        local nv = norm(v)
        if not values[nv] then values[nv] = v; distinct = distinct + 1 end
      end
    end
    -- a column of a few values that repeat, answered by most: a category, not free text
    local repeats = distinct >= 1 and distinct <= 12 and answered >= 0.8 * #data and distinct * 2 <= answered
    local stem, inner = tostring(h):match("^(.-)%s*%[(.-)%]%s*$")
    if import.metadata[k] or import.identifying[k] then
      notes[#notes + 1] = string.format("column %d (%s): an export column, not stored", col, h)
    elseif stem and inner and valid_code(stem) and inner:match("^SQ%d+$") then
      local g = groups[stem]
      if not g then
        g = { code = stem, text = stem, type = "checklist", options = {} }
        groups[stem] = g
        items[#items + 1] = g
        used_codes[stem:lower()] = true
      end
      g.options[#g.options + 1] = inner
    else
      local attr = attribute_name(text) or attribute_name(h)
      local scale = distinct > 0 and guess_scale(values) or nil
      local all_numbers = distinct > 0
      for v in pairs(values) do if not tonumber(v) then all_numbers = false end end
      local options, several = checkbox_options(values)
      local words = select(2, norm(text):gsub("%S+", ""))
      local kind
      if attr and not used_attrs[attr] and not (scale and scale.by_label > 0) and not several and words <= 6 then
        kind = "attribute"
      elseif scale and (scale.by_label > 0 or (all_numbers and distinct >= 2)) then
        kind = "scale"
      elseif all_numbers then
        kind = "number"
      else
        if several and #options <= 64 then kind = "checklist"
        elseif not attr and repeats and #def.attributes < model.max_attributes
          and not text:find("[?.]%s*$") then
          attr, kind = k:gsub("[^%w]+", "_"):gsub("^_+", ""):gsub("_+$", ""), "attribute"
          if not attr:match("^%a") then attr = "a_" .. attr end
          if used_attrs[attr] then kind = "choice" end
        elseif repeats then kind = "choice"
        else kind = "text" end
        if kind == "checklist" or kind == "choice" then
          local item = { text = text, type = kind, options = options }
          if kind == "choice" then
            item.options = {}
            for _, v in pairs(values) do item.options[#item.options + 1] = v end
            table.sort(item.options)
          end
          n = n + 1
          local code = valid_code(h) and not used_codes[h:lower()] and h or ("Q" .. n)
          item.code = code
          used_codes[code:lower()] = true
          if texts and valid_code(h) then item.text = text end
          items[#items + 1] = item
          notes[#notes + 1] = string.format("column %d (%s): %s item %s with %d options", col, h, kind, code, #item.options)
          kind = "done"
        end
      end
      if kind == "attribute" then
        def.attributes[#def.attributes + 1] = attr
        used_attrs[attr] = true
        if norm(h) ~= norm(attr) then def.attribute_aliases[attr] = { h } end
        if texts and norm(texts[col]) ~= norm(attr) and norm(texts[col]) ~= norm(h) then
          def.attribute_aliases[attr] = def.attribute_aliases[attr] or {}
          table.insert(def.attribute_aliases[attr], texts[col])
        end
        notes[#notes + 1] = string.format("column %d (%s): attribute %s (%d distinct values)", col, h, attr, distinct)
      elseif kind == "scale" or kind == "number" or kind == "text" then
        n = n + 1
        local code = valid_code(h) and not used_codes[h:lower()] and h or ("Q" .. n)
        used_codes[code:lower()] = true
        local item = { code = code, text = text }
        if kind == "scale" then
          if scale.name == "yesno" then item.type = "yesno" else item.type, item.scale = "scale", scale.name end
          notes[#notes + 1] = string.format("column %d (%s): %s item %s%s", col, h,
            item.type == "yesno" and "yes/no" or (scale.name .. " scale"), code,
            scale.by_label == 0 and " (guessed from numbers only: check the scale)" or "")
        else
          item.type = kind
          notes[#notes + 1] = string.format("column %d (%s): %s item %s", col, h, kind, code)
        end
        if texts and valid_code(h) and norm(text) ~= norm(h) then item.aliases = nil end
        items[#items + 1] = item
      end
    end
  end
  for _, g in pairs(groups) do
    notes[#notes + 1] = string.format("columns %s[...]: checklist item %s with %d options (named by their codes: rename them)",
      g.code, g.code, #g.options)
  end
  if next(def.attribute_aliases) == nil then def.attribute_aliases = nil end
  return def, notes, style
end

-- A Lua literal for a definition (keys sorted, so the file is stable).
local function literal(v, indent)
  indent = indent or ""
  if type(v) == "string" then return string.format("%q", v) end
  if type(v) ~= "table" then return tostring(v) end
  local inner = indent .. "  "
  local parts = {}
  if #v > 0 then
    for _, x in ipairs(v) do parts[#parts + 1] = inner .. literal(x, inner) end
  else
    local keys = {}
    for k in pairs(v) do keys[#keys + 1] = k end
    table.sort(keys)
    for _, k in ipairs(keys) do
      local key = k:match("^[%a_][%w_]*$") and k or ("[" .. string.format("%q", k) .. "]")
      parts[#parts + 1] = inner .. key .. " = " .. literal(v[k], inner)
    end
  end
  if #parts == 0 then return "{}" end
  return "{\n" .. table.concat(parts, ",\n") .. ",\n" .. indent .. "}"
end
M.literal = literal

-- Write the draft as PREFIX.lua (the instrument, to load) and PREFIX.csv (the question bank).
function M.write(def, prefix)
  local inst = model.instrument(def) -- validates; an error here is a drafting bug worth seeing
  local f, err = io.open(prefix .. ".lua", "wb")
  if not f then error(err, 0) end
  f:write("-- Drafted by cairn survey draft: review the items, scales and attributes, then\n"
    .. "-- cairn survey load " .. prefix:match("[^/]*$") .. ".lua\nreturn " .. literal(def) .. "\n")
  f:close()
  require("cairn.survey.bank").save(inst, prefix .. ".csv")
  return inst
end

return M
