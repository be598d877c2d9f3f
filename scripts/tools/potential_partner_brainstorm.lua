-- Potential Partner Brainstorm Template (NEA, 002, Prepare: Identify Partners).
--
-- The tool's own page is missing from the guidebook as printed; what survives says it "asks you
-- to think about your existing relationships with other stakeholder groups in your system and
-- categorize them as based on whether or not you have an existing relationship with them". So
-- the form is that inventory: each stakeholder group (and a person in it), whether you already
-- have a relationship, and what it would take to become collaborators. The questions are the
-- chapter's own. The report gives the two lists the guidebook names.
local common = require "cairn.tools_common"

local form = common.form {
  { id = "prepared_by", type = "text", label = "Prepared by" },
  { kind = "table", id = "partners", label = "Potential partners", min_rows = 1, row_label = "Partner",
    help = "Look at your existing relationships with other education stakeholders. Are they built on "
      .. "trust? Common interests? Have you met formally to tackle education issues together, or is "
      .. "your relationship less formal? What about stakeholders with whom you don't have a standing "
      .. "relationship? Is there potential to develop a relationship? Which partners might be more "
      .. "willing to collaborate with you?",
    columns = {
      { id = "group", label = "Stakeholder group", type = "text", required = true,
        placeholder = "School board" },
      { id = "person", label = "Person(s)", type = "text" },
      { id = "existing", label = "Do you have an existing relationship with them?",
        report_label = "Existing relationship", type = "yesno", required = true },
      { id = "basis", label = "What is the relationship built on (trust, common interests, formal meetings)?",
        report_label = "Built on", type = "text" },
      { id = "next", label = "What would it take to become collaborators?",
        report_label = "To become collaborators", type = "text" },
    } },
}

local tool = {
  id = "potential_partner_brainstorm",
  title = "Potential Partner Brainstorm Template",
  source = "NEA, Collaborating for Student Success (2019 draft), Prepare: Identify Partners",
  stage = "Prepare: Identify Partners",
  framework = "NEA",
  summary = "Inventory the stakeholder groups in your system: with or without an existing relationship.",
  instructions = {
    "Think about your existing relationships with other stakeholder groups in your system and "
      .. "categorize them based on whether or not you have an existing relationship with them.",
    "Take an inventory of potential partners and evaluate their readiness to collaborate with you. "
      .. "Think about your existing relationship with them and what it would take to become collaborators.",
    "(The printed template is missing from the guidebook; these columns are cairn's reading of "
      .. "its description. A district with the template can change them in a copy of this tool.)",
  },
  form = form,
  worksheet_title = function(a)
    return "Potential partners" .. (common.filled(a.prepared_by) and (": " .. a.prepared_by) or "")
  end,
}

function tool.check(a, c)
  common.check_unique(c, "partners", a.partners, "group", function(v, first)
    return string.format("'%s' is already partner %d; list each stakeholder group once", v, first)
  end)
end

function tool.report(w, doc)
  local a = w.answers
  if common.filled(a.prepared_by) then doc:keyvalue { { "Prepared by", a.prepared_by } } end
  local el = common.element(form, "partners")
  for _, part in ipairs { { true, "Existing relationship", "basis" }, { false, "No existing relationship yet", "next" } } do
    local list = {}
    for _, r in ipairs(common.rows(a.partners)) do
      if r.existing == part[1] then list[#list + 1] = r end
    end
    common.form_table(doc:section(part[2]), el, list, { only = { "group", "person", "basis", "next" },
      empty = "None." })
  end
end

return tool
