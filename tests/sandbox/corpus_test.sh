#!/usr/bin/env bash
# The sandbox corpus (tests/sandbox/corpus/*.lua): escape and denial-of-service attempts, each
# run with `cairn run --sandbox`. Every one must be stopped with a clear error that names the
# file, contains the words on its `-- expect:` line (alternatives separated by |) and shows no
# internal `.lua:NN` location; exit status 1; nothing printed "ESCAPED", no file created, the
# workspace byte-for-byte the same in content (a dump of every table) and `cairn check` ok.
# The model is Redis's scripting tests: one attack per case, the server unaffected after each.
set -u
corpus=$CAIRN_TESTS/sandbox/corpus
n=0
ok() { n=$((n + 1)); echo "ok $n - $1"; }
not_ok() { n=$((n + 1)); echo "not ok $n - $1"; shift; for l in "$@"; do echo "#   $l"; done; }

cairn init --district "Corpus District" >/dev/null 2>&1
# small limits keep the suite quick; the mechanism is the same at the defaults
cairn -e 'plan.person { name = "Ann Lee", role = "Principal" }
ws.set_setting("scripts.instructions", "20000000")
ws.set_setting("scripts.memory_mb", "32")' >/dev/null

dump() {
  cairn -e '
local out = {}
for _, t in ipairs(db:query("SELECT type, name, sql FROM sqlite_master ORDER BY name").rows) do
  out[#out + 1] = table.concat({ t[1], t[2], tostring(t[3]) }, " ")
  if t[1] == "table" then
    local q = db:query("SELECT * FROM \"" .. t[2] .. "\"")
    for _, r in ipairs(q.rows) do
      local cells = {}
      for i = 1, #q.columns do cells[i] = tostring(r[i]) end
      out[#out + 1] = "  " .. table.concat(cells, "|")
    end
  end
end
print(table.concat(out, "\n"))'
}
before=$(dump)
[ -n "$before" ] && ok "the workspace can be dumped" || not_ok "the workspace can be dumped"

count=0
for f in "$corpus"/*.lua; do
  count=$((count + 1))
  name=$(basename "$f" .lua)
  expect=$(sed -n '1s/^-- expect: //p' "$f")
  cairn run --sandbox "$f" > out.txt 2> err.txt
  status=$?
  err=$(cat err.txt)
  problems=()
  [ "$status" -eq 1 ] || problems+=("exit status $status, expected 1")
  matched=
  IFS='|' read -r -a alts <<< "$expect"
  for a in "${alts[@]}"; do case "$err" in *"$a"*) matched=1 ;; esac; done
  [ -n "$matched" ] || problems+=("the message does not say: $expect")
  case "$err" in *"$f"*) ;; *) problems+=("the message does not name the file") ;; esac
  if grep -q '\.lua:[0-9]' err.txt; then problems+=("an internal Lua location in the message"); fi
  if grep -q ESCAPED out.txt; then problems+=("the attack printed ESCAPED"); fi
  if ls pwned* >/dev/null 2>&1; then problems+=("a file was created: $(ls pwned*)"); rm -f pwned*; fi
  after=$(dump)
  [ "$after" = "$before" ] || problems+=("the workspace changed")
  check=$(cairn check 2>&1) || problems+=("cairn check: $check")
  if [ ${#problems[@]} -eq 0 ]; then ok "$name: stopped ($(head -c 150 err.txt | tr '\n' ' '))"
  else not_ok "$name" "${problems[@]}" "stderr: $err"; fi
done
[ "$count" -ge 30 ] && ok "the corpus has $count attempts (at least 30)" || not_ok "the corpus has only $count attempts"

# the sandbox is usable: reads work, writes only when granted, results and arguments pass
cat > reader.lua <<'L'
local n = db:value("SELECT count(*) FROM person")
local json = require "cairn.json"
print(("people: %d, args: %s, %s"):format(n, ..., json.encode({ os.date("!%Y", 0) })))
L
out=$(cairn run --sandbox reader.lua A 2>&1)
[ "$out" = 'people: 1, args: A, ["1970"]' ] && ok "a sandboxed script reads, requires cairn.json and gets its arguments" \
  || not_ok "a sandboxed script reads" "got: $out"
echo 'db:exec("INSERT INTO person(name, created_at) VALUES (?, ?)", "Bo Diaz", "2026-01-01")' > writer.lua
out=$(cairn run --sandbox --allow-writes writer.lua 2>&1) && [ "$(cairn sql --csv 'SELECT count(*) FROM person' | tail -n 1 | tr -d '\r')" = 2 ] \
  && ok "--allow-writes grants writes" || not_ok "--allow-writes grants writes" "got: $out"
out=$(cairn run --sandbox --allow-writes "$corpus/39_sql_drop.lua" 2>&1)
case "$out" in *"changing the schema"*) ok "granted writes still cannot change the schema" ;;
  *) not_ok "granted writes still cannot change the schema" "got: $out" ;; esac

# the workspace setting: every script not listed as trusted runs sandboxed
cairn -e 'ws.set_setting("scripts.sandbox", "all-untrusted")' >/dev/null
echo 'print(io and "ESCAPED" or "none")' > untrusted.lua
out=$(cairn run untrusted.lua 2>&1)
case "$out" in *"untrusted.lua, line 1: io is not available"*) ok "scripts.sandbox = all-untrusted sandboxes an unlisted script" ;;
  *) not_ok "all-untrusted sandboxes an unlisted script" "got: $out" ;; esac
hash=$(sha256sum untrusted.lua | cut -d' ' -f1)
cairn -e "ws.set_setting('scripts.trusted', 'other.lua $hash')" >/dev/null
out=$(cairn run untrusted.lua 2>&1)
[ "$out" = "ESCAPED" ] && ok "a script trusted by its SHA-256 runs with full rights" || not_ok "trusted by hash" "got: $out"
echo '-- changed' >> untrusted.lua
out=$(cairn run untrusted.lua 2>&1)
case "$out" in *"io is not available"*) ok "a trusted script that changed is sandboxed again" ;;
  *) not_ok "a changed script is sandboxed again" "got: $out" ;; esac
cairn -e "ws.set_setting('scripts.trusted', 'untrusted.lua')" >/dev/null
out=$(cairn run untrusted.lua 2>&1)
[ "$out" = "ESCAPED" ] && ok "a script trusted by its path runs with full rights" || not_ok "trusted by path" "got: $out"
echo "$n" | sed 's/.*/1..&/'
