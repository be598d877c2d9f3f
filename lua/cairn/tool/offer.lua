-- cairn.tool.offer: tools hand results on, offered, never forced.
--
-- A field may declare where a value for it can come from:
--
--   { id = "problem", type = "text", label = "Problem Statement",
--     offer = { from = "fishbone_diagram",                 -- the tool whose worksheet offers it
--               pick = function(w, at) return ... end,     -- w: its latest final worksheet
--               say = "From the fishbone of {date}:" } }   -- optional ({date} {title} {id} {tool})
--
-- `at.index` is the number of the row or group instance the field is in (nil at the top level),
-- so a column can offer the n-th action step to the n-th milestone. `pick` returns a value as
-- an answers file would give it (a string for text, a list for people), or nil for no offer.
--
-- Offers are for people at the prompt: the terminal shows the offered value as the question's
-- default (Enter accepts it, typing replaces it, `-` clears it). An answers file that leaves the
-- field out gets nothing; from Lua, `tool.run(id, answers, { accept_offers = true })` takes the
-- offers for the fields the answers leave out.
local offer = {}

-- Problems with a field's `offer` declaration, through PROBLEM (as form.lua reports them).
function offer.check_declaration(o, problem)
  if type(o) ~= "table" then problem("offer must be a table { from =, pick =, say = }") return end
  for k in pairs(o) do
    if k ~= "from" and k ~= "pick" and k ~= "say" then
      problem(string.format("offer: unknown key '%s' (allowed: from, pick, say)", tostring(k)))
    end
  end
  if type(o.from) ~= "string" then problem("offer.from must name a tool") end
  if type(o.pick) ~= "function" then problem("offer.pick must be a function(worksheet, at)") end
  if o.say ~= nil and type(o.say) ~= "string" and type(o.say) ~= "function" then
    problem("offer.say must be a string or a function(worksheet)")
  end
end

-- The latest final worksheet of tool ID (CACHE: a table kept for one run), or nil.
local function source(id, cache)
  if cache[id] == nil then
    local list = require("cairn.tool.worksheet").list { tool = id, status = "final" }
    cache[id] = list[1] or false
  end
  return cache[id] or nil
end

local function blank(v)
  return v == nil or (type(v) == "string" and not v:match("%S")) or (type(v) == "table" and next(v) == nil)
end

-- What field F offers at PATH ("goals[2].root_causes"): value, the sentence saying where it
-- comes from; nil when there is nothing to offer. A failing `pick` offers nothing (an offer
-- must never stop a run).
function offer.value(f, path, cache)
  local o = f.offer
  if not o then return nil end
  local w = source(o.from, cache)
  if not w then return nil end
  local index = path and tonumber(path:match("%[(%d+)%]%.[%w_]+$"))
  local ok, v = pcall(o.pick, w, { index = index, path = path })
  if not ok or blank(v) then return nil end
  local say = o.say or "Offered from {tool} (worksheet {id}, {date}):"
  if type(say) == "function" then
    local sok, s = pcall(say, w)
    say = sok and type(s) == "string" and s or "Offered from " .. o.from .. ":"
  else
    local fill = { date = (w.updated_at or ""):sub(1, 10), title = w.title or "", id = tostring(w.id),
      tool = o.from }
    say = say:gsub("{(%a+)}", function(k) return fill[k] end)
  end
  return v, say
end

-- ANSWERS with the offers taken for every offered field they leave empty (a copy): the top
-- level, and each row or group instance the answers already have. For tool.run's accept_offers.
function offer.fill(T, answers)
  local cache = {}
  local out = require("cairn.util").deep_copy(answers)
  local function walk(elements, container, prefix)
    for _, el in ipairs(elements) do
      if el.kind == "field" then
        if el.offer and blank(container[el.id]) then
          container[el.id] = offer.value(el, prefix .. el.id, cache)
        end
      elseif (el.kind == "table" or el.kind == "group") and type(container[el.id]) == "table" then
        for i, item in ipairs(container[el.id]) do
          if type(item) == "table" then
            walk(el.kind == "table" and el.columns or el.form, item, string.format("%s%s[%d].", prefix, el.id, i))
          end
        end
      end
    end
  end
  walk(T.form, out, "")
  return out
end

-- For the terminal: what field F offers at PATH in conversation ST, as a stored value (coerced
-- like typed input; an offer that is not a valid answer is no offer) and the sentence to show
-- once. Remembered in ST so a question asked again neither looks it up nor says it twice.
function offer.at_question(st, f, path)
  if not f.offer then return nil end
  st.offers = st.offers or { cache = {}, said = {}, at = {} }
  local memo = st.offers.at[path]
  if memo == nil then
    local v, say = offer.value(f, path, st.offers.cache)
    local stored
    if v ~= nil then
      local err
      stored, err = require("cairn.tool.form").coerce(f, v, st.ctx)
      if err then stored = nil end
    end
    memo = stored ~= nil and { value = stored, say = say } or false
    st.offers.at[path] = memo
  end
  if not memo then return nil end
  local say
  if not st.offers.said[path] then
    st.offers.said[path] = true
    say = memo.say
  end
  return memo.value, say
end

return offer
