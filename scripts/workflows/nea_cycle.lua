-- The NEA "Collaborating for Student Success" cycle, Prepare -> Act -> Reflect, from a folder of
-- answers files (one per tool: FOLDER/ID.json, or FOLDER/ID/answers.json as in tests/tools/):
--
--   cairn run scripts/workflows/nea_cycle.lua FOLDER [--as-of 2026-11-26] [--out reports/]
--
-- Each tool's worksheet is stored and its plan content written, so later tools build on earlier
-- ones (the joint letter names the partners who committed and the issue ranked first): the issue ranked first becomes the fishbone's head; the root cause a 5 Whys or fishbone
-- finds is what the initiative goal and the action plan's steps address; the monitoring plan's
-- milestones follow those steps; the results analysis records adopt/adapt/abandon on the tasks.
-- At the end the script walks the plan model: root cause -> action step -> monitoring milestone.
-- The WestEd 5 Whys and action planning template sit in "Define Content" beside the NEA fishbone
-- and project plan: use whichever your team prefers (a step without answers is skipped).
local cycle = require "cairn.tool_cycle"

local steps = {
  { stage = "Prepare", chapter = "Learn the Case for Collaboration", tool = "sharing_the_case" },
  { stage = "Prepare", chapter = "Learn the Case for Collaboration", tool = "extending_the_invitation" },
  { stage = "Prepare", chapter = "Identify Partners", tool = "potential_partner_brainstorm" },
  { stage = "Prepare", chapter = "Discover Shared Goals", tool = "discovering_shared_goals" },
  { stage = "Prepare", chapter = "Discover Shared Goals", tool = "community_outreach_guide" },
  { stage = "Prepare", chapter = "Discover Shared Goals", tool = "community_conversations" },
  { stage = "Prepare", chapter = "Commit to Collaborate", tool = "guiding_principles_behaviors" },
  { stage = "Prepare", chapter = "Commit to Collaborate", tool = "building_strong_partnership" },
  { stage = "Prepare", chapter = "Commit to Collaborate", tool = "joint_letter" },
  { stage = "Act", chapter = "Identify Collaborative Teams and Functions", tool = "collaborative_structure_worksheet" },
  { stage = "Act", chapter = "Identify Collaborative Teams and Functions", tool = "standing_meeting_worksheet" },
  { stage = "Act", chapter = "Establish Support Resources", tool = "overarching_goals" },
  { stage = "Act", chapter = "Establish Support Resources", tool = "support_tracking" },
  { stage = "Act", chapter = "Establish Support Resources", tool = "support_resources" },
  { stage = "Act", chapter = "Establish Support Resources", tool = "communication_plan" },
  { stage = "Act", chapter = "Define Content for Collaboration", tool = "opportunity_audit" },
  { stage = "Act", chapter = "Define Content for Collaboration", tool = "fishbone_diagram" },
  { stage = "Act", chapter = "Define Content for Collaboration", tool = "five_whys" },
  { stage = "Act", chapter = "Define Content for Collaboration", tool = "logic_model" },
  { stage = "Act", chapter = "Define Content for Collaboration", tool = "goals_objectives" },
  { stage = "Act", chapter = "Define Content for Collaboration", tool = "action_planning_template" },
  { stage = "Act", chapter = "Define Content for Collaboration", tool = "project_plan" },
  { stage = "Act", chapter = "Define Process for Collaboration", tool = "group_norms_activity" },
  { stage = "Act", chapter = "Implement Collaboration", tool = "monitoring_plan" },
  { stage = "Reflect", chapter = "Evaluate Process and Content Outcomes", tool = "results_analysis" },
  { stage = "Reflect", chapter = "Evaluate Process and Content Outcomes", tool = "lessons_learned_discussion" },
  { stage = "Reflect", chapter = "Sustain and Expand the Effort to Collaborate", tool = "where_are_you_going_next" },
  { stage = "Reflect", chapter = "Sustain and Expand the Effort to Collaborate", tool = "sustaining_collaborative_structures" },
  { stage = "Reflect", chapter = "Sustain and Expand the Effort to Collaborate", tool = "identifying_repeatable_processes" },
}

local clip = require("cairn.text").clip

cycle.run {
  name = "NEA Collaborating for Student Success: Prepare -> Act -> Reflect",
  steps = steps,
  args = arg,
  after = function(ctx)
    local plan = ctx.plan
    print("How the tools chain (root cause -> the action step or goal addressing it -> the milestone monitoring it):")
    local lines = {}
    for _, p in ipairs(plan.list { kind = "root_cause_analysis" }) do
      for _, rc in ipairs(p:items { level = "root_cause" }) do
        local paths = plan.walk(rc, { "addresses", "monitored_by" })
        if #paths == 0 then paths = plan.walk(rc, { "addresses" }) end
        for _, path in ipairs(paths) do
          local parts = {}
          for i, node in ipairs(path) do
            parts[i] = string.format("[%s] %s", node.level, clip(node.text, 60))
          end
          lines[#lines + 1] = "  " .. table.concat(parts, "\n    -> ")
        end
        if #paths == 0 then
          lines[#lines + 1] = string.format("  [root_cause] %s\n    (nothing addresses it yet)", clip(rc.text, 60))
        end
      end
    end
    print(#lines > 0 and table.concat(lines, "\n") or "  (no root causes recorded)")
    local as_of = ctx.opts.as_of
    local soon = plan.due_within(45, { as_of = as_of })
    print(string.format("\nDue in the next 45 days (from %s): %d item%s", as_of or "today", #soon, #soon == 1 and "" or "s"))
    for _, it in ipairs(soon) do
      print(string.format("  %s  %s (%s)", it.due, clip(it.text, 60), it.owner or "no owner"))
    end
    local overdue = plan.overdue { as_of = as_of }
    print(string.format("Overdue: %d item%s", #overdue, #overdue == 1 and "" or "s"))
    for _, it in ipairs(overdue) do
      print(string.format("  %s  %s (%s)", it.due, clip(it.text, 60), it.owner or "no owner"))
    end
  end,
}
