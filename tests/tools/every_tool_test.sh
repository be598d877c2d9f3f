#!/usr/bin/env bash
# Every tool, walked from scripts/tools/*.lua (not from a list), end to end with the built
# binary in one fresh workspace: it has its test folder tests/tools/ID/ with an answers file, a
# golden report and a bad-input case, and no test folder names a tool that is not there; it
# runs from its answers file (`cairn tool run ID --answers`) and is stored; it runs from Lua
# (run(ID, FILE)); the interactive conversation re-opens it (`cairn tool edit N`: review, save,
# a second revision); its bad-input case is refused with a non-zero exit and nothing stored; and
# its report is written in every format (text, Markdown, HTML, CSV, JSON, XLSX; DOCX when a
# converter is installed; PDF, which prints the HTML in Chromium at about 8 s a report, for the
# invitation only). A tool that produces a letter (extending_the_invitation,
# joint_letter) writes it as a document in HTML and Markdown. Prints TAP.
set -u
T=$CAIRN_TESTS/tools
S=$(cd "$CAIRN_TESTS/.." && pwd)/scripts/tools
n=0
ok() { n=$((n + 1)); echo "ok $n - $1"; }
not_ok() { n=$((n + 1)); echo "not ok $n - $1"; }
check() { local what=$1; shift; if "$@" > out.txt 2>&1; then ok "$what"; else not_ok "$what"; sed 's/^/#   /' out.txt | head -8; fi; }
count() { cairn sql --csv "SELECT count(*) FROM worksheet" | tail -1 | tr -d '\r"'; }
revisions() { cairn sql --csv "SELECT count(*) FROM worksheet_revision WHERE worksheet = $1" | tail -1 | tr -d '\r"'; }

cairn init --district "Riverside Unified" > /dev/null 2>&1
cairn run "$T/people.lua" > /dev/null
docx=no
if command -v pandoc > /dev/null || command -v soffice > /dev/null; then docx=yes; fi

ids=$(cd "$S" && ls ./*.lua | sed 's|^\./||; s|\.lua$||' | sort)
[ "$(echo "$ids" | wc -l)" -ge 43 ] && ok "scripts/tools/ holds the 42 catalogue tools and turn_learning_to_action" \
  || not_ok "scripts/tools/ holds $(echo "$ids" | wc -l) tools, expected at least 43"
for d in "$T"/*/; do
  id=$(basename "$d")
  [ -f "$d/answers.json" ] || continue
  if [ -f "$S/$id.lua" ]; then ok "tests/tools/$id/ belongs to a tool"; else not_ok "tests/tools/$id/ names no tool in scripts/tools/"; fi
done

for id in $ids; do
  d=$T/$id
  missing=()
  [ -f "$d/answers.json" ] || missing+=("answers.json")
  [ -f "$d/expected.md" ] || [ -f "$d/report.md" ] || missing+=("a golden report (expected.md or report.md)")
  compgen -G "$d/bad*.json" > /dev/null || missing+=("a bad-input case (bad*.json)")
  if [ ${#missing[@]} -gt 0 ]; then not_ok "$id: missing ${missing[*]}"; continue; fi
  ok "$id: answers file, golden report and bad-input case"

  before=$(count)
  check "$id: runs from its answers file" cairn tool run "$id" --answers "$d/answers.json"
  w=$(cairn sql --csv "SELECT max(id) FROM worksheet" | tail -1 | tr -d '\r"')
  [ "$(count)" -eq $((before + 1)) ] && ok "$id: the worksheet is stored" || not_ok "$id: the worksheet is stored"
  check "$id: runs from Lua" cairn -e "run('$id', '$d/answers.json', {quiet = true})"
  printf 'review\nsave\n' | cairn tool edit "$w" > out.txt 2>&1
  if [ "$(revisions "$w")" -eq 2 ] && grep -q "revision 2" out.txt; then ok "$id: the conversation re-opens it, reviews and saves"
  else not_ok "$id: the conversation re-opens it, reviews and saves"; tail -5 out.txt | sed 's/^/#   /'; fi

  for bad in "$d"/bad*.json; do
    before=$(count)
    if cairn tool run "$id" --answers "$bad" > out.txt 2>&1; then not_ok "$id: $(basename "$bad") is refused"
    elif [ "$(count)" -ne "$before" ]; then not_ok "$id: $(basename "$bad") leaves the workspace as it was"
    elif grep -q '\.lua:[0-9]' out.txt; then not_ok "$id: $(basename "$bad")'s message shows no internal .lua:NN"
    else ok "$id: $(basename "$bad") is refused, nothing stored"; fi
  done

  formats="text markdown html json xlsx"
  [ "$id" = extending_the_invitation ] && formats="$formats pdf"
  for f in $formats; do
    check "$id: report as $f" cairn tool report "$w" --format "$f" --out "report-$id.$f"
    [ -s "report-$id.$f" ] || not_ok "$id: report-$id.$f is empty"
  done
  mkdir -p "csv-$id"
  check "$id: report as csv (a folder, one file a table)" cairn tool report "$w" --format csv --out "csv-$id/"
  if [ $docx = yes ]; then check "$id: report as docx" cairn tool report "$w" --format docx --out "report-$id.docx"
  else ok "$id: report as docx # skip no pandoc or LibreOffice (Debian package pandoc)"; fi

  if grep -q '^function tool.letter' "$S/$id.lua"; then
    for ext in html md; do
      check "$id: the letter is written as a document ($ext)" \
        cairn -e "require('cairn.letter').write($w, 'letter-$id.$ext')"
      grep -q "Dear\|Sincerely" "letter-$id.$ext" && ok "$id: the $ext letter reads as a letter" \
        || not_ok "$id: the $ext letter reads as a letter"
    done
  fi
done
echo "1..$n"
