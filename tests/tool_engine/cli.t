# cairn tool: list, show, run from answers files (errors with paths, nothing stored), piped
# answers line by line, worksheets, history, report, copy, usage errors.
$ cairn init --district "Riverside Unified" >/dev/null 2>&1; export CAIRN_PATH=$TESTS/tool_engine; cairn tool list testing
id             title             stage
-------------  ----------------  ---------------
engine_fields  Every Field Type  Testing: Fields
engine_whys    Test Whys         Testing: Tables
engine_addon   Test Add-on       Testing: Plans
$ CAIRN_PATH=$TESTS/tool_engine cairn tool show engine_fields | sed "s|$TESTS|TESTS|; s/(version .*)/(version V)/"
Every Field Type
================
id: engine_fields    stage: Testing: Fields    framework: WestEd
source: cairn tests
file: TESTS/tool_engine/tools/engine_fields.lua  (version V)

One field of each type, to test parsing and errors.

Instructions
  1. Answer each question.
  2. Dates may be typed in several ways.

Form
  Name  [name] (text, required)
      (one line)
  Notes  [notes] (long text)
  Count  [count] (number, 0 to 100)
  Budget  [budget] (money)
  Due date  [due] (date)
  Ready?  [ready] (yes/no)

  == Choices ==
     Pick from the lists.
  Colour  [color] (choice: Red | Green | Deep blue)
  Four R's  [rs] (choices: Rules | Roles | Relationships | Resources)
  Owner  [owner] (person)
  Agreement  [agree] (scale: Strongly disagree | Disagree | Agree | Strongly agree)
  Rating  [rating] (scale: Strong | Adequate | Needs Work)
$ cat > good.json <<'J'
> { "problem": "Ninth-grade absence rose", "whys": [ {"reason": "Buses late", "evidence": "Route logs"},
>   {"reason": "Drivers short"} ], "causes": [ {"cause": "Driver shortage", "prevents": "yes"} ],
>   "goals": [ {"goal": "Hire drivers", "due": "6/30/2027", "steps": [ {"step": "Post jobs", "cost": "$1,200"} ] } ] }
> J
> CAIRN_PATH=$TESTS/tool_engine cairn tool run engine_whys --answers good.json --by ana
good.json: warning: whys[2].evidence: Each why needs evidence.
saved worksheet 1 (engine_whys, final): Ninth-grade absence rose
$ cat > bad.json <<'J'
> { "problem": "", "whys": [ {"reason": "Buses late"}, {"evidence": "x"}, {}, {}, {}, {"reason": "six"} ],
>   "causes": [ {"cause": "c", "prevents": "maybe"} ], "goals": [ {"goal": "g", "due": "2027-02-29"} ],
>   "owner": "J. Smith" }
> J
> CAIRN_PATH=$TESTS/tool_engine cairn tool run engine_whys --answers bad.json
bad.json: problem: required
bad.json: whys[2].reason: required
bad.json: whys[6]: at most 5 rows (1. Why, 2. Why, 3. Why, 4. Why, 5. Why)
bad.json: causes[1].prevents: 'maybe' is not yes or no (expected y, yes, n, no, true or false)
bad.json: goals[1].due: '2027-02-29' is not a real date (February 2027 has 28 days)
bad.json: owner: not a field of this tool (fields: problem, whys, causes, goals)
bad.json: 6 problems; nothing was stored
[1]
$ cairn sql "SELECT count(*) AS worksheets FROM worksheet"
worksheets
----------
         1
(1 row)
$ printf '%s\n' 'Piped problem' 'Reason' '' 'ev' 'Second' '' 'ev2' '' 'Cause' 'y' 'n' 'Goal' '' 'n' 'n' 'save' | CAIRN_PATH=$TESTS/tool_engine cairn tool run engine_whys --title "From a pipe" --by lee | tail -n 3
a draft and finish later, back to return to the question you were on, or quit.
review> save
Saved worksheet 2 (engine_whys), revision 1.
$ printf '%s\n' 'Unfinished' | CAIRN_PATH=$TESTS/tool_engine cairn tool run engine_whys | tail -n 2
1. Why — Reason why problem is occurring (several lines; an empty line ends the answer): 
Your answers are kept as draft worksheet 3: resume(3) continues it.
$ CAIRN_PATH=$TESTS/tool_engine cairn tool worksheets | sed 's/20[0-9-]*$/DATE/'
id  tool         title                     status  revs  updated
--  -----------  ------------------------  ------  ----  ----------
 3  engine_whys  Unfinished                draft      0  DATE
 2  engine_whys  From a pipe               final      1  DATE
 1  engine_whys  Ninth-grade absence rose  final      1  DATE
(3 rows)
$ CAIRN_PATH=$TESTS/tool_engine cairn tool history 1 | sed 's/20[0-9][0-9]-[0-9-]* [0-9:]*/WHEN/; s/updated 20[0-9-]*/updated DATE/'
worksheet 1 · engine_whys · Ninth-grade absence rose (final, 1 revision, updated DATE)
rev  when (UTC)           by   status  what changed
---  -------------------  ---  ------  ------------
  1  WHEN  ana  final   created
$ CAIRN_PATH=$TESTS/tool_engine cairn tool report 1 --format md --as-of 2026-11-26 | sed -n 3,12p
**Test Whys**

Riverside Unified · as of 2026-11-26

- **Problem Statement:** Ninth-grade absence rose

**5 Whys**

| 5 Whys | Reason why problem is occurring | How do we know? |
| --- | --- | --- |
$ CAIRN_PATH=$TESTS/tool_engine cairn tool report 1 --out ws1.html && grep -c '<table' ws1.html
wrote ws1.html
5
$ CAIRN_PATH=$TESTS/tool_engine cairn tool copy engine_fields 2>&1 | sed "s|$TESTS|TESTS|" && CAIRN_PATH=$TESTS/tool_engine cairn tool show engine_fields | grep '^file:' | sed 's/(version .*)/(version V)/'
copied TESTS/tool_engine/tools/engine_fields.lua to ./tools/engine_fields.lua; edit it there (cairn tool show engine_fields uses it)
file: ./tools/engine_fields.lua  (version V)
$ CAIRN_PATH=$TESTS/tool_engine cairn tool copy engine_fields
./tools/engine_fields.lua already exists (--force replaces it)
[1]
$ cairn check
cairn.db: worksheet 1: tool 'engine_whys' is not on the search path
cairn.db: worksheet 2: tool 'engine_whys' is not on the search path
cairn.db: worksheet 3: tool 'engine_whys' is not on the search path
[1]
$ CAIRN_PATH=$TESTS/tool_engine cairn check
cairn.db: ok
$ printf '%s\n' 1 'Ninth-grade absence rose sharply' save | CAIRN_PATH=$TESTS/tool_engine cairn tool edit 1 --by lee | tail -n 1
Saved worksheet 1 (engine_whys), revision 2.
$ CAIRN_PATH=$TESTS/tool_engine cairn tool history 1 | sed 's/20[0-9][0-9]-[0-9-]* [0-9:]*/WHEN/; s/updated 20[0-9-]*/updated DATE/'
worksheet 1 · engine_whys · Ninth-grade absence rose sharply (final, 2 revisions, updated DATE)
rev  when (UTC)           by   status  what changed
---  -------------------  ---  ------  ---------------
  1  WHEN  ana  final   created
  2  WHEN  lee  final   changed problem
$ printf '%s\n' n 'Draft only' quit y | CAIRN_PATH=$TESTS/tool_engine cairn tool run engine_whys | tail -n 1
Saved a draft: worksheet 4. resume(4) continues it.
$ printf '%s\n' 'Reason' '' review quit n | CAIRN_PATH=$TESTS/tool_engine cairn tool resume 4 | grep -E '^(Test Whys: worksheet|1\. Why — Reason|Nothing was saved)'
Test Whys: worksheet 4, "Draft only"
1. Why — Reason why problem is occurring (several lines; an empty line ends the answer): Reason
Nothing was saved.
$ printf '{"name": "Board work", "owner": "Ana Ruiz"}' > owner.json; CAIRN_PATH=$TESTS/tool_engine cairn tool run engine_fields --answers owner.json
owner.json: owner: unknown person 'Ana Ruiz' (there are no people in the workspace yet)
owner.json: 1 problem; nothing was stored
(--add-people adds names not yet in the workspace as people)
[1]
$ CAIRN_PATH=$TESTS/tool_engine cairn tool run engine_fields --answers owner.json --add-people && cairn sql "SELECT name FROM person"
added Ana Ruiz to the people of the workspace
saved worksheet 5 (engine_fields, final): Board work
name
--------
Ana Ruiz
(1 row)
$ cairn tool
cairn: expected a subcommand: list, show, run, edit, resume, copy, worksheets, history, report
usage: cairn tool list [FILTER] | show ID | run ID [--answers FILE | --example] [--title T] [--draft]
       [--format F] [--out PATH] | edit WORKSHEET | resume WORKSHEET | copy ID [DIR] [--force]
       | worksheets [--tool ID] | history WORKSHEET | report WORKSHEET [--format F] [--out PATH]
[2]
$ cairn tool run
cairn: expected a tool ID
usage: cairn tool list [FILTER] | show ID | run ID [--answers FILE | --example] [--title T] [--draft]
       [--format F] [--out PATH] | edit WORKSHEET | resume WORKSHEET | copy ID [DIR] [--force]
       | worksheets [--tool ID] | history WORKSHEET | report WORKSHEET [--format F] [--out PATH]
[2]
$ cairn tool report x
cairn: 'x' is not a worksheet number
usage: cairn tool list [FILTER] | show ID | run ID [--answers FILE | --example] [--title T] [--draft]
       [--format F] [--out PATH] | edit WORKSHEET | resume WORKSHEET | copy ID [DIR] [--force]
       | worksheets [--tool ID] | history WORKSHEET | report WORKSHEET [--format F] [--out PATH]
[2]
$ cairn tool run engine_whys --bogus
cairn: unknown option '--bogus'
usage: cairn tool list [FILTER] | show ID | run ID [--answers FILE | --example] [--title T] [--draft]
       [--format F] [--out PATH] | edit WORKSHEET | resume WORKSHEET | copy ID [DIR] [--force]
       | worksheets [--tool ID] | history WORKSHEET | report WORKSHEET [--format F] [--out PATH]
[2]
$ cairn tool run no_such_tool
cairn: no tool 'no_such_tool' (tools() or cairn tool list shows them)
[1]
$ cairn tool run fiv_whys
cairn: no tool 'fiv_whys' (did you mean five_whys?) (tools() or cairn tool list shows them)
[1]
