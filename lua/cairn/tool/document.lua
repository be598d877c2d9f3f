-- cairn.tool.document: a worksheet as a cairn.report document (the tool's own layout or the
-- default one) and rendering it (tool.report). Part of cairn.tool.
local session = require "cairn.session"
local util = require "cairn.util"
local layout = require "cairn.tool.layout"
local loader = require "cairn.tool.load"
local worksheets = require "cairn.tool.worksheets"
local extend = require "cairn.tool.extend"
local json = require "cairn.json"

local M = {}

-- the session's day (as_of), fixed for the run
local function session_day() return session.current().as_of end

-- What the tool in use changed against the tool whose report it runs: an extension's own
-- record, or, for a district's copy of a built-in tool, the difference of their forms.
local function changes_of(T)
  if T.changes then return T.changes end
  if not T.report then return nil end -- the default layout follows the form already
  local builtin = loader.builtin_path(T.id)
  if not builtin or builtin == T.path then return nil end
  local ok, B = pcall(loader.load_file, builtin, T.id)
  if not ok then return nil end
  return extend.changes_between(B, T)
end

-- Answers of W whose element is not in T's form (a worksheet saved by another version).
local function orphans(T, w)
  local known, out = {}, {}
  for _, el in ipairs(T.form) do if el.id then known[el.id] = true end end
  for k, v in pairs(w.answers or {}) do
    if not known[k] then out[#out + 1] = { k, type(v) == "table" and json.encode(v) or tostring(v) } end
  end
  table.sort(out, function(a, b) return a[1] < b[1] end)
  return out
end

-- Lay worksheet W out into the cairn.report document DOC: the tool's own report(w, doc), or
-- the default layout (the form in order). A layout that shows a district's labels and added
-- fields; a worksheet another version of the tool saved still renders (in the default layout
-- when the tool's own one cannot read it, with answers the form no longer has listed).
function M.layout(w, doc)
  w = worksheets.open_worksheet(w)
  local T = loader.load(w.tool)
  local other_version = w.tool_version and w.tool_version ~= T.hash
  -- a worksheet started from a worked example says so first, whatever the layout
  local function training_note()
    if w.training then doc:callout("note", require("cairn.tool.training").report_note(w)) end
  end
  training_note()
  if T.report then
    local ok, err = pcall(T.report, w, doc)
    if not ok then
      if not other_version then error(string.format("%s: report failed: %s", T.path, tostring(err)), 0) end
      doc.blocks = {}
      training_note()
      doc:callout("note", "This worksheet was saved with another version of the tool; it is "
        .. "shown in the default layout.")
      layout.default(T, w, doc)
    else
      local changes = changes_of(T)
      if changes and not changes.own_report then extend.apply_to_report(T, w, doc, changes) end
    end
  else
    layout.default(T, w, doc)
  end
  if other_version then
    local rest = orphans(T, w)
    if #rest > 0 then
      doc:section("Answers this version of the tool no longer asks"):keyvalue(rest)
    end
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
    -- the terminal's own width (80 when piped), and the pager when longer than the screen
    local host = require "cairn.host"
    local s = doc:render("text", { width = opts.width or host.term_width() })
    if opts.string then return s end
    require("cairn.pager").write(s .. (s:sub(-1) == "\n" and "" or "\n"))
    return -- nothing, so the REPL prints nothing more
  end
  local path = opts.out or (M.file_stem(w) .. "." .. ext)
  -- a PDF or Word file comes from a converter that takes seconds: on a terminal a progress line
  -- says what is being made (cairn.progress_line: none when piped, in CI or with opts.quiet)
  local status = opts.status
  if status == nil and (format == "pdf" or format == "docx") then
    status = require("cairn.progress_line").new { quiet = opts.quiet }
  end
  -- atomic: a temporary file beside PATH, then a rename
  doc:write(path, format, { status = status, status_name = path })
  return path
end

return M
