#!/usr/bin/env bash
# Schema 8 rebuilds survey_response without its index on (wave_id, fingerprint) (the importer
# checks keys in memory, src/survey_keys.c). A schema-7 workspace with responses, number and text
# answers is upgraded with all of them kept, the views still read them, and importing again
# still finds the duplicates. TAP.
set -u
n=0
ok() { n=$((n + 1)); if [ "$1" -eq 0 ]; then echo "ok $n - $2"; else echo "not ok $n - $2"; fi; }
ws=$PWD/old.db
"$CAIRN_TESTS/fixtures/make-schema-fixture" 7 "$ws"
sqlite3 "$ws" <<'SQL'
PRAGMA foreign_keys=ON;
INSERT INTO survey_instrument VALUES ('ex', 1, 'Example', '{}', '2025-08-01');
INSERT INTO survey_slot VALUES ('ex', 1, 'N1', 'number', 0, 8), ('ex', 1, 'T1', 'text', 8, 1);
INSERT INTO survey_wave(name, instrument, version, created_at) VALUES ('fall', 'ex', 1, '2025-08-01');
INSERT INTO survey_import(wave_id, source, rows, added, imported_at) VALUES (1, 'a.csv', 2, 2, '2025-08-01');
INSERT INTO survey_response(id, wave_id, import_id, fingerprint, answers) VALUES
  (1, 1, 1, 11, zeroblob(9)), (2, 1, 1, 22, zeroblob(9));
INSERT INTO survey_number VALUES (1, 'N1', 7.5), (2, 'N1', 3.0);
INSERT INTO survey_text VALUES (2, 'T1', 'More recess');
SQL
CAIRN_WORKSPACE=$ws cairn -e 'print(db:value("SELECT count(*) FROM survey_response"))' >out.txt 2>err.txt
q() { sqlite3 "$ws" "$1"; }
[ "$(cat out.txt)" = 2 ] && [ "$(q 'PRAGMA user_version')" -ge 8 ] && [ "$(q 'PRAGMA integrity_check')" = ok ]
ok $? "the schema-7 workspace upgrades and is sound ($(tr '\n' ' ' < err.txt))"
[ "$(q 'SELECT group_concat(id || ":" || fingerprint, " ") FROM survey_response')" = "1:11 2:22" ]
ok $? "the responses came along with their keys"
[ "$(q 'SELECT count(*) FROM survey_number')/$(q 'SELECT value FROM survey_text')" = "2/More recess" ]
ok $? "number and text answers came along (not cascaded away with the old table)"
[ "$(q "SELECT group_concat(value, ' ') FROM (SELECT value FROM survey_answers WHERE item = 'N1' ORDER BY value)")" = "3.0 7.5" ]
ok $? "the survey_answers view reads the rebuilt table"
[ "$(q "SELECT count(*) FROM sqlite_schema WHERE tbl_name = 'survey_response' AND type = 'index'")" = 1 ] &&
  [ "$(q "SELECT name FROM sqlite_schema WHERE tbl_name = 'survey_response' AND type = 'index'")" = survey_response_wave ]
ok $? "survey_response keeps one index, on wave_id"
[ "$(q 'PRAGMA foreign_key_check')" = "" ]; ok $? "no foreign key points nowhere"

# the duplicate check works on the new table: a second import of the same file adds nothing
printf 'school,Q1\nA,Agree\nA,Agree\nB,Disagree\n' > answers.csv
cat > inst.lua <<'LUA'
return { id = "k", version = 1, title = "Keys", attributes = { "school" },
  items = { { code = "Q1", text = "Fine.", scale = "agreement" } } }
LUA
export CAIRN_WORKSPACE=$PWD/new.db
cairn init --district Keys >/dev/null 2>&1 && cairn survey load inst.lua >/dev/null
cairn survey import answers.csv --instrument k --wave w >/dev/null
cairn survey import answers.csv --wave w 2>&1 | grep -q "imported 0 new responses into wave 'w' (3 already imported, skipped)"
ok $? "a second import of the same file finds every row already imported"
[ "$(cairn sql 'SELECT count(*) AS n FROM survey_response' --csv | tail -n 1 | tr -d '\r')" = 3 ]
ok $? "two identical rows in one file stay two respondents"
# 70 rows go in as two batches of 32 and six rows one by one (src/survey_import.c, BATCH):
# every row is stored once, in file order, and a second import finds all 70
{ echo "school,Q1"; for i in $(seq 1 70); do echo "S$((i % 4)),$(( i % 3 == 0 ? 1 : 4 ))"; done; } > many.csv
cairn survey import many.csv --wave w2 --instrument k >/dev/null
[ "$(cairn sql "SELECT count(*) AS n FROM survey_response r JOIN survey_wave w ON w.id = r.wave_id WHERE w.name = 'w2'" --csv | tail -n 1 | tr -d '\r')" = 70 ]
ok $? "70 rows, many identical: 70 respondents stored"
got=$(cairn sql "SELECT group_concat(v.value, ' ') AS s FROM (SELECT r.a1 AS a1 FROM survey_response r JOIN survey_wave w ON w.id = r.wave_id WHERE w.name = 'w2' ORDER BY r.id LIMIT 5) x JOIN survey_attr_value v ON v.code = x.a1 AND v.position = 1 AND v.wave_id = (SELECT id FROM survey_wave WHERE name = 'w2')" --csv | tail -n 1 | tr -d '\r')
[ "$got" = "S1 S2 S3 S0 S1" ]; ok $? "stored in file order ($got)"
cairn survey import many.csv --wave w2 2>&1 | grep -q "imported 0 new responses into wave 'w2' (70 already imported, skipped)"
ok $? "a second import of the 70 rows finds every one"
echo "1..$n"
