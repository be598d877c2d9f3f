# relationship_continuum: from an answers file (Markdown and HTML report goldens), interactively from piped
# answers, and a bad answers file (its errors, exit status 1, nothing stored).
$ cairn init --district "Riverside Unified" > /dev/null 2>&1
$ cp $TESTS/tools/relationship_continuum/*.json . && cairn tool run relationship_continuum --answers answers.json
saved worksheet 1 (relationship_continuum, final): Relationship continuum: Association executive board (2026-09-01)
$ CAIRN_TODAY=2026-11-26 cairn tool report 1 --format md --out report.md > /dev/null && diff -u $TESTS/tools/relationship_continuum/report.md report.md && echo same
wrote report.md
same
$ CAIRN_TODAY=2026-11-26 cairn tool report 1 --format html --out report.html > /dev/null && diff -u <(sed '/<style>/,/<\/style>/d' $TESTS/tools/relationship_continuum/report.html) <(sed '/<style>/,/<\/style>/d' report.html) && echo same
wrote report.html
same
$ printf 'Association executive board\n\n2026-09-01\nDistrict administration\nCooperative\nMonthly standing meeting.\n\ny\nSchool board\n2\n\nn\nsave\n' | cairn tool run relationship_continuum > /dev/null && echo saved
saved
$ CAIRN_TODAY=2026-11-26 cairn tool report 2 --format md --out interactive.md > /dev/null && diff -u $TESTS/tools/relationship_continuum/interactive.md interactive.md && echo same
wrote interactive.md
same
$ cairn tool run relationship_continuum --answers bad.json
bad.json: relationships[1].level: 'Adversarial' is not a level of the scale (1 to 2: Cooperative, Partner)
bad.json: relationships[2].partner: required
bad.json: 2 problems; nothing was stored
[1]
# The tool's own check: each partner once.
$ echo '{"relationships": [{"partner": "School board", "level": "Partner"}, {"partner": " school board ", "level": "Cooperative"}]}' > dup.json && cairn tool run relationship_continuum --answers dup.json
dup.json: relationships[2].partner: 'school board' is already row 1; assess each partner once
dup.json: 1 problem; nothing was stored
[1]
# Re-assessed later by the same board: the report shows movement since the last assessment.
$ sed 's/2026-09-01/2027-03-01/' answers.json > later.json && cairn -e 'local a = require("cairn.json").decode(io.open("later.json"):read("a")); a.relationships[1].level = "Partner"; tool.run("relationship_continuum", a, { quiet = true })' && CAIRN_TODAY=2026-11-26 cairn tool report 3 --format md --out later.md > /dev/null && grep -E "^\| (Potential|District|School|Parent)|Compared" later.md
wrote later.md
- **Compared with:** worksheet 2 (2026-09-01)
| Potential Partner | Current Relationship Continuum | Since last assessment | At Cooperative or Partner | How to Strengthen |
| District administration | Partner | up from Cooperative | yes | Monthly standing meeting with the superintendent's cabinet. |
| School board | Cooperative | down from Partner | yes | Invite two board members to the working committee on attendance. |
| Parent-Teacher Association council | Partner |  | yes |  |
$ cairn sql "SELECT count(*) AS worksheets FROM worksheet"
worksheets
----------
         3
(1 row)
