-- Turn Learning to Action (NEA, 002): the questions that close each chapter of the guidebook.
--
-- Each NEA chapter ends with "To apply what you have learned in this chapter, answer the
-- following questions". This tool is that short guided reflection: pick the chapter, answer its
-- questions (verbatim from the guidebook). Only the chosen chapter's questions are asked (the
-- sections' `when`); progress() shows each chapter's reflection as done or not. The guidebook's
-- surviving text has these questions for six chapters; the later chapters have none.
local common = require "cairn.tools_common"

-- The chapters, in the guidebook's order, with their questions verbatim.
local chapters = {
  { value = "learn_the_case", label = "Learn the Case for Collaboration", stage = "Prepare", questions = {
    "What about the case for collaboration is most compelling to you?",
    "What about the case for collaboration will be most compelling to the members of your stakeholder group?",
    "What do you think would be most compelling to other stakeholders in your system?",
    "With whom might you share this message so you can get started?",
  } },
  { value = "identify_partners", label = "Identify Partners", stage = "Prepare", questions = {
    "What roles do different education stakeholders have in collaborative partnerships?",
    "Who should be included in an education partnership in my school system?",
    "What are my existing relationships with the other stakeholders in my system?",
    "How can I leverage existing relationships toward creating a partnership that will foster "
      .. "collaboration at all levels?",
  } },
  { value = "discover_shared_goals", label = "Discover Shared Goals", stage = "Prepare", questions = {
    "What school improvement issues do stakeholders in my system care about?",
    "What data are available to help us hone in on our goals?",
    "How do we figure out what to work on first?",
  } },
  { value = "commit_to_collaborate", label = "Commit to Collaborate", stage = "Prepare", questions = {
    "How will we demonstrate the collaboration skills and the attributes of a collaborative climate "
      .. "to our partners?",
    "What do we need and want from each other to be successful in our collaborative partnership?",
    "Which principles and guidelines should we adopt for building lasting trust? What commitments "
      .. "are we willing to make to one another?",
    "How will we share our commitments to each other with others in our system?",
  } },
  { value = "identify_collaborative_teams", label = "Identify Collaborative Teams and Functions",
    stage = "Act", questions = {
    "What committees or other working groups already exist in my system, and at what levels?",
    "How can we ensure that all the necessary stakeholders are included in our existing committees, "
      .. "and refocus their work toward collaborative problem solving?",
    "What additional teams and committees should we create over time, either at the "
      .. "leadership/oversight level or at the working/implementation level?",
  } },
  { value = "establish_support_resources", label = "Establish Support Resources", stage = "Act", questions = {
    "How will you monitor each initiative's status, challenges, and successes? Who will do this "
      .. "across leadership teams and working committees?",
    "What type of facilitation will work best for the collaborative teams you've established? Will "
      .. "your teams be self-facilitated, or would they benefit from an external facilitator?",
    "How will you support working committees during the initiative(s)? Can you anticipate what "
      .. "support they might need? What about unexpected needs that come up; how will you respond?",
    "How will you let others know about the work you are doing? How will your leadership teams know "
      .. "what supports the working committees might need? Do you have internal and external "
      .. "stakeholders to update? How will you spread the good news about effective initiatives?",
  } },
}

local choices = {}
for i, ch in ipairs(chapters) do choices[i] = { value = ch.value, label = ch.label } end

local elements = {
  { id = "chapter", type = "choice", label = "Chapter", choices = choices, required = true,
    help = "the chapter you have just worked through" },
  { id = "team", type = "text", label = "Who reflected", placeholder = "District Leadership Team" },
}
for _, ch in ipairs(chapters) do
  elements[#elements + 1] = { kind = "section", title = ch.stage .. ": " .. ch.label,
    help = "To apply what you have learned in this chapter, answer the following questions:",
    when = function(a) return a.chapter == ch.value end }
  for i, q in ipairs(ch.questions) do
    elements[#elements + 1] = { id = ch.value .. "_" .. i, type = "longtext", label = q,
      report_label = "Question " .. i }
  end
end
local form = common.form(elements)

local function chapter_of(value)
  for _, ch in ipairs(chapters) do if ch.value == value then return ch end end
end

local tool = {
  id = "turn_learning_to_action",
  title = "Turn Learning to Action",
  source = "NEA, Collaborating for Student Success (2019 draft), the close of each chapter",
  stage = "Prepare, Act: Turn Learning to Action",
  framework = "NEA",
  summary = "A chapter's closing questions as a short guided reflection.",
  instructions = {
    "To apply what you have learned in this chapter, answer the following questions. Choose the "
      .. "chapter you have just worked through; its questions follow.",
  },
  form = form,
  chapters = chapters,
  worksheet_title = function(a)
    local ch = chapter_of(a.chapter)
    return "Turn Learning to Action" .. (ch and (": " .. ch.label) or "")
  end,
}

function tool.check(a, c)
  local ch = chapter_of(a.chapter)
  if not ch then return end
  -- answers to another chapter's questions (an answers file can hold them; the terminal never asks them)
  for _, other in ipairs(chapters) do
    if other ~= ch then
      for i = 1, #other.questions do
        if common.filled(a[other.value .. "_" .. i]) then
          c.error(other.value .. "_" .. i, string.format("a question of the chapter '%s', not of '%s' "
            .. "(the chapter chosen)", other.label, ch.label))
        end
      end
    end
  end
  if c.partial then return end
  local answered = 0
  for i = 1, #ch.questions do
    if common.filled(a[ch.value .. "_" .. i]) then answered = answered + 1 end
  end
  if answered == 0 then
    c.error("", string.format("answer at least one of the %d questions of '%s'", #ch.questions, ch.label))
  elseif answered < #ch.questions then
    c.warn("", string.format("Answered: %d of the chapter's %d questions.", answered, #ch.questions))
  end
end

function tool.report(w, doc)
  local a = w.answers
  local ch = chapter_of(a.chapter)
  local kv = { { "Chapter", ch and (ch.stage .. ": " .. ch.label) or tostring(a.chapter) } }
  if common.filled(a.team) then kv[2] = { "Who reflected", a.team } end
  doc:keyvalue(kv)
  if not ch then return end
  local s = doc:section("To apply what you have learned in this chapter")
  for i, q in ipairs(ch.questions) do
    local v = a[ch.value .. "_" .. i]
    s:section(string.format("%d. %s", i, q)):paragraph(common.filled(v) and v or "(not answered)")
  end
end

return tool
