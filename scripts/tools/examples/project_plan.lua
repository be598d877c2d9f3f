-- The NEA guidebook's "EXAMPLE PROJECT PLAN" (Act: Define Content for Collaboration), as answers
-- to the Project Plan Template. The guidebook's columns there are Resource | Due Date | Output;
-- its "Resource" (initials such as "JP & MK") is the task's lead(s) here. The guidebook gives
-- days without a year: cairn places them in the 2025-26 school year.
return {
  title = "NEA example project plan",
  source = "NEA, Collaborating for Student Success (2019 draft), \"Example Project Plan\"",
  summary = "A working committee plans a survey of educators' professional-development needs: "
    .. "one goal, one objective and nine tasks led by JP, MK, RT and JH, from determining the "
    .. "target audience (Dec 1) to the milestone of publishing the findings (Feb 20). "
    .. "(The guidebook gives no year; cairn uses 2025-26.)",
  people = { "JP", "MK", "RT", "JH" },
  answers = {
    goals = {
      { goal = "Next year, over 90% of educators will report that the district-provided "
          .. "professional development during in-service days was \"very helpful\" and aligned "
          .. "with their needs.",
        objectives = {
          { objective = "By the end of 3rd quarter, identify educators' self-reported professional needs",
            tasks = {
              { task = "Determine target audience & survey requirements", lead = { "JP" },
                start = "2025-12-01", due = "2025-12-15", output = "Outreach plan" },
              { task = "Create survey tool", lead = { "JP" },
                start = "2025-12-16", due = "2025-12-23", output = "Survey instrument" },
              { task = "Schedule survey implementation", lead = { "JP", "MK" },
                due = "2026-01-06", output = "Survey schedule" },
              { task = "Communicate survey intent and schedule", lead = { "JP", "RT" },
                start = "2026-01-06", due = "2026-01-10", output = "Joint letter to all staff" },
              { task = "Administer survey", lead = { "JP", "JH" },
                start = "2026-01-12", due = "2026-01-20", output = "Distribution list" },
              { task = "Collate results", lead = { "JH" },
                start = "2026-01-20", due = "2026-01-30", output = "Survey data set" },
              { task = "Analyze results", lead = { "JH" },
                start = "2026-02-01", due = "2026-02-15", output = "Survey analytics report" },
              { task = "Publish findings on professional needs as reported by educators",
                lead = { "JP" }, due = "2026-02-20", output = "Findings report" },
              { task = "Professional needs as reported by educators has been completed",
                lead = { "JP" }, due = "2026-02-20", output = "Milestone", milestone = true },
            } },
        } },
    },
  },
}
