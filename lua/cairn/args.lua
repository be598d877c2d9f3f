-- cairn.args: command-line option parsing shared by every subcommand.
--
--   local opts, rest = args.parse(argv, {
--     flags   = { csv = true, json = true },          -- --csv, --json
--     options = { out = "path", format = "name" },     -- --out PATH or --out=PATH
--     multi   = { param = true },                      -- --param may repeat (a list)
--     short   = { o = "out" },                         -- -o PATH
--   }, "cairn sql")
--
-- Unknown options and missing values raise a usage error (exit status 2) that says what was
-- expected. "--" ends the options.
local args = {}

local usage_mt = { __tostring = function(e) return e.message end }

-- A usage error: the command line shows the message and the command's usage, and exits 2.
function args.usage_error(message, command)
  error(setmetatable({ message = message, usage = true, command = command }, usage_mt), 0)
end

function args.is_usage_error(e)
  return type(e) == "table" and e.usage == true
end

-- "unknown option '--fromat' (did you mean --format?)": the names SPEC knows, as typed.
local function unknown_option(a, spec, command)
  local known = {}
  for _, set in ipairs { spec.flags or {}, spec.options or {}, spec.multi or {} } do
    for key in pairs(set) do known[#known + 1] = "--" .. key:gsub("_", "-") end
  end
  local typed = a:match("^(%-%-[^=]*)") or a
  args.usage_error(string.format("unknown option '%s'%s", a, require("cairn.suggest").hint(typed, known)),
    command)
end

-- "unknown subcommand 'lsit' (did you mean list?)" for a command with subcommands NAMES.
function args.unknown_subcommand(what, name, names, command)
  local hint = require("cairn.suggest").hint(name, names)
  if hint == "" then hint = " (expected " .. table.concat(names, ", ") .. ")" end
  args.usage_error(string.format("unknown %s '%s'%s", what, name, hint), command)
end

function args.parse(argv, spec, command)
  spec = spec or {}
  local flags, options, multi, short = spec.flags or {}, spec.options or {}, spec.multi or {},
      spec.short or {}
  local opts, rest = {}, {}
  local i = 1
  while i <= #argv do
    local a = argv[i]
    if a == "--" then
      for j = i + 1, #argv do rest[#rest + 1] = argv[j] end
      break
    end
    local name, value = a:match("^%-%-([%w][%w-]*)=(.*)$")
    if not name then name = a:match("^%-%-([%w][%w-]*)$") end
    if not name and a:match("^%-%a$") then name = short[a:sub(2)] or a end
    if name then
      local key = name:gsub("-", "_")
      if flags[key] then
        if value then args.usage_error("option --" .. name .. " takes no value", command) end
        opts[key] = true
      elseif options[key] or multi[key] then
        if value == nil then
          i = i + 1
          value = argv[i]
          if value == nil then
            args.usage_error(string.format("option --%s needs a value (%s)", name,
              options[key] or multi[key] == true and "a value" or multi[key]), command)
          end
        end
        if multi[key] then
          opts[key] = opts[key] or {}
          table.insert(opts[key], value)
        else
          opts[key] = value
        end
      else
        unknown_option(a, spec, command)
      end
    elseif a:match("^%-.") and not spec.allow_dash_args then
      unknown_option(a, spec, command)
    else
      rest[#rest + 1] = a
    end
    i = i + 1
  end
  return opts, rest
end

-- The global options (-w FILE, --workspace FILE, --workspace=FILE) wherever they stand in a
-- command's arguments: `cairn init --district X -w FILE` means what `cairn -w FILE init ...`
-- does. Returns the workspace named (or nil) and the arguments without the global options.
-- Nothing after "--" is looked at; with stop_at_positional (cairn run FILE ARGS: what follows
-- the script is the script's), nothing after the first plain argument is either.
function args.take_global_options(argv, command, stop_at_positional)
  local workspace, rest = nil, {}
  local i, done = 1, false
  while i <= #argv do
    local a = argv[i]
    if done then
      rest[#rest + 1] = a
    elseif a == "--" then
      done = true
      rest[#rest + 1] = a
    elseif a == "-w" or a == "--workspace" then
      if argv[i + 1] == nil then args.usage_error("option " .. a .. " needs a FILE", command) end
      workspace = argv[i + 1]
      i = i + 1
    elseif a:match("^%-%-workspace=") then
      workspace = a:match("=(.*)")
    else
      if stop_at_positional and not a:match("^%-") then done = true end
      rest[#rest + 1] = a
    end
    i = i + 1
  end
  return workspace, rest
end

-- "k=v" strings into a table; raises a usage error for anything else.
function args.pairs_list(list, what, command)
  local t = {}
  for _, item in ipairs(list or {}) do
    local k, v = item:match("^([%w_%.%-]+)=(.*)$")
    if not k then
      args.usage_error(string.format("%s '%s': expected NAME=VALUE", what, item), command)
    end
    t[k] = v
  end
  return t
end

return args
