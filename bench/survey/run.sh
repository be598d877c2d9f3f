#!/usr/bin/env bash
# Survey benchmarks, whole commands from fresh processes against the sqlite3 shell:
#   import    `cairn survey import` of N respondents x 40 items (bench/survey/gen.lua, 400
#             schools) vs `sqlite3 .import` of the same CSV into a new wide table; target each
#             <= 1.0x, peak RSS <= 32 MiB. N = 10,000, 200,000, 1,000,000.
#   results   `cairn survey results bench --by school` (printed to a file) vs the GROUP BY an
#             analyst runs on that wide table (bench/survey/sql.lua; target <= 1.0x at 10,000,
#             <= 0.1x at 200,000), and vs reading a stored summary table (what cairn's tallies are)
#   by role   `--by school,role` at 200,000 vs the wide-table GROUP BY school, role; target
#             <= 0.2x, RSS <= 48 MiB
# Each result's output is checked against the baseline's (bench/survey/compare.lua).
# BENCH_RUNS runs (default 3; 1 at 1,000,000 unless BENCH_RUNS_1M), interleaved, medians.
source "$(dirname "$0")/../lib.sh"
here="$bench_dir/survey"
runs=$(pick "${BENCH_RUNS:-3}" 2)
schools=$(pick 400 20)
import_sizes=$(pick "${BENCH_IMPORT_SIZES:-10000 200000 1000000}" "500 2000")
small=$(pick 10000 500) big=$(pick 200000 2000)
label() { lua5.4 -e "local n = tostring($1):reverse():gsub('(%d%d%d)', '%1,'):reverse():gsub('^,', '') print(n)"; }

rec="$out/survey.rec"
: > "$rec"
# a workspace with the instrument loaded, copied before each import
tmpl="$work/import-template.db"
rm -f "$tmpl"*
"$cairn" -w "$tmpl" init --district Bench >/dev/null 2>&1
"$cairn" -w "$tmpl" survey load "$here/instrument.lua" >/dev/null
for n in $import_sizes; do
  csv=$(survey_csv "$n" "$schools")
  r=$runs
  [ "$n" -ge 1000000 ] && r=${BENCH_RUNS_1M:-1}
  echo "import: $(label "$n") respondents x 40 items, $schools schools ($(du -m "$csv" | cut -f1) MB CSV), $r run(s) each"
  ws="$work/import.db" wide="$work/import-wide.db"
  measure "$rec" "$r" 1 \
    "cairn-import-$n" "rm -f $ws*; cp $tmpl $ws; $RSS $cairn -w $ws survey import $csv --instrument bench --wave bench >/dev/null" \
    "sqlite-import-$n" "rm -f $wide; $RSS sqlite3 $wide '.mode csv' '.import $csv wide'"
  got=$("$cairn" -w "$ws" sql 'SELECT count(*) FROM survey_response' --csv | tail -n 1 | tr -d '\r')
  [ "$got" = "$n" ] || { echo "bench: cairn imported $got responses, expected $n" >&2; exit 1; }
  echo "    imported: $got responses (checked)"
  lua5.4 "$stats" ratio "$rec" "$rows" "import $(label "$n") respondents x 40 items" "cairn-import-$n" \
    "sqlite-import-$n" "sqlite3 \`.import\` into a new wide table" 1.0 32
  rm -f "$ws"* "$wide"
done

sql_school="$work/by-school.sql" sql_role="$work/by-school-role.sql"
lua5.4 "$here/sql.lua" school > "$sql_school"
lua5.4 "$here/sql.lua" school,role > "$sql_role"
results() { # results N TARGET
  local n=$1 target=$2 ws
  ws=$(survey_workspace "$n" "$schools")
  echo "survey results --by school: $(label "$n") respondents, $schools schools, $runs runs each"
  measure "$rec" "$runs" 1 \
    "cairn-school-$n" "$cairn -w $ws survey results bench --by school > $work/cairn-school-$n.txt" \
    "groupby-school-$n" "sqlite3 -csv $ws.wide < $sql_school > $work/groupby-school-$n.csv" \
    "summary-school-$n" "sqlite3 -csv $ws.wide 'SELECT * FROM summary' > $work/summary-school-$n.csv"
  lua5.4 "$here/compare.lua" "$work/cairn-school-$n.txt" "$work/groupby-school-$n.csv" || exit 1
  cmp -s "$work/groupby-school-$n.csv" "$work/summary-school-$n.csv" \
    || { echo "bench: the stored summary differs from the GROUP BY" >&2; exit 1; }
  lua5.4 "$stats" ratio "$rec" "$rows" "\`survey results --by school\`, $(label "$n") respondents" \
    "cairn-school-$n" "groupby-school-$n" "sqlite3: \`GROUP BY school\` on the wide table" "$target"
  lua5.4 "$stats" ratio "$rec" "$rows" "\`survey results --by school\`, $(label "$n") respondents" \
    "cairn-school-$n" "summary-school-$n" "sqlite3: read a stored summary table" -
}
results "$small" 1.0
results "$big" 0.1

ws=$(survey_workspace "$big" "$schools")
echo "survey results --by school,role: $(label "$big") respondents, $runs runs each"
measure "$rec" "$runs" 1 \
  "cairn-role-$big" "$RSS $cairn -w $ws survey results bench --by school,role > $work/cairn-role-$big.txt" \
  "groupby-role-$big" "$RSS sqlite3 -csv $ws.wide < $sql_role > $work/groupby-role-$big.csv"
lua5.4 "$here/compare.lua" "$work/cairn-role-$big.txt" "$work/groupby-role-$big.csv" || exit 1
lua5.4 "$stats" ratio "$rec" "$rows" "\`survey results --by school,role\`, $(label "$big") respondents" \
  "cairn-role-$big" "groupby-role-$big" "sqlite3: \`GROUP BY school, role\` on the wide table" 0.2 48
