#!/usr/bin/env bash
# The README's build table names every package scripts/install-deps installs for each command.
root=${CAIRN_TESTS:?}/..
n=0
check_group() { # NAME: the variable in install-deps, and the README row that must list it
  local var=$1 row=$2 pkgs line
  # VAR="a b c" over one or more lines
  pkgs=$(awk -v v="$var" 'index($0, v "=\"") == 1 { on = 1; sub(/^[^"]*"/, "") }
                          on { done = /"/; gsub(/"/, ""); print; if (done) exit }' "$root/scripts/install-deps")
  line=$(grep -F "| \`$row\`" "$root/README.md")
  for p in $pkgs; do
    n=$((n + 1))
    if printf '%s' "$line" | grep -qw -- "$p"; then echo "ok $n - README: $row installs $p"
    else echo "not ok $n - README's row for $row does not name $p (scripts/install-deps $var)"; fi
  done
}
check_group build "make deps"
check_group test "make test"
check_group bench "make bench"
echo "1..$n"
