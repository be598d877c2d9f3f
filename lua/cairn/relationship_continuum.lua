-- cairn/relationship_continuum.lua: the levels of the Relationship Continuum Self-Assessment,
-- weakest relationship first. Read as plain data (no require, no functions).
--
-- The guidebook's continuum graphic is missing from its surviving text: only the two levels a
-- partnership works toward survive, "Cooperative" and "Partner". The levels below them are
-- cairn's own default, not the guidebook's (source = "cairn" says so in every report).
--
-- A district with the graphic, or its own continuum, copies this file to
-- cairn/relationship_continuum.lua beside its workspace (or in a $CAIRN_PATH folder), lists its
-- levels, says whose they are in `source`, and names the goal levels. Worksheets store each
-- partner's level by its label, so changing the levels never changes what an old worksheet says.
return {
  source = "cairn",
  levels = { "Adversarial", "Distant", "Communicating", "Cooperative", "Partner" },
  goal = { "Cooperative", "Partner" },
}
