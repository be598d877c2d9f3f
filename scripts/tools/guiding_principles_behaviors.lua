-- Guiding Principles, Guiding Behaviors: Codifying Your Commitments (NEA, 002, Prepare: Commit
-- to Collaborate).
--
-- The partners' discussion (the guidebook's five questions, notes per question), then the
-- written commitments: guiding principles completing "We believe..." and guiding behaviors
-- completing "We will honor these principles in our relationship with one another by...".
-- The report is the commitments document, with the partners and the date they agreed.
local common = require "cairn.tools_common"

local questions = {
  "What do you both/all believe about the role of education/school in students' lives?",
  "What do you both/all believe about your responsibilities towards students?",
  "What do you both/all believe about each stakeholder's roles in student success?",
  "How should disagreements be handled?",
  "When your partner is not in the room, how will you speak to others of them and this partnership?",
}
local PRINCIPLES = "We believe..."
local BEHAVIORS = "We will honor these principles in our relationship with one another by..."

local form = common.form {
  { kind = "table", id = "partners", label = "Partners", row_label = "Partner", min_rows = 2,
    columns = { { id = "name", label = "Partner", type = "text", required = true } } },
  { id = "date", type = "date", label = "Date agreed" },
  { kind = "section", title = "DISCUSSION",
    help = "Gather your partners together to discuss your shared vision for the partnership. Keep "
      .. "the focus on the relationships, not a particular topic. Use the following questions to "
      .. "guide your discussion, and then use what you discuss to serve as the foundation for your "
      .. "shared commitments." },
  { kind = "table", id = "discussion", label = "Discussion notes", rows = questions, min_rows = 0,
    columns = { { id = "notes", label = "Notes", type = "longtext" } } },
  { kind = "section", title = "WRITE YOUR COMMITMENTS" },
  { kind = "table", id = "principles", label = "GUIDING PRINCIPLES: " .. PRINCIPLES, row_label = "Principle",
    min_rows = 1,
    help = "[Draft your shared beliefs about your students and your shared responsibility for ensuring their success.]",
    columns = { { id = "statement", label = PRINCIPLES, type = "text", required = true } } },
  { kind = "table", id = "behaviors", label = "GUIDING BEHAVIORS: " .. BEHAVIORS, row_label = "Behavior",
    min_rows = 1,
    help = "[Draft your commitments toward one another - the behaviors that will characterize your "
      .. "relationship as partners.]",
    columns = { { id = "statement", label = BEHAVIORS, type = "text", required = true } } },
  { id = "agreed", type = "yesno", label = "Have all partners agreed to these commitments?",
    report_label = "Agreed by all partners" },
}

local tool = {
  id = "guiding_principles_behaviors",
  title = "Guiding Principles, Guiding Behaviors: Codifying Your Commitments",
  source = "NEA, Collaborating for Student Success (2019 draft), Prepare: Commit to Collaborate",
  stage = "Prepare: Commit to Collaborate",
  framework = "NEA",
  summary = "Agree on and write down the partnership's guiding principles and guiding behaviors.",
  instructions = {
    "Gather your partners together to discuss your shared vision for the partnership. Keep the "
      .. "focus on the relationships, not a particular topic.",
    "Use the following questions to guide your discussion, and then use what you discuss to serve "
      .. "as the foundation for your shared commitments.",
  },
  form = form,
  worksheet_title = function(a)
    local names = {}
    for _, r in ipairs(common.rows(a.partners)) do names[#names + 1] = r.name end
    return #names > 0 and ("Guiding principles and behaviors: " .. common.join(names)) or nil
  end,
}

-- "We believe that every student..." typed in full: the stem is printed once, as the heading.
local function without_stem(s, stem)
  local plain = stem:gsub("%.%.%.$", "")
  local rest = s:match("^%s*" .. plain:gsub("%p", "%%%0") .. "%s*(.*)$")
  if not rest then rest = s:match("^%s*[Ww]e believe%s+(.*)$") end
  return rest and rest ~= "" and rest or s
end

function tool.check(a, c)
  common.check_unique(c, "partners", a.partners, "name", function(v, first)
    return string.format("'%s' is already partner %d", v, first)
  end)
  if not c.partial and a.agreed == false then
    c.warn("agreed", "Agree on the commitments with all partners before you share them.")
  end
end

function tool.report(w, doc)
  local a = w.answers
  local names = {}
  for _, r in ipairs(common.rows(a.partners)) do names[#names + 1] = r.name end
  local kv = { { "Partners", common.join(names) } }
  if a.date then kv[#kv + 1] = { "Date agreed", a.date } end
  if a.agreed ~= nil then kv[#kv + 1] = { "Agreed by all partners", a.agreed and "Yes" or "Not yet" } end
  doc:keyvalue(kv)
  local p = {}
  for _, r in ipairs(common.rows(a.principles)) do p[#p + 1] = without_stem(r.statement, PRINCIPLES) end
  local s = doc:section("Guiding principles")
  s:paragraph(PRINCIPLES)
  s:list(p)
  local b = {}
  for _, r in ipairs(common.rows(a.behaviors)) do b[#b + 1] = without_stem(r.statement, BEHAVIORS) end
  s = doc:section("Guiding behaviors")
  s:paragraph(BEHAVIORS)
  s:list(b)
  local notes = {}
  for i, q in ipairs(questions) do
    local r = (a.discussion or {})[i]
    if r and common.filled(r.notes) then notes[#notes + 1] = { question = q, notes = r.notes } end
  end
  if #notes > 0 then
    doc:section("Discussion notes"):table { columns = { { id = "question", label = "Question" },
      { id = "notes", label = "Notes" } }, rows = notes }
  end
end

return tool
