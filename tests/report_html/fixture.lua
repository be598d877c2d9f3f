-- A report document with every block type and every chart kind, as a plain table of the shape in
-- docs/report-document.md (no builders), for the HTML/SVG/XLSX renderer tests.
local M = {}

local function tbl(id, caption, columns, rows, extra)
  local t = { type = "table", id = id, caption = caption, columns = columns, rows = rows }
  for k, v in pairs(extra or {}) do t[k] = v end
  return t
end

function M.charts()
  return {
    { type = "chart", kind = "bar", title = "Open items by owner",
      alt = "Ruiz has the most open items (4), then Chen (2) and Okafor (1).",
      data = { { label = "Ruiz", value = 4 }, { label = "Chen", value = 2 },
               { label = "Okafor, Adaeze (assistant principal for curriculum and instruction)", value = 1 },
               { label = "Small school", suppressed = true, reason = "fewer than 5 staff" } },
      table = tbl("t-bar", nil, { { id = "label", label = "Owner" }, { id = "value", label = "Open items", format = "integer" } },
        { { label = "Ruiz", value = 4 }, { label = "Chen", value = 2 }, { label = "Okafor", value = 1 },
          { label = "Small school", value = { suppressed = true, reason = "fewer than 5 staff" } } }) },
    { type = "chart", kind = "likert", title = "I feel safe at school",
      alt = "Grade 9: 62% agree or strongly agree; Grade 10: 48%. Grade 12 is suppressed.",
      levels = { "Strongly disagree", "Disagree", "Agree", "Strongly agree" }, favorable_from = 3,
      data = { { label = "Grade 9", counts = { 5, 14, 30, 21 }, n = 70 },
               { label = "Grade 10", counts = { 10, 16, 20, 4 }, n = 50 },
               { label = "Grade 12", suppressed = true, reason = "fewer than 10 responses" } },
      table = tbl("t-likert", "I feel safe at school (counts)",
        { { id = "label", label = "Group" }, { id = "sd", label = "Strongly disagree", format = "integer" },
          { id = "d", label = "Disagree", format = "integer" }, { id = "a", label = "Agree", format = "integer" },
          { id = "sa", label = "Strongly agree", format = "integer" }, { id = "fav", label = "Favorable", format = "percent", decimals = 0 } },
        { { label = "Grade 9", sd = 5, d = 14, a = 30, sa = 21, fav = 0.7286 },
          { label = "Grade 10", sd = 10, d = 16, a = 20, sa = 4, fav = 0.48 },
          { label = "Grade 12", sd = { suppressed = true, reason = "fewer than 10 responses" },
            d = { suppressed = true, reason = "fewer than 10 responses" },
            a = { suppressed = true, reason = "fewer than 10 responses" },
            sa = { suppressed = true, reason = "fewer than 10 responses" },
            fav = { suppressed = true, reason = "fewer than 10 responses" } } }) },
    { type = "chart", kind = "status", title = "Action steps by status",
      alt = "Most steps are on track; two are off track.",
      levels = { "not started", "on track", "at risk", "off track", "done", "dropped" },
      data = { { label = "Attendance plan", counts = { 1, 6, 2, 2, 3, 0 } },
               { label = "Literacy plan", counts = { 0, 4, 1, 0, 7, 1 } } },
      table = tbl("t-status", nil, { { id = "label", label = "Plan" }, { id = "on", label = "On track", format = "integer" } },
        { { label = "Attendance plan", on = 6 }, { label = "Literacy plan", on = 4 } }) },
    { type = "chart", kind = "progress", title = "Benchmarks",
      alt = "Chronic absence is 15% against a target of 12%; reading proficiency met its target.",
      data = { { label = "Chronic absence, grade 9", baseline = 18, actual = 15, target = 12, unit = "%", direction = "down" },
               { label = "Reading proficiency", baseline = 41, actual = 52.5, target = 50, unit = "%", direction = "up" } },
      table = tbl("t-progress", nil, { { id = "label", label = "Benchmark" }, { id = "actual", label = "Actual", format = "number" },
        { id = "target", label = "Target", format = "number" } },
        { { label = "Chronic absence, grade 9", actual = 15, target = 12 }, { label = "Reading proficiency", actual = 52.5, target = 50 } }) },
    { type = "chart", kind = "timeline", title = "Milestones",
      alt = "Six milestones from September 2026 to March 2027.",
      data = { { label = "Kick-off", date = "2026-09-02", status = "done" },
               { label = "Coach training", date = "2026-09-15", end_date = "2026-10-30", status = "done" },
               { label = "Family nights", date = "2026-10-01", end_date = "2027-01-31", status = "on track" },
               { label = "Mid-year data review", date = "2027-01-20", status = "at risk" },
               { label = "Mentoring pilot", date = "2026-11-01", end_date = "2027-02-28", status = "off track" },
               { label = "Board report", date = "2027-03-10" } },
      table = tbl("t-timeline", nil, { { id = "label", label = "Milestone" }, { id = "date", label = "Date", format = "date" } },
        { { label = "Kick-off", date = "2026-09-02" }, { label = "Board report", date = "2027-03-10" } }) },
    { type = "chart", kind = "fishbone", title = "Why is ninth-grade absenteeism rising?",
      problem = "Ninth-grade chronic absence rose from 12% to 18%",
      alt = "Six categories of causes; transportation is ranked first.",
      data = { { category = "Transportation", rank = 1, causes = { "Bus route cut in 2025", "Late buses on the east side", "No late bus after tutoring" } },
               { category = "School climate", rank = 2, causes = { "Students report feeling unwelcome", "Few clubs for 9th graders" } },
               { category = "Health", causes = { "Asthma", "Mental health visits up 30%" } },
               { category = "Family", causes = { "Older siblings' childcare duties" } },
               { category = "Instruction", rank = 3, causes = { "First period has the most absences", "Credit recovery is online only" } },
               { category = "Data", causes = { { text = "Attendance codes used inconsistently", rank = 1 }, "Tardies counted as absences" } } },
      table = tbl("t-fishbone", nil, { { id = "category", label = "Category" }, { id = "cause", label = "Cause" } },
        { { category = "Transportation", cause = "Bus route cut in 2025" } }) },
    { type = "chart", kind = "logic_model", title = "Attendance logic model",
      alt = "Inputs lead to activities, outputs and outcomes.",
      columns = { { label = "Inputs", items = { "Two attendance coaches", "Family liaison (0.5 FTE)" } },
                  { label = "Activities", items = { "Daily check-ins with chronically absent students", "Family nights each quarter" } },
                  { label = "Outputs", items = { "120 students mentored" } },
                  { label = "Short-term outcomes", items = { "Fewer first-period absences" } },
                  { label = "Long-term outcomes", items = { "Chronic absence below 12% by June 2027, across all subgroups and all three campuses" } } },
      table = tbl("t-logic", nil, { { id = "column", label = "Column" }, { id = "item", label = "Item" } },
        { { column = "Inputs", item = "Two attendance coaches" } }) },
  }
end

function M.document()
  local charts = M.charts()
  local blocks = {
    { type = "paragraph", text = "This report covers **all** schools. See the [district site](https://example.org/plan) for details.\n\n# A heading in Markdown\n\n| a | b |\n|--:|---|\n| 1 | ~~two~~ |" },
    { type = "section", title = "Summary", level = 1, id = "summary", blocks = {
      { type = "keyvalue", caption = "The problem", items = {
        { "Problem", "Ninth-grade absenteeism rose" }, { "Owner", "J. Ruiz" }, { "Schools", 4 },
        { "Budget", nil }, { key = "Survey n", value = { suppressed = true, reason = "fewer than 5 responses" } } } },
      { type = "callout", style = "warning", title = "Attention", text = "Two benchmarks are off target.\n\nReview them before the board meeting." },
      { type = "callout", style = "note", text = "Data as of the last sync." },
      { type = "section", title = "Overdue items", level = 2, id = "overdue", blocks = {
        { type = "table", id = "overdue-steps", caption = "Overdue action steps",
          columns = { { id = "step", label = "Action step" }, { id = "owner", label = "Owner" },
                      { id = "due", label = "Due", format = "date" },
                      { id = "pct", label = "Done", format = "percent", decimals = 0, align = "right" },
                      { id = "cost", label = "Cost", format = "money", currency = "$" },
                      { id = "n", label = "Students", format = "integer" },
                      { id = "score", label = "Score", format = "number", decimals = 2 } },
          rows = { { step = "Train coaches", owner = "Ruiz", due = "2026-10-01", pct = 0.4, cost = 1234.5, n = 1200, score = 3.14159 },
                   { step = "Family survey", owner = { value = "Chen", display = "Chen (acting)" }, due = "2026-10-15", pct = 0, cost = -20, n = 0, score = { suppressed = true, reason = "fewer than 5 responses" } },
                   { step = "Bus audit", owner = nil, due = "2026-11-02", pct = 1, cost = 0, n = 35, score = 2.5 } },
          totals = { step = "Total", pct = 0.4667, cost = 1214.5, n = 1235 },
          notes = { "Percent done rolls up from sub-steps.", "Costs in US dollars." } },
      } },
    } },
    { type = "section", title = "Lists", level = 1, id = "lists", blocks = {
      { type = "list", style = "bullet", items = { { text = "first" }, { text = "second" } } },
      { type = "list", style = "number", items = { { text = "one" }, { text = "two" } } },
      { type = "list", style = "check", items = { { text = "Goal is specific", checked = true }, { text = "Timebound", checked = false } } },
      { type = "pagebreak" },
    } },
    { type = "section", title = "Charts", level = 1, id = "charts", blocks = charts },
    { type = "section", title = "Empty", level = 1, blocks = {
      { type = "table", columns = { { id = "x", label = "X" } }, rows = {} } } },
  }
  return { type = "document", title = "Plan status", subtitle = "Riverside Unified",
    district = "Riverside Unified", period = "2026-11", as_of = "2026-11-26",
    theme = { colors = { primary = "#1F4E79", accent = "#0063A0" }, header = "Riverside Unified School District",
      footer = "Prepared by the Office of Continuous Improvement",
      logo = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==" },
    blocks = blocks }
end

return M
