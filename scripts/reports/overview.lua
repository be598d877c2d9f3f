-- Workspace overview: what is in the workspace, and what changed since the last period's run.
--
--   cairn report overview --format md --out -
--   cairn report overview --period 2026-11 --as-of 2026-11-26 --format html
--
-- Every count comes from a table only when that table exists, so the report works on any
-- workspace whatever modules it has data for. Runs of this report itself are not counted, so
-- running it twice with the same --as-of gives the same bytes.
local STATUS = { "not_started", "on_track", "at_risk", "off_track", "done", "dropped" }
local STATUS_LABEL = { "not started", "on track", "at risk", "off track", "done", "dropped" }

local function has(db, name)
  return db:value("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?", name) ~= nil
end

local function count(db, tbl, where, ...)
  if not has(db, tbl) then return nil end
  return db:value("SELECT count(*) FROM " .. tbl .. (where and (" WHERE " .. where) or ""), ...)
end

return {
  name = "overview",
  title = "Workspace overview",
  description = "What is in the workspace: district, people, plans, worksheets, surveys and report runs, with changes since the last period",
  params = {
    { name = "details", type = "boolean", default = true, help = "list plans, worksheets and survey waves" },
  },

  build = function(ctx)
    local db = ctx.db
    local doc = ctx.document { title = "Workspace overview" }
    local meta = {}
    for r in db:rows("SELECT key, value FROM meta ORDER BY key") do meta[r.key] = r.value end
    doc:keyvalue {
      { "District", meta.district },
      { "Workspace created", meta.created_at and meta.created_at:sub(1, 10) },
    }

    -- what is in it (the table names are fixed strings here, never user input)
    local things = {
      { key = "people", label = "People", n = count(db, "person") },
      { key = "groups", label = "Stakeholder groups", n = count(db, "stakeholder_group") },
      { key = "plans", label = "Plans", n = count(db, "plan") },
      { key = "plan_items", label = "Plan items", n = count(db, "plan_item") },
      { key = "measures", label = "Measures", n = count(db, "measure") },
      { key = "worksheets", label = "Tool worksheets", n = count(db, "worksheet") },
      { key = "instruments", label = "Survey instruments", n = count(db, "survey_instrument") },
      { key = "waves", label = "Survey waves", n = count(db, "survey_wave") },
      { key = "responses", label = "Survey responses", n = count(db, "survey_response") },
      { key = "report_runs", label = "Report runs (other reports)",
        n = count(db, "report_run", "report <> ?", ctx.name) },
    }
    local prev = ctx.previous and ctx.previous.counts or nil
    local rows, saved = {}, {}
    for _, t in ipairs(things) do
      if t.n then
        saved[t.key] = t.n
        local row = { what = t.label, n = t.n }
        if prev then
          local before = prev[t.key]
          row.before = before
          row.change = before and (t.n - before) or nil
        end
        rows[#rows + 1] = row
      end
    end
    ctx.save { counts = saved }
    local s = doc:section("Contents")
    local cols = { { id = "what", label = "What" }, { id = "n", label = "Count", format = "integer" } }
    if prev then
      cols[#cols + 1] = { id = "before", label = "Last period (" .. ctx.previous_run.period .. ")", format = "integer" }
      cols[#cols + 1] = { id = "change", label = "Change", format = "integer" }
    end
    s:table { id = "contents", caption = "What is in the workspace", columns = cols, rows = rows,
      notes = (not prev) and { "No earlier period has been reported yet; changes appear from the next period on." } or nil }

    if ctx.params.details and has(db, "plan") then
      local ps = doc:section("Plans")
      local plans = {}
      for r in db:rows("SELECT id, kind, title, level, period FROM plan ORDER BY id") do plans[#plans + 1] = r end
      if #plans == 0 then
        ps:paragraph("No plans yet.")
      else
        local prow, chart_rows = {}, {}
        for _, p in ipairs(plans) do
          local id, kind, title, level, period = p.id, p.kind, p.title, p.level, p.period
          local items = has(db, "plan_item") and db:value("SELECT count(*) FROM plan_item WHERE plan_id = ?", id) or 0
          prow[#prow + 1] = { id = id, title = title, kind = kind, level = level, period = period, items = items }
          if items > 0 then
            local counts = {}
            for i, st in ipairs(STATUS) do
              counts[i] = db:value("SELECT count(*) FROM plan_item WHERE plan_id = ? AND status = ?", id, st)
            end
            chart_rows[#chart_rows + 1] = { label = title, counts = counts }
          end
        end
        ps:table { id = "plans", caption = "Plans", rows = prow, columns = {
          { id = "id", label = "Id", format = "integer" }, { id = "title", label = "Title" },
          { id = "kind", label = "Kind" }, { id = "level", label = "Level" },
          { id = "period", label = "Period" }, { id = "items", label = "Items", format = "integer" } } }
        if #chart_rows > 0 then
          ps:chart { kind = "status", title = "Plan items by status", levels = STATUS_LABEL, data = chart_rows }
        end
      end
    end

    if ctx.params.details and has(db, "worksheet") then
      local wsec = doc:section("Tool worksheets")
      local by_tool = {}
      for r in db:rows("SELECT tool, count(*) AS n FROM worksheet GROUP BY tool ORDER BY tool") do
        by_tool[#by_tool + 1] = { label = r.tool, value = r.n }
      end
      if #by_tool == 0 then
        wsec:paragraph("No worksheets yet.")
      else
        wsec:chart { kind = "bar", title = "Worksheets by tool", data = by_tool }
        local rows_w = {}
        for r in db:rows("SELECT id, tool, title, status, updated_at FROM worksheet ORDER BY id") do
          rows_w[#rows_w + 1] = { id = r.id, tool = r.tool, title = r.title, status = r.status,
            updated = r.updated_at and r.updated_at:sub(1, 10) }
        end
        wsec:table { id = "worksheets", caption = "Worksheets", rows = rows_w, columns = {
          { id = "id", label = "Id", format = "integer" }, { id = "tool", label = "Tool" },
          { id = "title", label = "Title" }, { id = "status", label = "Status" },
          { id = "updated", label = "Updated", format = "date" } } }
      end
    end

    if ctx.params.details and has(db, "survey_wave") then
      local ssec = doc:section("Surveys")
      local waves = {}
      local has_resp = has(db, "survey_response")
      for r in db:rows("SELECT id, name, instrument, starts, ends FROM survey_wave ORDER BY id") do
        waves[#waves + 1] = { name = r.name, instrument = r.instrument, starts = r.starts, ends = r.ends,
          responses = has_resp and db:value("SELECT count(*) FROM survey_response WHERE wave_id = ?", r.id) or nil }
      end
      if #waves == 0 then
        ssec:paragraph("No survey waves yet.")
      else
        ssec:table { id = "waves", caption = "Survey waves", rows = waves, columns = {
          { id = "name", label = "Wave" }, { id = "instrument", label = "Instrument" },
          { id = "starts", label = "Starts", format = "date" }, { id = "ends", label = "Ends", format = "date" },
          { id = "responses", label = "Responses", format = "integer" } } }
      end
    end

    if has(db, "report_run") then
      local rsec = doc:section("Report runs")
      local rr = {}
      for r in db:rows([[SELECT report, count(*) AS n, max(period) AS last_period
                           FROM report_run WHERE report <> ? GROUP BY report ORDER BY report]], ctx.name) do
        rr[#rr + 1] = { report = r.report, n = r.n, last = r.last_period }
      end
      if #rr == 0 then
        rsec:paragraph("No other report has been run yet.")
      else
        rsec:table { id = "report-runs", caption = "Recurring reports", rows = rr, columns = {
          { id = "report", label = "Report" }, { id = "n", label = "Runs", format = "integer" },
          { id = "last", label = "Latest period" } } }
      end
    end
    return doc
  end,
}
