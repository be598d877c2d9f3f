# The plan model from the command line and the REPL, on the demo district, and the plan reports
# run the way cron runs them.
$ cairn init --district "Riverside Unified"
created cairn.db for Riverside Unified
$ cairn run "$TESTS/../scripts/workflows/demo_plan.lua"
$ cairn check
cairn.db: ok
$ cairn -e 'print(plan.overdue { as_of = "2026-11-26" })'
id  plan                          level      text                                       owner     due         days late  status
--  ----------------------------  ---------  -----------------------------------------  --------  ----------  ---------  ---------
14  District Action Plan 2026-27  benchmark  Launch an attendance team at every school  Ana Ruiz  2026-10-31         26  at risk
20  District Action Plan 2026-27  benchmark  Order classroom libraries for K-5                    2026-11-20          6  off track
(2 rows)
$ cairn -e 'print(plan.due_within(14, { as_of = "2026-11-26" }))'
id  plan                          level      text                                    owner     due         status
--  ----------------------------  ---------  --------------------------------------  --------  ----------  -----------
27  District Action Plan 2026-27  benchmark  Survey staff on shared decision making  Lee Park  2026-12-10  not started
(1 row)
$ cairn -e 'print(plan.off_target { as_of = "2026-11-26" })'
id  plan                      benchmark / outcome                       metric                    actual  expected  state
--  ------------------------  ----------------------------------------  ------------------------  ------  --------  ----------
 4  Riverside Unified Distr…  By June 2029, reduce chronic absenteeis…  Chronic absenteeism rate  20.1%   19.8%     off target
16  District Action Plan 20…  90% of students with 3+ absences in a m…  Students contacted with…  71.0%   75.7%     off target
(2 rows)
$ cairn -e 'print(plan.get("District Action Plan 2026-27"):diff "baseline")'
added #30 benchmark 'Family literacy nights at each elementary school' (Rosa Delgado, due 2027-04-30)
re-dated #15 benchmark 'Send families a personal attendance note each mon…': due 2027-06-15 -> 2027-06-30
re-dated #27 benchmark 'Survey staff on shared decision making': due 2026-12-05 -> 2026-12-10
re-assigned #27 benchmark 'Survey staff on shared decision making': Sam Patel -> Lee Park
status #13 benchmark 'Hire and train four attendance coaches': not started -> done
status #14 benchmark 'Launch an attendance team at every school': not started -> at risk
status #15 benchmark 'Send families a personal attendance note each mon…': not started -> on track
status #16 benchmark '90% of students with 3+ absences in a month are c…': not started -> on track
status #18 benchmark 'Teacher committee selects the K-5 literacy curric…': not started -> done
status #20 benchmark 'Order classroom libraries for K-5': not started -> off track
status #22 benchmark '20 teachers complete an ESL course': not started -> on track
status #25 benchmark 'Charter the joint leadership team and agree on no…': not started -> done
status #26 benchmark 'Hold monthly joint leadership team meetings': not started -> on track
status #29 benchmark 'Print attendance awareness posters': not started -> dropped
$ cairn -e 'print(plan.smart_check("Improve attendance", "WestEd"))'
SMART goal (WestEd): Strategic, Measurable, Attainable, Results-Oriented, and Timebound
  ! Measurable: the goal has no number. Say how much change you want (a percentage, a count, a rate) so you can tell when it is reached.
  ! Timebound: the goal has no date or year. Say by when it will be reached (for example 'by June 2027').
  ? Strategic: does the goal address the root causes you identified and matter to what the partnership is trying to achieve?
  ? Attainable: can the team reach this with the time, people and resources available?
  ? Results-Oriented: is this the result you want, not only an activity?
# the REPL prints lists as tables
$ cairn <<'EOF2'
> plan.unowned()
> plan.by_owner("Lee Park", { plan = "District Action Plan 2026-27" })
> plan.get(2):find("Launch"):history()
> plan.walk(plan.get(3):items { level = "root_cause" }, { "addresses", "monitored_by" })
> EOF2
id  plan                          level      text                               owner  due         status
--  ----------------------------  ---------  ---------------------------------  -----  ----------  ---------
20  District Action Plan 2026-27  benchmark  Order classroom libraries for K-5         2026-11-20  off track
(1 row)
id  plan                          level                 text                                          owner     due         status
--  ----------------------------  --------------------  --------------------------------------------  --------  ----------  -----------
25  District Action Plan 2026-27  benchmark             Charter the joint leadership team and agree…  Lee Park  2026-10-01  done
27  District Action Plan 2026-27  benchmark             Survey staff on shared decision making        Lee Park  2026-12-10  not started
24  District Action Plan 2026-27  strategic_initiative  A joint district-association leadership team  Lee Park              not started
28  District Action Plan 2026-27  benchmark             Publish a joint update to families            Lee Park              not started
(4 rows)
on          status    %   by        note
----------  --------  --  --------  -----------------------------------------
2026-09-15  on track  70  Ana Ruiz  Teams formed at 5 of 7 schools
2026-11-02  at risk   70  Ana Ruiz  Two schools still have no attendance team
(2 rows)
root_cause #33 'No one is responsible for contacting families after the first absences' addresses -> benchmark #16 '90% of students with 3+ absences in a month are contacted within a week' monitored_by -> milestone #34 'Review the coach contact log with principals'
# a view for cairn sql and spreadsheets
$ cairn sql "SELECT id, owner, due, status, tags FROM plan_items_view WHERE plan_kind = 'district_plan' AND level = 'strategic_objective'"
id  owner           due  status       tags
--  --------------  ---  -----------  ----------------------------------------
 1  Ana Ruiz             not_started  Strong Climate & Culture
 5  Dana Whitfield       not_started  Engaging Instruction for Academics & SEL
 9  Lee Park             not_started  Strategic Partnerships & Coalitions
(3 rows)
# errors name the field and what was expected, and change nothing
$ cairn -e 'plan.get(2):find("Launch"):set { due = "2026-31-12" }'
cairn: item 'Launch an attendance team at every scho…'.due: '2026-31-12' is not a date (expected YYYY-MM-DD)
[1]
$ cairn -e 'plan.get(2):find("Launch"):set { owner = "J. Smith" }'
cairn: item 'Launch an attendance team at every scho…'.owner: unknown person 'J. Smith' (known: Ana Ruiz, Dana Whitfield, Elena Marsh, James Okafor, Kim Nguyen, Lee Park, Maria Chen, Rosa Delgado, Sam Patel)
[1]
$ cairn -e 'plan.get(2):add { text = "New step", owner = "Ana Ruiz" }; plan.get(2):find("Launch"):set_status("finished")'
cairn: item #14.status: 'finished' is not a status (expected one of: not started, on track, at risk, off track, done, dropped)
[1]
$ cairn sql "SELECT count(*) AS n FROM plan_item WHERE text = 'New step'"
n
-
0
(1 row)
# cron: the plan status report, then a week later with what changed
$ mkdir -p out && cairn report plan_status --as-of 2026-11-26 --format html --out out/ && ls out
out/plan_status-2026-11.html
plan_status-2026-11.html
$ grep -c '<svg' out/plan_status-2026-11.html
6
$ cairn -e 'plan.get(2):find("Survey staff"):set_status("on track", { on = "2026-12-01", by = "Lee Park" })'
$ cairn report plan_status --as-of 2026-12-03 --format md --out out/ && sed -n '/^## What changed/,/^## Riverside/p' out/plan_status-2026-12.md
out/plan_status-2026-12.md
## What changed since the last run

Since the last run on 26 Nov 2026:

**District Action Plan 2026-27**

- status #27 benchmark 'Survey staff on shared decision making': not started -> on track

## Riverside Unified District Plan 2026-2029
$ cairn report plan_status --param plan=Nope --as-of 2026-12-03 --format md --out out/nope.md; ls out
cairn: report plan_status: --param plan: no plan 'Nope' (plans: Riverside Unified District Plan 2026-2029; District Action Plan 2026-27; Ninth-grade chronic absenteeism; Attendance monitoring 2026-27)
plan_status-2026-11.html
plan_status-2026-12.md
$ cairn report district_plan --as-of 2026-11-26 --format md --out - | sed -n '3,12p'
**Multi-year District Plan 2026-2029 and Annual Action Plan 2026-27**

Riverside Unified · period 2026-11 · as of 2026-11-26

## Mission, Core Values and Vision

### Mission

Riverside Unified prepares every student to thrive in school, at work and in the community.
