-- OPSCAN Survey (002, Prepare: Discover Shared Goals).
--
-- The guidebook lists NEA's seven OPSCAN surveys and their topics, and offers two options: use
-- NEA's forms (NEA processes the data), or "create your own survey using the question banks, and
-- process the data" on "a simple four-point scale". The OPSCAN questions themselves are not in
-- the guidebook, so the question banks are district-editable CSV files, banks/opscan/*.csv (see
-- banks/opscan/README.md): cairn ships starter questions, one per listed topic, which are NOT
-- NEA's wording. This tool picks questions from the banks (and the district's own), and saving
-- the worksheet stores the result as a cairn.survey instrument ready for waves and imports.
local paths = require "cairn.paths"

-- The seven OPSCAN surveys, verbatim, and the bank file holding each one's questions.
local topics = {
  { key = "parent_community", bank = "parent_community.csv",
    title = "Parent and Community Involvement in School",
    description = "Rates levels of involvement and satisfaction with various aspects of the school, "
      .. "and gathers information on the roles of parents, school staff, and community members in "
      .. "promoting student achievement and school success." },
  { key = "professional_development", bank = "professional_development.csv",
    title = "Professional Development Issues",
    description = "Contains items about the availability, quality, and effectiveness of PD "
      .. "activities, as well as on desired types of content, delivery, and scheduling." },
  { key = "school_culture", bank = "school_culture.csv", title = "School Culture",
    description = "Questions relate to: existence of shared vision, collaboration, communication, "
      .. "time/resources, efficacy, tolerance for ambiguity, culture of inquiry, and reflection." },
  { key = "school_restructuring", bank = "school_restructuring.csv", title = "School Restructuring",
    description = "Questions relate to: school mission and goals, curriculum, instruction, school "
      .. "organization, facilities and equipment, assessment, and staff development." },
  { key = "school_safety", bank = "school_safety.csv", title = "School Safety and Student Discipline",
    description = "Questions relate to: weapons, gangs, illegal drugs, theft, vandalism, and "
      .. "interpersonal behaviors among students and staff, as well as the root causes of student "
      .. "misconduct." },
  { key = "staff_satisfaction", bank = "staff_satisfaction.csv", title = "Staff Satisfaction",
    description = "Questions relate to: job accomplishments, workload and working conditions, "
      .. "professional development and training, compensation and benefits, relationships and "
      .. "communication, administrative leadership and support, and safety and environment, as "
      .. "well as union or professional association services." },
  { key = "technology", bank = "technology.csv", title = "Technology Issues",
    description = "Covers a broad range of technology-related areas, such as how computers are "
      .. "used for instructional purposes, teachers' uses of the internet, obstacles to the use of "
      .. "technologies, and the adequacy of various technologies. The survey is designed primarily "
      .. "for teachers, although others can answer to the best of their abilities." },
}

-- 4-point scales offered (cairn.survey scale names); a district adds its own here.
local scales = { "agreement", "frequency", "quality" }

local administration = {
  { value = "own", label = "Create your own survey using the question banks, and process the data" },
  { value = "nea", label = "Use the NEA OPSCAN forms, and NEA processes the data" },
}

-- Load every bank (the first banks/opscan/FILE along the search path: a district copy wins).
local function load_banks()
  local survey = require "cairn.survey"
  for _, t in ipairs(topics) do
    local rel = "banks/opscan/" .. t.bank
    local path = paths.find(rel)
    if not path then error("opscan_survey: question bank " .. rel .. " not found on the search path", 0) end
    t.path = path
    t.items = survey.load_bank(path).items
  end
end
load_banks()

local form = {
  { id = "title", type = "text", label = "Survey title", required = true,
    default = "Staff survey" },
  { id = "instrument", type = "text", label = "Survey id (letters, digits, _)", required = true,
    default = "staff_survey",
    help = "The name responses are imported under: cairn survey import FILE --instrument ID" },
  { id = "audience", type = "text", label = "Who will be surveyed",
    default = "All employees across the district" },
  { id = "administration", type = "choice", label = "How will you administer it?",
    choices = administration, default = "own", required = true },
  { id = "scale", type = "choice", label = "Four-point answer scale", choices = scales,
    default = "agreement", required = true },
}
for _, t in ipairs(topics) do
  local choices = {}
  for i, it in ipairs(t.items) do choices[i] = { value = it.code, label = it.text } end
  form[#form + 1] = { kind = "section", title = t.title, help = t.description }
  form[#form + 1] = { id = t.key, type = "multichoice", label = t.title .. ": questions to include",
                      choices = choices }
end
local topic_titles = {}
for i, t in ipairs(topics) do topic_titles[i] = t.title end
form[#form + 1] = { kind = "table", id = "own_questions", label = "Your own questions",
  help = "Questions your team writes, answered on the same four-point scale.",
  min_rows = 0, row_label = "Question",
  columns = {
    { id = "topic", label = "Topic", type = "choice", choices = topic_titles, required = true },
    { id = "code", label = "Code (e.g. OWN01)", type = "text", required = true },
    { id = "text", label = "Question", type = "text", required = true },
  } }

-- The survey instrument the answers describe (a cairn.survey instrument definition).
local function instrument_for(a, version)
  local sections = {}
  for _, t in ipairs(topics) do
    local chosen = {}
    for _, code in ipairs(a[t.key] or {}) do chosen[code] = true end
    local items = {}
    for _, it in ipairs(t.items) do
      if chosen[it.code] then
        items[#items + 1] = { code = it.code, text = it.text, type = "scale", scale = a.scale }
      end
    end
    for _, q in ipairs(a.own_questions or {}) do
      if q.topic == t.title then
        items[#items + 1] = { code = q.code, text = q.text, type = "scale", scale = a.scale }
      end
    end
    if #items > 0 then sections[#sections + 1] = { title = t.title, items = items } end
  end
  return { id = a.instrument, version = version or 1, title = a.title,
           attributes = { "school", "role" }, sections = sections }
end

local function count_questions(a)
  local n = #(a.own_questions or {})
  for _, t in ipairs(topics) do n = n + #(a[t.key] or {}) end
  return n
end

return {
  id = "opscan_survey",
  title = "OPSCAN Survey",
  source = "NEA, Collaborating for Student Success (draft, October 2019)",
  stage = "Prepare: Discover Shared Goals",
  framework = "NEA",
  kind = "survey",
  summary = "Build a custom four-point survey from question banks on the seven OPSCAN topics, "
    .. "to dig deeper after the Opportunity Checklist.",
  instructions = {
    "Optical scanning (OPSCAN) survey tools allow a large number of survey responses to be easily "
      .. "entered and analyzed. These surveys can be used as-is or customized to your needs. All "
      .. "responses are anonymous.",
    "We recommend you use this tool to supplement the Opportunity Checklist tool. After "
      .. "determining educators' most pressing concerns, you can use a survey to dig deeper into "
      .. "educators' opinions on a subset of issues.",
    "Create your own survey using the question banks, and process the data: You can pick and "
      .. "choose relevant questions from one or more of the existing surveys to create your own "
      .. "custom survey. The survey questions use a simple four-point scale, making analysis "
      .. "straightforward.",
    "About the question banks: the guidebook does not include NEA's OPSCAN questions. cairn ships "
      .. "starter banks (banks/opscan/*.csv, one question per topic the guidebook lists) that are "
      .. "not NEA's wording; edit them in a spreadsheet, or replace them with NEA's items or your "
      .. "own (see banks/opscan/README.md). Your copy in the workspace folder is used instead.",
    "To use NEA's forms exactly as written and have NEA process the data, the request must come "
      .. "from an NEA-affiliated individual, such as a local association/union president, and must "
      .. "be approved by the state association/union before being submitted to NEA.",
  },
  topics = topics,
  instrument_for = instrument_for,

  form = form,

  worksheet_title = function(a) return "OPSCAN survey: " .. (a.title or "?") end,

  check = function(a, c)
    if a.instrument and not a.instrument:match("^[A-Za-z][A-Za-z0-9_.]*$") then
      c.error("instrument", string.format("'%s' is not a survey id (expected a letter, then "
        .. "letters, digits, _ or .)", a.instrument))
    end
    if a.scale then
      local ok, sc = pcall(function() return require("cairn.survey").scale(a.scale) end)
      if not ok then c.error("scale", tostring(sc))
      elseif #sc.levels ~= 4 then
        c.error("scale", string.format("'%s' has %d levels; OPSCAN questions use a four-point scale",
          a.scale, #sc.levels))
      end
    end
    local codes = {}
    for _, t in ipairs(topics) do for _, it in ipairs(t.items) do codes[it.code:upper()] = t.title end end
    for i, q in ipairs(a.own_questions or {}) do
      if q.code and not q.code:match("^[A-Za-z][A-Za-z0-9_.]*$") then
        c.error(string.format("own_questions[%d].code", i), string.format(
          "'%s' is not an item code (expected a letter, then letters, digits, _ or .)", q.code))
      elseif q.code and codes[q.code:upper()] then
        c.error(string.format("own_questions[%d].code", i), string.format(
          "'%s' is already used by a question in %s", q.code, codes[q.code:upper()]))
      elseif q.code then
        codes[q.code:upper()] = "your own questions"
      end
    end
    if a.administration == "own" and count_questions(a) == 0 then
      c.error("", "no question chosen: pick questions from at least one bank, or write your own")
    end
  end,

  -- Saving the worksheet stores the survey as an instrument (a new version when it changed).
  to_plan = function(a, ctx)
    if a.administration ~= "own" then return end
    local survey = require "cairn.survey"
    local version = 1
    local ok, old = pcall(survey.get_instrument, a.instrument)
    if ok and old then
      local same = old.title == a.title and #old.items == count_questions(a)
      if same then
        local def = instrument_for(a)
        local i = 0
        for _, s in ipairs(def.sections) do
          for _, it in ipairs(s.items) do
            i = i + 1
            local o = old.items[i]
            if not o or o.code ~= it.code or o.text ~= it.text or o.section ~= s.title then same = false end
          end
        end
      end
      if same then return end
      version = (old.version or 0) + 1
    end
    survey.save_instrument(survey.instrument(instrument_for(a, version)))
    if ctx and ctx.note then ctx.note(string.format("saved survey instrument %s (version %d)",
                                                    a.instrument, version)) end
  end,

  report = function(w, doc)
    local a = w.answers
    local admin = a.administration
    for _, o in ipairs(administration) do if o.value == admin then admin = o.label end end
    local ok, sc = pcall(function() return require("cairn.survey").scale(a.scale) end)
    local level_labels = {}
    if ok then for i, l in ipairs(sc.levels) do level_labels[i] = l.label end end
    doc:keyvalue {
      { "Survey", a.title }, { "Survey id", a.instrument }, { "Who will be surveyed", a.audience },
      { "Administration", admin }, { "Answer scale", table.concat(level_labels, " / ") },
      { "Questions", count_questions(a) },
    }
    if a.administration == "nea" then
      doc:callout("note", "NEA processes the data and provides your results within three weeks. "
        .. "Request an OPSCAN survey with NEA's Service Request Form; the request must come from "
        .. "an NEA-affiliated individual, such as a local association/union president, and must be "
        .. "approved by the state association/union before being submitted to NEA.",
        { title = "Using NEA's OPSCAN forms" })
    end
    local def = instrument_for(a)
    for _, s in ipairs(def.sections) do
      local cols = { { id = "code", label = "Code" }, { id = "text", label = "Question" } }
      for i, l in ipairs(level_labels) do cols[#cols + 1] = { id = "l" .. i, label = l, align = "center" } end
      local rows = {}
      for _, it in ipairs(s.items) do
        local row = { code = it.code, text = it.text }
        for i in ipairs(level_labels) do row["l" .. i] = "☐" end
        rows[#rows + 1] = row
      end
      doc:section(s.title):table { columns = cols, rows = rows }
    end
    if a.administration == "own" then
      doc:section("Next steps"):list({
        "Saving this worksheet stored the survey as instrument " .. a.instrument .. ".",
        "Open a wave, with roster counts for response rates: survey.wave{ instrument = \""
          .. a.instrument .. "\", name = \"2026 fall\", roster = { school = { ... } } }",
        "Import the responses: cairn survey import responses.csv --instrument " .. a.instrument
          .. " --wave \"2026 fall\"",
        "Report the results: cairn report survey_results --param \"wave=2026 fall\" --each school",
      }, { style = "number" })
    end
  end,
}
