-- ABC Unified's partnership standing meetings, the example page of the NEA guidebook's Standing
-- Meeting Worksheet (Act: Identify Collaborative Teams and Functions). The printed page is
-- scrambled by OCR: the pairings follow TOOLS.md's best reconstruction, some of them inferred.
-- Only the superintendent and union president's weekly meeting is stated; the other pairs
-- "meet regularly", so they are left without a frequency.
return {
  title = "ABC Unified partnership standing meetings",
  source = "NEA, Collaborating for Student Success (2019 draft), Standing Meeting Worksheet "
    .. "(an example from ABC Unified)",
  summary = "The union organised its executive board to mirror the superintendent's cabinet, "
    .. "so each district administrator has a union counterpart: the superintendent and the "
    .. "union president meet weekly, and ten more pairs (CFO and chief negotiator, principals "
    .. "and site reps, ...) meet regularly. Some pairings are inferred from a scrambled print.",
  answers = {
    pairs = {
      { district_role = "Superintendent", union_role = "Union President", frequency = "Weekly" },
      { district_role = "Chief Financial Officer", union_role = "Chief Negotiator" },
      { district_role = "Asst. Superintendent, HR", union_role = "Union President & Chief Negotiator" },
      { district_role = "Asst. Superintendent, Academic / Curriculum & Professional Dev.",
        union_role = "PASS Coordinator & VP Elem; VP HS & VP MS" },
      { district_role = "Special Education", union_role = "VP Special Ed. & Special Ed. Advisory Cmte." },
      { district_role = "Information Technology Coordinator", union_role = "Union President" },
      { district_role = "Child Development", union_role = "VP Child Development" },
      { district_role = "Director of Schools", union_role = "Recording Secretary" },
      { district_role = "ABC Management", union_role = "All Labor Unions" },
      { district_role = "District Cabinet", union_role = "ABCFT Exec. Board" },
      { district_role = "Principals", union_role = "Site Reps" },
    },
  },
}
