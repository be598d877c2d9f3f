-- cairn.listing: --json and --csv on every command that lists things, as `gh` does.
--
--   local opts, rest = args.parse(argv, listing.spec { options = {...} }, "tool")
--   if listing.write(opts, columns, rows, "tool") then return 0 end   -- else print the table
--
-- The columns and rows are the listing's plain values (full text, never shortened); JSON is an
-- array of objects in column order, CSV has a header line.
local args = require "cairn.args"
local text = require "cairn.text"

local listing = {}

-- SPEC with the --json and --csv flags added.
function listing.spec(spec)
  spec = spec or {}
  spec.flags = spec.flags or {}
  spec.flags.json, spec.flags.csv = true, true
  return spec
end

-- Write COLUMNS/ROWS as JSON or CSV when OPTS asks for it; true when it did.
function listing.write(opts, columns, rows, command)
  if opts.json and opts.csv then args.usage_error("choose one of --csv and --json", command) end
  if opts.json then
    io.stdout:write(text.json(columns, rows))
    return true
  end
  if opts.csv then
    io.stdout:write(text.csv(columns, rows))
    return true
  end
  return false
end

return listing
