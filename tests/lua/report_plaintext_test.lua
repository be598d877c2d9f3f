-- The terminal renderer shows paragraph and callout Markdown as readable plain text.
local t = require "tap"
local report = require "cairn.report"

local function text(build, width)
  local d = report.new { title = "x", theme = {} }
  build(d)
  local out = d:render("text", { width = width })
  return (out:gsub("^x\n=\n\n", ""))
end

t.is(text(function(d) d:paragraph("**bold**, *Process* and _under_ ~~old~~ `code`") end),
  "bold, Process and under old code\n", "emphasis, strike-through and code markers are removed")
t.is(text(function(d) d:paragraph("See [the plan](http://x.org/plan) or <https://x.org>.") end),
  "See the plan (http://x.org/plan) or https://x.org.\n", "a link reads text (url); an autolink its url once")
t.is(text(function(d) d:paragraph("Visit www.example.org today") end),
  "Visit www.example.org today\n", "a bare www address is not repeated")
t.is(text(function(d) d:paragraph("![Logo](http://x/logo.png) &amp; a < b, <b>raw</b>") end),
  "Logo & a < b, <b>raw</b>\n", "an image shows its alt text; entities decoded; raw HTML shown as typed")
t.is(text(function(d) d:paragraph("one\ntwo  \nthree") end),
  "one\ntwo\nthree\n", "line breaks are kept")
t.is(text(function(d) d:paragraph("Intro:\n\n- one\n- **two**\n  1. nested\n  2. more\n\nAfter.") end),
  "Intro:\n\n- one\n- two\n  1. nested\n  2. more\n\nAfter.\n", "lists keep markers and nesting; paragraphs a blank line")
t.is(text(function(d) d:paragraph("9. nine\n10. ten") end),
  " 9. nine\n10. ten\n", "numbered items line up")
t.is(text(function(d) d:paragraph("> quoted *words*\n\n    code  **kept**") end),
  "> quoted words\n\n    code  **kept**\n", "quotes keep a marker; code blocks keep their text")
t.is(text(function(d)
  d:paragraph("- a list item that is long enough to wrap at forty columns, *really*")
end, 40), "- a list item that is long enough to\n  wrap at forty columns, really\n",
  "list items wrap under their text, to the width")
t.is(text(function(d) d:callout("warning", "Check *this* [now](https://x.org/a)") end),
  "! Warning: Check this now (https://x.org/a)\n", "callout text is Markdown too")
t.is(text(function(d) d:callout("note", "**First**\n\nSecond", { title = "T" }) end),
  "i Note: T\n  First\n\n  Second\n", "a titled callout indents its Markdown")
t.is(text(function(d) d:paragraph("\27[31m*red*") end), "?[31mred\n", "control characters still cannot reach the terminal")

-- ---- progress and bar labels: one label column, long labels cut with an ellipsis -------------
local function bar_lines(kind, width)
  local d = report.new { title = "x", theme = {} }
  local data = {
    { label = "Short", actual = 3, target = 10, value = 3 },
    { label = "A very long benchmark label that keeps going on and on", actual = 5, target = 10, value = 5 },
    { label = "Médio", actual = 9, target = 10, value = 9 },
  }
  d:chart { kind = kind, title = "P", data = data }
  local lines = {}
  for l in d:render("text", { width = width }):gmatch("[^\n]+") do
    if l:find(kind == "progress" and "%[[#.]+%]" or "  #+") then lines[#lines + 1] = l end
  end
  return lines
end
for _, width in ipairs { 80, 40 } do
  local p = bar_lines("progress", width)
  t.is(#p, 3, "three progress lines at width " .. width)
  local cols = {}
  for i, l in ipairs(p) do cols[i] = utf8.len(l:sub(1, l:find("[", 1, true))) end
  t.ok(cols[1] == cols[2] and cols[2] == cols[3], "progress bars start in one column at width " .. width)
  t.ok(p[2]:find("\u{2026}  %[") and not p[2]:find("keeps going on and on", 1, true),
    "a long progress label is cut with an ellipsis at width " .. width)
  for _, l in ipairs(p) do t.ok(utf8.len(l) <= width, "progress line fits " .. width .. ": " .. l) end
  local b = bar_lines("bar", width)
  local bc = {}
  for i, l in ipairs(b) do bc[i] = utf8.len(l:sub(1, l:find("#", 1, true))) end
  t.ok(#b == 3 and bc[1] == bc[2] and bc[2] == bc[3] and b[2]:find("\u{2026}  #"),
    "bar chart labels share the column and are cut with an ellipsis at width " .. width)
end
t.is(bar_lines("progress", 80)[1]:match("^  Short +%["), "  Short                     [",
  "the label column is at most 24 columns at width 80")
t.done()
