# opportunity_checklist: from an answers file (Markdown and HTML report goldens), interactively from piped
# answers, and a bad answers file (its errors, exit status 1, nothing stored).
$ cairn init --district "Riverside Unified" > /dev/null 2>&1
$ cp $TESTS/tools/opportunity_checklist/*.json . && cairn tool run opportunity_checklist --answers answers.json
saved worksheet 1 (opportunity_checklist, final): Opportunity checklist: Adams Elementary (Fall 2026)
$ CAIRN_TODAY=2026-11-26 cairn tool report 1 --format md --out report.md > /dev/null && diff -u $TESTS/tools/opportunity_checklist/report.md report.md && echo same
wrote report.md
same
$ CAIRN_TODAY=2026-11-26 cairn tool report 1 --format html --out report.html > /dev/null && diff -u <(sed '/<style>/,/<\/style>/d' $TESTS/tools/opportunity_checklist/report.html) <(sed '/<style>/,/<\/style>/d' report.html) && echo same
wrote report.html
same
$ printf 'Adams Elementary\neducator\nFall 2026\n1,3\n8\n\n5\n8,9\nsave\n' | cairn tool run opportunity_checklist > /dev/null && echo saved
saved
$ CAIRN_TODAY=2026-11-26 cairn tool report 2 --format md --out interactive.md > /dev/null && diff -u $TESTS/tools/opportunity_checklist/interactive.md interactive.md && echo same
wrote interactive.md
same
$ cairn tool run opportunity_checklist --answers bad.json
bad.json: respondent: 'principal' is not one of the choices (Educator (school staff), Parent or family member)
bad.json: community: 'community_9' is not one of the choices (A welcoming front office, Active community involvement (parent support groups, and a community liaison, for example), Materials available in the languages the school serves)
bad.json: 2 problems; nothing was stored
[1]
$ cairn sql "SELECT count(*) AS worksheets FROM worksheet"
worksheets
----------
         2
(1 row)
# A checklist returned with nothing checked is a respondent: it counts in the survey results.
$ cairn tool run opportunity_checklist --answers none.json 2>&1
none.json: warning: No area is checked: this checklist will count as "nothing needs to improve".
saved worksheet 3 (opportunity_checklist, final): Opportunity checklist: Adams Elementary (Fall 2026)
$ cairn -e 'ws.set_setting("survey.min_group_size", 1)' && cairn -e 'print(require("cairn.team").sync("opportunity_checklist", "Fall 2026"))'
Fall 2026	3
$ cairn survey results "Fall 2026" --by role
Fall 2026: opportunity_checklist, by role; no group withheld (minimum group size 1)
group            respondents  item   n  note
---------------  -----------  -----  -  -----------------------------------------------
educator                   2  areas  2  most checked (100.0%): A welcoming front office
parent                     1  areas  1  nothing checked
All respondents            3  areas  3  most checked (66.7%): A welcoming front office

item   question
-----  ---------------------------------------
areas  Top areas where school needs to improve
