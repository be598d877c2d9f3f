-- cairn.progress_line: one line on standard error saying how far something long has got (a
-- report batch, a survey import, a PDF being made), redrawn in place and cleared at the end.
--
--   local line = progress_line.new { quiet = opts.quiet }   -- nil when no line is wanted
--   if line then line:bar(0.45, "450,000 rows of responses.csv") end   -- [#####      ] 45% ...
--   if line then line:show("making report.pdf with Chromium…") end
--   if line then line:clear() end
--
-- A line is shown only to a person: standard error is a terminal, the run is not in CI ($CI
-- set, as CI services do) and not quiet (-q). Piped or logged output never gets one, so logs
-- stay free of carriage returns. The line never wraps: it is cut to the terminal's width.
local host = require "cairn.host"
local text = require "cairn.text"

local progress_line = {}

local BAR = 20 -- columns of the bar

-- Is a progress line wanted? (OPTS.quiet: the command's -q.)
function progress_line.wanted(opts)
  if opts and opts.quiet then return false end
  local ci = os.getenv("CI")
  if ci and ci ~= "" and ci ~= "0" and ci:lower() ~= "false" then return false end
  return host.isatty(2)
end

local Line = {}
Line.__index = Line

-- A progress line, or nil when none is wanted (see progress_line.wanted).
function progress_line.new(opts)
  if not progress_line.wanted(opts) then return nil end
  return setmetatable({ last = nil }, Line)
end

-- Show S in place of what the line showed before.
function Line:show(s)
  -- (spaces kept: they draw the bar)
  s = text.cut((s:gsub("[\r\n\t]", " ")), math.max(10, host.term_width() - 1))
  if s == self.last then return end
  io.stderr:write("\r", s, "\27[K")
  io.stderr:flush()
  self.last = s
end

-- A bar FRACTION (0 to 1) full, then LABEL: "[#########           ]  45% LABEL"; without a
-- fraction (nil: the total is not known) only the label.
function Line:bar(fraction, label)
  if not fraction then return self:show(label or "") end
  fraction = math.max(0, math.min(1, fraction))
  local fill = math.floor(fraction * BAR + 0.5)
  self:show(string.format("[%s%s] %3d%% %s", string.rep("#", fill), string.rep(" ", BAR - fill),
    math.floor(fraction * 100), label or ""))
end

-- Remove the line (the next output starts on a clean line).
function Line:clear()
  if self.last then
    io.stderr:write("\r\27[K")
    io.stderr:flush()
  end
  self.last = nil
end

return progress_line
