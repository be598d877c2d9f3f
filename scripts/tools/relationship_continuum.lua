-- Relationship Continuum Self-Assessment (002, Prepare: Identify Partners).
--
-- The continuum graphic (its level names, characteristics and order) is missing from the
-- guidebook as printed: only its two top levels survive, "Cooperative" and "Partner", the end a
-- partnership works toward. The levels come from cairn/relationship_continuum.lua along the
-- search path (cairn.continuum): cairn ships a default continuum, marked as cairn's in every
-- report; a district puts its own file beside its workspace. Each partner's level is stored by
-- its label, so a district changing the levels does not change what old worksheets say (those
-- that stored a position, before labels, are read against the guidebook's two levels).
local common = require "cairn.tools_common"
local continuum = require "cairn.continuum"
local C = continuum.read()
local levels = C.levels

-- The levels a relationship should reach (the guidebook's goal: Cooperative and Partner).
local goal_levels = C.goal

local goal_positions = {}
for i, l in ipairs(levels) do if goal_levels[l] then goal_positions[#goal_positions + 1] = i end end

local level_choices = {}
for i, l in ipairs(levels) do level_choices[i] = { value = l, label = l } end

-- Whose levels these are, for the report.
local function levels_note()
  if C.ours then
    return "cairn's default continuum: the guidebook's graphic is missing and names only "
      .. "Cooperative and Partner; a district sets its own in " .. continuum.file
  end
  return C.source
end

-- The latest earlier worksheet of this tool by the same assessor (or the same team session),
-- dated before W (or saved before it when undated): re-assessment shows movement.
local function previous_of(w)
  local a = w.answers
  local who = (a.assessed_by or a.session or ""):lower()
  local ok, list = pcall(function() return require("cairn.tool.worksheet").list { tool = "relationship_continuum" } end)
  if not ok then return nil end
  local best
  for _, o in ipairs(list) do
    local oa = o.answers or {}
    local earlier = (a.date and oa.date and oa.date < a.date) or (not (a.date and oa.date) and o.id < w.id)
    if o.id ~= w.id and earlier and (oa.assessed_by or oa.session or ""):lower() == who then
      if not best or (oa.date or "") > (best.answers.date or "") or
         ((oa.date or "") == (best.answers.date or "") and o.id > best.id) then best = o end
    end
  end
  return best
end

local function level_index(name)
  for i, l in ipairs(levels) do if l == name then return i end end
  return nil
end

return {
  id = "relationship_continuum",
  title = "Relationship Continuum Self-Assessment",
  source = "NEA, Collaborating for Student Success (draft, October 2019)",
  stage = "Prepare: Identify Partners",
  framework = "NEA",
  kind = "self-assessment",
  summary = "Place each working relationship on the relationship continuum and brainstorm how to "
    .. "move it toward Cooperative or Partner.",
  instructions = {
    "This tool can help you consider the nature of your working relationships and understand how "
      .. "you might work to improve them, so that they fall into the \"Cooperative\" or \"Partner\" "
      .. "category.",
    "Consider the stakeholders in your system, and assess your relationship with them using the "
      .. "continuum. Where do you believe the relationships fall? Place your answers in the first "
      .. "two columns of the table on the next page.",
    "As your collaboration progresses, consider which characteristics you and your partners "
      .. "need to attend to in order to move towards *Cooperative* and *Partner*. Brainstorm ways "
      .. "that you might strengthen your relationship and put your thoughts in the last column of "
      .. "the table.",
    "The continuum's levels are the district's to set: the guidebook names only the top two, "
      .. "Cooperative and Partner, and cairn ships a default continuum below them ("
      .. table.concat(levels, ", ") .. "). List your own, weakest first, in "
      .. continuum.file .. " beside the workspace.",
  },
  levels = levels,

  -- team summary (cairn.team): one survey item per partner, on the continuum's levels
  survey = { kind = "rows", table = "relationships", label = "partner", value = "level",
             scale = { levels = levels, favorable = goal_positions },
             -- a stored level (a label; a position in worksheets from before labels) -> its
             -- position on the continuum in use, nil when the continuum has no such level
             position = function(v) return continuum.position(C, v) end },

  worksheet_title = function(a)
    return "Relationship continuum" .. (a.assessed_by and (": " .. a.assessed_by) or "")
      .. (a.date and (" (" .. a.date .. ")") or "")
  end,

  form = {
    { id = "assessed_by", type = "text", label = "Assessed by (optional)",
      help = "you, or your team; team summaries never show names" },
    { id = "session", type = "text", label = "Team session (optional)",
      help = "Members who assess together use the same name, e.g. \"Fall 2026\"." },
    { id = "date", type = "date", label = "Date of this assessment" },
    { kind = "table", id = "relationships", label = "Relationships", min_rows = 1,
      row_label = "Partner",
      columns = {
        { id = "partner", label = "Potential Partner", type = "text", required = true },
        { id = "level", label = "Current Relationship Continuum", type = "choice",
          choices = level_choices, required = true },
        { id = "strengthen", label = "How to Strengthen", type = "longtext" },
      } },
  },

  check = function(a, c)
    common.check_unique(c, "relationships", a.relationships, "partner", function(v, first)
      return string.format("'%s' is already row %d; assess each partner once", v, first)
    end)
  end,

  report = function(w, doc)
    local a = w.answers
    local kv = {}
    if a.assessed_by then kv[#kv + 1] = { "Assessed by", a.assessed_by } end
    if a.session then kv[#kv + 1] = { "Team session", a.session } end
    if a.date then kv[#kv + 1] = { "Date", a.date } end
    kv[#kv + 1] = { "Continuum levels", table.concat(levels, " → ") }
    kv[#kv + 1] = { "Levels from", levels_note() }

    -- The previous assessment by the same person or team: movement since then.
    local prev = {}
    local pw = previous_of(w)
    if pw then
      kv[#kv + 1] = { "Compared with", string.format("worksheet %d%s", pw.id,
        pw.answers.date and (" (" .. pw.answers.date .. ")") or "") }
      for _, r in ipairs(pw.answers.relationships or {}) do
        if r.partner then prev[r.partner:lower()] = continuum.label(r.level) end
      end
    end
    doc:keyvalue(kv)

    local rows = {}
    local counts = {}
    local gone = {}
    for _, r in ipairs(a.relationships or {}) do
      local name = continuum.label(r.level) or ""
      local at = continuum.position(C, name)
      if at then
        name = levels[at]
        counts[at] = (counts[at] or 0) + 1
      elseif not gone[name] then
        gone[name] = true
        gone[#gone + 1] = name
      end
      local row = { partner = r.partner, level = at and name or (name .. " *"), strengthen = r.strengthen,
                    goal = goal_levels[name] and "yes" or "not yet" }
      local before = prev[(r.partner or ""):lower()]
      if before then
        local was = continuum.position(C, before)
        if before:lower() == name:lower() then row.change = "same"
        elseif was and at then
          row.change = string.format("%s from %s", was < at and "up" or "down", levels[was])
        else row.change = "from " .. before end
      end
      rows[#rows + 1] = row
    end
    local cols = {
      { id = "partner", label = "Potential Partner" },
      { id = "level", label = "Current Relationship Continuum" },
      { id = "goal", label = "At Cooperative or Partner" },
      { id = "strengthen", label = "How to Strengthen" },
    }
    if next(prev) then table.insert(cols, 3, { id = "change", label = "Since last assessment" }) end
    local notes = #gone > 0 and { "* not a level of the continuum in use (" .. table.concat(levels, ", ")
      .. "): the level as this worksheet recorded it." } or nil
    doc:section("Relationships"):table { columns = cols, rows = rows, notes = notes }

    local data = {}
    for i, l in ipairs(levels) do data[#data + 1] = { label = l, value = counts[i] or 0 } end
    doc:section("Partners per level"):chart { kind = "bar", title = "Partners per continuum level",
      data = data }
  end,

  level_index = level_index,
  continuum = C,

  -- worksheets from before labels stored each level as a position on the guidebook's two
  -- levels: editing one turns them into labels first (cairn.tool.worksheets)
  upgrade_answers = function(a)
    for _, r in ipairs(a.relationships or {}) do r.level = continuum.label(r.level) end
    return a
  end,
}
