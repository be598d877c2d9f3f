-- cairn.ask: reading answers one line at a time, on a terminal or from piped input.
--
-- Everything interactive in cairn (the tool engine's prompts, yes/no questions) reads through
-- here, so one conversation works three ways: typed on a terminal; piped in (`cairn tool run
-- five_whys < answers.txt`, or a transcript feeding the REPL), where each answer read is echoed
-- after its prompt so the output reads like the conversation; and from a list of lines in a
-- unit test (ask.feed). Wording belongs to the callers; this module only moves lines.
local host = require "cairn.host"

local ask = {}

-- Fed input (ask.feed) belongs to the run, not to this module: it is kept on the session as
-- s.fed = { lines =, pos =, sink = } (lines: what to read; sink: a list collecting output).
local function fed_input()
  return require("cairn.session").current().fed
end

local function emit(...)
  local f = fed_input()
  local sink = f and f.sink
  if sink then
    for i = 1, select("#", ...) do sink[#sink + 1] = tostring((select(i, ...))) end
  else
    io.stdout:write(...)
  end
end

-- Does input come from a person at a terminal?
function ask.interactive()
  if fed_input() then return false end
  return host.isatty(0)
end

function ask.write(...)
  emit(...)
end

function ask.print(...)
  local parts = table.pack(...)
  for i = 1, parts.n do parts[i] = tostring(parts[i]) end
  emit(table.concat(parts, " "), "\n")
end

-- Replace the input with LINES (a list of strings) until the returned function is called;
-- for tests. Reading past the end is end of input. With OUTPUT (a list), what would be
-- written is appended there instead (table.concat(output) is the conversation).
function ask.feed(lines, output)
  local s = require("cairn.session").current()
  local saved = s.fed
  s.fed = { lines = lines, pos = 0, sink = output }
  return function() s.fed = saved end
end

-- In fed lines, ask.interrupt stands for a Ctrl-C at that prompt (for tests).
ask.interrupt = setmetatable({}, { __name = "Ctrl-C" })

local function raw_line(prompt)
  local f = fed_input()
  if f then
    f.pos = f.pos + 1
    if f.lines[f.pos] == ask.interrupt then error("interrupted", 0) end
    return f.lines[f.pos]
  end
  if host.isatty(0) and host.readline then return host.readline(prompt) end
  io.stdout:flush()
  return io.read("l")
end

-- Show PROMPT and read one line (without its newline); nil and "eof" at end of input, nil and
-- "interrupted" after Ctrl-C. When the input is not a terminal the line is echoed after the
-- prompt, so a log shows question and answer.
function ask.line(prompt)
  prompt = prompt or ""
  local tty = ask.interactive()
  if not (tty and host.readline) then emit(prompt) end
  -- Ctrl-C during the read: the host raises "interrupted" at the next Lua instruction; the
  -- caller decides what it means (the tool engine treats it as quit, offering a draft)
  local ok, line = pcall(raw_line, prompt)
  if not ok then
    if tostring(line):match("interrupted$") then
      emit("\n")
      return nil, "interrupted"
    end
    error(line, 0)
  end
  if line then line = line:gsub("\r$", "") end
  if not tty then emit(line or "", "\n") end
  local f = fed_input()
  if not (f and f.sink) then io.stdout:flush() end
  if line == nil then return nil, "eof" end
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
    emit("  Please answer y or n.\n")
  end
end

return ask
