-- bench/stats.lua: medians, ratios and README rows from the records bench/lib.sh writes.
--
-- A record file has one line per run: "NAME WALL USER SYS REPS RSS_KIB" (times in seconds for
-- REPS back-to-back runs), or "NAME timeout LIMIT WALL USER SYS" for a run stopped by its time
-- limit. Rows for the README go to ROWS (tab-separated: measure, cairn, baseline, baseline
-- figure, ratio, target, verdict), which bench/table.lua turns into bench/out/table.md.
--
--   lua5.4 stats.lua hyperfine FILE.json            -> "WALL USER SYS 1 0" (one round's means)
--   lua5.4 stats.lua ratio RECORDS ROWS MEASURE NAME BASE "BASELINE" TARGET [RSS_MIB]
--       cairn's NAME against BASE; the target is a CPU ratio (<= TARGET, "-" for none); RSS_MIB a
--       peak RSS cap
--   lua5.4 stats.lua info RECORDS NAME BASE "BASELINE"   a ratio printed, not a README row
--   lua5.4 stats.lua seconds RECORDS ROWS MEASURE NAME TARGET_S "DETAIL" [VERDICT]
--   lua5.4 stats.lua note ROWS MEASURE "TEXT"          a row with no figures (e.g. not measured)
local cmd = arg[1]

local function median(t)
  table.sort(t)
  local n = #t
  if n == 0 then return nil end
  if n % 2 == 1 then return t[(n + 1) // 2] end
  return (t[n // 2] + t[n // 2 + 1]) / 2
end

-- summary of one NAME: median wall and CPU per run, peak RSS, runs; or the timeout record
local function summary(file, name)
  local walls, cpus, rss, runs, timeout = {}, {}, 0, 0, nil
  for line in io.lines(file) do
    local f = {}
    for w in line:gmatch("%S+") do f[#f + 1] = w end
    if f[1] == name then
      if f[2] == "timeout" then
        timeout = { limit = tonumber(f[3]), wall = tonumber(f[4]), cpu = tonumber(f[5]) + tonumber(f[6]) }
      else
        local reps = tonumber(f[5])
        walls[#walls + 1] = tonumber(f[2]) / reps
        cpus[#cpus + 1] = (tonumber(f[3]) + tonumber(f[4])) / reps
        rss = math.max(rss, tonumber(f[6]) or 0)
        runs = runs + 1
      end
    end
  end
  if timeout then return { timeout = timeout } end
  assert(runs > 0, "no records for " .. name .. " in " .. file)
  return { wall = median(walls), cpu = median(cpus), rss = rss / 1024, runs = runs }
end

local function secs(s)
  if s >= 10 then return string.format("%.0f s", s) end
  if s >= 1 then return string.format("%.2f s", s) end
  if s >= 0.01 then return string.format("%.0f ms", s * 1000) end
  return string.format("%.1f ms", s * 1000)
end

local function figure(s, with_rss)
  if s.timeout then
    return string.format("did not finish within %s (CPU %s by then)", secs(s.timeout.limit), secs(s.timeout.cpu))
  end
  local t = string.format("CPU %s, wall %s", secs(s.cpu), secs(s.wall))
  if with_rss then t = t .. string.format(", peak RSS %.0f MiB", s.rss) end
  return t
end

local function ratio_text(c, b)
  if c.timeout then
    return string.format("> %.1fx (CPU; wall > %.1fx)", c.timeout.cpu / b.cpu, c.timeout.wall / b.wall)
  end
  local r = c.cpu / b.cpu
  return string.format(r < 0.1 and "%.3fx" or "%.2fx", r) .. string.format(" (wall %.2fx)", c.wall / b.wall)
end

local function add_row(rows, fields)
  local f = assert(io.open(rows, "a"))
  for i = 1, #fields do fields[i] = tostring(fields[i]):gsub("[\t\n]", " ") end
  f:write(table.concat(fields, "\t"), "\n")
  f:close()
end

if cmd == "hyperfine" then
  local s = assert(io.open(arg[2])):read("a")
  local function first(key) return tonumber(s:match('"' .. key .. '":%s*([%d%.eE%-]+)')) end
  print(string.format("%.6f %.6f %.6f 1 0", first("mean"), first("user"), first("system")))

elseif cmd == "ratio" then
  local records, rows, measure, name, base, base_label, target, rss_cap =
    arg[2], arg[3], arg[4], arg[5], arg[6], arg[7], tonumber(arg[8]), tonumber(arg[9])
  local c, b = summary(records, name), summary(records, base)
  local verdict
  if not target then
    verdict = "(no target)"
  elseif c.timeout then
    verdict = string.format("missed: did not finish (> %.1fx over the target)", c.timeout.cpu / b.cpu / target)
  else
    local r = c.cpu / b.cpu
    local misses = {}
    if r > target then misses[#misses + 1] = string.format("%.2fx over the target", r / target) end
    if rss_cap and c.rss > rss_cap then
      misses[#misses + 1] = string.format("RSS %.0f MiB > %d MiB", c.rss, rss_cap)
    end
    verdict = #misses == 0 and "met" or "missed: " .. table.concat(misses, ", ")
  end
  local target_text = (target and string.format("<= %gx", target) or "none") .. (rss_cap and string.format(", RSS <= %d MiB", rss_cap) or "")
  local line = { measure, figure(c, rss_cap ~= nil), base_label, figure(b, rss_cap ~= nil), ratio_text(c, b),
    target_text, verdict }
  add_row(rows, line)
  print(string.format("  %s\n    cairn     %s\n    baseline  %s: %s\n    ratio     %s   target %s   %s",
    measure, line[2], base_label, line[4], line[5], target_text, verdict))

elseif cmd == "info" then
  local records, name, base, base_label = arg[2], arg[3], arg[4], arg[5]
  local c, b = summary(records, name), summary(records, base)
  print(string.format("    vs %s: %s, ratio %s", base_label, figure(b), ratio_text(c, b)))

elseif cmd == "seconds" then
  local records, rows, measure, name, target, detail, verdict =
    arg[2], arg[3], arg[4], arg[5], tonumber(arg[6]), arg[7], arg[8]
  local c = summary(records, name)
  local ok = not c.timeout and c.cpu <= target
  verdict = verdict ~= nil and verdict ~= "" and verdict
    or (ok and "met" or string.format("missed: %.1fx the target", (c.timeout and c.timeout.cpu or c.cpu) / target))
  local line = { measure, figure(c), "none (an absolute target)", "", detail, string.format("<= %g s CPU", target), verdict }
  add_row(rows, line)
  print(string.format("  %s\n    cairn     %s\n    %s   target <= %g s   %s", measure, line[2], detail, target, verdict))

elseif cmd == "cpu" then -- median CPU seconds of NAME, for a script's own arithmetic
  print(string.format("%.6f", summary(arg[2], arg[3]).cpu))

elseif cmd == "note" then
  add_row(arg[2], { arg[3], arg[4], "", "", "", "", "" })
  print("  " .. arg[3] .. ": " .. arg[4])

else
  error("usage: stats.lua hyperfine|ratio|info|seconds|cpu|note ...", 0)
end
