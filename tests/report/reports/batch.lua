-- Test report: a batch over N schools (default 400), one page each with two tables and two
-- charts; fail_at = K makes the K-th school fail, to test that a failed batch leaves nothing.
local function schools(n)
  local out = {}
  for i = 1, n do
    -- a few awkward names: slugs must stay unique and file-safe
    local name = string.format("School %03d", i)
    if i == 7 then name = "École Saint-Exupéry / Annex" end
    if i == 8 then name = "Adams & Baker: K-8" end
    if i == 9 then name = "adams-baker-k-8" end -- slugifies like 8: gets a -2 suffix
    out[i] = { key = tostring(i), label = name }
  end
  return out
end

return {
  name = "batch",
  description = "Test batch: one page per school",
  params = {
    { name = "schools", type = "integer", default = 400, help = "how many schools" },
    { name = "fail_at", type = "integer", default = 0, help = "make this school fail" },
  },
  each = { school = function(_, params) return schools(params.schools) end },
  build = function(ctx)
    local i = tonumber(ctx.group or 0)
    if ctx.params.fail_at > 0 and i == ctx.params.fail_at then
      error("cannot compute attendance for " .. ctx.group_label, 0)
    end
    local doc = ctx.document { title = "School report: " .. (ctx.group_label or "district") }
    local prev = ctx.previous and ctx.previous.enrolled
    doc:keyvalue { { "School", ctx.group_label }, { "Enrolled", 300 + i },
      { "Enrolled last period", prev or "no earlier run" } }
    doc:table { id = "grades", caption = "Enrollment by grade", columns = {
      { id = "grade", label = "Grade" }, { id = "n", label = "Students", format = "integer" },
      { id = "rate", label = "Attendance", format = "percent" } },
      rows = { { grade = "9", n = 100 + i % 7, rate = 0.9 + (i % 5) / 100 }, { grade = "10", n = 95, rate = 0.91 } } }
    doc:table { id = "steps", caption = "Action steps", columns = { { id = "s", label = "Step" }, { id = "st", label = "Status" } },
      rows = { { s = "Mentoring", st = "on track" }, { s = "Bus routes", st = "at risk" } } }
    doc:chart { kind = "bar", title = "Students by grade", data = { { "9", 100 + i % 7 }, { "10", 95 } } }
    doc:chart { kind = "progress", title = "Attendance", data = { { label = "Rate", baseline = 88, actual = 90 + i % 5, target = 95, unit = "%" } } }
    ctx.save { enrolled = 300 + i }
    return doc
  end,
}
