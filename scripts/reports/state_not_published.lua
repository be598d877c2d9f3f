-- State report: districts that have not published this period (reads a state database:
-- --from URL). The period starts on the first day of the as-of month.
return {
  name = "state_not_published",
  source = "state",
  description = "State: districts with no publish since the start of the as-of month",
  build = function(ctx)
    local since = ctx.as_of:sub(1, 7) .. "-01"
    local doc = ctx.document { title = "Districts not published this period" }
    local q = ctx.db:query([[
      SELECT d.name AS district, max(p.published_at)::date::text AS last_published
        FROM cairn.district d LEFT JOIN cairn.publish p ON p.district_id = d.district_id
       GROUP BY d.district_id, d.name
      HAVING max(p.published_at) IS NULL OR max(p.published_at)::date < $1::date
       ORDER BY d.name]], since)
    local rows = {}
    for _, r in ipairs(q.rows) do rows[#rows + 1] = { district = r[1], last = r[2] or "never" } end
    local total = ctx.db:value("SELECT count(*) FROM cairn.district")
    doc:keyvalue { { key = "Districts", value = total }, { key = "Not published since " .. since, value = #rows } }
    doc:section("Not published"):table { id = "not_published", caption = "No publish since " .. since,
      columns = { { id = "district", label = "District" }, { id = "last", label = "Last publish" } },
      rows = rows, notes = #rows == 0 and { "Every district has published this period." } or nil }
    return doc
  end,
}
