# The NEA and Massachusetts cycles run the planning tools in order from a folder of answers files
# (tests/tools/ID/answers.json), so later tools find what earlier ones wrote.
$ cairn init --district "Riverside Unified" 2>/dev/null; cairn run $TESTS/../scripts/workflows/nea_cycle.lua $TESTS/tools --as-of 2026-11-26 | sed "s|$TESTS|TESTS|"
NEA Collaborating for Student Success: Prepare -> Act -> Reflect
people: 8 people from TESTS/tools/people.json

Prepare: Learn the Case for Collaboration
  1. Sharing the Case for Collaboration with Others
     worksheet 1: Sharing the case for collaboration
     1 plan, 8 items in the plan model; 1 warning (cairn tool run shows them)
  2. Extending the Invitation
     worksheet 2: Invitation: Ana Ruiz
     no plan content

Prepare: Identify Partners
  3. Potential Partner Brainstorm Template
     worksheet 3: Potential partners: Riverside Education Association executive board
     no plan content

Prepare: Discover Shared Goals
  4. Discovering Shared Goals Planning Template
     worksheet 4: Shared goals: Ninth-grade attendance first
     1 plan, 3 items in the plan model
  5. Community Outreach Guide
     worksheet 5: Community outreach
     1 plan, 3 items in the plan model; 1 warning (cairn tool run shows them)
  6. Community Conversations Overview
     worksheet 6: Community conversation: ninth-grade attendance
     1 plan, 11 items in the plan model; 2 warnings (cairn tool run shows them)

Prepare: Commit to Collaborate
  7. Guiding Principles, Guiding Behaviors: Codifying Your Commitments
     worksheet 7: Guiding principles and behaviors: Riverside Unified and Riverside Education Association
     no plan content; 1 warning (cairn tool run shows them)
  8. Building a Strong Partnership
     worksheet 8: Building a strong partnership: Ana Ruiz, Lee Park and Rosa Delgado
     no plan content; 1 warning (cairn tool run shows them)
  9. Sample Joint Letter/Memo
     worksheet 9: Joint letter: ninth-grade attendance
     no plan content

Act: Identify Collaborative Teams and Functions
  10. Collaborative Structure Worksheet
     worksheet 10: Collaborative structures
     1 plan, 4 items in the plan model
  11. Standing Meeting Worksheet
     worksheet 11: Standing meetings
     1 plan, 19 items in the plan model; 1 warning (cairn tool run shows them)

Act: Establish Support Resources
  12. Overarching Goals Template
     worksheet 12: Overarching goals: Riverside District Leadership Team
     1 plan, 3 items in the plan model
  13. Support Tracking
     worksheet 13: Support tracking: Riverside District Leadership Team
     no plan content; 1 warning (cairn tool run shows them)
  14. Support Resources
     worksheet 14: Support resources
     1 plan, 4 items in the plan model
  15. Communication Plan Template
     worksheet 15: Communication plan: Ninth-grade attendance initiative
     1 plan, 4 items in the plan model

Act: Define Content for Collaboration
  16. NEA's Opportunity Audit
     worksheet 16: Opportunity audit: Attendance working committee
     no plan content
  17. Root Cause Analysis: Fishbone Diagram
     worksheet 17: Fishbone: Ninth-grade chronic absenteeism is 21%
     1 plan, 19 items in the plan model
  18. Getting the Problem Right: Template for the 5 Whys Root-Cause Analysis
     worksheet 18: Ninth-grade chronic absenteeism at Riverside High rose from 14% in 2023-24 to 21% in 2025-26.
     1 plan, 7 items in the plan model; 1 warning (cairn tool run shows them)
  19. Sample Logic Model Template
     worksheet 19: Logic model: Ninth-grade chronic absenteeism at Riverside High rose from 14% to 21% in two years; 62% of absences are in first period.
     1 plan, 12 items in the plan model
  20. Goals & Objectives Template
     worksheet 20: Goals and objectives: Attendance working committee
     1 plan, 4 items in the plan model; 4 warnings (cairn tool run shows them)
  21. Action Planning Template
     worksheet 21: Action plan: Ninth-grade attendance
     1 plan, 4 items in the plan model
  22. The Project Plan Template
     worksheet 22: Project plan: Attendance working committee
     1 plan, 8 items in the plan model

Act: Define Process for Collaboration
  23. Group Norms Activity
     worksheet 23: Group norms: Attendance working committee
     no plan content; 1 warning (cairn tool run shows them)

Act: Implement Collaboration
  24. Monitoring Plan Template
     worksheet 24: Monitoring plan: Ninth-grade attendance
     1 plan, 3 items in the plan model

Reflect: Evaluate Process and Content Outcomes
  25. Results Analysis Template
     worksheet 25: Results analysis: Ninth-grade attendance
     no plan content
  26. Lessons Learned Discussion Template
     worksheet 26: Lessons learned: Attendance working committee (2027-06-08)
     no plan content

Reflect: Sustain and Expand the Effort to Collaborate
  27. Where Are You Going Next?
     worksheet 27: Where are we going next: Attendance working committee
     1 plan, 3 items in the plan model
  28. Sustaining Collaborative Structures
     worksheet 28: Sustaining collaborative structures
     1 plan, 2 items in the plan model; 1 warning (cairn tool run shows them)
  29. Identifying Repeatable Processes
     worksheet 29: Repeatable processes
     no plan content; 1 warning (cairn tool run shows them)

How the tools chain (root cause -> the action step or goal addressing it -> the milestone monitoring it):
  [root_cause] No shared attendance team brings counselors, advisors and t…
    -> [goal] By the end of this school year, we will have a check-in sys…
  [root_cause] Merged bus routes bring ninth graders on routes 7 and 12 af…
    -> [action_step] Restore separate bus routes 7 and 12
    -> [milestone] Separate routes 7 and 12 running
  [root_cause] Merged bus routes bring ninth graders on routes 7 and 12 af…
    -> [action_step] Adopt a late-arrival pass so students late by bus are not m…
    -> [milestone] Late-arrival pass in use
  [root_cause] No late-arrival pass: late students are recorded absent for…
    -> [action_step] Restore separate bus routes 7 and 12
    -> [milestone] Separate routes 7 and 12 running
  [root_cause] No late-arrival pass: late students are recorded absent for…
    -> [action_step] Adopt a late-arrival pass so students late by bus are not m…
    -> [milestone] Late-arrival pass in use

Due in the next 45 days (from 2026-11-26): 8 items
  2026-12-05  Invite association members (Lee Park)
  2026-12-10  Schedule monthly meetings (James Okafor)
  2026-12-15  Create the agenda (Sam Patel)
  2026-12-18  Restore separate bus routes 7 and 12 (Ana Ruiz)
  2026-12-18  Separate routes 7 and 12 running (James Okafor)
  2027-01-05  Meeting 2027-01-05 (no owner)
  2027-01-10  Create a logistics plan (Rosa Delgado)
  2027-01-10  Select moderators and recorders (Lee Park)
Overdue: 6 items
  2026-10-02  Share the case with New-teacher caucus (no owner)
  2026-10-14  Share the case with Association representative council (no owner)
  2026-10-20  Share the case with Lee Park (Education Association/Union) (no owner)
  2026-10-27  Share the case with Ana Ruiz (District Administration) (no owner)
  2026-11-05  Share the case with Rosa Delgado (Parents) (no owner)
  2026-11-18  Share the case with School Board (no owner)
$ mkdir out && cairn run $TESTS/../scripts/workflows/ma_cycle.lua $TESTS/tools --as-of 2026-11-26 --out out | sed "s|$TESTS|TESTS|" && ls out
Massachusetts Planning for Success: Create -> Align -> Implement
people: 8 people from TESTS/tools/people.json

Create, Align, Implement
  1. The District Planning Process: Create—Align—Implement
     worksheet 30: Planning for Success 2026-2029
     1 plan, 12 items in the plan model

Create and Align: District Plan, 3 years
  2. District Plan (multi-year) with Multi-Year Plan Components
     worksheet 31: District Plan 2026-2029
     1 plan, 10 items in the plan model; 1 warning (cairn tool run shows them)

Implement: District Action Plan, 1 year
  3. District Action Plan (annual) with Annual Action Plan Components
     worksheet 32: District Action Plan 2026-27
     1 plan, 10 items in the plan model

District Plan 2026-2029: strategic objectives -> initiatives -> this year's benchmarks
  1. Every student attends school regularly.
     - Ninth-grade attendance teams (James Okafor): 3 benchmarks
         process: The joint attendance team meets monthly from Dece… (James Okafor, 2026-12-15)
         process: 24 advisors complete the check-in protocol traini… (Sam Patel, 2027-01-31)
         early evidence: Advisors hold weekly check-ins with students with… (-, 2027-05-31)
     - Reliable transportation for every route (Ana Ruiz): 2 benchmarks
         process: Routes 7 and 12 run separately again. (Ana Ruiz, 2026-12-18)
         early evidence: Buses on routes 7 and 12 arrive before the first … (-, 2027-03-31)
  2. Every student is known by an adult at school.
     - Advisory redesign in grades 6-9 (Maria Chen): 0 benchmarks
  3. Families and educators plan together.
     - Family attendance partners (Rosa Delgado): 0 benchmarks
Outcomes:
  Grade 9 chronic absenteeism rate (SIS): baseline 21, final target 12 by 2029-06-30
  Grade 9 chronic absenteeism rate (SIS): baseline 21, interim target 17 by 2027-06-30
  Student survey item: an adult I can go to: baseline 71, interim target 90 by 2028-06-15

reports written to out
01-ma_create_align_implement.md
02-ma_district_plan.md
03-ma_district_action_plan.md
$ head -n 1 out/02-ma_district_plan.md | sed "s/^# /title: /"
title: District Plan 2026-2029
# Usage errors and bad answers stop the cycle; nothing it wrote is kept.
$ cairn run $TESTS/../scripts/workflows/ma_cycle.lua 2>&1 | sed "s|$TESTS|TESTS|"; echo "exit ${PIPESTATUS[0]}"
cairn: expected a folder of answers files
usage: cairn run TESTS/../scripts/workflows/ma_cycle.lua FOLDER [--as-of YYYY-MM-DD] [--out DIR] [--format md|html|txt|json]
exit 1
$ cairn run $TESTS/../scripts/workflows/ma_cycle.lua $TESTS/tools --as-of 26/11/2026
cairn: --as-of: '26/11/2026' is not a date (expected YYYY-MM-DD)
[1]
$ cairn sql "SELECT count(*) AS worksheets FROM worksheet"
worksheets
----------
        32
(1 row)
$ mkdir broken && cp $TESTS/tools/ma_district_plan/bad-outcomes.json broken/ma_district_plan.json && cairn run $TESTS/../scripts/workflows/ma_cycle.lua broken 2>&1; echo "exit $?"
Massachusetts Planning for Success: Create -> Align -> Implement

Create, Align, Implement
  1. The District Planning Process: Create—Align—Implement: no answers in broken, skipped

Create and Align: District Plan, 3 years
cairn: broken/ma_district_plan.json: outcomes[2].due: the outcome's date 2026-01-31 is before its baseline date 2026-06-30
broken/ma_district_plan.json: outcomes[3].objective: there is no strategic objective 5 (3 listed)
exit 1
$ cairn sql "SELECT count(*) AS worksheets FROM worksheet"
worksheets
----------
        32
(1 row)
