-- expect: memory (the sandbox's limit)
local t = {}
for i = 1, 1e6 do t[i] = ("z"):rep(200) end
print(#table.concat(t))
