-- cairn.tool.catalog: the tools on the search path in guidebook order (tool.list) and one
-- tool's instructions and form as text (tool.show). Part of cairn.tool.
local host = require "cairn.host"
local paths = require "cairn.paths"
local text = require "cairn.text"
local form = require "cairn.tool.form"
local loader = require "cairn.tool.load"

local M = {}

local framework_order = { WestEd = 1, LEA = 2, NEA = 3, Massachusetts = 4, SFSS = 5 }
local stage_words = { "understanding", "logic", "action", "examine", "prepare", "act", "reflect",
  "create", "align", "implement", "section 1", "section 2" }

local function stage_rank(stage)
  local s = (stage or ""):lower()
  for i, w in ipairs(stage_words) do
    if s:find("%f[%a]" .. w) then return i end
  end
  return #stage_words + 1
end

-- The table fits the terminal by shrinking the stage first (the id and title are what people
-- look for; on a narrow screen the stage is left out); tools{full = true} lists every value
-- whole, one tool per block.
local list_mt = {
  __tostring = function(list)
    if #list == 0 then return "(no tools match)" end
    local rows = {}
    for i, e in ipairs(list) do
      rows[i] = { e.id, e.error and "(cannot load: see tool.load)" or e.title or "", e.stage or "" }
    end
    if rawget(list, "full") then
      local width = host.term_width()
      local blocks = {}
      for i, r in ipairs(rows) do
        blocks[i] = r[1] .. "\n" .. text.wrap(r[2], width, "  ") .. "\n"
          .. text.wrap("stage: " .. r[3], width, "  ")
      end
      return table.concat(blocks, "\n")
    end
    -- too narrow for id, a readable title and the stage: leave the stage out
    local width, idw = host.term_width(), 2
    for _, r in ipairs(rows) do idw = math.max(idw, text.width(r[1])) end
    if idw + 2 + 30 + 2 + 12 > width then
      for _, r in ipairs(rows) do r[3] = nil end
      return (text.table({ "id", "title" }, rows,
        { count = false, max_width = width, keep = { true } }):gsub("\n$", ""))
    end
    return (text.table({ "id", "title", "stage" }, rows,
      { count = false, max_width = width, keep = { true, true }, floor = 24 }):gsub("\n$", ""))
  end,
}

-- Tools on the search path, ordered by framework and stage. FILTER (optional) keeps those
-- whose stage, framework or id contains it (case-insensitive). Each entry: id, title, stage,
-- framework, summary, path, and error when the file cannot be loaded.
function M.list(filter)
  local out = {}
  local want = filter and tostring(filter):lower()
  for _, e in ipairs(paths.list("tools", ".lua")) do
    local ok, T = pcall(loader.load, e.name)
    local entry
    if ok then
      entry = { id = T.id, title = T.title, stage = T.stage, framework = T.framework,
        summary = T.summary, path = T.path, fallback = T.fallback }
    else
      entry = { id = e.name, path = e.path, error = tostring(T), stage = "", title = "" }
    end
    local hay = ((entry.stage or "") .. " " .. (entry.framework or "") .. " " .. entry.id):lower()
    if not want or hay:find(want, 1, true) then out[#out + 1] = entry end
  end
  table.sort(out, function(a, b)
    local fa, fb = framework_order[a.framework] or 9, framework_order[b.framework] or 9
    if fa ~= fb then return fa < fb end
    local sa, sb = stage_rank(a.stage), stage_rank(b.stage)
    if sa ~= sb then return sa < sb end
    if (a.stage or "") ~= (b.stage or "") then return (a.stage or "") < (b.stage or "") end
    return a.id < b.id
  end)
  return setmetatable(out, list_mt)
end

-- wrapping at word boundaries lives in cairn.text (one rule for every terminal output)
local function wrap(s, width, indent)
  return (text.wrap(s, width, indent):gsub("\n+$", ""))
end
M.wrap = wrap

-- A field's type, requirement and limits in words: "date, required", "choice: A, B".
function M.describe_field(f)
  local parts = { form.type_names[f.type] }
  if f.required then parts[#parts + 1] = "required" end
  if f.min or f.max then
    parts[#parts + 1] = f.min and f.max and string.format("%s to %s", f.min, f.max)
      or f.min and ("at least " .. f.min) or ("at most " .. f.max)
  end
  local s = table.concat(parts, ", ")
  if f.choices then
    local labels = {}
    for i, c in ipairs(f.choices) do labels[i] = c.label end
    s = s .. ": " .. table.concat(labels, " | ")
  elseif f.levels then
    s = s .. ": " .. table.concat(f.levels, " | ")
  end
  return s
end

local function show_elements(elements, out, indent, width)
  for _, el in ipairs(elements) do
    if el.kind == "section" then
      out[#out + 1] = ""
      out[#out + 1] = indent .. "== " .. el.title .. " =="
      if el.help then out[#out + 1] = wrap(el.help, width, indent .. "   ") end
    elseif el.kind == "field" then
      out[#out + 1] = string.format("%s%s  [%s] (%s)", indent, el.label, el.id, M.describe_field(el))
      if el.help then out[#out + 1] = wrap(el.help, width, indent .. "    ") end
    elseif el.kind == "table" then
      local limits
      if el.fixed then
        limits = string.format("rows: %s; at least %d filled", table.concat(el.rows, ", "), el.min_rows)
      else
        limits = string.format("repeated rows (%s): %d to %s", el.row_label, el.min_rows,
          el.max_rows and tostring(el.max_rows) or "any number")
      end
      out[#out + 1] = string.format("%sTable: %s  [%s]", indent, el.label, el.id)
      out[#out + 1] = wrap(limits, width, indent .. "    ")
      if el.help then out[#out + 1] = wrap(el.help, width, indent .. "    ") end
      for _, c in ipairs(el.columns) do
        out[#out + 1] = string.format("%s  - %s  [%s] (%s)", indent, c.label, c.id, M.describe_field(c))
      end
    elseif el.kind == "group" then
      out[#out + 1] = string.format("%sRepeated: %s  [%s] (%d to %s)", indent, el.label, el.id, el.min,
        el.max and tostring(el.max) or "any number")
      if el.help then out[#out + 1] = wrap(el.help, width, indent .. "    ") end
      show_elements(el.form, out, indent .. "  ", width)
    end
  end
end

-- The tool's description, instructions and form as readable text.
function M.show(id)
  local T = loader.load(id)
  local width = math.min(host.term_width(), 100) - 2
  local out = { T.title, string.rep("=", math.min(text.width(T.title), width)) }
  out[#out + 1] = "id: " .. T.id .. "    stage: " .. T.stage
    .. (T.framework and ("    framework: " .. T.framework) or "")
  if T.source then out[#out + 1] = "source: " .. T.source end
  out[#out + 1] = "file: " .. T.path .. "  (version " .. T.hash .. ")"
  if T.fallback then
    out[#out + 1] = "not used: " .. T.fallback.path .. " (it has an error; the version above is used)"
  end
  if T.changes then
    out[#out + 1] = "extends: " .. T.base.id .. " (" .. T.base.path .. ")"
  end
  if T.summary then out[#out + 1] = ""; out[#out + 1] = wrap(T.summary, width) end
  if T.instructions and #T.instructions > 0 then
    out[#out + 1] = ""
    out[#out + 1] = "Instructions"
    for i, s in ipairs(T.instructions) do
      out[#out + 1] = wrap(string.format("%d. %s", i, s), width, "  "):gsub("^  ", "  ")
    end
  end
  out[#out + 1] = ""
  out[#out + 1] = "Form"
  show_elements(T.form, out, "  ", width)
  local okx, ex = pcall(require("cairn.tool.examples").find, T.id)
  if okx and ex then
    out[#out + 1] = ""
    for line in (require("cairn.tool.examples").summary(T, ex) .. "\n"):gmatch("([^\n]*)\n") do
      out[#out + 1] = wrap(line, width)
    end
  end
  return table.concat(out, "\n") .. "\n"
end

return M
