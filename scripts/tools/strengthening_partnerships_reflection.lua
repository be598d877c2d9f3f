-- Strengthening Partnerships Reflection Exercise (002, Reflect: Evaluate Process and Content
-- Outcomes).
--
-- The six key components of a strong education partnership, each with "WE EXHIBITED THIS
-- COMPONENT BY" and a rating of STRONG, ADEQUATE or NEEDS WORK (the `rating` survey scale, so a
-- leadership team's ratings can be summarised like a survey: see lua/cairn/team.lua).
-- Component 1 is worded as on this page; the printed page lost component 3's text, taken here from
-- Building a Strong Partnership, where the same six components appear.
local components = {
  "An agreement between administration and association/union leadership to work together with "
    .. "local stakeholders on plans to improve schools, and a pledge not to let each other fail.",
  "A commitment to start somewhere. Identify shared student-centered goals, and then work "
    .. "collaboratively and share decision making in the improvement processes to achieve them.",
  "A rich web of communication and collaboration structures among stakeholders at all levels of "
    .. "the local school system (e.g., regular meetings between district department leaders and "
    .. "educators appointed through their association/union; district- and school-level leadership "
    .. "teams; working committees; professional learning communities).",
  "Planning tools and defined goals and objectives, so that everyone involved in collaboration "
    .. "understands expectations of the group members, the work to be done, and so that progress "
    .. "can be monitored and managed.",
  "Training and ongoing support in collaborative processes, relationship building, and subject "
    .. "matter expertise.",
  "Connection to other education partnerships working on similar projects, or in a similar "
    .. "context, for sharing and mentorship.",
}

-- Short names for tables and charts (not in the guidebook; the full text is always shown too).
local short = {
  "Agreement and pledge", "Start somewhere", "Web of structures", "Planning tools and goals",
  "Training and support", "Connection to other partnerships",
}

local SCALE = "rating"          -- cairn.survey scale: Needs Work < Adequate < Strong
local labels = { [1] = "Needs Work", [2] = "Adequate", [3] = "Strong" }

return {
  id = "strengthening_partnerships_reflection",
  title = "Strengthening Partnerships Reflection Exercise",
  source = "NEA, Collaborating for Student Success (draft, October 2019)",
  stage = "Reflect: Evaluate Process and Content Outcomes",
  framework = "NEA",
  kind = "self-assessment",
  summary = "Rate each of the six key components of a strong education partnership Strong, "
    .. "Adequate or Needs Work, with how you exhibited it.",
  instructions = {
    "This tool can help your leadership team reflect on the strength of your partnerships by "
      .. "reviewing the key components below and considering how to continue strengthening those "
      .. "components.",
    "KEY COMPONENTS TO A STRONG EDUCATION PARTNERSHIP. REFLECT: HOW DID YOU DO?",
    "For each component, write how you exhibited it and rate it STRONG, ADEQUATE or NEEDS WORK. "
      .. "When several members of the team reflect separately, give the same session name; the team "
      .. "summary shows how the ratings spread and where members disagree.",
  },
  components = components,
  short = short,

  -- team summary (cairn.team): one survey item per component, on the rating scale
  survey = { kind = "rows", table = "components", rows = short, value = "rating", scale = SCALE },

  worksheet_title = function(a)
    return "Partnership reflection" .. (a.team and (": " .. a.team) or "")
      .. (a.member and (", " .. a.member) or "")
  end,

  form = {
    { id = "team", type = "text", label = "Leadership team",
      help = "e.g. \"District Leadership Team\"" },
    { id = "member", type = "text", label = "Completed by (optional)",
      help = "team summaries never show names" },
    { id = "session", type = "text", label = "Team session (optional)",
      help = "Members reflecting separately use the same name, e.g. \"Spring 2027 reflection\"." },
    { id = "date", type = "date", label = "Date" },
    { kind = "table", id = "components", label = "Key components to a strong education partnership",
      rows = components,
      columns = {
        { id = "exhibited", label = "We exhibited this component by", type = "longtext" },
        { id = "rating", label = "Rating", type = "scale", scale = SCALE, required = true },
      } },
  },

  check = function(a, c)
    for i, r in ipairs(a.components or {}) do
      if r.rating == 3 and not (r.exhibited and r.exhibited:match("%S")) then
        c.warn(string.format("components[%d].exhibited", i),
          "rated Strong: say how the team exhibited it, so others can learn from it")
      end
    end
  end,

  report = function(w, doc)
    local a = w.answers
    local kv = {}
    if a.team then kv[#kv + 1] = { "Leadership team", a.team } end
    if a.member then kv[#kv + 1] = { "Completed by", a.member } end
    if a.session then kv[#kv + 1] = { "Team session", a.session } end
    if a.date then kv[#kv + 1] = { "Date", a.date } end
    doc:keyvalue(kv)

    local rows, counts, needs = {}, { 0, 0, 0 }, {}
    for i, text in ipairs(components) do
      local r = (a.components or {})[i] or {}
      if r.rating then counts[r.rating] = counts[r.rating] + 1 end
      if r.rating == 1 then needs[#needs + 1] = string.format("%d. %s", i, text) end
      rows[#rows + 1] = { n = i, component = text, exhibited = r.exhibited,
                          rating = labels[r.rating] or "" }
    end
    doc:section("Reflect: how did you do?"):table {
      columns = { { id = "n", label = "No.", format = "integer", align = "right" },
                  { id = "component", label = "Key component" },
                  { id = "exhibited", label = "We exhibited this component by" },
                  { id = "rating", label = "Rating" } },
      rows = rows }
    doc:section("Ratings"):keyvalue {
      { "Strong", counts[3] }, { "Adequate", counts[2] }, { "Needs Work", counts[1] } }
    local s = doc:section("Components that need work")
    if #needs == 0 then s:paragraph("None: no component is rated Needs Work.")
    else s:list(needs) end
  end,
}
