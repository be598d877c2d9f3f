#!/usr/bin/env bash
# Publishing to a state database: N demo-sized districts (default 400) each run `cairn publish`
# to a throwaway PostgreSQL server, against psql's \copy loading the same rows (all tables, one
# psql per district, as a district's script would). Then the state reports against the same SQL
# run directly in psql. Printed as ratios. Not a pass/fail test.
#   bench/publish.sh [DISTRICTS]     (or PUBLISH_DISTRICTS=3 bench/run for a short CI smoke)
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
cairn=${CAIRN_BIN:-$root/cairn}
n=${1:-${PUBLISH_DISTRICTS:-400}}
[ -x "$cairn" ] || { echo "publish: $cairn is not built (run make)" >&2; exit 1; }
dir=$(mktemp -d); chmod 755 "$dir"
trap '"$root/scripts/state/throwaway-server" stop "$dir/pg"; rm -rf "$dir"' EXIT
eval "$("$root/scripts/state/throwaway-server" start "$dir/pg")"
psql() { command psql -X -q -At -v ON_ERROR_STOP=1 "$@"; }
now() { date +%s%N; }

# one demo-sized district, copied N times under N names
"$cairn" -w "$dir/t.db" init --district template 2>/dev/null
for s in demo_data demo_plan demo_survey; do "$cairn" -w "$dir/t.db" run "$root/scripts/workflows/$s.lua" >/dev/null; done
"$cairn" state init >/dev/null
for i in $(seq 1 "$n"); do
  cp "$dir/t.db" "$dir/d$i.db"
  sqlite3 "$dir/d$i.db" "UPDATE meta SET value = 'District $i' WHERE key = 'district'"
done
psql -c "$(for i in $(seq 1 "$n"); do printf "INSERT INTO cairn.district VALUES (%d, 'District %d', 'cairn_district_%d');" "$i" "$i" "$i"; done)"
psql -c "DO \$\$ BEGIN FOR i IN 1..$n LOOP EXECUTE format('CREATE ROLE cairn_district_%s LOGIN IN ROLE cairn_district', i); END LOOP; END \$\$"

t0=$(now)
for i in $(seq 1 "$n"); do "$cairn" -w "$dir/d$i.db" publish --to "user=cairn_district_$i" 2>/dev/null; done
t1=$(now)
rows=$(psql -c "SELECT sum(rows_sent) FROM cairn.publish")

# the baseline: the same rows loaded by psql \copy, one psql per district, into a copy of the schema
tables="person plan plan_item status_change measure measure_target observation worksheet report_run survey_result"
mkdir -p "$dir/rows"
for t in $tables; do psql -c "\\copy (SELECT * FROM cairn.$t WHERE district_id = 1) TO '$dir/rows/$t'"; done
psql -c "CREATE DATABASE copytest"
PGDATABASE=copytest "$cairn" state init >/dev/null
t2=$(now)
for i in $(seq 1 "$n"); do
  { echo "BEGIN;"
    for t in $tables; do
      echo "CREATE TEMP TABLE s_$t (LIKE cairn.$t) ON COMMIT DROP;"
      echo "\\copy s_$t FROM '$dir/rows/$t'"
      echo "UPDATE s_$t SET district_id = $i; INSERT INTO cairn.$t SELECT * FROM s_$t;"
    done
    echo "COMMIT;"; } | PGDATABASE=copytest psql >/dev/null
done
t3=$(now)
pub=$((t1 - t0)) cp=$((t3 - t2))
echo "publish: $n districts, $rows rows: cairn publish $((pub / 1000000)) ms, psql \\copy $((cp / 1000000)) ms, ratio $(lua5.4 -e "print(string.format('%.2f', $pub / $cp))")x"

# state reports vs the same SQL in psql (best of 3 each)
best() { local b=0 s e; for _ in 1 2 3; do s=$(now); "$@" >/dev/null; e=$(now); [ $b -eq 0 ] || [ $((e - s)) -lt $b ] && b=$((e - s)); done; echo $b; }
rep=$(best "$cairn" report state_plan_status --from "" --as-of 2026-11-26 --format text)
sqlq=$(best psql -c "SELECT d.name, count(i.id), count(*) FILTER (WHERE i.status = 'on_track'),
  count(*) FILTER (WHERE i.due < '2026-11-26' AND i.status NOT IN ('done','dropped'))
  FROM cairn.district d LEFT JOIN cairn.plan_item i ON i.district_id = d.district_id GROUP BY d.district_id, d.name ORDER BY d.name")
echo "state_plan_status: cairn report $((rep / 1000000)) ms, psql $((sqlq / 1000000)) ms, ratio $(lua5.4 -e "print(string.format('%.2f', $rep / $sqlq))")x"
rep=$(best "$cairn" report state_favorable --from "" --as-of 2026-11-26 --format text)
sqlq=$(best psql -c "SELECT wave, item, sum(n) FILTER (WHERE NOT suppressed), sum(favorable_count) FILTER (WHERE NOT suppressed)
  FROM cairn.survey_result WHERE grp = '' GROUP BY wave, item ORDER BY wave, item;
  SELECT d.name, r.wave, r.item, r.n, r.favorable FROM cairn.survey_result r JOIN cairn.district d USING (district_id)
  WHERE r.grp = '' ORDER BY 1, 2, 3")
echo "state_favorable: cairn report $((rep / 1000000)) ms, psql $((sqlq / 1000000)) ms, ratio $(lua5.4 -e "print(string.format('%.2f', $rep / $sqlq))")x"
