#!/usr/bin/env bash
# Report batch: 400 school pages (two tables and two charts each) rendered to HTML by cairn in
# one `cairn run`, against cmark-gfm rendering the same pages' Markdown (one cmark-gfm per page,
# as a shell batch would run it; the one-process figure is printed too). Measured in the same
# run, best of 3; printed as time per file and a ratio (aim: at most 3x). Not a pass/fail test.
#   bench/report_batch.sh [PAGES]     CAIRN_BIN=path to measure another binary
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
cairn=${CAIRN_BIN:-$root/cairn}
pages=${1:-400}
[ -x "$cairn" ] || { echo "report_batch: $cairn is not built (run make)" >&2; exit 1; }
command -v cmark-gfm >/dev/null || { echo "report_batch: cmark-gfm is not installed (scripts/install-deps --bench)" >&2; exit 1; }
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
mkdir -p "$dir/html" "$dir/md" "$dir/cmark"
script="$root/bench/report_batch.lua"
"$cairn" run "$script" md "$dir/md" "$pages"

now() { date +%s%N; }
best_cairn=0 best_cmark=0 best_cmark1=0
for _ in 1 2 3; do
  t0=$(now)
  "$cairn" run "$script" html "$dir/html" "$pages"
  t1=$(now)
  for f in "$dir"/md/*.md; do
    b=${f##*/}
    cmark-gfm -e table -e strikethrough -e autolink "$f" > "$dir/cmark/${b%.md}.html"
  done
  t2=$(now)
  cmark-gfm -e table -e strikethrough -e autolink "$dir"/md/*.md > "$dir/cmark/all.html"
  t3=$(now)
  c=$((t1 - t0)) m=$((t2 - t1)) m1=$((t3 - t2))
  if [ "$best_cairn" -eq 0 ] || [ "$c" -lt "$best_cairn" ]; then best_cairn=$c; fi
  if [ "$best_cmark" -eq 0 ] || [ "$m" -lt "$best_cmark" ]; then best_cmark=$m; fi
  if [ "$best_cmark1" -eq 0 ] || [ "$m1" -lt "$best_cmark1" ]; then best_cmark1=$m1; fi
done
files=$(ls "$dir/html" | wc -l)
html_bytes=$(cat "$dir"/html/*.html | wc -c)
md_bytes=$(cat "$dir"/md/*.md | wc -c)
lua5.4 -e "
  local c, m, m1, n = $best_cairn / 1e6, $best_cmark / 1e6, $best_cmark1 / 1e6, $files
  print(string.format('report batch  %d pages, 2 tables + 2 charts each (HTML %.1f MB, Markdown %.1f MB)', n, $html_bytes / 1e6, $md_bytes / 1e6))
  print(string.format('  cairn HTML (one cairn run)         %8.1f ms  %6.3f ms/file', c, c / n))
  print(string.format('  cmark-gfm, one process per page    %8.1f ms  %6.3f ms/file', m, m / n))
  print(string.format('  ratio                              %8.2fx (aim <= 3x)', c / m))
  print(string.format('  cmark-gfm, all pages in one process %7.1f ms  %6.3f ms/file  (ratio %.2fx)', m1, m1 / n, c / m1))"
