-- tests/transcript.lua FILE.t: run a transcript test and print TAP.
--
-- A transcript is a shell session written down:
--
--   # a comment
--   $ cairn init --district "Riverside"
--   created cairn.db for Riverside
--   $ cairn sql "SELECT 1" \
--   > --csv                      (a line starting "> " continues the command, e.g. a heredoc)
--   ...expected output (stdout and stderr together)...
--   [2]                          (the exit status, when it is not 0)
--
-- Each command is one test. Commands run with bash in one scratch folder per file, in order,
-- so later commands see what earlier ones made. $TESTS is the tests/ folder, for fixtures.
-- With UPDATE=1 the file is rewritten with the actual output (review the diff before committing).
local path = assert(arg[1], "usage: lua5.4 transcript.lua FILE.t")
local lines = {}
for l in io.lines(path) do lines[#lines + 1] = l end

local blocks, pre = {}, {}
local cur
for i, l in ipairs(lines) do
  if l:match("^%$ ") then
    cur = { line = i, cmd = l:sub(3), expect = {}, comments = pre }
    pre = {}
    blocks[#blocks + 1] = cur
  elseif cur and l:match("^> ") and #cur.expect == 0 then
    cur.cmd = cur.cmd .. "\n" .. l:sub(3)
  elseif l:match("^#") and (not cur or #cur.expect == 0 or true) and l:match("^# ") then
    pre[#pre + 1] = l
    if cur then cur.closed = true end
  elseif cur and not cur.closed then
    cur.expect[#cur.expect + 1] = l
  else
    pre[#pre + 1] = l
  end
end

local tests_dir = path:match("^(.*)/[^/]*$") or "."
while not io.open(tests_dir .. "/transcript.lua") and tests_dir:match("/") do
  tests_dir = tests_dir:match("^(.*)/[^/]*$")
end

local function run(cmd)
  local script = os.tmpname()
  local f = assert(io.open(script, "w"))
  f:write("export TESTS='", tests_dir, "'\n", cmd, "\n")
  f:close()
  local p = io.popen("bash " .. script .. " 2>&1")
  local out = p:read("a")
  local _, _, code = p:close()
  os.remove(script)
  local got = {}
  for l in (out .. (out:sub(-1) == "\n" and "" or "\n")):gmatch("(.-)\n") do got[#got + 1] = l end
  if out == "" then got = {} end
  if code ~= 0 then got[#got + 1] = "[" .. tostring(code) .. "]" end
  return got
end

local function trim(t)
  while #t > 0 and t[#t] == "" do t[#t] = nil end
  return t
end

local failures, n = 0, 0
for _, b in ipairs(blocks) do
  n = n + 1
  b.got = trim(run(b.cmd))
  local want = trim(b.expect)
  local same = #want == #b.got
  for i = 1, math.max(#want, #b.got) do
    if want[i] ~= b.got[i] then
      -- "(re)" at the end of an expected line makes it a Lua pattern
      local pat = want[i] and want[i]:match("^(.*) %(re%)$")
      if not (pat and b.got[i] and b.got[i]:match("^" .. pat .. "$")) then same = false end
    end
  end
  local title = string.format("%s:%d $ %s", path:match("[^/]*$"), b.line, b.cmd:match("[^\n]*"))
  if same then
    print("ok " .. n .. " - " .. title)
  else
    failures = failures + 1
    print("not ok " .. n .. " - " .. title)
    print("#   expected:")
    for _, l in ipairs(want) do print("#     " .. l) end
    print("#   got:")
    for _, l in ipairs(b.got) do print("#     " .. l) end
  end
end
print("1.." .. n)

if os.getenv("UPDATE") then
  local out = {}
  for i = 1, (blocks[1] and blocks[1].line or #lines + 1) - 1 do
    if not blocks[1] or true then end
  end
  local function emit(t) for _, l in ipairs(t) do out[#out + 1] = l end end
  for _, b in ipairs(blocks) do
    emit(b.comments)
    local first = true
    for cl in (b.cmd .. "\n"):gmatch("(.-)\n") do
      out[#out + 1] = (first and "$ " or "> ") .. cl
      first = false
    end
    -- keep (re) lines that still match
    local want = b.expect
    for i, l in ipairs(b.got) do
      local pat = want[i] and want[i]:match("^(.*) %(re%)$")
      if pat and l:match("^" .. pat .. "$") then out[#out + 1] = want[i] else out[#out + 1] = l end
    end
  end
  emit(pre)
  local f = assert(io.open(path, "w"))
  f:write(table.concat(out, "\n"), "\n")
  f:close()
end
os.exit(failures == 0 and 0 or 1)
