-- expect: memory (the sandbox's limit)
local s = ("x"):rep(1 << 30)
print("ESCAPED", #s)
