# Extending a tool in code (tool.extend): drop a column, change a limit; a wrong path is named;
# a worksheet saved by the built-in tool renders after the district's extension changed it.
$ cairn init --district "Riverside Unified" >/dev/null 2>&1; printf '{"problem":"Absence rose.","whys":[{"reason":"Buses","evidence":"logs"}],"root_causes":[{"cause":"Drivers","evidence":"x"}]}' > a.json; cairn tool run five_whys --answers a.json --as-of 2026-11-26
saved worksheet 1 (five_whys, final): Absence rose.
$ mkdir -p d/tools; printf 'return require("cairn.tool").extend("five_whys", {\n  drop = { "whys.evidence" },\n  relabel = { whys = "Why is it happening?" },\n  limits = { root_causes = { max_rows = 1 } },\n  add = { { before = "whys", id = "team", type = "text", label = "Team" } },\n})\n' > d/tools/five_whys.lua; CAIRN_PATH=$PWD/d cairn tool show five_whys | grep -A6 "^Form"
Form
  Problem Statement  [problem] (text, required)
      (one-sentence description of the problem)
  Team  [team] (text)
  Table: Why is it happening?  [whys]
      rows: 1. Why, 2. Why, 3. Why, 4. Why, 5. Why; at least 1 filled
      Why is this problem occurring? Each why asks why the answer before it is
$ printf '{"problem":"P.","team":"Blue","whys":[{"reason":"R","evidence":"e"}],"root_causes":[{"cause":"a"},{"cause":"b"}]}' > b.json; CAIRN_PATH=$PWD/d cairn tool run five_whys --answers b.json
b.json: whys[1].evidence: not a column of Why is it happening? (columns: reason)
b.json: root_causes[2]: at most 1 row of Root Cause(s)
b.json: 2 problems; nothing was stored
[1]
$ CAIRN_PATH=$PWD/d cairn tool report 1 --as-of 2026-11-26 | sed -n '5,13p;/District additions/,$p'

Problem Statement:  Absence rose.

Why is it happening?
--------------------

Why is it happening?  Reason why problem is occurring
--------------------  -------------------------------
1. Why                Buses
$ mkdir -p e/tools; printf 'return { extends = "five_whys", relabel = { problme = "X" }, add = { { into = "problem", id = "y", label = "Y" } } }\n' > e/tools/five_whys.lua; CAIRN_PATH=$PWD/e cairn tool show five_whys 2>&1 | head -3 | sed "s|$PWD|.|g; s|/[^ ]*/scripts/tools|BUILTIN|"
./e/tools/five_whys.lua: relabel 'problme': no element 'problme' (there: problem, whys, root_causes)
./e/tools/five_whys.lua: add[1]: 'problem' is not a table or group
warning: ./e/tools/five_whys.lua cannot be used; using BUILTIN/five_whys.lua instead (fix the file, or remove it to use the built-in tool)
