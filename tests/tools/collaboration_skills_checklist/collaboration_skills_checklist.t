# collaboration_skills_checklist: from an answers file (Markdown and HTML report goldens), interactively from piped
# answers, and a bad answers file (its errors, exit status 1, nothing stored).
$ cairn init --district "Riverside Unified" > /dev/null 2>&1
$ cp $TESTS/tools/collaboration_skills_checklist/*.json . && cairn tool run collaboration_skills_checklist --answers answers.json
saved worksheet 1 (collaboration_skills_checklist, final): Collaboration skills: Ana Ruiz (DLT fall 2026)
$ CAIRN_TODAY=2026-11-26 cairn tool report 1 --format md --out report.md > /dev/null && diff -u $TESTS/tools/collaboration_skills_checklist/report.md report.md && echo same
wrote report.md
same
$ CAIRN_TODAY=2026-11-26 cairn tool report 1 --format html --out report.html > /dev/null && diff -u <(sed '/<style>/,/<\/style>/d' $TESTS/tools/collaboration_skills_checklist/report.html) <(sed '/<style>/,/<\/style>/d' report.html) && echo same
wrote report.html
same
$ printf 'Ana Ruiz\nDLT fall 2026\n1,3,4,13\nsave\n' | cairn tool run collaboration_skills_checklist

Collaboration Skills Checklist
  NEA, Collaborating for Student Success (draft, October 2019); adapted from
  Doyle, A. (2018). Collaboration Definitions, Skills, and Examples.

  1. This is a self-reflection tool for you, on a collaborative team, to
  consider the interpersonal skills that support collaboration and take
  inventory of […]
  2. The Collaboration Skills Checklist helps you, as an individual, assess
  your collaboration skills. Whereas the other tools provide insight into
  relationships among stakeholders in your partnership, this tool offers a
  chance to reflect upon the skills you bring to the collaboration table.
  3. Check each skill you bring today. If your team takes the checklist
  together, give the same session name; the team summary shows how many
  members checked each skill, never who.

Type ? at any question for help, < to go back, review to see every answer.
  Kept with your worksheet only; team summaries never show names.
Your name (optional): Ana Ruiz
  Members who take the checklist together use the same name, e.g. "DLT fall
  2026".
Team session (optional): DLT fall 2026
  Check the skills you exhibit; the others become your skills to develop.
    1) Actively listening to the concerns of team members 2) Agreeing on roles
    that capitalize on individual strengths 3) Analyzing problems without
    assigning blame 4) Brainstorming solutions to problems 5) Building
    consensus about goals and processes for group projects 6) Compromising
    when necessary to move the group forward 7) Defining mutually acceptable
    roles 8) Delegating tasks with open discussion 9) Displaying a willingness
    to find solutions to problems 10) Drawing consensus around goals and
    processes 11) Eliciting the views of reluctant group members 12)
    Facilitating group discussion 13) Following through with commitments in a
    reliable manner 14) Forgiving others when they come up short 15) Giving
    credit to others for contributions 16) Identifying obstacles to success
    17) Interviewing clients to determine their needs and preferences 18)
    Investing the required time and energy to complete tasks 19) Taking a
    leadership role 20) Listening to team members' concerns 21) Maintaining a
    sense of humor whenever possible 22) Making sure the perspectives of
    quieter collaborators is heard 23) Meeting deadlines for individual
    contributions 24) Recognizing the contributions of other collaborators 25)
    Recognizing the strengths and weaknesses of collaborators 26) Selecting
    compatible partners to carry out projects 27) Sharing feelings of
    frustration or dissatisfaction as they occur 28) Speaking respectfully
    with team members 29) Taking responsibility for mistakes 30) Updating
    collaborators on developments with the project 31) Working hard to fulfill
    obligations to the team
Skills I bring (numbers or names, separated by commas): 1,3,4,13

Review: Collaboration Skills Checklist
   1  Your name (optional): Ana Ruiz
   2  Team session (optional): DLT fall 2026
   3  Skills I bring: Actively listening to the concerns of team members, Analyzi…
Type a number to change that answer, save to save the worksheet, draft to save
a draft and finish later, back to return to the question you were on, or quit.
review> save
Saved worksheet 2 (collaboration_skills_checklist), revision 1.
$ CAIRN_TODAY=2026-11-26 cairn tool report 2 --format md --out interactive.md > /dev/null && diff -u $TESTS/tools/collaboration_skills_checklist/interactive.md interactive.md && echo same
wrote interactive.md
same
$ cairn tool run collaboration_skills_checklist --answers bad.json
bad.json: skills: 'Juggling' is not one of the choices (Actively listening to the concerns of team members, Agreeing on roles that capitalize on individual strengths, Analyzing problems without assigning blame, Brainstorming solutions to problems, Building consensus about goals and processes for group projects, Compromising when necessary to move the group forward, Defining mutually acceptable roles, Delegating tasks with open discussion, ... (23 more; ? lists them, as does cairn tool show))
bad.json: 1 problem; nothing was stored
[1]
$ cairn sql "SELECT count(*) AS worksheets FROM worksheet"
worksheets
----------
         2
(1 row)
