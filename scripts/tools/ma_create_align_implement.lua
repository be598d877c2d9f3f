-- The District Planning Process: Create—Align—Implement (Massachusetts, 003).
--
-- The nine activities of the Planning for Success graphic, in printed order, grouped by phase
-- (Create 1-3, Align 4-6, Implement 7-9), each with its status, lead and date. The process goes
-- into the plan model as a plan of phases and activities, so the plan reports show where the
-- district is in the cycle; "Redesign the District Plan if necessary" closes the loop.
local common = require "cairn.tools_common"

local statuses = {
  { value = "not_started", label = "Not started" },
  { value = "on_track", label = "Under way" },
  { value = "at_risk", label = "At risk" },
  { value = "done", label = "Done" },
  { value = "dropped", label = "Not needed" },
}

local phases = {
  { id = "create", title = "Create", rows = {
      "Analyze district performance, educator evaluation, and community feedback data for trends and patterns",
      "Envision the future",
      "Backward design the improvement strategy from desired student outcomes, researching effective practices",
    } },
  { id = "align", title = "Align", rows = {
      "Connect Educator Evaluation goals and School Improvement Plans to the District Plan",
      "Leverage budget, grants, and resources in support of the District Plan",
      "Build community commitment to the District Plan",
    } },
  { id = "implement", title = "Implement", rows = {
      "Create an annual action plan with progress and impact benchmarks",
      "Monitor and publicly report on progress",
      "Redesign the District Plan if necessary",
    } },
}

local function activity_table(ph)
  return { kind = "table", id = ph.id, label = ph.title, rows = ph.rows, min_rows = #ph.rows,
    columns = {
      { id = "status", label = "Status", type = "choice", choices = statuses, required = true,
        default = "not_started" },
      { id = "lead", label = "Lead", type = "person" },
      { id = "due", label = "Target date", type = "date" },
      { id = "notes", label = "Notes", type = "text" },
    } }
end

local form = common.form {
  { id = "plan_years", type = "text", label = "District Plan years (3 years)", report_label = "District Plan",
    required = true, placeholder = "2026-2029" },
  { id = "action_year", type = "text", label = "Action Plan year (1 year)", report_label = "Action Plan",
    placeholder = "2026-27" },
  { kind = "section", title = "Create",
    help = "From Data Analysis to Outcome-Driven Planning to System Alignment. An effective District "
      .. "Plan is developed with input from staff, families, students, and community partners." },
  activity_table(phases[1]),
  { kind = "section", title = "Align", help = "Result: District Plan, 3 years." },
  activity_table(phases[2]),
  { kind = "section", title = "Implement",
    help = "From Action Planning to Progress Monitoring to Potential Redesign. Result: District "
      .. "Action Plan, 1 year." },
  activity_table(phases[3]),
}

local tool = {
  id = "ma_create_align_implement",
  title = "The District Planning Process: Create—Align—Implement",
  source = "Massachusetts DESE, Planning for Success",
  stage = "Create, Align, Implement",
  framework = "Massachusetts",
  summary = "Where the district is in the Planning for Success cycle: nine activities in three phases.",
  instructions = {
    "Create—Align—Implement represent the three phases of Planning for Success, a planning "
      .. "process that is designed to strengthen coherence and support district and school success.",
    "This planning process centers on the creation of a multi-year District Plan that is grounded in "
      .. "analysis of a wide array of district data; sets specific, measurable outcomes and identifies "
      .. "the objectives and initiatives to accomplish them; and serves as the foundation and guide "
      .. "for all other district systems.",
    "This planning process also centers on the creation of an annual action plan that supports "
      .. "success of the District Plan by identifying benchmarks districts can use to monitor progress "
      .. "and measure impact while implementation is underway.",
  },
  form = form,
  worksheet_title = function(a) return "Planning for Success " .. a.plan_years end,
}

function tool.check(a, c)
  -- Phases are sequential: say so when a later phase is done while an earlier one has not started.
  local started = {}
  for i, ph in ipairs(phases) do
    for _, r in ipairs(a[ph.id] or {}) do
      if r.status and r.status ~= "not_started" then started[i] = true end
    end
  end
  for i, ph in ipairs(phases) do
    if started[i] then
      for j = 1, i - 1 do
        if not started[j] then
          c.warn(ph.id, string.format("%s is under way but no %s activity has started.", ph.title, phases[j].title))
        end
      end
    end
  end
  for _, ph in ipairs(phases) do
    for i, r in ipairs(a[ph.id] or {}) do
      if r.status and r.status ~= "not_started" and r.status ~= "done" and r.status ~= "dropped"
        and not common.filled(r.lead) then
        c.warn(string.format("%s[%d].lead", ph.id, i), "Who leads this activity?")
      end
    end
  end
end

function tool.to_plan(a, ctx)
  local p = common.create_plan(ctx, {
    kind = "planning_process", level = "district", period = a.plan_years,
    title = "Planning for Success " .. a.plan_years,
    levels = { "phase", "activity" },
    fields = { action_year = a.action_year },
  })
  for _, ph in ipairs(phases) do
    local phase = p:add { level = "phase", text = ph.title }
    for i, label in ipairs(ph.rows) do
      local r = (a[ph.id] or {})[i] or {}
      phase:add { level = "activity", text = label, owner = r.lead, due = r.due,
        status = r.status ~= "not_started" and r.status or nil, status_on = ctx.as_of,
        fields = { notes = r.notes } }
    end
  end
  return p
end

function tool.report(w, doc)
  local a = w.answers
  doc:keyvalue(common.pairs_for(form, a, { "plan_years", "action_year" }))
  local counts = {}
  for _, ph in ipairs(phases) do
    local el = common.element(form, ph.id)
    local s = doc:section(ph.title)
    local items = {}
    local n = { 0, 0, 0, 0, 0, 0 }
    for i, label in ipairs(ph.rows) do
      local r = (a[ph.id] or {})[i] or {}
      local bits = { common.choice_label(el.columns[1], r.status or "not_started") }
      if r.lead then bits[#bits + 1] = r.lead end
      if r.due then bits[#bits + 1] = "by " .. r.due end
      local text = string.format("%s (%s)", label, table.concat(bits, ", "))
      if common.filled(r.notes) then text = text .. ": " .. r.notes end
      items[#items + 1] = { text = text, checked = r.status == "done" }
      local order = { not_started = 1, on_track = 2, at_risk = 3, done = 5, dropped = 6 }
      local k = order[r.status or "not_started"]
      n[k] = n[k] + 1
    end
    s:checklist(items)
    counts[#counts + 1] = { label = ph.title, counts = n }
  end
  doc:chart { kind = "status", title = "Activities by status",
    levels = { "not started", "on track", "at risk", "off track", "done", "dropped" }, data = counts }
end

return tool
