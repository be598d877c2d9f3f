#!/usr/bin/env bash
# Plan status report: `cairn report plan_status --as-of 2026-11-26 --format html --out DIR/`
# (the whole command) on workspaces of 1,250, 2,500 and 5,000 plan items (bench/plan/gen.lua).
# Target: <= 0.3 s at 5,000 items, and linear growth: each doubling about doubles the time
# (the growth factor printed is t(2n) / t(n); 2.0 is linear, above 2.5 is called out).
# No baseline command: the target is absolute. BENCH_RUNS runs (5), interleaved, medians.
source "$(dirname "$0")/../lib.sh"
runs=$(pick "${BENCH_RUNS:-5}" 2)
sizes=$(pick "1250 2500 5000" "50 100 200")
rec="$out/plan.rec"
: > "$rec"
args=()
for n in $sizes; do
  ws="$work/plan-$n.db"
  if [ ! -s "$ws" ]; then
    rm -f "$ws"*
    "$cairn" -w "$ws" init --district Bench >/dev/null 2>&1
    "$cairn" -w "$ws" run "$bench_dir/plan/gen.lua" "$n"
  fi
  mkdir -p "$work/plan-$n"
  # one run first: the report records each run, and later runs list what changed since
  "$cairn" -w "$ws" report plan_status --as-of 2026-11-26 --format html --out "$work/plan-$n/"
  args+=("plan-$n" "$cairn -w $ws report plan_status --as-of 2026-11-26 --format html --out $work/plan-$n/")
done
echo "report plan_status: $sizes items, $runs runs each"
measure "$rec" "$runs" 1 "${args[@]}"
set -- $sizes
for n in "$@"; do
  got=$("$cairn" -w "$work/plan-$n.db" sql 'SELECT count(*) FROM plan_item' --csv | tail -n 1 | tr -d '\r')
  [ "$got" = "$n" ] || { echo "bench: $got plan items, expected $n" >&2; exit 1; }
  [ -s "$work/plan-$n/plan_status-2026-11.html" ] || { echo "bench: no report for $n items" >&2; exit 1; }
done
echo "    $* items stored, one HTML report each (checked)"
growth=$(lua5.4 -e "
  local t1, t2, t3 = $(lua5.4 "$stats" cpu "$rec" "plan-$1"), $(lua5.4 "$stats" cpu "$rec" "plan-$2"), $(lua5.4 "$stats" cpu "$rec" "plan-$3")
  print(string.format('%.2f %.2f', t2 / t1, t3 / t2))")
read -r g1 g2 <<< "$growth"
verdict=$(lua5.4 -e "
  local g1, g2, t = $g1, $g2, $(lua5.4 "$stats" cpu "$rec" "plan-$3")
  local m = {}
  if t > 0.3 then m[#m + 1] = string.format('%.1fx the time target', t / 0.3) end
  if math.max(g1, g2) > 2.5 then m[#m + 1] = 'grows faster than linear' end
  print(#m == 0 and 'met' or 'missed: ' .. table.concat(m, ', '))")
lua5.4 "$stats" seconds "$rec" "$rows" "\`report plan_status\`, $3 plan items, HTML" "plan-$3" 0.3 \
  "growth per doubling (CPU) $1 -> $2: ${g1}x, $2 -> $3: ${g2}x (linear: 2x)" "$verdict"
