-- Decision-Making Check-In Tool (002, Act: Define Process for Collaboration).
--
-- The tool page itself is missing from the guidebook; this follows the chapter's description of
-- Dr. W. Patrick Dolan's seven-step decision scale: steps one and seven are decisions made solely
-- by one party, step four is true collaboration, and step three is one party deciding after
-- listening to and considering the group's input. The guidebook does not describe steps 2, 5 and 6
-- nor say which party is at step one; the labels below say only what it says. A district that
-- uses Dolan's full scale copies this tool and fills in the labels.
local common = require "cairn.tools_common"
local steps = {
  "1 - decided solely by the first party",
  "2",
  "3 - the first party decides after listening to and considering the group's input",
  "4 - true collaboration: decided together",
  "5",
  "6",
  "7 - decided solely by the second party",
}

-- Members' expectations for one decision that differ by at least this many steps need a talk.
local clarify_spread = 2

return {
  id = "decision_making_check_in",
  title = "Decision-Making Check-In Tool",
  source = "NEA, Collaborating for Student Success (draft, October 2019); decision scale by "
    .. "Dr. W. Patrick Dolan, Consortium for Educational Change",
  stage = "Act: Define Process for Collaboration",
  framework = "NEA",
  kind = "self-assessment",
  summary = "Each team member places upcoming decisions on the seven-step decision scale, so the "
    .. "team sees where expectations differ before the decision is made.",
  instructions = {
    "The Decision-Making Check-In Tool helps team members evaluate their decision making "
      .. "expectations in various group situations.",
    "Of the seven decision-making steps on the scale, steps one and seven represent authoritarian "
      .. "decisions that are made solely by one party. As you move towards the center of the "
      .. "scale, each step moves a degree closer towards the true collaboration represented by "
      .. "step four. The more decisions that can be made at step four, the stronger the "
      .. "collaborative relationship becomes.",
    "Being clear from the outset about where a decision lies on the continuum helps avoid conflict.",
    "Each member lists the decisions and the step they expect; members of one team use the same "
      .. "session name and the same wording for each decision, and the team summary shows where "
      .. "expectations spread apart.",
  },
  steps = steps,
  clarify_spread = clarify_spread,

  -- team summary (cairn.team): one survey item per decision, on the seven steps (4 = shared)
  survey = { kind = "rows", table = "decisions", label = "decision", value = "step",
             scale = { levels = steps, favorable = { 4 } } },

  worksheet_title = function(a)
    return "Decision check-in" .. (a.team and (": " .. a.team) or "")
      .. (a.member and (", " .. a.member) or "")
  end,

  form = {
    { id = "team", type = "text", label = "Team or committee" },
    { id = "member", type = "text", label = "Team member (optional)",
      help = "team summaries never show names" },
    { id = "session", type = "text", label = "Team session (optional)",
      help = "Members checking in together use the same name, e.g. \"DLT 2026-11\"." },
    { id = "first_party", type = "text", label = "Party at step 1", required = true,
      default = "District administration" },
    { id = "second_party", type = "text", label = "Party at step 7", required = true,
      default = "Education association/union" },
    { kind = "table", id = "decisions", label = "Decisions", min_rows = 1, row_label = "Decision",
      columns = {
        { id = "decision", label = "Decision", type = "text", required = true },
        { id = "step", label = "Where I expect it on the scale (1-7)", type = "scale", scale = steps,
          required = true },
        { id = "why", label = "Why", type = "longtext" },
      } },
  },

  check = function(a, c)
    common.check_unique(c, "decisions", a.decisions, "decision", function(v, first)
      return string.format("'%s' is already decision %d", v, first)
    end)
  end,

  report = function(w, doc)
    local a = w.answers
    local kv = {}
    if a.team then kv[#kv + 1] = { "Team or committee", a.team } end
    if a.member then kv[#kv + 1] = { "Team member", a.member } end
    if a.session then kv[#kv + 1] = { "Team session", a.session } end
    kv[#kv + 1] = { "Step 1", "decided solely by " .. (a.first_party or "the first party") }
    kv[#kv + 1] = { "Step 4", "true collaboration" }
    kv[#kv + 1] = { "Step 7", "decided solely by " .. (a.second_party or "the second party") }
    doc:keyvalue(kv)
    local rows, shared = {}, 0
    for _, r in ipairs(a.decisions or {}) do
      if r.step == 4 then shared = shared + 1 end
      rows[#rows + 1] = { decision = r.decision, step = r.step,
        distance = math.abs((r.step or 4) - 4), why = r.why }
    end
    doc:section("Decisions"):table {
      columns = { { id = "decision", label = "Decision" },
                  { id = "step", label = "Expected step", format = "integer", align = "right" },
                  { id = "distance", label = "Steps from shared (4)", format = "integer",
                    align = "right" },
                  { id = "why", label = "Why" } },
      rows = rows,
      notes = { string.format("%d of %d decisions expected at step four (true collaboration).",
                              shared, #rows) } }
  end,
}
