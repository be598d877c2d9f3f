-- Collaborative Structure Worksheet (NEA, 002, Act: Identify Collaborative Teams and Functions).
--
-- Part 1 is a drawing: the organisation chart of existing structures (teams, committees) with
-- placeholders for desired/future ones. Here each structure names the structure it reports to,
-- so the chart is drawn from the answers. Part 2 is the guidebook's table: topics addressed,
-- who is included, modifications. The report draws the chart as a nested outline (cairn's
-- report documents have no organisation-chart block yet), then the table, then the gaps: the
-- stakeholder groups no structure includes. The structures go into a plan as a tree of teams,
-- so the joint letter and the sustaining tool find them.
local common = require "cairn.tools_common"

local types = { "District Leadership Team (DLT)", "School Leadership Team (SLT)", "Working committee",
  "Standing meeting", "Professional learning community", "Other" }
local statuses = { "Existing", "Planned" }

-- The stakeholder groups a partnership includes (the guidebook's list of who sits on leadership
-- teams) and the words that show a structure includes them.
local groups = {
  { name = "administrators", words = { "admin", "superintendent", "principal", "district", "cabinet" } },
  { name = "education association/union", words = { "association", "union", "educator", "teacher", "building rep" } },
  { name = "school board", words = { "board" } },
  { name = "parents", words = { "parent", "famil" } },
  { name = "community", words = { "community" } },
}

local form = common.form {
  { kind = "section", title = "PART 1: YOUR ORGANIZATIONAL CHART",
    help = "Draw a chart of your existing structures, then consider what additional teams or "
      .. "committees you might want to establish, with placeholders for desired/future teams and "
      .. "committees. Give each structure the structure it reports to; leave it empty at the top." },
  { kind = "table", id = "structures", label = "Structures", row_label = "Structure", min_rows = 1,
    columns = {
      { id = "name", label = "Existing Structure", report_label = "Structure", type = "text", required = true },
      { id = "status", label = "Existing or planned?", report_label = "Status", type = "choice",
        choices = statuses, required = true },
      { id = "type", label = "Type", type = "choice", choices = types },
      { id = "level", label = "Level", type = "choice", choices = { "District", "School" } },
      { id = "reports_to", label = "Reports to (another structure)", report_label = "Reports to", type = "text" },
      { id = "topics", label = "Topics Addressed", type = "text",
        help = "PART 2: consider the topics they address, which stakeholders are included, and if any modifications are needed." },
      { id = "included", label = "Who is Included?", type = "text" },
      { id = "modifications", label = "Modifications?", type = "text" },
    } },
}

local function parent_index(rows, r)
  if not common.filled(r.reports_to) then return nil end
  local want = common.norm(r.reports_to)
  for i, o in ipairs(rows) do
    if o.name and common.norm(o.name) == want then return i end
  end
  return false
end

local tool = {
  id = "collaborative_structure_worksheet",
  title = "Collaborative Structure Worksheet",
  source = "NEA, Collaborating for Student Success (2019 draft), Act: Identify Collaborative Teams and Functions",
  stage = "Act: Identify Collaborative Teams and Functions",
  framework = "NEA",
  summary = "Existing and planned teams and committees, drawn as an organisation chart, and the gaps.",
  instructions = {
    "Strong partnerships create space and opportunity for collaborative work to occur. This tool "
      .. "helps you identify the existing structures, such as teams and committees, in your system "
      .. "that support collaborative practices, analyze if these structures are sufficient to meet "
      .. "your goals, and consider additional structures that you and your partners may want to create.",
    "Now that you've drawn your own structures, consider the topics they address, which "
      .. "stakeholders are included, and if any modifications are needed. As you fill out the table, "
      .. "are there gaps in the structures that come to mind?",
  },
  form = form,
  worksheet_title = function() return "Collaborative structures" end,
}

function tool.check(a, c)
  local rows = a.structures or {}
  common.check_unique(c, "structures", rows, "name", function(v, first)
    return string.format("'%s' is already structure %d", v, first)
  end)
  for i, r in ipairs(rows) do
    local p = parent_index(rows, r)
    if p == false then
      local names = {}
      for _, o in ipairs(rows) do if o.name then names[#names + 1] = o.name end end
      c.error(string.format("structures[%d].reports_to", i), string.format(
        "'%s' is not one of the structures (%s)", r.reports_to, table.concat(names, ", ")))
    elseif p == i then
      c.error(string.format("structures[%d].reports_to", i), "a structure cannot report to itself")
    end
  end
  -- no loops: following "reports to" from any structure must reach the top
  for i in ipairs(rows) do
    local seen, at = {}, i
    while at do
      if seen[at] then
        c.error(string.format("structures[%d].reports_to", i), "the structures report to each other in a loop")
        break
      end
      seen[at] = true
      at = parent_index(rows, rows[at]) or nil
    end
  end
end

local function children_of(rows)
  local kids, roots = {}, {}
  for i, r in ipairs(rows) do
    local p = parent_index(rows, r)
    if p and p ~= i then
      kids[p] = kids[p] or {}
      table.insert(kids[p], i)
    else
      roots[#roots + 1] = i
    end
  end
  return roots, kids
end

function tool.to_plan(a, ctx)
  local rows = common.rows(a.structures)
  local p = common.create_plan(ctx, { kind = "collaborative_structure", title = "Collaborative structures",
    level = "district", levels = { "team" } })
  local roots, kids = children_of(rows)
  local function add(parent, i)
    local r = rows[i]
    local it = parent:add { level = "team", text = r.name, key = common.norm(r.name),
      tags = { r.status:lower() }, fields = { type = r.type, level = r.level, topics = r.topics,
        included = r.included } }
    for _, k in ipairs(kids[i] or {}) do add(it, k) end
  end
  for _, i in ipairs(roots) do add(p, i) end
  return p
end

-- The organisation chart: each structure in a box under the one it reports to; planned ones
-- dashed; a second line says planned, the type and the level.
local function org_chart(rows)
  local data = {}
  for _, r in ipairs(rows) do
    local p = parent_index(rows, r)
    local note = {}
    if r.status == "Planned" then note[#note + 1] = "planned" end
    if r.type and r.type ~= "Other" then note[#note + 1] = r.type end
    if r.level then note[#note + 1] = r.level:lower() end
    data[#data + 1] = { label = r.name, parent = p and rows[p].name or nil,
      note = #note > 0 and table.concat(note, " · ") or nil, dashed = r.status == "Planned" }
  end
  return { kind = "org_chart", title = "Existing and planned structures", data = data,
    box_label = "Structure", parent_label = "Reports to", note_label = "Planned? Type, level" }
end

function tool.report(w, doc)
  local a = w.answers
  local rows = common.rows(a.structures)
  local s = doc:section("Part 1: Organisation chart")
  s:chart(org_chart(rows))
  s:paragraph("Each structure is drawn under the one it reports to; planned structures are dashed "
    .. "and marked planned.")
  common.form_table(doc:section("Part 2: Structures"), common.element(form, "structures"), rows,
    { only = { "name", "status", "reports_to", "topics", "included", "modifications" } })
  local gaps = {}
  for _, g in ipairs(groups) do
    local found = false
    for _, r in ipairs(rows) do
      local text = ((r.included or "") .. " " .. r.name):lower()
      for _, word in ipairs(g.words) do if text:find(word, 1, true) then found = true end end
    end
    if not found then gaps[#gaps + 1] = g.name end
  end
  local gs = doc:section("Gaps")
  if #gaps > 0 then
    gs:paragraph("No structure includes: " .. common.join(gaps) .. ".")
  else
    gs:paragraph("Every stakeholder group (administrators, association/union, school board, parents, "
      .. "community) is included in at least one structure.")
  end
end

return tool
