-- Relationship Continuum Self-Assessment (002, Prepare: Identify Partners).
--
-- The continuum graphic (its level names, characteristics and order) is missing from the
-- guidebook as printed: only its two top levels survive, "Cooperative" and "Partner", the end a
-- partnership works toward. cairn does not invent the others. A district that has the graphic
-- (or its own continuum) copies this file to tools/relationship_continuum.lua next to its
-- workspace and lists every level below, from the weakest relationship to the strongest; the
-- last two should stay "Cooperative" and "Partner".
local common = require "cairn.tools_common"
local levels = {
  -- "…",          -- add the lower levels of your continuum here, weakest first
  "Cooperative",
  "Partner",
}

-- The levels a relationship should reach (the guidebook's goal).
local goal_levels = { Cooperative = true, Partner = true }

local goal_positions = {}
for i, l in ipairs(levels) do if goal_levels[l] then goal_positions[#goal_positions + 1] = i end end

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
    "The continuum's levels are district-editable: the guidebook names only the top two, "
      .. "Cooperative and Partner. Add your continuum's other levels to the `levels` list at the "
      .. "top of a copy of this tool (`cairn tool copy relationship_continuum`).",
  },
  levels = levels,

  -- team summary (cairn.team): one survey item per partner, on the continuum's levels
  survey = { kind = "rows", table = "relationships", label = "partner", value = "level",
             scale = { levels = levels, favorable = goal_positions } },

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
        { id = "level", label = "Current Relationship Continuum", type = "scale", scale = levels,
          required = true },
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

    -- The previous assessment by the same person or team: movement since then.
    local prev = {}
    local pw = previous_of(w)
    if pw then
      kv[#kv + 1] = { "Compared with", string.format("worksheet %d%s", pw.id,
        pw.answers.date and (" (" .. pw.answers.date .. ")") or "") }
      for _, r in ipairs(pw.answers.relationships or {}) do
        if r.partner then prev[r.partner:lower()] = r.level end
      end
    end
    doc:keyvalue(kv)

    local rows = {}
    local counts = {}
    for _, r in ipairs(a.relationships or {}) do
      local name = levels[r.level] or tostring(r.level)
      counts[r.level] = (counts[r.level] or 0) + 1
      local row = { partner = r.partner, level = name, strengthen = r.strengthen,
                    goal = goal_levels[name] and "yes" or "not yet" }
      local before = prev[(r.partner or ""):lower()]
      if before then
        row.change = before == r.level and "same"
          or string.format("%s from %s", before < r.level and "up" or "down", levels[before] or before)
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
    doc:section("Relationships"):table { columns = cols, rows = rows }

    local data = {}
    for i, l in ipairs(levels) do data[#data + 1] = { label = l, value = counts[i] or 0 } end
    doc:section("Partners per level"):chart { kind = "bar", title = "Partners per continuum level",
      data = data }
  end,

  level_index = level_index,
}
