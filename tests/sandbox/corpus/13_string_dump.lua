-- expect: string.dump is not available
local f = load(string.dump(function() return 1 end))
