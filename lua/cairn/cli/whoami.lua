-- cairn whoami: who is acting, the name written as `by` on revisions (lua/cairn/session.lua).
--
--   cairn whoami                 the name and where it comes from
--   cairn whoami NAME            keep NAME for this login in this workspace
--   cairn whoami --forget        forget it (the login name stands in again)
local args = require "cairn.args"
local session = require "cairn.session"

local from_words = {
  given = "given to the session",
  CAIRN_ACTOR = "from $CAIRN_ACTOR",
  workspace = "kept in this workspace for login %s",
  login = "the login name; `cairn whoami NAME` sets a name",
}

return {
  summary = "show or set who is facilitating (the name on revisions)",
  usage = "cairn whoami [NAME | --forget]",
  help = [[
Revisions, worksheet history and meeting exports say who made each change. cairn takes the
name from $CAIRN_ACTOR when it is set (scripts, cron, CI), else the facilitator name this login
keeps in this workspace, else the login name. The REPL asks for the name the first time it
starts on a terminal; `cairn whoami NAME` (or facilitator "Name" in the REPL) sets or changes
it, `cairn whoami --forget` forgets it. Without arguments it prints the name and where it
comes from.]],
  run = function(argv)
    local opts, rest = args.parse(argv, { flags = { forget = true } }, "whoami")
    if rest[2] then args.usage_error("expected one NAME (quote a name with spaces)", "whoami") end
    local s = session.current()
    local name = rest[1]
    if opts.forget and name then args.usage_error("give NAME or --forget, not both", "whoami") end
    if name or opts.forget then
      if name and not name:match("%S") then args.usage_error("NAME is empty", "whoami") end
      if not s:exists() then error("there is no workspace at " .. s:path(), 0) end
      s:set_facilitator(name and require("cairn.util").trim(name) or nil)
      if name then
        io.stderr:write(string.format("%s: kept the name %s for login %s\n", s:path(),
          s:stored_facilitator(), session.login()))
      else
        io.stderr:write(string.format("%s: forgot the name of %s\n", s:path(), session.login()))
      end
    end
    local actor, from = s:actor_source()
    io.stdout:write(actor, " (", string.format(from_words[from], session.login()), ")\n")
    return 0
  end,
}
