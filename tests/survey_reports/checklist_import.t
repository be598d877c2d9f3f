# Opportunity Checklists collected with an online form: the shipped question bank is the same
# instrument the opportunity_checklist tool uses, so imported checklists and worksheets share it.
$ cairn init --district "Riverside Unified" > /dev/null 2>&1
$ cairn survey load $TESTS/../scripts/banks/opportunity_checklist.csv
stored instrument opportunity_checklist version 1 (1 items)
$ cairn survey import $TESTS/survey_reports/checklists.csv --instrument opportunity_checklist --wave "Spring 2027" | tail -1
imported 15 new responses into wave 'Spring 2027'
$ cairn report checklist_priorities --param "wave=Spring 2027" --param limit=3 --as-of 2026-11-26 --format md --out priorities.md > /dev/null && diff -u $TESTS/survey_reports/checklist_import.md priorities.md && echo same
same
# A worksheet entered under another round uses the same instrument version.
$ cairn tool run opportunity_checklist --answers $TESTS/tools/opportunity_checklist/answers.json > /dev/null && cairn report checklist_priorities --param "wave=Fall 2026" --as-of 2026-11-26 --format md --out - | grep -c "fewer than 5"
saved worksheet 1 (opportunity_checklist, final): Opportunity checklist: Adams Elementary (Fall 2026)
3
$ cairn sql "SELECT w.name, w.instrument, w.version, count(r.id) AS responses FROM survey_wave w LEFT JOIN survey_response r ON r.wave_id = w.id GROUP BY w.id ORDER BY w.name"
name         instrument             version  responses
-----------  ---------------------  -------  ---------
Fall 2026    opportunity_checklist        1          1
Spring 2027  opportunity_checklist        1         15
(2 rows)
# An area that is not on the checklist stops the import, and nothing is stored.
$ printf 'school,role,areas\nAdams,educator,Librarians;Swimming pool\n' > bad.csv && cairn survey import bad.csv --instrument opportunity_checklist --wave "Spring 2027"
cairn: bad.csv:2:3 (areas): "Swimming pool": expected options of areas separated by ; or , (A welcoming front office, Active community involvement (parent support groups, and a community liaison, for example), Materials available in the languages the school serves, Healthy meals, School nurse, School counselor, A roof that is free of leaks, Healthy indoor air quality (free of mold, proper ventilation, and proper temperature control), Clean, unbroken flooring, Ample and appropriate learning spaces (cafeterias, gyms, auditoriums, playgrounds, libraries, and computer labs with enough computers for all students), Class sizes that allow for one-on-one attention, Full day kindergarten, Fine Arts (music, art, and theatre, for example), Advanced courses (science and math, for example), A pathway for advancement for every student (a path from general education courses to college prep, honors, AP and/or IB), Regular physical education classes (150 minutes in elementary school, 225 minutes in middle and high school), Foreign language courses, Career and technical education, Students have a safe, reliable, and secure way to get to school, An environment that welcomes and celebrates diversity, A policy of restorative practices to create an environment of respect and collective responsibility (school policy with alternatives to suspension and expulsion), Use of early warning systems to keep students on track, A community free from bullying and harassment, Educators who have high expectations for every student in the school, Teachers teaching in their credentialed subject, Teachers are fully prepared to teach students in their school (teachers have completed a residency program where they were mentored by great teachers), Librarians, Paraeducators and other education support professionals, All staff trained in positive behavior supports and bullying prevention (all staff includes teachers, paraeducators, other education support professionals, and specialized instructional support personnel (SISP)), All school staff contributing to a culturally responsive learning environment, Staff that has time to collaborate, Relevant, timely professional development)
[1]
$ cairn sql "SELECT count(*) AS responses FROM survey_response"
responses
---------
       16
(1 row)
