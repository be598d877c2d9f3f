#!/usr/bin/env bash
# Row-level security proof: a district's role reads and changes only its own rows, whatever it
# tries; the analyst role reads every district and changes nothing. Prints TAP.
set -u
. "$(dirname "$0")/lib.sh"
cd "$dir"
cairn state init >/dev/null
cairn state add-district "District A" --login >/dev/null
cairn state add-district "District B" --login >/dev/null
sql -c "CREATE ROLE analyst LOGIN IN ROLE cairn_analyst"
make_workspace a.db "District A"
make_workspace b.db "District B"
cairn -w a.db publish --to "user=cairn_district_1" 2>/dev/null
cairn -w b.db publish --to "user=cairn_district_2" 2>/dev/null
[ "$(sql -c "SELECT count(*) FROM cairn.plan_item")" = 4 ]
check $? "both districts published" "$(sql -c "SELECT district_id, count(*) FROM cairn.plan_item GROUP BY 1")"

A=cairn_district_1
for t in district publish person plan plan_item status_change measure measure_target observation \
         worksheet report_run survey_result; do
  other=$(as_role $A -c "SELECT count(*) FROM cairn.$t WHERE district_id <> 1")
  [ "$other" = 0 ] || { echo "# $t: A sees $other rows of B"; break; }
done
check $? "A reads none of B's rows, in any table"
own=$(as_role $A -c "SELECT count(*) FROM cairn.plan_item")
[ "$own" = 2 ]
check $? "A reads its own rows" "$own"
out=$(as_role $A -c "UPDATE cairn.plan_item SET text = 'taken' WHERE district_id = 2 RETURNING id" 2>&1)
[ -z "$out" ] && [ "$(sql -c "SELECT count(*) FROM cairn.plan_item WHERE text = 'taken'")" = 0 ]
check $? "A cannot change B's rows" "$out"
out=$(as_role $A -c "DELETE FROM cairn.plan WHERE district_id = 2 RETURNING id" 2>&1)
[ -z "$out" ] && [ "$(sql -c "SELECT count(*) FROM cairn.plan WHERE district_id = 2")" = 1 ]
check $? "A cannot delete B's rows" "$out"
out=$(as_role $A -c "INSERT INTO cairn.plan(district_id, id, kind, title) VALUES (2, 99, 'x', 'forged')" 2>&1); st=$?
[ $st -ne 0 ] && [[ $out == *"new row violates row-level security policy"* ]]
check $? "A cannot write rows as B" "$out"
out=$(as_role $A -c "UPDATE cairn.plan SET district_id = 2 WHERE district_id = 1" 2>&1); st=$?
[ $st -ne 0 ] && [[ $out == *"row-level security"* ]]
check $? "A cannot move its rows to B" "$out"
out=$(as_role $A -c "SELECT count(*) FROM cairn.plan_item_p0" 2>&1); st=$?
[ $st -ne 0 ] && [[ $out == *"permission denied"* ]]
check $? "A cannot go around the policy through a partition" "$out"
out=$(as_role $A -c "UPDATE cairn.state_setting SET value = '1'" 2>&1); st=$?
[ $st -ne 0 ] && [[ $out == *"permission denied"* ]]
check $? "A cannot change the state's settings" "$out"

all=$(as_role analyst -c "SELECT count(DISTINCT district_id) FROM cairn.plan_item")
[ "$all" = 2 ]
check $? "the analyst reads every district" "$all"
out=$(as_role analyst -c "DELETE FROM cairn.plan_item" 2>&1); st=$?
[ $st -ne 0 ] && [[ $out == *"permission denied"* ]]
check $? "the analyst changes nothing" "$out"

out=$(cairn -w b.db publish --to "user=cairn_district_2" 2>&1); st=$?
[ $st -eq 0 ] && [[ $out == *"nothing new"* ]]
check $? "B's publish is unaffected by A's attempts" "$out"
finish
