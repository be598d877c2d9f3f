-- expect: attempt to index a nil value
local real = getmetatable("").__index
real.rep = nil
print("ESCAPED")
