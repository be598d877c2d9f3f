-- District Action Plan (annual) with Annual Action Plan Components (Massachusetts, 003).
--
-- I. Implementation benchmarks for the year, per strategic initiative of the District Plan:
-- process benchmarks (what will happen, who will do it, and when) and early evidence of change
-- benchmarks (changes in practice, attitude or behavior, with their source and threshold).
-- II. The staff and financial resources allocated to support these initiatives. Benchmarks go
-- into the plan model linked to the District Plan's initiative (the year's initiative "serves" it,
-- each benchmark "measures" it), with a measure
-- when they carry a numeric target, so monitoring and the plan status report see them.
local common = require "cairn.tools_common"

local types = {
  { value = "process", label = "Process" },
  { value = "early_evidence", label = "Early evidence of change" },
}

local benchmark_help = "Process benchmarks specify what will happen, who will do it, and when. For "
  .. "example, 20 teachers will complete an ESL course by June. Early evidence of change benchmarks "
  .. "identify changes you should begin to see if the plan is having its desired impact while being "
  .. "implemented. Early evidence benchmarks might include changes in practice or attitude from "
  .. "sources such as classroom observation or surveys. For example, an increase in student use of "
  .. "oral language was observed in 80% of these ESL teachers' classrooms between October and May."

local form = common.form {
  { id = "year", type = "text", label = "School year", required = true, placeholder = "2026-27" },
  { id = "district_plan", type = "text", label = "The District Plan it supports (its title)",
    report_label = "District Plan", placeholder = "District Plan 2026-2029" },
  { kind = "section", title = "I. Implementation Benchmarks",
    help = "a. Implementation benchmarks for the year, defining specific activities, persons "
      .. "responsible, and timelines for action to be taken to accomplish the initiatives in the District Plan" },
  { kind = "group", id = "initiatives", label = "Strategic initiative", min = 1, form = {
    { id = "initiative", type = "text", label = "Strategic initiative of the District Plan",
      report_label = "Strategic initiative", required = true },
    { kind = "table", id = "benchmarks", label = "Implementation Benchmarks", min_rows = 1,
      row_label = "Benchmark", help = benchmark_help,
      columns = {
        { id = "type", label = "Process or early evidence of change?", report_label = "Type",
          type = "choice", choices = types, required = true },
        { id = "benchmark", label = "Benchmark", type = "longtext", required = true },
        { id = "who", label = "Person responsible", report_label = "Who", type = "person" },
        { id = "from", label = "From (start of the window)", report_label = "From", type = "date" },
        { id = "when", label = "By when", report_label = "By", type = "date" },
        { id = "source", label = "Evidence source (e.g. classroom observation, surveys)",
          report_label = "Source", type = "text" },
        { id = "target", label = "Target value (e.g. 80 for 80%)", report_label = "Target", type = "number" },
        { id = "unit", label = "Unit", type = "text" },
      } },
  } },
  { kind = "section", title = "II. Resources Supporting Implementation",
    help = "a. The staff and financial resources allocated to support these initiatives" },
  { kind = "table", id = "resources", label = "Resources Supporting Implementation", min_rows = 0,
    row_label = "Resource",
    columns = {
      { id = "initiative", label = "Strategic initiative (its number above, or its text)",
        report_label = "Initiative", type = "text", required = true },
      { id = "staff", label = "Staff resources", type = "text" },
      { id = "amount", label = "Financial resources", type = "money" },
      { id = "funding", label = "Funding source", type = "text" },
    } },
}

local tool = {
  id = "ma_district_action_plan",
  title = "District Action Plan (annual) with Annual Action Plan Components",
  source = "Massachusetts DESE, Planning for Success: District Action Plan",
  stage = "Implement",
  framework = "Massachusetts",
  summary = "The annual action plan: process and early-evidence benchmarks per initiative, and resources.",
  instructions = {
    "The annual Action Plan supports the implementation of the multi-year District Plan.",
    "Implementation Benchmarks: the planned action steps and their desired impact, which you "
      .. "regularly monitor to assess whether the plan is on track to achieve desired change or "
      .. "requires adjustment.",
    "Process benchmarks help monitor progress, specifying what will be done when and by whom. Early "
      .. "evidence of change benchmarks help monitor impact during implementation, specifying changes "
      .. "in practice, attitude, or behavior one should begin to see if the plan is having its desired impact.",
  },
  form = form,
  worksheet_title = function(a) return "District Action Plan " .. a.year end,
}

local function district_initiative(ctx, text)
  local ok, it = pcall(common.find_item, ctx, "strategic_initiative", text, { "district_plan" })
  return ok and it or nil
end

function tool.check(a, c)
  for i, g in ipairs(a.initiatives or {}) do
    local gp = string.format("initiatives[%d]", i)
    if common.filled(g.initiative) and not district_initiative(nil, g.initiative) then
      c.warn(gp .. ".initiative", "No strategic initiative of a District Plan has this text: each "
        .. "benchmark should accomplish an initiative in the District Plan.")
    end
    for _, b in ipairs(common.rows(g.benchmarks)) do
      local p = string.format("%s.benchmarks[%d]", gp, b._n)
      if b.type == "process" then
        if not common.filled(b.who) then
          c.error(p .. ".who", "a process benchmark specifies who will do it (a person responsible)")
        end
        if not common.filled(b.when) then
          c.error(p .. ".when", "a process benchmark specifies when (a date)")
        end
      elseif b.type == "early_evidence" then
        if not common.filled(b.source) then
          c.warn(p .. ".source", "Early evidence benchmarks name their source, such as classroom observation or surveys.")
        end
        if b.target == nil then
          c.warn(p .. ".target", "What change should you begin to see, and how much (for example 80% of classrooms)?")
        end
      end
      common.check_dates(c, p .. ".when", b.from, b.when, "the benchmark's window ends before it starts")
    end
  end
  for _, r in ipairs(common.rows(a.resources)) do
    if not common.match_row(a.initiatives or {}, "initiative", r.initiative) then
      c.error(string.format("resources[%d].initiative", r._n), string.format(
        "'%s' is not one of the strategic initiatives above (give its number, 1-%d, or its text)",
        r.initiative, #(a.initiatives or {})))
    end
  end
end

function tool.to_plan(a, ctx)
  local p = common.create_plan(ctx, {
    kind = "action_plan", level = "district", period = a.year,
    title = "District Action Plan " .. a.year,
    levels = { "strategic_initiative", "benchmark", "resource" },
    fields = { district_plan = a.district_plan, framework = "Massachusetts" },
  })
  local items = {}
  for i, g in ipairs(a.initiatives or {}) do
    local ini = p:add { level = "strategic_initiative", text = g.initiative }
    items[i] = ini
    local parent = district_initiative(ctx, g.initiative)
    common.link(ctx, ini, parent, "serves")   -- this year's work on the District Plan's initiative
    for _, b in ipairs(common.rows(g.benchmarks)) do
      local bm = ini:add { level = "benchmark", text = b.benchmark, kind = b.type, owner = b.who,
        start = b.from, due = b.when, tags = { b.type },
        fields = { source = b.source } }
      if b.target ~= nil and b.when then
        bm:measure { metric = b.source and (b.benchmark .. " (" .. b.source .. ")") or b.benchmark,
          unit = b.unit, direction = "up", targets = { { value = b.target, date = b.when, kind = "final" } } }
      end
      common.link(ctx, parent, bm, "measured_by")
    end
  end
  for _, r in ipairs(common.rows(a.resources)) do
    local _, i = common.match_row(a.initiatives or {}, "initiative", r.initiative)
    if i and items[i] then
      items[i]:add { level = "resource", text = r.staff or r.funding or "Financial resources",
        resources = { cost = r.amount, funding = r.funding } }
    end
  end
  return p
end

function tool.report(w, doc)
  local a = w.answers
  doc:keyvalue(common.pairs_for(form, a, { "year", "district_plan" }))
  local s1 = doc:section("I. Implementation Benchmarks")
  local bel = common.element(form, "benchmarks")
  for i, g in ipairs(a.initiatives or {}) do
    local s = s1:section(string.format("Initiative %d: %s", i, g.initiative))
    for _, t in ipairs(types) do
      local list = {}
      for _, b in ipairs(g.benchmarks or {}) do
        if b.type == t.value then list[#list + 1] = b end
      end
      if #list > 0 then
        local only = t.value == "process" and { "benchmark", "who", "when" }
          or { "benchmark", "source", "target", "unit", "from", "when" }
        common.form_table(s, bel, list, { caption = t.label .. " benchmarks", only = only })
      end
    end
  end
  local s2 = doc:section("II. Resources Supporting Implementation")
  local rows = {}
  for _, r in ipairs(common.rows(a.resources)) do
    local g, i = common.match_row(a.initiatives or {}, "initiative", r.initiative)
    rows[#rows + 1] = { initiative = g and string.format("%d. %s", i, g.initiative) or r.initiative,
      staff = r.staff, amount = r.amount, funding = r.funding }
  end
  if #rows == 0 then
    s2:paragraph("No resources were entered.")
  else
    s2:table { caption = "Staff and financial resources",
      columns = { { id = "initiative", label = "Strategic initiative" }, { id = "staff", label = "Staff resources" },
                  { id = "amount", label = "Financial resources", format = "money" },
                  { id = "funding", label = "Funding source" } },
      rows = rows, totals = { initiative = "Total", amount = common.sum(a.resources, "amount") } }
  end
end

return tool
