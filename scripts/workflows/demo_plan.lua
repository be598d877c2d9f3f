-- The demo district's plans (Riverside Unified), written with the plan API: its people, the
-- Massachusetts-style multi-year District Plan (mission, core values, vision, theory of action,
-- strategic objectives, initiatives, outcomes with targets and data), the 2026-27 District
-- Action Plan (process and early-evidence benchmarks with owners, dates, resources and status
-- history, a baseline snapshot taken in September), and a 5 Whys root cause linked to the step
-- that addresses it and the milestone that monitors that step.
--
--   cairn -w demo/cairn.db run scripts/workflows/demo_plan.lua
--
-- Every date is fixed so reports on the demo are the same on any day; the story is told as of
-- 26 November 2026 (`cairn report plan_status --as-of 2026-11-26`).
local plan = require "cairn.plan"

local people = {
  { name = "Elena Marsh", role = "Superintendent", org = "district", org_name = "Riverside Unified",
    contact = "emarsh@riverside.example.org" },
  { name = "Ana Ruiz", role = "Assistant Superintendent", org = "district", org_name = "Riverside Unified",
    contact = "aruiz@riverside.example.org" },
  { name = "Lee Park", role = "Association President", org = "association",
    org_name = "Riverside Education Association", contact = "lpark@rea.example.org" },
  { name = "Maria Chen", role = "Principal", org = "school", org_name = "Adams Middle School",
    contact = "mchen@riverside.example.org" },
  { name = "James Okafor", role = "Attendance Coordinator", org = "district", org_name = "Riverside Unified",
    contact = "jokafor@riverside.example.org" },
  { name = "Dana Whitfield", role = "Director of Curriculum", org = "district", org_name = "Riverside Unified",
    contact = "dwhitfield@riverside.example.org" },
  { name = "Sam Patel", role = "Building Representative, Riverside High", org = "association",
    org_name = "Riverside Education Association", contact = "spatel@rea.example.org" },
  { name = "Rosa Delgado", role = "Family Engagement Liaison", org = "community",
    org_name = "Riverside Family Council", contact = "rdelgado@rfc.example.org" },
  { name = "Kim Nguyen", role = "Data Analyst", org = "district", org_name = "Riverside Unified",
    contact = "knguyen@riverside.example.org" },
}
for _, p in ipairs(people) do plan.person(p) end

plan.group { name = "District Leadership Team", kind = "district",
  description = "Joint district-association team that owns the District Plan",
  members = { "Elena Marsh", "Ana Ruiz", "Lee Park", "Dana Whitfield", "Sam Patel" } }
plan.group { name = "Riverside Family Council", kind = "community",
  members = { "Rosa Delgado" } }

-- ---- the multi-year District Plan ------------------------------------------------------------

local dp = plan.create {
  kind = "district_plan", title = "Riverside Unified District Plan 2026-2029", level = "district",
  period = "2026-2029", levels = { "strategic_objective", "strategic_initiative", "outcome" },
  fields = {
    mission = "Riverside Unified prepares every student to thrive in school, at work and in the community.",
    core_values = { "Students first: every decision starts with what is best for students.",
                    "Partnership: staff, families, the association and the community decide together.",
                    "Equity: we give each student what they need to succeed.",
                    "Continuous improvement: we use data to learn and adjust." },
    vision = "Every Riverside student attends school every day, reads with confidence by third grade, "
      .. "and graduates with a plan for the future.",
    theory_of_action = "If we engage families early, strengthen core literacy instruction with job-embedded "
      .. "coaching, and make decisions jointly with our educators, then students will attend more, read "
      .. "better, and stay on track to graduate.",
  },
}

local obj1 = dp:add { text = "Every student attends school regularly and feels they belong", owner = "Ana Ruiz",
  tags = { "Strong Climate & Culture" } }
local ini1 = obj1:add { text = "Tiered attendance support in every school", owner = "James Okafor",
  start = "2026-08-15", due = "2029-06-30", tags = { "Proactive Student-Specific Support System" } }
local ini2 = obj1:add { text = "Family partnerships through home visits and two-way communication",
  owner = "Rosa Delgado", start = "2026-09-01", due = "2029-06-30",
  tags = { "Systematic Parent & Family Engagement" } }
local out1 = obj1:add { level = "outcome", kind = "final",
  text = "By June 2029, reduce chronic absenteeism from 21% to 12%", owner = "Kim Nguyen" }
out1:measure { metric = "Chronic absenteeism rate", unit = "%", direction = "down",
  baseline = { value = 21, date = "2026-06-30" },
  targets = { { value = 18, date = "2027-06-30", kind = "interim" },
              { value = 15, date = "2028-06-30", kind = "interim" },
              { value = 12, date = "2029-06-30", kind = "final" } } }
out1:observe { value = 20.6, date = "2026-10-31", source = "SIS attendance export" }
out1:observe { value = 20.1, date = "2026-11-20", source = "SIS attendance export" }

local obj2 = dp:add { text = "Strengthen core literacy instruction in grades K-8", owner = "Dana Whitfield",
  tags = { "Engaging Instruction for Academics & SEL" } }
local ini3 = obj2:add { text = "Adopt a high-quality K-5 literacy curriculum", owner = "Dana Whitfield",
  start = "2026-09-01", due = "2027-08-31" }
local ini4 = obj2:add { text = "Job-embedded coaching for teachers of English learners", owner = "Maria Chen",
  start = "2026-09-01", due = "2028-06-30" }
local out2 = obj2:add { level = "outcome", kind = "interim",
  text = "By June 2027, raise grade 3 reading proficiency from 48% to 54%", owner = "Kim Nguyen" }
out2:measure { metric = "Grade 3 students meeting reading benchmark", unit = "%", direction = "up",
  baseline = { value = 48, date = "2026-06-30" },
  targets = { { value = 54, date = "2027-06-30", kind = "interim" },
              { value = 62, date = "2029-06-30", kind = "final" } } }
out2:observe { value = 51, date = "2026-11-15", source = "Fall reading screener" }

local obj3 = dp:add { text = "Make decisions jointly with educators and their association", owner = "Lee Park",
  tags = { "Strategic Partnerships & Coalitions" } }
local ini5 = obj3:add { text = "A joint district-association leadership team", owner = "Lee Park",
  start = "2026-08-15", due = "2029-06-30" }
local out3 = obj3:add { level = "outcome", kind = "final",
  text = "By May 2027, 75% of staff agree they have a voice in decisions that affect their work",
  owner = "Kim Nguyen" }
out3:measure { metric = "Staff agreeing they have a voice", unit = "%", direction = "up",
  baseline = { value = 58, date = "2026-05-15" },
  targets = { { value = 75, date = "2027-05-15", kind = "final" } } }

-- ---- the 2026-27 annual District Action Plan ------------------------------------------------

local ap = plan.create {
  kind = "action_plan", title = "District Action Plan 2026-27", level = "district",
  period = "2026-27", levels = { "strategic_initiative", "benchmark" },
  fields = { district_plan = dp.title, framework = "Massachusetts" },
}
plan.link(ap, dp, "serves")

local a1 = ap:add { text = "Tiered attendance support in every school", owner = "James Okafor" }
plan.link(a1, ini1, "serves")
local b1 = a1:add { kind = "process", text = "Hire and train four attendance coaches", owner = "James Okafor",
  start = "2026-08-01", due = "2026-09-30",
  resources = { available = "2 coach positions", needed = "2 more coaches; training", cost = 240000,
                funding = "Title I" } }
local b2 = a1:add { kind = "process", text = "Launch an attendance team at every school", owner = "Ana Ruiz",
  start = "2026-09-01", due = "2026-10-31",
  resources = { needed = "Release time for team meetings", cost = 18000, funding = "District general fund" } }
local b3 = a1:add { kind = "process", text = "Send families a personal attendance note each month",
  owner = "Rosa Delgado", start = "2026-10-01", due = "2027-06-15",
  resources = { available = "SIS messaging", cost = 0 } }
local b4 = a1:add { kind = "early_evidence",
  text = "90% of students with 3+ absences in a month are contacted within a week", owner = "James Okafor",
  start = "2026-09-01", due = "2026-12-15" }
b4:measure { metric = "Students contacted within a week", unit = "%", direction = "up",
  baseline = { value = 40, date = "2026-09-01" }, targets = { { value = 90, date = "2026-12-15", kind = "final" } } }

local a2 = ap:add { text = "Adopt a high-quality K-5 literacy curriculum", owner = "Dana Whitfield" }
plan.link(a2, ini3, "serves")
local b5 = a2:add { kind = "process", text = "Teacher committee selects the K-5 literacy curriculum",
  owner = "Dana Whitfield", start = "2026-09-01", due = "2026-11-15" }
local b6 = a2:add { kind = "process", text = "Train K-5 teachers on the new curriculum", owner = "Dana Whitfield",
  start = "2027-01-05", due = "2027-03-31",
  resources = { needed = "Trainer; substitutes for 3 days", cost = 65000, funding = "Title II" } }
local b7 = a2:add { kind = "process", text = "Order classroom libraries for K-5", start = "2026-10-01",
  due = "2026-11-20", resources = { needed = "Books for 48 classrooms", cost = 96000, funding = "State literacy grant" } }

local a3 = ap:add { text = "Job-embedded coaching for teachers of English learners", owner = "Maria Chen" }
plan.link(a3, ini4, "serves")
local b8 = a3:add { kind = "process", text = "20 teachers complete an ESL course", owner = "Maria Chen",
  start = "2026-09-01", due = "2027-06-15", resources = { cost = 30000, funding = "Title III" } }
b8:measure { metric = "Teachers who completed the ESL course", unit = "teachers", direction = "up",
  baseline = { value = 0, date = "2026-09-01" }, targets = { { value = 20, date = "2027-06-15", kind = "final" } } }
local b9 = a3:add { kind = "early_evidence",
  text = "Students' use of oral language increases in 80% of ESL-trained teachers' classrooms",
  owner = "Maria Chen", start = "2026-10-01", due = "2027-05-31" }
b9:measure { metric = "Classrooms with more student oral language", unit = "%", direction = "up",
  targets = { { value = 80, date = "2027-05-31", kind = "final" } } }

local a4 = ap:add { text = "A joint district-association leadership team", owner = "Lee Park" }
plan.link(a4, ini5, "serves")
local b10 = a4:add { kind = "process", text = "Charter the joint leadership team and agree on norms",
  owner = "Lee Park", start = "2026-08-15", due = "2026-10-01" }
local b11 = a4:add { kind = "process", text = "Hold monthly joint leadership team meetings", owner = "Elena Marsh",
  start = "2026-09-01", due = "2027-06-30" }
local b12 = a4:add { kind = "process", text = "Survey staff on shared decision making", owner = "Sam Patel",
  start = "2026-11-01", due = "2026-12-05" }
local b13 = a4:add { kind = "process", text = "Publish a joint update to families", owner = "Lee Park" }
local b15 = a1:add { kind = "process", text = "Print attendance awareness posters", owner = "James Okafor",
  due = "2026-10-15" }

-- the plan as the board approved it
ap:snapshot("baseline", { on = "2026-09-01" })

-- ---- the fall: progress, slips and changes -------------------------------------------------

b1:set_status("on_track", { on = "2026-08-20", by = "James Okafor", note = "Two coaches hired" })
b1:set_status("done", { on = "2026-09-28", by = "James Okafor", note = "All four coaches trained" })
b2:set_status("on_track", { on = "2026-09-15", by = "Ana Ruiz", note = "Teams formed at 5 of 7 schools", percent = 70 })
b2:set_status("at_risk", { on = "2026-11-02", by = "Ana Ruiz",
  note = "Two schools still have no attendance team", percent = 70 })
b3:set_status("on_track", { on = "2026-10-30", by = "Rosa Delgado", note = "October notes sent", percent = 10 })
b4:set_status("on_track", { on = "2026-10-15", by = "James Okafor", percent = 50 })
b4:observe { value = 62, date = "2026-10-15", source = "Coach contact log" }
b4:observe { value = 71, date = "2026-11-15", source = "Coach contact log" }
b5:set_status("on_track", { on = "2026-10-01", by = "Dana Whitfield", percent = 50 })
b5:set_status("done", { on = "2026-11-12", by = "Dana Whitfield", note = "Committee chose the curriculum" })
b7:set_status("off_track", { on = "2026-11-10", by = "Dana Whitfield", note = "Vendor delay; no one assigned to follow up" })
b8:set_status("on_track", { on = "2026-11-20", by = "Maria Chen", percent = 40 })
b8:observe { value = 8, date = "2026-11-20", source = "Course completion records" }
b10:set_status("done", { on = "2026-09-25", by = "Lee Park", note = "Charter signed by both partners" })
b11:set_status("on_track", { on = "2026-10-20", by = "Elena Marsh", percent = 25 })
b15:set_status("dropped", { on = "2026-10-20", by = "James Okafor", note = "Folded into the monthly family note" })

b3:set { due = "2027-06-30" }                              -- re-dated
b12:set { owner = "Lee Park", due = "2026-12-10" }         -- re-assigned and re-dated
local b14 = a2:add { kind = "process", text = "Family literacy nights at each elementary school",
  owner = "Rosa Delgado", start = "2027-01-15", due = "2027-04-30", resources = { cost = 7500, funding = "PTA" } }

-- ---- a 5 Whys root cause, the step that addresses it, and its monitoring milestone ------------

local rc = plan.create { kind = "root_cause_analysis", title = "Ninth-grade chronic absenteeism",
  level = "district", period = "2026-27", levels = { "problem", "why", "root_cause" } }
local problem = rc:add { text = "Ninth-grade chronic absenteeism rose from 14% to 21% in two years." }
local why = problem:add { text = "Students who start missing school are not noticed until they are far behind",
  fields = { evidence = "Median first contact after 9 absences (SIS)" } }
local cause = why:add { text = "No one is responsible for contacting families after the first absences",
  tags = { "validated" } }
plan.link(cause, b4, "addresses")
plan.link(cause, out1, "addresses")

local mp = plan.create { kind = "monitoring_plan", title = "Attendance monitoring 2026-27", level = "district",
  period = "2026-27", levels = { "milestone" } }
local m1 = mp:add { text = "Review the coach contact log with principals", owner = "Kim Nguyen",
  due = "2026-12-18", fields = { frequency = "Monthly", source = "Coach contact log", feedback = "Contact rate by school" } }
plan.link(m1, b4, "monitors")

return { district_plan = dp, action_plan = ap, root_causes = rc, monitoring = mp }
