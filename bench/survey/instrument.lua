-- The benchmark's instrument: 40 agreement items answered by school and role.
local items = {}
for i = 1, 40 do items[i] = { code = "Q" .. i, text = "Benchmark statement " .. i .. ".", scale = "agreement" } end
return { id = "bench", version = 1, title = "Benchmark survey", attributes = { "school", "role" },
  items = items }
