-- SFSS Action Planning Template, Section 1: Challenges/Problems, Root Causes, and Proposed
-- Systems and Strategies (Systems for Student Success, 004).
--
-- 2-4 high-priority challenges, each with its supporting data and target outcomes, root causes
-- A-D, and up to four systems/strategies with their key implementation steps (by when, by who)
-- and their connection to the Five SFSS Priorities. The plan model gets one SFSS plan for the
-- district (Section 2, sfss_four_rs, adds to it): challenge -> root causes and strategies ->
-- implementation steps, each root cause linked to the strategies that address it.
local common = require "cairn.tools_common"

local priorities = {
  "Strong Climate & Culture",
  "Engaging Instruction for Academics & SEL",
  "Proactive Student-Specific Support System",
  "Systematic Parent & Family Engagement",
  "Strategic Partnerships & Coalitions",
}
local letters = { "A", "B", "C", "D" }

local strategy_form = {
  { id = "strategy", type = "longtext", label = "System / Strategy Description", required = true,
    help = "How will your proposed strategies address systemic changes needed at the school and/or "
      .. "district level? Are your proposed strategies fundamentally changing or improving how the "
      .. "school or district currently addresses the challenge you identified? How are they more than "
      .. "\"pool house\" strategies?" },
  { id = "root_causes", type = "multichoice", label = "Root causes it addresses",
    choices = { "A", "B", "C", "D" } },
  { kind = "table", id = "steps", label = "Key Implementation Steps", min_rows = 1, max_rows = 4,
    row_label = "Step",
    help = "For each system improvement/strategy, identify the steps or key activities your team "
      .. "will need to take for implementation, by when and by whom.",
    columns = {
      { id = "step", label = "Key Implementation Step", type = "text", required = true },
      { id = "when", label = "By When?", type = "date" },
      { id = "who", label = "By Who?", type = "person" },
    } },
  { id = "priorities", type = "multichoice", label = "Five SFSS Priorities Connection", choices = priorities },
}

local form = common.form {
  { id = "district", type = "text", label = "District Name", required = true },
  { kind = "group", id = "challenges", label = "Challenge/Problem", min = 2, max = 4,
    help = "As a team, identify 2-4 high priority challenges/problems which emerged from your "
      .. "student experience data and SFSS Five Priorities analysis.",
    form = {
      { id = "description", type = "longtext", label = "Description of Challenge/Problem", required = true },
      { id = "data", type = "longtext", label = "Supporting Data and Evidence", required = true,
        help = "How do you know this is a challenge? What data tells you this is an issue?" },
      { id = "outcomes", type = "longtext", label = "Target Outcomes",
        help = "What outcomes do you want instead? What would it look like if you addressed this "
          .. "challenge in a systematic way? What systems would change and what would be the positive "
          .. "impact for students?" },
      { kind = "table", id = "root_causes", label = "Root Causes Contributing to Challenge",
        rows = { "Root Cause A", "Root Cause B", "Root Cause C", "Root Cause D" }, min_rows = 1,
        help = "What are the deeper, underlying reasons for why the challenge emerged? What are the "
          .. "systems (or lack of systems) that allow for this challenge to develop, grow and continue unaddressed?",
        columns = { { id = "cause", label = "Root cause", type = "longtext", required = true } } },
      { kind = "group", id = "strategies", label = "System / Strategy", min = 1, max = 4,
        help = "For each challenge, determine the necessary systems and strategies you could improve "
          .. "or adopt to address the root causes.",
        form = strategy_form },
    } },
}

local tool = {
  id = "sfss_action_plan",
  title = "SFSS Action Planning Template, Section 1: Challenges/Problems, Root Causes, and Proposed Systems and Strategies",
  source = "Systems for Student Success Initiative: Action Planning Template",
  stage = "Section 1",
  framework = "SFSS",
  summary = "2-4 challenges with data, root causes A-D, and system strategies with steps and SFSS priorities.",
  instructions = {
    "Challenge / Problem: As a team, identify 2-4 high priority challenges/problems which emerged "
      .. "from your student experience data and SFSS Five Priorities analysis. As you articulate the "
      .. "challenge(s), be sure to address: How do you know this is a challenge? What data tells you "
      .. "this is an issue? What outcomes do you want instead?",
    "Root Causes: Next, as a team, consider the root cause or causes contributing to each "
      .. "challenge/problem you identified.",
    "Systems and Strategies: For each challenge, determine the necessary systems and strategies you "
      .. "could improve or adopt to address the root causes.",
    "Implementation Steps: For each system improvement/strategy, identify the steps or key "
      .. "activities your team will need to take for implementation, by when and by whom.",
  },
  form = form,
  worksheet_title = function(a) return "SFSS Action Plan, Section 1: " .. a.district end,
}

function tool.check(a, c)
  for ci, ch in ipairs(a.challenges or {}) do
    local cp = string.format("challenges[%d]", ci)
    if common.filled(ch.data) and not common.has_number(ch.data) then
      c.warn(cp .. ".data", "What data tells you this is an issue? The evidence cites no number.")
    end
    if not common.filled(ch.outcomes) then
      c.warn(cp .. ".outcomes", "What outcomes do you want instead?")
    end
    for si, st in ipairs(ch.strategies or {}) do
      local sp = string.format("%s.strategies[%d]", cp, si)
      if not st.priorities or #st.priorities == 0 then
        c.warn(sp .. ".priorities", "Connect the strategy to at least one of the Five SFSS Priorities.")
      end
      if not st.root_causes or #st.root_causes == 0 then
        c.warn(sp .. ".root_causes", "Which root causes does this strategy address?")
      end
      for _, l in ipairs(st.root_causes or {}) do
        local i = l:byte() - 64
        if not common.row_filled((ch.root_causes or {})[i]) then
          c.error(sp .. ".root_causes", string.format("Root Cause %s of challenge %d is empty", l, ci))
        end
      end
      for _, s in ipairs(common.rows(st.steps)) do
        local p = string.format("%s.steps[%d]", sp, s._n)
        if not common.filled(s.when) then c.warn(p .. ".when", "By when?") end
        if not common.filled(s.who) then c.warn(p .. ".who", "By who?") end
      end
    end
  end
end

-- The district's SFSS plan: the one Section 2 (sfss_four_rs) adds its Four R's to.
function tool.to_plan(a, ctx)
  local p = common.create_plan(ctx, {
    kind = "sfss_plan", level = "district", title = "SFSS Action Plan: " .. a.district,
    levels = { "challenge", "root_cause", "strategy", "implementation_step" },
    fields = { district = a.district },
  })
  for _, ch in ipairs(a.challenges or {}) do
    local chi = p:add { level = "challenge", text = ch.description,
      fields = { data = ch.data, target_outcomes = ch.outcomes } }
    local causes = {}
    for i, r in ipairs(ch.root_causes or {}) do
      if common.row_filled(r) then
        causes[letters[i]] = chi:add { level = "root_cause", text = r.cause, fields = { letter = letters[i] } }
      end
    end
    for _, st in ipairs(ch.strategies or {}) do
      local sti = chi:add { level = "strategy", text = st.strategy, tags = st.priorities }
      for _, l in ipairs(st.root_causes or {}) do common.link(ctx, causes[l], sti, "addresses") end
      for _, s in ipairs(common.rows(st.steps)) do
        sti:add { level = "implementation_step", text = s.step, owner = s.who, due = s.when }
      end
    end
  end
  return p
end

function tool.report(w, doc)
  local a = w.answers
  doc:keyvalue { { "District Name", a.district } }
  local matrix = {}
  for ci, ch in ipairs(a.challenges or {}) do
    local s = doc:section(string.format("Challenge/Problem #%d", ci))
    s:keyvalue {
      { "Description of Challenge/Problem", ch.description },
      { "Supporting Data and Evidence", ch.data },
      { "Target Outcomes", ch.outcomes },
    }
    local rc = {}
    for i, r in ipairs(ch.root_causes or {}) do
      if common.row_filled(r) then rc[#rc + 1] = { "Root Cause " .. letters[i], r.cause } end
    end
    s:keyvalue(rc, { caption = string.format("Root Causes Contributing to Challenge #%d", ci) })
    local rows = {}
    for si, st in ipairs(ch.strategies or {}) do
      local steps = {}
      for _, x in ipairs(common.rows(st.steps)) do
        steps[#steps + 1] = { step = x.step, when = x.when, who = x.who }
      end
      for k, x in ipairs(steps) do
        rows[#rows + 1] = {
          strategy = k == 1 and string.format("%d. %s", si, st.strategy) or "",
          causes = k == 1 and table.concat(st.root_causes or {}, ", ") or "",
          step = x.step, when = x.when, who = x.who,
          priorities = k == 1 and table.concat(st.priorities or {}, "; ") or "" }
      end
      local m = { strategy = string.format("#%d.%d %s", ci, si, st.strategy) }
      local have = {}
      for _, pr in ipairs(st.priorities or {}) do have[pr] = true end
      for pi, pr in ipairs(priorities) do m["p" .. pi] = have[pr] and "✓" or "" end
      matrix[#matrix + 1] = m
    end
    s:table { caption = string.format("Systems and Strategies to Address Root Causes of Challenge #%d and Implementation Steps", ci),
      columns = { { id = "strategy", label = "System / Strategy Description" },
                  { id = "causes", label = "Root causes" },
                  { id = "step", label = "Key Implementation Steps" },
                  { id = "when", label = "By When?", format = "date" },
                  { id = "who", label = "By Who?" },
                  { id = "priorities", label = "Five SFSS Priorities Connection" } },
      rows = rows }
  end
  local s = doc:section("Five SFSS Priorities: coverage")
  local cols = { { id = "strategy", label = "Strategy" } }
  local counts = {}
  for pi, pr in ipairs(priorities) do
    cols[#cols + 1] = { id = "p" .. pi, label = pr, align = "center" }
    local n = 0
    for _, m in ipairs(matrix) do if m["p" .. pi] ~= "" then n = n + 1 end end
    counts[#counts + 1] = { label = pr, value = n }
  end
  s:table { caption = "Strategies by SFSS priority", columns = cols, rows = matrix }
  s:chart { kind = "bar", title = "Strategies connected to each SFSS priority", data = counts }
end

return tool
