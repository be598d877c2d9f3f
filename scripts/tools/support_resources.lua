-- Support Resources (NEA, 002, Act: Establish Support Resources).
--
-- "This tool helps you identify your available resources to support both process and content
-- questions, as well as issues that arise during your collaborative process." Only two labels of
-- the printed tool survive, POINT OF CONTACT and AREA OF EXPERTISE; the rest (a card per
-- resource, process or content, the kinds of resource) is cairn's reading of the chapter. The
-- resources go into a plan at level "resource" (not work to do: plan.unowned and plan.undated
-- leave them out), where support tracking's "method of support" can point to them.
local common = require "cairn.tools_common"

local kinds = { "Our partners' skills, expertise and connections", "Content experts (universities, education non-profits)",
  "Other teams doing similar work", "State education association/union", "State and regional consortia",
  "Consortium for Educational Change / TURN", "Facilitator", "References and bibliography", "Other" }

local form = common.form {
  { kind = "table", id = "resources", label = "Support resources", row_label = "Resource", min_rows = 1,
    help = "Your partners' skills, content experts such as universities and education non-profits, other "
      .. "teams doing similar work, your state-level education association/union, state and regional "
      .. "consortia, facilitators (external or cultivated internally).",
    columns = {
      { id = "resource", label = "Resource", type = "text", required = true },
      { id = "contact", label = "POINT OF CONTACT", report_label = "Point of contact", type = "text", required = true },
      { id = "expertise", label = "AREA OF EXPERTISE", report_label = "Area of expertise", type = "text", required = true },
      { id = "supports", label = "Supports process or content questions?", report_label = "Supports",
        type = "choice", choices = { "Process", "Content", "Both" } },
      { id = "kind", label = "Kind of resource", report_label = "Kind", type = "choice", choices = kinds },
      { id = "reach", label = "How to reach them", report_label = "Reach", type = "text" },
    } },
}

local tool = {
  id = "support_resources",
  title = "Support Resources",
  source = "NEA, Collaborating for Student Success (2019 draft), Act: Establish Support Resources",
  stage = "Act: Establish Support Resources",
  framework = "NEA",
  summary = "A directory of who can help with process and content questions: point of contact, area of expertise.",
  instructions = {
    "This tool helps you identify your available resources to support both process and content "
      .. "questions, as well as issues that arise during your collaborative process.",
    "(Only the labels POINT OF CONTACT and AREA OF EXPERTISE survive in the guidebook; the other "
      .. "columns are cairn's reading of the chapter.)",
  },
  form = form,
  kinds = kinds,
  worksheet_title = function() return "Support resources" end,
}

function tool.check(a, c)
  common.check_unique(c, "resources", a.resources, "resource", function(v, first)
    return string.format("'%s' is already resource %d", v, first)
  end)
  local have = {}
  for _, r in ipairs(common.rows(a.resources)) do
    if r.supports then have[r.supports] = true end
  end
  if next(have) and not have.Both and not (have.Process and have.Content) then
    c.warn("resources", "Resources should support both process and content questions.")
  end
end

function tool.to_plan(a, ctx)
  local p = common.create_plan(ctx, { kind = "support_resources", title = "Support resources",
    level = "district", levels = { "resource" } })
  for _, r in ipairs(common.rows(a.resources)) do
    p:add { level = "resource", text = r.resource, tags = r.supports and { r.supports:lower() } or nil,
      fields = { contact = r.contact, expertise = r.expertise, kind = r.kind, reach = r.reach } }
  end
  return p
end

function tool.report(w, doc)
  local el = common.element(form, "resources")
  local order, by = {}, {}
  for _, r in ipairs(common.rows(w.answers.resources)) do
    local k = r.expertise
    if not by[k] then by[k] = {}; order[#order + 1] = k end
    table.insert(by[k], r)
  end
  table.sort(order, function(x, y) return x:lower() < y:lower() end)
  for _, k in ipairs(order) do
    common.form_table(doc:section(k), el, by[k], { only = { "resource", "contact", "supports", "kind", "reach" } })
  end
end

return tool
