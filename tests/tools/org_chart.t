# The org_chart chart kind (docs/report-document.md): the builder places the boxes (report.lua),
# the terminal and Markdown show the tree as indented rows of its data table, HTML draws it
# (render_svg.c: rows of boxes, lines from each box to the ones under it, planned boxes dashed).
# Bad data is refused with the field named.
$ cat > org.lua <<'EOF'
> local report = require "cairn.report"
> local d = report.new { title = "Structures", theme = report.theme() }
> d:chart { kind = "org_chart", title = "Teams", box_label = "Team", parent_label = "Reports to", note_label = "Note",
>   data = { { label = "DLT" }, { label = "SLT Adams", parent = "DLT" }, { label = "Grade 9 team", parent = "SLT Adams" },
>            { label = "Grade 10 team", parent = "SLT Adams", note = "planned", dashed = true },
>            { label = "Budget committee", parent = "dlt" }, { label = "Union-management council" } } }
> local c = d.blocks[1]
> for _, b in ipairs(c.data) do print(b.label, b.depth, b.slot, b.parent or "-") end
> print(c.slots, c.depths)
> print(d:render("text", { width = 80 }))
> local h = d:render("html")
> print(h:match("<svg.-</svg>"))
> EOF
> cairn run org.lua | sed 's/^#/|#/'
DLT	0	1.25	-
SLT Adams	1	0.5	1
Grade 9 team	2	0	2
Grade 10 team	2	1	2
Budget committee	1	2	1
Union-management council	0	3	-
4	3
Structures
==========

Chart: Teams
Organisation chart of 6 boxes in 3 rows; at the top: DLT, Union-management
council. 1 drawn dashed.

Team                      Reports to  Note
------------------------  ----------  -------
DLT
├─ SLT Adams              DLT
│  ├─ Grade 9 team        SLT Adams
│  └─ Grade 10 team       SLT Adams   planned
└─ Budget committee       DLT
Union-management council

<svg xmlns="http://www.w3.org/2000/svg" class="chart-svg" viewBox="0 0 656 175" width="656" height="175" role="img" aria-labelledby="chart-1-t" aria-describedby="chart-1-d" font-size="12"><title id="chart-1-t">Teams</title><desc id="chart-1-d">Organisation chart of 6 boxes in 3 rows; at the top: DLT, Union-management council. 1 drawn dashed.</desc><path d="M286.5 46.0V60.0H162.0V74.0" fill="none" stroke="#595959" stroke-width="1.5"/><path d="M162.0 101.0V115.0H79.0V129.0" fill="none" stroke="#595959" stroke-width="1.5"/><path d="M162.0 101.0V115.0H245.0V129.0" fill="none" stroke="#595959" stroke-width="1.5"/><path d="M286.5 46.0V60.0H411.0V74.0" fill="none" stroke="#595959" stroke-width="1.5"/><g><rect x="211.5" y="4.0" width="150.0" height="42.0" rx="4" fill="#EAF4FB" stroke="#56B4E9" stroke-width="1.5"/><text x="286.5" y="28.5" text-anchor="middle" font-weight="bold">DLT</text></g><g><rect x="87.0" y="74.0" width="150.0" height="27.0" rx="4" fill="#EAF4FB" stroke="#56B4E9" stroke-width="1.5"/><text x="162.0" y="91.0" text-anchor="middle" font-weight="bold">SLT Adams</text></g><g><rect x="4.0" y="129.0" width="150.0" height="42.0" rx="4" fill="#EAF4FB" stroke="#56B4E9" stroke-width="1.5"/><text x="79.0" y="153.5" text-anchor="middle" font-weight="bold">Grade 9 team</text></g><g><rect x="170.0" y="129.0" width="150.0" height="42.0" rx="4" fill="none" stroke="#222222" stroke-width="1.5" stroke-dasharray="6 4"/><text x="245.0" y="146.0" text-anchor="middle">Grade 10 team</text><text x="245.0" y="161.0" text-anchor="middle" font-style="italic" fill="#595959">planned</text></g><g><rect x="336.0" y="74.0" width="150.0" height="27.0" rx="4" fill="#EAF4FB" stroke="#56B4E9" stroke-width="1.5"/><text x="411.0" y="91.0" text-anchor="middle" font-weight="bold">Budget committee</text></g><g><rect x="502.0" y="4.0" width="150.0" height="42.0" rx="4" fill="#EAF4FB" stroke="#56B4E9" stroke-width="1.5"/><text x="577.0" y="21.0" text-anchor="middle" font-weight="bold"><tspan x="577.0" dy="0">Union-management</tspan><tspan x="577.0" dy="1.25em">council</tspan></text></g></svg>
$ cairn -e 'local r = require "cairn.report"; r.new{title = "x"}:chart{kind = "org_chart", title = "T", data = {{label = "A", parent = "B"}}}'
cairn: (command line):1: chart (org_chart): data[1].parent: 'B' is not one of the boxes
[1]
$ cairn -e 'local r = require "cairn.report"; r.new{title = "x"}:chart{kind = "org_chart", title = "T", data = {{label = "A", parent = "B"}, {label = "B", parent = "A"}}}'
cairn: (command line):1: chart (org_chart): data[1].parent: the boxes are under each other in a loop
[1]
$ cairn -e 'local r = require "cairn.report"; r.new{title = "x"}:chart{kind = "org_chart", title = "T", data = {{label = "A"}, {label = "a"}}}'
cairn: (command line):1: chart (org_chart): data[2].label: 'a' is already data[1]
[1]
$ cairn -e 'local r = require "cairn.report"; r.new{title = "x"}:chart{kind = "org_chart", title = "T", data = {}}'
cairn: (command line):1: chart (org_chart): data must list at least one box {label =}
[1]
