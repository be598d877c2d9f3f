-- State report: benchmarks off target, by district (reads a state database: --from URL). A
-- measure is off target when its latest observation on or before the as-of date is on the wrong
-- side of its latest target due by then (direction up: below it; down: above it).
return {
  name = "state_benchmarks",
  source = "state",
  description = "State: measures off target in each district (latest observation vs latest target due)",
  build = function(ctx)
    local doc = ctx.document { title = "Benchmarks off target, by district" }
    local q = ctx.db:query([[
      WITH latest AS (
        SELECT m.district_id, m.item_id, m.metric, m.unit, m.direction,
               (SELECT o.value FROM cairn.observation o WHERE o.district_id = m.district_id
                   AND o.item_id = m.item_id AND o.date <= $1::date ORDER BY o.date DESC, o.id DESC LIMIT 1) AS value,
               (SELECT t.value FROM cairn.measure_target t WHERE t.district_id = m.district_id
                   AND t.item_id = m.item_id AND t.date <= $1::date ORDER BY t.date DESC, t.id DESC LIMIT 1) AS target,
               (SELECT t.date FROM cairn.measure_target t WHERE t.district_id = m.district_id
                   AND t.item_id = m.item_id AND t.date <= $1::date ORDER BY t.date DESC, t.id DESC LIMIT 1) AS target_date
          FROM cairn.measure m)
      SELECT d.name AS district, i.text AS item, l.metric, l.value, l.target, l.target_date::text,
             l.value - l.target AS gap
        FROM latest l
        JOIN cairn.district d ON d.district_id = l.district_id
        JOIN cairn.plan_item i ON i.district_id = l.district_id AND i.id = l.item_id
       WHERE l.value IS NOT NULL AND l.target IS NOT NULL
         AND ((l.direction = 'up' AND l.value < l.target) OR (l.direction = 'down' AND l.value > l.target))
       ORDER BY d.name, i.text]], ctx.as_of)
    local rows, per = {}, {}
    for _, r in ipairs(q.rows) do
      rows[#rows + 1] = { district = r[1], item = r[2], metric = r[3], value = r[4], target = r[5],
        target_date = r[6], gap = r[7] }
      per[r[1]] = (per[r[1]] or 0) + 1
    end
    local counts = {}
    for name, c in pairs(per) do counts[#counts + 1] = { district = name, off = c } end
    table.sort(counts, function(a, b) return a.district < b.district end)
    doc:section("Summary"):table { id = "off_target_by_district", caption = "Measures off target",
      columns = { { id = "district", label = "District" }, { id = "off", label = "Off target", format = "integer" } },
      rows = counts, notes = #counts == 0 and { "No measure is off target on " .. ctx.as_of .. "." } or nil }
    doc:section("Measures"):table { id = "off_target", caption = "Off target on " .. ctx.as_of,
      columns = { { id = "district", label = "District" }, { id = "item", label = "Plan item" },
        { id = "metric", label = "Metric" }, { id = "value", label = "Latest", format = "number" },
        { id = "target", label = "Target", format = "number" }, { id = "target_date", label = "Target date", format = "date" },
        { id = "gap", label = "Gap", format = "number" } },
      rows = rows }
    return doc
  end,
}
