-- bench/survey/gen.lua: a survey export for the benchmark, deterministic.
--   lua5.4 gen.lua OUT.csv [RESPONDENTS=200000] [ITEMS=40] [SCHOOLS=400]
-- Plain style: school,role,Q1..QN with answers 1-4 (about 3% blank); 3 roles. Each school has
-- its own lean, so results differ by school.
local out, n, items, schools = arg[1], tonumber(arg[2] or 200000), tonumber(arg[3] or 40), tonumber(arg[4] or 400)
assert(out, "usage: lua5.4 gen.lua OUT.csv [RESPONDENTS] [ITEMS] [SCHOOLS]")
math.randomseed(20261126)
local f = assert(io.open(out, "wb"))
local head = { "school", "role" }
for i = 1, items do head[#head + 1] = "Q" .. i end
f:write(table.concat(head, ","), "\n")
local roles = { "Teacher", "Support staff", "Administrator" }
local lean = {}
for s = 1, schools do lean[s] = math.random() * 0.5 - 0.25 end
local buf = {}
for r = 1, n do
  local s = math.random(1, schools)
  local role = roles[math.random() < 0.7 and 1 or (math.random() < 0.8 and 2 or 3)]
  local row = { "School " .. s, role }
  for i = 1, items do
    local u = math.random()
    if u < 0.03 then row[i + 2] = ""
    else
      local p = math.random() + lean[s]
      row[i + 2] = p < 0.15 and "1" or p < 0.4 and "2" or p < 0.8 and "3" or "4"
    end
  end
  buf[#buf + 1] = table.concat(row, ",")
  if #buf == 5000 then f:write(table.concat(buf, "\n"), "\n"); buf = {} end
end
if #buf > 0 then f:write(table.concat(buf, "\n"), "\n") end
f:close()
