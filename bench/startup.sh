#!/usr/bin/env bash
# Start-up: common commands, each a fresh process on a demo-like workspace (the demo's people,
# plans and survey), against `lua5.4 -e ''` (target: each <= 1.5x, CPU) and, for reference,
# `sqlite3 :memory: 'SELECT 1'`. The REPL is opened and quit with stdin at /dev/null (no
# terminal: it starts, reads end of input and exits). Rounds interleave the commands.
source "$(dirname "$0")/lib.sh"
rounds=$(pick "${BENCH_RUNS:-9}" 2) reps=$(pick 30 3)
ws="$work/demo.db"
if [ ! -s "$ws" ]; then
  rm -f "$ws"*
  "$cairn" -w "$ws" init --district "Riverside Unified" >/dev/null 2>&1
  for f in demo_data demo_plan demo_survey; do
    "$cairn" -w "$ws" run "$root/scripts/workflows/$f.lua" >/dev/null
  done
fi
rec="$out/startup.rec"
: > "$rec"
echo "start-up: $rounds rounds of $reps runs each (hyperfine -N), on a demo-like workspace"
measure_startup "$rec" "$rounds" "$reps" \
  lua "lua5.4 -e ''" \
  sqlite "sqlite3 :memory: 'SELECT 1'" \
  print "$cairn -w $ws -e 'print(1)'" \
  sql "$cairn -w $ws sql 'SELECT 1'" \
  repl "$cairn -w $ws" \
  overdue "$cairn -w $ws -e 'plan.overdue()'"
row() { lua5.4 "$stats" ratio "$rec" "$rows" "$1" "$2" lua "\`lua5.4 -e ''\`" 1.5 \
  && lua5.4 "$stats" info "$rec" "$2" sqlite "\`sqlite3 :memory: 'SELECT 1'\`"; }
row "start-up: \`cairn -e 'print(1)'\`" print
row "start-up: \`cairn sql 'SELECT 1'\`" sql
row "start-up: REPL open and quit (\`cairn </dev/null\`)" repl
row "start-up: \`cairn -e 'plan.overdue()'\` (demo workspace)" overdue
