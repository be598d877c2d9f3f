# survey_results and checklist_priorities on the fixture survey (setup.lua: four schools, two
# waves imported from CSV). Dover (3 respondents) is suppressed; Cedar is withheld too, so that
# Dover cannot be worked out from the district total. Goldens in Markdown and HTML.
$ cairn init --district "Riverside Unified" > /dev/null 2>&1
$ cairn run $TESTS/survey_reports/setup.lua
imported 24 and 24 responses
$ cairn report survey_results --param "wave=2026 spring" --as-of 2026-11-26 --format md --out results.md > /dev/null && diff -u $TESTS/survey_reports/survey_results.md results.md && echo same
same
$ cairn report survey_results --param "wave=2026 spring" --as-of 2026-11-26 --format html --out results.html > /dev/null && diff -u <(sed '/<style>/,/<\/style>/d' $TESTS/survey_reports/survey_results.html) <(sed '/<style>/,/<\/style>/d' results.html) && echo same
same
$ mkdir -p each && cairn report survey_results --param "wave=2026 spring" --as-of 2026-11-26 --format md --each school --out each/ > /dev/null && ls each
survey_results-2026-11-adams.md
survey_results-2026-11-baker.md
survey_results-2026-11-cedar.md
survey_results-2026-11-dover.md
$ for f in each/*.md; do diff -u $TESTS/survey_reports/each/$(basename $f) $f || exit 1; done && echo same
same
$ cairn report checklist_priorities --param "wave=2026 spring" --as-of 2026-11-26 --format md --out priorities.md > /dev/null && diff -u $TESTS/survey_reports/checklist_priorities.md priorities.md && echo same
same
$ cairn report checklist_priorities --param "wave=2026 spring" --as-of 2026-11-26 --format html --out priorities.html > /dev/null && diff -u <(sed '/<style>/,/<\/style>/d' $TESTS/survey_reports/checklist_priorities.html) <(sed '/<style>/,/<\/style>/d' priorities.html) && echo same
same
$ mkdir -p each2 && cairn report checklist_priorities --param "wave=2026 spring" --as-of 2026-11-26 --format md --each school --out each2/ > /dev/null && ls each2
checklist_priorities-2026-11-adams.md
checklist_priorities-2026-11-baker.md
checklist_priorities-2026-11-cedar.md
checklist_priorities-2026-11-dover.md
$ for f in each2/*.md; do diff -u $TESTS/survey_reports/each/$(basename $f) $f || exit 1; done && echo same
same
# No wave given: the latest wave with responses; no earlier wave to compare with: said so.
$ cairn report survey_results --param compare=none --as-of 2026-11-26 --format md --out - | grep -i "compared with"
- **Compared with:** no earlier wave
$ cairn report survey_results --param "wave=2027 spring" --as-of 2026-11-26 --format md --out -
cairn: report survey_results: no survey wave '2027 spring' (known: 2025 spring, 2026 spring)
[1]
# --each in CSV: a withheld school gets a short document that says so (one table, no number)
$ mkdir -p csv && cairn report survey_results --param "wave=2026 spring" --each school --format csv --as-of 2026-11-26 --out csv/ > /dev/null && cat csv/survey_results-2026-11-dover.csv && ls csv | wc -l
School,Status
Dover,withheld
8
# The leak test: every format, every page (see leak.lua).
$ mkdir -p leak && TMPDIR=$PWD/leak cairn run $TESTS/survey_reports/leak.lua
ok 1 - the fixture's small school has 3 respondents
ok 2 - 10 documents: 2 district reports and 4 school pages of each report
ok 3 - survey_results (district): Respondents and response rates by school: Dover's row shows no number
ok 4 - survey_results (district): Respondents and response rates by school: at least two groups hidden
ok 5 - survey_results (district): Percent favorable by school: Dover's row shows no number
ok 6 - survey_results (district): Percent favorable by school: at least two groups hidden
ok 7 - survey_results (Dover): Withheld: Dover's row shows no number
ok 8 - checklist_priorities (district): Top areas by school: Dover's row shows no number
ok 9 - checklist_priorities (district): Top areas by school: at least two groups hidden
ok 10 - Dover's rows were found and checked (4)
ok 11 - survey_results (Cedar): the page of a hidden school shows no number about it
ok 12 - survey_results (Dover): the page of a hidden school shows no number about it
ok 13 - checklist_priorities (Cedar): the page of a hidden school shows no number about it
ok 14 - checklist_priorities (Dover): the page of a hidden school shows no number about it
ok 15 - a leaky page is caught (3 numbers found)
ok 16 - breakdowns with hidden groups were found and checked (3)
ok 17 - district counts per level shown for Q1
ok 18 - district counts per level shown for Q2
ok 19 - district counts per level shown for Q3
ok 20 - at most two of the four school pages show counts (Dover and one more hidden)
ok 21 - Q1: district total minus the schools shown is not Dover's counts
ok 22 - Q2: district total minus the schools shown is not Dover's counts
ok 23 - Q3: district total minus the schools shown is not Dover's counts
ok 24 - survey_results (district): CSV lines about Dover hold no number
ok 25 - survey_results (district): HTML rows about Dover hold no number
ok 26 - survey_results (district): XLSX rows about Dover hold no number
ok 27 - survey_results (Adams): CSV lines about Dover hold no number
ok 28 - survey_results (Adams): HTML rows about Dover hold no number
ok 29 - survey_results (Adams): XLSX rows about Dover hold no number
ok 30 - survey_results (Baker): CSV lines about Dover hold no number
ok 31 - survey_results (Baker): HTML rows about Dover hold no number
ok 32 - survey_results (Baker): XLSX rows about Dover hold no number
ok 33 - survey_results (Cedar): CSV lines about Dover hold no number
ok 34 - survey_results (Cedar): HTML rows about Dover hold no number
ok 35 - survey_results (Cedar): XLSX rows about Dover hold no number
ok 36 - survey_results (Dover): CSV lines about Dover hold no number
ok 37 - survey_results (Dover): HTML rows about Dover hold no number
ok 38 - survey_results (Dover): XLSX rows about Dover hold no number
ok 39 - checklist_priorities (district): CSV lines about Dover hold no number
ok 40 - checklist_priorities (district): HTML rows about Dover hold no number
ok 41 - checklist_priorities (district): XLSX rows about Dover hold no number
ok 42 - checklist_priorities (Adams): CSV lines about Dover hold no number
ok 43 - checklist_priorities (Adams): HTML rows about Dover hold no number
ok 44 - checklist_priorities (Adams): XLSX rows about Dover hold no number
ok 45 - checklist_priorities (Baker): CSV lines about Dover hold no number
ok 46 - checklist_priorities (Baker): HTML rows about Dover hold no number
ok 47 - checklist_priorities (Baker): XLSX rows about Dover hold no number
ok 48 - checklist_priorities (Cedar): CSV lines about Dover hold no number
ok 49 - checklist_priorities (Cedar): HTML rows about Dover hold no number
ok 50 - checklist_priorities (Cedar): XLSX rows about Dover hold no number
ok 51 - checklist_priorities (Dover): CSV lines about Dover hold no number
ok 52 - checklist_priorities (Dover): HTML rows about Dover hold no number
ok 53 - checklist_priorities (Dover): XLSX rows about Dover hold no number
no leak found
