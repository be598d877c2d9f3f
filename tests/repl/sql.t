# SQL at the prompt: a line starting with a SQL keyword (or .sql) runs read-only SQL and prints a
# grid; .mode csv|json|table and .timer as in the sqlite3 shell; db:query prints as a grid.
$ cairn init --district "Riverside" 2>/dev/null
$ cairn -e 'plan.person{name = "Ana Diaz", role = "Principal"}; plan.person{name = "Bo Li"}' >/dev/null
$ cairn <<'IN'
> SELECT name, role FROM person ORDER BY name
> select count(*) AS people FROM
>   person
> WITH n(x) AS (VALUES (1), (2)) SELECT sum(x) AS total FROM n
> PRAGMA table_info(meta)
> .sql SELECT 'a,b' AS text, NULL AS empty
> .mode csv
> SELECT 'a,b' AS text, 2 AS n
> .mode json
> SELECT 'a,b' AS text, NULL AS empty
> .mode table
> db:query("SELECT name FROM person ORDER BY name")
> select(2, "lua", "still works")
> values = 3
> values
> IN
name      role
--------  ---------
Ana Diaz  Principal
Bo Li
(2 rows)
people
------
     2
(1 row)
total
-----
    3
(1 row)
cid  name   type  notnull  dflt_value  pk
---  -----  ----  -------  ----------  --
  0  key    TEXT        1               1
  1  value  TEXT        1               0
(2 rows)
text  empty
----  -----
a,b
(1 row)
text,n
"a,b",2
[
  {"text":"a,b","empty":null}
]
name
--------
Ana Diaz
Bo Li
(2 rows)
"still works"
3
$ cairn <<'IN' | sed 's/real [0-9.]*/real N/'
> .timer on
> SELECT 1 AS one
> .timer off
> SELECT 2 AS two
> IN
one
---
  1
(1 row)
Run Time: real N
two
---
  2
(1 row)
