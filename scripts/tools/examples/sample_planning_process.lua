-- District A, the worked example of the Sample Planning Process (Step 2, Identify Root Causes).
-- The guidebook tells District A's root causes, the underlying one and where it breaks down;
-- the answers it does not give (the trends, the data sources beyond walkthroughs, the action
-- step that follows) are cairn's, written only to make a whole worksheet, and say so.
return {
  title = "District A",
  source = "Sample Planning Process (LEA plan), Step 2: Identify Root Causes",
  summary = "District A finds three root causes (student misbehavior, rigor, content delivery) "
    .. "and, having trained teachers in PBS and LFS and taken part in Common Ground, names "
    .. "professional development implementation as the root cause underlying all three. "
    .. "Walkthrough data locate the breakdown: teachers with four or more years of experience, "
    .. "about two weeks after training, who lack the classroom-embedded supports newer teachers "
    .. "get through induction. The trends and the action step are cairn's illustration.",
  people = { "Director of Professional Development" },
  answers = {
    data_sources = "Walkthrough data on the implementation of professional development at the "
      .. "district, building and classroom level. (cairn's illustration: add the state "
      .. "assessment and behavior referral data behind the trends.)",
    trends = {
      { trend = "Concerning trend linked to student misbehavior (cairn's illustration)", kind = "Concerning" },
      { trend = "Concerning trend linked to rigor (cairn's illustration)", kind = "Concerning" },
      { trend = "Concerning trend linked to content delivery (cairn's illustration)", kind = "Concerning" },
    },
    factors = "The district has trained teachers in Positive Behavior Support (PBS) and Learning "
      .. "Focus Strategies (LFS) and participated in Common Ground.",
    root_causes = {
      { cause = "Student misbehavior", trends = "1", kind = "Symptom",
        deeper = "Professional development (PD) implementation" },
      { cause = "Rigor", trends = "2", kind = "Symptom",
        deeper = "Professional development (PD) implementation" },
      { cause = "Content delivery", trends = "3", kind = "Symptom",
        deeper = "Professional development (PD) implementation" },
      { cause = "Professional development (PD) implementation", trends = "1, 2, 3", control = true,
        kind = "Systemic",
        deeper = "No classroom-embedded supports after training for teachers with four or more "
          .. "years of experience (the induction program gives them to newer teachers)",
        breakdown = "Classroom level: teachers with four or more years of experience, about two "
          .. "weeks after training (walkthrough data)" },
    },
    steps = {
      { step = "Extend the induction program's classroom-embedded supports to teachers with four "
          .. "or more years of experience (cairn's illustration)",
        owner = "Director of Professional Development", root_cause = "4",
        levels = { "District", "School", "Classroom" }, criteria = { "targets_root_cause", "systemic" },
        deliverable = "Walkthrough data showing PD strategies in use beyond two weeks after training" },
    },
  },
}
