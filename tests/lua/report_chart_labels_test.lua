-- Charts never cut their own labels (issue 12, "Reports that fit every page"): fishbone bone
-- heads and causes, Likert item labels, bar and timeline labels wrap onto several lines and the
-- chart grows to hold them; a segment number too wide for its segment moves below the bar, and
-- no two numbers overlap. The fishbone highlights the same cause as its "Pareto focus" box.
-- Goldens: tests/report_html/golden/labels-*.svg (UPDATE=1 rewrites them; review the diff).
local t = require "tap"
local report = require "cairn.report"
local json = require "cairn.json"

local TESTS = os.getenv("CAIRN_TESTS")

local function svg_of(spec)
  local d = report.new { title = "Labels", theme = {} }
  d:chart(spec)
  return d:render("html"):match("<svg.-</svg>")
end

local function size(svg)
  local w, h = svg:match('viewBox="0 0 (%d+) (%d+)"')
  return tonumber(w), tonumber(h)
end

-- Width of text at 12px in a sans-serif, glyph by glyph (an estimate independent of the
-- renderer's own: digits 0.56 em, "%" 0.89 em, capitals 0.7 em, other letters 0.55 em).
local function text_width(s)
  local w = 0
  for _, c in utf8.codes(s) do
    local ch = utf8.char(c)
    if ch:find("%d") then w = w + 0.56
    elseif ch == "%" then w = w + 0.89
    elseif ch:find("[%s%.,;:'()]") then w = w + 0.28
    elseif ch:find("%u") then w = w + 0.7
    else w = w + 0.55 end
  end
  return w * 12
end

-- Every <text> as { x =, y =, anchor =, lines = {...}, box = {x0, y0, x1, y1} }.
local function texts(svg)
  local out = {}
  for attrs, body in svg:gmatch("<text ([^>]*)>(.-)</text>") do
    local x, y = tonumber(attrs:match('x="([%d.%-]+)"')), tonumber(attrs:match('y="([%d.%-]+)"'))
    local anchor = attrs:match('text%-anchor="(%a+)"') or "start"
    local lines = {}
    body = body:gsub("<title>.-</title>", "")
    if body:find("<tspan", 1, true) then
      for l in body:gmatch("<tspan[^>]*>(.-)</tspan>") do lines[#lines + 1] = l end
    else
      lines[1] = body
    end
    local w = 0
    for _, l in ipairs(lines) do w = math.max(w, text_width((l:gsub("&#39;", "'"):gsub("&amp;", "&")))) end
    local x0 = anchor == "middle" and x - w / 2 or anchor == "end" and x - w or x
    out[#out + 1] = { x = x, y = y, anchor = anchor, lines = lines,
      box = { x0, y - 11, x0 + w, y - 11 + 15 * #lines } }
  end
  return out
end

local function overlap(a, b)
  return a.box[1] < b.box[3] and b.box[1] < a.box[3] and a.box[2] < b.box[4] and b.box[2] < a.box[4]
end

local function no_cut(svg, what)
  t.ok(not svg:find("\u{2026}", 1, true), what .. ": no label is cut with an ellipsis")
  t.ok(not svg:find("<text[^>]*><title>"), what .. ": no label needs its full text as a tooltip")
end

local function inside_viewbox(svg, what)
  local w, h = size(svg)
  local bad = {}
  for _, x in ipairs(texts(svg)) do
    if x.box[1] < -1 or x.box[3] > w + 1 or x.box[2] < -1 or x.box[4] > h + 4 then
      bad[#bad + 1] = table.concat(x.lines, " ")
    end
  end
  t.is(table.concat(bad, "; "), "", what .. ": every label is inside the chart")
end

-- ---- fishbone: long bone heads and causes -------------------------------------------------
local long_fish = {
  kind = "fishbone", title = "Why is ninth-grade absence rising?", problem = "Ninth-grade chronic absenteeism is 21%",
  data = {
    { category = "Late buses on the merged routes through the east side", rank = 1,
      causes = { "Buses on routes 7 and 12 arrive after the first bell every Monday",
                 "The routes were merged and now run 25 minutes longer" } },
    { category = "No adult check-in for ninth graders who miss school", rank = 2, focus = true,
      causes = { "Absences are only seen by the attendance office",
                 "No shared attendance team brings counselors, advisors and the association together" } },
    { category = "Students feel disconnected after the move from middle school", rank = 3,
      causes = { "Few clubs meet before first period" } },
    { category = "Families do not receive absence notices in their language", rank = 4,
      causes = { "Notices go out only in English and Spanish" } },
  } }
local fish = svg_of(long_fish)
t.golden(fish .. "\n", "report_html/golden/labels-fishbone.svg", "golden: fishbone with long labels")
no_cut(fish, "fishbone")
inside_viewbox(fish, "fishbone")
t.ok(fish:find(">Late buses on the merged routes through the</tspan>", 1, true) and fish:find(">east side (rank 1)</tspan>", 1, true),
  "a long bone head wraps onto a second line")
local heads = {}
for _, x in ipairs(texts(fish)) do
  if x.anchor == "middle" and table.concat(x.lines, " "):find("%(rank %d%)$") then heads[#heads + 1] = x end
end
t.is(#heads, 4, "four bone heads")
local clash = {}
for i = 1, #heads do for j = i + 1, #heads do
  if overlap(heads[i], heads[j]) then clash[#clash + 1] = heads[i].lines[1] .. " / " .. heads[j].lines[1] end
end end
t.is(table.concat(clash, "; "), "", "no two bone heads overlap")
local short_w, short_h = size(svg_of { kind = "fishbone", title = "f", problem = "p",
  data = { { category = "Buses", causes = { "Late" } }, { category = "Clubs", causes = { "Few" } } } })
local _, long_h = size(fish)
t.ok(long_h > short_h, string.format("the chart grows to hold wrapped labels (%d > %d high)", long_h, short_h))
t.is(short_w, 640, "a small fishbone keeps the default width")

-- ---- the focus: the highlighted bone is the Pareto focus ----------------------------------
local function highlighted(svg)
  -- the bone drawn in the highlight colour, and the label drawn on the highlight background
  local label = svg:match('fill="#FBE3BE"/><text[^>]*>(.-)</text>')
  if not label then return nil end
  return (label:gsub("<tspan[^>]*>", " "):gsub("</tspan>", ""):gsub("^ ", ""))
end
t.is(highlighted(fish), "No adult check-in for ninth graders who miss school (rank 2)",
  "focus = true highlights that bone, not the one ranked 1")
long_fish.data[2].focus = nil
t.is(highlighted(svg_of(long_fish)), "Late buses on the merged routes through the east side (rank 1)",
  "without a focus the bone ranked 1 is highlighted")

-- The fishbone tool: cause #1's root is not one the group can address, so the guidebook moves
-- on to cause #2 ("If not, move on to your #2 cause"): the chart and the box both name #2.
local f = assert(io.open(TESTS .. "/tools/fishbone_diagram/answers.json", "rb"))
local answers = json.decode(f:read("a"))
f:close()
local fishbone_tool = dofile(TESTS .. "/../scripts/tools/fishbone_diagram.lua")
local d = report.new { title = "Fishbone", theme = {} }
fishbone_tool.report({ answers = answers }, d)
local page = d:render("html")
local focus_box = page:match("Pareto focus%)</p>\n<p>(.-)</p>")
t.ok(focus_box and focus_box:find("of cause #2, No adult check-in for ninth graders who miss school", 1, true),
  "the tool's Pareto focus box names cause #2 (cause #1 failed 'capable')")
t.is(highlighted(page:match("<svg.-</svg>")), "No adult check-in for ninth graders who miss school (rank 2)",
  "the tool's fishbone highlights the same cause as its Pareto focus box")
answers.drills[1].capable = true
d = report.new { title = "Fishbone", theme = {} }
fishbone_tool.report({ answers = answers }, d)
page = d:render("html")
t.ok(page:match("Pareto focus%)</p>\n<p>(.-)</p>"):find("of cause #1, Late buses", 1, true) and
  highlighted(page:match("<svg.-</svg>")) == "Late buses on the merged routes (rank 1)",
  "when cause #1 passes both checks, box and chart both name #1")

-- ---- likert: long item labels and tiny segments --------------------------------------------
local likert = svg_of { kind = "likert", title = "Climate items",
  levels = { "Strongly disagree", "Disagree", "Agree", "Strongly agree" },
  data = {
    { label = "Q1. Adults at this school treat every student with respect, whatever their background", counts = { 1, 2, 60, 37 } },
    { label = "Q2. I know an adult I can talk to", counts = { 6, 9, 40, 45 } },
    { label = "Q3. Staff communicate openly", counts = { 1, 1, 1, 97 } },
    { label = "Q4. Short", counts = { 25, 25, 25, 25 } },
  } }
t.golden(likert .. "\n", "report_html/golden/labels-likert.svg", "golden: likert with long labels and tiny segments")
no_cut(likert, "likert")
inside_viewbox(likert, "likert")
t.ok(likert:find(">respect, whatever their</tspan><tspan x=\"202.0\" dy=\"1.25em\">background</tspan>", 1, true), "a long item label wraps onto more lines")
-- the numbers: every percent label, and the segments they belong to
local nums, segs = {}, {}
for _, x in ipairs(texts(likert)) do
  if #x.lines == 1 and x.lines[1]:find("^%d+%%$") then nums[#nums + 1] = x end
end
for x, y, w in likert:gmatch('<rect x="([%d.]+)" y="([%d.]+)" width="([%d.]+)" height="20%.0"') do
  segs[#segs + 1] = { x = tonumber(x), y = tonumber(y), w = tonumber(w) }
end
t.is(#nums, 16, "every segment has its number (16 segments)")
clash = {}
for i = 1, #nums do for j = i + 1, #nums do
  if overlap(nums[i], nums[j]) then clash[#clash + 1] = nums[i].lines[1] .. "/" .. nums[j].lines[1] end
end end
t.is(table.concat(clash, " "), "", "no two segment numbers overlap (no \"6%9%\")")
-- a number inside a bar fits its segment; the others are below the bar
local cramped = {}
for _, n in ipairs(nums) do
  for _, s in ipairs(segs) do
    if n.y > s.y and n.y < s.y + 20 and n.x > s.x and n.x < s.x + s.w then
      if n.box[1] < s.x or n.box[3] > s.x + s.w then cramped[#cramped + 1] = n.lines[1] end
    end
  end
end
t.is(table.concat(cramped, " "), "", "a number drawn inside a segment fits inside it")
t.ok(likert:find('>1%</text>', 1, true) and likert:find('>97%</text>', 1, true), "1% and 97% are both labelled")

-- ---- bar and timeline labels wrap too ------------------------------------------------------
local bar = svg_of { kind = "bar", title = "Owners", data = {
  { label = "Okafor, Adaeze (assistant principal for curriculum and instruction at the east campus)", value = 3 },
  { label = "Ruiz", value = 1 } } }
no_cut(bar, "bar")
local tl = svg_of { kind = "timeline", title = "Steps", data = {
  { label = "Share the attendance dashboard with every advisor and counselor", date = "2026-09-01" },
  { label = "Kick-off", date = "2026-10-01", end_date = "2026-11-15" } } }
no_cut(tl, "timeline")
inside_viewbox(tl, "timeline")
t.done()
