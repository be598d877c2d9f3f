-- expect: an error object of type table
error(setmetatable({}, { __tostring = function() while true do end end }))
