# Self-assessments taken by several team members, summarised like a survey (cairn.team): each
# session's worksheets become a survey wave, so spread and agreement come from cairn.survey and
# a session below the minimum group size is suppressed.
$ cairn init --district "Riverside Unified" > /dev/null 2>&1
$ cairn run $TESTS/survey_reports/team_setup.lua
team worksheets saved
$ cairn report team_summary --param tool=strengthening_partnerships_reflection --param "session=Spring 2027" --as-of 2026-11-26 --format md --out reflection.md > /dev/null && diff -u $TESTS/survey_reports/team_reflection.md reflection.md && echo same
same
$ mkdir -p dec && cairn report team_summary --param tool=decision_making_check_in --each session --as-of 2026-11-26 --format md --out dec/ > /dev/null && ls dec
team_summary-2026-11-committee-2026-12.md
team_summary-2026-11-dlt-2026-11.md
$ diff -u $TESTS/survey_reports/team_decisions.md dec/team_summary-2026-11-dlt-2026-11.md && echo same
same
$ grep -A3 "Results suppressed" dec/team_summary-2026-11-committee-2026-12.md | sed "s/^> *//"
**Results suppressed**

This session has fewer than 5 worksheets, the workspace's minimum group size, so its results are not shown (fewer than 5 respondents). Ask more members to take the self-assessment, or review the worksheets together in the meeting.
$ cairn report team_summary --param tool=collaboration_skills_checklist --param "session=DLT fall 2026" --as-of 2026-11-26 --format md --out - | grep -E "^\| (Actively|Agreeing|Brainstorming|Drawing) "
| Actively listening to the concerns of team members | 6 | 6 | 100% |
| Agreeing on roles that capitalize on individual strengths | 3 | 6 | 50% |
| Brainstorming solutions to problems | 1 | 6 | 17% |
| Drawing consensus around goals and processes | 0 | 6 | 0% |
$ cairn report team_summary --param tool=relationship_continuum --param "session=Board retreat 2026" --as-of 2026-11-26 --format md --out - | grep -E "^\| (Item|District|School)"
| Item | Adversarial | Distant | Communicating | Cooperative | Partner | n | % favorable |
| District administration | 0 | 0 | 0 | 4 | 1 | 5 | 100% |
| School board | 0 | 0 | 0 | 1 | 4 | 5 | 100% |
| Item | Members | Mean level | Spread (SD) | Range | Agreement |
| District administration | 5 | 4.2 | 0.45 | Cooperative to Partner | 80% |
| School board | 5 | 4.8 | 0.45 | Cooperative to Partner | 80% |
# The waves built from worksheets are ordinary survey waves, readable with SQL.
$ cairn sql "SELECT name, audience, (SELECT count(*) FROM survey_response r WHERE r.wave_id = w.id) AS n FROM survey_wave w ORDER BY name"
name                                                audience                                             n
--------------------------------------------------  ---------------------------------------------------  -
collaboration_skills_checklist: DLT fall 2026       worksheets of collaboration_skills_checklist         6
decision_making_check_in: Committee 2026-12         worksheets of decision_making_check_in               4
decision_making_check_in: DLT 2026-11               worksheets of decision_making_check_in               5
relationship_continuum: Board retreat 2026          worksheets of relationship_continuum                 5
strengthening_partnerships_reflection: Spring 2027  worksheets of strengthening_partnerships_reflection  5
(5 rows)
# An edited worksheet is picked up: the wave is rebuilt from the worksheets on every summary.
$ cairn -e 'local w = tool.open_worksheet(1); local a = w.answers; a.components[5].rating = 3; tool.edit(w, { components = a.components }, { quiet = true })' > /dev/null && cairn report team_summary --param tool=strengthening_partnerships_reflection --param "session=Spring 2027" --as-of 2026-11-26 --format md --out - | grep "^| Training"
| Training and support | 3 | 1 | 1 | 5 | 20% |
| Training and support | 5 | 1.6 | 0.89 | Needs Work to Strong | 60% |
# Errors: an unknown session, a tool without a team summary, and a wave that holds imported
# responses (never replaced by worksheets: the checklists go under another round name).
$ cairn report team_summary --param tool=collaboration_skills_checklist --param "session=no such session" --as-of 2026-11-26 --format md --out -
cairn: report team_summary: no collaboration_skills_checklist worksheets with session 'no such session' (sessions: DLT fall 2026)
[1]
$ cairn -e 'survey.save_instrument(tool.load("opportunity_checklist").survey.instrument()); survey.wave { instrument = "opportunity_checklist", name = "Spring 2027" }; survey.add_responses("Spring 2027", { { school = "Adams", role = "educator", areas = { "Librarians" } } })'
$ sed 's/Fall 2026/Spring 2027/' $TESTS/tools/opportunity_checklist/answers.json > oc.json && cairn tool run opportunity_checklist --answers oc.json
saved worksheet 26 (opportunity_checklist, final): Opportunity checklist: Adams Elementary (Spring 2027)
$ cairn report checklist_priorities --param "wave=Spring 2027" --as-of 2026-11-26 --format md --out -
cairn: report checklist_priorities: survey wave 'Spring 2027' holds responses that were not entered as opportunity_checklist worksheets; give these worksheets another session name
[1]
$ cairn sql "SELECT count(*) AS responses FROM survey_response r JOIN survey_wave w ON w.id = r.wave_id WHERE w.name = 'Spring 2027'"
responses
---------
        1
(1 row)
$ cairn report team_summary --param tool=five_whys --param session=x --format md --out -
cairn: report team_summary: tool five_whys has no team summary
[1]
