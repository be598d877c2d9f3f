# cairn survey draft: an instrument drafted from each shipped export (Google Forms, Qualtrics,
# LimeSurvey, plain CSV) loads and imports its own export without --map.
$ cairn init --district "Riverside Unified" > /dev/null
created cairn.db for Riverside Unified
$ cp $TESTS/survey/fixtures/*.csv .
$ cairn survey draft google.csv --id google_draft
google.csv: google export; drafted instrument google_draft: 7 items, attributes school, role
  column 1 (Timestamp): an export column, not stored
  column 2 (School): attribute school (2 distinct values)
  column 3 (Role): attribute role (2 distinct values)
  column 4 (I feel safe at school.): agreement scale item Q1
  column 5 (Staff morale is low.): agreement scale item Q2
  column 6 (Leaders communicate clearly.): frequency scale item Q3
  column 7 (Areas where the school needs to improve): checklist item Q4 with 4 options
  column 8 (Did you attend the fall training?): yes/no item Q5
  column 9 (Hours of professional development this year): number item Q6
  column 10 (Any other comments?): text item Q7
wrote google_instrument.lua and google_instrument.csv: review them, then cairn survey load google_instrument.lua
$ cat google_instrument.lua
-- Drafted by cairn survey draft: review the items, scales and attributes, then
-- cairn survey load google_instrument.lua
return {
  attributes = {
    "school",
    "role",
  },
  id = "google_draft",
  sections = {
    {
      items = {
        {
          code = "Q1",
          scale = "agreement",
          text = "I feel safe at school.",
          type = "scale",
        },
        {
          code = "Q2",
          scale = "agreement",
          text = "Staff morale is low.",
          type = "scale",
        },
        {
          code = "Q3",
          scale = "frequency",
          text = "Leaders communicate clearly.",
          type = "scale",
        },
        {
          code = "Q4",
          options = {
            "Communication",
            "Facilities",
            "Family engagement",
            "Safety, discipline",
          },
          text = "Areas where the school needs to improve",
          type = "checklist",
        },
        {
          code = "Q5",
          text = "Did you attend the fall training?",
          type = "yesno",
        },
        {
          code = "Q6",
          text = "Hours of professional development this year",
          type = "number",
        },
        {
          code = "Q7",
          text = "Any other comments?",
          type = "text",
        },
      },
      title = "Questions",
    },
  },
  title = "google_draft",
  version = 1,
}
$ cat google_instrument.csv
instrument,version,title,attributes,section,code,text,type,scale,options,reverse,aliases,previous_code,min,max
google_draft,1,google_draft,school|role,Questions,Q1,I feel safe at school.,scale,agreement,,,,,,
,,,,Questions,Q2,Staff morale is low.,scale,agreement,,,,,,
,,,,Questions,Q3,Leaders communicate clearly.,scale,frequency,,,,,,
,,,,Questions,Q4,Areas where the school needs to improve,checklist,,"Communication|Facilities|Family engagement|Safety, discipline",,,,,
,,,,Questions,Q5,Did you attend the fall training?,yesno,,,,,,,
,,,,Questions,Q6,Hours of professional development this year,number,,,,,,,
,,,,Questions,Q7,Any other comments?,text,,,,,,,
$ cairn survey load google_instrument.lua && cairn survey import google.csv --instrument google_draft --wave "google fall" | tail -n 1
stored instrument google_draft version 1 (7 items)
imported 5 new responses into wave 'google fall'
$ cairn survey draft qualtrics.csv --id qualtrics_draft --out q
qualtrics.csv: qualtrics export; drafted instrument qualtrics_draft: 7 items, attributes school, role
  column 1 (StartDate): an export column, not stored
  column 2 (EndDate): an export column, not stored
  column 3 (Status): an export column, not stored
  column 4 (IPAddress): an export column, not stored
  column 5 (Progress): an export column, not stored
  column 6 (Duration (in seconds)): an export column, not stored
  column 7 (Finished): an export column, not stored
  column 8 (RecordedDate): an export column, not stored
  column 9 (ResponseId): an export column, not stored
  column 10 (RecipientEmail): an export column, not stored
  column 11 (Q1): agreement scale item Q1
  column 12 (Q2): agreement scale item Q2
  column 13 (Q3): frequency scale item Q3
  column 14 (Q4): checklist item Q4 with 3 options
  column 15 (Q5): yes/no item Q5
  column 16 (Q6): number item Q6
  column 17 (Q7): text item Q7
  column 18 (school): attribute school (2 distinct values)
  column 19 (role): attribute role (2 distinct values)
wrote q.lua and q.csv: review them, then cairn survey load q.lua
$ cairn survey load q.lua && cairn survey import qualtrics.csv --instrument qualtrics_draft --wave "qualtrics fall" | tail -n 1
stored instrument qualtrics_draft version 1 (7 items)
imported 3 new responses into wave 'qualtrics fall'
$ cairn survey draft limesurvey.csv --id lime_draft --out lime
limesurvey.csv: limesurvey export; drafted instrument lime_draft: 7 items, attributes school, role
  column 1 (id): an export column, not stored
  column 2 (submitdate): an export column, not stored
  column 3 (lastpage): an export column, not stored
  column 4 (startlanguage): an export column, not stored
  column 5 (seed): an export column, not stored
  column 6 (school): attribute school (1 distinct values)
  column 7 (role): attribute role (2 distinct values)
  column 8 (C1): agreement scale item C1 (guessed from numbers only: check the scale)
  column 9 (C2): agreement scale item C2 (guessed from numbers only: check the scale)
  column 10 (C3): agreement scale item C3 (guessed from numbers only: check the scale)
  column 15 (Y1): yes/no item Y1
  column 16 (H1): number item H1
  column 17 (O1): text item O1
  columns N1[...]: checklist item N1 with 4 options (named by their codes: rename them)
wrote lime.lua and lime.csv: review them, then cairn survey load lime.lua
$ cairn survey load lime.lua && cairn survey import limesurvey.csv --instrument lime_draft --wave "lime fall" | tail -n 1
stored instrument lime_draft version 1 (7 items)
imported 4 new responses into wave 'lime fall'
$ cairn survey draft plain.csv --id plain_draft --out plain_draft
plain.csv: plain export; drafted instrument plain_draft: 7 items, attributes school, role
  column 1 (school): attribute school (1 distinct values)
  column 2 (role): attribute role (2 distinct values)
  column 3 (C1): agreement scale item C1 (guessed from numbers only: check the scale)
  column 4 (C2): agreement scale item C2 (guessed from numbers only: check the scale)
  column 5 (C3): agreement scale item C3 (guessed from numbers only: check the scale)
  column 6 (N1): checklist item N1 with 3 options
  column 7 (Y1): yes/no item Y1 (guessed from numbers only: check the scale)
  column 8 (H1): number item H1
  column 9 (O1): text item O1
wrote plain_draft.lua and plain_draft.csv: review them, then cairn survey load plain_draft.lua
$ cairn survey load plain_draft.csv && cairn survey import plain.csv --instrument plain_draft --wave "plain fall" | tail -n 1
stored instrument plain_draft version 1 (7 items)
imported 3 new responses into wave 'plain fall'
# headers that only name an attribute in other words: the bank CSV carries them as aliases
$ sed 's/^Timestamp,School,Role/Timestamp,What school do you work at?,Your job/' google.csv > worded.csv
$ cairn survey draft worded.csv --out worded
cairn: worded.csv: the draft would overwrite the export; choose another --out PREFIX
[1]
$ cairn survey draft worded.csv --id worded --out worded_bank | sed -n 3,4p && head -n 2 worded_bank.csv | tail -n 1 | cut -d, -f1-4
  column 2 (What school do you work at?): attribute school (2 distinct values)
  column 3 (Your job): attribute role (2 distinct values)
worded,1,worded,school = What school do you work at?|role = Your job
$ cairn survey load worded_bank.csv && cairn survey import worded.csv --instrument worded --wave "worded fall" | tail -n 1
stored instrument worded version 1 (7 items)
imported 5 new responses into wave 'worded fall'
# the wave took its dates from the export's timestamps
$ cairn survey waves
wave            instrument       version  starts      ends        mode       responses
--------------  ---------------  -------  ----------  ----------  ---------  ---------
plain fall      plain_draft            1                          anonymous          3
google fall     google_draft           1  2026-10-01  2026-10-02  anonymous          5
qualtrics fall  qualtrics_draft        1  2026-10-01  2026-10-02  anonymous          3
worded fall     worded                 1  2026-10-01  2026-10-02  anonymous          5
lime fall       lime_draft             1  2026-10-03  2026-10-03  anonymous          4
(5 rows)
# a header-only export has nothing to draft from
$ head -n 1 google.csv > empty.csv && cairn survey draft empty.csv
cairn: empty.csv: no responses (the file has a header but no rows of answers)
[1]
