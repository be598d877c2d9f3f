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

M.null_space_dense = M.null_space

-- The same null space, computed sparsely: published cells are short lists of atoms, and many
-- are single atoms (every published cell of the finest table), so most columns are fixed at 0
-- at once. The basis is the one M.null_space_dense returns, element for element: for each free
-- column f (ascending) the unique null vector that is 0 on the other free columns, scaled to
-- whole numbers with no common factor and a positive f entry. Pivot columns do not depend on
-- the elimination order, so rows are eliminated sparsely in any order.
local function null_space_sparse(rows, n)
  -- 1. columns fixed at 0: a row with one unfixed atom fixes it (repeated until none)
  local fixed, nfixed = {}, 0
  local live = {}
  for i, r in ipairs(rows) do live[i] = r end
  local changed = true
  while changed do
    changed = false
    local keep = {}
    for _, r in ipairs(live) do
      local only, count = nil, 0
      for _, a in ipairs(r) do
        if not fixed[a] then
          count = count + 1
          only = a
          if count > 1 then break end
        end
      end
      if count == 1 then
        fixed[only] = true
        nfixed = nfixed + 1
        changed = true
      elseif count > 1 then
        keep[#keep + 1] = r
      end
    end
    live = keep
  end
  -- 2. sparse fraction-free Gauss-Jordan over the remaining columns
  local R, colrows = {}, {}
  for i, r in ipairs(live) do
    local row = {}
    for _, a in ipairs(r) do
      if not fixed[a] and not row[a] then
        row[a] = 1
        local cr = colrows[a]
        if not cr then cr = {}; colrows[a] = cr end
        cr[i] = true
      end
    end
    R[i] = row
  end
  local used, pivot_of_row, pivot_row_of = {}, {}, {}
  local rank = nfixed
  for col = 1, n do
    if not fixed[col] then
      local cr = colrows[col]
      local sel, selsize
      if cr then
        for i in pairs(cr) do
          if not used[i] then
            local size = 0
            for _ in pairs(R[i]) do size = size + 1 end
            if not sel or size < selsize or (size == selsize and i < sel) then sel, selsize = i, size end
          end
        end
      end
      if sel then
        used[sel] = true
        rank = rank + 1
        pivot_of_row[sel] = col
        pivot_row_of[col] = sel
        local pr = R[sel]
        local p = pr[col]
        local others = {}
        for i in pairs(cr) do if i ~= sel then others[#others + 1] = i end end
        for _, i in ipairs(others) do
          local r = R[i]
          local f = r[col]
          -- r = r * p - pr * f, then divided by the gcd of its entries
          local g = 0
          local cols = {}
          for j in pairs(r) do cols[#cols + 1] = j end
          for j in pairs(pr) do if not r[j] then cols[#cols + 1] = j end end
          for _, j in ipairs(cols) do
            local v = mul(r[j] or 0, p) - mul(pr[j] or 0, f)
            if v == 0 then
              if r[j] then r[j] = nil; colrows[j][i] = nil end
            else
              if not r[j] then
                local c2 = colrows[j]
                if not c2 then c2 = {}; colrows[j] = c2 end
                c2[i] = true
              end
              r[j] = v
              if g ~= 1 then g = gcd(g, v) end
            end
          end
          if g > 1 then for j, v in pairs(r) do r[j] = v // g end end
        end
      end
    end
  end
  -- 3. one vector per free column, as the dense version builds it
  local basis = {}
  for f = 1, n do
    if not fixed[f] and not pivot_row_of[f] then
      local L = 1
      local involved = {}
      for i in pairs(colrows[f] or {}) do
        if used[i] and R[i][f] then involved[#involved + 1] = i end
      end
      table.sort(involved)
      for _, i in ipairs(involved) do
        local p = R[i][pivot_of_row[i]]
        L = mul(L // gcd(L, p), math.abs(p))
      end
      local d = {}
      for j = 1, n do d[j] = 0 end
      d[f] = L
      for _, i in ipairs(involved) do
        local pc = pivot_of_row[i]
        d[pc] = -mul(R[i][f], L // R[i][pc])
      end
      normalize(d, n)
      basis[#basis + 1] = d
    end
  end
  return basis, rank
end
M.null_space = null_space_sparse

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
