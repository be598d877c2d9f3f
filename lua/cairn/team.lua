-- cairn.team: self-assessments taken by several team members, summarised like a survey.
--
-- Members of a team each fill in the same self-assessment tool (collaboration skills, relationship
-- continuum, partnership reflection, decision-making check-in) and give the same `session` name.
-- team.sync turns that session's worksheets into a cairn.survey wave (one respondent per
-- worksheet, no names), so the spread and agreement of the team come from cairn.survey's private
-- analysis: a session with fewer members than the workspace's minimum group size is suppressed
-- like any small survey group. team.summary builds the report document.
--
-- How a tool's answers become survey answers is declared in the tool file (`survey = {...}`):
--   kind = "checks": a multichoice field; one yes/no item per choice (checked = Yes)
--   kind = "rows":   a table with a scale column; one scale item per row label (fixed rows, or the
--                    text of a column such as the partner's name, matched case-insensitively)
--   kind = "instrument": the tool gives instrument(worksheets) and row(answers) itself
-- The wave of a session is named "TOOL: SESSION" (or SESSION for kind = "instrument") and is
-- marked as built from worksheets; a wave that holds imported responses is never replaced.
local survey = require "cairn.survey"

local team = {}

local MARK = "worksheets of "   -- the wave's audience: this wave is rebuilt from worksheets

local function norm(s) return (tostring(s or ""):gsub("%s+", " "):gsub("^ ", ""):gsub(" $", ""):lower()) end

-- The tool declaration (a district's copy first, as the engine finds it).
function team.tool(id)
  return require("cairn.tool").load(id)
end

local function worksheets_of(id)
  return require("cairn.tool.worksheet").list { tool = id }
end

-- Sessions of a tool: { {session =, worksheets = n}, ... } sorted by name.
function team.sessions(id)
  local by, out = {}, {}
  for _, w in ipairs(worksheets_of(id)) do
    local s = w.answers and w.answers.session
    if type(s) == "string" and s:match("%S") then
      local k = norm(s)
      if not by[k] then by[k] = { session = s, worksheets = 0 }; out[#out + 1] = by[k] end
      by[k].worksheets = by[k].worksheets + 1
    end
  end
  table.sort(out, function(a, b) return norm(a.session) < norm(b.session) end)
  return out
end

-- The worksheets of one session, oldest first (stable respondent order).
local function session_worksheets(id, session)
  local list = {}
  for _, w in ipairs(worksheets_of(id)) do
    if w.answers and norm(w.answers.session) == norm(session) then list[#list + 1] = w end
  end
  table.sort(list, function(a, b) return a.id < b.id end)
  return list
end
team.worksheets = session_worksheets

local function choices_of(def, field)
  local function find(elements)
    for _, el in ipairs(elements) do
      if el.id == field then return el end
      if el.form then local f = find(el.form); if f then return f end end
    end
  end
  local f = find(def.form)
  if not f then error(def.id .. ": survey.field '" .. tostring(field) .. "' is not in the form", 0) end
  return f
end

-- The survey scale of a table's scale column: a cairn.survey scale name or a list of labels.
local function scale_of(spec, def)
  if type(spec.scale) == "table" then
    local levels = {}
    for i, l in ipairs(spec.scale.levels or spec.scale) do levels[i] = { label = l, value = i } end
    return { name = def.id, levels = levels, favorable = spec.scale.favorable or {} }
  end
  return spec.scale
end

-- Derived instrument and rows for the generic kinds.
local function derive(def, sheets)
  local spec = def.survey
  if spec.kind == "instrument" then
    local rows = {}
    for i, w in ipairs(sheets) do rows[i] = spec.row(w.answers) end
    return spec.instrument(sheets), rows
  end
  local items, rows = {}, {}
  if spec.kind == "checks" then
    local f = choices_of(def, spec.field)
    for _, ch in ipairs(f.choices) do
      items[#items + 1] = { code = ch.value, text = ch.label, type = "yesno" }
    end
    for i, w in ipairs(sheets) do
      local row, have = {}, {}
      for _, v in ipairs(w.answers[spec.field] or {}) do have[v] = true end
      for _, it in ipairs(items) do row[it.code] = have[it.code] and 1 or 0 end
      rows[i] = row
    end
  elseif spec.kind == "rows" then
    local scale = scale_of(spec, def)
    local codes, order = {}, {}
    local function code_for(label)
      local k = norm(label)
      if not codes[k] then
        order[#order + 1] = label
        codes[k] = string.format("r%02d", #order)
        items[#items + 1] = { code = codes[k], text = label, type = "scale", scale = scale }
      end
      return codes[k]
    end
    if spec.rows then for _, label in ipairs(spec.rows) do code_for(label) end end
    for i, w in ipairs(sheets) do
      local row = {}
      for r, answer in ipairs(w.answers[spec.table] or {}) do
        local label = spec.rows and spec.rows[r] or answer[spec.label]
        -- the survey stores the level's position: a tool whose worksheets store the level by
        -- its label (relationship_continuum) says how to find it (survey.position); a label
        -- the continuum no longer has is left out of the summary
        local value = answer[spec.value]
        if value ~= nil and spec.position then value = spec.position(value) end
        if label and value then
          row[code_for(label)] = value
        end
      end
      rows[i] = row
    end
  else
    error(def.id .. ": survey.kind must be checks, rows or instrument", 0)
  end
  return { id = "team." .. def.id, title = def.title .. " (team)", attributes = {},
           sections = { { title = def.title, items = items } } }, rows
end

local function save_instrument(idef)
  local latest
  for _, i in ipairs(survey.instruments()) do
    if i.id == idef.id and (not latest or i.version > latest.version) then latest = i end
  end
  idef.version = latest and latest.version or 1
  local ok, inst = pcall(survey.save_instrument, idef)
  if ok then return inst end
  if not tostring(inst):find("different definition", 1, true) then error(inst, 0) end
  idef.version = idef.version + 1
  return survey.save_instrument(idef)
end

-- The wave name of a tool's session.
function team.wave_name(id, session)
  local def = team.tool(id)
  if def.survey and def.survey.kind == "instrument" then return session end
  return id .. ": " .. session
end

-- (Re)build the survey wave of a session from its worksheets; returns the wave name and the
-- number of worksheets. Raises when the wave exists but holds imported responses.
function team.sync(id, session)
  local def = team.tool(id)
  if not def.survey then error("tool " .. id .. " has no team summary", 0) end
  local sheets = session_worksheets(id, session)
  if #sheets == 0 then
    local known = {}
    for _, s in ipairs(team.sessions(id)) do known[#known + 1] = s.session end
    error(string.format("no %s worksheets with session '%s' (sessions: %s)", id, session,
      #known > 0 and table.concat(known, ", ") or "none yet"), 0)
  end
  session = sheets[1].answers.session
  local name = team.wave_name(id, session)
  local ok, old = pcall(survey.get_wave, name)
  if ok and old then
    if old.audience ~= MARK .. id then
      error(string.format("survey wave '%s' holds responses that were not entered as %s worksheets; "
        .. "give these worksheets another session name", name, id), 0)
    end
  end
  local idef, rows = derive(def, sheets)
  local db = require("cairn.workspace").db()
  db:transaction(function()
    if ok and old then survey.delete_wave(name) end
    local inst = save_instrument(idef)
    survey.wave { instrument = inst.id, version = inst.version, name = name, mode = "anonymous",
                  audience = MARK .. id }
    survey.add_responses(name, rows)
  end)
  return name, #sheets
end

local function fmt_levels(item)
  return item.levels or {}
end

-- Range (lowest and highest level chosen) and agreement (share at the most common level) from an
-- item result's counts: both follow from numbers the survey API already shows.
local function spread_of(r)
  local lo, hi, top = nil, nil, 0
  for i, c in ipairs(r.counts or {}) do
    if c > 0 then lo = lo or i; hi = i end
    if c > top then top = c end
  end
  local n = 0
  for _, c in ipairs(r.counts or {}) do n = n + c end
  return lo, hi, n > 0 and top / n or nil
end

-- The team summary document of one session.
function team.summary(opts)
  local id, session = opts.tool, opts.session
  local def = team.tool(id)
  local name, count = team.sync(id, session)
  local res = survey.results { wave = name }
  local fields = { title = def.title .. ": team summary", subtitle = session }
  local doc
  if opts.document then
    doc = opts.document(fields)
  else
    fields.as_of = opts.as_of
    local okd, district = pcall(require("cairn.workspace").district)
    fields.district = okd and district or nil
    doc = require("cairn.report").new(fields)
  end
  local total = res.total or (res.groups and res.groups[1]) or {}
  doc:keyvalue {
    { "Session", session },
    -- how many took part is itself hidden below the minimum, as for any survey group
    { "Worksheets", total.suppressed and ("fewer than " .. res.min_group_size) or count },
    { "Minimum group size", res.min_group_size },
  }
  if total.suppressed then
    doc:callout("note", string.format("This session has fewer than %d worksheets, the workspace's "
      .. "minimum group size, so its results are not shown (%s). Ask more members to take the "
      .. "self-assessment, or review the worksheets together in the meeting.",
      res.min_group_size, total.reason or "suppressed"), { title = "Results suppressed" })
    return doc
  end
  local spec = def.survey
  local items = {}
  for _, it in ipairs(res.items) do items[#items + 1] = it end
  if spec.kind == "checks" then
    local rows = {}
    for _, it in ipairs(items) do
      local r = total.items[it.code]
      if r.suppressed then
        rows[#rows + 1] = { item = it.text, yes = r, share = r }
      else
        rows[#rows + 1] = { item = it.text, yes = r.counts[2], n = r.n,
                            share = r.favorable and r.favorable / 100 }
      end
    end
    table.sort(rows, function(a, b)
      local x, y = type(a.share) == "number" and a.share or -1, type(b.share) == "number" and b.share or -1
      if x ~= y then return x > y end
      return a.item < b.item
    end)
    doc:section("How many members checked each item"):table {
      columns = { { id = "item", label = "Item" },
                  { id = "yes", label = "Checked", format = "integer", align = "right" },
                  { id = "n", label = "Members", format = "integer", align = "right" },
                  { id = "share", label = "Share", format = "percent", decimals = 0, align = "right" } },
      rows = rows,
      notes = { "Sorted from the most to the least checked. Names are never shown." } }
    return doc
  end
  -- scale rows: distribution, spread and agreement per item
  local levels = fmt_levels(items[1] or {})
  local fav_from
  local inst = survey.get_instrument(res.instrument, res.version)
  local sc = inst.items[1] and inst.items[1].scale
  if sc then
    for i, l in ipairs(sc.levels) do
      for _, v in ipairs(sc.favorable) do if v == l.value and not fav_from then fav_from = i end end
    end
  end
  -- A diverging chart only when the favourable levels are the top of the scale (not for the
  -- decision scale, whose favourable step is its middle): otherwise a distribution table.
  local diverging = fav_from ~= nil
  if sc and fav_from then
    local fav = {}
    for _, v in ipairs(sc.favorable) do fav[v] = true end
    for i = fav_from, #sc.levels do if not fav[sc.levels[i].value] then diverging = false end end
  end
  local function short(i)
    local l = levels[i] or tostring(i)
    if #l <= 24 then return l end
    return l:match("^(%S+) %- ") or tostring(i)
  end
  local data, rows = {}, {}
  local flag = def.clarify_spread
  for _, it in ipairs(items) do
    local r = total.items[it.code]
    if r.suppressed then
      data[#data + 1] = { label = it.text, suppressed = true, reason = r.reason }
      rows[#rows + 1] = { item = it.text, n = r, mean = r, sd = r, range = r, agreement = r }
    else
      data[#data + 1] = { label = it.text, counts = r.counts, n = r.n }
      local lo, hi, agree = spread_of(r)
      local row = { item = it.text, n = r.n, mean = r.mean, sd = r.sd,
        range = lo and (lo == hi and short(lo) or (short(lo) .. " to " .. short(hi))) or "",
        agreement = agree }
      if flag then row.clarify = (lo and hi - lo >= flag) and "clarify" or "" end
      rows[#rows + 1] = row
    end
  end
  local dist = doc:section("Distribution")
  if diverging then
    dist:chart { kind = "likert", title = def.title .. ": " .. session,
      levels = levels, favorable_from = fav_from, data = data }
  else
    local cols = { { id = "item", label = "Item" } }
    for i in ipairs(levels) do
      cols[#cols + 1] = { id = "l" .. i, label = short(i), format = "integer", align = "right" }
    end
    local drows = {}
    for _, d in ipairs(data) do
      local row = { item = d.label }
      for i in ipairs(levels) do
        row["l" .. i] = d.suppressed and { suppressed = true, reason = d.reason } or d.counts[i]
      end
      drows[#drows + 1] = row
    end
    local notes = {}
    for i, l in ipairs(levels) do
      if short(i) ~= l then notes[#notes + 1] = short(i) .. ": " .. l end
    end
    dist:table { caption = "Members at each level", columns = cols, rows = drows, notes = notes }
  end
  local cols = { { id = "item", label = "Item" },
                 { id = "n", label = "Members", format = "integer", align = "right" },
                 { id = "mean", label = "Mean level", format = "number", decimals = 1, align = "right" },
                 { id = "sd", label = "Spread (SD)", format = "number", decimals = 2, align = "right" },
                 { id = "range", label = "Range" },
                 { id = "agreement", label = "Agreement", format = "percent", decimals = 0,
                   align = "right" } }
  local notes = { "Agreement is the share of members at the most common level; mean and spread "
    .. "count levels from 1 (" .. tostring(levels[1]) .. ")." }
  if flag then
    cols[#cols + 1] = { id = "clarify", label = "Needs a talk" }
    notes[#notes + 1] = string.format("\"clarify\": members' answers are %d or more steps apart.", flag)
  end
  doc:section("Spread and agreement"):table { columns = cols, rows = rows, notes = notes }

  -- What the team should talk about: items most members put at the lowest level, and items whose
  -- answers are far apart.
  local low, apart = {}, {}
  for _, it in ipairs(items) do
    local r = total.items[it.code]
    if not r.suppressed then
      local lo, hi = spread_of(r)
      local top, at, ties = 0, nil, 0
      for i, c in ipairs(r.counts or {}) do
        if c > top then top, at, ties = c, i, 1 elseif c == top then ties = ties + 1 end
      end
      if diverging and at == 1 and ties == 1 and #levels > 1 then low[#low + 1] = it.text end
      if flag and lo and hi - lo >= flag then apart[#apart + 1] = it.text end
    end
  end
  if #low > 0 or #apart > 0 then
    local t = doc:section("To talk about")
    if #low > 0 then
      t:paragraph(string.format("More members chose %s than any other level for:", levels[1]))
      t:list(low)
    end
    if #apart > 0 then
      t:paragraph(string.format("Members' answers are %d or more steps apart for:", flag))
      t:list(apart)
    end
  end
  return doc
end

return team
