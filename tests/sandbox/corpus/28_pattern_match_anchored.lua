-- expect: the pattern is too costly
local s = (" "):rep(200000) .. "x"
local r = s:match("^(.-)%s*(.-)%s*(.-)%s*$")
print(r)
