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
--
-- This file only puts the engine together; each concern has its own file in lua/cairn/tool/:
--   load.lua        finding and compiling a tool; reading an answers file
--   catalog.lua     tool.list, tool.show, tool.describe_field, tool.wrap
--   validate.lua    tool.validate and the problems message
--   save.lua        tool.save (worksheet + plan content through a sync scope), tool.run
--   worksheets.lua  tool.open_worksheet, tool.worksheets, tool.edit, tool.resume, parse_path
--   document.lua    tool.layout, tool.document, tool.report
--   check.lua       tool.check (for cairn check)
--   extend.lua      tool.extend: a tool built on another (relabel, add, drop, limits, checks)
--   form.lua, worksheet.lua, layout.lua, interact.lua, globals.lua: the form language, the
--   worksheet rows, the default report layout, the terminal conversation, the REPL globals.
local util = require "cairn.util"
local form = require "cairn.tool.form"
local worksheet = require "cairn.tool.worksheet"

local tool = {}

tool.form = form
tool.worksheet_class = worksheet.class
tool.deep_copy = util.deep_copy

for _, part in ipairs { "load", "catalog", "validate", "save", "worksheets", "document", "check" } do
  for name, fn in pairs(require("cairn.tool." .. part)) do
    if name ~= "problems_message" and name ~= "print_warnings" then tool[name] = fn end
  end
end

-- `return require("cairn.tool").extend("five_whys", { relabel = ..., add = ... })`: a tool file
-- that builds on another (docs/tool-format.md "Extending a tool").
tool.extend = require("cairn.tool.extend").extend

return tool
