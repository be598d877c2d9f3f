-- Survey results: per school and district-wide, for one wave of any instrument.
--
--   cairn report survey_results --wave "2026 fall"                  the district report
--   cairn report survey_results --wave "2026 fall" --each school    one report per school
--
-- Every number comes from cairn.survey's results API, which suppresses small groups (and the
-- cells that would let someone work them out by subtraction) before this file sees anything:
-- this layout never counts responses itself. Suppressed cells are passed on as suppressed
-- cells, so every output format shows the reason and no value.
local survey = require "cairn.survey"
local host = require "cairn.host"

local BY = "school"            -- the attribute of the per-school pages
local ROLE = "role"            -- the second breakdown shown when the instrument declares it

-- ---- helpers -----------------------------------------------------------------------------------

local function has_attr(inst, name)
  for _, a in ipairs(inst.attributes or {}) do if a == name then return true end end
  return false
end

-- The wave to report: the parameter, or the latest wave that has responses.
local function pick_wave(name)
  if name then return survey.get_wave(name) end
  local latest
  for _, w in ipairs(survey.waves()) do
    if (w.responses or 0) > 0 and not (w.audience or ""):find("^worksheets of ") then latest = w end
  end
  if not latest then error("survey_results: no survey wave with responses yet (survey.waves())", 0) end
  return survey.get_wave(latest.name)
end

-- The wave to compare with: the parameter ("none" for none), else the previous wave of the same
-- instrument (by start date, then name).
local function previous_wave(wave, name)
  if name == "none" then return nil end
  if name then return survey.get_wave(name).name end
  local prev
  for _, w in ipairs(survey.waves(wave.instrument)) do
    if w.name == wave.name then return prev end
    if (w.responses or 0) > 0 then prev = w.name end
  end
  return nil
end

local function suppressed(r) return type(r) == "table" and r.suppressed end
-- Table cells carry a short reason (a matrix of long sentences is unreadable); the table's
-- notes and the "About suppressed results" section say the rest.
local WITHHELD = "withheld, see note"
local WITHHELD_NOTE = "\"" .. WITHHELD .. "\": hidden so that a smaller group cannot be worked "
  .. "out by subtracting the groups shown from the total."
local function short_reason(reason)
  reason = reason or "suppressed"
  if reason:find("^withheld") or reason:find("subtraction") then return WITHHELD end
  return reason
end
local function cell(r) return { suppressed = true, reason = short_reason(r.reason) } end

-- The notes of a table whose cells include withheld ones.
local function with_withheld_note(rows, notes)
  for _, row in ipairs(rows) do
    for _, v in pairs(row) do
      if type(v) == "table" and v.suppressed and v.reason == WITHHELD then
        notes[#notes + 1] = WITHHELD_NOTE
        return notes
      end
    end
  end
  return notes
end
local function hidden(r) return "not shown (" .. (r.reason or "suppressed") .. ")" end

local function pct(x) return x and x / 100 or nil end  -- API percents are 0..100; tables take fractions

local function signed(x, decimals)
  if x == nil then return nil end
  local s = host.format_number(x, decimals)
  if host.round(x, decimals) > 0 then s = "+" .. s end
  return { value = x, display = s }
end

-- First favourable level position of a scale item (the likert chart's split).
local function favorable_from(item)
  local sc = item and item.scale
  if not sc then return nil end
  local fav = {}
  for _, v in ipairs(sc.favorable or {}) do fav[v] = true end
  for i, l in ipairs(sc.levels) do if fav[l.value] then return i end end
  return #sc.levels
end

-- Scale items grouped by their level labels (one likert chart per scale).
local function scale_groups(res, inst)
  local groups, by_key = {}, {}
  for _, it in ipairs(res.items) do
    if it.type == "scale" then
      local key = table.concat(it.levels or {}, "\0")
      local g = by_key[key]
      if not g then
        g = { levels = it.levels, favorable_from = favorable_from(inst.by_code[it.code]), items = {} }
        by_key[key] = g
        groups[#groups + 1] = g
      end
      g.items[#g.items + 1] = it
    end
  end
  return groups
end

local function label_of(it) return it.code .. ". " .. it.text end

-- ---- blocks ------------------------------------------------------------------------------------

-- The likert charts and the item table for one group result (a school, or everyone).
local function item_results(sec, res, inst, group, compared)
  if suppressed(group) then
    sec:callout("note", string.format("Results for %s are not shown: %s.", group.label or "this group",
      group.reason or "too few respondents"), { title = "Suppressed" })
    return
  end
  local groups = scale_groups(res, inst)
  for _, g in ipairs(groups) do
    local data, rows = {}, {}
    for _, it in ipairs(g.items) do
      local r = group.items[it.code]
      if suppressed(r) then
        data[#data + 1] = { label = label_of(it), suppressed = true, reason = short_reason(r.reason) }
        -- (a change column only when there is an earlier wave to compare with)
        rows[#rows + 1] = { item = label_of(it), n = cell(r), fav = cell(r), mean = cell(r),
                            change = compared and cell(r) or nil }
      else
        data[#data + 1] = { label = label_of(it), counts = r.counts, n = r.n }
        local row = { item = label_of(it), n = r.n, fav = pct(r.favorable), mean = r.mean }
        if compared then
          if suppressed(r.change) then row.change = cell(r.change)
          elseif r.change and r.change.favorable then row.change = signed(r.change.favorable, 1)
          else row.change = "—" end
        end
        rows[#rows + 1] = row
      end
    end
    sec:chart { kind = "likert", title = #groups == 1 and "Responses by item"
                  or ("Responses by item: " .. table.concat(g.levels, " / ")),
                levels = g.levels, favorable_from = g.favorable_from, data = data }
    local cols = { { id = "item", label = "Item" },
                   { id = "n", label = "n", format = "integer", align = "right" },
                   { id = "fav", label = "% favorable", format = "percent", decimals = 0, align = "right" },
                   { id = "mean", label = "Mean", format = "number", decimals = 2, align = "right" } }
    if compared then
      cols[#cols + 1] = { id = "change", label = "Change since " .. compared .. " (points)",
                          format = "number", decimals = 1, align = "right" }
    end
    sec:table { caption = "Percent favorable by item", columns = cols, rows = rows,
                notes = with_withheld_note(rows, {}) }
  end
  -- checklist items: ranked options
  for _, it in ipairs(res.items) do
    if it.type == "checklist" then
      local r = group.items[it.code]
      if suppressed(r) then
        sec:paragraph(string.format("%s: not shown (%s).", it.text, r.reason))
      else
        local rows = {}
        for i, o in ipairs(r.ranked or {}) do
          if i > 10 then break end
          rows[#rows + 1] = { rank = i, option = o.option, count = o.count, percent = pct(o.percent) }
        end
        sec:table { caption = it.text, columns = {
            { id = "rank", label = "Rank", format = "integer", align = "right" },
            { id = "option", label = "Area" },
            { id = "count", label = "Checked", format = "integer", align = "right" },
            { id = "percent", label = "% of respondents", format = "percent", decimals = 0, align = "right" } },
          rows = rows, notes = (r.none or 0) > 0 and { string.format("%d of the %d respondents checked "
            .. "none of these (they count in the percentages).", r.none, r.n) } or nil }
      end
    end
  end
end

-- Respondents and response rates of each group of a breakdown (total first).
local function response_table(sec, res, caption)
  local rows = {}
  local function add(g)
    if suppressed(g) then
      rows[#rows + 1] = { group = g.label, respondents = cell(g), rate = cell(g) }
    else
      local rate = g.response_rate
      rows[#rows + 1] = { group = g.label, respondents = g.respondents,
        rate = suppressed(rate) and cell(rate) or rate }
    end
  end
  for _, g in ipairs(res.groups) do add(g) end
  if res.total and not (res.groups[1] and res.groups[1].label == res.total.label) then add(res.total) end
  sec:table { caption = caption, columns = {
      { id = "group", label = "Group" },
      { id = "respondents", label = "Respondents", format = "integer", align = "right" },
      { id = "rate", label = "Response rate", format = "percent", decimals = 0, align = "right" } },
    rows = rows,
    notes = with_withheld_note(rows,
      { "Response rates use the wave's roster counts; blank where no roster count was given." }) }
end

-- Percent favorable of every scale item in every group of a breakdown.
local function favorable_matrix(sec, res, caption)
  local items = {}
  for _, it in ipairs(res.items) do if it.type == "scale" then items[#items + 1] = it end end
  if #items == 0 then return end
  local cols = { { id = "group", label = "Group" } }
  for _, it in ipairs(items) do
    cols[#cols + 1] = { id = it.code, label = it.code, format = "percent", decimals = 0, align = "right" }
  end
  local rows = {}
  for _, g in ipairs(res.groups) do
    local row = { group = g.label }
    for _, it in ipairs(items) do
      local r = not suppressed(g) and g.items[it.code] or g
      row[it.code] = suppressed(r) and cell(r) or pct(r.favorable)
    end
    rows[#rows + 1] = row
  end
  local notes = {}
  for _, it in ipairs(items) do notes[#notes + 1] = it.code .. ": " .. it.text end
  sec:table { caption = caption, columns = cols, rows = rows, notes = with_withheld_note(rows, notes) }
end

local function suppression_notes(sec, min)
  sec:paragraph(string.format("Results for any group with fewer than %d respondents are not "
    .. "shown, in any format. Where hiding one small group would still let it be worked out from "
    .. "the other figures published for this wave (by school, by role, by school and role, the "
    .. "totals), further groups are hidden too. Hidden cells give the reason instead of a number.", min))
end

-- ---- the report --------------------------------------------------------------------------------

-- survey.results, computed once per run: every page of a batch reads the same breakdowns (by
-- school, by school and role), so the first page computes them and the others take their group
-- from ctx.cache. Results are read, never changed, by this file.
local function results_of(ctx, opts)
  local cache = ctx.cache
  if not cache then return survey.results(opts) end
  local by = opts.by
  if type(by) == "table" then by = table.concat(by, "\0") end
  local key = table.concat({ "results", opts.wave, by or "", opts.compare or "" }, "\1")
  local hit = cache[key]
  if not hit then
    local ok, res = pcall(survey.results, opts)
    hit = { ok = ok, res = res }
    cache[key] = hit
  end
  if not hit.ok then error(hit.res, 0) end
  return hit.res
end

local function schools(params)
  local ok, wave = pcall(pick_wave, params and params.wave)
  if not ok then return {} end
  local inst = survey.get_instrument(wave.instrument, wave.version)
  if not has_attr(inst, BY) then return {} end
  local res = survey.results { wave = wave.name, by = BY }
  local out = {}
  for _, g in ipairs(res.groups) do
    if g.key and g.key[BY] ~= nil then out[#out + 1] = g.key[BY] end
  end
  table.sort(out)
  return out
end

return {
  name = "survey_results",
  description = "Survey results per school and district-wide: response rates, diverging stacked "
    .. "bars, percent favorable and change since the last wave, with small groups suppressed",
  params = {
    { name = "wave", type = "string", help = "the survey wave (default: the latest with responses)" },
    { name = "compare", type = "string",
      help = "the wave to compare with (default: the previous wave; none for no comparison)" },
  },
  each = { school = function(_, params) return schools(params) end },

  build = function(ctx)
    local params = ctx.params or {}
    local wave = pick_wave(params.wave)
    local inst = survey.get_instrument(wave.instrument, wave.version)
    local compared = previous_wave(wave, params.compare)
    local school = ctx.group
    if type(school) == "table" then school = school[BY] or school.value end

    local doc = ctx.document { title = school and ("Survey results: " .. school) or "Survey results",
                               subtitle = inst.title .. " · " .. wave.name }
    local kv = { { "Survey", inst.title }, { "Wave", wave.name } }
    if wave.starts then kv[#kv + 1] = { "Dates", wave.starts .. (wave.ends and (" to " .. wave.ends) or "") } end
    if wave.audience then kv[#kv + 1] = { "Audience", wave.audience } end
    kv[#kv + 1] = { "Compared with", compared or "no earlier wave" }
    doc:keyvalue(kv)

    local with_role = has_attr(inst, ROLE)
    if school then
      if not has_attr(inst, BY) then
        error("survey_results: instrument " .. inst.id .. " has no '" .. BY .. "' attribute", 0)
      end
      -- one breakdown by school (with total) so suppression is coordinated across schools
      local res = results_of(ctx, { wave = wave.name, by = BY, compare = compared })
      local group
      for _, g in ipairs(res.groups) do
        if g.key and g.key[BY] == school then group = g end
      end
      if not group then error("survey_results: no responses from school '" .. tostring(school) .. "' in " .. wave.name, 0) end
      if suppressed(group) then
        -- a short document that says so, with a one-row table so every format (CSV too) has it
        local w = doc:section("Withheld")
        w:paragraph(string.format("Results for %s are not shown: %s.", school, group.reason or "suppressed"))
        -- (the reason stays out of the row: a row about a withheld group holds no number at all)
        w:table { id = "withheld", caption = "Withheld",
          columns = { { id = "school", label = "School" }, { id = "status", label = "Status" } },
          rows = { { school = school, status = "withheld" } },
          notes = { string.format("%s: %s (minimum group size %d).", school, group.reason or "suppressed",
            res.min_group_size) } }
        suppression_notes(doc:section("About suppressed results"), res.min_group_size)
        return doc
      end
      local s = doc:section("Response")
      do
        s:keyvalue { { "Respondents", group.respondents },
          { "Response rate", suppressed(group.response_rate) and hidden(group.response_rate)
              or (group.response_rate and (host.format_number(group.response_rate * 100, 0) .. "%") or "no roster count") } }
      end
      item_results(doc:section("Results"), res, inst, group, compared)
      if with_role and not suppressed(group) then
        -- the two-way breakdown, so that suppression is coordinated with every school and role
        local okt, two = pcall(results_of, ctx, { wave = wave.name, by = { BY, ROLE } })
        if not okt then error("survey_results: " .. tostring(two), 0) end
        local cells = { items = two.items, groups = {} }
        for _, g in ipairs(two.groups) do
          if g.key and g.key[BY] == school then
            local c = {}
            for k, v in pairs(g) do c[k] = v end
            c.label = tostring(g.key[ROLE] or g.label)
            cells.groups[#cells.groups + 1] = c
          end
        end
        favorable_matrix(doc:section("By role"), cells, "Percent favorable by role")
      end
      suppression_notes(doc:section("About suppressed results"), res.min_group_size)
      return doc
    end

    -- district
    local total = results_of(ctx, { wave = wave.name, compare = compared })
    local tg = total.total or total.groups[1]
    local s = doc:section("District")
    s:keyvalue { { "Respondents", suppressed(tg) and hidden(tg) or tg.respondents } }
    item_results(s, total, inst, tg, compared)
    if has_attr(inst, BY) then
      local res = results_of(ctx, { wave = wave.name, by = BY })
      local b = doc:section("By school")
      response_table(b, res, "Respondents and response rates by school")
      favorable_matrix(b, res, "Percent favorable by school")
    end
    if with_role then
      local res = results_of(ctx, { wave = wave.name, by = ROLE })
      local b = doc:section("By role")
      response_table(b, res, "Respondents by role")
      favorable_matrix(b, res, "Percent favorable by role")
    end
    suppression_notes(doc:section("About suppressed results"), total.min_group_size)
    return doc
  end,
}
