-- The audit's sparse null space, and the C one the suppression search uses (src/survey_elim.c),
-- must return exactly the basis of the plain dense elimination: the suppression pattern depends on the basis
-- vectors, so any difference would change what is withheld. Checked on random systems shaped
-- like a wave's tables (a total, one-way and two-way margins over attribute combinations) with
-- random cells withheld, and on a few hand-made corner cases.
local t = require "tap"
local audit = require "cairn.survey.audit"

local function same(a, b)
  if #a ~= #b then return false end
  for i = 1, #a do
    if #a[i] ~= #b[i] then return false end
    for j = 1, #a[i] do if a[i][j] ~= b[i][j] then return false end end
  end
  return true
end

local function check(rows, n, what)
  local d, dr = audit.null_space_dense(rows, n)
  local s, sr = audit.null_space(rows, n)
  t.ok(same(d, s) and dr == sr, what .. string.format(" (%d rows, %d atoms, %d basis vectors)", #rows, n, #d))
  t.ok(same(d, audit.null_space_c(rows, n)), what .. ": the C elimination gives the same basis")
end

check({}, 3, "no published rows")
check({ { 1, 2, 3 } }, 3, "only the total")
check({ { 1 }, { 2 }, { 3 } }, 3, "every atom published")
check({ { 1, 2 }, { 2, 3 }, { 1, 3 } }, 3, "a cycle of pairs")

-- hypercube-shaped systems: A x B atoms (some absent), rows = total, A margins, B margins,
-- and the atoms themselves, with a random share withheld (left out of the rows)
local seed = 20261204
local function rand(k)
  seed = (seed * 1103515245 + 12345) % 2147483648
  return seed % k + 1
end
for case = 1, 40 do
  local na, nb = rand(12), rand(4)
  local atoms, n = {}, 0
  for a = 1, na do
    for b = 1, nb do
      if rand(5) > 1 then n = n + 1; atoms[n] = { a = a, b = b } end
    end
  end
  local rows = {}
  local share = rand(3)   -- withhold about 1/(share+1) of the cells
  local function publish(list) if #list > 0 and rand(share + 1) > 1 then rows[#rows + 1] = list end end
  local all = {}
  for i = 1, n do all[i] = i end
  publish(all)
  for a = 1, na do
    local l = {}
    for i, x in ipairs(atoms) do if x.a == a then l[#l + 1] = i end end
    publish(l)
  end
  for b = 1, nb do
    local l = {}
    for i, x in ipairs(atoms) do if x.b == b then l[#l + 1] = i end end
    publish(l)
  end
  for i = 1, n do publish({ i }) end
  check(rows, n, "random wave " .. case)
end

t.done()
