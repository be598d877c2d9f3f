-- core.level_result (src/l_survey.c) against the Lua it replaced in cairn.survey.results: the
-- same numbers, and the same integer or float for each, for integer and fractional counts and
-- scale values (survey output prints an integer and a float of the same value differently).
local t = require "tap"
local core = require "cairn.surveycore"

local function reference(cells, c, k_count, eff, fav)
  local counts, n = {}, 0
  for k = 1, k_count do
    local x = cells[c + 1 + k]
    counts[k] = x
    n = n + x
  end
  local percents = {}
  if n > 0 then for k = 1, k_count do percents[k] = counts[k] * 100 / n end end
  local mean, sd, favorable, favn
  if eff and n > 0 then
    local sum, sumsq = 0, 0
    favn = 0
    for k = 1, k_count do
      local e, x = eff[k], counts[k]
      sum = sum + e * x
      sumsq = sumsq + e * e * x
      if fav[k] then favn = favn + x end
    end
    mean = sum / n
    sd = n > 1 and math.sqrt(math.max(0, (sumsq - sum * sum / n) / (n - 1))) or 0
    favorable = favn * 100 / n
  end
  return { missing = cells[c], n = n, na = cells[c + 1], counts = counts, percents = percents,
    mean = mean, sd = sd, favorable = favorable, favorable_count = favn }
end

-- "3 (integer)" / "3.0 (float)": equal only when value and kind agree
local function typed(v)
  if type(v) == "table" then
    local out = {}
    for k, x in pairs(v) do out[k] = typed(x) end
    return out
  end
  if type(v) == "number" then return string.format("%.17g (%s)", v, math.type(v)) end
  return v
end

local function dump(x)
  if type(x) ~= "table" then return tostring(x) end
  local keys = {}
  for key in pairs(x) do keys[#keys + 1] = key end
  table.sort(keys, function(a, b) return tostring(a) < tostring(b) end)
  local parts = {}
  for _, key in ipairs(keys) do parts[#parts + 1] = tostring(key) .. "=" .. dump(x[key]) end
  return "{" .. table.concat(parts, ",") .. "}"
end

math.randomseed(11)
local differ = {}
for case = 1, 400 do
  local k = math.random(1, 7)
  local c = math.random(1, 5)
  local cells = {}
  for i = 1, c + k + 3 do
    local r = math.random()
    if r < 0.15 then cells[i] = 0
    elseif r < 0.25 then cells[i] = math.random(0, 3) + 0.0   -- a float that is whole
    elseif r < 0.35 then cells[i] = math.random() * 50      -- a weighted count
    else cells[i] = math.random(0, 60) end
  end
  if case % 10 == 0 then for i = c + 2, c + 1 + k do cells[i] = 0 end end -- nobody answered
  if case % 13 == 0 then for i = c + 2, c + 1 + k do cells[i] = 0 end cells[c + 2] = 1 end -- one
  local eff, fav
  if case % 4 ~= 0 then
    eff, fav = {}, {}
    for i = 1, k do
      eff[i] = case % 3 == 0 and (i - 1) * 0.5 or i
      fav[i] = math.random() < 0.4
    end
  end
  local want = dump(typed(reference(cells, c, k, eff, fav)))
  local got = dump(typed(core.level_result(cells, c, k, eff, fav)))
  if want ~= got and #differ < 3 then differ[#differ + 1] = { case = case, want = want, got = got } end
end
t.same(differ, {}, "level_result matches the Lua statistics, integer and float alike, in 400 cases")

local bare = core.level_result({ 0, 1, 2, 3 }, 1, 2, { 1, 2 }, { false, true }, true)
t.same({ bare.counts, bare.percents, bare.n, bare.favorable_count }, { nil, nil, 5, 3 },
  "bare: no counts or percents lists, the statistics as before")
t.raises(function() core.level_result({ 0, 0, "x" }, 1, 1) end, "not a number", "a cell that is not a number is refused")
t.done()
