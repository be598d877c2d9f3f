#!/usr/bin/env bash
# State reports on PostgreSQL through the report machinery (cairn report NAME --from URL), in
# every format, and the read-only state API for analysts' scripts. Prints TAP.
set -u
. "$(dirname "$0")/lib.sh"
cd "$dir"
cairn state init >/dev/null
cairn state add-district "Riverside Unified" --login >/dev/null
cairn state add-district "Hillcrest" --login >/dev/null
make_workspace a.db "Riverside Unified" full
cairn -w a.db publish --to "user=cairn_district_1" 2>/dev/null
sql -c "CREATE ROLE analyst LOGIN IN ROLE cairn_analyst"
from="user=analyst"
today=$(date -u +%F)

out=$(cairn report state_plan_status --from "$from" --as-of 2026-11-26 --format text 2>&1); st=$?
[ $st -eq 0 ] && [[ $out == *"Hillcrest"*"0"* ]] && [[ $out == *"All districts"* ]] &&
  [[ $out == *"$(ws_value a.db "SELECT count(*) FROM plan_item")"* ]]
check $? "plan status across districts" "status $st: $out"
out=$(cairn report state_not_published --from "$from" --as-of "$today" --format text 2>&1); st=$?
[ $st -eq 0 ] && [[ $out == *"Hillcrest  never"* ]] && [[ $out != *"Riverside Unified"*"never"* ]]
check $? "districts not published this period" "status $st: $out"
out=$(cairn report state_favorable --from "$from" --param "wave=2026 fall" --format text 2>&1); st=$?
[ $st -eq 0 ] && [[ $out == *"Percent favorable, statewide"* ]] && [[ $out == *"%"* ]]
check $? "survey percent favorable statewide and by district" "status $st: $out"
out=$(cairn report state_benchmarks --from "$from" --as-of 2027-06-30 --format text 2>&1); st=$?
[ $st -eq 0 ] && [[ $out == *"Measures off target"* ]]
check $? "benchmarks off target by district" "status $st: $out"
mkdir -p out
bad=""
for r in state_plan_status state_benchmarks state_not_published state_favorable; do
  for f in text markdown html csv json xlsx; do
    cairn report $r --from "$from" --as-of 2026-11-26 --format $f --out out/ >/dev/null 2>err || bad="$bad $r/$f($(cat err))"
  done
done
[ -z "$bad" ] && [ "$(ls out | wc -l)" -ge 24 ]
check $? "every state report renders in every format" "$bad; $(ls out | wc -l) files"
cairn report state_plan_status --from "$from" --as-of 2026-11-26 --format json --out one.json 2>/dev/null
cairn report state_plan_status --from "$from" --as-of 2026-11-26 --format json --out two.json 2>/dev/null
cmp -s one.json two.json
check $? "the same state and as-of give the same bytes"
out=$(cairn report state_plan_status --format text 2>&1); st=$?
[ $st -eq 2 ] && [[ $out == *"reads a state database: give --from URL"* ]]
check $? "a state report without --from is a usage error" "status $st: $out"

cat > analyst.lua <<'LUA'
local state = require("cairn.state").open(arg[1])
local n = 0
for r in state:rows("SELECT name FROM cairn.district WHERE district_id > $1 ORDER BY name", 0) do n = n + 1 end
print("districts", n, state:value("SELECT count(*) FROM cairn.plan_item"))
local ok, err = pcall(state.exec, state, "DELETE FROM cairn.plan_item")
print(ok, (tostring(err):gsub("%s*%(SQL.*", "")))
LUA
out=$(cairn run analyst.lua "$from" 2>&1); st=$?
[ $st -eq 0 ] && [[ $out == *"districts	2	$(ws_value a.db "SELECT count(*) FROM plan_item")"* ]] &&
  [[ $out == *"false	cannot execute DELETE in a read-only transaction"* ]]
check $? "an analyst's script reads the state database and cannot write" "status $st: $out"
finish
