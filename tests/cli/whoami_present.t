# Who signs revisions (cairn whoami, $CAIRN_ACTOR, the login name) and `cairn present --once`,
# the projector view printed once: waiting with no tool running, a draft being filled in, a
# worksheet named, and its errors.
$ cairn init --district "Riverside" > /dev/null 2>&1 && echo ready
ready
$ env -u CAIRN_ACTOR USER=lee cairn whoami
lee (the login name; `cairn whoami NAME` sets a name)
$ env -u CAIRN_ACTOR USER=lee cairn whoami "Ana Diaz"
cairn.db: kept the name Ana Diaz for login lee
Ana Diaz (kept in this workspace for login lee)
$ env -u CAIRN_ACTOR USER=kim cairn whoami
kim (the login name; `cairn whoami NAME` sets a name)
$ CAIRN_ACTOR=nightly cairn whoami
nightly (from $CAIRN_ACTOR)
$ cp $TESTS/tools/five_whys/answers.json whys.json && env -u CAIRN_ACTOR USER=lee CAIRN_NOW=2026-11-26T09:15:00Z cairn tool run five_whys --answers whys.json 2>/dev/null && cairn tool history 1
worksheet 1 · five_whys · Ninth-grade chronic absenteeism at Riverside High… (final, 1 revision, updated 2026-11-26)
rev  when (UTC)           by        status  what changed
---  -------------------  --------  ------  ------------
  1  2026-11-26 09:15:00  Ana Diaz  final   created
$ env -u CAIRN_ACTOR USER=lee cairn -e 'print(facilitator())'
Ana Diaz
$ env -u CAIRN_ACTOR USER=lee cairn -e 'facilitator "Ana D."' && env -u CAIRN_ACTOR USER=lee cairn whoami
Ana D. (kept in this workspace for login lee)
$ env -u CAIRN_ACTOR USER=lee cairn whoami --forget
cairn.db: forgot the name of lee
lee (the login name; `cairn whoami NAME` sets a name)
$ cairn whoami "Ana" "Diaz"
cairn: expected one NAME (quote a name with spaces)
usage: cairn whoami [NAME | --forget]
[2]
$ cairn whoami " "
cairn: NAME is empty
usage: cairn whoami [NAME | --forget]
[2]
$ cairn -w nowhere.db whoami Ana
cairn: there is no workspace at nowhere.db
[1]
$ cairn present --once

      No tool is running.

      This screen follows the next tool run as soon as its first answer is
      in.
$ printf 'Chronic absence rose to 21%% in ninth grade\nStudents on two bus routes arrive late\n\n' | CAIRN_NOW=2026-11-26T09:30:05Z cairn tool run five_whys > /dev/null; cairn present --once

      Getting the Problem Right: Template for the 5 Whys Root-Cause
      Analysis


      NOW

      1. Why — How do we know? Observable, data-based evidence


      SO FAR

      Problem Statement
        Chronic absence rose to 21% in ninth grade

      1. Why — Reason why problem is occurring
        Students on two bus routes arrive late

      worksheet 2 · saved 09:30:05
$ cairn present 1 --once

      Getting the Problem Right: Template for the 5 Whys Root-Cause
      Analysis


      Saved as worksheet 1


      SO FAR

      Problem Statement
        Ninth-grade chronic absenteeism at Riverside High rose from 14% in
        2023-24 to 21% in 2025-26.

      1. Why — Reason why problem is occurring
        Ninth graders miss the first period most often, especially on
        Mondays.

      1. Why — How do we know? Observable, data-based evidence
        SIS period attendance, fall 2025: 62% of absences are first-period

      2. Why — Reason why problem is occurring
        Students on the two longest bus routes arrive after the first
        bell.

      2. Why — How do we know? Observable, data-based evidence
        Transportation arrival logs, routes 7 and 12

      3. Why — Reason why problem is occurring
        Routes were merged in 2024 to cover a driver shortage and now run
        25 minutes longer.

      3. Why — How do we know? Observable, data-based evidence
        Transportation department route change memo, August 2024

      4. Why — Reason why problem is occurring
        Families were not told of the change and no late-arrival pass
        exists, so late students are marked absent.

      4. Why — How do we know? Observable, data-based evidence
        Family survey, October 2025 (n = 212); attendance policy section 4

      Root cause 1
        Merged bus routes bring ninth graders on routes 7 and 12 after the
        first bell

      Root cause 1 — How do we know? Observable, data-based evidence
        Arrival logs show 31 late arrivals a day on these routes

      Root cause 1 — If you removed this root cause, would the problem be
      prevented?
        Yes

      Root cause 1 — (a) Is collaborative effort best suited to address
      it?
        Yes

      Root cause 1 — (b) Would it solve the problem if addressed
      successfully?
        Yes

      Root cause 2
        No late-arrival pass: late students are recorded absent for the
        whole period

      Root cause 2 — How do we know? Observable, data-based evidence
        Attendance policy section 4; 40% of first-period absences are
        under 20 minutes late

      Root cause 2 — If you removed this root cause, would the problem be
      prevented?
        Yes

      Root cause 2 — (a) Is collaborative effort best suited to address
      it?
        Yes

      Root cause 2 — (b) Would it solve the problem if addressed
      successfully?
        No

      worksheet 1 · saved 09:15:00
$ cairn present 99 --once

      Worksheet 99 is not there (any more).
$ cairn present abc --once
cairn: 'abc' is not a worksheet number (worksheets() lists them)
[1]
$ cairn present --fast
cairn: unknown option '--fast'
usage: cairn present [WORKSHEET] [--once]
[2]
