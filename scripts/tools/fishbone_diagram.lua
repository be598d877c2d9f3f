-- Root Cause Analysis: Fishbone Diagram (NEA, 002, Act: Define Content for Collaboration).
--
-- The issue at the head of the fish, the brainstormed causes on the bones ranked 1..n (1 = the
-- biggest driver), then the 5 Whys drilled into the ranked causes, starting with #1. Following the
-- Pareto principle, the selected root cause is the last Why? of the highest-ranked cause the
-- group is capable of addressing with realistic and attainable methods. It goes into the plan
-- model as a root cause (tagged pareto_focus) that goals and action steps can address.
--
-- "If you identify more than one answer to the why questions, add additional fishbones": a drill
-- with `branch_from = k` is such a branch. Its first why is another answer to why k of the same
-- cause's main drill, and it goes on with its own whys (and its own two checks). Worksheets from
-- before branches, with the other answers as text in `alternatives`, still read.
local common = require "cairn.tools_common"

local drill_form = common.form {
  { id = "rank", type = "number", label = "Which cause are you drilling into (its rank)?",
    report_label = "Cause rank", required = true, min = 1 },
  { id = "branch_from", type = "number", min = 1, max = 5, report_label = "Branch from why",
    label = "Alternative branch: which why of this cause's main drill does it answer differently? (empty for the main drill)",
    help = "If you identify more than one answer to the \"why\" questions, add additional fishbones "
      .. "on the right side of the spine to explore alternative root causes: its first why is the "
      .. "other answer, and you keep asking why from there." },
  { kind = "table", id = "whys", label = "5 Whys",
    help = "For each identified cause, ask why it's happening, and then ask why that sub-cause is "
      .. "happening, and so on, until you've asked and answered Why? five times.",
    rows = { "1. Why?", "2. Why?", "3. Why?", "4. Why?", "5. Why?" }, min_rows = 1,
    columns = {
      { id = "answer", label = "Why?", report_label = "Answer", type = "text", required = true },
      { id = "alternatives", label = "Other answers to this why (note them; a branch drills one further)",
        report_label = "Alternative answers", type = "text",
        help = "If you identify more than one answer to the \"why\" questions, add additional "
          .. "fishbones on the right side of the spine to explore alternative root causes: add a "
          .. "drill for the same cause with \"branch from\" this why." },
    } },
  { id = "capable", type = "yesno", required = true,
    label = "Is this root cause something your working group is capable of addressing?" },
  { id = "realistic", type = "yesno", required = true,
    label = "Are there realistic and attainable methods to try to solve it?" },
}

local form = common.form {
  { id = "issue", type = "text", label = "Issue", required = true,
    help = "Write the issue you want to investigate at the head of the fish." },
  { kind = "table", id = "causes", label = "Contributing causes (the fishbones)", min_rows = 2,
    row_label = "Cause",
    help = "As a group, evaluate the causes by asking \"if we fixed THIS, how many other things "
      .. "would fall into place?\" Then rank each cause, with 1 being the biggest driver or most "
      .. "significant cause, 2 being next most significant, etc.",
    columns = {
      { id = "cause", label = "Cause", type = "text", required = true },
      { id = "rank", label = "Rank (1 = biggest driver)", report_label = "Rank", type = "number",
        required = true, min = 1 },
    } },
  { kind = "group", id = "drills", label = "5 Whys for a cause", min = 1,
    help = "Beginning with your number one cause, use the 5 Whys method to help you drill further "
      .. "down into the root causes. Concentrate on the last Why? of your #1 cause. If not, move "
      .. "on to your #2 cause.",
    form = drill_form },
}

local tool = {
  id = "fishbone_diagram",
  title = "Root Cause Analysis: Fishbone Diagram",
  source = "NEA, Collaborating for Student Success (2019 draft), Act: Define Content for Collaboration",
  stage = "Act: Define Content for Collaboration",
  framework = "NEA",
  summary = "Rank the causes of an issue, drill the biggest with 5 Whys, and pick the root cause to address.",
  instructions = {
    "Write the issue you want to investigate at the head of the fish. Brainstorm the contributing "
      .. "causes and write a cause at the end of each \"fishbone.\" As a group, evaluate the causes "
      .. "by asking \"if we fixed THIS, how many other things would fall into place?\" Then rank "
      .. "each cause, with 1 being the biggest driver or most significant cause, 2 being next most "
      .. "significant, etc. Write the ranking in the associated circle.",
    "Beginning with your number one cause, use the 5 Whys method to help you drill further down "
      .. "into the root causes. This method is simple, but powerful. For each identified cause, ask "
      .. "why it's happening, and then ask why that sub-cause is happening, and so on, until you've "
      .. "asked and answered Why? five times.",
    "If you identify more than one answer to the \"why\" questions, add additional fishbones on "
      .. "the right side of the spine to explore alternative root causes. This is a good way to "
      .. "capture different answers to \"why\" that are equally valuable or correct.",
    "The Pareto principle states that for many occurrences, 80% of the results come from 20% of "
      .. "the causes. By concentrating on the root of your most significant cause, you'll maximize "
      .. "the impact of any changes you make. Concentrate on the last Why? of your #1 cause. Is this "
      .. "root cause something your working group is capable of addressing? Are there realistic and "
      .. "attainable methods to try to solve it? If not, move on to your #2 cause.",
  },
  form = form,
  worksheet_title = function(a) return "Fishbone: " .. a.issue end,
}

-- The filled whys of a drill, in order.
local function chain(d)
  local out = {}
  for _, w in ipairs(d.whys or {}) do
    if common.row_filled(w) then out[#out + 1] = w end
  end
  return out
end

-- Main drills by cause rank (the first drill of a rank that is not a branch), the branches of
-- each rank, and the selected drill: in rank order, the main drill then its branches, the first
-- that passes both checks.
local function selection(a)
  local by_rank, branches, ranks = {}, {}, {}
  for _, d in ipairs(a.drills or {}) do
    if d.rank and d.branch_from then
      branches[d.rank] = branches[d.rank] or {}
      table.insert(branches[d.rank], d)
    elseif d.rank and not by_rank[d.rank] then
      by_rank[d.rank] = d
      ranks[#ranks + 1] = d.rank
    end
  end
  table.sort(ranks)
  for _, r in ipairs(ranks) do
    local candidates = { by_rank[r] }
    for _, b in ipairs(branches[r] or {}) do candidates[#candidates + 1] = b end
    for _, d in ipairs(candidates) do
      if d.capable and d.realistic and #chain(d) > 0 then return d, by_rank, branches end
    end
  end
  return nil, by_rank, branches
end

local function cause_of_rank(a, rank)
  for _, c in ipairs(a.causes or {}) do
    if c.rank == rank then return c end
  end
end

function tool.check(a, c)
  local causes = common.rows(a.causes)
  common.check_ranks(c, "causes", causes, "rank", {
    range = function(n) return string.format("rank each cause from 1 to %d (1 being the biggest driver)", n) end,
    twice = function(v, first) return string.format("rank %d is already given to cause %d: each cause gets its own rank", v, first) end,
    missing = function(list) return "no cause is ranked " .. common.join(list, " or ") end,
  })
  for i, d in ipairs(a.drills or {}) do
    local p = string.format("drills[%d]", i)
    if d.rank and not cause_of_rank(a, d.rank) then
      c.error(p .. ".rank", string.format("no cause is ranked %s (ranks go from 1 to %d)", tostring(d.rank), #causes))
    end
    local whys = d.whys or {}
    local last = 0
    for j = 1, 5 do
      if common.row_filled(whys[j]) then
        if last < j - 1 then
          c.error(string.format("%s.whys[%d]", p, j), string.format(
            "%d. Why? asks why the answer to %d. Why? is happening, which is empty: fill the whys in order.", j, j - 1))
        end
        last = j
      end
    end
    local asked = last + (d.branch_from and d.branch_from - 1 or 0)   -- a branch starts at why k
    if last > 0 and asked < 5 then
      c.warn(p .. ".whys", string.format("Only %d of 5 whys answered so far: keep asking why until "
        .. "you've asked and answered Why? five times.", asked))
    elseif asked > 5 then
      c.warn(p .. ".whys", string.format("A branch from why %d has %d more whys to ask, not %d.",
        d.branch_from, 6 - d.branch_from, last))
    end
    if d.branch_from and d.rank then
      local main
      for k = 1, i - 1 do
        local m = a.drills[k]
        if m.rank == d.rank and not m.branch_from then main = m; break end
      end
      if not main then
        c.error(p .. ".branch_from", string.format("a branch answers a why of cause #%s's main drill "
          .. "differently: drill that cause first (a drill before this one without \"branch from\")",
          tostring(math.tointeger(d.rank) or d.rank)))
      elseif d.branch_from > #chain(main) then
        c.error(p .. ".branch_from", string.format("cause #%s's main drill has %d whys, no why %d",
          tostring(math.tointeger(d.rank) or d.rank), #chain(main), d.branch_from))
      end
    end
  end
  local first = (a.drills or {})[1]
  if first and first.rank and first.rank ~= 1 then
    c.warn("drills[1].rank", string.format("The first drill is cause #%s, not #1: beginning with "
      .. "your number one cause, use the 5 Whys method.", tostring(math.tointeger(first.rank) or first.rank)))
  end
  local selected, by_rank = selection(a)
  if not selected and #(a.drills or {}) > 0 then
    local next_rank = 1
    while by_rank[next_rank] do next_rank = next_rank + 1 end
    if cause_of_rank(a, next_rank) then
      c.warn("drills", string.format("No root cause drilled so far is one your working group is "
        .. "capable of addressing with realistic and attainable methods: move on to your #%d cause.", next_rank))
    else
      c.warn("drills", "No root cause drilled is one your working group is capable of addressing "
        .. "with realistic and attainable methods.")
    end
  end
end

function tool.to_plan(a, ctx)
  local p = common.create_plan(ctx, {
    kind = "root_cause_analysis", title = a.issue, level = "committee",
    levels = { "issue", "cause", "why", "root_cause" },
    fields = { tool = "fishbone_diagram" },
  })
  local head = p:add { level = "issue", text = a.issue }
  local selected = selection(a)
  local causes = common.rows(a.causes)
  table.sort(causes, function(x, y) return (x.rank or 99) < (y.rank or 99) end)
  local _, main, branches = selection(a)
  for _, cause in ipairs(causes) do
    local bone = head:add { level = "cause", text = cause.cause, fields = { rank = cause.rank } }
    local d = main[cause.rank]
    if d then
      local nodes, parent = { [0] = bone }, bone
      for j, w in ipairs(chain(d)) do
        parent = parent:add { level = "why", text = w.answer,
          fields = { why = j, alternatives = w.alternatives } }
        nodes[j] = parent
      end
      -- a branch hangs beside the why it answers differently: under the why before it
      for _, b in ipairs(branches[cause.rank] or {}) do
        local at = nodes[b.branch_from - 1]
        if at then
          for j, w in ipairs(chain(b)) do
            at = at:add { level = "why", text = w.answer, tags = { "branch" },
              fields = { why = b.branch_from + j - 1, alternatives = w.alternatives } }
          end
        end
      end
    end
  end
  if selected then
    local whys = chain(selected)
    p:add { level = "root_cause", text = whys[#whys].answer, tags = { "pareto_focus" },
      fields = { cause_rank = selected.rank, cause = (cause_of_rank(a, selected.rank) or {}).cause,
                 capable = selected.capable, realistic = selected.realistic } }
  end
  return p
end

function tool.report(w, doc)
  local a = w.answers
  -- The Pareto focus is the selected drill's cause: #1 unless the group cannot address its
  -- root, then #2 and so on (the guidebook: "If not, move on to your #2 cause"). The chart
  -- highlights that bone, so the chart and the callout below always name the same cause.
  local selected = selection(a)
  local causes = common.rows(a.causes)
  table.sort(causes, function(x, y) return (x.rank or 99) < (y.rank or 99) end)
  local data = {}
  for _, cause in ipairs(causes) do
    local sub = {}
    for _, d in ipairs(a.drills or {}) do
      if d.rank == cause.rank then
        for j, wy in ipairs(chain(d)) do
          if d.branch_from and j == 1 then
            sub[#sub + 1] = string.format("(branch from why %d) %s", d.branch_from, wy.answer)
          else
            sub[#sub + 1] = wy.answer
          end
          if common.filled(wy.alternatives) then sub[#sub + 1] = "(also) " .. wy.alternatives end
        end
      end
    end
    data[#data + 1] = { category = cause.cause, causes = sub, rank = math.tointeger(cause.rank),
      focus = selected ~= nil and cause.rank == selected.rank }
  end
  doc:chart { kind = "fishbone", title = "Fishbone: " .. a.issue, problem = a.issue, data = data }

  if selected then
    local whys = chain(selected)
    doc:callout("note", string.format("%s (the last Why? of %scause #%d, %s).", whys[#whys].answer,
      selected.branch_from and string.format("the branch from why %d of ", selected.branch_from) or "",
      math.tointeger(selected.rank) or selected.rank, (cause_of_rank(a, selected.rank) or {}).cause or "?"),
      { title = "Root cause to address (Pareto focus)" })
  else
    doc:callout("warning", "No drilled cause passed both checks yet: move on to the next-ranked cause.",
      { title = "No root cause selected" })
  end

  local whys_el = common.element(drill_form, "whys")
  for _, d in ipairs(a.drills or {}) do
    local cause = cause_of_rank(a, d.rank)
    local s = doc:section(string.format("%s cause #%s: %s",
      d.branch_from and string.format("Alternative branch from why %d of", d.branch_from) or "5 Whys for",
      tostring(math.tointeger(d.rank) or d.rank), cause and cause.cause or "?"))
    if d.branch_from then
      -- a branch's whys carry on from why k: number them as the main drill's
      local rows = {}
      for j, wy in ipairs(chain(d)) do
        rows[#rows + 1] = { why = string.format("%d. Why?", d.branch_from + j - 1), answer = wy.answer,
          alternatives = wy.alternatives }
      end
      s:table { columns = { { id = "why", label = "Why?" }, { id = "answer", label = "Answer" },
        { id = "alternatives", label = "Alternative answers" } }, rows = rows }
    else
      common.form_table(s, whys_el, d.whys, { first = { id = "why", label = "Why?" } })
    end
    s:checklist {
      { text = "Our working group is capable of addressing this root cause", checked = d.capable == true },
      { text = "There are realistic and attainable methods to try to solve it", checked = d.realistic == true },
    }
  end
end

return tool
