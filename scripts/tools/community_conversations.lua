-- Community Conversations Overview (NEA, 002, Prepare: Discover Shared Goals).
--
-- The guidebook's logistical guide as a worksheet in its three phases: plan the conversation
-- (a subcommittee for each of the five planning needs, the agenda questions, logistics, one
-- moderator and one recorder for every 10-12 participants, the advertising plan), hold it
-- (what participants are told will happen next), and plan next steps (the steering committee's
-- decisions, the participants to engage further). Staffing is computed from the expected
-- attendance. The planning needs, the event and the follow-up items go into a plan so they are
-- tracked like any other work.
local common = require "cairn.tools_common"

local needs = {
  "Select a broad topic", "Create the agenda", "Create a logistics plan",
  "Select moderators and recorders", "Create an advertising plan",
}
local statuses = { "Not started", "In progress", "Done" }
local plan_status = { ["Not started"] = "not_started", ["In progress"] = "on_track", Done = "done" }

-- One moderator and one recorder for every 10-12 participants: tables of 12 need the fewest,
-- tables of 10 the most.
local function staffing(expected)
  if type(expected) ~= "number" or expected < 1 then return nil end
  return { fewest = math.ceil(expected / 12), most = math.ceil(expected / 10) }
end

local function range(s)
  return s.fewest == s.most and tostring(s.fewest) or (s.fewest .. " to " .. s.most)
end

local form = common.form {
  { kind = "section", title = "PURPOSE",
    help = "Community conversations bring diverse stakeholders together to discuss a broad topic of "
      .. "shared concern, generate a shared vision for improvement, and brainstorm strategies to "
      .. "achieve the shared goals." },
  { id = "steering", type = "text", label = "Steering committee", help = "who hosts the conversation" },
  { kind = "section", title = "PLAN THE COMMUNITY CONVERSATION",
    help = "Create subcommittees to address the following planning needs." },
  { id = "topic", type = "text", required = true,
    label = "Select a broad topic: How can we improve ______ in our school/district?",
    report_label = "Topic", placeholder = "ninth-grade attendance" },
  { kind = "table", id = "subcommittees", label = "Planning subcommittees", rows = needs, min_rows = 0,
    columns = {
      { id = "members", label = "Subcommittee", type = "text" },
      { id = "lead", label = "Lead", type = "person" },
      { id = "due", label = "Due", type = "date" },
      { id = "status", label = "Status", type = "choice", choices = statuses },
    } },
  { kind = "table", id = "agenda", label = "Agenda: discussion questions", row_label = "Question", min_rows = 1,
    help = "Choose a set of discussion questions that will help elicit a diverse set of experiences, "
      .. "concerns, opinions, and ideas about the topic.",
    columns = { { id = "question", label = "Discussion question", type = "text", required = true } } },
  { id = "date", type = "date", label = "When will it be held?", report_label = "Date" },
  { id = "place", type = "text", label = "Where will it be held?", report_label = "Place" },
  { id = "materials", type = "text", label = "What materials are needed? (Hint: feed people!)",
    report_label = "Materials" },
  { id = "expected", type = "number", label = "Expected participants", required = true, min = 1,
    help = "moderators and recorders: one each for every 10-12 participants" },
  { id = "training", type = "yesno", label = "Is training for moderating a discussion needed?",
    report_label = "Moderator training needed" },
  { id = "training_date", type = "date", label = "Training session (before the conversation)",
    report_label = "Training session" },
  { kind = "table", id = "staff", label = "Moderators and recorders", row_label = "Person",
    columns = {
      { id = "name", label = "Name", type = "text", required = true },
      { id = "role", label = "Role", type = "choice", choices = { "Moderator", "Recorder" }, required = true },
      { id = "table_no", label = "Table", type = "number", min = 1 },
    } },
  { id = "invite", type = "longtext", label = "Create an advertising plan: Whom will you invite, and how?",
    report_label = "Advertising plan" },

  { kind = "section", title = "HOLD THE COMMUNITY CONVERSATION",
    help = "Be sure to tell everyone what the steering committee will do with the thoughts and ideas "
      .. "shared at the community conversation, and what participants should expect next." },
  { id = "write_up", type = "yesno", label = "Will you send them a write-up of the event?",
    report_label = "Write-up sent to participants" },
  { id = "committees", type = "yesno",
    label = "Will you create committees to work on specific improvement ideas, and invite them to be a part of them?",
    report_label = "Committees participants can join" },
  { id = "message", type = "longtext", label = "What will we tell participants happens next?",
    report_label = "What participants were told" },

  { kind = "section", title = "PLAN NEXT STEPS",
    help = "Steering committee reviews the recorders' notes from the meeting and decides upon how to "
      .. "proceed. Can these ideas be shared with existing leadership committees at the school or "
      .. "district level? Should new committees or working groups be formed to work on specific ideas "
      .. "or topics? Are additional community conversations needed? How will you follow up with "
      .. "participants for thanks and next steps?" },
  { id = "notes", type = "longtext", label = "Summary of the recorders' notes", report_label = "Recorders' notes" },
  { kind = "table", id = "follow_up", label = "Next steps", row_label = "Next step",
    columns = {
      { id = "step", label = "Next step", type = "text", required = true },
      { id = "owner", label = "Who", type = "person" },
      { id = "due", label = "By when", type = "date" },
    } },
  { kind = "table", id = "engage", row_label = "Participant",
    label = "Were there participants who were particularly passionate or knowledgeable? Make a plan to engage them further.",
    columns = {
      { id = "name", label = "Participant", type = "text", required = true },
      { id = "interest", label = "Passionate or knowledgeable about", type = "text" },
      { id = "plan", label = "How we will engage them", type = "text" },
    } },
}

local tool = {
  id = "community_conversations",
  title = "Community Conversations Overview",
  source = "NEA, Collaborating for Student Success (2019 draft), Prepare: Discover Shared Goals",
  stage = "Prepare: Discover Shared Goals",
  framework = "NEA",
  summary = "Plan, hold and follow up a community conversation; moderators and recorders from expected attendance.",
  instructions = {
    "This tool provides an overview of the steps involved in hosting a community conversation. If "
      .. "you feel community conversations would be beneficial for parent and community engagement in "
      .. "your partnership, use this tool as a logistical guide.",
    "The results can be used to inform existing teams' and committees' work, create new committees, "
      .. "and/or increase parent and community involvement and inclusion on collaborative teams and committees.",
  },
  form = form,
  needs = needs,
  staffing = staffing,
  worksheet_title = function(a)
    return common.filled(a.topic) and ("Community conversation: " .. a.topic) or nil
  end,
}

function tool.check(a, c)
  local need = staffing(a.expected)
  if need and a.staff and #common.rows(a.staff) > 0 then
    local have = { Moderator = 0, Recorder = 0 }
    for _, r in ipairs(common.rows(a.staff)) do
      if have[r.role] then have[r.role] = have[r.role] + 1 end
    end
    for _, role in ipairs { "Moderator", "Recorder" } do
      if have[role] < need.fewest then
        c.warn("staff", string.format("%d expected participants need at least %d %ss (one for every "
          .. "10-12 participants); %d named.", a.expected, need.fewest, role:lower(), have[role]))
      end
    end
  end
  if a.training and a.training_date and a.date and a.training_date >= a.date then
    c.error("training_date", string.format("the training must come before the conversation (%s)", a.date))
  end
  if a.training and not a.training_date then
    c.warn("training_date", "Plan to hold a training session before the community conversation.")
  end
end

function tool.to_plan(a, ctx)
  local p = common.create_plan(ctx, { kind = "community_conversation",
    title = "Community conversation: " .. a.topic, level = "district",
    levels = { "phase", "action_step" } })
  local plan_phase = p:add { level = "phase", text = "Plan the community conversation", key = "plan" }
  for i, need in ipairs(needs) do
    local r = (a.subcommittees or {})[i]
    if common.row_filled(r) then
      plan_phase:add { level = "action_step", text = need, key = need, owner = r.lead, due = r.due,
        status = plan_status[r.status], fields = { subcommittee = r.members } }
    end
  end
  if a.training then
    plan_phase:add { level = "action_step", text = "Train moderators and recorders", key = "training",
      due = a.training_date }
  end
  p:add { level = "milestone", text = "Hold the community conversation", key = "hold", due = a.date,
    fields = { place = a.place, expected = a.expected } }
  local rows = common.rows(a.follow_up)
  if #rows > 0 then
    local next_phase = p:add { level = "phase", text = "Plan next steps", key = "next" }
    for _, r in ipairs(rows) do
      next_phase:add { level = "action_step", text = r.step, owner = r.owner, due = r.due }
    end
  end
  return p
end

function tool.report(w, doc)
  local a = w.answers
  local kv = common.pairs_for(form, a, { "steering", "topic" })
  doc:keyvalue(kv)

  local s = doc:section("Plan the community conversation")
  local el = common.element(form, "subcommittees")
  common.form_table(s, el, a.subcommittees, { first = { id = "need", label = "Planning need" },
    empty = "No subcommittees yet." })
  local q = {}
  for _, r in ipairs(common.rows(a.agenda)) do q[#q + 1] = r.question end
  s:section("Agenda"):list(q, { style = "number" })
  local logistics = common.pairs_for(form, a, { "date", "place", "materials", "expected" })
  local need = staffing(a.expected)
  if need then
    logistics[#logistics + 1] = { "Moderators needed", range(need) }
    logistics[#logistics + 1] = { "Recorders needed", range(need) }
  end
  for _, kvp in ipairs(common.pairs_for(form, a, { "training", "training_date", "invite" })) do
    logistics[#logistics + 1] = kvp
  end
  local ls = s:section("Logistics and staffing")
  ls:keyvalue(logistics)
  if need then
    ls:paragraph(string.format("One moderator and one recorder for every 10-12 participants: %d expected "
      .. "participants make %s discussion tables.", a.expected, range(need)))
  end
  if #common.rows(a.staff) > 0 then
    common.form_table(ls, common.element(form, "staff"), common.rows(a.staff))
  end

  local h = doc:section("Hold the community conversation")
  h:keyvalue(common.pairs_for(form, a, { "write_up", "committees", "message" }))

  local n = doc:section("Plan next steps")
  n:keyvalue(common.pairs_for(form, a, { "notes" }))
  common.form_table(n, common.element(form, "follow_up"), common.rows(a.follow_up), { empty = "No next steps yet." })
  if #common.rows(a.engage) > 0 then
    common.form_table(n:section("Participants to engage further"), common.element(form, "engage"), common.rows(a.engage))
  end
end

return tool
