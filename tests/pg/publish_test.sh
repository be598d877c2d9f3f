#!/usr/bin/env bash
# cairn state init and cairn publish against a throwaway PostgreSQL server: what is sent, what
# is not (contact details, raw responses), incremental and idempotent publishing. Prints TAP.
set -u
. "$(dirname "$0")/lib.sh"
cd "$dir"

out=$(cairn state init 2>&1); st=$?
[ $st -eq 0 ] && [[ $out == *"applied state migration 1 (now version 1)"* ]]
check $? "state init creates the schema" "status $st: $out"
out=$(cairn state init 2>&1); st=$?
[ $st -eq 0 ] && [[ $out == *"up to date (version 1)"* ]]
check $? "state init again changes nothing" "status $st: $out"
parts=$(sql -c "SELECT count(*) FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhparent
                 JOIN pg_namespace s ON s.oid = c.relnamespace WHERE s.nspname = 'cairn'")
nopk=$(sql -c "SELECT count(*) FROM pg_class c JOIN pg_namespace s ON s.oid = c.relnamespace
                WHERE s.nspname = 'cairn' AND c.relkind = 'p' AND NOT EXISTS (
                  SELECT 1 FROM pg_index x JOIN pg_attribute a ON a.attrelid = x.indrelid
                   AND a.attnum = x.indkey[0] WHERE x.indrelid = c.oid AND x.indisprimary
                   AND a.attname = 'district_id')")
norls=$(sql -c "SELECT count(*) FROM pg_class c JOIN pg_namespace s ON s.oid = c.relnamespace
                 WHERE s.nspname = 'cairn' AND c.relkind IN ('r', 'p') AND NOT c.relrowsecurity
                   AND c.relname NOT IN ('migration', 'state_setting') AND NOT c.relispartition")
[ "$parts" -ge 88 ] && [ "$nopk" = 0 ] && [ "$norls" = 0 ]
check $? "every district table is partitioned by district_id, keyed by it first, with row-level security" \
  "partitions $parts, without district_id first in the key $nopk, without RLS $norls"

cairn state add-district "Riverside Unified" --login >/dev/null
out=$(cairn state add-district "Hillcrest" --login 2>&1)
[[ $out == "district 2 Hillcrest publishes as role cairn_district_2" ]]
check $? "add-district creates the district's role" "$out"

make_workspace a.db "Riverside Unified" full
export CAIRN_STATE="user=cairn_district_1"
before=$(md5sum < a.db)
out=$(cairn -w a.db publish --verbose 2>&1); st=$?
[ $st -eq 0 ] && [[ $out == *"Riverside Unified: published"*"(publish 1, first publish)"* ]]
check $? "the first publish sends everything" "status $st: $out"
whole=0
for t in person plan plan_item status_change measure measure_target observation report_run; do
  here=$(ws_value a.db "SELECT count(*) FROM $t")
  there=$(sql -c "SELECT count(*) FROM cairn.$t WHERE district_id = 1")
  [ -n "$here" ] && [ "$here" = "$there" ] ||
    { echo "# $t: $here in the workspace, $there in the state"; whole=1; }
done
check $whole "every plan table arrives whole"
here=$(ws_value a.db "SELECT count(*) FROM worksheet WHERE status = 'final'")
there=$(sql -c "SELECT count(*) FROM cairn.worksheet")
[ -n "$here" ] && [ "$here" = "$there" ]
check $? "final worksheets only" "$here final here, $there there"
cols=$(sql -c "SELECT coalesce(string_agg(column_name, ','), 'none') FROM information_schema.columns
                WHERE table_schema = 'cairn' AND column_name IN ('contact', 'answers_blob', 'fingerprint', 'ref')")
[ "$cols" = none ]
check $? "no contact details or respondent columns in the state schema" "$cols"
small=$(sql -c "SELECT count(*) FROM cairn.survey_result WHERE NOT suppressed AND (respondents < min_group_size OR n < min_group_size)")
withheld=$(sql -c "SELECT count(*) FROM cairn.survey_result WHERE suppressed AND n IS NULL AND favorable IS NULL")
shown=$(sql -c "SELECT count(*) FROM cairn.survey_result WHERE NOT suppressed")
[ "$small" = 0 ] && [ "$withheld" -gt 0 ] && [ "$shown" -gt 0 ]
check $? "survey results are aggregates, small groups withheld without numbers" \
  "below minimum shown: $small, withheld: $withheld, shown: $shown"

# the state's minimum is larger than the district's: results are suppressed at the state's
sql -c "UPDATE cairn.state_setting SET value = '40' WHERE key = 'survey.min_group_size'"
out=$(cairn -w a.db publish 2>&1); st=$?
mins=$(sql -c "SELECT string_agg(DISTINCT min_group_size::text, ',') FROM cairn.survey_result")
small=$(sql -c "SELECT count(*) FROM cairn.survey_result WHERE NOT suppressed AND respondents < 40")
[ $st -eq 0 ] && [ "$mins" = 40 ] && [ "$small" = 0 ]
check $? "survey results are suppressed at the larger of the district's and the state's minimum" \
  "status $st: $out; minimums $mins; small shown $small"
dmin=$(ws_value a.db "SELECT value FROM settings WHERE key = 'survey.min_group_size'")
[ "$dmin" = 5 ]
check $? "the workspace's own minimum is left as it was" "$dmin"
sql -c "UPDATE cairn.state_setting SET value = '5' WHERE key = 'survey.min_group_size'"
cairn -w a.db publish >/dev/null 2>&1

count=$(sql -c "SELECT count(*) FROM cairn.publish")
out=$(cairn -w a.db publish 2>&1); st=$?
[ $st -eq 0 ] && [[ $out == "Riverside Unified: nothing new to publish" ]] &&
  [ "$(sql -c "SELECT count(*) FROM cairn.publish")" = "$count" ]
check $? "publishing twice sends nothing" "status $st: $out"

cairn -w a.db -e 'plan.item(1):set_status("at_risk", {note = "behind", on = "2026-11-20"})' >/dev/null
out=$(cairn -w a.db publish --verbose 2>&1); st=$?
[ $st -eq 0 ] && [[ $out == *"published 2 rows"* ]] && [[ $out == *"plan_item       1 sent"* ]] &&
  [[ $out == *"status_change   1 sent"* ]] &&
  [ "$(sql -c "SELECT status FROM cairn.plan_item WHERE district_id = 1 AND id = 1")" = at_risk ]
check $? "a change sends only the changed rows" "status $st: $out"

cairn -w a.db -e 'db:exec("DELETE FROM observation WHERE id = (SELECT max(id) FROM observation)")' >/dev/null
out=$(cairn -w a.db publish 2>&1); st=$?
here=$(ws_value a.db "SELECT count(*) FROM observation")
there=$(sql -c "SELECT count(*) FROM cairn.observation WHERE district_id = 1")
[ $st -eq 0 ] && [[ $out == *"published 0 rows, deleted 1"* ]] && [ "$here" = "$there" ]
check $? "a row deleted in the workspace is deleted in the state" "status $st: $out ($here / $there)"

out=$(cairn -w a.db publish --to "user=cairn_district_2" 2>&1); st=$?
[ $st -eq 1 ] && [[ $out == *"this workspace is for Riverside Unified, but the role cairn_district_2 publishes for Hillcrest"* ]]
check $? "publishing as another district's role is refused" "status $st: $out"
out=$(cairn -w a.db publish --to "user=cairn_admin" 2>&1); st=$?
[ $st -eq 1 ] && [[ $out == *"the role cairn_admin is not a district's role there"* ]]
check $? "publishing as a role that is no district's is refused" "status $st: $out"
out=$(cairn -w a.db publish --to "host=$dir/nowhere" 2>&1); st=$?
[ $st -eq 1 ] && [[ $out == "cairn: cannot connect to PostgreSQL (host $dir/nowhere): "* ]] && [[ $out != *".lua:"* ]]
check $? "no server: a clear message" "status $st: $out"
finish
