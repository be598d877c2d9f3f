-- Leak test for the survey reports: with the fixture (setup.lua; Dover has 3 respondents, below
-- the minimum group size of 5), render survey_results and checklist_priorities, district-wide
-- and for every school, as JSON, CSV, HTML and XLSX, and show that no number in them reveals
-- Dover's values: Dover's rows carry no number, every breakdown with a suppressed row has at
-- least two (so a total minus the rows shown is never one school's value), and the hidden
-- remainder of every total is never exactly Dover's true count alone. Prints TAP lines.
local report = require "cairn.report"
local reports = require "cairn.reports"
local json = require "cairn.json"
local host = require "cairn.host"

local dir = assert(os.getenv("TESTS")) .. "/survey_reports/"
local HIDDEN = "Dover"

local n, failed = 0, 0
local function ok(cond, what, detail)
  n = n + 1
  print((cond and "ok " or "not ok ") .. n .. " - " .. what)
  if not cond then
    failed = failed + 1
    if detail then print("    detail: " .. detail) end
  end
end

-- Dover's true values, read from the fixture CSV (the test may count; the reports may not).
local truth = { respondents = 0, Q1 = { 0, 0, 0, 0 }, Q2 = { 0, 0, 0, 0 }, Q3 = { 0, 0, 0, 0 } }
local levels = { ["Strongly disagree"] = 1, Disagree = 2, Agree = 3, ["Strongly agree"] = 4 }
do
  local first = true
  for line in io.lines(dir .. "responses_2026.csv") do
    if first then first = false else
      local f = {}
      for v in (line .. ","):gmatch("([^,]*),") do f[#f + 1] = v end
      if f[1] == HIDDEN then
        truth.respondents = truth.respondents + 1
        for i, q in ipairs { "Q1", "Q2", "Q3" } do
          local l = levels[f[2 + i]]
          truth[q][l] = truth[q][l] + 1
        end
      end
    end
  end
end
ok(truth.respondents == 3, "the fixture's small school has 3 respondents")

-- Build a report's documents directly (all groups), as the runner would.
local function documents(name, params, each)
  local def = reports.load(name)
  local p = reports.params(def, params)
  local groups = { false }
  if each then groups = def.each[each](nil, p) end
  local docs = {}
  for _, g in ipairs(groups) do
    local ctx = { name = name, params = p, as_of = "2026-11-26", group = g or nil,
                  save = function() end }
    function ctx.document(fields)
      return report.new { title = fields.title, subtitle = fields.subtitle,
                          district = "Riverside Unified", as_of = "2026-11-26" }
    end
    docs[#docs + 1] = { group = g or "district", doc = def.build(ctx) }
  end
  return docs
end

local all = {}
for _, spec in ipairs {
  { "survey_results", { wave = "2026 spring" } },
  { "survey_results", { wave = "2026 spring" }, "school" },
  { "checklist_priorities", { wave = "2026 spring" } },
  { "checklist_priorities", { wave = "2026 spring" }, "school" },
} do
  for _, d in ipairs(documents(spec[1], spec[2], spec[3])) do
    d.name = spec[1] .. " (" .. tostring(d.group) .. ")"
    all[#all + 1] = d
  end
end
ok(#all == 10, "10 documents: 2 district reports and 4 school pages of each report", "got " .. #all)

-- ---- the JSON document tree ---------------------------------------------------------------------

local function tables_in(node, out)
  out = out or {}
  if type(node) ~= "table" then return out end
  if node.type == "table" then out[#out + 1] = node end
  if node.type == "chart" and node.table then out[#out + 1] = node.table end
  for _, b in ipairs(node.blocks or {}) do tables_in(b, out) end
  return out
end

local function is_number_cell(v)
  if type(v) == "number" then return true end
  if type(v) == "table" and not v.suppressed and type(v.value) == "number" then return true end
  return false
end

local rows_checked, lines_checked = 0, 0
for _, d in ipairs(all) do
  local tree = json.decode(d.doc:render("json"))
  for _, t in ipairs(tables_in(tree)) do
    local first = t.columns[1].id
    local suppressed_rows = 0
    for _, row in ipairs(t.rows) do
      local label = row[first]
      local hidden = false
      for _, c in ipairs(t.columns) do
        local v = row[c.id]
        if type(v) == "table" and v.suppressed then hidden = true end
      end
      if label == HIDDEN then
        rows_checked = rows_checked + 1
        local numbers = {}
        for _, c in ipairs(t.columns) do
          if c.id ~= first and is_number_cell(row[c.id]) then numbers[#numbers + 1] = c.id end
        end
        ok(#numbers == 0, d.name .. ": " .. (t.caption or t.id) .. ": Dover's row shows no number",
           "numbers in " .. table.concat(numbers, ", "))
      end
      if hidden then suppressed_rows = suppressed_rows + 1 end
    end
    -- a breakdown with one hidden group next to shown groups and a shown total would give the
    -- hidden group away by subtraction
    local labels = {}
    for _, row in ipairs(t.rows) do labels[#labels + 1] = tostring(row[first]) end
    local is_breakdown = table.concat(labels, "|"):find(HIDDEN, 1, true) ~= nil
    if is_breakdown and suppressed_rows > 0 then
      lines_checked = lines_checked + 1
      ok(suppressed_rows >= 2, d.name .. ": " .. (t.caption or t.id)
        .. ": at least two groups hidden", suppressed_rows .. " hidden")
    end
  end
end
ok(rows_checked > 0, "Dover's rows were found and checked (" .. rows_checked .. ")")

-- The pages of the hidden schools (Dover, and Cedar withheld with it) show no number about the
-- school: only the district-wide comparison table has numbers.
local function numbers_in(tree, skip)
  local found = {}
  for _, t in ipairs(tables_in(tree)) do
    if not (skip and (t.caption or ""):find(skip)) then
      for _, row in ipairs(t.rows) do
        for _, c in ipairs(t.columns) do
          if is_number_cell(row[c.id]) then found[#found + 1] = (t.caption or t.id) .. "." .. c.id end
        end
      end
    end
  end
  local function kv(node)
    if type(node) ~= "table" then return end
    if node.type == "keyvalue" then
      for _, it in ipairs(node.items) do
        if type(it.value) == "number" and it.key ~= "Top areas listed" then found[#found + 1] = it.key end
      end
    end
    for _, b in ipairs(node.blocks or {}) do kv(b) end
  end
  kv(tree)
  return found
end
for _, d in ipairs(all) do
  if d.group == "Dover" or d.group == "Cedar" then
    local found = numbers_in(json.decode(d.doc:render("json")), "district%-wide")
    ok(#found == 0, d.name .. ": the page of a hidden school shows no number about it",
       table.concat(found, ", "))
  end
end

-- The checks above can fail: a page that leaks is caught.
do
  local bad = report.new { title = "leaky" }
  bad:keyvalue { { "Respondents", 3 } }
  bad:table { columns = { { id = "group", label = "Group" }, { id = "n", label = "n", format = "integer" } },
              rows = { { group = "Adams", n = 8 }, { group = HIDDEN, n = 3 } } }
  local found = numbers_in(json.decode(bad:render("json")))
  ok(#found == 3, "a leaky page is caught (" .. #found .. " numbers found)")
end
ok(lines_checked > 0, "breakdowns with hidden groups were found and checked (" .. lines_checked .. ")")

-- The district likert table (counts per level) minus the schools' favourable counts cannot give
-- Dover's counts: the total of the hidden schools always includes another school.
do
  local d = all[1]
  local tree = json.decode(d.doc:render("json"))
  local district, shown_schools = {}, 0
  for _, t in ipairs(tables_in(tree)) do
    for _, row in ipairs(t.rows) do
      local lab = tostring(row[t.columns[1].id])
      local code = lab:match("^(Q%d)%. ")
      if code and row.l1 then district[code] = { row.l1, row.l2, row.l3, row.l4 } end
    end
  end
  for _, q in ipairs { "Q1", "Q2", "Q3" } do
    ok(district[q] ~= nil, "district counts per level shown for " .. q)
  end
  -- school pages: add up the level counts the shown schools give
  local sum = { Q1 = { 0, 0, 0, 0 }, Q2 = { 0, 0, 0, 0 }, Q3 = { 0, 0, 0, 0 } }
  for _, x in ipairs(all) do
    if x.name:match("^survey_results") and x.group ~= "district" then
      local tree2 = json.decode(x.doc:render("json"))
      local any = false
      for _, t in ipairs(tables_in(tree2)) do
        for _, row in ipairs(t.rows) do
          local lab = tostring(row[t.columns[1].id])
          local code = lab:match("^(Q%d)%. ")
          if code and type(row.l1) == "number" then
            any = true
            for l = 1, 4 do sum[code][l] = sum[code][l] + row["l" .. l] end
          end
        end
      end
      if any then shown_schools = shown_schools + 1 end
    end
  end
  ok(shown_schools <= 2, "at most two of the four school pages show counts (Dover and one more hidden)",
     shown_schools .. " shown")
  for _, q in ipairs { "Q1", "Q2", "Q3" } do
    if district[q] then
      local same = true
      for l = 1, 4 do
        if district[q][l] - sum[q][l] ~= truth[q][l] then same = false end
      end
      ok(not same, q .. ": district total minus the schools shown is not Dover's counts")
    end
  end
end

-- ---- CSV, HTML and XLSX -----------------------------------------------------------------------

local function strip_reasons(s)
  -- the reason text of suppressed cells names the minimum ("fewer than 5 respondents")
  return (s:gsub("[Ff]ewer than %d+ %a+", ""):gsub("minimum group size of %d+", ""))
end

local tmp = os.getenv("TMPDIR") or "."
for i, d in ipairs(all) do
  -- CSV: one file per table
  local folder = string.format("%s/csv-%d", tmp, i)
  os.execute("mkdir -p '" .. folder .. "'")
  d.doc:write(folder .. "/", "csv")
  local bad = {}
  local p = io.popen("cat '" .. folder .. "'/*.csv 2>/dev/null")
  for line in p:lines() do
    if line:find(HIDDEN, 1, true) and strip_reasons(line):gsub(HIDDEN, ""):find("%d") then
      bad[#bad + 1] = line
    end
  end
  p:close()
  ok(#bad == 0, d.name .. ": CSV lines about Dover hold no number", table.concat(bad, " / "))

  -- HTML: the table rows naming Dover
  local html = d.doc:render("html")
  bad = {}
  for tr in html:gmatch("<tr.-</tr>") do
    local text = tr:gsub("<[^>]*>", " ")
    if text:find(HIDDEN, 1, true) and strip_reasons(text):gsub(HIDDEN, ""):find("%d") then
      bad[#bad + 1] = text
    end
  end
  ok(#bad == 0, d.name .. ": HTML rows about Dover hold no number", table.concat(bad, " / "))

  -- XLSX: unzip the sheets and look at Dover's rows
  local x = string.format("%s/r-%d.xlsx", tmp, i)
  d.doc:write(x)
  local xdir = string.format("%s/x-%d", tmp, i)
  os.execute(string.format("rm -rf '%s' && mkdir -p '%s' && cd '%s' && unzip -q -o '%s'", xdir, xdir, xdir, x))
  local strings = {}
  local sf = io.open(xdir .. "/xl/sharedStrings.xml")
  if sf then
    local s = sf:read("a"); sf:close()
    for si in s:gmatch("<si>(.-)</si>") do strings[#strings + 1] = si:gsub("<[^>]*>", "") end
  end
  bad = {}
  local q = io.popen("ls '" .. xdir .. "'/xl/worksheets/*.xml 2>/dev/null")
  for sheet in q:lines() do
    local f = io.open(sheet); local s = f:read("a"); f:close()
    for row in s:gmatch("<row.-</row>") do
      local has_hidden, numbers = false, {}
      for attrs, body in row:gmatch("<c([^>]*)>(.-)</c>") do
        local v = body:match("<v>(.-)</v>") or body:match("<t[^>]*>(.-)</t>")
        if attrs:find('t="s"') and v then v = strings[tonumber(v) + 1] end
        if v and tostring(v):find(HIDDEN, 1, true) then has_hidden = true
        elseif v and not attrs:find('t="') and tonumber(v) then numbers[#numbers + 1] = v end
      end
      if has_hidden and #numbers > 0 then bad[#bad + 1] = table.concat(numbers, ",") end
    end
  end
  q:close()
  ok(#bad == 0, d.name .. ": XLSX rows about Dover hold no number", table.concat(bad, " / "))
end

print(failed == 0 and "no leak found" or (failed .. " checks failed"))
