-- cairn.tool.worksheet: stored worksheets (migration 003) and the worksheet object.
--
-- A worksheet is one run of one tool: its current answers, title and status (draft or final),
-- the hash of the tool file that last saved it, and one revision per save (who, when, the
-- answers then, and a line saying what changed).
local json = require "cairn.json"
local ws = require "cairn.workspace"
local text = require "cairn.text"

local worksheet = {}

local W = {}
W.__index = W
worksheet.class = W

local now = require("cairn.date").now
worksheet.now = now

-- Who saves: BY when given, else the session's actor ($USER / $LOGNAME unless the edge said).
function worksheet.user(by)
  if by and by ~= "" then return by end
  local u = require("cairn.session").current().actor
  return (u and u ~= "") and u or "unknown"
end

local function decode(s, what)
  local v, err = json.decode(s, what)
  if v == nil and err then error(err, 0) end
  return v or {}
end

local function from_row(r)
  local w = setmetatable({
    id = r.id, tool = r.tool, tool_version = r.tool_version, title = r.title, status = r.status,
    answers = decode(r.answers, "worksheet " .. r.id), position = r.position,
    created_at = r.created_at, created_by = r.created_by, updated_at = r.updated_at,
    revisions = r.revisions, training = r.training,
  }, W)
  return w
end

local select_sql = [[
SELECT w.*, (SELECT count(*) FROM worksheet_revision r WHERE r.worksheet = w.id) AS revisions
FROM worksheet w]]

function worksheet.get(id)
  local n = math.tointeger(tonumber(id))
  if not n then error(string.format("'%s' is not a worksheet number", tostring(id)), 0) end
  local r = ws.db():one(select_sql .. " WHERE w.id = ?", n)
  if not r then error(string.format("there is no worksheet %d (worksheets() lists them)", n), 0) end
  return from_row(r)
end

-- Worksheets, newest first. filter: { tool = id, status = "draft"|"final" }.
function worksheet.list(filter)
  filter = filter or {}
  local where, params = {}, {}
  if filter.tool then where[#where + 1] = "w.tool = :tool"; params.tool = filter.tool end
  if filter.status then where[#where + 1] = "w.status = :status"; params.status = filter.status end
  local sql = select_sql .. (#where > 0 and (" WHERE " .. table.concat(where, " AND ")) or "")
    .. " ORDER BY w.updated_at DESC, w.id DESC"
  local out = {}
  for r in ws.db():rows(sql, params) do out[#out + 1] = from_row(r) end
  return out
end

-- ---- what changed between two answer sets -----------------------------------------------

local function flatten(v, path, out)
  if type(v) == "table" then
    if next(v) == nil then return end
    local n = #v
    if n > 0 then
      for i = 1, n do flatten(v[i], string.format("%s[%d]", path, i), out) end
      local is_list = true
      for k in pairs(v) do if math.type(k) ~= "integer" then is_list = false end end
      if is_list then return end
    end
    for k, x in pairs(v) do
      if type(k) == "string" then flatten(x, path == "" and k or path .. "." .. k, out) end
    end
    return
  end
  out[path] = json.encode(v)
end

-- "changed problem; added root_causes[2]" (short), or "no changes".
function worksheet.summary(old, new)
  local a, b = {}, {}
  flatten(old or {}, "", a)
  flatten(new or {}, "", b)
  local function row_of(p) return p:match("^(.*%[%d+%])[^%[]*$") end
  local function has_prefix(set, prefix)
    for k in pairs(set) do
      if k:sub(1, #prefix) == prefix then return true end
    end
    return false
  end
  local units, seen = {}, {}
  local paths = {}
  for k in pairs(a) do paths[#paths + 1] = k end
  for k in pairs(b) do if a[k] == nil then paths[#paths + 1] = k end end
  table.sort(paths)
  for _, p in ipairs(paths) do
    if a[p] ~= b[p] then
      local row, unit = row_of(p), nil
      if row and not has_prefix(a, row) then unit = "added " .. row
      elseif row and not has_prefix(b, row) then unit = "removed " .. row
      elseif a[p] == nil then unit = "added " .. p
      elseif b[p] == nil then unit = "cleared " .. p
      else unit = "changed " .. p end
      if not seen[unit] then
        seen[unit] = true
        units[#units + 1] = unit
      end
    end
  end
  if #units == 0 then return "no changes" end
  local shown = {}
  for i = 1, math.min(#units, 5) do shown[i] = units[i] end
  local s = table.concat(shown, "; ")
  if #units > 5 then s = s .. string.format("; and %d more", #units - 5) end
  return s
end

-- ---- storing ------------------------------------------------------------------------------

-- Insert or update a worksheet and add a revision. fields: id (update), tool, tool_version,
-- title, status, answers, position, by, summary, training (the worked example a training run
-- started from; kept once set); revision = false stores the row only (a
-- draft autosaved after each answer keeps no history of every keystroke). Returns the id.
function worksheet.store(f)
  local db = ws.db()
  local at = now()
  local by = worksheet.user(f.by)
  local answers = json.encode(f.answers or {})
  local id = f.id
  db:transaction(function()
    if id then
      db:exec([[UPDATE worksheet SET tool_version = :v, title = :title, status = :status,
                answers = :answers, position = :position, updated_at = :at,
                training = coalesce(:training, training) WHERE id = :id]],
        { v = f.tool_version, title = f.title, status = f.status, answers = answers,
          position = f.position, at = at, id = id, training = f.training })
    else
      db:exec([[INSERT INTO worksheet(tool, tool_version, title, status, answers, position,
                created_at, created_by, updated_at, training)
                VALUES (:tool, :v, :title, :status, :answers, :position, :at, :by, :at, :training)]],
        { tool = f.tool, v = f.tool_version, title = f.title, status = f.status, answers = answers,
          position = f.position, at = at, by = by, training = f.training })
      id = db:last_id()
    end
    if f.revision == false then return end
    local n = db:value("SELECT coalesce(max(n), 0) + 1 FROM worksheet_revision WHERE worksheet = ?", id)
    db:exec([[INSERT INTO worksheet_revision(worksheet, n, at, by, status, tool_version, answers, summary)
              VALUES (?, ?, ?, ?, ?, ?, ?, ?)]], id, n, at, by, f.status, f.tool_version, answers,
      f.summary)
  end)
  return id
end

-- Remove draft worksheet ID when nothing but autosaves ever stored it (no revision, no output):
-- the facilitator chose not to keep what they started.
function worksheet.remove_unrevised(id)
  ws.db():exec([[DELETE FROM worksheet WHERE id = ? AND status = 'draft'
    AND NOT EXISTS (SELECT 1 FROM worksheet_revision WHERE worksheet = ?)
    AND NOT EXISTS (SELECT 1 FROM worksheet_output WHERE worksheet = ?)]], id, id, id)
end

-- What worksheet ID wrote into the plan model: a list of { kind = "plan" | "item", ref = id }.
function worksheet.outputs(id)
  local out = {}
  for r in ws.db():rows("SELECT kind, ref FROM worksheet_output WHERE worksheet = ? ORDER BY kind, ref", id) do
    out[#out + 1] = r
  end
  return out
end

-- The plans worksheet ID created.
function worksheet.plans(id)
  local out = {}
  for _, o in ipairs(worksheet.outputs(id)) do
    if o.kind == "plan" then out[#out + 1] = o.ref end
  end
  return out
end

function worksheet.set_outputs(id, outputs)
  local db = ws.db()
  db:exec("DELETE FROM worksheet_output WHERE worksheet = ?", id)
  for _, o in ipairs(outputs) do
    db:exec("INSERT OR IGNORE INTO worksheet_output(worksheet, kind, ref) VALUES (?, ?, ?)", id, o.kind, o.ref)
  end
end

-- ---- the object ----------------------------------------------------------------------------

local function short(s, n)
  s = tostring(s or ""):gsub("%s+", " ")
  if text.width(s) <= n then return s end
  local cut = utf8.offset(s, n) or n
  return s:sub(1, cut - 1) .. "…"
end
worksheet.short = short

function W:__tostring()
  return string.format("worksheet %d · %s · %s (%s, %d revision%s, updated %s)", self.id, self.tool,
    short(self.title, 50), self.status, self.revisions or 0, self.revisions == 1 and "" or "s",
    (self.updated_at or ""):sub(1, 10))
end

-- The tool definition this worksheet belongs to (the current file on the search path).
function W:tool_def()
  return require("cairn.tool").load(self.tool)
end

-- w:edit() walks the answers again on the terminal (review screen first); w:edit(changes)
-- applies CHANGES (field ids, or paths like ["whys[2].evidence"]) from Lua. Either way the
-- result is validated and saved as a new revision. Returns the worksheet.
function W:edit(changes, opts)
  return require("cairn.tool").edit(self, changes, opts)
end

local history_mt = {
  __tostring = function(list)
    local rows = {}
    for i, r in ipairs(list) do
      rows[i] = { r.n, r.at:gsub("T", " "):gsub("Z$", ""), r.by, r.status, r.summary }
    end
    -- fits the terminal (80 columns when piped): "what changed" shrinks, never the date
    return (text.table({ "rev", "when (UTC)", "by", "status", "what changed" }, rows,
      { count = false, max_width = require("cairn.host").term_width(), keep = { [3] = true },
        floor = 20 }):gsub("\n$", ""))
  end,
}

-- Revisions, oldest first: { n, at, by, status, tool_version, summary, answers }.
function W:history()
  local out = {}
  for r in ws.db():rows([[SELECT n, at, by, status, tool_version, summary, answers
                          FROM worksheet_revision WHERE worksheet = ? ORDER BY n]], self.id) do
    r.answers = decode(r.answers, "worksheet " .. self.id .. " revision " .. r.n)
    out[#out + 1] = r
  end
  return setmetatable(out, history_mt)
end

-- Render the worksheet: "text" prints it (REPL) and returns nothing; another format writes a
-- file (opts.out, or TOOL-worksheet-ID.EXT, e.g. fishbone-diagram-worksheet-31.html, here) and returns its path.
function W:report(format, opts)
  return require("cairn.tool").report(self, format, opts)
end

-- Reload from the workspace (after an edit elsewhere).
function W:reload()
  local fresh = worksheet.get(self.id)
  for k, v in pairs(fresh) do self[k] = v end
  return self
end

local list_mt = {
  __tostring = function(list)
    if #list == 0 then return "(no worksheets)" end
    local rows = {}
    for i, w in ipairs(list) do
      rows[i] = { w.id, w.tool, w.title, w.status, w.revisions, (w.updated_at or ""):sub(1, 10) }
    end
    -- fits the terminal (80 columns when piped): the title (free text) shrinks first, then
    -- the tool id people type; dates and statuses are never cut; --json or --csv give them whole
    return (text.table({ "id", "tool", "title", "status", "revs", "updated" }, rows,
      { max_width = require("cairn.host").term_width(), keep = { [2] = true }, floor = 24 })
      :gsub("\n$", ""))
  end,
}
worksheet.list_mt = list_mt

return worksheet
