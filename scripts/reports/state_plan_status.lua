-- State report: plan status across districts (reads a state database: --from URL).
--
--   cairn report state_plan_status --from postgresql://state.example/state --format html
return {
  name = "state_plan_status",
  source = "state",
  description = "State: plan items by status in every district, with overdue items",
  build = function(ctx)
    local db = ctx.db
    local doc = ctx.document { title = "Plan status across districts" }
    local q = db:query([[
      SELECT d.name AS district, count(i.id) AS items,
             count(*) FILTER (WHERE i.status = 'not_started') AS not_started,
             count(*) FILTER (WHERE i.status = 'on_track') AS on_track,
             count(*) FILTER (WHERE i.status = 'at_risk') AS at_risk,
             count(*) FILTER (WHERE i.status = 'off_track') AS off_track,
             count(*) FILTER (WHERE i.status = 'done') AS done,
             count(*) FILTER (WHERE i.due < $1::date AND i.status NOT IN ('done', 'dropped')) AS overdue
        FROM cairn.district d
        LEFT JOIN cairn.plan_item i ON i.district_id = d.district_id
       GROUP BY d.district_id, d.name ORDER BY d.name]], ctx.as_of)
    local rows, tot = {}, { district = "All districts" }
    local keys = { "items", "not_started", "on_track", "at_risk", "off_track", "done", "overdue" }
    for _, k in ipairs(keys) do tot[k] = 0 end
    for _, r in ipairs(q.rows) do
      local row = { district = r[1] }
      for j, k in ipairs(keys) do
        row[k] = r[j + 1]
        tot[k] = tot[k] + r[j + 1]
      end
      rows[#rows + 1] = row
    end
    local cols = { { id = "district", label = "District" } }
    local labels = { items = "Items", not_started = "Not started", on_track = "On track", at_risk = "At risk",
      off_track = "Off track", done = "Done", overdue = "Overdue" }
    for _, k in ipairs(keys) do cols[#cols + 1] = { id = k, label = labels[k], format = "integer" } end
    doc:keyvalue { { key = "Districts", value = #rows }, { key = "Plan items", value = tot.items },
      { key = "Overdue on " .. ctx.as_of, value = tot.overdue } }
    doc:section("By district"):table { id = "plan_status", caption = "Plan items by status", columns = cols,
      rows = rows, totals = #rows > 0 and tot or nil,
      notes = { "Overdue: due before " .. ctx.as_of .. " and neither done nor dropped." } }
    return doc
  end,
}
