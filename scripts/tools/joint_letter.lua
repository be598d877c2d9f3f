-- Sample Joint Letter/Memo (NEA, 002, Prepare: Commit to Collaborate).
--
-- The guidebook's letter announcing the partnership, its first topic and the teams that will
-- be formed. Its placeholders ([school district], [Partner 1] and [Partner 2], [topic],
-- [issue]) are filled from the answers, and where an answer is left empty, from the workspace:
-- the district's name, the partners of the latest commitment worksheet (building a strong
-- partnership, guiding principles), the issue ranked first in discovering shared goals, and the
-- teams of the collaborative structure worksheet. A placeholder neither gives is an error:
-- the letter is never sent with a bracket in it. `require("cairn.letter").write(ID, "letter.docx")`
-- writes the letter alone (or .html, .md).
local common = require "cairn.tools_common"

local form = common.form {
  { id = "audience", type = "choice", label = "Addressed to", default = "employees",
    choices = { { value = "employees", label = "Employees of the school district" },
                { value = "stakeholders", label = "Other stakeholder(s)" } } },
  { id = "stakeholders", type = "text", label = "Stakeholder(s) (when addressed to stakeholders)",
    report_label = "Stakeholder(s)", placeholder = "families and community partners of Riverside Unified" },
  { id = "district", type = "text", label = "School district", help = "empty: the workspace's district" },
  { kind = "table", id = "partners", label = "Partners", row_label = "Partner",
    help = "Empty: the partners of the latest Building a Strong Partnership or Guiding Principles worksheet.",
    columns = { { id = "name", label = "Partner", type = "text", required = true } } },
  { id = "topic", type = "text", label = "Topic", help = "empty: the issue ranked first in Discovering Shared Goals" },
  { id = "issue", type = "text", label = "Issue the working committees address", report_label = "Issue",
    help = "empty: the topic" },
  { id = "teams", type = "text", label = "Teams and committees to be formed", report_label = "Teams",
    help = "empty: the planned teams of the Collaborative Structure Worksheet" },
  { id = "date", type = "date", label = "Date of the letter", report_label = "Date" },
}

-- ---- what the workspace knows --------------------------------------------------------------

local function latest_partners()
  local ok, list = pcall(function() return require("cairn.tool.worksheet").list { status = "final" } end)
  if not ok then return nil end
  for _, w in ipairs(list) do -- newest first
    if w.tool == "building_strong_partnership" or w.tool == "guiding_principles_behaviors"
      or w.tool == "collaborative_attributes_commitment" then
      local names = {}
      for _, r in ipairs(common.rows(w.answers.partners)) do names[#names + 1] = r.name end
      if #names >= 2 then return names, w end
    end
  end
end

local function first_issue()
  local plan = require "cairn.plan"
  local found
  pcall(function()
    for _, p in ipairs(plan.list { kind = "shared_goals" }) do
      for _, it in ipairs(p:items { level = "issue" }) do
        for _, t in ipairs(it.tags or {}) do if t == "first" then found = it.text end end
      end
    end
  end)
  return found
end

local function planned_teams()
  local plan = require "cairn.plan"
  local names = {}
  pcall(function()
    for _, p in ipairs(plan.list { kind = "collaborative_structure" }) do
      for _, it in ipairs(p:items { level = "team" }) do
        for _, t in ipairs(it.tags or {}) do if t == "planned" then names[#names + 1] = it.text end end
      end
    end
  end)
  return #names > 0 and common.join(names) or nil
end

-- The placeholders' values: { district =, partners = {..}, topic =, issue =, teams = } and
-- where each came from ("answers" or the workspace source).
local function fill(a)
  local v, from = {}, {}
  local okd, district = pcall(function() return require("cairn.workspace").district() end)
  v.district, from.district = a.district, "answers"
  if not common.filled(v.district) and okd then v.district, from.district = district, "the workspace" end
  local names = {}
  for _, r in ipairs(common.rows(a.partners)) do names[#names + 1] = r.name end
  if #names > 0 then
    v.partners, from.partners = names, "answers"
  else
    local found, w = latest_partners()
    if found then v.partners, from.partners = found, string.format("worksheet %d (%s)", w.id, w.tool) end
  end
  v.topic, from.topic = a.topic, "answers"
  if not common.filled(v.topic) then
    -- "Ninth-grade attendance" reads "ninth-grade attendance" inside the sentence
    local issue = first_issue()
    v.topic = issue and issue:gsub("^(%u)(%l)", function(x, y) return x:lower() .. y end)
    from.topic = "Discovering Shared Goals (ranked first)"
  end
  v.issue, from.issue = a.issue, "answers"
  if not common.filled(v.issue) then v.issue, from.issue = v.topic, "the topic" end
  v.teams, from.teams = a.teams, "answers"
  if not common.filled(v.teams) then v.teams, from.teams = planned_teams(), "Collaborative Structure Worksheet (planned)" end
  return v, from
end

local tool = {
  id = "joint_letter",
  title = "Sample Joint Letter/Memo",
  source = "NEA, Collaborating for Student Success (2019 draft), Prepare: Commit to Collaborate",
  stage = "Prepare: Commit to Collaborate",
  framework = "NEA",
  summary = "The joint letter announcing the partnership, its first topic and its teams, filled from the workspace.",
  instructions = {
    "This sample letter can be used to publicize the partnership to employees and/or the community: "
      .. "that the partnership exists, the topic it will first address, and some of the teams or "
      .. "committees that will be formed.",
    "Leave a placeholder empty to fill it from the workspace. Write the letter alone with "
      .. "require(\"cairn.letter\").write(ID, \"letter.docx\") (or .html, .md).",
  },
  form = form,
  fill = fill,
  worksheet_title = function(a)
    local v = fill(a)
    return v.topic and ("Joint letter: " .. v.topic) or "Joint letter"
  end,
}

function tool.check(a, c)
  if a.audience == "stakeholders" and not common.filled(a.stakeholders) then
    c.error("stakeholders", "required when the letter is addressed to stakeholders (Dear [stakeholder(s)],)")
  end
  if c.partial then return end
  local v = fill(a)
  if not common.filled(v.district) then c.error("district", "required: the workspace has no district name") end
  if v.partners and #v.partners < 2 then
    c.error("partners", string.format("at least 2 partners required, got %d", #v.partners))
  elseif not v.partners then
    c.error("partners", "required: no commitment worksheet names the partners "
      .. "(Building a Strong Partnership or Guiding Principles)")
  end
  if not common.filled(v.topic) then
    c.error("topic", "required: no issue is ranked first in Discovering Shared Goals")
  end
end

function tool.letter(w)
  local a = w.answers
  local v = fill(a)
  local partners = common.join(v.partners or {})
  local salutation = a.audience == "stakeholders" and ("Dear " .. (a.stakeholders or "") .. ",")
    or ("Dear employees of " .. (v.district or "") .. ",")
  local teams = common.filled(v.teams) and (" The first of these will be the " .. v.teams .. ".") or ""
  return {
    title = "A partnership for our students: " .. (v.topic or ""),
    date = a.date and require("cairn.date").format(a.date),
    salutation = salutation,
    paragraphs = {
      "On behalf of " .. partners .. ", we are very pleased and excited to announce our commitment to "
        .. "engage in a formal collaboration process to address " .. (v.topic or "") .. " in our school "
        .. "system. We have chosen to address this topic because of the impact it has on our students.",
      "Research has long shown that collaboration between and among educators in a school yields "
        .. "positive outcomes. " .. (v.district or "") .. " is a school system that values the voice and "
        .. "professionalism of its educators. We know that educators are closest to the students and are "
        .. "uniquely positioned to advise on issues of teaching and learning. More recent research has "
        .. "shown that a formal education partnership between a district's administrators, education "
        .. "associations/unions, and other stakeholders can serve as a powerful antecedent to educator "
        .. "collaboration within schools.",
      "Over the next couple of months, we will form district and school leadership teams to support "
        .. "working committees around " .. (v.issue or "") .. "." .. teams .. " The committees will be "
        .. "comprised of representatives from throughout the school system who have an interest and the "
        .. "skills to realize our goal. All working committee members will have a shared voice in "
        .. "decision making and the group process. District and school leadership teams will provide "
        .. "support and oversight for the project. These teams will be comprised of members from all "
        .. "aspects of system leadership – administrators, education association/union representatives, "
        .. "school board members, and parent and community members.",
      "This partnership may require us to work together in new ways, but we hope that you will join us "
        .. "in our excitement and follow our collaboration process so that – together – we can make a "
        .. "difference in the lives of our students.",
    },
    closing = "Respectfully,",
    signature = partners,
  }
end

function tool.report(w, doc)
  local letter = require "cairn.letter"
  letter.add(doc:section("The letter"), tool.letter(w))
  local v, from = fill(w.answers)
  local rows = {}
  for _, k in ipairs { "district", "partners", "topic", "issue", "teams" } do
    local val = v[k]
    if type(val) == "table" then val = common.join(val) end
    if common.filled(val) then rows[#rows + 1] = { placeholder = "[" .. k .. "]", value = val, from = from[k] } end
  end
  doc:section("Placeholders"):table { columns = { { id = "placeholder", label = "Placeholder" },
    { id = "value", label = "Filled with" }, { id = "from", label = "From" } }, rows = rows }
end

return tool
