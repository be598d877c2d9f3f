# bench/lib.sh: what every benchmark script shares (sourced, not run).
#
# A benchmark measures whole commands, each a fresh process, against the baseline a user would
# run instead, in the same run: `measure` runs the commands round-robin (so a load change on
# this shared machine hits all of them alike) and records, per run, wall time, CPU time
# (user + system, from the shell's `time`, millisecond resolution) and peak RSS (GNU time %M).
# `bench/stats.lua` turns the records into medians, ratios and rows for the README table.
#
# Environment: CAIRN_BIN (the binary, default ./cairn), BENCH_OUT (results, default bench/out),
# BENCH_QUICK=1 (tiny sizes, for the CI smoke test), BENCH_RUNS (runs per command).
set -u
bench_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$bench_dir/.." && pwd)
cairn=${CAIRN_BIN:-$root/cairn}
out=${BENCH_OUT:-$bench_dir/out}
quick=${BENCH_QUICK:-}
mkdir -p "$out"
out=$(cd "$out" && pwd)
rows="$out/rows.tsv"          # one line per README row (bench/stats.lua row)
work="$out/work"              # workspaces and CSVs, reused between scripts in one bench/run
mkdir -p "$work"
stats="$bench_dir/stats.lua"
# put "$RSS" before the one command of a CMD whose peak RSS the row reports (GNU time, ~1 ms)
RSS="/usr/bin/time -a -o $work/rss -f %M"
export LC_ALL=C.UTF-8 TZ=UTC NO_COLOR=1
unset CAIRN_WORKSPACE CAIRN_PATH CAIRN_TRACE

need() { # need TOOL...: stop with the package to install when a tool is missing
  local t
  for t in "$@"; do
    command -v "$t" >/dev/null || { echo "bench: $t is missing (scripts/install-deps --bench)" >&2; exit 1; }
  done
}
need lua5.4 sqlite3 /usr/bin/time
[ -x "$cairn" ] || { echo "bench: $cairn is not built (run make)" >&2; exit 1; }

# pick FULL QUICK: the full-size value, or the tiny one under BENCH_QUICK=1
pick() { if [ -n "$quick" ]; then echo "$2"; else echo "$1"; fi; }

# measure FILE RUNS REPS NAME CMD [NAME CMD ...]
# Runs every CMD (a shell string, eval'd in a subshell, so it may redirect) RUNS times, round-robin; each
# timing covers REPS back-to-back runs of the command (for commands of a few milliseconds),
# and is divided by REPS. Appends "NAME wall cpu rss_kib" lines to FILE. A command that exits
# non-zero stops the benchmark: a time for a failed command means nothing.
measure() {
  local file=$1 runs=$2 reps=$3; shift 3
  local r i name cmd t rss
  for ((r = 0; r < runs; r++)); do
    local args=("$@")
    for ((i = 0; i < ${#args[@]}; i += 2)); do
      name=${args[i]} cmd=${args[i + 1]}
      : > "$work/rss"
      local TIMEFORMAT='%3R %3U %3S'
      t=$( { time (
        for ((k = 0; k < reps; k++)); do
          ( eval "$cmd" ) </dev/null || exit 1
        done ) ; } 2>&1 >/dev/null ) || { echo "bench: failed: $cmd" >&2; exit 1; }
      t=${t##*$'\n'}
      rss=$(sort -n "$work/rss" | tail -n 1)
      echo "$name $t $reps ${rss:-0}" >> "$file"
    done
  done
}

# timed_once FILE NAME SECONDS CMD: one run under `timeout`; records "NAME wall user sys 1 0"
# or, when it did not finish, "NAME timeout SECONDS cpu".
timed_once() {
  local file=$1 name=$2 limit=$3 cmd=$4 t status
  : > "$work/rss"
  local TIMEFORMAT='%3R %3U %3S'
  # SIGTERM, then KILL 10 s later: timeout waits for the command, so the CPU it used until then
  # is counted (GNU time in between would be killed first and lose it; no RSS for this row)
  t=$( { time timeout --kill-after=10 "$limit" bash -c "$cmd" </dev/null >/dev/null 2>&1 ; } 2>&1 ); status=$?
  t=${t##*$'\n'}
  if [ "$status" -eq 124 ] || [ "$status" -eq 137 ]; then
    echo "$name timeout $limit $t" >> "$file"
  elif [ "$status" -ne 0 ]; then
    echo "bench: failed (status $status): $cmd" >&2; exit 1
  else
    echo "$name $t 1 0" >> "$file"
  fi
}

# survey_csv N SCHOOLS: $work/responses-N-SCHOOLS.csv (bench/survey/gen.lua, 40 items)
survey_csv() {
  local n=$1 schools=$2 f="$work/responses-$1-$2.csv"
  if [ ! -s "$f" ]; then
    lua5.4 "$bench_dir/survey/gen.lua" "$f.tmp" "$n" 40 "$schools" && mv -f "$f.tmp" "$f"
  fi
  echo "$f"
}

# survey_workspace N SCHOOLS: a cairn workspace with the N responses imported (wave "bench"),
# and beside it the baseline's wide table (sqlite3 .import) with a stored summary table.
# Built once per bench/run; prints the workspace path (the wide table is the same name .wide).
survey_workspace() {
  local n=$1 schools=$2 ws="$work/survey-$1-$2.db" csv
  if [ ! -s "$ws" ] || [ ! -s "$ws.wide" ]; then
    csv=$(survey_csv "$n" "$schools")
    rm -f "$ws" "$ws"-* "$ws.wide"
    "$cairn" -w "$ws" init --district Bench >/dev/null 2>&1
    "$cairn" -w "$ws" survey load "$bench_dir/survey/instrument.lua" >/dev/null
    "$cairn" -w "$ws" survey import "$csv" --instrument bench --wave bench >/dev/null
    sqlite3 "$ws.wide" ".mode csv" ".import '$csv' wide"
    sqlite3 "$ws.wide" "CREATE TABLE summary AS $(lua5.4 "$bench_dir/survey/sql.lua" school)"
  fi
  echo "$ws"
}

# measure_startup FILE ROUNDS REPS NAME CMD [NAME CMD ...]: for commands of a few milliseconds,
# where a wrapper process (bash, GNU time) would be a large share of the figure: each round runs
# every command REPS times under `hyperfine -N` (no shell; stdin and stdout /dev/null), one
# command after the other, so rounds interleave. Records each round's mean per command.
measure_startup() {
  local file=$1 rounds=$2 reps=$3; shift 3
  local args=("$@") r i
  need hyperfine
  for ((r = 0; r < rounds; r++)); do
    for ((i = 0; i < ${#args[@]}; i += 2)); do
      hyperfine -N --warmup 2 --runs "$reps" --export-json "$work/h.json" "${args[i + 1]}" \
        >/dev/null 2>&1 || { echo "bench: failed: ${args[i + 1]}" >&2; exit 1; }
      echo "${args[i]} $(lua5.4 "$stats" hyperfine "$work/h.json")" >> "$file"
    done
  done
}
