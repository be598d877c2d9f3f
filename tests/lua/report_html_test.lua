-- The HTML renderer and its SVG charts (src/render_html.c, src/render_svg.c): goldens for a
-- document with every block type and every chart kind, page structure, themes, errors.
-- Fixtures and goldens are in tests/report_html/; UPDATE=1 rewrites the goldens.
local t = require "tap"
local render = require "cairn.render"
local fx = dofile(os.getenv("CAIRN_TESTS") .. "/report_html/fixture.lua")

local doc = fx.document()
local html = render.html(doc)
t.golden(html, "report_html/golden/document.html", "golden: every block type and chart kind")
t.is(render.html(fx.document()), html, "deterministic: the same document gives the same bytes")

-- one golden SVG per chart kind
local svgs = {}
for svg in html:gmatch("<svg .-</svg>") do svgs[#svgs + 1] = svg end
local kinds = { "bar", "likert", "status", "progress", "timeline", "fishbone", "logic_model" }
t.is(#svgs, #kinds, "one inline SVG per chart")
for i, kind in ipairs(kinds) do
  t.golden((svgs[i] or "") .. "\n", "report_html/golden/chart-" .. kind .. ".svg", "golden SVG: " .. kind)
end

-- page structure
local function count(s, pat) local n = 0 for _ in s:gmatch(pat) do n = n + 1 end return n end
t.ok(html:find('^<!DOCTYPE html>\n<html lang="en">'), "HTML5 doctype and a lang attribute")
t.ok(html:find('<meta name="viewport" content="width=device-width, initial-scale=1">', 1, true), "viewport meta for phones")
t.is(count(html, "<h1[ >]"), 1, "exactly one h1")
t.ok(html:find("<h1>Plan status</h1>", 1, true), "the title is the h1")
t.ok(html:find('<h2 id="s-summary-h">Summary</h2>', 1, true), "top-level sections are h2")
t.ok(html:find('<h3 id="s-overdue-h">Overdue items</h3>', 1, true), "nested sections are h3")
t.ok(html:find("<h2>A heading in Markdown</h2>", 1, true), "Markdown headings nest under the section level")
t.ok(not html:find("<script", 1, true), "no script element")
t.ok(not html:find("https?://[^\"]*\"[^>]*src=") and not html:find(' src="http', 1, true), "nothing loaded from the network")
t.ok(not html:find("@import", 1, true) and not html:find("url(", 1, true), "no CSS imports or url()")
t.ok(html:find('<th scope="col" class="r">Done</th>', 1, true), "column headers with scope and alignment")
t.ok(html:find('<th scope="row">Train coaches</th>', 1, true), "text first column heads its row")
t.ok(html:find('<caption id="s-overdue-steps-cap">Overdue action steps</caption>', 1, true), "tables have captions")
t.ok(html:find('<td class="suppressed r">fewer than 5 responses</td>', 1, true), "a suppressed cell shows its reason")
t.ok(html:find('<td class="r"><time datetime="2026-10-01">2026-10-01</time></td>', 1, true) or
     html:find('<td><time datetime="2026-10-01">2026-10-01</time></td>', 1, true), "dates are <time> elements")
t.ok(html:find('<td class="r">$1,234.50</td>', 1, true), "money with currency and separators")
t.ok(html:find('<td class="r">-$20.00</td>', 1, true), "negative money")
t.ok(html:find('<td class="r">40%</td>', 1, true), "percent from a fraction")
t.ok(html:find('<tfoot><tr><th scope="row">Total</th>', 1, true), "totals row in tfoot")
t.ok(html:find('<ul class="notes"><li>Percent done rolls up from sub-steps.</li>', 1, true), "table notes")
t.ok(html:find("<td>Chen (acting)</td>", 1, true), "a cell's display text is shown")
t.ok(html:find('<td class="suppressed">fewer than 5 responses</td>', 1, true), "suppressed key/value")
t.ok(html:find('<td colspan="1" class="empty">No rows.</td>', 1, true), "an empty table says so")
t.ok(html:find('<input type="checkbox" disabled checked> Goal is specific', 1, true), "checked checklist item")
t.ok(html:find('<input type="checkbox" disabled> Timebound', 1, true), "unchecked checklist item")
t.ok(html:find('<aside class="callout warning" role="note">', 1, true), "warning callout")
t.ok(html:find('<hr class="pagebreak">', 1, true), "page break")
t.ok(html:find("thead{display:table-header-group}", 1, true), "print: table headers repeat on each page")
t.ok(html:find("hr.pagebreak{border:0;margin:0;break-after:page", 1, true), "print: page breaks")
t.ok(html:find("tr,th,td,figure,.callout,table.kv,ul.checklist li{break-inside:avoid", 1, true), "print: rows are not split")
t.ok(html:find('@bottom-right{content:"Page" " " counter(page) " / " counter(pages)', 1, true), "print: page numbers")
t.ok(html:find('@bottom-left{content:"Prepared by the Office of Continuous Improvement"', 1, true), "print: footer on every page")
t.ok(html:find('<figure class="chart chart-likert" id="chart-2">', 1, true), "charts are figures")
t.is(count(html, 'role="img" aria%-labelledby="chart%-%d+%-t" aria%-describedby="chart%-%d+%-d"'), 7,
  "every chart SVG is an image labelled by its title and described by its alt")
t.ok(html:find('<desc id="chart-2-d">Grade 9: 62% agree or strongly agree; Grade 10: 48%. Grade 12 is suppressed.</desc>', 1, true), "alt text in <desc>")
t.is(count(html, "<details>\n<summary>Data table</summary>"), 7, "every chart has its data table")
t.ok(html:find('<img src="data:image/png;base64,', 1, true), "logo as a data: URI")
t.ok(html:find('<footer class="doc-footer">Prepared by the Office of Continuous Improvement</footer>', 1, true), "footer")
t.ok(html:find("fewer than 10 responses</text>", 1, true), "a suppressed Likert row is a labelled gap")
t.ok(html:find(">7%</text>", 1, true) and html:find(">43%</text>", 1, true), "Likert segments carry percent labels")
t.ok(html:find("Transportation (rank 1)", 1, true) and html:find('stroke="#D55E00" stroke-width="3"', 1, true),
  "fishbone: rank 1 is highlighted")
t.ok(html:find(">principal for curriculum and</tspan><tspan x=\"202.0\" dy=\"1.25em\">instruction)</tspan>", 1, true),
  "a long bar label wraps onto a third line instead of being cut")
t.ok(html:find(">as of 2026-11-26</text>", 1, true), "timeline marks the as-of date")
t.ok(html:find(">Sep 2026</text>", 1, true) and html:find(">Jan 2027</text>", 1, true), "timeline month axis")

-- table of contents: top-level sections, linked to their ids
t.ok(html:find('<li><a href="#s-summary">Summary</a></li>', 1, true) and html:find('<section id="s-summary"', 1, true),
  "a table of contents links to the top-level sections")
t.ok(html:find('<li><a href="#sec-1">Empty</a></li>', 1, true) and html:find('<section id="sec-1"', 1, true),
  "including sections without an id of their own")
t.ok(not render.html(fx.document(), { toc = false }):find('<nav class="toc"', 1, true), "toc = false leaves it out")
t.ok(not render.html({ type = "document", title = "Short", blocks = {
  { type = "section", title = "One", blocks = {} }, { type = "section", title = "Two", blocks = {} } } }):find("<nav", 1, true),
  "no table of contents for fewer than three sections")

-- options and themes
local d2 = fx.document()
t.ok(not render.html(d2):find('class="break-before"', 1, true), "no section breaks unless asked")
local broken = render.html(d2, { section_breaks = true })
t.is(count(broken, '<section id="[^"]*" class="break%-before"'), 3, "section_breaks: every top-level section after the first")
local d3 = fx.document()
d3.theme = { colors = { primary = "red;}</style><script>alert(1)</script>", accent = "#ABCDEF" },
  font = "x</style><script>", logo = "https://example.org/logo.png", header = "<b>Hi</b>",
  labels = { meta_district = "Distrito", data_table = "Datos", target = "meta" }, lang = "es\" onload=\"x" }
local h3 = render.html(d3)
t.ok(not h3:find("<script", 1, true) and h3:find("--primary:#ABCDEF;", 1, true), "a bad theme colour is ignored (primary falls back to accent)")
t.ok(h3:find("--accent:#ABCDEF;", 1, true), "a good theme colour is used")
t.ok(not h3:find("<img", 1, true), "a remote logo is refused (no network requests)")
t.ok(h3:find("<span>&lt;b&gt;Hi&lt;/b&gt;</span>", 1, true), "header text is escaped")
t.ok(h3:find('@top-left{content:"\\3C b\\3E Hi\\3C /b\\3E "', 1, true), "and escaped in the print margins")
t.ok(h3:find("<dt>Distrito</dt>", 1, true) and h3:find("<summary>Datos</summary>", 1, true), "labels reword the page")
t.ok(h3:find('<html lang="en">', 1, true), "a bad lang falls back to en")
t.ok(h3:find("meta 12%", 1, true), "labels reword chart text")
d3.lang = "es"
t.ok(render.html(d3):find('<html lang="es">', 1, true), "doc.lang sets the page language")

-- theme colours reach the charts; a neutral level straddles the centre line
local d4 = { type = "document", title = "Colours", theme = { colors = {
    status = { ["on track"] = "#123456", done = "not-a-colour" },
    diverging = { "#B35806", "#F1A340", "#D9D9D9", "#998EC3", "#542788" } } },
  blocks = {
    { type = "chart", kind = "status", title = "S", levels = { "on track", "done" }, data = { { label = "a", counts = { 1, 1 } } } },
    { type = "chart", kind = "likert", title = "L", neutral = 3,
      levels = { "Strongly disagree", "Disagree", "Neutral", "Agree", "Strongly agree" },
      data = { { label = "a", counts = { 10, 10, 20, 30, 30 } } } } } }
local h4 = render.html(d4)
t.ok(h4:find('fill="#123456"', 1, true), "theme status colour is used")
t.ok(h4:find('fill="#0072B2"', 1, true) and not h4:find("not-a-colour", 1, true), "an invalid theme colour falls back")
for _, c in ipairs { "#B35806", "#F1A340", "#D9D9D9", "#998EC3", "#542788" } do
  t.ok(h4:find('fill="' .. c .. '"', 1, true), "diverging theme colour " .. c)
end
local seg, lik = {}, h4:match('<figure class="chart chart%-likert".-</figure>')
for x, w, fill in lik:gmatch('<rect x="([%d.]+)" y="[%d.]+" width="([%d.]+)" height="20%.0" fill="(#%x+)">') do seg[#seg + 1] = { tonumber(x), tonumber(w), fill } end
local centre = tonumber(lik:match('<line x1="([%d.]+)" y1="[%d.]+" x2="[%d.]+" y2="[%d.]+" stroke="#222222" stroke%-width="1.5"/>'))
t.ok(#seg == 5 and centre and math.abs(seg[3][1] + seg[3][2] / 2 - centre) < 0.2, "the neutral segment is centred on the centre line")

-- errors name the block, chart and item
local function doc_with(block) return { type = "document", title = "x", blocks = { block } } end
t.raises(function() render.html({ type = "table" }) end, "expected a report document", "not a document")
t.raises(function() render.html(doc_with({ type = "frob" })) end, "block 1: unknown type 'frob'", "unknown block type")
t.raises(function() render.html(doc_with({ type = "chart", kind = "pie", title = "P" })) end,
  "chart 'P': unknown kind 'pie'", "unknown chart kind")
t.raises(function() render.html(doc_with({ type = "chart", kind = "timeline", title = "T",
  data = { { label = "a", date = "2026-02-30" } } })) end,
  "chart 'T' %(timeline%): data item 1: 'date' '2026%-02%-30' is not a date", "impossible date")
t.raises(function() render.html(doc_with({ type = "chart", kind = "likert", title = "L",
  levels = { "no", "yes" }, data = { { label = "a", counts = { 1, 2, 3 } } } })) end,
  "chart 'L' %(likert%): data item 1: 'counts' has 3 numbers, expected 2", "Likert counts per level")
t.raises(function() render.html(doc_with({ type = "chart", kind = "progress", title = "G",
  data = { { label = "a", actual = 1 } } })) end, "data item 1: expected a number in 'target'", "progress needs a target")
t.raises(function() render.html(doc_with({ type = "chart", kind = "fishbone", title = "F", data = {} })) end,
  "'problem' is missing", "fishbone needs a problem")
t.raises(function() render.html(doc_with({ type = "chart", kind = "bar", title = "B",
  data = { { label = "a", value = "x" } } })) end, "data item 1: expected a number in 'value'", "bar values are numbers")

t.raises(function() render.html(doc_with({ type = "chart", kind = "bar", title = "B",
  data = { { label = "a", value = 0 / 0 } } })) end, "data item 1: 'value' is not a finite number", "NaN is refused")
t.raises(function() render.html(doc_with({ type = "chart", kind = "likert", title = "L", levels = { "n", "y" },
  data = { { label = "a", counts = { 1, -1 } } } })) end, "'counts' must be numbers >= 0", "negative counts are refused")
t.raises(function() render.html(doc_with({ type = "chart", kind = "progress", title = "G",
  data = { { label = "a", actual = 1 / 0, target = 1 } } })) end, "must be finite", "infinite progress is refused")

-- edge cases draw without errors
local edge = render.html({ type = "document", title = "Edge", blocks = {
  { type = "chart", kind = "bar", title = "empty", data = {} },
  { type = "chart", kind = "bar", title = "zeros", data = { { label = "a", value = 0 }, { label = "b", value = -3 } } },
  { type = "chart", kind = "likert", title = "no answers", levels = { "no", "yes" }, data = { { label = "a", counts = { 0, 0 } } } },
  { type = "chart", kind = "timeline", title = "none", data = {} },
  { type = "chart", kind = "timeline", title = "one day", data = { { label = "x", date = "2026-12-31" } } },
  { type = "chart", kind = "timeline", title = "centuries", data = { { label = "x", date = "1900-01-01", end_date = "2099-12-31" } } },
  { type = "chart", kind = "fishbone", title = "no bones", problem = "P", data = {} },
  { type = "chart", kind = "logic_model", title = "one", columns = { { label = "Only", items = {} } } },
  { type = "chart", kind = "progress", title = "neg", data = { { label = "x", actual = -5, target = 0, baseline = -10 } } },
  { type = "list", items = { "plain string item" } },
  { type = "keyvalue", items = {} },
} })
t.ok(edge:find("no responses", 1, true), "a Likert row with no answers is a labelled gap")
t.ok(edge:find("<li>plain string item</li>", 1, true), "list items may be plain strings")
t.ok(edge:find(">Dec 2026</text>", 1, true), "a one-day timeline has a month axis")
t.ok(not edge:find("nan", 1, true) and not edge:find("inf", 1, true), "no NaN or infinite coordinates")
t.ok(#edge < 200000, "two centuries of months stay a small drawing (" .. #edge .. " bytes)")

t.done()
