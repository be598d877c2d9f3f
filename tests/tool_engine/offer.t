# Tools hand results on, offered never forced (cairn.tool.offer): the fishbone's top-ranked cause is
# the 5 Whys' offered problem statement. At the prompt Enter accepts the offer, typing replaces it,
# `-` leaves the question empty; an answers file that leaves the field out gets nothing; from Lua,
# accept_offers takes the offers (a column's offer follows its row: the n-th milestone to task n).
$ cairn init --district "Riverside Unified" >/dev/null 2>&1; cairn tool run fishbone_diagram --answers $TESTS/tools/fishbone_diagram/answers.json --add-people 2>&1 | tail -n 1
saved worksheet 1 (fishbone_diagram, final): Fishbone: Ninth-grade chronic absenteeism is 21%
$ printf '%s\n' '' 'Routes merged' '' 'Logs' '' 'Merged routes' '' '' y y y n save | cairn tool run five_whys 2>&1 | sed -n '/^Type ?/,/^Problem/p' | sed -E 's/[0-9]{4}-[0-9]{2}-[0-9]{2}/DATE/'
Type ? at any question for help, < to go back, review to see every answer.
  From the fishbone of DATE, its top-ranked cause: Late buses on the
  merged routes
Problem Statement (one-sentence description of the problem) [Late buses on the merged routes]: 
$ cairn -e 'print(tool.open_worksheet(2).answers.problem)'
Late buses on the merged routes
$ printf '%s\n' 'Ninth graders miss first period.' 'Routes merged' '' 'Logs' '' 'Merged routes' '' '' y y y n save | cairn tool run five_whys 2>&1 | grep -c 'From the fishbone'; cairn -e 'print(tool.open_worksheet(3).answers.problem)'
1
Ninth graders miss first period.
$ printf '%s\n' '-' 'Routes merged' '' 'Logs' '' 'Merged routes' '' '' y y y n save quit n | cairn tool run five_whys 2>&1 | grep -E '^ +1 +Problem|^  ! '
   1  Problem Statement: 
   1  Problem Statement: 
$ printf '{"whys": [{"reason": "Routes merged"}], "root_causes": [{"cause": "Merged routes"}]}' > a.json; cairn tool run five_whys --answers a.json
a.json: problem: required
a.json: 1 problem; nothing was stored
[1]
$ cairn -e 'local w = tool.run("five_whys", { whys = { { reason = "Routes merged" } }, root_causes = { { cause = "Merged routes" } } }, { accept_offers = true, quiet = true }); print(w.answers.problem)'
Late buses on the merged routes
$ cairn tool run monitoring_plan --answers $TESTS/tools/monitoring_plan/answers.json --add-people >/dev/null 2>&1; cairn -e 'local w = tool.run("results_analysis", { tasks = { { what = "a" }, { what = "b" } } }, { accept_offers = true, quiet = true, status = "draft" }); print(w.answers.tasks[1].task); print(w.answers.tasks[2].task)'
Separate routes 7 and 12 running
Late-arrival pass in use
