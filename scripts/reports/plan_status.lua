-- Plan status: for every plan that tracks work (or one plan), its items by status, what is
-- overdue and due soon, who owns what, benchmarks and outcomes against their targets, and what
-- changed since the last run. Meant for cron:
--
--   cairn report plan_status --as-of 2026-11-26 --format html --out reports/
--
-- Every sentence a district may want to reword is in `words` below.
local plan = require "cairn.plan"
local R = require "cairn.plan.reporting"

local words = {
  title = "Plan status",
  summary = "Summary",
  plans = "Plans",
  work_items = "Work items",
  done = "Done",
  overdue = "Overdue",
  due_soon = "Due in the next %d days",
  off_target = "Benchmarks and outcomes off target",
  attention = "Needs attention",
  attention_text = "%s overdue and %s off target as of %s.",
  all_clear = "Nothing is overdue and every benchmark with data is on target as of %s.",
  by_plan_chart = "Work items by status, per plan",
  changes = "What changed since the last run",
  first_run = "This is the first run of this report: the next run will list what changed after %s.",
  no_changes = "No changes since the last run (%s).",
  changes_intro = "Since the last run on %s:",
  new_plan = "New plan since the last run.",
  kind = "Kind", level = "Level", period = "Period", overall = "Overall status", pct_done = "Percent done",
  source = "Written by",
  by_item_chart = "Work items by status",
  nothing_overdue = "Nothing is overdue.",
  nothing_due = "Nothing is due in the next %d days.",
  owners = "Owners",
  no_owner = "(no owner)",
  measures = "Benchmarks and outcomes",
  progress_chart = "Progress toward targets",
  no_measures = "This plan has no measured benchmarks or outcomes.",
  items = "All items",
  unowned = "Work with no owner",
  undated = "Work with no due date",
  percent_note = "Percent done rolls up: the mean of the children's percent, done counts 100%, dropped items are left out.",
  no_plans = "There are no plans with owners, dates, statuses or measures yet.",
}

local function plural(n, one, many) return string.format("%d %s", n, n == 1 and one or (many or one .. "s")) end

local function pick_plans(ctx)
  local want = ctx.params and ctx.params.plan
  if want ~= nil and want ~= "" then
    local key = tonumber(want) and math.tointeger(tonumber(want)) or want
    local p = plan.get(key)
    if not p then
      local names = {}
      for _, q in ipairs(plan.list()) do names[#names + 1] = q.title end
      error(string.format("--param plan: no plan '%s' (plans: %s)", tostring(want),
        #names > 0 and table.concat(names, "; ") or "none yet"), 0)
    end
    return { p }
  end
  local out = {}
  for _, p in ipairs(plan.list()) do
    if R.tracks_work(p) then out[#out + 1] = p end
  end
  return out
end

local function item_rows(list, as_of, with_late)
  local rows = {}
  for _, it in ipairs(list) do
    rows[#rows + 1] = { item = it.text, owner = it.owner or words.no_owner, due = it.due,
      late = with_late and it.days_late or nil, status = R.status_labels[it.status] }
  end
  return rows
end

local function item_columns(with_late)
  local cols = { { id = "item", label = "Item" }, { id = "owner", label = "Owner" },
                 { id = "due", label = "Due", format = "date" } }
  if with_late then cols[#cols + 1] = { id = "late", label = "Days late", format = "integer" } end
  cols[#cols + 1] = { id = "status", label = "Status" }
  return cols
end

local function value_text(v, unit)
  if v == nil then return nil end
  local s = require("cairn.host").format_number(v, 1)
  if unit == "%" then return s .. "%" end
  return unit and (s .. " " .. unit) or s
end

local function plan_section(doc, p, view, as_of, days)
  local s = doc:section(p.title)
  local outline = view.outline
  local roll = view.rollup
  local kv = { { words.kind, R.kind_label(p.kind) } }
  if p.level then kv[#kv + 1] = { words.level, R.kind_label(p.level) } end
  if p.period then kv[#kv + 1] = { words.period, p.period } end
  kv[#kv + 1] = { words.overall, roll.label }
  kv[#kv + 1] = { words.pct_done, require("cairn.host").format_number(roll.percent, 0) .. "%" }
  if p.source and p.source.tool then
    kv[#kv + 1] = { words.source, p.source.tool .. (p.source.worksheet and (" (worksheet " .. p.source.worksheet .. ")") or "") }
  end
  s:keyvalue(kv)

  local by_top = R.by_top(outline)
  if #by_top > 0 then
    s:chart { kind = "status", title = words.by_item_chart .. ": " .. p.title, levels = R.status_levels(), data = by_top }
  end

  local od = view.overdue
  local o = s:section(string.format("%s (%d)", words.overdue, #od))
  if #od == 0 then o:paragraph(words.nothing_overdue)
  else o:table { columns = item_columns(true), rows = item_rows(od, as_of, true) } end

  local soon = view:due_within(days)
  local d = s:section(string.format(words.due_soon, days) .. string.format(" (%d)", #soon))
  if #soon == 0 then d:paragraph(string.format(words.nothing_due, days))
  else d:table { columns = item_columns(false), rows = item_rows(soon, as_of, false) } end

  local owners = R.owners(outline, as_of)
  if #owners > 0 then
    local rows = {}
    for _, ow in ipairs(owners) do
      rows[#rows + 1] = { owner = ow.owner or words.no_owner, items = ow.items, done = ow.done,
                          overdue = ow.overdue, trouble = ow.trouble }
    end
    s:section(words.owners):table { columns = {
      { id = "owner", label = "Owner" }, { id = "items", label = "Items", format = "integer" },
      { id = "done", label = "Done", format = "integer" }, { id = "overdue", label = "Overdue", format = "integer" },
      { id = "trouble", label = "At risk or off track", format = "integer" } }, rows = rows }
  end

  local ms = view.measures
  local m = s:section(words.measures)
  if #ms == 0 then
    m:paragraph(words.no_measures)
  else
    local bars, rows = {}, {}
    for _, a in ipairs(ms) do
      local target = a.final or a.next_target
      if a.actual and target then
        bars[#bars + 1] = { label = a.item.text, baseline = a.baseline and a.baseline.value, actual = a.actual,
          target = target.value, unit = a.unit, direction = a.direction }
      end
      local nt = a.next_target
      rows[#rows + 1] = {
        measure = a.item.text, kind = a.item.kind and R.kind_labels[a.item.kind] or a.item.level,
        baseline = a.baseline and value_text(a.baseline.value, a.unit),
        latest = a.actual and (value_text(a.actual, a.unit) .. " (" .. a.actual_date .. ")") or "no data",
        expected = a.expected and value_text(a.expected, a.unit) or nil,
        target = nt and (value_text(nt.value, a.unit) .. " by " .. nt.date) or nil,
        state = a.label .. (a.stale and " (data older than the target)" or ""),
      }
    end
    if #bars > 0 then m:chart { kind = "progress", title = words.progress_chart .. ": " .. p.title, data = bars } end
    m:table { columns = {
      { id = "measure", label = "Benchmark or outcome" }, { id = "kind", label = "Type" },
      { id = "baseline", label = "Baseline", align = "right" }, { id = "latest", label = "Latest", align = "right" },
      { id = "expected", label = "Expected now", align = "right" }, { id = "target", label = "Next target" },
      { id = "state", label = "State" } }, rows = rows,
      notes = { "Expected now: read off the straight line from the baseline through each target, on the date of the latest data." } }
  end

  local rows = {}
  for _, it in ipairs(outline) do
    rows[#rows + 1] = { no = it.number, item = it.text, level = R.kind_label(it.level), owner = it.owner,
      due = it.due, status = R.status_labels[it.rolled], pct = it.rolled_percent / 100 }
  end
  s:section(words.items):table { columns = {
    { id = "no", label = "No." }, { id = "item", label = "Item" }, { id = "level", label = "Level" },
    { id = "owner", label = "Owner" }, { id = "due", label = "Due", format = "date" },
    { id = "status", label = "Status" }, { id = "pct", label = "Done", format = "percent", decimals = 0 } },
    rows = rows, notes = { words.percent_note } }

  local un, ud = view.unowned, view.undated
  if #un + #ud > 0 then
    local a = s:section(words.attention)
    if #un > 0 then
      local l = {}
      for _, it in ipairs(un) do l[#l + 1] = it.text .. (it.due and (" (due " .. it.due .. ")") or "") end
      a:paragraph("**" .. words.unowned .. "**")
      a:list(l)
    end
    if #ud > 0 then
      local l = {}
      for _, it in ipairs(ud) do l[#l + 1] = it.text .. (it.owner and (" (" .. it.owner .. ")") or "") end
      a:paragraph("**" .. words.undated .. "**")
      a:list(l)
    end
  end
end

return {
  name = "plan_status",
  description = "Status of every plan: items by status, overdue work, owners, benchmarks vs targets, changes since the last run",
  params = {
    { name = "plan", type = "string", default = nil, help = "only this plan (title or id)" },
    { name = "days", type = "number", default = 14, help = "how many days ahead 'due soon' looks" },
  },
  words = words,

  build = function(ctx)
    local as_of = ctx.as_of or plan.today()
    local days = math.tointeger(tonumber(ctx.params and ctx.params.days) or 14) or 14
    local plans = pick_plans(ctx)
    local doc = ctx.document { title = words.title }
    -- each plan is read and rolled up once, however many places show it (cairn.plan.reporting)
    local views = ctx.cache or {}

    local sum = doc:section(words.summary)
    if #plans == 0 then
      sum:paragraph(words.no_plans)
      if ctx.save then ctx.save(R.state(plans, as_of, views)) end
      return doc
    end
    local work, done, overdue, soon, off = 0, 0, 0, 0, 0
    local chart = {}
    for _, p in ipairs(plans) do
      local view = R.view(p, as_of, views)
      local items = {}
      for _, it in ipairs(view.outline) do if it.work then items[#items + 1] = it end end
      local counts, n = R.count(items)
      work = work + n
      done = done + counts[5]
      if n > 0 then chart[#chart + 1] = { label = p.title, counts = counts } end
      overdue = overdue + #view.overdue
      soon = soon + #view:due_within(days)
      for _, a in ipairs(view.measures) do
        if a.state == "off_target" or a.state == "no_data" then off = off + 1 end
      end
    end
    sum:keyvalue {
      { words.plans, #plans }, { words.work_items, work }, { words.done, done },
      { words.overdue, overdue }, { string.format(words.due_soon, days), soon }, { words.off_target, off },
    }
    if overdue + off > 0 then
      sum:callout("warning", string.format(words.attention_text, plural(overdue, "item"),
        plural(off, "benchmark or outcome", "benchmarks or outcomes"), R.dates.short(as_of)), { title = words.attention })
    else
      sum:callout("note", string.format(words.all_clear, R.dates.short(as_of)))
    end
    if #chart > 0 then sum:chart { kind = "status", title = words.by_plan_chart, levels = R.status_levels(), data = chart } end

    local ch = doc:section(words.changes)
    local prev = ctx.previous
    if not prev or not prev.plans then
      ch:paragraph(string.format(words.first_run, R.dates.short(as_of)))
    else
      local found = {}
      for _, c in ipairs(R.changes_since(prev, plans, as_of, views)) do
        if c.new or #c.changes > 0 then found[#found + 1] = c end
      end
      local since = prev.as_of and R.dates.short(prev.as_of) or "?"
      if #found == 0 then
        ch:paragraph(string.format(words.no_changes, since))
      else
        ch:paragraph(string.format(words.changes_intro, since))
        for _, c in ipairs(found) do
          if c.new then
            ch:paragraph("**" .. c.plan.title .. "**: " .. words.new_plan)
          else
            ch:paragraph("**" .. c.plan.title .. "**")
            ch:list(c.changes.lines)
          end
        end
      end
    end

    for _, p in ipairs(plans) do plan_section(doc, p, R.view(p, as_of, views), as_of, days) end

    if ctx.save then ctx.save(R.state(plans, as_of, views)) end
    return doc
  end,
}
