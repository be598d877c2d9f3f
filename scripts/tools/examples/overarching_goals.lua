-- The NEA guidebook's two example partnership goals (Overarching Goals Template, Act: Establish
-- Support Resources): a relational goal and a content goal.
return {
  title = "NEA relational and content goals",
  source = "NEA, Collaborating for Student Success (2019 draft), Overarching Goals Template",
  summary = "Two partnership goals for next year: a relational one (administrators and educators "
    .. "meet collaboratively each month in focus groups) and a content one (educators can "
    .. "schedule at least 6 hours of professional development during school hours).",
  answers = {
    goals = {
      { goal = "By the end of next year administrators and educators will say they are meeting "
          .. "collaboratively each month as part of their designated focus groups.",
        type = "relational" },
      { goal = "By the end of next year, educators will report that they are able to schedule at "
          .. "least 6 hours of professional development time during regularly scheduled school hours.",
        type = "content" },
    },
  },
}
