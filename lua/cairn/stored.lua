-- cairn.stored: the JSON cairn keeps in text columns and the references between tables that no
-- foreign key enforces, checked by `cairn check` (stored.check(db) -> list of problems). A hand
-- edit, a bad restore or a broken disk can leave text that is not JSON, or JSON of the wrong
-- shape; the readers would then fail far from the cause, or quietly show less. The worksheet
-- answers, plan snapshots, survey instruments and rosters are checked by their own modules
-- (tool, plan and survey check), which know their deeper shapes.
local json = require "cairn.json"

local M = {}

-- Each JSON column: its table, how a row is named in a message (an SQL expression), the
-- column, and the shape cairn expects: "object" (string keys; {} is stored as [] when
-- empty), "list" (keys 1..n), "any" (any JSON value). NULL is allowed where null is true.
M.json_columns = {
  { tbl = "plan", name = "'plan #' || id", col = "levels", shape = "list", null = true },
  { tbl = "plan", name = "'plan #' || id", col = "fields", shape = "object", null = true },
  { tbl = "plan_item", name = "'item #' || id", col = "fields", shape = "object", null = true },
  { tbl = "worksheet_revision", name = "'worksheet ' || worksheet || ' revision ' || n", col = "answers", shape = "object" },
  { tbl = "report_run", name = "'report run #' || id || ' (' || report || ')'", col = "params", shape = "object" },
  { tbl = "report_output", name = "'report run #' || run_id || ' file ' || seq", col = "data", shape = "any", null = true },
}

local function is_list(t)
  local n = 0
  for _ in pairs(t) do n = n + 1 end
  for i = 1, n do if t[i] == nil then return false end end
  return true
end

local function is_object(t)
  if next(t) == nil then return true end
  for k in pairs(t) do if type(k) ~= "string" then return false end end
  return true
end

-- What is wrong with TEXT as a value of SHAPE, or nil when nothing is.
function M.json_problem(text, shape)
  if type(text) ~= "string" then return "expected JSON text, found a " .. type(text) end
  local v, err = json.decode(text, "text")
  if err then return "not valid JSON (" .. err:gsub("^[^:]*:%d+:%d+: ", "") .. ")" end
  if shape == "any" then return nil end
  if type(v) ~= "table" or (shape == "object" and not is_object(v)) or (shape == "list" and not is_list(v)) then
    return shape == "object" and "expected a JSON object" or "expected a JSON list"
  end
  return nil
end

local function has_table(db, name)
  return db:value("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?", name) ~= nil
end

function M.check(db)
  local problems = {}
  local function add(fmt, ...) problems[#problems + 1] = string.format(fmt, ...) end
  for _, c in ipairs(M.json_columns) do
    if has_table(db, c.tbl) then
      -- the names are from the list above, never from input
      local sql = string.format("SELECT %s AS name, %s AS v FROM %s ORDER BY rowid", c.name, c.col, c.tbl)
      for r in db:rows(sql) do
        if r.v == nil then
          if not c.null then add("%s: %s.%s is empty", r.name, c.tbl, c.col) end
        else
          local why = M.json_problem(r.v, c.shape)
          if why then add("%s: %s.%s is damaged: %s", r.name, c.tbl, c.col, why) end
        end
      end
    end
  end
  if has_table(db, "worksheet_output") then
    for r in db:rows([[SELECT o.worksheet, o.kind, o.ref FROM worksheet_output o
        WHERE (o.kind = 'plan' AND NOT EXISTS (SELECT 1 FROM plan p WHERE p.id = o.ref))
           OR (o.kind = 'item' AND NOT EXISTS (SELECT 1 FROM plan_item i WHERE i.id = o.ref))
        ORDER BY o.worksheet, o.kind, o.ref]]) do
      add("worksheet %d: wrote %s #%d, which no longer exists (worksheet_output)", r.worksheet, r.kind, r.ref)
    end
  end
  return problems
end

return M
