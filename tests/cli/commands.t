# Every built-in command, on a fresh workspace.
$ cairn init --district "Riverside Unified"
created cairn.db for Riverside Unified
# init never overwrites
$ cairn init --district Other
cairn: cairn.db: already exists; cairn will not overwrite it
[1]
$ cairn -w other.db init --district "Lakeside"
created other.db for Lakeside
$ CAIRN_WORKSPACE=other.db cairn -e 'return ws.district()'
"Lakeside"
# run: arguments arrive in arg and in ...
$ cat > args.lua <<'LUA'
> print(arg[0], #arg, arg[1], arg[2])
> print(select("#", ...), ...)
> print(ws.district())
> LUA
> cairn run args.lua one "two words"
args.lua	2	one	two words
2	one	two words
Riverside Unified
$ printf 'print("from stdin", ...)\n' | cairn run - x
from stdin	x
# a script's writes are kept when it succeeds
$ cat > add.lua <<'LUA'
> local key, value = ...
> db:exec("INSERT INTO settings(key, value) VALUES (?, ?)", key, value)
> LUA
> cairn run add.lua report.title "Board update"
$ cairn sql "SELECT key, value FROM settings ORDER BY key"
key                    value
---------------------  ------------
report.title           Board update
survey.min_group_size  5
(2 rows)
# -e prints what the chunk returns, with the REPL's printer
$ cairn -e 'return 1 + 1, "two", {b = 2, a = {1, 2}}'
2	"two"	{ a = { 1, 2 }, b = 2 }
$ cairn -e 'x = 1'
$ cairn -e 'return ws.setting("report.title")'
"Board update"
# sql: table, CSV, JSON, parameters
$ cairn sql "SELECT 1 AS n, 'a, \"quoted\" text' AS t, NULL AS empty, 2.5 AS half"
n  t                 empty  half
-  ----------------  -----  ----
1  a, "quoted" text          2.5
(1 row)
$ cairn sql --csv "SELECT 1 AS n, 'a, \"quoted\" text' AS t, NULL AS empty, 2.5 AS half"
n,t,empty,half
1,"a, ""quoted"" text",,2.5
$ cairn sql --json "SELECT 1 AS n, 'a, \"quoted\" text' AS t, NULL AS empty, 2.5 AS half"
[
  {"n":1,"t":"a, \"quoted\" text","empty":null,"half":2.5}
]
$ cairn sql "SELECT ? + 1 AS next, ? AS word" 41 hello
next  word
----  -----
  42  hello
(1 row)
$ cairn sql --json "SELECT 1 WHERE 0"
[]
# check: ok, then a problem it finds
$ cairn check
cairn.db: ok
$ cairn -e 'db:exec("DELETE FROM meta WHERE key = ?", "district")'
$ cairn check
cairn.db: no district name recorded (meta.district)
[1]
$ cairn -e 'db:exec("INSERT INTO meta(key, value) VALUES (?, ?)", "district", "Riverside Unified")'
$ cairn check
cairn.db: ok
# backup: a consistent single-file copy that opens as a workspace
$ cairn backup copy.db
backed up cairn.db to copy.db
$ ls copy.db*
copy.db
$ cairn -w copy.db sql "SELECT value FROM meta WHERE key = 'district'"
value
-----------------
Riverside Unified
(1 row)
$ cairn backup nowhere/copy.db
cairn: nowhere/copy.db: backup failed: it cannot be opened (missing, or a read-only folder)
[1]
# help and --help on every command
$ cairn help init
usage: cairn init --district NAME [-w FILE]

Create a workspace for a district.

Creates a new, empty workspace file (./cairn.db unless -w FILE or $CAIRN_WORKSPACE says
otherwise). An existing file is never overwritten.
$ cairn init --help
usage: cairn init --district NAME [-w FILE]

Create a workspace for a district.

Creates a new, empty workspace file (./cairn.db unless -w FILE or $CAIRN_WORKSPACE says
otherwise). An existing file is never overwritten.
$ cairn backup -h
usage: cairn backup FILE

Copy the workspace safely, even while it is in use.

Writes a consistent copy of the workspace to FILE using SQLite's online backup, through a
temporary file that is renamed into place, so FILE is never half-written. Other cairn
processes may keep working meanwhile.
$ cairn help check
usage: cairn check

Check the workspace for damage and inconsistencies.

Runs SQLite's integrity and foreign-key checks and cairn's own consistency checks (plans,
worksheets, surveys). Prints each problem and exits 1 if there is any.
$ for c in $(cairn help | sed -n '/^commands:/,/^$/s/^  \([a-z]*\) .*/\1/p'); do
>   cairn $c --help | head -n 1 | grep -q "^usage: cairn $c" || echo "$c: no usage from --help"
>   cairn help $c | head -n 1 | grep -q "^usage: cairn $c" || echo "$c: no usage from help"
> done; echo checked
checked
$ cairn --version
cairn 0.1.0 %(Lua 5.4, SQLite 3%.%d+%.%d+, workspace schema %d+%) (re)
$ cairn -h | head -n 3
cairn 0.1.0: a planning workbench for school districts

usage: cairn [-w FILE] [COMMAND [ARGS...]]
# Two cairn processes on one workspace: the second waits for the first instead of failing
$ cairn -e 'db:exec("INSERT INTO settings(key, value) VALUES (?, ?)", "first", 1) print("first has the lock") io.stdout:flush() os.execute("sleep 1")' > first.txt 2>&1 & pid=$!
> for _ in $(seq 600); do grep -q lock first.txt 2>/dev/null && break; sleep 0.05; done
> cairn -e 'local d = ws.district() db:exec("INSERT INTO settings(key, value) VALUES (?, ?)", "second", 2) print("second wrote after waiting")'
> wait $pid; cat first.txt
second wrote after waiting
first has the lock
$ cairn sql "SELECT key FROM settings WHERE key IN ('first', 'second') ORDER BY value"
key
------
first
second
(2 rows)
# A REPL line that does not touch the workspace never waits for another cairn's lock
$ { echo 'ws.district()'; for _ in $(seq 600); do grep -q lock a.txt 2>/dev/null && break; sleep 0.05; done
>   echo '1 + 1'; echo 'io.open("release", "w"):close()'; } | cairn > b.txt 2>&1 & repl=$!
> for _ in $(seq 600); do grep -q Riverside b.txt 2>/dev/null && break; sleep 0.05; done
> cairn -e 'db:exec("INSERT INTO settings(key, value) VALUES (?, ?)", "holder", 1) print("a has the lock") io.stdout:flush()
>   local t = os.time() while not io.open("release") and os.time() - t < 20 do os.execute("sleep 0.05") end
>   print(io.open("release") and "released by the REPL" or "the REPL waited")' > a.txt 2>&1
> wait $repl; cat a.txt b.txt
a has the lock
released by the REPL
"Riverside Unified"
2
true
