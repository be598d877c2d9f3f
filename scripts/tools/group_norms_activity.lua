-- Group Norms Activity (NEA, 002, Act: Define Process for Collaboration).
--
-- The facilitated activity: for 10 minutes every participant brainstorms words and phrases for
-- each of the six categories (at least one idea per category), then the group distils them
-- into the commitment template, one statement per category. The worksheet keeps each
-- participant's ideas and the commitment; the report is the group norms document, followed by
-- the ideas by category.
local common = require "cairn.tools_common"

local categories = {
  { id = "logistics", title = "MEETING LOGISTICS", prompt = "When and where do we meet?",
    description = "Document expectations around meeting times, tardiness, absences, meeting "
      .. "cancellations, meeting location and time, and any other meeting details",
    stem = "Our meeting logistics:" },
  { id = "records", title = "RECORDKEEPING",
    prompt = "Who's in charge of making agendas and taking notes? What format is most useful?",
    description = "Determine how the agenda will be compiled, how notes will be recorded, and if there "
      .. "will be any kind of exit activity for each meeting",
    stem = "Our records and notes from the meeting will be kept by:" },
  { id = "participation", title = "PARTICIPATION",
    prompt = "To ensure equal voice, what commitments will we make to each other?",
    description = "Set parameters to ensure that all team members have an equal voice, promote active "
      .. "listening, discourage interruptions and support the collaborative process",
    stem = "To ensure maximum participation from everyone, we agree to:" },
  { id = "decisions", title = "DECISION MAKING",
    prompt = "To minimize conflict when making decisions, what commitments will we make to each other?",
    description = "Ensure that a method for making group decisions is defined, allows for inclusive "
      .. "decision making, and addresses conflicts",
    stem = "When our team is faced with a decision, we will:" },
  { id = "expectations", title = "EXPECTATIONS",
    prompt = "How will we hold each other accountable to these norms?",
    description = "Determine how the group will hold members accountable for upholding group norms",
    stem = "To hold one another accountable for these processes, we will:" },
  { id = "communication", title = "COMMUNICATION",
    prompt = "What words, tone, and attitudes will we use when we talk about our partnership with "
      .. "others? What information gets shared, and what stays among the group?",
    description = "Determine how you will communicate about your group activities with stakeholders "
      .. "outside of your group",
    stem = "When describing the partnership to others, we will:" },
}

local idea_fields = { { id = "name", type = "text", label = "Participant", required = true } }
local commitment_fields = {}
for _, cat in ipairs(categories) do
  local short = cat.title:sub(1, 1) .. cat.title:sub(2):lower()
  idea_fields[#idea_fields + 1] = { id = cat.id, type = "text", label = short .. ": " .. cat.prompt,
    report_label = short }
  commitment_fields[#commitment_fields + 1] = { id = cat.id, type = "longtext", label = cat.stem,
    required = true, help = cat.description }
end

local form = common.form {
  { id = "team", type = "text", label = "Team or committee" },
  { id = "date", type = "date", label = "Date" },
  { kind = "section", title = "BRAINSTORM (10 minutes)",
    help = "Give participants color-coded sticky notes for the six categories. For 10 minutes, have "
      .. "each participant brainstorm words and phrases they want to include in the group norms, "
      .. "ensuring everyone has at least one idea for each category. Separate several ideas with ';'." },
  { kind = "group", id = "participants", label = "Participant", min = 1, form = idea_fields },
  { kind = "section", title = "GROUP NORMS COMMITMENT",
    help = "Use the sticky note responses to fill out the group norms commitment." },
  { kind = "group", id = "commitment", label = "Group norms commitment", min = 1, max = 1,
    form = commitment_fields },
}

local tool = {
  id = "group_norms_activity",
  title = "Group Norms Activity",
  source = "NEA, Collaborating for Student Success (2019 draft), Act: Define Process for Collaboration",
  stage = "Act: Define Process for Collaboration",
  framework = "NEA",
  summary = "Each participant's ideas in six categories, distilled into the group norms commitment.",
  instructions = {
    "This activity will guide development of agreed-upon group norms to build trust and ensure "
      .. "participants' psychological safety throughout the collaborative process.",
    "Give participants color-coded sticky notes for the six categories below. Distribute copies of "
      .. "the category descriptions, or project them on a screen. For 10 minutes, have each "
      .. "participant brainstorm words and phrases they want to include in the group norms, ensuring "
      .. "everyone has at least one idea for each category. Then, use the sticky note responses to "
      .. "fill out the group norms commitment template.",
  },
  form = form,
  categories = categories,
  brainstorm_minutes = 10,
  worksheet_title = function(a)
    return "Group norms" .. (common.filled(a.team) and (": " .. a.team) or "")
  end,
}

local function ideas(text)
  local out = {}
  for x in tostring(text or ""):gmatch("[^;\n]+") do
    x = x:match("^%s*(.-)%s*$")
    if x ~= "" then out[#out + 1] = x end
  end
  return out
end

function tool.check(a, c)
  common.check_unique(c, "participants", a.participants, "name", function(v, first)
    return string.format("'%s' is already participant %d", v, first)
  end)
  if c.partial then return end
  for i, p in ipairs(a.participants or {}) do
    local missing = {}
    for _, cat in ipairs(categories) do
      if #ideas(p[cat.id]) == 0 then missing[#missing + 1] = cat.title:sub(1, 1) .. cat.title:sub(2):lower() end
    end
    if #missing > 0 then
      c.warn(string.format("participants[%d]", i), string.format(
        "%s has no idea yet for %s (everyone has at least one idea for each category).",
        p.name or ("Participant " .. i), common.join(missing)))
    end
  end
end

function tool.report(w, doc)
  local a = w.answers
  doc:keyvalue(common.pairs_for(form, a, { "team", "date" }))
  local commit = (a.commitment or {})[1] or {}
  local kv = {}
  for _, cat in ipairs(categories) do kv[#kv + 1] = { cat.stem, commit[cat.id] or "" } end
  doc:section("Our group norms"):keyvalue(kv)
  local by = doc:section("Ideas by category")
  for _, cat in ipairs(categories) do
    local rows = {}
    for _, p in ipairs(a.participants or {}) do
      local list = ideas(p[cat.id])
      if #list > 0 then rows[#rows + 1] = { name = p.name, ideas = table.concat(list, "; ") } end
    end
    local cs = by:section(cat.title:sub(1, 1) .. cat.title:sub(2):lower())
    cs:paragraph(cat.prompt)
    if #rows > 0 then
      cs:table { columns = { { id = "name", label = "Participant" }, { id = "ideas", label = "Ideas" } }, rows = rows }
    end
  end
end

return tool
