# tests/pg/lib.sh: sourced by the tests/pg/*_test.sh files. Starts a throwaway PostgreSQL
# server (scripts/state/throwaway-server) with a state database, and gives TAP helpers. When the
# server cannot start the test FAILS (make test installs postgresql with install-deps --test).
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
dir=$(mktemp -d)
chmod 755 "$dir" # the server runs as nobody when we are root
n=0; failed=0
check() { # check STATUS DESCRIPTION [DIAGNOSTIC]
  n=$((n + 1))
  if [ "$1" -eq 0 ]; then echo "ok $n - $2"
  else failed=$((failed + 1)); echo "not ok $n - $2"; printf '%s\n' "${3:-}" | sed 's/^/#   /'; fi
}
finish() { echo "1..$n"; [ "$failed" -eq 0 ]; }
cleanup() { "$root/scripts/state/throwaway-server" stop "$dir/pg" 2>/dev/null; rm -rf "$dir"; }
trap cleanup EXIT
if ! env_lines=$("$root/scripts/state/throwaway-server" start "$dir/pg" 2>&1); then
  echo "not ok 1 - a throwaway PostgreSQL server starts"
  printf '%s\n' "$env_lines" | sed 's/^/#   /'
  echo "1..1"; exit 1
fi
eval "$env_lines"
PSQL=$(command -v psql || echo /usr/lib/postgresql/15/bin/psql)
sql() { "$PSQL" -X -q -At -v ON_ERROR_STOP=1 "$@"; }     # as the superuser, PG* set above
as_role() { local r=$1; shift; PGUSER=$r "$PSQL" -X -q -At -v ON_ERROR_STOP=1 "$@"; }

# A workspace for DISTRICT at FILE: the demo district's people, plans and surveys (full=1),
# or a small one with one plan of two items.
make_workspace() { # FILE DISTRICT [full]
  cairn -w "$1" init --district "$2" 2>/dev/null || return 1
  if [ "${3:-}" = full ]; then
    cairn -w "$1" run "$root/scripts/workflows/demo_data.lua" >/dev/null &&
    cairn -w "$1" run "$root/scripts/workflows/demo_plan.lua" >/dev/null &&
    cairn -w "$1" run "$root/scripts/workflows/demo_survey.lua" >/dev/null
  else
    cairn -w "$1" -e 'local p = plan.create{kind = "district_plan", title = "Small plan"}
      p:add{level = "goal", text = "Goal one", status = "on_track"}
      p:add{level = "goal", text = "Goal two", status = "at_risk"}' >/dev/null
  fi
}

ws_value() { cairn -w "$1" sql --csv "$2" | tail -1 | tr -d '\r'; } # FILE SQL: one value
