# The two shipped report definitions: the workspace overview (with what changed since the last
# period) and the worksheet report (any stored worksheet with its tool's layout).
$ cairn init --district "Riverside Unified" >/dev/null 2>&1 && echo ready
ready
$ cairn report overview --period 2026-10 --as-of 2026-10-31 --format text --out - | grep -v 'Workspace created'
Workspace overview
==================
Riverside Unified · period 2026-10 · as of 2026-10-31

District:           Riverside Unified

Contents
--------

What is in the workspace
What                         Count
---------------------------  -----
People                           0
Stakeholder groups               0
Plans                            0
Plan items                       0
Measures                         0
Tool worksheets                  0
Survey instruments               0
Survey waves                     0
Survey responses                 0
Report runs (other reports)      0
Note: No earlier period has been reported yet; changes appear from the next
  period on.

Plans
-----

No plans yet.

Tool worksheets
---------------

No worksheets yet.

Surveys
-------

No survey waves yet.

Report runs
-----------

No other report has been run yet.
$ cairn tool run five_whys --answers $TESTS/tools/five_whys/answers.json >/dev/null 2>&1; cairn tool run fishbone_diagram --answers $TESTS/tools/fishbone_diagram/answers.json >/dev/null 2>&1; cairn sql "SELECT id, tool FROM worksheet ORDER BY id"
id  tool
--  ----------------
 1  five_whys
 2  fishbone_diagram
(2 rows)
$ cairn report overview --period 2026-11 --as-of 2026-11-26 --format md --out - | grep -E '^(## |\| (What|People|Tool worksheets|Survey waves) |_Bar chart)'
## Contents
| What | Count | Last period (2026-10) | Change |
| People | 0 | 0 | 0 |
| Tool worksheets | 2 | 0 | 2 |
| Survey waves | 0 | 0 | 0 |
## Plans
## Tool worksheets
_Bar chart of 2 items, all at 1._
## Surveys
## Report runs
$ cairn report overview --period 2026-11 --as-of 2026-11-26 --format json --out a.json && cairn report overview --period 2026-11 --as-of 2026-11-26 --format json --out b.json && cmp a.json b.json && echo identical
a.json
b.json
identical
$ cairn report overview --param details=no --period 2026-11 --as-of 2026-11-26 --format md --out - | grep '^## '
## Contents
## Report runs
$ cairn report worksheet --param id=1 --as-of 2026-11-26 --format md --out - | sed -n '3,6p'
**Getting the Problem Right: Template for the 5 Whys Root-Cause Analysis**

Riverside Unified · period 2026-11 · as of 2026-11-26
$ cairn report worksheet --param id=99 --as-of 2026-11-26 --format md --out -
cairn: report worksheet: there is no worksheet 99 (worksheets() lists them)
[1]
$ cairn report worksheet --as-of 2026-11-26 --format md
cairn: report worksheet: which worksheet? give --param id=N, or --each worksheet for all of them
[1]
$ mkdir ws && cairn report worksheet --each worksheet --as-of 2026-11-26 --format md --out ws/ && ls ws
ws/worksheet-2026-11-five-whys-worksheet-1.md
ws/worksheet-2026-11-fishbone-diagram-worksheet-2.md
worksheet-2026-11-fishbone-diagram-worksheet-2.md
worksheet-2026-11-five-whys-worksheet-1.md
$ cairn report worksheet --each worksheet --param tool=fishbone_diagram --as-of 2026-11-26 --format json --out ws/ && ls ws | grep json
ws/worksheet-2026-11-fishbone-diagram-worksheet-2.json
worksheet-2026-11-fishbone-diagram-worksheet-2.json
# one name for a worksheet's file everywhere: the REPL's w:report "html", `cairn tool report`
$ mkdir one && cd one && printf '%s\n' 'print(require("cairn.tool").open_worksheet(2):report("html"))' > r.lua && cairn -w ../cairn.db run r.lua && cairn -w ../cairn.db tool report 2 --format xlsx && ls
fishbone-diagram-worksheet-2.html
wrote fishbone-diagram-worksheet-2.xlsx
fishbone-diagram-worksheet-2.html
fishbone-diagram-worksheet-2.xlsx
r.lua
$ cairn report history worksheet | sed -E 's/  (started \(UTC\)|-{20}|[0-9-]{10}T[0-9:]{8}Z) //'
run        period   as of       format    each       files  params
--- -------  ----------  --------  ---------  -----  ------------------------------------------
  6 2026-11  2026-11-26  markdown                 1  {"id":1,"status":"any"}
  7 2026-11  2026-11-26  markdown  worksheet      2  {"status":"any"}
  8 2026-11  2026-11-26  json      worksheet      1  {"status":"any","tool":"fishbone_diagram"}
(3 rows)
# a district replaces a layout with its own file beside the workspace, and restyles every report
$ mkdir -p reports cairn && printf '%s\n' 'return { name = "overview", description = "Our own overview", build = function(ctx)' '  local doc = ctx.document { title = "Riverside at a glance" }' '  doc:paragraph("Custom layout for " .. ctx.period .. ".")' '  return doc end }' > reports/overview.lua && printf '%s\n' 'return { labels = { as_of = "Stand", period = "Zeitraum" } }' > cairn/theme.lua
$ cairn report list | grep '^overview'
overview              Our own overview
$ cairn report overview --period 2026-12 --as-of 2026-12-01 --format text
Riverside at a glance
=====================
Riverside Unified · Zeitraum 2026-12 · Stand 2026-12-01

Custom layout for 2026-12.
$ rm -r reports cairn && cairn report overview --period 2026-12 --as-of 2026-12-01 --format text | sed -n '1,3p'
Workspace overview
==================
Riverside Unified · period 2026-12 · as of 2026-12-01
