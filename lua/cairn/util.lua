-- cairn.util: the small helpers every part of cairn needs, written once.
--
--   util.read_file(path)      -> contents | nil, message      (binary-safe)
--   util.copy(t)              -> a shallow copy (nil gives {})
--   util.deep_copy(v)         -> v with every table copied
--   util.trim(s)              -> s without leading and trailing space
--   util.squash(s)            -> trimmed, inner runs of space made one space ("a  b " -> "a b")
--   util.slug(s)              -> a file-safe name: "École Adams!" -> "ecole-adams"
--   util.is_date(s)           -> is s an ISO calendar date (YYYY-MM-DD) that exists?
--   util.format_name(f)       -> the report format an alias or extension names ("md" -> "markdown")
--   util.extension(format)    -> the file extension of a report format ("markdown" -> "md")
--   util.temp_beside(path)    -> a fresh temporary file name in PATH's folder (for a rename)
local host = require "cairn.host"
local date = require "cairn.date"

local util = {}

function util.read_file(path)
  local f, err = io.open(path, "rb")
  if not f then return nil, err end
  local s = f:read("a")
  f:close()
  return s
end

function util.copy(t)
  local c = {}
  for k, v in pairs(t or {}) do c[k] = v end
  return c
end

local function deep_copy(v)
  if type(v) ~= "table" then return v end
  local c = {}
  for k, x in pairs(v) do c[k] = deep_copy(x) end
  return c
end
util.deep_copy = deep_copy

function util.trim(s)
  return (s:gsub("^%s+", ""):gsub("%s+$", ""))
end

function util.squash(s)
  return (util.trim(s):gsub("%s+", " "))
end

-- Latin letters with accents, as their plain letters, so "École" slugs as "ecole".
local plain = {}
do
  local from = { "àáâãäå", "ç", "èéêë", "ìíîï", "ñ", "òóôõöø", "ùúûü", "ýÿ", "ÀÁÂÃÄÅ", "Ç", "ÈÉÊË",
    "ÌÍÎÏ", "Ñ", "ÒÓÔÕÖØ", "ÙÚÛÜ", "Ý" }
  local to = { "a", "c", "e", "i", "n", "o", "u", "y", "a", "c", "e", "i", "n", "o", "u", "y" }
  for i, chars in ipairs(from) do
    for _, cp in utf8.codes(chars) do plain[utf8.char(cp)] = to[i] end
  end
  plain["ß"], plain["æ"], plain["Æ"], plain["œ"], plain["Œ"] = "ss", "ae", "ae", "oe", "oe"
end

-- Lower-case ASCII letters and digits joined by single dashes ("" when nothing is left).
function util.slug(s)
  s = tostring(s):gsub("[\xC3\xC5][\x80-\xBF]", plain)
  s = s:lower():gsub("[^%w]+", "-"):gsub("^%-+", ""):gsub("%-+$", "")
  return s
end

util.is_date = date.is_iso

-- Report formats: the names accepted (aliases and extensions) and each format's extension.
local format_alias = { md = "markdown", markdown = "markdown", txt = "text", text = "text",
  html = "html", htm = "html", csv = "csv", json = "json", xlsx = "xlsx", docx = "docx", pdf = "pdf" }
util.extensions = { text = "txt", markdown = "md", html = "html", csv = "csv", json = "json",
  xlsx = "xlsx", docx = "docx", pdf = "pdf" }

function util.format_name(f)
  return format_alias[f and f:lower() or ""]
end

function util.extension(format)
  return util.extensions[util.format_name(format) or ""]
end

-- A temporary file name in PATH's folder (so renaming it over PATH is atomic), unique in this
-- run (the session's serial) and across processes (a hash of the moment). Raises when PATH
-- names no file or its folder does not exist.
function util.temp_beside(path)
  local dir, base = path:match("^(.*)/([^/]*)$")
  if not dir then dir, base = ".", path end
  if dir == "" then dir = "/" end
  if base == "" then error(path .. ": not a file name", 0) end
  if host.file_kind(dir) ~= "dir" then error(path .. ": folder " .. dir .. " does not exist", 0) end
  local n = require("cairn.session").current():next_serial()
  return string.format("%s/.%s.%s-%d.tmp", dir, base,
    host.hash(path .. tostring(n) .. tostring({}) .. tostring(host.clock())):sub(1, 8), n)
end

return util
