-- Building a Strong Partnership (NEA, 002, Prepare: Commit to Collaborate).
--
-- The six key components of a strong education partnership. Partners discuss each one and,
-- when they commit to building it together, every partner writes their initials in its box.
-- The worksheet lists the partners (with their initials) and, per component, the discussion
-- notes and the initials given; the report says which components are not yet agreed by
-- everyone, and by whom they still need initialling.
local common = require "cairn.tools_common"

-- short labels for the rows; the full text is the guidebook's (shown with ? and in the report)
local components = {
  { short = "1. Pledge not to let each other fail",
    text = "An agreement between district and education association/union leadership to work "
      .. "together with local stakeholders on plans to improve schools, and a pledge not to let each other fail." },
  { short = "2. Start somewhere",
    text = "A commitment to start somewhere. Identify shared student-centered goals, and then work "
      .. "collaboratively and share decision making in the improvement processes to achieve them." },
  { short = "3. A rich web of communication and collaboration structures",
    text = "A rich web of communication and collaboration structures among stakeholders at all levels "
      .. "of the local school system (e.g., regular meetings between district department leaders and "
      .. "educators appointed through their association/union; district- and school-level leadership "
      .. "teams; working committees; professional learning communities)." },
  { short = "4. Planning tools and defined goals and objectives",
    text = "Planning tools and defined goals and objectives, so that everyone involved in collaboration "
      .. "understands expectations of the group members, the work to be done, and so that progress can "
      .. "be monitored and managed." },
  { short = "5. Training and ongoing support",
    text = "Training and ongoing support in collaborative processes, relationship building, and subject "
      .. "matter expertise." },
  { short = "6. Connection to other education partnerships",
    text = "Connection to other education partnerships working on similar projects, or in a similar "
      .. "context, for sharing and mentorship." },
}
local rows = {}
local all_text = {}
for i, c in ipairs(components) do
  rows[i] = c.short
  all_text[#all_text + 1] = c.text
end

local form = common.form {
  { kind = "table", id = "partners", label = "Partners", row_label = "Partner", min_rows = 2,
    columns = {
      { id = "name", label = "Partner", type = "text", required = true },
      { id = "initials", label = "Initials", type = "text", required = true },
    } },
  { id = "date", type = "date", label = "Date" },
  { kind = "section", title = "KEY COMPONENTS TO A STRONG EDUCATION PARTNERSHIP",
    help = "Discuss these components with your partners. What do they mean to you? What are your "
      .. "hopes and aspirations for your partnership in each component? After discussing the "
      .. "components you are committing to build together, all partners can write their initials in "
      .. "the box provided." },
  { kind = "table", id = "components", label = "Key components", rows = rows, min_rows = 0,
    help = table.concat(all_text, "\n"),
    columns = {
      { id = "notes", label = "What does it mean to us? Our hopes and aspirations", report_label = "Notes",
        type = "longtext" },
      { id = "initials", label = "INITIALS (each partner's, separated by spaces or commas)",
        report_label = "Initials", type = "text" },
    } },
}

local function split(s)
  local out = {}
  for x in tostring(s or ""):gmatch("[^%s,;/]+") do out[#out + 1] = x end
  return out
end

-- For each component, the partners who have not initialled it (nil when the answers are incomplete).
local function missing_by_component(a)
  local partners = common.rows(a.partners)
  local out = {}
  for i = 1, #components do
    local r = (a.components or {})[i] or {}
    local given = {}
    for _, x in ipairs(split(r.initials)) do given[x:upper()] = true end
    local missing = {}
    for _, p in ipairs(partners) do
      if p.initials and not given[p.initials:upper()] then missing[#missing + 1] = p.name end
    end
    out[i] = missing
  end
  return out
end

local tool = {
  id = "building_strong_partnership",
  title = "Building a Strong Partnership",
  source = "NEA, Collaborating for Student Success (2019 draft), Prepare: Commit to Collaborate",
  stage = "Prepare: Commit to Collaborate",
  framework = "NEA",
  summary = "All partners initial each of the six key components they commit to build together.",
  instructions = {
    "Discuss these components with your partners. What do they mean to you? What are your hopes "
      .. "and aspirations for your partnership in each component? After discussing the components "
      .. "you are committing to build together, all partners can write their initials in the box provided.",
  },
  form = form,
  components = components,
  missing_by_component = missing_by_component,
  worksheet_title = function(a)
    local names = {}
    for _, r in ipairs(common.rows(a.partners)) do names[#names + 1] = r.name end
    return #names > 0 and ("Building a strong partnership: " .. common.join(names)) or nil
  end,
}

function tool.check(a, c)
  local known = {}
  for _, p in ipairs(common.rows(a.partners)) do
    if p.initials then
      local key = p.initials:upper()
      if known[key] then
        c.error(string.format("partners[%d].initials", p._n), string.format(
          "'%s' are already %s's initials; give each partner different initials", p.initials, known[key]))
      end
      known[key] = known[key] or p.name
    end
  end
  local list = {}
  for k in pairs(known) do list[#list + 1] = k end
  table.sort(list)
  for i = 1, #components do
    local r = (a.components or {})[i]
    for _, x in ipairs(split(r and r.initials)) do
      if not known[x:upper()] then
        c.error(string.format("components[%d].initials", i), string.format(
          "'%s' are not the initials of a partner (partners' initials: %s)", x, table.concat(list, ", ")))
      end
    end
  end
  if not c.partial then
    local open = {}
    for i, m in ipairs(missing_by_component(a)) do if #m > 0 then open[#open + 1] = tostring(i) end end
    if #open > 0 then
      c.warn("components", "Not yet agreed by everyone: component" .. (#open > 1 and "s " or " ")
        .. common.join(open) .. ".")
    end
  end
end

function tool.report(w, doc)
  local a = w.answers
  local partners = common.rows(a.partners)
  local kv = {}
  local names = {}
  for _, p in ipairs(partners) do names[#names + 1] = string.format("%s (%s)", p.name, p.initials) end
  kv[#kv + 1] = { "Partners", common.join(names) }
  if a.date then kv[#kv + 1] = { "Date", a.date } end
  doc:keyvalue(kv)

  local cols = { { id = "component", label = "Key component" } }
  for i, p in ipairs(partners) do cols[#cols + 1] = { id = "p" .. i, label = p.initials, align = "center" } end
  cols[#cols + 1] = { id = "agreed", label = "Agreed by all" }
  cols[#cols + 1] = { id = "notes", label = "Notes" }
  local missing = missing_by_component(a)
  local table_rows, open = {}, {}
  for i, comp in ipairs(components) do
    local r = (a.components or {})[i] or {}
    local given = {}
    for _, x in ipairs(split(r.initials)) do given[x:upper()] = true end
    local row = { component = comp.short, notes = r.notes, agreed = #missing[i] == 0 and "Yes" or "Not yet" }
    for j, p in ipairs(partners) do row["p" .. j] = given[(p.initials or ""):upper()] and p.initials or "" end
    table_rows[#table_rows + 1] = row
    if #missing[i] > 0 then
      open[#open + 1] = string.format("%s: still to initial: %s", comp.short, common.join(missing[i]))
    end
  end
  doc:section("Key components to a strong education partnership"):table { columns = cols, rows = table_rows }
  local s = doc:section("Not yet agreed by everyone")
  if #open > 0 then s:list(open) else s:paragraph("Every partner has initialled all six components.") end
  local full = {}
  for _, comp in ipairs(components) do full[#full + 1] = comp.text end
  doc:section("The six key components"):list(full, { style = "number" })
end

return tool
