# opscan_survey: from an answers file (Markdown and HTML report goldens; saving stores the
# survey as an instrument), interactively from piped answers (a changed survey under the same id
# becomes version 2), and a bad answers file (the tool's own checks; nothing stored).
$ cairn init --district "Riverside Unified" > /dev/null 2>&1
$ cp $TESTS/tools/opscan_survey/*.json . && cairn tool run opscan_survey --answers answers.json
saved worksheet 1 (opscan_survey, final): OPSCAN survey: Staff voice survey 2026
$ CAIRN_TODAY=2026-11-26 cairn tool report 1 --format md --out report.md > /dev/null && diff -u $TESTS/tools/opscan_survey/report.md report.md && echo same
wrote report.md
same
$ CAIRN_TODAY=2026-11-26 cairn tool report 1 --format html --out report.html > /dev/null && diff -u <(sed '/<style>/,/<\/style>/d' $TESTS/tools/opscan_survey/report.html) <(sed '/<style>/,/<\/style>/d' report.html) && echo same
wrote report.html
same
$ printf 'Staff voice survey 2026\nstaff_voice\n\n\n\n\n\n1,2,7\n\n\n2,6\n\nn\nsave\n' | cairn tool run opscan_survey > /dev/null && echo saved
saved
$ CAIRN_TODAY=2026-11-26 cairn tool report 2 --format md --out interactive.md > /dev/null && diff -u $TESTS/tools/opscan_survey/interactive.md interactive.md && echo same
wrote interactive.md
same
$ cairn sql "SELECT id, version, title FROM survey_instrument ORDER BY id, version"
id           version  title
-----------  -------  -----------------------
staff_voice        1  Staff voice survey 2026
staff_voice        2  Staff voice survey 2026
(2 rows)
$ cairn sql "SELECT item FROM survey_slot WHERE instrument = 'staff_voice' AND version = 2 ORDER BY offset"
item
-----
CUL01
CUL02
CUL07
SAT02
SAT06
(5 rows)
$ cairn tool run opscan_survey --answers bad.json
bad.json: instrument: '2026 staff' is not a survey id (expected a letter, then letters, digits, _ or .)
bad.json: own_questions[1].code: 'CUL01' is already used by a question in School Culture
bad.json: 2 problems; nothing was stored
[1]
$ echo '{"title": "x", "instrument": "x1", "administration": "own", "scale": "agreement"}' > empty.json && cairn tool run opscan_survey --answers empty.json
empty.json: no question chosen: pick questions from at least one bank, or write your own
empty.json: 1 problem; nothing was stored
[1]
# A district edits a bank: its copy next to the workspace is used instead of the built-in one.
$ mkdir -p banks/opscan && cp $TESTS/../scripts/banks/opscan/technology.csv banks/opscan/ && echo ',,,,Adequacy of technologies,TEC06,Students have the devices they need at home.,scale,agreement' >> banks/opscan/technology.csv
$ echo '{"title": "Tech", "instrument": "tech", "administration": "own", "scale": "agreement", "technology": ["TEC04", "TEC06"]}' > tech.json && cairn tool run opscan_survey --answers tech.json
saved worksheet 3 (opscan_survey, final): OPSCAN survey: Tech
$ cairn sql "SELECT item FROM survey_slot WHERE instrument = 'tech' ORDER BY offset"
item
-----
TEC04
TEC06
(2 rows)
$ cairn sql "SELECT count(*) AS worksheets FROM worksheet"
worksheets
----------
         3
(1 row)
