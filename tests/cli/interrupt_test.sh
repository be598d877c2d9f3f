#!/usr/bin/env bash
# Ctrl-C (SIGINT) stops a running script wherever the loop is: in the main chunk, inside a
# coroutine, inside pcall. Prints TAP.
n=0
check() { # WHAT CODE
  local what=$1 code=$2 out status
  n=$((n + 1))
  cairn -e "io.stderr:write('started\n'); $code" 2>err.txt &
  local pid=$!
  for _ in $(seq 100); do grep -q started err.txt 2>/dev/null && break; sleep 0.05; done
  sleep 0.2
  kill -INT "$pid"
  for _ in $(seq 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.05; done
  if kill -0 "$pid" 2>/dev/null; then
    kill -KILL "$pid"; echo "not ok $n - Ctrl-C stops a loop $what (still running 5 s later)"; return
  fi
  wait "$pid"; status=$?
  if [ "$status" -ne 0 ] && grep -q "interrupted" err.txt && ! grep -q '\.lua:[0-9]' err.txt; then
    echo "ok $n - Ctrl-C stops a loop $what"
  else
    echo "not ok $n - Ctrl-C stops a loop $what (status $status)"; sed 's/^/#   /' err.txt
  fi
}
check "in the main chunk" 'while true do end'
check "inside a coroutine" 'coroutine.wrap(function() while true do end end)()'
check "inside a coroutine that pcall-s" 'local co = coroutine.create(function() while true do pcall(function() end) end end); coroutine.resume(co)'
check "in a coroutine created before" 'local co = coroutine.create(function() local x = 0 while true do x = x + 1 end end); for i = 1, 3 do end; coroutine.resume(co)'
echo "1..$n"
