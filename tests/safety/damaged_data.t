# Damage that looks like success: stored JSON of the wrong shape (here changed behind cairn's back
# with the sqlite3 CLI) is found by `cairn check`, which names the row, table and column, and a
# reader that meets it says so instead of quietly leaving out what it could not read (a damaged
# roster used to make the response-rate column vanish while check said ok).
$ cairn init --district Riverside 2>/dev/null
$ cairn run $TESTS/survey_reports/setup.lua
imported 24 and 24 responses
$ cairn report survey_results --param "wave=2026 spring" --as-of 2026-11-26 --format md --out - | grep -c "Response rate"
4
$ sqlite3 cairn.db "UPDATE survey_wave SET roster = '{\"school\": 12}' WHERE name = '2026 spring'"
$ cairn check; echo "exit $?"
cairn.db: survey wave '2026 spring': its roster (survey_wave.roster) is damaged: expected a JSON object of attribute -> { value -> count }: 'school' must map each value to a count
exit 1
$ cairn report survey_results --param "wave=2026 spring" --as-of 2026-11-26 --format md --out results.md 2>&1; echo "exit $?"; test -e results.md || echo "no results.md"
cairn: report survey_results: survey wave '2026 spring': its stored roster (survey_wave.roster) is damaged: expected a JSON object of attribute -> { value -> count }: 'school' must map each value to a count; set it again with survey.wave{name = "2026 spring", roster = {...}} (cairn check lists damaged data)
exit 1
no results.md
$ cairn -e 'survey.wave { name = "2026 spring", instrument = "fixture_climate", roster = { school = { Adams = 10, Baker = 9, Cedar = 8, Dover = 4 } } }' >/dev/null && cairn check
cairn.db: ok
$ cairn report survey_results --param "wave=2026 spring" --as-of 2026-11-26 --format md --out - | grep -c "Response rate"
4
# every JSON column: not JSON, or JSON of the wrong shape
$ sqlite3 cairn.db "UPDATE survey_wave SET roster = '{\"school\": {\"Adams\": 10' WHERE name = '2025 spring'; INSERT INTO plan(kind, title, levels, fields, created_at) VALUES ('district_plan', 'P', '\"goal\"', '{oops', '2025-01-01'); INSERT INTO report_run(report, params, as_of, format, started_at, cairn_version) VALUES ('overview', '[1, 2]', '2026-01-01', 'md', '2026-01-01', 'x')"
$ cairn check; echo "exit $?"
cairn.db: plan #1: plan.levels is damaged: expected a JSON list
cairn.db: plan #1: plan.fields is damaged: not valid JSON (no valid JSON value at line 1, column 2)
cairn.db: report run #3 (overview): report_run.params is damaged: expected a JSON object
cairn.db: survey wave '2025 spring': its roster (survey_wave.roster) is damaged: not valid JSON (unterminated object at line 1, column 12)
exit 1
