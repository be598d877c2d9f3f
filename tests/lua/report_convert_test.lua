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

-- stand-in converters (shell scripts) check the command lines and the error path
local function fake(name, body)
  local f = assert(io.open("fake/" .. name, "w"))
  f:write("#!/bin/sh\n", body, "\n")
  f:close()
  os.execute("chmod +x fake/" .. name)
end
os.execute("mkdir -p fake")
fake("pandoc", [[
echo "$@" > pandoc.args
while [ $# -gt 1 ]; do [ "$1" = --output ] && out=$2; shift; done
head -c 2 "$1" > /dev/null && printf 'PK fake docx' > "$out"]])
local fakepath = "CAIRN_CONVERT_PATH=$PWD/fake '" .. cairn .. "' run '" .. make .. "' "
t.is(sh(fakepath .. "docx fake.docx"), "wrote fake.docx\n[exit 0]\n", "DOCX goes through pandoc when it is there")
local args = sh("cat pandoc.args")
t.ok(args:find("^%-%-from gfm %-%-to docx %-%-output fake%.docx /[^ ]+/report%.md\n"), "pandoc reads the Markdown rendering: " .. args)
t.is(sh("cat fake.docx"), "PK fake docx[exit 0]\n", "and writes the requested file")
fake("soffice", [[
echo "$@" > soffice.args
while [ $# -gt 1 ]; do [ "$1" = --outdir ] && out=$2; shift; done
mkdir -p "$out" && printf '%%PDF-fake' > "$out/report.pdf"]])
t.is(sh(fakepath .. "pdf fake.pdf"), "wrote fake.pdf\n[exit 0]\n", "PDF goes through LibreOffice when there is no Chromium")
t.ok(sh("cat soffice.args"):find("--headless --norestore --nolockcheck -env:UserInstallation=file:///", 1, true),
  "LibreOffice runs headless with a private profile")
t.is(sh("cat fake.pdf"), "%PDF-fake[exit 0]\n", "and its file is moved into place")
fake("pandoc", "echo 'pandoc: cannot parse the input' >&2; exit 3")
t.is(sh(fakepath .. "docx broken.docx"),
  "cairn: pandoc could not make the DOCX file (exit status 3):\npandoc: cannot parse the input\n[exit 1]\n",
  "a failing converter: its message, exit status 1")
t.is(sh("ls broken.docx 2>/dev/null | wc -l"), "0\n[exit 0]\n", "and no file")

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
