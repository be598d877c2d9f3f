-- cairn.text: aligned tables (and fitting them to a terminal), clipping, CSV fields.
local t = require "tap"
local text = require "cairn.text"

local cols = { "id", "plan", "text", "n" }
local rows = { { 1, "District Action Plan 2026-27", "Launch an attendance team at every school", 3 } }
t.is(text.table(cols, rows), table.concat({
  "id  plan                          text                                       n",
  "--  ----------------------------  -----------------------------------------  -",
  " 1  District Action Plan 2026-27  Launch an attendance team at every school  3",
  "(1 row)", "" }, "\n"), "a table keeps full cells without a width")
local fitted = text.table(cols, rows, { max_width = 40 })
local widest = 0
for l in fitted:gmatch("[^\n]+") do widest = math.max(widest, text.width(l)) end
t.ok(widest <= 40, "max_width: no line is wider than the terminal (" .. widest .. ")")
t.ok(fitted:find("Launch …", 1, true) and fitted:find("District Action Plan 2…", 1, true),
  "the widest text columns are cut with an ellipsis")
t.ok(fitted:find(" 1  ", 1, true) and fitted:find("  3\n", 1, true), "numbers are never cut")
-- too many short columns (dates, statuses) to fit: one block per row, values whole and wrapped
local short_cols = { "id", "due", "status", "owner", "text" }
local short_rows = { { 14, "2026-10-31", "not started", "Ana Ruiz", "Launch an attendance team at every school" } }
t.is(text.table(short_cols, short_rows, { max_width = 30 }), table.concat({
  "-[ 1 ]" .. string.rep("-", 22),
  "id      14",
  "due     2026-10-31",
  "status  not started",
  "owner   Ana Ruiz",
  "text    Launch an attendance",
  "        team at every school",
  "(1 row)", "" }, "\n"), "a table that cannot fit even with its text cut becomes one block per row")
t.ok(not text.table(short_cols, short_rows, { max_width = 80 }):find("-[ 1 ]", 1, true),
  "a table that fits stays a table")
t.is(text.clip("a  b\nc", 10), "a b c", "clip puts text on one line")
t.is(text.clip("Größenwahn und mehr", 6), "Größe…", "clip counts characters, not bytes")
t.is(text.clip(nil, 5), nil, "clip of nil")
t.is(text.csv_field('say "hi", then go'), '"say ""hi"", then go"', "CSV quoting")
t.done()
