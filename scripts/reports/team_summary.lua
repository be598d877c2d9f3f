-- Team summary of a self-assessment: the worksheets members of a team filled in under one
-- session name, summarised through cairn.survey (distribution, spread and agreement per item;
-- a session smaller than the workspace's minimum group size is suppressed). See lua/cairn/team.lua.
--
--   cairn report team_summary --param tool=strengthening_partnerships_reflection \
--     --param "session=Spring 2027" --format md --out -
return {
  name = "team_summary",
  description = "A team's self-assessment worksheets (one session) summarised like a survey: "
    .. "distribution, spread and agreement per item",
  params = {
    { name = "tool", type = "string", required = true,
      help = "collaboration_skills_checklist, relationship_continuum, "
        .. "strengthening_partnerships_reflection or decision_making_check_in" },
    { name = "session", type = "string",
      help = "the session name members gave (or --each session for every session)" },
  },
  each = {
    session = function(_, params)
      local out = {}
      for _, s in ipairs(require("cairn.team").sessions(params.tool)) do out[#out + 1] = s.session end
      return out
    end,
  },
  build = function(ctx)
    local session = ctx.group or ctx.params.session
    if not session then error("give --param session=NAME, or --each session for every session", 0) end
    return require("cairn.team").summary { tool = ctx.params.tool, session = session,
      document = ctx.document }
  end,
}
