# cairn status / progress(): a small workspace built from the tools' answers files: two NEA tools and
# the "Learn the Case" chapter's reflection (turn_learning_to_action) done, one draft open, the Massachusetts phase checklist done, the six-step process with the
# steps its answers fill; what comes next in each framework and what is overdue.
$ cairn init --district "Riverside Unified" >/dev/null 2>&1; for t in sharing_the_case potential_partner_brainstorm turn_learning_to_action ma_create_align_implement sample_planning_process; do cairn tool run $t --answers $TESTS/tools/$t/answers.json --add-people --as-of 2026-09-01 >/dev/null 2>&1 || echo "$t failed"; done; printf '{"brainstorm": []}' > d.json; cairn tool run extending_the_invitation --answers $TESTS/tools/extending_the_invitation/answers.json --draft --as-of 2026-09-01 >/dev/null 2>&1 || echo draft failed; cairn status --as-of 2026-10-15
NEA: Prepare -> Act -> Reflect: 3 of 32 done
  Prepare: Learn the Case for Collaboration
    [x] sharing_the_case                     worksheet 1
    [~] extending_the_invitation             draft 6 open
    [x] turn_learning_to_action              worksheet 3
  Prepare: Identify Partners
    [x] potential_partner_brainstorm         worksheet 2
    [ ] turn_learning_to_action
  Prepare: Discover Shared Goals
    [ ] discovering_shared_goals
    [ ] community_outreach_guide
    [ ] community_conversations
    [ ] turn_learning_to_action
  Prepare: Commit to Collaborate
    [ ] guiding_principles_behaviors
    [ ] building_strong_partnership
    [ ] joint_letter
    [ ] turn_learning_to_action
  Act: Identify Collaborative Teams and Functions
    [ ] collaborative_structure_worksheet
    [ ] standing_meeting_worksheet
    [ ] turn_learning_to_action
  Act: Establish Support Resources
    [ ] overarching_goals
    [ ] support_resources
    [ ] communication_plan
    [ ] turn_learning_to_action
  Act: Define Content for Collaboration
    [ ] opportunity_audit
    [ ] fishbone_diagram
    [ ] logic_model
    [ ] goals_objectives
    [ ] project_plan
  Act: Define Process for Collaboration
    [ ] group_norms_activity
  Act: Implement Collaboration
    [ ] monitoring_plan
  Reflect: Evaluate Process and Content Outcomes
    [ ] results_analysis
    [ ] lessons_learned_discussion
  Reflect: Sustain and Expand the Effort to Collaborate
    [ ] where_are_you_going_next
    [ ] sustaining_collaborative_structures
    [ ] identifying_repeatable_processes
  next: extending_the_invitation (Learn the Case for Collaboration)

Massachusetts: Create -> Align -> Implement: 1 of 3 done
  Create: Phase checklist
    [x] ma_create_align_implement            worksheet 4
  Align: District Plan, 3 years
    [ ] ma_district_plan
  Implement: District Action Plan, 1 year
    [ ] ma_district_action_plan
  next: ma_district_plan (District Plan, 3 years)

Sample planning process: six steps: 6 of 6 done
  in worksheet 5 of sample_planning_process
    [x] Step 1. Examine Performance Trends
    [x] Step 2. Identify Root Causes
    [x] Step 3. Define Action Steps
    [x] Step 4. Prioritize Action Steps
    [x] Step 5. Determine Deliverables
    [x] Step 6. Associate Funding
  every step is done

Overdue on 2026-10-15: 2 items
  2026-10-02  Share the case with New-teacher caucus (13 days late)
  2026-10-14  Share the case with Association representative council (1 day late)
$ cairn -e 'local p = progress { as_of = "2026-10-15" }; print(p[1].done, p[1].total, p[1].next.tool, p[2].next.tool, #p.overdue)'
3	32	extending_the_invitation	ma_district_plan	2
$ cairn status --as-of 15/10/2026
cairn: --as-of: '15/10/2026' is not a date (expected YYYY-MM-DD)
usage: cairn status [--as-of DATE]
[2]
# a plan made outside the tool (a script, an import) is the Align step's product too
$ cairn -e 'plan.create { kind = "district_plan", title = "District Plan 2026-2029", level = "district" }' && cairn status --as-of 2026-10-15 | sed -n '/^Massachusetts/,/next:/p'
Massachusetts: Create -> Align -> Implement: 2 of 3 done
  Create: Phase checklist
    [x] ma_create_align_implement            worksheet 4
  Align: District Plan, 3 years
    [x] ma_district_plan                     plan 4, District Plan 2026-2029
  Implement: District Action Plan, 1 year
    [ ] ma_district_action_plan
  next: ma_district_action_plan (District Action Plan, 1 year)
