-- expect: __gc is not allowed
setmetatable({}, { __gc = function() while true do end end })
