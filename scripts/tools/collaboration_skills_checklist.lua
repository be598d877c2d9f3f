-- Collaboration Skills Checklist (002, Prepare: Commit to Collaborate).
--
-- An individual self-reflection: check the skills you bring to the collaboration table; the
-- unchecked ones are skills to develop. The 31 skills are verbatim and in the printed order
-- (item 19, "Taking a leadership role", breaks the alphabetical order in print too). When
-- several team members use the same session name, `team.summary` (lua/cairn/team.lua)
-- shows how many members checked each skill, without names and with the workspace's privacy
-- rule for small groups.

local skills = {
  "Actively listening to the concerns of team members",
  "Agreeing on roles that capitalize on individual strengths",
  "Analyzing problems without assigning blame",
  "Brainstorming solutions to problems",
  "Building consensus about goals and processes for group projects",
  "Compromising when necessary to move the group forward",
  "Defining mutually acceptable roles",
  "Delegating tasks with open discussion",
  "Displaying a willingness to find solutions to problems",
  "Drawing consensus around goals and processes",
  "Eliciting the views of reluctant group members",
  "Facilitating group discussion",
  "Following through with commitments in a reliable manner",
  "Forgiving others when they come up short",
  "Giving credit to others for contributions",
  "Identifying obstacles to success",
  "Interviewing clients to determine their needs and preferences",
  "Investing the required time and energy to complete tasks",
  "Taking a leadership role",
  "Listening to team members' concerns",
  "Maintaining a sense of humor whenever possible",
  "Making sure the perspectives of quieter collaborators is heard",
  "Meeting deadlines for individual contributions",
  "Recognizing the contributions of other collaborators",
  "Recognizing the strengths and weaknesses of collaborators",
  "Selecting compatible partners to carry out projects",
  "Sharing feelings of frustration or dissatisfaction as they occur",
  "Speaking respectfully with team members",
  "Taking responsibility for mistakes",
  "Updating collaborators on developments with the project",
  "Working hard to fulfill obligations to the team",
}

local choices = {}
for i, s in ipairs(skills) do choices[i] = { value = string.format("skill_%02d", i), label = s } end

return {
  id = "collaboration_skills_checklist",
  title = "Collaboration Skills Checklist",
  source = "NEA, Collaborating for Student Success (draft, October 2019); adapted from Doyle, A. "
    .. "(2018). Collaboration Definitions, Skills, and Examples.",
  stage = "Prepare: Commit to Collaborate",
  framework = "NEA",
  kind = "self-assessment",
  summary = "Take inventory of the interpersonal skills you bring to collaboration; the rest are "
    .. "skills to develop.",
  instructions = {
    "This is a self-reflection tool for you, on a collaborative team, to consider the interpersonal "
      .. "skills that support collaboration and take inventory of […]", -- rest lost in the source
    "The Collaboration Skills Checklist helps you, as an individual, assess your collaboration "
      .. "skills. Whereas the other tools provide insight into relationships among stakeholders in "
      .. "your partnership, this tool offers a chance to reflect upon the skills you bring to the "
      .. "collaboration table.",
    "Check each skill you bring today. If your team takes the checklist together, give the same "
      .. "session name; the team summary shows how many members checked each skill, never who.",
  },
  skills = skills,

  -- team summary (cairn.team): one yes/no survey item per skill
  survey = { kind = "checks", field = "skills" },

  worksheet_title = function(a)
    return "Collaboration skills" .. (a.member and (": " .. a.member) or "")
      .. (a.session and (" (" .. a.session .. ")") or "")
  end,

  form = {
    { id = "member", type = "text", label = "Your name (optional)",
      help = "Kept with your worksheet only; team summaries never show names." },
    { id = "session", type = "text", label = "Team session (optional)",
      help = "Members who take the checklist together use the same name, e.g. \"DLT fall 2026\"." },
    { id = "skills", type = "multichoice", label = "Skills I bring", choices = choices,
      help = "Check the skills you exhibit; the others become your skills to develop." },
  },

  check = function(a, c)
    if #(a.skills or {}) == 0 then
      c.warn("skills", "No skill is checked: every skill will be listed as one to develop.")
    end
  end,

  report = function(w, doc)
    local a = w.answers
    local have = {}
    for _, code in ipairs(a.skills or {}) do have[code] = true end
    local strengths, develop = {}, {}
    for _, ch in ipairs(choices) do
      if have[ch.value] then strengths[#strengths + 1] = ch.label
      else develop[#develop + 1] = ch.label end
    end
    local kv = {}
    if a.member then kv[#kv + 1] = { "Name", a.member } end
    if a.session then kv[#kv + 1] = { "Team session", a.session } end
    kv[#kv + 1] = { "Skills checked", string.format("%d of %d", #strengths, #skills) }
    doc:keyvalue(kv)
    local s = doc:section("Strengths: skills I bring")
    if #strengths > 0 then s:list(strengths) else s:paragraph("None checked yet.") end
    local d = doc:section("Skills to develop")
    if #develop > 0 then d:list(develop) else d:paragraph("None: every skill is checked.") end
  end,
}
