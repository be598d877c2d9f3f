#!/usr/bin/env bash
# A district's cairn/theme.lua is data like a scales file: cairn runs it in the sandbox with the
# limits of answers files (cairn.trust.load_data_file), so a theme handed from district to
# district cannot run commands, touch files, loop or eat memory. TAP.
set -u
n=0
ok() { n=$((n + 1)); if [ "$1" -eq 0 ]; then echo "ok $n - $2"; else echo "not ok $n - $2"; fi; }
export CAIRN_WORKSPACE=$PWD/ws/cairn.db
mkdir -p ws/cairn
cairn init --district Riverside >/dev/null 2>&1
theme=ws/cairn/theme.lua
render() { cairn report overview --format html --out - 2>&1; }

printf '%s\n' 'local c = {} for _, k in ipairs { "accent" } do c[k] = "#123456" end' 'return { colors = c }' > $theme
out=$(render); status=$?
[ $status -eq 0 ] && grep -q '#123456' <<< "$out"; ok $? "a theme that only builds data works in the sandbox"

attempt() { # NAME EXPECT CODE
  printf '%s\n' "$3" > $theme
  out=$(render); status=$?
  [ $status -ne 0 ] && case "$out" in *"$theme"*"$2"*) true ;; *) false ;; esac \
    && ! grep -q '\.lua:[0-9]' <<< "$out" && [ ! -e pwned ]
  ok $? "$1: stopped, naming the file ($(head -c 140 <<< "$out" | tr '\n' ' '))"
  rm -f pwned
}
attempt "os.execute" "os.execute is not available" 'os.execute("touch pwned") return {}'
attempt "io.open" "io is not available" 'io.open("pwned", "w"):write("x") return {}'
attempt "an endless loop" "instructions (the sandbox's limit)" 'while true do end'
attempt "a memory bomb" "of memory (the sandbox's limit)" 'return { css = ("x"):rep(1 << 30) }'
printf 'return 42\n' > $theme
out=$(render); [ $? -ne 0 ] && grep -q "a theme must return a table" <<< "$out"
ok $? "a theme that is not a table is refused ($(head -c 100 <<< "$out"))"
echo "1..$n"
