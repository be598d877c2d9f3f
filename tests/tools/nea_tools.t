# The NEA guidebook tools of issue 13 beyond the planning-tools goldens: interactive runs from
# piped answers, every report format for every one of them, the letters as documents of their
# own, the Opportunity Audit's question bank, and the facilitator timer's sections.
$ cairn init --district "Riverside Unified" > /dev/null 2>&1; cairn run $TESTS/tools/people.lua
8 people in Riverside Unified
# Interactively: identifying repeatable processes (helpful yes/no by stage), then building a strong partnership.
$ printf 'Prepare\nGroup norms\ny\nReview them each meeting\ny\nReflect\nLessons learned discussion\nn\n\nn\nsave\n' | cairn tool run identifying_repeatable_processes | tail -n 1
Saved worksheet 1 (identifying_repeatable_processes), revision 1.
$ CAIRN_TODAY=2026-11-26 cairn tool report 1 --format md | sed -n '/^## Keep/,$p'
## Keep and repeat

- Group norms: Review them each meeting

## Change for next time

- Lessons learned discussion
$ printf 'Ana Ruiz\nAR\nLee Park\nLP\nn\n2026-11-02\nNeither walks away\n\nAR LP\nAttendance first\n\nAR\n\nsave\n' | cairn tool run building_strong_partnership | tail -n 1
Saved worksheet 2 (building_strong_partnership), revision 1.
$ CAIRN_TODAY=2026-11-26 cairn tool report 2 --format md | sed -n '/^## Not yet/,/^## The six/p'
## Not yet agreed by everyone

- 2\. Start somewhere: still to initial: Lee Park
- 3\. A rich web of communication and collaboration structures: still to initial: Ana Ruiz and Lee Park
- 4\. Planning tools and defined goals and objectives: still to initial: Ana Ruiz and Lee Park
- 5\. Training and ongoing support: still to initial: Ana Ruiz and Lee Park
- 6\. Connection to other education partnerships: still to initial: Ana Ruiz and Lee Park

## The six key components
# Every new tool from its answers file, its report in every format cairn writes itself (DOCX and PDF need a converter).
$ for id in sharing_the_case extending_the_invitation potential_partner_brainstorm community_outreach_guide community_conversations guiding_principles_behaviors collaborative_structure_worksheet standing_meeting_worksheet support_resources opportunity_audit group_norms_activity lessons_learned_discussion where_are_you_going_next sustaining_collaborative_structures identifying_repeatable_processes discovering_shared_goals joint_letter; do cairn tool run $id --answers $TESTS/tools/$id/answers.json > /dev/null 2>&1 || echo "$id refused"; done; cairn sql "SELECT count(*) AS worksheets FROM worksheet"
worksheets
----------
        19
(1 row)
$ mkdir -p out/csv; for i in $(seq 3 19); do for f in txt md html json xlsx; do cairn tool report $i --out out/$i.$f > /dev/null 2>&1 && [ -s out/$i.$f ] || echo "worksheet $i: no $f"; done; cairn tool report $i --format csv --out out/csv/ > /dev/null 2>&1 || cairn tool report $i --out out/$i.csv > /dev/null 2>&1 || echo "worksheet $i: no csv"; done; echo checked
checked
# The invitation and the joint letter as documents a person can send.
$ cairn -e 'local l = require "cairn.letter"; print(l.write(4, "invitation.html")); print(l.write(4, "invitation.md"))' && sed -n 3,5p invitation.md && grep -c '<p>' invitation.html
invitation.html
invitation.md
5 October 2026

Dear Ana Ruiz,
7
# Invitation to Ana Ruiz

5 October 2026

Dear Ana Ruiz,
7
$ cairn -e 'io.write(require("cairn.letter").text(19))' | head -n 3
16 November 2026

Dear employees of Riverside Unified,
$ CAIRN_CONVERT_PATH=/nonexistent cairn -e 'require("cairn.letter").write(4, "invitation.docx")'
cairn: making a Word file needs pandoc or LibreOffice, and neither is installed; install the Debian package pandoc (or libreoffice-writer)
[1]
$ cairn -e 'require("cairn.letter").write(3, "x.md")'
cairn: worksheet 3 (sharing_the_case) has no letter: only tools that write one do (extending_the_invitation, joint_letter)
[1]
# The Opportunity Audit's items come from a question bank the district loads.
$ cairn tool report 12 --format md | grep -c 'not loaded'
1
$ cairn -e 'survey.save_instrument(survey.load_bank(os.getenv("CAIRN_TESTS") .. "/tools/opportunity_audit/bank.csv"))' && cairn tool run opportunity_audit --answers $TESTS/tools/opportunity_audit/answers.json
saved worksheet 20 (opportunity_audit, final): Opportunity audit: Attendance working committee
$ echo '{"items": [{"item": "XX9", "accessibility": 1, "effectiveness": 1}]}' > audit.json && cairn tool run opportunity_audit --answers audit.json
audit.json: items[1].item: 'XX9' is not an item of the question bank 'opportunity_audit' (codes: FC1, SS1, SS2)
audit.json: 1 problem; nothing was stored
[1]
$ CAIRN_TODAY=2026-11-26 cairn tool report 20 --format md | grep -E '^\| (FC|SS)|not assessed'
| SS2 Transportation gets every student to school by first period | Partly accessible | Not effective | Yes | Routes 7 and 12 merged in 2024 |
| SS1 Attendance interventions start after two absences | Not accessible | Not effective | Yes |  |
| FC1 Families can reach a staff member in their language | Accessible | Partly effective |  |  |
# The facilitator timer's sections come from the tool.
$ cairn -e 'local t = require("cairn.timer").for_tool("lessons_learned_discussion", { say = print, clock = function() return 0 end, time_of_day = function() return "14:10" end }); t:start()'
Section 1 of 4: REVIEW OBJECTIVES AND IMPLEMENTATION, 10 min (until 14:10)
