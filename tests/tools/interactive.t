# Three planning tools answered as a conversation on piped input (each answer is echoed after its
# question): going back with <, a refused unknown person and a bad date asked again, the review
# screen, changing an answer by its number before saving. The pty test (interactive_test.sh)
# does the same on a real terminal.
$ cairn init --district "Riverside Unified" 2>/dev/null; cairn run $TESTS/tools/people.lua
8 people in Riverside Unified
# 5 Whys: answer two whys, go back (<) to add the missing evidence, one root cause, then fix the
# problem statement from the review screen (answer 1) and save.
$ printf '%s\n' 'Ninth-grade chronic absenteeism rose from 14% to 21%.' 'Students miss first period' '' 'SIS attendance' \
>   'Buses arrive late' '' '' '<' 'Arrival logs' '' 'Merged bus routes arrive after the bell' '' \
>   'Arrival logs, routes 7 and 12' y y n '' 1 \
>   'Ninth-grade chronic absenteeism at Riverside High rose from 14% to 21%.' save \
>   | cairn tool run five_whys | sed -n '/^1. Why/,$p'
1. Why — Reason why problem is occurring (several lines; an empty line ends the answer): Students miss first period
  | 
1. Why — How do we know? Observable, data-based evidence: SIS attendance
2. Why — Reason why problem is occurring (several lines, then an empty line; empty now ends the table): Buses arrive late
  | 
2. Why — How do we know? Observable, data-based evidence: 
3. Why — Reason why problem is occurring (several lines, then an empty line; empty now ends the table): <
2. Why — How do we know? Observable, data-based evidence: Arrival logs
3. Why — Reason why problem is occurring (several lines, then an empty line; empty now ends the table): 

== Root Cause(s) ==
  Once you feel you have gotten to root causes (i.e., why the problem is
  occurring), record those that you believe are best suited for
  district-charter collaborative action. Restate the data that tell you these
  are root causes for the problem. To validate root causes, ask the following:
  If you removed this root cause, would the problem be prevented?

Root Cause(s)
Root cause 1 (several lines; an empty line ends the answer): Merged bus routes arrive after the bell
  | 
Root cause 1 — How do we know? Observable, data-based evidence: Arrival logs, routes 7 and 12
Root cause 1 — If you removed this root cause, would the problem be prevented? [y/n]: y
Root cause 1 — (a) Is collaborative effort best suited to address it? [y/n]: y
Root cause 1 — (b) Would it solve the problem if addressed successfully? [y/n]: n
Add another root cause? [y/N]: 

Review: Getting the Problem Right: Template for the 5 Whys Root-Cause Analysis
   1  Problem Statement: Ninth-grade chronic absenteeism rose from 14% to 21%.
   2  1. Why — Reason why problem is occurring: Students miss first period
   3  1. Why — How do we know? Observable, data-based evidence: SIS attendance
   4  2. Why — Reason why problem is occurring: Buses arrive late
   5  2. Why — How do we know? Observable, data-based evidence: Arrival logs
   6  3. Why — Reason why problem is occurring: 
  == Root Cause(s) ==
   7  Root cause 1: Merged bus routes arrive after the bell
   8  Root cause 1 — How do we know? Observable, data-based evidence: Arrival logs, routes 7 and 12
   9  Root cause 1 — If you removed this root cause, would the problem be prevented?: Yes
  10  Root cause 1 — (a) Is collaborative effort best suited to address it?: Yes
  11  Root cause 1 — (b) Would it solve the problem if addressed successfully?: No
  Note: Root cause 1: (b) "would it solve the problem if addressed
  successfully?" was answered No. Record only the factors that collaborative
  effort is best suited to address and that would solve the problem if
  addressed successfully.
Type a number to change that answer, save to save the worksheet, draft to save
a draft and finish later, back to return to the question you were on, or quit.
review> 1
Problem Statement (one-sentence description of the problem) [Ninth-grade chronic absenteeism rose from 14% to 21%.]: Ninth-grade chronic absenteeism at Riverside High rose from 14% to 21%.

Review: Getting the Problem Right: Template for the 5 Whys Root-Cause Analysis
   1  Problem Statement: Ninth-grade chronic absenteeism at Riverside High rose from…
   2  1. Why — Reason why problem is occurring: Students miss first period
   3  1. Why — How do we know? Observable, data-based evidence: SIS attendance
   4  2. Why — Reason why problem is occurring: Buses arrive late
   5  2. Why — How do we know? Observable, data-based evidence: Arrival logs
   6  3. Why — Reason why problem is occurring: 
  == Root Cause(s) ==
   7  Root cause 1: Merged bus routes arrive after the bell
   8  Root cause 1 — How do we know? Observable, data-based evidence: Arrival logs, routes 7 and 12
   9  Root cause 1 — If you removed this root cause, would the problem be prevented?: Yes
  10  Root cause 1 — (a) Is collaborative effort best suited to address it?: Yes
  11  Root cause 1 — (b) Would it solve the problem if addressed successfully?: No
  Note: Root cause 1: (b) "would it solve the problem if addressed
  successfully?" was answered No. Record only the factors that collaborative
  effort is best suited to address and that would solve the problem if
  addressed successfully.
Type a number to change that answer, save to save the worksheet, draft to save
a draft and finish later, back to return to the question you were on, or quit.
review> save
Saved worksheet 1 (five_whys), revision 1.
$ cairn sql "SELECT tool, title, status FROM worksheet"
tool       title                                                                    status
---------  -----------------------------------------------------------------------  ------
five_whys  Ninth-grade chronic absenteeism at Riverside High rose from 14% to 21%.  final
(1 row)
$ cairn sql "SELECT level, text FROM plan_item ORDER BY id"
level       text
----------  -----------------------------------------------------------------------
problem     Ninth-grade chronic absenteeism at Riverside High rose from 14% to 21%.
why         Students miss first period
why         Buses arrive late
root_cause  Merged bus routes arrive after the bell
(4 rows)
# Action plan: an unknown person is refused (not added), a bad date is asked again, < goes back to
# the owner, the review screen changes the owner (answer 7) before saving.
$ printf '%s\n' 'Ninth-grade attendance' 'Reduce ninth-grade chronic absenteeism from 21% to 15% by June 2027.' '' \
>   'Measurable, Timebound' 'Merged bus routes' 'Chronic absenteeism below 15%.' '' \
>   'Restore separate bus routes 7 and 12' '' 'J. Smith' n 'Ana Ruiz' '31/13/2026' '<' '' 'June 2027' \
>   'Route software' 'Two drivers' 'Contractor' 'Cost' 'Letter to families' '' \
>   'Arrival logs' '' 'June chronic absenteeism rate' '' n 7 'James Okafor' save \
>   | cairn tool run action_planning_template | sed -n '/Step 1 — Responsibilities/,$p'
Goal 1 › Step 1 — Responsibilities (Who will do it? a person's name): J. Smith
  'J. Smith' is not in the workspace yet. Add them as a new person? [y/N] n
  Type another name, or skip.
Goal 1 › Step 1 — Responsibilities (Who will do it? a person's name): Ana Ruiz
Goal 1 › Step 1 — Timeline (By when? e.g. 15/06/2027, 15/06, 2027-06-15 or June 2027): 31/13/2026
  ! '31/13/2026' is not a date (expected e.g. 15/06/2027, 15/06, 2027-06-15 or June 2027)
Goal 1 › Step 1 — Timeline (By when? e.g. 15/06/2027, 15/06, 2027-06-15 or June 2027): <
    known: Ana Ruiz, Dana Whitfield, James Okafor, Kim Nguyen, Lee Park, Maria
    Chen, Rosa Delgado, Sam Patel
Goal 1 › Step 1 — Responsibilities (Who will do it? a person's name) [Ana Ruiz]: 
Goal 1 › Step 1 — Timeline (By when? e.g. 15/06/2027, 15/06, 2027-06-15 or June 2027): June 2027
  → 2027-06-30 (30 June 2027; a month alone means its last day)
Goal 1 › Step 1 — Resources Available: Route software
Goal 1 › Step 1 — Resources Needed (Financial, human, political & other): Two drivers
Goal 1 › Step 1 — Potential Barriers (What individuals or organizations might resist?): Contractor
Goal 1 › Step 1 — Potential Barriers (How might there be resistance?): Cost
Goal 1 › Step 1 — Communications Plan (Who is involved? What methods to communicate? How often?): Letter to families
Goal 1 › Step 2 — Action Steps (several lines, then an empty line; empty now ends the table): 
  (How will you know that you are making progress toward your goal? What are
  your benchmarks?)
Goal 1 › Evidence of Success (several lines; an empty line ends the answer): Arrival logs
  | 
  (How will you determine that your goal has been reached? What are your
  measures?)
Goal 1 › Evaluation Process (several lines; an empty line ends the answer): June chronic absenteeism rate
  | 
Add another goal? [y/N]: n

Review: Action Planning Template
   1  Name of this action plan: Ninth-grade attendance
   2  Goal 1 › Goal: Reduce ninth-grade chronic absenteeism from 21% to 15% by J…
   3  Goal 1 › Which SMART criteria does the goal meet?: Measurable, Timebound
   4  Goal 1 › Root cause(s) this goal addresses: Merged bus routes
   5  Goal 1 › Outcomes: Chronic absenteeism below 15%.
   6  Goal 1 › Step 1 — Action Steps: Restore separate bus routes 7 and 12
   7  Goal 1 › Step 1 — Responsibilities: Ana Ruiz
   8  Goal 1 › Step 1 — Timeline: 30 June 2027
   9  Goal 1 › Step 1 — Resources Available: Route software
  10  Goal 1 › Step 1 — Resources Needed: Two drivers
  11  Goal 1 › Step 1 — Potential Barriers: Contractor
  12  Goal 1 › Step 1 — Potential Barriers: Cost
  13  Goal 1 › Step 1 — Communications Plan: Letter to families
  14  Goal 1 › Step 2 — Action Steps: 
  15  Goal 1 › Evidence of Success: Arrival logs
  16  Goal 1 › Evaluation Process: June chronic absenteeism rate
  Note: Goal 1 › Which SMART criteria does the goal meet?: The goal is not yet
  Strategic, Attainable or Results-Oriented: it is always best to identify a
  goal that is SMART.
Type a number to change that answer, save to save the worksheet, draft to save
a draft and finish later, back to return to the question you were on, or quit.
review> 7
    known: Ana Ruiz, Dana Whitfield, James Okafor, Kim Nguyen, Lee Park, Maria
    Chen, Rosa Delgado, Sam Patel
Goal 1 › Step 1 — Responsibilities (Who will do it? a person's name) [Ana Ruiz]: James Okafor

Review: Action Planning Template
   1  Name of this action plan: Ninth-grade attendance
   2  Goal 1 › Goal: Reduce ninth-grade chronic absenteeism from 21% to 15% by J…
   3  Goal 1 › Which SMART criteria does the goal meet?: Measurable, Timebound
   4  Goal 1 › Root cause(s) this goal addresses: Merged bus routes
   5  Goal 1 › Outcomes: Chronic absenteeism below 15%.
   6  Goal 1 › Step 1 — Action Steps: Restore separate bus routes 7 and 12
   7  Goal 1 › Step 1 — Responsibilities: James Okafor
   8  Goal 1 › Step 1 — Timeline: 30 June 2027
   9  Goal 1 › Step 1 — Resources Available: Route software
  10  Goal 1 › Step 1 — Resources Needed: Two drivers
  11  Goal 1 › Step 1 — Potential Barriers: Contractor
  12  Goal 1 › Step 1 — Potential Barriers: Cost
  13  Goal 1 › Step 1 — Communications Plan: Letter to families
  14  Goal 1 › Step 2 — Action Steps: 
  15  Goal 1 › Evidence of Success: Arrival logs
  16  Goal 1 › Evaluation Process: June chronic absenteeism rate
  Note: Goal 1 › Which SMART criteria does the goal meet?: The goal is not yet
  Strategic, Attainable or Results-Oriented: it is always best to identify a
  goal that is SMART.
Type a number to change that answer, save to save the worksheet, draft to save
a draft and finish later, back to return to the question you were on, or quit.
review> save
Saved worksheet 2 (action_planning_template), revision 1.
$ cairn sql "SELECT i.text, p.name AS owner, i.due FROM plan_item i JOIN person p ON p.id = i.owner_id WHERE i.level = 'action_step'"
text                                  owner         due
------------------------------------  ------------  ----------
Restore separate bus routes 7 and 12  James Okafor  2027-06-30
(1 row)
$ cairn sql "SELECT l.relation, (SELECT text FROM plan_item WHERE id = l.to_id) AS addresses FROM link l ORDER BY l.id"
relation   addresses
---------  --------------------------------------------------------------------
addresses  Reduce ninth-grade chronic absenteeism from 21% to 15% by June 2027.
addresses  Restore separate bus routes 7 and 12
(2 rows)
# Goals & objectives: criteria chosen by number, a row skipped, the objective's date changed from
# the review screen, then saved; the report shows the change.
$ printf '%s\n' 'Attendance working committee' 'By June 2027 every ninth grader with two absences has a check-in adult.' '' \
>   '2027-06-15' 'skip' 'skip' \
>   'Create a joint attendance team by January 2027' '' '2027-01-15' 'James Okafor' '1,2,3,5' \
>   'Share the attendance dashboard with advisors' '' '' 'Kim Nguyen' 'Specific' '' \
>   11 '2027-02-01' save \
>   | cairn tool run goals_objectives | sed -n '/^Review/,$p'
Review: Goals & Objectives Template
   1  Working committee: Attendance working committee
  == INITIATIVE GOAL ==
   2  Write your initiative's goal here...: By June 2027 every ninth grader with two absences has a che…
   3  Designated timeframe (by when?): 15 June 2027
   4  Which of the leadership team's overarching goals does it align with?: 
   5  Root cause it addresses (from the fishbone diagram): 
  == INITIATIVE OBJECTIVES ==
   6  Objective 1: Create a joint attendance team by January 2027
   7  Objective 1 — By when (milestone date)?: 15 January 2027
   8  Objective 1 — Who leads it?: James Okafor
   9  Objective 1 — Which criteria does it meet?: Specific, Pertinent, Realistic, Time-bound
  10  Objective 2: Share the attendance dashboard with advisors
  11  Objective 2 — By when (milestone date)?: 
  12  Objective 2 — Who leads it?: Kim Nguyen
  13  Objective 2 — Which criteria does it meet?: Specific
  14  Objective 3: 
  Note: Which of the leadership team's overarching goals does it align with?:
  The initiative goal should align with the leadership team's overarching
  goals.
  Note: Objective 1 — Which criteria does it meet?: Try to make the objective
  Data-informed.
  Note: Objective 2: Data-informed: ensure your result can be evaluated
  against a standard, in terms like quantity, quality, frequency, etc.
  Note: Objective 2: Time-bound: specify when the result(s) can be achieved.
  Note: Objective 2 — Which criteria does it meet?: Try to make the objective
  Pertinent and Realistic.
Type a number to change that answer, save to save the worksheet, draft to save
a draft and finish later, back to return to the question you were on, or quit.
review> 11
Objective 2 — By when (milestone date)? (e.g. 6/15/2027, 6/15, 2027-06-15 or June 2027): 2027-02-01

Review: Goals & Objectives Template
   1  Working committee: Attendance working committee
  == INITIATIVE GOAL ==
   2  Write your initiative's goal here...: By June 2027 every ninth grader with two absences has a che…
   3  Designated timeframe (by when?): 15 June 2027
   4  Which of the leadership team's overarching goals does it align with?: 
   5  Root cause it addresses (from the fishbone diagram): 
  == INITIATIVE OBJECTIVES ==
   6  Objective 1: Create a joint attendance team by January 2027
   7  Objective 1 — By when (milestone date)?: 15 January 2027
   8  Objective 1 — Who leads it?: James Okafor
   9  Objective 1 — Which criteria does it meet?: Specific, Pertinent, Realistic, Time-bound
  10  Objective 2: Share the attendance dashboard with advisors
  11  Objective 2 — By when (milestone date)?: 1 February 2027
  12  Objective 2 — Who leads it?: Kim Nguyen
  13  Objective 2 — Which criteria does it meet?: Specific
  14  Objective 3: 
  Note: Which of the leadership team's overarching goals does it align with?:
  The initiative goal should align with the leadership team's overarching
  goals.
  Note: Objective 1 — Which criteria does it meet?: Try to make the objective
  Data-informed.
  Note: Objective 2: Data-informed: ensure your result can be evaluated
  against a standard, in terms like quantity, quality, frequency, etc.
  Note: Objective 2 — Which criteria does it meet?: Try to make the objective
  Pertinent and Realistic.
Type a number to change that answer, save to save the worksheet, draft to save
a draft and finish later, back to return to the question you were on, or quit.
review> save
Saved worksheet 3 (goals_objectives), revision 1.
$ cairn tool report 3 --format md --as-of 2026-11-26 | grep '^| Objective'
| Objective 1 | Create a joint attendance team by January 2027 | 2027-01-15 | James Okafor |
| Objective 2 | Share the attendance dashboard with advisors | 2027-02-01 | Kim Nguyen |
