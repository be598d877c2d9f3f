# decision_making_check_in: from an answers file (Markdown and HTML report goldens), interactively from piped
# answers, and a bad answers file (its errors, exit status 1, nothing stored).
$ cairn init --district "Riverside Unified" > /dev/null 2>&1
$ cp $TESTS/tools/decision_making_check_in/*.json . && cairn tool run decision_making_check_in --answers answers.json
saved worksheet 1 (decision_making_check_in, final): Decision check-in: District Leadership Team, Ana Ruiz
$ CAIRN_TODAY=2026-11-26 cairn tool report 1 --format md --out report.md > /dev/null && diff -u $TESTS/tools/decision_making_check_in/report.md report.md && echo same
wrote report.md
same
$ CAIRN_TODAY=2026-11-26 cairn tool report 1 --format html --out report.html > /dev/null && diff -u <(sed '/<style>/,/<\/style>/d' $TESTS/tools/decision_making_check_in/report.html) <(sed '/<style>/,/<\/style>/d' report.html) && echo same
wrote report.html
same
$ printf 'District Leadership Team\nAna Ruiz\nDLT 2026-11\n\n\nChoose the attendance pilot schools\n4\nBoth partners own the pilot.\n\nn\nsave\n' | cairn tool run decision_making_check_in > /dev/null && echo saved
saved
$ CAIRN_TODAY=2026-11-26 cairn tool report 2 --format md --out interactive.md > /dev/null && diff -u $TESTS/tools/decision_making_check_in/interactive.md interactive.md && echo same
wrote interactive.md
same
$ cairn tool run decision_making_check_in --answers bad.json
bad.json: decisions[1].step: 9 is not a level of the scale (1 to 7: 1 - decided solely by the first party, 2, 3 - the first party decides after listening to and considering the group's input, 4 - true collaboration: decided together, 5, 6, 7 - decided solely by the second party)
bad.json: 1 problem; nothing was stored
[1]
# The tool's own check: each decision once.
$ echo '{"first_party": "A", "second_party": "B", "decisions": [{"decision": "Set the calendar", "step": 4}, {"decision": "set the  calendar", "step": 2}]}' > dup.json && cairn tool run decision_making_check_in --answers dup.json
dup.json: decisions[2].decision: 'set the  calendar' is already decision 1
dup.json: 1 problem; nothing was stored
[1]
$ cairn sql "SELECT count(*) AS worksheets FROM worksheet"
worksheets
----------
         2
(1 row)
