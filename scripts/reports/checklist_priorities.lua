-- Checklist priorities: the top areas where schools need to improve, ranked per school and
-- district-wide, from a checklist survey such as NEA's Opportunity Checklist.
--
--   cairn report checklist_priorities --wave "Fall 2026"                 district (association)
--   cairn report checklist_priorities --wave "Fall 2026" --each school   one page per school
--                                                                        (building representatives)
--
-- Checklists entered as opportunity_checklist worksheets are gathered into the wave named by
-- their checklist round first (cairn.team); an imported wave is used as it is. Counts come from
-- cairn.survey.top_areas and respondents from cairn.survey.results, which suppress small schools
-- (and any school whose numbers could be worked out from the district total).
local survey = require "cairn.survey"

local TOOL = "opportunity_checklist"
local BY = "school"

local function suppressed(r) return type(r) == "table" and r.suppressed end

-- Short reasons in table cells; the note says the rest.
local WITHHELD = "withheld, see note"
local WITHHELD_NOTE = "\"" .. WITHHELD .. "\": hidden so that a smaller school cannot be worked "
  .. "out by subtracting the schools shown from the district total."
local function hidden(reason)
  reason = reason or "suppressed"
  if reason:find("^withheld") or reason:find("subtraction") then reason = WITHHELD end
  return { suppressed = true, reason = reason }
end

-- Gather worksheets of the checklist tool into their waves (only waves built from worksheets).
local function sync_worksheets(only)
  local team = require "cairn.team"
  local okl, sessions = pcall(team.sessions, TOOL)
  if not okl then return end
  for _, s in ipairs(sessions) do
    if not only or s.session:lower() == only:lower() then team.sync(TOOL, s.session) end
  end
end

local function checklist_items(inst)
  local out = {}
  for _, it in ipairs(inst.items) do if it.type == "checklist" then out[#out + 1] = it end end
  return out
end

local function pick_wave(name)
  if name then return survey.get_wave(name) end
  local latest
  for _, w in ipairs(survey.waves()) do
    if (w.responses or 0) > 0 then
      local inst = survey.get_instrument(w.instrument, w.version)
      if #checklist_items(inst) > 0 then latest = w end
    end
  end
  if not latest then
    error("checklist_priorities: no wave of a checklist survey has responses yet "
      .. "(run opportunity_checklist, or import checklists with cairn survey import)", 0)
  end
  return survey.get_wave(latest.name)
end

-- Merge the ranked options of every checklist item into one ranking per group. Percents are of
-- the group's respondents (cairn.survey's own percents are of those who answered that item, and
-- a checklist left blank in one category would otherwise shrink its base).
-- Returns { district = {entries} | suppressed, district_all = {entries},
--           groups = { {key, label, ranked, all} | suppressed } }: `ranked` is the top LIMIT
-- areas checked at least once, `all` every area in printed order (the full tally).
local function rankings(wave, inst, by, limit)
  local items = checklist_items(inst)
  -- the Opportunity Checklist's categories label its areas
  local category_of = {}
  if inst.id == TOOL then
    local okt, def = pcall(function() return require("cairn.tool").load(TOOL) end)
    if okt and def.category_of then category_of = def.category_of() end
  end
  if #items == 0 then error("checklist_priorities: instrument " .. inst.id .. " has no checklist item", 0) end
  local base = survey.results { wave = wave.name, by = by, items = { items[1].code } }
  local respondents = {}
  for _, g in ipairs(base.groups) do
    if not suppressed(g) then respondents[g.label] = g.respondents end
  end
  local total_n = not suppressed(base.total) and base.total.respondents or nil
  local district, groups, order = {}, {}, {}
  local district_hidden, district_none
  for ii, it in ipairs(items) do
    local r = survey.top_areas { wave = wave.name, item = it.code, by = by }
    local function add(list, ranked, n)
      for _, o in ipairs(ranked or {}) do
        list[#list + 1] = { option = o.option, count = o.count,
                            share = n and n > 0 and o.count / n or nil,
                            category = category_of[o.option] or it.section or it.text,
                            order = ii * 1000 + (o.position or 0) }
      end
    end
    if suppressed(r.district) then district_hidden = r.district
    else add(district, r.district.ranked, total_n) end
    -- checklists returned with nothing checked (one checklist item: the count is per checklist)
    if #items == 1 and not suppressed(r.district) then district_none = r.district.none end
    for _, g in ipairs(r.groups or {}) do
      local label = g.label or (g.key and tostring(g.key[by]))
      local slot = groups[label]
      if not slot then
        slot = { label = label, key = g.key, ranked = {} }
        groups[label] = slot
        order[#order + 1] = label
      end
      if suppressed(g) then slot.suppressed, slot.reason = true, g.reason
      elseif not slot.suppressed then
        add(slot.ranked, g.ranked, respondents[label])
        if #items == 1 then slot.none, slot.n = g.none, respondents[label] end
      end
    end
  end
  local function printed(list)
    local out = {}
    for i, e in ipairs(list) do out[i] = e end
    table.sort(out, function(a, b) return a.order < b.order end)
    return out
  end
  local function rank(list)
    local sorted = printed(list)
    table.sort(sorted, function(a, b)
      if a.count ~= b.count then return a.count > b.count end
      return a.order < b.order
    end)
    local out = {}
    for i, e in ipairs(sorted) do
      if limit and i > limit then break end
      if e.count > 0 then out[#out + 1] = e end
    end
    return out
  end
  table.sort(order)
  local glist = {}
  for _, label in ipairs(order) do
    local g = groups[label]
    if not g.suppressed then g.all = printed(g.ranked); g.ranked = rank(g.ranked) end
    glist[#glist + 1] = g
  end
  return { district = district_hidden or rank(district), district_none = district_none, total_n = total_n,
           district_all = not district_hidden and printed(district) or nil, groups = glist }
end

local function ranked_table(sec, caption, ranked)
  local rows = {}
  for i, e in ipairs(ranked) do
    rows[i] = { rank = i, area = e.option, category = e.category, count = e.count,
                percent = e.share }
  end
  sec:table { caption = caption, columns = {
      { id = "rank", label = "Rank", format = "integer", align = "right" },
      { id = "area", label = "Area where the school needs to improve" },
      { id = "category", label = "Category" },
      { id = "count", label = "Checked by", format = "integer", align = "right" },
      { id = "percent", label = "% of respondents", format = "percent", decimals = 0, align = "right" } },
    rows = rows }
end

-- Every area in printed order with its count: the tally a building representative or the
-- association compiles, with each category's total number of checks.
local function tally_table(sec, caption, all)
  local rows, by_cat, cats = {}, {}, {}
  for _, e in ipairs(all) do
    rows[#rows + 1] = { category = e.category, area = e.option, count = e.count, percent = e.share }
    if not by_cat[e.category] then by_cat[e.category] = 0; cats[#cats + 1] = e.category end
    by_cat[e.category] = by_cat[e.category] + e.count
  end
  sec:table { caption = caption, columns = {
      { id = "category", label = "Category" },
      { id = "area", label = "Area" },
      { id = "count", label = "Checked by", format = "integer", align = "right" },
      { id = "percent", label = "% of respondents", format = "percent", decimals = 0, align = "right" } },
    rows = rows }
  if #cats > 1 then
    local crow = {}
    for _, c in ipairs(cats) do crow[#crow + 1] = { category = c, checks = by_cat[c] } end
    sec:table { caption = "Checks by category", columns = {
        { id = "category", label = "Category" },
        { id = "checks", label = "Checks", format = "integer", align = "right" } },
      rows = crow, notes = { "A respondent may check several areas of a category: these are "
        .. "checkmarks, not respondents." } }
  end
end

-- Checklists returned blank are respondents too: say how many, since they lower every percent.
local function none_note(sec, none, n)
  if not none or not n or none == 0 then return end
  sec:paragraph(string.format("%d of the %d respondents checked no area; they count in the "
    .. "percentages (\"%% of respondents\").", none, n))
end

local function note(sec, min)
  sec:paragraph(string.format("Schools with fewer than %d checklists are not shown separately "
    .. "(their checklists still count in the district ranking). Where hiding one school would "
    .. "let it be worked out from the district total, another small school is hidden too.", min))
end

return {
  name = "checklist_priorities",
  description = "Top areas where schools need to improve, ranked per school and district-wide, "
    .. "from the Opportunity Checklist (or any checklist survey)",
  params = {
    { name = "wave", type = "string", help = "the checklist round (default: the latest)" },
    { name = "limit", type = "number", default = 5, help = "how many top areas to list" },
  },
  each = { school = function(_, params)
    sync_worksheets(params and params.wave)
    local ok, wave = pcall(pick_wave, params and params.wave)
    if not ok then return {} end
    local res = survey.results { wave = wave.name, by = BY }
    local out = {}
    for _, g in ipairs(res.groups) do if g.key and g.key[BY] then out[#out + 1] = g.key[BY] end end
    table.sort(out)
    return out
  end },

  build = function(ctx)
    local params = ctx.params or {}
    local limit = math.tointeger(tonumber(params.limit or 5)) or 5
    sync_worksheets(params.wave)
    local wave = pick_wave(params.wave)
    local inst = survey.get_instrument(wave.instrument, wave.version)
    local school = ctx.group
    if type(school) == "table" then school = school[BY] or school.value end
    local r = rankings(wave, inst, BY, limit)
    local min = survey.min_group_size and survey.min_group_size() or 5

    local doc = ctx.document { title = school and ("Checklist priorities: " .. school)
                                               or "Checklist priorities",
                               subtitle = inst.title .. " · " .. wave.name }
    doc:keyvalue { { "Checklist", inst.title }, { "Round", wave.name },
                   { "Top areas listed", limit } }

    if school then
      local g
      for _, x in ipairs(r.groups) do if x.key and x.key[BY] == school then g = x end end
      if not g then error("checklist_priorities: no checklists from school '" .. school .. "' in " .. wave.name, 0) end
      local s = doc:section("Top areas at " .. school)
      if g.suppressed then
        s:callout("note", string.format("%s's results are not shown: %s.", school, g.reason),
                  { title = "Suppressed" })
      elseif #g.ranked == 0 then
        s:paragraph("No area was checked.")
      else
        ranked_table(s, "Top areas at " .. school, g.ranked)
        none_note(s, g.none, g.n)
        tally_table(doc:section("Every area at " .. school), "Tally of the checklists from " .. school, g.all)
      end
      local d = doc:section("District-wide, for comparison")
      if suppressed(r.district) then d:paragraph("Not shown: " .. r.district.reason .. ".")
      else ranked_table(d, "Top areas district-wide", r.district) end
      note(doc:section("About suppressed results"), min)
      return doc
    end

    local d = doc:section("District-wide")
    if suppressed(r.district) then
      d:callout("note", "Not shown: " .. r.district.reason .. ".", { title = "Suppressed" })
    else
      ranked_table(d, "Top areas district-wide", r.district)
      none_note(d, r.district_none, r.total_n)
      local bars = {}
      for _, e in ipairs(r.district) do bars[#bars + 1] = { label = e.option, value = e.count } end
      if #bars > 0 then
        d:chart { kind = "bar", title = "Checklists marking each top area", data = bars, format = "integer" }
      end
    end
    if r.district_all then
      tally_table(doc:section("Every area, district-wide"), "Tally of all checklists", r.district_all)
    end
    local s = doc:section("By school")
    local rows = {}
    local any_withheld = false
    for _, g in ipairs(r.groups) do
      if g.suppressed then
        local h = hidden(g.reason)
        if h.reason == WITHHELD then any_withheld = true end
        rows[#rows + 1] = { school = g.label, rank = h, area = h, count = h, percent = h }
      else
        for i, e in ipairs(g.ranked) do
          rows[#rows + 1] = { school = g.label, rank = i, area = e.option, count = e.count,
                              percent = e.share }
        end
      end
    end
    s:table { caption = "Top areas by school", columns = {
        { id = "school", label = "School" },
        { id = "rank", label = "Rank", format = "integer", align = "right" },
        { id = "area", label = "Area" },
        { id = "count", label = "Checked by", format = "integer", align = "right" },
        { id = "percent", label = "% of the school's respondents", format = "percent", decimals = 0,
          align = "right" } },
      rows = rows, notes = any_withheld and { WITHHELD_NOTE } or nil }
    note(doc:section("About suppressed results"), min)
    return doc
  end,
}
