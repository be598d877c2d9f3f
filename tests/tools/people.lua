-- The people of the small demo district the planning-tool answers files refer to
-- (Riverside Unified). Run first: `cairn run $TESTS/tools/people.lua`.
local plan = require "cairn.plan"
local people = {
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
print(string.format("%d people in %s", #plan.people(), require("cairn.workspace").district()))
