-- SFSS Action Planning Template, Section 2: Resource Alignment & Infrastructure/System
-- Management (Systems for Student Success, 004): the "Four R's of System Change".
--
-- The draft prompts (resource alignment; infrastructure/system management), then the four tables
-- of the final Section 2 (Rules, Roles, Relationships, Resources with anticipated costs and
-- funding sources) and the partner-role table. Its rows join the district's SFSS plan from
-- Section 1 (tagged rules/roles/relationships/resources), so costs and funding sources show in
-- the plan reports; the report adds the budget summary by funding source.
local common = require "cairn.tools_common"

local function t(id, label, cols, row_label)
  local columns = {}
  for i, c in ipairs(cols) do
    columns[i] = { id = c[1], label = c[2], type = c[3] or "text", required = i == 1 or nil }
  end
  return { kind = "table", id = id, label = label, min_rows = 0,
    row_label = row_label or label:gsub("s$", ""), columns = columns }
end

local form = common.form {
  { id = "district", type = "text", label = "District Name", required = true },
  { kind = "section", title = "Draft Section 2",
    help = "Section 2: We will provide additional worksheets/activities to help think through these "
      .. "components of the plan. We may also adapt this format to better complement the ideas you "
      .. "generate during that part of the planning process." },
  { id = "resource_alignment", type = "longtext", label = "Resource Alignment",
    help = "Determine the staffing, partnership, and financial implications of your strategies. How "
      .. "can assets be aligned/re-aligned to support your systems/strategies? What roles need to "
      .. "change and how?" },
  { id = "infrastructure", type = "longtext", label = "Infrastructure/System Management",
    help = "Identify how your school and district will organize to make monitoring and ongoing "
      .. "improvement in SFSS Priority Areas a regular way of doing business. How will you monitor "
      .. "progress related to the strategies you identified in your plan? How will attention to SFSS "
      .. "Priority Areas be embedded into regular school and district management/leadership "
      .. "processes? (ongoing method for identifying new challenges, next stage system improvement work)" },
  { kind = "section", title = "Final Section 2: Resource Alignment & Infrastructure/System Management",
    help = "Use the \"Four R's of System Change\" to describe your plan for addressing the resource, "
      .. "infrastructure and system management implications of your proposed system changes." },
  t("rules", "Rules", {
    { "policy", "Policy, Protocol, Code, or Guideline that Needs to be Adjusted" },
    { "adjustments", "Adjustments Needed" },
    { "supports", "Supports Needed to Make Adjustments" } }),
  t("roles", "Roles", {
    { "role", "Shifting (or New) Role" },
    { "shifts", "Shifts in Expectations/Responsibilities/Focus for that Role" },
    { "supports", "Supports/PD Needed to Make Shift" } }),
  t("relationships", "Relationships", {
    { "structure", "Teaming/Collaboration Structure Needing to be Created or Adjusted" },
    { "who", "Who Is Involved" },
    { "notes", "Key Notes (Methodology, Frequency, etc.)" } }),
  t("resources", "Resources", {
    { "expenditure", "Expenditure/Budget Implication" },
    { "cost", "Anticipated Costs", "money" },
    { "funding", "Funding Source / Reallocation" } }),
  t("partners", "Partner Roles", {
    { "role", "Partner Role" },
    { "shifts", "Shifts in Responsibility/Focus" },
    { "supports", "Supports Needed to Make the Shift" } }, "Partner role"),
}

local tool = {
  id = "sfss_four_rs",
  title = "SFSS Action Planning Template, Section 2: Resource Alignment & Infrastructure/System Management (Four R's of System Change)",
  source = "Systems for Student Success Initiative: Action Planning Template",
  stage = "Section 2",
  framework = "SFSS",
  summary = "Rules, roles, relationships and resources (costs, funding sources) the strategies need.",
  instructions = {
    "Use the \"Four R's of System Change\" to describe your plan for addressing the resource, "
      .. "infrastructure and system management implications of your proposed system changes.",
  },
  form = form,
  worksheet_title = function(a) return "SFSS Action Plan, Section 2 (Four R's): " .. a.district end,
}

local rs = { "rules", "roles", "relationships", "resources" }

function tool.check(a, c)
  local any = false
  for _, id in ipairs(rs) do
    if #common.rows(a[id]) > 0 then any = true end
  end
  if not any then
    c.error("rules", "describe at least one of the Four R's: rules, roles, relationships or resources")
  end
  for _, r in ipairs(common.rows(a.resources)) do
    local p = string.format("resources[%d]", r._n)
    if r.cost == nil then c.warn(p .. ".cost", "What are the anticipated costs?") end
    if not common.filled(r.funding) then c.warn(p .. ".funding", "What is the funding source or reallocation?") end
  end
  for _, r in ipairs(common.rows(a.roles)) do
    if not common.filled(r.supports) then
      c.warn(string.format("roles[%d].supports", r._n), "What supports/PD are needed to make the shift?")
    end
  end
end

-- Add to the district's SFSS plan from Section 1 (the newest one for this district), or start one.
function tool.to_plan(a, ctx)
  local plan = common.plan(ctx)
  local p
  for _, cand in ipairs(plan.list { kind = "sfss_plan" } or {}) do
    if (cand.fields or {}).district == a.district then p = cand end
  end
  if not p then
    p = common.create_plan(ctx, { kind = "sfss_plan", level = "district",
      title = "SFSS Action Plan: " .. a.district, levels = { "four_rs" }, fields = { district = a.district } })
  end
  local head = p:add { level = "four_rs", text = "Section 2: Resource Alignment & Infrastructure/System Management",
    fields = { resource_alignment = a.resource_alignment, infrastructure = a.infrastructure,
               worksheet = ctx.worksheet and ctx.worksheet.id } }
  for _, r in ipairs(common.rows(a.rules)) do
    head:add { level = "rule", text = r.policy, tags = { "rules" },
      fields = { adjustments = r.adjustments, supports = r.supports } }
  end
  for _, r in ipairs(common.rows(a.roles)) do
    head:add { level = "role", text = r.role, tags = { "roles" }, fields = { shifts = r.shifts, supports = r.supports } }
  end
  for _, r in ipairs(common.rows(a.relationships)) do
    head:add { level = "relationship", text = r.structure, tags = { "relationships" },
      fields = { who = r.who, notes = r.notes } }
  end
  for _, r in ipairs(common.rows(a.resources)) do
    head:add { level = "resource", text = r.expenditure, tags = { "resources" },
      resources = { cost = r.cost, funding = r.funding } }
  end
  for _, r in ipairs(common.rows(a.partners)) do
    head:add { level = "partner_role", text = r.role, tags = { "roles", "partners" },
      fields = { shifts = r.shifts, supports = r.supports } }
  end
  return p
end

function tool.report(w, doc)
  local a = w.answers
  doc:keyvalue { { "District Name", a.district } }
  if common.filled(a.resource_alignment) or common.filled(a.infrastructure) then
    local d = doc:section("Draft Section 2")
    d:keyvalue(common.pairs_for(form, a, { "resource_alignment", "infrastructure" }))
  end
  local titles = { rules = "Rules", roles = "Roles", relationships = "Relationships",
                   resources = "Resources", partners = "Partner Roles" }
  for _, id in ipairs { "rules", "roles", "relationships", "resources", "partners" } do
    local s = doc:section(titles[id])
    local opts = { empty = "None entered." }
    if id == "resources" then
      opts.totals = { expenditure = "Total anticipated costs", cost = common.sum(a.resources, "cost") }
    end
    common.form_table(s, common.element(form, id), a[id], opts)
  end
  local by, order = {}, {}
  for _, r in ipairs(common.rows(a.resources)) do
    local f = common.filled(r.funding) and r.funding or "(no funding source)"
    if not by[f] then by[f] = 0; order[#order + 1] = f end
    by[f] = by[f] + (r.cost or 0)
  end
  if #order > 0 then
    local s = doc:section("Budget summary by funding source")
    local rows = {}
    for _, f in ipairs(order) do rows[#rows + 1] = { funding = f, cost = by[f] } end
    s:table { caption = "Anticipated costs by funding source",
      columns = { { id = "funding", label = "Funding Source / Reallocation" },
                  { id = "cost", label = "Anticipated Costs", format = "money" } },
      rows = rows, totals = { funding = "Total", cost = common.sum(a.resources, "cost") } }
  end
end

return tool
