#!/usr/bin/env bash
# Planning tools on a real pseudo-terminal, driven through tmux as a facilitator would type:
#   1. cairn tool run five_whys: answer, go back (<) to change an answer, review, change the
#      problem statement by its number, save;
#   2. the REPL: w = run "monitoring_plan", a choice by number, a refused unknown person, save,
#      then w:report() in the terminal;
#   3. cairn tool run sfss_four_rs: save a draft, come back, resume it and finish.
# Prints TAP. Waits by polling the screen (no fixed sleeps). Skips only when tmux is missing.
. "$CAIRN_TESTS/pty/lib.sh"
# (no pager: w:report() here is longer than the screen; tests/pty/fit_test.sh tests the pager)
start() { # start NAME -- ARGS: cairn in a new session; prints EXITED <status> at the end
  sess=$1; shift 2
  tm new-session -d -s "$sess" -x 120 -y 50 \
    "cd '$dir' && NO_COLOR=1 TERM=xterm-256color CAIRN_HISTORY= CAIRN_PAGER= cairn $* ; echo EXITED \$?; sleep 600"
}
sql() { (cd "$dir" && cairn sql --csv "$1" | tail -n +2 | tr -d '\r' | sed 's/^"\(.*\)"$/\1/'); }

cd "$dir" || exit 1
cairn init --district "Riverside Unified" 2>/dev/null
cairn run "$CAIRN_TESTS/tools/people.lua" >/dev/null

# ---- 1. five_whys from the command line ---------------------------------------------------------
start t1 -- tool run five_whys
answer 'Problem Statement .*: $' 'Ninth-grade chronic absenteeism rose from 14% to 21%.'
answer '1\. Why — Reason .*: $' 'Students miss first period'
answer '^ *\| $' ''
answer '1\. Why — How do we know.*: $' 'SIS attendance'
answer '2\. Why — Reason .*: $' '<'
wait_prompt '1\. Why — How do we know.*\[SIS attendance\]: $'
ok $? "< goes back to the previous answer, shown as the default"
line 'SIS period attendance, fall 2025'
answer '2\. Why — Reason .*: $' 'Buses on routes 7 and 12 arrive late'
answer '^ *\| $' ''
answer '2\. Why — How do we know.*: $' 'Arrival logs'
answer '3\. Why — Reason .*: $' ''
answer 'Root cause 1 \(several lines.*: $' 'Merged bus routes arrive after the first bell'
answer '^ *\| $' ''
answer 'Root cause 1 — How do we know.*: $' 'Arrival logs, routes 7 and 12'
answer 'prevented\? \[y/n\]: $' 'y'
answer 'best suited to address it\? \[y/n\]: $' 'y'
answer 'addressed successfully\? \[y/n\]: $' 'y'
answer 'Add another root cause\? \[y/N\]: $' ''
wait_prompt '^review> $' && screen | grep -q '3  1\. Why — How do we know? Observable, data-based evidence: SIS period attendance, fall 2025'
ok $? "the review screen lists every answer with its number, the changed one included"
line '1'
wait_prompt 'Problem Statement .*: Ninth-grade chronic absenteeism rose from 14% to 21%\.$' &&
  key C-u && line 'Ninth-grade chronic absenteeism at Riverside High rose from 14% to 21%.'
answer '^review> $' 'save'
wait_for '^Saved worksheet 1 \(five_whys\), revision 1\.$' && wait_for '^EXITED 0$'
ok $? "save stores the worksheet and the command exits 0"
[ "$(sql "SELECT json_extract(answers, '\$.problem') FROM worksheet WHERE id = 1")" = \
  "Ninth-grade chronic absenteeism at Riverside High rose from 14% to 21%." ]
ok $? "the answer changed on the review screen is the one stored"
[ "$(sql "SELECT json_extract(answers, '\$.whys[0].evidence') FROM worksheet WHERE id = 1")" = \
  "SIS period attendance, fall 2025" ]
ok $? "the answer changed after going back is the one stored"
[ "$(sql "SELECT text FROM plan_item WHERE level = 'root_cause'")" = "Merged bus routes arrive after the first bell" ]
ok $? "the root cause is in the plan model"

# ---- 2. monitoring_plan in the REPL -------------------------------------------------------------
start t2 --
answer '^> $' 'w = run "monitoring_plan"'
answer 'Initiative: $' 'Ninth-grade attendance'
answer 'Who will monitor progress for your team\? .*: $' 'Jim Okafor'
wait_for "'Jim Okafor' is not in the workspace yet. Add them as a new person\?"
ok $? "an unknown person is not taken silently: the REPL asks whether to add them"
line 'n'
answer 'Who will monitor progress for your team\? .*: $' 'James Okafor'
answer 'How often will progress be reported, and to whom\?: $' 'Monthly to the leadership team'
answer 'Milestone 1: $' 'Separate routes 7 and 12 running'
answer 'Milestone 1 — Feedback Data.*: $' 'Bus arrival times'
wait_prompt 'Milestone 1 — Frequency.*: $' && screen | grep -q '1) Weekly'
ok $? "a choice lists its options with numbers"
line '1'
answer 'Milestone 1 — Source.*: $' 'Transportation arrival logs'
answer 'Milestone 1 — Target date.*: $' '12/18/2026'
answer 'Milestone 1 — Task or action step.*: $' ''
answer 'Milestone 1 — Status.*: $' ''
answer 'Add another milestone\? \[y/N\]: $' 'n'
answer '^review> $' 'save'
wait_for '^Saved worksheet 2 \(monitoring_plan\), revision 1\.$'
ok $? "the REPL saves the worksheet"
answer '^> $' 'w:report()'
wait_for 'Separate routes 7 and 12 running' && wait_for 'Milestones met: 0 of 1\.'
ok $? "w:report() shows the monitoring plan in the terminal"
answer '^> $' 'plan.due_within(30, { as_of = "2026-11-26" })'
wait_for 'Monitoring plan: Ninth-grade attendance  milestone  Separate routes 7 and 12.*James Okafor.*2026-12-18'
ok $? "the milestone is in the plan model, due within 30 days, owned by the monitor"
key C-d
wait_for '^EXITED 0$'

# ---- 3. sfss_four_rs: a draft, then resume ------------------------------------------------------
start t3 -- tool run sfss_four_rs
answer 'District Name: $' 'Riverside Unified'
answer 'Resource Alignment .*: $' 'draft'
wait_for 'Saved a draft: worksheet 3' && wait_for '^EXITED 0$'
ok $? "draft saves a draft worksheet and stops"
[ "$(sql "SELECT status FROM worksheet WHERE id = 3")" = "draft" ]
ok $? "the worksheet is stored as a draft"
start t4 -- tool run sfss_four_rs
answer 'There is a draft of sfss_four_rs: worksheet 3.*Resume it\? \[Y/n\] $' ''
answer 'Resource Alignment .*: $' 'Use Title IV-A for advisor stipends.'
answer '^ *\| $' ''
answer 'Infrastructure/System Management .*: $' ''
answer 'Add a rule\? \[y/N\]: $' 'y'
answer 'Rule 1 — Policy, Protocol.*: $' 'Attendance policy section 4'
answer 'Rule 1 — Adjustments Needed: $' 'Late arrival by district bus is tardy, not absent'
answer 'Rule 1 — Supports Needed to Make Adjustments: $' 'Board approval'
answer 'Add another rule\? \[y/N\]: $' ''
answer 'Add a role\? \[y/N\]: $' ''
answer 'Add a relationship\? \[y/N\]: $' ''
answer 'Add a resource\? \[y/N\]: $' 'y'
answer 'Resource 1 — Expenditure/Budget Implication.*: $' 'Advisor training stipends'
answer 'Resource 1 — Anticipated Costs.*: $' '$12,500'
answer 'Resource 1 — Funding Source / Reallocation: $' 'Title IV-A'
answer 'Add another resource\? \[y/N\]: $' ''
answer 'Add a partner role\? \[y/N\]: $' ''
answer '^review> $' 'save'
wait_for 'Saved worksheet 3 \(sfss_four_rs\)' && wait_for '^EXITED 0$'
ok $? "the resumed draft is finished and saved as the same worksheet"
[ "$(sql "SELECT status || ' ' || json_extract(answers, '\$.resources[0].cost') FROM worksheet WHERE id = 3")" = "final 12500" ]
ok $? "money typed as \$12,500 is stored as 12500 and the worksheet is final"
[ "$(sql "SELECT cost || ' ' || funding FROM plan_item WHERE level = 'resource'")" = "12500.0 Title IV-A" ]
ok $? "the resource's cost and funding source are in the plan model"

finish
