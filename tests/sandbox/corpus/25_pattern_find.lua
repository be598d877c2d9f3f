-- expect: the pattern is too costly
local s = ("a"):rep(5000)
local r = string.find(s, ("a*"):rep(20) .. "b")
print(r)
