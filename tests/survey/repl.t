# Survey results in the REPL (piped input), as a facilitator sees them: results, compare,
# top_areas and response_rates print as aligned summaries, withheld groups with their
# reason only (Dover has 3 respondents; Cedar is withheld so Dover cannot be subtracted out).
$ cairn init --district "Riverside Unified" > /dev/null 2>&1
$ cairn run $TESTS/survey_reports/setup.lua
imported 24 and 24 responses
$ cairn <<'IN'
> survey.results{wave = "2026 spring", by = "school"}
> survey.compare{wave = "2026 spring", previous = "2025 spring", items = {"Q1"}}
> survey.top_areas{wave = "2026 spring", item = "AREAS", by = "school", limit = 2}
> survey.response_rates{wave = "2026 spring", by = "school"}
> survey.results("2026 spring").total.items.Q1.n
> IN
2026 spring: fixture_climate, by school; groups under 5 respondents withheld
group            respondents  response rate  item   n   favorable  mean  note
---------------  -----------  -------------  -----  --  ---------  ----  --------------------------------------------------------------------
Adams                      8          80.0%  Q1      8      75.0%  2.75
                                             Q2      8      75.0%  2.88
                                             Q3      8     100.0%  3.38
                                             AREAS   8                   most checked (75.0%): Safety
Baker                      7          77.8%  Q1      7      85.7%  3.14
                                             Q2      7      85.7%  3.57
                                             Q3      7      85.7%  3.43
                                             AREAS   7                   most checked (71.4%): Safety
Cedar                                                                    withheld so that a smaller group cannot be worked out by subtraction
Dover                                                                    withheld: fewer than 5 respondents
All respondents           24          77.4%  Q1     24      58.3%  2.71
                                             Q2     24      70.8%  3.00
                                             Q3     24      75.0%  3.08
                                             AREAS  24                   most checked (66.7%): Safety

item   question                                     favorable answers
-----  -------------------------------------------  ---------------------
Q1     I feel supported by school leaders.          Agree, Strongly agree
Q2     Staff communicate openly.                    Agree, Strongly agree
Q3     My school is a safe place to work.           Agree, Strongly agree
AREAS  Top areas where the school needs to improve
(a table: res.groups[i].items.CODE holds n, counts, percents, favorable, mean, sd; help(survey.results))
2026 spring: fixture_climate; groups under 5 respondents withheld
group            respondents  response rate  item  n   favorable  mean  note
---------------  -----------  -------------  ----  --  ---------  ----  -----------------------------
All respondents           24          77.4%  Q1    24      58.3%  2.71  +4.2 points since 2025 spring

item  question                             favorable answers
----  -----------------------------------  ---------------------
Q1    I feel supported by school leaders.  Agree, Strongly agree
(a table: res.groups[i].items.CODE holds n, counts, percents, favorable, mean, sd; help(survey.results))
2026 spring: most checked options of AREAS ("Top areas where the school needs to improve"); groups under 5 respondents withheld
group            respondents  rank  option               checked by  % of respondents  note
---------------  -----------  ----  -------------------  ----------  ----------------  --------------------------------------------------------------------
All respondents           24     1  Safety                       16             66.7%
                                 2  Time to collaborate           9             37.5%
Adams                      8     1  Safety                        6             75.0%
                                 2  Class sizes                   2             25.0%
Baker                      7     1  Safety                        5             71.4%
                                 2  Time to collaborate           4             57.1%
Cedar                                                                                  withheld so that a smaller group cannot be worked out by subtraction
Dover                                                                                  withheld: fewer than 5 respondents
(a table: res.district.ranked, res.groups[i].ranked; help(survey.top_areas))
2026 spring: response rates; groups under 5 respondents withheld
group            respondents  response rate  note
---------------  -----------  -------------  --------------------------------------------------------------------
Adams                      8          80.0%
Baker                      7          77.8%
Cedar                                        withheld so that a smaller group cannot be worked out by subtraction
Dover                                        withheld: fewer than 5 respondents
All respondents           24
(a table: res.groups[i].respondents, response_rate; help(survey.response_rates))
24
