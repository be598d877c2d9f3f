#!/usr/bin/env bash
# The REPL in front of a room, on a real pseudo-terminal at 60, 80 and 120 columns: help found by
# help(x), help "x" and ?x, wrapped at word boundaries to the terminal's width; SQL typed at the
# prompt printing a grid that fits; long output through the pager (CAIRN_PAGER). Prints TAP.
. "$CAIRN_TESTS/pty/lib.sh"
start() { # start NAME WIDTH ENV...: cairn in a new session of WIDTH columns
  sess=$1; local width=$2; shift 2
  tm new-session -d -s "$sess" -x "$width" -y 40 \
    "cd '$dir' && env NO_COLOR=1 TERM=xterm-256color CAIRN_HISTORY= $* cairn; echo EXITED \$?; sleep 600"
}
# the widest non-empty line on the screen
widest() { screen | awk '{ sub(/ +$/, ""); if (length($0) > w) w = length($0) } END { print w + 0 }'; }

cd "$dir" || exit 1
cairn init --district "Room District" 2>/dev/null
cairn -e 'for i = 1, 60 do plan.person{name = "Person " .. i, role = "A rather long role description for row " .. i} end' >/dev/null

cairn -e 'plan.person{name = "Ana Diaz"}
  local p = plan.create{kind = "action_plan", title = "District Action Plan 2026-27", levels = {"goal"}}
  p:add{level = "goal", owner = "Ana Diaz", due = "2026-12-15", text = "Improve attendance across '\
'every school in the district through family outreach, mentoring and a morning club that '\
'welcomes every student by name"}' >/dev/null

for width in 60 80 120; do
  start "w$width" "$width" CAIRN_PAGER=
  wait_for '^> '
  line 'help(run)'
  wait_for 'keeps a draft|keeps a$'
  [ "$(widest)" -le "$width" ] && screen | grep -q 'without asking\.$'
  ok $? "$width columns: help(run) wraps within the width at word boundaries"
  screen | grep -Eq '(^| )(Ctrl-|draft\)|answers)' && ! screen | grep -Eq '[a-z]-$'
  ok $? "$width columns: no word is cut at a line end"

  line '?plan.overdue'
  wait_for '^plan\.overdue\{as_of=, plan=, level=\} -> items'
  ok $? "$width columns: ?plan.overdue shows its doc"
  line 'help "resume"'
  wait_for '^resume\(\[id\]\) -> worksheet'
  ok $? "$width columns: help \"resume\" has a doc"

  line 'plan.list()[1]:tree()'
  wait_for 'welcomes every'
  wait_for 'due 2026-12-15\)'
  [ "$(widest)" -le "$width" ]
  ok $? "$width columns: p:tree() wraps the full text at word boundaries, the date whole"

  line 'SELECT name, role FROM person WHERE id <= 3'
  wait_for '^\(3 rows\)'
  [ "$(widest)" -le "$width" ] && screen | grep -q '^Person 1 '
  ok $? "$width columns: SQL at the prompt prints a grid that fits the width"
  key C-d
  wait_for '^EXITED 0$'
  ok $? "$width columns: the session ends with status 0"
done

# the pager: long output goes through it on a terminal (here a filter that marks each line)
start pager 80 "CAIRN_PAGER='sed s/^/PAGED:/'"
wait_for '^> '
line 'SELECT name FROM person'
wait_for '^PAGED:\(61 rows\)'
ok $? "a result longer than the screen goes through the pager"
line 'SELECT count(*) AS n FROM person'
wait_for '^ +61$'
! screen | grep -q 'PAGED: *61$'
ok $? "a short result is printed directly"
key C-d
wait_for '^EXITED 0$'
ok $? "the pager session ends with status 0"

finish
