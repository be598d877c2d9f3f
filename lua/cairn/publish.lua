-- cairn.publish: send this district's changes to a state database (docs/state.md).
--
--   local publish = require "cairn.publish"
--   publish.run { to = "postgresql://state.example/state" }  -> summary
--   publish.rows(db, state_min)   -> what would be published, table by table (no network)
--
-- This file is the policy: which rows leave the workspace and how they map to the state's
-- tables. People go without contact details; survey results go only as the aggregates the
-- survey results API returns after suppression, at the larger of the district's and the
-- state's minimum group size; raw responses and open text never leave. cairn.pg is the
-- mechanism (libpq).
--
-- Incremental: the workspace keeps a fingerprint of every row it published (publish_row). A
-- publish sends the rows that are new or changed and deletes the ones that are gone, all in
-- one PostgreSQL transaction, and only after that commit records the new fingerprints. A
-- publish that fails anywhere changes nothing on the state side and is simply run again;
-- publishing twice sends nothing. When the workspace's last publish is not the state's latest
-- for the district (the marker is stale: a crash after the commit, a restored state database,
-- another copy of the workspace), everything is sent again, replacing the district's rows.
local host = require "cairn.host"
local ws = require "cairn.workspace"

local M = {}

local function fail(fmt, ...) error(string.format(fmt, ...), 0) end

-- ---- what is published ----------------------------------------------------------------------

-- Each state table: its key column, its columns (district_id is added in front), and the
-- workspace query that gives its rows in that column order.
M.tables = {
  { name = "person", key = "id", columns = { "id", "name", "role", "org", "org_name" },
    sql = "SELECT id, name, role, org, org_name FROM person ORDER BY id" },
  { name = "plan", key = "id", columns = { "id", "kind", "title", "level", "period", "created_at" },
    sql = "SELECT id, kind, title, level, period, created_at FROM plan ORDER BY id" },
  { name = "plan_item", key = "id",
    columns = { "id", "plan_id", "parent_id", "position", "level", "text", "kind", "owner_id",
      "start", "due", "status", "percent", "tags" },
    sql = [[SELECT i.id, i.plan_id, i.parent_id, i.position, i.level, i.text, i.kind, i.owner_id,
                   i.start, i.due, i.status, i.percent,
                   (SELECT group_concat(tag, '; ') FROM
                     (SELECT tag FROM item_tag t WHERE t.item_id = i.id ORDER BY tag)) AS tags
              FROM plan_item i ORDER BY i.id]] },
  { name = "status_change", key = "id",
    columns = { "id", "item_id", "status", "percent", "on_date", "by_id", "note", "recorded_at" },
    sql = [[SELECT id, item_id, status, percent, on_date, by_id, note, recorded_at
              FROM status_change ORDER BY id]] },
  { name = "measure", key = "item_id",
    columns = { "item_id", "metric", "unit", "direction", "baseline_value", "baseline_date" },
    sql = [[SELECT item_id, metric, unit, direction, baseline_value, baseline_date
              FROM measure ORDER BY item_id]] },
  { name = "measure_target", key = "id", columns = { "id", "item_id", "kind", "value", "date" },
    sql = "SELECT id, item_id, kind, value, date FROM measure_target ORDER BY id" },
  { name = "observation", key = "id", columns = { "id", "item_id", "value", "date", "source" },
    sql = "SELECT id, item_id, value, date, source FROM observation ORDER BY id" },
  -- final worksheets only: a draft is work in progress
  { name = "worksheet", key = "id", columns = { "id", "tool", "title", "answers", "updated_at" },
    sql = [[SELECT id, tool, title, answers, updated_at FROM worksheet
             WHERE status = 'final' ORDER BY id]] },
  { name = "report_run", key = "id",
    columns = { "id", "report", "period", "as_of", "format", "started_at" },
    sql = "SELECT id, report, period, as_of, format, started_at FROM report_run ORDER BY id" },
  { name = "survey_result", key = "key",
    columns = { "key", "wave", "instrument", "grp", "item", "item_text", "suppressed",
      "respondents", "n", "favorable_count", "favorable", "mean", "min_group_size" },
    rows = function(db, min) return M.survey_rows(db, min) end },
}

-- The attribute survey results are also published by (when the instrument has it).
M.survey_group_by = "school"

local function item_row(wave, inst, grp, item, group, r, min)
  local key = wave .. "\t" .. grp .. "\t" .. item.code
  if group.suppressed or not r or r.suppressed then
    return { key, wave, inst, grp, item.code, item.text, true, nil, nil, nil, nil, nil, min }
  end
  local fav = r.favorable_count
  return { key, wave, inst, grp, item.code, item.text, false, group.respondents,
    r.n and math.tointeger(r.n) or r.n, fav and math.tointeger(fav) or fav, r.favorable, r.mean, min }
end

-- Survey aggregates, suppressed at MIN: per wave, the whole district and each school. The
-- results API applies the rule (primary and complementary suppression); it reads the minimum
-- from the workspace's settings, so it runs inside a savepoint that sets the minimum to MIN
-- and is rolled back: the workspace is left exactly as it was.
function M.survey_rows(db, min)
  local results = require "cairn.survey.results"
  local model = require "cairn.survey.model"
  local waves = {}
  for w in db:rows("SELECT name FROM survey_wave ORDER BY id") do waves[#waves + 1] = w.name end
  if #waves == 0 then return {} end
  local rows = {}
  local tx = db:begin()
  local ok, err = pcall(function()
    db:exec([[INSERT INTO settings(key, value) VALUES ('survey.min_group_size', ?)
              ON CONFLICT(key) DO UPDATE SET value = excluded.value]], min)
    for _, name in ipairs(waves) do
      local w = model.get_wave(name, db)
      local has_group = false
      for _, a in ipairs(w.inst.attributes) do
        if model.norm(a) == model.norm(M.survey_group_by) then has_group = a end
      end
      local res = results.results { wave = name, db = db, by = has_group or nil }
      local inst = res.instrument .. "@" .. tostring(res.version)
      for _, item in ipairs(res.items) do
        rows[#rows + 1] = item_row(res.wave, inst, "", item, res.total, res.total.items and res.total.items[item.code], min)
      end
      for _, g in ipairs(res.groups) do
        local grp = M.survey_group_by .. "=" .. g.label
        for _, item in ipairs(res.items) do
          rows[#rows + 1] = item_row(res.wave, inst, grp, item, g, g.items and g.items[item.code], min)
        end
      end
    end
  end)
  tx:rollback()
  if not ok then error(err, 0) end
  return rows
end

-- Everything that would be published: { [table name] = { {values...}, ... } }.
function M.rows(db, state_min)
  local district_min = require("cairn.survey.results").min_group_size(db)
  local min = math.max(district_min, state_min or 1)
  local out = {}
  for _, t in ipairs(M.tables) do
    if t.rows then
      out[t.name] = t.rows(db, min)
    else
      out[t.name] = db:query(t.sql).rows
    end
  end
  return out, min
end

-- ---- fingerprints -----------------------------------------------------------------------------

local function fingerprint(row, n)
  local parts = {}
  for i = 1, n do
    local v = row[i]
    if v == nil then parts[i] = "\30"
    elseif type(v) == "number" and math.type(v) == "float" then parts[i] = string.format("%.17g", v)
    else parts[i] = tostring(v) end
  end
  return host.hash(table.concat(parts, "\31"))
end

local function key_index(t)
  for i, c in ipairs(t.columns) do if c == t.key then return i end end
end

-- ---- the publish ----------------------------------------------------------------------------

-- An array literal for a bound parameter: {"a","b"} (keys are ids or text).
local function array_literal(keys)
  local parts = {}
  for i, k in ipairs(keys) do parts[i] = '"' .. k:gsub('[\\"]', "\\%0") .. '"' end
  return "{" .. table.concat(parts, ",") .. "}"
end

local function key_type(t) return t.key == "key" and "text" or "bigint" end

-- What this workspace last published to STATE_ID: the log row and the fingerprints.
local function local_marker(db, state_id)
  local last = db:one("SELECT * FROM publish_log WHERE state_id = ? ORDER BY id DESC LIMIT 1", state_id)
  local any = db:one("SELECT * FROM publish_log ORDER BY id DESC LIMIT 1")
  local known = {}
  for r in db:rows("SELECT tbl, key, hash FROM publish_row") do
    local m = known[r.tbl]
    if not m then m = {}; known[r.tbl] = m end
    m[r.key] = r.hash
  end
  return last, any, known
end

--- publish.run{to =, log = function(line)} -> summary
--- summary: {district, district_id, publish_id (nil when nothing was sent), sent, deleted,
---           full (everything resent), stale (why), tables = {name = {sent =, deleted =}}}
function M.run(opts)
  opts = opts or {}
  local log = opts.log or function() end
  local db = ws.db()
  local district = ws.district()
  local conn = require("cairn.state.conn")
  local c <close> = conn.open(opts.to)
  require("cairn.state.schema").check(c)

  local did = c:value("SELECT cairn.current_district()")
  if not did then
    fail("%s: the role %s is not a district's role there; the state registers the district with "
      .. "`cairn state add-district` and you publish as its role", c:where(), c:user())
  end
  local state_name = c:value("SELECT name FROM cairn.district WHERE district_id = $1", did)
  if state_name ~= district then
    fail("this workspace is for %s, but the role %s publishes for %s there", district, c:user(), state_name)
  end
  local state_id = c:value("SELECT value FROM cairn.state_setting WHERE key = 'state.id'")
  local state_min = tonumber(c:value(
    "SELECT value FROM cairn.state_setting WHERE key = 'survey.min_group_size'")) or 1

  -- everything to publish, read before the state transaction starts (it stays short)
  local all, min = M.rows(db, state_min)
  local last, any_last, known = local_marker(db, state_id)

  local summary = { district = district, district_id = did, sent = 0, deleted = 0, tables = {},
    min_group_size = min }
  local changes = {} -- name -> {rows = {...}, gone = {keys}, hashes = {key = hash}}

  local tok, terr = pcall(c.transaction, c, function()
    -- one publish per district at a time
    c:exec("SELECT pg_advisory_xact_lock(hashtext('cairn.publish'), $1)", did)
    local state_last = c:value("SELECT max(publish_id) FROM cairn.publish WHERE district_id = $1", did)
    local full = false
    if state_last == nil and last == nil then
      full = true
      summary.first = true
    elseif last == nil or state_last == nil or last.publish_id ~= state_last then
      full = true
      if last == nil and any_last and any_last.state_id ~= state_id then
        summary.stale = "this workspace last published to a different state database"
      elseif last == nil then
        summary.stale = string.format("the state has publish %d of this district, which this workspace does not remember", state_last)
      elseif state_last == nil then
        summary.stale = string.format("this workspace remembers publish %d, but the state has no publish of this district", last.publish_id)
      else
        summary.stale = string.format("this workspace remembers publish %d, but the state's latest is %d",
          last.publish_id, state_last)
      end
      log("the last-published marker is stale (" .. summary.stale .. "): sending everything again")
    end
    summary.full = full

    for _, t in ipairs(M.tables) do
      local ki, n = key_index(t), #t.columns
      local seen_before = (not full) and known[t.name] or {}
      local send, keys_changed, hashes, present = {}, {}, {}, {}
      for _, row in ipairs(all[t.name]) do
        local k = tostring(row[ki])
        local h = fingerprint(row, n)
        hashes[k] = h
        present[k] = true
        local old = seen_before[k]
        if old ~= h then
          send[#send + 1] = row
          if old then keys_changed[#keys_changed + 1] = k end
        end
      end
      local gone = {}
      for k in pairs(seen_before) do if not present[k] then gone[#gone + 1] = k end end
      table.sort(gone)
      local del = {}
      for _, k in ipairs(keys_changed) do del[#del + 1] = k end
      for _, k in ipairs(gone) do del[#del + 1] = k end
      local tname = "cairn." .. t.name
      if full then
        c:exec("DELETE FROM " .. tname .. " WHERE district_id = $1", did)
      elseif #del > 0 then
        c:exec(string.format("DELETE FROM %s WHERE district_id = $1 AND %s = ANY($2::%s[])",
          tname, t.key, key_type(t)), did, array_literal(del))
      end
      if #send > 0 then
        local i = 0
        local width = n + 1
        -- COPY cannot write through row-level security: rows are copied into a temporary
        -- table, then inserted, and the policy checks every one of them
        local stage = "pg_temp.stage_" .. t.name
        local cols = "district_id, " .. table.concat(t.columns, ", ")
        c:exec(string.format("CREATE TEMP TABLE stage_%s (LIKE %s) ON COMMIT DROP", t.name, tname))
        c:copy(string.format("COPY %s (%s) FROM STDIN", stage, cols),
          function()
            i = i + 1
            local row = send[i]
            if not row then return nil end
            local out = { did }
            for j = 1, n do out[j + 1] = row[j] end
            return out
          end, width)
        c:exec(string.format("INSERT INTO %s (%s) SELECT %s FROM %s", tname, cols, cols, stage))
      end
      changes[t.name] = { hashes = hashes, gone = gone, sent = #send }
      summary.tables[t.name] = { sent = #send, deleted = #gone }
      summary.sent = summary.sent + #send
      summary.deleted = summary.deleted + #gone
    end

    if summary.sent == 0 and summary.deleted == 0 and not full then
      return -- nothing new: no publish is recorded, the transaction ends without a change
    end
    summary.publish_id = (state_last or 0) + 1
    c:exec([[INSERT INTO cairn.publish(district_id, publish_id, cairn_version, rows_sent, rows_deleted)
             VALUES ($1, $2, $3, $4, $5)]], did, summary.publish_id, host.version, summary.sent,
      summary.deleted)
    if opts.before_commit then opts.before_commit(c, summary) end -- fault tests stop here
  end)
  if not tok then
    -- a publish is all or nothing on the state side; the workspace's marker is untouched
    fail("%s; the publish did not complete: run `cairn publish` again", tostring(terr))
  end

  if not summary.publish_id then return summary end
  -- the state committed: remember what it now has (a crash before this only makes the marker
  -- stale, and the next publish sends everything again)
  db:transaction(function()
    if summary.full then db:exec("DELETE FROM publish_row") end
    for _, t in ipairs(M.tables) do
      local ch = changes[t.name]
      for _, k in ipairs(ch.gone) do db:exec("DELETE FROM publish_row WHERE tbl = ? AND key = ?", t.name, k) end
      for k, h in pairs(ch.hashes) do
        db:exec([[INSERT INTO publish_row(tbl, key, hash) VALUES (?, ?, ?)
                  ON CONFLICT(tbl, key) DO UPDATE SET hash = excluded.hash WHERE hash <> excluded.hash]],
          t.name, k, h)
      end
    end
    db:exec([[INSERT INTO publish_log(state_id, target, publish_id, published_at, rows_sent, rows_deleted)
              VALUES (?, ?, ?, ?, ?, ?)]], state_id, c:where(), summary.publish_id,
      require("cairn.date").now(), summary.sent, summary.deleted)
  end)
  return summary
end

return M
