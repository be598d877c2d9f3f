-- Crashes the renderer fuzz target (tests/fuzz/fuzz_render.c) found, kept as regressions: each
-- document below ran the C stack out (a segmentation fault, the whole process gone) before the
-- fix. Now every renderer either renders it or refuses it with a clear message.
local t = require "tap"
local render = require "cairn.render"

local formats = { "html", "markdown", "text" }

-- A section inside a section, N deep (cairn.report stops at 4; a hand-made tree need not).
local function nested_sections(n)
  local doc = { type = "document", title = "deep", blocks = {} }
  local cur = doc
  for i = 1, n do
    local s = { type = "section", title = "s" .. i, blocks = {} }
    cur.blocks[1] = s
    cur = s
  end
  return doc
end

for _, f in ipairs(formats) do
  local ok, err = pcall(render[f], nested_sections(200000))
  t.ok(not ok and tostring(err):find("sections nest more than 100 levels deep", 1, true),
    f .. ": 200,000 nested sections are refused, naming the limit (" .. tostring(err) .. ")")
  t.ok(pcall(render[f], nested_sections(50)), f .. ": 50 nested sections still render")
end

-- A section that contains itself.
local loop = { type = "section", title = "again", blocks = {} }
loop.blocks[1] = loop
for _, f in ipairs(formats) do
  local ok, err = pcall(render[f], { type = "document", title = "loop", blocks = { loop } })
  t.ok(not ok and tostring(err):find("a section inside itself", 1, true), f .. ": a section inside itself is refused")
end

-- Markdown text nested very deep: block quotes crashed the page's Markdown clean-up (HTML),
-- emphasis the plain-text walk (text). (tests/fuzz/regressions/render has these as fuzz inputs.)
local cases = {
  { "html", "block quotes", ("> "):rep(200000) .. "x" },
  { "text", "emphasis", ("*"):rep(300000) .. "x" .. ("*"):rep(300000) },
}
for _, c in ipairs(cases) do
  local f, what, text = c[1], c[2], c[3]
  local doc = { type = "document", title = "deep text", blocks = { { type = "paragraph", text = text } } }
  local ok, out = pcall(render[f], doc)
  t.ok(ok and type(out) == "string", f .. ": text with " .. what .. " nested 100,000+ deep renders")
end

t.done()
