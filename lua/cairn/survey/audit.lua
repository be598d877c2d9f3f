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
local core = require "cairn.surveycore"

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
  -- 2. sparse fraction-free Gauss-Jordan over the remaining columns. Rows that are the same
  -- once the fixed columns are dropped add nothing to the row space, so only one is kept.
  local R, colrows, size = {}, {}, {}
  local seen = {}
  for _, r in ipairs(live) do
    local list = {}
    for _, a in ipairs(r) do if not fixed[a] then list[#list + 1] = a end end
    table.sort(list)
    local key = table.concat(list, ",")
    if not seen[key] then
      seen[key] = true
      local i = #R + 1
      local row, k = {}, 0
      for _, a in ipairs(list) do
        if not row[a] then
          row[a] = 1
          k = k + 1
          local cr = colrows[a]
          if not cr then cr = {}; colrows[a] = cr end
          cr[i] = true
        end
      end
      R[i], size[i] = row, k
    end
  end
  local used, pivot_of_row, pivot_row_of = {}, {}, {}
  local rank = nfixed
  for col = 1, n do
    if not fixed[col] then
      local cr = colrows[col]
      local sel, selsize
      if cr then
        -- the pivot: a row with a unit entry if any (entries stay small), then the shortest
        for i in pairs(cr) do
          if not used[i] then
            local v = R[i][col]
            local cost = size[i] + ((v == 1 or v == -1) and 0 or 1000000000)
            if not sel or cost < selsize or (cost == selsize and i < sel) then sel, selsize = i, cost end
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
          local small = p < 2147483648 and p > -2147483648 and f < 2147483648 and f > -2147483648
          for _, j in ipairs(cols) do
            local rj, pj = r[j] or 0, pr[j] or 0
            local v
            if small and rj < 2147483648 and rj > -2147483648 and pj < 2147483648 and pj > -2147483648 then
              -- |each product| < 2^62, so the difference cannot overflow:, skip the checked multiply
              v = rj * p - pj * f
            else
              v = mul(rj, p) - mul(pj, f)
            end
            if v == 0 then
              if r[j] then r[j] = nil; colrows[j][i] = nil; size[i] = size[i] - 1 end
            else
              if not r[j] then
                size[i] = size[i] + 1
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
M.null_space_rows = null_space_sparse

-- The same basis again, found column by column: a column is free exactly when it is a
-- combination of the columns before it, and that combination (scaled to whole numbers with no
-- common factor and a positive entry for the free column) is the basis vector the elimination
-- above builds for it. Each atom lies in only a few published cells, so the columns are short
-- (a handful of entries) while the rows of margins are long; reducing columns keeps every
-- vector short. Returns the vectors sparse: { cols = {...}, vals = {...}, at = {col = val} }.
function M.null_space_columns(rows, n)
  -- 1. rows restricted to the columns not fixed at 0, duplicates dropped; local rows first
  local fixed = {}
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
        changed = true
      elseif count > 1 then
        keep[#keep + 1] = r
      end
    end
    live = keep
  end
  local nfixed = 0
  for _ in pairs(fixed) do nfixed = nfixed + 1 end
  local lists, seen = {}, {}
  for _, r in ipairs(live) do
    local list, has = {}, {}
    for _, a in ipairs(r) do
      if not fixed[a] and not has[a] then has[a] = true; list[#list + 1] = a end
    end
    table.sort(list)
    local key = table.concat(list, ",")
    if not seen[key] then seen[key] = true; lists[#lists + 1] = list end
  end
  table.sort(lists, function(x, y)
    if #x ~= #y then return #x < #y end
    for i = 1, #x do if x[i] ~= y[i] then return x[i] < y[i] end end
    return false
  end)
  local colrows = {}
  for ri, list in ipairs(lists) do
    for _, a in ipairs(list) do
      local cr = colrows[a]
      if not cr then cr = {}; colrows[a] = cr end
      cr[#cr + 1] = ri
    end
  end
  -- 2. reduce each column against the stored ones (keyed by their lowest row)
  local stored = {}
  local basis, rank = {}, nfixed
  local function lowest(v)
    local lo
    for r in pairs(v) do if not lo or r < lo then lo = r end end
    return lo
  end
  for col = 1, n do
    local cr = colrows[col]
    if cr and not fixed[col] then
      local v, c = {}, { [col] = 1 }
      for _, r in ipairs(cr) do v[r] = 1 end
      while true do
        local lo = lowest(v)
        if not lo then break end
        local sv = stored[lo]
        if not sv then
          stored[lo] = { v = v, c = c }
          rank = rank + 1
          break
        end
        -- v = v * p - sv.v * f (and the same for the combinations), then without common factor
        local p, f = sv.v[lo], v[lo]
        local g = 0
        for _, pair in ipairs({ { v, sv.v }, { c, sv.c } }) do
          local a, b = pair[1], pair[2]
          local small = p < 2147483648 and p > -2147483648 and f < 2147483648 and f > -2147483648
          for k, av in pairs(a) do
            a[k] = (small and av < 2147483648 and av > -2147483648) and av * p or mul(av, p)
          end
          for k, bv in pairs(b) do
            local nv = (a[k] or 0) - ((small and bv < 2147483648 and bv > -2147483648) and bv * f or mul(bv, f))
            if nv == 0 then a[k] = nil else a[k] = nv end
          end
          for _, av in pairs(a) do if g ~= 1 then g = gcd(g, av) end end
        end
        if g > 1 then
          for k, av in pairs(v) do v[k] = av // g end
          for k, av in pairs(c) do c[k] = av // g end
        end
      end
      if not next(v) then
        -- a free column: C is its null vector
        local g = 0
        for _, av in pairs(c) do g = gcd(g, av) end
        if c[col] < 0 then g = -g end
        local cols = {}
        for k in pairs(c) do cols[#cols + 1] = k end
        table.sort(cols)
        local vals, at = {}, {}
        for i, k in ipairs(cols) do vals[i] = c[k] // g; at[k] = vals[i] end
        basis[#basis + 1] = { cols = cols, vals = vals, at = at }
      end
    elseif not fixed[col] then
      basis[#basis + 1] = { cols = { col }, vals = { 1 }, at = { [col] = 1 } }
    end
  end
  return basis, rank
end

-- The dense form of that basis (what M.null_space_dense returns).
function M.null_space(rows, n)
  local sparse, rank = M.null_space_columns(rows, n)
  local basis = {}
  for i, s in ipairs(sparse) do
    local d = {}
    for j = 1, n do d[j] = 0 end
    for k, col in ipairs(s.cols) do d[col] = s.vals[k] end
    basis[i] = d
  end
  return basis, rank
end

-- How far the cell with atom list ATOMS can move along null vector D while every atom value X
-- stays a non-negative whole number: the width of the range of values so reached (math.huge
-- when it is unbounded), 0 when D does not move it.
local function width_along(d, atoms, x)
  local s = 0
  local at = d.at
  for _, a in ipairs(atoms) do s = s + (at[a] or 0) end
  if s == 0 then return 0 end
  local up, down = math.huge, math.huge
  local vals = d.vals
  for k, j in ipairs(d.cols) do
    local dj = vals[k]
    if dj < 0 then up = math.min(up, x[j] // -dj)
    elseif dj > 0 then down = math.min(down, x[j] // dj) end
  end
  if up == math.huge or down == math.huge then return math.huge end
  return (up + down) * math.abs(s)
end

-- Withheld lines "parent = members" whose withheld members add up to more than 0 but fewer
-- than the minimum (a small group recovered as a whole), appended to PROBLEMS.
local function small_unions(system, opts, problems)
  for li, line in ipairs(system.lines or {}) do
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
  return problems
end

-- system = { atoms = {value per atom}, cells = { {atoms = {...}, value =, withheld = reason|nil} },
--            lines = { {parent = cell index, members = {cell indices}} } }
-- opts = { min =, protection = }
-- Returns the list of problems { cell =, kind = "determined"|"narrow"|"small_union", width =,
-- line = } (empty: the pattern is safe) and the null-space basis.
-- ONLY: check just that cell (and no lines), for trying complements.
-- BASIS: the null space of exactly these published cells, when the caller already has it.
--
-- This is the reference implementation, in Lua: M.check below computes the same problems (the
-- same basis, the same widths) in C; tests/lua/survey_pattern_fast_test.lua holds them equal.
function M.check_lua(system, opts, only, basis)
  if not basis then
    local rows = {}
    for _, c in ipairs(system.cells) do
      if not c.withheld and #c.atoms > 0 then rows[#rows + 1] = c.atoms end
    end
    basis = M.null_space_columns(rows, #system.atoms)
  end
  -- only the vectors that touch a cell's atoms can move it (the verdict is the largest width,
  -- or any width reaching the protection level, so the order they are tried in does not matter)
  local touching = {}
  for bi, d in ipairs(basis) do
    for _, col in ipairs(d.cols) do
      local list = touching[col]
      if not list then list = {}; touching[col] = list end
      list[#list + 1] = bi
    end
  end
  local problems = {}
  for ci, c in ipairs(system.cells) do
    if c.withheld and #c.atoms > 0 and (not only or only == ci) then
      local best = 0
      local tried = {}
      for _, a in ipairs(c.atoms) do
        for _, bi in ipairs(touching[a] or {}) do
          if not tried[bi] then
            tried[bi] = true
            best = math.max(best, width_along(basis[bi], c.atoms, system.atoms))
            if best >= opts.protection then break end
          end
        end
        if best >= opts.protection then break end
      end
      if best == 0 then
        problems[#problems + 1] = { cell = ci, kind = "determined", width = 0 }
      elseif best < opts.protection and c.value > 0 then
        problems[#problems + 1] = { cell = ci, kind = "narrow", width = best }
      end
    end
  end
  if only then return problems, basis end
  return small_unions(system, opts, problems), basis
end

-- The C form of a system (its atom lists, values and lines, read once): kept on the system, whose
-- atoms and cells' atom lists and values must not change after its first check (the withheld
-- marks may: they are read at every check).
local function elim_of(system)
  local e = system.elim
  if not e then
    e = core.elim_system(system)
    system.elim = e
  end
  return e
end

-- The check, as M.check_lua describes it, with the elimination and the widths in C
-- (src/survey_elim.c). BASIS, given or returned, is an opaque handle of this system's basis.
function M.check(system, opts, only, basis)
  local e = elim_of(system)
  basis = basis or e:basis(system.cells)
  return e:check(basis, system.cells, opts.protection, opts.min, only), basis
end

-- The null space that M.check uses, computed in C, in the dense form of M.null_space (tests).
function M.null_space_c(rows, n)
  local x, cells = {}, {}
  for j = 1, n do x[j] = 0 end
  for i, r in ipairs(rows) do cells[i] = { atoms = r, value = 0 } end
  local basis = core.elim_system({ atoms = x, cells = cells }):basis(cells)
  return basis:vectors()
end

return M
