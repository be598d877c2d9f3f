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
--   util.temp_beside(path)    -> a fresh temporary file name in PATH's folder (for a rename),
--                                carrying this process's id: .NAME.HASH-pPID-N.tmp
--   util.remove_stale_temporaries(dir) -> how many temporaries of dead processes were removed
--   util.pid()                -> this process's id (nil where there is no /proc)
--   util.folder_and_base(path) -> "dir", "name" ("." for a bare name)
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
-- This process's id, from /proc/self (cairn runs on Linux); nil where there is no /proc.
function util.pid()
  local f = io.open("/proc/self/stat", "r")
  if not f then return nil end
  local pid = f:read("n")
  f:close()
  return math.tointeger(pid)
end

function util.folder_and_base(path)
  local dir, base = path:match("^(.*)/([^/]*)$")
  if not dir then dir, base = ".", path end
  if dir == "" then dir = "/" end
  return dir, base
end

-- The name carries the process id, so a temporary file left by a killed cairn can be told
-- from one a running cairn is still writing (util.remove_stale_temporaries).
function util.temp_beside(path)
  local dir, base = util.folder_and_base(path)
  if base == "" then error(path .. ": not a file name", 0) end
  if host.file_kind(dir) ~= "dir" then error(path .. ": folder " .. dir .. " does not exist", 0) end
  local n = require("cairn.session").current():next_serial()
  return string.format("%s/.%s.%s-p%d-%d.tmp", dir, base,
    host.hash(path .. tostring(n) .. tostring({}) .. tostring(host.clock())):sub(1, 8), util.pid() or 0, n)
end

-- Temporary files named in a report journal (.cairn-report-NAME.pending, lua/cairn/reports.lua)
-- belong to a killed run that the next run of that report completes or undoes: never removed here.
local function journaled(dir, names)
  local keep = {}
  for _, name in ipairs(names) do
    if name:match("^%.cairn%-report%-.*%.pending$") then
      local f = io.open(dir .. "/" .. name, "rb")
      if f then
        for line in f:lines() do
          local tmp = line:match("^[^\t]*\t([^\t]*)\t")
          if tmp then keep[tmp:match("([^/]*)$")] = true end
        end
        f:close()
      end
    end
  end
  return keep
end

-- Remove the temporary files (see temp_beside) in DIR whose process is gone: a report or a
-- write killed on the way leaves them, and nothing else would ever remove them. A process
-- that is still running (its /proc entry exists) keeps its files. Returns how many went.
function util.remove_stale_temporaries(dir)
  local names = host.list_dir(dir)
  if type(names) ~= "table" then return 0 end
  local keep, me, removed = journaled(dir, names), tostring(util.pid()), 0
  for _, name in ipairs(names) do
    local pid = name:match("^%..+%.%x%x%x%x%x%x%x%x%-p(%d+)%-%d+%.tmp$")
    if pid and pid ~= "0" and pid ~= me and not keep[name] and not host.file_kind("/proc/" .. pid) then
      if os.remove(dir .. "/" .. name) then removed = removed + 1 end
    end
  end
  return removed
end

return util
