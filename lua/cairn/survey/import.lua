-- cairn.survey.import: getting responses in. Lua reads the header, works out the export style
-- and what each column is (policy, wording); cairn.surveycore streams and validates the rows
-- (mechanism). Every error reads FILE:LINE:COLUMN (header): "value": what was expected, and the
-- whole import is one transaction, so a bad file stores nothing.
local ws = require "cairn.workspace"
local core = require "cairn.surveycore"
local csv = require "cairn.csv"
local host = require "cairn.host"
local model = require "cairn.survey.model"

local M = {}
local norm = model.norm

local function fail(fmt, ...) error(string.format(fmt, ...), 0) end

-- Export columns that are not answers. Kept out of storage; identifying ones also out of the
-- row fingerprint, so an anonymous wave keeps nothing derived from them.
local metadata = {}
for _, h in ipairs { "timestamp", "start date", "end date", "startdate", "enddate", "submitdate",
  "submit date", "date submitted", "datestamp", "status", "progress", "duration (in seconds)",
  "finished", "recorded date", "recordeddate", "distribution channel", "distributionchannel",
  "user language", "userlanguage", "lastpage", "last page", "startlanguage", "start language",
  "seed", "refurl", "referrer url", "date last action", "interviewtime", "total time" } do
  metadata[h] = true
end
local identifying = {}
for _, h in ipairs { "response id", "responseid", "id", "response_id", "respondent id", "token",
  "email", "email address", "e-mail", "ip address", "ipaddress", "recipient email",
  "recipientemail", "recipient first name", "recipientfirstname", "recipient last name",
  "recipientlastname", "external data reference", "externalreference", "external reference",
  "name", "location latitude", "locationlatitude", "location longitude", "locationlongitude",
  "respondent" } do
  identifying[h] = true
end
M.metadata, M.identifying = metadata, identifying
-- which identifying column becomes the respondent id of a confidential wave, best first
local ref_order = { "respondent id", "response id", "responseid", "response_id", "id", "token",
  "external data reference", "externalreference", "external reference", "email address", "email" }

-- ---- the --map file ------------------------------------------------------------------------

-- A map is { [header text] = target } where target is an item code, an attribute name,
-- "ignore" or "id". From a CSV file with the columns column,target.
function M.read_map(map)
  if map == nil then return {} end
  if type(map) == "table" then
    local out = {}
    for k, v in pairs(map) do out[norm(k)] = v end
    return out
  end
  local r, err = csv.open(map)
  if not r then error(err, 0) end
  local out = {}
  local header = r:read()
  local line = 1
  if not header or norm(header[1] or "") ~= "column" or norm(header[2] or "") ~= "target" then
    r:close()
    fail("%s:1:1: expected the header column,target", map)
  end
  while true do
    local rec, e = r:read()
    if e then r:close(); fail("%s:%d:%d: malformed CSV: expected %s", map, e.line, e.col, e.expected) end
    if not rec then break end
    line = r:line()
    if not (#rec == 1 and rec[1] == "") then
      if #rec ~= 2 or not rec[2]:match("%S") then
        r:close()
        fail("%s:%d:1: expected two fields, the column header and its target", map, line)
      end
      out[norm(rec[1])] = rec[2]:gsub("^%s+", ""):gsub("%s+$", "")
    end
  end
  r:close()
  return out
end

-- ---- header resolution ---------------------------------------------------------------------

local function lookup_tables(inst)
  local by = {}
  local function add(key, item)
    key = norm(key)
    if key ~= "" and not by[key] then by[key] = item end
  end
  for _, item in ipairs(inst.items) do add(item.code, item) end
  for _, item in ipairs(inst.items) do add(item.text, item) end
  for _, item in ipairs(inst.items) do
    for _, a in ipairs(item.aliases or {}) do add(a, item) end
  end
  local attrs = {}
  for i, a in ipairs(inst.attributes) do attrs[norm(a)] = i end
  for name, list in pairs(inst.attribute_aliases or {}) do
    for i, a in ipairs(inst.attributes) do
      if a == name then for _, al in ipairs(list) do attrs[norm(al)] = i end end
    end
  end
  return by, attrs
end

-- Labels accepted for an item's answers: normalised text -> stored code.
function M.labels_for(item)
  local labels = {}
  local function add(k, code)
    k = norm(k)
    if k ~= "" and labels[k] == nil then labels[k] = code end
  end
  if item.scale then
    for i, l in ipairs(item.scale.levels) do add(l.label, i) end
    for i, l in ipairs(item.scale.levels) do
      for _, a in ipairs(l.aliases or {}) do add(a, i) end
    end
    for i, l in ipairs(item.scale.levels) do
      add(tostring(l.value), i)
      if math.type(l.value) == "float" and l.value == math.floor(l.value) then
        add(string.format("%d", l.value), i)
      end
    end
    if item.scale.na then
      add(item.scale.na, 255)
      for _, a in ipairs(item.scale.na_aliases or {}) do add(a, 255) end
    end
  else
    for i, o in ipairs(item.options) do add(o.label, i) end
    for i, o in ipairs(item.options) do
      for _, a in ipairs(o.aliases or {}) do add(a, i) end
    end
    for i in ipairs(item.options) do add(tostring(i), i) end
  end
  for from, to in pairs(item.answer_aliases or {}) do
    local code = labels[norm(to)]
    if code then add(from, code) end
  end
  return labels
end

-- A multi-select answer given as text ("Time; Safety, discipline"), split as the importer splits
-- a cell (src/survey_import.c, set_bits): the option labels and aliases, longest first, where
-- they start the rest of the text and end at a separator (; or ,) or the end; what no label
-- covers is split on separators (option numbers). Returns the list of option codes, or nil and
-- the exact text left over.
local function is_sep(c) return c == ";" or c == "," end
local function is_space(c) return c:match("^%s$") ~= nil end

function M.split_options(item, cell, labels)
  labels = labels or M.labels_for(item)
  local whole = labels[norm(cell)]
  if whole then return { whole } end
  local keys = {}
  for k in pairs(labels) do keys[#keys + 1] = k end
  table.sort(keys, function(x, y)
    if #x ~= #y then return #x > #y end
    return x < y
  end)
  local len = #cell
  local function at(i) return cell:sub(i, i) end
  local function label_at(p, key)
    local i, k = p, 1
    while k <= #key do
      if i > len then return nil end
      local c = at(i)
      if is_space(c) then
        if key:sub(k, k) ~= " " then return nil end
        while i <= len and is_space(at(i)) do i = i + 1 end
      elseif c:lower() ~= key:sub(k, k) then
        return nil
      else
        i = i + 1
      end
      k = k + 1
    end
    local e = i
    while e <= len and is_space(at(e)) do e = e + 1 end
    if e > len or is_sep(at(e)) then return i end
    return nil
  end
  local function longest_at(p)
    for _, key in ipairs(keys) do
      local e = label_at(p, key)
      if e then return labels[key], e end
    end
  end
  local function skip(p)
    while p <= len and (is_space(at(p)) or is_sep(at(p))) do p = p + 1 end
    return p
  end
  local codes = {}
  local p = skip(1)
  while p <= len do
    local code, e = longest_at(p)
    if code then
      codes[#codes + 1] = code
      p = skip(e)
    else
      -- the leftover runs to the next separator after which a label starts
      local stop, nxt = len + 1, len + 1
      for j = p, len do
        if is_sep(at(j)) then
          local q = skip(j)
          if q <= len and longest_at(q) then stop, nxt = j, q; break end
        end
      end
      local bad_from, bad_to
      local a = p
      while a < stop do
        local b = a
        while b < stop and not is_sep(at(b)) do b = b + 1 end
        local part = cell:sub(a, b - 1)
        if part:match("%S") then
          local c = labels[norm(part)]
          if c then codes[#codes + 1] = c
          else bad_from, bad_to = bad_from or a, b - 1 end
        end
        a = b + 1
      end
      if bad_from then
        return nil, (cell:sub(bad_from, bad_to):gsub("^%s+", ""):gsub("%s+$", ""))
      end
      p = nxt
    end
  end
  return codes
end

-- What the cells of ITEM may hold, for error messages.
function M.expected_for(item)
  if item.scale then
    local names, values = {}, {}
    for _, l in ipairs(item.scale.levels) do
      names[#names + 1] = l.label
      values[#values + 1] = tostring(l.value)
    end
    local s = "one of " .. table.concat(names, ", ") .. " (or " .. table.concat(values, ", ") .. ")"
    if item.scale.na then s = s .. ", " .. item.scale.na end
    return s .. ", or a blank"
  elseif item.options then
    local names = {}
    for _, o in ipairs(item.options) do names[#names + 1] = o.label end
    if item.type == "checklist" then
      return "options of " .. item.code .. " separated by ; or , (" .. table.concat(names, ", ") .. ")"
    end
    return "one of " .. table.concat(names, ", ") .. " (or 1-" .. #names .. "), or a blank"
  elseif item.type == "number" then
    local range = ""
    if item.min and item.max then range = string.format(" from %s to %s", item.min, item.max)
    elseif item.min then range = " of at least " .. item.min
    elseif item.max then range = " of at most " .. item.max end
    return "a number" .. range .. ", or a blank"
  end
  return "text"
end

function M.detect_style(header, second, third)
  local h = {}
  for _, x in ipairs(header) do h[norm(x)] = true end
  if third and third[1] and third[1]:match('^%s*{%s*"ImportId"') then return "qualtrics", 3 end
  if h["responseid"] and h["startdate"] and second then return "qualtrics", 3 end
  if h["timestamp"] then return "google", 1 end
  if h["submitdate"] or h["lastpage"] or h["startlanguage"] then return "limesurvey", 1 end
  return "plain", 1
end

-- Plan the columns of FILE for wave W. Returns spec, columns (descriptions), style.
function M.plan(file, w, map)
  local inst = w.inst
  local r, err = csv.open(file)
  if not r then error(err, 0) end
  local rows = {}
  for i = 1, 3 do
    local rec, e = r:read()
    if e then
      r:close()
      local h = rows[1] and rows[1][e.field]
      fail("%s:%d:%d%s: %s: malformed CSV at character %d of line %d: expected %s", file, e.line,
        math.max(e.field, 1), h and (" (" .. h .. ")") or "", M.show_value(e.value), e.col, e.line, e.expected)
    end
    rows[i] = rec
    if not rec then break end
  end
  r:close()
  local header = rows[1]
  if not header or (#header == 1 and header[1] == "") then fail("%s: the file is empty (expected a header row)", file) end
  local style, header_records = M.detect_style(header, rows[2], rows[3])
  local by, attrs = lookup_tables(inst)
  local lay = model.layout(inst)
  local spec = { wave_id = w.id, bytes = lay.bytes, header_records = header_records,
    nattrs = #inst.attributes, columns = {} }
  local described = {}
  local used = {}
  local ref_col, ref_rank
  local function target_of(i)
    local h = header[i]
    local k = norm(h)
    local alt = style == "qualtrics" and rows[2] and rows[2][i] and norm(rows[2][i]) or nil
    for _, key in ipairs { k, alt } do
      if map[key] then
        local t = map[key]
        if t == "ignore" then return { kind = "ignore" } end
        if t == "id" then return { kind = "id" } end
        if attrs[norm(t)] then return { kind = "attr", pos = attrs[norm(t)] } end
        if inst.by_code[t] then return { kind = "item", item = inst.by_code[t] } end
        fail("%s:1:%d (%s): %s (from the map): expected an item code of %s, an attribute (%s), ignore or id",
          file, i, h, M.show_value(t), inst.id, table.concat(inst.attributes, ", "))
      end
    end
    for _, key in ipairs { k, alt } do
      if attrs[key] then return { kind = "attr", pos = attrs[key] } end
      if by[key] then return { kind = "item", item = by[key] } end
    end
    -- "Question [statement]" (Google grids, Qualtrics matrices) and "Q5[SQ001]" (LimeSurvey)
    for _, key in ipairs { h, alt and rows[2][i] or nil } do
      local stem, inner = tostring(key):match("^(.-)%s*%[(.-)%]%s*$")
      if inner then
        local item = by[norm(inner)]
        if item then return { kind = "item", item = item } end
        local parent = by[norm(stem)]
        if parent and parent.type == "checklist" then
          for oi, o in ipairs(parent.options) do
            local names = { o.label, "SQ" .. string.format("%03d", oi), tostring(oi) }
            for _, a in ipairs(o.aliases or {}) do names[#names + 1] = a end
            for _, nm in ipairs(names) do
              if norm(nm) == norm(inner) then return { kind = "option", item = parent, option = oi } end
            end
          end
        end
      end
    end
    if metadata[k] then return { kind = "ignore" } end
    if identifying[k] then return { kind = "id" } end
    return nil
  end
  -- every column that matches nothing is reported in one run, each with its closest match
  local unmatched = {}
  for i, h in ipairs(header) do
    if not target_of(i) then
      local attr_list = #inst.attributes > 0 and table.concat(inst.attributes, ", ") or "none declared"
      unmatched[#unmatched + 1] = string.format("%s:1:%d (%s): %s: expected a question of instrument %s "
        .. "(its code, text or an alias), an attribute (%s), an export column such as Timestamp, or a "
        .. "--map entry (column,target)%s", file, i, h, M.show_value(h), inst.id, attr_list,
        require("cairn.survey.closest").describe(inst, h))
    end
  end
  if #unmatched > 0 then error(table.concat(unmatched, "\n"), 0) end
  for i, h in ipairs(header) do
    local t = target_of(i)
    local col
    if t.kind == "ignore" then
      col = { kind = "ignore" }
      described[i] = { header = h, target = "(not stored)" }
    elseif t.kind == "id" then
      col = { kind = "ignore", fingerprint = false }
      described[i] = { header = h, target = w.mode == "confidential" and "(identifying; not stored)" or "(identifying; dropped: anonymous wave)" }
      if w.mode == "confidential" then
        local rank = #ref_order + 1
        for ri, name in ipairs(ref_order) do if norm(h) == name then rank = ri end end
        if not ref_rank or rank < ref_rank then ref_col, ref_rank = i, rank end
      end
    elseif t.kind == "attr" then
      local key = "attr:" .. t.pos
      if used[key] then
        fail("%s:1:%d (%s): %s: expected each attribute once (%s is already column %d)", file, i, h,
          M.show_value(h), inst.attributes[t.pos], used[key])
      end
      used[key] = i
      col = { kind = "attr", pos = t.pos }
      described[i] = { header = h, target = inst.attributes[t.pos] }
    else
      local item = t.item
      local s = lay.items[model.item_index(inst, item.code)]
      local key = t.kind == "option" and (item.code .. "#" .. t.option) or item.code
      if used[key] or (t.kind ~= "option" and used[item.code .. "#any"]) or (t.kind == "option" and used[item.code]) then
        fail("%s:1:%d (%s): %s: expected each question once (item %s already comes from column %d)",
          file, i, h, M.show_value(h), item.code, used[key] or used[item.code .. "#any"] or used[item.code])
      end
      used[key] = i
      if t.kind == "option" then used[item.code .. "#any"] = i end
      if t.kind == "option" then
        local labels = {}
        for _, yes in ipairs { "y", "yes", "1", "true", "x", norm(item.options[t.option].label) } do
          labels[yes] = t.option
        end
        col = { kind = "bits", offset = s.offset, labels = labels }
        described[i] = { header = h, target = item.code .. " = " .. item.options[t.option].label }
      elseif s.kind == "level" then
        col = { kind = "level", offset = s.offset, labels = M.labels_for(item) }
        described[i] = { header = h, target = item.code }
      elseif s.kind == "bits" then
        col = { kind = "bits", offset = s.offset, labels = M.labels_for(item) }
        described[i] = { header = h, target = item.code }
      elseif s.kind == "number" then
        col = { kind = "number", offset = s.offset, item = item.code, min = item.min, max = item.max }
        described[i] = { header = h, target = item.code }
      else
        col = { kind = "text", offset = s.offset, item = item.code }
        described[i] = { header = h, target = item.code }
      end
      col.item_code = item.code
    end
    spec.columns[i] = col
  end
  if ref_col then
    spec.columns[ref_col] = { kind = "ref" }
    described[ref_col].target = "(respondent id)"
  end
  spec.blank = M.blank_answers(inst)
  return spec, described, style, header
end

-- The answers blob of a respondent who answered nothing: zeros, NaN in number slots.
function M.blank_answers(inst)
  local lay = model.layout(inst)
  local parts = {}
  for _, s in ipairs(lay.items) do
    if s.kind == "number" then parts[#parts + 1] = string.pack("<d", 0 / 0)
    else parts[#parts + 1] = string.rep("\0", s.width) end
  end
  return table.concat(parts)
end

-- A value for a message: quoted, with bytes that are not UTF-8 shown as \xHH; a long value is
-- cut after M.shown_chars characters (a 4 MB field must not become a 4 MB message).
M.shown_chars = 120
function M.show_value(v)
  local out, i = {}, 1
  local shown = 0
  while i <= #v do
    shown = shown + 1
    if shown > M.shown_chars then
      return string.format('"%s..." (cut at %d characters)', table.concat(out), M.shown_chars)
    end
    local ok, cp = pcall(utf8.codepoint, v, i)
    if ok and cp then
      local ch = utf8.char(cp)
      if cp < 32 then ch = (cp == 10 and "\\n") or (cp == 13 and "\\r") or (cp == 9 and "\\t") or string.format("\\x%02X", cp)
      elseif ch == '"' then ch = '\\"' end
      out[#out + 1] = ch
      i = i + #utf8.char(cp)
    else
      out[#out + 1] = string.format("\\x%02X", v:byte(i))
      i = i + 1
    end
  end
  return '"' .. table.concat(out) .. '"'
end

local function error_message(file, e, spec, header, inst)
  local col = spec.columns[e.field]
  local h = header[e.field]
  local where = string.format("%s:%d:%d", file, e.line, e.field)
  local item = col and col.item_code and inst.by_code[col.item_code]
  if e.problem == "csv" then
    return string.format("%s (%s): %s: malformed CSV at character %d of line %d: expected %s", where,
      h or "beyond the last header", M.show_value(e.value), e.col, e.line, e.expected)
  elseif e.problem == "fields" then
    return string.format("%s:%d:%d (%s): row has %d fields: expected %d, one per header column",
      file, e.line, e.field, h or "beyond the last header", e.got_fields, e.expected_fields)
  elseif e.problem == "level" then
    return string.format("%s (%s): %s: expected %s", where, h, M.show_value(e.value), M.expected_for(item))
  elseif e.problem == "option" then
    return string.format("%s (%s): %s: expected %s", where, h, M.show_value(e.value), M.expected_for(item))
  elseif e.problem == "number" or e.problem == "range" then
    return string.format("%s (%s): %s: expected %s", where, h, M.show_value(e.value), M.expected_for(item))
  elseif e.problem == "open" then
    return string.format("%s: %s", file, e.message)
  elseif e.problem == "header" then
    return string.format("%s: expected %d header rows", file, spec.header_records)
  end
  return string.format("%s:%d: %s", file, e.line, e.message or e.problem)
end

-- The date part of an export timestamp: 2026/10/01 8:01 AM, 2026-10-01 08:01:02, 10/1/2026 ...
function M.date_of(v)
  local y, m, d = tostring(v):match("^%s*(%d%d%d%d)[/-](%d%d?)[/-](%d%d?)")
  if not y then m, d, y = tostring(v):match("^%s*(%d%d?)/(%d%d?)/(%d%d%d%d)") end
  if not y then return nil end
  m, d = tonumber(m), tonumber(d)
  if m < 1 or m > 12 or d < 1 or d > 31 then return nil end
  return string.format("%s-%02d-%02d", y, m, d)
end

local timestamp_columns = { "timestamp", "submitdate", "submit date", "date submitted", "recorded date",
  "recordeddate", "end date", "enddate", "datestamp", "start date", "startdate" }

-- The first and last dates of the export's timestamp column (nil when it has none).
function M.timestamp_span(file, header, header_records)
  local col
  for _, name in ipairs(timestamp_columns) do
    for i, h in ipairs(header) do if not col and norm(h) == name then col = i end end
  end
  if not col then return nil end
  local r = csv.open(file)
  if not r then return nil end
  local first, last
  local n = 0
  while true do
    local rec, e = r:read()
    if e or not rec then break end
    n = n + 1
    if n > (header_records or 1) then
      local d = M.date_of(rec[col] or "")
      if d then
        if not first or d < first then first = d end
        if not last or d > last then last = d end
      end
    end
  end
  r:close()
  return first, last
end

-- Import FILE into WAVE (created for INSTRUMENT when it does not exist yet). OPTS.progress, a
-- function(rows, bytes_read), is called every few thousand rows (a progress line).
function M.import(opts)
  if type(opts) ~= "table" or type(opts.file) ~= "string" then
    fail("survey.import: expected { file = \"responses.csv\", wave = \"2026 fall\" [, instrument =, map =, check = true] }")
  end
  local db = opts.db or ws.db()
  if not host.file_kind(opts.file) then fail("%s: no such file", opts.file) end
  local map = M.read_map(opts.map)
  local result
  local function work()
    local w
    local exists = opts.wave and db:value("SELECT id FROM survey_wave WHERE name = ?", opts.wave)
    if not opts.wave then fail("survey.import: wave is required") end
    if exists then
      w = model.get_wave(opts.wave, db)
      if opts.instrument and opts.instrument ~= w.instrument then
        fail("wave '%s' belongs to instrument %s, not %s", w.name, w.instrument, opts.instrument)
      end
    else
      if not opts.instrument then
        fail("no survey wave '%s'; give the instrument to create it (--instrument ID)", opts.wave)
      end
      w = model.wave({ name = opts.wave, instrument = opts.instrument }, db)
    end
    local spec, described, style, header = M.plan(opts.file, w, map)
    local base = opts.file:match("[^/]*$")
    db:exec("INSERT INTO survey_import(wave_id, source, style, rows, added, imported_at) VALUES (?,?,?,0,0,?)",
      w.id, base, style, require("cairn.date").now())
    spec.import_id = db:last_id()
    spec.layout = model.layout(w.inst) -- the count tables are kept up to date as rows go in
    spec.progress = opts.progress -- function(rows, bytes_read), every few thousand rows
    local res, e = core.import(db, opts.file, spec)
    if not res then error(error_message(opts.file, e, spec, header, w.inst), 0) end
    if res.rows == 0 then
      -- nothing to import: no wave, no import record (the transaction is rolled back)
      fail("%s: no responses (the file has a header but no rows of answers)", opts.file)
    end
    db:exec("UPDATE survey_import SET rows = ?, added = ? WHERE id = ?", res.rows, res.added, spec.import_id)
    if not w.starts and not w.ends then
      -- a wave without dates takes the span of the export's timestamps (never a row's time)
      local first, last = M.timestamp_span(opts.file, header, spec.header_records)
      if first then db:exec("UPDATE survey_wave SET starts = ?, ends = ? WHERE id = ?", first, last, w.id) end
    end
    result = { file = opts.file, wave = w.name, instrument = w.instrument, style = style,
      rows = res.rows, added = res.added, duplicates = res.duplicates, empty = res.empty,
      columns = described, created_wave = not exists or nil, checked = opts.check and true or false }
  end
  if opts.check then
    local tx = db:begin()
    local ok, err = pcall(work)
    tx:rollback()
    if not ok then error(err, 0) end
  else
    db:transaction(work)
  end
  return result
end

function M.recount(w, db)
  core.recount(db, w.id, model.layout(w.inst), #w.inst.attributes)
end

-- Rebuild the count tables of a wave (after changing responses with SQL, say).
function M.recount_wave(name, db)
  db = db or ws.db()
  M.recount(model.get_wave(name, db), db)
end

-- ---- responses given as Lua tables (data entry, tools, tests) -------------------------------

local function attr_code(db, w, pos, value, cache)
  local k = norm(value)
  if k == "" then return 0 end
  cache[pos] = cache[pos] or {}
  if cache[pos][k] then return cache[pos][k] end
  local code
  for r in db:rows("SELECT code, value FROM survey_attr_value WHERE wave_id = ? AND position = ?", w.id, pos) do
    if norm(r.value) == k then code = r.code end
  end
  if not code then
    code = (db:value("SELECT max(code) FROM survey_attr_value WHERE wave_id = ? AND position = ?", w.id, pos) or 0) + 1
    db:exec("INSERT INTO survey_attr_value(wave_id, position, code, value) VALUES (?,?,?,?)", w.id, pos,
      code, (tostring(value):gsub("^%s+", ""):gsub("%s+$", "")))
  end
  cache[pos][k] = code
  return code
end

-- Pack one response (a table keyed by attribute names and item codes) into answers; raises
-- "WHERE: CODE: ..." on a bad value. Returns answers, attrs (list of 8 codes), numbers, texts.
function M.pack(w, resp, where, db, cache, dry)
  local inst = w.inst
  local lay = model.layout(inst)
  local bytes = {}
  for i = 1, lay.bytes do bytes[i] = 0 end
  local numbers, texts = {}, {}
  for k in pairs(resp) do
    if type(k) ~= "string" or (not inst.by_code[k] and not model.attribute_position(inst, k) and k ~= "id") then
      fail("%s: unknown field '%s' (expected an item code of %s or an attribute: %s)", where,
        tostring(k), inst.id, table.concat(inst.attributes, ", "))
    end
  end
  local answered = false
  for idx, item in ipairs(inst.items) do
    local s = lay.items[idx]
    local v = resp[item.code]
    if s.kind == "number" then
      local num = v
      if type(v) == "string" then num = tonumber(v) end
      if v ~= nil and v ~= "" and (type(num) ~= "number" or (item.min and num < item.min) or (item.max and num > item.max)) then
        fail("%s: %s: %q: expected %s", where, item.code, tostring(v), M.expected_for(item))
      end
      local packed = string.pack("<d", (v == nil or v == "") and 0 / 0 or num)
      for b = 1, 8 do bytes[s.offset + b] = packed:byte(b) end
      if v ~= nil and v ~= "" then numbers[item.code] = num; answered = true end
    elseif s.kind == "text" then
      if v ~= nil and tostring(v):match("%S") then
        bytes[s.offset + 1] = 1
        texts[item.code] = tostring(v)
        answered = true
      end
    elseif v ~= nil and v ~= "" then
      local labels = M.labels_for(item)
      if s.kind == "bits" then
        -- a checklist given with nothing ticked ({}) is a returned checklist: store the respondent
        answered = true
        local list = v
        if type(v) ~= "table" then -- text: split as an imported cell is
          local codes, bad = M.split_options(item, tostring(v), labels)
          if not codes then fail("%s: %s: %q: expected %s", where, item.code, bad, M.expected_for(item)) end
          list = codes
        end
        for _, one in ipairs(list) do
          local code = math.type(one) == "integer" and type(v) ~= "table" and one or labels[norm(one)]
          if not code then fail("%s: %s: %q: expected %s", where, item.code, tostring(one), M.expected_for(item)) end
          local b = s.offset + (code - 1) // 8 + 1
          bytes[b] = bytes[b] | (1 << ((code - 1) % 8))
          answered = true
        end
      else
        local code = labels[norm(v)]
        if not code then fail("%s: %s: %q: expected %s", where, item.code, tostring(v), M.expected_for(item)) end
        bytes[s.offset + 1] = code
        answered = true
      end
    end
  end
  local attrs = { 0, 0, 0, 0, 0, 0, 0, 0 }
  for pos, name in ipairs(inst.attributes) do
    local v = resp[name]
    if v ~= nil and not dry then attrs[pos] = attr_code(db, w, pos, tostring(v), cache) end
  end
  local chars = {}
  for i = 1, lay.bytes do chars[i] = string.char(bytes[i]) end
  return table.concat(chars), attrs, numbers, texts, answered
end

-- Add responses given as tables. Each call is one batch with its own fingerprints, so adding
-- the same batch twice adds nothing. Returns { added =, duplicates = }.
function M.add_responses(wave, list, opts)
  opts = opts or {}
  local db = opts.db or ws.db()
  local w = model.get_wave(wave, db)
  local added, dups = 0, 0
  db:transaction(function()
    db:exec("INSERT INTO survey_import(wave_id, source, style, rows, added, imported_at) VALUES (?,?,?,?,0,?)",
      w.id, opts.source or "entry", "lua", #list, require("cairn.date").now())
    local import_id = db:last_id()
    local cache = {}
    local seen = {}
    -- the wave's keys, for the duplicate check (survey_response has no index on them; one
    -- pass, as the recount below makes)
    local keys = {}
    for row in db:rows("SELECT fingerprint FROM survey_response WHERE wave_id = ?", w.id) do
      keys[row.fingerprint] = true
    end
    for i, resp in ipairs(list) do
      local where = (opts.where and opts.where(i)) or ("response " .. i)
      local answers, attrs, numbers, texts, answered = M.pack(w, resp, where, db, cache)
      if answered then
        local ref = w.mode == "confidential" and resp.id and tostring(resp.id) or nil
        local content = answers .. table.concat(attrs, ",") .. (ref or "")
        for _, k in ipairs(model.sorted_keys(texts)) do content = content .. "\31" .. texts[k] end
        local occurrence = seen[content] or 0
        seen[content] = occurrence + 1
        local fp = host.hash(content .. "\30" .. occurrence)
        local key = tonumber(fp:sub(1, 15), 16)
        if not keys[key] then
          keys[key] = true
          db:exec("INSERT INTO survey_response(wave_id, import_id, fingerprint, ref, a1, a2, a3, a4, a5, a6, a7, a8, answers) "
            .. "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,CAST(? AS BLOB))",
            w.id, import_id, key, ref, attrs[1], attrs[2], attrs[3], attrs[4], attrs[5], attrs[6], attrs[7], attrs[8], answers)
          added = added + 1
          local id = db:last_id()
          for code, v in pairs(numbers) do
            db:exec("INSERT INTO survey_number(response_id, item, value) VALUES (?,?,?)", id, code, v + 0.0)
          end
          for code, v in pairs(texts) do
            db:exec("INSERT INTO survey_text(response_id, item, value) VALUES (?,?,?)", id, code, v)
          end
        else
          dups = dups + 1
        end
      end
    end
    db:exec("UPDATE survey_import SET added = ? WHERE id = ?", added, import_id)
    if added > 0 then M.recount(w, db) end
  end)
  return { added = added, duplicates = dups }
end

return M
