-- Tallies per pair of attribute values (src/survey.h, survey_counts positions above 8): kept by
-- every import and recount, merged across imports, and read by two-way results instead of a
-- scan. A two-way table read from them is exactly the one a scan gives; a wave whose pair rows
-- do not cover every respondent (counted before pairs were kept) falls back to the scan and is
-- not made worse by later imports.
local t = require "tap"
local ws = require "cairn.workspace"
local survey = require "cairn.survey"
local core = require "cairn.surveycore"
local model = require "cairn.survey.model"

ws.create("Riverside Unified", "pairs.db")
local db = ws.db()
survey.save_instrument {
  id = "climate", version = 1, title = "Climate", attributes = { "school", "role", "grade" },
  items = {
    { code = "S1", text = "I feel safe.", scale = "agreement" },
    { code = "N1", text = "Needs", type = "checklist", options = { "Time", "Safety", "Space" } },
    { code = "H", text = "Hours", type = "number" },
  },
}

-- a deterministic pseudo-random export (no math.random: the same rows on every run)
local seed = 12345
local function rnd(n)
  seed = (seed * 1103515245 + 12345) % 2147483648
  return seed % n + 1
end
local function write_csv(path, n)
  local f = assert(io.open(path, "w"))
  f:write("school,role,grade,S1,N1,H\n")
  local roles, needs = { "Teacher", "Aide", "" }, { "Time", "Safety", "Space", "Time;Space", "" }
  for _ = 1, n do
    local s1 = rnd(5)
    f:write(string.format("School %d,%s,%d,%s,%s,%s\n", rnd(12), roles[rnd(3)], rnd(4),
      s1 == 5 and "" or tostring(s1), needs[rnd(5)], rnd(3) == 1 and "" or tostring(rnd(40))))
  end
  f:close()
end
write_csv("pairs1.csv", 400)
write_csv("pairs2.csv", 300)

local function wave(name) return model.get_wave(name, db) end
local function pair_rows(w, pos)
  return db:value("SELECT coalesce(sum(respondents), 0) FROM survey_counts WHERE wave_id = ? AND position = ?", w.id, pos)
end
-- the stored tallies of a pair, as core.tally lists them
local function stored(w, pa, pb)
  local out = {}
  for r in db:rows("SELECT code, respondents, counts FROM survey_counts WHERE wave_id = ? AND position = ? ORDER BY code",
      w.id, 10 * pa + pb) do
    out[#out + 1] = { a = r.code // 4294967296, b = r.code % 4294967296, respondents = r.respondents,
      cells = core.cells(r.counts) }
  end
  return out
end
local function scanned(w, pa, pb) return core.tally(db, w.id, model.layout(w.inst), pa, pb) end

-- two imports into one wave: the pair rows are merged and equal a scan, for every pair
db:transaction(function()
  survey.import { file = "pairs1.csv", instrument = "climate", wave = "fall" }
  survey.import { file = "pairs2.csv", instrument = "climate", wave = "fall" }
end)
local w = wave("fall")
local total = db:value("SELECT count(*) FROM survey_response WHERE wave_id = ?", w.id)
for _, p in ipairs { { 1, 2 }, { 1, 3 }, { 2, 3 } } do
  t.is(pair_rows(w, 10 * p[1] + p[2]), total, string.format("pair %d,%d covers all %d respondents", p[1], p[2], total))
  t.same(stored(w, p[1], p[2]), scanned(w, p[1], p[2]), string.format("pair %d,%d: stored tallies = a scan", p[1], p[2]))
end

-- results read from the pair rows are the results of a scan (rows removed: the fallback)
local function text(by) return tostring(survey.results { wave = "fall", by = by }) end
local with_pairs = { text { "school", "role" }, text { "role", "grade" }, text { "grade", "school" } }
db:exec("DELETE FROM survey_counts WHERE wave_id = ? AND position > 8", w.id)
t.same({ text { "school", "role" }, text { "role", "grade" }, text { "grade", "school" } }, with_pairs,
  "two-way results from stored pairs = from a scan of the responses")

-- a wave without pair rows (counted before they were kept): a later import does not store
-- incomplete pairs, and the results still come from a scan
write_csv("pairs3.csv", 50)
db:transaction(function() survey.import { file = "pairs3.csv", instrument = "climate", wave = "fall" } end)
t.is(db:value("SELECT count(*) FROM survey_counts WHERE wave_id = ? AND position > 8", w.id), 0,
  "no partial pair rows after importing into a wave counted without them")
local scan_text = text { "school", "role" }
survey.recount("fall")
t.is(pair_rows(w, 12), db:value("SELECT count(*) FROM survey_response WHERE wave_id = ?", w.id),
  "survey.recount stores the pairs again")
t.is(text { "school", "role" }, scan_text, "and the results are unchanged")
t.same(stored(w, 2, 3), scanned(w, 2, 3), "recounted pair 2,3 = a scan")

-- the stored pattern's stamp ignores the pair rows (a recount does not make it stale)
local linked = require "cairn.survey.linked"
local results = require "cairn.survey.results"
local min, prot = results.min_group_size(db), results.protection_level(db)
local before = linked.stamp(db, w, min, prot)
db:exec("DELETE FROM survey_counts WHERE wave_id = ? AND position > 8", w.id)
t.is(linked.stamp(db, w, min, prot), before, "the pattern's stamp does not depend on the pair rows")

t.done()
