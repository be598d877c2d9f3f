-- Discovering Shared Goals Planning Template (NEA, 002, Prepare: Discover Shared Goals).
--
-- The issues stakeholders care about, the data that test whether each is a real need, and a
-- ranking of what to work on first (1 = first) with the reason, using the five priority
-- considerations. Ranked issues go into the plan model (level "issue") so a fishbone diagram or
-- the overarching goals can start from the top one.
local common = require "cairn.tools_common"

local considerations = {
  "What is the level of effort needed to complete the task?",
  "How important is the issue to stakeholders in your school and/or district?",
  "What impacts does the issue have on students?",
  "Who is willing to participate in addressing the issue?",
  "How much time do you have to work on the issue?",
}

local form = common.form {
  { kind = "section", title = "Priority considerations",
    help = table.concat(considerations, " ") },
  { kind = "table", id = "issues", label = "Issues", min_rows = 1, row_label = "Issue",
    help = "Make a list of the issues the stakeholders in your system care about. (For example: "
      .. "literacy retention, collaborative climate, etc.)",
    columns = {
      { id = "issue", label = "Issue", type = "text", required = true },
      { id = "data", label = "Data", type = "longtext",
        help = "What data are available to help test your assumptions and help you know whether "
          .. "these are real needs in your system?" },
      { id = "rank", label = "Where does this rank?", report_label = "Rank", type = "number",
        required = true, min = 1 },
      { id = "why", label = "... and why?", report_label = "Why", type = "longtext",
        help = "Rank the issues you listed, based on the priority considerations (as well as other "
          .. "considerations you deem important for your context)." },
    } },
  { id = "other_considerations", type = "longtext",
    label = "Other considerations you deem important for your context" },
}

local tool = {
  id = "discovering_shared_goals",
  title = "Discovering Shared Goals Planning Template",
  source = "NEA, Collaborating for Student Success (2019 draft), Prepare: Discover Shared Goals",
  stage = "Prepare: Discover Shared Goals",
  framework = "NEA",
  summary = "List the issues stakeholders care about, the data on each, and rank what to work on first.",
  instructions = {
    "This tool helps identify areas of interest for you and your partners to address "
      .. "collaboratively. Review the items below and answer them with your partners as a group.",
    "Make a list of the issues the stakeholders in your system care about. (For example: literacy "
      .. "retention, collaborative climate, etc.)",
    "What data are available to help test your assumptions and help you know whether these are "
      .. "real needs in your system? For each issue you listed, add the data that may already exist "
      .. "to help you better understand it.",
    "How do we figure out what to work on first? Rank the issues you listed, based on the "
      .. "considerations below (as well as other considerations you deem important for your context).",
  },
  form = form,
  worksheet_title = function(a)
    for _, r in ipairs(a.issues or {}) do
      if r.rank == 1 then return "Shared goals: " .. r.issue .. " first" end
    end
  end,
}

function tool.check(a, c)
  local rows = common.rows(a.issues)
  common.check_ranks(c, "issues", rows, "rank", {
    range = function(n) return string.format("rank the issues from 1 to %d (1 = work on first)", n) end,
    twice = function(v, first) return string.format("rank %d is already given to issue %d: each issue gets its own rank", v, first) end,
    missing = function(list) return "no issue is ranked " .. common.join(list, " or ") end,
  })
  for _, r in ipairs(rows) do
    local p = string.format("issues[%d]", r._n)
    if not common.filled(r.data) then
      c.warn(p .. ".data", "What data are available to help test your assumptions and help you know "
        .. "whether this is a real need in your system?")
    end
    if not common.filled(r.why) then
      c.warn(p .. ".why", "Where does this rank and why? Give the reason for the rank.")
    end
  end
end

local function ranked(a)
  local rows = common.rows(a.issues)
  table.sort(rows, function(x, y) return (x.rank or 1e9) < (y.rank or 1e9) end)
  return rows
end

function tool.to_plan(a, ctx)
  local rows = ranked(a)
  local p = common.create_plan(ctx, {
    kind = "shared_goals", level = "district",
    title = "Shared goals: " .. (rows[1] and rows[1].issue or "issues"),
    levels = { "issue" },
  })
  for _, r in ipairs(rows) do
    p:add { level = "issue", text = r.issue, tags = r.rank == 1 and { "first" } or nil,
      fields = { data = r.data, rank = r.rank, why = r.why } }
  end
  return p
end

function tool.report(w, doc)
  local a = w.answers
  local rows = ranked(a)
  if rows[1] then
    doc:callout("note", rows[1].issue .. (common.filled(rows[1].why) and (": " .. rows[1].why) or ""),
      { title = "Work on first" })
  end
  local issues = common.element(form, "issues")
  local cols = common.columns(issues, nil, { "rank", "issue", "data", "why" })
  local out = {}
  for _, r in ipairs(rows) do
    out[#out + 1] = { rank = r.rank, issue = r.issue, data = r.data, why = r.why }
  end
  doc:table { caption = "Issues, ranked", columns = cols, rows = out }
  local s = doc:section("Priority considerations")
  s:list(considerations)
  if common.filled(a.other_considerations) then s:paragraph(a.other_considerations) end
end

return tool
