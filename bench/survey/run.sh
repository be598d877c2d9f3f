#!/usr/bin/env bash
# bench/survey/run.sh: the survey benchmarks of issue 5, measured in one run against the
# sqlite3 shell on the same machine, printed as ratios (lower is better):
#   import     cairn survey import of a 200,000 x 40 CSV / sqlite3 .import of it into a wide
#              table (target <= 1.0), and cairn's peak memory (target < 32 MiB)
#   full       survey.results by school (n, percent favorable, mean for every school x item,
#              with suppression) / the same GROUP BY in the sqlite3 shell over a long table
#              answers(respondent, item, value) joined to respondents(school) (target <= 0.05)
#   one school survey.results for one school / that full GROUP BY (target <= 0.01)
# Import times are the best of RUNS (default 3) interleaved runs, wall clock; CPU times are
# printed too. Analysis times are measured inside each process (sqlite3 .timer, host.clock).
#   bench/survey/run.sh [RESPONDENTS=200000] [RUNS=3]      CAIRN_BIN=another binary
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
cairn=${CAIRN_BIN:-$root/cairn}
n=${1:-200000}
runs=${2:-3}
[ -x "$cairn" ] || { echo "survey bench: $cairn is not built (run make)" >&2; exit 1; }
for tool in sqlite3 lua5.4 /usr/bin/time; do
  command -v "$tool" >/dev/null || { echo "survey bench: $tool is missing (scripts/install-deps --bench)" >&2; exit 1; }
done
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
cd "$dir"
lua5.4 "$here/gen.lua" responses.csv "$n" 40 400
echo "survey bench: $n respondents x 40 items, 400 schools, 3 roles ($(du -m responses.csv | cut -f1) MB CSV)"

best() { sort -n | head -1; }
: > cairn.times; : > sqlite.times
for i in $(seq 1 "$runs"); do
  rm -f ws.db* wide.db
  "$cairn" -w ws.db init --district Bench >/dev/null 2>&1
  "$cairn" -w ws.db survey load "$here/instrument.lua" >/dev/null
  /usr/bin/time -f "%e %U %S %M" -o t.txt "$cairn" -w ws.db survey import responses.csv --instrument bench --wave bench >/dev/null
  cat t.txt >> cairn.times
  /usr/bin/time -f "%e %U %S %M" -o t.txt sqlite3 wide.db ".mode csv" ".import responses.csv wide"
  cat t.txt >> sqlite.times
done
read -r c_wall c_user c_sys c_kb < <(sort -n cairn.times | head -1)
read -r s_wall s_user s_sys s_kb < <(sort -n sqlite.times | head -1)
peak_kb=$(awk '{ if ($4 > m) m = $4 } END { print m }' cairn.times)

# the baseline's long table, built once (not timed)
sqlite3 wide.db "CREATE TABLE respondents(respondent INTEGER PRIMARY KEY, school TEXT, role TEXT);
  INSERT INTO respondents SELECT rowid, school, role FROM wide;
  CREATE TABLE answers(respondent INTEGER, item TEXT, value INTEGER);"
for i in $(seq 1 40); do echo "INSERT INTO answers SELECT rowid, 'Q$i', CAST(Q$i AS INTEGER) FROM wide WHERE Q$i <> '';"; done | sqlite3 wide.db
group_by="SELECT r.school, a.item, count(*) AS n, 100.0 * sum(a.value >= 3) / count(*) AS favorable,
  avg(a.value) AS mean FROM answers a JOIN respondents r ON r.respondent = a.respondent GROUP BY r.school, a.item"
g_real=$(printf '.timer on\n.output /dev/null\n%s;\n' "$group_by" | sqlite3 wide.db | sed -n 's/^Run Time: real \([0-9.]*\).*/\1/p' | tail -1)
[ -n "$g_real" ] || g_real=$(printf '.timer on\n%s;\n' "$group_by" | sqlite3 wide.db 2>&1 | sed -n 's/^Run Time: real \([0-9.]*\).*/\1/p' | tail -1)

cat > analysis.lua <<'LUA'
local host = require "cairn.host"
local survey = require "cairn.survey"
survey.results { wave = "bench", where = { school = "School 1" } } -- warm the instrument cache
local function best(f)
  local b = math.huge
  for _ = 1, 3 do
    local t0 = host.clock()
    f()
    b = math.min(b, host.clock() - t0)
  end
  return b
end
local full = best(function()
  local r = survey.results { wave = "bench", by = "school" }
  assert(#r.groups == 400 and r.groups[1].items.Q1.n > 0)
end)
local one = best(function()
  local r = survey.results { wave = "bench", where = { school = "School 17" } }
  assert(r.groups[1].items.Q40.favorable)
end)
print(string.format("%.6f %.6f", full, one))
LUA
read -r a_full a_one < <("$cairn" -w ws.db run analysis.lua)

lua5.4 - "$c_wall" "$c_user" "$c_sys" "$s_wall" "$s_user" "$s_sys" "$peak_kb" "$g_real" "$a_full" "$a_one" <<'LUA'
local cw, cu, cs, sw, su, ss, kb, g, full, one = table.unpack(arg)
cw, cu, cs, sw, su, ss, kb, g, full, one = tonumber(cw), tonumber(cu), tonumber(cs), tonumber(sw),
  tonumber(su), tonumber(ss), tonumber(kb), tonumber(g), tonumber(full), tonumber(one)
local function line(name, ratio, target, detail)
  print(string.format("  %-11s %7.4f  (target %s %s)  %s", name, ratio, target:sub(1, 2), target:sub(3),
    detail))
end
line("import", cw / sw, "<=1.0", string.format("cairn %.2fs, sqlite3 .import %.2fs; CPU %.2fs vs %.2fs (ratio %.2f)",
  cw, sw, cu + cs, su + ss, (cu + cs) / (su + ss)))
print(string.format("  %-11s %7.1f MiB (target < 32 MiB)", "peak memory", kb / 1024))
line("full", full / g, "<=0.05", string.format("survey.results by school %.1f ms, sqlite3 GROUP BY %.0f ms", full * 1000, g * 1000))
line("one school", one / g, "<=0.01", string.format("survey.results for one school %.1f ms", one * 1000))
LUA
