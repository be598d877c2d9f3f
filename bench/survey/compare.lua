-- bench/survey/compare.lua: do cairn's `survey results` and the baseline SQL agree?
--   lua5.4 compare.lua CAIRN_OUTPUT.txt BASELINE.csv
-- CAIRN_OUTPUT is the text table `cairn survey results WAVE --by ...` prints; BASELINE.csv the
-- sqlite3 CSV output of bench/survey/sql.lua (school[, role], respondents, then n, % favorable,
-- mean per item). Every group cairn shows must match the baseline: respondents and n exactly,
-- % favorable within cairn's rounding (0.05), mean within 0.005; every baseline group must be in
-- cairn's output, shown or withheld (withheld groups and items are not compared). Prints one line; exits 1 on any difference.
local cairn_file, base_file = arg[1], arg[2]

local shown, withheld, order = {}, {}, {}
local group
for line in io.lines(cairn_file) do
  local g, resp, rest = line:match("^(%S.-)%s%s+(%d+)%s%s+(Q%d+.*)$")
  if g then
    group = { respondents = tonumber(resp), items = {} }
    shown[g] = group
    order[#order + 1] = g
    line = "  " .. rest
  elseif line:match("^%S.-%s%s+withheld") then
    withheld[line:match("^(%S.-)%s%s+withheld")] = true
    group = nil
  end
  local q, n, fav, mean = line:match("^%s+(Q%d+)%s+(%d+)%s+([%d%.]+)%%%s+([%d%.]+)")
  if q and group then group.items[q] = { n = tonumber(n), fav = tonumber(fav), mean = tonumber(mean) } end
  q = line:match("^%s+(Q%d+)%s+withheld")
  if q and group then group.items[q] = { withheld = true } end
end

local function csv_fields(line)
  local f = {} -- no value has a comma in it (school and role names, numbers)
  for v in (line:gsub('"', "") .. ","):gmatch("(.-),") do f[#f + 1] = v end
  return f
end

local problems, compared, withheld_items = {}, 0, 0
local function problem(fmt, ...)
  if #problems < 10 then problems[#problems + 1] = string.format(fmt, ...) end
end
local base_groups, in_base = 0, {}
for line in io.lines(base_file) do
  local f = csv_fields(line)
  local two = (#f - 2) % 3 ~= 0 -- school, role, respondents, 3 per item
  local g = two and (f[1] .. " / " .. f[2]) or f[1]
  local first = two and 3 or 2
  base_groups = base_groups + 1
  in_base[g] = true
  local c = shown[g]
  if not c then
    if not withheld[g] then problem("%s: in the baseline, not in cairn's output", g) end
  else
    compared = compared + 1
    if c.respondents ~= tonumber(f[first]) then
      problem("%s: respondents %d, baseline %s", g, c.respondents, f[first])
    end
    local items = (#f - first) // 3
    for i = 1, items do
      local q, k = "Q" .. i, first + 1 + (i - 1) * 3
      local ci, n, fav, mean = c.items[q], tonumber(f[k]), tonumber(f[k + 1]), tonumber(f[k + 2])
      if not ci then problem("%s %s: missing in cairn's output", g, q)
      elseif ci.withheld then -- small or complementary suppression: cairn's policy, not compared
        withheld_items = withheld_items + 1
      elseif ci.n ~= n or math.abs(ci.fav - fav) > 0.05 + 1e-9 or math.abs(ci.mean - mean) > 0.005 + 1e-9 then
        problem("%s %s: cairn n %d, %.1f%%, mean %.2f; baseline n %d, %.4f%%, mean %.4f", g, q,
          ci.n, ci.fav, ci.mean, n, fav, mean)
      end
    end
  end
end
for _, g in ipairs(order) do
  -- the total row has no baseline row
  if not in_base[g] and g ~= "All respondents" then problem("%s: shown by cairn, not in the baseline", g) end
end
if compared == 0 then problem("no group compared") end
if #problems > 0 then
  print("    outputs DIFFER (cairn " .. cairn_file .. ", baseline " .. base_file .. "):")
  for _, p in ipairs(problems) do print("      " .. p) end
  os.exit(1)
end
local nw = 0
for _ in pairs(withheld) do nw = nw + 1 end
print(string.format("    outputs agree: %d groups compared item by item (%d items withheld), %d groups withheld by cairn, %d in the baseline",
  compared, withheld_items, nw, base_groups))
