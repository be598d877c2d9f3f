-- bench/report_batch.lua: the pages of bench/report_batch.sh, built as plain documents
-- (docs/report-document.md): one page per school with two tables and two charts.
--   cairn run report_batch.lua html OUTDIR [N]   render N pages to OUTDIR/school-NNN.html
--   cairn run report_batch.lua md OUTDIR [N]     the same pages as Markdown (for cmark-gfm)
local render = require "cairn.render"
local mode, outdir, n = arg[1], arg[2], tonumber(arg[3] or "400")
assert(mode == "html" or mode == "md", "usage: report_batch.lua html|md OUTDIR [N]")

-- a small deterministic generator, so every run renders the same pages
local seed = 12345
local function rand(k)
  seed = (seed * 1103515245 + 12345) % 2147483648
  return seed % k
end

local grades = { "Grade 6", "Grade 7", "Grade 8", "Grade 9", "Grade 10", "Grade 11" }
local owners = { "Ruiz", "Chen", "Okafor", "Nguyen", "Smith", "Haddad" }
local statuses = { "on track", "at risk", "off track", "done" }

local function page(i)
  local name = string.format("School %03d", i)
  local att_rows, bar, likert_rows, likert_tbl = {}, {}, {}, {}
  for g, grade in ipairs(grades) do
    local enrolled = 80 + rand(120)
    local chronic = rand(enrolled // 4)
    att_rows[g] = { grade = grade, enrolled = enrolled, rate = 0.88 + rand(100) / 1000,
      chronic = chronic, share = chronic / enrolled }
    bar[g] = { label = grade, value = chronic }
    local counts = { rand(20), rand(30), rand(40), rand(30) }
    if g == 6 and i % 7 == 0 then
      likert_rows[g] = { label = grade, suppressed = true, reason = "fewer than 10 responses" }
      likert_tbl[g] = { grade = grade, sd = { suppressed = true, reason = "fewer than 10 responses" } }
    else
      likert_rows[g] = { label = grade, counts = counts, n = counts[1] + counts[2] + counts[3] + counts[4] }
      likert_tbl[g] = { grade = grade, sd = counts[1], d = counts[2], a = counts[3], sa = counts[4] }
    end
  end
  local steps = {}
  for s = 1, 8 do
    steps[s] = { step = "Action step " .. s .. " for " .. name, owner = owners[rand(#owners) + 1],
      due = string.format("2026-%02d-%02d", 1 + rand(12), 1 + rand(28)), status = statuses[rand(4) + 1],
      pct = rand(101) / 100 }
  end
  local att_cols = { { id = "grade", label = "Grade" }, { id = "enrolled", label = "Enrolled", format = "integer" },
    { id = "rate", label = "Attendance rate", format = "percent" },
    { id = "chronic", label = "Chronically absent", format = "integer" },
    { id = "share", label = "Share", format = "percent" } }
  local lik_cols = { { id = "grade", label = "Grade" }, { id = "sd", label = "Strongly disagree", format = "integer" },
    { id = "d", label = "Disagree", format = "integer" }, { id = "a", label = "Agree", format = "integer" },
    { id = "sa", label = "Strongly agree", format = "integer" } }
  return { type = "document", title = name .. ": attendance", subtitle = "Riverside Unified",
    district = "Riverside Unified", period = "2026-11", as_of = "2026-11-26", blocks = {
      { type = "paragraph", text = "Attendance at **" .. name .. "** for the fall term. Chronic absence means missing "
        .. "*10% or more* of school days. See the [district dashboard](https://example.org/attendance)." },
      { type = "section", title = "Attendance", level = 1, blocks = {
        { type = "table", id = "attendance", caption = "Attendance by grade", columns = att_cols, rows = att_rows,
          notes = { "Rates are for school days through 26 November." } },
        { type = "chart", kind = "bar", title = "Chronically absent students by grade",
          alt = "Chronically absent students in each grade.", data = bar,
          table = { type = "table", columns = { { id = "label", label = "Grade" }, { id = "value", label = "Students", format = "integer" } }, rows = bar } },
      } },
      { type = "section", title = "Survey and plan", level = 1, blocks = {
        { type = "chart", kind = "likert", title = "I feel welcome at school", alt = "Agreement by grade.",
          levels = { "Strongly disagree", "Disagree", "Agree", "Strongly agree" }, favorable_from = 3,
          data = likert_rows, table = { type = "table", columns = lik_cols, rows = likert_tbl } },
        { type = "table", id = "steps", caption = "Action steps", rows = steps, columns = {
          { id = "step", label = "Action step" }, { id = "owner", label = "Owner" },
          { id = "due", label = "Due", format = "date" }, { id = "status", label = "Status" },
          { id = "pct", label = "Done", format = "percent", decimals = 0 } } },
      } } } }
end

for i = 1, n do
  local doc = page(i)
  local path = string.format("%s/school-%03d.%s", outdir, i, mode)
  local s = mode == "html" and render.html(doc) or render.markdown(doc)
  local f = assert(io.open(path, "wb"))
  f:write(s)
  f:close()
end
