#!/usr/bin/env bash
# Report batch: `cairn report survey_results --param wave=bench --each school --format html
# --out DIR/` (one HTML page per school, the whole command) against what a user would run
# instead: the wide-table SQL for the pages' numbers (one sqlite3 process) plus one cmark-gfm
# process over the same pages' Markdown (bench/report/pages.lua writes it from the SQL output;
# that template step is timed and printed apart). Target <= 3x.
# Sizes: BENCH_REPORT_RESPONDENTS (200,000), BENCH_REPORT_SCHOOLS (400); cairn gets one run
# of at most BENCH_REPORT_TIMEOUT seconds (180): a run that does not finish is reported as such
# with the ratio it had already passed. The baseline: BENCH_RUNS runs (3), median.
source "$(dirname "$0")/../lib.sh"
need cmark-gfm timeout
here="$bench_dir/report"
n=$(pick "${BENCH_REPORT_RESPONDENTS:-200000}" 2000)
schools=$(pick "${BENCH_REPORT_SCHOOLS:-400}" 20)
limit=$(pick "${BENCH_REPORT_TIMEOUT:-180}" 60)
runs=$(pick "${BENCH_RUNS:-3}" 2)
ws=$(survey_workspace "$n" "$schools")
rec="$out/report.rec"
: > "$rec"
html="$work/report-html" md="$work/report-md"
rm -rf "$html" "$md"; mkdir -p "$html" "$md"
pages_sql="$work/pages.sql"
{ echo ".mode csv"; echo ".output $work/pages-schools.csv"; lua5.4 "$bench_dir/survey/sql.lua" pages
  echo ".output $work/pages-roles.csv"; lua5.4 "$bench_dir/survey/sql.lua" pages_roles; } > "$pages_sql"
label=$(lua5.4 -e "print((tostring($n):reverse():gsub('(%d%d%d)', '%1,'):reverse():gsub('^,', '')))")
echo "report batch: $schools schools, $label respondents, HTML; cairn: 1 run (limit $limit s); baseline: $runs runs"

# the baseline's Markdown pages, written once (the template step, timed apart)
sqlite3 "$ws.wide" < "$pages_sql"
measure "$rec" 1 1 template "lua5.4 $here/pages.lua $work/pages-schools.csv $work/pages-roles.csv $md > /dev/null"
measure "$rec" "$runs" 1 \
  baseline "sqlite3 $ws.wide < $pages_sql && cmark-gfm -e table $md/*.md > $work/report-all.html"
timed_once "$rec" cairn "$limit" \
  "$cairn -w $ws report survey_results --param wave=bench --each school --format html --as-of 2026-11-26 --out $html/"

pages=$(ls "$md" | wc -l) files=$(ls "$html" | wc -l)
[ "$pages" -eq "$schools" ] || { echo "bench: the template wrote $pages pages for $schools schools" >&2; exit 1; }
if grep -q '^cairn timeout' "$rec"; then
  echo "    cairn did not finish within $limit s: no file written (the batch is all or nothing)"
else
  [ "$files" -eq "$schools" ] || { echo "bench: cairn wrote $files files for $schools schools" >&2; exit 1; }
  echo "    cairn wrote $files files, 1 per school (checked); Markdown $(du -sk "$md" | cut -f1) KiB, HTML $(du -sk "$html" | cut -f1) KiB"
fi
echo "    template step (lua5.4 pages.lua, not in the baseline's time): CPU $(lua5.4 "$stats" cpu "$rec" template) s"
lua5.4 "$stats" ratio "$rec" "$rows" \
  "\`report survey_results --each school\`, $schools schools, $label respondents, HTML" cairn baseline \
  "sqlite3 wide-table SQL for the numbers + one \`cmark-gfm\` over all pages' Markdown" 3
