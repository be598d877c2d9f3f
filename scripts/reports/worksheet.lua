-- A stored tool worksheet, rendered with its tool's own layout (the tool's report function,
-- or the default layout: the form in order).
--
--   cairn report worksheet --param id=3 --format html
--   cairn report worksheet --each worksheet --format md --out worksheets/
--   cairn report worksheet --each worksheet --param tool=five_whys --out ws/
--
-- The worksheet comes from the tool engine (cairn.tool: open_worksheet, layout), so a district
-- that overrides a tool's layout (tools/ID.lua on its search path) sees it here too.
local function tool_engine()
  return require "cairn.tool"
end

local function has_worksheets(db)
  return db:value("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'worksheet'") ~= nil
end

return {
  name = "worksheet",
  title = "Worksheet",
  description = "A stored tool worksheet, laid out as its tool lays it out",
  params = {
    { name = "id", type = "integer", help = "the worksheet number (required unless --each worksheet)" },
    { name = "tool", type = "string", help = "with --each worksheet: only this tool's worksheets" },
    { name = "status", type = "choice", choices = { "any", "final", "draft" }, default = "any",
      help = "with --each worksheet: only final or draft worksheets" },
  },
  each = {
    worksheet = function(db, params)
      if not has_worksheets(db) then return {} end
      local groups = {}
      for r in db:rows([[SELECT id, tool FROM worksheet
                          WHERE (:tool IS NULL OR tool = :tool)
                            AND (:status = 'any' OR status = :status)
                          ORDER BY id]], { tool = params.tool, status = params.status or "any" }) do
        -- the label slugs to the worksheet's file stem ("fishbone-diagram-worksheet-31"), so
        -- files read worksheet-2026-11-fishbone-diagram-worksheet-31.html: not as a date
        groups[#groups + 1] = { key = r.id, label = tool_engine().file_stem { tool = r.tool, id = r.id } }
      end
      return groups
    end,
  },

  build = function(ctx)
    local id = ctx.group or ctx.params.id
    if id == nil then
      error("which worksheet? give --param id=N, or --each worksheet for all of them", 0)
    end
    local tool = tool_engine()
    local w = tool.open_worksheet(math.tointeger(tonumber(id)) or id)
    local tool_id = w.tool or w.tool_id
    local subtitle
    local ok, T = pcall(tool.load, tool_id)
    if ok and type(T) == "table" then subtitle = T.title end
    local doc = ctx.document { title = w.title or ("Worksheet " .. tostring(w.id)), subtitle = subtitle }
    tool.layout(w, doc)
    ctx.save { id = w.id, tool = tool_id, status = w.status }
    return doc
  end,
}
