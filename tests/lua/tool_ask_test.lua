-- The interactive asker, fed line by line (cairn.ask.feed): prompts with labels, help and
-- defaults; going back; skip; "add another row?" within limits; validation errors re-asked in
-- the tool's words; the review screen with editing by number; drafts and resuming; adding a
-- new person; w:edit() on the terminal; end of input saves nothing.
local t = require "tap"
dofile(os.getenv("CAIRN_TESTS") .. "/tool_engine/setup.lua")
local tool = require "cairn.tool"
local ask = require "cairn.ask"
local ws = require "cairn.workspace"
local plan = require "cairn.plan"
local db = ws.db()

-- Run FN with LINES as input; returns its result and the conversation as text.
local function converse(lines, fn)
  local out = {}
  local restore = ask.feed(lines, out)
  local ok, res = pcall(fn)
  restore()
  if not ok then error(res, 0) end
  return res, table.concat(out)
end

local function has(text, s, what)
  local found = text:find(s, 1, true) ~= nil
  t.ok(found, what)
  if not found then io.write("# looked for: ", s, "\n") end
end

-- ---- a whole run: back, skip, a bad date, a check error, review, edit by number, save ----
local w, text = converse({
  "Absence rose",              -- problem
  "Buses late", "",            -- 1. Why reason (long text ends with an empty line)
  "routes",                    -- 1. Why evidence
  "<",                         -- back to 1. Why evidence
  "Route logs",                -- ... re-answered
  "Drivers short", "",         -- 2. Why reason
  "skip",                      -- 2. Why evidence left empty
  "",                          -- 3. Why: empty ends the table
  "Driver shortage",           -- Root cause 1
  "n",                         -- prevents? no -> the tool's check refuses it
  "y",                         -- ... yes
  "y",                         -- add another root cause? yes
  "Low pay", "y",              -- Root cause 2
  "y",                         -- add another? yes
  "Morale", "y",               -- Root cause 3 (the maximum: no more offers)
  "Hire drivers",              -- Goal 1 goal
  "31/31/2027",                -- due: not a date
  "6/30/2027",                 -- ... fixed
  "y", "Post jobs", "$1,200",  -- a step
  "n",                         -- no more steps
  "n",                         -- no more goals
  "5",                         -- review: edit answer 5 (2. Why evidence)
  "HR data",
  "save",
}, function() return tool.run("engine_whys") end)
t.ok(w and w.id, "the conversation saved a worksheet")
has(text, "Problem Statement (one-sentence description of the problem): Absence rose\n",
  "a prompt with its label and short help, and the answer echoed")
has(text, "1. Why — Reason why problem is occurring (several lines; an empty line ends the answer): Buses late\n",
  "table rows prompt row by row with the row label")
has(text, "1. Why — How do we know? [routes]: Route logs\n", "going back shows the earlier answer as the default")
has(text, "3. Why — Reason why problem is occurring (several lines, then an empty line; empty now ends the table): \n",
  "an optional fixed row can end the table")
has(text, "  ! A root cause must prevent the problem if removed; otherwise it is not a\n  root cause.\n",
  "the tool's check error is shown at the prompt")
has(text, "Add another root cause? [y/N]: y\n", "add another row?")
t.ok(not text:find("Root cause 3 — Would removing it prevent the problem%? %[y/n%]: y\nAdd another root cause"),
  "no offer beyond max_rows")
has(text, "  ! '31/31/2027' is not a date (expected e.g. 6/15/2027, 6/15, 2027-06-15 or June 2027)\n",
  "a parse error is shown and the question asked again")
has(text, "Goal 1 › Due (e.g. 6/15/2027, 6/15, 2027-06-15 or June 2027): 6/30/2027\n  → 2027-06-30 (30 June 2027)\n", "group questions name the group instance")
has(text, "Goal 1 › Step 1 — Cost ($): $1,200\n", "nested table inside a group")
has(text, "   5  2. Why — How do we know?: \n", "the review screen numbers every answer")
has(text, "  Note: 2. Why — How do we know?: Each why needs evidence.\n", "warnings on the review screen")
has(text, "2. Why — How do we know?: HR data\n", "editing answer 5 from the review screen")
has(text, "Saved worksheet " .. w.id .. " (engine_whys), revision 1.\n", "saved")
t.same(w.answers, {
  problem = "Absence rose",
  whys = { { reason = "Buses late", evidence = "Route logs" }, { reason = "Drivers short", evidence = "HR data" } },
  causes = { { cause = "Driver shortage", prevents = true }, { cause = "Low pay", prevents = true },
             { cause = "Morale", prevents = true } },
  goals = { { goal = "Hire drivers", due = "2027-06-30", steps = { { step = "Post jobs", cost = 1200 } } } },
}, "the stored answers")

-- ---- quit with a draft, then resume where it stopped ----
local before = db:value("SELECT count(*) FROM worksheet")
local d
d, text = converse({ "Draft problem", "Reason one", "", "", "quit", "y" },
  function() return tool.run("engine_whys") end)
t.is(d.status, "draft", "quit offers a draft")
has(text, "Save a draft before you go? [Y/n] y\nSaved a draft: worksheet " .. d.id .. ". resume(" .. d.id .. ") continues it.\n",
  "and says how to resume")
t.is(d.position, "field:whys[2].reason", "the draft remembers where it stopped")
t.is(db:value("SELECT count(*) FROM worksheet"), before + 1, "one worksheet stored")

local r
r, text = converse({ "y", "Reason two", "", "ev", "", "Cause", "y", "n", "Goal", "", "n", "n", "save" },
  function() return tool.run("engine_whys") end)
has(text, "There is a draft of engine_whys: worksheet " .. d.id .. ", \"Draft problem\"", "run offers the latest draft")
t.ok(text:find("Resume it%? %[Y/n%] y\n\nTest Whys: worksheet %d+, \"Draft problem\"\n2%. Why — Reason"),
  "and resumes at the question where it stopped")
t.is(r.id, d.id, "the same worksheet")
t.is(r.status, "final", "now final")
t.is(r.revisions, 2, "with a second revision")
t.is(r.answers.whys[2].reason, "Reason two", "answers from both sittings")
t.is(r.answers.whys[1].reason, "Reason one", "kept from the draft")
t.is(r:history()[2].summary:match("saved as final$"), "saved as final", "the revision says it became final")

-- ---- the quit without saving, and end of input ----
local n = db:value("SELECT count(*) FROM worksheet")
local q
q, text = converse({ "Something", "quit", "n" }, function() return tool.run("engine_whys") end)
t.is(q, nil, "quit without a draft returns nothing")
has(text, "Nothing was saved.", "and says so")
t.is(db:value("SELECT count(*) FROM worksheet"), n, "quit and No keeps nothing")

-- ---- leaving any other way keeps the draft (autosaved after every answer) ----
local function latest() return db:one("SELECT id, status, answers FROM worksheet ORDER BY id DESC LIMIT 1") end
q, text = converse({ "A problem", "why" }, function() return tool.run("engine_whys") end)
t.is(q, nil, "end of input returns nothing")
local kept = latest()
has(text, "Your answers are kept as draft worksheet " .. kept.id .. ": resume(" .. kept.id
  .. ") continues it.", "end of input keeps the draft and says how to resume it")
t.is(db:value("SELECT count(*) FROM worksheet"), n + 1, "one draft kept")
t.ok(kept.status == "draft" and kept.answers:find("A problem", 1, true), "holding every answer given")
t.is(db:value("SELECT count(*) FROM worksheet_revision WHERE worksheet = ?", kept.id), 0,
  "autosaves add no revisions")
db:exec("DELETE FROM worksheet WHERE id = ?", kept.id)

q, text = converse({ "Ctrl-C twice", ask.interrupt, ask.interrupt },
  function() return tool.run("engine_whys") end)
kept = latest()
has(text, "Save a draft before you go? [Y/n] \n", "the first Ctrl-C offers a draft")
has(text, "Your answers are kept as draft worksheet " .. kept.id, "the second Ctrl-C keeps it")
t.ok(kept.status == "draft" and kept.answers:find("Ctrl-C twice", 1, true), "with its answers")
db:exec("DELETE FROM worksheet WHERE id = ?", kept.id)

q, text = converse({ "Then an error" }, function()
  local real = ask.line
  local calls = 0
  ask.line = function(...)
    calls = calls + 1
    if calls == 2 then error("the terminal went away", 0) end
    return real(...)
  end
  local ok, err = pcall(tool.run, "engine_whys")
  ask.line = real
  return { ok = ok, err = err }
end)
kept = latest()
t.ok(not q.ok and q.err == "the terminal went away", "an error still propagates")
has(text, "your answers are kept as draft worksheet " .. kept.id .. ": resume(" .. kept.id .. ")",
  "after saying the draft is kept")
t.ok(kept.answers:find("Then an error", 1, true), "and it is")
db:exec("DELETE FROM worksheet WHERE id = ?", kept.id)

-- ---- help, review from a prompt, and the field types ----
plan.person { name = "Ana Ruiz" }
local f
f, text = converse({
  "?",                     -- help
  "Team A",                -- name
  "Line one", "Line two", "",  -- notes (long text)
  "abc", "7",              -- count: error, then 7
  "$2,500",                -- budget
  "",                      -- due: keep the default
  "y",                     -- ready
  "3",                     -- colour: by number
  "rules, 4",              -- four R's
  "Bo Chen", "y",          -- owner: unknown person, add
  "review",                -- jump to the review screen
  "10",                    -- edit answer 10 (agreement)
  "2",
  "save",
}, function() return tool.run("engine_fields", nil, { title = "Field test" }) end)
has(text, "Name\n    (one line)\n    Answer: text, required\n", "? explains the question")
has(text, "  ! 'abc' is not a number\n", "a wrong number is refused")
has(text, "Due date (e.g. 6/15/2027, 6/15, 2027-06-15 or June 2027) [30 June 2026]: \n", "the default is shown")
has(text, "    1) Red 2) Green 3) Deep blue\n", "choices are listed")
has(text, "'Bo Chen' is not in the workspace yet. Add them as a new person? [y/N] y\n", "a new person may be added")
t.is(f.title, "Field test", "the title option")
t.same(f.answers, { name = "Team A", notes = "Line one\nLine two", count = 7, budget = 2500, due = "2026-06-30",
  ready = true, color = "blue", rs = { "Rules", "Resources" }, owner = "Bo Chen", agree = 2 },
  "every field type stored")
t.ok(plan.find_person("Bo Chen"), "the new person is in the plan model")

-- ---- w:edit() on the terminal ----
local e
e, text = converse({ "1", "Absence rose sharply", "save" }, function() return w:edit() end)
has(text, "Review: Test Whys\n   1  Problem Statement: Absence rose\n", "edit opens on the review screen")
t.is(e.revisions, 2, "editing saves a new revision")
t.is(w.answers.problem, "Absence rose sharply", "the worksheet object is updated")
t.is(w:history()[2].summary, "changed problem", "the revision says what changed")

-- back at a review screen opened directly (w:edit) returns to the last question; adding a row from the review
e, text = converse({ "back", "", "17", "y", "Cut steps", "", "save" }, function() return w:edit() end)
has(text, "review> back\nAdd another goal? [y/N]: \n", "back from the review goes to the last question")
has(text, "review> 17\nGoal 1 › Add another step? [y/N]: y\nGoal 1 › Step 2 — Action step: Cut steps\n"
  .. "Goal 1 › Step 2 — Cost ($): \n\nReview: ",
  "adding a row from the review asks its questions, then returns to the review (max 2 steps: no more offers)")
t.same(w.answers.goals[1].steps[2], { step = "Cut steps" }, "a row added from the review screen")

-- review typed at a question, then back: the question the review was entered from
local _
_, text = converse({ "Absence rose", "Buses", "", "logs", "review", "back", "quit", "n" },
  function() return tool.run("engine_whys", nil, { new = true }) end)
has(text, "review> back\n2. Why — Reason why problem is occurring (several lines; an empty line ends the answer): quit\n",
  "back from a review typed at a question returns to that question, not to the end of the form")
_, text = converse({ "Absence rose", "Buses", "", "logs", "Drivers", "", "", "", "Pay", "y", "review", "1",
  "Absence rose again", "back", "quit", "n" },
  function() return tool.run("engine_whys", nil, { new = true }) end)
has(text, "review> back\nProblem Statement (one-sentence description of the problem) [Absence rose again]: quit\n",
  "after changing an answer by number, back returns to that answer")

-- no root cause yet: the first one added is row 1, and no empty row is left on the review
local rc
rc, text = converse({ "Absence rose", "Buses", "", "logs", "Drivers", "", "hr", "",
  "skip", "skip",          -- Root cause 1 left empty
  "y",                     -- Add a root cause?
  "Pay", "y",              -- ... asked as Root cause 1 again
  "n",                     -- no more root causes
  "Hire", "", "n", "n",    -- a goal, no date, no steps, no more goals
  "save" }, function() return tool.run("engine_whys", nil, { new = true }) end)
has(text, "Add a root cause? [y/N]: y\nRoot cause 1: Pay\n",
  "with no root cause yet, the offer says a (not another) and asks Root cause 1 again")
t.ok(not text:find("Root cause 2", 1, true), "no Root cause 2 anywhere")
has(text, "   7  Root cause 1: Pay\n   8  Root cause 1 — Would removing it prevent the problem?: Yes\n   9  Goal 1 › Goal: Hire",
  "the review lists one root cause, with no empty row before it")
t.same(rc and rc.answers.causes, { { cause = "Pay", prevents = true } }, "and the worksheet stores it as row 1")

-- a row left empty in the middle is dropped when the next is added, and on the review
rc, text = converse({ "Absence rose", "Buses", "", "logs", "Drivers", "", "hr", "",
  "Pay", "y", "y",         -- Root cause 1, add another
  "skip", "skip", "y",     -- Root cause 2 left empty, add another
  "Morale", "y", "n",      -- asked as Root cause 2
  "Hire", "", "n", "n", "save" }, function() return tool.run("engine_whys", nil, { new = true }) end)
has(text, "Add another root cause? [y/N]: y\nRoot cause 2: Morale\n", "the empty row 2 is replaced, not skipped")
t.ok(not text:find("Root cause 3", 1, true), "no Root cause 3")
t.same(rc and rc.answers.causes, { { cause = "Pay", prevents = true }, { cause = "Morale", prevents = true } },
  "two root causes stored")

-- answers the tool no longer asks for (a district edited the tool) are dropped on edit, with a note
db:exec([[UPDATE worksheet SET answers = json_set(answers, '$.old_field', 'x', '$.causes[0].old_col', 'y')
          WHERE id = ?]], w.id)
w:reload()
e, text = converse({ "save" }, function() return w:edit() end)
has((text:gsub("%s+", " ")), "(the tool no longer asks for these answers; saving leaves them out: causes[1].old_col, old_field)",
  "edit says which stored answers the tool no longer asks for")
t.ok(e and e.answers.old_field == nil and e.answers.causes[1].old_col == nil and e.answers.causes[1].cause == "Driver shortage",
  "and saves without them, keeping the rest")

t.done()
