-- Sample Logic Model Template (WestEd, 000).
--
-- The problem, then five left-to-right columns (inputs/resources, activities, outputs, outcomes,
-- impact) as free lists, then the enabling and constraining conditions. Outcomes are tagged
-- short-term (1-year) or long-term (3-year). The report draws the model as a logic-model diagram.
local common = require "cairn.tools_common"

local function list_column(id, header, prompt, row_label, extra)
  local columns = { { id = "item", label = header, type = "text", required = true } }
  for _, col in ipairs(extra or {}) do columns[#columns + 1] = col end
  return { kind = "table", id = id, label = header, help = prompt, min_rows = 1,
    row_label = row_label, columns = columns }
end

local terms = {
  { value = "short_term", label = "Short-term (1-year)" },
  { value = "long_term", label = "Long-term (3-year)" },
}

local form = common.form {
  { id = "problem", type = "longtext", label = "The Problem", required = true,
    help = "This is a statement of the problem we propose to address through cross-sector "
      .. "collaboration. Include data to the extent possible.",
    -- the 5 Whys' problem and root causes, offered (never forced: cairn.tool.offer)
    offer = { from = "five_whys", say = "From the 5 Whys of {date}, its problem and root causes:",
      pick = function(w)
        local causes = {}
        for _, r in ipairs(w.answers.root_causes or {}) do causes[#causes + 1] = r.cause end
        if #causes == 0 then return w.answers.problem end
        return (w.answers.problem or "") .. " Root causes: " .. table.concat(causes, "; ") .. "."
      end } },
  list_column("inputs", "INPUTS/RESOURCES",
    "In order to accomplish our set of activities, we will need the following:", "Input"),
  list_column("activities", "ACTIVITIES",
    "In order to address our problem, we will need to carry out the following activities:", "Activity"),
  list_column("outputs", "OUTPUTS",
    "Once we carry out our activities, we will have the following evidence of service delivery "
      .. "(e.g., policies, guidance, tools):", "Output"),
  list_column("outcomes", "OUTCOMES",
    "We expect that, if accomplished, we will achieve these short-term (1‑year) and long-term "
      .. "(3‑year) changes:", "Outcome",
    { { id = "term", label = "Short-term (1-year) or long-term (3-year)?", report_label = "Term",
        type = "choice", choices = terms, required = true } }),
  list_column("impact", "IMPACT",
    "We expect that if we accomplish our short- and long-term outcomes, we will see the following "
      .. "results:", "Impact"),
  { id = "enabling", type = "longtext", label = "Enabling Factors/Conditions",
    help = "(Factors that advance the work)" },
  { id = "constraining", type = "longtext", label = "Constraining Factors/Conditions",
    help = "(Potential obstacles and challenges)" },
}

local tool = {
  id = "logic_model",
  title = "Sample Logic Model Template",
  source = "WestEd, Fostering Collaboration Between District and Charter Schools (2019), C. Planning",
  stage = "Planning: Developing a Logic Model",
  framework = "WestEd",
  summary = "Map the problem, resources, activities, outputs, outcomes and impact of the work.",
  instructions = {
    "Logic models are detailed schematics of intentions that enable teams to map out the big "
      .. "picture — the what (i.e., the overarching problem or issue being addressed) and the how "
      .. "(i.e., the key steps that will lead to desired outcomes).",
    "In their logic models, teams/partners should articulate their understanding of the current "
      .. "situation, changes they hope to bring about through their program efforts, activities "
      .. "that are planned to contribute toward these changes, resources needed for the effort, "
      .. "assumptions they are making, and any external factors that could influence results.",
  },
  form = form,
  worksheet_title = function(a) return "Logic model: " .. (a.problem:match("^(.-[%.!?])%s") or a.problem) end,
}

local columns = { "inputs", "activities", "outputs", "outcomes", "impact" }

function tool.check(a, c)
  if common.filled(a.problem) and not common.has_number(a.problem) then
    c.warn("problem", "Include data to the extent possible in the statement of the problem.")
  end
  local short, long = false, false
  for _, r in ipairs(common.rows(a.outcomes)) do
    if r.term == "short_term" then short = true elseif r.term == "long_term" then long = true end
  end
  if common.filled(a.outcomes) and not (short and long) then
    c.warn("outcomes", "List both the short-term (1-year) and the long-term (3-year) changes you expect.")
  end
  if not common.filled(a.enabling) and not common.filled(a.constraining) then
    c.warn("enabling", "Name the external factors that could influence results: the enabling and "
      .. "constraining factors/conditions.")
  end
end

function tool.to_plan(a, ctx)
  local p = common.create_plan(ctx, {
    kind = "logic_model", title = a.problem, level = "district",
    levels = { "input", "activity", "output", "outcome", "impact" },
    fields = { problem = a.problem, enabling = a.enabling, constraining = a.constraining },
  })
  local level = { inputs = "input", activities = "activity", outputs = "output",
                  outcomes = "outcome", impact = "impact" }
  for _, id in ipairs(columns) do
    for _, r in ipairs(common.rows(a[id])) do
      p:add { level = level[id], text = r.item, kind = r.term }
    end
  end
  return p
end

function tool.report(w, doc)
  local a = w.answers
  doc:keyvalue { { "The Problem", a.problem } }
  local chart_columns = {}
  for _, id in ipairs(columns) do
    local e = common.element(form, id)
    local items = {}
    for _, r in ipairs(common.rows(a[id])) do
      local text = r.item
      if r.term then text = text .. " (" .. common.choice_label(e.columns[2], r.term) .. ")" end
      items[#items + 1] = text
    end
    chart_columns[#chart_columns + 1] = { label = e.label, items = items }
  end
  doc:chart { kind = "logic_model", title = "Logic model", columns = chart_columns }
  local f = doc:section("Conditions")
  f:keyvalue(common.pairs_for(form, a, { "enabling", "constraining" }))
end

return tool
