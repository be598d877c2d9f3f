-- cairn.survey.format: results as text a facilitator can read. `cairn survey results` prints
-- with it, and the tables survey.results / top_areas / comments / response_rates return carry
-- a metatable whose __tostring calls it, so the REPL and print() show an aligned summary instead
-- of a nested table. It prints only what the result holds: a withheld group or item has no
-- numbers in the table, so none can appear here.
local host = require "cairn.host"
local core = require "cairn.surveycore"

local M = {}

local function fmt(x, d) return host.format_number(x, d or 0) end
local function pct(x, d) return fmt(x, d or 1) .. "%" end

-- "withheld: fewer than 5 respondents", and reasons that already say "withheld" as they are
local function why(reason)
  reason = reason or "suppressed"
  return reason:match("^withheld") and reason or ("withheld: " .. reason)
end

-- An aligned table: columns = { {"title", "right"|nil}, ... }; rows = lists of cells (nil =
-- empty); a header, a rule of dashes, then the rows, two spaces between columns; columns with
-- no cell in any row are left out; trailing spaces trimmed. Cells are shown as cairn.text.cell
-- shows them, widths are cairn.text.width's. Built in C (cairn.surveycore.grid): a results table
-- by school has tens of thousands of cells.
local function grid(columns, rows)
  return core.grid(columns, rows)
end
M.grid = grid

local function withheld_note(min)
  if min <= 1 then return "no group withheld (minimum group size 1)" end
  return string.format("groups under %d respondents withheld", min)
end

-- survey.results (and survey.compare): one row per group and item, the group's name and
-- respondents on its first row; then what the item codes stand for. ITEMS_OF(group), when
-- given, makes a group's item results as they are needed (cairn.survey.results.text);
-- otherwise they are group.items.
function M.results(res, items_of)
  -- the same few hundred percentages and means come back thousands of times in a table by
  -- school and role: each is formatted once
  local pcts, means = {}, {}
  local function pct1(x)
    local t = pcts[x]
    if not t then t = pct(x); pcts[x] = t end
    return t
  end
  local function mean2(x)
    local t = means[x]
    if not t then t = fmt(x, 2); means[x] = t end
    return t
  end
  local has_rate = false
  for _, g in ipairs(res.groups) do if g.response_rate then has_rate = true end end
  if res.total and res.total.response_rate then has_rate = true end
  -- one line per group and item: tens of thousands for a table by school and role, so each row
  -- goes straight into the grid as text (core.grid_rows) instead of a table per row
  local rows = core.grid_rows { { "group" }, { "respondents", "right" },
    { has_rate and "response rate" or "", "right" }, { "item" }, { "n", "right" }, { "favorable", "right" },
    { "mean", "right" }, { "note" } }
  local function add(g)
    local first = true
    local function row(code, n, fav, mean, note)
      rows:add(first and g.label or nil, first and g.respondents or nil,
        first and g.response_rate and pct(g.response_rate * 100) or nil, code, n, fav, mean, note)
      first = false
    end
    if g.suppressed then return row(nil, nil, nil, nil, why(g.reason)) end
    local items = items_of and items_of(g) or g.items
    for _, it in ipairs(res.items) do
      local r = items[it.code]
      if r == nil then
        row(it.code, nil, nil, nil, nil)
      elseif r.suppressed then
        row(it.code, nil, nil, nil, why(r.reason))
      elseif it.type == "scale" or it.type == "yesno" then
        local change
        if r.change and r.change.favorable then
          local d = host.round(r.change.favorable, 1)
          change = (d > 0 and "+" or "") .. fmt(d, 1) .. " points since " .. res.compare
        elseif r.change and r.change.suppressed then
          change = "change since " .. res.compare .. " withheld"
        end
        -- the mean of a yes/no item is the share saying yes: the favorable column already says it
        row(it.code, r.n, r.favorable and pct1(r.favorable) or nil,
          it.type == "scale" and r.mean and mean2(r.mean) or nil, change)
      elseif it.type == "checklist" then
        local top = r.ranked and r.ranked[1]
        row(it.code, r.n, nil, nil, top and top.count > 0
          and ("most checked (" .. pct(top.percent) .. "): " .. top.option)
          or (r.n > 0 and "nothing checked" or nil))
      elseif it.type == "number" then
        row(it.code, r.n, nil, r.mean and fmt(r.mean, 2) or nil, nil)
      else
        row(it.code, r.n, nil, nil, nil)
      end
    end
  end
  for _, g in ipairs(res.groups) do add(g) end
  if res.total then add(res.total) end
  local by = res.by and #res.by > 0 and (", by " .. table.concat(res.by, " and ")) or ""
  local out = { string.format("%s: %s%s; %s\n", res.wave, res.instrument, by, withheld_note(res.min_group_size)) }
  out[#out + 1] = rows:text()
  if #res.items > 0 then
    -- what each code asks, and which answers "favorable" counts (reverse-coded items differ)
    local legend = {}
    for _, it in ipairs(res.items) do
      local fav
      if it.favorable_levels and it.levels then
        local names = {}
        for _, k in ipairs(it.favorable_levels) do names[#names + 1] = it.levels[k] end
        fav = table.concat(names, ", ")
      end
      legend[#legend + 1] = { it.code, it.text, fav }
    end
    out[#out + 1] = "\n" .. grid({ { "item" }, { "question" }, { "favorable answers" } }, legend)
  end
  return table.concat(out)
end

-- survey.top_areas: the ranked options, district-wide then per group.
function M.top_areas(res)
  local rows = {}
  local function add(label, r)
    if r.suppressed then
      rows[#rows + 1] = { label, nil, nil, nil, nil, nil, why(r.reason) }
      return
    end
    local first = true
    for i, o in ipairs(r.ranked) do
      rows[#rows + 1] = { first and label or nil, first and r.n or nil, i, o.option, o.count,
        o.percent and pct(o.percent) or nil }
      first = false
    end
    if first then rows[#rows + 1] = { label, r.n, nil, nil, nil, nil, "no respondents" } end
  end
  add("All respondents", res.district)
  for _, g in ipairs(res.groups) do add(g.label, g) end
  return string.format("%s: most checked options of %s (\"%s\"); %s\n", res.wave, res.item, res.text,
      withheld_note(res.min_group_size))
    .. grid({ { "group" }, { "respondents", "right" }, { "rank", "right" }, { "option" },
      { "checked by", "right" }, { "% of respondents", "right" }, { "note" } }, rows)
end

-- survey.comments: the answers of each group large enough to show them.
function M.comments(res)
  local out = { string.format("%s: %s \"%s\"; comments shown only for groups of %d or more respondents\n",
    res.wave, res.item, res.text, res.threshold) }
  local function add(label, g)
    if g.suppressed then
      out[#out + 1] = string.format("\n%s: %s\n", label, why(g.reason))
      return
    end
    out[#out + 1] = string.format("\n%s (%d comment%s)\n", label, #g.comments, #g.comments == 1 and "" or "s")
    for _, c in ipairs(g.comments) do
      out[#out + 1] = "  - " .. (tostring(c):gsub("%s*[\r\n]+%s*", " ")) .. "\n"
    end
  end
  add("All respondents", res.all)
  for _, g in ipairs(res.groups) do add(g.label, g) end
  return table.concat(out)
end

-- survey.response_rates: respondents and, where the wave has a roster, the rate.
function M.response_rates(res)
  local rows = {}
  local function add(label, g)
    if g.suppressed then rows[#rows + 1] = { label, nil, nil, why(g.reason) }
    else rows[#rows + 1] = { label, g.respondents, g.response_rate and pct(g.response_rate * 100) or nil } end
  end
  for _, g in ipairs(res.groups) do add(g.label, g) end
  if res.total then add("All respondents", res.total) end
  return string.format("%s: response rates; %s\n", res.wave, withheld_note(res.min_group_size))
    .. grid({ { "group" }, { "respondents", "right" }, { "response rate", "right" }, { "note" } }, rows)
end

-- What the REPL adds under a printed result: it is still a table to index.
local hints = {
  results = "(a table: res.groups[i].items.CODE holds n, counts, percents, favorable, mean, sd; help(survey.results))",
  top_areas = "(a table: res.district.ranked, res.groups[i].ranked; help(survey.top_areas))",
  comments = "(a table: res.all.comments, res.groups[i].comments; help(survey.comments))",
  response_rates = "(a table: res.groups[i].respondents, response_rate; help(survey.response_rates))",
}

local metatables = {}
for kind in pairs(hints) do
  metatables[kind] = {
    __name = "cairn.survey." .. kind,
    __tostring = function(res)
      local hint = hints[kind]
      if res.margins then -- a two-way table: the one-way results are there too
        local names = {}
        for name in pairs(res.margins) do names[#names + 1] = "res.margins." .. name end
        table.sort(names)
        hint = hint .. "\n(" .. table.concat(names, " and ") .. " hold the one-way results)"
      end
      return M[kind](res) .. hint
    end,
  }
end

-- Give a result table its printed form; the table itself stays plain data.
function M.attach(kind, res)
  return setmetatable(res, metatables[kind])
end

return M
