# An answers file is data from anyone: invalid UTF-8 is refused with the field path, deep
# nesting names the file and the limit, a Lua answers file runs in the sandbox (no io, limits),
# and nothing of its code runs after it returned. Nothing is stored in any of these cases.
$ cairn init --district "Riverside Unified" 2>/dev/null; printf '{"problem": "attendance", "why": ["late buses", "b\377d"]}' > bad.json; cairn tool run five_whys --answers bad.json
bad.json: why.2: not valid UTF-8
[1]
$ printf '{"problem\377": "x"}' > badkey.json; cairn tool run five_whys --answers badkey.json
badkey.json: a field name is not valid UTF-8
[1]
$ printf 'return { problem = "ok", why = { "caf\\xe9" } }' > bad.lua; cairn tool run five_whys --answers bad.lua
bad.lua: why.1: not valid UTF-8
[1]
$ lua5.4 -e 'io.write(("["):rep(300000))' > deep.json; cairn tool run five_whys --answers deep.json
deep.json: the answers are nested more than 64 levels deep (the limit for an answers file)
[1]
$ lua5.4 -e 'io.write("return " .. ("{"):rep(100) .. ("}"):rep(100))' > deep.lua; cairn tool run five_whys --answers deep.lua
deep.lua: the answers are nested more than 64 levels deep (the limit for an answers file)
[1]
$ printf 'return { problem = io.open("pwned", "w") }' > io.lua; cairn tool run five_whys --answers io.lua; ls pwned
io.lua, line 1: io is not available in a sandboxed script (no files)
ls: cannot access 'pwned': No such file or directory
[2]
$ printf 'return { problem = ("x"):rep(1 << 30) }' > big.lua; cairn tool run five_whys --answers big.lua
big.lua: stopped: it used more than 32 MiB of memory (the sandbox's limit)
[1]
$ printf 'while true do pcall(function() while true do end end) end' > loop.lua; cairn tool run five_whys --answers loop.lua
loop.lua: stopped: it ran more than 20000000 instructions (the sandbox's limit)
[1]
$ printf 'return setmetatable({}, { __index = function() while true do end end })' > meta.lua; cairn tool run five_whys --answers meta.lua
meta.lua: a table with a metatable is not an answer
[1]
$ printf 'return { problem = "x", why = { function() end } }' > fn.lua; cairn tool run five_whys --answers fn.lua
fn.lua: why.1: a function is not an answer (answers are text, numbers, true/false and tables)
[1]
$ cairn sql --csv "SELECT count(*) FROM worksheet"
count(*)
0
