-- expect: cairn's internal tables
for r in db:rows("SELECT * FROM meta") do print(r) end
