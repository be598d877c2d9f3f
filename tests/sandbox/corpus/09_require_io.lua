-- expect: require "io": not allowed
local io2 = require "io"
io2.open("pwned", "w")
