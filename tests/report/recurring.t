# Recurring reports: definitions on the search path, typed parameters, two periods in a row with
# "what changed", history, a 400-school batch, a failure midway leaving nothing behind, and
# byte-identical output for the same workspace and --as-of.
$ cairn init --district "Riverside Unified" >/dev/null 2>&1 && echo ready
ready
$ CAIRN_PATH=$TESTS/report cairn report list | grep -A3 '^batch '; CAIRN_PATH=$TESTS/report cairn report list | grep -A4 '^changes '
batch                 Test batch: one page per school
                      --param schools=INTEGER  (default 400)  how many schools
                      --param fail_at=INTEGER  (default 0)  make this school fail
                      --each school
changes               Test report: a score and its change since last period
                      --param score=NUMBER  (required)  this period's score
                      --param label=Score|Index  (default Score)
                      --param since=DATE  a date shown as is
                      --param flag=BOOLEAN  (default false)
$ CAIRN_PATH=$TESTS/report cairn report changes --param score=40 --period 2026-10 --as-of 2026-10-31 --format md
changes-2026-10.md
$ ls
cairn.db
changes-2026-10.md
$ sed 1d changes-2026-10.md

Riverside Unified · period 2026-10 · as of 2026-10-31

- **Score:** 40
- **Last period:** none
- **Flag:** no
$ CAIRN_PATH=$TESTS/report cairn report changes --param score=46.5 --param since=2026-09-01 --period 2026-11 --as-of 2026-11-26 --format md --verbose
wrote changes-2026-11.md (175 bytes, 20760873de63d465)
recorded run 2 of changes: period 2026-11, as of 2026-11-26, 1 file
$ sed 1d changes-2026-11.md

Riverside Unified · period 2026-11 · as of 2026-11-26

- **Score:** 46.5
- **Last period (2026-10):** 40
- **Change:** 6.5
- **Since:** 2026-09-01
- **Flag:** no
# history lists both runs, oldest first
$ CAIRN_PATH=$TESTS/report cairn report history changes
run  started (UTC)         period   as of       format    each  files  params
---  --------------------  -------  ----------  --------  ----  -----  ----------------------------------------------------------------
  1  %d%d%d%d%-%d%d%-%d%dT%d%d:%d%d:%d%dZ  2026%-10  2026%-10%-31  markdown            1  {"flag":false,"label":"Score","score":40} (re)
  2  %d%d%d%d%-%d%d%-%d%dT%d%d:%d%d:%d%dZ  2026%-11  2026%-11%-26  markdown            1  {"flag":false,"label":"Score","score":46%.5,"since":"2026%-09%-01"} (re)
(2 rows)
$ CAIRN_PATH=$TESTS/report cairn report history changes --verbose | grep '^run'
run  started (UTC)         period   as of       format    each  files  params
run 1  eca1a07c4bfb455e  changes-2026-10.md  123 bytes
run 2  20760873de63d465  changes-2026-11.md  175 bytes
# a re-run of the same period compares with the period before, and gives the same bytes
$ cp changes-2026-11.md before.md && CAIRN_PATH=$TESTS/report cairn report changes --param score=46.5 --param since=2026-09-01 --period 2026-11 --as-of 2026-11-26 --format md && cmp before.md changes-2026-11.md && echo identical
changes-2026-11.md
identical
# typed parameters: clear messages, exit 2, nothing written or recorded
$ CAIRN_PATH=$TESTS/report cairn report changes --param score=lots
cairn: report changes: parameter 'score': 'lots' is not a number
usage: cairn report list | history [NAME] | NAME [--param K=V ...] [--period P] [--as-of DATE]
       [--format text|md|html|csv|json|xlsx|docx|pdf] [--out FILE|FOLDER/|-] [--each GROUP] [-q | --verbose]
       list and history take --json or --csv
[2]
$ CAIRN_PATH=$TESTS/report cairn report changes
cairn: report changes: parameter 'score' is required (--param score=NUMBER)
usage: cairn report list | history [NAME] | NAME [--param K=V ...] [--period P] [--as-of DATE]
       [--format text|md|html|csv|json|xlsx|docx|pdf] [--out FILE|FOLDER/|-] [--each GROUP] [-q | --verbose]
       list and history take --json or --csv
[2]
$ CAIRN_PATH=$TESTS/report cairn report changes --param score=1 --param label=Total
cairn: report changes: parameter 'label': 'Total' is not one of Score, Index
usage: cairn report list | history [NAME] | NAME [--param K=V ...] [--period P] [--as-of DATE]
       [--format text|md|html|csv|json|xlsx|docx|pdf] [--out FILE|FOLDER/|-] [--each GROUP] [-q | --verbose]
       list and history take --json or --csv
[2]
$ CAIRN_PATH=$TESTS/report cairn report changes --param score=1 --param since=2026-02-30
cairn: report changes: parameter 'since': '2026-02-30' is not a date (YYYY-MM-DD)
usage: cairn report list | history [NAME] | NAME [--param K=V ...] [--period P] [--as-of DATE]
       [--format text|md|html|csv|json|xlsx|docx|pdf] [--out FILE|FOLDER/|-] [--each GROUP] [-q | --verbose]
       list and history take --json or --csv
[2]
$ CAIRN_PATH=$TESTS/report cairn report changes --param score=1 --param flag=maybe
cairn: report changes: parameter 'flag': 'maybe' is not true or false
usage: cairn report list | history [NAME] | NAME [--param K=V ...] [--period P] [--as-of DATE]
       [--format text|md|html|csv|json|xlsx|docx|pdf] [--out FILE|FOLDER/|-] [--each GROUP] [-q | --verbose]
       list and history take --json or --csv
[2]
$ CAIRN_PATH=$TESTS/report cairn report changes --param score=1 --param colour=red
cairn: report changes: unknown parameter 'colour' (parameters: score, label, since, flag)
usage: cairn report list | history [NAME] | NAME [--param K=V ...] [--period P] [--as-of DATE]
       [--format text|md|html|csv|json|xlsx|docx|pdf] [--out FILE|FOLDER/|-] [--each GROUP] [-q | --verbose]
       list and history take --json or --csv
[2]
$ CAIRN_PATH=$TESTS/report cairn report changes --param score=1 --as-of yesterday
cairn: --as-of 'yesterday' is not a date (YYYY-MM-DD)
usage: cairn report list | history [NAME] | NAME [--param K=V ...] [--period P] [--as-of DATE]
       [--format text|md|html|csv|json|xlsx|docx|pdf] [--out FILE|FOLDER/|-] [--each GROUP] [-q | --verbose]
       list and history take --json or --csv
[2]
$ CAIRN_PATH=$TESTS/report cairn report changes --param score=1 --format pptx
cairn: unknown format 'pptx' (expected text, markdown, html, csv, json, xlsx, docx, pdf)
usage: cairn report list | history [NAME] | NAME [--param K=V ...] [--period P] [--as-of DATE]
       [--format text|md|html|csv|json|xlsx|docx|pdf] [--out FILE|FOLDER/|-] [--each GROUP] [-q | --verbose]
       list and history take --json or --csv
[2]
$ CAIRN_PATH=$TESTS/report cairn report changes --param score=1 --each school
cairn: report changes cannot be split by 'school' (it declares no grouping)
usage: cairn report list | history [NAME] | NAME [--param K=V ...] [--period P] [--as-of DATE]
       [--format text|md|html|csv|json|xlsx|docx|pdf] [--out FILE|FOLDER/|-] [--each GROUP] [-q | --verbose]
       list and history take --json or --csv
[2]
$ CAIRN_PATH=$TESTS/report cairn report nosuch
cairn: no report 'nosuch' %(known: batch, changes, .*overview.*worksheet.*; cairn report list shows them%) (re)
usage: cairn report list | history [NAME] | NAME [--param K=V ...] [--period P] [--as-of DATE]
       [--format text|md|html|csv|json|xlsx|docx|pdf] [--out FILE|FOLDER/|-] [--each GROUP] [-q | --verbose]
       list and history take --json or --csv
[2]
$ cairn sql "SELECT count(*) AS runs FROM report_run WHERE report = 'changes'"
runs
----
   3
(1 row)
# --out: a file, standard output, a missing folder
$ CAIRN_PATH=$TESTS/report cairn report changes --param score=2 --period 2026-12 --as-of 2026-12-31 --out december.json && head -3 december.json
december.json
{
  "as_of": "2026-12-31",
  "blocks": [
$ CAIRN_PATH=$TESTS/report cairn report changes --param score=3 --period 2027-01 --as-of 2027-01-31 --format text --out - | head -4
Changes
=======
Riverside Unified · period 2027-01 · as of 2027-01-31
$ CAIRN_PATH=$TESTS/report cairn report changes --param score=3 --out nowhere/x.md
nowhere/x.md
# a batch of 400 schools: one file each, predictable names, no temporary files, quiet
$ mkdir out && CAIRN_PATH=$TESTS/report cairn report batch --each school --period 2026-11 --as-of 2026-11-26 --format md --out out/ -q
$ ls out | wc -l; ls -a out | grep -c 'tmp' ; ls out | sed -n '1,4p;$p'
400
0
batch-2026-11-adams-baker-k-8-2.md
batch-2026-11-adams-baker-k-8.md
batch-2026-11-ecole-saint-exupery-annex.md
batch-2026-11-school-001.md
batch-2026-11-school-400.md
$ grep -h 'Enrolled' out/batch-2026-11-school-123.md
- **Enrolled:** 423
- **Enrolled last period:** no earlier run
# the next period sees each school's previous data
$ mkdir out-dec && CAIRN_PATH=$TESTS/report cairn report batch --each school --param schools=3 --period 2026-12 --as-of 2026-12-20 --format md --out out-dec/ && grep -h 'Enrolled last' out-dec/*
out-dec/batch-2026-12-school-001.md
out-dec/batch-2026-12-school-002.md
out-dec/batch-2026-12-school-003.md
- **Enrolled last period:** 301
- **Enrolled last period:** 302
- **Enrolled last period:** 303
# a failure midway (school 200): exit 1, a message naming the school, no file, no run recorded
$ mkdir out2 && CAIRN_PATH=$TESTS/report cairn report batch --each school --param fail_at=200 --period 2026-11 --as-of 2026-11-26 --format md --out out2/
cairn: report batch (school School 200): cannot compute attendance for School 200
[1]
$ ls -A out2 | wc -l
0
$ md5sum out/batch-2026-11-school-001.md > sum && CAIRN_PATH=$TESTS/report cairn report batch --each school --param fail_at=399 --period 2026-11 --as-of 2026-11-26 --format json --out out/ ; ls out | grep -c json; ls -a out | grep -c tmp; md5sum -c sum
cairn: report batch (school School 399): cannot compute attendance for School 399
0
0
out/batch-2026-11-school-001.md: OK
$ cairn sql "SELECT report, period, each, count(o.seq) AS files FROM report_run r JOIN report_output o ON o.run_id = r.id WHERE report = 'batch' GROUP BY r.id ORDER BY r.id"
report  period   each    files
------  -------  ------  -----
batch   2026-11  school    400
batch   2026-12  school      3
(2 rows)
# determinism: the same workspace and --as-of give byte-identical files
$ mkdir again && CAIRN_PATH=$TESTS/report cairn report batch --each school --period 2026-11 --as-of 2026-11-26 --format md --out again/ && diff -r out again && echo identical
400 files in again/
identical
$ CAIRN_PATH=$TESTS/report cairn report batch --each school --period 2026-11 --as-of 2026-11-26 --format json --out again/ && CAIRN_PATH=$TESTS/report cairn report batch --each school --period 2026-11 --as-of 2026-11-26 --format json --out out/ && diff -r out again && echo identical
400 files in again/
400 files in out/
identical
# the recorded hash is the file's
$ a=$(cairn sql --csv "SELECT hash FROM report_output WHERE path = 'december.json'" | tail -1 | tr -d '\r'); b=$(cairn -e 'print(require("cairn.host").hash(io.open("december.json", "rb"):read("a")))'); [ -n "$a" ] && [ "$a" = "$b" ] && echo same
same
# a progress bar on standard error only when it is a terminal (script gives the run a terminal)
# and the run is not in CI
$ mkdir p1 && CAIRN_PATH=$TESTS/report script -qec "env -u CI cairn report batch --each school --param schools=5 --period 2027-03 --as-of 2027-03-01 --format md --out p1/" /dev/null | tr '\r' '\n' | grep -o '\] *[0-9]*% [0-9]/5' | tail -2
]  80% 4/5
] 100% 5/5
$ mkdir p3 && CAIRN_PATH=$TESTS/report script -qec "env CI=true cairn report batch --each school --param schools=5 --period 2027-03 --as-of 2027-03-01 --format md --out p3/" /dev/null | tr '\r' '\n' | grep -c '[0-9]/5'
0
[1]
$ mkdir p2 && CAIRN_PATH=$TESTS/report cairn report batch --each school --param schools=5 --period 2027-03 --as-of 2027-03-01 --format md --out p2/ 2>err.txt; wc -c < err.txt
p2/batch-2027-03-school-001.md
p2/batch-2027-03-school-002.md
p2/batch-2027-03-school-003.md
p2/batch-2027-03-school-004.md
p2/batch-2027-03-school-005.md
0
# CSV holds one table: a report with several writes one file per table into the folder
$ mkdir csv && CAIRN_PATH=$TESTS/report cairn report batch --each school --param schools=2 --period 2027-04 --as-of 2027-04-01 --format csv --out csv/ && ls csv && cat csv/batch-2027-04-school-001-grades.csv
csv/batch-2027-04-school-001-grades.csv
csv/batch-2027-04-school-001-steps.csv
csv/batch-2027-04-school-002-grades.csv
csv/batch-2027-04-school-002-steps.csv
batch-2027-04-school-001-grades.csv
batch-2027-04-school-001-steps.csv
batch-2027-04-school-002-grades.csv
batch-2027-04-school-002-steps.csv
Grade,Students,Attendance
9,101,0.91
10,95,0.91
$ CAIRN_PATH=$TESTS/report cairn report batch --param schools=2 --period 2027-04 --as-of 2027-04-01 --format csv --out one.csv; ls one.csv
cairn: report batch has 2 tables (grades, steps); CSV holds one: give --out FOLDER/ for one file per table
usage: cairn report list | history [NAME] | NAME [--param K=V ...] [--period P] [--as-of DATE]
       [--format text|md|html|csv|json|xlsx|docx|pdf] [--out FILE|FOLDER/|-] [--each GROUP] [-q | --verbose]
       list and history take --json or --csv
ls: cannot access 'one.csv': No such file or directory
[2]
