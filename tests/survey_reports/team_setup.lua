-- Team self-assessment fixture: five members' partnership reflections (session "Spring 2027"),
-- five decision check-ins (one member expects a shared decision at step 6: "clarify"), four
-- more check-ins in a session too small to show, and six collaboration skills checklists.
local tool = require "cairn.tool"
local q = { quiet = true }
local ratings = { { 3, 3, 2, 2, 1, 1 }, { 3, 2, 2, 2, 1, 2 }, { 3, 3, 3, 2, 1, 1 }, { 2, 3, 2, 1, 1, 2 },
                  { 3, 3, 2, 2, 2, 1 } }
for i, r in ipairs(ratings) do
  local comps = {}
  for j, v in ipairs(r) do comps[j] = { rating = v } end
  tool.run("strengthening_partnerships_reflection",
    { team = "District Leadership Team", member = "Member " .. i, session = "Spring 2027", components = comps }, q)
end
local steps = { { 4, 1 }, { 4, 3 }, { 3, 2 }, { 4, 6 }, { 4, 2 } }
for i, s in ipairs(steps) do
  tool.run("decision_making_check_in", { team = "DLT", member = "Member " .. i, session = "DLT 2026-11",
    first_party = "District administration", second_party = "Education association/union",
    decisions = { { decision = "Choose the attendance pilot schools", step = s[1] },
                  { decision = "Set the 2027-28 calendar", step = s[2] } } }, q)
end
for i = 1, 4 do
  tool.run("decision_making_check_in", { team = "Attendance committee", session = "Committee 2026-12",
    first_party = "Principal", second_party = "Building representatives",
    decisions = { { decision = "Pick the incentive", step = 4 } } }, q)
end
local skills = { { 1, 3, 4 }, { 1, 2, 5 }, { 1, 3, 6 }, { 1, 2, 7 }, { 1, 3, 8 }, { 1, 2, 9 } }
for _, list in ipairs(skills) do
  local codes = {}
  for k, n in ipairs(list) do codes[k] = string.format("skill_%02d", n) end
  tool.run("collaboration_skills_checklist", { session = "DLT fall 2026", skills = codes }, q)
end
-- Five association board members place the same partners on the continuum (names matched
-- whatever their case and spacing).
local places = { { "Cooperative", "Partner" }, { "Cooperative", "Cooperative" }, { "Partner", "Partner" },
                 { "Cooperative", "Partner" }, { "Cooperative", "Partner" } }
for i, p in ipairs(places) do
  tool.run("relationship_continuum", { assessed_by = "Board member " .. i, session = "Board retreat 2026",
    relationships = { { partner = i == 2 and "district  administration" or "District administration", level = p[1] },
                      { partner = "School board", level = p[2] } } }, q)
end
print("team worksheets saved")
