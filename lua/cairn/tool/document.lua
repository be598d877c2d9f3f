-- cairn.tool.document: a worksheet as a cairn.report document (the tool's own layout or the
-- default one) and rendering it (tool.report). Part of cairn.tool.
local session = require "cairn.session"
local util = require "cairn.util"
local layout = require "cairn.tool.layout"
local loader = require "cairn.tool.load"
local worksheets = require "cairn.tool.worksheets"

local M = {}

-- the session's day (as_of), fixed for the run
local function session_day() return session.current().as_of end

-- Lay worksheet W out into the cairn.report document DOC: the tool's own report(w, doc), or
-- the default layout (the form in order).
function M.layout(w, doc)
  w = worksheets.open_worksheet(w)
  local T = loader.load(w.tool)
  if T.report then
    local ok, err = pcall(T.report, w, doc)
    if not ok then error(string.format("%s: report failed: %s", T.path, tostring(err)), 0) end
  else
    layout.default(T, w, doc)
  end
  return doc
end

-- A cairn.report document for worksheet W.
function M.document(w, opts)
  opts = opts or {}
  w = worksheets.open_worksheet(w)
  local T = loader.load(w.tool)
  local report = require "cairn.report"
  local okd, district = pcall(require("cairn.workspace").district)
  local doc = report.new { title = w.title, subtitle = T.title, district = okd and district or nil,
    as_of = opts.as_of or session_day() }
  return M.layout(w, doc)
end

-- The file name (without extension) of worksheet W's report: "fishbone-diagram-worksheet-31".
-- It starts with the tool, so it never reads as a date; `cairn report worksheet --each
-- worksheet` names its files NAME-PERIOD-<this>, the REPL and `cairn tool report` <this>.EXT.
function M.file_stem(w)
  return string.format("%s-worksheet-%s", util.slug(w.tool), tostring(w.id))
end

-- Render worksheet W. FORMAT "text" (default) prints to the terminal unless opts.out is given;
-- other formats write opts.out (or M.file_stem(w).EXT here) and return the path.
function M.report(w, format, opts)
  opts = opts or {}
  w = worksheets.open_worksheet(w)
  format = format or (opts.out and opts.out:match("%.(%w+)$")) or "text"
  local ext = util.extension(format)
  format = util.format_name(format) or format
  if not ext then
    error(string.format("unknown report format '%s' (expected text, markdown, html, json, csv, xlsx, docx or pdf)",
      tostring(format)), 0)
  end
  local doc = M.document(w, opts)
  if format == "text" and not opts.out then
    local s = doc:render("text")
    if opts.string then return s end
    io.stdout:write(s, s:sub(-1) == "\n" and "" or "\n")
    return -- nothing, so the REPL prints nothing more
  end
  local path = opts.out or (M.file_stem(w) .. "." .. ext)
  doc:write(path, format) -- atomic: a temporary file beside PATH, then a rename
  return path
end

return M
