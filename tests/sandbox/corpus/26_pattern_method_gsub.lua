-- expect: the pattern is too costly
local s = ("a"):rep(100000)
local r = s:gsub(".-.-.-x", "")
print(r)
