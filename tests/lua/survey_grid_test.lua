-- cairn.surveycore.grid (the aligned tables of cairn.survey.format, built in C) against the
-- Lua grid it replaced, on random tables: numbers (integers, floats whose text differs from
-- tostring's), UTF-8 and invalid UTF-8, tabs and line breaks, trailing and inner spaces, empty
-- cells and whole empty columns.
local t = require "tap"
local core = require "cairn.surveycore"
local text = require "cairn.text"

-- the Lua grid as it was (the reference)
local function reference(columns, rows)
  local used, widths = {}, {}
  for c, col in ipairs(columns) do
    widths[c] = text.width(col[1])
    for _, row in ipairs(rows) do
      local v = row[c]
      if v ~= nil and v ~= "" then
        used[c] = true
        widths[c] = math.max(widths[c], text.width(v))
      end
    end
  end
  local out = {}
  local function line(cells, header)
    local parts = {}
    for c, col in ipairs(columns) do
      if used[c] then
        local align = (not header and col[2] == "right") and "right" or "left"
        parts[#parts + 1] = text.pad(cells[c] == nil and "" or text.cell(cells[c]), widths[c], align)
      end
    end
    out[#out + 1] = (table.concat(parts, "  "):gsub("%s+$", ""))
  end
  local header, rule = {}, {}
  for c, col in ipairs(columns) do header[c] = col[1]; rule[c] = string.rep("-", widths[c]) end
  line(header, true)
  line(rule, true)
  for _, row in ipairs(rows) do line(row) end
  return table.concat(out, "\n") .. "\n"
end

local seed = 4242
local function rnd(n)
  seed = (seed * 1103515245 + 12345) % 2147483648
  return seed % n + 1
end
local pieces = { "Adams", "École Ñ", "日本", "\xff\xfe", "a\tb", "x\ny", " ", "  lead", "trail  ", "",
  "64.1%", "withheld: fewer than 5 respondents", "\xe2\x82", "\xed\xa0\x80" }
local function value()
  local k = rnd(10)
  if k == 1 then return nil end
  if k == 2 then return rnd(100000) - 50 end
  if k == 3 then return rnd(1000) / 8 end
  if k == 4 then return rnd(50) + 0.0 end
  if k == 5 then return pieces[rnd(#pieces)] .. pieces[rnd(#pieces)] end
  return pieces[rnd(#pieces)]
end

local same, first_diff = 0, nil
local trials = 300
for trial = 1, trials do
  local ncol = rnd(7)
  local columns = {}
  for c = 1, ncol do
    columns[c] = { ({ "group", "n", "", "note", "médiane" })[rnd(5)], rnd(2) == 1 and "right" or nil }
  end
  local rows = {}
  for r = 1, rnd(12) - 1 do
    local row = {}
    for c = 1, ncol do
      -- some columns are always empty
      if c % 4 ~= 0 or trial % 3 ~= 0 then row[c] = value() end
    end
    rows[r] = row
  end
  local want, got = reference(columns, rows), core.grid(columns, rows)
  if want == got then same = same + 1 elseif not first_diff then first_diff = { want, got } end
end
t.is(same, trials, "core.grid = the Lua grid on every random table")
if first_diff then t.diag("want:\n" .. first_diff[1] .. "got:\n" .. first_diff[2]) end

t.is(core.grid({ { "a" }, { "b", "right" } }, {}), "\n\n", "no rows: every column is empty, so left out")
t.is(core.grid({ { "x" }, { "n", "right" } }, { { "ab", 2.0 }, { nil, 10 } }), "x   n\n--  ---\nab    2\n     10\n",
  "a float is shown as its cell (2) but measured as tostring measures it (2.0)")
t.done()
