# relationship_continuum: from an answers file (Markdown and HTML report goldens), interactively from piped
# answers, and a bad answers file (its errors, exit status 1, nothing stored).
$ cairn init --district "Riverside Unified" > /dev/null 2>&1
$ cp $TESTS/tools/relationship_continuum/*.json . && cairn tool run relationship_continuum --answers answers.json
saved worksheet 1 (relationship_continuum, final): Relationship continuum: Association executive board (2026-09-01)
$ CAIRN_TODAY=2026-11-26 cairn tool report 1 --format md --out report.md > /dev/null && diff -u $TESTS/tools/relationship_continuum/report.md report.md && echo same
wrote report.md
same
$ CAIRN_TODAY=2026-11-26 cairn tool report 1 --format html --out report.html > /dev/null && diff -u $TESTS/tools/relationship_continuum/report.html report.html && echo same
wrote report.html
same
$ printf 'Association executive board\n\n2026-09-01\nDistrict administration\nCooperative\nMonthly standing meeting.\n\ny\nSchool board\n2\n\nn\nsave\n' | cairn tool run relationship_continuum

Relationship Continuum Self-Assessment
  NEA, Collaborating for Student Success (draft, October 2019)

  1. This tool can help you consider the nature of your working relationships
  and understand how you might work to improve them, so that they fall into
  the "Cooperative" or "Partner" category.
  2. 1. Consider the stakeholders in your system, and assess your relationship
  with them using the continuum. Where do you believe the relationships fall?
  Place your answers in the first two columns of the table on the next page.
  3. 2. As your collaboration progresses, consider which characteristics you
  and your partners need to attend to in order to move towards *Cooperative*
  and *Partner*. Brainstorm ways that you might strengthen your relationship
  and put your thoughts in the last column of the table.
  4. The continuum's levels are district-editable: the guidebook names only
  the top two, Cooperative and Partner. Add your continuum's other levels to
  the `levels` list at the top of a copy of this tool (`cairn tool copy
  relationship_continuum`).

Type ? at any question for help, < to go back, review to see every answer.
Assessed by (optional) you, or your team; team summaries never show names: Association executive board
  Members who assess together use the same name, e.g. "Fall 2026".
Team session (optional): 
Date of this assessment (YYYY-MM-DD): 2026-09-01

Relationships
Partner 1 — Potential Partner: District administration
    1) Cooperative 2) Partner
Partner 1 — Current Relationship Continuum (number or name): Cooperative
Partner 1 — How to Strengthen (several lines; an empty line ends the answer): Monthly standing meeting.
  | 
Add another partner? [y/N]: y
Partner 2 — Potential Partner: School board
    1) Cooperative 2) Partner
Partner 2 — Current Relationship Continuum (number or name): 2
Partner 2 — How to Strengthen (several lines; an empty line ends the answer): 
Add another partner? [y/N]: n

Review: Relationship Continuum Self-Assessment
   1  Assessed by (optional): Association executive board
   2  Team session (optional): 
   3  Date of this assessment: 1 September 2026
   4  Partner 1 — Potential Partner: District administration
   5  Partner 1 — Current Relationship Continuum: Cooperative (1 of 2)
   6  Partner 1 — How to Strengthen: Monthly standing meeting.
   7  Partner 2 — Potential Partner: School board
   8  Partner 2 — Current Relationship Continuum: Partner (2 of 2)
   9  Partner 2 — How to Strengthen: 
Type a number to change that answer, save to save the worksheet, draft to save
a draft and finish later, back to return to the last question, or quit.
review> save
Saved worksheet 2 (relationship_continuum), revision 1.
$ CAIRN_TODAY=2026-11-26 cairn tool report 2 --format md --out interactive.md > /dev/null && diff -u $TESTS/tools/relationship_continuum/interactive.md interactive.md && echo same
wrote interactive.md
same
$ cairn tool run relationship_continuum --answers bad.json
bad.json: relationships[1].level: 'Adversarial' is not a level of the scale (1 to 2: Cooperative, Partner)
bad.json: relationships[2].partner: required
bad.json: 2 problems; nothing was stored
[1]
$ cairn sql "SELECT count(*) AS worksheets FROM worksheet"
worksheets
----------
         2
(1 row)
