# cairn survey on the command line: load an instrument, import exports, check, results, entry.
$ cairn init --district "Riverside Unified"
created cairn.db for Riverside Unified
$ cp $TESTS/survey/fixtures/*.csv $TESTS/survey/fixtures/staff_instrument.lua . && cp $TESTS/survey/malformed/02_scale_typo.csv typo.csv
$ cairn survey load staff_instrument.lua
stored instrument staff_climate version 1 (7 items)
$ cairn survey instruments
id             version  title                 items  attributes
-------------  -------  --------------------  -----  ------------
staff_climate        1  Staff climate survey      7  school, role
(1 row)
$ cairn survey import google.csv --instrument staff_climate --wave "2026 fall"
google.csv: google export, 5 rows
column  header                                       stored as
------  -------------------------------------------  ------------
     1  Timestamp                                    (not stored)
     2  School                                       school
     3  Role                                         role
     4  I feel safe at school.                       C1
     5  Staff morale is low.                         C2
     6  Leaders communicate clearly.                 C3
     7  Areas where the school needs to improve      N1
     8  Did you attend the fall training?            Y1
     9  Hours of professional development this year  H1
    10  Any other comments?                          O1
imported 5 new responses into wave '2026 fall'
$ cairn survey import google.csv --wave "2026 fall"
google.csv: google export, 5 rows
column  header                                       stored as
------  -------------------------------------------  ------------
     1  Timestamp                                    (not stored)
     2  School                                       school
     3  Role                                         role
     4  I feel safe at school.                       C1
     5  Staff morale is low.                         C2
     6  Leaders communicate clearly.                 C3
     7  Areas where the school needs to improve      N1
     8  Did you attend the fall training?            Y1
     9  Hours of professional development this year  H1
    10  Any other comments?                          O1
imported 0 new responses into wave '2026 fall' (5 already imported, skipped)
$ cairn survey import limesurvey.csv --wave "2026 fall" --check
limesurvey.csv: limesurvey export, 4 rows
column  header         stored as
------  -------------  --------------------------------------
     1  id             (identifying; dropped: anonymous wave)
     2  submitdate     (not stored)
     3  lastpage       (not stored)
     4  startlanguage  (not stored)
     5  seed           (not stored)
     6  school         school
     7  role           role
     8  C1             C1
     9  C2             C2
    10  C3             C3
    11  N1[SQ001]      N1 = Communication
    12  N1[SQ002]      N1 = Safety, discipline
    13  N1[SQ003]      N1 = Facilities
    14  N1[SQ004]      N1 = Family engagement
    15  Y1             Y1
    16  H1             H1
    17  O1             O1
checked: 4 new responses, 0 already imported; nothing stored (--check)
$ cairn survey import limesurvey.csv --wave "2026 fall"
limesurvey.csv: limesurvey export, 4 rows
column  header         stored as
------  -------------  --------------------------------------
     1  id             (identifying; dropped: anonymous wave)
     2  submitdate     (not stored)
     3  lastpage       (not stored)
     4  startlanguage  (not stored)
     5  seed           (not stored)
     6  school         school
     7  role           role
     8  C1             C1
     9  C2             C2
    10  C3             C3
    11  N1[SQ001]      N1 = Communication
    12  N1[SQ002]      N1 = Safety, discipline
    13  N1[SQ003]      N1 = Facilities
    14  N1[SQ004]      N1 = Family engagement
    15  Y1             Y1
    16  H1             H1
    17  O1             O1
imported 4 new responses into wave '2026 fall'
$ cairn survey import qualtrics.csv --wave "2026 fall" | tail -n 1
imported 3 new responses into wave '2026 fall'
$ cairn survey import typo.csv --wave "2026 fall"
cairn: typo.csv:3:4 (I feel safe at school.): "Strongly agre": expected one of Strongly disagree, Disagree, Agree, Strongly agree (or 1, 2, 3, 4), Not applicable, or a blank
[1]
# the failed import changed nothing
$ cairn survey waves
wave       instrument     version  starts      ends        mode       responses
---------  -------------  -------  ----------  ----------  ---------  ---------
2026 fall  staff_climate        1  2026-10-01  2026-10-02  anonymous         12
(1 row)
$ cairn sql "SELECT item, label, count(*) AS n FROM survey_answers WHERE item IN ('C1', 'N1') GROUP BY 1, 2 ORDER BY 1, 2"
item  label               n
----  ------------------  -
C1    Agree               4
C1    Disagree            3
C1    Not applicable      1
C1    Strongly agree      3
C1    Strongly disagree   1
N1    Communication       5
N1    Facilities          5
N1    Family engagement   3
N1    Safety, discipline  4
(9 rows)
$ cairn survey results "2026 fall"
2026 fall: staff_climate, by school; groups under 5 respondents withheld
group            respondents  item  n   favorable  mean  note
---------------  -----------  ----  --  ---------  ----  -------------------------------------------
Adams                      5  C1     5     100.0%  3.40
                              C2     5      60.0%  2.80
                              C3     5      60.0%  2.80
                              N1     5                   most checked (40.0%): Communication
                              Y1     5      60.0%
                              H1                         withheld: fewer than 5 answers to this item
                              O1                         withheld: fewer than 5 answers to this item
Baker                                                    withheld: fewer than 5 respondents
Cedar                                                    withheld: fewer than 5 respondents
All respondents           12  C1    11      63.6%  2.82
                              C2    12      41.7%  2.33
                              C3    12      50.0%  2.42
                              N1    12                   most checked (41.7%): Communication
                              Y1    12      58.3%
                              H1     9             8.44
                              O1                         withheld: fewer than 5 answers to this item

item  question                                     favorable answers
----  -------------------------------------------  ---------------------------
C1    I feel safe at school.                       Agree, Strongly agree
C2    Staff morale is low.                         Strongly disagree, Disagree
C3    Leaders communicate clearly.                 Often, Always
N1    Areas where the school needs to improve
Y1    Did you attend the fall training?            Yes
H1    Hours of professional development this year
O1    Any other comments?
$ cairn -e 'ws.set_setting("survey.min_group_size", 3)'
$ cairn survey results "2026 fall" --by school --item C1
2026 fall: staff_climate, by school; groups under 3 respondents withheld
group            respondents  item  n   favorable  mean  note
---------------  -----------  ----  --  ---------  ----  --------------------------------------------------------------------
Adams                      5  C1     5     100.0%  3.40
Baker                      3  C1                         withheld: fewer than 3 answers to this item
Cedar                      4  C1                         withheld so that a smaller group cannot be worked out by subtraction
All respondents           12  C1    11      63.6%  2.82

item  question                favorable answers
----  ----------------------  ---------------------
C1    I feel safe at school.  Agree, Strongly agree
# --json and --csv: every row names its group, numbers are plain, a withheld cell says why
$ cairn survey results "2026 fall" --by school --item C1 --csv
group,respondents,response_rate,item,question,n,favorable,mean,change,withheld
Adams,5,,C1,I feel safe at school.,5,100,3.4,,
Baker,3,,C1,I feel safe at school.,,,,,fewer than 3 answers to this item
Cedar,4,,C1,I feel safe at school.,,,,,withheld so that a smaller group cannot be worked out by subtraction
All respondents,12,,C1,I feel safe at school.,11,63.6,2.82,,
$ cairn survey results "2026 fall" --by school --item C1 --json | head -3
[
  {"group":"Adams","respondents":5,"response_rate":null,"item":"C1","question":"I feel safe at school.","n":5,"favorable":100.0,"mean":3.4,"change":null,"withheld":null},
  {"group":"Baker","respondents":3,"response_rate":null,"item":"C1","question":"I feel safe at school.","n":null,"favorable":null,"mean":null,"change":null,"withheld":"fewer than 3 answers to this item"},
$ cairn survey results "2026 fall" --by school,role --item C3
2026 fall: staff_climate, by school and role; groups under 3 respondents withheld
group            respondents  item  n   favorable  mean  note
---------------  -----------  ----  --  ---------  ----  --------------------------------------------------------------------
Adams / Aide                                             withheld: fewer than 3 respondents
Adams / Teacher                                          withheld so that a smaller group cannot be worked out by subtraction
Baker / Teacher            3  C3     3      33.3%  1.67
Cedar / Aide                                             withheld: fewer than 3 respondents
Cedar / Teacher                                          withheld so that a smaller group cannot be worked out by subtraction
All respondents           12  C3    12      50.0%  2.42

item  question                      favorable answers
----  ----------------------------  -----------------
C3    Leaders communicate clearly.  Often, Always
$ printf 'Dover Teacher 4 1 3 1+3 y 5 -\nDover Teacher 9 1 3 - y 5 -\nDover Aide 3 2 2 - n - "Good year"\n' | cairn survey entry --wave "2026 fall"
entering staff_climate into wave '2026 fall': one line per form: school role C1 C2 C3 N1 Y1 H1 O1
("-" leaves an answer blank; undo drops the last line; done or Ctrl-D stores)
line 2: C1: "9": expected one of Strongly disagree, Disagree, Agree, Strongly agree (or 1, 2, 3, 4), Not applicable, or a blank (not kept; type the line again)
stored 2 forms in wave '2026 fall' (1 line not kept)
[1]
# a file with one huge field is refused at the 4 MiB limit at once, the echoed value cut
$ cairn -e 'local f = io.open("huge.csv", "w"); f:write("school,role,C1,O1\nAdams,Teacher,Agree,\"", string.rep("x", 6 << 20), "\"\n"); f:close()'
$ cairn survey import huge.csv --wave "2026 fall"
cairn: huge.csv:2:4 (O1): "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx..." (cut at 120 characters): malformed CSV at character 4194310 of line 2: expected a record shorter than 4 MiB
[1]
# audit: no withheld figure of the wave can be worked out from the published ones
$ cairn survey audit "2026 fall"
2026 fall: minimum group size 3, comments 10, protection level 3
checked 9 figure families over 14 table cells each: 89 of 126 withheld
no withheld figure can be worked out from the published ones
$ cairn survey audit "no such wave"
cairn: no survey wave 'no such wave' (known: 2026 fall)
[1]
# the minimum group size: positive whole numbers only; under 5 warns; stated everywhere
$ cairn survey min-group-size abc
cairn: minimum group size "abc": expected a positive whole number (like 5)
[1]
$ cairn survey min-group-size 0
cairn: minimum group size "0": expected a positive whole number (like 5)
[1]
$ cairn survey min-group-size -3
cairn: minimum group size "-3": expected a positive whole number (like 5)
[1]
$ cairn -e 'ws.set_setting("survey.min_group_size", "abc")'
$ cairn survey results "2026 fall" --item C1
cairn: setting survey.min_group_size = "abc": expected a positive whole number (like 5)
[1]
$ cairn survey min-group-size 4
warning: a minimum group size of 4 is below the recommended 5; small groups of staff can be identified from their answers
minimum group size: 4
$ cairn survey min-group-size
minimum group size: 4
$ cairn survey show staff_climate | head -n 4
staff_climate (version 1): Staff climate survey
attributes: school, role

Climate
$ cairn survey bank staff_climate bank.csv && head -n 3 bank.csv
wrote bank.csv
instrument,version,title,attributes,section,code,text,type,scale,options,reverse,aliases,previous_code,min,max
staff_climate,1,Staff climate survey,school|role,Climate,C1,I feel safe at school.,scale,agreement,,,Q1|Safety,,,
,,,,Climate,C2,Staff morale is low.,scale,agreement,,yes,Q2,,,
$ cairn survey frob
cairn: unknown survey command 'frob' (expected audit, bank, draft, entry, import, instruments, load, min-group-size, results, show, wave, waves)
usage: cairn survey import FILE.csv --wave NAME [--instrument ID] [--map FILE] [--check] [-q]
       | instruments | show ID | load FILE.lua|FILE.csv | bank [export] ID FILE.csv
       | bank import FILE.csv
       | waves | wave NAME --instrument ID [--starts D] [--ends D] [--audience T] [--mode M]
       | entry --wave NAME [--instrument ID] | results WAVE [--by ATTR[,ATTR]] [--item CODE]
       | audit WAVE | min-group-size [N] | draft EXPORT.csv [--id ID] [--out PREFIX]
[2]
$ cairn survey import nope.csv --wave "2026 fall"
cairn: nope.csv: no such file
[1]
$ cairn check
cairn.db: ok
# a district's own scales file beside the workspace is read over the shipped one: a scale it
# names is replaced, one set to false is dropped, the others stay
$ mkdir -p cairn/survey && printf 'return { agreement = { levels = { "No", "Somewhat", "Yes" }, favorable = { 3 } }, rating = false }\n' > cairn/survey/scales.lua
$ cairn -e 'print(table.concat(survey.scales(), " ")); print(survey.scale("agreement").levels[2].label)'
agreement agreement5 frequency quality yesno
Somewhat
