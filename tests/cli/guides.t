# A CLI that guides: "did you mean" for mistyped commands, subcommands and options; --json and
# --csv on every listing; report --out prints what it wrote (-q keeps quiet) and makes the folder.
$ cairn init --district "Riverside" 2>/dev/null
$ cairn reprot list
cairn: unknown command 'reprot' (did you mean report?) (see cairn help)
usage: cairn [-w FILE] [COMMAND [ARGS...]]
(cairn help lists the commands)
[2]
$ cairn tool lsit
cairn: unknown subcommand 'lsit' (did you mean list?)
usage: cairn tool list [FILTER] | show ID | run ID [--answers FILE | --example] [--title T] [--draft]
       [--format F] [--out PATH] | edit WORKSHEET | resume WORKSHEET | copy ID [DIR] [--force]
       | worksheets [--tool ID] | history WORKSHEET | report WORKSHEET [--format F] [--out PATH]
[2]
$ cairn survey result 2026
cairn: unknown survey command 'result' (did you mean results?)
usage: cairn survey import FILE.csv --wave NAME [--instrument ID] [--map FILE] [--check] [-q]
       | instruments | show ID | load FILE.lua|FILE.csv | bank [export] ID FILE.csv
       | bank import FILE.csv
       | waves | wave NAME --instrument ID [--starts D] [--ends D] [--audience T] [--mode M]
       | entry --wave NAME [--instrument ID] | results WAVE [--by ATTR[,ATTR]] [--item CODE]
       | audit WAVE | min-group-size [N] | draft EXPORT.csv [--id ID] [--out PREFIX]
[2]
$ cairn report overview --fromat html
cairn: unknown option '--fromat' (did you mean --format or --from?)
usage: cairn report list | history [NAME] | NAME [--param K=V ...] [--period P] [--as-of DATE]
       [--format text|md|html|csv|json|xlsx|docx|pdf] [--out FILE|FOLDER/|-] [--each GROUP] [-q | --verbose]
       list and history take --json or --csv
[2]
$ cairn tool list --jsno
cairn: unknown option '--jsno' (did you mean --json?)
usage: cairn tool list [FILTER] | show ID | run ID [--answers FILE | --example] [--title T] [--draft]
       [--format F] [--out PATH] | edit WORKSHEET | resume WORKSHEET | copy ID [DIR] [--force]
       | worksheets [--tool ID] | history WORKSHEET | report WORKSHEET [--format F] [--out PATH]
[2]
$ cairn tool list --csv | head -3
id,title,stage,framework,summary,error
five_whys,Getting the Problem Right: Template for the 5 Whys Root-Cause Analysis,Planning: Understanding the Problem,WestEd,Drill from a problem statement to root causes by asking why up to five times.,
logic_model,Sample Logic Model Template,Planning: Developing a Logic Model,WestEd,"Map the problem, resources, activities, outputs, outcomes and impact of the work.",
$ cairn tool list five --json
[
  {"id":"five_whys","title":"Getting the Problem Right: Template for the 5 Whys Root-Cause Analysis","stage":"Planning: Understanding the Problem","framework":"WestEd","summary":"Drill from a problem statement to root causes by asking why up to five times.","error":null}
]
$ cairn tool worksheets --csv
id,tool,title,status,revisions,updated_at
$ cairn tool worksheets --json
[]
$ cairn report list --csv | head -2
name,description,params,each,error
checklist_priorities,"Top areas where schools need to improve, ranked per school and district-wide, from the Opportunity Checklist (or any checklist survey)",wave limit,school,
$ cairn report list --json --csv
cairn: choose one of --csv and --json
usage: cairn report list | history [NAME] | NAME [--param K=V ...] [--period P] [--as-of DATE]
       [--format text|md|html|csv|json|xlsx|docx|pdf] [--out FILE|FOLDER/|-] [--each GROUP] [-q | --verbose]
       list and history take --json or --csv
[2]
$ cairn report overview --as-of 2026-11-26 --format md --out new/folder/
new/folder/overview-2026-11.md
$ cairn report overview --as-of 2026-11-26 --format md --out new/folder/ -q
$ ls new/folder
overview-2026-11.md
$ cairn report history --csv | cut -d, -f1,2,5,6,8
run,report,as_of,format,files
1,overview,2026-11-26,markdown,new/folder/overview-2026-11.md
2,overview,2026-11-26,markdown,new/folder/overview-2026-11.md
$ cairn report history overview --json | grep -c '"report":"overview"'
2
