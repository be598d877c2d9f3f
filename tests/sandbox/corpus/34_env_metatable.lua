-- expect: cannot change a protected metatable
setmetatable(_ENV, nil)
io.open("pwned", "w")
