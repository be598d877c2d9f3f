#!/usr/bin/env bash
# Home, End and Delete in the line editor on a real pseudo-terminal (tmux), at the REPL prompt
# and at a tool's question: each escape sequence terminals send for them (ESC[1~ ESC[4~ as tmux
# and screen send, ESC[H ESC[F and ESC O H / ESC O F as xterm does, ESC[3~ for Delete) moves
# the cursor or deletes, and none leaves a stray "~" in the line. Prints TAP.
. "$CAIRN_TESTS/pty/lib.sh"
start() { # start NAME: the REPL in a new 80-column session
  sess=$1
  tm new-session -d -s "$sess" -x 80 -y 40 \
    "cd '$dir' && env CAIRN_HISTORY= TERM=xterm-256color NO_COLOR=1 CAIRN_PATH='$CAIRN_TESTS/tool_engine' cairn; echo EXITED \$?; sleep 600"
}
raw() { tm send-keys -t "$sess" -l -- "$1"; } # bytes as a terminal would send them
ESC=$'\033'

cd "$dir" || exit 1
cairn init --district "Keys District" 2>/dev/null
start k1
wait_for '^> '

# TYPED, HOME, MORE, END, LAST: typed 23, Home, 1, End, 4 gives 1234
try_home_end() { # NAME HOME END RESULT
  type_text '23'; raw "$2"; type_text '1'; raw "$3"; type_text '4'; key Enter
  wait_for "^$4\$"
}
try_home_end "ESC[1~ ESC[4~" "$ESC[1~" "$ESC[4~" 1234
ok $? "Home and End as tmux and screen send them (ESC[1~, ESC[4~) move to the ends of the line"
type_text '5'; raw "$ESC[H"; type_text '6'; raw "$ESC[F"; type_text '7'; key Enter
wait_for '^657$'
ok $? "Home and End as xterm sends them (ESC[H, ESC[F)"
type_text '8'; raw "${ESC}OH"; type_text '9'; raw "${ESC}OF"; type_text '0'; key Enter
wait_for '^980$'
ok $? "Home and End in application cursor mode (ESC O H, ESC O F)"
type_text '9123'; raw "$ESC[1~"; raw "$ESC[3~"; key Enter
wait_for '^123$'
ok $? "Delete (ESC[3~) deletes the character under the cursor"
type_text '45'; key Home; type_text '3'; key End; type_text '6'; key Enter
wait_for '^3456$'
ok $? "tmux's own Home and End keys work too"
! screen | grep -q '~'
ok $? "no stray ~ anywhere on the screen"

# ---- at a tool's question (the answer editor) --------------------------------------------------
line 'w = run "engine_fields"'
wait_prompt '^Name.*: $'
type_text 'Team'; raw "$ESC[1~"; type_text 'The '; raw "$ESC[4~"; type_text ' B'
raw "$ESC[H"; raw "$ESC[3~"; raw "$ESC[F"; key Enter
wait_for '^Notes'
key C-c
wait_for 'resume\(' || wait_prompt '\[Y/n\] $'
screen | grep -Eq '^Name \(one line\): he Team B *$'
ok $? "Home, End and Delete work at a tool's question"
finish
