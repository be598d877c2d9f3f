#!/usr/bin/env bash
# In the room, on real pseudo-terminals: the REPL asks once who is facilitating (never when
# $CAIRN_ACTOR is set) and signs revisions with that name; `cairn present` in a second pane
# follows the tool being run, redrawing the question and the answers so far as each answer
# is autosaved, wrapped to its own width, and quits on q, Ctrl-C or Ctrl-D; present() in the
# REPL shows the same view until q and returns to the prompt. Prints TAP.
. "$CAIRN_TESTS/pty/lib.sh"
start() { # start NAME WIDTH ENV... -- ARGS: cairn in a new session of WIDTH columns
  sess=$1; local width=$2; shift 2
  local envs=()
  while [ "$1" != "--" ]; do envs+=("$1"); shift; done
  shift
  tm new-session -d -s "$sess" -x "$width" -y 40 \
    "cd '$dir' && env -u CAIRN_ACTOR -u CI NO_COLOR=1 TERM=xterm-256color USER=lee ${envs[*]} cairn $*; echo EXITED \$?; sleep 600"
}
widest() { screen | awk '{ sub(/ +$/, ""); if (length($0) > w) w = length($0) } END { print w + 0 }'; }
export CAIRN_PATH="$CAIRN_TESTS/tool_engine"

cd "$dir" || exit 1
cairn init --district "Room District" 2>/dev/null

# ---- the first-run question ------------------------------------------------------------------
start room 100 --
wait_prompt 'Who is facilitating\?.*\(Enter for lee\): $'
ok $? "the REPL asks who is facilitating on its first start (Enter keeps the login name)"
line "Ana Diaz"
wait_for 'signed Ana Diaz' && wait_for '^> '
ok $? "the name is kept and the prompt follows"

# ---- cairn present in a second pane ------------------------------------------------------
start proj 60 --  present
wait_for 'No tool is running\.'
ok $? "cairn present with no tool running says so and waits"

sess=room
line 'w = run "engine_whys"'
answer 'Problem Statement' 'Chronic absence at the ninth grade rose from fourteen to twenty-one percent in two years'
sess=proj
wait_for 'twenty-one' && wait_for '^ +NOW$' && wait_for 'Reason why problem is occurring'
ok $? "present shows the first answer and the question now asked, as it is autosaved"
[ "$(widest)" -le 60 ] && screen | grep -q 'Test Whys'
ok $? "the view is wrapped to its own 60 columns"

sess=room
answer 'Reason why' 'Students miss the bus'
answer '' ''
sess=proj
wait_for 'Students miss the bus' && wait_for 'How do we know'
ok $? "the next answer and question follow"

sess=room
answer 'How do we know' 'Bus logs'
for a in 'Late buses' '' 'route data' '' 'Bus routes' y n 'Fix routes' '' n n; do
  wait_prompt '(: |\] |\| )$' && line "$a"
done
wait_prompt 'review> $' && line save
wait_for '^Saved worksheet 1'
ok $? "the tool is saved from the REPL"
sess=proj
wait_for 'Saved as worksheet 1'
ok $? "present shows the worksheet as saved"
key q
wait_for '^EXITED 0$'
ok $? "q quits present with status 0"

[ "$(cairn sql "SELECT by FROM worksheet_revision WHERE worksheet = 1" | sed -n 3p | sed 's/ *$//')" = "Ana Diaz" ]
ok $? "the revision is signed with the facilitator's name, not 'unknown'"

# present() in the REPL: the same view in this terminal until q
sess=room
line 'present(1)'
wait_for 'Saved as worksheet 1'
ok $? "present(1) in the REPL shows worksheet 1"
key q
wait_for '^> $' 2 || wait_prompt '^> $'
sess=room; line '1 + 41'
wait_for '^42$'
ok $? "q returns to the REPL prompt"
key C-d
wait_for '^EXITED 0$'
ok $? "the REPL ends with status 0"

# Ctrl-C and Ctrl-D quit present too
start cc 80 -- present
wait_for 'q quits'
key C-c
wait_for '^EXITED 0$'
ok $? "Ctrl-C quits present with status 0"
start cd 80 -- present
wait_for 'q quits'
key C-d
wait_for '^EXITED 0$'
ok $? "Ctrl-D quits present with status 0"

# ---- asked once; never with $CAIRN_ACTOR -----------------------------------------------------
start again 100 --
wait_for '^> '
! screen | grep -q 'Who is facilitating'
ok $? "the second start does not ask again"
line 'facilitator()'
wait_for '^"Ana Diaz"$'
ok $? "facilitator() returns the kept name"
key C-d
wait_for '^EXITED 0$'
start other 100 USER=kim --
wait_prompt 'Who is facilitating\?.*\(Enter for kim\): $'
ok $? "another login on the same workspace is asked for its own name"
key Enter
wait_for 'signed kim' && wait_for '^> '
ok $? "Enter keeps the login name"
key C-d
start ci 100 CAIRN_ACTOR=nightly --
wait_for '^> '
! screen | grep -q 'Who is facilitating'
ok $? "with \$CAIRN_ACTOR set the question is never asked"
line 'facilitator()'
wait_for '^"nightly"$'
ok $? "and \$CAIRN_ACTOR is the name"
key C-d

finish
