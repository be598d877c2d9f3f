-- cairn.plan.help: help texts for the plan model (help(plan.create), help "item:set_status").
-- First line: the call; then a line or three on what it does.
return function(help, plan, core)
  help.topic("plan", "people, plans, items, statuses, measures, links, snapshots (cairn.plan); "
    .. "try help(plan.create), help(plan.overdue), help \"item:set_status\"")
  help.module(plan, "plan", {
    person = "plan.person{name=, role=, org=, org_name=, contact=} -> person\nAdds a person, or updates the one with that name (any case). org: district, association (union), school or community.",
    people = "plan.people([{org=}]) -> list\nEveryone, sorted by name; prints as a table.",
    find_person = "plan.find_person(name_or_id) -> person | nil",
    group = "plan.group{name=, kind=, description=, members={names}} -> group\nA stakeholder group; members must be people already added.",
    groups = "plan.groups() -> list of stakeholder groups",
    create = "plan.create{kind=, title=, level=, period=, levels={...}, source={tool=, worksheet=}, fields={...}} -> plan\nA new plan of any kind (district_plan, action_plan, project_plan, logic_model, ...). levels names the item levels by depth.",
    get = "plan.get(id_or_title) -> plan | nil",
    list = "plan.list([{kind=}]) -> list of plans\nPrints as a table fitted to the screen (titles are kept whole as long as possible); list:show(n) prints one plan's values in full.",
    delete = "plan.delete(id_or_title) -> true | false\nDeletes the plan, its items and links to them.",
    item = "plan.item(id) -> item | nil",
    link = "plan.link(from, to, relation [, note])\nLinks two things (items, plans, people or {kind=, id=}): addresses, serves, measured_by, informs, monitors, supports, causes, related; inverse names (addressed_by, ...) read a link the other way.",
    unlink = "plan.unlink(from, to, relation)",
    links = "plan.links(thing [, {relation=}]) -> list\nLinks from and to a thing, each with the relation as read from it.",
    walk = "plan.walk(start, {relations...} [, {partial=true}]) -> paths\nFollows links and the tree in order, e.g. {\"descendants\", \"addresses\", \"children\", \"measured_by\"}; \"<rel\" follows a link backwards, \"parent\" goes up.",
    overdue = "plan.overdue{as_of=, plan=, level=} -> items\nPast their due date and not done or dropped, oldest first, with days_late.",
    due_within = "plan.due_within(days, {as_of=, plan=}) -> items\nDue from as_of to as_of + days, both included.",
    by_owner = "plan.by_owner(name [, {plan=}]) -> items",
    by_status = "plan.by_status(status [, {plan=, rolled=true}]) -> items\nBy recorded status, or by rolled-up status with rolled = true.",
    by_tag = "plan.by_tag(tag [, {plan=}]) -> items",
    unowned = "plan.unowned{plan=, all=} -> items\nActive work (leaves, not done or dropped) with no owner.",
    undated = "plan.undated{plan=, all=} -> items\nActive work with no due date.",
    status_counts = "plan.status_counts{plan=} -> {not_started=, on_track=, ..., total=}",
    measures = "plan.measures{as_of=, plan=} -> list\nEvery benchmark or outcome with a metric, assessed as of a date.",
    off_target = "plan.off_target{as_of=, plan=} -> list\nMeasures whose latest data is worse than expected (or with no data since a target came due).",
    smart_check = "plan.smart_check(text, \"WestEd\"|\"Massachusetts\"|\"NEA\") -> prompts\nSMART prompts and warnings in the guidebook's own words; never an error. Wording in cairn/smart.lua.",
    check = "plan.check(db) -> problems\nConsistency problems for `cairn check`.",
  })
  help.module(core.Plan, "plan", {
    add = "p:add{level=, text=, owner=, start=, due=, resources={available=, needed=, cost=, funding=}, tags={...}, fields={...}, kind=, status=, position=, key=} -> item\nA top-level item; level defaults to the plan's first level. key: a tool's stable name for it (docs/plan-api.md, Sync scopes).",
    items = "p:items([{level=}]) -> items in reading order",
    roots = "p:roots() -> top-level items",
    find = "p:find(text) -> the first item whose text contains it",
    tree = "p:tree() -> the plan as an outline with rolled-up status and percent done",
    rollup = "p:rollup() -> {status=, percent=}",
    set = "p:set{title=, level=, period=, kind=, fields={...}}",
    remove = "p:remove()\nDeletes the plan, its items and links to them.",
    snapshot = "p:snapshot(name [, {on=, replace=true}])\nFreezes the plan's items, owners, dates and statuses under a name (\"baseline\").",
    snapshots = "p:snapshots() -> list",
    diff = "p:diff(name [, other]) -> changes\nWhat was added, removed, re-dated, re-assigned, changed status or reworded since snapshot NAME (or between two snapshots).",
    overdue = "p:overdue{as_of=} -> items (this plan only); also p:due_within, p:by_owner, p:by_status, p:by_tag, p:unowned, p:undated",
    measures = "p:measures{as_of=} -> this plan's measures assessed",
    off_target = "p:off_target{as_of=} -> this plan's measures off target",
    report = "p:report([format [, path]] [, {as_of=, days=}])\nThis plan's status report: printed in the REPL, rendered (\"markdown\", \"html\", ...) or written to PATH.",
  }, ":")
  help.module(require("cairn.plan.rows").List, "list", {
    show = "list:show([n]) -> prints row N (default 1) with every value whole\nA list fits the terminal by shortening its free text; plan.list():show(2), p:items():show(5) show what was cut.",
    data = "list:data() -> plain rows {column = value} for reports and JSON",
  }, ":")
  help.module(core.Item, "item", {
    add = "item:add{...} -> child item (same fields as p:add)",
    set = "item:set{text=, owner=, start=, due=, percent=, kind=, level=, resources=, fields=, tags=}\nChanges an item; false clears owner, dates, percent or a field.",
    set_status = "item:set_status(status, {by=, on=, note=, percent=})\nRecords a status change (not started, on track, at risk, off track, done, dropped) with who, when and why.",
    history = "item:history() -> the item's status changes",
    rollup = "item:rollup() -> {status=, percent=}\nPercent: mean of active children (done = 100, dropped left out). Status: the worst active child.",
    children = "item:children() -> items", descendants = "item:descendants() -> items",
    parent = "item:parent() -> item | nil", plan = "item:plan() -> plan",
    measure = "item:measure{metric=, unit=, direction=\"up\"|\"down\", baseline={value=, date=}, targets={{value=, date=, kind=\"interim\"|\"final\"}}}",
    observe = "item:observe{value=, date=, source=, note=}\nA dated observation of the item's metric.",
    measurement = "item:measurement() -> the metric with targets and observations; m:assess(as_of), m:expected(date)",
    link = "item:link(to, relation [, note])", links = "item:links([{relation=}])",
    walk = "item:walk({relations...} [, opts]) -> paths",
    tag = "item:tag(tag, ...)", untag = "item:untag(tag, ...)",
    move = "item:move(position)\nReorders the item among its siblings.",
    remove = "item:remove()\nDeletes the item, everything under it, and links to them.",
    smart = "item:smart([framework]) -> SMART prompts for the item's text",
  }, ":")
end
