#!/usr/bin/env bash
# Faults during a publish: the server killed, cairn killed, a stale last-published marker, a
# state schema newer than this cairn. Each gives a clear message, leaves nothing half-published
# and a rerun succeeds. Prints TAP.
set -u
. "$(dirname "$0")/lib.sh"
cd "$dir"
cairn state init >/dev/null
cairn state add-district "Riverside Unified" --login >/dev/null
export CAIRN_STATE="user=cairn_district_1"
make_workspace a.db "Riverside Unified" full
state_rows() { sql -c "SELECT (SELECT count(*) FROM cairn.plan_item) || '/' || (SELECT count(*) FROM cairn.publish)
                       || '/' || (SELECT count(*) FROM cairn.survey_result)"; }

# A publish that pauses just before its commit until the file GO is removed.
cat > pause.lua <<'LUA'
local go = arg[1]
local f = assert(io.open(go .. ".ready", "w")); f:close()
require("cairn.publish").run { before_commit = function()
  local p = assert(io.open(go .. ".paused", "w")); p:close()
  while io.open(go) do os.execute("sleep 0.1") end
end }
LUA
wait_for() { for _ in $(seq 1 300); do [ -e "$1" ] && return 0; sleep 0.1; done; return 1; }

# ---- cairn killed mid-publish ----
touch go1
cairn -w a.db run pause.lua go1 >/dev/null 2>&1 &
pid=$!
wait_for go1.paused
kill -9 $pid; wait $pid 2>/dev/null
rm -f go1
[ "$(state_rows)" = "0/0/0" ]
check $? "cairn killed before the commit: nothing is published" "$(state_rows)"
out=$(cairn -w a.db publish 2>&1); st=$?
[ $st -eq 0 ] && [[ $out == *"(publish 1, first publish)"* ]]
check $? "the rerun publishes everything" "status $st: $out"
first=$(state_rows)

# ---- the server killed mid-publish ----
cairn -w a.db -e 'for i = 1, 3 do plan.item(i):set_status("off_track", {on = "2026-11-21"}) end' >/dev/null
marker=$(ws_value a.db "SELECT count(*) || '/' || max(publish_id) FROM publish_log")
touch go2
cairn -w a.db run pause.lua go2 >out2 2>&1 &
pid=$!
wait_for go2.paused
"$root/scripts/state/throwaway-server" stop "$dir/pg"
rm -f go2
wait $pid; st=$?
out=$(cat out2)
[ $st -eq 1 ] && [[ $out == *"connection to the PostgreSQL server was lost"* ]] && [[ $out != *".lua:"* ]]
check $? "server killed before the commit: a clear message" "status $st: $out"
[ "$(ws_value a.db "SELECT count(*) || '/' || max(publish_id) FROM publish_log")" = "$marker" ]
check $? "the workspace's marker is unchanged"
as_owner() { if [ "$(id -u)" = 0 ]; then runuser -u nobody -- "$@"; else "$@"; fi; }
bindir=$(dirname "$(ls /usr/lib/postgresql/*/bin/pg_ctl | tail -1)")
as_owner "$bindir/pg_ctl" -D "$dir/pg/data" -l "$dir/pg/server.log" -w -t 60 \
  -o "-c listen_addresses='' -c unix_socket_directories='$dir/pg' -c fsync=off" start >/dev/null 2>&1
[ "$(state_rows)" = "$first" ] && [ "$(sql -c "SELECT count(*) FROM cairn.plan_item WHERE status = 'off_track' AND id <= 3")" != 3 ]
check $? "after the restart the state has the earlier publish, nothing of the failed one" "$(state_rows) vs $first"
out=$(cairn -w a.db publish 2>&1); st=$?
[ $st -eq 0 ] && [[ $out == *"(publish 2)"* ]] &&
  [ "$(sql -c "SELECT count(*) FROM cairn.plan_item WHERE status = 'off_track' AND id <= 3")" = 3 ]
check $? "the rerun publishes the changes" "status $st: $out"

# ---- a stale marker: the state committed, the workspace never heard (a crash in between) ----
cairn -w a.db -e 'db:exec("DELETE FROM publish_log WHERE id = (SELECT max(id) FROM publish_log)")' >/dev/null
out=$(cairn -w a.db publish 2>&1); st=$?
[ $st -eq 0 ] && [[ $out == *"marker is stale (this workspace remembers publish 1, but the state's latest is 2): sending everything again"* ]] &&
  [[ $out == *"(publish 3, everything resent)"* ]]
check $? "a stale marker is noticed and everything is sent again" "status $st: $out"
here=$(ws_value a.db "SELECT count(*) FROM plan_item")
[ "$(sql -c "SELECT count(*) FROM cairn.plan_item")" = "$here" ]
check $? "nothing is duplicated" "$here here"
out=$(cairn -w a.db publish 2>&1)
[[ $out == *"nothing new"* ]]
check $? "and the next publish sends nothing" "$out"

# ---- the state migrated further than this cairn knows ----
sql -c "INSERT INTO cairn.migration(version, name) VALUES (2, 'from_the_future')"
cairn -w a.db -e 'plan.item(4):set_status("done", {on = "2026-11-22"})' >/dev/null
before=$(state_rows)
out=$(cairn -w a.db publish 2>&1); st=$?
[ $st -eq 1 ] && [[ $out == *"is at schema version 2, newer than this cairn knows (1); update cairn"* ]] &&
  [ "$(state_rows)" = "$before" ]
check $? "a newer state schema: a clear message, nothing sent" "status $st: $out"
out=$(cairn report state_plan_status --from "user=cairn_admin" --format text 2>&1); st=$?
[ $st -eq 1 ] && [[ $out == *"newer than this cairn knows"* ]]
check $? "state reports refuse it too" "status $st: $out"
sql -c "DELETE FROM cairn.migration WHERE version = 2"
out=$(cairn -w a.db publish 2>&1); st=$?
[ $st -eq 0 ] && [[ $out == *"published 2 rows"* ]]
check $? "once cairn knows the schema, the rerun succeeds" "status $st: $out"
finish
