# collaborative_attributes_commitment: from an answers file (Markdown and HTML report goldens), interactively from piped
# answers, and a bad answers file (its errors, exit status 1, nothing stored).
$ cairn init --district "Riverside Unified" > /dev/null 2>&1
$ cp $TESTS/tools/collaborative_attributes_commitment/*.json . && cairn tool run collaborative_attributes_commitment --answers answers.json
saved worksheet 1 (collaborative_attributes_commitment, final): Commitment list: Riverside Unified and Riverside Education Association
$ CAIRN_TODAY=2026-11-26 cairn tool report 1 --format md --out report.md > /dev/null && diff -u $TESTS/tools/collaborative_attributes_commitment/report.md report.md && echo same
wrote report.md
same
$ CAIRN_TODAY=2026-11-26 cairn tool report 1 --format html --out report.html > /dev/null && diff -u <(sed '/<style>/,/<\/style>/d' $TESTS/tools/collaborative_attributes_commitment/report.html) <(sed '/<style>/,/<\/style>/d' report.html) && echo same
wrote report.html
same
$ printf 'Riverside Unified and Riverside Education Association\n2026-09-15\nDistrict administration\n1,2,3,8\nRiverside Education Association\n1,3,8,15\nn\nsave\n' | cairn tool run collaborative_attributes_commitment > /dev/null && echo saved
saved
$ CAIRN_TODAY=2026-11-26 cairn tool report 2 --format md --out interactive.md > /dev/null && diff -u $TESTS/tools/collaborative_attributes_commitment/interactive.md interactive.md && echo same
wrote interactive.md
same
$ cairn tool run collaborative_attributes_commitment --answers bad.json
bad.json: date: '2026-13-45' is not a date (month 13; expected e.g. 6/15/2027, 6/15, 2027-06-15 or June 2027)
bad.json: partners: at least 2 required (Partner), got 1
bad.json: 2 problems; nothing was stored
[1]
# The tool's own check: each partner once.
$ echo '{"partners": [{"name": "District administration", "agrees": ["awareness"]}, {"name": "district administration", "agrees": []}]}' > dup.json && cairn tool run collaborative_attributes_commitment --answers dup.json
dup.json: partners[2].name: 'district administration' is already partner 1; each partner once
dup.json: 1 problem; nothing was stored
[1]
$ cairn sql "SELECT count(*) AS worksheets FROM worksheet"
worksheets
----------
         2
(1 row)
