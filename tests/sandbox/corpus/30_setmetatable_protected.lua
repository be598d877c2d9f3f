-- expect: cannot change a protected metatable
setmetatable(string, nil)
