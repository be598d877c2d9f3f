-- The projector frame (cairn.present.frame) and meeting times (cairn.meeting.parse_time), without
-- a terminal: wrapping to the width, the newest answers kept when they do not all fit, the
-- theme's words; times as typed, relative times, and what is refused.
local t = require "tap"
local present = require "cairn.present"
local meeting = require "cairn.meeting"

local style = present.style()
local function widest(lines)
  local w = 0
  for _, l in ipairs(lines) do w = math.max(w, utf8.len(l)) end
  return w
end
local function has(lines, pattern)
  for _, l in ipairs(lines) do if l:find(pattern) then return true end end
  return false
end

local state = { id = 7, tool = "Getting the Problem Right: Template for the 5 Whys", status = "draft",
  updated_at = "2026-11-26T09:30:05Z",
  now = "2. Why — Reason why problem is occurring",
  answers = {} }
for i = 1, 12 do
  state.answers[i] = { label = "Answer " .. i, value = "a long answer that the frame has to wrap at word boundaries, number " .. i }
end

for _, width in ipairs { 40, 60, 120 } do
  local lines = present.frame(state, width, 1000, { style = style })
  t.ok(widest(lines) <= width, width .. " columns: every line fits")
  t.ok(has(lines, "number 12$") and has(lines, "Answer 1$"), width .. " columns: with room, every answer shows")
end

local short = present.frame(state, 80, 24, { style = style, live = true })
t.ok(#short <= 24, "24 rows: the frame fits the height (" .. #short .. " lines)")
t.ok(has(short, "Answer 12$") and not has(short, "Answer 1$"), "the newest answers are kept, the oldest left out")
t.ok(has(short, "… %d+ earlier answers"), "and it says how many are left out")
t.ok(has(short, "q quits$"), "a live view says how to quit")
t.ok(not has(present.frame(state, 80, 24, { style = style }), "q quits"), "a view printed once does not")
t.ok(has(short, "^ +NOW$") and has(short, "2%. Why"), "the question asked now is shown under NOW")

local waiting = present.frame(nil, 80, 24, { style = style })
t.ok(has(waiting, "No tool is running%."), "no draft: it says no tool is running")
t.ok(has(present.frame(nil, 80, 24, { style = style, which = 99 }), "Worksheet 99"), "a worksheet that is not there is named")

local custom = { words = { now = "JETZT", title = "[{tool}]" }, colors = { question = "7" } }
local de = present.frame(state, 80, 40, { style = custom, colour = true })
t.ok(has(de, "JETZT") and has(de, "%[Getting"), "the theme's words are used")
t.ok(has(de, "\27%[7m2%. Why"), "and its colours, when colour is on")

t.is(meeting.parse_time("2026-11-26"), "2026-11-26T00:00:00Z", "a date is its midnight (UTC)")
t.is(meeting.parse_time("2026-11-26 09:30"), "2026-11-26T09:30:00Z", "a date and time")
t.is(meeting.parse_time("2026-11-26T9:05:07Z"), "2026-11-26T09:05:07Z", "an ISO timestamp")
t.is(meeting.parse_time("90m", "2026-11-26T01:00:00Z"), "2026-11-25T23:30:00Z", "90m back crosses midnight")
t.is(meeting.parse_time("2d", "2026-03-01T12:00:00Z"), "2026-02-27T12:00:00Z", "2d back crosses a month end")
for _, bad in ipairs { "yesterday", "2026-02-30", "2026-11-26 25:00", "" } do
  local v, err = meeting.parse_time(bad)
  t.ok(v == nil and err:find("is not a time", 1, true), "refused: '" .. bad .. "'")
end
t.done()
