#!/usr/bin/env bash
# A workspace on a read-only file system and on a full disk: a clear message, a non-zero exit,
# and the workspace unchanged. Needs a private mount namespace (unshare -m, as root or with
# user namespaces); skips when the system offers none. Prints TAP.
set -u
if ! unshare -m true 2>/dev/null && ! unshare -rm true 2>/dev/null; then
  echo "ok 1 # skip no mount namespace here (unshare -m), cannot mount a read-only or full file system"
  echo "1..1"
  exit 0
fi
U="unshare -m"; unshare -m true 2>/dev/null || U="unshare -rm"
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
cd "$dir" || exit 1

# Everything runs in one private namespace; the script prints TAP itself.
$U bash -s "$dir" <<'INNER'
set -u
dir=$1; n=0; failed=0
check() { n=$((n + 1)); if [ "$1" -eq 0 ]; then echo "ok $n - $2"; else failed=$((failed + 1)); echo "not ok $n - $2"; printf '#   %s\n' "${3:-}"; fi; }

# ---- read-only file system ----
mkdir -p "$dir/ro" && cd "$dir/ro"
cairn init --district "Read Only" 2>/dev/null
before=$(md5sum cairn.db)
cd "$dir"
mount --bind "$dir/ro" "$dir/ro" && mount -o remount,bind,ro "$dir/ro"
cd "$dir/ro" # after mounting: the old working folder is the writable one underneath
out=$(cairn -e 'db:exec("INSERT INTO settings(key, value) VALUES (?, ?)", "x", 1)' 2>&1); st=$?
[ $st -eq 1 ] && [[ $out == *"cairn.db: the workspace is read-only (read-only file system)"* ]]
check $? "writing on a read-only file system: status 1 and a message" "status $st: $out"
out=$(cairn sql "SELECT value FROM meta WHERE key = 'district'" 2>&1); st=$?
[ $st -eq 0 ] && [[ $out == *"Read Only"* ]]
check $? "cairn sql still reads it" "status $st: $out"
out=$(cairn -w new.db init --district X 2>&1); st=$?
[ $st -eq 1 ] && [[ $out == *"read-only file system"* ]]
check $? "init on a read-only file system fails clearly" "status $st: $out"
[ "$(md5sum cairn.db)" = "$before" ] && [ ! -e new.db ]
check $? "nothing changed on the read-only file system"
cd "$dir"; umount "$dir/ro"

# ---- full disk ----
mkdir -p "$dir/full" && mount -t tmpfs -o size=2m tmpfs "$dir/full" && cd "$dir/full"
cairn init --district "Full Disk" 2>/dev/null
cairn -e 'db:exec("INSERT INTO settings(key, value) VALUES (?, randomblob(300000))", "before")'
dd if=/dev/zero of=filler bs=64k 2>/dev/null
truncate -s -256K filler # room to open the workspace, not to write 5 MB
out=$(cairn -e 'for i = 1, 100 do db:exec("INSERT INTO settings(key, value) VALUES (?, randomblob(50000))", "big" .. i) end' 2>&1); st=$?
[ $st -eq 1 ] && [[ $out == *"disk is full"* ]]
check $? "writing on a full disk: status 1 and 'the disk is full'" "status $st: $out"
out=$(cairn sql --csv "SELECT count(*) AS n FROM settings WHERE key LIKE 'big%'" 2>&1); st=$?
[ $st -eq 0 ] && [ "$(echo "$out" | tr -d '\r')" = "$(printf 'n\n0')" ]
check $? "on the full disk the workspace still reads, without the failed writes" "status $st: $out"
rm -f filler
out=$(cairn sql "SELECT group_concat(key) AS keys FROM settings WHERE key IN ('before', 'big1')" 2>&1)
[[ $out == *"before"* ]] && [[ $out != *"big1"* ]]
check $? "the workspace keeps what it had and nothing of the failed script" "$out"
out=$(cairn check 2>&1); st=$?
[ $st -eq 0 ]
check $? "cairn check passes afterwards" "$out"
dd if=/dev/zero of=filler bs=64k 2>/dev/null
truncate -s -256K filler
out=$(cairn backup copy.db 2>&1); st=$?
[ $st -eq 1 ] && [[ $out == *"backup failed"* ]] && [ -z "$(ls copy.db* 2>/dev/null)" ]
check $? "a backup onto a full disk fails and leaves no partial file" "status $st: $out"
cd "$dir"; umount "$dir/full"
echo "1..$n"
[ $failed -eq 0 ]
INNER
