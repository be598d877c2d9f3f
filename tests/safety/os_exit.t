# os.exit in a script: 0 / true / no argument commit the unit of work and exit 0; false or a
# non-zero code roll it back, say so and exit with that code. The same for cairn -e.
$ cairn init --district Riverside 2>/dev/null
$ printf 'for i = 1, 100 do plan.person { name = "Person " .. i } end\nprint("imported 100 people")\nos.exit(0)\nprint("not reached")\n' > import.lua
$ cairn run import.lua
imported 100 people
$ cairn sql "SELECT count(*) AS people FROM person"
people
------
   100
(1 row)
$ cairn -e 'plan.person { name = "Kept by true" }; os.exit(true)'
$ cairn -e 'plan.person { name = "Kept by no argument" }; os.exit()'
$ printf 'plan.person { name = "Rolled back" }\nos.exit(3)\n' > fail.lua
$ cairn run fail.lua
cairn: the script called os.exit(3): nothing it wrote was kept
[3]
$ cairn -e 'plan.person { name = "Rolled back too" }; os.exit(false)'
cairn: the script called os.exit(false): nothing it wrote was kept
[1]
$ cairn sql "SELECT name FROM person WHERE name NOT LIKE 'Person %' ORDER BY name"
name
-------------------
Kept by no argument
Kept by true
(2 rows)
$ cairn -e 'plan.person { name = "Swallowed?" }; pcall(error, "x"); os.exit(0)' && cairn sql "SELECT count(*) AS people FROM person"
people
------
   103
(1 row)
