# scripts/examples/README.md, run as written: Riverside's extended 5 Whys (a label changed, two
# questions and a column added, a district scale), its themed report and its monthly monitoring
# workflow; then the district file broken: the error with file and line, the built-in used.
$ cairn init --district "Riverside Unified" >/dev/null 2>&1; R=$(cd $TESTS/.. && pwd); export CAIRN_PATH=$R/scripts/examples/riverside; cairn tool show five_whys | sed -n '5,6p' | sed -E "s#$R(/build-[a-z]+)?#ROOT#g; s/\(version .*\)/(version V)/"
file: ROOT/scripts/examples/riverside/tools/five_whys.lua  (version V)
extends: five_whys (ROOT/scripts/tools/five_whys.lua)
$ export CAIRN_PATH=$TESTS/../scripts/examples/riverside; cairn tool show five_whys | grep -A4 "Problem of Practice"
  Problem of Practice  [problem] (text, required)
      (one-sentence description of the problem)
  School  [school] (text, required)
      the school whose data show the problem
  How ready is the school to act on it?  [readiness] (scale: Not ready | Getting ready | Ready | Already acting)
$ export CAIRN_PATH=$TESTS/../scripts/examples/riverside; cairn tool run five_whys --answers $CAIRN_PATH/answers/five_whys.json --as-of 2026-11-26
saved worksheet 1 (five_whys, final): Ninth-grade chronic absenteeism at Adams High rose from 14% to 21% in two years.
$ export CAIRN_PATH=$TESTS/../scripts/examples/riverside; cairn tool report 1 --as-of 2026-11-26 | sed 's/^#/|#/'
Ninth-grade chronic absenteeism at Adams High rose from 14% to 21% in two years.
================================================================================
Getting the Problem Right: Template for the 5 Whys Root-Cause Analysis
Riverside Unified · as of 2026-11-26

Problem of Practice:  Ninth-grade chronic absenteeism at Adams High rose from
                      14% to 21% in two years.

5 Whys
------

5 Whys  Reason why problem is occurring      How do we know? Observable,
                                             data-based evidence
------  -----------------------------------  -----------------------------------
1. Why  Students miss first period           Period-level attendance
2. Why  Buses on routes 7 and 12 arrive      Transportation arrival logs
        after the bell

The chain ends at: Buses on routes 7 and 12 arrive after the bell

Root Cause(s)
-------------

To validate root causes, ask the following: If you removed this root cause,
would the problem be prevented?

|#  Root cause     How do we       Removing it     Suited to       Would solve
                  know?           prevents the    collaborative   the problem
                  Observable,     problem         effort
                  data-based
                  evidence
-  -------------  --------------  --------------  --------------  --------------
1  Routes 7 and   Route change    Yes             Yes             Yes
   12 were        log, 2024
   merged when
   the district
   lost two
   drivers

District additions
------------------

School:                     Adams High
How ready is the school to act on it? Getting ready (2 of 4)

Root Cause(s)
Root Cause(s)  Lead
-------------  -----------------------
Root cause 1   Transportation director
#  Root cause     How do we       Removing it     Suited to       Would solve
                  know?           prevents the    collaborative   the problem
                  Observable,     problem         effort
                  data-based
                  evidence
-  -------------  --------------  --------------  --------------  --------------
1  Routes 7 and   Route change    Yes             Yes             Yes
   12 were        log, 2024
   merged when
   the district
   lost two
   drivers

District additions
------------------

School:                     Adams High
How ready is the school to act on it? Getting ready (2 of 4)

Root Cause(s)
Root Cause(s)  Lead
-------------  -----------------------
Root cause 1   Transportation director
$ export CAIRN_PATH=$TESTS/../scripts/examples/riverside; cairn tool report 1 --out five_whys.html --as-of 2026-11-26 >/dev/null; grep -c "6B2D5C" five_whys.html; grep -o "Riverside Unified School District" five_whys.html | head -1
wrote five_whys.html
1
Riverside Unified School District
$ export CAIRN_PATH=$TESTS/../scripts/examples/riverside; cairn tool run monitoring_plan --answers $TESTS/tools/monitoring_plan/answers.json --add-people --as-of 2026-11-26
added James Okafor to the people of the workspace
saved worksheet 2 (monitoring_plan, final): Monitoring plan: Ninth-grade attendance
$ export CAIRN_PATH=$TESTS/../scripts/examples/riverside; mkdir out; cairn run $CAIRN_PATH/monthly_monitoring.lua --as-of 2026-12-01 --out out
December 2026: 1 monitoring plan, 0 milestones overdue, 1 due within the month
  due      2026-12-18  Separate routes 7 and 12 running
wrote out/monthly-monitoring-2026-12.md
wrote out/monthly-monitoring-2026-12.html
$ cat out/monthly-monitoring-2026-12.md | sed 's/^#/|#/'
|# Monthly monitoring: December 2026

**Milestone check-in**

Riverside Unified · as of 2026-12-01

|## Overdue

Nothing is overdue.

|## Due this month

| Milestone | Due | Monitor | Status | Evidence of progress | Data source |
| --- | --- | --- | --- | --- | --- |
| Separate routes 7 and 12 running | 2026-12-18 | James Okafor | on_track | Bus arrival times before the first bell | Transportation arrival logs |

|## For the team

- Which milestone needs help, and from whom?
- Is each data source still the right evidence?
- What goes to the school board this quarter?
$ E=$TESTS/../scripts/examples/riverside; mkdir -p broken/tools; cp -r $E/cairn broken/; sed 's/type = "text", label = "School"/type = "txt", label = "School"/' $E/tools/five_whys.lua > broken/tools/five_whys.lua; R=$(cd $TESTS/.. && pwd); CAIRN_PATH=$PWD/broken cairn tool show five_whys 2>&1 | sed -n '1,3p;7,8p' | sed -E "s#$R(/build-[a-z]+)?#ROOT#g; s|$PWD|.|g; s/\(version .*\)/(version V)/"
./broken/tools/five_whys.lua:12: form[2] (field 'school'): unknown type 'txt' (expected one of text, longtext, number, money, date, yesno, choice, multichoice, person, people, scale)
warning: ./broken/tools/five_whys.lua cannot be used; using ROOT/scripts/tools/five_whys.lua instead (fix the file, or remove it to use the built-in tool)
Getting the Problem Right: Template for the 5 Whys Root-Cause Analysis
file: ROOT/scripts/tools/five_whys.lua  (version V)
not used: ./broken/tools/five_whys.lua (it has an error; the version above is used)
$ R=$(cd $TESTS/.. && pwd); CAIRN_PATH=$PWD/broken cairn tool report 1 --as-of 2026-11-26 2>&1 | head -12 | sed -E "s#$R(/build-[a-z]+)?#ROOT#g; s|$PWD|.|g"
./broken/tools/five_whys.lua:12: form[2] (field 'school'): unknown type 'txt' (expected one of text, longtext, number, money, date, yesno, choice, multichoice, person, people, scale)
warning: ./broken/tools/five_whys.lua cannot be used; using ROOT/scripts/tools/five_whys.lua instead (fix the file, or remove it to use the built-in tool)
Ninth-grade chronic absenteeism at Adams High rose from 14% to 21% in two years.
================================================================================
Getting the Problem Right: Template for the 5 Whys Root-Cause Analysis
Riverside Unified · as of 2026-11-26

Problem Statement:  Ninth-grade chronic absenteeism at Adams High rose from 14%
                    to 21% in two years.

5 Whys
------
