# opportunity_checklist: from an answers file (Markdown and HTML report goldens), interactively from piped
# answers, and a bad answers file (its errors, exit status 1, nothing stored).
$ cairn init --district "Riverside Unified" > /dev/null 2>&1
$ cp $TESTS/tools/opportunity_checklist/*.json . && cairn tool run opportunity_checklist --answers answers.json
saved worksheet 1 (opportunity_checklist, final): Opportunity checklist: Adams Elementary (Fall 2026)
$ CAIRN_TODAY=2026-11-26 cairn tool report 1 --format md --out report.md > /dev/null && diff -u $TESTS/tools/opportunity_checklist/report.md report.md && echo same
wrote report.md
same
$ CAIRN_TODAY=2026-11-26 cairn tool report 1 --format html --out report.html > /dev/null && diff -u $TESTS/tools/opportunity_checklist/report.html report.html && echo same
wrote report.html
same
$ printf 'Adams Elementary\neducator\nFall 2026\n1,3\n8\n\n5\n8,9\nsave\n' | cairn tool run opportunity_checklist

NEA's Opportunity Checklist
  NEA, Collaborating for Student Success (draft, October 2019)

  1. This tool helps identify areas of interest for you and your partners to
  address collaboratively. It is a short questionnaire for staff and/or
  parents to collect data to identify common interests. Use the results to
  help your team formulate shared goals and begin the work.
  2. Do students and educators at your school have everything they need? If
  not, this is your opportunity to speak up! On the lists below and on the
  following pages, place a checkmark next to the top areas where school needs
  to improve.
  3. Building representatives can be responsible for distributing and
  collecting the checklists, and compiling data for each school (`cairn report
  checklist_priorities --each school`). Paper checklists can be entered one
  per run, or a spreadsheet of them imported with `cairn survey import
  FILE.csv --instrument opportunity_checklist --wave ROUND`.

Type ? at any question for help, < to go back, review to see every answer.

== Instructions ==
  Do students and educators at your school have everything they need? If not,
  this is your opportunity to speak up! On the lists below and on the
  following pages, place a checkmark next to the top areas where school needs
  to improve.
  The school this checklist is about (building representatives compile results
  per school).
School: Adams Elementary
    1) Educator (school staff) 2) Parent or family member
Respondent (number or name) [Educator (school staff)]: educator
  Everyone answering in the same round uses the same name, e.g. "Fall 2026";
  results are tallied per round.
Checklist round: Fall 2026

== Community ==
  It's important that your school is open to the community it serves.
  Check the top areas where your school needs to improve (none is fine).
    1) A welcoming front office 2) Active community involvement (parent
    support groups, and a community liaison, for example) 3) Materials
    available in the languages the school serves
Community (numbers or names, separated by commas): 1,3

== Healthy Students in Modern Schools ==
  Students need their essential human needs met, and to be in a healthy
  learning environment that is clean and in good working order.
  Check the top areas where your school needs to improve (none is fine).
    1) Healthy meals 2) School nurse 3) School counselor 4) A roof that is
    free of leaks 5) Healthy indoor air quality (free of mold, proper
    ventilation, and proper temperature control) 6) Clean, unbroken flooring
    7) Ample and appropriate learning spaces (cafeterias, gyms, auditoriums,
    playgrounds, libraries, and computer labs with enough computers for all
    students) 8) Class sizes that allow for one-on-one attention
Healthy Students in Modern Schools (numbers or names, separated by commas): 8

== Well-Rounded Curriculum ==
  All students need access to the right courses to prepare them for life after
  graduation.
  Check the top areas where your school needs to improve (none is fine).
    1) Full day kindergarten 2) Fine Arts (music, art, and theatre, for
    example) 3) Advanced courses (science and math, for example) 4) A pathway
    for advancement for every student (a path from general education courses
    to college prep, honors, AP and/or IB) 5) Regular physical education
    classes (150 minutes in elementary school, 225 minutes in middle and high
    school) 6) Foreign language courses 7) Career and technical education
Well-Rounded Curriculum (numbers or names, separated by commas): 

== School Climate ==
  It's important that students feel safe and respected in their classrooms and
  in their school.
  Check the top areas where your school needs to improve (none is fine).
    1) Students have a safe, reliable, and secure way to get to school 2) An
    environment that welcomes and celebrates diversity 3) A policy of
    restorative practices to create an environment of respect and collective
    responsibility (school policy with alternatives to suspension and
    expulsion) 4) Use of early warning systems to keep students on track 5) A
    community free from bullying and harassment
School Climate (numbers or names, separated by commas): 5

== Educators ==
  It's important that all educators are prepared and excited to help students
  excel.
  Check the top areas where your school needs to improve (none is fine).
    1) Educators who have high expectations for every student in the school 2)
    Teachers teaching in their credentialed subject 3) Teachers are fully
    prepared to teach students in their school (teachers have completed a
    residency program where they were mentored by great teachers) 4)
    Librarians 5) Paraeducators and other education support professionals 6)
    All staff trained in positive behavior supports and bullying prevention
    (all staff includes teachers, paraeducators, other education support
    professionals, and specialized instructional support personnel (SISP)) 7)
    All school staff contributing to a culturally responsive learning
    environment 8) Staff that has time to collaborate 9) Relevant, timely
    professional development
Educators (numbers or names, separated by commas): 8,9

Review: NEA's Opportunity Checklist
  == Instructions ==
   1  School: Adams Elementary
   2  Respondent: Educator (school staff)
   3  Checklist round: Fall 2026
  == Community ==
   4  Community: A welcoming front office, Materials available in the langua…
  == Healthy Students in Modern Schools ==
   5  Healthy Students in Modern Schools: Class sizes that allow for one-on-one attention
  == Well-Rounded Curriculum ==
   6  Well-Rounded Curriculum: 
  == School Climate ==
   7  School Climate: A community free from bullying and harassment
  == Educators ==
   8  Educators: Staff that has time to collaborate, Relevant, timely profes…
Type a number to change that answer, save to save the worksheet, draft to save
a draft and finish later, back to return to the last question, or quit.
review> save
Saved worksheet 2 (opportunity_checklist), revision 1.
$ CAIRN_TODAY=2026-11-26 cairn tool report 2 --format md --out interactive.md > /dev/null && diff -u $TESTS/tools/opportunity_checklist/interactive.md interactive.md && echo same
wrote interactive.md
same
$ cairn tool run opportunity_checklist --answers bad.json
bad.json: respondent: 'principal' is not one of the choices (Educator (school staff), Parent or family member)
bad.json: community: 'community_9' is not one of the choices (A welcoming front office, Active community involvement (parent support groups, and a community liaison, for example), Materials available in the languages the school serves)
bad.json: 2 problems; nothing was stored
[1]
$ cairn sql "SELECT count(*) AS worksheets FROM worksheet"
worksheets
----------
         2
(1 row)
