-- expect: string is read-only
string.find = function() return 1 end
