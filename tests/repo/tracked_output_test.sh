#!/usr/bin/env bash
# Build output is never tracked: every tracked file that .gitignore names (build/, build-*/,
# ./cairn, *.db, ...) and every object, binary or generated migrations file in the index is a
# failure. Prints TAP. Outside a git checkout (a release tarball) there is nothing to check.
root=${CAIRN_TESTS:?}/..
cd "$root" || exit 1
if ! git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
  echo "ok 1 # skip not a git checkout"; echo "1..1"; exit 0
fi
ignored=$(git ls-files --cached --ignored --exclude-standard)
if [ -z "$ignored" ]; then echo "ok 1 - no tracked file is one .gitignore names"
else echo "not ok 1 - tracked files that .gitignore names (build output?):"; echo "$ignored" | sed 's/^/#   /' | head -20; fi
built=$(git ls-files | grep -E '(\.o|\.so|\.a)$|(^|/)migrations\.c$|(^|/)cairn$' | grep -v '^src/')
if [ -z "$built" ]; then echo "ok 2 - no object file, library, binary or generated source is tracked"
else echo "not ok 2 - build output is tracked:"; echo "$built" | sed 's/^/#   /' | head -20; fi
echo "1..2"
