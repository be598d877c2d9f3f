-- cairn.timer: a facilitator's timer for a timed discussion (the Lessons Learned Discussion's
-- four sections of 10, 20, 20 and 10 minutes), for the REPL:
--
--   t = require("cairn.timer").for_tool("lessons_learned_discussion")
--   t:start()     -- Section 1 of 4: REVIEW OBJECTIVES AND IMPLEMENTATION, 10 min (until 14:10)
--   t:status()    -- 6:12 left of 10 min in REVIEW OBJECTIVES AND IMPLEMENTATION
--   t:next()      -- the section took 11:05 (1:05 over); Section 2 of 4: ... 20 min (until 14:31)
--   t:summary()   -- planned and used time per section, and in all
--
-- The clock is injectable (`clock =` a function returning seconds, default os.time) and the
-- announcements go to `say =` (default print), so tests drive it without waiting.
local timer = {}
local Timer = {}
Timer.__index = Timer

local function mmss(seconds)
  seconds = math.floor(seconds + 0.5)
  return string.format("%d:%02d", seconds // 60, seconds % 60)
end
timer.mmss = mmss

-- SECTIONS: { { title =, minutes = }, ... }. OPTS: clock, say, time_of_day (a function
-- seconds -> "14:10" text; default os.date("%H:%M")).
function timer.new(sections, opts)
  assert(type(sections) == "table" and #sections > 0, "timer.new: expected a list of sections")
  for i, s in ipairs(sections) do
    if type(s.title) ~= "string" or type(s.minutes) ~= "number" or s.minutes <= 0 then
      error(string.format("timer.new: section %d needs a title and a number of minutes", i), 2)
    end
  end
  opts = opts or {}
  return setmetatable({
    sections = sections, clock = opts.clock or os.time, say = opts.say or print,
    time_of_day = opts.time_of_day or function(t) return os.date("%H:%M", t) end,
    current = 0, started = nil, used = {},
  }, Timer)
end

-- A timer for a tool with top-level `sections = { { title =, minutes = }, ... }`.
function timer.for_tool(id, opts)
  local T = require("cairn.tool").load(id)
  if type(T.sections) ~= "table" then error("tool " .. id .. " has no timed sections", 0) end
  local list = {}
  for _, s in ipairs(T.sections) do
    if s.minutes then list[#list + 1] = { title = s.title, minutes = s.minutes } end
  end
  return timer.new(list, opts)
end

function Timer:total_minutes()
  local n = 0
  for _, s in ipairs(self.sections) do n = n + s.minutes end
  return n
end

local function begin(self, i)
  self.current, self.started = i, self.clock()
  local s = self.sections[i]
  self.say(string.format("Section %d of %d: %s, %d min (until %s)", i, #self.sections, s.title,
    s.minutes, self.time_of_day(self.started + s.minutes * 60)))
end

-- Start the first section (or section I).
function Timer:start(i)
  begin(self, i or 1)
  return self
end

-- Seconds left in the current section (negative when over), and the line announcing it.
function Timer:status()
  if self.current == 0 then
    local line = string.format("Not started: %d sections, %d min in all (t:start() begins)",
      #self.sections, self:total_minutes())
    self.say(line)
    return nil, line
  end
  if self.current > #self.sections then
    local line = "All sections done (t:summary() shows the time used)"
    self.say(line)
    return nil, line
  end
  local s = self.sections[self.current]
  local left = s.minutes * 60 - (self.clock() - self.started)
  local line = left >= 0 and string.format("%s left of %d min in %s", mmss(left), s.minutes, s.title)
    or string.format("Time is up for %s: %s over its %d min", s.title, mmss(-left), s.minutes)
  self.say(line)
  return left, line
end

-- Close the current section (recording its time) and start the next one.
function Timer:next()
  if self.current == 0 then return self:start() end
  if self.current > #self.sections then return self:status() end
  local s = self.sections[self.current]
  local took = self.clock() - self.started
  self.used[self.current] = took
  local over = took - s.minutes * 60
  self.say(string.format("%s took %s%s", s.title, mmss(took),
    over > 0 and string.format(" (%s over)", mmss(over)) or ""))
  if self.current < #self.sections then
    begin(self, self.current + 1)
  else
    self.current = #self.sections + 1
    self.say("All sections done")
  end
  return self
end

-- { { title, planned = minutes, used = seconds or nil }, ... } and the lines announcing it.
function Timer:summary()
  local rows, total = {}, 0
  for i, s in ipairs(self.sections) do
    rows[i] = { title = s.title, planned = s.minutes, used = self.used[i] }
    local u = self.used[i]
    total = total + (u or 0)
    self.say(string.format("%-45s %3d min  %s", s.title, s.minutes, u and mmss(u) or "-"))
  end
  self.say(string.format("%-45s %3d min  %s", "In all", self:total_minutes(), mmss(total)))
  return rows
end

return timer
