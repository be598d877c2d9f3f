#!/usr/bin/env bash
# An instrument written in Lua (`cairn survey load FILE.lua`) is data anyone may hand a district:
# cairn runs it in the sandbox with the limits of answers files (cairn.trust.load_data_file), so
# it cannot run commands, touch files, loop or eat memory, and the workspace is left as it was. TAP.
set -u
n=0
ok() { n=$((n + 1)); if [ "$1" -eq 0 ]; then echo "ok $n - $2"; else echo "not ok $n - $2"; fi; }
export CAIRN_WORKSPACE=$PWD/cairn.db
cairn init --district Riverside >/dev/null 2>&1

cat > good.lua <<'L'
local items = {}
for i = 1, 3 do items[i] = { code = "Q" .. i, text = ("Statement %d."):format(i), scale = "agreement" } end
return { id = "pulse", version = 1, title = "Pulse", attributes = { "school" }, items = items }
L
out=$(cairn survey load good.lua 2>&1)
[ "$out" = "stored instrument pulse version 1 (3 items)" ]; ok $? "an instrument that only builds data loads in the sandbox ($out)"

before=$(cairn sql 'SELECT count(*) FROM survey_instrument' --csv | tail -n 1)
attempt() { # NAME EXPECT CODE
  printf '%s\n' "$3" > bad.lua
  out=$(timeout 60 cairn survey load bad.lua 2>&1); status=$?
  after=$(cairn sql 'SELECT count(*) FROM survey_instrument' --csv | tail -n 1)
  [ $status -eq 1 ] && case "$out" in *"bad.lua"*"$2"*) true ;; *) false ;; esac \
    && ! grep -q '\.lua:[0-9]' <<< "$out" && [ ! -e pwned ] && [ "$after" = "$before" ]
  ok $? "$1: stopped, naming the file, nothing stored ($(head -c 120 <<< "$out" | tr '\n' ' '))"
  rm -f pwned
}
attempt "os.execute" "os.execute is not available" 'os.execute("touch pwned") return {}'
attempt "io.open" "io is not available" 'io.open("pwned", "w"):write("x") return {}'
attempt "an endless loop" "instructions (the sandbox's limit)" 'while true do end'
attempt "a loop inside pcall" "instructions (the sandbox's limit)" 'pcall(function() while true do end end) return {}'
attempt "a string bomb" "of memory (the sandbox's limit)" 'return { id = ("x"):rep(1 << 30) }'
attempt "a binary chunk" "only text chunks" 'return load(string.char(27) .. "Lua", nil, "b")'
echo "1..$n"
