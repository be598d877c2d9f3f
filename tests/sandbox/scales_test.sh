#!/usr/bin/env bash
# A district's cairn/survey/scales.lua (next to the workspace, on $CAIRN_PATH, ...) is data that
# anyone may hand a district: cairn runs it in the sandbox with the limits of answers files
# (cairn.trust.load_data_file), so it cannot run commands, touch files, loop or eat memory; a
# file listed in the setting scripts.trusted (by path or SHA-256) runs without the limits. TAP.
set -u
n=0
ok() { n=$((n + 1)); if [ "$1" -eq 0 ]; then echo "ok $n - $2"; else echo "not ok $n - $2"; fi; }
export CAIRN_WORKSPACE=$PWD/ws/cairn.db
mkdir -p ws/cairn/survey
cairn init --district Riverside >/dev/null 2>&1
scales=ws/cairn/survey/scales.lua
list() { cairn -e 'print(table.concat(survey.scales(), ","))'; }

cat > $scales <<'L'
local levels = {}
for i, label in ipairs { "Low", "Middle", "High" } do levels[i] = { label = label, value = i } end
return { riverside3 = { title = "Riverside 3-point", levels = levels, favorable = { 3 } } }
L
out=$(list 2>&1)
[ "$out" = agreement,agreement5,frequency,quality,rating,riverside3,yesno ]
ok $? "a district scales file that only builds data works in the sandbox, read over the built-in scales ($out)"
printf '%s\n' 'return { agreement5 = false, yesno = { title = "Yes or no", levels = { "No", "Yes" }, favorable = { 2 } } }' > $scales
out=$(list 2>&1)
title=$(cairn -e 'print(survey.scale("yesno").title)' 2>&1)
[ "$out" = agreement,frequency,quality,rating,yesno ] && [ "$title" = "Yes or no" ]
ok $? "a district file drops a built-in scale with name = false and replaces one by its name ($out; $title)"

# attempt | words the message must contain
attempt() { # NAME EXPECT CODE
  printf '%s\n' "$3" > $scales
  out=$(list 2>&1); status=$?
  [ $status -ne 0 ] && case "$out" in *"$scales"*"$2"*) true ;; *) false ;; esac \
    && ! grep -q '\.lua:[0-9]' <<< "$out" && [ ! -e pwned ]
  ok $? "$1: stopped, naming the file ($(head -c 140 <<< "$out" | tr '\n' ' '))"
  rm -f pwned
}
attempt "os.execute" "os.execute is not available" 'os.execute("touch pwned") return {}'
attempt "io.open" "io is not available" 'io.open("pwned", "w"):write("x") return {}'
attempt "require of a module with files" "not allowed in a sandboxed script" 'require("cairn.util").write_file("pwned", "x") return {}'
attempt "an endless loop" "instructions (the sandbox's limit)" 'while true do end'
attempt "a loop inside pcall" "instructions (the sandbox's limit)" 'pcall(function() while true do end end) return {}'
attempt "a memory bomb" "of memory (the sandbox's limit)" 'local t = {} for i = 1, 1e9 do t[i] = ("x"):rep(1000) .. i end'
attempt "a string bomb" "of memory (the sandbox's limit)" 'return { s = ("x"):rep(1 << 30) }'
attempt "a binary chunk" "load: only text chunks" 'return load(string.char(27) .. "Lua", nil, "b")'
attempt "debug" "debug is not available" 'debug.sethook() return {}'

# trusted by hash: the same file runs without the limits (40 MiB is past the sandbox's 32)
printf '%s\n' 'local big = ("x"):rep(40 << 20)' 'return { big = { title = "Big " .. #big // (1 << 20), levels = { "a", "b" } } }' > $scales
out=$(list 2>&1); case "$out" in *"of memory (the sandbox's limit)"*) s=0 ;; *) s=1 ;; esac
ok $s "untrusted, a file using 40 MiB is stopped"
hash=$(sha256sum $scales | cut -d' ' -f1)
cairn -e "ws.set_setting('scripts.trusted', '$hash')" >/dev/null
out=$(list 2>&1)
[ "$out" = agreement,agreement5,big,frequency,quality,rating,yesno ]; ok $? "listed in scripts.trusted by its SHA-256, it runs without the limits ($out)"
echo '-- changed' >> $scales
out=$(list 2>&1); case "$out" in *"of memory"*) s=0 ;; *) s=1 ;; esac
ok $s "changed, its hash no longer matches: sandboxed again"
# a trusted file still gets no globals
printf '%s\n' 'os.execute("touch pwned") return {}' > $scales
cairn -e "ws.set_setting('scripts.trusted', '$PWD/$scales')" >/dev/null
out=$(list 2>&1); [ $? -ne 0 ] && [ ! -e pwned ]; ok $? "a trusted scales file has no globals either ($(head -c 100 <<< "$out"))"
echo "1..$n"
