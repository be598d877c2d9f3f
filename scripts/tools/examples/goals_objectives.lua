-- The NEA guidebook's worked example of a goal and its objectives (Act: Define Content for
-- Collaboration): a leadership team's overarching goal, the working committee's goal that
-- serves it, and three objectives. The guidebook gives no dates; the goal and objectives state
-- their own timeframes.
return {
  title = "NEA language arts goal and objectives",
  source = "NEA, Collaborating for Student Success (2019 draft), Goals and Objectives",
  summary = "A working committee's goal (select a new language arts program by the end of the "
    .. "year) serving the leadership team's goal of raising fourth-grade language arts results "
    .. "in targeted schools to the district average, with three objectives: a committee at each "
    .. "school, a program chosen by April, and a professional development plan by April.",
  answers = {
    goal = "By the end of this year, we will have selected a new language arts instructional "
      .. "program to be implemented next year in targeted schools.",
    overarching = "Increase the number of fourth-grade students in targeted schools performing at "
      .. "or above language arts standards on next year's state test to meet the district average.",
    objectives = {
      { objective = "Create a language arts committee at each targeted school by the middle of "
          .. "the school year" },
      { objective = "By April of this year, committees will have reviewed their existing and "
          .. "other potential language arts curricula and decided upon a program and other changes "
          .. "to the language arts instruction at their school" },
      { objective = "Develop a plan and calendar to offer professional development on the language "
          .. "arts program to fourth-grade teachers in targeted schools by April of this year" },
    },
  },
}
