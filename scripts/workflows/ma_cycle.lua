-- The Massachusetts Planning for Success cycle, Create -> Align -> Implement, from a folder of
-- answers files (FOLDER/ID.json, or FOLDER/ID/answers.json as in tests/tools/):
--
--   cairn run scripts/workflows/ma_cycle.lua FOLDER [--as-of 2026-11-26] [--out reports/]
--
-- The phase checklist, then the multi-year District Plan (objectives, initiatives, outcomes with
-- baselines and targets), then the annual District Action Plan whose benchmarks attach to the
-- District Plan's initiatives. At the end the script walks the plan model from each strategic
-- objective to its initiatives and their process and early-evidence benchmarks, and lists the
-- outcomes with their targets: the outline a monitoring report follows.
local cycle = require "cairn.tool_cycle"

local steps = {
  { stage = "Create, Align, Implement", tool = "ma_create_align_implement" },
  { stage = "Create and Align", chapter = "District Plan, 3 years", tool = "ma_district_plan" },
  { stage = "Implement", chapter = "District Action Plan, 1 year", tool = "ma_district_action_plan" },
}

local clip = require("cairn.text").clip

cycle.run {
  name = "Massachusetts Planning for Success: Create -> Align -> Implement",
  steps = steps,
  args = arg,
  after = function(ctx)
    local plan = ctx.plan
    local dp = ctx.worksheets.ma_district_plan
    if not dp then print("No District Plan in this folder: nothing to walk."); return end
    local p = plan.get(require("cairn.tool.worksheet").plans(dp.id)[1])
    print(string.format("%s: strategic objectives -> initiatives -> this year's benchmarks", p.title))
    for i, obj in ipairs(p:items { level = "strategic_objective" }) do
      print(string.format("  %d. %s", i, clip(obj.text, 70)))
      for _, ini in ipairs(obj:children()) do
        if ini.level == "strategic_initiative" then
          local bms = plan.walk(ini, { "measured_by" })
          print(string.format("     - %s (%s): %d benchmark%s", clip(ini.text, 50), ini.owner or "no lead",
            #bms, #bms == 1 and "" or "s"))
          for _, path in ipairs(bms) do
            local b = path[2]
            print(string.format("         %s: %s (%s, %s)", b.kind == "process" and "process" or "early evidence",
              clip(b.text, 50), b.owner or "-", b.due or "no date"))
          end
        end
      end
    end
    print("Outcomes:")
    for _, m in ipairs(p:measures()) do
      local t = m.targets and m.targets[#m.targets]
      local function num(v) return v and string.format("%g", v) or "-" end
      print(string.format("  %s: baseline %s, %s target %s by %s", clip(m.metric or m.text, 50),
        num(m.baseline and m.baseline.value), t and t.kind or "-", num(t and t.value), t and t.date or "-"))
    end
  end,
}
