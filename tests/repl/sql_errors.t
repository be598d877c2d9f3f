# SQL at the prompt refuses writes and names the problem; typos in dot commands get a suggestion.
$ cairn init --district "Riverside" 2>/dev/null
$ cairn <<'IN' 2>&1
> DELETE FROM person
> PRAGMA journal_mode = delete
> SELECT nosuch FROM person
> .mode xml
> .mod csv
> .timer maybe
> SELECT count(*) AS n FROM person
> IN
the prompt runs read-only SQL; change data with db:exec("...")
the prompt runs read-only SQL; change data with db:exec("...")
no such column: nosuch (SQL: SELECT nosuch FROM person)
unknown mode 'xml'; expected table, csv or json
unknown command .mod (did you mean .mode?) (.help lists them)
.timer expects on or off
n
-
0
(1 row)
