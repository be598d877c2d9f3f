-- cairn.survey: the survey primitive (docs/survey-api.md). Scales, instruments, waves, imports,
-- data entry and private results. This file gathers the API; the parts live in
-- lua/cairn/survey/*.lua and the hot loops in C (cairn.surveycore, cairn.csv).
local model = require "cairn.survey.model"

local survey = {}

survey.scale = model.scale
survey.scales = model.scales
survey.define_scale = model.define_scale
survey.instrument = model.instrument
survey.save_instrument = model.save_instrument
survey.get_instrument = model.get_instrument
survey.instruments = model.instruments
survey.wave = model.wave
survey.get_wave = model.get_wave
survey.waves = model.waves
survey.delete_wave = model.delete_wave

-- Parts loaded on first use, so `survey.scale` does not pull in the importer.
local parts = {
  load_bank = { "cairn.survey.bank", "load" },
  save_bank = { "cairn.survey.bank", "save" },
  import = { "cairn.survey.import", "import" },
  add_responses = { "cairn.survey.import", "add_responses" },
  entry = { "cairn.survey.entry", "entry" },
  results = { "cairn.survey.results", "results" },
  compare = { "cairn.survey.results", "compare" },
  top_areas = { "cairn.survey.results", "top_areas" },
  comments = { "cairn.survey.results", "comments" },
  response_rates = { "cairn.survey.results", "response_rates" },
  check = { "cairn.survey.check", "check" },
  recount = { "cairn.survey.import", "recount_wave" },
  min_group_size = { "cairn.survey.results", "min_group_size" },
}

return setmetatable(survey, {
  __index = function(t, k)
    local p = parts[k]
    if not p then return nil end
    local ok, mod = pcall(require, p[1])
    if not ok then
      if k == "check" then return nil end
      error(mod, 0)
    end
    local f = mod[p[2]]
    rawset(t, k, f)
    return f
  end,
})
