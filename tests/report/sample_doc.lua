-- A document that uses every block type and every chart kind, with awkward content (Markdown
-- specials, pipes, formula-looking text, suppressed cells, non-ASCII text). The goldens for
-- each renderer are made from it. Returns a function building the document.
return function(report)
  local doc = report.new {
    title = "Plan status", subtitle = "Riverside Unified School District",
    district = "Riverside Unified", period = "2026-11", as_of = "2026-11-26",
    -- a fixed theme, so the goldens do not change when the built-in theme is restyled
    theme = { font = "sans-serif", currency = "$",
      colors = { text = "#1a1a1a", accent = "#0072B2", palette = { "#0072B2", "#E69F00", "#009E73" } },
      labels = { as_of = "as of", period = "period", total = "Total", note = "Note",
                 warning = "Warning", chart = "Chart", yes = "yes", no = "no" } },
  }
  local s = doc:section("Overview")
  s:paragraph("Items past their due date as of **26 November**. See <b>the plan</b> & notes.")
  s:keyvalue({ { "Problem", "Ninth-grade absenteeism rose from 14% to 21%" },
               { "Owner", "J. Ruiz | Attendance office" }, { "Schools", 12 },
               { "Board approved", true }, { "Notes", nil } }, { caption = "Problem statement" })
  local sub = s:section("Action steps")
  sub:table {
    caption = "Overdue action steps",
    columns = { { id = "step", label = "Action step" },
                { id = "owner", label = "Owner" },
                { id = "due", label = "Due", format = "date" },
                { id = "cost", label = "Cost", format = "money" },
                { id = "n", label = "Students", format = "integer" },
                { id = "pct", label = "Done", format = "percent", decimals = 0 } },
    rows = {
      { step = "Train coaches on the *new* attendance protocol", owner = "Ruiz", due = "2026-10-01",
        cost = 12500.5, n = 1234, pct = 0.4 },
      { step = "=HYPERLINK(\"http://x\")", owner = "+Baker | Lee", due = "2026-10-15", cost = -75,
        n = 3, pct = { value = 0.125, display = "about 1/8" } },
      { step = "Call families", owner = "Nguyễn Thị Hà", due = "2026-11-02", cost = 0, n = 17,
        pct = { suppressed = true, reason = "fewer than 5 responses" } },
    },
    totals = { step = "Total", cost = 12425.5, n = 1254 },
    notes = { "Percent done rolls up from sub-steps.", "Costs are estimates." },
  }
  sub:list { "Confirm bus routes", "Publish the #1 priority list", "- not a nested item" }
  sub:list({ "Draft", "Review", "Adopt" }, { style = "number" })
  sub:checklist { { text = "Goal is specific", checked = true }, { text = "Timebound", checked = false } }
  s:callout("warning", "Two benchmarks are off target.", { title = "Attention" })
  s:callout("note", "Data refreshed nightly.")
  doc:pagebreak()
  local c = doc:section("Charts")
  c:chart { kind = "bar", title = "Items by owner",
    data = { { label = "Ruiz", value = 4 }, { label = "Baker", value = 2 }, { label = "Lee", value = 7 } } }
  c:chart { kind = "likert", title = "Staff survey: school climate",
    levels = { "Strongly disagree", "Disagree", "Neutral", "Agree", "Strongly agree" },
    data = { { label = "I feel safe at school", counts = { 2, 3, 5, 20, 10 } },
             { label = "Adults listen to me", counts = { 6, 9, 5, 8, 2 } },
             { label = "Small group", suppressed = true, reason = "fewer than 5 responses" } } }
  c:chart { kind = "status", title = "Action steps by status",
    data = { { label = "Goal 1", counts = { 1, 4, 2, 0, 3, 0 } }, { label = "Goal 2", counts = { 0, 2, 1, 1, 0, 1 } } } }
  c:chart { kind = "progress", title = "Benchmarks",
    data = { { label = "Attendance", baseline = 86, actual = 90.5, target = 95, unit = "%" },
             { label = "Chronic absence", baseline = 21, actual = 18, target = 12, direction = "down", unit = "%" } } }
  c:chart { kind = "timeline", title = "Milestones",
    data = { { label = "Kickoff", date = "2026-08-15" },
             { label = "Coach training", date = "2026-09-01", end_date = "2026-10-01", status = "done" },
             { label = "Mid-year review", date = "2027-01-20", status = "not started" } } }
  c:chart { kind = "fishbone", title = "Why attendance fell", problem = "Ninth-grade absenteeism rose",
    data = { { category = "Transport", causes = { "Route changes", "Late buses" }, rank = 1 },
             { category = "Climate", causes = { "Few adult connections" }, rank = 2 },
             { category = "Policy", causes = {} } } }
  c:chart { kind = "logic_model", title = "Attendance initiative",
    columns = { { label = "Inputs", items = { "Coaches", "Bus funds" } },
                { label = "Activities", items = { "Mentoring", "Route redesign", "Family calls" } },
                { label = "Outputs", items = { "120 students mentored" } },
                { label = "Outcomes", items = { "Attendance up 5 points" } } } }
  return doc
end
