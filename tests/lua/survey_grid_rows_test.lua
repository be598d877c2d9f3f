-- core.grid_rows (rows added one at a time, kept as text in C) writes exactly what core.grid
-- writes for the same rows: integers, floats (2.0 shown as 2 but measured as "2.0"), empty
-- strings and nils, UTF-8 and bytes that are not, tabs and line breaks, trailing spaces, and
-- columns no row uses.
local t = require "tap"
local core = require "cairn.surveycore"

local columns = { { "group" }, { "n", "right" }, { "unused", "right" }, { "école" }, { "note" } }
local rows = {
  { "Adams / Teacher", 12, nil, "Q1", "fine" },
  { nil, 2.0, nil, "", "a\ttab and\nnewline" },
  { "Ünïcode", 3.25, nil, "Q10", "trailing   " },
  { "bytes \xff\xfe", -0.5, nil, nil, nil },
  { "", 1e20, nil, "Q2", "" },
  { nil, nil, nil, nil, nil },
  { "x", 123456789012, nil, true, 0.1 + 0.2 },
}
local g = core.grid_rows(columns)
for _, r in ipairs(rows) do g:add(r[1], r[2], r[3], r[4], r[5]) end
t.is(g:text(), core.grid(columns, rows), "grid_rows:text() is core.grid's text")

local empty = core.grid_rows(columns)
t.is(empty:text(), core.grid(columns, {}), "no rows: the header and rule alone, as core.grid")

local many, list = core.grid_rows(columns), {}
for i = 1, 5000 do
  local r = { i % 7 == 0 and ("group " .. i) or nil, i * 3, nil, "Q" .. (i % 40), (i % 3 == 0) and (i / 7) or nil }
  list[i] = r
  many:add(r[1], r[2], r[3], r[4], r[5])
end
t.is(many:text(), core.grid(columns, list), "5,000 rows (the buffer grows): the same text")
t.done()
