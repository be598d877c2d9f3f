-- cairn.survey.bank: instruments as a CSV "question bank" a non-programmer edits in a
-- spreadsheet. One row per item; the columns are below (any order; only code and text are
-- required). Lists inside a cell (options, aliases, attributes) are separated by "|"; an
-- attribute may carry the other header texts it goes by: "school = What school?; Building".
local csv = require "cairn.csv"
local model = require "cairn.survey.model"
local text = require "cairn.text"

local M = {}

M.columns = { "instrument", "version", "title", "attributes", "section", "code", "text", "type",
  "scale", "options", "reverse", "aliases", "previous_code", "min", "max" }
local known = {}
for _, c in ipairs(M.columns) do known[c] = true end

local function fail(fmt, ...) error(string.format(fmt, ...), 0) end

local function split(s)
  local out = {}
  if not s or not s:match("%S") then return out end
  for part in (s .. "|"):gmatch("(.-)|") do
    part = part:gsub("^%s+", ""):gsub("%s+$", "")
    if part ~= "" then out[#out + 1] = part end
  end
  return out
end

local truthy = { yes = true, y = true, ["true"] = true, ["1"] = true, x = true }
local falsy = { no = true, n = true, ["false"] = true, ["0"] = true, [""] = true }

-- Read PATH into a validated instrument (not stored; survey.save_instrument stores it).
function M.load(path)
  local r, err = csv.open(path)
  if not r then error(err, 0) end
  local function bad(line, col, header, value, expected)
    r:close()
    fail("%s:%d:%d (%s): %q: expected %s", path, line, col, header, value, expected)
  end
  local header, e = r:read()
  if e then r:close(); fail("%s:%d:%d: malformed CSV: expected %s", path, e.line, e.col, e.expected) end
  if not header then r:close(); fail("%s: the file is empty (expected a header row: code,text,...)", path) end
  local col = {}
  for i, h in ipairs(header) do
    local k = model.norm(h):gsub(" ", "_")
    if not known[k] then
      bad(1, i, h, h, "one of the bank columns " .. table.concat(M.columns, ", "))
    end
    if col[k] then bad(1, i, h, h, "each column once") end
    col[k] = i
  end
  for _, need in ipairs { "code", "text" } do
    if not col[need] then r:close(); fail("%s:1: missing the column '%s'", path, need) end
  end
  local def = { sections = {}, crosswalk = {} }
  local section_of = {}
  local lines = {}
  while true do
    local rec, e2 = r:read()
    if e2 then r:close(); fail("%s:%d:%d: malformed CSV: expected %s", path, e2.line, e2.col, e2.expected) end
    if not rec then break end
    local line = r:line()
    if not (#rec == 1 and rec[1] == "") then
      if #rec ~= #header then
        bad(line, math.min(#rec, #header) + (#rec > #header and 1 or 0), "row", tostring(#rec) .. " fields",
          #header .. " fields, one per header column")
      end
      local function get(name)
        local i = col[name]
        if not i then return nil end
        local v = rec[i]:gsub("^%s+", ""):gsub("%s+$", "")
        if v == "" then return nil end
        return v, i
      end
      for _, k in ipairs { "instrument", "title" } do
        local v = get(k)
        if v and not def[k == "instrument" and "id" or k] then def[k == "instrument" and "id" or k] = v end
      end
      local v, vi = get("version")
      if v and not def.version then
        local n = math.tointeger(tonumber(v))
        if not n or n < 1 then bad(line, vi, header[vi], v, "a whole number >= 1") end
        def.version = n
      end
      local attrs = get("attributes")
      if attrs and not def.attributes then
        -- "school = What school do you work at?; Building|role": an attribute, then the other
        -- header texts it goes by (so an import needs no --map for them)
        def.attributes = {}
        for _, entry in ipairs(split(attrs)) do
          local name, rest = entry:match("^(.-)%s*=%s*(.*)$")
          name = name or entry
          def.attributes[#def.attributes + 1] = name
          if rest then
            def.attribute_aliases = def.attribute_aliases or {}
            local list = {}
            for a in (rest .. ";"):gmatch("(.-);") do
              a = a:gsub("^%s+", ""):gsub("%s+$", "")
              if a ~= "" then list[#list + 1] = a end
            end
            def.attribute_aliases[name] = list
          end
        end
      end
      local code, ci = get("code")
      if not code then bad(line, col.code, header[col.code], "", "an item code such as C1") end
      if not code:match("^[%a][%w_.]*$") then
        bad(line, ci, header[ci], code, "an item code: a letter, then letters, digits, _ or .")
      end
      lines[code] = line
      local item = { code = code, text = get("text") }
      if not item.text then bad(line, col.text, header[col.text], "", "the question text") end
      local ty, ti = get("type")
      if ty then
        ty = ty:lower()
        if ty == "multi-select" or ty == "multiselect" or ty == "multi" then ty = "checklist" end
        if ty == "single choice" or ty == "single" then ty = "choice" end
        if ty == "yes/no" then ty = "yesno" end
        if ty == "open" or ty == "open text" then ty = "text" end
        if not model.item_types[ty] then
          bad(line, ti, header[ti], ty, "one of scale, checklist, choice, yesno, number, text")
        end
        item.type = ty
      end
      local sc, si = get("scale")
      if sc then
        local ok = pcall(model.scale, sc)
        if not ok then bad(line, si, header[si], sc, "one of the scales " .. table.concat(model.scales(), ", ")) end
        item.scale = sc
      end
      local opts = get("options")
      if opts then item.options = split(opts) end
      local rv, ri = get("reverse")
      if rv then
        if truthy[rv:lower()] then item.reverse = true
        elseif not falsy[rv:lower()] then bad(line, ri, header[ri], rv, "yes or no") end
      end
      local al = get("aliases")
      if al then item.aliases = split(al) end
      local pc = get("previous_code")
      if pc then def.crosswalk[code] = pc end
      for _, k in ipairs { "min", "max" } do
        local x, xi = get(k)
        if x then
          item[k] = tonumber(x)
          if not item[k] then bad(line, xi, header[xi], x, "a number") end
        end
      end
      local sname = get("section") or "Questions"
      local sec = section_of[sname]
      if not sec then
        sec = { title = sname, items = {} }
        section_of[sname] = sec
        def.sections[#def.sections + 1] = sec
      end
      sec.items[#sec.items + 1] = item
    end
  end
  r:close()
  if #def.sections == 0 then fail("%s: no items (expected one row per item)", path) end
  def.id = def.id or path:match("([^/]+)%.[^.]*$"):gsub("[^%w_.-]", "_")
  if not def.id:match("^%a") then def.id = "bank_" .. def.id end
  local ok, inst = pcall(model.instrument, def)
  if not ok then
    -- point at the item's row when the message names one
    local code = tostring(inst):match("item ([%w_.]+)")
    if code and lines[code] then fail("%s:%d: %s", path, lines[code], inst) end
    fail("%s: %s", path, inst)
  end
  return inst
end

-- The attributes cell: "school = What school do you work at?; Building|role".
local function attribute_cell(inst)
  local parts = {}
  for i, a in ipairs(inst.attributes) do
    local al = (inst.attribute_aliases or {})[a]
    parts[i] = (al and #al > 0) and (a .. " = " .. table.concat(al, "; ")) or a
  end
  return table.concat(parts, "|")
end

-- Write INST (an instrument or an id in the workspace) to PATH as a bank.
function M.save(inst, path)
  if type(inst) == "string" then inst = model.get_instrument(inst) end
  if not inst.layout then inst = model.instrument(inst) end
  local rows = {}
  local prev = {}
  for k, v in pairs(inst.crosswalk or {}) do prev[k] = v end
  for i, item in ipairs(inst.items) do
    local options
    if item.options then
      local o = {}
      for k, x in ipairs(item.options) do o[k] = x.label end
      options = table.concat(o, "|")
    end
    rows[#rows + 1] = {
      i == 1 and inst.id or nil, i == 1 and inst.version or nil, i == 1 and inst.title or nil,
      i == 1 and attribute_cell(inst) or nil,
      item.section, item.code, item.text, item.type,
      item.type == "scale" and item.scale.name or nil, options, item.reverse and "yes" or nil,
      #item.aliases > 0 and table.concat(item.aliases, "|") or nil, prev[item.code], item.min, item.max }
  end
  local data = text.csv(M.columns, rows)
  if path then
    local f, err = io.open(path, "wb")
    if not f then error(err, 0) end
    f:write(data)
    f:close()
  end
  return data
end

return M
