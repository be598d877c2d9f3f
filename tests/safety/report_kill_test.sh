#!/usr/bin/env bash
# report --each is all or nothing: a run SIGKILLed after some of its files were renamed into
# place (CAIRN_TEST_KILL_AFTER_RENAMES, a hook for tests) is finished by the next run when it
# was recorded, so the folder holds one period only, and a folder in the way is named. TAP.
set -u
export CAIRN_PATH="$CAIRN_TESTS/report" CAIRN_WORKSPACE="$PWD/rep.db"
n=0
ok() { n=$((n + 1)); if [ "$1" -eq 0 ]; then echo "ok $n - $2"; else echo "not ok $n - $2"; fi; }
cairn init --district Riverside >/dev/null 2>&1
mkdir out
batch() { cairn report batch --param schools=12 --each school --period "$1" --as-of 2026-10-31 --format md --out out/ ; }
batch 2026-09 2>/dev/null
[ "$(ls out | grep -c 2026-09)" = 12 ]; ok $? "the first period: 12 files"
rm out/*
batch 2026-10 2>/dev/null
CAIRN_TEST_KILL_AFTER_RENAMES=6 batch 2026-11 2>/dev/null; status=$?
[ $status -eq 137 ]; ok $? "the second period is killed after 6 renames (status $status)"
ls -A out | grep -q 'pending'; ok $? "it left its journal"
# the next start settles the killed run before doing anything else
cairn report batch --param schools=1 --each school --period 2026-12 --as-of 2026-10-31 --format md --out out/ >/dev/null 2>&1
nov=$(ls out | grep -c 2026-11); tmp=$(ls -A out | grep -c '\.tmp$\|pending')
[ "$nov" = 12 ] && [ "$tmp" = 0 ]; ok $? "the killed run was recorded, so it is finished: 12 files of 2026-11, no temporaries ($nov, $tmp)"
[ "$(cairn sql "SELECT count(*) FROM report_run WHERE period = '2026-11'" | sed -n 3p | tr -d ' ')" = 1 ]
ok $? "and its run is in the history once"
# a kill before the run is recorded: the temporaries go, the folder keeps the earlier period
rm -f out/*
batch 2026-10 2>/dev/null
in_way=out/$(ls out | sed -n 7p | sed 's/2026-10/2027-01/')
mkdir -p "$in_way"
batch 2027-01 2>err.txt; status=$?
[ $status -ne 0 ] && grep -q "$in_way: a folder is in the way" err.txt
ok $? "a folder in the way is named: $(cat err.txt)"
[ "$(ls -A out | grep -c '2027-01')" = 1 ] && [ "$(ls -A out | grep -c '\.tmp$')" = 0 ]
ok $? "and the refused run left nothing: no file of 2027-01, no temporaries"
echo "1..$n"
