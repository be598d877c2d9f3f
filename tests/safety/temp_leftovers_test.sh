#!/usr/bin/env bash
# Leftovers: a report killed while it renders leaves temporary files (.NAME.HASH-pPID-N.tmp, the
# PID of the cairn that wrote them); the next run into that folder removes those whose process
# is gone, and leaves alone those of a process still running and files that are not cairn's. TAP.
set -u
export CAIRN_PATH="$CAIRN_TESTS/report" CAIRN_WORKSPACE="$PWD/rep.db"
n=0
ok() { n=$((n + 1)); if [ "$1" -eq 0 ]; then echo "ok $n - $2"; else echo "not ok $n - $2"; fi; }
cairn init --district Riverside >/dev/null 2>&1
mkdir out
batch() { cairn report batch --param schools="$2" --each school --period "$1" --as-of 2026-10-31 --format md --out out/ ; }
temps() { ls -A out | grep -c '\.tmp$'; }

# a real kill: rendering a big batch, SIGKILLed until one leaves temporaries (a few tries)
left=0
for delay in 0.3 0.5 0.8 1.2 0.2 1.6; do
  # not through the function: $! must be cairn itself (tests/run's cairn wrapper execs it)
  cairn report batch --param schools=400 --each school --period 2026-09 --as-of 2026-10-31 --format md --out out/ >/dev/null 2>&1 & pid=$!
  sleep "$delay"; kill -9 $pid 2>/dev/null; wait $pid 2>/dev/null
  rm -f out/.cairn-report-*.pending # a run killed before it was journaled leaves none
  left=$(temps); [ "$left" -gt 0 ] && break
done
[ "$left" -gt 0 ] && ls -A out | grep '\.tmp$' | grep -q -- "-p$pid-"
ok $? "a killed report left $left temporaries carrying its PID $pid"

# a temporary of a process still running, one of a dead process, and a file that is not cairn's
sleep 60 & live=$!
touch "out/.a.md.0123abcd-p$live-1.tmp" out/.b.md.0123abcd-p999999999-2.tmp out/notes.tmp
batch 2026-10 3 >/dev/null 2>&1; status=$?
[ $status -eq 0 ] && [ "$(ls -A out | grep -c -- '-p[0-9]*-[0-9]*\.tmp$')" = 1 ] && [ -e "out/.a.md.0123abcd-p$live-1.tmp" ]
ok $? "the next run removed every temporary of a dead process (status $status; left: $(ls -A out | grep '\.tmp$' | tr '\n' ' '))"
[ -e out/notes.tmp ]; ok $? "a file that is not cairn's temporary is left alone"
kill $live; wait $live 2>/dev/null
# doc:write (report.write_atomic) cleans its folder too
touch out/.c.md.0123abcd-p999999998-1.tmp
cairn -e 'local r = require "cairn.report"; r.write_atomic("out/note.md", "hello\n")' >/dev/null 2>&1
[ ! -e out/.c.md.0123abcd-p999999998-1.tmp ] && [ "$(cat out/note.md)" = hello ]
ok $? "a single-file write cleans the folder it writes into"
echo "1..$n"
