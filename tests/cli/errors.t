# Every error: a message naming the file and what was expected, a non-zero exit, nothing changed.
# No workspace yet
$ cairn sql "SELECT 1"
cairn: cairn.db: no workspace here (create one with: cairn init --district NAME)
[1]
$ cairn -e 'return db'
cairn: cairn.db: no workspace here (create one with: cairn init --district NAME)
[1]
$ cairn check
cairn: cairn.db: no workspace here (create one with: cairn init --district NAME)
[1]
$ ls
# Not a database, an empty file, someone else's SQLite file
$ echo "Dear board," > letter.db
$ cairn -w letter.db check
cairn: letter.db: not a cairn workspace (expected a SQLite database file)
[1]
$ cat letter.db
Dear board,
$ : > empty.db
$ cairn -w empty.db sql "SELECT 1"
cairn: empty.db: not a cairn workspace (expected a SQLite database file, found an empty file)
[1]
$ wc -c < empty.db
0
$ sqlite3 shop.db "CREATE TABLE customers(id, name)"
$ cairn -w shop.db -e 'return db'
cairn: shop.db: a SQLite database, but not a cairn workspace; nothing was changed
[1]
$ sqlite3 shop.db .tables
customers
$ cairn -w shop.db check
cairn: shop.db: a SQLite database, but not a cairn workspace; nothing was changed
[1]
$ cairn -w . check
cairn: .: is a folder, expected a workspace file
[1]
# A workspace from a newer cairn is refused and left byte-identical
$ cairn -w newer.db init --district Newer
created newer.db for Newer
$ sqlite3 newer.db "PRAGMA user_version = 999" && md5sum newer.db > before.md5
$ cairn -w newer.db check
cairn: newer.db: this workspace was made by a newer cairn (schema 999; this cairn knows up to 9). Upgrade cairn to open it; the file was not changed.
[1]
$ cairn -w newer.db sql "SELECT 1"
cairn: newer.db: this workspace was made by a newer cairn (schema 999; this cairn knows up to 9). Upgrade cairn to open it; the file was not changed.
[1]
$ md5sum -c --quiet before.md5 && ls newer.db*
newer.db
# Read-only: the permission bits are honoured even for root
$ cairn init --district "Riverside"
created cairn.db for Riverside
$ chmod a-w cairn.db && md5sum cairn.db > ro.md5
$ cairn -e 'db:exec("INSERT INTO settings(key, value) VALUES (?, ?)", "x", 1)'
cairn: cairn.db: the workspace is read-only (permission denied); nothing was changed (cairn sql can still read it)
[1]
$ cairn sql "SELECT value FROM meta WHERE key = 'district'"
value
---------
Riverside
(1 row)
$ md5sum -c --quiet ro.md5; chmod u+w cairn.db
$ mkdir locked && cairn -w locked/ws.db init --district L && chmod a-w locked
created locked/ws.db for L
$ cairn -w locked/ws.db -e 'return ws.district()'
cairn: locked/ws.db: the folder locked is read-only (permission denied); cairn needs to write its journal there; nothing was changed
[1]
$ cairn -w locked/new.db init --district M
cairn: locked/new.db: the folder locked is read-only (permission denied); cairn needs to write its journal there; nothing was changed
[1]
$ chmod u+w locked
# Scripts: syntax errors and runtime errors say file:line: message; nothing is half-written
$ printf 'local x = 1\nif x then\n  print(x\nend\n' > syntax.lua
$ cairn run syntax.lua
cairn: syntax.lua:4: ')' expected (to close '(' at line 3) near 'end'
[1]
$ cairn sql "SELECT count(*) AS n FROM settings"
n
-
1
(1 row)
$ cat > fails.lua <<'LUA'
> db:exec("INSERT INTO settings(key, value) VALUES (?, ?)", "half", "written")
> db:exec("UPDATE meta SET value = 'Renamed' WHERE key = 'district'")
> local function check(n) if n > 1 then error("too many: " .. n) end end
> check(2)
> LUA
> cairn run fails.lua
cairn: fails.lua:3: too many: 2
[1]
$ cairn sql "SELECT count(*) AS n FROM settings"
n
-
1
(1 row)
$ cairn sql "SELECT value FROM meta WHERE key = 'district'"
value
---------
Riverside
(1 row)
$ CAIRN_TRACE=1 cairn run fails.lua 2>&1 | head -n 4
cairn: fails.lua:3: too many: 2
stack traceback:
	[C]: in function 'error'
	fails.lua:3: in local 'check'
$ cairn -e 'db:exec("DELETE FROM settings") error("stop")'
cairn: (command line):1: stop
[1]
$ cairn sql "SELECT count(*) AS n FROM settings"
n
-
1
(1 row)
$ cairn -e 'db:exec("INSERT INTO nope VALUES (1)")'
cairn: (command line):1: no such table: nope (SQL: INSERT INTO nope VALUES (1))
[1]
$ cairn -e 'return 1 +'
cairn: (command line):1: unexpected symbol near <eof>
[1]
$ cairn run missing.lua
cairn: missing.lua: no such file
[1]
$ cairn sql "DELETE FROM settings"
cairn: cairn sql runs read-only statements only; change data with cairn run or the REPL
[1]
$ cairn sql "SELECT * FROM nope"
cairn: no such table: nope (SQL: SELECT * FROM nope)
[1]
# Usage errors: exit 2 and what was expected
$ cairn frob
cairn: unknown command 'frob' (see cairn help)
usage: cairn [-w FILE] [COMMAND [ARGS...]]
(cairn help lists the commands)
[2]
$ cairn --frob
cairn: unknown option '--frob'
usage: cairn [-w FILE] [COMMAND [ARGS...]]
(cairn help lists the commands)
[2]
$ cairn -w
cairn: option -w needs a FILE
usage: cairn [-w FILE] [COMMAND [ARGS...]]
(cairn help lists the commands)
[2]
$ cairn -e
cairn: option -e needs Lua CODE
usage: cairn [-w FILE] [COMMAND [ARGS...]]
(cairn help lists the commands)
[2]
$ cairn -e 'return 1' run x.lua
cairn: -e takes no command after it
usage: cairn [-w FILE] [COMMAND [ARGS...]]
(cairn help lists the commands)
[2]
$ cairn init
cairn: --district NAME is required
usage: cairn init --district NAME [-w FILE]
[2]
$ cairn init --district
cairn: option --district needs a value (NAME)
usage: cairn init --district NAME [-w FILE]
[2]
$ cairn init --district X extra
cairn: unexpected argument 'extra'
usage: cairn init --district NAME [-w FILE]
[2]
$ cairn sql
cairn: expected a SQL statement
usage: cairn sql [--csv | --json] "SELECT ..." [PARAM...]
[2]
$ cairn sql --csv --json "SELECT 1"
cairn: choose one of --csv and --json
usage: cairn sql [--csv | --json] "SELECT ..." [PARAM...]
[2]
$ cairn sql --tsv "SELECT 1"
cairn: unknown option '--tsv' (did you mean --csv?)
usage: cairn sql [--csv | --json] "SELECT ..." [PARAM...]
[2]
$ cairn backup
cairn: expected one destination FILE
usage: cairn backup FILE
[2]
$ cairn backup a b
cairn: expected one destination FILE
usage: cairn backup FILE
[2]
$ cairn check extra
cairn: unexpected argument 'extra'
usage: cairn check
[2]
$ cairn run
cairn: expected a script file
usage: cairn run [--sandbox [--allow-writes]] FILE.lua [ARGS...]
[2]
$ cairn help frob
cairn: no command 'frob' (see cairn help)
usage: cairn [-w FILE] [COMMAND [ARGS...]]
(cairn help lists the commands)
[2]
# Ctrl-C (SIGINT) stops a running script; its writes are rolled back
$ cairn -e 'db:exec("INSERT INTO settings(key, value) VALUES (?, ?)", "ctrl-c", 1) print("running") io.stdout:flush() while true do end' > out.txt 2>&1 & pid=$!
> for _ in $(seq 600); do grep -q running out.txt 2>/dev/null && break; sleep 0.1; done; kill -INT $pid; wait $pid; echo "status $?"; cat out.txt
status 1
running
cairn: interrupted
$ cairn sql "SELECT count(*) AS n FROM settings WHERE key = 'ctrl-c'"
n
-
0
(1 row)
