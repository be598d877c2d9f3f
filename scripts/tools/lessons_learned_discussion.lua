-- Lessons Learned Discussion Template (NEA, 002, Reflect: Evaluate Process and Content Outcomes).
--
-- A 60-minute discussion in four timed sections, led by a facilitator chosen at random and
-- recorded by an elected scribe; both roles rotate among the group's members. The scribe fills
-- in the reflections per question as the group talks. Each section's time is shown as it
-- begins (interactively: its heading says "Time: 20 min"), and the facilitator can run a timer
-- in the REPL:
--
--   t = require("cairn.timer").for_tool("lessons_learned_discussion")
--   t:start()  t:status()  t:next()  t:summary()
--
-- The report is the meeting's notes; the check reminds the group when the same person led or
-- recorded the team's previous discussion.
local common = require "cairn.tools_common"

local sections = {
  { id = "objectives", title = "REVIEW OBJECTIVES AND IMPLEMENTATION", minutes = 10, questions = {
    "What did our group set out to accomplish?", "What new ideas did we try?",
    "Were the ideas implemented with fidelity? Why/why not?",
    "Were we able to monitor progress throughout implementation? Why or why not?" } },
  { id = "results", title = "REVIEW RESULTS", minutes = 20, questions = {
    "What results did we see?",
    "Look at evidence (project plans, survey results, student achievement data, other artifacts)",
    "Did we achieve our goals? Did we make progress toward them?",
    "Were the results what we anticipated or hoped for? If not, what are the likely causes for falling short?" } },
  { id = "partnership", title = "REVIEW PARTNERSHIP STRUCTURES AND PROCESSES", minutes = 20, questions = {
    "Were most decisions shared during project design and implementation? What inhibited or facilitated shared decision making?",
    "Did our group abide by the group norms? Why or why not?", "How effective were our communications?",
    "Did the DLT/SLTs provide support to the working committees?" } },
  { id = "forward", title = "LOOK FORWARD", minutes = 10, questions = {
    "Where are the areas for continued improvement toward our objectives? (If objectives were met, what higher goals can we work toward next?)",
    "What can we do to improve our working relationship for next time?" } },
}

local group_processes = {
  "Facilitator and scribe roles rotate among group members",
  "We adhere to the allotted time for each section, so that the meeting can be accomplished in 60 minutes",
  "We seek each other's viewpoints",
  "All viewpoints are incorporated in the reflection notes",
}

local elements = {
  { id = "team", type = "text", label = "Collaborative group", required = true },
  { id = "date", type = "date", label = "Date" },
  { id = "facilitator", type = "text", label = "Facilitator", required = true,
    help = "Select a facilitator randomly - anyone on the team should be comfortable leading the "
      .. "discussion using this template." },
  { id = "scribe", type = "text", label = "Scribe", required = true,
    help = "Elect a scribe and fill out the reflections during the discussion, projected for all to "
      .. "see or using a shared document format that updates in real time." },
  { kind = "table", id = "attendees", label = "Attendees", row_label = "Attendee",
    columns = { { id = "name", label = "Name", type = "text", required = true } } },
  { kind = "section", title = "GROUP PROCESSES", help = table.concat(group_processes, ". ") .. "." },
}
-- At the terminal each timed section starts the facilitator's timer on its section (and says how
-- long the one before took and how long the discussion has run); going back does not restart it.
local function enter_section(i)
  return function(run)
    local st = run.state
    if not st.timer then
      local list = {}
      for k, s in ipairs(sections) do list[k] = { title = s.title, minutes = s.minutes } end
      st.timer = require("cairn.timer").new(list, { say = function(line) run.say("  [timer] " .. line) end })
      st.began = st.timer.clock()
    end
    local t = st.timer
    if t.current == 0 then t:start(i)
    elseif i > t.current then
      while t.current < i do t:next() end
      run.say(string.format("  [timer] %s elapsed since the discussion began",
        require("cairn.timer").mmss(t.clock() - st.began)))
    end
  end
end

for i, s in ipairs(sections) do
  elements[#elements + 1] = { kind = "section", title = string.format("%s (Time: %d min)", s.title, s.minutes),
    help = string.format("Time: %d min. Facilitator: start the section timer (t:next()).", s.minutes),
    on_enter = enter_section(i) }
  elements[#elements + 1] = { kind = "table", id = s.id, label = s.title, rows = s.questions, min_rows = 0,
    columns = { { id = "notes", label = "Reflections", type = "longtext" } } }
end
local form = common.form(elements)

local tool = {
  id = "lessons_learned_discussion",
  title = "Lessons Learned Discussion Template",
  source = "NEA, Collaborating for Student Success (2019 draft), Reflect: Evaluate Process and Content Outcomes",
  stage = "Reflect: Evaluate Process and Content Outcomes",
  framework = "NEA",
  summary = "A 60-minute lessons-learned discussion in four timed sections, with facilitator and scribe.",
  instructions = {
    "Use this template to facilitate a lessons-learned discussion with your collaborative group.",
    "Select a facilitator randomly - anyone on the team should be comfortable leading the discussion "
      .. "using this template. Elect a scribe and fill out the reflections during the discussion, "
      .. "projected for all to see or using a shared document format that updates in real time, such "
      .. "as Google Docs or Microsoft Online.",
    "Facilitator timer (REPL): t = require(\"cairn.timer\").for_tool(\"lessons_learned_discussion\"); "
      .. "t:start(), t:status(), t:next(), t:summary().",
  },
  form = form,
  sections = sections,
  group_processes = group_processes,
  worksheet_title = function(a)
    return "Lessons learned" .. (common.filled(a.team) and (": " .. a.team) or "")
      .. (a.date and (" (" .. a.date .. ")") or "")
  end,
}

-- The group's previous discussion (the latest final worksheet of the same group, before this one).
local function previous(a, own_id)
  local ok, list = pcall(function()
    return require("cairn.tool.worksheet").list { tool = "lessons_learned_discussion", status = "final" }
  end)
  if not ok or not common.filled(a.team) then return nil end
  for _, w in ipairs(list) do
    if w.id ~= own_id and common.norm(w.answers.team or "") == common.norm(a.team)
      and (not (a.date and w.answers.date) or w.answers.date < a.date) then
      return w
    end
  end
end

function tool.check(a, c)
  if a.facilitator and a.scribe and common.norm(a.facilitator) == common.norm(a.scribe) then
    c.error("scribe", "the scribe and the facilitator are two different members")
  end
  local prev = previous(a)
  if prev then
    for _, role in ipairs { "facilitator", "scribe" } do
      if a[role] and prev.answers[role] and common.norm(a[role]) == common.norm(prev.answers[role]) then
        c.warn(role, string.format("Facilitator and scribe roles rotate among group members: %s was "
          .. "the %s last time too (%s).", a[role], role, prev.answers.date or ("worksheet " .. prev.id)))
      end
    end
  end
end

function tool.report(w, doc)
  local a = w.answers
  local kv = common.pairs_for(form, a, { "team", "date", "facilitator", "scribe" })
  local names = {}
  for _, r in ipairs(common.rows(a.attendees)) do names[#names + 1] = r.name end
  if #names > 0 then kv[#kv + 1] = { "Attendees", table.concat(names, ", ") } end
  doc:keyvalue(kv)
  doc:section("Group processes"):list(group_processes)
  for _, s in ipairs(sections) do
    local sec = doc:section(string.format("%s (Time: %d min)", s.title:sub(1, 1) .. s.title:sub(2):lower(), s.minutes))
    local rows = {}
    for i, q in ipairs(s.questions) do
      local r = (a[s.id] or {})[i] or {}
      rows[#rows + 1] = { question = q, notes = r.notes }
    end
    sec:table { columns = { { id = "question", label = "Question" }, { id = "notes", label = "Reflections" } }, rows = rows }
  end
end

return tool
