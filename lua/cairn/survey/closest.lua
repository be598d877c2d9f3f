-- cairn.survey.closest: the attribute or item a column header most likely meant, for messages
-- that report a column matching nothing ("closest: item C1, I feel safe at school.").
local model = require "cairn.survey.model"
local suggest = require "cairn.suggest"

local M = {}

-- The closest candidate to HEADER among the instrument's attributes (and their aliases) and
-- items (codes, texts, aliases): { kind = "attribute"|"item", name =, text =, distance = }.
function M.find(inst, header)
  local key = model.norm(header or "")
  local best
  local function try(text, kind, name, shown)
    local d = suggest.distance(key, model.norm(text))
    if not best or d < best.distance then best = { kind = kind, name = name, text = shown, distance = d } end
  end
  for _, a in ipairs(inst.attributes) do
    try(a, "attribute", a)
    for _, al in ipairs((inst.attribute_aliases or {})[a] or {}) do try(al, "attribute", a) end
  end
  for _, item in ipairs(inst.items) do
    try(item.code, "item", item.code, item.text)
    try(item.text, "item", item.code, item.text)
    for _, al in ipairs(item.aliases or {}) do try(al, "item", item.code, item.text) end
  end
  return best
end

-- "; closest: item C1 (I feel safe at school.)" or "" when the instrument has nothing to offer.
function M.describe(inst, header)
  if not tostring(header or ""):match("%S") then return "" end
  local b = M.find(inst, header)
  if not b then return "" end
  if b.kind == "attribute" then return "; closest: attribute " .. b.name end
  return string.format("; closest: item %s (%s)", b.name, b.text)
end

return M
