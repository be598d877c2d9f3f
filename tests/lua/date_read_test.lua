-- cairn.date.read: the dates people type at a prompt, with the note the prompt echoes.
local t = require "tap"
local date = require "cairn.date"

local dm = { order = "day/month", as_of = "2026-11-30" }
local function reads(s, opts, want, note, what)
  local got, n = date.read(s, opts)
  t.is(got, want, what or ("'" .. s .. "' -> " .. tostring(want)))
  if note ~= nil then t.is(n, note, "  and its note") end
end

reads("15/06/2027", dm, "2027-06-15", nil)
reads("2027-06-15", dm, "2027-06-15", nil)
reads("15/06", dm, "2027-06-15", "no year given: the next 15 June", "a day and month without a year: the next one after as_of")
reads("15/12", dm, "2026-12-15", nil, "... which may be this year")
reads("June 2027", dm, "2027-06-30", "a month alone means its last day")
reads("Jun 2027", dm, "2027-06-30", nil)
reads("2027-06", dm, "2027-06-30", nil)
reads("end of June", dm, "2027-06-30", "the end of the next June")
reads("end of February 2028", dm, "2028-02-29", nil, "a month's last day knows leap years")
reads("05/06/2027", dm, "2027-06-05", "read as day/month: 5 June", "ambiguous numbers follow the field's order, and say so")
reads("05/06/2027", { as_of = "2026-11-30" }, "2027-05-06", "read as month/day: 6 May", "the default order is month/day (US)")
reads("06/15/2027", dm, "2027-06-15", nil, "a day over 12 is plain in either order")
reads("30 Nov 2026", dm, "2026-11-30", nil)
reads("29/02", dm, "2028-02-29", nil, "29 February without a year: the next leap year")

local got, err = date.read("31/02/2027", dm)
t.is(got, nil, "31/02/2027 refused")
t.is(err, "'31/02/2027' is not a real date (February 2027 has 28 days)", "  saying why")
got, err = date.read("next week", dm)
t.is(err, "'next week' is not a date (expected e.g. 15/06/2027, 15/06, 2027-06-15 or June 2027)",
  "an unknown form names the forms expected")
got, err = date.read("Foo 2027", dm)
t.ok(err and err:find("unknown month 'foo'", 1, true), "an unknown month is named")
t.is(date.read("13/13/2027", dm), nil, "no month 13")
t.done()
