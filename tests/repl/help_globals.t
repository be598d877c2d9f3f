# Help where people look: every REPL global and worksheet method by value, by name and with ?.
$ cairn init --district "Riverside" 2>/dev/null
$ cairn <<'IN'
> help(run)
> help "resume"
> ?tools
> worksheets?
> ? "plan.overdue"
> ?plan.overdue
> help "worksheet:report"
> help(tool.worksheet_class.history)
> ?team.sync
> IN
run(id [, answers | "file.json" [, opts]]) -> worksheet
run "five_whys" asks the tool's questions on the terminal (back, review, skip; Ctrl-D keeps a draft). With answers (a table, or a JSON or Lua file) it validates and saves without asking.
run("project_plan", {example = true}) starts from the guidebook's worked example, for training.
resume([id]) -> worksheet
Continue the latest draft worksheet, or worksheet id, where it was left: the answers so far are kept.
tools([filter]) -> list of tools
The guidebook tools on the search path, by stage. filter is text matched against the stage, framework, id or title: tools "prepare". Prints as a table fitted to the screen (the stage shrinks first); tools{full = true} (or tools{"prepare", full = true}) shows every title and stage whole. help(run) says how to fill one in.
worksheets([{tool =, status =}]) -> list
Saved worksheets, newest first; prints as a table. worksheets{status = "draft"} lists the drafts resume() can continue.
plan.overdue{as_of=, plan=, level=} -> items
Past their due date and not done or dropped, oldest first, with days_late.
plan.overdue{as_of=, plan=, level=} -> items
Past their due date and not done or dropped, oldest first, with days_late.
w:report([format [, opts]]) -> path | nil
"text" prints the worksheet; "html", "md", "pdf", ... write a file (opts.out) and return its path.
w:history() -> revisions, oldest first
Who changed what and when; prints as a table.
team.sync(id, session) -> wave name, worksheet count
(Re)build the session's survey wave.
