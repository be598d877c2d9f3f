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

local function raw_line(prompt, text)
  local f = fed_input()
  if f then
    f.pos = f.pos + 1
    if f.lines[f.pos] == ask.interrupt then error("interrupted", 0) end
    return f.lines[f.pos]
  end
  if host.isatty(0) and host.readline then return host.readline(prompt, text) end
  io.stdout:flush()
  return io.read("l")
end

-- Can ask.line offer a line already typed (a person at a terminal, with line editing)?
function ask.can_offer()
  return ask.interactive() and host.readline ~= nil
end

-- Show PROMPT and read one line (without its newline); nil and "eof" at end of input, nil and
-- "interrupted" after Ctrl-C. When the input is not a terminal the line is echoed after the
-- prompt, so a log shows question and answer. TEXT (with ask.can_offer()) starts the line
-- already typed, for the person to change: an old answer is edited, not retyped.
function ask.line(prompt, text)
  prompt = prompt or ""
  local tty = ask.interactive()
  if not (tty and host.readline) then emit(prompt) end
  -- Ctrl-C during the read: the host raises "interrupted" at the next Lua instruction; the
  -- caller decides what it means (the tool engine treats it as quit, offering a draft)
  local ok, line = pcall(raw_line, prompt, text)
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

-- The person's text editor: $VISUAL, else $EDITOR (a command line, as git runs it), or nil.
function ask.editor()
  for _, name in ipairs { "VISUAL", "EDITOR" } do
    local e = os.getenv(name)
    if e and e:match("%S") then return e end
  end
  return nil
end

local function quote(s) return "'" .. s:gsub("'", "'\\''") .. "'" end

local function read_all(path)
  local f = io.open(path, "rb")
  if not f then return nil end
  local s = f:read("a")
  f:close()
  return s
end

-- Open EDITOR on a temporary file holding TEXT and return what the person saved (without the
-- final newlines). When the editor fails (cannot start, exits non-zero, the file is gone):
-- nil, what happened, and the path of the file when it holds changes (it is then kept, so
-- nothing typed in the editor is lost); otherwise the file is removed.
function ask.in_editor(editor, text)
  local path = os.tmpname()
  local f = io.open(path, "wb")
  if not f then os.remove(path); return nil, "cannot write a temporary file" end
  f:write(text, "\n")
  f:close()
  io.stdout:flush()
  local ok, how, code = os.execute(editor .. " " .. quote(path))
  local after = read_all(path)
  if not ok or not after then
    local why = not after and "its file is gone"
      or (how == "exit" and code == 127) and ("cannot run " .. editor)
      or string.format("%s %s", how == "signal" and "stopped by signal" or "exit status", tostring(code))
    if after and after ~= text .. "\n" then return nil, why, path end
    os.remove(path)
    return nil, why
  end
  os.remove(path)
  return (after:gsub("\r\n", "\n"):gsub("\n+$", ""))
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
