-- expect: io is not available
local _ENV = setmetatable({}, { __index = _G })
io.open("pwned", "w")
