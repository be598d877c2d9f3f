-- The tool engine's field types: cairn.date, and every type's parsing and its errors.
local t = require "tap"
dofile(os.getenv("CAIRN_TESTS") .. "/tool_engine/setup.lua")
local date = require "cairn.date"
local tool = require "cairn.tool"
local form = tool.form

-- ---- cairn.date ----
t.is(date.parse("2026-11-30"), "2026-11-30", "ISO date")
t.is(date.parse("11/30/2026"), "2026-11-30", "US month/day/year")
t.is(date.parse("1/5/2027"), "2027-01-05", "single-digit month and day")
t.is(date.parse("30 Nov 2026"), "2026-11-30", "day month-abbreviation year")
t.is(date.parse("30 November 2026"), "2026-11-30", "day month year")
t.is(date.parse("Nov 30, 2026"), "2026-11-30", "month day, year")
t.is(date.parse("  2026/11/30 "), "2026-11-30", "slashes and spaces")
t.is(date.parse("2028-02-29"), "2028-02-29", "leap day in a leap year")
local d, err = date.parse("2026-02-29")
t.is(d, nil, "29 February 2026 is refused")
t.is(err, "'2026-02-29' is not a real date (February 2026 has 28 days)", "and says why")
d, err = date.parse("31/31/2026")
t.ok(err:find("^'31/31/2026' is not a date %(") and err:find("expected YYYY%-MM%-DD"), "month 31: " .. err)
_, err = date.parse("30 Novembre 2026")
t.ok(err:find("unknown month 'Novembre'"), "unknown month named")
_, err = date.parse("11/30/26")
t.ok(err:find("is not a date"), "two-digit years are refused")
t.is(date.parse("1900-02-29"), nil, "1900 was not a leap year")
t.is(date.parse("2000-02-29"), "2000-02-29", "2000 was")
t.is(date.add_days("2026-12-30", 3), "2027-01-02", "add_days over a year end")
t.is(date.add_days("2028-03-01", -1), "2028-02-29", "add_days backwards into a leap day")
t.is(date.days_between("2026-09-01", "2027-06-30"), 302, "days_between")
t.is(date.format("2026-11-30"), "30 November 2026", "format long")
t.is(date.format("2026-11-30", "short"), "30 Nov 2026", "format short")
t.ok(date.is_iso("2026-11-30") and not date.is_iso("2026-11-31") and not date.is_iso("11/30/2026"), "is_iso")
t.ok(date.today():match("^%d%d%d%d%-%d%d%-%d%d$"), "today is ISO")

-- ---- field parsing ----
local T = tool.load("engine_fields")
local F = {}
for _, el in ipairs(T.form) do if el.id then F[el.id] = el end end
local function c(id, v) return form.coerce(F[id], v, {}) end

t.is(c("name", "  Ana  "), "Ana", "text is trimmed")
t.is(select(2, c("name", "a\nb")), "expected one line of text", "text is one line")
t.is(c("notes", "line 1\r\nline 2\n"), "line 1\nline 2", "longtext keeps lines, CRLF normalised")
t.is(c("name", ""), nil, "empty text is no answer")
t.is(c("count", "12"), 12, "number from text")
t.is(math.type(c("count", "12")), "integer", "whole numbers stay integers")
t.is(c("count", "2.5"), 2.5, "decimal number")
t.is(c("count", 7), 7, "number from a number")
t.is(select(2, c("count", "twelve")), "'twelve' is not a number", "not a number")
t.is(select(2, c("count", "101")), "101 is more than the maximum, 100", "number max")
t.is(select(2, c("count", "-1")), "-1 is less than the minimum, 0", "number min")
t.is(c("budget", "$1,200"), 1200, "money $1,200")
t.is(c("budget", "1,200.50"), 1200.5, "money with cents")
t.is(c("budget", "$ 12,345,678"), 12345678, "money with millions")
t.is(c("budget", 99.5), 99.5, "money from a number")
t.ok(select(2, c("budget", "1,20")):find("is not an amount of money"), "misplaced thousands separator")
t.ok(select(2, c("budget", "lots")):find("'lots' is not an amount of money"), "not money")
t.is(c("due", "11/30/2026"), "2026-11-30", "date stored ISO")
t.ok(select(2, c("due", "2026-13-01")):find("is not a date"), "date with month 13")
t.is(c("ready", "y"), true, "yes/no: y")
t.is(c("ready", "NO"), false, "yes/no: NO")
t.is(c("ready", "true"), true, "yes/no: true")
t.is(c("ready", false), false, "yes/no: boolean false is an answer")
t.ok(select(2, c("ready", "maybe")):find("'maybe' is not yes or no"), "yes/no error")
t.is(c("color", "green"), "Green", "choice by name, any case")
t.is(c("color", "Deep blue"), "blue", "choice by label gives the value")
t.is(c("color", "2"), "Green", "choice by number")
t.is(select(2, c("color", "Purple")), "'Purple' is not one of the choices (Red, Green, Deep blue)",
  "choice error lists the choices")
t.same(c("rs", "resources, Rules"), { "Rules", "Resources" }, "multichoice from text, in form order")
t.same(c("rs", { "Roles", 1, "Roles" }), { "Rules", "Roles" }, "multichoice from a list, deduplicated")
t.same(c("rs", "1;4"), { "Rules", "Resources" }, "multichoice by numbers")
t.ok(select(2, c("rs", "Rules, Rulers")):find("'Rulers' is not one of the choices"), "multichoice error")
t.is(c("agree", "4"), 4, "scale by number")
t.is(c("agree", "strongly agree"), #F.agree.levels, "scale by label (levels from the survey scale: " .. table.concat(F.agree.levels, ", ") .. ")")
t.is(c("rating", "Needs Work"), 3, "scale from a list")
t.ok(select(2, c("rating", 4)):find("4 is not a level of the scale %(1 to 3: Strong, Adequate, Needs Work%)"),
  "scale out of range")
t.is(F.due.default, "2026-06-30", "a default is stored in its parsed form")

-- ---- people ----
local plan = require "cairn.plan"
local _, perr = c("owner", "J. Smith")
t.is(perr, "unknown person 'J. Smith' (there are no people in the workspace yet)", "no people yet")
plan.person { name = "Ana Ruiz", role = "Principal" }
plan.person { name = "Lee Park", role = "Teacher" }
t.is(form.coerce(F.owner, "ana  ruiz", {}), "Ana Ruiz", "a person's name as the workspace spells it")
local _, perr2, code = form.coerce(F.owner, "J. Smith", {})
t.is(perr2, "unknown person 'J. Smith' (known: Ana Ruiz, Lee Park)", "unknown person lists who is known")
t.is(code, "unknown_person", "with a code the interactive asker uses to offer adding them")
t.is(form.coerce(F.owner, "J. Smith", { new_people = { ["j. smith"] = true } }), "J. Smith",
  "a name being added is accepted")

-- add_people: unknown names become people instead of errors
t.raises(function() tool.run("engine_fields", { name = "X", owner = "Dee Flores" }) end,
  "owner: unknown person 'Dee Flores' %(known: Ana Ruiz, Lee Park%)", "an unknown owner is refused by default")
local w = tool.run("engine_fields", { name = "X", owner = "  Dee   Flores " }, { add_people = true, quiet = true })
t.same(w.added_people, { "Dee Flores" }, "with add_people the name is added")
t.is(w.answers.owner, "Dee Flores", "and stored as added")
t.ok(plan.find_person("Dee Flores"), "the plan model has the new person")

-- people: several names (a task's leads); one name alone, as a single `person` field stored it
local leads = { id = "leads", type = "people", label = "Leads" }
t.same(form.coerce(leads, "ana ruiz, Lee Park", {}), { "Ana Ruiz", "Lee Park" }, "people: names separated by commas")
t.same(form.coerce(leads, "Lee Park and Ana Ruiz; lee park", {}), { "Lee Park", "Ana Ruiz" },
  "people: 'and' and ';' separate, a name twice is kept once")
t.same(form.coerce(leads, "Ana Ruiz", {}), { "Ana Ruiz" }, "people: one name (an old single-lead answer) is a list of one")
t.same(form.coerce(leads, { "Lee Park" }, {}), { "Lee Park" }, "people: a list")
local _, lerr, lcode, lname = form.coerce(leads, "Ana Ruiz, J. Smith", {})
t.is(lerr, "unknown person 'J. Smith' (known: Ana Ruiz, Dee Flores, Lee Park)", "people: an unknown name is named")
t.is(lcode .. "/" .. lname, "unknown_person/J. Smith", "people: the unknown name is returned for adding")

-- suggestions: any text, a suggestion's number or words give it as written
local freq = { id = "frequency", type = "text", label = "Frequency", suggestions = { "Weekly", "Monthly" } }
t.is(form.coerce(freq, "monthly", {}), "Monthly", "suggestions: words in any case give the suggestion")
t.is(form.coerce(freq, "2", {}), "Monthly", "suggestions: a number gives that suggestion")
t.is(form.coerce(freq, "First Monday of the month", {}), "First Monday of the month", "suggestions: own words kept")
t.is(form.coerce(freq, "7", {}), "7", "suggestions: a number beyond them is text")

t.done()
