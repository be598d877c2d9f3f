# The pretty printer: sorted keys, lists, nesting, widths, cycles, __tostring.
$ cairn <<'IN'
> {3, 2, 1}
> {b = 1, a = 2, [1] = "x", [2] = "y", [10] = "ten", ["two words"] = true, [false] = 0}
> {a = {b = {c = {d = {e = 1}}}}}
> local t = {name = "loop"}; t.self = t; return t
> local a, b = {}, {}; a.b = b; b.a = a; return {a, b}
> setmetatable({}, {__tostring = function() return "<plan Attendance>" end})
> {s = setmetatable({}, {__tostring = function() return "shown" end})}
> {1, nil, 3}
> {}
> {"line\nbreak", 'quote"d', "tab\t"}
> {0.1 + 0.2, 1e300 * 10, -0.0, 3.0, 2^53, math.mininteger}
> {print, string.format}
> {["end"] = 1, ["and"] = 2, ok = 3}
> {q10 = 1, q2 = 2, q1 = 3, item = 0}
> local t = {} for i = 1, 45 do t[i] = i end return t
> local t = {} for i = 1, 45 do t["k" .. i] = i end return t
> {"a long string number one", "a long string number two", "a long string number three", {x = 1}}
> {nested = {list = {"alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota"}}}
> IN
{ 3, 2, 1 }
{ "x", "y", [10] = "ten", [false] = 0, a = 2, b = 1, ["two words"] = true }
{ a = { b = { c = { d = {...} } } } }
{ name = "loop", self = <cycle> }
{ { b = { a = <cycle> } }, { a = { b = <cycle> } } }
<plan Attendance>
{ s = shown }
{ 1, [3] = 3 }
{}
{ "line\nbreak", "quote\"d", "tab\9" }
{
  0.30000000000000004, 1e+301, -0.0, 3.0, 9007199254740992.0,
  -9223372036854775808
}
{ <function builtin>, <function builtin> }
{ ["and"] = 2, ["end"] = 1, ok = 3 }
{ item = 0, q1 = 3, q2 = 2, q10 = 1 }
{
  1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21,
  22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37, 38, 39, 40,
  ... (5 more)
}
{
  k1 = 1, k2 = 2, k3 = 3, k4 = 4, k5 = 5, k6 = 6, k7 = 7, k8 = 8, k9 = 9,
  k10 = 10, k11 = 11, k12 = 12, k13 = 13, k14 = 14, k15 = 15, k16 = 16,
  k17 = 17, k18 = 18, k19 = 19, k20 = 20, k21 = 21, k22 = 22, k23 = 23,
  k24 = 24, k25 = 25, k26 = 26, k27 = 27, k28 = 28, k29 = 29, k30 = 30,
  k31 = 31, k32 = 32, k33 = 33, k34 = 34, k35 = 35, k36 = 36, k37 = 37,
  k38 = 38, k39 = 39, k40 = 40, ... (5 more)
}
{
  "a long string number one", "a long string number two",
  "a long string number three", { x = 1 }
}
{
  nested = {
    list = {
      "alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta",
      "iota"
    }
  }
}
$ printf 'function f() end\n{f}\n' | cairn
{ <function stdin:1> }
# No colour when output is not a terminal, and never with NO_COLOR
$ printf '{"s", 1}\n' | cairn | od -c | grep -c 033
0
[1]
