-- cairn.pager: long output through a pager on a terminal, as psql does.
--
--   pager.write(s)   s to stdout; through $CAIRN_PAGER, $PAGER or `less -FRX` when stdin and
--                    stdout are terminals and s has more lines than the screen
--
-- Off when piped or redirected (scripts and tests see plain output), and when the pager is set
-- to an empty string (CAIRN_PAGER= or PAGER=). less -F quits by itself when the text fits,
-- -R keeps colours, -X leaves the text on the screen afterwards.
local host = require "cairn.host"

local pager = {}

-- The pager command, or nil when paging is off.
function pager.command()
  local cmd = os.getenv("CAIRN_PAGER")
  if cmd == nil then cmd = os.getenv("PAGER") end
  if cmd == nil then cmd = "less -FRX" end
  if not cmd:match("%S") then return nil end
  return cmd
end

local function line_count(s)
  local _, n = s:gsub("\n", "")
  return n
end

-- Would S go through the pager here?
function pager.wanted(s)
  if not (host.isatty(0) and host.isatty(1)) then return false end
  if not pager.command() then return false end
  return line_count(s) >= host.term_height() - 1
end

function pager.write(s)
  if pager.wanted(s) then
    io.stdout:flush()
    local p = io.popen(pager.command(), "w")
    if p then
      p:write(s)
      p:close()
      return
    end
  end
  io.stdout:write(s)
end

return pager
