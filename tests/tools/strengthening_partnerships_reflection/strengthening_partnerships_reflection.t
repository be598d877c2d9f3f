# strengthening_partnerships_reflection: from an answers file (Markdown and HTML report goldens), interactively from piped
# answers, and a bad answers file (its errors, exit status 1, nothing stored).
$ cairn init --district "Riverside Unified" > /dev/null 2>&1
$ cp $TESTS/tools/strengthening_partnerships_reflection/*.json . && cairn tool run strengthening_partnerships_reflection --answers answers.json
saved worksheet 1 (strengthening_partnerships_reflection, final): Partnership reflection: District Leadership Team, Lee Park
$ CAIRN_TODAY=2026-11-26 cairn tool report 1 --format md --out report.md > /dev/null && diff -u $TESTS/tools/strengthening_partnerships_reflection/report.md report.md && echo same
wrote report.md
same
$ CAIRN_TODAY=2026-11-26 cairn tool report 1 --format html --out report.html > /dev/null && diff -u <(sed '/<style>/,/<\/style>/d' $TESTS/tools/strengthening_partnerships_reflection/report.html) <(sed '/<style>/,/<\/style>/d' report.html) && echo same
wrote report.html
same
$ printf 'District Leadership Team\nLee Park\nSpring 2027\n2027-05-20\nCo-signed the joint letter.\n\nStrong\n\nAdequate\n\nAdequate\n\nAdequate\n\nNeeds Work\n\nNeeds Work\nsave\n' | cairn tool run strengthening_partnerships_reflection > /dev/null && echo saved
saved
$ CAIRN_TODAY=2026-11-26 cairn tool report 2 --format md --out interactive.md > /dev/null && diff -u $TESTS/tools/strengthening_partnerships_reflection/interactive.md interactive.md && echo same
wrote interactive.md
same
$ cairn tool run strengthening_partnerships_reflection --answers bad.json
bad.json: components[1].rating: 'Excellent' is not a level of the scale (1 to 3: Needs Work, Adequate, Strong)
bad.json: components: all 6 rows must be filled, got 1; empty: row 2 (A commitment to start somewhere), row 3 (A rich web of communication and…), row 4 (Planning tools and defined goals and…), row 5 (Training and ongoing support in…), row 6 (Connection to other education…)
bad.json: 2 problems; nothing was stored
[1]
$ cairn sql "SELECT count(*) AS worksheets FROM worksheet"
worksheets
----------
         2
(1 row)
