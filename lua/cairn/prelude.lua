-- cairn.prelude: the global environment of REPL input and `cairn run` scripts.
--
-- Besides Lua's standard library it offers, loaded only on first use:
--   db      the workspace database (cairn.db handle)
--   plan, survey, report, tool     cairn's modules
--   ws      cairn.workspace
-- and the REPL helpers registered by cairn.repl (help, tools, run, ...). Library modules never
-- use these globals; they require what they need.
local prelude = {}

-- name -> function returning the value, evaluated once on first access
local lazy = {
  db = function() return require("cairn.workspace").db() end,
  ws = function() return require "cairn.workspace" end,
  plan = function() return require "cairn.plan" end,
  survey = function() return require "cairn.survey" end,
  report = function() return require "cairn.report" end,
  tool = function() return require "cairn.tool" end,
  team = function() return require "cairn.team" end,
  json = function() return require "cairn.json" end,
  tools = function() return require("cairn.tool.globals").tools end,
  run = function() return require("cairn.tool.globals").run end,
  worksheets = function() return require("cairn.tool.globals").worksheets end,
  resume = function() return require("cairn.tool.globals").resume end,
  progress = function() return require("cairn.tool.globals").progress end,
  help = function() return require("cairn.help").help end,
  present = function() return require("cairn.present").repl end,
  facilitator = function() return require("cairn.meeting").facilitator end,
  meeting = function() return require("cairn.meeting").repl end,
}

-- Extra globals from other modules (the REPL's help, tools, run): name -> value or loader.
local extra = {}

function prelude.define(name, value, is_loader)
  extra[name] = { value = value, loader = is_loader }
end

function prelude.lazy_names()
  local names = {}
  for k in pairs(lazy) do names[#names + 1] = k end
  for k in pairs(extra) do names[#names + 1] = k end
  table.sort(names)
  return names
end

local env

-- The shared environment: _G itself, with lazy globals behind a metatable, so REPL lines and
-- scripts see each other's globals as in plain Lua.
function prelude.env()
  if env then return env end
  env = _G
  setmetatable(env, {
    __index = function(t, k)
      local make = lazy[k]
      if make then
        local v = make()
        if k ~= "db" then rawset(t, k, v) end -- db is re-fetched: the workspace may reopen
        return v
      end
      local e = extra[k]
      if e then
        local v = e.value
        if e.loader then v = v() end
        rawset(t, k, v)
        return v
      end
      return nil
    end,
  })
  return env
end

return prelude
