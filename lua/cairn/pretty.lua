-- cairn.pretty: the REPL's printer. Tables with sorted keys, lists shown as lists, nesting and
-- width limits, cycle markers, __tostring honoured, strings quoted.
local pretty = {}

pretty.max_depth = 4
pretty.max_items = 40
pretty.width = 80

local function is_identifier(k)
  return type(k) == "string" and k:match("^[%a_][%w_]*$") ~= nil
end

local function key_less(a, b)
  local ta, tb = type(a), type(b)
  if ta ~= tb then
    if ta == "number" then return true end
    if tb == "number" then return false end
    return ta < tb
  end
  if ta == "number" or ta == "string" then return a < b end
  return tostring(a) < tostring(b)
end

local function scalar(v)
  local t = type(v)
  if t == "string" then return string.format("%q", v):gsub("\\\n", "\\n") end
  if t == "number" then
    if math.type(v) == "float" then
      if v ~= v then return "nan" end
      if v == math.huge then return "inf" elseif v == -math.huge then return "-inf" end
      local s = string.format("%.14g", v)
      if not s:find("[%.eni]") then s = s .. ".0" end
      return s
    end
    return tostring(v)
  end
  local mt = getmetatable(v)
  if (t == "table" or t == "userdata") and type(mt) == "table" and mt.__tostring then
    return tostring(v)
  end
  if t == "userdata" then
    local ok, s = pcall(tostring, v)
    return ok and s or "userdata"
  end
  return tostring(v)
end

local function render(v, depth, seen, indent)
  if type(v) ~= "table" then return scalar(v) end
  local mt = getmetatable(v)
  if type(mt) == "table" and mt.__tostring then return tostring(v) end
  if seen[v] then return "<cycle>" end
  if depth > pretty.max_depth then return "{...}" end
  seen[v] = true
  local n = #v
  local keys = {}
  for k in pairs(v) do
    if not (math.type(k) == "integer" and k >= 1 and k <= n) then keys[#keys + 1] = k end
  end
  table.sort(keys, key_less)
  local parts, count = {}, 0
  for i = 1, n do
    count = count + 1
    if count > pretty.max_items then break end
    parts[#parts + 1] = render(v[i], depth + 1, seen, indent .. "  ")
  end
  for _, k in ipairs(keys) do
    count = count + 1
    if count > pretty.max_items then break end
    local ks = is_identifier(k) and k or "[" .. scalar(k) .. "]"
    parts[#parts + 1] = ks .. " = " .. render(v[k], depth + 1, seen, indent .. "  ")
  end
  local total = n + #keys
  if total > pretty.max_items then
    parts[#parts + 1] = string.format("... (%d more)", total - pretty.max_items)
  end
  seen[v] = nil
  if #parts == 0 then return "{}" end
  local flat = "{ " .. table.concat(parts, ", ") .. " }"
  if #flat + #indent <= pretty.width and not flat:find("\n") then return flat end
  return "{\n" .. indent .. "  " .. table.concat(parts, ",\n" .. indent .. "  ") .. "\n" .. indent .. "}"
end

-- A printable string for any value.
function pretty.format(v)
  return render(v, 1, {}, "")
end

return pretty
