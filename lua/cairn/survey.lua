-- cairn.survey: the survey primitive (docs/survey-api.md). Scales, instruments, waves, imports,
-- data entry and private results. This file gathers the API; the parts live in
-- lua/cairn/survey/*.lua and the hot loops in C (cairn.surveycore, cairn.csv).
local model = require "cairn.survey.model"
local import = require "cairn.survey.import"
local results = require "cairn.survey.results"
local bank = require "cairn.survey.bank"
local entry = require "cairn.survey.entry"
local check = require "cairn.survey.check"

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
survey.load_bank = bank.load
survey.save_bank = bank.save
survey.import = import.import
survey.add_responses = import.add_responses
survey.recount = import.recount_wave
survey.entry = entry.entry
survey.results = results.results
survey.compare = results.compare
survey.top_areas = results.top_areas
survey.comments = results.comments
survey.response_rates = results.response_rates
survey.min_group_size = results.min_group_size
survey.set_min_group_size = results.set_min_group_size
-- the proof that no withheld figure can be worked out (docs/survey-privacy.md)
function survey.audit(wave)
  local opts = type(wave) == "table" and wave or { wave = wave }
  return require("cairn.survey.audit_wave").run(opts)
end
survey.check = check.check

local help = require "cairn.help"
do
  help.module(survey, "survey", {
    scale = "survey.scale(name) -> scale\nA scale: ordered levels {label, value}, favorable values, optional n/a. "
      .. "survey.scales() lists them; districts edit cairn/survey/scales.lua.",
    scales = "survey.scales() -> names of the scales (agreement, frequency, quality, rating, yesno, ...)",
    define_scale = "survey.define_scale{name =, levels = {...}, favorable = {...}, na =} -> scale",
    instrument = "survey.instrument{id =, version =, attributes = {...}, sections = {{title =, items = {...}}}} -> instrument\n"
      .. "Validates an instrument (item types: scale, checklist, choice, yesno, number, text).",
    save_instrument = "survey.save_instrument(def) -> instrument\nStores it; a changed definition needs a higher version.",
    get_instrument = "survey.get_instrument(id [, version]) -> instrument (the latest version by default)",
    instruments = "survey.instruments() -> list of {id, version, title, items, attributes}",
    wave = "survey.wave{name =, instrument =, starts =, ends =, audience =, mode = 'anonymous'|'confidential', roster =} -> wave",
    get_wave = "survey.get_wave(name) -> wave",
    waves = "survey.waves([instrument]) -> list of waves with response counts",
    delete_wave = "survey.delete_wave(name) -- removes the wave and its responses",
    load_bank = "survey.load_bank(path.csv) -> instrument\nA CSV question bank (one row per item) edited in a spreadsheet.",
    save_bank = "survey.save_bank(instrument or id, path.csv) -- writes the question bank",
    import = "survey.import{file =, wave =, instrument =, map =, check = true} -> summary\n"
      .. "Google Forms, Qualtrics, LimeSurvey or plain CSV; one transaction; errors name FILE:LINE:COLUMN.",
    add_responses = "survey.add_responses(wave, {{school =, role =, C1 = 4, N1 = {'A', 'B'}}, ...}) -> {added, duplicates}",
    recount = "survey.recount(wave) -- rebuild the wave's count tables (after SQL changes)",
    entry = "survey.entry{wave =, instrument =, input = io.stdin} -- type paper forms, one line per respondent",
    results = "survey.results{wave =, by = 'school' | {'school', 'role'}, where = {school = 'Adams'}, items =, compare =}\n"
      .. "n, distribution, percent favorable, mean, sd per item and group; small groups withheld.\n"
      .. "Prints as an aligned summary; survey.results('2026 fall') for the whole wave.",
    compare = "survey.compare{wave =, previous =, by =} -- results with change since the previous wave",
    top_areas = "survey.top_areas{wave =, item =, by = 'school', limit = 5} -- ranked checklist options",
    comments = "survey.comments{wave =, item =, by =} -- open-text answers, only for large enough groups",
    response_rates = "survey.response_rates{wave =, by = 'school'} -- respondents / roster counts",
    min_group_size = "survey.min_group_size() -> the workspace's minimum group size (settings, default 5)",
    set_min_group_size = "survey.set_min_group_size(n) -- a positive whole number; returns a warning under 5",
    audit = "survey.audit('2026 fall') -> { problems = {...}, ... } -- can any withheld figure be worked out?",
    check = "survey.check(db) -> list of problems (used by cairn check)",
  })
end

return survey
