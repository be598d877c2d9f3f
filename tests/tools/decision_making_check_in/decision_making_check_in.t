# decision_making_check_in: from an answers file (Markdown and HTML report goldens), interactively from piped
# answers, and a bad answers file (its errors, exit status 1, nothing stored).
$ cairn init --district "Riverside Unified" > /dev/null 2>&1
$ cp $TESTS/tools/decision_making_check_in/*.json . && cairn tool run decision_making_check_in --answers answers.json
saved worksheet 1 (decision_making_check_in, final): Decision check-in: District Leadership Team, Ana Ruiz
$ CAIRN_TODAY=2026-11-26 cairn tool report 1 --format md --out report.md > /dev/null && diff -u $TESTS/tools/decision_making_check_in/report.md report.md && echo same
wrote report.md
same
$ CAIRN_TODAY=2026-11-26 cairn tool report 1 --format html --out report.html > /dev/null && diff -u $TESTS/tools/decision_making_check_in/report.html report.html && echo same
wrote report.html
same
$ printf 'District Leadership Team\nAna Ruiz\nDLT 2026-11\n\n\nChoose the attendance pilot schools\n4\nBoth partners own the pilot.\n\nn\nsave\n' | cairn tool run decision_making_check_in

Decision-Making Check-In Tool
  NEA, Collaborating for Student Success (draft, October 2019); decision scale
  by Dr. W. Patrick Dolan, Consortium for Educational Change

  1. The Decision-Making Check-In Tool helps team members evaluate their
  decision making expectations in various group situations.
  2. Of the seven decision-making steps on the scale, steps one and seven
  represent authoritarian decisions that are made solely by one party. As you
  move towards the center of the scale, each step moves a degree closer
  towards the true collaboration represented by step four. The more decisions
  that can be made at step four, the stronger the collaborative relationship
  becomes.
  3. Being clear from the outset about where a decision lies on the continuum
  helps avoid conflict.
  4. Each member lists the decisions and the step they expect; members of one
  team use the same session name and the same wording for each decision, and
  the team summary shows where expectations spread apart.

Type ? at any question for help, < to go back, review to see every answer.
Team or committee: District Leadership Team
Team member (optional) team summaries never show names: Ana Ruiz
  Members checking in together use the same name, e.g. "DLT 2026-11".
Team session (optional): DLT 2026-11
Party at step 1 [District administration]: 
Party at step 7 [Education association/union]: 

Decisions
Decision 1 — Decision: Choose the attendance pilot schools
    1) 1 - decided solely by the first party 2) 2 3) 3 - the first party
    decides after listening to and considering the group's input 4) 4 - true
    collaboration: decided together 5) 5 6) 6 7) 7 - decided solely by the
    second party
Decision 1 — Where I expect it on the scale (1-7) (number or name): 4
Decision 1 — Why (several lines; an empty line ends the answer): Both partners own the pilot.
  | 
Add another decision? [y/N]: n

Review: Decision-Making Check-In Tool
   1  Team or committee: District Leadership Team
   2  Team member (optional): Ana Ruiz
   3  Team session (optional): DLT 2026-11
   4  Party at step 1: District administration
   5  Party at step 7: Education association/union
   6  Decision 1 — Decision: Choose the attendance pilot schools
   7  Decision 1 — Where I expect it on the scale (1-7): 4 - true collaboration: decided together (4 of 7)
   8  Decision 1 — Why: Both partners own the pilot.
Type a number to change that answer, save to save the worksheet, draft to save
a draft and finish later, back to return to the last question, or quit.
review> save
Saved worksheet 2 (decision_making_check_in), revision 1.
$ CAIRN_TODAY=2026-11-26 cairn tool report 2 --format md --out interactive.md > /dev/null && diff -u $TESTS/tools/decision_making_check_in/interactive.md interactive.md && echo same
wrote interactive.md
same
$ cairn tool run decision_making_check_in --answers bad.json
bad.json: decisions[1].step: 9 is not a level of the scale (1 to 7: 1 - decided solely by the first party, 2, 3 - the first party decides after listening to and considering the group's input, 4 - true collaboration: decided together, 5, 6, 7 - decided solely by the second party)
bad.json: 1 problem; nothing was stored
[1]
$ cairn sql "SELECT count(*) AS worksheets FROM worksheet"
worksheets
----------
         2
(1 row)
