-- cairn.tool: the engine that runs every guidebook tool (docs/tool-format.md).
--
--   local tool = require "cairn.tool"
--   tool.list()                        tools on the search path, by stage
--   tool.show("five_whys")             instructions and form, as text
--   tool.run("five_whys", answers)     validate, store a worksheet, write plan content
--   tool.run("five_whys", "a.json")    the same from an answers file (JSON or Lua)
--   tool.run("five_whys")              ask on the terminal (prompts, back, review, drafts)
--   tool.open_worksheet(3)  tool.worksheets { tool = "five_whys" }  tool.resume(3)
--   tool.layout(w, doc)                a worksheet's report layout into a cairn.report document
--
-- A tool is found along the search path (tools/ID.lua; a district's copy wins) and checked
-- before use; a worksheet records the hash of the file that saved it.
local host = require "cairn.host"
local paths = require "cairn.paths"
local json = require "cairn.json"
local date = require "cairn.date"
local text = require "cairn.text"
local form = require "cairn.tool.form"
local worksheet = require "cairn.tool.worksheet"
local layout = require "cairn.tool.layout"
local session = require "cairn.session"
local util = require "cairn.util"

-- the session's day (as_of), fixed for the run
local function session_day() return session.current().as_of end

local tool = {}

tool.form = form
tool.worksheet_class = worksheet.class

-- ---- loading --------------------------------------------------------------------------------

local cache = {} -- path -> compiled tool, while the file's hash is unchanged

local function read_file(path)
  local f, err = io.open(path, "rb")
  if not f then return nil, err end
  local s = f:read("a")
  f:close()
  return s
end

-- Tool ids close to ID, for "did you mean".
local function similar(id)
  local out = {}
  for _, e in ipairs(paths.list("tools", ".lua")) do
    if e.name:find(id, 1, true) or id:find(e.name, 1, true) then out[#out + 1] = e.name end
  end
  return out
end

-- The tool ID, compiled: its declaration with .id, .path (the file used) and .hash (version).
-- Raises an error naming the file and element when the declaration is wrong.
function tool.load(id)
  if type(id) == "table" and id.hash then return id end
  if type(id) ~= "string" or not id:match("^[%w_%-]+$") then
    error(string.format("'%s' is not a tool id (tools() lists them)", tostring(id)), 0)
  end
  local path = paths.find("tools/" .. id .. ".lua")
  if not path then
    local near = similar(id)
    error(string.format("no tool '%s'%s (tools() or cairn tool list shows them)", id,
      #near > 0 and (" (did you mean " .. table.concat(near, ", ") .. "?)") or ""), 0)
  end
  local src, err = read_file(path)
  if not src then error(path .. ": " .. tostring(err), 0) end
  local hash = host.hash(src)
  local hit = cache[path]
  if hit and hit.hash == hash then return hit end
  local env = setmetatable({}, { __index = _G })
  local chunk, cerr = load(src, "@" .. path, "t", env)
  if not chunk then error(cerr, 0) end
  local ok, decl = pcall(chunk)
  if not ok then error(tostring(decl), 0) end
  local cok, problems = pcall(form.compile, decl, id)
  if not cok then problems = { "cannot check the declaration: " .. tostring(problems) } end
  if #problems > 0 then
    error(path .. ": " .. table.concat(problems, "\n" .. path .. ": "), 0)
  end
  decl.path, decl.hash = path, hash
  cache[path] = decl
  return decl
end

-- ---- listing and showing ------------------------------------------------------------------

local framework_order = { WestEd = 1, LEA = 2, NEA = 3, Massachusetts = 4, SFSS = 5 }
local stage_words = { "understanding", "logic", "action", "examine", "prepare", "act", "reflect",
  "create", "align", "implement", "section 1", "section 2" }

local function stage_rank(stage)
  local s = (stage or ""):lower()
  for i, w in ipairs(stage_words) do
    if s:find("%f[%a]" .. w) then return i end
  end
  return #stage_words + 1
end

local list_mt = {
  __tostring = function(list)
    if #list == 0 then return "(no tools match)" end
    local width = host.term_width()
    local rows = {}
    for i, e in ipairs(list) do
      rows[i] = { e.id, e.error and "(cannot load: see tool.load)" or e.title or "", e.stage or "" }
    end
    local idw, stw = 0, 0
    for _, r in ipairs(rows) do
      idw = math.max(idw, text.width(r[1]))
      stw = math.max(stw, text.width(r[3]))
    end
    local titlew = math.max(20, width - idw - stw - 6)
    for _, r in ipairs(rows) do r[2] = worksheet.short(r[2], titlew) end
    return (text.table({ "id", "title", "stage" }, rows, { count = false }):gsub("\n$", ""))
  end,
}

-- Tools on the search path, ordered by framework and stage. FILTER (optional) keeps those
-- whose stage, framework or id contains it (case-insensitive). Each entry: id, title, stage,
-- framework, summary, path, and error when the file cannot be loaded.
function tool.list(filter)
  local out = {}
  local want = filter and tostring(filter):lower()
  for _, e in ipairs(paths.list("tools", ".lua")) do
    local ok, T = pcall(tool.load, e.name)
    local entry
    if ok then
      entry = { id = T.id, title = T.title, stage = T.stage, framework = T.framework,
        summary = T.summary, path = T.path }
    else
      entry = { id = e.name, path = e.path, error = tostring(T), stage = "", title = "" }
    end
    local hay = ((entry.stage or "") .. " " .. (entry.framework or "") .. " " .. entry.id):lower()
    if not want or hay:find(want, 1, true) then out[#out + 1] = entry end
  end
  table.sort(out, function(a, b)
    local fa, fb = framework_order[a.framework] or 9, framework_order[b.framework] or 9
    if fa ~= fb then return fa < fb end
    local sa, sb = stage_rank(a.stage), stage_rank(b.stage)
    if sa ~= sb then return sa < sb end
    if (a.stage or "") ~= (b.stage or "") then return (a.stage or "") < (b.stage or "") end
    return a.id < b.id
  end)
  return setmetatable(out, list_mt)
end

local function wrap(s, width, indent)
  indent = indent or ""
  local lines, line = {}, indent
  for word in tostring(s):gmatch("%S+") do
    if line ~= indent and text.width(line) + 1 + text.width(word) > width then
      lines[#lines + 1] = line
      line = indent .. word
    else
      line = line == indent and indent .. word or line .. " " .. word
    end
  end
  if line ~= indent then lines[#lines + 1] = line end
  return table.concat(lines, "\n")
end
tool.wrap = wrap

-- A field's type, requirement and limits in words: "date, required", "choice: A, B".
function tool.describe_field(f)
  local parts = { form.type_names[f.type] }
  if f.required then parts[#parts + 1] = "required" end
  if f.min or f.max then
    parts[#parts + 1] = f.min and f.max and string.format("%s to %s", f.min, f.max)
      or f.min and ("at least " .. f.min) or ("at most " .. f.max)
  end
  local s = table.concat(parts, ", ")
  if f.choices then
    local labels = {}
    for i, c in ipairs(f.choices) do labels[i] = c.label end
    s = s .. ": " .. table.concat(labels, " | ")
  elseif f.levels then
    s = s .. ": " .. table.concat(f.levels, " | ")
  end
  return s
end

local function show_elements(elements, out, indent, width)
  for _, el in ipairs(elements) do
    if el.kind == "section" then
      out[#out + 1] = ""
      out[#out + 1] = indent .. "== " .. el.title .. " =="
      if el.help then out[#out + 1] = wrap(el.help, width, indent .. "   ") end
    elseif el.kind == "field" then
      out[#out + 1] = string.format("%s%s  [%s] (%s)", indent, el.label, el.id, tool.describe_field(el))
      if el.help then out[#out + 1] = wrap(el.help, width, indent .. "    ") end
    elseif el.kind == "table" then
      local limits
      if el.fixed then
        limits = string.format("rows: %s; at least %d filled", table.concat(el.rows, ", "), el.min_rows)
      else
        limits = string.format("repeated rows (%s): %d to %s", el.row_label, el.min_rows,
          el.max_rows and tostring(el.max_rows) or "any number")
      end
      out[#out + 1] = string.format("%sTable: %s  [%s]", indent, el.label, el.id)
      out[#out + 1] = wrap(limits, width, indent .. "    ")
      if el.help then out[#out + 1] = wrap(el.help, width, indent .. "    ") end
      for _, c in ipairs(el.columns) do
        out[#out + 1] = string.format("%s  - %s  [%s] (%s)", indent, c.label, c.id, tool.describe_field(c))
      end
    elseif el.kind == "group" then
      out[#out + 1] = string.format("%sRepeated: %s  [%s] (%d to %s)", indent, el.label, el.id, el.min,
        el.max and tostring(el.max) or "any number")
      if el.help then out[#out + 1] = wrap(el.help, width, indent .. "    ") end
      show_elements(el.form, out, indent .. "  ", width)
    end
  end
end

-- The tool's description, instructions and form as readable text.
function tool.show(id)
  local T = tool.load(id)
  local width = math.min(host.term_width(), 100) - 2
  local out = { T.title, string.rep("=", math.min(text.width(T.title), width)) }
  out[#out + 1] = "id: " .. T.id .. "    stage: " .. T.stage
    .. (T.framework and ("    framework: " .. T.framework) or "")
  if T.source then out[#out + 1] = "source: " .. T.source end
  out[#out + 1] = "file: " .. T.path .. "  (version " .. T.hash .. ")"
  if T.summary then out[#out + 1] = ""; out[#out + 1] = wrap(T.summary, width) end
  if T.instructions and #T.instructions > 0 then
    out[#out + 1] = ""
    out[#out + 1] = "Instructions"
    for i, s in ipairs(T.instructions) do
      out[#out + 1] = wrap(string.format("%d. %s", i, s), width, "  "):gsub("^  ", "  ")
    end
  end
  out[#out + 1] = ""
  out[#out + 1] = "Form"
  show_elements(T.form, out, "  ", width)
  return table.concat(out, "\n") .. "\n"
end

-- ---- validating ----------------------------------------------------------------------------

-- Validate ANSWERS for tool ID. Returns the stored answers, errors and warnings (lists of
-- { path =, message = }). opts.partial: a draft (no "required" or minimum counts);
-- opts.new_people: names accepted though not yet in the workspace.
function tool.validate(id, answers, opts)
  opts = opts or {}
  local T = tool.load(id)
  local ctx = { new_people = opts.new_people }
  local stored, errors = form.validate(T, answers, { partial = opts.partial, ctx = ctx })
  if opts.add_people then
    -- names not yet in the workspace become new people (listed in opts.add_people)
    local again = false
    for _, e in ipairs(errors) do
      if e.code == "unknown_person" and type(e.input) == "string" then
        local name = util.squash(e.input)
        ctx.new_people = ctx.new_people or {}
        if not ctx.new_people[name:lower()] then
          ctx.new_people[name:lower()] = name
          if type(opts.add_people) == "table" then table.insert(opts.add_people, name) end
        end
        again = true
      end
    end
    if again then stored, errors = form.validate(T, answers, { partial = opts.partial, ctx = ctx }) end
  end
  local warnings = {}
  if T.check and (#errors == 0 or opts.partial) then
    local c = {
      error = function(path, msg) errors[#errors + 1] = { path = path or "", message = msg, check = true } end,
      warn = function(path, msg) warnings[#warnings + 1] = { path = path or "", message = msg } end,
      partial = opts.partial or false,
      date = date,
    }
    local ok, err = pcall(T.check, stored, c)
    if not ok and not opts.partial then
      errors[#errors + 1] = { path = "", message = string.format("%s: the tool's check failed: %s",
        T.path, tostring(err)) }
    end
  end
  return stored, errors, warnings
end

local function problems_message(T, errors, where)
  local lines = { string.format("%s%s: %d problem%s in the answers:", where and (where .. ": ") or "",
    T.id, #errors, #errors == 1 and "" or "s") }
  for _, e in ipairs(errors) do lines[#lines + 1] = "  " .. form.format_error(e) end
  return table.concat(lines, "\n")
end

-- ---- answers files ---------------------------------------------------------------------------

-- Answers from a JSON or Lua file (Lua: `return { ... }`, run as text with an empty
-- environment). Returns the answers, or nil and "FILE:LINE: message".
function tool.load_answers(path)
  local src, err = read_file(path)
  if not src then return nil, string.format("%s: cannot read the answers file (%s)", path, err) end
  local is_lua = path:match("%.lua$") or (not path:match("%.json$") and src:match("^%s*return"))
  if is_lua then
    local chunk, lerr = load(src, "@" .. path, "t", {})
    if not chunk then return nil, lerr end
    local ok, v = pcall(chunk)
    if not ok then return nil, tostring(v) end
    if type(v) ~= "table" then
      return nil, string.format("%s: the file must return a table of answers, got %s", path, type(v))
    end
    return v
  end
  local v, jerr = json.decode(src, path)
  if jerr then return nil, jerr end
  if type(v) ~= "table" then
    return nil, string.format("%s: expected a JSON object of answers", path)
  end
  return v
end

-- ---- saving ----------------------------------------------------------------------------------

local function default_title(T, answers)
  if T.worksheet_title then
    local ok, t = pcall(T.worksheet_title, answers)
    if ok and type(t) == "string" and t:match("%S") then return t end
  end
  for _, el in ipairs(T.form) do
    if el.kind == "field" and (el.type == "text" or el.type == "longtext") and answers[el.id] then
      return worksheet.short(answers[el.id], 80)
    end
  end
  return T.title
end

-- Run the tool's to_plan for worksheet W inside a sync scope (cairn.plan.sync): what an
-- earlier save wrote (its plans, the items it added to other plans) is reused and updated, so
-- ids, status history, observations, snapshots and links survive; what the new answers no
-- longer write is deleted. The caller's transaction makes it all or nothing.
local function write_plan(T, w, opts)
  local okp, plan = pcall(require, "cairn.plan")
  if not okp then
    error(string.format("%s: to_plan needs the plan model (cairn.plan): %s", T.path, tostring(plan)), 0)
  end
  local sync = require "cairn.plan.sync"
  local before = { worksheet = w.id, plans = {}, items = {}, others = {} }
  for _, o in ipairs(worksheet.outputs(w.id)) do
    local list = o.kind == "plan" and before.plans or before.items
    list[#list + 1] = o.ref
  end
  local db = require("cairn.workspace").db()
  for r in db:rows("SELECT ref FROM worksheet_output WHERE kind = 'item' AND worksheet <> ? ORDER BY ref", w.id) do
    before.others[#before.others + 1] = r.ref
  end
  local proxy = setmetatable({
    create = function(spec)
      local s = {}
      for k, v in pairs(spec or {}) do s[k] = v end
      s.source = s.source or { tool = T.id, worksheet = w.id }
      return plan.create(s)
    end,
  }, { __index = plan })
  local ctx = { plan = proxy, worksheet = w, as_of = opts.as_of or session_day(), tool = T }
  -- which links the earlier save made is known by making them again: to_plan runs over the
  -- answers of the last final revision inside a savepoint that is then rolled back
  local old_links
  local prev = (#before.plans > 0 or #before.items > 0) and db:value([[SELECT answers FROM worksheet_revision
      WHERE worksheet = :w AND status = 'final'
        AND n < (SELECT max(n) FROM worksheet_revision WHERE worksheet = :w)
      ORDER BY n DESC LIMIT 1]], { w = w.id })
  local prev_answers = prev and json.decode(prev)
  if type(prev_answers) == "table" then
    local old_w = setmetatable({ answers = prev_answers }, { __index = w })
    local tx = db:begin()
    local okd, links = pcall(function()
      local dry = sync.begin(before)
      local ok = pcall(T.to_plan, prev_answers, { plan = proxy, worksheet = old_w, as_of = ctx.as_of,
        tool = T, replay = true })
      sync.abort(dry)
      return ok and dry.links or nil
    end)
    tx:rollback()
    if okd then old_links = links end -- a tool that fails on its old answers: links are kept
  end
  local scope = sync.begin(before)
  local ok, err = pcall(T.to_plan, w.answers, ctx)
  if not ok then
    sync.abort(scope)
    error(string.format("%s: to_plan failed: %s", T.path, tostring(err)), 0)
  end
  local okf, outputs = pcall(sync.finish, scope, old_links)
  if not okf then
    sync.abort(scope)
    error(outputs, 0)
  end
  worksheet.set_outputs(w.id, outputs)
end

-- Store validated ANSWERS for tool T as a new worksheet or a new revision of opts.worksheet.
-- opts: status ("final" | "draft"), title, by, position, as_of, plan (false: no to_plan).
function tool.save(T, answers, opts)
  opts = opts or {}
  local db = require("cairn.workspace").db()
  local status = opts.status or "final"
  local old = opts.worksheet
  local summary
  if old then
    summary = worksheet.summary(old.answers, answers)
    if old.status == "draft" and status == "final" then
      summary = (summary == "no changes" and "" or summary .. "; ") .. "saved as final"
    elseif status == "draft" then
      summary = "draft: " .. summary
    end
    if opts.title and opts.title ~= old.title then summary = summary .. "; new title" end
  else
    summary = status == "draft" and "draft started" or "created"
  end
  -- a title the engine made from the answers follows them; one given with --title stays
  local kept_title = old and old.title
  if old and old.title == default_title(T, old.answers) then kept_title = nil end
  local w
  db:transaction(function()
    local id = worksheet.store {
      id = old and old.id, tool = T.id, tool_version = T.hash,
      title = opts.title or kept_title or default_title(T, answers),
      status = status, answers = answers, position = status == "draft" and opts.position or nil,
      by = opts.by, summary = summary,
    }
    w = worksheet.get(id)
    if status == "final" and T.to_plan and opts.plan ~= false then write_plan(T, w, opts) end
  end)
  return w
end

local function print_warnings(warnings, where, opts)
  if opts.quiet then return end
  for _, e in ipairs(warnings) do
    io.stderr:write(where and (where .. ": ") or "", "warning: ", form.format_error(e), "\n")
  end
end

-- Run tool ID: with ANSWERS (a table) from Lua, with a file name from an answers file, or with
-- none on the terminal. Returns the stored worksheet; raises with every problem listed.
-- opts: title, by, as_of, status ("draft" to keep it a draft), plan (false: no plan content),
-- quiet (no warnings on stderr), add_people (names not in the workspace become new people
-- instead of errors; w.added_people lists them).
function tool.run(id, answers, opts)
  opts = opts or {}
  if answers == nil then return tool.interactive(id, opts) end
  local T = tool.load(id)
  local where
  if type(answers) == "string" then
    where = answers
    local a, err = tool.load_answers(answers)
    if not a then error(err, 0) end
    answers = a
  end
  if type(answers) ~= "table" then
    error("tool.run: answers must be a table or an answers file name", 2)
  end
  local added = opts.add_people and {} or nil
  local stored, errors, warnings = tool.validate(T, answers,
    { partial = opts.status == "draft", new_people = opts.new_people, add_people = added })
  if #errors > 0 then
    if where then
      local lines = {}
      for _, e in ipairs(errors) do lines[#lines + 1] = where .. ": " .. form.format_error(e) end
      error(table.concat(lines, "\n"), 0)
    end
    error(problems_message(T, errors), 0)
  end
  print_warnings(warnings, where, opts)
  local w = require("cairn.workspace").db():transaction(function()
    tool.add_people(added)
    return tool.save(T, stored, opts)
  end)
  w.warnings = warnings
  w.added_people = added
  return w
end

-- Add NAMES (a list) as people in the plan model (those not there yet).
function tool.add_people(names)
  if not names or #names == 0 then return end
  local plan = require "cairn.plan"
  for _, name in ipairs(names) do
    if not plan.find_person(name) then plan.person { name = name } end
  end
end

-- ---- paths inside answers ----------------------------------------------------------------------

-- "whys[2].evidence" -> { "whys", 2, "evidence" }, or nil.
function tool.parse_path(p)
  local out = {}
  local pos = 1
  while pos <= #p do
    local name, after = p:match("^%.?([%a_][%w_]*)()", pos)
    if name then
      out[#out + 1] = name
      pos = after
    else
      local idx, after2 = p:match("^%[(%d+)%]()", pos)
      if not idx then return nil end
      out[#out + 1] = tonumber(idx)
      pos = after2
    end
  end
  return #out > 0 and out or nil
end

local function deep_copy(v)
  if type(v) ~= "table" then return v end
  local out = {}
  for k, x in pairs(v) do out[k] = deep_copy(x) end
  return out
end
tool.deep_copy = deep_copy

-- ---- worksheets ------------------------------------------------------------------------------

function tool.open_worksheet(id)
  if getmetatable(id) == worksheet.class then return id end
  return worksheet.get(id)
end

-- Worksheets, newest first; filter { tool =, status = } (a string filter is a tool id).
function tool.worksheets(filter)
  if type(filter) == "string" then filter = { tool = filter } end
  return setmetatable(worksheet.list(filter), worksheet.list_mt)
end

-- Edit worksheet W: interactively (CHANGES nil) or with CHANGES from Lua ({ field = value } or
-- { ["table[2].column"] = value }; "" clears). Saves a new revision; returns W, refreshed.
function tool.edit(w, changes, opts)
  opts = opts or {}
  w = tool.open_worksheet(w)
  local T = tool.load(w.tool)
  if changes == nil then
    return require("cairn.tool.interact").edit(T, w, opts)
  end
  if type(changes) ~= "table" then error("edit: expected a table of changes", 2) end
  local answers = deep_copy(w.answers)
  local keys = {}
  for k in pairs(changes) do keys[#keys + 1] = k end
  table.sort(keys, function(a, b) return tostring(a) < tostring(b) end)
  for _, k in ipairs(keys) do
    local v = deep_copy(changes[k])
    local segs = type(k) == "string" and tool.parse_path(k)
    if not segs then error(string.format("edit: '%s' is not a field or path", tostring(k)), 2) end
    local t = answers
    for i = 1, #segs - 1 do
      if type(t[segs[i]]) ~= "table" then t[segs[i]] = {} end
      t = t[segs[i]]
    end
    if v == "" then v = nil end
    t[segs[#segs]] = v
  end
  local status = opts.status or w.status
  local stored, errors, warnings = tool.validate(T, answers,
    { partial = status == "draft", new_people = opts.new_people })
  if #errors > 0 then error(problems_message(T, errors, "worksheet " .. w.id), 0) end
  print_warnings(warnings, nil, opts)
  local fresh = tool.save(T, stored, { worksheet = w, status = status, title = opts.title,
    by = opts.by, as_of = opts.as_of, plan = opts.plan })
  for k, v in pairs(fresh) do w[k] = v end
  w.warnings = warnings
  return w
end

-- Ask for tool ID on the terminal (offering to resume its latest draft). Returns the worksheet
-- saved, or nil when the facilitator quit without saving.
function tool.interactive(id, opts)
  return require("cairn.tool.interact").run(tool.load(id), opts or {})
end

-- Continue a draft worksheet (or edit a final one) on the terminal.
function tool.resume(id, opts)
  local w = tool.open_worksheet(id)
  return require("cairn.tool.interact").resume(tool.load(w.tool), w, opts or {})
end

-- ---- reports -----------------------------------------------------------------------------------

-- Lay worksheet W out into the cairn.report document DOC: the tool's own report(w, doc), or
-- the default layout (the form in order).
function tool.layout(w, doc)
  w = tool.open_worksheet(w)
  local T = tool.load(w.tool)
  if T.report then
    local ok, err = pcall(T.report, w, doc)
    if not ok then error(string.format("%s: report failed: %s", T.path, tostring(err)), 0) end
  else
    layout.default(T, w, doc)
  end
  return doc
end

local extensions = { text = "txt", markdown = "md", md = "md", html = "html", json = "json",
  xlsx = "xlsx", csv = "csv", docx = "docx", pdf = "pdf" }

-- A cairn.report document for worksheet W.
function tool.document(w, opts)
  opts = opts or {}
  w = tool.open_worksheet(w)
  local T = tool.load(w.tool)
  local okr, report = pcall(require, "cairn.report")
  if not okr then error("reports need cairn.report: " .. tostring(report), 0) end
  local okd, district = pcall(require("cairn.workspace").district)
  local doc = report.new { title = w.title, subtitle = T.title, district = okd and district or nil,
    as_of = opts.as_of or session_day() }
  return tool.layout(w, doc)
end

-- Render worksheet W. FORMAT "text" (default) prints to the terminal unless opts.out is given;
-- other formats write opts.out (or TOOL-ID.EXT here) and return the path.
function tool.report(w, format, opts)
  opts = opts or {}
  w = tool.open_worksheet(w)
  format = format or (opts.out and opts.out:match("%.(%w+)$")) or "text"
  if format == "md" then format = "markdown" end
  if format == "txt" then format = "text" end
  local ext = extensions[format]
  if not ext then
    error(string.format("unknown report format '%s' (expected text, markdown, html, json, csv, xlsx, docx or pdf)",
      tostring(format)), 0)
  end
  local doc = tool.document(w, opts)
  if format == "text" and not opts.out then
    local s = doc:render("text")
    if opts.string then return s end
    io.stdout:write(s, s:sub(-1) == "\n" and "" or "\n")
    return -- nothing, so the REPL prints nothing more
  end
  local path = opts.out or string.format("%s-%d.%s", w.tool, w.id, ext)
  doc:write(path, format) -- atomic: a temporary file beside PATH, then a rename
  return path
end

-- ---- consistency ---------------------------------------------------------------------------------

-- Problems for `cairn check`: worksheets whose tool is gone, whose answers are not JSON, or
-- whose revisions are missing or out of order.
function tool.check(db)
  local problems = {}
  local ok = pcall(db.value, db, "SELECT count(*) FROM worksheet")
  if not ok then return problems end
  local known = {}
  for r in db:rows([[SELECT id, tool, status, answers,
                       (SELECT count(*) FROM worksheet_revision v WHERE v.worksheet = w.id) AS revs,
                       (SELECT max(n) FROM worksheet_revision v WHERE v.worksheet = w.id) AS maxn
                     FROM worksheet w ORDER BY id]]) do
    if known[r.tool] == nil then known[r.tool] = paths.find("tools/" .. r.tool .. ".lua") ~= nil end
    if not known[r.tool] then
      problems[#problems + 1] = string.format("worksheet %d: tool '%s' is not on the search path", r.id, r.tool)
    end
    local v, err = json.decode(r.answers, "answers")
    if v == nil and err then
      problems[#problems + 1] = string.format("worksheet %d: answers are not valid JSON (%s)", r.id, err)
    end
    if r.revs == 0 then
      problems[#problems + 1] = string.format("worksheet %d: has no revisions", r.id)
    elseif r.maxn ~= r.revs then
      problems[#problems + 1] = string.format("worksheet %d: revisions are numbered 1 to %d but there are %d",
        r.id, r.maxn, r.revs)
    end
  end
  return problems
end

return tool
