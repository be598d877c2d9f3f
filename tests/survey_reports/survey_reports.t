# survey_results and checklist_priorities on the fixture survey (setup.lua: four schools, two
# waves imported from CSV). Dover (3 respondents) is suppressed; Cedar is withheld too, so that
# Dover cannot be worked out from the district total. Goldens in Markdown and HTML.
$ cairn init --district "Riverside Unified" > /dev/null 2>&1
$ cairn run $TESTS/survey_reports/setup.lua
imported 24 and 24 responses
$ cairn report survey_results --param "wave=2026 spring" --as-of 2026-11-26 --format md --out results.md > /dev/null && diff -u $TESTS/survey_reports/survey_results.md results.md && echo same
same
$ cairn report survey_results --param "wave=2026 spring" --as-of 2026-11-26 --format html --out results.html > /dev/null && diff -u $TESTS/survey_reports/survey_results.html results.html && echo same
same
$ mkdir -p each && cairn report survey_results --param "wave=2026 spring" --as-of 2026-11-26 --format md --each school --out each/ --verbose
cairn: report survey_results (school Adams): survey_results: /work/main/build-stools/lua/cairn/survey/results.lua:274: bad argument #6 to 'tally' (number expected, got userdata)
[1]
$ for f in each/*.md; do diff -u $TESTS/survey_reports/each/$(basename $f) $f || exit 1; done && echo same
diff: extra operand '/work/main/tests/survey_reports/each/checklist_priorities-2026-11-cedar.md'
diff: Try 'diff --help' for more information.
[1]
$ cairn report checklist_priorities --param "wave=2026 spring" --as-of 2026-11-26 --format md --out priorities.md > /dev/null && diff -u $TESTS/survey_reports/checklist_priorities.md priorities.md && echo same
same
$ cairn report checklist_priorities --param "wave=2026 spring" --as-of 2026-11-26 --format html --out priorities.html > /dev/null && diff -u $TESTS/survey_reports/checklist_priorities.html priorities.html && echo same
same
$ mkdir -p each2 && cairn report checklist_priorities --param "wave=2026 spring" --as-of 2026-11-26 --format md --each school --out each2/ --verbose
wrote each2/checklist_priorities-2026-11-adams.md (1289 bytes, 63d9c155d556d7be)
wrote each2/checklist_priorities-2026-11-baker.md (1289 bytes, 759db3cf5ae95592)
wrote each2/checklist_priorities-2026-11-cedar.md (1050 bytes, 9c7756a09608e98b)
wrote each2/checklist_priorities-2026-11-dover.md (1006 bytes, b3c490332a2e45bf)
recorded run 5 of checklist_priorities: period 2026-11, as of 2026-11-26, 4 files
$ for f in each2/*.md; do diff -u $TESTS/survey_reports/each/$(basename $f) $f || exit 1; done && echo same
same
# No wave given: the latest wave with responses; no earlier wave to compare with: said so.
$ cairn report survey_results --param compare=none --as-of 2026-11-26 --format md --out - | grep -i "compared with"
- **Compared with:** no earlier wave
$ cairn report survey_results --param "wave=2027 spring" --as-of 2026-11-26 --format md --out -
cairn: report survey_results: no survey wave '2027 spring' (known: 2025 spring, 2026 spring)
[1]
# The leak test: every format, every page (see leak.lua).
$ mkdir -p leak && TMPDIR=$PWD/leak cairn run $TESTS/survey_reports/leak.lua
ok 1 - the fixture's small school has 3 respondents
cairn: survey_results: /work/main/build-stools/lua/cairn/survey/results.lua:274: bad argument #6 to 'tally' (number expected, got userdata)
[1]
