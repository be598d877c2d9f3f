-- cairn.meeting: what a planning meeting produced, as one report (`cairn meeting export`).
--
-- A meeting is a stretch of work in the workspace:
--   * from `cairn meeting start [TITLE]` (meeting.start in Lua) until the next start: the start
--     is kept in the settings table (meeting.started_at, meeting.title, meeting.started_by);
--   * with no start recorded, the latest run of activity without a pause of more than two
--     hours (meeting.gap): a worksheet saved or autosaved, a revision, a plan or item
--     created, a status recorded.
-- `--since TIME` overrides both. The report lists the worksheets touched (created, updated,
-- completed), the decisions and answers of each with its revisions and who made them, and the
-- plan changes (plans and items created, statuses recorded). It is a document
-- (cairn.report) rendered by the C renderers, so every report format works.
local date = require "cairn.date"
local ws = require "cairn.workspace"
local session = require "cairn.session"

local meeting = {}

-- A pause longer than this ends a meeting (seconds).
meeting.gap = 2 * 3600

local words = {
  title = "Meeting record",
  facts_from = "From", facts_to = "To", facts_by = "Changes by", facts_worksheets = "Worksheets touched",
  facts_plan = "Plan changes",
  since_recorded = "the start recorded by cairn meeting start",
  since_gap = "the first change after a pause of more than two hours",
  since_given = "given with --since",
  worksheets = "Worksheets", decisions = "Decisions and answers", plan = "Plan changes",
  no_worksheets = "No worksheet was touched.", no_plan = "No plan changed.",
  created = "created", updated = "updated", completed = "completed",
  revisions = "Revisions in this meeting", answers = "Answers",
  no_revisions = "Autosaved only (no revision yet).", no_answers = "No answers yet.",
  plans_created = "Plans created", items_added = "Items added", statuses = "Statuses recorded",
  nothing = "Nothing changed in the workspace in this time.",
}
meeting.words = words

-- ---- time --------------------------------------------------------------------------------

-- Seconds since 1970 of a UTC timestamp "YYYY-MM-DDTHH:MM:SSZ" (no local time zone involved).
local function epoch(ts)
  local d, h, m, s = ts:match("^(%d%d%d%d%-%d%d%-%d%d)T(%d%d):(%d%d):(%d%d)")
  if not d then return nil end
  return date.days_between("1970-01-01", d) * 86400 + tonumber(h) * 3600 + tonumber(m) * 60
    + tonumber(s)
end
meeting.epoch = epoch

local function timestamp(e)
  local days = e // 86400
  local rest = e - days * 86400
  return string.format("%sT%02d:%02d:%02dZ", date.add_days("1970-01-01", days), rest // 3600,
    rest % 3600 // 60, rest % 60)
end

-- TIME as typed on the command line -> a UTC timestamp, or nil and why. Accepts a date
-- (2026-11-26: its midnight), a date and time (2026-11-26 09:30, 2026-11-26T09:30:00Z) or a
-- length of time back from now (90m, 2h, 1d).
function meeting.parse_time(s, now)
  s = tostring(s or ""):match("^%s*(.-)%s*$")
  local n, unit = s:match("^(%d+)%s*([mhd])$")
  if n then
    local secs = tonumber(n) * ({ m = 60, h = 3600, d = 86400 })[unit]
    return timestamp(epoch(now or date.now()) - secs)
  end
  local d, rest = s:match("^(%d%d%d%d%-%d%d%-%d%d)(.*)$")
  if d and date.is_iso(d) then
    if rest == "" then return d .. "T00:00:00Z" end
    local h, m, sec = rest:match("^[T ](%d%d?):(%d%d):?(%d?%d?)Z?$")
    if h and tonumber(h) < 24 and tonumber(m) < 60 and (sec == "" or tonumber(sec) < 60) then
      return string.format("%sT%02d:%02d:%02dZ", d, tonumber(h), tonumber(m), tonumber(sec) or 0)
    end
  end
  return nil, string.format("'%s' is not a time (expected 2026-11-26, 2026-11-26 09:30 or a "
    .. "length of time back from now such as 90m, 2h, 1d)", s)
end

local function shown(ts) return ts and (ts:gsub("T", " "):gsub(":%d%dZ$", "")) or "" end

-- ---- the meeting ---------------------------------------------------------------------------

-- Record the start of a meeting now (TITLE optional); returns the start timestamp.
function meeting.start(title)
  local s = session.current()
  local at = date.now()
  s:scope(function()
    ws.set_setting("meeting.started_at", at)
    ws.set_setting("meeting.title", title or "")
    ws.set_setting("meeting.started_by", s.actor)
  end)
  return at
end

local activity_sql = [[
SELECT at FROM (
  SELECT updated_at AS at FROM worksheet
  UNION ALL SELECT at FROM worksheet_revision
  UNION ALL SELECT created_at FROM plan
  UNION ALL SELECT created_at FROM plan_item
  UNION ALL SELECT recorded_at FROM status_change)
ORDER BY at DESC]]

-- Where the current meeting starts: the recorded start, else the first change after the last
-- pause longer than meeting.gap. Returns the timestamp (nil: nothing ever happened) and which
-- rule decided ("recorded" or "gap"), and the recorded title.
function meeting.current_start()
  local recorded = ws.setting("meeting.started_at")
  if type(recorded) == "string" and recorded ~= "" then
    return recorded, "recorded", ws.setting("meeting.title")
  end
  local first, last
  for r in ws.db():rows(activity_sql) do
    local e = epoch(r.at)
    if e then
      if last and last - e > meeting.gap then break end
      first, last = r.at, e
    end
  end
  return first, "gap"
end

-- ---- what happened ---------------------------------------------------------------------------

local function touched_worksheets(db, since)
  local list = {}
  for w in db:rows([[SELECT * FROM worksheet w WHERE w.updated_at >= :since OR w.created_at >= :since
      OR EXISTS (SELECT 1 FROM worksheet_revision r WHERE r.worksheet = w.id AND r.at >= :since)
      ORDER BY w.id]], { since = since }) do
    local revs = {}
    for r in db:rows([[SELECT n, at, by, status, summary FROM worksheet_revision
        WHERE worksheet = ? AND at >= ? ORDER BY n]], w.id, since) do
      revs[#revs + 1] = r
    end
    local final_before = db:value([[SELECT count(*) FROM worksheet_revision
      WHERE worksheet = ? AND at < ? AND status = 'final']], w.id, since) > 0
    local what = {}
    if w.created_at >= since then what[#what + 1] = words.created end
    local completed = false
    for _, r in ipairs(revs) do if r.status == "final" then completed = not final_before end end
    if completed then what[#what + 1] = words.completed
    elseif #what == 0 then what[#what + 1] = words.updated end
    local by, seen = {}, {}
    for _, r in ipairs(revs) do
      if not seen[r.by] then seen[r.by] = true; by[#by + 1] = r.by end
    end
    if #by == 0 and w.created_at >= since then by[1] = w.created_by end
    list[#list + 1] = { row = w, revisions = revs, what = table.concat(what, ", "), by = by }
  end
  return list
end

local function plan_changes(db, since)
  local out = { plans = {}, items = {}, statuses = {} }
  for r in db:rows([[SELECT p.id, p.title, p.kind, p.created_at,
      (SELECT worksheet FROM worksheet_output o WHERE o.kind = 'plan' AND o.ref = p.id) AS worksheet
      FROM plan p WHERE p.created_at >= ? ORDER BY p.created_at, p.id]], since) do
    out.plans[#out.plans + 1] = r
  end
  for r in db:rows([[SELECT i.id, p.title AS plan, i.level, i.text, o.name AS owner, i.due,
      i.created_at, coalesce(
        (SELECT worksheet FROM worksheet_output x WHERE x.kind = 'item' AND x.ref = i.id),
        -- an item of a plan a worksheet created, written by that worksheet's save
        (SELECT x.worksheet FROM worksheet_output x JOIN worksheet w ON w.id = x.worksheet
          WHERE x.kind = 'plan' AND x.ref = i.plan_id AND w.updated_at = i.created_at))
        AS worksheet
      FROM plan_item i JOIN plan p ON p.id = i.plan_id LEFT JOIN person o ON o.id = i.owner_id
      WHERE i.created_at >= ? ORDER BY i.created_at, i.id]], since) do
    out.items[#out.items + 1] = r
  end
  for r in db:rows([[SELECT s.recorded_at, i.text, s.status, s.percent, s.on_date, s.note,
      b.name AS by_name
      FROM status_change s JOIN plan_item i ON i.id = s.item_id LEFT JOIN person b ON b.id = s.by_id
      WHERE s.recorded_at >= ? ORDER BY s.recorded_at, s.id]], since) do
    out.statuses[#out.statuses + 1] = r
  end
  return out
end

local function status_words(s) return (tostring(s or ""):gsub("_", " ")) end

local function worksheet_name(w)
  return string.format("Worksheet %d", w.id)
end

-- ---- the report ------------------------------------------------------------------------------

-- meeting.document{ since =, title = } -> a cairn.report document of what happened since SINCE
-- (a UTC timestamp; default: the start of the current meeting).
function meeting.document(opts)
  opts = opts or {}
  local db = ws.db()
  local since, rule, recorded_title = opts.since, "given", nil
  if not since then since, rule, recorded_title = meeting.current_start() end
  local until_ = date.now()
  if not since then since, rule = until_, "gap" end
  local title = opts.title or (recorded_title ~= nil and recorded_title ~= "" and recorded_title)
    or words.title
  local district = ws.district()
  local sheets = touched_worksheets(db, since)
  local plan = plan_changes(db, since)

  local doc = require("cairn.report").new {
    title = title,
    subtitle = string.format("%s to %s (UTC)", shown(since), shown(until_)),
    district = district, as_of = until_:sub(1, 10),
  }
  local people, seen = {}, {}
  local function person(p) if p and p ~= "" and not seen[p] then seen[p] = true; people[#people + 1] = p end end
  for _, s in ipairs(sheets) do for _, b in ipairs(s.by) do person(b) end end
  for _, st in ipairs(plan.statuses) do person(st.by_name) end
  local plan_count = #plan.plans + #plan.items + #plan.statuses
  doc:keyvalue {
    { words.facts_from, shown(since) .. " (" .. (rule == "recorded" and words.since_recorded
      or rule == "given" and words.since_given or words.since_gap) .. ")" },
    { words.facts_to, shown(until_) },
    { words.facts_by, #people > 0 and table.concat(people, ", ") or "—" },
    { words.facts_worksheets, #sheets },
    { words.facts_plan, plan_count },
  }
  if #sheets == 0 and plan_count == 0 then doc:paragraph(words.nothing) end

  local sec = doc:section(words.worksheets)
  if #sheets == 0 then sec:paragraph(words.no_worksheets) else
    local rows = {}
    for i, s in ipairs(sheets) do
      local T_ok, T = pcall(require("cairn.tool").load, s.row.tool)
      rows[i] = { worksheet = s.row.id, tool = T_ok and T.title or s.row.tool, title = s.row.title,
        what = s.what, status = s.row.status, by = #s.by > 0 and table.concat(s.by, ", ") or "—" }
    end
    sec:table { columns = {
        { id = "worksheet", label = "Worksheet", format = "integer" }, { id = "tool", label = "Tool" },
        { id = "title", label = "Title" }, { id = "what", label = "In this meeting" },
        { id = "status", label = "Status now" }, { id = "by", label = "By" } },
      rows = rows }
  end

  if #sheets > 0 then
    local dsec = doc:section(words.decisions)
    local present = require "cairn.present"
    for _, s in ipairs(sheets) do
      local st = present.state_of(s.row)
      local sub = dsec:section(string.format("%s · %s: %s", worksheet_name(s.row), st.tool, s.row.title))
      if #st.answers == 0 then sub:paragraph(words.no_answers) else
        local kv = {}
        for i, a in ipairs(st.answers) do kv[i] = { a.label, a.value } end
        sub:keyvalue(kv, { caption = words.answers })
      end
      if #s.revisions == 0 then sub:paragraph(words.no_revisions) else
        local rows = {}
        for i, r in ipairs(s.revisions) do
          rows[i] = { n = r.n, at = shown(r.at), by = r.by, status = r.status, summary = r.summary }
        end
        sub:table { caption = words.revisions, columns = {
            { id = "n", label = "Revision", format = "integer" }, { id = "at", label = "When (UTC)" },
            { id = "by", label = "By" }, { id = "status", label = "Status" },
            { id = "summary", label = "What changed" } },
          rows = rows }
      end
    end
  end

  local psec = doc:section(words.plan)
  if plan_count == 0 then psec:paragraph(words.no_plan) end
  local function from(w) return w and ("worksheet " .. w) or "" end
  if #plan.plans > 0 then
    local rows = {}
    for i, p in ipairs(plan.plans) do
      rows[i] = { title = p.title, kind = status_words(p.kind), at = shown(p.created_at), from = from(p.worksheet) }
    end
    psec:table { caption = words.plans_created, columns = { { id = "title", label = "Plan" },
      { id = "kind", label = "Kind" }, { id = "at", label = "When (UTC)" }, { id = "from", label = "From" } },
      rows = rows }
  end
  if #plan.items > 0 then
    local rows = {}
    for i, it in ipairs(plan.items) do
      rows[i] = { plan = it.plan, level = status_words(it.level), text = it.text, owner = it.owner or "",
        due = it.due or "", from = from(it.worksheet) }
    end
    psec:table { caption = words.items_added, columns = { { id = "plan", label = "Plan" },
      { id = "level", label = "Level" }, { id = "text", label = "Item" }, { id = "owner", label = "Owner" },
      { id = "due", label = "Due" }, { id = "from", label = "From" } },
      rows = rows }
  end
  if #plan.statuses > 0 then
    local rows = {}
    for i, st in ipairs(plan.statuses) do
      rows[i] = { at = shown(st.recorded_at), text = st.text, status = status_words(st.status),
        by = st.by_name or "", note = st.note or "" }
    end
    psec:table { caption = words.statuses, columns = { { id = "at", label = "When (UTC)" },
      { id = "text", label = "Item" }, { id = "status", label = "Status" }, { id = "by", label = "By" },
      { id = "note", label = "Note" } },
      rows = rows }
  end
  return doc
end

-- meeting.export{ since =, format =, out =, title = } -> the path written ("-": standard
-- output). SINCE as typed (see meeting.parse_time); FORMAT md (default) or html, or any report
-- format; OUT default meeting-YYYY-MM-DD-HHMM.EXT in the current folder.
function meeting.export(opts)
  opts = opts or {}
  local since
  if opts.since then
    local err
    since, err = meeting.parse_time(opts.since)
    if not since then error("--since: " .. err, 0) end
  end
  local util = require "cairn.util"
  local format = util.format_name(opts.format or (opts.out and opts.out ~= "-" and opts.out:match("%.(%w+)$"))
    or "markdown")
  if not format then
    error(string.format("unknown format '%s' (expected md or html)", tostring(opts.format)), 0)
  end
  local doc = meeting.document { since = since, title = opts.title }
  local out = opts.out
  if out == "-" then
    io.stdout:write(doc:render(format))
    return "-"
  end
  if not out then
    local stamp = date.now():gsub("^(%d+%-%d+%-%d+)T(%d%d):(%d%d).*$", "%1-%2%3")
    out = string.format("meeting-%s.%s", stamp, util.extensions[format] or format)
  end
  return doc:write(out, format)
end

-- ---- the REPL ----------------------------------------------------------------------------------

-- facilitator() -> the name revisions are signed with; facilitator "Name" keeps NAME for this
-- login in this workspace (as `cairn whoami NAME`); facilitator(false) forgets it.
function meeting.facilitator(name)
  local s = session.current()
  if name == false then s:set_facilitator(nil)
  elseif name ~= nil then
    if type(name) ~= "string" or not name:match("%S") then
      error("facilitator: expected a name, e.g. facilitator \"Ana Diaz\"", 0)
    end
    s:set_facilitator(name:match("^%s*(.-)%s*$"))
  end
  return s.actor
end

-- meeting.repl: the REPL's `meeting` global. meeting.start "Title", meeting.export{...}.
meeting.repl = { start = meeting.start, export = meeting.export, document = meeting.document,
  current_start = meeting.current_start }

return meeting
