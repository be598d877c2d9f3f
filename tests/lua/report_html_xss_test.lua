-- XSS corpus (tests/report_html/xss.lua) through every text field of a document: nothing that
-- could run script or fetch anything may reach the HTML.
local t = require "tap"
local render = require "cairn.render"
local corpus = dofile(os.getenv("CAIRN_TESTS") .. "/report_html/xss.lua")

local function document(p)
  local col = { { id = "a", label = p }, { id = "b", label = p, format = "integer" }, { id = "c", label = p } }
  local function tbl() return { type = "table", id = p, caption = p, columns = col,
    rows = { { a = p, b = 1, c = { value = 1, display = p } }, { a = { suppressed = true, reason = p }, b = 2, c = p } },
    totals = { a = p, b = 3 }, notes = { p } } end
  return { type = "document", title = p, subtitle = p, district = p, period = p, as_of = p, lang = p,
    theme = { header = p, footer = p, font = p, logo = p, colors = { primary = p, accent = p },
              labels = { meta_district = p, meta_period = p, data_table = p, target = p, suppressed = p, n = p, rank = p, as_of = p } },
    blocks = {
      { type = "paragraph", text = p },
      { type = "paragraph", text = "intro " .. p .. " outro\n\n" .. p },
      { type = "section", title = p, id = p, blocks = {
        { type = "keyvalue", caption = p, items = { { p, p }, { key = p, value = { suppressed = true, reason = p } } } },
        tbl(),
        { type = "list", style = "bullet", items = { { text = p } } },
        { type = "list", style = "check", items = { { text = p, checked = true } } },
        { type = "callout", style = "warning", title = p, text = p },
        { type = "callout", style = p, text = p },
        { type = "chart", kind = "bar", title = p, alt = p, unit = p,
          data = { { label = p, value = 1 }, { label = p, suppressed = true, reason = p } }, table = tbl() },
        { type = "chart", kind = "likert", title = p, alt = p, levels = { p, p, p }, favorable_from = 2,
          data = { { label = p, counts = { 1, 2, 3 } }, { label = p, suppressed = true, reason = p } }, table = tbl() },
        { type = "chart", kind = "status", title = p, alt = p, levels = { p, "done" },
          data = { { label = p, counts = { 1, 2 } } }, table = tbl() },
        { type = "chart", kind = "progress", title = p, alt = p,
          data = { { label = p, baseline = 1, actual = 2, target = 3, unit = p } }, table = tbl() },
        { type = "chart", kind = "timeline", title = p, alt = p,
          data = { { label = p, date = "2026-01-05", end_date = "2026-03-01", status = p } }, table = tbl() },
        { type = "chart", kind = "fishbone", title = p, alt = p, problem = p,
          data = { { category = p, rank = 1, causes = { p, { text = p, rank = 1 } } } }, table = tbl() },
        { type = "chart", kind = "logic_model", title = p, alt = p,
          columns = { { label = p, items = { p, { text = p } } }, { label = p, items = { p } } }, table = tbl() },
      } },
    } }
end

-- Every tag in the page, for attribute checks (text never contains a raw "<": it is escaped).
local function tags(html)
  local out = {}
  for tag in html:gmatch("<[%a/!][^>]*>") do out[#out + 1] = tag end
  return out
end

local allowed_tags = {}
for name in ([[html head meta title style body header main footer section h1 h2 h3 h4 h5 h6 p div span
  dl dt dd table caption thead tbody tfoot tr th td ul ol li label input aside hr figure figcaption
  details summary time img a strong em del code pre blockquote br svg desc g rect line path text tspan
  circle nav]]):gmatch("%S+") do allowed_tags[name] = true end

local failures = {}
local function check(i, p, html)
  local function fail(what) failures[#failures + 1] = string.format("payload %d %q: %s", i, p, what) end
  local low = html:lower()
  if low:find("<script", 1, true) then fail("<script") end
  if select(2, low:gsub("<style>", "")) ~= 1 or select(2, low:gsub("</style>", "")) ~= 1 then fail("extra <style>") end
  for _, tag in ipairs(tags(html)) do
    local ltag = tag:lower()
    local name = ltag:match("^</?([%w]+)")
    if ltag:sub(2, 2) ~= "!" and not allowed_tags[name] then fail("unexpected element " .. tag) end
    if ltag:find("%son[%a]+%s*=") then fail("event handler attribute in " .. tag) end
    local _, quotes = tag:gsub('"', "")
    if quotes % 2 == 1 then fail("unbalanced quotes in " .. tag) end
    for attr, value in tag:gmatch('%s([%w:%-]+)="([^"]*)"') do
      local a = attr:lower()
      if a == "href" or a == "src" or a == "xlink:href" or a == "action" or a == "formaction" then
        local v = value:lower():gsub("&#x?%x+;", ""):gsub("[%s%c]", "")
        local ok = v == "" or v:find("^https?://") or v:find("^mailto:") or v:find("^#") or
          (a == "src" and v:find("^data:image/png;base64,[%w+/=]+$")) or
          (a == "href" and not v:find("^[%w+.-]*:") and not v:find("^//"))
        if not ok then fail("unsafe " .. attr .. "=" .. value) end
        if a == "src" and not v:find("^data:") then fail("network request: " .. tag) end
      end
      if a == "style" and not value:find("^min%-width:%d+px$") then fail("style attribute " .. tag) end
    end
  end
  local css = low:match("<style>(.-)</style>") or ""
  if css:find("url(", 1, true) or css:find("@import", 1, true) or css:find("<", 1, true) then
    fail("CSS url(), @import or markup in the style sheet")
  end
  if low:find("http://evil", 1, true) and low:find('src="http://evil', 1, true) then fail("remote image") end
  local _, svgs = low:gsub("<svg ", "")
  if svgs ~= 7 then fail("expected 7 svg elements, got " .. svgs) end
  local _, h1 = low:gsub("<h1[ >]", "")
  if h1 ~= 1 then fail("expected one h1, got " .. h1) end
end

for i, p in ipairs(corpus) do
  local ok, html = pcall(render.html, document(p))
  if not ok then
    -- the as_of and dates are not valid here, but rendering must still succeed
    failures[#failures + 1] = string.format("payload %d %q: render failed: %s", i, p, html)
  else
    check(i, p, html)
  end
end
t.is(#failures, 0, #corpus .. " payloads in every field: nothing executable, nothing fetched")
for k = 1, math.min(#failures, 15) do io.write("# ", failures[k]:gsub("\n", "\\n"), "\n") end

-- spot checks that the corpus is really rendered (escaped), not dropped
local html = render.html(document("<script>alert(1)</script>"))
t.ok(html:find("<h1>&lt;script&gt;alert(1)&lt;/script&gt;</h1>", 1, true), "plain fields are escaped")
t.ok(html:find("<title>&lt;script&gt;alert(1)&lt;/script&gt;", 1, true), "the <title> is escaped")
html = render.html(document("<img src=x onerror=alert(1)> and <b>bold</b>"))
t.ok(html:find("<p>&lt;img src=x onerror=alert(1)&gt; and &lt;b&gt;bold&lt;/b&gt;</p>", 1, true),
  "raw HTML in Markdown shows as the typed text")
html = render.html(document("[click](javascript:alert(1)) [ok](https://example.org/a?b=1&c=2) [mail](mailto:a@b.org) [in](#s-x)"))
t.ok(html:find('<a href="">click</a>', 1, true), "a javascript: link loses its target")
t.ok(html:find('<a href="https://example.org/a?b=1&amp;c=2">ok</a>', 1, true), "an https link is kept")
t.ok(html:find('<a href="mailto:a@b.org">mail</a>', 1, true), "a mailto link is kept")
t.ok(html:find('<a href="#s-x">in</a>', 1, true), "an in-page link is kept")
local function md(text) -- the rendered Markdown of one paragraph
  return render.html({ type = "document", title = "x", blocks = { { type = "paragraph", text = text } } })
    :match('<div class="md">\n(.-)</div>')
end
html = md("[x](java&#x09;script:alert(1)) [y](<java\tscript:alert(1)>)")
t.is(html, '<p><a href="">x</a> <a href="">y</a></p>\n', "tabs inside the scheme do not hide javascript:")
html = md("![chart](http://evil.example/pixel.png) ![dot](data:image/png;base64,iVBORw0KGgo=)")
t.ok(not html:find("evil.example", 1, true) and html:find("<p>chart ", 1, true), "a remote image becomes its alt text")
t.ok(html:find('<img src="data:image/png;base64,iVBORw0KGgo=" alt="dot" />', 1, true), "an inline data: PNG is kept")
html = render.html(document("x\" onload=\"alert(1)"))
t.ok(html:find("x&quot; onload=&quot;alert(1)", 1, true), "quotes are escaped in attributes and text")
t.ok(html:find("<desc id=\"chart-1-d\">x&quot; onload=&quot;alert(1)</desc>", 1, true), "SVG text is escaped")
html = render.html(document("it's"))
t.ok(html:find("<h1>it&#39;s</h1>", 1, true), "apostrophes are escaped")
html = render.html(document("bad \xC0\xBC utf8 \x01 control"))
t.ok(html:find("<h1>bad \xEF\xBF\xBD\xEF\xBF\xBD utf8  control</h1>", 1, true), "invalid UTF-8 and controls are cleaned")

t.done()
