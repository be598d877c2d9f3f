-- Communication Plan Template (NEA, 002, Act: Establish Support Resources).
--
-- Two tables: joint communications (what we all share together to our community) and
-- role-specific ones (what/how I communicate to my own stakeholder group), each with content,
-- audience, method/mode and frequency, plus the point of contact the guidebook's narrative asks
-- for. Each communication becomes a plan item (tagged joint or role_specific) owned by its point
-- of contact, so the plan reports show who communicates what and how often.
local common = require "cairn.tools_common"

-- The narrative's fuller list of components adds the communication's type and its sources. The
-- frequency is any schedule the team keeps ("First Monday of the month"), with the usual ones
-- suggested; a worksheet saved when it was a closed choice holds one of those and still reads.
local types = { "Newsletter", "Analytical report", "\"Breaking news\" update", "Presentation",
  "Meeting", "Letter", "Web page", "Social media post" }

local function columns(audience_label)
  return {
    { id = "content", label = "Content Shared", type = "text", required = true },
    { id = "type", label = "Communication type (newsletter, analytical report, \"breaking news\" update...)",
      report_label = "Type", type = "text", suggestions = types },
    { id = "audience", label = audience_label, type = "text", required = true },
    { id = "sources", label = "Sources (where the information comes from)", report_label = "Sources", type = "text" },
    { id = "method", label = "Method/Mode", type = "text", required = true },
    { id = "frequency", label = "Frequency", type = "text", suggestions = common.frequencies, required = true,
      help = "How often and when: one of the suggestions or your own schedule." },
    { id = "contact", label = "Point of contact (who is responsible)", report_label = "Point of contact",
      type = "person" },
    { id = "start", label = "First date", type = "date" },
  }
end

local form = common.form {
  { id = "project", type = "text", label = "Project or initiative", required = true },
  { kind = "table", id = "joint", label = "JOINT COMMUNICATION PLANNING TEMPLATE", min_rows = 0,
    row_label = "Joint communication",
    help = "Joint: what we all share together to our community. Example: Professional development "
      .. "| Educators & education support professionals | email newsletter | Monthly",
    columns = columns("Audience") },
  { kind = "section", title = "ROLE-SPECIFIC COMMUNICATION PLANNING TEMPLATE",
    help = "Role-specific: what/how we individually communicate to our own stakeholder group." },
  { id = "my_role", type = "text", label = "My role" },
  { kind = "table", id = "role_specific", label = "ROLE-SPECIFIC COMMUNICATION PLANNING TEMPLATE",
    min_rows = 0, row_label = "Role-specific communication",
    help = "Example: Personnel issues | Assistant Superintendent Human Resources | Face-to-face "
      .. "meetings | Bi-weekly",
    columns = columns("Individual Stakeholder") },
}

local tool = {
  id = "communication_plan",
  title = "Communication Plan Template",
  source = "NEA, Collaborating for Student Success (2019 draft), Act: Establish Support Resources",
  stage = "Act: Establish Support Resources",
  framework = "NEA",
  summary = "How the team shares updates: joint and role-specific content, audience, method and frequency.",
  instructions = {
    "This tool can help leadership team members outline how they will communicate about their "
      .. "project to stakeholders at large.",
    "Use this tool to determine how you will share updates about the project as it goes along. "
      .. "Keep in mind the two kinds of communications: joint (what we all share together to our "
      .. "community); and role-specific (what/how we individually communicate to our own stakeholder "
      .. "group). For each, indicate the communication's content, audience, method/mode, and frequency.",
  },
  form = form,
  worksheet_title = function(a) return "Communication plan: " .. a.project end,
}

function tool.check(a, c)
  local joint, role = common.rows(a.joint), common.rows(a.role_specific)
  if #joint == 0 and #role == 0 then
    c.error("joint", "list at least one communication, joint or role-specific")
    return
  end
  if #joint == 0 then
    c.warn("joint", "Keep in mind the two kinds of communications: no joint communication (what we "
      .. "all share together to our community) is planned.")
  elseif #role == 0 then
    c.warn("role_specific", "Keep in mind the two kinds of communications: no role-specific "
      .. "communication (what/how we individually communicate to our own stakeholder group) is planned.")
  end
  if #role > 0 and not common.filled(a.my_role) then
    c.warn("my_role", "Role-specific communications belong to a role: fill in \"My role:\".")
  end
  for _, set in ipairs { { "joint", joint }, { "role_specific", role } } do
    for _, r in ipairs(set[2]) do
      if not common.filled(r.contact) then
        c.warn(string.format("%s[%d].contact", set[1], r._n), "Who is the point of contact (who is responsible)?")
      end
    end
  end
end

function tool.to_plan(a, ctx)
  local p = common.create_plan(ctx, {
    kind = "communication_plan", level = "district", title = "Communication plan: " .. a.project,
    levels = { "communication" },
    fields = { my_role = a.my_role },
  })
  for _, set in ipairs { { "joint", a.joint }, { "role_specific", a.role_specific } } do
    for _, r in ipairs(common.rows(set[2])) do
      p:add { level = "communication", text = r.content, owner = r.contact, start = r.start,
        tags = { set[1] },
        fields = { audience = r.audience, method = r.method, frequency = r.frequency, type = r.type,
                   sources = r.sources } }
    end
  end
  return p
end

function tool.report(w, doc)
  local a = w.answers
  doc:keyvalue { { "Project or initiative", a.project } }
  local s1 = doc:section("Joint communication")
  common.form_table(s1, common.element(form, "joint"), a.joint,
    { empty = "No joint communications are planned." })
  local s2 = doc:section("Role-specific communication")
  if common.filled(a.my_role) then s2:keyvalue { { "My role", a.my_role } } end
  common.form_table(s2, common.element(form, "role_specific"), a.role_specific,
    { empty = "No role-specific communications are planned." })
end

return tool
