#!/usr/bin/env bash
# Fit the screen, the rest (issue 12), on a real pseudo-terminal at 60, 80 and 120 columns:
# tools(), worksheets(), w:history() and plan listings shrink the free text before titles, tool
# ids and plan names; list:show(n) and tools{full = true} show the values whole; w:report()
# renders at the terminal's width; long help goes through the pager. Prints TAP.
. "$CAIRN_TESTS/pty/lib.sh"
start() { # start NAME WIDTH ENV...: cairn in a new session of WIDTH columns
  sess=$1; local width=$2; shift 2
  tm new-session -d -s "$sess" -x "$width" \
    -y "${HEIGHT:-40}" "cd '$dir' && env NO_COLOR=1 TERM=xterm-256color CAIRN_HISTORY= $* cairn; echo EXITED \$?; sleep 600"
}
# the widest line printed since the last command typed at the prompt
# (in characters, as wc -L counts them: "…" is one)
widest() { screen | awk '/^> ./ { b = ""; next } { sub(/ +$/, ""); b = b $0 "\n" } END { printf "%s", b }' | wc -L; }

cd "$dir" || exit 1
cairn init --district "Room District" 2>/dev/null
cairn -e 'plan.person{name = "Ana Diaz"}
  local p = plan.create{kind = "action_plan", title = "District Action Plan 2026-27", levels = {"goal"}}
  p:add{level = "goal", owner = "Ana Diaz", due = "2026-12-15", text = "Improve attendance across '\
'every school in the district through family outreach, mentoring and a morning club that '\
'welcomes every student by name"}' >/dev/null
cairn tool run five_whys --answers "$CAIRN_TESTS/tools/five_whys/answers.json" >/dev/null 2>&1

for width in 60 80 120; do
  start "w$width" "$width" CAIRN_PAGER=
  wait_for '^> '
  line 'tools()'
  wait_for '^community_outreach_guide'
  [ "$(widest)" -le "$width" ]
  ok $? "$width columns: tools() fits the width"
  if [ "$width" -ge 80 ]; then
    screen | grep -q '^community_outreach_guide  *Community Outreach Guide'
    ok $? "$width columns: tools() keeps a title whole"
  fi
  if [ "$width" -ge 120 ]; then
    screen | grep -q 'Community Outreach Guide  *Prepare'
    ok $? "$width columns: tools() shows the stage when there is room"
  fi

  line 'plan.list()[1]:items()'
  wait_for '^\(1 row\)' 1
  if [ "$width" -ge 80 ]; then
    [ "$(widest)" -le "$width" ]
    ok $? "$width columns: an item list fits the width"
  fi
  if [ "$width" -ge 80 ]; then
    screen | grep -q '2026-12-15  not started'
  else
    # too many short columns for 60: one block per row, as psql's \x, every value whole
    [ "$(widest)" -le "$width" ] && screen | grep -q '^due  *2026-12-15$' && screen | grep -q '^status  *not started$' \
      && screen | grep -q '^plan  *District Action Plan 2026-27$'
  fi
  ok $? "$width columns: dates and statuses are never cut"
  if [ "$width" -ge 120 ]; then
    screen | grep -q ' District Action Plan 2026-27  goal  *Improve attendance'
    ok $? "$width columns: the plan name is whole, the item text shrinks instead"
  fi
  line 'plan.list()[1]:items():show(1)'
  wait_for '^text  *Improve attendance'
  wait_for 'by name$'
  screen | grep -q '^plan  *District Action Plan 2026-27$' && [ "$(widest)" -le "$width" ]
  ok $? "$width columns: list:show(1) shows every value whole, wrapped to the width"

  line 'worksheets()'
  wait_for '^\(1 row\)' 2
  [ "$(widest)" -le "$width" ] && screen | grep -Eq '^ 1  five_whys +.+  final +1  20[0-9]{2}-[0-9]{2}-[0-9]{2}$'
  ok $? "$width columns: worksheets() fits the width; the tool id, status and date are whole"
  line 'worksheets()[1]:history()'
  wait_for '^  1  20[0-9-]+ [0-9:]+ '
  [ "$(widest)" -le "$width" ]
  ok $? "$width columns: w:history() fits the width, its date and time whole"

  line 'worksheets()[1]:report()'
  wait_for 'Root Cause'
  if [ "$width" -le 80 ]; then
    # the long title wraps at a word boundary: its rule is as long as its widest line
    rule=$(screen | grep -E '^=+$' | tail -n 1)
    [ "${#rule}" -le "$width" ] && [ "${#rule}" -gt $((width - 20)) ] && [ "$(widest)" -le "$width" ]
  else
    [ "$(widest)" -gt 80 ] && [ "$(widest)" -le "$width" ]
  fi
  ok $? "$width columns: w:report() renders at the terminal's width, not at 80"
  key C-d
  wait_for '^EXITED 0$'
  ok $? "$width columns: the session ends with status 0"
done

start full 80 CAIRN_PAGER=
wait_for '^> '
line 'tools{"WestEd", full = true}'
wait_for '^  stage: '
! screen | grep -q '…'
ok $? "tools{full = true} cuts nothing"
key C-d
wait_for '^EXITED 0$'

# the pager: long help and a long report go through it (a filter that marks each line)
HEIGHT=20 start pager 80 "CAIRN_PAGER='sed s/^/PAGED:/'"
wait_for '^> '
line 'worksheets()[1]:report()'
wait_for '^PAGED:.*Root Cause'
ok $? "a report longer than the screen goes through the pager"
line 'help()'
wait_for '^PAGED:globals:'
ok $? "help() longer than the screen goes through the pager"
line 'help(run)'
wait_for '^run\(id'
ok $? "a short help is printed directly"
key C-d
wait_for '^EXITED 0$'
ok $? "the pager session ends with status 0"
finish
