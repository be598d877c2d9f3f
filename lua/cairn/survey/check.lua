-- cairn.survey.check: consistency checks for `cairn check` (survey.check(db) -> problems).
local model = require "cairn.survey.model"

local M = {}

function M.check(db)
  local problems = {}
  local function add(fmt, ...) problems[#problems + 1] = string.format(fmt, ...) end
  for r in db:rows("SELECT id, version, definition FROM survey_instrument ORDER BY id, version") do
    local ok, inst = pcall(model.from_definition, r.definition)
    if not ok then
      add("survey instrument %s version %d: stored definition is invalid: %s", r.id, r.version, tostring(inst))
    else
      local slots = db:value("SELECT count(*) FROM survey_slot WHERE instrument = ? AND version = ?", r.id, r.version)
      if slots ~= #inst.items then
        add("survey instrument %s version %d: %d items but %d stored slots", r.id, r.version, #inst.items, slots)
      end
    end
  end
  for w in db:rows("SELECT w.id, w.name, w.instrument, w.version, w.roster FROM survey_wave w ORDER BY w.name") do
    local ok, inst = pcall(model.get_instrument, w.instrument, w.version, db)
    if ok then
      local why = w.roster ~= nil and model.roster_problem(w.roster, inst)
      if why then add("survey wave '%s': its roster (survey_wave.roster) is damaged: %s", w.name, why) end
      local bytes = model.layout(inst).bytes
      local bad = db:value("SELECT count(*) FROM survey_response WHERE wave_id = ? AND length(answers) <> ?", w.id, bytes)
      if bad > 0 then add("survey wave '%s': %d responses with answers of the wrong size", w.name, bad) end
      local n = db:value("SELECT count(*) FROM survey_response WHERE wave_id = ?", w.id)
      local counted = db:value("SELECT respondents FROM survey_counts WHERE wave_id = ? AND position = 0", w.id) or 0
      if n ~= counted then
        add("survey wave '%s': %d responses but the count tables say %d (run survey.recount)", w.name, n, counted)
      end
      for p = 1, #inst.attributes do
        local missing = db:value("SELECT count(*) FROM survey_response r WHERE r.wave_id = ? AND r.a" .. p
          .. " <> 0 AND NOT EXISTS (SELECT 1 FROM survey_attr_value v WHERE v.wave_id = r.wave_id AND v.position = ? AND v.code = r.a" .. p .. ")",
          w.id, p)
        if missing > 0 then
          add("survey wave '%s': %d responses name an unknown %s", w.name, missing, inst.attributes[p])
        end
      end
      local anon_refs = db:value("SELECT count(*) FROM survey_response r JOIN survey_wave w ON w.id = r.wave_id "
        .. "WHERE w.id = ? AND w.mode = 'anonymous' AND r.ref IS NOT NULL", w.id)
      if anon_refs > 0 then add("survey wave '%s' is anonymous but %d responses keep an id", w.name, anon_refs) end
    else
      add("survey wave '%s': %s", w.name, tostring(inst))
    end
  end
  return problems
end

return M
