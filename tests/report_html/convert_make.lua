-- cairn run convert_make.lua FORMAT OUT: the fixture document through cairn.convert.
local convert = require "cairn.convert"
local fx = dofile(os.getenv("CAIRN_TESTS") .. "/report_html/fixture.lua")
local fmt, out = arg[1], arg[2]
local ok, err = convert.write(fx.document(), out, fmt)
if not ok then error(err, 0) end
print("wrote " .. out)
