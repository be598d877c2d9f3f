-- The demo district's settings (the rest of the demo is loaded by demo_plan.lua and
-- demo_survey.lua; see scripts/demo).
local ws = require "cairn.workspace"
ws.set_setting("survey.min_group_size", 5)
