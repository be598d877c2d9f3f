-- cairn.convert: DOCX and PDF through programs the machine may have.
--
-- cairn renders HTML and Markdown itself; Word and PDF files come from a converter:
--   DOCX  pandoc (from the Markdown rendering), else LibreOffice (from the HTML)
--   PDF   Chromium (prints the HTML with its print stylesheet, charts included), else
--         LibreOffice, else pandoc with an HTML PDF engine (weasyprint, wkhtmltopdf)
-- None of them is a cairn dependency: when none is installed, the message names the Debian
-- package to install. Converters run with a private temporary folder (their own profile, no
-- network), under `timeout`, and write to the path they are given; cairn.report renames it.
--
--   convert.write(doc, path, "docx" | "pdf" [, opts]) -> true | nil, message
--     opts.status: a cairn.progress_line, told what is being made while the converter runs
--     (opts.status_name: the file's name to show, when PATH is a temporary file)
--   convert.available() -> { docx = "pandoc" | "libreoffice" | nil, pdf = ... }
local convert = {}

local TIMEOUT = 180 -- seconds a converter may take

convert.words = {
  making = "making %s with %s…", -- the progress line while a converter runs (file, converter)
}

local function quote(s) return "'" .. tostring(s):gsub("'", "'\\''") .. "'" end

-- The full path of program NAME on $PATH, or nil. Converters are looked up on
-- $CAIRN_CONVERT_PATH instead when it is set (a colon-separated list of folders), so an
-- administrator can point cairn at a particular pandoc or LibreOffice.
function convert.which(name, use_convert_path)
  local path = use_convert_path and os.getenv("CAIRN_CONVERT_PATH")
  local p = io.popen((path and ("PATH=" .. quote(path) .. " ") or "") .. "command -v " .. quote(name) .. " 2>/dev/null")
  if not p then return nil end
  local out = p:read("l")
  p:close()
  if out and out:sub(1, 1) == "/" then return out end
  return nil
end

local function first(names)
  for _, n in ipairs(names) do
    local p = convert.which(n, true)
    if p then return p, n end
  end
end

local function chromium() return first { "chromium", "chromium-browser", "google-chrome" } end
local function soffice() return first { "soffice", "libreoffice" } end
local function pdf_engine() return first { "weasyprint", "wkhtmltopdf" } end

-- Which converter each format would use (names only), for `cairn report` help and tests.
function convert.available()
  local pandoc = convert.which("pandoc", true)
  local lo = soffice()
  local pdf
  if chromium() then pdf = "chromium"
  elseif lo then pdf = "libreoffice"
  elseif pandoc and pdf_engine() then pdf = "pandoc" end
  return { docx = pandoc and "pandoc" or (lo and "libreoffice") or nil, pdf = pdf }
end

convert.missing = {
  docx = "making a Word file needs pandoc or LibreOffice, and neither is installed; "
    .. "install the Debian package pandoc (or libreoffice-writer)",
  pdf = "making a PDF needs Chromium, LibreOffice or pandoc with a PDF engine, and none is installed; "
    .. "install the Debian package libreoffice-writer (or chromium)",
}

local function write_file(path, s)
  local f, e = io.open(path, "wb")
  if not f then return nil, e end
  local ok, we = f:write(s)
  f:close()
  if not ok then return nil, we end
  return true
end

local function read_tail(path, n)
  local f = io.open(path, "rb")
  if not f then return "" end
  local s = f:read("a")
  f:close()
  local lines = {}
  for l in s:gmatch("[^\n]+") do
    if not l:find("dbus", 1, true) and not l:find("^%[%d+:%d+:") then lines[#lines + 1] = l end
  end
  return table.concat(lines, "\n", math.max(1, #lines - n + 1))
end

-- Run a shell command line, output to LOG; true when it exits 0.
local function run(cmd, log)
  local ok, how, code = os.execute("timeout " .. TIMEOUT .. " " .. cmd .. " >" .. quote(log) .. " 2>&1 </dev/null")
  if ok then return true end
  if how == "exit" and code == 124 then return nil, "timed out after " .. TIMEOUT .. " seconds" end
  return nil, "exit status " .. tostring(code)
end

local function nonempty(path)
  local f = io.open(path, "rb")
  if not f then return false end
  local size = f:seek("end")
  f:close()
  return size and size > 0
end

-- A private temporary folder, removed by the returned function.
local function tempdir()
  local p = io.popen("mktemp -d 2>/dev/null")
  local dir = p and p:read("l")
  if p then p:close() end
  if not dir or dir == "" then return nil end
  return dir, function() os.execute("rm -rf " .. quote(dir)) end
end

-- Move SRC to DST; the temporary folder may be on another file system, so copy when rename
-- cannot.
local function move(src, dst)
  if os.rename(src, dst) then return true end
  local i, e = io.open(src, "rb")
  if not i then return nil, e end
  local data = i:read("a")
  i:close()
  local ok, we = write_file(dst, data)
  os.remove(src)
  return ok, we
end

local function via_pandoc(pandoc, input, from, out, log, extra)
  return run(quote(pandoc) .. " --from " .. from .. " --to " .. (extra or "docx") .. " --output "
    .. quote(out) .. " " .. quote(input), log)
end

local function via_soffice(lo, dir, input, format, out, log)
  -- LibreOffice writes DIR/<input name>.<format>; its profile goes in DIR so that a running
  -- LibreOffice of the user is neither used nor disturbed
  local filter = format == "pdf" and "pdf:writer_pdf_Export" or "docx:\"MS Word 2007 XML\""
  local ok, err = run(quote(lo) .. " --headless --norestore --nolockcheck"
    .. " -env:UserInstallation=file://" .. dir .. "/lo-profile"
    .. " --infilter=" .. quote("HTML (StarWriter)") .. " --convert-to " .. quote(filter)
    .. " --outdir " .. quote(dir .. "/lo-out") .. " " .. quote(input), log)
  if not ok then return nil, err end
  local produced = dir .. "/lo-out/" .. input:match("([^/]+)%.html$") .. "." .. format
  if not nonempty(produced) then return nil, "LibreOffice produced no file" end
  return move(produced, out)
end

local function via_chromium(browser, dir, input, out, log)
  return run(quote(browser) .. " --headless --no-sandbox --disable-gpu --no-first-run"
    .. " --disable-background-networking --disable-component-update --disable-sync"
    .. " --disable-extensions --user-data-dir=" .. quote(dir .. "/chromium-profile")
    .. " --no-pdf-header-footer --print-to-pdf=" .. quote(out)
    .. " " .. quote("file://" .. input), log)
end

-- Write DOC as FORMAT ("docx" or "pdf") to PATH.
function convert.write(doc, path, format, opts)
  opts = opts or {}
  if format ~= "docx" and format ~= "pdf" then
    return nil, "convert: unknown format " .. tostring(format) .. " (expected docx or pdf)"
  end
  -- find the converter first: a missing tool is reported before anything is written
  local pandoc = convert.which("pandoc", true)
  local lo = soffice()
  local browser = format == "pdf" and chromium() or nil
  local engine = format == "pdf" and pandoc and pdf_engine() or nil
  if format == "docx" and not pandoc and not lo then return nil, convert.missing.docx end
  if format == "pdf" and not browser and not lo and not engine then return nil, convert.missing.pdf end

  local dir, cleanup = tempdir()
  if not dir then return nil, "convert: cannot make a temporary folder" end
  local render = require "cairn.render"
  local ok, result, err = pcall(function()
    local log = dir .. "/converter.log"
    local html = dir .. "/report.html"
    local r, e = write_file(html, render.html(doc, opts))
    if not r then return nil, e end
    local tool, what
    local function say(name)
      if opts.status then
        opts.status:show(string.format(convert.words.making, (opts.status_name or path):match("[^/]*$"), name))
      end
    end
    if format == "docx" and pandoc then
      tool = "pandoc"
      say(tool)
      local md = dir .. "/report.md"
      r, e = write_file(md, render.markdown(doc, opts))
      if not r then return nil, e end
      r, e = via_pandoc(pandoc, md, "gfm", path, log)
    elseif format == "docx" then
      tool = "LibreOffice"
      say(tool)
      r, e = via_soffice(lo, dir, html, "docx", path, log)
    elseif browser then
      tool = "Chromium"
      say(tool)
      r, e = via_chromium(browser, dir, html, path, log)
    elseif lo then
      tool = "LibreOffice"
      say(tool)
      r, e = via_soffice(lo, dir, html, "pdf", path, log)
    else
      -- pandoc picks PDF output from the .pdf extension, so it writes into the folder first
      tool = "pandoc"
      say(tool)
      local pdf = dir .. "/report.pdf"
      r, e = run(quote(pandoc) .. " --from html --pdf-engine=" .. quote(engine) .. " --output "
        .. quote(pdf) .. " " .. quote(html), log)
      if r then r, e = move(pdf, path) end
    end
    if r and not nonempty(path) then r, e = nil, "no file was produced" end
    if not r then
      what = read_tail(log, 5)
      os.remove(path)
      return nil, string.format("%s could not make the %s file (%s)%s", tool, format:upper(), e,
        what ~= "" and (":\n" .. what) or "")
    end
    return true
  end)
  cleanup()
  if opts.status then opts.status:clear() end
  if not ok then error(result, 0) end
  return result, err
end

return convert
