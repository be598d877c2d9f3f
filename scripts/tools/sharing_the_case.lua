-- Sharing the Case for Collaboration with Others (NEA, 002, Prepare: Learn the Case).
--
-- Step 1 a brainstorm, Step 2 the in-reach plan (your own stakeholder group), Step 3 the
-- outreach plan with the guidebook's seven stakeholder rows. Every approach with a target date
-- becomes a dated step of an "outreach" plan, so `plan.due_within` reminds whoever shares the
-- case; the report lists both schedules by date and names the stakeholder groups nobody has
-- planned to approach yet.
local common = require "cairn.tools_common"

local resources = { "My School, My Voice website", "Collaboration videos",
  "Pamphlet on collaborative partnerships", "Collaboration infographic", "Call to action", "Invitation" }

local stakeholders = { "Education Association/Union", "District Administration", "Principal(s)",
  "School Board", "Parents", "Community Organizations", "Other" }

local form = common.form {
  { kind = "section", title = "STEP 1: BRAINSTORM",
    help = "Consider the following questions and jot down your responses. Your answers will help "
      .. "you formulate a plan to share the case for collaboration." },
  { id = "excited", type = "longtext", required = true,
    label = "What makes me most excited about the possibilities of collaboration in my school/district?",
    report_label = "Most excited about" },
  { id = "tell_own", type = "longtext",
    label = "How and when will I tell my own stakeholder group (e.g., educators, administrators, "
      .. "etc.) about the case for collaboration?", report_label = "Telling my own group" },
  { id = "share_with", type = "longtext",
    label = "With which other stakeholders in my school/district will I share the case for collaboration?",
    report_label = "Other stakeholders" },
  { id = "resources", type = "multichoice", label = "Which resources will I use?",
    report_label = "Resources", choices = resources },
  { id = "other_resources", type = "text", label = "Others such as", report_label = "Other resources" },

  { kind = "section", title = "STEP 2: IN-REACH PLAN OF ACTION",
    help = "Fill out the table below to create a plan to share the case for collaboration with "
      .. "members of your own stakeholder group and ask them to join you in collaborating with other "
      .. "stakeholders in your education system around shared student-centered goals." },
  { kind = "table", id = "inreach", label = "In-reach plan of action", row_label = "Group",
    columns = {
      { id = "group", label = "Individuals and Groups/ Caucuses within My Stakeholder Group",
        report_label = "Individuals and Groups/Caucuses", type = "text", required = true },
      { id = "compelling", label = "What aspects of the case for collaboration will be most compelling to them?",
        report_label = "Most compelling to them", type = "text" },
      { id = "date", label = "Target Date", type = "date" },
      { id = "method", label = "Method of Approach", type = "text" },
      { id = "notes", label = "Notes", type = "text" },
    } },

  { kind = "section", title = "STEP 3: OUTREACH PLAN OF ACTION",
    help = "Fill out the table below with your plan to share the case for collaboration with other "
      .. "stakeholders in your system and ask them to collaborate with you around shared "
      .. "student-centered goals." },
  { kind = "table", id = "outreach", label = "Outreach plan of action", rows = stakeholders, min_rows = 0,
    columns = {
      { id = "persons", label = "Specific Person(s)", type = "text" },
      { id = "issue", label = "Issue Most Compelling to Them", type = "text" },
      { id = "date", label = "Target Date", type = "date" },
      { id = "method", label = "Method of Approach", type = "text" },
      { id = "notes", label = "Notes", type = "text" },
    } },
}

local tool = {
  id = "sharing_the_case",
  title = "Sharing the Case for Collaboration with Others",
  source = "NEA, Collaborating for Student Success (2019 draft), Prepare: Learn the Case for Collaboration",
  stage = "Prepare: Learn the Case for Collaboration",
  framework = "NEA",
  summary = "Brainstorm, then plan in-reach to your own stakeholder group and outreach to the others.",
  instructions = {
    "This worksheet can help you create a comprehensive plan of action for sharing the case for "
      .. "collaboration with others. First, you'll brainstorm, then you'll create in-reach and "
      .. "outreach plans based on your brainstorming ideas.",
    "Begin with in-reach so you can present a unified request and vision when you approach the "
      .. "other stakeholders.",
  },
  form = form,
  stakeholders = stakeholders,
  worksheet_title = function() return "Sharing the case for collaboration" end,
}

function tool.check(a, c)
  local planned = 0
  for i, r in ipairs(a.outreach or {}) do
    if common.row_filled(r) then
      planned = planned + 1
      if not common.filled(r.persons) then
        c.warn(string.format("outreach[%d].persons", i),
          "Name the specific person(s) in " .. stakeholders[i] .. " you will approach.")
      end
    end
  end
  if not c.partial and planned == 0 then
    c.error("outreach", "plan to approach at least one of the stakeholder groups ("
      .. common.join(stakeholders, " or ") .. ")")
  end
end

-- A step per approach with something to do: who, how and by when.
function tool.to_plan(a, ctx)
  local p = common.create_plan(ctx, { kind = "outreach_plan", title = "Sharing the case for collaboration",
    level = "district", levels = { "phase", "action_step" } })
  local inreach = p:add { level = "phase", text = "In-reach: my own stakeholder group", key = "inreach" }
  for _, r in ipairs(common.rows(a.inreach)) do
    inreach:add { level = "action_step", text = "Share the case with " .. r.group, due = r.date,
      fields = { method = r.method, compelling = r.compelling } }
  end
  local outreach = p:add { level = "phase", text = "Outreach: other stakeholders", key = "outreach" }
  for i, r in ipairs(a.outreach or {}) do
    if common.row_filled(r) then
      local who = common.filled(r.persons) and (r.persons .. " (" .. stakeholders[i] .. ")") or stakeholders[i]
      outreach:add { level = "action_step", text = "Share the case with " .. who, due = r.date, key = stakeholders[i],
        fields = { method = r.method, issue = r.issue } }
    end
  end
  return p
end

local function by_date(rows)
  table.sort(rows, function(x, y)
    if (x.date or "~") ~= (y.date or "~") then return (x.date or "~") < (y.date or "~") end
    return x._n < y._n
  end)
  return rows
end

function tool.report(w, doc)
  local a = w.answers
  local s1 = doc:section("Step 1: Brainstorm")
  local chosen = {}
  for _, v in ipairs(a.resources or {}) do chosen[#chosen + 1] = v end
  if common.filled(a.other_resources) then chosen[#chosen + 1] = a.other_resources end
  local kv = common.pairs_for(form, a, { "excited", "tell_own", "share_with" })
  if #chosen > 0 then kv[#kv + 1] = { "Resources", table.concat(chosen, "; ") } end
  s1:keyvalue(kv)

  local s2 = doc:section("Step 2: In-reach plan of action")
  common.form_table(s2, common.element(form, "inreach"), by_date(common.rows(a.inreach)),
    { empty = "No in-reach planned yet." })

  local s3 = doc:section("Step 3: Outreach plan of action")
  local rows, missing = {}, {}
  for i, label in ipairs(stakeholders) do
    local r = (a.outreach or {})[i]
    if common.row_filled(r) then
      rows[#rows + 1] = { group = label, persons = r.persons, issue = r.issue, date = r.date,
        method = r.method, notes = r.notes, _n = i }
    else
      missing[#missing + 1] = label
    end
  end
  local el = common.element(form, "outreach")
  s3:table { columns = common.columns(el, { id = "group", label = "Stakeholder Group" }),
    rows = common.keep(by_date(rows), common.columns(el, { id = "group", label = "Stakeholder Group" })) }
  if #missing > 0 then
    s3:callout("note", "No approach planned yet: " .. table.concat(missing, ", ") .. ".")
  end
end

return tool
