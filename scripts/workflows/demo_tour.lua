-- What `make demo` shows when there is no terminal: a few of the things a facilitator would do.
local ws = require "cairn.workspace"
print("District: " .. ws.district())
print("Workspace: " .. ws.path())
