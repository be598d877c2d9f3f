# One search path for require, tools, reports and themes (cairn paths shows it). The current
# folder is on it only when the workspace is there; cairn's own modules and Debian's Lua
# libraries can never be replaced by a file that happens to lie around.
$ mkdir -p cairn && echo 'print("cairn/cli.lua from the current folder ran")' > cairn/cli.lua && cp cairn/cli.lua cairn/args.lua
$ echo 'print("dkjson.lua from the current folder ran")' > dkjson.lua
$ echo 'return { hello = function() return "a district module" end }' > districtlib.lua
$ cairn --version | cut -c1-5
cairn
$ XDG_CONFIG_HOME=$PWD/conf cairn paths | sed "s|$PWD|PWD|; s,/[^ ]*/\(scripts\|lua\)  (built in),BUILTIN/\1  (built in),"
1. PWD/conf/cairn  (your config folder; not there)
2. BUILTIN/scripts  (built in)
3. BUILTIN/lua  (built in)
replaceable cairn modules: cairn.smart, cairn.survey.scales, cairn.theme
$ cairn -e 'print(pcall(require, "districtlib"))' | head -1
false	module 'districtlib' not found:
$ cairn init --district "Riverside Unified"
created cairn.db for Riverside Unified
$ XDG_CONFIG_HOME=$PWD/conf cairn paths | sed "s|$PWD|PWD|; s,/[^ ]*/\(scripts\|lua\)  (built in),BUILTIN/\1  (built in),"
1. .  (the workspace's folder)
2. PWD/conf/cairn  (your config folder; not there)
3. BUILTIN/scripts  (built in)
4. BUILTIN/lua  (built in)
replaceable cairn modules: cairn.smart, cairn.survey.scales, cairn.theme
$ cairn -e 'print(require("districtlib").hello())'
a district module
$ cairn -e 'print(require("cairn.json").encode { 1, 2 })'
[1,2]
$ mkdir -p elsewhere/tools && cp districtlib.lua elsewhere/ && rm districtlib.lua
$ CAIRN_PATH=$PWD/elsewhere cairn -e 'print(require("districtlib").hello())'
a district module
$ cairn -e 'print(package.path:find("./?.lua", 1, true))'
nil
