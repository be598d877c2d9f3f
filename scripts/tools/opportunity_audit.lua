-- NEA's Opportunity Audit (NEA, 002, Act: Define Content for Collaboration).
--
-- The audit is published separately from the guidebook (online only, "Opportunity Audit Guide")
-- and none of its items are in it. cairn ships it as a self-assessment whose items the district
-- loads as a survey question bank: put the guide's items in a bank CSV with instrument
-- "opportunity_audit" (docs/survey-api.md, "Question bank CSV"; a section per area, a code per
-- item) and load it:
--
--   cairn -e 'survey.save_instrument(survey.load_bank("opportunity-audit.csv"))'
--
-- Then each row of this worksheet names an item by its code (or text) and rates how accessible
-- and how effective the policy, program or budget it asks about is; items marked as priorities
-- are where the team starts. Without a loaded bank the worksheet still works with items typed
-- in, and the report says the items are unchecked.
local common = require "cairn.tools_common"

local BANK = "opportunity_audit"
local accessibility = { "Not accessible", "Partly accessible", "Accessible" }
local effectiveness = { "Not effective", "Partly effective", "Effective" }

local form = common.form {
  { id = "team", type = "text", label = "Working committee or team" },
  { id = "date", type = "date", label = "Date of the audit" },
  { kind = "table", id = "items", label = "Audit items", row_label = "Item", min_rows = 1,
    help = "For each item of the audit (its code in the question bank, or its text): how accessible "
      .. "and how effective is it for all students, and is it a priority for your team?",
    columns = {
      { id = "item", label = "Item (code or text)", report_label = "Item", type = "text", required = true },
      { id = "accessibility", label = "Accessibility", type = "scale", scale = accessibility, required = true },
      { id = "effectiveness", label = "Effectiveness", type = "scale", scale = effectiveness, required = true },
      { id = "priority", label = "A priority for our team?", report_label = "Priority", type = "yesno" },
      { id = "notes", label = "Notes", type = "text" },
    } },
}

-- The loaded question bank, or nil.
local function bank()
  local survey = require "cairn.survey"
  local okb, inst = pcall(survey.get_instrument, BANK)
  if okb and type(inst) == "table" then return inst end
  return nil
end

local function find_item(inst, ref)
  if not (inst and common.filled(ref)) then return nil end
  local want = common.norm(ref)
  for _, it in ipairs(inst.items or {}) do
    if common.norm(it.code) == want or common.norm(it.text) == want then return it end
  end
  return nil
end

local tool = {
  id = "opportunity_audit",
  title = "NEA's Opportunity Audit",
  source = "NEA, Collaborating for Student Success (2019 draft), Act: Define Content for Collaboration "
    .. "(the audit itself: myschoolmyvoice.nea.org, Opportunity-Audit-Guide.pdf)",
  stage = "Act: Define Content for Collaboration",
  framework = "NEA",
  kind = "self-assessment",
  summary = "Rate the accessibility and effectiveness of policies, programs and budgeting; items from a question bank.",
  instructions = {
    "The Opportunity Audit helps you evaluate both the accessibility and effectiveness of policies, "
      .. "programs, and budgeting that allow you to create the quality learning environment necessary "
      .. "for all students to succeed. The audit's results will help your team prioritize where it "
      .. "wants to start working to transform your school.",
    "It is aligned to the Opportunity Checklist but is much more detailed, allowing your committee "
      .. "to focus on more specific priorities and to plan projects aligned to those priorities.",
    "The audit's items are published separately by NEA, not in the guidebook: load them as a survey "
      .. "question bank with instrument id \"opportunity_audit\" "
      .. "(cairn -e 'survey.save_instrument(survey.load_bank(\"opportunity-audit.csv\"))'); each row "
      .. "of this worksheet then names an item by its code.",
  },
  form = form,
  bank_id = BANK,
  worksheet_title = function(a)
    return "Opportunity audit" .. (common.filled(a.team) and (": " .. a.team) or "")
  end,
}

function tool.check(a, c)
  local inst = bank()
  if inst then
    for _, r in ipairs(common.rows(a.items)) do
      if r.item and not find_item(inst, r.item) then
        local codes = {}
        for i, it in ipairs(inst.items) do if i <= 8 then codes[#codes + 1] = it.code end end
        c.error(string.format("items[%d].item", r._n), string.format(
          "'%s' is not an item of the question bank '%s' (codes: %s%s)", r.item, BANK,
          table.concat(codes, ", "), #inst.items > 8 and ", ..." or ""))
      end
    end
  end
  common.check_unique(c, "items", a.items, "item", function(v, first)
    return string.format("'%s' is already row %d", v, first)
  end)
end

function tool.report(w, doc)
  local a = w.answers
  local inst = bank()
  local kv = common.pairs_for(form, a, { "team", "date" })
  kv[#kv + 1] = { "Question bank", inst and string.format("%s, version %s (%d items)", inst.title or BANK,
    tostring(inst.version), #inst.items) or "not loaded: items as typed" }
  doc:keyvalue(kv)
  if not inst then
    doc:callout("note", "The Opportunity Audit's items are published separately by NEA. Load them as "
      .. "a question bank (instrument \"opportunity_audit\") to check each item and show its text.")
  end
  local order, by = {}, {}
  local assessed = {}
  for _, r in ipairs(common.rows(a.items)) do
    local it = find_item(inst, r.item)
    local section = it and it.section or "Items"
    if not by[section] then by[section] = {}; order[#order + 1] = section end
    if it then assessed[it.code] = true end
    table.insert(by[section], { item = it and (it.code .. " " .. it.text) or r.item,
      accessibility = accessibility[r.accessibility], effectiveness = effectiveness[r.effectiveness],
      priority = r.priority and "Yes" or "", notes = r.notes })
  end
  local cols = { { id = "item", label = "Item" }, { id = "accessibility", label = "Accessibility" },
    { id = "effectiveness", label = "Effectiveness" }, { id = "priority", label = "Priority" },
    { id = "notes", label = "Notes" } }
  for _, s in ipairs(order) do doc:section(s):table { columns = cols, rows = by[s] } end
  local pri = {}
  for _, r in ipairs(common.rows(a.items)) do
    if r.priority then
      local it = find_item(inst, r.item)
      pri[#pri + 1] = string.format("%s (%s, %s)", it and it.text or r.item,
        accessibility[r.accessibility]:lower(), effectiveness[r.effectiveness]:lower())
    end
  end
  local ps = doc:section("Where we start")
  if #pri > 0 then ps:list(pri) else ps:paragraph("No item is marked as a priority yet.") end
  if inst then
    local left = 0
    for _, it in ipairs(inst.items) do if not assessed[it.code] then left = left + 1 end end
    if left > 0 then ps:paragraph(string.format("%d of the bank's %d items not assessed yet.", left, #inst.items)) end
  end
end

return tool
