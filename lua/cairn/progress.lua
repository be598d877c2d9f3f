-- cairn.progress: where the district stands in each planning framework (the REPL's progress(),
-- `cairn status`). For each framework, in the guidebook's order: the tools done (a final
-- worksheet), the drafts open, what comes next (the first step not done) and what is overdue in
-- the plan model. The six-step sample planning process is one tool; its steps are the sections
-- of that tool's form, done when any answer under them is given.
local text = require "cairn.text"

local progress = {}

-- The frameworks and their steps, in the guidebooks' order (chapters as the guidebooks name them).
-- A step with `answer = { key = value }` counts only the tool's worksheets with that answer: each
-- NEA chapter's "Turn Learning to Action" reflection is one turn_learning_to_action worksheet.
-- A step with `plan = { kind = K [, field = value ...] }` is also done by a plan of that kind in
-- the plan model, however it was made (the tool, a script, an import): the step's product.
progress.frameworks = {
  { name = "NEA: Prepare -> Act -> Reflect", steps = {
    { "Prepare", "Learn the Case for Collaboration", "sharing_the_case" },
    { "Prepare", "Learn the Case for Collaboration", "extending_the_invitation" },
    { "Prepare", "Learn the Case for Collaboration", "turn_learning_to_action", answer = { chapter = "learn_the_case" } },
    { "Prepare", "Identify Partners", "potential_partner_brainstorm" },
    { "Prepare", "Identify Partners", "turn_learning_to_action", answer = { chapter = "identify_partners" } },
    { "Prepare", "Discover Shared Goals", "discovering_shared_goals" },
    { "Prepare", "Discover Shared Goals", "community_outreach_guide" },
    { "Prepare", "Discover Shared Goals", "community_conversations" },
    { "Prepare", "Discover Shared Goals", "turn_learning_to_action", answer = { chapter = "discover_shared_goals" } },
    { "Prepare", "Commit to Collaborate", "guiding_principles_behaviors" },
    { "Prepare", "Commit to Collaborate", "building_strong_partnership" },
    { "Prepare", "Commit to Collaborate", "joint_letter" },
    { "Prepare", "Commit to Collaborate", "turn_learning_to_action", answer = { chapter = "commit_to_collaborate" } },
    { "Act", "Identify Collaborative Teams and Functions", "collaborative_structure_worksheet" },
    { "Act", "Identify Collaborative Teams and Functions", "standing_meeting_worksheet" },
    { "Act", "Identify Collaborative Teams and Functions", "turn_learning_to_action", answer = { chapter = "identify_collaborative_teams" } },
    { "Act", "Establish Support Resources", "overarching_goals" },
    { "Act", "Establish Support Resources", "support_resources" },
    { "Act", "Establish Support Resources", "communication_plan" },
    { "Act", "Establish Support Resources", "turn_learning_to_action", answer = { chapter = "establish_support_resources" } },
    { "Act", "Define Content for Collaboration", "opportunity_audit" },
    { "Act", "Define Content for Collaboration", "fishbone_diagram" },
    { "Act", "Define Content for Collaboration", "logic_model" },
    { "Act", "Define Content for Collaboration", "goals_objectives" },
    { "Act", "Define Content for Collaboration", "project_plan" },
    { "Act", "Define Process for Collaboration", "group_norms_activity" },
    { "Act", "Implement Collaboration", "monitoring_plan" },
    { "Reflect", "Evaluate Process and Content Outcomes", "results_analysis" },
    { "Reflect", "Evaluate Process and Content Outcomes", "lessons_learned_discussion" },
    { "Reflect", "Sustain and Expand the Effort to Collaborate", "where_are_you_going_next" },
    { "Reflect", "Sustain and Expand the Effort to Collaborate", "sustaining_collaborative_structures" },
    { "Reflect", "Sustain and Expand the Effort to Collaborate", "identifying_repeatable_processes" },
  } },
  { name = "Massachusetts: Create -> Align -> Implement", steps = {
    { "Create", "Phase checklist", "ma_create_align_implement" },
    { "Align", "District Plan, 3 years", "ma_district_plan", plan = { kind = "district_plan" } },
    { "Implement", "District Action Plan, 1 year", "ma_district_action_plan", plan = { kind = "action_plan" } },
  } },
  { name = "Sample planning process: six steps", sections_of = "sample_planning_process" },
}

local function latest(list, status)
  for _, w in ipairs(list) do if w.status == status then return w end end
end

local function with_answers(list, wanted)
  local out = {}
  for _, w in ipairs(list) do
    local ok = true
    for k, v in pairs(wanted) do
      if (w.answers or {})[k] ~= v then ok = false end
    end
    if ok then out[#out + 1] = w end
  end
  return out
end

-- The newest plan matching WANTED ({ kind = K, field = value ... }), or nil.
local function plan_for(wanted)
  local found
  for _, p in ipairs(require("cairn.plan").list { kind = wanted.kind }) do
    local ok = true
    for k, v in pairs(wanted) do
      if k ~= "kind" and (p.fields or {})[k] ~= v then ok = false end
    end
    if ok and (not found or p.id > found.id) then found = p end
  end
  return found
end

local function answered(v)
  if v == nil then return false end
  if type(v) == "string" then return v:match("%S") ~= nil end
  if type(v) == "table" then return next(v) ~= nil end
  return true
end

-- The steps of a tool whose sections are steps: { stage, chapter = section title, done }.
local function section_steps(tool_id, by_tool)
  local ok, T = pcall(require("cairn.tool").load, tool_id)
  if not ok then return {} end
  local ws = by_tool[tool_id] or {}
  local w = latest(ws, "final") or latest(ws, "draft")
  local a = w and w.answers or {}
  local steps, cur = {}, nil
  for _, el in ipairs(T.form) do
    if el.kind == "section" and cur and not cur.asks and #steps > 1 then
      cur.done = steps[#steps - 1].done -- a step asked inside the one before (a column there)
    end
    if el.kind == "section" then
      cur = { stage = el.title:match("^(Step %d+)") or el.title, chapter = el.title, tool = tool_id,
        section = true, worksheet = w and w.id, done = false }
      steps[#steps + 1] = cur
    elseif cur and el.id then
      cur.asks = true
      if answered(a[el.id]) then cur.done = w.id end
    end
  end
  return steps
end

-- Where the district stands: a list of frameworks, each { name, steps = { {stage, chapter,
-- tool, done = worksheet id or false, draft = worksheet id or nil} }, done = n, total = n,
-- next = step }, plus .overdue (plan items past due, as of OPTS.as_of).
function progress.status(opts)
  opts = opts or {}
  local tool = require "cairn.tool"
  local by_tool = {}
  for _, w in ipairs(tool.worksheets()) do
    by_tool[w.tool] = by_tool[w.tool] or {}
    table.insert(by_tool[w.tool], w)
  end
  local out = {}
  for _, f in ipairs(progress.frameworks) do
    local steps = {}
    if f.sections_of then
      steps = section_steps(f.sections_of, by_tool)
    else
      for i, s in ipairs(f.steps) do
        local ws = by_tool[s[3]] or {}
        if s.answer then ws = with_answers(ws, s.answer) end
        local final, draft = latest(ws, "final"), latest(ws, "draft")
        local p = not final and s.plan and plan_for(s.plan) or nil
        steps[i] = { stage = s[1], chapter = s[2], tool = s[3], done = final and final.id or false,
          draft = draft and draft.id or nil, plan = p and p.id or nil, plan_title = p and p.title }
        if p then steps[i].done = true end
      end
    end
    local entry = { name = f.name, steps = steps, done = 0, total = #steps }
    for _, s in ipairs(steps) do
      if s.done then entry.done = entry.done + 1 elseif not entry.next then entry.next = s end
    end
    out[#out + 1] = entry
  end
  out.overdue = require("cairn.plan").overdue { as_of = opts.as_of }
  out.as_of = opts.as_of
  return setmetatable(out, { __tostring = progress.format })
end

-- The status as text: per framework a line per stage and chapter, then what is overdue.
function progress.format(st)
  local lines = {}
  for _, f in ipairs(st) do
    lines[#lines + 1] = string.format("%s: %d of %d done", f.name, f.done, f.total)
    local last
    for _, s in ipairs(f.steps) do
      local head = s.section and ("in worksheet " .. (s.worksheet or "(none yet)") .. " of " .. s.tool)
        or (s.stage .. ": " .. s.chapter)
      if head ~= last then
        lines[#lines + 1] = "  " .. head
        last = head
      end
      local mark = s.done and "[x]" or (s.draft and "[~]" or "[ ]")
      local note = s.section and "" or s.plan and ("plan " .. s.plan .. ", " .. s.plan_title)
        or s.done and ("worksheet " .. s.done) or (s.draft and ("draft " .. s.draft .. " open") or "")
      lines[#lines + 1] = (string.format("    %s %-36s %s", mark, s.section and s.chapter or s.tool, note):gsub("%s+$", ""))
    end
    if f.next then
      lines[#lines + 1] = f.next.section and ("  next: " .. f.next.chapter)
        or string.format("  next: %s (%s)", f.next.tool, f.next.chapter)
    elseif f.total > 0 then
      lines[#lines + 1] = "  every step is done"
    end
    lines[#lines + 1] = ""
  end
  local od = st.overdue or {}
  lines[#lines + 1] = string.format("Overdue%s: %d item%s", st.as_of and (" on " .. st.as_of) or "",
    #od, #od == 1 and "" or "s")
  for i, it in ipairs(od) do
    if i > 10 then lines[#lines + 1] = string.format("  ... and %d more", #od - 10) break end
    lines[#lines + 1] = string.format("  %s  %s (%d day%s late)", it.due, text.clip(it.text, 60),
      it.days_late or 0, it.days_late == 1 and "" or "s")
  end
  return table.concat(lines, "\n")
end

return progress
