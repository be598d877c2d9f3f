-- Sustaining Collaborative Structures (NEA, 002, Reflect: Sustain and Expand the Effort to
-- Collaborate).
--
-- For each structure the partnership built (teams, committees, meetings) the guidebook's flow:
-- IS THE STRUCTURE SUSTAINABLE? If yes: changes needed to maximize for impact, and how you can
-- scale and/or spread it. If no: can you make changes so that it is sustainable, and which.
-- Then the new structures to establish, which go into a plan as steps with owners and dates.
-- (The printed flow is garbled; this branch assignment is the catalogue's reading of it.)
local common = require "cairn.tools_common"

local form = common.form {
  { kind = "table", id = "structures", label = "Structures", row_label = "Structure", min_rows = 1,
    help = "Consider the structures you've built to support your collaborative efforts. A structure "
      .. "can be anything formally created to encourage collaboration to occur (example: teams, "
      .. "committees, meetings).",
    columns = {
      { id = "structure", label = "Structure", type = "text", required = true },
      { id = "sustainable", label = "IS THE STRUCTURE SUSTAINABLE?", report_label = "Sustainable?",
        type = "yesno", required = true },
      { id = "impact", label = "If yes: CHANGES NEEDED TO MAXIMIZE FOR IMPACT?", report_label = "Changes to maximize impact",
        type = "text" },
      { id = "spread", label = "If yes: HOW CAN YOU SCALE AND/OR SPREAD THIS?", report_label = "Scale and/or spread",
        type = "text" },
      { id = "can_change", label = "If no: CAN YOU MAKE CHANGES SO THAT IT IS SUSTAINABLE?",
        report_label = "Can it be made sustainable?", type = "yesno" },
      { id = "changes", label = "If so: which changes?", report_label = "Changes to make it sustainable", type = "text" },
    } },
  { kind = "table", id = "new_structures", label = "LIST NEW STRUCTURES TO ESTABLISH", row_label = "New structure",
    columns = {
      { id = "structure", label = "New structure", type = "text", required = true },
      { id = "purpose", label = "Purpose", type = "text" },
      { id = "owner", label = "Who", type = "person" },
      { id = "by", label = "By when", type = "date" },
    } },
}

local tool = {
  id = "sustaining_collaborative_structures",
  title = "Sustaining Collaborative Structures",
  source = "NEA, Collaborating for Student Success (2019 draft), Reflect: Sustain and Expand the Effort to Collaborate",
  stage = "Reflect: Sustain and Expand the Effort to Collaborate",
  framework = "NEA",
  summary = "Is each structure sustainable? Changes, scaling and spreading; the new structures to establish.",
  instructions = {
    "This tool helps you evaluate your existing structures and begin to think about additional "
      .. "structures you would like to establish to sustain your work.",
    "Consider codifying structures in contract language, district/school charters or agreements, "
      .. "establishing standing meetings with paired leaders co-chairing committees, and including "
      .. "parents and the local community.",
  },
  form = form,
  worksheet_title = function() return "Sustaining collaborative structures" end,
}

function tool.check(a, c)
  for _, r in ipairs(common.rows(a.structures)) do
    local p = string.format("structures[%d]", r._n)
    if r.sustainable == true then
      if r.can_change ~= nil or common.filled(r.changes) then
        c.error(p .. ".can_change", "only for a structure that is not sustainable (this one is: answer "
          .. "the changes to maximize for impact and how to scale and/or spread it)")
      end
      if not common.filled(r.spread) then c.warn(p .. ".spread", "How can you scale and/or spread this?") end
    elseif r.sustainable == false then
      if common.filled(r.impact) or common.filled(r.spread) then
        c.error(p .. ".impact", "only for a sustainable structure (this one is not: can you make changes "
          .. "so that it is sustainable?)")
      end
      if r.can_change == nil then
        c.error(p .. ".can_change", "required: the structure is not sustainable; can you make changes so that it is?")
      elseif r.can_change and not common.filled(r.changes) then
        c.error(p .. ".changes", "required: which changes would make it sustainable?")
      end
    end
  end
end

function tool.to_plan(a, ctx)
  local rows = common.rows(a.new_structures)
  local changes = {}
  for _, r in ipairs(common.rows(a.structures)) do
    if r.sustainable == false and r.can_change then changes[#changes + 1] = r end
  end
  if #rows == 0 and #changes == 0 then return nil end
  local p = common.create_plan(ctx, { kind = "sustaining_structures", title = "Sustaining collaborative structures",
    level = "district", levels = { "action_step" } })
  for _, r in ipairs(changes) do
    p:add { level = "action_step", text = "Make " .. r.structure .. " sustainable: " .. r.changes,
      key = "change:" .. common.norm(r.structure) }
  end
  for _, r in ipairs(rows) do
    p:add { level = "action_step", text = "Establish " .. r.structure, key = "new:" .. common.norm(r.structure),
      owner = r.owner, due = r.by, fields = { purpose = r.purpose } }
  end
  return p
end

function tool.report(w, doc)
  local a = w.answers
  local el = common.element(form, "structures")
  local keep, fix, stop = {}, {}, {}
  for _, r in ipairs(common.rows(a.structures)) do
    if r.sustainable then keep[#keep + 1] = r elseif r.can_change then fix[#fix + 1] = r else stop[#stop + 1] = r end
  end
  common.form_table(doc:section("Sustainable: maximize, scale and spread"), el, keep,
    { only = { "structure", "impact", "spread" }, empty = "None." })
  common.form_table(doc:section("Not yet sustainable: changes to make"), el, fix,
    { only = { "structure", "changes" }, empty = "None." })
  common.form_table(doc:section("Not sustainable as it is"), el, stop, { only = { "structure" }, empty = "None." })
  common.form_table(doc:section("New structures to establish"), common.element(form, "new_structures"),
    common.rows(a.new_structures), { empty = "None listed." })
end

return tool
