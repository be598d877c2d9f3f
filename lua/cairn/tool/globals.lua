-- cairn.tool.globals: the REPL and script globals of the tool engine (lua/cairn/prelude.lua).
--   tools()  tools "prepare"          the tools, by stage (filtered by stage/framework text);
--   tools{full = true}                every title and stage whole
--   run "five_whys"                   ask on the terminal; run("five_whys", answers | "file.json")
--   worksheets()  worksheets { tool = "five_whys" }
--   resume()  resume(3)               continue the latest draft, or worksheet 3
--   progress()                        where the district stands in each framework (cairn status)
local tool = require "cairn.tool"

local globals = {}

-- tools(), tools "prepare", tools{full = true} (every title and stage whole, not fitted to the
-- screen), tools{"prepare", full = true}.
function globals.tools(filter)
  if type(filter) == "table" then
    local list = tool.list(filter[1] or filter.filter)
    if filter.full then rawset(list, "full", true) end
    return list
  end
  return tool.list(filter)
end

-- Nothing (not nil) when the facilitator quits, so the REPL prints nothing.
local function some(w)
  if w ~= nil then return w end
end

function globals.run(id, answers, opts)
  return some(tool.run(id, answers, opts))
end

function globals.worksheets(filter)
  return tool.worksheets(filter)
end

function globals.resume(id, opts)
  if id == nil then
    local drafts = tool.worksheets { status = "draft" }
    if #drafts == 0 then error("there is no draft worksheet to resume (worksheets() lists them)", 0) end
    id = drafts[1].id
  end
  return some(tool.resume(id, opts))
end

-- Where the district stands in each framework: tools done, drafts open, next, overdue.
function globals.progress(opts)
  return require("cairn.progress").status(opts)
end

return globals
