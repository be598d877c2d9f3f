-- cairn.tool.help: help texts for the guidebook tools, their REPL globals (tools, run, resume,
-- worksheets), worksheet methods (w:edit, w:report, ...) and cairn.team.
-- First line: the call; then a line or three on what it does.
return function(help)
  local tool = require "cairn.tool"
  local globals = require "cairn.tool.globals"
  local team = require "cairn.team"

  help.topic("tools", "the guidebook tools by stage: tools(), tools \"prepare\", tools{full = true}")
  help.topic("run", "fill in a tool on the terminal: run \"five_whys\"")
  help.topic("resume", "continue a draft worksheet: resume(), resume(3)")
  help.topic("worksheets", "the saved worksheets: worksheets(), worksheets{tool = \"five_whys\"}")
  help.topic("team", "team self-assessments summarised like a survey (cairn.team)")

  help.register(globals.tools, "tools", "tools([filter]) -> list of tools\nThe guidebook tools on "
    .. "the search path, by stage. filter is text matched against the stage, framework, id or "
    .. "title: tools \"prepare\". Prints as a table fitted to the screen (the stage shrinks "
    .. "first); tools{full = true} (or tools{\"prepare\", full = true}) shows every title and "
    .. "stage whole. help(run) says how to fill one in.")
  help.register(globals.run, "run", "run(id [, answers | \"file.json\" [, opts]]) -> worksheet\n"
    .. "run \"five_whys\" asks the tool's questions on the terminal (back, review, skip; Ctrl-D "
    .. "keeps a draft). With answers (a table, or a JSON or Lua file) it validates and saves "
    .. "without asking.\nrun(\"project_plan\", {example = true}) starts from the guidebook's "
    .. "worked example, for training.")
  help.register(globals.resume, "resume", "resume([id]) -> worksheet\nContinue the latest draft "
    .. "worksheet, or worksheet id, where it was left: the answers so far are kept.")
  help.register(globals.worksheets, "worksheets", "worksheets([{tool =, status =}]) -> list\n"
    .. "Saved worksheets, newest first; prints as a table. worksheets{status = \"draft\"} lists "
    .. "the drafts resume() can continue.")

  help.register(tool, "tool", "cairn.tool: the engine that runs every guidebook tool "
    .. "(docs/tool-format.md). The globals tools, run, resume and worksheets call it.")
  help.module(tool, "tool", {
    load = "tool.load(id) -> tool definition\nFind tools/ID.lua on the search path (a district's "
      .. "copy wins) and check it.",
    load_answers = "tool.load_answers(path) -> answers\nRead an answers file (JSON or Lua).",
    list = "tool.list([filter]) -> list of tools, by stage (what tools() returns)",
    show = "tool.show(id) -> text\nThe tool's instructions and form, as `cairn tool show` prints.",
    describe_field = "tool.describe_field(field) -> text\nHow a form field is named in help.",
    wrap = "tool.wrap(text, width, indent) -> text wrapped at word boundaries",
    validate = "tool.validate(id, answers [, opts]) -> answers, warnings | nil, errors\n"
      .. "Check answers against the tool's form without saving.",
    save = "tool.save(tool_def, answers [, opts]) -> worksheet\nStore a worksheet and the plan "
      .. "content it writes, as one unit.",
    run = "tool.run(id [, answers [, opts]]) -> worksheet (what run() calls)",
    add_people = "tool.add_people(names)\nAdd the named people to the workspace if missing.",
    parse_path = "tool.parse_path(\"whys[2].evidence\") -> list of keys",
    open_worksheet = "tool.open_worksheet(id) -> worksheet",
    worksheets = "tool.worksheets([filter]) -> list (what worksheets() calls)",
    edit = "tool.edit(w [, changes [, opts]]) -> worksheet\nA new revision: on the terminal "
      .. "(review screen first), or CHANGES from Lua.",
    interactive = "tool.interactive(id [, opts]) -> worksheet\nAsk a tool's questions on the terminal.",
    resume = "tool.resume(id [, opts]) -> worksheet (what resume() calls)",
    layout = "tool.layout(w, doc)\nAdd a worksheet's report layout to a cairn.report document.",
    document = "tool.document(w [, opts]) -> report document of a worksheet",
    report = "tool.report(w, format [, opts]) -> path | nil (what w:report() calls)",
    check = "tool.check(db) -> problems (used by cairn check)",
    deep_copy = "tool.deep_copy(t) -> a copy of t and every table inside it",
    extend = "tool.extend(base_id, changes) -> tool definition\nA tool built on another: relabel, "
      .. "add, drop, limits, check, report (docs/tool-format.md, \"Extending a tool\").",
    candidates = "tool.candidates(id) -> paths\nEvery tools/ID.lua along the search path, the one "
      .. "used first, the built-in one last.",
    builtin_path = "tool.builtin_path(id) -> path | nil: the built-in scripts/tools/ID.lua",
    load_file = "tool.load_file(path, id) -> tool definition\nCompile and check one tool file "
      .. "(an extends = BASE is merged onto its base).",
    default_title = "tool.default_title(tool_def, answers) -> the title a new worksheet gets",
    file_stem = "tool.file_stem(w) -> \"fishbone-diagram-worksheet-31\": the one name a worksheet's "
      .. "files get (w:report, cairn tool report)",
  })

  help.module(tool.worksheet_class, "worksheet", {
    edit = "w:edit([changes [, opts]]) -> w\nWithout changes, walk the answers again on the "
      .. "terminal (review screen first); with changes ({field = value} or "
      .. "{[\"whys[2].evidence\"] = ...}) apply them. Saved as a new revision.",
    history = "w:history() -> revisions, oldest first\nWho changed what and when; prints as a table.",
    report = "w:report([format [, opts]]) -> path | nil\n\"text\" prints the worksheet; \"html\", "
      .. "\"md\", \"pdf\", ... write a file (opts.out) and return its path.",
    reload = "w:reload() -> w\nRead the worksheet again from the workspace.",
    tool_def = "w:tool_def() -> the tool definition this worksheet belongs to",
  }, ":")

  -- the few shared helpers the plan and report modules re-export
  local plan, report = require "cairn.plan", require "cairn.report"
  help.module(plan, "plan", {
    expected = "plan.expected(measure, date) -> the value the measure's targets expect on date",
    find_group = "plan.find_group(name_or_id) -> group | nil",
    today = "plan.today() -> today's date, YYYY-MM-DD (CAIRN_TODAY overrides it in tests)",
  })
  help.module(report, "report", {
    is_date = "report.is_date(s) -> true for a YYYY-MM-DD date",
    slug = "report.slug(text) -> a lowercase, hyphenated file-name part",
    format_name = "report.format_name(f) -> the format an alias or extension names (\"md\" -> \"markdown\")",
    produce = "report.produce(doc, tmp, format [, opts])\nWrite a document to tmp without "
      .. "renaming (the batch runner renames once every file is ready).",
  })

  help.register(team, "team", "cairn.team: team self-assessments (several members fill in the "
    .. "same tool with the same session) summarised like a survey, small groups suppressed.")
  help.module(team, "team", {
    tool = "team.tool(id) -> the tool declaration",
    sessions = "team.sessions(id) -> the session names of a tool's worksheets",
    worksheets = "team.worksheets(id, session) -> the worksheets of one session",
    wave_name = "team.wave_name(id, session) -> the survey wave name of a session",
    sync = "team.sync(id, session) -> wave name, worksheet count\n(Re)build the session's survey wave.",
    summary = "team.summary{tool =, session =} -> report document of a session",
  })
end
