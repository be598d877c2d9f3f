#!/usr/bin/env bash
# The state roll-up: N demo-sized districts (400; 3 under BENCH_QUICK) each run `cairn publish`
# to a throwaway PostgreSQL server, against the baseline a competent user would run instead:
# psql's \copy of the same rows (one psql per district, all tables, one transaction each, as a
# district's own script would). Then two state reports (`cairn report NAME --from URL`, the
# whole command) against the same SQL run directly in psql.
#
# The work is mostly the server's, which neither side's CPU time shows, so these rows compare
# wall time (median of interleaved runs for the reports; one run of all N districts each for
# publishing, which cannot be repeated on the same workspaces). Target: publish <= 2x.
source "$(dirname "$0")/../lib.sh"
need psql
n=$(pick "${PUBLISH_DISTRICTS:-400}" 3)
runs=$(pick "${BENCH_RUNS:-5}" 2)
dir="$work/pg"
rm -rf "$dir"; mkdir -p "$dir"
# the server runs as an unprivileged user when we are root: its folder must be reachable by
# that user, which BENCH_OUT's parents may not be
srv=$(mktemp -d); chmod 755 "$srv"
trap '"$root/scripts/state/throwaway-server" stop "$srv/server" >/dev/null 2>&1; rm -rf "$srv"' EXIT
env_lines=$("$root/scripts/state/throwaway-server" start "$srv/server") || { echo "bench: no PostgreSQL server" >&2; exit 1; }
eval "$env_lines"
psql() { command psql -X -q -At -v ON_ERROR_STOP=1 "$@"; }
ms() { date +%s%N; }

# one demo-sized district, copied N times under N names, each with its own role
"$cairn" -w "$dir/t.db" init --district template >/dev/null 2>&1
for s in demo_data demo_plan demo_survey; do "$cairn" -w "$dir/t.db" run "$root/scripts/workflows/$s.lua" >/dev/null; done
"$cairn" state init >/dev/null
for i in $(seq 1 "$n"); do
  cp "$dir/t.db" "$dir/d$i.db"
  sqlite3 "$dir/d$i.db" "UPDATE meta SET value = 'District $i' WHERE key = 'district'"
done
psql -c "$(for i in $(seq 1 "$n"); do printf "INSERT INTO cairn.district VALUES (%d, 'District %d', 'cairn_district_%d');" "$i" "$i" "$i"; done)"
psql -c "DO \$\$ BEGIN FOR i IN 1..$n LOOP EXECUTE format('CREATE ROLE cairn_district_%s LOGIN IN ROLE cairn_district', i); END LOOP; END \$\$"

echo "publish: $n districts to a throwaway PostgreSQL server"
t0=$(ms)
for i in $(seq 1 "$n"); do "$cairn" -w "$dir/d$i.db" publish --to "user=cairn_district_$i" 2>/dev/null; done
t1=$(ms)
sent=$(psql -c "SELECT sum(rows_sent) FROM cairn.publish")
districts=$(psql -c "SELECT count(DISTINCT district_id) FROM cairn.publish")
[ "$districts" = "$n" ] || { echo "bench: $districts districts published, expected $n" >&2; exit 1; }
again=$("$cairn" -w "$dir/d1.db" publish --to "user=cairn_district_1" 2>&1 | tail -n 1)

# the baseline: the same rows loaded by psql \copy into a copy of the schema
tables="person plan plan_item status_change measure measure_target observation worksheet report_run survey_result"
mkdir -p "$dir/rows"
for t in $tables; do psql -c "\\copy (SELECT * FROM cairn.$t WHERE district_id = 1) TO '$dir/rows/$t'"; done
psql -c "CREATE DATABASE copytest"
PGDATABASE=copytest "$cairn" state init >/dev/null
t2=$(ms)
for i in $(seq 1 "$n"); do
  { echo "BEGIN;"
    for t in $tables; do
      echo "CREATE TEMP TABLE s_$t (LIKE cairn.$t) ON COMMIT DROP;"
      echo "\\copy s_$t FROM '$dir/rows/$t'"
      echo "UPDATE s_$t SET district_id = $i; INSERT INTO cairn.$t SELECT * FROM s_$t;"
    done
    echo "COMMIT;"; } | PGDATABASE=copytest psql >/dev/null
done
t3=$(ms)
copied=$(PGDATABASE=copytest psql -c "SELECT $(for t in $tables; do printf "(SELECT count(*) FROM cairn.%s) + " "$t"; done) 0")
stored=$(psql -c "SELECT $(for t in $tables; do printf "(SELECT count(*) FROM cairn.%s) + " "$t"; done) 0")
[ "$copied" = "$stored" ] || { echo "bench: psql copied $copied rows, cairn stored $stored" >&2; exit 1; }
echo "    $sent rows sent by cairn ($stored stored), the same $copied loaded by psql; publishing again: $again"

row() { printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$@" >> "$rows"; }
pub=$(( (t1 - t0) / 1000000 )) cp=$(( (t3 - t2) / 1000000 ))
read -r ratio verdict < <(lua5.4 -e "local r = $pub / math.max($cp, 1)
  print(string.format('%.2fx', r), r <= 2 and 'met' or string.format('missed: %.2fx over the target', r / 2))")
row "\`publish\`, $n districts, $stored rows (wall)" "$pub ms" "psql \\copy of the same rows" "$cp ms" "$ratio" "<= 2x" "$verdict"
echo "  publish      cairn $pub ms, psql \\copy $cp ms: $ratio (target <= 2x, $verdict)"

# state reports: the whole command against the same SQL in psql, interleaved, median wall
rec="$out/pg.rec"; : > "$rec"
plan_sql="SELECT d.name, count(i.id), count(*) FILTER (WHERE i.status = 'on_track'),
  count(*) FILTER (WHERE i.due < '2026-11-26' AND i.status NOT IN ('done','dropped'))
  FROM cairn.district d LEFT JOIN cairn.plan_item i ON i.district_id = d.district_id GROUP BY d.district_id, d.name ORDER BY d.name"
fav_sql="SELECT wave, item, sum(n) FILTER (WHERE NOT suppressed), sum(favorable_count) FILTER (WHERE NOT suppressed)
  FROM cairn.survey_result WHERE grp = '' GROUP BY wave, item ORDER BY wave, item;
  SELECT d.name, r.wave, r.item, r.n, r.favorable FROM cairn.survey_result r JOIN cairn.district d USING (district_id)
  WHERE r.grp = '' ORDER BY 1, 2, 3"
printf '%s\n' "$plan_sql" > "$dir/plan.sql"; printf '%s\n' "$fav_sql" > "$dir/fav.sql"
measure "$rec" "$runs" 1 \
  plan "$cairn report state_plan_status --from '' --as-of 2026-11-26 --format html --out $dir/plan.html" \
  plan_sql "command psql -X -q -At -f $dir/plan.sql" \
  fav "$cairn report state_favorable --from '' --as-of 2026-11-26 --format html --out $dir/fav.html" \
  fav_sql "command psql -X -q -At -f $dir/fav.sql"
for f in plan fav; do
  [ -s "$dir/$f.html" ] || { echo "bench: the state report $f wrote nothing" >&2; exit 1; }
done
grep -q "District $n" "$dir/plan.html" || { echo "bench: the state plan report misses District $n" >&2; exit 1; }
lua5.4 - "$rec" "$rows" <<'LUA'
  local rec, rows = arg[1], arg[2]
  local t = {}
  for line in io.lines(rec) do
    local name, wall = line:match("^(%S+) ([%d%.]+)")
    if name then t[name] = t[name] or {}; table.insert(t[name], tonumber(wall)) end
  end
  local function median(v) table.sort(v); local m = #v // 2; return #v % 2 == 1 and v[m + 1] or (v[m] + v[m + 1]) / 2 end
  local f = assert(io.open(rows, "a"))
  for _, r in ipairs { { "plan", "`report state_plan_status --from URL`, HTML (wall)" },
                       { "fav", "`report state_favorable --from URL`, HTML (wall)" } } do
    local c, b = median(t[r[1]]), median(t[r[1] .. "_sql"])
    f:write(table.concat({ r[2], string.format("%.0f ms", c * 1000), "the same SQL in psql",
      string.format("%.0f ms", b * 1000), string.format("%.2fx", c / b), "none", "(no target)" }, "\t"), "\n")
    print(string.format("  %-5s cairn report %.0f ms, psql %.0f ms: %.2fx", r[1], c * 1000, b * 1000, c / b))
  end
  f:close()
LUA
