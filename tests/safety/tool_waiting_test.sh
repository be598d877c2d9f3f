#!/usr/bin/env bash
# A tool waiting for the facilitator holds no write lock: while `cairn -e 'w = run
# "engine_whys"'` sits at its second question (its input a fifo nobody writes to yet), four
# other processes add people, each in many separate runs; every one succeeds at once (before,
# each waited 10 s and failed with "the workspace is busy"), then the tool goes on and saves.
# The first answer was autosaved while it waited. WAIT_RUNS (default 5) runs per writer;
# `make soak` sets 500 and TOOL_WAIT_MIN (seconds the tool must have waited) to 60. Prints TAP.
set -u
runs=${WAIT_RUNS:-5}
min_wait=${TOOL_WAIT_MIN:-0}
export CAIRN_PATH="$CAIRN_TESTS/tool_engine" CAIRN_WORKSPACE="$PWD/wait.db"
n=0 failed=0
ok() { n=$((n + 1)); if [ "$1" -eq 0 ]; then echo "ok $n - $2"; else failed=$((failed + 1)); echo "not ok $n - $2"; fi; }

rm -f wait.db in.fifo
cairn init --district "Riverside" 2>/dev/null
mkfifo in.fifo
cairn -e 'w = run "engine_whys"; io.stderr:write("tool done ", tostring(w and w.status), "\n")' \
  < in.fifo > tool.out 2> tool.err &
tool=$!
exec 3> in.fifo
start=$SECONDS
echo "Problem typed before the others wrote" >&3
for _ in $(seq 200); do grep -q "Reason why" tool.out && break; sleep 0.05; done
grep -q "Reason why" tool.out; ok $? "the tool waits at its second question"

cairn sql "SELECT status, answers FROM worksheet" > autosaved.txt 2>&1
grep -q "draft.*Problem typed before" autosaved.txt; ok $? "the first answer is already autosaved as a draft"

writer() { # ID: RUNS separate `cairn -e` runs, each adding one person
  local i
  for i in $(seq "$runs"); do
    cairn -e "plan.person { name = 'Writer $1 person $i' }" 2>>"writer$1.err" || echo "run $i failed" >> "writer$1.err"
  done
}
: > writer1.err; : > writer2.err; : > writer3.err; : > writer4.err
t0=$SECONDS
writer 1 & w1=$!; writer 2 & w2=$!; writer 3 & w3=$!; writer 4 & w4=$!
wait $w1 $w2 $w3 $w4
took=$((SECONDS - t0))
cat writer*.err > writers.err
[ ! -s writers.err ]; ok $? "4 writers x $runs runs while the tool waits: none failed"
grep -q busy writers.err; [ $? -ne 0 ]; ok $? "no 'busy' error reached a writer"
[ "$(cairn sql "SELECT count(*) FROM person" | sed -n 3p | tr -d ' ')" = $((4 * runs)) ]
ok $? "all $((4 * runs)) people are stored"
late=0
while [ $((SECONDS - start)) -lt "$min_wait" ]; do
  cairn -e "plan.person { name = 'Late writer $SECONDS' }" 2>>writers.err || echo "late write failed" >> writers.err
  late=$((late + 1))
  sleep 1
done
waited=$((SECONDS - start))
[ ! -s writers.err ]; ok $? "the tool waited $waited s (writers took ${took} s); later writes succeed too"

printf '%s\n' 'Reason' '' 'ev' 'Second' '' 'ev2' '' 'Cause' 'y' 'n' 'Goal' '' 'n' 'n' 'save' >&3
exec 3>&-
wait $tool; status=$?
[ $status -eq 0 ] && grep -q "tool done final" tool.err; ok $? "the tool then saves its worksheet (status $status)"
[ "$(cairn sql "SELECT count(*) FROM worksheet WHERE status = 'final'" | sed -n 3p | tr -d ' ')" = 1 ]
ok $? "one final worksheet, the autosaved draft became it"
stored=$(cairn sql "SELECT count(*) FROM person" | sed -n 3p | tr -d ' ')
[ "$stored" = $((4 * runs + late)) ]
ok $? "after the tool saved, nothing the writers stored is lost ($stored people, $((4 * runs)) + $late late)"
busy=$(grep -c busy writers.err)
summary="writers while a tool waited $waited s: 4 x $runs runs + $late late, $stored people stored, $(grep -c . writers.err) errors ($busy busy)"
echo "# $summary"
[ -n "${SOAK_REPORT:-}" ] && echo "$summary" >> "$SOAK_REPORT" # make soak prints it
[ $failed -ne 0 ] && { echo "# tool output:"; tail -5 tool.out | sed 's/^/#   /'; sed 's/^/#   /' tool.err writers.err; }
echo "1..$n"
