-- expect: stack overflow|ran more than|memory
local function f() return coroutine.wrap(f)() end
f()
