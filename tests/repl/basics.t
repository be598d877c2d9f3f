# The REPL with piped input: no banner, no prompts, no colour; values printed; errors do not end it.
$ cairn init --district "Riverside Unified" 2>/dev/null
$ cairn <<'IN'
> 1 + 1
> = 2 * 3
> "text", nil, true, 1.5, 10 // 3
> x = 42
> x
> x;
> _
> math.max(_, 50)
> _
> for i = 1, 3 do
>   io.write(i, " ")
> end
> print()
> function twice(n)
>   return n * 2
> end
> twice(21)
> local t = {
>   1, 2,
> }
> IN
2
6
"text"	nil	true	1.5	3
42
42
50
50
1 2 3 
42
$ cairn <<'IN'
> error("boom")
> print("still here")
> nosuch.field
> 1 +
> 2 = 3
> print("after the syntax error")
> error({code = 1})
> error(setmetatable({}, {__tostring = function() return "custom error" end}))
> "end"
> IN
stdin:1: boom
still here
stdin:1: attempt to index a nil value (global 'nosuch')
stdin:1: unexpected symbol near '1'
after the syntax error
(error object is a table value)
custom error
"end"
# Writes of a failing line are rolled back; successful lines are kept
$ cairn <<'IN'
> db:exec("INSERT INTO settings(key, value) VALUES ('kept', 1)")
> db:exec("INSERT INTO settings(key, value) VALUES ('lost', 1)") error("fails after writing")
> db:exec("INSERT INTO settings(key, value) VALUES ('also kept', 2)")
> db:value("SELECT group_concat(key, ',') FROM settings WHERE key IN ('kept', 'lost', 'also kept')")
> IN
1
stdin:1: fails after writing
1
"also kept,kept"
$ cairn sql "SELECT key, value FROM settings WHERE key IN ('kept', 'lost', 'also kept')"
key        value
---------  -----
also kept      2
kept           1
(2 rows)
# An unfinished chunk at the end of the input is reported
$ printf 'if true then\n  print(1)\n' | cairn
stdin:3: 'end' expected (to close 'if' at line 1) near <eof>
# CAIRN_TRACE adds the traceback
$ printf 'local function f() error("deep") end f()\n' | CAIRN_TRACE=1 cairn 2>&1 | head -n 4
stdin:1: deep
stack traceback:
	[C]: in function 'error'
	stdin:1: in local 'f'
# _ and _1 ... _9 keep the last results (a quiet line counts too)
$ printf '10\n20\n30;\n_1 + _2 + _3\n_\n' | cairn
10
20
60
60
