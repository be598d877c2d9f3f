# cairn meeting: a start recorded, then what the meeting produced as one report (Markdown and
# HTML goldens): worksheets created, completed and updated with who signed them, their answers
# and revisions, a draft only autosaved, and the plan changes. $CAIRN_NOW fixes the clock.
$ cairn init --district "Riverside Unified" > /dev/null 2>&1 && cp $TESTS/tools/five_whys/answers.json whys.json
$ CAIRN_NOW=2026-11-25T15:00:00Z CAIRN_ACTOR="Sam Patel" cairn tool run five_whys --answers whys.json
whys.json: warning: root_causes[2]: (b) "would it solve the problem if addressed successfully?" was answered No. Record only the factors that collaborative effort is best suited to address and that would solve the problem if addressed successfully.
saved worksheet 1 (five_whys, final): Ninth-grade chronic absenteeism at Riverside High rose from 14% in 2023-24 to 21% in 2025-26.
$ CAIRN_NOW=2026-11-26T09:00:00Z CAIRN_ACTOR="Ana Diaz" cairn meeting start "Attendance team, November"
meeting started at 2026-11-26 09:00:00 UTC: Attendance team, November
$ CAIRN_NOW=2026-11-26T09:20:00Z CAIRN_ACTOR="Ana Diaz" cairn tool run fishbone_diagram --answers $TESTS/tools/fishbone_diagram/answers.json
saved worksheet 2 (fishbone_diagram, final): Fishbone: Ninth-grade chronic absenteeism is 21%
$ CAIRN_NOW=2026-11-26T09:40:00Z CAIRN_ACTOR="Lee Park" cairn -e 'require("cairn.tool.worksheet").get(1):edit{ problem = "Ninth-grade chronic absenteeism rose from 14% to 22% in two years." }' > /dev/null && echo edited
warning: root_causes[2]: (b) "would it solve the problem if addressed successfully?" was answered No. Record only the factors that collaborative effort is best suited to address and that would solve the problem if addressed successfully.
edited
$ CAIRN_NOW=2026-11-26T10:05:00Z cairn -e 'plan.person{name = "Kim Nguyen"}
> local p = plan.list()[1]
> local item = p:add{level = "root_cause", text = "Families are not told about absences early", owner = "Kim Nguyen", due = "2027-01-15"}
> item:set_status("on_track", {by = "Kim Nguyen", note = "calls start Monday"})' && echo planned
planned
$ printf 'Too few counsellors for ninth grade\n' | CAIRN_NOW=2026-11-26T10:30:00Z CAIRN_ACTOR="Ana Diaz" cairn tool run five_whys > /dev/null; cairn sql "SELECT id, status FROM worksheet WHERE id = 3"
id  status
--  ------
 3  draft
(1 row)
$ CAIRN_NOW=2026-11-26T11:00:00Z cairn meeting export --out meeting.md && diff -u $TESTS/meeting/golden/meeting.md meeting.md && echo same
wrote meeting.md
same
$ CAIRN_NOW=2026-11-26T11:00:00Z cairn meeting export --format html --out meeting.html && diff -u <(sed '/<style>/,/<\/style>/d' $TESTS/meeting/golden/meeting.html) <(sed '/<style>/,/<\/style>/d' meeting.html) && echo same
wrote meeting.html
same
# --since overrides the start: from yesterday, the worksheet completed then is in the report.
$ CAIRN_NOW=2026-11-26T11:00:00Z cairn meeting export --since 2026-11-25 --out - | grep -E '^\| [0-9]+ \|'
| 1 | Getting the Problem Right: Template for the 5 Whys Root-Cause Analysis | Ninth-grade chronic absenteeism rose from 14% to 22% in two years. | created, completed | final | Sam Patel, Lee Park |
| 2 | Root Cause Analysis: Fishbone Diagram | Fishbone: Ninth-grade chronic absenteeism is 21% | created, completed | final | Ana Diaz |
| 3 | Getting the Problem Right: Template for the 5 Whys Root-Cause Analysis | Too few counsellors for ninth grade | created | draft | Ana Diaz |
| 1 | 2026-11-25 15:00 | Sam Patel | final | created |
| 2 | 2026-11-26 09:40 | Lee Park | final | changed problem |
| 1 | 2026-11-26 09:20 | Ana Diaz | final | created |
$ CAIRN_NOW=2026-11-26T11:00:00Z cairn meeting export --since 30m --out - | grep -E '^- \*\*From'
- **From:** 2026-11-26 10:30 (given with --since)
$ CAIRN_NOW=2026-11-26T11:00:00Z cairn meeting export --out report-default && ls report-default
wrote report-default
report-default
$ CAIRN_NOW=2026-11-26T11:00:00Z cairn meeting export > /dev/null && ls meeting-*
wrote meeting-2026-11-26-1100.md
meeting-2026-11-26-1100.md
# Without a recorded start, the meeting is the latest run of changes without a pause of more
# than two hours.
$ cairn init -w gap.db --district "Gap District" > /dev/null 2>&1
$ CAIRN_NOW=2026-11-26T08:00:00Z cairn -w gap.db -e 'plan.create{kind = "action_plan", title = "Morning plan"}' > /dev/null
$ CAIRN_NOW=2026-11-26T13:00:00Z cairn -w gap.db -e 'plan.create{kind = "action_plan", title = "Afternoon plan"}' > /dev/null
$ CAIRN_NOW=2026-11-26T13:30:00Z cairn -w gap.db meeting export --out - | grep -E '^- \*\*From|^\| (Morning|Afternoon)'
- **From:** 2026-11-26 13:00 (the first change after a pause of more than two hours)
| Afternoon plan | action plan | 2026-11-26 13:00 |  |
# Errors: a time cairn cannot read, an unknown format or subcommand, no workspace.
$ cairn meeting export --since yesterday
cairn: --since: 'yesterday' is not a time (expected 2026-11-26, 2026-11-26 09:30 or a length of time back from now such as 90m, 2h, 1d)
usage: cairn meeting start [TITLE]
       cairn meeting export [--since TIME] [--out FILE|-] [--format md|html] [--title TEXT]
[2]
$ cairn meeting export --format pptx
cairn: unknown format 'pptx' (expected md or html)
usage: cairn meeting start [TITLE]
       cairn meeting export [--since TIME] [--out FILE|-] [--format md|html] [--title TEXT]
[2]
$ cairn meeting exprot
cairn: unknown meeting command 'exprot' (did you mean export?)
usage: cairn meeting start [TITLE]
       cairn meeting export [--since TIME] [--out FILE|-] [--format md|html] [--title TEXT]
[2]
$ cairn -w nowhere.db meeting export --out -
cairn: there is no workspace at nowhere.db
[1]
