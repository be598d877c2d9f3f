#!/usr/bin/env bash
# SIGKILL at random moments of an import, a tool save, a migration, a backup and a report batch.
# After every kill: `cairn check` passes and the operation happened all or nothing (the survey
# holds 0 or all of the rows; the tool's worksheet is absent, a draft or final with its
# revisions; the workspace is at its old schema or the new one, never between, and a copy left
# beside it is whole; the backup is absent or a complete copy that passes cairn check; the killed report period has none
# or all of its files once the next run has settled it, and no temporaries). The moments are
# spread over how long one unkilled run takes (measured first). SOAK_KILLS kills of each kind
# (default 2, the smoke `make test` runs; `make soak` sets 20: 100 in all). Prints its counts
# (also into $SOAK_REPORT when set).
set -u
kills=${SOAK_KILLS:-2}
tests=$CAIRN_TESTS
current=$(ls "$tests"/../src/migrations/[0-9][0-9][0-9]_*.sql | wc -l)
n=0 held=0 total=0
ok() { n=$((n + 1)); if [ "$1" -eq 0 ]; then echo "ok $n - $2"; else echo "not ok $n - $2"; fi; }
now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
q() { sqlite3 "$1" "$2" 2>&1; } # the sqlite3 CLI: a reader that is not cairn
# run CMD in the background and SIGKILL it after a random part of MS milliseconds. CMD is a
# shell function, so it runs in a subshell: with job control on (set -m) it gets a process
# group of its own, and the kill goes to the whole group, cairn included.
kill_during() {
  local ms=$1; shift
  set -m
  "$@" >/dev/null 2>&1 & local pid=$!
  set +m
  local at=$(( RANDOM % (ms + 1) ))
  sleep "$(printf '%d.%03d' $((at / 1000)) $((at % 1000)))"
  kill -9 -- -$pid 2>/dev/null; wait $pid 2>/dev/null
  # nothing of it may still run when the checks begin
  while pgrep -g $pid >/dev/null 2>&1; do sleep 0.01; done
}
# time CMD (milliseconds) in a throwaway run
measure() { local t0; t0=$(now_ms); "$@" >/dev/null 2>&1; echo $(( $(now_ms) - t0 + 20 )); }
checked() { CAIRN_PATH="$tests/tool_engine:$tests/report" CAIRN_WORKSPACE=$1 cairn check >check.out 2>&1; }
declare -A count
record() { # KIND STATUS WHAT
  total=$((total + 1)); count[$1]=$(( ${count[$1]:-0} + 1 ))
  if [ "$2" -eq 0 ]; then held=$((held + 1)); echo "# $1 kill $total: $3"; else echo "# $1 kill $total failed: $3"; sed 's/^/#   /' check.out 2>/dev/null; fi
}

# ---- the base workspace: a survey ready for responses -------------------------------------
export CAIRN_WORKSPACE=$PWD/base.db
cairn init --district Riverside >/dev/null 2>&1
cat > setup.lua <<'LUA'
local survey = require "cairn.survey"
survey.save_instrument { id = "soak", version = 1, title = "Soak", attributes = { "school", "role" },
  sections = { { title = "Climate", items = {
    { code = "Q1", text = "I feel supported by school leaders.", scale = "agreement" },
    { code = "Q2", text = "Staff communicate openly.", scale = "agreement" },
    { code = "Q3", text = "My school is a safe place to work.", scale = "agreement" } } } } }
survey.wave { instrument = "soak", name = "spring", roster = { school = { Adams = 400 } } }
LUA
cairn run setup.lua >/dev/null || { echo "not ok 1 - setup"; exit 1; }
{ echo "school,role,Q1,Q2,Q3"
  for i in $(seq 1500); do echo "School $((i % 9)),Teacher,Agree,Strongly agree,Disagree"; done
} > responses.csv
rows=1500
import() { CAIRN_WORKSPACE=$1 cairn -e "survey.import { file = 'responses.csv', instrument = 'soak', wave = 'spring' }"; }
responses() { q "$1" "SELECT count(*) FROM survey_response"; }

# ---- import ----------------------------------------------------------------------------
cp base.db probe.db; ms=$(measure import probe.db)
for _ in $(seq "$kills"); do
  rm -f ws.db*; cp base.db ws.db
  kill_during "$ms" import ws.db
  got=$(responses ws.db)
  checked ws.db && { [ "$got" = 0 ] || [ "$got" = $rows ]; }
  record import $? "responses: $got (expected 0 or $rows)"
done
import probe.db >/dev/null 2>&1 # probe.db: a workspace with responses, for the backups below

# ---- tool save -------------------------------------------------------------------------
answers() { printf '%s\n' 'Problem' 'Reason' '' 'ev' 'Second' '' 'ev2' '' 'Cause' 'y' 'n' 'Goal' '' 'n' 'n' 'save'; }
tool() { answers | CAIRN_PATH="$tests/tool_engine" CAIRN_WORKSPACE=$1 cairn -e 'w = run "engine_whys"'; }
rm -f t.db*; cp base.db t.db; ms=$(measure tool t.db)
[ "$(q t.db "SELECT status FROM worksheet")" = final ]; ok $? "an unkilled tool run saves its worksheet ($ms ms)"
for _ in $(seq "$kills"); do
  rm -f ws.db*; cp base.db ws.db
  kill_during "$ms" tool ws.db
  ws=$(q ws.db "SELECT count(*) || ' ' || coalesce(max(status), '-') || ' ' || (SELECT count(*) FROM worksheet_revision) FROM worksheet")
  checked ws.db && case "$ws" in "0 - 0" | "1 draft "* | "1 final "[1-9]*) true ;; *) false ;; esac
  record "tool save" $? "worksheets, status, revisions: $ws"
done

# ---- migration -------------------------------------------------------------------------
"$tests/fixtures/make-schema-fixture" 1 old.db
ms=$(cp old.db m.db && measure checked m.db)
for _ in $(seq "$kills"); do
  rm -f ws.db*; cp old.db ws.db
  kill_during "$ms" checked ws.db
  v=$(q ws.db "PRAGMA user_version") bak=ws.db.before-schema-$current.bak
  whole=0
  if [ -e "$bak" ]; then [ "$(q "$bak" "PRAGMA user_version")" = 1 ] && [ "$(q "$bak" "PRAGMA integrity_check")" = ok ]; whole=$?; fi
  { [ "$v" = 1 ] || [ "$v" = "$current" ]; } && [ $whole -eq 0 ] && checked ws.db && [ "$(q ws.db "PRAGMA user_version")" = "$current" ]
  record migration $? "schema after the kill: $v; copy whole: $whole"
  rm -f "$bak"
done

# ---- backup ----------------------------------------------------------------------------
backup() { CAIRN_WORKSPACE=$PWD/probe.db cairn backup copy.db; }
ms=$(measure backup); rm -f copy.db
for _ in $(seq "$kills"); do
  rm -f copy.db copy.db-wal copy.db-shm copy.db-journal
  kill_during "$ms" backup
  got=absent copy_ok=0
  if [ -e copy.db ]; then
    got=$([ "$(q copy.db "PRAGMA integrity_check")" = ok ] && responses copy.db)
    checked "$PWD/copy.db"; copy_ok=$? # the copy passes cairn check too
  fi
  checked probe.db && [ $copy_ok -eq 0 ] && { [ "$got" = absent ] || [ "$got" = $rows ]; }
  record backup $? "the copy: $got"
done
backup >/dev/null 2>&1
[ "$(ls -A | grep -c 'copy.db.tmp-')" = 0 ]; ok $? "the next backup removed the killed ones' temporaries"

# ---- report batch ----------------------------------------------------------------------
schools=30
batch() { CAIRN_PATH="$tests/report" CAIRN_WORKSPACE=$PWD/r.db cairn report batch --param schools=$2 --each school \
  --period "$1" --as-of 2026-10-31 --format md --out out/; }
rm -f r.db*; cp base.db r.db; rm -rf out; mkdir out
measure batch 2026-08 $schools >/dev/null # the first run is slower (cold caches): time the second
rm -rf out; mkdir out
ms=$(measure batch 2026-09 $schools)
for _ in $(seq "$kills"); do
  rm -rf out; mkdir out
  kill_during "$ms" batch 2026-10 $schools
  batch 2026-12 1 >/dev/null 2>&1 # the next run settles the killed one first
  got=$(ls out | grep -c 2026-10) tmp=$(ls -A out | grep -c '\.tmp$\|pending')
  checked r.db && { [ "$got" = 0 ] || [ "$got" = $schools ]; } && [ "$tmp" = 0 ]
  record "report batch" $? "files of the killed period: $got of $schools, temporaries: $tmp"
done

summary="kills: import ${count[import]:-0}, tool save ${count[tool save]:-0}, migration ${count[migration]:-0}, backup ${count[backup]:-0}, report batch ${count[report batch]:-0}; all-or-nothing held $held/$total"
echo "# $summary"
[ -n "${SOAK_REPORT:-}" ] && echo "$summary" >> "$SOAK_REPORT" # make soak prints it
[ "$held" = "$total" ] && [ "$total" = $((5 * kills)) ]; ok $? "$summary"
echo "1..$n"
