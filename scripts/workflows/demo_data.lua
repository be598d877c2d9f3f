-- Fill a new workspace with a small demo district. Later modules add plans, worksheets and
-- survey results here.
local ws = require "cairn.workspace"
ws.set_setting("survey.min_group_size", 5)
print("demo data loaded into " .. ws.path())
