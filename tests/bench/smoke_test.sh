#!/usr/bin/env bash
# The benchmarks at tiny sizes (BENCH_QUICK=1 bench/run): they run, their outputs are right
# (cairn's survey results agree with the baseline SQL's numbers, the report batch writes one
# file per school, every README row is printed), and the README table script works. Times are
# never checked: a benchmark is a report, not a test.
root=$(cd "$(dirname "$0")/../.." && pwd)
n=0
ok() { n=$((n + 1)); if eval "$2"; then echo "ok $n - $1"; else echo "not ok $n - $1"; fi; }
for tool in lua5.4 sqlite3 cmark-gfm hyperfine /usr/bin/time psql; do
  if ! command -v "$tool" >/dev/null; then
    echo "1..1"; echo "ok 1 # skip $tool is not installed (scripts/install-deps --bench)"; exit 0
  fi
done
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
BENCH_QUICK=1 BENCH_OUT="$out" CAIRN_BIN="${CAIRN_BIN:-$root/cairn}" "$root/bench/run" > "$out/log" 2>&1
status=$?
echo "1..15"
ok "bench/run exits 0" '[ "$status" -eq 0 ] || { sed "s/^/# /" "$out/log" | tail -n 30; false; }'
rows="$out/rows.tsv"
has() { grep -q -- "$1" "$rows"; }
ok "start-up rows: -e print(1), sql, REPL, plan.overdue, each against lua5.4" \
  "[ \$(grep -c \"^start-up: .*lua5.4 -e ''\" \"$rows\") -eq 4 ]"
ok "start-up is also compared with sqlite3 :memory:" \
  "[ \$(grep -c \"vs \\\`sqlite3 :memory: 'SELECT 1'\\\`\" \"$out/log\") -eq 4 ]"
ok "import rows at two sizes, with peak RSS, against sqlite3 .import" \
  "[ \$(grep -c '^import .*peak RSS.*sqlite3 \`.import\`' \"$rows\") -eq 2 ]"
ok "cairn imported every response" "[ \$(grep -c 'imported: .* responses (checked)' \"$out/log\") -eq 2 ]"
ok "survey results --by school rows: GROUP BY and stored summary at two sizes" \
  "[ \$(grep -c '^\`survey results --by school\`.*GROUP BY school' \"$rows\") -eq 2 ] && [ \$(grep -c 'stored summary' \"$rows\") -eq 2 ]"
ok "--by school,role row with RSS" "has '^\`survey results --by school,role\`.*peak RSS.*GROUP BY school, role'"
ok "cairn's survey results agree with the baseline SQL (3 comparisons)" \
  "[ \$(grep -c 'outputs agree' \"$out/log\") -eq 3 ] && ! grep -q 'outputs DIFFER' \"$out/log\""
ok "report batch: one HTML file per school" \
  "grep -q 'cairn wrote 20 files, 1 per school' \"$out/log\" && [ \$(ls \"$out/work/report-html\" | wc -l) -eq 20 ]"
ok "report batch row against sqlite3 + cmark-gfm" "has '^\`report survey_results --each school\`.*cmark-gfm'"
ok "plan_status row with its growth factors" "has '^\`report plan_status\`.*growth per doubling'"
ok "publish row: cairn publish of 3 districts against psql \\copy of the same rows" \
  "has '^\`publish\`, 3 districts, .*psql .copy of the same rows' && grep -q 'nothing new to publish' \"$out/log\""
ok "state report rows against the same SQL in psql" \
  "[ \$(grep -c '^\`report state_.*the same SQL in psql' \"$rows\") -eq 2 ]"
ok "table.md has a row per measured row, each with a verdict column" \
  "[ \$(grep -c '^| ' \"$out/table.md\") -eq \$((\$(wc -l < \"$rows\") + 1)) ]"
# scripts/readme-bench on a copy of the repository's README
mkdir -p "$out/repo/scripts"
cp "$root/README.md" "$out/repo/README.md"; cp "$root/scripts/readme-bench" "$out/repo/scripts/"
ok "scripts/readme-bench puts the table between the markers, once" \
  "\"$out/repo/scripts/readme-bench\" \"$out/table.md\" >/dev/null && \"$out/repo/scripts/readme-bench\" \"$out/table.md\" >/dev/null \
   && [ \$(grep -c 'BENCH_QUICK tiny sizes' \"$out/repo/README.md\") -eq 1 ] \
   && [ \$(grep -c '^| start-up: ' \"$out/repo/README.md\") -eq 4 ]"
