-- Community Outreach Guide (NEA, 002, Prepare: Discover Shared Goals).
--
-- Two brainstorm lists: how parents and community already have a voice in decisions, and how
-- that could be better. An improvement idea marked for follow-up becomes a step of a
-- "community outreach" plan (with an owner and date when given), since those ideas are what the
-- team then acts on (a survey, a community conversation, seats on committees).
local common = require "cairn.tools_common"

local form = common.form {
  { kind = "table", id = "current", row_label = "Practice", min_rows = 1,
    label = "How do you already include the voices of parents and community in decision making?",
    columns = {
      { id = "practice", label = "Current practice", type = "text", required = true },
    } },
  { kind = "table", id = "ideas", row_label = "Idea", min_rows = 1,
    label = "How could you better include those voices?",
    help = "Examples: Survey parents'/community priorities for district/school improvement; Hold a "
      .. "community conversation or town hall to solicit input on the district's priorities or on "
      .. "specific topics; Include parents/community on committees or task forces; Reach out to "
      .. "community partners for collaboration.",
    columns = {
      { id = "idea", label = "Idea", type = "text", required = true },
      { id = "follow_up", label = "Follow up on this idea?", report_label = "Follow up", type = "yesno" },
      { id = "owner", label = "Who follows up?", report_label = "Who", type = "person" },
      { id = "by", label = "By when?", report_label = "By", type = "date" },
    } },
}

local tool = {
  id = "community_outreach_guide",
  title = "Community Outreach Guide",
  source = "NEA, Collaborating for Student Success (2019 draft), Prepare: Discover Shared Goals",
  stage = "Prepare: Discover Shared Goals",
  framework = "NEA",
  summary = "Brainstorm how parents and the community are, and could be, included in decisions.",
  instructions = {
    "This tool can help you brainstorm how you might meaningfully include parents and the "
      .. "community in your collaboration.",
  },
  form = form,
  worksheet_title = function() return "Community outreach" end,
}

function tool.check(a, c)
  for _, r in ipairs(common.rows(a.ideas)) do
    if r.follow_up and not r.owner then
      c.warn(string.format("ideas[%d].owner", r._n), "Who will follow up on this idea?")
    end
  end
end

function tool.to_plan(a, ctx)
  local chosen = {}
  for _, r in ipairs(common.rows(a.ideas)) do if r.follow_up then chosen[#chosen + 1] = r end end
  if #chosen == 0 then return nil end
  local p = common.create_plan(ctx, { kind = "community_outreach", title = "Community outreach",
    level = "district", levels = { "action_step" } })
  for _, r in ipairs(chosen) do
    p:add { level = "action_step", text = r.idea, owner = r.owner, due = r.by }
  end
  return p
end

function tool.report(w, doc)
  local a = w.answers
  local cur = {}
  for _, r in ipairs(common.rows(a.current)) do cur[#cur + 1] = r.practice end
  doc:section("How we already include parent and community voices"):list(cur)
  common.form_table(doc:section("How we could better include those voices"), common.element(form, "ideas"),
    common.rows(a.ideas))
end

return tool
