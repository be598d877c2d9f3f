# The guidebooks' worked examples (scripts/tools/examples/): ? at a question shows the example's
# answer to it, ? on the review screen its summary; --example (or run("ID", {example = true}))
# starts pre-filled, saves a worksheet marked as training that writes nothing into the plan, and
# its report says so.
$ cairn init --district "Riverside Unified" >/dev/null 2>&1; cairn run $TESTS/tools/people.lua
8 people in Riverside Unified
# ? in an ordinary run: the example's answer to this question, then to one it leaves empty.
$ printf '%s\n' '?' '' '?' quit n | cairn tool run goals_objectives | sed -n '/^Working committee/,$p'
Working committee: ?

Working committee
    (The worked example, NEA language arts goal and objectives, leaves this
    question empty.)
    Answer: text
    At any question: Enter keeps the answer shown (or skips an optional
    question), ? explains the question, < or back goes back, skip leaves it
    empty, review shows every answer, draft saves a draft to finish later,
    quit stops.

Working committee: 

== INITIATIVE GOAL ==
  A goal should be stated in terms of your desired result and a designated
  timeframe. It should align with the leadership team's overarching goals. For
  example, a goal related to language arts achievement might read, "By the end
  of this year, we will have selected a new language arts instructional
  program to be implemented next year in targeted schools."
Write your initiative's goal here... (several lines; an empty line ends the answer): ?

Write your initiative's goal here...
    In the worked example (NEA language arts goal and objectives): By the end
    of this year, we will have selected a new language arts instructional
    program to be implemented next year in targeted schools.
    Answer: long text, required
    At any question: Enter keeps the answer shown (or skips an optional
    question), ? explains the question, < or back goes back, skip leaves it
    empty, review shows every answer, draft saves a draft to finish later,
    quit stops.

Write your initiative's goal here... (several lines; an empty line ends the answer): quit
Nothing was saved.
# ? on the review screen: the example in a few lines.
$ printf '%s\n' review '?' quit | cairn tool run overarching_goals | sed -n '/^review> ?/,/^Review/p'
review> ?

  Worked example: NEA relational and content goals
  (NEA, Collaborating for Student Success (2019 draft), Overarching Goals
  Template)
  Two partnership goals for next year: a relational one (administrators and
  educators meet collaboratively each month in focus groups) and a content one
  (educators can schedule at least 6 hours of professional development during
  school hours).
  Start from it for training: run("overarching_goals", {example = true}) or
  cairn tool run overarching_goals --example.

Review: Overarching Goals Template
# District A, pre-filled: ? at the first question, then quit without keeping anything.
$ printf '%s\n' '?' quit n | cairn tool run sample_planning_process --example | sed -n '/^Training run/,$p'
Training run: the answers are the guidebook's worked example (District A).
Enter keeps each one, or type your own. The worksheet is saved as training and
writes nothing into the plan.

== Step 1. Examine Performance Trends ==
What are the most relevant data sources to use? (several lines; an empty line ends the answer) [Walkthrough data on the implementation of professional deve…]: ?

What are the most relevant data sources to use?
    In the worked example (District A): Walkthrough data on the implementation
    of professional development at the district, building and classroom level.
    (cairn's illustration: add the state assessment and behavior referral data
    behind the trends.)
    Answer: long text, required
    At any question: Enter keeps the answer shown (or skips an optional
    question), ? explains the question, < or back goes back, skip leaves it
    empty, review shows every answer, draft saves a draft to finish later,
    quit stops.

What are the most relevant data sources to use? (several lines; an empty line ends the answer) [Walkthrough data on the implementation of professional deve…]: quit
Save a draft before you go? [Y/n] n
Nothing was saved.
$ cairn sql "SELECT count(*) AS worksheets FROM worksheet"
worksheets
----------
         0
(1 row)
# The NEA example project plan from the REPL's run("project_plan", {example = true}), saved from
# the review screen: a training worksheet, no plan content, no new people.
$ printf '%s\n' review save | cairn -e 'run("project_plan", {example = true})' | tail -1
Saved worksheet 1 (project_plan), revision 1.
$ cairn sql "SELECT id, tool, status, training FROM worksheet"
id  tool          status  training
--  ------------  ------  ------------------------
 1  project_plan  final   NEA example project plan
(1 row)
$ cairn sql "SELECT (SELECT count(*) FROM plan) AS plans, (SELECT count(*) FROM person) AS people"
plans  people
-----  ------
    0       8
(1 row)
$ cairn tool report 1 --format markdown --as-of 2026-11-26 | sed "s/^[#>]/|&/"
|# The Project Plan Template

**The Project Plan Template**

Riverside Unified · as of 2026-11-26

|> [!NOTE]
|> Training worksheet: started from the guidebook's worked example (NEA example project plan). It is not part of the district's plan.

**Project plan**

| Goal / Objective / Task / Subtask | Lead | Due Date | Product/Output/Metrics | Resources |
| --- | --- | --- | --- | --- |
| Goal 1: Next year, over 90% of educators will report that the district-provided professional development during in-service days was "very helpful" and aligned with their needs. |  |  |  |  |
| Objective 1.1: By the end of 3rd quarter, identify educators' self-reported professional needs |  |  |  |  |
| Task 1.1.1: Determine target audience & survey requirements | JP | 2025-12-01 to 2025-12-15 | Outreach plan |  |
| Task 1.1.2: Create survey tool | JP | 2025-12-16 to 2025-12-23 | Survey instrument |  |
| Task 1.1.3: Schedule survey implementation | JP, MK | 2026-01-06 | Survey schedule |  |
| Task 1.1.4: Communicate survey intent and schedule | JP, RT | 2026-01-06 to 2026-01-10 | Joint letter to all staff |  |
| Task 1.1.5: Administer survey | JP, JH | 2026-01-12 to 2026-01-20 | Distribution list |  |
| Task 1.1.6: Collate results | JH | 2026-01-20 to 2026-01-30 | Survey data set |  |
| Task 1.1.7: Analyze results | JH | 2026-02-01 to 2026-02-15 | Survey analytics report |  |
| Task 1.1.8: Publish findings on professional needs as reported by educators | JP | 2026-02-20 | Findings report |  |
| Task 1.1.9: Professional needs as reported by educators has been completed | JP | 2026-02-20 | Milestone |  |

**Chart: Timeline of tasks**

_Timeline of 9 items from 2025-12-01 to 2026-02-20._

| Item | Date | End | Status |
| --- | --- | --- | --- |
| Determine target audience & survey requirements | 2025-12-01 | 2025-12-15 |  |
| Create survey tool | 2025-12-16 | 2025-12-23 |  |
| Schedule survey implementation | 2026-01-06 |  |  |
| Communicate survey intent and schedule | 2026-01-06 | 2026-01-10 |  |
| Administer survey | 2026-01-12 | 2026-01-20 |  |
| Collate results | 2026-01-20 | 2026-01-30 |  |
| Analyze results | 2026-02-01 | 2026-02-15 |  |
| Publish findings on professional needs as reported by educators | 2026-02-20 |  |  |
| Professional needs as reported by educators has been completed | 2026-02-20 |  |  |

|## Tasks by lead

**JH**

| Task | Due Date | Product/Output/Metrics |
| --- | --- | --- |
| Administer survey | 2026-01-20 | Distribution list |
| Collate results | 2026-01-30 | Survey data set |
| Analyze results | 2026-02-15 | Survey analytics report |

**JP**

| Task | Due Date | Product/Output/Metrics |
| --- | --- | --- |
| Determine target audience & survey requirements | 2025-12-15 | Outreach plan |
| Create survey tool | 2025-12-23 | Survey instrument |
| Schedule survey implementation | 2026-01-06 | Survey schedule |
| Communicate survey intent and schedule | 2026-01-10 | Joint letter to all staff |
| Administer survey | 2026-01-20 | Distribution list |
| Publish findings on professional needs as reported by educators | 2026-02-20 | Findings report |
| Professional needs as reported by educators has been completed | 2026-02-20 | Milestone |

**MK**

| Task | Due Date | Product/Output/Metrics |
| --- | --- | --- |
| Schedule survey implementation | 2026-01-06 | Survey schedule |

**RT**

| Task | Due Date | Product/Output/Metrics |
| --- | --- | --- |
| Communicate survey intent and schedule | 2026-01-10 | Joint letter to all staff |
# The Project Plan Template

**The Project Plan Template**

Riverside Unified · as of 2026-11-26


**Project plan**

| Goal / Objective / Task / Subtask | Lead | Due Date | Product/Output/Metrics | Resources |
| --- | --- | --- | --- | --- |
| Goal 1: Next year, over 90% of educators will report that the district-provided professional development during in-service days was "very helpful" and aligned with their needs. |  |  |  |  |
| Objective 1.1: By the end of 3rd quarter, identify educators' self-reported professional needs |  |  |  |  |
| Task 1.1.1: Determine target audience & survey requirements | JP | 2025-12-01 to 2025-12-15 | Outreach plan |  |
| Task 1.1.2: Create survey tool | JP | 2025-12-16 to 2025-12-23 | Survey instrument |  |
| Task 1.1.3: Schedule survey implementation | JP, MK | 2026-01-06 | Survey schedule |  |
| Task 1.1.4: Communicate survey intent and schedule | JP, RT | 2026-01-06 to 2026-01-10 | Joint letter to all staff |  |
| Task 1.1.5: Administer survey | JP, JH | 2026-01-12 to 2026-01-20 | Distribution list |  |
| Task 1.1.6: Collate results | JH | 2026-01-20 to 2026-01-30 | Survey data set |  |
| Task 1.1.7: Analyze results | JH | 2026-02-01 to 2026-02-15 | Survey analytics report |  |
| Task 1.1.8: Publish findings on professional needs as reported by educators | JP | 2026-02-20 | Findings report |  |
| Task 1.1.9: Professional needs as reported by educators has been completed | JP | 2026-02-20 | Milestone |  |

**Chart: Timeline of tasks**

_Timeline of 9 items from 2025-12-01 to 2026-02-20._

| Item | Date | End | Status |
| --- | --- | --- | --- |
| Determine target audience & survey requirements | 2025-12-01 | 2025-12-15 |  |
| Create survey tool | 2025-12-16 | 2025-12-23 |  |
| Schedule survey implementation | 2026-01-06 |  |  |
| Communicate survey intent and schedule | 2026-01-06 | 2026-01-10 |  |
| Administer survey | 2026-01-12 | 2026-01-20 |  |
| Collate results | 2026-01-20 | 2026-01-30 |  |
| Analyze results | 2026-02-01 | 2026-02-15 |  |
| Publish findings on professional needs as reported by educators | 2026-02-20 |  |  |
| Professional needs as reported by educators has been completed | 2026-02-20 |  |  |

## Tasks by lead

**JH**

| Task | Due Date | Product/Output/Metrics |
| --- | --- | --- |
| Administer survey | 2026-01-20 | Distribution list |
| Collate results | 2026-01-30 | Survey data set |
| Analyze results | 2026-02-15 | Survey analytics report |

**JP**

| Task | Due Date | Product/Output/Metrics |
| --- | --- | --- |
| Determine target audience & survey requirements | 2025-12-15 | Outreach plan |
| Create survey tool | 2025-12-23 | Survey instrument |
| Schedule survey implementation | 2026-01-06 | Survey schedule |
| Communicate survey intent and schedule | 2026-01-10 | Joint letter to all staff |
| Administer survey | 2026-01-20 | Distribution list |
| Publish findings on professional needs as reported by educators | 2026-02-20 | Findings report |
| Professional needs as reported by educators has been completed | 2026-02-20 | Milestone |

**MK**

| Task | Due Date | Product/Output/Metrics |
| --- | --- | --- |
| Schedule survey implementation | 2026-01-06 | Survey schedule |

**RT**

| Task | Due Date | Product/Output/Metrics |
| --- | --- | --- |
| Communicate survey intent and schedule | 2026-01-10 | Joint letter to all staff |
# The CLI's --example: the same, and a tool whose guidebook has no worked example.
$ printf '%s\n' review save | cairn tool run overarching_goals --example --as-of 2026-11-26 | tail -1
Saved worksheet 2 (overarching_goals), revision 1.
$ cairn tool report 2 --as-of 2026-11-26 | head -9
Overarching Goals Template
==========================
Overarching Goals Template
Riverside Unified · as of 2026-11-26

i Note: Training worksheet: started from the guidebook's worked example (NEA
  relational and content goals). It is not part of the district's plan.

Relational goals
$ cairn tool run five_whys --example
cairn: five_whys has no worked example in its guidebook (tools with one: communication_plan, extending_the_invitation, goals_objectives, ma_district_action_plan, overarching_goals, project_plan, sample_planning_process, standing_meeting_worksheet)
[1]
$ cairn tool run goals_objectives --example --answers x.json
cairn: --example starts from the tool's worked example; it cannot take --answers too
usage: cairn tool list [FILTER] | show ID | run ID [--answers FILE | --example] [--title T] [--draft]
       [--format F] [--out PATH] | edit WORKSHEET | resume WORKSHEET | copy ID [DIR] [--force]
       | worksheets [--tool ID] | history WORKSHEET | report WORKSHEET [--format F] [--out PATH]
[2]
$ cairn tool show goals_objectives | tail -8
(NEA, Collaborating for Student Success (2019 draft), Goals and Objectives)
A working committee's goal (select a new language arts program by the end of
the year) serving the leadership team's goal of raising fourth-grade language
arts results in targeted schools to the district average, with three
objectives: a committee at each school, a program chosen by April, and a
professional development plan by April.
Start from it for training: run("goals_objectives", {example = true}) or cairn
tool run goals_objectives --example.
# A training run kept as a draft and resumed later stays training (no people added, no plan).
$ printf '%s\n' review draft | cairn tool run goals_objectives --example | tail -1
Saved a draft: worksheet 3. resume(3) continues it.
$ printf '%s\n' review save | cairn tool resume 3 | tail -1
Saved worksheet 3 (goals_objectives), revision 2.
$ cairn sql "SELECT w.id, w.status, w.training, (SELECT count(*) FROM plan) AS plans, (SELECT count(*) FROM person) AS people FROM worksheet w WHERE w.id = 3"
id  status  training                               plans  people
--  ------  -------------------------------------  -----  ------
 3  final   NEA language arts goal and objectives      0       8
(1 row)
# The guidebook's sample invitation, pre-filled: the training worksheet's report is the
# invitation itself (Join Me! style: opener, supporting information, request).
$ printf '%s\n' review save | cairn tool run extending_the_invitation --example | tail -1
Saved worksheet 4 (extending_the_invitation), revision 1.
$ cairn tool report 4 --format markdown --as-of 2026-11-26 | sed "s/^[#>]/|&/" | head -20
|# Invitation: Superintendent

**Extending the Invitation**

Riverside Unified · as of 2026-11-26

|> [!NOTE]
|> Training worksheet: started from the guidebook's worked example (NEA sample invitations). It is not part of the district's plan.

|## The invitation

Dear Superintendent,

Have you seen the national Call to Action for education partnerships?

The educators', principals', superintendents', and school boards' associations are jointly encouraging their members across the nation to work together on student-centered goals, like language arts proficiency. There's research that shows schools and districts robustly using these partnerships average twelve-and-half percent more students performing at or above grade level in English language arts, as well as other benefits. I'll send you a copy of the information. I think we could work together to really make a difference.

Can we sit down next week to talk in more detail?

|## Step 1: Do your homework
# The second sample (Compare/Contrast) is shown with the example's summary.
$ cairn tool show extending_the_invitation | grep -c "Imagine being able to report"
1
# Massachusetts's two benchmark examples, pre-filled: the ESL coordinator is not added to the
# workspace and the benchmarks go into no plan.
$ printf '%s\n' review save | cairn tool run ma_district_action_plan --example | tail -1
Saved worksheet 5 (ma_district_action_plan), revision 1.
$ cairn sql "SELECT (SELECT count(*) FROM plan) AS plans, (SELECT count(*) FROM person) AS people"
plans  people
-----  ------
    0       8
(1 row)
$ cairn tool report 5 --format markdown --as-of 2026-11-26 | sed "s/^[#>]/|&/" | sed -n '/Implementation Benchmarks/,$p'
|## I. Implementation Benchmarks

|### Initiative 1: Strengthen ESL instruction for English learners

**Process benchmarks**

| Benchmark | Who | By |
| --- | --- | --- |
| 20 teachers will complete an ESL course by June. | ESL Coordinator | 2026-06-30 |

**Early evidence of change benchmarks**

| Benchmark | Source | Target | Unit | From | By |
| --- | --- | ---: | --- | --- | --- |
| An increase in student use of oral language is observed in these ESL teachers' classrooms. | Classroom observation | 80 | % of classrooms | 2025-10-01 | 2026-05-31 |

|## II. Resources Supporting Implementation

No resources were entered.
