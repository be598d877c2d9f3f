-- The NEA guidebook's example rows of the Communication Plan Template (Act: Establish Support
-- Resources): one joint row and one role-specific row. The guidebook names no project; cairn
-- gives the worksheet one from the joint row's content.
return {
  title = "NEA communication plan rows",
  source = "NEA, Collaborating for Student Success (2019 draft), Communication Plan Template",
  summary = "A joint row (professional development news to educators and education support "
    .. "professionals by email newsletter, monthly) and a role-specific one (the assistant "
    .. "superintendent for human resources hears about personnel issues face to face, every "
    .. "two weeks).",
  answers = {
    project = "Professional development (the guidebook's example rows)",
    joint = {
      { content = "Professional development", audience = "Educators & education support professionals",
        method = "email newsletter", frequency = "Monthly" },
    },
    role_specific = {
      { content = "Personnel issues", audience = "Assistant Superintendent Human Resources",
        method = "Face-to-face meetings", frequency = "Bi-weekly" },
    },
  },
}
