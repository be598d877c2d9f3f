#!/usr/bin/env bash
# Start-up: `cairn run empty.lua` on an existing workspace against `lua5.4 -e ''`, measured in
# the same run, printed as a ratio (target: at most 2x). Uses hyperfine when installed, else a
# loop timed with date +%s%N. Not a pass/fail test; exits 1 only when it cannot measure.
#   bench/startup.sh [RUNS]        CAIRN_BIN=path to measure another binary,
#                                  BENCH_NO_HYPERFINE=1 to use the plain loop
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
cairn=${CAIRN_BIN:-$root/cairn}
runs=${1:-500}
[ -x "$cairn" ] || { echo "startup: $cairn is not built (run make)" >&2; exit 1; }
command -v lua5.4 >/dev/null || { echo "startup: lua5.4 is not installed (scripts/install-deps --bench)" >&2; exit 1; }
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
cd "$dir"
"$cairn" init --district "Bench" 2>/dev/null
: > empty.lua

if [ -z "${BENCH_NO_HYPERFINE:-}" ] && command -v hyperfine >/dev/null; then
  hyperfine -N --warmup 30 --runs "$runs" --export-json times.json \
    "$cairn run empty.lua" "lua5.4 -e ''" >/dev/null 2>&1
  # wall-clock means, and CPU (user + system) means, which a loaded machine disturbs less
  read -r c l cc cl < <(lua5.4 -e '
    local s = io.open("times.json"):read("a")
    local function all(key)
      local t = {}
      for m in s:gmatch([["]] .. key .. [[":%s*([%d%.e%-]+)]]) do t[#t + 1] = tonumber(m) end
      return t
    end
    local mean, user, sys = all("mean"), all("user"), all("system")
    print(mean[1] * 1000, mean[2] * 1000, (user[1] + sys[1]) * 1000, (user[2] + sys[2]) * 1000)')
  how="hyperfine, $runs runs each"
  cpu="print(string.format('          CPU time ratio     %.2fx (user + system: %.2f ms / %.2f ms)', $cc / $cl, $cc, $cl))"
else
  # interleave the two so load changes hit both alike
  tc=0 tl=0
  for _ in $(seq 20); do "$cairn" run empty.lua; lua5.4 -e ''; done
  for _ in $(seq "$runs"); do
    t0=$(date +%s%N); "$cairn" run empty.lua; t1=$(date +%s%N); lua5.4 -e ''; t2=$(date +%s%N)
    tc=$((tc + t1 - t0)); tl=$((tl + t2 - t1))
  done
  c=$(lua5.4 -e "print($tc / $runs / 1e6)"); l=$(lua5.4 -e "print($tl / $runs / 1e6)")
  cpu=""
  how="date +%s%N loop, $runs runs each (each time includes starting date)"
fi
lua5.4 -e "
  local c, l = $c, $l
  print(string.format('start-up  cairn run empty.lua  %.2f ms', c))
  print(string.format('          lua5.4 -e \"\"        %.2f ms', l))
  print(string.format('          ratio              %.2fx (target <= 2x; %s)', c / l, '$how'))
  ${cpu:-}"
