-- bench/survey/sql.lua: the baseline's SQL over the wide table `sqlite3 .import` builds from the
-- benchmark CSV (columns school, role, Q1..Q40, all TEXT, '' for a blank answer): what a
-- competent analyst would write. Prints one statement.
--   lua5.4 sql.lua school         per school: respondents, then per item n, % favorable, mean
--   lua5.4 sql.lua school,role    the same per school and role
--   lua5.4 sql.lua pages          per school: per item the count at each of the 4 levels, n,
--                                 % favorable, mean (the numbers of a survey_results page)
--   lua5.4 sql.lua pages_roles    per school and role: % favorable per item (the "By role" table)
-- Groups under 5 respondents are left out (HAVING), as cairn withholds them. Items 40.
local what = arg[1]
local items = 40
local cols = {}
local function item(i, levels)
  local q = "Q" .. i
  if levels then
    for v = 1, 4 do cols[#cols + 1] = string.format("sum(%s = '%d')", q, v) end
  end
  cols[#cols + 1] = string.format("count(NULLIF(%s, ''))", q)
  cols[#cols + 1] = string.format("round(100.0 * sum(%s IN ('3', '4')) / count(NULLIF(%s, '')), 4)", q, q)
  cols[#cols + 1] = string.format("round(avg(NULLIF(%s, '')), 4)", q)
end
local group
if what == "school" or what == "pages" then group = "school"
elseif what == "school,role" or what == "pages_roles" then group = "school, role"
else error("usage: sql.lua school|school,role|pages|pages_roles", 0) end
for i = 1, items do item(i, what == "pages") end
print(string.format("SELECT %s, count(*), %s FROM wide GROUP BY %s HAVING count(*) >= 5 ORDER BY %s;",
  group, table.concat(cols, ", "), group, group))
