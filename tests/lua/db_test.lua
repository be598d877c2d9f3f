-- The cairn.db binding: parameters, rows, transactions, closing.
local t = require "tap"
local sqlite = require "cairn.db"

local db = assert(sqlite.open(":memory:"))
db:exec("CREATE TABLE x(id INTEGER PRIMARY KEY, name TEXT, score REAL)")
t.is(db:exec("INSERT INTO x(name, score) VALUES (?, ?)", "a", 1.5), 1, "exec returns changes")
db:exec("INSERT INTO x(name, score) VALUES (:name, :score)", { name = "b", score = 2 })
t.is(db:value("SELECT count(*) FROM x"), 2, "value")
t.is(math.type(db:value("SELECT id FROM x WHERE name = ?", "b")), "integer", "integers stay integers")
t.same(db:one("SELECT name, score FROM x WHERE id = 1"), { name = "a", score = 1.5 }, "one")
t.is(db:one("SELECT * FROM x WHERE id = 99"), nil, "one with no row")

local names = {}
for r in db:rows("SELECT name FROM x ORDER BY id") do names[#names + 1] = r.name end
t.same(names, { "a", "b" }, "rows iterates in order")

for _ in db:rows("SELECT * FROM x") do break end
t.ok(db:exec("DROP TABLE IF EXISTS y") >= 0, "break closes the statement (no lock left)")

t.raises(function() db:exec("SELECT * FROM nope") end, "no such table: nope %(SQL: SELECT %* FROM nope%)",
  "SQL errors carry the SQL")
t.raises(function() db:exec("INSERT INTO x(name) VALUES (?)") end, "expects 1 parameter, got 0",
  "parameter count is checked")
t.raises(function() db:exec("INSERT INTO x(name) VALUES (?)", {}, 1) end, "expects 1 parameter",
  "too many parameters")
t.raises(function() db:exec("INSERT INTO x(name) VALUES (?)", print) end,
  "expected a string, number, boolean or nil, got function", "bad parameter type")
t.raises(function() db:one("SELECT 1; SELECT 2", 1) end, "only one SQL statement",
  "trailing statements refused with parameters")

-- transactions
t.raises(function()
  db:transaction(function()
    db:exec("INSERT INTO x(name) VALUES ('rolled back')")
    error("boom")
  end)
end, "boom", "transaction re-raises")
t.is(db:value("SELECT count(*) FROM x WHERE name = 'rolled back'"), 0, "transaction rolled back")

t.same({ db:transaction(function(a, b) db:exec("INSERT INTO x(name) VALUES ('kept')"); return a + b end, 1, 2) },
  { 3 }, "transaction returns results")
t.is(db:value("SELECT count(*) FROM x WHERE name = 'kept'"), 1, "transaction committed")

do
  local ok = pcall(function()
    local tx <close> = db:begin()
    db:exec("INSERT INTO x(name) VALUES ('tbc')")
    do
      local inner <close> = db:begin()
      db:exec("INSERT INTO x(name) VALUES ('inner')")
    end
    error("leave")
  end)
  t.ok(not ok, "error leaves the scope")
end
t.is(db:value("SELECT count(*) FROM x WHERE name IN ('tbc', 'inner')"), 0, "<close> rolled back outer and inner")

do
  local tx <close> = db:begin()
  db:exec("INSERT INTO x(name) VALUES ('committed')")
end
t.is(db:value("SELECT count(*) FROM x WHERE name = 'committed'"), 1, "<close> commits at scope end")

do
  local tx = db:begin()
  db:exec("INSERT INTO x(name) VALUES ('explicit')")
  tx:rollback()
  tx:commit() -- after rollback: nothing
end
t.is(db:value("SELECT count(*) FROM x WHERE name = 'explicit'"), 0, "explicit rollback")

local q = db:query("SELECT id, name FROM x WHERE id <= 2 ORDER BY id")
t.same(q.columns, { "id", "name" }, "query columns in order")
t.same(q.rows, { { 1, "a" }, { 2, "b" } }, "query rows")

-- closing
local iter, state, ctl, closer = db:rows("SELECT 1")
db:close()
t.ok(not db:isopen(), "closed")
t.raises(function() db:exec("SELECT 1") end, "closed database", "closed handle refuses work")
db:close() -- twice is fine
t.ok(iter(state, ctl) == nil, "statement of a closed db yields nothing")
t.done()
