-- cairn.date: calendar dates as ISO strings ("2026-11-30"), the only form cairn stores.
--
--   local date = require "cairn.date"
--   date.parse("11/30/2026")      --> "2026-11-30"
--   date.parse("30 Nov 2026")     --> "2026-11-30"
--   date.parse("2026-02-30")      --> nil, "'2026-02-30' is not a real date (February 2026 has 28 days)"
--   date.valid(2026, 2, 29)       --> false
--   date.today()                  --> today's date (UTC), or $CAIRN_TODAY when set (tests, demos)
--   date.now()                    --> "2026-11-26T13:05:00Z", a UTC timestamp for records
--   date.add_days("2026-11-30", 3) --> "2026-12-03";  date.days_between(a, b) --> b - a in days
--   date.format("2026-11-30")     --> "30 November 2026";  date.format(d, "short") --> "30 Nov 2026"
--
-- Accepted input forms: YYYY-MM-DD (also YYYY/MM/DD), M/D/YYYY (US order, as district forms
-- write it; also M-D-YYYY), "30 Nov 2026", "30 November 2026", "Nov 30, 2026", "November 30 2026".
-- Two-digit years are refused: they are ambiguous in multi-year plans.
local date = {}

local month_names = { "January", "February", "March", "April", "May", "June", "July", "August",
  "September", "October", "November", "December" }
date.month_names = month_names

local month_by_name = {}
for i, name in ipairs(month_names) do
  month_by_name[name:lower()] = i
  month_by_name[name:lower():sub(1, 3)] = i
end
month_by_name.sept = 9

date.expected = "expected YYYY-MM-DD, 11/30/2026 or 30 Nov 2026"

function date.is_leap(y)
  return (y % 4 == 0 and y % 100 ~= 0) or y % 400 == 0
end

function date.days_in_month(y, m)
  if m == 2 then return date.is_leap(y) and 29 or 28 end
  if m == 4 or m == 6 or m == 9 or m == 11 then return 30 end
  return 31
end

function date.valid(y, m, d)
  return math.type(y) == "integer" and math.type(m) == "integer" and math.type(d) == "integer"
    and y >= 1 and y <= 9999 and m >= 1 and m <= 12 and d >= 1 and d <= date.days_in_month(y, m)
end

local function iso(y, m, d) return string.format("%04d-%02d-%02d", y, m, d) end

-- Year, month, day from the accepted forms (not yet checked against the calendar), or nil.
local function split(s)
  local y, m, d = s:match("^(%d%d%d%d)[-/](%d%d?)[-/](%d%d?)$")
  if y then return tonumber(y), tonumber(m), tonumber(d) end
  m, d, y = s:match("^(%d%d?)[/-](%d%d?)[/-](%d%d%d%d)$")
  if m then return tonumber(y), tonumber(m), tonumber(d) end
  local name
  d, name, y = s:match("^(%d%d?)%s+(%a+)%.?,?%s+(%d%d%d%d)$")
  if not d then name, d, y = s:match("^(%a+)%.?%s+(%d%d?),?%s+(%d%d%d%d)$") end
  if d then
    local mi = month_by_name[name:lower()]
    if mi then return tonumber(y), mi, tonumber(d) end
    return nil, "unknown month '" .. name .. "'"
  end
  return nil
end

-- The ISO form of S, or nil and a message saying what is wrong and what is expected.
function date.parse(s)
  if type(s) ~= "string" then
    return nil, string.format("%s is not a date (%s)", tostring(s), date.expected)
  end
  s = s:match("^%s*(.-)%s*$")
  local y, m, d = split(s)
  if not y then
    local why = m and (m .. ", ") or ""
    return nil, string.format("'%s' is not a date (%s%s)", s, why, date.expected)
  end
  if m < 1 or m > 12 then
    return nil, string.format("'%s' is not a date (month %d; %s)", s, m, date.expected)
  end
  if y < 1 or not date.valid(y, m, d) then
    return nil, string.format("'%s' is not a real date (%s %d has %d days)", s, month_names[m], y,
      date.days_in_month(y, m))
  end
  return iso(y, m, d)
end

-- ---- what people type at a prompt ----------------------------------------------------------
--
--   date.read("15/06/2027", { order = "day/month" })  --> "2027-06-15"
--   date.read("15/06", { as_of = "2026-11-30" })      --> "2027-06-15", "no year given: the next 15 June"
--   date.read("June 2027")                            --> "2027-06-30", "a month alone means its last day"
--   date.read("end of June", { as_of = "2026-11-30" }) --> "2027-06-30", ...
--
-- Everything date.parse accepts, and also: D/M/YYYY or M/D/YYYY (when one number is over 12 the
-- order is plain; when both could be a month, OPTS.order decides: "day/month" or "month/day",
-- the default), a day and month without a year (15/06, 15 June, June 15: the next such day on or
-- after OPTS.as_of), a month alone (June 2027, Jun 2027, 2027-06, 06/2027, "end of June",
-- June: its last day; without a year, the next such month end on or after OPTS.as_of).
-- Returns the ISO date and a note saying how an inexact form was understood (or nil), or nil and
-- a message.
date.prompt_forms = { ["day/month"] = "e.g. 15/06/2027, 15/06, 2027-06-15 or June 2027",
  ["month/day"] = "e.g. 6/15/2027, 6/15, 2027-06-15 or June 2027" }

local function month_of(name)
  return name and month_by_name[name:lower():gsub("%.$", "")]
end

-- Day and month from two numbers A/B written in ORDER, or nil and why.
local function day_month(a, b, order)
  if a > 12 and b > 12 then return nil end
  if a > 12 then return a, b end            -- 15/06: day first whatever the order
  if b > 12 then return b, a end            -- 06/15: month first
  if order == "day/month" then return a, b, a ~= b end
  return b, a, a ~= b
end

local function year_of(as_of)
  return tonumber((as_of or date.today()):sub(1, 4))
end

-- The next Y-M-D on or after AS_OF for a day and month without a year.
local function next_day(d, m, as_of)
  as_of = as_of or date.today()
  local y = year_of(as_of)
  if not date.valid(y, m, d) or iso(y, m, d) < as_of then y = y + 1 end
  if not date.valid(y, m, d) then y = y + (4 - y % 4) end   -- 29 February: the next leap year
  return y
end

local function month_end(y, m) return iso(y, m, date.days_in_month(y, m)) end

function date.read(s, opts)
  opts = opts or {}
  if type(s) ~= "string" then return date.parse(s) end
  local t = s:match("^%s*(.-)%s*$")
  local order = opts.order or "month/day"
  local expected = "expected " .. date.prompt_forms[order]
  local function bad(why)
    return nil, string.format("'%s' is not a date (%s%s)", t, why and (why .. "; ") or "", expected)
  end
  local function checked(y, m, d, note)
    if m < 1 or m > 12 then return bad("no month " .. m) end
    if not date.valid(y, m, d) then
      return nil, string.format("'%s' is not a real date (%s %d has %d days)", t, month_names[m], y,
        date.days_in_month(y, m))
    end
    return iso(y, m, d), note
  end
  local lower = t:lower()
  -- numbers: D/M/YYYY or M/D/YYYY, D/M or M/D, MM/YYYY
  local a, b, y = lower:match("^(%d%d?)[/.-](%d%d?)[/.-](%d%d%d%d)$")
  if a then
    local d, m, ambiguous = day_month(tonumber(a), tonumber(b), order)
    if not d then return bad() end
    return checked(tonumber(y), m, d, ambiguous and m >= 1 and m <= 12
      and string.format("read as %s: %d %s", order, d, month_names[m]) or nil)
  end
  a, b = lower:match("^(%d%d?)[/.](%d%d?)$")
  if a then
    local d, m = day_month(tonumber(a), tonumber(b), order)
    if not d or m < 1 or m > 12 or d > 31 then return bad() end
    local yy = next_day(d, m, opts.as_of)
    return checked(yy, m, d, string.format("no year given: the next %d %s", d, month_names[m]))
  end
  local m
  y, m = lower:match("^(%d%d%d%d)[-/](%d%d?)$")
  if not y then m, y = lower:match("^(%d%d?)[-/](%d%d%d%d)$") end
  if y then
    m = tonumber(m)
    if m < 1 or m > 12 then return bad("no month " .. m) end
    return month_end(tonumber(y), m), "a month alone means its last day"
  end
  -- words: "June 2027", "end of June", "15 June", "June 15"
  local name
  name, y = lower:match("^end%s+of%s+(%a+%.?),?%s*(%d*)$")
  if not name then name, y = lower:match("^(%a+%.?),?%s*(%d%d%d%d)$") end
  if not name then name = lower:match("^(%a+%.?)$"); y = name and "" end
  if name then
    local mi = month_of(name)
    if not mi then return bad(y ~= "" and ("unknown month '" .. name .. "'") or nil) end
    if y ~= "" then
      return month_end(tonumber(y), mi), "a month alone means its last day"
    end
    local as_of = opts.as_of or date.today()
    local yy = year_of(as_of)
    if month_end(yy, mi) < as_of then yy = yy + 1 end
    return month_end(yy, mi), string.format("the end of the next %s", month_names[mi])
  end
  local d
  d, name = lower:match("^(%d%d?)%s+(%a+%.?)$")
  if not d then name, d = lower:match("^(%a+%.?)%s+(%d%d?)$") end
  if d then
    local mi = month_of(name)
    if not mi then return bad("unknown month '" .. name .. "'") end
    d = tonumber(d)
    return checked(next_day(d, mi, opts.as_of), mi, d,
      string.format("no year given: the next %d %s", d, month_names[mi]))
  end
  local p, err = date.parse(t)
  if p then return p end
  if err:find("not a real date", 1, true) then return nil, err end
  local why = err:match("%((unknown month '[^']*')") or err:match("%((month %d+);")
  return bad(why)
end

-- True when S is already a valid ISO date.
function date.is_iso(s)
  if type(s) ~= "string" then return false end
  local y, m, d = s:match("^(%d%d%d%d)%-(%d%d)%-(%d%d)$")
  return y ~= nil and date.valid(tonumber(y), tonumber(m), tonumber(d))
end

-- Days since 1970-01-01 (proleptic Gregorian), for arithmetic without os.time's time zones.
local function day_number(y, m, d)
  if m <= 2 then y, m = y - 1, m + 12 end
  local era = y // 400
  local yoe = y - era * 400
  local doy = (153 * (m - 3) + 2) // 5 + d - 1
  local doe = yoe * 365 + yoe // 4 - yoe // 100 + doy
  return era * 146097 + doe - 719468
end

local function from_day_number(z)
  z = z + 719468
  local era = z // 146097
  local doe = z - era * 146097
  local yoe = (doe - doe // 1460 + doe // 36524 - doe // 146096) // 365
  local y = yoe + era * 400
  local doy = doe - (365 * yoe + yoe // 4 - yoe // 100)
  local mp = (5 * doy + 2) // 153
  local d = doy - (153 * mp + 2) // 5 + 1
  local m = mp < 10 and mp + 3 or mp - 9
  if m <= 2 then y = y + 1 end
  return y, m, d
end

local function parts(s)
  local p, err = date.parse(s)
  if not p then error(err, 2) end
  local y, m, d = p:match("^(%d+)%-(%d+)%-(%d+)$")
  return tonumber(y), tonumber(m), tonumber(d)
end

function date.add_days(s, n)
  local y, m, d = parts(s)
  return iso(from_day_number(day_number(y, m, d) + n))
end

-- B minus A in days.
function date.days_between(a, b)
  local y1, m1, d1 = parts(a)
  local y2, m2, d2 = parts(b)
  return day_number(y2, m2, d2) - day_number(y1, m1, d1)
end

-- Today (UTC), or $CAIRN_TODAY when it holds a date (repeatable tests and demos).
function date.today()
  local fixed = os.getenv("CAIRN_TODAY")
  if fixed and fixed ~= "" then
    local p = date.parse(fixed)
    if p then return p end
  end
  return os.date("!%Y-%m-%d")
end

-- "30 November 2026" (style "long", the default) or "30 Nov 2026" ("short").
function date.format(s, style)
  local y, m, d = parts(s)
  local name = month_names[m]
  if style == "short" then name = name:sub(1, 3) end
  return string.format("%d %s %d", d, name, y)
end

-- Now as a UTC timestamp ("2026-11-26T13:05:00Z"): when rows were created, changed, imported.
-- $CAIRN_NOW, when it holds such a timestamp, stands in for the clock (repeatable tests, as
-- $CAIRN_TODAY does for the day).
function date.now()
  local fixed = os.getenv("CAIRN_NOW")
  if fixed and fixed:match("^%d%d%d%d%-%d%d%-%d%dT%d%d:%d%d:%d%dZ$") then return fixed end
  return os.date("!%Y-%m-%dT%H:%M:%SZ")
end

return date
