#!/usr/bin/env bash
# The tool catalogue and cairn agree: `cairn tool list` names exactly the 42 ids of the
# catalogue's summary table (tests/tools/catalogue.md, a checked-in copy of TOOLS.md section 4),
# and every tool has its test folder tests/tools/ID/ with an answers file, a golden report and
# at least one bad-input case. Prints TAP.
set -u
T=$CAIRN_TESTS/tools
n=0
ok() { n=$((n + 1)); echo "ok $n - $1"; }
not_ok() { n=$((n + 1)); echo "not ok $n - $1"; }

cairn init --district "Catalogue District" > /dev/null 2>&1
# the id column of the summary table rows ("| 5 | sharing_the_case | ...")
awk -F'|' '/^\| *[0-9]+ *\|/ { gsub(/ /, "", $3); print $3 }' "$T/catalogue.md" | sort > catalogue.txt
# Tools cairn ships beyond the catalogue's 42, each allowed here by name:
#   turn_learning_to_action: each NEA chapter's closing "Turn Learning to Action" questions (issue 13)
extra='^turn_learning_to_action$'
COLUMNS=200 cairn tool list | awk 'NR > 2 && $1 ~ /^[a-z_0-9]+$/ { print $1 }' | grep -v "$extra" | sort > listed.txt
if COLUMNS=200 cairn tool list | grep -q '^turn_learning_to_action '; then ok "cairn tool list names turn_learning_to_action (beyond the catalogue)"
else not_ok "cairn tool list names turn_learning_to_action (beyond the catalogue)"; fi

if [ "$(wc -l < catalogue.txt)" -eq 42 ]; then ok "the catalogue's summary table has 42 ids"
else not_ok "the catalogue's summary table has 42 ids (has $(wc -l < catalogue.txt))"; fi
if diff catalogue.txt listed.txt > diff.txt; then ok "cairn tool list names the same ids as the catalogue"
else not_ok "cairn tool list names the same ids as the catalogue"; sed 's/^/#   /' diff.txt; fi

while read -r id; do
  d=$T/$id
  missing=()
  [ -f "$d/answers.json" ] || missing+=("answers.json")
  [ -f "$d/expected.md" ] || [ -f "$d/report.md" ] || missing+=("a golden report (expected.md or report.md)")
  compgen -G "$d/bad*.json" > /dev/null || missing+=("a bad-input case (bad*.json)")
  if [ ${#missing[@]} -eq 0 ]; then ok "$id: answers file, golden report and bad-input case"
  else not_ok "$id: missing ${missing[*]}"; fi
done < <(cat catalogue.txt; echo turn_learning_to_action)
echo "1..$n"
