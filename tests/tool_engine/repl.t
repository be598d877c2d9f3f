# The REPL with piped input: run "engine_whys" reads its answers from the lines after it,
# with going back, skip, the review screen and editing an answer before saving; then the
# worksheet's history and report, a draft resumed with resume(), and the tools() listing.
$ cairn init --district "Riverside Unified" 2>&1
created cairn.db for Riverside Unified
$ printf '%s\n' 'tools "testing"' 'w = run "engine_whys"' 'Ninth-grade absence rose' \
>   'Buses late' '' 'Route logs' '<' 'Bus route logs' 'Drivers short' '' 'skip' '' \
>   'Driver shortage' 'y' 'n' 'Hire drivers' '30 Jun 2027' 'n' 'n' '5' 'HR vacancy report' 'save' \
>   'w' 'w:history()' 'w:report()' > session.txt
> CAIRN_PATH=$TESTS/tool_engine cairn < session.txt | sed 's/updated 20[0-9-]*/updated DATE/; s/20[0-9][0-9]-[0-9-]* [0-9:][0-9:]*  *[a-z-]*/WHEN WHO/; s/as of 20[0-9-]*/as of DATE/'
id             title             stage
-------------  ----------------  ---------------
engine_fields  Every Field Type  Testing: Fields
engine_whys    Test Whys         Testing: Tables
engine_addon   Test Add-on       Testing: Plans

Test Whys

  1. State the problem.
  2. Ask why.

Type ? at any question for help, < to go back, review to see every answer.
Problem Statement (one-sentence description of the problem): Ninth-grade absence rose

5 Whys
1. Why — Reason why problem is occurring (several lines; an empty line ends the answer): Buses late
  | 
1. Why — How do we know?: Route logs
2. Why — Reason why problem is occurring (several lines; an empty line ends the answer): <
1. Why — How do we know? [Route logs]: Bus route logs
2. Why — Reason why problem is occurring (several lines; an empty line ends the answer): Drivers short
  | 
2. Why — How do we know?: skip
3. Why — Reason why problem is occurring (several lines, then an empty line; empty now ends the table): 

== Root Cause(s) ==
  Record the root causes.

Root Cause(s)
Root cause 1: Driver shortage
Root cause 1 — Would removing it prevent the problem? [y/n]: y
Add another root cause? [y/N]: n

Goal
Goal 1 › Goal: Hire drivers
Goal 1 › Due (e.g. 6/15/2027, 6/15, 2027-06-15 or June 2027): 30 Jun 2027
  → 2027-06-30 (30 June 2027)

Steps
Goal 1 › Add a step? [y/N]: n
Add another goal? [y/N]: n

Review: Test Whys
   1  Problem Statement: Ninth-grade absence rose
   2  1. Why — Reason why problem is occurring: Buses late
   3  1. Why — How do we know?: Bus route logs
   4  2. Why — Reason why problem is occurring: Drivers short
   5  2. Why — How do we know?: 
   6  3. Why — Reason why problem is occurring: 
  == Root Cause(s) ==
   7  Root cause 1: Driver shortage
   8  Root cause 1 — Would removing it prevent the problem?: Yes
   9  Goal 1 › Goal: Hire drivers
  10  Goal 1 › Due: 30 June 2027
  Note: 2. Why — How do we know?: Each why needs evidence.
Type a number to change that answer, save to save the worksheet, draft to save
a draft and finish later, back to return to the question you were on, or quit.
review> 5
2. Why — How do we know?: HR vacancy report

Review: Test Whys
   1  Problem Statement: Ninth-grade absence rose
   2  1. Why — Reason why problem is occurring: Buses late
   3  1. Why — How do we know?: Bus route logs
   4  2. Why — Reason why problem is occurring: Drivers short
   5  2. Why — How do we know?: HR vacancy report
   6  3. Why — Reason why problem is occurring: 
  == Root Cause(s) ==
   7  Root cause 1: Driver shortage
   8  Root cause 1 — Would removing it prevent the problem?: Yes
   9  Goal 1 › Goal: Hire drivers
  10  Goal 1 › Due: 30 June 2027
Type a number to change that answer, save to save the worksheet, draft to save
a draft and finish later, back to return to the question you were on, or quit.
review> save
Saved worksheet 1 (engine_whys), revision 1.
worksheet 1 · engine_whys · Ninth-grade absence rose (final, 1 revision, updated DATE)
rev  when (UTC)           by           status  what changed
---  -------------------  -----------  ------  ------------
  1  WHEN WHO  final   created
Ninth-grade absence rose
========================
Test Whys
Riverside Unified · as of DATE

Problem Statement:  Ninth-grade absence rose

5 Whys
5 Whys  Reason why problem is occurring  How do we know?
------  -------------------------------  -----------------
1. Why  Buses late                       Bus route logs
2. Why  Drivers short                    HR vacancy report

Root Cause(s)
-------------

Root Cause(s)
No.  Root cause       Would removing it prevent the problem?
---  ---------------  --------------------------------------
1    Driver shortage  Yes

Goal 1
......

Goal:  Hire drivers
Due:   30 June 2027

Steps:  (none)
$ printf '%s\n' 'run "engine_whys"' 'Draft problem' 'A reason' '' 'draft' 'worksheets()' 'resume()' 'review' '3' 'Evidence' 'quit' 'n' | CAIRN_PATH=$TESTS/tool_engine cairn | sed 's/20[0-9][0-9]-[0-9][0-9]-[0-9][0-9]/DATE/g'

Test Whys

  1. State the problem.
  2. Ask why.

Type ? at any question for help, < to go back, review to see every answer.
Problem Statement (one-sentence description of the problem): Draft problem

5 Whys
1. Why — Reason why problem is occurring (several lines; an empty line ends the answer): A reason
  | 
1. Why — How do we know?: draft
Saved a draft: worksheet 2. resume(2) continues it.
worksheet 2 · engine_whys · Draft problem (draft, 1 revision, updated DATE)
id  tool         title                     status  revs  updated
--  -----------  ------------------------  ------  ----  ----------
 2  engine_whys  Draft problem             draft      1  DATE
 1  engine_whys  Ninth-grade absence rose  final      1  DATE
(2 rows)

Test Whys: worksheet 2, "Draft problem"
1. Why — How do we know?: review

Review: Test Whys
   1  Problem Statement: Draft problem
   2  1. Why — Reason why problem is occurring: A reason
   3  1. Why — How do we know?: 
   4  2. Why — Reason why problem is occurring: 
   5  2. Why — How do we know?: 
   6  3. Why — Reason why problem is occurring: 
  == Root Cause(s) ==
   7  Root cause 1: 
   8  Root cause 1 — Would removing it prevent the problem?: 
   9  (Add a root cause)
  10  Goal 1 › Goal: 
  11  Goal 1 › Due: 
  12  (Goal 1 › Add a step)
  13  (Add a goal)
  ! whys: at least 2 rows must be filled, got 1; empty: row 2 (Why)
  ! causes: at least 1 row of Root Cause(s) required, got 0
  ! goals: at least 1 required (Goal), got 0
Type a number to change that answer, save to save the worksheet, draft to save
a draft and finish later, back to return to the question you were on, or quit.
review> 3
1. Why — How do we know?: Evidence

Review: Test Whys
   1  Problem Statement: Draft problem
   2  1. Why — Reason why problem is occurring: A reason
   3  1. Why — How do we know?: Evidence
   4  2. Why — Reason why problem is occurring: 
   5  2. Why — How do we know?: 
   6  3. Why — Reason why problem is occurring: 
  == Root Cause(s) ==
   7  Root cause 1: 
   8  Root cause 1 — Would removing it prevent the problem?: 
   9  (Add a root cause)
  10  Goal 1 › Goal: 
  11  Goal 1 › Due: 
  12  (Goal 1 › Add a step)
  13  (Add a goal)
  ! whys: at least 2 rows must be filled, got 1; empty: row 2 (Why)
  ! causes: at least 1 row of Root Cause(s) required, got 0
  ! goals: at least 1 required (Goal), got 0
Type a number to change that answer, save to save the worksheet, draft to save
a draft and finish later, back to return to the question you were on, or quit.
review> quit
Save a draft before you go? [Y/n] n
Nothing was saved.
