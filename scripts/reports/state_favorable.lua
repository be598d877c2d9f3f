-- State report: survey percent favorable by district and statewide (reads a state database:
-- --from URL). Districts publish their results already suppressed; the statewide figure of an
-- item combines the districts whose result is shown and is itself withheld when fewer than the
-- state's minimum group size answered. Withheld results show no numbers.
return {
  name = "state_favorable",
  source = "state",
  description = "State: survey percent favorable by district and statewide",
  params = { { name = "wave", type = "string", help = "one wave (default: every wave)" } },
  build = function(ctx)
    local db = ctx.db
    local min = tonumber(db:value("SELECT value FROM cairn.state_setting WHERE key = 'survey.min_group_size'")) or 5
    local doc = ctx.document { title = "Survey percent favorable", subtitle = ctx.params.wave }
    local state = db:query([[
      SELECT wave, item, min(item_text) AS text, count(*) FILTER (WHERE NOT suppressed) AS districts,
             sum(n) FILTER (WHERE NOT suppressed) AS n,
             sum(favorable_count) FILTER (WHERE NOT suppressed) AS fav
        FROM cairn.survey_result
       WHERE grp = '' AND ($1::text IS NULL OR wave = $1) AND item_text IS NOT NULL
       GROUP BY wave, item ORDER BY wave, item]], ctx.params.wave)
    local rows = {}
    for _, r in ipairs(state.rows) do
      local n, fav = r[5], r[6]
      local shown = n and n >= min and fav
      rows[#rows + 1] = { wave = r[1], item = r[2], text = r[3], districts = r[4],
        n = shown and n or nil, favorable = shown and fav / n or nil,
        note = shown and "" or "withheld" }
    end
    doc:section("Statewide"):table { id = "statewide", caption = "Percent favorable, statewide",
      columns = { { id = "wave", label = "Wave" }, { id = "item", label = "Item" }, { id = "text", label = "Statement" },
        { id = "districts", label = "Districts", format = "integer" }, { id = "n", label = "Answers", format = "integer" },
        { id = "favorable", label = "Favorable", format = "percent" }, { id = "note", label = "" } },
      rows = rows,
      notes = { string.format("Combines the districts whose result is shown; withheld below %d answers.", min) } }
    local by = db:query([[
      SELECT d.name, r.wave, r.item, r.suppressed, r.n, r.favorable
        FROM cairn.survey_result r JOIN cairn.district d ON d.district_id = r.district_id
       WHERE r.grp = '' AND ($1::text IS NULL OR r.wave = $1) AND r.item_text IS NOT NULL
       ORDER BY d.name, r.wave, r.item]], ctx.params.wave)
    local drows = {}
    for _, r in ipairs(by.rows) do
      drows[#drows + 1] = { district = r[1], wave = r[2], item = r[3], n = r[5],
        favorable = r[6] and r[6] / 100 or nil, note = r[4] and "withheld" or "" }
    end
    doc:section("By district"):table { id = "by_district", caption = "Percent favorable by district",
      columns = { { id = "district", label = "District" }, { id = "wave", label = "Wave" }, { id = "item", label = "Item" },
        { id = "n", label = "Answers", format = "integer" }, { id = "favorable", label = "Favorable", format = "percent" },
        { id = "note", label = "" } },
      rows = drows }
    return doc
  end,
}
