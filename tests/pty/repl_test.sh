#!/usr/bin/env bash
# The REPL on a real pseudo-terminal, driven through tmux: banner, Tab completion (globals,
# fields, methods, file names), multi-line input, history across restarts, Ctrl-C at the prompt,
# Ctrl-C stopping a Lua loop and a long SQL query, Ctrl-D, colour, and the offer to create a
# missing workspace. Prints TAP. Waits by polling the screen (never fixed sleeps), so it holds
# up on a loaded machine. Skips only when tmux is missing.
. "$CAIRN_TESTS/pty/lib.sh"
# the history file as plain lines (libedit writes it with vis(3) escapes: \040 for a space)
history_lines() { sed -e '1{/^_HiStOrY_V2_$/d}' -e 's/\\040/ /g' "$dir/history"; }
start() { # start NAME ENV... -- ARGS: cairn in a new session; prints EXITED <status> at the end
  sess=$1; shift
  local envs=()
  while [ "$1" != "--" ]; do envs+=("$1"); shift; done
  shift
  tm new-session -d -s "$sess" -x 100 -y 50 \
    "cd '$dir' && env -u NO_COLOR TERM=xterm-256color ${envs[*]} cairn $* ; echo EXITED \$?; sleep 600"
}

cd "$dir" || exit 1
cairn init --district "Pty District" 2>/dev/null
printf 'file-content-ok' > report_draft_2026.txt
H="CAIRN_HISTORY=$dir/history"

# ---- first session -------------------------------------------------------------------------
start s1 "$H" NO_COLOR=1 --
wait_for '^> ' && screen | grep -q 'cairn .* Pty District (cairn.db)'
ok $? "banner names the district and workspace on a terminal"

type_text 'ws.distr'; key Tab; type_text '()'; key Enter
wait_for '^"Pty District"$'
ok $? "Tab completes a field of a global (ws.distr -> ws.district)"

type_text 'db:val'; key Tab; line '("SELECT 4000 + 321")'
wait_for '^4321$'
ok $? "Tab completes a method of the workspace handle (db:val -> db:value)"

type_text 'prin'; key Tab; line '("pr" .. "inted")'
wait_for '^printed$'
ok $? "Tab completes a global (prin -> print)"

type_text 'db:'; key Tab
wait_for 'db:begin +db:changes'
ok $? "Tab lists the candidates when there are several"
key C-c
wait_for '^\^C$'

type_text 'io.open("report_dr'; key Tab; line '"):read("a")'
wait_for '^"file-content-ok"$'
ok $? "Tab completes file names inside strings"

type_text 'tool.load("five_w'; key Tab; line '").id'
wait_for '^"five_whys"$'
ok $? "Tab completes tool ids inside run \"...\", tool.*(\"...\") and resume(\"...\")"

line 'for i = 1, 3 do'
wait_for '^>> '
ok $? "an unfinished chunk shows the continuation prompt"
line '  io.write(i * 111, " ")'
line 'end'
wait_for '^111 222 333'
ok $? "a multi-line chunk runs once complete"

type_text 'error("should not run")'; key C-c
line '5000 + 55'
wait_for '^5055$'
ok $? "Ctrl-C at the prompt discards the typed input and the REPL goes on"
! screen | grep -q 'stdin:1: should not run'
ok $? "the discarded input was not run"

line 'print("loop-" .. "start") while true do end'
wait_for '^loop-start$' && key C-c && wait_for 'interrupted'
ok $? "Ctrl-C stops an endless Lua loop"
line '6000 + 66'
wait_for '^6066$'
ok $? "the REPL is back at the prompt after the interrupted loop"

seen=$(screen | grep -c 'interrupted$')
line 'print("sql-" .. "start") return db:value("WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT count(*) FROM c")'
wait_for '^sql-start$' && key C-c && wait_more 'interrupted$' "$seen"
ok $? "Ctrl-C stops a long-running SQL query"
line '7000 + 77'
wait_for '^7077$'
ok $? "the REPL is back at the prompt after the interrupted query"

line 'error("oops-" .. "error")'
line '8000 + 88'
wait_for '^8088$' && screen | grep -q 'oops-error'
ok $? "an error does not end the REPL"

key C-d
wait_for '^EXITED 0$'
ok $? "Ctrl-D at an empty prompt exits with status 0"
history_lines | grep -qx '8000 + 88' && history_lines | grep -q '^for i = 1, 3 do'
ok $? "history is saved to CAIRN_HISTORY (multi-line chunks included)"
! history_lines | grep -q 'should not run'
ok $? "discarded input is not in the history"

# ---- second session: history, colour ---------------------------------------------------------
start s2 "$H" --
wait_for '^> '
key Up; key Enter
wait_for '^8088$'
ok $? "history from the previous session is there after a restart (Up, Enter)"
before=$(history_lines | grep -c '^8000 + 88$')
line '8000 + 88'
wait_for '^8088$'
[ "$(history_lines | grep -c '^8000 + 88$')" -eq 1 ] && [ "$before" -eq 1 ]
ok $? "history keeps one copy of a repeated line"

line '{"colour", 1}'
sleep 0.1; wait_for '"colour"'
tm capture-pane -p -e -t "$sess" | grep -q $'\e\\[32m"colour"'
ok $? "values are coloured on a terminal without NO_COLOR"
key C-d
wait_for '^EXITED 0$'
ok $? "session $sess ends with status 0 (no leak or error at exit)"

start s3 "$H" NO_COLOR=1 --
wait_for '^> '
line '{"plain", 2}'
wait_for '"plain"'
! tm capture-pane -p -e -t "$sess" | grep -q $'\e\\[32m"plain"'
ok $? "no colour with NO_COLOR"
line 'local t = {} for i = 1, 40 do t[i] = 1000 + i end return t'
wait_for '1040'
w=$(screen | grep -E '^  1001' | awk '{ print length($0) }')
[ -n "$w" ] && [ "$w" -gt 80 ] && [ "$w" -le 100 ]
ok $? "the printer fills lines to the terminal width (100 columns, got ${w:-none})"
key C-d
wait_for '^EXITED 0$'
ok $? "session $sess ends with status 0 (no leak or error at exit)"

# ---- a missing workspace: the REPL offers to create it -------------------------------------
start s4 "$H" NO_COLOR=1 -- -w fresh.db
wait_for 'no workspace at fresh.db'
ok $? "a missing workspace: the REPL offers to create it"
line 'Pty Fresh'
wait_for 'created fresh.db' && wait_for 'Pty Fresh \(fresh.db\)'
ok $? "it creates the workspace and shows it in the banner"
line 'ws.district()'
wait_for '^"Pty Fresh"$'
ok $? "the new workspace is open"
key C-d
wait_for '^EXITED 0$'
ok $? "session $sess ends with status 0 (no leak or error at exit)"

start s5 "$H" NO_COLOR=1 -- -w skipped.db
wait_for 'no workspace at skipped.db'
key Enter
wait_for '^> '
line '1 + 2'
wait_for '^3$'
[ ! -e "$dir/skipped.db" ]
ok $? "an empty answer skips creating it and the REPL still runs"
key C-d
wait_for '^EXITED 0$'
ok $? "session $sess ends with status 0 (no leak or error at exit)"

finish
