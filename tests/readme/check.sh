#!/usr/bin/env bash
# Run every command of the README's ```sh blocks and every ```lua example (except the first, make demo / make test, which
# CI runs anyway) in order, in a scratch folder that looks like the top of the repository, and
# say which fail. The README promises every command works as shown.
set -u
readme="$TESTS/../README.md"
root=$(cd "$TESTS/.." && pwd)
work=$(pwd)
ln -sf "$root/tests" tests
ln -sf "$root/scripts" scripts
printf '#!/bin/sh\nexec cairn "$@"\n' > ./cairn
chmod +x ./cairn
awk '/^```sh$/ {n++; on = (n > 1); next} /^```/ {on = 0; next} on && NF {print}' "$readme" > commands.txt
ran=0 failed=0
while IFS= read -r line; do
  ran=$((ran + 1))
  if ! out=$(cd "$work" && bash -c "$line" 2>&1 </dev/null); then
    failed=$((failed + 1))
    printf 'FAILED: %s\n%s\n' "$line" "$out" | head -n 20
  fi
done < commands.txt
# each ```lua block is a script: run it the way the README says scripts run
awk '/^```lua$/ {n++; f = "block" n ".lua"; on = 1; next} /^```/ {on = 0; next} on {print > f}' "$readme"
for f in block*.lua; do
  [ -f "$f" ] || continue
  ran=$((ran + 1))
  if ! out=$(./cairn run "$f" 2>&1 </dev/null); then
    failed=$((failed + 1))
    printf 'FAILED: the Lua example %s:\n%s\n%s\n' "$f" "$(head -n 3 "$f")" "$out" | head -n 20
  fi
done
echo "$ran README commands ran, $failed failed"
