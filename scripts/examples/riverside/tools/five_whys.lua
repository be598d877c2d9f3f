-- Riverside's 5 Whys: the built-in tool with the district's words and two more questions.
-- `extends = "five_whys"` builds on the next five_whys.lua along the search path (the built-in
-- one), so when cairn updates the tool Riverside keeps the update and its own changes.
return {
  extends = "five_whys",
  relabel = {
    problem = "Problem of Practice",                       -- the district's own term
    ["root_causes.cause"] = "Root cause",
  },
  add = {
    -- which school's data the problem comes from, asked right after the problem
    { after = "problem", id = "school", type = "text", label = "School",
      help = "the school whose data show the problem", required = true },
    -- the district scale (cairn/survey/scales.lua beside this folder)
    { after = "school", id = "readiness", type = "scale", scale = "riverside_readiness",
      label = "How ready is the school to act on it?" },
    -- a lead for each root cause, added as a column of the built-in table
    { into = "root_causes", id = "lead", type = "text", label = "Lead" },
  },
  limits = { root_causes = { max_rows = 3 } },  -- the board asked for three causes at most
  check = function(a, c)                        -- runs after the built-in tool's checks
    if a.readiness == 1 then
      c.warn("readiness", "Not ready: plan a readiness conversation with the principal first.")
    end
  end,
}
