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
$ printf 'Association executive board\n\n2026-09-01\nDistrict administration\nCooperative\nMonthly standing meeting.\n\ny\nSchool board\n5\n\nn\nsave\n' | cairn tool run relationship_continuum > /dev/null && echo saved
saved
$ CAIRN_TODAY=2026-11-26 cairn tool report 2 --format md --out interactive.md > /dev/null && diff -u $TESTS/tools/relationship_continuum/interactive.md interactive.md && echo same
wrote interactive.md
same
$ cairn tool run relationship_continuum --answers bad.json
bad.json: relationships[1].level: 'Hostile' is not one of the choices (Adversarial, Distant, Communicating, Cooperative, Partner)
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
# A worksheet from before levels were stored by label (positions on the guidebook's two levels,
# 1 = Cooperative, 2 = Partner) still reads as it was saved; editing it stores labels.
$ cairn -e 'db:exec([[INSERT INTO worksheet(tool, tool_version, title, status, answers, created_at, created_by, updated_at) VALUES ("relationship_continuum", "old", "Old shape", "final", ?, "2025-01-01T00:00:00Z", "test", "2025-01-01T00:00:00Z")]], [[{"relationships":[{"partner":"School board","level":1},{"partner":"City library","level":2}]}]])' && cairn tool report 4 --format md --out old.md > /dev/null && grep -E "^\| (School|City)" old.md
wrote old.md
| School board | Cooperative | yes |  |
| City library | Partner | yes |  |
$ cairn -e 'tool.edit(4, { ["relationships[1].strengthen"] = "Joint budget hearings." })' && cairn sql "SELECT answers FROM worksheet WHERE id = 4"
answers
-------------------------------------------------------------------------------------------------------------------------------------------------------
{"relationships":[{"level":"Cooperative","partner":"School board","strengthen":"Joint budget hearings."},{"level":"Partner","partner":"City library"}]}
(1 row)
# The district gives its own continuum in cairn/relationship_continuum.lua beside the workspace:
# the tool asks its levels, and old worksheets keep the labels they stored (now placed on the
# district's continuum; a label it no longer has is marked).
$ mkdir -p cairn && printf '%s\n' 'return { source = "Riverside Unified continuum (2026)",' '  levels = { "Unaware", "Aware", "Cooperative", "Partner", "Collaborative" },' '  goal = { "Partner", "Collaborative" } }' > cairn/relationship_continuum.lua && cairn tool show relationship_continuum | grep -A1 "Current Relationship"
    - Current Relationship Continuum  [level] (choice, required: Unaware | Aware | Cooperative | Partner | Collaborative)
    - How to Strengthen  [strengthen] (long text)
$ cairn tool report 1 --format md --out district.md > /dev/null && grep -E "^- \*\*(Continuum|Levels)|^\| (District|School|Parent)" district.md
wrote district.md
- **Continuum levels:** Unaware → Aware → Cooperative → Partner → Collaborative
- **Levels from:** Riverside Unified continuum (2026)
| District administration | Cooperative | not yet | Monthly standing meeting with the superintendent's cabinet. |
| School board | Cooperative | not yet | Invite two board members to the working committee on attendance. |
| Parent-Teacher Association council | Partner | yes |  |
$ echo '{"relationships": [{"partner": "School board", "level": "Collaborative"}, {"partner": "City library", "level": "Aware"}]}' > district.json && cairn tool run relationship_continuum --answers district.json && cairn tool report 5 --format md | grep -E "^\| (School|City)"
saved worksheet 5 (relationship_continuum, final): Relationship continuum
| School board | Collaborative | up from Cooperative | yes |  |
| City library | Aware | down from Partner | not yet |  |
$ mv cairn/relationship_continuum.lua cairn/off.lua && cairn tool report 5 --format md | grep -E "^\| (School|City)|not a level"
| School board | Collaborative \* | from Cooperative | not yet |  |
| City library | Aware \* | from Partner | not yet |  |
_Note:_ \* not a level of the continuum in use (Adversarial, Distant, Communicating, Cooperative, Partner): the level as this worksheet recorded it.
# A district file with a mistake is refused, naming the file.
$ printf '%s\n' 'return { levels = { "Distant", "Cooperative" }, goal = { "Partner" } }' > cairn/relationship_continuum.lua && cairn tool run relationship_continuum --answers answers.json
cairn: ./cairn/relationship_continuum.lua: goal[1]: 'Partner' is not one of the levels (Distant, Cooperative)
[1]
$ rm cairn/relationship_continuum.lua && cairn sql "SELECT count(*) AS worksheets FROM worksheet"
worksheets
----------
         5
(1 row)
