#!/usr/bin/env bash
# run "five_whys" in the REPL on a real pseudo-terminal (tmux): the built-in 5 Whys tool asked
# question by question, going back to change an answer, ending the optional whys early, the
# review screen, editing an answer there, saving, then w:history() and the stored answers;
# a second run quits with a draft, and run "five_whys" offers to resume it. Prints TAP.
# Waits by polling the screen; skips only when tmux is missing.
. "$CAIRN_TESTS/pty/lib.sh"
start() { # start NAME: the REPL in a new session; prints EXITED <status> when it ends
  sess=$1
  tm new-session -d -s "$sess" -x 120 -y 50 \
    "cd '$dir' && env CAIRN_HISTORY= TERM=xterm-256color NO_COLOR=1 cairn ; echo EXITED \$?; sleep 600"
}

cd "$dir" || exit 1
cairn init --district "Pty District" 2>/dev/null

# ---- a whole run -----------------------------------------------------------------------------
start s1
wait_for '^> '
line 'w = run "five_whys"'
wait_for '^Problem Statement \(one-sentence description of the problem\): '
ok $? "run shows the first question with its label and help"
screen | grep -q '1. Before you begin asking "Why," state the problem'
ok $? "the tool's instructions come first"

line 'Ninth-grade chronic absenteeism rose from 14% to 21%.'
wait_for '^1\. Why — Reason why problem is occurring'
ok $? "the 5 Whys table asks row by row"
line 'Students miss the first bus'
line ''
wait_for '^1\. Why — How do we know\? Observable, data-based evidence: '
line 'Attendance by route'
wait_for '^2\. Why — Reason why problem is occurring'
line '<'
wait_for '^1\. Why — How do we know\? Observable, data-based evidence \[Attendance by route\]: '
ok $? "< goes back and shows the earlier answer as the default"
line 'Attendance by bus route, 2025-26'
wait_for '^2\. Why — Reason why problem is occurring.*empty now ends the table' 2
ok $? "an optional why can end the table"
line ''
wait_for '^Root cause 1 \(several lines'
ok $? "root causes follow the section's instructions"
line 'Bus routes do not match bell times'
line ''
wait_for '^Root cause 1 — How do we know'
line 'Route and bell schedules'
wait_for 'would the problem be prevented\? \[y/n\]: '
line 'y'
wait_for 'best suited to address it\? \[y/n\]: '
line 'y'
wait_for 'if addressed successfully\? \[y/n\]: '
line 'y'
wait_for '^Add another root cause\? \[y/N\]: '
line 'n'
wait_for '^review> '
ok $? "the review screen follows the last question"
screen | grep -Eq '^ +3  1\. Why — How do we know\? Observable, data-based evidence: Attendance by bus route, 2025-26$'
ok $? "the review lists every answer with a number"

line '1'
wait_prompt '^Problem Statement \(one-sentence description of the problem\): Ninth-grade chronic absenteeism rose from 14% to 21%\.$'
ok $? "a number on the review screen offers that answer in the line editor, already typed"
key C-u; line 'Ninth-grade chronic absence rose from 14% to 21% in two years.'
wait_for '^review> ' 2
screen | grep -Eq '^ +1  Problem Statement: Ninth-grade chronic absence rose from 14% to 21% in two years\.$'
ok $? "and the review shows the new answer"
line 'save'
wait_for '^Saved worksheet 1 \(five_whys\), revision 1\.$'
ok $? "save stores the worksheet"
line 'w'
wait_for '^worksheet 1 · five_whys · Ninth-grade chronic absence rose'
ok $? "run returned the worksheet (the REPL prints it)"
line 'w:history()'
wait_for '^  1  .*final +created$'
ok $? "w:history() lists the first revision"

# ---- quit with a draft, resume it ----------------------------------------------------------------
line 'run "five_whys"'
wait_for 'Problem Statement \(one-sentence description of the problem\): ' 2
type_text 'problem statement.'; key C-a; type_text 'Draft '; key Enter   # edited like at the prompt
wait_for '^1\. Why — Reason why problem is occurring' 2
line 'quit'
wait_for '^Save a draft before you go\? \[Y/n\] '
line ''
wait_for '^Saved a draft: worksheet 2\. resume\(2\) continues it\.$'
ok $? "quit offers to save a draft"
line 'run "five_whys"'
wait_for '^There is a draft of five_whys: worksheet 2, "Draft problem statement\." \(saved .*\)\. Resume it\? \[Y/n\] '
ok $? "run offers to resume the draft"
line 'y'
wait_for '^1\. Why — Reason why problem is occurring' 3
ok $? "and resumes at the question where it stopped"
key Up Up Up   # answers so far, newest first: y, quit, Draft problem statement.
wait_for '^1\. Why — Reason why problem is occurring.*: Draft problem statement\.$'
ok $? "answers have line editing: Ctrl-A moved to the start, Up recalls an earlier answer"
tm send-keys -t "$sess" C-c
wait_for '^Save a draft before you go\? \[Y/n\] ' 2
ok $? "Ctrl-C at a question stops the run, offering a draft"
line 'n'
wait_for '^Nothing was saved\.$'
line '40 + 2'
wait_for '^42$'
ok $? "and the REPL goes on"
tm send-keys -t "$sess" C-d
wait_for '^EXITED 0$'
ok $? "Ctrl-D leaves the REPL"

answers=$(cairn sql --csv "SELECT answers FROM worksheet WHERE id = 1")
case "$answers" in
  *'Ninth-grade chronic absence rose from 14% to 21% in two years.'*'Attendance by bus route, 2025-26'*) r=0 ;;
  *) r=1 ;;
esac
[ $r -eq 0 ] || printf '#   answers: %s\n' "$answers"
ok $r "the stored answers hold the edited and the re-answered values"
[ "$(cairn sql --csv "SELECT status FROM worksheet WHERE id = 2")" = "$(printf 'status\r\ndraft\r')" ]
ok $? "the draft is still a draft"

finish
