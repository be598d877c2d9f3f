-- cairn.ask: reading answers one line at a time, on a terminal or from piped input.
--
-- Everything interactive in cairn (the tool engine's prompts, yes/no questions) reads through
-- here, so one conversation works three ways: typed on a terminal; piped in (`cairn tool run
-- five_whys < answers.txt`, or a transcript feeding the REPL), where each answer read is echoed
-- after its prompt so the output reads like the conversation; and from a list of lines in a
-- unit test (ask.feed). Wording belongs to the callers; this module only moves lines.
local host = require "cairn.host"

local ask = {}

local fed          -- list of lines from ask.feed, or nil
local fed_pos = 0

-- Does input come from a person at a terminal?
function ask.interactive()
  if fed then return false end
  return host.isatty(0)
end

function ask.write(...)
  io.stdout:write(...)
end

function ask.print(...)
  local parts = table.pack(...)
  for i = 1, parts.n do parts[i] = tostring(parts[i]) end
  io.stdout:write(table.concat(parts, " "), "\n")
end

-- Replace the input with LINES (a list of strings) until the returned function is called;
-- for tests. Reading past the end is end of input.
function ask.feed(lines)
  local saved, saved_pos = fed, fed_pos
  fed, fed_pos = lines, 0
  return function() fed, fed_pos = saved, saved_pos end
end

local function raw_line(prompt)
  if fed then
    fed_pos = fed_pos + 1
    return fed[fed_pos]
  end
  if host.isatty(0) and host.readline then return host.readline(prompt) end
  io.stdout:flush()
  return io.read("l")
end

-- Show PROMPT and read one line (without its newline); nil at end of input. When the input is
-- not a terminal the line is echoed after the prompt, so a log shows question and answer.
function ask.line(prompt)
  prompt = prompt or ""
  local tty = ask.interactive()
  if not (tty and host.readline) then io.stdout:write(prompt) end
  local line = raw_line(prompt)
  if line then line = line:gsub("\r$", "") end
  if not tty then
    io.stdout:write(line or "", "\n")
  end
  io.stdout:flush()
  return line
end

-- A yes/no question; DEFAULT (true/false/nil) is taken on an empty answer. Returns true, false
-- or nil at end of input.
function ask.yesno(prompt, default)
  local hint = default == true and " [Y/n] " or default == false and " [y/N] " or " [y/n] "
  while true do
    local line = ask.line(prompt .. hint)
    if line == nil then return nil end
    local a = line:match("^%s*(.-)%s*$"):lower()
    if a == "" and default ~= nil then return default end
    if a == "y" or a == "yes" then return true end
    if a == "n" or a == "no" then return false end
    io.stdout:write("  Please answer y or n.\n")
  end
end

return ask
