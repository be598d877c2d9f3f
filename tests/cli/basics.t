# The command line: init, sql, check, backup, help, usage errors.
$ cairn --version
cairn 0.1.0 %(Lua 5.4, SQLite 3%.%d+%.%d+, workspace schema %d+%) (re)
$ cairn init --district "Riverside Unified"
created cairn.db for Riverside Unified
$ cairn sql "SELECT key FROM meta ORDER BY key"
key
----------
created_at
created_by
district
(3 rows)
$ cairn frob
cairn: unknown command 'frob' (see cairn help)
usage: cairn [-w FILE] [COMMAND [ARGS...]]
(cairn help lists the commands)
[2]
