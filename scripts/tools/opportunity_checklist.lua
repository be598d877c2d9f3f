-- NEA's Opportunity Checklist (002, Prepare: Discover Shared Goals).
--
-- One worksheet is one respondent's checklist. The category descriptions and the 32 items are
-- verbatim from the guidebook; the item codes (community_1 ... educators_9) follow the printed
-- order and are what survey results, CSV imports and SQL use, so keep them stable if you reword
-- an item. Tallies per school (for building representatives) and district-wide (for the
-- association's executive board) come from the checklist_priorities report, which counts the
-- checklists through cairn.survey so that small schools stay private.

local categories = {
  { id = "community", title = "Community",
    description = "It's important that your school is open to the community it serves.",
    items = {
      "A welcoming front office",
      "Active community involvement (parent support groups, and a community liaison, for example)",
      "Materials available in the languages the school serves",
    } },
  { id = "healthy", title = "Healthy Students in Modern Schools",
    description = "Students need their essential human needs met, and to be in a healthy learning "
      .. "environment that is clean and in good working order.",
    items = {
      "Healthy meals",
      "School nurse",
      "School counselor",
      "A roof that is free of leaks",
      "Healthy indoor air quality (free of mold, proper ventilation, and proper temperature control)",
      "Clean, unbroken flooring",
      "Ample and appropriate learning spaces (cafeterias, gyms, auditoriums, playgrounds, libraries, "
        .. "and computer labs with enough computers for all students)",
      "Class sizes that allow for one-on-one attention",
    } },
  { id = "curriculum", title = "Well-Rounded Curriculum",
    description = "All students need access to the right courses to prepare them for life after graduation.",
    items = {
      "Full day kindergarten",
      "Fine Arts (music, art, and theatre, for example)",
      "Advanced courses (science and math, for example)",
      "A pathway for advancement for every student (a path from general education courses to college "
        .. "prep, honors, AP and/or IB)",
      "Regular physical education classes (150 minutes in elementary school, 225 minutes in middle and "
        .. "high school)",
      "Foreign language courses",
      "Career and technical education",
    } },
  { id = "climate", title = "School Climate",
    description = "It's important that students feel safe and respected in their classrooms and in their school.",
    items = {
      "Students have a safe, reliable, and secure way to get to school",
      "An environment that welcomes and celebrates diversity",
      "A policy of restorative practices to create an environment of respect and collective "
        .. "responsibility (school policy with alternatives to suspension and expulsion)",
      "Use of early warning systems to keep students on track",
      "A community free from bullying and harassment",
    } },
  { id = "educators", title = "Educators",
    description = "It's important that all educators are prepared and excited to help students excel.",
    items = {
      "Educators who have high expectations for every student in the school",
      "Teachers teaching in their credentialed subject",
      "Teachers are fully prepared to teach students in their school (teachers have completed a "
        .. "residency program where they were mentored by great teachers)",
      "Librarians",
      "Paraeducators and other education support professionals",
      "All staff trained in positive behavior supports and bullying prevention (all staff includes "
        .. "teachers, paraeducators, other education support professionals, and specialized "
        .. "instructional support personnel (SISP))",
      "All school staff contributing to a culturally responsive learning environment",
      "Staff that has time to collaborate",
      "Relevant, timely professional development",
    } },
}

-- A district that wants "top areas" to mean at most N checks sets this (nil: no limit; the
-- guidebook states none).
local max_checks = nil

-- Who answers. The guidebook names school-based educators, and "staff and/or parents".
local respondent_types = {
  { value = "educator", label = "Educator (school staff)" },
  { value = "parent", label = "Parent or family member" },
}

local form = {
  { kind = "section", title = "Instructions",
    help = "Do students and educators at your school have everything they need? If not, this is your "
      .. "opportunity to speak up! On the lists below and on the following pages, place a checkmark "
      .. "next to the top areas where school needs to improve." },
  { id = "school", type = "text", label = "School", required = true,
    help = "The school this checklist is about (building representatives compile results per school)." },
  { id = "respondent", type = "choice", label = "Respondent", required = true,
    choices = respondent_types, default = "educator" },
  { id = "session", type = "text", label = "Checklist round", required = true,
    help = "Everyone answering in the same round uses the same name, e.g. \"Fall 2026\"; results "
      .. "are tallied per round." },
}

for _, cat in ipairs(categories) do
  local choices = {}
  for i, text in ipairs(cat.items) do
    choices[i] = { value = cat.id .. "_" .. i, label = text }
  end
  cat.choices = choices
  form[#form + 1] = { kind = "section", title = cat.title, help = cat.description }
  form[#form + 1] = { id = cat.id, type = "multichoice", label = cat.title, choices = choices,
    help = "Check the top areas where your school needs to improve (none is fine)." }
end

-- Every item in printed order: { code, text, category = title }.
local function all_items()
  local list = {}
  for _, cat in ipairs(categories) do
    for _, ch in ipairs(cat.choices) do
      list[#list + 1] = { code = ch.value, text = ch.label, category = cat.title, category_id = cat.id }
    end
  end
  return list
end

local function checked_set(a)
  local set, n = {}, 0
  for _, cat in ipairs(categories) do
    for _, code in ipairs(a[cat.id] or {}) do
      if not set[code] then set[code] = true; n = n + 1 end
    end
  end
  return set, n
end

-- The checklist as a cairn.survey instrument: one checklist item, `areas`, whose options are
-- the 32 items in printed order (banks/opportunity_checklist.csv is the same instrument as a
-- question bank, for `cairn survey load` before importing an online form's export). One item
-- rather than one per category: a category left blank is an answer ("nothing here needs to
-- improve"), not a missing one, and the ranking runs across all 32 areas. An online form feeding
-- `cairn survey import` therefore asks one checkbox question with the 32 areas.
local function instrument()
  local options = {}
  for _, cat in ipairs(categories) do
    for _, ch in ipairs(cat.choices) do options[#options + 1] = ch.label end
  end
  return { id = "opportunity_checklist", version = 1, title = "NEA's Opportunity Checklist",
           attributes = { "school", "role" },
           sections = { { title = "Top areas where school needs to improve", items = {
             { code = "areas", text = "Top areas where school needs to improve", type = "checklist",
               options = options } } } } }
end

-- One worksheet as a survey response: attributes, then the checked areas by label.
local function survey_row(a)
  local label_of = {}
  for _, cat in ipairs(categories) do
    for _, ch in ipairs(cat.choices) do label_of[ch.value] = ch.label end
  end
  local list = {}
  for _, cat in ipairs(categories) do
    for _, code in ipairs(a[cat.id] or {}) do list[#list + 1] = label_of[code] end
  end
  return { school = a.school, role = a.respondent, areas = list }
end

-- The category of each area (by its label), for reports that group or label areas.
local function category_of()
  local map = {}
  for _, cat in ipairs(categories) do
    for _, ch in ipairs(cat.choices) do map[ch.label] = cat.title end
  end
  return map
end

return {
  id = "opportunity_checklist",
  title = "NEA's Opportunity Checklist",
  source = "NEA, Collaborating for Student Success (draft, October 2019)",
  stage = "Prepare: Discover Shared Goals",
  framework = "NEA",
  kind = "checklist",
  summary = "A quick checklist for educators (and/or parents) to mark the top areas where their "
    .. "school needs to improve; tallied per school and district-wide.",
  instructions = {
    "This tool helps identify areas of interest for you and your partners to address "
      .. "collaboratively. It is a short questionnaire for staff and/or parents to collect data to "
      .. "identify common interests. Use the results to help your team formulate shared goals and "
      .. "begin the work.",
    "Do students and educators at your school have everything they need? If not, this is your "
      .. "opportunity to speak up! On the lists below and on the following pages, place a checkmark "
      .. "next to the top areas where school needs to improve.",
    "Building representatives can be responsible for distributing and collecting the checklists, "
      .. "and compiling data for each school (`cairn report checklist_priorities --each school`). "
      .. "Paper checklists can be entered one per run of this tool (same checklist round, same "
      .. "wave). Checklists collected with an online form (one checkbox question listing the 32 "
      .. "areas, plus school and role) are imported instead: cairn survey load "
      .. "banks/opportunity_checklist.csv, then cairn survey import FILE.csv --instrument "
      .. "opportunity_checklist --wave ROUND.",
  },
  categories = categories,
  items = all_items,
  category_of = category_of,
  max_checks = max_checks,

  -- How cairn.survey sees these worksheets (lua/cairn/team.lua): the instrument
  -- opportunity_checklist (attributes school and role; one checklist item `areas`), one
  -- respondent per worksheet, the round as the wave. A CSV of checklists (an online form's
  -- export) imports into the same instrument.
  survey = { kind = "instrument", instrument = instrument, row = survey_row },

  form = form,

  worksheet_title = function(a)
    return string.format("Opportunity checklist: %s (%s)", a.school or "?", a.session or "?")
  end,

  check = function(a, c)
    local _, n = checked_set(a)
    if max_checks and n > max_checks then
      c.error("", string.format("%d areas are checked; this district asks for at most %d", n, max_checks))
    elseif n == 0 then
      c.warn("", "No area is checked: this checklist will count as \"nothing needs to improve\".")
    end
  end,

  report = function(w, doc)
    local a = w.answers
    local set, n = checked_set(a)
    local resp = a.respondent
    for _, r in ipairs(respondent_types) do if r.value == resp then resp = r.label end end
    doc:keyvalue {
      { "School", a.school },
      { "Respondent", resp },
      { "Checklist round", a.session },
      { "Areas checked", string.format("%d of %d", n, #all_items()) },
    }
    for _, cat in ipairs(categories) do
      local s = doc:section(cat.title)
      s:paragraph(cat.description)
      local items = {}
      for _, ch in ipairs(cat.choices) do
        items[#items + 1] = { text = ch.label, checked = set[ch.value] == true }
      end
      s:checklist(items)
    end
  end,
}
