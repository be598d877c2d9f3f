-- Logic-model SVG: header boxes are sized from their text (bold capitals measured as such),
-- long headers wrap at spaces and after "/" or "-", and every header box has one height.
local t = require "tap"
local report = require "cairn.report"

local function svg_of(columns)
  local d = report.new { title = "x", theme = {} }
  d:chart { kind = "logic_model", title = "Logic model", columns = columns }
  return d:render("html"):match("<svg.-</svg>")
end

-- the headers: { width =, height =, y =, lines = {...} }, in order
local function headers(svg)
  local out = {}
  for w, h, text in svg:gmatch('<rect x="[%d.]+" y="[%d.]+" width="([%d.]+)" height="([%d.]+)" rx="4" fill="#0072B2"/>(<text.-</text>)') do
    local lines = {}
    local body = text:gsub("<title>.-</title>", "")
    if body:find("<tspan", 1, true) then
      for l in body:gmatch("<tspan[^>]*>(.-)</tspan>") do lines[#lines + 1] = l end
    else
      lines[1] = body:match(">(.-)</text>")
    end
    out[#out + 1] = { width = tonumber(w), height = tonumber(h), lines = lines, text = text }
  end
  return out
end

-- a bold capital at 12px is about 8.6px wide (Arial Bold: 0.72 em): what must fit a box
local function fits(line, width)
  return utf8.len(line) * 0.72 * 12 <= width - 8
end

local cols = {
  { label = "INPUTS/RESOURCES", items = { "Attendance coordinator (0.5 FTE)" } },
  { label = "ACTIVITIES", items = { "Daily check-ins" } },
  { label = "OUTPUTS", items = { "Check-in protocol" } },
  { label = "SHORT-TERM OUTCOMES", items = { "First-period absences fall" } },
  { label = "IMPACT", items = { "More ninth graders graduate" } },
}
local hs = headers(svg_of(cols))
t.is(#hs, 5, "five header boxes")
for i, h in ipairs(hs) do
  for _, l in ipairs(h.lines) do
    t.ok(fits(l, h.width), string.format("header %d line %q fits its %.0f-wide box", i, l, h.width))
  end
end
t.same(hs[1].lines, { "INPUTS/", "RESOURCES" }, "INPUTS/RESOURCES wraps after the slash")
t.same(hs[4].lines, { "SHORT-TERM", "OUTCOMES" }, "a two-word header wraps at the space")
t.same(hs[2].lines, { "ACTIVITIES" }, "a short header stays on one line")
local same = true
for _, h in ipairs(hs) do same = same and h.height == hs[1].height end
t.ok(same and hs[1].height >= 2 * 15, "every header box has the height of the tallest (two lines)")

-- a header word too long for the default column widens every column
local wide = headers(svg_of {
  { label = "ORGANIZATIONAL/INFRASTRUCTURAL", items = { "a" } }, { label = "B", items = { "b" } },
  { label = "C", items = { "c" } }, { label = "D", items = { "d" } }, { label = "E", items = { "e" } },
})
t.ok(wide[1].width > 120, "a long unbreakable header piece widens the columns")
for _, l in ipairs(wide[1].lines) do t.ok(fits(l, wide[1].width), "widened header line " .. l .. " fits") end

-- more than four lines: cut with an ellipsis, the whole text kept as a tooltip
local long = headers(svg_of {
  { label = "ONE TWO THREE FOUR FIVE SIX SEVEN EIGHT NINE TEN ELEVEN TWELVE", items = { "a" } },
  { label = "B", items = { "b" } }, { label = "C", items = { "c" } }, { label = "D", items = { "d" } },
  { label = "E", items = { "e" } },
})
t.ok(#long[1].lines == 4 and long[1].lines[4]:find("\u{2026}$"), "a very long header is cut after four lines")
t.ok(long[1].text:find("<title>ONE TWO THREE", 1, true), "the cut header keeps its full text as a title")
t.done()
