-- cairn.present: the live view of a running tool for a projector (`cairn present`, present()).
--
-- A tool autosaves its draft after every answer (cairn.tool.interact), so a second process can
-- follow it from the workspace alone: this one opens the workspace read-only, asks SQLite's
-- PRAGMA data_version (which changes whenever another connection commits; a cheap read of the
-- WAL index that holds no lock and never blocks a writer) a few times a second, and redraws the
-- frame when it changed or the terminal was resized. It shows the tool, the question being
-- asked and the answers so far, wrapped to the real width, in big spacing; the words and
-- colours are the theme's (`present` in lua/cairn/theme.lua, a district's cairn/theme.lua).
--
-- Which worksheet: the one named (present(12), `cairn present 12`), else the most recently
-- updated draft; with none, it says no tool is running and waits. q, Ctrl-C or Ctrl-D quits.
local host = require "cairn.host"
local text = require "cairn.text"
local session = require "cairn.session"

local present = {}

-- How often the workspace is asked, in seconds.
present.poll_interval = 0.25

-- ---- what to show -------------------------------------------------------------------------

local function fill(template, values)
  return (template:gsub("{(%w+)}", function(k)
    local v = values[k]
    return v ~= nil and tostring(v) or "{" .. k .. "}"
  end))
end

-- The theme's present settings (words, colours, spacing).
function present.style()
  local theme = require("cairn.report").theme()
  return theme.present or {}
end

-- The worksheet to show: WHICH (an id) or the newest draft; nil when there is none.
local function pick(db, which)
  local sql = "SELECT id, tool, title, status, answers, position, updated_at FROM worksheet"
  if which then return db:one(sql .. " WHERE id = ?", which) end
  return db:one(sql .. " WHERE status = 'draft' ORDER BY updated_at DESC, id DESC LIMIT 1")
end

-- Tool definitions by id and file hash, loaded once per view (a tool file is parsed once).
local function tool_def(cache, id)
  if cache[id] == nil then
    local ok, T = pcall(require("cairn.tool").load, id)
    cache[id] = ok and T or false
  end
  return cache[id] or nil
end

-- The state of worksheet row W as the view needs it: the tool's title, the question asked now
-- (nil at the review screen), and the answers so far as { label =, value = } in form order.
function present.state_of(w, cache)
  local answers = require("cairn.json").decode(w.answers) or {}
  local T = tool_def(cache or {}, w.tool)
  local st = { id = w.id, tool = T and T.title or w.tool, title = w.title, status = w.status,
    updated_at = w.updated_at, answers = {} }
  if not T then return st end
  local layout = require "cairn.tool.layout"
  local qs = require("cairn.tool.interact").question_list(T, answers)
  local kind, path = tostring(w.position or ""):match("^(%a+):(.+)$")
  for _, q in ipairs(qs) do
    if kind and q.kind == kind and q.path == path then st.now = q.label:gsub("%s*:%s*$", "") end
    if q.kind == "field" then
      local v = q.t[q.key]
      if v ~= nil and v ~= "" and not (type(v) == "table" and next(v) == nil) then
        st.answers[#st.answers + 1] = { label = q.label:gsub("%s*:%s*$", ""),
          value = layout.display(q.f, v) }
      end
    end
  end
  if w.status ~= "draft" then st.now = nil end
  return st
end

-- ---- the frame ----------------------------------------------------------------------------

-- The frame for STATE (nil: no tool running) at WIDTH x HEIGHT, as a list of lines.
-- opts: colour (boolean), style (the theme's present table), which (the id asked for), live
-- (the view is waiting for keys: say how to quit).
function present.frame(state, width, height, opts)
  opts = opts or {}
  local style = opts.style or present.style()
  local words, colours = style.words or {}, style.colors or {}
  local margin = math.max(2, math.floor(width * (style.margin or 0.08)))
  local inner = math.max(20, width - 2 * margin)
  local pad = string.rep(" ", margin)
  local gap = style.spacing or 1
  local function paint(role, s)
    local code = colours[role]
    if not opts.colour or not code or code == "" then return s end
    return "\27[" .. code .. "m" .. s .. "\27[0m"
  end
  local lines = {}
  local function add(role, s, indent)
    local wrapped = text.wrap(s, inner - #(indent or ""), "")
    for l in (wrapped .. "\n"):gmatch("(.-)\n") do
      lines[#lines + 1] = pad .. (indent or "") .. paint(role, l)
    end
  end
  local function blank(n) for _ = 1, n or 1 do lines[#lines + 1] = "" end end

  blank()
  if not state then
    if opts.which then
      add("title", fill(words.gone or "Worksheet {draft} is not there.", { draft = opts.which }))
    else
      add("title", words.waiting or "No tool is running.")
      blank()
      add("muted", words.waiting_more or "")
    end
    if opts.live then
      blank(2)
      add("muted", words.quit or "q quits")
    end
    return lines
  end

  local values = { tool = state.tool, id = state.id, title = state.title,
    time = (state.updated_at or ""):match("T(%d%d:%d%d:%d%d)") or "" }
  add("title", fill(words.title or "{tool}", values))
  blank(2)
  if state.status ~= "draft" then
    add("heading", fill(words.saved or "Saved as worksheet {id}", values))
  elseif state.now then
    add("heading", words.now or "NOW")
    blank()
    add("question", state.now)
  else
    add("heading", words.review or "Reviewing the answers")
  end
  blank(2)
  add("heading", words.so_far or "SO FAR")
  blank()

  -- the answers, the latest ones when they do not all fit (the room follows the newest)
  local footer = {}
  footer[#footer + 1] = ""
  local foot = fill(words.footer or "worksheet {id}", values)
  if opts.live then foot = foot .. " · " .. (words.quit or "q quits") end
  footer[#footer + 1] = pad .. paint("muted", foot)
  local blocks = {}
  for i, a in ipairs(state.answers) do
    local b = {}
    local before = #lines
    add("label", a.label)
    add("answer", a.value, "  ")
    for j = before + 1, #lines do b[#b + 1] = lines[j] end
    for j = #lines, before + 1, -1 do lines[j] = nil end
    blocks[i] = b
  end
  if #blocks == 0 then add("muted", words.nothing_yet or "") end
  local room = height - #lines - #footer - 1
  local first, used = #blocks + 1, 0
  while first > 1 do
    local need = #blocks[first - 1] + (first - 1 < #blocks and gap or 0)
    if used + need > room - (first > 2 and 2 or 0) then break end
    used = used + need
    first = first - 1
  end
  if first > 1 then
    add("muted", fill(words.earlier or "… {n} earlier answers", { n = first - 1 }))
    blank()
  end
  for i = first, #blocks do
    for _, l in ipairs(blocks[i]) do lines[#lines + 1] = l end
    if i < #blocks then blank(gap) end
  end
  for _, l in ipairs(footer) do lines[#lines + 1] = l end
  return lines
end

-- ---- the view -------------------------------------------------------------------------------

-- What to show now: the state of the worksheet followed, or nil. FOLLOW remembers the draft
-- followed so far, so a draft just saved stays on screen (as saved) until another one starts.
local function current_state(db, which, follow, cache)
  local w = pick(db, which)
  if not w and not which and follow.id then
    w = pick(db, follow.id)
    if w and w.status == "draft" then w = nil end -- deleted or discarded: nothing to follow
  end
  if not w then
    follow.id = nil
    return nil
  end
  follow.id = w.id
  return present.state_of(w, cache)
end

local function parse_which(which)
  if which == nil then return nil end
  local n = math.tointeger(tonumber(which))
  if not n or n < 1 then
    error(string.format("'%s' is not a worksheet number (worksheets() lists them)", tostring(which)), 0)
  end
  return n
end

-- present.run{ which =, once = } -> nil: follow the draft until q, Ctrl-C or Ctrl-D (or the end of
-- input), redrawing on every change. On a terminal it draws on the alternate screen and puts the
-- terminal back when it ends; otherwise (once, or output not a terminal) it prints each frame
-- as plain lines. Reads the workspace only, holding no lock between polls.
function present.run(opts)
  opts = opts or {}
  local which = parse_which(opts.which)
  local s = session.current()
  if not s:exists() then error("there is no workspace at " .. s:path(), 0) end
  local db = s:db()
  local tty = host.isatty(1) and not opts.once
  local colour = tty and not os.getenv("NO_COLOR") and os.getenv("TERM") ~= "dumb"
  local style = present.style()
  local cache, follow = {}, {}
  local out = opts.out or io.stdout

  local function draw()
    local width = tty and host.term_width() or (opts.width or 80)
    local height = tty and host.term_height() or (opts.height or 1000)
    local lines = present.frame(current_state(db, which, follow, cache), width, height,
      { colour = colour, style = style, which = which, live = not opts.once })
    if tty then
      out:write("\27[H\27[2J", table.concat(lines, "\r\n"))
    else
      out:write(table.concat(lines, "\n"), "\n")
    end
    out:flush()
    return width, height
  end

  if opts.once then
    draw()
    return nil
  end
  if tty then out:write("\27[?1049h\27[?25l") end
  local ok, err = pcall(function()
    local version = db:value("PRAGMA data_version")
    local width, height = draw()
    while true do
      local key = host.wait_key(present.poll_interval)
      if key == "" or key == "q" or key == "Q" or key == "\3" or key == "\4" then return end
      local now = db:value("PRAGMA data_version")
      local resized = tty and (host.term_width() ~= width or host.term_height() ~= height)
      if now ~= version or resized or key == "\12" then -- Ctrl-L redraws too
        version = now
        width, height = draw()
      end
    end
  end)
  if tty then out:write("\27[?25h\27[?1049l") out:flush() end
  if not ok and not tostring(err):find("interrupted", 1, true) then error(err, 0) end
  return nil
end

-- The REPL's present([id]): the live view in this terminal until q (the REPL's unit of work is
-- committed first and none is held while it runs, as when a tool waits for an answer).
-- Without a terminal (a piped REPL session) it prints the view once: reading keys would eat
-- the input that follows.
function present.repl(which)
  local once = not (host.isatty(0) and host.isatty(1))
  session.current():unlocked(present.run, { which = which, once = once }) -- prints no value
end

return present
