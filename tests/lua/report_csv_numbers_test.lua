-- CSV keeps Lua integers exact, even past 2^53 where a double would round them.
local t = require "tap"
local report = require "cairn.report"
local render = require "cairn.render"

local d = report.new { title = "T" }
d:table { columns = { "n" }, rows = { { math.maxinteger }, { 9007199254740993 }, { -42 }, { 0.5 } } }
t.is(render.csv(d.blocks[1]), "n\r\n9223372036854775807\r\n9007199254740993\r\n-42\r\n0.5\r\n",
  "integers are written digit for digit, floats exactly")
t.done()
