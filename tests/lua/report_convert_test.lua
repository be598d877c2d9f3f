-- DOCX and PDF through converters (lua/cairn/convert.lua). The "not installed" messages are
-- checked in a child cairn that looks for converters in an empty folder ($CAIRN_CONVERT_PATH); real conversions run when the tool is
-- present (Chromium is installed by scripts/install-deps --test), else they are skipped.
local t = require "tap"
local convert = require "cairn.convert"

local function sh(cmd)
  local p = assert(io.popen(cmd .. " 2>&1; echo \"[exit $?]\""))
  local out = p:read("a")
  p:close()
  return out
end
local make = os.getenv("CAIRN_TESTS") .. "/report_html/convert_make.lua"
local cairn = convert.which("cairn")
t.ok(cairn, "cairn is on PATH")

-- converters looked up in an empty folder
os.execute("mkdir -p nobin")
local bare = "CAIRN_CONVERT_PATH=$PWD/nobin '" .. cairn .. "' run '" .. make .. "' "
t.is(sh(bare .. "docx out.docx"),
  "cairn: making a Word file needs pandoc or LibreOffice, and neither is installed; install the Debian package pandoc (or libreoffice-writer)\n[exit 1]\n",
  "DOCX without pandoc or LibreOffice: names the Debian package, exit status 1")
t.is(sh(bare .. "pdf out.pdf"),
  "cairn: making a PDF needs Chromium, LibreOffice or pandoc with a PDF engine, and none is installed; install the Debian package libreoffice-writer (or chromium)\n[exit 1]\n",
  "PDF without a converter: names the Debian package, exit status 1")
t.is(sh("ls out.docx out.pdf 2>/dev/null | wc -l"), "0\n[exit 0]\n", "and no file is written")
t.same({ convert.write({ type = "document" }, "x.odt", "odt") }, { nil, "convert: unknown format odt (expected docx or pdf)" },
  "unknown format")

local have = convert.available()
if have.pdf then
  local out = sh("'" .. cairn .. "' run '" .. make .. "' pdf out.pdf")
  t.is(out, "wrote out.pdf\n[exit 0]\n", "PDF through " .. have.pdf)
  local f = io.open("out.pdf", "rb")
  local head = f and f:read(5)
  local size = f and f:seek("end")
  if f then f:close() end
  t.is(head, "%PDF-", "the file is a PDF")
  t.ok(size and size > 20000, "with content (" .. tostring(size) .. " bytes)")
  t.is(sh("ls -a | grep -c tmp"), "0\n[exit 1]\n", "no temporary files left beside it")
else
  for _, what in ipairs { "PDF conversion", "the file is a PDF", "with content", "no temporary files" } do
    t.ok(true, what .. " # skip no PDF converter installed (chromium or libreoffice-writer)")
  end
end
if have.docx then
  t.is(sh("'" .. cairn .. "' run '" .. make .. "' docx out.docx"), "wrote out.docx\n[exit 0]\n", "DOCX through " .. have.docx)
  t.ok(sh("unzip -l out.docx"):find("word/document.xml", 1, true), "the file is a Word document")
else
  t.ok(true, "DOCX conversion # skip pandoc and libreoffice-writer are not installed")
  t.ok(true, "the file is a Word document # skip pandoc and libreoffice-writer are not installed")
end

t.done()
