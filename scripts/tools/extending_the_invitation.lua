-- Extending the Invitation (NEA, 002, Prepare: Learn the Case for Collaboration).
--
-- Step 1 the homework (who, about what, to what end), Step 2 the invitation drafted in one of
-- the guidebook's five styles: a strong opener, the style's other elements in its order, and a
-- request to take the next step. The worksheet produces the invitation itself as a letter:
-- `require("cairn.letter").write(W, "invitation.docx")` (or .html, .md); the report shows it
-- first, then the homework.
local common = require "cairn.tools_common"

-- The invitation styles: what the opener does, the elements between opener and request (in
-- order, each with a short name a person can type), verbatim from the guidebook.
local styles = {
  { value = "problem_solution", label = "Problem/Solution",
    opener = "Strong opener: articulate the problem or pain point",
    elements = { { name = "Potential solution", text = "Present a potential solution" } } },
  { value = "join_me", label = "Join Me!",
    opener = "Strong opener: statement of excitement or question",
    elements = { { name = "Supporting information", text = "Supporting information" } } },
  { value = "tell_a_story", label = "Tell a Story",
    opener = "Strong opener: our present state (what is the critical issue, what are the stakes)",
    elements = {
      { name = "The problem", text = "The problem (potential consequences, what happens if we take no action?)" },
      { name = "What we can do", text = "What we can do about it/potential solution" } } },
  { value = "compare_contrast", label = "Compare/Contrast",
    opener = "Strong opener: present compelling future vision",
    elements = {
      { name = "Contrast", text = "Contrast with present situation" },
      { name = "How we get there", text = "Present how we might get to future vision" } } },
  { value = "monroe", label = "Monroe's Motivated Sequence",
    opener = "Attention (strong opener)",
    elements = {
      { name = "Need", text = "Need (state the problem or need)" },
      { name = "Satisfaction", text = "Satisfaction (outline a solution)" },
      { name = "Visualization", text = "Visualization (tell them how they'll benefit from your solution)" } } },
}
local by_value = {}
local style_choices = {}
for _, s in ipairs(styles) do
  by_value[s.value] = s
  style_choices[#style_choices + 1] = { value = s.value, label = s.label }
end

local function elements_help()
  local lines = { "Other elements of your selected invitation style, in order:" }
  for _, s in ipairs(styles) do
    local names = {}
    for _, e in ipairs(s.elements) do names[#names + 1] = e.name .. " (" .. e.text .. ")" end
    lines[#lines + 1] = "  " .. s.label .. ": " .. table.concat(names, "; ")
  end
  return table.concat(lines, "\n")
end

local form = common.form {
  { kind = "section", title = "STEP 1: DO YOUR HOMEWORK!",
    help = "In this step, you'll think about who you'll invite, and what you're inviting them to. "
      .. "For your first invitation, select someone with whom you already have a good working "
      .. "relationship, or who seems open to collaboration. What do they care about? What will "
      .. "resonate most with them? Is there a specific issue or problem taking a lot of their "
      .. "attention right now? Are they more likely to respond to hard data, or to a story about "
      .. "another school or district?" },
  { id = "invitee", type = "text", label = "Initial Invitee", required = true },
  { id = "issue", type = "text", label = "Issue of importance", required = true,
    help = "Issue I know this person cares about" },
  { id = "resources", type = "text", label = "Relevant resources" },
  { id = "outcome", type = "longtext", label = "Desired outcome", required = true,
    help = "In a perfect world, what would be the outcome of this conversation? What are you "
      .. "inviting them to do? What do you envision the next step being?" },

  { kind = "section", title = "STEP 2: DRAFT YOUR INVITATION",
    help = "Choose an invitation style, review the sample invitations, and use the template to "
      .. "draft your invitation. Every invitation begins with a strong opener that connects to the "
      .. "listener's interests and ends with a specific request to take the next step." },
  { id = "style", type = "choice", label = "Invitation style", choices = style_choices, required = true },
  { id = "opener", type = "longtext", label = "Strong opener", required = true,
    placeholder = "Have you seen the national Call to Action for education partnerships?" },
  { kind = "table", id = "elements", label = "Other elements of your selected invitation style",
    row_label = "Element", max_rows = 3, help = elements_help(),
    columns = {
      { id = "element", label = "Element", type = "text", required = true },
      { id = "text", label = "Your text", type = "longtext", required = true },
    } },
  { id = "request", type = "longtext", label = "Request to take the next step", required = true,
    placeholder = "Can we sit down next week to talk in more detail?" },
  { id = "sender", type = "text", label = "Your name (to sign a written invitation)", report_label = "From" },
  { id = "date", type = "date", label = "Date of the invitation", report_label = "Date" },
}

-- The style element a typed name means: its number in the style, its short name or its text.
local function element_of(style, ref)
  if not (style and common.filled(ref)) then return nil end
  local n = tonumber(ref)
  if n and style.elements[n] then return n end
  local want = common.norm(ref)
  for i, e in ipairs(style.elements) do
    if common.norm(e.name) == want or common.norm(e.text) == want then return i end
  end
  for i, e in ipairs(style.elements) do
    if #want >= 4 and common.norm(e.text):sub(1, #want) == want then return i end
  end
  return nil
end

-- The style's elements with the answer's text for each, in the style's order.
local function ordered(a)
  local style = by_value[a.style]
  local out = {}
  if not style then return out end
  for i, e in ipairs(style.elements) do
    for _, r in ipairs(common.rows(a.elements)) do
      if element_of(style, r.element) == i then out[#out + 1] = { element = e, text = r.text } end
    end
  end
  return out
end

local tool = {
  id = "extending_the_invitation",
  title = "Extending the Invitation",
  source = "NEA, Collaborating for Student Success (2019 draft), Prepare: Learn the Case for Collaboration",
  stage = "Prepare: Learn the Case for Collaboration",
  framework = "NEA",
  summary = "Prepare an invitation to one stakeholder in one of five styles; it produces the invitation itself.",
  instructions = {
    "In this step, you'll think about who you'll invite, and what you're inviting them to.",
    "Choose an invitation style, review the sample invitations, and use the template to draft your invitation.",
    "The worksheet produces the invitation as a document you can send: "
      .. "require(\"cairn.letter\").write(ID, \"invitation.docx\") (or .html, .md).",
  },
  form = form,
  styles = styles,
  examples = {
    { title = "EXAMPLE 1: JOIN ME! STYLE, USING DATA", text = "Have you seen the national Call to "
      .. "Action for education partnerships? The educators', principals', superintendents', and school "
      .. "boards' associations are jointly encouraging their members across the nation to work together "
      .. "on student-centered goals, like language arts proficiency. There's research that shows schools "
      .. "and districts robustly using these partnerships average twelve-and-half percent more students "
      .. "performing at or above grade level in English language arts, as well as other benefits. I'll "
      .. "send you a copy of the information. I think we could work together to really make a "
      .. "difference. Can we sit down next week to talk in more detail?" },
    { title = "EXAMPLE 2: COMPARE/CONTRAST STYLE, USING A STORY", text = "Imagine being able to report "
      .. "a twelve-and-half percent increase in student language arts performance! We both know this has "
      .. "been an ongoing and stubborn problem for us. I just watched a video about a high school in "
      .. "Illinois that was facing some of our same problems, and they've been able to make tremendous "
      .. "headway by using education partnerships to overcome some of their toughest challenges. I'll "
      .. "send you the link. If you're interested, I think we could make some real progress by working "
      .. "together. Can we sit down next week to talk in more detail?" },
  },
  worksheet_title = function(a)
    return common.filled(a.invitee) and ("Invitation: " .. a.invitee) or nil
  end,
}

function tool.check(a, c)
  local style = by_value[a.style]
  if not style then return end
  local seen = {}
  for _, r in ipairs(common.rows(a.elements)) do
    local i = element_of(style, r.element)
    local path = string.format("elements[%d].element", r._n)
    if not i then
      local names = {}
      for _, e in ipairs(style.elements) do names[#names + 1] = e.name end
      c.error(path, string.format("'%s' is not an element of the %s style (its elements: %s)",
        r.element, style.label, table.concat(names, "; ")))
    elseif seen[i] then
      c.error(path, string.format("'%s' is already element %d", style.elements[i].name, seen[i]))
    else
      seen[i] = r._n
    end
  end
  if not c.partial then
    for i, e in ipairs(style.elements) do
      if not seen[i] then
        c.warn("elements", string.format("The %s style has the element \"%s\": add your text for it.",
          style.label, e.text))
      end
    end
  end
end

-- The invitation as a letter (cairn.letter): opener, the style's elements in order, request.
function tool.letter(w)
  local a = w.answers
  local paragraphs = { a.opener }
  for _, x in ipairs(ordered(a)) do paragraphs[#paragraphs + 1] = x.text end
  paragraphs[#paragraphs + 1] = a.request
  return { title = "Invitation to " .. (a.invitee or "collaborate"),
    date = a.date and require("cairn.date").format(a.date),
    salutation = a.invitee and ("Dear " .. a.invitee .. ","), paragraphs = paragraphs,
    closing = a.sender and "Sincerely,", signature = a.sender }
end

function tool.report(w, doc)
  local a = w.answers
  local letter = require "cairn.letter"
  letter.add(doc:section("The invitation"), tool.letter(w))

  local style = by_value[a.style]
  local s1 = doc:section("Step 1: Do your homework")
  s1:keyvalue(common.pairs_for(form, a, { "invitee", "issue", "resources", "outcome" }))
  local s2 = doc:section("Step 2: Invitation template")
  s2:keyvalue { { "Invitation style", style and style.label or "" } }
  local rows = { { element = style and style.opener or "Strong opener", text = a.opener } }
  for _, x in ipairs(ordered(a)) do rows[#rows + 1] = { element = x.element.text, text = x.text } end
  rows[#rows + 1] = { element = "Request to take the next step", text = a.request }
  s2:table { columns = { { id = "element", label = "Element" }, { id = "text", label = "Your text" } },
    rows = rows }
end

return tool
