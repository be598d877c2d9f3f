# Global options (-w FILE, --workspace FILE, --workspace=FILE) work before or after the command.
$ cairn init --district "North Valley" -w north.db
created north.db for North Valley
$ cairn -w south.db init --district "South Bay"
created south.db for South Bay
$ cairn sql "SELECT value FROM meta WHERE key = 'district'" --workspace north.db
value
------------
North Valley
(1 row)
$ cairn sql --workspace=south.db "SELECT value FROM meta WHERE key = 'district'"
value
---------
South Bay
(1 row)
$ cairn tool worksheets -w north.db
(no worksheets)
$ printf 'print(select("#", ...), ...)\n' > args.lua && cairn -w north.db run args.lua -w kept --x
3	-w	kept	--x
$ cairn run -w south.db args.lua
0
$ cairn init --district "X" -w
cairn: option -w needs a FILE
usage: cairn init --district NAME [-w FILE]
[2]
$ cairn sql "SELECT 1" -- -w north.db
cairn: cairn.db: no workspace here (create one with: cairn init --district NAME)
[1]
