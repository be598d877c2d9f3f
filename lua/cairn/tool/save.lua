-- cairn.tool.save: storing a worksheet (tool.save), writing its plan content through a sync
-- scope, and running a tool from answers (tool.run). Part of cairn.tool.
local json = require "cairn.json"
local session = require "cairn.session"
local form = require "cairn.tool.form"
local worksheet = require "cairn.tool.worksheet"
local loader = require "cairn.tool.load"
local validate = require "cairn.tool.validate"

local M = {}

-- the session's day (as_of), fixed for the run
local function session_day() return session.current().as_of end

function M.default_title(T, answers)
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
  local plan = require "cairn.plan"
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
-- opts: status ("final" | "draft"), title, by, position, as_of, plan (false: no to_plan),
-- fresh (opts.worksheet is a draft autosaved by this conversation: it counts as new),
-- training (the worked example a training run started from: stored with the worksheet, and no
-- plan content is written, so the example never shows up in the district's plans).
function M.save(T, answers, opts)
  opts = opts or {}
  local db = require("cairn.workspace").db()
  local status = opts.status or "final"
  local old = opts.worksheet
  local summary
  if old and not opts.fresh then
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
  local kept_title = old and not opts.fresh and old.title
  if kept_title and old.title == M.default_title(T, old.answers) then kept_title = nil end
  local w
  db:transaction(function()
    local id = worksheet.store {
      id = old and old.id, tool = T.id, tool_version = T.hash,
      title = opts.title or kept_title or M.default_title(T, answers),
      status = status, answers = answers, position = status == "draft" and opts.position or nil,
      by = opts.by, summary = summary, training = opts.training,
    }
    w = worksheet.get(id)
    if status == "final" and T.to_plan and opts.plan ~= false and not w.training then
      write_plan(T, w, opts)
    end
  end)
  return w
end

function M.print_warnings(warnings, where, opts)
  if opts.quiet then return end
  for _, e in ipairs(warnings) do
    io.stderr:write(where and (where .. ": ") or "", "warning: ", form.format_error(e), "\n")
  end
end

-- Whether tool T has a top-level question ID.
local function asks(T, id)
  for _, el in ipairs(T.form) do if el.id == id then return true end end
  return false
end

-- Run tool ID: with ANSWERS (a table) from Lua, with a file name from an answers file, or with
-- none on the terminal. Returns the stored worksheet; raises with every problem listed.
-- opts: title, by, as_of, status ("draft" to keep it a draft), plan (false: no plan content),
-- quiet (no warnings on stderr), add_people (names not in the workspace become new people
-- instead of errors; w.added_people lists them), accept_offers (fields the answers leave empty
-- take what other tools' worksheets offer them, cairn.tool.offer), example (true: on the
-- terminal, pre-filled from the tool's worked example, saved as training; answers
-- {example = true} means the same).
function M.run(id, answers, opts)
  opts = opts or {}
  -- run("ID", {example = true}): the REPL's way to start from the tool's worked example
  if type(answers) == "table" and answers.example ~= nil and next(answers, next(answers)) == nil
     and not asks(loader.load(id), "example") then
    opts = setmetatable({ example = answers.example }, { __index = opts })
    answers = nil
  end
  if answers == nil then return require("cairn.tool.worksheets").interactive(id, opts) end
  local T = loader.load(id)
  local where
  if type(answers) == "string" then
    where = answers
    local a, err = loader.load_answers(answers)
    if not a then error(err, 0) end
    answers = a
  end
  if type(answers) ~= "table" then
    error("tool.run: answers must be a table or an answers file name", 2)
  end
  -- offers (another tool's results handed on) only when asked for: never silently forced
  if opts.accept_offers then answers = require("cairn.tool.offer").fill(T, answers) end
  local added = opts.add_people and {} or nil
  local stored, errors, warnings = validate.validate(T, answers,
    { partial = opts.status == "draft", new_people = opts.new_people, add_people = added })
  if #errors > 0 then
    if where then
      local lines = {}
      for _, e in ipairs(errors) do lines[#lines + 1] = where .. ": " .. form.format_error(e) end
      error(table.concat(lines, "\n"), 0)
    end
    error(validate.problems_message(T, errors), 0)
  end
  M.print_warnings(warnings, where, opts)
  local w = require("cairn.workspace").db():transaction(function()
    M.add_people(added)
    return M.save(T, stored, opts)
  end)
  w.warnings = warnings
  w.added_people = added
  return w
end

-- Add NAMES (a list) as people in the plan model (those not there yet).
function M.add_people(names)
  if not names or #names == 0 then return end
  local plan = require "cairn.plan"
  for _, name in ipairs(names) do
    if not plan.find_person(name) then plan.person { name = name } end
  end
end

return M
