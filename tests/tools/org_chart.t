# The org_chart chart kind (docs/report-document.md): the builder places the boxes (report.lua),
# the terminal and Markdown show the tree as indented rows of its data table, HTML draws it
# (render_svg.c: rows of boxes, lines from each box to the ones under it, planned boxes dashed).
# A chart that would be wider than 2.8 slots (464 px: its 12 px text under 9 px on a 390 px
# phone) stacks boxes in indented columns, deepest parents first, then the top boxes (below:
# the whole first chart; print shows label, depth, slot, parent, then row and stacked).
# Bad data is refused with the field named.
$ cat > org.lua <<'EOF'
> local report = require "cairn.report"
> local d = report.new { title = "Structures", theme = report.theme() }
> d:chart { kind = "org_chart", title = "Teams", box_label = "Team", parent_label = "Reports to", note_label = "Note",
>   data = { { label = "DLT" }, { label = "SLT Adams", parent = "DLT" }, { label = "Grade 9 team", parent = "SLT Adams" },
>            { label = "Grade 10 team", parent = "SLT Adams", note = "planned", dashed = true },
>            { label = "Budget committee", parent = "dlt" }, { label = "Union-management council" } } }
> local c = d.blocks[1]
> for _, b in ipairs(c.data) do print(b.label, b.depth, b.slot, b.parent or "-", b.row, b.stacked) end
> print(c.slots, c.depths)
> print(d:render("text", { width = 80 }))
> local h = d:render("html")
> print(h:match("<svg.-</svg>"))
> EOF
> cairn run org.lua | sed 's/^#/|#/'
DLT	0	0	-	0	nil
SLT Adams	1	0.15	1	1	true
Grade 9 team	2	0.3	2	2	true
Grade 10 team	2	0.3	2	3	true
Budget committee	1	0.15	1	4	true
Union-management council	0	1.3	-	0	nil
2.3	5
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

<svg xmlns="http://www.w3.org/2000/svg" class="chart-svg" viewBox="0 0 374 285" width="374" height="285" role="img" aria-labelledby="chart-1-t" aria-describedby="chart-1-d" font-size="12"><title id="chart-1-t">Teams</title><desc id="chart-1-d">Organisation chart of 6 boxes in 3 rows; at the top: DLT, Union-management council. 1 drawn dashed.</desc><path d="M16.4 46.0V87.5H28.9" fill="none" stroke="#595959" stroke-width="1.5"/><path d="M41.3 101.0V142.5H53.8" fill="none" stroke="#595959" stroke-width="1.5"/><path d="M41.3 101.0V205.0H53.8" fill="none" stroke="#595959" stroke-width="1.5"/><path d="M16.4 46.0V267.5H28.9" fill="none" stroke="#595959" stroke-width="1.5"/><g><rect x="4.0" y="4.0" width="150.0" height="42.0" rx="4" fill="#EAF4FB" stroke="#56B4E9" stroke-width="1.5"/><text x="79.0" y="28.5" text-anchor="middle" font-weight="bold">DLT</text></g><g><rect x="28.9" y="74.0" width="150.0" height="27.0" rx="4" fill="#EAF4FB" stroke="#56B4E9" stroke-width="1.5"/><text x="103.9" y="91.0" text-anchor="middle" font-weight="bold">SLT Adams</text></g><g><rect x="53.8" y="129.0" width="150.0" height="27.0" rx="4" fill="#EAF4FB" stroke="#56B4E9" stroke-width="1.5"/><text x="128.8" y="146.0" text-anchor="middle" font-weight="bold">Grade 9 team</text></g><g><rect x="53.8" y="184.0" width="150.0" height="42.0" rx="4" fill="none" stroke="#222222" stroke-width="1.5" stroke-dasharray="6 4"/><text x="128.8" y="201.0" text-anchor="middle">Grade 10 team</text><text x="128.8" y="216.0" text-anchor="middle" font-style="italic" fill="#595959">planned</text></g><g><rect x="28.9" y="254.0" width="150.0" height="27.0" rx="4" fill="#EAF4FB" stroke="#56B4E9" stroke-width="1.5"/><text x="103.9" y="271.0" text-anchor="middle" font-weight="bold">Budget committee</text></g><g><rect x="219.8" y="4.0" width="150.0" height="42.0" rx="4" fill="#EAF4FB" stroke="#56B4E9" stroke-width="1.5"/><text x="294.8" y="21.0" text-anchor="middle" font-weight="bold"><tspan x="294.8" dy="0">Union-management</tspan><tspan x="294.8" dy="1.25em">council</tspan></text></g></svg>
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
# Two boxes under one fit side by side (2 slots, 324 px): nothing is stacked.
$ cairn -e 'local r = require "cairn.report"; local d = r.new{title = "x"}; d:chart{kind = "org_chart", title = "T", data = {{label = "DLT"}, {label = "SLT", parent = "DLT"}, {label = "Budget", parent = "DLT"}}}; for _, b in ipairs(d.blocks[1].data) do print(b.label, b.row, b.slot, b.stacked) end; print(d.blocks[1].slots, d:render("html"):match("viewBox=\"[^\"]*\""))'
DLT	0	0.5	nil
SLT	1	0	nil
Budget	1	1	nil
2	viewBox="0 0 324 90"
# Seven committees under one team: the committees stack in an indented column under it (the
# deepest parents first), and the second top box stays beside it.
$ cairn -e 'local r = require "cairn.report"; local d = r.new{title = "x"}; local data = {{label = "DLT"}, {label = "Council"}}; for i = 1, 7 do data[#data + 1] = {label = "Committee " .. i, parent = "DLT"} end; d:chart{kind = "org_chart", title = "T", data = data}; local c = d.blocks[1]; print(c.slots, c.depths); for _, b in ipairs(c.data) do io.write(b.label, "@", b.row, ",", b.slot, b.stacked and "s" or "", " ") end; print(); print(d:render("html"):match("viewBox=\"[^\"]*\""))'
2.15	8
DLT@0,0 Council@0,1.15 Committee 1@1,0.15s Committee 2@2,0.15s Committee 3@3,0.15s Committee 4@4,0.15s Committee 5@5,0.15s Committee 6@6,0.15s Committee 7@7,0.15s 
viewBox="0 0 349 420"
