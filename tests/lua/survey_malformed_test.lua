-- The malformed-file corpus (tests/survey/malformed): every file stops the import with its
-- expected FILE:LINE:COLUMN (header): "value": expected ... message, and the workspace is
-- byte-for-byte the same afterwards (a hash of a full dump of every table).
local t = require "tap"
local ws = require "cairn.workspace"
local host = require "cairn.host"
local survey = require "cairn.survey"

local tests = os.getenv("CAIRN_TESTS")
local dir = tests .. "/survey/malformed/"
ws.create("Riverside Unified", "malformed.db")
local db = ws.db()
survey.save_instrument(dofile(tests .. "/survey/fixtures/staff_instrument.lua"))
survey.import { file = tests .. "/survey/fixtures/google.csv", instrument = "staff_climate", wave = "2026 fall" }

local function dump()
  local parts = {}
  for tbl in db:rows("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name") do
    local q = db:query("SELECT * FROM \"" .. tbl.name .. "\" ORDER BY 1, 2")
    parts[#parts + 1] = tbl.name
    for _, row in ipairs(q.rows) do
      local cells = {}
      for c = 1, #q.columns do cells[c] = tostring(row[c]) end
      parts[#parts + 1] = table.concat(cells, "\31")
    end
  end
  return host.hash(table.concat(parts, "\30")), #parts
end

local before, nrows = dump()
t.ok(nrows > 20, "the workspace holds responses before the corpus runs")
local cases = dofile(dir .. "expected.lua")
t.ok(#cases >= 30, "at least 30 malformed files")
local UPDATE = os.getenv("UPDATE_MALFORMED")
for _, case in ipairs(cases) do
  local file, want = case[1], case[2]
  local ok, err = pcall(survey.import, { file = dir .. file, wave = case.wave or "2026 fall",
    map = case.map and dir .. case.map or nil, instrument = case.instrument })
  err = tostring(err):gsub(dir:gsub("%p", "%%%0"), "")
  if UPDATE then print(string.format("  { %q, [[%s]]%s },", file, err, case.map and (", map = %q"):format(case.map) or case.wave and (", wave = %q"):format(case.wave) or "")) end
  t.ok(not ok, file .. " is refused")
  t.is(err, want, file .. ": message")
  t.is(dump(), before, file .. ": workspace unchanged")
  -- --check says the same and stores nothing either
  local ok2, err2 = pcall(survey.import, { file = dir .. file, wave = case.wave or "2026 fall",
    map = case.map and dir .. case.map or nil, check = true })
  t.ok(not ok2 and tostring(err2):gsub(dir:gsub("%p", "%%%0"), "") == want, file .. ": --check gives the same error")
end
t.is(db:value("SELECT count(*) FROM survey_response"), 5, "only the good import's responses")
t.done()
