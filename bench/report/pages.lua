-- bench/report/pages.lua: the baseline's pages for the report batch benchmark: one Markdown
-- page per school with the tables `cairn report survey_results --each school` shows (answers
-- at each level, n and % favorable per item; n, % favorable and mean per item; % favorable
-- per item by role), filled from the wide-table SQL's CSV output (bench/survey/sql.lua pages
-- and pages_roles). This is the template a user would write; the benchmark times the SQL and
-- cmark-gfm over these pages, and prints this step's time apart.
--   lua5.4 pages.lua SCHOOLS.csv ROLES.csv OUTDIR
local schools_csv, roles_csv, outdir = arg[1], arg[2], arg[3]
local items = 40
local levels = { "Strongly disagree", "Disagree", "Agree", "Strongly agree" }

local function fields(line)
  local f = {}
  for v in (line:gsub('"', "") .. ","):gmatch("(.-),") do f[#f + 1] = v end
  return f
end
local function pct(v) return string.format("%.0f%%", tonumber(v)) end

local roles = {} -- school -> list of { role, favorable per item }
for line in io.lines(roles_csv) do
  local f = fields(line)
  local list = roles[f[1]] or {}
  roles[f[1]] = list
  local favs = {}
  for i = 1, items do favs[i] = pct(f[3 + (i - 1) * 3 + 2]) end
  list[#list + 1] = { role = f[2], favs = favs }
end

local head = {}
for i = 1, items do head[i] = "Q" .. i end
local count = 0
for line in io.lines(schools_csv) do
  local f = fields(line)
  local school, respondents = f[1], f[2]
  local out = { "# Survey results: " .. school, "", "**Benchmark survey · bench**", "",
    "- **Respondents:** " .. respondents, "", "## Results", "",
    "| Item | " .. table.concat(levels, " | ") .. " | n | % favorable |",
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: |" }
  local fav_rows = {}
  for i = 1, items do
    local k = 3 + (i - 1) * 7 -- 4 level counts, n, % favorable, mean
    out[#out + 1] = string.format("| Q%d. Benchmark statement %d. | %s | %s | %s | %s | %s | %s |", i, i,
      f[k], f[k + 1], f[k + 2], f[k + 3], f[k + 4], pct(f[k + 5]))
    fav_rows[i] = string.format("| Q%d. Benchmark statement %d. | %s | %s | %.2f |", i, i, f[k + 4],
      pct(f[k + 5]), tonumber(f[k + 6]))
  end
  out[#out + 1] = ""
  out[#out + 1] = "**Percent favorable by item**"
  out[#out + 1] = ""
  out[#out + 1] = "| Item | n | % favorable | Mean |"
  out[#out + 1] = "| --- | ---: | ---: | ---: |"
  for i = 1, items do out[#out + 1] = fav_rows[i] end
  out[#out + 1] = ""
  out[#out + 1] = "## By role"
  out[#out + 1] = ""
  out[#out + 1] = "| Group | " .. table.concat(head, " | ") .. " |"
  out[#out + 1] = "| --- |" .. string.rep(" ---: |", items)
  for _, r in ipairs(roles[school] or {}) do
    out[#out + 1] = "| " .. r.role .. " | " .. table.concat(r.favs, " | ") .. " |"
  end
  local file = assert(io.open(string.format("%s/%s.md", outdir, school:gsub("%W", "-")), "wb"))
  file:write(table.concat(out, "\n"), "\n")
  file:close()
  count = count + 1
end
print(count)
