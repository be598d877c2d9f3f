-- The survey report fixture: a four-school staff survey with two waves imported from CSV. Dover has 3 respondents, fewer than the minimum group size of 5, so it is suppressed.
local survey = require "cairn.survey"
local dir = assert(os.getenv("TESTS")) .. "/survey_reports/"
survey.save_instrument {
  id = "fixture_climate", version = 1, title = "Fixture climate survey", attributes = { "school", "role" },
  sections = {
    { title = "Climate", items = {
      { code = "Q1", text = "I feel supported by school leaders.", scale = "agreement" },
      { code = "Q2", text = "Staff communicate openly.", scale = "agreement" },
      { code = "Q3", text = "My school is a safe place to work.", scale = "agreement" } } },
    { title = "Priorities", items = {
      { code = "AREAS", text = "Top areas where the school needs to improve", type = "checklist",
        options = { "Class sizes", "Safety", "Facilities", "Communication", "Time to collaborate" } } } },
  },
}
local roster = { school = { Adams = 10, Baker = 9, Cedar = 8, Dover = 4 } }
survey.wave { instrument = "fixture_climate", name = "2025 spring", starts = "2025-04-01",
              ends = "2025-04-20", audience = "all staff", roster = roster }
survey.wave { instrument = "fixture_climate", name = "2026 spring", starts = "2026-04-01",
              ends = "2026-04-20", audience = "all staff", roster = roster }
local a = survey.import { file = dir .. "responses_2025.csv", instrument = "fixture_climate", wave = "2025 spring" }
local b = survey.import { file = dir .. "responses_2026.csv", instrument = "fixture_climate", wave = "2026 spring" }
print(string.format("imported %d and %d responses", a.added, b.added))
