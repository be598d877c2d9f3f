-- cairn.survey.audit: the proof that a suppression pattern gives nothing away
-- (docs/survey-privacy.md). Pure functions over a "system"; no database here.
--
-- A system describes one figure family of one wave (the respondent counts, or one item's
-- answers): the wave's respondents fall into ATOMS (the full cross-classification of every
-- attribute, one atom per combination that occurs), and every published table cell is the sum
-- of some atoms. Every additive figure (a count, an answer count per level, a sum behind a
-- mean, a favorable count, a checkbox pick count) obeys the same sums, so one test covers them
-- all:
--
--   * a withheld cell is DETERMINED when its atom vector lies in the row space of the published
--     cells' atom vectors (exact integer Gaussian elimination: it is determined iff every vector
--     of the null space of the published rows sums to zero over its atoms);
--   * its feasible range is at least `protection` wide: shown by exhibiting integer moves along
--     a null-space vector that keep every atom non-negative (a lower bound on the true range, so
--     a pass is a proof; a failure may be cautious);
--   * no published line "parent = members" leaves withheld members whose combined count is
--     above zero and below the minimum (a small group recovered as a whole).
local M = {}

local maxint = math.maxinteger

local function fail(msg) error(msg, 0) end

local function mul(a, b)
  if a ~= 0 and b ~= 0 and math.abs(b) > maxint // math.abs(a) then
    fail("survey audit: numbers grew too large for exact arithmetic (too many attribute combinations)")
  end
  return a * b
end

local function gcd(a, b)
  a, b = math.abs(a), math.abs(b)
  while b ~= 0 do a, b = b, a % b end
  return a
end

local function normalize(row, n)
  local g = 0
  for j = 1, n do
    if row[j] ~= 0 then g = gcd(g, row[j]); if g == 1 then return end end
  end
  if g > 1 then for j = 1, n do row[j] = row[j] // g end end
end

-- The null space of the published rows over N atoms, as a list of integer vectors (dense).
function M.null_space(rows, n)
  local pivot_col, prow = {}, {}
  local rank = 0
  local work = {}
  for i, r in ipairs(rows) do
    local d = {}
    for j = 1, n do d[j] = 0 end
    for _, a in ipairs(r) do d[a] = 1 end
    work[i] = d
  end
  local m = #work
  for col = 1, n do
    local sel
    for i = rank + 1, m do if work[i][col] ~= 0 then sel = i; break end end
    if sel then
      rank = rank + 1
      work[rank], work[sel] = work[sel], work[rank]
      local pr = work[rank]
      local p = pr[col]
      for i = 1, m do
        if i ~= rank then
          local r = work[i]
          local f = r[col]
          if f ~= 0 then
            for j = 1, n do
              if r[j] ~= 0 or pr[j] ~= 0 then r[j] = mul(r[j], p) - mul(pr[j], f) end
            end
            normalize(r, n)
          end
        end
      end
      pivot_col[rank] = col
      prow[col] = rank
    end
  end
  local basis = {}
  for f = 1, n do
    if not prow[f] then
      -- d[f] = L, d[pivot c_r] = -row_r[f] * L / p_r, with L the lcm of the pivots involved
      local L = 1
      for r = 1, rank do
        local v = work[r][f]
        if v ~= 0 then
          local p = work[r][pivot_col[r]]
          L = mul(L // gcd(L, p), math.abs(p))
        end
      end
      local d = {}
      for j = 1, n do d[j] = 0 end
      d[f] = L
      for r = 1, rank do
        local v = work[r][f]
        if v ~= 0 then d[pivot_col[r]] = -mul(v, L // work[r][pivot_col[r]]) end
      end
      normalize(d, n)
      basis[#basis + 1] = d
    end
  end
  return basis, rank
end

-- How far the cell with atom list ATOMS can move along null vector D while every atom value X
-- stays a non-negative whole number: the width of the range of values so reached (math.huge
-- when it is unbounded), 0 when D does not move it.
local function width_along(d, atoms, x)
  local s = 0
  for _, a in ipairs(atoms) do s = s + d[a] end
  if s == 0 then return 0 end
  local up, down = math.huge, math.huge
  for j, dj in ipairs(d) do
    if dj < 0 then up = math.min(up, x[j] // -dj)
    elseif dj > 0 then down = math.min(down, x[j] // dj) end
  end
  if up == math.huge or down == math.huge then return math.huge end
  return (up + down) * math.abs(s)
end

-- system = { atoms = {value per atom}, cells = { {atoms = {...}, value =, withheld = reason|nil} },
--            lines = { {parent = cell index, members = {cell indices}} } }
-- opts = { min =, protection = }
-- Returns the list of problems { cell =, kind = "determined"|"narrow"|"small_union", width =,
-- line = } (empty: the pattern is safe) and the null-space basis.
-- ONLY: check just that cell (and no lines), for trying complements.
function M.check(system, opts, only)
  local rows = {}
  for _, c in ipairs(system.cells) do
    if not c.withheld and #c.atoms > 0 then rows[#rows + 1] = c.atoms end
  end
  local n = #system.atoms
  local basis = M.null_space(rows, n)
  local problems = {}
  for ci, c in ipairs(system.cells) do
    if c.withheld and #c.atoms > 0 and (not only or only == ci) then
      local best = 0
      for _, d in ipairs(basis) do
        best = math.max(best, width_along(d, c.atoms, system.atoms))
        if best >= opts.protection then break end
      end
      if best == 0 then
        problems[#problems + 1] = { cell = ci, kind = "determined", width = 0 }
      elseif best < opts.protection and c.value > 0 then
        problems[#problems + 1] = { cell = ci, kind = "narrow", width = best }
      end
    end
  end
  for li, line in ipairs(only and {} or system.lines or {}) do
    if not system.cells[line.parent].withheld then
      local hidden, count = 0, 0
      for _, mi in ipairs(line.members) do
        local m = system.cells[mi]
        if m.withheld and m.value > 0 then hidden, count = hidden + m.value, count + 1 end
      end
      if count > 1 and hidden < opts.min then
        problems[#problems + 1] = { cell = line.parent, kind = "small_union", line = li, width = hidden }
      end
    end
  end
  return problems, basis
end

return M
