-- District plan: the Massachusetts multi-year District Plan (mission, core values, vision,
-- theory of action, strategic objectives, initiatives, outcomes with their targets and latest
-- data) and the current annual District Action Plan (process and early-evidence benchmarks,
-- persons responsible, timelines, resources), as one document a school board reads.
--
--   cairn report district_plan --as-of 2026-11-26 --format html --out reports/
--
-- It reads plans of kind "district_plan" (as the ma_district_plan tool writes them, or built
-- with the plan API) and the action plan that serves it (kind "district_action_plan", or an
-- "action_plan" whose fields.framework is "Massachusetts"). See docs/plan-api.md.
local plan = require "cairn.plan"
local R = require "cairn.plan.reporting"
local host = require "cairn.host"

local words = {
  subtitle = "Multi-year District Plan %s and Annual Action Plan %s",
  subtitle_plan_only = "Multi-year District Plan %s",
  foundation = "Mission, Core Values and Vision",
  mission = "Mission", mission_help = "Our purpose: why the district exists.",
  core_values = "Core Values", vision = "Vision",
  theory = "Theory of Action",
  analysis = "Data Analysis and Theory of Action",
  data_analysis = "Data Analysis",
  professional_development = "Professional development",
  induction = "Teacher Induction and Mentoring",
  evaluation = "Evaluating Initiative Effectiveness",
  objectives = "Strategic Objectives",
  objectives_intro = "The district will focus on %s, the overarching goals and key levers for improvement that will achieve the vision.",
  objective = "Objective %d: %s",
  lead = "Lead",
  not_this_year = "not in this year's plan",
  initiatives = "Strategic initiatives",
  outcomes = "Outcomes",
  outcomes_intro = "The success of the plan as a whole is measured by its outcomes. Final outcomes set targets for the end of the plan; interim outcomes set targets along the way.",
  outcomes_chart = "Outcomes: progress from baseline toward the final target",
  plan_outcomes = "Outcomes of the plan as a whole",
  action_plan = "Annual Action Plan %s",
  action_intro = "The annual action plan supports the District Plan with implementation benchmarks. "
    .. "*Process* benchmarks say what will happen, who will do it and when. *Early evidence of change* "
    .. "benchmarks name the changes we should begin to see if the plan is having its desired impact.",
  no_action_plan = "No annual action plan is linked to this District Plan yet.",
  at_a_glance = "At a glance",
  benchmarks = "Benchmarks", done = "Done", on_track = "On track", trouble = "At risk or off track",
  overdue = "Overdue",
  by_initiative_chart = "Benchmarks by status, per initiative",
  initiative = "Initiative: %s",
  early_evidence_chart = "Early evidence of change: latest data against targets",
  resources = "Resources Supporting Implementation",
  resources_intro = "The staff and financial resources allocated to support these initiatives.",
  by_funding = "Cost by funding source",
  unfunded = "(no funding source named)",
  attention = "Needs the board's attention",
  attention_overdue = "%d benchmark%s past due: %s.",
  attention_off = "Off target: %s.",
}

local function fmt_value(v, unit)
  if v == nil then return nil end
  local s = host.format_number(v, 1)
  if unit == "%" then return s .. "%" end
  return unit and (s .. " " .. unit) or s
end

local function timeline(it)
  if it.start and it.due then return R.dates.short(it.start) .. " – " .. R.dates.short(it.due) end
  if it.due then return "by " .. R.dates.short(it.due) end
  if it.start then return "from " .. R.dates.short(it.start) end
  return nil
end

local function level_is(it, name)
  return it.level == name or it.level == "strategic_" .. name or it.level:match("_" .. name .. "$") ~= nil
end

local function find_district_plan(ctx)
  local want = ctx.params and ctx.params.plan
  if want ~= nil and want ~= "" then
    local key = tonumber(want) and math.tointeger(tonumber(want)) or want
    local p = plan.get(key)
    if not p or p.kind ~= "district_plan" then
      local names = {}
      for _, q in ipairs(plan.list { kind = "district_plan" }) do names[#names + 1] = q.title end
      error(string.format("--param plan: no district plan '%s' (district plans: %s)", tostring(want),
        #names > 0 and table.concat(names, "; ") or "none yet"), 0)
    end
    return p
  end
  local all = plan.list { kind = "district_plan" }
  if #all == 0 then
    error("district_plan: there is no district plan yet (run the ma_district_plan tool, or plan.create{kind = \"district_plan\", ...})", 0)
  end
  return all[#all]
end

local function is_ma_action_plan(p)
  return p.kind == "district_action_plan" or (p.kind == "action_plan" and p.fields.framework == "Massachusetts")
end

local function find_action_plan(ctx, dp)
  local want = ctx.params and ctx.params.action_plan
  if want ~= nil and want ~= "" then
    local key = tonumber(want) and math.tointeger(tonumber(want)) or want
    local p = plan.get(key)
    if not p then error(string.format("--param action_plan: no plan '%s'", tostring(want)), 0) end
    return p
  end
  local best
  for _, p in ipairs(plan.list()) do
    if is_ma_action_plan(p) then
      local linked = p.fields.district_plan == dp.id or p.fields.district_plan == dp.title
      if not linked then
        for _, l in ipairs(plan.links(p, { relation = "serves" })) do
          if l.other and l.other.id == dp.id and getmetatable(l.other) == getmetatable(dp) then linked = true end
        end
      end
      if linked then best = p end     -- the newest linked one
    end
  end
  return best
end

-- outcome rows and progress bars for a list of outcome items
local function outcome_table(sec, items, as_of, bars)
  local rows = {}
  for _, it in ipairs(items) do
    local m = it:measurement()
    local a = m and m:assess(as_of)
    local targets = {}
    for _, t in ipairs(m and m.targets or {}) do
      targets[#targets + 1] = fmt_value(t.value, m.unit) .. " by " .. R.dates.short(t.date)
    end
    rows[#rows + 1] = {
      outcome = it.text, kind = it.kind and R.kind_labels[it.kind] or nil,
      measure = m and m.metric or nil,
      baseline = m and m.baseline and fmt_value(m.baseline.value, m.unit) or nil,
      targets = #targets > 0 and table.concat(targets, "; ") or nil,
      latest = a and a.actual and (fmt_value(a.actual, m.unit) .. " (" .. R.dates.short(a.actual_date) .. ")") or "no data yet",
      state = a and R.state_labels[a.state] or "no measure",
    }
    if a and a.actual and a.final then
      bars[#bars + 1] = { label = it.text, baseline = m.baseline and m.baseline.value, actual = a.actual,
        target = a.final.value, unit = m.unit, direction = m.direction }
    end
  end
  sec:table { caption = words.outcomes, columns = {
    { id = "outcome", label = "Outcome" }, { id = "kind", label = "Type" }, { id = "measure", label = "Measured by" },
    { id = "baseline", label = "Baseline", align = "right" }, { id = "targets", label = "Targets" },
    { id = "latest", label = "Latest", align = "right" }, { id = "state", label = "Status" } }, rows = rows }
end

return {
  name = "district_plan",
  description = "The multi-year District Plan and the current annual action plan, as one document for the school board",
  params = {
    { name = "plan", type = "string", default = nil, help = "the district plan (title or id; default: the newest)" },
    { name = "action_plan", type = "string", default = nil, help = "the annual action plan (default: the newest one serving the district plan)" },
  },
  words = words,

  build = function(ctx)
    local as_of = ctx.as_of or plan.today()
    local dp = find_district_plan(ctx)
    local ap = find_action_plan(ctx, dp)
    local doc = ctx.document { title = dp.title,
      subtitle = ap and string.format(words.subtitle, dp.period or "", ap.period or "")
        or string.format(words.subtitle_plan_only, dp.period or "") }
    local f = dp.fields

    -- I. mission, core values, vision; theory of action
    local s1 = doc:section(words.foundation)
    if f.mission then s1:section(words.mission):paragraph(f.mission) end
    if f.core_values then
      local cv = s1:section(words.core_values)
      if type(f.core_values) == "table" then cv:list(f.core_values) else cv:paragraph(tostring(f.core_values)) end
    end
    if f.vision then s1:section(words.vision):paragraph(f.vision) end
    -- II. data analysis and theory of action (either may be missing from a hand-built plan)
    local theory = f.theory_of_action or f.theory
    if f.data_analysis and theory then
      local s = doc:section(words.analysis)
      s:section(words.data_analysis):paragraph(f.data_analysis)
      s:section(words.theory):paragraph(theory)
    elseif f.data_analysis then doc:section(words.data_analysis):paragraph(f.data_analysis)
    elseif theory then doc:section(words.theory):paragraph(theory) end

    -- III. strategic objectives, initiatives (with their professional development) and outcomes
    local items = R.outline(dp)
    local objectives, top_outcomes = {}, {}
    for _, it in ipairs(items) do
      if it.depth == 1 then
        if level_is(it, "outcome") then top_outcomes[#top_outcomes + 1] = it else objectives[#objectives + 1] = it end
      end
    end
    local ap_outline = ap and R.outline(ap) or {}
    local serving = {}   -- district initiative id -> action plan item serving it
    for _, it in ipairs(ap_outline) do
      for _, l in ipairs(plan.links(it, { relation = "serves" })) do
        if l.other and l.other.id and getmetatable(l.other) == getmetatable(it) then serving[l.other.id] = it end
      end
    end
    local s2 = doc:section(words.objectives)
    local n_obj = #objectives
    s2:paragraph(string.format(words.objectives_intro, n_obj == 1 and "one strategic objective"
      or (n_obj .. " strategic objectives")))
    local listed = {}
    for _, o in ipairs(objectives) do listed[#listed + 1] = o.text end
    s2:list(listed, { style = "number" })
    local bars, used = {}, {}
    for i, o in ipairs(objectives) do
      local os = s2:section(string.format(words.objective, i, o.text))
      if o.owner then os:keyvalue { { words.lead, o.owner } } end
      local inis, outs = {}, {}
      for _, c in ipairs(o:children()) do
        if level_is(c, "outcome") then outs[#outs + 1] = c else inis[#inis + 1] = c end
      end
      for _, l in ipairs(plan.links(o, { relation = "measured_by" })) do
        if l.other and getmetatable(l.other) == getmetatable(o) and l.other.plan_id == dp.id and level_is(l.other, "outcome") then
          outs[#outs + 1] = l.other
        end
      end
      if #inis > 0 then
        local rows, any_pd = {}, false
        for _, ini in ipairs(inis) do
          local s = serving[ini.id]
          local pd = ini.fields and ini.fields.professional_development
          if pd then any_pd = true end
          rows[#rows + 1] = { initiative = ini.text, lead = ini.owner, timeline = timeline(ini),
            year = s and R.status_labels[s.rolled] or words.not_this_year, pct = s and s.rolled_percent / 100 or nil,
            pd = pd }
        end
        local columns = {
          { id = "initiative", label = "Strategic initiative" }, { id = "lead", label = "Lead" },
          { id = "timeline", label = "Timeline" }, { id = "year", label = "This year" },
          { id = "pct", label = "Done this year", format = "percent", decimals = 0 } }
        -- III.c: the professional development supporting each initiative, when the plan names any
        if any_pd then table.insert(columns, 3, { id = "pd", label = words.professional_development }) end
        os:table { caption = words.initiatives, columns = columns, rows = rows }
      end
      if #outs > 0 then
        for _, x in ipairs(outs) do used[x.id] = true end
        outcome_table(os, outs, as_of, bars)
      end
    end
    -- III.d: teacher induction and mentoring
    if f.induction then s2:section(words.induction):paragraph(f.induction) end
    -- IV. outcomes, and the processes for evaluating initiative effectiveness
    local rest = {}
    for _, x in ipairs(top_outcomes) do if not used[x.id] then rest[#rest + 1] = x end end
    local s3 = doc:section(words.outcomes)
    s3:paragraph(words.outcomes_intro)
    if #rest > 0 then outcome_table(s3:section(words.plan_outcomes), rest, as_of, bars) end
    if #bars > 0 then s3:chart { kind = "progress", title = words.outcomes_chart, data = bars } end
    if f.evaluation then s3:section(words.evaluation):paragraph(f.evaluation) end

    -- III. the annual action plan
    if not ap then
      doc:section(string.format(words.action_plan, "")):paragraph(words.no_action_plan)
      return doc
    end
    doc:pagebreak()
    local s4 = doc:section(string.format(words.action_plan, ap.period or ""))
    s4:paragraph(words.action_intro)
    local bms, per_ini = {}, {}
    local current
    for _, it in ipairs(ap_outline) do
      if it.depth == 1 then current = { item = it, benchmarks = {}, resources = {} }; per_ini[#per_ini + 1] = current
      elseif current and it.level == "resource" then table.insert(current.resources, it)
      elseif current and it.leaf then table.insert(current.benchmarks, it); bms[#bms + 1] = it end
    end
    local counts = R.count(bms)
    local overdue = plan.overdue { plan = ap.id, as_of = as_of }
    s4:keyvalue { caption = words.at_a_glance,
      { words.benchmarks, #bms }, { words.done, counts[5] }, { words.on_track, counts[2] },
      { words.trouble, counts[3] + counts[4] }, { words.overdue, #overdue } }
    local off = plan.off_target { plan = ap.id, as_of = as_of }
    for _, x in ipairs(plan.off_target { plan = dp.id, as_of = as_of }) do off[#off + 1] = x end
    if #overdue + #off > 0 then
      local parts = {}
      if #overdue > 0 then
        local names = {}
        for _, it in ipairs(overdue) do names[#names + 1] = it.text .. " (" .. (it.owner or "no one responsible") .. ", due " .. R.dates.short(it.due) .. ")" end
        parts[#parts + 1] = string.format(words.attention_overdue, #overdue, #overdue == 1 and " is" or "s are",
          table.concat(names, "; "))
      end
      if #off > 0 then
        local names = {}
        for _, a in ipairs(off) do names[#names + 1] = a.item.text end
        parts[#parts + 1] = string.format(words.attention_off, table.concat(names, "; "))
      end
      s4:callout("warning", table.concat(parts, " "), { title = words.attention })
    end
    local chart = {}
    for _, g in ipairs(per_ini) do
      if #g.benchmarks > 0 then chart[#chart + 1] = { label = g.item.text, counts = (R.count(g.benchmarks)) } end
    end
    if #chart > 0 then s4:chart { kind = "status", title = words.by_initiative_chart, levels = R.status_levels(), data = chart } end

    local ee_bars = {}
    for _, g in ipairs(per_ini) do
      local gs = s4:section(string.format(words.initiative, g.item.text))
      if g.item.owner then gs:keyvalue { { words.lead, g.item.owner } } end
      local rows = {}
      for _, b in ipairs(g.benchmarks) do
        local res = b.resources
        local money = res.cost and res.cost > 0 and ("$" .. host.format_number(res.cost, 0, true)) or nil
        rows[#rows + 1] = { benchmark = b.text, kind = b.kind and R.kind_labels[b.kind] or nil,
          who = b.owner or "(no one named)", timeline = timeline(b), status = R.status_labels[b.status],
          resources = money and (money .. (res.funding and (", " .. res.funding) or "")) or res.funding }
        if b.kind == "early_evidence" then
          local m = b:measurement()
          local a = m and m:assess(as_of)
          if a and a.actual and a.final then
            ee_bars[#ee_bars + 1] = { label = b.text, baseline = m.baseline and m.baseline.value, actual = a.actual,
              target = a.final.value, unit = m.unit, direction = m.direction }
          end
        end
      end
      if #rows > 0 then
        gs:table { caption = words.benchmarks, columns = {
          { id = "benchmark", label = "Implementation benchmark" }, { id = "kind", label = "Type" },
          { id = "who", label = "Person responsible" }, { id = "timeline", label = "Timeline" },
          { id = "status", label = "Status" }, { id = "resources", label = "Resources" } }, rows = rows }
      end
    end
    if #ee_bars > 0 then s4:chart { kind = "progress", title = words.early_evidence_chart, data = ee_bars } end

    -- resources: every item of the action plan with resources, and totals by funding source
    local s5 = doc:section(words.resources)
    s5:paragraph(words.resources_intro)
    local rows, by_fund, order, total = {}, {}, {}, 0
    for _, it in ipairs(ap_outline) do
      local r = it.resources
      if r.available or r.needed or (r.cost and r.cost > 0) or r.funding then
        rows[#rows + 1] = { item = it.text, available = r.available, needed = r.needed, cost = r.cost, funding = r.funding }
        if r.cost and r.cost > 0 then
          local k = r.funding or words.unfunded
          if not by_fund[k] then by_fund[k] = 0; order[#order + 1] = k end
          by_fund[k] = by_fund[k] + r.cost
          total = total + r.cost
        end
      end
    end
    if #rows > 0 then
      s5:table { columns = {
        { id = "item", label = "Benchmark or resource" }, { id = "available", label = "Available" },
        { id = "needed", label = "Needed" }, { id = "cost", label = "Cost", format = "money", decimals = 0 },
        { id = "funding", label = "Funding source" } }, rows = rows, totals = { item = "Total", cost = total } }
      table.sort(order)
      local frows = {}
      for _, k in ipairs(order) do frows[#frows + 1] = { funding = k, cost = by_fund[k], share = total > 0 and by_fund[k] / total or nil } end
      s5:table { caption = words.by_funding, columns = {
        { id = "funding", label = "Funding source" }, { id = "cost", label = "Cost", format = "money", decimals = 0 },
        { id = "share", label = "Share", format = "percent", decimals = 0 } }, rows = frows,
        totals = { funding = "Total", cost = total, share = total > 0 and 1 or nil } }
    end
    return doc
  end,
}
