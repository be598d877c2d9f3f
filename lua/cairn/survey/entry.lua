-- cairn.survey.entry: fast data entry of paper forms, one line per respondent:
--
--   Adams teacher 4 3 3 2 1+3 y 12 "More planning time"
--
-- attribute values first (in the instrument's order), then one answer per item in order: a
-- scale value or label ("4", "SA"), a choice number or label, checklist options as numbers or
-- labels joined by "+", y/n, a number, text in double quotes; "-" leaves an answer blank.
-- Each line is checked as soon as it is typed; a bad line is reported with what was expected and
-- not kept, so the person re-types it. Blank lines and "# notes" are skipped; "undo" drops the
-- last kept line; "done" (or end of input) stores the kept lines in one transaction.
local ws = require "cairn.workspace"
local model = require "cairn.survey.model"
local import = require "cairn.survey.import"

local M = {}

local function fail(fmt, ...) error(string.format(fmt, ...), 0) end

-- Split a line on spaces, keeping "quoted text" together. Returns tokens or nil, message.
function M.tokens(line)
  local out, i, n = {}, 1, #line
  while i <= n do
    local c = line:sub(i, i)
    if c:match("%s") then
      i = i + 1
    elseif c == '"' then
      local j = i + 1
      local buf = {}
      while true do
        if j > n then return nil, "a closing quote" end
        local d = line:sub(j, j)
        if d == '"' then
          if line:sub(j + 1, j + 1) == '"' then buf[#buf + 1] = '"'; j = j + 2
          else break end
        else
          buf[#buf + 1] = d
          j = j + 1
        end
      end
      out[#out + 1] = table.concat(buf)
      i = j + 1
    else
      local j = line:find("%s", i) or n + 1
      out[#out + 1] = line:sub(i, j - 1)
      i = j
    end
  end
  return out
end

local yes = { y = "Yes", yes = "Yes", n = "No", no = "No", ["1"] = "Yes", ["0"] = "No" }

-- One line to a response table; raises "what was expected" on a bad value.
function M.parse_line(inst, line)
  local toks, err = M.tokens(line)
  if not toks then fail("expected %s", err) end
  local want = #inst.attributes + #inst.items
  if #toks ~= want then
    local names = {}
    for _, a in ipairs(inst.attributes) do names[#names + 1] = a end
    for _, it in ipairs(inst.items) do names[#names + 1] = it.code end
    fail("%d values: expected %d (%s; \"-\" for a blank)", #toks, want, table.concat(names, " "))
  end
  local resp = {}
  for i, a in ipairs(inst.attributes) do
    if toks[i] ~= "-" then resp[a] = toks[i] end
  end
  local base = #inst.attributes
  for i, item in ipairs(inst.items) do
    local v = toks[base + i]
    if v ~= "-" then
      if item.type == "checklist" then
        local list = {}
        for part in (v .. "+"):gmatch("(.-)%+") do
          local k = math.tointeger(tonumber(part))
          if k and item.options[k] then list[#list + 1] = item.options[k].label
          elseif k then fail("%s: option %s: expected 1-%d", item.code, part, #item.options)
          else list[#list + 1] = part end
        end
        resp[item.code] = list
      elseif item.type == "yesno" then
        resp[item.code] = yes[v:lower()] or v
      else
        resp[item.code] = v
      end
    end
  end
  -- validate now (packing checks every value) without storing anything
  local ok, e = pcall(import.pack, { inst = inst, id = 0 }, resp, "entry", nil, nil, true)
  if not ok then fail("%s", (tostring(e):gsub("^entry: ", ""))) end
  return resp
end

-- Read lines from opts.input (a file handle, a string or a list of lines) and store them.
function M.entry(opts)
  if type(opts) ~= "table" or not opts.wave then
    fail("survey.entry: expected { wave = \"2026 fall\" [, instrument = \"id\"] [, input = io.stdin] }")
  end
  local db = opts.db or ws.db()
  local w
  if db:value("SELECT id FROM survey_wave WHERE name = ?", opts.wave) then
    w = model.get_wave(opts.wave, db)
  elseif opts.instrument then
    w = model.wave({ name = opts.wave, instrument = opts.instrument }, db)
  else
    fail("no survey wave '%s'; give the instrument to create it", opts.wave)
  end
  local inst = w.inst
  local out = opts.output or io.stdout
  local input = opts.input or io.stdin
  local next_line
  if type(input) == "string" then
    next_line = input:gmatch("([^\n]*)\n?")
  elseif type(input) == "table" and not io.type(input) then
    local i = 0
    next_line = function() i = i + 1; return input[i] end
  else
    next_line = function() return input:read("l") end
  end
  local names = {}
  for _, a in ipairs(inst.attributes) do names[#names + 1] = a end
  for _, it in ipairs(inst.items) do names[#names + 1] = it.code end
  local interactive = opts.prompt ~= false and input == io.stdin and require("cairn.host").isatty(0)
  if opts.quiet ~= true then
    out:write(string.format("entering %s into wave '%s': one line per form: %s\n", inst.id, w.name,
      table.concat(names, " ")))
    out:write("(\"-\" leaves an answer blank; undo drops the last line; done or Ctrl-D stores)\n")
  end
  local kept, errors, lineno = {}, {}, 0
  while true do
    if interactive then out:write(string.format("%d> ", #kept + 1)); out:flush() end
    local line = next_line()
    if line == nil then break end
    lineno = lineno + 1
    line = line:gsub("\r$", "")
    local trimmed = require("cairn.util").trim(line)
    if trimmed == "done" then break end
    if trimmed == "undo" then
      if #kept > 0 then
        table.remove(kept)
        out:write(string.format("line %d: dropped the last form (%d kept)\n", lineno, #kept))
      else
        out:write(string.format("line %d: nothing to undo\n", lineno))
      end
    elseif trimmed ~= "" and not trimmed:match("^#") then
      local ok, resp = pcall(M.parse_line, inst, trimmed)
      if ok then
        kept[#kept + 1] = resp
      else
        local msg = string.format("line %d: %s", lineno, tostring(resp))
        errors[#errors + 1] = msg
        out:write(msg .. " (not kept; type the line again)\n")
      end
    end
  end
  local res = { lines = lineno, kept = #kept, errors = errors, added = 0, duplicates = 0 }
  if #kept > 0 then
    local r = import.add_responses(w.name, kept, { db = db, source = "entry" })
    res.added, res.duplicates = r.added, r.duplicates
  end
  if opts.quiet ~= true then
    out:write(string.format("stored %d form%s in wave '%s'%s\n", res.added, res.added == 1 and "" or "s", w.name,
      #errors > 0 and string.format(" (%d line%s not kept)", #errors, #errors == 1 and "" or "s") or ""))
  end
  return res
end

return M
