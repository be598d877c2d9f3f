-- cairn.tool.training: the guidebooks' worked examples in the terminal conversation. `?` at a
-- question shows the example's answer to it; `?` on the review screen shows the example's
-- summary; `run("ID", {example = true})` starts the conversation pre-filled from the example
-- and saves a training worksheet (marked as such, writing nothing into the plan model).
-- The examples themselves: cairn.tool.examples. All wording is here.
local examples = require "cairn.tool.examples"
local util = require "cairn.util"

local M = {}

local words = {
  answer = "In the worked example (%s): %s",
  none_here = "(The worked example, %s, leaves this question empty.)",
  no_example = "%s has no worked example in its guidebook (tools with one: %s)",
  training = "Training run: the answers are the guidebook's worked example (%s). Enter keeps "
    .. "each one, or type your own. The worksheet is saved as training and writes nothing into "
    .. "the plan.",
}
M.words = words

-- The example of tool T, or nil (a broken example file is not worth stopping a meeting for).
local function example_of(T)
  local ok, ex = pcall(examples.find, T.id)
  return ok and ex or nil
end

-- At question Q of tool T: the example's answer to it (nothing when T has no example).
function M.at_question(T, q, say, wrap)
  local ex = T and example_of(T)
  if not ex then return end
  local v = examples.answer_at(ex, q.path)
  if v == nil then
    say(wrap(string.format(words.none_here, ex.title), "    "))
  else
    say(wrap(string.format(words.answer, ex.title, examples.show(v, q.f)), "    "))
  end
end

-- On the review screen: the example's summary (nothing when T has no example).
function M.summary(T, say, wrap)
  local ex = example_of(T)
  if not ex then return end
  say("")
  for line in (examples.summary(T, ex) .. "\n"):gmatch("([^\n]*)\n") do say(wrap(line, "  ")) end
end

-- Start tool T pre-filled from its worked example. INTRO, NEW_STATE and CONVERSE are the
-- conversation's own steps (cairn.tool.interact), so the run is an ordinary one otherwise.
function M.start(T, opts, intro, new_state, converse)
  local ex = examples.find(T.id)
  if not ex then
    local have = examples.coverage()
    error(string.format(words.no_example, T.id, table.concat(have, ", ")), 0)
  end
  local stored, errors = examples.validate(T, ex)
  if #errors > 0 then
    local form = require "cairn.tool.form"
    error(ex.path .. ": " .. form.format_error(errors[1]) .. " (the example does not fit the tool)", 0)
  end
  local run_opts = setmetatable({ training = ex.title }, { __index = opts })
  intro(T)
  local ask = require "cairn.ask"
  ask.print("")
  ask.print(require("cairn.tool").wrap(string.format(words.training, ex.title), 78, ""))
  local st = new_state(T, run_opts)
  st.answers = util.deep_copy(stored)
  st.ctx.new_people = examples.people(ex)
  return converse(T, st)
end

-- A conversation state ST on a worksheet started from an example (resumed or edited) stays a
-- training run: the example's people are accepted without adding them. Returns ST.
function M.continued(st)
  local w = st.existing
  if not (w and w.training) or st.opts.training then return st end
  st.opts = setmetatable({ training = w.training }, { __index = st.opts })
  local ex = example_of(st.T)
  if ex then st.ctx.new_people = examples.people(ex) end
  return st
end

-- The line a training worksheet's report starts with.
function M.report_note(w)
  return string.format("Training worksheet: started from the guidebook's worked example (%s). "
    .. "It is not part of the district's plan.", w.training)
end

return M
