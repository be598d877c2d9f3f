-- expect: the pattern is too costly
local s = ("ab"):rep(20000)
for m in s:gmatch("(.-)(.-)(.-)c") do print(m) end
