# The planning tools from the command line: cairn tool list/show/run --answers/report, the exit
# status and the error lines of a bad answers file (nothing stored).
$ cairn init --district "Riverside Unified" 2>/dev/null; cairn run $TESTS/tools/people.lua
8 people in Riverside Unified
$ COLUMNS=100 cairn tool list massachusetts
id                         title                        stage
-------------------------  ---------------------------  ------------------------
ma_district_plan           District Plan (multi-year)…  Create, Align
ma_create_align_implement  The District Planning Proc…  Create, Align, Implement
ma_district_action_plan    District Action Plan (annu…  Implement
$ cairn tool show sfss_action_plan | sed -n '/^Form/,/^$/p' | head -n 12
Form
  District Name  [district] (text, required)
  Repeated: Challenge/Problem  [challenges] (2 to 4)
      As a team, identify 2-4 high priority challenges/problems which emerged
      from your student experience data and SFSS Five Priorities analysis.
    Description of Challenge/Problem  [description] (long text, required)
    Supporting Data and Evidence  [data] (long text, required)
        How do you know this is a challenge? What data tells you this is an
        issue?
    Target Outcomes  [outcomes] (long text)
        What outcomes do you want instead? What would it look like if you
        addressed this challenge in a systematic way? What systems would
$ cairn tool run five_whys --answers $TESTS/tools/five_whys/answers.json 2>&1 | sed "s|$TESTS|TESTS|"
TESTS/tools/five_whys/answers.json: warning: root_causes[2]: (b) "would it solve the problem if addressed successfully?" was answered No. Record only the factors that collaborative effort is best suited to address and that would solve the problem if addressed successfully.
saved worksheet 1 (five_whys, final): Ninth-grade chronic absenteeism at Riverside High rose from 14% in 2023-24 to 21% in 2025-26.
$ cairn tool run action_planning_template --answers $TESTS/tools/action_planning_template/bad-person.json 2>&1 | sed "s|$TESTS|TESTS|"; echo "exit ${PIPESTATUS[0]}"
TESTS/tools/action_planning_template/bad-person.json: goals[1].steps[1].owner: unknown person 'J. Smith' (known: Ana Ruiz, Dana Whitfield, James Okafor, Kim Nguyen, Lee Park, Maria Chen, Rosa Delgado, Sam Patel)
TESTS/tools/action_planning_template/bad-person.json: 1 problem; nothing was stored
(--add-people adds names not yet in the workspace as people)
exit 1
$ cairn tool run action_planning_template --answers $TESTS/tools/action_planning_template/answers.json 2>&1 | sed "s|$TESTS|TESTS|"
saved worksheet 2 (action_planning_template, final): Action plan: Ninth-grade attendance
$ cairn tool worksheets | sed 's/20[0-9-]*$/DATE/'
id  tool                      title                     status  revs  updated
--  ------------------------  ------------------------  ------  ----  ----------
 2  action_planning_template  Action plan: Ninth-grad…  final      1  DATE
 1  five_whys                 Ninth-grade chronic abs…  final      1  DATE
(2 rows)
$ cairn tool report 2 --format md --as-of 2026-11-26 | sed -n '/^| Step/,/^$/p'
| Step | Action Steps | Responsibilities | Timeline | Resources Available | Resources Needed | Who might resist? | How might there be resistance? | Communications Plan |
| --- | --- | --- | --- | --- | --- | --- | --- | --- |
| Step 1 | Restore separate bus routes 7 and 12 | Ana Ruiz | 2026-12-18 | Route planning software | Two drivers ($64,000) | Transportation contractor | Cost of extra drivers | Letter to families on both routes; weekly update to the board |
| Step 2 | Adopt a late-arrival pass so students late by bus are not marked absent | Maria Chen | 2027-01-15 | Attendance policy committee | Board approval | Some teachers | Concern about tardiness | Association bulletin; staff meeting |
| Step 3 | Daily advisor check-ins for students with two or more absences | Sam Patel | 2027-02-01 | Advisory period | Training time (2 hours) |  |  | Monthly attendance team meeting |
