#!/usr/bin/env bash
# `cairn tool run` (and edit, resume) on a real terminal asks once who is facilitating, as the
# REPL does, and signs the worksheet with that name; never with --by, with $CAIRN_ACTOR, in CI
# ($CI set) or with piped input. Prints TAP.
. "$CAIRN_TESTS/pty/lib.sh"
start() { # start NAME ENV... -- ARGS: cairn ARGS in a new 100-column session
  sess=$1; shift
  local envs=()
  while [ "$1" != "--" ]; do envs+=("$1"); shift; done
  shift
  tm new-session -d -s "$sess" -x 100 -y 40 \
    "cd '$dir' && env -u CAIRN_ACTOR -u CI NO_COLOR=1 TERM=xterm-256color USER=lee ${envs[*]} cairn $*; echo EXITED \$?; sleep 600"
}
signed() { cairn sql "SELECT by FROM worksheet_revision WHERE worksheet = $1" | sed -n 3p | sed 's/ *$//'; }
export CAIRN_PATH="$CAIRN_TESTS/tool_engine"

cd "$dir" || exit 1
cairn init --district "Room District" 2>/dev/null

# a new worksheet (not the draft offered), the first answer, then draft at the next question
run_to_draft() {
  wait_prompt '(Problem Statement.*: |\[Y/n\] )$' || return 1
  if screen | awk 'NF { last = $0 } END { print last }' | grep -q 'Y/n'; then
    line n; wait_prompt 'Problem Statement.*: $' || return 1
  fi
  line "$1" && wait_prompt ': $' && line draft
}
forget() { USER=lee cairn -e 'require("cairn.session").current():set_facilitator(nil)' >/dev/null; }

# ---- the first run asks, and signs with the answer ------------------------------------------
start t1 -- tool run engine_whys
wait_prompt 'Who is facilitating\?.*\(Enter for lee\): $'
ok $? "cairn tool run on a terminal asks who is facilitating"
line "Ana Diaz"
wait_for 'signed Ana Diaz'
ok $? "the name is kept and said"
run_to_draft "Chronic absence rose"
wait_for '^EXITED 0$'
ok $? "the tool runs after the question and saves a draft"
[ "$(signed 1)" = "Ana Diaz" ]
ok $? "the worksheet is signed with the facilitator's name"

# ---- asked once: the next run goes straight to the tool ---------------------------------------
start t2 -- tool run engine_whys
run_to_draft "Second run"
wait_for '^EXITED 0$'
! screen | grep -q 'Who is facilitating' && [ "$(signed 2)" = "Ana Diaz" ]
ok $? "the second run does not ask again and signs with the kept name"

# ---- never with --by, $CAIRN_ACTOR or $CI; resume asks like run -------------------------------
forget
start t3 -- tool run engine_whys --by "'Bo Chen'"
run_to_draft "With by"
wait_for '^EXITED 0$'
! screen | grep -q 'Who is facilitating'
[ "$(signed 3)" = "Bo Chen" ]
ok $? "--by names who signs: no question"
start t4 CAIRN_ACTOR=cron-bot -- tool run engine_whys
run_to_draft "With CAIRN_ACTOR"
wait_for '^EXITED 0$'
! screen | grep -q 'Who is facilitating' && [ "$(signed 4)" = "cron-bot" ]
ok $? "\$CAIRN_ACTOR: no question, signed by it"
start t5 CI=true -- tool run engine_whys
run_to_draft "In CI"
wait_for '^EXITED 0$'
! screen | grep -q 'Who is facilitating'
ok $? "in CI (\$CI set): no question"
start t6 -- "tool run engine_whys < /dev/null"
wait_for '^EXITED'
! screen | grep -q 'Who is facilitating'
ok $? "piped input: no question"
start t7 -- tool resume 99
wait_for '^EXITED [12]$'
! screen | grep -q 'Who is facilitating'
ok $? "a missing worksheet is said before any question"
forget
start t8 -- tool resume 1
wait_prompt 'Who is facilitating\?.*\(Enter for lee\): $'
ok $? "tool resume asks too while no name is kept"
line ""
wait_for 'signed lee'
ok $? "Enter keeps the login name"
key C-d
wait_for '^EXITED'

finish
