-- Test report: a score per period, and what changed since the last period's run.
return {
  name = "changes",
  description = "Test report: a score and its change since last period",
  params = {
    { name = "score", type = "number", required = true, help = "this period's score" },
    { name = "label", type = "choice", choices = { "Score", "Index" }, default = "Score" },
    { name = "since", type = "date", help = "a date shown as is" },
    { name = "flag", type = "boolean", default = false },
  },
  build = function(ctx)
    local doc = ctx.document { title = "Changes" }
    local prev = ctx.previous
    local rows = { { ctx.params.label, ctx.params.score } }
    if prev then
      rows[#rows + 1] = { "Last period (" .. ctx.previous_run.period .. ")", prev.score }
      rows[#rows + 1] = { "Change", ctx.params.score - prev.score }
    else
      rows[#rows + 1] = { "Last period", "none" }
    end
    if ctx.params.since then rows[#rows + 1] = { "Since", ctx.params.since } end
    rows[#rows + 1] = { "Flag", ctx.params.flag }
    doc:keyvalue(rows)
    ctx.save { score = ctx.params.score }
    return doc
  end,
}
