-- The fast suppression pattern (the audit's elimination and widths in C, src/survey_elim.c)
-- must be exactly the pattern of the Lua reference (audit.check_lua, the code it replaced): the
-- "narrow" verdicts depend on the null-space basis, so a different basis or a different width
-- would change what is withheld. Checked three ways:
--   1. the C null space equals the Lua one, vector for vector, on random hypercube systems;
--   2. audit.check equals audit.check_lua, problem for problem, on random withheld sets (whole
--      checks and single-cell checks, with lines);
--   3. on generated waves (2 and 3 attributes, few and many groups, small groups, missing
--      answers, checklists, text items) linked.compute gives the same pattern as the search run
--      with the reference check, the comment patterns are the same, and `survey audit` on what
--      is published finds nothing recoverable.
local t = require "tap"
local ws = require "cairn.workspace"
local survey = require "cairn.survey"
local model = require "cairn.survey.model"
local linked = require "cairn.survey.linked"
local audit = require "cairn.survey.audit"
local audit_wave = require "cairn.survey.audit_wave"
local results = require "cairn.survey.results"

local function diag(msg) io.write("# ", msg, "\n") end

local seed = 20261205
local function rand(k)
  seed = (seed * 1103515245 + 12345) % 2147483648
  return seed % k + 1
end

local function same_vectors(a, b)
  if #a ~= #b then return false end
  for i = 1, #a do
    if #a[i] ~= #b[i] then return false end
    for j = 1, #a[i] do if a[i][j] ~= b[i][j] then return false end end
  end
  return true
end

local function same_problems(a, b)
  if #a ~= #b then return false end
  for i = 1, #a do
    local x, y = a[i], b[i]
    if x.cell ~= y.cell or x.kind ~= y.kind or x.width ~= y.width or x.line ~= y.line then return false end
  end
  return true
end

-- a random system shaped like a wave: A x B atoms (some absent), cells = total, A margins,
-- B margins and the atoms, lines from each margin to its members
local function random_system()
  local na, nb = rand(14), rand(4)
  local atoms, x, n = {}, {}, 0
  for a = 1, na do
    for b = 1, nb do
      if rand(5) > 1 then
        n = n + 1
        atoms[n] = { a = a, b = b }
        x[n] = ({ 0, 1, 1, 2, 3, 4, 6, 9, 15, 40 })[rand(10)]
      end
    end
  end
  local cells, lines = {}, {}
  local function cell(list)
    local v = 0
    for _, i in ipairs(list) do v = v + x[i] end
    cells[#cells + 1] = { atoms = list, value = v }
    return #cells
  end
  local all = {}
  for i = 1, n do all[i] = i end
  local total = cell(all)
  local atom_cell = {}
  for i = 1, n do atom_cell[i] = cell({ i }) end
  local by_a, by_b = {}, {}
  for a = 1, na do
    local l, m = {}, {}
    for i, at in ipairs(atoms) do if at.a == a then l[#l + 1] = i; m[#m + 1] = atom_cell[i] end end
    if #l > 0 then
      local ci = cell(l)
      by_a[#by_a + 1] = ci
      lines[#lines + 1] = { parent = ci, members = m }
    end
  end
  for b = 1, nb do
    local l, m = {}, {}
    for i, at in ipairs(atoms) do if at.b == b then l[#l + 1] = i; m[#m + 1] = atom_cell[i] end end
    if #l > 0 then
      local ci = cell(l)
      by_b[#by_b + 1] = ci
      lines[#lines + 1] = { parent = ci, members = m }
    end
  end
  lines[#lines + 1] = { parent = total, members = by_a }
  lines[#lines + 1] = { parent = total, members = by_b }
  local share = rand(3) -- withhold about 1/(share+1) of the cells
  for _, c in ipairs(cells) do
    if #c.atoms > 0 and rand(share + 1) == 1 then c.withheld = "w" end
  end
  return { atoms = x, cells = cells, lines = lines }, n
end

-- 1 and 2
local basis_ok, check_ok, only_ok, cases = true, true, true, 0
for case = 1, 150 do
  local sys, n = random_system()
  local rows = {}
  for _, c in ipairs(sys.cells) do if not c.withheld then rows[#rows + 1] = c.atoms end end
  if not same_vectors(audit.null_space_c(rows, n), (audit.null_space(rows, n))) then
    basis_ok = false
    diag("null space differs on random system " .. case)
  end
  for _, opts in ipairs { { min = 5, protection = 3 }, { min = 3, protection = 1 }, { min = 10, protection = 8 } } do
    local fast = audit.check(sys, opts)
    local ref = audit.check_lua(sys, opts)
    if not same_problems(fast, ref) then
      check_ok = false
      diag(string.format("check differs on random system %d (min %d)", case, opts.min))
    end
    for ci, c in ipairs(sys.cells) do
      if c.withheld and not same_problems(audit.check(sys, opts, ci), (audit.check_lua(sys, opts, ci))) then
        only_ok = false
        diag(string.format("check of cell %d differs on random system %d", ci, case))
      end
    end
  end
  cases = cases + 1
end
t.ok(basis_ok, cases .. " random systems: the C null space is the Lua one, vector for vector")
t.ok(check_ok, "and the C check reports the same problems (cells, kinds, widths, lines)")
t.ok(only_ok, "and the same verdict for every single withheld cell")

-- corner cases: nothing published, everything published, a lone atom
for _, sys in ipairs {
  { atoms = { 3 }, cells = { { atoms = { 1 }, value = 3, withheld = "w" } } },
  { atoms = { 2, 0 }, cells = { { atoms = { 1, 2 }, value = 2 }, { atoms = { 1 }, value = 2, withheld = "w" },
    { atoms = { 2 }, value = 0, withheld = "w" } } },
  { atoms = { 1, 2 }, cells = { { atoms = { 1, 2 }, value = 3 }, { atoms = { 1 }, value = 1 }, { atoms = { 2 }, value = 2 } } },
} do
  local opts = { min = 5, protection = 3 }
  t.ok(same_problems(audit.check(sys, opts), (audit.check_lua(sys, opts))), "corner case: the same problems")
end

-- 3: generated waves through the public API
ws.create("Fast pattern", "fast.db")
local function instrument(id, attributes)
  survey.save_instrument { id = id, version = 1, title = id, attributes = attributes,
    items = { { code = "A", text = "a", scale = "agreement" }, { code = "B", text = "b", scale = "frequency" },
      { code = "K", text = "k", type = "checklist", options = { "x", "y", "z" } },
      { code = "T", text = "t", type = "text" } } }
end
instrument("two", { "school", "role" })
instrument("three", { "school", "role", "band" })

-- the pattern as the reference computes it: the same search, with the Lua check
local function reference_pattern(db, w, min, protection)
  local fast = audit.check
  audit.check = audit.check_lua
  local ok2, p = pcall(linked.compute, db, w, min, protection)
  audit.check = fast
  assert(ok2, p)
  return p
end
local function comment_patterns(db, w, min, threshold, protection)
  local out = {}
  for ii, item in ipairs(w.inst.items) do
    if item.type == "text" then
      local map = linked.comment_pattern(db, w, ii, min, threshold, protection, "c")
      local list = {}
      for tkey, cells in pairs(map) do
        for ckey, why in pairs(cells) do list[#list + 1] = tkey .. "|" .. ckey .. "|" .. tostring(why) end
      end
      table.sort(list)
      out[#out + 1] = table.concat(list, "\n")
    end
  end
  return table.concat(out, "\n--\n")
end

local sizes = { 1, 1, 2, 2, 3, 4, 5, 6, 8, 12, 20, 40 }
local roles = { "teacher", "teacher", "teacher", "aide", "admin", "nurse", "counselor" }
local bands = { "K-5", "6-8", "9-12" }
local waves = {
  { inst = "two", schools = 6 }, { inst = "two", schools = 15 }, { inst = "two", schools = 40 },
  { inst = "two", schools = 60, min = 3 }, { inst = "three", schools = 5 }, { inst = "three", schools = 12 },
  { inst = "three", schools = 20, min = 10 }, { inst = "two", schools = 25, min = 7 },
}
local db = ws.db()
for wi, spec in ipairs(waves) do
  local name = "wave " .. wi
  survey.wave { name = name, instrument = spec.inst }
  local rows = {}
  local nroles = 2 + rand(5)
  for s = 1, spec.schools do
    for _ = 1, sizes[rand(#sizes)] do
      rows[#rows + 1] = { school = "S" .. s, role = roles[rand(nroles)], band = spec.inst == "three" and bands[rand(3)] or nil,
        A = rand(10) > 1 and rand(4) or nil, B = rand(10) > 3 and rand(4) or nil,
        K = rand(5) > 1 and { ({ "x", "y", "z" })[rand(3)] } or nil, T = rand(5) > 3 and "text" or nil }
    end
  end
  survey.add_responses(name, rows)
  ws.set_setting("survey.min_group_size", spec.min or 5)
  local w = model.get_wave(name, db)
  local min, protection = results.min_group_size(db), results.protection_level(db)
  local threshold = results.min_comment_group_size(db)
  local started = os.clock()
  local fast = linked.encode_pattern(linked.compute(db, w, min, protection))
  local fast_time = os.clock() - started
  started = os.clock()
  local ref = linked.encode_pattern(reference_pattern(db, w, min, protection))
  local ref_time = os.clock() - started
  t.ok(fast == ref and #fast > 0, string.format("%s (%s, %d respondents, %d schools, minimum %d): the same pattern "
    .. "as the reference (%d withheld entries)", name, spec.inst, #rows, spec.schools, min, select(2, fast:gsub("\n", "")) + 1))
  diag(string.format("  fast %.3f s, reference %.3f s", fast_time, ref_time))
  local fast_comments = comment_patterns(db, w, min, threshold, protection)
  local plain = audit.check
  audit.check = audit.check_lua
  local ok3, ref_comments = pcall(comment_patterns, db, w, min, threshold, protection)
  audit.check = plain
  t.ok(ok3 and fast_comments == ref_comments, name .. ": the same comment patterns")
  local report = audit_wave.run { wave = name }
  t.same(report.problems, {}, name .. ": the audit finds no withheld figure that can be worked out")
end
ws.set_setting("survey.min_group_size", 5)

-- the benchmark's wave at 100 schools x 2,500 respondents (bench/survey/gen.lua): the pattern
-- recorded from the Lua reference before the C check existed (commit fa0f6b0), byte for byte
local tests = assert(os.getenv("CAIRN_TESTS"))
local csv = os.tmpname()
assert(os.execute(string.format("lua5.4 %q %q 2500 40 100", tests .. "/../bench/survey/gen.lua", csv)))
survey.save_instrument(dofile(tests .. "/../bench/survey/instrument.lua"))
survey.import { file = csv, instrument = "bench", wave = "bench" }
os.remove(csv)
local w = model.get_wave("bench", db)
local started = os.clock()
local p = linked.compute(db, w, results.min_group_size(db), results.protection_level(db))
diag(string.format("  bench wave: %.2f s", os.clock() - started))
t.golden(linked.encode_pattern(p), "survey/golden/bench_pattern_100x2500.txt",
  "the bench wave (100 schools, 2,500 respondents): the reference's pattern, byte for byte")
t.same(audit_wave.run { wave = "bench" }.problems, {}, "and the audit passes on it")

t.done()
