-- The NEA guidebook's two sample invitations (Prepare: Learn the Case for Collaboration). The
-- first, "Join Me! style, using data", is the answers: its opener, its supporting information and
-- its request, word for word. The second, "Compare/Contrast style, using a story", is in the
-- summary (an example holds one worksheet). The guidebook gives the invitations only: the
-- homework (invitee, issue, resources, outcome) is cairn's reading of the first one, addressed
-- to the superintendent.
return {
  title = "NEA sample invitations",
  source = "NEA, Collaborating for Student Success (2019 draft), Extending the Invitation, "
    .. "Examples 1 and 2",
  summary = "Example 1, Join Me! style, using data (the answers): \"Have you seen the national "
    .. "Call to Action for education partnerships?\", the research on twelve-and-half percent "
    .. "more students at grade level, then \"Can we sit down next week to talk in more detail?\" "
    .. "Example 2, Compare/Contrast style, using a story: opener \"Imagine being able to report a "
    .. "twelve-and-half percent increase in student language arts performance!\"; contrast \"We "
    .. "both know this has been an ongoing and stubborn problem for us.\"; how we get there \"I "
    .. "just watched a video about a high school in Illinois that was facing some of our same "
    .. "problems, and they've been able to make tremendous headway by using education "
    .. "partnerships to overcome some of their toughest challenges. I'll send you the link. If "
    .. "you're interested, I think we could make some real progress by working together.\"; the "
    .. "same request. (The guidebook names no invitee: cairn invites the superintendent and "
    .. "reads the homework from the invitation.)",
  answers = {
    invitee = "Superintendent",
    issue = "Language arts proficiency",
    resources = "The national Call to Action for education partnerships; the research on "
      .. "partnerships and English language arts performance",
    outcome = "We sit down next week to talk in more detail about working together on "
      .. "student-centered goals like language arts proficiency.",
    style = "join_me",
    opener = "Have you seen the national Call to Action for education partnerships?",
    elements = {
      { element = "Supporting information",
        text = "The educators', principals', superintendents', and school boards' associations "
          .. "are jointly encouraging their members across the nation to work together on "
          .. "student-centered goals, like language arts proficiency. There's research that "
          .. "shows schools and districts robustly using these partnerships average "
          .. "twelve-and-half percent more students performing at or above grade level in "
          .. "English language arts, as well as other benefits. I'll send you a copy of the "
          .. "information. I think we could work together to really make a difference." },
    },
    request = "Can we sit down next week to talk in more detail?",
  },
}
