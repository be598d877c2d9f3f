-- expect: ran more than
local co = coroutine.wrap(function() while true do pcall(coroutine.yield) end end)
while true do pcall(co) end
