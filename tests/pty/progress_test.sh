#!/usr/bin/env bash
# Progress lines on a real pseudo-terminal (tmux, everything written to the terminal recorded
# with pipe-pane): `cairn survey import` of a large file shows a bar with the rows read, and
# `cairn report --format pdf` and `cairn tool report --format pdf` say which converter is making
# the file; the lines are cleared at the end. None when standard error is piped, when $CI is set, or with -q. Prints TAP.
. "$CAIRN_TESTS/pty/lib.sh"
start() { # start NAME COMMAND: run COMMAND in a new session once its output is being recorded
  sess=$1
  tm new-session -d -s "$sess" -x 100 -y 30 \
    "cd '$dir' && while [ ! -e go-$sess ]; do sleep 0.05; done; env -u CI TERM=xterm-256color NO_COLOR=1 $2; echo EXITED \$?; sleep 600"
  tm pipe-pane -t "$sess" -o "cat >> '$dir/$sess.raw'"
  touch "$dir/go-$sess"
}

cd "$dir" || exit 1
cairn init --district "Progress District" >/dev/null 2>&1
cp "$CAIRN_TESTS/survey/fixtures/staff_instrument.lua" "$CAIRN_TESTS/survey/fixtures/google.csv" .
cairn survey load staff_instrument.lua >/dev/null
# 20,000 responses (a callback every 4096 rows): the fixture's rows with their hours changed
{ head -n 1 google.csv
  tail -n +2 google.csv | head -n 1 > row.csv
  awk -F, 'NR == FNR { line = $0; next } END { for (i = 1; i <= 20000; i++) { l = line; sub(/,12,/, "," (i % 60) "." i ",", l); print l } }' row.csv /dev/null
} > big.csv

# ---- an import on a terminal ---------------------------------------------------------------------
start i1 "cairn survey import big.csv --instrument staff_climate --wave big1"
wait_for '^EXITED 0'
ok $? "the import runs on a terminal"
grep -aq 'rows of big.csv' i1.raw && grep -aEq '\[#+ *\] +[0-9]+% [0-9,]+ rows of big\.csv' i1.raw
ok $? "a progress bar with the rows read is drawn on the terminal"
grep -aq '16,384 rows of big.csv' i1.raw
ok $? "it is redrawn as the rows go in"
! screen | grep -q 'rows of big.csv' && screen | grep -q '^imported 20000 new responses'
ok $? "and cleared at the end, leaving the summary"

# ---- none when piped, in CI, or with -q ------------------------------------------------------------
cairn survey import big.csv --instrument staff_climate --wave big2 >out.txt 2>err.txt
[ $? -eq 0 ] && ! grep -q 'rows of' err.txt && ! grep -q $'\r' out.txt err.txt
ok $? "no progress line when standard error is not a terminal"
start i2 "env CI=true cairn survey import big.csv --instrument staff_climate --wave big3"
wait_for '^EXITED 0'
! grep -aq 'rows of big.csv' i2.raw
ok $? "no progress line in CI"
start i3 "cairn survey import big.csv --instrument staff_climate --wave big4 -q"
wait_for '^EXITED 0'
! grep -aq 'rows of big.csv' i3.raw
ok $? "no progress line with -q"

# ---- PDF conversion -----------------------------------------------------------------------------------
if [ -z "$(cairn -e 'io.write(require("cairn.convert").available().pdf or "")')" ]; then
  n=$((n + 1)); echo "ok $n # skip no PDF converter installed (chromium or libreoffice)"
else
  start p1 "cairn report overview --format pdf --out overview.pdf --as-of 2026-11-30"
  wait_for '^EXITED 0' && [ -s overview.pdf ]
  ok $? "a PDF report is made on a terminal"
  grep -aEq 'making overview\.pdf with (Chromium|LibreOffice|pandoc)' p1.raw
  ok $? "a progress line names the file and the converter while it runs"
  ! screen | grep -q 'making overview'
  ok $? "and is cleared when the file is made"
  cairn report overview --format pdf --out piped.pdf --as-of 2026-11-30 >/dev/null 2>err.txt
  [ -s piped.pdf ] && ! grep -q 'making' err.txt
  ok $? "no progress line for a PDF when standard error is piped"
  # cairn tool report, the same line while the worksheet's PDF is made
  cairn tool run five_whys --answers "$CAIRN_TESTS/tools/five_whys/answers.json" >/dev/null 2>&1
  start t1 "cairn tool report 1 --format pdf --out whys.pdf"
  wait_for '^EXITED 0' && [ -s whys.pdf ]
  ok $? "cairn tool report makes a worksheet's PDF on a terminal"
  grep -aEq 'making whys\.pdf with (Chromium|LibreOffice|pandoc)' t1.raw
  ok $? "a progress line names the file and the converter while it runs"
  ! screen | grep -q 'making whys' && screen | grep -q '^wrote whys\.pdf'
  ok $? "and is cleared, leaving what was written"
  cairn tool report 1 --format pdf --out whys-piped.pdf >/dev/null 2>err.txt
  [ -s whys-piped.pdf ] && ! grep -q 'making' err.txt
  ok $? "no progress line for a worksheet's PDF when standard error is piped"
fi
finish
