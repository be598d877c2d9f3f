-- expect: io is not available
local f = io.open("pwned", "w")
f:write("x")
f:close()
