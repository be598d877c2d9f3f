-- cairn.plan.dates: the plan model's view of ISO calendar dates (YYYY-MM-DD): checking a field,
-- arithmetic, today, and a short readable form. The calendar itself is cairn.date's; this file
-- only adds the plan model's wording. Dates are plain strings; ISO strings sort correctly.
local date = require "cairn.date"

local dates = {}

dates.valid = date.is_iso

-- The value when it is nil or a valid date; otherwise raises "FIELD: 'v' is not a date ...".
function dates.check(v, field)
  if v == nil then return nil end
  if not date.is_iso(v) then
    error(string.format("%s: %s is not a date (expected YYYY-MM-DD)", field or "date",
      type(v) == "string" and ("'" .. v .. "'") or tostring(v)), 0)
  end
  return v
end

dates.add = date.add_days

-- A minus B in days.
function dates.diff(a, b) return date.days_between(b, a) end

-- The session's day (its as_of: explicit, else $CAIRN_TODAY, else today in UTC), decided once
-- when the session was made: the same day the tool engine and reports use.
function dates.today() return require("cairn.session").current().as_of end

-- "26 Nov 2026" for readable lines (anything that is not a date is shown as it is).
function dates.short(s)
  if not date.is_iso(s) then return tostring(s) end
  return date.format(s, "short")
end

return dates
