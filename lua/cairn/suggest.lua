-- cairn.suggest: "did you mean" for a mistyped word (a command, an option, a help name).
--
--   suggest.closest("reprot", {"report", "run", ...})  -> {"report"}
--   suggest.hint("reprot", names)                      -> " (did you mean report?)" or ""
--
-- Close means a small edit distance, counting a swap of two neighbouring letters as one edit
-- ("lsit" -> "list"), or one word being the start of the other ("result" -> "results").
local suggest = {}

-- Edit distance with adjacent transpositions (optimal string alignment), case-insensitive.
function suggest.distance(a, b)
  a, b = a:lower(), b:lower()
  if a == b then return 0 end
  local d = {}
  for i = 0, #a do d[i] = { [0] = i } end
  for j = 0, #b do d[0][j] = j end
  for i = 1, #a do
    for j = 1, #b do
      local cost = a:byte(i) == b:byte(j) and 0 or 1
      local v = math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
      if i > 1 and j > 1 and a:byte(i) == b:byte(j - 1) and a:byte(i - 1) == b:byte(j) then
        v = math.min(v, d[i - 2][j - 2] + 1)
      end
      d[i][j] = v
    end
  end
  return d[#a][#b]
end

-- The candidates closest to WORD (at most MAX, default 3), best first; {} when none is close.
function suggest.closest(word, candidates, max)
  word = tostring(word or "")
  if word == "" then return {} end
  -- allow about one edit in three letters, at least one
  local limit = math.max(1, math.floor(#word / 3))
  local scored = {}
  for _, c in ipairs(candidates) do
    local d = suggest.distance(word, c)
    local lw, lc = word:lower(), c:lower()
    if #lw >= 3 and (lc:sub(1, #lw) == lw or lw:sub(1, #lc) == lc) then d = math.min(d, 1) end
    if d > 0 and d <= limit then scored[#scored + 1] = { name = c, d = d } end
  end
  table.sort(scored, function(x, y)
    if x.d ~= y.d then return x.d < y.d end
    return x.name < y.name
  end)
  local out = {}
  for i = 1, math.min(#scored, max or 3) do out[i] = scored[i].name end
  return out
end

-- " (did you mean X?)", " (did you mean X or Y?)", or "" when nothing is close.
function suggest.hint(word, candidates, max)
  local near = suggest.closest(word, candidates, max)
  if #near == 0 then return "" end
  if #near == 1 then return " (did you mean " .. near[1] .. "?)" end
  return " (did you mean " .. table.concat(near, ", ", 1, #near - 1) .. " or " .. near[#near] .. "?)"
end

return suggest
