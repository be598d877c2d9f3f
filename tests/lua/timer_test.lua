-- cairn.timer: the facilitator timer of the Lessons Learned Discussion, driven by a fake clock.
local t = require "tap"
local timer = require "cairn.timer"

local now = 1000
local said = {}
local tm = timer.for_tool("lessons_learned_discussion", {
  clock = function() return now end,
  say = function(s) said[#said + 1] = s end,
  time_of_day = function(s) return string.format("+%d min", (s - 1000) // 60) end,
})
t.is(#tm.sections, 4, "four timed sections")
t.is(tm:total_minutes(), 60, "10 + 20 + 20 + 10 = 60 minutes")

tm:status()
t.ok(said[#said]:match("^Not started: 4 sections, 60 min"), "before the start")
tm:start()
t.is(said[#said], "Section 1 of 4: REVIEW OBJECTIVES AND IMPLEMENTATION, 10 min (until +10 min)",
  "the first section is announced with its time")
now = now + 228
local left = tm:status()
t.is(left, 372, "seconds left in the section")
t.is(said[#said], "6:12 left of 10 min in REVIEW OBJECTIVES AND IMPLEMENTATION", "status line")
now = now + 437 -- 11:05 in all
tm:status()
t.is(said[#said], "Time is up for REVIEW OBJECTIVES AND IMPLEMENTATION: 1:05 over its 10 min", "over time")
tm:next()
t.is(said[#said - 1], "REVIEW OBJECTIVES AND IMPLEMENTATION took 11:05 (1:05 over)", "the section's time is recorded")
t.is(said[#said], "Section 2 of 4: REVIEW RESULTS, 20 min (until +31 min)", "the next section starts")
for _ = 1, 3 do now = now + 600; tm:next() end
t.is(said[#said], "All sections done", "after the last section")
local rows = tm:summary()
t.is(rows[1].used, 665, "summary: time used per section")
t.is(rows[4].planned, 10, "summary: time planned per section")
t.ok(said[#said]:match("^In all%s+60 min  41:05$"), "summary: in all")
t.raises(function() timer.new({ { title = "x" } }) end, "minutes", "a section without minutes is refused")
t.done()
