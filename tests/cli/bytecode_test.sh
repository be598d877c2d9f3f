#!/usr/bin/env bash
# The compiled built-in modules (make's $(B)/luac, src/tools/compile-lua.c, lua/cairn/paths.lua):
# a compiled chunk is used only while it is verifiably its source's; a stale, damaged or foreign
# one, or none, means the source is compiled, so the cache never changes what runs. Prints TAP.
set -u
n=0
check() { n=$((n + 1)); if [ "$1" -eq 0 ]; then echo "ok $n - $2"; else echo "not ok $n - $2"; printf '#   %s\n' "${3:-}"; fi; }
build=${CAIRN_TEST_BUILD:-build}
root=$(cd "$(dirname "$0")/../.." && pwd)
case $build in /*) ;; *) build=$root/$build ;; esac
compile=$build/compile-lua
if [ ! -x "$compile" ] || [ ! -d "$build/luac" ]; then
  echo "ok 1 # skip no compiled modules in $build (make builds them)"; echo "1..1"; exit 0
fi
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
cd "$dir" || exit 1

# the build compiled every built-in module, each naming its source
out=$(head -n 1 "$build/luac/cairn.plan.core.luac")
[[ $out == "cairn-bytecode "*"/lua/cairn/plan/core.lua" ]]
check $? "make compiled cairn.plan.core, its header names the source" "$out"

# a module compiled here, loaded through paths.compiled_chunk
mkdir -p lua/cairn out
printf 'return { answer = 42 }\n' > lua/cairn/probe.lua
"$compile" out "$dir" lua/cairn/probe.lua
load() { cairn -e "local fn = require('cairn.paths').compiled_chunk('$dir/out/cairn.probe.luac', '$1')
  print(fn and fn().answer or 'source')"; }
out=$(load "$dir/lua/cairn/probe.lua")
check $([ "$out" = 42 ]; echo $?) "a current compiled chunk is used" "$out"

out=$(load "$dir/elsewhere/lua/cairn/probe.lua")
check $([ "$out" = source ]; echo $?) "a chunk compiled from a file at another path is not used" "$out"

# same size, new content: the modification time tells
sleep 0.01
printf 'return { answer = 43 }\n' > lua/cairn/probe.lua
out=$(load "$dir/lua/cairn/probe.lua")
check $([ "$out" = source ]; echo $?) "a chunk older than its changed source is not used" "$out"

"$compile" out "$dir" lua/cairn/probe.lua
out=$(load "$dir/lua/cairn/probe.lua")
check $([ "$out" = 42 ] || [ "$out" = 43 ]; echo $?) "recompiled, it is used again" "$out"
size=$(stat -c %s out/cairn.probe.luac)
truncate -s $((size - 20)) out/cairn.probe.luac
out=$(load "$dir/lua/cairn/probe.lua" 2>&1)
check $([ "$out" = source ]; echo $?) "a damaged chunk is not used (and raises nothing)" "$out"

# end to end: cairn run from a copy of its Lua (CAIRN_HOME) with a changed module uses the
# changed source, not the build's chunk of the original
cp -R "$root/lua" "$root/scripts" "$dir/"
sed -i '$s/^return util$/util.marker = "changed"\nreturn util/' "$dir/lua/cairn/util.lua"
out=$(CAIRN_HOME=$dir cairn -e 'print(require("cairn.util").marker)' 2>&1)
check $([ "$out" = changed ]; echo $?) "a changed module elsewhere loads from its source" "$out"
out=$(cairn -e 'print(require("cairn.util").marker)' 2>&1)
check $([ "$out" = nil ]; echo $?) "the built-in module is unchanged" "$out"
echo "1..$n"
