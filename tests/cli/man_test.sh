#!/usr/bin/env bash
# docs/cairn.1 documents every command `cairn help` lists, every subcommand of tool, report,
# survey, state and meeting (as their usage lines name them), and renders without troff warnings.
# Prints TAP.
man_src="$CAIRN_TESTS/../docs/cairn.1"
n=0
ok() { n=$((n + 1)); if [ "$1" -eq 0 ]; then echo "ok $n - $2"; else echo "not ok $n - $2"; fi; }
if ! command -v man >/dev/null 2>&1; then echo "ok 1 # skip man is not installed"; echo "1..1"; exit 0; fi
page=$(MANWIDTH=200 man -l "$man_src" 2>/dev/null)
warnings=$(MANWIDTH=200 LC_ALL=C.UTF-8 man --warnings -l "$man_src" 2>&1 >/dev/null)
[ -z "$warnings" ]; ok $? "the man page renders without warnings${warnings:+: $warnings}"
commands=$(cairn help | sed -n '/^commands:/,/^$/p' | awk 'NF > 1 && $1 != "commands:" { print $1 }')
[ "$(echo "$commands" | wc -l)" -ge 13 ]; ok $? "cairn help lists the extension commands too ($(echo $commands))"
for c in $commands; do
  echo "$page" | grep -Eq "^       $c( |\$)"
  ok $? "command '$c' has an entry in the man page"
done
for c in tool survey state meeting; do
  # the subcommands named in the usage: words after "cairn C " or "| " at the start of an alternative
  subs=$(cairn help $c | sed -n '1,/^$/p' | grep -oE "(cairn $c|\|) [a-z][a-z-]*" | awk '{ print $NF }' | sort -u)
  for s in $subs; do
    echo "$page" | grep -Eq "^              $s( |\$)"
    ok $? "$c $s has an entry in the man page"
  done
done
for o in --sandbox --allow-writes --json --csv --each --as-of --param --check --compare --to --since --once --forget; do
  echo "$page" | grep -q -- "$o"
  ok $? "option $o is documented"
done
echo "1..$n"
