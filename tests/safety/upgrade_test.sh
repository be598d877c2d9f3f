#!/usr/bin/env bash
# Upgrades: a workspace of every earlier schema (tests/fixtures/make-schema-fixture, built from
# the migrations themselves) is upgraded to the current schema in one go, names the copy it took
# first on stderr, keeps its data and passes `cairn check`. A workspace that cannot be upgraded
# (here: one whose schema-4 table is in the way, so a later step fails) is left byte for byte as
# it was, at its old schema, and the copy is kept. TAP.
set -u
n=0
ok() { n=$((n + 1)); if [ "$1" -eq 0 ]; then echo "ok $n - $2"; else echo "not ok $n - $2"; fi; }
make_fixture="$CAIRN_TESTS/fixtures/make-schema-fixture"
current=$(ls "$CAIRN_TESTS"/../src/migrations/[0-9][0-9][0-9]_*.sql | wc -l)
version() { sqlite3 "$1" "PRAGMA user_version"; }

for v in $(seq 1 $((current - 1))); do
  ws=$PWD/schema-$v.db
  "$make_fixture" "$v" "$ws"
  CAIRN_WORKSPACE=$ws cairn check >out.txt 2>err.txt; status=$?
  [ $status -eq 0 ] && [ "$(version "$ws")" = "$current" ] && grep -q "^$ws: ok" out.txt
  ok $? "schema $v upgrades to $current and passes cairn check ($(cat out.txt err.txt | tr '\n' ' '))"
  bak=$ws.before-schema-$current.bak
  grep -q "from schema $v to $current; a copy of it as it was is in $bak" err.txt &&
    [ "$(version "$bak")" = "$v" ] && [ "$(sqlite3 "$bak" "PRAGMA integrity_check")" = ok ]
  ok $? "schema $v: the copy taken first is named on stderr and is at schema $v"
  [ "$(sqlite3 "$ws" "SELECT value FROM meta WHERE key = 'district'")" = Riverside ]
  ok $? "schema $v: the data came along"
  if [ "$v" -ge 3 ]; then
    [ "$(sqlite3 "$ws" "SELECT count(*) FROM worksheet")" = 1 ]; ok $? "schema $v: the worksheet came along"
  fi
  CAIRN_WORKSPACE=$ws cairn check >/dev/null 2>err.txt
  [ ! -s err.txt ]; ok $? "schema $v: a second open takes no copy and says nothing"
done

# A failing step: a schema-3 workspace in which someone made a table that step 5 creates.
ws=$PWD/broken.db
"$make_fixture" 3 "$ws"
sqlite3 "$ws" "CREATE TABLE survey_wave(x)" >/dev/null
cp "$ws" before.db
CAIRN_WORKSPACE=$ws cairn check >out.txt 2>err.txt; status=$?
[ $status -ne 0 ] && grep -q "cannot update the workspace to schema $current (step 5, survey): table survey_wave already exists. Nothing was changed: it is still at schema 3" err.txt
ok $? "a failing step 5 is named: $(tail -n 1 err.txt)"
cmp -s "$ws" before.db && [ "$(version "$ws")" = 3 ] &&
  [ "$(sqlite3 "$ws" "SELECT count(*) FROM sqlite_schema WHERE name = 'report_run'")" = 0 ]
ok $? "the workspace is byte-identical, at schema 3, step 4 undone too"
[ "$(version "$ws.before-schema-$current.bak")" = 3 ] && grep -q "the copy taken first is $ws.before-schema-$current.bak" err.txt
ok $? "the copy is kept and named"
echo "1..$n"
