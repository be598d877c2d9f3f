-- Getting the Problem Right: Template for the 5 Whys Root-Cause Analysis (WestEd, 000).
--
-- The team states one problem, asks "why?" up to five times with evidence for each answer, then
-- records the root causes best suited to collaborative action with the three checks the
-- guidebook asks for. Root causes go into the plan model (level "root_cause"), where an action
-- plan's goals and steps link to them ("addresses") and monitoring milestones follow on.
local common = require "cairn.tools_common"

local form = common.form {
  { id = "problem", type = "text", label = "Problem Statement",
    help = "(one-sentence description of the problem)", required = true,
    -- the fishbone's top-ranked cause, offered (never forced: cairn.tool.offer)
    offer = { from = "fishbone_diagram", say = "From the fishbone of {date}, its top-ranked cause:",
      pick = function(w)
        local top
        for _, r in ipairs(w.answers.causes or {}) do
          if r.cause and r.rank and (not top or r.rank < top.rank) then top = r end
        end
        return top and top.cause
      end },
    placeholder = "Ninth-grade chronic absenteeism rose from 14% to 21% in two years." },

  { kind = "table", id = "whys", label = "5 Whys",
    help = "Why is this problem occurring? Each why asks why the answer before it is a factor "
      .. "contributing to the problem. Stop when you have exhausted contributing factors.",
    rows = { "1. Why", "2. Why", "3. Why", "4. Why", "5. Why" },
    min_rows = 1,
    columns = {
      { id = "reason", label = "Reason why problem is occurring", type = "longtext", required = true },
      { id = "evidence", label = "How do we know? Observable, data-based evidence", type = "text" },
    } },

  { kind = "section", title = "Root Cause(s)",
    help = "Once you feel you have gotten to root causes (i.e., why the problem is occurring), "
      .. "record those that you believe are best suited for district-charter collaborative action. "
      .. "Restate the data that tell you these are root causes for the problem. To validate root "
      .. "causes, ask the following: If you removed this root cause, would the problem be prevented?" },

  { kind = "table", id = "root_causes", label = "Root Cause(s)",
    min_rows = 1, row_label = "Root cause",
    columns = {
      { id = "cause", label = "Root Cause(s)", type = "longtext", required = true },
      { id = "evidence", label = "How do we know? Observable, data-based evidence", type = "text" },
      { id = "prevents", label = "If you removed this root cause, would the problem be prevented?",
        report_label = "Removing it prevents the problem", type = "yesno" },
      { id = "collaborative", label = "(a) Is collaborative effort best suited to address it?",
        report_label = "Suited to collaborative effort", type = "yesno" },
      { id = "solves", label = "(b) Would it solve the problem if addressed successfully?",
        report_label = "Would solve the problem", type = "yesno" },
    } },
}

local tool = {
  id = "five_whys",
  title = "Getting the Problem Right: Template for the 5 Whys Root-Cause Analysis",
  source = "WestEd, Fostering Collaboration Between District and Charter Schools (2019), C. Planning",
  stage = "Planning: Understanding the Problem",
  framework = "WestEd",
  summary = "Drill from a problem statement to root causes by asking why up to five times.",
  instructions = {
    "Before you begin asking \"Why,\" state the problem your collaboration is seeking to address. "
      .. "Try to be as specific as you can, given what you know and have data to support.",
    "Ask the first why. Why is this problem occurring? Search for answers that are grounded in "
      .. "facts and record the sources of information leading you to identify the reason.",
    "Building on your answer from step 2, ask the next why. Why is the answer that you identified "
      .. "in step 2 a factor contributing to the problem? Again, indicate sources of information.",
    "Building on each successive answer that you've identified, ask whys 3–5. Continue to probe "
      .. "for each factor identified as contributing to the one before. Note your sources of information.",
    "When you have exhausted contributing factors, identify those factors that (a) collaborative "
      .. "effort is best suited to address and (b) would solve the problem if addressed successfully.",
  },
  form = form,
  worksheet_title = function(a) return a.problem end,
}

function tool.check(a, c)
  local sentences = common.sentences(a.problem)
  if sentences > 1 then
    c.warn("problem", string.format("The problem statement has %d sentences: it should be a "
      .. "one-sentence description of the problem.", sentences))
  end
  -- The whys are a chain: each builds on the one before, so none may be skipped.
  local last = 0
  for i = 1, 5 do
    local row = (a.whys or {})[i]
    if common.row_filled(row) then
      if last < i - 1 then
        c.error(string.format("whys[%d]", i), string.format(
          "%d. Why builds on the answer to %d. Why, which is empty: fill the whys in order.", i, i - 1))
      end
      last = i
      if not common.filled(row.evidence) then
        c.warn(string.format("whys[%d].evidence", i), string.format("%d. Why has no evidence: how do "
          .. "we know? Record the sources of information (observable, data-based evidence).", i))
      end
    end
  end
  for _, r in ipairs(common.rows(a.root_causes)) do
    local p = string.format("root_causes[%d]", r._n)
    if not common.filled(r.evidence) then
      c.warn(p .. ".evidence", "No evidence yet: restate the data that tell you this is a root "
        .. "cause for the problem.")
    end
    if r.prevents == false then
      c.warn(p .. ".prevents", "Removing it would not prevent the problem (answered No), so it may "
        .. "not be a root cause: keep asking why.")
    end
    -- say which check was answered No, then what the guidebook asks for
    local failed = {}
    if r.collaborative == false then failed[#failed + 1] = "(a) \"is collaborative effort best suited to address it?\"" end
    if r.solves == false then failed[#failed + 1] = "(b) \"would it solve the problem if addressed successfully?\"" end
    if #failed > 0 then
      c.warn(p, string.format("%s %s answered No. Record only the factors that collaborative "
        .. "effort is best suited to address and that would solve the problem if addressed "
        .. "successfully.", table.concat(failed, " and "), #failed > 1 and "were" or "was"))
    end
  end
end

function tool.to_plan(a, ctx)
  local p = common.create_plan(ctx, {
    kind = "root_cause_analysis", title = a.problem, level = "district",
    levels = { "problem", "why", "root_cause" },
    fields = { tool = "five_whys" },
  })
  local problem = p:add { level = "problem", text = a.problem }
  local parent = problem
  for i, row in ipairs(a.whys or {}) do
    if common.row_filled(row) then
      parent = parent:add { level = "why", text = row.reason,
        fields = { evidence = row.evidence, why = i } }
    end
  end
  for _, r in ipairs(common.rows(a.root_causes)) do
    local tags = {}
    if r.prevents then tags[#tags + 1] = "validated" end
    if r.collaborative and r.solves then tags[#tags + 1] = "collaborative_action" end
    p:add { level = "root_cause", text = r.cause, tags = tags,
      fields = { evidence = r.evidence, prevents = r.prevents, collaborative = r.collaborative,
                 solves = r.solves } }
  end
  return p
end

function tool.report(w, doc)
  local a = w.answers
  doc:keyvalue { { "Problem Statement", a.problem } }
  local whys = common.element(form, "whys")
  local s = doc:section("5 Whys")
  common.form_table(s, whys, a.whys, { first = { id = "why", label = "5 Whys" } })
  local last
  for _, row in ipairs(a.whys or {}) do
    if common.row_filled(row) then last = row end
  end
  if last then
    s:paragraph("The chain ends at: " .. last.reason)
  end
  local r = doc:section("Root Cause(s)")
  r:paragraph("To validate root causes, ask the following: If you removed this root cause, "
    .. "would the problem be prevented?")
  common.form_table(r, common.element(form, "root_causes"), a.root_causes,
    { first = { id = "n", label = "#" } })
end

return tool
