-- cairn.plan.dates: ISO calendar dates (YYYY-MM-DD) for the plan model: checking, day numbers
-- for arithmetic, today. Dates are plain strings everywhere else; ISO strings sort correctly.
local dates = {}

local function leap(y) return (y % 4 == 0 and y % 100 ~= 0) or y % 400 == 0 end
local month_days = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 }

-- y, m, d of a valid ISO date, or nil.
function dates.parse(s)
  if type(s) ~= "string" then return nil end
  local y, m, d = s:match("^(%d%d%d%d)%-(%d%d)%-(%d%d)$")
  if not y then return nil end
  y, m, d = tonumber(y), tonumber(m), tonumber(d)
  if m < 1 or m > 12 or d < 1 then return nil end
  local max = month_days[m]
  if m == 2 and leap(y) then max = 29 end
  if d > max then return nil end
  return y, m, d
end

function dates.valid(s) return dates.parse(s) ~= nil end

-- The value when it is nil or a valid date; otherwise raises "FIELD: 'v' is not a date ...".
function dates.check(v, field)
  if v == nil then return nil end
  if not dates.parse(v) then
    error(string.format("%s: %s is not a date (expected YYYY-MM-DD)", field or "date",
      type(v) == "string" and ("'" .. v .. "'") or tostring(v)), 0)
  end
  return v
end

-- Days since 1970-01-01 (proleptic Gregorian), for differences and adding days.
function dates.days(s)
  local y, m, d = dates.parse(s)
  assert(y, "not a date: " .. tostring(s))
  if m <= 2 then y = y - 1 end
  local era = (y >= 0 and y or y - 399) // 400
  local yoe = y - era * 400
  local mp = (m + 9) % 12
  local doy = (153 * mp + 2) // 5 + d - 1
  local doe = yoe * 365 + yoe // 4 - yoe // 100 + doy
  return era * 146097 + doe - 719468
end

function dates.from_days(z)
  z = z + 719468
  local era = (z >= 0 and z or z - 146096) // 146097
  local doe = z - era * 146097
  local yoe = (doe - doe // 1460 + doe // 36524 - doe // 146096) // 365
  local y = yoe + era * 400
  local doy = doe - (365 * yoe + yoe // 4 - yoe // 100)
  local mp = (5 * doy + 2) // 153
  local d = doy - (153 * mp + 2) // 5 + 1
  local m = mp < 10 and mp + 3 or mp - 9
  if m <= 2 then y = y + 1 end
  return string.format("%04d-%02d-%02d", y, m, d)
end

function dates.add(s, n) return dates.from_days(dates.days(s) + n) end

function dates.diff(a, b) return dates.days(a) - dates.days(b) end

-- Today's local date. Reports and tests pass as_of instead of relying on this.
function dates.today() return os.date("%Y-%m-%d") end

-- "26 Nov 2026" for readable lines.
local month_names = { "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" }
function dates.short(s)
  local y, m, d = dates.parse(s)
  if not y then return tostring(s) end
  return string.format("%d %s %d", d, month_names[m], y)
end

return dates
