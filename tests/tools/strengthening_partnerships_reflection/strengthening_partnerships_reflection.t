# strengthening_partnerships_reflection: from an answers file (Markdown and HTML report goldens), interactively from piped
# answers, and a bad answers file (its errors, exit status 1, nothing stored).
$ cairn init --district "Riverside Unified" > /dev/null 2>&1
$ cp $TESTS/tools/strengthening_partnerships_reflection/*.json . && cairn tool run strengthening_partnerships_reflection --answers answers.json
saved worksheet 1 (strengthening_partnerships_reflection, final): Partnership reflection: District Leadership Team, Lee Park
$ CAIRN_TODAY=2026-11-26 cairn tool report 1 --format md --out report.md > /dev/null && diff -u $TESTS/tools/strengthening_partnerships_reflection/report.md report.md && echo same
wrote report.md
same
$ CAIRN_TODAY=2026-11-26 cairn tool report 1 --format html --out report.html > /dev/null && diff -u $TESTS/tools/strengthening_partnerships_reflection/report.html report.html && echo same
wrote report.html
same
$ printf 'District Leadership Team\nLee Park\nSpring 2027\n2027-05-20\nCo-signed the joint letter.\n\nStrong\n\nAdequate\n\nAdequate\n\nAdequate\n\nNeeds Work\n\nNeeds Work\nsave\n' | cairn tool run strengthening_partnerships_reflection

Strengthening Partnerships Reflection Exercise
  NEA, Collaborating for Student Success (draft, October 2019)

  1. This tool can help your leadership team reflect on the strength of your
  partnerships by reviewing the key components below and considering how to
  continue strengthening those components.
  2. KEY COMPONENTS TO A STRONG EDUCATION PARTNERSHIP. REFLECT: HOW DID YOU
  DO?
  3. For each component, write how you exhibited it and rate it STRONG,
  ADEQUATE or NEEDS WORK. When several members of the team reflect separately,
  give the same session name; the team summary shows how the ratings spread
  and where members disagree.

Type ? at any question for help, < to go back, review to see every answer.
Leadership team e.g. "District Leadership Team": District Leadership Team
Completed by (optional) team summaries never show names: Lee Park
  Members reflecting separately use the same name, e.g. "Spring 2027
  reflection".
Team session (optional): Spring 2027
Date (YYYY-MM-DD): 2027-05-20

Key components to a strong education partnership
An agreement between administration and association/union leadership to work together with local stakeholders on plans to improve schools, and a pledge not to let each other fail. — We exhibited this component by (several lines; an empty line ends the answer): Co-signed the joint letter.
  | 
    1) Needs Work 2) Adequate 3) Strong
An agreement between administration and association/union leadership to work together with local stakeholders on plans to improve schools, and a pledge not to let each other fail. — Rating (number or name): Strong
A commitment to start somewhere. Identify shared student-centered goals, and then work collaboratively and share decision making in the improvement processes to achieve them. — We exhibited this component by (several lines; an empty line ends the answer): 
    1) Needs Work 2) Adequate 3) Strong
A commitment to start somewhere. Identify shared student-centered goals, and then work collaboratively and share decision making in the improvement processes to achieve them. — Rating (number or name): Adequate
A rich web of communication and collaboration structures among stakeholders at all levels of the local school system (e.g., regular meetings between district department leaders and educators appointed through their association/union; district- and school-level leadership teams; working committees; professional learning communities). — We exhibited this component by (several lines; an empty line ends the answer): 
    1) Needs Work 2) Adequate 3) Strong
A rich web of communication and collaboration structures among stakeholders at all levels of the local school system (e.g., regular meetings between district department leaders and educators appointed through their association/union; district- and school-level leadership teams; working committees; professional learning communities). — Rating (number or name): Adequate
Planning tools and defined goals and objectives, so that everyone involved in collaboration understands expectations of the group members, the work to be done, and so that progress can be monitored and managed. — We exhibited this component by (several lines; an empty line ends the answer): 
    1) Needs Work 2) Adequate 3) Strong
Planning tools and defined goals and objectives, so that everyone involved in collaboration understands expectations of the group members, the work to be done, and so that progress can be monitored and managed. — Rating (number or name): Adequate
Training and ongoing support in collaborative processes, relationship building, and subject matter expertise. — We exhibited this component by (several lines; an empty line ends the answer): 
    1) Needs Work 2) Adequate 3) Strong
Training and ongoing support in collaborative processes, relationship building, and subject matter expertise. — Rating (number or name): Needs Work
Connection to other education partnerships working on similar projects, or in a similar context, for sharing and mentorship. — We exhibited this component by (several lines; an empty line ends the answer): 
    1) Needs Work 2) Adequate 3) Strong
Connection to other education partnerships working on similar projects, or in a similar context, for sharing and mentorship. — Rating (number or name): Needs Work

Review: Strengthening Partnerships Reflection Exercise
   1  Leadership team: District Leadership Team
   2  Completed by (optional): Lee Park
   3  Team session (optional): Spring 2027
   4  Date: 20 May 2027
   5  An agreement between administration and association/union leadership to work together with local stakeholders on plans to improve schools, and a pledge not to let each other fail. — We exhibited this component by: Co-signed the joint letter.
   6  An agreement between administration and association/union leadership to work together with local stakeholders on plans to improve schools, and a pledge not to let each other fail. — Rating: Strong (3 of 3)
   7  A commitment to start somewhere. Identify shared student-centered goals, and then work collaboratively and share decision making in the improvement processes to achieve them. — We exhibited this component by: 
   8  A commitment to start somewhere. Identify shared student-centered goals, and then work collaboratively and share decision making in the improvement processes to achieve them. — Rating: Adequate (2 of 3)
   9  A rich web of communication and collaboration structures among stakeholders at all levels of the local school system (e.g., regular meetings between district department leaders and educators appointed through their association/union; district- and school-level leadership teams; working committees; professional learning communities). — We exhibited this component by: 
  10  A rich web of communication and collaboration structures among stakeholders at all levels of the local school system (e.g., regular meetings between district department leaders and educators appointed through their association/union; district- and school-level leadership teams; working committees; professional learning communities). — Rating: Adequate (2 of 3)
  11  Planning tools and defined goals and objectives, so that everyone involved in collaboration understands expectations of the group members, the work to be done, and so that progress can be monitored and managed. — We exhibited this component by: 
  12  Planning tools and defined goals and objectives, so that everyone involved in collaboration understands expectations of the group members, the work to be done, and so that progress can be monitored and managed. — Rating: Adequate (2 of 3)
  13  Training and ongoing support in collaborative processes, relationship building, and subject matter expertise. — We exhibited this component by: 
  14  Training and ongoing support in collaborative processes, relationship building, and subject matter expertise. — Rating: Needs Work (1 of 3)
  15  Connection to other education partnerships working on similar projects, or in a similar context, for sharing and mentorship. — We exhibited this component by: 
  16  Connection to other education partnerships working on similar projects, or in a similar context, for sharing and mentorship. — Rating: Needs Work (1 of 3)
Type a number to change that answer, save to save the worksheet, draft to save
a draft and finish later, back to return to the last question, or quit.
review> save
Saved worksheet 2 (strengthening_partnerships_reflection), revision 1.
$ CAIRN_TODAY=2026-11-26 cairn tool report 2 --format md --out interactive.md > /dev/null && diff -u $TESTS/tools/strengthening_partnerships_reflection/interactive.md interactive.md && echo same
wrote interactive.md
same
$ cairn tool run strengthening_partnerships_reflection --answers bad.json
bad.json: components[1].rating: 'Excellent' is not a level of the scale (1 to 3: Needs Work, Adequate, Strong)
bad.json: components: at least 6 rows must be filled (An agreement between administration and association/union leadership to work together with local stakeholders on plans to improve schools, and a pledge not to let each other fail., A commitment to start somewhere. Identify shared student-centered goals, and then work collaboratively and share decision making in the improvement processes to achieve them., A rich web of communication and collaboration structures among stakeholders at all levels of the local school system (e.g., regular meetings between district department leaders and educators appointed through their association/union; district- and school-level leadership teams; working committees; professional learning communities)., Planning tools and defined goals and objectives, so that everyone involved in collaboration understands expectations of the group members, the work to be done, and so that progress can be monitored and managed., Training and ongoing support in collaborative processes, relationship building, and subject matter expertise., Connection to other education partnerships working on similar projects, or in a similar context, for sharing and mentorship.), got 1
bad.json: 2 problems; nothing was stored
[1]
$ cairn sql "SELECT count(*) AS worksheets FROM worksheet"
worksheets
----------
         2
(1 row)
