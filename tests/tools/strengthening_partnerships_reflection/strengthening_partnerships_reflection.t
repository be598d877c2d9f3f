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
bad.json: components: at least 6 rows must be filled (An agreement between administration and association/union leadership to work together with local stakeholders on plans to improve schools, and a pledge not to let each other fail., A commitment to start somewhere. Identify shared student-centered goals, and then work collaboratively and share decision making in the improvement processes to achieve them., A rich web of communication and collaboration structures among stakeholders at all levels of the local school system (e.g., regular meetings between district department leaders and educators appointed through their association/union; district- and school-level leadership teams; working committees; professional learning communities)., Planning tools and defined goals and objectives, so that everyone involved in collaboration understands expectations of the group members, the work to be done, and so that progress can be monitored and managed., Training and ongoing support in collaborative processes, relationship building, and subject matter expertise., Connection to other education partnerships working on similar projects, or in a similar context, for sharing and mentorship.), got 1
bad.json: 2 problems; nothing was stored
[1]
$ cairn sql "SELECT count(*) AS worksheets FROM worksheet"
worksheets
----------
         2
(1 row)
