-- cairn.survey.model: scales, instruments (validated, versioned, stored) and waves.
-- See docs/survey-api.md for the shapes. Wording of every validation error lives here.
local ws = require "cairn.workspace"
local json = require "cairn.json"

local M = {}

-- ---- helpers -------------------------------------------------------------------------------

-- The key used to match labels and headers: trimmed, inner spaces collapsed, lower case.
function M.norm(s)
  s = tostring(s):gsub("^%s+", ""):gsub("%s+$", ""):gsub("%s+", " ")
  return s:lower()
end

local function fail(fmt, ...) error(string.format(fmt, ...), 0) end

local function sorted_keys(t)
  local ks = {}
  for k in pairs(t) do ks[#ks + 1] = k end
  table.sort(ks)
  return ks
end

local copy = require("cairn.util").deep_copy
M.copy = copy

-- ---- scales --------------------------------------------------------------------------------

local scale_cache -- name -> validated scale (shipped file, then define_scale additions)
local defined = {}

local function validate_scale(name, s, where)
  where = where or ("scale '" .. name .. "'")
  if type(s) ~= "table" or type(s.levels) ~= "table" or #s.levels < 2 then
    fail("%s: expected levels = { {label =, value =}, ... } with at least two levels", where)
  end
  if #s.levels > 250 then fail("%s: at most 250 levels", where) end
  local out = { name = name, title = s.title or name, levels = {}, favorable = {}, na = s.na,
    na_aliases = copy(s.na_aliases or {}) }
  local seen_label, seen_value = {}, {}
  for i, l in ipairs(s.levels) do
    if type(l) == "string" then l = { label = l, value = i } end
    if type(l) ~= "table" or type(l.label) ~= "string" or not l.label:match("%S") then
      fail("%s: level %d: expected {label = \"...\", value = number}", where, i)
    end
    local v = l.value == nil and i or l.value
    if type(v) ~= "number" then fail("%s: level %d (%s): value must be a number", where, i, l.label) end
    if seen_label[M.norm(l.label)] then fail("%s: level label '%s' appears twice", where, l.label) end
    if seen_value[v] then fail("%s: level value %s appears twice", where, tostring(v)) end
    seen_label[M.norm(l.label)], seen_value[v] = true, true
    out.levels[i] = { label = l.label, value = v, aliases = copy(l.aliases or {}) }
  end
  for _, v in ipairs(s.favorable or {}) do
    if not seen_value[v] then
      fail("%s: favorable value %s is not one of the level values", where, tostring(v))
    end
    out.favorable[#out.favorable + 1] = v
  end
  table.sort(out.favorable)
  return out
end
M.validate_scale = validate_scale

-- The scales cairn ships (lua/cairn/survey/scales.lua), with a district's
-- cairn/survey/scales.lua (first on the search path) over them: a district file adds scales,
-- replaces one by giving its name, and drops one with `name = false`.
local function load_scales()
  if scale_cache then return scale_cache end
  local paths = require "cairn.paths"
  local trust = require "cairn.trust"
  local builtin = require("cairn.host").datadir() .. "/lua/cairn/survey/scales.lua"
  local merged, origin = {}, {}
  local function take(file, district)
    -- a district's copy is data from anyone: sandboxed unless trusted (cairn.trust)
    local scales = trust.load_data_file(file)
    if type(scales) ~= "table" then fail("%s: expected the file to return a table of scales", file) end
    for name, s in pairs(scales) do
      if district and s == false then
        merged[name], origin[name] = nil, nil
      else
        merged[name], origin[name] = s, file
      end
    end
  end
  take(builtin, false)
  local file = paths.find("cairn/survey/scales.lua")
  if file and file ~= builtin then take(file, true) end
  scale_cache = {}
  for _, name in ipairs(sorted_keys(merged)) do
    scale_cache[name] = validate_scale(name, merged[name], origin[name] .. ": scale '" .. name .. "'")
  end
  for name, s in pairs(defined) do scale_cache[name] = s end
  return scale_cache
end

function M.scales()
  return sorted_keys(load_scales())
end

function M.scale(name)
  if type(name) == "table" then return validate_scale(name.name or "custom", name) end
  local s = load_scales()[name]
  if not s then
    fail("unknown scale '%s' (known: %s)", tostring(name), table.concat(M.scales(), ", "))
  end
  return copy(s)
end

function M.define_scale(def)
  if type(def) ~= "table" or type(def.name) ~= "string" or not def.name:match("^[%a_][%w_]*$") then
    fail("define_scale: expected { name = \"identifier\", levels = {...} }")
  end
  local s = validate_scale(def.name, def)
  defined[def.name] = s
  if scale_cache then scale_cache[def.name] = s end
  return copy(s)
end

-- ---- instruments ---------------------------------------------------------------------------

M.item_types = { scale = true, checklist = true, choice = true, yesno = true, number = true, text = true }
local type_list = "scale, checklist, choice, yesno, number, text"
M.max_attributes = 8

local function options_of(item, where)
  if type(item.options) ~= "table" or #item.options < 1 then
    fail("%s: a %s item needs options = { \"...\", ... }", where, item.type)
  end
  local out, seen = {}, {}
  for i, o in ipairs(item.options) do
    if type(o) == "string" then o = { label = o } end
    if type(o) ~= "table" or type(o.label) ~= "string" or not o.label:match("%S") then
      fail("%s: option %d: expected a label", where, i)
    end
    if seen[M.norm(o.label)] then fail("%s: option '%s' appears twice", where, o.label) end
    seen[M.norm(o.label)] = true
    out[i] = { label = o.label, aliases = copy(o.aliases or {}) }
  end
  if item.type == "checklist" and #out > 64 then fail("%s: at most 64 options", where) end
  if item.type == "choice" and #out > 250 then fail("%s: at most 250 options", where) end
  return out
end

-- Validate an instrument definition; returns a new table with items flattened and indexed.
function M.instrument(def)
  if type(def) ~= "table" then fail("instrument: expected a table") end
  local id = def.id
  if type(id) ~= "string" or not id:match("^[%a][%w_.-]*$") then
    fail("instrument: id must be a name like staff_climate (letters, digits, _ . -)")
  end
  local where0 = "instrument " .. id
  local version = def.version or 1
  if math.type(version) ~= "integer" or version < 1 then
    fail("%s: version must be a whole number >= 1", where0)
  end
  local inst = { id = id, version = version, title = def.title or id, description = def.description,
    attributes = {}, sections = {}, items = {}, by_code = {}, crosswalk = {},
    attribute_aliases = copy(def.attribute_aliases) }
  local seen_attr = {}
  for i, a in ipairs(def.attributes or {}) do
    if type(a) ~= "string" or not a:match("^[%a][%w_]*$") then
      fail("%s: attributes[%d]: expected a name like school or grade_band", where0, i)
    end
    if seen_attr[a:lower()] then fail("%s: attribute '%s' appears twice", where0, a) end
    seen_attr[a:lower()] = true
    inst.attributes[i] = a
  end
  if #inst.attributes > M.max_attributes then
    fail("%s: at most %d attributes", where0, M.max_attributes)
  end
  local sections = def.sections
  if not sections and def.items then sections = { { title = def.title, items = def.items } } end
  if type(sections) ~= "table" or #sections == 0 then
    fail("%s: expected sections = { {title =, items = {...}}, ... } (or items = {...})", where0)
  end
  local aliases_seen = {}
  for si, sec in ipairs(sections) do
    if type(sec) ~= "table" or type(sec.items) ~= "table" then
      fail("%s: sections[%d]: expected items = {...}", where0, si)
    end
    local section = { title = sec.title or ("Section " .. si), items = {} }
    inst.sections[si] = section
    for ii, it in ipairs(sec.items) do
      local where = string.format("%s: sections[%d].items[%d]", where0, si, ii)
      if type(it) ~= "table" then fail("%s: expected a table", where) end
      local code = it.code
      if type(code) ~= "string" or not code:match("^[%a][%w_.]*$") then
        fail("%s: code must be like C1 or safety_1 (a letter, then letters, digits, _ or .)", where)
      end
      where = where0 .. ": item " .. code
      if inst.by_code[code] then fail("%s: code appears twice", where) end
      if seen_attr[code:lower()] then fail("%s: code is also an attribute name", where) end
      if type(it.text) ~= "string" or not it.text:match("%S") then fail("%s: text is required", where) end
      local ty = it.type or (it.scale and "scale") or "scale"
      if not M.item_types[ty] then
        fail("%s: type '%s' is not one of %s", where, tostring(ty), type_list)
      end
      local item = { code = code, text = it.text, type = ty, section = section.title,
        reverse = it.reverse and true or false, aliases = copy(it.aliases or {}),
        min = it.min, max = it.max, help = it.help, answer_aliases = copy(it.answer_aliases) }
      if item.answer_aliases ~= nil and type(item.answer_aliases) ~= "table" then
        fail("%s: answer_aliases must be { [\"other label\"] = \"level or option label\" }", where)
      end
      if ty == "scale" then
        local ok, s = pcall(M.scale, it.scale or "agreement")
        if not ok then fail("%s: %s", where, s) end
        item.scale = s
      elseif ty == "yesno" then
        item.scale = M.scale(it.scale or "yesno")
      elseif ty == "checklist" or ty == "choice" then
        item.options = options_of({ type = ty, options = it.options }, where)
      end
      if item.reverse and ty ~= "scale" then fail("%s: only scale items can be reverse coded", where) end
      if ty == "number" then
        if it.min ~= nil and type(it.min) ~= "number" then fail("%s: min must be a number", where) end
        if it.max ~= nil and type(it.max) ~= "number" then fail("%s: max must be a number", where) end
      end
      for _, a in ipairs(item.aliases) do
        local k = M.norm(a)
        if aliases_seen[k] and aliases_seen[k] ~= code then
          fail("%s: alias '%s' is also used by item %s", where, a, aliases_seen[k])
        end
        aliases_seen[k] = code
      end
      inst.items[#inst.items + 1] = item
      inst.by_code[code] = item
      section.items[#section.items + 1] = code
    end
  end
  for code, prev in pairs(def.crosswalk or {}) do
    if not inst.by_code[code] then
      fail("%s: crosswalk names item %s, which is not in this version", where0, tostring(code))
    end
    if type(prev) ~= "string" then fail("%s: crosswalk[%s]: expected the previous code", where0, code) end
    inst.crosswalk[code] = prev
  end
  for _, item in ipairs(inst.items) do
    if def.previous_codes and def.previous_codes[item.code] then
      inst.crosswalk[item.code] = def.previous_codes[item.code]
    end
  end
  M.layout(inst)
  return inst
end

-- Where each item lives in the answers blob and in the counts blob (see 005_survey.sql).
--   level: 1 byte (0 none, 1..k, 255 n/a); counts: missing, na, c1..ck
--   bits:  ceil(m/8) bytes;               counts: missing, answered, c1..cm
--   number: 8 bytes (double, NaN none);   counts: missing, n, sum, sumsq, min, max
--   text:  1 byte (1 = answered);         counts: missing, n
function M.layout(inst)
  if inst.layout then return inst.layout end
  local off, cell = 0, 0
  local lay = { items = {} }
  for i, item in ipairs(inst.items) do
    local s = { code = item.code, index = i }
    if item.type == "scale" or item.type == "yesno" then
      s.kind, s.width, s.k = "level", 1, #item.scale.levels
      s.cells = 2 + s.k
    elseif item.type == "choice" then
      s.kind, s.width, s.k = "level", 1, #item.options
      s.cells = 2 + s.k
    elseif item.type == "checklist" then
      s.kind, s.k = "bits", #item.options
      s.width = (s.k + 7) // 8
      s.cells = 2 + s.k
    elseif item.type == "number" then
      s.kind, s.width, s.k, s.cells = "number", 8, 0, 6
    else
      s.kind, s.width, s.k, s.cells = "text", 1, 0, 2
    end
    s.offset, s.cell = off, cell
    off, cell = off + s.width, cell + s.cells
    lay.items[i] = s
  end
  lay.bytes, lay.cells = off, cell
  inst.layout = lay
  return lay
end

-- The stored form: everything but the derived indexes.
local function serializable(inst)
  return { id = inst.id, version = inst.version, title = inst.title, description = inst.description,
    attributes = inst.attributes, crosswalk = inst.crosswalk, attribute_aliases = inst.attribute_aliases,
    sections = (function()
      local out = {}
      for si, sec in ipairs(inst.sections) do
        local items = {}
        for _, code in ipairs(sec.items) do
          local it = inst.by_code[code]
          items[#items + 1] = { code = it.code, text = it.text, type = it.type, scale = it.scale,
            options = it.options, reverse = it.reverse or nil, aliases = it.aliases,
            min = it.min, max = it.max, help = it.help, answer_aliases = it.answer_aliases }
        end
        out[si] = { title = sec.title, items = items }
      end
      return out
    end)() }
end

local function same_definition(a, b)
  return json.encode(serializable(a)) == json.encode(serializable(b))
end

-- Store INST (a definition or a validated instrument). Saving the same definition again is a
-- no-op; a changed definition needs a higher version.
function M.save_instrument(def, db)
  db = db or ws.db()
  local inst = def.layout and def or M.instrument(def)
  local latest = db:one("SELECT version, definition FROM survey_instrument WHERE id = ? "
    .. "ORDER BY version DESC LIMIT 1", inst.id)
  if latest then
    if latest.version == inst.version then
      local old = M.from_definition(latest.definition)
      if same_definition(old, inst) then return old end
      fail("instrument %s version %d is already stored with a different definition; "
        .. "save the change as version %d", inst.id, inst.version, inst.version + 1)
    elseif latest.version > inst.version then
      local exists = db:value("SELECT 1 FROM survey_instrument WHERE id = ? AND version = ?",
        inst.id, inst.version)
      if exists then return M.get_instrument(inst.id, inst.version, db) end
      fail("instrument %s: version %d is older than the stored version %d", inst.id,
        inst.version, latest.version)
    end
  end
  db:transaction(function()
    db:exec("INSERT INTO survey_instrument(id, version, title, definition, created_at) "
      .. "VALUES (?, ?, ?, ?, ?)", inst.id, inst.version, inst.title,
      json.encode(serializable(inst)), require("cairn.date").now())
    for i, a in ipairs(inst.attributes) do
      db:exec("INSERT INTO survey_attribute(instrument, version, position, name) VALUES (?,?,?,?)",
        inst.id, inst.version, i, a)
    end
    for _, s in ipairs(inst.layout.items) do
      local item = inst.items[s.index]
      db:exec("INSERT INTO survey_slot(instrument, version, item, kind, offset, width) "
        .. "VALUES (?,?,?,?,?,?)", inst.id, inst.version, item.code, s.kind, s.offset, s.width)
      local function level(code, value, label)
        db:exec("INSERT INTO survey_level(instrument, version, item, code, value, label) "
          .. "VALUES (?,?,?,?,?,?)", inst.id, inst.version, item.code, code, value, label)
      end
      if item.scale then
        for li, l in ipairs(item.scale.levels) do level(li, l.value, l.label) end
        if item.scale.na then level(255, nil, item.scale.na) end
      elseif item.type == "choice" then
        for oi, o in ipairs(item.options) do level(oi, oi, o.label) end
      elseif item.type == "checklist" then
        for oi, o in ipairs(item.options) do
          db:exec("INSERT INTO survey_option(instrument, version, item, position, byte, bit, label) "
            .. "VALUES (?,?,?,?,?,?,?)", inst.id, inst.version, item.code, oi,
            s.offset + (oi - 1) // 8, (oi - 1) % 8, o.label)
        end
      end
    end
  end)
  return inst
end

function M.from_definition(text)
  -- stored scales are full tables, which M.scale validates as given
  return M.instrument(json.decode(text, "stored instrument"))
end

local instrument_cache = setmetatable({}, { __mode = "k" })

function M.get_instrument(id, version, db)
  db = db or ws.db()
  local row
  if version then
    row = db:one("SELECT definition FROM survey_instrument WHERE id = ? AND version = ?", id, version)
  else
    row = db:one("SELECT definition FROM survey_instrument WHERE id = ? ORDER BY version DESC LIMIT 1", id)
  end
  if not row then
    local known = {}
    for r in db:rows("SELECT DISTINCT id FROM survey_instrument ORDER BY id") do known[#known + 1] = r.id end
    if version then fail("no version %s of instrument '%s' in this workspace", tostring(version), tostring(id)) end
    fail("no instrument '%s' in this workspace (known: %s)", tostring(id),
      #known > 0 and table.concat(known, ", ") or "none yet; save one with survey.save_instrument")
  end
  local per_db = instrument_cache[db]
  if not per_db then per_db = {}; instrument_cache[db] = per_db end
  local hit = per_db[row.definition]
  if hit then return hit end
  local inst = M.from_definition(row.definition)
  per_db[row.definition] = inst
  return inst
end

function M.instruments(db)
  db = db or ws.db()
  local out = {}
  for r in db:rows("SELECT id, version, title, definition FROM survey_instrument ORDER BY id, version") do
    local inst = M.from_definition(r.definition)
    out[#out + 1] = { id = r.id, version = r.version, title = r.title, items = #inst.items,
      attributes = inst.attributes }
  end
  return out
end

function M.item_index(inst, code)
  for i, item in ipairs(inst.items) do
    if item.code == code then return i end
  end
  return nil
end

function M.attribute_position(inst, name)
  for i, a in ipairs(inst.attributes) do
    if a == name then return i end
  end
  return nil
end

M.sorted_keys = sorted_keys

-- ---- waves ---------------------------------------------------------------------------------

local function check_date(v, what, where)
  if v == nil then return nil end
  if type(v) ~= "string" or not v:match("^%d%d%d%d%-%d%d%-%d%d$") then
    fail("%s: %s '%s' is not a date (expected YYYY-MM-DD)", where, what, tostring(v))
  end
  return v
end

-- What is wrong with a wave's stored roster (survey_wave.roster, JSON text), or nil when it is
-- a JSON object of attribute -> { value -> whole number } naming attributes of INST.
function M.roster_problem(text, inst)
  local roster, err = json.decode(text, "roster")
  if err then return "not valid JSON (" .. err:gsub("^[^:]*:%d+:%d+: ", "") .. ")" end
  local shape = "expected a JSON object of attribute -> { value -> count }"
  if type(roster) ~= "table" then return shape .. ", found " .. tostring(text):sub(1, 40) end
  if roster[1] ~= nil then return shape .. ", found a list" end
  for attr, counts in pairs(roster) do
    local known = false
    for _, a in ipairs(inst and inst.attributes or {}) do if a == attr then known = true end end
    if inst and not known then
      return string.format("names attribute '%s', which instrument %s does not declare", tostring(attr), inst.id)
    end
    if type(counts) ~= "table" or counts[1] ~= nil then
      return string.format("%s: '%s' must map each value to a count", shape, tostring(attr))
    end
    for k, n in pairs(counts) do
      if math.type(n) ~= "integer" and not (type(n) == "number" and n == math.floor(n)) or n < 0 then
        return string.format("%s[%s] is %s, expected a whole number", tostring(attr), tostring(k), tostring(n))
      end
    end
  end
  return nil
end

-- A damaged roster is said, never dropped: dropping it would make the response-rate column
-- vanish from results as if the wave had no roster.
local function wave_roster(r, inst)
  if r.roster == nil then return nil end
  local why = M.roster_problem(r.roster, inst)
  if why then
    fail("survey wave '%s': its stored roster (survey_wave.roster) is damaged: %s; set it again "
      .. "with survey.wave{name = %q, roster = {...}} (cairn check lists damaged data)", r.name, why, r.name)
  end
  return (json.decode(r.roster))
end

local function wave_from_row(r, db)
  if not r then return nil end
  local w = { id = r.id, name = r.name, instrument = r.instrument, version = r.version,
    starts = r.starts, ends = r.ends, audience = r.audience, mode = r.mode }
  w.inst = M.get_instrument(r.instrument, r.version, db)
  w.roster = wave_roster(r, w.inst)
  return w
end

function M.wave(def, db)
  db = db or ws.db()
  if type(def) == "string" then return M.get_wave(def, db) end
  if type(def) ~= "table" or type(def.name) ~= "string" or not def.name:match("%S") then
    fail("wave: expected { name = \"2026 fall\", instrument = \"id\", ... }")
  end
  local where = "wave '" .. def.name .. "'"
  local mode = def.mode or "anonymous"
  if mode ~= "anonymous" and mode ~= "confidential" then
    fail("%s: mode '%s' must be anonymous or confidential", where, tostring(mode))
  end
  check_date(def.starts, "starts", where)
  check_date(def.ends, "ends", where)
  if def.starts and def.ends and def.ends < def.starts then fail("%s: ends before it starts", where) end
  local inst
  if type(def.instrument) == "table" then
    inst = M.save_instrument(def.instrument, db)
  else
    inst = M.get_instrument(def.instrument, def.version, db)
  end
  if def.roster ~= nil then
    if type(def.roster) ~= "table" then fail("%s: roster must be { attribute = { value = count } }", where) end
    for attr, counts in pairs(def.roster) do
      local known = false
      for _, a in ipairs(inst.attributes) do if a == attr then known = true end end
      if not known then fail("%s: roster names attribute '%s', which instrument %s does not declare", where, tostring(attr), inst.id) end
      for k, n in pairs(counts) do
        if math.type(n) ~= "integer" or n < 0 then
          fail("%s: roster.%s[%s] must be a whole number", where, attr, tostring(k))
        end
      end
    end
  end
  local roster = def.roster and json.encode(def.roster) or nil
  local existing = db:one("SELECT * FROM survey_wave WHERE name = ?", def.name)
  if existing then
    if existing.instrument ~= inst.id or existing.version ~= inst.version then
      fail("%s already exists for instrument %s version %d", where, existing.instrument, existing.version)
    end
    local has = db:value("SELECT 1 FROM survey_response WHERE wave_id = ? LIMIT 1", existing.id)
    if has and existing.mode ~= mode then fail("%s has responses; its mode cannot change", where) end
    db:exec("UPDATE survey_wave SET starts = ?, ends = ?, audience = ?, mode = ?, roster = ? WHERE id = ?",
      def.starts, def.ends, def.audience, mode, roster, existing.id)
  else
    db:exec("INSERT INTO survey_wave(name, instrument, version, starts, ends, audience, mode, roster, created_at) "
      .. "VALUES (?,?,?,?,?,?,?,?,?)", def.name, inst.id, inst.version, def.starts, def.ends,
      def.audience, mode, roster, require("cairn.date").now())
  end
  return M.get_wave(def.name, db)
end

function M.get_wave(name, db)
  db = db or ws.db()
  if type(name) == "table" and name.id then return name end
  local r = db:one("SELECT * FROM survey_wave WHERE name = ?", name)
  if not r then
    local known = {}
    for w in db:rows("SELECT name FROM survey_wave ORDER BY name") do known[#known + 1] = w.name end
    fail("no survey wave '%s' (known: %s)", tostring(name),
      #known > 0 and table.concat(known, ", ") or "none yet; create one with survey.wave{...}")
  end
  return wave_from_row(r, db)
end

function M.waves(instrument, db)
  db = db or ws.db()
  local out = {}
  local sql = "SELECT w.*, (SELECT count(*) FROM survey_response r WHERE r.wave_id = w.id) AS responses "
    .. "FROM survey_wave w " .. (instrument and "WHERE instrument = ? " or "")
    .. "ORDER BY coalesce(starts, ''), name"
  local params = instrument and { instrument } or {}
  for r in db:rows(sql, table.unpack(params)) do
    out[#out + 1] = { id = r.id, name = r.name, instrument = r.instrument, version = r.version,
      starts = r.starts, ends = r.ends, audience = r.audience, mode = r.mode,
      responses = r.responses }
  end
  return out
end

function M.delete_wave(name, db)
  db = db or ws.db()
  local w = M.get_wave(name, db)
  db:exec("DELETE FROM survey_wave WHERE id = ?", w.id)
end

return M
