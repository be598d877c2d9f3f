# collaborative_attributes_commitment: from an answers file (Markdown and HTML report goldens), interactively from piped
# answers, and a bad answers file (its errors, exit status 1, nothing stored).
$ cairn init --district "Riverside Unified" > /dev/null 2>&1
$ cp $TESTS/tools/collaborative_attributes_commitment/*.json . && cairn tool run collaborative_attributes_commitment --answers answers.json
saved worksheet 1 (collaborative_attributes_commitment, final): Commitment list: Riverside Unified and Riverside Education Association
$ CAIRN_TODAY=2026-11-26 cairn tool report 1 --format md --out report.md > /dev/null && diff -u $TESTS/tools/collaborative_attributes_commitment/report.md report.md && echo same
wrote report.md
same
$ CAIRN_TODAY=2026-11-26 cairn tool report 1 --format html --out report.html > /dev/null && diff -u $TESTS/tools/collaborative_attributes_commitment/report.html report.html && echo same
wrote report.html
same
$ printf 'Riverside Unified and Riverside Education Association\n2026-09-15\nDistrict administration\n1,2,3,8\nRiverside Education Association\n1,3,8,15\nn\nsave\n' | cairn tool run collaborative_attributes_commitment

Collaborative Attributes: Commitment List
  NEA, Collaborating for Student Success (draft, October 2019); adapted from
  indicators of a collaborative climate in McCarthy and Rubinstein (2017),
  aiim.org and blog.risebeyond.org

  1. This is a tool for collaborative groups to use together to discuss and
  agree upon collaborative attributes, ultimately providing a set of
  commitments as you begin your education [partnership].
  2. What promises are you and your partners comfortable [making to one]
  another in support of this new partnership? Discuss these attributes of
  collaborative partnerships with your partners, and place a checkmark next to
  the ones where you feel that both you and you[r partners agree] with the
  statements.
  3. Enter each partner (a person or a stakeholder group, such as the
  association/union) and the statements that partner agrees with. An attribute
  is a commitment when every partner agrees; the report lists those first,
  then the ones still to discuss.

Type ? at any question for help, < to go back, review to see every answer.
Partnership e.g. "Riverside Unified and Riverside Education Association": Riverside Unified and Riverside Education Association
Date discussed (YYYY-MM-DD): 2026-09-15

Partner
  Each partner marks the statements they agree with.
Partner 1 › Partner a person or a stakeholder group: District administration
    1) Awareness - We each see ourselves and each other as necessary parts of
    a working system 2) Motivation - We have the drive to gain consensus when
    engaging in joint problem solving 3) Participation - We are equally
    committed to participating in a collaborative partnership 4) Shared
    decision making - We make working to[gether our] default and collaborate
    on as many important [decisions as] possible 5) Professional discretion -
    We respect the profes[sional …]tory of the people within our system and
    create space for role-appropriate, independent decision making 6) Peer
    collaboration - We support educators in working together for their
    students' success 7) Social support - We portray each other as valued
    partners to our peers 8) Goal alignment - We seek to align goals among
    stakeholders in our system by emphasizing our common purpose and shared
    priorities 9) Authenticity - We are honest with each other about our
    thoughts, feelings, and opinions 10) Psychological safety - We create an
    environment where all partners feel comfortable sharing thoughts and
    opinions, and where participants are not harshly judged for mistakes,
    voicing concerns, or holding unpopular viewpoints 11) Mediation - We are
    able to positively negotiate, compromise, and get to agreement 12)
    Reciprocity - We share information, and we expect sharing in return
    through reciprocity 13) Reliability - We are consistently reliable, and in
    return expect our partners to follow through 14) Reflection - We think
    through the possibilities, and are willing to consider alternatives 15)
    Engagement - We proactively engage, rather than wait and react
Partner 1 › Agrees with (numbers or names, separated by commas): 1,2,3,8
Partner 2 › Partner a person or a stakeholder group: Riverside Education Association
    1) Awareness - We each see ourselves and each other as necessary parts of
    a working system 2) Motivation - We have the drive to gain consensus when
    engaging in joint problem solving 3) Participation - We are equally
    committed to participating in a collaborative partnership 4) Shared
    decision making - We make working to[gether our] default and collaborate
    on as many important [decisions as] possible 5) Professional discretion -
    We respect the profes[sional …]tory of the people within our system and
    create space for role-appropriate, independent decision making 6) Peer
    collaboration - We support educators in working together for their
    students' success 7) Social support - We portray each other as valued
    partners to our peers 8) Goal alignment - We seek to align goals among
    stakeholders in our system by emphasizing our common purpose and shared
    priorities 9) Authenticity - We are honest with each other about our
    thoughts, feelings, and opinions 10) Psychological safety - We create an
    environment where all partners feel comfortable sharing thoughts and
    opinions, and where participants are not harshly judged for mistakes,
    voicing concerns, or holding unpopular viewpoints 11) Mediation - We are
    able to positively negotiate, compromise, and get to agreement 12)
    Reciprocity - We share information, and we expect sharing in return
    through reciprocity 13) Reliability - We are consistently reliable, and in
    return expect our partners to follow through 14) Reflection - We think
    through the possibilities, and are willing to consider alternatives 15)
    Engagement - We proactively engage, rather than wait and react
Partner 2 › Agrees with (numbers or names, separated by commas): 1,3,8,15
Add another partner? [y/N]: n

Review: Collaborative Attributes: Commitment List
   1  Partnership: Riverside Unified and Riverside Education Association
   2  Date discussed: 15 September 2026
   3  Partner 1 › Partner: District administration
   4  Partner 1 › Agrees with: Awareness - We each see ourselves and each other as necessa…
   5  Partner 2 › Partner: Riverside Education Association
   6  Partner 2 › Agrees with: Awareness - We each see ourselves and each other as necessa…
Type a number to change that answer, save to save the worksheet, draft to save
a draft and finish later, back to return to the last question, or quit.
review> save
Saved worksheet 2 (collaborative_attributes_commitment), revision 1.
$ CAIRN_TODAY=2026-11-26 cairn tool report 2 --format md --out interactive.md > /dev/null && diff -u $TESTS/tools/collaborative_attributes_commitment/interactive.md interactive.md && echo same
wrote interactive.md
same
$ cairn tool run collaborative_attributes_commitment --answers bad.json
bad.json: date: '2026-13-45' is not a date (month 13; expected YYYY-MM-DD, 11/30/2026 or 30 Nov 2026)
bad.json: partners: at least 2 required (Partner), got 1
bad.json: 2 problems; nothing was stored
[1]
$ cairn sql "SELECT count(*) AS worksheets FROM worksheet"
worksheets
----------
         2
(1 row)
