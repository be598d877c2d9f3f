-- cairn.survey.suppress: which numbers may be shown. The rule (docs/survey-api.md):
--
-- 1. Primary: a cell (a group, or an item within a group) with a count above zero but below the
--    minimum is suppressed.
-- 2. Complementary: every published sum is a line "total = member + member + ...". Unknowns of
--    a line are its suppressed members (and its total, when that is suppressed). A line with
--    exactly one unknown gives that unknown away by subtraction, and a line whose only unknowns
--    are members that add up to more than zero but fewer than the minimum gives away their
--    combined group; in both cases the smallest shown member (above zero) is suppressed too,
--    and all lines are checked
--    again until none gives anything away. Totals fixed by another published result (the
--    margins of a two-way table are the one-way results) are never changed here.
local M = {}

M.reasons = {
  small = function(min) return string.format("fewer than %d respondents", min) end,
  small_item = function(min) return string.format("fewer than %d answers to this item", min) end,
  complementary = "withheld so that a smaller group cannot be worked out by subtraction",
}

-- cells: list of { value = count, suppressed = reason or nil, fixed = bool }
-- lines: list of { members = {cell indices}, total = cell index or nil (nil: a known total) }
-- Marks cells in place; returns the number of cells it suppressed.
function M.apply(cells, lines, min, reasons)
  reasons = reasons or {}
  local primary = reasons.primary or M.reasons.small(min)
  local extra = reasons.complementary or M.reasons.complementary
  local changed = 0
  for _, c in ipairs(cells) do
    if not c.suppressed and not c.fixed and c.value > 0 and c.value < min then
      c.suppressed = primary
      changed = changed + 1
    end
  end
  local again = true
  while again do
    again = false
    for _, line in ipairs(lines) do
      local unknown, hidden_sum, total_unknown = 0, 0, false
      for _, i in ipairs(line.members) do
        local c = cells[i]
        if c.suppressed then
          unknown = unknown + 1
          hidden_sum = hidden_sum + c.value
        end
      end
      if line.total and cells[line.total].suppressed then
        unknown = unknown + 1
        total_unknown = true
      end
      local leaks
      if total_unknown then
        leaks = unknown == 1 and cells[line.total].value > 0 -- the shown members add up to it
      else
        -- what subtraction gives is the hidden members' combined count: safe when it is zero
        -- (no answers to reveal) or at least the minimum and shared by two or more cells
        leaks = hidden_sum > 0 and (unknown == 1 or hidden_sum < min)
      end
      if leaks then
        -- suppress the smallest shown member above zero
        local best
        for _, i in ipairs(line.members) do
          local c = cells[i]
          if not c.suppressed and not c.fixed and c.value > 0 and (not best or c.value < cells[best].value) then
            best = i
          end
        end
        if best then
          cells[best].suppressed = extra
          changed = changed + 1
          again = true
        elseif line.total and not cells[line.total].suppressed and not cells[line.total].fixed then
          cells[line.total].suppressed = extra
          changed = changed + 1
          again = true
        end
      end
    end
  end
  return changed
end

return M
