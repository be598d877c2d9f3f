-- cairn.tool.interact: a tool as a conversation on the terminal (or piped input).
--
-- The form becomes a list of questions, recomputed after every answer (so "add another row?"
-- and optional rows change what comes next). At any question: empty keeps the answer shown
-- (or skips an optional question), ? explains, < or back goes back, skip leaves it empty,
-- review shows every answer, draft saves a draft, quit stops. After the last question the
-- review screen lists every answer with a number to edit it, then save, draft or quit.
-- All wording is here; cairn.ask only moves lines.
local ask = require "cairn.ask"
local form = require "cairn.tool.form"
local offer = require "cairn.tool.offer"
local layout = require "cairn.tool.layout"
local worksheet = require "cairn.tool.worksheet"
local util = require "cairn.util"
local session = require "cairn.session"
local json = require "cairn.json"
local date = require "cairn.date"
local training = require "cairn.tool.training"

local interact = {}

local words = {
  commands = "At any question: Enter keeps the answer shown (or skips an optional question), "
    .. "? explains the question, < or back goes back, skip leaves it empty, review shows every "
    .. "answer, draft saves a draft to finish later, quit stops.",
  start = "Type ? at any question for help, < to go back, review to see every answer.",
  required = "  ! An answer is required here (type skip to leave it for later).",
  eof = "Input ended before the worksheet was saved: nothing was saved.",
  kept = "Your answers are kept as draft worksheet %d: resume(%d) continues it.",
  failed = "Something went wrong; your answers are kept as draft worksheet %d: resume(%d) continues it.",
  nothing_saved = "Nothing was saved.",
  review_help = "Type a number to change that answer, save to save the worksheet, draft to save "
    .. "a draft and finish later, back to return to the question you were on, or quit.",
  cannot_save = "Cannot save yet: fix the problems marked ! (type a number to change an answer), "
    .. "or type draft to save a draft.",
  longtext = "several lines; an empty line ends the answer",
  longtext_ends_table = "several lines, then an empty line; empty now ends the table",
  ends_table = "empty ends the table",
  date_understood = "  → %s",
  editor_opens = "  Opening the answer in %s (save and close it to go on).",
  editor_failed = "  The editor did not finish (%s): the answer is kept as it was.",
  editor_kept_file = "  What you typed there is kept in %s.",
  editor_empty = "  The editor left the answer empty, so it is kept as it was (type skip to remove it).",
  line_by_line = "  (the answer line by line: Enter keeps a line, an empty line ends the answer)",
}
interact.words = words

-- "Partner Role" -> "partner role" inside a sentence; acronyms ("SFSS priority") stay.
local function lcfirst(s)
  return (s:gsub("%f[%w](%u)(%l)", function(a, b) return a:lower() .. b end))
end

local function filled(row)
  if type(row) ~= "table" then return row ~= nil end
  for _, v in pairs(row) do
    if filled(v) then return true end
  end
  return false
end

-- Drop the wholly empty rows of LIST in place (the questions hold the same table), so rows are
-- numbered as the review and the report number them: no empty "Root cause 1" before row 2.
local function drop_empty_rows(list)
  local kept = {}
  for i = 1, #list do
    if filled(list[i]) then kept[#kept + 1] = list[i] end
  end
  for i = #list, 1, -1 do list[i] = nil end
  for i, row in ipairs(kept) do list[i] = row end
end

-- The same for every repeated table and group of the form (fixed rows keep their places:
-- "3. Why" is the third why even when the second is empty).
local function compact(elements, container)
  for _, el in ipairs(elements) do
    local list = el.id and container[el.id]
    if (el.kind == "table" or el.kind == "group") and type(list) == "table" then
      if el.kind == "group" then
        for _, item in ipairs(list) do
          if type(item) == "table" then compact(el.form, item) end
        end
      end
      if not el.fixed then drop_empty_rows(list) end
    end
  end
end

-- What identifies a question across recomputations of the list: "field:goals[1].due#".
local function question_key(q)
  return q.kind .. ":" .. tostring(q.path) .. "#" .. tostring(q.index or "")
end

-- ---- the questions -------------------------------------------------------------------------

-- "Root cause 1 — How do we know?", but "Root cause 1" alone when the column only repeats the
-- row's name ("Root cause 1 — Root Cause(s)").
local function same_name(a, b)
  local function norm(s) return (s:lower():gsub("%(s%)", ""):gsub("[%s%p%d]+", " "):match("^%s*(.-)s?%s*$")) end
  return norm(a) == norm(b)
end

local function column_label(row_label, column)
  if same_name(row_label, column) then return row_label end
  return row_label .. " — " .. column
end

local function gen(elements, container, prefix, lprefix, out, st)
  local skipping = false -- inside a section whose when(answers) is false
  for _, el in ipairs(elements) do
    if el.kind == "section" then skipping = el.when ~= nil and not el.when(container) end
    if skipping then
      if el.kind ~= "section" then container[el.id] = nil end -- a section not asked has no answers
    elseif el.kind == "section" then
      out[#out + 1] = { kind = "section", el = el }
    elseif el.kind == "field" then
      out[#out + 1] = { kind = "field", f = el, t = container, key = el.id, path = prefix .. el.id,
        label = lprefix .. el.label }
    elseif el.kind == "table" or el.kind == "group" then
      local path = prefix .. el.id
      local list = container[el.id]
      if type(list) ~= "table" then
        list = {}
        container[el.id] = list
      end
      local first = #out + 1
      local function add_item(r)
        if el.kind == "group" then
          if type(list[r]) ~= "table" then list[r] = {} end
          gen(el.form, list[r], string.format("%s[%d].", path, r),
            string.format("%s%s %d › ", lprefix, el.label, r), out, st)
          return
        end
        if type(list[r]) ~= "table" then list[r] = {} end
        local row = list[r]
        local optional = r > el.min_rows
        local row_label = layout.row_label(el, r):gsub("%s*:%s*$", "")
        for ci, c in ipairs(el.columns) do
          if ci == 1 or not (el.fixed and optional) or filled(row) then
            out[#out + 1] = { kind = "field", f = c, t = row, key = c.id,
              path = string.format("%s[%d].%s", path, r, c.id),
              label = lprefix .. column_label(row_label, c.label),
              row = r, column = ci, scope = path, optional_row = el.fixed and optional,
              ends_table = el.fixed and optional and ci == 1 }
          end
        end
      end
      if el.kind == "table" and el.fixed then
        for r = 1, #el.rows do
          if r <= el.min_rows + 1 or filled(list[r - 1]) then add_item(r) else break end
        end
      else
        local min = el.kind == "group" and el.min or el.min_rows
        local max = el.kind == "group" and el.max or el.max_rows
        local name = el.kind == "group" and el.label or el.row_label
        while #list < min do list[#list + 1] = {} end
        -- "Add a root cause?" while no row above has an answer, "Add another" after one has
        local any_before = false
        local function more_label(r)
          return lprefix .. string.format("Add %s %s?", any_before and "another" or "a", lcfirst(name))
        end
        for r = 1, #list do
          if r > min then
            out[#out + 1] = { kind = "more", el = el, list = list, index = r, path = path, scope = path,
              label = more_label(r) }
          end
          add_item(r)
          any_before = any_before or filled(list[r])
        end
        if not st.closed[path] and (not max or #list < max) then
          local r = #list + 1
          out[#out + 1] = { kind = "more", el = el, list = list, index = r, path = path, scope = path,
            open = true, label = more_label(r) }
        end
      end
      if out[first] then out[first].intro = out[first].intro or el end
    end
  end
end

local function questions(T, st)
  local out = {}
  gen(T.form, st.answers, "", "", out, st)
  return out
end

-- ---- showing ----------------------------------------------------------------------------------

local function wrap(s, indent)
  if not s:find("\n") and #s + #indent <= 78 then return indent .. s end
  return require("cairn.tool").wrap(s, 78, indent)
end

local function show_value(f, v, room)
  if v == nil then return "" end
  local s = layout.display(f, v)
  if f.type == "longtext" then s = s:gsub("\n.*", " …") end
  return worksheet.short(s, math.max(room or 60, 60))
end

-- What to type, in a few words, or nil: shown after the question in one pair of parentheses
-- with the question's short help ("Timeline (By when? e.g. 15/06/2027 or June 2027)").
local function field_hint(f, ends_table)
  if f.type == "longtext" then
    return ends_table and words.longtext_ends_table or words.longtext
  end
  local hint
  if f.type == "date" then hint = date.prompt_forms[f.date_order or "month/day"]
  elseif f.type == "money" then hint = "$"
  elseif f.type == "multichoice" then hint = "numbers or names, separated by commas"
  elseif f.type == "choice" or f.type == "scale" then hint = "number or name"
  elseif f.suggestions then hint = "a number, or your own words"
  elseif f.type == "person" then hint = "a person's name"
  elseif f.type == "people" then hint = "names, separated by commas"
  end
  if ends_table then hint = hint and (hint .. "; " .. words.ends_table) or words.ends_table end
  return hint
end

-- The question as asked: label, then the short help and the hint in one pair of parentheses
-- (a help written "(...)" by the tool loses its own), then [y/n] for yes/no questions.
local function prompt_text(q, inline_help, ends_table)
  local f = q.f
  local prompt = q.label:gsub("%s*:%s*$", "") -- labels copied from a form may end in ":"
  local parts = {}
  if inline_help then parts[#parts + 1] = (f.help:gsub("^%((.*)%)$", "%1")) end
  local hint = field_hint(f, ends_table)
  if hint then parts[#parts + 1] = hint end
  if #parts > 0 then
    local sep = parts[1]:match("[?:]$") and " " or "; "
    prompt = prompt .. " (" .. table.concat(parts, sep) .. ")"
  end
  if f.type == "yesno" then prompt = prompt .. " [y/n]" end
  return prompt
end

local function show_options(f, st)
  if f.type == "choice" or f.type == "multichoice" then
    local parts = {}
    for i, c in ipairs(f.choices) do parts[i] = string.format("%d) %s", i, c.label) end
    ask.print(require("cairn.tool").wrap(table.concat(parts, " "), 78, "    "))
  elseif f.type == "scale" then
    local parts = {}
    for i, l in ipairs(f.levels) do parts[i] = string.format("%d) %s", i, l) end
    ask.print(require("cairn.tool").wrap(table.concat(parts, " "), 78, "    "))
  elseif f.suggestions then
    local parts = {}
    for i, x in ipairs(f.suggestions) do parts[i] = string.format("%d) %s", i, x) end
    ask.print(require("cairn.tool").wrap(table.concat(parts, " "), 78, "    "))
  elseif f.type == "person" or f.type == "people" then
    local people = form.known_people(st.ctx)
    if people and #people > 0 and #people <= 12 then
      ask.print(wrap("known: " .. table.concat(people, ", "), "    "))
    end
  end
end

local function show_help(q, T)
  local f = q.f
  ask.print("")
  ask.print(q.label)
  if f.help then ask.print(wrap(f.help, "    ")) end
  if f.placeholder then ask.print(wrap("For example: " .. f.placeholder, "    ")) end
  training.at_question(T, q, ask.print, wrap)
  ask.print(wrap("Answer: " .. require("cairn.tool").describe_field(f)
    .. (q.ends_table and "; leave empty to end the table here" or ""), "    "))
  ask.print(wrap(words.commands, "    "))
  ask.print("")
end

local function intro(T)
  ask.print("")
  ask.print(T.title)
  if T.source then ask.print(wrap(T.source, "  ")) end
  if T.instructions and #T.instructions > 0 then
    ask.print("")
    for i, s in ipairs(T.instructions) do ask.print(wrap(string.format("%d. %s", i, s), "  ")) end
  end
  ask.print("")
  ask.print(words.start)
end

local function show_intro_of(el)
  ask.print("")
  if el.kind == "section" then
    ask.print("== " .. el.title .. " ==")
  else
    ask.print(el.label)
  end
  if el.help then ask.print(wrap(el.help, "  ")) end
end

-- ---- asking one question --------------------------------------------------------------------------

local commands = { ["?"] = "help", help = "help", ["<"] = "back", back = "back", skip = "skip",
  review = "review", quit = "quit", draft = "draft" }

local function command_of(line)
  local s = line:match("^%s*(.-)%s*$")
  return commands[s:lower()]
end

-- The tool's own check on the answers so far: errors and warnings about PATH.
local function check_path(T, st, path)
  local tool = require "cairn.tool"
  local ok, _, errors, warnings = pcall(tool.validate, T, st.answers, { partial = true, new_people = st.ctx.new_people })
  if not ok then return {}, {} end
  local errs, warns = {}, {}
  for _, e in ipairs(errors) do if e.path == path and e.check then errs[#errs + 1] = e.message end end
  for _, e in ipairs(warnings) do if e.path == path then warns[#warns + 1] = e.message end end
  return errs, warns
end

local function read_longtext(first)
  local lines = { first }
  while true do
    local l = ask.line("  | ")
    if l == nil or l:match("^%s*$") then break end
    lines[#lines + 1] = l
  end
  return table.concat(lines, "\n")
end

-- The answer V of field F as text to edit, when typing that text back gives V again (so
-- accepting it unchanged cannot alter the answer); nil otherwise.
local function editable_text(f, v, st)
  local text = layout.display(f, v)
  if type(text) ~= "string" or text == "" then return nil end
  if text:find("\n") then return text end -- several lines: read back as typed
  local back = form.coerce(f, text, st.ctx)
  if back == nil or json.encode(back) ~= json.encode(v) then return nil end
  return text
end

local function split_lines(s)
  local out = {}
  for l in (s .. "\n"):gmatch("(.-)\n") do out[#out + 1] = l end
  return out
end

-- Changing answer OLD (its text) from the review screen on a terminal: the answer is offered
-- to change, not shown cut short in brackets. One line: in the line editor, already typed.
-- Several lines: in $VISUAL or $EDITOR on a temporary file; without an editor, or when it
-- fails, line by line in the line editor. Returns the text, and how: "unchanged", "whole" (a
-- whole answer of several lines, not to be continued), or nil (a line read as usual, which
-- may be a command); nil, why at the end of input.
local function read_changed(prompt, old)
  local lines = split_lines(old)
  if #lines > 1 then
    local editor = ask.editor()
    if editor then
      ask.print(string.format(words.editor_opens, editor))
      local new, why, kept_at = ask.in_editor(editor, old)
      if new and new:match("%S") then return new, new == old and "unchanged" or "whole" end
      if new then
        ask.print(words.editor_empty)
      else
        ask.print(string.format(words.editor_failed, why))
        if kept_at then ask.print(string.format(words.editor_kept_file, kept_at)) end
      end
    end
  end
  local first, why = ask.line(prompt, lines[1])
  if first == nil then return nil, why end
  if #lines == 1 then return first, first == old and "unchanged" or nil end
  if first ~= lines[1] and (command_of(first) or first:match("^%s*$")) then return first end
  ask.print(words.line_by_line)
  local out = { first }
  local k = 2
  while true do
    local l = ask.line("  | ", lines[k])
    if l == nil or l:match("^%s*$") then break end
    out[#out + 1] = l
    k = k + 1
  end
  local new = table.concat(out, "\n")
  return new, new == old and "unchanged" or "whole"
end

-- Ask field question Q. Returns "next", "back", "review", "quit", "draft" or "eof". EDITING:
-- the question was chosen on the review screen to change its answer.
local function ask_field(T, st, q, show_intro, editing)
  local f = q.f
  if show_intro and q.column == 1 and q.row and q.row > 1 then show_intro = false end
  local inline_help = f.help and #f.help <= 60 and not (q.column and q.row and q.row > 1)
  if f.help and not inline_help and show_intro and not (q.row and q.row > 1) then
    ask.print(wrap(f.help, "  "))
  end
  show_options(f, st)
  while true do
    local current = q.t[q.key]
    local shown = current
    local offered, say
    if shown == nil and not st.touched[q.path] then
      offered, say = offer.at_question(st, f, q.path) -- a value another tool hands on (offer.lua)
      if say then ask.print(wrap(say .. " " .. show_value(f, offered), "  ")) end
      shown = offered
      if shown == nil then shown = f.default end
    end
    local prompt = prompt_text(q, inline_help, q.ends_table and current == nil)
    local old_text = editing and current ~= nil and ask.can_offer() and editable_text(f, current, st)
    local line, why, how
    if old_text then
      line, how = read_changed(prompt .. ": ", old_text)
      if line == nil then why = how end
    else
      if shown ~= nil then prompt = prompt .. " [" .. show_value(f, shown) .. "]" end
      line, why = ask.line(prompt .. ": ")
    end
    if line == nil then return why == "interrupted" and "quit" or "eof" end
    if how == "unchanged" then
      st.touched[q.path] = true
      return "next"
    end
    local cmd = not how and command_of(line)
    if cmd == "help" then
      show_help(q, T)
    elseif cmd == "skip" then
      q.t[q.key] = nil
      st.touched[q.path] = true
      return "next"
    elseif cmd then
      return cmd
    else
      line = line:gsub("^\\", "")
      if offered ~= nil and line:match("^%s*%-%s*$") then -- "-": no, leave it empty
        q.t[q.key] = nil
        st.touched[q.path] = true
        return "next"
      end
      if line:match("^%s*$") then
        if shown ~= nil then
          q.t[q.key] = shown
          st.touched[q.path] = true
          return "next"
        end
        if f.required and not q.ends_table and not (q.optional_row and not filled(q.t)) then
          ask.print(words.required)
        else
          st.touched[q.path] = true
          return "next"
        end
      else
        if f.type == "longtext" and how ~= "whole" then line = read_longtext(line) end
        local value, err, code, unknown = form.coerce(f, line, st.ctx)
        if err and code == "unknown_person" then
          local name = util.squash(unknown or line)
          local add = ask.yesno(string.format("  '%s' is not in the workspace yet. Add them as a new person?",
            name), false)
          if add == nil then return "eof" end
          if add then
            st.ctx.new_people = st.ctx.new_people or {}
            st.ctx.new_people[name:lower()] = name
            value, err = form.coerce(f, line, st.ctx)   -- several people: the next unknown one, if any
          else
            err = nil
            value = nil
            ask.print("  Type another name, or skip.")
            goto continue
          end
        end
        if err then
          ask.print("  ! " .. err)
        else
          local old = q.t[q.key]
          q.t[q.key] = value
          st.touched[q.path] = true
          local errs, warns = check_path(T, st, q.path)
          if #errs > 0 then
            for _, m in ipairs(errs) do ask.print(wrap("! " .. m, "  ")) end
            q.t[q.key] = old
          else
            if f.type == "date" and value ~= util.trim(line) then
              local _, note = date.read(line, { order = f.date_order, as_of = st.ctx.as_of })
              ask.print(string.format(words.date_understood, value)
                .. " (" .. date.format(value, "long") .. (note and ("; " .. note) or "") .. ")")
            end
            for _, m in ipairs(warns) do ask.print(wrap("Note: " .. m, "  ")) end
            return "next"
          end
        end
      end
    end
    ::continue::
  end
end

-- Ask "add another row?" question Q. Returns like ask_field.
local function ask_more(st, q)
  local exists = not q.open
  while true do
    local line, why = ask.line(q.label .. (exists and " [Y/n]" or " [y/N]") .. ": ")
    if line == nil then return why == "interrupted" and "quit" or "eof" end
    local cmd = command_of(line)
    local a = line:match("^%s*(.-)%s*$"):lower()
    if cmd == "help" then
      ask.print(wrap(words.commands, "    "))
    elseif cmd == "skip" then
      a = "n"
    elseif cmd then
      return cmd
    end
    if a == "" then a = exists and "y" or "n" end
    if a == "y" or a == "yes" then
      if not exists then
        -- the new row comes after the rows with answers: rows left empty on the way go, so
        -- with no root cause yet the first one added is "Root cause 1"
        drop_empty_rows(q.list)
        local r = #q.list + 1
        q.list[r] = {}
        st.jump = string.format("%s[%d].", q.path, r)
      end
      st.closed[q.path] = nil
      st.added = q
      return "next"
    elseif a == "n" or a == "no" then
      if exists then
        local has = false
        for r = q.index, #q.list do if filled(q.list[r]) then has = true end end
        if has then
          local sure = ask.yesno(string.format("  Remove %s %d and what follows it?",
            q.el.kind == "group" and q.el.label or q.el.row_label, q.index), false)
          if sure == nil then return "eof" end
          if not sure then return "next" end
        end
        for r = #q.list, q.index, -1 do q.list[r] = nil end
      end
      st.closed[q.path] = true
      return "stay" -- this question is gone: what follows it moves up to the cursor
    elseif cmd ~= "help" then
      ask.print("  Please answer y or n.")
    end
  end
end

-- ---- review and saving ---------------------------------------------------------------------------

local function numbered(qs)
  local out = {}
  for _, q in ipairs(qs) do
    if q.kind == "field" or (q.kind == "more" and q.open) then out[#out + 1] = q end
  end
  return out
end

-- The words a note is about: the question at PATH, or the row ("Root cause 1") whose questions
-- are under PATH; nil when no question is there (the note then names the field path).
local function label_of(qs, path)
  if not path then return nil end
  for _, q in ipairs(qs) do
    if q.kind == "field" and q.path == path then return q.label end
  end
  for _, q in ipairs(qs) do
    if q.kind == "field" and q.path:sub(1, #path + 1) == path .. "." and path:match("%]$") then
      return (q.label:gsub(" — .*$", ""))
    end
  end
  return nil
end

local function review(T, st)
  local tool = require "cairn.tool"
  local qs = questions(T, st)
  local _, errors, warnings = tool.validate(T, st.answers, { new_people = st.ctx.new_people })
  local by_path, loose = {}, {}
  local list = numbered(qs)
  local paths = {}
  for _, q in ipairs(list) do if q.kind == "field" then paths[q.path] = true end end
  for _, e in ipairs(errors) do
    if paths[e.path] then
      by_path[e.path] = by_path[e.path] or {}
      table.insert(by_path[e.path], e.message)
    else
      loose[#loose + 1] = form.format_error(e)
    end
  end
  ask.print("")
  ask.print("Review: " .. T.title)
  local n = 0
  for _, q in ipairs(qs) do
    if q.kind == "section" then
      ask.print("  == " .. q.el.title .. " ==")
    elseif q.kind == "field" or (q.kind == "more" and q.open) then
      n = n + 1
      if q.kind == "more" then
        ask.print(string.format("%4d  (%s)", n, q.label:gsub("%?$", "")))
      else
        local v = q.t[q.key]
        local room = require("cairn.host").term_width() - 8 - require("cairn.text").width(q.label)
        ask.print(string.format("%4d  %s: %s", n, q.label, v == nil and "" or show_value(q.f, v, room)))
        for _, m in ipairs(by_path[q.path] or {}) do ask.print(wrap("! " .. m, "        ")) end
      end
    end
  end
  for _, m in ipairs(loose) do ask.print(wrap("! " .. m, "  ")) end
  for _, w in ipairs(warnings) do
    local where = label_of(qs, w.path)
    ask.print(wrap("Note: " .. (where and (where .. ": " .. w.message) or form.format_error(w)), "  "))
  end
  return list, #errors
end

local function add_new_people(st)
  if not st.ctx.new_people or st.opts.training then return end -- training adds nobody
  local plan = require "cairn.plan"
  local names = {}
  for _, name in pairs(st.ctx.new_people) do names[#names + 1] = name end
  table.sort(names)
  for _, name in ipairs(names) do
    if not plan.find_person or not plan.find_person(name) then plan.person { name = name } end
  end
end

-- Where the conversation stands ("field:path"), kept with a draft so resume() comes back here.
local function position_of(T, st)
  local here = questions(T, st)[st.cursor]
  return here and here.path and (here.kind .. ":" .. here.path) or nil
end

-- Keep every answer as it is given: after each one the draft is stored in its own short
-- transaction (no revision: the worksheet row only), so a crash, a closed laptop or a killed
-- terminal loses at most the answer being typed. A final worksheet being edited is left as it
-- is until it is saved (autosaving would turn it into a draft).
local function autosave(T, st)
  if st.existing and st.existing.status ~= "draft" then return end
  if not st.existing and not filled(st.answers) then return end
  local tool = require "cairn.tool"
  local answers = select(1, tool.validate(T, st.answers, { partial = true, new_people = st.ctx.new_people }))
  local position = position_of(T, st)
  local key = json.encode(answers) .. "\0" .. tostring(position)
  if key == st.saved_key then return end
  local old = st.existing
  local id = session.current():scope(function()
    add_new_people(st)
    return worksheet.store {
      id = old and old.id, tool = T.id, tool_version = T.hash,
      title = st.opts.title or tool.default_title(T, answers),
      status = "draft", answers = answers, position = position, by = st.opts.by,
      revision = false, training = st.opts.training,
    }
  end)
  if not old then
    st.existing, st.autosaved_new = worksheet.get(id), true
  else
    old.position = position
  end
  st.saved_key = key
end

-- Undo this conversation's autosaves (the facilitator answered No to keeping a draft).
local function discard(st)
  local w = st.existing
  if not w then return end
  if st.autosaved_new then
    session.current():scope(function() worksheet.remove_unrevised(w.id) end)
  elseif st.original and w.status == "draft" then
    local o = st.original
    session.current():scope(function()
      worksheet.store { id = o.id, tool = o.tool, tool_version = o.tool_version, title = o.title,
        status = o.status, answers = o.answers, position = o.position, revision = false }
    end)
  end
end

-- The facilitator left without saving (end of input, Ctrl-C twice, an error): what was
-- autosaved stays, and they are told how to come back to it.
local function keep(st, wording)
  if st.existing and st.existing.status == "draft" then
    ask.print(string.format(wording or words.kept, st.existing.id, st.existing.id))
  else
    ask.print(words.eof)
  end
end

local function save(T, st, status)
  local tool = require "cairn.tool"
  local answers = st.answers
  if status == "final" then
    local stored, errors = tool.validate(T, answers, { new_people = st.ctx.new_people })
    if #errors > 0 then
      ask.print(wrap(words.cannot_save, ""))
      return nil
    end
    answers = stored
  else
    answers = select(1, tool.validate(T, answers, { partial = true, new_people = st.ctx.new_people }))
  end
  local w = session.current():scope(function()
    add_new_people(st)
    return tool.save(T, answers, { worksheet = st.existing, status = status, title = st.opts.title,
      by = st.opts.by, as_of = st.opts.as_of, position = position_of(T, st),
      fresh = st.autosaved_new, training = st.opts.training })
  end)
  st.existing, st.autosaved_new, st.saved_key = w, nil, nil
  if status == "final" then
    ask.print(string.format("Saved worksheet %d (%s), revision %d.", w.id, T.id, w.revisions))
  else
    ask.print(string.format("Saved a draft: worksheet %d. resume(%d) continues it.", w.id, w.id))
  end
  return w
end

local function quit(T, st)
  if not filled(st.answers) and not st.existing then
    ask.print(words.nothing_saved)
    return "stop"
  end
  local yes = ask.yesno("Save a draft before you go?", true)
  if yes == nil then keep(st); return "stop" end -- a second Ctrl-C or end of input keeps it
  if yes then return "draft" end
  discard(st)
  ask.print(words.nothing_saved)
  return "stop"
end

-- ---- the conversation -------------------------------------------------------------------------------

local function prev_question(qs, i)
  i = i - 1
  while i >= 1 and qs[i].kind == "section" do i = i - 1 end
  return i
end

-- The index in QS of the first question whose path starts with PREFIX, or nil.
local function first_under(qs, prefix)
  for i, q in ipairs(qs) do
    if q.kind ~= "section" and q.path and q.path:sub(1, #prefix) == prefix then return i end
  end
end

-- Where "back" on the review screen goes: the question the review was entered from (typed
-- review there, or changed it by number), else the last question of the form.
local function back_from_review(st, qs)
  local from = st.came_from
  if from then
    for i, q in ipairs(qs) do
      if question_key(q) == from.key then return i end
    end
    -- that question is gone (an empty row dropped): its table's "add another?" question
    for i, q in ipairs(qs) do
      if q.kind == "more" and q.open and q.scope == from.scope then return i end
    end
  end
  return prev_question(qs, #qs + 1)
end

local function converse_steps(T, st)
  local mode = st.start_in_review and "review" or "walk"
  local single, single_scope
  while true do
    autosave(T, st) -- nothing new since the last time: no write
    if mode == "review" then
      compact(T.form, st.answers)
      local list, nerr = review(T, st)
      ask.print(wrap(words.review_help, ""))
      local line, why = ask.line("review> ")
      if line == nil and why == "interrupted" then line = "quit" end
      if line == nil then keep(st); return nil end
      local a = line:match("^%s*(.-)%s*$"):lower()
      local num = math.tointeger(tonumber(a))
      if num and list[num] then
        local qs = questions(T, st)
        for i, q in ipairs(qs) do
          if q.path == list[num].path and q.kind == list[num].kind and q.index == list[num].index then
            st.cursor = i
          end
        end
        single, mode = true, "walk"
      elseif num then
        ask.print(string.format("  There is no answer %d (1 to %d).", num, #list))
      elseif a == "save" then
        if nerr == 0 then return save(T, st, "final") end
        ask.print(wrap(words.cannot_save, ""))
      elseif a == "draft" then
        return save(T, st, "draft")
      elseif a == "quit" then
        local r = quit(T, st)
        if r == "draft" then return save(T, st, "draft") end
        return nil
      elseif a == "back" or a == "<" then
        st.cursor = back_from_review(st, questions(T, st))
        mode = "walk"
      elseif a == "?" or a == "help" then
        training.summary(T, ask.print, wrap) -- the worked example, if the tool has one
      elseif a == "" or a == "review" then
        -- show the review again
      else
        ask.print("  Type a number, save, draft, back or quit.")
      end
    else
      local qs = questions(T, st)
      if single_scope then
        -- a row added from the review screen: ask its questions, then back to the review
        local q = qs[st.cursor]
        local p = q and q.path or ""
        if p ~= single_scope and p:sub(1, #single_scope + 1) ~= single_scope .. "[" then
          single_scope, single, mode = nil, nil, "review"
        end
      end
      if mode == "review" then
        -- (left the added row)
      elseif st.cursor > #qs then
        mode, single = "review", nil
        st.came_from = nil -- the end of the form: back is its last question
      elseif st.cursor < 1 then
        st.cursor = 1
      else
        local q = qs[st.cursor]
        local action
        if q.kind == "section" then
          if not single then show_intro_of(q.el) end
          if not single and q.el.on_enter then
            -- the tool's hook (a facilitator timer): run = { say, state kept for this run }
            st.hook_state = st.hook_state or {}
            local ok, err = pcall(q.el.on_enter, { say = ask.print, state = st.hook_state })
            if not ok then ask.print("  (" .. tostring(err):gsub("^.-:%d+: ", "") .. ")") end
          end
          action = "next"
        else
          if q.intro and not single and not st.shown_intro[q.path .. "#intro"] then
            show_intro_of(q.intro)
            st.shown_intro[q.path .. "#intro"] = true
          end
          st.added = nil
          if q.kind == "field" then
            action = ask_field(T, st, q, not single, single and true or false)
          else
            action = ask_more(st, q)
          end
        end
        if action == "eof" then keep(st); return nil end
        if action == "stay" then
          if single then mode, single, single_scope = "review", nil, nil end
        end
        local jump = st.jump -- a row just added: its first question
        st.jump = nil
        local function advance()
          local target = jump and first_under(questions(T, st), jump)
          st.cursor = target or (st.cursor + 1)
        end
        if action == "next" then
          if single then
            if st.added and st.added == q then
              single, single_scope = false, q.scope
              advance()
            else
              single, mode = nil, "review"
            end
          else
            advance()
          end
        elseif action == "back" then
          if single then
            mode, single = "review", nil
          else
            st.cursor = prev_question(qs, st.cursor)
            if st.cursor < 1 then
              ask.print("  (this is the first question)")
              st.cursor = 1
            end
          end
        elseif action == "review" then
          mode, single, single_scope = "review", nil, nil
        elseif action == "draft" then
          return save(T, st, "draft")
        elseif action == "quit" then
          local r = quit(T, st)
          if r == "draft" then return save(T, st, "draft") end
          return nil
        end
        if mode == "review" and q.kind ~= "section" then
          st.came_from = { key = question_key(q), scope = q.scope }
        end
      end
    end
  end
end

-- The conversation, outside any unit of work (see Session:unlocked): no write lock is held
-- while the facilitator thinks. An error on the way keeps the autosaved draft and says so.
local function converse(T, st)
  local ok, result = pcall(converse_steps, T, st)
  if ok then return result end
  if st.existing and st.existing.status == "draft" then
    ask.print(string.format(words.failed, st.existing.id, st.existing.id))
  end
  error(result, 0)
end

-- A copy of ANSWERS keeping only what ELEMENTS ask (a district may have edited the tool since
-- the worksheet was saved); DROPPED collects the paths left out.
local function prune(elements, answers, prefix, dropped)
  local out, known = {}, {}
  if type(answers) ~= "table" then return out end
  for _, el in ipairs(elements) do
    if el.kind ~= "section" then
      known[el.id] = true
      local v = answers[el.id]
      if el.kind == "field" or v == nil or type(v) ~= "table" then
        out[el.id] = v
      else
        local list = {}
        for i, item in ipairs(v) do
          local p = string.format("%s%s[%d].", prefix, el.id, i)
          if el.kind == "group" then
            list[i] = prune(el.form, item, p, dropped)
          else
            list[i] = prune(el.columns, item, p, dropped)
          end
        end
        out[el.id] = list
      end
    end
  end
  for k in pairs(answers) do
    if not known[k] then dropped[#dropped + 1] = prefix .. tostring(k) end
  end
  return out
end

local function new_state(T, opts, existing)
  local answers, dropped = {}, {}
  if existing then answers = prune(T.form, existing.answers or {}, "", dropped) end
  table.sort(dropped)
  return training.continued({
    T = T, opts = opts, existing = existing, answers = answers, dropped = dropped,
    closed = {}, touched = {}, shown_intro = {}, ctx = {}, cursor = 1,
    original = existing and util.deep_copy(existing), -- to put back if the facilitator discards
  })
end

local function say_dropped(st)
  if #st.dropped > 0 then
    ask.print(wrap("(the tool no longer asks for these answers; saving leaves them out: "
      .. table.concat(st.dropped, ", ") .. ")", "  "))
  end
end

-- Run tool T on the terminal, offering to resume its latest draft first.
function interact.run(T, opts)
  return session.current():unlocked(interact.run_unlocked, T, opts)
end

function interact.run_unlocked(T, opts)
  -- no workspace: say so now, not after the whole conversation
  require("cairn.workspace").db()
  if opts.example then return training.start(T, opts, intro, new_state, converse) end
  local drafts = worksheet.list { tool = T.id, status = "draft" }
  if #drafts > 0 and not opts.new then
    local d = drafts[1]
    local yes = ask.yesno(string.format("There is a draft of %s: worksheet %d, \"%s\" (saved %s). Resume it?",
      T.id, d.id, worksheet.short(d.title, 40), (d.updated_at or ""):sub(1, 10)), true)
    if yes == nil then ask.print(words.eof); return nil end
    if yes then return interact.resume_unlocked(T, worksheet.get(d.id), opts) end
  end
  intro(T)
  local st = new_state(T, opts)
  return converse(T, st)
end

-- Continue draft W where it stopped (a final worksheet opens on its review screen).
function interact.resume(T, w, opts)
  return session.current():unlocked(function()
    -- read again outside the unit of work: what was passed in may be older than the draft
    local fresh = w.id and worksheet.get(w.id) or w
    return interact.resume_unlocked(T, fresh, opts)
  end)
end

function interact.resume_unlocked(T, w, opts)
  local st = new_state(T, opts, w)
  ask.print("")
  ask.print(string.format("%s: worksheet %d, \"%s\"", T.title, w.id, worksheet.short(w.title, 50)))
  if w.tool_version ~= T.hash then
    ask.print("  (the tool file has changed since this worksheet was saved; answers are checked again)")
  end
  say_dropped(st)
  st.start_in_review = true
  if w.status == "draft" and w.position then
    for i, q in ipairs(questions(T, st)) do
      if q.path and (q.kind .. ":" .. q.path) == w.position then
        st.cursor, st.start_in_review = i, false
        break
      end
    end
  end
  return converse(T, st)
end

-- Edit worksheet W: the review screen first; saving adds a revision.
function interact.edit(T, w, opts)
  local st = new_state(T, opts, w)
  st.start_in_review = true
  say_dropped(st)
  local saved = session.current():unlocked(converse, T, st)
  if saved then
    for k, v in pairs(saved) do w[k] = v end
    return w
  end
  return nil
end

-- The questions a conversation on ANSWERS asks, in order ({ kind =, path =, label =, f =, t =,
-- key = ... }): for a view that follows a draft from outside the conversation (cairn present).
function interact.question_list(T, answers)
  return questions(T, new_state(T, {}, { answers = answers or {} }))
end

return interact
